/* cite.c - a stored record as a citation: BibTeX, RIS and CSL-JSON, each with its own escaping. */
#include <stdio.h>
#include <string.h>
#include "common/json.h"
#include "searcher/cite.h"
#include "searcher/fields.h"

/* A citation being written: out, a scratch buffer for one value at a time,
 * and the first failed append's status (later appends are skipped). */
struct writer {
    struct izde_buf *out;
    struct izde_buf val;
    izde_status_t rc;
};

static void put(struct writer *w, const char *s, size_t len)
{
    if (w->rc == IZDE_OK)
        w->rc = izde_buf_add(w->out, s, len);
}

static void put_str(struct writer *w, const char *s)
{
    put(w, s, strlen(s));
}

/* Every format wants a value on one line: line breaks (a title printed
 * on several lines), tabs and other control characters become one space,
 * and the value is trimmed. Sets w->val. */
static void clean(struct writer *w, const char *s, size_t len)
{
    izde_buf_clear(&w->val);
    for (size_t i = 0; w->rc == IZDE_OK && i < len; i++) {
        int blank = (unsigned char)s[i] <= ' ' || s[i] == 0x7F;
        if (!blank)
            w->rc = izde_buf_addc(&w->val, s[i]);
        else if (w->val.len && w->val.p[w->val.len - 1] != ' ')
            w->rc = izde_buf_addc(&w->val, ' ');
    }
    if (w->val.len && w->val.p[w->val.len - 1] == ' ')
        w->val.p[--w->val.len] = '\0';
}

/* Sets w->val to the path as a URL: "file://" and the path with every
 * byte but letters, digits, "-._~/" percent-encoded, so that spaces,
 * braces and names that are not UTF-8 pass every format unescaped. */
static void file_url(struct writer *w, const char *path, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    izde_buf_clear(&w->val);
    if (w->rc == IZDE_OK && len && path[0] == '/')
        w->rc = izde_buf_adds(&w->val, "file://");
    for (size_t i = 0; w->rc == IZDE_OK && i < len; i++) {
        unsigned char c = (unsigned char)path[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            (c && strchr("-._~/", c)))
            w->rc = izde_buf_addc(&w->val, (char)c);
        else
            w->rc = izde_buf_addf(&w->val, "%%%c%c", hex[c >> 4], hex[c & 15]);
    }
}

/* The title to cite: the record's, else the file's name (what a
 * librarian would write for an untitled file; nothing is made up). */
static void title_of(const struct izde_docdata *d, const char **s, size_t *len)
{
    if (SR_FIELD_SET(d->title, d->title_len)) {
        *s = d->title;
        *len = d->title_len;
        return;
    }
    size_t from = d->path_len;
    while (from > 0 && d->path[from - 1] != '/')
        from--;
    *s = d->path ? d->path + from : "";
    *len = d->path ? d->path_len - from : 0;
}

static int is_article(const struct izde_docdata *d)
{
    return SR_FIELD_SET(d->journal, d->journal_len);
}

/* ---- BibTeX ---- */

/* Appends w->val as the inside of a braced BibTeX value. UTF-8 is kept
 * (biber and bibtexparser read it). LaTeX's special characters are
 * escaped, and braces become \textbrace... commands: BibTeX counts every
 * brace, escaped or not, to find the end of a value, so an unbalanced
 * "\{" would still end it early. */
static void bib_val(struct writer *w)
{
    for (size_t i = 0; i < w->val.len; i++) {
        char c = w->val.p[i];
        switch (c) {
        case '\\':
            put_str(w, "\\textbackslash{}");
            break;
        case '{':
            put_str(w, "\\textbraceleft{}");
            break;
        case '}':
            put_str(w, "\\textbraceright{}");
            break;
        case '~':
            put_str(w, "\\textasciitilde{}");
            break;
        case '^':
            put_str(w, "\\textasciicircum{}");
            break;
        case '&':
        case '%':
        case '$':
        case '#':
        case '_':
            put(w, "\\", 1);
            put(w, &c, 1);
            break;
        default:
            put(w, &c, 1);
        }
    }
}

/* A verbatim value (url, doi: biblatex prints them as they are): only
 * what would break the braces is percent-encoded. */
static void bib_verbatim(struct writer *w)
{
    for (size_t i = 0; i < w->val.len; i++) {
        char c = w->val.p[i];
        if (c == '{' || c == '}' || c == '\\') {
            char esc[4];
            static const char hex[] = "0123456789ABCDEF";
            esc[0] = '%';
            esc[1] = hex[(unsigned char)c >> 4];
            esc[2] = hex[c & 15];
            put(w, esc, 3);
        } else {
            put(w, &c, 1);
        }
    }
}

