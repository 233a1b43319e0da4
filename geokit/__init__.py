"""geokit: offline, gazetteer-backed geoparsing and mapping for conflict and displacement news."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from geokit.model import (  # noqa: E402
    Candidate,
    Document,
    Event,
    Fact,
    Link,
    Movement,
    PlaceRef,
    Record,
    Source,
    Toponym,
)

if TYPE_CHECKING:
    from geokit.events.extract import Extraction

__all__ = [
    "Candidate", "Document", "Event", "Fact", "Link", "Movement", "PlaceRef", "Record", "Source",
    "Toponym", "resolve", "parse", "extract", "__version__",
]


def resolve(
    name: str,
    *,
    country: str | Iterable[str] | None = None,
    near: tuple[float, float] | None = None,
    kinds: Iterable[str] | None = None,
    limit: int = 5,
) -> list[Candidate]:
    """Ranked gazetteer candidates for a place name; an empty list when nothing fits.

    ``country``: ISO 3166 alpha-2 code(s) ("TR" or ["TR", "SY"]) to restrict to.
    ``near``: a (lat, lon) point; candidates close to it rank higher.
    ``kinds``: restrict to kinds of place ("camp", "crossing", "airbase", "city", "admin1"...;
    see ``geokit.model.PLACE_KINDS``). ``limit``: at most this many candidates.
    Each ``Candidate`` carries a ``score`` in [0, 1] (its share of the evidence) and ``match``
    (exact, alternate, folded, transliteration, fuzzy).
    """
    from geokit.gazetteer.resolver import resolve as _resolve

    return _resolve(name, country=country, near=near, kinds=kinds, limit=limit)


def parse(
    text: str,
    *,
    published: str | dt.date | None = None,
    spans: Iterable[tuple[int, int]] | None = None,
    focus: Any = None,
    id: str | None = None,
) -> Document:
    """Find and resolve every toponym in ``text`` -> a ``Document`` with ``toponyms``.

    ``published``: the report's date (ISO string or date), read by relative dates downstream.
    ``spans``: (start, end) pairs (or {"start", "end"} dicts) to resolve instead of recognising
    names, each in the document's context (for gold spans or another recogniser's output).
    ``focus``: a prior for the report's home region when the caller knows it: a country code
    ("TR"), a first-level area ("US-TX"), a place ("Paris, Texas"), a (lat, lon) pair, or a list of
    those (["TR", "SY"]); evidence like a dateline, never a filter. None lets the text decide.
    ``id``: the document's id, kept on the result.
    A name nothing fits well enough comes back with ``place=None``, a ``reason`` and the
    ``candidates`` considered.
    """
    from geokit.parsing.parser import parse as _parse

    kw: dict[str, Any] = {"published": published, "spans": spans, "id": id or ""}
    if focus is not None:
        kw["focus"] = focus
    return _parse(text, **kw)


def extract(
    documents: Any,
    *,
    published: str | dt.date | None = None,
    link: bool = True,
) -> Extraction:
    """Events, movements and facts read from reports, linked across reports -> an ``Extraction``.

    ``documents``: parsed ``Document``s, raw strings, dicts ``{"id", "text", "published"}`` (or
    anything with ``.text``), or one of those alone; raw text is parsed with ``geokit.parse``.
    ``published``: the default date (ISO string or date) of reports that carry none.
    ``link``: merge records of the same event across reports (each source keeps its own figures);
    False keeps one record per report. The result has ``events``, ``movements``, ``facts``,
    ``warnings``, ``records()``, ``to_csv()``, ``to_geojson()`` and GeoDataFrames.
    """
    from geokit.events.extract import extract as _extract

    return _extract(documents, published=published, link=link)
