"""The legend: event colours, place icons, movement arrows and the emphasised border.

Why: colours and icons mean nothing without a key; the legend lists only what this map
shows, with counts, and is collapsible so it does not hide the map on small screens.
"""

from __future__ import annotations

from typing import Any

from geokit.maps.core import Feature

LEGEND_JS = r"""
(function () {
  "use strict";
  var GK = window.GK;
  GK.legend = function (map, block, opts) {
    var ctl = L.control({ position: "bottomright" });
    ctl.onAdd = function () {
      var det = GK.el("details", "gk-panel gk-legend");
      det.open = map.getSize().y >= 520;  // a small (notebook) map starts with its legend folded
      L.DomEvent.disableClickPropagation(det);
      L.DomEvent.disableScrollPropagation(det);
      det.appendChild(GK.el("summary", null, "Legend"));
      function section(title, items, make) {
        if (!items || !items.length) { return; }
        det.appendChild(GK.el("div", "gk-legend-h", title));
        items.forEach(function (it) {
          var rowEl = GK.el("div", "gk-legend-row");
          rowEl.appendChild(make(it));
          rowEl.appendChild(GK.el("span", null, it[0] + (it.length > 2 && it[2] !== null ? " (" + it[2] + ")" : "")));
          det.appendChild(rowEl);
        });
      }
      section("Events", block.events, function (it) { return GK.swatch(it[1]); });
      section("Figures", block.facts, function () {
        var s = GK.el("span", "gk-legend-icon"); s.appendChild(GK.icon("fact")); return s;
      });
      section("Movements", block.movements, function (it) {
        var s = GK.el("span", "gk-legend-arrow"); s.style.background = it[1]; return s;
      });
      section("Places", block.places, function (it) {
        var s = GK.el("span", "gk-legend-icon"); s.appendChild(GK.icon(it[1])); return s;
      });
      var lines = (block.borders || []).map(function (b) { return [b, "border", null]; });
      section("Borders", lines, function () { return GK.el("span", "gk-legend-border"); });
      if (block.admin1) {
        section("Areas", [["first-level areas (provinces)", "", null]], function () {
          return GK.el("span", "gk-legend-admin");
        });
      }
      if (block.movements && block.movements.length) {
        det.appendChild(GK.el("div", "gk-legend-note", "Arrow width grows with the number of people moved; " +
          "dashed where an end is only known to a region or country."));
      }
      return det;
    };
    ctl.addTo(map);
    return ctl;
  };
})();
"""  # noqa: E501

LEGEND_CSS = r"""
.gk-legend { max-height: calc(100vh - 130px); max-width: 260px; overflow: auto; font-size: 12px; box-sizing: border-box; }
@media (max-height: 520px) { .gk-legend { max-height: calc(100vh - 100px); } }
.gk-legend summary { font-weight: 600; cursor: pointer; }
.gk-legend-h { font-weight: 600; margin-top: 5px; color: #333; }
.gk-legend-row { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.gk-legend-icon svg { width: 18px; height: 18px; display: block; }
.gk-legend-arrow { display: inline-block; width: 22px; height: 4px; border-radius: 2px; position: relative; }
.gk-legend-border { display: inline-block; width: 22px; height: 4px; background: #c62828; box-shadow: 0 0 0 2px #fff; }
.gk-legend-admin { display: inline-block; width: 22px; height: 0; border-top: 1px dashed #9a8f7d; }
.gk-legend-note { color: #666; margin-top: 4px; max-width: 200px; }
"""  # noqa: E501


class Legend(Feature):
    """The key to this map's colours and icons (only what is drawn)."""

    feature = "legend"
    compress_over = 0  # read synchronously with GK.data
    css = LEGEND_CSS
    js = LEGEND_JS

    def __init__(self, events: list, facts: list, movements: list, places: list, borders: list,
                 admin1: bool = True) -> None:
        super().__init__()
        self.block = {"events": events, "facts": facts, "movements": movements, "places": places,
                      "borders": borders, "admin1": admin1}

    def payload(self) -> dict[str, Any]:
        return self.block

    def call(self) -> str:
        return f'GK.legend({self.map_name}, GK.data("{self.block_id}"), {{}})'
