/* decode.c - raw bytes of a text or markup file into UTF-8: the declared charset, detection, NUL bytes, repair. */
#include "extract/decode.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text/charset.h"
#include "text/text.h"
#include "extract/textout.h"

/* Text that the charset detector calls binary for a few NUL bytes (a bad
 * copy, a fragment pasted from UTF-16) is text all the same: binary is
 * decided by the share of control bytes, at most 1 in IX_CONTROL_SHARE.
 * Returns a malloc'ed copy without the NULs (*nnul of them), or NULL when
 * the content is binary or memory is short. */
#define IX_CONTROL_SHARE 32

static char *drop_nuls(const char *s, size_t len, size_t *nnul)
{
    size_t control = 0, nul = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        nul += c == 0;
        control += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B;
    }
    if (nul == 0 || control > len / IX_CONTROL_SHARE)
        return NULL;
    char *copy = malloc(len - nul + 1);
    if (!copy)
        return NULL;
    size_t w = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i])
            copy[w++] = s[i];
    copy[w] = '\0';
    *nnul = nul;
    return copy;
}

static izde_status_t decode(struct ix_extract *x, const char *s, size_t len,
                            const char *declared, struct izde_buf *out,
                            const char **encoding, struct ix_outcome *o);

izde_status_t ix_decode_text(struct ix_extract *x, const char *s, size_t len,
                             const char *declared, struct izde_buf *out,
                             const char **encoding, struct ix_outcome *o)
{
    size_t bom = 0, nnul = 0;
    const char *name = NULL;
    if (izde_charset_detect(s, len, &name, &bom) == IZDE_ERR_ENCODING) {
        char *clean = drop_nuls(s, len, &nnul);
        if (!clean)
            return ix_refuse(o, IX_FATE_BINARY, "binary content, not text");
        izde_status_t rc = decode(x, clean, len - nnul, declared, out, encoding, o);
        free(clean);
        if (rc == IZDE_OK)
            ix_note(x, "%zu NUL byte%s dropped", nnul, nnul == 1 ? "" : "s");
        return rc;
    }
    return decode(x, s, len, declared, out, encoding, o);
}

static izde_status_t decode(struct ix_extract *x, const char *s, size_t len,
                            const char *declared, struct izde_buf *out,
                            const char **encoding, struct ix_outcome *o)
{
    size_t bom = 0;
    const char *name = NULL;
    izde_status_t rc = izde_charset_detect(s, len, &name, &bom);
    if (rc == IZDE_ERR_ENCODING)
        return ix_refuse(o, IX_FATE_BINARY, "binary content, not text");
    if (rc != IZDE_OK)
        return ix_fail(o, rc, "cannot tell the character set: %s", izde_status_str(rc));
    /* A declared charset counts unless the bytes prove it wrong: valid
     * UTF-8 or a byte-order mark beat a label. */
    if (declared && bom == 0 && strcmp(name, "UTF-8") != 0) {
        const char *d = izde_charset_canonical(declared);
        if (d && strncmp(d, "UTF-16", 6) != 0 && strncmp(d, "UTF-32", 6) != 0)
            name = d;
    }
    *encoding = name;
    s += bom;
    len -= bom;
    if (strcmp(name, "UTF-8") == 0) {
        if (izde_text_utf8_check(s, len, &x->first_bad) > 0)
            return izde_text_utf8_repair(s, len, out, &x->repaired);
        return izde_buf_add(out, s, len);
    }
    size_t nbad = 0;
    rc = izde_charset_to_utf8(name, s, len, out, &nbad);
    if (rc != IZDE_OK)
        return ix_fail(o, rc, "cannot convert from %s: %s", name, izde_status_str(rc));
    x->repaired += nbad;
    return IZDE_OK;
}

/* The charset a document declares in its first bytes (meta charset,
 * http-equiv content type, or the XML declaration), into buf. */
const char *ix_declared_charset(const char *s, size_t len, char *buf, size_t cap)
{
    size_t n = len < 4096 ? len : 4096;
    static const char *const keys[] = { "charset", "encoding", NULL };
    for (const char *const *k = keys; *k; k++) {
        size_t kl = strlen(*k);
        for (size_t i = 0; i + kl < n; i++) {
            if (strncasecmp(s + i, *k, kl) != 0)
                continue;
            size_t j = i + kl;
            while (j < n && (s[j] == ' ' || s[j] == '\t'))
                j++;
            if (j >= n || s[j] != '=')
                continue;
            j++;
            while (j < n && (s[j] == ' ' || s[j] == '"' || s[j] == '\''))
                j++;
            size_t m = 0;
            while (j < n && m + 1 < cap &&
                   ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
                    (s[j] >= '0' && s[j] <= '9') || s[j] == '-' || s[j] == '_' ||
                    s[j] == '.' || s[j] == ':'))
                buf[m++] = s[j++];
            buf[m] = '\0';
            if (m)
                return buf;
        }
    }
    return NULL;
}
