/* ky.c - rule-based Kyrgyz stemmer: suffix classes stripped right to left by slot.
 *
 * How it works
 *   1. The word must be Cyrillic letters, optionally with hyphens, and
 *      digits before a hyphen (a numeral with its noun, 10-класста); anything
 *      else (Latin, symbols, invalid UTF-8) passes through unchanged.
 *      Only the part after the last hyphen is stemmed.
 *   2. The letters are decoded to one byte each (code point - U+0400); ю,
 *      я and ё count as й + у/а/о (коюлду = кой-ул-ду). A few frequent function
 *      words are kept whole, and балдар is read as бала-лар.
 *   3. Suffixes are written as patterns over letter classes (an upper-case
 *      letter is a class, a lower-case letter itself), e.g. the plural
 *      "ЛАр" = {л,д,т}{а,е,о,ө}р. The initial consonant of a suffix must fit
 *      the sound before it (л after vowels, й, р; д after voiced consonants;
 *      т after voiceless ones ...), and its first vowel must agree with the
 *      last vowel of the stem (fourfold harmony).
 *   4. Every suffix has a slot; a word is read from the right with slots
 *      strictly decreasing (question clitic, person, case, possessive, plural,
 *      derivation, verb form, negation, voice). Where one string could be
 *      two suffixes (-ды accusative or past), all readings are tried and the
 *      one leaving the shortest valid stem wins; the search is at most one
 *      suffix per slot, so it stays small.
 *   5. The stem is normalised so that all forms of a lexeme agree: a final
 *      г/б (the voiced alternant before vowels, аймагы, мектеби) becomes к/п;
 *      the verbal noun -оо/-өө gives back the а/е/о/ө it fused with (сактоо
 *      -> сакта); a final high vowel after a consonant (possessive -ы/-и/
 *      -у/-ү, and the vowel of оку- and stems like it) and a final soft sign
 *      are dropped. Endings that are as often part of a noun as a verb
 *      ending (-ат/-ет present, -п converb) are stripped everywhere, so the
 *      noun keeps one stem in all its forms (мектеп, мектептер: мекте).
 *   6. Stems keep at least two letters with a vowel; two-letter stems are
 *      vowel + consonant (ал, эт, үй, иш) or one of де- "say", же- "eat".
 *
 * Thread-safe: the tables are const and the work arrays live on the stack.
 */
#include "stemmers/stemmer_impl.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

/* Version history (bump on any change of output):
 *   0  identity placeholder
 *   1  first rule set: nominal and verbal suffix slots, harmony and
 *      consonant alternation checks, к/г п/б normalisation
 *   2  a converb -ып/-п before a noun suffix is the end of a root when the
 *      verb root would be one syllable (кесиптик: кесип, not кес)
 *   3  2sg and (after б/г, the plural, before the dative -а) 1sg
 *      possessives, -ныкы with case, imperative -гыла, numerals in digits
 *      before a hyphen (10-класста), pronouns whose root changes (мага, муну)
 *   4  ё read as й + о (коёт), optative -йын/-йлы after vowels, past 1pl -дык
 *      after vowels and й; finite verb forms (person, mood) take no noun
 *      suffix after them
 *   5  -дагы as a noun with the plural and a case after it (үйдөгүлөр)
 *   6  and with a plural and a possessive before it (балалардагылар)
 *   7  the 1sg possessive after the participle -ган (бергенимдин)
 */
const unsigned izde_ky_version = 7;

/* Letters are handled as code point - 0x400 (all of Cyrillic is U+04xx).
 * Longer words than this (in letters) pass through; stemmer.c already stops
 * at 128 bytes, which is 64 Cyrillic letters. */
#define KY_MAX_LETTERS 64

/* ---- letter properties ---------------------------------------------------- */

enum {
    L_VOWEL = 1 << 0,
    L_HIGH = 1 << 1,      /* ы и у ү (ю) */
    L_VOICELESS = 1 << 2, /* к п т с ш ч ф х ц щ */
    L_LETTER = 1 << 3,    /* any lower-case Cyrillic letter */
    L_CLASS = 1 << 4,     /* an upper-case pattern class letter */
};

/* Code point offsets (U+0400 + x) of the letters the rules name. */
enum {
    C_A = 0x30, C_B = 0x31, C_V = 0x32, C_G = 0x33, C_D = 0x34, C_E = 0x35,
    C_ZH = 0x36, C_Z = 0x37, C_I = 0x38, C_J = 0x39, C_K = 0x3A, C_L = 0x3B,
    C_M = 0x3C, C_N = 0x3D, C_O = 0x3E, C_P = 0x3F, C_R = 0x40, C_S = 0x41,
    C_T = 0x42, C_U = 0x43, C_F = 0x44, C_X = 0x45, C_TS = 0x46, C_CH = 0x47,
    C_SH = 0x48, C_SCH = 0x49, C_HARD = 0x4A, C_Y = 0x4B, C_SOFT = 0x4C,
    C_EH = 0x4D, C_JU = 0x4E, C_JA = 0x4F, C_JO = 0x51, C_NG = 0xA3,
    C_UE = 0xAF, C_OE = 0xE9,
    /* class letters in patterns (upper case) */
    K_A = 0x10,  /* А: low vowel а е о ө */
    K_B = 0x11,  /* Б: б п */
    K_G = 0x13,  /* Г: г к */
    K_D = 0x14,  /* Д: д т */
    K_L = 0x1B,  /* Л: л д т */
    K_N = 0x1D,  /* Н: н д т */
    K_Y = 0x2B,  /* Ы: high vowel ы и у ү */
};

