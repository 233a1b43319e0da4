"""Event trigger words: general English news vocabulary mapped to event types.

Why a lexicon and rules (no model): the types are few and news wording is formulaic
("defected to", "fled into", "were placed in ... camp", "scrambled jets", "convened a
meeting"), and rules can be read, tested and extended. Each trigger also says whether it
moves people ("out" of an origin, "in" to a destination) and whether it is a verb or a
noun; nouns ("the downing", "a meeting") only count when their clause gives a date or a
place, and hedged verbs ("plan to meet", "would defect", "did not flee", "if ... fled")
are not events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EVENT_TYPES = ("defection", "border_crossing", "camp_placement", "air_incident", "military_deployment",
               "military_operation", "meeting", "protest", "visit")
MOTION_TYPES = ("defection", "border_crossing", "camp_placement")

_MIL_OBJECT = (r"(?:troops|soldiers|tanks|batteries|missiles|missile|rockets|jets|warplanes|planes|aircraft|helicopters|"
               r"artillery|warships|reinforcements|forces|units|armou?r|armou?red\s+vehicles|air\s+defen[cs]es?|"
               r"patriots?|drones|gunships|frigates|fighters|(?:anti-aircraft\s+)?guns|howitzers|cannons|warships|"
               r"ships|vessels|(?:anti-aircraft|air[- ]defen[cs]e)\s+(?:units|systems|batteries))")


@dataclass(frozen=True, slots=True)
class Rule:
    pattern: re.Pattern
    type: str  # event type, or "flight" (defection or crossing, decided by the actor)
    motion: str = ""  # "" | "out" (leaving an origin) | "in" (reaching a destination)
    noun: bool = False  # a noun trigger needs a date or place in its clause
    ambiguous_noun: bool = False  # noun when preceded by a determiner ("a protest")


def _r(p: str) -> re.Pattern:
    return re.compile(p, re.I)


# Order matters: earlier rules win overlapping spans ("crossed into ... airspace" is an air incident).
_CAMP_VERBS = (r"(?:placed|housed|sheltered|settled|taken|moved|transferred|relocated|brought|registered|put|driven|"
               r"bused|bussed|trucked|escorted|sent|accommodated|lodged)")

RULES: tuple[Rule, ...] = (
    Rule(_r(r"\b(?:violated|violating|violation\s+of|crossed\s+into|strayed\s+into|entered|intruded\s+into)\s+"
            r"(?:[\w-]+\s+){0,2}air\s*space\b"), "air_incident"),
    Rule(_r(r"\b(?:shot|shoots|brought|brings|bring|shooting)\s+(?:(?:[\w-]+\s+){1,4})?down\b"), "air_incident"),
    Rule(_r(r"\bdowning\b|\bshoot-?down\b"), "air_incident", noun=True),
    Rule(_r(r"\bdowned\b"), "air_incident", ambiguous_noun=True),
    Rule(_r(rf"\b(?:were|was|have\s+been|has\s+been|had\s+been|are|is|been|being)\s+"
            rf"(?:(?:\w+ly|later|also|then|soon|all|first|since)\s+)?{_CAMP_VERBS}"
            r"\s+(?:[\w-]+\s+){0,4}?(?:in|into|to|at)\b"), "camp_placement", "in"),
    Rule(_r(rf"\b(?:were|was|have\s+been|has\s+been|had\s+been|are|is|been|being)\s+"
            rf"(?:(?:\w+ly|later|also|then|soon|all|first|since)\s+)?{_CAMP_VERBS}\s+there\b"), "camp_placement", "in"),
    Rule(_r(r"\b(?:drove|drives|bused|bussed|took|takes|moved|moves|transferred|brought|escorted|trucked)\s+"
            r"(?:them|him|her|the\s+\w+|those|(?:[\w,’'-]+\s+){1,5}?)\s*(?:\w+\s+)?(?:to|into)\b"), "camp_placement", "in"),
    Rule(_r(r"\b(?:transfer|relocation|resettlement|admission)\s+of\b"), "camp_placement", "in", noun=True),
    Rule(_r(r"(?<=\s)(?:bused|bussed|trucked|driven|taken|moved|transferred)\s+(?:in)?to\b"), "camp_placement", "in"),
    Rule(_r(r"\bdefect(?:ed|s|ing)?\b"), "defection", "out"),
    Rule(_r(r"\bdesert(?:ed|ing)\b"), "defection", "out"),
    Rule(_r(r"\b(?:abandoned|abandoning|quit|left)\s+(?:their|his|her|the)\s+(?:[\w-]+\s+)?(?:posts?|units?|army|ranks|"
            r"positions|barracks|brigades?|battalions?)\b|\bswitched\s+sides\b|\bchanged\s+sides\b"), "defection", "out"),
    Rule(_r(r"\b(?:defection|desertion)\b"), "defection", "out", noun=True),
    Rule(_r(r"\b(?:arrival|influx|exodus)\b"), "border_crossing", "in", noun=True),
    Rule(_r(r"\b(?:fled|flee|flees|fleeing|escaped|escapes|escaping)\b"), "flight", "out"),
    Rule(_r(r"\bslipped\s+out\b"), "flight", "out"),
    Rule(_r(r"\b(?:poured|pour|pours|streamed|stream|streams|flooded|surged|spilled|trekked|swarmed)\s+"
            r"(?:[\w-]+\s+){0,2}?(?:into|across|over|to)\b"), "border_crossing", "in"),
    Rule(_r(r"\bcross(?:ed|es|ing)?\b(?:\s+(?:over|the\s+border|the\s+frontier))?(?:\s+(?:into|to|from))?"),
         "border_crossing", "in"),
    Rule(_r(r"\b(?:entered|enters|enter|entering)\b"), "border_crossing", "in"),
    Rule(_r(r"\b(?:arrived|arrives|arrive|arriving)\b(?:\s+(?:in|at))?"), "border_crossing", "in"),
    Rule(_r(r"\b(?:reached|reach|reaches)\b"), "border_crossing", "in"),
    Rule(_r(r"\b(?:travell?ed|travels|journeyed|headed|went)\s+(?:on\s+)?to\b"), "border_crossing", "in"),
    Rule(_r(r"\bpass(?:ed|es)?\s+(?:into|over\s+into|through)\b"), "border_crossing", "in"),
    Rule(_r(r"\b(?:flew|flown|flies|fly)\b(?!\s+(?:close|closer|near|along|toward|towards)\b)"
            r"(?=(?:\s+[\w’'-]+){0,7}\s+(?:into|to|across)\b)"), "border_crossing", "in"),
    Rule(_r(r"\b(?:slipped|sneaked|snuck|smuggled|crept|walked|walk|walks|came|come|comes|made\s+(?:it|their\s+way|"
            r"his\s+way|her\s+way))\s+(?:[\w-]+\s+){0,3}?(?:into|across|over|through)\b"), "border_crossing", "in"),
    Rule(_r(r"\bscrambl(?:ed|es|e)\b"), "military_deployment"),
    Rule(_r(r"\b(?:deployment|dispatch|build-?up|buildup)\s+of\b"), "military_deployment", noun=True),
    Rule(_r(r"\b(?:jets|warplanes|planes|aircraft|helicopters|fighters|F-\d+s)\s+(?:[\w-]+\s+){0,3}?took\s+off\b"),
         "military_deployment"),
    Rule(_r(rf"\b(?:sent|sends|send|sending|deployed|deploys|deploy|deploying|dispatched|dispatches|stationed|"
            rf"positioned|massed|rushed|moved|reinforced|bolstered|beefed\s+up)\b(?=(?:\s+[\w-]+){{0,3}}\s+"
            rf"(?:{_MIL_OBJECT}|positions|(?:its|their|the)\s+(?:border|frontier|garrison))\b)"), "military_deployment"),
    Rule(_r(rf"\b{_MIL_OBJECT}\s+(?:[\w-]+\s+){{0,2}}?(?:were|was|have\s+been|has\s+been|had\s+been)\s+"
            r"(?:deployed|sent|dispatched|stationed|rushed|moved|positioned|massed)\b"), "military_deployment"),
    Rule(_r(r"\b(?:shelled|bombarded|bombed|raided|stormed|attacked|targeted|targeting|pounded|pounding|besieged|"
            r"clashed|overran|overrun|seized|captured|pushed\s+into|pushing\s+into|advanced\s+on|"
            r"took\s+(?:over|control\s+of)|launched\s+an?\s+(?:offensive|assault|attack|operation))\b"),
         "military_operation"),
    Rule(_r(r"\b(?:shells?|rockets?|mortars?|mortar\s+rounds?|missiles?|bombs?|artillery|barrel\s+bombs?)\s+"
            r"(?:[\w-]+\s+){0,4}?(?:struck|strikes|hit|hits|landed\s+(?:in|on)|slammed\s+into|exploded\s+in)\b|"
            r"\b(?:returned|opened|exchanged)\s+fire\b|\bfired\s+(?:[\w-]+\s+){0,3}?(?:at|on|into)\b"),
         "military_operation"),
    Rule(_r(r"\b(?:killed|kills|killing|wounded|wounds|wounding|injured|injures|injuring)\b(?=\s+(?:at\s+least\s+|some\s+|about\s+)?(?:\d|one|two|three|four|five|"
            r"six|seven|eight|nine|ten|a\s|an\s|dozens|scores|several|many))"), "military_operation"),
    Rule(_r(r"\b(?:shelling|bombardment|bombings?|air\s?strikes?|airstrikes?|raids?|offensive|assault|clashes|siege|"
            r"fighting|battle|incursion|gunfire|(?:mortar|artillery|tank|rocket|cross-border|sniper)\s+fire)\b"),
         "military_operation", noun=True),
    Rule(_r(r"\bheld\s+(?:talks|a\s+meeting|meetings|a\s+summit|a\s+conference|negotiations|discussions|"
            r"consultations)\b"), "meeting"),
    Rule(_r(r"\b(?:convened|convenes|convene|conferred|negotiated)\b|\bsat\s+down\s+with\b"), "meeting"),
    Rule(_r(r"\bmet\b(?:\s+with\b)?"), "meeting"),
    Rule(_r(r"\b(?:meeting|conference|summit|talks|negotiations|consultations)\b"), "meeting", noun=True),
    Rule(_r(r"\btook\s+to\s+the\s+streets\b|\b(?:staged|held|organi[sz]ed|mounted)\s+(?:a\s+|an\s+)?"
            r"(?:[\w-]+\s+){0,2}?(?:protests?|demonstrations?|rall(?:y|ies)|sit-ins?|vigils?|marches|hunger\s+strikes?)\b|"
            r"\b(?:protesters|demonstrators|crowds?)\s+(?:[\w-]+\s+){0,3}?(?:gathered|assembled|massed|blocked)\b"),
         "protest"),
    Rule(_r(r"\b(?:protested|demonstrated|rallied|marched|picketed)\b"), "protest"),
    Rule(_r(r"\bprotests?\b"), "protest", ambiguous_noun=True),
    Rule(_r(r"\b(?:demonstrations?|rall(?:y|ies)|sit-ins?|vigils?)\b"), "protest", noun=True),
    Rule(_r(r"\b(?:visited|visits|toured|tours|inspected)\b|\bpaid\s+(?:a|an)\s+(?:[\w-]+\s+)?visit\b|"
            r"\bmade\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:visit|trip|tour|stop)\b|\bstopped\s+(?:in|at)\b"), "visit"),
    Rule(_r(r"\b(?:visit|tour|trip)\b"), "visit", ambiguous_noun=True),
)

# "-ing" forms report events only when a time follows ("234 Syrians arriving since Thursday"), in
# headlines ("Syrians crossing into Turkey") or as gerunds after time prepositions ("after
# deserting"); "fleeing the civil war", "troops defecting to Turkey have joined" describe.
_GERUND_BEFORE = re.compile(r"\b(?:after|before|since|upon|following|by)\s+$", re.I)
_ING_DIRECTIONAL_AFTER = re.compile(r"^\s+(?:into|across|over|to|from|through|toward|towards)\b", re.I)
_ING_TIME_AFTER = re.compile(r"^\s+(?:since|on\s+[A-Z]|this\s+(?:week|month|morning)|last\s+(?:week|night|month)|"
                             r"yesterday|today|overnight)\b")
_RESULT_ING = re.compile(r"^(?:killing|wounding|injuring)$", re.I)
_NOUN_ING = {"downing", "shelling", "fighting", "meeting", "bombing", "bombings", "targeting", "pounding",
             "pushing into", "shooting"}
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|this|that|these|those|its|his|her|their|our|two-day|three-day|weekend|mass|peaceful|large|"
    r"recent|latest|first|second|new)|['’]s|\d)\s+(?:[\w-]+\s+){0,2}$", re.I)
_HEDGE_BEFORE = re.compile(
    r"(?:\bto|\b(?:will|would|could|might|may|should|shall|can|must|cannot|won['’]t|wouldn['’]t)\s+(?:[\w-]+\s+){0,2}"
    r"|\b(?:not|never|n['’]t)\s+(?:[\w-]+\s+)?|\b(?:called|calls|calling|pressed|pushed)\s+for\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
    r"|\b(?:plans?|planned|planning|threatened|threatens|proposed|urged|wants?|hopes?|intends?|refused)\s+(?:to\s+)?"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?)$", re.I)
_CAUSATIVE = re.compile(r"\b(?:prompted|forced|caused|led|ordered|allowed|helped|made|saw|told)\s+(?:[\w’'-]+\s+){0,4}to\s+$",
                        re.I)
_DESCRIPTIVE_BEFORE = re.compile(r"\b(?:as|like)\s+an?\s+(?:[\w-]+\s+){0,3}$", re.I)
_CONDITIONAL = re.compile(r"\b(?:if|unless|whether)\b", re.I)
# "the men she met there": a reduced relative clause describes its noun, it reports no new event.
_REDUCED_RELATIVE = re.compile(
    r"\b(?!(?:as|was|has|is|this|thus|always|perhaps|days|weeks|years|months|hours|times|its|his|us|plus|unless|"
    r"besides|afterwards|towards|sometimes|yes|says|tells)\b)(?:[a-z]+s|men|women|people|children)\s+"
    r"(?:I|he|she|we|they|you)\s+(?:had\s+|have\s+|has\s+)?$")
# "where shelling has grown heavier": a trend of a noun, not an event.
_TREND_AFTER = re.compile(r"^\s+(?:has|have|had)\s+(?:grown|become|been\s+(?:growing|getting|increasing))\b", re.I)
# "..., many of whom crept across": background to a figure, an event only when it carries its own date.
_WHOM_BEFORE = re.compile(r"\b(?:many|most|some|all|few|several|none|thousands|hundreds)\s+of\s+(?:whom|them)\s+"
                          r"(?:had\s+|have\s+)?$", re.I)
_PLURAL_GENERIC = re.compile(r"\b(?:defections|desertions)\b", re.I)
_CAMP_WORD = re.compile(r"\bcamps?\b", re.I)


@dataclass(slots=True)
class Trigger:
    """A trigger found in a sentence: its type, span, motion role and form."""

    type: str
    start: int
    end: int
    text: str
    motion: str = ""
    noun: bool = False
    background: bool = False  # in a "many of whom ..." clause: an event only with its own date


def find_triggers(text: str, offset: int = 0, *, title: bool = False) -> list[Trigger]:
    """Event triggers in a sentence, in order, with hedged and descriptive uses removed.

    ``title``: the sentence is a headline, where "-ing" forms report ("Syrians crossing into Turkey").
    """
    found: list[Trigger] = []
    taken: list[tuple[int, int]] = []
    for rule in RULES:
        for m in rule.pattern.finditer(text):
            s, e = m.start(), m.end()
            if any(not (e <= a or s >= b) for a, b in taken):
                continue
            before = text[max(0, s - 60):s]
            word = m.group().split()[0].lower()
            if word.endswith("ing") and not rule.noun and not any(m.group().lower().startswith(n) for n in _NOUN_ING):
                after = text[e:e + 14]
                if not (_GERUND_BEFORE.search(before) or _ING_TIME_AFTER.match(after) or _RESULT_ING.search(m.group())
                        or (title and _ING_DIRECTIONAL_AFTER.match(after))):
                    continue
            noun = rule.noun or (rule.ambiguous_noun and bool(_DETERMINER_BEFORE.search(before)))
            if (_HEDGE_BEFORE.search(before) and not _CAUSATIVE.search(before)) or _DESCRIPTIVE_BEFORE.search(before):
                continue
            if _CONDITIONAL.search(_clause_before(text, s)):
                continue
            if not noun and _REDUCED_RELATIVE.search(before):
                continue
            if noun and _TREND_AFTER.match(text[e:e + 40]):
                continue
            if rule.type == "camp_placement" and not _CAMP_WORD.search(text[e:e + 80]) and \
                    not m.group().lower().endswith("there"):
                continue
            taken.append((s, e))
            found.append(Trigger(rule.type, s + offset, e + offset, m.group(), rule.motion, noun,
                                 bool(_WHOM_BEFORE.search(before))))
    found.sort(key=lambda t: t.start)
    return _merge_same_type(found, text, offset)


_CLAUSE_CUT = re.compile(r"[;:]|,\s+(?:and|but|while|whereas)\b|—|–|\.\s")


def _clause_before(text: str, pos: int) -> str:
    head = text[:pos]
    cuts = list(_CLAUSE_CUT.finditer(head))
    return head[cuts[-1].end():] if cuts else head


def _merge_same_type(found: list[Trigger], text: str, offset: int) -> list[Trigger]:
    """One trigger per type per clause: "convened a meeting" is one meeting, not two."""
    out: list[Trigger] = []
    for t in found:
        if out and out[-1].type == t.type:
            gap = text[out[-1].end - offset:t.start - offset]
            if not CLAUSE_BOUNDARY.search(gap) and len(gap) < 80:
                prev = out[-1]
                if prev.noun and not t.noun:  # the verb carries the clause
                    out[-1] = Trigger(t.type, t.start, t.end, t.text, t.motion or prev.motion, False, t.background)
                continue
        out.append(t)
    return out


# Where a sentence may be cut between two triggers so each gets its own clause.
CLAUSE_BOUNDARY = re.compile(
    r";|,\s+(?:and|but|while|whereas|as|after|before|when|although|though)\b|\s+(?:in\s+response\s+to|following|"
    r"after|before|as|while|when|because|whereas|amid)\s+|,\s+(?=[a-z]+ed\b)", re.I)


def generic_plural(text: str) -> bool:
    """Whether a sentence only talks about defections in general ("defections remain rare")."""
    return bool(_PLURAL_GENERIC.search(text))


_PAST_IRREGULAR = {"fled", "flew", "flown", "came", "took", "taken", "brought", "shot", "sent", "met", "held", "drove",
                   "driven", "overran", "overrun", "fought", "put", "crept", "snuck", "made", "left", "hit", "struck"}


def is_present(trigger_text: str) -> bool:
    """Whether a verb trigger is in the present tense ("reach", "crosses", "are housed")."""
    words = trigger_text.lower().split()
    if not words:
        return False
    if words[0] in ("are", "is"):
        return True
    if words[0] in ("were", "was", "have", "has", "had", "been", "being"):
        return False
    w = words[0]
    return not (w.endswith("ed") or w.endswith("ing") or w in _PAST_IRREGULAR)
