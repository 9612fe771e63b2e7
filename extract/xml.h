/* xml.h - what the HTML and ZIP-format readers share of libxml2: setup, out-of-memory and depth checks, capped node text. */
#ifndef IZDE_EXTRACT_XML_H
#define IZDE_EXTRACT_XML_H

#include <stddef.h>
#include "common/buf.h"
#include "common/status.h"
#include "extract/extract.h"

struct _xmlNode;
struct _xmlParserCtxt;

/* Initialises libxml2 once and silences its error output on this thread;
 * call before each parse. */
void ix_xml_prepare(void);
/* Whether libxml2 ran out of memory on this thread since ix_xml_prepare. */
int ix_xml_out_of_memory(void);

/* Notes that libxml2 stopped parsing at its depth limit, if the error of
 * ctxt says so (part: the archive entry, NULL for the file). */
void ix_xml_note_depth(struct ix_extract *x, const char *part, const struct _xmlParserCtxt *ctxt);

/* Appends the text under n (text nodes, and the internal entities
 * referenced, as xmlNodeGetContent would) to b, up to max bytes in b: a
 * title that repeats an entity must not expand to gigabytes. Never more
 * than a fixed number of nodes are visited. OUT: *cut, 1 when text was
 * left out. */
izde_status_t ix_xml_text(struct izde_buf *b, const struct _xmlNode *n, size_t max, int *cut);

#endif