static void bib_field(struct writer *w, const char *name, const char *s, size_t len, int verbatim)
{
    if (!SR_FIELD_SET(s, len))
        return;
    clean(w, s, len);
    if (w->val.len == 0)
        return;
    put_str(w, ",\n  ");
    put_str(w, name);
    put_str(w, " = {");
    if (verbatim)
        bib_verbatim(w);
    else
        bib_val(w);
    put_str(w, "}");
}

/* author = {Асанова, Г.Т. and Осмонов, К.Т.} */
static void bib_authors(struct writer *w, const struct izde_docdata *d)
{
    const char *name, *given;
    size_t at = 0, len, family_len, given_len, n = 0;
    while (sr_field_next(d->authors, d->authors_len, &at, &name, &len)) {
        sr_field_name(name, len, &family_len, &given, &given_len);
        put_str(w, n++ ? " and " : ",\n  author = {");
        clean(w, name, family_len);
        bib_val(w);
        if (given_len) {
            put_str(w, ", ");
            clean(w, given, given_len);
            bib_val(w);
        }
    }
    if (n)
        put_str(w, "}");
}

/* keywords = {a, b}: biblatex's list separator is the comma. */
static void bib_keywords(struct writer *w, const struct izde_docdata *d)
{
    const char *kw;
    size_t at = 0, len, n = 0;
    while (sr_field_next(d->keywords, d->keywords_len, &at, &kw, &len)) {
        put_str(w, n++ ? ", " : ",\n  keywords = {");
        clean(w, kw, len);
        bib_val(w);
    }
    if (n)
        put_str(w, "}");
}

static void bibtex(struct writer *w, const struct izde_docdata *d, const char *key)
{
    const char *title;
    size_t title_len;
    unsigned first, last;
    title_of(d, &title, &title_len);
    put_str(w, is_article(d) ? "@article{" : "@misc{");
    put_str(w, key);
    bib_field(w, "title", title, title_len, 0);
    bib_authors(w, d);
    bib_field(w, "journal", d->journal, d->journal_len, 0);
    bib_field(w, "year", d->year, d->year_len, 0);
    bib_field(w, "number", d->issue, d->issue_len, 0);
    if (sr_field_pages(d, &first, &last)) {
        char pages[32];
        int n = first == last ? snprintf(pages, sizeof(pages), "%u", first)
                              : snprintf(pages, sizeof(pages), "%u--%u", first, last);
        bib_field(w, "pages", pages, (size_t)n, 0);
    }
    bib_field(w, "doi", d->doi, d->doi_len, 1);
    bib_keywords(w, d);
    bib_field(w, "abstract", d->abstract, d->abstract_len, 0);
    bib_field(w, "udc", d->udc, d->udc_len, 0);
    bib_field(w, "language", d->lang, d->lang_len, 0);
    file_url(w, d->path, d->path_len);
    put_str(w, ",\n  url = {");
    bib_verbatim(w);
    put_str(w, "}\n}\n");
}

/* ---- RIS ---- */

/* "TI  - value": RIS has no escapes; a value only has to stay on its
 * line, which clean sees to. */
static void ris_tag(struct writer *w, const char *tag, const char *s, size_t len)
{
    if (!SR_FIELD_SET(s, len))
        return;
    clean(w, s, len);
    if (w->val.len == 0)
        return;
    put_str(w, tag);
    put_str(w, "  - ");
    put(w, w->val.p ? w->val.p : "", w->val.len);
    put_str(w, "\n");
}

static void ris(struct writer *w, const struct izde_docdata *d, const char *key)
{
    const char *title, *item, *given;
    size_t title_len, at = 0, len, family_len, given_len;
    unsigned first, last;
    char num[16];
    title_of(d, &title, &title_len);
    put_str(w, is_article(d) ? "TY  - JOUR\n" : "TY  - GEN\n");
    ris_tag(w, "ID", key, strlen(key));
    ris_tag(w, "TI", title, title_len);
    while (sr_field_next(d->authors, d->authors_len, &at, &item, &len)) {
        /* "Family, Given", as RIS asks for. */
        sr_field_name(item, len, &family_len, &given, &given_len);
        struct izde_buf name = IZDE_BUF_INIT;
        izde_buf_add(&name, item, family_len);
        if (given_len) {
            izde_buf_adds(&name, ", ");
            izde_buf_add(&name, given, given_len);
        }
        if (!name.p && w->rc == IZDE_OK)
            w->rc = IZDE_ERR_NOMEM;
        ris_tag(w, "AU", name.p, name.len);
        izde_buf_release(&name);
    }
    ris_tag(w, "PY", d->year, d->year_len);
    ris_tag(w, "T2", d->journal, d->journal_len);
    ris_tag(w, "IS", d->issue, d->issue_len);
    if (sr_field_pages(d, &first, &last)) {
        ris_tag(w, "SP", num, (size_t)snprintf(num, sizeof(num), "%u", first));
        ris_tag(w, "EP", num, (size_t)snprintf(num, sizeof(num), "%u", last));
    }
    ris_tag(w, "DO", d->doi, d->doi_len);
    at = 0;
    while (sr_field_next(d->keywords, d->keywords_len, &at, &item, &len))
        ris_tag(w, "KW", item, len);
    ris_tag(w, "AB", d->abstract, d->abstract_len);
    ris_tag(w, "CN", d->udc, d->udc_len);
    ris_tag(w, "LA", d->lang, d->lang_len);
    file_url(w, d->path, d->path_len);
    put_str(w, "UR  - ");
    put(w, w->val.p ? w->val.p : "", w->val.len);
    put_str(w, "\nER  - \n");
}

