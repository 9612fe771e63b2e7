/* test_known.c - unit tests of the known-documents table (indexer/known.c): what a run learns of the index it updates. */
#define _XOPEN_SOURCE 700   /* nftw, in scratch.h */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"
#include "scratch.h"
#include "index/docdata.h"
#include "indexer/indexer.h"
#include "indexer/known.h"

/* Stores a document as the writer does: id term, size and time values,
 * the hash value when given, and data as its record (a real record of
 * path when data is NULL). */
static void add(izde_wdb_t *db, const char *path, uint64_t size, int64_t mtime,
                const char *hash, const char *data)
{
    struct izde_buf id = IZDE_BUF_INIT, rec = IZDE_BUF_INIT;
    izde_doc_t *doc = NULL;
    char num[9];
    CHECK(ix_idterm(path, strlen(path), &id) == IZDE_OK);
    CHECK(izde_doc_new(&doc) == IZDE_OK);
    size_t n = izde_sortable_u64(size, num);
    CHECK(izde_doc_set_value(doc, IZDE_SLOT_SIZE, num, n) == IZDE_OK);
    n = izde_sortable_u64((uint64_t)mtime, num);
    CHECK(izde_doc_set_value(doc, IZDE_SLOT_MTIME, num, n) == IZDE_OK);
    if (hash)
        CHECK(izde_doc_set_value(doc, IZDE_SLOT_HASH, hash, strlen(hash)) == IZDE_OK);
    if (data) {
        CHECK(izde_doc_set_data(doc, data, strlen(data)) == IZDE_OK);
    } else {
        struct izde_docdata dd = { 0 };
        dd.path = path;
        dd.path_len = strlen(path);
        dd.encoding = dd.lang = "";
        CHECK(izde_docdata_encode(&dd, &rec) == IZDE_OK);
        CHECK(izde_doc_set_data(doc, rec.p, rec.len) == IZDE_OK);
    }
    CHECK(izde_wdb_add_doc(db, id.p, id.len, doc, NULL) == IZDE_OK);
    izde_doc_free(doc);
    izde_buf_release(&id);
    izde_buf_release(&rec);
}

static void test_load(void)
{
    char path[600];
    snprintf(path, sizeof(path), "%s/db", tmpdir);
    izde_wdb_t *db = NULL;
    CHECK(izde_wdb_open(path, IZDE_WDB_CREATE, &db, NULL) == IZDE_OK);
    if (!db)
        return;

    /* A path too long for a term gets a hashed id term: its path comes
     * from the stored record. */
    char longpath[400];
    memset(longpath, 'x', sizeof(longpath));
    memcpy(longpath, "/p/deep/", 8);
    longpath[sizeof(longpath) - 1] = '\0';
    char broken[300];
    memset(broken, 'y', sizeof(broken));
    memcpy(broken, "/zz/", 4);
    broken[sizeof(broken) - 1] = '\0';

    /* Stored out of path order, so that the table must sort. */
    add(db, "/lib/b.txt", 20, 200, "0123456789abcdef", NULL);
    add(db, longpath, 5, 50, NULL, NULL);
    add(db, "/lib/a.txt", 10, 100, NULL, NULL);
    add(db, broken, 1, 1, "short", "not a record");
    CHECK(izde_wdb_commit(db) == IZDE_OK);

    struct ix_knownlist k = { 0 };
    CHECK(ix_known_load(db, &k) == IZDE_OK);
    CHECK_INT(k.n, 4);
    if (k.n == 4) {
        CHECK_STR(k.items[0].path, "/lib/a.txt");
        CHECK_STR(k.items[0].idterm, "Q/lib/a.txt");
        CHECK_INT(k.items[0].size, 10);
        CHECK_INT(k.items[0].mtime, 100);
        CHECK_STR(k.items[0].hash, "");

        CHECK_STR(k.items[1].path, "/lib/b.txt");
        CHECK_INT(k.items[1].size, 20);
        CHECK_INT(k.items[1].mtime, 200);
        CHECK_STR(k.items[1].hash, "0123456789abcdef");
        CHECK(k.items[1].docid == 1);

        CHECK_STR(k.items[2].path, longpath);
        CHECK(k.items[2].idterm[0] == 'Q' && k.items[2].idterm[1] == '#');
        CHECK_INT(k.items[2].size, 5);
        CHECK_INT(k.items[2].mtime, 50);

        /* An unreadable record: the id term stands as its path, which no
         * file has ('Q' is no '/'), so the document is neither matched
         * nor lost. A hash value of the wrong length is no hash. */
        CHECK(k.items[3].path[0] == 'Q' && k.items[3].path[1] == '#');
        CHECK_STR(k.items[3].path, k.items[3].idterm);
        CHECK_STR(k.items[3].hash, "");
        CHECK_INT(k.items[3].size, 1);

        for (size_t i = 0; i < k.n; i++)
            CHECK(k.items[i].seen == 0);
    }
    ix_knownlist_release(&k);
    CHECK(k.items == NULL && k.n == 0);

    /* An index with no documents: an empty table. */
    izde_wdb_close(db);
    snprintf(path, sizeof(path), "%s/empty", tmpdir);
    CHECK(izde_wdb_open(path, IZDE_WDB_CREATE, &db, NULL) == IZDE_OK);
    CHECK(ix_known_load(db, &k) == IZDE_OK);
    CHECK_INT(k.n, 0);
    ix_knownlist_release(&k);
    izde_wdb_close(db);
}

static void test_sort(void)
{
    static const char *const paths[] = { "/b", "/a/z", "/a", "/c" };
    struct ix_knownlist k = { 0 };
    k.items = calloc(4, sizeof(*k.items));
    for (size_t i = 0; i < 4; i++) {
        k.items[i].path = strdup(paths[i]);
        k.items[i].idterm = strdup(paths[i]);
    }
    k.n = k.cap = 4;
    ix_knownlist_sort(&k);
    CHECK_STR(k.items[0].path, "/a");
    CHECK_STR(k.items[1].path, "/a/z");
    CHECK_STR(k.items[2].path, "/b");
    CHECK_STR(k.items[3].path, "/c");
    ix_knownlist_release(&k);
    ix_knownlist_release(&k);   /* twice is harmless */
}

int main(void)
{
    if (scratch_make("known") != 0)
        return 1;
    test_load();
    test_sort();
    scratch_remove();
    return harness_finish();
}