#define VOW (L_LETTER | L_VOWEL)
#define HIV (L_LETTER | L_VOWEL | L_HIGH)
#define VLS (L_LETTER | L_VOICELESS)
#define VCD L_LETTER
static const uint8_t ky_props[256] = {
    /* vowels; я ё э ю of Russian loans count with their vowel */
    [C_A] = VOW, [C_E] = VOW, [C_O] = VOW, [C_OE] = VOW, [C_EH] = VOW,
    [C_JA] = VOW, [C_JO] = VOW,
    [C_Y] = HIV, [C_I] = HIV, [C_U] = HIV, [C_UE] = HIV, [C_JU] = HIV,
    /* voiceless consonants */
    [C_K] = VLS, [C_P] = VLS, [C_T] = VLS, [C_S] = VLS, [C_SH] = VLS,
    [C_CH] = VLS, [C_F] = VLS, [C_X] = VLS, [C_TS] = VLS, [C_SCH] = VLS,
    /* voiced consonants and the signs */
    [C_B] = VCD, [C_V] = VCD, [C_G] = VCD, [C_D] = VCD, [C_ZH] = VCD,
    [C_Z] = VCD, [C_J] = VCD, [C_L] = VCD, [C_M] = VCD, [C_N] = VCD,
    [C_R] = VCD, [C_NG] = VCD, [C_HARD] = VCD, [C_SOFT] = VCD,
    /* class letters of the patterns */
    [K_A] = L_CLASS, [K_B] = L_CLASS, [K_G] = L_CLASS, [K_D] = L_CLASS,
    [K_L] = L_CLASS, [K_N] = L_CLASS, [K_Y] = L_CLASS,
};

static uint8_t props_of(unsigned c) { return ky_props[c & 0xFF]; }

static int is_vowel(unsigned c) { return (props_of(c) & L_VOWEL) != 0; }
static int is_cons(unsigned c) { return (props_of(c) & (L_LETTER | L_VOWEL)) == L_LETTER && c != C_SOFT && c != C_HARD; }
static int is_voiceless(unsigned c) { return (props_of(c) & L_VOICELESS) != 0; }

/* Harmony groups of a vowel: 0 а ы я э (back), 1 о ё (back round),
 * 2 у ю (back round high), 3 е и (front), 4 ө ү (front round). */
static int harmony_group(unsigned v)
{
    switch (v) {
    case C_A: case C_Y: case C_JA: return 0;
    case C_O: case C_JO: return 1;
    case C_U: case C_JU: return 2;
    case C_E: case C_I: case C_EH: return 3;
    case C_OE: case C_UE: return 4;
    default: return -1;
    }
}

/* ---- the rules ------------------------------------------------------------ */

/* Slots, outermost first; a word is read with strictly decreasing slots. */
enum ky_slot {
    KY_NONE = 0,  /* nothing stripped yet */
    KY_VOICE,     /* passive -ыл/-л/-ын, reciprocal -ыш */
    KY_NEG,       /* negation -ба */
    KY_VERB,      /* tense, participle, converb, verbal noun */
    KY_DERIV,     /* derivational suffixes */
    KY_PL,        /* plural */
    KY_POSS,      /* possessive */
    KY_NYKY,      /* the possessive pronoun -ныкы "the one of" */
    KY_CASE,      /* the six cases, -дагы */
    KY_PERS,      /* predicative personal endings */
    KY_Q,         /* question clitic */
    KY_NSLOTS
};

/* What may stand before a suffix (on top of the class and harmony checks). */
enum {
    F_AV = 1 << 0,   /* after a vowel */
    F_AC = 1 << 1,   /* after a consonant */
    F_AH = 1 << 2,   /* after a high vowel (the pronominal -н- after -ы/-сы) */
    F_AL = 1 << 3,   /* after л (passive -ын: алын, салын) */
    F_LONG = 1 << 4, /* leaves at least 4 letters */
    F_P3 = 1 << 5,   /* is the 3rd person possessive (-ы, -сы) */
    F_SHORTV = 1 << 6, /* after a short vowel (converb -п: иштеп, not жооп) */
    F_FUSED = 1 << 7, /* -оо/-өө: the stem's final а/е/о/ө fused into it */
    F_VERBAL = 1 << 8, /* after a vowel, only verb suffixes may follow inwards */
    F_STAN = 1 << 9,  /* not after consonant + с: кыргыз-стан, казак-стан */
    F_CONVERB = 1 << 10, /* the converb -ып/-п: see converb_is_root */
    F_AMN = 1 << 11,  /* after the 1sg/2sg possessive -м/-ң */
    F_P12 = 1 << 12,  /* is the 1sg or 2sg possessive */
    F_AVOICED = 1 << 13, /* after the voiced alternant б/г of a final п/к */
    F_NEEDED = 1 << 14, /* only where the suffix before asks for it (need) */
    F_AVJ = 1 << 15,  /* after a vowel or й */
    F_FINITE = 1 << 16, /* a finite verb form (person, mood): no noun suffix
                           follows it, only the question clitic */
    F_RESTART = 1 << 17, /* the word before it is read as before a case */
};

struct ky_sfx {
    char s[18];           /* pattern, UTF-8: upper case = class; kept in the
                           * table so a scan reads no other memory */
    unsigned char len;    /* bytes */
    unsigned char slot;   /* enum ky_slot */
    unsigned char last;   /* the last pattern letter (code point - 0x400) */
    unsigned flags;       /* F_* */
};

/* The last letter of a pattern literal, folded by the compiler (C11 6.6p10
 * lets an implementation take this as a constant; GCC and Clang do). */
