/* pdf.c - the text of a PDF with poppler-glib, page by page in reading order; pages without a usable text layer rendered for OCR (run only inside izde-extract). */
#include <glib.h>
#include <poppler.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/readers.h"
#include "extract/textout.h"
#ifdef IZDE_HAVE_OCR
#include <cairo.h>
#include <math.h>
#include "extract/scan.h"

static const char no_memory_to_render[] = "no memory to render a scanned page";
#endif

static izde_status_t add_meta(struct izde_buf *b, gchar *v)
{
    izde_status_t rc = v ? izde_buf_adds(b, v) : IZDE_OK;
    g_free(v);
    return rc;
}

/* The text layer of page i in reading order; NULL when it has none. The
 * caller frees it with g_free. */
static gchar *page_text(PopplerDocument *doc, int i)
{
    PopplerPage *page = poppler_document_get_page(doc, i);
    if (!page)
        return NULL;
    /* Poppler's layout analysis finds columns and reads them one after
     * another. Not poppler_page_get_text: it selects within the crop box,
     * and a line that runs past it loses its last glyph and takes the lines
     * after it along. A selection three pages wide keeps them (glyphs that
     * start outside the crop box poppler drops before any selection). */
    double w = 0, h = 0;
    poppler_page_get_size(page, &w, &h);
    PopplerRectangle all = { -w, -h, 2 * w, 2 * h };
    gchar *t = poppler_page_get_text_for_area(page, &all);
    g_object_unref(page);
    return t;
}

#ifdef IZDE_HAVE_OCR
/* Whether page i is worth reading by OCR: its text layer is not usable,
 * and it is not a blank page (no text at all and no image), which OCR
 * reads as nothing after rendering it and starting Tesseract. A text layer
 * of garbage is read whatever the page holds: its glyphs are drawn. */
static int page_to_ocr(PopplerDocument *doc, int i, const char *text)
{
    size_t len = text ? strlen(text) : 0;
    if (ix_scan_usable(text ? text : "", len))
        return 0;
    if (len > strspn(text ? text : "", " \t\r\n\f"))
        return 1;
    PopplerPage *page = poppler_document_get_page(doc, i);
    if (!page)
        return 0;
    GList *images = poppler_page_get_image_mapping(page);
    int any = images != NULL;
    poppler_page_free_image_mapping(images);
    g_object_unref(page);
    return any;
}

/* Pixels a rendered page may have: an A0 poster at 300 dpi has 140 million;
 * such a page is rendered at a lower resolution instead of taking the
 * helper's memory. */
#define MAX_PIXELS (50.0 * 1000 * 1000)

/* Page i rendered in grey at the scan's resolution and read by OCR (or
 * taken from the cache). */
static izde_status_t ocr_page(struct ix_scan *scan, PopplerDocument *doc, int i,
                              const char *path, struct ix_extract *x, struct ix_outcome *o)
{
    if (ix_scan_from_cache(scan, (unsigned)i, x))
        return izde_buf_addc(&x->text, '\n');
    PopplerPage *page = poppler_document_get_page(doc, i);
    if (!page)
        return IZDE_OK;
    double pw = 0, ph = 0;
    poppler_page_get_size(page, &pw, &ph);
    double scale = scan->dpi / 72.0;
    if (pw * ph * scale * scale > MAX_PIXELS)
        scale = sqrt(MAX_PIXELS / (pw * ph));
    int w = (int)(pw * scale + 0.5), h = (int)(ph * scale + 0.5);
    if (w < 1 || h < 1) {
        g_object_unref(page);
        return IZDE_OK;
    }
    cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    unsigned char *grey = malloc((size_t)w * (size_t)h);
    if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS || !grey) {
        cairo_surface_destroy(surf);
        free(grey);
        g_object_unref(page);
        return ix_fail(o, IZDE_ERR_NOMEM, "%s", no_memory_to_render);
    }
    cairo_t *cr = cairo_create(surf);
    /* A page draws on white paper, not on the surface's black. */
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    poppler_page_render(page, cr);
    cairo_destroy(cr);
    g_object_unref(page);
    cairo_surface_flush(surf);
    const unsigned char *px = cairo_image_surface_get_data(surf);
    int stride = cairo_image_surface_get_stride(surf);
    for (int y = 0; y < h; y++) {
        const uint32_t *row = (const uint32_t *)(px + (size_t)y * (size_t)stride);
        unsigned char *out = grey + (size_t)y * (size_t)w;
        for (int xx = 0; xx < w; xx++) {
            uint32_t p = row[xx];
            /* ITU-R BT.601 luma in integers. */
            out[xx] = (unsigned char)((((p >> 16) & 0xFF) * 299 + ((p >> 8) & 0xFF) * 587 +
                                       (p & 0xFF) * 114) / 1000);
        }
    }
    cairo_surface_destroy(surf);
    unsigned dpi = scan->dpi;
    scan->dpi = (unsigned)(scale * 72.0 + 0.5);
    izde_status_t rc = ix_scan_read(scan, (unsigned)i, grey, w, h, w, path, x, o);
    scan->dpi = dpi;
    free(grey);
    if (rc == IZDE_OK)
        rc = izde_buf_addc(&x->text, '\n');
    return rc;
}
#endif

