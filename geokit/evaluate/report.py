"""The result of one evaluation run: counts, derived metrics, misses and failed articles."""

from __future__ import annotations

import json
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from geokit.evaluate.metrics import MAX_ERROR_KM, auc_of_errors


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
    within_or_area: int = 0  # of those, within 161 km or an area (country, province...) holding the point
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
    def accuracy_area(self) -> float | None:
        """Within 161 km, or an area answer that holds the gold point: the right entity whatever point the
        corpus pins it at (GeoVirus pins countries at Wikipedia's points, TR-News at GeoNames')."""
        return _ratio(self.within_or_area, self.distance_scored)

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
            accuracy_161_or_area=r(self.accuracy_area),
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
                f"  accuracy@161km of matched {pct(self.accuracy_161)} "
                f"({self.within}/{self.distance_scored}),"
                f" of all gold {pct(self.accuracy_161_all)}",
            ]
        else:
            lines += [
                f"  accuracy@161km {pct(self.accuracy_161)} ({self.within}/{self.distance_scored})",
                f"  accuracy@161km or an area holding the gold point {pct(self.accuracy_area)}"
                f" ({self.within_or_area}/{self.distance_scored})",
            ]
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
