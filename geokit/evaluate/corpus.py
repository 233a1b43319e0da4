"""Read gold corpora in the XML format of Gritta et al. (TR-News, GeoVirus, LGL, WikToR-like).

Offsets are checked on the data rather than trusted: the corpus-wide offset shift is detected
(GeoVirus is 1-based) and drifting spans are snapped to the nearest occurrence of the gold
phrase within 20 characters (TR-News has ~115 such spans).
"""

from __future__ import annotations

import datetime as dt
import math
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from geokit.errors import InputError

SNAP_WINDOW = 20  # how far a drifting gold offset may be from its phrase


@dataclass(slots=True)
class GoldToponym:
    """One gold mention: 0-based, end-exclusive span (after snapping) and its gold place."""

    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    name: str = ""  # the gazetteer's name for the place, when the corpus gives one

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(slots=True)
class Article:
    """One corpus article with its gold toponyms and what loading had to fix."""

    id: str
    text: str
    gold: list[GoldToponym] = field(default_factory=list)
    published: dt.date | None = None
    url: str = ""
    snapped: int = 0  # gold spans moved onto their phrase
    unresolvable: int = 0  # gold spans whose phrase was not found near the given offsets
    offset_shift: int = 0  # added to the corpus' raw offsets (-1 for 1-based corpora like GeoVirus)


@dataclass(slots=True)
class _RawGold:
    start: int | None
    end: int | None
    phrase: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    name: str


_ARTICLE_TAGS = ("article", "page", "document", "doc")
_GOLD_TAGS = ("toponym", "location")
_TEXT_TAGS = ("text", "content", "body")


def _child(el: ET.Element, *tags: str) -> ET.Element | None:
    """First direct child with one of ``tags`` (case-insensitive), else None."""
    wanted = {t.lower() for t in tags}
    for c in el:
        if isinstance(c.tag, str) and c.tag.lower() in wanted:
            return c
    return None


def _child_text(el: ET.Element | None, *tags: str) -> str | None:
    if el is None:
        return None
    c = _child(el, *tags)
    if c is None or c.text is None:
        return None
    return c.text


def _to_int(s: str | None) -> int | None:
    if s is None:
        return None
    try:
        return int(float(s.strip()))
    except (ValueError, OverflowError):
        return None


def _to_float(s: str | None, bound: float) -> float | None:
    if s is None:
        return None
    try:
        v = float(s.strip())
    except ValueError:
        return None
    return v if math.isfinite(v) and -bound <= v <= bound else None


def _to_date(s: str | None) -> dt.date | None:
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s.strip()[:10])
    except ValueError:
        return None


def norm_mention(s: str) -> str:
    """Case- and whitespace-insensitive form used to compare mention strings."""
    return " ".join(s.split()).casefold()


def _raw_gold(g: ET.Element, art: ET.Element) -> _RawGold:
    """Read one gold element leniently: TR-News/LGL (phrase + gaztag), GeoVirus (name), WikToR-like."""
    gaz = _child(g, "gaztag")
    phrase = _child_text(g, "phrase") or _child_text(g, "name") or _child_text(art, "toponymName") or ""
    name = _child_text(gaz, "name") or _child_text(g, "altName") or _child_text(g, "name") or ""
    lat = _to_float(_child_text(g, "lat") or _child_text(gaz, "lat") or _child_text(art, "lat"), 90)
    lon = _to_float(_child_text(g, "lon") or _child_text(gaz, "lon") or _child_text(art, "lon"), 180)
    gid = None
    for el in (gaz, g):
        if el is not None and gid is None:
            gid = _to_int(el.get("geonameid")) or _to_int(_child_text(el, "geonameid"))
    return _RawGold(
        start=_to_int(_child_text(g, "start")),
        end=_to_int(_child_text(g, "end")),
        phrase=phrase.strip(),
        lat=lat,
        lon=lon,
        geonameid=gid,
        name=name.strip(),
    )


def _fits(text: str, start: int, end: int, phrase: str) -> bool:
    return 0 <= start < end <= len(text) and norm_mention(text[start:end]) == norm_mention(phrase)


def _detect_shift(items: Iterable[tuple[str, _RawGold]]) -> int:
    """The offset shift (0, -1 or +1) under which most gold spans read their phrase; ties prefer 0."""
    votes: Counter[int] = Counter()
    for text, g in items:
        if g.start is None or g.end is None or not g.phrase:
            continue
        for shift in (0, -1, 1):
            if _fits(text, g.start + shift, g.end + shift, g.phrase):
                votes[shift] += 1
    if not votes:
        return 0
    best = max(votes.values())
    return next(s for s in (0, -1, 1) if votes[s] == best)


