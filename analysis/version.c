/* version.c - the --version text of izde-index and izde-search. */
#include "analysis/version.h"

#include <stdlib.h>
#include "analysis/analyze.h"
#include "index/index_meta.h"
#include "izde_version.h"
#include "text/text.h"
#include "index/xapian_binding.h"

void izde_version_print(FILE *f, const char *prog)
{
    char icu[32];
    izde_text_icu_version(icu);
    fprintf(f, "%s %s\nXapian %s, ICU %s\nindex format %s", prog, IZDE_VERSION,
            izde_xapian_version(), icu, IZDE_INDEX_FORMAT);
    izde_analyzer_t *an = NULL;
    if (izde_analyzer_new(&an, NULL) == IZDE_OK)
        fprintf(f, ", %s", izde_analyzer_version(an));
    izde_analyzer_free(an);
    fputc('\n', f);
}
