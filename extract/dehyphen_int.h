/* dehyphen_int.h - what the hyphen repair's files share: the repairer's state, and the character and line-break scanners (inline: they run on every byte of every text). */
#ifndef IZDE_DEHYPHEN_INT_H
#define IZDE_DEHYPHEN_INT_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "extract/dehyphen.h"
#include "stemmers/stemmer.h"

/* A word (or hyphenated compound) of the document, lowercased, with ё as е
 * and stress marks dropped, and how often it occurs outside line breaks. */
struct entry {
    uint32_t off, len;      /* key in d->arena */
    uint32_t count;
    uint32_t hash;          /* 0: empty slot */
};

/* A key of the arena with its count, in a sorted list. */
struct skey {
    uint32_t off, len, count;
};

struct table {
    struct entry *e;
    size_t cap, n;
};

struct izde_dehyphen {
    izde_stemmer_t *ky, *ru;
    struct izde_buf arena;      /* the keys of both tables */
    struct table words;         /* words and hyphenated compounds */
    struct table stems;         /* 'K' or 'R' + stem of each word */
    int kyrgyz;                 /* the text has Kyrgyz letters (ң ө ү) */
    /* The text's words sorted, with their counts, for prefix counts. */
    struct skey *cur;
    size_t cur_n, cur_cap;
    struct izde_buf k1, k2;     /* scratch keys */
    int no_evidence;            /* decide by the language alone */
};

/* What decide makes of a line-break hyphen. */
enum verdict { JOIN, KEEP };

/* ------------------------------------------------------------ characters */

/* The start of the character that ends just before i. */
static inline size_t prev_start(const char *s, size_t i)
{
    do
        i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

static inline int is_letter(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= 0xC0 && c < 0x250 && c != 0xD7 && c != 0xF7) ||
           (c >= 0x400 && c < 0x530 && !(c >= 0x482 && c <= 0x489));
}

/* Letters, and the combining acute that marks stress in textbooks. */
static inline int is_word_cp(uint32_t c)
{
    return is_letter(c) || c == 0x301;
}

static inline uint32_t lower_cp(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
        (c >= 0x410 && c <= 0x42F))
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    if (((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) ||
         (c >= 0x4D0 && c <= 0x52F)) && !(c & 1))
        return c + 1;
    if (c >= 0x4C1 && c <= 0x4CE && (c & 1))
        return c + 1;
    return c;
}

static inline int is_upper(uint32_t c)
{
    return lower_cp(c) != c;
}

static inline size_t nchars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* The byte length of the first n characters of s. */
static inline size_t char_prefix(const char *s, size_t len, size_t n)
{
    size_t i = 0;
    while (i < len && n > 0) {
        izde_utf8_next(s, len, &i);
        n--;
    }
    return i;
}

/* ------------------------------------------------------------ scanning */

static inline int is_hyphen_at(const char *s, size_t len, size_t i, size_t *hl, int *soft)
{
    *soft = 0;
    if (s[i] == '-') {
        *hl = 1;
        return 1;
    }
    if (i + 3 <= len && memcmp(s + i, "\xE2\x80\x90", 3) == 0) {
        *hl = 3;
        return 1;
    }
    if (i + 2 <= len && memcmp(s + i, "\xC2\xAD", 2) == 0) {
        *hl = 2;
        *soft = 1;
        return 1;
    }
    return 0;
}

/* A line-break hyphen: s[h] is a hyphen right after a letter, followed by
 * spaces, one line break or a page break, spaces, and a letter.
 * OUT: *ws, *ys: where the break and the next word start; *hl: hyphen length. */
static inline int break_at(const char *s, size_t len, size_t h, size_t *hl, int *soft, size_t *ys)
{
    if (h == 0 || !is_hyphen_at(s, len, h, hl, soft))
        return 0;
    size_t p = prev_start(s, h);
    if (!is_word_cp(izde_utf8_next(s, len, &p)))
        return 0;
    size_t i = h + *hl;
    int nl = 0, ff = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n' ||
                       s[i] == '\f')) {
        nl += s[i] == '\n';
        ff += s[i] == '\f';
        i++;
    }
    if (!((nl == 1 && ff == 0) || (ff == 1 && nl <= 2)))
        return 0;
    if (i >= len)
        return 0;
    size_t j = i;
    if (!is_letter(izde_utf8_next(s, len, &j)))
        return 0;
    *ys = i;
    return 1;
}

static inline size_t word_end(const char *s, size_t len, size_t i)
{
    while (i < len) {
        size_t j = i;
        if (!is_word_cp(izde_utf8_next(s, len, &j)))
            break;
        i = j;
    }
    return i;
}

static inline size_t word_start(const char *s, size_t i)
{
    while (i > 0) {
        size_t p = prev_start(s, i), q = p;
        if (!is_word_cp(izde_utf8_next(s, i, &q)))
            break;
        i = p;
    }
    return i;
}

/* ------------------------------------------------------------ evidence */

/* dehyphen_lexicon.c: the document's words and stems, counted. */
/* Appends the key form of s[a, b): lowercase, ё as е, no stress marks. */
izde_status_t dh_add_key(struct izde_buf *k, const char *s, size_t a, size_t b);
/* How often key k occurs in t (0 when evidence is off). */
unsigned dh_lookup(struct izde_dehyphen *d, struct table *t, const char *k, size_t len);
/* Forgets the words of the text before, keeping (most) allocations. */
void dh_forget(struct izde_dehyphen *d);
/* Counts the vocabulary of s (see dehyphen_lexicon.c). */
izde_status_t dh_collect(struct izde_dehyphen *d, const char *s, size_t len);
void dh_merge_current(struct izde_dehyphen *d);
/* How often words of the text start with k (after dh_merge_current). */
unsigned dh_count_prefix(struct izde_dehyphen *d, const char *k, size_t len);

/* dehyphen_decide.c: join or keep the break between s[xs, xe) and
 * s[ys, ye); *rc receives an out-of-memory. */
enum verdict dh_decide(struct izde_dehyphen *d, const char *s, size_t xs, size_t xe, size_t ys,
                       size_t ye, izde_status_t *rc);

#endif
