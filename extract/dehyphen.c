/* dehyphen.c - line-break hyphen repair, deciding each "part-\nrest" by the evidence of the document itself. */
#include "extract/dehyphen.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/langid.h"
#include "stemmers/stemmer.h"

/* A word (or hyphenated compound) of the document, lowercased, with ё as е
 * and stress marks dropped, and how often it occurs outside line breaks. */
struct entry {
    uint32_t off, len;      /* key in d->arena */
    uint32_t count;
    uint32_t hash;          /* 0: empty slot */
};

/* A key of the arena with its count, in a sorted list. */
struct skey {
    uint32_t off, len, count;
};

struct table {
    struct entry *e;
    size_t cap, n;
};

struct izde_dehyphen {
    izde_stemmer_t *ky, *ru;
    struct izde_buf arena;      /* the keys of both tables */
    struct table words;         /* words and hyphenated compounds */
    struct table stems;         /* 'K' or 'R' + stem of each word */
    int kyrgyz;                 /* the text has Kyrgyz letters (ң ө ү) */
    /* Prefix counts come from two sorted key lists: a snapshot of the
     * remembered words, re-sorted only when the memory has grown by a
     * quarter or some texts have passed (sorting it for every text cost
     * more than all the rest of indexing), and the words of the current
     * text, sorted for it alone. */
    struct skey *snap;
    size_t snap_n, snap_cap;
    size_t snap_words;          /* d->words.n when the snapshot was taken */
    unsigned texts_since_snap;
    struct skey *cur;
    size_t cur_n, cur_cap;
    struct izde_buf k1, k2;     /* scratch keys */
    size_t memory_words;        /* remembered words and stems before
                                   starting afresh */
    int no_evidence;            /* decide by the language alone */
};

void izde_dehyphen_set_memory(izde_dehyphen_t *d, size_t max_words)
{
    d->memory_words = max_words < 1000 ? 1000 : max_words;
}

void izde_dehyphen_set_evidence(izde_dehyphen_t *d, int use)
{
    d->no_evidence = !use;
}

izde_status_t izde_dehyphen_new(izde_dehyphen_t **out)
{
    *out = NULL;
    izde_dehyphen_t *d = calloc(1, sizeof(*d));
    if (!d)
        return IZDE_ERR_NOMEM;
    if (izde_stemmer_new("ky", &d->ky) != IZDE_OK || izde_stemmer_new("ru", &d->ru) != IZDE_OK) {
        izde_dehyphen_free(d);
        return IZDE_ERR_NOMEM;
    }
    d->memory_words = IZDE_DEHYPHEN_MEMORY_WORDS;
    *out = d;
    return IZDE_OK;
}

void izde_dehyphen_free(izde_dehyphen_t *d)
{
    if (!d)
        return;
    izde_stemmer_free(d->ky);
    izde_stemmer_free(d->ru);
    izde_buf_release(&d->arena);
    izde_buf_release(&d->k1);
    izde_buf_release(&d->k2);
    free(d->words.e);
    free(d->stems.e);
    free(d->snap);
    free(d->cur);
    free(d);
}

/* ------------------------------------------------------------ characters */

static uint32_t next_cp(const char *s, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c = u[*i];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (*i + n > len) {
        (*i)++;
        return 0xFFFD;
    }
    if (n == 2)
        c &= 0x1F;
    else if (n == 3)
        c &= 0x0F;
    else if (n == 4)
        c &= 0x07;
    for (size_t k = 1; k < n; k++)
        c = (c << 6) | (u[*i + k] & 0x3F);
    *i += n;
    return c;
}

/* The start of the character that ends just before i. */
static size_t prev_start(const char *s, size_t i)
{
    do
        i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

static int is_letter(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= 0xC0 && c < 0x250 && c != 0xD7 && c != 0xF7) ||
           (c >= 0x400 && c < 0x530 && !(c >= 0x482 && c <= 0x489));
}

/* Letters, and the combining acute that marks stress in textbooks. */
static int is_word_cp(uint32_t c)
{
    return is_letter(c) || c == 0x301;
}

static uint32_t lower_cp(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
        (c >= 0x410 && c <= 0x42F))
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    if (((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) ||
         (c >= 0x4D0 && c <= 0x52F)) && !(c & 1))
        return c + 1;
    if (c >= 0x4C1 && c <= 0x4CE && (c & 1))
        return c + 1;
    return c;
}

static int is_upper(uint32_t c)
{
    return lower_cp(c) != c;
}

