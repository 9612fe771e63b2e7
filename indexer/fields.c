/* fields.c - an article's fields into its document: field terms, values, the weight of title, keyword and abstract words, and the record's fields. */
#include "indexer/fields.h"

#include <stdio.h>
#include <string.h>
#include "text/text.h"

/* Between two pieces of one field (the Kyrgyz and the Russian title), so
 * that a phrase does not run from one into the other. */
#define PIECE_GAP 8

void ix_fields_init(struct ix_fields *f)
{
    memset(f, 0, sizeof(*f));
    izde_article_init(&f->art);
}

void ix_fields_release(struct ix_fields *f)
{
    izde_article_release(&f->art);
    izde_buf_release(&f->record);
    izde_buf_release(&f->term);
    izde_buf_release(&f->list);
}

static int field_term(const struct izde_term *t, void *closure)
{
    struct ix_fields *f = closure;
    izde_status_t rc = IZDE_OK;
    if (f->weight)
        rc = izde_doc_add_term(f->doc, t->text, t->len, f->weight);
    size_t plen = f->prefix ? strlen(f->prefix) : 0;
    /* A term too long with its prefix is left out of the field only; the
     * body has it. */
    if (rc == IZDE_OK && f->prefix && plen + t->len <= IZDE_MAX_TERM_LEN) {
        izde_buf_clear(&f->term);
        if (izde_buf_add(&f->term, f->prefix, plen) != IZDE_OK ||
            izde_buf_add(&f->term, t->text, t->len) != IZDE_OK)
            rc = IZDE_ERR_NOMEM;
        else if (t->positional)
            rc = izde_doc_add_posting(f->doc, f->term.p, f->term.len, t->pos);
        else
            rc = izde_doc_add_term(f->doc, f->term.p, f->term.len, 1);
    }
    if (rc != IZDE_OK) {
        f->rc = rc;
        return 1;
    }
    return 0;
}

/* Analyses one piece of a field (text, NUL-terminated, may be NULL) as
 * body text is, in the language lang the article states for it
 * (IZDE_ART_NLANG: none, then it is identified): its terms go in with
 * prefix (NULL: none) and the body's words gain weight. *pos runs on over
 * the field's pieces. */
static izde_status_t analyse_piece(struct ix_fields *f, izde_analyzer_t *an, const char *prefix,
                                   uint32_t weight, const char *text, enum izde_art_lang lang,
                                   uint32_t *pos)
{
    if (!text || !*text)
        return IZDE_OK;
    f->prefix = prefix;
    f->weight = weight;
    f->rc = IZDE_OK;
    izde_status_t rc =
        lang < IZDE_ART_NLANG
            ? izde_analyze_text_in(an, text, strlen(text),
                                   izde_lang_from_code(izde_art_lang_code(lang)), pos,
                                   field_term, f)
            : izde_analyze_text(an, text, strlen(text), pos, NULL, field_term, f);
    *pos += PIECE_GAP;
    return f->rc != IZDE_OK ? f->rc : rc;
}

static izde_status_t add_code_term(struct ix_fields *f, const char *prefix, const char *s,
                                   size_t len)
{
    if (!len || strlen(prefix) + len > IZDE_MAX_TERM_LEN)
        return IZDE_OK;
    izde_buf_clear(&f->term);
    if (izde_buf_adds(&f->term, prefix) != IZDE_OK || izde_buf_add(&f->term, s, len) != IZDE_OK)
        return IZDE_ERR_NOMEM;
    return izde_doc_add_term(f->doc, f->term.p, f->term.len, 0);
}

static int udc_char(char c)
{
    return (c >= '0' && c <= '9') || c == '.';
}

/* The УДК code: U + each leading dotted part of every code in it
 * ("372.8:811.512.154" gives U372, U372.8, U811, U811.512, U811.512.154),
 * so that udc:37 finds 37.015.3; its top level (the digits before the
 * first dot of the first code) goes to the value for facets. */
