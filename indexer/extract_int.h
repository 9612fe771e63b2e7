/* extract_int.h - what the format extractors behind extract.c share (not for the rest of the indexer). */
#ifndef IZDE_EXTRACT_INT_H
#define IZDE_EXTRACT_INT_H

#include <stddef.h>
#include "extract.h"

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

/* Makes raw bytes of a text or markup file into UTF-8: the declared charset
 * (may be NULL) wins unless the bytes are valid UTF-8; otherwise detection.
 * OUT: *encoding, static name. Appends to out; x->repaired counts
 * replacements. */
izde_status_t ix_decode_text(struct ix_extract *x, const char *s, size_t len,
                             const char *declared, struct izde_buf *out,
                             const char **encoding, char **why);

/* HTML/XHTML (raw bytes, any charset) into x->text, x->title, x->author. */
izde_status_t ix_extract_html(struct ix_extract *x, const char *s, size_t len, char **why);

/* Appends the visible text of an HTML/XHTML document (UTF-8) to out; title
 * and author (may be NULL) receive <title> and <meta name=author>. */
izde_status_t ix_html_to_text(const char *s, size_t len, struct izde_buf *out,
                              struct izde_buf *title, struct izde_buf *author);

/* DOCX, ODT or EPUB at path (a ZIP archive). Decompressed sizes are capped
 * at max_bytes in all. */
izde_status_t ix_extract_zip(struct ix_extract *x, const char *path, size_t max_bytes,
                             char **why, int *skip);

/* Initialises libxml2 once and silences its error output on this thread;
 * call before each parse. */
void ix_xml_prepare(void);

/* PDF at path, in this process (the izde-extract helper calls it). */
izde_status_t ix_extract_pdf(struct ix_extract *x, const char *path, char **why, int *skip);

/* Sets *why to a malloc'ed printf-formatted message (left NULL when out of
 * memory). Returns st, so that callers can "return ix_fail(...)". */
izde_status_t ix_fail(char **why, izde_status_t st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
