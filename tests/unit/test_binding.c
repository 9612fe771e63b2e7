/* test_binding.c - unit tests of the C interface to Xapian (index/xapian_binding). */
#define _XOPEN_SOURCE 700   /* nftw, in scratch.h */
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "scratch.h"
#include "index/xapian_binding.h"

static void path_in(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", tmpdir, name);
}

/* Adds a document built apart (izde_doc_t), as izde-index does, with year
 * in value slot 0; see add_doc. */
static izde_status_t add_built_doc(izde_wdb_t *db, const char *id, const char *postings,
                                   const char *lang, uint64_t year, const char *data,
                                   izde_docid_t *docid)
{
    izde_doc_t *doc = NULL;
    izde_status_t st = izde_doc_new(&doc);
    uint32_t pos = 1;
    const char *p = postings;
    while (st == IZDE_OK && *p) {
        const char *sp = strchr(p, ' ');
        size_t len = sp ? (size_t)(sp - p) : strlen(p);
        st = izde_doc_add_posting(doc, p, len, pos++);
        p += len;
        while (*p == ' ')
            p++;
    }
    if (st == IZDE_OK && lang)
        st = izde_doc_add_term(doc, lang, strlen(lang), 0);
    char buf[9];
    size_t n = izde_sortable_u64(year, buf);
    if (st == IZDE_OK)
        st = izde_doc_set_value(doc, 0, buf, n);
    if (st == IZDE_OK)
        st = izde_doc_set_data(doc, data, strlen(data));
    if (st == IZDE_OK)
        st = izde_wdb_replace_doc(db, id, strlen(id), doc, docid);
    izde_doc_free(doc);
    return st;
}

/* Adds a document; postings is a space-separated word list given positions
 * 1, 2, ...; year 0 leaves value slot 0 unset. Documents without a year go
 * through the handle's own stream (izde_wdb_begin_doc...end_doc), the
 * others are built apart: both ways get used. */
static izde_status_t add_doc(izde_wdb_t *db, const char *id, const char *postings,
                             const char *lang, uint64_t year, const char *data,
                             izde_docid_t *docid)
{
    if (year)
        return add_built_doc(db, id, postings, lang, year, data, docid);
    izde_status_t st = izde_wdb_begin_doc(db);
    uint32_t pos = 1;
    const char *p = postings;
    while (st == IZDE_OK && *p) {
        const char *sp = strchr(p, ' ');
        size_t len = sp ? (size_t)(sp - p) : strlen(p);
        st = izde_wdb_add_posting(db, p, len, pos++);
        p += len;
        while (*p == ' ')
            p++;
    }
    if (st == IZDE_OK && lang)
        st = izde_wdb_add_term(db, lang, strlen(lang), 0);
    if (st == IZDE_OK)
        st = izde_wdb_set_data(db, data, strlen(data));
    izde_status_t st2 = izde_wdb_end_doc(db, id, strlen(id), docid);
    return st ? st : st2;
}

/* each_posting callback: finds the docid of one exact term. */
struct find {
    const char *term;
    izde_docid_t docid;
};

static int find_posting(const char *term, size_t len, izde_docid_t docid, void *closure)
{
    struct find *f = closure;
    if (len == strlen(f->term) && memcmp(term, f->term, len) == 0) {
        f->docid = docid;
        return 1;
    }
    return 0;
}

/* The document with id term idterm, 0 if none (or on failure). */
static izde_docid_t find_doc(izde_wdb_t *db, const char *idterm)
{
    struct find f = {idterm, 0};
    CHECK_INT(izde_wdb_each_posting(db, idterm, find_posting, &f), IZDE_OK);
    return f.docid;
}

/* each_posting callback: appends "term," (or "term:docid," with docids). */
struct postings {
    char out[512];
    int n, limit, docids;
};

static int collect_posting(const char *term, size_t len, izde_docid_t docid, void *closure)
{
    struct postings *c = closure;
    size_t used = strlen(c->out);
    if (c->docids)
        snprintf(c->out + used, sizeof c->out - used, "%.*s:%u,", (int)len, term,
                 (unsigned)docid);
    else
        snprintf(c->out + used, sizeof c->out - used, "%.*s,", (int)len, term);
    c->n++;
    return c->limit > 0 && c->n >= c->limit;
}

/* each_value callback: appends "docid=value" with the value decoded as a
 * sortable number, or "docid:?" when it is not one. */
static int collect_value(izde_docid_t docid, const char *data, size_t len, void *closure)
{
    char *out = closure;
    size_t used = strlen(out);
    uint64_t v = 0;
    int ok = len >= 1 && (size_t)(unsigned char)data[0] == len - 1;
    for (size_t i = 1; ok && i < len; i++)
        v = v << 8 | (unsigned char)data[i];
    if (ok)
        snprintf(out + used, 256 - used, "%u=%llu,", (unsigned)docid, (unsigned long long)v);
    else
        snprintf(out + used, 256 - used, "%u:?,", (unsigned)docid);
    return 0;
}

/* each_term callback: appends "term," to a string buffer; stops after
 * limit terms when limit > 0. */
struct collect {
    char out[512];
    int n, limit;
    uint64_t freqsum;
};

static int collect_term(const char *term, size_t len, void *closure)
{
    struct collect *c = closure;
    size_t used = strlen(c->out);
    snprintf(c->out + used, sizeof c->out - used, "%.*s,", (int)len, term);
    c->n++;
    return c->limit > 0 && c->n >= c->limit;
}

static int collect_term_freq(const char *term, size_t len, uint64_t freq, void *closure)
{
    struct collect *c = closure;
    c->freqsum += freq;
    return collect_term(term, len, closure);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Runs q and returns the hits' document data joined with ',' (rank order,
 * or sorted when sorted != 0) in out; -1 on a search failure. */
static int hit_names(izde_rdb_t *db, const izde_query_t *q, int sorted, char *out,
                     size_t size)
{
    izde_hits_t hits = {0};
    out[0] = '\0';
    if (izde_rdb_search(db, q, NULL, &hits) != IZDE_OK)
        return -1;
    char *names[64];
    size_t n = hits.count < 64 ? hits.count : 64;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        if (izde_rdb_get_data(db, hits.items[i].docid, &names[i], &len) != IZDE_OK)
            names[i] = strdup("?");
    }
    if (sorted)
        qsort(names, n, sizeof names[0], cmp_str);
    for (size_t i = 0; i < n; i++) {
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%s%s", i ? "," : "", names[i]);
        free(names[i]);
    }
    izde_hits_release(&hits);
    return (int)n;
}

static izde_query_t *term(const char *t)
{
    izde_query_t *q = NULL;
    CHECK_INT(izde_query_term(t, strlen(t), 1, &q), IZDE_OK);
    return q;
}

