/* main.c - izde-search: options, the search, and the three output formats. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "common/cli.h"
#include "common/default_db.h"
#include "common/diag.h"
#include "index/docdata.h"
#include "common/escape.h"
#include "index/index_meta.h"
#include "common/json.h"
#include "searcher/searcher.h"
#include "text/text.h"
#include "analysis/version.h"

enum sr_format { SR_TEXT, SR_JSON };

struct sr_options {
    const char **dbs;
    size_t ndbs;
    uint32_t limit, offset;
    enum sr_format format;
    int all_only;           /* --all: complete matches only */
    int explain;
    const char *lang;       /* --lang CODE: only documents with that language */
    const char *batch;      /* --batch FILE */
    int color;              /* bold matches and titles (--color, NO_COLOR, a terminal) */
    int verbose;            /* -v: say which index is searched */
};

struct sr_state {
    const struct sr_options *opts;
    izde_rdb_t *db;
    izde_analyzer_t *an;
    struct izde_buf out, snippet, suggestion;
};

static void usage(void)
{
    printf("usage: izde-search [--db DIR [--db DIR2 ...]] [options] QUERY...\n"
           "       izde-search [--db DIR] --batch FILE [--limit N]\n"
           "\n"
           "Searches the index with BM25. Documents that contain every query word come\n"
           "first; documents that miss some follow, marked as partial matches.\n"
           "Query syntax: words, \"quoted phrases\", -excluded words; at most 1000 words\n"
           "and 16 KB (longer queries are refused, exit 2; in --batch, skipped).\n"
           "\n"
           "  --db DIR         an index to search (several are searched as one); a Xapian\n"
           "                   stub file listing local or remote shards works too\n"
           "                   (default: $IZDE_DB, else $XDG_DATA_HOME/izde/default,\n"
           "                   ~/.local/share/izde/default)\n"
           "  --limit N        results to show (default 10)\n"
           "  --offset N       results to skip (default 0)\n"
           "  --all            show only documents that contain every word\n"
           "  --lang LANG      only documents with text in LANG (ky, ru, en)\n"
           "  --json           one JSON object: query, total, results[]\n"
           "  --explain        show the terms searched for each query word\n"
           "  --batch FILE     read qid<TAB>query lines ('-' for stdin) and write TREC run\n"
           "                   lines 'qid Q0 path rank score izde'\n"
           "  --color[=WHEN]   bold matches: auto (on a terminal, the default), always or\n"
           "                   never; NO_COLOR in the environment means never\n"
           "  -v, --verbose    say on stderr which index is searched\n"
           "  -h, --help       show this help\n"
           "  -V, --version    show the version, the Xapian and ICU versions and the\n"
           "                   index format read\n"
           "\n"
           "exit status:\n"
           "  0   ran fine (zero hits too)\n"
           "  1   failed while running\n"
           "  2   usage error or empty query\n"
           "  3   the index cannot be opened or used\n");
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int parse_u32(const char *s, uint32_t *out)
{
    unsigned long long v;
    if (izde_cli_number(s, 0, 1000000, &v) != 0)
        return -1;
    *out = (uint32_t)v;
    return 0;
}

/* A page of results with each hit's stored record, all read from one
 * revision of the index. */
struct sr_page {
    struct sr_result *res;  /* the caller's array of limit */
    char **raw;             /* each hit's record, malloc'ed; dd points into it */
    struct izde_docdata *dd;
    size_t n;
    struct sr_counts counts;
};

/* How many times a search is redone on the newest revision when a writer
 * discarded the one it was reading. A reader loses its revision only when
 * the writer commits twice during the few milliseconds it reads, so 50 in
 * a row means something other than a busy writer. */
#define SR_MAX_REOPENS 50

static void page_release_records(struct sr_page *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->raw[i]);
        p->raw[i] = NULL;
    }
    p->n = 0;
}

