/* main.c - izde-index: options, the run, the summary and the exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "diag.h"
#include "indexer.h"

static void usage(void)
{
    printf("usage: izde-index --db DIR [options] PATH...\n"
           "\n"
           "Indexes text files (.txt, .md, .txt.gz, .md.gz) under each PATH, recursively,\n"
           "into the Xapian database DIR (created if missing). A file indexed again\n"
           "replaces its earlier version.\n"
           "\n"
           "  --db DIR            the index to write\n"
           "  --max-size MB       skip files larger than this (default 256)\n"
           "  --commit-docs N     commit after N documents (default 2000)\n"
           "  -q, --quiet         no warnings and no progress line\n"
           "  -h, --help          show this help\n"
           "\n"
           "exit status:\n"
           "  0   all files indexed (or skipped as unsupported/empty)\n"
           "  1   some files failed; the index holds the others\n"
           "  2   usage error\n"
           "  3   the index cannot be opened or used (incompatible version, corrupt)\n"
           "  75  the index is locked by another indexer: retry later\n");
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

int main(int argc, char **argv)
{
    izde_diag_init("izde-index");
    struct ix_options opts = {
        .max_file_bytes = (size_t)256 << 20,
        .commit_docs = 2000,
        .commit_bytes = (size_t)64 << 20,
    };
    char **paths = calloc((size_t)argc, sizeof(char *));
    if (!paths)
        return IZDE_EXIT_FAILED;
    opts.paths = paths;
    int only_paths = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_paths || a[0] != '-' || a[1] == '\0') {
            paths[opts.npaths++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            only_paths = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage();
            free(paths);
            return IZDE_EXIT_OK;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            opts.quiet = 1;
        } else if (strcmp(a, "--db") == 0 && i + 1 < argc) {
            opts.db_path = argv[++i];
        } else if (strcmp(a, "--max-size") == 0 && i + 1 < argc) {
            if (parse_size(argv[++i], &opts.max_file_bytes) != 0) {
                izde_diag_usage("--max-size wants a number of megabytes, got '%s'", argv[i]);
                free(paths);
                return IZDE_EXIT_USAGE;
            }
        } else if (strcmp(a, "--commit-docs") == 0 && i + 1 < argc) {
            long v = strtol(argv[++i], NULL, 10);
            if (v <= 0) {
                izde_diag_usage("--commit-docs wants a positive number, got '%s'", argv[i]);
                free(paths);
                return IZDE_EXIT_USAGE;
            }
            opts.commit_docs = (unsigned)v;
        } else {
            izde_diag_usage("unknown option '%s'", a);
            free(paths);
            return IZDE_EXIT_USAGE;
        }
    }
    if (!opts.db_path || opts.npaths == 0) {
        izde_diag_usage(!opts.db_path ? "missing --db DIR" : "no PATH to index");
        free(paths);
        return IZDE_EXIT_USAGE;
    }
    izde_diag_set_quiet(opts.quiet);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    struct ix_counts counts = { 0 };
    struct ix_filelist list = { 0 };
    izde_status_t rc = IZDE_OK;
    for (size_t i = 0; rc == IZDE_OK && i < opts.npaths; i++)
        rc = ix_walk(opts.paths[i], &list, &counts);
    if (rc == IZDE_OK)
        rc = ix_index_files(&opts, &list, &counts);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    double mb = (double)counts.bytes / 1e6;
    fprintf(stderr,
            "izde-index: %zu indexed, %zu skipped, %zu failed; %.1f MB in %.2f s (%.2f MB/s, "
            "%.0f docs/s)\n",
            counts.indexed, counts.skipped, counts.failed, mb, secs, secs > 0 ? mb / secs : 0.0,
            secs > 0 ? (double)counts.indexed / secs : 0.0);
    ix_filelist_release(&list);
    free(paths);
    if (rc != IZDE_OK)
        return izde_diag_exit_code(rc);
    return counts.failed ? IZDE_EXIT_FAILED : IZDE_EXIT_OK;
}
