/* test_extract.c - dispatch and outcomes: each kind of file gets its fate and the reason the indexer prints, and the stored title is decided as before. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extract/extract.h"
#include "harness.h"

static char dir[] = "/tmp/izde-extract-XXXXXX";

/* Writes len bytes to dir/name and returns the path (static). */
static const char *put(const char *name, const char *s, size_t len)
{
    static char path[128];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(s, 1, len, f);
        fclose(f);
    }
    return path;
}

#define PUTS(name, s) put(name, s, sizeof(s) - 1)

/* Extracts path and checks the fate and reason (NULL: indexed). */
static void expect(struct ix_extract *x, const char *path, size_t max, enum ix_fate fate,
                   const char *why, int line)
{
    struct ix_outcome o;
    izde_status_t rc = ix_extract_file(x, path, max, &o);
    if (rc != IZDE_OK || o.fate != fate || (why ? !o.why || strcmp(o.why, why) : o.why != NULL)) {
        harness_failed++;
        fprintf(stderr, "%s:%d: '%s': expected %s '%s' got %s '%s' (status %d)\n", __FILE__,
                line, path, ix_fate_name(fate), why ? why : "", ix_fate_name(o.fate),
                o.why ? o.why : "", (int)rc);
    } else {
        harness_passed++;
    }
    free(o.why);
}

#define EXPECT(x, path, max, fate, why) expect(x, path, max, fate, why, __LINE__)

static void test_fates(struct ix_extract *x)
{
    EXPECT(x, PUTS("empty.txt", ""), 1 << 20, IX_FATE_EMPTY, "empty file");
    EXPECT(x, PUTS("blank.txt", "  \n\n \n"), 1 << 20, IX_FATE_EMPTY,
           "no text in the text document");
    EXPECT(x, PUTS("big.txt", "twenty bytes of text"), 10, IX_FATE_TOO_LARGE,
           "file is larger than --max-size");
    EXPECT(x, PUTS("a.rtf", "{\\rtf1\\ansi hello}"), 1 << 20, IX_FATE_UNSUPPORTED,
           "unsupported format: RTF document");
    char bin[512];
    for (size_t i = 0; i < sizeof(bin); i++)
        bin[i] = (char)(i % 7 == 0 ? 0 : i);
    EXPECT(x, put("a.bin", bin, sizeof(bin)), 1 << 20, IX_FATE_BINARY,
           "binary content, not text");
    char missing[128];
    snprintf(missing, sizeof(missing), "%s/missing.txt", dir);
    EXPECT(x, missing, 1 << 20, IX_FATE_FAILED, "No such file or directory");

    char fifo[128], link[128];
    snprintf(fifo, sizeof(fifo), "%s/fifo.txt", dir);
    CHECK(mkfifo(fifo, 0600) == 0);
    EXPECT(x, fifo, 1 << 20, IX_FATE_CHANGED, "not a regular file any more");
    unlink(fifo);
    const char *target = PUTS("target.txt", "hello");
    snprintf(link, sizeof(link), "%s/link.txt", dir);
    CHECK(symlink(target, link) == 0);
    x->follow_link = 0;
    EXPECT(x, link, 1 << 20, IX_FATE_CHANGED, "became a symbolic link since the scan");
    x->follow_link = 1;
    EXPECT(x, link, 1 << 20, IX_FATE_INDEXED, NULL);
    x->follow_link = 0;
    unlink(link);
    unlink(target);

    EXPECT(x, PUTS("ok.txt", "Салам, дүйнө!\n"), 1 << 20, IX_FATE_INDEXED, NULL);
    CHECK_STRN(x->text.p, x->text.len, "Салам, дүйнө!\n");

    /* Skipped fates are not failures. */
    CHECK(ix_fate_skipped(IX_FATE_EMPTY) && ix_fate_skipped(IX_FATE_TOO_LARGE) &&
          ix_fate_skipped(IX_FATE_UNSUPPORTED) && ix_fate_skipped(IX_FATE_CHANGED));
    CHECK(!ix_fate_skipped(IX_FATE_INDEXED) && !ix_fate_skipped(IX_FATE_BINARY) &&
          !ix_fate_skipped(IX_FATE_FAILED));
    for (int f = 0; f < IX_FATE_COUNT; f++)
        CHECK(strcmp(ix_fate_name((enum ix_fate)f), "unknown fate") != 0);
}

static void test_title(struct ix_extract *x)
{
    const char *t;
    size_t tl;
    /* No title of its own: the first non-empty line, trimmed. */
    EXPECT(x, PUTS("t1.txt", "\n\n   Биринчи сап  \nэкинчи\n"), 1 << 20, IX_FATE_INDEXED, NULL);
    ix_extract_title(x, &t, &tl);
    CHECK_STRN(t, tl, "Биринчи сап");

    /* HTML <title> wins over the first heading, which starts the body. */
    EXPECT(x, PUTS("t2.html", "<html><head><title> Аталышы  </title>"
                              "<meta name=\"author\" content=\"Асанов\"></head>"
                              "<body><h1>Баш сөз</h1><p>Текст.</p></body></html>"),
           1 << 20, IX_FATE_INDEXED, NULL);
    ix_extract_title(x, &t, &tl);
    CHECK_STRN(t, tl, "Аталышы");
    CHECK_STRN(x->author.p, x->author.len, "Асанов");
    /* The header: title, author, an empty line, then the body. */
    CHECK_STRN(x->text.p, x->text.len, "Аталышы\nАсанов\n\nБаш сөз\n\nТекст.");

    /* A first line longer than IX_TITLE_MAX is cut at a character
     * boundary: "a" and then two-byte letters put byte 200 mid-letter. */
    char line[512] = "a";
    for (int i = 0; i < 150; i++)
        strcat(line, "ы");
    strcat(line, "\n");
    EXPECT(x, put("t3.txt", line, strlen(line)), 1 << 20, IX_FATE_INDEXED, NULL);
    ix_extract_title(x, &t, &tl);
    CHECK_INT(tl, IX_TITLE_MAX - 1);
    CHECK(tl > 0 && memcmp(t, line, tl) == 0);
}

/* The one rule that settles every file's outcome, here and in the helper:
 * success leaves no reason; a failure always has a fate and a reason, and a
 * reader's own choice of either is kept. */
static void test_settle(void)
{
    struct ix_outcome o;
    ix_outcome_init(&o);
    o.why = strdup("left over");
    ix_outcome_settle(&o, IZDE_OK);
    CHECK_INT(o.fate, IX_FATE_INDEXED);
    CHECK(o.why == NULL);

    ix_outcome_settle(&o, IZDE_ERR_IO);
    CHECK_INT(o.fate, IX_FATE_FAILED);
    CHECK_STR(o.why, izde_status_str(IZDE_ERR_IO));
    ix_outcome_clear(&o);

    o.fate = IX_FATE_EMPTY;
    o.why = strdup("no text in the PDF document");
    ix_outcome_settle(&o, IZDE_ERR_INVALID);
    CHECK_INT(o.fate, IX_FATE_EMPTY);
    CHECK_STR(o.why, "no text in the PDF document");
    ix_outcome_clear(&o);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    struct ix_extract x;
    ix_extract_init(&x);
    test_fates(&x);
    test_title(&x);
    test_settle();
    ix_extract_release(&x);
    char cmd[160];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", dir);
    return harness_finish();
}
