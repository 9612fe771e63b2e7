/* dehyphen_eval.c - measures line-break hyphen repair: re-flows clean text into narrow hyphenated lines, repairs it, counts words restored.
 *
 *   dehyphen_eval [--width N]... [-v] [--no-evidence] [--half 0|1] [--seed FILE] < DOCS
 *
 * DOCS: UTF-8 documents separated by a line holding only "\x1d" (group
 * separator). Each document is re-flowed into lines of each --width
 * (default 24 32 40 48 60): a word that does not fit is hyphenated at the
 * last syllable boundary that fits, and a hyphenated compound (иш-аракет)
 * at its own hyphen when that fits better; the text goes through
 * izde_dehyphen_text and each word broken at a line end is checked:
 *  - broken word: must come back as the original word (мектептин);
 *  - compound broken at its own hyphen: must come back hyphenated.
 * With -v every failure is printed (to see what to fix). --seed FILE
 * instead reports what the repair does to a real, already broken text: the
 * numbers of line-end hyphens joined and kept, and with -v each decision.
 * --no-evidence decides each break as if its words occurred nowhere else
 * (izde_dehyphen_set_evidence); --half 0 or 1 takes the even or the odd
 * documents only, to tune a rule on one half and check it on the other. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/utf8.h"
#include "extract/dehyphen.h"
#include "text/text.h"

static int is_cyr(uint32_t c)
{
    return c >= 0x400 && c < 0x530;
}

static int is_vowel(uint32_t c)
{
    static const uint32_t v[] = { 0x430, 0x435, 0x451, 0x438, 0x43E, 0x443, 0x44B, 0x44D, 0x44E,
                                  0x44F, 0x4E9, 0x4AF, 0x410, 0x415, 0x401, 0x418, 0x41E, 0x423,
                                  0x42B, 0x42D, 0x42E, 0x42F, 0x4E8, 0x4AE, 0 };
    for (int i = 0; v[i]; i++)
        if (v[i] == c)
            return 1;
    return 0;
}

static int is_sign(uint32_t c)     /* ь ъ й and capitals: never start a syllable */
{
    return c == 0x44C || c == 0x44A || c == 0x439 || c == 0x42C || c == 0x42A || c == 0x419;
}

/* A token split into characters. */
#define MAXC 256
struct tok {
    const char *s;
    size_t len;
    size_t off[MAXC + 1];     /* byte offset of each character */
    uint32_t cp[MAXC];
    size_t n;
};

static int split(const char *s, size_t len, struct tok *t)
{
    t->s = s;
    t->len = len;
    t->n = 0;
    size_t i = 0;
    while (i < len) {
        if (t->n == MAXC)
            return 0;
        t->off[t->n] = i;
        t->cp[t->n] = izde_utf8_next(s, len, &i);
        t->n++;
    }
    t->off[t->n] = len;
    return 1;
}

/* Whether a break may go before character k (in a run of Cyrillic letters
 * from a to b): each side keeps two letters and a vowel, a consonant stays
 * with the vowel after it, ь ъ й stay with what precedes them. */
static int syllable_break(const struct tok *t, size_t a, size_t b, size_t k)
{
    if (k < a + 2 || k + 2 > b)
        return 0;
    int va = 0, vb = 0;
    for (size_t i = a; i < k; i++)
        va |= is_vowel(t->cp[i]);
    for (size_t i = k; i < b; i++)
        vb |= is_vowel(t->cp[i]);
    if (!va || !vb || is_sign(t->cp[k]))
        return 0;
    if (!is_vowel(t->cp[k - 1]) && is_vowel(t->cp[k]))
        return 0;
    if (t->cp[k - 1] == t->cp[k])       /* a long vowel (оо, үү) stays whole */
        return 0;
    return 1;
}

struct item {
    size_t tok;        /* index of the original token */
    int compound;      /* broken at its own hyphen */
};

struct counts {
    size_t broken, restored, compounds, kept;
};

static int verbose;
static int no_evidence;     /* --no-evidence: words seen once */
static int half = -1;       /* --half 0|1: even or odd documents only */

/* A hyphen typed as a dash, glued to the word before it ("ысым- Абдимуктар"),
 * would be a line-end hyphen whenever the line ends there, which no reader
 * could tell apart from a break either: such hyphens get a space before
 * them. */
static char *undash(const char *doc, size_t len, size_t *outlen)
{
    char *o = malloc(2 * len + 1);
    size_t w = 0;
    if (!o)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        if (doc[i] == '-' && i > 0 && doc[i - 1] != ' ' && doc[i - 1] != '\n' &&
            (i + 1 == len || doc[i + 1] == ' ' || doc[i + 1] == '\n'))
            o[w++] = ' ';
        o[w++] = doc[i];
    }
    *outlen = w;
    return o;
}

