/* article_json.c - an article's fields as one JSON object, in the schema of the articles evaluation. */
#include "extract/article.h"

#include <stdio.h>
#include <string.h>

static izde_status_t str(struct izde_buf *o, const char *s)
{
    if (izde_buf_addc(o, '"') != IZDE_OK)
        return IZDE_ERR_NOMEM;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        izde_status_t st;
        if (*p == '"' || *p == '\\') {
            char e[2] = {'\\', (char)*p};
            st = izde_buf_add(o, e, 2);
        } else if (*p < 0x20) {
            st = izde_buf_addf(o, "\\u%04x", *p);
        } else {
            st = izde_buf_addc(o, (char)*p);
        }
        if (st != IZDE_OK)
            return IZDE_ERR_NOMEM;
    }
    return izde_buf_addc(o, '"') == IZDE_OK ? IZDE_OK : IZDE_ERR_NOMEM;
}

/* ,"key": */
static izde_status_t key(struct izde_buf *o, int *first, const char *k)
{
    if (!*first && izde_buf_addc(o, ',') != IZDE_OK)
        return IZDE_ERR_NOMEM;
    *first = 0;
    if (str(o, k) != IZDE_OK || izde_buf_addc(o, ':') != IZDE_OK)
        return IZDE_ERR_NOMEM;
    return IZDE_OK;
}

static int any_lang(char *const v[IZDE_ART_NLANG])
{
    for (int l = 0; l < IZDE_ART_NLANG; l++)
        if (v[l])
            return 1;
    return 0;
}

static izde_status_t per_lang(struct izde_buf *o, int *first, const char *k,
                              char *const v[IZDE_ART_NLANG])
{
    if (!any_lang(v))
        return IZDE_OK;
    if (key(o, first, k) != IZDE_OK || izde_buf_addc(o, '{') != IZDE_OK)
        return IZDE_ERR_NOMEM;
    int f = 1;
    for (int l = 0; l < IZDE_ART_NLANG; l++)
        if (v[l] && (key(o, &f, izde_art_lang_code(l)) != IZDE_OK || str(o, v[l]) != IZDE_OK))
            return IZDE_ERR_NOMEM;
    return izde_buf_addc(o, '}') == IZDE_OK ? IZDE_OK : IZDE_ERR_NOMEM;
}

static izde_status_t where(struct izde_buf *o, int *first, const char *k, struct izde_art_src s)
{
    if (!s.page)
        return IZDE_OK;
    if (key(o, first, k) != IZDE_OK ||
        izde_buf_addf(o, "{\"page\":%u,\"line\":%u}", s.page, s.line) != IZDE_OK)
        return IZDE_ERR_NOMEM;
    return IZDE_OK;
}

static izde_status_t explain(const struct izde_article *a, struct izde_buf *o)
{
    int f = 1;
    char k[32];
    if (izde_buf_adds(o, ",\"where\":{") != IZDE_OK)
        return IZDE_ERR_NOMEM;
    izde_status_t st = IZDE_OK;
    if (a->lang != IZDE_LANG_OTHER)
        st = where(o, &f, "lang", a->lang_src);
    for (int l = 0; l < IZDE_ART_NLANG && st == IZDE_OK; l++) {
        const char *c = izde_art_lang_code(l);
        snprintf(k, sizeof(k), "title.%s", c);
        if (a->title[l] && (st = where(o, &f, k, a->title_src[l])) != IZDE_OK)
            break;
        snprintf(k, sizeof(k), "abstract.%s", c);
        if (a->abstract[l] && (st = where(o, &f, k, a->abstract_src[l])) != IZDE_OK)
            break;
        snprintf(k, sizeof(k), "keywords.%s", c);
        if (a->keywords[l])
            st = where(o, &f, k, a->keywords_src[l]);
    }
    for (size_t i = 0; i < a->nauthors && st == IZDE_OK; i++) {
        snprintf(k, sizeof(k), "authors.%zu", i);
        st = where(o, &f, k, a->authors[i].src);
    }
    if (st == IZDE_OK && a->udc)
        st = where(o, &f, "udc", a->udc_src);
    if (st == IZDE_OK && a->doi)
        st = where(o, &f, "doi", a->doi_src);
    if (st == IZDE_OK && a->year)
        st = where(o, &f, "year", a->year_src);
    if (st == IZDE_OK && a->journal)
        st = where(o, &f, "journal", a->journal_src);
    if (st == IZDE_OK && a->issue)
        st = where(o, &f, "issue", a->issue_src);
    if (st == IZDE_OK && a->page_first >= 0)
        st = where(o, &f, "pages", a->pages_src);
    if (st == IZDE_OK && a->references >= 0)
        st = where(o, &f, "references", a->references_src);
    if (st != IZDE_OK || izde_buf_addc(o, '}') != IZDE_OK)
        return IZDE_ERR_NOMEM;
    return IZDE_OK;
}