static void add_cp(struct izde_buf *b, uint32_t c, izde_status_t *rc)
{
    char t[4];
    size_t n;
    if (c < 0x80) {
        t[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        t[0] = (char)(0xC0 | (c >> 6));
        t[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        t[0] = (char)(0xE0 | (c >> 12));
        t[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        t[0] = (char)(0xF0 | (c >> 18));
        t[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    if (*rc == IZDE_OK)
        *rc = izde_buf_add(b, t, n);
}

/* Appends the key form of s[a, b): lowercase, ё as е, no stress marks. */
static izde_status_t add_key(struct izde_buf *k, const char *s, size_t a, size_t b)
{
    izde_status_t rc = IZDE_OK;
    size_t i = a;
    while (i < b) {
        uint32_t c = lower_cp(next_cp(s, b, &i));
        if (c == 0x301 || c == 0xAD)
            continue;
        if (c == 0x451)
            c = 0x435;
        if (c == 0x2010)
            c = '-';
        add_cp(k, c, &rc);
    }
    return rc;
}

static size_t nchars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* The byte length of the first n characters of s. */
static size_t char_prefix(const char *s, size_t len, size_t n)
{
    size_t i = 0;
    while (i < len && n > 0) {
        next_cp(s, len, &i);
        n--;
    }
    return i;
}

/* ------------------------------------------------------------ tables */

static uint32_t hash_key(const char *k, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)k[i]) * 16777619u;
    return h ? h : 1;
}

static struct entry *find(struct izde_dehyphen *d, struct table *t, const char *k, size_t len,
                          uint32_t h)
{
    if (!t->cap)
        return NULL;
    for (size_t i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        struct entry *e = &t->e[i];
        if (!e->hash)
            return e;
        if (e->hash == h && e->len == len && memcmp(d->arena.p + e->off, k, len) == 0)
            return e;
    }
}

static unsigned lookup(struct izde_dehyphen *d, struct table *t, const char *k, size_t len)
{
    if (d->no_evidence)
        return 0;
    struct entry *e = find(d, t, k, len, hash_key(k, len));
    return e && e->hash ? e->count : 0;
}

/* Counts one occurrence of k in t. OUT: *entry (when entry is not NULL),
 * k's entry, valid until t grows. */
static izde_status_t bump(struct izde_dehyphen *d, struct table *t, const char *k, size_t len,
                          const struct entry **entry)
{
    if ((t->n + 1) * 2 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 1024;
        struct entry *old = t->e;
        size_t oldcap = t->cap;
        t->e = calloc(cap, sizeof(*t->e));
        if (!t->e) {
            t->e = old;
            return IZDE_ERR_NOMEM;
        }
        t->cap = cap;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].hash)
                *find(d, t, d->arena.p + old[i].off, old[i].len, old[i].hash) = old[i];
        free(old);
    }
    uint32_t h = hash_key(k, len);
    struct entry *e = find(d, t, k, len, h);
    if (e->hash) {
        e->count++;
        if (entry)
            *entry = e;
        return IZDE_OK;
    }
    if (d->arena.len + len > UINT32_MAX)
        return IZDE_ERR_NOMEM;
    /* k may point into the arena's scratch: copy it out first. */
    uint32_t off = (uint32_t)d->arena.len;
    izde_status_t rc = izde_buf_grow(&d->arena, len);
    if (rc != IZDE_OK)
        return rc;
    memmove(d->arena.p + off, k, len);
    d->arena.len += len;
    d->arena.p[d->arena.len] = '\0';
    *e = (struct entry){ off, (uint32_t)len, 1, h };
    t->n++;
    if (entry)
        *entry = e;
    return IZDE_OK;
}

static void table_clear(struct table *t)
{
    if (t->e)
        memset(t->e, 0, t->cap * sizeof(*t->e));
    t->n = 0;
}

/* ------------------------------------------------------------ scanning */

static int is_hyphen_at(const char *s, size_t len, size_t i, size_t *hl, int *soft)
{
    *soft = 0;
    if (s[i] == '-') {
        *hl = 1;
        return 1;
    }
    if (i + 3 <= len && memcmp(s + i, "\xE2\x80\x90", 3) == 0) {
        *hl = 3;
        return 1;
    }
    if (i + 2 <= len && memcmp(s + i, "\xC2\xAD", 2) == 0) {
        *hl = 2;
        *soft = 1;
        return 1;
    }
    return 0;
}

/* A line-break hyphen: s[h] is a hyphen right after a letter, followed by
 * spaces, one line break or a page break, spaces, and a letter.
 * OUT: *ws, *ys: where the break and the next word start; *hl: hyphen length. */
static int break_at(const char *s, size_t len, size_t h, size_t *hl, int *soft, size_t *ys)
{
    if (h == 0 || !is_hyphen_at(s, len, h, hl, soft))
        return 0;
    size_t p = prev_start(s, h);
    if (!is_word_cp(next_cp(s, len, &p)))
        return 0;
    size_t i = h + *hl;
    int nl = 0, ff = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n' ||
                       s[i] == '\f')) {
        nl += s[i] == '\n';
        ff += s[i] == '\f';
        i++;
    }
    if (!((nl == 1 && ff == 0) || (ff == 1 && nl <= 2)))
        return 0;
    if (i >= len)
        return 0;
    size_t j = i;
    if (!is_letter(next_cp(s, len, &j)))
        return 0;
    *ys = i;
    return 1;
}

static size_t word_end(const char *s, size_t len, size_t i)
{
    while (i < len) {
        size_t j = i;
        if (!is_word_cp(next_cp(s, len, &j)))
            break;
        i = j;
    }
    return i;
}

