/* qsyntax.c - the query language's syntax: a recursive-descent parser over tokens read on demand. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "searcher/qsyntax.h"
#include "text/langid.h"

static const char *const field_names[SR_QF_COUNT] = {
    [SR_QF_TITLE] = "title", [SR_QF_AUTHOR] = "author", [SR_QF_KEYWORD] = "kw",
    [SR_QF_JOURNAL] = "journal", [SR_QF_UDC] = "udc", [SR_QF_DOI] = "doi",
    [SR_QF_LANG] = "lang", [SR_QF_YEAR] = "year",
};

const char *sr_qfield_name(enum sr_qfield f)
{
    return f < SR_QF_COUNT ? field_names[f] : "?";
}

enum token_kind {
    T_END, T_LPAREN, T_RPAREN, T_AND, T_OR, T_NOT, T_MINUS, T_WORD, T_PHRASE, T_FIELD, T_YEAR,
};

struct token {
    enum token_kind kind;
    size_t at;              /* byte offset of its first character */
    size_t start, end;      /* WORD, PHRASE, FIELD: the text */
    enum sr_qfield field;
    int phrase;
    char year_lo[5], year_hi[5];
};

struct parser {
    const char *s;
    size_t len, i;          /* the text, and where the next token begins */
    struct token cur;
    struct izde_buf *msg;
    izde_status_t rc;
};

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Typographic quotes all mean '"' (as searcher/query.c always read them).
 * Returns the byte length of a quote at s, or 0. */
static size_t quote_len(const char *s, size_t avail)
{
    static const char *const quotes[] = { "\"", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x9C",
                                          "\xE2\x80\x9D", "\xE2\x80\x9E", NULL };
    for (const char *const *qt = quotes; *qt; qt++) {
        size_t n = strlen(*qt);
        if (n <= avail && memcmp(s, *qt, n) == 0)
            return n;
    }
    return 0;
}

/* Where a word ends: at a blank, a quote or a parenthesis. */
static int ends_word(const struct parser *p, size_t i)
{
    char c = p->s[i];
    return is_space(c) || c == '(' || c == ')' || quote_len(p->s + i, p->len - i);
}

/* The 1-based code point index of byte offset at, for messages: what a
 * person counts, whatever the script. */
static size_t character(const struct parser *p, size_t at)
{
    size_t n = 1;
    for (size_t i = 0; i < at && i < p->len; i++)
        n += ((unsigned char)p->s[i] & 0xC0) != 0x80;
    return n;
}

/* How much of a value of n bytes at v a message quotes: at most about 40
 * bytes, cut between characters, so that a pasted paragraph does not
 * flood it. */
static int shown(const char *v, size_t n)
{
    if (n <= 40)
        return (int)n;
    size_t k = 40;
    while (k > 0 && ((unsigned char)v[k] & 0xC0) == 0x80)
        k--;
    return (int)k;
}

/* Records the first syntax error; fmt's last argument is the character. */
#define SYNTAX_ERROR(p, ...)                                                                 \
    do {                                                                                     \
        if ((p)->rc == IZDE_OK) {                                                            \
            izde_buf_clear((p)->msg);                                                        \
            (p)->rc = izde_buf_addf((p)->msg, __VA_ARGS__) == IZDE_OK ? IZDE_ERR_QUERY        \
                                                                     : IZDE_ERR_NOMEM;       \
        }                                                                                    \
    } while (0)

/* A quoted text from the quote at i: *start..*end inside, *next past the
 * closing quote (or the end). */
static void read_quoted(const struct parser *p, size_t i, size_t *start, size_t *end,
                        size_t *next)
{
    *start = i + quote_len(p->s + i, p->len - i);
    *end = *start;
    while (*end < p->len && !quote_len(p->s + *end, p->len - *end))
        (*end)++;
    *next = *end < p->len ? *end + quote_len(p->s + *end, p->len - *end) : *end;
}

