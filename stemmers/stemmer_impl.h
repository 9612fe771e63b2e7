/* stemmer_impl.h - what one language module gives the language table. */
#ifndef IZDE_STEMMER_IMPL_H
#define IZDE_STEMMER_IMPL_H

#include <stddef.h>

/* The working buffer a language module stems in place. It grows only when a
 * longer word arrives, so stemming does not allocate per word. */
struct izde_stem_buf {
    char *p;      /* NUL-terminated UTF-8 */
    size_t len;   /* bytes in use, without the NUL */
    size_t cap;   /* bytes allocated */
};

/* Stems buf->p in place (it holds a copy of the word on entry); may only
 * shorten or rewrite within buf->cap. Returns 0, or -1 on out-of-memory. */
typedef int (*izde_stem_fn)(struct izde_stem_buf *buf);

int izde_ky_stem(struct izde_stem_buf *buf);
int izde_ru_stem(struct izde_stem_buf *buf);

/* How much of a stem the words with that stem begin with (see
 * izde_stemmer_root). */
typedef size_t (*izde_root_fn)(const char *stem, size_t len);

size_t izde_ky_root(const char *stem, size_t len);
size_t izde_ru_root(const char *stem, size_t len);

/* Rule versions; bump on any change of output (history in each file). */
extern const unsigned izde_ky_version;
extern const unsigned izde_ru_version;

#endif
