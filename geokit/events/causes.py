"""Causes that are no violence (disease, natural hazard, accident), read from ``rules/causes.toml``.

Why: "killed", "injured", "explosion" are attack words only when an actor does the harm; a clause whose
cause is an outbreak, a flood or a car crash tells no attack or battle. The lists are data so that a
user can extend them.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

RULES = Path(__file__).with_name("rules") / "causes.toml"


@lru_cache(maxsize=1)
def _data() -> dict:
    with open(RULES, "rb") as fh:
        return tomllib.load(fh)


def cause_pattern() -> str:
    """One alternation of every cause's words (no groups that capture)."""
    words = [w for c in _data().get("cause", []) for w in c.get("words", [])]
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


def cause_id(text: str) -> str | None:
    """The id of the first cause whose words the text contains, or None."""
    for c in _data().get("cause", []):
        if re.search(r"\b(?:" + "|".join(c.get("words", [])) + r")\b", text, re.I):
            return c["id"]
    return None


def accidental_blast_pattern() -> str:
    """Words that, just before a blast or fire noun, make it an accident ("a gas explosion")."""
    return "(?:" + "|".join(_data().get("accidental_blast", {}).get("words", [])) + ")"


def not_mover_pattern() -> str:
    """Heads of a subject that are things or animals, not people on a journey ("the products returned")."""
    return "(?:" + "|".join(_data().get("not_movers", {}).get("words", [])) + ")"


def violence_pattern() -> str:
    """Words of violence by an actor (weapons, perpetrators, armed forces)."""
    return "(?:" + "|".join(_data().get("violence", {}).get("words", [])) + ")"
