/* searcher.h - what the parts of izde-search share: the parsed query and its output. */
#ifndef IZDE_SEARCHER_H
#define IZDE_SEARCHER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "analysis/analyze.h"
#include "common/buf.h"
#include "common/status.h"
#include "index/xapian_binding.h"

/* One term the query searches, kept for snippets and --explain. */
struct sr_qterm {
    char *text;             /* malloc'ed */
    size_t len;
    enum izde_term_kind kind;
    enum izde_lang lang;
    unsigned word;          /* index of the query word it stands for */
    int stop;               /* of a stop word: does not choose snippets */
    int backoff;            /* a stem of the word's backoff (a shorter one,
                               or one of the index that extends it): it
                               marks the word in snippets, but is not one of
                               the word's own forms */
};

struct sr_query {
    izde_query_t *all;      /* documents with every word, or the one query
                               of a top-level OR or of filters alone; NULL
                               when there is nothing to search */
    izde_query_t *backoff;  /* documents with every word, some only through
                               the 5-letter prefix backoff (NULL if none) */
    izde_query_t *any;      /* documents with only some (NULL for one word) */
    izde_query_t *partial;  /* backoff's and any's documents together, when
                               there are both: what counts the partial
                               matches in one search, for it walks the
                               words' lists once, where backoff alone walks
                               every complete match (NULL otherwise) */
    unsigned nwords;        /* positive words and phrases */
    struct sr_qterm *terms; /* every term, positive words only */
    size_t nterms, cap;
    int has_content_terms;  /* some term is not of a stop word */
    struct izde_buf explain;/* one line per query word */
    struct izde_buf error;  /* the syntax error, when parsing failed on one */
    izde_rdb_t *vocab;      /* during sr_query_parse only: the index whose
                               stems extend a query stem (NULL: no such
                               backoff) */
};

/* Parses text (valid UTF-8) in the query language of searcher/qsyntax.h:
 * words, "quoted phrases" (also «», „“, “”; an unclosed quote runs to the
 * end), -excluded words and phrases, fields (title: author: kw: journal:
 * udc: doi: lang: year:), AND, OR, NOT and parentheses. A query of plain
 * words and phrases is searched in three tiers (all words, all words some
 * through the backoff, some words); other items of a top-level
 * conjunction are required of every tier; a top-level OR, or a query of
 * filters alone, is one boolean query in q->all. vocab (may be NULL) is
 * the index searched: a Kyrgyz word's backoff then takes the stems its
 * stem begins with and those of vocab that extend it (none when NULL, or
 * when the query has more than 5 words).
 * OUT: *q (release with sr_query_release, also on failure).
 * Returns IZDE_OK (q->all is NULL when nothing searchable is left),
 * IZDE_ERR_QUERY for bad syntax (q->error says what and at which
 * character), IZDE_ERR_NOMEM, or an analysis or query status. */
izde_status_t sr_query_parse(izde_analyzer_t *an, izde_rdb_t *vocab, const char *text,
                             size_t len, struct sr_query *q);
void sr_query_release(struct sr_query *q);

/* Blank-separated words of text[0..len). */
size_t sr_count_words(const char *text, size_t len);

/* One result ready for printing. */
struct sr_result {
    unsigned rank;
    double score;
    int partial;            /* misses some query words */
    izde_docid_t docid;
};

/* How many documents match, and whether that is exact or Xapian's
 * estimate. */
struct sr_count {
    uint64_t n;
    int exact;
};

/* Complete matches (every query word) and partial ones (some words; 0
 * with all_only): disjoint sets, so their sum is the total. Neither
 * depends on the page asked for. */
struct sr_counts {
    struct sr_count complete, partial;
};

/* The order of results within each tier of sr_rank. */
enum sr_sort {
    SR_SORT_RELEVANCE = 0,  /* BM25 */
    SR_SORT_DATE,           /* oldest year first, then BM25; no year last */
    SR_SORT_DATE_DESC,      /* newest year first, then BM25; no year last */
};

