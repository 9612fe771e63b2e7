"""Reading a lemma list: one 'lemma<TAB>pos<TAB>flags' line per lemma.

flags is a comma-separated list of names or name=value pairs (see
paradigms.Lemma); '-' or nothing for none. Lines starting with # are
comments.
"""

from paradigms import Lemma, BY_POS

KNOWN_FLAGS = {"voice", "alt", "isi", "person", "coll", "caus", "intr",
               "contr", "subst"}
# Flags that are nothing without a value: alt=мурд, caus=DIр.
VALUED_FLAGS = {"alt", "caus"}


class LemmaListError(ValueError):
    """A line of a lemma list that cannot be read."""


def _flags(text, where):
    flags = {}
    if text in ("", "-"):
        return flags
    for item in text.split(","):
        name, _, value = item.strip().partition("=")
        if name not in KNOWN_FLAGS:
            raise LemmaListError(f"{where}: unknown flag '{name}'")
        if (name in VALUED_FLAGS) != bool(value):
            raise LemmaListError(f"{where}: flag '{item.strip()}' wants a value"
                                 if name in VALUED_FLAGS else
                                 f"{where}: flag '{name}' takes no value")
        flags[name] = value
    return flags


def read_lemmas(path):
    lemmas = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            where = f"{path}:{number}"
            fields = line.split("\t")
            if len(fields) < 2 or len(fields) > 3:
                raise LemmaListError(f"{where}: expected lemma, pos, flags separated by tabs")
            text, pos = fields[0].strip(), fields[1].strip()
            if pos not in BY_POS:
                raise LemmaListError(f"{where}: unknown part of speech '{pos}'")
            flags = _flags(fields[2].strip() if len(fields) == 3 else "", where)
            if "voice" in flags and text[-1] not in "пк":
                raise LemmaListError(f"{where}: '{text}' has the flag voice"
                                     " but ends in neither п nor к")
            lemmas.append(Lemma(text, pos, flags))
    return lemmas


_LATIN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "jo",
          "ж": "zh", "з": "z", "и": "i", "й": "j", "к": "k", "л": "l", "м": "m",
          "н": "n", "ң": "ng", "о": "o", "ө": "oe", "п": "p", "р": "r", "с": "s",
          "т": "t", "у": "u", "ү": "ue", "ф": "f", "х": "h", "ц": "c", "ч": "ch",
          "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju",
          "я": "ja"}


def file_name(lemma):
    """The file name the hand-written set uses: kitep-n-morph-gold.txt."""
    latin = "".join(_LATIN.get(ch, ch) for ch in lemma.text)
    return f"{latin}-{lemma.pos}-morph-gold.txt"
