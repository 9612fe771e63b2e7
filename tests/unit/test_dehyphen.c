/* test_dehyphen.c - line-break hyphen repair: words joined, compounds kept, text otherwise untouched. */
#include <string.h>

#include "extract/dehyphen.h"
#include "harness.h"

struct row {
    const char *in, *want;
};

/* Each input is one document. */
static const struct row rows[] = {
    /* No line-end hyphen: unchanged. */
    { "Мектеп жана окуучу.\nЭкинчи сап.", "Мектеп жана окуучу.\nЭкинчи сап." },
    { "иш-аракет жана ата-эне", "иш-аракет жана ата-эне" },
    /* A broken word whose whole form occurs elsewhere: joined; the line
     * break moves behind it. */
    { "Мектептин китепканасы. Биздин мек-\nтептин окуучулары.",
      "Мектептин китепканасы. Биздин мектептин\nокуучулары." },
    /* The seed's case: даярды-\nгы, with даярдык elsewhere. */
    { "Окуучулардын даярдыгы жөнүндө. Мугалимдин даярды-\nгы да маанилүү.",
      "Окуучулардын даярдыгы жөнүндө. Мугалимдин даярдыгы\nда маанилүү." },
    /* The second part is only suffixes: joined. */
    { "Бул окуучу-\nлар үчүн.", "Бул окуучулар\nүчүн." },
    /* The compound occurs whole elsewhere: kept. */
    { "Бул иш-аракет. Дагы бир иш-\nаракет жасалды.",
      "Бул иш-аракет. Дагы бир иш-аракет\nжасалды." },
    /* An inflected form of a compound seen whole: kept. */
    { "Үй-бүлө маанилүү. Анын үй-\nбүлөсүнүн мүчөлөрү.",
      "Үй-бүлө маанилүү. Анын үй-бүлөсүнүн\nмүчөлөрү." },
    /* A consonant before a vowel is never a syllable break: kept. */
    { "Алардын күч-\nаракети.", "Алардын күч-аракети.\n" },
    /* A capital after the hyphen: a name, kept. */
    { "Жалал-\nАбад шаары.", "Жалал-Абад\nшаары." },
    /* All capitals: a heading word broken, joined. */
    { "МЕКТЕП-\nТЕГИ МЕКТЕПТЕГИ", "МЕКТЕПТЕГИ\nМЕКТЕПТЕГИ" },
    /* A capital before the break and none after it, inside a sentence: a
     * name broken at a line end, joined; at a sentence start it may be a
     * compound, and the evidence decides as before. */
    { "Биздин мугалим Сагын-\nбек келди.", "Биздин мугалим Сагынбек\nкелди." },
    { "Директор «Кум-\nтөр» жөнүндө айтты.", "Директор «Кумтөр»\nжөнүндө айтты." },
    { "Бул иш-аракет. Иш-\nаракет жасалды.", "Бул иш-аракет. Иш-аракет\nжасалды." },
    { "Социалдык жана педагогикалык иш. Биздин Социалдык-\nпедагогикалык борбор.",
      "Социалдык жана педагогикалык иш. Биздин Социалдык-педагогикалык\nборбор." },
    /* Kyrgyz pair words whose parts disagree in vowel backness: kept; a
     * loan broken the same way (пр-: no native word starts so) joined. */
    { "Дүкөндө азык-\nтүлүк арзан.", "Дүкөндө азык-түлүк\nарзан." },
    { "Алардын практи-\nкалык иши.", "Алардын практикалык\nиши." },
    /* Russian particles and prefixes: kept. */
    { "Кто-\nто пришёл.", "Кто-то\nпришёл." },
    { "Вице-\nпрезидент приехал.", "Вице-президент\nприехал." },
    { "Говорит по-\nрусски хорошо.", "Говорит по-русски\nхорошо." },
    { "Лечебно-\nпрофилактический центр.", "Лечебно-профилактический\nцентр." },
    /* Russian broken word: joined. */
    { "Учитель и учени-\nки школы.", "Учитель и ученики\nшколы." },
    /* Punctuation after the word stays with it; indentation and CRLF. */
    { "Биздин мек-\r\n   тептин, окуучулары", "Биздин мектептин,\r\n   окуучулары" },
    /* A soft hyphen at a line end: always joined. */
    { "Китеп\xC2\xAD\nкана ачык.", "Китепкана\nачык." },
    /* A dash after a space, a digit before the hyphen, a blank line after
     * it: none of these is a line-break hyphen. */
    { "Бишкек -\nОш", "Бишкек -\nОш" },
    { "2019-\nжылы", "2019-\nжылы" },
    { "Биринчи бөлүк-\n\nЭкинчи", "Биринчи бөлүк-\n\nЭкинчи" },
    /* A page break (form feed) inside a broken word. */
    { "Биздин мек-\n\fтептин окуучулары", "Биздин мектептин\n\fокуучулары" },
    /* A word broken over three lines. */
    { "Окуучу-\nлары-\nбыз келди.", "Окуучуларыбыз\nкелди." },
    /* At the very end of the text. */
    { "Биздин мек-\nтеп", "Биздин мектеп\n" },
    { NULL, NULL },
};

