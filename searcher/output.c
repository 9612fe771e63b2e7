/* output.c - JSON string escaping for the --json output. */
#include "searcher.h"
#include "text.h"

izde_status_t sr_json_string(struct izde_buf *out, const char *s, size_t len)
{
    if (izde_buf_addc(out, '"'))
        return IZDE_ERR_NOMEM;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        izde_status_t rc = IZDE_OK;
        if (c == '"' || c == '\\') {
            rc = izde_buf_addc(out, '\\');
            if (!rc)
                rc = izde_buf_addc(out, (char)c);
            i++;
        } else if (c < 0x20 || c == 0x7F) {
            rc = izde_buf_addf(out, "\\u%04x", c);
            i++;
        } else if (c < 0x80) {
            rc = izde_buf_addc(out, (char)c);
            i++;
        } else {
            size_t first_bad, n = 1;
            /* Find the length of this one sequence and check it alone. */
            while (i + n < len && n < 4 && ((unsigned char)s[i + n] & 0xC0) == 0x80)
                n++;
            if (izde_text_utf8_check(s + i, n, &first_bad) == 0) {
                rc = izde_buf_add(out, s + i, n);
                i += n;
            } else {
                rc = izde_buf_adds(out, "\\ufffd");
                i += n;
            }
        }
        if (rc)
            return rc;
    }
    return izde_buf_addc(out, '"');
}
