/* helper.c - the izde-extract helper of one struct ix_extract: started with posix_spawn under time and memory limits, given one file after another (--serve), and started again after a crash, a time-out, IX_HELPER_FILES files or when it has grown to half its memory limit. */
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
#include <sys/socket.h>
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

/* Files a helper answers before a new one takes over, so that what poppler
 * or Tesseract keep from file to file stays bounded. */
#define IX_HELPER_FILES 500

/* A running helper. */
struct ix_helper {
    pid_t pid;
    int sock;           /* requests out, answers in */
    int progress;       /* its "ocr N" lines; -1: none */
    size_t max_bytes;   /* the --max-bytes it was started with */
    size_t cap;         /* its address-space limit, as the helper sets it */
    unsigned files;     /* files it has answered */
};

/* The address space a helper may grow to over the files it reads, as a
 * share of its cap: its limit holds for its whole life, and a helper that
 * kept half of it from earlier files (poppler's and Tesseract's caches)
 * would fail a large file that a new helper reads. */
#define IX_HELPER_KEEP_SHARE 2

/* Whether h has grown past the share of its cap it may keep (from
 * /proc/PID/statm, whose first field is the address space in pages). */
static int helper_grown(const struct ix_helper *h)
{
    /* Under AddressSanitizer the helper has no address-space cap (see
     * helper_main.c) and terabytes of shadow mapped. */
#if defined(__SANITIZE_ADDRESS__)
    (void)h;
    return 0;
#endif
    char path[64], buf[64];
    snprintf(path, sizeof(path), "/proc/%d/statm", (int)h->pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    unsigned long long pages = strtoull(buf, NULL, 10);
    long page = sysconf(_SC_PAGESIZE);
    return page > 0 && pages * (unsigned long long)page > h->cap / IX_HELPER_KEEP_SHARE;
}

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

/* Ends h: kills it first when kill_it (it may be busy), else lets it see
 * the end of its requests. Its exit status and resource use go to *status
 * and *ru when not NULL. Frees h. */
static void helper_end(struct ix_helper *h, int kill_it, int *status, struct rusage *ru)
{
    if (kill_it)
        kill(h->pid, SIGKILL);
    close(h->sock);
    if (h->progress >= 0)
        close(h->progress);
    int st = 0;
    struct rusage r;
    memset(&r, 0, sizeof(r));
    while (wait4(h->pid, &st, 0, &r) < 0 && errno == EINTR)
        ;
    if (status)
        *status = st;
    if (ru)
        *ru = r;
    free(h);
}

void ix_helper_stop(struct ix_extract *x)
{
    if (x->helper)
        helper_end(x->helper, 0, NULL, NULL);
    x->helper = NULL;
}

/* Starts a helper serving x's files. Returns IZDE_OK, or fails o. */
static izde_status_t helper_start(struct ix_extract *x, size_t max_bytes, const char *label,
                                  struct ix_outcome *o)
{
    pthread_once(&helper_once, find_helper);
    if (!helper_path[0] || access(helper_path, X_OK) != 0)
        return ix_fail(o, IZDE_ERR_UNSUPPORTED,
                       "%s helper 'izde-extract' not found next to this program", label);
    struct ix_helper *h = calloc(1, sizeof(*h));
    if (!h)
        return ix_fail(o, IZDE_ERR_NOMEM, "%s", izde_status_str(IZDE_ERR_NOMEM));
    /* One socket for both ways: a request to a helper that died meanwhile
     * fails with EPIPE (MSG_NOSIGNAL) instead of killing this process. */
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
        free(h);
        return ix_fail(o, IZDE_ERR_IO, "cannot start the %s helper: %s", label,
                       strerror(errno));
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, sv[1], 0);
    posix_spawn_file_actions_adddup2(&fa, sv[1], 1);
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
    argv[argc++] = "--serve";
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
    argv[argc] = NULL;
    char **envp = helper_env();
    int err = envp ? posix_spawn(&h->pid, helper_path, &fa, NULL, argv, envp) : ENOMEM;
    free(envp);
    posix_spawn_file_actions_destroy(&fa);
    close(sv[1]);
    if (progress[1] >= 0)
        close(progress[1]);
    if (err != 0) {
        close(sv[0]);
        if (progress[0] >= 0)
            close(progress[0]);
        free(h);
        return ix_fail(o, IZDE_ERR_IO, "cannot start the %s helper: %s", label,
                       strerror(err));
    }
    h->sock = sv[0];
    h->progress = progress[0];
    h->max_bytes = max_bytes;
    /* helper_main.c's default when given no --max-memory. */
    h->cap = x->max_memory ? x->max_memory + IX_HELPER_BASE_MEMORY : max_bytes * 16;
    if (!x->max_memory && h->cap < ((size_t)1 << 30))
        h->cap = (size_t)1 << 30;
    x->helper = h;
    return IZDE_OK;
}

/* Sends h the request for path; a helper that has ended takes none (its
 * answer, if any, is read all the same). */
