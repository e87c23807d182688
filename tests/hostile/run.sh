#!/bin/sh
# tests/hostile/run.sh - hostile input through the annals command line:
#   - the hostile site (this folder) builds, and every export keeps its
#     syntax: timeline.json and timelinejs.json parse (and TimelineJS's
#     HTML fields hold no markup), feed.xml and sitemap.xml are well-formed
#     XML whose text is the hostile text, events.ics has one VEVENT per
#     dated event and folded lines, events.csv parses with one row per
#     event and no cell a spreadsheet would run as a formula; no HTML page
#     holds a script or handler from the content (tests/browser/hostile.mjs
#     proves it in a browser);
#   - raw HTML is dropped unless annals.yaml says markdown: { unsafe: true };
#   - atomic output: a Lua error, a bad article, --strict with a warning, a
#     full disk or an I/O error at any write, SIGTERM or SIGINT during the
#     writes (ANNALS_FAULT_AFTER_WRITES, write.h), and a real kill of a
#     build writing large pages all leave the previous site byte for byte
#     and no temporary folder;
#   - bad input: NUL bytes, invalid UTF-8, binary files, empty files, a
#     1 MB line and impossible dates give a message with the file and line.
#
#   sh tests/hostile/run.sh PATH/TO/annals
set -u
if [ $# -ne 1 ]; then
	echo "usage: sh tests/hostile/run.sh PATH/TO/annals" >&2
	exit 2
fi
case $1 in
/*) ANNALS=$1 ;;
*) ANNALS=$(pwd)/$1 ;;
esac
HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/annals-hostile.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
trap 'exit 1' HUP INT TERM
PY=${PYTHON:-python3}

STEP=""
step() { STEP=$*; printf 'hostile: %s\n' "$STEP"; }
fail() {
	printf 'hostile: FAIL (%s): %s\n' "$STEP" "$*" >&2
	[ -s "$T/stderr" ] && { echo "--- stderr:"; head -n 20 "$T/stderr"; } >&2
	exit 1
}
run() { "$ANNALS" "$@" >"$T/stdout" 2>"$T/stderr"; rc=$?; }
expect_rc() { [ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1"; }
err_has() { grep -qF -- "$1" "$T/stderr" || fail "stderr lacks '$1'"; }
# A fingerprint of every path, mode and byte below a folder.
fingerprint() { (cd "$1" && find . -printf '%p %m %s\n' | LC_ALL=C sort && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 md5sum); }
no_temp_left() {
	for f in "$1"/*annals-tmp-* "$1"/*annals-old-* "$1"/.*annals-tmp-*; do
		[ -e "$f" ] && fail "temporary folder left: $f"
	done
	return 0
}

# ---- the hostile site --------------------------------------------------------

step "the hostile site builds"
run build --source "$HERE" --output "$T/site"
expect_rc 0
S=$T/site

step "no script or handler from the content in any HTML page"
for f in $(find "$S" -name '*.html'); do
	grep -qiE "<script>alert|<img [^>]*onerror|<svg[^>]*onload|<iframe|ontoggle=|href=\"javascript:|href=\"data:|src=\"javascript:" "$f" \
		&& fail "$f: $(grep -oiE '.{0,40}(<script>alert|onerror|onload|<iframe|ontoggle|javascript:|data:).{0,40}' "$f" | head -n 3)"
done
grep -q "&lt;script&gt;alert(&#39;headline&#39;)" "$S/index.html" \
	|| grep -q "&lt;script&gt;alert('headline')" "$S/index.html" || fail "index.html lacks the escaped headline"

step "no output file is named like a Windows device (CON, NUL, AUX, COM1...)"
[ -f "$S/entities/con-name.html" ] || fail "the entity Con has no page entities/con-name.html"
bad=$(cd "$S" && find . | awk -F/ '{print tolower($NF)}' | grep -E '^(con|prn|aux|nul|com[0-9]|lpt[0-9]) *(\.|$)')
[ -z "$bad" ] || fail "device names in the output: $bad"

step "exports keep their syntax with hostile text inside"
"$PY" - "$S" <<'PYEOF' || fail "see above"
import csv, io, json, re, sys, xml.etree.ElementTree as ET
site = sys.argv[1]
def die(msg):
    print("    " + msg); sys.exit(1)
tl = json.load(open(f"{site}/timeline.json", encoding="utf-8"))
n_dated, n_all = len(tl["events"]), len(tl["events"]) + len(tl["undated"])
text = json.dumps(tl, ensure_ascii=False)
for needle in ["<script>alert('headline')</script>", "=cmd|' /C calc'!A0"]:
    if needle not in text: die(f"timeline.json lacks {needle!r} as text")
tjs = json.load(open(f"{site}/timelinejs.json", encoding="utf-8"))
def walk(v):
    if isinstance(v, dict):
        for k, x in v.items():
            if k in ("headline", "text") and isinstance(x, str) and re.search(r"<[a-zA-Z!/]", x):
                # TimelineJS inserts these as HTML: only annals' own markup
                stripped = re.sub(r"</?(p|a|strong|em|br)( href=\"[^\"]*\")?>", "", x)
                if re.search(r"<[a-zA-Z!/]", stripped): die(f"timelinejs.json {k}: raw markup {x[:80]!r}")
            walk(x)
    elif isinstance(v, list):
        for x in v: walk(x)
walk(tjs)
for f in ("feed.xml", "sitemap.xml"):
    root = ET.parse(f"{site}/{f}").getroot()
feed = ET.parse(f"{site}/feed.xml").getroot()
titles = " ".join(t.text or "" for t in feed.iter("{http://www.w3.org/2005/Atom}title"))
if "<script>alert('headline')</script>" not in titles: die("feed.xml titles lack the hostile text as text")
ics = open(f"{site}/events.ics", "rb").read()
if not ics.endswith(b"\r\n") or b"\n" in ics.replace(b"\r\n", b""): die("events.ics: a line not ended by CRLF")
lines = ics.split(b"\r\n")
if max(len(l) for l in lines) > 75: die("events.ics: a line over 75 octets")
if sum(l == b"BEGIN:VEVENT" for l in lines) != n_dated: die("events.ics: VEVENT count differs from timeline.json")
unfolded = ics.replace(b"\r\n ", b"").split(b"\r\n")
for l in unfolded:
    if l.startswith((b"DTSTART:2000", b"SUMMARY:injected")): die(f"events.ics: injected line {l!r}")
rows = list(csv.reader(io.StringIO(open(f"{site}/events.csv", encoding="utf-8", newline="").read())))
if len(rows) - 1 != n_all: die(f"events.csv: {len(rows) - 1} rows for {n_all} events")
for r in rows:
    if len(r) != len(rows[0]): die(f"events.csv: a row of {len(r)} cells")
    for c in r:
        if c[:1] in ("=", "+", "-", "@", "\t", "\r"): die(f"events.csv: formula cell {c[:40]!r}")
if not any(c.startswith("'=cmd") for r in rows for c in r): die("events.csv: the formula cell is missing, not defused")
PYEOF

step "raw HTML is dropped by default"
page=$S/articles/raw-html.html
grep -q "<details" "$page" && fail "raw <details> kept"
grep -q "raw HTML omitted" "$page" || fail "no trace of the omitted HTML"

step "markdown: { unsafe: true } keeps raw HTML"
mkdir -p "$T/unsafe"
cp -R "$HERE/content" "$T/unsafe/"
printf 'markdown: { unsafe: true }\n' >"$T/unsafe/annals.yaml"
run build --source "$T/unsafe" --output "$T/unsafe-out"
expect_rc 0
grep -q "<details open" "$T/unsafe-out/articles/raw-html.html" || fail "raw HTML dropped in unsafe mode"

step "markdown.unsafe must be true or false"
printf 'markdown: { unsafe: yes please }\n' >"$T/unsafe/annals.yaml"
run build --source "$T/unsafe" --output "$T/unsafe-out"
expect_rc 1
err_has "annals.yaml:1: 'markdown.unsafe' must be true or false"
printf 'markdown: true\n' >"$T/unsafe/annals.yaml"
run build --source "$T/unsafe" --output "$T/unsafe-out"
expect_rc 1
err_has "'markdown' must be a mapping"

# ---- atomic output ---------------------------------------------------------------

A=$T/atomic
mkdir -p "$A/content" "$A/themes/broken"
cp "$HERE"/content/*.md "$A/content/"
run build --source "$A" --output "$A/public"
expect_rc 0
before=$(fingerprint "$A/public")
files=$(find "$A/public" -type f | wc -l)
unchanged() {
	[ "$(fingerprint "$A/public")" = "$before" ] || fail "the previous site changed"
	no_temp_left "$A"
}

step "a Lua error leaves the previous site"
printf 'return { build = function(site) error("theme bug") end }\n' >"$A/themes/broken/theme.lua"
run build --source "$A" --output "$A/public" --theme broken
expect_rc 1
err_has "theme bug"
unchanged

step "a bad article leaves the previous site"
printf -- '---\ntitle: Bad\ndate: 2025-02-30\n---\nbody\n' >"$A/content/zz-bad.md"
run build --source "$A" --output "$A/public"
expect_rc 1
err_has "content/zz-bad.md:3:"
unchanged
rm "$A/content/zz-bad.md"

step "--strict: an unknown annals.yaml key fails the build; without it, a warning"
printf 'title: T\ntitel: typo\n' >"$A/annals.yaml"
run build --source "$A" --output "$A/public" --strict
expect_rc 1
err_has "annals.yaml:2: warning: unknown key 'titel'"
err_has "--strict makes warnings errors"
unchanged
run build --source "$A" --output "$T/lenient"
expect_rc 0
err_has "unknown key 'titel'"
rm "$A/annals.yaml"

step "a full disk or an I/O error at any write leaves the previous site"
n=1
while [ "$n" -le "$((files + 2))" ]; do
	for kind in enospc eio; do
		ANNALS_FAULT_AFTER_WRITES=$n ANNALS_FAULT_KIND=$kind run build --source "$A" --output "$A/public"
		expect_rc 1
		case $kind in
		enospc) err_has "No space left on device" ;;
		eio) err_has "Input/output error" ;;
		esac
		unchanged
	done
	# every write for small sites; then every seventh
	if [ "$n" -lt 12 ]; then n=$((n + 1)); else n=$((n + 7)); fi
done

step "SIGTERM and SIGINT during the writes leave the previous site"
for kind in sigterm sigint; do
	for n in 1 3 $((files / 2)) "$files"; do
		ANNALS_FAULT_AFTER_WRITES=$n ANNALS_FAULT_KIND=$kind run build --source "$A" --output "$A/public"
		expect_rc 1
		err_has "interrupted; the previous site is unchanged"
		unchanged
	done
done

step "a real SIGTERM to a build writing large pages"
mkdir -p "$A/themes/big"
cat >"$A/themes/big/theme.lua" <<'LUA'
-- 300 pages of 512 KiB: long enough to be killed while writing
return { build = function(site)
  local pages, chunk = {}, string.rep("x", 512 * 1024)
  for i = 1, 300 do pages[#pages + 1] = { path = "p" .. i .. ".html", content = chunk } end
  return pages
end }
LUA
killed=0
for attempt in 1 2 3; do
	"$ANNALS" build --source "$A" --output "$A/public" --theme big >"$T/stdout" 2>"$T/stderr" &
	pid=$!
	# wait for the temporary folder: the build is writing
	i=0
	while [ $i -lt 400 ] && ! ls -d "$A"/public.annals-tmp-* >/dev/null 2>&1; do
		sleep 0.01
		i=$((i + 1))
	done
	kill -TERM "$pid" 2>/dev/null
	wait "$pid"
	rc=$?
	if [ "$rc" -eq 0 ]; then
		# finished first: the new site is whole; put the old one back
		[ "$(ls "$A/public" | grep -c '^p[0-9]*\.html$')" -eq 300 ] || fail "a partial new site"
		no_temp_left "$A"
		rm -rf "$A/public"
		run build --source "$A" --output "$A/public"
		before=$(fingerprint "$A/public")
		continue
	fi
	[ "$rc" -eq 1 ] || [ "$rc" -eq 143 ] || fail "exit status $rc after SIGTERM"
	unchanged
	killed=1
	break
done
[ "$killed" -eq 1 ] || echo "hostile: note: the build always finished before the signal"

# ---- bad input ---------------------------------------------------------------------

B=$T/bad
mkdir -p "$B/content"
bad_case() { # NAME CONTENT(printf format) WANT
	rm -f "$B"/content/*
	printf -- "$2" >"$B/content/$1"
	run build --source "$B" --output "$B/public"
	expect_rc 1
	err_has "$3"
	no_temp_left "$B"
}
step "bad input: each gives the file and line"
bad_case nul.md '---\ntitle: T\ndate: 2025-11-01\n---\nab\000c\n' "content/nul.md:5:3: NUL byte"
bad_case utf8.md '---\ntitle: T\ndate: 2025-11-01\n---\n\nok\n\nbad \377 byte\n' "content/utf8.md:8:5: invalid UTF-8"
bad_case binary.md '\211PNG\r\n\032\n\000\000\000\rIHDR' "content/binary.md:1:1: invalid UTF-8"
bad_case empty.md '' "content/empty.md"
bad_case feb30.md '---\ntitle: T\ndate: February 30, 2025\n---\n' "content/feb30.md:3: front matter: 'date' is not a date"
bad_case notyaml.md '---\n: : :\n  - [\n---\n' "content/notyaml.md:"
bad_case types.md '---\ntitle: [1, 2]\ndate: 2025-11-01\n---\n' "content/types.md:2: front matter: 'title' must be a single value"

step "a 1 MB line and a 1.5 MB article build in bounded time"
rm -f "$B"/content/*
{ printf -- '---\ntitle: Long\ndate: 2025-11-01\n---\n'; head -c 1048576 /dev/zero | tr '\0' 'a'; printf ' on November 3, 2025.\n'; } >"$B/content/line.md"
{ printf -- '---\ntitle: Big\ndate: 2025-11-01\n---\n'; i=0; while [ $i -lt 200 ]; do printf 'The council met on November %d, 2025, and the mayor spoke. ' $((i % 28 + 1)); i=$((i + 1)); done; printf '\n\n'; } >"$T/para"
i=0; while [ $i -lt 7 ]; do cat "$T/para" "$T/para" >"$T/para2"; mv "$T/para2" "$T/para"; i=$((i + 1)); done
cp "$T/para" "$B/content/big.md"
start=$(date +%s)
run build --source "$B" --output "$B/public"
expect_rc 0
took=$(( $(date +%s) - start ))
[ "$took" -lt "${ANNALS_HOSTILE_MAX_SECONDS:-120}" ] || fail "took $took s"
echo "hostile: 1 MB line + $(wc -c <"$B/content/big.md") byte article: $took s"

echo "hostile: all passed"
