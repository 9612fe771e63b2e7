/* title.h - a document's title, author and date: the one place that cleans them, writes them as the header of the text, and decides the title that is stored. */
#ifndef IZDE_EXTRACT_TITLE_H
#define IZDE_EXTRACT_TITLE_H

#include <stddef.h>
#include "common/status.h"
#include "extract/extract.h"

/* Makes x->title, x->author and x->date (as the readers found them in
 * document properties, HTML <title> and <meta name=author>) clean lines:
 * valid UTF-8, whitespace collapsed, at most IX_META_MAX bytes (a note
 * says which was cut). Uses x->raw as scratch. Returns IZDE_OK or
 * IZDE_ERR_NOMEM. */
izde_status_t ix_meta_clean(struct ix_extract *x);

/* Sets x->text to the header (see extract.h: the title line unless the
 * body starts with it, the author line, an empty line) and then the body
 * (blen bytes, not inside x->text). Returns IZDE_OK or IZDE_ERR_NOMEM. */
izde_status_t ix_meta_header(struct ix_extract *x, const char *body, size_t blen);

#endif
