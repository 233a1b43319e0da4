"""Who a trigger's clause is about, for the event reader: the actor phrase and its head ("the defectors
who ..."), ACLED's actor1/actor2, a bare figure as the subject ("another 6,000 have fled"), and subjects
that cannot move (things, animals). Pure text functions, kept apart from ``reader`` so each stays small.
"""

from __future__ import annotations

import re

from geokit.events.causes import not_mover_pattern
from geokit.events.clauses import _REPORT_FRAME
from geokit.events.counts import LABELS, Count, parse_number
from geokit.events.triggers import Trigger
from geokit.events.wording import wording
from geokit.parsing.dates import DateRef

_SUBORDINATOR = re.compile(r"(?:^|\s)(?:that|as|when|while|after|because|whereas|since|although|which|whom|"
                           r"according to which)\s+", re.I)
_LEAD_BEFORE_SUB = re.compile(r"[\s,]*(?:(?:on\s+or\s+around|around|on)\s+(?:\([^)]{0,30}\)\s*)?,\s*)?"
                              r"(?:(?:\w+\s+)?(?:hours|days|weeks|months)|just|shortly|soon)?\s*", re.I)
_PRONOUN = re.compile(r"^(?:it|they|he|she|we|them)$", re.I)
_RELATIVE_HEAD = re.compile(r"([\w’'-]+(?:\s+[\w’'-]+){0,3})\s+(?:who|that|which)\s*$", re.I)
_LEADING_ADVERB = re.compile(r"^(?:[A-Z][a-z]+ly|However|Meanwhile|Also|Still|Besides|Then|Now|Earlier|Later|"
                             r"And|But|So)\b,?\s*")
_TRAILING_AUX = re.compile(
    r"(?:\s+(?:have|has|had|were|was|are|is|been|also|reportedly|allegedly|all|then|now|once again|again|who|"
    r"which|that|to|accidentally|apparently))+$", re.I)
_DATELINE_PREFIX = re.compile(
    r"^[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?\s*(?:\([^)]{0,40}\)\s*)?"
    r"[—–-]{1,2}\s*"
)


def _actor(
    text: str, scope_start: int, trig: Trigger, scope_end: int, dates: list[DateRef]
) -> tuple[str, str, int]:
    """(who, head, start): the actor phrase, the noun phrase that decides anaphora, where the phrase starts.

    Verbs take their subject (after any reporting frame "X said that"); a pronoun subject
    falls back to the reporting source ("Turkey's Defense Ministry said it scrambled");
    nouns take their of/by phrase ("downing of a Turkish military plane by Syrian gunners").
    """
    if trig.noun:
        after = text[trig.end:scope_end].replace("\n", " ")
        m = re.match(r"\s*(?:(?:of|by|in|with|between|among)\s+[^,;.]{1,100})", after)
        return " ".join((trig.text + (m.group() if m else "")).split())[:160], "", trig.start
    raw = text[scope_start:trig.start]
    for d in dates:
        if scope_start <= d.start and d.end <= trig.start and not (  # "two days after": its clause follows
                d.kind == "anaphoric" and re.search(r"\b(?:after|before)$", d.text, re.I)):
            a, b = d.start - scope_start, d.end - scope_start
            raw = raw[:a] + " " * (b - a) + raw[b:]
    seg = raw
    frame_subject = ""
    seg_start = scope_start
    frames = list(_REPORT_FRAME.finditer(seg))
    if frames:
        frame_subject = _clean_subject(seg[:frames[-1].start()])
        seg = seg[frames[-1].end():]
        seg_start = scope_start + frames[-1].end()
    head_m = _RELATIVE_HEAD.search(seg)
    subs = list(_SUBORDINATOR.finditer(seg))
    if subs and not (head_m and subs[-1].start() >= head_m.end(1)):
        rest = seg[subs[-1].end():]
        skip = subs[-1].end()
        if "," in rest and _LEAD_BEFORE_SUB.fullmatch(seg[:subs[-1].start()]):
            # "On 5 June, two days after an ambush near X, rebels clashed": the subject follows the lead
            skip += rest.index(",") + 1
        seg_start += skip
        seg = seg[skip:]
    who = _clean_subject(seg)
    if head_m:
        head = " ".join(head_m.group(1).split())
        who = re.sub(r"\s+(?:who|that|which)$", "", who)
    else:
        head = who
    if _PRONOUN.match(who) and frame_subject:
        who = frame_subject
        seg_start = scope_start
    if not who:
        after = text[trig.end:scope_end].replace("\n", " ")
        m = re.match(r"\s*(?:by)\s+[^,;.]{1,100}", after)
        if m:
            who = " ".join(m.group().split()[1:])
    return who[:160], head, seg_start


