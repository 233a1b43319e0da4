"""Static pictures of events and movements (matplotlib), for notebooks and reports.

Why a module rather than cells: the three notebooks and users' own analyses draw the same
pictures (a timeline of events by type and date, movements by route and size, the reports'
figures side by side, an overview map), and each picture has to cope with the same awkward
records: dates known only to the week or month, figures that are ranges ("dozens"), reports
that disagree. Figures are drawn as the reports give them - ranges as ranges, each report's
figure on its own bar - never averaged. matplotlib is imported only when a chart is drawn.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Iterable, Sequence
from typing import Any

from geokit.model import PlaceRef, Record

FOCUS_RADIUS_DEG = 8.0  # overview maps frame the points within this many degrees of their median
# Date windows for the precision a report gives (the first day is the record's date).
_SPAN_DAYS = {"day": 0, "week": 6}


def count_range(value: Any) -> tuple[float, float] | None:
    """(low, high) of a figure: a number, or a [low, high] range; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value), float(value)
    if isinstance(value, list | tuple) and len(value) == 2 and all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in value):
        return float(min(value)), float(max(value))
    return None


def main_figure(counts: dict[str, Any]) -> tuple[str, float, float] | None:
    """The largest figure of a record (label, low, high) - its 'size' for charts; None without one."""
    best = None
    for label, value in (counts or {}).items():
        r = count_range(value)
        if r and (best is None or r[1] > best[2]):
            best = (label, r[0], r[1])
    return best


def date_window(r: Record) -> tuple[dt.date, dt.date] | None:
    """First and last day the record's date may mean, from its precision; None when undated."""
    if not r.date:
        return None
    try:
        d = dt.date.fromisoformat(r.date[:10])
    except ValueError:
        return None
    if r.date_precision == "month":
        return d, d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if r.date_precision == "year":
        return d, d.replace(month=12, day=31)
    return d, d + dt.timedelta(days=_SPAN_DAYS.get(r.date_precision, 0))


def route_label(r: Record) -> str:
    """'Origin -> via -> destination', with '?' for an unknown end."""
    def name(p: PlaceRef | None) -> str:
        return p.name if p is not None else "?"

    return " -> ".join([name(r.origin), *(name(v) for v in r.via), name(r.destination)])


def reports_of(r: Record) -> list[str]:
    return list(dict.fromkeys(s.doc for s in r.sources))


def _axes(ax, size: tuple[float, float]):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=size)
    return ax


def _colours(n: int) -> list:
    import matplotlib as mpl

    cmap = mpl.colormaps["tab10"] if n <= 10 else mpl.colormaps["tab20"]
    return [cmap(i % cmap.N) for i in range(n)]


def timeline(events: Iterable[Record], ax=None):
    """Events by type (rows) and date (x): a dot for a day, a bar for a week or month; size by figure.

    Undated events cannot be placed; their number is written under the chart.
    """
    import matplotlib.dates as mdates

    events = list(events)
    types = sorted({e.type for e in events})
    ax = _axes(ax, (9, 0.5 * max(len(types), 2) + 1.5))
    colours = dict(zip(types, _colours(len(types)), strict=True))
    undated = 0
    for e in events:
        win = date_window(e)
        if win is None:
            undated += 1
            continue
        y = types.index(e.type)
        fig = main_figure(e.counts)
        size = 30 + 12 * (fig[2] ** 0.5 if fig else 0)
        c = colours[e.type]
        if win[1] > win[0]:
            ax.plot([win[0], win[1] + dt.timedelta(days=1)], [y, y], color=c, linewidth=6, alpha=0.35,
                    solid_capstyle="butt")
        ax.scatter([win[0]], [y], s=min(size, 600), color=c, edgecolor="black", linewidth=0.5, zorder=3)
        if len(reports_of(e)) > 1:
            ax.annotate(f"{len(reports_of(e))} reports", (win[0], y), xytext=(6, 6),
                        textcoords="offset points",
                        fontsize=8)
    ax.set_yticks(range(len(types)), types)
    ax.set_ylim(-0.7, max(len(types), 1) - 0.3)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    ax.tick_params(axis="x", labelrotation=30)
    ax.grid(axis="x", alpha=0.3)
    title = "Events by type and date (bars: known only to the week or month; dot size: largest figure)"
    ax.set_title(title, fontsize=10)
    if undated:
        ax.set_xlabel(f"{undated} event(s) without a date are not shown")
    return ax


