#!/usr/bin/env python3
"""make_seeds.py - writes the seed corpora in tests/fuzz/corpus/ from the
sample articles, the spec files and a list of hostile cases.  Crash
reproducers found by `make fuzz` are added by hand as crash-<target>-*.
Rerun after changing the spec:   python3 tests/fuzz/make_seeds.py"""
import os, re, hashlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, "corpus")


def put(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def spec_cases(path, sep):
    text = open(path, encoding="utf-8").read()
    parts = text.split(sep)
    return [p.split("\n.\n")[0].strip("\n") for p in parts[1:] if "\n.\n" in p]


articles = sorted(f for f in os.listdir(os.path.join(ROOT, "content")) if f.endswith(".md"))
bodies = [open(os.path.join(ROOT, "content", f), "rb").read() for f in articles]

# ---- front matter ----------------------------------------------------------
for i, b in enumerate(bodies):
    put("frontmatter", "sample-%d" % i, b.split(b"\n---\n", 1)[0] + b"\n---\n")
fm = {
    "minimal": "---\ntitle: T\ndate: 2025-11-01\n---\nbody\n",
    "datetime": "---\ntitle: T\ndate: 2025-11-01T09:30:00Z\n---\n",
    "feb30": "---\ntitle: T\ndate: 2025-02-30\n---\n",
    "nov31-words": "---\ntitle: T\ndate: Nov 31\n---\n",
    "not-closed": "---\ntitle: T\n",
    "list-title": "---\ntitle: [a, b]\ndate: 2025-01-01\n---\n",
    "map-date": "---\ntitle: T\ndate: {y: 2025}\n---\n",
    "anchors": "---\nt: &a [*a, *a]\ntitle: *a\n---\n",
    "tags": "---\ntitle: !!binary aGVsbG8=\ndate: !!timestamp 2025-01-01\n---\n",
    "dots": "---\ntitle: T\ndate: 2025-11-01\n...\nbody",
    "crlf": "---\r\ntitle: T\r\ndate: 2025-11-01\r\n---\r\nbody\r\n",
    "bom": "\ufeff---\ntitle: T\ndate: 2025-11-01\n---\n",
    "hostile-title": "---\ntitle: \"<script>alert(1)</script>\\\" onmouseover=\\\"alert(2)\"\n"
                    "date: 2025-11-01\nsource: \"=HYPERLINK(\\\"http://x\\\")\"\nslug: ../../etc/passwd\n---\n",
    "config": "title: <b>x</b>\ntheme: ../../etc\nbase_url: javascript:alert(1)//\nmarkdown: {unsafe: true}\nbogus: 1\n",
    "deep": "---\ntitle: " + "[" * 200 + "]" * 200 + "\n---\n",
    "empty": "",
    "year-0": "---\ntitle: T\ndate: 0000-01-01\n---\n",
    "year-big": "---\ntitle: T\ndate: 99999-12-31\n---\n",
}
for k, v in fm.items():
    put("frontmatter", k, v)

# ---- the date tagger: 3 bytes of DCT (year-1900, month-1, day-1) + text ---
def dct(y, m, d):
    return bytes([y - 1900, m - 1, d - 1])

cases = []
for name in os.listdir(os.path.join(ROOT, "tests", "spec")):
    if name.startswith("timex"):
        cases += spec_cases(os.path.join(ROOT, "tests", "spec", name), "\n```\n")
for c in cases:
    m = re.match(r"dct: (\d{4})-(\d\d)-(\d\d)\n", c)
    prefix = dct(2025, 11, 11)
    if m:
        prefix = dct(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        c = c[m.end():]
    data = prefix + c.encode()
    put("timex", "spec-" + hashlib.sha1(data).hexdigest()[:12], data)
for i, b in enumerate(bodies):
    put("timex", "sample-%d" % i, dct(2025, 11, 11) + b.split(b"\n---\n", 1)[1])
hostile_timex = {
    "nul": b"On November\x001, 2025 and \x00\x00 last week",
    "bad-utf8": b"On \xff\xfe November 3\xe2\x80, 2025 the \xc3",
    "leap": b"February 29, 2024 and February 30, 2025 and 31 April",
    "big-numbers": b"In 99999999999999999999 BC, 2147483648 days ago, 1e309 years later",
    "many-weekdays": b" ".join([b"on Monday"] * 200),
    "nested-relative": b"two days after three weeks before the week after last month",
    "apostrophes": b"'80s '\xe2\x80\x99 \xe2\x80\x99s '' 's",
    "end-digit": b"in 2025",
}
for k, v in hostile_timex.items():
    put("timex", k, dct(2025, 11, 11) + v)
put("timex", "dct-feb29", dct(2024, 2, 29) + b"next year on this day, a year ago")

# ---- sentences -------------------------------------------------------------
for i, c in enumerate(spec_cases(os.path.join(ROOT, "tests", "spec", "sentences.txt"), "~~~\n")):
    put("sentence", "spec-%02d" % i, c.replace("\\n", "\n"))
for i, b in enumerate(bodies):
    put("sentence", "sample-%d" % i, b.split(b"\n---\n", 1)[1])
hostile_sent = {
    "dots": b"." * 500,
    "abbrevs": b"U.S. Adm. Dr. Mr. e.g. i.e. a.m. p.m. No. 5. St. Jr.",
    "quotes": b"\"He said.\" 'She said.' \xe2\x80\x9cIt.\xe2\x80\x9d (Yes.) [No.]",
    "urls": b"See https://x.y/z.html.Then http://a.b.c. www.a.b.",
    "nul-bad": b"One.\x00Two.\xff\xfeThree.\n\nFour",
    "blank": b"\n\n\n\n   \n\n",
    "glued-year": b"November 11, 2025Before it. 2025The end.",
}
for k, v in hostile_sent.items():
    put("sentence", k, v)

# ---- the whole pipeline ------------------------------------------------------
put("article", "all-samples", b"\x00".join(bodies))
put("article", "with-config", b"annals.yaml\ntitle: T\nlanguage: fr\n\x00" + b"\x00".join(bodies[:2]))
for i, b in enumerate(bodies):
    put("article", "sample-%d" % i, b)
hostile_dir = os.path.join(ROOT, "tests", "hostile", "content")
if os.path.isdir(hostile_dir):
    hs = [open(os.path.join(hostile_dir, f), "rb").read()
          for f in sorted(os.listdir(hostile_dir)) if f.endswith(".md")]
    for i, h in enumerate(hs):
        put("article", "hostile-%d" % i, h)
    put("article", "hostile-all", b"\x00".join(hs))
art = {
    "empty-body": "---\ntitle: T\ndate: 2025-11-01\n---\n",
    "no-date": "---\ntitle: T\n---\nOn November 3, 2025 it rained.",
    "dup-slug": "---\ntitle: A\ndate: 2025-11-01\nslug: x\n---\nOn May 1 it rained.\x00"
                "---\ntitle: B\ndate: 2025-11-02\nslug: x\n---\nOn May 1 it rained.",
    "markdown-mix": "---\ntitle: T\ndate: 2025-11-01\n---\n# On *November* 3, 2025\n\n"
                    "* a list on `May 1`\n* [link](javascript:alert(1)) on May 2\n\n"
                    "> quote on **May** 3\n\n<script>alert(1)</script>\n\n"
                    "```\ncode on May 4\n```\n\n| a | b |\n|---|---|\n| May 5 | x |\n",
    "controls": "---\ntitle: T\ndate: 2025-11-01\n---\nOn May\x01 1\x02 it\x03 rained\x7f.",
    "same-story": "---\ntitle: A\ndate: 2025-11-11\n---\nThe UK suspended intelligence "
                  "sharing last week, CNN reported on Tuesday.\x00---\ntitle: B\ndate: "
                  "2025-11-12\n---\nBritain halted intelligence sharing last week, "
                  "according to CNN.",
}
for k, v in art.items():
    put("article", k, v)
