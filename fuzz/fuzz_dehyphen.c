/* fuzz_dehyphen.c - fuzz target: the repair of words hyphenated at line
 * ends (extract/dehyphen) on arbitrary text.
 *
 * The input is made valid UTF-8 first, as the extractor's text is. A repair
 * only removes hyphens and moves line breaks: with white space and hyphens
 * taken out, the output must equal the input. One context is reused for
 * every input, as each indexer thread reuses its own. */
#include <stdint.h>
#include <string.h>
#include "common/buf.h"
#include "extract/dehyphen.h"
#include "fuzz_util.h"
#include "text/text.h"

static izde_dehyphen_t *dehyphen;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    FUZZ_SETUP(izde_dehyphen_new(&dehyphen));
    return 0;
}

/* Appends s without white space, '-', U+2010 and U+00AD. */
static void strip(const char *s, size_t len, struct izde_buf *out)
{
    for (size_t i = 0; i < len;) {
        if (strchr(" \t\r\n\f-", s[i]) && s[i] != '\0') {
            i++;
        } else if (len - i >= 3 && memcmp(s + i, "\xE2\x80\x90", 3) == 0) {
            i += 3;
        } else if (len - i >= 2 && memcmp(s + i, "\xC2\xAD", 2) == 0) {
            i += 2;
        } else {
            FUZZ_SETUP(izde_buf_addc(out, s[i]));
            i++;
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct izde_buf text = IZDE_BUF_INIT, out = IZDE_BUF_INIT;
    struct izde_buf a = IZDE_BUF_INIT, b = IZDE_BUF_INIT;
    size_t nbad;
    FUZZ_SETUP(izde_text_utf8_repair((const char *)data, size, &text, &nbad));

    struct izde_dehyphen_stats st = { 0, 0, 0 };
    FUZZ_SETUP(izde_dehyphen_text(dehyphen, text.p, text.len, &out, &st));
    FUZZ_CHECK(fuzz_valid_utf8(out.p, out.len));
    strip(text.p, text.len, &a);
    strip(out.p, out.len, &b);
    FUZZ_CHECK(a.len == b.len && memcmp(a.p ? a.p : "", b.p ? b.p : "", a.len) == 0);
    if (st.joined + st.kept + st.soft == 0)
        FUZZ_CHECK(out.len == text.len && memcmp(out.p, text.p, text.len) == 0);

    izde_buf_release(&text);
    izde_buf_release(&out);
    izde_buf_release(&a);
    izde_buf_release(&b);
    return 0;
}
