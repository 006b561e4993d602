#!/usr/bin/env bash
# check.sh runs an EPUB through the reading software qikan is checked with
# and leaves what each says in OUT:
#
#   tools/readers/check.sh BOOK.epub OUT
#
#   OUT/ace/report.html   DAISY Ace (accessibility: WCAG 2.1 AA by axe-core, EPUB metadata)
#   OUT/ebook-meta.txt    Calibre's reading of the metadata
#   OUT/book.azw3         Calibre's conversion for Kindle, and book.azw3.epub read back
#   OUT/kobo.epub         Calibre's EPUB output for Kobo readers
#   OUT/shots/*.png       headless Chromium at 600x800 and 1072x1448, paginated (shots.js)
#
# Needs: npm's @daisy/ace-cli (PUPPETEER_SKIP_DOWNLOAD=1), Debian's chromium
# and calibre, unzip (the same tools .ci/run installs).
set -euo pipefail
book=$(realpath "$1")
out=$2
here=$(dirname "$(realpath "$0")")
mkdir -p "$out"
out=$(realpath "$out")
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
ace=$(command -v ace-cli || command -v ace)

echo "== DAISY Ace"
PUPPETEER_EXECUTABLE_PATH=$chromium PUPPETEER_SKIP_DOWNLOAD=1 "$ace" --silent --force --outdir "$out/ace" "$book"
python3 - "$out/ace/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
n = sum(len(a.get("assertions", [])) for a in r["assertions"])
print(f'{r["earl:result"]["earl:outcome"]}: {n} violations; metadata missing: {", ".join(r["a11y-metadata"]["missing"]) or "none"}')
for a in r["assertions"]:
    for b in a.get("assertions", []):
        print(" ", a["earl:testSubject"]["url"], b["earl:test"]["dct:title"], b["earl:test"]["earl:impact"])
PY

echo "== Calibre"
ebook-meta "$book" | tee "$out/ebook-meta.txt"
ebook-convert "$book" "$out/book.azw3" >"$out/azw3.log"
ebook-convert "$out/book.azw3" "$out/book.azw3.epub" >>"$out/azw3.log"
ebook-convert "$book" "$out/kobo.epub" --output-profile kobo >"$out/kobo.log"
for f in book.azw3.epub kobo.epub; do
	printf '%s: %s fonts, %s navigation points, cover %s, %s\n' "$f" \
		"$(unzip -l "$out/$f" | grep -cE '\.(ttf|otf|woff2?)$' || true)" \
		"$(unzip -p "$out/$f" '*.ncx' | grep -o '<navPoint' | wc -l)" \
		"$(unzip -p "$out/$f" '*.opf' | grep -o '<meta name="cover"[^>]*>' | head -1)" \
		"$(unzip -p "$out/$f" '*.opf' | grep -o 'page-progression-direction="[a-z]*"' | head -1)"
done

echo "== Chromium"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
unzip -q "$book" -d "$dir"
docs="$dir/EPUB"
# The first article with a portrait figure, the first with a table.
portrait=$(grep -lE '<img [^>]*width="[0-9]+" height="[0-9]+"' "$docs"/xhtml/a*.xhtml | while read -r f; do
	grep -oE 'width="[0-9]+" height="[0-9]+"' "$f" | tr -c '0-9\n' ' ' | awk -v f="$f" '$2 > $1 { print f; exit }'
done | head -1)
table=$(grep -l '<table' "$docs"/xhtml/a*.xhtml | head -1 || true)
jobs=(xhtml/cover.xhtml cover xhtml/contents.xhtml contents)
[ -n "$portrait" ] && jobs+=("xhtml/$(basename "$portrait")#:portrait" portrait)
[ -n "$table" ] && jobs+=("xhtml/$(basename "$table")#table" table)
[ -f "$docs/xhtml/colophon.xhtml" ] && jobs+=(xhtml/colophon.xhtml colophon)
for size in 600x800 1072x1448; do
	CHROMIUM=$chromium node "$here/shots.js" "$docs" "$out/shots" "$size" "${jobs[@]}"
done