def routes(movements: Iterable[Record], ax=None, top: int = 15):
    """Movements by route, biggest first: a bar per movement, ranges drawn from low to high."""
    rows = []
    for m in movements:
        fig = main_figure(m.counts)
        rows.append((route_label(m), fig, m))
    rows.sort(key=lambda r: -(r[1][2] if r[1] else 0))
    rows = rows[:top]
    ax = _axes(ax, (9, 0.45 * max(len(rows), 2) + 1.2))
    for i, (_, fig, m) in enumerate(rows):
        if fig is None:
            ax.text(0, i, "  no figure given", va="center", fontsize=8, color="grey")
            continue
        label, low, high = fig
        ax.barh(i, low, color="tab:blue", alpha=0.8)
        if high > low:
            ax.barh(i, high - low, left=low, color="tab:blue", alpha=0.3, hatch="//")
        when = f", {m.date}" if m.date else ""
        ax.text(high, i, f"  {label} {int(low) if low == high else f'{int(low)}-{int(high)}'}{when}",
                va="center", fontsize=8)
    ax.set_yticks(range(len(rows)), [r[0] for r in rows])
    ax.invert_yaxis()
    ax.set_xlabel("people (largest figure the reports give; hatched: a range such as 'dozens')")
    ax.set_title("Movements by route and size", fontsize=10)
    ax.margins(x=0.25)
    return ax


def per_report_figures(r: Record) -> dict[str, dict[str, tuple[float, float]]]:
    """{label: {report: (low, high)}}: each report's own figure for each label (first one it gives)."""
    out: dict[str, dict[str, tuple[float, float]]] = {}
    for s in r.sources:
        for label, value in (s.counts or {}).items():
            rng = count_range(value)
            if rng is not None:
                out.setdefault(label, {}).setdefault(s.doc, rng)
    return out


def linked(records: Iterable[Record]) -> list[Record]:
    """Records told by more than one report."""
    return [r for r in records if len(reports_of(r)) > 1]