#define LAST_LETTER(s) \
    (unsigned char)(((((unsigned char)(s)[sizeof(s) - 3] & 0x1F) << 6) | \
                     ((unsigned char)(s)[sizeof(s) - 2] & 0x3F)) - 0x400)
#define SFX(s, c) { s, sizeof(s) - 1, c, LAST_LETTER(s), 0 }
#define SFXF(s, c, f) { s, sizeof(s) - 1, c, LAST_LETTER(s), f }

/* One table per slot, outermost first; within a slot the longest pattern
 * comes first (the search tries them all, so order only breaks ties). */
static const struct ky_sfx ky_q[] = {
    /* question clitic: -бы/-би/-бу/-бү, -пы... (келеби, барабы); after a
     * vowel it could be the possessive of a б-stem (мектеби), so nothing
     * nominal is stripped after it */
    SFXF("Бы", KY_Q, F_VERBAL), SFXF("Би", KY_Q, F_VERBAL), SFXF("Бу", KY_Q, F_VERBAL),
    SFXF("Бү", KY_Q, F_VERBAL),
};

static const struct ky_sfx ky_pers[] = {
    /* predicative endings: 2pl, 2sg polite, 1sg, 2sg, 1pl (мугалиммин,
     * баргансыз); -сыз is also the privative suffix, with the same stem */
    SFX("сЫңАр", KY_PERS), SFX("сЫздАр", KY_PERS),
    SFXF("мЫн", KY_PERS, F_AC),
    SFX("сЫң", KY_PERS), SFX("сЫз", KY_PERS),
    SFX("БЫз", KY_PERS),
};

static const struct ky_sfx ky_case[] = {
    /* ablative, after 3rd possessive with the pronominal -н- */
    SFXF("нАн", KY_CASE, F_AH), SFXF("ДАн", KY_CASE, F_STAN),
    /* locative */
    SFXF("нДА", KY_CASE, F_AH), SFX("ДА", KY_CASE),
    /* genitive */
    SFX("НЫн", KY_CASE),
    /* dative: -га/-ка, after 3rd possessive -на */
    SFX("ГА", KY_CASE), SFXF("нА", KY_CASE, F_AH),
    /* dative -а/-е after the 1sg and 2sg possessive (китебиме, үйүңө) */
    SFXF("А", KY_CASE, F_AMN),
    /* accusative: -ны/-ды/-ты, after 3rd possessive -н */
    SFX("НЫ", KY_CASE), SFXF("н", KY_CASE, F_AH),
};

static const struct ky_sfx ky_poss[] = {
    /* possessive: 2pl, 1pl, 2sg polite, 3rd (-ы after consonants, -сы
     * after vowels), 2sg -ың/-ң. The 1sg -ым/-м looks like the end of a
     * stem (адам, билим, мугалим: stripping it everywhere cost 0.01 F1 on
     * both UD halves), so it is taken only where it cannot be one: after
     * the voiced б/г of a final п/к (сабагым), after the plural (-ларым),
     * and before the dative -а/-е, which follows only 1sg/2sg (тилиме) */
    SFX("ЫңЫздАр", KY_POSS), SFXF("ңЫздАр", KY_POSS, F_AV),
    SFX("ЫңАр", KY_POSS), SFXF("ңАр", KY_POSS, F_AV),
    SFX("ЫбЫз", KY_POSS), SFXF("бЫз", KY_POSS, F_AV),
    SFX("ЫңЫз", KY_POSS), SFXF("ңЫз", KY_POSS, F_AV),
    SFXF("сЫ", KY_POSS, F_AV | F_P3), SFXF("Ы", KY_POSS, F_P3),
    SFXF("ЛАрЫм", KY_POSS, F_P12), SFXF("Ым", KY_POSS, F_P12 | F_AVOICED),
    SFXF("Ың", KY_POSS, F_P12), SFXF("ң", KY_POSS, F_AV | F_P12),
    SFXF("Ым", KY_POSS, F_P12 | F_NEEDED),
};

static const struct ky_sfx ky_nyky[] = {
    /* -ныкы/-дыкы/-тыкы (the genitive + -кы): "that of X"; it takes the
     * cases with the pronominal -н- like the 3rd possessive (баланыкына) */
    SFXF("НЫкЫ", KY_NYKY, F_P3),
};

static const struct ky_sfx ky_pl[] = {
    /* plural: -лар after vowels, й, р; -дар after voiced; -тар after voiceless */
    SFX("ЛАр", KY_PL),
};

/* verb forms */
static const struct ky_sfx ky_verb[] = {
    /* participle + -дык nominaliser (барган-дык-ы-н) */
    SFX("ГАндЫк", KY_VERB),
    /* participle + 1sg possessive (барганым), which the possessives take
     * only where the -ым cannot end a root */
    SFX("ГАнЫм", KY_VERB),
    /* progressive/perfect participle -ган, -гыча/-ганча "until" */
    SFX("ГАнчА", KY_VERB), SFX("ГЫчА", KY_VERB), SFX("ГАн", KY_VERB),
    /* negative converb/participle -бастан, -бас (the -ба- is in the pattern) */
    SFX("БАстАн", KY_VERB), SFX("БАс", KY_VERB),
    /* intention -макчы */
    SFX("мАкчЫ", KY_VERB),
    /* evidential past -ыптыр, -птыр */
    SFXF("ЫптЫр", KY_VERB, F_FINITE), SFXF("птЫр", KY_VERB, F_AV | F_FINITE),
    /* past: -ды + person (-дым, -дың, -дыңыз, -дыңар) */
    SFXF("ДЫңЫздАр", KY_VERB, F_FINITE), SFXF("ДЫңЫз", KY_VERB, F_FINITE),
    SFXF("ДЫңАр", KY_VERB, F_FINITE), SFXF("ДЫм", KY_VERB, F_FINITE),
    SFXF("ДЫң", KY_VERB, F_FINITE), SFXF("ДЫ", KY_VERB, F_FINITE),
    /* past 1pl -дык after vowels and й (окудук, койдук); after other
     * sounds it is the derivation -лык/-дык as often (шаардык, бардык)
     * and is left to it */
    SFXF("ДЫк", KY_VERB, F_AVJ | F_FINITE),
    /* imperative plural -гыла */
    SFXF("ГЫлА", KY_VERB, F_FINITE),
    /* optative 1sg -йын, 1pl -йлы after vowels (баштайын, баштайлы,
     * коёюн): the end of a word, never before a case (капчыгай-ын-да,
     * ырай-ын-ын). After consonants they are -айын, -алы, which a stem in
     * а reads the same (башт-айын, башта-йын; жас-айын, жаса-йын), and
     * stems in -ла/-да/-та are the most frequent verbs; -алы is also the
     * end of nouns with a possessive (мисал-ы, абал-ы) */
    SFXF("йЫн", KY_VERB, F_AV | F_FINITE), SFXF("йлЫ", KY_VERB, F_AV | F_FINITE),
    /* conditional -са + person */
    SFXF("сАңЫздАр", KY_VERB, F_FINITE),
    SFXF("сАңЫз", KY_VERB, F_FINITE), SFXF("сАңАр", KY_VERB, F_FINITE),
    SFXF("сАм", KY_VERB, F_FINITE), SFXF("сАң", KY_VERB, F_FINITE),
    SFXF("сАк", KY_VERB, F_FINITE), SFXF("сА", KY_VERB, F_FINITE),
    /* present-future: -а-/-й- + person; 3rd -ат/-йт */
    SFXF("АсЫңАр", KY_VERB, F_FINITE), SFXF("йсЫңАр", KY_VERB, F_AV | F_FINITE),
    SFXF("АсЫздАр", KY_VERB, F_FINITE), SFXF("йсЫздАр", KY_VERB, F_AV | F_FINITE),
    SFXF("АсЫз", KY_VERB, F_FINITE), SFXF("йсЫз", KY_VERB, F_AV | F_FINITE),
    SFXF("АсЫң", KY_VERB, F_FINITE), SFXF("йсЫң", KY_VERB, F_AV | F_FINITE),
    SFXF("АбЫз", KY_VERB, F_FINITE), SFXF("йбЫз", KY_VERB, F_AV | F_FINITE),
    SFXF("йм", KY_VERB, F_AV | F_FINITE), SFX("Ат", KY_VERB), SFXF("йт", KY_VERB, F_AV),
    /* verbal noun -уу/-үү, fused with a stem-final а/е/о/ө as -оо/-өө */
    SFX("уу", KY_VERB), SFX("үү", KY_VERB),
    SFXF("оо", KY_VERB, F_FUSED), SFXF("өө", KY_VERB, F_FUSED),
    /* converbs: -ып/-п, -й (after vowels, also in -бай) */
    SFXF("Ып", KY_VERB, F_CONVERB), SFXF("п", KY_VERB, F_AV | F_SHORTV | F_CONVERB),
    SFXF("й", KY_VERB, F_AV),
};

static const struct ky_sfx ky_deriv[] = {
    /* derivation: -лык/-дык/-тык (мамлекеттик, аймактык, шаардык) names
     * the thing of the base and is searched with it; -луу/-сыз are not
     * stripped (they did not help in measurements) */
    SFX("ЛЫк", KY_DERIV),
    /* the relativiser -дагы/-деги/-догу/-дөгү (after the 3rd possessive
     * -ндагы) makes a noun, "the one(s) at": it takes the plural and a case
     * after it (үйдөгүлөр, мектептегилерге), and the noun before it takes
     * a plural and a possessive as before a case (балалар-дагы-лар,
     * шаар-ы-нда-гы-лар) */
    SFXF("нДАгЫ", KY_DERIV, F_AH | F_RESTART), SFXF("ДАгЫ", KY_DERIV, F_RESTART),
};

static const struct ky_sfx ky_neg[] = {
    /* negation -ба/-па (after voiceless), only before a verb form */
    SFX("БА", KY_NEG),
};

static const struct ky_sfx ky_voice[] = {
    /* voice: passive -ыл (after consonants), -л (after vowels), -ын after л;
     * reciprocal/plural-subject -ыш, -ш */
    SFXF("Ын", KY_VOICE, F_AL), SFX("Ыл", KY_VOICE), SFXF("л", KY_VOICE, F_AV | F_LONG),
    SFX("Ыш", KY_VOICE), SFXF("ш", KY_VOICE, F_AV),
};

#define GROUP(t) { t, sizeof(t) / sizeof(t[0]) }
static const struct {
    const struct ky_sfx *r;
    size_t n;
} ky_slots[KY_NSLOTS] = {
    [KY_Q] = GROUP(ky_q),         [KY_PERS] = GROUP(ky_pers),
    [KY_CASE] = GROUP(ky_case),   [KY_POSS] = GROUP(ky_poss),
    [KY_NYKY] = GROUP(ky_nyky),
    [KY_PL] = GROUP(ky_pl),       [KY_DERIV] = GROUP(ky_deriv),
    [KY_VERB] = GROUP(ky_verb),   [KY_NEG] = GROUP(ky_neg),
    [KY_VOICE] = GROUP(ky_voice),
};

/* Which slots may already have been stripped (to the right) when a suffix
 * of this slot is taken: bit s = slot s. Negation and voice need a verb
 * form after them; everything else takes whatever came. */
#define BIT(s) (1u << (s))
#define ANY_SLOT 0xFFFFu
static const unsigned follow_ok[KY_NSLOTS] = {
    [KY_VOICE] = BIT(KY_VERB) | BIT(KY_NEG),
    [KY_NEG] = BIT(KY_VERB),
    [KY_VERB] = ANY_SLOT,
    [KY_DERIV] = ANY_SLOT,
    [KY_PL] = ANY_SLOT,
    [KY_POSS] = ANY_SLOT,
    [KY_NYKY] = ANY_SLOT,
    [KY_CASE] = ANY_SLOT,
    [KY_PERS] = ANY_SLOT,
    [KY_Q] = ANY_SLOT,
};

/* ---- matching ------------------------------------------------------------- */


/* The pattern classes as bits: which classes a letter is in, and which
 * bit a class letter stands for. */
enum { B_A = 1, B_Y = 2, B_L = 4, B_N = 8, B_D = 16, B_G = 32, B_B = 64 };
static const uint8_t ky_in_class[256] = {
    [C_A] = B_A, [C_E] = B_A, [C_O] = B_A, [C_OE] = B_A,      /* А */
    [C_Y] = B_Y, [C_I] = B_Y, [C_U] = B_Y, [C_UE] = B_Y,      /* Ы */
    [C_L] = B_L, [C_N] = B_N, [C_D] = B_L | B_N | B_D,        /* Л Н Д */
    [C_T] = B_L | B_N | B_D, [C_G] = B_G, [C_K] = B_G,        /* Г */
    [C_B] = B_B, [C_P] = B_B,                                 /* Б */
};
static const uint8_t ky_class_bit[256] = {
    [K_A] = B_A, [K_Y] = B_Y, [K_L] = B_L, [K_N] = B_N, [K_D] = B_D,
    [K_G] = B_G, [K_B] = B_B,
};

/* For each slot and each last letter of a word, the rules of the slot
 * whose pattern can end in that letter, as a bit per rule in table order:
 * most rules fail on the last letter, and reading the mask instead of
 * every rule took 40% off the time of a word (bench/stem_words.sh). Made
 * once, on the first word stemmed. */
#define KY_MAX_RULES 64
static uint64_t ky_ends_in[KY_NSLOTS][256];
static pthread_once_t ky_ends_once = PTHREAD_ONCE_INIT;

#define FITS(t) _Static_assert(sizeof(t) / sizeof(t[0]) <= KY_MAX_RULES, #t " has too many rules")
FITS(ky_q);
FITS(ky_pers);
FITS(ky_case);
FITS(ky_poss);
FITS(ky_nyky);
FITS(ky_pl);
FITS(ky_verb);
FITS(ky_deriv);
FITS(ky_neg);
FITS(ky_voice);

static void ky_ends_build(void)
{
    for (int slot = 0; slot < KY_NSLOTS; slot++)
        for (size_t i = 0; i < ky_slots[slot].n; i++) {
            unsigned last = ky_slots[slot].r[i].last;
            for (unsigned c = 0; c < 256; c++)
                if (last == c || (ky_class_bit[last] & ky_in_class[c]))
                    ky_ends_in[slot][c] |= (uint64_t)1 << i;
        }
}

/* Does letter c belong to pattern letter p (a class or itself)? */
static inline int class_has(unsigned p, unsigned c)
{
    return p == c || (ky_class_bit[p & 0xFF] & ky_in_class[c & 0xFF]);
}

/* Does consonant c (the suffix's first letter, member of class p) fit
 * after letter prev? */
static int alternant_fits(unsigned p, unsigned c, unsigned prev)
{
    int v = is_vowel(prev), vl = is_voiceless(prev);
    switch (p) {
    case K_L: /* plural: л after vowels, й, р; д after voiced; т after voiceless */
        if (c == C_L) return v || prev == C_J || prev == C_R;
        if (c == C_D) return !v && !vl && prev != C_J && prev != C_R;
        return vl;
    case K_N: /* genitive, accusative: н after vowels */
        if (c == C_N) return v;
        if (c == C_D) return !v && !vl;
        return vl;
    case K_D: case K_G: case K_B: /* voiced after vowels and voiced, voiceless after voiceless */
        return (c == C_T || c == C_K || c == C_P) ? vl : !vl;
    default:
        return 1;
    }
}

/* Is w[0..n) still a stem? At least two letters with a vowel; two-letter
 * stems must be vowel + consonant (ал, эт, үй, иш). */
static int stem_ok(const uint8_t *w, int n)
{
    if (n < 2)
        return 0;
    if (n == 2)
        return (is_vowel(w[0]) && is_cons(w[1])) ||
               /* де- "say", же- "eat": frequent consonant + vowel roots */
               ((w[0] == C_D || w[0] == C_ZH) && w[1] == C_E);
    for (int i = 0; i < n; i++)
        if (is_vowel(w[i]))
            return 1;
    return 0;
}

/* Final voiced alternants of a stem: аймаг(ы) -> аймак, мектеб(и) -> мектеп. */
static unsigned devoice(unsigned c)
{
    return c == C_G ? C_K : c == C_B ? C_P : c;
}

/* Tries rule r at the end of w[0..n); returns the stem length, or -1. */
static inline unsigned pat_letter(const unsigned char *s)
{
    return ((((unsigned)s[0] & 0x1F) << 6) | (s[1] & 0x3F)) - 0x400;
}