/* Combines two or three terms with op (t3 may be NULL). */
static izde_query_t *combine(izde_query_op_t op, uint32_t window, const char *t1,
                             const char *t2, const char *t3)
{
    izde_query_t *subs[3] = {term(t1), term(t2), t3 ? term(t3) : NULL};
    izde_query_t *q = NULL;
    CHECK_INT(izde_query_combine(op, subs, t3 ? 3 : 2, window, &q), IZDE_OK);
    for (int i = 0; i < 3; i++)
        izde_query_free(subs[i]);
    return q;
}

/* Expects the sorted hit names of q, then frees q. */
#define CHECK_HITS(db, q, want)                                               \
    do {                                                                      \
        char got_[512];                                                       \
        izde_query_t *q_ = (q);                                               \
        hit_names((db), q_, 1, got_, sizeof got_);                            \
        CHECK_STR(got_, want);                                                \
        izde_query_free(q_);                                                  \
    } while (0)

static double score_of(izde_rdb_t *db, const izde_query_t *q, izde_docid_t docid)
{
    izde_hits_t hits = {0};
    double s = -1;
    if (izde_rdb_search(db, q, NULL, &hits) == IZDE_OK)
        for (size_t i = 0; i < hits.count; i++)
            if (hits.items[i].docid == docid)
                s = hits.items[i].score;
    izde_hits_release(&hits);
    return s;
}

