/* article.c - reading a journal article's front matter by its structure: labels, the shape of names, order and language, page furniture. */
#include "extract/article.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/keyfold.h"
#include "text/text.h"

/* ---- small UTF-8 helpers ---- */

/* Lowercase for the scripts articles use (Latin, Cyrillic with the Kyrgyz
 * letters); enough for matching labels, no ICU handle needed. */
static uint32_t lower_cp(uint32_t c)
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

static int is_upper_cp(uint32_t c)
{
    return lower_cp(c) != c;
}

static int is_lower_cp(uint32_t c)
{
    return izde_text_is_alpha(c) && !is_upper_cp(c);
}

static int is_space_cp(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x2009 || c == 0x202F;
}

/* Superscript marks that tie an author to an affiliation. */
static int is_mark_cp(uint32_t c)
{
    return (c >= '0' && c <= '9') || c == '*' || c == 0xB9 || c == 0xB2 || c == 0xB3 ||
           (c >= 0x2070 && c <= 0x2079) || c == 0x2020 || c == 0x2021;
}

static izde_status_t fold(const char *s, size_t n, struct izde_buf *out)
{
    izde_buf_clear(out);
    for (size_t i = 0; i < n;) {
        uint32_t c = izde_text_next_cp(s, n, &i);
        if (is_space_cp(c))
            c = ' ';
        if (izde_text_add_cp(out, lower_cp(c)) != IZDE_OK)
            return IZDE_ERR_NOMEM;
    }
    if (!out->p && izde_buf_addc(out, '\0') != IZDE_OK)
        return IZDE_ERR_NOMEM;
    return IZDE_OK;
}

static int has_prefix(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && memcmp(s, p, k) == 0;
}

static const char *find_in(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    if (k == 0 || n < k)
        return NULL;
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0)
            return s + i;
    return NULL;
}

