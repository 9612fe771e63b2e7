/* query_latency.c - per-query latency of Izde searches: parse, rank (top N) and fetch the hits' records, timed one by one. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/analyze.h"
#include "index/docdata.h"
#include "index/index_meta.h"
#include "latency.h"
#include "searcher/searcher.h"
#include "index/xapian_binding.h"

#define MAX_DBS 16

static const char usage[] =
    "usage: query_latency --db DIR [--db DIR ...] [options] QUERIES\n"
    "\n"
    "Times each query of QUERIES (one per line, or qid<TAB>query) the way\n"
    "izde-search runs it, with the database and the analyser opened once:\n"
    "parse, rank the complete matches, fill the page with partial ones, and\n"
    "read the stored record of every hit. Prints one line per mode:\n"
    "mode=warm|cold n= hits= p50_ms= p95_ms= p99_ms= mean_ms= qps=\n"
    "\n"
    "  --db DIR     index (or stub file) to search; several are searched as one\n"
    "  --limit N    hits per query (default 10)\n"
    "  --all        complete matches only (AND of the query words)\n"
    "  --snippets   also make each hit's snippet, as izde-search and izde-web do\n"
    "  --facets     also count the year and keyword facets of each query, as\n"
    "               izde-search --facets year,kw does\n"
    "  --cold N     also time the first N queries each after reopening the\n"
    "               database and dropping the page cache (needs root)\n"
    "  --times FILE append each timed query to FILE as a line\n"
    "               MODE<TAB>milliseconds<TAB>query\n"
    "  -h, --help   show this help\n";

struct ql {
    const char *dbs[MAX_DBS];
    size_t ndbs;
    uint32_t limit;
    int all_only;
    int facets;
    int snippets;
    struct izde_buf snippet;
    izde_analyzer_t *an;
    izde_rdb_t *db;
    struct sr_result *results;  /* limit of them */
};

static izde_status_t open_db(struct ql *s)
{
    char *errmsg = NULL;
    izde_status_t rc = izde_rdb_open(s->dbs, s->ndbs, &s->db, &errmsg);
    if (rc == IZDE_OK)
        rc = izde_index_meta_check_read(s->db, s->dbs[0], izde_analyzer_version(s->an),
                                        &errmsg);
    if (rc != IZDE_OK)
        fprintf(stderr, "query_latency: error: cannot open database '%s': %s\n", s->dbs[0],
                errmsg ? errmsg : izde_status_str(rc));
    free(errmsg);
    return rc;
}

/* One query as izde-search runs it: parse, rank the page (sr_rank), and
 * read the stored record of each hit, as izde-search does to print it.
 * OUT: *nhits. */
static izde_status_t one_query(struct ql *s, const char *text, size_t *nhits)
{
    struct sr_query q;
    struct sr_counts counts;
    *nhits = 0;
    izde_status_t rc = sr_query_parse(s->an, s->db, text, strlen(text), &q);
    if (rc == IZDE_OK)
        rc = sr_rank(s->db, &q, 0, s->limit, s->all_only, SR_SORT_RELEVANCE, s->results, nhits,
                     &counts, NULL);
    if (rc == IZDE_OK && s->facets) {
        static const struct izde_facet_spec specs[] = {
            { .slot = IZDE_SLOT_YEAR, .max = 10 },
            { .slot = IZDE_SLOT_KEYWORDS, .list = 1, .max = 10 },
        };
        izde_hits_t facets;
        rc = sr_facets(s->db, &q, specs, 2, &facets);
        izde_hits_release(&facets);
    }
    struct izde_sieve sieve;
    if (rc == IZDE_OK && s->snippets)
        rc = sr_snippet_sieve(&q, &sieve);
    for (size_t i = 0; rc == IZDE_OK && i < *nhits; i++) {
        char *data = NULL;
        size_t len = 0;
        rc = izde_rdb_get_data(s->db, s->results[i].docid, &data, &len);
        struct izde_docdata dd;
        if (rc == IZDE_OK && s->snippets && izde_docdata_decode(data, len, &dd) == IZDE_OK) {
            struct sr_span matched;
            izde_buf_clear(&s->snippet);
            rc = sr_snippet(s->an, &q, &sieve, s->results[i].partial, dd.text ? dd.text : "",
                            dd.text_len, "[", "]", &s->snippet, &matched);
        }
        free(data);
    }
    sr_query_release(&q);
    return rc;
}

