/* article_int.h - what the article reader's files share: the reader's state (lines, blocks, authors), small UTF-8 helpers (inline), and the steps each file provides. */
#ifndef IZDE_ARTICLE_INT_H
#define IZDE_ARTICLE_INT_H

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "extract/article.h"
#include "text/keyfold.h"
#include "text/text.h"

/* ---- small UTF-8 helpers ---- */

/* Lowercase for the scripts articles use (Latin, Cyrillic with the Kyrgyz
 * letters); enough for matching labels, no ICU handle needed. */
static inline uint32_t lower_cp(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 0x410 && c <= 0x42F)
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    if (c >= 0x460 && c <= 0x4FF && (c & 1) == 0)
        return c + 1;
    return c;
}

static inline int is_upper_cp(uint32_t c)
{
    return lower_cp(c) != c;
}

static inline int is_lower_cp(uint32_t c)
{
    return izde_text_is_alpha(c) && !is_upper_cp(c);
}

static inline int is_space_cp(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x2009 || c == 0x202F;
}

/* Superscript marks that tie an author to an affiliation. */
static inline int is_mark_cp(uint32_t c)
{
    return (c >= '0' && c <= '9') || c == '*' || c == 0xB9 || c == 0xB2 || c == 0xB3 ||
           (c >= 0x2070 && c <= 0x2079) || c == 0x2020 || c == 0x2021;
}

static inline izde_status_t fold(const char *s, size_t n, struct izde_buf *out)
{
    izde_buf_clear(out);
    for (size_t i = 0; i < n;) {
        uint32_t c = izde_utf8_next(s, n, &i);
        if (is_space_cp(c))
            c = ' ';
        if (izde_utf8_add(out, lower_cp(c)) != IZDE_OK)
            return IZDE_ERR_NOMEM;
    }
    if (!out->p && izde_buf_addc(out, '\0') != IZDE_OK)
        return IZDE_ERR_NOMEM;
    return IZDE_OK;
}

static inline int has_prefix(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && memcmp(s, p, k) == 0;
}

static inline const char *find_in(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    if (k == 0 || n < k)
        return NULL;
    if (k == 1)
        return memchr(s, needle[0], n);
    /* memchr to each place of the needle's second byte: in Cyrillic UTF-8
     * the first byte (0xD0, 0xD1) is every other byte of the text, the
     * second names the letter. Every line of a long text is searched for
     * a score of affiliation words. */
    for (const char *p = s + 1, *last = s + n - k + 1; p <= last; p++) {
        p = memchr(p, needle[1], (size_t)(last - p) + 1);
        if (!p)
            return NULL;
        if (p[-1] == needle[0] && memcmp(p - 1, needle, k) == 0)
            return p - 1;
    }
    return NULL;
}

static inline void trim(const char **s, size_t *n)
{
    while (*n > 0) {
        size_t i = 0;
        uint32_t c = izde_utf8_next(*s, *n, &i);
        if (!is_space_cp(c))
            break;
        *s += i;
        *n -= i;
    }
    while (*n > 0) {
        unsigned char c = (unsigned char)(*s)[*n - 1];
        if (c == ' ' || c == '\t' || c == '\r')
            (*n)--;
        else if (*n >= 2 && c == 0xA0 && (unsigned char)(*s)[*n - 2] == 0xC2)
            *n -= 2;
        else
            break;
    }
}

/* Drops trailing characters of set (ASCII) and spaces. */
static inline void trim_tail(const char *s, size_t *n, const char *set)
{
    while (*n > 0 && (strchr(set, s[*n - 1]) || s[*n - 1] == ' '))
        (*n)--;
}

static inline char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

/* ---- types ---- */

/* A token of a name (article_names.c). TOK_KYZY: "кызы" (daughter of) or
 * "уулу" (son of), ending a Kyrgyz patronymic written as the father's name
 * and that word. */
enum tok_kind { TOK_INITIAL, TOK_WORD, TOK_CAPS, TOK_KYZY, TOK_OTHER };

