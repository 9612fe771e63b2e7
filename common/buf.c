/* buf.c - the growable byte buffer, and writing bytes whole. */
#include "common/buf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void izde_buf_init(struct izde_buf *b)
{
    b->p = NULL;
    b->len = 0;
    b->cap = 0;
}

void izde_buf_release(struct izde_buf *b)
{
    free(b->p);
    izde_buf_init(b);
}

izde_status_t izde_buf_grow(struct izde_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return IZDE_OK;
    if (extra > ((size_t)-1) / 2 - b->len)
        return IZDE_ERR_NOMEM;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p)
        return IZDE_ERR_NOMEM;
    b->p = p;
    b->cap = cap;
    b->p[b->len] = '\0';
    return IZDE_OK;
}

izde_status_t izde_buf_add(struct izde_buf *b, const void *data, size_t len)
{
    if (izde_buf_grow(b, len) != IZDE_OK)
        return IZDE_ERR_NOMEM;
    if (len)
        memcpy(b->p + b->len, data, len);
    b->len += len;
    b->p[b->len] = '\0';
    return IZDE_OK;
}

izde_status_t izde_buf_addc(struct izde_buf *b, char c)
{
    return izde_buf_add(b, &c, 1);
}

izde_status_t izde_buf_adds(struct izde_buf *b, const char *s)
{
    return izde_buf_add(b, s, strlen(s));
}

izde_status_t izde_buf_addf(struct izde_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return IZDE_ERR_INVALID;
    if (izde_buf_grow(b, (size_t)n) != IZDE_OK)
        return IZDE_ERR_NOMEM;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return IZDE_OK;
}

char *izde_buf_detach(struct izde_buf *b, size_t *len)
{
    if (!b->p && izde_buf_grow(b, 0) != IZDE_OK)
        return NULL;
    char *p = b->p;
    if (len)
        *len = b->len;
    izde_buf_init(b);
    return p;
}

void *izde_array_grow(void *items, size_t n, size_t *cap, size_t elem, size_t first)
{
    if (n < *cap)
        return items;
    size_t want = *cap ? *cap * 2 : first;
    if (want < *cap || want > SIZE_MAX / elem)
        return NULL;
    void *p = realloc(items, want * elem);
    if (p)
        *cap = want;
    return p;
}

int izde_write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n > 0) {
        ssize_t w = write(fd, c, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        if (w == 0) {
            errno = EIO;
            return -1;
        }
        c += w;
        n -= (size_t)w;
    }
    return 0;
}
