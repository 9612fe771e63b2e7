#!/usr/bin/python3
"""quality.py - issue 17's quality table, on the whole dev sets and on each half.

Runs ../shared/eval's tools on a build and prints one line per measure:
Kyrgyz and Russian stemmer F1 on UD (and on its even and odd sentences),
paradigm F1 on each --paradigms folder, and MRR@10 of the three
known-item sets (and of the queries whose target document has an even or
an odd number). Tuning on one half and reading the other tells a rule
that carries over from one that fits the words it was made on.

  /usr/bin/python3 scripts/eval/quality.py [--bin build/bin] [--shared ../shared]
      [--paradigms DIR ...] [--no-mrr]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def stem_f1(shared, stemmer, args):
    out = subprocess.run([sys.executable, os.path.join(shared, 'eval', 'stem_eval.py'),
                          *args, '--stemmer', stemmer, '--json'],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[0])


def split_conllu(path, tmp):
    """Writes the even and the odd sentences of path to two files."""
    halves = [open(os.path.join(tmp, n), 'w', encoding='utf-8') for n in ('even.conllu', 'odd.conllu')]
    sent, n = [], 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            sent.append(line)
            if line.strip() == '':
                halves[n % 2].write(''.join(sent))
                sent, n = [], n + 1
    if sent:
        halves[n % 2].write(''.join(sent))
    for h in halves:
        h.close()
    return [h.name for h in halves]


def fmt(row):
    return 'P %.4f R %.4f F1 %.4f' % (row['P'], row['R'], row['F1'])


def mrr(shared, binary, tmp):
    sets = os.path.join(shared, 'eval', 'sets')
    db = os.path.join(tmp, 'mrr.db')
    subprocess.run([os.path.join(binary, 'izde-index'), '-q', '--db', db,
                    os.path.join(sets, 'corpus')], check=True)
    for name in ('short', 'lead', 'folded'):
        run = os.path.join(tmp, name + '.run')
        with open(run, 'w') as out:
            subprocess.run([os.path.join(binary, 'izde-search'), '--db', db, '--batch',
                            os.path.join(sets, name, 'queries.tsv'), '--limit', '10'],
                           check=True, stdout=out)
        qrels = open(os.path.join(sets, name, 'qrels')).read().splitlines()
        parts = {'all': qrels, 'even': [], 'odd': []}
        for line in qrels:
            doc = int(''.join(c for c in line.split()[2] if c.isdigit()) or 0)
            parts['odd' if doc % 2 else 'even'].append(line)
        figs = []
        for part in ('all', 'even', 'odd'):
            q = os.path.join(tmp, '%s.%s.qrels' % (name, part))
            with open(q, 'w') as f:
                f.write('\n'.join(parts[part]) + '\n')
            out = subprocess.run([sys.executable, os.path.join(shared, 'eval', 'score_run.py'),
                                  q, run, '--json'], check=True, capture_output=True, text=True).stdout
            res = json.loads(out.splitlines()[0])
            figs.append('%s %.4f (%d)' % (part, res['MRR@10'], len(parts[part])))
        print('MRR@10 %-6s  %s' % (name, '  '.join(figs)))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--bin', default=os.path.join(root, 'build', 'bin'))
    ap.add_argument('--shared', default=os.path.join(os.path.dirname(root), 'shared'))
    ap.add_argument('--paradigms', action='append', default=None)
    ap.add_argument('--no-mrr', action='store_true')
    a = ap.parse_args()
    data = os.path.join(a.shared, 'data')
    stem = os.path.join(a.bin, 'izde-stem')
    with tempfile.TemporaryDirectory(prefix='izde-quality.') as tmp:
        ky = os.path.join(data, 'ud-ky-ktmu-train.conllu')
        even, odd = split_conllu(ky, tmp)
        print('ky UD all   ', fmt(stem_f1(a.shared, stem + ' --lang ky', ['--conllu', ky])))
        print('ky UD even  ', fmt(stem_f1(a.shared, stem + ' --lang ky', ['--conllu', even])))
        print('ky UD odd   ', fmt(stem_f1(a.shared, stem + ' --lang ky', ['--conllu', odd])))
        print('ru UD all   ', fmt(stem_f1(a.shared, stem + ' --lang ru',
                                         ['--conllu', os.path.join(data, 'ud-ru-gsd-dev.conllu')])))
        for d in a.paradigms or [os.path.join(root, 'tests', 'stemmers', 'ky-paradigms')]:
            print('ky paradigms %s' % os.path.basename(d.rstrip('/')),
                  fmt(stem_f1(a.shared, stem + ' --lang ky', ['--gold-paradigms', d])))
        if not a.no_mrr:
            mrr(a.shared, a.bin, tmp)


if __name__ == '__main__':
    main()
