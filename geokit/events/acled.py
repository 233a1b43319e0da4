"""ACLED classification of geokit events: (event_type, sub_event_type) with ACLED's own names.

Why: analysts compare geokit's output with ACLED data, so every event carries ACLED's class
beside geokit's type. A trigger rule gives a default pair; ``rules/acled.toml`` refines it from
the words of the event's own clause ("suicide car bomb" -> Suicide bomb, "tear gas" -> Protest
with intervention). Precision codes (``Record.to_dict``) follow ACLED's codebook: ``geo_precision`` 1 (the
town), 2 (near a town, a district or part of a region), 3 (a region or country);
``time_precision`` 1 (the day), 2 (a few days or a week), 3 (a month or longer).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ACLED_FILE = Path(__file__).resolve().parent / "rules" / "acled.toml"


@dataclass(frozen=True, slots=True)
class Refinement:
    id: str
    types: tuple[str, ...]
    pattern: re.Pattern
    acled: tuple[str, str]
    example: str
    override: bool = False  # applies even over a trigger rule's own finer class (a chemical canister dropped)
    sentence: bool = False  # also read in the sentence when the clause gives no class ("during protests")
    context: bool = False  # read in the whole sentence in its turn ("after the UN peacekeepers withdrew")


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, tuple[str, ...]]:
    """ACLED's six event types and their sub-event types."""
    with open(ACLED_FILE, "rb") as fh:
        return {k: tuple(v) for k, v in tomllib.load(fh)["acled"].items()}


def check_pair(pair, where: str = "") -> None:
    """Raise ValueError unless ``pair`` is an ACLED (event_type, sub_event_type)."""
    tax = taxonomy()
    if len(pair) != 2 or pair[0] not in tax or pair[1] not in tax[pair[0]]:
        raise ValueError(f"{where}: {list(pair)} is not an ACLED (event_type, sub_event_type)")


@lru_cache(maxsize=1)
def refinements() -> tuple[Refinement, ...]:
    with open(ACLED_FILE, "rb") as fh:
        data = tomllib.load(fh)
    out = []
    for item in data.get("refine", []):
        pair = tuple(item["acled"])
        check_pair(pair, f"acled.toml {item['id']}")
        out.append(Refinement(item["id"], tuple(item["types"]), re.compile(item["pattern"], re.I), pair,
                              item.get("example", ""), bool(item.get("override", False)),
                              bool(item.get("sentence", False)), bool(item.get("context", False))))
    return tuple(out)


@lru_cache(maxsize=1)
def _coded_fatalities() -> re.Pattern:
    with open(ACLED_FILE, "rb") as fh:
        return re.compile(tomllib.load(fh)["coded_fatalities"]["pattern"], re.I)


def coded_fatalities(sentence: str) -> int | None:
    """Deaths coded by a sentence of their own in ACLED's notes ("14 fatalities.", "No fatalities.",
    "Fatalities coded as 10."), None when ``sentence`` is no such coding."""
    m = _coded_fatalities().match(sentence.strip())
    if m is None:
        return None
    n = (m.group("n") or m.group("n2") or "").lower().replace(",", "")
    return {"no": 0, "zero": 0, "one": 1}.get(n, int(n) if n.isdigit() else 0)


# Rule defaults that the clause's words may refine; a rule naming a finer class keeps it.
GENERIC = {
    ("Protests", "Peaceful protest"), ("Violence against civilians", "Attack"), ("Battles", "Armed clash"),
    ("Strategic developments", "Other"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Strategic developments", "Arrests"),  # arrests at a demonstration are ACLED's Protest with intervention
}


def classify(
    etype: str, default: tuple[str, str], clause: str, sentence: str = ""
) -> tuple[dict[str, str], str]:
    """({"event_type", "sub_event_type"}, refinement id or "") for an event of ``etype``
    read from ``clause`` (and, for refinements marked ``sentence``, from its whole ``sentence``)."""
    generic = tuple(default) in GENERIC
    for r in refinements():
        where = sentence if r.context and sentence else clause
        if (generic or r.override) and etype in r.types and r.pattern.search(where):
            return {"event_type": r.acled[0], "sub_event_type": r.acled[1]}, r.id
    for r in refinements():
        if sentence and r.sentence and generic and etype in r.types and r.pattern.search(sentence):
            return {"event_type": r.acled[0], "sub_event_type": r.acled[1]}, r.id
    return {"event_type": default[0], "sub_event_type": default[1]}, ""
