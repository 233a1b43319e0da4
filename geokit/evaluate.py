"""Score a geoparser against gold corpora in the XML format of Gritta et al. (TR-News, GeoVirus, LGL...).

Two modes:

* ``end2end`` -- the parser finds the toponyms itself. A prediction matches a gold toponym when
  both have the same string (case-insensitive, whitespace-normalised) and span centres within
  10 characters (the EUPEG convention), one-to-one, greedily by centre distance. We report
  precision/recall/F1 of recognition and, over the matched ones, the distance metrics.
* ``resolution`` -- the parser gets the gold spans (``parse(text, spans=...)``) and only has to
  resolve them: exact GeoNames-id accuracy and accuracy within 161 km.

Distance metrics (after Gritta et al. 2018, "What's missing in geographical parsing?"):
accuracy within 161 km (100 miles), mean and median error in km, and the AUC of the error
curve (see :func:`auc_of_errors`). A matched toponym the parser left unresolved (``place`` None)
counts as wrong, with the maximum error (half the Earth's circumference, 20,039 km). Gold
toponyms without coordinates are skipped for distance metrics and counted.

Offsets are checked on the data rather than trusted: the corpus-wide offset shift is detected
(GeoVirus is 1-based) and drifting spans are snapped to the nearest occurrence of the gold
phrase within 20 characters (TR-News has ~115 such spans). A parser exception in one article
is recorded and counted; it never aborts the run (that article's gold counts as missed).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

EARTH_RADIUS_KM = 6371.0088
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the worst possible error
WITHIN_KM = 161.0  # 100 miles, the customary "correct" threshold
CENTRE_WINDOW = 10  # EUPEG: span centres within 10 characters
SNAP_WINDOW = 20  # how far a drifting gold offset may be from its phrase
DEFAULT_KINDS = frozenset({"literal", "metonymic"})
MODES = ("end2end", "resolution")

ParseFn = Callable[..., Any]


# ------------------------------------------------------------------ corpus


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


def _norm(s: str) -> str:
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
    return 0 <= start < end <= len(text) and _norm(text[start:end]) == _norm(phrase)


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
        raise ValueError(f"{p}: not a readable XML corpus ({exc})") from exc

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
        raise ValueError(f"{p}: no <article>/<page> elements with a <text> child")

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


# ------------------------------------------------------------------ metrics


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a spherical Earth (mean radius), in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def auc_of_errors(errors_km: Sequence[float]) -> float | None:
    """Area under the error curve of Gritta et al. (2018); lower is better, in [0, 1].

    Errors are sorted ascending and scaled to ``ln(1 + e) / ln(20039)`` (20,039 km is the
    largest possible error), then integrated with the trapezoidal rule over evenly spaced
    points on [0, 1]: ``AUC = trapz(scaled) / (n - 1)``. This is the formula of the
    CamCoder evaluation code (``np.trapz(np.log(1 + e)) / (np.log(20039) * (n - 1))``).
    Scaled values are capped at 1 (ln(20040)/ln(20039) would be 1.000005). With a single error
    the curve is flat and AUC is its scaled value; None when empty.
    """
    n = len(errors_km)
    if n == 0:
        return None
    denom = math.log(MAX_ERROR_KM)
    ys = sorted(min(1.0, math.log1p(max(0.0, e)) / denom) for e in errors_km)
    if n == 1:
        return ys[0]
    area = sum((ys[i] + ys[i + 1]) / 2 for i in range(n - 1))
    return area / (n - 1)


def match_toponyms(
    predicted: Sequence[Any], gold: Sequence[GoldToponym], window: float = CENTRE_WINDOW
) -> list[tuple[int, int]]:
    """EUPEG matching: (pred index, gold index) pairs with the same normalised string and span
    centres within ``window`` characters, one-to-one, greedily by centre distance."""
    pairs: list[tuple[float, int, int]] = []
    gnorm = [_norm(g.text) for g in gold]
    for pi, p in enumerate(predicted):
        pn, pc = _norm(p.text), (p.start + p.end) / 2
        for gi, g in enumerate(gold):
            if gnorm[gi] == pn:
                d = abs(pc - (g.start + g.end) / 2)
                if d <= window:
                    pairs.append((d, gi, pi))
    pairs.sort()
    seen_p: set[int] = set()
    seen_g: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, gi, pi in pairs:
        if pi not in seen_p and gi not in seen_g:
            seen_p.add(pi)
            seen_g.add(gi)
            out.append((pi, gi))
    return out


# ------------------------------------------------------------------ report


@dataclass(slots=True)
class Miss:
    """One thing to look at: a false positive/negative, a far or unresolved resolution, a wrong id."""

    type: str  # false_positive | false_negative | far | unresolved | wrong_id
    article: str
    start: int
    end: int
    text: str
    context: str
    km: float | None = None
    pred_name: str | None = None
    pred_geonameid: int | None = None
    pred_lat: float | None = None
    pred_lon: float | None = None
    pred_kind: str | None = None
    reason: str = ""
    gold_name: str | None = None
    gold_geonameid: int | None = None
    gold_lat: float | None = None
    gold_lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if d["km"] is not None:
            d["km"] = round(d["km"], 1)
        return d


@dataclass(slots=True)
class Failure:
    """An article whose parse raised: recorded, counted, never fatal."""

    article: str
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "error": self.error}


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


@dataclass(slots=True)
class EvalReport:
    """All counts and metrics of one run; ``misses`` feed the ``--errors`` file."""

    mode: str
    corpus: str = ""
    articles: int = 0
    failed: int = 0
    gold: int = 0
    gold_without_point: int = 0
    gold_with_id: int = 0
    offset_shift: int = 0
    snapped: int = 0
    unresolvable_offsets: int = 0
    predicted: int = 0
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    distance_scored: int = 0  # matched (or, in resolution mode, gold) toponyms with a gold point
    within: int = 0  # of those, resolved within 161 km
    unresolved: int = 0  # of those, left without a place by the parser
    id_scored: int = 0
    id_correct: int = 0
    errors_km: list[float] = field(default_factory=list)
    seconds: float = 0.0
    kinds: tuple[str, ...] = ()
    failures: list[Failure] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)

    # -- derived metrics
    @property
    def precision(self) -> float | None:
        return _ratio(self.true_positives, self.true_positives + self.false_positives)

    @property
    def recall(self) -> float | None:
        return _ratio(self.true_positives, self.true_positives + self.false_negatives)

    @property
    def f1(self) -> float | None:
        """2PR/(P+R), written as 2TP/(2TP+FP+FN) so it is 0 (not undefined) when nothing matched."""
        tp = self.true_positives
        return _ratio(2 * tp, 2 * tp + self.false_positives + self.false_negatives)

    @property
    def accuracy_161(self) -> float | None:
        """Share within 161 km of the matched toponyms (resolution mode: of the gold spans)."""
        return _ratio(self.within, self.distance_scored)

    @property
    def accuracy_161_all(self) -> float | None:
        """Matched and within 161 km, over all gold toponyms that have a point."""
        return _ratio(self.within, self.gold - self.gold_without_point)

    @property
    def id_accuracy(self) -> float | None:
        return _ratio(self.id_correct, self.id_scored)

    @property
    def mean_km(self) -> float | None:
        return statistics.fmean(self.errors_km) if self.errors_km else None

    @property
    def median_km(self) -> float | None:
        return statistics.median(self.errors_km) if self.errors_km else None

    @property
    def auc(self) -> float | None:
        return auc_of_errors(self.errors_km)

    def to_dict(self) -> dict[str, Any]:
        def r(x: float | None, nd: int = 4) -> float | None:
            return None if x is None else round(x, nd)

        d: dict[str, Any] = {
            "mode": self.mode,
            "corpus": self.corpus,
            "articles": self.articles,
            "failed_articles": self.failed,
            "gold": self.gold,
            "gold_without_point": self.gold_without_point,
            "gold_with_geonameid": self.gold_with_id,
            "offset_shift": self.offset_shift,
            "snapped_offsets": self.snapped,
            "unresolvable_offsets": self.unresolvable_offsets,
        }
        if self.mode == "end2end":
            d.update(
                kinds=list(self.kinds),
                predicted=self.predicted,
                true_positives=self.true_positives,
                false_positives=self.false_positives,
                false_negatives=self.false_negatives,
                precision=r(self.precision),
                recall=r(self.recall),
                f1=r(self.f1),
                accuracy_161_all=r(self.accuracy_161_all),
            )
        d.update(
            distance_scored=self.distance_scored,
            unresolved=self.unresolved,
            accuracy_161=r(self.accuracy_161),
            geonameid_scored=self.id_scored,
            geonameid_accuracy=r(self.id_accuracy),
            mean_km=r(self.mean_km, 1),
            median_km=r(self.median_km, 1),
            auc=r(self.auc),
            seconds=round(self.seconds, 2),
            misses=dict(Counter(m.type for m in self.misses)),
            failures=[f.to_dict() for f in self.failures],
        )
        return d

    def format(self) -> str:
        """A short human-readable summary."""

        def pct(x: float | None) -> str:
            return "n/a" if x is None else f"{100 * x:.1f}%"

        def num(x: float | None, fmt: str = ".1f") -> str:
            return "n/a" if x is None else format(x, fmt)

        lines = [
            f"{self.mode} evaluation of {self.corpus or 'articles'}: {self.articles} articles"
            f" ({self.failed} failed), {self.gold} gold toponyms"
            f" ({self.gold_without_point} without coordinates, {self.gold_with_id} with GeoNames ids)",
            f"  offsets: shift {self.offset_shift:+d}, {self.snapped} snapped to phrase,"
            f" {self.unresolvable_offsets} unresolvable",
        ]
        if self.mode == "end2end":
            lines += [
                f"  recognition ({', '.join(self.kinds)}): {self.predicted} predicted,"
                f" TP {self.true_positives}  FP {self.false_positives}  FN {self.false_negatives}",
                f"  precision {num(self.precision, '.3f')}  recall {num(self.recall, '.3f')}"
                f"  F1 {num(self.f1, '.3f')}",
                f"  accuracy@161km of matched {pct(self.accuracy_161)} ({self.within}/{self.distance_scored}),"
                f" of all gold {pct(self.accuracy_161_all)}",
            ]
        else:
            lines.append(
                f"  accuracy@161km {pct(self.accuracy_161)} ({self.within}/{self.distance_scored})"
            )
        lines += [
            f"  GeoNames id accuracy {pct(self.id_accuracy)} ({self.id_correct}/{self.id_scored})",
            f"  error km: mean {num(self.mean_km)}  median {num(self.median_km)}"
            f"  AUC {num(self.auc, '.3f')}  ({self.unresolved} unresolved counted at {MAX_ERROR_KM:.0f} km)",
            f"  time {self.seconds:.1f} s",
        ]
        for f in self.failures[:10]:
            lines.append(f"  FAILED {f.article}: {f.error}")
        if len(self.failures) > 10:
            lines.append(f"  ... and {len(self.failures) - 10} more failures")
        return "\n".join(lines)

    def write_errors(self, path: str | Path) -> int:
        """Write this run's misses (see :func:`write_errors`)."""
        return write_errors([self], path)