static size_t word_start(const char *s, size_t i)
{
    while (i > 0) {
        size_t p = prev_start(s, i), q = p;
        if (!is_word_cp(next_cp(s, i, &q)))
            break;
        i = p;
    }
    return i;
}

/* Counts a word's stems (Kyrgyz and Russian). */
static izde_status_t bump_stems(struct izde_dehyphen *d, const char *k, size_t len)
{
    izde_stemmer_t *st[2] = { d->ky, d->ru };
    static const char tag[2] = { 'K', 'R' };
    for (int l = 0; l < 2; l++) {
        size_t sl;
        const char *stem = izde_stemmer_stem(st[l], k, len, &sl);
        if (!stem)
            return IZDE_ERR_NOMEM;
        izde_buf_clear(&d->k2);
        izde_status_t rc = izde_buf_addc(&d->k2, tag[l]);
        if (rc == IZDE_OK)
            rc = izde_buf_add(&d->k2, stem, sl);
        if (rc == IZDE_OK)
            rc = bump(d, &d->stems, d->k2.p, d->k2.len, NULL);
        if (rc != IZDE_OK)
            return rc;
    }
    return IZDE_OK;
}

#define MAX_PARTS 8

/* How much likelier (in natural-log units of the trigram model) a word
 * boundary must be than a word going on before a Kyrgyz break with no other
 * evidence is kept as a compound. Measured with bench/dehyphen_eval.sh: at
 * 6, 98% of broken words come back and 98% of compounds stay. */
#define KY_BOUNDARY_MIN 6.0

/* Counts one occurrence of word k in the memory and in the current text's
 * list. */
static izde_status_t bump_word(struct izde_dehyphen *d, const char *k, size_t len)
{
    const struct entry *e;
    izde_status_t rc = bump(d, &d->words, k, len, &e);
    if (rc != IZDE_OK)
        return rc;
    struct skey *cur = izde_array_grow(d->cur, d->cur_n, &d->cur_cap, sizeof(*cur), 1024);
    if (!cur)
        return IZDE_ERR_NOMEM;
    d->cur = cur;
    d->cur[d->cur_n++] = (struct skey){ e->off, e->len, 1 };
    return IZDE_OK;
}

/* Collects the document's vocabulary: every word not cut by a line-break
 * hyphen, and every hyphenated compound (and its runs of two or more
 * parts) written on one line. */
