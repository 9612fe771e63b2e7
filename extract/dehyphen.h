/* dehyphen.h - repairing words hyphenated at line ends ("мек-\nтеп" -> "мектеп"), keeping real compounds ("иш-\nаракет" -> "иш-аракет"). */
#ifndef IZDE_DEHYPHEN_H
#define IZDE_DEHYPHEN_H

#include <stddef.h>
#include "common/buf.h"
#include "common/status.h"

/* What a repair did. */
struct izde_dehyphen_stats {
    size_t joined;      /* line-end hyphens removed: one word again */
    size_t kept;        /* line-end hyphens kept: a hyphenated compound */
    size_t soft;        /* line-end soft hyphens (U+00AD) removed */
};

/* A repair context: the vocabulary of the text being repaired and the
 * Kyrgyz and Russian stemmers. One per thread; reuse it from text to text
 * (it keeps its allocations, never its words). */
typedef struct izde_dehyphen izde_dehyphen_t;

/* OUT: *out, NULL on failure. Returns IZDE_OK or IZDE_ERR_NOMEM. */
izde_status_t izde_dehyphen_new(izde_dehyphen_t **out);
/* NULL is a no-op. */
void izde_dehyphen_free(izde_dehyphen_t *d);

/* use == 0: decide every break by the language alone, as if each word
 * occurred nowhere else (the other words of the text are not consulted).
 * For measuring how the repair does on words seen once. */
void izde_dehyphen_set_evidence(izde_dehyphen_t *d, int use);

/* Appends to out the text s (len bytes of valid UTF-8) with every
 * line-break hyphen decided: a letter, '-' (or U+2010), optional spaces, one
 * line break (or a form feed, a page break), optional spaces, a letter.
 *
 * The pair is joined into one word when the document's own evidence says so
 * (the joined form, or a form sharing its start, occurs elsewhere in the
 * text; the second part is only suffixes by the stemmers), and kept as a
 * hyphenated compound when the evidence points that way (the hyphenated
 * form occurs elsewhere; both parts are words of the text; the second part
 * starts with a capital or the first holds a digit; a Russian particle
 * such as -то, -либо; reduplication such as "тез-тез"). With no evidence
 * either way the pair is joined: at a line end a word broken by the
 * typesetter is far more common than a compound broken at its own hyphen.
 * A capitalised first part with a lower-case second one inside a sentence
 * is a broken name (Сагын-\nбек), joined: each part of a hyphenated name
 * has its capital. In Kyrgyz text the last resort is vowel harmony and the
 * character trigram model of the language identifier (langid_model.h): a
 * break where a word boundary is much likelier than a word going on
 * (иш|чара), or likelier at all while the vowels on its two sides disagree
 * in backness as no native word's do (азык|түлүк), is kept. A kept
 * break is not lost to the whole word: the analysis indexes a document's
 * compound also as one word (analysis/analyze.c), so иш-\nмердүүлүгү kept as
 * иш-мердүүлүгү is found by ишмердүүлүк. A soft hyphen at a line end is
 * always joined.
 *
 * The evidence is the text itself and the built-in rules, nothing else: the
 * result for a text never depends on the texts repaired before it, so one
 * collection gives one index whatever the number of threads and whether it
 * was built at once or file by file (--update). Measured by
 * bench/dehyphen_eval.sh.
 *
 * The line break moves behind the repaired word (and the punctuation glued
 * to it), so lines stay lines and the text shrinks only by the hyphen:
 * "иш-\nмердүүлүгү жөнүндө" becomes "ишмердүүлүгү\nжөнүндө".
 * OUT: *stats, counts (may be NULL).
 * Returns IZDE_OK or IZDE_ERR_NOMEM. */
izde_status_t izde_dehyphen_text(izde_dehyphen_t *d, const char *s, size_t len,
                                 struct izde_buf *out, struct izde_dehyphen_stats *stats);

#endif
