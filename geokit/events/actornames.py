"""Places that are part of an actor's name, not where an event happened.

Why: ACLED's notes and wire copy name actors by their country or region ("Military Forces of Mali
(2021-)", "Unidentified Armed Group (Colombia)", "Islamic State West Africa Province (ISWAP)",
"Tigray People's Liberation Front (TPLF)"); such a place tells whose forces act, never the event's place.
"""

from __future__ import annotations

import re

from geokit.events.wording import wording

_YEARS_AFTER = wording("actor_years_after")
_LABEL_BEFORE = wording("actor_label_before")
_ACRONYM_AFTER = wording("acronym_after")
_TITLE_BEFORE = re.compile(r"(?:(?:[A-Z][\w'’-]*|of|the|and|for)\s+){0,5}$")
_SMALL = {"of", "the", "and", "for"}
_STATE_NAME = re.compile(r"\b(?:Republic|Kingdom|States|Emirates|Federation|Territories)\b")


def in_actor_name(text: str, start: int, end: int) -> bool:
    """Whether the place at ``text[start:end]`` is part of an actor's name."""
    after = text[end:end + 80]
    if _YEARS_AFTER.match(after):
        return True
    if text[end:end + 1] == ")" and _LABEL_BEFORE.search(text, max(0, start - 40), start):
        return True
    m = _ACRONYM_AFTER.match(after)
    if m is None:
        return False
    acr = [c for c in m.group("acr") if c.isupper()]
    if len(acr) < 2:
        return False
    before = _TITLE_BEFORE.search(text, max(0, start - 80), start)
    own = [w for w in text[start:end].split() if w.lower() not in _SMALL]
    if len(acr) <= len(own):
        return False  # "New York City (NYC)": the place's own acronym
    words = (before.group() if before else "").split() + text[start:end].split() + m.group("words").split()
    if _STATE_NAME.search(" ".join(words)):
        return False  # "the Democratic Republic of Congo (DRC)": a state's long name
    initials = [w[0].upper() for w in words if w.lower() not in _SMALL and w[:1].isalpha()]
    # the acronym spells the phrase's initials in order and the place's own initial is one of them
    it = iter(initials)
    return all(c in it for c in acr) and text[start].upper() in acr


__all__ = ["in_actor_name"]
