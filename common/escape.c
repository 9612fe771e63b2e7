/* escape.c - reversible one-line escaping of bytes from files. */
#include "common/escape.h"
#include "common/utf8.h"

/* Whether the sequence s[0, n) must be escaped (besides invalid bytes). */
static int is_control(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (n == 1)
        return c < 0x20 || c == 0x7F || c == '\\';
    /* U+0080..U+009F are C2 80..C2 9F. */
    return n == 2 && c == 0xC2 && (unsigned char)s[1] < 0xA0;
}

int izde_escape_needed(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t n = izde_utf8_seq_len(s, len, i);
        if (n == 0 || is_control(s + i, n))
            return 1;
        i += n;
    }
    return 0;
}

izde_status_t izde_escape_line(struct izde_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < len;) {
        size_t n = izde_utf8_seq_len(s, len, i);
        izde_status_t rc = IZDE_OK;
        if (n && s[i] == '\\') {
            rc = izde_buf_add(out, "\\\\", 2);
        } else if (n && !is_control(s + i, n)) {
            rc = izde_buf_add(out, s + i, n);
        } else {
            /* An invalid byte alone, or every byte of a control character. */
            size_t k = n ? n : 1;
            for (size_t j = 0; rc == IZDE_OK && j < k; j++) {
                unsigned char c = (unsigned char)s[i + j];
                char e[4] = { '\\', 'x', hex[c >> 4], hex[c & 15] };
                rc = izde_buf_add(out, e, 4);
            }
            n = k;
        }
        if (rc != IZDE_OK)
            return IZDE_ERR_NOMEM;
        i += n;
    }
    return IZDE_OK;
}