static izde_status_t collect(struct izde_dehyphen *d, const char *s, size_t len)
{
    izde_status_t rc = IZDE_OK;
    size_t i = 0;
    int after_break = 0;     /* the next word starts after a line-break hyphen */
    while (i < len && rc == IZDE_OK) {
        size_t j = i;
        uint32_t c = next_cp(s, len, &j);
        if (!is_letter(c)) {
            size_t hl, ys;
            int soft;
            if (break_at(s, len, i, &hl, &soft, &ys)) {
                after_break = 1;
                i = ys;
                continue;
            }
            if (!(c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'))
                after_break = 0;
            i = j;
            continue;
        }
        /* A chain of parts joined by hyphens with no space. */
        size_t ps[MAX_PARTS], pe[MAX_PARTS];
        int n = 0, cut_end = 0;
        size_t p = i;
        for (;;) {
            size_t e = word_end(s, len, p);
            if (n < MAX_PARTS) {
                ps[n] = p;
                pe[n] = e;
                n++;
            }
            size_t hl, ys;
            int soft;
            if (e < len && break_at(s, len, e, &hl, &soft, &ys)) {
                cut_end = 1;
                p = e;
                break;
            }
            if (e < len && is_hyphen_at(s, len, e, &hl, &soft) && !soft && e + hl < len) {
                size_t q = e + hl;
                if (is_letter(next_cp(s, len, &q))) {
                    p = e + hl;
                    continue;
                }
            }
            p = e;
            break;
        }
        int first = after_break ? 1 : 0, last = cut_end ? n - 1 : n;
        for (int a = first; a < last && rc == IZDE_OK; a++) {
            izde_buf_clear(&d->k1);
            rc = add_key(&d->k1, s, ps[a], pe[a]);
            if (rc == IZDE_OK)
                rc = bump_word(d, d->k1.p, d->k1.len);
            if (rc == IZDE_OK)
                rc = bump_stems(d, d->k1.p, d->k1.len);
            for (int b = a + 1; b < last && rc == IZDE_OK; b++) {
                izde_buf_clear(&d->k1);
                rc = add_key(&d->k1, s, ps[a], pe[b]);
                if (rc == IZDE_OK)
                    rc = bump_word(d, d->k1.p, d->k1.len);
            }
        }
        after_break = 0;
        i = p;
    }
    return rc;
}

/* qsort without a context argument: the arena goes through a thread-local
 * only for the length of the sort (one context is used by one thread). */
static _Thread_local const char *sort_arena;

static int cmp_skeys(const void *a, const void *b)
{
    const struct skey *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int r = memcmp(sort_arena + x->off, sort_arena + y->off, n);
    return r ? r : (x->len > y->len) - (x->len < y->len);
}

static void sort_keys(struct izde_dehyphen *d, struct skey *keys, size_t n)
{
    /* With no keys the array may still be NULL, and qsort wants a valid
     * pointer even for no elements. */
    if (n < 2)
        return;
    sort_arena = d->arena.p;
    qsort(keys, n, sizeof(*keys), cmp_skeys);
    sort_arena = NULL;
}

/* Takes a new snapshot of the remembered words when the old one has grown
 * stale. Called before the current text is collected, so the snapshot
 * never counts the current text, which cur counts. */
static izde_status_t refresh_snapshot(struct izde_dehyphen *d)
{
    d->texts_since_snap++;
    if (d->snap_n && d->words.n < d->snap_words + d->snap_words / 4 + 1024 &&
        d->texts_since_snap < 256)
        return IZDE_OK;
    if (d->words.n > d->snap_cap) {
        struct skey *p = realloc(d->snap, d->words.n * sizeof(*p));
        if (!p)
            return IZDE_ERR_NOMEM;
        d->snap = p;
        d->snap_cap = d->words.n;
    }
    size_t n = 0;
    for (size_t i = 0; i < d->words.cap; i++)
        if (d->words.e[i].hash)
            d->snap[n++] = (struct skey){ d->words.e[i].off, d->words.e[i].len,
                                          d->words.e[i].count };
    sort_keys(d, d->snap, n);
    d->snap_n = n;
    d->snap_words = d->words.n;
    d->texts_since_snap = 0;
    return IZDE_OK;
}

/* Sorts the current text's words and folds repeats into one key with a
 * count, as the snapshot has them. */
static void merge_current(struct izde_dehyphen *d)
{
    sort_keys(d, d->cur, d->cur_n);
    size_t w = 0;
    for (size_t r = 0; r < d->cur_n; r++) {
        if (w && d->cur[w - 1].off == d->cur[r].off && d->cur[w - 1].len == d->cur[r].len)
            d->cur[w - 1].count += d->cur[r].count;
        else
            d->cur[w++] = d->cur[r];
    }
    d->cur_n = w;
}

/* How often keys of the sorted list that start with k (but are longer than
 * it) occur, looking at no more than 256 of them. */
static unsigned count_prefix_in(const struct izde_dehyphen *d, const struct skey *keys,
                                size_t n, const char *k, size_t len)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const struct skey *e = &keys[mid];
        size_t m = e->len < len ? e->len : len;
        int r = memcmp(d->arena.p + e->off, k, m);
        if (r < 0 || (r == 0 && e->len < len))
            lo = mid + 1;
        else
            hi = mid;
    }
    unsigned total = 0;
    for (size_t i = lo; i < n && i < lo + 256; i++) {
        const struct skey *e = &keys[i];
        if (e->len < len || memcmp(d->arena.p + e->off, k, len) != 0)
            break;
        if (e->len > len)
            total += e->count;
    }
    return total;
}

/* How often words starting with k (but longer than it) occur: in the
 * remembered texts, as of the snapshot, and in the current one. */
static unsigned count_prefix(struct izde_dehyphen *d, const char *k, size_t len)
{
    if (d->no_evidence)
        return 0;
    return count_prefix_in(d, d->snap, d->snap_n, k, len) +
           count_prefix_in(d, d->cur, d->cur_n, k, len);
}

/* ------------------------------------------------------------ deciding */

static int key_in(const char *k, size_t len, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == len && memcmp(*list, k, len) == 0)
            return 1;
    return 0;
}

static int key_ends(const char *k, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && memcmp(k + len - n, suffix, n) == 0;
}

/* Russian particles written after a hyphen: кто-то, где-либо, что-нибудь. */
static const char *const ru_particles[] = { "то", "либо", "нибудь", "ка", "таки", "тка", NULL };
/* Words those particles attach to. */
static const char *const ru_particle_hosts[] = {
    "кто", "что", "где", "куда", "когда", "как", "какой", "какая", "какое", "какие",
    "какого", "какому", "каким", "каком", "какую", "каких", "какими", "чей", "чья",
    "чье", "чьи", "кого", "кому", "кем", "ком", "чего", "чему", "чем", "почему",
    "зачем", "откуда", "сколько", "столько", "давай", "ну", "все", "всё", "опять", "так",
    "смотри", "скажи", "пойди", NULL,
};
/* First parts that are written with a hyphen: вице-президент, северо-запад. */
static const char *const ru_hyphen_prefixes[] = {
    "вице", "премьер", "пресс", "генерал", "штабс", "обер", "унтер", "лейб", "северо",
    "юго", "санкт", "кое", "рок", "панк", "треш", "хард", "дизель", NULL,
};
/* The same, but also the start of ordinary words (экс-порт, шоу-мен):
 * kept only when the second part is a word of the text. */
