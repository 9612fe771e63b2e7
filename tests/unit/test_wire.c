/* test_wire.c - the izde-extract helper protocol: fixed codes for every status and fate, answers that read back as written, and a clear refusal of another protocol version. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extract/extract.h"
#include "extract/wire.h"
#include "harness.h"

/* Version 2's numbers, written out here so that a change to the tables in
 * wire.c (or to the order of izde_status_t leaking into them) fails. */
static const struct {
    izde_status_t st;
    int code;
} want_status[] = {
    { IZDE_OK, 0 }, { IZDE_ERR_NOMEM, 1 }, { IZDE_ERR_INVALID, 2 }, { IZDE_ERR_IO, 3 },
    { IZDE_ERR_NOT_FOUND, 4 }, { IZDE_ERR_UNSUPPORTED, 5 }, { IZDE_ERR_ENCODING, 6 },
    { IZDE_ERR_ICU, 7 }, { IZDE_ERR_DB, 8 }, { IZDE_ERR_DB_OPEN, 9 },
    { IZDE_ERR_DB_LOCKED, 10 }, { IZDE_ERR_DB_CORRUPT, 11 }, { IZDE_ERR_DB_MODIFIED, 12 },
    { IZDE_ERR_DB_VERSION, 13 }, { IZDE_ERR_QUERY, 14 }, { IZDE_ERR_INTERNAL, 15 },
    { IZDE_ERR_INTERRUPTED, 16 }, { IZDE_ERR_NO_SPACE, 17 },
};

