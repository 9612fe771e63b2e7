/* test_html.c - izde-web's one HTML escaper: markup, quotes, ampersands,
 * invalid UTF-8, control bytes and noncharacters from documents and
 * queries come out as text; snippet marks become <mark>; URL encoding of queries. */
#include "harness.h"
#include "web/html.h"

static void check_html(const char *in, size_t len, const char *want)
{
    struct izde_buf b = IZDE_BUF_INIT;
    CHECK_INT(web_html(&b, in, len), IZDE_OK);
    CHECK_STRN(b.p ? b.p : "", b.len, want);
    izde_buf_release(&b);
}

#define HTML(lit, want) check_html(lit, sizeof(lit) - 1, want)

int main(void)
{
    HTML("", "");
    HTML("мектеп", "мектеп");
    HTML("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;");
    HTML("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    HTML("it's", "it&#39;s");
    HTML("a & b &amp;", "a &amp; b &amp;amp;");
    /* Invalid UTF-8: a lone continuation byte, a cut sequence, an
     * overlong '<' (C0 BC) that must not turn back into markup. */
    HTML("a\x80z", "a\xEF\xBF\xBDz");
    HTML("\xD2", "\xEF\xBF\xBD");
    HTML("\xC0\xBCscript", "\xEF\xBF\xBD\xEF\xBF\xBDscript");
    HTML("ү\xFFө", "ү\xEF\xBF\xBDө");
    /* Control bytes (NUL too) become spaces; tab and newline stay. */
    HTML("a\0b\x1b[1m\tc\n", "a b [1m\tc\n");
    /* C1 controls (U+0085 NEL, U+009B CSI) become spaces like the others,
     * noncharacters U+FFFD; HTML parsers report both as errors. A
     * no-break space (U+00A0), the first code point past them, and the
     * last characters before and after U+FDD0-U+FDEF stay. */
    HTML("a\xC2\x85" "b\xC2\x9B", "a b ");
    HTML("\xC2\xA0\xEF\xB7\x8F\xEF\xB7\x90\xEF\xB7\xAF\xEF\xB7\xB0",
         "\xC2\xA0\xEF\xB7\x8F\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xB7\xB0");
    HTML("\xEF\xBF\xBE\xEF\xBF\xBF\xF0\x9F\xBF\xBF\xF0\x9F\x98\x80",
         "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xF0\x9F\x98\x80");

    struct izde_buf b = IZDE_BUF_INIT;
    CHECK_INT(web_html_marked(&b, "x \x01<b>\x02 y", 9, '\x01', '\x02'), IZDE_OK);
    CHECK_STRN(b.p, b.len, "x <mark>&lt;b&gt;</mark> y");
    izde_buf_clear(&b);
    CHECK_INT(web_htmls(&b, NULL), IZDE_OK);
    CHECK_INT(b.len, 0);
    CHECK_INT(web_url_encode(&b, "ак\"<&= x", 10), IZDE_OK);
    CHECK_STRN(b.p, b.len, "ак%22%3C%26%3D%20x");
    /* Bytes that are not UTF-8, a C1 control, a noncharacter: encoded. */
    izde_buf_clear(&b);
    CHECK_INT(web_url_encode(&b, "ү\xFF\xC2\x85\xEF\xBF\xBE\xD0", 9), IZDE_OK);
    CHECK_STRN(b.p, b.len, "ү%FF%C2%85%EF%BF%BE%D0");
    izde_buf_release(&b);
    return harness_finish();
}