_ERROR_COLUMNS = ["mode", "type", "article", "start", "end", "text", "km", "pred_name", "pred_geonameid",
                  "pred_lat", "pred_lon", "pred_kind", "gold_name", "gold_geonameid", "gold_lat", "gold_lon",
                  "reason", "context", "error"]


def write_errors(reports: Sequence[EvalReport], path: str | Path) -> int:
    """Write every miss and failed article of ``reports`` to ``path``; returns the row count.

    JSON Lines when the name ends in ``.jsonl``/``.json``, else tab-separated text with a header,
    in corpus order, so the files of two parser versions can be diffed.
    """
    rows: list[dict[str, Any]] = []
    for rep in reports:
        rows += [{"mode": rep.mode, **m.to_dict()} for m in rep.misses]
        rows += [{"mode": rep.mode, "type": "failed_article", **f.to_dict()} for f in rep.failures]
    p = Path(path)
    with p.open("w", encoding="utf-8") as fh:
        if p.suffix.lower() in (".jsonl", ".json"):
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            fh.write("\t".join(_ERROR_COLUMNS) + "\n")
            for row in rows:
                fh.write("\t".join(_cell(row.get(c)) for c in _ERROR_COLUMNS) + "\n")
    return len(rows)


def _cell(v: Any) -> str:
    return "" if v is None else " ".join(str(v).split())


