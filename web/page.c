/* page.c - writes izde-web's search page: form, counts, hits with marked snippets, paging, filters, help. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "searcher/fields.h"
#include "web/html.h"
#include "web/page.h"

/* The page being written and the first failure: every append after a
 * failed one is skipped, so that a page is whole or not at all. */
struct out {
    struct izde_buf *b;
    izde_status_t rc;
};

static void o_s(struct out *o, const char *s)
{
    if (o->rc == IZDE_OK)
        o->rc = izde_buf_adds(o->b, s);
}

static void o_c(struct out *o, char c)
{
    if (o->rc == IZDE_OK)
        o->rc = izde_buf_addc(o->b, c);
}

__attribute__((format(printf, 2, 3))) static void o_f(struct out *o, const char *fmt, ...)
{
    if (o->rc != IZDE_OK)
        return;
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    /* Only short fixed pieces are formatted here (the CSS goes through o_s). */
    o->rc = n >= 0 && (size_t)n < sizeof small ? izde_buf_add(o->b, small, (size_t)n)
                                               : IZDE_ERR_INTERNAL;
}

/* Text from a document or the reader, escaped. */
static void o_h(struct out *o, const char *s, size_t len)
{
    if (o->rc == IZDE_OK)
        o->rc = web_html(o->b, s, len);
}

static void o_hs(struct out *o, const char *s)
{
    if (o->rc == IZDE_OK)
        o->rc = web_htmls(o->b, s);
}

static void o_hm(struct out *o, const char *s, size_t len, char open, char close)
{
    if (o->rc == IZDE_OK)
        o->rc = web_html_marked(o->b, s, len, open, close);
}

/* The page's only style: readable on a phone and a desktop, plain
 * contrast, focus visible for the keyboard. Served inline, so the page
 * needs nothing from anywhere else. */
static const char css[] =
    "body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:48rem;padding:0 1rem;"
    "color:#1a1a1a;background:#fff}"
    "h1{font-size:1.4rem;margin:1rem 0 .5rem}h1 a{color:inherit;text-decoration:none}"
    "h2{font-size:1.05rem;margin:1.2rem 0 .6rem;color:#444}"
    "form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}"
    "label{flex-basis:100%;font-weight:600}"
    "input[type=search]{flex:1 1 12rem;font-size:1.1rem;padding:.4rem;border:2px solid #555;"
    "border-radius:4px}"
    "button{font-size:1.1rem;padding:.4rem 1rem;border:2px solid #0b5394;background:#0b5394;"
    "color:#fff;border-radius:4px}"
    "a{color:#0b5394}a:focus,button:focus,input:focus,summary:focus{outline:3px solid #e69138}"
    "nav,.count,.notice{margin:.6rem 0}nav a,nav strong{margin-right:.6rem}"
    "ol{padding-left:1.4rem}li{margin:0 0 1rem}"
    ".t{font-size:1.1rem;font-weight:600}.p{color:#555;font-size:.85rem;word-break:break-all}"
    ".a{font-size:.9rem}.s{margin:.2rem 0}mark{background:#ffe58a;color:inherit}.n{color:#555}"
    ".badge{font-size:.8rem;border:1px solid #888;border-radius:3px;padding:0 .3rem;"
    "margin-left:.4rem;color:#444;white-space:nowrap}"
    ".notice{padding:.6rem;border-left:4px solid #b45f06;background:#fdf3e7}"
    ".facets{font-size:.9rem;margin:.4rem 0}.facets div{margin:.15rem 0}"
    "details{margin:1rem 0;padding:.5rem;border:1px solid #ccc;border-radius:4px}"
    "@media(max-width:30rem){body{font-size:15px}button{flex-basis:100%}}";

/* What a little script adds to a page that works without it: a spelling
 * the index knows, suggested while the reader types (/api/suggest, once
 * the typing pauses), and keys: / to the search box, j and k through the
 * results. Text goes in through textContent, never as markup. Served as
 * /izde.js, so that the page's policy still forbids inline scripts. */
