/* default_db.c - the index used without --db. */
#include "common/default_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static izde_status_t join(const char *base, const char *rest, char **path)
{
    size_t n = strlen(base) + strlen(rest) + 1;
    *path = malloc(n);
    if (!*path)
        return IZDE_ERR_NOMEM;
    snprintf(*path, n, "%s%s", base, rest);
    return IZDE_OK;
}

izde_status_t izde_default_db(char **path, enum izde_db_origin *origin)
{
    *path = NULL;
    const char *env = getenv("IZDE_DB");
    if (env && *env) {
        *origin = IZDE_DB_FROM_ENV;
        return join(env, "", path);
    }
    *origin = IZDE_DB_FROM_XDG;
    /* The spec says a relative XDG_DATA_HOME is invalid and to be ignored. */
    const char *xdg = getenv("XDG_DATA_HOME");
    if (xdg && xdg[0] == '/')
        return join(xdg, "/izde/default", path);
    const char *home = getenv("HOME");
    if (!home || !*home)
        return IZDE_ERR_NOT_FOUND;
    return join(home, "/.local/share/izde/default", path);
}

const char *izde_db_origin_str(enum izde_db_origin origin)
{
    switch (origin) {
    case IZDE_DB_FROM_OPTION:
        return "--db";
    case IZDE_DB_FROM_ENV:
        return "IZDE_DB";
    case IZDE_DB_FROM_XDG:
        return "XDG_DATA_HOME";
    }
    return "?";
}