/* ---- CSL-JSON ---- */

static void json_val(struct writer *w)
{
    if (w->rc == IZDE_OK)
        w->rc = izde_json_escape_bytes(w->out, w->val.p ? w->val.p : "", w->val.len);
}

static void csl_field(struct writer *w, const char *name, const char *s, size_t len)
{
    if (!SR_FIELD_SET(s, len))
        return;
    clean(w, s, len);
    if (w->val.len == 0)
        return;
    put_str(w, ",\"");
    put_str(w, name);
    put_str(w, "\":");
    json_val(w);
}

/* "author":[{"family":"Асанова","given":"Г.Т."},...] */
static void csl_authors(struct writer *w, const struct izde_docdata *d)
{
    const char *name, *given;
    size_t at = 0, len, family_len, given_len, n = 0;
    while (sr_field_next(d->authors, d->authors_len, &at, &name, &len)) {
        sr_field_name(name, len, &family_len, &given, &given_len);
        put_str(w, n++ ? ",{\"family\":" : ",\"author\":[{\"family\":");
        clean(w, name, family_len);
        json_val(w);
        if (given_len) {
            put_str(w, ",\"given\":");
            clean(w, given, given_len);
            json_val(w);
        }
        put_str(w, "}");
    }
    if (n)
        put_str(w, "]");
}

/* "keyword":"a, b": CSL keeps keywords as one string. */
static void csl_keywords(struct writer *w, const struct izde_docdata *d)
{
    struct izde_buf all = IZDE_BUF_INIT;
    const char *kw;
    size_t at = 0, len;
    while (sr_field_next(d->keywords, d->keywords_len, &at, &kw, &len)) {
        if (all.len)
            izde_buf_adds(&all, ", ");
        izde_buf_add(&all, kw, len);
    }
    if (at && !all.p && w->rc == IZDE_OK)
        w->rc = IZDE_ERR_NOMEM;
    csl_field(w, "keyword", all.p, all.len);
    izde_buf_release(&all);
}

static void csl(struct writer *w, const struct izde_docdata *d, const char *key)
{
    const char *title;
    size_t title_len;
    unsigned first, last, year = sr_field_year(d);
    char num[64];
    title_of(d, &title, &title_len);
    put_str(w, "{\"id\":");
    clean(w, key, strlen(key));
    json_val(w);
    put_str(w, is_article(d) ? ",\"type\":\"article-journal\"" : ",\"type\":\"document\"");
    csl_field(w, "title", title, title_len);
    csl_authors(w, d);
    if (year) {
        snprintf(num, sizeof(num), ",\"issued\":{\"date-parts\":[[%u]]}", year);
        put_str(w, num);
    }
    csl_field(w, "container-title", d->journal, d->journal_len);
    csl_field(w, "issue", d->issue, d->issue_len);
    if (sr_field_pages(d, &first, &last)) {
        int n = first == last ? snprintf(num, sizeof(num), "%u", first)
                              : snprintf(num, sizeof(num), "%u-%u", first, last);
        csl_field(w, "page", num, (size_t)n);
    }
    csl_field(w, "DOI", d->doi, d->doi_len);
    csl_keywords(w, d);
    csl_field(w, "abstract", d->abstract, d->abstract_len);
    /* CSL has no field for a classification; libraries file it as the
     * call number. */
    csl_field(w, "call-number", d->udc, d->udc_len);
    csl_field(w, "language", d->lang, d->lang_len);
    file_url(w, d->path, d->path_len);
    put_str(w, ",\"URL\":");
    json_val(w);
    put_str(w, "}");
}

izde_status_t sr_cite(struct izde_buf *out, enum sr_cite_format f, const struct izde_docdata *d,
                      const char *key)
{
    struct writer w = { .out = out, .val = IZDE_BUF_INIT, .rc = IZDE_OK };
    switch (f) {
    case SR_CITE_BIBTEX:
        bibtex(&w, d, key);
        break;
    case SR_CITE_RIS:
        ris(&w, d, key);
        break;
    case SR_CITE_CSL_JSON:
        csl(&w, d, key);
        break;
    }
    izde_buf_release(&w.val);
    return w.rc;
}