static const char *const ru_weak_prefixes[] = {
    "экс", "шоу", "веб", "бизнес", "интернет", "медиа", "блиц", "онлайн", "мини", "супер",
    "рок", "поп", "гран", "арт", "дизель", "мастер", "видео", "фото", NULL,
};
/* Second parts written with a hyphen: Брод-стрит. */
static const char *const ru_second_parts[] = { "стрит", "авеню", "сквер", NULL };
/* во-первых, в-третьих. */
static const char *const ru_ordinals[] = {
    "первых", "вторых", "третьих", "четвертых", "пятых", "шестых", "седьмых", "восьмых",
    "девятых", "десятых", NULL,
};
/* Short words that are prefixes far more often than the first part of a
 * compound: при-мер, под-готовка; их+word is not a compound either. */
static const char *const ru_prepositions[] = {
    "при", "под", "над", "про", "без", "для", "из", "на", "по", "за", "от", "до", "об",
    "раз", "рас", "не", "ни", "пере", "пред", "меж", "сверх", "вы", "вз", "вс", "со",
    NULL,
};

enum verdict { JOIN, KEEP };

static int is_vowel(uint32_t c)
{
    static const uint32_t v[] = { 'a', 'e', 'i', 'o', 'u', 'y', 0x430, 0x435, 0x438, 0x43E,
                                  0x443, 0x44B, 0x44D, 0x44E, 0x44F, 0x4E9, 0x4AF, 0x451, 0 };
    for (int i = 0; v[i]; i++)
        if (v[i] == c)
            return 1;
    return 0;
}

/* The model's columns 0 and 1 are Kyrgyz and Russian. */
static float trigram_logp(uint32_t a, uint32_t b, uint32_t c, int lang)
{
    return izde_langid_trigram_logp(a, b, c, lang == 0 ? IZDE_LANG_KY : IZDE_LANG_RU);
}

/* How much likelier a word boundary is between x and y than a word going
 * on, by the character trigrams of the language identifier (trained on
 * words framed by '_'): the end of x and the start of y as word edges,
 * against the two trigrams that span the break inside one word. Taken in
 * the language (Kyrgyz or Russian) in which x+y reads better as one word. */
static double boundary_score(const char *x, size_t xl, const char *y, size_t yl, int *lang)
{
    uint32_t x1 = '_', x2 = '_', y0, y1 = '_';
    size_t i = 0;
    *lang = 0;
    if (xl == 0 || yl == 0)
        return 0;
    /* The language: the one in which x+y, framed, is likelier. */
    double whole[2] = { 0, 0 };
    uint32_t a = '_', b = '_';
    for (int part = 0; part < 2; part++) {
        const char *p = part ? y : x;
        size_t n = part ? yl : xl;
        i = 0;
        while (i < n) {
            uint32_t c = next_cp(p, n, &i);
            if (b != '_')
                for (int l = 0; l < 2; l++)
                    whole[l] += trigram_logp(a, b, c, l);
            a = b;
            b = c;
        }
    }
    for (int l = 0; l < 2; l++)
        whole[l] += trigram_logp(a, b, '_', l);
    int l = whole[1] > whole[0] ? 1 : 0;
    *lang = l;
    i = 0;
    while (i < xl) {
        x2 = x1;
        x1 = next_cp(x, xl, &i);
    }
    i = 0;
    y0 = next_cp(y, yl, &i);
    if (i < yl)
        y1 = next_cp(y, yl, &i);
    double inside = trigram_logp(x2, x1, y0, l) + trigram_logp(x1, y0, y1, l);
    double apart = trigram_logp(x2, x1, '_', l) + trigram_logp('_', y0, y1, l);
    return apart - inside;
}

/* Russian adjective endings, for compounds such as лечебно-профилактический. */
static int ru_adjective(const char *y, size_t yl)
{
    static const char *const endings[] = {
        "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему",
        "ым", "им", "ых", "их", "ую", "юю", "ыми", "ими", "ом", "ем", NULL,
    };
    for (const char *const *e = endings; *e; e++) {
        size_t n = strlen(*e);
        if (yl > n && memcmp(y + yl - n, *e, n) == 0)
            return 1;
    }
    return 0;
}

/* Whether a stem of k (Kyrgyz or Russian, three letters at least) is the
 * stem of a word of the text. */
static int stem_known(struct izde_dehyphen *d, const char *k, size_t len)
{
    izde_stemmer_t *st[2] = { d->ky, d->ru };
    static const char tag[2] = { 'K', 'R' };
    for (int l = 0; l < 2; l++) {
        size_t sl;
        const char *stem = izde_stemmer_stem(st[l], k, len, &sl);
        if (!stem || nchars(stem, sl) < 3)
            continue;
        izde_buf_clear(&d->k2);
        if (izde_buf_addc(&d->k2, tag[l]) != IZDE_OK || izde_buf_add(&d->k2, stem, sl) != IZDE_OK)
            return 0;
        if (lookup(d, &d->stems, d->k2.p, d->k2.len))
            return 1;
    }
    return 0;
}

/* Whether the Kyrgyz stemmer strips a suffix from x (more than the final
 * letter it may drop to normalise a stem). */
static int has_suffix(struct izde_dehyphen *d, const char *x, size_t xl)
{
    size_t sl;
    const char *stem = izde_stemmer_stem(d->ky, x, xl, &sl);
    return stem && nchars(stem, sl) + 1 < nchars(x, xl);
}

