/* test_qsyntax.c - the query language's parser (searcher/qsyntax): precedence, fields, years, quotes, every error and its character. */
#include <string.h>
#include "harness.h"
#include "searcher/qsyntax.h"

/* The tree as an s-expression: words as written, phrases quoted, fields
 * as name:value, years as year[lo,hi], '-' as (- x). */
static void show(const char *text, const struct sr_qnode *n, struct izde_buf *out)
{
    switch (n->kind) {
    case SR_QN_WORD:
        izde_buf_add(out, text + n->start, n->end - n->start);
        return;
    case SR_QN_PHRASE:
        izde_buf_addf(out, "\"%.*s\"", (int)(n->end - n->start), text + n->start);
        return;
    case SR_QN_FIELD:
        izde_buf_addf(out, n->phrase ? "%s:\"%.*s\"" : "%s:%.*s", sr_qfield_name(n->field),
                      (int)(n->end - n->start), text + n->start);
        return;
    case SR_QN_YEAR:
        izde_buf_addf(out, "year[%s,%s]", n->year_lo, n->year_hi);
        return;
    default:
        break;
    }
    izde_buf_adds(out, n->kind == SR_QN_AND  ? "(AND"
                       : n->kind == SR_QN_OR ? "(OR"
                       : n->minus            ? "(-"
                                             : "(NOT");
    for (size_t i = 0; i < n->nkids; i++) {
        izde_buf_addc(out, ' ');
        show(text, n->kids[i], out);
    }
    izde_buf_addc(out, ')');
}

/* Parses text and checks its tree. */
static void tree(const char *text, const char *want)
{
    struct sr_qnode *root = NULL;
    struct izde_buf msg = IZDE_BUF_INIT, got = IZDE_BUF_INIT;
    izde_status_t rc = sr_qsyntax_parse(text, strlen(text), &root, &msg);
    CHECK_INT(rc, IZDE_OK);
    if (rc != IZDE_OK)
        fprintf(stderr, "  query: %s\n  error: %s\n", text, msg.p);
    if (root)
        show(text, root, &got);
    CHECK_STR(got.p ? got.p : "", want);
    sr_qnode_free(root);
    izde_buf_release(&msg);
    izde_buf_release(&got);
}

/* Parses text and checks that it is refused with this message. */
static void error(const char *text, const char *want)
{
    struct sr_qnode *root = NULL;
    struct izde_buf msg = IZDE_BUF_INIT;
    CHECK_INT(sr_qsyntax_parse(text, strlen(text), &root, &msg), IZDE_ERR_QUERY);
    CHECK(root == NULL);
    CHECK_STR(msg.p ? msg.p : "", want);
    sr_qnode_free(root);
    izde_buf_release(&msg);
}

static void test_precedence(void)
{
    tree("", "");
    tree(" \t ", "");
    tree("мектеп", "мектеп");
    tree("мектеп китеп", "(AND мектеп китеп)");
    tree("a AND b", "(AND a b)");
    /* NOT binds tighter than AND, AND tighter than OR. */
    tree("a AND b OR c", "(OR (AND a b) c)");
    tree("a OR b c", "(OR a (AND b c))");
    tree("a OR b OR c", "(OR a b c)");
    tree("NOT a b", "(AND (NOT a) b)");
    tree("a OR NOT b", "(OR a (NOT b))");
    tree("NOT NOT a", "(NOT (NOT a))");
    tree("(a OR b) c", "(AND (OR a b) c)");
    tree("a (b OR c) d", "(AND a (OR b c) d)");
    /* A parenthesised conjunction is part of the one around it. */
    tree("a (b c)", "(AND a b c)");
    tree("(a b) c", "(AND a b c)");
    tree("((a))", "a");
    tree("NOT (a OR b)", "(NOT (OR a b))");
    /* Operators are uppercase only; anything else is a word. */
    tree("and or not", "(AND and or not)");
    tree("Not AND,", "(AND Not AND,)");
    /* '-' before an item, as always; after it an operator is a word. */
    tree("a -b", "(AND a (- b))");
    tree("-\"b c\" -NOT", "(AND (- \"b c\") (- NOT))");
    tree("-(a OR b)", "(- (OR a b))");
    tree("a - b", "(AND a - b)");
    tree("иш-аракет", "иш-аракет");
    /* Parentheses end a word. */
    tree("министрлиги(ИИМ)", "(AND министрлиги ИИМ)");
}

