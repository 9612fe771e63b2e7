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
    const char *text;       /* the full text; PDF pages end at form feeds */
    size_t text_len;
    /* An article's fields as it prints them (extract/article.h); NULL or
     * "" when it does not, and in records written before they were kept.
     * Lists hold a value a line. */
    const char *authors;    /* "Асанова Г.Т.\nОсмонов К.Т." */
    size_t authors_len;
    const char *year;       /* "2021" */
    size_t year_len;
    const char *journal;
    size_t journal_len;
    const char *issue;
    size_t issue_len;
    const char *doi;
    size_t doi_len;
    const char *udc;
    size_t udc_len;
    const char *pages;      /* printed pages: "12-19", or "12" */
    size_t pages_len;
    const char *keywords;   /* every language's, a keyword a line */
    size_t keywords_len;
    const char *abstract;   /* in the body's language, else the first printed */
    size_t abstract_len;
};

/* Appends the serialised record to out; an empty author, date or article
 * field is left out. The text goes in as it is: Xapian
 * compresses the whole record. */
izde_status_t izde_docdata_encode(const struct izde_docdata *d, struct izde_buf *out);

/* Parses a record; d's strings point into data (d->text is NULL for a
 * record without text; d->author and d->date are NULL in records written
 * before they were kept, and for documents without them).
 * Returns IZDE_ERR_ENCODING for a malformed record. */
izde_status_t izde_docdata_decode(const char *data, size_t len, struct izde_docdata *d);

#endif
