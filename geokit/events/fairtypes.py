"""Every fair reading of an event (the annotation guide lists every type that is a fair reading: fleeing
abroad is displacement and a border crossing, a move into a camp is also a camp placement, ...), and the
deaths a report gives. Kept apart from ``reader``, which decides the event's first type.
"""

from __future__ import annotations

import re
from typing import Any

from geokit.events.causes import violence_pattern
from geokit.events.triggers import Trigger
from geokit.events.wording import wording
from geokit.model import PlaceRef

_OFFICIAL_WORDS = wording("official_words")
_FLIGHT_WORDS = wording("flight_words")
_CAMP_DESTINATION = wording("camp_destination")
_PRIVATE_TRAVELLERS = wording("private_travellers")
_PROTESTERS_MOVED = wording("protesters_moved")
_VISITED_CAMP = wording("visited_camp")
_CAMP_LATER = wording("camp_destination_later")
_CAMP_SUBJECT = wording("camp_subject")
_DISPLACED_GROUP = re.compile(r"\b(?:refugees|asylum[- ]seekers|IDPs|displaced|evacuees)\b", re.I)
_ACROSS_BORDER = re.compile(r"\b(?:across|over)\s+the\s+(?:[\w-]+\s+)?(?:border|frontier)\b", re.I)
_CAMP_CODES = {"CMPRF", "CMP"}  # GeoNames: refugee camp, camp
_VIOLENCE = re.compile(r"\b" + violence_pattern() + r"\b", re.I)


def _fair_types(
    etype: str, trig: Trigger, origin: PlaceRef | None, destination: PlaceRef | None, after: str = "",
    clause: str = "", who: str = "", before: str = "",
) -> list[str]:
    """The event's type first, then every other fair reading (the guide lists every type that is a fair
    reading): the rule's ``also``; fleeing abroad is displacement and a border crossing; people moved into a
    camp or shelter are also placed there; a trip abroad by people who are no officials is a crossing."""
    types = [etype]
    for t in (trig.rule.also if trig.rule else ()):
        if t not in types:
            types.append(t)
    if etype in ("displacement", "border_crossing", "defection") and "camp_placement" not in types and (
            (destination is not None and destination.feature_code.upper() in _CAMP_CODES)
            or _CAMP_DESTINATION.match(after)
            or (trig.motion == "in" and (_CAMP_LATER.match(after) or _CAMP_SUBJECT.search(before)))):
        types.append("camp_placement")
    if etype == "displacement" and origin is not None and destination is not None and origin.country_code \
            and destination.country_code and origin.country_code != destination.country_code:
        types.append("border_crossing")
    elif etype == "displacement" and trig.motion == "out" and "border_crossing" not in types and (
            _ACROSS_BORDER.search(trig.text + after[:40])
            or (destination is not None and (destination.feature_code or "").upper().startswith("PCL"))):
        types.append("border_crossing")  # "fled across the border", "fled into Chad": a crossing too
    if etype == "border_crossing" and trig.type == "flight":
        types.append("displacement")
    elif etype == "border_crossing" and "displacement" not in types and (
            _FLIGHT_WORDS.search(clause) or _DISPLACED_GROUP.search(who)):
        types.append("displacement")  # "refugees crossed into X", "crossed the border fleeing the fighting"
    if etype == "displacement" and "attack" not in types and re.search(
            r"\b(?:burn|torch|raz|demolish|loot|set\s+(?:on\s+fire|ablaze))", trig.text, re.I) and \
            _VIOLENCE.search(clause):
        types.append("attack")  # "militiamen torched 300 homes": arson (the guide's attack) and displacement
    if etype == "displacement" and "protest" not in types and _PROTESTERS_MOVED.match(after):
        types.append("protest")  # "police evacuated protesters from the square": a protest broken up
    if etype == "visit" and "camp_placement" not in types and (
            _VISITED_CAMP.match(after) or (destination is not None
                                           and destination.feature_code.upper() in _CAMP_CODES)):
        types.append("camp_placement")  # "toured a refugee camp in X": the people housed there are placed
    if etype == "visit" and who and _PRIVATE_TRAVELLERS.search(who) and not _OFFICIAL_WORDS.search(who):
        types.append("border_crossing")  # "a patient who had visited X": a private trip, no official visit
        if _FLIGHT_WORDS.search(clause):
            types.append("displacement")
    return types


def _fatalities(counts: dict[str, Any]) -> int | None:
    """Deaths the report gives (the low end of a range), None when it gives none."""
    vals = []
    for k, v in counts.items():
        if k in ("killed", "dead", "deaths", "fatalities"):
            vals.append(v[0] if isinstance(v, list | tuple) else v)
    vals = [v for v in vals if isinstance(v, int)]
    return max(vals) if vals else None
