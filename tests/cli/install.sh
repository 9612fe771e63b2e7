# install.sh - cmake --install puts the user programs, the PDF helper, man pages, completion
# and the README where a Debian system expects them, and the installed programs work there.
. "$(dirname "$0")/lib.sh"
build=$(cd "$BIN/.." && pwd)
prefix=$TMP/prefix

expect_exit 0 "cmake --install" cmake --install "$build" --prefix "$prefix"
for f in bin/izde-index bin/izde-search bin/izde-stem bin/izde-meta lib/izde/izde-extract \
         share/man/man1/izde-index.1 share/man/man1/izde-search.1 share/man/man1/izde-stem.1 \
         share/man/man1/izde-meta.1 share/bash-completion/completions/izde-meta \
         bin/izde-web share/man/man1/izde-web.1 share/bash-completion/completions/izde-web \
         share/bash-completion/completions/izde-index share/bash-completion/completions/izde-search \
         share/bash-completion/completions/izde-stem share/doc/izde/README.md; do
    [ -e "$prefix/$f" ] && pass || fail "not installed: $f"
done
# Only the programs a user runs are in bin/ (tests and benchmarks stay in the build tree).
extra=$(ls "$prefix/bin" | grep -v -x -e izde-index -e izde-search -e izde-stem -e izde-meta -e izde-web)
[ -z "$extra" ] && pass || fail "bin/ holds more than the user programs: $extra"

# The installed programs, away from the build tree, read a PDF through the
# helper in lib/izde and find it.
mkdir -p "$TMP/docs"
cp -r "$SRC/corpus-samples/." "$TMP/docs/"
"$TOOLS/mkpdf" "$TMP/docs/library.pdf" doc || fail "mkpdf"
expect_exit 0 "installed izde-index" env -u IZDE_EXTRACT_HELPER "$prefix/bin/izde-index" --db "$TMP/db" "$TMP/docs"
expect_grep " 0 failed" "$TMP/err" "installed izde-index summary"
expect_exit 0 "installed izde-search" "$prefix/bin/izde-search" --db "$TMP/db" --json инновациялык ишмердүүлүк
json_paths "$TMP/out" | head -1 | grep -qx ky-innovation-teacher.txt && pass || fail "installed search: wrong first hit"
expect_exit 0 "installed izde-search, PDF text" "$prefix/bin/izde-search" --db "$TMP/db" --json китепкана
json_paths "$TMP/out" | grep -qx library.pdf && pass || fail "the PDF was not indexed by the installed programs"

# izde-web's service: the unit names the installed program and options file,
# systemd reads it, and the options file's options start izde-web (on the
# test index and a free port instead of its own).
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
unit=$prefix/lib/systemd/system/izde-web.service
[ -f "$unit" ] && pass || fail "not installed: lib/systemd/system/izde-web.service"
expect_grep "^ExecStart=$prefix/bin/izde-web \$IZDE_WEB_OPTIONS\$" "$unit" "the unit starts the installed izde-web"
expect_grep "^EnvironmentFile=$prefix/etc/default/izde-web\$" "$unit" "the unit reads the installed options file"
if command -v systemd-analyze >/dev/null; then
    expect_exit 0 "systemd-analyze verify izde-web.service" systemd-analyze verify --man=no "$unit"
fi
IZDE_WEB_OPTIONS=
. "$prefix/etc/default/izde-web"
opts=${IZDE_WEB_OPTIONS//\/var\/lib\/izde\/library/$TMP/db}
opts=${opts//127.0.0.1:8080/127.0.0.1:0}
[ "$opts" != "$IZDE_WEB_OPTIONS" ] && pass || fail "the options file names no --db and --listen: $IZDE_WEB_OPTIONS"
# shellcheck disable=SC2086 # split as systemd splits $IZDE_WEB_OPTIONS
BIN=$prefix/bin start_web "$TMP/web.log" $opts
code=$(curl -s -G -o "$TMP/page" -w '%{http_code}' --data-urlencode "q=китепкана" "$URL/")
[ "$code" = 200 ] && grep -q 'library.pdf' "$TMP/page" && pass ||
    fail "izde-web with the options file's options: HTTP $code"

# The man pages render, and bash completion loads and offers options.
if command -v man >/dev/null; then
    for p in izde-index izde-search izde-stem izde-meta izde-web; do
        MANWIDTH=80 man -l "$prefix/share/man/man1/$p.1" >"$TMP/man.txt" 2>"$TMP/man.err" && pass || fail "man $p"
        expect_grep "EXIT STATUS" "$TMP/man.txt" "man $p has exit status"
    done
fi
if bash -c ". '$prefix/share/bash-completion/completions/izde-search'
           export PATH='$prefix/bin':\$PATH
           COMP_WORDS=(izde-search --li); COMP_CWORD=1; _izde
           printf '%s\n' \"\${COMPREPLY[@]}\"" >"$TMP/compl" 2>&1; then
    expect_grep "^--limit$" "$TMP/compl" "completion offers --limit"
else
    fail "completion script: $(cat "$TMP/compl")"
fi
finish
