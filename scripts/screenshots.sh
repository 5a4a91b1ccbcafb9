#!/usr/bin/env bash
# Screenshots of every page type of the sample playbook at phone and desktop
# widths, in dark mode, and printed (PDF pages as PNG), for reviewing the theme,
# and the pages of a versioned site (versions-*.png).
#   scripts/screenshots.sh [OUTDIR]      (default: ./screenshots, git-ignored)
# Needs chromium and pdftoppm (Debian: apt-get install chromium poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-screenshots}"
mkdir -p "$out"
port=1399
go build -o "$out/playbook" ./cmd/playbook
"$out/playbook" serve playbook --port "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.1; done

pages=(
  "home /"
  "objection /objections/too-expensive/"
  "tool /closing-tools/paid-pilot/"
  "term /glossary/qualified-prospect/"
  "play /plays/business-case-cfo/"
  "colours /brand/colours/"
  "persona /personas/cfo/"
  "section /objections/"
  "search /search/?q=pilot"
  "page /working-together/how-to-edit-this-playbook/"
  "notfound /no-such-page/"
)
chrome() {
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --virtual-time-budget=3000 --user-data-dir="$(mktemp -d)" "$@" 2>/dev/null
}
for entry in "${pages[@]}"; do
  name="${entry%% *}"; path="${entry#* }"; url="http://127.0.0.1:$port$path"
  chrome --window-size=390,1600 --screenshot="$out/$name-390.png" "$url"
  chrome --window-size=1280,1100 --screenshot="$out/$name-1280.png" "$url"
  chrome --window-size=390,1600 --force-dark-mode --blink-settings=preferredColorScheme=0 --screenshot="$out/$name-390-dark.png" "$url"
  chrome --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "$url"
  pdftoppm -png -r 50 "$out/$name.pdf" "$out/$name-print"
done
# Versions (switcher open and closed, an older version's banner, What
# changed, the list of versions): serve has no versions, so a browser test
# puts a versioned sample together and takes these itself.
PLAYBOOK_SCREENSHOTS="$(cd "$out" && pwd)" go test ./e2e -run '^TestVersionsScreenshots$' -count=1 >/dev/null
echo "screenshots in $out/"
