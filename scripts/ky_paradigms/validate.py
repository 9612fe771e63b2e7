#!/usr/bin/env python3
"""Compares generated paradigms with hand-written morph-gold files.

  python3 scripts/ky_paradigms/validate.py --lemmas scripts/ky_paradigms/old_lemmas.tsv \\
      --gold tests/stemmers/ky-paradigms

For every lemma of the list it reads the gold forms (all files of --gold,
'^surface/lemma<pos>$' lines) and reports the gold forms the generator does
not make: each is a bug in the generator or an error in the gold file.
"""

import argparse
import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from lemmas import read_lemmas, LemmaListError  # noqa: E402
from paradigms import BY_POS  # noqa: E402
from phonology import SuffixError  # noqa: E402

LINE = re.compile(r"^\^([^/]+)/([^<]+)<([a-z]+)>\$$")


def read_gold(directory):
    """{(lemma, pos): [forms]} from every *-morph-gold.txt in directory."""
    gold = {}
    for path in sorted(glob.glob(os.path.join(directory, "*-morph-gold.txt"))):
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.strip()
                if not line:
                    continue
                m = LINE.match(line)
                if not m:
                    raise ValueError(f"{path}:{number}: not a morph-gold line: {line}")
                forms = gold.setdefault((m.group(2), m.group(3)), [])
                if m.group(1) not in forms:
                    forms.append(m.group(1))
    return gold


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lemmas", required=True)
    ap.add_argument("--gold", required=True, help="directory of *-morph-gold.txt files")
    ap.add_argument("--extra", action="store_true",
                    help="also list generated forms the gold files lack")
    args = ap.parse_args()
    try:
        lemmas = read_lemmas(args.lemmas)
        gold = read_gold(args.gold)
    except (OSError, ValueError, LemmaListError) as e:
        print(f"validate.py: {e}", file=sys.stderr)
        return 1
    total = found = 0
    for lemma in lemmas:
        key = (lemma.text, lemma.pos)
        if key not in gold:
            print(f"{lemma.text}<{lemma.pos}>: no gold file", file=sys.stderr)
            continue
        try:
            made = set(BY_POS[lemma.pos](lemma))
        except SuffixError as e:
            print(f"validate.py: {lemma.text}: {e}", file=sys.stderr)
            return 1
        want = gold[key]
        missing = [w for w in want if w not in made]
        total += len(want)
        found += len(want) - len(missing)
        if missing:
            print(f"{lemma.text}<{lemma.pos}> missing {len(missing)}/{len(want)}: "
                  + " ".join(missing))
        if args.extra:
            extra = sorted(made - set(want))
            print(f"{lemma.text}<{lemma.pos}> extra {len(extra)}: {' '.join(extra)}")
    share = found / total if total else 0.0
    print(f"reproduced {found}/{total} hand-written forms ({share:.1%}) of {len(lemmas)} lemmas")
    return 0


if __name__ == "__main__":
    sys.exit(main())
