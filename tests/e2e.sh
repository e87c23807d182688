#!/bin/sh
# tests/e2e.sh - end-to-end tests of the annals command line: usage and exit
# codes, the date tagger, building the sample site in content/, and the
# failures a build must survive without touching the previous site or the
# content (bad front matter, a failing theme, dangerous --output folders).
#
#   sh tests/e2e.sh bin/annals            (from the repository root)
#
# Stops at the first failure with a message and the command's stderr.
# Nothing here depends on timing, so it runs as well under ASan.

set -u

if [ $# -ne 1 ]; then
	echo "usage: sh tests/e2e.sh PATH/TO/annals" >&2
	exit 2
fi
case $1 in
/*) ANNALS=$1 ;;
*) ANNALS=$(pwd)/$1 ;;
esac
[ -x "$ANNALS" ] || { echo "e2e: $ANNALS is not an executable" >&2; exit 1; }
REPO=$(cd "$(dirname "$0")/.." && pwd)

T=$(mktemp -d "${TMPDIR:-/tmp}/annals-e2e.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
trap 'exit 1' HUP INT TERM
# the analysis cache of these builds stays in the test's folder
XDG_CACHE_HOME=$T/cache
export XDG_CACHE_HOME

# ---- helpers ----------------------------------------------------------------

STEP=""
step() {
	STEP=$*
	printf 'e2e: %s\n' "$STEP"
}

fail() {
	{
		printf 'e2e: FAIL (%s): %s\n' "$STEP" "$*"
		if [ -s "$T/stderr" ]; then
			echo "--- stderr of the last command:"
			cat "$T/stderr"
		fi
		if [ -s "$T/stdout" ]; then
			echo "--- stdout of the last command (first 40 lines):"
			head -n 40 "$T/stdout"
		fi
	} >&2
	exit 1
}

# run CMD...: runs annals with CMD, stdout to $T/stdout, stderr to $T/stderr,
# exit status in $rc.
run() {
	"$ANNALS" "$@" >"$T/stdout" 2>"$T/stderr"
	rc=$?
}

# run_stdin TEXT CMD...: as run, with TEXT on stdin.
run_stdin() {
	input=$1
	shift
	printf '%s\n' "$input" | "$ANNALS" "$@" >"$T/stdout" 2>"$T/stderr"
	rc=$?
}

expect_rc() {
	[ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1"
}

# out_has STRING / err_has STRING / file_has FILE STRING: fixed strings.
out_has() {
	grep -qF -- "$1" "$T/stdout" || fail "stdout lacks '$1'"
}
err_has() {
	grep -qF -- "$1" "$T/stderr" || fail "stderr lacks '$1'"
}
file_has() {
	[ -f "$1" ] || fail "$1 is missing"
	grep -qF -- "$2" "$1" || fail "$1 lacks '$2'"
}
file_lacks() {
	[ -f "$1" ] || fail "$1 is missing"
	if grep -qiF -- "$2" "$1"; then fail "$1 contains '$2'"; fi
}

# snapshot DIR: every path below DIR (dotfiles too) and a checksum of every
# file, so two snapshots are equal only when the trees are byte-identical.
snapshot() {
	(
		cd "$1" || exit 1
		find . -print | LC_ALL=C sort
		find . -type f -exec cksum {} + | LC_ALL=C sort
	)
}

# same_tree DIR SNAPSHOT_FILE: DIR is as it was when the snapshot was taken.
same_tree() {
	snapshot "$1" >"$T/snap.now" || fail "cannot list $1"
	cmp -s "$2" "$T/snap.now" || {
		diff "$2" "$T/snap.now" >&2 2>/dev/null
		fail "$1 changed"
	}
}

# No temporary build folder may be left beside any output.
no_temp_left() {
	left=$(find "$T" -name '*.annals-tmp-*' -o -name '*.annals-old-*')
	[ -z "$left" ] || fail "temporary folders left behind: $left"
}

# ---- usage ------------------------------------------------------------------

step "--help"
run --help
expect_rc 0
out_has "build"
out_has "tag"
out_has "timeline"

step "--version"
run --version
expect_rc 0
[ "$(cat "$T/stdout")" = "annals 0.1.0" ] || fail "printed '$(cat "$T/stdout")'"

step "no command"
run
expect_rc 2

step "unknown command"
run frobnicate
expect_rc 2
err_has "frobnicate"

step "unknown build option"
run build --bogus
expect_rc 2
err_has "--bogus"

step "tag without --dct"
run_stdin "On Monday." tag
expect_rc 2
err_has "--dct"

step "tag with an impossible --dct"
run_stdin "On Monday." tag --dct 2025-13-01
expect_rc 2
err_has "2025-13-01"

step "build --output without its value"
run build --output
expect_rc 2

# ---- tag --------------------------------------------------------------------

step "tag reads stdin"
# "Speaking on " is 12 bytes, so "November 1st" starts at byte 12.
run_stdin "Speaking on November 1st, Maduro warned." tag --dct 2025-11-11 -
expect_rc 0
out_has '"dct":"2025-11-11"'
out_has '"value":"2025-11-01"'
out_has '"start":12'
out_has '"end":24'
out_has '"text":"November 1st"'

step "tag reads a file; offsets count bytes, not characters"
# "Éloge " is 7 bytes (É takes two), so "November 1st" starts at byte 7.
printf 'Éloge November 1st.\n' >"$T/tag.txt"
run tag --dct 2025-11-11 "$T/tag.txt"
expect_rc 0
out_has '"start":7'
out_has '"value":"2025-11-01"'

step "tag on a missing file"
run tag --dct 2025-11-11 "$T/no-such-file.txt"
expect_rc 1
err_has "no-such-file.txt"

# ---- building the sample site -------------------------------------------------

SITE=$T/site
OUT=$T/out
mkdir -p "$SITE"
cp -R "$REPO/content" "$SITE/content" || fail "cannot copy content/"
cp "$REPO/annals.yaml" "$SITE/annals.yaml" || fail "cannot copy annals.yaml"
n_articles=$(ls "$SITE"/content/*.md | wc -l)
[ "$n_articles" -eq 5 ] || fail "the sample site has $n_articles articles, expected 5"
snapshot "$SITE" >"$T/snap.site"

step "build the sample site"
run build --source "$SITE" --output "$OUT"
expect_rc 0
for f in index.html timeline.json feed.xml style.css .annals-output; do
	[ -f "$OUT/$f" ] || fail "$f is missing from the output"
done
n=$(ls "$OUT"/articles/*.html | wc -l)
[ "$n" -eq 5 ] || fail "$n article pages, expected 5"
n=$(ls "$OUT"/events/*.html | wc -l)
[ "$n" -ge 4 ] || fail "$n event pages, expected at least 4"
file_has "$OUT/index.html" '<html lang="en"'
for d in 2025-11-01 2025-11-12 2025-11-11; do
	file_has "$OUT/timeline.json" "\"$d\""
done
for md in "$SITE"/content/*.md; do
	slug=$(basename "$md" .md)
	file_has "$OUT/timeline.json" "$slug"
	[ -f "$OUT/articles/$slug.html" ] || fail "no page for article $slug"
done
# the sample site has a base_url: a sitemap with absolute URLs
file_has "$OUT/sitemap.xml" "<loc>https://example.org/annals-sample/index.html</loc>"
no_temp_left

step "a rebuild after one edit equals a full build and rewrites only what changed"
INC=$T/inc
cp -R "$SITE" "$INC" || fail "cannot copy the site"
XDG_CACHE_HOME=$T/inc-cache
run build --source "$INC" --output "$T/inc-out"
expect_rc 0
inode() { ls -i "$1" | cut -d' ' -f1; }
cache_file=$(find "$T/inc-cache" -name analyses -type f)
[ -n "$cache_file" ] || fail "no analysis cache in \$XDG_CACHE_HOME/annals"
cache_before=$(inode "$cache_file")
timeline_file=$(dirname "$cache_file")/timeline
[ -f "$timeline_file" ] || fail "no timeline cache beside the analyses"
timeline_before=$(inode "$timeline_file")
snapshot "$T/inc-out" >"$T/snap.first"
# nothing changed: every analysis reused, the timeline read back, neither
# cache rewritten, and the site the same
run build --source "$INC" --output "$T/inc-out"
expect_rc 0
err_has "5 analyses reused"
[ "$(inode "$cache_file")" = "$cache_before" ] || fail "an unchanged cache was rewritten"
[ "$(inode "$timeline_file")" = "$timeline_before" ] ||
	fail "an unchanged timeline was clustered and saved again"
same_tree "$T/inc-out" "$T/snap.first"
edited=$(ls "$INC"/content/*.md | head -n 1)
slug=$(basename "$edited" .md)
css_before=$(inode "$T/inc-out/style.css")
page_before=$(inode "$T/inc-out/articles/$slug.html")
printf '\nThe harbour reopened to shipping on the following Tuesday.\n' >>"$edited"
run build --source "$INC" --output "$T/inc-out"
expect_rc 0
err_has "), 4 analyses reused"
[ "$(inode "$cache_file")" != "$cache_before" ] || fail "the cache did not keep the edited article"
[ "$(inode "$timeline_file")" != "$timeline_before" ] ||
	fail "the timeline cache was not made again after an edit"
XDG_CACHE_HOME=$T/cache
# not a terminal: the summary, no progress line redrawn with \r
if grep -q "$(printf '\r')" "$T/stderr"; then fail "progress output in a log"; fi
run build --source "$INC" --output "$T/inc-full" --no-cache
expect_rc 0
if grep -qF "reused" "$T/stderr"; then fail "--no-cache reused analyses"; fi
snapshot "$T/inc-full" >"$T/snap.full"
same_tree "$T/inc-out" "$T/snap.full"
file_has "$T/inc-out/articles/$slug.html" "The harbour reopened to shipping"
[ "$(inode "$T/inc-out/style.css")" = "$css_before" ] || fail "an unchanged file was rewritten"
[ "$(inode "$T/inc-out/articles/$slug.html")" != "$page_before" ] ||
	fail "the edited article's page kept its old file"
no_temp_left

step "the page memo: unchanged pages are kept, any change of their inputs makes them again"
# $INC and its cache ($T/inc-cache) as the step above left them
XDG_CACHE_HOME=$T/inc-cache
# build_matches_full: a build of $INC into inc-out equals a build from
# nothing (no cache, fresh folder)
build_matches_full() {
	XDG_CACHE_HOME=$T/cache run build --source "$INC" --output "$T/inc-full2" --no-cache
	expect_rc 0
	snapshot "$T/inc-full2" >"$T/snap.full2"
	same_tree "$T/inc-out" "$T/snap.full2"
	rm -rf "$T/inc-full2"
}
keyed=$(find "$T/inc-out/articles" "$T/inc-out/events" "$T/inc-out/entities" -type f | wc -l)
[ "$keyed" -gt 20 ] || fail "only $keyed article, event and entity pages"
# the search index and the sitemap (with a base URL) are keyed on every
# event, article and entity table
[ -f "$T/inc-out/search-index.js" ] || fail "no search index"
keyed=$((keyed + 1))
[ ! -f "$T/inc-out/sitemap.xml" ] || keyed=$((keyed + 1))
run build --source "$INC" --output "$T/inc-out"
expect_rc 0
err_has "($keyed not rendered again, 4 data exports kept)"
# a page changed or removed in the output by hand is made again
page=$(ls "$T/inc-out"/events/*.html | head -n 1)
gone=$(ls "$T/inc-out"/articles/*.html | head -n 1)
printf 'tampered\n' >>"$page"
rm "$gone"
run build --source "$INC" --output "$T/inc-out"
expect_rc 0
err_has "($((keyed - 2)) not rendered again, 4 data exports kept)"
if grep -qF tampered "$page"; then fail "a page changed by hand was kept"; fi
[ -f "$gone" ] || fail "a page removed by hand was not made again"
build_matches_full
# the site's settings: every page shows the title
sed 's/^title: .*/title: "Harbour timeline"/' "$INC/annals.yaml" >"$T/yaml" &&
	cp "$T/yaml" "$INC/annals.yaml"
run build --source "$INC" --output "$T/inc-out"
expect_rc 0
if grep -qF "not rendered again" "$T/stderr"; then fail "pages kept across a new title"; fi
if grep -qF "exports kept" "$T/stderr"; then fail "data exports kept across a new title"; fi
file_has "$page" "Harbour timeline"
file_has "$T/inc-out/timeline.json" '"title":"Harbour timeline"'
build_matches_full
# a theme file: a site theme that extends the default and changes a partial
mkdir -p "$INC/themes/default/templates/partials"
echo 'return { extends = "default" }' >"$INC/themes/default/theme.lua"
sed 's/(approx\.)/(about)/' "$REPO/themes/default/templates/partials/date.html" \
	>"$INC/themes/default/templates/partials/date.html"
run build --source "$INC" --output "$T/inc-out"
expect_rc 0
if grep -qF "not rendered again" "$T/stderr"; then fail "pages kept across a theme change"; fi
# (the data exports do not read the theme)
err_has "(4 data exports kept)"
grep -lF '(about)' "$T/inc-out"/articles/*.html >/dev/null || fail "the theme's new partial is not used"
build_matches_full
# --no-cache neither reads nor writes the memo
run build --source "$INC" --output "$T/inc-out" --no-cache
expect_rc 0
if grep -qF "not rendered again" "$T/stderr"; then fail "--no-cache kept pages"; fi
if grep -qF "exports kept" "$T/stderr"; then fail "--no-cache kept data exports"; fi
XDG_CACHE_HOME=$T/cache
no_temp_left

step "a long timeline has a page per period; a new article keeps the other pages"
# $INC as the steps above left it; timeline_page: 3 splits its nine-odd
# events by year, and 2025 (over three) by month
PAGED=$T/paged
rm -rf "$PAGED" && cp -R "$INC" "$PAGED" && rm -rf "$PAGED/themes" || fail "cannot copy the site"
printf 'params:\n  timeline_page: 3\n' >>"$PAGED/annals.yaml"
XDG_CACHE_HOME=$T/paged-cache
run build --source "$PAGED" --output "$T/paged-out"
expect_rc 0
[ -f "$T/paged-out/timeline/2025.html" ] || fail "no page for 2025"
file_lacks "$T/paged-out/index.html" "<svg"
# every dated event is on exactly one period page, which the index links
# (directly or through its year), and its event page links that place
ids=$(sed -n '/^"events":\[/,/^"undated"/p' "$T/paged-out/timeline.json" |
	sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
[ "$(echo "$ids" | wc -l)" -gt 3 ] || fail "only $(echo "$ids" | wc -l) dated events"
for id in $ids; do
	on=$(grep -lF "id=\"$id\"" "$T/paged-out"/timeline/*.html)
	[ "$(echo "$on" | grep -c .)" -eq 1 ] || fail "event $id is on pages: $on"
	period=$(basename "$on")
	grep -qF "href=\"timeline/$period\"" "$T/paged-out/index.html" ||
		grep -qF "href=\"$period\"" "$T/paged-out/timeline/$(echo "$period" | cut -c1-4).html" ||
		fail "nothing links $period"
	file_has "$T/paged-out/events/$id.html" "href=\"../timeline/$period#$id\""
done
# without the setting the same events are one page
run build --source "$INC" --output "$T/unpaged-out" --no-cache
expect_rc 0
[ ! -e "$T/unpaged-out/timeline" ] || fail "a short timeline was split"
file_has "$T/unpaged-out/index.html" "<svg"
# a new article, dated after all others: the pages it does not touch are
# not made again (no page shows how many articles there are, or the latest
# one's date, but the home page), and the site equals a build from nothing
cat >"$PAGED/content/harbour-update.md" <<'EOF_MD'
---
title: "Harbour update"
date: 2026-02-10
source: "Harbour Times"
---
On February 3, 2026, the harbour authority reopened the northern pier.
EOF_MD
run build --source "$PAGED" --output "$T/paged-out"
expect_rc 0
err_has "not rendered again"
file_has "$T/paged-out/timeline/2026.html" "reopened the northern pier"
XDG_CACHE_HOME=$T/cache run build --source "$PAGED" --output "$T/paged-full" --no-cache
expect_rc 0
snapshot "$T/paged-full" >"$T/snap.paged"
same_tree "$T/paged-out" "$T/snap.paged"
XDG_CACHE_HOME=$T/cache
no_temp_left

step "a timeline item names five reporting articles and counts the others"
MANY=$T/many
mkdir -p "$MANY/content"
printf 'title: "Storm"\n' >"$MANY/annals.yaml"
for i in 1 2 3 4 5 6 7; do
	printf -- '---\ntitle: "Storm report %s"\ndate: 2024-03-%02d\nsource: "Paper %s"\n---\nOn March 3, 2024, the port of Halden closed after a storm, officials said.\n' \
		"$i" "$((i + 3))" "$i" >"$MANY/content/report-$i.md"
done
run build --source "$MANY" --output "$T/many-out" --no-cache
expect_rc 0
file_has "$T/many-out/index.html" "and 2 other articles"
[ "$(grep -c 'Storm report' "$T/many-out/index.html")" -ge 5 ] || fail "fewer than five sources named"
event=$(grep -l "port of Halden closed" "$T/many-out"/events/*.html | head -n 1)
for i in 1 2 3 4 5 6 7; do file_has "$event" "Storm report $i"; done

step "the feed holds params.feed_entries events, 100 by default"
FEED=$T/feed
mkdir -p "$FEED/content"
for i in 1 2 3 4 5; do
	printf -- '---\ntitle: "Report %s"\ndate: 2024-03-0%s\n---\nOn March %s, 2024, the council of town %s approved budget number %s.\n' \
		"$i" "$i" "$i" "$i" "$i" >"$FEED/content/report-$i.md"
done
printf 'title: "Towns"\n' >"$FEED/annals.yaml"
run build --source "$FEED" --output "$T/feed-out" --no-cache
expect_rc 0
[ "$(grep -c '<entry>' "$T/feed-out/feed.xml")" -eq 5 ] || fail "not every event in a short feed"
printf 'params:\n  feed_entries: 2\n' >>"$FEED/annals.yaml"
run build --source "$FEED" --output "$T/feed-out" --no-cache
expect_rc 0
[ "$(grep -c '<entry>' "$T/feed-out/feed.xml")" -eq 2 ] || fail "feed_entries: 2 gave $(grep -c '<entry>' "$T/feed-out/feed.xml") entries"

step "timeline.json holds the four events of the story, each once"
# One event per line in timeline.json.  Expectations from reading the
# articles: see tests/check_site.c.
K=2025-11-11-ksmo-uk-suspends-intelligence-sharing
C=2025-11-11-uk-ceases-intelligence-sharing
H=2025-11-11-uk-halts-some-intelligence-sharing
O=2025-11-12-uk-suspends-intelligence-cooperation
R=2025-11-12-realist-english-uk-suspends-maritime-intelligence
# event_line DATE WORD: the one event line with that date mentioning WORD
event_line() {
	grep "^{\"id\":\"[^\"]*\",\"date\":\"$1\"" "$OUT/timeline.json" | grep "$2" >"$T/ev"
	[ "$(wc -l <"$T/ev")" -eq 1 ] || fail "expected one event dated $1 about $2, got $(wc -l <"$T/ev")"
}
event_line 2025-09 "strike"
for s in "$H" "$O" "$R"; do file_has "$T/ev" "\"$s\""; done
grep -q "\"sources\":\[[^]]*$K" "$T/ev" && fail "KSMO dates no strike to September"
event_line 2025-11-01 "Maduro"
file_has "$T/ev" "\"sources\":[\"$K\",\"$C\"]"
event_line 2025-11-11 "CNN"
file_has "$T/ev" "\"$O\""
file_has "$T/ev" "\"$R\""
event_line 2025-11-12 "Rubio"
file_has "$T/ev" "\"sources\":[\"$H\"]"
same_tree "$SITE" "$T/snap.site"

step "dates in an article are marked up"
file_has "$OUT/articles/2025-11-11-ksmo-uk-suspends-intelligence-sharing.html" \
	'<time class="timex" datetime="2025-11-01"'

step "text without dates is not split by date markup"
# BUG (generator/article.c, walk_text + mark_node): walk_text keeps the
# literal pointer of a text node, calls mark_node, which replaces that
# literal (cmark frees the old one), then appends the freed string, so the
# offsets of later nodes come from freed memory: <time> tags land mid-word
# and move from build to build.  ASan reports it as heap-use-after-free.
file_has "$OUT/articles/2025-11-12-realist-english-uk-suspends-maritime-intelligence.html" \
	"Admiral Alvin Holsey, head of US Southern Command, reportedly offered to resign"

step "a second build gives the same site"
snapshot "$OUT" >"$T/snap.out"
run build --source "$SITE" --output "$OUT" --quiet
expect_rc 0
[ ! -s "$T/stderr" ] || fail "--quiet build wrote to stderr"
same_tree "$OUT" "$T/snap.out"
no_temp_left

step "ANNALS_TRACE prints each stage with its time, CPU time and memory, in order"
export ANNALS_TRACE=1
run build --source "$SITE" --output "$OUT" --quiet
unset ANNALS_TRACE
expect_rc 0
same_tree "$OUT" "$T/snap.out"
grep -n "^annals: trace: " "$T/stderr" >"$T/trace" || fail "no trace lines"
for stage in "content read" "timeline built" "theme rendered" "output committed"; do
	grep -qF "$stage" "$T/trace" || fail "no trace of '$stage'"
done
grep -q " s cpu  .* MB peak  .* MB now  " "$T/trace" ||
	fail "no CPU time, peak and current memory in the trace"
first=$(grep -nF "content read" "$T/trace" | cut -d: -f1)
last=$(grep -nF "output committed" "$T/trace" | cut -d: -f1)
[ "$first" -lt "$last" ] || fail "the stages are traced out of order"
grep -v "^annals: trace: " "$T/stderr" | grep -q . && fail "--quiet with a trace printed more than the trace"

step "timeline (text)"
run timeline --source "$SITE"
expect_rc 0
out_has "1 November 2025"

step "timeline --json"
run timeline --source "$SITE" --json
expect_rc 0
case $(head -n 1 "$T/stdout") in
'{"title"'*) ;;
*) fail "JSON does not start with {\"title\"" ;;
esac
out_has '"2025-11-01"'

# ---- failures leave the previous site alone ----------------------------------

step "a bad date in front matter"
printf '%s\n' '---' 'title: Bad' 'date: Nov 31' '---' '' 'Body.' >"$SITE/content/zz-bad.md"
run build --source "$SITE" --output "$OUT"
expect_rc 1
err_has "zz-bad.md:3:"
err_has "content/zz-bad.md"
err_has "not a date"
same_tree "$OUT" "$T/snap.out"
no_temp_left
run timeline --source "$SITE"
expect_rc 1
err_has "zz-bad.md:3:"

step "a bad article is left out and the others build; --strict stops instead"
# an article that changes the site, beside the bad one
printf '%s\n' '---' 'title: Added later' 'date: 2025-11-13' '---' '' \
	'The ministry announced on Thursday that the inquiry would open.' >"$SITE/content/zz-good.md"
run build --source "$SITE" --output "$T/strict-out" --strict
expect_rc 1
err_has "zz-bad.md:3:"
[ ! -e "$T/strict-out" ] || fail "--strict wrote a site despite a bad article"
run build --source "$SITE" --output "$T/lenient-out"
expect_rc 1
err_has "zz-bad.md:3:"
err_has "left out"
[ -f "$T/lenient-out/articles/zz-good.html" ] || fail "the good article was not built"
[ ! -e "$T/lenient-out/articles/zz-bad.html" ] || fail "the bad article was built"
no_temp_left
rm "$SITE/content/zz-bad.md" "$SITE/content/zz-good.md"

step "a site without content/"
mkdir -p "$T/empty-site"
run build --source "$T/empty-site" --output "$T/empty-out"
expect_rc 1
err_has "content/"
[ ! -e "$T/empty-out" ] || fail "an output folder was made for a failed build"
no_temp_left

step "a theme whose build() fails"
mkdir -p "$SITE/themes/bad"
cat >"$SITE/themes/bad/theme.lua" <<'EOF'
return { build = function(site) error("boom") end }
EOF
run build --source "$SITE" --output "$OUT" --theme bad
expect_rc 1
err_has "boom"
same_tree "$OUT" "$T/snap.out"
no_temp_left

step "a theme that runs out of memory says which budget"
mkdir -p "$SITE/themes/hungry"
cat >"$SITE/themes/hungry/theme.lua" <<'EOF'
return { build = function(site)
	local t, s = {}, string.rep("x", 1 << 20)
	for i = 1, 100000 do t[i] = s .. i end
end }
EOF
run build --source "$SITE" --output "$OUT" --theme hungry
expect_rc 1
err_has "ran out of its memory budget"
same_tree "$OUT" "$T/snap.out"
no_temp_left

step "a theme that writes a page outside the output"
mkdir -p "$SITE/themes/escape"
cat >"$SITE/themes/escape/theme.lua" <<'EOF'
return { build = function(site)
	return { { path = "index.html", content = "ok" },
	         { path = "../escaped.html", content = "gotcha" } }
end }
EOF
run build --source "$SITE" --output "$OUT" --theme escape
expect_rc 1
[ ! -e "$T/escaped.html" ] || fail "a page was written outside the output folder"
same_tree "$OUT" "$T/snap.out"
no_temp_left

step "an event's mentions and anchors read as plain fields: by name, by pairs, and after rawget"
mkdir -p "$SITE/themes/probe"
cat >"$SITE/themes/probe/theme.lua" <<'EOF'
return { build = function(site)
	local e, f = site.events[1], site.events[2]
	local before = rawget(e, "mentions") == nil
	local n = #e.mentions
	local seen = false
	for k in pairs(f) do if k == "mentions" then seen = true end end
	local out = string.format("before=%s n=%d same=%s pairs=%s raw=%s first=%s",
		tostring(before), n, tostring(e.mentions == e.mentions), tostring(seen),
		tostring(rawget(f, "mentions") ~= nil), tostring(e.mentions[1].sentence ~= nil))
	-- e.anchors: each source's first mention, as e.mentions has it
	local g = site.events[3]
	local raw_anchors = rawget(g, "anchors") == nil
	local want = {}
	for _, m in ipairs(g.mentions) do
		if want[m.article] == nil then want[m.article] = m.anchor or "" end
	end
	for _, slug in ipairs(g.sources) do if want[slug] == nil then want[slug] = "" end end
	local agree, count = true, 0
	for slug, anchor in pairs(g.anchors) do
		count = count + 1
		if want[slug] ~= anchor then agree = false end
	end
	for _ in pairs(want) do count = count - 1 end
	local in_pairs = false
	for k in pairs(site.events[4]) do if k == "anchors" then in_pairs = true end end
	out = out .. string.format(" anchors: before=%s agree=%s count=%d pairs=%s",
		tostring(raw_anchors), tostring(agree), count, tostring(in_pairs))
	return { { path = "probe.txt", content = out } }
end }
EOF
run build --source "$SITE" --output "$T/probe-out" --theme probe --no-cache
expect_rc 0
file_has "$T/probe-out/probe.txt" "before=true"
file_has "$T/probe-out/probe.txt" "same=true pairs=true raw=true first=true"
file_has "$T/probe-out/probe.txt" "anchors: before=true agree=true count=0 pairs=true"
if grep -qF "n=0 " "$T/probe-out/probe.txt"; then fail "an event without mentions"; fi
rm -rf "$SITE/themes" "$T/probe-out"

step "fields made on first use are dropped once a page is emitted, and made again"
mkdir -p "$SITE/themes/probe"
cat >"$SITE/themes/probe/theme.lua" <<'EOF'
return { build = function(site, emit)
	local e, a = site.events[1], site.articles[1]
	local n, html = #e.mentions, a.html
	local anchors = 0
	for _ in pairs(e.anchors) do anchors = anchors + 1 end
	local kept = rawget(e, "mentions") ~= nil and rawget(a, "html") ~= nil
	emit("first.txt", "one")
	local dropped = rawget(e, "mentions") == nil and rawget(e, "anchors") == nil
		and rawget(a, "html") == nil
	local again = #e.mentions == n and a.html == html and e.anchors ~= nil
	emit("probe.txt", string.format("kept=%s dropped=%s again=%s n=%d anchors=%d",
		tostring(kept), tostring(dropped), tostring(again), n, anchors))
	return {}
end }
EOF
run build --source "$SITE" --output "$T/probe-out" --theme probe --no-cache
expect_rc 0
file_has "$T/probe-out/probe.txt" "kept=true dropped=true again=true"
if grep -qF "n=0 " "$T/probe-out/probe.txt"; then fail "an event without mentions"; fi
rm -rf "$SITE/themes" "$T/probe-out"

step "an article's body reads as a plain field: by name, by pairs, and after rawget"
mkdir -p "$SITE/themes/probe"
cat >"$SITE/themes/probe/theme.lua" <<'EOF'
return { build = function(site)
	local a, b = site.articles[1], site.articles[2]
	local before = rawget(a, "html") == nil
	local html = a.html
	local seen = false
	for k, v in pairs(b) do if k == "html" and v:find("<p>", 1, true) then seen = true end end
	local out = string.format("before=%s marked=%s same=%s pairs=%s raw=%s fp=%s",
		tostring(before), tostring(html:find('class="timex"', 1, true) ~= nil),
		tostring(a.html == html), tostring(seen), tostring(rawget(b, "html") ~= nil),
		tostring(a.fingerprint ~= b.fingerprint))
	return { { path = "probe.txt", content = out } }
end }
EOF
run build --source "$SITE" --output "$T/probe-out" --theme probe --no-cache
expect_rc 0
file_has "$T/probe-out/probe.txt" "before=true marked=true same=true pairs=true raw=true fp=true"
rm -rf "$SITE/themes" "$T/probe-out"
snapshot "$SITE" >"$T/snap.site"

step "a theme that gives two pages one path"
mkdir -p "$SITE/themes/twice"
cat >"$SITE/themes/twice/theme.lua" <<'EOF'
return { build = function(site)
	return { { path = "a.html", content = "1" }, { path = "a.html", content = "2" } }
end }
EOF
run build --source "$SITE" --output "$OUT" --theme twice
expect_rc 1
err_has "a.html"
same_tree "$OUT" "$T/snap.out"
no_temp_left
rm -rf "$SITE/themes"
snapshot "$SITE" >"$T/snap.site"

step "--output at the site root"
run build --source "$SITE" --output "$SITE"
expect_rc 1
err_has "refusing"
same_tree "$SITE" "$T/snap.site"
no_temp_left

step "--output at the content folder"
run build --source "$SITE" --output "$SITE/content"
expect_rc 1
err_has "refusing"
same_tree "$SITE" "$T/snap.site"
no_temp_left

step "--output inside the content folder"
run build --source "$SITE" --output "$SITE/content/public"
expect_rc 1
err_has "refusing"
same_tree "$SITE" "$T/snap.site"
no_temp_left

step "--output in a folder annals did not make"
mkdir -p "$T/foreign"
echo "keep me" >"$T/foreign/notes.txt"
run build --source "$SITE" --output "$T/foreign"
expect_rc 1
err_has "--force"
file_has "$T/foreign/notes.txt" "keep me"
[ ! -e "$T/foreign/index.html" ] || fail "wrote into a foreign folder"
no_temp_left

step "--force replaces it"
run build --source "$SITE" --output "$T/foreign" --force
expect_rc 0
[ -f "$T/foreign/index.html" ] || fail "no index.html after --force"
[ -f "$T/foreign/.annals-output" ] || fail "no marker after --force"
[ ! -e "$T/foreign/notes.txt" ] || fail "the old files survived"
no_temp_left

step "default output is SITE/public"
run build --source "$SITE"
expect_rc 0
[ -f "$SITE/public/index.html" ] || fail "no $SITE/public/index.html"
rm -rf "$SITE/public"

# ---- hostile content ------------------------------------------------------------

step "raw HTML in an article is not passed through"
# (this site has no annals.yaml, so no base_url: no sitemap, which would
# need absolute URLs)
HS=$T/hostile
mkdir -p "$HS/content"
cat >"$HS/content/evil.md" <<'EOF'
---
title: "Evil <script>alert(2)</script> & co"
date: 2025-11-12
source: "Src <b>bold</b>"
---

On November 3, 2025, the council met.

<script>alert(1)</script>

<img src=x onerror="alert(3)">

[click](javascript:alert(4))
EOF
run build --source "$HS" --output "$T/hostile-out"
expect_rc 0
page=$T/hostile-out/articles/evil.html
[ -f "$page" ] || fail "no article page for evil.md"
file_lacks "$page" "<script>alert(1)"
file_lacks "$page" "<script>alert(2)"
file_lacks "$page" 'onerror="alert(3)"'
file_lacks "$page" 'href="javascript:'
file_lacks "$T/hostile-out/index.html" "<script>alert(2)"
file_lacks "$T/hostile-out/index.html" "<b>bold</b>"
[ ! -e "$T/hostile-out/sitemap.xml" ] || fail "sitemap.xml without a base_url"
file_has "$T/hostile-out/index.html" "Evil &lt;script&gt;alert(2)&lt;/script&gt; &amp; co"
for f in "$T"/hostile-out/events/*.html "$T/hostile-out/feed.xml"; do
	file_lacks "$f" "<script>alert"
done
no_temp_left

step "an installed binary finds its data in PREFIX/share/annals"
mkdir -p "$T/inst/bin" "$T/inst/share/annals"
cp "$ANNALS" "$T/inst/bin/annals"
cp -R "$REPO/lua" "$REPO/themes" "$T/inst/share/annals/"
"$T/inst/bin/annals" build --source "$T/site" --output "$T/inst-out" --quiet >"$T/stdout" 2>"$T/stderr"
rc=$?
expect_rc 0
[ -f "$T/inst-out/index.html" ] || fail "installed binary built no index.html"
rm -rf "$T/inst/share/annals"
"$T/inst/bin/annals" build --source "$T/site" --output "$T/inst-out" --quiet >"$T/stdout" 2>"$T/stderr"
rc=$?
expect_rc 1
file_has "$T/stderr" "ANNALS_DATA_DIR"

step "setup.sh names the packages to install when not root"
mkdir -p "$T/fakebin"
# a pkg-config that knows every module but libcmark, and a non-root id
cat > "$T/fakebin/pkg-config" <<'EOF2'
#!/bin/sh
for a in "$@"; do [ "$a" = libcmark ] && exit 1; done
exit 0
EOF2
printf '#!/bin/sh\necho 1000\n' > "$T/fakebin/id"
chmod +x "$T/fakebin/pkg-config" "$T/fakebin/id"
PATH="$T/fakebin:$PATH" sh "$REPO/scripts/setup.sh" >"$T/stdout" 2>"$T/stderr"
rc=$?
expect_rc 1
file_has "$T/stderr" "sudo apt-get install libcmark-dev"
file_lacks "$T/stderr" "liblua5.4-dev"

# ---- git history (libgit2) ----------------------------------------------------

# g_commit DIR DATE MESSAGE: commits everything in DIR as a fixed author at DATE.
g_commit() {
	(cd "$1" && git add -A && GIT_AUTHOR_NAME=Ann GIT_AUTHOR_EMAIL=ann@example.org \
		GIT_COMMITTER_NAME=Ann GIT_COMMITTER_EMAIL=ann@example.org \
		GIT_AUTHOR_DATE="$2" GIT_COMMITTER_DATE="$2" git commit -q -m "$3") \
		>/dev/null 2>&1 || fail "git commit in $1 failed"
}

if command -v git >/dev/null 2>&1; then
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
G=$T/gsite
mkdir -p "$G/content"
(cd "$G" && git init -q -b main && git config user.name Publisher &&
	git config user.email publisher@example.org) || fail "git init failed"
cp "$REPO"/content/2025-11-11-*.md "$G/content/"
g_commit "$G" "2025-11-11T10:00:00+01:00" "First three reports"
cp "$REPO"/content/2025-11-12-*.md "$G/content/"
g_commit "$G" "2025-11-12T10:00:00+01:00" "Two more reports"
sed 's/November 1st/November 2nd/' "$G/content/2025-11-11-ksmo-uk-suspends-intelligence-sharing.md" \
	> "$T/ksmo.md" && mv "$T/ksmo.md" "$G/content/2025-11-11-ksmo-uk-suspends-intelligence-sharing.md"
sed 's/November 1/November 2/' "$G/content/2025-11-11-uk-ceases-intelligence-sharing.md" \
	> "$T/ceases.md" && mv "$T/ceases.md" "$G/content/2025-11-11-uk-ceases-intelligence-sharing.md"
g_commit "$G" "2025-11-13T10:00:00+01:00" "Maduro spoke on the 2nd"

step "build in a git work tree: history dates and the Changes page"
run build --source "$G" --output "$T/g-out"
expect_rc 0
file_has "$T/g-out/timeline.json" '"first_published":"2025-11-11T10:00:00+01:00"'
file_has "$T/g-out/timeline.json" '"last_modified":"2025-11-13T10:00:00+01:00"'
file_has "$T/g-out/timeline.json" '"authors":["Ann"]'
file_has "$T/g-out/changes.html" "Maduro spoke on the 2nd"
file_has "$T/g-out/changes.html" "Re-dated"

step "build --rev: an old revision, the working tree untouched"
echo "uncommitted" >> "$G/content/2025-11-11-uk-ceases-intelligence-sharing.md"
(cd "$G" && git status --porcelain) > "$T/status-before"
run build --source "$G" --rev HEAD~1 --output "$T/g-old" --quiet
expect_rc 0
[ ! -s "$T/stderr" ] || fail "--quiet build --rev wrote to stderr"
file_has "$T/g-old/timeline.json" '"date":"2025-11-01"'
file_lacks "$T/g-old/timeline.json" '"date":"2025-11-02"'
(cd "$G" && git status --porcelain) > "$T/status-after"
cmp -s "$T/status-before" "$T/status-after" || fail "build --rev changed the work tree"
run build --source "$G" --rev no-such-rev --output "$T/g-bad"
expect_rc 1
err_has "unknown revision 'no-such-rev'"

step "diff REV1 REV2"
run diff --source "$G" HEAD~1 HEAD
expect_rc 0
out_has "~ redated         2025-11-01 -> 2025-11-02"
run diff --source "$G" HEAD~2 HEAD~1
expect_rc 0
out_has "+ added"
out_has "+ source-added"
run diff --source "$G" HEAD
expect_rc 2
run diff --source "$T/site" HEAD~1 HEAD
expect_rc 1
err_has "not in a git repository"

step "publish --branch: a new branch, then a second commit on it"
head_before=$(cd "$G" && git rev-parse HEAD && git symbolic-ref HEAD)
run publish --source "$G" --branch gh-pages
expect_rc 0
err_has "published"
(cd "$G" && git ls-tree --name-only gh-pages) > "$T/tree"
file_has "$T/tree" "index.html"
file_has "$T/tree" "timeline.json"
file_has "$T/tree" "changes.html"
file_lacks "$T/tree" ".annals-output"
run publish --source "$G" --branch gh-pages --message "Second publish"
expect_rc 0
err_has "already holds this site"
run publish --source "$G" --branch gh-pages --rev HEAD~1 --message "Older site"
expect_rc 0
[ "$(cd "$G" && git log -1 --format=%s gh-pages)" = "Older site" ] || fail "publish message"
[ "$(cd "$G" && git rev-list --count gh-pages)" = 2 ] || fail "gh-pages should have 2 commits"
[ "$(cd "$G" && git rev-parse HEAD && git symbolic-ref HEAD)" = "$head_before" ] ||
	fail "publish moved HEAD"
(cd "$G" && git status --porcelain) > "$T/status-after"
cmp -s "$T/status-before" "$T/status-after" || fail "publish changed the index or work tree"
run publish --source "$G" --branch main
expect_rc 1
err_has "checked out"
run publish --source "$G"
expect_rc 2

step "a shallow clone warns that history dates are incomplete"
(cd "$T" && git clone -q --depth 1 "file://$G" g-shallow) >/dev/null 2>&1 || fail "git clone failed"
run build --source "$T/g-shallow" --output "$T/g-shallow-out" --quiet
expect_rc 0
err_has "shallow clone"
file_lacks "$T/g-shallow-out/timeline.json" '"first_published"'

step "a bare repository is a clear error; a plain folder gets a note"
(cd "$T" && git init -q --bare g-bare) >/dev/null 2>&1 || fail "git init --bare failed"
run build --source "$T/g-bare" --output "$T/g-bare-out"
expect_rc 1
err_has "bare git repository"
run build --source "$T/site" --output "$T/plain-out"
expect_rc 0
err_has "history features"
no_temp_left
else
	echo "e2e: git not installed; history cases skipped"
fi

step "the writer's workflow: new, check, serve (tests/e2e_serve.sh)"
sh "$REPO/tests/e2e_serve.sh" "$ANNALS" || fail "tests/e2e_serve.sh failed"

# ---- customisation: a site theme that extends default, filters --------------

step "a site theme extends default, overrides one template and one static file; filters change the site"
X="$T/custom"
mkdir -p "$X/themes/mine/templates" "$X/themes/mine/static" "$X/filters/templates"
cp -R "$REPO/content" "$X/content" || fail "cannot copy content/"
cat >"$X/annals.yaml" <<'YAML'
title: Custom <site>
theme: mine
params:
  accent: teal
YAML
printf 'return { extends = "default" }\n' >"$X/themes/mine/theme.lua"
printf '/* mine */\n' >"$X/themes/mine/static/style.css"
{ printf '<p class="mine">accent {{ site.params.accent }}</p>\n'
  cat "$REPO/themes/default/templates/article.html"; } >"$X/themes/mine/templates/article.html"
cat >"$X/filters/10-desk.lua" <<'LUA'
local ast = require("annals.ast")
return {
  on_article = function(a)
    a.title = a.title .. " <checked>"
  end,
  markdown = {
    link = function(node) return node.children end,
    paragraph = function(node)
      if ast.stringify(node):find("^Fuente:") then return false end
    end,
  },
  on_event = function(e)
    if e.date and e.date < "2025-10" then e.notes = { "Before the suspension." } end
  end,
  on_timeline = function(events)
    for _, e in ipairs(events) do
      e.era = annals.date.format(e.date, "%B %Y")
    end
  end,
  pages = function(site)
    local template = require("annals.template")
    return { { path = "desk.html", content = template.render("desk.html", { site = site }) } }
  end,
}
LUA
printf '<!doctype html><title>{{ site.title }}</title><p>{{ #site.articles }} articles</p>\n' \
	>"$X/filters/templates/desk.html"
run build --source "$X" --output "$X/out" --quiet
expect_rc 0
file_has "$X/out/style.css" "/* mine */"
[ -f "$X/out/favicon.svg" ] || fail "the parent theme's static files are missing"
art=$(ls "$X"/out/articles/*.html | head -n 1)
file_has "$art" '<p class="mine">accent teal</p>'
file_has "$art" '&lt;checked&gt;'
file_lacks "$art" '<checked>'
file_lacks "$X/out/index.html" 'class="mine"'
file_has "$X/out/index.html" 'class="event-era">September 2025'
file_has "$X/out/index.html" 'Before the suspension.'
file_has "$X/out/desk.html" '<title>Custom &lt;site&gt;</title>'
# every title went through the hooks with "<checked>" in it: no page,
# feed or sitemap of either theme may carry it unescaped
if grep -rlF --include='*.html' --include='*.xml' '<checked>' "$X/out"; then
	fail "an unescaped title in the pages listed above"
fi
file_has "$X/out/timeline.json" 'checked>"'

step "the report theme builds the same site on one page"
run build --source "$X" --output "$X/report" --theme report --quiet
expect_rc 0
file_has "$X/report/index.html" 'Timeline report'
file_has "$X/report/index.html" 'Before the suspension.'
file_has "$X/report/report.css" '@media print'
file_lacks "$X/report/index.html" '<checked>'
file_has "$X/report/index.html" '&lt;checked&gt;'

step "an error in a filter names the file and line, exits 1 and keeps the previous site"
snapshot "$X/out" >"$T/snap.custom" || fail "cannot list $X/out"
printf 'return {\n  on_event = function(e)\n    error("no desk for " .. e.id)\n  end,\n}\n' \
	>"$X/filters/20-broken.lua"
run build --source "$X" --output "$X/out" --quiet
expect_rc 1
err_has "filters/20-broken.lua:3: no desk for"
err_has "stack traceback"
same_tree "$X/out" "$T/snap.custom"
no_temp_left
printf 'return { on_article = function(a) return 42 end }\n' >"$X/filters/20-broken.lua"
run build --source "$X" --output "$X/out" --quiet
expect_rc 1
err_has "must return the article (a table), false to drop it, or nothing (got number)"
rm "$X/filters/20-broken.lua"
printf 'return { extends = "mine" }\n' >"$X/themes/mine/theme.lua"
run build --source "$X" --output "$X/out" --quiet
expect_rc 1
err_has 'extends "mine"'
same_tree "$X/out" "$T/snap.custom"
no_temp_left

echo "e2e: all passed"
