/* test_keyfold.c - Kyrgyz keyboard folding (text/keyfold): words, single letters, detection. */
#include "common/buf.h"
#include "harness.h"
#include "text/keyfold.h"

static void test_words(void)
{
    static const struct { const char *in, *want; } rows[] = {
        { "ишмердүүлүк", "ишмердуулук" },
        { "өнүгүү", "онугуу" },
        { "мыңдаган", "мындаган" },
        { "", "" },
        { "мектеп", "мектеп" },           /* no Kyrgyz letter: unchanged */
        { "ҮӨҢ", "ҮӨҢ" },                 /* capitals are folded first, by izde_text_fold */
        { "school 2023", "school 2023" },
        { "\xf0\x9f\x98\x80ү", "\xf0\x9f\x98\x80у" },
        { NULL, NULL },
    };
    struct izde_buf out = IZDE_BUF_INIT;
    for (int i = 0; rows[i].in; i++) {
        CHECK_INT(izde_keyfold(rows[i].in, strlen(rows[i].in), &out), IZDE_OK);
        CHECK_STRN(out.p, out.len, rows[i].want);
    }
    izde_buf_release(&out);
}

static void test_letters(void)
{
    CHECK_INT(izde_keyfold_cp(0x4AF), 0x443);   /* ү -> у */
    CHECK_INT(izde_keyfold_cp(0x4E9), 0x43E);   /* ө -> о */
    CHECK_INT(izde_keyfold_cp(0x4A3), 0x43D);   /* ң -> н */
    CHECK_INT(izde_keyfold_cp(0x443), 0x443);
    CHECK_INT(izde_keyfold_cp('a'), 'a');
    CHECK_INT(izde_keyfold_kyrgyz(0x443), 0x4AF);
    CHECK_INT(izde_keyfold_kyrgyz(0x43E), 0x4E9);
    CHECK_INT(izde_keyfold_kyrgyz(0x43D), 0x4A3);
    CHECK_INT(izde_keyfold_kyrgyz(0x430), 0);   /* а has no Kyrgyz twin */
    CHECK_INT(izde_keyfold_kyrgyz(0x4AF), 0);   /* a Kyrgyz letter is no folded one */
    /* Every folded letter goes back to the letter it came from. */
    for (uint32_t cp = 0x400; cp < 0x530; cp++)
        if (izde_keyfold_cp(cp) != cp)
            CHECK_INT(izde_keyfold_kyrgyz(izde_keyfold_cp(cp)), cp);
}

static void test_has_kyrgyz(void)
{
    CHECK_INT(izde_keyfold_has_kyrgyz("мектеп", strlen("мектеп")), 0);
    CHECK_INT(izde_keyfold_has_kyrgyz("үй", strlen("үй")), 1);
    CHECK_INT(izde_keyfold_has_kyrgyz("көл", strlen("көл")), 1);
    CHECK_INT(izde_keyfold_has_kyrgyz("миң", strlen("миң")), 1);
    CHECK_INT(izde_keyfold_has_kyrgyz("", 0), 0);
    /* A cut-off sequence at the end is no letter. */
    CHECK_INT(izde_keyfold_has_kyrgyz("\xd2", 1), 0);
    /* Folding leaves none. */
    struct izde_buf out = IZDE_BUF_INIT;
    const char *w = "көңүл";
    CHECK_INT(izde_keyfold(w, strlen(w), &out), IZDE_OK);
    CHECK_INT(izde_keyfold_has_kyrgyz(out.p, out.len), 0);
    CHECK_STRN(out.p, out.len, "конул");
    izde_buf_release(&out);
}

int main(void)
{
    test_words();
    test_letters();
    test_has_kyrgyz();
    return harness_finish();
}
