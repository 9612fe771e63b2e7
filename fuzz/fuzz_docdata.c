/* fuzz_docdata.c - fuzz target: decoding a stored document record
 * (index/docdata), which may come from a corrupt or foreign index.
 *
 * Decoding must refuse bad records without reading outside them; a record
 * that decodes must encode and decode again to the same fields. */
#include <stdint.h>
#include <string.h>
#include "common/buf.h"
#include "index/docdata.h"
#include "fuzz_util.h"

/* Whether the field p[0, len) lies inside data[0, size) (or is absent). */
static int inside(const char *p, size_t len, const char *data, size_t size)
{
    if (!p)
        return len == 0;
    return p >= data && len <= size && (size_t)(p - data) <= size - len;
}

static int same(const char *a, size_t alen, const char *b, size_t blen)
{
    if (!a || !b)
        return !a == !b && alen == blen;
    return alen == blen && memcmp(a, b, alen) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *raw = (const char *)data;
    struct izde_docdata d;

    izde_status_t rc = izde_docdata_decode(raw, size, &d);
    FUZZ_CHECK(rc == IZDE_OK || rc == IZDE_ERR_ENCODING);
    if (rc != IZDE_OK)
        return 0;
    FUZZ_CHECK(d.path && inside(d.path, d.path_len, raw, size));
    FUZZ_CHECK(inside(d.title, d.title_len, raw, size));
    FUZZ_CHECK(inside(d.encoding, d.encoding_len, raw, size));
    FUZZ_CHECK(inside(d.lang, d.lang_len, raw, size));
    FUZZ_CHECK(inside(d.text, d.text_len, raw, size));

    /* Round trip. */
    struct izde_buf enc = IZDE_BUF_INIT;
    struct izde_docdata d2;
    if (!d.title) {
        d.title = "";
        d.title_len = 0;
    }
    FUZZ_SETUP(izde_docdata_encode(&d, &enc));
    FUZZ_SETUP(izde_docdata_decode(enc.p, enc.len, &d2));
    FUZZ_CHECK(same(d.path, d.path_len, d2.path, d2.path_len));
    FUZZ_CHECK(same(d.title, d.title_len, d2.title, d2.title_len));
    FUZZ_CHECK(same(d.encoding, d.encoding_len, d2.encoding, d2.encoding_len));
    FUZZ_CHECK(same(d.lang, d.lang_len, d2.lang, d2.lang_len));
    FUZZ_CHECK(d.size == d2.size && d.mtime == d2.mtime);
    FUZZ_CHECK(d2.text_len == d.text_len);
    if (d.text_len)
        FUZZ_CHECK(memcmp(d.text, d2.text, d.text_len) == 0);
    izde_buf_release(&enc);
    return 0;
}
