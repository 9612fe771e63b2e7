/* dehyphen_lexicon.c - the hyphen repair's evidence: the words and stems of the document in hash tables, and prefix counts from its sorted key list. */
#include "extract/dehyphen_int.h"

#include "common/hash.h"

/* Appends the key form of s[a, b): lowercase, ё as е, no stress marks. */
izde_status_t dh_add_key(struct izde_buf *k, const char *s, size_t a, size_t b)
{
    izde_status_t rc = IZDE_OK;
    size_t i = a;
    while (i < b) {
        uint32_t c = lower_cp(izde_utf8_next(s, b, &i));
        if (c == 0x301 || c == 0xAD)
            continue;
        if (c == 0x451)
            c = 0x435;
        if (c == 0x2010)
            c = '-';
        if (rc == IZDE_OK)
            rc = izde_utf8_add(k, c);
    }
    return rc;
}

/* ------------------------------------------------------------ tables */

/* Never 0, which marks an empty entry. */
static uint32_t hash_key(const char *k, size_t len)
{
    uint32_t h = izde_fnv1a32(k, len);
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

unsigned dh_lookup(struct izde_dehyphen *d, struct table *t, const char *k, size_t len)
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

/* A table that grew past this many slots for a long text is freed rather
 * than wiped: clearing it for every later text, most of them short, would
 * cost more than growing it again the next time. */
#define KEEP_SLOTS (1u << 16)

static void table_forget(struct table *t)
{
    if (t->cap > KEEP_SLOTS) {
        free(t->e);
        t->e = NULL;
        t->cap = 0;
    } else if (t->e) {
        memset(t->e, 0, t->cap * sizeof(*t->e));
    }
    t->n = 0;
}

void dh_forget(struct izde_dehyphen *d)
{
    izde_buf_clear(&d->arena);
    table_forget(&d->words);
    table_forget(&d->stems);
    d->cur_n = 0;
}

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

/* Counts one occurrence of word k in the table and in the sorted list. */
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
izde_status_t dh_collect(struct izde_dehyphen *d, const char *s, size_t len)
{
    izde_status_t rc = IZDE_OK;
    size_t i = 0;
    int after_break = 0;     /* the next word starts after a line-break hyphen */
    while (i < len && rc == IZDE_OK) {
        size_t j = i;
        uint32_t c = izde_utf8_next(s, len, &j);
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
                if (is_letter(izde_utf8_next(s, len, &q))) {
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
            rc = dh_add_key(&d->k1, s, ps[a], pe[a]);
            if (rc == IZDE_OK)
                rc = bump_word(d, d->k1.p, d->k1.len);
            if (rc == IZDE_OK)
                rc = bump_stems(d, d->k1.p, d->k1.len);
            for (int b = a + 1; b < last && rc == IZDE_OK; b++) {
                izde_buf_clear(&d->k1);
                rc = dh_add_key(&d->k1, s, ps[a], pe[b]);
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

/* Sorts the text's words and folds repeats into one key with a count, so
 * that a prefix count looks at each word once. */
void dh_merge_current(struct izde_dehyphen *d)
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

/* How often words of the text starting with k (but longer than it) occur. */
unsigned dh_count_prefix(struct izde_dehyphen *d, const char *k, size_t len)
{
    if (d->no_evidence)
        return 0;
    return count_prefix_in(d, d->cur, d->cur_n, k, len);
}
