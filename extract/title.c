/* title.c - a document's title, author and date: cleaned and capped, the header of its text, and the title that is stored (ix_extract_title). */
#include "extract/title.h"

#include <string.h>

#include "text/text.h"
#include "extract/textout.h"

/* Makes metadata one clean line: valid UTF-8, whitespace collapsed. */
static izde_status_t clean_line(struct izde_buf *b, struct izde_buf *tmp)
{
    izde_buf_clear(tmp);
    izde_status_t rc = IZDE_OK;
    if (izde_text_utf8_check(b->p ? b->p : "", b->len, NULL) > 0) {
        size_t nbad;
        rc = izde_text_utf8_repair(b->p, b->len, tmp, &nbad);
        if (rc != IZDE_OK)
            return rc;
        izde_buf_clear(b);
        rc = izde_buf_add(b, tmp->p, tmp->len);
        izde_buf_clear(tmp);
    }
    struct ix_textout t;
    ix_textout_start(&t, tmp);
    if (rc == IZDE_OK && b->len)
        rc = ix_textout_add(&t, b->p, b->len, 1);
    izde_buf_clear(b);
    if (rc == IZDE_OK && tmp->len)
        rc = izde_buf_add(b, tmp->p, tmp->len);
    return rc;
}

/* Cuts a metadata field to IX_META_MAX bytes at a character boundary,
 * with a note naming it. */
static void cap_meta(struct ix_extract *x, struct izde_buf *b, const char *name)
{
    if (b->len <= IX_META_MAX)
        return;
    size_t n = IX_META_MAX;
    while (n > 0 && ((unsigned char)b->p[n] & 0xC0) == 0x80)
        n--;
    b->len = n;
    b->p[n] = '\0';
    ix_note(x, "%s cut at %d KB", name, IX_META_MAX / 1024);
}

izde_status_t ix_meta_clean(struct ix_extract *x)
{
    izde_status_t rc = clean_line(&x->title, &x->raw);
    if (rc == IZDE_OK)
        rc = clean_line(&x->author, &x->raw);
    if (rc == IZDE_OK)
        rc = clean_line(&x->date, &x->raw);
    if (rc != IZDE_OK)
        return rc;
    cap_meta(x, &x->title, "title");
    cap_meta(x, &x->author, "author");
    cap_meta(x, &x->date, "date");
    return IZDE_OK;
}

izde_status_t ix_meta_header(struct ix_extract *x, const char *body, size_t blen)
{
    izde_status_t rc = IZDE_OK;
    izde_buf_clear(&x->text);
    size_t skipws = 0;
    while (skipws < blen && (body[skipws] == '\n' || body[skipws] == ' ' || body[skipws] == '\r'))
        skipws++;
    int title_dup = x->title.len && blen - skipws >= x->title.len &&
                    memcmp(body + skipws, x->title.p, x->title.len) == 0 &&
                    (blen - skipws == x->title.len || body[skipws + x->title.len] == '\n');
    if (x->title.len && !title_dup)
        rc = izde_buf_addf(&x->text, "%s\n", x->title.p);
    if (rc == IZDE_OK && x->author.len)
        rc = izde_buf_addf(&x->text, "%s\n", x->author.p);
    if (rc == IZDE_OK && x->text.len)
        rc = izde_buf_addc(&x->text, '\n');
    if (rc == IZDE_OK)
        rc = izde_buf_add(&x->text, body, blen);
    return rc;
}

void ix_extract_title(const struct ix_extract *x, const char **title, size_t *tlen)
{
    /* A title from the document's properties or its HTML <title> wins
     * (the reader took the first one it met); otherwise the first
     * non-empty line, trimmed and cut at a character boundary. */
    if (x->title.len) {
        *title = x->title.p;
        *tlen = x->title.len;
        return;
    }
    const char *s = x->text.p ? x->text.p : "";
    size_t len = x->text.len, i = 0;
    for (;;) {
        while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
            i++;
        size_t e = i;
        while (e < len && s[e] != '\n')
            e++;
        size_t end = e;
        while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r'))
            end--;
        if (end > i || e >= len) {
            if (end - i > IX_TITLE_MAX) {
                end = i + IX_TITLE_MAX;
                while (end > i && ((unsigned char)s[end] & 0xC0) == 0x80)
                    end--;
            }
            *title = s + i;
            *tlen = end - i;
            return;
        }
        i = e;
    }
}
