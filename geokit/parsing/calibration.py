"""The last step of resolution: a toponym's raw score (its share of the evidence after context) mapped to
the probability that the answer is right, per class of place.

Why: the raw share says how much one candidate beats its rivals, not how often such an answer is right;
a village that wins its name outright is still wrong more often than a country does. The map is a
monotone (isotonic) fit of "right" on raw score for each class, made on development data only (the even
articles of TR-News and GeoVirus and the seed reports) by ``geokit.evaluate.calibration.fit_table`` and
stored with its record in ``rules/calibration.toml``. Decisions (``MIN_SCORE``, which candidate wins) use the
raw score; only ``Toponym.score`` is calibrated, candidates keep their raw shares.
"""

from __future__ import annotations

import contextlib
import tomllib
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

TABLE_PATH = Path(__file__).with_name("rules") / "calibration.toml"
COUNTRIES_PATH = Path(__file__).resolve().parents[1] / "data" / "basemap" / "countries.geojson"
# classes of answers whose reliability differs at the same raw share
AREA_KINDS = frozenset({"country", "continent", "region", "admin1", "peninsula", "organisation"})
# An area wider than this (corner to corner of its box) has no single point that graders agree on: its
# answer lies within 161 km of the reference point far less often, whichever point is used.
LARGE_KM = 1500.0
_enabled = True


def place_class(kind: str, extent_km: float = 0.0) -> str:
    """"area", "large_area" (an area wider than ``LARGE_KM``), "village", or "place" (cities, towns,
    counties...)."""
    if kind in AREA_KINDS:
        return "large_area" if extent_km >= LARGE_KM else "area"
    return "village" if kind == "village" else "place"


def extent_km(place) -> float:
    """Corner-to-corner size of an answer's box: its own ``bbox``, or a country's outline from the basemap;
    0 for a place known by a point only."""
    from geokit.gazetteer.geo import haversine_km

    box = getattr(place, "bbox", None)
    if box is None and getattr(place, "kind", "") == "country":
        box = _country_boxes().get(getattr(place, "country_code", ""))
    if box is None:
        return 0.0
    s, w, n, e = box
    return haversine_km(s, w, n, e)


@lru_cache(maxsize=1)
def country_features() -> tuple[dict, ...]:
    """The Natural Earth country outlines the maps draw (GeoJSON features, ``properties.cc`` = ISO2); none
    when the file is missing or broken (a score then falls back to the point-only classes)."""
    import json

    try:
        return tuple(json.loads(COUNTRIES_PATH.read_text(encoding="utf-8"))["features"])
    except (OSError, ValueError, KeyError, TypeError):
        return ()


@lru_cache(maxsize=1)
def _country_boxes() -> dict[str, tuple[float, float, float, float]]:
    """ISO2 -> (south, west, north, east) of the Natural Earth outlines the maps use."""
    out = {}
    for f in country_features():
        xs, ys = [], []
        stack = [f.get("geometry", {}).get("coordinates", [])]
        while stack:
            c = stack.pop()
            if c and isinstance(c[0], (int, float)):
                xs.append(c[0])
                ys.append(c[1])
            else:
                stack.extend(c)
        cc = (f.get("properties") or {}).get("cc")
        if cc and xs:
            out[cc] = (min(ys), min(xs), max(ys), max(xs))
    return out


@lru_cache(maxsize=4)
def load_table(path: Path = TABLE_PATH) -> dict[str, tuple[tuple[float, ...], tuple[float, ...]]]:
    """class -> (raw knots, probabilities), both ascending; an absent or broken file means no calibration."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
    out = {}
    for name, c in (data.get("class") or {}).items():
        xs, ys = c.get("raw") or [], c.get("p") or []
        if len(xs) == len(ys) and xs and all(a <= b for a, b in zip(xs, xs[1:], strict=False)):
            out[name] = (tuple(float(x) for x in xs), tuple(float(y) for y in ys))
    return out


def calibrated(score: float, kind: str, table: dict | None = None, *, extent: float = 0.0) -> float:
    """The probability that an answer of this kind (and size, ``extent`` km) with this raw score is right
    (linear between knots, flat beyond the ends); the raw score when calibration is off or the class has
    no fit."""
    if not _enabled:
        return score
    t = (load_table() if table is None else table).get(place_class(kind, extent))
    if t is None:
        return score
    xs, ys = t
    if score <= xs[0]:
        return ys[0]
    if score >= xs[-1]:
        return ys[-1]
    i = bisect_right(xs, score)
    x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
    return round(y0 + (y1 - y0) * (score - x0) / (x1 - x0) if x1 > x0 else y1, 4)


@contextlib.contextmanager
def raw_scores():
    """Within this block toponyms keep their raw scores (used to fit the table)."""
    global _enabled
    old, _enabled = _enabled, False
    try:
        yield
    finally:
        _enabled = old