static void trim(const char **s, size_t *n)
{
    while (*n > 0) {
        size_t i = 0;
        uint32_t c = izde_text_next_cp(*s, *n, &i);
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
static void trim_tail(const char *s, size_t *n, const char *set)
{
    while (*n > 0 && (strchr(set, s[*n - 1]) || s[*n - 1] == ' '))
        (*n)--;
}

static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

/* ---- labels ---- */

struct label_word {
    const char *folded;        /* lowercase */
    enum izde_art_label kind;
    enum izde_art_lang lang;
};

/* Longer forms first where one is the start of another. */
static const struct label_word label_words[] = {
    {"негизги сөздөр", IZDE_ART_LABEL_KEYWORDS, IZDE_ART_KY},
    {"негизги создор", IZDE_ART_LABEL_KEYWORDS, IZDE_ART_KY},
    {"ачкыч сөздөр", IZDE_ART_LABEL_KEYWORDS, IZDE_ART_KY},
    {"түйүндүү сөздөр", IZDE_ART_LABEL_KEYWORDS, IZDE_ART_KY},
    {"түйүн сөздөр", IZDE_ART_LABEL_KEYWORDS, IZDE_ART_KY},
    {"ключевые слова", IZDE_ART_LABEL_KEYWORDS, IZDE_ART_RU},
    {"key words", IZDE_ART_LABEL_KEYWORDS, IZDE_ART_EN},
    {"keywords", IZDE_ART_LABEL_KEYWORDS, IZDE_ART_EN},
    {"key-words", IZDE_ART_LABEL_KEYWORDS, IZDE_ART_EN},
    {"аннотациясы", IZDE_ART_LABEL_ABSTRACT, IZDE_ART_KY},
    {"аннотация", IZDE_ART_LABEL_ABSTRACT, IZDE_ART_NLANG},
    {"кыскача мазмуну", IZDE_ART_LABEL_ABSTRACT, IZDE_ART_KY},
    {"резюме", IZDE_ART_LABEL_ABSTRACT, IZDE_ART_NLANG},
    {"abstract", IZDE_ART_LABEL_ABSTRACT, IZDE_ART_EN},
    {"summary", IZDE_ART_LABEL_ABSTRACT, IZDE_ART_EN},
    {"удк", IZDE_ART_LABEL_UDC, IZDE_ART_NLANG},
    {"udc", IZDE_ART_LABEL_UDC, IZDE_ART_EN},
    {"удк/udc", IZDE_ART_LABEL_UDC, IZDE_ART_NLANG},
    {"ұдк", IZDE_ART_LABEL_UDC, IZDE_ART_NLANG},
    {"әож", IZDE_ART_LABEL_UDC, IZDE_ART_NLANG},
    {"https://doi.org/", IZDE_ART_LABEL_DOI, IZDE_ART_NLANG},
    {"http://doi.org/", IZDE_ART_LABEL_DOI, IZDE_ART_NLANG},
    {"http://dx.doi.org/", IZDE_ART_LABEL_DOI, IZDE_ART_NLANG},
    {"doi.org/", IZDE_ART_LABEL_DOI, IZDE_ART_NLANG},
    {"doi", IZDE_ART_LABEL_DOI, IZDE_ART_NLANG},
    {"ббк", IZDE_ART_LABEL_CODE, IZDE_ART_NLANG},
    {"грнти", IZDE_ART_LABEL_CODE, IZDE_ART_NLANG},
    {"мрнти", IZDE_ART_LABEL_CODE, IZDE_ART_NLANG},
    {"ррнти", IZDE_ART_LABEL_CODE, IZDE_ART_NLANG},
    {"jel", IZDE_ART_LABEL_CODE, IZDE_ART_NLANG},
    {"orcid", IZDE_ART_LABEL_CODE, IZDE_ART_NLANG},
};

/* Reference list headers: the whole line, apart from punctuation. */
static const char *const reference_heads[] = {
    "адабияттар", "адабияттар тизмеси", "колдонулган адабияттар",
    "колдонулган адабияттардын тизмеси", "пайдаланылган адабияттар",
    "пайдаланылган адабияттардын тизмеси", "адабият", "литература", "список литературы",
    "список использованной литературы", "список использованных источников",
    "использованная литература", "библиографический список", "библиография",
    "references", "bibliography", "literature", "list of references", "источники",
};

enum izde_art_label izde_article_label(const char *line, size_t len, enum izde_art_lang *lang,
                                       size_t *rest)
{
    if (lang)
        *lang = IZDE_ART_NLANG;
    if (rest)
        *rest = 0;
    if (!line)
        return IZDE_ART_LABEL_NONE;
    const char *s = line;
    size_t n = len;
    trim(&s, &n);
    if (n == 0 || n > 4096)
        return IZDE_ART_LABEL_NONE;
    struct izde_buf f;
    izde_buf_init(&f);
    if (fold(s, n, &f) != IZDE_OK) {
        izde_buf_release(&f);
        return IZDE_ART_LABEL_NONE;
    }
    enum izde_art_label kind = IZDE_ART_LABEL_NONE;
    /* A reference header is a line of its own. */
    size_t fl = f.len;
    trim_tail(f.p, &fl, ":.");
    for (size_t i = 0; i < sizeof(reference_heads) / sizeof(*reference_heads); i++)
        if (strlen(reference_heads[i]) == fl && memcmp(f.p, reference_heads[i], fl) == 0) {
            kind = IZDE_ART_LABEL_REFERENCES;
            if (rest)
                *rest = len;
            break;
        }
    /* Folding maps code point to code point (not byte to byte: a no-break
     * space becomes a space), so an offset in the folded line is turned
     * into one in the line by counting code points. */
    for (size_t i = 0; kind == IZDE_ART_LABEL_NONE && i < sizeof(label_words) / sizeof(*label_words);
         i++) {
        const struct label_word *w = &label_words[i];
        if (!has_prefix(f.p, f.len, w->folded))
            continue;
        size_t k = strlen(w->folded);
        /* The label must end there: "Аннотациясы", not "Аннотациялар ...";
         * "DOI" not "Doing". */
        if (k < f.len) {
            size_t j = k;
            uint32_t c = izde_text_next_cp(f.p, f.len, &j);
            if (izde_text_is_alpha(c))
                continue;
            /* Short labels need their punctuation or a code after them. */
            if (w->kind == IZDE_ART_LABEL_UDC || w->kind == IZDE_ART_LABEL_DOI ||
                w->kind == IZDE_ART_LABEL_CODE) {
                size_t m = k;
                while (m < f.len && (f.p[m] == ' ' || f.p[m] == ':'))
                    m++;
                if (m < f.len && !isdigit((unsigned char)f.p[m]) && w->kind != IZDE_ART_LABEL_CODE &&
                    !(w->kind == IZDE_ART_LABEL_DOI && (has_prefix(f.p + m, f.len - m, "http") ||
                                                        has_prefix(f.p + m, f.len - m, "doi.org"))))
                    continue;
            }
        } else if (w->kind != IZDE_ART_LABEL_ABSTRACT && w->kind != IZDE_ART_LABEL_KEYWORDS) {
            continue;
        }
        kind = w->kind;
        if (lang)
            *lang = w->lang;
        if (rest) {
            size_t m = k;
            while (m < f.len) {
                size_t j = m;
                uint32_t c = izde_text_next_cp(f.p, f.len, &j);
                if (c == ' ' || c == ':' || c == '.' || c == 0x2014 || c == 0x2013 || c == '-')
                    m = j;
                else
                    break;
            }
            size_t cps = 0, o = 0;
            for (size_t j = 0; j < m; cps++)
                izde_text_next_cp(f.p, m, &j);
            while (cps-- > 0 && o < n)
                izde_text_next_cp(s, n, &o);
            *rest = (size_t)(s - line) + o;
        }
    }
    izde_buf_release(&f);
    return kind;
}

/* ---- names ---- */

/* TOK_KYZY: "кызы" (daughter of) or "уулу" (son of), ending a Kyrgyz
 * patronymic written as the father's name and that word. */
enum tok_kind { TOK_INITIAL, TOK_WORD, TOK_CAPS, TOK_KYZY, TOK_OTHER };

struct name_tok {
    const char *s;
    size_t n;
    enum tok_kind kind;
};

static enum tok_kind tok_classify(const char *s, size_t n)
{
    size_t i = 0, letters = 0, uppers = 0, lowers = 0;
    uint32_t first = 0;
    int dot = 0;
    while (i < n) {
        uint32_t c = izde_text_next_cp(s, n, &i);
        if (c == '.') {
            if (i != n)
                return TOK_OTHER;
            dot = 1;
        } else if (c == '-' || c == 0x2010 || c == '\'' || c == 0x2019) {
            if (letters == 0 || i == n)
                return TOK_OTHER;
        } else if (izde_text_is_alpha(c)) {
            if (letters == 0)
                first = c;
            letters++;
            if (is_upper_cp(c))
                uppers++;
            else
                lowers++;
        } else {
            return TOK_OTHER;
        }
    }
    if (!dot && n == 8 && (memcmp(s, "кызы", 8) == 0 || memcmp(s, "уулу", 8) == 0))
        return TOK_KYZY;
    if (letters == 0 || !is_upper_cp(first))
        return TOK_OTHER;
    /* "А." and the two-letter initials of Дж., Ш. stay initials. */
    if (dot && (letters == 1 || (letters == 2 && lowers == 1)))
        return TOK_INITIAL;
    if (dot)
        return TOK_OTHER;
    if (letters >= 2 && lowers == 0)
        return TOK_CAPS;
    if (letters >= 2 && uppers == 1)
        return TOK_WORD;
    /* Shakirova-Osmonova, Мак-Дональд: a capital after each hyphen. */
    if (letters >= 4 && lowers > uppers)
        return TOK_WORD;
    return TOK_OTHER;
}

/* Splits s into name tokens: at spaces, after each '.', and without the
 * superscript marks that follow a name. Returns the count (at most max) or
 * 0 when s holds something a name cannot. */
static size_t name_tokens(const char *s, size_t n, struct name_tok *t, size_t max)
{
    size_t nt = 0, i = 0;
    while (i < n) {
        size_t j = i;
        uint32_t c = izde_text_next_cp(s, n, &j);
        if (is_space_cp(c) || c == ',') {
            i = j;
            continue;
        }
        if (is_mark_cp(c)) {
            /* Marks only after the name's letters ("Д.Б.1", "Осмонов*"). */
            if (nt == 0)
                return 0;
            i = j;
            continue;
        }
        size_t start = i, end = i;
        while (end < n) {
            size_t k = end;
            uint32_t d = izde_text_next_cp(s, n, &k);
            if (is_space_cp(d) || is_mark_cp(d) || d == ',')
                break;
            end = k;
            if (d == '.')
                break;
        }
        if (nt == max)
            return 0;
        t[nt].s = s + start;
        t[nt].n = end - start;
        t[nt].kind = tok_classify(t[nt].s, t[nt].n);
        if (t[nt].kind == TOK_OTHER)
            return 0;
        nt++;
        i = end;
    }
    return nt;
}

static int patronymic(const char *s, size_t n)
{
    static const char *const ends[] = {"вич", "вна", "ична", "кызы", "уулу", "вич.", "евна"};
    struct izde_buf f;
    izde_buf_init(&f);
    int yes = 0;
    if (fold(s, n, &f) == IZDE_OK)
        for (size_t i = 0; i < sizeof(ends) / sizeof(*ends); i++) {
            size_t k = strlen(ends[i]);
            if (f.len >= k && memcmp(f.p + f.len - k, ends[i], k) == 0)
                yes = 1;
        }
    izde_buf_release(&f);
    return yes;
}

/* Appends a word's first letter and '.'. */
static int add_initial(struct izde_buf *out, const struct name_tok *t)
{
    size_t i = 0;
    uint32_t c = izde_text_next_cp(t->s, t->n, &i);
    if (t->kind == TOK_INITIAL)
        return izde_buf_add(out, t->s, t->n) == IZDE_OK ? 0 : -1;
    return izde_text_add_cp(out, c) == IZDE_OK && izde_buf_addc(out, '.') == IZDE_OK ? 0 : -1;
}

/* Appends a surname, capitals after the first letter made small
 * ("ОСМОНОВ" -> "Осмонов"), so that every style reads the same. */
static int add_surname(struct izde_buf *out, const struct name_tok *t)
{
    size_t i = 0;
    int after_start = 0;
    while (i < t->n) {
        uint32_t c = izde_text_next_cp(t->s, t->n, &i);
        uint32_t o = (after_start && t->kind == TOK_CAPS) ? lower_cp(c) : c;
        after_start = (c != '-');
        if (izde_text_add_cp(out, o) != IZDE_OK)
            return -1;
    }
    return 0;
}

int izde_article_author_name(const char *s, size_t len, struct izde_buf *out)
{
    if (!s || !out)
        return 0;
    struct name_tok t[8];
    size_t nt = name_tokens(s, len, t, 8);
    if (nt < 2)
        return 0;
    size_t surname = nt, first_init = 0, ninit = 0;
    size_t lead = 0;
    while (lead < nt && t[lead].kind == TOK_INITIAL)
        lead++;
    if (lead >= 1 && lead <= 3 && lead == nt - 1 && t[nt - 1].kind != TOK_INITIAL) {
        surname = nt - 1;            /* К. Т. Осмонов */
        first_init = 0;
        ninit = lead;
    } else if (t[0].kind != TOK_INITIAL && nt >= 2 && nt <= 4) {
        size_t k = 1;
        while (k < nt && t[k].kind == TOK_INITIAL)
            k++;
        if (k == nt && nt - 1 <= 3) {
            surname = 0;             /* Осмонов К.Т. */
            first_init = 1;
            ninit = nt - 1;
        } else if (nt == 3 && t[1].kind == TOK_WORD && t[2].kind == TOK_WORD &&
                   patronymic(t[2].s, t[2].n)) {
            surname = 0;             /* Осмонов Канат Токтогулович */
            first_init = 1;
            ninit = 2;
        } else if (nt == 4 && t[1].kind == TOK_WORD && t[2].kind == TOK_WORD &&
                   t[3].kind == TOK_KYZY && t[0].kind != TOK_KYZY) {
            surname = 0;             /* Асанова Айгүл Бакыт кызы */
            first_init = 1;
            ninit = 2;
        } else if (nt == 3 && t[0].kind == TOK_WORD && t[1].kind == TOK_WORD &&
                   (t[2].kind == TOK_WORD || t[2].kind == TOK_CAPS) &&
                   patronymic(t[1].s, t[1].n) && !patronymic(t[2].s, t[2].n)) {
            surname = 2;             /* Мария Петровна Иванова */
            first_init = 0;
            ninit = 2;
        }
    }
    if (surname == nt || (t[surname].kind != TOK_WORD && t[surname].kind != TOK_CAPS))
        return 0;
    size_t old = out->len;
    if (add_surname(out, &t[surname]) < 0 || izde_buf_addc(out, ' ') != IZDE_OK)
        goto nomem;
    for (size_t k = 0; k < ninit; k++)
        if (add_initial(out, &t[first_init + k]) < 0)
            goto nomem;
    return 1;
nomem:
    out->len = old;
    if (out->p)
        out->p[old] = '\0';
    return -1;
}

/* ---- the article's lines ---- */

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

static izde_status_t split_lines(struct reader *r)
{
    size_t cap = 0;
    unsigned page = 1, lineno = 0;
    size_t i = 0;
    while (i <= r->len) {
        size_t e = i;
        while (e < r->len && r->text[e] != '\n' && r->text[e] != '\f')
            e++;
        struct line *l = izde_array_grow(r->lines, r->nlines, &cap, sizeof(*l), 256);
        if (!l)
            return IZDE_ERR_NOMEM;
        r->lines = l;
        l = &r->lines[r->nlines++];
        memset(l, 0, sizeof(*l));
        l->s = r->text + i;
        l->n = e - i;
        trim(&l->s, &l->n);
        l->page = page;
        l->lineno = ++lineno;
        l->role = l->n == 0 ? ROLE_BLANK : ROLE_TEXT;
        if (e < r->len && r->text[e] == '\f') {
            page++;
            lineno = 0;
        }
        if (e >= r->len)
            break;
        i = e + 1;
    }
    /* A final form feed does not open a page. */
    while (r->nlines > 0 && r->lines[r->nlines - 1].role == ROLE_BLANK &&
           r->lines[r->nlines - 1].page > 1 && r->nlines >= 2 &&
           r->lines[r->nlines - 2].page < r->lines[r->nlines - 1].page)
        r->nlines--;
    r->npages = r->nlines ? r->lines[r->nlines - 1].page : 0;
    return IZDE_OK;
}

static int all_digits(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

/* The indexes of the first and last k non-blank lines of page p. */
static size_t edge_lines(const struct reader *r, unsigned p, size_t k, size_t *out)
{
    size_t n = 0, first = r->nlines, last = 0;
    for (size_t i = 0; i < r->nlines; i++)
        if (r->lines[i].page == p && r->lines[i].role != ROLE_BLANK) {
            if (first == r->nlines)
                first = i;
            last = i;
        }
    if (first == r->nlines)
        return 0;
    size_t c = 0;
    for (size_t i = first; i <= last && c < k; i++)
        if (r->lines[i].role != ROLE_BLANK) {
            out[n++] = i;
            c++;
        }
    c = 0;
    for (size_t i = last + 1; i-- > first && c < k;)
        if (r->lines[i].role != ROLE_BLANK) {
            int dup = 0;
            for (size_t j = 0; j < n; j++)
                dup |= out[j] == i;
            if (!dup)
                out[n++] = i;
            c++;
        }
    return n;
}

static int same_line(const struct line *a, const struct line *b)
{
    return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

/* A year 1900..2099 standing as a number of its own. */
static int find_year(const char *s, size_t n, size_t *at)
{
    for (size_t i = 0; i + 4 <= n; i++) {
        if ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')) {
            if (!all_digits(s + i, 4))
                continue;
            if (i > 0 && (isdigit((unsigned char)s[i - 1]) || s[i - 1] == '.' || s[i - 1] == '-'))
                continue;
            if (i + 4 < n && (isdigit((unsigned char)s[i + 4]) || s[i + 4] == '-'))
                continue;
            if (at)
                *at = i;
            return atoi(s + i) > 0 ? (int)strtol(s + i, NULL, 10) : 0;
        }
    }
    return 0;
}

/* The issue mark: "№", "No.", "N", "Issue", "Вып.", and where it starts. */
static int find_issue(const char *s, size_t n, size_t *at, size_t *num, size_t *numlen)
{
    static const char *const marks[] = {"№", "No.", "No ", "Issue", "Вып.", "Выпуск", "Iss."};
    for (size_t i = 0; i < n; i++)
        for (size_t m = 0; m < sizeof(marks) / sizeof(*marks); m++) {
            size_t k = strlen(marks[m]);
            if (i + k > n || memcmp(s + i, marks[m], k) != 0)
                continue;
            if (i > 0 && isalpha((unsigned char)s[i - 1]))
                continue;
            size_t j = i + k;
            while (j < n && (s[j] == ' ' || s[j] == '.'))
                j++;
            size_t d = j;
            while (d < n && isdigit((unsigned char)s[d]))
                d++;
            if (d == j)
                continue;
            *at = i;
            *num = j;
            *numlen = d - j;
            return 1;
        }
    return 0;
}

/* Where a volume mark ("Т. 4", "Том 4", "Vol. 4", "Volume 4") starts, or n. */
static size_t volume_mark(const char *s, size_t n)
{
    static const char *const marks[] = {"Т.", "Том", "Vol", "VOL", "Volume", "ТОМ"};
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && s[i - 1] != ' ' && s[i - 1] != ',' && s[i - 1] != '.')
            continue;
        for (size_t m = 0; m < sizeof(marks) / sizeof(*marks); m++) {
            size_t k = strlen(marks[m]);
            if (i + k > n || memcmp(s + i, marks[m], k) != 0)
                continue;
            size_t j = i + k;
            while (j < n && (s[j] == ' ' || s[j] == '.'))
                j++;
            if (j < n && isdigit((unsigned char)s[j]))
                return i;
        }
    }
    return n;
}

/* A page number at the start or end of a running line ("12 Вестник ...",
 * "Вестник ... 2021 13"): its value and the rest of the line. Not a year,
 * nor an issue or volume number ("№ 4"). */
static int split_page_number(const char *s, size_t n, long *v, const char **rest, size_t *rn)
{
    size_t k = 0;
    while (k < n && isdigit((unsigned char)s[k]))
        k++;
    if (k > 0 && k <= 4 && k < n && s[k] == ' ' && !(k == 4 && find_year(s, k, NULL))) {
        *v = strtol(s, NULL, 10);
        *rest = s + k;
        *rn = n - k;
        trim(rest, rn);
        return *rn > 0;
    }
    size_t e = n;
    while (e > 0 && isdigit((unsigned char)s[e - 1]))
        e--;
    k = n - e;
    if (k == 0 || k > 4 || e == 0 || s[e - 1] != ' ' || (k == 4 && find_year(s + e, k, NULL)))
        return 0;
    *rest = s;
    *rn = e;
    trim(rest, rn);
    if (*rn == 0)
        return 0;
    static const char *const marks[] = {"№", "No", "No.", ",", "Т.", "Vol.", "Issue", "Вып."};
    for (size_t m = 0; m < sizeof(marks) / sizeof(*marks); m++) {
        size_t ml = strlen(marks[m]);
        if (*rn >= ml && memcmp(*rest + *rn - ml, marks[m], ml) == 0)
            return 0;
    }
    *v = strtol(s + e, NULL, 10);
    return 1;
}

/* Marks running headers and footers and page numbers; reads journal, year,
 * issue and pages from them. */
static izde_status_t read_furniture(struct reader *r)
{
    struct izde_article *a = r->a;
    size_t edge[8];
    struct vote {
        long off;
        int n;
        struct izde_art_src src;
    } votes[64];
    size_t nvotes = 0;
    for (unsigned p = 1; p <= r->npages; p++) {
        size_t ne = edge_lines(r, p, 2, edge);
        for (size_t k = 0; k < ne; k++) {
            struct line *l = &r->lines[edge[k]];
            long v = -1;
            const char *rs;
            size_t rn;
            int numbered = split_page_number(l->s, l->n, &v, &rs, &rn);
            /* Repeated at an edge of another page: a running line; with a
             * number beside it that changes, a running line with the page
             * number. */
            for (unsigned q = 1; q <= r->npages && l->role != ROLE_FURNITURE; q++) {
                if (q == p)
                    continue;
                size_t e2[8];
                size_t n2 = edge_lines(r, q, 2, e2);
                for (size_t m = 0; m < n2; m++) {
                    const struct line *o = &r->lines[e2[m]];
                    long ov;
                    const char *os;
                    size_t on;
                    if (same_line(l, o) && !all_digits(l->s, l->n))
                        l->role = ROLE_FURNITURE;
                    if (numbered && rn > 0 &&
                        ((rn == o->n && memcmp(rs, o->s, rn) == 0) ||
                         (split_page_number(o->s, o->n, &ov, &os, &on) && on == rn &&
                          memcmp(rs, os, rn) == 0 && ov != v)))
                        l->role = ROLE_FURNITURE;
                }
            }
            if (numbered && rn > 0 && l->role != ROLE_FURNITURE)
                numbered = 0;
            if (numbered || (all_digits(l->s, l->n) && l->n <= 4)) {
                if (!numbered)
                    v = strtol(l->s, NULL, 10);
                long off = v - (long)p;
                l->role = ROLE_FURNITURE;
                size_t j = 0;
                while (j < nvotes && votes[j].off != off)
                    j++;
                if (j == nvotes && nvotes < 64)
                    votes[nvotes++] = (struct vote){off, 0, {l->page, l->lineno}};
                if (j < nvotes)
                    votes[j].n++;
            }
        }
    }
    /* The page numbers agree with the page order: most pages agree on one
     * offset. A single number on a single page is no evidence alone (a
     * footnote, a count); a running journal line makes it one. */
    size_t best = nvotes;
    for (size_t j = 0; j < nvotes; j++)
        if (votes[j].off >= 0 && (best == nvotes || votes[j].n > votes[best].n))
            best = j;
    r->page_vote_off = best < nvotes ? votes[best].off : -1;
    r->page_vote_n = best < nvotes ? votes[best].n : 0;
    r->page_vote_src = best < nvotes ? votes[best].src : (struct izde_art_src){0, 0};

    /* The journal line: a running line with a year, or the first line of the
     * first page when it carries a year and an issue. */
    struct line *jl = NULL;
    for (size_t i = 0; i < r->nlines && !jl; i++) {
        struct line *l = &r->lines[i];
        size_t at, num, numlen;
        if (l->role == ROLE_BLANK)
            continue;
        int year = find_year(l->s, l->n, &at);
        int issue = find_issue(l->s, l->n, &at, &num, &numlen);
        if (l->role == ROLE_FURNITURE && (year || issue))
            jl = l;
        else if (l->page == 1 && l->lineno <= 4 && year && issue) {
            jl = l;
            l->role = ROLE_FURNITURE;
        }
    }
    if (r->page_vote_n >= 2 || (r->page_vote_n == 1 && (r->npages > 1 || jl))) {
        a->page_first = r->page_vote_off + 1;
        a->page_last = r->page_vote_off + (long)r->npages;
        a->pages_src = r->page_vote_src;
    }
    if (!jl)
        return IZDE_OK;
    size_t yat = jl->n, iat = jl->n, num = 0, numlen = 0;
    int year = find_year(jl->s, jl->n, &yat);
    if (year) {
        a->year = year;
        a->year_src = (struct izde_art_src){jl->page, jl->lineno};
    } else {
        yat = jl->n;
    }
    if (find_issue(jl->s, jl->n, &iat, &num, &numlen)) {
        a->issue = dup_n(jl->s + num, numlen);
        if (!a->issue)
            return IZDE_ERR_NOMEM;
        a->issue_src = (struct izde_art_src){jl->page, jl->lineno};
    } else {
        iat = jl->n;
    }
    /* The name: what stands before the year and issue, or else after them. */
    size_t cut = yat < iat ? yat : iat;
    size_t vat = volume_mark(jl->s, jl->n);
    if (vat < cut)
        cut = vat;
    const char *js = jl->s;
    size_t jn = cut;
    trim_tail(js, &jn, ",.;:|-/");
    if (jn < 3) {
        size_t from = yat > iat ? yat : iat;
        if (from == yat && year)
            from += 4;
        else
            from = num + numlen;
        js = jl->s + from;
        jn = jl->n - from;
        while (jn > 0 && strchr(" ,.;:|-/()", *js)) {
            js++;
            jn--;
        }
        trim_tail(js, &jn, ",.;:|-/");
    }
    size_t letters = 0;
    for (size_t i = 0; i < jn;) {
        if (izde_text_is_alpha(izde_text_next_cp(js, jn, &i)))
            letters++;
    }
    if (letters < 3 && jl->page == 1 && jl > r->lines) {
        /* "ВЕСТНИК НАУКИ" over "№ 4, 2018": the name is the line above, at
         * the top of the first page, words only. */
        struct line *pl = jl - 1;
        while (pl > r->lines && pl->role == ROLE_BLANK)
            pl--;
        size_t digits = 0;
        for (size_t i = 0; i < pl->n; i++)
            digits += isdigit((unsigned char)pl->s[i]) != 0;
        if (pl->role == ROLE_TEXT && pl->page == 1 && pl->lineno <= 3 && digits == 0 &&
            izde_article_label(pl->s, pl->n, NULL, NULL) == IZDE_ART_LABEL_NONE) {
            js = pl->s;
            jn = pl->n;
            trim_tail(js, &jn, ",.;:|-/");
            letters = jn;
            pl->role = ROLE_FURNITURE;
            jl = pl;
        }
    }
    if (letters >= 3) {
        a->journal = dup_n(js, jn);
        if (!a->journal)
            return IZDE_ERR_NOMEM;
        a->journal_src = (struct izde_art_src){jl->page, jl->lineno};
    }
    return IZDE_OK;
}

/* ---- codes ---- */

static izde_status_t read_codes(struct reader *r, size_t front_end)
{
    struct izde_article *a = r->a;
    for (size_t i = 0; i < front_end; i++) {
        struct line *l = &r->lines[i];
        if (l->role != ROLE_TEXT)
            continue;
        if (l->label == IZDE_ART_LABEL_UDC && !a->udc) {
            const char *s = l->s + l->rest;
            size_t n = l->n - l->rest;
            size_t k = 0;
            while (k < n && (isdigit((unsigned char)s[k]) || strchr(".:/()+=-'\" []", s[k])))
                k++;
            trim_tail(s, &k, ".,;: ");
            if (k > 0) {
                a->udc = dup_n(s, k);
                if (!a->udc)
                    return IZDE_ERR_NOMEM;
                a->udc_src = (struct izde_art_src){l->page, l->lineno};
            }
        }
        if (!a->doi) {
            const char *d = find_in(l->s, l->n, "10.");
            int labelled = l->label == IZDE_ART_LABEL_DOI;
            if (!labelled) {
                struct izde_buf *f = &r->tmp;
                if (fold(l->s, l->n, f) != IZDE_OK)
                    return IZDE_ERR_NOMEM;
                labelled = find_in(f->p, f->len, "doi") != NULL;
            }
            if (d && labelled && d + 3 < l->s + l->n && isdigit((unsigned char)d[3])) {
                size_t k = 0, n = (size_t)(l->s + l->n - d);
                while (k < n && !is_space_cp((unsigned char)d[k]) && d[k] != ',')
                    k++;
                trim_tail(d, &k, ".;:)");
                if (find_in(d, k, "/")) {
                    a->doi = dup_n(d, k);
                    if (!a->doi)
                        return IZDE_ERR_NOMEM;
                    a->doi_src = (struct izde_art_src){l->page, l->lineno};
                }
            }
        }
    }
    return IZDE_OK;
}

/* ---- blocks: title, authors, abstract, keywords in one language ---- */

enum head_role { HEAD_TITLE, HEAD_AUTHOR, HEAD_AFFIL, HEAD_MARK, HEAD_SKIP };

struct block {
    size_t start, abs_start, kw, end;  /* line indexes: [start, kw) front, kw..end keywords */
    size_t abs_rest;                   /* offset in lines[abs_start] where the abstract begins */
    int after;                         /* after the references */
    int nokw;                          /* no keyword list: kw is the abstract's end */
};

static int has_email(const char *s, size_t n)
{
    const char *at = memchr(s, '@', n);
    return at && at > s && at + 1 < s + n;
}

static int affiliation_words(struct reader *r, const char *s, size_t n)
{
    static const char *const words[] = {
        "университет", "академи", "институт", "колледж", "university", "institute",
        "academy", "college", "кафедра", "факультет", "лицей", "гимназия", "department",
        "школа", "мектеби", "центр", "борбор", "ministry", "министрлиг", "министерств",
    };
    if (fold(s, n, &r->tmp) != IZDE_OK)
        return 0;
    for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
        if (find_in(r->tmp.p, r->tmp.len, words[i]))
            return 1;
    return 0;
}

/* Whether a comma-separated piece is a degree or position ("п.и.д.",
 * "профессор", "PhD"): short, and no capitalised word but abbreviations. */
static int degree_piece(const char *s, size_t n)
{
    size_t words = 0, i = 0;
    int in = 0, start = 1;
    while (i < n) {
        uint32_t c = izde_text_next_cp(s, n, &i);
        if (is_space_cp(c)) {
            in = 0;
            start = 1;
            continue;
        }
        if (!in) {
            words++;
            in = 1;
        }
        if (start && is_upper_cp(c)) {
            /* PhD, Dr., к.т.н. written in capitals: short abbreviations only. */
            size_t j = i, len = 1;
            while (j < n) {
                size_t k = j;
                uint32_t d = izde_text_next_cp(s, n, &k);
                if (is_space_cp(d))
                    break;
                j = k;
                len++;
            }
            if (len > 4)
                return 0;
        }
        start = 0;
    }
    return words > 0 && words <= 5;
}

/* Surname endings, for names printed as two words ("Айгүл Асанова"),
 * where nothing else tells the surname from the given name. */
static int surname_like(const char *s, size_t n)
{
    static const char *const ends[] = {
        "ов", "ова", "ев", "ева", "ёв", "ёва", "ин", "ина", "ын", "ына", "ий", "ая",
        "енко", "ук", "юк", "дзе", "швили", "ян", "ov", "ova", "ev", "eva", "in", "ina",
        "sky", "skaya", "enko", "yan",
    };
    struct izde_buf f;
    izde_buf_init(&f);
    int yes = 0;
    if (fold(s, n, &f) == IZDE_OK) {
        size_t fl = f.len;
        while (fl > 0 && (isdigit((unsigned char)f.p[fl - 1]) || f.p[fl - 1] == '*'))
            fl--;
        for (size_t i = 0; i < sizeof(ends) / sizeof(*ends) && !yes; i++) {
            size_t k = strlen(ends[i]);
            yes = fl > k + 2 && memcmp(f.p + fl - k, ends[i], k) == 0;
        }
    }
    izde_buf_release(&f);
    return yes;
}

/* A name of two capitalised words, one of them with a surname's ending and
 * the other without: appended as "Асанова А.". 1, 0 or -1 (NOMEM). */
static int loose_name(const char *s, size_t n, struct izde_buf *out)
{
    struct name_tok t[4];
    if (name_tokens(s, n, t, 4) != 2)
        return 0;
    for (int k = 0; k < 2; k++)
        if (t[k].kind != TOK_WORD && t[k].kind != TOK_CAPS)
            return 0;
    int s0 = surname_like(t[0].s, t[0].n), s1 = surname_like(t[1].s, t[1].n);
    if (s0 == s1)
        return 0;
    const struct name_tok *sur = s0 ? &t[0] : &t[1], *given = s0 ? &t[1] : &t[0];
    size_t old = out->len;
    if (add_surname(out, sur) < 0 || izde_buf_addc(out, ' ') != IZDE_OK || add_initial(out, given) < 0) {
        out->len = old;
        return -1;
    }
    return 1;
}

/* Names in an author line, appended to names as "name\0" strings with their
 * superscript marks (digits) in marks as "marks\0". Returns the number of
 * names, 0 when the line is not an author line, -1 on NOMEM. */
static int author_line(const char *s, size_t n, struct izde_buf *names, struct izde_buf *marks)
{
    if (has_email(s, n) || n == 0)
        return 0;
    size_t names0 = names->len, marks0 = marks->len;
    int count = 0, other = 0, loose = 0, loose_marked = 0;
    size_t i = 0;
    while (i <= n) {
        /* Pieces end at ',', ';', and the words "и", "and", "жана". */
        size_t e = i, next = n + 1;
        for (; e < n; e++) {
            if (s[e] == ',' || s[e] == ';') {
                next = e + 1;
                break;
            }
            static const char *const joins[] = {" и ", " and ", " жана ", " & "};
            int hit = 0;
            for (size_t j = 0; j < 4 && !hit; j++) {
                size_t k = strlen(joins[j]);
                if (e + k <= n && memcmp(s + e, joins[j], k) == 0) {
                    next = e + k;
                    hit = 1;
                }
            }
            if (hit)
                break;
        }
        const char *p = s + i;
        size_t pn = (e < n ? e : n) - i;
        trim(&p, &pn);
        /* Marks after a comma belong to the name before: "Осмонов К.Т.1,2". */
        if (pn > 0 && all_digits(p, pn) && count > 0) {
            if (marks->len > 0)
                marks->len--;  /* the previous name's terminator */
            if (izde_buf_add(marks, p, pn) != IZDE_OK || izde_buf_addc(marks, '\0') != IZDE_OK)
                return -1;
        } else if (pn > 0) {
            int rc = izde_article_author_name(p, pn, names);
            /* Degrees and positions before a name: "доцент Осмонов К.Т.". */
            for (const char *q = p; rc == 0 && q < p + pn;) {
                const char *sp = memchr(q, ' ', (size_t)(p + pn - q));
                size_t j = 0;
                if (!sp || !is_lower_cp(izde_text_next_cp(q, (size_t)(p + pn - q), &j)))
                    break;
                q = sp + 1;
                rc = izde_article_author_name(q, (size_t)(p + pn - q), names);
            }
            if (rc == 0) {
                rc = loose_name(p, pn, names);
                if (rc == 1) {
                    loose++;
                    loose_marked += isdigit((unsigned char)p[pn - 1]) || p[pn - 1] == '*';
                }
            }
            if (rc < 0)
                return -1;
            if (rc == 1) {
                if (izde_buf_addc(names, '\0') != IZDE_OK)
                    return -1;
                /* its marks: the digits among its last characters */
                size_t m = pn;
                while (m > 0 && (isdigit((unsigned char)p[m - 1]) || p[m - 1] == '*' ||
                                 p[m - 1] == ',' || p[m - 1] == ' '))
                    m--;
                size_t ml = pn - m;
                for (size_t k = 0; k < ml; k++)
                    if (isdigit((unsigned char)p[m + k]) &&
                        izde_buf_addc(marks, p[m + k]) != IZDE_OK)
                        return -1;
                if (izde_buf_addc(marks, '\0') != IZDE_OK)
                    return -1;
                count++;
            } else if (degree_piece(p, pn)) {
                other++;
            } else {
                names->len = names0;
                marks->len = marks0;
                return 0;
            }
        }
        if (next > n)
            break;
        i = next;
    }
    /* A name of two words is one only where the line shows it: a mark
     * after each, or nothing but such names on the line. */
    if (loose > 0 && loose_marked < loose && !(count >= 2 && other == 0)) {
        names->len = names0;
        marks->len = marks0;
        return 0;
    }
    return count;
}

/* Appends the text of lines [from, to) joined by spaces, roles TEXT only;
 * the first from its byte offset first_off. */
static izde_status_t join_lines(struct reader *r, size_t from, size_t to, size_t first_off,
                                struct izde_buf *out)
{
    izde_buf_clear(out);
    for (size_t i = from; i < to; i++) {
        const struct line *l = &r->lines[i];
        if (l->role != ROLE_TEXT)
            continue;
        const char *s = l->s;
        size_t n = l->n;
        if (i == from && first_off <= n) {
            s += first_off;
            n -= first_off;
        }
        trim(&s, &n);
        if (n == 0)
            continue;
        if (out->len > 0 && izde_buf_addc(out, ' ') != IZDE_OK)
            return IZDE_ERR_NOMEM;
        if (izde_buf_add(out, s, n) != IZDE_OK)
            return IZDE_ERR_NOMEM;
    }
    if (!out->p && izde_buf_addc(out, '\0') != IZDE_OK)
        return IZDE_ERR_NOMEM;
    return IZDE_OK;
}

static enum izde_art_lang lang_of(const char *s, size_t n)
{
    if (n == 0)
        return IZDE_ART_NLANG;
    enum izde_lang l = izde_langid_guess(s, n, NULL);
    if (l == IZDE_LANG_KY)
        return IZDE_ART_KY;
    if (l == IZDE_LANG_RU)
        return IZDE_ART_RU;
    if (l == IZDE_LANG_EN)
        return IZDE_ART_EN;
    return IZDE_ART_NLANG;
}

/* Mostly capital letters: a title set in capitals. */
static int caps_line(const char *s, size_t n)
{
    size_t up = 0, lo = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c = izde_text_next_cp(s, n, &i);
        if (is_upper_cp(c))
            up++;
        else if (is_lower_cp(c))
            lo++;
    }
    return up >= 4 && lo * 10 <= up;
}