static const char script[] =
    "(function(){var q=document.getElementById('q'),live=document.getElementById('live'),"
    "timer=0,asked='';"
    "function extra(){var p=new URLSearchParams(location.search),s='';"
    "['lang','ui','limit'].forEach(function(k){if(p.get(k))s+='&'+k+'='+"
    "encodeURIComponent(p.get(k));});return s;}"
    "q.addEventListener('input',function(){clearTimeout(timer);timer=setTimeout(function(){"
    "var v=q.value.trim();if(!v||v===asked)return;asked=v;"
    "fetch('/api/suggest?q='+encodeURIComponent(v)).then(function(r){return r.json();})"
    ".then(function(d){if(q.value.trim()!==v)return;live.textContent='';"
    "if(!d||!d.suggestion){live.hidden=true;return;}"
    "var a=document.createElement('a');a.id='live-suggestion';"
    "a.href='/?q='+encodeURIComponent(d.suggestion)+extra();a.textContent=d.suggestion;"
    "live.append(live.dataset.label+' ',a);live.hidden=false;}).catch(function(){});},250);});"
    "var hits=[].slice.call(document.querySelectorAll('ol.results .t a'));"
    "document.addEventListener('keydown',function(e){"
    "if(e.target===q||e.ctrlKey||e.metaKey||e.altKey)return;"
    "if(e.key==='/'){e.preventDefault();q.focus();q.select();return;}"
    "if(e.key!=='j'&&e.key!=='k')return;var i=hits.indexOf(document.activeElement);"
    "i=e.key==='j'?Math.min(i+1,hits.length-1):Math.max(i-1,0);"
    "if(hits[i]){e.preventDefault();hits[i].focus();}});})();";

/* Appends the link "/?q=..&page=..&lang=..&ui=.." to the page with these
 * settings; & is written &amp; since the link goes into an attribute. */
static void add_link(struct out *out, const struct web_query *wq, const char *q, size_t q_len,
                     unsigned page, const char *lang)
{
    o_s(out, "/?q=");
    if (out->rc == IZDE_OK)
        out->rc = web_url_encode(out->b, q, q_len);
    if (page > 1)
        o_f(out, "&amp;page=%u", page);
    if (lang)
        o_f(out, "&amp;lang=%s", lang);
    if (wq->limit != WEB_PAGE_DEFAULT_LIMIT)
        o_f(out, "&amp;limit=%u", wq->limit);
    if (wq->ui != WEB_UI_KY)
        o_f(out, "&amp;ui=%s", web_ui_code(wq->ui));
}

/* The head, the heading and the search form. */
static void add_top(struct out *out, const struct web_query *wq)
{
    enum web_ui ui = wq->ui;
    o_f(out,
        "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        "<title>",
        web_str(ui, WS_HTML_LANG));
    if (wq->q && wq->q_len) {
        o_h(out, wq->q, wq->q_len);
        o_s(out, " — ");
    }
    o_hs(out, web_str(ui, WS_TITLE));
    o_s(out, "</title><style>");
    o_s(out, css);
    o_f(out, "</style></head><body>\n<header><h1><a href=\"/%s%s\">", ui != WEB_UI_KY ? "?ui=" : "",
        ui != WEB_UI_KY ? web_ui_code(ui) : "");
    o_hs(out, web_str(ui, WS_TITLE));
    o_s(out, "</a></h1></header>\n<main>\n<form method=\"get\" action=\"/\" "
             "role=\"search\"><label for=\"q\">");
    o_hs(out, web_str(ui, WS_SEARCH_LABEL));
    o_s(out, "</label><input type=\"search\" id=\"q\" name=\"q\" value=\"");
    if (wq->q)
        o_h(out, wq->q, wq->q_len);
    o_s(out, "\" autofocus>");
    if (wq->lang)
        o_f(out, "<input type=\"hidden\" name=\"lang\" value=\"%s\">", wq->lang);
    if (ui != WEB_UI_KY)
        o_f(out, "<input type=\"hidden\" name=\"ui\" value=\"%s\">", web_ui_code(ui));
    if (wq->limit != WEB_PAGE_DEFAULT_LIMIT)
        o_f(out, "<input type=\"hidden\" name=\"limit\" value=\"%u\">", wq->limit);
    o_s(out, "<button type=\"submit\">");
    o_hs(out, web_str(ui, WS_SEARCH_BUTTON));
    o_s(out, "</button></form>\n<p id=\"live\" class=\"suggest\" aria-live=\"polite\" data-label=\"");
    o_hs(out, web_str(ui, WS_DID_YOU_MEAN));
    o_s(out, "\" hidden></p>\n");
}

