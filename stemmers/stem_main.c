/* stem_main.c - izde-stem: one word per line in, one stem per line out. */
#include "stemmer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: izde-stem --lang LANG < words > stems\n"
            "\n"
            "Reads one case-folded UTF-8 word per line and writes exactly one stem\n"
            "per line, in the same order.\n"
            "\n"
            "  --lang LANG   language code:");
    for (const char *const *l = izde_stemmer_languages(); *l; l++)
        fprintf(f, " %s", *l);
    fprintf(f, "\n  --help        show this help\n\nexit status: 0 fine, 1 failure, 2 usage\n");
}

int main(int argc, char **argv)
{
    const char *lang = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            lang = argv[++i];
        } else if (strncmp(argv[i], "--lang=", 7) == 0) {
            lang = argv[i] + 7;
        } else {
            fprintf(stderr, "izde-stem: unknown option '%s'\ntry 'izde-stem --help'\n", argv[i]);
            return 2;
        }
    }
    if (!lang) {
        fprintf(stderr, "izde-stem: missing --lang\ntry 'izde-stem --help'\n");
        return 2;
    }
    izde_stemmer_t *st;
    izde_status_t rc = izde_stemmer_new(lang, &st);
    if (rc != IZDE_OK) {
        fprintf(stderr, "izde-stem: error: cannot create stemmer '%s': %s\n", lang,
                izde_status_str(rc));
        return rc == IZDE_ERR_UNSUPPORTED ? 2 : 1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int status = 0;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        size_t len = (size_t)n;
        if (len && line[len - 1] == '\n')
            len--;
        if (len && line[len - 1] == '\r')
            len--;
        size_t slen;
        const char *s = izde_stemmer_stem(st, line, len, &slen);
        if (!s) {
            fprintf(stderr, "izde-stem: error: out of memory\n");
            status = 1;
            break;
        }
        fwrite(s, 1, slen, stdout);
        putchar('\n');
    }
    free(line);
    izde_stemmer_free(st);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "izde-stem: error: cannot write output\n");
        return 1;
    }
    return status;
}