def figures_side_by_side(records: Sequence[Record], max_records: int = 4):
    """For each record told by several reports: every report's figure, label by label, side by side.

    Returns the matplotlib Figure (None when no linked record carries figures).
    """
    import matplotlib.pyplot as plt

    def told_by_several(r: Record) -> int:
        figs = per_report_figures(r)
        return max((len(by_doc) for by_doc in figs.values()), default=0)

    def disagree(r: Record) -> bool:
        return any(len(set(by_doc.values())) > 1 for by_doc in per_report_figures(r).values())

    # records whose figures two or more reports give, those that disagree first
    chosen = sorted((r for r in linked(records) if told_by_several(r) > 1), key=lambda r: not disagree(r))
    chosen = chosen[:max_records]
    if not chosen:
        return None
    fig, axes = plt.subplots(len(chosen), 1, figsize=(9, 2.2 * len(chosen) + 0.6), squeeze=False)
    for ax, r in zip(axes[:, 0], chosen, strict=True):
        figs = per_report_figures(r)
        docs = reports_of(r)
        colours = dict(zip(docs, _colours(len(docs)), strict=True))
        width = 0.8 / max(len(docs), 1)
        for li, label in enumerate(figs):
            for di, doc in enumerate(docs):
                if doc not in figs[label]:
                    continue
                low, high = figs[label][doc]
                x = li + (di - (len(docs) - 1) / 2) * width
                ax.bar(x, low, width=width * 0.9, color=colours[doc], label=doc)
                if high > low:
                    ax.bar(x, high - low, bottom=low, width=width * 0.9, color=colours[doc], alpha=0.35,
                           hatch="//")
                ax.text(x, high, f"{int(low)}" if low == high else f"{int(low)}-{int(high)}", ha="center",
                        va="bottom", fontsize=7)
        ax.set_xticks(range(len(figs)), list(figs))
        place = route_label(r) if r.kind == "movement" else (r.place.name if r.place else "place unknown")
        ax.set_title(f"{r.type}, {r.date or 'date unknown'}, {place}", fontsize=9)
        ax.margins(y=0.2)
        handles, labels = ax.get_legend_handles_labels()
        seen = dict(zip(labels, handles, strict=True))
        ax.legend(seen.values(), seen.keys(), fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.suptitle("The same event as each report tells it (hatched: a range such as 'dozens')", fontsize=10)
    fig.tight_layout()
    return fig


def _place_points(p: PlaceRef | None) -> tuple[float, float] | None:
    if p is None or p.lat is None or p.lon is None:
        return None
    return p.lon, p.lat


def overview(events: Iterable[Record] = (), movements: Iterable[Record] = (), places: Iterable[Any] = (),
             ax=None, bbox: tuple[float, float, float, float] | None = None):
    """A static overview map: country outlines, provinces, the committed borders, places,
    movements as arrows and events coloured by type. ``bbox`` = (west, south, east, north)."""
    from geokit.maps.basemap import load_basemap
    from geokit.maps.flows import anchor_route
    from geokit.maps.safe import StringTable

    events, movements, places = list(events), list(movements), list(places)
    ax = _axes(ax, (9, 7))
    for layer, kw in (("countries", {"facecolor": "#f4f1ea", "edgecolor": "#888", "linewidth": 0.6}),
                      ("admin1", {"facecolor": "none", "edgecolor": "#bbb", "linewidth": 0.4}),
                      ("borders", {"color": "#c0392b", "linewidth": 1.6})):
        _draw_geojson(ax, load_basemap(layer), **kw)
    pts: list[tuple[float, float]] = []
    for p in places:
        lat, lon = getattr(p, "lat", None), getattr(p, "lon", None)
        if lat is None or lon is None:
            continue
        ax.plot(lon, lat, marker="^" if getattr(p, "kind", "") in ("camp", "crossing", "airbase") else ".",
                color="#555", markersize=5, zorder=4)
        pts.append((lon, lat))
    crossings = [(getattr(p, "name", ""), p.lat, p.lon) for p in places
                 if getattr(p, "kind", "") == "crossing" and getattr(p, "lat", None) is not None]
    strings = StringTable()
    for m in movements:
        stops = [p for p in (m.origin, *m.via, m.destination) if _place_points(p) is not None]
        # an end known only to a country or province is drawn at the border (as on the HTML map), never at its
        # centre
        route, _ = anchor_route([[p.lat, p.lon, strings(p.name), p.geo_precision or 0] for p in stops],
                                crossings,
                                strings)
        for a, b in zip(route, route[1:], strict=False):
            if a[:2] == b[:2]:
                continue
            vague = max(a[3], b[3]) >= 3  # dashed: that end is inferred from an area
            ax.annotate("", xy=(b[1], b[0]), xytext=(a[1], a[0]), zorder=5,
                        arrowprops={"arrowstyle": "-|>", "color": "tab:purple", "lw": 1.5,
                                    "linestyle": "--" if vague else "-", "alpha": 0.6 if vague else 1.0})
        pts += [(q[1], q[0]) for q in route]
    types = sorted({e.type for e in events})
    colours = dict(zip(types, _colours(len(types)), strict=True))
    for t in types:
        xy = [pt for e in events if e.type == t for pt in [_place_points(e.place)] if pt is not None]
        if xy:
            ax.scatter([x for x, _ in xy], [y for _, y in xy], color=colours[t], edgecolor="black",
                       linewidth=0.5,
                       s=45, label=t, zorder=6)
            pts += xy
    if bbox is None and pts:
        bbox = focus_bbox(pts)
    if bbox is not None:
        ax.set_xlim(bbox[0], bbox[2])
        ax.set_ylim(bbox[1], bbox[3])
        mid = math.radians((bbox[1] + bbox[3]) / 2)
        ax.set_aspect(1 / max(math.cos(mid), 0.2), adjustable="box")
    if types:
        ax.legend(fontsize=8, loc="lower left", title="events", title_fontsize=8)
    ax.set_title("Events (dots), camps/crossings/air bases (triangles), movements (arrows;\n"
                 "dashed: an end known only to its province or country, drawn at the border)", fontsize=9)
    return ax


def focus_bbox(pts: Sequence[tuple[float, float]], radius_deg: float = FOCUS_RADIUS_DEG,
               margin: float = 1.0) -> tuple[float, float, float, float]:
    """(west, south, east, north) around where most points are: the points within ``radius_deg``
    of their median, so one meeting abroad does not shrink the region to a speck."""
    xs, ys = sorted(x for x, _ in pts), sorted(y for _, y in pts)
    mx, my = xs[len(xs) // 2], ys[len(ys) // 2]
    near = [(x, y) for x, y in pts if abs(x - mx) <= radius_deg and abs(y - my) <= radius_deg] or [(mx, my)]
    return (min(x for x, _ in near) - margin, min(y for _, y in near) - margin,
            max(x for x, _ in near) + margin, max(y for _, y in near) + margin)


def _draw_geojson(ax, fc: dict, **kw) -> None:
    from matplotlib.collections import LineCollection, PolyCollection

    polys, lines = [], []
    for f in fc.get("features", []):
        g = f.get("geometry") or {}
        t, c = g.get("type"), g.get("coordinates") or []
        if t == "Polygon":
            polys += [ring for ring in c[:1]]
        elif t == "MultiPolygon":
            polys += [poly[0] for poly in c if poly]
        elif t == "LineString":
            lines.append(c)
        elif t == "MultiLineString":
            lines += c
    if polys:
        ax.add_collection(PolyCollection(polys, **{k: v for k, v in kw.items() if k != "color"}))
    if lines:
        ax.add_collection(LineCollection(lines, colors=kw.get("color", "#888"),
                                         linewidths=kw.get("linewidth", 1)))
