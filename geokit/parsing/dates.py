"""Reading dates in news text against the report's published date.

Why a module of its own: an event's date is rarely written out. Reports say "on Monday",
"yesterday", "since Thursday", "a weekend meeting" or "June 24", and only the published
date (passed by the user or read from a dateline) turns those into calendar days. When it
is missing the result says so (precision "unknown" plus a note) rather than guessing.

Conventions (documented once, used everywhere):

- ``DateRef.date`` is the earliest day meant and ``DateRef.last`` the latest, so every
  reading is a window; ``precision`` names its size: day, week (up to 7 days, incl. a
  weekend), month, year, or unknown.
- A bare weekday ("on Monday") is the most recent such day on or before the published
  date (the same day when the report is published on a Monday); in a sentence about the
  future ("will meet on Monday") it is the next one on or after it.
- "overnight" / "last night" is the night before publication: date = published - 1 day.
- "June 24" without a year takes the published year, or the year before when that would
  put it more than a week after publication (and the sentence is not about the future).
- "8.3.2012" is read day.month.year; when both readings are valid days the one on or
  before (and closest to) the published date wins and the note states the ambiguity.
- "a few days earlier" counts back 2-5 days from the last explicit date of the report
  (the narrative anchor), "a few days ago" from the published date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from geokit.errors import InputError

PRECISIONS = ("day", "week", "month", "year", "unknown")

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}

_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
             r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b)")  # "in Marawi" names no month
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMWORD_RE = (
    r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
)

# Sentences about the future read weekdays forward.
FUTURE_RE = re.compile(
    r"\b(?:will|shall|is due|are due|is scheduled|are scheduled|is expected to|are expected to|"
    r"(?<!was )(?<!were )(?<!been )expected to|is set to|are set to|"
    r"plans? to|planned|is to|are to|upcoming|next)\b", re.I)


@dataclass(slots=True)
class DateRef:
    """A date expression found in a text, read as a window of days."""

    start: int
    end: int
    text: str
    date: dt.date | None
    last: dt.date | None
    precision: str
    kind: str = "absolute"  # absolute | relative (needs published) | anaphoric (needs anchor)
    note: str = ""

    @property
    def known(self) -> bool:
        return self.date is not None

    def iso(self) -> str | None:
        return self.date.isoformat() if self.date else None


# --------------------------------------------------------------------- published dates


def parse_date(value: Any) -> dt.date | None:
    """A calendar date from a date, datetime, ISO string or written date ("June 25, 2012", "25.6.2012").

    None/"" give None; anything else that is not a date raises ValueError with the reason.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        if hasattr(value, "to_pydatetime"):
            return value.to_pydatetime().date()
        raise TypeError(f"a date must be a date or a string, not {type(value).__name__}")
    s = value.strip()
    try:
        return (
            dt.date.fromisoformat(s[:10]) if re.match(r"\d{4}-\d{2}-\d{2}", s) else dt.date.fromisoformat(s)
        )
    except ValueError:
        pass
    for ref in find_dates(s, None):
        if ref.date is not None and ref.precision == "day" and ref.kind == "absolute":
            return ref.date
    raise InputError(f"cannot read {value!r} as a date (try YYYY-MM-DD)")


def published_warnings(published: dt.date | None, today: dt.date | None = None) -> list[str]:
    """Warnings about a published date itself: missing, or in the future."""
    if published is None:
        return ["no published date: relative dates ('on Monday', 'yesterday') are left unknown"]
    today = today or dt.date.today()
    if published > today:
        return [f"published date {published.isoformat()} is in the future (today is {today.isoformat()}); "
                "relative dates are read against it anyway"]
    return []


_DATELINE_SCAN = 400


def dateline_date(text: str) -> DateRef | None:
    """A full calendar date near the top of a report (dateline or byline), or None."""
    head = text[:_DATELINE_SCAN]
    for ref in find_dates(head, None):
        if ref.kind == "absolute" and ref.precision == "day" and ref.date is not None:
            return ref
    return None


# --------------------------------------------------------------------- helpers