# ------------------------------------------------------------------ evaluation


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


def _miss(kind: str, art: Article, pred: Any = None, gold: GoldToponym | None = None,
          km: float | None = None) -> Miss:
    ref = pred if pred is not None else gold
    place = getattr(pred, "place", None) if pred is not None else None
    return Miss(
        type=kind,
        article=art.id,
        start=ref.start,
        end=ref.end,
        text=ref.text,
        context=_context(art.text, ref.start, ref.end),
        km=km,
        pred_name=getattr(place, "name", None),
        pred_geonameid=getattr(place, "geonameid", None),
        pred_lat=getattr(place, "lat", None),
        pred_lon=getattr(place, "lon", None),
        pred_kind=getattr(pred, "kind", None) if pred is not None else None,
        reason=getattr(pred, "reason", "") or "",
        gold_name=(gold.name or gold.text) if gold else None,
        gold_geonameid=gold.geonameid if gold else None,
        gold_lat=gold.lat if gold else None,
        gold_lon=gold.lon if gold else None,
    )


def _score_resolution(rep: EvalReport, art: Article, pred: Any, gold: GoldToponym, within_km: float) -> None:
    """Distance and id scoring of one (prediction, gold) pair; ``pred`` None means not returned."""
    place = getattr(pred, "place", None) if pred is not None else None
    if gold.geonameid is not None:
        rep.id_scored += 1
        pid = getattr(place, "geonameid", None)
        if place is not None and pid == gold.geonameid:
            rep.id_correct += 1
        elif place is not None:
            # far ones are listed below as "far"; a wrong id close by is still worth a look
            km = haversine_km(place.lat, place.lon, gold.lat, gold.lon) if gold.has_point else None
            if km is None or km <= within_km:
                rep.misses.append(_miss("wrong_id", art, pred, gold, km))
    if not gold.has_point:
        return
    rep.distance_scored += 1
    if place is None:
        rep.unresolved += 1
        rep.errors_km.append(MAX_ERROR_KM)
        if pred is not None:
            rep.misses.append(_miss("unresolved", art, pred, gold))
        return
    km = haversine_km(float(place.lat), float(place.lon), gold.lat, gold.lon)
    rep.errors_km.append(km)
    if km <= within_km:
        rep.within += 1
    else:
        rep.misses.append(_miss("far", art, pred, gold, km))