/* Database a: one, two, three-b, with metadata; exercises the writer. */
static void test_write(void)
{
    char path[600];
    path_in(path, sizeof path, "a");
    izde_wdb_t *db = NULL;
    char *err = (char *)"untouched";
    CHECK_INT(izde_wdb_open(path, IZDE_WDB_CREATE, &db, &err), IZDE_OK);
    CHECK(err == NULL);
    if (!db)
        return;
    CHECK_STR(izde_wdb_errmsg(db), "");

    izde_docid_t d1 = 0, d2 = 0, d3 = 0, d3b = 0, found = 0;
    CHECK_INT(add_doc(db, "Qdoc1", "apple banana cherry", "Lky", 2001, "one", &d1), IZDE_OK);
    CHECK_INT(add_doc(db, "Qdoc2", "apple apple apple date", NULL, 1999, "two", &d2), IZDE_OK);
    CHECK_INT(add_doc(db, "Qdoc3", "banana elder", "Lru", 0, "three", &d3), IZDE_OK);
    CHECK(d1 != 0 && d2 != 0 && d3 != 0 && d1 != d2 && d2 != d3);
    CHECK_INT(izde_wdb_commit(db), IZDE_OK);

    uint64_t count = 0;
    CHECK_INT(izde_wdb_doccount(db, &count), IZDE_OK);
    CHECK_INT(count, 3);

    /* Replacing by id term keeps one document under the same docid. */
    CHECK_INT(add_doc(db, "Qdoc3", "banana elder", "Lru", 0, "three-b", &d3b), IZDE_OK);
    CHECK_INT(d3b, d3);
    CHECK_INT(izde_wdb_doccount(db, &count), IZDE_OK);
    CHECK_INT(count, 3);

    CHECK_INT(find_doc(db, "Qdoc2"), d2);
    CHECK_INT(find_doc(db, "Qnone"), 0);
    CHECK_INT(find_doc(db, "Qdoc"), 0);   /* a prefix of id terms is none */

    /* Values: set on d1 and d2, unset on d3; changed in place; data. */
    char values[256] = "", want[256];
    CHECK_INT(izde_wdb_each_value(db, 0, collect_value, values), IZDE_OK);
    snprintf(want, sizeof want, "%u=2001,%u=1999,", (unsigned)d1, (unsigned)d2);
    CHECK_STR(values, want);
    char num[9];
    size_t num_len = izde_sortable_u64(2002, num);
    CHECK_INT(izde_wdb_set_doc_value(db, d1, 0, num, num_len), IZDE_OK);
    CHECK_INT(izde_wdb_set_doc_value(db, d3, 1, "x", 1), IZDE_OK);
    CHECK_INT(izde_wdb_set_doc_value(db, d3, 1, NULL, 0), IZDE_OK);   /* unset again */
    values[0] = '\0';
    CHECK_INT(izde_wdb_each_value(db, 0, collect_value, values), IZDE_OK);
    snprintf(want, sizeof want, "%u=2002,%u=1999,", (unsigned)d1, (unsigned)d2);
    CHECK_STR(values, want);
    values[0] = '\0';
    CHECK_INT(izde_wdb_each_value(db, 1, collect_value, values), IZDE_OK);
    CHECK_STR(values, "");
    CHECK_INT(izde_wdb_set_doc_value(db, 999, 0, num, num_len), IZDE_ERR_NOT_FOUND);
    CHECK(izde_wdb_errmsg(db)[0] != '\0');
    CHECK_INT(izde_wdb_set_doc_value(db, 0, 0, num, num_len), IZDE_ERR_NOT_FOUND);
    CHECK_INT(izde_wdb_set_doc_value(db, d1, 0, NULL, 1), IZDE_ERR_INVALID);
    CHECK_INT(izde_wdb_each_value(db, 0, NULL, NULL), IZDE_ERR_INVALID);
    char *val = NULL;
    size_t len = 99;
    CHECK_INT(izde_wdb_get_data(db, d3, &val, &len), IZDE_OK);
    CHECK_STRN(val, len, "three-b");
    free(val);
    CHECK_INT(izde_wdb_get_data(db, 999, &val, &len), IZDE_ERR_NOT_FOUND);
    CHECK(val == NULL && len == 0);
    CHECK_INT(izde_wdb_get_data(db, 0, &val, &len), IZDE_ERR_NOT_FOUND);

    /* Metadata, binary-safe; a missing key reads as "". */
    CHECK_INT(izde_wdb_set_metadata(db, "izde:version", "1", 1), IZDE_OK);
    CHECK_INT(izde_wdb_set_metadata(db, "bin", "a\0b", 3), IZDE_OK);
    CHECK_INT(izde_wdb_get_metadata(db, "izde:version", &val, &len), IZDE_OK);
    CHECK_STRN(val, len, "1");
    free(val);
    CHECK_INT(izde_wdb_get_metadata(db, "bin", &val, &len), IZDE_OK);
    CHECK(val && len == 3 && memcmp(val, "a\0b", 3) == 0 && val[3] == '\0');
    free(val);
    CHECK_INT(izde_wdb_get_metadata(db, "missing", &val, &len), IZDE_OK);
    CHECK_STRN(val, len, "");
    free(val);
    CHECK_INT(izde_wdb_set_metadata(db, "", "x", 1), IZDE_ERR_INVALID);

    /* Postings by term prefix, terms in byte order, with an early stop. */
    struct postings c = {.out = "", .n = 0, .limit = 0, .docids = 1};
    CHECK_INT(izde_wdb_each_posting(db, "Q", collect_posting, &c), IZDE_OK);
    snprintf(want, sizeof want, "Qdoc1:%u,Qdoc2:%u,Qdoc3:%u,", (unsigned)d1, (unsigned)d2,
             (unsigned)d3);
    CHECK_STR(c.out, want);
    struct postings c1 = {.out = "", .n = 0, .limit = 1, .docids = 0};
    CHECK_INT(izde_wdb_each_posting(db, "Q", collect_posting, &c1), IZDE_OK);
    CHECK_STR(c1.out, "Qdoc1,");
    struct postings call = {.out = "", .n = 0, .limit = 0, .docids = 0};
    CHECK_INT(izde_wdb_each_posting(db, NULL, collect_posting, &call), IZDE_OK);
    CHECK_STR(call.out, "Lky,Lru,Qdoc1,Qdoc2,Qdoc3,apple,apple,banana,banana,cherry,date,elder,");
    CHECK_INT(izde_wdb_each_posting(db, "Q", NULL, NULL), IZDE_ERR_INVALID);

    /* Delete by id term; deleting nothing is fine. */
    CHECK_INT(add_doc(db, "Qdoc4", "zebra", NULL, 0, "four", NULL), IZDE_OK);
    CHECK_INT(izde_wdb_commit(db), IZDE_OK);
    CHECK_INT(izde_wdb_doccount(db, &count), IZDE_OK);
    CHECK_INT(count, 4);
    CHECK_INT(izde_wdb_delete_doc(db, "Qdoc4", 5), IZDE_OK);
    CHECK_INT(izde_wdb_delete_doc(db, "Qnothing", 8), IZDE_OK);
    CHECK_INT(izde_wdb_doccount(db, &count), IZDE_OK);
    CHECK_INT(count, 3);
    CHECK_INT(find_doc(db, "Qdoc4"), 0);

    /* Transactions. */
    CHECK_INT(izde_wdb_begin_transaction(db), IZDE_OK);
    CHECK_INT(add_doc(db, "Qtx1", "kiwi", NULL, 0, "tx1", NULL), IZDE_OK);
    CHECK_INT(izde_wdb_commit_transaction(db), IZDE_OK);
    CHECK(find_doc(db, "Qtx1") != 0);
    CHECK_INT(izde_wdb_doccount(db, &count), IZDE_OK);
    CHECK_INT(count, 4);
    /* Commit outside a transaction is refused while one is open. */
    CHECK_INT(izde_wdb_begin_transaction(db), IZDE_OK);
    CHECK_INT(izde_wdb_commit(db), IZDE_ERR_DB);
    CHECK(strstr(izde_wdb_errmsg(db), "InvalidOperationError") != NULL);
    CHECK_INT(izde_wdb_commit_transaction(db), IZDE_OK);
    CHECK_INT(izde_wdb_commit_transaction(db), IZDE_ERR_DB);   /* none open */
    CHECK_INT(izde_wdb_delete_doc(db, "Qtx1", 4), IZDE_OK);

    /* Misuse of the document stream. */
    CHECK_INT(izde_wdb_add_posting(db, "x", 1, 1), IZDE_ERR_INVALID);
    CHECK(strstr(izde_wdb_errmsg(db), "begin_doc") != NULL);
    CHECK_INT(izde_wdb_begin_doc(db), IZDE_OK);
    CHECK_INT(izde_wdb_add_posting(db, "x", 1, 0), IZDE_ERR_INVALID);
    CHECK_INT(izde_wdb_add_term(db, "", 0, 1), IZDE_ERR_INVALID);
    CHECK_INT(izde_wdb_end_doc(db, "", 0, &found), IZDE_ERR_INVALID);
    CHECK_INT(found, 0);
    /* ...and end_doc ended the construction anyway. */
    CHECK_INT(izde_wdb_set_data(db, "x", 1), IZDE_ERR_INVALID);

    /* A term longer than glass allows is refused when added, so the
     * document and the pending delete of Qtx1 survive (a failure inside
     * Xapian's store would discard every uncommitted change). */
    char longterm[IZDE_MAX_TERM_LEN + 1];
    memset(longterm, 'x', sizeof longterm);
    CHECK_INT(izde_wdb_begin_doc(db), IZDE_OK);
    CHECK_INT(izde_wdb_add_term(db, longterm, IZDE_MAX_TERM_LEN + 1, 1), IZDE_ERR_INVALID);
    CHECK(strstr(izde_wdb_errmsg(db), "too long") != NULL);
    CHECK_INT(izde_wdb_add_posting(db, longterm, IZDE_MAX_TERM_LEN + 1, 1), IZDE_ERR_INVALID);
    CHECK_INT(izde_wdb_add_term(db, longterm, IZDE_MAX_TERM_LEN, 1), IZDE_OK);
    CHECK_INT(izde_wdb_end_doc(db, longterm, IZDE_MAX_TERM_LEN + 1, &found), IZDE_ERR_INVALID);
    CHECK_INT(izde_wdb_doccount(db, &count), IZDE_OK);
    CHECK_INT(count, 3);
    CHECK_INT(add_doc(db, "Qlong", "", NULL, 0, "long", &found), IZDE_OK);
    CHECK_INT(izde_wdb_delete_doc(db, "Qlong", 5), IZDE_OK);
    CHECK_INT(izde_wdb_doccount(db, &count), IZDE_OK);
    CHECK_INT(count, 3);

    CHECK_INT(izde_wdb_close(db), IZDE_OK);

    /* Reopen for writing: the data survived. */
    CHECK_INT(izde_wdb_open(path, IZDE_WDB_OPEN, &db, NULL), IZDE_OK);
    if (db) {
        CHECK_INT(izde_wdb_doccount(db, &count), IZDE_OK);
        CHECK_INT(count, 3);
        CHECK_INT(izde_wdb_close(db), IZDE_OK);
    }
}

/* Database b: two more documents, written with NO_SYNC and left for close
 * to commit. */
