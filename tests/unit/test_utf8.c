/* test_utf8.c - the one UTF-8 decoder and encoder: every length, the edges
 * of each, and the sequences that are not UTF-8. */
#include <stdint.h>
#include "common/utf8.h"
#include "harness.h"

/* Encodes cp, checks its length, decodes it back. */
static void round_trip(uint32_t cp, size_t want_len)
{
    struct izde_buf b = IZDE_BUF_INIT;
    CHECK_INT(izde_utf8_add(&b, cp), IZDE_OK);
    CHECK_INT(b.len, want_len);
    CHECK_INT(izde_utf8_seq_len(b.p, b.len, 0), want_len);
    size_t i = 0;
    CHECK_INT(izde_utf8_next(b.p, b.len, &i), cp);
    CHECK_INT(i, want_len);
    izde_buf_release(&b);
}

int main(void)
{
    const uint32_t edges[][2] = {
        { 0, 1 }, { 0x7F, 1 }, { 0x80, 2 }, { 0x7FF, 2 }, { 0x800, 3 },
        { 0x4E9, 2 } /* ө */, { 0xFFFD, 3 }, { 0xFFFF, 3 }, { 0x10000, 4 }, { 0x10FFFF, 4 },
    };
    for (size_t k = 0; k < sizeof edges / sizeof edges[0]; k++)
        round_trip(edges[k][0], edges[k][1]);

    /* A word of Kyrgyz letters decodes letter by letter. */
    const char *w = "үөң";
    size_t i = 0, n = strlen(w);
    CHECK_INT(izde_utf8_next(w, n, &i), 0x4AF);
    CHECK_INT(izde_utf8_next(w, n, &i), 0x4E9);
    CHECK_INT(izde_utf8_next(w, n, &i), 0x4A3);
    CHECK_INT(i, n);

    /* Cut short: U+FFFD and the end, never a read past it. */
    i = 0;
    CHECK_INT(izde_utf8_next("\xD2", 1, &i), 0xFFFD);
    CHECK_INT(i, 1);
    i = 0;
    CHECK_INT(izde_utf8_next("\xF0\x9F\x98", 3, &i), 0xFFFD);
    CHECK_INT(i, 3);

    /* Not UTF-8: overlong forms, surrogates, above U+10FFFF, a lone
     * continuation byte, a broken continuation. */
    const char *bad[] = { "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xED\xA0\x80",
                          "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\x80", "\xD2\x41" };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
        CHECK_INT(izde_utf8_seq_len(bad[k], strlen(bad[k]), 0), 0);
    CHECK_INT(izde_utf8_seq_len("\xE0\xA0", 2, 0), 0); /* valid start, cut short */
    return harness_finish();
}
