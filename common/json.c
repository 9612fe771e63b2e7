/* json.c - JSON string literals for any bytes (see json.h). */
#include "json.h"

#include <stdint.h>

/* The length of the valid UTF-8 sequence at s (n bytes left), 0 if none:
 * no overlong forms, no surrogates, nothing above U+10FFFF. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len;
    uint32_t cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return len;
}

izde_status_t izde_json_escape_bytes(struct izde_buf *out, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    if (izde_buf_addc(out, '"'))
        return IZDE_ERR_NOMEM;
    for (size_t i = 0; i < len;) {
        unsigned char c = p[i];
        izde_status_t rc;
        if (c == '"' || c == '\\') {
            char esc[2] = { '\\', (char)c };
            rc = izde_buf_add(out, esc, 2);
            i++;
        } else if (c < 0x20 || c == 0x7F) {
            rc = izde_buf_addf(out, "\\u%04x", c);
            i++;
        } else {
            size_t n = utf8_seq(p + i, len - i);
            if (n) {
                rc = izde_buf_add(out, s + i, n);
                i += n;
            } else {
                rc = izde_buf_addf(out, "\\udc%02x", c);
                i++;
            }
        }
        if (rc)
            return IZDE_ERR_NOMEM;
    }
    return izde_buf_addc(out, '"') ? IZDE_ERR_NOMEM : IZDE_OK;
}