/* A mark (1-2 digits or '*') and then a capital: "1Кыргыз", "2 Ошский". */
static int mark_then_capital(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && k < 2 && (isdigit((unsigned char)s[k]) || s[k] == '*'))
        k++;
    if (k == 0 || (k < n && isdigit((unsigned char)s[k])))
        return 0;
    while (k < n && s[k] == ' ')
        k++;
    size_t j = k;
    return k < n && is_upper_cp(izde_text_next_cp(s, n, &j));
}

/* A line that ends with an address label whose address is on the next line. */
static int email_label_only(struct reader *r, const char *s, size_t n)
{
    if (fold(s, n, &r->tmp) != IZDE_OK)
        return 0;
    size_t fl = r->tmp.len;
    trim_tail(r->tmp.p, &fl, ":");
    return fl >= 6 && (memcmp(r->tmp.p + fl - 6, "e-mail", 6) == 0 ||
                       (fl >= 5 && memcmp(r->tmp.p + fl - 5, "email", 5) == 0));
}

struct affil {
    char *text;     /* NULL when only an e-mail */
    char *email;
    char mark[8];
};

/* Splits an affiliation line into its text and e-mail. */
static izde_status_t parse_affil(struct reader *r, const char *s, size_t n, struct affil *af)
{
    memset(af, 0, sizeof(*af));
    size_t m = 0;
    while (m < n && m < sizeof(af->mark) - 1 && (isdigit((unsigned char)s[m]) || s[m] == '*')) {
        af->mark[m] = s[m];
        m++;
    }
    s += m;
    n -= m;
    trim(&s, &n);
    const char *at = memchr(s, '@', n);
    size_t textlen = n;
    if (at) {
        const char *b = at, *e = at;
        while (b > s && !is_space_cp((unsigned char)b[-1]) && b[-1] != ':' && b[-1] != ',' &&
               b[-1] != ';' && b[-1] != '(')
            b--;
        while (e < s + n && !is_space_cp((unsigned char)*e) && *e != ',' && *e != ';' && *e != ')')
            e++;
        size_t el = (size_t)(e - b);
        trim_tail(b, &el, ".");
        af->email = dup_n(b, el);
        if (!af->email)
            return IZDE_ERR_NOMEM;
        textlen = (size_t)(b - s);
    }
    /* Drop the "e-mail:" label, whether its address follows or is on the
     * next line. */
    if (fold(s, textlen, &r->tmp) != IZDE_OK)
        return IZDE_ERR_NOMEM;
    static const char *const labels[] = {"e-mail", "email", "е-mail", "эл. почта"};
    for (size_t k = 0; k < sizeof(labels) / sizeof(*labels); k++) {
        const char *h = find_in(r->tmp.p, r->tmp.len, labels[k]);
        if (h) {
            textlen = (size_t)(h - r->tmp.p);
            break;
        }
    }
    trim_tail(s, &textlen, ",;:(");
    const char *t = s;
    trim(&t, &textlen);
    if (textlen > 0) {
        af->text = dup_n(t, textlen);
        if (!af->text)
            return IZDE_ERR_NOMEM;
    }
    return IZDE_OK;
}

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

