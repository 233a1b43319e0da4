"""Places (camps, border crossings, air bases, towns) as icons, one toggleable layer per kind.

Why: the curated layer and the places the reports mention are the map's landmarks. Inputs are
geokit ``Candidate`` objects, dicts, or (Geo)DataFrame rows with the same columns; a place
without a usable kind gets one from its GeoNames feature code. Places without coordinates
(or out of range) are listed in the "not on the map" panel instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from geokit.errors import MapError
from geokit.maps.assets import MARKERCLUSTER_ASSETS_CSS, MARKERCLUSTER_ASSETS_JS
from geokit.maps.icons import GROUPS, group_of
from geokit.maps.layers import LayerFeature
from geokit.maps.records import Problem, get, iter_items, point_of
from geokit.maps.safe import clean_text

CLUSTER_OVER = 150  # a place group with more icons than this is clustered until zoom 10

# GeoNames feature codes -> geokit place kinds, for places that carry no kind.
_CODE_KINDS = (
    (("CMPRF", "CMP", "CMPL", "CMPLA", "CMPQ", "CMPO"), "camp"),
    (("PSTB", "BCKP"), "crossing"),
    (("AIRB",), "airbase"),
    (("AIRP", "AIRF", "AIRH", "AIRQ"), "airport"),
)


def kind_from_code(feature_code: str) -> str:
    """A coarse kind for a GeoNames feature code ('' when it says nothing useful)."""
    code = (feature_code or "").upper()
    for codes, kind in _CODE_KINDS:
        if code in codes:
            return kind
    if code.startswith("PPL"):
        return "city" if code in ("PPLC", "PPLA") else "town"
    return ""


@dataclass
class PlaceSet:
    """Checked places grouped by icon, as rows ``[name, kind, lat, lon, detail, id]`` of clean text."""

    groups: dict[str, list[list]] = field(default_factory=lambda: {g: [] for g, _ in GROUPS})
    problems: list[Problem] = field(default_factory=list)
    points: list[tuple[float, float]] = field(default_factory=list)
    _seen: set = field(default_factory=set)

    def add(self, place: Any, n: int = 0, origin: str = "") -> bool:
        """Add one place; False (and a Problem) when it cannot be drawn or is a duplicate."""
        if isinstance(place, (str, bytes, int, float)) or place is None:
            self.problems.append(Problem("place", f"#{n}", clean_text(place, 80), "not a place record"))
            return False
        name = clean_text(get(place, "name", ""), 200)
        pid = clean_text(get(place, "id", "") or "", 120)
        pt, why = point_of(place)
        if pt is None:
            self.problems.append(Problem("place", pid or f"#{n}", name or "(unnamed)", why))
            return False
        key = pid or (name.casefold(), round(pt.lat, 3), round(pt.lon, 3))
        alt = (name.casefold(), round(pt.lat, 2), round(pt.lon, 2))
        if key in self._seen or alt in self._seen:
            return False
        self._seen.update((key, alt))
        kind = clean_text(get(place, "kind", ""), 30).lower() or kind_from_code(pt.feature_code)
        group = group_of(kind)
        bits = [b for b in (clean_text(get(place, "admin1", ""), 60), pt.country_code) if b]
        detail = " · ".join([", ".join(bits)] if bits else [])
        src = clean_text(get(place, "source", "") or origin, 60)
        if src:
            detail = f"{detail} · {src}" if detail else src
        self.groups[group].append([name, kind or "place", round(pt.lat, 5), round(pt.lon, 5), detail, pid])
        self.points.append((pt.lat, pt.lon))
        return True

    def count(self) -> int:
        return sum(len(v) for v in self.groups.values())


def collect_places(places: Any) -> PlaceSet:
    out = PlaceSet()
    for n, place in enumerate(iter_items(places, "places")):
        out.add(place, n)
    return out


def add_record_places(out: PlaceSet, records: list[Any]) -> None:
    """Landmarks named by the records themselves (camps, crossings, air bases, towns).

    Regions and countries are left to the basemap; places of unknown kind are left to the
    event markers that sit on them.
    """
    for rec in records:
        for key in ("place", "origin", "destination"):
            place = get(rec, key)
            if place is None or isinstance(place, str):
                continue
            kind = kind_from_code(clean_text(get(place, "feature_code", ""), 12))
            if not kind:
                continue
            pt, _ = point_of(place)
            if pt is None:
                continue
            out.add({"name": pt.name, "lat": pt.lat, "lon": pt.lon, "kind": kind, "id": pt.id,
                     "country_code": pt.country_code, "feature_code": pt.feature_code},
                     origin="from the reports")
        for via in get(rec, "via", []) or []:
            kind = kind_from_code(clean_text(get(via, "feature_code", ""), 12))
            pt, _ = point_of(via)
            if kind and pt is not None:
                out.add({"name": pt.name, "lat": pt.lat, "lon": pt.lon, "kind": kind, "id": pt.id,
                         "country_code": pt.country_code}, origin="from the reports")


PLACES_JS = r"""
(function () {
  "use strict";
  var GK = window.GK;
  GK.placeMarkers = GK.placeMarkers || {};
  function placesPane(map) {
    // Above the event markers (600) and below tooltips (650): a camp or crossing is never hidden by
    // the events reported there (those sit in a ring around it, see spread.py).
    if (!map.getPane("gkPlaces")) { map.createPane("gkPlaces").style.zIndex = 620; }
    return "gkPlaces";
  }
  GK.placeLayer = function (map, blockId, opts) {
    var pane = placesPane(map), group;
    if (opts.cluster) {
      group = L.markerClusterGroup({
        maxClusterRadius: 32, showCoverageOnHover: false, disableClusteringAtZoom: 10, clusterPane: pane,
        chunkedLoading: true,
        iconCreateFunction: function (c) {
          var box = GK.el("div", "gk-place-cluster");
          box.appendChild(GK.icon(opts.group));
          box.appendChild(GK.el("span", "gk-place-count", String(c.getChildCount())));
          return L.divIcon({ html: box, className: "gk-place gk-place-clustered", iconSize: [30, 30] });
        }
      });
    } else {
      group = L.featureGroup();
    }
    GK.load(blockId, "places", function (block) { fill(map, group, block, opts, pane); });
    return group;
  };
  var KIND_NAMES = { event: "Events", fact: "Figures", movement: "Movements" };
  // One line per record located at the site (type, date, figure), its reports, and a click to its popup.
  function siteRecords(map, P, latlng) {
    var refs = P[6] || [];
    if (!refs.length || !GK.records) { return null; }
    var box = GK.el("div", "gk-site-records");
    var byKind = {};
    refs.forEach(function (ref) { (byKind[ref[0]] = byKind[ref[0]] || []).push(ref[1]); });
    ["event", "fact", "movement"].forEach(function (kind) {
      var block = GK.records[kind], idx = byKind[kind];
      if (!block || !idx) { return; }
      var S = block.S;
      box.appendChild(GK.el("div", "gk-sources-h", KIND_NAMES[kind] + " here (" + idx.length + ")"));
      var ul = GK.el("ul", "gk-site-list");
      idx.forEach(function (i) {
        var R = block.rows[i];
        if (!R) { return; }
        var t = block.types[R[1]] || [-1, "#777"];
        var li = GK.el("li");
        li.appendChild(GK.swatch(t[1]));
        var c = (R[6] || [])[0];
        var bits = [GK.s(S, t[0]) || "(no type)", GK.s(S, R[2]) || "undated"];
        if (c) { bits.push(GK.s(S, c[1]) + " " + GK.s(S, c[0])); }
        var a = GK.el("a", "gk-site-rec", bits.join(" \u00b7 "));
        a.href = "#";
        a.addEventListener("click", function (ev) {
          ev.preventDefault();
          var where = kind === "movement" ? latlng : L.latLng(R[9], R[10]);
          var opts = kind === "movement" ? { kind: "movement", note: GK.s(S, R[11]),
            route: R[9].map(function (p) { return GK.placeText(S, p[2], p[3]); }).join(" \u2192 ") }
            : { kind: kind, place: GK.placeText(S, R[11], R[12]) };
          L.popup({ maxWidth: 360, minWidth: 200 }).setLatLng(where).setContent(GK.recordPopup(block, R, opts)).openOn(map);
        });
        li.appendChild(a);
        var docs = [], seen = {};
        (R[7] || []).forEach(function (src) {
          var d = GK.s(S, src[0]);
          if (d && !seen[d]) { seen[d] = 1; docs.push(d); }
        });
        if (docs.length) { li.appendChild(GK.el("div", "gk-site-docs", docs.join(", "))); }
        ul.appendChild(li);
      });
      box.appendChild(ul);
    });
    return box;
  }
  function fill(map, group, block, opts, pane) {
    var markers = [];
    block.rows.forEach(function (P, i) {
      var html = GK.el("div", "gk-place-in");
      html.appendChild(GK.icon(opts.group));
      // the site's name is placed by the label engine (detail.py): beside the icon, never over another label
      var off = P[7] || [0, 0];  // sites at one point are set side by side (spread.py)
      var icon = L.divIcon({ className: "gk-place gk-place-" + opts.group, html: html,
                             iconSize: [24, 24], iconAnchor: [12 - off[0], 12 - off[1]],
                             popupAnchor: [off[0], off[1] - 10], tooltipAnchor: [off[0] + 10, off[1]] });
      var m = L.marker([P[2], P[3]], { icon: icon, keyboard: false, riseOnHover: true, pane: pane });
      m.bindTooltip(function () {
        var n = (P[6] || []).length;
        return GK.el("span", null, (P[0] || "(unnamed place)") + (n ? " \u00b7 " + n + " record" + (n > 1 ? "s" : "") : ""));
      }, { direction: "right" });
      m.bindPopup(function () {
        var root = GK.el("div", "gk-popup");
        var head = GK.el("div", "gk-popup-title");
        head.appendChild(GK.el("span", null, P[0] || "(unnamed place)"));
        head.appendChild(GK.el("span", "gk-kind", P[1]));
        root.appendChild(head);
        if (P[4]) { root.appendChild(GK.el("div", null, P[4])); }
        var recs = siteRecords(map, P, m.getLatLng());
        if (recs) { root.appendChild(recs); }
        root.appendChild(GK.el("div", "gk-id", P[2].toFixed(4) + ", " + P[3].toFixed(4) +
                               (P[5] ? " \u00b7 " + P[5] : "")));
        return root;
      }, { maxWidth: 340 });
      markers.push(m);
      GK.placeMarkers[opts.group + ":" + i] = { marker: m, layer: group };
    });
    if (group.addLayers) { group.addLayers(markers); } else { markers.forEach(function (m) { group.addLayer(m); }); }
    var prev = Number(document.documentElement.getAttribute("data-gk-places") || 0);
    GK.status("places", prev + block.rows.length);
    GK.status("places-" + opts.group, block.rows.length);
  }
})();
"""  # noqa: E501

PLACES_CSS = r"""
.gk-place { background: none; border: none; }
.gk-place svg { display: block; filter: drop-shadow(0 1px 2px rgba(0,0,0,0.45)); }
.gk-place-in { position: relative; width: 24px; height: 24px; }
.gk-site-label { display: none; position: absolute; left: 27px; top: 4px; white-space: nowrap; font-size: 11px;
  font-weight: 600; color: #3b2a1a; pointer-events: none;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff; }
.leaflet-container.gk-zoom-local .gk-site-label { display: block; }
.gk-site-list { margin: 0; padding-left: 0; list-style: none; max-height: 160px; overflow: auto; }
.gk-site-list li { margin: 2px 0; display: flex; flex-wrap: wrap; align-items: center; gap: 4px; }
.gk-site-docs { flex-basis: 100%; padding-left: 18px; color: #777; font-size: 11px; word-break: break-all; }
.gk-place-cluster { position: relative; width: 30px; height: 30px; }
.gk-place-cluster svg { width: 30px; height: 30px; }
.gk-place-count { position: absolute; right: -8px; top: -6px; background: #fff; border-radius: 8px; padding: 0 4px;
  font-size: 10px; font-weight: 600; box-shadow: 0 0 0 1px #999; }
"""  # noqa: E501


class PlaceLayer(LayerFeature):
    """One icon group (camps, crossings, air bases, towns or other places) as a layer."""

    feature = "places"
    css = PLACES_CSS
    js = PLACES_JS

    def __init__(self, places: PlaceSet, group: str, name: str, show: bool = True,
                 cluster_over: int = CLUSTER_OVER) -> None:
        if group not in places.groups:
            raise MapError(f"unknown place group {group!r}")
        super().__init__(name=f"{name} ({len(places.groups[group]):,})", show=show)
        self.places = places
        self.group = group
        self.cluster = len(places.groups[group]) > cluster_over
        if self.cluster:
            self.default_js = MARKERCLUSTER_ASSETS_JS
            self.default_css = MARKERCLUSTER_ASSETS_CSS

    def payload(self) -> dict[str, Any]:
        return {"rows": self.places.groups[self.group]}

    def call(self) -> str:
        opts = self.options_json({"group": self.group, "cluster": self.cluster})
        return f'GK.placeLayer({self.map_name}, "{self.block_id}", {opts})'
