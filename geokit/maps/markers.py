"""Event (and fact) markers: coloured by type, clustered when dense, each with a full popup.

Why: analysts open the map to see what happened where; a marker per event, coloured by
its type, with the sentence and sources one click away. Up to ``FAST_THRESHOLD`` points use
Leaflet.markercluster (spiderfies co-located events); beyond it a grid cluster of our own
(``fastcluster.py``) keeps 100,000 events responsive. Popups and tooltips are built on
demand from the JSON rows with ``textContent``.
"""

from __future__ import annotations

from typing import Any

from geokit.errors import MapError
from geokit.maps.assets import MARKERCLUSTER_ASSETS_CSS, MARKERCLUSTER_ASSETS_JS
from geokit.maps.fastcluster import FASTCLUSTER_CSS, FASTCLUSTER_JS
from geokit.maps.icons import EVENT_PALETTE, colour_for
from geokit.maps.layers import LayerFeature
from geokit.maps.records import PointRecords

FAST_THRESHOLD = 20_000
CLUSTER_MODES = ("auto", "markercluster", "fast", "none")

MARKERS_JS = r"""
(function () {
  "use strict";
  var GK = window.GK;
  var styled = {};
  function typeStyles(block, kind) {
    var css = [];
    block.types.forEach(function (t, i) {
      var cls = "gk-" + kind + "-" + i;
      if (!styled[cls] && /^#[0-9a-fA-F]{3,8}$/.test(t[1])) {
        styled[cls] = 1;
        css.push("." + cls + "{background:" + t[1] + ";}");
      }
    });
    if (css.length) {
      var st = document.createElement("style");
      st.textContent = css.join("\n");
      document.head.appendChild(st);
    }
  }
  GK.pointLayer = function (map, blockId, opts) {
    var kind = opts.kind, layer;
    if (opts.mode === "fast") {
      layer = new GK.FastCluster();
    } else if (opts.mode === "markercluster") {
      layer = L.markerClusterGroup({
        chunkedLoading: true, maxClusterRadius: 45, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
        chunkProgress: function (done, total) { if (done === total) { GK.status(kind + "s-loaded", 1); } }
      });
    } else {
      layer = L.featureGroup();
    }
    GK.load(blockId, kind + "s", function (block) { fill(layer, block, opts); });
    return layer;
  };
  function fill(layer, block, opts) {
    var S = block.S, rows = block.rows, n = rows.length, kind = opts.kind;
    typeStyles(block, kind);
    var icons = {};
    // a record placed only by its province or country (geo-precision 3-4) sits at that area's point:
    // its marker is hollow and dashed, so it does not read as an event in the town drawn there
    function vagueCls(R) { return R[12] >= 3 ? " gk-ev-vague" : ""; }
    function icon(t, R) {
      var key = t + vagueCls(R);
      if (!icons[key]) {
        icons[key] = kind === "fact"
          ? L.divIcon({ className: "gk-fact" + vagueCls(R), html: GK.icons.fact, iconSize: [20, 20], iconAnchor: [10, 10] })
          : L.divIcon({ className: "gk-ev gk-" + kind + "-" + t + vagueCls(R), iconSize: [14, 14], iconAnchor: [7, 7] });
      }
      return icons[key];
    }
    function popupFor(i) {
      var R = rows[i];
      return GK.recordPopup(block, R, { kind: kind, place: GK.placeText(S, R[11], R[12]) });
    }
    function tooltipFor(i) {
      var R = rows[i];
      var t = block.types[R[1]];
      var where = GK.s(S, R[11]) + (R[12] >= 3 ? " (" + GK.geoPrecision(R[12]) + " only)" : "");
      var bits = [GK.s(S, t ? t[0] : -1), where, GK.s(S, R[2])].filter(function (x) { return x; });
      return GK.el("span", null, bits.join(" \u00b7 "));
    }
    function offsetIcon(R) {
      // co-located markers sit in a ring around their point (R[14] = [dx, dy] pixels), so none hides another
      var off = R[14];
      if (!off) { return icon(R[1], R); }
      return kind === "fact"
        ? L.divIcon({ className: "gk-fact" + vagueCls(R), html: GK.icons.fact, iconSize: [20, 20],
                      iconAnchor: [10 - off[0], 10 - off[1]] })
        : L.divIcon({ className: "gk-ev gk-" + kind + "-" + R[1] + vagueCls(R), iconSize: [14, 14],
                      iconAnchor: [7 - off[0], 7 - off[1]] });
    }
    function makeMarker(i) {
      var R = rows[i];
      var m = L.marker([R[9], R[10]], { icon: offsetIcon(R), keyboard: false, riseOnHover: true });
      m.bindPopup(function () { return popupFor(i); }, { maxWidth: 360, minWidth: 200 });
      m.bindTooltip(function () { return tooltipFor(i); }, { direction: "top", offset: [0, -6] });
      return m;
    }
    function keyOf(R) { return opts.typeKeys ? kind + ":" + R[1] : null; }
    var visible = new Uint8Array(n);
    function computeVisible() {
      var count = 0;
      for (var i = 0; i < n; i++) {
        visible[i] = GK.passes(keyOf(rows[i]), rows[i][4]) ? 1 : 0;
        count += visible[i];
      }
      GK.status(kind + "s-visible", count);
      return count;
    }
    GK.status(kind + "s", n);
    GK.popupFor = GK.popupFor || {};
    GK.popupFor[kind] = popupFor;
    GK.records = GK.records || {};
    GK.records[kind] = block;
    GK.markers = GK.markers || {};
    computeVisible();
    if (opts.mode === "fast") {
      layer.setData(rows.map(function (R) { return [R[9], R[10]]; }),
                    { marker: makeMarker, popup: popupFor, label: tooltipFor });
      layer.setVisible(visible);
      GK.status(kind + "s-loaded", 1);
      GK.onFilter(function () { computeVisible(); layer.setVisible(visible); });
      return;
    }
    var markers = new Array(n);
    var on = new Uint8Array(n);
    for (var i = 0; i < n; i++) { markers[i] = makeMarker(i); }
    GK.markers[kind] = markers;
    function sync() {
      var add = [], rem = [];
      for (var i = 0; i < n; i++) {
        if (visible[i] && !on[i]) { add.push(markers[i]); on[i] = 1; }
        else if (!visible[i] && on[i]) { rem.push(markers[i]); on[i] = 0; }
      }
      if (layer.addLayers) {
        if (rem.length) { layer.removeLayers(rem); }
        if (add.length) { layer.addLayers(add); }
      } else {
        rem.forEach(function (m) { layer.removeLayer(m); });
        add.forEach(function (m) { layer.addLayer(m); });
      }
    }
    sync();
    if (opts.mode !== "markercluster" || n === 0) { GK.status(kind + "s-loaded", 1); }
    GK.onFilter(function () { computeVisible(); sync(); });
  }
})();
"""  # noqa: E501

