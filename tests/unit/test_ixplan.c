/* test_ixplan.c - unit tests of izde-index's planning logic (indexer/plan.c): id terms, plans, roots, log lines. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "indexer/indexer.h"

static void test_idterm(void)
{
    struct izde_buf b = IZDE_BUF_INIT;
    CHECK(ix_idterm("/a/b.txt", 8, &b) == IZDE_OK);
    CHECK_STRN(b.p, b.len, "Q/a/b.txt");

    /* A path that just fits stays as it is. */
    char path[1200];
    memset(path, 'x', sizeof(path));
    path[0] = '/';
    CHECK(ix_idterm(path, IX_IDTERM_MAX - 1, &b) == IZDE_OK);
    CHECK(b.len == IX_IDTERM_MAX && b.p[1] == '/');

    /* Longer paths get "Q#" + hash + tail, within the term limit, and two
     * paths with the same tail get different terms. */
    CHECK(ix_idterm(path, IX_IDTERM_MAX, &b) == IZDE_OK);
    CHECK(b.len <= IX_IDTERM_MAX && b.len <= IZDE_MAX_TERM_LEN);
    CHECK(b.p[0] == 'Q' && b.p[1] == '#');
    char first[IX_IDTERM_MAX + 1];
    memcpy(first, b.p, b.len);
    size_t first_len = b.len;
    path[5] = 'y';
    CHECK(ix_idterm(path, IX_IDTERM_MAX, &b) == IZDE_OK);
    CHECK(b.len == first_len && memcmp(b.p, first, first_len) != 0);
    CHECK(ix_idterm(path, sizeof(path), &b) == IZDE_OK);
    CHECK(b.len <= IX_IDTERM_MAX);

    /* The tail is cut at a character boundary: 2-byte letters throughout. */
    char cyr[1000];
    cyr[0] = '/';
    for (size_t i = 1; i + 1 < sizeof(cyr); i += 2) {
        cyr[i] = (char)0xD0;
        cyr[i + 1] = (char)0xB0;
    }
    CHECK(ix_idterm(cyr, 999, &b) == IZDE_OK);
    CHECK(((unsigned char)b.p[18] & 0xC0) != 0x80);
    CHECK(b.len <= IX_IDTERM_MAX);

    /* Deterministic: the same path, the same term. */
    CHECK(ix_idterm(cyr, 999, &b) == IZDE_OK);
    char again[IX_IDTERM_MAX + 1];
    memcpy(again, b.p, b.len);
    size_t again_len = b.len;
    CHECK(ix_idterm(cyr, 999, &b) == IZDE_OK);
    CHECK(b.len == again_len && memcmp(b.p, again, b.len) == 0);
    izde_buf_release(&b);
}

static void test_path_under(void)
{
    static const struct {
        const char *path, *root;
        int want;
    } rows[] = {
        { "/lib/a.txt", "/lib", 1 },
        { "/lib", "/lib", 1 },
        { "/lib/x/y.txt", "/lib/", 1 },
        { "/library/a.txt", "/lib", 0 },
        { "/li", "/lib", 0 },
        { "/a.txt", "/", 1 },
        { NULL, NULL, 0 },
    };
    for (int i = 0; rows[i].path; i++) {
        int got = ix_path_under(rows[i].path, rows[i].root);
        if (got != rows[i].want)
            fprintf(stderr, "%s:%d: ix_path_under('%s', '%s'): expected %d got %d\n", __FILE__,
                    __LINE__, rows[i].path, rows[i].root, rows[i].want, got);
        CHECK(got == rows[i].want);
    }
}

static void add_file(struct ix_filelist *l, const char *path, uint64_t size, int64_t mtime)
{
    l->items = realloc(l->items, (l->n + 1) * sizeof(*l->items));
    l->items[l->n++] = (struct ix_file){ strdup(path), size, mtime, 0 };
}

static void add_known(struct ix_knownlist *k, const char *path, uint64_t size, int64_t mtime)
{
    k->items = realloc(k->items, (k->n + 1) * sizeof(*k->items));
    struct ix_known *d = &k->items[k->n];
    memset(d, 0, sizeof(*d));
    d->path = strdup(path);
    d->idterm = malloc(strlen(path) + 2);
    sprintf(d->idterm, "Q%s", path);
    d->docid = (izde_docid_t)++k->n;
    d->size = size;
    d->mtime = mtime;
}