static const struct {
    enum ix_fate fate;
    int code;
} want_fate[] = {
    { IX_FATE_INDEXED, 0 }, { IX_FATE_EMPTY, 1 }, { IX_FATE_TOO_LARGE, 2 },
    { IX_FATE_UNSUPPORTED, 3 }, { IX_FATE_CHANGED, 4 }, { IX_FATE_BINARY, 5 },
    { IX_FATE_FAILED, 6 },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void test_codes(void)
{
    /* Every status has a code, and the table above names every status. */
    CHECK_INT(COUNT(want_status), IZDE_STATUS_COUNT);
    for (size_t i = 0; i < COUNT(want_status); i++) {
        CHECK_INT(ix_wire_status_code(want_status[i].st), want_status[i].code);
        CHECK_INT(ix_wire_status(want_status[i].code), want_status[i].st);
    }
    CHECK_INT(ix_wire_status(99), IZDE_ERR_INTERNAL);
    CHECK_INT(ix_wire_status(-1), IZDE_ERR_INTERNAL);

    CHECK_INT(COUNT(want_fate), IX_FATE_COUNT);
    for (size_t i = 0; i < COUNT(want_fate); i++) {
        CHECK_INT(ix_wire_fate_code(want_fate[i].fate), want_fate[i].code);
        CHECK_INT(ix_wire_fate(want_fate[i].code), want_fate[i].fate);
    }
    CHECK_INT(ix_wire_fate(99), IX_FATE_FAILED);
}

/* Writes an answer with ix_wire_put and returns it (malloc'ed). */
static char *answer(izde_status_t st, const struct ix_outcome *o, const struct ix_extract *x,
                    size_t *len)
{
    struct izde_buf b;
    izde_buf_init(&b);
    if (ix_wire_put(&b, st, o, x) != IZDE_OK) {
        izde_buf_release(&b);
        *len = 0;
        return NULL;
    }
    return izde_buf_detach(&b, len);
}

static void test_round_trip(void)
{
    struct ix_extract x;
    ix_extract_init(&x);
    izde_buf_adds(&x.title, "Кыргыз тили");
    izde_buf_adds(&x.author, "Асанов А.");
    izde_buf_adds(&x.date, "2024-05-01");
    izde_buf_adds(&x.notes, "title cut at 4 KB");
    izde_buf_add(&x.text, "бир\n\nэки\fүч\n", 20);
    x.pages = 2;
    x.ocr_pages = 1;
    x.ocr_cached = 1;
    x.ocr_ms = 2345;
    x.ocr_conf = 91;
    x.format = "epub";
    for (size_t si = 0; si < COUNT(want_status); si++) {
        for (size_t fi = 0; fi < COUNT(want_fate); fi++) {
            struct ix_outcome o = { want_fate[fi].fate, NULL };
            o.why = fi ? "a reason: with\nnewline" : NULL;
            size_t len;
            char *s = answer(want_status[si].st, &o, &x, &len);
            CHECK(s != NULL);
            if (!s)
                continue;
            struct ix_extract y;
            ix_extract_init(&y);
            y.format = "zip";
            struct ix_outcome p;
            ix_outcome_init(&p);
            izde_status_t st;
            int version;
            CHECK_INT(ix_wire_read(s, len, &st, &p, &y, &version), IZDE_OK);
            CHECK_INT(version, IX_WIRE_VERSION);
            CHECK_INT(st, want_status[si].st);
            CHECK_INT(p.fate, want_fate[fi].fate);
            if (fi)
                CHECK_STR(p.why, "a reason: with\nnewline");
            else
                CHECK(p.why == NULL);
            if (si == 0 && fi == 0) {
                CHECK_STRN(y.title.p, y.title.len, "Кыргыз тили");
                CHECK_STRN(y.author.p, y.author.len, "Асанов А.");
                CHECK_STRN(y.date.p, y.date.len, "2024-05-01");
                CHECK_STRN(y.notes.p, y.notes.len, "title cut at 4 KB");
                CHECK_INT(y.raw.len, 20);
                CHECK(y.raw.p && memcmp(y.raw.p, x.text.p, 20) == 0);
                CHECK_INT(y.pages, 2);
                CHECK_INT(y.ocr_pages, 1);
                CHECK_INT(y.ocr_cached, 1);
                CHECK_INT(y.ocr_ms, 2345);
                CHECK_INT(y.ocr_conf, 91);
                CHECK_STR(y.format, "epub");
            }
            free(p.why);
            ix_extract_release(&y);
            free(s);
        }
    }
    ix_extract_release(&x);
}

static void test_versions(void)
{
    struct ix_extract y;
    ix_extract_init(&y);
    struct ix_outcome p;
    ix_outcome_init(&p);
    izde_status_t st;
    int version;
    /* What a version-1 helper wrote: its status numbers would be misread
     * once the enum changes, so it is refused, saying which it speaks. */
    static const char v1[] = "IZDE-EXTRACT 1\nstatus 1\n6\nskip 1\n0\n";
    CHECK_INT(ix_wire_read(v1, sizeof(v1) - 1, &st, &p, &y, &version), IZDE_ERR_UNSUPPORTED);
    CHECK_INT(version, 1);
    /* Version 2 had no OCR: its caller gives scans no time, so a helper
     * of that version is refused too. */
    static const char v2[] = "IZDE-EXTRACT 2\nstatus 1\n0\n";
    CHECK_INT(ix_wire_read(v2, sizeof(v2) - 1, &st, &p, &y, &version), IZDE_ERR_UNSUPPORTED);
    CHECK_INT(version, 2);
    /* Version 3 could not serve many files: izde-index would wait on it. */
    static const char v3[] = "IZDE-EXTRACT 3\nstatus 1\n0\n";
    CHECK_INT(ix_wire_read(v3, sizeof(v3) - 1, &st, &p, &y, &version), IZDE_ERR_UNSUPPORTED);
    CHECK_INT(version, 3);
    static const char v5[] = "IZDE-EXTRACT 5\nstatus 1\n0\n";
    CHECK_INT(ix_wire_read(v5, sizeof(v5) - 1, &st, &p, &y, &version), IZDE_ERR_UNSUPPORTED);
    CHECK_INT(version, 5);
    /* Not an answer at all: a helper that died before writing. */
    CHECK_INT(ix_wire_read("", 0, &st, &p, &y, &version), IZDE_ERR_ENCODING);
    CHECK_INT(ix_wire_read("Segmentation fault\n", 19, &st, &p, &y, &version),
              IZDE_ERR_ENCODING);
    CHECK_INT(ix_wire_read("IZDE-EXTRACT x\n", 15, &st, &p, &y, &version), IZDE_ERR_ENCODING);
    /* A record this side does not know is skipped. */
    static const char extra[] = "IZDE-EXTRACT 4\nstatus 1\n0\nshiny 3\nnew\nfate 1\n0\n";
    CHECK_INT(ix_wire_read(extra, sizeof(extra) - 1, &st, &p, &y, &version), IZDE_OK);
    CHECK_INT(st, IZDE_OK);
    CHECK_INT(p.fate, IX_FATE_INDEXED);
    /* No status record: the helper broke its protocol. */
    static const char none[] = "IZDE-EXTRACT 4\n";
    CHECK_INT(ix_wire_read(none, sizeof(none) - 1, &st, &p, &y, &version), IZDE_OK);
    CHECK_INT(st, IZDE_ERR_INTERNAL);
    free(p.why);
    ix_extract_release(&y);
}

/* The parent side end to end: a helper of another version gives a clear
 * reason, not a misread answer. */
static void test_helper_version(void)
{
    char dir[] = "/tmp/izde-wire-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char helper[64], pdf[64];
    snprintf(helper, sizeof(helper), "%s/old-helper", dir);
    snprintf(pdf, sizeof(pdf), "%s/a.pdf", dir);
    FILE *f = fopen(helper, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    /* What a version 3 helper does with --serve: it takes it for the file,
     * answers for that one and ends. */
    fputs("#!/bin/sh\nprintf 'IZDE-EXTRACT 3\\nstatus 1\\n0\\nfate 1\\n0\\n'\n", f);
    fclose(f);
    chmod(helper, 0755);
    f = fopen(pdf, "w");
    fputs("%PDF-1.4\nnot really\n", f);
    fclose(f);
    setenv("IZDE_EXTRACT_HELPER", helper, 1);
    struct ix_extract x;
    ix_extract_init(&x);
    struct ix_outcome o;
    CHECK_INT(ix_extract_file(&x, pdf, 1 << 20, &o), IZDE_OK);
    CHECK_INT(o.fate, IX_FATE_FAILED);
    CHECK_STR(o.why, "PDF helper speaks extraction protocol 3, this program 4: install "
                     "izde-extract of the same version");
    free(o.why);
    ix_extract_release(&x);
    unlink(helper);
    unlink(pdf);
    rmdir(dir);
}

int main(void)
{
    test_codes();
    test_round_trip();
    test_versions();
    test_helper_version();
    return harness_finish();
}