/* Appends each address in s to o->emails. */
static izde_status_t split_emails(const char *s, size_t n, struct block_out *o)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '@' || i == 0)
            continue;
        size_t b = i, e = i;
        while (b > 0 && !strchr(" ,;:(", s[b - 1]))
            b--;
        while (e < n && !strchr(" ,;)", s[e]))
            e++;
        size_t el = e - b;
        trim_tail(s + b, &el, ".");
        if (o->nemails < 16 && el > 2) {
            if (!(o->emails[o->nemails] = dup_n(s + b, el)))
                return IZDE_ERR_NOMEM;
            o->nemails++;
        }
        i = e;
    }
    return IZDE_OK;
}

static void block_out_release(struct block_out *b)
{
    izde_buf_release(&b->names);
    izde_buf_release(&b->marks);
    for (size_t i = 0; i < b->naffils; i++) {
        free(b->affils[i].text);
        free(b->affils[i].email);
    }
    b->naffils = 0;
    for (size_t i = 0; i < b->nemails; i++)
        free(b->emails[i]);
    b->nemails = 0;
}

static izde_status_t read_keywords(struct reader *r, const struct block *b, enum izde_art_lang lang)
{
    struct izde_article *a = r->a;
    if (a->keywords[lang])
        return IZDE_OK;
    izde_status_t st = join_lines(r, b->kw, b->end, r->lines[b->kw].rest, &r->tmp2);
    if (st != IZDE_OK)
        return st;
    const char *s = r->tmp2.p;
    size_t n = r->tmp2.len;
    size_t cap = 0, i = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && s[e] != ',' && s[e] != ';')
            e++;
        const char *k = s + i;
        size_t kn = e - i;
        trim(&k, &kn);
        trim_tail(k, &kn, ".");
        if (kn > 0) {
            char **v = izde_array_grow(a->keywords[lang], a->nkeywords[lang], &cap, sizeof(char *), 8);
            if (!v)
                return IZDE_ERR_NOMEM;
            a->keywords[lang] = v;
            if (!(v[a->nkeywords[lang]] = dup_n(k, kn)))
                return IZDE_ERR_NOMEM;
            a->nkeywords[lang]++;
        }
        i = e + 1;
    }
    a->keywords_src[lang] = (struct izde_art_src){r->lines[b->kw].page, r->lines[b->kw].lineno};
    return IZDE_OK;
}