static void add_count(struct out *out, uint64_t n);

/* The language filter: every language and "all", the current one not a
 * link, each with its number of hits when the counts were made. */
static void add_lang_filter(struct out *out, const struct web_query *wq)
{
    const char *const *codes = izde_session_langs;
    static const enum web_str names[IZDE_SESSION_NLANGS] = { WS_LANG_ALL, WS_LANG_KY, WS_LANG_RU,
                                                             WS_LANG_EN };
    o_f(out, "<nav class=\"langs\" aria-label=\"%s\">", web_str(wq->ui, WS_LANG_FILTER));
    o_hs(out, web_str(wq->ui, WS_LANG_FILTER));
    o_c(out, ' ');
    for (size_t i = 0; i < IZDE_SESSION_NLANGS; i++) {
        int current = izde_session_same_lang(codes[i], wq->lang);
        if (current) {
            o_s(out, "<strong aria-current=\"true\">");
        } else {
            o_f(out, "<a class=\"lang-%s\" href=\"", codes[i] ? codes[i] : "all");
            add_link(out, wq, wq->q, wq->q_len, 1, codes[i]);
            o_s(out, "\">");
        }
        o_hs(out, web_str(wq->ui, names[i]));
        if (wq->have_counts) {
            o_s(out, wq->lang_exact[i] ? " <span class=\"n\">(" : " <span class=\"n\">(~");
            add_count(out, wq->lang_counts[i]);
            o_s(out, ")</span>");
        }
        o_s(out, current ? "</strong>" : "</a>");
    }
    o_s(out, "</nav>\n");
}

/* The facets of the complete matches, a line each: every value a link
 * that adds its field clause to the query (year:2021, author:"Асанова
 * Г.Т."), so that the narrowed search is one the reader sees in the box
 * and can edit. */
static void add_facets(struct out *out, const struct web_query *wq,
                       const struct izde_session_page *p)
{
    static const struct {
        enum izde_facet_kind kind;
        enum web_str name;
        const char *field;
        int quoted;
    } lines[] = {
        { IZDE_FACET_YEAR, WS_FACET_YEAR, "year:", 0 },
        { IZDE_FACET_AUTHOR, WS_FACET_AUTHOR, "author:", 1 },
        { IZDE_FACET_KW, WS_FACET_KW, "kw:", 1 },
        { IZDE_FACET_JOURNAL, WS_FACET_JOURNAL, "journal:", 1 },
        { IZDE_FACET_UDC, WS_FACET_UDC, "udc:", 0 },
    };
    int any = 0;
    for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
        any |= p->facet[lines[i].kind] && p->facet[lines[i].kind]->n;
    if (!any)
        return;
    struct izde_buf q = IZDE_BUF_INIT;
    o_f(out, "<nav class=\"facets\" aria-label=\"%s\">", web_str(wq->ui, WS_FACETS));
    for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
        const struct izde_facet *f = p->facet[lines[i].kind];
        if (!f || !f->n)
            continue;
        o_s(out, "<div>");
        o_hs(out, web_str(wq->ui, lines[i].name));
        for (size_t k = 0; k < f->n; k++) {
            const struct izde_facet_value *v = &f->values[k];
            /* A value the syntax cannot quote is shown without a link. */
            int linkable = !memchr(v->value, '"', v->len);
            izde_buf_clear(&q);
            if (linkable && out->rc == IZDE_OK)
                out->rc = izde_buf_addf(&q, "%.*s %s%s%s%s", (int)wq->q_len, wq->q,
                                        lines[i].field, lines[i].quoted ? "\"" : "", v->value,
                                        lines[i].quoted ? "\"" : "");
            o_s(out, k ? " · " : " ");
            if (linkable) {
                o_s(out, "<a href=\"");
                add_link(out, wq, q.p, q.len, 1, wq->lang);
                o_s(out, "\">");
            }
            o_h(out, v->value, v->len);
            o_s(out, " <span class=\"n\">(");
            add_count(out, v->count);
            o_s(out, linkable ? ")</span></a>" : ")</span>");
        }
        o_s(out, "</div>");
    }
    o_s(out, "</nav>\n");
    izde_buf_release(&q);
}

