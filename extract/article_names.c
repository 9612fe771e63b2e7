/* article_names.c - the labels of front matter (Abstract, Аннотация, Keywords, УДК...) in three languages, and author names by their shape (initials, surnames, Kyrgyz patronymics). */
#include "extract/article_int.h"

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
            uint32_t c = izde_utf8_next(f.p, f.len, &j);
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
                uint32_t c = izde_utf8_next(f.p, f.len, &j);
                if (c == ' ' || c == ':' || c == '.' || c == 0x2014 || c == 0x2013 || c == '-')
                    m = j;
                else
                    break;
            }
            size_t cps = 0, o = 0;
            for (size_t j = 0; j < m; cps++)
                izde_utf8_next(f.p, m, &j);
            while (cps-- > 0 && o < n)
                izde_utf8_next(s, n, &o);
            *rest = (size_t)(s - line) + o;
        }
    }
    izde_buf_release(&f);
    return kind;
}

/* ---- names ---- */

enum tok_kind art_tok_classify(const char *s, size_t n)
{
    size_t i = 0, letters = 0, uppers = 0, lowers = 0;
    uint32_t first = 0;
    int dot = 0;
    while (i < n) {
        uint32_t c = izde_utf8_next(s, n, &i);
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
size_t art_name_tokens(const char *s, size_t n, struct name_tok *t, size_t max)
{
    size_t nt = 0, i = 0;
    while (i < n) {
        size_t j = i;
        uint32_t c = izde_utf8_next(s, n, &j);
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
            uint32_t d = izde_utf8_next(s, n, &k);
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
        t[nt].kind = art_tok_classify(t[nt].s, t[nt].n);
        if (t[nt].kind == TOK_OTHER)
            return 0;
        nt++;
        i = end;
    }
    return nt;
}

int art_patronymic(const char *s, size_t n)
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
int art_add_initial(struct izde_buf *out, const struct name_tok *t)
{
    size_t i = 0;
    uint32_t c = izde_utf8_next(t->s, t->n, &i);
    if (t->kind == TOK_INITIAL)
        return izde_buf_add(out, t->s, t->n) == IZDE_OK ? 0 : -1;
    return izde_utf8_add(out, c) == IZDE_OK && izde_buf_addc(out, '.') == IZDE_OK ? 0 : -1;
}

/* Appends a surname, capitals after the first letter made small
 * ("ОСМОНОВ" -> "Осмонов"), so that every style reads the same. */
int art_add_surname(struct izde_buf *out, const struct name_tok *t)
{
    size_t i = 0;
    int after_start = 0;
    while (i < t->n) {
        uint32_t c = izde_utf8_next(t->s, t->n, &i);
        uint32_t o = (after_start && t->kind == TOK_CAPS) ? lower_cp(c) : c;
        after_start = (c != '-');
        if (izde_utf8_add(out, o) != IZDE_OK)
            return -1;
    }
    return 0;
}

int izde_article_author_name(const char *s, size_t len, struct izde_buf *out)
{
    if (!s || !out)
        return 0;
    struct name_tok t[8];
    size_t nt = art_name_tokens(s, len, t, 8);
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
                   art_patronymic(t[2].s, t[2].n)) {
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
                   art_patronymic(t[1].s, t[1].n) && !art_patronymic(t[2].s, t[2].n)) {
            surname = 2;             /* Мария Петровна Иванова */
            first_init = 0;
            ninit = 2;
        }
    }
    if (surname == nt || (t[surname].kind != TOK_WORD && t[surname].kind != TOK_CAPS))
        return 0;
    size_t old = out->len;
    if (art_add_surname(out, &t[surname]) < 0 || izde_buf_addc(out, ' ') != IZDE_OK)
        goto nomem;
    for (size_t k = 0; k < ninit; k++)
        if (art_add_initial(out, &t[first_init + k]) < 0)
            goto nomem;
    return 1;
nomem:
    out->len = old;
    if (out->p)
        out->p[old] = '\0';
    return -1;
}

