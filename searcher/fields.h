/* fields.h - an article record's fields in the shapes results and citations print: list items, page numbers, year, a name's parts. */
#ifndef IZDE_FIELDS_H
#define IZDE_FIELDS_H

#include <stddef.h>
#include "common/buf.h"
#include "common/status.h"
#include "index/docdata.h"

/* Whether a record's field (s, len) holds anything: records written before
 * the article fields, and records of files that print none, have NULL or
 * "". */
#define SR_FIELD_SET(s, len) ((s) != NULL && (len) > 0)

/* The next item of a list field (authors, keywords: a value a line) from
 * *at, which starts at 0. OUT: *item, *item_len; *at moves past it.
 * Returns 1, or 0 when the list has no more items (empty lines are
 * skipped). */
int sr_field_next(const char *list, size_t len, size_t *at, const char **item, size_t *item_len);

/* The record's printed pages ("12-19", "12"). OUT: *first, *last (equal
 * for one page). Returns 1, or 0 with both 0 when the record has none or
 * they are not page numbers. */
int sr_field_pages(const struct izde_docdata *d, unsigned *first, unsigned *last);

/* The record's year as a number. Returns it, or 0 when the record has none
 * or it is not a year of four digits. */
unsigned sr_field_year(const struct izde_docdata *d);

/* Splits a name as the record keeps it, surname then initials
 * ("Асанова Г.Т.", "Asanova G.T."). OUT: *family_len (the surname is
 * name[0, family_len)), *given and *given_len (the initials; length 0 when
 * the name is one word). */
void sr_field_name(const char *name, size_t len, size_t *family_len, const char **given,
                   size_t *given_len);

/* Appends the line a librarian reads under an article's title, with only
 * what the record has: "Асанова Г.Т., Осмонов К.Т. · 2021 · Вестник КГУ,
 * № 3" (a record without authors, year, journal or issue appends
 * nothing). Unescaped: each front end escapes it for its medium. Returns
 * IZDE_OK or IZDE_ERR_NOMEM. */
izde_status_t sr_field_article_line(const struct izde_docdata *d, struct izde_buf *out);

#endif
