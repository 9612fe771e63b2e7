/* test_document.c - unit tests of a file's document (indexer/document.c): outcomes, hash, warnings, and the stored record. */
#define _XOPEN_SOURCE 700   /* nftw, in scratch.h */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"
#include "scratch.h"
#include "index/docdata.h"
#include "indexer/document.h"
#include "indexer/indexer.h"

/* Writes a file of len bytes into tmpdir; f describes it as the walk would. */
static void make_file(struct ix_file *f, char *path, size_t cap, const char *name,
                      const char *text, size_t len)
{
    snprintf(path, cap, "%s/%s", tmpdir, name);
    FILE *fp = fopen(path, "wb");
    if (fp) {
        fwrite(text, 1, len, fp);
        fclose(fp);
    }
    *f = (struct ix_file){ path, len, 1700000000, 0 };
}

static int add_lang(const char *term, size_t len, izde_docid_t docid, void *closure)
{
    (void)docid;
    snprintf(closure, 16, "%.*s", (int)len, term);
    return 0;
}

/* Stores d's document and reads back its record and language term. */
static void check_stored(izde_doc_t *doc, const char *path, const char *title, const char *lang)
{
    char dbpath[600];
    snprintf(dbpath, sizeof(dbpath), "%s/db", tmpdir);
    izde_wdb_t *db = NULL;
    izde_docid_t docid = 0;
    CHECK(izde_wdb_open(dbpath, IZDE_WDB_OVERWRITE, &db, NULL) == IZDE_OK);
    if (!db)
        return;
    CHECK(izde_wdb_add_doc(db, "Qx", 2, doc, &docid) == IZDE_OK);
    char *data = NULL;
    size_t len = 0;
    struct izde_docdata dd;
    CHECK(izde_wdb_get_data(db, docid, &data, &len) == IZDE_OK);
    CHECK(data && izde_docdata_decode(data, len, &dd) == IZDE_OK);
    if (data && izde_docdata_decode(data, len, &dd) == IZDE_OK) {
        CHECK_STRN(dd.path, dd.path_len, path);
        CHECK_STRN(dd.title, dd.title_len, title);
        CHECK_STRN(dd.encoding, dd.encoding_len, "UTF-8");
        CHECK_STRN(dd.lang, dd.lang_len, lang);
        CHECK(dd.mtime == 1700000000);
    }
    free(data);
    char term[16] = "";
    CHECK(izde_wdb_each_posting(db, IZDE_PREFIX_LANG, add_lang, term) == IZDE_OK);
    CHECK(term[0] == 'L' && strcmp(term + 1, lang) == 0);
    izde_wdb_close(db);
}

static void test_read(struct ix_reader *r)
{
    char path[600];
    struct ix_file f;
    struct ix_document d = { 0 };
    static const char text[] =
        "\n  \t\n  Мектептеги окуу китептери  \r\n"
        "Мектептеги окуучулар китепканадан окуу китептерин алышат. Мугалимдер "
        "сабакта жаңы китептерди колдонушат жана окуучулар үйдө окушат.\n";
    make_file(&f, path, sizeof(path), "a.txt", text, sizeof(text) - 1);
    struct ix_job job = { &f, NULL };
    ix_reader_read(r, &job, &d);
    CHECK_INT(d.out, IX_OUT_DOC);
    CHECK(d.doc != NULL && d.why == NULL && d.warning == NULL);
    CHECK_INT(d.bytes, sizeof(text) - 1);
    char want[17];
    snprintf(want, sizeof(want), "%016llx",
             (unsigned long long)ix_hash_bytes(IX_HASH_INIT, text, sizeof(text) - 1));
    CHECK_STR(d.hash, want);
    CHECK(d.ms >= 0);
    /* The title is the first line with text, trimmed. */
    if (d.doc)
        check_stored(d.doc, path, "Мектептеги окуу китептери", "ky");

    /* Same bytes as the known document: only its time changed. */
    struct ix_known old = { 0 };
    memcpy(old.hash, d.hash, sizeof(old.hash));
    job.old = &old;
    ix_reader_read(r, &job, &d);
    CHECK_INT(d.out, IX_OUT_TOUCHED);
    CHECK(d.doc == NULL);
    /* Other bytes: a new document. */
    old.hash[0] = old.hash[0] == '0' ? '1' : '0';
    ix_reader_read(r, &job, &d);
    CHECK_INT(d.out, IX_OUT_DOC);

    /* Invalid UTF-8 is repaired and said in a warning that names the file. */
    static const char bad[] = "Окуу китеби \xff жана мектеп\n";
    make_file(&f, path, sizeof(path), "bad.txt", bad, sizeof(bad) - 1);
    job.old = NULL;
    ix_reader_read(r, &job, &d);
    CHECK_INT(d.out, IX_OUT_DOC);
    char wantw[700];
    snprintf(wantw, sizeof(wantw), "'%s': invalid UTF-8 at byte 22, 1 sequence replaced", path);
    CHECK_STR(d.warning, wantw);

    /* An empty file is skipped, a missing one failed, each with a reason. */
    make_file(&f, path, sizeof(path), "empty.txt", "", 0);
    ix_reader_read(r, &job, &d);
    CHECK_INT(d.out, IX_OUT_SKIP);
    CHECK(d.why && *d.why && d.doc == NULL);
    snprintf(path, sizeof(path), "%s/missing.txt", tmpdir);
    f = (struct ix_file){ path, 10, 1, 0 };
    ix_reader_read(r, &job, &d);
    CHECK_INT(d.out, IX_OUT_FAIL);
    CHECK_STR(d.why, "No such file or directory");

    /* A file that became a directory since the walk is skipped. */
    snprintf(path, sizeof(path), "%s/dir.txt", tmpdir);
    mkdir(path, 0755);
    f = (struct ix_file){ path, 10, 1, 0 };
    ix_reader_read(r, &job, &d);
    CHECK_INT(d.out, IX_OUT_SKIP);
    CHECK_STR(d.why, "not a regular file any more");
    ix_document_clear(&d);
    CHECK(d.why == NULL && d.doc == NULL && d.out == IX_OUT_DOC);
}

int main(void)
{
    if (scratch_make("document") != 0)
        return 1;
    struct ix_options o;
    memset(&o, 0, sizeof(o));
    o.max_file_bytes = (size_t)1 << 20;
    struct ix_reader r;
    char *errmsg = NULL;
    izde_status_t rc = ix_reader_init(&r, &o, &errmsg);
    CHECK(rc == IZDE_OK);
    if (rc == IZDE_OK)
        test_read(&r);
    else
        fprintf(stderr, "cannot start the analyser: %s\n", errmsg ? errmsg : "?");
    free(errmsg);
    ix_reader_release(&r);
    scratch_remove();
    return harness_finish();
}
