/* ocr.c - Tesseract behind ocr.h: one engine a process, a deadline a page, leptonica for image files. */
#include "extract/ocr.h"

#include <dlfcn.h>
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

/* Tesseract and leptonica are opened with dlopen on the first scan, not
 * linked: loading them (32 more libraries, Tesseract's thousands of static
 * parameters) made every start of the helper 1.7 times slower, 24 ms
 * against 15, and the helper starts once a PDF, scanned or not. The
 * functions ocr.c calls, resolved by name: */
static struct {
    __typeof__(&TessBaseAPICreate) TessBaseAPICreate;
    __typeof__(&TessMonitorCreate) TessMonitorCreate;
    __typeof__(&TessBaseAPIInit2) TessBaseAPIInit2;
    __typeof__(&TessBaseAPISetVariable) TessBaseAPISetVariable;
    __typeof__(&TessBaseAPIEnd) TessBaseAPIEnd;
    __typeof__(&TessBaseAPIDelete) TessBaseAPIDelete;
    __typeof__(&TessMonitorDelete) TessMonitorDelete;
    __typeof__(&TessMonitorSetDeadlineMSecs) TessMonitorSetDeadlineMSecs;
    __typeof__(&TessBaseAPIRecognize) TessBaseAPIRecognize;
    __typeof__(&TessBaseAPIClear) TessBaseAPIClear;
    __typeof__(&TessBaseAPIGetUTF8Text) TessBaseAPIGetUTF8Text;
    __typeof__(&TessBaseAPIMeanTextConf) TessBaseAPIMeanTextConf;
    __typeof__(&TessDeleteText) TessDeleteText;
    __typeof__(&TessBaseAPISetImage) TessBaseAPISetImage;
    __typeof__(&TessBaseAPISetSourceResolution) TessBaseAPISetSourceResolution;
    __typeof__(&TessBaseAPISetImage2) TessBaseAPISetImage2;
    __typeof__(&findFileFormat) findFileFormat;
    __typeof__(&tiffGetCount) tiffGetCount;
    __typeof__(&pixReadTiff) pixReadTiff;
    __typeof__(&pixRead) pixRead;
    __typeof__(&pixGetXRes) pixGetXRes;
    __typeof__(&pixSetResolution) pixSetResolution;
    __typeof__(&pixDestroy) pixDestroy;
} lib;

static const struct {
    const char *name;
    int lept;               /* in leptonica, else in Tesseract */
    void *fn;               /* where its address goes (a member of lib) */
} symbols[] = {
    { "TessBaseAPICreate", 0, &lib.TessBaseAPICreate },
    { "TessMonitorCreate", 0, &lib.TessMonitorCreate },
    { "TessBaseAPIInit2", 0, &lib.TessBaseAPIInit2 },
    { "TessBaseAPISetVariable", 0, &lib.TessBaseAPISetVariable },
    { "TessBaseAPIEnd", 0, &lib.TessBaseAPIEnd },
    { "TessBaseAPIDelete", 0, &lib.TessBaseAPIDelete },
    { "TessMonitorDelete", 0, &lib.TessMonitorDelete },
    { "TessMonitorSetDeadlineMSecs", 0, &lib.TessMonitorSetDeadlineMSecs },
    { "TessBaseAPIRecognize", 0, &lib.TessBaseAPIRecognize },
    { "TessBaseAPIClear", 0, &lib.TessBaseAPIClear },
    { "TessBaseAPIGetUTF8Text", 0, &lib.TessBaseAPIGetUTF8Text },
    { "TessBaseAPIMeanTextConf", 0, &lib.TessBaseAPIMeanTextConf },
    { "TessDeleteText", 0, &lib.TessDeleteText },
    { "TessBaseAPISetImage", 0, &lib.TessBaseAPISetImage },
    { "TessBaseAPISetSourceResolution", 0, &lib.TessBaseAPISetSourceResolution },
    { "TessBaseAPISetImage2", 0, &lib.TessBaseAPISetImage2 },
    { "findFileFormat", 1, &lib.findFileFormat },
    { "tiffGetCount", 1, &lib.tiffGetCount },
    { "pixReadTiff", 1, &lib.pixReadTiff },
    { "pixRead", 1, &lib.pixRead },
    { "pixGetXRes", 1, &lib.pixGetXRes },
    { "pixSetResolution", 1, &lib.pixSetResolution },
    { "pixDestroy", 1, &lib.pixDestroy },
};

/* Opens both libraries once a process. Returns IZDE_OK, or
 * IZDE_ERR_NOT_FOUND with *errmsg (malloc'ed; errmsg may be NULL) naming
 * what is missing. */