/* The field whose name (ASCII case aside) is s[0..n), or SR_QF_COUNT. */
static enum sr_qfield field_named(const char *s, size_t n)
{
    for (int f = 0; f < SR_QF_COUNT; f++)
        if (strlen(field_names[f]) == n && strncasecmp(s, field_names[f], n) == 0)
            return (enum sr_qfield)f;
    return SR_QF_COUNT;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Copies a four-digit year s[0..n) into out; 0 if it is not one. */
static int read_year(const char *s, size_t n, char out[5])
{
    if (n != 4)
        return 0;
    for (size_t i = 0; i < 4; i++)
        if (!is_digit(s[i]))
            return 0;
    memcpy(out, s, 4);
    out[4] = '\0';
    return 1;
}

/* year:2021, year:2020..2024, year:..2019, year:2021.. into t. */
static void read_year_range(struct parser *p, struct token *t, size_t at)
{
    const char *v = p->s + t->start;
    size_t n = t->end - t->start;
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < n && !dots; i++)
        if (v[i] == '.' && v[i + 1] == '.')
            dots = v + i;
    int ok;
    if (!dots) {
        ok = read_year(v, n, t->year_lo);
        memcpy(t->year_hi, t->year_lo, sizeof(t->year_hi));
    } else {
        size_t lon = (size_t)(dots - v), hin = n - lon - 2;
        ok = (lon || hin) && (!lon || read_year(v, lon, t->year_lo)) &&
             (!hin || read_year(dots + 2, hin, t->year_hi));
    }
    if (!ok)
        SYNTAX_ERROR(p,
                     "'year:%.*s' at character %zu is not a year or a range of years "
                     "(2021, 2020..2024, ..2019, 2021..)",
                     shown(v, n), v, character(p, at));
    else if (t->year_lo[0] && t->year_hi[0] && strcmp(t->year_lo, t->year_hi) > 0)
        SYNTAX_ERROR(p, "'year:%.*s' at character %zu runs backwards", shown(v, n), v,
                     character(p, at));
    else
        t->kind = T_YEAR;
}

/* A DOI may hold parentheses ("10.1016/s0140-6736(20)30183-5"): its
 * value runs to a blank or quote, or to a ')' it did not open. A link to
 * it (https://doi.org/...) stands for the DOI. */
static size_t doi_end(const struct parser *p, size_t i)
{
    int depth = 0;
    for (; i < p->len && !is_space(p->s[i]) && !quote_len(p->s + i, p->len - i); i++) {
        if (p->s[i] == '(')
            depth++;
        else if (p->s[i] == ')' && depth-- == 0)
            break;
    }
    return i;
}

static void check_value(struct parser *p, struct token *t, size_t at)
{
    const char *v = p->s + t->start;
    size_t n = t->end - t->start;
    switch (t->field) {
    case SR_QF_UDC: {
        int ok = n > 0 && is_digit(v[0]);
        for (size_t i = 0; ok && i < n; i++)
            ok = is_digit(v[i]) || v[i] == '.';
        if (!ok)
            SYNTAX_ERROR(p,
                         "'udc:%.*s' at character %zu is not an УДК code (digits and dots, "
                         "as in udc:37.015)",
                         shown(v, n), v, character(p, at));
        break;
    }
    case SR_QF_DOI: {
        static const char *const links[] = { "https://doi.org/", "http://doi.org/",
                                             "https://dx.doi.org/", "http://dx.doi.org/", NULL };
        for (const char *const *l = links; *l; l++)
            if (n > strlen(*l) && strncasecmp(v, *l, strlen(*l)) == 0) {
                t->start += strlen(*l);
                break;
            }
        const char *d = p->s + t->start;
        size_t dn = t->end - t->start;
        if (dn < 5 || strncmp(d, "10.", 3) != 0 || !memchr(d, '/', dn))
            SYNTAX_ERROR(p, "'doi:%.*s' at character %zu is not a DOI (10.NNNN/...)", shown(v, n), v,
                         character(p, at));
        break;
    }
    case SR_QF_LANG: {
        char code[8] = "";
        for (size_t i = 0; n < sizeof(code) && i < n; i++)
            code[i] = v[i] >= 'A' && v[i] <= 'Z' ? (char)(v[i] - 'A' + 'a') : v[i];
        code[n < sizeof(code) ? n : 0] = '\0';
        enum izde_lang l = izde_lang_from_code(code);
        if (n == 0 || n >= sizeof(code) || l == IZDE_LANG_COUNT || l == IZDE_LANG_OTHER)
            SYNTAX_ERROR(p, "'lang:%.*s' at character %zu is not a language code (ky, ru, en)",
                         shown(v, n), v, character(p, at));
        break;
    }
    case SR_QF_YEAR:
        read_year_range(p, t, at);
        break;
    default:
        break;
    }
}

