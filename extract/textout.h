/* textout.h - what every reader writes through: the text builder, the reason a file was refused, notes, and emptying them for the next file. */
#ifndef IZDE_EXTRACT_TEXTOUT_H
#define IZDE_EXTRACT_TEXTOUT_H

#include <stddef.h>
#include "common/buf.h"
#include "common/status.h"
#include "extract/extract.h"
#include "extract/outcome.h"

/* Builds text from a tree walk: whitespace collapsed, breaks deferred until
 * the next text so that no run of empty lines or trailing space builds up. */
struct ix_textout {
    struct izde_buf *out;
    int pending;        /* 0 nothing, 1 space, 2 line break, 3 paragraph break */
};

void ix_textout_start(struct ix_textout *t, struct izde_buf *out);
/* Appends len bytes of text; collapse folds whitespace runs into spaces. */
izde_status_t ix_textout_add(struct ix_textout *t, const char *s, size_t len, int collapse);
/* Asks for a break of at least level (1 space, 2 line, 3 paragraph). */
void ix_textout_break(struct ix_textout *t, int level);

/* An error st while reading a file: o->why becomes the printf-formatted
 * reason (left NULL when out of memory), and the file failed unless a
 * reader already decided its fate. Returns st, so that readers can
 * "return ix_fail(...)". */
izde_status_t ix_fail(struct ix_outcome *o, izde_status_t st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A reader's decision about the file (empty, too large, binary, ...):
 * o->fate and o->why are set. Returns the non-OK status that stops the
 * reader (IZDE_ERR_INVALID for empty, IZDE_ERR_UNSUPPORTED for too large
 * or unsupported, IZDE_ERR_IO for changed, IZDE_ERR_ENCODING for binary or
 * failed); only "not IZDE_OK" counts, the outcome says what happened. */
izde_status_t ix_refuse(struct ix_outcome *o, enum ix_fate fate, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Adds a note (see x->notes); a note lost for memory is no failure. */
void ix_note(struct ix_extract *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Empties what a reading reports of one file besides its text: metadata,
 * notes, the raw text, the page count and the OCR figures (what the
 * helper's answer fills, wire.h). */
void ix_extract_clear_report(struct ix_extract *x);

#endif