/* Lines of the editors, not the authors: dates of receipt, citation
 * advice, licences, links. Never part of a title. */
static int editorial_line(struct reader *r, const char *s, size_t n)
{
    static const char *const starts[] = {
        "поступила", "статья поступила", "received", "accepted", "рецензент", "для цитирования",
        "for citation", "how to cite", "цитирование", "дата поступления", "макала редакцияга",
        "©", "http", "www.", "issn", "e-issn",
    };
    if (fold(s, n, &r->tmp) != IZDE_OK)
        return 0;
    for (size_t i = 0; i < sizeof(starts) / sizeof(*starts); i++)
        if (has_prefix(r->tmp.p, r->tmp.len, starts[i]))
            return 1;
    return 0;
}

/* "Сидоров Алексей Викторович, к.п.н., доцент, Кыргызский государственный
 * университет, г. Бишкек, sidorov@example.kg": the name before the first
 * comma, then degrees, then the affiliation and address. Adds the name and
 * the affiliation to o. Returns 1, 0 (not such a line) or -1 (NOMEM). */
static int person_line(struct reader *r, const struct line *l, struct block_out *o)
{
    const char *comma = memchr(l->s, ',', l->n);
    if (!comma || o->naffils >= 16 || o->nnames >= 64)
        return 0;
    size_t rest = (size_t)(comma - l->s) + 1;
    if (!has_email(l->s + rest, l->n - rest) && !affiliation_words(r, l->s + rest, l->n - rest))
        return 0;
    size_t n0 = o->names.len;
    int rc = izde_article_author_name(l->s, (size_t)(comma - l->s), &o->names);
    if (rc <= 0)
        return rc;
    /* Degrees and positions up to the affiliation. */
    while (rest < l->n) {
        const char *c = memchr(l->s + rest, ',', l->n - rest);
        size_t e = c ? (size_t)(c - l->s) : l->n;
        const char *p = l->s + rest;
        size_t pn = e - rest;
        trim(&p, &pn);
        if (!c || !degree_piece(p, pn) || affiliation_words(r, p, pn))
            break;
        rest = e + 1;
    }
    struct affil af;
    if (izde_buf_addc(&o->names, '\0') != IZDE_OK || izde_buf_addc(&o->marks, '\0') != IZDE_OK ||
        parse_affil(r, l->s + rest, l->n - rest, &af) != IZDE_OK) {
        o->names.len = n0;
        return -1;
    }
    o->affils[o->naffils++] = af;
    o->names_src[o->nnames++] = (struct izde_art_src){l->page, l->lineno};
    return 1;
}

