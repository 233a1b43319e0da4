"""A fast grid cluster layer for very many points (100,000 events).

Why our own: Leaflet.markercluster builds a marker object and a cluster tree for every
point, which takes seconds and much memory at 100k. This layer keeps the points as two
arrays of projected coordinates, and on every move bins the visible ones into screen cells:
O(n) per redraw, and only a few hundred DOM nodes. A cell of one point is an ordinary event
marker; a dense cell zooms in on click, or lists its events when the map cannot zoom further.
It reuses markercluster's cluster styles so both modes look alike.
"""

from __future__ import annotations

FASTCLUSTER_JS = r"""
(function () {
  "use strict";
  var GK = window.GK;
  GK.FastCluster = L.Layer.extend({
    options: { cell: 64, listMax: 40 },
    initialize: function (options) {
      L.setOptions(this, options);
      this._n = 0;
      this._visible = new Uint8Array(0);
      this._group = L.layerGroup();
    },
    setData: function (latlngs, options) {
      L.setOptions(this, options);
      var n = latlngs.length;
      this._n = n;
      this._x = new Float64Array(n);
      this._y = new Float64Array(n);
      this._lat = new Float64Array(n);
      this._lon = new Float64Array(n);
      for (var i = 0; i < n; i++) {
        var p = L.CRS.EPSG3857.latLngToPoint(L.latLng(latlngs[i][0], latlngs[i][1]), 0);
        this._x[i] = p.x / 256; this._y[i] = p.y / 256;
        this._lat[i] = latlngs[i][0]; this._lon[i] = latlngs[i][1];
      }
      this._visible = new Uint8Array(n).fill(1);
      if (this._map) { this._redraw(); }
    },
    setVisible: function (mask) { this._visible = mask; if (this._map) { this._redraw(); } },
    onAdd: function (map) {
      this._group.addTo(map);
      map.on("moveend", this._redraw, this);
      this._redraw();
    },
    onRemove: function (map) {
      map.off("moveend", this._redraw, this);
      this._group.remove();
    },
    _clusterIcon: function (count) {
      var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
      var div = GK.el("div");
      div.appendChild(GK.el("span", null, String(count)));
      return L.divIcon({ html: div, className: "marker-cluster marker-cluster-" + size + " gk-fast-cluster",
                         iconSize: L.point(40, 40) });
    },
    _listPopup: function (latlng, idx, total) {
      var self = this, map = this._map;
      var root = GK.el("div", "gk-popup gk-cluster-list");
      root.appendChild(GK.el("div", "gk-popup-title", total + " events here"));
      var ul = GK.el("ul");
      idx.slice(0, this.options.listMax).forEach(function (i) {
        var li = GK.el("li");
        var a = GK.el("a", null);
        a.href = "#";
        a.appendChild(self.options.label(i));
        a.addEventListener("click", function (ev) {
          ev.preventDefault();
          L.popup({ maxWidth: 360 }).setLatLng([self._lat[i], self._lon[i]]).setContent(self.options.popup(i)).openOn(map);
        });
        li.appendChild(a);
        ul.appendChild(li);
      });
      root.appendChild(ul);
      if (total > this.options.listMax) { root.appendChild(GK.el("div", "gk-id", "\u2026 and " + (total - this.options.listMax) + " more")); }
      L.popup({ maxWidth: 360 }).setLatLng(latlng).setContent(root).openOn(map);
    },
    _redraw: function () {
      var map = this._map;
      if (!map) { return; }
      var z = map.getZoom(), scale = 256 * Math.pow(2, z), cell = this.options.cell;
      var pb = map.getPixelBounds();
      var pad = cell * 2;
      var x0 = pb.min.x - pad, y0 = pb.min.y - pad, x1 = pb.max.x + pad, y1 = pb.max.y + pad;
      var bins = new Map();
      var X = this._x, Y = this._y, V = this._visible;
      for (var i = 0; i < this._n; i++) {
        if (!V[i]) { continue; }
        var x = X[i] * scale, y = Y[i] * scale;
        if (x < x0 || x > x1 || y < y0 || y > y1) { continue; }
        var key = Math.floor(x / cell) * 4194304 + Math.floor(y / cell);
        var b = bins.get(key);
        if (!b) {
          b = { n: 0, sx: 0, sy: 0, idx: [], s: 90, w: 180, nn: -90, e: -180 };
          bins.set(key, b);
        }
        b.n++; b.sx += x; b.sy += y;
        if (b.idx.length < this.options.listMax) { b.idx.push(i); }
        var la = this._lat[i], lo = this._lon[i];
        if (la < b.s) { b.s = la; } if (la > b.nn) { b.nn = la; }
        if (lo < b.w) { b.w = lo; } if (lo > b.e) { b.e = lo; }
      }
      this._group.clearLayers();
      var self = this, singles = 0, clusters = 0;
      bins.forEach(function (b) {
        if (b.n === 1) {
          singles++;
          self._group.addLayer(self.options.marker(b.idx[0]));
          return;
        }
        clusters++;
        var ll = map.unproject(L.point(b.sx / b.n, b.sy / b.n), z);
        var m = L.marker(ll, { icon: self._clusterIcon(b.n), keyboard: false });
        m.on("click", function () {
          var same = (b.nn - b.s) < 1e-7 && (b.e - b.w) < 1e-7;
          if (z >= map.getMaxZoom() || same) {
            self._listPopup(ll, b.idx, b.n);
          } else {
            map.fitBounds([[b.s, b.w], [b.nn, b.e]], { padding: [40, 40], maxZoom: Math.min(z + 4, map.getMaxZoom()) });
          }
        });
        self._group.addLayer(m);
      });
      GK.status("fast-singles", singles);
      GK.status("fast-clusters", clusters);
    }
  });
})();
"""  # noqa: E501

FASTCLUSTER_CSS = r"""
.gk-cluster-list ul { margin: 0; padding-left: 16px; }
.gk-cluster-list li { margin: 2px 0; }
"""