/* Appends n with thousands separated by a narrow space, as Kyrgyz and
 * Russian write them (1 200). */
static void add_count(struct out *out, uint64_t n)
{
    char d[24];
    int len = snprintf(d, sizeof d, "%" PRIu64, n);
    for (int i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0)
            o_s(out, "\xE2\x80\xAF");
        o_c(out, d[i]);
    }
}

static void add_counts(struct out *out, const struct web_query *wq,
                       const struct izde_session_page *p)
{
    const struct sr_counts *c = &p->counts;
    o_s(out, "<p class=\"count\" id=\"count\">");
    o_hs(out, web_str(wq->ui, WS_FOUND));
    o_c(out, ' ');
    if (!c->complete.exact || !c->partial.exact) {
        o_hs(out, web_str(wq->ui, WS_ABOUT));
        o_c(out, ' ');
    }
    o_s(out, "<strong>");
    add_count(out, c->complete.n + c->partial.n);
    o_s(out, "</strong> (");
    o_hs(out, web_str(wq->ui, WS_COMPLETE));
    o_s(out, ": ");
    add_count(out, c->complete.n);
    o_s(out, "; ");
    o_hs(out, web_str(wq->ui, WS_PARTIAL));
    o_s(out, ": ");
    add_count(out, c->partial.n);
    o_s(out, ")</p>\n");
}

/* The article's line under its title (searcher/fields.c says what it
 * holds), and the printed page of the snippet; nothing for a record
 * without them. */
static void add_article_line(struct out *out, const struct web_query *wq,
                             const struct izde_session_hit *h)
{
    struct izde_buf line = IZDE_BUF_INIT;
    if (out->rc == IZDE_OK)
        out->rc = sr_field_article_line(&h->dd, &line);
    if (out->rc == IZDE_OK && (line.len || h->printed_page)) {
        o_s(out, "<div class=\"a\">");
        o_h(out, line.p ? line.p : "", line.len);
        if (h->printed_page) {
            o_s(out, line.len ? " · " : "");
            o_hs(out, web_str(wq->ui, WS_PAGE));
            o_f(out, " %u", h->printed_page);
            if (h->printed_last > h->printed_page)
                o_f(out, "–%u", h->printed_last);
        }
        o_s(out, "</div>");
    }
    izde_buf_release(&line);
}

