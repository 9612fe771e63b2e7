/* test_report.c - unit tests of izde-index's terminal and --log (indexer/report.c): progress line, outcome counts, the closing summary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "indexer/report.h"

static void test_progress_format(void)
{
    static const struct {
        size_t done, total;
        double elapsed;
        uint64_t bytes;
        const char *path, *want;
        size_t pages;
    } rows[] = {
        { 3, 10, 2.0, 4000000, "/lib/dir/name.txt",
          "\r\033[K3/10 files  2.0 MB/s  ETA 5 s  name.txt", 0 },
        /* nothing done yet: no rate, no estimate */
        { 0, 10, 0.0, 0, "/a.txt", "\r\033[K0/10 files  0.0 MB/s  ETA 0 s  a.txt", 0 },
        { 1464, 2000, 10.0, 123456789, "plain",
          "\r\033[K1464/2000 files  12.3 MB/s  ETA 4 s  plain", 0 },
        /* a long name is cut at 40 characters */
        { 1, 2, 1.0, 0, "/d/0123456789012345678901234567890123456789abc",
          "\r\033[K1/2 files  0.0 MB/s  ETA 1 s  0123456789012345678901234567890123456789", 0 },
        /* ... whole characters: 40 Kyrgyz letters are 80 bytes, none cut in two */
        { 1, 2, 1.0, 0, "/d/өөөөөөөөөөөөөөөөөөөөөөөөөөөөөөөөөөөөөүң.pdf",
          "\r\033[K1/2 files  0.0 MB/s  ETA 1 s  өөөөөөөөөөөөөөөөөөөөөөөөөөөөөөөөөөөөөүң.", 0 },
        /* a name cannot move the cursor: controls and broken bytes are '?' */
        { 1, 2, 1.0, 0, "/d/a\033[2Jb\xff\xc2\x9b" "c.txt",
          "\r\033[K1/2 files  0.0 MB/s  ETA 1 s  a?[2Jb??c.txt", 0 },
        /* scans: the pages read by OCR, which take seconds each */
        { 2, 10, 20.0, 2000000, "/s/scan.pdf",
          "\r\033[K2/10 files  37 pages OCR'd  0.1 MB/s  ETA 80 s  scan.pdf", 37 },
        { 1, 10, 5.0, 0, "/s/a.png", "\r\033[K1/10 files  1 page OCR'd  0.0 MB/s  ETA 45 s  a.png",
          1 },
        { 0, 0, 0, 0, NULL, NULL, 0 },
    };
    char buf[256];
    for (int i = 0; rows[i].path; i++) {
        int n = ix_progress_format(buf, sizeof(buf), rows[i].done, rows[i].total,
                                   rows[i].elapsed, rows[i].bytes, rows[i].pages, rows[i].path);
        CHECK_STR(buf, rows[i].want);
        CHECK_INT(n, strlen(rows[i].want));
    }
}

static void test_progress_due(void)
{
    struct ix_progress p = { .on = 1, .t0 = 1.0, .last = 0 };
    CHECK(ix_progress_due(&p, 1.0, 0, 10));     /* the first */
    CHECK(!ix_progress_due(&p, 1.1, 1, 10));    /* too soon */
    CHECK(ix_progress_due(&p, 1.1, 10, 10));    /* the last, however soon */
    CHECK(!ix_progress_due(&p, 1.25, 2, 10));
    CHECK(ix_progress_due(&p, 1.31, 3, 10));    /* 0.2 s on */
    CHECK(p.last == 1.31);
}

/* What out (an open_memstream onto *text) received, as a string the
 * caller frees. */
static char *taken(FILE *out, char **text)
{
    fflush(out);
    fclose(out);
    return *text ? *text : (*text = calloc(1, 1));
}

static char *summary(const struct ix_report *r, izde_status_t rc, double secs, int quiet)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out)
        return calloc(1, 1);
    ix_report_summary(out, r, rc, secs, quiet);
    return taken(out, &text);
}

#define CHECK_SUMMARY(r, rc, secs, quiet, want)                                 \
    do {                                                                        \
        char *got_ = summary((r), (rc), (secs), (quiet));                       \
        CHECK_STR(got_, want);                                                  \
        free(got_);                                                             \
    } while (0)

#define LINE_OK "izde-index: 4 indexed, 2 skipped, 0 failed (3 added, 1 replaced, 4 unchanged, " \
                "1 removed); 2.5 MB in 2.00 s (1.25 MB/s, 2 docs/s)\n"

