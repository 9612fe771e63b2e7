/* wire.c - writing and reading the izde-extract helper's answer (protocol in wire.h), with the status and fate code tables. */
#include "extract/wire.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Version 2's status codes: the numbers izde_status_t had when the enum's
 * order was the protocol, now written down so that they stay. */
static const struct {
    izde_status_t st;
    int code;
} status_codes[] = {
    { IZDE_OK, 0 },
    { IZDE_ERR_NOMEM, 1 },
    { IZDE_ERR_INVALID, 2 },
    { IZDE_ERR_IO, 3 },
    { IZDE_ERR_NOT_FOUND, 4 },
    { IZDE_ERR_UNSUPPORTED, 5 },
    { IZDE_ERR_ENCODING, 6 },
    { IZDE_ERR_ICU, 7 },
    { IZDE_ERR_DB, 8 },
    { IZDE_ERR_DB_OPEN, 9 },
    { IZDE_ERR_DB_LOCKED, 10 },
    { IZDE_ERR_DB_CORRUPT, 11 },
    { IZDE_ERR_DB_MODIFIED, 12 },
    { IZDE_ERR_DB_VERSION, 13 },
    { IZDE_ERR_QUERY, 14 },
    { IZDE_ERR_INTERNAL, 15 },
    { IZDE_ERR_INTERRUPTED, 16 },
    { IZDE_ERR_NO_SPACE, 17 },
};

