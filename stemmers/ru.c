/* ru.c - Russian stemmer rules: suffix tables in the shape of Snowball's
 * russian.sbl, written anew, plus Izde's own repairs where that algorithm is
 * measurably weak (see the notes by each step). */
#include "stemmers/stemmer_impl.h"

#include <string.h>

/* History of izde_ru_version (bump on any change of output):
 *   0  placeholder, identity.
 *   1  first rules: Snowball-style RV/R2 steps with ё folding; reflexive
 *      verbs marked, -ие/-ия/-ий nouns keep their и, e-stem nouns,
 *      fleeting vowels, -ова-/-ева- and -ну- verbs, e-verbs, -енн-/-ящ-
 *      participles, -Cно adverbs kept, short verbs (знать). */
const unsigned izde_ru_version = 1;

/* What must precede a suffix for it to count. The first three are the
 * verb's own final vowel, which stays with the stem; they combine. */
enum ru_cond {
    RU_ANY = 0,      /* nothing */
    RU_A = 1,        /* а or я in RV: чита-ть, гуля-ть */
    RU_E = 2,        /* е in RV: уме-ть, уме-ет */
    RU_NU = 4,       /* ну in RV: покину-ть, покину-л */
    RU_NOUN_IE = 8,  /* not an adjective's -ие: not after к г х ж ш щ ч or C+н */
    RU_NOUN_IJ,  /* not an adjective's -ий: not after к ж ш щ ч or C+н */
    RU_CONS,     /* a consonant */
    RU_NOT_ADV,  /* not after consonant + н: -Cно words are adverbs (важно,
                  * специально), a lexeme apart from the adjective */
    RU_SOFT,     /* н ж ш ч щ ь or a vowel: where soft adjectives have е */
    RU_PART_AN,  /* after а in RV, not after ст (the place-name -стан) */
    RU_PART_EN,  /* after a consonant, not after ств, м, в */
    RU_GERUND_PRES, /* after a vowel that does not follow щ or ш */
};

struct ru_sfx {
    const char *s;  /* UTF-8 */
    unsigned char len; /* bytes */
    unsigned char cond; /* enum ru_cond */
};

#define SFX(s, c) { s, sizeof(s) - 1, c }
#define N(t) (sizeof(t) / sizeof((t)[0]))

/* Every table lists the longest suffixes first: the first match wins. */

/* Perfective gerunds: прочита-в, прочита-вши(сь), купи-в, забы-в. */
static const struct ru_sfx gerund[] = {
    /* reflexive forms */
    SFX("ившись", RU_ANY), SFX("ывшись", RU_ANY),
    SFX("вшись", RU_A | RU_NU),
    /* -вши */
    SFX("ивши", RU_ANY), SFX("ывши", RU_ANY),
    SFX("вши", RU_A | RU_NU),
    /* -в */
    SFX("ив", RU_ANY), SFX("ыв", RU_ANY),
    SFX("в", RU_A | RU_NU),
};

/* Reflexive particle of verbs and participles. */
static const struct ru_sfx reflexive[] = {
    SFX("ся", RU_ANY), SFX("сь", RU_ANY),
};

/* Full adjective endings, hard and soft, all cases. */
static const struct ru_sfx adjective[] = {
    /* three letters: instrumental plural, genitive and dative m./n. */
    SFX("ими", RU_ANY), SFX("ыми", RU_ANY), SFX("его", RU_ANY),
    SFX("ого", RU_ANY), SFX("ему", RU_SOFT), SFX("ому", RU_ANY),
    /* two letters */
    SFX("ее", RU_ANY), SFX("ие", RU_ANY), SFX("ые", RU_ANY), SFX("ое", RU_ANY),
    SFX("ей", RU_ANY), SFX("ий", RU_ANY), SFX("ый", RU_ANY), SFX("ой", RU_ANY),
    SFX("ем", RU_SOFT), SFX("им", RU_ANY), SFX("ым", RU_ANY), SFX("ом", RU_ANY),
    SFX("их", RU_ANY), SFX("ых", RU_ANY), SFX("ую", RU_ANY), SFX("юю", RU_ANY),
    SFX("ая", RU_ANY), SFX("яя", RU_ANY), SFX("ою", RU_ANY), SFX("ею", RU_ANY),
};