static void add_hit(struct out *out, const struct web_query *wq, const struct izde_session_hit *h)
{
    const struct izde_docdata *dd = &h->dd;
    const char *title = dd->title_len ? dd->title : dd->path;
    size_t title_len = dd->title_len ? dd->title_len : dd->path_len;
    o_f(out, "<li value=\"%u\" class=\"hit%s\"><div class=\"t\">", h->rank,
        h->partial ? " partial" : " complete");
    /* A PDF opens at the page of the snippet (the session knows it). */
    if (wq->files && h->page)
        o_f(out, "<a href=\"/doc/%" PRIu32 "#page=%u\">", (uint32_t)h->docid, h->page);
    else if (wq->files)
        o_f(out, "<a href=\"/doc/%" PRIu32 "\">", (uint32_t)h->docid);
    o_s(out, "<span class=\"title\">");
    o_h(out, title, title_len);
    o_s(out, "</span>");
    if (wq->files)
        o_s(out, "</a>");
    if (h->partial) {
        o_s(out, "<span class=\"badge\">");
        o_hs(out, web_str(wq->ui, WS_PARTIAL_BADGE));
        o_s(out, "</span>");
    }
    o_s(out, "</div>");
    add_article_line(out, wq, h);
    o_s(out, "<div class=\"p\">");
    /* What the record holds beside the path; a field it lacks is left out. */
    const char *fields[] = { dd->author, dd->date, dd->lang };
    size_t lens[] = { dd->author ? dd->author_len : 0, dd->date ? dd->date_len : 0,
                      dd->lang ? dd->lang_len : 0 };
    o_h(out, dd->path, dd->path_len);
    for (size_t k = 0; k < 3; k++) {
        if (!lens[k])
            continue;
        o_s(out, " · ");
        o_h(out, fields[k], lens[k]);
    }
    o_s(out, "</div><p class=\"s\">");
    o_hm(out, h->snippet.p ? h->snippet.p : "", h->snippet.len, IZDE_SNIPPET_OPEN[0],
         IZDE_SNIPPET_CLOSE[0]);
    o_s(out, "</p></li>\n");
}

/* The hits, complete ones first as ranked, with a heading before the
 * first partial one. */
static void add_hits(struct out *out, const struct web_query *wq, const struct izde_session_page *p)
{
    int in_list = 0;
    for (size_t i = 0; i < p->n; i++) {
        const struct izde_session_hit *h = &p->hits[i];
        if (h->partial && (i == 0 || !p->hits[i - 1].partial)) {
            if (in_list)
                o_s(out, "</ol>\n");
            in_list = 0;
            o_s(out, "<h2 class=\"partial-heading\">");
            o_hs(out, web_str(wq->ui, WS_PARTIAL_HEADING));
            o_s(out, "</h2>\n");
        }
        if (!in_list)
            o_f(out, "<ol class=\"results\" aria-label=\"%s\">\n", web_str(wq->ui, WS_RESULTS));
        in_list = 1;
        add_hit(out, wq, h);
    }
    if (in_list)
        o_s(out, "</ol>\n");
}

static void add_suggestion(struct out *out, const struct web_query *wq,
                           const struct izde_session_page *p)
{
    if (!p->suggestion.len)
        return;
    o_s(out, "<p class=\"suggest\">");
    o_hs(out, web_str(wq->ui, WS_DID_YOU_MEAN));
    o_s(out, " <a id=\"suggestion\" href=\"");
    add_link(out, wq, p->suggestion.p, p->suggestion.len, 1, wq->lang);
    o_s(out, "\">");
    o_h(out, p->suggestion.p, p->suggestion.len);
    o_s(out, "</a></p>\n");
}

/* Previous and next, when there are such pages. */
static void add_paging(struct out *out, const struct web_query *wq,
                       const struct izde_session_page *p)
{
    uint64_t total = p->counts.complete.n + p->counts.partial.n;
    int prev = wq->page > 1;
    int next = (uint64_t)wq->page * wq->limit < total && p->n == wq->limit;
    if (!prev && !next)
        return;
    o_s(out, "<nav class=\"paging\">");
    if (prev) {
        o_s(out, "<a rel=\"prev\" id=\"prev\" href=\"");
        add_link(out, wq, wq->q, wq->q_len, wq->page - 1, wq->lang);
        o_s(out, "\">");
        o_hs(out, web_str(wq->ui, WS_PREV));
        o_s(out, "</a>");
    }
    o_s(out, "<strong>");
    o_hs(out, web_str(wq->ui, WS_PAGE));
    o_f(out, " %u</strong>", wq->page);
    if (next) {
        o_s(out, "<a rel=\"next\" id=\"next\" href=\"");
        add_link(out, wq, wq->q, wq->q_len, wq->page + 1, wq->lang);
        o_s(out, "\">");
        o_hs(out, web_str(wq->ui, WS_NEXT));
        o_s(out, "</a>");
    }
    o_s(out, "</nav>\n");
}

