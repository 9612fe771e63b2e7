/* latency.c - query list, clock, cache dropping, timed passes and the summary line of the latency drivers. */
#include "latency.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int bench_queries_read(const char *path, struct bench_queries *q)
{
    q->items = NULL;
    q->n = 0;
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t cap = 0, linecap = 0;
    char *line = NULL;
    ssize_t len;
    while ((len = getline(&line, &linecap, f)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        char *text = line, *tab = strchr(line, '\t');
        if (tab)
            text = tab + 1;
        if (*text == '\0')
            continue;
        if (q->n == cap) {
            cap = cap ? cap * 2 : 1024;
            char **grown = realloc(q->items, cap * sizeof(*grown));
            if (!grown)
                goto nomem;
            q->items = grown;
        }
        if (!(q->items[q->n] = strdup(text)))
            goto nomem;
        q->n++;
    }
    free(line);
    fclose(f);
    return 0;
nomem:
    free(line);
    fclose(f);
    bench_queries_release(q);
    errno = ENOMEM;
    return -1;
}

void bench_queries_release(struct bench_queries *q)
{
    for (size_t i = 0; i < q->n; i++)
        free(q->items[i]);
    free(q->items);
    q->items = NULL;
    q->n = 0;
}

double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int bench_drop_caches(void)
{
    sync();
    FILE *f = fopen("/proc/sys/vm/drop_caches", "w");
    if (!f)
        return -1;
    int bad = fputs("3\n", f) < 0;
    if (fclose(f) != 0 || bad)
        return -1;
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of sorted v. */
static double percentile(const double *v, size_t n, double p)
{
    if (n == 0)
        return 0;
    size_t rank = (size_t)(p / 100.0 * (double)n + 0.999999);
    if (rank < 1)
        rank = 1;
    if (rank > n)
        rank = n;
    return v[rank - 1];
}

void bench_report(const char *mode, double *secs, size_t n, unsigned long long hits)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += secs[i];
    qsort(secs, n, sizeof(*secs), cmp_double);
    printf("mode=%s n=%zu hits=%llu p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f mean_ms=%.3f "
           "qps=%.0f\n",
           mode, n, hits, percentile(secs, n, 50) * 1e3, percentile(secs, n, 95) * 1e3,
           percentile(secs, n, 99) * 1e3, n ? sum / (double)n * 1e3 : 0.0,
           sum > 0 ? (double)n / sum : 0.0);
}

/* Times queries [0, n) into secs[] (NULL: untimed); returns the number of
 * hits, or -1. */
static long long time_pass(const struct bench_driver *d, const struct bench_queries *qs,
                           size_t n, int cold, double *secs, const char *mode, FILE *times)
{
    unsigned long long total = 0;
    for (size_t i = 0; i < n; i++) {
        if (cold) {
            if (d->reopen(d->state) != 0)
                return -1;
            if (bench_drop_caches() != 0) {
                fprintf(stderr, "%s: warning: cannot drop the page cache: %s\n", d->name,
                        strerror(errno));
                return -1;
            }
        }
        double t0 = bench_now();
        long long hits = d->query(d->state, qs->items[i]);
        double t1 = bench_now();
        if (hits < 0)
            return -1;
        if (secs)
            secs[i] = t1 - t0;
        if (secs && times)
            fprintf(times, "%s\t%.3f\t%s\n", mode, (t1 - t0) * 1e3, qs->items[i]);
        total += (unsigned long long)hits;
    }
    return (long long)total;
}

int bench_time_queries(const struct bench_driver *d, const struct bench_queries *qs,
                       size_t cold, const char *warm_mode, const char *cold_mode)
{
    double *secs = calloc(qs->n ? qs->n : 1, sizeof(*secs));
    if (!secs) {
        fprintf(stderr, "%s: error: out of memory\n", d->name);
        return -1;
    }
    int rc = -1;
    long long hits;
    FILE *times = NULL;
    if (d->times && !(times = fopen(d->times, "a"))) {
        fprintf(stderr, "%s: error: cannot write '%s': %s\n", d->name, d->times, strerror(errno));
        goto out;
    }
    if (time_pass(d, qs, qs->n, 0, NULL, NULL, NULL) < 0 ||
        (hits = time_pass(d, qs, qs->n, 0, secs, warm_mode, times)) < 0)
        goto out;
    bench_report(warm_mode, secs, qs->n, (unsigned long long)hits);
    if (cold > 0) {
        size_t n = cold < qs->n ? cold : qs->n;
        if ((hits = time_pass(d, qs, n, 1, secs, cold_mode, times)) < 0)
            goto out;
        bench_report(cold_mode, secs, n, (unsigned long long)hits);
    }
    fflush(stdout);
    rc = 0;
out:
    if (times && fclose(times) != 0 && rc == 0) {
        fprintf(stderr, "%s: error: cannot write '%s': %s\n", d->name, d->times, strerror(errno));
        rc = -1;
    }
    free(secs);
    return rc;
}