static void test_summary(void)
{
    struct ix_report r = { 0 };
    r.started = 1;
    r.counts.n[IX_ADDED] = 3;
    r.counts.n[IX_REPLACED] = 1;
    r.counts.n[IX_SKIPPED] = 2;
    r.counts.n[IX_UNCHANGED] = 4;
    r.counts.n[IX_REMOVED] = 1;
    r.counts.bytes = 2500000;
    CHECK_SUMMARY(&r, IZDE_OK, 2.0, 0, LINE_OK);
    /* -q: nothing when all went well */
    CHECK_SUMMARY(&r, IZDE_OK, 2.0, 1, "");
    /* no time measured: no rates */
    CHECK_SUMMARY(&r, IZDE_OK, 0.0, 0,
                  "izde-index: 4 indexed, 2 skipped, 0 failed (3 added, 1 replaced, 4 unchanged, "
                  "1 removed); 2.5 MB in 0.00 s (0.00 MB/s, 0 docs/s)\n");
    /* an error that stopped the run is said, even under -q */
    CHECK_SUMMARY(&r, IZDE_ERR_IO, 2.0, 1,
                  "izde-index: 4 indexed, 2 skipped, 0 failed (3 added, 1 replaced, 4 unchanged, "
                  "1 removed); 2.5 MB in 2.00 s (1.25 MB/s, 2 docs/s); stopped by the error "
                  "above\n");
    /* warnings: a second line, singular or plural */
    r.counts.warned = 1;
    CHECK_SUMMARY(&r, IZDE_OK, 2.0, 0,
                  LINE_OK "izde-index: 1 file indexed with warnings (cut, repaired or partly "
                          "extracted: see above)\n");
    r.counts.warned = 2;
    r.counts.n[IX_FAILED] = 1;
    CHECK_SUMMARY(&r, IZDE_OK, 2.0, 1,
                  "izde-index: 4 indexed, 2 skipped, 1 failed (3 added, 1 replaced, 4 unchanged, "
                  "1 removed); 2.5 MB in 2.00 s (1.25 MB/s, 2 docs/s)\n"
                  "izde-index: 2 files indexed with warnings (cut, repaired or partly "
                  "extracted: see above)\n");
    /* a run stopped before its files: no summary */
    r.started = 0;
    CHECK_SUMMARY(&r, IZDE_ERR_DB_LOCKED, 2.0, 0, "");
}

static void test_interrupted(void)
{
    struct ix_report r = { 0 };
    CHECK_SUMMARY(&r, IZDE_ERR_INTERRUPTED, 0.5, 1,
                  "izde-index: interrupted before any file was indexed; nothing changed\n");
    r.started = 1;
    r.jobs_done = 1234;
    r.jobs_total = 1234567;
    CHECK_SUMMARY(&r, IZDE_ERR_INTERRUPTED, 1.0, 1,
                  "izde-index: interrupted: 1,234 of 1,234,567 files indexed and committed; run "
                  "again to finish\n"
                  "izde-index: 0 indexed, 0 skipped, 0 failed (0 added, 0 replaced, 0 unchanged, "
                  "0 removed); 0.0 MB in 1.00 s (0.00 MB/s, 0 docs/s)\n");
    r.rebuild = 1;
    r.live_docs = 1000;
    r.jobs_done = 12;
    r.jobs_total = 100;
    CHECK_SUMMARY(&r, IZDE_ERR_INTERRUPTED, 0, 0,
                  "izde-index: interrupted: the rebuild got to 12 of 100 files and is not "
                  "swapped in; the old index (1,000 documents) stays live; run again to go on\n"
                  "izde-index: 0 indexed, 0 skipped, 0 failed (0 added, 0 replaced, 0 unchanged, "
                  "0 removed); 0.0 MB in 0.00 s (0.00 MB/s, 0 docs/s)\n");
    r.live_docs = -1;
    r.started = 1;
    r.jobs_done = 0;
    CHECK_SUMMARY(&r, IZDE_ERR_INTERRUPTED, 0, 0,
                  "izde-index: interrupted: the first build got to 0 of 100 files; there is no "
                  "index yet; run again to go on\n"
                  "izde-index: 0 indexed, 0 skipped, 0 failed (0 added, 0 replaced, 0 unchanged, "
                  "0 removed); 0.0 MB in 0.00 s (0.00 MB/s, 0 docs/s)\n");
}

static void test_report_file(void)
{
    struct ix_report r = { 0 };
    char *text = NULL;
    size_t len = 0;
    r.log = open_memstream(&text, &len);
    if (!r.log)
        return;
    ix_report_file(&r, "/lib/a.txt", IX_ADDED, "new", 1.25);
    ix_report_file(&r, "/lib/b.txt", IX_FAILED, NULL, -3);
    ix_report_file(&r, "/lib/c.txt", IX_FAILED, "x", 0);
    CHECK_INT(r.counts.n[IX_ADDED], 1);
    CHECK_INT(r.counts.n[IX_FAILED], 2);
    CHECK_INT(r.counts.n[IX_SKIPPED], 0);
    FILE *log = r.log;
    r.log = NULL;
    taken(log, &text);
    CHECK_STR(text,
              "{\"path\":\"/lib/a.txt\",\"action\":\"added\",\"reason\":\"new\",\"ms\":1.2}\n"
              "{\"path\":\"/lib/b.txt\",\"action\":\"failed\",\"reason\":\"\",\"ms\":0.0}\n"
              "{\"path\":\"/lib/c.txt\",\"action\":\"failed\",\"reason\":\"x\",\"ms\":0.0}\n");
    free(text);
    /* Without --log only the counts move. */
    ix_report_file(&r, "/lib/d.txt", IX_REMOVED, "gone", 0);
    CHECK_INT(r.counts.n[IX_REMOVED], 1);
    ix_report_close(&r, NULL);

    /* A log that cannot be opened is an I/O error; no log is none. */
    struct ix_report r2 = { 0 };
    CHECK(ix_report_open(&r2, NULL) == IZDE_OK && r2.log == NULL);
    CHECK(ix_report_open(&r2, "/nonexistent-izde-dir/log.jsonl") == IZDE_ERR_IO);
    CHECK(r2.log == NULL);
    ix_report_close(&r2, NULL);
}

int main(void)
{
    test_progress_format();
    test_progress_due();
    test_summary();
    test_interrupted();
    test_report_file();
    return harness_finish();
}