/* Reads a field's value after the ':' at colon into t. */
static void read_field(struct parser *p, struct token *t, size_t colon)
{
    size_t i = colon + 1;
    t->kind = T_FIELD;
    if (i < p->len && quote_len(p->s + i, p->len - i)) {
        t->phrase = 1;
        read_quoted(p, i, &t->start, &t->end, &p->i);
    } else {
        t->start = i;
        if (t->field == SR_QF_DOI) {
            t->end = doi_end(p, i);
        } else {
            t->end = i;
            while (t->end < p->len && !ends_word(p, t->end))
                t->end++;
        }
        p->i = t->end;
    }
    if (t->end == t->start) {
        SYNTAX_ERROR(p, "'%s:' at character %zu needs a value", field_names[t->field],
                     character(p, t->at));
        return;
    }
    check_value(p, t, t->at);
}

/* Reads the next token into p->cur. After a '-' (plain) the next one is
 * an item whatever it says: '-NOT' excludes the word 'not', as it always
 * did. */
static void advance(struct parser *p, int plain)
{
    struct token *t = &p->cur;
    memset(t, 0, sizeof(*t));
    while (p->i < p->len && is_space(p->s[p->i]))
        p->i++;
    t->at = p->i;
    if (p->i >= p->len) {
        t->kind = T_END;
        return;
    }
    const char *c = p->s + p->i;
    if (*c == '(' || *c == ')') {
        t->kind = *c == '(' ? T_LPAREN : T_RPAREN;
        p->i++;
        return;
    }
    if (quote_len(c, p->len - p->i)) {
        t->kind = T_PHRASE;
        read_quoted(p, p->i, &t->start, &t->end, &p->i);
        return;
    }
    if (!plain && *c == '-' && p->i + 1 < p->len && !is_space(c[1])) {
        t->kind = T_MINUS;
        p->i++;
        return;
    }
    size_t end = p->i;
    while (end < p->len && !ends_word(p, end))
        end++;
    size_t n = end - p->i;
    static const struct {
        const char *word;
        enum token_kind kind;
    } ops[] = { { "AND", T_AND }, { "OR", T_OR }, { "NOT", T_NOT } };
    for (size_t k = 0; !plain && k < sizeof(ops) / sizeof(ops[0]); k++)
        if (n == strlen(ops[k].word) && memcmp(c, ops[k].word, n) == 0) {
            t->kind = ops[k].kind;
            p->i = end;
            return;
        }
    const char *colon = memchr(c, ':', n);
    if (colon) {
        enum sr_qfield f = field_named(c, (size_t)(colon - c));
        if (f != SR_QF_COUNT) {
            t->field = f;
            read_field(p, t, (size_t)(colon - p->s));
            return;
        }
    }
    t->kind = T_WORD;
    t->start = p->i;
    t->end = end;
    p->i = end;
}

static const char *token_text(enum token_kind k)
{
    switch (k) {
    case T_AND: return "AND";
    case T_OR: return "OR";
    case T_NOT: return "NOT";
    case T_MINUS: return "-";
    case T_LPAREN: return "(";
    default: return ")";
    }
}

