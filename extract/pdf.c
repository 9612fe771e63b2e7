/* pdf.c - the text of a PDF with poppler-glib, page by page in reading order (run only inside izde-extract). */
#include <glib.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "extract/readers.h"
#include "extract/textout.h"

static izde_status_t add_meta(struct izde_buf *b, gchar *v)
{
    izde_status_t rc = v ? izde_buf_adds(b, v) : IZDE_OK;
    g_free(v);
    return rc;
}

izde_status_t ix_extract_pdf(struct ix_extract *x, const char *path, size_t max_bytes,
                             struct ix_outcome *o)
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
    for (int i = 0; i < n && rc == IZDE_OK; i++) {
        PopplerPage *page = poppler_document_get_page(doc, i);
        if (i > 0)
            rc = izde_buf_addc(&x->text, '\f');
        if (!page)
            continue;
        /* The page's text in reading order: poppler's layout analysis finds
         * columns and reads them one after another. Not
         * poppler_page_get_text: it selects within the crop box, and a line
         * that runs past it loses its last glyph and takes the lines after
         * it along. A selection three pages wide keeps them (glyphs that
         * start outside the crop box poppler drops before any selection). */
        double w = 0, h = 0;
        poppler_page_get_size(page, &w, &h);
        PopplerRectangle all = { -w, -h, 2 * w, 2 * h };
        gchar *t = poppler_page_get_text_for_area(page, &all);
        if (t && rc == IZDE_OK) {
            size_t len = strlen(t);
            while (len > 0 && (t[len - 1] == '\n' || t[len - 1] == ' '))
                len--;
            rc = izde_buf_add(&x->text, t, len);
            if (rc == IZDE_OK)
                rc = izde_buf_addc(&x->text, '\n');
        }
        g_free(t);
        g_object_unref(page);
        if (rc == IZDE_OK && x->text.len > max_bytes) {
            g_object_unref(doc);
            return ix_refuse(o, IX_FATE_TOO_LARGE, "text of the PDF is larger than --max-size");
        }
    }
    g_object_unref(doc);
    if (rc != IZDE_OK)
        return ix_fail(o, rc, "%s", izde_status_str(rc));
    return IZDE_OK;
}
