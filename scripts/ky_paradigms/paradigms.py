"""The inflected forms of one Kyrgyz lemma, from suffix templates.

Templates use the archiphonemes of phonology.py. What counts as a form of
the lemma (and what is a new word) follows tests/stemmers/ky-paradigms/README
and is written down in tests/stemmers/ky-paradigms-fresh/README.
"""

from phonology import attach, first_sound_is_vowel, spell, ends_in_vowel, VOWELS

# Case endings after a bare stem, the plural, and the 1pl/2sg-polite/2pl
# possessives.
CASES = ["NIн", "GA", "NI", "DA", "DAн"]
# After the 1sg and 2sg possessives the dative is a bare -а: китебиме, атаңа.
CASES_AFTER_12SG = ["NIн", "A", "NI", "DA", "DAн"]
# After the 3rd person possessive (and -ныкы, the collective numeral) the
# case endings start with the pronominal -н-: китебинин, китебине, китебин.
CASES_PRONOMINAL = ["нIн", "нA", "н", "ндA", "нAн"]

POSSESSIVES = [  # (template, case set)
    ("(I)м", CASES_AFTER_12SG),      # 1sg китебим
    ("(I)ң", CASES_AFTER_12SG),      # 2sg китебиң
    ("(I)ңIз", CASES),               # 2sg polite китебиңиз
    ("(I)бIз", CASES),               # 1pl китебибиз
    ("(I)ңAр", CASES),               # 2pl китебиңер
    ("(I)ңIзLAр", CASES),            # 2pl polite китебиңиздер
    ("{с}I", CASES_PRONOMINAL),      # 3 китеби, атасы
]
PLURAL = "LAр"
LOCATIVE_ADJ = "DAгI"      # -дагы: мектептеги
OWNED = "NIкI"             # -ныкы: мугалимдики
# The predicative persons on a noun or adjective: студентмин, студентпиз.
PREDICATIVE = ["мIн", "сIң", "сIз", "BIз", "сIңAр", "сIздAр"]


class Lemma:
    """A lemma of fresh_lemmas.tsv: text, part of speech and flags.

    voice       stem-final п/к becomes б/г before a vowel (китеп -> китеби)
    alt=STEM    the stem before a vowel, for vowel loss (мурун: alt=мурд)
    isi         a loan ending in a cluster that also takes -иси (текстиси)
    person      a noun naming a person: predicative forms (мугалиммин)
    coll        a numeral with a collective form (эки -> экөө)
    caus=SUFFIX the causative suffix, for verbs whose causative is a form
                of the same word (жаз: caus=DIр -> жаздыр)
    intr        an intransitive verb: no passive
    contr       the converb -ып contracts to a long vowel (табып -> таап)
    subst       an adjective used as a noun: cases, plural, possessive
    """

    def __init__(self, text, pos, flags):
        self.text = text
        self.pos = pos
        self.flags = flags

    def alternant(self):
        """The stem before a vowel-initial suffix, or None."""
        if "alt" in self.flags:
            return self.flags["alt"]
        if "voice" in self.flags:
            last = self.text[-1]
            if last == "п":
                return self.text[:-1] + "б"
            if last == "к":
                return self.text[:-1] + "г"
        return None


def _on_stem(lemma, stem, template):
    """stem + template, where stem is the lemma itself (so the lemma's
    alternant applies before a vowel) or something built on it."""
    if stem == lemma.text:
        alt = lemma.alternant()
        if alt is not None and first_sound_is_vowel(stem, template):
            return attach(alt, template)
    return attach(stem, template)


class _Forms:
    """An ordered set of built (unspelled) words."""

    def __init__(self, lemma):
        self.lemma = lemma
        self.words = []
        self._seen = set()

    def add(self, word):
        if word not in self._seen:
            self._seen.add(word)
            self.words.append(word)
        return word

    def make(self, stem, *templates):
        word = stem
        for t in templates:
            word = _on_stem(self.lemma, word, t)
        return self.add(word)

    def spelled(self):
        out = []
        seen = set()
        for w in self.words:
            s = spell(w)
            if s not in seen:
                seen.add(s)
                out.append(s)
        return out


