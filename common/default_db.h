/* default_db.h - which index a program uses when no --db is given: $IZDE_DB, else the user's default under $XDG_DATA_HOME. */
#ifndef IZDE_DEFAULT_DB_H
#define IZDE_DEFAULT_DB_H

#include "common/status.h"

/* Where the default index comes from, for -v and messages. */
enum izde_db_origin {
    IZDE_DB_FROM_OPTION,    /* --db */
    IZDE_DB_FROM_ENV,       /* $IZDE_DB */
    IZDE_DB_FROM_XDG,       /* $XDG_DATA_HOME/izde/default, or ~/.local/share/izde/default */
};

/* Sets *path (malloc'ed; the caller frees) to $IZDE_DB when it is set and
 * not empty, else to $XDG_DATA_HOME/izde/default (~/.local/share/izde/default
 * without XDG_DATA_HOME, as the XDG base directory spec says), and *origin
 * to where it came from. The folder need not exist.
 * Returns IZDE_OK, IZDE_ERR_NOT_FOUND (neither variable nor HOME is set),
 * or IZDE_ERR_NOMEM. */
izde_status_t izde_default_db(char **path, enum izde_db_origin *origin);

/* "--db", "IZDE_DB" or "XDG_DATA_HOME": how to name an origin to the user. */
const char *izde_db_origin_str(enum izde_db_origin origin);

#endif