static void send_request(struct ix_helper *h, const char *path, const char *format,
                        size_t max_bytes)
{
    char head[96];
    size_t len = strlen(path);
    int n = snprintf(head, sizeof(head), "%s %zu %zu\n", format, max_bytes, len);
    struct iovec iov[3] = { { head, (size_t)n }, { (void *)path, len }, { "\n", 1 } };
    struct msghdr msg;
    memset(&msg, 0, sizeof(msg));
    msg.msg_iov = iov;
    msg.msg_iovlen = 3;
    size_t want = (size_t)n + len + 1;
    while (want > 0) {
        ssize_t w = sendmsg(h->sock, &msg, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        want -= (size_t)w;
        /* A short send of a request (paths are short) is rare: step past
         * what went. */
        while (msg.msg_iovlen > 0 && (size_t)w >= msg.msg_iov[0].iov_len) {
            w -= (ssize_t)msg.msg_iov[0].iov_len;
            msg.msg_iov++;
            msg.msg_iovlen--;
        }
        if (msg.msg_iovlen > 0) {
            msg.msg_iov[0].iov_base = (char *)msg.msg_iov[0].iov_base + w;
            msg.msg_iov[0].iov_len -= (size_t)w;
        }
    }
}

/* Whether h has ended since its last answer (killed from outside, say). */
static int helper_gone(const struct ix_helper *h)
{
    int st;
    return waitpid(h->pid, &st, WNOHANG) == h->pid || kill(h->pid, 0) != 0;
}

/* How the answer to one request came. */
enum ix_reply {
    IX_REPLY_FRAMED,    /* whole: x->scratch holds the frame head and answer */
    IX_REPLY_ENDED,     /* the helper ended first (crash, or an older helper
                           that answered one file unframed) */
    IX_REPLY_TIMEOUT,
    IX_REPLY_TOO_BIG,
};

/* Reads h's answer into x->scratch (empty) until it is whole, the helper ends, the
 * deadline (x->timeout_s, plus IX_OCR_PAGE_SECONDS a page the helper says it
 * will OCR) or the size cap. OUT: *head, the length of the frame head;
 * *ocr_pages. Returns IZDE_OK or IZDE_ERR_NOMEM. */
static izde_status_t take_reply(struct ix_extract *x, struct ix_helper *h, size_t cap,
                                enum ix_reply *reply, size_t *head, unsigned *ocr_pages)
{
    double deadline = now_s() + x->timeout_s;
    size_t need = 0;    /* frame head and answer, once the head is in */
    int framed = -1;    /* -1: not yet known */
    *ocr_pages = 0;
    *head = 0;
    for (;;) {
        double left = deadline - now_s();
        if (left <= 0) {
            *reply = IX_REPLY_TIMEOUT;
            return IZDE_OK;
        }
        struct pollfd pfd[2] = { { h->sock, POLLIN, 0 }, { h->progress, POLLIN, 0 } };
        int pr = poll(pfd, h->progress >= 0 ? 2 : 1, (int)(left * 1000) + 1);
        if ((pr < 0 && errno == EINTR) || pr == 0)
            continue;
        if (h->progress >= 0 && pfd[1].revents) {
            unsigned more = take_progress(&h->progress);
            *ocr_pages += more;
            deadline += (double)more * IX_OCR_PAGE_SECONDS;
            if (!pfd[0].revents)
                continue;
        }
        if (izde_buf_grow(&x->scratch, 65536) != IZDE_OK)
            return IZDE_ERR_NOMEM;
        ssize_t n = read(h->sock, x->scratch.p + x->scratch.len,
                         x->scratch.cap - x->scratch.len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *reply = IX_REPLY_ENDED;
            return IZDE_OK;
        }
        x->scratch.len += (size_t)n;
        x->scratch.p[x->scratch.len] = '\0';
        if (framed < 0) {
            const char *nl = memchr(x->scratch.p, '\n', x->scratch.len);
            size_t ml = strlen(IX_SERVE_MAGIC);
            unsigned long long len;
            if (nl && memcmp(x->scratch.p, IX_SERVE_MAGIC " ", ml + 1) == 0 &&
                sscanf(x->scratch.p + ml + 1, "%llu", &len) == 1) {
                framed = 1;
                *head = (size_t)(nl - x->scratch.p) + 1;
                if (len > cap) {
                    *reply = IX_REPLY_TOO_BIG;
                    return IZDE_OK;
                }
                need = *head + (size_t)len;
            } else if (nl || x->scratch.len > 64) {
                framed = 0;
            }
        }
        if (framed == 1 && x->scratch.len >= need) {
            *reply = IX_REPLY_FRAMED;
            return IZDE_OK;
        }
        if (x->scratch.len > cap + 64) {
            *reply = IX_REPLY_TOO_BIG;
            return IZDE_OK;
        }
    }
}

/* One reading of path by x's helper (started if there is none). OUT:
 * *no_mem, whether the file failed for want of memory in the helper. */
static izde_status_t read_once(struct ix_extract *x, const char *path, const char *format,
                               size_t max_bytes, struct ix_outcome *o, int *no_mem)
{
    *no_mem = 0;
    const char *label = strcmp(format, "pdf") == 0 ? "PDF" : "document";
    izde_status_t rc;
    if (!x->helper && (rc = helper_start(x, max_bytes, label, o)) != IZDE_OK)
        return rc;
    struct ix_helper *h = x->helper;
    enum ix_reply reply;
    size_t head = 0;
    unsigned ocr_pages = 0;
    izde_buf_clear(&x->scratch);
    /* A helper that cannot take the request has ended: what it wrote
     * before (an older helper's one answer) and its exit status say why. */
    send_request(h, path, format, max_bytes);
    rc = take_reply(x, h, max_bytes + 65536, &reply, &head, &ocr_pages);
    if (rc == IZDE_OK && reply == IX_REPLY_FRAMED) {
        if (++h->files >= IX_HELPER_FILES || helper_grown(h))
            ix_helper_stop(x);
        izde_status_t st;
        int version;
        rc = ix_wire_read(x->scratch.p + head, x->scratch.len - head, &st, o, x, &version);
        if (rc == IZDE_ERR_NOMEM)
            return rc;
        if (rc == IZDE_ERR_UNSUPPORTED)
            return ix_fail(o, IZDE_ERR_ENCODING,
                           "%s helper speaks extraction protocol %d, this program %d: "
                           "install izde-extract of the same version", label, version,
                           IX_WIRE_VERSION);
        if (rc != IZDE_OK)
            return ix_fail(o, IZDE_ERR_ENCODING, "%s helper gave an answer out of protocol",
                           label);
        /* Out of memory in the helper is the helper's limit, not ours: the
         * file fails, the run goes on. */
        if (st == IZDE_ERR_NOMEM) {
            o->fate = IX_FATE_FAILED;
            *no_mem = 1;
            return ix_fail(o, IZDE_ERR_ENCODING, "%s", no_memory);
        }
        ix_outcome_settle(o, st);
        return st;
    }

    /* The helper is done for: it ended, or is killed now. */
    int status = 0;
    struct rusage ru;
    x->helper = NULL;
    helper_end(h, reply != IX_REPLY_ENDED || rc != IZDE_OK, &status, &ru);
    if (rc != IZDE_OK)
        return rc;
    if (reply == IX_REPLY_TIMEOUT && ocr_pages)
        return ix_fail(o, IZDE_ERR_ENCODING,
                       "%s extraction with OCR of %u page%s took longer than %u s, stopped",
                       label, ocr_pages, ocr_pages == 1 ? "" : "s",
                       x->timeout_s + ocr_pages * IX_OCR_PAGE_SECONDS);
    if (reply == IX_REPLY_TIMEOUT)
        return ix_fail(o, IZDE_ERR_ENCODING, "%s extraction took longer than %u s, stopped",
                       label, x->timeout_s);
    if (reply == IX_REPLY_TOO_BIG)
        return ix_refuse(o, IX_FATE_TOO_LARGE, "text of the %s is larger than --max-size",
                         label);
    if (WIFSIGNALED(status)) {
        /* Libraries that cannot allocate often abort or crash rather than
         * fail: a death near the limit is taken for want of memory. */
        int sig = WTERMSIG(status);
        if (x->max_memory && (sig == SIGABRT || sig == SIGSEGV || sig == SIGBUS ||
                              sig == SIGKILL) &&
            (size_t)ru.ru_maxrss * 1024 >= x->max_memory / 2) {
            *no_mem = 1;
            return ix_fail(o, IZDE_ERR_ENCODING, "%s", no_memory);
        }
        return ix_fail(o, IZDE_ERR_ENCODING, "%s parser crashed (signal %d)", label, sig);
    }
    /* An unframed answer: a helper of another version, which took
     * --serve for the file's name. */
    izde_status_t st;
    int version;
    rc = ix_wire_read(x->scratch.p ? x->scratch.p : "", x->scratch.len, &st, o, x, &version);
    if (rc == IZDE_ERR_NOMEM)
        return rc;
    o->fate = IX_FATE_FAILED;
    if (version > 0 && version != IX_WIRE_VERSION)
        return ix_fail(o, IZDE_ERR_ENCODING,
                       "%s helper speaks extraction protocol %d, this program %d: "
                       "install izde-extract of the same version", label, version,
                       IX_WIRE_VERSION);
    return ix_fail(o, IZDE_ERR_ENCODING, "%s helper failed (exit status %d)", label,
                   WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}


izde_status_t ix_helper_run(struct ix_extract *x, const char *path, const char *format,
                            size_t max_bytes, struct ix_outcome *o)
{
    if (x->helper && (x->helper->max_bytes != max_bytes || helper_gone(x->helper)))
        ix_helper_stop(x);
    int used = x->helper && x->helper->files > 0, no_mem;
    izde_status_t rc = read_once(x, path, format, max_bytes, o, &no_mem);
    /* A helper's memory cap holds for its whole life: what earlier files
     * left in it may be what this one lacked. A new helper reads it once
     * more before it counts as too large. */
    if (no_mem && used) {
        ix_helper_stop(x);
        ix_extract_clear_report(x);
        ix_outcome_clear(o);
        rc = read_once(x, path, format, max_bytes, o, &no_mem);
    }
    return rc;
}
