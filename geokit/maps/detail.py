"""Basemap detail at the scale of a story: rivers, lakes and town labels, clipped to the map's extent.

Why: at zoom 9-12 around a border town the outlines alone tell the analyst nothing; the towns
(every populated place the gazetteer store knows, labelled by importance as the user zooms, the
way map label engines place them: most important first, never overlapping), rivers and lakes do.
Only what lies within the drawn records' extent (plus a margin) is written, so files stay small.
Rivers and lakes come from the committed GSHHG extract (``gazetteer/tools/basemap_water.py``); lakes
that no longer hold water (GSHHG still has some drained ones) are listed, with their source, in
``geokit/data/basemap/drained_lakes.csv`` and are not drawn.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

from geokit.errors import MapError
from geokit.maps.core import Feature
from geokit.maps.layers import LayerFeature
from geokit.maps.safe import clean_text

TOWN_KINDS = ("city", "town", "village")
MIN_ZOOM, MAX_ZOOM = 5, 14  # labels are placed for these zoom levels; above MAX_ZOOM everything placed shows
MAX_TOWNS = 6000
# around the places the records are at, every town of the store is a candidate (up to this many), so that at
# the scale of the story (zoom 10-12) the villages show even when the extent spans several countries
LOCAL_TOWNS = 6000
LOCAL_DEG = 0.3  # "around": within about 30 km (cells of this size and their neighbours)
MARGIN_DEG = 0.5

DETAIL_JS = r"""
(function () {
  "use strict";
  var GK = window.GK;
  function pane(map, name, z) {
    if (!map.getPane(name)) {
      var p = map.createPane(name);
      p.style.zIndex = z;
      p.style.pointerEvents = "none";
    }
    return name;
  }
  function ll(coords) { return coords.map(function (c) { return [c[1], c[0]]; }); }
  GK.detail = function (map, blockId, opts) {
    var out = { water: L.featureGroup(), towns: L.layerGroup(), districts: L.featureGroup() };
    GK.load(blockId, "detail", function (block) { fill(map, out, block, opts); });
    return out;
  };
  function fill(map, out, block, opts) {
    var waterPane = pane(map, "gkWater", 200);
    var townPane = pane(map, "gkTowns", 420);  // names above flow lines (400), below arrowheads (450) and icons
    var renderer = L.svg({ pane: waterPane, padding: 0.5 });
    (block.lakes || []).forEach(function (ring) {
      L.polygon(ll(ring), { renderer: renderer, pane: waterPane, interactive: false, className: "gk-lake",
                            color: "#6b9fc9", weight: 0.8, fillColor: "#cfe3ef", fillOpacity: 1 }).addTo(out.water);
    });
    var rivers = (block.rivers || []).map(function (line) {
      return L.polyline(ll(line), { renderer: renderer, pane: waterPane, interactive: false, className: "gk-river",
                                    color: "#5b93c7", weight: 1.2, opacity: 0.9 });
    });
    rivers.forEach(function (r) { r.addTo(out.water); });
    // district lines (US states and counties): below the provinces' pane, county lines only from zoom 6
    var districtPane = pane(map, "gkDistricts", 290);
    var dRenderer = L.svg({ pane: districtPane, padding: 0.5 });
    var nd = 0;
    [["states", "gk-state", "#8d8270", 1.1, null], ["counties", "gk-county", "#a89f90", 0.6, "2 3"]].forEach(function (k) {
      (block[k[0]] || []).forEach(function (line) {
        nd++;
        L.polyline(ll(line), { renderer: dRenderer, pane: districtPane, interactive: false, className: k[1],
                               color: k[2], weight: k[3], dashArray: k[4], opacity: 0.9 }).addTo(out.districts);
      });
    });
    GK.status("district-lines", nd);
    GK.status("rivers", rivers.length);
    GK.status("lakes", (block.lakes || []).length);
    // towns: [name index, lat, lon, minZoom, rank(0 city, 1 town, 2 village)]
    var S = block.S, towns = block.towns || [], markers = new Array(towns.length), on = new Uint8Array(towns.length);
    var cls = ["gk-town-city", "gk-town-town", "gk-town-village", "gk-town-record", "gk-town-site", "gk-town-site gk-site-name"];
    function marker(i) {
      if (!markers[i]) {
        var t = towns[i];
        var div = GK.el("div", "gk-town-in");
        div.appendChild(GK.el("span", "gk-town-dot"));
        div.appendChild(GK.el("span", "gk-town-name", S[t[0]]));
        var ox = t[5] || 0, oy = t[6] || 0;  // beside a site icon that was moved aside (spread.py)
        markers[i] = L.marker([t[1], t[2]], {
          icon: L.divIcon({ className: "gk-town " + cls[t[4]], html: div, iconSize: null, iconAnchor: [-ox, -oy] }),
          interactive: false, keyboard: false, pane: townPane
        });
      }
      return markers[i];
    }
    function update() {
      var z = map.getZoom(), b = map.getBounds().pad(0.25), shown = 0;
      for (var i = 0; i < towns.length; i++) {
        var t = towns[i];
        var want = t[3] <= z && b.contains([t[1], t[2]]);
        if (want && !on[i]) { out.towns.addLayer(marker(i)); on[i] = 1; }
        else if (!want && on[i]) { out.towns.removeLayer(markers[i]); on[i] = 0; }
        shown += on[i];
      }
      GK.status("towns-visible", shown);
      var c = map.getContainer();
      c.classList.toggle("gk-zoom-water", z >= opts.waterZoom);
    }
    GK.status("towns", towns.length);
    map.on("zoomend moveend", function () { GK.guard("detail", update); });
    update();
  }
})();
"""  # noqa: E501

DETAIL_CSS = r"""
.leaflet-container .gk-river { display: none; }
.leaflet-container .gk-county { display: none; }
.leaflet-container.gk-zoom-a1 .gk-county { display: inline; }
.leaflet-container.gk-zoom-water .gk-river { display: inline; }
.leaflet-container.gk-zoom-local .gk-river { stroke-width: 2.2px; }
.gk-town { background: none; border: none; white-space: nowrap; pointer-events: none; }
.gk-town-in { position: relative; left: -3px; top: -3px; display: flex; align-items: center; gap: 3px; }
.gk-town-dot { width: 5px; height: 5px; border-radius: 50%; background: #555; border: 1px solid #fff; flex: none; }
.gk-town-name { font-size: 11px; color: #333; text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff; }
.gk-town-city .gk-town-name { font-size: 13px; font-weight: 600; color: #222; }
.gk-town-city .gk-town-dot { width: 7px; height: 7px; background: #333; }
.gk-town-village .gk-town-name { font-size: 10px; color: #555; }
.gk-town-record .gk-town-name { font-size: 12px; font-weight: 600; color: #1a1a1a; }
.gk-town-record .gk-town-dot { background: #1a1a1a; }
.gk-town-site .gk-town-dot { visibility: hidden; width: 14px; }
.gk-town-site .gk-town-name { font-size: 12px; font-weight: 600; color: #263238; }
.gk-site-name .gk-town-name { font-size: 11px; color: #3b2a1a; }
.gk-town-village .gk-town-dot { width: 4px; height: 4px; background: #777; }
"""  # noqa: E501


@lru_cache(maxsize=1)
def drained_lakes() -> list[tuple[str, float, float]]:
    """(name, lat, lon) of a point inside each lake that is gone (``drained_lakes.csv``, sources there)."""
    text = (resources.files("geokit") / "data" / "basemap" / "drained_lakes.csv").read_text(encoding="utf-8")
    return [(row["name"], float(row["lat"]), float(row["lon"])) for row in csv.DictReader(io.StringIO(text))]


def _inside(ring: list, lon: float, lat: float) -> bool:
    """Even-odd rule: is (lon, lat) inside the closed ``ring`` of [lon, lat] points."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


@lru_cache(maxsize=2)
def load_water(name: str, drop_drained: bool = True) -> list:
    """Committed rivers or lakes: items ``[bbox, coords]`` (coords as [lon, lat]).

    Lakes containing a point of ``drained_lakes()`` are left out unless ``drop_drained`` is False:
    the source's shorelines predate their drainage, and an analyst must not read a plain as water.
    """
    if name not in ("rivers", "lakes"):
        raise MapError(f"unknown water layer {name!r}")
    path = resources.files("geokit") / "data" / "basemap" / f"{name}.json"
    items = json.loads(path.read_text(encoding="utf-8"))["items"]
    if name == "lakes" and drop_drained:
        gone = drained_lakes()
        items = [(bb, ring) for bb, ring in items
                 if not any(bb[1] <= lat <= bb[3] and bb[0] <= lon <= bb[2] and _inside(ring, lon, lat)
                            for _, lat, lon in gone)]
    return items


def extent(points: list[tuple[float, float]],
           margin: float = MARGIN_DEG) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) around the points, with ``margin`` degrees; None without points."""
    pts = [(la, lo) for la, lo in points if la is not None and lo is not None]
    if not pts:
        return None
    return (max(-85.0, min(p[0] for p in pts) - margin), max(-180.0, min(p[1] for p in pts) - margin),
            min(85.0, max(p[0] for p in pts) + margin), min(180.0, max(p[1] for p in pts) + margin))


def _clip_line(coords: list, box: tuple[float, float, float, float]) -> list[list]:
    """Runs of a line inside ``box`` (south, west, north, east), each keeping one point beyond the edge."""
    s, w, n, e = box
    runs, cur = [], []
    inside_prev = False
    for i, (x, y) in enumerate(coords):
        inside = s <= y <= n and w <= x <= e
        if inside:
            if not cur and i > 0:
                cur.append(coords[i - 1])
            cur.append([x, y])
        elif inside_prev:
            cur.append([x, y])
            runs.append(cur)
            cur = []
        inside_prev = inside
    if len(cur) >= 2:
        runs.append(cur)
    return [r for r in runs if len(r) >= 2]


def water_within(box: tuple[float, float, float, float] | None) -> dict[str, list]:
    """Rivers (clipped) and lakes (whole) that touch ``box``."""
    if box is None:
        return {"rivers": [], "lakes": []}
    s, w, n, e = box

    def touches(bb):
        return not (bb[2] < w or bb[0] > e or bb[3] < s or bb[1] > n)

    rivers = []
    for bb, coords in load_water("rivers"):
        if touches(bb):
            rivers.extend(_clip_line(coords, box))
    lakes = [ring for bb, ring in load_water("lakes") if touches(bb)]
    return {"rivers": rivers, "lakes": lakes}


@lru_cache(maxsize=1)
def load_us_lines() -> list[tuple[list[float], int, list[list[float]]]]:
    """US county and state lines (``us_lines.json.gz``): (bbox, 1 state / 0 county line, [lon, lat] list)."""
    raw = (resources.files("geokit") / "data" / "basemap" / "us_lines.json.gz").read_bytes()
    doc = json.loads(gzip.decompress(raw))
    k = doc["scale"]
    out = []
    for bbox, level, flat in doc["items"]:
        x, y = flat[0], flat[1]
        coords = [[round(x * k, 3), round(y * k, 3)]]
        for i in range(2, len(flat), 2):
            x, y = x + flat[i], y + flat[i + 1]
            coords.append([round(x * k, 3), round(y * k, 3)])
        out.append((bbox, level, coords))
    return out


DISTRICT_DEG = 2.0  # district lines are drawn within about 200 km of the records, not across a whole extent


def district_lines(box: tuple[float, float, float, float] | None,
                   focus: list[tuple[float, float]] = ()) -> dict[str, list]:
    """State and county lines (where the gazetteer has district shapes: the US) in ``box``, near ``focus``.

    Why near the records only: a map of one US story and one Syrian one spans the world; the districts
    matter where the records are, and the file stays small.
    """
    out: dict[str, list] = {"states": [], "counties": []}
    if box is None:
        return out
    near = None
    if focus:  # lines run on to about DISTRICT_DEG around the records, not stopping at the records' box
        near = _near(focus, DISTRICT_DEG)
        box = extent(list(focus), margin=DISTRICT_DEG) or box
    s, w, n, e = box
    for bb, level, coords in load_us_lines():
        if bb[2] < w or bb[0] > e or bb[3] < s or bb[1] > n:
            continue
        ends = (coords[0], coords[len(coords) // 2], coords[-1])
        if near is not None and not any(near(y, x) for x, y in ends):
            continue
        out["states" if level else "counties"].extend(_clip_line(coords, box))
    return out


def _pixel(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """Web-Mercator pixel position at ``zoom`` (256-px tiles), as Leaflet computes it."""
    scale = 256 * 2 ** zoom
    lat = max(-85.0, min(85.0, lat))
    x = (lon + 180.0) / 360.0 * scale
    s = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * scale
    return x, y


def place_labels(places: list[tuple[str, float, float, float]], min_zoom: int = MIN_ZOOM,
                 max_zoom: int = MAX_ZOOM, fixed: list[tuple[str, float, float, int, int]] = (),
                 fixed_below: float = float("inf")) -> list[int | None]:
    """The zoom at which each label first shows, or None if it never fits.

    ``places`` are (name, lat, lon, importance[, first zoom allowed[, pixel offset]]). Labels are placed most
    important first; a label
    shows from the lowest zoom at which its box (dot + text) overlaps no label already shown at
    that zoom or any higher one, so labels never overlap and important towns appear first.
    ``fixed``: labels already on the map (name, lat, lon, from zoom, to zoom), e.g. provinces, that
    labels of importance below ``fixed_below`` must not cover (cities outrank province names).
    """
    order = sorted(range(len(places)), key=lambda i: -places[i][3])
    grids: dict[int, dict[tuple[int, int], list]] = {z: {} for z in range(min_zoom, max_zoom + 1)}
    fixed_grids: dict[int, dict[tuple[int, int], list]] = {z: {} for z in range(min_zoom, max_zoom + 1)}
    cell = 64
    result: list[int | None] = [None] * len(places)

    def box_at(i: int, z: int, base: tuple[float, float]) -> tuple[float, float, float, float]:
        """The label's box at zoom ``z``; ``base`` is its pixel at zoom 0 (pixels double with each zoom)."""
        f = 1 << z
        x, y = base[0] * f, base[1] * f
        if len(places[i]) > 5 and places[i][5]:
            x, y = x + places[i][5][0], y + places[i][5][1]
        return (x - 5, y - 9, x + 10 + 6.2 * len(places[i][0]), y + 9)

    def free(b, z, g) -> bool:
        for cx in range(int(b[0] // cell), int(b[2] // cell) + 1):
            for cy in range(int(b[1] // cell), int(b[3] // cell) + 1):
                for o in g.get((cx, cy), ()):
                    if b[0] < o[2] and o[0] < b[2] and b[1] < o[3] and o[1] < b[3]:
                        return False
        return True

    for name, lat, lon, z0, z1 in fixed:
        for z in range(max(min_zoom, z0), min(max_zoom, z1) + 1):
            x, y = _pixel(lat, lon, z)
            half = 3.1 * len(name) + 4
            b = (x - half, y - 8, x + half, y + 8)  # centred, as the basemap draws them
            for cx in range(int(b[0] // cell), int(b[2] // cell) + 1):
                for cy in range(int(b[1] // cell), int(b[3] // cell) + 1):
                    fixed_grids[z].setdefault((cx, cy), []).append(b)

    for i in order:
        below = places[i][3] < fixed_below
        base = _pixel(places[i][1], places[i][2], 0)
        boxes: dict[int, tuple[float, float, float, float]] = {}
        ok_from = None
        lowest = max(min_zoom, places[i][4]) if len(places[i]) > 4 else min_zoom
        for z in range(max_zoom, lowest - 1, -1):  # the lowest z such that every zoom >= z is free
            boxes[z] = box_at(i, z, base)
            if free(boxes[z], z, grids[z]) and (not below or free(boxes[z], z, fixed_grids[z])):
                ok_from = z
            else:
                break
        if ok_from is None:
            continue
        result[i] = ok_from
        for z in range(ok_from, max_zoom + 1):
            b = boxes[z]
            for cx in range(int(b[0] // cell), int(b[2] // cell) + 1):
                for cy in range(int(b[1] // cell), int(b[3] // cell) + 1):
                    grids[z].setdefault((cx, cy), []).append(b)
    return result


def basemap_labels(box: tuple[float, float, float, float]) -> list[tuple[str, float, float, int, int]]:
    """Province and country labels the basemap draws in ``box`` (with the zooms they show at)."""
    from geokit.maps.basemap import load_basemap

    s, w, n, e = box
    out = []
    for layer, z0, z1 in (("admin1", 6, MAX_ZOOM), ("countries", 4, MAX_ZOOM)):
        for f in load_basemap(layer)["features"]:
            props = f["properties"]
            lab = props.get("label")
            if not lab or (layer == "countries" and not props.get("detail")):
                continue
            if s <= lab[0] <= n and w <= lab[1] <= e:
                out.append((str(props.get("name", "")), lab[0], lab[1], z0, z1))
    return out


CITY_PRIOR = 5.5  # store prior of a city of about 300,000 people: such labels may cover a province name
RANK = {"city": 0, "town": 1, "village": 2}


# camps, crossings and air bases are named from this zoom (their icons say what they are)
SITE_LABEL_ZOOM = 10
RECORD_LABEL_ZOOM = 9  # names of the places records are drawn at show from this zoom, before any town's


def _near(points: list[tuple[float, float]], deg: float = LOCAL_DEG):
    """A test 'is (lat, lon) within about ``deg`` of one of ``points``' (grid cells and their neighbours)."""
    cells = set()
    for lat, lon in points:
        if lat is None or lon is None:
            continue
        cy, cx = math.floor(lat / deg), math.floor(lon / deg)
        cells.update((cy + dy, cx + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1))
    return lambda lat, lon: (math.floor(lat / deg), math.floor(lon / deg)) in cells


def town_labels(box: tuple[float, float, float, float] | None, store: Any = None,
                limit: int = MAX_TOWNS, skip: set[str] | None = None,
                records: list[tuple[str, float, float]] = (),
                town_sites: list[tuple[str, float, float]] = (),
                focus: list[tuple[float, float]] = (),
                local: int = LOCAL_TOWNS) -> tuple[list[str], list[list]]:
    """(strings, rows ``[name index, lat, lon, minZoom, rank]``) of the store's towns inside ``box``.

    Candidates are the ``limit`` most important towns of the box plus, around the ``focus`` points (where
    the records are), the ``local`` most important others: villages there are labelled at local zoom.

    ``skip``: ids of places drawn as sites (camps, crossings...), labelled by their icon.
    ``records``: (name, lat, lon) of the places events are drawn at: labelled first (rank 3) at local
    zoom; a store town of the same name within about 2 km is not labelled again.
    ``town_sites``: (name, lat, lon, group) of places drawn with an icon, labelled beside it: towns
    (rank 4) before the store's towns, camps, crossings and air bases (rank 5) first but from zoom 10.
    """
    if box is None:
        return [], []
    recs: dict[tuple[str, int, int], tuple[str, float, float]] = {}
    for name, lat, lon in records:
        name = clean_text(name, 80)
        if name:
            recs.setdefault((name.casefold(), round(lat * 50), round(lon * 50)), (name, lat, lon))
    if store is None:
        from geokit.gazetteer.store import open_store

        store = open_store()
    found = [p for p in store.features(TOWN_KINDS, box) if not skip or p.id not in skip]
    found = [p for p in found if (p.name.casefold(), round(p.lat * 50), round(p.lon * 50)) not in recs]
    found.sort(key=lambda p: (-p.prior, -p.population, p.name))
    if focus and local > 0:
        near = _near(focus)
        found = found[:limit] + [p for p in found[limit:] if near(p.lat, p.lon)][:local]
    else:
        found = found[:limit]
    names = [clean_text(p.name, 80) for p in found]
    items = [(n, lat, lon, 1e6, RECORD_LABEL_ZOOM, 3, (0, 0)) for n, lat, lon in recs.values()]
    for site in town_sites:  # (name, lat, lon[, group]): towns from the first zoom, other sites at local zoom
        n, lat, lon = site[:3]
        if box[0] <= lat <= box[2] and box[1] <= lon <= box[3]:
            town = len(site) < 4 or site[3] == "town"
            off = tuple(site[4:6]) if len(site) >= 6 else (0, 0)
            items.append((clean_text(n, 80) + "  ", lat, lon, 1e5 if town else 2e6,
                          MIN_ZOOM if town else SITE_LABEL_ZOOM, 4 if town else 5, off))
    items += [(n, p.lat, p.lon, p.prior, MIN_ZOOM, RANK.get(p.kind, 2), (0, 0))
              for n, p in zip(names, found, strict=True)]
    zooms = place_labels([(*it[:5], it[6]) for it in items], fixed=basemap_labels(box),
                         fixed_below=CITY_PRIOR)
    strings: list[str] = []
    index: dict[str, int] = {}
    rows = []
    for (n, lat, lon, _, _, rank, off), z in zip(items, zooms, strict=True):
        if z is None or not n:
            continue
        n = n.strip()
        if n not in index:
            index[n] = len(strings)
            strings.append(n)
        rows.append([index[n], round(lat, 5), round(lon, 5), z, rank]
                    + ([off[0], off[1]] if off != (0, 0) else []))
    return strings, rows


class Detail(Feature):
    """Rivers, lakes and town labels inside the map's extent (``GK.detail``: ``water`` and ``towns``
    layers)."""

    feature = "detail"
    css = DETAIL_CSS
    js = DETAIL_JS

    def __init__(self, box: tuple[float, float, float, float] | None, towns: bool = True, store: Any = None,
                 skip: set[str] | None = None, records: list[tuple[str, float, float]] = (),
                 town_sites: list[tuple[str, float, float]] = (), water_zoom: int = 7,
                 focus: list[tuple[float, float]] = ()) -> None:
        super().__init__()
        self.box = box
        self.water = water_within(box)
        self.districts = district_lines(box, focus)
        self.problem = ""
        strings: list[str] = []
        rows: list[list] = []
        if towns:
            try:
                strings, rows = town_labels(box, store, skip=skip, records=records, town_sites=town_sites,
                                            focus=focus)
            except Exception as exc:  # a missing or broken store costs the labels, never the map
                self.problem = f"town labels left out: {clean_text(exc, 200)}"
        self.strings, self.towns = strings, rows
        self.water_zoom = int(water_zoom)

    @property
    def counts(self) -> dict[str, int]:
        return {"rivers": len(self.water["rivers"]), "lakes": len(self.water["lakes"]),
                "towns": len(self.towns),
                "district_lines": len(self.districts["states"]) + len(self.districts["counties"])}

    def payload(self) -> dict:
        return {"S": self.strings, "towns": self.towns, **self.water, **self.districts}

    def call(self) -> str:
        return (f'GK.detail({self.map_name}, "{self.block_id}", '
                f'{self.options_json({"waterZoom": self.water_zoom})})')

    def fallback(self) -> str:
        return " || {water: L.layerGroup(), towns: L.layerGroup(), districts: L.layerGroup()}"


class DetailPart(LayerFeature):
    """Layer-control toggle for the rivers and lakes or the town labels."""

    feature = "detail_part"

    def __init__(self, detail: Detail, part: str, name: str, show: bool = True) -> None:
        if part not in ("water", "towns", "districts"):
            raise MapError(f"unknown detail part {part!r}")
        super().__init__(name=name, show=show)
        self.detail = detail
        self.part = part

    def call(self) -> str:
        return f"{self.detail.get_name()}.{self.part}"