static void test_fields(void)
{
    tree("title:мектеп author:\"Асанова Г.Т.\"",
         "(AND title:мектеп author:\"Асанова Г.Т.\")");
    tree("kw:инновациялык journal:Вестник", "(AND kw:инновациялык journal:Вестник)");
    tree("Title:x AUTHOR:y", "(AND title:x author:y)");
    tree("udc:37.015.3 lang:ky", "(AND udc:37.015.3 lang:ky)");
    tree("-author:x", "(- author:x)");
    /* Only the known names make a field. */
    tree("10:30 http://x.kg foo:bar", "(AND 10:30 http://x.kg foo:bar)");
    /* A DOI may hold parentheses; a ')' it did not open closes a group;
     * a doi.org link stands for its DOI. */
    tree("doi:10.1016/S0140-6736(20)30183-5", "doi:10.1016/S0140-6736(20)30183-5");
    tree("(a OR doi:10.1/x)", "(OR a doi:10.1/x)");
    tree("doi:https://doi.org/10.1/X", "doi:10.1/X");
    /* Years: one, a range, open at either end. */
    tree("year:2021", "year[2021,2021]");
    tree("year:2020..2024", "year[2020,2024]");
    tree("year:..2019 year:2021..", "(AND year[,2019] year[2021,])");
    tree("мектеп year:2020..2024 OR kw:x",
         "(OR (AND мектеп year[2020,2024]) kw:x)");
}

static void test_quotes(void)
{
    tree("\"a b\" c", "(AND \"a b\" c)");
    tree("«мектеп китеп» „окуу китеби“ “жаңы ыкма”",
         "(AND \"мектеп китеп\" \"окуу китеби\" \"жаңы ыкма\")");
    /* Any quote closes, and an unclosed one runs to the end. */
    tree("«a b\" c", "(AND \"a b\" c)");
    tree("a \"b c", "(AND a \"b c\")");
    tree("title:«мектеп китеп» x", "(AND title:\"мектеп китеп\" x)");
    /* Operators inside quotes are words of the phrase. */
    tree("\"a OR b\"", "\"a OR b\"");
}

static void test_errors(void)
{
    /* Characters are counted in code points, from 1. */
    error("(мектеп китеп", "unbalanced '(' at character 1");
    error("мектеп (китеп", "unbalanced '(' at character 8");
    error("((a) b", "unbalanced '(' at character 1");
    error("мектеп (", "unbalanced '(' at character 8");
    error("мектеп) китеп", "unbalanced ')' at character 7");
    error(")", "unbalanced ')' at character 1");
    error("a ()", "empty parentheses at character 3");
    error("мектеп AND", "'AND' at character 8 has nothing after it");
    error("(a AND) b", "'AND' at character 4 has nothing after it");
    error("OR мектеп", "'OR' at character 1 has nothing before it");
    error("a OR OR b", "'OR' at character 3 has nothing after it");
    error("(AND a)", "'AND' at character 2 has nothing before it");
    error("NOT", "'NOT' at character 1 has nothing after it");
    error("мектеп NOT )", "'NOT' at character 8 has nothing after it");
    error("a -)", "'-' at character 3 has nothing after it");
    error("title:", "'title:' at character 1 needs a value");
    error("мектеп author: Асанова", "'author:' at character 8 needs a value");
    error("kw:\"\"", "'kw:' at character 1 needs a value");
    error("(journal:)", "'journal:' at character 2 needs a value");
    error("year:abc",
          "'year:abc' at character 1 is not a year or a range of years "
          "(2021, 2020..2024, ..2019, 2021..)");
    error("year:..",
          "'year:..' at character 1 is not a year or a range of years "
          "(2021, 2020..2024, ..2019, 2021..)");
    error("year:21",
          "'year:21' at character 1 is not a year or a range of years "
          "(2021, 2020..2024, ..2019, 2021..)");
    error("китеп year:2024..2020", "'year:2024..2020' at character 7 runs backwards");
    error("udc:abc",
          "'udc:abc' at character 1 is not an УДК code (digits and dots, as in udc:37.015)");
    error("doi:abc", "'doi:abc' at character 1 is not a DOI (10.NNNN/...)");
    error("lang:xx", "'lang:xx' at character 1 is not a language code (ky, ru, en)");
    /* The first error counts, and a long value is cut in the message. */
    error("year:x (", "'year:x' at character 1 is not a year or a range of years "
                      "(2021, 2020..2024, ..2019, 2021..)");
    error("udc:ыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыы",
          "'udc:ыыыыыыыыыыыыыыыыыыыы' at character 1 is not an УДК code (digits and dots, "
          "as in udc:37.015)");
}

int main(void)
{
    test_precedence();
    test_fields();
    test_quotes();
    test_errors();
    return harness_finish();
}
