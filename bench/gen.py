#!/usr/bin/env python3
"""bench/gen.py - a deterministic corpus of N synthetic news articles.

    python3 bench/gen.py N DIR [SEED]

Writes DIR/content/YYYY/slug.md (Markdown with YAML front matter: title,
date, source, tags), DIR/annals.yaml and, from bench/hugo/, DIR/hugo.toml
and DIR/layouts/, so that `annals build --source DIR` and `hugo --source
DIR` build the same folder.  Each body is 3-5 KB: paragraphs full of date
expressions in every form the tagger handles (absolute, numeric, relative,
weekdays, durations, sets, clock times, quarters, decades, holidays),
names of people, organisations and places, quotes, links, lists and
casualty figures that sometimes disagree between reports.

Articles belong to stories (about ten each) that share events on fixed
dates, told in different words, so the timeline has real merging to do.
The same N and SEED give the same bytes on any machine (random.Random with
a fixed seed; no clock, no hash ordering).
"""
import os
import random
import shutil
import sys
import datetime as dt

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
MON_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
            "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday"]
FIRST = ["Maria", "John", "Aisha", "Pedro", "Elena", "Tomas", "Yuki", "Omar",
         "Grace", "Ivan", "Lucia", "Samuel", "Fatima", "Henrik", "Amara",
         "Chen", "Nadia", "Rafael", "Ingrid", "Kwame", "Sofia", "Arjun"]
LAST = ["Delgado", "Hartley", "Okafor", "Lindqvist", "Moreau", "Tanaka",
        "Haddad", "Petrov", "Castillo", "Mbeki", "Novak", "Fischer", "Rossi",
        "Kowalski", "Nakamura", "Oliveira", "Brennan", "Sato", "Adeyemi",
        "Varga", "Quinn", "Marsh"]
ROLES = ["President", "Prime Minister", "Foreign Minister", "Governor",
         "Mayor", "General", "Senator", "Judge", "Chief Executive",
         "spokeswoman", "spokesman", "Commissioner"]
ORGS = ["the Ministry of Finance", "the Central Bank", "the United Nations",
        "the Red Cross", "the European Commission", "the Supreme Court",
        "the National Assembly", "the Port Authority", "the Energy Agency",
        "the World Health Organization", "Northwind Shipping",
        "Atlas Mining", "the Coast Guard", "the Election Commission"]
PLACES = ["Caracas", "Lagos", "Oslo", "Manila", "Lima", "Nairobi", "Kyiv",
          "Hanoi", "Quito", "Accra", "Tbilisi", "Dhaka", "Rabat", "Valparaiso",
          "Gdansk", "Cebu", "Mombasa", "Porto", "Tromso", "Arequipa"]
SOURCES = ["Harbor Times", "The Daily Ledger", "Northern Wire",
           "Coastal Courier", "Metro Dispatch", "Evening Standard Post",
           "Radio Meridian", "unknown"]
TOPICS = ["flood", "strike", "election", "budget", "storm", "trial",
          "merger", "outbreak", "protest", "summit", "earthquake", "fire",
          "ceasefire", "drought", "blackout", "rescue"]
VERBS = ["announced", "confirmed", "denied", "approved", "rejected",
         "postponed", "signed", "launched", "suspended", "opened"]
NOUNS = ["the agreement", "a new inquiry", "the emergency plan",
         "the relief fund", "the contract", "the investigation",
         "the evacuation order", "the trade deal", "the reform bill",
         "the rescue operation", "the sanctions package", "the curfew"]
FILLER = ["Officials in {place} said the situation after the {topic} remained tense.",
          "Residents of {place} described long queues at fuel stations and markets.",
          "Analysts warned that the cost of the {topic} could rise further.",
          "The opposition in {place} called for an independent review of the {topic}.",
          "Aid groups said supplies were running low in several districts of {place}.",
          "Local newspapers in {place} carried the {topic} story on their front pages.",
          "Shares in {org_short} fell sharply on the news of the {topic}.",
          "Diplomats from neighbouring countries urged {place} to show restraint.",
          "Schools near {place} were closed as a precaution during the {topic}.",
          "Volunteers worked through the night to clear the debris in {place}.",
          "{name} said the {topic} had changed how {place} sees {org_short}.",
          "A resident of {place} said the {topic} was the worst in memory."]
HOLIDAYS = ["Christmas", "New Year's Day", "Easter", "Halloween",
            "Thanksgiving", "Independence Day"]
