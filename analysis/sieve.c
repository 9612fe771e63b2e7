/* sieve.c - which sentences may hold a word of a query: the first letters of each term, looked for at each word's start. */
#include "analysis/sieve.h"
#include <stdint.h>
#include <string.h>
#include "analysis/packing.h"
#include "index/schema.h"
#include "common/buf.h"
#include "common/utf8.h"
#include "stemmers/stemmer.h"
#include "text/text.h"

void izde_sieve_init(struct izde_sieve *s)
{
    memset(s, 0, sizeof(*s));
}

/* How many of a term's first letters its words all begin with: a stem's
 * root is what its stemmer says (body_end), an English stem's its first
 * letter ('dying' -> 'die' in Snowball's exceptions); a folded form or a T
 * term is the word's own. */
static unsigned letters_kept(char prefix, unsigned letters)
{
    unsigned n = letters;
    if (prefix == IZDE_PREFIX_STEM_EN[0])
        n = letters > 1 ? 1 : 0;
    return n < IZDE_SIEVE_LETTERS ? n : IZDE_SIEVE_LETTERS;
}

izde_status_t izde_sieve_add(struct izde_sieve *s, const char *term, size_t len, unsigned word)
{
    uint64_t bit = (uint64_t)1 << (word % 64);
    s->any |= bit;
    if (s->unsure & bit)
        return IZDE_OK;
    char prefix = len && term[0] >= 'A' && term[0] <= 'Z' ? term[0] : 0;
    if (prefix && prefix != IZDE_PREFIX_STEM_KY[0] && prefix != IZDE_PREFIX_STEM_RU[0] &&
        prefix != IZDE_PREFIX_STEM_EN[0] && prefix != IZDE_PREFIX_KBFOLD[0] &&
        prefix != IZDE_PREFIX_TRUNC[0]) {
        s->unsure |= bit;
        return IZDE_OK;
    }
    struct izde_buf shown = IZDE_BUF_INIT;
    if (izde_term_display(term, len, &shown) != IZDE_OK) {
        izde_buf_release(&shown);
        return IZDE_ERR_NOMEM;
    }
    /* The part of a stem its words begin with (izde_stemmer_root). */
    size_t body = prefix ? 1 : 0, body_end = shown.len;
    if (prefix == IZDE_PREFIX_STEM_KY[0] || prefix == IZDE_PREFIX_KBFOLD[0])
        body_end = body + izde_stemmer_root("ky", shown.p + body, shown.len - body);
    else if (prefix == IZDE_PREFIX_STEM_RU[0])
        body_end = body + izde_stemmer_root("ru", shown.p + body, shown.len - body);
    /* The body's letters up to the first that is not one. */
    uint32_t first[IZDE_SIEVE_LETTERS];
    unsigned letters = 0;
    int unsure = 0;
    for (size_t i = body; i < body_end && letters < IZDE_SIEVE_LETTERS;) {
        uint32_t f = 0;
        enum izde_sieve_class c = izde_text_sieve_class(izde_utf8_next(shown.p, body_end, &i), &f);
        if (c == IZDE_SIEVE_DROPPED)
            continue;
        unsure = c == IZDE_SIEVE_UNSURE;
        if (c != IZDE_SIEVE_LETTER)
            break;
        first[letters++] = f;
    }
    izde_buf_release(&shown);
    unsigned n = unsure ? 0 : letters_kept(prefix, letters);
    if (n == 0) {
        s->unsure |= bit;
        return IZDE_OK;
    }
    for (size_t k = 0; k < s->count; k++)
        if (s->n[k] == n && memcmp(s->letters[k], first, n * sizeof(first[0])) == 0) {
            s->words[k] |= bit;
            return IZDE_OK;
        }
    if (s->count == IZDE_SIEVE_MAX) {
        s->unsure |= bit;
        return IZDE_OK;
    }
    s->first |= (uint64_t)1 << (first[0] % 64);
    memcpy(s->letters[s->count], first, n * sizeof(first[0]));
    s->words[s->count] = bit;
    s->n[s->count++] = (unsigned char)n;
    if (n > s->longest)
        s->longest = n;
    return IZDE_OK;
}

/* The words of the terms kept that a word beginning with the n letters w
 * may have. */