static struct sr_qnode *node_new(struct parser *p, enum sr_qnode_kind kind, size_t at)
{
    struct sr_qnode *n = calloc(1, sizeof(*n));
    if (!n) {
        p->rc = IZDE_ERR_NOMEM;
        return NULL;
    }
    n->kind = kind;
    n->at = at;
    return n;
}

void sr_qnode_free(struct sr_qnode *node)
{
    if (!node)
        return;
    for (size_t i = 0; i < node->nkids; i++)
        sr_qnode_free(node->kids[i]);
    free(node->kids);
    free(node);
}

/* Adds kid to parent (taking it), or frees it on failure. */
static void add_kid(struct parser *p, struct sr_qnode *parent, struct sr_qnode *kid)
{
    struct sr_qnode **grown = realloc(parent->kids, (parent->nkids + 1) * sizeof(*grown));
    if (!grown) {
        sr_qnode_free(kid);
        p->rc = IZDE_ERR_NOMEM;
        return;
    }
    parent->kids = grown;
    parent->kids[parent->nkids++] = kid;
}

/* Whether the current token can begin an item (an operand of AND/OR). */
static int begins_item(const struct parser *p)
{
    switch (p->cur.kind) {
    case T_WORD: case T_PHRASE: case T_FIELD: case T_YEAR: case T_LPAREN: case T_NOT:
    case T_MINUS:
        return 1;
    default:
        return 0;
    }
}

/* After an operator at 'at': something must follow it. */
static int needs_operand(struct parser *p, enum token_kind op, size_t at)
{
    if (begins_item(p))
        return 1;
    SYNTAX_ERROR(p, "'%s' at character %zu has nothing after it", token_text(op),
                 character(p, at));
    return 0;
}

static struct sr_qnode *parse_or(struct parser *p);

static struct sr_qnode *parse_primary(struct parser *p)
{
    struct token t = p->cur;
    struct sr_qnode *n = NULL;
    switch (t.kind) {
    case T_LPAREN:
        advance(p, 0);
        if (p->cur.kind == T_END) {
            SYNTAX_ERROR(p, "unbalanced '(' at character %zu", character(p, t.at));
            return NULL;
        }
        if (p->cur.kind == T_RPAREN) {
            SYNTAX_ERROR(p, "empty parentheses at character %zu", character(p, t.at));
            return NULL;
        }
        n = parse_or(p);
        if (n && p->cur.kind != T_RPAREN) {
            SYNTAX_ERROR(p, "unbalanced '(' at character %zu", character(p, t.at));
            sr_qnode_free(n);
            return NULL;
        }
        if (n)
            advance(p, 0);
        return n;
    case T_RPAREN:
        SYNTAX_ERROR(p, "unbalanced ')' at character %zu", character(p, t.at));
        return NULL;
    case T_AND:
    case T_OR:
        SYNTAX_ERROR(p, "'%s' at character %zu has nothing before it", token_text(t.kind),
                     character(p, t.at));
        return NULL;
    case T_WORD: case T_PHRASE: case T_FIELD: case T_YEAR:
        n = node_new(p, t.kind == T_WORD     ? SR_QN_WORD
                        : t.kind == T_PHRASE ? SR_QN_PHRASE
                        : t.kind == T_FIELD  ? SR_QN_FIELD
                                             : SR_QN_YEAR,
                     t.at);
        if (n) {
            n->start = t.start;
            n->end = t.end;
            n->field = t.field;
            n->phrase = t.phrase;
            memcpy(n->year_lo, t.year_lo, sizeof(n->year_lo));
            memcpy(n->year_hi, t.year_hi, sizeof(n->year_hi));
            advance(p, 0);
        }
        return n;
    default:
        /* T_END, T_NOT, T_MINUS never reach here: callers check first. */
        SYNTAX_ERROR(p, "unexpected end at character %zu", character(p, t.at));
        return NULL;
    }
}

