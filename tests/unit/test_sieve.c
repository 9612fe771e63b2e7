/* test_sieve.c - the sieve never fails text with a word that has a term it was given, fails most other text, and a sieved analysis finds what a full one finds. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis/analyze.h"
#include "analysis/sieve.h"
#include "common/buf.h"
#include "harness.h"

static izde_analyzer_t *an;

/* ------------------------------------------------ every term passes */

struct span {
    size_t start, end;
};

struct spans {
    struct span *items;
    size_t n, cap;
};

/* Keeps the narrowest span at each start: the words (a compound's terms
 * share its first part's start and span the whole). */
static int keep_span(const struct izde_term *t, void *closure)
{
    struct spans *s = closure;
    if (s->n && s->items[s->n - 1].start == t->start) {
        if (t->end < s->items[s->n - 1].end)
            s->items[s->n - 1].end = t->end;
        return 0;
    }
    if (s->n && t->start < s->items[s->n - 1].start)
        return 0; /* a compound's terms come after its parts */
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 1024;
        s->items = realloc(s->items, s->cap * sizeof(*s->items));
        if (!s->items)
            return 1;
    }
    s->items[s->n++] = (struct span){ t->start, t->end };
    return 0;
}

struct every {
    const char *name, *text;
    const struct spans *words;
    size_t checked, failed;
};

/* Checks that a sieve of term t alone passes the text from the end of
 * the word before t's to the end of t's: the word, and what separates it
 * from the one before. */
