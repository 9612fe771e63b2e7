/* xml.c - libxml2 set up once and silenced per thread, and capped text of a node (entities expanded, never to gigabytes): shared by the HTML and ZIP-format readers. */
#include "extract/xml.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "extract/textout.h"

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
/* Whether libxml2 ran out of memory since ix_xml_prepare on this thread:
 * its parsers then return what they had, which must not pass for the
 * document. */
static _Thread_local int xml_oom;

static void xml_init(void)
{
    xmlInitParser();
}

static void xml_quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void xml_quiet_structured(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    if (e && e->code == XML_ERR_NO_MEMORY)
        xml_oom = 1;
}

int ix_xml_out_of_memory(void)
{
    return xml_oom;
}

void ix_xml_prepare(void)
{
    pthread_once(&xml_once, xml_init);
    xml_oom = 0;
    /* libxml2 keeps its error handlers per thread: set them every time. */
    xmlSetGenericErrorFunc(NULL, xml_quiet);
    xmlSetStructuredErrorFunc(NULL, xml_quiet_structured);
}

/* Nodes ix_xml_text visits at most: entities that expand to nothing must
 * not make it loop a billion times either. */
#define XML_TEXT_VISITS 100000

struct capped {
    struct izde_buf *b;
    size_t max, visits;
    int cut;
    izde_status_t rc;
};

static void capped_walk(struct capped *c, const xmlNode *n, int depth)
{
    for (; n && c->rc == IZDE_OK && !c->cut; n = n->next) {
        if (++c->visits > XML_TEXT_VISITS) {
            c->cut = 1;
            return;
        }
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
            size_t len = strlen((const char *)n->content), room = c->max - c->b->len;
            if (len > room) {
                /* At a character boundary. */
                while (room > 0 && ((unsigned char)n->content[room] & 0xC0) == 0x80)
                    room--;
                len = room;
                c->cut = 1;
            }
            c->rc = izde_buf_add(c->b, (const char *)n->content, len);
        } else if (n->type == XML_ELEMENT_NODE && depth < 64) {
            capped_walk(c, n->children, depth + 1);
        } else if (n->type == XML_ENTITY_REF_NODE && depth < 64) {
            /* External entities are never loaded, so only internal ones
             * have content. */
            xmlEntityPtr e = xmlGetDocEntity(n->doc, n->name);
            if (e && e->etype == XML_INTERNAL_GENERAL_ENTITY)
                capped_walk(c, e->children, depth + 1);
        }
    }
}

void ix_xml_note_depth(struct ix_extract *x, const char *part, const xmlParserCtxt *ctxt)
{
    /* libxml2 stops at xmlParserMaxDepth levels and keeps what came
     * before (XML_PARSE_HUGE would lift its guards against amplification
     * too): what follows is lost, and the user must know. */
    if (ctxt->lastError.message && strstr(ctxt->lastError.message, "Excessive depth"))
        ix_note(x, "partly extracted: %s%s%s nests elements deeper than %u levels; the text "
                   "from there on is not indexed", part ? "'" : "", part ? part : "the document",
                part ? "'" : "", xmlParserMaxDepth);
}

izde_status_t ix_xml_text(struct izde_buf *b, const xmlNode *n, size_t max, int *cut)
{
    struct capped c = { b, max, 0, 0, IZDE_OK };
    if (b->len < max)
        capped_walk(&c, n, 0);
    *cut = c.cut;
    return c.rc;
}
