/* test_default_db.c - the index used without --db: IZDE_DB, then XDG_DATA_HOME, then ~/.local/share. */
#include <stdlib.h>

#include "common/default_db.h"
#include "harness.h"

static void expect(const char *want, enum izde_db_origin want_origin)
{
    char *path = NULL;
    enum izde_db_origin origin = IZDE_DB_FROM_OPTION;
    CHECK_INT(izde_default_db(&path, &origin), IZDE_OK);
    CHECK_STR(path, want);
    CHECK_INT(origin, want_origin);
    free(path);
}

int main(void)
{
    setenv("HOME", "/home/librarian", 1);
    unsetenv("IZDE_DB");
    unsetenv("XDG_DATA_HOME");
    expect("/home/librarian/.local/share/izde/default", IZDE_DB_FROM_XDG);
    setenv("XDG_DATA_HOME", "/srv/data", 1);
    expect("/srv/data/izde/default", IZDE_DB_FROM_XDG);
    /* A relative XDG_DATA_HOME is ignored, as the XDG spec says. */
    setenv("XDG_DATA_HOME", "data", 1);
    expect("/home/librarian/.local/share/izde/default", IZDE_DB_FROM_XDG);
    setenv("IZDE_DB", "/srv/izde.db", 1);
    expect("/srv/izde.db", IZDE_DB_FROM_ENV);
    /* An empty IZDE_DB counts as unset. */
    setenv("IZDE_DB", "", 1);
    expect("/home/librarian/.local/share/izde/default", IZDE_DB_FROM_XDG);
    unsetenv("HOME");
    unsetenv("XDG_DATA_HOME");
    char *path = (char *)"x";
    enum izde_db_origin origin;
    CHECK_INT(izde_default_db(&path, &origin), IZDE_ERR_NOT_FOUND);
    CHECK(path == NULL);
    CHECK_STR(izde_db_origin_str(IZDE_DB_FROM_ENV), "IZDE_DB");
    return harness_finish();
}
