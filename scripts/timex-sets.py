#!/usr/bin/env python3
"""Score `annals tag` on whole articles annotated by hand.

    scripts/timex-sets.py [--details] [--bin bin/annals] SET_DIR...

A set is a folder of articles, one per `*.txt` file:

    dct: 2025-11-11
    The text of the article, as many lines as it takes.
    .
    Friday|DATE|2025-11-07|
    about three weeks|DURATION|P3W|APPROX

The text runs from the line after `dct:` to a line holding a single
full stop; each line after it is one timex as the annotator read it:
extent, type, value, mod (empty when there is none).  An extent that
occurs twice in the text is listed twice.

A gold line is right when the tagger gives a timex with the same
extent, type, value and mod (compared as multisets, since the order of
repeated extents is not recorded).  An extra is a timex whose extent
the annotator did not tag at all.  TimeBank's scorer measures the
corpus; these sets measure what it cannot: whole present-day articles,
where a rule that leaks from one sentence into the next shows.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile


def read_article(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if not lines or not lines[0].startswith("dct:"):
        sys.exit(f"{path}:1: expected a first line 'dct: YYYY-MM-DD'")
    dct = lines[0][4:].strip()
    try:
        stop = lines.index(".", 1)
    except ValueError:
        sys.exit(f"{path}: no line holding a single '.' ends the text")
    text = "\n".join(lines[1:stop]) + "\n"
    gold = []
    for n, line in enumerate(lines[stop + 1:], start=stop + 2):
        if not line.strip():
            continue
        parts = line.split("|")
        if len(parts) < 3:
            sys.exit(f"{path}:{n}: expected 'extent|TYPE|VALUE|MOD'")
        mod = parts[3].strip() if len(parts) > 3 else ""
        gold.append((parts[0].strip(), parts[1].strip(), parts[2].strip(),
                     mod))
    return dct, text, gold


def tag(binary, dct, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8",
                                     delete=False) as f:
        f.write(text)
        name = f.name
    try:
        out = subprocess.run([binary, "tag", "--dct", dct, name],
                             capture_output=True, text=True, check=True)
    finally:
        os.unlink(name)
    return [(t["text"], t["type"], t["value"], t.get("mod", ""))
            for t in json.loads(out.stdout)["timexes"]]


def check_set(folder):
    """Format and extents only, without running the tagger: for the
    annotator, before any score."""
    bad = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        path = os.path.join(folder, name)
        dct, text, gold = read_article(path)
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", dct):
            print(f"{path}:1: the dct '{dct}' is not YYYY-MM-DD")
            bad += 1
        for extent, n in collections.Counter(x[0] for x in gold).items():
            pattern = r"(?<!\w)" + re.escape(extent) + r"(?!\w)"
            found = len(re.findall(pattern, text))
            if found < n:
                print(f"{path}: '{extent}' listed {n} times, "
                      f"found {found} times in the text")
                bad += 1
        for x in gold:
            if x[1] not in ("DATE", "TIME", "DURATION", "SET"):
                print(f"{path}: '{x[0]}' has the type '{x[1]}'")
                bad += 1
    return bad


def score_set(binary, folder, details):
    right = total = extras = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        path = os.path.join(folder, name)
        dct, text, gold = read_article(path)
        got = tag(binary, dct, text)
        g, s = collections.Counter(gold), collections.Counter(got)
        hit = g & s
        right += sum(hit.values())
        total += len(gold)
        gold_extents = collections.Counter(x[0] for x in gold)
        got_extents = collections.Counter(x[0] for x in got)
        extra = got_extents - gold_extents
        extras += sum(extra.values())
        if details and (g - hit or s - hit):
            print(f"== {path} (dct {dct})")
            for x in sorted((g - hit).elements()):
                print("  - " + "|".join(x))
            for x in sorted((s - hit).elements()):
                mark = "x" if extra[x[0]] > 0 else "+"
                print(f"  {mark} " + "|".join(x))
    return right, total, extras


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="bin/annals")
    ap.add_argument("--details", action="store_true",
                    help="list each file's misses (-), wrong or extra (+, x)")
    ap.add_argument("--check", action="store_true",
                    help="check the files' format only; run no tagger")
    ap.add_argument("sets", nargs="+")
    args = ap.parse_args()
    if args.check:
        bad = sum(check_set(folder) for folder in args.sets)
        print(f"{bad} problems")
        sys.exit(1 if bad else 0)
    all_right = all_total = all_extras = 0
    for folder in args.sets:
        r, t, e = score_set(args.bin, folder, args.details)
        all_right, all_total, all_extras = (all_right + r, all_total + t,
                                            all_extras + e)
        print(f"{folder}: {r}/{t} right, {e} extra")
    if len(args.sets) > 1:
        print(f"all: {all_right}/{all_total} right, {all_extras} extra")


if __name__ == "__main__":
    main()