static void test_write_second(void)
{
    char path[600];
    path_in(path, sizeof path, "b");
    izde_wdb_t *db = NULL;
    CHECK_INT(izde_wdb_open(path, IZDE_WDB_OVERWRITE | IZDE_WDB_NO_SYNC, &db, NULL), IZDE_OK);
    if (!db)
        return;
    CHECK_INT(add_doc(db, "Qb1", "apple fig", NULL, 2010, "b-one", NULL), IZDE_OK);
    CHECK_INT(add_doc(db, "Qb2", "grape banana", NULL, 0, "b-two", NULL), IZDE_OK);
    CHECK_INT(izde_wdb_set_metadata(db, "izde:version", "2", 1), IZDE_OK);
    CHECK_INT(izde_wdb_close(db), IZDE_OK);

    /* A transaction left open when the handle closes is cancelled. */
    CHECK_INT(izde_wdb_open(path, IZDE_WDB_OPEN, &db, NULL), IZDE_OK);
    if (!db)
        return;
    CHECK_INT(izde_wdb_begin_transaction(db), IZDE_OK);
    CHECK_INT(add_doc(db, "Qb9", "lemon", NULL, 0, "b-nine", NULL), IZDE_OK);
    CHECK_INT(izde_wdb_delete_doc(db, "Qb2", 3), IZDE_OK);
    CHECK_INT(izde_wdb_close(db), IZDE_OK);
    CHECK_INT(izde_wdb_open(path, IZDE_WDB_OPEN, &db, NULL), IZDE_OK);
    if (!db)
        return;
    CHECK_INT(find_doc(db, "Qb9"), 0);
    CHECK(find_doc(db, "Qb2") != 0);
    CHECK_INT(izde_wdb_close(db), IZDE_OK);
}

/* Documents built apart: the errors each call refuses, and the id term
 * replace_doc and add_doc add. */
static void test_built_docs(void)
{
    izde_doc_t *doc = NULL;
    CHECK_INT(izde_doc_new(NULL), IZDE_ERR_INVALID);
    CHECK_INT(izde_doc_new(&doc), IZDE_OK);
    if (!doc)
        return;
    char longterm[IZDE_MAX_TERM_LEN + 1];
    memset(longterm, 'x', sizeof longterm);
    CHECK_INT(izde_doc_add_posting(doc, "x", 1, 0), IZDE_ERR_INVALID);
    CHECK_INT(izde_doc_add_posting(doc, longterm, sizeof longterm, 1), IZDE_ERR_INVALID);
    CHECK_INT(izde_doc_add_term(doc, "", 0, 1), IZDE_ERR_INVALID);
    CHECK_INT(izde_doc_add_term(doc, longterm, sizeof longterm, 1), IZDE_ERR_INVALID);
    CHECK_INT(izde_doc_set_value(doc, 0, NULL, 1), IZDE_ERR_INVALID);
    CHECK_INT(izde_doc_set_value(doc, 0xFFFFFFFFu, "x", 1), IZDE_ERR_INVALID);
    CHECK_INT(izde_doc_set_data(doc, NULL, 1), IZDE_ERR_INVALID);
    CHECK_INT(izde_doc_add_posting(NULL, "x", 1, 1), IZDE_ERR_INVALID);
    CHECK_INT(izde_doc_add_posting(doc, "pear", 4, 1), IZDE_OK);
    CHECK_INT(izde_doc_set_data(doc, "pear", 4), IZDE_OK);

    char path[600];
    path_in(path, sizeof path, "built");
    izde_wdb_t *db = NULL;
    CHECK_INT(izde_wdb_open(path, IZDE_WDB_CREATE, &db, NULL), IZDE_OK);
    if (db) {
        izde_docid_t d1 = 0, d2 = 0, d3 = 99;
        CHECK_INT(izde_wdb_replace_doc(db, "Qp", 2, NULL, &d1), IZDE_ERR_INVALID);
        CHECK_INT(izde_wdb_replace_doc(db, "", 0, doc, &d1), IZDE_ERR_INVALID);
        CHECK_INT(izde_wdb_add_doc(db, longterm, sizeof longterm, doc, &d1), IZDE_ERR_INVALID);
        CHECK_INT(izde_wdb_add_doc(db, "Qp", 2, doc, &d1), IZDE_OK);
        CHECK_INT(izde_wdb_replace_doc(db, "Qp", 2, doc, &d2), IZDE_OK);
        CHECK_INT(d2, d1);   /* replaced under its docid */
        CHECK_INT(izde_wdb_add_doc(db, "Qq", 2, doc, &d3), IZDE_OK);
        CHECK(d3 != d1 && d3 != 0);
        CHECK_INT(find_doc(db, "Qp"), d1);
        /* The document kept Qp when it was added again as Qq. */
        struct postings c = {.out = "", .n = 0, .limit = 0, .docids = 1};
        CHECK_INT(izde_wdb_each_posting(db, "Q", collect_posting, &c), IZDE_OK);
        char want[64];
        snprintf(want, sizeof want, "Qp:%u,Qp:%u,Qq:%u,", (unsigned)d1, (unsigned)d3,
                 (unsigned)d3);
        CHECK_STR(c.out, want);
        CHECK_INT(izde_wdb_close(db), IZDE_OK);
    }
    izde_doc_free(doc);
    izde_doc_free(NULL);
}