/* Reads everything the search needs from the index once: the ranking,
 * every hit's record and (with suggest, when nothing matched) the
 * suggestion. Snippets and output are made afterwards from these copies,
 * so that the index is read for as short a time as possible and one page
 * never mixes two revisions. */
static izde_status_t read_page_once(struct sr_state *st, const struct sr_query *q,
                                    int suggest, struct sr_page *p)
{
    const struct sr_options *o = st->opts;
    izde_buf_clear(&st->suggestion);
    izde_status_t rc = sr_rank(st->db, q, o->offset, o->limit, o->all_only, p->res, &p->n,
                               &p->counts);
    for (size_t i = 0; rc == IZDE_OK && i < p->n; i++) {
        size_t len;
        rc = izde_rdb_get_data(st->db, p->res[i].docid, &p->raw[i], &len);
        if (rc == IZDE_OK)
            rc = izde_docdata_decode(p->raw[i], len, &p->dd[i]);
    }
    if (rc == IZDE_OK && suggest && p->n == 0 && q->all)
        rc = sr_suggest(st->db, q, &st->suggestion);
    return rc;
}

/* Whether rc may come from a writer committing while we read: Xapian
 * reports a discarded revision as DatabaseModifiedError, but a block the
 * writer reused just before the reader got to it can read as
 * DatabaseCorruptError ("Expected block N to be level 1"); seen in
 * tests/cli/concurrent.sh under ASan. */
static int transient(izde_status_t rc)
{
    return rc == IZDE_ERR_DB_MODIFIED || rc == IZDE_ERR_DB_CORRUPT;
}

/* read_page_once, redone on the newest revision each time a writer
 * discarded the revision being read. Real damage reads as corrupt on
 * every revision, so a corrupt error is believed the SR_MAX_CORRUPT-th
 * time. */
#define SR_MAX_CORRUPT 3
static izde_status_t read_page(struct sr_state *st, const struct sr_query *q, int suggest,
                               struct sr_page *p)
{
    int corrupt = 0;
    for (int attempt = 0;; attempt++) {
        page_release_records(p);
        izde_status_t rc = read_page_once(st, q, suggest, p);
        if (rc == IZDE_ERR_DB_CORRUPT && ++corrupt == SR_MAX_CORRUPT)
            return rc;
        if (!transient(rc))
            return rc;
        if (attempt == SR_MAX_REOPENS) {
            page_release_records(p);
            return rc;
        }
        rc = izde_rdb_reopen(st->db);
        if (rc != IZDE_OK && !transient(rc))
            return rc;
    }
}

/* Writes "snippet":"...","highlights":[[start,end],...] from a snippet
 * marked with \x01 and \x02; the ranges are byte offsets into the
 * snippet's UTF-8. */
static izde_status_t json_snippet(struct izde_buf *out, struct izde_buf *marked)
{
    struct izde_buf plain = IZDE_BUF_INIT, ranges = IZDE_BUF_INIT;
    size_t start = 0;
    izde_status_t rc = IZDE_OK;
    for (size_t i = 0; rc == IZDE_OK && i < marked->len; i++) {
        char c = marked->p[i];
        if (c == '\x01') {
            start = plain.len;
        } else if (c == '\x02') {
            rc = izde_buf_addf(&ranges, "%s[%zu,%zu]", ranges.len ? "," : "", start, plain.len);
        } else {
            rc = izde_buf_addc(&plain, c);
        }
    }
    if (rc == IZDE_OK)
        rc = izde_buf_adds(out, ",\"snippet\":");
    if (rc == IZDE_OK)
        rc = izde_json_escape_bytes(out, plain.p ? plain.p : "", plain.len);
    if (rc == IZDE_OK)
        rc = izde_buf_addf(out, ",\"highlights\":[%s]", ranges.p ? ranges.p : "");
    izde_buf_release(&plain);
    izde_buf_release(&ranges);
    return rc;
}

