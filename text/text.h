/* text.h - Unicode text handling: UTF-8 repair, normalisation, case folding, word breaks (the only ICU user). */
#ifndef IZDE_TEXT_H
#define IZDE_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include "common/buf.h"
#include "common/status.h"

/* Scans len bytes for invalid UTF-8 (overlongs, surrogates, truncated or
 * stray bytes, code points above U+10FFFF).
 * OUT: *first_bad, byte offset of the first invalid sequence (may be NULL).
 * Returns the number of invalid sequences; 0 means the text is valid. */
size_t izde_text_utf8_check(const char *s, size_t len, size_t *first_bad);

/* Appends s to out with each invalid sequence replaced by U+FFFD, so that
 * the rest of the text survives. Returns the number replaced via *nbad. */
izde_status_t izde_text_utf8_repair(const char *s, size_t len, struct izde_buf *out,
                                    size_t *nbad);


/* The analysis context: ICU break iterator and scratch buffers. One per
 * thread; create once, reuse for every text. */
typedef struct izde_text izde_text_t;

izde_status_t izde_text_new(izde_text_t **out, char **errmsg);
void izde_text_free(izde_text_t *t);

/* Writes the search form of one token into out (replacing its content):
 * NFC, full Unicode case folding (Ң→ң, Ө→ө, Ү→ү, Ё→ё), then ё→е, with soft
 * hyphens and zero-width characters dropped, and Latin look-alike letters
 * in an otherwise Cyrillic word made Cyrillic. s must be valid UTF-8.
 * Returns IZDE_OK, IZDE_ERR_NOMEM, IZDE_ERR_ICU. */
izde_status_t izde_text_fold(izde_text_t *t, const char *s, size_t len,
                             struct izde_buf *out);

/* Appends s (valid UTF-8) to out with each letter in lower case, code
 * point by code point and nothing else changed: a keyword as a facet
 * shows it, where izde_text_fold makes a search key. Returns IZDE_OK or
 * IZDE_ERR_NOMEM. */
izde_status_t izde_text_lower(const char *s, size_t len, struct izde_buf *out);

/* Writes the Cyrillic reading of a folded Latin-typed word ('ishmerduuluk'
 * -> 'ишмердуулук', 'obrazovanie' -> 'образование'). Returns
 * IZDE_ERR_UNSUPPORTED when s has a character with no Cyrillic reading. */
izde_status_t izde_text_latin_to_cyrillic(const char *s, size_t len, struct izde_buf *out);

enum izde_token_kind {
    IZDE_TOKEN_WORD,    /* letters (any script), possibly with digits */
    IZDE_TOKEN_NUMBER,  /* digits, with inner . or , as ICU reads them */
};

struct izde_token {
    size_t start, end;          /* byte offsets into the text */
    enum izde_token_kind kind;
    /* The token is glued to the previous one by a single hyphen with no
     * space around it (the 'аракет' of 'иш-аракет'). */
    int hyphen_joined;
};

/* Starts word iteration over text (valid UTF-8, not copied: it must stay
 * alive while tokens are read). */
izde_status_t izde_text_words_begin(izde_text_t *t, const char *text, size_t len);

/* OUT: *tok, the next word or number. Returns 1 when a token was produced,
 * 0 at the end of the text. Punctuation and spaces are never tokens. */
int izde_text_words_next(izde_text_t *t, struct izde_token *tok);

/* Classes a folded word by script, for choosing a stemmer. */
enum izde_script {
    IZDE_SCRIPT_OTHER,
    IZDE_SCRIPT_CYRILLIC,   /* only Cyrillic letters (and hyphens) */
    IZDE_SCRIPT_LATIN,      /* only Latin letters (and hyphens) */
    IZDE_SCRIPT_DIGITS,     /* contains a digit */
};
enum izde_script izde_text_script(const char *s, size_t len);

/* How the sieve (analysis/sieve.h) reads a code point of raw text: a
 * letter or digit of a word, with *folded the form it is compared in; a
 * separator between words; a hyphen, which both ends a word and may join
 * it to the next (a compound's joined reading); a character folding drops
 * inside a word (soft hyphen, the zero-width joiners, the BOM: not the
 * zero width space, at which ICU ends a word); or one it cannot tell
 * (another script, a combining mark), for which it must assume a match.
 * *folded is the letter folded as izde_text_fold folds it, then
 * keyboard-folded, with a Latin look-alike read as its Cyrillic twin:
 * coarser than any term, so a word whose term begins with some letters
 * begins with their coarse form. */
enum izde_sieve_class {
    IZDE_SIEVE_LETTER,
    IZDE_SIEVE_SEPARATOR,
    IZDE_SIEVE_HYPHEN,
    IZDE_SIEVE_DROPPED,
    IZDE_SIEVE_UNSURE,
};
enum izde_sieve_class izde_text_sieve_class(uint32_t cp, uint32_t *folded);

/* Whether cp is a letter of any script (ICU's u_isalpha). */
int izde_text_is_alpha(uint32_t cp);

/* Writes the version of the ICU library this program runs with ("72.1"). */
void izde_text_icu_version(char out[32]);

#endif
