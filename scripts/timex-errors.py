#!/usr/bin/env python3
"""timex-errors.py - counts the date tagger's remaining errors by class.

Reads the `--details` output of ../shared/tools/timex_score.py (stdin or a
file) and sorts every wrong value, miss and spurious timex into the
classes of docs/dates.md, first class that fits, in the order listed
there.  The classes go by the shape of the values and the text only, so
the counts can be repeated after every change:

    python3 ../shared/tools/timex_score.py run --gold ../shared/data/timeml \\
        --cmd 'bin/annals tag --dct {dct} {txt}' --details | \\
        python3 scripts/timex-errors.py
"""
import re
import sys
from collections import Counter

LINE = re.compile(r"^\s+(VALUE|MISS|SPURIOUS)\s+(.*)$")
# "12..20 'text' TYPE value"; text may hold quotes, so anchor on the end
ITEM = re.compile(r"(\d+)\.\.(\d+) '(.*)' (DATE|TIME|DURATION|SET) (\S+)$")

DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
MONTHISH = re.compile(r"^\d{4}-(\d\d|SP|SU|FA|WI)$")
REFS = {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}

NOW = {"now", "currently", "current", "right now", "nowadays", "today's"}
VAGUE = {"recent", "recently", "soon", "future", "the future", "previously",
         "already", "then", "the time", "lately", "formerly", "once",
         "the past", "past", "earlier", "later", "at the time", "eventually"}
ANAPHORIC = re.compile(r"^(the|that|this) (day|week|month|year|time|morning|"
                       r"afternoon|evening|night|period|moment|date)$", re.I)


def wrong_value_class(gold, sys_):
    if "X" in gold and "X" not in sys_:
        return "gold value underspecified"
    if "Q" in gold or "Q" in sys_:
        return "reporting periods: quarter vs year"
    g_dur = gold.startswith("P") and gold not in REFS
    s_dur = sys_.startswith("P") and sys_ not in REFS
    if g_dur != s_dur or (gold in REFS) != (sys_ in REFS):
        return "DURATION vs DATE"
    if gold.split("T")[0] == sys_.split("T")[0]:
        return "part of day"
    if DAY.match(gold) and DAY.match(sys_):
        return "wrong day"
    if "W" in gold or "W" in sys_:
        return "week vs day or month"
    if MONTHISH.match(gold) and MONTHISH.match(sys_):
        return "month or season in the wrong year"
    return "other"


def extra_class(text, ttype, value):
    low = text.lower()
    if low in NOW:
        return "now, currently, current"
    if low in VAGUE:
        return "vague adverbs and adjectives"
    if ttype == "SET":
        return "sets"
    if ttype == "DURATION":
        return "durations"
    if ANAPHORIC.match(low):
        return "anaphoric nouns"
    return "other"


def main():
    src = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    wrong, miss, spur = Counter(), Counter(), Counter()
    for line in src:
        m = LINE.match(line.rstrip("\n"))
        if not m:
            continue
        kind, rest = m.groups()
        if kind == "VALUE":
            g, s = rest.split("  | sys ")
            gi = ITEM.search(g)
            si = ITEM.search(s)
            if gi and si:
                wrong[wrong_value_class(gi.group(5), si.group(5))] += 1
            continue
        it = ITEM.search(rest)
        if not it:
            continue
        cls = extra_class(it.group(3), it.group(4), it.group(5))
        (miss if kind == "MISS" else spur)[cls] += 1
    print("wrong values: %d" % sum(wrong.values()))
    for cls, n in wrong.most_common():
        print("  %4d  %s" % (n, cls))
    print("misses: %d, spurious: %d" % (sum(miss.values()), sum(spur.values())))
    for cls in sorted(set(miss) | set(spur), key=lambda k: -(miss[k] + spur[k])):
        print("  %4d %4d  %s" % (miss[cls], spur[cls], cls))
    return 0


if __name__ == "__main__":
    sys.exit(main())
