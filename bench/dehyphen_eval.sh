#!/bin/sh
# dehyphen_eval.sh - line-break hyphen repair on Kyrgyz and Russian text (see dehyphen_eval.c).
#
#   bench/dehyphen_eval.sh [-v] [--no-evidence] [--half 0|1]
#
# --no-evidence decides each break as if its words occurred nowhere else
# (the words seen once, which the evidence cannot help); --half 0 or 1 keeps
# the even or the odd documents, to tune a rule on one and check it on the
# other.
# Kyrgyz: the articles of ../shared/data/news-ky-24kg-1000.csv; Russian: the
# "# text =" sentences of ../shared/data/ud-ru-gsd-dev.conllu, 20 to a
# document; and the repository's own corpus-samples/. The shared text goes
# to a temporary file that is removed afterwards and never committed. Then
# the seed article ../shared/seeds/000_eff225d9c19db179.txt, already broken
# by its typesetter: how many line-end hyphens are joined and kept.
# DEHYPHEN_EVAL names the binary (default: build*/bench/bin/dehyphen_eval).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${IZDE_SHARED_DIR:-$here/../shared}
bin=${DEHYPHEN_EVAL:-}
if [ -z "$bin" ]; then
    for b in "$here"/build/bench/bin/dehyphen_eval "$here"/build-*/bench/bin/dehyphen_eval; do
        if [ -x "$b" ]; then bin=$b; break; fi
    done
fi
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
    echo "$0: dehyphen_eval not built (set DEHYPHEN_EVAL)" >&2
    exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/izde-dehyphen.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

echo "== own samples (corpus-samples/)"
for f in "$here"/corpus-samples/*; do
    case $f in
    *.gz) gzip -dc "$f" ;;
    *) cat "$f" ;;
    esac
    printf '\n\035\n'
done > "$tmp/own.txt"
"$bin" "$@" < "$tmp/own.txt"

if [ ! -d "$shared/data" ]; then
    echo "$0: $shared/data not found: shared measurements skipped" >&2
    exit 0
fi
python3 - "$shared/data" "$tmp" <<'PY'
import csv, sys
data, tmp = sys.argv[1], sys.argv[2]
with open(f"{data}/news-ky-24kg-1000.csv", encoding="utf-8") as f, \
     open(f"{tmp}/ky.txt", "w", encoding="utf-8") as out:
    for row in csv.DictReader(f):
        out.write(row["text"].strip() + "\n\x1d\n")
with open(f"{data}/ud-ru-gsd-dev.conllu", encoding="utf-8") as f, \
     open(f"{tmp}/ru.txt", "w", encoding="utf-8") as out:
    sents = [l[len("# text = "):].strip() for l in f if l.startswith("# text = ")]
    for i in range(0, len(sents), 20):
        out.write(" ".join(sents[i:i + 20]) + "\n\x1d\n")
PY
echo "== Kyrgyz (news-ky-24kg-1000.csv)"
"$bin" "$@" < "$tmp/ky.txt"
echo "== Russian (ud-ru-gsd-dev.conllu)"
"$bin" "$@" < "$tmp/ru.txt"
seed="$shared/seeds/000_eff225d9c19db179.txt"
if [ -f "$seed" ]; then
    echo "== seed article"
    case " $* " in
    *" --no-evidence "*) "$bin" --no-evidence --seed "$seed" ;;
    *) "$bin" --seed "$seed" ;;
    esac
fi
