/* indexer.h - what ties izde-index's parts together: the walk's file list, the plan, the pool and run entry points, the index directory. */
#ifndef IZDE_INDEXER_H
#define IZDE_INDEXER_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include "common/buf.h"
#include "common/status.h"
#include "index/xapian_binding.h"
#include "indexer/known.h"
#include "indexer/options.h"
#include "indexer/report.h"

/* The signal that asked the run to stop (SIGINT, SIGTERM, SIGHUP), or 0.
 * Set by izde-index's handler; read by the walk and the writers between
 * files. */
extern volatile sig_atomic_t ix_interrupt_signal;

/* ---------------------------------------------------------- finding files */

/* One file found by the walk. */
struct ix_file {
    char *path;             /* absolute; the document's identity */
    uint64_t size;
    int64_t mtime;
    int is_link;            /* a symbolic link (vetted by the walk) */
};

struct ix_filelist {
    struct ix_file *items;
    size_t n, cap;
    /* Directories that could not be read: documents under them are kept,
     * not removed, since their files may well still exist. */
    char **unreadable;
    size_t nunreadable, capunreadable;
};

/* Adds the indexable files under root (an absolute, canonical path to a
 * file or a directory, walked recursively) to list. A symbolic link to a
 * file is indexed when its target lies inside one of the nroots roots (all
 * canonical), or whatever it is with o->follow_symlinks; links to
 * directories are not followed (they can loop). FIFOs, sockets and devices
 * are skipped. Problems are reported through r. Returns IZDE_OK or
 * IZDE_ERR_NOMEM. */
izde_status_t ix_walk(const char *root, char *const *roots, size_t nroots,
                      const struct ix_options *o, struct ix_filelist *list,
                      struct ix_report *r);
void ix_filelist_release(struct ix_filelist *list);

/* Sorts list by path and drops duplicates (roots may overlap). */
void ix_filelist_sort(struct ix_filelist *list);

/* Whether a file name has an extension izde-index reads. */
int ix_supported_name(const char *name);

/* -------------------------------------------------------------- planning */

/* The id term of a path: "Q" + path, or for paths too long for a term,
 * "Q#" + a 64-bit hash in hex + the path's tail (a canonical absolute path
 * starts with '/', so the two forms never meet). Replaces out's content. */
#define IX_IDTERM_MAX 240
izde_status_t ix_idterm(const char *path, size_t len, struct izde_buf *out);

/* FNV-1a, 64 bit, continued from h (start with IX_HASH_INIT). */
#define IX_HASH_INIT 0xcbf29ce484222325ULL
uint64_t ix_hash_bytes(uint64_t h, const void *p, size_t len);

/* Work for one file that must be read. */
struct ix_job {
    const struct ix_file *file;
    const struct ix_known *old;     /* NULL for a new file */
};

struct ix_plan {
    struct ix_job *jobs;            /* in path order */
    size_t njobs;
    const struct ix_known **unchanged;
    size_t nunchanged;
    const struct ix_known **removed; /* documents to delete */
    size_t nremoved;
};

/* Compares the files found (sorted) with the documents known (sorted):
 * unchanged files (same size and mtime) need no reading; new and changed
 * ones become jobs; known documents under one of roots[0..nroots-1] whose
 * file was not found, and not under an unreadable directory of files, are
 * to be removed. Marks seen known documents. Returns IZDE_OK or
 * IZDE_ERR_NOMEM. */
izde_status_t ix_plan_make(const struct ix_filelist *files, struct ix_knownlist *known,
                           char *const *roots, size_t nroots, struct ix_plan *plan);
void ix_plan_release(struct ix_plan *plan);

/* Whether path is root or lies under it. */
int ix_path_under(const char *path, const char *root);

/* Roots remembered in the index: canonical paths, each ended by a NUL (so
 * that a path holding a newline stays one root), or in the old form one a
 * line. Adds each root of text (len bytes) not yet in *roots. */
izde_status_t ix_roots_parse(const char *text, size_t len, char ***roots, size_t *n);
/* Appends roots[0..n-1] to out in the form ix_roots_parse reads. */
izde_status_t ix_roots_format(char *const *roots, size_t n, struct izde_buf *out);
/* Adds root to *roots unless present. */
izde_status_t ix_roots_add(char ***roots, size_t *n, const char *root);
void ix_roots_free(char **roots, size_t n);

/* ------------------------------------------------------------- the index */

/* The worker pool (pool.c): runs plan into dbs[0..ndbs-1]: reads, analyses
 * and stores the jobs (opts->jobs threads, each file read by document.c),
 * removes what is to be removed, commits in batches.
 * dbs[0] is the index the plan was made from: removals and replacements go
 * there; with ndbs > 1, new documents are spread over all the databases,
 * each written by its own thread (to be merged afterwards). Returns
 * IZDE_OK when the databases stayed usable (files may still have failed:
 * see r->counts), or the status of the error that stopped the run
 * (reported). */
izde_status_t ix_pool_run(const struct ix_options *opts, izde_wdb_t *const *dbs, size_t ndbs,
                          const struct ix_plan *plan, struct ix_report *r);

/* Whether an error message says the disk is full: Xapian's end in the
 * strerror text of errno, and so do the directory's (ix_dbdir_swap).
 * (dbdir.c; run.c says it once.) */
int ix_is_no_space(const char *msg);

/* The whole run of izde-index for opts (run.c): everything but the options
 * and the summary. Returns IZDE_OK, or the status that ended the run
 * (already reported); files that failed are only counted in r. */
izde_status_t ix_run(const struct ix_options *opts, struct ix_report *r);

/* ------------------------------------------------- the database directory */

/* An index directory, locked for this process. Layouts: a glass database
 * in DIR itself (what a plain run creates), or, after --full or --compact,
 * DIR/XAPIANDB, a Xapian stub naming the live generation DIR/gen-N: a new
 * generation is swapped in by renaming a new stub over the old one, which
 * readers see atomically. */
struct ix_dbdir {
    char *dir;
    int lock_fd;
    int stub;               /* the stub layout */
    unsigned gen;           /* the live generation (stub layout) */
};

/* Creates dir if needed, takes izde-index's lock on it (DIR/izde-index.pid,
 * naming the holder, removed by ix_dbdir_unlock), finds the layout and clears what an interrupted swap
 * left behind. OUT: *errmsg (malloc'ed) on failure.
 * Returns IZDE_OK, IZDE_ERR_DB_LOCKED (another izde-index runs), IZDE_ERR_IO,
 * IZDE_ERR_NOMEM. */
izde_status_t ix_dbdir_lock(struct ix_dbdir *d, const char *dir, char **errmsg);
/* Removes the pid file (if still ours) and releases the lock. */
void ix_dbdir_unlock(struct ix_dbdir *d);

/* Whether dir holds a live index (a glass database, or a stub naming
 * one); a first --full build in progress lives in dir/build, not yet here. */
int ix_dbdir_has_index(const char *dir);

/* The path of the live glass database (malloc'ed), or NULL on no memory. */
char *ix_dbdir_live(const struct ix_dbdir *d);
/* The path of a scratch directory in DIR ("build", "compact"); malloc'ed. */
char *ix_dbdir_scratch(const struct ix_dbdir *d, const char *name);

/* Makes the closed database at newdb (a scratch directory of d) the live
 * one, atomically for readers, and deletes the old one. OUT: *errmsg. */
izde_status_t ix_dbdir_swap(struct ix_dbdir *d, const char *newdb, char **errmsg);

/* Deletes a (flat) database directory and what it holds. */
int ix_remove_dbtree(const char *path);

#endif
