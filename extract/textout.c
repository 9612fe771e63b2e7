/* textout.c - the text builder every reader writes through, how a reader says why a file was refused, and emptying what it reported. */
#include "extract/textout.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void set_why(struct ix_outcome *o, const char *fmt, va_list ap)
{
    char msg[512];
    vsnprintf(msg, sizeof(msg), fmt, ap);
    free(o->why);
    o->why = strdup(msg);
}

izde_status_t ix_fail(struct ix_outcome *o, izde_status_t st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_why(o, fmt, ap);
    va_end(ap);
    if (o->fate == IX_FATE_INDEXED)
        o->fate = IX_FATE_FAILED;
    return st;
}

izde_status_t ix_refuse(struct ix_outcome *o, enum ix_fate fate, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_why(o, fmt, ap);
    va_end(ap);
    o->fate = fate;
    /* The statuses the readers stopped with before outcomes existed, so
     * that their own callers (and the fuzz targets) see no change. */
    switch (fate) {
    case IX_FATE_EMPTY: return IZDE_ERR_INVALID;
    case IX_FATE_TOO_LARGE:
    case IX_FATE_UNSUPPORTED: return IZDE_ERR_UNSUPPORTED;
    case IX_FATE_CHANGED: return IZDE_ERR_IO;
    case IX_FATE_INDEXED:
    case IX_FATE_BINARY:
    case IX_FATE_FAILED:
    case IX_FATE_COUNT: break;
    }
    return IZDE_ERR_ENCODING;
}

void ix_note(struct ix_extract *x, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (x->notes.len)
        izde_buf_adds(&x->notes, "; ");
    izde_buf_adds(&x->notes, msg);
}

void ix_textout_start(struct ix_textout *t, struct izde_buf *out)
{
    t->out = out;
    t->pending = 0;
}

void ix_textout_break(struct ix_textout *t, int level)
{
    if (level > t->pending)
        t->pending = level;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static izde_status_t flush_pending(struct ix_textout *t)
{
    static const char *const seps[] = { "", " ", "\n", "\n\n" };
    izde_status_t rc = IZDE_OK;
    if (t->pending && t->out->len > 0)
        rc = izde_buf_adds(t->out, seps[t->pending]);
    t->pending = 0;
    return rc;
}

izde_status_t ix_textout_add(struct ix_textout *t, const char *s, size_t len, int collapse)
{
    izde_status_t rc = IZDE_OK;
    for (size_t i = 0; i < len && rc == IZDE_OK; i++) {
        char c = s[i];
        if (c == '\0')
            continue;
        if (is_space(c)) {
            if (collapse) {
                ix_textout_break(t, 1);
            } else {
                /* Significant whitespace (pre, DOCX w:t) is kept. */
                rc = flush_pending(t);
                if (rc == IZDE_OK)
                    rc = izde_buf_addc(t->out, c == '\r' ? '\n' : c == '\v' ? ' ' : c);
            }
            continue;
        }
        rc = flush_pending(t);
        size_t j = i + 1;
        while (j < len && !is_space(s[j]) && s[j] != '\0')
            j++;
        if (rc == IZDE_OK)
            rc = izde_buf_add(t->out, s + i, j - i);
        i = j - 1;
    }
    return rc;
}

void ix_extract_clear_report(struct ix_extract *x)
{
    izde_buf_clear(&x->title);
    izde_buf_clear(&x->author);
    izde_buf_clear(&x->date);
    izde_buf_clear(&x->notes);
    izde_buf_clear(&x->raw);
    izde_buf_clear(&x->ocr_each);
    x->pages = 0;
    x->ocr_pages = x->ocr_cached = x->ocr_ms = x->ocr_conf = 0;
}
