/* test_stemmer_ru.c - the Russian stemmer: paradigms that must share a stem,
 * lexemes that must not, exact stems, and input that passes through. */
#include <stdlib.h>
#include "harness.h"
#include "stemmers/stemmer.h"

static izde_stemmer_t *st;

/* Returns a malloc'd copy of the stem of word (the buffer is reused). */
static char *stem(const char *word, size_t len)
{
    size_t slen = 0;
    const char *s = izde_stemmer_stem(st, word, len, &slen);
    if (!s)
        return NULL;
    char *copy = malloc(slen + 1);
    if (copy) {
        memcpy(copy, s, slen);
        copy[slen] = '\0';
    }
    return copy;
}

/* Every form of a row must get the stem of the row's first form, and that
 * stem must be want. Rows are space-separated forms. */
static void check_paradigms(void)
{
    static const struct { const char *forms, *want; int line; } rows[] = {
        /* 1st declension */
        { "книга книги книге книгу книгой книгах книгам книгами книг", "книг", __LINE__ },
        { "земля земли земле землю землей землям землями землях", "земл", __LINE__ },
        { "сестра сестры сестре сестрой сестёр", "сестр", __LINE__ },
        { "система системы системе систему системой системах", "систем", __LINE__ },
        { "идея идеи идее идею идеей идей идеями", "ид", __LINE__ },
        { "линия линии линию линией линий линиям линиями линиях", "лини", __LINE__ },
        { "клетка клетки клетке клеткой клеток", "клетк", __LINE__ },
        /* 2nd declension, masculine */
        { "стол стола столу столом столе столы столов столам столами столах", "стол", __LINE__ },
        { "конь коня коню конем коне кони коней", "кон", __LINE__ },
        { "музей музея музею музеем музее музеи музеев", "муз", __LINE__ },
        { "герой героя героем героев героями", "гер", __LINE__ },
        { "гений гения гению гением гении гениев", "гени", __LINE__ },
        /* fleeting vowels */
        { "замок замка замке замком замки", "замк", __LINE__ },
        { "отец отца отцу отцом отцы отцов", "отц", __LINE__ },
        { "уровень уровня уровнем уровнях", "уровн", __LINE__ },
        { "рынок рынка рынке рынки", "рынк", __LINE__ },
        /* 2nd declension, neuter */
        { "слово слова слову словом слове слов словами", "слов", __LINE__ },
        { "поле поля полю полем", "пол", __LINE__ },
        { "число числа числе чисел", "числ", __LINE__ },
        { "здание здания зданию зданием здании зданий зданиям", "здани", __LINE__ },
        /* 3rd declension */
        { "ночь ночи ночью ночей", "ноч", __LINE__ },
        { "тетрадь тетради тетрадью тетрадей", "тетрад", __LINE__ },
        { "часть части частью частей частях", "част", __LINE__ },
        /* adjectives: hard, soft, after к */
        { "новый новая новое новые нового новой новому новым новом новых новыми новую", "нов", __LINE__ },
        { "последний последняя последнее последние последнего последней последнему последним", "последн", __LINE__ },
        { "русский русская русское русские русского русской русским", "русск", __LINE__ },
        { "известный известная известные известного", "известн", __LINE__ },
        /* superlative, -ость */
        { "новейший новейшая новейшего", "нов", __LINE__ },
        { "активность активности активностью", "активн", __LINE__ },
        /* verbs: 1st conjugation, with participles */
        { "читать читаю читаешь читает читаем читаете читают читал читала читали читай "
          "читайте читавший читающий читаемый", "чита", __LINE__ },
        /* 2nd conjugation */
        { "говорить говорю говоришь говорит говорим говорят говорил говорила говорили "
          "говоря говорящий", "говр", __LINE__ },
        /* -овать/-ует */
        { "использовать использую использует используют использовал использующий "
          "использованный", "использ", __LINE__ },
        /* e-verbs, -нуть */
        { "иметь имеет имеют", "име", __LINE__ },
        { "покинуть покинул покинула покинув", "покину", __LINE__ },
        /* past participles in -енн- and their short forms */
        { "построить построил построена построено построен построенный построенная", "постро", __LINE__ },
        /* perfective gerunds */
        { "прочитать прочитав прочитавши прочитал", "прочита", __LINE__ },
        /* reflexive verbs, their gerunds and participles */
        { "заниматься занимается занимаются занимался занималась занимались занимаясь "
          "занимающийся", "занимася", __LINE__ },
        { "находиться находится находился находятся находясь находящийся", "находся", __LINE__ },
        /* ё is е */
        { "ёлка ёлки елка", "елк", __LINE__ },
        { "идёт идет", "идет", __LINE__ },
        { NULL, NULL, 0 },
    };
    for (int i = 0; rows[i].forms; i++) {
        char *forms = strdup(rows[i].forms);
        char *save = NULL;
        for (char *f = strtok_r(forms, " ", &save); f; f = strtok_r(NULL, " ", &save)) {
            char *got = stem(f, strlen(f));
            if (got && strcmp(got, rows[i].want) == 0) {
                harness_passed++;
            } else {
                harness_failed++;
                fprintf(stderr, "%s:%d: %s: expected '%s' got '%s'\n", __FILE__, rows[i].line, f,
                        rows[i].want, got ? got : "(null)");
            }
            free(got);
        }
        free(forms);
    }
}

