/* xapian_floor.c - how fast Xapian alone takes pre-tokenized text through our binding: the floor Izde's indexing speed is measured against. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <errno.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "latency.h"
#include "index/schema.h"
#include "index/xapian_binding.h"

static const char usage[] =
    "usage: xapian_floor --db DIR [options] PATH...\n"
    "\n"
    "Reads every .txt file under each PATH into memory, lowercases it (ASCII\n"
    "and Cyrillic, in C) and splits it on whitespace, then times only the\n"
    "writing: one document per file through izde_wdb_* (each word a posting\n"
    "with its position, the path as id term and data), a commit every N\n"
    "documents, on one thread. Prints: docs= bytes= tokens= secs= mb_s=\n"
    "docs_s=\n"
    "\n"
    "  --db DIR           database to create (replaced if it exists)\n"
    "  --no-positions     add words as plain terms, without positions\n"
    "  --commit-docs N    commit after N documents (default 2000, as izde-index)\n"
    "  -h, --help         show this help\n";

struct doc {
    char *path;
    char *text;             /* lowercased, whitespace turned into NULs */
    size_t len;
};

static struct doc *docs;
static size_t ndocs, capdocs;

static int add_file(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    size_t n = strlen(path);
    if (type != FTW_F || n < 4 || strcmp(path + n - 4, ".txt") != 0)
        return 0;
    if (ndocs == capdocs) {
        capdocs = capdocs ? capdocs * 2 : 4096;
        struct doc *grown = realloc(docs, capdocs * sizeof(*grown));
        if (!grown)
            return -1;
        docs = grown;
    }
    docs[ndocs].path = strdup(path);
    return docs[ndocs++].path ? 0 : -1;
}

static int cmp_doc(const void *a, const void *b)
{
    return strcmp(((const struct doc *)a)->path, ((const struct doc *)b)->path);
}

/* Lowercases ASCII and Cyrillic (U+0400-04FF) in place: every mapping
 * keeps the byte length, so no copy is needed. */
static void lowercase(unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c >= 'A' && c <= 'Z') {
            s[i] = (unsigned char)(c + 32);
        } else if ((c == 0xD0 || c == 0xD2 || c == 0xD3) && i + 1 < len) {
            unsigned cp = ((unsigned)(c & 0x1F) << 6) | (s[i + 1] & 0x3Fu);
            if (cp >= 0x400 && cp <= 0x40F)
                cp += 0x50;             /* Ѐ..Џ */
            else if (cp >= 0x410 && cp <= 0x42F)
                cp += 0x20;             /* А..Я */
            else if (cp >= 0x460 && cp <= 0x4FF && cp % 2 == 0)
                cp += 1;                /* paired letters: Ң, Ү, Ө, ... */
            s[i] = (unsigned char)(0xC0 | (cp >> 6));
            s[i + 1] = (unsigned char)(0x80 | (cp & 0x3F));
            i++;
        }
    }
}