/* Participle suffixes left once the adjective ending is gone. */
static const struct ru_sfx participle[] = {
    /* after the verb's own vowel: купи-вш-ий, рису-ющ-ий */
    SFX("ивш", RU_ANY), SFX("ывш", RU_ANY), SFX("ующ", RU_ANY),
    /* after a consonant: постро-енн-ый, освобожд-енн-ый; not the adjectives
     * in -ственн-, -менн-, -венн- (государственный, временный, мгновенный),
     * since verbs in -мить, -вить make -мленный, -вленный */
    SFX("енн", RU_PART_EN),
    /* after а/я: чита-ем-ый, прочита-нн-ый, чита-вш-ий, чита-ющ-ий, спя-щ-ий */
    /* 2nd conjugation present after a consonant: говор-ящ-ий, держ-ащ-ий */
    SFX("ящ", RU_CONS), SFX("ащ", RU_CONS),
    SFX("ем", RU_A), SFX("нн", RU_A), SFX("вш", RU_A | RU_NU),
    SFX("ющ", RU_A), SFX("щ", RU_A),
};

/* Finite verb endings, infinitive, past, imperative, short participles. */
static const struct ru_sfx verb[] = {
    /* four letters: imperative plural */
    SFX("ейте", RU_ANY), SFX("уйте", RU_ANY),
    /* three letters */
    SFX("ила", RU_ANY), SFX("ыла", RU_ANY), SFX("ена", RU_ANY), SFX("ите", RU_ANY),
    SFX("или", RU_ANY), SFX("ыли", RU_ANY), SFX("ило", RU_ANY), SFX("ыло", RU_ANY),
    SFX("ено", RU_ANY), SFX("ует", RU_ANY), SFX("уют", RU_ANY), SFX("ены", RU_ANY),
    SFX("ить", RU_ANY), SFX("ыть", RU_ANY), SFX("ишь", RU_ANY),
    SFX("ете", RU_A | RU_E), SFX("йте", RU_A), SFX("ешь", RU_A | RU_E),
    SFX("нно", RU_A),
    /* two letters */
    SFX("ей", RU_ANY), SFX("уй", RU_ANY), SFX("ил", RU_ANY), SFX("ыл", RU_ANY),
    SFX("им", RU_ANY), SFX("ым", RU_ANY), SFX("ен", RU_ANY), SFX("ят", RU_ANY),
    SFX("ит", RU_ANY), SFX("ую", RU_ANY), SFX("уя", RU_ANY),
    SFX("ла", RU_A | RU_NU), SFX("на", RU_PART_AN), SFX("ли", RU_A | RU_NU),
    SFX("ем", RU_A | RU_E), SFX("ло", RU_A | RU_NU), SFX("но", RU_PART_AN),
    SFX("ет", RU_A | RU_E), SFX("ют", RU_A | RU_E), SFX("ны", RU_PART_AN),
    SFX("ть", RU_A | RU_E | RU_NU),
    /* one letter */
    SFX("ю", RU_ANY),
    SFX("й", RU_A), SFX("л", RU_A | RU_NU),
    /* short participle m.: написа-н, but not Казахстан, Пашинян */
    SFX("н", RU_PART_AN),
};

/* Verb endings seen only before -ся/-сь: 1st singular and present gerunds
 * (уч-у-сь, наход-я-сь, уч-а-сь). */
static const struct ru_sfx verb_refl[] = {
    SFX("а", RU_ANY), SFX("у", RU_ANY), SFX("я", RU_ANY),
};

/* Present gerunds before -сь, where -ая/-яя is not an adjective ending:
 * являя-сь, стараясь (but являющаяся is a participle). */
static const struct ru_sfx gerund_refl[] = {
    SFX("я", RU_GERUND_PRES),
};

/* Nouns in -ие, -ия, -ий keep their и (здани-е, лини-я, гени-й): without
 * it they fall together with adjectives and verbs (развитие, развитый,
 * развить). -ие and -ий are also adjective endings; the condition leaves
 * друг-ие, русск-ий, бывш-ий, последн-ий to the adjective step. */
static const struct ru_sfx noun_i[] = {
    SFX("иями", RU_ANY),
    SFX("ией", RU_ANY), SFX("иям", RU_ANY), SFX("ием", RU_ANY), SFX("иях", RU_ANY),
    SFX("иев", RU_ANY),
    SFX("ия", RU_ANY), SFX("ию", RU_ANY), SFX("ии", RU_ANY),
    SFX("ие", RU_NOUN_IE), SFX("ий", RU_NOUN_IJ),
};

/* The -ова-/-ева- of verbs that alternate with -у-/-ю- in the present
 * (командова-ть, команд-ует; воева-ть, во-юет). */