def _weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def _weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _month_start(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _shift_months(day: dt.date, months: int) -> tuple[int, int]:
    idx = day.year * 12 + (day.month - 1) + months
    return idx // 12, idx % 12 + 1


def _num(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return SMALL_NUMBERS.get(w)


def _year_for(month: int, day: int, published: dt.date, future: bool) -> int:
    """The year of a month/day written without one, read against the published date."""
    year = published.year
    try:
        cand = dt.date(year, month, day)
    except ValueError:
        return year
    if not future and cand > published + dt.timedelta(days=7):
        return year - 1
    if future and cand < published - dt.timedelta(days=180):
        return year + 1
    return year


def _day(start, end, text, day, note="", kind="absolute") -> DateRef:
    return DateRef(start, end, text, day, day, "day", kind, note)


def _unknown(start, end, text, note, kind="relative") -> DateRef:
    return DateRef(start, end, text, None, None, "unknown", kind, note)


# --------------------------------------------------------------------- patterns

_P_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_P_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d.]*\d)")
_P_MDY = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?"
                    r"(?:,?\s+((?i:last|this|next))\s+(?i:year)\b)?")
_P_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})(?:,?\s+(\d{{4}})\b)?"
                    r"(?:,?\s+((?i:last|this|next))\s+(?i:year)\b)?")
_P_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})(?:,)?\s+(\d{{4}})\b")
# "between 3 and 5 May", "3-5 May 2023", "from 10 to 14 March", "May 3-5": one window, first day to last
_P_DAY_RANGE_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|\band\b|\bto\b|\buntil\b)\s*"
                              rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})(?:,?\s+(\d{{4}})\b)?")
_P_DAY_RANGE_MDY = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|\band\b|\bto\b)\s*"
                              r"(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?")
# "in the first week of February", "the last week of May", "the first half of June": a part of a month
_P_PART_OF_MONTH = re.compile(rf"\b(first|second|third|fourth|last|final)\s+(week|half)\s+of\s+({_MONTH_RE})"
                              r"(?:,?\s+(\d{4})\b)?", re.I)
_P_MONTH_CUE = re.compile(
    rf"\b(last year in|in|since|during|until|through|early|late|mid-|by|last|this|next)\s+({_MONTH_RE})"
    rf"(\s+last year)?(?!\s*\d)", re.I)
_P_YEAR = re.compile(
    r"\b(in|since|during|until|through|by|early|late|mid-)\s+((?:19|20)\d{2})\b(?![-/.]\d)", re.I
)
_P_WEEKDAY = re.compile(
    rf"\b(?:(last|next|this|this coming|on|early|late|since|until|from|by)\s+)?({_WEEKDAY_RE})(?!s\b)"
    r"(?:'s)?(?:\s+(morning|afternoon|evening|night))?\b", re.I)
_P_TODAY = re.compile(
    r"\b(the day before yesterday|day before yesterday|yesterday|today|tonight|tomorrow|overnight|"
    r"last night|this morning|this afternoon|this evening|earlier today)\b", re.I)
_P_WEEK = re.compile(
    r"\b(last|this|next|earlier this|later this|past|previous)\s+(week|weekend|month|year)\b", re.I
)
_P_WEEKEND = re.compile(r"\b(?:(a|the|over the|at the|this|last|next)\s+)?(weekend)\b", re.I)
_P_AGO = re.compile(
    rf"\b(a few|several|{_NUMWORD_RE})\s+(day|week|month|year)s?\s+(ago|earlier|before|later|after)\b", re.I
)
_P_DAY_BEFORE = re.compile(
    r"\b(the day before|the (?:previous|next|following) (?:day|morning|afternoon|evening|night)|"
    r"the day after)\b",
    re.I,
)
_P_SAME_DAY = re.compile(
    r"\b(?:on\s+)?(?:the\s+same\s+(?:day|night|morning|evening)|that\s+(?:same\s+)?day)\b", re.I
)
_P_PAST_N = re.compile(
    rf"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(few|several|{_NUMWORD_RE})\s+(day|week)s?\b", re.I
)

_CASE_SENSITIVE_WEEKDAY = re.compile(_WEEKDAY_RE)
_CASE_SENSITIVE_MONTH = re.compile(_MONTH_RE)


# --------------------------------------------------------------------- the reader


