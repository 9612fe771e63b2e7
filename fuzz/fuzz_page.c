/* fuzz_page.c - fuzz target: izde-web's page (web/page.c) from a page of
 * results whose every text is arbitrary bytes.
 *
 * A reader's query and an archive's documents (titles, paths, snippets,
 * an article's authors, journal and pages, facet values) reach the page
 * as they are; the page must keep every one of them text. Lines of the
 * input:
 *   0  settings, one character each, '0' + a number (missing ones 0): the
 *      language filter (of izde_session_langs), the interface language,
 *      links to files, language counts shown, the outcome, the hits (up to
 *      MAX_HITS, every other one partial), the page number, a notice
 *      instead of results, no results at all
 *   1  the query, 2 the suggestion, 3 the syntax error, 4 the notice
 *   then for each hit: path, title, snippet (IZDE_SNIPPET_OPEN and _CLOSE
 *      mark matches), authors ('|' between them), year, journal, issue,
 *      pages, and then its first printed page as digits
 *   then facet values, one a line, dealt to the facets in turn.
 * The page rendered must be valid UTF-8 whose every '<' opens a tag of
 * the page's own, with attributes of its own whose values are quoted and
 * hold no '<' or '"', and whose every '&' starts an entity; no control
 * character but tab and newline, no C1 control and no noncharacter in it
 * (HTML parsers report those as errors). An escaping
 * slip (a title with <img onerror=...>, a query with "><script>) breaks
 * one of these. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "common/buf.h"
#include "common/utf8.h"
#include "fuzz_util.h"
#include "web/page.h"

#define MAX_HITS 4
#define HIT_FIELDS 9
#define MAX_FACET_VALUES 8

/* The input's lines, in order: pointers into it. */
struct lines {
    const char *p[64];
    size_t len[64];
    size_t n, next;
};

static void split(const char *data, size_t size, struct lines *l)
{
    l->n = l->next = 0;
    size_t start = 0;
    for (size_t i = 0; i <= size && l->n < 64; i++)
        if (i == size || data[i] == '\n') {
            l->p[l->n] = data + start;
            l->len[l->n++] = i - start;
            start = i + 1;
        }
}

/* The next line, or "" when none is left. */
static const char *take(struct lines *l, size_t *len)
{
    if (l->next >= l->n) {
        *len = 0;
        return "";
    }
    *len = l->len[l->next];
    return l->p[l->next++];
}

/* Setting k of line 0: its character less '0', modulo mod. */
static unsigned setting(const struct lines *l, size_t k, unsigned mod)
{
    if (l->n == 0 || k >= l->len[0])
        return 0;
    return (unsigned)(unsigned char)(l->p[0][k] - '0') % mod;
}

/* A copy of s[0, len) with a NUL after it, as the binding and the record
 * decoder make them (s may hold NUL bytes of its own). */
static char *copy(const char *s, size_t len)
{
    char *c = malloc(len + 1);
    FUZZ_CHECK(c != NULL);
    memcpy(c, s, len);
    c[len] = '\0';
    return c;
}

static int in(const char *name, size_t len, const char *const *set)
{
    for (size_t i = 0; set[i]; i++)
        if (strlen(set[i]) == len && memcmp(set[i], name, len) == 0)
            return 1;
    return 0;
}

/* The tags and attributes the page writes. */
static const char *const tags[] = { "a", "body", "button", "details", "div", "footer", "form",
                                    "h1", "h2", "head", "header", "html", "input", "label",
                                    "li", "main", "mark", "meta", "nav", "ol", "p", "script",
                                    "span", "strong", "style", "summary", "title", "ul", NULL };
static const char *const attrs[] = { "action", "aria-current", "aria-label", "aria-live",
                                     "autofocus", "charset", "class", "content", "data-label",
                                     "for", "hidden", "href", "id", "lang", "method", "name",
                                     "rel", "role", "src", "type", "value", NULL };

static int name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

