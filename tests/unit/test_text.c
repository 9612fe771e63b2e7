/* test_text.c - UTF-8 checks and repair, folding (Kyrgyz letters, ё), word breaks. */
#include <stdlib.h>
#include "common/buf.h"
#include "harness.h"
#include "text/text.h"

static void test_utf8(void)
{
    size_t first;
    CHECK_INT(izde_text_utf8_check("мектеп", strlen("мектеп"), &first), 0);
    CHECK_INT(izde_text_utf8_check("ab\xff" "cd", 5, &first), 1);
    CHECK_INT(first, 2);
    /* overlong '/', a surrogate, a truncated 3-byte sequence at the end */
    CHECK_INT(izde_text_utf8_check("\xc0\xaf", 2, NULL), 1);
    CHECK_INT(izde_text_utf8_check("\xed\xa0\x80", 3, NULL), 1);
    CHECK_INT(izde_text_utf8_check("ok\xe2\x82", 4, &first), 1);
    CHECK_INT(first, 2);
    /* 4-byte emoji is valid; above U+10FFFF is not */
    CHECK_INT(izde_text_utf8_check("\xf0\x9f\x98\x80", 4, NULL), 0);
    CHECK_INT(izde_text_utf8_check("\xf4\x90\x80\x80", 4, NULL), 1);

    struct izde_buf out = IZDE_BUF_INIT;
    size_t nbad;
    CHECK_INT(izde_text_utf8_repair("a\xffб\xc3", 5, &out, &nbad), IZDE_OK);
    CHECK_INT(nbad, 2);
    CHECK_STRN(out.p, out.len, "a\xef\xbf\xbd" "б\xef\xbf\xbd");
    izde_buf_release(&out);
}

static void test_fold(izde_text_t *t)
{
    static const struct { const char *in, *want; } rows[] = {
        { "ҢӨҮ", "ңөү" },
        { "Ишмердүүлүк", "ишмердүүлүк" },
        { "ЁЛКА", "елка" },              /* ё folds to е */
        { "ёж", "еж" },
        { "е\xcc\x88ж", "еж" },         /* е + combining diaeresis: NFC ё, then е */
        { "и\xcc\x86", "й" },           /* NFC composes й */
        { "STRASSE", "strasse" },
        { "Straße", "strasse" },         /* full folding */
        { "ПЕДА\xc2\xadГОГ", "педагог" }, /* soft hyphen dropped */
        { "2023", "2023" },
        { "Ωμέγα", "ωμέγα" },
        { "\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80" },
        /* Latin look-alikes in Cyrillic words: Latin e, o, p, c, a, y, x */
        { "мeктеп", "мектеп" },
        { "МEКТЕП", "мектеп" },
        { "oкyучу", "окуучу" },
        { "пpoцесс", "процесс" },
        /* ... but not in Latin words, nor with a real Latin letter */
        { "copy", "copy" },
        { "мектеп-school", "мектеп-school" },
        { "мектеqп", "мектеqп" },
        { NULL, NULL },
    };
    struct izde_buf out = IZDE_BUF_INIT;
    for (int i = 0; rows[i].in; i++) {
        CHECK_INT(izde_text_fold(t, rows[i].in, strlen(rows[i].in), &out), IZDE_OK);
        CHECK_STRN(out.p, out.len, rows[i].want);
    }
    izde_buf_release(&out);
}

/* Joins the tokens of text as "tok|tok|..." with '+' before hyphen-joined ones. */
static void words(izde_text_t *t, const char *text, struct izde_buf *out)
{
    struct izde_token tok;
    izde_buf_clear(out);
    izde_text_words_begin(t, text, strlen(text));
    while (izde_text_words_next(t, &tok)) {
        if (out->len)
            izde_buf_addc(out, '|');
        if (tok.hyphen_joined)
            izde_buf_addc(out, '+');
        if (tok.kind == IZDE_TOKEN_NUMBER)
            izde_buf_addc(out, '#');
        izde_buf_add(out, text + tok.start, tok.end - tok.start);
    }
    if (!out->p)
        izde_buf_adds(out, "");
}

static void test_words(izde_text_t *t)
{
    static const struct { const char *in, *want; } rows[] = {
        { "Билим берүү, окуу!", "Билим|берүү|окуу" },
        { "иш-аракет жана социалдык-педагогикалык",
          "иш|+аракет|жана|социалдык|+педагогикалык" },
        { "иш - аракет", "иш|аракет" },           /* spaced dash is no compound */
        { "2023-жылы 12 мектепте 3,5 пайыз", "#2023|+жылы|#12|мектепте|#3,5|пайыз" },
        { "«Педагогика» (2020).", "Педагогика|#2020" },
        { "ABC мектеп school", "ABC|мектеп|school" },
        { "e-mail", "e|+mail" },
        { "", "" },
        { "...", "" },
        { NULL, NULL },
    };
    struct izde_buf out = IZDE_BUF_INIT;
    for (int i = 0; rows[i].in; i++) {
        words(t, rows[i].in, &out);
        CHECK_STRN(out.p, out.len, rows[i].want);
    }
    izde_buf_release(&out);
}

static void test_script(void)
{
    CHECK_INT(izde_text_script("мектеп", strlen("мектеп")), IZDE_SCRIPT_CYRILLIC);
    CHECK_INT(izde_text_script("иш-аракет", strlen("иш-аракет")), IZDE_SCRIPT_CYRILLIC);
    CHECK_INT(izde_text_script("school", 6), IZDE_SCRIPT_LATIN);
    CHECK_INT(izde_text_script("2023", 4), IZDE_SCRIPT_DIGITS);
    CHECK_INT(izde_text_script("мекtеп", strlen("мекtеп")), IZDE_SCRIPT_OTHER);
}

/* izde_array_grow (buf.h): room for one more, doubling from first. */
static void test_array_grow(void)
{
    int *a = NULL;
    size_t n = 0, cap = 0;
    for (int v = 0; v < 40; v++) {
        int *grown = izde_array_grow(a, n, &cap, sizeof(*a), 16);
        CHECK(grown != NULL);
        if (!grown)
            break;
        if (n < 16)
            CHECK_INT(cap, 16);
        CHECK(n < cap);
        a = grown;
        a[n++] = v;
    }
    CHECK_INT(cap, 64);
    int ok = 1;
    for (size_t i = 0; i < n; i++)
        ok &= a[i] == (int)i;
    CHECK(ok);
    /* With room left, the same block and capacity. */
    CHECK(izde_array_grow(a, 10, &cap, sizeof(*a), 16) == a);
    CHECK_INT(cap, 64);
    free(a);
}

int main(void)
{
    izde_text_t *t;
    char *err;
    test_array_grow();
    CHECK_INT(izde_text_new(&t, &err), IZDE_OK);
    test_utf8();
    test_fold(t);
    test_words(t);
    test_script();
    izde_text_free(t);
    izde_text_free(NULL);
    return harness_finish();
}
