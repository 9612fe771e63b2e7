/* ocr.c - Tesseract behind ocr.h: one engine a process, a deadline a page, leptonica for image files. */
#include "extract/ocr.h"

#include <leptonica/allheaders.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>
#include <time.h>

struct ix_ocr {
    TessBaseAPI *api;
    ETEXT_DESC *monitor;
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

izde_status_t ix_ocr_new(const char *langs, ix_ocr_t **out, char **errmsg)
{
    *out = NULL;
    ix_ocr_t *t = calloc(1, sizeof(*t));
    if (!t)
        return IZDE_ERR_NOMEM;
    t->api = TessBaseAPICreate();
    t->monitor = TessMonitorCreate();
    if (!t->api || !t->monitor) {
        ix_ocr_free(t);
        return IZDE_ERR_NOMEM;
    }
    /* The LSTM engine alone: the legacy one has no Kyrgyz model and only
     * slows the run. */
    if (TessBaseAPIInit2(t->api, NULL, langs, OEM_LSTM_ONLY) != 0) {
        ix_ocr_free(t);
        if (errmsg) {
            struct izde_buf b = IZDE_BUF_INIT;
            izde_buf_addf(&b, "no Tesseract model for '%s' (install tesseract-ocr-LANG "
                              "for each, or set TESSDATA_PREFIX)", langs);
            *errmsg = izde_buf_detach(&b, NULL);
        }
        return IZDE_ERR_NOT_FOUND;
    }
    /* Tesseract's debug lines go nowhere: the answer says what matters. */
    TessBaseAPISetVariable(t->api, "debug_file", "/dev/null");
    *out = t;
    return IZDE_OK;
}

void ix_ocr_free(ix_ocr_t *t)
{
    if (!t)
        return;
    if (t->api) {
        TessBaseAPIEnd(t->api);
        TessBaseAPIDelete(t->api);
    }
    if (t->monitor)
        TessMonitorDelete(t->monitor);
    free(t);
}

/* Recognises the image set on t->api and appends its text to out. */
static izde_status_t recognise(ix_ocr_t *t, unsigned limit_ms, double t0, struct izde_buf *out,
                               struct ix_ocr_page *pg)
{
    /* The deadline counts from now on Tesseract's own clock. */
    TessMonitorSetDeadlineMSecs(t->monitor, (int)limit_ms);
    int r = TessBaseAPIRecognize(t->api, t->monitor);
    /* Recognize fails when the deadline cut it short; what it read until
     * then is still there. */
    pg->stopped = r != 0 && now_ms() - t0 >= limit_ms;
    if (r != 0 && !pg->stopped) {
        TessBaseAPIClear(t->api);
        return IZDE_ERR_ENCODING;
    }
    char *text = TessBaseAPIGetUTF8Text(t->api);
    pg->conf = text ? TessBaseAPIMeanTextConf(t->api) : 0;
    if (pg->conf < 0)
        pg->conf = 0;
    izde_status_t rc = text ? izde_buf_adds(out, text) : IZDE_OK;
    TessDeleteText(text);
    TessBaseAPIClear(t->api);
    pg->ms = now_ms() - t0;
    return rc;
}

izde_status_t ix_ocr_grey(ix_ocr_t *t, const unsigned char *px, int w, int h, int stride,
                          int dpi, unsigned limit_ms, struct izde_buf *out,
                          struct ix_ocr_page *pg)
{
    double t0 = now_ms();
    memset(pg, 0, sizeof(*pg));
    TessBaseAPISetImage(t->api, px, w, h, 1, stride);
    TessBaseAPISetSourceResolution(t->api, dpi);
    return recognise(t, limit_ms, t0, out, pg);
}

static int is_tiff(l_int32 f)
{
    return f == IFF_TIFF || f == IFF_TIFF_G4 || f == IFF_TIFF_G3 || f == IFF_TIFF_LZW ||
           f == IFF_TIFF_ZIP || f == IFF_TIFF_PACKBITS || f == IFF_TIFF_RLE ||
           f == IFF_TIFF_JPEG;
}

izde_status_t ix_ocr_image_pages(const char *path, unsigned *pages)
{
    *pages = 0;
    l_int32 format = IFF_UNKNOWN;
    if (findFileFormat(path, &format) != 0)
        return IZDE_ERR_ENCODING;
    if (is_tiff(format)) {
        FILE *f = fopen(path, "rb");
        l_int32 n = 0;
        int bad = !f || tiffGetCount(f, &n) != 0 || n <= 0;
        if (f)
            fclose(f);
        if (bad)
            return IZDE_ERR_ENCODING;
        *pages = (unsigned)n;
        return IZDE_OK;
    }
    *pages = 1;
    return IZDE_OK;
}

izde_status_t ix_ocr_image(ix_ocr_t *t, const char *path, unsigned i, unsigned limit_ms,
                           struct izde_buf *out, struct ix_ocr_page *pg)
{
    double t0 = now_ms();
    memset(pg, 0, sizeof(*pg));
    l_int32 format = IFF_UNKNOWN;
    findFileFormat(path, &format);
    PIX *pix = is_tiff(format) ? pixReadTiff(path, (l_int32)i) : i == 0 ? pixRead(path) : NULL;
    if (!pix)
        return IZDE_ERR_ENCODING;
    /* A scan without a resolution (many PNGs) is taken for 300 dpi, the
     * commonest scanner setting; Tesseract guesses worse. */
    if (pixGetXRes(pix) < 70)
        pixSetResolution(pix, 300, 300);
    TessBaseAPISetImage2(t->api, pix);
    izde_status_t rc = recognise(t, limit_ms, t0, out, pg);
    pixDestroy(&pix);
    return rc;
}