/* Re-flows doc to width, repairs it, and scores the breaks. */
static int run(izde_dehyphen_t *dh, const char *doc, size_t len, size_t width, struct counts *c)
{
    /* Tokens: runs of non-space. */
    size_t ntok = 0, cap = 1024;
    size_t *ts = malloc(cap * sizeof(size_t)), *te = malloc(cap * sizeof(size_t));
    struct item *items = malloc(cap * sizeof(*items));
    size_t nitems = 0;
    struct izde_buf flow = IZDE_BUF_INIT, out = IZDE_BUF_INIT;
    struct tok *t = malloc(sizeof(*t));
    if (!ts || !te || !items || !t)
        return -1;
    for (size_t i = 0; i < len;) {
        while (i < len && (doc[i] == ' ' || doc[i] == '\n' || doc[i] == '\t' || doc[i] == '\r'))
            i++;
        if (i >= len)
            break;
        size_t j = i;
        while (j < len && !(doc[j] == ' ' || doc[j] == '\n' || doc[j] == '\t' || doc[j] == '\r'))
            j++;
        if (ntok == cap) {
            cap *= 2;
            ts = realloc(ts, cap * sizeof(size_t));
            te = realloc(te, cap * sizeof(size_t));
            items = realloc(items, cap * sizeof(*items));
            if (!ts || !te || !items)
                return -1;
        }
        ts[ntok] = i;
        te[ntok] = j;
        ntok++;
        i = j;
    }

    /* Greedy fill, hyphenating what does not fit. */
    size_t col = 0;
    for (size_t k = 0; k < ntok; k++) {
        const char *w = doc + ts[k];
        size_t wl = te[k] - ts[k];
        if (!split(w, wl, t)) {      /* too long to bother: a line of its own */
            izde_buf_addc(&flow, '\n');
            izde_buf_add(&flow, w, wl);
            col = width;
            continue;
        }
        size_t need = t->n + (col ? 1 : 0);
        if (col + need <= width || col == 0) {
            if (col)
                izde_buf_addc(&flow, ' ');
            izde_buf_add(&flow, w, wl);
            col += need;
            continue;
        }
        /* The best break that fits: most characters on this line. */
        size_t room = width - col - 1;     /* characters before the '-' */
        size_t best = 0;
        int best_compound = 0;
        int has_digit = 0;
        for (size_t i = 0; i < t->n; i++)
            has_digit |= t->cp[i] >= '0' && t->cp[i] <= '9';
        for (size_t i = 1; i < t->n && !has_digit; i++) {
            if (i + 1 > room)
                break;
            if (t->cp[i] == '-' && i + 1 < t->n && i + 1 <= room) {
                /* After the compound's own hyphen: the hyphen stays. */
                uint32_t p = t->cp[i - 1], q = t->cp[i + 1];
                if (is_cyr(p) && is_cyr(q)) {
                    best = i + 1;
                    best_compound = 1;
                }
                continue;
            }
            /* Inside a run of Cyrillic letters. */
            if (!is_cyr(t->cp[i]) || !is_cyr(t->cp[i - 1]))
                continue;
            size_t a = i, b = i;
            while (a > 0 && is_cyr(t->cp[a - 1]))
                a--;
            while (b < t->n && is_cyr(t->cp[b]))
                b++;
            if (syllable_break(t, a, b, i)) {
                best = i;
                best_compound = 0;
            }
        }
        if (!best) {
            izde_buf_addc(&flow, '\n');
            izde_buf_add(&flow, w, wl);
            col = t->n;
            continue;
        }
        izde_buf_addc(&flow, ' ');
        if (best_compound) {
            izde_buf_add(&flow, w, t->off[best]);       /* "иш-" */
        } else {
            izde_buf_add(&flow, w, t->off[best]);
            izde_buf_addc(&flow, '-');
        }
        izde_buf_addc(&flow, '\n');
        izde_buf_add(&flow, w + t->off[best], wl - t->off[best]);
        col = t->n - best;
        items[nitems].tok = k;
        items[nitems].compound = best_compound;
        nitems++;
    }

    struct izde_dehyphen_stats st;
    if (izde_dehyphen_text(dh, flow.p ? flow.p : "", flow.len, &out, &st) != IZDE_OK)
        return -1;

    /* Output tokens align with the input tokens one to one: both decisions
     * glue the two parts into one token. */
    size_t *os = malloc((ntok + 1) * sizeof(size_t)), *oe = malloc((ntok + 1) * sizeof(size_t));
    size_t no = 0;
    for (size_t i = 0; i < out.len && no <= ntok;) {
        while (i < out.len && (out.p[i] == ' ' || out.p[i] == '\n' || out.p[i] == '\t'))
            i++;
        if (i >= out.len)
            break;
        size_t j = i;
        while (j < out.len && !(out.p[j] == ' ' || out.p[j] == '\n' || out.p[j] == '\t'))
            j++;
        if (no <= ntok) {
            os[no] = i;
            oe[no] = j;
        }
        no++;
        i = j;
    }
    if (no != ntok) {
        fprintf(stderr, "dehyphen_eval: token count changed (%zu -> %zu)\n", ntok, no);
        return -1;
    }
    for (size_t i = 0; i < nitems; i++) {
        size_t k = items[i].tok;
        int ok = te[k] - ts[k] == oe[k] - os[k] &&
                 memcmp(doc + ts[k], out.p + os[k], te[k] - ts[k]) == 0;
        if (items[i].compound) {
            c->compounds++;
            c->kept += ok;
        } else {
            c->broken++;
            c->restored += ok;
        }
        if (!ok && verbose)
            fprintf(stderr, "%s: want '%.*s' got '%.*s'\n",
                    items[i].compound ? "compound" : "broken", (int)(te[k] - ts[k]),
                    doc + ts[k], (int)(oe[k] - os[k]), out.p + os[k]);
    }
    free(os);
    free(oe);
    free(ts);
    free(te);
    free(items);
    free(t);
    izde_buf_release(&flow);
    izde_buf_release(&out);
    return 0;
}