int main(void)
{
    izde_dehyphen_t *d = NULL;
    CHECK_INT(izde_dehyphen_new(&d), IZDE_OK);
    if (!d)
        return harness_finish();
    struct izde_buf out = IZDE_BUF_INIT;
    for (const struct row *r = rows; r->in; r++) {
        /* A fresh context per row: rows must not be evidence for each other. */
        izde_dehyphen_free(d);
        CHECK_INT(izde_dehyphen_new(&d), IZDE_OK);
        izde_buf_clear(&out);
        struct izde_dehyphen_stats st;
        CHECK_INT(izde_dehyphen_text(d, r->in, strlen(r->in), &out, &st), IZDE_OK);
        CHECK_STRN(out.p, out.len, r->want);
    }

    /* Counts. */
    izde_buf_clear(&out);
    struct izde_dehyphen_stats st;
    const char *two = "Бул иш-аракет. Бир иш-\nаракет жана мек-\nтептин мектептин.";
    CHECK_INT(izde_dehyphen_text(d, two, strlen(two), &out, &st), IZDE_OK);
    CHECK_INT(st.joined, 1);
    CHECK_INT(st.kept, 1);
    CHECK_INT(st.soft, 0);

    /* A text's repair does not depend on the texts the context repaired
     * before it: the compound written whole in one file is no evidence
     * for a break in the next (one collection, one index, whatever the
     * threads read in which order). */
    const char *before = "Комиссия назвала кызар-долыс главной задачей го-\nда.";
    const char *after = "В городе снова обсуждали кызар-\nдолыс и планы.";
    struct izde_buf alone = IZDE_BUF_INIT;
    izde_dehyphen_free(d);
    CHECK_INT(izde_dehyphen_new(&d), IZDE_OK);
    CHECK_INT(izde_dehyphen_text(d, after, strlen(after), &alone, NULL), IZDE_OK);
    izde_buf_clear(&out);
    CHECK_INT(izde_dehyphen_text(d, before, strlen(before), &out, NULL), IZDE_OK);
    izde_buf_clear(&out);
    CHECK_INT(izde_dehyphen_text(d, after, strlen(after), &out, NULL), IZDE_OK);
    CHECK_STRN(out.p, out.len, alone.p ? alone.p : "");
    izde_buf_release(&alone);

    /* Empty text, and NULL free. */
    izde_buf_clear(&out);
    CHECK_INT(izde_dehyphen_text(d, "", 0, &out, NULL), IZDE_OK);
    CHECK_INT(out.len, 0);
    izde_dehyphen_free(NULL);
    izde_dehyphen_free(d);
    izde_buf_release(&out);
    return harness_finish();
}
