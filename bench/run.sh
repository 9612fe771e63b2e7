#!/usr/bin/env bash
# run.sh - the Izde benchmark: indexing and query latency side by side with
# SQLite FTS5 and Xapian's omindex, on corpora made by ../shared/eval/make_bench_corpus.py.
#
#   bench/run.sh [--docs N] [--big] [--build DIR] [--cold N] [--keep DIR]
#
#   --docs N     corpus size (default 20000, about 100 MB)
#   --big        also run on 200,000 documents (about 1 GB; takes an hour or more)
#   --build DIR  the Release build with izde-index, izde-search and the bench
#                drivers (default build-bench; build it with
#                cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release)
#   --cold N     queries timed with a cold cache, each after dropping the page
#                cache (default 1000, all of them: the p99 of 100 is their
#                second slowest, which one disk hiccup moves; needs root, else
#                reported as not permitted)
#   --keep DIR   work in DIR and keep the corpora and indexes (default: a
#                temporary folder, removed at the end)
#
# For each size it generates the corpus (docs/, corpus.csv, queries.txt), then
# measures in the same run: full builds (izde-index, omindex on the same files,
# FTS5 through the sqlite3 shell on corpus.csv) with time, CPU, peak memory and
# index size before and after compaction; an incremental run after 1% of the
# files changed; the Xapian floor (bench/xapian_floor: pre-tokenized text, one
# core); and per-query latency of the same 1,000 queries, warm and cold
# (bench/query_latency for Izde, bench/fts5_latency for FTS5). It prints one
# table per size, with ratios. Not a test: ctest never runs it.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/build-bench
docs_n=20000
big=0
cold_n=1000
keep=
while [ $# -gt 0 ]; do
    case $1 in
        --docs) docs_n=$2; shift 2 ;;
        --big) big=1; shift ;;
        --build) build=$(cd "$2" && pwd); shift 2 ;;
        --cold) cold_n=$2; shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        -h|--help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown option '$1'" >&2; echo "try 'bench/run.sh --help'" >&2; exit 2 ;;
    esac
done

gen=$here/../shared/eval/make_bench_corpus.py
bin=$build/bin
benchbin=$build/bench/bin
for f in "$gen" "$bin/izde-index" "$bin/izde-search" "$benchbin/query_latency" "$benchbin/xapian_floor"; do
    [ -e "$f" ] || { echo "run.sh: missing '$f'" >&2; exit 1; }
done
. "$here/bench/lib.sh"
have_fts5=0; have sqlite3 && [ -x "$benchbin/fts5_latency" ] && have_fts5=1
have_omindex=0; have omindex && have xapian-compact && have_omindex=1
[ -x /usr/bin/time ] || { echo "run.sh: needs /usr/bin/time (Debian package time)" >&2; exit 1; }

if [ -n "$keep" ]; then
    mkdir -p "$keep"; work=$(cd "$keep" && pwd)
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/izde-bench.XXXXXX")
    trap 'rm -rf "$work"' EXIT
fi

log() { echo "run.sh: $*" >&2; }

mb() { du -sb "$1" | awk '{ printf "%.0f", $1 / 1e6 }'; }
# key=value from a driver's line: kv LINE KEY
kv() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }

can_drop=0
if (sync && echo 3 >/proc/sys/vm/drop_caches) 2>/dev/null; then can_drop=1; fi

declare -A V HAS   # V[row,column] = value; HAS[row] once the row is in rows
rows=()
put() { [ -n "${HAS[$1]:-}" ] || { rows+=("$1"); HAS[$1]=1; }; V[$1,$2]=$3; }

