/* document.h - one file's document: read, extracted and analysed into the terms, values and record the writer stores. */
#ifndef IZDE_INDEXER_DOCUMENT_H
#define IZDE_INDEXER_DOCUMENT_H

#include <stdint.h>
#include "analysis/analyze.h"
#include "common/buf.h"
#include "common/status.h"
#include "extract/extract.h"
#include "indexer/fields.h"
#include "index/xapian_binding.h"
#include "indexer/options.h"
#include "indexer/report.h"

struct ix_job;

/* What reading one file came to. */
enum ix_read_result {
    IX_OUT_DOC,     /* doc is ready to store */
    IX_OUT_TOUCHED, /* new size or time, same bytes: update the values only */
    IX_OUT_SKIP,    /* not indexable (empty, too large, gone odd): why says */
    IX_OUT_FAIL,    /* could not be read or decoded: why says */
    IX_OUT_FATAL,   /* out of memory: the run stops */
};

/* A file's document, as the writer takes it. */
struct ix_document {
    enum ix_read_result out;
    char *why;              /* reason (malloc'ed) for SKIP, FAIL, FATAL */
    char *warning;          /* a warning to print (malloc'ed) or NULL */
    izde_doc_t *doc;        /* IX_OUT_DOC: terms, values and record */
    uint64_t bytes;         /* bytes of the file read */
    char hash[17];          /* FNV-1a of the file's bytes in hex, "" if not read */
    double ms;              /* time taken */
    struct ix_ocr_figures ocr; /* what OCR did for it (--log, the summary) */
};

/* Frees what d holds and empties it. */
void ix_document_clear(struct ix_document *d);

/* What one thread needs to turn files into documents: its own analyser,
 * extractor and buffers, so that threads read files side by side. */
struct ix_reader {
    const struct ix_options *opts;
    izde_analyzer_t *an;
    struct ix_extract x;
    struct izde_buf data;   /* the encoded record */
    struct izde_buf io;     /* read buffer for hashing */
    izde_doc_t *doc;        /* being built */
    struct ix_fields fields;/* the article's fields (scratch) */
    izde_status_t term_rc;  /* first failure inside the term callback */
};

/* Sets up r for the options o (--max-memory's share for the hyphen repair
 * and the extraction helper). OUT: *errmsg (malloc'ed, may stay NULL) when
 * the analyser cannot start. Returns IZDE_OK or the analyser's status; r
 * is to be released either way. */
izde_status_t ix_reader_init(struct ix_reader *r, const struct ix_options *o, char **errmsg);
void ix_reader_release(struct ix_reader *r);

/* Reads the file of job into d (cleared first): hashes it, and when the
 * bytes are those of job->old just says IX_OUT_TOUCHED; otherwise extracts
 * its text, analyses it into terms and language terms, sets the size, time
 * and hash values and the stored record (path, title, encoding, language,
 * text). A file larger than --max-size is left to extraction to refuse. */
void ix_reader_read(struct ix_reader *r, const struct ix_job *job, struct ix_document *d);

#endif
