#!/usr/bin/env bash
# compare_builds.sh OLD_BIN NEW_BIN [DIR...] - proves a change that should not
# change behaviour did not: both builds index the same collections
# (corpus-samples/, the eval sets' corpus when ../shared is there, and each
# DIR given, e.g. a benchmark corpus full of line-end hyphens); the two indexes must
# hold the same terms (with wdf and positions), values and records for every
# document (scripts/dump_index.py), and every query of the eval sets and of a
# few sample queries must give the same ranked list and the same output in
# the text, JSON and TREC formats.
# Both index with one worker: up to analysis version 5 the hyphen repair
# learnt from the documents a worker had read before, so such a build gives
# a different index per run with several workers.
# Example: scripts/compare_builds.sh /tmp/old/build/bin build/bin /tmp/bench2k/docs
set -euo pipefail
old=$(cd "$1" && pwd)
new=$(cd "$2" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${IZDE_SHARED_DIR:-$root/../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

same() {  # WHAT FILE_A FILE_B
    if cmp -s "$2" "$3"; then
        echo "same: $1"
    else
        echo "DIFFERENT: $1"; diff "$2" "$3" | head -20; fail=1
    fi
}

collections=("samples:$root/corpus-samples")
[ -d "$shared/eval/sets/corpus" ] && collections+=("evalsets:$shared/eval/sets/corpus")
n=0
for extra in "${@:3}"; do
    n=$((n + 1))
    collections+=("extra$n:$(cd "$extra" && pwd)")
done

for c in "${collections[@]}"; do
    name=${c%%:*} dir=${c#*:}
    for side in old new; do
        bin=${!side}
        "$bin"/izde-index -j1 --db "$tmp/$name-$side.db" "$dir" 2>"$tmp/$name-$side.log" \
            || { echo "$side izde-index failed on $dir:"; tail -3 "$tmp/$name-$side.log"; fail=1; }
        /usr/bin/python3 "$root"/scripts/dump_index.py "$tmp/$name-$side.db" >"$tmp/$name-$side.dump"
    done
    ndocs=$(head -1 "$tmp/$name-old.dump")
    same "$name index ($ndocs, terms, positions, values, records)" \
        "$tmp/$name-old.dump" "$tmp/$name-new.dump"
done

# Ranked lists of every eval query, on the index each build made.
if [ -d "$shared/eval/sets/corpus" ]; then
    for s in short lead folded; do
        for side in old new; do
            "${!side}"/izde-search --db "$tmp/evalsets-$side.db" --limit 10 \
                --batch "$shared/eval/sets/$s/queries.tsv" >"$tmp/$s-$side.run" 2>&1 || true
        done
        same "eval set $s: $(wc -l <"$shared/eval/sets/$s/queries.tsv") queries, top 10 each" \
            "$tmp/$s-old.run" "$tmp/$s-new.run"
    done
fi

# Every output format and the exit status, on the samples (one index for
# both, so paths agree).
queries=("инновациялык ишмердүүлүк" "мугалимдин кесиптик" "\"билим берүү\"" "мугалим -китепкана"
         "окуучулардын" "инновациялык" "assessment" "учитель" "мугалимдердин окуучулардын xyzzy"
         "иновациялык" "")
i=0
for q in "${queries[@]}"; do
    i=$((i + 1))
    for mode in text json; do
        opt=(); [ $mode = json ] && opt=(--json)
        for side in old new; do
            rc=0
            "${!side}"/izde-search --db "$tmp/samples-old.db" "${opt[@]}" -- "$q" \
                >"$tmp/q$i-$mode-$side" 2>&1 || rc=$?
            echo "exit $rc" >>"$tmp/q$i-$mode-$side"
        done
        same "query '$q' ($mode)" "$tmp/q$i-$mode-old" "$tmp/q$i-$mode-new"
    done
done

[ $fail -eq 0 ] && echo "compare_builds: no difference" || echo "compare_builds: the builds differ"
exit $fail
