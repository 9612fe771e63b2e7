# remote.sh - scale-out: two shards served by xapian-tcpsrv (and the same two
# listed locally in a stub file), and an index built by izde-index --shards,
# rank exactly as one index of all the files.
. "$(dirname "$0")/lib.sh"

command -v xapian-tcpsrv >/dev/null || { echo "SKIP: xapian-tcpsrv not found (xapian-tools)"; exit 77; }

servers=()
cleanup() {
    local p
    for p in "${servers[@]}" "${pids[@]}"; do kill "$p" 2>/dev/null; done
    for p in "${servers[@]}" "${pids[@]}"; do wait "$p" 2>/dev/null; done
    chmod -R u+rwx "$TMP" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT

# Two halves of corpus-samples/, every other file (sorted by name) in each.
mkdir -p "$TMP/a" "$TMP/b"
i=0
for f in "$SRC"/corpus-samples/*; do
    if [ $((i % 2)) -eq 0 ]; then cp "$f" "$TMP/a/"; else cp "$f" "$TMP/b/"; fi
    i=$((i + 1))
done
expect_exit 0 "index shard a" "$BIN/izde-index" --db "$TMP/shard-a" -q "$TMP/a"
expect_exit 0 "index shard b" "$BIN/izde-index" --db "$TMP/shard-b" -q "$TMP/b"
expect_exit 0 "index all" "$BIN/izde-index" --db "$TMP/all" -q "$TMP/a" "$TMP/b"

# start_server DB: serves DB on a free loopback port; sets $port. Retries on
# another port if the one picked was taken meanwhile.
start_server() {
    local db=$1 try pid n
    for try in 1 2 3 4 5; do
        port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
        # Its own session: on SIGTERM xapian-tcpsrv signals its whole process
        # group (to stop its forked children), which would be this test too.
        setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$db" \
            >"$TMP/tcpsrv-$port.log" 2>&1 &
        pid=$!
        for n in $(seq 1 100); do
            if ! kill -0 "$pid" 2>/dev/null; then break; fi
            if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
                servers+=("$pid")
                return 0
            fi
            sleep 0.1
        done
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    return 1
}
start_server "$TMP/shard-a" && port_a=$port || { fail "xapian-tcpsrv for shard a"; finish; exit; }
start_server "$TMP/shard-b" && port_b=$port || { fail "xapian-tcpsrv for shard b"; finish; exit; }

printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$port_a" "$port_b" >"$TMP/remote.stub"
printf 'auto %s\nauto %s\n' "$TMP/shard-a" "$TMP/shard-b" >"$TMP/local.stub"
# Relative paths in a stub file are relative to the stub's own folder.
printf '# the two shards, next to this file\nauto shard-a\nauto shard-b\n' >"$TMP/relative.stub"

# ranking FILE: one line per result of a --json search: score to 3
# decimals, partial flag, path; the total first. Within a run of equal
# scores the paths are sorted, since ties may fall either way between a
# sharded and a single index (Xapian breaks them by docid).
ranking() {
    python3 - "$1" <<'PY'
import itertools, json, sys
d = json.load(open(sys.argv[1]))
print("total", d["total"])
rows = [("%.3f" % r["score"], r["partial"], r["path"]) for r in d["results"]]
for _, group in itertools.groupby(rows, key=lambda r: r[0]):
    for score, partial, path in sorted(group, key=lambda r: r[2]):
        print(score, "partial" if partial else "complete", path)
PY
}

queries=(
    "инновациялык ишмердүүлүк"
    "мектеп китепканасы"
    "мугалимдин кесиптик даярдыгы"
    "реформа образования"
    "учитель"
    "reading literacy assessment"
    "2023"
    '"кесиптик этикасы"'
    "мугалим -китепкана"
    "okuu"
)
for q in "${queries[@]}"; do
    expect_exit 0 "single index: $q" "$BIN/izde-search" --db "$TMP/all" --json --limit 20 "$q"
    ranking "$TMP/out" >"$TMP/want"
    [ "$(wc -l <"$TMP/want")" -gt 1 ] && pass || fail "no results for '$q' in the single index"
    for setup in remote local relative; do
        expect_exit 0 "$setup stub: $q" "$BIN/izde-search" --db "$TMP/$setup.stub" --json --limit 20 "$q"
        ranking "$TMP/out" >"$TMP/got"
        if diff -u "$TMP/want" "$TMP/got" >"$TMP/diff"; then pass; else
            fail "$setup stub ranks '$q' differently from the single index"
            sed 's/^/  /' "$TMP/diff" >&2
        fi
    done
    # Two --db options are the same as a local stub.
    expect_exit 0 "two --db: $q" "$BIN/izde-search" --db "$TMP/shard-a" --db "$TMP/shard-b" --json --limit 20 "$q"
    ranking "$TMP/out" >"$TMP/got"
    diff -q "$TMP/want" "$TMP/got" >/dev/null && pass || fail "two --db rank '$q' differently"
done

# izde-index --shards: written by three writers, merged into one index that
# ranks as the plain build does.
expect_exit 0 "index all with --shards 3" "$BIN/izde-index" --db "$TMP/sharded" --shards 3 -j 2 -q \
    "$TMP/a" "$TMP/b"
[ -z "$(find "$TMP/sharded" -maxdepth 1 -name 'build*' -o -maxdepth 1 -name merged)" ] && pass ||
    fail "--shards left scratch shards behind: $(ls "$TMP/sharded" | tr '\n' ' ')"
for q in "${queries[@]}"; do
    expect_exit 0 "single index: $q" "$BIN/izde-search" --db "$TMP/all" --json --limit 20 "$q"
    ranking "$TMP/out" >"$TMP/want"
    expect_exit 0 "--shards 3 index: $q" "$BIN/izde-search" --db "$TMP/sharded" --json --limit 20 "$q"
    ranking "$TMP/out" >"$TMP/got"
    if diff -u "$TMP/want" "$TMP/got" >"$TMP/diff"; then pass; else
        fail "the --shards 3 index ranks '$q' differently from the plain one"
        sed 's/^/  /' "$TMP/diff" >&2
    fi
done
# ... and stays an ordinary index: an incremental run finds nothing to do.
expect_exit 0 "update the --shards index" "$BIN/izde-index" --db "$TMP/sharded" --update
expect_grep "0 added, 0 replaced, 15 unchanged, 0 removed" "$TMP/err" "--shards index, update"

# --batch over the remote shards: the same TREC run as the single index.
printf 'q%s\t%s\n' 1 "инновациялык ишмердүүлүк" 2 "реформа образования" 3 "учитель" >"$TMP/queries.tsv"
trec() { awk '{ printf "%s %s %s %s %.3f %s\n", $1, $2, $3, $4, $5, $6 }' "$1"; }
expect_exit 0 "batch, single index" "$BIN/izde-search" --db "$TMP/all" --batch "$TMP/queries.tsv"
trec "$TMP/out" >"$TMP/want"
expect_exit 0 "batch, remote stub" "$BIN/izde-search" --db "$TMP/remote.stub" --batch "$TMP/queries.tsv"
trec "$TMP/out" >"$TMP/got"
diff -u "$TMP/want" "$TMP/got" >&2 && pass || fail "batch over remote shards differs"

# An article's fields over remote shards. Xapian runs only its own match
# spies and key makers on a remote shard, so there the facets and the order
# by year take other ways; they count and order as one local index does.
mkdir -p "$TMP/art-x" "$TMP/art-y"
write_article "$TMP/art-x/a.txt" ВЕСТНИК 2019 37.015.3 'Асанова Г.Т.' 'инновация, мектеп'
write_article "$TMP/art-y/b.txt" ВЕСТНИК 2021 373.1 'Асанова Г.Т.' 'мектеп'
write_article "$TMP/art-x/c.txt" ИЗВЕСТИЯ 2016 811.512 'Осмонов К.Т.' 'Мектеп, тил'
write_article "$TMP/art-y/d.txt" ИЗВЕСТИЯ 2019 37.01 'Осмонов К.Т.' 'мектеп, тил, билим'
# Without a year: last whichever way the years go.
printf 'Мугалим мектепке барды, үйүнө келди.\n' >"$TMP/art-y/note.txt"
printf 'Мугалим мектептен кеч келди, сабак башталды.\n' >"$TMP/art-x/note2.txt"
printf 'Учитель (мугалим) пришёл в школу, урок начался вовремя.\n' >"$TMP/art-y/ru.txt"
expect_exit 0 "index article shard x" "$BIN/izde-index" --db "$TMP/art-dbx" -q "$TMP/art-x"
expect_exit 0 "index article shard y" "$BIN/izde-index" --db "$TMP/art-dby" -q "$TMP/art-y"
expect_exit 0 "index all articles" "$BIN/izde-index" --db "$TMP/art-all" -q "$TMP/art-x" "$TMP/art-y"
start_server "$TMP/art-dbx" && port_x=$port || { fail "xapian-tcpsrv for shard x"; finish; exit; }
start_server "$TMP/art-dby" && port_y=$port || { fail "xapian-tcpsrv for shard y"; finish; exit; }
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$port_x" "$port_y" >"$TMP/art.stub"
# fields DB: the facets, then the order of every page of two by year.
fields() {
    "$BIN/izde-search" --db "$1" --facets year,author,kw,journal,lang,udc мугалим | sed -n 1,7p
    local sort offset
    for sort in date -date; do
        for offset in 0 2 4 6; do
            "$BIN/izde-search" --db "$1" --sort $sort --limit 2 --offset $offset --json мугалим >"$TMP/page.json"
            python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(sys.argv[2], sys.argv[3], d["total"], " ".join(r["path"].rsplit("/", 1)[-1] for r in d["results"]))' \
                "$TMP/page.json" $sort $offset
        done
    done
}
fields "$TMP/art-all" >"$TMP/want" 2>&1
fields "$TMP/art.stub" >"$TMP/got" 2>&1
grep -q '^year: 2019 (2), 2016 (1), 2021 (1)$' "$TMP/want" && grep -q '^date 0 7 c.txt ' "$TMP/want" &&
    pass || { fail "the local index's facets and year order"; cat "$TMP/want" >&2; }
if diff -u "$TMP/want" "$TMP/got" >"$TMP/diff"; then pass; else
    fail "facets or the order by year over remote shards differ from one index's"
    sed 's/^/  /' "$TMP/diff" >&2
fi
# A stub of one remote shard and one local index, as the README shows it.
printf 'remote 127.0.0.1:%s\nauto %s\n' "$port_x" "$TMP/art-dby" >"$TMP/art-mixed.stub"
fields "$TMP/art-mixed.stub" >"$TMP/got" 2>&1
if diff -u "$TMP/want" "$TMP/got" >"$TMP/diff"; then pass; else
    fail "facets or the order by year over a remote and a local shard differ from one index's"
    sed 's/^/  /' "$TMP/diff" >&2
fi
# The page asks for facets every time: over remote shards it must not fail.
# It is the page of one index but for the documents' numbers, also its
# counts in each language, which a remote shard's search cannot tally.
start_web "$TMP/web-local.log" --db "$TMP/art-all"
local_url=$URL
start_web "$TMP/web-remote.log" --db "$TMP/art.stub"
code=$(curl -s -G -o "$TMP/body" -w '%{http_code}' --data-urlencode "q=мугалим" -d sort=date "$URL/")
[ "$code" = 200 ] && pass || fail "the page over remote shards: HTTP $code"
expect_grep '2019 <span class="n">(2)</span>' "$TMP/body" "the page's year facet over remote shards"
for filter in "" ru; do
    for u in "$local_url" "$URL"; do
        curl -s -G --data-urlencode "q=мугалим мектеп" -d "lang=$filter" "$u/" | sed 's#/doc/[0-9]*#/doc/N#g'
    done >"$TMP/pages"
    csplit -s -f "$TMP/page-" "$TMP/pages" '/^<!DOCTYPE/' '{1}' 2>/dev/null
    if cmp -s "$TMP/page-01" "$TMP/page-02" && grep -q 'class="lang-ky"' "$TMP/page-01"; then pass; else
        fail "the page over remote shards (lang=$filter) differs from one index's"
        diff "$TMP/page-01" "$TMP/page-02" | head -20 >&2
    fi
done
curl -s -G -o "$TMP/api.json" --data-urlencode "q=мугалим" -d facets=year,kw -d sort=-date "$URL/api/search"
expect_exit 0 "the same search, local" "$BIN/izde-search" --db "$TMP/art-all" --json --facets year,kw --sort -date мугалим
python3 - "$TMP/out" "$TMP/api.json" <<'EOF' && pass || fail "the API over remote shards differs from izde-search on one index"
import json, sys
want, got = (json.load(open(p)) for p in sys.argv[1:])
view = lambda d: (d["total"], d["facets"], [r["path"] for r in d["results"]])
sys.exit(0 if view(want) == view(got) else print(view(want), view(got), sep="\n") or 1)
EOF

# The index version check reads metadata from the first database, over the
# remote protocol too: a shard stamped by another analysis version is refused.
expect_exit 0 "stamp shard a with an old analysis version" \
    "$TOOLS/dbtool" set-meta "$TMP/shard-a" izde.analysis "analysis=0 ky=0 ru=0"
expect_exit 3 "remote stub over an incompatible shard" \
    "$BIN/izde-search" --db "$TMP/remote.stub" учитель
expect_grep "izde-index --full" "$TMP/err" "incompatible remote shard: rebuild hint"

# A server that is gone: a clear error, exit 3.
kill "${servers[1]}" 2>/dev/null
wait "${servers[1]}" 2>/dev/null
printf 'remote 127.0.0.1:%s\n' "$port_b" >"$TMP/gone.stub"
expect_exit 3 "remote shard not running" "$BIN/izde-search" --db "$TMP/gone.stub" учитель
expect_grep "cannot open database" "$TMP/err" "remote shard not running: message"

finish
