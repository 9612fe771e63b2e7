/* page.h - izde-web's HTML: the search page with its results, or with a message instead. */
#ifndef IZDE_WEB_PAGE_H
#define IZDE_WEB_PAGE_H

#include <stddef.h>
#include <stdint.h>
#include "common/buf.h"
#include "common/status.h"
#include "searcher/session.h"
#include "web/strings.h"

/* Values each facet line shows (the most frequent). */
#define WEB_FACET_VALUES 6

/* Results a page shows at most: a page stays under 50 KB. */
#define WEB_PAGE_MAX_LIMIT 50
#define WEB_PAGE_DEFAULT_LIMIT 10

/* What the reader asked for, from the URL. */
struct web_query {
    const char *q;          /* NULL or "" for the bare search form */
    size_t q_len;
    unsigned page;          /* 1 for the first */
    unsigned limit;         /* results a page */
    const char *lang;       /* "ky", "ru", "en", or NULL for every language */
    enum web_ui ui;
    int files;              /* link each hit to /doc/ID (no --no-files) */
    int have_counts;        /* lang_counts hold the facet counts: */
    uint64_t lang_counts[IZDE_SESSION_NLANGS]; /* hits in each of izde_session_langs */
    int lang_exact[IZDE_SESSION_NLANGS];       /*   each exact, else an estimate */
};

/* Writes the whole page into out (cleared first). results is the searched
 * page (snippets marked with IZDE_SNIPPET_OPEN/CLOSE), or NULL when there is
 * none to show; notice, when not NULL, is a message (already in the
 * reader's language) shown instead of results. Returns IZDE_OK or
 * IZDE_ERR_NOMEM. */
/* The page's script (/izde.js), static: len bytes. */
const char *web_page_script(size_t *len);

izde_status_t web_page_render(struct izde_buf *out, const struct web_query *wq,
                              const struct izde_session_page *results, const char *notice);

#endif