static const struct {
    enum ix_fate fate;
    int code;
} fate_codes[] = {
    { IX_FATE_INDEXED, 0 },
    { IX_FATE_EMPTY, 1 },
    { IX_FATE_TOO_LARGE, 2 },
    { IX_FATE_UNSUPPORTED, 3 },
    { IX_FATE_CHANGED, 4 },
    { IX_FATE_BINARY, 5 },
    { IX_FATE_FAILED, 6 },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

int ix_wire_status_code(izde_status_t st)
{
    for (size_t i = 0; i < COUNT(status_codes); i++)
        if (status_codes[i].st == st)
            return status_codes[i].code;
    return ix_wire_status_code(IZDE_ERR_INTERNAL);
}

izde_status_t ix_wire_status(int code)
{
    for (size_t i = 0; i < COUNT(status_codes); i++)
        if (status_codes[i].code == code)
            return status_codes[i].st;
    return IZDE_ERR_INTERNAL;
}

int ix_wire_fate_code(enum ix_fate fate)
{
    for (size_t i = 0; i < COUNT(fate_codes); i++)
        if (fate_codes[i].fate == fate)
            return fate_codes[i].code;
    return ix_wire_fate_code(IX_FATE_FAILED);
}

enum ix_fate ix_wire_fate(int code)
{
    for (size_t i = 0; i < COUNT(fate_codes); i++)
        if (fate_codes[i].code == code)
            return fate_codes[i].fate;
    return IX_FATE_FAILED;
}

/* ------------------------------------------------------------ writing */

static izde_status_t field(struct izde_buf *out, const char *tag, const char *v, size_t len)
{
    izde_status_t rc = izde_buf_addf(out, "%s %zu\n", tag, len);
    if (rc == IZDE_OK)
        rc = izde_buf_add(out, v ? v : "", len);
    return rc == IZDE_OK ? izde_buf_addc(out, '\n') : rc;
}

static izde_status_t field_s(struct izde_buf *out, const char *tag, const char *v)
{
    return field(out, tag, v, v ? strlen(v) : 0);
}

static izde_status_t field_n(struct izde_buf *out, const char *tag, long v)
{
    char num[32];
    snprintf(num, sizeof(num), "%ld", v);
    return field_s(out, tag, num);
}

izde_status_t ix_wire_put(struct izde_buf *out, izde_status_t st, const struct ix_outcome *o,
                          const struct ix_extract *x)
{
    izde_status_t rc = izde_buf_addf(out, IX_WIRE_MAGIC " %d\n", IX_WIRE_VERSION);
    if (rc == IZDE_OK)
        rc = field_n(out, "status", ix_wire_status_code(st));
    if (rc == IZDE_OK)
        rc = field_n(out, "fate", ix_wire_fate_code(o->fate));
    if (rc == IZDE_OK && o->why)
        rc = field_s(out, "why", o->why);
    if (rc == IZDE_OK)
        rc = field_n(out, "pages", (long)x->pages);
    if (rc == IZDE_OK && (x->ocr_pages || x->ocr_cached)) {
        char ocr[64];
        snprintf(ocr, sizeof(ocr), "%u %u %u %u", x->ocr_pages, x->ocr_cached, x->ocr_ms,
                 x->ocr_conf);
        rc = field_s(out, "ocr", ocr);
        if (rc == IZDE_OK)
            rc = field(out, "ocr_each", x->ocr_each.p, x->ocr_each.len);
    }
    if (rc == IZDE_OK)
        rc = field(out, "title", x->title.p, x->title.len);
    if (rc == IZDE_OK)
        rc = field(out, "author", x->author.p, x->author.len);
    if (rc == IZDE_OK)
        rc = field(out, "date", x->date.p, x->date.len);
    if (rc == IZDE_OK)
        rc = field(out, "note", x->notes.p, x->notes.len);
    if (rc == IZDE_OK)
        rc = field_s(out, "format", x->format);
    if (rc == IZDE_OK)
        rc = field(out, "text", x->text.p, x->text.len);
    return rc;
}

/* ------------------------------------------------------------ reading */

/* Reads one "TAG LEN\n<LEN bytes>\n" record. */
static int take_field(const char **p, const char *end, char tag[16], const char **val,
                      size_t *vlen)
{
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    if (!nl || nl - *p > 40)
        return 0;
    char head[48];
    memcpy(head, *p, (size_t)(nl - *p));
    head[nl - *p] = '\0';
    unsigned long long n;
    if (sscanf(head, "%15s %llu", tag, &n) != 2 || n > (unsigned long long)(end - nl - 1))
        return 0;
    *val = nl + 1;
    *vlen = (size_t)n;
    *p = nl + 1 + n;
    if (*p < end && **p == '\n')
        (*p)++;
    return 1;
}

/* The static name of a format the helper reports, or keep when unknown. */
static const char *format_name(const char *v, size_t vl, const char *keep)
{
    static const char *const names[] = { "docx", "odt", "epub", "image", NULL };
    for (const char *const *n = names; *n; n++)
        if (vl == strlen(*n) && memcmp(v, *n, vl) == 0)
            return *n;
    return keep;
}

izde_status_t ix_wire_read(const char *s, size_t len, izde_status_t *st, struct ix_outcome *o,
                           struct ix_extract *x, int *version)
{
    *st = IZDE_ERR_INTERNAL;
    *version = 0;
    const char *p = s, *end = s + len;
    size_t ml = strlen(IX_WIRE_MAGIC);
    if (len < ml + 3 || memcmp(p, IX_WIRE_MAGIC " ", ml + 1) != 0)
        return IZDE_ERR_ENCODING;
    const char *nl = memchr(p, '\n', len);
    if (!nl)
        return IZDE_ERR_ENCODING;
    char *vend;
    long v = strtol(p + ml + 1, &vend, 10);
    if (vend != nl || v <= 0 || v > 1000000)
        return IZDE_ERR_ENCODING;
    *version = (int)v;
    if (v != IX_WIRE_VERSION)
        return IZDE_ERR_UNSUPPORTED;
    p = nl + 1;

    char tag[16];
    const char *val;
    size_t vl;
    izde_status_t rc = IZDE_OK;
    while (rc == IZDE_OK && take_field(&p, end, tag, &val, &vl)) {
        if (strcmp(tag, "status") == 0) {
            *st = ix_wire_status((int)strtol(val, NULL, 10));
        } else if (strcmp(tag, "fate") == 0) {
            o->fate = ix_wire_fate((int)strtol(val, NULL, 10));
        } else if (strcmp(tag, "why") == 0) {
            free(o->why);
            o->why = strndup(val, vl);
            if (!o->why)
                rc = IZDE_ERR_NOMEM;
        } else if (strcmp(tag, "pages") == 0) {
            x->pages = (unsigned)strtoul(val, NULL, 10);
        } else if (strcmp(tag, "ocr") == 0) {
            char v4[64];
            snprintf(v4, sizeof(v4), "%.*s", (int)(vl < 63 ? vl : 63), val);
            if (sscanf(v4, "%u %u %u %u", &x->ocr_pages, &x->ocr_cached, &x->ocr_ms,
                       &x->ocr_conf) != 4)
                x->ocr_pages = x->ocr_cached = x->ocr_ms = x->ocr_conf = 0;
        } else if (strcmp(tag, "ocr_each") == 0) {
            rc = izde_buf_add(&x->ocr_each, val, vl);
        } else if (strcmp(tag, "title") == 0) {
            rc = izde_buf_add(&x->title, val, vl);
        } else if (strcmp(tag, "author") == 0) {
            rc = izde_buf_add(&x->author, val, vl);
        } else if (strcmp(tag, "date") == 0) {
            rc = izde_buf_add(&x->date, val, vl);
        } else if (strcmp(tag, "note") == 0) {
            rc = izde_buf_add(&x->notes, val, vl);
        } else if (strcmp(tag, "format") == 0) {
            x->format = format_name(val, vl, x->format);
        } else if (strcmp(tag, "text") == 0) {
            rc = izde_buf_add(&x->raw, val, vl);
        }
    }
    return rc;
}
