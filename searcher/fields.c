/* fields.c - an article record's fields in the shapes results and citations print. */
#include "searcher/fields.h"

int sr_field_next(const char *list, size_t len, size_t *at, const char **item, size_t *item_len)
{
    if (!list)
        return 0;
    while (*at < len) {
        size_t from = *at, to = from;
        while (to < len && list[to] != '\n')
            to++;
        *at = to < len ? to + 1 : to;
        size_t end = to;
        if (end > from && list[end - 1] == '\r')
            end--;
        if (end > from) {
            *item = list + from;
            *item_len = end - from;
            return 1;
        }
    }
    return 0;
}

/* Reads a page number of up to six digits at s[*i]; 0 when there is none. */
static unsigned page_number(const char *s, size_t len, size_t *i)
{
    unsigned n = 0;
    size_t digits = 0;
    while (*i < len && s[*i] >= '0' && s[*i] <= '9' && digits < 7) {
        n = n * 10 + (unsigned)(s[*i] - '0');
        (*i)++;
        digits++;
    }
    return digits && digits < 7 ? n : 0;
}

int sr_field_pages(const struct izde_docdata *d, unsigned *first, unsigned *last)
{
    const char *s = d->pages;
    size_t len = SR_FIELD_SET(d->pages, d->pages_len) ? d->pages_len : 0, i = 0;
    *first = *last = 0;
    unsigned a = page_number(s, len, &i), b = a;
    if (a && i < len) {
        /* "12-19"; an en dash is taken too, as a record might keep the
         * page range as printed. */
        if (s[i] == '-')
            i++;
        else if (len - i >= 3 && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
                 (unsigned char)s[i + 2] == 0x93)
            i += 3;
        else
            return 0;
        b = page_number(s, len, &i);
    }
    if (!a || !b || i != len || b < a)
        return 0;
    *first = a;
    *last = b;
    return 1;
}

unsigned sr_field_year(const struct izde_docdata *d)
{
    if (!SR_FIELD_SET(d->year, d->year_len) || d->year_len != 4)
        return 0;
    size_t i = 0;
    unsigned y = page_number(d->year, d->year_len, &i);
    return i == 4 && y >= 1000 ? y : 0;
}

void sr_field_name(const char *name, size_t len, size_t *family_len, const char **given,
                   size_t *given_len)
{
    size_t i = 0;
    while (i < len && name[i] != ' ')
        i++;
    *family_len = i;
    while (i < len && name[i] == ' ')
        i++;
    *given = name + i;
    *given_len = len - i;
}

izde_status_t sr_field_article_line(const struct izde_docdata *d, struct izde_buf *out)
{
    const char *item, *sep = "";
    size_t at = 0, len, n = 0;
    izde_status_t rc = IZDE_OK;
    while (rc == IZDE_OK && sr_field_next(d->authors, d->authors_len, &at, &item, &len)) {
        rc = izde_buf_addf(out, "%s%.*s", n++ ? ", " : "", (int)len, item);
        sep = " · ";
    }
    if (rc == IZDE_OK && SR_FIELD_SET(d->year, d->year_len)) {
        rc = izde_buf_addf(out, "%s%.*s", sep, (int)d->year_len, d->year);
        sep = " · ";
    }
    int journal = SR_FIELD_SET(d->journal, d->journal_len);
    if (rc == IZDE_OK && journal)
        rc = izde_buf_addf(out, "%s%.*s", sep, (int)d->journal_len, d->journal);
    if (rc == IZDE_OK && SR_FIELD_SET(d->issue, d->issue_len))
        rc = izde_buf_addf(out, "%s№ %.*s", journal ? ", " : sep, (int)d->issue_len, d->issue);
    return rc;
}
