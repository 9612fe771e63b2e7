/* zip.c - DOCX, ODT and EPUB: ZIP archives of XML, read with libzip and libxml2 under size caps (inside izde-extract; EPUB chapters through html.c). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "extract/decode.h"
#include "extract/html.h"
#include "extract/readers.h"
#include "extract/textout.h"
#include "extract/xml.h"

#define MAX_SPINE 10000

/* An open archive and the decompression budget left for it. */
struct archive {
    zip_t *z;
    size_t budget;
    const char *path;
    struct ix_extract *x;   /* where notes go */
};

/* Whether name is one of the NULL-terminated names. */
static int name_in(const char *name, const char *const *names)
{
    for (; *names; names++)
        if (strcmp(name, *names) == 0)
            return 1;
    return 0;
}

static const char *local_name(const xmlNode *n)
{
    const char *name = (const char *)n->name;
    const char *colon = name ? strchr(name, ':') : NULL;
    return colon ? colon + 1 : name ? name : "";
}

static int is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp(local_name(n), name) == 0;
}

/* Reads entry name into out (replacing its content). A missing entry gives
 * IZDE_ERR_NOT_FOUND with no message; decompressing past the budget stops
 * with a message: the declared sizes of a ZIP bomb lie, so only the bytes
 * actually produced count. */
static izde_status_t read_entry(struct archive *a, const char *name, struct izde_buf *out,
                                struct ix_outcome *o)
{
    izde_buf_clear(out);
    zip_int64_t idx = zip_name_locate(a->z, name, 0);
    if (idx < 0)
        idx = zip_name_locate(a->z, name, ZIP_FL_NOCASE);
    if (idx < 0)
        return IZDE_ERR_NOT_FOUND;
    zip_file_t *f = zip_fopen_index(a->z, (zip_uint64_t)idx, 0);
    if (!f) {
        zip_error_t *e = zip_get_error(a->z);
        int code = zip_error_code_zip(e);
        if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD)
            return ix_fail(o, IZDE_ERR_ENCODING, "encrypted document ('%s' needs a password)",
                           name);
        return ix_fail(o, IZDE_ERR_ENCODING, "cannot read '%s' in the archive: %s", name,
                       zip_error_strerror(e));
    }
    izde_status_t rc = IZDE_OK;
    for (;;) {
        if (izde_buf_grow(out, 65536) != IZDE_OK) {
            rc = IZDE_ERR_NOMEM;
            break;
        }
        zip_int64_t n = zip_fread(f, out->p + out->len, 65536);
        if (n < 0) {
            rc = ix_fail(o, IZDE_ERR_ENCODING, "corrupt archive entry '%s': %s", name,
                         zip_file_strerror(f));
            break;
        }
        if (n == 0)
            break;
        if ((size_t)n > a->budget) {
            rc = ix_fail(o, IZDE_ERR_ENCODING,
                         "'%s' expands beyond the size cap (%d times the file, at most "
                         "--max-size), a ZIP bomb?", name, IX_ZIP_RATIO);
            break;
        }
        a->budget -= (size_t)n;
        out->len += (size_t)n;
        out->p[out->len] = '\0';
    }
    zip_fclose(f);
    return rc;
}

/* Parses the entry name held in b into *doc (NULL when not even a part of
 * it is XML). Returns IZDE_OK or IZDE_ERR_NOMEM (libxml2 ran out). */