/* The query syntax and the interface language switch. */
static void add_bottom(struct out *out, const struct web_query *wq)
{
    static const enum web_str help[] = { WS_HELP_WORDS, WS_HELP_PHRASE, WS_HELP_EXCLUDE,
                                         WS_HELP_FORMS, WS_HELP_SYNTAX, WS_HELP_KEYS };
    o_s(out, "<details class=\"help\"><summary>");
    o_hs(out, web_str(wq->ui, WS_HELP_SUMMARY));
    o_s(out, "</summary><ul>");
    for (size_t i = 0; i < sizeof help / sizeof help[0]; i++) {
        o_s(out, "<li>");
        o_hs(out, web_str(wq->ui, help[i]));
        o_s(out, "</li>");
    }
    o_s(out, "</ul></details>\n</main>\n<footer><nav class=\"ui\">");
    o_hs(out, web_str(wq->ui, WS_UI_SWITCH));
    static const char *const names[WEB_UI_COUNT] = { "Кыргызча", "Русский", "English" };
    for (int u = 0; u < WEB_UI_COUNT; u++) {
        struct web_query other = *wq;
        other.ui = (enum web_ui)u;
        if (u == (int)wq->ui) {
            o_f(out, " <strong>%s</strong>", names[u]);
            continue;
        }
        o_f(out, " <a lang=\"%s\" href=\"", web_ui_code(other.ui));
        add_link(out, &other, wq->q ? wq->q : "", wq->q ? wq->q_len : 0, wq->page, wq->lang);
        o_f(out, "\">%s</a>", names[u]);
    }
    o_s(out, "</nav></footer>\n<script src=\"/izde.js\"></script>\n</body></html>\n");
}

const char *web_page_script(size_t *len)
{
    *len = sizeof(script) - 1;
    return script;
}

izde_status_t web_page_render(struct izde_buf *buf, const struct web_query *wq,
                              const struct izde_session_page *results, const char *notice)
{
    izde_buf_clear(buf);
    struct out o = { buf, IZDE_OK }, *out = &o;
    add_top(out, wq);
    if (wq->q && wq->q_len)
        add_lang_filter(out, wq);
    if (notice) {
        o_s(out, "<p class=\"notice\" role=\"alert\">");
        o_hs(out, notice);
        o_s(out, "</p>\n");
    } else if (results) {
        add_counts(out, wq, results);
        add_facets(out, wq, results);
        if (results->n == 0 && results->counts.complete.n + results->counts.partial.n > 0) {
            /* Past the last page: a reader's next page after the nightly
             * update removed documents, or an old link. */
            o_s(out, "<p class=\"none\">");
            o_hs(out, web_str(wq->ui, WS_PAGE_EMPTY));
            o_s(out, " <a href=\"");
            add_link(out, wq, wq->q, wq->q_len, 1, wq->lang);
            o_s(out, "\">");
            o_hs(out, web_str(wq->ui, WS_FIRST_PAGE));
            o_s(out, "</a></p>\n");
        } else if (results->n == 0) {
            o_s(out, "<p class=\"none\">");
            o_hs(out, web_str(wq->ui, WS_NO_RESULTS));
            o_s(out, "</p>\n");
        }
        add_suggestion(out, wq, results);
        add_hits(out, wq, results);
        add_paging(out, wq, results);
    }
    add_bottom(out, wq);
    return o.rc;
}