static izde_status_t add_udc(struct ix_fields *f, const char *udc)
{
    izde_status_t rc = IZDE_OK;
    size_t n = strlen(udc);
    int first = 1;
    for (size_t i = 0; rc == IZDE_OK && i < n;) {
        if (udc[i] < '0' || udc[i] > '9') {
            i++;
            continue;
        }
        size_t start = i, end = i;
        while (end < n && udc_char(udc[end]))
            end++;
        i = end;
        while (udc[end - 1] == '.')
            end--;
        for (size_t j = start + 1; rc == IZDE_OK && j <= end; j++)
            if (j == end || udc[j] == '.')
                rc = add_code_term(f, IZDE_PREFIX_UDC, udc + start, j - start);
        if (rc == IZDE_OK && first) {
            size_t top = start;
            while (top < end && udc[top] != '.')
                top++;
            rc = izde_doc_set_value(f->doc, IZDE_SLOT_UDC, udc + start, top - start);
            first = 0;
        }
    }
    return rc;
}

/* Appends one value of a list slot unless the list has it already (a
 * keyword printed twice counts once). */
static izde_status_t list_add(struct izde_buf *list, const char *s, size_t len)
{
    if (!len)
        return IZDE_OK;
    for (size_t i = 0; i < list->len;) {
        const char *end = memchr(list->p + i, IZDE_VALUE_LIST_SEP, list->len - i);
        size_t n = (size_t)(end - (list->p + i));
        if (n == len && memcmp(list->p + i, s, len) == 0)
            return IZDE_OK;
        i += n + 1;
    }
    if (izde_buf_add(list, s, len) != IZDE_OK || izde_buf_addc(list, IZDE_VALUE_LIST_SEP) != IZDE_OK)
        return IZDE_ERR_NOMEM;
    return IZDE_OK;
}

/* The record's strings are appended to f->record one after another; each
 * field is fixed to its place once the buffer stops moving. */
struct rec_field {
    const char **p;
    size_t *len;
    size_t off, n;
};

static izde_status_t rec_add(struct ix_fields *f, struct rec_field *r, const char **p,
                             size_t *len, const char *s)
{
    *r = (struct rec_field){ p, len, f->record.len, s ? strlen(s) : 0 };
    return s ? izde_buf_adds(&f->record, s) : IZDE_OK;
}

/* The body language's piece of a per-language field, else the first. */
static const char *in_lang(char *const *by_lang, enum izde_art_lang body)
{
    if (body < IZDE_ART_NLANG && by_lang[body])
        return by_lang[body];
    for (int l = 0; l < IZDE_ART_NLANG; l++)
        if (by_lang[l])
            return by_lang[l];
    return NULL;
}