MARKERS_CSS = r"""
.gk-ev { border-radius: 50%; border: 2px solid #fff; box-shadow: 0 0 0 1px rgba(0,0,0,0.45), 0 1px 3px rgba(0,0,0,0.4);
  box-sizing: border-box; }
.gk-fact { background: none; border: none; }
.gk-ev.gk-ev-vague { border-style: dashed; border-color: #fff; opacity: 0.8; background-clip: content-box; padding: 2px; }
.gk-fact.gk-ev-vague { opacity: 0.7; }
.gk-fact svg { display: block; filter: drop-shadow(0 1px 2px rgba(0,0,0,0.4)); }
"""  # noqa: E501


class PointLayer(LayerFeature):
    """Events or facts as markers (clustered, fast-clustered or plain); per-type toggles filter them."""

    feature = "points"
    css = MARKERS_CSS + FASTCLUSTER_CSS
    js = MARKERS_JS + FASTCLUSTER_JS

    def __init__(self, records: PointRecords, name: str, cluster: str = "auto", show: bool = True,
                 control: bool = False, type_toggles: bool = True) -> None:
        if cluster not in CLUSTER_MODES:
            raise MapError(f"cluster must be one of {CLUSTER_MODES}, got {cluster!r}")
        super().__init__(name=name, show=show, control=control)
        self.records = records
        self.type_toggles = type_toggles
        n = len(records.rows)
        if cluster == "auto":
            cluster = "fast" if n > FAST_THRESHOLD else "markercluster" if n > 30 else "none"
        self.mode = "plain" if cluster == "none" else cluster
        if self.mode == "markercluster":
            self.default_js = MARKERCLUSTER_ASSETS_JS
        if self.mode in ("markercluster", "fast"):  # the fast layer reuses the cluster icon styles
            self.default_css = MARKERCLUSTER_ASSETS_CSS

    def type_colour(self, index: int) -> str:
        return colour_for(index, EVENT_PALETTE)

    def payload(self) -> dict[str, Any]:
        r = self.records
        types = [[r.S(name, 60), self.type_colour(i)] for i, name in enumerate(r.types.names)]
        return {"S": r.S.strings, "types": types, "rows": r.rows}

    def call(self) -> str:
        opts = self.options_json({"kind": self.records.kind, "mode": self.mode,
                                  "typeKeys": self.type_toggles})
        return f'GK.pointLayer({self.map_name}, "{self.block_id}", {opts})'


class TypeToggle(LayerFeature):
    """A layer-control checkbox for one event type; it filters the event layer, holds nothing itself."""

    feature = "type_toggle"

    def __init__(self, kind: str, index: int, name: str, colour: str, count: int, show: bool = True) -> None:
        swatch = f'<span class="gk-swatch" style="background:{colour}"></span> '
        super().__init__(name=f"{name} ({count:,})", show=show, label_html=swatch)
        if not colour.startswith("#") or not all(c in "0123456789abcdefABCDEF" for c in colour[1:]):
            raise MapError(f"bad colour {colour!r}")
        self.key = f"{kind}:{index}"

    def call(self) -> str:
        return f"GK.typeToggle({self.map_name}, L.layerGroup(), {self.options_json(self.key)})"