def _with_cases(forms, stem, cases):
    for c in cases:
        forms.make(stem, c)


def _with_number_and_cases(forms, stem):
    """Every case of stem and of its plural; returns the plural."""
    _with_cases(forms, stem, CASES)
    plural = forms.make(stem, PLURAL)
    _with_cases(forms, plural, CASES)
    return plural


def _noun_body(forms, stem):
    """Case, number and possession of a noun or substantivised word."""
    forms.add(stem)
    plural = _with_number_and_cases(forms, stem)
    for base in (stem, plural):
        for template, cases in POSSESSIVES:
            owned = forms.make(base, template)
            _with_cases(forms, owned, cases)
    return plural


def noun(lemma):
    forms = _Forms(lemma)
    stem = lemma.text
    plural = _noun_body(forms, stem)
    # -дагы "the one in ...": adjectival, and substantivised with number and
    # the cases it is met in (үйдөгүлөр, столдогуну, класстагыга); a
    # locative or ablative of it reads as made up.
    for base in (stem, plural):
        located = forms.make(base, LOCATIVE_ADJ)
        forms.make(located, PLURAL)
        _with_cases(forms, located, CASES[:3])
    for template, _ in POSSESSIVES:
        owned = forms.make(stem, template)
        if template == "{с}I":
            forms.make(owned, "ндAгI")
        else:
            forms.make(owned, LOCATIVE_ADJ)
    owner = forms.make(stem, OWNED)
    _with_cases(forms, owner, CASES_PRONOMINAL)
    if "isi" in lemma.flags:
        # текст + и is read as a vowel stem that takes the 3rd person -сы.
        third = forms.make(stem, "и")
        third_again = forms.make(third, "сI")
        _with_cases(forms, third_again, CASES_PRONOMINAL)
    if "person" in lemma.flags:
        for p in PREDICATIVE:
            forms.make(stem, p)
    return forms.spelled()


def proper_noun(lemma):
    forms = _Forms(lemma)
    stem = lemma.text
    forms.add(stem)
    _with_number_and_cases(forms, stem)
    return forms.spelled()


def adjective(lemma):
    forms = _Forms(lemma)
    stem = lemma.text
    forms.add(stem)
    forms.make(stem, "(I)рAAк")
    for p in PREDICATIVE:
        forms.make(stem, p)
    if "subst" in lemma.flags:
        _with_number_and_cases(forms, stem)
        third = forms.make(stem, "{с}I")
        _with_cases(forms, third, CASES_PRONOMINAL)
    return forms.spelled()


def numeral(lemma):
    forms = _Forms(lemma)
    stem = lemma.text
    forms.add(stem)
    _with_cases(forms, stem, CASES)
    ordinal = forms.make(stem, "(I)нчI")
    _with_cases(forms, ordinal, CASES)
    if "coll" in lemma.flags:
        # The collective replaces a final vowel: эки -> экөө, алты -> алтоо.
        base = stem[:-1] if ends_in_vowel(stem) else stem
        collective = forms.add(attach(base, "OO"))
        _with_cases(forms, collective, CASES_PRONOMINAL)
        forms.make(collective, "бIз")
        forms.make(collective, "ңAр")
    return forms.spelled()


# --- verbs -------------------------------------------------------------

PERSONS_PRESENT = ["м", "сIң", "сIз", "т", "бIз", "сIңAр", "сIздAр"]
PERSONS_PAST = ["", "м", "ң", "к", "ңIз", "ңAр", "ңIздAр"]
PRESENT = "(A){й}"


def _verbal_noun(stem):
    """-уу after a consonant; after a vowel the vowel itself becomes long and
    rounded: оку -> окуу, кара -> кароо, иште -> иштөө."""
    if not ends_in_vowel(stem):
        return None
    last = stem[-1]
    if last in "уы":
        return stem[:-1] + "уу"
    if last in "үи":
        return stem[:-1] + "үү"
    if last in "аоя":
        return stem[:-1] + "оо"
    return stem[:-1] + "өө"


def _verbal_noun_word(forms, stem):
    vn = _verbal_noun(stem)
    if vn is None:
        return forms.make(stem, "UU")
    return forms.add(vn)


