/* stem.h - which stemmer stems each language: Izde's own rules (stemmers/) or Xapian's Snowball (the binding). */
#ifndef IZDE_ANALYSIS_STEM_H
#define IZDE_ANALYSIS_STEM_H

#include <stddef.h>
#include "common/status.h"
#include "text/langid.h"

/* The choice of stemmer per language is policy, so it is C and lives here:
 * stemmers/ is libc only and sits below index/, so it cannot reach Xapian,
 * and the binding only offers Snowball by name (izde_xstem_new). */
typedef struct izde_lang_stemmer izde_lang_stemmer_t;

/* Creates the stemmer of lang. One per language and thread.
 * OUT: *out, NULL on failure.
 * Returns IZDE_OK, IZDE_ERR_UNSUPPORTED (no stemmer for lang, e.g.
 * IZDE_LANG_OTHER), IZDE_ERR_NOMEM. */
izde_status_t izde_lang_stemmer_new(enum izde_lang lang, izde_lang_stemmer_t **out);

/* Frees st; NULL is a no-op. */
void izde_lang_stemmer_free(izde_lang_stemmer_t *st);

/* Stems word (NFC, case-folded UTF-8). Returns a NUL-terminated buffer
 * owned by st, valid until the next call on st, its length in *stem_len;
 * NULL on out-of-memory. */
const char *izde_lang_stemmer_stem(izde_lang_stemmer_t *st, const char *word, size_t len,
                                   size_t *stem_len);

/* What the index records of st's rules ("3" for ky's rule version 3,
 * "snowball" for Xapian's); static or owned by st. */
const char *izde_lang_stemmer_version(const izde_lang_stemmer_t *st);

#endif