/* Whether the stemmers read the joined word as x plus suffixes only. */
static int suffixes_only(struct izde_dehyphen *d, const char *j, size_t jlen, size_t xlen)
{
    izde_stemmer_t *st[2] = { d->ky, d->ru };
    for (int l = 0; l < 2; l++) {
        size_t sl;
        const char *stem = izde_stemmer_stem(st[l], j, jlen, &sl);
        if (stem && sl <= xlen && sl < jlen)
            return 1;
    }
    return 0;
}

/* 1 for а о у ы, 0 for е и ө ү э, -1 for anything else (я ю ё of loans). */
static int vowel_back(uint32_t c)
{
    switch (c) {
    case 0x430: case 0x43E: case 0x443: case 0x44B:
        return 1;
    case 0x435: case 0x438: case 0x4E9: case 0x4AF: case 0x44D:
        return 0;
    default:
        return -1;
    }
}

/* Whether x starts with two consonants, which no native Kyrgyz word does
 * (практикалык, классификация): a loan, whose vowels need not agree. */
static int initial_cluster(const char *x, size_t xl)
{
    size_t i = 0;
    uint32_t a = next_cp(x, xl, &i);
    if (i >= xl)
        return 0;
    uint32_t b = next_cp(x, xl, &i);
    return is_letter(a) && is_letter(b) && !is_vowel(a) && !is_vowel(b);
}

/* Whether the last vowel of x and the first of y differ in backness. */
static int backness_differs(const char *x, size_t xl, const char *y, size_t yl)
{
    int bx = -1, by = -1;
    size_t i = 0;
    while (i < xl) {
        int b = vowel_back(next_cp(x, xl, &i));
        if (b >= 0)
            bx = b;
    }
    i = 0;
    while (i < yl && by < 0)
        by = vowel_back(next_cp(y, yl, &i));
    return bx >= 0 && by >= 0 && bx != by;
}

/* Whether the word at xs starts a sentence: nothing but spaces, quotes or
 * brackets between it and the start of the text, a blank line, or the end
 * of a sentence (. ! ? …). */
static int sentence_start(const char *s, size_t xs)
{
    size_t i = xs;
    int newlines = 0;
    while (i > 0) {
        size_t p = prev_start(s, i), q = p;
        uint32_t c = next_cp(s, i, &q);
        if (c == '\n' || c == '\f') {
            if (++newlines == 2)
                return 1;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '"' || c == '(' || c == '[' ||
                   c == 0xAB || c == 0x201C || c == 0x201E || c == 0x2014 || c == 0x2013 ||
                   c == '-') {
            /* a space, an opening quote or bracket, a dash of dialogue */
        } else {
            return c == '.' || c == '!' || c == '?' || c == 0x2026;
        }
        i = p;
    }
    return 1;
}

