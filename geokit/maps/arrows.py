"""Movements as arrows: origin -> (via) -> destination, direction visible, width by count.

Why: displacement and defection routes are the story the map tells. Each leg is a line with
an arrowhead 60% along it (clear of the destination's own icon), so chains through
intermediate places read as connected legs; the line width grows with the log of the largest
figure, and a leg is dashed when one of its ends is only known to a region or a country. A movement whose origin (or destination) is unknown is drawn as a single point and
listed in the "not on the map" panel.
"""

from __future__ import annotations

from typing import Any

from geokit.maps.icons import MOVEMENT_PALETTE, colour_for
from geokit.maps.layers import LayerFeature
from geokit.maps.records import MovementRecords

ARROWS_JS = r"""
(function () {
  "use strict";
  var GK = window.GK;
  function weight(mag) {
    if (mag === null || mag === undefined || !(mag > 0)) { return 2.5; }
    return Math.min(14, 2 + 2.2 * Math.log10(1 + mag));
  }
  function arrowPane(map) {
    // Above the lines (overlayPane 400), below place icons (580) and event markers (600).
    if (!map.getPane("gkArrowheads")) { map.createPane("gkArrowheads").style.zIndex = 450; }
    return "gkArrowheads";
  }
  function arrowhead(map, a, b, colour, w) {
    var pa = map.options.crs.latLngToPoint(L.latLng(a), 0);
    var pb = map.options.crs.latLngToPoint(L.latLng(b), 0);
    var at = map.options.crs.pointToLatLng(L.point(pa.x + (pb.x - pa.x) * 0.6, pa.y + (pb.y - pa.y) * 0.6), 0);
    var angle = Math.atan2(pb.y - pa.y, pb.x - pa.x) * 180 / Math.PI;
    var size = Math.round(14 + w * 1.6);
    var box = GK.el("div", "gk-arrowhead-inner");
    var svg = GK.icon("arrowhead");
    svg.setAttribute("width", size);
    svg.setAttribute("height", size);
    box.appendChild(svg);
    box.style.color = colour;
    box.style.transform = "rotate(" + angle.toFixed(1) + "deg)";
    return L.marker(at, {
      icon: L.divIcon({ className: "gk-arrowhead", html: box, iconSize: [size, size], iconAnchor: [size / 2, size / 2] }),
      keyboard: false, pane: arrowPane(map)
    });
  }
  GK.arrowLayer = function (map, blockId, opts) {
    var group = L.featureGroup();
    GK.load(blockId, "arrows", function (block) { fill(map, group, block); });
    return group;
  };
  function fill(map, group, block) {
    var S = block.S, rows = block.rows;
    GK.records = GK.records || {};
    GK.records.movement = block;
    var renderer = L.svg({ padding: 0.5 });
    var items = [], nLegs = 0, nPoints = 0;
    rows.forEach(function (R) {
      var pts = R[9], mag = R[10], note = GK.s(S, R[11]);
      var t = block.types[R[1]] || [-1, "#6a1b9a"];
      var colour = /^#[0-9a-fA-F]{3,8}$/.test(t[1]) ? t[1] : "#6a1b9a";
      var w = weight(mag);
      var names = pts.map(function (p) { return GK.s(S, p[2]) || "?"; });
      var route = pts.map(function (p) { return GK.placeText(S, p[2], p[3]); }).join(" \u2192 ");
      var popup = function () { return GK.recordPopup(block, R, { kind: "movement", route: route, note: note }); };
      var tip = function () {
        var bits = [GK.s(S, t[0]), names.join(" \u2192 ")];
        var c = (R[6] || [])[0];
        if (c) { bits.push(GK.s(S, c[1]) + " " + GK.s(S, c[0])); }
        if (GK.s(S, R[2])) { bits.push(GK.s(S, R[2])); }
        return GK.el("span", null, bits.filter(function (x) { return x; }).join(" \u00b7 "));
      };
      var layers = [];
      if (pts.length >= 2) {
        for (var k = 0; k + 1 < pts.length; k++) {
          var a = [pts[k][0], pts[k][1]], b = [pts[k + 1][0], pts[k + 1][1]];
          // dashed when an end is only known to an admin region or a country (geo-precision 3-4)
          var vague = pts[k][3] >= 3 || pts[k + 1][3] >= 3;
          var line = L.polyline([a, b], { className: "gk-arrow" + (vague ? " gk-arrow-vague" : ""), color: colour,
                                          weight: w, opacity: 0.78, lineCap: "round", renderer: renderer,
                                          dashArray: vague ? "8 7" : null });
          var head = arrowhead(map, a, b, colour, w);
          [line, head].forEach(function (l) {
            l.bindPopup(popup, { maxWidth: 360, minWidth: 200 });
            l.bindTooltip(tip, { sticky: true });
            layers.push(l);
          });
          nLegs++;
        }
      } else {
        var box = GK.el("div", "gk-move-point-inner");
        box.style.borderColor = colour;
        var m = L.marker([pts[0][0], pts[0][1]], {
          icon: L.divIcon({ className: "gk-move-point", html: box, iconSize: [16, 16], iconAnchor: [8, 8] }),
          keyboard: false
        });
        m.bindPopup(popup, { maxWidth: 360, minWidth: 200 });
        m.bindTooltip(tip);
        layers.push(m);
        nPoints++;
      }
      items.push({ R: R, layers: layers, on: false });
    });
    function sync() {
      var visible = 0;
      items.forEach(function (it) {
        var want = GK.passes(null, it.R[4]);
        if (want && !it.on) { it.layers.forEach(function (l) { group.addLayer(l); }); }
        if (!want && it.on) { it.layers.forEach(function (l) { group.removeLayer(l); }); }
        it.on = want;
        visible += want ? 1 : 0;
      });
      GK.status("movements-visible", visible);
    }
    sync();
    GK.onFilter(sync);
    GK.status("movements", rows.length);
    GK.status("arrows", nLegs);
    GK.status("movement-points", nPoints);
  }
})();
"""

ARROWS_CSS = r"""
.gk-arrowhead { background: none; border: none; }
.gk-arrowhead-inner { width: 100%; height: 100%; transform-origin: 50% 50%; }
.gk-arrowhead-inner svg { display: block; filter: drop-shadow(0 0 1px rgba(0,0,0,0.5)); }
.gk-move-point { background: none; border: none; }
.gk-move-point-inner { width: 10px; height: 10px; border: 3px solid #6a1b9a; border-radius: 50%; background: #fff; }
"""


class ArrowLayer(LayerFeature):
    """All movements as one toggleable layer of arrows."""

    feature = "arrows"
    css = ARROWS_CSS
    js = ARROWS_JS

    def __init__(self, records: MovementRecords, name: str = "Movements", show: bool = True) -> None:
        super().__init__(name=f"{name} ({len(records.rows):,})", show=show)
        self.records = records

    def type_colour(self, index: int) -> str:
        return colour_for(index, MOVEMENT_PALETTE)

    def payload(self) -> dict[str, Any]:
        r = self.records
        types = [[r.S(name, 60), self.type_colour(i)] for i, name in enumerate(r.types.names)]
        return {"S": r.S.strings, "types": types, "rows": r.rows}

    def call(self) -> str:
        return f'GK.arrowLayer({self.map_name}, "{self.block_id}", {{}})'
