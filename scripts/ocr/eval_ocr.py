#!/usr/bin/python3
"""eval_ocr.py - how well izde-extract's OCR reads the scans make_scans.py made.

1. OCR: runs the helper (build/bin/izde-extract --ocr ...) once per scan, one at a
   time, with an OCR cache in SET/cache, and compares its text page by page with
   the text layer of the original (pdftotext -enc UTF-8): CER and WER per
   language and scan variant (300, 200 dpi, 200d = 200 dpi dirty). For the Kyrgyz
   letters ү ө ң: how often each is read right, read as its keyboard-folded twin
   (у о н: an error that izde's query folding hides), or otherwise wrong.
2. Retrieval (--retrieval): indexes the text copies and the scans together
   (izde-index with the same OCR cache, so nothing is read twice) and asks, for
   each article, 4 words of its abstract (izde-search --json): how often the text
   copy and each scan are in the top 10.

usage: eval_ocr.py [--build DIR] [--articles DIR] [--retrieval] SET
"""
import argparse, json, os, re, subprocess, sys, time, unicodedata

try:
    import Levenshtein
except ImportError:
    sys.exit('eval_ocr: needs python3-levenshtein (Debian) for the alignments')

FOLD = {'ү': 'у', 'ө': 'о', 'ң': 'н', 'Ү': 'У', 'Ө': 'О', 'Ң': 'Н'}

def norm(s):
    s = unicodedata.normalize('NFC', s)
    # Soft hyphens and line-end hyphenation differ between the text layer and
    # OCR; the comparison is of words, so lines are joined.
    s = re.sub(r'-\n(?=\w)', '', s)
    return re.sub(r'\s+', ' ', s).strip()

def words(s):
    return re.findall(r'\w+', s.lower())

def helper_text(build, scan, cache, langs, dpi):
    out = subprocess.run([os.path.join(build, 'bin/izde-extract'), '--format', 'pdf',
                          '--ocr', langs, '--ocr-dpi', str(dpi), '--ocr-cache', cache, '--', scan],
                         capture_output=True, env=dict(os.environ, OMP_THREAD_LIMIT='1'))
    data, rec = out.stdout, {}
    p = data.index(b'\n') + 1
    while p < len(data):
        nl = data.index(b'\n', p)
        tag, n = data[p:nl].split(b' ')
        n = int(n)
        rec[tag.decode()] = data[nl + 1:nl + 1 + n].decode('utf-8', 'replace')
        p = nl + 2 + n
    return rec

def letter_errors(ref, hyp, acc):
    """Per ү ө ң of ref: right, folded twin, other error (aligned by editops)."""
    ops = {}
    for op, i, j in Levenshtein.editops(ref, hyp):
        if op in ('replace', 'delete'):
            ops[i] = (op, hyp[j] if op == 'replace' else '')
    for i, c in enumerate(ref):
        if c.lower() not in 'үөң':
            continue
        k = acc.setdefault(c.lower(), [0, 0, 0])
        if i not in ops:
            k[0] += 1
        elif ops[i][0] == 'replace' and FOLD.get(c) == ops[i][1]:
            k[1] += 1
        else:
            k[2] += 1

