"""Linking reports of the same real-world event into one record that keeps every source.

Why: analysts read several reports of one story. A linked record lists each report as a
source with its own figures ("85", "84", "dozens") — discrepant figures are shown, never
averaged — and each link says why it was made ("same type defection, dates 2012-07-02 =
2012-07-02, places Reyhanli ~ Hatay (same admin1), counts soldiers 85 vs 84 (close)").

How (two stages, both greedy against whole clusters so that links do not chain):

1. Within a report: repeated mentions of one event (headline and lead, "the conference"
   and "the Cairo meeting") merge when nothing contradicts them (type, date window, place,
   figures). A headline may restate a crossing as a defection.
2. Across reports: candidates come from blocks of (kind, type family, ISO week, country),
   so the work grows with the number of records, not its square. A link needs no
   contradiction and positive evidence: matching places or matching figures, or the same
   day with compatible places.

Contradictions that veto a link: other type (defection ~ border_crossing is allowed with a
shared figure), date windows that do not meet (a day either side for day dates), places in
different countries or towns more than 50 km apart, figures that disagree ("3" vs "4").
A record without a date is taken to be from the 30 days up to its report's published date.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from geokit.events.counts import FAMILIES, compare, show
from geokit.events.placerefs import level, more_specific, relation
from geokit.model import Link, PlaceRef, Record

UNDATED_DAYS = 30  # an undated record: the 30 days up to its report's published date
MAX_WEEKS = 6  # blocks a record is indexed under
TYPE_FAMILY = {"defection": "move", "border_crossing": "move"}
TYPE_ORDER = {"defection": 0, "camp_placement": 1, "border_crossing": 2}
PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
_PREC_DAYS = {"day": 0, "week": 6}
_MOVING = {"defection", "border_crossing", "camp_placement", "displacement"}


@dataclass
class _Cluster:
    members: list[Record]
    docs: list[str]
    published: dict[str, dt.date | None]
    titles: set[str] = field(default_factory=set)  # member ids read from headlines
    links: list[Link] = field(default_factory=list)
    windows: dict[str, tuple[dt.date, dt.date]] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.members[0].kind

    @property
    def type(self) -> str:
        return min((m.type for m in self.members), key=lambda t: TYPE_ORDER.get(t, 9))

    def all_titles(self) -> bool:
        return all(m.id in self.titles for m in self.members)

    def best_dated(self) -> Record | None:
        dated = [m for m in self.members if m.date]
        if not dated:
            return None
        return min(dated, key=lambda m: PRECISION_ORDER.get(m.date_precision, 5))

    def window(self) -> tuple[dt.date, dt.date, bool] | None:
        """(first, last, known) day window of the cluster; known False when implied by published dates."""
        m = self.best_dated()
        if m is not None:
            lo, hi = self.windows.get(m.id) or record_window(m)
            return lo, hi, True
        pubs = [p for p in self.published.values() if p is not None]
        if not pubs:
            return None
        return min(pubs) - dt.timedelta(days=UNDATED_DAYS), max(pubs), False

    def place(self) -> PlaceRef | None:
        best = None
        for m in self.members:
            p = m.place if m.kind != "movement" else m.destination
            best = more_specific(best, p)
        return best

    def origin(self) -> PlaceRef | None:
        return next((m.origin for m in self.members if m.origin is not None), None)

    def figures(self) -> dict[str, list]:
        out: dict[str, list] = defaultdict(list)
        for m in self.members:
            for s in m.sources or []:
                for k, v in (s.counts or {}).items():
                    out[FAMILIES.get(k, k)].append(v)
            for k, v in m.counts.items():
                fam = FAMILIES.get(k, k)
                if v not in out[fam]:
                    out[fam].append(v)
        return out

    def country(self) -> str:
        p = self.place()
        return p.country_code if p is not None and p.country_code else ""


def record_window(r: Record) -> tuple[dt.date, dt.date]:
    """The days a dated record may mean: day -> that day, week -> 7 days, month, year."""
    d = dt.date.fromisoformat(r.date)
    prec = r.date_precision
    if prec == "month":
        nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return d, nxt - dt.timedelta(days=1)
    if prec == "year":
        return d, dt.date(d.year, 12, 31)
    return d, d + dt.timedelta(days=_PREC_DAYS.get(prec, 0))


# --------------------------------------------------------------------- comparing


def compat(a: _Cluster, b: _Cluster, *, same_doc: bool) -> tuple[float, list[str]] | None:
    """(score, reasons) when a and b may be one event, None when something contradicts it."""
    reasons: list[str] = []
    score = 0.0
    fig_a, fig_b = a.figures(), b.figures()
    count_score, count_reasons, count_veto = _compare_figures(fig_a, fig_b)
    if count_veto:
        return None
    ta, tb = a.type, b.type
    if ta == tb:
        reasons.append(f"same type {ta}")
    elif TYPE_FAMILY.get(ta) and TYPE_FAMILY.get(ta) == TYPE_FAMILY.get(tb):
        if same_doc and not (a.all_titles() or b.all_titles()):
            return None
        if not same_doc and count_score < 1.0:
            return None
        reasons.append(f"types {ta} ~ {tb}")
        score -= 0.5
    else:
        return None
    date_score, date_reason = _compare_dates(a, b, same_doc)
    if date_score is None:
        return None
    score += date_score
    reasons.append(date_reason)
    place_score, place_reason = _compare_places(a, b)
    if place_score is None:
        return None
    if same_doc and a.kind == "event" and _two_towns(a, b):
        return None  # the guide: distinct places in one report are distinct events
    score += place_score
    if place_reason:
        reasons.append(place_reason)
    score += count_score
    reasons.extend(count_reasons)
    if same_doc:
        if fig_a and fig_b and not count_reasons and not (a.all_titles() or b.all_titles()):
            return None  # two sentences of one report with figures about different groups
        return score, reasons
    if score >= 2.0 and (place_score >= 1.0 or count_score >= 1.0 or date_score >= 2.0):
        return score, reasons
    return None


def _two_towns(a: _Cluster, b: _Cluster) -> bool:
    """Two different towns (or sites) of one report, e.g. a shooting in one town on Saturday night and a
    stabbing in a neighbouring one early Sunday: the guide makes them two events, however near."""
    if {a.type, b.type} & _MOVING:
        return False  # a placement or flight names its origin and camp: its legs are merged elsewhere
    pa, pb = a.place(), b.place()
    if pa is None or pb is None or level(pa) > 1 or level(pb) > 1:
        return False
    return relation(pa, pb)[0] in ("admin1", "near")


def _compare_dates(a: _Cluster, b: _Cluster, same_doc: bool = False) -> tuple[float | None, str]:
    wa, wb = a.window(), b.window()
    if wa is None or wb is None:
        return 0.0, "date unknown"
    (alo, ahi, aknown), (blo, bhi, bknown) = wa, wb
    ma, mb = a.best_dated(), b.best_dated()
    day_pair = aknown and bknown and ma.date_precision == "day" and mb.date_precision == "day"
    slack = dt.timedelta(days=1 if day_pair and not same_doc else 0)
    if alo - slack > bhi or blo - slack > ahi:
        return None, ""
    if not (aknown and bknown):
        which = a if not aknown else b
        pub = max((p for p in which.published.values() if p), default=None)
        return 0.0, f"date unknown in {', '.join(which.docs)}" + (
            f" (on or before {pub.isoformat()})" if pub else ""
        )
    if day_pair:
        delta = abs((alo - blo).days)
        if delta == 0:
            return 2.0, f"dates {ma.date} = {mb.date}"
        return 1.0, f"dates {ma.date} ~ {mb.date} ({delta} day apart)"
    return 0.5, f"dates {ma.date} ({ma.date_precision}) ~ {mb.date} ({mb.date_precision})"


def _compare_places(a: _Cluster, b: _Cluster) -> tuple[float | None, str]:
    pa, pb = a.place(), b.place()
    oa, ob = a.origin(), b.origin()
    if oa is not None and ob is not None and relation(oa, ob)[0] in ("conflict", "far"):
        return None, ""  # "evacuated from A ... and from B": two origins apart are two movements
    if pa is None or pb is None:
        return 0.0, ("place named in one report only" if (pa or pb) else "")
    verdict, words = relation(pa, pb)
    if verdict in ("conflict", "far"):
        return None, ""
    return {"same": 2.0, "admin1": 1.5, "near": 1.0, "contains": 0.5}[verdict], f"places {words}"


def _compare_figures(fa: dict[str, list], fb: dict[str, list]) -> tuple[float, list[str], bool]:
    score, reasons = 0.0, []
    for label in sorted(fa.keys() & fb.keys()):  # sorted: the same "why" on every run
        verdicts = [(compare(x, y), x, y) for x in fa[label] for y in fb[label]]
        ok = [v for v in verdicts if v[0] != "conflict"]
        if not ok and any(isinstance(v, list | tuple) for v in fa[label] + fb[label]):
            continue  # "several", "dozens": too vague to contradict an exact figure
        if not ok:
            x, y = fa[label][0], fb[label][0]
            return 0.0, [f"counts {label} {show(x)} vs {show(y)} (conflict)"], True
        rank = {"equal": 0, "close": 1, "within": 2, "overlap": 2}
        v, x, y = min(ok, key=lambda t: rank[t[0]])
        score += {"equal": 1.5, "close": 1.0, "within": 0.75, "overlap": 0.5}[v]
        reasons.append(f"counts {label} {show(x)} vs {show(y)} ({v})")
    return score, reasons, False


# --------------------------------------------------------------------- clustering


def _join(target: _Cluster, other: _Cluster, reasons: list[str]) -> None:
    why = ", ".join(r for r in reasons if r)
    for doc in other.docs:
        target.links.append(Link(doc, why))
        if doc not in target.docs:
            target.docs.append(doc)
    target.members.extend(other.members)
    target.published.update(other.published)
    target.titles |= other.titles
    target.windows.update(other.windows)
    target.links.extend(other.links)


def _order_key(c: _Cluster):
    w = c.window()
    known = w is not None and w[2]
    return (not known, w[0] if known else dt.date.min)


def _cluster_doc(records: list[Record], doc: str, pub: dt.date | None, titles: set[str],
                 windows: dict[str, tuple[dt.date, dt.date]]) -> list[_Cluster]:
    singles = [_Cluster([r], [doc], {doc: pub}, {r.id} & titles, [],
                        {r.id: windows[r.id]} if r.id in windows else {}) for r in records]
    singles.sort(key=_order_key)
    out: list[_Cluster] = []
    for c in singles:
        best, best_score, best_reasons = None, float("-inf"), []
        for cand in out:
            if cand.kind != c.kind:
                continue
            res = compat(cand, c, same_doc=True)
            if res is not None and res[0] > best_score:
                best, best_score, best_reasons = cand, res[0], res[1]
        if best is not None:
            _join(best, c, ["same report: " + best_reasons[0], *best_reasons[1:]])
        else:
            out.append(c)
    return out


def _weeks(c: _Cluster) -> list[object]:
    w = c.window()
    if w is None:
        return ["nodate"]
    lo, hi, _ = w
    first = (lo.toordinal() - 1) // 7
    last = (hi.toordinal() - 1) // 7
    if last - first >= MAX_WEEKS:
        first = last - MAX_WEEKS + 1
    return list(range(first, last + 1))


def _cluster_across(clusters: list[_Cluster]) -> list[_Cluster]:
    clusters = sorted(clusters, key=_order_key)
    out: list[_Cluster] = []
    index: dict[tuple, list[int]] = defaultdict(list)
    countries: dict[tuple, set[str]] = defaultdict(set)
    for c in clusters:
        fam = TYPE_FAMILY.get(c.type, c.type)
        country = c.country()
        weeks = _weeks(c)
        seen: set[int] = set()
        best, best_score, best_reasons = None, float("-inf"), []
        for wk in weeks:
            keys = [(c.kind, fam, wk, country), (c.kind, fam, wk, "")] if country else \
                [(c.kind, fam, wk, cc) for cc in countries[(c.kind, fam, wk)] | {""}]
            for key in keys:
                for i in index.get(key, ()):
                    if i in seen:
                        continue
                    seen.add(i)
                    cand = out[i]
                    if set(cand.docs) & set(c.docs):
                        continue
                    res = compat(cand, c, same_doc=False)
                    if res is not None and res[0] > best_score:
                        best, best_score, best_reasons = i, res[0], res[1]
        if best is not None:
            target = out[best]
            _join(target, c, best_reasons)
            tc = target.country()
            for wk in _weeks(target):
                key = (target.kind, fam, wk, tc)
                if best not in index[key]:
                    index[key].append(best)
                    countries[(target.kind, fam, wk)].add(tc)
            continue
        out.append(c)
        i = len(out) - 1
        for wk in weeks:
            index[(c.kind, fam, wk, country)].append(i)
            countries[(c.kind, fam, wk)].add(country)
    return out


def _merged(c: _Cluster) -> Record:
    """One record for a cluster: the best date and place, every source and figure kept."""
    first = c.members[0]
    rec = copy.copy(first)
    rec.type = c.type
    dated = c.best_dated()
    if dated is not None:
        rec.date, rec.date_precision = dated.date, dated.date_precision
    if rec.kind == "movement":
        rec.destination = c.place()
        rec.origin = c.origin()
        rec.via = max((m.via for m in c.members), key=len)
    else:
        rec.place = c.place()
        if first.kind == "event":
            rec.destination = more_specific(
                None, next((m.destination for m in c.members if m.destination), None)
            )
            rec.origin = c.origin()
    counts: dict = {}
    for m in c.members:
        for k, v in m.counts.items():
            counts.setdefault(k, v)
    rec.counts = counts
    conf = 1.0
    for m in c.members:
        conf *= 1.0 - m.confidence
    rec.confidence = min(0.99, 1.0 - conf) if len(c.members) > 1 else first.confidence
    rec.sources = [s for m in c.members for s in m.sources]
    rec.links = list(c.links)
    notes = [first.notes] if first.notes else []
    by_label: dict[str, list[str]] = defaultdict(list)
    for s in rec.sources:
        for k, v in s.counts.items():
            item = f"{show(v)} ({s.doc})"
            if item not in by_label[k]:
                by_label[k].append(item)
    differ = [f"{k} {', '.join(v)}" for k, v in by_label.items()
              if len({x.rsplit(' (', 1)[0] for x in v}) > 1]
    if differ:
        notes.append("figures differ by source: " + "; ".join(differ))
    dates = sorted({(m.date, m.sources[0].doc if m.sources else "") for m in c.members if m.date})
    if len({d for d, _ in dates}) > 1:
        notes.append("dates by source: " + ", ".join(f"{d} ({doc})" for d, doc in dates))
    rec.notes = " | ".join(n for n in notes if n)
    return rec


def link_records(
    records: Iterable[Record],
    *,
    published: dict[str, dt.date | None] | None = None,
    titles: set[str] | None = None,
    windows: dict[str, tuple[dt.date, dt.date]] | None = None,
) -> list[Record]:
    """Merge records (any mix of kinds and reports) that tell the same event; see the module doc.

    ``published`` maps a report id to its published date (for undated records); ``titles``
    holds ids of records read from headlines; ``windows`` maps a record id to the first and
    last day its date may mean (else derived from date and precision). Records keep their
    order of first appearance.
    """
    published = published or {}
    windows = windows or {}
    titles = titles or set()
    by_doc: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        if not isinstance(r, Record):
            raise TypeError(f"expected Record objects, not {type(r).__name__}")
        doc = r.sources[0].doc if r.sources else r.id
        by_doc[doc].append(r)
    stage1: list[_Cluster] = []
    for doc, recs in by_doc.items():
        for kind in ("event", "movement", "fact"):
            same = [r for r in recs if r.kind == kind]
            if same:
                stage1.extend(_cluster_doc(same, doc, published.get(doc), titles, windows))
    order = {doc: i for i, doc in enumerate(by_doc)}
    merged = []
    for kind in ("event", "movement", "fact"):
        clusters = _cluster_across([c for c in stage1 if c.kind == kind])
        for c in clusters:
            c.members.sort(key=lambda m: order.get(m.sources[0].doc if m.sources else m.id, 0))
        clusters.sort(key=lambda c: min(order.get(d, 0) for d in c.docs))
        merged.extend(_merged(c) for c in clusters)
    return merged


def link_results(results) -> tuple[list[Record], list[Record], list[Record]]:
    """Link the per-report results of ``geokit.events.extract`` (events, movements, facts)."""
    records: list[Record] = []
    published: dict[str, dt.date | None] = {}
    titles: set[str] = set()
    windows: dict[str, tuple[dt.date, dt.date]] = {}
    for r in results:
        records.extend([*r.events, *r.movements, *r.facts])
        published[r.doc] = r.published
        titles |= r.titles
        windows.update(r.windows)
    merged = link_records(records, published=published, titles=titles, windows=windows)
    return ([m for m in merged if m.kind == "event"], [m for m in merged if m.kind == "movement"],
            [m for m in merged if m.kind == "fact"])
