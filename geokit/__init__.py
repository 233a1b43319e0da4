"""geokit: offline, gazetteer-backed geoparsing and mapping for conflict and displacement news."""

from __future__ import annotations

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

__all__ = [
    "Candidate", "Document", "Event", "Fact", "Link", "Movement", "PlaceRef", "Record", "Source",
    "Toponym", "resolve", "parse", "extract", "__version__",
]


def resolve(name, **kw):
    """Rank gazetteer candidates for a place name (see ``geokit.gazetteer.resolver.resolve``)."""
    from geokit.gazetteer.resolver import resolve as _resolve

    return _resolve(name, **kw)


def parse(text, **kw):
    """Find and resolve every toponym in a text (see ``geokit.parsing.parser.parse``)."""
    from geokit.parsing.parser import parse as _parse

    return _parse(text, **kw)


def extract(documents, **kw):
    """Events, movements and facts from parsed or raw documents (see ``geokit.events.extract``)."""
    from geokit.events.extract import extract as _extract

    return _extract(documents, **kw)
