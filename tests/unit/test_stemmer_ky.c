/* test_stemmer_ky.c - Kyrgyz stemmer: paradigms share a stem, lexemes stay apart, odd input passes. */
#include "harness.h"
#include "stemmers/stemmer.h"

#include <stdlib.h>
#include <string.h>

static izde_stemmer_t *st;

/* Stems word and returns a copy (the stemmer's buffer is reused). */
static char *stem(const char *word)
{
    static char out[8][512];
    static int slot;
    size_t n = 0;
    const char *s = izde_stemmer_stem(st, word, strlen(word), &n);
    char *o = out[slot++ % 8];
    if (!s || n >= sizeof(out[0])) {
        strcpy(o, "(null)");
        return o;
    }
    memcpy(o, s, n);
    o[n] = '\0';
    return o;
}

/* Every form of one lexeme: all must give `want`. */
struct paradigm {
    int line;
    const char *want;
    const char *forms[24]; /* NULL-terminated */
};

#define P(want, ...) { __LINE__, want, { __VA_ARGS__, NULL } }

static const struct paradigm paradigms[] = {
    /* nouns through plural, possessive (with -с- after vowels, the
     * pronominal -н- before case) and the six cases */
    P("мекте", "мектеп", "мектеби", "мектебин", "мектебинин", "мектебине", "мектебинде",
      "мектебинен", "мектепке", "мектепте", "мектептен", "мектептин", "мектепти",
      "мектептер", "мектептерге", "мектептердин", "мектептердеги", "мектептеринде",
      "мектебибиз", "мектебиңиз"),
    P("аймак", "аймак", "аймагы", "аймагын", "аймагында", "аймагындагы", "аймагынан",
      "аймагына", "аймагынын", "аймакка", "аймакта", "аймактан", "аймактын",
      "аймактар", "аймактарда", "аймактарынын", "аймактагы"),
    P("ките", "китеп", "китеби", "китебин", "китептер", "китептерди", "китепке",
      "китептин", "китептеги", "китептерибиз"),
    P("бала", "бала", "баласы", "баласын", "баласынын", "баласына", "баласында", "баланын",
      "балага", "баланы", "балада", "баладан", "балдар", "балдарга", "балдардын",
      "балдарды", "балдары", "балдарыбыз"),
    P("үй", "үй", "үйү", "үйүн", "үйүнө", "үйүндө", "үйүнүн", "үйгө", "үйдө", "үйдөн",
      "үйдүн", "үйдү", "үйлөр", "үйлөрү", "үйлөрдө", "үйлөрүбүз", "үйдөгү"),
    P("окууч", "окуучу", "окуучусу", "окуучусун", "окуучунун", "окуучуга", "окуучулар",
      "окуучуларга", "окуучулардын", "окуучуларыбыз", "окуучулардын"),
    P("ишмерд", "ишмердүүлүк", "ишмердүүлүгү", "ишмердүүлүгүн", "ишмердүүлүктүн",
      "ишмердүүлүккө", "ишмердүүлүктө", "ишмердүүлүгүнүн"),
    /* кесип "profession": a converb takes no noun suffix, so кесип- before
     * one is the root, not кес- "cut" + -ип */
    P("кесип", "кесиптик", "кесиптин", "кесиби", "кесибин", "кесипке", "кесиптер",
      "кесиптери", "кесибинде"),
    P("кес", "кести", "кесилди", "кесет", "кесилген", "кесип"),
    P("билим", "билим", "билими", "билимин", "билимдин", "билимге", "билимде", "билимди",
      "билимдер", "билиминин"),
    P("мугалим", "мугалим", "мугалими", "мугалимдер", "мугалимдерге", "мугалимдин",
      "мугалиминин", "мугалимдерибиз", "мугалиммин", "мугалимсиз", "мугалимиме"),
    P("банк", "банк", "банкы", "банкынын", "банкка", "банктар", "банктарынын", "банкта"),
    P("кыргызстан", "кыргызстан", "кыргызстанда", "кыргызстандын", "кыргызстанга",
      "кыргызстандагы", "кыргызстандан"),
    P("көчө", "көчө", "көчөсү", "көчөсүндө", "көчөлөр", "көчөлөрдүн", "көчөгө"),
    P("жыл", "жыл", "жылы", "жылдын", "жылга", "жылда", "жылдагы", "жылдар", "жылдары"),
    P("шаар", "шаар", "шаары", "шаарында", "шаарынын", "шаардын", "шаарлар", "шаарларда",
      "шаарыма"),
    P("суу", "суу", "суусу", "суунун", "сууга", "сууда"),
    /* a finite verb ending (present 1pl -бүз) takes no case after it:
     * өлкөбүздө is өлкө + 1pl possessive + locative */
    P("өлкө", "өлкө", "өлкөгө", "өлкөбүздө", "өлкөбүздүн", "өлкөбүзгө"),
    /* -дагы as a noun: "the ones at", with plural and case */
    P("үй", "үй", "үйдө", "үйдөгү", "үйдөгүлөр", "үйдөгүлөргө", "үйдөгүнү"),
    P("мекте", "мектеп", "мектептеги", "мектептегилер", "мектептегилерге"),
    P("бала", "бала", "балалардагылар", "балалардагыларга"),
    P("камак", "камак", "камактагылар", "камактагылардын"),
    P("жол", "жол", "жолу", "жолдор", "жолдун", "жолго", "жолунда"),
    /* the 2sg possessive everywhere, the 1sg after a voiced final (the -ым
     * of билим, адам is as often the root) and after the plural; the
     * dative after them is -а/-е; -ныкы "that of" takes the cases of the
     * 3rd possessive */
    P("сабак", "сабак", "сабагың", "сабагыңды", "сабагыңа", "сабагым", "сабагымдын",
      "сабагыма", "сабактарым", "сабактарымда", "сабактарыма", "сабактыкы", "сабактыкына"),
    P("деп", "дептер", "дептериң", "дептериңе", "дептерлерим", "дептерлериме", "дептердики",
      "дептердикин"),
    P("бала", "баланыкы", "баланыкынан", "баланыкына"),
    /* loans: a final consonant cluster, the soft sign dropped before suffixes */
    P("кодекс", "кодекс", "кодекси", "кодексинин", "кодекске", "кодекстер"),
    P("октябр", "октябрь", "октябрда", "октябрга", "октябрдагы"),

    /* verbs through tense, negation, person, voice */
    P("жаз", "жаз", "жазды", "жаздым", "жаздың", "жаздыңыз", "жазат", "жазабыз",
      "жазасыз", "жазып", "жазган", "жазуу", "жазууда", "жазбайт", "жазбады",
      "жазылды", "жазылган", "жазса", "жазсам", "жазыптыр", "жазышты", "жазбастан",
      "жазгыла"),
    P("кел", "кел", "келди", "келдим", "келет", "келип", "келген", "келүү", "келүүгө",
      "келбейт", "келбеди", "келбей", "келишти", "келгенде"),
    P("ок", "окуу", "окуйт", "окуду", "окуп", "окуган", "окубайт", "окууда", "окуунун",
      "окууга"),
    P("бар", "бар", "барды", "барат", "барып", "барган", "баруу", "барбайт", "барса"),
    P("ал", "ал", "алды", "алат", "алып", "алган", "алуу", "алууга", "албайт", "алынды",
      "алынган", "алышты", "алыңыз"),
    P("бер", "бер", "берди", "берет", "берип", "берген", "берүү", "берилди", "бербейт",
      "беришти", "беребиз", "бергиле", "бергеним", "бергенимдин"),
    P("бол", "болду", "болот", "болгон", "болуп", "болуу", "болбойт", "болбосо",
      "болууда"),
    P("шайла", "шайлоо", "шайлады", "шайлайт", "шайлап", "шайлаган", "шайлоого"),
    P("иште", "иштөө", "иштеди", "иштейт", "иштеп", "иштеген", "иштебейт"),
    P("сакта", "сактоо", "сактай", "сактайт", "сактады", "сактап", "сакталды"),
    P("изилде", "изилдөө", "изилдөөнүн", "изилдөөлөр", "изилдеди", "изилдеген"),
    P("кой", "кой", "койду", "коюлду", "коюшту", "коюу", "койгон", "коёт", "коёбуз",
      "койдук"),
    /* the optative after vowels and the past 1pl after vowels */
    P("башта", "баштады", "баштайт", "баштайын", "баштайлы", "баштадык"),
    P("де", "деди", "дейт", "деп", "деген"),
    /* the 2pl polite -сыздар is one ending, in the present and the
     * conditional */
    P("ич", "ич", "ичти", "ичет", "ичесиздер", "ичсеңиздер"),

    /* pronouns whose root changes in some cases (not ал: see ky.c) */
    P("мен", "мен", "мага", "мени", "менин", "менден", "меники"),
    P("сен", "сен", "сага", "сени", "сенин", "сенде"),
    P("бул", "бул", "муну", "мунун", "буга", "мында", "мындан"),
    P("ошол", "ошол", "ошону", "ошонун", "ошого", "ошондо"),
};

