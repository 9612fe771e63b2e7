/* dbdir.c - the index directory: izde-index's lock, its layout, and swapping in a new database. */
#include "indexer/indexer.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define LOCK_NAME "izde-index.pid"
#define STUB_NAME "XAPIANDB"
#define STUB_TMP_NAME "XAPIANDB.tmp"

/* Xapian's messages and the directory's own end in the strerror text of
 * errno: the one way to tell a full disk from other database errors. */
int ix_is_no_space(const char *msg)
{
    return msg && strstr(msg, strerror(ENOSPC)) != NULL;
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static izde_status_t io_error(char **errmsg, const char *what, const char *path)
{
    if (errmsg) {
        struct izde_buf b = IZDE_BUF_INIT;
        izde_buf_addf(&b, "cannot %s '%s': %s", what, path, strerror(errno));
        *errmsg = izde_buf_detach(&b, NULL);
    }
    return IZDE_ERR_IO;
}

static int exists(const char *dir, const char *name)
{
    char *p = join(dir, name);
    struct stat st;
    int r = p && stat(p, &st) == 0;
    free(p);
    return r;
}

/* Whether fd is the file now named path. */
static int same_file(int fd, const char *path)
{
    struct stat a, b;
    return fstat(fd, &a) == 0 && stat(path, &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

int ix_dbdir_has_index(const char *dir)
{
    return exists(dir, "iamglass") || exists(dir, STUB_NAME);
}

/* Glass's own files, for removing a database that lived in DIR itself. */
static int is_glass_file(const char *name)
{
    size_t n = strlen(name);
    return strcmp(name, "iamglass") == 0 || strcmp(name, "flintlock") == 0 ||
           (n > 6 && strcmp(name + n - 6, ".glass") == 0);
}

int ix_remove_dbtree(const char *path)
{
    DIR *dh = opendir(path);
    if (!dh)
        return errno == ENOENT ? 0 : -1;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(dh)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *p = join(path, e->d_name);
        if (!p || unlink(p) != 0)
            rc = -1;
        free(p);
    }
    closedir(dh);
    if (rmdir(path) != 0)
        rc = -1;
    return rc;
}

/* Reads the generation the stub names ("glass gen-N"); 0 if unreadable. */
static unsigned read_stub(const char *dir)
{
    char *p = join(dir, STUB_NAME);
    FILE *f = p ? fopen(p, "r") : NULL;
    unsigned gen = 0;
    if (f) {
        if (fscanf(f, "glass gen-%u", &gen) != 1)
            gen = 0;
        fclose(f);
    }
    free(p);
    return gen;
}

/* Removes what an interrupted swap or cleanup left: stale generations,
 * a half-written stub, and a glass database in DIR that a stub replaced.
 * Scratch directories stay: an interrupted --full resumes in "build". */
static void tidy(struct ix_dbdir *d)
{
    DIR *dh = opendir(d->dir);
    if (!dh)
        return;
    struct dirent *e;
    while ((e = readdir(dh)) != NULL) {
        unsigned g;
        char *p = join(d->dir, e->d_name);
        if (!p)
            break;
        if (sscanf(e->d_name, "gen-%u", &g) == 1 && (!d->stub || g != d->gen))
            ix_remove_dbtree(p);
        else if (strcmp(e->d_name, STUB_TMP_NAME) == 0)
            unlink(p);
        else if (d->stub && is_glass_file(e->d_name))
            unlink(p);
        else if (!d->stub && strcmp(e->d_name, STUB_NAME) == 0)
            unlink(p);
        free(p);
    }
    closedir(dh);
}

izde_status_t ix_dbdir_lock(struct ix_dbdir *d, const char *dir, char **errmsg)
{
    memset(d, 0, sizeof(*d));
    d->lock_fd = -1;
    if (errmsg)
        *errmsg = NULL;
    d->dir = strdup(dir);
    if (!d->dir)
        return IZDE_ERR_NOMEM;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return io_error(errmsg, "create database directory", dir);
    char *lock = join(dir, LOCK_NAME);
    if (!lock)
        return IZDE_ERR_NOMEM;
    int fd;
relock:
    fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) {
        izde_status_t rc = io_error(errmsg, "open lock file", lock);
        free(lock);
        return rc;
    }
    /* flock: released by the kernel when the holder dies, even by kill -9,
     * so a stale pid file never blocks the next run. */
    int locked = flock(fd, LOCK_EX | LOCK_NB) == 0;
    if (locked && !same_file(fd, lock)) {
        /* The holder removed the file between our open and our flock (see
         * ix_dbdir_unlock): this lock guards nothing, take the new file. */
        close(fd);
        goto relock;
    }
    if (!locked) {
        int err = errno;
        char pid[32] = "";
        ssize_t n = pread(fd, pid, sizeof(pid) - 1, 0);
        pid[n > 0 ? n : 0] = '\0';
        pid[strcspn(pid, "\n")] = '\0';
        close(fd);
        free(lock);
        if (err != EWOULDBLOCK) {
            errno = err;
            return io_error(errmsg, "lock", dir);
        }
        if (errmsg) {
            struct izde_buf b = IZDE_BUF_INIT;
            if (*pid)
                izde_buf_addf(&b, "database is locked by izde-index process %s", pid);
            else
                izde_buf_addf(&b, "database is locked by another izde-index");
            *errmsg = izde_buf_detach(&b, NULL);
        }
        return IZDE_ERR_DB_LOCKED;
    }
    char pid[32];
    int n = snprintf(pid, sizeof(pid), "%ld\n", (long)getpid());
    if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)n, 0) != n) {
        izde_status_t rc = io_error(errmsg, "write lock file", lock);
        close(fd);
        free(lock);
        return rc;
    }
    free(lock);
    d->lock_fd = fd;
    /* Xapian opens DIR as glass while DIR/iamglass exists, else DIR/XAPIANDB
     * as a stub: the same test decides the layout here. */
    if (!exists(dir, "iamglass") && exists(dir, STUB_NAME)) {
        d->gen = read_stub(dir);
        d->stub = d->gen != 0;
    }
    tidy(d);
    return IZDE_OK;
}

