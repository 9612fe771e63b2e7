/* article_people.c - lines about people: author lines with their marks, affiliations and e-mails, and the tests that tell them from titles and abstracts. */
#include "extract/article_int.h"

int art_has_email(const char *s, size_t n)
{
    const char *at = memchr(s, '@', n);
    return at && at > s && at + 1 < s + n;
}

int art_affiliation_words(struct reader *r, const char *s, size_t n)
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
int art_degree_piece(const char *s, size_t n)
{
    size_t words = 0, i = 0;
    int in = 0, start = 1;
    while (i < n) {
        uint32_t c = izde_utf8_next(s, n, &i);
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
                uint32_t d = izde_utf8_next(s, n, &k);
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
    if (art_name_tokens(s, n, t, 4) != 2)
        return 0;
    for (int k = 0; k < 2; k++)
        if (t[k].kind != TOK_WORD && t[k].kind != TOK_CAPS)
            return 0;
    int s0 = surname_like(t[0].s, t[0].n), s1 = surname_like(t[1].s, t[1].n);
    if (s0 == s1)
        return 0;
    const struct name_tok *sur = s0 ? &t[0] : &t[1], *given = s0 ? &t[1] : &t[0];
    size_t old = out->len;
    if (art_add_surname(out, sur) < 0 || izde_buf_addc(out, ' ') != IZDE_OK || art_add_initial(out, given) < 0) {
        out->len = old;
        return -1;
    }
    return 1;
}

/* Names in an author line, appended to names as "name\0" strings with their
 * superscript marks (digits) in marks as "marks\0". Returns the number of
 * names, 0 when the line is not an author line, -1 on NOMEM. */
int art_author_line(const char *s, size_t n, struct izde_buf *names, struct izde_buf *marks)
{
    if (art_has_email(s, n) || n == 0)
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
        if (pn > 0 && art_all_digits(p, pn) && count > 0) {
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
                if (!sp || !is_lower_cp(izde_utf8_next(q, (size_t)(p + pn - q), &j)))
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
            } else if (art_degree_piece(p, pn)) {
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
izde_status_t art_join_lines(struct reader *r, size_t from, size_t to, size_t first_off,
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

enum izde_art_lang art_lang_of(const char *s, size_t n)
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
int art_caps_line(const char *s, size_t n)
{
    size_t up = 0, lo = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c = izde_utf8_next(s, n, &i);
        if (is_upper_cp(c))
            up++;
        else if (is_lower_cp(c))
            lo++;
    }
    return up >= 4 && lo * 10 <= up;
}

/* A mark (1-2 digits or '*') and then a capital: "1Кыргыз", "2 Ошский". */
int art_mark_then_capital(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && k < 2 && (isdigit((unsigned char)s[k]) || s[k] == '*'))
        k++;
    if (k == 0 || (k < n && isdigit((unsigned char)s[k])))
        return 0;
    while (k < n && s[k] == ' ')
        k++;
    size_t j = k;
    return k < n && is_upper_cp(izde_utf8_next(s, n, &j));
}

/* A line that ends with an address label whose address is on the next line. */
int art_email_label_only(struct reader *r, const char *s, size_t n)
{
    if (fold(s, n, &r->tmp) != IZDE_OK)
        return 0;
    size_t fl = r->tmp.len;
    trim_tail(r->tmp.p, &fl, ":");
    return fl >= 6 && (memcmp(r->tmp.p + fl - 6, "e-mail", 6) == 0 ||
                       (fl >= 5 && memcmp(r->tmp.p + fl - 5, "email", 5) == 0));
}

/* Splits an affiliation line into its text and e-mail. */
izde_status_t art_parse_affil(struct reader *r, const char *s, size_t n, struct affil *af)
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

/* Appends each address in s to o->emails. */
izde_status_t art_split_emails(const char *s, size_t n, struct block_out *o)
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

void art_block_out_release(struct block_out *b)
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

