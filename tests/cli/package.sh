# package.sh - the Debian package: builds with dpkg-buildpackage, lintian finds no error, and
# the tools installed from it (dpkg -x into a scratch root) index and search corpus-samples/.
. "$(dirname "$0")/lib.sh"
for tool in dpkg-buildpackage dh fakeroot; do
    command -v "$tool" >/dev/null || { echo "package.sh: $tool not installed (scripts/install-deps.sh installs it), skipping" >&2; exit 77; }
done

# One version: the one in CMakeLists.txt is the package's.
version=$("$BIN/izde-stem" --version | sed -n '1s/^izde-stem //p')
deb_version=$(sed -n '1s/^izde (\([^)]*\)).*/\1/p' "$SRC/debian/changelog")
[ "$version" = "$deb_version" ] && pass || fail "debian/changelog says $deb_version, CMakeLists.txt $version"

# Build from a copy of the tracked files, so the work tree stays clean.
mkdir -p "$TMP/src/izde"
if git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1; then
    (cd "$SRC" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$TMP/src/izde")
else
    (cd "$SRC" && tar --exclude='./build*' -cf - .) | (cd "$TMP/src/izde" && tar -xf -)
fi
(cd "$TMP/src/izde" && dpkg-buildpackage -us -uc -b) >"$TMP/build.log" 2>&1 \
    && pass || { fail "dpkg-buildpackage"; tail -30 "$TMP/build.log" >&2; }
deb=$TMP/src/izde_${version}_amd64.deb
[ -f "$deb" ] && pass || fail "no $deb"
# The dependencies come from the shared libraries actually linked.
dpkg-deb -f "$deb" Depends >"$TMP/depends"
expect_grep "libxapian" "$TMP/depends" "Depends from shlibs"
if command -v lintian >/dev/null; then
    lintian --fail-on error "$deb" >"$TMP/lintian" 2>&1 && pass || { fail "lintian errors"; cat "$TMP/lintian" >&2; }
fi

root=$TMP/root
dpkg -x "$deb" "$root"
expect_exit 0 "izde-index from the .deb" "$root/usr/bin/izde-index" --db "$TMP/db" "$SRC/corpus-samples"
expect_grep " 0 failed" "$TMP/err" "index summary"
expect_exit 0 "izde-search from the .deb" "$root/usr/bin/izde-search" --db "$TMP/db" --json инновациялык ишмердүүлүк
json_paths "$TMP/out" | head -1 | grep -qx ky-innovation-teacher.txt && pass || fail "search from the .deb: wrong first hit"
[ -x "$root/usr/lib/izde/izde-extract" ] && pass || fail "no PDF helper in /usr/lib/izde"
[ -f "$root/usr/share/man/man1/izde-search.1.gz" ] && pass || fail "no man page in the .deb"
[ -x "$root/usr/bin/izde-web" ] && pass || fail "no izde-web in the .deb"
# izde-web's service, named for the packaged program, and its options file,
# a conffile that an upgrade does not overwrite.
unit=$root/lib/systemd/system/izde-web.service
[ -f "$unit" ] && pass || fail "no izde-web.service in the .deb"
expect_grep '^ExecStart=/usr/bin/izde-web \$IZDE_WEB_OPTIONS$' "$unit" "the packaged unit starts /usr/bin/izde-web"
expect_grep '^EnvironmentFile=/etc/default/izde-web$' "$unit" "the packaged unit reads /etc/default/izde-web"
dpkg-deb --info "$deb" conffiles >"$TMP/conffiles" 2>&1
expect_grep '^/etc/default/izde-web$' "$TMP/conffiles" "/etc/default/izde-web is a conffile"
finish