/* Lexemes that must not collapse into one stem. */
static const char *const distinct[][2] = {
    { "окуучу", "окуу" },      /* pupil, reading */
    { "окутуу", "окуу" },      /* teaching (causative), reading */
    { "мугалим", "мугал" },
    { "бала", "бал" },         /* child, honey */
    { "банк", "бан" },
    { "билим", "бил" },        /* knowledge, know */
    { "адам", "ада" },
    { "жол", "жолук" },        /* road, meet */
    { "кыргызстан", "кыргыз" },
    { "жооп", "жоо" },         /* answer, enemy */
    { "ишмердүүлүк", "иш" },
    { "тил", "тилек" },        /* language, wish */
    /* profession (кесип, a root) and cut (кес-): the -ип of кесип is no
     * converb once a noun suffix follows it */
    { "кесиптик", "кесилди" },
    { "кесиптин", "кести" },
    { "кесиби", "кесилди" },
    { "кесиптик", "кести" },
};

/* Input that must come back unchanged. */
static const char *const unchanged[] = {
    "", "ы", "ал", "үй", "иш", "бер", "бол", "кел", "жана", "менен",
    "2024", "10-класс", "abc", "kg-да", "airlinesтын", "covid-19", "😀", "саламат😀",
    "e-mail", "-", "--", "сом$", "ÿ",
};