run_size() {
    local n=$1 dir=$work/c$1
    rows=(); V=(); HAS=()
    log "generating $n documents in $dir"
    if [ ! -f "$dir/stats.json" ]; then
        rm -rf "$dir"
        /usr/bin/python3 "$gen" --out "$dir" --docs "$n" --csv --jobs "$(nproc)" >/dev/null
    fi
    local bytes mbytes
    bytes=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["bytes_txt"])' "$dir/stats.json")
    mbytes=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
    local load0; load0=$(cut -d' ' -f1-3 /proc/loadavg)
    rate() { awk -v b="$bytes" -v s="$1" 'BEGIN { printf "%.2f", b / 1e6 / s }'; }
    dps() { awk -v n="$n" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
    times() { awk -v m="$1" -v b="$bytes" 'BEGIN { printf "%d (%.2fx)", m, m * 1e6 / b }'; }

    # --- izde-index: full build
    local help; help=$("$bin/izde-index" --help)
    local ix=$dir/izde.db
    rm -rf "$ix"
    log "izde-index: full build"
    measure izde_full "$bin/izde-index" --db "$ix" -q "$dir/docs" ||
        { log "izde-index failed: $(tail -3 "$work/izde_full.err")"; return 1; }
    put "build s" izde "$wall"; put "build CPU s" izde "$cpu"
    put "build MB/s" izde "$(rate "$wall")"; put "build docs/s" izde "$(dps "$wall")"
    put "build peak RSS MB" izde "$rss_mb"; put "index MB (x input)" izde "$(times "$(mb "$ix")")"

    # --- izde-index --shards (one writer per core, merged at the end), and
    # a full build under --max-memory 128
    local nsh; nsh=$(nproc)
    if grep -q -- '--shards' <<<"$help" && [ "$nsh" -gt 1 ]; then
        rm -rf "$dir/izde-shards.db"
        log "izde-index --shards $nsh: full build"
        if measure izde_shards "$bin/izde-index" --db "$dir/izde-shards.db" --shards "$nsh" -q "$dir/docs"; then
            put "build s" izde-shards "$wall"; put "build CPU s" izde-shards "$cpu"
            put "build MB/s" izde-shards "$(rate "$wall")"; put "build docs/s" izde-shards "$(dps "$wall")"
            put "build peak RSS MB" izde-shards "$rss_mb"
            put "compacted MB (x input)" izde-shards "$(times "$(mb "$dir/izde-shards.db")")"
        fi
        rm -rf "$dir/izde-shards.db"
    fi
    local capped=
    if grep -q -- '--max-memory' <<<"$help"; then
        rm -rf "$dir/izde-capped.db"
        log "izde-index --max-memory 128: full build"
        measure izde_capped "$bin/izde-index" --db "$dir/izde-capped.db" --max-memory 128 -q "$dir/docs" &&
            capped="izde-index --max-memory 128: $wall s, peak RSS $rss_mb MB"
        rm -rf "$dir/izde-capped.db"
    fi

    # --- omindex on the same files
    local om=$dir/omega.db
    if [ $have_omindex = 1 ]; then
        rm -rf "$om" "$om.compact"
        log "omindex: full build"
        if measure omindex_full omindex --db "$om" --url / "$dir/docs"; then
            put "build s" omindex "$wall"; put "build CPU s" omindex "$cpu"
            put "build MB/s" omindex "$(rate "$wall")"; put "build docs/s" omindex "$(dps "$wall")"
            put "build peak RSS MB" omindex "$rss_mb"; put "index MB (x input)" omindex "$(times "$(mb "$om")")"
            measure omindex_compact xapian-compact "$om" "$om.compact"
            put "compact s" omindex "$wall"; put "compacted MB (x input)" omindex "$(times "$(mb "$om.compact")")"
        else
            log "omindex failed: $(tail -3 "$work/omindex_full.err")"
        fi
    fi

    # --- SQLite FTS5 on corpus.csv
    local fts=$dir/fts5.sqlite
    if [ $have_fts5 = 1 ]; then
        rm -f "$fts"
        log "sqlite3: FTS5 build"
        measure fts5_full sqlite3 "$fts" \
            "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, text, lang UNINDEXED);" \
            ".import --csv --skip 1 $dir/corpus.csv docs"
        put "build s" fts5 "$wall"; put "build CPU s" fts5 "$cpu"
        put "build MB/s" fts5 "$(rate "$wall")"; put "build docs/s" fts5 "$(dps "$wall")"
        put "build peak RSS MB" fts5 "$rss_mb"; put "index MB (x input)" fts5 "$(times "$(mb "$fts")")"
        measure fts5_compact sqlite3 "$fts" "INSERT INTO docs(docs) VALUES('optimize');" "VACUUM;"
        put "compact s" fts5 "$wall"; put "compacted MB (x input)" fts5 "$(times "$(mb "$fts")")"
        put "update 1% s" fts5 "n/a"
    fi

    # --- Xapian floor: pre-tokenized text through our binding, one core
    log "xapian_floor: with and without positions"
    local line
    line=$("$benchbin/xapian_floor" --db "$dir/floor.db" "$dir/docs")
    put "build s" floor "$(kv "$line" secs)"; put "build MB/s" floor "$(kv "$line" mb_s)"
    put "build docs/s" floor "$(kv "$line" docs_s)"; put "index MB (x input)" floor "$(times "$(mb "$dir/floor.db")")"
    line=$("$benchbin/xapian_floor" --no-positions --db "$dir/floor-nopos.db" "$dir/docs")
    put "build s" floor-nopos "$(kv "$line" secs)"; put "build MB/s" floor-nopos "$(kv "$line" mb_s)"
    put "build docs/s" floor-nopos "$(kv "$line" docs_s)"
    put "index MB (x input)" floor-nopos "$(times "$(mb "$dir/floor-nopos.db")")"
    rm -rf "$dir/floor.db" "$dir/floor-nopos.db"

    # --- change 1% of the files, then the incremental runs
    log "changing 1% of the files"
    /usr/bin/python3 - "$dir/docs" <<'EOF'
import os, sys
paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(sys.argv[1]) for f in fs if f.endswith(".txt"))
for p in paths[::100]:
    with open(p, "a", encoding="utf-8") as f:
        f.write("\nКошумча сүйлөм: жаңыртылган документ. Дополнительное предложение.\n")
