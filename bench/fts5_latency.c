/* fts5_latency.c - per-query latency of SQLite FTS5 over the same queries, for the side-by-side table of bench/run.sh. */
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common/buf.h"
#include "latency.h"

static const char usage[] =
    "usage: fts5_latency --db FILE [options] QUERIES\n"
    "\n"
    "Times each query of QUERIES (one per line, or qid<TAB>query) against the\n"
    "FTS5 table 'docs' (columns id, title, text, lang) of the SQLite database\n"
    "FILE: every word must match (each word a quoted FTS5 string, so the\n"
    "words are ANDed), best bm25 rank first, the first N ids read. The\n"
    "statement is prepared once. Prints one line per mode, as query_latency.\n"
    "\n"
    "  --db FILE    the SQLite database\n"
    "  --limit N    hits per query (default 10)\n"
    "  --cold N     also time the first N queries each after reopening the\n"
    "               database and dropping the page cache (needs root)\n"
    "  --times FILE append each timed query to FILE as a line\n"
    "               MODE<TAB>milliseconds<TAB>query\n"
    "  -h, --help   show this help\n";

static const char sql[] = "SELECT id FROM docs WHERE docs MATCH ?1 ORDER BY rank LIMIT ?2";

struct fl {
    const char *path;
    int limit;
    sqlite3 *db;
    sqlite3_stmt *st;
    struct izde_buf match;
};

static int open_db(struct fl *s)
{
    if (sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, sql, -1, &s->st, NULL) != SQLITE_OK) {
        fprintf(stderr, "fts5_latency: error: cannot open database '%s': %s\n", s->path,
                sqlite3_errmsg(s->db));
        return -1;
    }
    return 0;
}

static void close_db(struct fl *s)
{
    sqlite3_finalize(s->st);
    sqlite3_close(s->db);
    s->st = NULL;
    s->db = NULL;
}

/* The FTS5 expression of text: each whitespace-separated word as a quoted
 * string ("" inside doubles a quote), juxtaposed, which FTS5 reads as AND. */
static int build_match(struct izde_buf *out, const char *text)
{
    int bad = 0;
    izde_buf_clear(out);
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        if (out->len)
            bad |= izde_buf_addc(out, ' ') != IZDE_OK;
        bad |= izde_buf_addc(out, '"') != IZDE_OK;
        for (; *p && *p != ' ' && *p != '\t'; p++) {
            if (*p == '"')
                bad |= izde_buf_addc(out, '"') != IZDE_OK;
            bad |= izde_buf_addc(out, *p) != IZDE_OK;
        }
        bad |= izde_buf_addc(out, '"') != IZDE_OK;
    }
    return bad ? -1 : 0;
}

/* Runs one query; returns the number of rows, or -1. */
static int one_query(struct fl *s, const char *text)
{
    if (build_match(&s->match, text) != 0)
        return -1;
    sqlite3_reset(s->st);
    sqlite3_bind_text(s->st, 1, s->match.p, (int)s->match.len, SQLITE_STATIC);
    sqlite3_bind_int(s->st, 2, s->limit);
    int rows = 0, r;
    while ((r = sqlite3_step(s->st)) == SQLITE_ROW) {
        (void)sqlite3_column_text(s->st, 0);
        rows++;
    }
    if (r != SQLITE_DONE) {
        fprintf(stderr, "fts5_latency: error: query '%s': %s\n", text, sqlite3_errmsg(s->db));
        return -1;
    }
    return rows;
}

static long long query_cb(void *state, const char *text)
{
    return one_query(state, text);
}

static int reopen_cb(void *state)
{
    close_db(state);
    return open_db(state);
}

int main(int argc, char **argv)
{
    struct fl s = { .limit = 10, .match = IZDE_BUF_INIT };
    const char *queries = NULL;
    long cold = 0;
    const char *times = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (strcmp(a, "--db") == 0 && i + 1 < argc) {
            s.path = argv[++i];
        } else if (strcmp(a, "--limit") == 0 && i + 1 < argc) {
            s.limit = atoi(argv[++i]);
        } else if (strcmp(a, "--cold") == 0 && i + 1 < argc) {
            cold = strtol(argv[++i], NULL, 10);
        } else if (strcmp(a, "--times") == 0 && i + 1 < argc) {
            times = argv[++i];
        } else if (a[0] != '-' && !queries) {
            queries = a;
        } else {
            fprintf(stderr, "fts5_latency: bad argument '%s'\ntry 'fts5_latency --help'\n", a);
            return 2;
        }
    }
    if (!queries || !s.path || s.limit <= 0 || cold < 0) {
        fprintf(stderr, "fts5_latency: give --db and QUERIES\ntry 'fts5_latency --help'\n");
        return 2;
    }
    struct bench_queries qs;
    if (bench_queries_read(queries, &qs) != 0) {
        fprintf(stderr, "fts5_latency: error: cannot read '%s': %s\n", queries, strerror(errno));
        return 1;
    }
    int status = 1;
    struct bench_driver d = { "fts5_latency", &s, reopen_cb, query_cb, times };
    if (open_db(&s) != 0)
        goto out;
    if (bench_time_queries(&d, &qs, (size_t)cold, "warm-and", "cold-and") == 0)
        status = 0;
out:
    close_db(&s);
    izde_buf_release(&s.match);
    bench_queries_release(&qs);
    return status;
}
