"""A basemap that needs no tile server: Natural Earth outlines committed in ``geokit/data/basemap``.

Countries are filled land on a sea-coloured background; first-level areas of the focus
countries are outlined and labelled (labels appear as you zoom in); chosen land borders
(Turkey-Syria by default) are drawn as a heavy line of their own. The extracts are made by
``gazetteer/tools/basemap_extract.py``. An online tile layer can be laid over it on request.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import folium

from geokit.errors import MapError
from geokit.maps.core import Feature
from geokit.maps.layers import LayerFeature
from geokit.maps.safe import SafeMacro, clean_text

DEFAULT_BORDERS = (("TR", "SY"),)
DEFAULT_FOCUS = ("TR", "SY", "LB", "JO", "IQ")

BASEMAP_JS = r"""
(function () {
  "use strict";
  var GK = window.GK;
  function pane(map, name, z, events) {
    if (!map.getPane(name)) {
      var p = map.createPane(name);
      p.style.zIndex = z;
      if (!events) { p.style.pointerEvents = "none"; }
    }
    return name;
  }
  function label(latlng, text, cls, panename) {
    var div = GK.el("div", null, text);
    return L.marker(latlng, {
      icon: L.divIcon({ className: "gk-label " + cls, html: div, iconSize: null }),
      interactive: false, keyboard: false, pane: panename
    });
  }
  function zoomClasses(map) {
    var c = map.getContainer();
    var z = map.getZoom();
    c.classList.toggle("gk-zoom-a1", z >= 6);
    c.classList.toggle("gk-zoom-far", z < 4);
    c.classList.toggle("gk-zoom-near", z >= 9);
    c.classList.toggle("gk-zoom-local", z >= 10);
  }
  GK.basemap = function (map, blockId, opts) {
    var out = { countries: L.featureGroup().addTo(map), admin1: L.featureGroup(), borders: L.featureGroup(),
                labels: L.layerGroup().addTo(map) };
    map.attributionControl.setPrefix("Leaflet");
    map.attributionControl.addAttribution("Basemap: Natural Earth (public domain), GSHHG rivers and lakes (LGPL), towns: GeoNames (CC BY 4.0)");
    GK.base = out;
    GK.load(blockId, "basemap", function (block) { fill(map, out, block, opts); });
    return out;
  };
  function fill(map, out, block, opts) {
    var basePane = pane(map, "gkBase", 150, true);
    var adminPane = pane(map, "gkAdmin", 300, true);
    var borderPane = pane(map, "gkBorder", 320, true);
    var labelPane = pane(map, "gkLabels", 330, false);
    var baseRenderer = L.svg({ pane: basePane, padding: 0.5 });
    var adminRenderer = L.svg({ pane: adminPane, padding: 0.5 });
    var borderRenderer = L.svg({ pane: borderPane, padding: 0.5 });
    var labels = out.labels;
    var nCountries = 0, nAdmin = 0, nBorders = 0;
    L.geoJSON(block.countries, {
      renderer: baseRenderer, pane: basePane, interactive: false,
      style: function (f) {
        return { className: "gk-country", color: "#7d7d7d", weight: f.properties.detail ? 1.1 : 0.6,
                 fillColor: opts.online ? "#ffffff" : "#f4f1ea", fillOpacity: opts.online ? 0 : 1 };
      },
      onEachFeature: function (f) {
        nCountries++;
        if (f.properties.detail && f.properties.label) {
          label(f.properties.label, f.properties.name, "gk-label-country", labelPane).addTo(labels);
        }
      }
    }).addTo(out.countries);
    var admin = L.geoJSON(block.admin1, {
      renderer: adminRenderer, pane: adminPane,
      style: function () {
        return { className: "gk-admin1", color: "#9a8f7d", weight: 0.8, dashArray: "3 2",
                 fill: true, fillOpacity: 0 };
      },
      onEachFeature: function (f, layer) {
        nAdmin++;
        var name = f.properties.name;
        layer.bindTooltip(function () { return GK.el("span", null, name); }, { sticky: true, direction: "top" });
        if (f.properties.label) {
          label(f.properties.label, name, "gk-label-admin1", labelPane).addTo(out.admin1);
        }
      }
    });
    admin.addTo(out.admin1);
    (block.borders.features || []).forEach(function (f) {
      nBorders++;
      var name = f.properties.name;
      L.geoJSON(f, { renderer: borderRenderer, pane: borderPane, interactive: false,
        style: { className: "gk-border-casing", color: "#ffffff", weight: 7, opacity: 0.9 } }).addTo(out.borders);
      var line = L.geoJSON(f, { renderer: borderRenderer, pane: borderPane,
        style: { className: "gk-border", color: "#c62828", weight: 3.2, opacity: 0.95 } });
      line.bindTooltip(function () { return GK.el("span", null, name); }, { sticky: true });
      line.addTo(out.borders);
    });
    map.on("zoomend", function () { zoomClasses(map); });
    zoomClasses(map);
    GK.status("countries", nCountries);
    GK.status("admin1", nAdmin);
    GK.status("borders", nBorders);
  }
})();
"""  # noqa: E501

BASEMAP_CSS = r"""
.gk-label { background: none; border: none; white-space: nowrap; pointer-events: none; }
.gk-label div { transform: translate(-50%, -50%); text-align: center; color: #5d5447;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; }
.gk-label-country div { font-size: 13px; font-weight: 600; letter-spacing: 0.06em; text-transform: uppercase; color: #4a4a4a; }
.gk-label-admin1 div { font-size: 11px; font-style: italic; }
.leaflet-container .gk-label-admin1 { display: none; }
.leaflet-container.gk-zoom-a1 .gk-label-admin1 { display: block; }
.leaflet-container.gk-zoom-far .gk-label-country { display: none; }
.leaflet-container.gk-zoom-near .gk-label-country div { opacity: 0.45; }
"""  # noqa: E501


@lru_cache(maxsize=4)
def load_basemap(name: str) -> dict:
    """One committed extract (countries, admin1 or borders) as GeoJSON."""
    if name not in ("countries", "admin1", "borders"):
        raise MapError(f"unknown basemap layer {name!r}")
    path = resources.files("geokit") / "data" / "basemap" / f"{name}.geojson"
    return json.loads(path.read_text(encoding="utf-8"))


def _pairs(borders: Any) -> set[frozenset[str]]:
    if borders is None:
        return set()
    out = set()
    for pair in borders:
        if isinstance(pair, str):
            pair = tuple(p.strip() for p in pair.replace("–", "-").split("-"))
        if len(pair) != 2:
            raise MapError(f"a border is a pair of ISO country codes like ('TR', 'SY'), got {pair!r}")
        out.add(frozenset(str(p).upper() for p in pair))
    return out


class Basemap(Feature):
    """Country fills and outlines, labelled admin-1 areas and emphasised borders (layers in ``GK.base``)."""

    feature = "basemap"
    css = BASEMAP_CSS
    js = BASEMAP_JS

    def __init__(self, borders: Any = DEFAULT_BORDERS, world: bool = True, online: bool = False,
                 focus: tuple[str, ...] = DEFAULT_FOCUS) -> None:
        super().__init__()
        self.focus = {str(c).upper() for c in focus}
        self.pairs = _pairs(borders)
        self.world = world
        self.online = online
        self.border_names = [clean_text(f["properties"]["name"], 100) for f in self._borders()["features"]]

    def _borders(self) -> dict:
        feats = [f for f in load_basemap("borders")["features"]
                 if frozenset((f["properties"]["a"], f["properties"]["b"])) in self.pairs]
        return {"type": "FeatureCollection", "features": feats}

    def legend_parts(self, box: tuple[float, float, float, float] | None) -> tuple[list[str], bool]:
        """(names of the emphasised borders, whether provinces are outlined) within ``box`` (south, west,
        north, east): a legend lists only what the reader can meet around the records (a Kentucky story's
        legend has no Turkey-Syria border)."""
        if box is None:
            return self.border_names, True
        s, w, n, e = box

        def touches(coords) -> bool:
            if coords and isinstance(coords[0], (int, float)):
                return s <= coords[1] <= n and w <= coords[0] <= e
            return any(touches(c) for c in coords)

        names = [name for name, f in zip(self.border_names, self._borders()["features"], strict=True)
                 if touches(f["geometry"]["coordinates"])]
        admin1 = any(s <= f["properties"]["label"][0] <= n and w <= f["properties"]["label"][1] <= e
                     for f in load_basemap("admin1")["features"] if f["properties"].get("label"))
        return names, admin1

    def focus_bounds(self) -> list[list[float]] | None:
        """Bounds of the labelled admin areas: the first view when nothing else is drawn."""
        lats, lons = [], []
        for f in load_basemap("admin1")["features"]:
            if f["properties"]["cc"] in self.focus:
                lat, lon = f["properties"]["label"]
                lats.append(lat)
                lons.append(lon)
        return [[min(lats), min(lons)], [max(lats), max(lons)]] if lats else None

    def payload(self) -> dict:
        countries = load_basemap("countries")
        if not self.world:
            countries = {"type": "FeatureCollection",
                         "features": [f for f in countries["features"] if f["properties"]["detail"]]}
        return {"countries": countries, "admin1": load_basemap("admin1"), "borders": self._borders()}

    def call(self) -> str:
        opts = self.options_json({"online": self.online})
        return f'GK.basemap({self.map_name}, "{self.block_id}", {opts})'

    def fallback(self) -> str:
        return " || {admin1: L.layerGroup(), borders: L.layerGroup()}"


class BasemapPart(LayerFeature):
    """A toggle in the layer control for one part of the basemap (provinces, borders)."""

    feature = "basemap_part"

    def __init__(self, basemap: Basemap, part: str, name: str, show: bool = True) -> None:
        if part not in ("admin1", "borders", "labels"):
            raise MapError(f"unknown basemap part {part!r}")
        super().__init__(name=name, show=show)
        self.basemap = basemap
        self.part = part

    def call(self) -> str:
        return f"{self.basemap.get_name()}.{self.part}"


class SafeTileLayer(folium.TileLayer, SafeMacro):
    """folium's tile layer; a provider name or URL given by the user is never evaluated as a template."""


def tile_layer(tiles: Any) -> folium.TileLayer | None:
    """An optional online tile layer (e.g. "OpenStreetMap"); None keeps the map fully offline."""
    if tiles is None or tiles is False:
        return None
    if isinstance(tiles, folium.TileLayer):
        return tiles
    if not isinstance(tiles, str):
        raise TypeError(f"tiles must be None, a provider name like 'OpenStreetMap' or a folium.TileLayer, "
                        f"not {type(tiles).__name__}")
    return SafeTileLayer(tiles, name="Online tiles (needs network)", overlay=True, control=True)