static izde_status_t parse_xml(struct archive *a, const struct izde_buf *b, const char *name,
                               xmlDocPtr *doc)
{
    *doc = NULL;
    if (b->len > (size_t)INT32_MAX)
        return IZDE_OK;
    ix_xml_prepare();
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        return IZDE_ERR_NOMEM;
    /* No XML_PARSE_NOENT: entities stay unexpanded (no billion laughs;
     * metadata reads them through ix_xml_text, capped), no DTD loading, no
     * network. No XML_PARSE_HUGE: it would lift the guards against
     * amplification too. RECOVER keeps what precedes damage. */
    *doc = xmlCtxtReadMemory(ctxt, b->p ? b->p : "", (int)b->len, name, NULL,
                             XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                 XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
    izde_status_t rc = IZDE_OK;
    if (ctxt->errNo == XML_ERR_NO_MEMORY || ix_xml_out_of_memory()) {
        xmlFreeDoc(*doc);
        *doc = NULL;
        rc = IZDE_ERR_NOMEM;
    } else if (*doc) {
        ix_xml_note_depth(a->x, name, ctxt);
    }
    xmlFreeParserCtxt(ctxt);
    return rc;
}

/* The first element called name under n (depth-first), or NULL. */
static xmlNode *find_elem(xmlNode *n, const char *name, int depth)
{
    for (; n && depth < 64; n = n->next) {
        if (is(n, name))
            return n;
        xmlNode *c = find_elem(n->children, name, depth + 1);
        if (c)
            return c;
    }
    return NULL;
}

/* Metadata (docProps/core.xml, meta.xml, the OPF): the first element of
 * each name that has content, capped, with a note when cut. */
static izde_status_t meta_into(struct ix_extract *x, xmlNode *root, const char *name,
                               struct izde_buf *b)
{
    if (b->len)
        return IZDE_OK;
    xmlNode *n = find_elem(root, name, 0);
    int cut = 0;
    izde_status_t rc = n ? ix_xml_text(b, n->children, IX_META_MAX, &cut) : IZDE_OK;
    if (cut)
        ix_note(x, "%s cut at %d KB", b == &x->title ? "title" : b == &x->author ? "author"
                                                                                : "date",
                IX_META_MAX / 1024);
    return rc;
}

/* An element of a properties part and where its content goes. */
struct property {
    const char *element;
    struct izde_buf *dest;
};

/* Reads the properties part entry (DOCX docProps/core.xml, ODT meta.xml)
 * into the destinations, each filled by the first of its elements that has
 * content. A missing or corrupt part leaves them empty: the body is what
 * counts. scratch receives the part. */
static izde_status_t read_properties(struct archive *a, const char *entry,
                                     struct izde_buf *scratch, const struct property *props,
                                     size_t n, struct ix_outcome *o)
{
    izde_status_t rc = IZDE_OK;
    if (read_entry(a, entry, scratch, o) == IZDE_OK) {
        xmlDocPtr doc;
        rc = parse_xml(a, scratch, entry, &doc);
        if (doc) {
            xmlNode *root = xmlDocGetRootElement(doc);
            for (size_t i = 0; rc == IZDE_OK && i < n; i++)
                rc = meta_into(a->x, root, props[i].element, props[i].dest);
            xmlFreeDoc(doc);
        }
    }
    if (rc != IZDE_OK)
        return rc;
    ix_outcome_clear(o);
    return IZDE_OK;
}

/* ------------------------------------------------------------ DOCX */

struct walker {
    struct ix_textout t;
    izde_status_t rc;
};

static void docx_walk(struct walker *w, xmlNode *n, int depth)
{
    static const char *const skip[] = {
        "delText", "instrText", "del", "Fallback", "sectPr", "rPr", "pPr", "tblPr",
        "footnoteReference", "endnoteReference", "commentReference", "fldChar", NULL,
    };
    if (depth > 300)
        return;
    for (; n && w->rc == IZDE_OK; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *ln = local_name(n);
        if (name_in(ln, skip))
            continue;
        if (strcmp(ln, "t") == 0) {
            for (xmlNode *c = n->children; c && w->rc == IZDE_OK; c = c->next)
                if (c->type == XML_TEXT_NODE && c->content)
                    w->rc = ix_textout_add(&w->t, (const char *)c->content,
                                           strlen((const char *)c->content), 0);
        } else if (strcmp(ln, "tab") == 0) {
            ix_textout_break(&w->t, 1);
        } else if (strcmp(ln, "br") == 0 || strcmp(ln, "cr") == 0) {
            ix_textout_break(&w->t, 2);
        } else if (strcmp(ln, "noBreakHyphen") == 0) {
            w->rc = ix_textout_add(&w->t, "-", 1, 0);
        } else if (strcmp(ln, "p") == 0) {
            docx_walk(w, n->children, depth + 1);
            ix_textout_break(&w->t, 3);
        } else if (strcmp(ln, "tc") == 0) {
            docx_walk(w, n->children, depth + 1);
            ix_textout_break(&w->t, 2);
        } else if (strcmp(ln, "footnote") == 0 || strcmp(ln, "endnote") == 0) {
            xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
            int separator = type && (strcmp((const char *)type, "separator") == 0 ||
                                     strcmp((const char *)type, "continuationSeparator") == 0 ||
                                     strcmp((const char *)type, "continuationNotice") == 0);
            xmlFree(type);
            if (!separator) {
                docx_walk(w, n->children, depth + 1);
                ix_textout_break(&w->t, 3);
            }
        } else {
            docx_walk(w, n->children, depth + 1);
        }
    }
}

static izde_status_t extract_docx(struct ix_extract *x, struct archive *a, struct ix_outcome *o)
{
    static const char *const parts[] = { "word/document.xml", "word/footnotes.xml",
                                         "word/endnotes.xml", NULL };
    struct walker w;
    ix_textout_start(&w.t, &x->text);
    w.rc = IZDE_OK;
    for (int i = 0; parts[i]; i++) {
        izde_status_t rc = read_entry(a, parts[i], &x->raw, o);
        if (rc == IZDE_ERR_NOT_FOUND && i > 0)
            continue;
        if (rc == IZDE_ERR_NOT_FOUND)
            return ix_fail(o, IZDE_ERR_ENCODING, "DOCX without 'word/document.xml'");
        if (rc != IZDE_OK)
            return rc;
        xmlDocPtr doc;
        rc = parse_xml(a, &x->raw, parts[i], &doc);
        if (rc != IZDE_OK)
            return rc;
        if (!doc) {
            if (i == 0)
                return ix_fail(o, IZDE_ERR_ENCODING, "corrupt XML in '%s'", parts[i]);
            continue;
        }
        ix_textout_break(&w.t, 3);
        docx_walk(&w, xmlDocGetRootElement(doc), 0);
        xmlFreeDoc(doc);
        if (w.rc != IZDE_OK)
            return ix_fail(o, w.rc, "%s", izde_status_str(w.rc));
    }
    const struct property props[] = {
        { "title", &x->title }, { "creator", &x->author }, { "created", &x->date },
    };
    return read_properties(a, "docProps/core.xml", &x->raw, props,
                           sizeof(props) / sizeof(props[0]), o);
}

/* ------------------------------------------------------------ ODT */

struct odt_walker {
    struct ix_textout body, notes;
    izde_status_t rc;
};

static void odt_walk(struct odt_walker *w, struct ix_textout *t, xmlNode *n, int depth,
                     int in_para)
{
    static const char *const skip[] = {
        "annotation", "tracked-changes", "sequence-decls", "variable-decls",
        "user-field-decls", "forms", "note-citation", "automatic-styles", "font-face-decls",
        "styles", "scripts", "master-styles", NULL,
    };
    if (depth > 300)
        return;
    for (; n && w->rc == IZDE_OK; n = n->next) {
        if (n->type == XML_TEXT_NODE) {
            if (in_para && n->content)
                w->rc = ix_textout_add(t, (const char *)n->content,
                                       strlen((const char *)n->content), 1);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *ln = local_name(n);
        if (name_in(ln, skip))
            continue;
        if (strcmp(ln, "p") == 0 || strcmp(ln, "h") == 0) {
            ix_textout_break(t, 3);
            odt_walk(w, t, n->children, depth + 1, 1);
            ix_textout_break(t, 3);
        } else if (strcmp(ln, "s") == 0 || strcmp(ln, "tab") == 0) {
            ix_textout_break(t, 1);
        } else if (strcmp(ln, "line-break") == 0) {
            ix_textout_break(t, 2);
        } else if (strcmp(ln, "note") == 0) {
            /* The note's body goes after the text, as in a printed book. */
            xmlNode *b = find_elem(n->children, "note-body", 0);
            if (b) {
                ix_textout_break(&w->notes, 3);
                odt_walk(w, &w->notes, b->children, depth + 1, 0);
            }
        } else if (strcmp(ln, "table-cell") == 0) {
            odt_walk(w, t, n->children, depth + 1, in_para);
            ix_textout_break(t, 2);
        } else {
            odt_walk(w, t, n->children, depth + 1, in_para);
        }
    }
}

static izde_status_t extract_odt(struct ix_extract *x, struct archive *a, struct ix_outcome *o)
{
    izde_status_t rc = read_entry(a, "content.xml", &x->raw, o);
    if (rc == IZDE_ERR_NOT_FOUND)
        return ix_fail(o, IZDE_ERR_ENCODING, "ODT without 'content.xml'");
    if (rc != IZDE_OK)
        return rc;
    xmlDocPtr doc;
    rc = parse_xml(a, &x->raw, "content.xml", &doc);
    if (rc != IZDE_OK)
        return rc;
    if (!doc)
        return ix_fail(o, IZDE_ERR_ENCODING, "corrupt XML in 'content.xml'");
    struct izde_buf notes = IZDE_BUF_INIT;
    struct odt_walker w;
    ix_textout_start(&w.body, &x->text);
    ix_textout_start(&w.notes, &notes);
    w.rc = IZDE_OK;
    odt_walk(&w, &w.body, xmlDocGetRootElement(doc), 0, 0);
    xmlFreeDoc(doc);
    rc = w.rc;
    if (rc == IZDE_OK && notes.len) {
        rc = izde_buf_adds(&x->text, "\n\n");
        if (rc == IZDE_OK)
            rc = izde_buf_add(&x->text, notes.p, notes.len);
    }
    izde_buf_release(&notes);
    if (rc != IZDE_OK)
        return ix_fail(o, rc, "%s", izde_status_str(rc));
    const struct property props[] = {
        { "title", &x->title },
        { "initial-creator", &x->author },
        { "creator", &x->author },
        { "creation-date", &x->date },
    };
    return read_properties(a, "meta.xml", &x->raw, props, sizeof(props) / sizeof(props[0]),
                           o);
}

/* ------------------------------------------------------------ EPUB */

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* dir + href, percent-decoded, without a fragment, with "." and ".."
 * resolved, into out. */
static izde_status_t resolve_href(const char *dir, size_t dirlen, const char *href,
                                  struct izde_buf *out)
{
    struct izde_buf tmp = IZDE_BUF_INIT;
    izde_status_t rc = izde_buf_add(&tmp, dir, dirlen);
    for (const char *p = href; rc == IZDE_OK && *p && *p != '#'; p++) {
        if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
            rc = izde_buf_addc(&tmp, (char)(hexval(p[1]) * 16 + hexval(p[2])));
            p += 2;
        } else {
            rc = izde_buf_addc(&tmp, *p);
        }
    }
    izde_buf_clear(out);
    /* Segment by segment. */
    const char *s = tmp.p ? tmp.p : "";
    while (rc == IZDE_OK && *s) {
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n == 0 || (n == 1 && s[0] == '.')) {
            /* nothing */
        } else if (n == 2 && s[0] == '.' && s[1] == '.') {
            char *slash = out->len ? strrchr(out->p, '/') : NULL;
            out->len = slash ? (size_t)(slash - out->p) : 0;
            if (out->p)
                out->p[out->len] = '\0';
        } else {
            if (out->len)
                rc = izde_buf_addc(out, '/');
            if (rc == IZDE_OK)
                rc = izde_buf_add(out, s, n);
        }
        s += n + (e ? 1 : 0);
    }
    izde_buf_release(&tmp);
    return rc;
}