static enum verdict decide(struct izde_dehyphen *d, const char *s, size_t xs, size_t xe,
                           size_t ys, size_t ye, izde_status_t *rc)
{
    /* Capitals and digits first: Жалал-\nАбад, 2019-\nжылы stay. */
    int x_upper = 1, y_upper = 1, y_cap;
    size_t i = xs;
    while (i < xe) {
        uint32_t c = next_cp(s, xe, &i);
        if (is_letter(c) && !is_upper(c))
            x_upper = 0;
    }
    i = ys;
    y_cap = is_upper(next_cp(s, ye, &i));
    i = ys;
    while (i < ye) {
        uint32_t c = next_cp(s, ye, &i);
        if (is_letter(c) && !is_upper(c))
            y_upper = 0;
    }
    if (y_cap && !(x_upper && y_upper))
        return KEEP;
    i = xs;
    int x_cap = !x_upper && is_upper(next_cp(s, xe, &i));

    /* Keys: x, y, x+y and x-y, in d->k1 at offsets. */
    struct izde_buf *k = &d->k1;
    izde_buf_clear(k);
    *rc = add_key(k, s, xs, xe);
    size_t xl = k->len;
    if (*rc == IZDE_OK)
        *rc = add_key(k, s, ys, ye);
    size_t yl = k->len - xl;
    if (*rc == IZDE_OK)
        *rc = izde_buf_grow(k, 2 * (xl + yl) + 1);
    if (*rc != IZDE_OK)
        return JOIN;
    const char *x = k->p, *y = k->p + xl;
    /* join = x y (already in place); hyph = x - y after it. */
    char *hyph = k->p + xl + yl;
    memcpy(hyph, x, xl);
    hyph[xl] = '-';
    memcpy(hyph + xl + 1, y, yl);
    k->len += xl + 1 + yl;
    k->p[k->len] = '\0';
    const char *join = k->p;
    size_t jl = xl + yl, hl = xl + 1 + yl;

    /* The document itself: the same word written whole or hyphenated. */
    unsigned cj = lookup(d, &d->words, join, jl), ch = lookup(d, &d->words, hyph, hl);
    if (cj != ch)
        return cj > ch ? JOIN : KEEP;
    /* Its inflected forms: a word starting with x+y's first letters. */
    size_t yp = char_prefix(y, yl, 3);
    if (yp == yl && nchars(y, yl) > 2)
        yp = char_prefix(y, yl, nchars(y, yl) - 1);
    unsigned pj = count_prefix(d, join, xl + yp), ph = count_prefix(d, hyph, xl + 1 + yp);
    if (pj != ph)
        return pj > ph ? JOIN : KEEP;

    /* Russian particles and hyphenated prefixes. */
    if (key_in(y, yl, ru_particles) && key_in(x, xl, ru_particle_hosts))
        return KEEP;
    if (key_in(x, xl, ru_hyphen_prefixes) && nchars(y, yl) >= 3)
        return KEEP;
    if (key_in(x, xl, ru_weak_prefixes) &&
        (lookup(d, &d->words, y, yl) || stem_known(d, y, yl)))
        return KEEP;
    if (key_in(y, yl, ru_ordinals) &&
        ((xl == 4 && memcmp(x, "во", 4) == 0) || (xl == 2 && memcmp(x, "в", 2) == 0)))
        return KEEP;
    if (xl == 4 && memcmp(x, "по", 4) == 0 &&
        (key_ends(y, yl, "ски") || key_ends(y, yl, "цки") || key_ends(y, yl, "ому") ||
         key_ends(y, yl, "ему") || key_ends(y, yl, "ьи") || key_ends(y, yl, "ыни") ||
         key_ends(y, yl, "ини")))
        return KEEP;
    if (xl == 4 && memcmp(x, "из", 4) == 0 &&
        ((yl == 4 && memcmp(y, "за", 4) == 0) || (yl == 6 && memcmp(y, "под", 6) == 0)))
        return KEEP;

    /* Reduplication: тез-тез, аз-аздан; echo words: китеп-митеп. */
    size_t xn = nchars(x, xl), yn = nchars(y, yl);
    if (xn >= 3 && yl >= xl && memcmp(x, y, xl) == 0)
        return KEEP;
    if (xn >= 3 && xn == yn) {
        size_t a = char_prefix(x, xl, 1), b = char_prefix(y, yl, 1);
        if (xl - a == yl - b && memcmp(x + a, y + b, xl - a) == 0)
            return KEEP;
    }

    /* The second part is only suffixes: окуучу-\nлар, ал-\nган. */
    if (suffixes_only(d, join, jl, xl))
        return JOIN;

    /* A consonant is never parted from the vowel after it, nor a long
     * vowel split, by hyphenation rules: a break there is the compound's own
     * hyphen (күч-\nаракет, уул-\nатасы, тоо-\nоо). */
    {
        uint32_t xc = 0, yc;
        size_t p = 0;
        while (p < xl)
            xc = next_cp(x, xl, &p);
        p = 0;
        yc = next_cp(y, yl, &p);
        if (xn >= 2 && yn >= 2 && is_letter(xc) && is_vowel(yc) && (!is_vowel(xc) || xc == yc))
            return KEEP;
    }
    /* Russian: an adverb-like first part before an adjective
     * (лечебно-профилактический, северо-западный). */
    if (xn >= 5 && yn >= 5 && ru_adjective(y, yl) &&
        (key_ends(x, xl, "но") || key_ends(x, xl, "ко") || key_ends(x, xl, "ско")))
        return KEEP;
    if (key_in(y, yl, ru_second_parts))
        return KEEP;
    /* A capital before the break and none after it, inside a sentence: a
     * name broken at a line end (Сагын-\nбек, Ру-\nслан). Each part of a
     * hyphenated name has its capital (Жалал-Абад, Нур-Султан), and a
     * common compound takes one only at the start of a sentence. A first
     * part that ends in a suffix is a whole word, and the capital that of a
     * title (Социалдык-\nпедагогикалык). */
    if (x_cap && !sentence_start(s, xs) && !has_suffix(d, x, xl))
        return JOIN;

    /* Kyrgyz, no other evidence: the character trigrams of the break, and
     * vowel harmony. The vowels of one native word agree in backness, so a
     * first part ending in a back vowel and a second starting with a front
     * one, or the other way round (иш-аракет, ата-эне, азык-түлүк), read
     * as two words; but loans from Arabic, Persian and Russian break the
     * harmony inside one word (мамлекет, бирок, телефон), so it counts
     * only where the trigrams lean towards a boundary at all, and not
     * after a first part that starts as no native word does. Measured
     * with bench/dehyphen_eval.sh --no-evidence on the even documents,
     * checked on the odd ones: compounds kept 89.3% -> 91.2% and
     * 90.6% -> 92.8%, broken words restored 97.5% -> 95.7% and
     * 97.5% -> 95.3%; a kept break is still found by the whole word (see
     * dehyphen.h), a joined compound is not found by its parts. */
    int lang;
    double b = boundary_score(x, xl, y, yl, &lang);
    if (d->kyrgyz && lang == 0 && b > 0 && !initial_cluster(x, xl) &&
        backness_differs(x, xl, y, yl))
        return KEEP;
    if (lang == 0 && d->kyrgyz && b > KY_BOUNDARY_MIN)
        return KEEP;

    /* Both parts are words of this document: ата-\nэне, үй-\nбүлө. */
    if (xn >= 2 && yn >= 3 && !key_in(x, xl, ru_prepositions)) {
        int xw = lookup(d, &d->words, x, xl) > 0;
        int yw = lookup(d, &d->words, y, yl) > 0;
        if (xw && yw)
            return KEEP;
        if ((xw || stem_known(d, x, xl)) && stem_known(d, y, yl))
            return KEEP;
    }
    return JOIN;
}

