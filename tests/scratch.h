/* scratch.h - a test's scratch folder: made under $TMPDIR (or /tmp) at the start, removed whole at the end.
 * A test that includes it defines _XOPEN_SOURCE 700 before any system header (nftw). */
#ifndef IZDE_TEST_SCRATCH_H
#define IZDE_TEST_SCRATCH_H

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

/* The folder, once scratch_make succeeded. */
static char tmpdir[512];

/* Makes tmpdir as $TMPDIR/izde-NAME-XXXXXX; 0, or -1 after saying why. */
static inline int scratch_make(const char *name)
{
    const char *base = getenv("TMPDIR");
    if (!base || !*base)
        base = "/tmp";
    snprintf(tmpdir, sizeof tmpdir, "%s/izde-%s-XXXXXX", base, name);
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return -1;
    }
    return 0;
}

static inline int scratch_remove_entry(const char *path, const struct stat *sb, int type,
                                       struct FTW *ftw)
{
    (void)sb;
    (void)type;
    (void)ftw;
    return remove(path);
}

/* Removes tmpdir and everything in it. */
static inline void scratch_remove(void)
{
    nftw(tmpdir, scratch_remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

#endif