EOF
    if grep -q -- '--update' <<<"$help"; then
        log "izde-index --update"
        measure izde_update "$bin/izde-index" --db "$ix" --update -q
        put "update 1% s" izde "$wall"
    else
        put "update 1% s" izde "n/a"
    fi
    if [ $have_omindex = 1 ] && [ -d "$om" ]; then
        log "omindex: incremental run"
        measure omindex_update omindex --db "$om" --url / "$dir/docs"
        put "update 1% s" omindex "$wall"
    fi

    # --- izde compaction (on the updated index)
    if grep -q -- '--compact' <<<"$help"; then
        log "izde-index --update --compact"
        measure izde_compact "$bin/izde-index" --db "$ix" --update --compact -q
    else
        log "xapian-compact (izde-index has no --compact)"
        measure izde_compact xapian-compact "$ix" "$ix.compact"
        rm -rf "$ix"; mv "$ix.compact" "$ix"
    fi
    put "compact s" izde "$wall"; put "compacted MB (x input)" izde "$(times "$(mb "$ix")")"

    # --- queries: izde-search --batch (end to end), then per-query latency
    local q=$dir/queries.txt
    awk '{ printf "q%d\t%s\n", NR, $0 }' "$q" >"$dir/queries.tsv"
    log "izde-search --batch"
    "$bin/izde-search" --db "$ix" --batch "$dir/queries.tsv" --limit 10 >/dev/null   # warm up
    measure izde_batch "$bin/izde-search" --db "$ix" --batch "$dir/queries.tsv" --limit 10
    local nq; nq=$(wc -l <"$dir/queries.tsv")
    put "izde-search --batch q/s" izde "$(awk -v n="$nq" -v s="$wall" 'BEGIN { printf "%.0f", n / s }')"

    local cold_args=()
    [ $can_drop = 1 ] && [ "$cold_n" -gt 0 ] && cold_args=(--cold "$cold_n")
    put_lat() { # put_lat COLUMN LINE... (lines from a latency driver)
        local col=$1; shift
        local l mode
        for l in "$@"; do
            mode=$(kv "$l" mode)
            put "$mode p50 ms" "$col" "$(kv "$l" p50_ms)"
            put "$mode p95 ms" "$col" "$(kv "$l" p95_ms)"
            put "$mode p99 ms" "$col" "$(kv "$l" p99_ms)"
            put "$mode q/s" "$col" "$(kv "$l" qps)"
        done
    }
    log "query_latency: izde ranking and AND only"
    local out
    mapfile -t out < <("$benchbin/query_latency" --db "$ix" "${cold_args[@]}" "$q")
    put_lat izde "${out[@]}"
    mapfile -t out < <("$benchbin/query_latency" --all --db "$ix" "${cold_args[@]}" "$q")
    put_lat izde "${out[@]}"
    if [ $have_fts5 = 1 ]; then
        log "fts5_latency"
        mapfile -t out < <("$benchbin/fts5_latency" --db "$fts" "${cold_args[@]}" "$q")
        put_lat fts5 "${out[@]}"
    fi

    # --- the table
    local cols=(izde izde-shards fts5 omindex floor floor-nopos)
    echo
    echo "Izde benchmark: $n documents, $mbytes MB of text, $(nproc) cores; izde-index -j $(nproc)"
    echo "load average at start: $load0; at end: $(cut -d' ' -f1-3 /proc/loadavg)"
    printf '%-24s' "metric"; printf ' %12s' "${cols[@]}" "izde:fts5" "izde:omindex" "izde:floor"; echo
    local r c v
    for r in "${rows[@]}"; do
        printf '%-24s' "$r"
        for c in "${cols[@]}"; do printf ' %12s' "${V[$r,$c]:--}"; done
        for c in fts5 omindex floor; do
            printf ' %12s' "$(awk -v a="${V[$r,izde]:--}" -v b="${V[$r,$c]:--}" 'BEGIN {
                split(a, x, " "); split(b, y, " ");
                if (x[1] ~ /^[0-9.]+$/ && y[1] ~ /^[0-9.]+$/ && y[1] > 0) printf "%.2f", x[1] / y[1];
                else printf "-" }')"
        done
        echo
    done
    awk -v a="${V[build MB/s,izde]:-0}" -v b="${V[build MB/s,izde-shards]:-0}" \
        -v o="${V[build MB/s,omindex]:-0}" -v f="${V[build MB/s,floor]:-0}" -v c="$(nproc)" \
        -v fs="${V[build s,fts5]:-0}" -v is="${V[build s,izde]:-0}" -v ss="${V[build s,izde-shards]:-0}" 'BEGIN {
        best = a > b ? a : b; bs = a > b ? is : ss
        printf "targets: best izde build %.2f MB/s = %.2fx omindex (target 4x), %.0f%% of %d x floor (target 80%%),", best, (o > 0 ? best / o : 0), (f > 0 ? 100 * best / (c * f) : 0), c
        printf " %.1fx FTS5 build time\n", (fs > 0 ? bs / fs : 0) }'
    echo "izde: izde-index -j $(nproc) (one writer); izde-shards: --shards $nsh (a writer per core,"
    echo "merged and compacted at the end). ${capped:-}"
    echo "izde: warm/cold rows rank as izde-search does (complete matches, then partial ones to fill"
    echo "the page) and read each hit's record; *-and rows are complete matches only (FTS5: AND of the"
    echo "quoted words, bm25 order). Top 10 per query, $nq queries, process and index opened once."
    if [ $can_drop = 1 ]; then
        echo "cold: the first $cold_n queries, each after reopening the index and dropping the page cache."
    else
        echo "cold: not measured (dropping the page cache is not permitted here: needs root)."
    fi
    echo "floor: xapian_floor, whitespace-split lowercased text straight into Xapian, one thread;"
    echo "floor-nopos: the same without positions. Ratios are izde divided by the other column"
    echo "(times: below 1 means izde is faster; MB/s, docs/s, q/s: above 1 means izde is faster)."
}

run_size "$docs_n"
if [ $big = 1 ] && [ "$docs_n" != 200000 ]; then
    run_size 200000
fi