def _clean_subject(seg: str) -> str:
    seg = re.sub(r"^[\s,;:—–-]+", "", seg.replace("\n", " "))
    seg = _DATELINE_PREFIX.sub("", seg)
    # a masked lead date ("On 12 March 2024 (as reported), ..."): its preposition and ACLED's note
    seg = re.sub(r"^(?:on\s+or\s+around|around|on|between)\s+"
                 r"(?:\((?:as\s+reported|month\s+of|week\s+of)\)\s*)?,\s*", "", seg, flags=re.I)
    if re.match(r"(?:(?:\w+\s+)?(?:hours|days|weeks|months)\s+)?(?:since|after|when|while|as|although|"
                r"because|if|once|before)\b", seg, re.I) and "," in seg:
        seg = seg[seg.index(",") + 1:]  # "Since the uprising began in 2011, thousands ...": the main clause
    # "In Beirut, hundreds ...", "in X town (Admin2, Admin1), rebels ..."
    seg = re.sub(r"^(?:in|at|near|from)\s+(?:[^,()]|\([^()]{0,60}\)){1,80}?,\s*", "", seg, flags=re.I)
    done = list(_DONE_AND.finditer(seg))
    if done:
        # "The army pulled out of X and rebels took ...": the subject of the second clause; "police
        # dismantled a camp and seized ...": one subject for both verbs
        seg = seg[done[-1].end():] if seg[done[-1].end():].strip() else re.sub(
            r"\s+\w+\s+and\s*$", "", seg[:done[0].start()])  # "soldiers found and destroyed ...": soldiers
    # "gunmen shot and killed": the subject before the first verb
    seg = re.sub(r"\s+(?:\w+ed|shot|beat|hit|struck|took|caught)\s+and\s*$", "", seg)
    cut = list(re.finditer(r",\s+(?:with|while|but)\s+|\bwith\s+", seg))
    if cut:
        seg = seg[cut[-1].end():]
    for _ in range(3):
        seg = re.sub(
            r"^(?:(?:and|but|or|while|as|after|when|then|on|in|since|by|later|earlier)\b|[\s,;:—–-])+", "",
            seg.strip(), flags=re.I,
        )
    seg = _LEADING_ADVERB.sub("", seg.strip(" ,;:“”\"‘’'"))
    seg = _TRAILING_AUX.sub("", seg.strip(" ,;:“”\"‘’'"))
    return " ".join(seg.split()).strip(" ,;:“”\"‘’'")

_NOT_MOVER = re.compile(r"\b" + not_mover_pattern() + r"\b", re.I)
_SUBJECT_HEAD_END = re.compile(r"\b(?:of|from|in|at|whose|who|that|which|with|for|on)\b|[,(]", re.I)
_QUANTITY_OF = re.compile(
    r"\s*(?:the\s+|a\s+)?(?:(?:total|overall|estimated|new|daily|weekly)\s+)?(?:number|total|majority|"
    r"minority|bulk|share|proportion|percentage|half|third|quarter|most|some|many|all|tens\s+of\s+thousands|"
    r"thousands|hundreds|dozens|scores|millions)\s+of\s+", re.I)


def _not_a_mover(subject: str) -> bool:
    """The subject's own noun phrase (before 'of/from/who...') names a thing or an animal, not people."""
    q = _QUANTITY_OF.match(subject)
    if q is not None:  # "the number of people who fled", "the majority of families": the people counted
        subject = subject[q.end():]
    m = _SUBJECT_HEAD_END.search(subject)
    phrase = subject[:m.start()] if m else subject
    return bool(_NOT_MOVER.search(phrase))

_FRACTION = {"a quarter of a million": 250_000, "a quarter million": 250_000, "half a million": 500_000,
             "a half million": 500_000, "three quarters of a million": 750_000, "a million": 1_000_000}
_SINGLE_PERSON = wording("single_person_subject")
_BARE_SUBJECT = re.compile(
    r"(?:^|[,;:]\s+|\b(?:and|but|while|with|after|as|when|once|until|before|said|says|that)\s+)(?:another\s+|some\s+|about\s+|around\s+|nearly\s+|almost\s+|over\s+|"
    r"more\s+than\s+|at\s+least\s+|an\s+estimated\s+|up\s+to\s+|the\s+)?(?P<num>(?:two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty)(?=\s+(?:of\s+(?:the|them|those|these)|have|had|has|were|was|are|is)\b)|(?:a\s+)?quarter\s+(?:of\s+)?a\s+million|"
    r"(?:a\s+)?half\s+a?\s*million|three\s+quarters\s+of\s+a\s+million|\d[\d,.]*(?:\s+(?:million|thousand))?|"
    r"(?:tens\s+of\s+|hundreds\s+of\s+)?thousands|hundreds|dozens|millions)\s+(?:more\s+|others\s+|"
    # "seven of the workers were deported"
    r"(?-i:[A-Z][a-z]+)(?:\s+|(?=,))|of\s+(?:them|those|these)\s+|of\s+the\s+(?:[\w-]+\s+){1,2}?)?"
    # "Some 120 Rohingya, mostly women and children, crossed": an apposition between figure and verb
    r"(?:,\s+(?:mostly|many|most|all|including|among\s+them)\s+[^,;]{1,50},\s+)?"
    r"(?:(?:have|had|has|were|was|are|is)\s+(?:[\w-]+\s+){0,3})?$", re.I)