/* Lexemes of their own must not fall together. */
static void check_apart(void)
{
    static const struct { const char *a, *b; int line; } rows[] = {
        { "заниматься", "занимать", __LINE__ },   /* reflexive verbs */
        { "начались", "начали", __LINE__ },
        { "развитие", "развитый", __LINE__ },     /* -ие nouns vs adjectives */
        { "дании", "данный", __LINE__ },
        { "открытие", "открыть", __LINE__ },
        { "специально", "специальный", __LINE__ }, /* -Cно adverbs */
        { "государственный", "государство", __LINE__ },
        { NULL, NULL, 0 },
    };
    for (int i = 0; rows[i].a; i++) {
        char *a = stem(rows[i].a, strlen(rows[i].a));
        char *b = stem(rows[i].b, strlen(rows[i].b));
        if (a && b && strcmp(a, b) != 0) {
            harness_passed++;
        } else {
            harness_failed++;
            fprintf(stderr, "%s:%d: expected '%s' and '%s' apart, both got '%s'\n", __FILE__,
                    rows[i].line, rows[i].a, rows[i].b, a ? a : "(null)");
        }
        free(a);
        free(b);
    }
}

/* Input the rules do not claim comes back byte for byte; short words keep
 * their stem vowel (RV). */
static void check_exact(void)
{
    /* len 0: strlen(in) */
    static const struct { const char *in; size_t len; const char *want; } rows[] = {
        { "hello", 0, "hello" },
        { "2023", 0, "2023" },
        { "covid-19", 0, "covid-19" },
        { "x5", 0, "x5" },
        { "iphoneы", 0, "iphoneы" },                   /* mixed script */
        { "москва", 0, "москв" },
        { "Москва", 0, "Москва" },                      /* not case-folded: not ours */
        { "үйлөр", 0, "үйлөр" },                        /* Kyrgyz letters */
        { "я", 0, "я" },                                /* short words keep a vowel */
        { "он", 0, "он" },
        { "в", 0, "в" },
        { "дом", 0, "дом" },
        { "сеть", 0, "сет" },
        { "", 0, "" },
        { "-", 0, "-" },
        { "\xf0\x9f\x98\x80", 0, "\xf0\x9f\x98\x80" },          /* 4-byte emoji */
        { "кот\xf0\x9f\x98\x80", 0, "кот\xf0\x9f\x98\x80" },
        { "\xff\xfe", 0, "\xff\xfe" },                          /* invalid UTF-8 */
        { "книга\xd0", 0, "книга\xd0" },                       /* truncated letter */
        { "\xd0\xb0\xed\xa0\x80", 0, "\xd0\xb0\xed\xa0\x80" },      /* surrogate */
        { "кни\0га", 9, "кни\0га" },                         /* NUL inside */
        { "северо-западный", 0, "северо-западн" },
        { "казахстан", 0, "казахстан" },
        { NULL, 0, NULL },
    };
    for (int i = 0; rows[i].in; i++) {
        size_t len = rows[i].len ? rows[i].len : strlen(rows[i].in);
        size_t wlen = rows[i].len ? rows[i].len : strlen(rows[i].want);
        size_t slen = 0;
        const char *s = izde_stemmer_stem(st, rows[i].in, len, &slen);
        if (s && slen == wlen && memcmp(s, rows[i].want, wlen) == 0) {
            harness_passed++;
        } else {
            harness_failed++;
            fprintf(stderr, "%s: exact row %d: expected '%s' got '%.*s'\n", __FILE__, i,
                    rows[i].want, s ? (int)slen : 6, s ? s : "(null)");
        }
    }
}

/* A word longer than the buffer's first size, and one over the length
 * limit, which passes through. */
static void check_long(void)
{
    char word[400];
    size_t n = 0;
    for (int i = 0; i < 40; i++, n += 2)
        memcpy(word + n, "а", 2);
    memcpy(word + n, "ость", 8); /* 88 bytes: stemmed */
    n += 8;
    size_t slen = 0;
    const char *s = izde_stemmer_stem(st, word, n, &slen);
    CHECK(s != NULL && slen < n);
    for (int i = 0; i < 100; i++, n += 2)
        memcpy(word + n, "ы", 2);
    s = izde_stemmer_stem(st, word, n, &slen);
    CHECK(s != NULL && slen == n && memcmp(s, word, n) == 0);
}

int main(void)
{
    CHECK_INT(izde_stemmer_new("ru", &st), IZDE_OK);
    if (!st)
        return harness_finish();
    CHECK_STR(izde_stemmer_lang(st), "ru");
    CHECK(izde_stemmer_version(st) >= 1);
    check_paradigms();
    check_apart();
    check_exact();
    check_long();
    izde_stemmer_free(st);
    izde_stemmer_t *alias = NULL;
    CHECK_INT(izde_stemmer_new("russian", &alias), IZDE_OK);
    izde_stemmer_free(alias);
    return harness_finish();
}