def _find_near(text: str, phrase: str, start: int, window: int) -> int | None:
    """Start of the occurrence of ``phrase`` nearest to ``start`` (within ``window``), else None."""
    if not phrase:
        return None
    lo = max(0, start - window)
    hi = min(len(text), start + window + len(phrase))
    best: int | None = None
    for hay, needle in ((text, phrase), (text.casefold(), phrase.casefold())):
        if len(hay) != len(text):  # casefold changed lengths: offsets would not map back
            continue
        i = hay.find(needle, lo, hi)
        while i != -1:
            if abs(i - start) <= window and (best is None or abs(i - start) < abs(best - start)):
                best = i
            i = hay.find(needle, i + 1, hi)
        if best is not None:
            return best
    return None


def _place_gold(text: str, g: _RawGold, shift: int, used: set[tuple[int, int]]) -> tuple[GoldToponym, str]:
    """Turn a raw gold item into a GoldToponym; status is 'ok', 'snapped' or 'unresolvable'."""
    if g.start is not None and g.end is not None:
        start, end = g.start + shift, g.end + shift
        if not g.phrase or _fits(text, start, end, g.phrase):
            status = "ok"
        else:
            near = _find_near(text, g.phrase, start, SNAP_WINDOW)
            if near is not None:
                start, end, status = near, near + len(g.phrase), "snapped"
            else:
                status = "unresolvable"
    else:  # no offsets: take the first unused occurrence of the phrase
        start = end = -1
        status = "unresolvable"
        i = text.find(g.phrase) if g.phrase else -1
        while i != -1:
            if (i, i + len(g.phrase)) not in used:
                start, end, status = i, i + len(g.phrase), "snapped"
                break
            i = text.find(g.phrase, i + 1)
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    surface = g.phrase or text[start:end]
    return GoldToponym(start, end, surface, g.lat, g.lon, g.geonameid, g.name), status


def load_corpus(path: str | Path) -> list[Article]:
    """Read a Gritta-style XML corpus (TR-News, GeoVirus, LGL, WikToR-like) into Articles.

    Lenient on purpose: missing coordinates, ids or offsets are tolerated (and counted per
    article as ``unresolvable`` when a span cannot be placed); nested or oddly wrapped gold
    elements are all read. A file that is missing or not XML raises a clear error.
    """
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"corpus not found: {p}")
    try:
        root = ET.parse(p).getroot()
    except ET.ParseError as exc:
        raise InputError(f"{p}: not a readable XML corpus ({exc})") from exc

    arts = [el for el in root.iter() if isinstance(el.tag, str) and el.tag.lower() in _ARTICLE_TAGS]
    raw: list[tuple[ET.Element, str, list[_RawGold]]] = []
    for el in arts:
        t = _child(el, *_TEXT_TAGS)
        if t is None:
            continue
        text = t.text or ""
        golds = [
            _raw_gold(g, el)
            for g in el.iter()
            if isinstance(g.tag, str) and g.tag.lower() in _GOLD_TAGS
        ]
        raw.append((el, text, golds))
    if not raw:
        raise InputError(f"{p}: no <article>/<page> elements with a <text> child")

    shift = _detect_shift((text, g) for _, text, golds in raw for g in golds)
    out: list[Article] = []
    for i, (el, text, golds) in enumerate(raw, 1):
        aid = el.get("docid") or el.get("id") or el.get("number") or _child_text(el, "docid", "id")
        art = Article(
            id=(aid or "").strip() or f"#{i}",
            text=text,
            published=_to_date(_child_text(el, "dltime", "date", "published")),
            url=(_child_text(el, "url", "source") or "").strip(),
            offset_shift=shift,
        )
        used: set[tuple[int, int]] = set()
        for g in golds:
            gold, status = _place_gold(text, g, shift, used)
            used.add((gold.start, gold.end))
            art.gold.append(gold)
            art.snapped += status == "snapped"
            art.unresolvable += status == "unresolvable"
        out.append(art)
    return out


HALVES = ("all", "even", "odd")


def select_half(articles: Sequence[Article], half: str = "all") -> list[Article]:
    """The articles at even or odd positions (1-based, in file order): tune on one half, report the other.

    Position, not id, so the split is the same for corpora whose ids are not numbers (GeoVirus "#2" is even).
    """
    if half not in HALVES:
        raise ValueError(f"half must be one of {HALVES}, not {half!r}")
    if half == "all":
        return list(articles)
    want = 0 if half == "even" else 1
    return [a for i, a in enumerate(articles, 1) if i % 2 == want]

