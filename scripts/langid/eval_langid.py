#!/usr/bin/env python3
"""Measures the language identifier on sentences of 5+ words.

  /usr/bin/python3 scripts/langid/eval_langid.py [--bin build/tests/bin/langid_cli] [--min-acc 0.99]

Kyrgyz: every sentence of the Kyrgyz dev treebank (not used in training).
Russian: the odd-numbered sentences of the Russian dev treebank (held out
from training) and, separately, all of them. English: english-eval.txt
(team-written, not used in training). Exits 77 when ../shared is absent,
1 when the pooled accuracy is below --min-acc.
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(ROOT, "..", "shared", "data")


def conllu_sentences(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# text = "):
                yield line[len("# text = "):].strip()


def long_enough(s):
    return len([w for w in s.split() if any(ch.isalpha() for ch in w)]) >= 5


def run(binary, sentences):
    out = subprocess.run([binary], input="".join(s.replace("\n", " ") + "\n" for s in sentences),
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(out) == len(sentences)
    return [line.split()[0] for line in out]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "tests", "bin", "langid_cli"))
    ap.add_argument("--min-acc", type=float, default=0.0)
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    ky_path = os.path.join(SHARED, "ud-ky-ktmu-train.conllu")
    ru_path = os.path.join(SHARED, "ud-ru-gsd-dev.conllu")
    if not (os.path.exists(ky_path) and os.path.exists(ru_path)):
        print("eval_langid: ../shared/data missing, skipped")
        return 77
    ru_all = [s for s in conllu_sentences(ru_path)]
    sets = {
        "ky": [s for s in conllu_sentences(ky_path) if long_enough(s)],
        "ru (held-out half)": [s for i, s in enumerate(ru_all) if i % 2 == 1 and long_enough(s)],
        "en": [s for s in open(os.path.join(HERE, "english-eval.txt"), encoding="utf-8")
               .read().splitlines() if long_enough(s)],
    }
    want = {"ky": "ky", "ru (held-out half)": "ru", "en": "en"}
    right = total = 0
    for name, sents in sets.items():
        got = run(args.bin, sents)
        ok = sum(1 for g in got if g == want[name])
        right += ok
        total += len(sents)
        print("%-20s %4d/%4d  %.4f" % (name, ok, len(sents), ok / len(sents)))
        shown = 0
        for s, g in zip(sents, got):
            if g != want[name] and shown < args.errors:
                print("   %s <- %s" % (g, s[:100]))
                shown += 1
    ru_full = [s for s in ru_all if long_enough(s)]
    got = run(args.bin, ru_full)
    print("%-20s %4d/%4d  %.4f" % ("ru (all, incl. train)", sum(g == "ru" for g in got), len(got),
                                    sum(g == "ru" for g in got) / len(got)))
    acc = right / total
    print("pooled accuracy %.4f" % acc)
    return 0 if acc >= args.min_acc else 1


if __name__ == "__main__":
    sys.exit(main())