/* The language a title line is surely in: Latin letters are English, a
 * Kyrgyz letter is Kyrgyz, else the identifier when it is confident. */
static enum izde_art_lang sure_lang(const char *s, size_t n)
{
    size_t latin = 0, cyr = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c = izde_text_next_cp(s, n, &i);
        if (c < 0x80 && isalpha((int)c))
            latin++;
        else if (c >= 0x400 && c <= 0x4FF)
            cyr++;
    }
    if (latin > 2 * cyr)
        return IZDE_ART_EN;
    if (cyr <= 2 * latin)
        return IZDE_ART_NLANG;
    if (izde_keyfold_has_kyrgyz(s, n))
        return IZDE_ART_KY;
    double conf = 0;
    enum izde_lang l = izde_langid_guess(s, n, &conf);
    if (conf < 0.8)
        return IZDE_ART_NLANG;
    return l == IZDE_LANG_RU ? IZDE_ART_RU : l == IZDE_LANG_KY ? IZDE_ART_KY : IZDE_ART_NLANG;
}

/* Sets the title in lang from line `at` on, unless one is there already; a
 * weak title (read from another language's block) gives way to the title
 * of that language's own block. */
static izde_status_t set_title(struct reader *r, enum izde_art_lang lang, const char *s, size_t n,
                               size_t at, int weak)
{
    struct izde_article *a = r->a;
    if (a->title[lang] && (weak || !r->title_weak[lang]))
        return IZDE_OK;
    trim_tail(s, &n, ".");
    char *d = dup_n(s, n);
    if (!d)
        return IZDE_ERR_NOMEM;
    free(a->title[lang]);
    a->title[lang] = d;
    a->title_src[lang] = (struct izde_art_src){r->lines[at].page, r->lines[at].lineno};
    r->title_weak[lang] = weak;
    return IZDE_OK;
}

/* Reads one block: its head (title, authors, affiliations), abstract and
 * keywords. */
static izde_status_t read_block(struct reader *r, struct block *b, struct block_out *o)
{
    struct izde_article *a = r->a;
    izde_status_t st;
    if (b->after) {
        /* What follows the reference list: its entries, then this block's
         * title in capitals, names, the abstract. The head starts at the
         * capitals before the first name or abstract label; with neither,
         * only the keywords are this block's. */
        size_t f = b->kw;
        for (size_t i = b->start; i < b->kw && f == b->kw; i++) {
            const struct line *l = &r->lines[i];
            if (l->role != ROLE_TEXT)
                continue;
            int na = l->label == IZDE_ART_LABEL_ABSTRACT ? 1 : author_line(l->s, l->n, &o->names, &o->marks);
            izde_buf_clear(&o->names);
            izde_buf_clear(&o->marks);
            if (na < 0)
                return IZDE_ERR_NOMEM;
            if (na > 0)
                f = i;
        }
        size_t s0 = f;
        for (size_t i = f; f < b->kw && i > b->start; i--) {
            const struct line *l = &r->lines[i - 1];
            if (l->role != ROLE_TEXT)
                continue;
            if (!caps_line(l->s, l->n))
                break;
            s0 = i - 1;
        }
        b->start = s0;
    }
    size_t abs_label = r->nlines;
    for (size_t i = b->start; i < b->kw; i++)
        if (r->lines[i].role == ROLE_TEXT && r->lines[i].label == IZDE_ART_LABEL_ABSTRACT) {
            abs_label = i;
            break;
        }
    /* Classify the head. */
    enum head_role roles[256];
    size_t head_end = abs_label < r->nlines ? abs_label : b->kw;
    if (head_end - b->start > 256)
        b->start = head_end - 256;
    size_t last_person = r->nlines;  /* last author/affiliation line */
    int prev_affil = 0;
    size_t longest = 0;              /* the block's longest line: a full-width one */
    for (size_t i = b->start; i < b->kw; i++)
        if (r->lines[i].role == ROLE_TEXT && r->lines[i].n > longest)
            longest = r->lines[i].n;
    for (size_t i = b->start; i < head_end; i++) {
        struct line *l = &r->lines[i];
        enum head_role *role = &roles[i - b->start];
        *role = HEAD_SKIP;
        if (l->role != ROLE_TEXT)
            continue;
        if (l->label == IZDE_ART_LABEL_UDC || l->label == IZDE_ART_LABEL_DOI ||
            l->label == IZDE_ART_LABEL_CODE || editorial_line(r, l->s, l->n))
            continue;
        size_t mk = 0;
        while (mk < l->n && (is_mark_cp((unsigned char)l->s[mk]) || l->s[mk] == ',' || l->s[mk] == ' '))
            mk++;
        if (mk == l->n) {
            *role = HEAD_MARK;
            continue;
        }
        size_t nn0 = o->names.len;
        /* A name broken at the line end: "..., Шаршенова Бермет" and
         * "Бейшеновна" alone on the next line. */
        const struct line *nx = i + 1 < head_end ? &r->lines[i + 1] : NULL;
        int joined = nx && nx->role == ROLE_TEXT && !memchr(nx->s, ' ', nx->n) &&
                     patronymic(nx->s, nx->n);
        struct izde_buf *jb = &r->tmp2;
        izde_buf_clear(jb);
        if (joined && (izde_buf_add(jb, l->s, l->n) != IZDE_OK || izde_buf_addc(jb, ' ') != IZDE_OK ||
                       izde_buf_add(jb, nx->s, nx->n) != IZDE_OK))
            return IZDE_ERR_NOMEM;
        int na = joined ? author_line(jb->p, jb->len, &o->names, &o->marks)
                        : author_line(l->s, l->n, &o->names, &o->marks);
        if (na < 0)
            return IZDE_ERR_NOMEM;
        if (na > 0 && joined) {
            roles[i + 1 - b->start] = HEAD_SKIP;
            last_person = i + 1;
            i++;
            *role = HEAD_AUTHOR;
            for (const char *p = o->names.p + nn0; p < o->names.p + o->names.len; p += strlen(p) + 1)
                if (o->nnames < 64)
                    o->names_src[o->nnames++] = (struct izde_art_src){l->page, l->lineno};
            prev_affil = 0;
            continue;
        }
        if (na > 0) {
            *role = HEAD_AUTHOR;
            for (const char *p = o->names.p + nn0; p < o->names.p + o->names.len; p += strlen(p) + 1)
                if (o->nnames < 64)
                    o->names_src[o->nnames++] = (struct izde_art_src){l->page, l->lineno};
            last_person = i;
            prev_affil = 0;
            continue;
        }
        /* A person on one line: name, degrees, affiliation, address. */
        int pl = person_line(r, l, o);
        if (pl < 0)
            return IZDE_ERR_NOMEM;
        if (pl > 0) {
            *role = HEAD_AUTHOR;
            last_person = i;
            prev_affil = 1;
            continue;
        }
        /* An affiliation: an address, or the words of one (университет,
         * академия...) after the names, or with the mark that ties it to a
         * name ("1Кыргыз улуттук университети"). Only an address or a mark
         * is strong enough to end a head that has no abstract label; the
         * words alone must follow the names directly. */
        int email = has_email(l->s, l->n) || email_label_only(r, l->s, l->n);
        int words = affiliation_words(r, l->s, l->n);
        int marked = words && mark_then_capital(l->s, l->n);
        int follows = i > b->start && (roles[i - 1 - b->start] == HEAD_AUTHOR ||
                                       roles[i - 1 - b->start] == HEAD_AFFIL ||
                                       roles[i - 1 - b->start] == HEAD_MARK);
        /* Words alone in a line as wide as the text are a sentence. */
        if (!email && !marked && l->n * 4 > longest * 3)
            words = 0;
        if (email || marked || (words && o->nnames > 0 && (follows || memchr(l->s, ',', l->n)))) {
            *role = HEAD_AFFIL;
            /* An address alone on its line continues the affiliation above. */
            struct affil af;
            const struct line *pl = NULL;
            for (size_t j = i; j-- > b->start;)
                if (r->lines[j].role == ROLE_TEXT) {
                    pl = &r->lines[j];
                    break;
                }
            size_t pmk = 0;
            while (pl && pmk < pl->n && isdigit((unsigned char)pl->s[pmk]))
                pmk++;
            st = parse_affil(r, l->s, l->n, &af);
            if (st != IZDE_OK)
                return st;
            if (pl && pmk == pl->n && !af.mark[0]) {
                /* A mark alone on the line above: "1\n Университет ..." */
                memcpy(af.mark, pl->s, pmk < sizeof(af.mark) ? pmk : sizeof(af.mark) - 1);
            }
            size_t ats = 0;
            for (size_t k = 0; k < l->n; k++)
                ats += l->s[k] == '@';
            if (!af.text && ats >= 2) {
                /* "e-mail: a@x.kg, b@y.kg": the authors' addresses in order. */
                free(af.email);
                st = split_emails(l->s, l->n, o);
                if (st != IZDE_OK)
                    return st;
            } else if (prev_affil && o->naffils > 0 && !af.text && af.email &&
                !o->affils[o->naffils - 1].email) {
                o->affils[o->naffils - 1].email = af.email;
            } else if (o->naffils < 16) {
                o->affils[o->naffils++] = af;
            } else {
                free(af.text);
                free(af.email);
            }
            prev_affil = 1;
            if (email || marked || follows)
                last_person = i;
            continue;
        }
        prev_affil = 0;
        *role = HEAD_TITLE;
    }
    /* Where the abstract starts: its label, or after the people, or after a
     * title set in capitals, or the whole block when it has no head. */
    if (abs_label < r->nlines) {
        b->abs_start = abs_label;
        b->abs_rest = r->lines[abs_label].rest;
    } else if (last_person < r->nlines) {
        b->abs_start = last_person + 1;
        b->abs_rest = 0;
        head_end = b->abs_start;
    } else {
        size_t i = b->start;
        while (i < b->kw && (r->lines[i].role != ROLE_TEXT || roles[i - b->start] == HEAD_SKIP ||
                             (roles[i - b->start] == HEAD_TITLE && caps_line(r->lines[i].s, r->lines[i].n))))
            i++;
        b->abs_start = i;
        b->abs_rest = 0;
        head_end = i;
    }
    /* Title: the title lines of the head; when they are the titles of
     * several languages one after the other (each line surely in one), one
     * run per language. */
    size_t tl[64], ntl = 0;
    enum izde_art_lang tlang[64];
    for (size_t i = b->start; i < head_end && ntl < 64; i++)
        if (roles[i - b->start] == HEAD_TITLE)
            tl[ntl++] = i;
    int split = ntl >= 2, runs = 1;
    for (size_t k = 0; k < ntl && split; k++) {
        tlang[k] = sure_lang(r->lines[tl[k]].s, r->lines[tl[k]].n);
        split = tlang[k] != IZDE_ART_NLANG;
        if (split && k > 0 && tlang[k] != tlang[k - 1]) {
            runs++;
            for (size_t j = 0; j + 1 < k; j++)
                if (tlang[j] == tlang[k])
                    split = 0;   /* a language twice: not runs */
        }
    }
    if (runs < 2)
        split = 0;
    struct izde_buf *t = &r->tmp2;
    izde_buf_clear(t);
    for (size_t k = 0; k < ntl; k++) {
        const struct line *l = &r->lines[tl[k]];
        if ((t->len && izde_buf_addc(t, ' ') != IZDE_OK) || izde_buf_add(t, l->s, l->n) != IZDE_OK)
            return IZDE_ERR_NOMEM;
    }
    /* Abstract. */
    struct izde_buf ab;
    izde_buf_init(&ab);
    st = join_lines(r, b->abs_start, b->kw, b->abs_rest, &ab);
    if (st != IZDE_OK) {
        izde_buf_release(&ab);
        return st;
    }
    /* Language: the keyword label says it when it can; else the abstract. */
    enum izde_art_lang lang = b->nokw ? IZDE_ART_NLANG : r->lines[b->kw].label_lang;
    if (lang == IZDE_ART_NLANG)
        lang = lang_of(ab.p, ab.len);
    if (lang == IZDE_ART_NLANG && t->len)
        lang = lang_of(t->p, t->len);
    o->lang = lang;
    if (lang != IZDE_ART_NLANG) {
        if (ab.len && !a->abstract[lang]) {
            a->abstract[lang] = dup_n(ab.p, ab.len);
            if (!a->abstract[lang]) {
                izde_buf_release(&ab);
                return IZDE_ERR_NOMEM;
            }
            a->abstract_src[lang] = (struct izde_art_src){r->lines[b->abs_start].page,
                                                          r->lines[b->abs_start].lineno};
        }
        if (!split && t->len)
            st = set_title(r, lang, t->p, t->len, tl[0], 0);
        for (size_t k = 0; split && k < ntl && st == IZDE_OK;) {
            size_t e = k;
            izde_buf_clear(t);
            for (; e < ntl && tlang[e] == tlang[k]; e++) {
                const struct line *l = &r->lines[tl[e]];
                if ((t->len && izde_buf_addc(t, ' ') != IZDE_OK) ||
                    izde_buf_add(t, l->s, l->n) != IZDE_OK)
                    st = IZDE_ERR_NOMEM;
            }
            if (st == IZDE_OK)
                st = set_title(r, tlang[k], t->p, t->len, tl[k], tlang[k] != lang);
            k = e;
        }
        if (st == IZDE_OK && !b->nokw)
            st = read_keywords(r, b, lang);
    }
    izde_buf_release(&ab);
    return st;
}