/* ------------------------------------------------------------ rewriting */

izde_status_t izde_dehyphen_text(izde_dehyphen_t *d, const char *s, size_t len,
                                 struct izde_buf *out, struct izde_dehyphen_stats *stats)
{
    struct izde_dehyphen_stats local = { 0, 0, 0 };
    /* The words of earlier texts stay as evidence (see dehyphen.h), up to a
     * cap on memory. */
    if (d->words.n + d->stems.n > d->memory_words) {
        izde_buf_clear(&d->arena);
        table_clear(&d->words);
        table_clear(&d->stems);
        d->snap_n = 0; /* its offsets pointed into the old arena */
    }

    /* No hyphen before a line or page break: nothing to decide. */
    int any = 0;
    for (size_t p = 0; p < len && !any; p++) {
        if (s[p] != '\n' && s[p] != '\f')
            continue;
        size_t nl = p;
        while (nl > 0 && (s[nl - 1] == ' ' || s[nl - 1] == '\t' || s[nl - 1] == '\r'))
            nl--;
        any = nl > 0 && (s[nl - 1] == '-' || (unsigned char)s[nl - 1] == 0x90 ||
                         (unsigned char)s[nl - 1] == 0xAD);
    }
    if (!any) {
        if (stats)
            *stats = local;
        return izde_buf_add(out, s, len);
    }

    /* Kyrgyz text: ң ө ү are 2-5% of its letters; Russian has none. The
     * trigram rule below is for Kyrgyz pair words only. */
    size_t ky_letters = 0, cyr_letters = 0;
    for (size_t p = 0; p + 1 < len; p++) {
        unsigned char a = (unsigned char)s[p], b = (unsigned char)s[p + 1];
        if (a == 0xD0 || a == 0xD1) {
            cyr_letters++;
            p++;
        } else if ((a == 0xD2 && (b == 0xA2 || b == 0xA3 || b == 0xAE || b == 0xAF)) ||
                   (a == 0xD3 && (b == 0xA8 || b == 0xA9))) {
            ky_letters++;
            cyr_letters++;
            p++;
        }
    }
    d->kyrgyz = ky_letters * 200 >= cyr_letters && ky_letters > 0;

    izde_status_t rc = refresh_snapshot(d);
    d->cur_n = 0;
    if (rc == IZDE_OK)
        rc = collect(d, s, len);
    if (rc == IZDE_OK)
        merge_current(d);
    if (rc != IZDE_OK)
        return rc;

    size_t copied = 0, i = 0;
    size_t pend_s = 0, pend_e = 0;     /* a line break moved behind a word */
    while (i < len && rc == IZDE_OK) {
        char c = s[i];
        if (pend_e && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) {
            /* The moved break takes the place of the next space. */
            rc = izde_buf_add(out, s + copied, i - copied);
            if (rc != IZDE_OK)
                break;
            if (c == ' ' || c == '\t') {
                rc = izde_buf_add(out, s + pend_s, pend_e - pend_s);
                i++;
            } else if (memchr(s + pend_s, '\f', pend_e - pend_s) && !memchr(s + i, '\f', 1)) {
                rc = izde_buf_addc(out, '\f');
            }
            copied = i;
            pend_s = pend_e = 0;
            continue;
        }
        size_t hl, ys;
        int soft;
        if ((c == '-' || (unsigned char)c == 0xE2 || (unsigned char)c == 0xC2) &&
            break_at(s, len, i, &hl, &soft, &ys)) {
            size_t xs = word_start(s, i), ye = word_end(s, len, ys);
            enum verdict v = soft ? JOIN : decide(d, s, xs, i, ys, ye, &rc);
            if (rc != IZDE_OK)
                break;
            if (soft)
                local.soft++;
            else if (v == JOIN)
                local.joined++;
            else
                local.kept++;
            rc = izde_buf_add(out, s + copied, (v == JOIN ? i : i + hl) - copied);
            if (rc == IZDE_OK)
                rc = izde_buf_add(out, s + ys, ye - ys);
            if (!pend_e) {
                pend_s = i + hl;
                pend_e = ys;
            }
            copied = i = ye;
            continue;
        }
        i++;
    }
    if (rc == IZDE_OK)
        rc = izde_buf_add(out, s + copied, len - copied);
    if (rc == IZDE_OK && pend_e)
        rc = izde_buf_addc(out, '\n');
    if (stats)
        *stats = local;
    return rc;
}
