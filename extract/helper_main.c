/* helper_main.c - izde-extract, the helper izde-index runs for PDF, DOCX, ODT, EPUB and scans so that a crash, hang or memory hunger in poppler, libzip, libxml2 or Tesseract costs one file, not the run.
 *
 * Usage: izde-extract [--format pdf|zip|image] [--max-bytes N] [--max-memory N]
 *                     [--ocr LANGS [--ocr-dpi N] [--ocr-cache DIR] [--progress-fd FD]]
 *                     -- PATH
 *        izde-extract --serve [the options above, without PATH]
 * Writes its answer to stdout in the protocol of extract/wire.h ("IZDE-EXTRACT
 * <version>\n", then records). Exits 0 when it could answer.
 * With --serve it reads requests on stdin, one file each, and answers each
 * in a frame (IX_SERVE_MAGIC, wire.h) until stdin ends: starting a process
 * that loads poppler costs ten times what reading a short PDF does.
 * With --ocr (builds with IZDE_HAVE_OCR), scanned PDF pages and images are
 * read by Tesseract in LANGS; before reading N pages it writes "ocr N\n" to
 * FD, so that the caller can give them IX_OCR_PAGE_SECONDS each.
 * The time limit is the caller's (it kills the helper); the helper caps its
 * own address space at --max-memory bytes (0: no cap; the default is 16
 * times --max-bytes, at least 1 GiB) and its CPU time a file, so that it
 * cannot take the machine down with it. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "extract/readers.h"
#include "extract/textout.h"
#include "extract/wire.h"
#ifdef IZDE_HAVE_OCR
#include "extract/scan.h"
#endif

/* CPU seconds a file may take from its start (scan.c adds more for each
 * page to OCR). A serving helper has spent what the files before took, so
 * the soft limit is set again for each; the hard one stays unlimited so
 * that it can. */
#define IX_HELPER_CPU_SECONDS 600

static void allow_cpu(void)
{
    struct rusage ru;
    rlim_t used = 0;
    if (getrusage(RUSAGE_SELF, &ru) == 0)
        used = (rlim_t)ru.ru_utime.tv_sec + (rlim_t)ru.ru_stime.tv_sec + 1;
    struct rlimit rl = { used + IX_HELPER_CPU_SECONDS, RLIM_INFINITY };
    setrlimit(RLIMIT_CPU, &rl);
}

/* Reads the file at path as format and appends the answer to out. Returns
 * IZDE_OK or IZDE_ERR_NOMEM (out then holds no whole answer). */
static izde_status_t answer(const char *format, const char *path, size_t max_bytes,
                            struct ix_scan *scan, struct izde_buf *out)
{
    struct ix_extract x;
    ix_extract_init(&x);
    x.format = "";
    struct ix_outcome o;
    ix_outcome_init(&o);
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
    izde_status_t wrc = ix_wire_put(out, rc, &o, &x);
    free(o.why);
    ix_extract_release(&x);
    return wrc;
}

/* Answers the requests on stdin (wire.h) until it ends. Returns the exit
 * status: 0 at the end of the requests, 1 on a request it cannot read or
 * an answer it cannot make or send. */
static int serve(struct ix_scan *scan)
{
    /* The answers go out on a descriptor of their own: a library that
     * prints to stdout must not break the frames. */
    int out_fd = dup(1);
    int null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (out_fd < 0 || null_fd < 0 || dup2(null_fd, 1) < 0)
        return 1;
    close(null_fd);
    FILE *in = fdopen(0, "r");
    if (!in)
        return 1;
    struct izde_buf out, path;
    izde_buf_init(&out);
    izde_buf_init(&path);
    char line[128], format[16];
    int bad = 0;
    while (!bad && fgets(line, sizeof(line), in)) {
        unsigned long long max_bytes, len;
        izde_buf_clear(&path);
        izde_buf_clear(&out);
        bad = sscanf(line, "%15s %llu %llu", format, &max_bytes, &len) != 3 ||
              len > IX_SERVE_PATH_MAX || izde_buf_grow(&path, (size_t)len + 2) != IZDE_OK ||
              fread(path.p, 1, (size_t)len + 1, in) != (size_t)len + 1 ||
              path.p[len] != '\n';
        if (bad)
            break;
        path.p[len] = '\0';
        allow_cpu();
        bad = answer(format, path.p, (size_t)max_bytes, scan, &out) != IZDE_OK;
        char head[64];
        int n = snprintf(head, sizeof(head), IX_SERVE_MAGIC " %zu\n", out.len);
        bad = bad || izde_write_all(out_fd, head, (size_t)n) ||
              izde_write_all(out_fd, out.p, out.len);
    }
    izde_buf_release(&out);
    izde_buf_release(&path);
    fclose(in);
    close(out_fd);
    return bad;
}

int main(int argc, char **argv)
{
    size_t max_bytes = (size_t)256 << 20;
    const char *path = NULL, *format = "pdf", *memory = NULL;
    const char *ocr = NULL, *ocr_cache = NULL;
    unsigned ocr_dpi = IX_OCR_DPI;
    int progress_fd = -1, serving = 0;
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
        } else if (strcmp(argv[i], "--serve") == 0) {
            serving = 1;
        } else if (strcmp(argv[i], "--") == 0 && i + 1 < argc) {
            path = argv[++i];
        } else {
            path = argv[i];
        }
    }
    if (!path && !serving) {
        fprintf(stderr, "usage: izde-extract [--format pdf|zip|image] [--max-bytes N] "
                        "[--max-memory N] [--ocr LANGS [--ocr-dpi N] [--ocr-cache DIR] "
                        "[--progress-fd FD]] -- FILE\n"
                        "       izde-extract --serve [the options above]\n");
        return 2;
    }
    rlim_t mem = (rlim_t)max_bytes * 16;
    if (mem < ((rlim_t)1 << 30))
        mem = (rlim_t)1 << 30;
    if (memory)
        mem = (rlim_t)strtoull(memory, NULL, 10);
    /* AddressSanitizer reserves terabytes of address space for its shadow:
     * an address-space cap would stop it before main. */
#if !defined(__SANITIZE_ADDRESS__)
    if (mem) {
        struct rlimit rl = { mem, mem };
        setrlimit(RLIMIT_AS, &rl);
    }
#endif
    allow_cpu();

    struct ix_scan *scan = NULL;
#ifdef IZDE_HAVE_OCR
    struct ix_scan sc = { .langs = ocr, .dpi = ocr_dpi, .cache_dir = ocr_cache,
                          .progress_fd = progress_fd };
    if (ocr && *ocr)
        scan = &sc;
#else
    (void)ocr, (void)ocr_cache, (void)ocr_dpi, (void)progress_fd;
#endif
    int status;
    if (serving) {
        status = serve(scan);
    } else {
        struct izde_buf out;
        izde_buf_init(&out);
        status = answer(format, path, max_bytes, scan, &out) != IZDE_OK ||
                 izde_write_all(1, out.p, out.len) != 0;
        izde_buf_release(&out);
    }
#ifdef IZDE_HAVE_OCR
    ix_scan_release(&sc);
#endif
    return status;
}
