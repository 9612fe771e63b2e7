#!/bin/bash
# web_screenshots.sh - redraws docs/web-desktop.png and docs/web-phone.png: izde-web's results page over corpus-samples/ in headless chromium.
#
#   scripts/web_screenshots.sh [BIN_DIR]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/bin}
chromium=$(command -v chromium || command -v chromium-browser) ||
    { echo "no chromium: scripts/install-deps.sh installs it" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/izde-shots.XXXXXX")
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
# The documents sit under a short path, as a library's would.
mkdir -p "$tmp/library"
cp "$here"/corpus-samples/* "$tmp/library/"
"$bin/izde-index" -q --db "$tmp/db" "$tmp/library"
"$bin/izde-web" --db "$tmp/db" --listen 127.0.0.1:0 2>"$tmp/log" &
pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$tmp/log" && break; sleep 0.1; done
url=$(sed -n 's/^izde-web: listening on \(http:[^ ]*\)\/$/\1/p' "$tmp/log")
q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("мектеп китепканасы"))')
for shot in desktop:1280,1000 phone:390,1400; do
    "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --user-data-dir="$tmp/profile" --window-size="${shot#*:}" \
        --screenshot="$here/docs/web-${shot%%:*}.png" "$url/?q=$q&limit=5" 2>/dev/null
done
echo "wrote docs/web-desktop.png and docs/web-phone.png"
