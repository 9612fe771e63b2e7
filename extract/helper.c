/* helper.c - running the izde-extract helper for one file (posix_spawn, time and memory limits) and taking its answer (wire.h). */
#define _GNU_SOURCE     /* pipe2: a close-on-exec pipe with no window for other threads' spawns */
#include "extract/helper.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "extract/textout.h"
#include "extract/wire.h"

extern char **environ;

static pthread_once_t helper_once = PTHREAD_ONCE_INIT;
static char helper_path[PATH_MAX];

static void find_helper(void)
{
    const char *env = getenv("IZDE_EXTRACT_HELPER");
    if (env && *env) {
        snprintf(helper_path, sizeof(helper_path), "%s", env);
        return;
    }
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    if (n <= 0)
        return;
    self[n] = '\0';
    char *slash = strrchr(self, '/');
    if (!slash)
        return;
    *slash = '\0';
    /* Beside the program in the build tree; under PREFIX/lib/izde once
     * installed (cmake --install, the .deb), where programs that are not run
     * by hand belong. */
    snprintf(helper_path, sizeof(helper_path), "%.*s/izde-extract", PATH_MAX - 20, self);
    if (access(helper_path, X_OK) != 0)
        snprintf(helper_path, sizeof(helper_path), "%.*s/../lib/izde/izde-extract",
                 PATH_MAX - 40, self);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char no_memory[] = "needs more memory than --max-memory allows";

/* The helper's end of its progress pipe (see helper_main.c). */
#define PROGRESS_FD 3
#define PROGRESS_FD_ARG "3"

int ix_ocr_on(const struct ix_extract *x)
{
#ifdef IZDE_HAVE_OCR
    return x->ocr_langs && *x->ocr_langs;
#else
    (void)x;
    return 0;
#endif
}

/* The environment the helper runs in: ours, with Tesseract's OpenMP held to
 * one thread unless the user chose otherwise. The indexer runs a helper per
 * job already; threads inside each only fight over the same cores, and each
 * reserves address space under the helper's memory cap. OpenMP reads the
 * variable when it is loaded, before the helper's main could set it. The
 * array is the caller's to free; its strings are borrowed. */
static char **helper_env(void)
{
    static char omp[] = "OMP_THREAD_LIMIT=1";
    size_t n = 0;
    int has = 0;
    for (char **e = environ; *e; e++, n++)
        if (strncmp(*e, "OMP_THREAD_LIMIT=", 17) == 0)
            has = 1;
    char **env = malloc((n + 2) * sizeof(*env));
    if (!env)
        return NULL;
    memcpy(env, environ, n * sizeof(*env));
    if (!has)
        env[n++] = omp;
    env[n] = NULL;
    return env;
}

/* The pages the helper says it is about to read by OCR: the sum of the
 * "ocr N\n" lines it wrote (its lines are short and come whole). Closes
 * *fd (and sets it to -1) at its end. */
static unsigned take_progress(int *fd)
{
    char buf[256];
    ssize_t n = read(*fd, buf, sizeof(buf) - 1);
    if (n <= 0) {
        if (n == 0 || errno != EINTR) {
            close(*fd);
            *fd = -1;
        }
        return 0;
    }
    buf[n] = '\0';
    unsigned sum = 0;
    for (char *p = buf; (p = strstr(p, "ocr ")) != NULL; p += 4) {
        unsigned long v = strtoul(p + 4, NULL, 10);
        if (v < 100000)
            sum += (unsigned)v;
    }
    return sum;
}

izde_status_t ix_helper_run(struct ix_extract *x, const char *path, const char *format,
                            size_t max_bytes, struct ix_outcome *o)
{
    const char *label = strcmp(format, "pdf") == 0 ? "PDF" : "document";
    pthread_once(&helper_once, find_helper);
    if (!helper_path[0] || access(helper_path, X_OK) != 0)
        return ix_fail(o, IZDE_ERR_UNSUPPORTED,
                       "%s helper 'izde-extract' not found next to this program", label);
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return ix_fail(o, IZDE_ERR_IO, "cannot start the %s helper: %s", label,
                       strerror(errno));
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    /* poppler reports syntax errors on stderr; the helper's answer says
     * what matters. */
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    char limit[32], memory[32], dpi[16];
    snprintf(limit, sizeof(limit), "%zu", max_bytes);
    snprintf(memory, sizeof(memory), "%zu", x->max_memory + IX_HELPER_BASE_MEMORY);
    snprintf(dpi, sizeof(dpi), "%u", x->ocr_dpi ? x->ocr_dpi : IX_OCR_DPI);
    char *argv[20];
    int argc = 0;
    argv[argc++] = helper_path;
    argv[argc++] = "--format";
    argv[argc++] = (char *)format;
    argv[argc++] = "--max-bytes";
    argv[argc++] = limit;
    /* Without x->max_memory the helper keeps its own default cap. */
    if (x->max_memory) {
        argv[argc++] = "--max-memory";
        argv[argc++] = memory;
    }
    int ocr = ix_ocr_on(x);
    int progress[2] = { -1, -1 };
    if (ocr && pipe2(progress, O_CLOEXEC) == 0) {
        posix_spawn_file_actions_adddup2(&fa, progress[1], PROGRESS_FD);
        argv[argc++] = "--progress-fd";
        argv[argc++] = PROGRESS_FD_ARG;
    }
    if (ocr) {
        argv[argc++] = "--ocr";
        argv[argc++] = (char *)x->ocr_langs;
        argv[argc++] = "--ocr-dpi";
        argv[argc++] = dpi;
        if (x->ocr_cache) {
            argv[argc++] = "--ocr-cache";
            argv[argc++] = (char *)x->ocr_cache;
        }
    }
    argv[argc++] = "--";
    argv[argc++] = (char *)path;
    argv[argc] = NULL;
    char **envp = helper_env();
    pid_t pid;
    int err = envp ? posix_spawn(&pid, helper_path, &fa, NULL, argv, envp) : ENOMEM;
    free(envp);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    if (progress[1] >= 0)
        close(progress[1]);
    if (err != 0) {
        close(fds[0]);
        if (progress[0] >= 0)
            close(progress[0]);
        return ix_fail(o, IZDE_ERR_IO, "cannot start the %s helper: %s", label,
                       strerror(err));
    }

    /* Read the answer until EOF, the deadline, or the size cap. */
    izde_buf_clear(&x->scratch);
    double deadline = now_s() + x->timeout_s;
    unsigned ocr_pages = 0;
    size_t cap = max_bytes + 65536;
    int timed_out = 0, too_big = 0;
    izde_status_t rc = IZDE_OK;
    for (;;) {
        double left = deadline - now_s();
        if (left <= 0) {
            timed_out = 1;
            break;
        }
        struct pollfd pfd[2] = { { fds[0], POLLIN, 0 }, { progress[0], POLLIN, 0 } };
        int pr = poll(pfd, progress[0] >= 0 ? 2 : 1, (int)(left * 1000) + 1);
        if (pr < 0 && errno == EINTR)
            continue;
        if (pr == 0)
            continue;
        if (progress[0] >= 0 && pfd[1].revents) {
            unsigned more = take_progress(&progress[0]);
            ocr_pages += more;
            deadline += (double)more * IX_OCR_PAGE_SECONDS;
            if (!(pfd[0].revents))
                continue;
        }
        if (izde_buf_grow(&x->scratch, 65536) != IZDE_OK) {
            rc = IZDE_ERR_NOMEM;
            break;
        }
        ssize_t n = read(fds[0], x->scratch.p + x->scratch.len,
                         x->scratch.cap - x->scratch.len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        x->scratch.len += (size_t)n;
        x->scratch.p[x->scratch.len] = '\0';
        if (x->scratch.len > cap) {
            too_big = 1;
            break;
        }
    }
    close(fds[0]);
    if (progress[0] >= 0)
        close(progress[0]);
    if (timed_out || too_big || rc != IZDE_OK)
        kill(pid, SIGKILL);
    int status = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof(ru));
    while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR)
        ;
    if (rc != IZDE_OK)
        return rc;
    if (timed_out && ocr_pages)
        return ix_fail(o, IZDE_ERR_ENCODING,
                       "%s extraction with OCR of %u page%s took longer than %u s, stopped",
                       label, ocr_pages, ocr_pages == 1 ? "" : "s",
                       x->timeout_s + ocr_pages * IX_OCR_PAGE_SECONDS);
    if (timed_out)
        return ix_fail(o, IZDE_ERR_ENCODING, "%s extraction took longer than %u s, stopped",
                       label, x->timeout_s);
    if (too_big) {
        return ix_refuse(o, IX_FATE_TOO_LARGE, "text of the %s is larger than --max-size",
                         label);
    }
    if (WIFSIGNALED(status)) {
        /* Libraries that cannot allocate often abort or crash rather than
         * fail: a death near the limit is taken for want of memory. */
        int sig = WTERMSIG(status);
        if (x->max_memory && (sig == SIGABRT || sig == SIGSEGV || sig == SIGBUS ||
                              sig == SIGKILL) &&
            (size_t)ru.ru_maxrss * 1024 >= x->max_memory / 2)
            return ix_fail(o, IZDE_ERR_ENCODING, "%s", no_memory);
        return ix_fail(o, IZDE_ERR_ENCODING, "%s parser crashed (signal %d)", label, sig);
    }

    /* The answer (extract/wire.h): a helper of another version says so
     * rather than being misread. */
    izde_status_t st;
    int version;
    rc = ix_wire_read(x->scratch.p ? x->scratch.p : "", x->scratch.len, &st, o, x, &version);
    if (rc == IZDE_ERR_NOMEM)
        return rc;
    if (rc == IZDE_ERR_UNSUPPORTED)
        return ix_fail(o, IZDE_ERR_ENCODING,
                       "%s helper speaks extraction protocol %d, this program %d: "
                       "install izde-extract of the same version", label, version,
                       IX_WIRE_VERSION);
    if (rc != IZDE_OK)
        return ix_fail(o, IZDE_ERR_ENCODING, "%s helper failed (exit status %d)", label,
                       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    /* Out of memory in the helper is the helper's limit, not ours: the
     * file fails, the run goes on. */
    if (st == IZDE_ERR_NOMEM) {
        o->fate = IX_FATE_FAILED;
        return ix_fail(o, IZDE_ERR_ENCODING, "%s", no_memory);
    }
    ix_outcome_settle(o, st);
    return st;
}