/* Appends n with thousands separators (1,200). */
static izde_status_t add_count(struct izde_buf *out, uint64_t n)
{
    char digits[24];
    int len = snprintf(digits, sizeof(digits), "%" PRIu64, n);
    izde_status_t rc = IZDE_OK;
    for (int i = 0; rc == IZDE_OK && i < len; i++) {
        if (i && (len - i) % 3 == 0)
            rc = izde_buf_addc(out, ',');
        if (rc == IZDE_OK)
            rc = izde_buf_addc(out, digits[i]);
    }
    return rc;
}

/* "3 results (2 complete, 1 partial)", "about 1,200 results (about 1,000
 * complete, 200 partial)": "about" wherever a count is an estimate. */
static izde_status_t add_counts_line(struct izde_buf *out, const struct sr_counts *c,
                                     int all_only)
{
    uint64_t total = c->complete.n + c->partial.n;
    int exact = c->complete.exact && c->partial.exact;
    izde_buf_adds(out, exact ? "" : "about ");
    add_count(out, total);
    izde_buf_adds(out, total == 1 ? " result" : " results");
    if (!all_only && c->partial.n) {
        izde_buf_adds(out, c->complete.exact ? " (" : " (about ");
        add_count(out, c->complete.n);
        izde_buf_adds(out, c->partial.exact ? " complete, " : " complete, about ");
        add_count(out, c->partial.n);
        izde_buf_adds(out, " partial)");
    }
    return izde_buf_addc(out, '\n');
}

/* Appends a snippet marked with \x01 and \x02 for text output: its text
 * escaped as izde_escape_line does, the marks replaced by open and close. */
static izde_status_t text_snippet(struct izde_buf *out, const struct izde_buf *marked,
                                  const char *open, const char *close)
{
    izde_status_t rc = IZDE_OK;
    size_t from = 0;
    for (size_t i = 0; rc == IZDE_OK && i <= marked->len; i++) {
        if (i < marked->len && marked->p[i] != '\x01' && marked->p[i] != '\x02')
            continue;
        rc = izde_escape_line(out, marked->p + from, i - from);
        if (rc == IZDE_OK && i < marked->len)
            rc = izde_buf_adds(out, marked->p[i] == '\x01' ? open : close);
        from = i + 1;
    }
    return rc;
}

/* Appends ,"path":... so that the file's bytes come back from it even
 * when they are not UTF-8 (see json.h), as in izde-index --log. */
static izde_status_t json_path(struct izde_buf *out, const char *path, size_t len)
{
    izde_status_t rc = izde_buf_adds(out, ",\"path\":");
    return rc ? rc : izde_json_escape_bytes(out, path, len);
}

/* Formats the page into st->out (the snippets are made here, from the
 * records already read) and writes it in one go. */
