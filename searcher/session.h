/* session.h - the one search API every front end calls (izde-search, later izde-web). */
#ifndef IZDE_SESSION_H
#define IZDE_SESSION_H

#include <stddef.h>
#include <stdint.h>
#include "common/buf.h"
#include "common/status.h"
#include "index/docdata.h"
#include "searcher/searcher.h"

/* A session is an open index (one or several searched as one) and the
 * analyzer that reads queries and snippets. One per thread: it holds the
 * reader's revision and the analyzer's scratch buffers. */
typedef struct izde_session izde_session_t;

/* Queries longer than these are refused: every word becomes several terms
 * to match and to look for in each snippet, and a 10,000-word query took
 * 14 s and 556 MB. A pasted paragraph is well within both. */
#define IZDE_SESSION_MAX_QUERY_BYTES (16 * 1024)
#define IZDE_SESSION_MAX_QUERY_WORDS 1000

/* Snippets mark each match with these when the caller gives no marks:
 * control characters, which a snippet never holds otherwise (sr_snippet
 * turns them into spaces), so a renderer can find them again. */
#define IZDE_SNIPPET_OPEN "\x01"
#define IZDE_SNIPPET_CLOSE "\x02"

/* The facets a page can count (izde-search --facets). */
enum izde_facet_kind {
    IZDE_FACET_YEAR,
    IZDE_FACET_AUTHOR,
    IZDE_FACET_KW,
    IZDE_FACET_JOURNAL,
    IZDE_FACET_LANG,
    IZDE_FACET_UDC,
    IZDE_FACET_COUNT
};

/* "year", "author", "kw", "journal", "lang", "udc". */
const char *izde_facet_name(enum izde_facet_kind k);

/* The facet named by the len bytes at name, or -1. */
int izde_facet_from_name(const char *name, size_t len);

/* The set (1 << kind each) of the comma-separated facet names in list
 * ("year,kw"), into *set. Returns IZDE_OK, or IZDE_ERR_INVALID for an
 * unknown name or an empty list. */
izde_status_t izde_facet_set_parse(const char *list, unsigned *set);

/* The order named "relevance", "date" or "-date", into *sort. Returns
 * IZDE_OK or IZDE_ERR_INVALID. */
izde_status_t izde_sort_parse(const char *name, enum sr_sort *sort);

/* Values a facet shows when the caller does not say. */
#define IZDE_FACET_DEFAULT_MAX 10

/* The languages params.lang_counts counts the hits in: every one (NULL),
 * then each language the index tells apart. */
#define IZDE_SESSION_NLANGS 4
extern const char *const izde_session_langs[IZDE_SESSION_NLANGS];
/* Whether two of those name the same: NULL (every language) only NULL. */
int izde_session_same_lang(const char *a, const char *b);

/* What to search for in one call of izde_session_search. */
struct izde_session_params {
    uint32_t offset;        /* results to skip */
    uint32_t limit;         /* results to return; at least 1 */
    const char *lang;       /* only documents with text in this language
                               ("ky", "ru", "en"), or NULL for all */
    int all_only;           /* only documents with every query word */
    int suggest;            /* when nothing matched, look for a spelling the
                               index knows (page->suggestion) */
    int snippets;           /* make each hit's snippet (else they stay empty) */
    const char *mark_open;  /* around each match in a snippet; NULL for */
    const char *mark_close; /* IZDE_SNIPPET_OPEN and IZDE_SNIPPET_CLOSE */
    enum sr_sort sort;      /* order within complete and partial matches */
    unsigned facets;        /* 1 << enum izde_facet_kind for each to count,
                               over the documents with every word */
    size_t facet_max;       /* values a facet keeps; 0: IZDE_FACET_DEFAULT_MAX */
    int lang_counts;        /* also count the hits in each of
                               izde_session_langs (page->lang_counts) */
};

/* What became of a query that was searched without error. */
enum izde_page_outcome {
    IZDE_PAGE_SEARCHED,     /* searched; the page may still hold no hits */
    IZDE_PAGE_NO_WORDS,     /* nothing searchable in it (only punctuation,
                               only excluded words): not searched */
    IZDE_PAGE_TOO_LONG,     /* over IZDE_SESSION_MAX_QUERY_*: not searched */
    IZDE_PAGE_BAD_SYNTAX,   /* the query language was misused (an unbalanced
                               parenthesis, year:abc): page->error says
                               what, at which character; not searched */
};

