/* utf8.h - the one UTF-8 decoder and encoder (libc only, so the escapers below ICU can use it). */
#ifndef IZDE_UTF8_H
#define IZDE_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include "common/buf.h"
#include "common/status.h"

/* The length of the valid UTF-8 sequence at s[i] (i < len), or 0 when the
 * byte there starts none: no overlong forms, surrogates, or code points
 * above U+10FFFF. */
size_t izde_utf8_seq_len(const char *s, size_t len, size_t i);

/* Decodes the code point at s[*i] of text already known to be valid UTF-8
 * (repaired on the way in) and moves *i past it; a sequence cut short by
 * len gives U+FFFD and *i = len. Inline: the hyphen repair and the article
 * reader call it for every character. */
static inline uint32_t izde_utf8_next(const char *s, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[*i];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (*i + n > len) {
        *i = len;
        return 0xFFFD;
    }
    uint32_t cp = c & (0x7F >> n);
    for (size_t k = 1; k < n; k++)
        cp = (cp << 6) | (u[*i + k] & 0x3F);
    *i += n;
    return cp;
}

/* Appends code point cp (at most U+10FFFF) to out as UTF-8. */
izde_status_t izde_utf8_add(struct izde_buf *out, uint32_t cp);

#endif
