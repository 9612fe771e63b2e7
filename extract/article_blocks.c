/* article_blocks.c - the front matter in one language as a block: its title, authors, abstract and keywords, and where each ends. */
#include "extract/article_int.h"

static izde_status_t read_keywords(struct reader *r, const struct block *b, enum izde_art_lang lang)
{
    struct izde_article *a = r->a;
    if (a->keywords[lang])
        return IZDE_OK;
    izde_status_t st = art_join_lines(r, b->kw, b->end, r->lines[b->kw].rest, &r->tmp2);
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
    if (!art_has_email(l->s + rest, l->n - rest) && !art_affiliation_words(r, l->s + rest, l->n - rest))
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
        if (!c || !art_degree_piece(p, pn) || art_affiliation_words(r, p, pn))
            break;
        rest = e + 1;
    }
    struct affil af;
    if (izde_buf_addc(&o->names, '\0') != IZDE_OK || izde_buf_addc(&o->marks, '\0') != IZDE_OK ||
        art_parse_affil(r, l->s + rest, l->n - rest, &af) != IZDE_OK) {
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
        uint32_t c = izde_utf8_next(s, n, &i);
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
izde_status_t art_read_block(struct reader *r, struct block *b, struct block_out *o)
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
            int na = l->label == IZDE_ART_LABEL_ABSTRACT ? 1 : art_author_line(l->s, l->n, &o->names, &o->marks);
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
            if (!art_caps_line(l->s, l->n))
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
                     art_patronymic(nx->s, nx->n);
        struct izde_buf *jb = &r->tmp2;
        izde_buf_clear(jb);
        if (joined && (izde_buf_add(jb, l->s, l->n) != IZDE_OK || izde_buf_addc(jb, ' ') != IZDE_OK ||
                       izde_buf_add(jb, nx->s, nx->n) != IZDE_OK))
            return IZDE_ERR_NOMEM;
        int na = joined ? art_author_line(jb->p, jb->len, &o->names, &o->marks)
                        : art_author_line(l->s, l->n, &o->names, &o->marks);
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
        int email = art_has_email(l->s, l->n) || art_email_label_only(r, l->s, l->n);
        int words = art_affiliation_words(r, l->s, l->n);
        int marked = words && art_mark_then_capital(l->s, l->n);
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
            st = art_parse_affil(r, l->s, l->n, &af);
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
                st = art_split_emails(l->s, l->n, o);
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
                             (roles[i - b->start] == HEAD_TITLE && art_caps_line(r->lines[i].s, r->lines[i].n))))
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
    st = art_join_lines(r, b->abs_start, b->kw, b->abs_rest, &ab);
    if (st != IZDE_OK) {
        izde_buf_release(&ab);
        return st;
    }
    /* Language: the keyword label says it when it can; else the abstract. */
    enum izde_art_lang lang = b->nokw ? IZDE_ART_NLANG : r->lines[b->kw].label_lang;
    if (lang == IZDE_ART_NLANG)
        lang = art_lang_of(ab.p, ab.len);
    if (lang == IZDE_ART_NLANG && t->len)
        lang = art_lang_of(t->p, t->len);
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
size_t art_keywords_end(const struct reader *r, size_t k)
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
            uint32_t c = izde_utf8_next(l->s, l->n, &j);
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
size_t art_abstract_end(const struct reader *r, size_t k)
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

izde_status_t art_read_authors(struct reader *r, struct block_out *outs, size_t nouts)
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

