"""Movements as arrows: origin -> (via) -> destination, direction visible, width by count.

Why: displacement and defection routes are the story the map tells. Each leg is a line with
an arrowhead 60% along it (clear of the destination's own icon), so chains through
intermediate places read as connected legs. Legs between the same two points (and of one type)
are one flow whose width grows with the log of the people moved (the sum of each movement's
largest figure) and whose popup lists the movements; the tooltip names the group with its largest
figure. A leg is dashed when an end is only known to a region or a country; such an end is drawn
at the border (``flows.py``), never at the area's centre. A movement whose origin (or destination)
is unknown is drawn as a single point and listed in the "not on the map" panel.
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
    var items = [], flows = {}, flowList = [], nLegs = 0, nPoints = 0;
    function popupOf(R) {
      var pts = R[9];
      var route = pts.map(function (p) { return GK.placeText(S, p[2], p[3]); }).join(" \u2192 ");
      var notes = [GK.s(S, R[11])];
      pts.forEach(function (p) {
        if (p.length > 4 && GK.s(S, p[4])) { notes.push((GK.s(S, p[2]) || "?") + ": " + GK.s(S, p[4])); }
      });
      var note = notes.filter(function (x) { return x; }).filter(function (x, i, a) { return a.indexOf(x) === i; });
      return GK.recordPopup(block, R, { kind: "movement", route: route, note: note.join("; ") });
    }
    GK.movementPopup = popupOf;
    function headline(R) { return GK.s(S, R[12]); }
    rows.forEach(function (R, ri) {
      var pts = R[9];
      var t = block.types[R[1]] || [-1, "#6a1b9a"];
      var colour = /^#[0-9a-fA-F]{3,8}$/.test(t[1]) ? t[1] : "#6a1b9a";
      var item = { R: R, layers: [], on: false, flows: [] };
      if (pts.length >= 2) {
        for (var k = 0; k + 1 < pts.length; k++) {
          var a = [pts[k][0], pts[k][1]], b = [pts[k + 1][0], pts[k + 1][1]];
          // one flow per leg between the same two points and of the same type: width = people moved
          var key = a[0].toFixed(3) + "," + a[1].toFixed(3) + ">" + b[0].toFixed(3) + "," + b[1].toFixed(3) + "|" + R[1];
          var f = flows[key];
          if (!f) {
            f = flows[key] = { a: a, b: b, colour: colour, type: GK.s(S, t[0]), members: [], visible: [], layers: null,
                               names: [GK.s(S, pts[k][2]) || "?", GK.s(S, pts[k + 1][2]) || "?"],
                               vague: pts[k][3] >= 3 || pts[k + 1][3] >= 3 };
            flowList.push(f);
          }
          f.members.push(ri);
          item.flows.push(f);
        }
      } else {
        var box = GK.el("div", "gk-move-point-inner");
        box.style.borderColor = colour;
        var m = L.marker([pts[0][0], pts[0][1]], {
          icon: L.divIcon({ className: "gk-move-point", html: box, iconSize: [16, 16], iconAnchor: [8, 8] }),
          keyboard: false
        });
        m.bindPopup(function () { return popupOf(R); }, { maxWidth: 360, minWidth: 200 });
        m.bindTooltip(function () {
          return GK.el("span", null, [GK.s(S, t[0]), GK.s(S, pts[0][2]), headline(R), GK.s(S, R[2])]
            .filter(function (x) { return x; }).join(" \u00b7 "));
        });
        item.layers.push(m);
        nPoints++;
      }
      items.push(item);
    });
    function total(f) {
      var sum = 0, any = false;
      f.visible.forEach(function (ri) { var mag = rows[ri][10]; if (mag > 0) { sum += mag; any = true; } });
      return any ? sum : null;
    }
    function largest(f) {
      var best = null;
      f.visible.forEach(function (ri) { if (best === null || (rows[ri][10] || 0) > (rows[best][10] || 0)) { best = ri; } });
      return best;
    }
    function flowTip(f) {
      var bits = [f.type, f.names.join(" \u2192 ")];
      var top = largest(f);
      if (top !== null && headline(rows[top])) { bits.push(headline(rows[top])); }
      if (f.visible.length > 1) {
        var sum = total(f);
        bits.push(f.visible.length + " movements" + (sum ? ", " + Math.round(sum).toLocaleString("en") + " in all" : ""));
      } else if (top !== null && GK.s(S, rows[top][2])) { bits.push(GK.s(S, rows[top][2])); }
      return GK.el("span", null, bits.filter(function (x) { return x; }).join(" \u00b7 "));
    }
    function flowPopup(f) {
      if (f.visible.length === 1) { return popupOf(rows[f.visible[0]]); }
      var root = GK.el("div", "gk-popup");
      var head = GK.el("div", "gk-popup-title");
      head.appendChild(GK.swatch(f.colour));
      head.appendChild(GK.el("span", null, f.type + ": " + f.names.join(" \u2192 ")));
      head.appendChild(GK.el("span", "gk-kind", "flow"));
      root.appendChild(head);
      var sum = total(f);
      root.appendChild(GK.el("div", null, f.visible.length + " movements" +
        (sum ? " \u00b7 " + Math.round(sum).toLocaleString("en") + " people moved in all (largest figure of each)" : "")));
      var ul = GK.el("ul", "gk-site-list");
      f.visible.slice().sort(function (x, y) { return (rows[y][10] || 0) - (rows[x][10] || 0); }).forEach(function (ri) {
        var R = rows[ri];
        var li = GK.el("li");
        var a = GK.el("a", "gk-site-rec", [GK.s(S, R[2]) || "undated", headline(R) || "no figure"].join(" \u00b7 "));
        a.href = "#";
        a.addEventListener("click", function (ev) {
          ev.preventDefault();
          L.popup({ maxWidth: 360, minWidth: 200 }).setLatLng(f.layers[0].getCenter ? f.layers[0].getCenter() : f.a)
            .setContent(popupOf(R)).openOn(map);
        });
        li.appendChild(a);
        var docs = [], seen = {};
        (R[7] || []).forEach(function (src) { var d = GK.s(S, src[0]); if (d && !seen[d]) { seen[d] = 1; docs.push(d); } });
        if (docs.length) { li.appendChild(GK.el("div", "gk-site-docs", docs.join(", "))); }
        ul.appendChild(li);
      });
      root.appendChild(ul);
      return root;
    }
    function drawFlow(f) {
      var w = weight(total(f));
      var line = L.polyline([f.a, f.b], { className: "gk-arrow" + (f.vague ? " gk-arrow-vague" : ""), color: f.colour,
                                          weight: w, opacity: 0.78, lineCap: "round", renderer: renderer,
                                          dashArray: f.vague ? "8 7" : null });
      var head = arrowhead(map, f.a, f.b, f.colour, w);
      f.layers = [line, head];
      f.layers.forEach(function (l) {
        l.bindPopup(function () { return flowPopup(f); }, { maxWidth: 360, minWidth: 220 });
        l.bindTooltip(function () { return flowTip(f); }, { sticky: true });
        group.addLayer(l);
      });
    }
    function sync() {
      var visible = 0;
      items.forEach(function (it) {
        var want = GK.passes(null, it.R[4]);
        if (want && !it.on) { it.layers.forEach(function (l) { group.addLayer(l); }); }
        if (!want && it.on) { it.layers.forEach(function (l) { group.removeLayer(l); }); }
        it.on = want;
        visible += want ? 1 : 0;
      });
      var legs = 0;
      flowList.forEach(function (f) {
        var before = f.visible.map(String).join();
        f.visible = f.members.filter(function (ri, i, a) { return a.indexOf(ri) === i && GK.passes(null, rows[ri][4]); });
        if (before === f.visible.map(String).join() && (f.layers !== null) === (f.visible.length > 0)) {
          legs += f.visible.length ? 1 : 0;
          return;
        }
        if (f.layers) { f.layers.forEach(function (l) { group.removeLayer(l); }); f.layers = null; }
        if (f.visible.length) { drawFlow(f); legs++; }
      });
      GK.status("movements-visible", visible);
      GK.status("flows-visible", legs);
    }
    nLegs = flowList.length;
    sync();
    GK.onFilter(sync);
    GK.status("movements", rows.length);
    GK.status("arrows", nLegs);
    GK.status("movement-points", nPoints);
  }
})();
"""  # noqa: E501

ARROWS_CSS = r"""
.gk-arrowhead { background: none; border: none; }
.gk-arrowhead-inner { width: 100%; height: 100%; transform-origin: 50% 50%; }
.gk-arrowhead-inner svg { display: block; filter: drop-shadow(0 0 1px rgba(0,0,0,0.5)); }
.gk-move-point { background: none; border: none; }
.gk-move-point-inner { width: 10px; height: 10px; border: 3px solid #6a1b9a; border-radius: 50%; background: #fff; }
"""  # noqa: E501


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