/* Where a keyword list that starts at line k ends (exclusive): lines go on
 * until one ends with '.', a blank line, or a label. */
static size_t keywords_end(const struct reader *r, size_t k)
{
    size_t i = k;
    for (int more = 0; i < r->nlines && more < 6; more++) {
        const struct line *l = &r->lines[i];
        if (i > k && (l->role == ROLE_BLANK || l->label != IZDE_ART_LABEL_NONE))
            break;
        if (l->role == ROLE_FURNITURE) {
            i++;
            continue;
        }
        /* A list goes on to the next line after a comma, or when that line
         * starts with a small letter; a capital after a complete list is
         * what follows it (the next block's title). */
        if (i > k && l->n > 0) {
            const struct line *p = &r->lines[i - 1];
            size_t j = 0;
            uint32_t c = izde_text_next_cp(l->s, l->n, &j);
            char last = p->n ? p->s[p->n - 1] : ',';
            if (last != ',' && last != ';' && last != '-' && !is_lower_cp(c))
                break;
        }
        i++;
        if (l->n > 0 && l->s[l->n - 1] == '.')
            break;
    }
    return i;
}

/* Where an abstract with no keyword list after it ends (exclusive): at a
 * blank line or a label, after a short line that ends a sentence (the last
 * line of its paragraph), or before a short heading. */
static size_t abstract_end(const struct reader *r, size_t k)
{
    size_t longest = 0, i = k;
    int sentence_end = 0;
    for (; i < r->nlines && i < k + 40; i++) {
        const struct line *l = &r->lines[i];
        if (l->role == ROLE_FURNITURE)
            continue;
        if (i > k && (l->role == ROLE_BLANK || l->label != IZDE_ART_LABEL_NONE))
            return i;
        if (l->role == ROLE_BLANK)
            continue;
        int ends = l->s[l->n - 1] == '.';
        if (i > k && sentence_end && !ends && l->n * 2 < longest)
            return i;                  /* a heading after the paragraph */
        if (l->n > longest)
            longest = l->n;
        if (i > k && ends && l->n * 10 < longest * 7)
            return i + 1;
        sentence_end = ends;
    }
    return i;
}

static izde_status_t read_authors(struct reader *r, struct block_out *outs, size_t nouts)
{
    struct izde_article *a = r->a;
    /* The names of the block in the body's language, else the first with
     * Cyrillic names, else the first with any. */
    size_t pick = nouts;
    for (size_t i = 0; i < nouts; i++)
        if (outs[i].nnames && a->lang == IZDE_LANG_KY && outs[i].lang == IZDE_ART_KY) {
            pick = i;
            break;
        } else if (outs[i].nnames && a->lang == IZDE_LANG_RU && outs[i].lang == IZDE_ART_RU) {
            pick = i;
            break;
        }
    for (size_t i = 0; i < nouts && pick == nouts; i++)
        if (outs[i].nnames && outs[i].lang != IZDE_ART_EN)
            pick = i;
    for (size_t i = 0; i < nouts && pick == nouts; i++)
        if (outs[i].nnames)
            pick = i;
    if (pick == nouts)
        return IZDE_OK;
    const struct block_out *o = &outs[pick];
    /* Affiliations: the picked block's, else the first block's that has them. */
    struct block_out *af = &outs[pick];
    for (size_t i = 0; i < nouts && af->naffils == 0 && af->nemails == 0; i++)
        if (outs[i].naffils || outs[i].nemails)
            af = &outs[i];
    a->authors = calloc(o->nnames, sizeof(*a->authors));
    if (!a->authors)
        return IZDE_ERR_NOMEM;
    const char *name = o->names.p, *mark = o->marks.p;
    int any_marks = 0;
    for (size_t i = 0; i < af->naffils; i++)
        any_marks |= af->affils[i].mark[0] != 0;
    /* A mark lost in the text layer (set above its line, or as a separate
     * glyph) is the affiliation's place in the list when that is free. */
    struct affil *affs = af->affils;
    for (size_t i = 0; any_marks && i < af->naffils && i < 9; i++) {
        if (affs[i].mark[0])
            continue;
        char m = (char)('1' + i);
        int taken = 0;
        for (size_t k = 0; k < af->naffils; k++)
            taken |= affs[k].mark[0] == m;
        if (!taken) {
            affs[i].mark[0] = m;
            affs[i].mark[1] = '\0';
        }
    }
    for (size_t i = 0; i < o->nnames; i++) {
        struct izde_art_author *au = &a->authors[a->nauthors++];
        if (!(au->name = strdup(name)))
            return IZDE_ERR_NOMEM;
        au->src = o->names_src[i];
        const struct affil *f = NULL;
        if (any_marks && mark && mark[0]) {
            for (size_t k = 0; k < af->naffils && !f; k++)
                if (af->affils[k].mark[0] && strchr(mark, af->affils[k].mark[0]))
                    f = &af->affils[k];
        } else if (af->naffils == 1) {
            f = &af->affils[0];
        } else if (i < af->naffils) {
            /* No marks to go by (or names from a block without them): the
             * order of the names is that of the affiliations. */
            f = &af->affils[i];
        }
        if (f && f->text && !(au->affiliation = strdup(f->text)))
            return IZDE_ERR_NOMEM;
        if (f && f->email && (af->naffils > 1 || o->nnames == 1 || i == 0) &&
            !(au->email = strdup(f->email)))
            return IZDE_ERR_NOMEM;
        if (!au->email && af->nemails == o->nnames && !(au->email = strdup(af->emails[i])))
            return IZDE_ERR_NOMEM;
        name += strlen(name) + 1;
        if (mark)
            mark += strlen(mark) + 1;
    }
    return IZDE_OK;
}

