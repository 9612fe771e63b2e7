/* swap_race.c - LD_PRELOAD shim: a swap's last step (removing DIR/iamglass) lands between Xapian's look at that file and its opening of it. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

/* Xapian has seen IZDE_RACE_DIR/iamglass, so it opens the database as
 * glass; the file goes just before it is opened, as a swap of
 * izde-index's removes it (indexer/dbdir.c). Once: after that Xapian no
 * longer sees the file. */
int open(const char *path, int flags, ...)
{
    static int (*real_open)(const char *, int, ...);
    if (!real_open)
        real_open = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
    mode_t mode = 0;
    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = (mode_t)va_arg(ap, int);
        va_end(ap);
    }
    const char *dir = getenv("IZDE_RACE_DIR");
    char marker[4096];
    if (dir && (size_t)snprintf(marker, sizeof(marker), "%s/iamglass", dir) < sizeof(marker) &&
        strcmp(path, marker) == 0)
        unlink(marker);
    return real_open(path, flags, mode);
}
