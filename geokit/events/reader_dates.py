"""The event reader's dates (a mixin of ``reader.Reader``): the dates said of a trigger, a date borrowed from
a time-linked clause ("after ...", "two days after ...") or the lead, and the record's date fields.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from geokit.events.clauses import _CLOSING_ATTRIBUTION, _REPORT_FRAME
from geokit.events.counts import parse_number
from geokit.events.drafts import _Draft
from geokit.events.sentences import Sentence
from geokit.events.triggers import Trigger, is_present
from geokit.events.wording import wording
from geokit.parsing.dates import DateRef

_LEAD_AFTER = wording("lead_after")
_INCIDENT_WORDS = wording("incident_noun")
_TIME_LINK = re.compile(r"\b(?:after|following|as|when|while)\b", re.I)
_DAYS_AFTER = re.compile(
    r"\b(?P<n>\d{1,3}|[a-z]+)\s+(?P<unit>days?|weeks?)\s+after\s+(?:[\w’'-]+\s+){0,8}$", re.I
)
_NOTE_QUALIFIER = re.compile(r"\s*\((month|week)\s+of\)", re.I)
_AROUND_BEFORE = re.compile(r"\b(?:around|on\s+or\s+around|on\s+or\s+about|about)\s+$", re.I)
_MEANWHILE = re.compile(r"\b(?:meanwhile|at\s+the\s+same\s+time|simultaneously)\b", re.I)


class DatesMixin:
    """Dates of an event: its own, borrowed from a time-linked clause or the lead, or the report's."""

    def _said_dates(self, sent: Sentence, trig: Trigger, dates: list[DateRef]) -> list[DateRef]:
        """The dates of a reporting frame around the trigger ("officials said on Monday that ...", "...,
        police said on Monday."): when the statement was made, not when the event happened."""
        out = []
        frames = [(sent.start + m.start(), sent.start + m.end()) for m in _REPORT_FRAME.finditer(sent.text)
                  if sent.start + m.end() <= trig.start]
        m = _CLOSING_ATTRIBUTION.search(sent.text)
        if m is not None and sent.start + m.start() >= trig.end:
            frames.append((sent.start + m.start(), sent.end))
        for d in dates:
            if any(a <= d.start and d.end <= b for a, b in frames):
                out.append(d)
        return out

    def _days_after(self, sent: Sentence, trig: Trigger, dates: list[DateRef]) -> DateRef | None:
        """ "on Monday, ten days after a plane was brought down": the event is N days before the anchor."""
        before = self.text[sent.start:trig.start]
        m = _DAYS_AFTER.search(before)
        if m is None:
            return None
        n = 1 if m.group("n").lower() in ("a", "an") else parse_number(m.group("n"))  # "a week after"
        if not isinstance(n, int) or not 0 < n <= 400:
            return None
        at = sent.start + m.start()
        anchors = [d for d in dates if d.end <= at and d.date is not None]
        anchor = anchors[-1].date if anchors else self.pub
        if anchor is None:
            return None
        days = n * (7 if m.group("unit").lower().startswith("week") else 1)
        when = anchor - dt.timedelta(days=days)
        return DateRef(at, sent.start + m.end(), m.group().strip(), when, when,
                       "week" if days >= 7 else "day", "relative",
                       f"{m.group('n')} {m.group('unit')} before {anchor.isoformat()}")

    def _after_lead(self, sent: Sentence, trig: Trigger, dates: list[DateRef]) -> DateRef | None:
        """ "Two days after the bombing, police arrested five": the main clause is N days after the day of
        the leading clause (its own date, else the latest dated event before it in the report)."""
        m = _LEAD_AFTER.match(sent.text)
        if m is None or sent.start + m.end() > trig.start:
            return None
        lo, hi = sent.start + m.start("what"), sent.start + m.end("what")
        base = next((d.date for d in dates if lo <= d.start and d.end <= hi and d.date is not None
                     and d.precision == "day"), None)
        if base is None:
            prior = [d for d in self.drafts if d.date is not None and d.date.date is not None
                     and d.date.precision == "day" and 0 <= sent.index - d.sentence.index <= 3]
            if not prior or not _INCIDENT_WORDS.search(sent.text, lo, hi):
                return None
            base = prior[-1].date.date
        n = m.group("n")
        if n is None:
            days = 0  # "hours after", "shortly after": the same day
        else:
            k = 1 if n.lower() in ("a", "an", "one") else parse_number(n)
            if not isinstance(k, int) or not 0 < k <= 60:
                return None
            days = k * (7 if m.group("unit").lower().startswith("week") else 1)
        when = base + dt.timedelta(days=days)
        at = sent.start + m.start()
        return DateRef(at, sent.start + m.end(), m.group().strip(" ,"), when, when,
                       "day" if days < 7 else "week", "relative",
                       f"{m.group().strip(' ,')}: {days} day(s) after {base.isoformat()}")

    def _borrowed_date(self, sent: Sentence, trig: Trigger, dates: list[DateRef],
                       triggers: list[Trigger]) -> tuple[DateRef | None, str]:
        """A date for a verb whose clause has none: a time-linked clause of the sentence, or "meanwhile".

        "pounded targets through the night after a shell killed two on Wednesday": the clause
        joined by after/as/when/following is the same time; "X were meanwhile pushing into Y"
        is the time of the latest dated event.
        """
        for d in sorted(dates, key=lambda d: abs(d.start - trig.start)):
            if d.date is None or any(
                t is not trig and t.noun and 0 <= t.start - d.end <= 30 for t in triggers
            ):
                continue  # "in response to the June 22 downing": the date of the other event
            if re.search(r"['’]s$", d.text):
                continue  # "as the toll from Friday's earthquake rose": the day of the noun it owns
            lo, hi = (trig.end, d.start) if d.start >= trig.end else (d.end, trig.start)
            if _TIME_LINK.search(self.text[lo:hi]):
                return d, "date of the time-linked clause in the same sentence"
        if not is_present(trig.text) and self.drafts:
            old = self.drafts[-1]
            if (
                sent.index - old.sentence.index == 1
                and old.date is not None
                and old.date.date is not None
                and old.date.precision == "day"
                and not old.title
                and not sent.title
            ):
                return old.date, "date carried from the previous sentence (its clause names none)"
        if _MEANWHILE.search(sent.text):
            for old in reversed(self.drafts):
                if sent.index - old.sentence.index > 2:
                    break
                if old.date is not None and old.date.date is not None:
                    return old.date, "date carried from the earlier sentence ('meanwhile')"
        return None, ""

    def _note_precision(self, date: DateRef) -> DateRef:
        """ACLED's own date qualifiers: "5 February 2024 (month of)" is known to the month, "(week of)" and
        "Around 5 February" to the week (time_precision 3 and 2); the day stays the one given."""
        after = _NOTE_QUALIFIER.match(self.text, date.end)
        if after is not None:
            return replace(date, precision="month" if after.group(1).lower() == "month" else "week")
        if _AROUND_BEFORE.search(self.text, max(0, date.start - 20), date.start):
            return replace(date, precision="week")
        return date

    def _date_fields(self, d: _Draft) -> None:
        if d.date is None and not d.date_note:
            pub = f"; reported {self.pub.isoformat()}" if self.pub else "; the report has no published date"
            d.date_note = "no date in the sentence" + pub