def _bare_figure(text: str, scope_start: int, trig: Trigger) -> Count | None:
    """ "another 6,000 have fled", "a quarter of a million have been driven from their homes": a figure
    with no noun as the subject of a verb of people (displacement, arrest, attack) counts people."""
    if trig.noun or trig.type not in ("displacement", "flight", "border_crossing", "arrest", "attack",
                                      "camp_placement", "protest"):
        return None
    lead = re.findall(r"[A-Za-z][\w-]*", trig.text)[:2]
    if lead and (lead[0].lower() in LABELS or (lead[0].lower() in ("displaced", "internally", "newly")
                                               and lead[1:] and lead[1].lower() in LABELS)):
        # "640 homes were destroyed", "1,700 displaced households have returned": the trigger starts with
        # the counted noun (or its participle), the figure is not bare
        return _one_person(text, max(scope_start, trig.start - 120), trig)
    lo = max(scope_start, trig.start - 120)
    one = _one_person(text, lo, trig)  # before the bare figure: "a man, 22, was arrested" gives no 22
    if one is not None:
        return one
    m = _BARE_SUBJECT.search(text[lo:trig.start])
    if m is None:
        return None
    raw = " ".join(m.group("num").lower().split())
    if re.fullmatch(r"(?:19|20)\d\d", raw):
        return None  # "in 2011 fled": a year, not a figure
    value = (
        _FRACTION.get(raw if raw.startswith(("a ", "three")) else "a " + raw)
        if "quarter" in raw or "half" in raw
        else parse_number(raw)
    )
    if value is None or isinstance(value, float) or (isinstance(value, int) and not 0 < value < 100_000_000):
        return None
    a = lo + m.start("num")
    label = "arrested" if trig.type == "arrest" else "people"
    return Count(a, lo + m.end("num"), m.group("num"), value, label)

# "displaced 35,000 in X", "evacuated some 1,200 from Y": the bare object figure of an active verb that moves
# people, followed by a preposition or the clause's end (no noun: "displaced 35,000 people" is read as usual)
_BARE_OBJECT = re.compile(
    r"\s+(?:(?:about|around|some|nearly|almost|over|more\s+than|at\s+least|an\s+estimated|up\s+to|roughly|"
    r"approximately)\s+)?(?P<num>\d[\d,.]*(?<![,.])(?![\d,.]*\d)(?:\s+(?:million|thousand))?)(?=\s*(?:[,.;:)]|$|\s+(?:in|from|across|"
    r"to|into|on|since|between|during|last|this|after|and|as|when|while|over|within|around|near|at|inside|"
    r"throughout|following|by|towards?)\b))", re.I)
_OBJECT_MOVER_VERB = re.compile(
    r"(?:displaced|displacing|uprooted|uprooting|evacuated|evacuating|relocated|relocating|deported|deporting|"
    r"expelled|expelling)$", re.I)


_PASSIVE_VERB = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?\S+$", re.I)


def _bare_object(text: str, trig: Trigger) -> Count | None:
    """ "the floods displaced 35,000 in X": a figure with no noun right after an active verb that moves
    people counts people (agencies drop the noun)."""
    if trig.noun or trig.type not in ("displacement", "flight") or not _OBJECT_MOVER_VERB.search(trig.text):
        return None
    if _PASSIVE_VERB.search(text[max(0, trig.start - 20):trig.end]):
        return None  # passive: "were displaced 3 times" has no object
    m = _BARE_OBJECT.match(text, trig.end)
    if m is None:
        return None
    raw = " ".join(m.group("num").split())
    if re.fullmatch(r"(?:19|20)\d\d", raw):
        return None
    value = parse_number(raw)
    if value is None or isinstance(value, float) or (isinstance(value, int) and not 0 < value < 100_000_000):
        return None
    return Count(m.start("num"), m.end("num"), m.group("num"), value, "people")


