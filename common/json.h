/* json.h - JSON string literals for any bytes, recoverable to the bytes. */
#ifndef IZDE_JSON_H
#define IZDE_JSON_H

#include <stddef.h>
#include "common/buf.h"
#include "common/status.h"

/* Appends the len bytes at s to out as a JSON string literal, quotes
 * included. Valid UTF-8 is kept; '"', '\\' and control characters are
 * escaped; each byte B of invalid UTF-8 becomes "\\udcBB", the lone low
 * surrogate U+DC00+B (Python's "surrogateescape"), so a file name that is
 * not UTF-8 stays one valid JSON string and its bytes come back exactly:
 * in Python, s.encode("utf-8", "surrogateescape"). A valid sequence never
 * yields such an escape, since UTF-8 cannot encode surrogates.
 * Returns IZDE_OK or IZDE_ERR_NOMEM. */
izde_status_t izde_json_escape_bytes(struct izde_buf *out, const char *s, size_t len);

#endif