def find_dates(
    text: str,
    published: dt.date | None,
    *,
    anchor: dt.date | None = None,
    offset: int = 0,
    future: bool | None = None,
) -> list[DateRef]:
    """Every date expression in ``text`` (usually one sentence), read as windows of days.

    ``published`` reads relative expressions; ``anchor`` (the last explicit date of the
    report so far) reads anaphoric ones ("a few days earlier"); ``offset`` is added to the
    spans so they point into the whole report. ``future`` overrides the tense guess.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    guessed = future is None
    if future is None:
        future = bool(FUTURE_RE.search(text))
    found: list[DateRef] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(ref: DateRef | None, s: int, e: int) -> None:
        if ref is not None and free(s, e):
            taken.append((s, e))
            found.append(ref)

    for m in _P_ISO.finditer(text):
        y, mo, d = map(int, m.groups())
        try:
            add(_day(m.start() + offset, m.end() + offset, m.group(), dt.date(y, mo, d)), m.start(), m.end())
        except ValueError:
            add(_unknown(m.start() + offset, m.end() + offset, m.group(), f"invalid date {m.group()!r}",
                         "absolute"), m.start(), m.end())
    for m in _P_NUMERIC.finditer(text):
        add(_numeric(m, published, offset), m.start(), m.end())
    for m in _P_DAY_RANGE_DMY.finditer(text):
        if _CASE_SENSITIVE_MONTH.match(m.group(3)) and _range_joined(text, m):
            add(_day_range(m, m.group(3), m.group(1), m.group(2), m.group(4), published, future, offset),
                m.start(), m.end())
    for m in _P_DAY_RANGE_MDY.finditer(text):
        if _CASE_SENSITIVE_MONTH.match(m.group(1)) and _range_joined(text, m):
            add(_day_range(m, m.group(1), m.group(2), m.group(3), m.group(4), published, future, offset),
                m.start(), m.end())
    for m in _P_PART_OF_MONTH.finditer(text):
        if _CASE_SENSITIVE_MONTH.match(m.group(3)):
            add(_part_of_month(m, published, future, offset), m.start(), m.end())
    for m in _P_MDY.finditer(text):
        if _CASE_SENSITIVE_MONTH.match(m.group(1)):
            add(_month_day(m, m.group(1), m.group(2), m.group(3), published, future, offset, m.group(4)),
                m.start(), m.end())
    for m in _P_DMY.finditer(text):
        if _CASE_SENSITIVE_MONTH.match(m.group(2)):
            add(_month_day(m, m.group(2), m.group(1), m.group(3), published, future, offset, m.group(4)),
                m.start(), m.end())
    for m in _P_MONTH_YEAR.finditer(text):
        if _CASE_SENSITIVE_MONTH.match(m.group(1)):
            mo, y = MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2))
            add(
                DateRef(
                    m.start() + offset, m.end() + offset, m.group(), _month_start(y, mo), _month_end(y, mo),
                    "month",
                ),
                m.start(),
                m.end(),
            )
    anaphoric: list[tuple[re.Match, str]] = []  # read last, against the nearest earlier date
    for m in _P_AGO.finditer(text):
        if m.group(3).lower() == "ago":
            add(_ago(m, published, anchor, offset, text), m.start(), m.end())
        elif free(m.start(), m.end()):
            taken.append((m.start(), m.end()))
            anaphoric.append((m, "ago"))
    for m in _P_PAST_N.finditer(text):
        add(_past_n(m, published, offset), m.start(), m.end())
    for pat, kind in ((_P_DAY_BEFORE, "day"), (_P_SAME_DAY, "same")):
        for m in pat.finditer(text):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end()))
                anaphoric.append((m, kind))
    for m in _P_WEEKDAY.finditer(text):
        if _CASE_SENSITIVE_WEEKDAY.match(m.group(2)):
            ahead = _future_at(text, m.start()) if guessed and future else future
            add(_weekday(m, published, ahead, offset), m.start(), m.end())
    for m in _P_TODAY.finditer(text):
        add(_today(m, published, offset), m.start(), m.end())
    for m in _P_MONTH_CUE.finditer(text):
        if _CASE_SENSITIVE_MONTH.match(m.group(2)):
            add(_month_cue(m, published, future, offset), m.start(), m.end())
    for m in _P_WEEK.finditer(text):
        add(_week(m, published, offset), m.start(), m.end())
    for m in _P_WEEKEND.finditer(text):
        ahead = _future_at(text, m.start()) if guessed and future else future
        add(_weekend(m, published, ahead, offset), m.start(), m.end())
    for m in _P_YEAR.finditer(text):
        y = int(m.group(2))
        add(
            DateRef(
                m.start() + offset, m.end() + offset, m.group(), dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
            ),
            m.start(),
            m.end(),
        )
    found.sort(key=lambda r: r.start)
    for m, kind in sorted(anaphoric, key=lambda x: x[0].start()):
        earlier = [
            r for r in found if r.start - offset < m.start() and r.date is not None and r.precision == "day"
        ]
        local = earlier[-1].date if earlier else anchor
        if kind == "ago":
            ref = _ago(m, published, local, offset, text)
        elif kind == "day":
            ref = _day_before(m, local, offset)
        else:
            ref = (
                _day(m.start() + offset, m.end() + offset, m.group(), local, "", "anaphoric")
                if local
                else _unknown(
                    m.start() + offset, m.end() + offset, m.group(),
                    f"{m.group()!r} cannot be placed: no earlier date in the report", "anaphoric",
                )
            )
        found.append(ref)
        found.sort(key=lambda r: r.start)
    return _combine_adjacent(found, text, offset)


# A finite past verb before a weekday ("marched through the town on Saturday to protest against plans to
# close ..."): the weekday is that verb's, so a future cue later in the sentence does not move it forward.
_PAST_BEFORE = re.compile(r"\b(?:was|were|had|did|said|told|went|came|began|left|met|held|took|fled|"
                          r"(?-i:[a-z])[a-z]{2,}ed)\b", re.I)


def _future_at(text: str, at: int) -> bool:
    """Whether the weekday at ``at`` is read forward: a future cue before it in the sentence, or one after
    it when no finite past verb comes before it ("On Monday the council will vote" is forward, "people
    marched on Saturday against plans to ..." is not)."""
    before = text[:at]
    if FUTURE_RE.search(before):
        return True
    return not _PAST_BEFORE.search(before)


def _combine_adjacent(refs: list[DateRef], text: str, offset: int) -> list[DateRef]:
    """Join "Monday, June 24" into one reading; flag the two when they disagree."""
    out: list[DateRef] = []
    for ref in refs:
        prev = out[-1] if out else None
        if prev is not None:
            gap = text[prev.end - offset:ref.start - offset]
            if re.fullmatch(r"\s*[,(]?\s*", gap) and {prev.kind, ref.kind} == {"relative", "absolute"}:
                absolute, relative = (prev, ref) if prev.kind == "absolute" else (ref, prev)
                note = absolute.note
                if relative.date is not None and absolute.date is not None and relative.precision == "day" \
                        and absolute.precision == "day" and relative.date != absolute.date:
                    note = (
                        f"contradictory dates: {relative.text!r} reads {relative.date.isoformat()} but "
                        f"{absolute.text!r} is {absolute.date.isoformat()} ({absolute.date:%A}); "
                        "kept the calendar date"
                    )
                elif absolute.date is not None and absolute.precision == "day" and \
                        _CASE_SENSITIVE_WEEKDAY.search(relative.text):
                    wd = WEEKDAYS[_CASE_SENSITIVE_WEEKDAY.search(relative.text).group().lower()]
                    if absolute.date.weekday() != wd:
                        note = (f"contradictory dates: {absolute.text!r} is a {absolute.date:%A}, "
                                f"not {relative.text.strip()!r}; kept the calendar date")
                out[-1] = DateRef(
                    prev.start, ref.end, text[prev.start - offset : ref.end - offset], absolute.date,
                    absolute.last, absolute.precision, "absolute", note,
                )
                continue
        out.append(ref)
    return out


def _numeric(m: re.Match, published: dt.date | None, offset: int) -> DateRef:
    a, sep, b, y = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
    readings: list[tuple[str, dt.date]] = []
    for label, (d, mo) in (("day.month", (a, b)), ("month.day", (b, a))):
        try:
            readings.append((label, dt.date(y, mo, d)))
        except ValueError:
            pass
    s, e = m.start() + offset, m.end() + offset
    if not readings:
        return _unknown(s, e, m.group(), f"invalid date {m.group()!r}", "absolute")
    if len(readings) == 1 or readings[0][1] == readings[1][1]:
        return _day(s, e, m.group(), readings[0][1])
    default = 0 if sep == "." else 1  # dots are day.month in most of the world; slashes month/day
    pick = default
    if published is not None:
        ok = [(published - d).days for _, d in readings]
        best = [i for i in (0, 1) if ok[i] >= 0]
        if len(best) == 1:
            pick = best[0]
        elif best:
            pick = min(best, key=lambda i: ok[i])
    other = readings[1 - pick]
    note = (f"{m.group()!r} is ambiguous: read as {readings[pick][0]} ({readings[pick][1].isoformat()}), "
            f"not {other[0]} ({other[1].isoformat()})")
    return _day(s, e, m.group(), readings[pick][1], note)


def _month_day(m, month_s, day_s, year_s, published, future, offset, rel=None) -> DateRef:
    mo, d = MONTHS[month_s.lower().rstrip(".")], int(day_s)
    s, e = m.start() + offset, m.end() + offset
    if year_s:
        y = int(year_s)
    elif rel and published is not None:  # "25 February last year"
        y = published.year + {"last": -1, "this": 0, "next": 1}[rel.lower()]
        year_s = str(y)
    elif published is not None:
        y = _year_for(mo, d, published, future)
    else:
        return _unknown(s, e, m.group(), f"{m.group()!r} has no year and the report has no published date")
    try:
        day = dt.date(y, mo, d)
    except ValueError:
        return _unknown(s, e, m.group(), f"invalid date {m.group()!r}", "absolute")
    note = (
        "" if year_s or published is None or y == published.year else f"year {y} inferred (before the report)"
    )
    return _day(s, e, m.group(), day, note, "absolute")


def _part_of_month(m, published, future, offset) -> DateRef | None:
    """ "the first week of February" (1-7), "the last week of May" (25-31), "the second half of June"."""
    which, part, mo = m.group(1).lower(), m.group(2).lower(), MONTHS[m.group(3).lower().rstrip(".")]
    s, e = m.start() + offset, m.end() + offset
    if m.group(4):
        y = int(m.group(4))
    elif published is not None:
        y = _year_for(mo, 1, published, future)
    else:
        return _unknown(s, e, m.group(), f"{m.group()!r} has no year and the report has no published date")
    last_day = _month_end(y, mo)
    if part == "half":
        if which not in ("first", "second", "last", "final"):
            return None
        first = dt.date(y, mo, 1) if which == "first" else dt.date(y, mo, 16)
        last = dt.date(y, mo, 15) if which == "first" else last_day
        return DateRef(s, e, m.group(), first, last, "month", "absolute", f"{m.group()!r}: {first} to {last}")
    if which in ("last", "final"):
        first = last_day - dt.timedelta(days=6)
    else:
        first = dt.date(y, mo, 1 + 7 * ("first", "second", "third", "fourth").index(which))
    last = first + dt.timedelta(days=6)
    return DateRef(s, e, m.group(), first, last, "week", "absolute", f"{m.group()!r}: {first} to {last}")


def _range_joined(text: str, m: re.Match) -> bool:
    """ "3 and 5 May" is a range only after "between" (else two days: "on 3 and 5 May")."""
    return not re.search(r"\band\b", m.group()) or bool(re.search(r"\bbetween\s+$", text[:m.start()], re.I))


def _day_range(m, month_s, first_s, last_s, year_s, published, future, offset) -> DateRef | None:
    """ "between 3 and 5 May": a window from the first day to the last (the event's date is its first day);
    None when the two numbers are no days of one month in order (then each is read on its own)."""
    first, last = int(first_s), int(last_s)
    if not 1 <= first < last <= 31:
        return None
    ref = _month_day(m, month_s, last_s, year_s, published, future, offset)
    if ref.date is None:
        return ref
    try:
        start = ref.date.replace(day=first)
    except ValueError:
        return None
    span = (ref.date - start).days
    precision = "day" if span == 0 else "week" if span <= 7 else "month"
    return DateRef(ref.start, ref.end, ref.text, start, ref.date, precision, "absolute",
                   f"{m.group()!r}: {start.isoformat()} to {ref.date.isoformat()}")


def _weekday(m, published, future, offset) -> DateRef:
    cue = (m.group(1) or "").lower()
    wd = WEEKDAYS[m.group(2).lower()]
    s, e = m.start() + offset, m.end() + offset
    if published is None:
        return _unknown(s, e, m.group(), f"{m.group()!r} cannot be placed: no published date")
    if cue == "next" or cue == "this coming" or (future and cue not in ("last", "since")):
        day = _weekday_on_or_after(published, wd)
        if cue == "next" and day == published:
            day += dt.timedelta(days=7)
    elif cue == "last":
        day = _weekday_on_or_before(published - dt.timedelta(days=1), wd)
    else:
        day = _weekday_on_or_before(published, wd)
    if cue == "since":
        last = published
        prec = "day" if (last - day).days <= 1 else "week"
        return DateRef(s, e, m.group(), day, last, prec, "relative",
                       f"since {day.isoformat()} ({m.group(2)}), up to the report of {published.isoformat()}")
    if (m.group(3) or "").lower() == "night":
        return DateRef(s, e, m.group(), day, day + dt.timedelta(days=1), "day", "relative",
                       f"the night of {day.isoformat()}")
    return _day(s, e, m.group(), day, "", "relative")


def _today(m, published, offset) -> DateRef:
    w = m.group(1).lower()
    s, e = m.start() + offset, m.end() + offset
    if published is None:
        return _unknown(s, e, m.group(), f"{m.group()!r} cannot be placed: no published date")
    if w in ("yesterday", "last night"):
        return _day(s, e, m.group(), published - dt.timedelta(days=1), "", "relative")
    if w == "overnight":
        prev = published - dt.timedelta(days=1)
        return DateRef(s, e, m.group(), prev, published, "day", "relative",
                       f"overnight: the night of {prev.isoformat()} to {published.isoformat()}")
    if w in ("the day before yesterday", "day before yesterday"):
        return _day(s, e, m.group(), published - dt.timedelta(days=2), "", "relative")
    if w == "tomorrow":
        return _day(s, e, m.group(), published + dt.timedelta(days=1), "planned / future", "relative")
    return _day(s, e, m.group(), published, "", "relative")


def _week(m, published, offset) -> DateRef | None:
    cue, unit = m.group(1).lower(), m.group(2).lower()
    s, e = m.start() + offset, m.end() + offset
    if published is None:
        return _unknown(s, e, m.group(), f"{m.group()!r} cannot be placed: no published date")
    if unit == "weekend":
        return None  # handled by _weekend
    step = {"last": -1, "previous": -1, "past": -1, "next": 1}.get(cue, 0)
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(days=7 * step)
        last = min(monday + dt.timedelta(days=6), published) if step == 0 else monday + dt.timedelta(days=6)
        if cue == "past":
            monday, last = published - dt.timedelta(days=7), published
        return DateRef(s, e, m.group(), monday, last, "week", "relative")
    if unit == "month":
        y, mo = _shift_months(published, step)
        first = _month_start(y, mo)
        if cue == "past":
            first = published - dt.timedelta(days=30)
        return DateRef(
            s, e, m.group(), first, _month_end(y, mo) if cue != "past" else published, "month", "relative"
        )
    y = published.year + step
    return DateRef(s, e, m.group(), dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "relative")


def _weekend(m, published, future, offset) -> DateRef:
    cue = (m.group(1) or "").lower()
    s, e = m.start() + offset, m.end() + offset
    if published is None:
        return _unknown(s, e, m.group(), f"{m.group()!r} cannot be placed: no published date")
    if cue == "next" or (future and cue != "last"):
        sat = _weekday_on_or_after(published, 5)
    elif published.weekday() == 6:
        sat = published - dt.timedelta(days=1)
    elif published.weekday() == 5:
        sat = published
    else:
        sat = _weekday_on_or_before(published, 5)
        if cue == "last" and (published - sat).days < 2:
            sat -= dt.timedelta(days=7)
    sun = sat + dt.timedelta(days=1)
    return DateRef(s, e, m.group(), sat, sun, "week", "relative",
                   f"the weekend of {sat.isoformat()} and {sun.isoformat()}")


def _month_cue(m, published, future, offset) -> DateRef:
    cue = m.group(1).lower()
    mo = MONTHS[m.group(2).lower().rstrip(".")]
    s, e = m.start() + offset, m.end() + offset
    if published is None:
        return _unknown(s, e, m.group(), f"{m.group()!r} has no year and the report has no published date")
    y = published.year
    if cue == "last year in" or m.group(3):
        y -= 1
    elif cue == "next" or (future and cue not in ("last", "since")):
        if mo < published.month:
            y += 1
    elif mo > published.month or (cue == "last" and mo == published.month):
        y -= 1
    return DateRef(s, e, m.group(), _month_start(y, mo), _month_end(y, mo), "month", "relative",
                   "" if y == published.year or cue == "last year in" or m.group(3) else f"year {y} inferred")


def _ago(m, published, anchor, offset, text: str = "") -> DateRef:
    qty, unit, direction = m.group(1).lower(), m.group(2).lower(), m.group(3).lower()
    s, e = m.start() + offset, m.end() + offset
    if direction in ("after", "before") and re.match(r"\s+[A-Za-z]", text[m.end():m.end() + 3]):
        # "ten days after a jet was downed": the event named after it is the earlier one
        direction = "earlier" if direction == "after" else "later"
    base = published if direction == "ago" else anchor
    if base is None:
        what = "no published date" if direction == "ago" else "no earlier date in the report to count from"
        return _unknown(s, e, m.group(), f"{m.group()!r} cannot be placed: {what}",
                        "relative" if direction == "ago" else "anaphoric")
    sign = 1 if direction in ("later", "after") else -1
    kind = "relative" if direction == "ago" else "anaphoric"
    days_per = {"day": 1, "week": 7, "month": 30, "year": 365}[unit]
    if qty in ("a few", "several"):
        lo, hi = (2, 5) if qty == "a few" else (3, 7)
        lo_d, hi_d = (
            base + dt.timedelta(days=sign * lo * days_per),
            base + dt.timedelta(days=sign * hi * days_per),
        )
        first, last = min(lo_d, hi_d), max(lo_d, hi_d)
        prec = "week" if unit == "day" else ("month" if unit == "week" else "year")
        return DateRef(s, e, m.group(), first, last, prec, kind,
                       f"{m.group()!r}: between {first.isoformat()} and {last.isoformat()} (approximate)")
    n = _num(qty) or 1
    if unit == "day":
        return _day(s, e, m.group(), base + dt.timedelta(days=sign * n), "", kind)
    if unit == "week":
        mid = base + dt.timedelta(days=sign * 7 * n)
        return DateRef(s, e, m.group(), mid - dt.timedelta(days=3), mid + dt.timedelta(days=3), "week", kind,
                       f"about {mid.isoformat()}")
    if unit == "month":
        y, mo = _shift_months(base, sign * n)
        return DateRef(s, e, m.group(), _month_start(y, mo), _month_end(y, mo), "month", kind)
    y = base.year + sign * n
    return DateRef(s, e, m.group(), dt.date(y, 1, 1), dt.date(y, 12, 31), "year", kind)


def _past_n(m, published, offset) -> DateRef:
    qty, unit = m.group(1).lower(), m.group(2).lower()
    s, e = m.start() + offset, m.end() + offset
    if published is None:
        return _unknown(s, e, m.group(), f"{m.group()!r} cannot be placed: no published date")
    n = {"few": 3, "several": 5}.get(qty) or _num(qty) or 1
    days = n * (7 if unit == "week" else 1)
    first = published - dt.timedelta(days=days)
    prec = "day" if days <= 1 else ("week" if days <= 7 else "month")
    return DateRef(s, e, m.group(), first, published, prec, "relative",
                   f"between {first.isoformat()} and {published.isoformat()}")


def _day_before(m, anchor, offset) -> DateRef:
    w = m.group(1).lower()
    s, e = m.start() + offset, m.end() + offset
    if anchor is None:
        return _unknown(s, e, m.group(), f"{m.group()!r} cannot be placed: no earlier date in the report",
                        "anaphoric")
    sign = -1 if ("before" in w or "previous" in w) else 1
    return _day(s, e, m.group(), anchor + dt.timedelta(days=sign), "", "anaphoric")
