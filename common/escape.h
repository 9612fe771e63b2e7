/* escape.h - bytes from files (paths, titles, text) made safe to print on one line. */
#ifndef IZDE_ESCAPE_H
#define IZDE_ESCAPE_H

#include <stddef.h>
#include "common/buf.h"
#include "common/status.h"

/* Appends s to out so that a terminal shows it as text on one line and the
 * original bytes can be recovered:
 *   - a backslash becomes "\\";
 *   - each byte of a control character (C0, DEL, and the C1 range U+0080 to
 *     U+009F, which some terminals obey as escapes) becomes "\xHH";
 *   - each byte that is not part of valid UTF-8 becomes "\xHH";
 *   - everything else (valid UTF-8, printable) is copied as it is.
 * Reversing it: "\\" is a backslash, "\xHH" the byte HH, anything else
 * itself. Returns IZDE_OK or IZDE_ERR_NOMEM. */
izde_status_t izde_escape_line(struct izde_buf *out, const char *s, size_t len);

/* Whether izde_escape_line would change s (some byte needs escaping). */
int izde_escape_needed(const char *s, size_t len);

#endif
