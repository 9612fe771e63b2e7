/* html.c - the visible text of HTML and XHTML, through libxml2's HTML parser (files, and EPUB chapters for zip.c). */
#include "extract/html.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "extract/decode.h"
#include "extract/textout.h"
#include "extract/xml.h"

/* Elements whose content is never the document's text. */
static const char *const skipped[] = {
    "script", "style", "noscript", "template", "nav", "form", "button", "select",
    "textarea", "svg", "math", "iframe", "object", "embed", "canvas", "menu", "dialog",
    "map", "audio", "video", NULL,
};

/* Whether n is one of the NULL-terminated names, ignoring case. */
static int in_list(const char *n, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp(n, *list) == 0)
            return 1;
    return 0;
}

/* Elements that end a paragraph (3) or a line (2); other elements are inline. */
static int block_level(const char *n)
{
    static const char *const para[] = {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "table", "ul", "ol", "dl", "figure", "hr", "address",
        "header", "footer", "aside", "body", "center", "details", "fieldset", NULL,
    };
    static const char *const line[] = {
        "li", "tr", "dt", "dd", "caption", "figcaption", "summary", "legend", NULL,
    };
    return in_list(n, para) ? 3 : in_list(n, line) ? 2 : 0;
}

/* Whether an attribute value holds one of the words (split at spaces,
 * '-' and '_'). */
static int attr_has_word(xmlNode *n, const char *attr, const char *const *words)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    if (!v)
        return 0;
    int found = 0;
    char *save = NULL;
    for (char *tok = strtok_r((char *)v, " \t\n-_", &save); tok && !found;
         tok = strtok_r(NULL, " \t\n-_", &save))
        found = in_list(tok, words);
    xmlFree(v);
    return found;
}

struct html_walk {
    struct ix_textout t;
    struct izde_buf *title, *author;
    int title_cut;
    izde_status_t rc;
};

/* Boilerplate recognisable by role, class or id: site navigation, banners,
 * page footers. Headers and footers inside an article or main are kept:
 * they often hold its heading. */
static int boilerplate(xmlNode *n, const char *name, int in_content)
{
    static const char *const roles[] = {
        "navigation", "banner", "contentinfo", "search", "menubar", "menu", NULL,
    };
    static const char *const words[] = {
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "sidebar",
        "cookie", "cookies", "share", "social", "advert", "advertisement", "ads", "skip",
        NULL,
    };
    static const char *const outer[] = { "header", "footer", "masthead", NULL };
    static const char *const notes[] = {
        "footnote", "endnote", "footnotes", "endnotes", "rearnote", "note",
        "doc", NULL,
    };
    if ((strcasecmp(name, "header") == 0 || strcasecmp(name, "footer") == 0) && !in_content)
        return 1;
    if (strcasecmp(name, "aside") == 0)
        return !attr_has_word(n, "epub:type", notes) && !attr_has_word(n, "role", notes);
    if (xmlHasProp(n, (const xmlChar *)"hidden"))
        return 1;
    xmlChar *aria = xmlGetProp(n, (const xmlChar *)"aria-hidden");
    int hidden = aria && strcasecmp((const char *)aria, "true") == 0;
    xmlFree(aria);
    if (hidden)
        return 1;
    if (attr_has_word(n, "role", roles))
        return 1;
    if (attr_has_word(n, "class", words) || attr_has_word(n, "id", words))
        return 1;
    if (!in_content && (attr_has_word(n, "class", outer) || attr_has_word(n, "id", outer)))
        return 1;
    return 0;
}

static void set_once(struct izde_buf *b, xmlNode *n, struct html_walk *w)
{
    if (b && !b->len && w->rc == IZDE_OK)
        w->rc = ix_xml_text(b, n->children, IX_META_MAX, &w->title_cut);
}