static struct sr_qnode *parse_unary(struct parser *p)
{
    struct token t = p->cur;
    if (t.kind != T_NOT && t.kind != T_MINUS)
        return parse_primary(p);
    advance(p, t.kind == T_MINUS);
    /* After '-' comes a word, phrase, field or group (read plainly, see
     * advance); after NOT any item. */
    if (!needs_operand(p, t.kind, t.at))
        return NULL;
    struct sr_qnode *kid = t.kind == T_NOT ? parse_unary(p) : parse_primary(p);
    if (!kid)
        return NULL;
    struct sr_qnode *n = node_new(p, SR_QN_NOT, t.at);
    if (!n) {
        sr_qnode_free(kid);
        return NULL;
    }
    n->minus = t.kind == T_MINUS;
    add_kid(p, n, kid);
    return n;
}

/* Adds item to the n-ary node *acc of kind, making one when *acc is
 * another kind (or sets *acc to item when it is NULL). An item of the same
 * kind (from parentheses) is taken apart: AND and OR are associative. */
static void join(struct parser *p, struct sr_qnode **acc, struct sr_qnode *item,
                 enum sr_qnode_kind kind)
{
    if (!*acc) {
        *acc = item;
        return;
    }
    if ((*acc)->kind != kind) {
        struct sr_qnode *n = node_new(p, kind, (*acc)->at);
        if (!n) {
            sr_qnode_free(item);
            return;
        }
        add_kid(p, n, *acc);
        *acc = n;
    }
    if (item->kind == kind) {
        for (size_t i = 0; i < item->nkids && p->rc == IZDE_OK; i++) {
            add_kid(p, *acc, item->kids[i]);
            item->kids[i] = NULL;
        }
        sr_qnode_free(item);
    } else {
        add_kid(p, *acc, item);
    }
}

static struct sr_qnode *parse_and(struct parser *p)
{
    /* A group first ("(a b) c") is extended by what follows: a b c. */
    struct sr_qnode *acc = parse_unary(p);
    while (acc && p->rc == IZDE_OK) {
        if (p->cur.kind == T_AND) {
            size_t at = p->cur.at;
            advance(p, 0);
            if (!needs_operand(p, T_AND, at))
                break;
        } else if (!begins_item(p)) {
            break;
        }
        struct sr_qnode *item = parse_unary(p);
        if (!item)
            break;
        join(p, &acc, item, SR_QN_AND);
    }
    if (p->rc != IZDE_OK) {
        sr_qnode_free(acc);
        return NULL;
    }
    return acc;
}

static struct sr_qnode *parse_or(struct parser *p)
{
    struct sr_qnode *acc = parse_and(p);
    while (acc && p->rc == IZDE_OK && p->cur.kind == T_OR) {
        size_t at = p->cur.at;
        advance(p, 0);
        if (!needs_operand(p, T_OR, at))
            break;
        struct sr_qnode *item = parse_and(p);
        if (!item)
            break;
        join(p, &acc, item, SR_QN_OR);
    }
    if (p->rc != IZDE_OK) {
        sr_qnode_free(acc);
        return NULL;
    }
    return acc;
}

izde_status_t sr_qsyntax_parse(const char *text, size_t len, struct sr_qnode **root,
                               struct izde_buf *msg)
{
    struct parser p = { .s = text, .len = len, .msg = msg, .rc = IZDE_OK };
    *root = NULL;
    advance(&p, 0);
    if (p.rc != IZDE_OK || p.cur.kind == T_END)
        return p.rc;
    struct sr_qnode *n = parse_or(&p);
    if (n && p.rc == IZDE_OK && p.cur.kind != T_END)
        /* parse_or stops only at the end or at a ')' it did not open. */
        SYNTAX_ERROR(&p, "unbalanced ')' at character %zu", character(&p, p.cur.at));
    if (p.rc != IZDE_OK) {
        sr_qnode_free(n);
        return p.rc;
    }
    *root = n;
    return IZDE_OK;
}
