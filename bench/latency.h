/* latency.h - what the query latency drivers share: the query list, the clock, cache dropping, the timed passes and the summary line. */
#ifndef IZDE_BENCH_LATENCY_H
#define IZDE_BENCH_LATENCY_H

#include <stddef.h>

/* The queries of a file, one per line (a "qid<TAB>query" line keeps only
 * the query); empty lines are skipped. */
struct bench_queries {
    char **items;           /* malloc'ed strings */
    size_t n;
};

/* Reads path. Returns 0, or -1 with errno set. */
int bench_queries_read(const char *path, struct bench_queries *q);
void bench_queries_release(struct bench_queries *q);

/* Monotonic time in seconds. */
double bench_now(void);

/* Writes back dirty pages and drops the page cache (needs root).
 * Returns 0, or -1 with errno set (EACCES, EPERM: not permitted here). */
int bench_drop_caches(void);

/* Prints one line of key=value pairs to stdout, which bench/run.sh reads:
 * mode, n, hits (total hits returned), p50_ms, p95_ms, p99_ms, mean_ms,
 * qps (queries per second of the timed loop). secs[] is sorted in place. */
void bench_report(const char *mode, double *secs, size_t n, unsigned long long hits);

/* What a latency driver brings: one query, and reopening its index. */
struct bench_driver {
    const char *name;       /* the program, for messages */
    void *state;
    /* Closes the index and opens it again; 0, or -1 after saying why. */
    int (*reopen)(void *state);
    /* Runs one query; the number of hits, or -1 after saying why. */
    long long (*query)(void *state, const char *text);
    /* When set, each timed query appends a line "MODE<TAB>ms<TAB>query" to
     * this file: what finds the queries behind a tail. */
    const char *times;
};

/* The passes bench/run.sh reads: an untimed one that warms the caches, a
 * timed one reported as warm_mode, then, when cold > 0, the first cold
 * queries, each timed after a reopen and dropping the page cache, reported
 * as cold_mode. Returns 0, or -1 after saying why. */
int bench_time_queries(const struct bench_driver *d, const struct bench_queries *qs,
                       size_t cold, const char *warm_mode, const char *cold_mode);

#endif
