/* article.c - reading a journal article's front matter by its structure: labels, the shape of names, order and language, page furniture (the steps live in article_names.c, article_pages.c, article_people.c, article_blocks.c; this file holds the references and the order they run in). */
#include "extract/article_int.h"

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
    enum tok_kind k = art_tok_classify(s, e);
    if (k != TOK_WORD && k != TOK_CAPS)
        return 0;
    while (e < n && (s[e] == ' ' || s[e] == ','))
        e++;
    size_t j = e;
    if (j >= n || !is_upper_cp(izde_utf8_next(s, n, &j)))
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

/* Body text read to tell the article's language (64 KB: some twenty pages,
 * far more than the trigram statistics need). */
#define BODY_LANGID_BYTES 65536

static izde_status_t read_article(const char *text, size_t len, int body_lang,
                                  struct izde_article *a);

izde_status_t izde_article_read(const char *text, size_t len, struct izde_article *a)
{
    return read_article(text, len, 1, a);
}

izde_status_t izde_article_read_fields(const char *text, size_t len, struct izde_article *a)
{
    return read_article(text, len, 0, a);
}

static izde_status_t read_article(const char *text, size_t len, int body_lang,
                                  struct izde_article *a)
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
    izde_status_t st = art_split_lines(&r);
    if (st != IZDE_OK)
        goto out;
    st = art_read_furniture(&r);
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
        b->end = art_keywords_end(&r, i);
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
        b->kw = b->end = art_abstract_end(&r, i);
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
    st = art_read_codes(&r, front_end);
    if (st != IZDE_OK)
        goto out;
    for (size_t k = 0; k < nblocks; k++) {
        izde_buf_init(&outs[k].names);
        izde_buf_init(&outs[k].marks);
        st = art_read_block(&r, &blocks[k], &outs[k]);
        if (st != IZDE_OK)
            goto out;
    }
    /* The body's language: the text between the front matter and the
     * references; with neither, the whole text. */
    if (body_lang) {
        size_t from = nfront ? blocks[nfront - 1].end : 0;
        struct izde_langid_evidence ev;
        memset(&ev, 0, sizeof(ev));
        /* The first BODY_LANGID_BYTES tell as well as a whole book would. */
        size_t seen = 0;
        for (size_t i = from; i < refs && seen < BODY_LANGID_BYTES; i++)
            if (r.lines[i].role == ROLE_TEXT) {
                izde_langid_add(&ev, r.lines[i].s, r.lines[i].n);
                seen += r.lines[i].n;
            }
        double conf = 0;
        enum izde_lang l = izde_langid_decide(&ev, &conf);
        if (l == IZDE_LANG_KY || l == IZDE_LANG_RU || l == IZDE_LANG_EN) {
            a->lang = l;
            if (from < r.nlines)
                a->lang_src = (struct izde_art_src){r.lines[from].page, r.lines[from].lineno};
        }
    }
    st = art_read_authors(&r, outs, nblocks);
    if (st != IZDE_OK)
        goto out;
    /* The reference list ends where a block after it starts. */
    read_references(&r, refs, nfront < nblocks ? blocks[nfront].start : r.nlines);
out:
    /* A label with nothing after it ("Аннотация:" over an empty line)
     * prints no abstract: absent, not "". */
    for (int l = 0; st == IZDE_OK && l < IZDE_ART_NLANG; l++) {
        if (a->abstract[l] && !*a->abstract[l]) {
            free(a->abstract[l]);
            a->abstract[l] = NULL;
            a->abstract_src[l] = (struct izde_art_src){ 0, 0 };
        }
        if (a->title[l] && !*a->title[l]) {
            free(a->title[l]);
            a->title[l] = NULL;
            a->title_src[l] = (struct izde_art_src){ 0, 0 };
        }
    }
    for (size_t k = 0; k < nblocks; k++)
        art_block_out_release(&outs[k]);
    free(r.lines);
    izde_buf_release(&r.tmp);
    izde_buf_release(&r.tmp2);
    if (st != IZDE_OK)
        izde_article_release(a);
    return st;
}