static uint64_t words_begun(const struct izde_sieve *s, const uint32_t *w, unsigned n)
{
    uint64_t found = 0;
    for (size_t k = 0; k < s->count; k++)
        if (s->n[k] <= n && s->letters[k][0] == w[0] &&
            memcmp(s->letters[k] + 1, w + 1, (s->n[k] - 1) * sizeof(*w)) == 0)
            found |= s->words[k];
    return found;
}

/* The length of the letter at text[i] when it is one the sieve needs not
 * fold, inside a word: an ASCII letter or digit, or a Cyrillic letter
 * (U+0482-U+0489, signs and marks, excepted); else 0. */
static size_t plain_letter(const unsigned char *t, size_t len, size_t i)
{
    unsigned char b = t[i];
    if (b < 0x80)
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
    if (i + 1 >= len)
        return 0;
    if (b == 0xD0 || b == 0xD1 || b == 0xD3 || (b == 0xD2 && (t[i + 1] < 0x82 || t[i + 1] > 0x89)))
        return 2;
    return 0;
}

/* The words of the terms added that text may hold, read to the end, or
 * with first until one is found. *where (may be NULL) is then the start of
 * the word found first, or SIZE_MAX when the text has a character the
 * sieve cannot read (and may hold any word). */
static uint64_t scan(const struct izde_sieve *s, const char *text, size_t len, int first,
                     size_t *where)
{
    uint64_t found = s->unsure;
    int at_start = 1;
    if (where)
        *where = 0;
    for (size_t i = 0; i < len && !(first ? found != 0 : found == s->any);) {
        unsigned char b = (unsigned char)text[i];
        if (b < 0x80 && b != '-' && !((b | 0x20) >= 'a' && (b | 0x20) <= 'z') &&
            !(b >= '0' && b <= '9')) {
            at_start = 1; /* white space and ASCII punctuation: most of what is not a letter */
            i++;
            continue;
        }
        size_t skip = at_start ? 0 : plain_letter((const unsigned char *)text, len, i);
        if (skip) {
            i += skip;
            continue;
        }
        size_t start = i;
        uint32_t f = 0;
        enum izde_sieve_class c = izde_text_sieve_class(izde_utf8_next(text, len, &i), &f);
        switch (c) {
        case IZDE_SIEVE_UNSURE:
            if (where)
                *where = SIZE_MAX;
            return s->any;
        case IZDE_SIEVE_DROPPED:
            break;
        case IZDE_SIEVE_SEPARATOR:
        case IZDE_SIEVE_HYPHEN:
            at_start = 1;
            break;
        case IZDE_SIEVE_LETTER:
            /* A word that begins with no term's first letter is passed
             * over: a character the sieve cannot read later in it is met
             * by this loop all the same. */
            if (at_start && (s->first >> (f % 64) & 1)) {
                /* The word's first letters, read across hyphens too: a
                 * compound is also indexed joined ('иш-аракет' as
                 * 'ишаракет'), and its parts are words of their own. */
                uint32_t w[IZDE_SIEVE_LETTERS];
                unsigned n = 0;
                w[n++] = f;
                for (size_t j = i; j < len && n < s->longest;) {
                    uint32_t g = 0;
                    enum izde_sieve_class d = izde_text_sieve_class(izde_utf8_next(text, len, &j), &g);
                    if (d == IZDE_SIEVE_UNSURE) {
                        if (where)
                            *where = SIZE_MAX;
                        return s->any;
                    }
                    if (d == IZDE_SIEVE_LETTER)
                        w[n++] = g;
                    else if (d == IZDE_SIEVE_SEPARATOR)
                        break;
                }
                uint64_t begun = words_begun(s, w, n);
                if (begun && !found && where)
                    *where = start;
                found |= begun;
            }
            at_start = 0;
            break;
        }
    }
    return found;
}

int izde_sieve_passes(const struct izde_sieve *s, const char *text, size_t len)
{
    return scan(s, text, len, 1, NULL) != 0;
}

uint64_t izde_sieve_words(const struct izde_sieve *s, const char *text, size_t len)
{
    return scan(s, text, len, 0, NULL);
}

int izde_sieve_find(const struct izde_sieve *s, const char *text, size_t len, size_t *word)
{
    if (s->unsure) {
        *word = SIZE_MAX;
        return 1;
    }
    return scan(s, text, len, 1, word) != 0;
}
