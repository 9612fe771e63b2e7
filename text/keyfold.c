/* keyfold.c - Kyrgyz keyboard folding (ү ө ң -> у о н), for the analysis path and "did you mean". */
#include "text/keyfold.h"
#include "common/utf8.h"
#include "text/text.h"

/* The pairs, Kyrgyz letter first. Changing them changes the F and T terms
 * of every index: bump IZDE_ANALYSIS_VERSION (analysis/analyze.c). */
static const uint32_t pairs[][2] = {
    { 0x4AF, 0x443 },   /* ү -> у */
    { 0x4E9, 0x43E },   /* ө -> о */
    { 0x4A3, 0x43D },   /* ң -> н */
};
#define NPAIRS (sizeof(pairs) / sizeof(pairs[0]))

uint32_t izde_keyfold_cp(uint32_t cp)
{
    for (size_t i = 0; i < NPAIRS; i++)
        if (cp == pairs[i][0])
            return pairs[i][1];
    return cp;
}

uint32_t izde_keyfold_kyrgyz(uint32_t cp)
{
    for (size_t i = 0; i < NPAIRS; i++)
        if (cp == pairs[i][1])
            return pairs[i][0];
    return 0;
}

izde_status_t izde_keyfold(const char *s, size_t len, struct izde_buf *out)
{
    izde_buf_clear(out);
    if (izde_buf_grow(out, len) != IZDE_OK)
        return IZDE_ERR_NOMEM;
    for (size_t i = 0; i < len;) {
        uint32_t cp = izde_keyfold_cp(izde_utf8_next(s, len, &i));
        if (izde_utf8_add(out, cp) != IZDE_OK)
            return IZDE_ERR_NOMEM;
    }
    return IZDE_OK;
}

int izde_keyfold_has_kyrgyz(const char *s, size_t len)
{
    /* ң ө ү in UTF-8: D2 A3, D3 A9, D2 AF. Bytes, not code points: this
     * runs on every word indexed. */
    for (size_t i = 0; i + 1 < len; i++) {
        unsigned char c = (unsigned char)s[i], d = (unsigned char)s[i + 1];
        if ((c == 0xD2 && (d == 0xA3 || d == 0xAF)) || (c == 0xD3 && d == 0xA9))
            return 1;
    }
    return 0;
}
