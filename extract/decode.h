/* decode.h - raw bytes of text and markup into UTF-8, shared by the plain-text, HTML and EPUB readers. */
#ifndef IZDE_EXTRACT_DECODE_H
#define IZDE_EXTRACT_DECODE_H

#include <stddef.h>
#include "common/buf.h"
#include "common/status.h"
#include "extract/extract.h"
#include "extract/outcome.h"

/* Makes raw bytes of a text or markup file into UTF-8: the declared charset
 * (may be NULL) wins unless the bytes are valid UTF-8; otherwise detection.
 * A few NUL bytes in text are dropped (with a note); more make the content
 * binary (o: IX_FATE_BINARY). OUT: *encoding, static name. Appends to out;
 * x->repaired counts replacements. */
izde_status_t ix_decode_text(struct ix_extract *x, const char *s, size_t len,
                             const char *declared, struct izde_buf *out,
                             const char **encoding, struct ix_outcome *o);

/* The charset a markup document declares in its first bytes (meta
 * charset, http-equiv content type, or the XML declaration), copied into
 * buf (cap bytes); NULL when it declares none. */
const char *ix_declared_charset(const char *s, size_t len, char *buf, size_t cap);

#endif
