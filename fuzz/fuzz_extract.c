/* fuzz_extract.c - fuzz target: the indexer's document extractor
 * (extract/, ix_extract_file) on arbitrary files.
 *
 * The first input byte picks a file name extension (exts[byte % 13]; the
 * committed seeds use 'A' + index, so that they stay text), the rest is the
 * file.
 * Formats are told by content, so the extension mostly matters for .gz and
 * for the paths that look at names; every format is reached either way.
 * Extraction must succeed or fail with a reason, and what it gives must be
 * valid UTF-8 without NUL bytes, the same when the file is read again.
 *
 * PDF, DOCX, ODT and EPUB are extracted by a helper process (izde-extract).
 * Unless IZDE_EXTRACT_HELPER is set, it points at a program that does not
 * exist: we fuzz our own code, spawning and its failure path included, not
 * poppler, and not at a process per input. The helper's ZIP code
 * (ix_extract_zip, libzip and libxml2) is called here in-process instead. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "common/buf.h"
#include "extract/extract.h"
#include "extract/readers.h"
#include "fuzz_util.h"

/* Also the cap on decompressed and extracted text. */
#define MAX_BYTES (4u << 20)

static const char *const exts[] = {
    ".txt", ".txt.gz", ".pdf", ".docx", ".odt", ".html", ".epub", ".md",
    ".htm", ".xhtml", ".md.gz", ".gz", "",
};
#define NEXTS (sizeof(exts) / sizeof(exts[0]))

static char dir[64];

static void cleanup(void)
{
    char path[128];
    for (size_t i = 0; i < NEXTS; i++) {
        snprintf(path, sizeof(path), "%s/in%s", dir, exts[i]);
        unlink(path);
    }
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof(dir), "%s/izde-fuzz-XXXXXX", tmp && strlen(tmp) < 40 ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        abort();
    }
    atexit(cleanup);
    setenv("IZDE_EXTRACT_HELPER", "/nonexistent/izde-extract", 0);
    return 0;
}

static void check_result(const struct ix_extract *x, izde_status_t rc,
                         const struct ix_outcome *o)
{
    FUZZ_CHECK(rc == IZDE_OK || rc == IZDE_ERR_NOMEM);
    FUZZ_CHECK(o->fate >= IX_FATE_INDEXED && o->fate < IX_FATE_COUNT);
    if (rc != IZDE_OK || o->fate != IX_FATE_INDEXED) {
        FUZZ_CHECK(o->fate != IX_FATE_INDEXED);
        FUZZ_CHECK(o->why != NULL || rc == IZDE_ERR_NOMEM);
        if (o->why)
            FUZZ_CHECK(fuzz_valid_utf8(o->why, strlen(o->why)));
        return;
    }
    FUZZ_CHECK(o->why == NULL);
    FUZZ_CHECK(x->text.len == 0 || x->text.p[x->text.len] == '\0');
    FUZZ_CHECK(fuzz_valid_utf8(x->text.p, x->text.len));
    FUZZ_CHECK(x->text.len == 0 || memchr(x->text.p, '\0', x->text.len) == NULL);
    FUZZ_CHECK(fuzz_valid_utf8(x->title.p, x->title.len));
    FUZZ_CHECK(fuzz_valid_utf8(x->author.p, x->author.len));
    FUZZ_CHECK(x->encoding != NULL);
    FUZZ_CHECK(x->repaired == 0 || x->first_bad < x->bytes_read);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    char path[128];
    snprintf(path, sizeof(path), "%s/in%s", dir, exts[data[0] % NEXTS]);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data + 1, 1, size - 1, f) != size - 1 || fclose(f) != 0) {
        perror(path);
        abort();
    }

    struct ix_extract x;
    ix_extract_init(&x);
    struct ix_outcome o;
    izde_status_t rc = ix_extract_file(&x, path, MAX_BYTES, &o);
    check_result(&x, rc, &o);

    /* Reading it again with the same (reused) buffers gives the same. */
    struct izde_buf first = IZDE_BUF_INIT;
    if (rc == IZDE_OK && o.fate == IX_FATE_INDEXED)
        FUZZ_SETUP(izde_buf_add(&first, x.text.p, x.text.len));
    struct ix_outcome o2;
    izde_status_t rc2 = ix_extract_file(&x, path, MAX_BYTES, &o2);
    check_result(&x, rc2, &o2);
    if (rc != IZDE_ERR_NOMEM && rc2 != IZDE_ERR_NOMEM) {
        FUZZ_CHECK(o2.fate == o.fate);
        if (o.fate == IX_FATE_INDEXED)
            FUZZ_CHECK(x.text.len == first.len &&
                       memcmp(x.text.p, first.p ? first.p : "", first.len) == 0);
    }
    izde_buf_release(&first);
    free(o.why);
    free(o2.why);

    /* What the helper runs on a ZIP archive: a status, a reason on
     * failure, metadata within its cap. */
    if (size >= 5 && memcmp(data + 1, "PK", 2) == 0) {
        struct ix_extract z;
        ix_extract_init(&z);
        struct ix_outcome zo;
        ix_outcome_init(&zo);
        izde_status_t zrc = ix_extract_zip(&z, path, MAX_BYTES, &zo);
        FUZZ_CHECK(zrc == IZDE_OK || zrc == IZDE_ERR_ENCODING || zrc == IZDE_ERR_UNSUPPORTED ||
                   zrc == IZDE_ERR_NOMEM);
        FUZZ_CHECK(zrc == IZDE_OK || zrc == IZDE_ERR_NOMEM || zo.why != NULL);
        FUZZ_CHECK(z.title.len <= IX_META_MAX && z.author.len <= IX_META_MAX &&
                   z.date.len <= IX_META_MAX);
        free(zo.why);
        ix_extract_release(&z);
    }
    ix_extract_release(&x);
    unlink(path);
    return 0;
}
