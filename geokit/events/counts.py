"""Numbers of people and things in news text, with what they count.

Why: "Eighty-five Syrian soldiers", "at least 14 lower-ranking officers", "a group of 293
refugees", "dozens of soldiers", "more than 35,000 civilians" are the figures analysts
compare across reports, so each needs a value, a label and the qualifier the report used.

Choices (documented here, used everywhere):

- Values are ints, or ``(low, high)`` ranges for vague quantities: "a couple of" (2, 3),
  "a few" (2, 5), "several" / "a handful of" (3, 9), "a dozen" 12, "dozens of" (24, 99)
  (at least two dozen, fewer than a hundred), "scores of" (40, 199), "hundreds of"
  (200, 999), "thousands of" (2000, 9999), "tens of thousands of" (20000, 99999),
  "hundreds of thousands of" (200000, 999999), "millions of" (2000000, 9999999).
- Qualifiers ("at least", "more than", "nearly", "about", "up to"...) are kept beside the
  value, never folded into it: "at least 14" is 14 with qualifier "at least".
- A figure needs a head noun from the lexicon below within four words ("14 lower-ranking
  officers"); bare numbers (years, distances, prices, "300-member") are not counts.
- "a/an/one/another <person or aircraft noun>" counts 1 ("a Syrian Air Force pilot").
- Lists of ranks are summed into "officers": "two generals and a colonel" -> officers 3
  (each rank is kept too: generals 2, colonels 1).
- "a group of N ..." and "a total of N ..." are labelled "group" (the whole party).
- Values above ``MAX_COUNT`` are dropped with a warning rather than passed on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_COUNT = 1_000_000_000

Value = int | tuple[int, int]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
VAGUE = {
    "a couple of": (2, 3), "a few": (2, 5), "several": (3, 9), "a handful of": (3, 9), "a dozen": 12,
    "a few dozen": (24, 60), "several dozen": (36, 108), "a few hundred": (200, 500),
    "several hundred": (300, 900), "a few thousand": (2000, 5000), "several thousand": (3000, 9000),
    "dozens of": (24, 99), "scores of": (40, 199), "hundreds of": (200, 999), "thousands of": (2000, 9999),
    "tens of thousands of": (20000, 99999), "hundreds of thousands of": (200000, 999999),
    "millions of": (2000000, 9999999),
}

# Head nouns -> labels. General news vocabulary for people, ranks and hardware.
LABELS: dict[str, str] = {}
for _label, _words in {
    "soldiers": (
        "soldier soldiers troop troops serviceman servicemen conscript conscripts marine marines "
        "recruit recruits commando commandos paratrooper paratroopers gendarme gendarmes"
    ),
    "officers": "officer officers",
    "pilots": "pilot pilots airman airmen",
    "defectors": "defector defectors deserter deserters",
    # ("asylum seekers" unhyphenated: its head noun)
    "refugees": "refugee refugees asylum-seeker asylum-seekers seekers migrant migrants",
    "civilians": "civilian civilians",
    "people": (
        "people persons person individuals residents villagers men women students workers teachers "
        "journalists activists worshippers pilgrims tourists passengers nurses doctors employees farmers "
        "supporters opponents suspects prisoners detainees hostages victims bystanders mourners patients "
        "inhabitants locals citizens evacuees returnees arrivals newcomers idps "
        # movers news counts by what they are (foreigners evacuated, medics freed, travellers arriving)
        "foreigners expatriates expats medics travellers travelers holidaymakers pupils schoolchildren "
        "survivors guests athletes fans "
        # IDMC counts "internal displacements", DTM flow monitoring "movements" (of people, one each)
        "displacements movements "
        # people violence news counts by trade or by what they are accused of
        "traders vendors herders herdsmen miners fishermen drivers shoppers traffickers smugglers criminals "
        "robbers thieves kidnappers"
    ),
    # children are counted apart ("3,500 children were among 9,000 people who crossed": both figures kept)
    "children": "children",
    "police": "policeman policemen gendarmes",
    "families": "family families",
    "fighters": "fighter fighters rebel rebels militant militants insurgent insurgents gunmen gunman bandits "
                "jihadists militiamen",
    "members": "member members",
    "participants": "participant participants delegate delegates attendee attendees representatives",
    "observers": "observer observers monitor monitors",
    "protesters": "protester protesters protestor protestors demonstrator demonstrators",
    "helicopters": "helicopter helicopters",
    "aircraft": "jet jets warplane warplanes plane planes aircraft drone drones",
    "batteries": "battery batteries",
    "missiles": "missile missiles rocket rockets",
    "camps": "camp camps",
    "homes": "home homes house houses dwellings shelters tents",
    # "1,020 HH": the agencies' table abbreviation of households (upper case only, see _label_of)
    "households": "household households HH",
}.items():
    for _w in _words.split():
        LABELS[_w] = _label
# Nouns that count 1 after "a/an/one/another" (people and aircraft, not things in general).
SINGULAR_OK = {
    "soldier", "troop", "serviceman", "conscript", "officer", "pilot", "airman", "defector", "deserter",
    "refugee", "civilian", "person", "fighter", "rebel", "helicopter", "jet", "warplane", "plane", "aircraft",
    "drone", "member", "observer",
}
RANKS = {"general": "generals", "colonel": "colonels", "major": "majors", "lieutenant": "lieutenants",
         "captain": "captains", "brigadier": "generals", "commander": "commanders", "sergeant": "sergeants"}
# Label families compared as one when linking (the whole party vs its description).
FAMILIES = {"group": "people", "people": "people", "refugees": "people", "civilians": "people",
            "children": "people", "families": "people", "troops": "soldiers"}
PERSON_LABELS = {
    "soldiers", "officers", "pilots", "defectors", "refugees", "civilians", "people", "families", "fighters",
    "children", "members", "participants", "observers", "protesters", "group", "generals", "colonels",
    "majors", "lieutenants", "captains", "commanders", "sergeants", "killed", "wounded", "police",
}
MILITARY_LABELS = {
    "soldiers", "officers", "pilots", "defectors", "generals", "colonels", "majors", "lieutenants",
    "captains", "commanders", "sergeants",
}

_WORD_NUM = "(?:" + "|".join(sorted(list(_UNITS) + ["hundred", "thousand", "million", "billion"],
                                    key=len, reverse=True)) + ")"
_WORD_NUMS = rf"{_WORD_NUM}(?:(?:[\s-]+|\s+and\s+){_WORD_NUM})*"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s*(?:million|thousand|billion|bn|m|k)\b)?"
_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
QUALIFIERS = ("at least", "at most", "more than", "over", "nearly", "almost", "about", "around", "some",
              "roughly", "approximately", "up to", "as many as", "fewer than", "less than", "under",
              "close to", "an estimated", "estimated", "just over", "just under", "well over")
_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
# "half a million", "a quarter of a million", "three quarters of a million", "a million"
_FRACTION = (
    r"(?:(?:a\s+|one[\s-])?half(?:\s+of)?\s+a|(?:a\s+|one[\s-])?quarter(?:\s+of)?\s+a|three[\s-]quarters\s+of\s+a|a)"
    r"\s+(?:million|billion)"
)
_FRACTION_VALUE = {"half": 0.5, "quarter": 0.25, "quarters": 0.75}
_NUMBER = re.compile(
    rf"(?<![\w$£€.,-])(?:(?P<q>{_QUAL})\s+)?(?P<num>(?:{_VAGUE})(?=\s)|{_FRACTION}|(?:{_DIGITS}){_SCALE}|{_WORD_NUMS})"
    r"(?![\w%])", re.I)
# "a 22-member team", "a 40-strong delegation": the size of a travelling group of people (a parliament's, a
# council's or a standing mission's size is no group that moves, so only these heads)
_GROUP_SIZE = re.compile(
    r"-(?:member|strong|man|person|people)\s+(?:[\w-]+\s+){0,3}?(?:teams?|delegations?|crews?|"
    r"contingents?|convoys?|squads?|parties|party|groups?|units?|battalions?|brigades?|task\s+forces?)\b",
    re.I)
_RANGE = re.compile(
    rf"(?<![\w$£€.,-])(?:between\s+)?(?P<a>{_DIGITS}|{_WORD_NUMS})\s*(?:-|–|to|and)\s*(?P<b>{_DIGITS}|{_WORD_NUMS})(?![\w%])",
    re.I,
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|[^\sA-Za-z]")
_STOP = {
    "and", "or", "but", "who", "that", "which", "were", "was", "are", "is", "have", "has", "had", "in",
    "into", "to", "from", "with", "by", "at", "on", "for", "as", "of", "the", "their", "his", "her", "its",
    "them", "they", "it", "be", "been", "will", "would", "said", "says", "than", "per", "a", "an", "among",
}
_SINGULAR = re.compile(r"\b(?P<art>[Aa]n?|[Oo]ne|[Aa]nother|[Aa] single)\s+")
_RANK = re.compile(
    r"\b(?:(?P<pre>brigadier|major|lieutenant)[\s-]+)?(?P<rank>general|colonel|major|lieutenant|captain|brigadier|"
    r"commander|sergeant)(?P<pl>s)?\b(?!-)", re.I)
_KILLED_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:were|was|have been|had been)?\s*(killed|dead|died|wounded|injured)\b", re.I
)
# "shot dead two men", "beat to death three suspects": a lethal verb before the figure counts deaths
_KILLED_BEFORE = re.compile(
    r"\b(killed|killing|wounded|wounding|injured|injuring|shot\s+dead|shot\s+and\s+killed|gunned\s+down|"
    r"(?:beat|hacked|stabbed|burned|burnt|stoned)\s+to\s+death|lynched|executed|murdered|massacred|"
    r"assassinated|beheaded|beheading|executing|slaughtered|massacring|lynching)\s+(?:at\s+least\s+)?$", re.I)
# "the floods have affected 50,000 people": people affected are not the people displaced or evacuated that the
# same sentence counts; the figure keeps its own unit, "affected"
_AFFECTED_BEFORE = re.compile(r"\b(?:affected|affecting|affects|affect)\s+$", re.I)
_VICTIMS = re.compile(
    rf"\b(killed|killing|wounded|wounding|injured|injuring)\s+(?:(?P<q>at least|some|about|nearly)\s+)?"
    rf"(?P<num>{_DIGITS}|{_WORD_NUMS})\b(?!\s+(?:[\w-]+\s+){{0,3}}?(?:people|soldiers|civilians|children|"
    rf"women|men|troops|fighters|rebels|members|persons))",
    re.I,
)
_DEAD_AFTER = re.compile(
    rf"(?<![\w$£€.,-])(?:(?P<q>at\s+least|some|about|nearly|more\s+than|over)\s+)?(?P<num>{_DIGITS}|{_WORD_NUMS})\s+"
    rf"(?:people\s+|others\s+|more\s+)?(?P<state>dead|wounded|injured|hurt)\b"
    rf"|\bdeath\s+toll\b[^.;]{{0,60}}?\b(?:rose|risen|rises|climbed|reached|stood|stands|is|was|of|at)\s+(?:to\s+)?"
    rf"(?:at\s+least\s+)?(?P<toll>{_DIGITS}|{_WORD_NUMS})\b(?!\s*%)", re.I)
_DEAD_PAIR = re.compile(
    rf"\b(?:leaving|left)\s+(?P<a>{_DIGITS}|{_WORD_NUMS})\s+(?:(?!injured|wounded|hurt)[\w-]+\s+){{1,2}}?and\s+"
    rf"(?P<b>{_DIGITS}|{_WORD_NUMS})\s+(?:[\w-]+\s+){{1,2}}?dead\b", re.I)
_VERBS_AFTER = {
    "flew", "fled", "said", "came", "went", "took", "made", "left", "got", "ran", "sought", "swam", "drove",
    "crept", "hid", "fought", "was", "were", "is", "has", "had", "who", "which", "whose", "whom", "also",
    "reportedly", "later", "then", "now", "apparently", "allegedly", "himself", "herself",
}
_APPOSITIVE = re.compile(r"^,?\s+all(?:\s+of\s+them)?\s+(?:[\w-]+\s+){0,2}?(?P<head>[a-z]+s)\b")
_DEMONYM_PLURAL = re.compile(
    r"^[A-Z][a-z]+(?:ans|is|ese)$|^(?:Turks|Kurds|Arabs|Afghans|Druze|Bedouins|Palestinians)$"
)


@dataclass(slots=True)
class Count:
    """One figure in a text: value (int or range), label, qualifier and where it was read."""

    start: int
    end: int
    text: str
    value: Value
    label: str
    qualifier: str = ""
    derived: bool = False  # summed from a list of ranks

    def json_value(self) -> int | list[int]:
        return list(self.value) if isinstance(self.value, tuple) else self.value

    def describe(self) -> str:
        v = f"{self.value[0]}-{self.value[1]}" if isinstance(self.value, tuple) else f"{self.value:,}"
        return f"{self.label}: {self.qualifier + ' ' if self.qualifier else ''}{v} ({self.text.strip()!r})"


# --------------------------------------------------------------------- numbers


def parse_number(text: str) -> Value | None:
    """The value of a written number: "Eighty-five" 85, "35,000", "3.5 million", "dozens of" (24, 99)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    t = " ".join(text.lower().replace("-", " ").split())
    if not t:
        return None
    vague = text.lower().strip()
    vague = " ".join(vague.split())
    if vague in VAGUE:
        return VAGUE[vague]
    if vague + " of" in VAGUE:
        return VAGUE[vague + " of"]
    if re.fullmatch(_FRACTION, vague, re.I):
        part = next((w for w in ("quarters", "quarter", "half") if w in t.split()), None)
        return int(_FRACTION_VALUE.get(part or "", 1.0) * _SCALES[t.split()[-1]])
    m = re.fullmatch(rf"({_DIGITS})\s*(million|thousand|billion|bn|m|k)?", text.strip(), re.I)
    if m:
        num = float(m.group(1).replace(",", ""))
        if m.group(2):
            num *= _SCALES[m.group(2).lower()]
        return int(round(num))
    total, current, seen = 0, 0, False
    for word in t.split():
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in ("thousand", "million", "billion"):
            total += (current or 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


# --------------------------------------------------------------------- finding counts


_GROUP_VERB_AFTER = re.compile(
    r"\s+(?:have|has|had|were|are|who|fled|crossed|arrived|returned|entered|left|escaped|poured|streamed|reached|"
    r"remain|remained|live|lived|died|drowned|sought|took|made)\b")


def _label_of(word: str) -> str | None:
    if word in LABELS:
        return LABELS[word]
    low = word.lower()
    if low in LABELS and low not in ("major", "general"):
        return LABELS[low]
    if _DEMONYM_PLURAL.match(word):
        return "people"
    return None


def _head_after(text: str, pos: int, max_mods: int = 4) -> tuple[str, str, int] | None:
    """(label, head word, end) of the head noun after a number, skipping up to ``max_mods`` modifiers."""
    mods = 0
    for tok in _TOKEN.finditer(text, pos):
        w = tok.group()
        if not w[0].isalpha():
            return None
        label = _label_of(w)
        if label:
            return label, w, tok.end()
        if mods == 0 and w[0].isupper() and w[1:].islower() and _GROUP_VERB_AFTER.match(text, tok.end()) \
                and not re.search(r"(?<![\d,.])(?:1[89]|20)\d\d\s*$", text[max(0, pos - 8):pos]):
            # "500,000 Rohingya have fled", "300 Yazidi crossed": a people's name
            return "people", w, tok.end()
        if w.lower() in _STOP or w.lower().rstrip("s") in RANKS:
            return None
        mods += 1
        if mods > max_mods:
            return None
    return None


def _prefix_label(text: str, start: int) -> str | None:
    before = text[max(0, start - 16):start].lower()
    if re.search(r"\b(?:group|party|convoy|total|batch)\s+of\s+$", before):
        return "group"
    return None


# "the number of people who have fled X ... now stands at 950,000", "the total number of IDPs rose to N":
# the figure after the verb counts the noun after "number of"
# (and "the revised figure of people displaced ... now stands at 7,600", "... was revised downward to N")
_STOCK_VERB = (
    r"(?:stands?|stood|rose|has\s+risen|had\s+risen|reached|has\s+reached|had\s+reached|climbed|has\s+climbed|"
    r"increased|jumped|grew|totall?ed|topped|doubled|tripled|trebled|quadrupled|swelled|surged|soared|fell|"
    r"dropped|decreased|declined|(?:(?:is|was|were|has\s+been|had\s+been)\s+)?revised"
    r"(?:\s+(?:sharply\s+)?(?:downwards?|upwards?|down|up))?|(?:is|was)\s+(?:now\s+)?(?:estimated\s+)?)"
)
_NUMBER_OF = re.compile(
    r"\b(?:number|total|figure|tally|count)\s+of\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[A-Za-z]+)\b[^.;:!?]{0,140}?\b"
    + _STOCK_VERB + r"\s+(?:now\s+)?(?:at|to)?\s*(?P<q>about|around|some|nearly|"
    r"almost|over|more\s+than|at\s+least|an\s+estimated|roughly|approximately)?\s*"
    r"(?P<num>(?:\d[\d,.]*\d|\d)(?:\s+(?:million|thousand)\b)?)\b"
    r"(?!\s*(?:%|per\s*cent|percent))", re.I)

# "cross-border arrivals into Chad reached 600,000", "IDPs in the district now total 41,000": a stock whose
# movers are the subject; the figure after the verb counts them
_MOVERS_TOTAL = re.compile(
    r"\b(?P<noun>arrivals|returnees|IDPs|refugees|evacuees|asylum-seekers|migrants|households|families)\b"
    r"(?:\s+(?:into|to|in|from|at|of)\s+[^.;:!?,]{0,40}?)?\s+(?:(?:have|has|had)\s+)?(?:now\s+)?"
    r"(?:reached|rose\s+to|risen\s+to|climbed\s+to|stood\s+at|stand\s+at|total(?:l?ed)?|topped|surpassed|"
    r"exceeded|passed)\s+(?P<q>about|around|some|nearly|almost|over|more\s+than|at\s+least|an\s+estimated|"
    r"roughly|approximately)?\s*(?P<num>(?:\d[\d,.]*\d|\d)(?:\s+(?:million|thousand)\b)?)\b"
    r"(?!\s*(?:%|per\s*cent|percent))", re.I)


def find_counts(text: str, offset: int = 0, warnings: list[str] | None = None) -> list[Count]:
    """Every labelled figure in ``text``, in order; spans are shifted by ``offset``."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    out: list[Count] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _RANGE.finditer(text):
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if not isinstance(a, int) or not isinstance(b, int) or a >= b:
            continue
        head = _head_after(text, m.end())
        if head:
            label = _prefix_label(text, m.start()) or head[0]
            out.append(Count(m.start() + offset, head[2] + offset, text[m.start():head[2]], (a, b), label))
            taken.append((m.start(), head[2]))
    for m in _DEAD_PAIR.finditer(text):  # "leaving two soldiers and five rebels dead": both sides' dead
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if isinstance(a, int) and isinstance(b, int) and a + b <= MAX_COUNT and free(m.start(), m.end()):
            span = text[m.start("a"):m.end()]
            out.append(Count(m.start("a") + offset, m.end() + offset, span, a + b, "killed"))
            taken.append((m.start(), m.end()))
    for m in _DEAD_AFTER.finditer(text):  # "leaving 61 dead and 120 wounded", "the death toll rose to 276"
        g = "num" if m.group("num") else "toll"
        value = parse_number(m.group(g))
        year = g == "num" and re.fullmatch(r"(?:1[89]|20)\d\d", m.group(g))
        if isinstance(value, int) and not year and free(m.start(g), m.end(g)) and value <= MAX_COUNT:
            word = (m.group("state") or "dead").lower()
            label = "wounded" if word.startswith(("wound", "injur", "hurt")) else "killed"
            out.append(Count(m.start(g) + offset, m.end() + offset, text[m.start(g):m.end()], value, label,
                             (m.group("q") or "").lower()))
            taken.append((m.start(g), m.end()))
    for m in (*_NUMBER_OF.finditer(text), *_MOVERS_TOTAL.finditer(text)):
        value = parse_number(m.group("num"))
        label = _label_of(m.group("noun"))
        if not label and m.re is _NUMBER_OF:  # "the number of displaced people": the noun after its modifier
            label = next((lb for w in re.findall(r"[A-Za-z-]+", text[m.end("noun"):m.end("noun") + 30])[:2]
                          if (lb := _label_of(w))), None)
        if isinstance(value, int) and label and free(m.start("num"), m.end("num")) and value <= MAX_COUNT \
                and not re.fullmatch(r"(?:1[89]|20)\d\d", m.group("num")):
            out.append(Count(m.start("num") + offset, m.end("num") + offset, m.group("num"), value, label,
                             (m.group("q") or "").lower()))
            taken.append((m.start("num"), m.end("num")))
    for m in _NUMBER.finditer(text):
        if not free(m.start(), m.end()):
            continue
        if (
            m.end() < len(text)
            and text[m.end()] == "-"
            and m.end() + 1 < len(text)
            and text[m.end() + 1].isalpha()
        ):
            size = _GROUP_SIZE.match(text, m.end())
            if size is not None and isinstance(parse_number(m.group("num")), int):
                # "a 22-member team arrived": the size of a group of people is their figure
                out.append(Count(m.start() + offset, size.end() + offset, text[m.start():size.end()],
                                 parse_number(m.group("num")), "members", (m.group("q") or "").lower()))
                taken.append((m.start(), size.end()))
            continue  # "300-member", "two-day": a compound modifier, not a count
        if re.search(r"[$£€]\s*$", text[max(0, m.start() - 2):m.start()]):
            continue
        value = parse_number(m.group("num"))
        if value is None:
            continue
        if isinstance(value, int) and value > MAX_COUNT:
            if warnings is not None:
                warnings.append(f"figure {m.group().strip()!r} is out of range (> {MAX_COUNT:,}); ignored")
            continue
        head = _head_after(text, m.end())
        if head is None:
            continue
        label = _prefix_label(text, m.start()) or head[0]
        if label in RANKS.values():
            continue  # ranks are read by _rank_counts
        after = text[head[2]:head[2] + 40]
        before = text[max(0, m.start() - 20):m.start()]
        km = _KILLED_AFTER.match(after) or _KILLED_BEFORE.search(before)
        if km and label in PERSON_LABELS:
            label = "wounded" if km.group(1).lower().startswith(("wound", "injur")) else "killed"
        elif label in PERSON_LABELS and _AFFECTED_BEFORE.search(before):
            label = "affected"
        q = (m.group("q") or "").lower()
        out.append(Count(m.start() + offset, head[2] + offset, text[m.start():head[2]], value, label, q))
        taken.append((m.start(), head[2]))
        app = _APPOSITIVE.match(text[head[2]:head[2] + 60])
        if app and _label_of(app.group("head")) and _label_of(app.group("head")) != label:
            e = head[2] + app.end()
            out.append(
                Count(
                    m.start() + offset, e + offset, text[m.start() : e], value, _label_of(app.group("head")),
                    q,
                )
            )
    for m in _VICTIMS.finditer(text):
        value = parse_number(m.group("num"))
        if isinstance(value, int) and free(m.start("num"), m.end("num")) and value <= MAX_COUNT:
            label = "killed" if m.group(1).lower().startswith("kill") else "wounded"
            out.append(Count(m.start("num") + offset, m.end("num") + offset, m.group("num"), value, label,
                             (m.group("q") or "").lower()))
            taken.append((m.start("num"), m.end("num")))
    for m in _SINGULAR.finditer(text):
        if not free(m.start(), m.end()):
            continue
        head = _head_after(text, m.end(), max_mods=3)
        if head is None or head[1].lower() not in SINGULAR_OK:
            continue
        nxt = re.match(r"\s+([a-z][a-z'-]*)", text[head[2]:head[2] + 24])
        if (
            nxt
            and nxt.group(1) not in _STOP
            and nxt.group(1) not in _VERBS_AFTER
            and not nxt.group(1).endswith(("ed", "s"))
        ):
            continue  # "a rebel force", "a rebel spokesman": the noun modifies another
        if not free(m.start(), head[2]):
            continue
        out.append(Count(m.start() + offset, head[2] + offset, text[m.start():head[2]], 1, head[0]))
        taken.append((m.start(), head[2]))
    out.extend(_rank_counts(text, offset, taken))
    out.sort(key=lambda c: (c.start, c.derived))
    return out


def _rank_counts(text: str, offset: int, taken: list[tuple[int, int]]) -> list[Count]:
    """Ranks with their numbers ("two colonels", "a general"); lists of ranks summed into officers."""
    items: list[tuple[int, int, int, str, bool]] = []  # start, end, n, label, bare
    for m in _RANK.finditer(text):
        rank = m.group("rank").lower()
        plural = bool(m.group("pl"))
        if rank in ("major", "general") and not plural and not m.group("pre"):
            nxt = text[m.end():m.end() + 12]
            if re.match(r"\s+[a-z]", nxt) and not re.match(
                r"\s+(?:and|or|were|was|who|had|have|from|with|in|is)\b", nxt
            ):
                continue  # "major world powers", "general public": adjectives
        if (
            not plural
            and not m.group("pre")
            and m.group("rank")[0].isupper()
            and m.start() > 0
            and text[m.start() - 1] == " "
            and not re.search(
                r"(?:^|[\s,])(?:a|an|one|another|the)\s+(?:\w+\s+){0,2}$",
                text[max(0, m.start() - 40) : m.start()],
                re.I,
            )
        ):
            # a capitalised title before a name ("General Smith") is not a count
            if re.match(r"\s+[A-Z]", text[m.end():m.end() + 3]):
                continue
        before = text[max(0, m.start() - 40):m.start()]
        num = re.search(rf"(?<![\w.,])(?:(?P<num>{_DIGITS}|{_WORD_NUMS})|(?P<art>\b(?:a|an|one|another)))\s+"
                        rf"(?:(?!(?:a|an|the|one|another|and|or|of)\s)[\w-]+\s+){{0,2}}$", before, re.I)
        if (
            num
            and num.group("num")
            and re.search(
                r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+$", before[: num.start()]
            )
        ):
            num = None  # "June 24 a general": a date, not a number of generals
        start = m.start()
        bare = True
        n = 1
        if num and not re.search(
            r"\b(?:and|or|who|were|was|of)\s", num.group()[len(num.group(1) or num.group(2) or "") :]
        ):
            if num.group("num"):
                v = parse_number(num.group("num"))
                if isinstance(v, int):
                    n, bare = v, False
                    start = m.start() - (len(before) - num.start())
            else:
                bare = False
                start = m.start() - (len(before) - num.start())
        elif plural:
            continue  # "generals" with no number
        label = RANKS[rank if not m.group("pre") or rank != "general" else "general"]
        items.append((start, m.end(), n, label, bare))
    out: list[Count] = []
    i = 0
    while i < len(items):
        j = i
        while j + 1 < len(items) and re.fullmatch(
            r"\s*(?:,\s*)?(?:and\s+)?", text[items[j][1] : items[j + 1][0]], re.I
        ):
            j += 1
        run = items[i:j + 1]
        for s, e, n, label, bare in run:
            if not bare or len(run) > 1:
                out.append(Count(s + offset, e + offset, text[s:e], n, label))
        if len(run) > 1:
            s, e = run[0][0], run[-1][1]
            out.append(
                Count(s + offset, e + offset, text[s:e], sum(r[2] for r in run), "officers", derived=True)
            )
        i = j + 1
    return [c for c in out if all(c.end - offset <= a or c.start - offset >= b for a, b in taken)]


def counts_dict(counts: list[Count]) -> dict[str, int | list[int]]:
    """Label -> value, the first figure of each label winning; an explicit figure beats a summed one."""
    out: dict[str, int | list[int]] = {}
    derived: dict[str, int | list[int]] = {}
    for c in counts:
        target = derived if c.derived else out
        target.setdefault(c.label, c.json_value())
    for k, v in derived.items():
        out.setdefault(k, v)
    return out


# --------------------------------------------------------------------- comparing figures


def as_range(v) -> tuple[int, int]:
    if isinstance(v, list | tuple):
        return int(v[0]), int(v[1])
    return int(v), int(v)


def compare(a, b) -> str:
    """How two figures for the same label relate: equal, close, within, overlap or conflict."""
    if isinstance(a, list | tuple) or isinstance(b, list | tuple):
        (a0, a1), (b0, b1) = as_range(a), as_range(b)
        if (a0, a1) == (b0, b1):
            return "equal"
        if a0 == a1 or b0 == b1:
            x, (lo, hi) = (a0, (b0, b1)) if a0 == a1 else (b0, (a0, a1))
            return "within" if lo <= x <= hi else "conflict"
        return "overlap" if a0 <= b1 and b0 <= a1 else "conflict"
    a, b = int(a), int(b)
    if a == b:
        return "equal"
    hi = max(a, b)
    if min(a, b) >= 10 and abs(a - b) <= max(2, 0.1 * hi):
        return "close"
    return "conflict"


def show(v) -> str:
    """A figure as a reader writes it: 85, or [24, 99]."""
    if isinstance(v, list | tuple):
        return f"[{v[0]}, {v[1]}]"
    return str(v)
