/* main.c - izde-index: options, the summary and the exit status. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "common/cli.h"
#include "common/default_db.h"
#include "common/diag.h"
#include "indexer/indexer.h"
#include "analysis/version.h"

static void usage(void)
{
    printf("usage: izde-index [--db DIR] [options] PATH...\n"
           "       izde-index [--db DIR] --update [options] [PATH...]\n"
           "       izde-index [--db DIR] --forget PATH...\n"
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
           "rescans them all. A remembered folder that cannot be read (gone, unmounted,\n"
           "no permission) keeps its documents and is reported; --forget drops it.\n"
           "Ctrl-C (SIGINT), SIGTERM or SIGHUP stops taking new files, commits what was\n"
           "analysed and says how far the run got (a second one stops at once); a\n"
           "killed run loses at most its last uncommitted batch. Either way the next\n"
           "run finishes the work. Searches keep working while it runs.\n"
           "\n"
           "  --db DIR            the index to write (default: $IZDE_DB, else\n"
           "                      $XDG_DATA_HOME/izde/default, ~/.local/share/izde/default)\n"
           "  --update            also rescan every PATH DIR remembers\n"
           "  --full              rebuild from scratch into a new directory and swap it in\n"
           "                      when done (searchers never see a half-built index); works\n"
           "                      on an index of another version; without PATH, rebuilds\n"
           "                      the remembered ones\n"
           "  --compact           compact the index after the run and swap it in\n"
           "  --forget PATH       drop a remembered folder and remove its documents\n"
           "                      (repeatable; PATH as --update names it)\n"
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
           "  --commit-docs N     commit after N documents (default 2000; N per shard with\n"
           "                      --shards), sooner under --max-memory, and at most\n"
           "                      four times a second, so that searches running meanwhile\n"
           "                      can finish: a fast run makes fewer, larger batches\n"
           "  --follow-symlinks   index a symbolic link to a file wherever it leads (by\n"
           "                      default only links into an indexed PATH are)\n"
           "  -q, --quiet         print nothing unless something failed (then the errors\n"
           "                      and the summary)\n"
           "  -h, --help          show this help\n"
           "  -V, --version       show the version, the Xapian and ICU versions and the\n"
           "                      index format written\n"
           "\n"
           "exit status:\n"
           "  0   all files indexed (or skipped as unsupported/empty)\n"
           "  1   some files failed, a remembered folder could not be read, or the disk\n"
           "      filled up; the index holds the rest (the last commit)\n"
           "  2   usage error (also a PATH that does not exist); nothing was changed\n"
           "  3   the index cannot be opened or used (incompatible version, corrupt)\n"
           "  75  the index is locked by another indexer (named): retry later\n"
           "  130 interrupted by Ctrl-C (SIGINT), 143 by SIGTERM, 129 by SIGHUP: what was\n"
           "      committed stays, a --full build is not swapped in; run again to finish\n",
           IX_MEM_DEFAULT_MB);
}

#define STR_(x) #x
#define STR(x) STR_(x)

/* A number of megabytes from 1 to 2^20, as bytes. */
static int parse_size(const char *s, size_t *out)
{
    unsigned long long v;
    if (izde_cli_number(s, 1, 1ULL << 20, &v) != 0)
        return -1;
    *out = (size_t)v << 20;
    return 0;
}

static int parse_count(const char *s, unsigned max, unsigned *out)
{
    unsigned long long v;
    if (izde_cli_number(s, 1, max, &v) != 0)
        return -1;
    *out = (unsigned)v;
    return 0;
}

/* The first signal asks the run to stop (see ix_interrupt_signal); a
 * second one ends the process at once, which is safe too: the index only
 * changes by atomic commits. */