static izde_status_t add_values(struct ix_fields *f, const struct izde_article *a, const char *lang)
{
    izde_doc_t *doc = f->doc;
    char num[16];
    izde_status_t rc = izde_doc_set_value(doc, IZDE_SLOT_LANG, lang, strlen(lang));
    if (rc == IZDE_OK && a->year > 0 && a->year <= 9999) {
        int n = snprintf(num, sizeof(num), "%04d", a->year);
        rc = izde_doc_set_value(doc, IZDE_SLOT_YEAR, num, (size_t)n);
        if (rc == IZDE_OK)
            rc = add_code_term(f, IZDE_PREFIX_YEAR, num, (size_t)n);
    }
    if (rc == IZDE_OK && a->page_first >= 0) {
        size_t n = izde_sortable_u64((uint64_t)a->page_first, num);
        rc = izde_doc_set_value(doc, IZDE_SLOT_PAGE, num, n);
    }
    if (rc == IZDE_OK && a->journal)
        rc = izde_doc_set_value(doc, IZDE_SLOT_JOURNAL, a->journal, strlen(a->journal));
    if (rc == IZDE_OK && a->udc)
        rc = add_udc(f, a->udc);
    if (rc == IZDE_OK && a->doi) {
        izde_buf_clear(&f->list);
        for (const char *s = a->doi; rc == IZDE_OK && *s; s++)
            rc = izde_buf_addc(&f->list, *s >= 'A' && *s <= 'Z' ? (char)(*s + 'a' - 'A') : *s);
        if (rc == IZDE_OK)
            rc = add_code_term(f, IZDE_PREFIX_DOI, f->list.p, f->list.len);
    }
    izde_buf_clear(&f->list);
    for (size_t i = 0; rc == IZDE_OK && i < a->nauthors; i++)
        rc = list_add(&f->list, a->authors[i].name, strlen(a->authors[i].name));
    if (rc == IZDE_OK && f->list.len)
        rc = izde_doc_set_value(doc, IZDE_SLOT_AUTHORS, f->list.p, f->list.len);
    /* Keywords lower-cased into term (scratch) and collected in list. */
    izde_buf_clear(&f->list);
    for (int l = 0; rc == IZDE_OK && l < IZDE_ART_NLANG; l++)
        for (size_t k = 0; rc == IZDE_OK && k < a->nkeywords[l]; k++) {
            izde_buf_clear(&f->term);
            rc = izde_text_lower(a->keywords[l][k], strlen(a->keywords[l][k]), &f->term);
            if (rc == IZDE_OK)
                rc = list_add(&f->list, f->term.p, f->term.len);
        }
    if (rc == IZDE_OK && f->list.len)
        rc = izde_doc_set_value(doc, IZDE_SLOT_KEYWORDS, f->list.p, f->list.len);
    return rc;
}

static izde_status_t add_terms(struct ix_fields *f, izde_analyzer_t *an,
                               const struct izde_article *a, const struct ix_extract *x)
{
    izde_status_t rc = IZDE_OK;
    uint32_t pos = 0;
    int titled = 0;
    for (int l = 0; rc == IZDE_OK && l < IZDE_ART_NLANG; l++) {
        titled |= a->title[l] != NULL;
        rc = analyse_piece(f, an, IZDE_PREFIX_TITLE, IX_WEIGHT_TITLE, a->title[l],
                           (enum izde_art_lang)l, &pos);
    }
    /* A title from the document's properties is searchable as one, but
     * gains no weight: it is as often a file name as a title. */
    if (rc == IZDE_OK && !titled && x->title.len)
        rc = analyse_piece(f, an, IZDE_PREFIX_TITLE, 0, x->title.p, IZDE_ART_NLANG, &pos);
    /* Each keyword a piece, in its list's language: kw:"a b" matches one
     * keyword, never the end of one and the start of the next. */
    pos = 0;
    for (int l = 0; l < IZDE_ART_NLANG; l++)
        for (size_t k = 0; rc == IZDE_OK && k < a->nkeywords[l]; k++)
            rc = analyse_piece(f, an, IZDE_PREFIX_KEYWORD, IX_WEIGHT_KEYWORDS, a->keywords[l][k],
                               (enum izde_art_lang)l, &pos);
    pos = 0;
    for (int l = 0; rc == IZDE_OK && l < IZDE_ART_NLANG; l++)
        rc = analyse_piece(f, an, NULL, IX_WEIGHT_ABSTRACT, a->abstract[l], (enum izde_art_lang)l,
                           &pos);
    /* Names and the journal's name: no language of their own. */
    pos = 0;
    for (size_t i = 0; rc == IZDE_OK && i < a->nauthors; i++)
        rc = analyse_piece(f, an, IZDE_PREFIX_AUTHOR, 0, a->authors[i].name, IZDE_ART_NLANG,
                           &pos);
    if (rc == IZDE_OK && !a->nauthors && x->author.len)
        rc = analyse_piece(f, an, IZDE_PREFIX_AUTHOR, 0, x->author.p, IZDE_ART_NLANG, &pos);
    pos = 0;
    if (rc == IZDE_OK)
        rc = analyse_piece(f, an, IZDE_PREFIX_JOURNAL, 0, a->journal, IZDE_ART_NLANG, &pos);
    return rc;
}

