"""Kyrgyz sound rules that attach a suffix to a word.

A suffix is written with archiphonemes that this module resolves against the
word built so far, so that one template stands for all of its allomorphs:

  A  low vowel, fourfold: а е о ө  (о only after о; after у the low vowel is а:
     уулдар, not уулдор; ө after ө and ү: үйлөр)
  I  high vowel, fourfold: ы и у ү
  U  high rounded vowel, twofold: у ү (verbal noun -уу, participle -чу)
  O  low rounded vowel, twofold: о ө (collective numerals экөө, алтоо)
  V  repeats the last vowel, making it long (караар, иштээр)
  L  л after a vowel, й, р; д after another voiced sound; т after a voiceless
     one (plural -лар/-дар/-тар)
  N  н after a vowel, д after a voiced consonant, т after a voiceless one
     (genitive -нын, accusative -ны)
  G  г after a vowel or voiced consonant, к after a voiceless one (-га/-ка)
  D  д after a vowel or voiced consonant, т after a voiceless one (-да, -ды)
  B  б after a vowel or voiced consonant, п after a voiceless one (-ба/-па)
  (..) written only when the word ends in a consonant: the buffer vowel of
     -(ы)м
  {..} written only when the word ends in a vowel: the buffer consonant of
     -(с)ы, the -й of the present tense

Everything else is a literal letter. The word is kept with й written out
(кой + о -> койо) until spell() joins й with the vowel after it (коё).
"""

VOWELS = frozenset("аеёиоөуүыэюя")
VOICELESS = frozenset("пткфхцчшщс")
# й and р take л in the plural: үйлөр, шаарлар; other voiced sounds take д.
L_AFTER = frozenset("йр")

_BACK = frozenset("аыоуяёю")
_LOW = {"а": "а", "ы": "а", "у": "а", "я": "а", "ю": "а",
        "о": "о", "ё": "о",
        "е": "е", "и": "е", "э": "е",
        "ө": "ө", "ү": "ө"}
_HIGH = {"а": "ы", "ы": "ы", "я": "ы",
         "о": "у", "у": "у", "ё": "у", "ю": "у",
         "е": "и", "и": "и", "э": "и",
         "ө": "ү", "ү": "ү"}
# The vowel that я, ю, ё, э stand for when it is doubled.
_PLAIN = {"я": "а", "ю": "у", "ё": "о", "э": "е"}


class SuffixError(ValueError):
    """A suffix template that cannot be read, or a word with no vowel."""


def last_vowel(word):
    for ch in reversed(word):
        if ch in VOWELS:
            return ch
    raise SuffixError(f"no vowel to take harmony from in '{word}'")


def ends_in_vowel(word):
    return word[-1] in VOWELS


# code: (after a vowel, after a voiced consonant, after a voiceless one)
_ALTERNANTS = {"L": ("л", "д", "т"), "N": ("н", "д", "т"), "G": ("г", "г", "к"),
               "D": ("д", "д", "т"), "B": ("б", "б", "п")}


def _consonant(code, word):
    last = word[-1]
    after_vowel, after_voiced, after_voiceless = _ALTERNANTS[code]
    if last in VOWELS or (code == "L" and last in L_AFTER):
        return after_vowel
    return after_voiceless if last in VOICELESS else after_voiced


def _vowel(code, word):
    v = last_vowel(word)
    if code == "A":
        return _LOW[v]
    if code == "I":
        return _HIGH[v]
    if code == "U":
        return "у" if v in _BACK else "ү"
    if code == "O":
        return "о" if v in _BACK else "ө"
    raise SuffixError(f"unknown vowel code '{code}'")


def _tokens(template):
    """Splits a template into (condition, text) runs: condition is None,
    'C' (after a consonant) or 'V' (after a vowel)."""
    runs = []
    i = 0
    while i < len(template):
        ch = template[i]
        if ch in "({":
            close = ")" if ch == "(" else "}"
            end = template.find(close, i)
            if end < 0:
                raise SuffixError(f"unclosed '{ch}' in suffix '{template}'")
            runs.append(("C" if ch == "(" else "V", template[i + 1:end]))
            i = end + 1
        else:
            runs.append((None, ch))
            i += 1
    return runs


def first_sound_is_vowel(word, template):
    """Whether the template, attached to word, starts with a vowel: the
    condition for stem-final voicing (китеп -> китеби) and vowel loss
    (мурун -> мурду)."""
    for cond, text in _tokens(template):
        if cond == "C" and ends_in_vowel(word):
            continue
        if cond == "V" and not ends_in_vowel(word):
            continue
        if not text:
            continue
        first = text[0]
        return first in VOWELS or first in "AIUOV"
    return False


def attach(word, template):
    """word + template, resolved letter by letter against what is built."""
    # The conditions look at the word the suffix attaches to, not at what
    # the suffix has added: жаз + (A){й} is жаза, not жазай.
    after_vowel = ends_in_vowel(word)
    out = word
    for cond, text in _tokens(template):
        if cond == "C" and after_vowel:
            continue
        if cond == "V" and not after_vowel:
            continue
        for ch in text:
            if ch in "AIUO":
                out += _vowel(ch, out)
            elif ch == "V":
                v = out[-1]
                if v not in VOWELS:
                    raise SuffixError(f"'V' after a consonant in '{out}'")
                out += _PLAIN.get(v, v)
            elif ch in "LNGDB":
                out += _consonant(ch, out)
            elif ch.isupper():
                raise SuffixError(f"unknown code '{ch}' in suffix '{template}'")
            else:
                out += ch
    return out


def spell(word):
    """Kyrgyz spelling of a built word: й before а, у, о is written я, ю, ё
    (кой + уп -> коюп, кой + о + т -> коёт) and a long е is ээ (иштээр)."""
    out = []
    for ch in word:
        if out and out[-1] == "й" and ch in "ауо":
            out[-1] = {"а": "я", "у": "ю", "о": "ё"}[ch]
        else:
            out.append(ch)
    return "".join(out).replace("ее", "ээ")