/* Checks the entity at s[i] ('&') and returns the index after it. */
static size_t check_entity(const char *s, size_t len, size_t i)
{
    size_t j = i + 1;
    if (j < len && s[j] == '#')
        j++;
    size_t from = j;
    while (j < len && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= '0' && s[j] <= '9')))
        j++;
    FUZZ_CHECK(j > from && j < len && s[j] == ';');
    return j + 1;
}

/* Checks the tag at s[i] ('<') and returns the index after it (after the
 * element's content for style and script, which are the page's own). */
static size_t check_tag(const char *s, size_t len, size_t i)
{
    static const char doctype[] = "<!DOCTYPE html>";
    if (len - i >= sizeof(doctype) - 1 && memcmp(s + i, doctype, sizeof(doctype) - 1) == 0)
        return i + sizeof(doctype) - 1;
    size_t j = i + 1;
    int closing = j < len && s[j] == '/';
    j += closing;
    size_t name = j;
    while (j < len && name_char(s[j]))
        j++;
    FUZZ_CHECK(in(s + name, j - name, tags));
    size_t name_len = j - name;
    for (;;) {
        while (j < len && s[j] == ' ')
            j++;
        FUZZ_CHECK(j < len);
        if (s[j] == '>')
            break;
        FUZZ_CHECK(!closing);
        size_t attr = j;
        while (j < len && name_char(s[j]))
            j++;
        FUZZ_CHECK(in(s + attr, j - attr, attrs));
        if (j < len && s[j] == '=') {
            FUZZ_CHECK(j + 1 < len && s[j + 1] == '"');
            j += 2;
            while (j < len && s[j] != '"') {
                FUZZ_CHECK(s[j] != '<');
                j = s[j] == '&' ? check_entity(s, len, j) : j + 1;
            }
            FUZZ_CHECK(j < len);
            j++;
        }
    }
    j++;
    if (!closing && (name_len == 5 || name_len == 6) &&
        (memcmp(s + name, "style", 5) == 0 || memcmp(s + name, "script", 6) == 0)) {
        const char *end = name_len == 5 ? "</style>" : "</script>";
        const char *found = strstr(s + j, end);
        FUZZ_CHECK(found != NULL);
        return (size_t)(found - s);
    }
    return j;
}

