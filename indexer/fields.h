/* fields.h - an article's fields into its document: field terms, values, the weight of title, keyword and abstract words, and the record's fields. */
#ifndef IZDE_INDEXER_FIELDS_H
#define IZDE_INDEXER_FIELDS_H

#include "analysis/analyze.h"
#include "common/buf.h"
#include "common/status.h"
#include "extract/article.h"
#include "extract/extract.h"
#include "index/docdata.h"
#include "index/xapian_binding.h"

/* Extra within-document frequency a word gets, on top of its count in the
 * body, for each time it is in the title, the keyword lists or an
 * abstract: the BM25F way of weighting fields with one set of terms, so a
 * query costs no more. Measured on the dev known-item sets (README,
 * "Article fields"). */
#define IX_WEIGHT_TITLE 2
#define IX_WEIGHT_KEYWORDS 2
#define IX_WEIGHT_ABSTRACT 1

/* One reader thread's scratch for the fields: no allocation per document
 * once the buffers have grown. */
struct ix_fields {
    struct izde_article art;
    struct izde_buf record;  /* the record's field strings, back to back */
    struct izde_buf term;    /* a prefixed term */
    struct izde_buf list;    /* a list value, a facet value */
    izde_doc_t *doc;         /* the document being built (borrowed) */
    const char *prefix;      /* of the field being added; NULL: body weight only */
    uint32_t weight;         /* body weight of the field's words */
    izde_status_t rc;        /* first failure inside the term callback */
};

void ix_fields_init(struct ix_fields *f);
void ix_fields_release(struct ix_fields *f);

/* Reads the article in x's text and adds its fields to doc: field terms
 * (index/schema.h), the year, page, language, УДК, journal, author and
 * keyword values, the weight of title, keyword and abstract words, and
 * into dd (whose path, title and lang the caller set) the article's title
 * and fields, which point into f until its next use. lang is the body's
 * main language code. Returns IZDE_OK, IZDE_ERR_NOMEM or an analysis or
 * database status. */
izde_status_t ix_fields_add(struct ix_fields *f, izde_analyzer_t *an, const struct ix_extract *x,
                            const char *lang, izde_doc_t *doc, struct izde_docdata *dd);

#endif