static void test_plan(void)
{
    struct ix_filelist files = { 0 };
    struct ix_knownlist known = { 0 };
    /* Found this run, unsorted and with a duplicate (overlapping roots). */
    add_file(&files, "/lib/b.txt", 20, 200);   /* changed (size) */
    add_file(&files, "/lib/a.txt", 10, 100);   /* unchanged */
    add_file(&files, "/lib/d.txt", 5, 500);    /* new */
    add_file(&files, "/lib/a.txt", 10, 100);   /* duplicate */
    add_file(&files, "/lib/e.txt", 7, 701);    /* changed (mtime) */
    ix_filelist_sort(&files);
    CHECK(files.n == 4);
    files.unreadable = malloc(sizeof(char *));
    files.unreadable[0] = strdup("/lib/locked");
    files.nunreadable = 1;

    add_known(&known, "/lib/e.txt", 7, 700);
    add_known(&known, "/lib/c.txt", 1, 1);          /* gone: removed */
    add_known(&known, "/lib/a.txt", 10, 100);
    add_known(&known, "/lib/b.txt", 19, 200);
    add_known(&known, "/other/x.txt", 1, 1);        /* not under a root: kept */
    add_known(&known, "/lib/locked/y.txt", 1, 1);   /* unreadable folder: kept */
    ix_knownlist_sort(&known);

    char *roots[] = { "/lib" };
    struct ix_plan plan;
    CHECK(ix_plan_make(&files, &known, roots, 1, &plan) == IZDE_OK);
    CHECK_INT(plan.njobs, 3);
    if (plan.njobs == 3) {
        CHECK_STR(plan.jobs[0].file->path, "/lib/b.txt");
        CHECK(plan.jobs[0].old && plan.jobs[0].old->size == 19);
        CHECK_STR(plan.jobs[1].file->path, "/lib/d.txt");
        CHECK(plan.jobs[1].old == NULL);
        CHECK_STR(plan.jobs[2].file->path, "/lib/e.txt");
        CHECK(plan.jobs[2].old && plan.jobs[2].old->mtime == 700);
    }
    CHECK_INT(plan.nunchanged, 1);
    if (plan.nunchanged == 1)
        CHECK_STR(plan.unchanged[0]->path, "/lib/a.txt");
    CHECK_INT(plan.nremoved, 1);
    if (plan.nremoved == 1)
        CHECK_STR(plan.removed[0]->idterm, "Q/lib/c.txt");
    ix_plan_release(&plan);

    /* No roots: nothing is removed. */
    for (size_t i = 0; i < known.n; i++)
        known.items[i].seen = 0;
    CHECK(ix_plan_make(&files, &known, NULL, 0, &plan) == IZDE_OK);
    CHECK_INT(plan.nremoved, 0);
    ix_plan_release(&plan);
    ix_knownlist_release(&known);
    ix_filelist_release(&files);
}

static void test_roots(void)
{
    char **roots = NULL;
    size_t n = 0;
    const char text[] = "/a\n/b\n\n/a\n/c";
    CHECK(ix_roots_parse(text, sizeof(text) - 1, &roots, &n) == IZDE_OK);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK_STR(roots[0], "/a");
        CHECK_STR(roots[2], "/c");
    }
    CHECK(ix_roots_add(&roots, &n, "/b") == IZDE_OK);
    CHECK_INT(n, 3);
    CHECK(ix_roots_add(&roots, &n, "/d") == IZDE_OK);
    CHECK_INT(n, 4);
    /* A root holding a newline survives being stored and read back. */
    CHECK(ix_roots_add(&roots, &n, "/new\nline") == IZDE_OK);
    struct izde_buf b = IZDE_BUF_INIT;
    CHECK(ix_roots_format(roots, n, &b) == IZDE_OK);
    char **back = NULL;
    size_t nback = 0;
    CHECK(ix_roots_parse(b.p, b.len, &back, &nback) == IZDE_OK);
    CHECK_INT(nback, 5);
    if (nback == 5)
        CHECK_STR(back[4], "/new\nline");
    ix_roots_free(back, nback);
    izde_buf_release(&b);
    ix_roots_free(roots, n);
}

static void test_log_line(void)
{
    static const struct {
        const char *path, *reason;
        enum ix_action a;
        double ms;
        const char *want;
    } rows[] = {
        { "/lib/a.txt", "new", IX_ADDED, 1.25,
          "{\"path\":\"/lib/a.txt\",\"action\":\"added\",\"reason\":\"new\",\"ms\":1.2}" },
        { "/lib/\"q\"\\.txt", NULL, IX_REMOVED, 0,
          "{\"path\":\"/lib/\\\"q\\\"\\\\.txt\",\"action\":\"removed\",\"reason\":\"\",\"ms\":0.0}" },
        { "/lib/мектеп\t.txt", "binary content, not text", IX_FAILED, 3,
          "{\"path\":\"/lib/мектеп\\u0009.txt\",\"action\":\"failed\",\"reason\":\"binary content, "
          "not text\",\"ms\":3.0}" },
        /* Invalid UTF-8 in a file name stays valid JSON, and each bad
         * byte can be told back (a lone surrogate U+DCxx). */
        { "/lib/\xff\xd0.txt", "x", IX_SKIPPED, 0,
          "{\"path\":\"/lib/\\udcff\\udcd0.txt\",\"action\":\"skipped\",\"reason\":\"x\",\"ms\":0.0}" },
        /* A newline in a name stays inside the one line. */
        { "/lib/a\nb", "", IX_ADDED, 0,
          "{\"path\":\"/lib/a\\u000ab\",\"action\":\"added\",\"reason\":\"\",\"ms\":0.0}" },
        { NULL, NULL, IX_ADDED, 0, NULL },
    };
    struct izde_buf b = IZDE_BUF_INIT;
    for (int i = 0; rows[i].path; i++) {
        izde_buf_clear(&b);
        CHECK(ix_log_line(&b, rows[i].path, rows[i].a, rows[i].reason, rows[i].ms, NULL) == IZDE_OK);
        CHECK_STRN(b.p, b.len, rows[i].want);
    }
    izde_buf_release(&b);
    CHECK_STR(ix_action_name(IX_UNCHANGED), "unchanged");
    CHECK_STR(ix_action_name(IX_REPLACED), "replaced");
}

static void test_hash(void)
{
    /* FNV-1a 64 reference values; chunked hashing equals one-shot. */
    CHECK(ix_hash_bytes(IX_HASH_INIT, "", 0) == 0xcbf29ce484222325ULL);
    CHECK(ix_hash_bytes(IX_HASH_INIT, "a", 1) == 0xaf63dc4c8601ec8cULL);
    uint64_t h = ix_hash_bytes(IX_HASH_INIT, "foo", 3);
    CHECK(h == 0xdcb27518fed9d577ULL);
    CHECK(ix_hash_bytes(ix_hash_bytes(IX_HASH_INIT, "f", 1), "oo", 2) == h);
}

int main(void)
{
    test_idterm();
    test_path_under();
    test_plan();
    test_roots();
    test_log_line();
    test_hash();
    return harness_finish();
}