def ocr_eval(a, items):
    cache = os.path.join(a.set, 'cache')
    rows, t_all = {}, time.time()
    for it in items:
        ref = subprocess.run(['pdftotext', '-enc', 'UTF-8', os.path.join(a.set, it['text']), '-'],
                             capture_output=True, check=True).stdout.decode()
        t0 = time.time()
        rec = helper_text(a.build, os.path.join(a.set, it['scan']), cache, a.langs, a.ocr_dpi)
        secs = time.time() - t0
        hyp = rec.get('text', '')
        ocr = rec.get('ocr', '0 0 0 0').split()
        r = rows.setdefault((it['lang'], it['variant']),
                            dict(ce=0, cn=0, cef=0, we=0, wn=0, pages=0, secs=0, conf=0,
                                 letters={}))
        rp, hp = ref.split('\f'), hyp.split('\f')
        for k in range(min(len(rp), len(hp))):
            a_, b_ = norm(rp[k]), norm(hp[k])
            if not a_:
                continue
            r['ce'] += Levenshtein.distance(a_, b_)
            r['cn'] += len(a_)
            fa = ''.join(FOLD.get(c, c) for c in a_)
            fb = ''.join(FOLD.get(c, c) for c in b_)
            r['cef'] += Levenshtein.distance(fa, fb)
            wa, wb = words(a_), words(b_)
            # Words as characters of a private alphabet, for a word-level edit distance.
            vocab = {w: chr(0xE000 + i) for i, w in enumerate(sorted(set(wa) | set(wb)))}
            r['we'] += Levenshtein.distance(''.join(vocab[w] for w in wa),
                                            ''.join(vocab[w] for w in wb))
            r['wn'] += len(wa)
            letter_errors(a_, b_, r['letters'])
        r['pages'] += int(ocr[0]) + int(ocr[1])
        r['secs'] += secs
        r['conf'] += int(ocr[3]) * (int(ocr[0]) + int(ocr[1]))
        print(f"  {it['scan']}: {ocr[0]} pages read, {ocr[1]} cached, {secs:.1f} s, "
              f"confidence {ocr[3]}", file=sys.stderr)
    print(f'OCR of {len(items)} scans: {time.time() - t_all:.0f} s wall\n')
    print('| lang | scan | pages | s/page | conf | CER | CER folded | WER |')
    print('|---|---|---|---|---|---|---|---|')
    for (lang, v), r in sorted(rows.items()):
        print(f"| {lang} | {v} | {r['pages']} | {r['secs'] / max(r['pages'], 1):.1f} | "
              f"{r['conf'] / max(r['pages'], 1):.0f} | {100 * r['ce'] / r['cn']:.2f}% | "
              f"{100 * r['cef'] / r['cn']:.2f}% | {100 * r['we'] / r['wn']:.2f}% |")
    print('\nKyrgyz letters (all scans of both languages): right / read as у о н / other error')
    print('| letter | variant | n | right | folded twin | other | folding hides |')
    print('|---|---|---|---|---|---|---|')
    for (lang, v), r in sorted(rows.items()):
        for c in 'үөң':
            if c in r['letters']:
                ok, fold, other = r['letters'][c]
                n = ok + fold + other
                err = fold + other
                print(f"| {c} ({lang}) | {v} | {n} | {100 * ok / n:.1f}% | {100 * fold / n:.1f}% | "
                      f"{100 * other / n:.1f}% | {100 * fold / err if err else 0:.0f}% of errors |")

def retrieval(a, items):
    ix = os.path.join(a.set, 'index')
    subprocess.run(['rm', '-rf', ix], check=True)
    t0 = time.time()
    subprocess.run([os.path.join(a.build, 'bin/izde-index'), '--db', ix, '-q', '-j', '1',
                    '--ocr-cache', os.path.join(a.set, 'cache'),
                    os.path.join(a.set, 'text'), os.path.join(a.set, 'scans')], check=True)
    print(f'\nindexed {len(os.listdir(os.path.join(a.set, "text")))} text copies and '
          f'{len(items)} scans in {time.time() - t0:.0f} s (OCR from the cache)')
    found, total = {}, {}
    by_id = {}
    for it in items:
        by_id.setdefault(it['id'], []).append(it)
    for aid, its in sorted(by_id.items()):
        g = json.load(open(os.path.join(a.articles, 'gold', aid + '.json'), encoding='utf-8'))
        abstract = (g.get('abstract') or {}).get(its[0]['lang'], '')
        cand = [w for w in re.findall(r'\w+', abstract) if len(w) >= 6 and not w.isdigit()]
        if len(cand) < 4:
            continue
        step = len(cand) // 4
        q = ' '.join(cand[k * step] for k in range(4))
        out = subprocess.run([os.path.join(a.build, 'bin/izde-search'), '--db', ix, '--json',
                              '--limit', '10', q], capture_output=True, check=True).stdout
        paths = [os.path.basename(r['path']) for r in json.loads(out)['results']]
        for key, name in [('text', aid + '.pdf')] + [(it['variant'], os.path.basename(it['scan']))
                                                      for it in its]:
            k = (its[0]['lang'], key)
            total[k] = total.get(k, 0) + 1
            found[k] = found.get(k, 0) + (name in paths)
        print(f'  {aid} ({its[0]["lang"]}): "{q}" -> '
              + ', '.join(p for p in paths if p.startswith(aid)), file=sys.stderr)
    print('\n| lang | copy | found in top 10 |')
    print('|---|---|---|')
    for k in sorted(total):
        print(f'| {k[0]} | {k[1]} | {found[k]}/{total[k]} |')

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default=os.path.join(here, '../../build'))
    ap.add_argument('--articles', default=os.path.join(here, '../../../shared/eval/articles'))
    ap.add_argument('--langs', default='kir+rus+eng')
    ap.add_argument('--ocr-dpi', type=int, default=300,
                    help='resolution the helper renders scanned pages at (its --ocr-dpi)')
    ap.add_argument('--retrieval', action='store_true')
    ap.add_argument('set')
    a = ap.parse_args()
    items = json.load(open(os.path.join(a.set, 'set.json')))
    ocr_eval(a, items)
    if a.retrieval:
        retrieval(a, items)

if __name__ == '__main__':
    main()
