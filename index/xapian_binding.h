/* xapian_binding.h - the C interface to Xapian; the only C++ in Izde sits behind it. */
#ifndef IZDE_XAPIAN_BINDING_H
#define IZDE_XAPIAN_BINDING_H

#include <stddef.h>
#include <stdint.h>
#include "common/status.h"

#ifdef __cplusplus
#define IZDE_NOEXCEPT noexcept
extern "C" {
#else
#define IZDE_NOEXCEPT
#endif

/* Invariants for the whole binding:
 * - No exception ever leaves a function declared here; every failure is a
 *   status code, and the detail goes to the handle's error message
 *   (izde_wdb_errmsg, izde_rdb_errmsg) or, for constructors, to *errmsg.
 * - Strings are (pointer, length) pairs of UTF-8 bytes; they are copied, the
 *   caller keeps ownership.
 * - Returned memory that the caller frees is malloc'ed and says so.
 * - *errmsg, where a function takes one, is set to a malloc'ed message the
 *   caller frees, or NULL on success; pass NULL to ignore it. */

typedef struct izde_wdb izde_wdb_t;       /* one writable database */
typedef struct izde_rdb izde_rdb_t;       /* one or several databases, read as one */
typedef struct izde_query izde_query_t;   /* an immutable query tree */

typedef uint32_t izde_docid_t;            /* 0 is never a valid docid */

/* The longest term, in bytes, that a (glass) database stores. */
#define IZDE_MAX_TERM_LEN 245

/* ---------------------------------------------------------------- writing */

enum izde_wdb_flags {
    IZDE_WDB_CREATE_OR_OPEN = 0,       /* open, creating it if missing */
    IZDE_WDB_CREATE = 1 << 0,          /* fail if it exists */
    IZDE_WDB_OVERWRITE = 1 << 1,       /* create, replacing any existing one */
    IZDE_WDB_OPEN = 1 << 2,            /* fail if it does not exist */
    IZDE_WDB_NO_SYNC = 1 << 3,         /* skip fsync on commit (fresh builds
                                          that are swapped in afterwards) */
};

/* Opens the glass database at path for writing.
 * OUT: *out, NULL on failure.
 * Returns IZDE_OK, IZDE_ERR_DB_LOCKED (another writer holds it),
 * IZDE_ERR_DB_OPEN (missing with IZDE_WDB_OPEN, exists with IZDE_WDB_CREATE,
 * or not a database), IZDE_ERR_DB_CORRUPT, IZDE_ERR_DB, IZDE_ERR_NOMEM,
 * IZDE_ERR_INVALID (NULL path or out, more than one of CREATE, OVERWRITE and
 * OPEN, unknown flag bits). */
izde_status_t izde_wdb_open(const char *path, int flags, izde_wdb_t **out,
                            char **errmsg) IZDE_NOEXCEPT;

/* Commits pending changes (outside a transaction) and closes; NULL is a
 * no-op. Returns the status of that final commit. */
izde_status_t izde_wdb_close(izde_wdb_t *db) IZDE_NOEXCEPT;

/* The message of the last failed call on db; borrowed, valid until the next
 * call on db. "" when nothing failed. */
const char *izde_wdb_errmsg(const izde_wdb_t *db) IZDE_NOEXCEPT;

/* Makes all changes since the last commit durable and visible to readers. */
izde_status_t izde_wdb_commit(izde_wdb_t *db) IZDE_NOEXCEPT;

/* Groups changes so that they are committed all or none; closing the
 * handle without committing cancels them. */
izde_status_t izde_wdb_begin_transaction(izde_wdb_t *db) IZDE_NOEXCEPT;
izde_status_t izde_wdb_commit_transaction(izde_wdb_t *db) IZDE_NOEXCEPT;

/* Document building streams, as Cyrus's xapian_dbw_begin_doc does: begin,
 * add terms, values and data, then end_doc stores it. One document is under
 * construction at a time per handle. */
izde_status_t izde_wdb_begin_doc(izde_wdb_t *db) IZDE_NOEXCEPT;

/* Adds term with a position (pos >= 1) and wdf + 1. Terms are 1 to
 * IZDE_MAX_TERM_LEN bytes; others are IZDE_ERR_INVALID (the document and
 * the pending changes are unharmed; skip or shorten the term). */
izde_status_t izde_wdb_add_posting(izde_wdb_t *db, const char *term, size_t len,
                                   uint32_t pos) IZDE_NOEXCEPT;

/* Adds term without a position, wdf + wdfinc (0 for a boolean filter term).
 * Length limits as izde_wdb_add_posting. */
izde_status_t izde_wdb_add_term(izde_wdb_t *db, const char *term, size_t len,
                                uint32_t wdfinc) IZDE_NOEXCEPT;

/* Sets the document data blob (binary-safe). */
izde_status_t izde_wdb_set_data(izde_wdb_t *db, const char *data,
                                size_t len) IZDE_NOEXCEPT;

/* Stores the document under construction, replacing any document that has
 * the unique id term idterm (which end_doc also adds as a boolean term).
 * OUT: *docid (may be NULL). Ends the construction even on failure.
 * idterm is a term too: 1 to IZDE_MAX_TERM_LEN bytes, else IZDE_ERR_INVALID.
 * Beware: when Xapian fails to store the document, it discards every change
 * since the last commit (or begin_transaction), not only this document. */
izde_status_t izde_wdb_end_doc(izde_wdb_t *db, const char *idterm, size_t len,
                               izde_docid_t *docid) IZDE_NOEXCEPT;

/* Deletes every document indexed by idterm. Deleting nothing is IZDE_OK. */
izde_status_t izde_wdb_delete_doc(izde_wdb_t *db, const char *idterm,
                                  size_t len) IZDE_NOEXCEPT;

/* OUT: *count, the number of documents. */
izde_status_t izde_wdb_doccount(izde_wdb_t *db, uint64_t *count) IZDE_NOEXCEPT;

/* Metadata: key -> value strings stored with the database. A missing key
 * reads as "" (len 0). OUT: *value is malloc'ed, NUL-terminated; caller
 * frees. */
izde_status_t izde_wdb_get_metadata(izde_wdb_t *db, const char *key, char **value,
                                    size_t *len) IZDE_NOEXCEPT;
izde_status_t izde_wdb_set_metadata(izde_wdb_t *db, const char *key,
                                    const char *value, size_t len) IZDE_NOEXCEPT;

/* OUT: *data (malloc'ed, NUL-terminated, caller frees), *len: the data
 * blob of docid. Returns IZDE_ERR_NOT_FOUND if docid does not exist. */
izde_status_t izde_wdb_get_data(izde_wdb_t *db, izde_docid_t docid, char **data,
                                size_t *len) IZDE_NOEXCEPT;

/* Sets value slot of the stored document docid to data, leaving its terms
 * and data as they are (cheaper than storing the document again).
 * Returns IZDE_ERR_NOT_FOUND if docid does not exist. */
izde_status_t izde_wdb_set_doc_value(izde_wdb_t *db, izde_docid_t docid, uint32_t slot,
                                     const char *data, size_t len) IZDE_NOEXCEPT;

/* Calls fn for every posting (term, docid) of every term starting with
 * prefix (NULL is "", every term), terms in byte order, docids ascending
 * within a term; stops early when fn returns non-zero. For id terms: which
 * document each one names. fn must not modify db: collect, then delete. */
izde_status_t izde_wdb_each_posting(izde_wdb_t *db, const char *prefix,
                                    int (*fn)(const char *term, size_t len,
                                              izde_docid_t docid, void *closure),
                                    void *closure) IZDE_NOEXCEPT;

/* Calls fn for every document that has value slot set, docids ascending,
 * with the value; stops early when fn returns non-zero. fn must not modify
 * db. */
izde_status_t izde_wdb_each_value(izde_wdb_t *db, uint32_t slot,
                                  int (*fn)(izde_docid_t docid, const char *data,
                                            size_t len, void *closure),
                                  void *closure) IZDE_NOEXCEPT;

/* ------------------------------------------------- documents built apart */

/* A document built without a database handle, so that several threads can
 * build documents at once (one document per thread at a time) while one
 * thread stores them with izde_wdb_replace_doc. Terms and data as the
 * izde_wdb_add_* and izde_wdb_set_data functions above, same limits; a
 * value is binary-safe data for a slot (izde_sortable_u64 encodes
 * numbers). Failures are a status only. */
typedef struct izde_doc izde_doc_t;

/* OUT: *out, NULL on failure. Returns IZDE_OK or IZDE_ERR_NOMEM. */
izde_status_t izde_doc_new(izde_doc_t **out) IZDE_NOEXCEPT;
/* Frees doc; NULL is a no-op. */
void izde_doc_free(izde_doc_t *doc) IZDE_NOEXCEPT;

izde_status_t izde_doc_add_posting(izde_doc_t *doc, const char *term, size_t len,
                                   uint32_t pos) IZDE_NOEXCEPT;
izde_status_t izde_doc_add_term(izde_doc_t *doc, const char *term, size_t len,
                                uint32_t wdfinc) IZDE_NOEXCEPT;
izde_status_t izde_doc_set_value(izde_doc_t *doc, uint32_t slot, const char *data,
                                 size_t len) IZDE_NOEXCEPT;
izde_status_t izde_doc_set_data(izde_doc_t *doc, const char *data,
                                size_t len) IZDE_NOEXCEPT;

/* Stores doc, replacing any document that has the unique id term idterm
 * (which is added to doc as a boolean term), as izde_wdb_end_doc does, with
 * the same failure caveat. doc stays the caller's (free it, from any thread,
 * once this returns). OUT: *docid (may be NULL). */
izde_status_t izde_wdb_replace_doc(izde_wdb_t *db, const char *idterm, size_t len,
                                   izde_doc_t *doc, izde_docid_t *docid) IZDE_NOEXCEPT;

/* As izde_wdb_replace_doc, for a caller that knows no document has idterm
 * yet: skips the look-up of the old document (a new docid every time, so a
 * wrong guess makes a duplicate). */
izde_status_t izde_wdb_add_doc(izde_wdb_t *db, const char *idterm, size_t len,
                               izde_doc_t *doc, izde_docid_t *docid) IZDE_NOEXCEPT;

/* ---------------------------------------------------------------- reading */

/* Opens the databases at paths[0..n-1] (glass directories, or stub files
 * listing local or remote shards) as one database for searching.
 * OUT: *out, NULL on failure.
 * Returns IZDE_OK, IZDE_ERR_DB_OPEN (missing, or not a database),
 * IZDE_ERR_DB_CORRUPT, IZDE_ERR_DB, IZDE_ERR_INVALID (n == 0),
 * IZDE_ERR_NOMEM. */
izde_status_t izde_rdb_open(const char *const *paths, size_t n, izde_rdb_t **out,
                            char **errmsg) IZDE_NOEXCEPT;

/* Closes; NULL is a no-op. */
void izde_rdb_close(izde_rdb_t *db) IZDE_NOEXCEPT;

/* As izde_wdb_errmsg. */
const char *izde_rdb_errmsg(const izde_rdb_t *db) IZDE_NOEXCEPT;

/* Moves to the latest committed revision (after IZDE_ERR_DB_MODIFIED). */
izde_status_t izde_rdb_reopen(izde_rdb_t *db) IZDE_NOEXCEPT;

izde_status_t izde_rdb_doccount(izde_rdb_t *db, uint64_t *count) IZDE_NOEXCEPT;

/* OUT: *freq, the number of documents that contain term (0 if none). */
izde_status_t izde_rdb_termfreq(izde_rdb_t *db, const char *term, size_t len,
                                uint64_t *freq) IZDE_NOEXCEPT;

/* Calls fn for every term starting with prefix (NULL is "", every term),
 * in byte order, with the number of documents that contain it; stops early
 * when fn returns non-zero. */
izde_status_t izde_rdb_each_term(izde_rdb_t *db, const char *prefix,
                                 int (*fn)(const char *term, size_t len, uint64_t freq,
                                           void *closure),
                                 void *closure) IZDE_NOEXCEPT;

/* Metadata of the first database (all shards carry the same). */
izde_status_t izde_rdb_get_metadata(izde_rdb_t *db, const char *key, char **value,
                                    size_t *len) IZDE_NOEXCEPT;

/* Document data. OUT: malloc'ed, NUL-terminated, caller frees.
 * Returns IZDE_ERR_NOT_FOUND if docid does not exist. */
izde_status_t izde_rdb_get_data(izde_rdb_t *db, izde_docid_t docid, char **data,
                                size_t *len) IZDE_NOEXCEPT;

/* ---------------------------------------------------------------- queries */

/* Query constructors. On failure *out is NULL and the status is
 * IZDE_ERR_NOMEM, IZDE_ERR_INVALID for a bad argument (NULL out or
 * subquery, empty term, unknown op, factor < 0 or NaN), or IZDE_ERR_QUERY
 * when Xapian refuses the shape (PHRASE or NEAR over anything but terms and
 * ORs of terms).
 * Subqueries passed in are borrowed: the caller still frees them, and the
 * new query keeps what it needs. Free with izde_query_free (NULL ok).
 * izde_query_combine with n == 0 matches nothing; with n == 1 it is that
 * subquery. */
typedef enum izde_query_op {
    IZDE_Q_AND,
    IZDE_Q_OR,
    IZDE_Q_AND_NOT,      /* first AND NOT (any of the rest) */
    IZDE_Q_AND_MAYBE,    /* first, with the rest only adding weight */
    IZDE_Q_FILTER,       /* first, restricted by the rest, which add no weight */
    IZDE_Q_PHRASE,       /* exact order within window (0: number of subqueries) */
    IZDE_Q_NEAR,         /* any order within window */
    IZDE_Q_SYNONYM,      /* alternatives weighted as one term by BM25 */
    IZDE_Q_ELITE_SET,    /* the window best-weighted subqueries, ORed */
} izde_query_op_t;

/* Documents whose value in slot lies in [lo, hi] by byte order (lo NULL:
 * up to hi; hi NULL: from lo on; not both NULL). The query adds no weight.
 * OUT: *out. Returns IZDE_OK, IZDE_ERR_INVALID, IZDE_ERR_NOMEM. */
izde_status_t izde_query_value_range(uint32_t slot, const char *lo, size_t lolen,
                                     const char *hi, size_t hilen,
                                     izde_query_t **out) IZDE_NOEXCEPT;

/* Every document, weight 0: what a query of filters and exclusions alone
 * ("year:2020..", "NOT x") starts from. */
izde_status_t izde_query_match_all(izde_query_t **out) IZDE_NOEXCEPT;

izde_status_t izde_query_term(const char *term, size_t len, uint32_t wqf,
                              izde_query_t **out) IZDE_NOEXCEPT;
izde_status_t izde_query_combine(izde_query_op_t op, izde_query_t *const *subs,
                                 size_t n, uint32_t window,
                                 izde_query_t **out) IZDE_NOEXCEPT;
/* Multiplies q's weight by factor (>= 0). */
izde_status_t izde_query_scale(const izde_query_t *q, double factor,
                               izde_query_t **out) IZDE_NOEXCEPT;
/* Xapian's description of q, for --explain and tests; malloc'ed, NULL if q
 * is NULL or memory ran out. */
char *izde_query_describe(const izde_query_t *q) IZDE_NOEXCEPT;
void izde_query_free(izde_query_t *q) IZDE_NOEXCEPT;

/* ---------------------------------------------------------------- search */

struct izde_search_opts {
    uint32_t offset;        /* hits to skip */
    uint32_t limit;         /* hits to return */
    uint32_t check_at_least;/* make the estimate exact up to this many */
    double bm25_k1, bm25_k2, bm25_k3, bm25_b, bm25_min_normlen;
    /* Order by the value in sort_slot (relevance breaks ties) instead of
     * by relevance when sort_slot >= 0: ascending, documents without the
     * value last; sort_reverse: descending, those without it last too.
     * (Over remote shards, ascending takes two searches: those with the
     * value, then those without.) */
    int sort_slot;
    int sort_reverse;
    /* Value counts over every matching document the matcher looks at (set
     * check_at_least to the document count to see them all), into
     * hits->facets in this order. A list facet's value holds several
     * values, each ended by IZDE_VALUE_LIST_SEP (one per author or
     * keyword). Each facet's slot is read whole once per revision the handle
     * has open (izde_rdb_reopen moves on) and kept in memory, so that a
     * count costs an array increment a match. Over remote shards, which
     * run only Xapian's own spies, Xapian's ValueCountMatchSpy counts
     * instead: the same counts, at a string a match. */
    const struct izde_facet_spec *facets;
    size_t nfacets;
    /* Every match weighs 0 (Xapian's BoolWeight): for a search that only
     * counts, as the facets' does. */
    int weightless;
};

#define IZDE_VALUE_LIST_SEP '\x1f'

struct izde_facet_spec {
    uint32_t slot;
    int list;               /* the value is a list (see above) */
    size_t max;             /* most frequent values to keep; 0: all */
    /* When set, counts instead the terms beginning with prefix that each
     * match has (their values are the terms without it), read from their
     * posting lists once per revision: for a few boolean terms, such as
     * a document's languages. Not counted over remote shards (the facet
     * stays empty and hits->examined 0). */
    const char *prefix;
};

struct izde_facet_value {
    char *value;            /* malloc'ed, NUL-terminated */
    size_t len;
    uint64_t count;         /* documents */
};

/* The values of one facet, most frequent first (ties by value). */
struct izde_facet {
    struct izde_facet_value *values;
    size_t n;
};

/* Xapian's BM25 defaults (k1 1, k2 0, k3 1, b 0.5, min_normlen 0.5), no
 * offset, limit 10, no sort, no facets. */
void izde_search_opts_init(struct izde_search_opts *opts) IZDE_NOEXCEPT;

typedef struct izde_hit {
    izde_docid_t docid;
    double score;
} izde_hit_t;

typedef struct izde_hits {
    izde_hit_t *items;      /* malloc'ed array of count */
    size_t count;
    uint64_t estimated;     /* estimated number of matching documents */
    uint64_t lower, upper;  /* bounds on that number; equal when it is exact
                               (check_at_least at or above it makes it so) */
    struct izde_facet *facets;  /* opts->nfacets of them, or NULL */
    size_t nfacets;
    uint64_t examined;      /* matches the facets were counted over: all
                               of them when it equals an exact count */
} izde_hits_t;

/* Runs q with BM25; hits are ranked best first.
 * OUT: *hits, set to empty on failure; release with izde_hits_release.
 * Returns IZDE_OK, IZDE_ERR_DB_MODIFIED (reopen and retry), IZDE_ERR_QUERY,
 * IZDE_ERR_DB, IZDE_ERR_NOMEM. */
izde_status_t izde_rdb_search(izde_rdb_t *db, const izde_query_t *q,
                              const struct izde_search_opts *opts,
                              izde_hits_t *hits) IZDE_NOEXCEPT;

/* Frees hits->items and zeroes *hits; safe on a zeroed struct. */
void izde_hits_release(izde_hits_t *hits) IZDE_NOEXCEPT;

/* ---------------------------------------------------------------- maintenance */

/* Writes a compacted copy of the databases at srcs[0..n-1] (merged when n > 1)
 * to dest, which must not exist. */
izde_status_t izde_db_compact(const char *const *srcs, size_t n, const char *dest,
                              char **errmsg) IZDE_NOEXCEPT;

/* Encodes v so that byte order equals numeric order (values that sort).
 * OUT: buf of at least 9 bytes. Returns the number of bytes written. */
size_t izde_sortable_u64(uint64_t v, char *buf) IZDE_NOEXCEPT;

/* ---------------------------------------------------------------- stemming */

/* Xapian's built-in Snowball stemmers, by Snowball's language name
 * ("english", "russian", ...). Which language uses one is not the
 * binding's business: analysis/stem.c chooses. */
typedef struct izde_xstem izde_xstem_t;

/* OUT: *out, NULL on failure. Returns IZDE_OK, IZDE_ERR_UNSUPPORTED (Xapian
 * has no stemmer for lang), IZDE_ERR_NOMEM. */
izde_status_t izde_xstem_new(const char *lang, izde_xstem_t **out) IZDE_NOEXCEPT;
void izde_xstem_free(izde_xstem_t *st) IZDE_NOEXCEPT;

/* Stems word (case-folded UTF-8). Returns a NUL-terminated buffer owned by
 * st, valid until the next call on st, length in *stem_len; NULL on
 * failure. */
const char *izde_xstem_stem(izde_xstem_t *st, const char *word, size_t len,
                            size_t *stem_len) IZDE_NOEXCEPT;

/* The version of the Xapian library this program runs with ("1.4.22");
 * static storage. */
const char *izde_xapian_version(void) IZDE_NOEXCEPT;

/* Xapian 1.4 can stop the process itself (std::terminate, then abort)
 * when a block write fails inside a commit: a full disk or a file size
 * limit, depending on which block fails. fn is then called instead, with
 * closure, from whatever thread was committing; it must not return (it
 * reports and _exit()s: other threads may still be running). NULL restores
 * the default. A last resort: every error Xapian throws is still a status. */
void izde_set_fatal_handler(void (*fn)(void *closure), void *closure) IZDE_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif
