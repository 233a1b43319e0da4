"""``build_map``: events, movements, facts and places -> one self-contained, offline HTML map.

Why a wrapper around folium: the folium ``Map`` stays available (``GeoMap.folium``) for
anyone who wants to add layers, but saving and notebook display go through ``GeoMap.html()``,
which inlines every asset, adds the Content-Security-Policy and escapes the title, so the
file works with no network and article text cannot run as code.
"""

from __future__ import annotations

import html as html_lib
import math
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import folium

from geokit.errors import ExportError, MapError
from geokit.export import write_aside
from geokit.maps.arrows import ArrowLayer
from geokit.maps.assets import LEAFLET_CSS, LEAFLET_JS, InlineReport, apply_csp, inline_assets, new_nonce
from geokit.maps.basemap import DEFAULT_BORDERS, Basemap, BasemapPart, tile_layer
from geokit.maps.core import Feature
from geokit.maps.detail import Detail, DetailPart, extent
from geokit.maps.flows import anchor_rows
from geokit.maps.icons import GROUPS
from geokit.maps.legend import Legend
from geokit.maps.markers import PointLayer, TypeToggle
from geokit.maps.places import PlaceLayer, add_record_places, collect_places
from geokit.maps.records import EPOCH, Problem, iter_items, movement_records, point_records
from geokit.maps.safe import SafeMacro, clean_text, render_page
from geokit.maps.search import Search
from geokit.maps.spread import away_from_sites, site_refs, spread, spread_sites
from geokit.maps.timeslider import TimeSlider
from geokit.maps.unplaced import Title, Unplaced


class OfflineMap(folium.Map, SafeMacro):
    """folium's Map without its CDN extras (jQuery, Bootstrap, Font Awesome): Leaflet only.

    ``SafeMacro``: its rendered script is inserted as text, never compiled again as a template.
    """

    default_js = [("leaflet", LEAFLET_JS)]
    default_css = [("leaflet_css", LEAFLET_CSS)]


VIEWPORT_JS = r"""
(function () {
  "use strict";
  var GK = window.GK;
  GK.viewport = function (map, opts) {
    function fit() {
      var b = opts.bounds ? L.latLngBounds(opts.bounds) : null;
      if (b && b.isValid()) {
        if (b.getNorthEast().equals(b.getSouthWest())) { map.setView(b.getCenter(), opts.pointZoom); }
        else { map.fitBounds(b, { padding: [40, 40], maxZoom: opts.maxZoom }); }
      } else if (opts.focus) {
        map.fitBounds(opts.focus, { padding: [10, 10] });
      }
    }
    // A map drawn while hidden (a notebook output scrolled off-screen, a collapsed cell, a tab in the
    // background) has no size: Leaflet then frames nothing. Redraw and frame again once it gets a size.
    function sized() { var s = map.getSize(); return s.x > 0 && s.y > 0; }
    var pending = !sized();
    fit();
    function check() {
      map.invalidateSize({ pan: false });
      var s = map.getSize();
      GK.status("size", s.x + "x" + s.y);
      if (pending && sized()) { pending = false; fit(); GK.status("refit", 1); }
    }
    if (window.ResizeObserver) { new ResizeObserver(function () { GK.guard("resize", check); }).observe(map.getContainer()); }
    if (pending) {  // and a slow poll while unsized, for hosts that show the frame without a resize event
      var poll = setInterval(function () { if (!pending) { clearInterval(poll); } else { GK.guard("resize", check); } }, 400);
    }
    document.addEventListener("visibilitychange", function () { if (!document.hidden) { GK.guard("resize", check); } });
    window.addEventListener("pageshow", function () { GK.guard("resize", check); });
    GK.status("size", map.getSize().x + "x" + map.getSize().y);
    map.on("zoomend", function () { GK.status("zoom", map.getZoom()); });
    GK.status("zoom", map.getZoom());
    GK.viewportDone = true;
    GK.checkReady();
    return true;
  };
})();
"""  # noqa: E501