static izde_status_t print_results(struct sr_state *st, const char *query, size_t qlen,
                                   const struct sr_query *q, const struct sr_page *p)
{
    const struct sr_options *o = st->opts;
    struct izde_buf *out = &st->out;
    int tty = o->format == SR_TEXT && o->color;
    const char *open = tty ? "\033[1m" : "[";
    const char *close = tty ? "\033[0m" : "]";
    const struct sr_counts *c = &p->counts;
    izde_status_t rc = IZDE_OK;
    izde_buf_clear(out);
    if (o->explain && o->format == SR_TEXT)
        izde_buf_add(out, q->explain.p ? q->explain.p : "", q->explain.len);
    if (o->format == SR_JSON) {
        izde_buf_adds(out, "{\"query\":");
        izde_json_escape_bytes(out, query, qlen);
        izde_buf_addf(out,
                      ",\"total\":%" PRIu64 ",\"total_exact\":%s,\"complete\":%" PRIu64
                      ",\"complete_exact\":%s,\"partial\":%" PRIu64 ",\"partial_exact\":%s,",
                      c->complete.n + c->partial.n,
                      c->complete.exact && c->partial.exact ? "true" : "false", c->complete.n,
                      c->complete.exact ? "true" : "false", c->partial.n,
                      c->partial.exact ? "true" : "false");
        if (st->suggestion.len) {
            izde_buf_adds(out, "\"suggestion\":");
            izde_json_escape_bytes(out, st->suggestion.p, st->suggestion.len);
            izde_buf_addc(out, ',');
        }
        if (o->explain) {
            izde_buf_adds(out, "\"explain\":");
            izde_json_escape_bytes(out, q->explain.p ? q->explain.p : "", q->explain.len);
            izde_buf_addc(out, ',');
        }
        izde_buf_adds(out, "\"results\":[");
    } else if (p->n == 0) {
        if (c->complete.n + c->partial.n)
            add_counts_line(out, c, o->all_only);
        izde_buf_adds(out, "no results\n");
        if (st->suggestion.len) {
            izde_buf_adds(out, "did you mean: ");
            izde_escape_line(out, st->suggestion.p, st->suggestion.len);
            izde_buf_addc(out, '\n');
        }
    } else {
        add_counts_line(out, c, o->all_only);
    }
    for (size_t i = 0; rc == IZDE_OK && i < p->n; i++) {
        const struct izde_docdata *dd = &p->dd[i];
        const struct sr_result *r = &p->res[i];
        /* The marks are control characters, which a snippet never holds
         * (sr_snippet turns them into spaces). */
        rc = sr_snippet(st->an, q, dd->text ? dd->text : "", dd->text_len, "\x01", "\x02",
                        &st->snippet);
        if (rc == IZDE_OK && o->format == SR_JSON) {
            izde_buf_addf(out, "%s{\"rank\":%u", i ? "," : "", r->rank);
            json_path(out, dd->path, dd->path_len);
            izde_buf_adds(out, ",\"title\":");
            izde_json_escape_bytes(out, dd->title, dd->title_len);
            izde_buf_addf(out, ",\"score\":%.4f,\"partial\":%s,\"lang\":", r->score,
                          r->partial ? "true" : "false");
            izde_json_escape_bytes(out, dd->lang ? dd->lang : "", dd->lang_len);
            izde_buf_adds(out, ",\"encoding\":");
            izde_json_escape_bytes(out, dd->encoding ? dd->encoding : "", dd->encoding_len);
            rc = json_snippet(out, &st->snippet);
            izde_buf_addc(out, '}');
        } else if (rc == IZDE_OK) {
            /* Titles, paths and text come from the files: escaped, so that
             * they cannot drive the terminal or break the line. */
            izde_buf_addf(out, "\n%u. %s", r->rank, tty ? "\033[1m" : "");
            izde_escape_line(out, dd->title, dd->title_len);
            izde_buf_addf(out, "%s%s\n   ", tty ? "\033[0m" : "",
                          r->partial ? "  (partial match)" : "");
            izde_escape_line(out, dd->path, dd->path_len);
            izde_buf_addf(out, "  score %.3f\n   ", r->score);
            text_snippet(out, &st->snippet, open, close);
            rc = izde_buf_addc(out, '\n');
        }
    }
    if (rc != IZDE_OK)
        return rc;
    if (o->format == SR_JSON)
        izde_buf_adds(out, "]}\n");
    if (!out->p)
        return IZDE_ERR_NOMEM;
    fwrite(out->p, 1, out->len, stdout);
    return IZDE_OK;
}

/* Keeps only documents with text in lang (their L term). */
static izde_status_t restrict_lang(struct sr_query *q, const char *lang)
{
    char term[16];
    int len = snprintf(term, sizeof(term), IZDE_PREFIX_LANG "%s", lang);
    izde_query_t *filter = NULL;
    izde_status_t rc = izde_query_term(term, (size_t)len, 1, &filter);
    izde_query_t **slots[3] = { &q->all, &q->backoff, &q->any };
    for (int i = 0; rc == IZDE_OK && i < 3; i++) {
        if (!*slots[i])
            continue;
        izde_query_t *pair[2] = { *slots[i], filter }, *tmp = NULL;
        rc = izde_query_combine(IZDE_Q_FILTER, pair, 2, 0, &tmp);
        if (rc == IZDE_OK) {
            izde_query_free(*slots[i]);
            *slots[i] = tmp;
        }
    }
    izde_query_free(filter);
    return rc;
}