static int check_term(const struct izde_term *t, void *closure)
{
    struct every *e = closure;
    size_t lo = 0, hi = e->words->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (e->words->items[mid].start < t->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t from = lo > 0 ? e->words->items[lo - 1].end : 0;
    if (from > t->start)
        from = t->start;
    struct izde_sieve s;
    izde_sieve_init(&s);
    if (izde_sieve_add(&s, t->text, t->len, 0) != IZDE_OK)
        return 1;
    e->checked++;
    if (!izde_sieve_passes(&s, e->text + from, t->end - from)) {
        if (e->failed++ < 10) {
            struct izde_buf shown = IZDE_BUF_INIT;
            izde_term_display(t->text, t->len, &shown);
            fprintf(stderr, "%s: the sieve of '%.*s' fails '%.*s'\n", e->name, (int)shown.len,
                    shown.p, (int)(t->end - from), e->text + from);
            izde_buf_release(&shown);
        }
    }
    return 0;
}

/* Every term of every word of text, alone in a sieve, passes its word. */
static void check_every_term(const char *name, const char *text, size_t len)
{
    struct spans words = { 0 };
    uint32_t pos = 0;
    CHECK(izde_analyze_text(an, text, len, &pos, NULL, keep_span, &words) == IZDE_OK);
    struct every e = { name, text, &words, 0, 0 };
    pos = 0;
    CHECK(izde_analyze_text(an, text, len, &pos, NULL, check_term, &e) == IZDE_OK);
    CHECK(e.checked > 0);
    CHECK_INT(e.failed, 0);
    free(words.items);
}

/* ------------------------------- a sieved analysis finds the same */

struct found {
    const struct izde_sieve *sieve;
    const struct izde_buf *terms;   /* the query's, each followed by '\n' */
    struct izde_buf out;            /* "start-end:lang:term\n" of each match */
};

static int record_match(const struct izde_term *t, void *closure)
{
    struct found *f = closure;
    const char *p = f->terms->p, *end = p + f->terms->len;
    for (const char *nl; p < end; p = nl + 1) {
        nl = memchr(p, '\n', (size_t)(end - p));
        if ((size_t)(nl - p) == t->len && memcmp(p, t->text, t->len) == 0) {
            izde_buf_addf(&f->out, "%zu-%zu:%d:", t->start, t->end, (int)t->lang);
            izde_buf_add(&f->out, t->text, t->len);
            izde_buf_addc(&f->out, '\n');
            break;
        }
    }
    return 0;
}

static int query_term(const struct izde_term *t, void *closure)
{
    struct izde_buf *b = closure;
    izde_buf_add(b, t->text, t->len);
    izde_buf_addc(b, '\n');
    return 0;
}

/* Whether the sieved analysis of text finds query's terms (a query's
 * words) where the full one does, with the same language. */
static int same_matches(const char *text, size_t len, const char *query, size_t qlen,
                        struct izde_sieve *sieve, struct izde_buf *why)
{
    struct izde_buf terms = IZDE_BUF_INIT;
    izde_analyze_query(an, query, qlen, query_term, &terms);
    izde_sieve_init(sieve);
    for (const char *p = terms.p, *nl; p && p < terms.p + terms.len; p = nl + 1) {
        nl = memchr(p, '\n', (size_t)(terms.p + terms.len - p));
        izde_sieve_add(sieve, p, (size_t)(nl - p), 0);
    }
    struct found full = { sieve, &terms, IZDE_BUF_INIT };
    struct found sieved = { sieve, &terms, IZDE_BUF_INIT };
    uint32_t pos = 0;
    izde_analyze_text(an, text, len, &pos, NULL, record_match, &full);
    izde_analyze_text_sieved(an, text, len, sieve, record_match, &sieved);
    int same = full.out.len == sieved.out.len &&
               (!full.out.len || memcmp(full.out.p, sieved.out.p, full.out.len) == 0);
    if (!same && why)
        izde_buf_addf(why, "full analysis found\n%.*s sieved found\n%.*s", (int)full.out.len,
                      full.out.p ? full.out.p : "", (int)sieved.out.len,
                      sieved.out.p ? sieved.out.p : "");
    izde_buf_release(&terms);
    izde_buf_release(&full.out);
    izde_buf_release(&sieved.out);
    return same;
}

/* Every step-th word of text, as a query: the sieved analysis of text
 * finds the query's terms where the full one does, with the same
 * language. Adds to skipped[0] the sentences the sieve fails, to
 * skipped[1] all it was given. Returns how many queries. */
static size_t check_same_matches(const char *name, const char *text, size_t len,
                                 size_t step, size_t skipped[2])
{
    struct spans words = { 0 };
    uint32_t pos = 0;
    izde_analyze_text(an, text, len, &pos, NULL, keep_span, &words);
    size_t queries = 0, differ = 0;
    for (size_t w = step / 2; w < words.n; w += step) {
        const struct span *sp = &words.items[w];
        struct izde_sieve sieve;
        struct izde_buf why = IZDE_BUF_INIT;
        if (!same_matches(text, len, text + sp->start, sp->end - sp->start, &sieve, &why) &&
            differ++ < 5)
            fprintf(stderr, "%s: '%.*s': %.*s", name, (int)(sp->end - sp->start),
                    text + sp->start, (int)why.len, why.p);
        izde_buf_release(&why);
        /* The sentences the sieve fails, of all (cut as analyze.c cuts
         * them: after '.', '!', '?' or ';' before white space). */
        for (size_t at = 0, end; at < len; at = end) {
            for (end = at; end + 1 < len; end++)
                if (strchr(".!?;", text[end]) && strchr(" \t\r\n", text[end + 1]))
                    break;
            end++;
            skipped[0] += !izde_sieve_passes(&sieve, text + at, end - at);
            skipped[1]++;
        }
        queries++;
    }
    CHECK_INT(differ, 0);
    free(words.items);
    return queries;
}

/* ------------------------------------------------------- examples */

static struct izde_sieve sieve_of(const char *const *terms)
{
    struct izde_sieve s;
    izde_sieve_init(&s);
    for (; *terms; terms++)
        izde_sieve_add(&s, *terms, strlen(*terms), 0);
    return s;
}

static int passes(const struct izde_sieve *s, const char *text)
{
    return izde_sieve_passes(s, text, strlen(text));
}

static void examples(void)
{
    /* A stem keeps all but its last letter, up to three. */
    static const char *const kitep[] = { "китеп", "Kките", "Tкитеп", NULL };
    struct izde_sieve s = sieve_of(kitep);
    CHECK(!s.unsure);
    CHECK(passes(&s, "Ал КИТЕБИН окуду."));
    CHECK(passes(&s, "«Китептер» келди"));
    CHECK(!passes(&s, "Бүгүн күн ачык, мектепке барабыз."));
    CHECK(!passes(&s, "окуучу ким жөнүндө"));   /* ки: two letters of three */
    /* Latin look-alikes, soft hyphens and keyboard folding: the words
     * fold to the same as the terms. */
    CHECK(passes(&s, "Kитеп"));                   /* Latin K */
    CHECK(passes(&s, "ки\xC2\xAD" "теп"));        /* soft hyphen */
    static const char *const unur[] = { "Kөнөр", NULL };
    s = sieve_of(unur);
    CHECK(passes(&s, "онорлуу"));
    /* An irregular stem: балдары is read as бала-лар-ы. */
    static const char *const balalar[] = { "Kбалалар", NULL };
    s = sieve_of(balalar);
    CHECK(passes(&s, "балдарыңыздын"));
    /* A compound's joined reading, and its parts as words. */
    static const char *const joined[] = { "Kишмердүү", NULL };
    s = sieve_of(joined);
    CHECK(passes(&s, "иш-мердүүлүгү"));
    CHECK(!passes(&s, "иш мердүүлүгү"));
    static const char *const part[] = { "Kаракет", NULL };
    s = sieve_of(part);
    CHECK(passes(&s, "иш-аракет"));
    CHECK(passes(&s, "иш\xE2\x80\x90" "аракет"));  /* U+2010 */
    /* English stems keep their first letter only ('dying' -> 'die'). */
    static const char *const die[] = { "Edie", NULL };
    s = sieve_of(die);
    CHECK(passes(&s, "dying"));
    CHECK(!passes(&s, "living"));
    /* What the sieve cannot read, it passes: a term or a text with a
     * combining mark or another script, a term that begins with no letter,
     * a stem of one letter, an unknown prefix. */
    static const char *const marks[] = { "и\xCC\x86" "т", NULL };
    s = sieve_of(marks);
    CHECK(s.unsure);
    static const char *const one[] = { "Kа", NULL };
    s = sieve_of(one);
    CHECK(s.unsure);
    static const char *const field[] = { "Aасанова", NULL };
    s = sieve_of(field);
    CHECK(s.unsure);
    s = sieve_of(kitep);
    CHECK(passes(&s, "мектеп \xE4\xB8\xAD"));     /* Han */
    CHECK(passes(&s, "ки\xCC\x81теп"));           /* combining acute */
    CHECK(!passes(&s, "мектеп № 5 — «жаңы»"));
    /* A sign before a word ends no word for the sieve unless it ends one
     * for ICU: the tokeniser starts 'китеп' after '҂'. */
    CHECK(passes(&s, "\xD2\x82" "китеп"));
    /* Where the first word that may match starts. */
    size_t at = 0;
    static const char found[] = "Бүгүн «китеп» окуйбуз.";
    CHECK(izde_sieve_find(&s, found, strlen(found), &at) == 1);
    CHECK_INT(at, strlen("Бүгүн «"));
    static const char none[] = "Бүгүн мектепке барабыз.";
    CHECK(izde_sieve_find(&s, none, strlen(none), &at) == 0);
    static const char han[] = "Бүгүн \xE4\xB8\xAD китеп.";
    CHECK(izde_sieve_find(&s, han, strlen(han), &at) == 1);
    CHECK(at == SIZE_MAX);
    /* A sieved analysis reads whole runs of non-space text, as ICU reads
     * a word in its context: the 3 of "2,3", the parts of a compound. */
    static const char *const runs[][2] = {
        { "Баасы 2,3 сом. Дагы 3 сом жана 1.3 сом.", "3" },
        { "Иш-аракет жана ишаракет. Аракет кылды.", "аракет" },
        { "Иш-аракет жана ишаракет. Аракет кылды.", "ишаракет" },
        { "Мугалимдин иш-\nмердүүлүгү жана «ишмердүүлүгү».", "ишмердүүлүк" },
        { "10-класста окуйт. Класста отурат.", "класста" },
        /* ICU ends a word at a zero width space (found by fuzz_sieve). */
        { "Китеп\xE2\x80\x8B" "мектеп жана 6\xE2\x80\x8B" "8.", "мектеп 8" },
    };
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        struct izde_sieve rs;
        struct izde_buf why = IZDE_BUF_INIT;
        int same = same_matches(runs[i][0], strlen(runs[i][0]), runs[i][1], strlen(runs[i][1]),
                                &rs, &why);
        CHECK(same);
        if (!same)
            fprintf(stderr, "'%s' in '%s': %.*s", runs[i][1], runs[i][0], (int)why.len, why.p);
        izde_buf_release(&why);
    }
    /* Which words a text may hold, a bit each. */
    izde_sieve_init(&s);
    izde_sieve_add(&s, "Kмектеп", strlen("Kмектеп"), 0);
    izde_sieve_add(&s, "Tкитеп", strlen("Tкитеп"), 1);
    izde_sieve_add(&s, "Kа", strlen("Kа"), 2);       /* unsure: any text */
    static const char two[] = "Мектепте окуйбуз.";
    CHECK_INT(izde_sieve_words(&s, two, strlen(two)), 1 | 4);
    static const char three[] = "Мектепте китеп окуйбуз.";
    CHECK_INT(izde_sieve_words(&s, three, strlen(three)), 1 | 2 | 4);
}

