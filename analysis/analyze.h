/* analyze.h - the one analysis pipeline (normalise, tokenise, identify language, stem) shared by indexer and searcher. */
#ifndef IZDE_ANALYZE_H
#define IZDE_ANALYZE_H

#include <stddef.h>
#include <stdint.h>
#include "analysis/packing.h"
#include "analysis/sieve.h"
#include "common/buf.h"
#include "text/langid.h"
#include "common/status.h"
/* The term prefixes (IZDE_PREFIX_*): unprefixed terms are exact (folded)
 * word forms; stems carry their language's prefix, so a Kyrgyz and a
 * Russian stem that happen to be spelled alike stay apart. */
#include "index/schema.h"

/* How many letters a T term (IZDE_PREFIX_TRUNC) keeps. */
#define IZDE_TRUNC_LETTERS 5

/* Terms longer than this are not indexed (Xapian's limit is 245 bytes). */
#define IZDE_MAX_TERM_BYTES 200

typedef struct izde_analyzer izde_analyzer_t;

enum izde_term_kind {
    IZDE_TERM_EXACT,     /* the folded word form */
    IZDE_TERM_STEM,      /* the stem of the word in lang (prefixed) */
    IZDE_TERM_COMPOUND,  /* a whole hyphenated compound ('иш-аракет') */
    IZDE_TERM_VARIANT,   /* query side: another spelling of the word (the
                            Cyrillic reading of a Latin-typed word) */
};

struct izde_term {
    const char *text;       /* the term, prefix included; borrowed, valid
                               during the callback only */
    size_t len;
    enum izde_term_kind kind;
    enum izde_lang lang;    /* language of a stem; the paragraph's otherwise */
    uint32_t pos;           /* word position, 1-based; compounds share the
                               position of their first part */
    size_t start, end;      /* byte span of the source word in the input */
    int stop;               /* query side: the word is a stop word */
    int positional;         /* the word's phrase key: the one term of the
                               word indexed with its position, which
                               phrases match on (see analyze.c) */
};

/* Receives each term; returning non-zero stops the analysis, which then
 * returns IZDE_ERR_INTERNAL unless the callback recorded its own reason. */
typedef int (*izde_term_fn)(const struct izde_term *term, void *closure);

/* Creates an analyser: ICU state and one stemmer per language. One per
 * thread. OUT: *out; *errmsg as in the binding. */
izde_status_t izde_analyzer_new(izde_analyzer_t **out, char **errmsg);
void izde_analyzer_free(izde_analyzer_t *a);

/* A string naming the analysis and stemmer versions ("analysis=1 ky=3
 * ru=2"); an index built with another string must be rebuilt. Static. */
const char *izde_analyzer_version(const izde_analyzer_t *a);

/* Counts per language of the words of one document. */
struct izde_analysis_stats {
    uint32_t words[IZDE_LANG_COUNT];
};

/* Document side: splits text (valid UTF-8) into paragraphs, identifies each
 * one's language, and emits every word's exact term and, for Kyrgyz and
 * Russian, its stem. *pos is the last position used (0 at the start of a
 * document) and is advanced, so several fields can share one position space.
 * stats (may be NULL) is added to. */
izde_status_t izde_analyze_text(izde_analyzer_t *a, const char *text, size_t len,
                                uint32_t *pos, struct izde_analysis_stats *stats,
                                izde_term_fn fn, void *closure);

/* As izde_analyze_text, for the terms of the words sieve looks for: only
 * the sentences it passes are analysed, so fewer other words are seen.
 * Positions count the words of those sentences only. */
izde_status_t izde_analyze_text_sieved(izde_analyzer_t *a, const char *text, size_t len,
                                       const struct izde_sieve *sieve, izde_term_fn fn,
                                       void *closure);

/* Document side, for text whose language the document itself states (an
 * article's Kyrgyz keyword list, its Russian abstract): as
 * izde_analyze_text, with every word in lang instead of identified. A
 * keyword list or a title is too short to be told apart by its letters
 * ("инновация, мектеп" reads as Russian). */
izde_status_t izde_analyze_text_in(izde_analyzer_t *a, const char *text, size_t len,
                                   enum izde_lang lang, uint32_t *pos, izde_term_fn fn,
                                   void *closure);


/* Query side: the words of a piece of query text (valid UTF-8). Each word
 * gets its exact term and its stem in every language it could plausibly be
 * in, all with the same pos, counted from 1 within this call:
 * - a Cyrillic word with ң, ө or ү is Kyrgyz (and stays precise);
 * - another Cyrillic word may be Kyrgyz, typed without Kyrgyz letters
 *   (its F term), or Russian;
 * - a Latin word is English, or Kyrgyz or Russian typed in Latin letters
 *   (the variant of its Cyrillic reading, analysed as above). */
izde_status_t izde_analyze_query(izde_analyzer_t *a, const char *text, size_t len,
                                 izde_term_fn fn, void *closure);

#endif
