# dehyphen_seed.sh - the seed article, hyphenated by its typesetter ("даярды-\nгы"), is found by the whole word after repair.
. "$(dirname "$0")/lib.sh"
seed=${IZDE_SHARED_DIR:-$SRC/../shared}/seeds/000_eff225d9c19db179.txt
[ -f "$seed" ] || { echo "skip: $seed not found"; exit 77; }
mkdir -p "$TMP/in"
cp "$seed" "$TMP/in/seed.txt"
if grep -q '^гы ' "$TMP/in/seed.txt" && grep -q 'даярды-$' "$TMP/in/seed.txt"; then
    pass
else
    fail "the seed no longer breaks даярды-/гы"
fi
expect_exit 0 "index seed" "$BIN/izde-index" -q --db "$TMP/db" "$TMP/in"
expect_exit 0 "search даярдыгы" "$BIN/izde-search" --db "$TMP/db" --json --all даярдыгы
expect_grep "seed.txt" "$TMP/out" "repaired word found"
expect_grep "даярдыгы" "$TMP/out" "repaired word in the snippet"
# A kept compound stays one hyphenated term: иш-аракет is found as a phrase.
expect_exit 0 "search иш-аракет" "$BIN/izde-search" --db "$TMP/db" --json --all иш-аракет
expect_grep "seed.txt" "$TMP/out" "compound found"
finish