/* The record's article fields, in f->record. */
static izde_status_t add_record(struct ix_fields *f, const struct izde_article *a,
                                enum izde_art_lang body, struct izde_docdata *dd)
{
    struct rec_field r[11];
    size_t nr = 0;
    char num[48];
    izde_buf_clear(&f->record);
    izde_status_t rc = IZDE_OK;
    const char *title = in_lang(a->title, body);
    if (title)
        rc = rec_add(f, &r[nr++], &dd->title, &dd->title_len, title);
    /* Lists: a value a line. */
    struct rec_field *authors = &r[nr++];
    *authors = (struct rec_field){ &dd->authors, &dd->authors_len, f->record.len, 0 };
    for (size_t i = 0; rc == IZDE_OK && i < a->nauthors; i++)
        rc = izde_buf_addf(&f->record, "%s%s", i ? "\n" : "", a->authors[i].name);
    authors->n = f->record.len - authors->off;
    struct rec_field *kws = &r[nr++];
    *kws = (struct rec_field){ &dd->keywords, &dd->keywords_len, f->record.len, 0 };
    for (int l = 0; l < IZDE_ART_NLANG; l++)
        for (size_t k = 0; rc == IZDE_OK && k < a->nkeywords[l]; k++)
            rc = izde_buf_addf(&f->record, "%s%s", f->record.len > kws->off ? "\n" : "",
                               a->keywords[l][k]);
    kws->n = f->record.len - kws->off;
    if (rc == IZDE_OK && a->year > 0) {
        snprintf(num, sizeof(num), "%d", a->year);
        rc = rec_add(f, &r[nr++], &dd->year, &dd->year_len, num);
    }
    if (rc == IZDE_OK && a->page_first >= 0) {
        if (a->page_last > a->page_first)
            snprintf(num, sizeof(num), "%ld-%ld", a->page_first, a->page_last);
        else
            snprintf(num, sizeof(num), "%ld", a->page_first);
        rc = rec_add(f, &r[nr++], &dd->pages, &dd->pages_len, num);
    }
    if (rc == IZDE_OK)
        rc = rec_add(f, &r[nr++], &dd->journal, &dd->journal_len, a->journal);
    if (rc == IZDE_OK)
        rc = rec_add(f, &r[nr++], &dd->issue, &dd->issue_len, a->issue);
    if (rc == IZDE_OK)
        rc = rec_add(f, &r[nr++], &dd->doi, &dd->doi_len, a->doi);
    if (rc == IZDE_OK)
        rc = rec_add(f, &r[nr++], &dd->udc, &dd->udc_len, a->udc);
    if (rc == IZDE_OK)
        rc = rec_add(f, &r[nr++], &dd->abstract, &dd->abstract_len, in_lang(a->abstract, body));
    for (size_t i = 0; rc == IZDE_OK && i < nr; i++) {
        *r[i].p = r[i].n ? f->record.p + r[i].off : NULL;
        *r[i].len = r[i].n;
    }
    return rc;
}

izde_status_t ix_fields_add(struct ix_fields *f, izde_analyzer_t *an, const struct ix_extract *x,
                            const char *lang, izde_doc_t *doc, struct izde_docdata *dd)
{
    struct izde_article *a = &f->art;
    f->doc = doc;
    izde_status_t rc = izde_article_read_fields(x->text.p, x->text.len, a);
    enum izde_art_lang body = IZDE_ART_NLANG;
    for (int l = 0; l < IZDE_ART_NLANG; l++)
        if (strcmp(izde_art_lang_code((enum izde_art_lang)l), lang) == 0)
            body = (enum izde_art_lang)l;
    if (rc == IZDE_OK)
        rc = add_values(f, a, lang);
    if (rc == IZDE_OK)
        rc = add_terms(f, an, a, x);
    if (rc == IZDE_OK)
        rc = add_record(f, a, body, dd);
    f->doc = NULL;
    return rc;
}
