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
# classes of answers whose reliability differs at the same raw share
AREA_KINDS = frozenset({"country", "continent", "region", "admin1", "peninsula", "organisation"})
_enabled = True


def place_class(kind: str) -> str:
    """"area" (countries, first-level areas, regions), "village", or "place" (cities, towns, counties...)."""
    if kind in AREA_KINDS:
        return "area"
    return "village" if kind == "village" else "place"


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


def calibrated(score: float, kind: str, table: dict | None = None) -> float:
    """The probability that an answer of this kind with this raw score is right (linear between knots,
    flat beyond the ends); the raw score when calibration is off or the class has no fit."""
    if not _enabled:
        return score
    t = (load_table() if table is None else table).get(place_class(kind))
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
