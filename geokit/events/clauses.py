"""Clause reading for the event reader: a trigger's scope and own clause, the preposition that governs a
name, and whether a place sits in the sentence's attribution ("..., officials in X said") rather than in the
trigger's clause. Pure text functions over one sentence, kept apart from ``reader`` so each stays small.
"""

from __future__ import annotations

import re

from geokit.events.sentences import Sentence
from geokit.events.triggers import CLAUSE_BOUNDARY, MOTION_TYPES, Trigger
from geokit.events.wording import wording
from geokit.model import Toponym

_REPORT_FRAME = wording("report_frame")
_AUX_IN_GAP = re.compile(r"\s(?=(?:were|was|are|is|have|has|had)\s)", re.I)
_PREP = re.compile(
    r"\b(into|to|in|at|toward|towards|inside|from|near|outside|across|via|through|of|for|out\s+of|"
    r"over|off|by|between|with|against|among|and|around|on|along|throughout)\s+$",
    re.I,
)
_TYPE_NOUN_OF = wording("type_noun_of")
_APPOSITION_HEAD = wording("apposition_head")
# "from crowded transit centres in Ramtha" (an origin's place); not "fired from Syria struck a market in X",
# where a name closes the origin phrase and a verb follows.
# "from crowded transit centres in X", "from the reception centre on X", "from the Al-Hol camp in X": the
# place of the facility left is the origin's
_FROM_NOUN = re.compile(
    r"\b(?:from|From)\s+(?:(?:the|a|an|its|their)\s+(?:[A-Z][\w'’-]*\s+){0,2})?(?:(?!(?:to|into|towards?|and|or|"
    r"the|struck|hit|landed|killed|wounded|exploded|fell|crashed)\b)[a-z][\w-]*\s+){1,4}$"
)


def _has_locative(text: str, places: list[Toponym], preps: tuple[str, ...]) -> bool:
    return any(_nearest_prep(text, t.start, 0) in preps for t in places)


_NOUN_PREP = re.compile(r"\s(?:during|amid|in|at|near|after|following|before|outside|inside)\s", re.I)


_BRACKET = re.compile(r"\([^()]{1,80}\)")


def _bracket_commas(text: str) -> str:
    """``text`` with the commas inside brackets blanked (same length): ACLED's "X (Admin2, Admin1)" is one
    place, not a clause boundary."""
    return _BRACKET.sub(lambda m: m.group().replace(",", " "), text)


def _scopes(sent: Sentence, triggers: list[Trigger], dates=()) -> list[tuple[int, int]]:
    """Cut a sentence into one clause per trigger (absolute offsets)."""
    cuts = [sent.start]
    masked = _bracket_commas(sent.text)
    for a, b in zip(triggers, triggers[1:], strict=False):
        lo, hi = a.end - sent.start, b.start - sent.start
        gap = masked[lo:hi]
        ms = list(CLAUSE_BOUNDARY.finditer(gap))
        if ms:
            cut = lo + ms[-1].start()
        else:
            det = list(re.finditer(r"\b(?:the|a|an)\s", gap, re.I))
            frames = list(_REPORT_FRAME.finditer(gap))
            commas = [m.start() for m in re.finditer(r"(?<!\d),|,(?!\d)", gap)]  # not inside "60,000"
            comma = commas[-1] if commas else -1
            conj = list(re.finditer(r"\s(?:and|then|but|before)\s", gap))
            if frames:  # "families arriving this week said | they had fled": the reported clause
                cut = lo + frames[-1].end()
            elif conj:
                # "deserted late on Sunday | and crossed into Jordan": never inside the first clause's date
                cut = lo + conj[-1].start()
            elif comma >= 0:
                cut = lo + comma
            elif aux := list(_AUX_IN_GAP.finditer(gap)):
                # "Somalis arriving from X | were registered at Y": the second verb's auxiliary opens it
                cut = lo + aux[-1].start()
            elif _AUX_IN_GAP.match(" " + b.text):
                cut = hi  # the second trigger starts with its auxiliary ("were registered at")
            elif (preps := [m for m in _NOUN_PREP.finditer(gap) if len(gap[m.end():].split()) <= 2]):
                # "shot dead two young men | during protests": the event noun keeps its preposition, the verb
                # its object
                cut = lo + preps[-1].start()
            elif det:
                cut = lo + det[-1].start()
            else:  # never inside a word
                spaces = [m.start() for m in re.finditer(r"\s", gap)]
                if a.motion and len(gap.split()) <= 3:
                    # "families who fled Raqqa | arrived in X": a motion verb keeps its short object
                    cut = lo + (spaces[-1] if spaces else len(gap))
                else:
                    mid = len(gap) // 2
                    cut = lo + (min(spaces, key=lambda i: abs(i - mid)) if spaces else mid)
        for d in dates:  # never inside a date: "flew to X on Monday | for talks"
            if d.start < sent.start + cut < d.end:
                cut = d.end - sent.start
        cuts.append(sent.start + cut)
    cuts.append(sent.end)
    return [(cuts[i], cuts[i + 1]) for i in range(len(triggers))]


