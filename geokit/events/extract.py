"""Events, movements and facts read from parsed reports by rules; see ``extract``.

How a report is read (each step is a small function below):

1. Sentences with offsets (``geokit.events.sentences``); dates (``geokit.parsing.dates``), figures
   (``geokit.events.counts``) and triggers (``geokit.events.triggers``) in each sentence.
2. A sentence with several triggers is cut into clauses, one per trigger; each trigger
   takes the dates, figures and toponyms of its clause.
3. Place: the most specific resolved toponym tied to the trigger (for movements: after
   "into/to/in" is the destination, after "from" or as the object of "fled" the origin);
   none when the clause names none. The actor's demonym ("Syrian soldiers") gives the
   origin country of a movement when the text names no origin.
4. Chains: "the defectors entered the town of Y" / "were placed in Z camp" continue the
   previous movement of the same group (one trip Syria -> Y -> Z) instead of starting a
   new one; "The group included 33 soldiers" adds figures to the previous event.
5. Stocks ("is housing 35,000 refugees", "camp, where there are 2,000 ...") are facts.
6. Reports are linked (``geokit.events.linking``): one record per real-world event, every
   source kept with its own figures.

Dates without a word in the sentence stay unknown (with a note), unless a chain carries
them; a report without a published date leaves relative dates unknown (and says so).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from geokit.errors import UsageError
from geokit.events.drafts import UNREADABLE_DATE
from geokit.events.placerefs import (
    toponym_placeref,
)
from geokit.events.reader import DocResult, Reader
from geokit.events.report import comments_start, force_places, report_places
from geokit.events.sentences import dateline_span, split_sentences
from geokit.events.triggers import rules as trigger_rules
from geokit.model import (
    Document,
    Record,
    replace_surrogates,
)
from geokit.parsing.dates import dateline_date, parse_date, published_warnings

# --------------------------------------------------------------------- results


class RecordList(list):
    """A list of records (events, movements or facts) that can become a GeoDataFrame."""

    def to_dicts(self) -> list[dict[str, Any]]:
        return [r.to_dict() for r in self]

    def to_geodataframe(self):
        """Records as a GeoDataFrame (EPSG:4326): points for events/facts, lines for movements."""
        from geokit.export import to_geodataframe

        return to_geodataframe(self)


@dataclass
class Extraction:
    """What ``extract`` found: linked events, movements and facts, plus warnings per report."""

    events: RecordList = field(default_factory=RecordList)
    movements: RecordList = field(default_factory=RecordList)
    facts: RecordList = field(default_factory=RecordList)
    warnings: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    def records(self) -> list[Record]:
        return [*self.events, *self.movements, *self.facts]

    def to_jsonl(self, path=None) -> str:
        """One JSON object per line (``Record.to_dict()``); also written to ``path`` when given."""
        text = "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in self.records())
        if path is not None:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
        return text

    def to_csv(self, path=None) -> str:
        from geokit.export import to_csv

        return to_csv(self.records(), path)

    def to_geojson(self, path=None) -> dict:
        from geokit.export import to_geojson

        return to_geojson(self.records(), path)

    def __repr__(self) -> str:
        return (f"Extraction({len(self.documents)} reports: {len(self.events)} events, "
                f"{len(self.movements)} movements, {len(self.facts)} facts, {len(self.warnings)} warnings)")


def extract(documents, *, published=None, link: bool = True) -> Extraction:
    """Events, movements and facts from reports, linked across reports.

    ``documents``: parsed ``Document``s, raw strings, dicts ``{"id", "text", "published"}``
    (or anything with ``.text``), or one of those alone. Raw text is parsed with
    ``geokit.parse``. ``published`` is the default published date (date or ISO string) for
    reports that carry none; without any, a dateline date is used, else relative dates stay
    unknown. A bad item becomes a warning; the other reports are still read.
    """
    default_pub = parse_date(published) if published is not None else None
    try:
        trigger_rules()  # a broken rule file is the caller's setup, not one bad report: say so once
    except ValueError as exc:
        raise UsageError(f"event rules: {exc}") from exc
    if isinstance(documents, str | Document | dict) or hasattr(documents, "text"):
        documents = [documents]
    if not isinstance(documents, Iterable):
        raise TypeError(
            f"documents must be a list of documents, texts or dicts, not {type(documents).__name__}"
        )
    results: list[DocResult] = []
    result = Extraction()
    seen: set[str] = set()
    for n, item in enumerate(documents):
        try:
            doc, pub, warns = _as_document(item, n, default_pub)
        except (TypeError, ValueError) as exc:
            result.warnings.append(f"item {n}: skipped: {exc}")
            continue
        if doc.id in seen:  # two reports with one id would be merged into one: rename, as the CLI does
            k = 2
            while f"{doc.id}#{k}" in seen:
                k += 1
            warns.append(f"duplicate id {doc.id!r} renamed to {doc.id}#{k!s}")
            doc = replace(doc, id=f"{doc.id}#{k}")  # the caller's Document keeps its id
        seen.add(doc.id)
        try:
            dr = extract_document(doc, pub)
        except Exception as exc:  # one report that breaks the rules never stops the others
            result.warnings.append(f"{doc.id or f'item {n}'}: skipped: extraction failed: {exc}")
            continue
        dr.warnings[:0] = warns
        results.append(dr)
        result.documents.append(dr.doc)
        result.warnings.extend(f"{dr.doc}: {w}" for w in dr.warnings)
    if link:
        from geokit.events.linking import link_results

        events, movements, facts = link_results(results)
    else:
        events = [e for r in results for e in r.events]
        movements = [m for r in results for m in r.movements]
        facts = [f for r in results for f in r.facts]
    pubs = {r.doc: r.published for r in results}
    approx = {k: v for r in results for k, v in r.approx.items()}
    for rec in (*events, *movements):
        report_time(rec, pubs, approx)
    result.events, result.movements, result.facts = (
        RecordList(events),
        RecordList(movements),
        RecordList(facts),
    )
    return result


def report_time(rec: Record, pubs: dict[str, dt.date | None], approx: dict[str, dt.date]) -> None:
    """An undated record takes its story's time with a coarser precision ("week", ACLED time_precision 2).

    The story's time is the latest day the report gave before the clause (within the week before
    publication: "clashes on Saturday ... Five people were arrested"), else the published date.
    Done after linking so that a borrowed time never links two reports; the coarser precision and a
    note say that the day is not the report's word.
    """
    if rec.date is not None or UNREADABLE_DATE in rec.notes:
        return
    known = [pubs.get(s.doc) for s in rec.sources if pubs.get(s.doc) is not None]
    if not known:
        return
    pub = min(known)
    near = approx.get(rec.id)
    if near is not None and 0 <= (pub - near).days <= 7:
        rec.date, rec.date_precision = near.isoformat(), "week"
        note = f"undated in the report: near its previous dated event ({near.isoformat()}), within the week"
    else:
        rec.date, rec.date_precision = pub.isoformat(), "week"
        note = f"undated in the report: on or before its date {pub.isoformat()} (within that week)"
    rec.notes = f"{rec.notes} | {note}" if rec.notes else note


def _as_document(item, n: int, default_pub: dt.date | None) -> tuple[Document, dt.date | None, list[str]]:
    """A parsed Document and its published date from any accepted input item."""
    warns: list[str] = []
    if isinstance(item, Document):
        doc = item
        pub = item.published or default_pub
        if not doc.id:
            doc.id = f"doc-{n}"
        return doc, pub, warns
    if isinstance(item, str):
        text, doc_id, raw_pub = item, f"doc-{n}", None
    elif isinstance(item, dict):
        text, doc_id, raw_pub = item.get("text"), item.get("id") or f"doc-{n}", item.get("published")
    elif hasattr(item, "text"):
        text, doc_id, raw_pub = (
            item.text,
            getattr(item, "id", "") or f"doc-{n}",
            getattr(item, "published", None),
        )
    else:
        raise TypeError(f"expected a Document, str or dict, not {type(item).__name__}")
    if not isinstance(text, str):
        raise TypeError(f"document {doc_id!r} has no text")
    pub = None
    if raw_pub not in (None, ""):
        try:
            pub = parse_date(raw_pub)
        except (TypeError, ValueError) as exc:
            warns.append(f"published date ignored: {exc}")
    pub = pub or default_pub
    from geokit.parsing.parser import parse

    doc = parse(text, published=pub)
    doc.id, bad = replace_surrogates(str(doc_id))
    if bad:
        warns.append(f"{bad} lone surrogate(s) in the id replaced with U+FFFD")
    return doc, pub, warns


# --------------------------------------------------------------------- one report


def extract_document(doc: Document, published: dt.date | None = None) -> DocResult:
    """Records read from one parsed report, not yet linked to other reports."""
    if not isinstance(doc, Document):
        raise TypeError(f"doc must be a Document, not {type(doc).__name__}")
    text = doc.text or ""
    pub = published or doc.published
    res = DocResult(doc=doc.id or "doc", published=pub)
    sentences = split_sentences(text)
    dl = dateline_span(text, sentences)
    if pub is None:
        ref = dateline_date(text)
        if ref is not None:
            pub = ref.date
            res.published = pub
            res.warnings.append(f"published date {pub.isoformat()} read from the dateline {ref.text!r}")
    else:
        ref = dateline_date(text)
        if ref is not None and ref.date is not None and abs((ref.date - pub).days) > 2:
            res.warnings.append(
                f"contradictory dates: published {pub.isoformat()} but the dateline says "
                f"{ref.date.isoformat()} ({ref.text!r}); relative dates read against {pub.isoformat()}"
            )
    res.warnings.extend(published_warnings(pub))
    places, demonyms = report_places(doc, text, dl)
    here = next((toponym_placeref(t, text) for t in doc.toponyms if t.place is not None and dl
                 and t.start < dl[1] and t.end > dl[0]), None)
    reader = Reader(doc.id or "doc", text, pub, places, demonyms, res, here, force_places(doc, text))
    stop = comments_start(text)
    for sent in sentences:
        if stop is not None and sent.start >= stop:
            res.warnings.append(f"reader comments from offset {stop} not read as reporting")
            break
        reader.read(sent)
    reader.finish()
    return res


__all__ = ["extract", "extract_document", "Extraction", "RecordList", "DocResult"]
