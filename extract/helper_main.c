/* extract_main.c - izde-extract, the helper izde-index runs per PDF, DOCX, ODT and EPUB so that a crash, hang or memory hunger in poppler, libzip or libxml2 costs one file, not the run.
 *
 * Usage: izde-extract [--format pdf|zip] [--max-bytes N] [--max-memory N] -- PATH
 * Writes to stdout "IZDE-EXTRACT 1\n" and then records "TAG LEN\n<LEN
 * bytes>\n" with tags status (an izde_status_t number), skip, why, title,
 * author, date, pages, note, format, text. Exits 0 when it could answer.
 * The time limit is the caller's (it kills the helper); the helper caps its
 * own address space at --max-memory bytes (0: no cap; the default is 16
 * times --max-bytes, at least 1 GiB) and its CPU time, so that it cannot
 * take the machine down with it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "extract/extract_int.h"

static int write_all(const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(1, p, n);
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int field(const char *tag, const char *v, size_t len)
{
    char head[64];
    int n = snprintf(head, sizeof(head), "%s %zu\n", tag, len);
    return write_all(head, (size_t)n) || write_all(v ? v : "", len) || write_all("\n", 1);
}

static int field_s(const char *tag, const char *v)
{
    return field(tag, v, v ? strlen(v) : 0);
}

int main(int argc, char **argv)
{
    size_t max_bytes = (size_t)256 << 20;
    const char *path = NULL, *format = "pdf", *memory = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--max-bytes") == 0 && i + 1 < argc) {
            max_bytes = (size_t)strtoull(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--max-memory") == 0 && i + 1 < argc) {
            memory = argv[++i];
        } else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
            format = argv[++i];
        } else if (strcmp(argv[i], "--") == 0 && i + 1 < argc) {
            path = argv[++i];
        } else {
            path = argv[i];
        }
    }
    if (!path) {
        fprintf(stderr, "usage: izde-extract [--format pdf|zip] [--max-bytes N] "
                        "[--max-memory N] -- FILE\n");
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
    rl.rlim_cur = rl.rlim_max = 600;
    setrlimit(RLIMIT_CPU, &rl);

    struct ix_extract x;
    memset(&x, 0, sizeof(x));
    x.format = "";
    char *why = NULL;
    int skip = 0;
    izde_status_t rc = strcmp(format, "zip") == 0
                           ? ix_extract_zip(&x, path, max_bytes, &why, &skip)
                           : ix_extract_pdf(&x, path, max_bytes, &why, &skip);
    char num[32];
    int bad = write_all("IZDE-EXTRACT 1\n", 15);
    snprintf(num, sizeof(num), "%d", (int)rc);
    bad = bad || field_s("status", num);
    bad = bad || field_s("skip", skip ? "1" : "0");
    if (why)
        bad = bad || field_s("why", why);
    snprintf(num, sizeof(num), "%u", x.pages);
    bad = bad || field_s("pages", num);
    bad = bad || field("title", x.title.p, x.title.len);
    bad = bad || field("author", x.author.p, x.author.len);
    bad = bad || field("date", x.date.p, x.date.len);
    bad = bad || field("note", x.notes.p, x.notes.len);
    bad = bad || field_s("format", x.format);
    bad = bad || field("text", x.text.p, x.text.len);
    free(why);
    izde_buf_release(&x.text);
    izde_buf_release(&x.title);
    izde_buf_release(&x.author);
    izde_buf_release(&x.date);
    izde_buf_release(&x.notes);
    izde_buf_release(&x.raw);
    izde_buf_release(&x.scratch);
    return bad ? 1 : 0;
}
