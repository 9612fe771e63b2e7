/* options.h - what the user asked izde-index to do: struct ix_options, read from the command line. */
#ifndef IZDE_INDEXER_OPTIONS_H
#define IZDE_INDEXER_OPTIONS_H

#include <stddef.h>

#define IX_MAX_SHARDS 16

/* What the user asked for. Filled by ix_options_parse; the memory fields
 * are then derived from --max-memory by ix_memmodel_apply (memmodel.h).
 * Nothing in a run writes to it. */
struct ix_options {
    const char *db_path;
    char **paths;           /* files and directories to index */
    size_t npaths;
    char **forget;          /* --forget: roots to drop, with their documents */
    size_t nforget;
    int quiet;
    int update;             /* also rescan every root the index remembers */
    int full;               /* rebuild into a new directory, then swap it in */
    int compact;            /* compact after the run, then swap it in */
    unsigned shards;        /* --shards: writer threads and databases of a
                               --full build, merged at the end (0 or 1: one) */
    unsigned jobs;          /* extraction and analysis threads */
    unsigned jobs_asked;    /* --jobs when --max-memory lowered it, else 0 */
    const char *log_path;   /* --log: one JSON line per file, appended */
    size_t max_file_bytes;  /* larger files are skipped */
    unsigned commit_docs;   /* commit after this many documents, at most
                               every IX_MIN_COMMIT_INTERVAL (pool.c) */
    size_t commit_bytes;    /* or after this many bytes of text (per writer) */
    size_t inflight_bytes;  /* files being read and analysed hold at most
                               this many bytes between them (one larger
                               file is read alone); 0: no limit */
    size_t max_memory;      /* --max-memory in bytes: also the address space
                               of each extraction helper (extract.h) */
    int follow_symlinks;    /* --follow-symlinks: index a link to a file
                               whatever its target; by default only links
                               into an indexed root are */
    const char *ocr_langs;  /* --ocr-languages (default IX_OCR_LANGS); NULL:
                               --no-ocr, scans are skipped */
    const char *ocr_cache;  /* --ocr-cache, else DIR/ocr-cache */
    char *owned;            /* what ix_options_release frees: the default
                               index path when there was no --db */
    char *owned_cache;      /* and the default --ocr-cache */
};

/* Sets o to the defaults (as --help gives them): 256 MB --max-size, 2000
 * --commit-docs, a job per core, --max-memory IX_MEM_DEFAULT_MB. */
void ix_options_init(struct ix_options *o);

/* Reads argv into o (after ix_options_init); paths and forget point into
 * argv. Without --db, takes $IZDE_DB or the user's default index and makes
 * that index's parent folders. Prints --help, --version and every usage
 * error itself. Returns -1 when the run is to go on, else the exit status
 * main returns: IZDE_EXIT_OK after --help or --version, IZDE_EXIT_USAGE,
 * IZDE_EXIT_FAILED (no memory, or the default index's folder cannot be
 * made). */
int ix_options_parse(struct ix_options *o, int argc, char **argv);

/* Frees what ix_options_parse allocated; o stays readable as numbers. */
void ix_options_release(struct ix_options *o);

#endif