static void test_errors(void)
{
    char path[600], missing[600], plain[600];
    izde_wdb_t *w = NULL, *w2 = (izde_wdb_t *)1;
    izde_rdb_t *r = (izde_rdb_t *)1;
    char *err = NULL;

    /* Reading a missing database. */
    path_in(missing, sizeof missing, "missing");
    const char *paths[] = {missing};
    CHECK_INT(izde_rdb_open(paths, 1, &r, &err), IZDE_ERR_DB_OPEN);
    CHECK(r == NULL);
    CHECK(err && strstr(err, missing) != NULL);
    free(err);
    err = NULL;
    CHECK_INT(izde_rdb_open(paths, 1, &r, NULL), IZDE_ERR_DB_OPEN);   /* NULL errmsg */
    CHECK_INT(izde_rdb_open(paths, 0, &r, &err), IZDE_ERR_INVALID);
    free(err);
    err = NULL;

    /* Opening a missing database for writing without creating it. */
    CHECK_INT(izde_wdb_open(missing, IZDE_WDB_OPEN, &w, &err), IZDE_ERR_DB_OPEN);
    CHECK(w == NULL);
    CHECK(err && strstr(err, missing) != NULL);
    free(err);
    err = NULL;
    struct stat sb;
    CHECK(stat(missing, &sb) != 0);   /* and nothing was created */

    /* Conflicting mode flags. */
    CHECK_INT(izde_wdb_open(missing, IZDE_WDB_CREATE | IZDE_WDB_OPEN, &w, &err),
              IZDE_ERR_INVALID);
    free(err);
    err = NULL;

    /* Creating over an existing database. */
    path_in(path, sizeof path, "a");
    CHECK_INT(izde_wdb_open(path, IZDE_WDB_CREATE, &w, &err), IZDE_ERR_DB_OPEN);
    CHECK(err && strstr(err, path) != NULL);
    free(err);
    err = NULL;

    /* A second writer on the same path while the first is open: Xapian's
     * lock holds within one process too. */
    CHECK_INT(izde_wdb_open(path, IZDE_WDB_CREATE_OR_OPEN, &w, NULL), IZDE_OK);
    CHECK_INT(izde_wdb_open(path, IZDE_WDB_CREATE_OR_OPEN, &w2, &err), IZDE_ERR_DB_LOCKED);
    CHECK(w2 == NULL);
    CHECK(err && strstr(err, path) != NULL && strstr(err, "DatabaseLockError") != NULL);
    free(err);
    err = NULL;
    CHECK_INT(izde_wdb_close(w), IZDE_OK);
    CHECK_INT(izde_wdb_open(path, IZDE_WDB_OPEN, &w2, NULL), IZDE_OK);   /* released */
    CHECK_INT(izde_wdb_close(w2), IZDE_OK);

    /* A regular file that is not a database is IZDE_ERR_DB_OPEN both ways:
     * a reader takes a non-glass regular file for a stub database file and
     * fails to parse it (DatabaseOpeningError); a writer tries to create a
     * glass directory there (DatabaseCreateError, mkdir fails). */
    path_in(plain, sizeof plain, "plain.txt");
    FILE *f = fopen(plain, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("this is not a database\n", f);
        fclose(f);
    }
    const char *plains[] = {plain};
    CHECK_INT(izde_rdb_open(plains, 1, &r, &err), IZDE_ERR_DB_OPEN);
    CHECK(err && strstr(err, plain) != NULL);
    free(err);
    err = NULL;
    CHECK_INT(izde_wdb_open(plain, IZDE_WDB_CREATE_OR_OPEN, &w, &err), IZDE_ERR_DB_OPEN);
    CHECK(err && strstr(err, plain) != NULL);
    free(err);
    err = NULL;

    /* Beware: an empty file is an empty stub file, so Xapian opens it as a
     * database with no documents. */
    char empty[600];
    path_in(empty, sizeof empty, "empty");
    f = fopen(empty, "w");
    CHECK(f != NULL);
    if (f)
        fclose(f);
    const char *empties[] = {empty};
    uint64_t n = 99;
    CHECK_INT(izde_rdb_open(empties, 1, &r, NULL), IZDE_OK);
    CHECK_INT(izde_rdb_doccount(r, &n), IZDE_OK);
    CHECK_INT(n, 0);
    izde_rdb_close(r);

    /* The second of two paths is missing: the message names it. */
    const char *mixed[] = {path, missing};
    CHECK_INT(izde_rdb_open(mixed, 2, &r, &err), IZDE_ERR_DB_OPEN);
    CHECK(err && strstr(err, missing) != NULL);
    free(err);

    /* NULL is a no-op everywhere it is allowed. */
    CHECK_INT(izde_wdb_close(NULL), IZDE_OK);
    izde_rdb_close(NULL);
    izde_query_free(NULL);
    izde_hits_t zero = {0};
    izde_hits_release(&zero);
    CHECK(zero.items == NULL && zero.count == 0);
    CHECK_STR(izde_wdb_errmsg(NULL), "");
    CHECK_STR(izde_rdb_errmsg(NULL), "");
    CHECK_INT(izde_wdb_commit(NULL), IZDE_ERR_INVALID);
}

