/* indexer.h - what the parts of izde-index share: options, the file list, the plan, reports. */
#ifndef IZDE_INDEXER_H
#define IZDE_INDEXER_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "common/buf.h"
#include "common/status.h"
#include "index/xapian_binding.h"

#define IX_MAX_SHARDS 16

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
    const char *log_path;   /* --log: one JSON line per file, appended */
    size_t max_file_bytes;  /* larger files are skipped */
    unsigned commit_docs;   /* commit after this many documents, at most
                               every IX_MIN_COMMIT_INTERVAL (index.c) */
    size_t commit_bytes;    /* or after this many bytes of text (per writer) */
    size_t inflight_bytes;  /* files being read and analysed hold at most
                               this many bytes between them (one larger
                               file is read alone); 0: no limit */
    size_t dehyphen_words;  /* words each thread's hyphen repair remembers
                               across files; 0: its default */
    size_t max_memory;      /* --max-memory in bytes: also the address space
                               of each extraction helper (extract.h) */
    int follow_symlinks;    /* --follow-symlinks: index a link to a file
                               whatever its target; by default only links
                               into an indexed root are */
};

/* --max-memory: the model behind it, measured on the benchmark corpora
 * (peak RSS against batch size; see the README): the process itself takes
 * about IX_MEM_BASE_MB, each byte of text waiting in a writer's uncommitted
 * batch, or in a document being analysed, about IX_MEM_PER_TEXT_BYTE bytes
 * (Xapian's maps of terms and positions), each word the hyphen repair
 * remembers across files IZDE_DEHYPHEN_BYTES_PER_WORD, and each file of
 * the run IX_MEM_PER_FILE (its path, its plan entry, its old record). */
#define IX_MEM_BASE_MB 48
#define IX_MEM_PER_TEXT_BYTE 12
#define IX_MEM_MIN_MB 64
#define IX_MEM_DEFAULT_MB 512
#define IX_MEM_PER_FILE 300

/* Sets commit_bytes, inflight_bytes and dehyphen_words so that a run with
 * o->jobs analysis threads and writers writer threads stays near max_mb
 * megabytes: of what is left after the base, half goes to the writers'
 * batches, a quarter to documents in flight, a quarter to the hyphen
 * repair's memory. The files of the run come on top (IX_MEM_PER_FILE
 * each). */
void ix_options_set_memory(struct ix_options *o, size_t max_mb, unsigned writers);

/* ------------------------------------------------------------ reporting */

/* What happened to one file; the names are the --log "action" values. */
enum ix_action {
    IX_ADDED,       /* new in the index */
    IX_REPLACED,    /* changed since the last run, indexed again */
    IX_UNCHANGED,   /* same size and time (not read), or same content */
    IX_REMOVED,     /* gone from its folder, so gone from the index */
    IX_SKIPPED,     /* not indexable (empty, too large, unsupported type) */
    IX_FAILED,      /* could not be read or decoded */
    IX_ACTION_COUNT
};

struct ix_counts {
    size_t n[IX_ACTION_COUNT];
    size_t warned;
    uint64_t bytes;         /* bytes read from indexed files */
};

/* Where the outcome of each file goes: the counters, and --log. Documents
 * written to the index are counted and logged only once the commit that
 * holds them is done, so neither ever claims more than the index has. */
struct ix_report {
    struct ix_counts counts;
    FILE *log;              /* NULL without --log */
    struct izde_buf line;   /* scratch for one log line */
    int started;            /* the run got past its checks to the files */
    size_t jobs_total;      /* files of the run to read */
    size_t jobs_done;       /* of those, how many are committed */
    int interrupted;        /* stopped by ix_interrupt_signal */
    int rebuild;            /* a --full build, swapped in only when done */
    int64_t live_docs;      /* documents in the live index when a run stopped
                               early (-1: no index yet) */
};

/* The signal that asked the run to stop (SIGINT, SIGTERM, SIGHUP), or 0.
 * Set by izde-index's handler; read by the writer between documents. */
extern volatile sig_atomic_t ix_interrupt_signal;

const char *ix_action_name(enum ix_action a);

/* Counts the outcome and writes its --log line (when logging). reason may
 * be NULL. Called from one thread at a time. */
void ix_report_file(struct ix_report *r, const char *path, enum ix_action a,
                    const char *reason, double ms);

/* Appends one --log JSON object (no newline) to out. */
izde_status_t ix_log_line(struct izde_buf *out, const char *path, enum ix_action a,
                          const char *reason, double ms);

/* Appends one --log line, newline included, to out (the writer's batch
 * of lines, written out after the commit that holds its documents). */
izde_status_t ix_log_append(struct izde_buf *out, const char *path, enum ix_action a,
                            const char *reason, double ms);

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

/* A document the index holds. */
struct ix_known {
    char *path;             /* from its id term or its stored record */
    char *idterm;
    izde_docid_t docid;
    uint64_t size;
    int64_t mtime;
    char hash[17];          /* "" when unknown */
    int seen;               /* a file of this run has this path */
};

struct ix_knownlist {
    struct ix_known *items;
    size_t n, cap;
};

void ix_knownlist_release(struct ix_knownlist *k);
/* Sorts by path (for ix_plan). */
void ix_knownlist_sort(struct ix_knownlist *k);

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

/* Loads what the index knows about its documents. Returns IZDE_OK or a
 * database status (the message is in izde_wdb_errmsg(db)). */
izde_status_t ix_known_load(izde_wdb_t *db, struct ix_knownlist *known);

/* Runs plan into dbs[0..ndbs-1]: reads, analyses and stores the jobs
 * (opts->jobs threads), removes what is to be removed, commits in batches.
 * dbs[0] is the index the plan was made from: removals and replacements go
 * there; with ndbs > 1, new documents are spread over all the databases,
 * each written by its own thread (to be merged afterwards). Returns
 * IZDE_OK when the databases stayed usable (files may still have failed:
 * see r->counts), or the status of the error that stopped the run
 * (reported). */
izde_status_t ix_index_run(const struct ix_options *opts, izde_wdb_t *const *dbs, size_t ndbs,
                           const struct ix_plan *plan, struct ix_report *r);

/* Whether an error message says the disk is full: Xapian's end in the
 * strerror text of errno, and so do the directory's (ix_dbdir_swap). */
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
