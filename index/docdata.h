/* docdata.h - what Izde stores with each document, and its value slots. */
#ifndef IZDE_DOCDATA_H
#define IZDE_DOCDATA_H

#include <stddef.h>
#include <stdint.h>
#include "common/buf.h"
#include "common/status.h"
#include "index/schema.h"   /* the value slots (IZDE_SLOT_*) */

/* A document's stored record. Strings are (pointer, length); after decode
 * they point into the decoded data. */
struct izde_docdata {
    const char *path;
    size_t path_len;
    const char *title;
    size_t title_len;
    const char *author;     /* from the document's properties; NULL or "" if none */
    size_t author_len;
    const char *date;       /* creation date as the document gives it; NULL or "" if none */
    size_t date_len;
    const char *encoding;   /* "UTF-8", "windows-1251", ... */
    size_t encoding_len;
    const char *lang;       /* main language code */
    size_t lang_len;
    uint64_t size;
    int64_t mtime;
    const char *text;       /* the full text */
    size_t text_len;
};

/* Appends the serialised record to out; an empty author or date is left
 * out. The text goes in as it is: Xapian
 * compresses the whole record. */
izde_status_t izde_docdata_encode(const struct izde_docdata *d, struct izde_buf *out);

/* Parses a record; d's strings point into data (d->text is NULL for a
 * record without text; d->author and d->date are NULL in records written
 * before they were kept, and for documents without them).
 * Returns IZDE_ERR_ENCODING for a malformed record. */
izde_status_t izde_docdata_decode(const char *data, size_t len, struct izde_docdata *d);

#endif
