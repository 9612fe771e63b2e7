/* wire.h - the izde-extract helper's answer on its stdout, as an explicit, versioned protocol: fixed wire codes for statuses and fates, so that adding a status code cannot change what a helper means. */
#ifndef IZDE_EXTRACT_WIRE_H
#define IZDE_EXTRACT_WIRE_H

#include <stddef.h>
#include "common/status.h"
#include "extract/extract.h"
#include "extract/outcome.h"

/* The answer is "IZDE-EXTRACT <version>\n" and then records
 * "TAG LEN\n<LEN bytes>\n" with tags status and fate (wire codes, below),
 * why, pages, ocr, ocr_each, title, author, date, note, format, text. Unknown tags are
 * skipped, so a record can be added without a new version; a change in
 * what a record or a code means needs one.
 *
 * Version history:
 * 1 - status was the izde_status_t number (the enum's order was the
 *     protocol) and skip 0/1 told a skipped file from a failed one.
 * 2 - status and fate as fixed wire codes (ix_wire_status_code,
 *     ix_wire_fate_code); no skip record, the fate says it.
 * 3 - the helper reads scans by OCR when told (--ocr), and its text may
 *     then hold OCR'd pages: record ocr "PAGES CACHED MS CONF". A version 2
 *     caller would neither pass the options nor give scans their time.
 * 4 - izde-extract --serve reads many files, one request each (below); a
 *     version 3 helper would take "--serve" for the file to read. */
#define IX_WIRE_VERSION 4
#define IX_WIRE_MAGIC "IZDE-EXTRACT"

/* With --serve, the caller writes a request on the helper's stdin for each
 * file, "FORMAT MAX_BYTES PATH_LEN\n<PATH_LEN bytes of path>\n", and waits
 * for its answer on the helper's stdout: IX_SERVE_MAGIC " LEN\n" and an
 * answer of LEN bytes as above. The helper ends at the end of stdin. */
#define IX_SERVE_MAGIC "IZDE-SERVE"
#define IX_SERVE_PATH_MAX 65536

/* A status's wire code, and back. A code this side does not know reads as
 * IZDE_ERR_INTERNAL. The numbers are fixed for a protocol version. */
int ix_wire_status_code(izde_status_t st);
izde_status_t ix_wire_status(int code);

/* A fate's wire code, and back. A code this side does not know reads as
 * IX_FATE_FAILED. */
int ix_wire_fate_code(enum ix_fate fate);
enum ix_fate ix_wire_fate(int code);

/* Appends the answer for one file to out: st, o's fate and reason, and x's
 * pages, OCR figures, metadata, notes, format and text. Returns IZDE_OK or
 * IZDE_ERR_NOMEM. */
izde_status_t ix_wire_put(struct izde_buf *out, izde_status_t st, const struct ix_outcome *o,
                          const struct ix_extract *x);

/* Reads an answer (s, len) into st, o and x: the text is appended to
 * x->raw, metadata and notes to their buffers, x->pages, the OCR figures
 * and x->format set.
 * OUT: *version, the version the answer says it speaks (0 if none).
 * Returns IZDE_OK; IZDE_ERR_ENCODING when s is no answer at all (the helper
 * died before it wrote one); IZDE_ERR_UNSUPPORTED when it speaks another
 * protocol version (*version says which); IZDE_ERR_NOMEM. */
izde_status_t ix_wire_read(const char *s, size_t len, izde_status_t *st, struct ix_outcome *o,
                           struct ix_extract *x, int *version);

#endif
