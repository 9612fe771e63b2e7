/* stemmer.h - Izde's own rule-based stemmers behind one libstemmer-shaped API. */
#ifndef IZDE_STEMMER_H
#define IZDE_STEMMER_H

#include <stddef.h>
#include "common/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct izde_stemmer izde_stemmer_t;

/* Creates a stemmer for lang ("ky", "kir", "kyrgyz"; "ru", "rus",
 * "russian"). One per language and thread.
 * OUT: *out, NULL on failure.
 * Returns IZDE_OK, IZDE_ERR_UNSUPPORTED for an unknown language,
 * IZDE_ERR_NOMEM. */
izde_status_t izde_stemmer_new(const char *lang, izde_stemmer_t **out);

/* Frees st; NULL is a no-op. */
void izde_stemmer_free(izde_stemmer_t *st);

/* Stems word (len bytes of NFC, case-folded UTF-8; the caller normalises).
 * Returns a NUL-terminated buffer owned by st, valid until the next call on
 * st, with its length in *stem_len; NULL only on out-of-memory. Words the
 * rules do not claim (digits, Latin, symbols, invalid UTF-8, very long
 * tokens) come back unchanged. */
const char *izde_stemmer_stem(izde_stemmer_t *st, const char *word, size_t len,
                              size_t *stem_len);

/* How many bytes at the start of stem every word with that stem begins
 * with, for the language lang ("ky", "ru"; another gives len). A Kyrgyz
 * stem is the start of its words (китеби -> ките), but a pronoun's whose
 * forms change the root (мага -> мен: none). A Russian stem but its last
 * letter, before which a fleeting vowel may have gone (отец -> отц), and
 * the mark a reflexive gets back (учащихся -> учся: у). */
size_t izde_stemmer_root(const char *lang, const char *stem, size_t len);

/* The version of st's rules; it changes whenever any output changes, and the
 * index records it so that a changed stemmer asks for a reindex. */
unsigned izde_stemmer_version(const izde_stemmer_t *st);

/* The canonical language code of st ("ky" or "ru"). */
const char *izde_stemmer_lang(const izde_stemmer_t *st);

/* Canonical codes of all languages, in table order, NULL-terminated. */
const char *const *izde_stemmer_languages(void);

#ifdef __cplusplus
}
#endif

#endif
