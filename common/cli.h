/* cli.h - command-line options as GNU tools take them, for every Izde program.
 *
 * Accepts --name VALUE, --name=VALUE, -x VALUE, -xVALUE, clustered flags
 * (-qv), and "--" to end the options. Unknown options and missing values
 * are reported GNU-style on stderr:
 *     izde-index: unknown option '--x' (see izde-index --help)
 * libc only, so that izde-stem can use it too. */
#ifndef IZDE_CLI_H
#define IZDE_CLI_H

enum izde_cli_arg {
    IZDE_CLI_FLAG = 0,      /* takes no value */
    IZDE_CLI_VALUE = 1,     /* needs a value */
    IZDE_CLI_OPTIONAL = 2,  /* a value only after '=' (--color, --color=never) */
};

struct izde_cli_option {
    const char *name;       /* long name without dashes, "jobs"; NULL ends a table */
    char short_name;        /* 'j', or 0 */
    enum izde_cli_arg arg;
    int id;                 /* returned by izde_cli_next; must be > 0 */
};

/* What izde_cli_next returns besides an option's id. */
enum {
    IZDE_CLI_END = 0,       /* no more arguments */
    IZDE_CLI_OPERAND = -1,  /* a non-option argument, in *value */
    IZDE_CLI_ERROR = -2,    /* reported on stderr already */
};

enum izde_cli_flags {
    /* "-word" that is not a known short option is an operand: izde-search's
     * excluded words (-мектеп). */
    IZDE_CLI_DASH_OPERANDS = 1 << 0,
};

struct izde_cli {
    int argc;
    char **argv;
    const char *prog;       /* for messages */
    const struct izde_cli_option *options;
    unsigned flags;
    int index;              /* next argv element */
    const char *cluster;    /* rest of a "-abc" cluster being read */
    int operands_only;      /* after "--" */
    char current[64];       /* the option as the user spelled it, for messages */
};

void izde_cli_init(struct izde_cli *c, int argc, char **argv, const char *prog,
                   const struct izde_cli_option *options, unsigned flags);

/* The next option's id with its value in *value (NULL for a flag), an
 * operand, the end, or an error. */
int izde_cli_next(struct izde_cli *c, const char **value);

/* Reports "PROG: OPTION wants ..., got 'VALUE' (see PROG --help)" for a
 * value the caller could not use; OPTION is spelled as the user typed it. */
void izde_cli_bad_value(const struct izde_cli *c, const char *wants, const char *value);

/* Parses a whole decimal number in [min, max]; 0 on success, -1 otherwise. */
int izde_cli_number(const char *s, unsigned long long min, unsigned long long max,
                    unsigned long long *out);

#endif