struct name_tok {
    const char *s;
    size_t n;
    enum tok_kind kind;
};

/* The text as lines (article_pages.c), and the reading state of one
 * article. */
enum line_role {
    ROLE_TEXT = 0,
    ROLE_BLANK,
    ROLE_FURNITURE,            /* running header or footer, page number */
};

struct line {
    const char *s;
    size_t n;
    unsigned page, lineno;
    enum line_role role;
    enum izde_art_label label;
    enum izde_art_lang label_lang;
    size_t rest;
};

struct reader {
    const char *text;
    size_t len;
    struct line *lines;
    size_t nlines;
    unsigned npages;
    struct izde_buf tmp, tmp2;
    struct izde_article *a;
    long page_vote_off;        /* printed page number - page index, best agreed */
    int page_vote_n;           /* pages that agree on it */
    struct izde_art_src page_vote_src;
    int title_weak[IZDE_ART_NLANG];   /* the title came from another block */
};

/* A language's front matter as line ranges, and what reading it gives
 * (article_blocks.c, article_people.c). */
enum head_role { HEAD_TITLE, HEAD_AUTHOR, HEAD_AFFIL, HEAD_MARK, HEAD_SKIP };

struct block {
    size_t start, abs_start, kw, end;  /* line indexes: [start, kw) front, kw..end keywords */
    size_t abs_rest;                   /* offset in lines[abs_start] where the abstract begins */
    int after;                         /* after the references */
    int nokw;                          /* no keyword list: kw is the abstract's end */
};

struct affil {
    char *text;     /* NULL when only an e-mail */
    char *email;
    char mark[8];
};

struct block_out {
    enum izde_art_lang lang;
    struct izde_buf names, marks;  /* "\0"-separated */
    size_t nnames;
    struct izde_art_src names_src[64];
    struct affil affils[16];
    size_t naffils;
    char *emails[16];              /* addresses listed together, in order */
    size_t nemails;
};

/* ---- article_names.c: labels and the shape of names ---- */

enum tok_kind art_tok_classify(const char *s, size_t n);
size_t art_name_tokens(const char *s, size_t n, struct name_tok *t, size_t max);
int art_patronymic(const char *s, size_t n);
int art_add_initial(struct izde_buf *out, const struct name_tok *t);
int art_add_surname(struct izde_buf *out, const struct name_tok *t);

/* ---- article_pages.c: lines, page furniture, codes ---- */

izde_status_t art_split_lines(struct reader *r);
int art_all_digits(const char *s, size_t n);
izde_status_t art_read_furniture(struct reader *r);
izde_status_t art_read_codes(struct reader *r, size_t front_end);

/* ---- article_people.c: author lines, affiliations, e-mails ---- */

int art_has_email(const char *s, size_t n);
int art_affiliation_words(struct reader *r, const char *s, size_t n);
int art_degree_piece(const char *s, size_t n);
int art_author_line(const char *s, size_t n, struct izde_buf *names, struct izde_buf *marks);
izde_status_t art_join_lines(struct reader *r, size_t from, size_t to, size_t first_off,
                             struct izde_buf *out);
enum izde_art_lang art_lang_of(const char *s, size_t n);
int art_caps_line(const char *s, size_t n);
int art_mark_then_capital(const char *s, size_t n);
int art_email_label_only(struct reader *r, const char *s, size_t n);
izde_status_t art_parse_affil(struct reader *r, const char *s, size_t n, struct affil *af);
izde_status_t art_split_emails(const char *s, size_t n, struct block_out *o);
void art_block_out_release(struct block_out *b);

/* ---- article_blocks.c: title, abstract, keywords, authors of a block ---- */

izde_status_t art_read_block(struct reader *r, struct block *b, struct block_out *o);
size_t art_keywords_end(const struct reader *r, size_t k);
size_t art_abstract_end(const struct reader *r, size_t k);
izde_status_t art_read_authors(struct reader *r, struct block_out *outs, size_t nouts);

#endif