def _narrow(sent: Sentence, trig: Trigger, scope: tuple[int, int]) -> tuple[int, int]:
    """The trigger's own clause inside its scope: dates and places are read there."""
    s, e = scope
    masked = _bracket_commas(sent.text)
    before = masked[s - sent.start:trig.start - sent.start]
    after = masked[trig.end - sent.start:e - sent.start]
    cuts = [m for m in CLAUSE_BOUNDARY.finditer(before)]
    ns = s + cuts[-1].start() if cuts else s
    m = CLAUSE_BOUNDARY.search(after)
    ne = trig.end + m.start() if m else e
    return ns, ne


def _nearest_prep(text: str, pos: int, floor: int) -> str | None:
    """The preposition governing a name at ``pos`` ("into southern Turkey's Hatay" -> into)."""
    window = text[max(floor, pos - 60):pos]
    # skip modifiers, possessive owners and type-word frames back to the preposition
    stripped = window
    for _ in range(4):
        m = _PREP.search(stripped)
        if m:
            prep = m.group(1).lower()
            if prep in ("around", "near") and re.search(r"\bfrom\s+$", stripped[:m.start()]):
                return "from"  # "from around Azaz": an origin
            if prep in ("in", "at", "on", "near", "around", "outside") and \
                    _FROM_NOUN.search(stripped[:m.start()]):
                return "from"  # "from crowded transit centres in Ramtha": the origin's place
            if prep == "of" and _TYPE_NOUN_OF.search(stripped):
                stripped = stripped[:_TYPE_NOUN_OF.search(stripped).start()]
                # "the outskirts of X", "the besieged parts of X": the frame's modifiers, never the
                # preposition before the frame ("from parts of X" is an origin)
                stripped = re.sub(r"(?:\b(?:the|a|an)\s+)?(?:\b(?!(?:from|in|at|into|to|near|inside|outside|"
                                  r"across|toward|towards|through|via|on|over|of)\s)[\w-]+\s+)?$",
                                  "", stripped)
                continue
            return " ".join(prep.split())
        m3 = _APPOSITION_HEAD.search(stripped)
        if m3 and m3.start() < len(stripped):
            stripped = stripped[:m3.start()]  # "in the Turkish capital, X": the phrase's preposition
            continue
        m2 = re.search(
            r"(?:(?:\b[Tt]he|\b(?:its|their|his|her|a|an)|\b[A-Z][\w-]*['’]s|\b[a-z][\w-]*s['’]|\b[a-z][\w-]*['’]s|\b[a-z][\w-]*ern|\bnorthern|\bsouthern|\beastern|\bwestern|"
            r"\bcentral|\bneighbou?ring|\bnearby|\bthe\s+town\s+of|\bthe\s+city\s+of|\bcapital,?|\bcoastal)\s*)$",
            stripped,
        )
        if not m2 or m2.start() == len(stripped):
            return None
        stripped = stripped[:m2.start()]
    return None

# "..., a monitoring group based in X reported.", "..., officials in X said.": a closing attribution clause;
# "Speaking in X, the envoy ...": an opening speech frame. Places there tell where it was said.
_CLOSING_ATTRIBUTION = wording("closing_attribution")
_LEADING_SUBORDINATE = re.compile(
    r"^\s*(?:(?:On|Around|On\s+or\s+around)\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}(?:\s+\([^)]{1,30}\))?,\s*)?"
    r"(?:(?:hours|days|weeks|months|a\s+day|a\s+week|just|shortly|only|soon|even|\d{1,2}|an?|one|two|three|four"
    r"|five|six|seven|eight|nine|ten)\s+){0,2}(?:after|"
    r"before|since|while|whilst|when|as|following|despite|although|though|amid|ahead\s+of)\b[^,;]{3,140},",
    re.I)
_OPENING_FRAME = wording("opening_frame")
# "in a statement issued in X", "a statement released from X"
_ISSUED_IN = wording("issued_in")


def _in_attribution(sent: Sentence, trig: Trigger, t: Toponym) -> bool:
    """The place is in the sentence's attribution (speech frame, closing 'X said'), not the trigger's."""
    if _ISSUED_IN.search(sent.text, 0, max(0, t.start - sent.start)):
        return True
    m = _CLOSING_ATTRIBUTION.search(sent.text)
    if m is not None:
        a = sent.start + m.start()
        if t.start >= a and trig.start < a:
            return True
    m = _OPENING_FRAME.match(sent.text)
    if m is None and trig.type not in MOTION_TYPES and trig.type not in ("flight", "displacement"):
        # "Hours after a truce took effect in X, rebels shelled Y": a leading background clause (kept
        # for flight, where "After clashes in X, thousands fled" names the origin)
        m = _LEADING_SUBORDINATE.match(sent.text)
    if m is not None:
        b = sent.start + m.end()
        if t.end <= b and trig.start >= b:
            return True
    return False
