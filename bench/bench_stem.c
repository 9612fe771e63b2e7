/* bench_stem.c - stemmer throughput: words per second on one core, and
 * optionally Snowball's C stemmer on the same word list in the same run.
 *
 *   bench_stem --lang ky|ru [--snowball LANG] [--seconds S] WORDFILE
 *
 * WORDFILE holds one case-folded word per line (bench/stem_words.sh makes one
 * from a CoNLL-U file). The whole list is loaded first, then stemmed over and
 * over until S seconds (default 2) have passed, for each side. */
#include "stemmers/stemmer.h"

#ifdef IZDE_HAVE_LIBSTEMMER
#include <libstemmer.h>
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct word_list {
    char *text;    /* the file, lines NUL-terminated in place */
    const char **w;
    size_t *len;
    size_t n;
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int load_words(const char *path, struct word_list *wl)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    size_t cap = 1 << 16, size = 0, got;
    char *text = malloc(cap + 1);
    while (text && (got = fread(text + size, 1, cap - size, f)) > 0) {
        size += got;
        if (size == cap) {
            char *t = realloc(text, cap * 2 + 1);
            if (!t) {
                free(text);
                text = NULL;
                break;
            }
            text = t;
            cap *= 2;
        }
    }
    int err = ferror(f);
    fclose(f);
    if (!text || err) {
        fprintf(stderr, "bench_stem: cannot read %s\n", path);
        free(text);
        return -1;
    }
    text[size] = '\0';
    size_t lines = 0;
    for (size_t i = 0; i < size; i++)
        lines += text[i] == '\n';
    wl->w = malloc((lines + 1) * sizeof(*wl->w));
    wl->len = malloc((lines + 1) * sizeof(*wl->len));
    if (!wl->w || !wl->len) {
        free(text);
        free(wl->w);
        free(wl->len);
        return -1;
    }
    wl->n = 0;
    for (char *p = text; *p;) {
        char *nl = strchr(p, '\n');
        char *end = nl ? nl : p + strlen(p);
        size_t len = (size_t)(end - p);
        if (len && p[len - 1] == '\r')
            len--;
        p[len] = '\0';
        if (len) {
            wl->w[wl->n] = p;
            wl->len[wl->n] = len;
            wl->n++;
        }
        p = nl ? nl + 1 : end;
    }
    wl->text = text;
    return 0;
}

/* Runs passes over the list until seconds have passed; returns words/s.
 * *sink collects stem lengths so that no work can be optimised away. */
static double run_izde(izde_stemmer_t *st, const struct word_list *wl, double seconds,
                       size_t *sink)
{
    size_t words = 0;
    double t0 = now(), t;
    do {
        for (size_t i = 0; i < wl->n; i++) {
            size_t slen = 0;
            if (!izde_stemmer_stem(st, wl->w[i], wl->len[i], &slen))
                return -1;
            *sink += slen;
        }
        words += wl->n;
        t = now() - t0;
    } while (t < seconds);
    return (double)words / t;
}

#ifdef IZDE_HAVE_LIBSTEMMER
static double run_snowball(struct sb_stemmer *sb, const struct word_list *wl, double seconds,
                           size_t *sink)
{
    size_t words = 0;
    double t0 = now(), t;
    do {
        for (size_t i = 0; i < wl->n; i++) {
            if (!sb_stemmer_stem(sb, (const sb_symbol *)wl->w[i], (int)wl->len[i]))
                return -1;
            *sink += (size_t)sb_stemmer_length(sb);
        }
        words += wl->n;
        t = now() - t0;
    } while (t < seconds);
    return (double)words / t;
}
#endif

static void usage(FILE *f)
{
    fprintf(f, "usage: bench_stem --lang ky|ru [--snowball LANG] [--seconds S] WORDFILE\n"
               "\n"
               "Stems the words of WORDFILE (one case-folded word per line) repeatedly for\n"
               "S seconds (default 2) on one core and prints words/s; with --snowball also\n"
               "Snowball's C stemmer for LANG (e.g. russian) and the ratio.\n");
}

int main(int argc, char **argv)
{
    const char *lang = NULL, *snowball = NULL, *path = NULL;
    double seconds = 2.0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            lang = argv[++i];
        } else if (strcmp(argv[i], "--snowball") == 0 && i + 1 < argc) {
            snowball = argv[++i];
        } else if (strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            seconds = atof(argv[++i]);
        } else if (argv[i][0] != '-' && !path) {
            path = argv[i];
        } else {
            usage(stderr);
            return 2;
        }
    }
    if (!lang || !path || seconds <= 0) {
        usage(stderr);
        return 2;
    }
#ifndef IZDE_HAVE_LIBSTEMMER
    if (snowball) {
        fprintf(stderr, "bench_stem: built without libstemmer; --snowball is not available\n");
        return 2;
    }
#endif

    izde_stemmer_t *st;
    izde_status_t rc = izde_stemmer_new(lang, &st);
    if (rc != IZDE_OK) {
        fprintf(stderr, "bench_stem: cannot create stemmer '%s': %s\n", lang, izde_status_str(rc));
        return 2;
    }
    struct word_list wl;
    if (load_words(path, &wl) != 0) {
        izde_stemmer_free(st);
        return 1;
    }
    if (wl.n == 0) {
        fprintf(stderr, "bench_stem: no words in %s\n", path);
        izde_stemmer_free(st);
        return 1;
    }

    /* With --snowball the two sides take turns in ROUNDS slices, so that a
     * change of machine load does not fall on one side only. */
    enum { ROUNDS = 8 };
    size_t sink = 0;
    int status = 0;
    double ours = 0, theirs = 0;
#ifdef IZDE_HAVE_LIBSTEMMER
    struct sb_stemmer *sb = NULL;
    if (snowball) {
        sb = sb_stemmer_new(snowball, "UTF_8");
        if (!sb) {
            fprintf(stderr, "bench_stem: libstemmer has no '%s'\n", snowball);
            status = 2;
        }
    }
    int rounds = sb ? ROUNDS : 1;
#else
    int rounds = 1;
#endif
    for (int r = 0; r < rounds && status == 0; r++) {
        double w = run_izde(st, &wl, seconds / rounds, &sink);
        if (w < 0) {
            fprintf(stderr, "bench_stem: out of memory\n");
            status = 1;
            break;
        }
        ours += w / rounds;
#ifdef IZDE_HAVE_LIBSTEMMER
        if (sb) {
            w = run_snowball(sb, &wl, seconds / rounds, &sink);
            if (w < 0) {
                fprintf(stderr, "bench_stem: snowball out of memory\n");
                status = 1;
                break;
            }
            theirs += w / rounds;
        }
#endif
    }
    if (status == 0) {
        printf("izde %-10s %8zu words  %12.0f words/s\n", lang, wl.n, ours);
#ifdef IZDE_HAVE_LIBSTEMMER
        if (sb) {
            printf("snowball %-6s %8zu words  %12.0f words/s\n", snowball, wl.n, theirs);
            printf("ratio izde/snowball %.2f\n", ours / theirs);
        }
#endif
    }
#ifdef IZDE_HAVE_LIBSTEMMER
    if (sb)
        sb_stemmer_delete(sb);
#endif
    (void)theirs;
    printf("checksum %zu\n", sink);
    free(wl.text);
    free(wl.w);
    free(wl.len);
    izde_stemmer_free(st);
    return status;
}