static void test_queries(izde_rdb_t *db)
{
    izde_query_t *q;
    char got[512];

    /* A single term, ranked: two has apple three times. */
    q = term("apple");
    CHECK_INT(hit_names(db, q, 0, got, sizeof got), 3);
    CHECK(strncmp(got, "two,", 4) == 0);
    CHECK_HITS(db, q, "b-one,one,two");

    CHECK_HITS(db, combine(IZDE_Q_AND, 0, "apple", "banana", NULL), "one");
    CHECK_HITS(db, combine(IZDE_Q_OR, 0, "fig", "grape", NULL), "b-one,b-two");
    CHECK_HITS(db, combine(IZDE_Q_AND_NOT, 0, "apple", "banana", "fig"), "two");
    CHECK_HITS(db, combine(IZDE_Q_AND_NOT, 0, "apple", "banana", NULL), "b-one,two");
    CHECK_HITS(db, combine(IZDE_Q_AND_MAYBE, 0, "apple", "cherry", NULL), "b-one,one,two");
    CHECK_HITS(db, combine(IZDE_Q_FILTER, 0, "apple", "banana", "cherry"), "one");
    CHECK_HITS(db, combine(IZDE_Q_FILTER, 0, "banana", "Lru", NULL), "three-b");
    CHECK_HITS(db, combine(IZDE_Q_PHRASE, 0, "apple", "banana", NULL), "one");
    CHECK_HITS(db, combine(IZDE_Q_PHRASE, 0, "banana", "apple", NULL), "");
    CHECK_HITS(db, combine(IZDE_Q_PHRASE, 0, "apple", "cherry", NULL), "");
    CHECK_HITS(db, combine(IZDE_Q_PHRASE, 3, "apple", "cherry", NULL), "one");
    CHECK_HITS(db, combine(IZDE_Q_PHRASE, 0, "apple", "banana", "cherry"), "one");
    CHECK_HITS(db, combine(IZDE_Q_NEAR, 0, "banana", "apple", NULL), "one");
    CHECK_HITS(db, combine(IZDE_Q_NEAR, 0, "fig", "apple", NULL), "b-one");
    CHECK_HITS(db, combine(IZDE_Q_NEAR, 0, "cherry", "apple", NULL), "");
    CHECK_HITS(db, combine(IZDE_Q_SYNONYM, 0, "fig", "grape", NULL), "b-one,b-two");
    CHECK_HITS(db, combine(IZDE_Q_ELITE_SET, 0, "fig", "grape", "elder"), "b-one,b-two,three-b");
    /* Elite sets are picked per shard, so use terms of one shard. */
    q = combine(IZDE_Q_ELITE_SET, 2, "cherry", "date", "elder");
    CHECK_INT(hit_names(db, q, 1, got, sizeof got), 2);
    izde_query_free(q);

    /* AND_MAYBE adds the optional term's weight; FILTER adds none. */
    izde_query_t *apple = term("apple");
    izde_docid_t one = 0;
    {
        izde_hits_t hits = {0};
        izde_query_t *qc = combine(IZDE_Q_AND, 0, "apple", "cherry", NULL);
        CHECK_INT(izde_rdb_search(db, qc, NULL, &hits), IZDE_OK);
        CHECK_INT(hits.count, 1);
        if (hits.count)
            one = hits.items[0].docid;
        izde_hits_release(&hits);
        izde_query_free(qc);
    }
    double base = score_of(db, apple, one);
    CHECK(base > 0);
    q = combine(IZDE_Q_AND_MAYBE, 0, "apple", "cherry", NULL);
    CHECK(score_of(db, q, one) > base);
    izde_query_free(q);
    q = combine(IZDE_Q_FILTER, 0, "apple", "cherry", NULL);
    CHECK(fabs(score_of(db, q, one) - base) < 1e-9);
    izde_query_free(q);

    /* Scaling. */
    CHECK_INT(izde_query_scale(apple, 2.0, &q), IZDE_OK);
    CHECK(fabs(score_of(db, q, one) - 2 * base) < 1e-9);
    izde_query_free(q);
    CHECK_INT(izde_query_scale(apple, 0.0, &q), IZDE_OK);
    CHECK_HITS(db, q, "b-one,one,two");
    q = (izde_query_t *)1;
    CHECK_INT(izde_query_scale(apple, -1.0, &q), IZDE_ERR_INVALID);
    CHECK(q == NULL);
    CHECK_INT(izde_query_scale(apple, NAN, &q), IZDE_ERR_INVALID);

    /* Degenerate combinations. */
    CHECK_INT(izde_query_combine(IZDE_Q_AND, NULL, 0, 0, &q), IZDE_OK);
    CHECK_HITS(db, q, "");
    {
        izde_query_t *subs[] = {apple};
        CHECK_INT(izde_query_combine(IZDE_Q_PHRASE, subs, 1, 0, &q), IZDE_OK);
        char *d1 = izde_query_describe(q), *d2 = izde_query_describe(apple);
        CHECK(d1 && d2 && strcmp(d1, d2) == 0);
        free(d1);
        free(d2);
        CHECK_HITS(db, q, "b-one,one,two");
        izde_query_t *bad[] = {apple, NULL};
        CHECK_INT(izde_query_combine(IZDE_Q_OR, bad, 2, 0, &q), IZDE_ERR_INVALID);
        CHECK(q == NULL);
        CHECK_INT(izde_query_combine((izde_query_op_t)99, subs, 1, 0, &q), IZDE_ERR_INVALID);
    }
    CHECK_INT(izde_query_term("", 0, 1, &q), IZDE_ERR_INVALID);
    CHECK(q == NULL);

    /* Descriptions. */
    char *d = izde_query_describe(apple);
    CHECK_STR(d, "Query(apple)");
    free(d);
    q = combine(IZDE_Q_AND, 0, "apple", "banana", NULL);
    d = izde_query_describe(q);
    CHECK_STR(d, "Query((apple AND banana))");
    free(d);
    izde_query_free(q);
    q = combine(IZDE_Q_PHRASE, 0, "apple", "banana", NULL);
    d = izde_query_describe(q);
    CHECK(d && strstr(d, "PHRASE 2") != NULL);
    free(d);
    izde_query_free(q);
    CHECK(izde_query_describe(NULL) == NULL);

    /* Xapian refuses a phrase over an AND when it is built. */
    {
        izde_query_t *and_q = combine(IZDE_Q_AND, 0, "apple", "banana", NULL);
        izde_query_t *subs[] = {and_q, apple}, *ph = (izde_query_t *)1;
        CHECK_INT(izde_query_combine(IZDE_Q_PHRASE, subs, 2, 0, &ph), IZDE_ERR_QUERY);
        CHECK(ph == NULL);
        izde_query_free(and_q);
    }

    /* A search that fails leaves the hits empty and says why. */
    {
        izde_hits_t hits = {.items = (izde_hit_t *)1, .count = 7, .estimated = 7, .lower = 7, .upper = 7};
        CHECK_INT(izde_rdb_search(db, NULL, NULL, &hits), IZDE_ERR_INVALID);
        CHECK(hits.items == NULL && hits.count == 0 && hits.estimated == 0 && hits.upper == 0);
        CHECK(izde_rdb_errmsg(db)[0] != '\0');
    }

    /* A query term longer than any stored term simply matches nothing. */
    {
        char longterm[300];
        memset(longterm, 'y', sizeof longterm);
        izde_query_t *lq = NULL;
        CHECK_INT(izde_query_term(longterm, sizeof longterm, 1, &lq), IZDE_OK);
        CHECK_HITS(db, lq, "");
    }

    izde_query_free(apple);
}

static void test_search_opts(izde_rdb_t *db)
{
    struct izde_search_opts o;
    izde_search_opts_init(&o);
    CHECK_INT(o.offset, 0);
    CHECK_INT(o.limit, 10);
    CHECK_INT(o.check_at_least, 0);
    CHECK(o.bm25_k1 == 1.0 && o.bm25_k2 == 0.0 && o.bm25_k3 == 1.0 && o.bm25_b == 0.5 &&
          o.bm25_min_normlen == 0.5);

    izde_query_t *all = combine(IZDE_Q_OR, 0, "apple", "banana", NULL);   /* every document */
    izde_hits_t full = {0}, page = {0};
    CHECK_INT(izde_rdb_search(db, all, &o, &full), IZDE_OK);
    CHECK_INT(full.count, 5);
    CHECK_INT(full.estimated, 5);

    o.limit = 2;
    o.check_at_least = 5;
    CHECK_INT(izde_rdb_search(db, all, &o, &page), IZDE_OK);
    CHECK_INT(page.count, 2);
    CHECK_INT(page.estimated, 5);
    izde_hits_release(&page);
    CHECK(page.items == NULL && page.count == 0 && page.estimated == 0);

    o.offset = 2;
    CHECK_INT(izde_rdb_search(db, all, &o, &page), IZDE_OK);
    CHECK_INT(page.count, 2);
    if (page.count == 2 && full.count == 5) {
        CHECK_INT(page.items[0].docid, full.items[2].docid);
        CHECK_INT(page.items[1].docid, full.items[3].docid);
    }
    izde_hits_release(&page);

    o.offset = 4;
    o.limit = 10;
    CHECK_INT(izde_rdb_search(db, all, &o, &page), IZDE_OK);
    CHECK_INT(page.count, 1);
    izde_hits_release(&page);

    o.offset = 0;
    o.limit = 0;
    CHECK_INT(izde_rdb_search(db, all, &o, &page), IZDE_OK);
    CHECK_INT(page.count, 0);
    CHECK(page.items == NULL);
    izde_hits_release(&page);
    izde_hits_release(&full);

    /* Scores are ranked best first and b = 0 changes BM25's scores. */
    izde_query_t *apple = term("apple");
    izde_search_opts_init(&o);
    CHECK_INT(izde_rdb_search(db, apple, &o, &full), IZDE_OK);
    CHECK_INT(full.count, 3);
    for (size_t i = 1; i < full.count; i++)
        CHECK(full.items[i - 1].score >= full.items[i].score);
    o.bm25_b = 0.0;
    CHECK_INT(izde_rdb_search(db, apple, &o, &page), IZDE_OK);
    CHECK_INT(page.count, 3);
    if (page.count == 3 && full.count == 3)
        CHECK(page.items[0].score != full.items[0].score);
    izde_hits_release(&page);
    izde_hits_release(&full);
    izde_query_free(apple);
    izde_query_free(all);

    CHECK_INT(izde_rdb_search(db, NULL, NULL, &page), IZDE_ERR_INVALID);
}

