/* json.c - JSON string literals for any bytes (see json.h). */
#include "common/json.h"
#include "common/utf8.h"

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
            size_t n = izde_utf8_seq_len(s, len, i);
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
