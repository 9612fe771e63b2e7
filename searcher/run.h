/* run.h - the two ways izde-search runs: one query to text or JSON, a batch file to TREC lines. */
#ifndef IZDE_RUN_H
#define IZDE_RUN_H

#include "searcher/render.h"
#include "searcher/session.h"

/* Every way a run ends; main.c maps each to its exit status in one table. */
enum sr_end {
    SR_DONE,                /* ran fine, zero hits too */
    SR_BAD_USAGE,           /* bad options, an empty or too long query */
    SR_CANNOT_OPEN,         /* the index cannot be opened or used */
    SR_FAILED,              /* failed while running */
    SR_END_COUNT
};

/* How a query's page is written (--format): for people, as JSON, or as
 * citations (searcher/cite.h). */
enum sr_format { SR_TEXT, SR_JSON, SR_BIBTEX, SR_RIS, SR_CSL_JSON };

/* The format named "text", "json", "bibtex", "ris" or "csl-json". Returns
 * 1 and sets *f, or 0 for any other name. */
int sr_format_from_name(const char *name, enum sr_format *f);

/* Program code (it prints through common/diag): the runners say on stderr
 * what went wrong and write results to stdout. */

/* Searches the words (joined with spaces, as the shell split them) for one
 * page and writes it to stdout as format. An empty or too long query is a
 * usage error. */
enum sr_end sr_run_query(izde_session_t *s, char *const *words, size_t nwords,
                         const struct izde_session_params *params, enum sr_format format,
                         const struct sr_render_opts *ro);

/* Reads qid<TAB>query lines from the file name ("-" for stdin) and writes
 * each query's hits as TREC run lines. A malformed, empty or too long
 * query is reported (name:line: ...) and skipped; a query that fails is
 * reported and the rest still run, and the run ends SR_FAILED. With
 * timings, ends with a line on stderr of the time a query took: mean,
 * median, 99th percentile and the slowest. */
enum sr_end sr_run_batch(izde_session_t *s, const char *name,
                         const struct izde_session_params *params, int timings);

#endif
