#!/usr/bin/env python3
"""Writes Kyrgyz paradigm gold files generated from grammar rules.

  python3 scripts/ky_paradigms/gen.py --lemmas scripts/ky_paradigms/fresh_lemmas.tsv \\
      --out tests/stemmers/ky-paradigms-fresh

One apertium morph-gold file per lemma ('^surface/lemma<pos>$' per line), as
/work/shared/eval/stem_eval.py --gold-paradigms reads. With --print the forms
go to standard output instead.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from lemmas import read_lemmas, file_name, LemmaListError  # noqa: E402
from paradigms import BY_POS  # noqa: E402
from phonology import SuffixError  # noqa: E402


def gold_lines(lemma):
    try:
        forms = BY_POS[lemma.pos](lemma)
    except SuffixError as e:
        raise SuffixError(f"{lemma.text}<{lemma.pos}>: {e}") from e
    return [f"^{form}/{lemma.text}<{lemma.pos}>$" for form in forms]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lemmas", required=True, help="lemma list (TSV: lemma, pos, flags)")
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", help="directory for the *-morph-gold.txt files")
    where.add_argument("--print", action="store_true", help="write all forms to stdout")
    args = ap.parse_args()
    try:
        lemmas = read_lemmas(args.lemmas)
        if args.out:
            os.makedirs(args.out, exist_ok=True)
        total = 0
        for lemma in lemmas:
            lines = gold_lines(lemma)
            total += len(lines)
            if args.print:
                print("\n".join(lines))
                continue
            path = os.path.join(args.out, file_name(lemma))
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
    except (OSError, LemmaListError, SuffixError) as e:
        print(f"gen.py: {e}", file=sys.stderr)
        return 1
    print(f"gen.py: {len(lemmas)} lemmas, {total} forms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
