#!/usr/bin/python3
"""make_scans.py - a dev set of scans for the OCR measurement (eval_ocr.py).

Rasterises a subset of text PDFs (by default 6 Kyrgyz and 6 Russian articles of
../shared/eval/articles) with pdftoppm at 200 and 300 dpi and wraps the pages
back into image-only PDFs with img2pdf; for 4 articles of each language also a
"dirty" 200 dpi copy: rotated by 1-1.5 degrees, with grey noise, saved as JPEG
at quality 35 (needs python3-pil). Nothing is written into the repository.

usage: make_scans.py [--articles DIR] [--per-lang N] [--dirty N] OUT
  OUT/text/<id>.pdf          the original (a copy, for the retrieval check)
  OUT/scans/<id>-<dpi>.pdf   the scans; <dpi> is 200, 300 or 200d (dirty)
  OUT/set.json               which articles, their language and the scans
"""
import argparse, json, os, random, shutil, subprocess, sys, tempfile

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument('--articles', default=os.path.join(here, '../../../shared/eval/articles'))
    ap.add_argument('--per-lang', type=int, default=6)
    ap.add_argument('--dirty', type=int, default=4)
    ap.add_argument('out')
    a = ap.parse_args()
    for tool in ('pdftoppm', 'img2pdf'):
        if not shutil.which(tool):
            sys.exit(f'make_scans: {tool} is missing (apt-get install poppler-utils img2pdf)')
    try:
        from PIL import Image, ImageChops
    except ImportError:
        Image = None
        print('make_scans: no python3-pil, so no dirty copies', file=sys.stderr)
    gold = os.path.join(a.articles, 'gold')
    if not os.path.isdir(gold):
        sys.exit(f'make_scans: no articles at {a.articles}')
    by_lang = {'ky': [], 'ru': []}
    for name in sorted(os.listdir(gold)):
        g = json.load(open(os.path.join(gold, name), encoding='utf-8'))
        lang = g.get('lang')
        if lang in by_lang and len(by_lang[lang]) < a.per_lang:
            by_lang[lang].append(name[:-5])
    os.makedirs(os.path.join(a.out, 'text'), exist_ok=True)
    os.makedirs(os.path.join(a.out, 'scans'), exist_ok=True)
    rnd = random.Random(20)
    items = []
    for lang, ids in by_lang.items():
        for k, aid in enumerate(ids):
            src = os.path.join(a.articles, 'pdf', aid + '.pdf')
            shutil.copy(src, os.path.join(a.out, 'text', aid + '.pdf'))
            variants = ['300', '200'] + (['200d'] if Image and k < a.dirty else [])
            for v in variants:
                dpi = int(v[:3])
                with tempfile.TemporaryDirectory() as tmp:
                    subprocess.run(['pdftoppm', '-r', str(dpi), '-gray', '-png', src,
                                    os.path.join(tmp, 'p')], check=True)
                    pages = sorted(os.path.join(tmp, f) for f in os.listdir(tmp))
                    if v.endswith('d'):
                        pages = [dirty(Image, ImageChops, p, dpi, rnd) for p in pages]
                    out = os.path.join(a.out, 'scans', f'{aid}-{v}.pdf')
                    subprocess.run(['img2pdf', '-o', out] + pages, check=True)
                items.append({'id': aid, 'lang': lang, 'variant': v,
                              'scan': os.path.join('scans', f'{aid}-{v}.pdf'),
                              'text': os.path.join('text', aid + '.pdf')})
    json.dump(items, open(os.path.join(a.out, 'set.json'), 'w'), indent=1)
    print(f'make_scans: {len(items)} scans of {sum(map(len, by_lang.values()))} articles in {a.out}')

def dirty(Image, ImageChops, path, dpi, rnd):
    """Skew, noise and JPEG artefacts, as a cheap office scanner gives them."""
    img = Image.open(path).convert('L')
    angle = rnd.choice([-1, 1]) * rnd.uniform(1.0, 1.5)
    img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    noise = Image.effect_noise(img.size, 30)
    img = ImageChops.add(img, noise, 1.0, -128)
    out = path[:-4] + '.jpg'
    img.save(out, 'JPEG', quality=35, dpi=(dpi, dpi))
    return out

if __name__ == '__main__':
    main()
