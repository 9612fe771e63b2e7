/* extract_int.h - what the format extractors behind extract.c share (not for the rest of the indexer). */
#ifndef IZDE_EXTRACT_INT_H
#define IZDE_EXTRACT_INT_H

#include <stddef.h>
#include "extract/extract.h"

struct _xmlNode;
struct _xmlParserCtxt;

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
 * and author (may be NULL) receive <title> and <meta name=author>, the
 * title capped at IX_META_MAX. A cut title, or nesting too deep for
 * libxml2, is noted in x (part: the archive entry, NULL for the file).
 * Returns IZDE_ERR_NOMEM when libxml2 ran out of memory. */
izde_status_t ix_html_to_text(struct ix_extract *x, const char *part, const char *s, size_t len,
                              struct izde_buf *out, struct izde_buf *title,
                              struct izde_buf *author);

/* Notes that libxml2 stopped parsing at its depth limit, if the error of
 * ctxt says so (part: as above). */
void ix_xml_note_depth(struct ix_extract *x, const char *part, const struct _xmlParserCtxt *ctxt);

/* DOCX, ODT or EPUB at path (a ZIP archive), in this process (the
 * izde-extract helper calls it). Decompressed sizes are capped in all (see
 * IX_ZIP_RATIO). */
izde_status_t ix_extract_zip(struct ix_extract *x, const char *path, size_t max_bytes,
                             char **why, int *skip);

/* Initialises libxml2 once and silences its error output on this thread;
 * call before each parse. */
void ix_xml_prepare(void);
/* Whether libxml2 ran out of memory on this thread since ix_xml_prepare. */
int ix_xml_out_of_memory(void);

/* Appends the text under n (text nodes, and the internal entities
 * referenced, as xmlNodeGetContent would) to b, up to max bytes in b: a
 * title that repeats an entity must not expand to gigabytes. Never more
 * than a fixed number of nodes are visited. OUT: *cut, 1 when text was
 * left out. */
izde_status_t ix_xml_text(struct izde_buf *b, const struct _xmlNode *n, size_t max, int *cut);

/* Adds a note (see x->notes); a note lost for memory is no failure. */
void ix_note(struct ix_extract *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* PDF at path, in this process (the izde-extract helper calls it); its text
 * is capped at max_bytes. */
izde_status_t ix_extract_pdf(struct ix_extract *x, const char *path, size_t max_bytes,
                             char **why, int *skip);

/* Sets *why to a malloc'ed printf-formatted message (left NULL when out of
 * memory). Returns st, so that callers can "return ix_fail(...)". */
izde_status_t ix_fail(char **why, izde_status_t st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
