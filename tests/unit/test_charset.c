/* test_charset.c - charset detection and conversion on team-written Kyrgyz and Russian texts in legacy encodings. */
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "text/charset.h"
#include "harness.h"

/* Kyrgyz as it was typed in single-byte code pages, which lack ң ө ү:
 * typists wrote н о у instead. */
static const char *const texts[] = {
    /* Russian, a sentence */
    "Школьная библиотека открыта для всех учеников по будним дням.",
    /* Russian, a paragraph */
    "Учитель объяснил новую тему, а ученики записали главные правила в тетради. "
    "После урока они обсуждали прочитанные книги и готовились к олимпиаде по истории.",
    /* Kyrgyz without its own letters, a sentence */
    "Мектептин китепканасы бардык окуучулар учун ачык.",
    /* Kyrgyz without its own letters, a paragraph */
    "Мугалим жаны темани тушундурду, окуучулар негизги эрежелерди дептерлерине жазып алышты. "
    "Сабактан кийин алар окулган китептерди талкуулашты.",
    /* Short and capitalised */
    "ВВЕДЕНИЕ. Глава первая",
    NULL,
};

static const char *const legacy[] = { "windows-1251", "KOI8-R", "IBM866", NULL };

/* Encodes UTF-8 s into charset with iconv. */
static char *encode(const char *charset, const char *s, size_t *outlen)
{
    iconv_t cd = iconv_open(charset, "UTF-8");
    if (cd == (iconv_t)-1)
        return NULL;
    size_t inleft = strlen(s), cap = 4 * inleft + 8, outleft = cap;
    char *out = malloc(cap), *op = out;
    char *ip = (char *)s;
    if (!out || iconv(cd, &ip, &inleft, &op, &outleft) == (size_t)-1) {
        free(out);
        iconv_close(cd);
        return NULL;
    }
    iconv_close(cd);
    *outlen = cap - outleft;
    return out;
}

static void check_roundtrip(const char *iconv_name, const char *want_name, const char *text,
                            size_t want_bom)
{
    size_t len;
    char *bytes = encode(iconv_name, text, &len);
    CHECK(bytes != NULL);
    if (!bytes)
        return;
    const char *name = NULL;
    size_t bom = 99;
    CHECK_INT(izde_charset_detect(bytes, len, &name, &bom), IZDE_OK);
    if (!name || strcmp(name, want_name) != 0)
        fprintf(stderr, "  text: %.40s... as %s\n", text, iconv_name);
    CHECK_STR(name, want_name);
    CHECK_INT(bom, want_bom);
    if (name) {
        struct izde_buf out = IZDE_BUF_INIT;
        size_t nbad = 99;
        CHECK_INT(izde_charset_to_utf8(name, bytes + bom, len - bom, &out, &nbad), IZDE_OK);
        CHECK_STRN(out.p, out.len, text);
        CHECK_INT(nbad, 0);
        izde_buf_release(&out);
    }
    free(bytes);
}

int main(void)
{
    for (int i = 0; texts[i]; i++)
        for (int c = 0; legacy[c]; c++)
            check_roundtrip(legacy[c], legacy[c], texts[i], 0);

    /* UTF-16 and UTF-32 with and without a byte-order mark; real Kyrgyz. */
    static const char *const ky = "Өзүбүздүн тилибизде окуу китептери көбөйүүдө. Мугалимдер "
                                  "жаңы ыкмаларды колдонушат.";
    check_roundtrip("UTF-16LE", "UTF-16LE", ky, 0);
    check_roundtrip("UTF-16BE", "UTF-16BE", ky, 0);
    check_roundtrip("UTF-16LE", "UTF-16LE", texts[1], 0);
    check_roundtrip("UTF-16BE", "UTF-16BE", "Plain English text, no Cyrillic at all.", 0);
    check_roundtrip("UTF-16", "UTF-16LE", ky, 2);   /* glibc writes a little-endian BOM */
    check_roundtrip("UTF-32", "UTF-32LE", ky, 4);
    check_roundtrip("UTF-8", "UTF-8", ky, 0);

    /* A UTF-8 byte-order mark. */
    const char *name;
    size_t bom;
    CHECK_INT(izde_charset_detect("\xEF\xBB\xBFок", 7, &name, &bom), IZDE_OK);
    CHECK_STR(name, "UTF-8");
    CHECK_INT(bom, 3);

    /* UTF-8 with a few broken bytes stays UTF-8 (to be repaired). */
    const char *broken = "Бузук \xff\xfe текст, китепкана окуу жана мектеп.";
    CHECK_INT(izde_charset_detect(broken, strlen(broken), &name, &bom), IZDE_OK);
    CHECK_STR(name, "UTF-8");

    /* Binary is refused. */
    CHECK_INT(izde_charset_detect("abc\0\0\0def\x01\x02", 11, &name, &bom), IZDE_ERR_ENCODING);

    /* Western European text is not mistaken for Cyrillic. */
    size_t len;
    char *fr = encode("ISO-8859-1", "Les élèves étudient à l'école. Où est la bibliothèque? "
                                    "Très bien, merci beaucoup.", &len);
    CHECK(fr != NULL);
    if (fr) {
        CHECK_INT(izde_charset_detect(fr, len, &name, &bom), IZDE_OK);
        CHECK(name && strcmp(name, "windows-1251") != 0 && strcmp(name, "KOI8-R") != 0 &&
              strcmp(name, "IBM866") != 0);
        free(fr);
    }

    /* Labels found in documents. */
    CHECK_STR(izde_charset_canonical("cp1251"), "windows-1251");
    CHECK_STR(izde_charset_canonical("WINDOWS-1251"), "windows-1251");
    CHECK_STR(izde_charset_canonical("koi8-r"), "KOI8-R");
    CHECK_STR(izde_charset_canonical("cp866"), "IBM866");
    CHECK_STR(izde_charset_canonical("utf8"), "UTF-8");
    CHECK(izde_charset_canonical("no-such-charset") == NULL);
    CHECK(izde_charset_canonical("") == NULL);

    /* An unknown charset for conversion. */
    struct izde_buf out = IZDE_BUF_INIT;
    CHECK_INT(izde_charset_to_utf8("no-such-charset", "x", 1, &out, NULL), IZDE_ERR_UNSUPPORTED);
    izde_buf_release(&out);
    return harness_finish();
}