/* Queries longer than this are refused (exit 2): every word becomes
 * several terms to match and to look for in each snippet, and a
 * 10,000-word query took 14 s and 556 MB. A pasted paragraph is well
 * within both. */
#define SR_MAX_QUERY_BYTES (16 * 1024)
#define SR_MAX_QUERY_WORDS 1000

/* Whether text is over the limits. OUT: *words, its blank-separated words. */
static int query_too_long(const char *text, size_t len, size_t *words)
{
    *words = 0;
    for (size_t i = 0; i < len; i++)
        if (!is_blank(text[i]) && (i == 0 || is_blank(text[i - 1])))
            (*words)++;
    return len > SR_MAX_QUERY_BYTES || *words > SR_MAX_QUERY_WORDS;
}

#define SR_TOO_LONG_FMT "query too long (%zu words, %zu bytes): at most %d words and %d bytes"

/* Parses the query, then reads its page (see read_page). */
static izde_status_t search_once(struct sr_state *st, const char *query, size_t qlen,
                                 int suggest, struct sr_query *q, struct sr_page *p)
{
    izde_status_t rc = sr_query_parse(st->an, query, qlen, q);
    if (rc == IZDE_OK && st->opts->lang)
        rc = restrict_lang(q, st->opts->lang);
    if (rc != IZDE_OK)
        return rc;
    return read_page(st, q, suggest, p);
}

/* Appends path as izde_escape_line does, with a space as "\x20". */
static izde_status_t trec_path(struct izde_buf *out, const char *path, size_t len)
{
    izde_status_t rc = IZDE_OK;
    size_t from = 0;
    for (size_t i = 0; rc == IZDE_OK && i <= len; i++) {
        if (i < len && path[i] != ' ')
            continue;
        rc = izde_escape_line(out, path + from, i - from);
        if (rc == IZDE_OK && i < len)
            rc = izde_buf_adds(out, "\\x20");
        from = i + 1;
    }
    return rc;
}

static int run_batch(struct sr_state *st, struct sr_page *p)
{
    const char *name = st->opts->batch;
    FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
    if (!f) {
        izde_diag_error("cannot read '%s': %s", name, strerror(errno));
        return IZDE_EXIT_FAILED;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0, bad = 0;
    ssize_t len;
    int status = IZDE_EXIT_OK;
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
        char *query = tab + 1;
        size_t qlen = (size_t)(line + len - query);
        struct izde_buf fixed = IZDE_BUF_INIT;
        size_t nbad;
        if (izde_text_utf8_check(query, qlen, NULL) > 0) {
            if (izde_text_utf8_repair(query, qlen, &fixed, &nbad) != IZDE_OK) {
                status = IZDE_EXIT_FAILED;
                break;
            }
            fprintf(stderr, "%s:%zu: invalid UTF-8 in query repaired\n", name, lineno);
            query = fixed.p;
            qlen = fixed.len;
        }
        size_t nw;
        if (query_too_long(query, qlen, &nw)) {
            fprintf(stderr, "%s:%zu: query '%s' skipped: " SR_TOO_LONG_FMT "\n", name, lineno,
                    qid, nw, qlen, SR_MAX_QUERY_WORDS, SR_MAX_QUERY_BYTES);
            bad++;
            izde_buf_release(&fixed);
            continue;
        }
        struct sr_query q;
        izde_status_t rc = search_once(st, query, qlen, 0, &q, p);
        if (rc == IZDE_OK && !q.all) {
            fprintf(stderr, "%s:%zu: query '%s' has no words to search for\n", name, lineno, qid);
            bad++;
        }
        /* A TREC line is split at spaces: paths are escaped, and a space
         * in them too, so that each stays one field of one line. */
        izde_buf_clear(&st->out);
        for (size_t i = 0; rc == IZDE_OK && i < p->n; i++) {
            izde_buf_addf(&st->out, "%s Q0 ", qid);
            trec_path(&st->out, p->dd[i].path, p->dd[i].path_len);
            rc = izde_buf_addf(&st->out, " %u %.4f izde\n", p->res[i].rank, p->res[i].score);
        }
        if (rc == IZDE_OK && st->out.len)
            fwrite(st->out.p, 1, st->out.len, stdout);
        page_release_records(p);
        if (rc != IZDE_OK) {
            izde_diag_error("%s:%zu: query '%s' failed: %s", name, lineno, qid,
                            izde_rdb_errmsg(st->db)[0] ? izde_rdb_errmsg(st->db)
                                                       : izde_status_str(rc));
            status = IZDE_EXIT_FAILED;
        }
        sr_query_release(&q);
        izde_buf_release(&fixed);
    }
    free(line);
    if (f != stdin)
        fclose(f);
    if (bad)
        izde_diag_warning("%zu line%s of '%s' skipped", bad, bad == 1 ? "" : "s", name);
    return status;
}