static void test_read(void)
{
    char a[600], b[600];
    path_in(a, sizeof a, "a");
    path_in(b, sizeof b, "b");
    const char *paths[] = {a, b};
    izde_rdb_t *db = NULL;
    char *err = (char *)"untouched";
    CHECK_INT(izde_rdb_open(paths, 2, &db, &err), IZDE_OK);
    CHECK(err == NULL);
    if (!db)
        return;
    CHECK_STR(izde_rdb_errmsg(db), "");

    uint64_t n = 0;
    CHECK_INT(izde_rdb_doccount(db, &n), IZDE_OK);
    CHECK_INT(n, 5);
    CHECK_INT(izde_rdb_termfreq(db, "apple", 5, &n), IZDE_OK);
    CHECK_INT(n, 3);
    CHECK_INT(izde_rdb_termfreq(db, "nothing", 7, &n), IZDE_OK);
    CHECK_INT(n, 0);

    struct collect c = {.out = "", .n = 0, .limit = 0, .freqsum = 0};
    CHECK_INT(izde_rdb_each_term(db, "Q", collect_term_freq, &c), IZDE_OK);
    CHECK_STR(c.out, "Qb1,Qb2,Qdoc1,Qdoc2,Qdoc3,");
    CHECK_INT(c.freqsum, 5);
    struct collect cb = {.out = "", .n = 0, .limit = 0, .freqsum = 0};
    CHECK_INT(izde_rdb_each_term(db, "banana", collect_term_freq, &cb), IZDE_OK);
    CHECK_STR(cb.out, "banana,");
    CHECK_INT(cb.freqsum, 3);
    struct collect c1 = {.out = "", .n = 0, .limit = 2, .freqsum = 0};
    CHECK_INT(izde_rdb_each_term(db, NULL, collect_term_freq, &c1), IZDE_OK);
    CHECK_INT(c1.n, 2);

    /* Metadata comes from the first database. */
    char *v = NULL;
    size_t len = 0;
    CHECK_INT(izde_rdb_get_metadata(db, "izde:version", &v, &len), IZDE_OK);
    CHECK_STRN(v, len, "1");
    free(v);

    /* Documents from both databases are found. */
    izde_query_t *q = term("fig");
    izde_hits_t hits = {0};
    CHECK_INT(izde_rdb_search(db, q, NULL, &hits), IZDE_OK);
    CHECK_INT(hits.count, 1);
    if (hits.count == 1) {
        CHECK_INT(izde_rdb_get_data(db, hits.items[0].docid, &v, &len), IZDE_OK);
        CHECK_STRN(v, len, "b-one");
        free(v);
    }
    izde_hits_release(&hits);
    izde_query_free(q);

    /* Missing documents. */
    v = (char *)"untouched";
    CHECK_INT(izde_rdb_get_data(db, 1000, &v, &len), IZDE_ERR_NOT_FOUND);
    CHECK(v == NULL && len == 0);
    CHECK(izde_rdb_errmsg(db)[0] != '\0');
    CHECK_INT(izde_rdb_get_data(db, 0, &v, &len), IZDE_ERR_NOT_FOUND);

    CHECK_INT(izde_rdb_reopen(db), IZDE_OK);

    test_queries(db);
    test_search_opts(db);
    izde_rdb_close(db);
}

/* A reader sees a writer's commits after reopen. */
static void test_reopen(void)
{
    char b[600];
    path_in(b, sizeof b, "b");
    const char *paths[] = {b};
    izde_rdb_t *r = NULL;
    izde_wdb_t *w = NULL;
    uint64_t n = 0;
    CHECK_INT(izde_rdb_open(paths, 1, &r, NULL), IZDE_OK);
    CHECK_INT(izde_wdb_open(b, IZDE_WDB_OPEN, &w, NULL), IZDE_OK);
    if (!r || !w) {
        izde_rdb_close(r);
        izde_wdb_close(w);
        return;
    }
    CHECK_INT(add_doc(w, "Qb3", "honeydew", NULL, 0, "b-three", NULL), IZDE_OK);
    CHECK_INT(izde_wdb_commit(w), IZDE_OK);
    CHECK_INT(izde_rdb_doccount(r, &n), IZDE_OK);
    CHECK_INT(n, 2);
    CHECK_INT(izde_rdb_reopen(r), IZDE_OK);
    CHECK_INT(izde_rdb_doccount(r, &n), IZDE_OK);
    CHECK_INT(n, 3);
    CHECK_INT(izde_wdb_delete_doc(w, "Qb3", 3), IZDE_OK);
    CHECK_INT(izde_wdb_close(w), IZDE_OK);
    izde_rdb_close(r);
}

/* Stores id with the word "apple" and value in slot 1. */
static void put_valued(izde_wdb_t *w, const char *id, const char *value)
{
    izde_doc_t *doc = NULL;
    izde_docid_t docid;
    CHECK_INT(izde_doc_new(&doc), IZDE_OK);
    CHECK_INT(izde_doc_add_posting(doc, "apple", 5, 1), IZDE_OK);
    CHECK_INT(izde_doc_set_value(doc, 1, value, strlen(value)), IZDE_OK);
    CHECK_INT(izde_wdb_replace_doc(w, id, strlen(id), doc, &docid), IZDE_OK);
    izde_doc_free(doc);
}

/* Stores id with value in the index at path, and commits. */
static void revise(const char *path, const char *id, const char *value)
{
    izde_wdb_t *w = NULL;
    CHECK_INT(izde_wdb_open(path, IZDE_WDB_OPEN, &w, NULL), IZDE_OK);
    if (w) {
        put_valued(w, id, value);
        CHECK_INT(izde_wdb_close(w), IZDE_OK);
    }
}

/* Slot 1's facet over the documents with "apple", as "value:count ...". */
static void facet_of(izde_rdb_t *r, char *out, size_t size)
{
    const struct izde_facet_spec spec = { .slot = 1 };
    struct izde_search_opts so;
    izde_search_opts_init(&so);
    so.check_at_least = 100;
    so.facets = &spec;
    so.nfacets = 1;
    izde_query_t *q = term("apple");
    izde_hits_t hits = { 0 };
    out[0] = '\0';
    CHECK_INT(izde_rdb_search(r, q, &so, &hits), IZDE_OK);
    for (size_t i = 0; hits.nfacets && i < hits.facets[0].n; i++)
        snprintf(out + strlen(out), size - strlen(out), "%s%s:%" PRIu64, i ? " " : "",
                 hits.facets[0].values[i].value, hits.facets[0].values[i].count);
    izde_hits_release(&hits);
    izde_query_free(q);
}

