/* main.c - izde-search: options, then a search session and one of its runs (run.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "analysis/version.h"
#include "common/cli.h"
#include "common/default_db.h"
#include "common/diag.h"
#include "searcher/run.h"
#include "text/text.h"

struct sr_options {
    const char **dbs;
    size_t ndbs;
    uint32_t limit, offset;
    enum sr_format format;
    int all_only;           /* --all: complete matches only */
    int explain;
    const char *lang;       /* --lang CODE: only documents with that language */
    const char *batch;      /* --batch FILE */
    int color;              /* bold matches and titles (--color, NO_COLOR, a terminal) */
    int verbose;            /* -v: say which index is searched */
    enum sr_sort sort;      /* --sort */
    unsigned facets;        /* --facets: 1 << enum izde_facet_kind each */
};

/* Every way a run ends and its exit status, in one place (usage() lists
 * them; a failed open that is only out of memory is SR_FAILED). */
static const int exit_status[SR_END_COUNT] = {
    [SR_DONE] = IZDE_EXIT_OK,
    [SR_BAD_USAGE] = IZDE_EXIT_USAGE,
    [SR_CANNOT_OPEN] = IZDE_EXIT_UNUSABLE,
    [SR_FAILED] = IZDE_EXIT_FAILED,
};

static void usage(void)
{
    printf("usage: izde-search [--db DIR [--db DIR2 ...]] [options] QUERY...\n"
           "       izde-search [--db DIR] --batch FILE [--limit N]\n"
           "\n"
           "Searches the index with BM25. Documents that contain every query word come\n"
           "first; documents that miss some follow, marked as partial matches.\n"
           "At most 1000 words and 16 KB (longer queries are refused, exit 2; in --batch,\n"
           "skipped).\n"
           "\n"
           "query syntax:\n"
           "  word             the word in any of its forms\n"
           "  \"a phrase\"       these words in this order, required of every result;\n"
           "                   between «» „“ “” (pasted text) it only ranks\n"
           "  -word, -\"a b\"    leave out documents with it\n"
           "  title:W author:W kw:W journal:W\n"
           "                   the word (or \"phrase\") in the article's title, authors,\n"
           "                   keyword list or journal name, in any of its forms\n"
           "  udc:37.015       УДК code, or any code under it\n"
           "  doi:10.NNNN/X    the article with this DOI\n"
           "  lang:ky          documents with text in ky, ru or en\n"
           "  year:2021        also year:2020..2024, year:..2019, year:2021..\n"
           "  A B, A AND B     both (plain words: documents missing some follow as\n"
           "                   partial matches; every other item is required)\n"
           "  A OR B           either; NOT A: without A; (A OR B) C: grouping\n"
           "                   NOT binds tighter than AND, AND tighter than OR; only\n"
           "                   uppercase AND, OR, NOT are operators\n"
           "  Bad syntax (an unbalanced parenthesis, year:abc) is refused with the\n"
           "  character it was found at, exit 2.\n"
           "\n"
           "  --db DIR         an index to search (several are searched as one); a Xapian\n"
           "                   stub file listing local or remote shards works too\n"
           "                   (default: $IZDE_DB, else $XDG_DATA_HOME/izde/default,\n"
           "                   ~/.local/share/izde/default)\n"
           "  --limit N        results to show (default 10)\n"
           "  --offset N       results to skip (default 0)\n"
           "  --all            show only documents that contain every word\n"
           "  --lang LANG      only documents with text in LANG (ky, ru, en)\n"
           "  --json           one JSON object: query, total, results[] with every field\n"
           "                   the record has (same as --format json)\n"
           "  --format FMT     text (the default), json, or the hits as citations:\n"
           "                   bibtex, ris or csl-json\n"
           "  --explain        show the terms searched for each query word\n"
           "  --sort ORDER     relevance (the default), date (oldest year first) or -date\n"
           "                   (newest first), within complete and partial matches;\n"
           "                   documents without a year come last\n"
           "  --facets LIST    count the values of year, author, kw, journal, lang, udc\n"
           "                   (comma-separated) over the documents with every word\n"
           "  --batch FILE     read qid<TAB>query lines ('-' for stdin) and write TREC run\n"
           "                   lines 'qid Q0 path rank score izde'\n"
           "  --color[=WHEN]   bold matches: auto (on a terminal, the default), always or\n"
           "                   never; NO_COLOR in the environment means never\n"
           "  -v, --verbose    say on stderr which index is searched; with --batch, also\n"
           "                   the time a query took (mean, median, p99, slowest)\n"
           "  -h, --help       show this help\n"
           "  -V, --version    show the version, the Xapian and ICU versions and the\n"
           "                   index format read\n"
           "\n"
           "exit status:\n"
           "  0   ran fine (zero hits too)\n"
           "  1   failed while running\n"
           "  2   usage error, empty query or bad query syntax\n"
           "  3   the index cannot be opened or used\n");
}

