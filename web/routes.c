/* routes.c - izde-web's answers: the search page, the JSON API (izde-search --json's bytes), indexed files. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common/json.h"
#include "searcher/render.h"
#include "web/handler.h"
#include "web/page.h"

/* The API's page size at most; the page's is WEB_PAGE_MAX_LIMIT. */
#define WEB_API_MAX_LIMIT 100
/* Results skipped at most, as izde-search --offset allows. */
#define WEB_MAX_OFFSET 1000000

static const char json_type[] = "application/json; charset=utf-8";
static const char html_type[] = "text/html; charset=utf-8";

/* Reads argument name as a whole number in [1, max]; def when absent.
 * Returns 0, or -1 for anything else. */
static int number_arg(const struct web_ctx *c, const char *name, unsigned def, unsigned max,
                      unsigned *out)
{
    const char *v = web_arg(c, name);
    *out = def;
    if (!v || !*v)
        return 0;
    unsigned long n = 0;
    for (const char *p = v; *p; p++) {
        if (*p < '0' || *p > '9' || p - v > 9)
            return -1;
        n = n * 10 + (unsigned long)(*p - '0');
    }
    if (n < 1 || n > max)
        return -1;
    *out = (unsigned)n;
    return 0;
}

/* The language filter of ?lang=: "ky", "ru", "en", or NULL for all (an
 * empty value too). Sets *bad for anything else. */
static const char *lang_arg(const struct web_ctx *c, int *bad)
{
    static const char *const langs[] = { "ky", "ru", "en" };
    const char *v = web_arg(c, "lang");
    *bad = 0;
    if (!v || !*v)
        return NULL;
    for (size_t i = 0; i < 3; i++)
        if (strcmp(v, langs[i]) == 0)
            return langs[i];
    *bad = 1;
    return NULL;
}

/* An API error: {"error":"..."}. */
static enum MHD_Result json_error(struct web_ctx *c, unsigned status, const char *msg)
{
    struct izde_buf *b = &c->w->out;
    izde_buf_clear(b);
    izde_buf_adds(b, "{\"error\":");
    izde_json_escape_bytes(b, msg, strlen(msg));
    if (izde_buf_adds(b, "}\n") != IZDE_OK)
        return MHD_NO;
    return web_reply(c, status, json_type, b->p, b->len, 0);
}

/* Searches q for the page: the session's outcome in page, or a status. */
static izde_status_t search(struct web_ctx *c, izde_session_t *s, const char *q,
                            const struct izde_session_params *params)
{
    izde_status_t rc = izde_session_search(s, q, strlen(q), params, &c->w->page);
    if (rc != IZDE_OK && rc != IZDE_ERR_NOMEM)
        web_session_failed(c, rc);
    return rc;
}

/* The language filter's counts, from the page's search (the same
 * revision). */
static void take_lang_counts(struct web_query *wq, const struct izde_session_page *p)
{
    for (size_t i = 0; i < IZDE_SESSION_NLANGS; i++) {
        const struct sr_counts *counts = &p->lang_counts[i];
        wq->lang_counts[i] = counts->complete.n + counts->partial.n;
        wq->lang_exact[i] = counts->complete.exact && counts->partial.exact;
    }
    wq->have_counts = 1;
}

