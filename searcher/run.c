/* run.c - izde-search's two runs: one query to text or JSON, a batch of queries to TREC lines. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "common/diag.h"
#include "searcher/run.h"

/* Joins the query arguments with spaces. */
static char *join_args(char *const *args, size_t n, size_t *len)
{
    struct izde_buf b = IZDE_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (i)
            izde_buf_addc(&b, ' ');
        izde_buf_adds(&b, args[i]);
    }
    return izde_buf_detach(&b, len);
}

int sr_format_from_name(const char *name, enum sr_format *f)
{
    static const char *const names[] = {
        [SR_TEXT] = "text", [SR_JSON] = "json", [SR_BIBTEX] = "bibtex", [SR_RIS] = "ris",
        [SR_CSL_JSON] = "csl-json",
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (strcmp(name, names[i]) == 0) {
            *f = (enum sr_format)i;
            return 1;
        }
    }
    return 0;
}

/* Writes the page in format into out. */
static izde_status_t render(struct izde_buf *out, const struct izde_session_page *page,
                            enum sr_format format, const struct sr_render_opts *ro)
{
    switch (format) {
    case SR_JSON:
        return sr_render_json(out, page, ro);
    case SR_BIBTEX:
        return sr_render_cite(out, SR_CITE_BIBTEX, page);
    case SR_RIS:
        return sr_render_cite(out, SR_CITE_RIS, page);
    case SR_CSL_JSON:
        return sr_render_cite(out, SR_CITE_CSL_JSON, page);
    case SR_TEXT:
        break;
    }
    return sr_render_text(out, page, ro);
}

enum sr_end sr_run_query(izde_session_t *s, char *const *words, size_t nwords,
                         const struct izde_session_params *params, enum sr_format format,
                         const struct sr_render_opts *ro)
{
    size_t len;
    char *text = join_args(words, nwords, &len);
    struct izde_session_page page = IZDE_SESSION_PAGE_INIT;
    struct izde_buf out = IZDE_BUF_INIT;
    enum sr_end end = SR_DONE;
    izde_status_t rc = text ? izde_session_search(s, text, len, params, &page) : IZDE_ERR_NOMEM;
    if (rc == IZDE_OK && page.outcome == IZDE_PAGE_TOO_LONG) {
        izde_diag_usage("query too long (%zu words, %zu bytes): at most %d words and %d bytes",
                        page.words, page.query_len, IZDE_SESSION_MAX_QUERY_WORDS,
                        IZDE_SESSION_MAX_QUERY_BYTES);
        end = SR_BAD_USAGE;
    } else if (rc == IZDE_OK && page.outcome == IZDE_PAGE_BAD_SYNTAX) {
        izde_diag_usage("query: %s", page.error.p);
        end = SR_BAD_USAGE;
    } else if (rc == IZDE_OK && page.outcome == IZDE_PAGE_NO_WORDS) {
        izde_diag_usage("empty query: no words to search for in '%s'", page.query);
        end = SR_BAD_USAGE;
    } else if (rc == IZDE_OK) {
        rc = render(&out, &page, format, ro);
        if (rc == IZDE_OK && out.len)
            fwrite(out.p, 1, out.len, stdout);
    }
    if (rc != IZDE_OK) {
        izde_diag_error("search failed: %s", izde_session_errmsg(s, rc));
        end = SR_FAILED;
    }
    izde_session_page_release(&page);
    izde_buf_release(&out);
    free(text);
    return end;
}

