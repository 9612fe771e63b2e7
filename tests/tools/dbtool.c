/* dbtool.c - test helper: holds a database's write lock, or rewrites its metadata. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "index/xapian_binding.h"

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: dbtool hold DB | dbtool set-meta DB KEY VALUE\n");
        return 2;
    }
    izde_wdb_t *db;
    char *err = NULL;
    izde_status_t rc = izde_wdb_open(argv[2], IZDE_WDB_CREATE_OR_OPEN, &db, &err);
    if (rc != IZDE_OK) {
        fprintf(stderr, "dbtool: %s\n", err ? err : izde_status_str(rc));
        free(err);
        return 1;
    }
    if (strcmp(argv[1], "hold") == 0) {
        /* Holds the lock until stdin closes, so a shell test decides when. */
        printf("locked\n");
        fflush(stdout);
        while (getchar() != EOF)
            ;
    } else if (strcmp(argv[1], "set-meta") == 0 && argc == 5) {
        rc = izde_wdb_set_metadata(db, argv[3], argv[4], strlen(argv[4]));
    } else {
        rc = IZDE_ERR_INVALID;
    }
    izde_status_t crc = izde_wdb_close(db);
    return rc == IZDE_OK && crc == IZDE_OK ? 0 : 1;
}
