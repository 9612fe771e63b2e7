/* main.c - izde-index: options, the summary and the exit status. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "diag.h"
#include "indexer.h"

static void usage(void)
{
    printf("usage: izde-index --db DIR [options] PATH...\n"
           "       izde-index --db DIR --update [options] [PATH...]\n"
           "\n"
           "Indexes documents under each PATH, recursively, into the Xapian database DIR\n"
           "(created if missing): plain text (.txt, .md, also gzip-compressed; UTF-8,\n"
           "UTF-16, windows-1251, KOI8-R, CP866), PDF, DOCX, ODT, EPUB and HTML, each\n"
           "told by its content. Other files are reported once per type.\n"
           "\n"
           "Runs are incremental: files with the same size and time as when last indexed\n"
           "are not read again, changed files are replaced, and files gone from an\n"
           "indexed folder leave the index.\n"
           "DIR remembers its PATHs, so 'izde-index --db DIR --update' (a cron line)\n"
           "rescans them all. A killed run loses at most its last uncommitted batch; the\n"
           "next run finishes the work. Searches keep working while it runs.\n"
           "\n"
           "  --db DIR            the index to write\n"
           "  --update            also rescan every PATH DIR remembers\n"
           "  --full              rebuild from scratch into a new directory and swap it in\n"
           "                      when done (searchers never see a half-built index); works\n"
           "                      on an index of another version; without PATH, rebuilds\n"
           "                      the remembered ones\n"
           "  --compact           compact the index after the run and swap it in\n"
           "  --shards N          rebuild as --full does, writing N databases at once (one\n"
           "                      writer thread each), then merge them into one compacted\n"
           "                      index; faster when the Xapian writer is the bottleneck\n"
           "  -j, --jobs N        threads reading and analysing files (default: cores)\n"
           "  --log FILE          append one JSON line per file: path, action (added,\n"
           "                      replaced, unchanged, removed, skipped, failed), reason, ms\n"
           "  --max-size MB       skip files larger than this (default 256)\n"
           "  --max-memory MB     keep the indexer near this much memory (default %d):\n"
           "                      commits sooner, reads fewer files at once, and the\n"
           "                      hyphen repair remembers fewer words; a file with\n"
           "                      more than MB/50 of text is read alone and needs about\n"
           "                      25 times its text size\n"
           "  --commit-docs N     commit after N documents (default 2000)\n"
           "  --follow-symlinks   index a symbolic link to a file wherever it leads (by\n"
           "                      default only links into an indexed PATH are)\n"
           "  -q, --quiet         no warnings and no progress line\n"
           "  -h, --help          show this help\n"
           "\n"
           "exit status:\n"
           "  0   all files indexed (or skipped as unsupported/empty)\n"
           "  1   some files failed; the index holds the others\n"
           "  2   usage error\n"
           "  3   the index cannot be opened or used (incompatible version, corrupt)\n"
           "  75  the index is locked by another indexer (named): retry later\n",
           IX_MEM_DEFAULT_MB);
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v == 0 || v > (1ULL << 20))
        return -1;
    *out = (size_t)v << 20;
    return 0;
}

static int parse_count(const char *s, unsigned max, unsigned *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v <= 0 || v > (long)max)
        return -1;
    *out = (unsigned)v;
    return 0;
}

static unsigned default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

int main(int argc, char **argv)
{
    izde_diag_init("izde-index");
    struct ix_options opts = {
        .max_file_bytes = (size_t)256 << 20,
        .commit_docs = 2000,
        .jobs = default_jobs(),
    };
    size_t max_memory = (size_t)IX_MEM_DEFAULT_MB << 20;
    char **paths = calloc((size_t)argc, sizeof(char *));
    if (!paths)
        return IZDE_EXIT_FAILED;
    opts.paths = paths;
    int only_paths = 0;
    int status = -1;
    for (int i = 1; status < 0 && i < argc; i++) {
        const char *a = argv[i];
        int has_arg = i + 1 < argc;
        if (only_paths || a[0] != '-' || a[1] == '\0') {
            paths[opts.npaths++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            only_paths = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage();
            status = IZDE_EXIT_OK;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            opts.quiet = 1;
        } else if (strcmp(a, "--update") == 0) {
            opts.update = 1;
        } else if (strcmp(a, "--full") == 0) {
            opts.full = 1;
        } else if (strcmp(a, "--compact") == 0) {
            opts.compact = 1;
        } else if (strcmp(a, "--follow-symlinks") == 0) {
            opts.follow_symlinks = 1;
        } else if (strcmp(a, "--db") == 0 && has_arg) {
            opts.db_path = argv[++i];
        } else if (strcmp(a, "--log") == 0 && has_arg) {
            opts.log_path = argv[++i];
        } else if ((strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0) && has_arg) {
            if (parse_count(argv[++i], 256, &opts.jobs) != 0) {
                izde_diag_usage("--jobs wants a number from 1 to 256, got '%s'", argv[i]);
                status = IZDE_EXIT_USAGE;
            }
        } else if (strcmp(a, "--shards") == 0 && has_arg) {
            if (parse_count(argv[++i], IX_MAX_SHARDS, &opts.shards) != 0) {
                izde_diag_usage("--shards wants a number from 1 to %d, got '%s'", IX_MAX_SHARDS,
                                argv[i]);
                status = IZDE_EXIT_USAGE;
            }
            /* Shards are written side by side only into a fresh build. */
            if (opts.shards > 1)
                opts.full = 1;
        } else if (strcmp(a, "--max-size") == 0 && has_arg) {
            if (parse_size(argv[++i], &opts.max_file_bytes) != 0) {
                izde_diag_usage("--max-size wants a number of megabytes, got '%s'", argv[i]);
                status = IZDE_EXIT_USAGE;
            }
        } else if (strcmp(a, "--max-memory") == 0 && has_arg) {
            if (parse_size(argv[++i], &max_memory) != 0 ||
                max_memory < (size_t)IX_MEM_MIN_MB << 20) {
                izde_diag_usage("--max-memory wants a number of megabytes, at least %d, got '%s'",
                                IX_MEM_MIN_MB, argv[i]);
                status = IZDE_EXIT_USAGE;
            }
        } else if (strcmp(a, "--commit-docs") == 0 && has_arg) {
            if (parse_count(argv[++i], 100000000, &opts.commit_docs) != 0) {
                izde_diag_usage("--commit-docs wants a positive number, got '%s'", argv[i]);
                status = IZDE_EXIT_USAGE;
            }
        } else {
            izde_diag_usage("unknown option '%s'", a);
            status = IZDE_EXIT_USAGE;
        }
    }
    if (status < 0 && (!opts.db_path || (opts.npaths == 0 && !opts.update && !opts.full))) {
        izde_diag_usage(!opts.db_path ? "missing --db DIR" : "no PATH to index");
        status = IZDE_EXIT_USAGE;
    }
    if (status >= 0) {
        free(paths);
        return status;
    }
    izde_diag_set_quiet(opts.quiet);
    ix_options_set_memory(&opts, max_memory >> 20, opts.shards > 1 ? opts.shards : 1);

    struct ix_report report = { 0 };
    if (opts.log_path) {
        report.log = fopen(opts.log_path, "a");
        if (!report.log) {
            izde_diag_error("cannot open log '%s': %s", opts.log_path, strerror(errno));
            free(paths);
            return IZDE_EXIT_FAILED;
        }
        /* Line-buffered, so that a killed run leaves whole lines. */
        setvbuf(report.log, NULL, _IOLBF, 0);
    }

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    izde_status_t rc = ix_run(&opts, &report);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    const struct ix_counts *c = &report.counts;
    size_t indexed = c->n[IX_ADDED] + c->n[IX_REPLACED];
    double mb = (double)c->bytes / 1e6;
    if (rc != IZDE_ERR_INVALID)
        fprintf(stderr,
                "izde-index: %zu indexed, %zu skipped, %zu failed (%zu added, %zu replaced, "
                "%zu unchanged, %zu removed); %.1f MB in %.2f s (%.2f MB/s, %.0f docs/s)\n",
                indexed, c->n[IX_SKIPPED], c->n[IX_FAILED], c->n[IX_ADDED], c->n[IX_REPLACED],
                c->n[IX_UNCHANGED], c->n[IX_REMOVED], mb, secs, secs > 0 ? mb / secs : 0.0,
                secs > 0 ? (double)indexed / secs : 0.0);
    if (rc != IZDE_ERR_INVALID && c->warned)
        fprintf(stderr, "izde-index: %zu file%s indexed with warnings (cut, repaired or partly "
                        "extracted: see above)\n", c->warned, c->warned == 1 ? "" : "s");
    if (report.log && fclose(report.log) != 0)
        izde_diag_error("cannot write log '%s': %s", opts.log_path, strerror(errno));
    izde_buf_release(&report.line);
    free(paths);
    if (rc != IZDE_OK)
        return izde_diag_exit_code(rc);
    return c->n[IX_FAILED] ? IZDE_EXIT_FAILED : IZDE_EXIT_OK;
}
