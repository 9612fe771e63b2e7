/* latency.h - what the query latency drivers share: the query list, the clock, cache dropping and the summary line. */
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

#endif