static const struct ru_sfx verb_stem[] = {
    SFX("ова", RU_ANY), SFX("ева", RU_ANY),
};

/* The stem vowel of nouns in -ей/-ой/-ея (музе-й, геро-й, иде-я): it is
 * part of the ending in some forms (музей, идей) and not in others. */
static const struct ru_sfx stem_vowel[] = {
    SFX("е", RU_ANY), SFX("о", RU_ANY),
};

/* Noun endings of all declensions. */
static const struct ru_sfx noun[] = {
    /* four letters */
    SFX("иями", RU_ANY),
    /* three letters */
    SFX("ями", RU_ANY), SFX("ами", RU_ANY), SFX("ией", RU_ANY), SFX("иям", RU_ANY),
    SFX("ием", RU_ANY), SFX("иях", RU_ANY),
    /* two letters */
    SFX("ев", RU_ANY), SFX("ов", RU_ANY), SFX("ие", RU_ANY), SFX("ье", RU_ANY),
    SFX("еи", RU_ANY), SFX("ии", RU_ANY), SFX("ей", RU_ANY), SFX("ой", RU_ANY),
    SFX("ий", RU_ANY), SFX("ям", RU_ANY), SFX("ем", RU_ANY), SFX("ам", RU_ANY),
    SFX("ом", RU_ANY), SFX("ах", RU_ANY), SFX("ях", RU_ANY), SFX("ию", RU_ANY),
    SFX("ью", RU_ANY), SFX("ия", RU_ANY), SFX("ья", RU_ANY),
    /* one letter */
    SFX("а", RU_ANY), SFX("е", RU_ANY), SFX("и", RU_ANY), SFX("й", RU_ANY),
    SFX("о", RU_NOT_ADV), SFX("у", RU_ANY), SFX("ы", RU_ANY), SFX("ь", RU_ANY),
    SFX("ю", RU_ANY), SFX("я", RU_ANY),
};

/* Derivational -ость (in R2): сложн-ость, сложн-ости. */
static const struct ru_sfx derivational[] = {
    SFX("ость", RU_ANY), SFX("ост", RU_ANY),
};

/* Superlative -ейш-: нов-ейш-ий. */
static const struct ru_sfx superlative[] = {
    SFX("ейше", RU_ANY), SFX("ейш", RU_ANY),
};

/* The word being stemmed: bytes, and where RV and R2 begin. */
struct ru_word {
    char *p;
    size_t len;
    size_t rv; /* after the first vowel */
    size_t r2; /* Snowball's R2 */
};

/* Bytes of one letter at p: Cyrillic letters take two, the hyphen one. */
static size_t letter_len(const char *p)
{
    return *p == '-' ? 1 : 2;
}

static int is_vowel(const char *p)
{
    unsigned char a = (unsigned char)p[0], b = (unsigned char)p[1];
    if (a == 0xD0)
        return b == 0xB0 || b == 0xB5 || b == 0xB8 || b == 0xBE; /* а е и о */
    if (a == 0xD1)
        return b == 0x83 || b == 0x8B || b == 0x8D || b == 0x8E || b == 0x8F; /* у ы э ю я */
    return 0;
}

/* Checks that p holds only Russian letters and hyphens, folding ё to е on
 * the way (both are two bytes). Returns 0 for anything else, which then
 * passes through unchanged. */
static int check_and_fold(char *p, size_t len)
{
    int letters = 0;
    for (size_t i = 0; i < len;) {
        unsigned char a = (unsigned char)p[i];
        if (a == '-') {
            i++;
            continue;
        }
        if (i + 1 >= len)
            return 0;
        unsigned char b = (unsigned char)p[i + 1];
        if (a == 0xD0 && b >= 0xB0 && b <= 0xBF) {
            /* а..п */
        } else if (a == 0xD1 && b >= 0x80 && b <= 0x8F) {
            /* р..я */
        } else if (a == 0xD1 && b == 0x91) {
            p[i] = (char)0xD0; /* ё -> е */
            p[i + 1] = (char)0xB5;
        } else {
            return 0;
        }
        letters++;
        i += 2;
    }
    return letters > 0;
}

/* The first position after a non-vowel that follows a vowel, from start. */
static size_t region_after(const char *p, size_t len, size_t start)
{
    size_t i = start;
    while (i < len && !is_vowel(p + i))
        i += letter_len(p + i);
    while (i < len && is_vowel(p + i))
        i += letter_len(p + i);
    if (i < len)
        i += letter_len(p + i);
    return i;
}

