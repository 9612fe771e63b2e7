/* test_cli.c - the option forms people type: --opt=value, -j2, -j 2, clusters, "--", and the errors. */
#include <stdio.h>
#include <string.h>

#include "common/cli.h"
#include "harness.h"

enum { OPT_DB = 1, OPT_JOBS, OPT_QUIET, OPT_HELP, OPT_JSON, OPT_COLOR };

static const struct izde_cli_option options[] = {
    { "db", 0, IZDE_CLI_VALUE, OPT_DB },
    { "jobs", 'j', IZDE_CLI_VALUE, OPT_JOBS },
    { "quiet", 'q', IZDE_CLI_FLAG, OPT_QUIET },
    { "help", 'h', IZDE_CLI_FLAG, OPT_HELP },
    { "json", 0, IZDE_CLI_FLAG, OPT_JSON },
    { "color", 0, IZDE_CLI_OPTIONAL, OPT_COLOR },
    { NULL, 0, 0, 0 },
};

/* Parses argv (NULL-terminated, without the program name) and writes
 * "id=value" items separated by spaces; "!" marks an error. */
static void parse(unsigned flags, const char **args, char *out, size_t cap)
{
    char *argv[32] = { "prog" };
    int argc = 1;
    for (; args[argc - 1]; argc++)
        argv[argc] = (char *)args[argc - 1];
    struct izde_cli c;
    izde_cli_init(&c, argc, argv, "prog", options, flags);
    out[0] = '\0';
    const char *v;
    int id;
    while ((id = izde_cli_next(&c, &v)) != IZDE_CLI_END) {
        size_t n = strlen(out);
        if (id == IZDE_CLI_ERROR) {
            snprintf(out + n, cap - n, "! ");
            break;
        }
        snprintf(out + n, cap - n, "%d=%s ", id, v ? v : "");
    }
}

#define EXPECT(flags, want, ...)                                              \
    do {                                                                      \
        const char *args_[] = { __VA_ARGS__, NULL };                          \
        char got_[256];                                                       \
        parse(flags, args_, got_, sizeof(got_));                              \
        CHECK_STR(got_, want);                                                \
    } while (0)

int main(void)
{
    /* Long options with the value apart or after '='. */
    EXPECT(0, "1=D 2=4 ", "--db", "D", "--jobs=4");
    EXPECT(0, "1=a=b ", "--db=a=b");
    EXPECT(0, "1= ", "--db=");
    /* Short options: value attached, apart, and flags clustered. */
    EXPECT(0, "2=2 2=3 ", "-j2", "-j", "3");
    EXPECT(0, "3= 2=5 ", "-qj5");
    EXPECT(0, "3= 4= ", "-qh");
    /* Operands anywhere; "-" alone is an operand; "--" ends the options. */
    EXPECT(0, "-1=a 3= -1=- -1=b ", "a", "-q", "-", "b");
    EXPECT(0, "-1=--json -1=-q ", "--", "--json", "-q");
    /* A value that is optional comes only after '='. */
    EXPECT(0, "6= -1=never ", "--color", "never");
    EXPECT(0, "6=never ", "--color=never");
    /* Errors. */
    EXPECT(0, "! ", "--x");
    EXPECT(0, "! ", "--db");
    EXPECT(0, "! ", "-j");
    EXPECT(0, "! ", "--json=1");
    EXPECT(0, "3= ! ", "-q", "-z");
    /* An exact name only: a prefix is not an abbreviation. */
    EXPECT(0, "! ", "--js");
    /* izde-search: "-word" is a word to exclude unless it is a known option. */
    EXPECT(IZDE_CLI_DASH_OPERANDS, "-1=мугалим -1=-мектеп 4= ", "мугалим", "-мектеп", "-h");
    EXPECT(IZDE_CLI_DASH_OPERANDS, "-1=-help 3= ", "-help", "-q");
    EXPECT(IZDE_CLI_DASH_OPERANDS, "2=2 ", "-j2");
    /* Numbers. */
    unsigned long long n = 7;
    CHECK_INT(izde_cli_number("12", 1, 100, &n), 0);
    CHECK_INT(n, 12);
    CHECK_INT(izde_cli_number("0", 1, 100, &n), -1);
    CHECK_INT(izde_cli_number("101", 1, 100, &n), -1);
    CHECK_INT(izde_cli_number("-1", 0, 100, &n), -1);
    CHECK_INT(izde_cli_number("+1", 0, 100, &n), -1);
    CHECK_INT(izde_cli_number("1x", 0, 100, &n), -1);
    CHECK_INT(izde_cli_number("", 0, 100, &n), -1);
    CHECK_INT(izde_cli_number("99999999999999999999999", 0, ~0ULL, &n), -1);
    return harness_finish();
}
