/* helper_main.c - izde-extract, the helper izde-index runs per PDF, DOCX, ODT and EPUB so that a crash, hang or memory hunger in poppler, libzip or libxml2 costs one file, not the run.
 *
 * Usage: izde-extract [--format pdf|zip] [--max-bytes N] [--max-memory N] -- PATH
 * Writes its answer to stdout in the protocol of extract/wire.h ("IZDE-EXTRACT
 * <version>\n", then records). Exits 0 when it could answer.
 * The time limit is the caller's (it kills the helper); the helper caps its
 * own address space at --max-memory bytes (0: no cap; the default is 16
 * times --max-bytes, at least 1 GiB) and its CPU time, so that it cannot
 * take the machine down with it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "extract/readers.h"
#include "extract/wire.h"

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
    struct ix_outcome o;
    ix_outcome_init(&o);
    izde_status_t rc = strcmp(format, "zip") == 0 ? ix_extract_zip(&x, path, max_bytes, &o)
                                                  : ix_extract_pdf(&x, path, max_bytes, &o);
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
    return bad ? 1 : 0;
}