izde_status_t izde_article_json(const struct izde_article *a, const char *id, const char *path,
                                int explain_where, struct izde_buf *o)
{
    if (!a || !o)
        return IZDE_ERR_INVALID;
    int f = 1;
#define TRY(x) do { if ((x) != IZDE_OK) return IZDE_ERR_NOMEM; } while (0)
    TRY(izde_buf_addc(o, '{'));
    if (id) {
        TRY(key(o, &f, "id"));
        TRY(str(o, id));
    }
    if (path) {
        TRY(key(o, &f, "path"));
        TRY(str(o, path));
    }
    if (a->lang == IZDE_LANG_KY || a->lang == IZDE_LANG_RU || a->lang == IZDE_LANG_EN) {
        TRY(key(o, &f, "lang"));
        TRY(str(o, izde_lang_code(a->lang)));
    }
    TRY(per_lang(o, &f, "title", a->title));
    if (a->nauthors) {
        TRY(key(o, &f, "authors"));
        TRY(izde_buf_addc(o, '['));
        for (size_t i = 0; i < a->nauthors; i++) {
            const struct izde_art_author *au = &a->authors[i];
            int g = 1;
            if (i)
                TRY(izde_buf_addc(o, ','));
            TRY(izde_buf_addc(o, '{'));
            TRY(key(o, &g, "name"));
            TRY(str(o, au->name));
            if (au->affiliation) {
                TRY(key(o, &g, "affiliation"));
                TRY(str(o, au->affiliation));
            }
            if (au->email) {
                TRY(key(o, &g, "email"));
                TRY(str(o, au->email));
            }
            TRY(izde_buf_addc(o, '}'));
        }
        TRY(izde_buf_addc(o, ']'));
    }
    if (a->udc) {
        TRY(key(o, &f, "udc"));
        TRY(str(o, a->udc));
    }
    if (a->doi) {
        TRY(key(o, &f, "doi"));
        TRY(str(o, a->doi));
    }
    if (a->year) {
        TRY(key(o, &f, "year"));
        TRY(izde_buf_addf(o, "%d", a->year));
    }
    if (a->journal) {
        TRY(key(o, &f, "journal"));
        TRY(str(o, a->journal));
    }
    if (a->issue) {
        TRY(key(o, &f, "issue"));
        TRY(str(o, a->issue));
    }
    TRY(per_lang(o, &f, "abstract", a->abstract));
    int kw = 0;
    for (int l = 0; l < IZDE_ART_NLANG; l++)
        kw |= a->nkeywords[l] > 0;
    if (kw) {
        TRY(key(o, &f, "keywords"));
        TRY(izde_buf_addc(o, '{'));
        int g = 1;
        for (int l = 0; l < IZDE_ART_NLANG; l++) {
            if (!a->nkeywords[l])
                continue;
            TRY(key(o, &g, izde_art_lang_code(l)));
            TRY(izde_buf_addc(o, '['));
            for (size_t k = 0; k < a->nkeywords[l]; k++) {
                if (k)
                    TRY(izde_buf_addc(o, ','));
                TRY(str(o, a->keywords[l][k]));
            }
            TRY(izde_buf_addc(o, ']'));
        }
        TRY(izde_buf_addc(o, '}'));
    }
    if (a->page_first >= 0) {
        TRY(key(o, &f, "pages"));
        TRY(izde_buf_addf(o, "{\"first\":%ld,\"last\":%ld}", a->page_first, a->page_last));
    }
    if (a->references >= 0) {
        TRY(key(o, &f, "references"));
        TRY(izde_buf_addf(o, "%ld", a->references));
    }
    if (explain_where)
        TRY(explain(a, o));
    TRY(izde_buf_addc(o, '}'));
#undef TRY
    return IZDE_OK;
}
