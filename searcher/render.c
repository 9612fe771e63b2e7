/* render.c - writes a page of results as text, JSON or TREC run lines; byte for byte what izde-search prints. */
#include <inttypes.h>
#include <stdio.h>
#include "common/escape.h"
#include "common/json.h"
#include "searcher/cite.h"
#include "searcher/fields.h"
#include "searcher/render.h"

/* Writes "snippet":"...","highlights":[[start,end],...] from a snippet
 * marked with IZDE_SNIPPET_OPEN and _CLOSE; the ranges are byte offsets
 * into the snippet's UTF-8. */
static izde_status_t json_snippet(struct izde_buf *out, const struct izde_buf *marked)
{
    struct izde_buf plain = IZDE_BUF_INIT, ranges = IZDE_BUF_INIT;
    size_t start = 0;
    izde_status_t rc = IZDE_OK;
    for (size_t i = 0; rc == IZDE_OK && i < marked->len; i++) {
        char c = marked->p[i];
        if (c == IZDE_SNIPPET_OPEN[0]) {
            start = plain.len;
        } else if (c == IZDE_SNIPPET_CLOSE[0]) {
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

/* Appends a marked snippet for text output: its text escaped as
 * izde_escape_line does, the marks replaced by open and close. */
static izde_status_t text_snippet(struct izde_buf *out, const struct izde_buf *marked,
                                  const char *open, const char *close)
{
    izde_status_t rc = IZDE_OK;
    size_t from = 0;
    for (size_t i = 0; rc == IZDE_OK && i <= marked->len; i++) {
        if (i < marked->len && marked->p[i] != IZDE_SNIPPET_OPEN[0] &&
            marked->p[i] != IZDE_SNIPPET_CLOSE[0])
            continue;
        rc = izde_escape_line(out, marked->p + from, i - from);
        if (rc == IZDE_OK && i < marked->len)
            rc = izde_buf_adds(out, marked->p[i] == IZDE_SNIPPET_OPEN[0] ? open : close);
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

/* Ends a render: rc of the last checked append, and NOMEM when out never
 * got storage. NEEDSWORK: as before the split, most appends are not
 * checked one by one, so out of memory midway can drop a piece of the
 * output; checking each would change nothing else. */
static izde_status_t finished(const struct izde_buf *out, izde_status_t rc)
{
    return rc != IZDE_OK ? rc : out->p ? IZDE_OK : IZDE_ERR_NOMEM;
}

/* Appends the line a librarian reads first: "Асанова Г.Т., Осмонов К.Т. ·
 * 2021 · Вестник КГУ, № 3 · p. 113", with only what the record has; a
 * record without article fields gets no line. The page is the snippet's,
 * as the journal prints it (its page in the PDF is on the path). */
static izde_status_t text_fields(struct izde_buf *out, const struct izde_session_hit *h)
{
    struct izde_buf line = IZDE_BUF_INIT;
    izde_status_t rc = sr_field_article_line(&h->dd, &line);
    if (rc == IZDE_OK && (line.len || h->printed_page)) {
        izde_buf_adds(out, "\n   ");
        izde_escape_line(out, line.p ? line.p : "", line.len);
        if (h->printed_page && line.len)
            izde_buf_adds(out, " · ");
        if (h->printed_page && h->printed_last != h->printed_page)
            izde_buf_addf(out, "pp. %u-%u", h->printed_page, h->printed_last);
        else if (h->printed_page)
            izde_buf_addf(out, "p. %u", h->printed_page);
    }
    izde_buf_release(&line);
    return rc;
}

/* "year: 2022 (12), 2021 (9)", a line for each facet counted. */
static izde_status_t text_facets(struct izde_buf *out, const struct izde_session_page *p)
{
    izde_status_t rc = IZDE_OK;
    for (int k = 0; rc == IZDE_OK && k < IZDE_FACET_COUNT; k++) {
        const struct izde_facet *f = p->facet[k];
        if (!f)
            continue;
        izde_buf_addf(out, "%s:", izde_facet_name((enum izde_facet_kind)k));
        for (size_t i = 0; i < f->n; i++) {
            izde_buf_adds(out, i ? ", " : " ");
            izde_escape_line(out, f->values[i].value, f->values[i].len);
            izde_buf_addf(out, " (%" PRIu64 ")", f->values[i].count);
        }
        rc = izde_buf_adds(out, f->n ? "\n" : " none\n");
    }
    return rc;
}

/* "facets":{"year":[{"value":"2022","count":12},...],...}, when counted. */
static izde_status_t json_facets(struct izde_buf *out, const struct izde_session_page *p)
{
    izde_status_t rc = IZDE_OK;
    int first = 1;
    for (int k = 0; rc == IZDE_OK && k < IZDE_FACET_COUNT; k++) {
        const struct izde_facet *f = p->facet[k];
        if (!f)
            continue;
        izde_buf_addf(out, "%s\"%s\":[", first ? "\"facets\":{" : ",",
                      izde_facet_name((enum izde_facet_kind)k));
        first = 0;
        for (size_t i = 0; i < f->n; i++) {
            izde_buf_adds(out, i ? ",{\"value\":" : "{\"value\":");
            izde_json_escape_bytes(out, f->values[i].value, f->values[i].len);
            izde_buf_addf(out, ",\"count\":%" PRIu64 "}", f->values[i].count);
        }
        rc = izde_buf_addc(out, ']');
    }
    if (rc == IZDE_OK && !first)
        rc = izde_buf_adds(out, "},");
    return rc;
}

izde_status_t sr_render_text(struct izde_buf *out, const struct izde_session_page *p,
                             const struct sr_render_opts *o)
{
    const char *open = o->color ? "\033[1m" : "[";
    const char *close = o->color ? "\033[0m" : "]";
    const struct sr_counts *c = &p->counts;
    izde_status_t rc = IZDE_OK;
    if (o->explain)
        izde_buf_add(out, p->explain.p ? p->explain.p : "", p->explain.len);
    if (p->n == 0) {
        if (c->complete.n + c->partial.n)
            add_counts_line(out, c, o->all_only);
        izde_buf_adds(out, "no results\n");
        if (p->suggestion.len) {
            izde_buf_adds(out, "did you mean: ");
            izde_escape_line(out, p->suggestion.p, p->suggestion.len);
            izde_buf_addc(out, '\n');
        }
    } else {
        add_counts_line(out, c, o->all_only);
    }
    text_facets(out, p);
    for (size_t i = 0; rc == IZDE_OK && i < p->n; i++) {
        const struct izde_session_hit *h = &p->hits[i];
        /* Titles, paths and text come from the files: escaped, so that
         * they cannot drive the terminal or break the line. */
        izde_buf_addf(out, "\n%u. %s", h->rank, o->color ? "\033[1m" : "");
        izde_escape_line(out, h->dd.title, h->dd.title_len);
        izde_buf_addf(out, "%s%s", o->color ? "\033[0m" : "",
                      h->partial ? "  (partial match)" : "");
        rc = text_fields(out, h);
        izde_buf_adds(out, "\n   ");
        izde_escape_line(out, h->dd.path, h->dd.path_len);
        if (h->page)
            izde_buf_addf(out, "#page=%u", h->page);
        izde_buf_addf(out, "  score %.3f\n   ", h->score);
        text_snippet(out, &h->snippet, open, close);
        if (rc == IZDE_OK)
            rc = izde_buf_addc(out, '\n');
    }
    return finished(out, rc);
}

/* Appends ,"name":"value" when the record has the field. */
static void json_field(struct izde_buf *out, const char *name, const char *s, size_t len)
{
    if (!SR_FIELD_SET(s, len))
        return;
    izde_buf_addf(out, ",\"%s\":", name);
    izde_json_escape_bytes(out, s, len);
}

/* Appends ,"name":["item",...] when the record has the list field. */
static void json_list(struct izde_buf *out, const char *name, const char *list, size_t list_len)
{
    const char *item;
    size_t at = 0, len, n = 0;
    while (sr_field_next(list, list_len, &at, &item, &len)) {
        if (n++)
            izde_buf_addc(out, ',');
        else
            izde_buf_addf(out, ",\"%s\":[", name);
        izde_json_escape_bytes(out, item, len);
    }
    if (n)
        izde_buf_addc(out, ']');
}

/* Appends what the record has beyond the keys every result carries: the
 * document's properties, the article's fields (authors and keywords as
 * arrays, the year as a number, the printed pages as {first,last}) and
 * the pages of the snippet (page, page_last: in the PDF; printed_page,
 * printed_last: as the journal numbers them). */
static izde_status_t json_fields(struct izde_buf *out, const struct izde_session_hit *h)
{
    const struct izde_docdata *dd = &h->dd;
    unsigned first, last, year = sr_field_year(dd);
    json_field(out, "author", dd->author, dd->author_len);
    json_field(out, "date", dd->date, dd->date_len);
    json_list(out, "authors", dd->authors, dd->authors_len);
    if (year)
        izde_buf_addf(out, ",\"year\":%u", year);
    json_field(out, "journal", dd->journal, dd->journal_len);
    json_field(out, "issue", dd->issue, dd->issue_len);
    json_field(out, "doi", dd->doi, dd->doi_len);
    json_field(out, "udc", dd->udc, dd->udc_len);
    if (sr_field_pages(dd, &first, &last))
        izde_buf_addf(out, ",\"pages\":{\"first\":%u,\"last\":%u}", first, last);
    json_list(out, "keywords", dd->keywords, dd->keywords_len);
    json_field(out, "abstract", dd->abstract, dd->abstract_len);
    if (h->page)
        izde_buf_addf(out, ",\"page\":%u,\"page_last\":%u", h->page, h->page_last);
    if (h->printed_page)
        izde_buf_addf(out, ",\"printed_page\":%u,\"printed_last\":%u", h->printed_page,
                      h->printed_last);
    return out->p ? IZDE_OK : IZDE_ERR_NOMEM;
}

izde_status_t sr_render_json(struct izde_buf *out, const struct izde_session_page *p,
                             const struct sr_render_opts *o)
{
    const struct sr_counts *c = &p->counts;
    izde_status_t rc = IZDE_OK;
    izde_buf_adds(out, "{\"query\":");
    izde_json_escape_bytes(out, p->query, p->query_len);
    izde_buf_addf(out,
                  ",\"total\":%" PRIu64 ",\"total_exact\":%s,\"complete\":%" PRIu64
                  ",\"complete_exact\":%s,\"partial\":%" PRIu64 ",\"partial_exact\":%s,",
                  c->complete.n + c->partial.n,
                  c->complete.exact && c->partial.exact ? "true" : "false", c->complete.n,
                  c->complete.exact ? "true" : "false", c->partial.n,
                  c->partial.exact ? "true" : "false");
    if (p->suggestion.len) {
        izde_buf_adds(out, "\"suggestion\":");
        izde_json_escape_bytes(out, p->suggestion.p, p->suggestion.len);
        izde_buf_addc(out, ',');
    }
    if (o->explain) {
        izde_buf_adds(out, "\"explain\":");
        izde_json_escape_bytes(out, p->explain.p ? p->explain.p : "", p->explain.len);
        izde_buf_addc(out, ',');
    }
    json_facets(out, p);
    izde_buf_adds(out, "\"results\":[");
    for (size_t i = 0; rc == IZDE_OK && i < p->n; i++) {
        const struct izde_session_hit *h = &p->hits[i];
        const struct izde_docdata *dd = &h->dd;
        izde_buf_addf(out, "%s{\"rank\":%u", i ? "," : "", h->rank);
        json_path(out, dd->path, dd->path_len);
        izde_buf_adds(out, ",\"title\":");
        izde_json_escape_bytes(out, dd->title, dd->title_len);
        izde_buf_addf(out, ",\"score\":%.4f,\"partial\":%s,\"lang\":", h->score,
                      h->partial ? "true" : "false");
        izde_json_escape_bytes(out, dd->lang ? dd->lang : "", dd->lang_len);
        izde_buf_adds(out, ",\"encoding\":");
        izde_json_escape_bytes(out, dd->encoding ? dd->encoding : "", dd->encoding_len);
        rc = json_snippet(out, &h->snippet);
        if (rc == IZDE_OK)
            rc = json_fields(out, h);
        izde_buf_addc(out, '}');
    }
    if (rc == IZDE_OK)
        rc = izde_buf_adds(out, "]}\n");
    return finished(out, rc);
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

izde_status_t sr_render_trec(struct izde_buf *out, const char *qid,
                             const struct izde_session_page *p)
{
    /* A TREC line is split at spaces: paths are escaped, and a space in
     * them too, so that each stays one field of one line. */
    izde_status_t rc = IZDE_OK;
    for (size_t i = 0; rc == IZDE_OK && i < p->n; i++) {
        izde_buf_addf(out, "%s Q0 ", qid);
        trec_path(out, p->hits[i].dd.path, p->hits[i].dd.path_len);
        rc = izde_buf_addf(out, " %u %.4f izde\n", p->hits[i].rank, p->hits[i].score);
    }
    return rc;
}

izde_status_t sr_render_cite(struct izde_buf *out, enum sr_cite_format f,
                             const struct izde_session_page *p)
{
    izde_status_t rc = IZDE_OK;
    if (f == SR_CITE_CSL_JSON)
        rc = izde_buf_adds(out, "[");
    for (size_t i = 0; rc == IZDE_OK && i < p->n; i++) {
        /* The document's number in the index names it: unique among the
         * hits, and the same on every page of one search. */
        char key[32];
        snprintf(key, sizeof(key), "izde%" PRIu32, (uint32_t)p->hits[i].docid);
        if (i)
            rc = izde_buf_adds(out, f == SR_CITE_CSL_JSON ? ",\n" : "\n");
        else if (f == SR_CITE_CSL_JSON)
            rc = izde_buf_adds(out, "\n");
        if (rc == IZDE_OK)
            rc = sr_cite(out, f, &p->hits[i].dd, key);
    }
    if (rc == IZDE_OK && f == SR_CITE_CSL_JSON)
        rc = izde_buf_adds(out, p->n ? "\n]\n" : "]\n");
    return finished(out, rc);
}