enum MHD_Result web_route_page(struct web_ctx *c)
{
    struct web_query wq = { .q = web_arg(c, "q"), .files = c->opts->files };
    int bad;
    wq.q_len = wq.q ? strlen(wq.q) : 0;
    wq.ui = web_ui_from_code(web_arg(c, "ui"));
    wq.lang = lang_arg(c, &bad);
    /* A page link that was edited by hand gets the nearest sensible page. */
    if (number_arg(c, "limit", WEB_PAGE_DEFAULT_LIMIT, 1000000, &wq.limit) != 0)
        wq.limit = WEB_PAGE_DEFAULT_LIMIT;
    if (wq.limit > WEB_PAGE_MAX_LIMIT)
        wq.limit = WEB_PAGE_MAX_LIMIT;
    if (number_arg(c, "page", 1, WEB_MAX_OFFSET / wq.limit + 1, &wq.page) != 0)
        wq.page = 1;
    const struct izde_session_page *results = NULL;
    const char *notice = NULL;
    char notice_buf[512];
    unsigned status = MHD_HTTP_OK;
    struct izde_session_page *p = &c->w->page;
    izde_session_t *s = wq.q_len ? web_session(c) : NULL;
    if (wq.q_len && !s) {
        notice = web_str(wq.ui, WS_UNAVAILABLE);
        status = MHD_HTTP_SERVICE_UNAVAILABLE;
    } else if (s) {
        struct izde_session_params params = {
            .offset = (wq.page - 1) * wq.limit,
            .limit = wq.limit,
            .lang = wq.lang,
            .suggest = 1,
            .snippets = 1,
            .facets = 1u << IZDE_FACET_YEAR | 1u << IZDE_FACET_AUTHOR | 1u << IZDE_FACET_KW |
                      1u << IZDE_FACET_JOURNAL | 1u << IZDE_FACET_UDC,
            .facet_max = WEB_FACET_VALUES,
            .lang_counts = 1,
        };
        izde_status_t rc = search(c, s, wq.q, &params);
        if (rc != IZDE_OK) {
            notice = web_str(wq.ui, WS_UNAVAILABLE);
            status = rc == IZDE_ERR_NOMEM ? MHD_HTTP_INTERNAL_SERVER_ERROR
                                          : MHD_HTTP_SERVICE_UNAVAILABLE;
        } else if (p->outcome == IZDE_PAGE_TOO_LONG) {
            snprintf(notice_buf, sizeof notice_buf, web_str(wq.ui, WS_TOO_LONG),
                     IZDE_SESSION_MAX_QUERY_WORDS, IZDE_SESSION_MAX_QUERY_BYTES);
            notice = notice_buf;
            status = MHD_HTTP_BAD_REQUEST;
        } else if (p->outcome == IZDE_PAGE_BAD_SYNTAX) {
            snprintf(notice_buf, sizeof notice_buf, web_str(wq.ui, WS_BAD_SYNTAX), p->error.p);
            notice = notice_buf;
            status = MHD_HTTP_BAD_REQUEST;
        } else if (p->outcome == IZDE_PAGE_NO_WORDS) {
            notice = web_str(wq.ui, WS_NO_WORDS);
        } else {
            results = p;
            take_lang_counts(&wq, p);
        }
    }
    if (web_page_render(&c->w->out, &wq, results, notice) != IZDE_OK)
        return MHD_NO;
    return web_reply(c, status, html_type, c->w->out.p, c->w->out.len, 1);
}

/* The query, page and filter of an API call, or an error answered. */
static int api_params(struct web_ctx *c, const char **q, struct izde_session_params *params,
                      enum MHD_Result *answered)
{
    unsigned page, limit;
    int bad;
    *q = web_arg(c, "q");
    if (!*q || !**q) {
        *answered = json_error(c, MHD_HTTP_BAD_REQUEST, "empty query: give q=WORDS");
        return -1;
    }
    if (number_arg(c, "limit", 10, WEB_API_MAX_LIMIT, &limit) != 0) {
        *answered = json_error(c, MHD_HTTP_BAD_REQUEST, "limit: a number from 1 to 100");
        return -1;
    }
    if (number_arg(c, "page", 1, WEB_MAX_OFFSET / limit + 1, &page) != 0) {
        *answered = json_error(c, MHD_HTTP_BAD_REQUEST,
                               "page: a number from 1, at most 1000000 results skipped");
        return -1;
    }
    params->lang = lang_arg(c, &bad);
    if (bad) {
        *answered = json_error(c, MHD_HTTP_BAD_REQUEST, "lang: ky, ru or en");
        return -1;
    }
    const char *facets = web_arg(c, "facets"), *sort = web_arg(c, "sort");
    if (facets && izde_facet_set_parse(facets, &params->facets) != IZDE_OK) {
        *answered = json_error(c, MHD_HTTP_BAD_REQUEST,
                               "facets: a comma-separated list of year, author, kw, journal, "
                               "lang, udc");
        return -1;
    }
    if (sort && izde_sort_parse(sort, &params->sort) != IZDE_OK) {
        *answered = json_error(c, MHD_HTTP_BAD_REQUEST, "sort: relevance, date or -date");
        return -1;
    }
    params->offset = (page - 1) * limit;
    params->limit = limit;
    return 0;
}