/* One hit with its stored record. */
struct izde_session_hit {
    unsigned rank;          /* 1 for the first result of the whole list */
    double score;           /* BM25 */
    int partial;            /* misses some query words */
    izde_docid_t docid;
    struct izde_docdata dd; /* path, title, lang, encoding, text: point into
                               the page, valid until its release */
    struct izde_buf snippet;/* marked as params asked; empty without snippets */
    /* Where the snippet's words are, for a PDF (a link opens it at
     * #page=N): the pages of its first and last match (of its start when
     * it shows none), 1-based, counted at the form feeds between the
     * text's pages; 0 for other files and without snippets. */
    unsigned page, page_last;
    /* The same pages as the journal prints them, when the record gives its
     * first printed page (printed = first + page - 1), for a PDF or a text
     * whose pages end at form feeds; 0 otherwise. */
    unsigned printed_page, printed_last;
};

/* A page of results, all read from one revision of the index. Every
 * member belongs to the page; izde_session_page_release frees them. */
struct izde_session_page {
    enum izde_page_outcome outcome;
    const char *query;      /* the query as searched: invalid UTF-8 */
    size_t query_len;       /*   replaced by U+FFFD */
    size_t repaired;        /* invalid UTF-8 sequences replaced (0: none) */
    size_t words;           /* blank-separated words of the query */
    struct izde_session_hit *hits;
    size_t n;
    struct sr_counts counts;
    struct izde_buf suggestion; /* "did you mean", or empty */
    struct izde_buf explain;    /* the terms searched, one line a query word */
    struct izde_buf error;      /* IZDE_PAGE_BAD_SYNTAX: "unbalanced '(' at
                                   character 7" */
    /* The counts of each facet params asked for, most frequent first;
     * NULL for the others. Same revision as the hits. */
    const struct izde_facet *facet[IZDE_FACET_COUNT];
    /* With params.lang_counts, the hits in each of izde_session_langs, as
     * counts would be with that lang (the same revision as the hits);
     * zero otherwise. */
    struct sr_counts lang_counts[IZDE_SESSION_NLANGS];
    /* private */
    izde_hits_t facet_hits;
    struct izde_buf query_buf;
    char **raw;             /* each hit's record as read (dd points in) */
    size_t cap;
};

#define IZDE_SESSION_PAGE_INIT { .outcome = IZDE_PAGE_SEARCHED }

/* Opens the indexes at paths[0..n-1] (n >= 1) to search them as one, and
 * checks that paths[0] was written by this analysis version.
 * OUT: *s (close with izde_session_close); *msg on failure, one line saying
 * in plain words what is wrong and what to do (malloc'ed, freed by the
 * caller; msg may be NULL). Returns IZDE_OK; IZDE_ERR_NOMEM; an analyzer
 * status when text analysis cannot start; IZDE_ERR_DB_VERSION for an index
 * of another version; a database status when an index cannot be opened. */
izde_status_t izde_session_open(const char *const *paths, size_t n, izde_session_t **s,
                                char **msg);

/* Searches text (len bytes, any bytes: invalid UTF-8 is repaired) for the
 * page params asks for. The whole search (ranking, records, suggestion) is
 * redone on the newest revision when a writer discards the one being read,
 * so a page never mixes two revisions.
 * OUT: *page, which the caller releases with izde_session_page_release
 * whatever the result (on failure it holds the query only).
 * Returns IZDE_OK (see page->outcome), IZDE_ERR_NOMEM, or the status of a
 * failed read (izde_session_errmsg says more). */
izde_status_t izde_session_search(izde_session_t *s, const char *text, size_t len,
                                  const struct izde_session_params *params,
                                  struct izde_session_page *page);

/* What went wrong in the last failed call on s with status rc: the
 * engine's message, else rc's description. Borrowed, valid until the next
 * call on s. */
const char *izde_session_errmsg(const izde_session_t *s, izde_status_t rc);

/* Frees what the page holds and makes it empty (IZDE_SESSION_PAGE_INIT);
 * it may be searched into again. */
void izde_session_page_release(struct izde_session_page *page);

/* Moves the session to the newest committed revision, so that a
 * long-lived session (izde-web's, one per worker thread) sees what a writer
 * committed since it opened; cheap when nothing changed. Returns IZDE_OK or
 * the status of the reopen (izde_session_errmsg says more). */
izde_status_t izde_session_refresh(izde_session_t *s);

/* The stored record of document docid, read from the current revision:
 * OUT: *raw (malloc'ed; the caller frees it) and *dd pointing into it.
 * Returns IZDE_OK, IZDE_ERR_NOT_FOUND when no such document is in the index,
 * IZDE_ERR_ENCODING for a malformed record, or a database status. */
izde_status_t izde_session_record(izde_session_t *s, izde_docid_t docid, char **raw,
                                  struct izde_docdata *dd);

/* NULL is a no-op. */
void izde_session_close(izde_session_t *s);

#endif
