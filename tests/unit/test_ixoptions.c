/* test_ixoptions.c - unit tests of izde-index's command line (indexer/options.c): values, checks, defaults. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "common/diag.h"
#include "indexer/memmodel.h"
#include "indexer/options.h"

/* Parses the NULL-ended arguments after the program name into o. */
static int parse(struct ix_options *o, const char *const *args)
{
    static char *argv[32];
    int argc = 0;
    argv[argc++] = "izde-index";
    for (; *args && argc < 31; args++)
        argv[argc++] = (char *)*args;
    argv[argc] = NULL;
    ix_options_init(o);
    return ix_options_parse(o, argc, argv);
}

static void test_values(void)
{
    struct ix_options o;
    static const char *const a1[] = { "--db", "/d", "-j", "3", "--shards", "2", "--log=L",
                                      "--max-size", "10", "--max-memory", "64",
                                      "--commit-docs", "7", "-q", "/x", "/y", NULL };
    CHECK_INT(parse(&o, a1), -1);
    CHECK_STR(o.db_path, "/d");
    CHECK_INT(o.jobs, 3);
    CHECK_INT(o.shards, 2);
    CHECK_INT(o.full, 1);       /* --shards builds afresh */
    CHECK_STR(o.log_path, "L");
    CHECK_INT(o.max_file_bytes, (size_t)10 << 20);
    CHECK_INT(o.max_memory, (size_t)IX_MEM_MIN_MB << 20);
    CHECK_INT(o.commit_docs, 7);
    CHECK_INT(o.quiet, 1);
    CHECK_INT(o.npaths, 2);
    if (o.npaths == 2) {
        CHECK_STR(o.paths[0], "/x");
        CHECK_STR(o.paths[1], "/y");
    }
    ix_options_release(&o);

    static const char *const a2[] = { "--db", "/d", "--forget", "/old", "--forget", "/gone",
                                      NULL };
    CHECK_INT(parse(&o, a2), -1);
    CHECK_INT(o.nforget, 2);
    CHECK_INT(o.npaths, 0);
    ix_options_release(&o);

    /* --update and --full need no PATH. */
    static const char *const a3[] = { "--db", "/d", "--update", NULL };
    CHECK_INT(parse(&o, a3), -1);
    CHECK_INT(o.update, 1);
    ix_options_release(&o);
}

static void test_defaults(void)
{
    struct ix_options o;
    ix_options_init(&o);
    CHECK_INT(o.max_file_bytes, (size_t)256 << 20);
    CHECK_INT(o.commit_docs, 2000);
    CHECK_INT(o.max_memory, (size_t)IX_MEM_DEFAULT_MB << 20);
    CHECK(o.jobs >= 1 && o.jobs <= 64);
    CHECK(o.db_path == NULL && o.shards == 0 && !o.full && !o.quiet);

    /* Without --db: $IZDE_DB. */
    setenv("IZDE_DB", "/env/index", 1);
    static const char *const a[] = { "/x", NULL };
    CHECK_INT(parse(&o, a), -1);
    CHECK_STR(o.db_path, "/env/index");
    ix_options_release(&o);
    unsetenv("IZDE_DB");
}

static void test_usage_errors(void)
{
    const char *const *const cases[] = {
        (const char *const[]){ "--db", "/d", NULL },                         /* no PATH */
        (const char *const[]){ "--db", "/d", "--forget", "/a", "/b", NULL },  /* not alone */
        (const char *const[]){ "--db", "/d", "--forget", "/a", "--update", NULL },
        (const char *const[]){ "--db", "/d", "--max-memory", "63", "/x", NULL },
        (const char *const[]){ "--db", "/d", "--shards", "17", "/x", NULL },
        (const char *const[]){ "--db", "/d", "-j", "0", "/x", NULL },
        (const char *const[]){ "--db", "/d", "-j", "257", "/x", NULL },
        (const char *const[]){ "--db", "/d", "--commit-docs", "0", "/x", NULL },
        (const char *const[]){ "--db", "/d", "--max-size", "x", "/x", NULL },
        (const char *const[]){ "--db", "/d", "--no-such", "/x", NULL },
        NULL,
    };
    for (int i = 0; cases[i]; i++) {
        struct ix_options o;
        int got = parse(&o, cases[i]);
        if (got != IZDE_EXIT_USAGE)
            fprintf(stderr, "%s:%d: case %d: expected exit %d got %d\n", __FILE__, __LINE__, i,
                    IZDE_EXIT_USAGE, got);
        CHECK(got == IZDE_EXIT_USAGE);
        ix_options_release(&o);
    }
}

int main(void)
{
    izde_diag_init("izde-index");
    test_values();
    test_defaults();
    test_usage_errors();
    return harness_finish();
}
