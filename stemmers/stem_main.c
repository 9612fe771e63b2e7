/* stem_main.c - izde-stem: one word per line in, one stem per line out. */
#include "stemmers/stemmer.h"

#include "common/cli.h"
#include "izde_version.h"

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
            "  -l, --lang LANG  language code:");
    for (const char *const *l = izde_stemmer_languages(); *l; l++)
        fprintf(f, " %s", *l);
    fprintf(f, "\n"
               "  -h, --help       show this help\n"
               "  -V, --version    show the version and each stemmer's rules version\n"
               "\n"
               "exit status:\n"
               "  0   fine\n"
               "  1   failed while running\n"
               "  2   usage error\n");
}

static void version(void)
{
    printf("izde-stem %s\nrules:", IZDE_VERSION);
    for (const char *const *l = izde_stemmer_languages(); *l; l++) {
        izde_stemmer_t *st = NULL;
        if (izde_stemmer_new(*l, &st) == IZDE_OK)
            printf(" %s=%u", *l, izde_stemmer_version(st));
        izde_stemmer_free(st);
    }
    putchar('\n');
}

enum { OPT_LANG = 1, OPT_HELP, OPT_VERSION };

static const struct izde_cli_option options[] = {
    { "lang", 'l', IZDE_CLI_VALUE, OPT_LANG },
    { "help", 'h', IZDE_CLI_FLAG, OPT_HELP },
    { "version", 'V', IZDE_CLI_FLAG, OPT_VERSION },
    { NULL, 0, 0, 0 },
};

int main(int argc, char **argv)
{
    const char *lang = NULL, *v;
    struct izde_cli cli;
    izde_cli_init(&cli, argc, argv, "izde-stem", options, 0);
    int id;
    while ((id = izde_cli_next(&cli, &v)) != IZDE_CLI_END) {
        switch (id) {
        case OPT_LANG:
            lang = v;
            break;
        case OPT_HELP:
            usage(stdout);
            return 0;
        case OPT_VERSION:
            version();
            return 0;
        case IZDE_CLI_OPERAND:
            fprintf(stderr, "izde-stem: unexpected argument '%s': words come on standard input "
                            "(see izde-stem --help)\n", v);
            return 2;
        default:
            return 2;
        }
    }
    if (!lang) {
        fprintf(stderr, "izde-stem: missing --lang (see izde-stem --help)\n");
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
