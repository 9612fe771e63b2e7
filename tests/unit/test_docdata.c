/* test_docdata.c - the stored document record: author and date kept, left out when empty, and records written before them still read. */
#include <stdlib.h>
#include <string.h>

#include "index/docdata.h"
#include "harness.h"

static void test_author_date(void)
{
    struct izde_docdata d = { 0 };
    d.path = "a.docx";
    d.path_len = 6;
    d.title = "Аталышы";
    d.title_len = strlen(d.title);
    d.author = "Асанов А.";
    d.author_len = strlen(d.author);
    d.date = "2024-05-01";
    d.date_len = 10;
    d.text = "текст";
    d.text_len = strlen(d.text);
    struct izde_buf b = IZDE_BUF_INIT;
    CHECK_INT(izde_docdata_encode(&d, &b), IZDE_OK);
    struct izde_docdata e;
    CHECK_INT(izde_docdata_decode(b.p, b.len, &e), IZDE_OK);
    CHECK_STRN(e.path, e.path_len, "a.docx");
    CHECK_STRN(e.title, e.title_len, "Аталышы");
    CHECK_STRN(e.author, e.author_len, "Асанов А.");
    CHECK_STRN(e.date, e.date_len, "2024-05-01");
    CHECK_STRN(e.text, e.text_len, "текст");
    izde_buf_release(&b);
}

/* A record with no author and date is byte for byte the format-1 record
 * written before they were kept, and such a record reads with none. */
static void test_old_records(void)
{
    struct izde_docdata d = { 0 };
    d.path = "a.txt";
    d.path_len = 5;
    d.title = "T";
    d.title_len = 1;
    d.author = "";
    d.encoding = "UTF-8";
    d.encoding_len = 5;
    d.lang = "ky";
    d.lang_len = 2;
    d.size = 12;
    d.mtime = 34;
    d.text = "x";
    d.text_len = 1;
    struct izde_buf b = IZDE_BUF_INIT;
    CHECK_INT(izde_docdata_encode(&d, &b), IZDE_OK);
    static const char old[] = "IZD1p\5a.txtt\1Te\5UTF-8l\2kys\00212m\00234x\1x";
    CHECK_INT(b.len, sizeof(old) - 1);
    CHECK(b.len == sizeof(old) - 1 && memcmp(b.p, old, b.len) == 0);
    struct izde_docdata e;
    CHECK_INT(izde_docdata_decode(old, sizeof(old) - 1, &e), IZDE_OK);
    CHECK(e.author == NULL && e.author_len == 0);
    CHECK(e.date == NULL && e.date_len == 0);
    CHECK_STRN(e.title, e.title_len, "T");
    izde_buf_release(&b);
}

int main(void)
{
    test_author_date();
    test_old_records();
    return harness_finish();
}