static void check_page(const struct izde_buf *out)
{
    const char *s = out->p;
    size_t len = out->len;
    FUZZ_CHECK(s && len > 0);
    FUZZ_CHECK(fuzz_valid_utf8(s, len));
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '<') {
            i = check_tag(s, len, i);
        } else if (c == '&') {
            i = check_entity(s, len, i);
        } else if (c >= 0x80) {
            uint32_t cp = izde_utf8_next(s, len, &i);
            FUZZ_CHECK(cp >= 0xA0 && !(cp >= 0xFDD0 && cp <= 0xFDEF) && (cp & 0xFFFE) != 0xFFFE);
        } else {
            FUZZ_CHECK(c >= 0x20 || c == '\n' || c == '\t');
            i++;
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct lines l;
    split((const char *)data, size, &l);
    take(&l, &(size_t){ 0 });
    struct web_query wq = { .page = 1 + setting(&l, 6, 10), .limit = WEB_PAGE_DEFAULT_LIMIT };
    wq.lang = izde_session_langs[setting(&l, 0, IZDE_SESSION_NLANGS)];
    wq.ui = (enum web_ui)setting(&l, 1, 3);
    wq.files = setting(&l, 2, 2);
    wq.have_counts = setting(&l, 3, 2);
    for (size_t i = 0; i < IZDE_SESSION_NLANGS; i++) {
        wq.lang_counts[i] = i * 1000 + size;
        wq.lang_exact[i] = (int)(i % 2);
    }
    wq.q = take(&l, &wq.q_len);

    struct izde_session_page p = IZDE_SESSION_PAGE_INIT;
    struct izde_session_hit hits[MAX_HITS];
    memset(hits, 0, sizeof(hits));
    p.outcome = (enum izde_page_outcome)setting(&l, 4, 4);
    p.query = wq.q;
    p.query_len = wq.q_len;
    p.words = sr_count_words(wq.q, wq.q_len);
    size_t len;
    const char *s = take(&l, &len);
    FUZZ_SETUP(izde_buf_add(&p.suggestion, s, len));
    s = take(&l, &len);
    FUZZ_SETUP(izde_buf_add(&p.error, s, len));
    size_t notice_len;
    const char *notice_line = take(&l, &notice_len);
    char *notice = copy(notice_line, notice_len);

    /* The authors' lines, '|' in the input, are rewritten in a copy. */
    char *authors[MAX_HITS] = { NULL };
    p.n = setting(&l, 5, MAX_HITS + 1);
    p.hits = hits;
    for (size_t k = 0; k < p.n; k++) {
        struct izde_session_hit *h = &hits[k];
        struct izde_docdata *dd = &h->dd;
        h->rank = (unsigned)((wq.page - 1) * wq.limit + k + 1);
        h->partial = (int)(k % 2);
        h->docid = (izde_docid_t)(k + 1);
        dd->path = take(&l, &dd->path_len);
        dd->title = take(&l, &dd->title_len);
        s = take(&l, &len);
        FUZZ_SETUP(izde_buf_add(&h->snippet, s, len));
        s = take(&l, &dd->authors_len);
        authors[k] = copy(s, dd->authors_len);
        for (size_t i = 0; i < dd->authors_len; i++)
            authors[k][i] = authors[k][i] == '|' ? '\n' : authors[k][i];
        dd->authors = authors[k];
        dd->year = take(&l, &dd->year_len);
        dd->journal = take(&l, &dd->journal_len);
        dd->issue = take(&l, &dd->issue_len);
        dd->pages = take(&l, &dd->pages_len);
        s = take(&l, &len);
        h->page = h->page_last = len > 0 ? (unsigned)(unsigned char)s[0] % 5 : 0;
        h->printed_page = h->printed_last = (unsigned)len;
        dd->lang = "ky";
        dd->lang_len = 2;
    }
    p.counts.complete = (struct sr_count){ p.n / 2 + 1, 1 };
    p.counts.partial = (struct sr_count){ p.n / 2 + size, 0 };

    /* What is left: facet values (NUL-terminated, as the binding makes
     * them), dealt to the facets in turn. */
    struct izde_facet facets[IZDE_FACET_COUNT];
    struct izde_facet_value values[IZDE_FACET_COUNT][MAX_FACET_VALUES];
    memset(facets, 0, sizeof(facets));
    for (size_t k = 0; l.next < l.n && k < IZDE_FACET_COUNT * MAX_FACET_VALUES; k++) {
        struct izde_facet *f = &facets[k % IZDE_FACET_COUNT];
        struct izde_facet_value *v = &values[k % IZDE_FACET_COUNT][f->n++];
        s = take(&l, &v->len);
        v->value = copy(s, v->len);
        v->count = k + 1;
        f->values = values[k % IZDE_FACET_COUNT];
    }
    for (size_t k = 0; k < IZDE_FACET_COUNT; k++)
        p.facet[k] = facets[k].n ? &facets[k] : NULL;

    struct izde_buf out = IZDE_BUF_INIT;
    FUZZ_SETUP(web_page_render(&out, &wq, setting(&l, 8, 2) ? NULL : &p,
                               setting(&l, 7, 2) ? notice : NULL));
    check_page(&out);

    izde_buf_release(&out);
    for (size_t k = 0; k < IZDE_FACET_COUNT; k++)
        for (size_t i = 0; i < facets[k].n; i++)
            free(facets[k].values[i].value);
    for (size_t k = 0; k < MAX_HITS; k++) {
        izde_buf_release(&hits[k].snippet);
        free(authors[k]);
    }
    izde_buf_release(&p.suggestion);
    izde_buf_release(&p.error);
    free(notice);
    return 0;
}
