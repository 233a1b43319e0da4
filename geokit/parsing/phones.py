"""Telephone numbers in a report, as evidence of where the report is from.

Local news prints local numbers ("Anyone with information is asked to call 519-661-5670"), and a
reader takes the area code as a clue to the story's home as surely as a state abbreviation. The
patterns are strict on purpose, so that dates, ids, sums and counts are not read as numbers:

- NANP numbers with an area code: "(519) 661-5670", "519-661-5670", "519.661.5670", "1-519-661-5670"
  (the separators of one number agree; the area code and exchange begin with 2-9);
- international numbers in E.123 form: "+44 20 7946 0958", "+1 519 661 5670", "+90 (326) 214 1234".

Nothing glued to the number counts: a letter, a digit, "$", "#", "-" or "/" before it, or a digit,
"-" or "%" right after it, makes it something else (an id, a sum, a range). The patterns cannot
backtrack on hostile digit runs: an international number is taken whole and checked group by group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geokit.gazetteer.phones import PhoneArea, phone_areas

_BEFORE = r"(?<![\w$£€#+\-/.,])"
_AFTER = r"(?![\w\-%/]|[.,]\d)"
_NANP = re.compile(
    _BEFORE + r"(?:1[-. ])?"
    r"(?:\((?P<pa>[2-9][0-8]\d)\)[ \t]?(?P<px>[2-9]\d\d)[-. ]"
    r"|(?P<a>[2-9][0-8]\d)(?P<sep>[-.])(?P<x>[2-9]\d\d)(?P=sep))"
    r"(?P<line>\d{4})" + _AFTER)
# "+44 20 7946 0958", "+44 (0)20 7946 0958", "+90 (326) 214 12 34", "+1-519-661-5670", "+442079460958":
# a plus, then digits and separators taken whole (possessively: no backtracking on hostile digit runs),
# checked afterwards group by group
_INTL = re.compile(r"(?<![\w+])\+(?P<body>[1-9][\d \t.()\-]{5,28}+)")
_SEPARATORS = re.compile(r"[ \t.()\-]+")
# "No. 519-661-5670", "ID 519-661-5670": a number of something else
_ID_BEFORE = re.compile(r"(?:\b(?:no|nos|id|ref|case|file|isbn|issn|serial|order|invoice|account)\.?|#)"
                        r"[ \t:]*$", re.IGNORECASE)
MAX_NUMBERS = 20  # a directory page of numbers is no stronger a clue than a few


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    """A number found in the text: its span, its digits with the country code, and its area."""

    start: int
    end: int
    digits: str
    area: PhoneArea
    calling: str = "1"  # the country calling code ("1", "44", "90")

    def describe(self) -> str:
        """"phone area code 519: Ontario", "phone code +90 326: Hatay", "phone code +44: GB"."""
        where = self.area.admin1 or self.area.cc
        p, c = self.area.prefix, self.calling
        if c == "1":
            return f"phone area code {p[1:]}: {where}"
        return f"phone code +{c}{' ' + p[len(c):] if len(p) > len(c) else ''}: {where}"


def _calling(prefix: str, table) -> str:
    """The country calling code a prefix begins with: its shortest leading part that is a country row."""
    for n in range(1, min(3, len(prefix)) + 1):
        row = table.rows.get(prefix[:n])
        if row is not None and not row.admin1:
            return prefix[:n]
    return prefix[:1]


def find_phones(text: str) -> list[PhoneNumber]:
    """Telephone numbers whose prefix the table places, in text order (each number once)."""
    if not text or not any(ch.isdigit() for ch in text):
        return []
    table = phone_areas()
    found: dict[str, PhoneNumber] = {}
    taken: list[tuple[int, int]] = []
    for m in _INTL.finditer(text):
        body = m.group("body").rstrip(" \t.-(")
        end = m.start("body") + len(body)
        if re.match(_AFTER, text[end:end + 2]) is None:
            continue
        groups = [g for g in _SEPARATORS.split(body.replace("(0)", " ")) if g]
        digits = "".join(groups)
        if not (8 <= len(digits) <= 15 and (len(groups) == 1 or all(len(g) <= 5 for g in groups))):
            continue  # "+1111111111111111": no telephone number
        if _ID_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        if digits.startswith("1") and len(digits) != 11:
            continue  # a NANP number has ten digits after the 1
        area = table.lookup(digits)
        taken.append((m.start(), end))
        if area is not None and digits not in found:
            calling = (groups[0] if len(groups) > 1 and len(groups[0]) <= 3
                       else _calling(area.prefix, table))
            found[digits] = PhoneNumber(m.start(), end, digits, area, calling)
    for m in _NANP.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if _ID_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        digits = "1" + (m.group("pa") or m.group("a")) + (m.group("px") or m.group("x")) + m.group("line")
        area = table.lookup(digits[:4])
        if area is not None and len(area.prefix) == 4 and digits not in found:
            found[digits] = PhoneNumber(m.start(), m.end(), digits, area)
    return sorted(found.values(), key=lambda p: p.start)[:MAX_NUMBERS]
