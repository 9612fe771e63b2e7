/* sieve.h - which sentences may hold a word of a query: a test on raw text that needs no analysis, so a snippet analyses only those. */
#ifndef IZDE_SIEVE_H
#define IZDE_SIEVE_H

#include <stddef.h>
#include <stdint.h>
#include "common/status.h"

/* Every term of a word begins with the word's first letters, folded: a
 * stem with all of its root (izde_stemmer_root: not a Kyrgyz pronoun's,
 * not a Russian reflexive's mark) but its last letter, which a rule may
 * change (китеп -> ките, отец -> отц). The sieve keeps the first letters
 * of each term it is given, at most IZDE_SIEVE_LETTERS, coarsely folded
 * (izde_text_sieve_class), and passes a text in which some word begins
 * with the letters of some term. It may pass text without a match; it
 * never fails text with one (tests/unit/test_sieve.c checks every term of
 * every word of the samples, and data.sieve those of the treebanks), so
 * analysing only the text it passes finds every match. Where it cannot
 * tell (a term or a text with a character it does not know, a term of
 * fewer letters than it needs), it passes. */
#define IZDE_SIEVE_LETTERS 4
#define IZDE_SIEVE_MAX 32

struct izde_sieve {
    uint32_t letters[IZDE_SIEVE_MAX][IZDE_SIEVE_LETTERS];
    unsigned char n[IZDE_SIEVE_MAX];    /* letters kept of each term */
    uint64_t words[IZDE_SIEVE_MAX];     /* the words each stands for, a bit each */
    size_t count;
    unsigned longest;
    uint64_t first;                     /* a bit for each term's first letter,
                                           modulo 64: most words begin with
                                           none, and are passed over at once */
    uint64_t any;                       /* every word given a term */
    uint64_t unsure;                    /* the words any text may hold */
};

void izde_sieve_init(struct izde_sieve *s);

/* Adds a term of query word number word (its bit is word % 64) as the
 * analysis writes it (prefix included, T terms packed: analysis/
 * analyze.h). Returns IZDE_OK or IZDE_ERR_NOMEM. */
izde_status_t izde_sieve_add(struct izde_sieve *s, const char *term, size_t len, unsigned word);

/* Whether text[0, len) (valid UTF-8) may hold a word with one of the
 * terms added. */
int izde_sieve_passes(const struct izde_sieve *s, const char *text, size_t len);

/* Finds in text[0, len) the first word that may have one of the terms
 * added. Returns 0 when there is none, else 1 with *word its start, or
 * SIZE_MAX when the sieve cannot tell where (any word may have one). */
int izde_sieve_find(const struct izde_sieve *s, const char *text, size_t len, size_t *word);

/* The words (bits, as in izde_sieve_add) whose terms text[0, len) may
 * hold; one that it lacks, text cannot hold. */
uint64_t izde_sieve_words(const struct izde_sieve *s, const char *text, size_t len);

#endif
