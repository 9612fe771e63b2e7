# swap.sh - a swap (--full, --compact) stopped at each of its steps leaves exactly one consistent index: searches see the old one or the new one, never a mix or nothing, and the next run clears what is left over.
. "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/old" "$TMP/new"
for i in 1 2 3; do printf 'Эски %d\n\nэскисөз мектеп\n' "$i" > "$TMP/old/o$i.txt"; done
for i in 1 2 3 4 5; do printf 'Жаңы %d\n\nжаңысөз мектеп\n' "$i" > "$TMP/new/n$i.txt"; done
# The new database, as a finished build would be (a flat glass directory).
"$BIN/izde-index" -q --db "$TMP/newsrc" "$TMP/new" || fail "new database"

# hits DB: "old new" counts of documents izde-search finds for each word.
hits() {
    local o n
    o=$("$BIN/izde-search" --db "$1" --json --all эскисөз 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null)
    n=$("$BIN/izde-search" --db "$1" --json --all жаңысөз 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null)
    echo "${o:-error} ${n:-error}"
}

# state BASE DB STEP: copies BASE to DB and replays the swap up to STEP.
state() {
    local base=$1 d=$2 step=$3 g=0
    rm -rf "$d"
    cp -a "$base" "$d"
    [ -f "$d/XAPIANDB" ] && [ ! -e "$d/iamglass" ] && g=$(sed -n 's/^glass gen-//p' "$d/XAPIANDB")
    local next=gen-$((g + 1))
    cp -a "$TMP/newsrc" "$d/build"                                  # 1: built, synced
    [ "$step" -ge 2 ] && mv "$d/build" "$d/$next"                   # 2: renamed to its generation
    [ "$step" -ge 3 ] && printf 'glass %s\n' "$next" > "$d/XAPIANDB.tmp"  # 3: new stub written
    [ "$step" -ge 4 ] && mv "$d/XAPIANDB.tmp" "$d/XAPIANDB"         # 4: stub renamed over
    [ "$step" -ge 5 ] && rm -f "$d/iamglass"                        # 5: (glass in DIR) its marker gone
    return 0
}

# Two starting layouts: a glass database in DIR (a plain first run), and
# the stub layout a --full leaves.
"$BIN/izde-index" -q --db "$TMP/base-glass" "$TMP/old" || fail "glass base"
"$BIN/izde-index" -q --db "$TMP/base-stub" --full "$TMP/old" || fail "stub base"
[ -f "$TMP/base-stub/XAPIANDB" ] && pass || fail "--full makes the stub layout"

for layout in glass stub; do
    last=4
    [ "$layout" = glass ] && last=5
    for step in $(seq 1 $last); do
        d=$TMP/db-$layout-$step
        state "$TMP/base-$layout" "$d" "$step"
        before=$(hits "$d")
        case $before in
        "3 0" | "0 5") pass ;;
        *) fail "$layout, step $step: searches see '$before' (old new), not one whole index" ;;
        esac
        # The next run clears the leftovers and changes nothing searchable.
        expect_exit 0 "$layout, step $step: next run" "$BIN/izde-index" -q --db "$d" --update
        after=$(hits "$d")
        [ "$after" = "$before" ] && pass || fail "$layout, step $step: '$before' before the next run, '$after' after"
        [ ! -e "$d/XAPIANDB.tmp" ] && pass || fail "$layout, step $step: XAPIANDB.tmp left"
        ngen=$(find "$d" -maxdepth 1 -name 'gen-*' | wc -l)
        if [ -e "$d/iamglass" ]; then
            [ "$ngen" = 0 ] && [ ! -e "$d/XAPIANDB" ] && pass || fail "$layout, step $step: glass live with $ngen generations and a stub"
        else
            [ "$ngen" = 1 ] && pass || fail "$layout, step $step: $ngen generations left"
        fi
        check=$d
        [ -f "$d/XAPIANDB" ] && [ ! -e "$d/iamglass" ] && check=$d/XAPIANDB
        xapian-check "$check" >/dev/null 2>&1 && pass || fail "$layout, step $step: xapian-check"
    done
done

# A swap overtaking a search's opening: Xapian saw DIR/iamglass (step 4,
# both markers there) and the swap removed it (step 5) before Xapian opened
# it. The search must find the new index, not fail. The preloaded shim
# removes the file at that moment; that it is gone afterwards shows the
# shim came into play.
shim=$TOOLS/swap_race.so
if [ -f "$shim" ]; then
    d=$TMP/db-race
    state "$TMP/base-glass" "$d" 4
    # Under ASan the runtime must come first among the libraries; the shim
    # before it is harmless here.
    IZDE_RACE_DIR=$d LD_PRELOAD=$shim ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 \
        "$BIN/izde-search" --db "$d" --json --all жаңысөз >"$TMP/out" 2>"$TMP/err"
    st=$?
    [ ! -e "$d/iamglass" ] && pass || fail "race: the shim did not remove iamglass (not preloaded?)"
    [ "$st" = 0 ] && pass || { fail "race: search failed (exit $st) while a swap overtook its opening"; sed 's/^/  stderr: /' "$TMP/err" >&2; }
    n=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$TMP/out" 2>/dev/null)
    [ "$n" = 5 ] && pass || fail "race: $n documents found, 5 in the new index"
else
    fail "no $shim: the swap_race shim was not built"
fi

finish