static izde_status_t open_libraries(char **errmsg)
{
    static int tried;
    static izde_status_t status;
    static char why[256];
    if (!tried) {
        tried = 1;
        void *tess = dlopen(IZDE_TESS_SONAME, RTLD_NOW | RTLD_LOCAL);
        void *lept = dlopen(IZDE_LEPT_SONAME, RTLD_NOW | RTLD_LOCAL);
        status = IZDE_OK;
        if (!tess || !lept) {
            snprintf(why, sizeof(why), "cannot load %s: %s (install Tesseract: %s)",
                     !tess ? IZDE_TESS_SONAME : IZDE_LEPT_SONAME, dlerror(),
                     "libtesseract5 and liblept5");
            status = IZDE_ERR_NOT_FOUND;
        }
        for (size_t i = 0; status == IZDE_OK && i < sizeof(symbols) / sizeof(symbols[0]); i++) {
            void *p = dlsym(symbols[i].lept ? lept : tess, symbols[i].name);
            if (!p) {
                snprintf(why, sizeof(why), "%s lacks %s",
                         symbols[i].lept ? IZDE_LEPT_SONAME : IZDE_TESS_SONAME, symbols[i].name);
                status = IZDE_ERR_NOT_FOUND;
            }
            memcpy(symbols[i].fn, &p, sizeof(p));
        }
    }
    if (status != IZDE_OK && errmsg)
        *errmsg = strdup(why);
    return status;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

izde_status_t ix_ocr_new(const char *langs, ix_ocr_t **out, char **errmsg)
{
    *out = NULL;
    izde_status_t rc = open_libraries(errmsg);
    if (rc != IZDE_OK)
        return rc;
    ix_ocr_t *t = calloc(1, sizeof(*t));
    if (!t)
        return IZDE_ERR_NOMEM;
    t->api = lib.TessBaseAPICreate();
    t->monitor = lib.TessMonitorCreate();
    if (!t->api || !t->monitor) {
        ix_ocr_free(t);
        return IZDE_ERR_NOMEM;
    }
    /* The LSTM engine alone: the legacy one has no Kyrgyz model and only
     * slows the run. */
    if (lib.TessBaseAPIInit2(t->api, NULL, langs, OEM_LSTM_ONLY) != 0) {
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
    lib.TessBaseAPISetVariable(t->api, "debug_file", "/dev/null");
    *out = t;
    return IZDE_OK;
}

void ix_ocr_free(ix_ocr_t *t)
{
    if (!t)
        return;
    if (t->api) {
        lib.TessBaseAPIEnd(t->api);
        lib.TessBaseAPIDelete(t->api);
    }
    if (t->monitor)
        lib.TessMonitorDelete(t->monitor);
    free(t);
}

/* Recognises the image set on t->api and appends its text to out. */
static izde_status_t recognise(ix_ocr_t *t, unsigned limit_ms, double t0, struct izde_buf *out,
                               struct ix_ocr_page *pg)
{
    /* The deadline counts from now on Tesseract's own clock. */
    lib.TessMonitorSetDeadlineMSecs(t->monitor, (int)limit_ms);
    int r = lib.TessBaseAPIRecognize(t->api, t->monitor);
    /* Recognize fails when the deadline cut it short; what it read until
     * then is still there. */
    pg->stopped = r != 0 && now_ms() - t0 >= limit_ms;
    if (r != 0 && !pg->stopped) {
        lib.TessBaseAPIClear(t->api);
        return IZDE_ERR_ENCODING;
    }
    char *text = lib.TessBaseAPIGetUTF8Text(t->api);
    pg->conf = text ? lib.TessBaseAPIMeanTextConf(t->api) : 0;
    if (pg->conf < 0)
        pg->conf = 0;
    izde_status_t rc = text ? izde_buf_adds(out, text) : IZDE_OK;
    lib.TessDeleteText(text);
    lib.TessBaseAPIClear(t->api);
    pg->ms = now_ms() - t0;
    return rc;
}

izde_status_t ix_ocr_grey(ix_ocr_t *t, const unsigned char *px, int w, int h, int stride,
                          int dpi, unsigned limit_ms, struct izde_buf *out,
                          struct ix_ocr_page *pg)
{
    double t0 = now_ms();
    memset(pg, 0, sizeof(*pg));
    lib.TessBaseAPISetImage(t->api, px, w, h, 1, stride);
    lib.TessBaseAPISetSourceResolution(t->api, dpi);
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
    if (open_libraries(NULL) != IZDE_OK)
        return IZDE_ERR_ENCODING;
    l_int32 format = IFF_UNKNOWN;
    if (lib.findFileFormat(path, &format) != 0)
        return IZDE_ERR_ENCODING;
    if (is_tiff(format)) {
        FILE *f = fopen(path, "rb");
        l_int32 n = 0;
        int bad = !f || lib.tiffGetCount(f, &n) != 0 || n <= 0;
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
    lib.findFileFormat(path, &format);
    PIX *pix = is_tiff(format) ? lib.pixReadTiff(path, (l_int32)i) : i == 0 ? lib.pixRead(path) : NULL;
    if (!pix)
        return IZDE_ERR_ENCODING;
    /* A scan without a resolution (many PNGs) is taken for 300 dpi, the
     * commonest scanner setting; Tesseract guesses worse. */
    if (lib.pixGetXRes(pix) < 70)
        lib.pixSetResolution(pix, 300, 300);
    lib.TessBaseAPISetImage2(t->api, pix);
    izde_status_t rc = recognise(t, limit_ms, t0, out, pg);
    lib.pixDestroy(&pix);
    return rc;
}
