/* report.h - what izde-index tells the user: the outcome of each file (counts, --log), the progress line, per-file messages, the closing summary. */
#ifndef IZDE_INDEXER_REPORT_H
#define IZDE_INDEXER_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "common/buf.h"
#include "common/status.h"

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

/* What OCR did for one file (extract.h): pages read, pages taken from the
 * cache, milliseconds, mean confidence 0-100; all 0: no OCR. each: a line
 * "PAGE MS CONF" a page (MS -1: from the cache), or NULL; owned by the
 * figures' holder. */
struct ix_ocr_figures {
    unsigned pages, cached, ms, conf;
    char *each;
};

struct ix_counts {
    size_t n[IX_ACTION_COUNT];
    size_t warned;
    uint64_t bytes;         /* bytes read from indexed files */
    size_t ocr_pages;       /* pages of indexed files read by OCR */
    size_t ocr_cached;      /* and those whose OCR text the cache had */
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
    size_t ocr_seen;        /* pages OCR'd or taken from the OCR cache so far,
                               committed or not (the progress line) */
};

/* ------------------------------------------------------- outcomes, --log */

/* Opens --log (log_path, appended, line-buffered so that a killed run
 * leaves whole lines) into r; NULL log_path: no log. Says why on failure.
 * Returns IZDE_OK or IZDE_ERR_IO. */
izde_status_t ix_report_open(struct ix_report *r, const char *log_path);
/* Closes the log (saying so if its last lines could not be written) and
 * frees what r holds. */
void ix_report_close(struct ix_report *r, const char *log_path);

const char *ix_action_name(enum ix_action a);

/* Counts the outcome and writes its --log line (when logging). reason may
 * be NULL. Called from one thread at a time. */
void ix_report_file(struct ix_report *r, const char *path, enum ix_action a,
                    const char *reason, double ms);

/* Appends one --log JSON object (no newline) to out; with ocr (NULL or
 * all 0: none), also "ocr_pages", "ocr_cached", "ocr_ms", "ocr_conf" and
 * "ocr_each", a {"page","ms","conf"} object a page ("cached":true instead
 * of "ms" for a page the cache had). */
izde_status_t ix_log_line(struct izde_buf *out, const char *path, enum ix_action a,
                          const char *reason, double ms, const struct ix_ocr_figures *ocr);

/* Appends one --log line, newline included, to out (the writer's batch
 * of lines, written out after the commit that holds its documents). */
izde_status_t ix_log_append(struct izde_buf *out, const char *path, enum ix_action a,
                            const char *reason, double ms, const struct ix_ocr_figures *ocr);

/* Seconds on the monotonic clock: what progress, the --log "ms" and the
 * summary's rates are measured with. */
double ix_now_seconds(void);

/* ------------------------------------------------------ the progress line */

/* The line "12/40 files  3.1 MB/s  ETA 9 s  name.txt" that one writer
 * redraws in place on a terminal. Messages about files first erase it
 * (ix_say_*), so that they start at the left margin. */
struct ix_progress {
    int on;                 /* stderr is a terminal and not --quiet */
    double t0;              /* when the run's writing began */
    double last;            /* when the line was last drawn (0: never) */
};

/* Whether the line is due at time now for file done of total (at most five
 * redraws a second, and always the last); records now as drawn if so. */
int ix_progress_due(struct ix_progress *p, double now, size_t done, size_t total);
/* Draws the line on stderr: done of total files, bytes read so far, pages
 * read by OCR so far (shown when there are any: scans take seconds a page,
 * so files alone would seem stuck). */
void ix_progress_draw(const struct ix_progress *p, double now, size_t done, size_t total,
                      uint64_t bytes, size_t ocr_pages, const char *path);
/* Erases the line (when p is on; NULL: no line). */
void ix_progress_clear(const struct ix_progress *p);
/* Characters of a file's name the progress line shows. */
#define IX_PROGRESS_NAME_CHARS 40
/* The line, from its leading erase to the base name of path cut at
 * IX_PROGRESS_NAME_CHARS whole characters (controls and bytes that are not
 * UTF-8 shown as '?'), into buf (cap bytes); elapsed seconds since the
 * start. Returns snprintf's count. */
int ix_progress_format(char *buf, size_t cap, size_t done, size_t total, double elapsed,
                       uint64_t bytes, size_t ocr_pages, const char *path);

/* ------------------------------------------------------ per-file messages */

/* What izde-index says about one file, after erasing p's line (p may be
 * NULL): a warning as it is (msg names the file), "skipping 'PATH': why"
 * (a warning), "cannot index 'PATH': why" (an error). Other errors erase
 * the line with ix_progress_clear, then go to izde_diag_error. Counting is
 * ix_report_file's job. */
void ix_say_warning(const struct ix_progress *p, const char *msg);
void ix_say_skipped(const struct ix_progress *p, const char *path, const char *why);
void ix_say_failed(const struct ix_progress *p, const char *path, const char *why);

/* ------------------------------------------------------------ the summary */

/* Writes to out what izde-index says when a run ends with rc after secs
 * seconds: how far an interrupted run got (rc IZDE_ERR_INTERRUPTED), then,
 * once the run got to its files, the counts and rates, the pages OCR'd (if
 * any) and the number of files indexed with warnings; with quiet, these
 * only when something failed. */
void ix_report_summary(FILE *out, const struct ix_report *r, izde_status_t rc, double secs,
                       int quiet);

#endif