struct manifest_item {
    xmlChar *id, *href;
};

static izde_status_t extract_epub(struct ix_extract *x, struct archive *a, struct ix_outcome *o)
{
    izde_status_t rc = read_entry(a, "META-INF/container.xml", &x->raw, o);
    if (rc == IZDE_ERR_NOT_FOUND)
        return ix_fail(o, IZDE_ERR_ENCODING, "EPUB without 'META-INF/container.xml'");
    if (rc != IZDE_OK)
        return rc;
    xmlDocPtr doc;
    rc = parse_xml(a, &x->raw, "META-INF/container.xml", &doc);
    if (rc != IZDE_OK)
        return rc;
    xmlNode *rf = doc ? find_elem(xmlDocGetRootElement(doc), "rootfile", 0) : NULL;
    xmlChar *opf = rf ? xmlGetProp(rf, (const xmlChar *)"full-path") : NULL;
    xmlFreeDoc(doc);
    if (!opf)
        return ix_fail(o, IZDE_ERR_ENCODING, "EPUB container names no package file");
    char *opf_path = strdup((const char *)opf);
    xmlFree(opf);
    if (!opf_path)
        return IZDE_ERR_NOMEM;
    rc = read_entry(a, opf_path, &x->raw, o);
    if (rc == IZDE_ERR_NOT_FOUND)
        rc = ix_fail(o, IZDE_ERR_ENCODING, "EPUB package file '%s' is missing", opf_path);
    doc = NULL;
    if (rc == IZDE_OK)
        rc = parse_xml(a, &x->raw, opf_path, &doc);
    if (rc == IZDE_OK && !doc)
        rc = ix_fail(o, IZDE_ERR_ENCODING, "corrupt XML in '%s'", opf_path);
    if (rc != IZDE_OK) {
        free(opf_path);
        return rc;
    }
    const char *slash = strrchr(opf_path, '/');
    size_t dirlen = slash ? (size_t)(slash - opf_path + 1) : 0;

    xmlNode *root = xmlDocGetRootElement(doc);
    xmlNode *meta = find_elem(root, "metadata", 0);
    rc = meta_into(x, meta, "title", &x->title);
    if (rc == IZDE_OK)
        rc = meta_into(x, meta, "creator", &x->author);
    if (rc == IZDE_OK)
        rc = meta_into(x, meta, "date", &x->date);

    /* Manifest: id -> href. */
    struct manifest_item *items = NULL;
    size_t nitems = 0, cap = 0;
    xmlNode *man = find_elem(root, "manifest", 0);
    for (xmlNode *n = man ? man->children : NULL; n && rc == IZDE_OK; n = n->next) {
        if (!is(n, "item") || nitems >= MAX_SPINE)
            continue;
        struct manifest_item *grown = izde_array_grow(items, nitems, &cap, sizeof(*grown), 64);
        if (!grown) {
            rc = IZDE_ERR_NOMEM;
            break;
        }
        items = grown;
        items[nitems].id = xmlGetProp(n, (const xmlChar *)"id");
        items[nitems].href = xmlGetProp(n, (const xmlChar *)"href");
        nitems++;
    }

    /* Spine: the reading order. */
    struct izde_buf entry = IZDE_BUF_INIT, utf8 = IZDE_BUF_INIT;
    xmlNode *spine = find_elem(root, "spine", 0);
    size_t chapters = 0;
    for (xmlNode *n = spine ? spine->children : NULL; n && rc == IZDE_OK; n = n->next) {
        if (!is(n, "itemref"))
            continue;
        xmlChar *idref = xmlGetProp(n, (const xmlChar *)"idref");
        const xmlChar *href = NULL;
        for (size_t i = 0; idref && i < nitems; i++)
            if (items[i].id && items[i].href && xmlStrEqual(items[i].id, idref))
                href = items[i].href;
        xmlFree(idref);
        if (!href)
            continue;
        rc = resolve_href(opf_path, dirlen, (const char *)href, &entry);
        if (rc != IZDE_OK)
            break;
        rc = read_entry(a, entry.p ? entry.p : "", &x->raw, o);
        if (rc == IZDE_ERR_NOT_FOUND) {
            /* A spine entry that is missing loses one chapter, not the book. */
            rc = IZDE_OK;
            continue;
        }
        if (rc != IZDE_OK)
            break;
        izde_buf_clear(&utf8);
        const char *enc;
        rc = ix_decode_text(x, x->raw.p, x->raw.len, NULL, &utf8, &enc, o);
        if (rc == IZDE_ERR_ENCODING) {      /* a binary chapter: skip it */
            ix_outcome_clear(o);
            rc = IZDE_OK;
            continue;
        }
        if (rc == IZDE_OK)
            rc = ix_html_to_text(x, entry.p, utf8.p ? utf8.p : "", utf8.len, &x->text, NULL,
                                 NULL);
        if (rc == IZDE_ERR_ENCODING)
            rc = IZDE_OK;
        chapters++;
    }
    for (size_t i = 0; i < nitems; i++) {
        xmlFree(items[i].id);
        xmlFree(items[i].href);
    }
    free(items);
    izde_buf_release(&entry);
    izde_buf_release(&utf8);
    xmlFreeDoc(doc);
    free(opf_path);
    if (rc == IZDE_OK && chapters == 0)
        rc = ix_fail(o, IZDE_ERR_ENCODING, "EPUB spine names no readable chapter");
    if (rc != IZDE_OK && !o->why)
        ix_fail(o, rc, "%s", izde_status_str(rc));
    return rc;
}

