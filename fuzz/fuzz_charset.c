/* fuzz_charset.c - fuzz target: character set detection and conversion
 * (text/charset) on arbitrary bytes, as the extractor meets them in plain
 * text and HTML files.
 *
 * Whatever the detector names must convert, and every conversion must give
 * valid UTF-8. The first byte also picks a fixed charset to convert the rest
 * from, and the input (cut short) is looked up as a charset label, as a
 * document's <meta charset> would be. */
#include <stdint.h>
#include <string.h>
#include "common/buf.h"
#include "text/charset.h"
#include "fuzz_util.h"

static const char *const fixed[] = {
    "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "windows-1251",
    "KOI8-R", "IBM866", "ISO-8859-5", "windows-1252", "x-mac-cyrillic", "no-such-charset",
};
#define NFIXED (sizeof(fixed) / sizeof(fixed[0]))

static void convert(const char *charset, const char *s, size_t len)
{
    struct izde_buf out = IZDE_BUF_INIT;
    size_t nbad = 0;
    izde_status_t rc = izde_charset_to_utf8(charset, s, len, &out, &nbad);
    FUZZ_CHECK(rc == IZDE_OK || rc == IZDE_ERR_UNSUPPORTED || rc == IZDE_ERR_ICU);
    if (rc == IZDE_OK)
        FUZZ_CHECK(fuzz_valid_utf8(out.p, out.len));
    izde_buf_release(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *raw = (const char *)data;
    const char *name = NULL;
    size_t bom = 0;
    izde_status_t rc = izde_charset_detect(raw, size, &name, &bom);
    FUZZ_CHECK(rc == IZDE_OK || rc == IZDE_ERR_ENCODING || rc == IZDE_ERR_ICU);
    if (rc == IZDE_OK) {
        FUZZ_CHECK(name != NULL);
        FUZZ_CHECK(bom <= 4 && bom <= size);
        /* The name is canonical: looking it up gives it back. */
        const char *canon = izde_charset_canonical(name);
        FUZZ_CHECK(canon != NULL);
        struct izde_buf out = IZDE_BUF_INIT;
        size_t nbad = 0;
        rc = izde_charset_to_utf8(name, raw + bom, size - bom, &out, &nbad);
        FUZZ_CHECK(rc == IZDE_OK || rc == IZDE_ERR_ICU);
        if (rc == IZDE_OK) {
            FUZZ_CHECK(fuzz_valid_utf8(out.p, out.len));
            /* Text detected as UTF-8 converts to itself, but for the NUL
             * bytes conversion drops. */
            if (strcmp(name, "UTF-8") == 0 && nbad == 0) {
                size_t k = 0;
                for (size_t i = bom; i < size; i++) {
                    if (raw[i] == '\0')
                        continue;
                    FUZZ_CHECK(k < out.len && out.p[k] == raw[i]);
                    k++;
                }
                FUZZ_CHECK(k == out.len);
            }
        }
        izde_buf_release(&out);
    } else {
        FUZZ_CHECK(name == NULL);
    }

    if (size > 0)
        convert(fixed[data[0] % NFIXED], raw + 1, size - 1);

    char label[64];
    size_t n = size < sizeof(label) - 1 ? size : sizeof(label) - 1;
    memcpy(label, raw, n);
    label[n] = '\0';
    const char *c = izde_charset_canonical(label);
    if (c)
        convert(c, raw, size);
    return 0;
}