LINKS = ["https://example.org/report", "https://example.com/statement",
         "https://news.example.net/live", "https://data.example.org/figures"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suf)


class Story:
    def __init__(self, rng, idx, start):
        self.idx = idx
        self.topic = rng.choice(TOPICS)
        self.place = rng.choice(PLACES)
        self.people = [(rng.choice(ROLES), rng.choice(FIRST) + " " + rng.choice(LAST))
                       for _ in range(3)]
        self.org = rng.choice(ORGS)
        # the story's events: fixed dates within two months of its start
        self.events = []
        for k in range(6):
            day = start + dt.timedelta(days=rng.randrange(0, 60))
            self.events.append((day, rng.choice(VERBS), rng.choice(NOUNS),
                                rng.randrange(3, 400)))
        self.events.sort(key=lambda e: e[0])


def date_phrase(rng, day, pub):
    """One way of writing `day`, seen from publication date `pub`."""
    delta = (pub - day).days
    forms = [
        lambda: "on %s %d, %d" % (MONTHS[day.month - 1], day.day, day.year),
        lambda: "on %d %s %d" % (day.day, MONTHS[day.month - 1], day.year),
        lambda: "on %s %s" % (MON_ABBR[day.month - 1], ordinal(day.day)),
        lambda: "on %s %d" % (MONTHS[day.month - 1], day.day),
        lambda: "on %s" % day.isoformat(),
        lambda: "on %02d/%02d/%d" % (day.month, day.day, day.year),
        lambda: "on %s, %s %d" % (WEEKDAYS[day.weekday()], MONTHS[day.month - 1], day.day),
    ]
    if delta == 0:
        forms += [lambda: "today", lambda: "earlier today", lambda: "this morning"]
    elif delta == 1:
        forms += [lambda: "yesterday", lambda: "late yesterday"]
    elif 1 < delta < 7:
        forms += [lambda: "on %s" % WEEKDAYS[day.weekday()],
                  lambda: "%d days ago" % delta if delta > 2 else "two days ago"]
    elif 7 <= delta < 14:
        forms += [lambda: "last week", lambda: "more than a week ago"]
    elif 28 <= delta < 62:
        forms += [lambda: "last month", lambda: "more than a month ago"]
    elif delta < 0 and delta > -7:
        forms += [lambda: "on %s" % WEEKDAYS[day.weekday()],
                  lambda: "next %s" % WEEKDAYS[day.weekday()]]
    return rng.choice(forms)()


def extra_dates(rng, pub):
    """Date expressions that are not the story's events."""
    y = pub.year
    return rng.choice([
        "in %s %d" % (MONTHS[rng.randrange(12)], y - rng.randrange(1, 6)),
        "in the %d0s" % rng.choice([196, 197, 198, 199]),
        "since %d" % (y - rng.randrange(2, 15)),
        "for the past three years",
        "over the next six months",
        "every Monday",
        "twice a week",
        "at 3 p.m. local time",
        "by 9:30 a.m.",
        "in the third quarter",
        "in the first half of %d" % (y - 1),
        "early next year",
        "by the end of the decade",
        "last summer",
        "this weekend",
        "around %s" % rng.choice(HOLIDAYS),
        "in the 19th century",
        "two decades ago",
        "a few weeks later",
        "the following day",
        "for nearly a decade",
        "within 48 hours",
        "in mid-%s" % MONTHS[rng.randrange(12)],
        "at the end of %s" % MONTHS[rng.randrange(12)],
        "in fiscal %d" % y,
    ])


def filler(rng, story, k=1):
    org = story.org[4:] if story.org.startswith("the ") else story.org
    return " ".join(f.format(place=story.place, topic=story.topic, org_short=org,
                             name=story.people[0][1]) for f in rng.sample(FILLER, k))