/* ------------------------------------------------------------ files */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct izde_buf b = IZDE_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        izde_buf_add(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return b.p;
}

/* The sample's every step-th word is a query (tests/cli/sieve_data.sh
 * gives long texts, corpus-samples are short). */
static size_t step = 7;

static void check_file(const char *path, size_t *queries, size_t skipped[2])
{
    size_t len = 0;
    char *text = read_file(path, &len);
    CHECK(text != NULL);
    if (!text)
        return;
    check_every_term(path, text, len);
    *queries += check_same_matches(path, text, len, step, skipped);
    free(text);
}

int main(int argc, char **argv)
{
    char *err = NULL;
    if (izde_analyzer_new(&an, &err) != IZDE_OK) {
        fprintf(stderr, "analyzer: %s\n", err ? err : "?");
        return 1;
    }
    examples();
    size_t queries = 0, skipped[2] = { 0, 0 };
    if (argc > 1) {
        /* Texts named on the command line (tests/cli/sieve_data.sh). */
        step = 61;
        for (int i = 1; i < argc; i++)
            check_file(argv[i], &queries, skipped);
    } else {
        const char *src = getenv("IZDE_SOURCE_DIR");
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/corpus-samples", src ? src : ".");
        DIR *d = opendir(dir);
        CHECK(d != NULL);
        for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
            size_t n = strlen(e->d_name);
            if (n < 4 || (strcmp(e->d_name + n - 4, ".txt") != 0 &&
                          strcmp(e->d_name + n - 3, ".md") != 0))
                continue;
            char path[8192];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            check_file(path, &queries, skipped);
        }
        if (d)
            closedir(d);
    }
    /* The sieve must sieve: a word of a text is in few of its sentences. */
    printf("%zu queries; the sieve failed %zu of %zu sentences\n", queries, skipped[0],
           skipped[1]);
    CHECK(queries > 0);
    CHECK(skipped[0] * 2 > skipped[1]);
    izde_analyzer_free(an);
    return harness_finish();
}