enum {
    OPT_DB = 1, OPT_BATCH, OPT_LIMIT, OPT_OFFSET, OPT_JSON, OPT_FORMAT, OPT_ALL, OPT_EXPLAIN,
    OPT_LANG, OPT_COLOR, OPT_VERBOSE, OPT_HELP, OPT_VERSION, OPT_SORT, OPT_FACETS,
};

static const struct izde_cli_option options[] = {
    { "db", 0, IZDE_CLI_VALUE, OPT_DB },
    { "batch", 0, IZDE_CLI_VALUE, OPT_BATCH },
    { "limit", 0, IZDE_CLI_VALUE, OPT_LIMIT },
    { "offset", 0, IZDE_CLI_VALUE, OPT_OFFSET },
    { "json", 0, IZDE_CLI_FLAG, OPT_JSON },
    { "format", 0, IZDE_CLI_VALUE, OPT_FORMAT },
    { "all", 0, IZDE_CLI_FLAG, OPT_ALL },
    { "explain", 0, IZDE_CLI_FLAG, OPT_EXPLAIN },
    { "lang", 0, IZDE_CLI_VALUE, OPT_LANG },
    { "sort", 0, IZDE_CLI_VALUE, OPT_SORT },
    { "facets", 0, IZDE_CLI_VALUE, OPT_FACETS },
    { "color", 0, IZDE_CLI_OPTIONAL, OPT_COLOR },
    { "colour", 0, IZDE_CLI_OPTIONAL, OPT_COLOR },
    { "verbose", 'v', IZDE_CLI_FLAG, OPT_VERBOSE },
    { "help", 'h', IZDE_CLI_FLAG, OPT_HELP },
    { "version", 'V', IZDE_CLI_FLAG, OPT_VERSION },
    { NULL, 0, 0, 0 },
};

/* Colour as GNU tools and https://no-color.org agree: --color=always and
 * --color=never win; otherwise on a terminal only, unless NO_COLOR is set
 * to anything but "". */