def _one_person(text: str, lo: int, trig: Trigger) -> Count | None:
    """ "A 19-year-old man was wounded", "a Dayton woman, 22, was arrested": one person, a count of one."""
    one = _SINGLE_PERSON.search(text, lo, trig.start) if trig.type in ("arrest", "attack") else None
    if one is None:
        return None
    label = "arrested" if trig.type == "arrest" else "people"
    return Count(one.start(), one.end(), one.group().strip(), 1, label)


_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|been|being|be|is|are|get|got)\s+(?:[a-z]+ly\s+|also\s+|later\s+)?$", re.I
)
_AGENT = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?by\s+((?:(?!(?:on|in|at|after|before|for|with|during|near)\b)[\w’'.-]+\s*){1,8})"
)
# a first clause with its own verb and object before "and" + the next subject
_DONE_AND = re.compile(
    r"\b(?:\w+ed|withdrew|left|fled|took|went|came|overran|pulled\s+out)\s+(?:from|out\s+of|of|to|into|the|a|an)"
    r"\b[^;]*?,?\s+and\s+", re.I)
_FIGHT_SUBJECT = re.compile(r"(?:heavy\s+|fierce\s+)?(?:clashes|fighting|battles?|gun\s*battles?|gunfights?)",
                            re.I)
_BETWEEN = re.compile(
    r"\s+between\s+(?P<a>(?:(?!and\b)[\w’'.()-]+\s+){1,6}?)and\s+(?P<b>(?:(?!(?:on|in|at|near|after|before|"
    r"during|over|since|for|that|which|who|killed|left|leaving|took|erupted|broke|were|was|have|has|had|"
    r"continued|resumed|raged)\b)[\w’'.()-]+\s*){1,6})", re.I)
_OBJECT = re.compile(
    r"\s*((?:(?!(?:on|in|at|near|after|before|from|to|into|during|with|and|but|while|as|when|outside|"
    r"inside|since|for|by|who|which|that)\b)[\w’'.-]+\s*){1,8})"
)
_NATURAL = wording("natural_subject")
_DETERMINER_ONLY = re.compile(r"\s*(?:an?|the|this|that|another|one|two|three|several)\s*", re.I)


_WIRE_HEAD = re.compile(r"^\s*[A-Z][A-Z.'’ -]{1,40}[A-Z.](?:,\s*(?:[A-Z][A-Za-z.]+\s*)?(?:\d{1,2}\s*)?)?"
                        r"(?:,\s*\d{4}\s*)?(?:\([^)]{0,40}\)\s*)?[—–-]{1,2}\s+")


def _actors(text: str, trig: Trigger, who: str, scope_end: int) -> dict[str, str]:
    """{"actor1": perpetrator, "actor2": target} in ACLED's sense, from the trigger's own clause.

    Active verbs: the subject acts on the object ("gunmen attacked a patrol"). Passive verbs: the
    subject is acted on and the "by" phrase acts ("were detained by police"). Nouns: "by X".
    """
    out: dict[str, str] = {}
    who = _WIRE_HEAD.sub("", who)  # "BOGOTA, Feb 3 (Reuters) - Colombian police": the dateline is no actor
    after = text[trig.end:scope_end].replace("\n", " ")
    agent = _AGENT.match(after)
    agent_text = " ".join(agent.group(1).split()).strip(" ,.;") if agent else ""
    if agent_text and _NATURAL.match(agent_text):
        agent_text = ""
    passive = bool(_PASSIVE_BEFORE.search(text[max(0, trig.start - 30):trig.start])) or \
        trig.text.lower().split()[0] in ("was", "were", "been", "being", "is", "are", "have", "has", "had")
    fight = _FIGHT_SUBJECT.match(who or "")
    pair = (_BETWEEN.match(after) if trig.type == "military_operation" else None) or \
        (_BETWEEN.match(who, fight.end()) if fight else None)
    if pair is not None:
        # "fighting broke out between the army and rebels", "clashes between A and B killed ...": the sides
        out["actor1"] = " ".join(pair.group("a").split())
        out["actor2"] = " ".join(pair.group("b").split()).strip(" ,.;")
        return out
    if trig.noun:
        if agent_text:
            out["actor1"] = agent_text
        return out
    if passive:
        if agent_text:
            out["actor1"] = agent_text
        if who:
            out["actor2"] = who
        return out
    if who and not _DETERMINER_ONLY.fullmatch(who):  # "A car bomb ripped through": no actor named
        out["actor1"] = who
    obj = _OBJECT.match(after)
    if obj and trig.type in ("attack", "military_operation", "arrest", "defection", "meeting"):
        phrase = " ".join(obj.group(1).split()).strip(" ,.;")
        if phrase and not re.match(r"^(?:fire|at|on|and|the)$", phrase, re.I):
            out["actor2"] = phrase
    return out