/* Handles share a facet's table only on the same revision: after a commit
 * that changes a value and nothing else (the same documents, ids and
 * sizes), a handle on the new revision counts the new value while one on
 * the old still counts the old. */
static void test_tables_by_revision(void)
{
    char t[600], got[200];
    path_in(t, sizeof t, "tables");
    const char *paths[] = { t };
    izde_wdb_t *w = NULL;
    izde_rdb_t *old = NULL, *young = NULL, *again = NULL;
    CHECK_INT(izde_wdb_open(t, IZDE_WDB_CREATE, &w, NULL), IZDE_OK);
    if (!w)
        return;
    put_valued(w, "Q1", "2001");
    put_valued(w, "Q2", "2002");
    CHECK_INT(izde_wdb_commit(w), IZDE_OK);
    CHECK_INT(izde_rdb_open(paths, 1, &old, NULL), IZDE_OK);
    CHECK_INT(izde_rdb_open(paths, 1, &again, NULL), IZDE_OK);
    if (old && again) {
        facet_of(old, got, sizeof got);
        CHECK_STR(got, "2001:1 2002:1");
        put_valued(w, "Q2", "2003");
        CHECK_INT(izde_wdb_commit(w), IZDE_OK);
        CHECK_INT(izde_rdb_open(paths, 1, &young, NULL), IZDE_OK);
        if (young) {
            facet_of(young, got, sizeof got);
            CHECK_STR(got, "2001:1 2003:1");
        }
        /* A handle still on the first revision, whose table is not read
         * yet, counts that revision's. */
        facet_of(again, got, sizeof got);
        CHECK_STR(got, "2001:1 2002:1");
        CHECK_INT(izde_rdb_reopen(old), IZDE_OK);
        facet_of(old, got, sizeof got);
        CHECK_STR(got, "2001:1 2003:1");
    }
    izde_rdb_close(old);
    izde_rdb_close(young);
    izde_rdb_close(again);
    CHECK_INT(izde_wdb_close(w), IZDE_OK);

    /* A copy keeps the index's UUID and here reaches the same revision
     * with another value: a handle on each counts its own. */
    char copy[600], cmd[1300];
    path_in(copy, sizeof copy, "tables-copy");
    snprintf(cmd, sizeof cmd, "cp -r '%s' '%s'", t, copy);
    CHECK_INT(system(cmd), 0);
    const char *copy_paths[] = { copy };
    izde_rdb_t *here = NULL, *there = NULL;
    revise(copy, "Q2", "2004");
    revise(t, "Q2", "2005");
    CHECK_INT(izde_rdb_open(paths, 1, &here, NULL), IZDE_OK);
    CHECK_INT(izde_rdb_open(copy_paths, 1, &there, NULL), IZDE_OK);
    if (here && there) {
        facet_of(here, got, sizeof got);
        CHECK_STR(got, "2001:1 2005:1");
        facet_of(there, got, sizeof got);
        CHECK_STR(got, "2001:1 2004:1");
    }
    izde_rdb_close(here);
    izde_rdb_close(there);
}

static void test_compact(void)
{
    char a[600], b[600], c[600];
    path_in(a, sizeof a, "a");
    path_in(b, sizeof b, "b");
    path_in(c, sizeof c, "c");
    const char *srcs[] = {a, b};
    char *err = (char *)"untouched";
    CHECK_INT(izde_db_compact(srcs, 2, c, &err), IZDE_OK);
    CHECK(err == NULL);

    /* The destination must not exist. */
    CHECK_INT(izde_db_compact(srcs, 2, c, &err), IZDE_ERR_INVALID);
    CHECK(err && strstr(err, c) != NULL);
    free(err);
    err = NULL;
    char missing[600], dest2[600];
    path_in(missing, sizeof missing, "missing");
    path_in(dest2, sizeof dest2, "c2");
    const char *bad[] = {a, missing};
    CHECK_INT(izde_db_compact(bad, 2, dest2, &err), IZDE_ERR_DB_OPEN);
    CHECK(err && strstr(err, missing) != NULL);
    free(err);

    const char *paths[] = {c};
    izde_rdb_t *db = NULL;
    CHECK_INT(izde_rdb_open(paths, 1, &db, NULL), IZDE_OK);
    if (!db)
        return;
    uint64_t n = 0;
    CHECK_INT(izde_rdb_doccount(db, &n), IZDE_OK);
    CHECK_INT(n, 5);
    izde_query_t *q = term("apple");
    char got[512];
    CHECK_INT(hit_names(db, q, 0, got, sizeof got), 3);
    CHECK(strncmp(got, "two,", 4) == 0);
    izde_query_free(q);
    CHECK_HITS(db, term("grape"), "b-two");
    char *v = NULL;
    size_t len = 0;
    CHECK_INT(izde_rdb_get_metadata(db, "izde:version", &v, &len), IZDE_OK);
    CHECK(v && len == 1);   /* one of the sources' values survives the merge */
    free(v);
    izde_rdb_close(db);
}

static int cmp_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
    int r = memcmp(a, b, alen < blen ? alen : blen);
    if (r)
        return r;
    return alen < blen ? -1 : alen > blen;
}

static void test_sortable(void)
{
    static const uint64_t vals[] = {
        0, 1, 2, 127, 128, 255, 256, 1000, 1999, 2000, 65535, 65536, 16777215,
        16777216, UINT64_C(4294967295), UINT64_C(4294967296),
        UINT64_C(0x00ffffffffffffff), UINT64_C(0x0100000000000000),
        UINT64_MAX - 1, UINT64_MAX,
    };
    size_t nvals = sizeof vals / sizeof vals[0];
    char prev[9];
    size_t prev_len = 0;
    /* vals is ascending, so each encoding must sort strictly after the
     * previous one in byte order. */
    for (size_t i = 0; i < nvals; i++) {
        char buf[16];
        memset(buf, 0x5a, sizeof buf);
        size_t len = izde_sortable_u64(vals[i], buf);
        CHECK(len >= 1 && len <= 9);
        CHECK((unsigned char)buf[9] == 0x5a || len == 9);   /* no overrun */
        if (i > 0)
            CHECK(cmp_bytes(prev, prev_len, buf, len) < 0);
        memcpy(prev, buf, len);
        prev_len = len;
    }
    char buf[9];
    CHECK_INT(izde_sortable_u64(0, buf), 1);
    CHECK_INT(izde_sortable_u64(UINT64_MAX, buf), 9);
    CHECK_INT(izde_sortable_u64(2001, buf), 3);
}

int main(void)
{
    if (scratch_make("binding") != 0)
        return 1;

    test_sortable();
    test_write();
    test_write_second();
    test_built_docs();
    test_errors();
    test_read();
    test_reopen();
    test_tables_by_revision();
    test_compact();

    scratch_remove();
    return harness_finish();
}
