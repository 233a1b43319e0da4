"""Report-level reading the event reader starts from: the places events may cite and the demonyms (actors'
countries), a name's other mentions resolved as its first (one sense per report), and where a thread of
reader comments begins. Kept apart from ``reader``, which reads sentence by sentence.
"""

from __future__ import annotations

import bisect
import itertools
import re

from geokit.events.actornames import in_actor_name
from geokit.events.wording import wording
from geokit.model import Document, Toponym

PLACE_KINDS_USED = ("literal", "metonymic")
_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(?:ians?|ish|ese|is?|ans?|ic|s)$")


def propagate(doc: Document) -> list[Toponym]:
    """Other mentions of a name the parser resolved elsewhere in the report (one sense per report).

    A recogniser can miss a name in one sentence ("into Jordan on Sunday") that it resolved in
    another; those mentions are added with the same place, marked by ``reason``.
    """
    known: dict[str, Toponym] = {}
    for t in doc.toponyms:
        if t.place is not None and t.kind in PLACE_KINDS_USED and len(t.text) >= 4 and t.text[0].isupper() \
                and "\n" not in t.text:
            known.setdefault(t.text, t)
    if not known:
        return []
    covered = sorted((t.start, t.end) for t in doc.toponyms)
    starts = [a for a, _b in covered]
    reach = list(itertools.accumulate((b for _a, b in covered), max))  # furthest end among the first k
    extra: list[Toponym] = []
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(k) for k in sorted(known, key=len, reverse=True)) + r")\b"
    )
    for m in pattern.finditer(doc.text):
        k = bisect.bisect_left(starts, m.end())  # the toponyms starting before this match ends
        if k and reach[k - 1] > m.start():  # one of them ends after it starts: they overlap
            continue
        src = known[m.group()]
        extra.append(Toponym(m.start(), m.end(), m.group(), src.kind, src.place, src.score * 0.9,
                             reason="same name resolved elsewhere in the report"))
    return extra

_COMMENT_HANDLE = re.compile(r"^[ \t]*[•·▪][ \t]*\S{1,30}[ \t]*$", re.M)


def comments_start(text: str) -> int | None:
    """Where a thread of reader comments begins (two or more bulleted user handles), or None."""
    handles = list(_COMMENT_HANDLE.finditer(text))
    return handles[0].start() if len(handles) >= 2 else None

_BUILDING_OF = wording("building_of")
# "Saint Peter and Saint Paul Coptic Orthodox Church": a name inside a building's name
_BUILDING_AFTER = wording("building_after")
_STREET_AFTER = wording("street_after")
_FACILITY_AFTER = wording("facility_after")
_LOCAL_FORCE_AFTER = wording("local_force_after")  # "London Police": the town the force works in


def report_places(
    doc: Document, text: str, dl: tuple[int, int] | None
) -> tuple[list[Toponym], list[Toponym]]:
    """The report's places events may cite, and its demonyms (actors' countries).

    Streets, buildings named after a place ("St. George's Church"), the dateline's place and demonyms
    are not event places; names repeated without their resolution take it from the first mention.
    """
    toponyms = sorted(doc.toponyms + propagate(doc), key=lambda t: t.start)
    demonyms = [t for t in toponyms if t.place is not None and (t.kind == "demonym" or (
        t.kind in ("embedded", "literal") and t.place.kind == "country" and _ADJECTIVE.match(t.text)
        and t.text.lower() != t.place.name.lower())) or (
        t.place is not None and t.place.kind == "country" and in_actor_name(text, t.start, t.end))]
    # ("Military Forces of Mali (2021-)": ACLED's actor names give the actor's country, as a demonym does)
    demonym_ids = {id(t) for t in demonyms}
    places = [
        t
        for t in toponyms
        if t.place is not None
        and (t.kind in PLACE_KINDS_USED or (t.kind == "embedded" and _FACILITY_AFTER.match(text, t.end)))
        and (not _STREET_AFTER.match(text, t.end) or _FACILITY_AFTER.match(text, t.end))
        and not _BUILDING_OF.search(text, max(0, t.start - 60), t.start)
        and not (re.match(r"(?:St\.?|Saint)\s", t.text) and _BUILDING_AFTER.match(text, t.end))
        and not (re.fullmatch(r"(?:St|Ste|Saint|Mt|Ft)\.?", t.text) and _BUILDING_AFTER.match(text, t.end))
        and not (re.search(r"\b(?:St\.?|Saint)\s+$", text[max(0, t.start - 8):t.start])
                 and _BUILDING_AFTER.match(text, t.end))  # "St. Mary's Medical Center": a saint's building
        and id(t) not in demonym_ids
        and not (dl and t.start < dl[1] and t.end > dl[0])
    ]
    return places, demonyms


def force_places(doc: Document, text: str) -> list[Toponym]:
    """Towns and counties that name a police force ("London Police", "the Polk County Sheriff's Office"):
    not event places in general (they name an institution), but where that force's arrests happen when
    the arrest's own clause names no place."""
    return sorted((t for t in doc.toponyms if t.place is not None and t.kind in ("embedded", "literal")
                   and _LOCAL_FORCE_AFTER.match(text, t.end)), key=lambda t: t.start)

