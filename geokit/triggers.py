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
               r"patriots?|drones|gunships|frigates|fighters)")


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
RULES: tuple[Rule, ...] = (
    Rule(_r(r"\b(?:violated|violating|violation\s+of|crossed\s+into|strayed\s+into|entered|intruded\s+into)\s+"
            r"(?:[\w-]+\s+){0,2}air\s*space\b"), "air_incident"),
    Rule(_r(r"\b(?:shot|shoots|shooting)\s+(?:(?:[\w-]+\s+){1,4})?down\b"), "air_incident"),
    Rule(_r(r"\bdowning\b|\bshoot-?down\b"), "air_incident", noun=True),
    Rule(_r(r"\bdowned\b"), "air_incident", ambiguous_noun=True),
    Rule(_r(r"\b(?:were|was|have\s+been|has\s+been|had\s+been|are|is|been|being)\s+(?:\w+ly\s+)?"
            r"(?:placed|housed|sheltered|settled|taken|moved|transferred|relocated|brought|registered|put)\s+"
            r"(?:in|into|to|at)\b"), "camp_placement", "in"),
    Rule(_r(r"\bdefect(?:ed|s)?\b"), "defection", "out"),
    Rule(_r(r"\bdeserted\b"), "defection", "out"),
    Rule(_r(r"\bdefection\b"), "defection", "out", noun=True),
    Rule(_r(r"\b(?:fled|flee|flees|escaped|escapes)\b"), "flight", "out"),
    Rule(_r(r"\bcross(?:ed|es)?\b(?:\s+(?:over|the\s+border|the\s+frontier))?(?:\s+(?:into|to|from))?"), "border_crossing",
         "in"),
    Rule(_r(r"\b(?:entered|enters|enter)\b"), "border_crossing", "in"),
    Rule(_r(r"\b(?:arrived|arrives|arrive)\s+(?:in|at)\b"), "border_crossing", "in"),
    Rule(_r(r"\bpass(?:ed|es)?\s+(?:into|over\s+into)\b"), "border_crossing", "in"),
    Rule(_r(r"\bflew\b(?=(?:\s+[\w’'-]+){0,4}\s+(?:into|to)\b)"), "border_crossing", "in"),
    Rule(_r(r"\b(?:slipped|sneaked|smuggled)\s+(?:\w+\s+)?(?:into|across)\b"), "border_crossing", "in"),
    Rule(_r(r"\bscrambl(?:ed|es|e)\b"), "military_deployment"),
    Rule(_r(rf"\b(?:sent|sends|deployed|deploys|dispatched|dispatches|stationed|positioned|massed|rushed)\b"
            rf"(?=(?:\s+[\w-]+){{0,3}}\s+{_MIL_OBJECT}\b)"), "military_deployment"),
    Rule(_r(r"\b(?:shelled|bombarded|bombed|raided|stormed|attacked|targeted|targeting|pounded|pounding|besieged|"
            r"clashed|launched\s+an?\s+(?:offensive|assault|attack|operation))\b"), "military_operation"),
    Rule(_r(r"\b(?:shelling|bombardment|bombings?|air\s?strikes?|airstrikes?|raids?|offensive|assault|clashes|siege)\b"),
         "military_operation", noun=True),
    Rule(_r(r"\bheld\s+(?:talks|a\s+meeting|meetings|a\s+summit|a\s+conference|negotiations|discussions)\b"), "meeting"),
    Rule(_r(r"\b(?:convened|convenes|convene)\b"), "meeting"),
    Rule(_r(r"\bmet\b(?:\s+with\b)?"), "meeting"),
    Rule(_r(r"\b(?:meeting|conference|summit|talks|negotiations)\b"), "meeting", noun=True),
    Rule(_r(r"\btook\s+to\s+the\s+streets\b|\bstaged\s+(?:a\s+)?(?:protests?|demonstrations?|rall(?:y|ies)|sit-ins?)\b"),
         "protest"),
    Rule(_r(r"\b(?:protested|demonstrated|rallied|marched)\b"), "protest"),
    Rule(_r(r"\bprotests?\b"), "protest", ambiguous_noun=True),
    Rule(_r(r"\b(?:demonstrations?|rall(?:y|ies)|sit-ins?)\b"), "protest", noun=True),
    Rule(_r(r"\b(?:visited|visits|toured|tours|inspected)\b|\bpaid\s+a\s+visit\b"), "visit"),
    Rule(_r(r"\b(?:visit|tour)\b"), "visit", ambiguous_noun=True),
)

_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|this|that|these|those|its|his|her|their|our|two-day|three-day|weekend|mass|peaceful|large|"
    r"recent|latest|first|second|new)|['’]s|\d)\s+(?:[\w-]+\s+){0,2}$", re.I)
_HEDGE_BEFORE = re.compile(
    r"(?:\bto|\b(?:will|would|could|might|may|should|shall|can|must|cannot|won['’]t|wouldn['’]t)\s+(?:[\w-]+\s+){0,2}"
    r"|\b(?:not|never|n['’]t)\s+(?:[\w-]+\s+)?|\b(?:called|calls|calling|pressed|pushed)\s+for\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
    r"|\b(?:plans?|planned|planning|threatened|threatens|proposed|urged|wants?|hopes?|intends?|refused)\s+(?:to\s+)?"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?)$", re.I)
_DESCRIPTIVE_BEFORE = re.compile(r"\b(?:as|like)\s+an?\s+(?:[\w-]+\s+){0,3}$", re.I)
_CONDITIONAL = re.compile(r"\b(?:if|unless|whether)\b", re.I)
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


def find_triggers(text: str, offset: int = 0) -> list[Trigger]:
    """Event triggers in a sentence, in order, with hedged and descriptive uses removed."""
    found: list[Trigger] = []
    taken: list[tuple[int, int]] = []
    for rule in RULES:
        for m in rule.pattern.finditer(text):
            s, e = m.start(), m.end()
            if any(not (e <= a or s >= b) for a, b in taken):
                continue
            before = text[max(0, s - 60):s]
            noun = rule.noun or (rule.ambiguous_noun and bool(_DETERMINER_BEFORE.search(before)))
            if _HEDGE_BEFORE.search(before) or _DESCRIPTIVE_BEFORE.search(before):
                continue
            if _CONDITIONAL.search(_clause_before(text, s)):
                continue
            if rule.type == "camp_placement" and not _CAMP_WORD.search(text[e:e + 80]):
                continue
            taken.append((s, e))
            found.append(Trigger(rule.type, s + offset, e + offset, m.group(), rule.motion, noun))
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
                    out[-1] = Trigger(t.type, t.start, t.end, t.text, t.motion or prev.motion, False)
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
