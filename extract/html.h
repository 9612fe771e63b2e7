/* html.h - the HTML/XHTML reader: files in-process, and EPUB chapters for the ZIP-format reader. */
#ifndef IZDE_EXTRACT_HTML_H
#define IZDE_EXTRACT_HTML_H

#include <stddef.h>
#include "common/buf.h"
#include "common/status.h"
#include "extract/extract.h"
#include "extract/outcome.h"

/* HTML/XHTML (raw bytes, any charset) into x->text, x->title, x->author. */
izde_status_t ix_extract_html(struct ix_extract *x, const char *s, size_t len,
                              struct ix_outcome *o);

/* Appends the visible text of an HTML/XHTML document (UTF-8) to out; title
 * and author (may be NULL) receive <title> and <meta name=author>, the
 * title capped at IX_META_MAX. A cut title, or nesting too deep for
 * libxml2, is noted in x (part: the archive entry, NULL for the file).
 * Returns IZDE_ERR_NOMEM when libxml2 ran out of memory, IZDE_ERR_ENCODING
 * when it could not parse the document at all. */
izde_status_t ix_html_to_text(struct ix_extract *x, const char *part, const char *s, size_t len,
                              struct izde_buf *out, struct izde_buf *title,
                              struct izde_buf *author);

#endif
