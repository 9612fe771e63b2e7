/* packing.c - the one-byte letters of T terms: packing a folded word into a term, and unpacking a term to show it. */
#include "analysis/packing.h"
#include <stdint.h>
#include "common/utf8.h"
#include "index/schema.h"

/* T terms store each letter а..я (U+0430..U+044F: all a keyboard-folded
 * Russian or Kyrgyz word has) as one byte, PACK_BASE + offset, and any other
 * code point as its UTF-8. A packed byte (0xC0..0xDF) is never followed by a
 * UTF-8 continuation byte, so the packing is undone without ambiguity
 * (izde_term_display). */
#define PACK_FIRST 0x430u
#define PACK_LAST 0x44Fu
#define PACK_BASE 0xC0u

izde_status_t izde_term_pack(const char *s, size_t len, struct izde_buf *out)
{
    for (size_t i = 0; i < len;) {
        size_t start = i;
        uint32_t cp = izde_utf8_next(s, len, &i);
        izde_status_t rc = cp >= PACK_FIRST && cp <= PACK_LAST
                               ? izde_buf_addc(out, (char)(PACK_BASE + (cp - PACK_FIRST)))
                               : izde_buf_add(out, s + start, i - start);
        if (rc != IZDE_OK)
            return rc;
    }
    return IZDE_OK;
}

izde_status_t izde_term_display(const char *term, size_t len, struct izde_buf *out)
{
    if (len == 0 || term[0] != IZDE_PREFIX_TRUNC[0])
        return izde_buf_add(out, term, len);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)term[i];
        int packed = c >= PACK_BASE && c <= PACK_BASE + (PACK_LAST - PACK_FIRST) &&
                     !(i + 1 < len && ((unsigned char)term[i + 1] & 0xC0) == 0x80);
        izde_status_t rc;
        if (packed) {
            uint32_t cp = PACK_FIRST + (c - PACK_BASE);
            char u[2] = { (char)(0xC0 | (cp >> 6)), (char)(0x80 | (cp & 0x3F)) };
            rc = izde_buf_add(out, u, 2);
        } else {
            rc = izde_buf_addc(out, (char)c);
        }
        if (rc != IZDE_OK)
            return rc;
    }
    return IZDE_OK;
}