static inline int match_rule(const struct ky_sfx *r, const uint8_t *w, int n)
{
    int m = r->len / 2;
    int st = n - m;
    const unsigned char *s = (const unsigned char *)r->s;
    if (st < 2)
        return -1;
    for (int i = m - 2; i >= 0; i--) {
        if (!class_has(pat_letter(s + 2 * i), w[st + i]))
            return -1;
    }
    if (!stem_ok(w, st))
        return -1;
    unsigned prev = w[st - 1];
    unsigned first = pat_letter(s);
    unsigned c0 = w[st];
    if (is_vowel(c0)) {
        if (!is_cons(prev))
            return -1;
    } else if (!alternant_fits(first, c0, prev)) {
        return -1;
    }
    if ((r->flags & F_AV) && !is_vowel(prev))
        return -1;
    if ((r->flags & F_AC) && !is_cons(prev))
        return -1;
    if ((r->flags & F_AH) && !(props_of(prev) & L_HIGH))
        return -1;
    if ((r->flags & F_AL) && prev != C_L)
        return -1;
    if ((r->flags & F_AMN) && prev != C_M && prev != C_NG)
        return -1;
    if ((r->flags & F_AVOICED) && prev != C_B && prev != C_G)
        return -1;
    if ((r->flags & F_AVJ) && !is_vowel(prev) && prev != C_J)
        return -1;
    if ((r->flags & F_LONG) && st < 4)
        return -1;
    if ((r->flags & F_SHORTV) && st >= 2 && is_vowel(w[st - 2]))
        return -1;
    /* -стан "land of" is part of the name, not an ablative -тан; курс-тан
     * and класс-тан are */
    if ((r->flags & F_STAN) && prev == C_S && is_cons(w[st - 2]) && w[st - 2] != C_R &&
        w[st - 2] != C_S)
        return -1;
    /* -сы after a high vowel: only after a long vowel or the agent suffix
     * -чы (болуусу, окуучусу); облус-у is not облу-су, and a loan's -и-
     * (текст-и-си) is not told from it (облус-у: облу-су cost 0.005 F1
     * on both UD halves) */
    if ((r->flags & F_P3) && m == 2 && (props_of(prev) & L_HIGH) &&
        !(st >= 2 && (w[st - 2] == C_CH || w[st - 2] == prev)))
        return -1;
    /* harmony: the suffix's first vowel against the stem's last vowel */
    for (int i = 0; i < m; i++) {
        unsigned c = w[st + i];
        if (!is_vowel(c))
            continue;
        int g = -1;
        for (int j = st - 1; j >= 0 && g < 0; j--)
            g = harmony_group(w[j]);
        if (g < 0)
            break;
        int ok;
        unsigned pv = pat_letter(s + 2 * i);
        if (pv != K_A && pv != K_Y) {
            /* a written-out vowel (-уу/-үү, -оо/-өө) agrees only in backness */
            ok = (g >= 3) == (c == C_E || c == C_I || c == C_OE || c == C_UE);
        } else if (props_of(c) & L_HIGH) {
            static const uint8_t hi[5] = { C_Y, C_U, C_U, C_I, C_UE };
            ok = c == hi[g];
        } else {
            static const uint8_t lo[5] = { C_A, C_O, C_A, C_E, C_OE };
            ok = c == lo[g] || (g == 2 && c == C_O);
        }
        if (!ok)
            return -1;
        break;
    }
    return st;
}

/* Whether the converb -ып/-п that would leave w[0..st) is rather the end
 * of a root, because a noun suffix (last: the slot stripped to its right)
 * follows it and the verb root would be one syllable. A converb takes no
 * noun suffix, so кесип-тик, кесип-тин, кесиб-и are the noun кесип
 * "profession" and not кес- "cut": reading them as кес- put "professional"
 * and "was cut" on one stem. Longer remainders keep the converb reading:
 * -п nouns of two syllables and more (мектеп, китеп) have always been
 * stemmed without it, in all their forms alike, and a one-syllable root
 * is where a noun in -ып/-ип is most easily a verb plus converb (кесип,
 * тарып) and the merged words least alike. The bare word (кесип) stays
 * ambiguous and keeps the verb reading. */
static int converb_is_root(const uint8_t *w, int st, int last)
{
    if (last != KY_DERIV && last != KY_PL && last != KY_POSS && last != KY_CASE)
        return 0;
    int syllables = 0;
    for (int i = 0; i < st; i++)
        syllables += is_vowel(w[i]);
    /* -п after a high vowel is -ып: кеси-п is кес + ип */
    if (st >= 2 && (props_of(w[st - 1]) & L_HIGH) && is_cons(w[st - 2]))
        syllables--;
    return syllables <= 1;
}

/* The state of one word's search. */
struct ky_search {
    uint8_t w[2 * KY_MAX_LETTERS]; /* the word; stems are prefixes of it */
    uint8_t best[2 * KY_MAX_LETTERS];
    int best_len;
};

/* Harmonic low vowel after the stem's last vowel (шайл-оо -> шайла). */
static uint8_t low_vowel_after(const uint8_t *w, int n)
{
    static const uint8_t lo[5] = { C_A, C_O, C_A, C_E, C_OE };
    for (int j = n - 1; j >= 0; j--) {
        int g = harmony_group(w[j]);
        if (g >= 0)
            return lo[g];
    }
    return C_A;
}

/* Depth-first over readings of s->w[0..n), last = the slot stripped just
 * before (to the right); keeps the shortest stem in s->best. need: the
 * flag (F_P3, F_P12) the next suffix must have, because the one just
 * stripped was the pronominal -н- form of a case, which only follows the
 * 3rd possessive (шаар-ы-нда, not кеңешти-н), or the dative -а, which only
 * follows the 1sg/2sg (китеб-им-е, not бөлм-ө); rules marked F_NEEDED
 * are tried only then. verbal: only verb suffixes may come next. */
