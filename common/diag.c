/* diag.c - messages on stderr in the git style and the status-to-exit mapping. */
#include "common/diag.h"

#include <stdarg.h>

static const char *progname = "izde";
static int quiet;

void izde_diag_init(const char *name)
{
    progname = name;
}

void izde_diag_set_quiet(int q)
{
    quiet = q;
}

static void vmessage(const char *kind, const char *fmt, va_list ap)
{
    /* One fprintf per part; stderr is unbuffered, so build the line first to
     * keep messages from worker threads whole. */
    char line[4096];
    int n = snprintf(line, sizeof(line), "%s: %s", progname, kind);
    if (n < 0 || (size_t)n >= sizeof(line))
        n = 0;
    vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
    fprintf(stderr, "%s\n", line);
}

void izde_diag_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage("error: ", fmt, ap);
    va_end(ap);
}

void izde_diag_warning(const char *fmt, ...)
{
    if (quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    vmessage("warning: ", fmt, ap);
    va_end(ap);
}

void izde_diag_usage(const char *fmt, ...)
{
    /* GNU style, one line, as common/cli.c words its own errors. */
    char text[3800];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof(text), fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s: %s (see %s --help)\n", progname, text, progname);
}

int izde_diag_exit_code(izde_status_t st)
{
    switch (st) {
    case IZDE_OK:
        return IZDE_EXIT_OK;
    case IZDE_ERR_INVALID:
        return IZDE_EXIT_USAGE;
    case IZDE_ERR_DB_LOCKED:
        return IZDE_EXIT_LOCKED;
    case IZDE_ERR_DB_OPEN:
    case IZDE_ERR_DB_CORRUPT:
    case IZDE_ERR_DB_VERSION:
        return IZDE_EXIT_UNUSABLE;
    default:
        return IZDE_EXIT_FAILED;
    }
}

int izde_diag_signal_exit_code(int sig)
{
    return IZDE_EXIT_SIGNAL_BASE + sig;
}