static char *slurp(FILE *f, size_t *len)
{
    struct izde_buf b = IZDE_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        if (izde_buf_add(&b, chunk, n) != IZDE_OK)
            return NULL;
    if (!b.p && izde_buf_add(&b, "", 0) != IZDE_OK)
        return NULL;
    return izde_buf_detach(&b, len);
}

static int seed_report(izde_dehyphen_t *dh, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 1;
    }
    size_t len;
    char *s = slurp(f, &len);
    fclose(f);
    if (!s)
        return 1;
    struct izde_buf out = IZDE_BUF_INIT;
    struct izde_dehyphen_stats st;
    if (izde_dehyphen_text(dh, s, len, &out, &st) != IZDE_OK)
        return 1;
    size_t before = 0;
    for (size_t i = 1; i < len; i++)
        if (s[i] == '\n') {
            size_t j = i;
            while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\r'))
                j--;
            before += j > 0 && s[j - 1] == '-';
        }
    printf("%s: %zu line-end hyphens: %zu joined, %zu kept, %zu soft; %zu -> %zu bytes\n", path,
           before, st.joined, st.kept, st.soft, len, out.len);
    if (verbose)
        fwrite(out.p, 1, out.len, stdout);
    izde_buf_release(&out);
    free(s);
    return 0;
}

int main(int argc, char **argv)
{
    size_t widths[16], nw = 0;
    const char *seed = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--width") == 0 && i + 1 < argc && nw < 16)
            widths[nw++] = (size_t)atoi(argv[++i]);
        else if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else if (strcmp(argv[i], "--no-evidence") == 0)
            no_evidence = 1;
        else if (strcmp(argv[i], "--half") == 0 && i + 1 < argc)
            half = atoi(argv[++i]) & 1;
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            seed = argv[++i];
        else {
            fprintf(stderr, "usage: dehyphen_eval [--width N]... [-v] [--no-evidence] [--half 0|1] [--seed FILE] < DOCS\n");
            return 2;
        }
    }
    if (!nw) {
        static const size_t def[] = { 24, 32, 40, 48, 60 };
        for (nw = 0; nw < 5; nw++)
            widths[nw] = def[nw];
    }
    izde_dehyphen_t *dh;
    if (izde_dehyphen_new(&dh) != IZDE_OK)
        return 1;
    izde_dehyphen_set_evidence(dh, !no_evidence);
    if (seed) {
        int r = seed_report(dh, seed);
        izde_dehyphen_free(dh);
        return r;
    }
    size_t len;
    char *all = slurp(stdin, &len);
    if (!all)
        return 1;
    struct counts c = { 0, 0, 0, 0 };
    size_t ndocs = 0, seen;
    /* One pass over the documents per width, each with a fresh context
     * (the repair weighs each document's own words only; a fresh context
     * makes sure no other width's text could count). */
    for (size_t w = 0; w < nw; w++) {
        izde_dehyphen_free(dh);
        if (izde_dehyphen_new(&dh) != IZDE_OK)
            return 1;
        izde_dehyphen_set_evidence(dh, !no_evidence);
        ndocs = seen = 0;
        for (char *p = all; p < all + len;) {
            char *sep = strstr(p, "\n\x1d\n");
            char *end = sep ? sep : all + len;
            if (end > p && (half < 0 || (int)(seen++ & 1) == half)) {
                size_t dl;
                char *d = undash(p, (size_t)(end - p), &dl);
                if (!d || run(dh, d, dl, widths[w], &c) != 0)
                    return 1;
                free(d);
                ndocs++;
            }
            p = sep ? sep + 3 : all + len;
        }
    }
    printf("documents: %zu, widths: %zu\n", ndocs, nw);
    printf("broken words restored: %zu/%zu (%.2f%%)\n", c.restored, c.broken,
           c.broken ? 100.0 * (double)c.restored / (double)c.broken : 100.0);
    printf("compounds kept:        %zu/%zu (%.2f%%)\n", c.kept, c.compounds,
           c.compounds ? 100.0 * (double)c.kept / (double)c.compounds : 100.0);
    free(all);
    izde_dehyphen_free(dh);
    return 0;
}