/* The session's outcome as an API error, or 0 when the page has results
 * to render. */
static int api_outcome(struct web_ctx *c, izde_status_t rc, enum MHD_Result *answered)
{
    const struct izde_session_page *p = &c->w->page;
    char msg[512];
    if (rc == IZDE_ERR_NOMEM) {
        *answered = json_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
    } else if (rc != IZDE_OK) {
        *answered = json_error(c, MHD_HTTP_SERVICE_UNAVAILABLE, "the index cannot be read now");
    } else if (p->outcome == IZDE_PAGE_TOO_LONG) {
        snprintf(msg, sizeof msg,
                 "query too long (%zu words, %zu bytes): at most %d words and %d bytes", p->words,
                 p->query_len, IZDE_SESSION_MAX_QUERY_WORDS, IZDE_SESSION_MAX_QUERY_BYTES);
        *answered = json_error(c, MHD_HTTP_BAD_REQUEST, msg);
    } else if (p->outcome == IZDE_PAGE_BAD_SYNTAX) {
        snprintf(msg, sizeof msg, "query: %s", p->error.p);
        *answered = json_error(c, MHD_HTTP_BAD_REQUEST, msg);
    } else if (p->outcome == IZDE_PAGE_NO_WORDS) {
        *answered = json_error(c, MHD_HTTP_BAD_REQUEST, "empty query: no words to search for");
    } else {
        return 0;
    }
    return -1;
}

enum MHD_Result web_route_api_search(struct web_ctx *c)
{
    const char *q;
    struct izde_session_params params = { .suggest = 1, .snippets = 1 };
    enum MHD_Result answered;
    if (api_params(c, &q, &params, &answered) != 0)
        return answered;
    izde_session_t *s = web_session(c);
    if (!s)
        return json_error(c, MHD_HTTP_SERVICE_UNAVAILABLE, "the index cannot be opened now");
    if (api_outcome(c, search(c, s, q, &params), &answered) != 0)
        return answered;
    /* izde-search --json's renderer and options: the same bytes. */
    struct sr_render_opts ro = { 0 };
    izde_buf_clear(&c->w->out);
    if (sr_render_json(&c->w->out, &c->w->page, &ro) != IZDE_OK)
        return json_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
    return web_reply(c, MHD_HTTP_OK, json_type, c->w->out.p, c->w->out.len, 0);
}

enum MHD_Result web_route_api_suggest(struct web_ctx *c)
{
    const char *q;
    struct izde_session_params params = { .suggest = 1 };
    enum MHD_Result answered;
    if (api_params(c, &q, &params, &answered) != 0)
        return answered;
    params.offset = 0;
    params.limit = 1;
    izde_session_t *s = web_session(c);
    if (!s)
        return json_error(c, MHD_HTTP_SERVICE_UNAVAILABLE, "the index cannot be opened now");
    if (api_outcome(c, search(c, s, q, &params), &answered) != 0)
        return answered;
    const struct izde_buf *sug = &c->w->page.suggestion;
    struct izde_buf *b = &c->w->out;
    izde_buf_clear(b);
    izde_buf_adds(b, "{\"suggestion\":");
    if (sug->len)
        izde_json_escape_bytes(b, sug->p, sug->len);
    else
        izde_buf_adds(b, "null");
    if (izde_buf_adds(b, "}\n") != IZDE_OK)
        return MHD_NO;
    return web_reply(c, MHD_HTTP_OK, json_type, b->p, b->len, 0);
}