/* What sr_rank's counts saw of the documents of each of q's tiers (all,
 * backoff, any; with q->partial, all and partial in the first two),
 * counted by the terms of a prefix: the page's counts in each language
 * then need no search where a tier was seen whole. */
struct sr_tally {
    const char *prefix;     /* in: the terms to count (IZDE_PREFIX_LANG) */
    int whole[3];           /* the search saw every document of tier t */
    izde_hits_t hits[3];    /* hits[t].facets[0]: tier t's counts */
};

void sr_tally_release(struct sr_tally *tally);

/* Ranks q (BM25, or by year as sort says) for the page of limit results
 * from offset: documents with every query word first, then, unless
 * all_only, those with only some. tally (may be NULL) is filled with what
 * the searches saw (release it with sr_tally_release).
 * OUT: results (the caller's array of limit), *n of them, *counts.
 * Returns IZDE_ERR_DB_MODIFIED when the index changed under the reader:
 * the caller reopens it and redoes its whole search. */
izde_status_t sr_rank(izde_rdb_t *db, const struct sr_query *q, uint32_t offset, uint32_t limit,
                      int all_only, enum sr_sort sort, struct sr_result *results, size_t *n,
                      struct sr_counts *counts, struct sr_tally *tally);

/* The counts sr_rank gives q with limit 0, where q is the tiers of the
 * query that filled tally (may be NULL) kept to the documents with the
 * term tally->prefix + value: a tier the tally saw whole is counted from
 * it, the others by a search. Returns as sr_rank. */
izde_status_t sr_count_in(izde_rdb_t *db, const struct sr_query *q, int all_only,
                          const struct sr_tally *tally, const char *value,
                          struct sr_counts *counts);

/* Counts the values of the facets specs asks for (index/xapian_binding.h)
 * over every document with all of q's words (its first tier: the
 * documents a librarian narrows down, not those that miss a word).
 * OUT: *out, whose facets hold the counts in specs' order; release it
 * with izde_hits_release. Returns as sr_rank. */
izde_status_t sr_facets(izde_rdb_t *db, const struct sr_query *q,
                        const struct izde_facet_spec *specs, size_t n, izde_hits_t *out);

/* Bytes [start, end) of a text. */
struct sr_span {
    size_t start, end;
};

/* Makes *sieve from the terms of q that choose snippets, once for all the
 * snippets of a page. Returns IZDE_OK or IZDE_ERR_NOMEM. */
izde_status_t sr_snippet_sieve(const struct sr_query *q, struct izde_sieve *sieve);

/* Writes a snippet of text around the best cluster of query terms into out
 * (whitespace collapsed). Matches are wrapped in open/close. sieve is q's
 * (sr_snippet_sieve). partial: the text is a partial match's, so the
 * words it has only through the stem backoff count too (a complete
 * match's own forms are all it shows: 'казак' is no form of 'каза').
 * OUT: *matched (may be NULL): the text from the first match the snippet
 * shows to the end of its last (empty, at the snippet's start, when it
 * shows none), so that the caller can tell which page the words are on:
 * the context before a match may begin on the page before. */
izde_status_t sr_snippet(izde_analyzer_t *an, const struct sr_query *q,
                         const struct izde_sieve *sieve, int partial, const char *text, size_t len,
                         const char *open, const char *close, struct izde_buf *out,
                         struct sr_span *matched);

/* Writes into out the query with each word the index lacks replaced by
 * the closest index term (keyboard folding counts as no difference), or
 * leaves out empty when there is nothing to suggest. */
izde_status_t sr_suggest(izde_rdb_t *db, const struct sr_query *q, struct izde_buf *out);

/* Opens the indexes at paths[0..n-1] to search them as one (as
 * izde_rdb_open). On failure msg holds one line saying in plain words what
 * is wrong with which path and what to do: no index there yet, a file, a
 * folder of other files, an index still being built by izde-index --full,
 * a damaged index. OUT: *db. Returns izde_rdb_open's status. */
izde_status_t sr_open(const char *const *paths, size_t n, izde_rdb_t **db,
                      struct izde_buf *msg);

#endif