def article(rng, story, n, pub):
    role, name = rng.choice(story.people)
    role2, name2 = rng.choice(story.people)
    title = "%s in %s: %s %s %s" % (story.topic.capitalize(), story.place,
                                     story.org[4:].capitalize() if story.org.startswith("the ")
                                     else story.org, rng.choice(VERBS), rng.choice(NOUNS)[4:]
                                     if rng.random() < 0.5 else "new measures")
    title = title.replace('"', "'")
    paras = []
    dateline = "%s (%s). " % (story.place.upper(), rng.choice(SOURCES))
    ev = [e for e in story.events if e[0] <= pub + dt.timedelta(days=7)] or story.events[:2]
    rng.shuffle(ev)
    first = ev[0]
    paras.append(dateline + "%s %s %s %s, %s %s said, in a move that surprised many in %s." % (
        story.org[0].upper() + story.org[1:], first[1], first[2],
        date_phrase(rng, first[0], pub), role, name, story.place))
    size = len(paras[0])
    target = rng.randrange(3000, 4800)
    i = 1
    while size < target:
        kind = rng.randrange(8)
        e = ev[i % len(ev)]
        i += 1
        if kind == 0:
            p = '"We will not accept this," %s %s told reporters %s. "The people of %s deserve better, and we have said so %s."' % (
                role2, name2, date_phrase(rng, e[0], pub), story.place, extra_dates(rng, pub))
        elif kind == 1:
            killed = e[3] + rng.choice([0, 0, 0, 2, -1, 5])
            p = "At least %d people were killed and %d injured in %s %s, according to %s. Earlier figures from the %s %s put the toll at %d." % (
                killed, killed * 2 + 3, story.place, date_phrase(rng, e[0], pub), story.org,
                story.topic, extra_dates(rng, pub), max(1, killed - 4))
        elif kind == 2:
            p = "The [full statement](%s) was published %s. It follows talks held %s with %s." % (
                rng.choice(LINKS), date_phrase(rng, e[0], pub), extra_dates(rng, pub),
                rng.choice(ORGS))
        elif kind == 3:
            items = ["- %s %s %s" % (rng.choice(ORGS).capitalize(), rng.choice(VERBS),
                                     date_phrase(rng, ev[(i + k) % len(ev)][0], pub))
                     for k in range(3)]
            p = "Key moments so far:\n\n" + "\n".join(items)
        elif kind == 4:
            p = "%s %s %s %s. %s" % (role, name, e[1], e[2], filler(rng, story, 2))
        elif kind == 5:
            p = "## What happens next\n\n%s said a decision was expected %s, %s." % (
                name2, extra_dates(rng, pub), extra_dates(rng, pub))
        elif kind == 6:
            p = "*%s* has been in office %s and faced a similar crisis %s. %s" % (
                name, extra_dates(rng, pub), extra_dates(rng, pub), filler(rng, story))
        else:
            p = "%s %s. %s, **%s** %s %s %s." % (
                filler(rng, story)[:-1], extra_dates(rng, pub), filler(rng, story)[:-1],
                rng.choice(ORGS), rng.choice(VERBS), rng.choice(NOUNS),
                date_phrase(rng, e[0], pub))
        paras.append(p)
        size += len(p) + 2
    slug = "%s-%s-%05d" % (story.topic, story.place.lower(), n)
    tags = [story.topic, story.place.lower()]
    fm = ["---", 'title: "%s"' % title, "date: %s" % pub.isoformat(),
          'source: "%s"' % rng.choice(SOURCES),
          "tags: [%s]" % ", ".join(tags), "---", ""]
    return slug, "\n".join(fm) + "\n\n".join(paras) + "\n"


def main():
    if len(sys.argv) < 3:
        sys.stderr.write("usage: gen.py N DIR [SEED]\n")
        sys.exit(2)
    n = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    rng = random.Random(seed)
    here = os.path.dirname(os.path.abspath(__file__))
    content = os.path.join(out, "content")
    if os.path.exists(content):
        shutil.rmtree(content)
    os.makedirs(content)
    base = dt.date(2015, 1, 1)
    n_stories = max(1, n // 10)
    stories = [Story(rng, s, base + dt.timedelta(days=rng.randrange(0, 3650)))
               for s in range(n_stories)]
    total = 0
    for k in range(n):
        st = stories[rng.randrange(n_stories)]
        pub = st.events[0][0] + dt.timedelta(days=rng.randrange(0, 70))
        slug, text = article(rng, st, k, pub)
        d = os.path.join(content, str(pub.year))
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, slug + ".md"), "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
    with open(os.path.join(out, "annals.yaml"), "w") as f:
        f.write('title: "Benchmark archive"\nbase_url: "https://example.org/"\n')
    shutil.copy(os.path.join(here, "hugo", "hugo.toml"), os.path.join(out, "hugo.toml"))
    lay = os.path.join(out, "layouts")
    if os.path.exists(lay):
        shutil.rmtree(lay)
    shutil.copytree(os.path.join(here, "hugo", "layouts"), lay)
    sys.stderr.write("gen.py: %d articles, %.1f MB in %s\n" % (n, total / 1e6, content))


if __name__ == "__main__":
    main()
