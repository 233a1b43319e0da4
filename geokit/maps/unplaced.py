"""The "not on the map" panel: every record or place that could not be drawn (or only in part), and why.

Why: a map silently dropping a report's events misleads; bad input (no place, no
coordinates, out-of-range coordinates, unknown origin) is listed where the analyst sees it.
Also the map title, which is plain text like everything else.
"""

from __future__ import annotations

from typing import Any

from geokit.maps.core import Feature
from geokit.maps.records import Problem
from geokit.maps.safe import clean_text

UNPLACED_JS = r"""
(function () {
  "use strict";
  var GK = window.GK;
  GK.unplaced = function (map, block, opts) {
    var items = block.items || [];
    GK.status("unplaced", items.length);
    if (!items.length) { return null; }
    var ctl = L.control({ position: "topright" });
    ctl.onAdd = function () {
      var det = GK.el("details", "gk-panel gk-unplaced");
      L.DomEvent.disableClickPropagation(det);
      L.DomEvent.disableScrollPropagation(det);
      var full = items.filter(function (it) { return !it[4]; }).length;
      det.appendChild(GK.el("summary", null, "Not on the map: " + full +
        (items.length > full ? " (+" + (items.length - full) + " in part)" : "")));
      var ul = GK.el("ul");
      items.slice(0, opts.max || 500).forEach(function (it) {
        var li = GK.el("li", it[4] ? "gk-partial" : null);
        li.appendChild(GK.el("span", "gk-kind", it[0]));
        li.appendChild(GK.el("span", "gk-unplaced-label", it[2] || it[1]));
        li.appendChild(GK.el("div", "gk-unplaced-why", it[3] + (it[4] ? " (drawn in part)" : "")));
        if (it[1] && it[2]) { li.appendChild(GK.el("div", "gk-id", it[1])); }
        ul.appendChild(li);
      });
      det.appendChild(ul);
      if (items.length > (opts.max || 500)) {
        det.appendChild(GK.el("div", "gk-id", "\u2026 and " + (items.length - (opts.max || 500)) + " more"));
      }
      return det;
    };
    ctl.addTo(map);
    return ctl;
  };
  GK.title = function (map, text) {
    if (!text) { return null; }
    var div = GK.el("div", "gk-panel gk-title", text);
    div.setAttribute("role", "heading");
    var wrap = GK.el("div", "gk-title-wrap");
    wrap.appendChild(div);
    map.getContainer().appendChild(wrap);
    L.DomEvent.disableClickPropagation(wrap);
    return div;
  };
})();
"""

UNPLACED_CSS = r"""
.gk-unplaced { max-height: 40vh; overflow: auto; font-size: 12px; }
.gk-unplaced summary { font-weight: 600; cursor: pointer; color: #8a4b00; }
.gk-unplaced ul { margin: 4px 0 0; padding-left: 14px; }
.gk-unplaced li { margin-bottom: 4px; }
.gk-unplaced .gk-kind { margin-right: 6px; }
.gk-unplaced-why { color: #555; }
.gk-partial .gk-unplaced-label { font-style: italic; }
.gk-title-wrap { position: absolute; top: 10px; left: 50%; transform: translateX(-50%); z-index: 1000; }
.gk-title-wrap .gk-title { max-width: 40vw; }
"""


class Unplaced(Feature):
    """The collapsible list of records/places not (fully) on the map."""

    feature = "unplaced"
    compress_over = 0  # read synchronously with GK.data
    css = UNPLACED_CSS
    js = UNPLACED_JS

    def __init__(self, problems: list[Problem], max_items: int = 500) -> None:
        super().__init__()
        self.problems = problems
        self.max_items = int(max_items)

    def payload(self) -> dict[str, Any]:
        ordered = sorted(self.problems, key=lambda p: p.partial)  # not drawn at all first
        return {"items": [p.row() for p in ordered[: self.max_items + 1]]}

    def call(self) -> str:
        opts = self.options_json({"max": self.max_items})
        return f'GK.unplaced({self.map_name}, GK.data("{self.block_id}"), {opts})'


class Title(Feature):
    """The map's title, shown as plain text at the top."""

    feature = "title"
    header_name = "unplaced"
    js = UNPLACED_JS
    css = UNPLACED_CSS

    def __init__(self, text: Any) -> None:
        super().__init__()
        self.text = clean_text(text, 200)

    def call(self) -> str:
        return f"GK.title({self.map_name}, {self.options_json(self.text)})"
