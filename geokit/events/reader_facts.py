"""The event reader's facts and elaborations (a mixin of ``reader.Reader``): stocks of displaced people kept
as facts ("2,300 IDPs are sheltering in X"), crowd sizes, and sentences that add figures to an event.
"""

from __future__ import annotations

import re

from geokit.events.causes import cause_pattern
from geokit.events.counts import Count, counts_dict, parse_number
from geokit.events.placerefs import toponym_placeref
from geokit.events.sentences import Sentence
from geokit.events.wording import wording
from geokit.model import Fact, Source, Toponym
from geokit.parsing.dates import DateRef

_ELABORATION = wording("elaboration")
_CROWD = wording("crowd_size")
_STOCK = wording("stock_hosting")
_WHERE_STOCK = wording("stock_where")
# agency wording for a stock of displaced people where they stay: "2,300 IDPs are sheltering in schools in X"
_SHELTERING = wording("stock_sheltering")
_NUMBER_IN = wording("stock_number_in")
# "rose by 2,600", "fell by 300": a change of the stock, not the stock itself
_BY_CHANGE = re.compile(r"\b(?:rose|risen|rises|increased|grew|fell|fallen|dropped|decreased|declined)"
                        r"\s+by\s+"
                        r"(?:about\s+|some\s+|nearly\s+|over\s+|more\s+than\s+|almost\s+)?$", re.I)
_NATURAL_TOLL = re.compile(r"\b" + cause_pattern() + r"\b", re.I)  # "25 died in the floods": no attack's toll


class FactsMixin:
    """Stocks kept as facts, crowd figures, and elaborations that add figures to an earlier event."""

    def _crowd_figure(self, sent: Sentence) -> list[Count]:
        """ "Organisers put the crowd at 2,000": a bare figure read as the number of people in the crowd."""
        m = _CROWD.search(sent.text)
        n = (
            re.match(
                r"\s*(?:about\s+|some\s+|around\s+|nearly\s+|at\s+least\s+)?([\d,]+|[a-z-]+\s+(?:hundred|thousand))\b",
                sent.text[m.end() :],
            )
            if m
            else None
        )
        if m is None or n is None:
            return []
        value = parse_number(n.group(1))
        if not isinstance(value, int) or not 0 < value < 10_000_000:
            return []
        at = sent.start + m.end() + n.start(1)
        return [Count(at, at + len(n.group(1)), n.group(1), value, "people")]

    def _elaborate(self, sent: Sentence, counts: list[Count], dates: list[DateRef] = ()) -> None:
        """ "The group included 33 soldiers ...": figures for the latest event of that group; "At least 25
        people are dead", told with no trigger and no date just after violence, is that violence's toll."""
        casualties = {k: v for k, v in counts_dict(counts).items() if k in ("killed", "wounded")}
        if _CROWD.search(sent.text):
            recent = [
                d for d in reversed(self.drafts) if d.type == "protest" and sent.index - d.sentence.index <= 2
            ]
        elif _ELABORATION.search(sent.text):
            recent = self._recent_motion(sent)
        elif casualties and not dates and not _NATURAL_TOLL.search(sent.text):
            recent = [d for d in reversed(self.drafts) if sent.index - d.sentence.index <= 2 and not d.hidden
                      and d.type in ("attack", "military_operation")][:1]
            counts = [c for c in counts if counts_dict([c]).keys() & casualties.keys()]
        else:
            return
        if not recent:
            return
        old = recent[0]
        added = {}
        for k, v in counts_dict(counts).items():
            if k not in old.counts_all:
                old.counts_all[k] = v
                added[k] = v
            elif old.counts_all[k] != v:  # a second estimate is kept in its own source, beside the first
                added[k] = v
        if added:
            old.sources.append(self._source(sent, added, old))

    def _facts(self, sent: Sentence, dates: list[DateRef], counts: list[Count]) -> list[tuple[int, int]]:
        """Stocks: "X is housing N ...", "X camp, where there are N ...". Returns the spans used."""
        used: list[tuple[int, int]] = []
        for pat, ftype in ((_STOCK, "hosting"), (_WHERE_STOCK, "presence")):
            for m in pat.finditer(sent.text):
                at = sent.start + m.start()
                after = [c for c in counts if c.start >= at and c.start - at < 200]
                before = self._places_in(sent.start, at)
                if not after or not before:
                    continue
                self._stock_fact(sent, dates, after[0], before[-1], ftype, at)
                used.append((at, after[0].end))
        for m in _NUMBER_IN.finditer(sent.text):
            end = sent.start + m.end()
            where = self._places_in(end, min(sent.end, end + 60))
            if not where or where[0].start - end > 20:
                continue
            figure = [c for c in counts if c.start > where[0].end and c.start - where[0].end <= 100
                      and not any(a <= c.start < b for a, b in used)
                      and not _BY_CHANGE.search(self.text, max(0, c.start - 30), c.start)]
            if figure:
                self._stock_fact(sent, dates, figure[0], where[0], "presence", figure[0].start)
                used.append((figure[0].start, figure[0].end))
        for m in _SHELTERING.finditer(sent.text):
            at, end = sent.start + m.start(), sent.start + m.end()
            own = [c for c in counts
                   if c.end <= end and at - c.start <= 40 and not any(a <= c.start < b for a, b in used)]
            after = self._places_in(end, min(sent.end, end + 120))
            if not own or not after:
                continue
            self._stock_fact(sent, dates, own[-1], after[0], "presence", own[-1].start)
            used.append((own[-1].start, end))
        return used

    def _stock_fact(self, sent: Sentence, dates: list[DateRef], count: Count, place_t: Toponym,
                    ftype: str, since: int) -> None:
        """A standing figure of people at a place, as of the first date from ``since`` on or the report's."""
        place = toponym_placeref(place_t, self.text)
        date = next((d for d in dates if d.start >= since), None)
        if date is not None and date.date is not None:
            iso, prec, note = date.iso(), date.precision, date.note
        elif self.pub is not None:
            iso, prec = self.pub.isoformat(), "day"
            note = f"as of the report (published {self.pub.isoformat()})"
        else:
            iso, prec, note = None, "unknown", "a standing figure; the report has no published date"
        fc = {count.label: count.json_value()}
        qual = f"; {count.describe()}" if count.qualifier else ""
        self.facts.append(Fact(
            id=f"{self.doc_id}#f{len(self.facts) + 1}", type=ftype, date=iso, date_precision=prec,
            place=place, who=" ".join(self.text[place_t.start:place_t.end].split()), counts=fc,
            confidence=0.6 if place.geo_precision <= 3 else 0.5,
            sources=[Source(self.doc_id, sent.start, sent.end, sent.text, fc, iso)],
            notes=(note + qual).strip("; "),
        ))