/* Words whose stems the team fixed by hand (hyphens, short words). */
static const struct {
    const char *word, *want;
} fixed[] = {
    { "ак-талаада", "ак-талаа" },
    { "көргөзмө-жарманкеси", "көргөзмө-жарманке" },
    { "ысык-көлдө", "ысык-көл" },
    { "жылы", "жыл" },
    { "алдында", "алд" },
    { "педагогикалык", "педагогика" },
    { "инновациялык", "инновация" },
    { "мамлекеттик", "мамлек" },
    { "компаниясы", "компания" },
    /* a numeral in digits before a hyphen keeps the noun after it stemmed */
    { "10-класста", "10-класс" },
    { "5-класстын", "5-класс" },
    { "2-бөлүмүндө", "2-бөлүм" },
};

int main(void)
{
    CHECK_INT(izde_stemmer_new("ky", &st), IZDE_OK);
    if (!st)
        return harness_finish();
    CHECK_INT(izde_stemmer_version(st), 7);
    CHECK_STR(izde_stemmer_lang(st), "ky");

    for (size_t i = 0; i < sizeof(paradigms) / sizeof(paradigms[0]); i++) {
        const struct paradigm *pd = &paradigms[i];
        for (const char *const *f = pd->forms; *f; f++) {
            const char *got = stem(*f);
            if (strcmp(got, pd->want) == 0) {
                harness_passed++;
            } else {
                harness_failed++;
                fprintf(stderr, "%s:%d: %s: expected '%s' got '%s'\n", __FILE__, pd->line, *f,
                        pd->want, got);
            }
        }
    }

    for (size_t i = 0; i < sizeof(distinct) / sizeof(distinct[0]); i++) {
        const char *a = stem(distinct[i][0]), *b = stem(distinct[i][1]);
        if (strcmp(a, b) != 0) {
            harness_passed++;
        } else {
            harness_failed++;
            fprintf(stderr, "%s: '%s' and '%s' both stem to '%s'\n", __FILE__, distinct[i][0],
                    distinct[i][1], a);
        }
    }

    for (size_t i = 0; i < sizeof(unchanged) / sizeof(unchanged[0]); i++)
        CHECK_STR(stem(unchanged[i]), unchanged[i]);

    for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
        CHECK_STR(stem(fixed[i].word), fixed[i].want);

    /* invalid UTF-8 passes through byte for byte */
    static const char bad[][8] = { "\xd0", "\xd0\xd0", "\xd0\xb0\xff", "\xc3\x28", "\xe2\x82" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        size_t n = 0, len = strlen(bad[i]);
        const char *s = izde_stemmer_stem(st, bad[i], len, &n);
        CHECK(s && n == len && memcmp(s, bad[i], len) == 0);
    }

    /* a very long Cyrillic word is left alone, a long one still stems */
    char longw[400] = "";
    for (int i = 0; i < 70; i++) /* 143 bytes: over the limit */
        strcat(longw, "а");
    strcat(longw, "дын");
    CHECK_STR(stem(longw), longw);
    char mid[200] = "";
    for (int i = 0; i < 20; i++)
        strcat(mid, "ал");
    char midd[220];
    snprintf(midd, sizeof(midd), "%sдын", mid);
    CHECK_STR(stem(midd), mid);

    /* stemming is idempotent on stems of frequent words */
    static const char *const again[] = { "билимдердин", "аймагында", "жазбайт", "окуучулар" };
    for (size_t i = 0; i < sizeof(again) / sizeof(again[0]); i++) {
        char once[256];
        snprintf(once, sizeof(once), "%s", stem(again[i]));
        CHECK_STR(stem(once), once);
    }

    izde_stemmer_free(st);
    return harness_finish();
}
