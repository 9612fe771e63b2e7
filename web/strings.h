/* strings.h - every word izde-web shows a reader, one table per interface language. */
#ifndef IZDE_WEB_STRINGS_H
#define IZDE_WEB_STRINGS_H

/* Interface languages; Kyrgyz is the default. */
enum web_ui { WEB_UI_KY, WEB_UI_RU, WEB_UI_EN, WEB_UI_COUNT };

enum web_str {
    WS_HTML_LANG,       /* the page's lang attribute */
    WS_TITLE,           /* the page's <title> and heading */
    WS_SEARCH_LABEL,    /* the search box's label */
    WS_SEARCH_BUTTON,
    WS_FOUND,           /* before the hit count */
    WS_ABOUT,           /* before an estimated count */
    WS_COMPLETE,        /* documents with every word */
    WS_PARTIAL,         /* documents with some words */
    WS_PARTIAL_HEADING, /* before the first partial hit */
    WS_PARTIAL_BADGE,   /* beside a partial hit's title */
    WS_NO_RESULTS,
    WS_PAGE_EMPTY,      /* a page past the last (the index shrank since) */
    WS_FIRST_PAGE,      /* the link back to the first page */
    WS_DID_YOU_MEAN,
    WS_PREV,
    WS_NEXT,
    WS_PAGE,            /* "page" before its number */
    WS_LANG_FILTER,     /* before the language links */
    WS_LANG_ALL,
    WS_LANG_KY,
    WS_LANG_RU,
    WS_LANG_EN,
    WS_UI_SWITCH,       /* before the interface language links */
    WS_HELP_SUMMARY,
    WS_HELP_WORDS,
    WS_HELP_PHRASE,
    WS_HELP_EXCLUDE,
    WS_HELP_FORMS,
    WS_HELP_SYNTAX,     /* fields, years, AND OR NOT and parentheses */
    WS_HELP_KEYS,       /* the keys the page's script adds */
    WS_TOO_LONG,        /* printf format: max words, max bytes */
    WS_NO_WORDS,
    WS_BAD_SYNTAX,      /* printf format: the parser's message */
    WS_UNAVAILABLE,     /* the index cannot be opened or read */
    WS_RESULTS,         /* the results list's accessible name */
    WS_FACETS,          /* the facets' accessible name */
    WS_FACET_YEAR,      /* before the years of the complete matches */
    WS_FACET_AUTHOR,
    WS_FACET_KW,
    WS_FACET_JOURNAL,
    WS_FACET_UDC,
    WS_COUNT
};

/* The string s in ui's language (never NULL). */
const char *web_str(enum web_ui ui, enum web_str s);

/* The interface language of a ?ui= value ("ky", "ru", "en"); Kyrgyz for
 * NULL or anything else. */
enum web_ui web_ui_from_code(const char *code);

/* "ky", "ru" or "en". */
const char *web_ui_code(enum web_ui ui);

#endif