static void search(struct ky_search *s, int n, int last, unsigned need, int verbal)
{
    uint8_t *w = s->w;
    unsigned save = w[n - 1];
    /* a final г/б before a stripped vowel suffix is the voiced alternant */
    if (last != KY_NONE)
        w[n - 1] = (uint8_t)devoice(save);
    /* after a question clitic a verb form must follow inwards: кеси-би is
     * no reading of кесиби (кесиб-и is) */
    if (!need && !verbal && n < s->best_len) {
        for (int i = 0; i < n; i++)
            s->best[i] = w[i];
        s->best_len = n;
    }
    unsigned c_last = w[n - 1];
    int top = last == KY_NONE ? KY_NSLOTS - 1 : last - 1;
    if (verbal && top > KY_VERB)
        top = KY_VERB;
    for (int slot = top; slot > KY_NONE; slot--) {
        if (!(follow_ok[slot] & BIT(last)) || (need && slot != KY_POSS && slot != KY_NYKY))
            continue;
        for (uint64_t m = ky_ends_in[slot][c_last]; m; m &= m - 1) {
            const struct ky_sfx *r = &ky_slots[slot].r[__builtin_ctzll(m)];
            if (need ? !(r->flags & need) : (r->flags & F_NEEDED) != 0)
                continue;
            if ((r->flags & F_FINITE) && last != KY_NONE && last != KY_Q)
                continue;
            int st = match_rule(r, w, n);
            if (st < 0)
                continue;
            if ((r->flags & F_CONVERB) && converb_is_root(w, st, last))
                continue;
            if (r->flags & F_FUSED) {
                /* сакт-оо is сакта + уу: give the stem its vowel back */
                uint8_t v = w[st];
                w[st] = low_vowel_after(w, st);
                search(s, st + 1, r->slot, 0, 0);
                w[st] = v;
            } else {
                search(s, st, (r->flags & F_RESTART) ? KY_CASE : r->slot,
                       (r->flags & F_AH) ? F_P3 : (r->flags & F_AMN) ? F_P12 : 0,
                       (r->flags & F_VERBAL) && is_vowel(w[st - 1]));
            }
        }
    }
    w[n - 1] = (uint8_t)save;
}

/* ---- whole words ---------------------------------------------------------- */

/* Frequent function words that look inflected; they stay as they are. */
#define KEEP(s) { s, sizeof(s) - 1 }
static const struct {
    const char *s;
    size_t len;
} ky_keep[] = {
    KEEP("жана"), KEEP("менен"), KEEP("үчүн"), KEEP("дагы"), KEEP("эле"), KEEP("гана"),
    KEEP("бирок"), KEEP("тууралуу"), KEEP("боюнча"), KEEP("алар"), KEEP("биз"),
    KEEP("сиз"),
};

/* Personal and demonstrative pronouns whose case forms change the root
 * (мен: мага, мени; бул: муну, мында): a closed class, so the forms are
 * listed and all give the nominative. The regular forms (менин, менден)
 * are read by the rules. ал "he, that" is left out: its nominative is the
 * verb ал- "take", and joining аны, анда, ага to it put the most frequent
 * pronoun on every search for алышат (MRR@10 short 0.7484 -> 0.7477). */
#define PRN(s, t) { s, sizeof(s) - 1, t, sizeof(t) - 1 }
static const struct {
    const char *s;
    size_t len;
    const char *to;
    size_t to_len;
} ky_pronoun[] = {
    PRN("мага", "мен"), PRN("мени", "мен"), PRN("меники", "мен"),
    PRN("сага", "сен"), PRN("сени", "сен"), PRN("сеники", "сен"),
    PRN("муну", "бул"), PRN("мунун", "бул"), PRN("буга", "бул"), PRN("мында", "бул"),
    PRN("мындан", "бул"),
    PRN("ошону", "ошол"), PRN("ошонун", "ошол"), PRN("ошого", "ошол"),
    PRN("ошондо", "ошол"), PRN("ошондон", "ошол"),
};

/* Irregular stems, as letter codes: the plural of бала "child" is балдар. */
struct ky_irregular {
    uint8_t from[8], to[8];
    int from_len, to_len;
};
static const struct ky_irregular ky_irregular[] = {
    { { C_B, C_A, C_L, C_D, C_A, C_R }, { C_B, C_A, C_L, C_A, C_L, C_A, C_R }, 6, 7 },
};

size_t izde_ky_root(const char *stem, size_t len)
{
    /* The nominatives have no ң, ө or ү, so their keyboard-folded F terms
     * are spelled alike and are found here too. */
    for (size_t k = 0; k < sizeof(ky_pronoun) / sizeof(ky_pronoun[0]); k++)
        if (ky_pronoun[k].to_len == len && memcmp(stem, ky_pronoun[k].to, len) == 0)
            return 0;
    /* An irregular stem's words begin with what its two shapes share
     * (балдары -> балалар: бал). */
    for (size_t k = 0; k < sizeof(ky_irregular) / sizeof(ky_irregular[0]); k++) {
        const struct ky_irregular *ir = &ky_irregular[k];
        int same = 0;
        while (same < ir->from_len && same < ir->to_len && ir->from[same] == ir->to[same])
            same++;
        size_t i = 0;
        int j = 0;
        for (; j <= same && j < ir->to_len && i + 1 < len; j++, i += 2) {
            unsigned cp = 0x400u + ir->to[j];
            if ((unsigned char)stem[i] != (0xC0 | (cp >> 6)) ||
                (unsigned char)stem[i + 1] != (0x80 | (cp & 0x3F)))
                break;
        }
        if (j > same)
            return 2 * (size_t)same;
    }
    /* The last letter, when a suffix may change it in a word: a final к/п
     * is г/б before a vowel (аймагы -> аймак), й and a vowel are written
     * as one letter (коюу -> кой), and a final vowel meets a suffix's
     * (атоо -> ата, экөө -> эке). Other consonants stay. */
    static const char *const changing[] = { "к", "п", "й", "а", "е", "ё", "и", "о", "ө",
                                            "у", "ү", "ы", "э", "ю", "я" };
    for (size_t k = 0; len >= 2 && k < sizeof(changing) / sizeof(changing[0]); k++)
        if (memcmp(stem + len - 2, changing[k], 2) == 0)
            return len - 2;
    return len;
}

