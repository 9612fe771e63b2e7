/* buf.h - a growable byte buffer (git's strbuf, reduced to what Izde needs), growing arrays, and writing bytes whole. */
#ifndef IZDE_BUF_H
#define IZDE_BUF_H

#include <stddef.h>
#include "common/status.h"

/* Invariant: p is NULL with cap 0, or a malloc'ed block of cap bytes whose
 * first len bytes are the content and p[len] == '\0'. */
struct izde_buf {
    char *p;
    size_t len;
    size_t cap;
};

#define IZDE_BUF_INIT { NULL, 0, 0 }

void izde_buf_init(struct izde_buf *b);
/* Frees the storage and re-initialises b. */
void izde_buf_release(struct izde_buf *b);
/* Empties b, keeping its storage. */
static inline void izde_buf_clear(struct izde_buf *b)
{
    b->len = 0;
    if (b->p)
        b->p[0] = '\0';
}
/* Makes room for extra more bytes (plus the NUL). */
izde_status_t izde_buf_grow(struct izde_buf *b, size_t extra);
izde_status_t izde_buf_add(struct izde_buf *b, const void *data, size_t len);
izde_status_t izde_buf_addc(struct izde_buf *b, char c);
izde_status_t izde_buf_adds(struct izde_buf *b, const char *s);
/* Appends printf-formatted text. */
izde_status_t izde_buf_addf(struct izde_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Returns items (an array of *cap elements of elem bytes, n of them in
 * use) with room for one more: the same block when there is room, else one
 * of twice the size (first when empty), *cap updated. Returns NULL when out
 * of memory, leaving items and *cap as they were. */
void *izde_array_grow(void *items, size_t n, size_t *cap, size_t elem, size_t first);

/* Writes the n bytes at p to fd, whole (a short write or EINTR goes on).
 * Returns 0, or -1 with errno set. */
int izde_write_all(int fd, const void *p, size_t n);

/* Takes the content out of b: a malloc'ed NUL-terminated string the caller
 * frees (never NULL unless out of memory); b is left empty. */
char *izde_buf_detach(struct izde_buf *b, size_t *len);

#endif
