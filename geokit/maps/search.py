"""Place search: type a few letters, jump to the place and open its popup.

Why our own: the index is the map's own places (curated and reported), matching must ignore
accents and Turkish dotless i ("Sanliurfa" finds "Şanlıurfa"), and results must be built
with ``textContent`` (some search plugins render names as HTML).
"""

from __future__ import annotations

from typing import Any

from geokit.maps.core import Feature
from geokit.maps.safe import clean_text

SEARCH_JS = r"""
(function () {
  "use strict";
  var GK = window.GK;
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\u0131/g, "i")
      .replace(/[\u02bb\u02bc\u2018\u2019'`]/g, "").toLowerCase();
  }
  GK.fold = fold;
  GK.search = function (map, block, opts) {
    var items = (block.items || []).map(function (it) { return { it: it, key: fold(it[0]) }; });
    var ctl = L.control({ position: "topleft" });
    ctl.onAdd = function () {
      var box = GK.el("div", "gk-panel gk-search");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var input = GK.el("input", "gk-search-input");
      input.type = "search";
      input.placeholder = "Search places\u2026";
      input.setAttribute("aria-label", "Search places");
      var list = GK.el("ul", "gk-search-results");
      var marker = null;
      function go(it) {
        var ll = L.latLng(it[1], it[2]);
        map.setView(ll, Math.max(map.getZoom(), opts.zoom || 10));
        var ref = it[4] && GK.placeMarkers ? GK.placeMarkers[it[4]] : null;
        if (ref) {
          if (!map.hasLayer(ref.layer)) { ref.layer.addTo(map); }
          ref.marker.openPopup();
        } else {
          if (marker) { marker.remove(); }
          marker = L.circleMarker(ll, { radius: 14, color: "#ff6f00", weight: 3, fill: false, className: "gk-search-hit" })
            .addTo(map);
          marker.bindTooltip(GK.el("span", null, it[0]), { permanent: true, direction: "right" }).openTooltip();
        }
        list.textContent = "";
      }
      function update() {
        var q = fold(input.value.trim());
        list.textContent = "";
        if (!q) { return; }
        var first = [], rest = [];
        for (var i = 0; i < items.length && first.length < 12; i++) {
          var pos = items[i].key.indexOf(q);
          if (pos === 0) { first.push(items[i].it); } else if (pos > 0 && rest.length < 12) { rest.push(items[i].it); }
        }
        var found = first.concat(rest).slice(0, 12);
        if (!found.length) { list.appendChild(GK.el("li", "gk-search-none", "no match")); }
        found.forEach(function (it) {
          var li = GK.el("li", "gk-search-hit-row");
          li.appendChild(GK.el("span", null, it[0]));
          if (it[3]) { li.appendChild(GK.el("span", "gk-kind", it[3])); }
          li.tabIndex = 0;
          // stop here: the row is removed by go(), and Leaflet would then take the click for a map click
          li.addEventListener("click", function (e) { L.DomEvent.stop(e); go(it); });
          li.addEventListener("keydown", function (e) { if (e.key === "Enter") { go(it); } });
          list.appendChild(li);
        });
      }
      input.addEventListener("input", update);
      input.addEventListener("keydown", function (e) {
        if (e.key === "Enter" && list.firstChild && list.firstChild.click) { list.firstChild.click(); }
      });
      box.appendChild(input);
      box.appendChild(list);
      GK.searchBox = { input: input, list: list, update: update };
      return box;
    };
    ctl.addTo(map);
    GK.status("search-items", items.length);
    return ctl;
  };
})();
"""  # noqa: E501

SEARCH_CSS = r"""
.gk-search { padding: 4px; }
.gk-search-input { width: 190px; font: inherit; padding: 3px 5px; }
.gk-search-results { list-style: none; margin: 0; padding: 0; max-height: 40vh; overflow: auto; }
.gk-search-results li { padding: 2px 4px; cursor: pointer; display: flex; gap: 6px; align-items: baseline; }
.gk-search-results li:hover, .gk-search-results li:focus { background: #e8f0fe; }
.gk-search-none { color: #888; cursor: default; }
"""


class Search(Feature):
    """A search box over place names (with their kind), jumping to the place."""

    feature = "search"
    compress_over = 0  # read synchronously with GK.data
    css = SEARCH_CSS
    js = SEARCH_JS

    def __init__(self, items: list[list[Any]], zoom: int = 10) -> None:
        super().__init__()
        self.items = items
        self.zoom = int(zoom)

    @staticmethod
    def entry(name: Any, lat: float, lon: float, kind: Any = "", ref: str = "") -> list[Any]:
        return [clean_text(name, 200), round(float(lat), 5), round(float(lon), 5), clean_text(kind, 30), ref]

    def payload(self) -> dict[str, Any]:
        seen, items = set(), []
        for it in sorted(self.items, key=lambda x: (x[0].casefold(), x[4] == "")):
            key = (it[0].casefold(), round(it[1], 2), round(it[2], 2))
            if it[0] and key not in seen:
                seen.add(key)
                items.append(it)
        return {"items": items}

    def call(self) -> str:
        return (f'GK.search({self.map_name}, GK.data("{self.block_id}"), '
                f'{self.options_json({"zoom": self.zoom})})')