/* Joins the query arguments with spaces. */
static char *join_args(char **args, size_t n, size_t *len)
{
    struct izde_buf b = IZDE_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (i)
            izde_buf_addc(&b, ' ');
        izde_buf_adds(&b, args[i]);
    }
    return izde_buf_detach(&b, len);
}

enum {
    OPT_DB = 1, OPT_BATCH, OPT_LIMIT, OPT_OFFSET, OPT_JSON, OPT_ALL, OPT_EXPLAIN, OPT_LANG,
    OPT_COLOR, OPT_VERBOSE, OPT_HELP, OPT_VERSION,
};

static const struct izde_cli_option options[] = {
    { "db", 0, IZDE_CLI_VALUE, OPT_DB },
    { "batch", 0, IZDE_CLI_VALUE, OPT_BATCH },
    { "limit", 0, IZDE_CLI_VALUE, OPT_LIMIT },
    { "offset", 0, IZDE_CLI_VALUE, OPT_OFFSET },
    { "json", 0, IZDE_CLI_FLAG, OPT_JSON },
    { "all", 0, IZDE_CLI_FLAG, OPT_ALL },
    { "explain", 0, IZDE_CLI_FLAG, OPT_EXPLAIN },
    { "lang", 0, IZDE_CLI_VALUE, OPT_LANG },
    { "color", 0, IZDE_CLI_OPTIONAL, OPT_COLOR },
    { "colour", 0, IZDE_CLI_OPTIONAL, OPT_COLOR },
    { "verbose", 'v', IZDE_CLI_FLAG, OPT_VERBOSE },
    { "help", 'h', IZDE_CLI_FLAG, OPT_HELP },
    { "version", 'V', IZDE_CLI_FLAG, OPT_VERSION },
    { NULL, 0, 0, 0 },
};

/* Colour as GNU tools and https://no-color.org agree: --color=always and
 * --color=never win; otherwise on a terminal only, unless NO_COLOR is set
 * to anything but "". */
