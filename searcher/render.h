/* render.h - a page of results as text for people, as JSON, and as TREC run lines. */
#ifndef IZDE_RENDER_H
#define IZDE_RENDER_H

#include "common/buf.h"
#include "common/status.h"
#include "searcher/cite.h"
#include "searcher/session.h"

/* How the text and JSON forms show a page. */
struct sr_render_opts {
    int all_only;           /* the search had --all: no partial counts */
    int explain;            /* show the terms searched (page->explain) */
    int color;              /* text: bold matches and titles (ANSI) instead
                               of [brackets] around matches */
};

/* Each renderer appends to out (it does not clear it) and expects a page
 * whose snippets carry the default marks (IZDE_SNIPPET_OPEN/CLOSE; see
 * izde_session_params). Titles, paths and snippets come from the files:
 * every renderer escapes them so that they cannot drive a terminal or
 * break a line or a field. Each returns IZDE_OK or IZDE_ERR_NOMEM. */

/* The text form: the counts line ("3 results (2 complete, 1 partial)"), or
 * "no results" and "did you mean: ...", then per hit its rank, title,
 * "(partial match)", a line of its article fields (authors, year,
 * journal and issue, the printed page of the snippet) when the record has
 * any, path (with "#page=N" for a PDF), score and snippet. With opts->explain the
 * explanation comes first. */
izde_status_t sr_render_text(struct izde_buf *out, const struct izde_session_page *page,
                             const struct sr_render_opts *opts);

/* One JSON object on one line: query, total and the counts with their
 * exactness, suggestion, explain (with opts->explain), results[] with
 * rank, path, title, score, partial, lang, encoding, snippet and the
 * highlights as byte ranges into the snippet, then the fields the record
 * has: author, date (properties), authors[], year (a number), journal,
 * issue, doi, udc, pages {first,last}, keywords[], abstract; and for a PDF
 * the snippet's page and page_last, and printed_page and printed_last
 * when the record gives the printed pages. */
izde_status_t sr_render_json(struct izde_buf *out, const struct izde_session_page *page,
                             const struct sr_render_opts *opts);

/* The hits of the page as citations in format f (searcher/cite.h): BibTeX
 * entries or RIS records one after another, a blank line between them, or
 * one CSL-JSON array (empty for no hits). Each is keyed "izde" and its
 * document number. */
izde_status_t sr_render_cite(struct izde_buf *out, enum sr_cite_format f,
                             const struct izde_session_page *p);

/* TREC run lines "qid Q0 path rank score izde", one per hit. A space in a
 * path is written \x20 so that each stays one field. */
izde_status_t sr_render_trec(struct izde_buf *out, const char *qid,
                             const struct izde_session_page *page);

#endif
