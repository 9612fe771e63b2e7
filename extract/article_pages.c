/* article_pages.c - the article as lines on pages: page furniture (running heads and footers, page numbers, journal, year, issue) and the codes (UDC, DOI) of the front matter. */
#include "extract/article_int.h"

/* ---- the article's lines ---- */

izde_status_t art_split_lines(struct reader *r)
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

int art_all_digits(const char *s, size_t n)
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

/* Whether the number at s + i is an issue's: "№ 2038", "№2038". */
static int after_issue_mark(const char *s, size_t i)
{
    while (i > 0 && s[i - 1] == ' ')
        i--;
    return i >= 3 && memcmp(s + i - 3, "\xE2\x84\x96", 3) == 0;
}

/* A year 1900..2099 standing as a number of its own. */
static int find_year(const char *s, size_t n, size_t *at)
{
    for (size_t i = 0; i + 4 <= n; i++) {
        if ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')) {
            if (!art_all_digits(s + i, 4) || after_issue_mark(s, i))
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
            if (s[i] != marks[m][0] || i + k > n || memcmp(s + i, marks[m], k) != 0)
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
izde_status_t art_read_furniture(struct reader *r)
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
                    if (same_line(l, o) && !art_all_digits(l->s, l->n))
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
            if (numbered || (art_all_digits(l->s, l->n) && l->n <= 4)) {
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
        /* Only these lines can be the journal line: the others are not
         * searched for a year and an issue (most of a long text). */
        if (l->role == ROLE_BLANK ||
            (l->role != ROLE_FURNITURE && !(l->page == 1 && l->lineno <= 4)))
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
        if (izde_text_is_alpha(izde_utf8_next(js, jn, &i)))
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

izde_status_t art_read_codes(struct reader *r, size_t front_end)
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