izde_status_t ix_extract_pdf(struct ix_extract *x, const char *path, size_t max_bytes,
                             struct ix_scan *scan, struct ix_outcome *o)
{
    GError *err = NULL;
    gchar *abs = g_canonicalize_filename(path, NULL);
    gchar *uri = g_filename_to_uri(abs, NULL, &err);
    g_free(abs);
    if (!uri) {
        izde_status_t rc = ix_fail(o, IZDE_ERR_IO, "%s", err ? err->message : "bad path");
        g_clear_error(&err);
        return rc;
    }
    PopplerDocument *doc = poppler_document_new_from_file(uri, NULL, &err);
    g_free(uri);
    if (!doc) {
        izde_status_t rc;
        if (err && g_error_matches(err, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
            rc = ix_fail(o, IZDE_ERR_ENCODING, "encrypted PDF (needs a password)");
        else
            rc = ix_fail(o, IZDE_ERR_ENCODING, "corrupt or truncated PDF: %s",
                         err ? err->message : "poppler cannot open it");
        g_clear_error(&err);
        return rc;
    }
    izde_status_t rc = add_meta(&x->title, poppler_document_get_title(doc));
    if (rc == IZDE_OK)
        rc = add_meta(&x->author, poppler_document_get_author(doc));
    GDateTime *created = poppler_document_get_creation_date_time(doc);
    if (created) {
        if (rc == IZDE_OK)
            rc = add_meta(&x->date, g_date_time_format(created, "%Y-%m-%d"));
        g_date_time_unref(created);
    }
    int n = poppler_document_get_n_pages(doc);
    x->pages = n > 0 ? (unsigned)n : 0;
    /* First each page's text layer, so that the scanned ones are known (and
     * counted for the time limit) before any is read by OCR. */
    gchar **texts = n > 0 ? calloc((size_t)n, sizeof(*texts)) : NULL;
    unsigned *scanned = n > 0 ? calloc((size_t)n, sizeof(*scanned)) : NULL;
    size_t nscanned = 0, total = 0;
    if (n > 0 && (!texts || !scanned))
        rc = IZDE_ERR_NOMEM;
    for (int i = 0; i < n && rc == IZDE_OK; i++) {
        texts[i] = page_text(doc, i);
        total += texts[i] ? strlen(texts[i]) : 0;
#ifdef IZDE_HAVE_OCR
        if (scan && page_to_ocr(doc, i, texts[i]))
            scanned[nscanned++] = (unsigned)i;
#endif
        if (total > max_bytes)
            rc = ix_refuse(o, IX_FATE_TOO_LARGE, "text of the PDF is larger than --max-size");
    }
#ifdef IZDE_HAVE_OCR
    if (rc == IZDE_OK && nscanned)
        rc = ix_scan_begin(scan, path, scanned, nscanned, o);
#endif
    for (int i = 0, next = 0; i < n && rc == IZDE_OK; i++) {
        if (i > 0)
            rc = izde_buf_addc(&x->text, '\f');
        int read = 0;
#ifdef IZDE_HAVE_OCR
        if (rc == IZDE_OK && (size_t)next < nscanned && scanned[next] == (unsigned)i) {
            next++;
            read = 1;
            rc = ocr_page(scan, doc, i, path, x, o);
        }
#else
        (void)scan, (void)next, (void)nscanned;
#endif
        if (rc == IZDE_OK && !read && texts[i]) {
            size_t len = strlen(texts[i]);
            while (len > 0 && (texts[i][len - 1] == '\n' || texts[i][len - 1] == ' '))
                len--;
            rc = izde_buf_add(&x->text, texts[i], len);
            if (rc == IZDE_OK)
                rc = izde_buf_addc(&x->text, '\n');
        }
        if (rc == IZDE_OK && x->text.len > max_bytes)
            rc = ix_refuse(o, IX_FATE_TOO_LARGE, "text of the PDF is larger than --max-size");
    }
#ifdef IZDE_HAVE_OCR
    if (rc == IZDE_OK && nscanned)
        ix_scan_end(scan, x);
#endif
    for (int i = 0; texts && i < n; i++)
        g_free(texts[i]);
    free(texts);
    free(scanned);
    if (rc != IZDE_OK && o->fate != IX_FATE_INDEXED) {
        g_object_unref(doc);
        return rc;
    }
    g_object_unref(doc);
    if (rc != IZDE_OK)
        return ix_fail(o, rc, "%s", izde_status_str(rc));
    return IZDE_OK;
}