static void walk(struct html_walk *w, xmlNode *n, int depth, int pre, int in_head,
                 int in_content)
{
    if (depth > 400)
        return;
    for (xmlNode *c = n; c && w->rc == IZDE_OK; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (!in_head && c->content)
                w->rc = ix_textout_add(&w->t, (const char *)c->content,
                                       strlen((const char *)c->content), !pre);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE || !c->name)
            continue;
        const char *name = (const char *)c->name;
        const char *colon = strchr(name, ':');
        if (colon)
            name = colon + 1;
        if (strcasecmp(name, "title") == 0) {
            set_once(w->title, c, w);
            continue;
        }
        if (strcasecmp(name, "meta") == 0) {
            xmlChar *mn = xmlGetProp(c, (const xmlChar *)"name");
            if (mn && (strcasecmp((const char *)mn, "author") == 0 ||
                       strcasecmp((const char *)mn, "dc.creator") == 0 ||
                       strcasecmp((const char *)mn, "citation_author") == 0)) {
                xmlChar *content = xmlGetProp(c, (const xmlChar *)"content");
                if (content && w->author && !w->author->len)
                    w->rc = izde_buf_adds(w->author, (const char *)content);
                xmlFree(content);
            }
            xmlFree(mn);
            continue;
        }
        if (strcasecmp(name, "head") == 0) {
            walk(w, c->children, depth + 1, pre, 1, in_content);
            continue;
        }
        if (in_head || in_list(name, skipped) || boilerplate(c, name, in_content))
            continue;
        if (strcasecmp(name, "br") == 0) {
            ix_textout_break(&w->t, 2);
            continue;
        }
        int level = block_level(name);
        int cell = strcasecmp(name, "td") == 0 || strcasecmp(name, "th") == 0;
        if (level)
            ix_textout_break(&w->t, level);
        if (cell)
            ix_textout_break(&w->t, 1);
        int content = in_content || strcasecmp(name, "article") == 0 ||
                      strcasecmp(name, "main") == 0;
        walk(w, c->children, depth + 1, pre || strcasecmp(name, "pre") == 0, 0, content);
        if (level)
            ix_textout_break(&w->t, level);
        if (cell)
            ix_textout_break(&w->t, 1);
    }
}

izde_status_t ix_html_to_text(struct ix_extract *x, const char *part, const char *s, size_t len,
                              struct izde_buf *out, struct izde_buf *title,
                              struct izde_buf *author)
{
    if (len > (size_t)INT32_MAX)
        return IZDE_ERR_NOMEM;
    ix_xml_prepare();
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt)
        return IZDE_ERR_NOMEM;
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, s, (int)len, NULL, "UTF-8",
                                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                            HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                            HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
    if (doc)
        ix_xml_note_depth(x, part, ctxt);
    htmlFreeParserCtxt(ctxt);
    if (ix_xml_out_of_memory()) {
        xmlFreeDoc(doc);
        return IZDE_ERR_NOMEM;
    }
    if (!doc)
        return IZDE_ERR_ENCODING;
    struct html_walk w;
    ix_textout_start(&w.t, out);
    w.t.pending = 3;        /* a chapter after text starts a paragraph */
    w.title = title;
    w.author = author;
    w.title_cut = 0;
    w.rc = IZDE_OK;
    walk(&w, xmlDocGetRootElement(doc), 0, 0, 0, 0);
    xmlFreeDoc(doc);
    if (w.title_cut)
        ix_note(x, "title cut at %d KB", IX_META_MAX / 1024);
    return w.rc;
}

izde_status_t ix_extract_html(struct ix_extract *x, const char *s, size_t len,
                              struct ix_outcome *o)
{
    char label[64];
    const char *declared = ix_declared_charset(s, len, label, sizeof(label));
    izde_buf_clear(&x->scratch);
    izde_status_t rc = ix_decode_text(x, s, len, declared, &x->scratch, &x->encoding, o);
    if (rc != IZDE_OK)
        return rc;
    rc = ix_html_to_text(x, NULL, x->scratch.p ? x->scratch.p : "", x->scratch.len, &x->text,
                         &x->title, &x->author);
    if (rc == IZDE_ERR_ENCODING)
        return ix_fail(o, rc, "the HTML parser could not read it");
    if (rc != IZDE_OK)
        return ix_fail(o, rc, "%s", izde_status_str(rc));
    return IZDE_OK;
}