/* ------------------------------------------------------------ dispatch */

izde_status_t ix_extract_zip(struct ix_extract *x, const char *path, size_t max_bytes,
                             struct ix_outcome *o)
{
    int err = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY, &err);
    if (!z) {
        zip_error_t e;
        zip_error_init_with_code(&e, err);
        izde_status_t rc = ix_fail(o, IZDE_ERR_ENCODING, "corrupt or truncated ZIP archive: %s",
                                   zip_error_strerror(&e));
        zip_error_fini(&e);
        return rc;
    }
    /* The budget: IX_ZIP_RATIO times the file, so that a small file cannot
     * unpack into gigabytes even under a large --max-size. */
    struct stat st;
    size_t budget = IX_ZIP_FLOOR;
    if (stat(path, &st) == 0 && (size_t)st.st_size < SIZE_MAX / IX_ZIP_RATIO &&
        (size_t)st.st_size * IX_ZIP_RATIO > budget)
        budget = (size_t)st.st_size * IX_ZIP_RATIO;
    if (budget > max_bytes)
        budget = max_bytes;
    struct archive a = { z, budget, path, x };
    izde_status_t rc;
    char mime[128] = "";
    if (read_entry(&a, "mimetype", &x->raw, o) == IZDE_OK) {
        size_t n = x->raw.len < sizeof(mime) - 1 ? x->raw.len : sizeof(mime) - 1;
        memcpy(mime, x->raw.p, n);
        mime[n] = '\0';
        while (n > 0 && (mime[n - 1] == '\n' || mime[n - 1] == '\r' || mime[n - 1] == ' '))
            mime[--n] = '\0';
    }
    ix_outcome_clear(o);
    if (strcmp(mime, "application/epub+zip") == 0) {
        x->format = "epub";
        rc = extract_epub(x, &a, o);
    } else if (strncmp(mime, "application/vnd.oasis.opendocument.text", 39) == 0) {
        x->format = "odt";
        rc = extract_odt(x, &a, o);
    } else if (strncmp(mime, "application/vnd.oasis.opendocument.", 35) == 0) {
        rc = ix_refuse(o, IX_FATE_UNSUPPORTED, "unsupported format: OpenDocument %s",
                     mime + 35);
    } else if (zip_name_locate(z, "word/document.xml", 0) >= 0) {
        x->format = "docx";
        rc = extract_docx(x, &a, o);
    } else if (zip_name_locate(z, "xl/workbook.xml", 0) >= 0) {
        rc = ix_refuse(o, IX_FATE_UNSUPPORTED, "unsupported format: Excel workbook (.xlsx)");
    } else if (zip_name_locate(z, "ppt/presentation.xml", 0) >= 0) {
        rc = ix_refuse(o, IX_FATE_UNSUPPORTED,
                     "unsupported format: PowerPoint presentation (.pptx)");
    } else {
        rc = ix_refuse(o, IX_FATE_UNSUPPORTED,
                     "unsupported format: ZIP archive that is not DOCX, ODT or EPUB");
    }
    zip_discard(z);
    return rc;
}