static int read_doc(struct doc *d)
{
    FILE *f = fopen(d->path, "rb");
    if (!f)
        return -1;
    size_t cap = 8192, len = 0;
    char *p = malloc(cap);
    size_t got;
    while (p && (got = fread(p + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            char *grown = realloc(p, cap *= 2);
            if (!grown) {
                free(p);
                p = NULL;
                break;
            }
            p = grown;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (!p || bad) {
        free(p);
        return -1;
    }
    lowercase((unsigned char *)p, len);
    for (size_t i = 0; i < len; i++)
        if (p[i] == ' ' || p[i] == '\n' || p[i] == '\t' || p[i] == '\r')
            p[i] = '\0';
    d->text = p;
    d->len = len;
    return 0;
}

int main(int argc, char **argv)
{
    const char *dbpath = NULL;
    int positions = 1;
    unsigned long commit_docs = 2000;
    int first_path = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (strcmp(a, "--db") == 0 && i + 1 < argc) {
            dbpath = argv[++i];
        } else if (strcmp(a, "--no-positions") == 0) {
            positions = 0;
        } else if (strcmp(a, "--commit-docs") == 0 && i + 1 < argc) {
            commit_docs = strtoul(argv[++i], NULL, 10);
        } else if (a[0] != '-') {
            first_path = i;
            break;
        } else {
            fprintf(stderr, "xapian_floor: bad argument '%s'\ntry 'xapian_floor --help'\n", a);
            return 2;
        }
    }
    if (!dbpath || !first_path || commit_docs == 0) {
        fprintf(stderr, "xapian_floor: give --db and PATH\ntry 'xapian_floor --help'\n");
        return 2;
    }
    for (int i = first_path; i < argc; i++)
        if (nftw(argv[i], add_file, 32, FTW_PHYS) != 0) {
            fprintf(stderr, "xapian_floor: error: cannot walk '%s': %s\n", argv[i],
                    strerror(errno));
            return 1;
        }
    qsort(docs, ndocs, sizeof(*docs), cmp_doc);
    uint64_t bytes = 0;
    for (size_t i = 0; i < ndocs; i++) {
        if (read_doc(&docs[i]) != 0) {
            fprintf(stderr, "xapian_floor: error: cannot read '%s': %s\n", docs[i].path,
                    strerror(errno));
            return 1;
        }
        bytes += docs[i].len;
    }

    izde_wdb_t *db = NULL;
    char *errmsg = NULL;
    uint64_t tokens = 0;
    double t0 = bench_now();
    izde_status_t rc = izde_wdb_open(dbpath, IZDE_WDB_OVERWRITE | IZDE_WDB_NO_SYNC, &db, &errmsg);
    if (rc != IZDE_OK) {
        fprintf(stderr, "xapian_floor: error: cannot open database '%s': %s\n", dbpath,
                errmsg ? errmsg : izde_status_str(rc));
        free(errmsg);
        return 1;
    }
    for (size_t i = 0; i < ndocs && rc == IZDE_OK; i++) {
        const struct doc *d = &docs[i];
        rc = izde_wdb_begin_doc(db);
        uint32_t pos = 0;
        for (size_t at = 0; at < d->len && rc == IZDE_OK;) {
            if (d->text[at] == '\0') {
                at++;
                continue;
            }
            size_t n = strlen(d->text + at);
            if (n <= IZDE_MAX_TERM_LEN) {
                rc = positions ? izde_wdb_add_posting(db, d->text + at, n, ++pos)
                               : izde_wdb_add_term(db, d->text + at, n, 1);
                tokens++;
            }
            at += n;
        }
        size_t plen = strlen(d->path);
        if (rc == IZDE_OK)
            rc = izde_wdb_set_data(db, d->path, plen);
        /* The id term "Q" + path, as izde-index makes it (paths here are
         * short enough not to need hashing). */
        char idterm[IZDE_MAX_TERM_LEN + 1];
        idterm[0] = IZDE_PREFIX_ID[0];
        size_t idlen = plen < IZDE_MAX_TERM_LEN - 1 ? plen : IZDE_MAX_TERM_LEN - 1;
        memcpy(idterm + 1, d->path, idlen);
        if (rc == IZDE_OK)
            rc = izde_wdb_end_doc(db, idterm, idlen + 1, NULL);
        if (rc == IZDE_OK && (i + 1) % commit_docs == 0)
            rc = izde_wdb_commit(db);
    }
    if (rc != IZDE_OK)
        fprintf(stderr, "xapian_floor: error: writing '%s': %s\n", dbpath, izde_wdb_errmsg(db));
    izde_status_t crc = izde_wdb_close(db);
    double secs = bench_now() - t0;
    if (rc == IZDE_OK && crc != IZDE_OK) {
        fprintf(stderr, "xapian_floor: error: committing '%s': %s\n", dbpath,
                izde_status_str(crc));
        rc = crc;
    }
    if (rc == IZDE_OK)
        printf("docs=%zu bytes=%llu tokens=%llu positions=%d secs=%.2f mb_s=%.2f docs_s=%.0f\n",
               ndocs, (unsigned long long)bytes, (unsigned long long)tokens, positions, secs,
               (double)bytes / 1e6 / secs, (double)ndocs / secs);
    for (size_t i = 0; i < ndocs; i++) {
        free(docs[i].path);
        free(docs[i].text);
    }
    free(docs);
    return rc == IZDE_OK ? 0 : 1;
}
