/* diag.h - how the programs talk to the user: messages on stderr and exit codes. */
#ifndef IZDE_DIAG_H
#define IZDE_DIAG_H

#include <stdio.h>
#include <stdlib.h>
#include "common/status.h"

/* Exit codes of every Izde program, listed in each --help. */
enum izde_exit {
    IZDE_EXIT_OK = 0,        /* ran fine (zero hits too) */
    IZDE_EXIT_FAILED = 1,    /* something failed while running; index still good */
    IZDE_EXIT_USAGE = 2,     /* bad options or an empty query */
    IZDE_EXIT_UNUSABLE = 3,  /* the index cannot be opened or used */
    IZDE_EXIT_LOCKED = 75,   /* another writer holds the index: retry later */
    /* Stopped by signal N: 128 + N, as shells report it. What was
     * committed stays; the next run goes on from there. */
    IZDE_EXIT_SIGNAL_BASE = 128,
    IZDE_EXIT_HANGUP = 129,      /* SIGHUP */
    IZDE_EXIT_INTERRUPTED = 130, /* SIGINT (Ctrl-C) */
    IZDE_EXIT_TERMINATED = 143,  /* SIGTERM */
};

/* Sets the program name used as the message prefix ("izde-index"). */
void izde_diag_init(const char *progname);
/* When quiet, warnings are suppressed (errors never are). */
void izde_diag_set_quiet(int quiet);

void izde_diag_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void izde_diag_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A usage error: one line ending in the --help hint. */
void izde_diag_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The one mapping from a fatal status to an exit code. */
int izde_diag_exit_code(izde_status_t st);

/* The exit code of a run stopped by signal sig (IZDE_EXIT_SIGNAL_BASE + sig). */
int izde_diag_signal_exit_code(int sig);

/* A broken invariant: prints file:line and aborts. */
#define IZDE_BUG(msg)                                                        \
    do {                                                                     \
        fprintf(stderr, "BUG: %s:%d: %s\n", __FILE__, __LINE__, (msg));      \
        abort();                                                             \
    } while (0)

#endif