static void find_regions(struct ru_word *w)
{
    size_t i = 0;
    while (i < w->len && !is_vowel(w->p + i))
        i += letter_len(w->p + i);
    w->rv = i < w->len ? i + 2 : w->len;
    size_t r1 = region_after(w->p, w->len, 0);
    w->r2 = r1 < w->len ? region_after(w->p, w->len, r1) : w->len;
}

static int ends_with(const struct ru_word *w, size_t end, const char *s, size_t n)
{
    return end >= n && memcmp(w->p + end - n, s, n) == 0;
}

static int is_consonant_at(const struct ru_word *w, size_t end)
{
    return end >= 2 && w->p[end - 1] != '-' && !is_vowel(w->p + end - 2);
}

/* The letter ending at end is one of the two-byte letters in set. */
static int after_one_of(const struct ru_word *w, size_t end, const char *set)
{
    if (end < 2)
        return 0;
    for (const char *c = set; *c; c += 2)
        if (w->p[end - 2] == c[0] && w->p[end - 1] == c[1])
            return 1;
    return 0;
}

/* Whether -ие/-ий ending at end belongs to a noun. */
static int noun_ie(const struct ru_word *w, size_t end, int ij)
{
    if (after_one_of(w, end, ij ? "кжшщч" : "кгхжшщч"))
        return 0;
    if (ends_with(w, end, "н", 2) && is_consonant_at(w, end - 2))
        return 0;
    return 1;
}

/* Whether cond holds before a suffix starting at byte at. */
static int cond_holds(const struct ru_word *w, size_t at, size_t limit, unsigned cond)
{
    if (cond < 8) {
        /* the verb's own vowel, inside RV; а/я may also be the vowel that
         * opens RV when three letters stay (зна-ть, ста-л, but да-ть) */
        if ((cond & RU_A) && at >= limit && at >= 6 && after_one_of(w, at, "ая"))
            return 1;
        if ((cond & RU_E) && at >= limit + 2 && after_one_of(w, at, "е"))
            return 1;
        if ((cond & RU_NU) && at >= limit + 4 && ends_with(w, at, "ну", 4))
            return 1;
        return 0;
    }
    switch (cond) {
    case RU_NOUN_IE:
    case RU_NOUN_IJ:
        return noun_ie(w, at, cond == RU_NOUN_IJ);
    case RU_PART_AN:
        return at >= limit + 2 && ends_with(w, at, "а", 2) && !ends_with(w, at, "ста", 6);
    case RU_CONS:
        return is_consonant_at(w, at);
    case RU_NOT_ADV:
        return !(ends_with(w, at, "н", 2) && is_consonant_at(w, at - 2));
    case RU_SOFT:
        return !is_consonant_at(w, at) || after_one_of(w, at, "нжшчщь");
    case RU_PART_EN:
        if (!is_consonant_at(w, at)) /* постро-енн-ый, but not во-енн-ый */
            return at >= 6 && at >= limit;
        return !ends_with(w, at, "ств", 6) && !after_one_of(w, at, "мв");
    case RU_GERUND_PRES:
        return at >= 4 && is_vowel(w->p + at - 2) && !after_one_of(w, at - 2, "щш");
    }
    return 0;
}

/* Finds the longest suffix of t that ends the word, starts at or after
 * limit and whose condition holds (when the longest one's condition fails,
 * a shorter one may still match, unlike Snowball's among). */
static const struct ru_sfx *find(const struct ru_word *w, const struct ru_sfx *t, size_t n,
                                 size_t limit)
{
    if (limit > w->len)
        return NULL;
    size_t room = w->len - limit;
    const char *end = w->p + w->len;
    for (size_t i = 0; i < n; i++) {
        const struct ru_sfx *s = &t[i];
        if (s->len > room || end[-1] != s->s[s->len - 1] || memcmp(end - s->len, s->s, s->len) != 0)
            continue;
        size_t at = w->len - s->len;
        if (s->cond != RU_ANY && !cond_holds(w, at, limit, s->cond))
            continue;
        return s;
    }
    return NULL;
}

/* Removes a suffix of t inside RV; returns whether one went. */
static int strip(struct ru_word *w, const struct ru_sfx *t, size_t n)
{
    const struct ru_sfx *s = find(w, t, n, w->rv);
    if (!s)
        return 0;
    w->len -= s->len;
    return 1;
}

