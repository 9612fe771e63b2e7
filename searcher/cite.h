/* cite.h - a stored record as a citation in BibTeX, RIS or CSL-JSON. */
#ifndef IZDE_CITE_H
#define IZDE_CITE_H

#include "common/buf.h"
#include "common/status.h"
#include "index/docdata.h"

enum sr_cite_format {
    SR_CITE_BIBTEX,         /* an @article, or @misc for a record without a journal */
    SR_CITE_RIS,            /* TY  - JOUR, or GEN; ends ER  -  */
    SR_CITE_CSL_JSON,       /* one object: article-journal, or document */
};

/* Appends the citation of d in format f, ended by a newline (a CSL-JSON
 * object is not: the caller puts the objects of a list in an array).
 * key names it (the BibTeX key, the RIS ID, the CSL id): ASCII letters,
 * digits and '-', which every format takes as they are.
 * What the record lacks is left out; a record without article fields (an
 * old record, a plain file) still makes a valid citation of its title, or
 * else its file name, and its path. Text is kept as UTF-8, on one line,
 * escaped as the format needs; the path becomes a file: URL.
 * Returns IZDE_OK or IZDE_ERR_NOMEM. */
izde_status_t sr_cite(struct izde_buf *out, enum sr_cite_format f, const struct izde_docdata *d,
                      const char *key);

#endif