static int want_color(const char *when)
{
    if (when && strcmp(when, "always") == 0)
        return 1;
    if (when && strcmp(when, "never") == 0)
        return 0;
    const char *no_color = getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

/* The options into o and the query words into words[]; -1 to go on, else
 * how the run ends (after --help, --version or a usage error). A word that
 * starts with '-' and is not an option is a word to exclude (-мектеп). */
static int parse_options(int argc, char **argv, struct sr_options *o, char **words,
                         size_t *nwords)
{
    struct izde_cli cli;
    izde_cli_init(&cli, argc, argv, "izde-search", options, IZDE_CLI_DASH_OPERANDS);
    const char *v, *color = NULL;
    unsigned long long n;
    int id;
    while ((id = izde_cli_next(&cli, &v)) != IZDE_CLI_END) {
        switch (id) {
        case IZDE_CLI_OPERAND:
            words[(*nwords)++] = (char *)v;
            break;
        case IZDE_CLI_ERROR:
            return SR_BAD_USAGE;
        case OPT_HELP:
            usage();
            return SR_DONE;
        case OPT_VERSION:
            izde_version_print(stdout, "izde-search");
            return SR_DONE;
        case OPT_DB:
            o->dbs[o->ndbs++] = v;
            break;
        case OPT_BATCH:
            o->batch = v;
            break;
        case OPT_LIMIT:
        case OPT_OFFSET:
            if (izde_cli_number(v, 0, 1000000, &n) != 0) {
                izde_cli_bad_value(&cli, "a number up to 1000000", v);
                return SR_BAD_USAGE;
            }
            *(id == OPT_LIMIT ? &o->limit : &o->offset) = (uint32_t)n;
            break;
        case OPT_JSON:
            o->format = SR_JSON;
            break;
        case OPT_FORMAT:
            if (!sr_format_from_name(v, &o->format)) {
                izde_cli_bad_value(&cli, "text, json, bibtex, ris or csl-json", v);
                return SR_BAD_USAGE;
            }
            break;
        case OPT_ALL:
            o->all_only = 1;
            break;
        case OPT_EXPLAIN:
            o->explain = 1;
            break;
        case OPT_VERBOSE:
            o->verbose = 1;
            break;
        case OPT_LANG: {
            enum izde_lang l = izde_lang_from_code(v);
            if (l == IZDE_LANG_COUNT || l == IZDE_LANG_OTHER) {
                izde_cli_bad_value(&cli, "ky, ru or en", v);
                return SR_BAD_USAGE;
            }
            o->lang = v;
            break;
        }
        case OPT_SORT:
            if (izde_sort_parse(v, &o->sort) != IZDE_OK) {
                izde_cli_bad_value(&cli, "relevance, date or -date", v);
                return SR_BAD_USAGE;
            }
            break;
        case OPT_FACETS:
            if (izde_facet_set_parse(v, &o->facets) != IZDE_OK) {
                izde_cli_bad_value(&cli, "a comma-separated list of year, author, kw, "
                                   "journal, lang, udc", v);
                return SR_BAD_USAGE;
            }
            break;
        case OPT_COLOR:
            if (v && strcmp(v, "auto") != 0 && strcmp(v, "always") != 0 &&
                strcmp(v, "never") != 0) {
                izde_cli_bad_value(&cli, "auto, always or never", v);
                return SR_BAD_USAGE;
            }
            /* A bare --color means always, as in GNU ls and grep. */
            color = v ? v : "always";
            break;
        }
    }
    o->color = want_color(color);
    return -1;
}

/* Which indexes to search: --db, else the default one. */
static enum sr_end choose_dbs(struct sr_options *o, char **default_path)
{
    if (o->ndbs == 0) {
        enum izde_db_origin origin;
        if (izde_default_db(default_path, &origin) != IZDE_OK) {
            izde_diag_usage("no --db DIR, and neither IZDE_DB nor HOME is set");
            return SR_BAD_USAGE;
        }
        o->dbs[o->ndbs++] = *default_path;
        if (o->verbose)
            fprintf(stderr, "izde-search: searching '%s' (from %s)\n", *default_path,
                    izde_db_origin_str(origin));
    } else if (o->verbose) {
        for (size_t i = 0; i < o->ndbs; i++)
            fprintf(stderr, "izde-search: searching '%s' (from --db)\n", o->dbs[i]);
    }
    return SR_DONE;
}

/* Opens the session and runs the query or the batch. */
static enum sr_end search(const struct sr_options *o, char *const *words, size_t nwords)
{
    izde_session_t *s = NULL;
    char *msg = NULL;
    izde_status_t rc = izde_session_open(o->dbs, o->ndbs, &s, &msg);
    if (rc != IZDE_OK) {
        izde_diag_error("%s", msg ? msg : izde_status_str(rc));
        free(msg);
        return rc == IZDE_ERR_NOMEM ? SR_FAILED : SR_CANNOT_OPEN;
    }
    struct izde_session_params params = {
        .offset = o->offset, .limit = o->limit, .lang = o->lang, .all_only = o->all_only,
        .sort = o->sort,
    };
    enum sr_end end;
    if (o->batch) {
        end = sr_run_batch(s, o->batch, &params, o->verbose);
    } else {
        struct sr_render_opts ro = { o->all_only, o->explain, o->format == SR_TEXT && o->color };
        /* Citations show neither snippets, a suggestion nor facets. */
        int cite = o->format != SR_TEXT && o->format != SR_JSON;
        params.suggest = params.snippets = !cite;
        params.facets = cite ? 0 : o->facets;
        end = sr_run_query(s, words, nwords, &params, o->format, &ro);
    }
    izde_session_close(s);
    return end;
}

int main(int argc, char **argv)
{
    izde_diag_init("izde-search");
    struct sr_options o = { .limit = 10 };
    char *default_path = NULL;
    const char **dbs = calloc((size_t)argc, sizeof(char *));
    char **words = calloc((size_t)argc, sizeof(char *));
    size_t nwords = 0;
    if (!dbs || !words)
        return exit_status[SR_FAILED];
    o.dbs = dbs;
    int parsed = parse_options(argc, argv, &o, words, &nwords);
    enum sr_end end = parsed >= 0 ? (enum sr_end)parsed : choose_dbs(&o, &default_path);
    if (parsed < 0 && end == SR_DONE && !o.batch && nwords == 0) {
        izde_diag_usage("empty query: give words to search for");
        end = SR_BAD_USAGE;
    }
    if (o.limit == 0)
        o.limit = 10;
    if (parsed < 0 && end == SR_DONE) {
        end = search(&o, words, nwords);
        if (fflush(stdout) != 0 && end == SR_DONE) {
            izde_diag_error("cannot write results: %s", strerror(errno));
            end = SR_FAILED;
        }
    }
    free(dbs);
    free(words);
    free(default_path);
    return exit_status[end];
}