def _count_gold(rep: EvalReport, art: Article) -> None:
    rep.articles += 1
    rep.gold += len(art.gold)
    rep.gold_without_point += sum(not g.has_point for g in art.gold)
    rep.gold_with_id += sum(g.geonameid is not None for g in art.gold)
    rep.snapped += art.snapped
    rep.unresolvable_offsets += art.unresolvable


def _fail_article(rep: EvalReport, art: Article, exc: BaseException) -> None:
    """A parse that raised: its gold all count as missed (FN / wrong), never as skipped."""
    rep.failed += 1
    rep.failures.append(Failure(art.id, f"{type(exc).__name__}: {exc}"))
    for g in art.gold:
        if rep.mode == "end2end":
            rep.false_negatives += 1
        else:
            if g.geonameid is not None:
                rep.id_scored += 1
            if g.has_point:
                rep.distance_scored += 1
                rep.unresolved += 1
                rep.errors_km.append(MAX_ERROR_KM)


def _eval_end2end(rep: EvalReport, art: Article, doc: Any, kinds: frozenset[str], within_km: float) -> None:
    preds = [t for t in doc.toponyms if t.kind in kinds]
    # validate before touching the report so a malformed result fails the whole article cleanly
    for t in preds:
        if not isinstance(t.start, int) or not isinstance(t.end, int) or not isinstance(t.text, str):
            raise TypeError(f"malformed toponym from parse: {t!r}")
    pairs = match_toponyms(preds, art.gold)
    rep.predicted += len(preds)
    rep.true_positives += len(pairs)
    matched_p = {pi for pi, _ in pairs}
    matched_g = {gi for _, gi in pairs}
    for pi, p in enumerate(preds):
        if pi not in matched_p:
            rep.false_positives += 1
            rep.misses.append(_miss("false_positive", art, pred=p))
    for gi, g in enumerate(art.gold):
        if gi not in matched_g:
            rep.false_negatives += 1
            rep.misses.append(_miss("false_negative", art, gold=g))
    for pi, gi in pairs:
        _score_resolution(rep, art, preds[pi], art.gold[gi], within_km)


