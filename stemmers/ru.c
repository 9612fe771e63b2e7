/* ru.c - Russian stemmer rules (placeholder: identity until the rules land). */
#include "stemmer_impl.h"

const unsigned izde_ru_version = 0;

int izde_ru_stem(struct izde_stem_buf *buf)
{
    (void)buf;
    return 0;
}