/* Fleeting о/е: the vowel of a last syllable comes and goes with the
 * ending (замок/замка, отец/отца, уровень/уровня, сестра/сестёр,
 * известен/известный). Dropping it from every stem that ends in
 * consonant + о/е + one of к ц н л р keeps a paradigm together whichever
 * form comes in; the vowel must lie in RV so that the stem keeps one. */
static void drop_fleeting_vowel(struct ru_word *w)
{
    if (w->len < w->rv + 4 || !after_one_of(w, w->len, "кцнлр"))
        return;
    size_t v = w->len - 4; /* the vowel */
    if (!after_one_of(w, v + 2, "ое") || !is_consonant_at(w, v))
        return;
    memmove(w->p + v, w->p + v + 2, 2);
    w->len -= 2;
}

/* What the inflection step took off. */
enum ru_kind { K_NONE, K_VERB, K_ADJ, K_PART, K_NOUN, K_ISTEM };

/* Strips the inflection: a perfective gerund, or an optional reflexive
 * then an adjectival, verb or noun ending. Sets *refl when -ся/-сь went. */
static enum ru_kind strip_inflection(struct ru_word *w, int *refl)
{
    const struct ru_sfx *g = find(w, gerund, N(gerund), w->rv);
    if (g) {
        *refl = g->len >= 10; /* -вшись, -ившись */
        w->len -= g->len;
        return K_VERB;
    }
    size_t full = w->len;
    if (strip(w, reflexive, N(reflexive))) {
        *refl = 1;
        if (strip(w, gerund_refl, N(gerund_refl)))
            return K_VERB;
        if (strip(w, adjective, N(adjective)))
            return strip(w, participle, N(participle)) ? K_PART : K_ADJ;
        if (strip(w, verb, N(verb)) || strip(w, verb_refl, N(verb_refl)))
            return K_VERB;
        *refl = 0;
        w->len = full; /* a noun in -сь/-ся: гусь, лось */
    }
    const struct ru_sfx *ni = find(w, noun_i, N(noun_i), w->rv);
    if (ni) {
        w->len -= ni->len - 2; /* keep the и */
        return K_ISTEM;
    }
    if (strip(w, adjective, N(adjective)))
        return strip(w, participle, N(participle)) ? K_PART : K_ADJ;
    if (strip(w, verb, N(verb)))
        return K_VERB;
    if (strip(w, noun, N(noun)))
        return K_NOUN;
    return K_NONE;
}

size_t izde_ru_root(const char *stem, size_t len)
{
    /* The mark a reflexive stem gets back (izde_ru_stem); a stem that only
     * happens to end so loses letters it did not need to, which is safe. */
    if (len > 4 && memcmp(stem + len - 4, "ся", 4) == 0)
        len -= 4;
    /* The last letter: a fleeting vowel went before it (отец -> отц). */
    while (len > 0 && ((unsigned char)stem[len - 1] & 0xC0) == 0x80)
        len--;
    return len > 0 ? len - 1 : 0;
}

int izde_ru_stem(struct izde_stem_buf *buf)
{
    if (!check_and_fold(buf->p, buf->len))
        return 0;
    struct ru_word w = { buf->p, buf->len, 0, 0 };
    find_regions(&w);

    /* A reflexive verb is a lexeme of its own (занимать vs заниматься),
     * so -ся/-сь leaves a mark: the stem gets "ся" back at the end. */
    int refl = 0;
    enum ru_kind kind = strip_inflection(&w, &refl);

    if (kind == K_VERB || kind == K_PART)
        strip(&w, verb_stem, N(verb_stem));
    else if (kind == K_NOUN || kind == K_ADJ)
        strip(&w, stem_vowel, N(stem_vowel));
    if (kind != K_ISTEM && w.len >= w.rv + 2 && ends_with(&w, w.len, "и", 2))
        w.len -= 2;
    {
        const struct ru_sfx *s = find(&w, derivational, N(derivational), w.r2);
        if (s)
            w.len -= s->len;
    }
    if (strip(&w, superlative, N(superlative))) {
        if (w.len >= w.rv + 4 && ends_with(&w, w.len, "нн", 4))
            w.len -= 2;
    } else if (w.len >= w.rv + 4 && ends_with(&w, w.len, "нн", 4)) {
        w.len -= 2;
    } else if (w.len >= w.rv + 2 && ends_with(&w, w.len, "ь", 2)) {
        w.len -= 2;
    }

    drop_fleeting_vowel(&w);

    if (refl) {
        memcpy(w.p + w.len, "ся", 4);
        w.len += 4;
    }
    w.p[w.len] = '\0';
    buf->len = w.len;
    return 0;
}