/* The content type of an indexed file, by its name. */
static const char *doc_type(const char *path, size_t len)
{
    static const char *const types[][2] = {
        { ".pdf", "application/pdf" },
        { ".txt", "text/plain" },
        { ".html", "text/html" },
        { ".htm", "text/html" },
        { ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { ".odt", "application/vnd.oasis.opendocument.text" },
        { ".epub", "application/epub+zip" },
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        size_t n = strlen(types[i][0]);
        if (len >= n && strncasecmp(path + len - n, types[i][0], n) == 0)
            return types[i][1];
    }
    return "application/octet-stream";
}

static enum MHD_Result not_found(struct web_ctx *c)
{
    static const char msg[] = "no such document\n";
    return web_reply(c, MHD_HTTP_NOT_FOUND, "text/plain; charset=utf-8", msg, sizeof msg - 1, 0);
}

enum MHD_Result web_route_doc(struct web_ctx *c, const char *id)
{
    /* The id names a document of the index, never a file: only digits. */
    unsigned long long docid = 0;
    size_t n = 0;
    for (; id[n] >= '0' && id[n] <= '9' && n < 10; n++)
        docid = docid * 10 + (unsigned long long)(id[n] - '0');
    if (!c->opts->files || n == 0 || id[n] != '\0' || docid == 0 || docid > UINT32_MAX)
        return not_found(c);
    izde_session_t *s = web_session(c);
    if (!s) {
        static const char msg[] = "the index cannot be opened now\n";
        return web_reply(c, MHD_HTTP_SERVICE_UNAVAILABLE, "text/plain; charset=utf-8", msg,
                         sizeof msg - 1, 0);
    }
    char *raw = NULL;
    struct izde_docdata dd;
    izde_status_t rc = izde_session_record(s, (izde_docid_t)docid, &raw, &dd);
    if (rc == IZDE_ERR_NOT_FOUND || rc == IZDE_ERR_ENCODING)
        return not_found(c);
    if (rc != IZDE_OK) {
        static const char msg[] = "the index cannot be read now\n";
        if (rc != IZDE_ERR_NOMEM)
            web_session_failed(c, rc);
        return web_reply(c, MHD_HTTP_SERVICE_UNAVAILABLE, "text/plain; charset=utf-8", msg,
                         sizeof msg - 1, 0);
    }
    /* The path as the index stored it; it must still be the regular file
     * that was indexed, not one swapped in since (a link to a file outside
     * the collection, say): a link is refused as izde-index refuses it, and
     * the size and time must be the indexed ones. */
    char *path = strndup(dd.path, dd.path_len);
    const char *type = doc_type(dd.path, dd.path_len);
    uint64_t size = dd.size;
    int64_t mtime = dd.mtime;
    free(raw);
    int flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | (c->opts->follow_links ? 0 : O_NOFOLLOW);
    int fd = path ? open(path, flags) : -1;
    free(path);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        (uint64_t)st.st_size != size || (int64_t)st.st_mtime != mtime) {
        if (fd >= 0)
            close(fd);
        return not_found(c);
    }
    struct MHD_Response *r = MHD_create_response_from_fd64((uint64_t)st.st_size, fd);
    if (!r) {
        close(fd);
        return MHD_NO;
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    /* An indexed HTML file is the collection's, not ours: it runs in a
     * sandbox with no scripts and no access to this site. */
    MHD_add_response_header(r, "Content-Security-Policy", "sandbox");
    enum MHD_Result ret = MHD_queue_response(c->conn, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ret;
}

enum MHD_Result web_route_script(struct web_ctx *c)
{
    size_t len;
    const char *js = web_page_script(&len);
    return web_reply(c, MHD_HTTP_OK, "text/javascript; charset=utf-8", js, len, 0);
}