int izde_ky_stem(struct izde_stem_buf *buf)
{
    pthread_once(&ky_ends_once, ky_ends_build);
    unsigned char *p = (unsigned char *)buf->p;
    size_t len = buf->len;
    size_t start = 0; /* first byte of the part after the last hyphen */
    size_t digits_end = 0; /* one past the last digit */
    for (size_t i = 0; i < len;) {
        if (p[i] == '-') {
            start = ++i;
        } else if (p[i] >= 0xD0 && p[i] <= 0xD3 && i + 1 < len && (p[i + 1] & 0xC0) == 0x80) {
            i += 2;
        } else if (p[i] >= '0' && p[i] <= '9') {
            digits_end = ++i; /* a numeral before a hyphen: 10-класста */
        } else {
            return 0; /* not a Cyrillic word: unchanged */
        }
    }
    if (digits_end > start)
        return 0; /* digits in the part that would be stemmed */
    size_t nb = len - start;
    if (nb < 4 || nb / 2 > KY_MAX_LETTERS)
        return 0;
    for (size_t k = 0; k < sizeof(ky_keep) / sizeof(ky_keep[0]); k++)
        if (ky_keep[k].len == nb && memcmp(p + start, ky_keep[k].s, nb) == 0)
            return 0;
    for (size_t k = 0; k < sizeof(ky_pronoun) / sizeof(ky_pronoun[0]); k++)
        if (ky_pronoun[k].len == nb && memcmp(p + start, ky_pronoun[k].s, nb) == 0) {
            memcpy(p + start, ky_pronoun[k].to, ky_pronoun[k].to_len);
            buf->len = start + ky_pronoun[k].to_len;
            buf->p[buf->len] = '\0';
            return 0;
        }

    /* ю, я and ё are й + vowel: коюлду is кой-ул-ду, компаниясы компаний-а-сы,
     * коёт кой-от */
    struct ky_search s;
    uint8_t split[2 * KY_MAX_LETTERS]; /* 1 where a ю/я/ё was split */
    int n = 0;
    for (size_t i = start; i < len; i += 2) {
        unsigned c = (((unsigned)(p[i] & 0x1F) << 6) | (p[i + 1] & 0x3F)) - 0x400;
        if (c > 0xFF || !(ky_props[c] & L_LETTER))
            return 0; /* upper case or a letter the rules do not know */
        split[n] = 0;
        if (c == C_JU || c == C_JA || c == C_JO) {
            split[n] = 1;
            s.w[n++] = C_J;
            split[n] = 0;
            c = c == C_JU ? C_U : c == C_JA ? C_A : C_O;
        }
        s.w[n++] = (uint8_t)c;
    }

    /* irregular stems, rewritten to their regular shape before the search */
    for (size_t k = 0; k < sizeof(ky_irregular) / sizeof(ky_irregular[0]); k++) {
        const struct ky_irregular *ir = &ky_irregular[k];
        int m = ir->from_len;
        if (n < m || n + ir->to_len - m > 2 * KY_MAX_LETTERS)
            continue;
        int i = 0;
        while (i < m && s.w[i] == ir->from[i])
            i++;
        if (i < m)
            continue;
        for (int j = n - 1; j >= m; j--) { /* shift the rest */
            s.w[j + ir->to_len - m] = s.w[j];
            split[j + ir->to_len - m] = split[j];
        }
        for (int j = 0; j < ir->to_len; j++) {
            s.w[j] = ir->to[j];
            split[j] = 0;
        }
        n += ir->to_len - m;
        break;
    }

    s.best_len = n + 1;
    search(&s, n, KY_NONE, 0, 0);
    uint8_t *w = s.best;
    int st = s.best_len;
    /* the soft sign of Russian loans is not written before a suffix:
     * октябрь/октябрда, апрель/апрелде */
    if (st > 2 && w[st - 1] == C_SOFT)
        st--;
    /* a final high vowel after a consonant: possessive -ы, or the stem vowel
     * of оку-/оку-у; dropping it gives тил/тили and окуучу/окуучулар one stem */
    if (st > 2 && (props_of(w[st - 1]) & L_HIGH) && is_cons(w[st - 2]) && stem_ok(w, st - 1)) {
        st--;
        w[st - 1] = (uint8_t)devoice(w[st - 1]);
    }

    size_t o = start;
    for (int i = 0; i < st; i++) {
        unsigned cp = 0x400u + w[i];
        if (split[i] && i + 1 < st) {
            i++;
            cp = 0x400u + (w[i] == C_U ? C_JU : w[i] == C_A ? C_JA : C_JO);
        }
        p[o++] = (unsigned char)(0xC0 | (cp >> 6));
        p[o++] = (unsigned char)(0x80 | (cp & 0x3F));
    }
    buf->len = o;
    buf->p[buf->len] = '\0';
    return 0;
}