def _verbal_noun_forms(forms, stem):
    vn = _verbal_noun_word(forms, stem)
    _with_cases(forms, vn, CASES)
    third = forms.make(vn, "{с}I")
    _with_cases(forms, third, CASES_PRONOMINAL)
    return vn


def _voice_forms(forms, stem):
    """The forms the hand-written set lists for a passive, cooperative or
    causative stem: past, participle, present, converb, conditional and
    verbal noun."""
    forms.make(stem, "DI")
    forms.make(stem, "GAн")
    forms.make(stem, PRESENT, "т")
    forms.make(stem, "(I)п")
    forms.make(stem, "сA")
    _verbal_noun_word(forms, stem)


def _passive_suffix(stem):
    """-ыл/-л, but -ын/-н after a stem whose last consonant is л: алын,
    бөлүн, кайталан, талкуулан (маселе талкууланды)."""
    if ends_in_vowel(stem):
        return "н" if len(stem) > 1 and stem[-2] == "л" else "л"
    if stem.endswith("л"):
        return "Iн"
    return "Iл"


def verb(lemma):
    forms = _Forms(lemma)
    root = lemma.text
    # imperative and optative
    forms.add(root)
    forms.make(root, "(I)ңIз")
    forms.make(root, "(I)ңIзLAр")
    forms.make(root, "GIлA")
    forms.make(root, "сIн")
    forms.make(root, "(A)йIн")
    forms.make(root, "(A){й}лI")
    # present-future, and the -а/-й converb
    forms.make(root, PRESENT)
    for p in PERSONS_PRESENT:
        forms.make(root, PRESENT, p)
    # definite past
    for p in PERSONS_PAST:
        forms.make(root, "DI" + p)
    # conditional
    for p in PERSONS_PAST:
        forms.make(root, "сA" + p)
    # negation with the tenses, the imperative and the non-finite forms
    forms.make(root, "BA")
    forms.make(root, "BAңIз")
    forms.make(root, "BAGIлA")
    forms.make(root, "BAсIн")
    for p in PERSONS_PRESENT:
        forms.make(root, "BAй" + p)
    for p in PERSONS_PAST:
        forms.make(root, "BAдI" + p)
        forms.make(root, "BAсA" + p)
    forms.make(root, "BAй")
    forms.make(root, "BAGAн")
    forms.make(root, "BAс")
    forms.make(root, "BAстAн")
    # participles
    past_part = forms.make(root, "GAн")
    forms.make(past_part, PLURAL)
    _with_cases(forms, past_part, CASES)
    for template, _ in POSSESSIVES:
        forms.make(past_part, template)
    third = forms.make(past_part, "{с}I")
    _with_cases(forms, third, CASES_PRONOMINAL)
    fact = forms.make(past_part, "дIгI")
    forms.make(fact, "н")
    forms.make(fact, "нA")
    forms.make(root, "(A){V}р")
    forms.make(root, "чU")
    forms.make(root, "мAкчI")
    # converbs
    forms.make(root, "(I)п")
    forms.make(root, "(I)птIр")
    forms.make(root, "GIчA")
    forms.make(root, "GAнчA")
    if "contr" in lemma.flags:
        # табып -> таап: the consonant drops and the vowel before it is long.
        vowel = [ch for ch in root if ch in VOWELS][-1]
        forms.add(root[:-1] + vowel + "п")
    _verbal_noun_forms(forms, root)
    # voice: passive, cooperative, causative (README: forms of the lemma)
    if "intr" not in lemma.flags:
        passive = _on_stem(lemma, root, _passive_suffix(root))
        _voice_forms(forms, passive)
    coop = _on_stem(lemma, root, "{ш}(Iш)")
    _voice_forms(forms, coop)
    if "caus" in lemma.flags:
        caus = forms.make(root, lemma.flags["caus"])
        _voice_forms(forms, caus)
        caus_passive = attach(caus, _passive_suffix(caus))
        _voice_forms(forms, caus_passive)
    return forms.spelled()


BY_POS = {"n": noun, "np": proper_noun, "adj": adjective, "num": numeral, "v": verb}