static void on_signal(int sig)
{
    if (ix_interrupt_signal) {
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    ix_interrupt_signal = sig;
}

static void catch_signals(void)
{
    static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        struct sigaction old, sa;
        /* An ignored signal stays ignored (nohup, a background job). */
        if (sigaction(sigs[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        /* Reads and waits resume; the writer looks at the flag itself. */
        sa.sa_flags = SA_RESTART;
        sigaction(sigs[i], &sa, NULL);
    }
}

/* Called when Xapian stops the process from inside a commit (see
 * izde_set_fatal_handler): the error gets the one plain line and the exit
 * status any other write error gets, instead of "terminate called" and a
 * core. _exit, not exit: analysis threads may still be running, and static
 * destructors must not run under them. The commit never happened, so the
 * last committed index is what searches see, as after a crash. */
static void on_fatal(void *closure)
{
    const char *db = closure;
    izde_diag_error("cannot write to '%s': the Xapian library stopped on a write error (a "
                    "full disk or a file size limit?); the last committed index is still live, "
                    "run izde-index again once there is space", db);
    _exit(IZDE_EXIT_FAILED);
}

/* n with thousands separated by commas ("1,464"), into buf. */
static const char *thousands(size_t n, char buf[32])
{
    char digits[24];
    int len = snprintf(digits, sizeof(digits), "%zu", n);
    int j = 0;
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            buf[j++] = ',';
        buf[j++] = digits[i];
    }
    buf[j] = '\0';
    return buf;
}

/* The one line that says how far an interrupted run got. */
static void report_interrupt(const struct ix_report *r)
{
    char done[32], total[32], live[32];
    thousands(r->jobs_done, done);
    thousands(r->jobs_total, total);
    if (!r->started || r->jobs_total == 0)
        fprintf(stderr, "izde-index: interrupted before any file was indexed; nothing "
                        "changed\n");
    else if (!r->rebuild)
        fprintf(stderr, "izde-index: interrupted: %s of %s files indexed and committed; run "
                        "again to finish\n", done, total);
    else if (r->live_docs >= 0)
        fprintf(stderr, "izde-index: interrupted: the rebuild got to %s of %s files and is "
                        "not swapped in; the old index (%s documents) stays live; run again "
                        "to go on\n", done, total, thousands((size_t)r->live_docs, live));
    else
        fprintf(stderr, "izde-index: interrupted: the first build got to %s of %s files; "
                        "there is no index yet; run again to go on\n", done, total);
}

static unsigned default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

enum {
    OPT_DB = 1, OPT_UPDATE, OPT_FULL, OPT_COMPACT, OPT_FORGET, OPT_SHARDS, OPT_JOBS, OPT_LOG,
    OPT_MAX_SIZE, OPT_MAX_MEMORY, OPT_COMMIT_DOCS, OPT_FOLLOW_SYMLINKS, OPT_QUIET, OPT_HELP,
    OPT_VERSION,
};

static const struct izde_cli_option options[] = {
    { "db", 0, IZDE_CLI_VALUE, OPT_DB },
    { "update", 0, IZDE_CLI_FLAG, OPT_UPDATE },
    { "full", 0, IZDE_CLI_FLAG, OPT_FULL },
    { "compact", 0, IZDE_CLI_FLAG, OPT_COMPACT },
    { "forget", 0, IZDE_CLI_VALUE, OPT_FORGET },
    { "shards", 0, IZDE_CLI_VALUE, OPT_SHARDS },
    { "jobs", 'j', IZDE_CLI_VALUE, OPT_JOBS },
    { "log", 0, IZDE_CLI_VALUE, OPT_LOG },
    { "max-size", 0, IZDE_CLI_VALUE, OPT_MAX_SIZE },
    { "max-memory", 0, IZDE_CLI_VALUE, OPT_MAX_MEMORY },
    { "commit-docs", 0, IZDE_CLI_VALUE, OPT_COMMIT_DOCS },
    { "follow-symlinks", 0, IZDE_CLI_FLAG, OPT_FOLLOW_SYMLINKS },
    { "quiet", 'q', IZDE_CLI_FLAG, OPT_QUIET },
    { "help", 'h', IZDE_CLI_FLAG, OPT_HELP },
    { "version", 'V', IZDE_CLI_FLAG, OPT_VERSION },
    { NULL, 0, 0, 0 },
};

/* The options into o, *max_memory and the path lists; -1 to go on, else
 * the exit status (after --help, --version or a usage error). */
static int parse_options(int argc, char **argv, struct ix_options *o, size_t *max_memory)
{
    struct izde_cli cli;
    izde_cli_init(&cli, argc, argv, "izde-index", options, 0);
    const char *v;
    int id;
    while ((id = izde_cli_next(&cli, &v)) != IZDE_CLI_END) {
        switch (id) {
        case IZDE_CLI_OPERAND:
            o->paths[o->npaths++] = (char *)v;
            break;
        case IZDE_CLI_ERROR:
            return IZDE_EXIT_USAGE;
        case OPT_HELP:
            usage();
            return IZDE_EXIT_OK;
        case OPT_VERSION:
            izde_version_print(stdout, "izde-index");
            return IZDE_EXIT_OK;
        case OPT_QUIET:
            o->quiet = 1;
            break;
        case OPT_UPDATE:
            o->update = 1;
            break;
        case OPT_FULL:
            o->full = 1;
            break;
        case OPT_COMPACT:
            o->compact = 1;
            break;
        case OPT_FOLLOW_SYMLINKS:
            o->follow_symlinks = 1;
            break;
        case OPT_FORGET:
            o->forget[o->nforget++] = (char *)v;
            break;
        case OPT_DB:
            o->db_path = v;
            break;
        case OPT_LOG:
            o->log_path = v;
            break;
        case OPT_JOBS:
            if (parse_count(v, 256, &o->jobs) != 0) {
                izde_cli_bad_value(&cli, "a number from 1 to 256", v);
                return IZDE_EXIT_USAGE;
            }
            break;
        case OPT_SHARDS:
            if (parse_count(v, IX_MAX_SHARDS, &o->shards) != 0) {
                izde_cli_bad_value(&cli, "a number from 1 to " STR(IX_MAX_SHARDS), v);
                return IZDE_EXIT_USAGE;
            }
            /* Shards are written side by side only into a fresh build. */
            if (o->shards > 1)
                o->full = 1;
            break;
        case OPT_MAX_SIZE:
            if (parse_size(v, &o->max_file_bytes) != 0) {
                izde_cli_bad_value(&cli, "a number of megabytes", v);
                return IZDE_EXIT_USAGE;
            }
            break;
        case OPT_MAX_MEMORY:
            if (parse_size(v, max_memory) != 0 || *max_memory < (size_t)IX_MEM_MIN_MB << 20) {
                izde_cli_bad_value(&cli, "a number of megabytes, at least " STR(IX_MEM_MIN_MB), v);
                return IZDE_EXIT_USAGE;
            }
            break;
        case OPT_COMMIT_DOCS:
            if (parse_count(v, 100000000, &o->commit_docs) != 0) {
                izde_cli_bad_value(&cli, "a positive number", v);
                return IZDE_EXIT_USAGE;
            }
            break;
        }
    }
    if (o->nforget && (o->npaths || o->update || o->full || o->compact)) {
        izde_diag_usage("--forget goes alone: no PATH, --update, --full or --compact with it");
        return IZDE_EXIT_USAGE;
    }
    if (o->npaths == 0 && !o->update && !o->full && !o->nforget) {
        izde_diag_usage("no PATH to index");
        return IZDE_EXIT_USAGE;
    }
    return -1;
}

/* Without --db: $IZDE_DB, else the user's default index, whose parent
 * folders are made (the index folder itself is made by the run). */
static int default_db(struct ix_options *o, char **owned)
{
    enum izde_db_origin origin;
    if (izde_default_db(owned, &origin) != IZDE_OK) {
        izde_diag_usage("no --db DIR, and neither IZDE_DB nor HOME is set");
        return IZDE_EXIT_USAGE;
    }
    o->db_path = *owned;
    if (origin == IZDE_DB_FROM_XDG) {
        for (char *slash = strchr(*owned + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
            *slash = '\0';
            int rc = mkdir(*owned, 0755);
            int err = errno;
            *slash = '/';
            if (rc != 0 && err != EEXIST) {
                izde_diag_error("cannot make the folder of the default index '%s': %s", *owned,
                                strerror(err));
                return IZDE_EXIT_FAILED;
            }
        }
    }
    return -1;
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
    char **forget = calloc((size_t)argc, sizeof(char *));
    if (!paths || !forget) {
        free(paths);
        free(forget);
        return IZDE_EXIT_FAILED;
    }
    opts.paths = paths;
    opts.forget = forget;
    char *default_path = NULL;
    int status = parse_options(argc, argv, &opts, &max_memory);
    if (status < 0 && !opts.db_path)
        status = default_db(&opts, &default_path);
    if (status >= 0) {
        free(paths);
        free(forget);
        free(default_path);
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
            free(forget);
            free(default_path);
            return IZDE_EXIT_FAILED;
        }
        /* Line-buffered, so that a killed run leaves whole lines. */
        setvbuf(report.log, NULL, _IOLBF, 0);
    }
    catch_signals();
    izde_set_fatal_handler(on_fatal, (void *)opts.db_path);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    izde_status_t rc = ix_run(&opts, &report);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    const struct ix_counts *c = &report.counts;
    size_t indexed = c->n[IX_ADDED] + c->n[IX_REPLACED];
    double mb = (double)c->bytes / 1e6;
    if (rc == IZDE_ERR_INTERRUPTED)
        report_interrupt(&report);
    /* The summary: after a run that got to its files, unless -q and all
     * went well; never after an error that came before any work. */
    int failed = rc != IZDE_OK || c->n[IX_FAILED] > 0;
    if (report.started && (!opts.quiet || failed))
        fprintf(stderr,
                "izde-index: %zu indexed, %zu skipped, %zu failed (%zu added, %zu replaced, "
                "%zu unchanged, %zu removed); %.1f MB in %.2f s (%.2f MB/s, %.0f docs/s)%s\n",
                indexed, c->n[IX_SKIPPED], c->n[IX_FAILED], c->n[IX_ADDED], c->n[IX_REPLACED],
                c->n[IX_UNCHANGED], c->n[IX_REMOVED], mb, secs, secs > 0 ? mb / secs : 0.0,
                secs > 0 ? (double)indexed / secs : 0.0,
                rc != IZDE_OK && rc != IZDE_ERR_INTERRUPTED ? "; stopped by the error above" : "");
    if (report.started && c->warned && (!opts.quiet || failed))
        fprintf(stderr, "izde-index: %zu file%s indexed with warnings (cut, repaired or partly "
                        "extracted: see above)\n", c->warned, c->warned == 1 ? "" : "s");
    if (report.log && fclose(report.log) != 0)
        izde_diag_error("cannot write log '%s': %s", opts.log_path, strerror(errno));
    izde_buf_release(&report.line);
    free(paths);
    free(forget);
    free(default_path);
    if (rc == IZDE_ERR_INTERRUPTED)
        return izde_diag_signal_exit_code(ix_interrupt_signal);
    if (rc != IZDE_OK)
        return izde_diag_exit_code(rc);
    return c->n[IX_FAILED] ? IZDE_EXIT_FAILED : IZDE_EXIT_OK;
}