static int want_color(const char *when)
{
    if (when && strcmp(when, "always") == 0)
        return 1;
    if (when && strcmp(when, "never") == 0)
        return 0;
    const char *no_color = getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

/* The options into o and the query words into words[]; -1 to go on, else
 * the exit status (after --help, --version or a usage error). A word that
 * starts with '-' and is not an option is a word to exclude (-мектеп). */
static int parse_options(int argc, char **argv, struct sr_options *o, char **words,
                         size_t *nwords)
{
    struct izde_cli cli;
    izde_cli_init(&cli, argc, argv, "izde-search", options, IZDE_CLI_DASH_OPERANDS);
    const char *v, *color = NULL;
    int id;
    while ((id = izde_cli_next(&cli, &v)) != IZDE_CLI_END) {
        switch (id) {
        case IZDE_CLI_OPERAND:
            words[(*nwords)++] = (char *)v;
            break;
        case IZDE_CLI_ERROR:
            return IZDE_EXIT_USAGE;
        case OPT_HELP:
            usage();
            return IZDE_EXIT_OK;
        case OPT_VERSION:
            izde_version_print(stdout, "izde-search");
            return IZDE_EXIT_OK;
        case OPT_DB:
            o->dbs[o->ndbs++] = v;
            break;
        case OPT_BATCH:
            o->batch = v;
            break;
        case OPT_LIMIT:
        case OPT_OFFSET:
            if (parse_u32(v, id == OPT_LIMIT ? &o->limit : &o->offset) != 0) {
                izde_cli_bad_value(&cli, "a number up to 1000000", v);
                return IZDE_EXIT_USAGE;
            }
            break;
        case OPT_JSON:
            o->format = SR_JSON;
            break;
        case OPT_ALL:
            o->all_only = 1;
            break;
        case OPT_EXPLAIN:
            o->explain = 1;
            break;
        case OPT_VERBOSE:
            o->verbose = 1;
            break;
        case OPT_LANG: {
            enum izde_lang l = izde_lang_from_code(v);
            if (l == IZDE_LANG_COUNT || l == IZDE_LANG_OTHER) {
                izde_cli_bad_value(&cli, "ky, ru or en", v);
                return IZDE_EXIT_USAGE;
            }
            o->lang = v;
            break;
        }
        case OPT_COLOR:
            if (v && strcmp(v, "auto") != 0 && strcmp(v, "always") != 0 &&
                strcmp(v, "never") != 0) {
                izde_cli_bad_value(&cli, "auto, always or never", v);
                return IZDE_EXIT_USAGE;
            }
            /* A bare --color means always, as in GNU ls and grep. */
            color = v ? v : "always";
            break;
        }
    }
    o->color = want_color(color);
    return -1;
}

int main(int argc, char **argv)
{
    izde_diag_init("izde-search");
    struct sr_options o = { .limit = 10 };
    char *default_path = NULL;
    const char **dbs = calloc((size_t)argc, sizeof(char *));
    char **words = calloc((size_t)argc, sizeof(char *));
    size_t nwords = 0;
    int exit_code = IZDE_EXIT_OK;
    if (!dbs || !words)
        return IZDE_EXIT_FAILED;
    o.dbs = dbs;
    int status = parse_options(argc, argv, &o, words, &nwords);
    if (status >= 0) {
        exit_code = status;
        goto done;
    }
    if (o.ndbs == 0) {
        enum izde_db_origin origin;
        if (izde_default_db(&default_path, &origin) != IZDE_OK) {
            izde_diag_usage("no --db DIR, and neither IZDE_DB nor HOME is set");
            exit_code = IZDE_EXIT_USAGE;
            goto done;
        }
        dbs[o.ndbs++] = default_path;
        if (o.verbose)
            fprintf(stderr, "izde-search: searching '%s' (from %s)\n", default_path,
                    izde_db_origin_str(origin));
    } else if (o.verbose) {
        for (size_t i = 0; i < o.ndbs; i++)
            fprintf(stderr, "izde-search: searching '%s' (from --db)\n", o.dbs[i]);
    }
    if (!o.batch && nwords == 0) {
        izde_diag_usage("empty query: give words to search for");
        exit_code = IZDE_EXIT_USAGE;
        goto done;
    }
    if (o.limit == 0)
        o.limit = 10;

    struct sr_state st = { .opts = &o };
    char *errmsg = NULL;
    izde_status_t rc = izde_analyzer_new(&st.an, &errmsg);
    if (rc == IZDE_OK) {
        rc = sr_open(o.dbs, o.ndbs, &st.db, &st.out);
        if (rc != IZDE_OK) {
            izde_diag_error("%s", st.out.p ? st.out.p : izde_status_str(rc));
        } else {
            /* The version check reads the index too, so a commit can
             * interrupt it as it can a search (see read_page). */
            for (int attempt = 0; attempt < SR_MAX_CORRUPT; attempt++) {
                free(errmsg);
                rc = izde_index_meta_check_read(st.db, o.dbs[0], izde_analyzer_version(st.an),
                                                &errmsg);
                if (!transient(rc) || izde_rdb_reopen(st.db) != IZDE_OK)
                    break;
            }
            if (rc != IZDE_OK)
                izde_diag_error("cannot open database '%s': %s", o.dbs[0],
                                errmsg ? errmsg : izde_status_str(rc));
        }
    } else {
        izde_diag_error("cannot start text analysis: %s", errmsg ? errmsg : izde_status_str(rc));
    }
    free(errmsg);
    struct sr_page page = { 0 };
    if (rc == IZDE_OK) {
        page.res = calloc(o.limit, sizeof(*page.res));
        page.raw = calloc(o.limit, sizeof(*page.raw));
        page.dd = calloc(o.limit, sizeof(*page.dd));
        if (!page.res || !page.raw || !page.dd)
            rc = IZDE_ERR_NOMEM;
    }
    if (rc != IZDE_OK) {
        exit_code = rc == IZDE_ERR_NOMEM ? IZDE_EXIT_FAILED : IZDE_EXIT_UNUSABLE;
    } else if (o.batch) {
        exit_code = run_batch(&st, &page);
    } else {
        size_t qlen;
        char *query = join_args(words, nwords, &qlen);
        struct izde_buf fixed = IZDE_BUF_INIT;
        size_t nbad;
        const char *qtext = query;
        if (query && izde_text_utf8_check(query, qlen, NULL) > 0 &&
            izde_text_utf8_repair(query, qlen, &fixed, &nbad) == IZDE_OK) {
            qtext = fixed.p;
            qlen = fixed.len;
        }
        struct sr_query q = { 0 };
        size_t nw = 0;
        int too_long = query && query_too_long(qtext, qlen, &nw);
        rc = !query ? IZDE_ERR_NOMEM
             : too_long ? IZDE_OK
                        : search_once(&st, qtext, qlen, 1, &q, &page);
        if (too_long) {
            izde_diag_usage(SR_TOO_LONG_FMT, nw, qlen, SR_MAX_QUERY_WORDS, SR_MAX_QUERY_BYTES);
            exit_code = IZDE_EXIT_USAGE;
        } else if (rc == IZDE_OK && !q.all) {
            izde_diag_usage("empty query: no words to search for in '%s'", qtext);
            exit_code = IZDE_EXIT_USAGE;
        } else if (rc == IZDE_OK) {
            rc = print_results(&st, qtext, qlen, &q, &page);
        }
        if (rc != IZDE_OK) {
            izde_diag_error("search failed: %s", izde_rdb_errmsg(st.db)[0]
                                                     ? izde_rdb_errmsg(st.db)
                                                     : izde_status_str(rc));
            exit_code = IZDE_EXIT_FAILED;
        }
        sr_query_release(&q);
        izde_buf_release(&fixed);
        free(query);
    }
    page_release_records(&page);
    free(page.res);
    free(page.raw);
    free(page.dd);
    izde_rdb_close(st.db);
    izde_analyzer_free(st.an);
    izde_buf_release(&st.out);
    izde_buf_release(&st.snippet);
    izde_buf_release(&st.suggestion);
    if (fflush(stdout) != 0 && exit_code == IZDE_EXIT_OK) {
        izde_diag_error("cannot write results: %s", strerror(errno));
        exit_code = IZDE_EXIT_FAILED;
    }
done:
    free(dbs);
    free(words);
    free(default_path);
    return exit_code;
}