/* The times a batch's queries took, in milliseconds. */
struct batch_times {
    double *ms;
    size_t n, cap;
    int nomem;              /* a time not kept: no summary */
};

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void keep_time(struct batch_times *t, double ms)
{
    void *grown = izde_array_grow(t->ms, t->n, &t->cap, sizeof(*t->ms), 256);
    if (!grown) {
        t->nomem = 1;
        return;
    }
    t->ms = grown;
    t->ms[t->n++] = ms;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Nearest rank: the smallest time at least p percent of the queries took
 * no longer than. v is sorted and n > 0. */
static double percentile(const double *v, size_t n, unsigned p)
{
    size_t rank = (n * p + 99) / 100;
    return v[rank ? rank - 1 : 0];
}

/* One line on stderr: what a query of the batch took. */
static void report_times(struct batch_times *t, const char *name)
{
    if (t->nomem || t->n == 0)
        return;
    double sum = 0;
    for (size_t i = 0; i < t->n; i++)
        sum += t->ms[i];
    qsort(t->ms, t->n, sizeof(*t->ms), cmp_double);
    fprintf(stderr,
            "izde-search: %zu quer%s of '%s' in %.0f ms: a query mean %.3f ms, median %.3f ms, "
            "p99 %.3f ms, slowest %.3f ms\n",
            t->n, t->n == 1 ? "y" : "ies", name, sum, sum / (double)t->n,
            percentile(t->ms, t->n, 50), percentile(t->ms, t->n, 99), t->ms[t->n - 1]);
}

enum sr_end sr_run_batch(izde_session_t *s, const char *name,
                         const struct izde_session_params *params, int timings)
{
    FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
    if (!f) {
        izde_diag_error("cannot read '%s': %s", name, strerror(errno));
        return SR_FAILED;
    }
    struct izde_session_page page = IZDE_SESSION_PAGE_INIT;
    struct izde_buf out = IZDE_BUF_INIT;
    char *line = NULL;
    size_t cap = 0, lineno = 0, bad = 0;
    ssize_t len;
    enum sr_end end = SR_DONE;
    struct batch_times times = { 0 };
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0)
            continue;
        char *tab = memchr(line, '\t', (size_t)len);
        if (!tab || tab == line) {
            fprintf(stderr, "%s:%zu: expected qid<TAB>query\n", name, lineno);
            bad++;
            continue;
        }
        *tab = '\0';
        const char *qid = line;
        double t0 = timings ? now_ms() : 0;
        izde_status_t rc = izde_session_search(s, tab + 1, (size_t)(line + len - tab - 1),
                                               params, &page);
        if (page.repaired)
            fprintf(stderr, "%s:%zu: invalid UTF-8 in query repaired\n", name, lineno);
        if (rc == IZDE_OK && page.outcome == IZDE_PAGE_TOO_LONG) {
            fprintf(stderr,
                    "%s:%zu: query '%s' skipped: query too long (%zu words, %zu bytes): at "
                    "most %d words and %d bytes\n",
                    name, lineno, qid, page.words, page.query_len,
                    IZDE_SESSION_MAX_QUERY_WORDS, IZDE_SESSION_MAX_QUERY_BYTES);
            bad++;
            continue;
        }
        if (rc == IZDE_OK && page.outcome == IZDE_PAGE_BAD_SYNTAX) {
            fprintf(stderr, "%s:%zu: query '%s' skipped: %s\n", name, lineno, qid,
                    page.error.p);
            bad++;
            continue;
        }
        if (rc == IZDE_OK && page.outcome == IZDE_PAGE_NO_WORDS) {
            fprintf(stderr, "%s:%zu: query '%s' has no words to search for\n", name, lineno, qid);
            bad++;
        }
        izde_buf_clear(&out);
        if (rc == IZDE_OK)
            rc = sr_render_trec(&out, qid, &page);
        if (rc == IZDE_OK && out.len)
            fwrite(out.p, 1, out.len, stdout);
        /* A query searched and written; those refused are not. */
        if (timings && rc == IZDE_OK && page.outcome != IZDE_PAGE_NO_WORDS)
            keep_time(&times, now_ms() - t0);
        if (rc != IZDE_OK) {
            izde_diag_error("%s:%zu: query '%s' failed: %s", name, lineno, qid,
                            izde_session_errmsg(s, rc));
            end = SR_FAILED;
        }
    }
    izde_session_page_release(&page);
    izde_buf_release(&out);
    free(line);
    if (f != stdin)
        fclose(f);
    if (bad)
        izde_diag_warning("%zu line%s of '%s' skipped", bad, bad == 1 ? "" : "s", name);
    if (timings)
        report_times(&times, name);
    free(times.ms);
    return end;
}
