/* options.c - izde-index's command line: --help, the option table, checks, and the default index. */
#include "indexer/options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "analysis/version.h"
#include "common/cli.h"
#include "common/default_db.h"
#include "common/diag.h"
#include "extract/extract.h"
#include "indexer/memmodel.h"

#ifdef IZDE_HAVE_OCR
static const char ocr_help[] =
    "  --no-ocr            skip scans: PDF pages without a text layer and images\n"
    "                      (.png, .jpg, .tif) are not read by OCR\n"
    "  --ocr-languages L   Tesseract languages for scans, joined by '+' (default\n"
    "                      " IX_OCR_LANGS "); pages are rendered at 300 dpi, and a file\n"
    "                      that needs OCR gets 60 s more per page it reads\n"
    "  --ocr-cache DIR     keep OCR text by file content in DIR (default:\n"
    "                      DIR/ocr-cache of the index), so that an unchanged scan\n"
    "                      is read once, also by --full\n";
#else
static const char ocr_help[] =
    "  --no-ocr, --ocr-languages L, --ocr-cache DIR\n"
    "                      accepted, but this build has no OCR: scans are skipped\n";
#endif

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
           "  -j, --jobs N        threads reading and analysing files (default: cores;\n"
           "                      fewer when --max-memory leaves no room for them)\n"
           "  --log FILE          append one JSON line per file: path, action (added,\n"
           "                      replaced, unchanged, removed, skipped, failed), reason, ms\n"
           "  --max-size MB       skip files larger than this (default 256)\n"
           "  --max-memory MB     keep the indexer near this much memory (default %d):\n"
           "                      commits sooner and reads fewer files at once; a file\n"
           "                      with more than MB/50 of text is read alone and needs\n"
           "                      about 25 times its text size\n"
           "  --commit-docs N     commit after N documents (default 2000; N per shard with\n"
           "                      --shards), sooner under --max-memory, and at most\n"
           "                      four times a second, so that searches running meanwhile\n"
           "                      can finish: a fast run makes fewer, larger batches\n"
           "  --follow-symlinks   index a symbolic link to a file wherever it leads (by\n"
           "                      default only links into an indexed PATH are)\n"
           "%s"
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
           IX_MEM_DEFAULT_MB, ocr_help);
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

static unsigned default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

void ix_options_init(struct ix_options *o)
{
    memset(o, 0, sizeof(*o));
    o->max_file_bytes = (size_t)256 << 20;
    o->commit_docs = 2000;
    o->jobs = default_jobs();
    o->max_memory = (size_t)IX_MEM_DEFAULT_MB << 20;
    o->ocr_langs = IX_OCR_LANGS;
}

enum {
    OPT_DB = 1, OPT_UPDATE, OPT_FULL, OPT_COMPACT, OPT_FORGET, OPT_SHARDS, OPT_JOBS, OPT_LOG,
    OPT_MAX_SIZE, OPT_MAX_MEMORY, OPT_COMMIT_DOCS, OPT_FOLLOW_SYMLINKS, OPT_QUIET, OPT_HELP,
    OPT_VERSION, OPT_NO_OCR, OPT_OCR_LANGUAGES, OPT_OCR_CACHE,
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
    { "no-ocr", 0, IZDE_CLI_FLAG, OPT_NO_OCR },
    { "ocr-languages", 0, IZDE_CLI_VALUE, OPT_OCR_LANGUAGES },
    { "ocr-cache", 0, IZDE_CLI_VALUE, OPT_OCR_CACHE },
    { "quiet", 'q', IZDE_CLI_FLAG, OPT_QUIET },
    { "help", 'h', IZDE_CLI_FLAG, OPT_HELP },
    { "version", 'V', IZDE_CLI_FLAG, OPT_VERSION },
    { NULL, 0, 0, 0 },
};

/* Whether s names Tesseract languages: letters, digits and '_' (chi_sim),
 * joined by '+', as Tesseract's own -l takes them. */
static int ocr_languages_ok(const char *s)
{
    int run = 0;
    for (; *s; s++) {
        char c = *s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '_')
            run++;
        else if (c == '+' && run)
            run = 0;
        else
            return 0;
    }
    return run > 0;
}

/* The options into o; -1 to go on, else the exit status (after --help,
 * --version or a usage error). */
static int parse_argv(int argc, char **argv, struct ix_options *o)
{
    struct izde_cli cli;
    izde_cli_init(&cli, argc, argv, "izde-index", options, 0);
    const char *v;
    int id, no_ocr = 0;
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
        case OPT_NO_OCR:
            no_ocr = 1;
            break;
        case OPT_OCR_LANGUAGES:
            if (!ocr_languages_ok(v)) {
                izde_cli_bad_value(&cli, "Tesseract language names joined by '+' (kir+rus)", v);
                return IZDE_EXIT_USAGE;
            }
            o->ocr_langs = v;
            break;
        case OPT_OCR_CACHE:
            if (!*v) {
                izde_cli_bad_value(&cli, "a folder", v);
                return IZDE_EXIT_USAGE;
            }
            o->ocr_cache = v;
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
            if (parse_size(v, &o->max_memory) != 0 ||
                o->max_memory < (size_t)IX_MEM_MIN_MB << 20) {
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
    if (no_ocr)
        o->ocr_langs = NULL;
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
static int default_db(struct ix_options *o)
{
    enum izde_db_origin origin;
    if (izde_default_db(&o->owned, &origin) != IZDE_OK) {
        izde_diag_usage("no --db DIR, and neither IZDE_DB nor HOME is set");
        return IZDE_EXIT_USAGE;
    }
    char *path = o->owned;
    o->db_path = path;
    if (origin == IZDE_DB_FROM_XDG) {
        for (char *slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
            *slash = '\0';
            int rc = mkdir(path, 0755);
            int err = errno;
            *slash = '/';
            if (rc != 0 && err != EEXIST) {
                izde_diag_error("cannot make the folder of the default index '%s': %s", path,
                                strerror(err));
                return IZDE_EXIT_FAILED;
            }
        }
    }
    return -1;
}

int ix_options_parse(struct ix_options *o, int argc, char **argv)
{
    /* Every operand could be a PATH or a --forget value. */
    o->paths = calloc((size_t)argc, sizeof(char *));
    o->forget = calloc((size_t)argc, sizeof(char *));
    if (!o->paths || !o->forget)
        return IZDE_EXIT_FAILED;
    int status = parse_argv(argc, argv, o);
    if (status < 0 && !o->db_path)
        status = default_db(o);
    if (status < 0 && !o->ocr_cache) {
        /* Beside the database generations, so that a --full build, which
         * swaps in a new one, keeps it. */
        size_t n = strlen(o->db_path) + sizeof("/ocr-cache");
        o->owned_cache = malloc(n);
        if (!o->owned_cache)
            return IZDE_EXIT_FAILED;
        snprintf(o->owned_cache, n, "%s/ocr-cache", o->db_path);
        o->ocr_cache = o->owned_cache;
    }
    return status;
}

void ix_options_release(struct ix_options *o)
{
    free(o->paths);
    free(o->forget);
    free(o->owned);
    free(o->owned_cache);
    o->paths = o->forget = NULL;
    o->owned = o->owned_cache = NULL;
}