def first_view(points: list[tuple[float, float]], radius_km: float = 1200.0, share: float = 0.6):
    """Bounds for the first view: the points near their median, unless that leaves out too many.

    Why: one report mentioning a meeting in Geneva should not zoom the whole map out to Europe;
    everything stays drawn, the first view just frames where most of the records are.
    """
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    mlat, mlon = lats[len(lats) // 2], lons[len(lons) // 2]

    def km(p: tuple[float, float]) -> float:
        la1, lo1, la2, lo2 = map(math.radians, (mlat, mlon, p[0], p[1]))
        h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
        return 12742.0 * math.asin(min(1.0, math.sqrt(h)))

    near = [p for p in points if km(p) <= radius_km]
    keep = near if len(near) >= share * len(points) else points
    return [[min(p[0] for p in keep), min(p[1] for p in keep)],
            [max(p[0] for p in keep), max(p[1] for p in keep)]]


class Viewport(Feature):
    """Last feature on the page: frame what was drawn (or the focus region) and flag readiness
    (``data-gk-ready`` once every data block is loaded)."""

    feature = "viewport"
    js = VIEWPORT_JS

    def __init__(self, points: list[tuple[float, float]], focus: list[list[float]] | None) -> None:
        super().__init__()
        self.bounds = first_view(points)
        self.focus = focus

    def call(self) -> str:
        opts = {"maxZoom": 9, "pointZoom": 8, "bounds": self.bounds, "focus": self.focus}
        return f"GK.viewport({self.map_name}, {self.options_json(opts)})"


@dataclass
class GeoMap:
    """A built map: ``save(path)`` writes one offline HTML file; notebooks show it inline."""

    folium: folium.Map
    title: str = ""
    online: bool = False
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    height: str = "600px"
    notes: list[str] = field(default_factory=list)
    last_inline: InlineReport | None = None

    @property
    def not_on_map(self) -> list[Problem]:
        """Records and places not drawn (``partial=True``: drawn in part)."""
        return list(self.problems)

    def html(self, strict: bool = True) -> str:
        """The whole page as one string: assets inlined, CSP and nonces set, nothing fetched."""
        page = render_page(self.folium.get_root())  # nothing user- or data-supplied runs as a template
        page = apply_csp(page, new_nonce(), self.online)
        page, self.last_inline = inline_assets(page, strict=strict)
        title = f"<title>{html_lib.escape(self.title or 'geokit map')}</title>"
        cut = page.find("<head>") + len("<head>")
        return page[:cut] + "\n" + title + page[cut:]

    def save(self, path: str | Path) -> Path:
        """Write the self-contained HTML file (parent folders are created): beside it first, then moved into
        place, so a failed write never leaves an earlier map truncated."""
        path = Path(path).expanduser()
        if path.suffix.lower() not in (".html", ".htm"):
            raise ExportError(f"map files are HTML: give a path ending in .html, not {path.name!r}")
        page = self.html()
        path.parent.mkdir(parents=True, exist_ok=True)
        with write_aside(path) as fh:
            fh.write(page)
        return path

    def _repr_html_(self) -> str:
        """An iframe whose ``srcdoc`` is the whole page: works offline in JupyterLab and nbconvert."""
        doc = html_lib.escape(self.html(), quote=True)
        # min-height: an output area that lays the frame out before it is shown still gets a size
        return (f'<iframe srcdoc="{doc}" sandbox="allow-scripts" style="width:100%;height:{self.height};'
                f'min-height:{self.height};display:block;border:none" title="geokit map" '
                'loading="eager"></iframe>')

    def summary(self) -> str:
        c = self.counts
        parts = [f"{c.get('events', 0)} events",
                 f"{c.get('movements', 0)} movements ({c.get('arrows', 0)} legs)",
                 f"{c.get('facts', 0)} figures", f"{c.get('places', 0)} places"]
        missing = sum(1 for p in self.problems if not p.partial)
        partial = len(self.problems) - missing
        text = ("; ".join(parts) + f"; not on the map: {missing}"
                + (f" (+{partial} in part)" if partial else ""))
        return "; ".join([text, *self.notes])


class SafeLayerControl(folium.LayerControl, SafeMacro):
    """folium's layer control; its labels (layer and type names) are never evaluated as a template."""


VAGUE_LABEL = {3: " (region, approx.)", 4: " (country, approx.)"}  # geo-precision 3-4: the area's point

_CSS_LENGTH = re.compile(r"^\d+(\.\d+)?(px|%|em|rem|vh)$")


def _crossings(pl: Any, store: Any) -> list[tuple[str, float, float]]:
    """Border crossings to draw vague movement ends at: those on the map, and the store's curated ones."""
    out = [(row[0], row[2], row[3]) for row in pl.groups["crossing"]]
    try:
        if store is None:
            from geokit.gazetteer.store import open_store

            store = open_store()
        out += [(p.name, p.lat, p.lon) for p in store.features(("crossing",))]
    except Exception:  # no store: the crossings on the map only
        pass
    return out


def _is_extraction(obj: Any) -> bool:
    return not hasattr(obj, "iloc") and all(hasattr(obj, k) for k in ("events", "movements", "facts"))


def _empty(obj: Any) -> bool:
    return obj is None or (isinstance(obj, list | tuple) and not obj)


def _listify(items: Any, what: str) -> list:
    return list(iter_items(items, what))


def with_span(title: str, days: Counter) -> str:
    """The title with the span of the records' days, the range the time slider covers (one date range
    everywhere on the map)."""
    if not days:
        return title
    import datetime as dt

    lo, hi = (EPOCH + dt.timedelta(days=int(d)) for d in (min(days), max(days)))
    return f"{title} · {lo.isoformat()} – {hi.isoformat()}"


def build_map(events: Any = (), movements: Any = (), facts: Any = (), places: Any = (), *,
              title: str | None = None, tiles: Any = None, cluster: str = "auto",
              record_places: bool = True, borders: Any = DEFAULT_BORDERS, world: bool = True,
              height: str = "600px", towns: bool = True, store: Any = None,
              title_span: bool = False) -> GeoMap:
    """Build an offline Leaflet map of events, movements, facts and places.

    ``events``/``movements``/``facts``: geokit records, their dicts, or (Geo)DataFrames.
    ``places``: ``Candidate`` objects, dicts or a (Geo)DataFrame (kind: camp, crossing,
    airbase, airport, city, town, village...). ``tiles="OpenStreetMap"`` adds an online
    tile layer (off by default: the map is fully offline). ``cluster``: auto, markercluster,
    fast or none. ``towns``: label the gazetteer store's towns (``store``, default the user's)
    within the map's extent; rivers and lakes are drawn there too. ``title_span``: add the span of
    the records' days (the time slider's range) to the title. Records that cannot be drawn
    are listed in the map's "not on the map" panel and in ``GeoMap.problems``.
    """
    if not isinstance(height, str) or not _CSS_LENGTH.match(height.strip()):
        raise MapError(f"height must be a CSS length like '600px' or '80vh', not {height!r}")
    height = height.strip()
    if isinstance(events, str | os.PathLike) and os.path.isfile(os.path.expanduser(os.fspath(events))) \
            and _empty(movements) and _empty(facts):
        # one export file of `geokit events` (JSONL, GeoJSON or CSV): all three kinds from it
        events, movements, facts = events, events, events
    elif _is_extraction(events) and _empty(movements) and _empty(facts):
        # the Extraction itself (``build_map(geokit.extract(reports))``): its three lists
        events, movements, facts = events.events, events.movements, events.facts
    events, movements = _listify(events, "events"), _listify(movements, "movements")
    facts, places = _listify(facts, "facts"), _listify(places, "places")
    ev = point_records(events, "event")
    fa = point_records(facts, "fact")
    mv = movement_records(movements)
    pl = collect_places(places)
    if record_places:
        add_record_places(pl, events + facts + movements)

    tiles_layer = tile_layer(tiles)
    m = OfflineMap(location=[36.5, 38.0], zoom_start=6, tiles=None, control_scale=True, height="100%",
                   minZoom=2, maxZoom=16)
    base = Basemap(borders=borders, world=world, online=tiles_layer is not None)
    m.add_child(base)
    if tiles_layer is not None:
        m.add_child(tiles_layer)
    anchor_rows(mv.rows, _crossings(pl, store), mv.S)  # vague ends at the border, never at a centroid
    mv_points = [(p[0], p[1]) for r in mv.rows for p in r[9]]
    drawn = [(p.lat, p.lon) for p in ev.points + fa.points] + mv_points + list(pl.points)
    sites = {row[5] for rows in pl.groups.values() for row in rows if row[5]}
    site_points = [(row[2], row[3]) for rows in pl.groups.values() for row in rows]
    for rows in pl.groups.values():
        site_refs(rows, ev.rows, fa.rows, mv.rows)
    shared = spread_sites(pl.groups)  # sites at one point side by side
    # co-located markers in a ring, clear of site icons
    spread([ev.rows, fa.rows], site_points, shared=shared)
    # an event placed only by its province or country sits at that area's point: its label says so, so that
    # at local zoom its markers do not read as an event at an unnamed spot in the fields
    record_names = [(recs.S.strings[r[11]] + VAGUE_LABEL.get(r[12] or 1, ""), r[9], r[10])
                    for recs in (ev, fa) for r in recs.rows if r[11] >= 0]
    record_names += [(mv.S.strings[p[2]], p[0], p[1]) for r in mv.rows for p in r[9]
                     if p[2] >= 0 and (p[3] or 1) <= 2]
    # provinces and emphasised borders are drawn (and listed) only when they lie around the records
    legend_borders, legend_admin1 = base.legend_parts(extent(drawn))
    if legend_admin1:
        m.add_child(BasemapPart(base, "admin1", "Provinces (first-level areas)"))
    if legend_borders:
        m.add_child(BasemapPart(base, "borders", " / ".join(base.border_names)))
    detail = Detail(extent(drawn), towns=towns, store=store, skip=sites, focus=drawn,
                    records=away_from_sites(record_names, site_points),
                    town_sites=[(row[0], row[2], row[3], g, *(row[7] or (0, 0)))
                                for g, rows in pl.groups.items() for row in rows])
    m.add_child(detail)
    if detail.water["rivers"] or detail.water["lakes"]:
        m.add_child(DetailPart(detail, "water", "Rivers and lakes"))
    if detail.towns:
        m.add_child(DetailPart(detail, "towns", "Town names"))
    if detail.districts["states"] or detail.districts["counties"]:
        m.add_child(DetailPart(detail, "districts", "US states and counties"))

    place_legend = []
    for group, label in GROUPS:
        if pl.groups[group]:
            m.add_child(PlaceLayer(pl, group, label))
            place_legend.append([label, group, len(pl.groups[group])])

    arrows = None
    if mv.rows:
        arrows = ArrowLayer(mv)
        m.add_child(arrows)
    if fa.rows:
        m.add_child(PointLayer(fa, "Figures (facts)", cluster="none" if len(fa.rows) <= 200 else cluster,
                               control=True, type_toggles=False))
    event_layer = None
    if ev.rows:
        event_layer = PointLayer(ev, "Events", cluster=cluster, control=False)
        m.add_child(event_layer)
        for i, name in enumerate(ev.types.names):
            m.add_child(TypeToggle("event", i, name, event_layer.type_colour(i), ev.types.counts[i]))

    days = Counter()
    undated = 0
    for recs in (ev, fa, mv):
        for row in recs.rows:
            if row[4] is None:
                undated += 1
            else:
                days[row[4]] += 1
    if days:
        m.add_child(TimeSlider(days, undated))

    legend = Legend(
        events=[[n, event_layer.type_colour(i), ev.types.counts[i]] for i, n in enumerate(ev.types.names)]
        if event_layer else [],
        facts=[["figures (facts)", "fact", len(fa.rows)]] if fa.rows else [],
        movements=[[n, arrows.type_colour(i), mv.types.counts[i]] for i, n in enumerate(mv.types.names)]
        if arrows else [],
        places=place_legend,
        borders=legend_borders,
        admin1=legend_admin1,
    )
    m.add_child(legend)

    search_items = []
    for group, _ in GROUPS:
        for i, row in enumerate(pl.groups[group]):
            search_items.append(Search.entry(row[0], row[2], row[3], row[1], f"{group}:{i}"))
    for recs in (ev, fa):
        for row in recs.rows:
            name = recs.S.strings[row[11]] if row[11] >= 0 else ""
            if name:
                search_items.append(Search.entry(name, row[9], row[10], "event place"))
    for row in mv.rows:
        for p in row[9]:
            if p[2] >= 0:
                search_items.append(Search.entry(mv.S.strings[p[2]], p[0], p[1], "movement place"))
    m.add_child(Search(search_items))

    problems = ev.problems + fa.problems + mv.problems + pl.problems
    m.add_child(Unplaced(problems))
    if title:
        m.add_child(Title(with_span(title, days) if title_span else title))
    n_overlays = 4 + len(place_legend) + bool(arrows) + bool(fa.rows) + len(ev.types.names)
    m.add_child(SafeLayerControl(collapsed=n_overlays > 14))
    records = [(p.lat, p.lon) for p in ev.points + fa.points] + mv_points
    m.add_child(Viewport(records or pl.points, base.focus_bounds()))

    counts = {"events": len(ev.rows), "facts": len(fa.rows), "movements": len(mv.rows), "arrows": mv.legs,
              "places": pl.count(), "problems": len(problems), **detail.counts}
    return GeoMap(folium=m, title=clean_text(title or "", 200), online=tiles_layer is not None,
                  problems=problems, counts=counts, height=height,
                  notes=[detail.problem] if detail.problem else [])
