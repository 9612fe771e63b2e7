/* extract.h - turning one file, whatever its format, into text and metadata. */
#ifndef IZDE_EXTRACT_H
#define IZDE_EXTRACT_H

#include <stddef.h>
#include "common/buf.h"
#include "extract/dehyphen.h"
#include "extract/outcome.h"
#include "common/status.h"

/* What extraction gives the indexer. Reused from file to file: the buffers
 * keep their storage. One per thread.
 *
 * Formats are told by content, never by the file name: plain text (any
 * encoding izde_charset_detect knows), gzip-compressed text, PDF, DOCX, ODT,
 * EPUB, HTML/XHTML. Legacy formats (.doc, RTF, ...) and archives that are
 * none of the above are reported by name as unsupported.
 *
 * The shape of x->text, the same for every format:
 *  - When the document has metadata, the text starts with a header: the
 *    title on the first line, the author on the next (a line left out when
 *    unknown), then an empty line, so that both are indexed and searchable.
 *    (The title line is left out when the body already starts with it.)
 *  - Paragraphs are separated by an empty line, lines by '\n'.
 *  - PDF: pages are separated by a form feed '\f', so page N of an offset is
 *    1 + the number of '\f' before it (the header counts as page 1).
 *  - DOCX and ODT footnotes and endnotes follow the body, after an empty line.
 *  - Words hyphenated at line ends are repaired (extract/dehyphen.h); the
 *    stored text is the repaired one, so snippets match it.
 *
 * PDF, DOCX, ODT and EPUB are parsed by poppler, libzip and libxml2 in a
 * separate helper process, izde-extract, found next to the running program
 * (or at $IZDE_EXTRACT_HELPER), started with posix_spawn (which is safe in
 * a multi-threaded indexer, unlike fork without exec), limited to
 * x->max_memory bytes of address space plus IX_HELPER_BASE_MEMORY for its
 * libraries, and killed after x->timeout_s seconds on a file: a document
 * that makes a parser crash, hang or eat all memory costs one file, not the
 * run. One helper serves all of x's files in turn (extract/helper.h), and
 * a new one is started after a crash or a time-out. Plain
 * text and HTML, whose parsing is linear in their size, are read
 * in-process.
 *
 * Hostile documents are cut down to size: metadata fields to IX_META_MAX
 * bytes (an entity repeated 100,000 times in a title), decompressed ZIP
 * entries to IX_ZIP_RATIO times the file (at least IX_ZIP_FLOOR) and never
 * more than max_bytes, page text to max_bytes. What was cut or could not
 * be read while the rest was indexed is said in x->notes. */
struct ix_helper;

#define IX_META_MAX 4096
#define IX_ZIP_RATIO 100
#define IX_ZIP_FLOOR ((size_t)64 << 20)
#define IX_HELPER_BASE_MEMORY ((size_t)128 << 20)
#define IX_OCR_DPI 300
#define IX_OCR_PAGE_SECONDS 60
#define IX_OCR_LANGS "kir+rus+eng"
struct ix_extract {
    struct izde_buf text;      /* valid UTF-8, never NUL-containing */
    struct izde_buf title;     /* the document's own; empty: see ix_extract_title */
    struct izde_buf author;
    struct izde_buf date;      /* creation date as the document gives it, "" if none */
    const char *encoding;      /* static: "UTF-8", "windows-1251", ... */
    const char *format;        /* static: "text", "pdf", "docx", "odt", "epub", "html" */
    unsigned pages;            /* PDF pages, 0 for other formats */
    size_t bytes_read;         /* size of the input as read */
    size_t repaired;           /* invalid UTF-8 sequences replaced */
    size_t first_bad;          /* byte offset of the first of them */
    struct izde_dehyphen_stats dehyphen;  /* what the hyphen repair did */
    struct izde_buf notes;     /* "title cut at 4 KB; ...": what the caller warns about
                                  although the file was read; "" if nothing */
    unsigned timeout_s;        /* helper time limit: $IZDE_EXTRACT_TIMEOUT or 30 */
    size_t max_memory;         /* helper memory limit (see above); 0: none */
    int follow_link;           /* path may be a symbolic link (the walk vetted
                                  where it leads); otherwise a link is refused */
    /* OCR of scanned PDF pages and image files (PNG, JPEG, TIFF), in builds
     * with IZDE_HAVE_OCR: a page whose text layer is missing or garbage is
     * rendered at ocr_dpi and read by Tesseract in the helper, which then
     * gets IX_OCR_PAGE_SECONDS more for each such page. */
    const char *ocr_langs;     /* "kir+rus+eng"; NULL: no OCR (--no-ocr) */
    const char *ocr_cache;     /* folder of the OCR cache; NULL: none */
    unsigned ocr_dpi;          /* 0: IX_OCR_DPI */
    unsigned ocr_pages;        /* OUT: pages read by OCR this time */
    unsigned ocr_cached;       /* OUT: pages whose OCR text came from the cache */
    unsigned ocr_ms;           /* OUT: time the OCR took */
    unsigned ocr_conf;         /* OUT: mean Tesseract confidence of those pages, 0-100 */
    struct izde_buf ocr_each;  /* OUT: a line "PAGE MS CONF" a page (from 1; MS -1:
                                  from the cache), for --log */
    struct izde_buf raw;       /* scratch: the file as read */
    struct izde_buf scratch;   /* scratch: conversions */
    izde_dehyphen_t *dh;       /* created on first use */
    struct ix_helper *helper;  /* the running izde-extract (helper.c); NULL: none */
};

void ix_extract_init(struct ix_extract *x);
void ix_extract_release(struct ix_extract *x);


/* Reads the file at path (at most max_bytes; also the cap on decompressed
 * and extracted text) and extracts its text.
 * OUT: *o, what happened to the file: indexed (x holds the text), or
 * skipped (empty, too large, unsupported format or a PDF with no text
 * layer, changed since the walk: not a regular file any more, a link) or
 * failed (binary; unreadable or a broken symbolic link; corrupt, truncated
 * or encrypted content, decompression beyond the cap, an extractor that
 * crashed, timed out or needed more than x->max_memory), with o->why, a
 * one-line reason the caller frees.
 * Returns IZDE_OK whatever the file's fate, or IZDE_ERR_NOMEM when this
 * process ran out of memory (o is then failed, with a reason). */
izde_status_t ix_extract_file(struct ix_extract *x, const char *path, size_t max_bytes,
                              struct ix_outcome *o);

/* The title to store for what ix_extract_file just read: the document's
 * own (properties, HTML <title>) when it has one, else the first non-empty
 * line of x->text, trimmed and cut to IX_TITLE_MAX bytes at a character
 * boundary. Points into x. The one place a stored title is decided. */
#define IX_TITLE_MAX 200
void ix_extract_title(const struct ix_extract *x, const char **title, size_t *len);

/* Whether a file name has an extension izde-index reads (.txt, .md, .pdf,
 * .docx, .odt, .epub, .html, .htm, .xhtml, and .txt.gz/.md.gz; with OCR
 * built in, .png, .jpg, .jpeg, .tif, .tiff too). Content still decides how
 * a file is read. */
int ix_extract_supported(const char *name);

#endif
