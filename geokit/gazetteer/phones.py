"""Which country and first-level area a telephone prefix serves (``gazetteer/phone_areas.csv``).

The table is an extract of Google's libphonenumber geocoding data, written at development time by
``gazetteer/tools/build_phone_areas.py`` (the library itself is too heavy to depend on): NANP area
codes ("1519" -> Ontario, CA), international calling codes ("44" -> GB) and, outside the NANP,
prefixes that serve a first-level area ("90326" -> Hatay, TR). The longest matching prefix answers.
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geokit.gazetteer.sources import GAZETTEER_DIR

log = logging.getLogger(__name__)

PHONE_FILE = "phone_areas.csv"


@dataclass(frozen=True, slots=True)
class PhoneArea:
    """Where a prefix's numbers are: ``cc`` (ISO code), the area's name as the store names it
    (``admin1``, empty when the prefix serves a whole country or several areas)."""

    prefix: str
    cc: str
    admin1: str = ""
    admin1_code: str = ""


class PhoneAreas:
    """Longest-prefix lookup over the committed table."""

    def __init__(self, rows: dict[str, PhoneArea]) -> None:
        self.rows = rows
        self.longest = max((len(k) for k in rows), default=0)

    def lookup(self, digits: str) -> PhoneArea | None:
        """The area of a number written as digits with its country code ("15196615670")."""
        for n in range(min(self.longest, len(digits)), 0, -1):
            hit = self.rows.get(digits[:n])
            if hit is not None:
                return hit
        return None


def read_phone_areas(path: Path) -> PhoneAreas:
    """The table in ``path``; an absent or broken file gives an empty table (no phone evidence),
    and malformed rows are skipped."""
    rows: dict[str, PhoneArea] = {}
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                prefix, cc = (r.get("prefix") or "").strip(), (r.get("country") or "").strip()
                if prefix.isdigit() and len(cc) == 2 and cc.isalpha():
                    rows[prefix] = PhoneArea(prefix, cc, (r.get("admin1") or "").strip(),
                                             (r.get("admin1_code") or "").strip())
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        log.warning("phone areas not read from %s: %s", path, exc)
        rows = {}
    return PhoneAreas(rows)


@lru_cache(maxsize=1)
def phone_areas() -> PhoneAreas:
    """The committed table, read once."""
    return read_phone_areas(GAZETTEER_DIR / PHONE_FILE)
