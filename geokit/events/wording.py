"""Wording patterns of the event reader as data (``rules/reader.toml``), compiled once and looked up by id.

Why: the word lists and small patterns that tell the reader about news wording ("told reporters in X",
"the town of X", "a series of bombings") are easier to read, test and extend as data with ids and examples
than as regexes spread through the code. The reader's grammatical machinery stays in the code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WORDING_FILE = Path(__file__).resolve().parent / "rules" / "reader.toml"
# movement wording (who moves, where from, where to) kept in its own file, read after reader.toml
MOVEMENT_WORDING_FILE = Path(__file__).resolve().parent / "rules" / "movements.toml"
_FLAGS = {"i": re.I, "m": re.M, "s": re.S}


@dataclass(frozen=True, slots=True)
class Wording:
    id: str
    pattern: re.Pattern
    why: str
    example: str


@lru_cache(maxsize=1)
def patterns() -> dict[str, Wording]:
    """Every pattern of ``rules/reader.toml`` (and ``rules/movements.toml``) by id, checked: unique ids,
    known flags, an example it finds."""
    items: list[dict] = []
    for path in (WORDING_FILE, MOVEMENT_WORDING_FILE):
        if path is MOVEMENT_WORDING_FILE and not path.is_file():
            continue
        with open(path, "rb") as fh:
            items.extend(tomllib.load(fh).get("pattern", []))
    out: dict[str, Wording] = {}
    for item in items:
        pid = item["id"]
        if pid in out:
            raise ValueError(f"reader.toml: duplicate id {pid!r}")
        flags = 0
        for c in item.get("flags", ""):
            if c not in _FLAGS:
                raise ValueError(f"reader.toml {pid}: unknown flag {c!r}")
            flags |= _FLAGS[c]
        pat = re.compile(item["pattern"], flags)
        if not pat.search(item["example"]):
            raise ValueError(f"reader.toml {pid}: the pattern does not find its example {item['example']!r}")
        out[pid] = Wording(pid, pat, item.get("why", ""), item["example"])
    return out


def wording(pid: str) -> re.Pattern:
    """The compiled pattern with id ``pid``."""
    try:
        return patterns()[pid].pattern
    except KeyError:
        raise KeyError(f"no wording pattern {pid!r} in {WORDING_FILE.name}") from None


__all__ = ["Wording", "patterns", "wording", "WORDING_FILE", "MOVEMENT_WORDING_FILE"]