static long long query_cb(void *state, const char *text)
{
    struct ql *s = state;
    size_t nhits;
    izde_status_t rc = one_query(s, text, &nhits);
    if (rc != IZDE_OK) {
        fprintf(stderr, "query_latency: error: query '%s': %s\n", text,
                s->db ? izde_rdb_errmsg(s->db) : izde_status_str(rc));
        return -1;
    }
    return (long long)nhits;
}

static int reopen_cb(void *state)
{
    struct ql *s = state;
    izde_rdb_close(s->db);
    s->db = NULL;
    return open_db(s) == IZDE_OK ? 0 : -1;
}

int main(int argc, char **argv)
{
    struct ql s = { .limit = 10 };
    const char *queries = NULL;
    long cold = 0;
    const char *times = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (strcmp(a, "--db") == 0 && i + 1 < argc && s.ndbs < MAX_DBS) {
            s.dbs[s.ndbs++] = argv[++i];
        } else if (strcmp(a, "--limit") == 0 && i + 1 < argc) {
            s.limit = (uint32_t)strtoul(argv[++i], NULL, 10);
        } else if (strcmp(a, "--cold") == 0 && i + 1 < argc) {
            cold = strtol(argv[++i], NULL, 10);
        } else if (strcmp(a, "--times") == 0 && i + 1 < argc) {
            times = argv[++i];
        } else if (strcmp(a, "--snippets") == 0) {
            s.snippets = 1;
        } else if (strcmp(a, "--facets") == 0) {
            s.facets = 1;
        } else if (strcmp(a, "--all") == 0) {
            s.all_only = 1;
        } else if (a[0] != '-' && !queries) {
            queries = a;
        } else {
            fprintf(stderr, "query_latency: bad argument '%s'\ntry 'query_latency --help'\n", a);
            return 2;
        }
    }
    if (!queries || s.ndbs == 0 || s.limit == 0 || cold < 0) {
        fprintf(stderr, "query_latency: give --db and QUERIES\ntry 'query_latency --help'\n");
        return 2;
    }

    struct bench_queries qs;
    if (bench_queries_read(queries, &qs) != 0) {
        fprintf(stderr, "query_latency: error: cannot read '%s': %s\n", queries, strerror(errno));
        return 1;
    }
    int status = 1;
    struct bench_driver d = { "query_latency", &s, reopen_cb, query_cb, times };
    char *errmsg = NULL;
    izde_status_t rc = izde_analyzer_new(&s.an, &errmsg);
    if (rc != IZDE_OK) {
        fprintf(stderr, "query_latency: error: cannot start text analysis: %s\n",
                errmsg ? errmsg : izde_status_str(rc));
        goto out;
    }
    s.results = calloc(s.limit, sizeof(*s.results));
    if (!s.results) {
        fprintf(stderr, "query_latency: error: out of memory\n");
        goto out;
    }
    if (open_db(&s) != IZDE_OK)
        goto out;
    if (bench_time_queries(&d, &qs, (size_t)cold, s.all_only ? "warm-and" : "warm",
                           s.all_only ? "cold-and" : "cold") == 0)
        status = 0;
out:
    free(errmsg);
    free(s.results);
    izde_buf_release(&s.snippet);
    izde_rdb_close(s.db);
    izde_analyzer_free(s.an);
    bench_queries_release(&qs);
    return status;
}
