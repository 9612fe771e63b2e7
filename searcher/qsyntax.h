/* qsyntax.h - the query language's syntax: query text to a tree of words, phrases, fields and AND/OR/NOT. */
#ifndef IZDE_QSYNTAX_H
#define IZDE_QSYNTAX_H

#include <stddef.h>
#include "common/buf.h"
#include "common/status.h"

/* The syntax, in order of precedence (loosest first):
 *   query   := or
 *   or      := and ("OR" and)*
 *   and     := unary (["AND"] unary)*        adjacent items are ANDed
 *   unary   := "NOT" unary | "-" primary | primary
 *   primary := "(" or ")" | FIELD:value | "phrase" | word
 * Operators are the uppercase words AND, OR, NOT (lowercase ones are
 * words). A word is a run of anything but blanks, quotes and parentheses;
 * quotes are " « » „ “ ” (any one closes a phrase; an unclosed one runs to
 * the end, as it always has). Only the field names below make a field:
 * another "x:y" ("10:30", a URL) is a word. */

enum sr_qnode_kind {
    SR_QN_WORD,     /* a run of text, analysed as words (span) */
    SR_QN_PHRASE,   /* the text between quotes (span) */
    SR_QN_FIELD,    /* field:value (field, span, phrase) */
    SR_QN_YEAR,     /* year:LO..HI (year_lo, year_hi) */
    SR_QN_AND,
    SR_QN_OR,
    SR_QN_NOT,      /* one kid; minus when written '-' */
};

enum sr_qfield {
    SR_QF_TITLE,    /* text fields: analysed, prefixed */
    SR_QF_AUTHOR,
    SR_QF_KEYWORD,
    SR_QF_JOURNAL,
    SR_QF_UDC,      /* codes: one boolean term */
    SR_QF_DOI,
    SR_QF_LANG,
    SR_QF_YEAR,     /* a range, parsed into SR_QN_YEAR */
    SR_QF_COUNT
};

struct sr_qnode {
    enum sr_qnode_kind kind;
    size_t at;              /* byte offset where the item begins */
    size_t start, end;      /* WORD, PHRASE, FIELD: the text's byte span */
    enum sr_qfield field;   /* FIELD */
    int phrase;             /* FIELD: the value was quoted */
    int minus;              /* NOT: written as '-' before the item */
    char year_lo[5];        /* YEAR: four digits, or "" when open */
    char year_hi[5];
    struct sr_qnode **kids; /* AND, OR (two or more), NOT (one) */
    size_t nkids;
};

/* The field's name as typed ("title"), for messages. */
const char *sr_qfield_name(enum sr_qfield f);

/* Parses text (valid UTF-8). An AND whose item is a parenthesised AND
 * takes that AND's items (a (b c) is a b c), so the top level is one
 * conjunction whenever it has no OR.
 * OUT: *root (NULL for a query of blanks only; free with sr_qnode_free);
 * on a syntax error, msg gets one line pointing at the character (a
 * 1-based code point index): "unbalanced '(' at character 7".
 * Returns IZDE_OK, IZDE_ERR_QUERY for bad syntax, or IZDE_ERR_NOMEM. */
izde_status_t sr_qsyntax_parse(const char *text, size_t len, struct sr_qnode **root,
                               struct izde_buf *msg);

/* Frees node and its kids; NULL is a no-op. */
void sr_qnode_free(struct sr_qnode *node);

#endif