void ix_dbdir_unlock(struct ix_dbdir *d)
{
    if (d->lock_fd >= 0) {
        /* The pid file goes while still locked, and only if it is still
         * ours; a run that opened it just before takes its flock after
         * this, sees the name gone (same_file) and locks a new file. */
        char *lock = join(d->dir, LOCK_NAME);
        if (lock && same_file(d->lock_fd, lock))
            unlink(lock);
        free(lock);
        close(d->lock_fd);
    }
    free(d->dir);
    memset(d, 0, sizeof(*d));
    d->lock_fd = -1;
}

char *ix_dbdir_live(const struct ix_dbdir *d)
{
    if (!d->stub)
        return strdup(d->dir);
    char name[32];
    snprintf(name, sizeof(name), "gen-%u", d->gen);
    return join(d->dir, name);
}

char *ix_dbdir_scratch(const struct ix_dbdir *d, const char *name)
{
    return join(d->dir, name);
}

static int fsync_path(const char *path, int flags)
{
    int fd = open(path, flags | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int r = fsync(fd);
    close(fd);
    return r;
}

/* fsyncs every file of a flat database directory, then the directory. */
static int sync_tree(const char *path)
{
    DIR *dh = opendir(path);
    if (!dh)
        return -1;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(dh)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *p = join(path, e->d_name);
        if (!p || fsync_path(p, O_RDONLY) != 0)
            rc = -1;
        free(p);
    }
    closedir(dh);
    if (fsync_path(path, O_RDONLY | O_DIRECTORY) != 0)
        rc = -1;
    return rc;
}

izde_status_t ix_dbdir_swap(struct ix_dbdir *d, const char *newdb, char **errmsg)
{
    if (errmsg)
        *errmsg = NULL;
    unsigned gen = d->gen + 1;
    char name[32];
    snprintf(name, sizeof(name), "gen-%u", gen);
    char *target = join(d->dir, name);
    char *stub_tmp = join(d->dir, STUB_TMP_NAME);
    char *stub = join(d->dir, STUB_NAME);
    char *old = ix_dbdir_live(d);
    izde_status_t rc = IZDE_OK;
    if (!target || !stub_tmp || !stub || !old) {
        rc = IZDE_ERR_NOMEM;
        goto out;
    }
    /* The new database must be on disk before any name points at it. */
    if (sync_tree(newdb) != 0) {
        rc = io_error(errmsg, "sync", newdb);
        goto out;
    }
    ix_remove_dbtree(target);
    if (rename(newdb, target) != 0) {
        rc = io_error(errmsg, "rename new database to", target);
        goto out;
    }
    FILE *f = fopen(stub_tmp, "w");
    if (!f) {
        rc = io_error(errmsg, "write", stub_tmp);
        goto out;
    }
    int bad = fprintf(f, "glass %s\n", name) < 0;
    bad |= fflush(f) != 0 || fsync(fileno(f)) != 0;
    bad |= fclose(f) != 0;
    if (bad) {
        rc = io_error(errmsg, "write", stub_tmp);
        goto out;
    }
    /* The switch readers see: the stub now names the new generation. */
    if (rename(stub_tmp, stub) != 0) {
        rc = io_error(errmsg, "rename stub to", stub);
        goto out;
    }
    if (!d->stub) {
        /* A glass database in DIR itself wins over the stub until its
         * iamglass goes; removing that file is the switch. */
        char *iam = join(d->dir, "iamglass");
        if (!iam || (unlink(iam) != 0 && errno != ENOENT)) {
            rc = iam ? io_error(errmsg, "remove", iam) : IZDE_ERR_NOMEM;
            free(iam);
            goto out;
        }
        free(iam);
    }
    fsync_path(d->dir, O_RDONLY | O_DIRECTORY);
    d->stub = 1;
    d->gen = gen;
    /* Readers that opened the old database keep their open files; only new
     * opens see the new one. */
    tidy(d);
out:
    free(target);
    free(stub_tmp);
    free(stub);
    free(old);
    return rc;
}
