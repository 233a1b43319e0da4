"""Run a parser over a corpus and fill an EvalReport (end2end or resolution mode)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from geokit.errors import InputError
from geokit.evaluate.calibration import holds_point
from geokit.evaluate.corpus import Article, GoldToponym, load_corpus
from geokit.evaluate.metrics import MAX_ERROR_KM, WITHIN_KM, haversine_km, match_toponyms
from geokit.evaluate.report import EvalReport, Failure, Miss

DEFAULT_KINDS = frozenset({"literal", "metonymic"})
MODES = ("end2end", "resolution")

ParseFn = Callable[..., Any]


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
        rep.within_or_area += 1
    else:
        rep.within_or_area += holds_point(place, gold.lat, gold.lon)
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
        raise InputError(f"mode must be one of {MODES}, not {mode!r}")
    if limit is not None and (not isinstance(limit, int) or limit < 0):
        raise InputError(f"limit must be a non-negative integer, not {limit!r}")
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
        parse = default_parse()

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
             "within", "within_or_area", "unresolved", "id_scored", "id_correct")


def _counters(rep: EvalReport) -> dict[str, int]:
    return {k: getattr(rep, k) for k in _COUNTERS}


def _restore(rep: EvalReport, snapshot: dict[str, int], mark: tuple[int, int]) -> None:
    """Undo a half-scored article so a late exception cannot leave partial counts."""
    for k, v in snapshot.items():
        setattr(rep, k, v)
    del rep.misses[mark[0]:]
    del rep.errors_km[mark[1]:]


def default_parse() -> ParseFn:
    """``geokit.parse``, checked up front: a missing parser is a setup error, not 118 article failures."""
    import importlib.util

    if importlib.util.find_spec("geokit.parsing.parser") is None:
        raise InputError("geokit.parse is not available (geokit/parser.py is missing); pass parse=...")
    from geokit.parsing.parser import parse

    return parse


def _progress(items: list[Article], enabled: bool, desc: str):
    if not enabled:
        return items
    try:
        from tqdm import tqdm
    except ImportError:  # progress is a nicety, never a requirement
        return items
    return tqdm(items, desc=desc, unit="art", file=sys.stderr, leave=False)
