/* meta_main.c - izde-meta: the metadata read out of each article, one JSON object per line. */
#include "extract/article.h"
#include "extract/extract.h"

#include "common/cli.h"
#include "analysis/version.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: izde-meta [--explain] FILE...\n"
            "\n"
            "Reads each journal article (PDF, DOCX, ODT, EPUB, HTML or text) and writes\n"
            "what it prints about itself as one JSON object per line, in the order of\n"
            "the files: id (the file name without directory and extension), path, lang,\n"
            "title, authors (name, affiliation, email), udc, doi, year, journal, issue,\n"
            "abstract, keywords (each per language: ky, ru, en), pages (first, last),\n"
            "references (entries in the reference list). A field the article does not\n"
            "print is left out, never guessed.\n"
            "\n"
            "  -e, --explain    add \"where\": the page and line each field was read from\n"
            "                   (pages are counted from 1 in the file, lines within a page)\n"
            "  -h, --help       show this help\n"
            "  -V, --version    show the version\n"
            "\n"
            "exit status:\n"
            "  0   every file was read\n"
            "  1   a file could not be read (named on stderr; the others are still printed)\n"
            "  2   usage error\n");
}

enum { OPT_EXPLAIN = 1, OPT_HELP, OPT_VERSION };

static const struct izde_cli_option options[] = {
    { "explain", 'e', IZDE_CLI_FLAG, OPT_EXPLAIN },
    { "help", 'h', IZDE_CLI_FLAG, OPT_HELP },
    { "version", 'V', IZDE_CLI_FLAG, OPT_VERSION },
    { NULL, 0, 0, 0 },
};

/* The file name without its directory and extension (".txt.gz" too). */
static char *stem_of(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t n = strlen(b);
    if (n > 3 && strcmp(b + n - 3, ".gz") == 0)
        n -= 3;
    for (size_t i = n; i-- > 1;)
        if (b[i] == '.') {
            n = i;
            break;
        }
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, b, n);
        s[n] = '\0';
    }
    return s;
}

int main(int argc, char **argv)
{
    const char *v;
    int explain = 0, id;
    struct izde_cli cli;
    izde_cli_init(&cli, argc, argv, "izde-meta", options, 0);
    char **files = calloc((size_t)argc + 1, sizeof(char *));
    size_t nfiles = 0;
    if (!files) {
        fprintf(stderr, "izde-meta: out of memory\n");
        return 1;
    }
    while ((id = izde_cli_next(&cli, &v)) != IZDE_CLI_END) {
        switch (id) {
        case OPT_EXPLAIN:
            explain = 1;
            break;
        case OPT_HELP:
            usage(stdout);
            free(files);
            return 0;
        case OPT_VERSION:
            izde_version_print(stdout, "izde-meta");
            free(files);
            return 0;
        case IZDE_CLI_OPERAND:
            files[nfiles++] = (char *)v;
            break;
        default:
            free(files);
            return 2;
        }
    }
    if (nfiles == 0) {
        fprintf(stderr, "izde-meta: no FILE given (see izde-meta --help)\n");
        free(files);
        return 2;
    }
    struct ix_extract x;
    ix_extract_init(&x);
    struct izde_article a;
    izde_article_init(&a);
    struct izde_buf out;
    izde_buf_init(&out);
    int failed = 0;
    for (size_t i = 0; i < nfiles; i++) {
        const char *path = files[i];
        struct ix_outcome o;
        izde_status_t rc = ix_extract_file(&x, path, (size_t)256 << 20, &o);
        if (rc != IZDE_OK || o.fate != IX_FATE_INDEXED) {
            fprintf(stderr, "izde-meta: %s: %s\n", path, o.why ? o.why : izde_status_str(rc));
            free(o.why);
            failed = 1;
            continue;
        }
        rc = izde_article_read(x.text.p ? x.text.p : "", x.text.len, &a);
        char *stem = stem_of(path);
        izde_buf_clear(&out);
        if (rc == IZDE_OK)
            rc = stem ? izde_article_json(&a, stem, path, explain, &out) : IZDE_ERR_NOMEM;
        free(stem);
        if (rc != IZDE_OK) {
            fprintf(stderr, "izde-meta: %s: %s\n", path, izde_status_str(rc));
            failed = 1;
            continue;
        }
        fwrite(out.p, 1, out.len, stdout);
        putchar('\n');
    }
    izde_buf_release(&out);
    izde_article_release(&a);
    ix_extract_release(&x);
    free(files);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "izde-meta: cannot write the output\n");
        return 1;
    }
    return failed;
}
