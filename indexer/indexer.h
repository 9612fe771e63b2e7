/* indexer.h - what the parts of izde-index share: options, the file list, counters. */
#ifndef IZDE_INDEXER_H
#define IZDE_INDEXER_H

#include <stddef.h>
#include <stdint.h>
#include "status.h"

struct ix_options {
    const char *db_path;
    char **paths;           /* files and directories to index */
    size_t npaths;
    int quiet;
    size_t max_file_bytes;  /* larger files are skipped */
    unsigned commit_docs;   /* commit after this many documents */
    size_t commit_bytes;    /* or after this many bytes of text */
};

/* One file found by the walk. */
struct ix_file {
    char *path;             /* absolute, canonical; the document's identity */
    uint64_t size;
    int64_t mtime;
};

struct ix_filelist {
    struct ix_file *items;
    size_t n, cap;
};

struct ix_counts {
    size_t indexed, skipped, failed, warned;
    uint64_t bytes;
};

/* Adds the indexable files under path (a file or a directory, walked
 * recursively) to list. Problems are reported and counted in counts.
 * Returns IZDE_OK or IZDE_ERR_NOMEM. */
izde_status_t ix_walk(const char *path, struct ix_filelist *list, struct ix_counts *counts);
void ix_filelist_release(struct ix_filelist *list);

/* Whether a file name has an extension izde-index reads. */
int ix_supported_name(const char *name);

/* Indexes list into the database of opts. Returns IZDE_OK when the
 * database stayed usable (files may still have failed: see counts), or
 * the status of the database error that stopped the run. */
izde_status_t ix_index_files(const struct ix_options *opts, const struct ix_filelist *list,
                             struct ix_counts *counts);

#endif
