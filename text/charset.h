/* charset.h - telling which character set a text is in, and converting it to UTF-8 (ICU). */
#ifndef IZDE_CHARSET_H
#define IZDE_CHARSET_H

#include <stddef.h>
#include "common/buf.h"
#include "common/status.h"

/* Guesses the character set of len bytes of text s.
 *
 * In order: a byte-order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE); UTF-16
 * without a mark, recognised by its code units looking like text in one byte
 * order and not the other; valid UTF-8; then the single-byte Cyrillic sets
 * (windows-1251, KOI8-R, IBM866, ISO-8859-5), each decoded and scored by how
 * plausible its Cyrillic is (letter frequencies, word case pattern, no box
 * drawing or stray symbols), because ICU's detector (ucsdet) does not know
 * IBM866 and mixes the others up on short texts. Text that is not Cyrillic
 * gets ICU's best guess (windows-1252 when ICU has none).
 * Only the first 256 KiB are examined.
 * OUT: *name, a static canonical name ("UTF-8", "UTF-16LE", "windows-1251",
 * "KOI8-R", "IBM866", ...), NULL on failure; *bom, the length of the
 * byte-order mark to skip (0 if none; bom may be NULL).
 * Returns IZDE_OK, IZDE_ERR_ENCODING for binary data (NUL bytes outside
 * UTF-16/32), IZDE_ERR_ICU, IZDE_ERR_NOMEM. */
izde_status_t izde_charset_detect(const char *s, size_t len, const char **name, size_t *bom);

/* Appends s (len bytes in charset, with no byte-order mark) to out as UTF-8.
 * Bytes the charset cannot map become U+FFFD.
 * OUT: *nbad, how many were replaced (may be NULL).
 * Returns IZDE_OK, IZDE_ERR_UNSUPPORTED for a charset ICU does not know,
 * IZDE_ERR_ICU, IZDE_ERR_NOMEM. */
izde_status_t izde_charset_to_utf8(const char *charset, const char *s, size_t len,
                                   struct izde_buf *out, size_t *nbad);

/* The canonical static name of a charset label as found in documents
 * ("cp1251", "WINDOWS-1251", "koi8-r", "utf8"), or NULL if ICU does not know
 * it. Names outside Izde's own table come back as ICU's canonical name. */
const char *izde_charset_canonical(const char *label);

#endif