def _eval_resolution(rep: EvalReport, art: Article, doc: Any, within_km: float) -> None:
    preds = list(doc.toponyms)
    by_span = {(t.start, t.end): i for i, t in enumerate(preds)}
    chosen: dict[int, int] = {}
    for gi, g in enumerate(art.gold):
        pi = by_span.get((g.start, g.end))
        if pi is not None and pi not in chosen.values():
            chosen[gi] = pi
    rest_g = [gi for gi in range(len(art.gold)) if gi not in chosen]
    rest_p = [pi for pi in range(len(preds)) if pi not in chosen.values()]
    for a, b in match_toponyms([preds[i] for i in rest_p], [art.gold[i] for i in rest_g]):
        chosen[rest_g[b]] = rest_p[a]
    for gi, g in enumerate(art.gold):
        pi = chosen.get(gi)
        pred = preds[pi] if pi is not None else None
        if pred is None:
            rep.misses.append(_miss("unresolved", art, gold=g))
        _score_resolution(rep, art, pred, g, within_km)


def evaluate(
    path_or_articles: str | Path | Sequence[Article],
    *,
    mode: str = "end2end",
    parse: ParseFn | None = None,
    limit: int | None = None,
    progress: bool = True,
    kinds: Iterable[str] = DEFAULT_KINDS,
    within_km: float = WITHIN_KM,
) -> EvalReport:
    """Run ``parse`` over a corpus and score it (see the module docstring for the metrics).

    ``parse`` defaults to :func:`geokit.parse` and is called as ``parse(text, published=...)``
    (end2end) or ``parse(text, published=..., spans=[(start, end), ...])`` (resolution).
    ``kinds`` are the toponym kinds counted as predictions in end2end mode.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    if limit is not None and (not isinstance(limit, int) or limit < 0):
        raise ValueError(f"limit must be a non-negative integer, not {limit!r}")
    if isinstance(kinds, str):
        raise TypeError("kinds must be a collection of kind names, not a string")
    kinds = frozenset(kinds)
    corpus = ""
    if isinstance(path_or_articles, (str, Path)):
        corpus = Path(path_or_articles).name
        articles = load_corpus(path_or_articles)
    else:
        articles = list(path_or_articles)
        if not all(isinstance(a, Article) for a in articles):
            raise TypeError("evaluate() takes a corpus path or a sequence of Article")
    if limit is not None:
        articles = articles[:limit]
    if parse is None:
        parse = _default_parse()

    rep = EvalReport(mode=mode, corpus=corpus, kinds=tuple(sorted(kinds)))
    rep.offset_shift = articles[0].offset_shift if articles else 0
    t0 = time.perf_counter()
    for art in _progress(articles, progress, mode):
        _count_gold(rep, art)
        mark = (len(rep.misses), len(rep.errors_km))
        snapshot = _counters(rep)
        try:
            if mode == "end2end":
                doc = parse(art.text, published=art.published)
                _eval_end2end(rep, art, doc, kinds, within_km)
            else:
                spans = [(g.start, g.end) for g in art.gold]
                doc = parse(art.text, published=art.published, spans=spans)
                _eval_resolution(rep, art, doc, within_km)
        except Exception as exc:  # one bad article must not lose the others
            _restore(rep, snapshot, mark)
            _fail_article(rep, art, exc)
    rep.seconds = time.perf_counter() - t0
    return rep


_COUNTERS = ("predicted", "true_positives", "false_positives", "false_negatives", "distance_scored",
             "within", "unresolved", "id_scored", "id_correct")


def _counters(rep: EvalReport) -> dict[str, int]:
    return {k: getattr(rep, k) for k in _COUNTERS}


def _restore(rep: EvalReport, snapshot: dict[str, int], mark: tuple[int, int]) -> None:
    """Undo a half-scored article so a late exception cannot leave partial counts."""
    for k, v in snapshot.items():
        setattr(rep, k, v)
    del rep.misses[mark[0]:]
    del rep.errors_km[mark[1]:]


def _default_parse() -> ParseFn:
    """``geokit.parse``, checked up front: a missing parser is a setup error, not 118 article failures."""
    import importlib.util

    if importlib.util.find_spec("geokit.parser") is None:
        raise RuntimeError("geokit.parse is not available (geokit/parser.py is missing); pass parse=...")
    from geokit import parse

    return parse


def _progress(items: list[Article], enabled: bool, desc: str):
    if not enabled:
        return items
    try:
        from tqdm import tqdm
    except ImportError:  # progress is a nicety, never a requirement
        return items
    return tqdm(items, desc=desc, unit="art", file=sys.stderr, leave=False)
