/* helper_main.c - izde-extract, the helper izde-index runs per PDF, DOCX, ODT and EPUB so that a crash, hang or memory hunger in poppler, libzip or libxml2 costs one file, not the run.
 *
 * Usage: izde-extract [--format pdf|zip|image] [--max-bytes N] [--max-memory N]
 *                     [--ocr LANGS [--ocr-dpi N] [--ocr-cache DIR] [--progress-fd FD]]
 *                     -- PATH
 * Writes its answer to stdout in the protocol of extract/wire.h ("IZDE-EXTRACT
 * <version>\n", then records). Exits 0 when it could answer.
 * With --ocr (builds with IZDE_HAVE_OCR), scanned PDF pages and images are
 * read by Tesseract in LANGS; before reading N pages it writes "ocr N\n" to
 * FD, so that the caller can give them IX_OCR_PAGE_SECONDS each.
 * The time limit is the caller's (it kills the helper); the helper caps its
 * own address space at --max-memory bytes (0: no cap; the default is 16
 * times --max-bytes, at least 1 GiB) and its CPU time, so that it cannot
 * take the machine down with it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "extract/readers.h"
#include "extract/textout.h"
#include "extract/wire.h"
#ifdef IZDE_HAVE_OCR
#include "extract/scan.h"
#endif

int main(int argc, char **argv)
{
    size_t max_bytes = (size_t)256 << 20;
    const char *path = NULL, *format = "pdf", *memory = NULL;
    const char *ocr = NULL, *ocr_cache = NULL;
    unsigned ocr_dpi = IX_OCR_DPI;
    int progress_fd = -1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--max-bytes") == 0 && i + 1 < argc) {
            max_bytes = (size_t)strtoull(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--max-memory") == 0 && i + 1 < argc) {
            memory = argv[++i];
        } else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
            format = argv[++i];
        } else if (strcmp(argv[i], "--ocr") == 0 && i + 1 < argc) {
            ocr = argv[++i];
        } else if (strcmp(argv[i], "--ocr-dpi") == 0 && i + 1 < argc) {
            ocr_dpi = (unsigned)strtoul(argv[++i], NULL, 10);
            if (ocr_dpi < 70 || ocr_dpi > 1200)
                ocr_dpi = IX_OCR_DPI;
        } else if (strcmp(argv[i], "--ocr-cache") == 0 && i + 1 < argc) {
            ocr_cache = argv[++i];
        } else if (strcmp(argv[i], "--progress-fd") == 0 && i + 1 < argc) {
            progress_fd = (int)strtol(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--") == 0 && i + 1 < argc) {
            path = argv[++i];
        } else {
            path = argv[i];
        }
    }
    if (!path) {
        fprintf(stderr, "usage: izde-extract [--format pdf|zip|image] [--max-bytes N] "
                        "[--max-memory N] [--ocr LANGS [--ocr-dpi N] [--ocr-cache DIR] "
                        "[--progress-fd FD]] -- FILE\n");
        return 2;
    }
    struct rlimit rl;
    rlim_t mem = (rlim_t)max_bytes * 16;
    if (mem < ((rlim_t)1 << 30))
        mem = (rlim_t)1 << 30;
    if (memory)
        mem = (rlim_t)strtoull(memory, NULL, 10);
    /* AddressSanitizer reserves terabytes of address space for its shadow:
     * an address-space cap would stop it before main. */
#if !defined(__SANITIZE_ADDRESS__)
    if (mem) {
        rl.rlim_cur = rl.rlim_max = mem;
        setrlimit(RLIMIT_AS, &rl);
    }
#endif
    /* The hard limit leaves room for scans: each page to OCR raises the
     * soft one (extract/scan.c). */
    rl.rlim_cur = 600;
    rl.rlim_max = RLIM_INFINITY;
    setrlimit(RLIMIT_CPU, &rl);

    struct ix_extract x;
    memset(&x, 0, sizeof(x));
    x.format = "";
    struct ix_outcome o;
    ix_outcome_init(&o);
    struct ix_scan *scan = NULL;
#ifdef IZDE_HAVE_OCR
    struct ix_scan sc = { .langs = ocr, .dpi = ocr_dpi, .cache_dir = ocr_cache,
                          .progress_fd = progress_fd };
    if (ocr && *ocr)
        scan = &sc;
#else
    (void)ocr, (void)ocr_cache, (void)ocr_dpi, (void)progress_fd;
#endif
    izde_status_t rc;
    if (strcmp(format, "zip") == 0)
        rc = ix_extract_zip(&x, path, max_bytes, &o);
#ifdef IZDE_HAVE_OCR
    else if (strcmp(format, "image") == 0 && scan)
        rc = ix_scan_image(scan, path, max_bytes, &x, &o);
#endif
    else if (strcmp(format, "image") == 0)
        rc = ix_refuse(&o, IX_FATE_UNSUPPORTED, "images are read only with OCR");
    else
        rc = ix_extract_pdf(&x, path, max_bytes, scan, &o);
    /* A reader that stopped without deciding the fate failed. */
    if (rc != IZDE_OK && o.fate == IX_FATE_INDEXED)
        o.fate = IX_FATE_FAILED;
    int bad = ix_wire_write(1, rc, &o, &x);
    free(o.why);
    izde_buf_release(&x.text);
    izde_buf_release(&x.title);
    izde_buf_release(&x.author);
    izde_buf_release(&x.date);
    izde_buf_release(&x.notes);
    izde_buf_release(&x.raw);
    izde_buf_release(&x.scratch);
#ifdef IZDE_HAVE_OCR
    ix_scan_release(&sc);
#endif
    return bad ? 1 : 0;
}