static int numbered_entry(const char *s, size_t n, long *num)
{
    size_t k = 0;
    if (k < n && s[k] == '[')
        k++;
    size_t d = k;
    while (k < n && isdigit((unsigned char)s[k]))
        k++;
    if (k == d || k - d > 3 || k >= n)
        return 0;
    if (s[k] != '.' && s[k] != ')' && s[k] != ']')
        return 0;
    if (k + 1 < n && s[k] == '.' && isdigit((unsigned char)s[k + 1]))
        return 0;
    *num = strtol(s + d, NULL, 10);
    return 1;
}

/* Whether a line starts with "Surname I." or "Surname, I.". */
static int entry_start(const char *s, size_t n)
{
    size_t e = 0;
    while (e < n && s[e] != ' ' && s[e] != ',')
        e++;
    if (e == 0 || e == n)
        return 0;
    enum tok_kind k = tok_classify(s, e);
    if (k != TOK_WORD && k != TOK_CAPS)
        return 0;
    while (e < n && (s[e] == ' ' || s[e] == ','))
        e++;
    size_t j = e;
    if (j >= n || !is_upper_cp(izde_text_next_cp(s, n, &j)))
        return 0;
    return j < n && s[j] == '.';
}

static void read_references(struct reader *r, size_t from, size_t limit)
{
    long entries = 0;
    struct izde_article *a = r->a;
    size_t h = r->nlines;
    for (size_t i = from; i < r->nlines; i++)
        if (r->lines[i].role == ROLE_TEXT && r->lines[i].label == IZDE_ART_LABEL_REFERENCES) {
            h = i;
            break;
        }
    if (h == r->nlines)
        return;
    long count = 0, want = 1;
    for (size_t i = h + 1; i < limit; i++) {
        const struct line *l = &r->lines[i];
        if (l->role != ROLE_TEXT)
            continue;
        if (l->label == IZDE_ART_LABEL_REFERENCES || l->label == IZDE_ART_LABEL_KEYWORDS ||
            l->label == IZDE_ART_LABEL_ABSTRACT)
            break;
        long num;
        if (numbered_entry(l->s, l->n, &num) && num == want) {
            count++;
            want++;
        }
    }
    /* A list without numbers: an entry starts with a surname and an
     * initial ("Асанов А.А. Санарип...", "Smith J. Digital..."). */
    for (size_t i = h + 1; count == 0 && i < limit; i++) {
        const struct line *l = &r->lines[i];
        if (l->role != ROLE_TEXT)
            continue;
        if (l->label != IZDE_ART_LABEL_NONE)
            break;
        entries += entry_start(l->s, l->n);
    }
    if (count == 0)
        count = entries;
    if (count > 0) {
        a->references = count;
        a->references_src = (struct izde_art_src){r->lines[h].page, r->lines[h].lineno};
    }
}

void izde_article_init(struct izde_article *a)
{
    memset(a, 0, sizeof(*a));
    a->page_first = a->page_last = -1;
    a->references = -1;
    a->lang = IZDE_LANG_OTHER;
}

void izde_article_release(struct izde_article *a)
{
    if (!a)
        return;
    for (int l = 0; l < IZDE_ART_NLANG; l++) {
        free(a->title[l]);
        free(a->abstract[l]);
        for (size_t k = 0; k < a->nkeywords[l]; k++)
            free(a->keywords[l][k]);
        free(a->keywords[l]);
    }
    for (size_t i = 0; i < a->nauthors; i++) {
        free(a->authors[i].name);
        free(a->authors[i].affiliation);
        free(a->authors[i].email);
    }
    free(a->authors);
    free(a->udc);
    free(a->doi);
    free(a->journal);
    free(a->issue);
    izde_article_init(a);
}

const char *izde_art_lang_code(enum izde_art_lang l)
{
    static const char *const codes[] = {"ky", "ru", "en"};
    return l < IZDE_ART_NLANG ? codes[l] : "other";
}

#define MAX_BLOCKS 8

izde_status_t izde_article_read(const char *text, size_t len, struct izde_article *a)
{
    if (!text || !a)
        return IZDE_ERR_INVALID;
    izde_article_release(a);
    struct reader r;
    memset(&r, 0, sizeof(r));
    r.text = text;
    r.len = len;
    r.a = a;
    izde_buf_init(&r.tmp);
    izde_buf_init(&r.tmp2);
    struct block blocks[MAX_BLOCKS];
    struct block_out outs[MAX_BLOCKS];
    size_t nblocks = 0;
    memset(outs, 0, sizeof(outs));
    izde_status_t st = split_lines(&r);
    if (st != IZDE_OK)
        goto out;
    st = read_furniture(&r);
    if (st != IZDE_OK)
        goto out;
    for (size_t i = 0; i < r.nlines; i++) {
        struct line *l = &r.lines[i];
        if (l->role == ROLE_TEXT)
            l->label = izde_article_label(l->s, l->n, &l->label_lang, &l->rest);
    }
    /* The front matter: blocks that each end with a keyword list, before the
     * references. */
    size_t refs = r.nlines;
    for (size_t i = 0; i < r.nlines; i++)
        if (r.lines[i].role == ROLE_TEXT && r.lines[i].label == IZDE_ART_LABEL_REFERENCES) {
            refs = i;
            break;
        }
    /* Blocks after the references (journals that print the other
     * languages' abstracts at the end) start where the reference list
     * ends, which read_block finds. */
    size_t pos = 0, nfront = 0;
    for (size_t i = 0; i < r.nlines && nblocks < MAX_BLOCKS; i++) {
        if (r.lines[i].role != ROLE_TEXT || r.lines[i].label != IZDE_ART_LABEL_KEYWORDS)
            continue;
        struct block *b = &blocks[nblocks];
        memset(b, 0, sizeof(*b));
        b->after = i > refs;
        b->start = b->after && pos <= refs ? refs + 1 : pos;
        b->kw = i;
        b->end = keywords_end(&r, i);
        pos = b->end;
        i = b->end - 1;
        nblocks++;
        if (!b->after)
            nfront = nblocks;
    }
    /* No keyword lists: each abstract label before the references ends a
     * head, and the abstract its paragraph. */
    for (size_t i = 0; nblocks == 0 && i < refs; i++) {
        if (r.lines[i].role != ROLE_TEXT || r.lines[i].label != IZDE_ART_LABEL_ABSTRACT)
            continue;
        size_t s0 = nfront ? blocks[nfront - 1].end : 0;
        struct block *b = &blocks[nfront];
        memset(b, 0, sizeof(*b));
        b->nokw = 1;
        b->start = s0;
        b->kw = b->end = abstract_end(&r, i);
        i = b->end - 1;
        if (++nfront == MAX_BLOCKS)
            break;
    }
    if (nblocks == 0)
        nblocks = nfront;
    size_t front_end = nfront ? blocks[nfront - 1].end : (refs < r.nlines ? refs : r.nlines);
    /* Codes live in the front matter (a DOI in the references is another
     * paper's); with no blocks, on the first page. */
    if (!nfront)
        for (front_end = 0; front_end < r.nlines && r.lines[front_end].page == 1; front_end++)
            ;
    st = read_codes(&r, front_end);
    if (st != IZDE_OK)
        goto out;
    for (size_t k = 0; k < nblocks; k++) {
        izde_buf_init(&outs[k].names);
        izde_buf_init(&outs[k].marks);
        st = read_block(&r, &blocks[k], &outs[k]);
        if (st != IZDE_OK)
            goto out;
    }
    /* The body's language: the text between the front matter and the
     * references; with neither, the whole text. */
    {
        size_t from = nfront ? blocks[nfront - 1].end : 0;
        struct izde_langid_evidence ev;
        memset(&ev, 0, sizeof(ev));
        for (size_t i = from; i < refs; i++)
            if (r.lines[i].role == ROLE_TEXT)
                izde_langid_add(&ev, r.lines[i].s, r.lines[i].n);
        double conf = 0;
        enum izde_lang l = izde_langid_decide(&ev, &conf);
        if (l == IZDE_LANG_KY || l == IZDE_LANG_RU || l == IZDE_LANG_EN) {
            a->lang = l;
            if (from < r.nlines)
                a->lang_src = (struct izde_art_src){r.lines[from].page, r.lines[from].lineno};
        }
    }
    st = read_authors(&r, outs, nblocks);
    if (st != IZDE_OK)
        goto out;
    /* The reference list ends where a block after it starts. */
    read_references(&r, refs, nfront < nblocks ? blocks[nfront].start : r.nlines);
out:
    for (size_t k = 0; k < nblocks; k++)
        block_out_release(&outs[k]);
    free(r.lines);
    izde_buf_release(&r.tmp);
    izde_buf_release(&r.tmp2);
    if (st != IZDE_OK)
        izde_article_release(a);
    return st;
}
