"""The small browser runtime every geokit map feature shares, and the base element class.

Why: each feature (basemap, markers, arrows, slider, legend, search...) is a folium element
with its own script, like folium's plugins; they share a few helpers here: reading JSON data
blocks, building DOM nodes with ``textContent`` only, record popups, the filter state the
time slider and the layer control drive, and error isolation (one failing feature leaves
the rest of the map working and is reported in ``data-gk-errors``).
"""

from __future__ import annotations

from typing import Any

from branca.element import CssLink, Element, Figure, JavascriptLink
from folium.template import Template

from geokit.maps.safe import DataBlock, RawElement, SafeMacro, json_for_html

CORE_JS = r"""
(function () {
  "use strict";
  var GK = window.GK = window.GK || {};
  GK.errors = [];
  GK.status = function (key, value) {
    document.documentElement.setAttribute("data-gk-" + key, String(value));
  };
  GK.guard = function (name, fn) {
    try { return fn(); } catch (e) {
      if (window.console) { console.error("geokit " + name, e); }
      GK.fail(name, (e && e.message) || String(e));
      return null;
    }
  };
  GK.data = function (id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  };
  // Large data blocks are gzip+base64 (application/gzip-base64) and decoded asynchronously
  // with the browser's DecompressionStream; small ones are plain JSON and load at once.
  GK.pending = 0;
  GK.viewportDone = false;
  GK.checkReady = function () {
    if (GK.pending === 0 && GK.viewportDone) {
      GK.status("ready", 1);
      if (GK.errors.length) { GK.showErrors(); }
    }
  };
  GK.fail = function (name, message) {
    GK.errors.push(name + ": " + message);
    GK.status("errors", GK.errors.length);
    if (GK.viewportDone && GK.pending === 0) { GK.showErrors(); }
  };
  // A visible notice, so a failed layer is never silently missing from the map.
  GK.showErrors = function () {
    var box = document.getElementById("gk-errors");
    if (!box) {
      box = GK.el("div", "gk-panel gk-errors");
      box.id = "gk-errors";
      document.body.appendChild(box);
    }
    box.textContent = "";
    box.appendChild(GK.el("strong", null, "Some map layers could not be drawn:"));
    GK.errors.slice(0, 5).forEach(function (e) { box.appendChild(GK.el("div", null, e)); });
  };
  GK.load = function (id, name, fn) {
    var el = document.getElementById(id);
    if (!el) { GK.fail(name, "no data block " + id); return; }
    if (el.type === "application/json") {
      GK.guard(name, function () { fn(JSON.parse(el.textContent)); });
      return;
    }
    if (!window.DecompressionStream) {
      GK.fail(name, "this browser cannot unpack the map's data (needs Chrome 80+, Firefox 113+ or Safari 16.4+)");
      return;
    }
    GK.pending++;
    GK.status("pending", GK.pending);
    var done = function () { GK.pending--; GK.status("pending", GK.pending); GK.checkReady(); };
    try {
      var bin = atob(el.textContent.trim());
      var bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      new Response(stream).text().then(function (text) {
        GK.guard(name, function () { fn(JSON.parse(text)); });
        done();
      }, function (err) { GK.fail(name, String(err)); done(); });
    } catch (e) {
      GK.fail(name, (e && e.message) || String(e)); done();
    }
  };
  GK.el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null && text !== "") { e.textContent = String(text); }
    return e;
  };
  GK.s = function (S, i) { return (i === null || i === undefined || i < 0) ? "" : S[i]; };
  GK.icons = {};
  GK.icon = function (name) {
    // Only geokit's own constant SVG markup goes through innerHTML here.
    var t = document.createElement("template");
    t.innerHTML = GK.icons[name] || GK.icons.other || "";
    return t.content.firstElementChild ? t.content.firstElementChild.cloneNode(true) : GK.el("span");
  };
  GK.swatch = function (colour, cls) {
    var sw = GK.el("span", cls || "gk-swatch");
    sw.style.background = colour;
    return sw;
  };
  GK.escapeHTML = function (text) {
    var d = document.createElement("div");
    d.textContent = String(text);
    return d.innerHTML;
  };

  // ---- filter state, driven by the layer control (types) and the time slider (days)
  GK.state = { types: {}, lo: null, hi: null, undated: true };
  GK.listeners = [];
  GK.onFilter = function (fn) { GK.listeners.push(fn); };
  GK.setFilter = function (patch) {
    for (var k in patch) { if (Object.prototype.hasOwnProperty.call(patch, k)) { GK.state[k] = patch[k]; } }
    for (var i = 0; i < GK.listeners.length; i++) {
      (function (fn) { GK.guard("filter", fn); })(GK.listeners[i]);
    }
  };
  GK.setType = function (key, on) {
    var types = Object.assign({}, GK.state.types);
    types[key] = !!on;
    GK.setFilter({ types: types });
  };
  GK.passes = function (typeKey, day) {
    if (typeKey !== null && typeKey !== undefined && GK.state.types[typeKey] === false) { return false; }
    if (day === null || day === undefined) { return GK.state.undated; }
    if (GK.state.lo !== null && day < GK.state.lo) { return false; }
    if (GK.state.hi !== null && day > GK.state.hi) { return false; }
    return true;
  };
  GK.typeToggle = function (map, layer, key) {
    layer.on("add", function () { GK.setType(key, true); });
    layer.on("remove", function () { GK.setType(key, false); });
    return layer;
  };

  // ---- record popups: every field is set with textContent
  var GP = { 1: "exact", 2: "near", 3: "admin region", 4: "country" };
  GK.geoPrecision = function (gp) { return GP[gp] || ""; };
  function row(table, label, value) {
    if (value === null || value === undefined || value === "") { return null; }
    var tr = GK.el("tr");
    tr.appendChild(GK.el("th", null, label));
    var td = GK.el("td");
    if (typeof value === "string") { td.textContent = value; } else { td.appendChild(value); }
    tr.appendChild(td);
    table.appendChild(tr);
    return tr;
  }
  GK.placeText = function (S, name, gp) {
    var txt = GK.s(S, name) || "(unnamed place)";
    var p = GK.geoPrecision(gp);
    return p ? txt + " \u00b7 " + p : txt;
  };
  // R: [id, type, date, precision, day, who, counts, sources, confidence, ...]
  GK.recordPopup = function (block, R, opts) {
    var S = block.S;
    var root = GK.el("div", "gk-popup");
    var head = GK.el("div", "gk-popup-title");
    var t = block.types[R[1]] || [-1, "#777"];
    head.appendChild(GK.swatch(t[1]));
    head.appendChild(GK.el("span", null, GK.s(S, t[0]) || "(no type)"));
    head.appendChild(GK.el("span", "gk-kind", opts.kind));
    root.appendChild(head);
    var table = GK.el("table", "gk-kv");
    var date = GK.s(S, R[2]);
    var prec = GK.s(S, R[3]);
    row(table, "Date", date ? (prec ? date + " (" + prec + ")" : date) : "unknown" + (prec ? " (" + prec + ")" : ""));
    if (opts.place) { row(table, "Place", opts.place); }
    if (opts.route) { row(table, "Route", opts.route); }
    // "Who": the group with its largest figure, and the extractor's phrase only when it is a short one
    // (a cut fragment of a sentence says nothing the sentence below does not say better)
    var head = GK.s(S, opts.kind === "movement" ? R[12] : R[13]);
    var who = GK.s(S, R[5]);
    var shortWho = who && who.length <= 48 && who.split(/\s+/).length <= 7 && !/[()]/.test(who) ? who : "";
    row(table, "Who", [shortWho, head].filter(function (x) { return x; }).join(" \u00b7 "));
    var counts = R[6] || [];
    if (counts.length) {
      var box = GK.el("div", "gk-counts");
      counts.forEach(function (c) {
        var line = GK.el("div", "gk-count", GK.s(S, c[0]) + ": " + GK.s(S, c[1]));
        box.appendChild(line);
        if (c[2] && c[2].length) {
          var ul = GK.el("ul", "gk-count-sources");
          c[2].forEach(function (b) {
            ul.appendChild(GK.el("li", null, GK.s(S, b[0]) + " \u2014 " + (GK.s(S, b[1]) || "unnamed source")));
          });
          box.appendChild(ul);
        }
      });
      row(table, "Counts", box);
    }
    if (R[8] !== null && R[8] !== undefined) { row(table, "Confidence", String(R[8])); }
    if (opts.note) { row(table, "Note", opts.note); }
    root.appendChild(table);
    var sources = R[7] || [];
    var seen = {};
    sources.forEach(function (s) {
      var text = GK.s(S, s[1]);
      if (text && !seen[text]) {
        seen[text] = 1;
        root.appendChild(GK.el("blockquote", "gk-sentence", text));
      }
    });
    if (sources.length) {
      var src = GK.el("div", "gk-sources");
      src.appendChild(GK.el("div", "gk-sources-h", "Sources"));
      var ul = GK.el("ul");
      // one line per report, with every passage it was read from
      var docs = [], byDoc = {};
      sources.forEach(function (s) {
        var d = GK.s(S, s[0]) || "unnamed source";
        if (!byDoc[d]) { byDoc[d] = { spans: [], date: GK.s(S, s[4]) }; docs.push(d); }
        if (s[2] !== null && s[3] !== null && s[2] !== undefined) {
          var sp = s[2] + "\u2013" + s[3];
          if (byDoc[d].spans.indexOf(sp) < 0) { byDoc[d].spans.push(sp); }
        }
      });
      docs.forEach(function (d) {
        var bits = [d];
        if (byDoc[d].spans.length) { bits.push("chars " + byDoc[d].spans.join(", ")); }
        if (byDoc[d].date) { bits.push(byDoc[d].date); }
        ul.appendChild(GK.el("li", null, bits.join(" \u00b7 ")));
      });
      src.appendChild(ul);
      root.appendChild(src);
    }
    var id = GK.s(S, R[0]);
    if (id) { root.appendChild(GK.el("div", "gk-id", id)); }
    return root;
  };
})();
"""  # noqa: E501

CORE_CSS = r"""
.leaflet-container { background: #cfe3ef; font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.gk-popup { max-width: 340px; max-height: 320px; overflow: auto; }
.gk-popup-title { font-weight: 600; font-size: 14px; margin-bottom: 4px; display: flex; align-items: center; gap: 6px; }
.gk-kind { font-weight: 400; color: #666; font-size: 11px; margin-left: auto; text-transform: uppercase; }
.gk-swatch { display: inline-block; width: 12px; height: 12px; border-radius: 50%; border: 1px solid #fff;
  box-shadow: 0 0 0 1px #888; flex: none; }
.gk-kv { border-collapse: collapse; margin: 2px 0 6px; }
.gk-kv th { text-align: left; vertical-align: top; color: #555; font-weight: 500; padding: 1px 8px 1px 0; white-space: nowrap; }
.gk-kv td { padding: 1px 0; }
.gk-count-sources { margin: 0 0 2px; padding-left: 16px; color: #444; font-size: 12px; }
.gk-sentence { margin: 4px 0; padding: 3px 8px; border-left: 3px solid #bbb; background: #f6f6f6; font-style: italic;
  white-space: pre-wrap; word-break: break-word; }
.gk-sources { font-size: 12px; color: #444; }
.gk-sources ul { margin: 0; padding-left: 16px; }
.gk-sources-h { font-weight: 600; margin-top: 4px; }
.gk-id { font-size: 10px; color: #999; margin-top: 4px; word-break: break-all; }
.gk-panel { background: rgba(255,255,255,0.95); padding: 6px 8px; border-radius: 5px; box-shadow: 0 1px 5px rgba(0,0,0,0.35);
  max-width: 300px; }
.gk-panel h4 { margin: 0 0 4px; font-size: 13px; }
.gk-errors { position: absolute; left: 50%; bottom: 30px; transform: translateX(-50%); z-index: 1100;
  color: #8a1c1c; max-width: 60vw; }
.gk-title { font-size: 16px; font-weight: 600; max-width: 60vw; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
"""  # noqa: E501


# Data blocks above this many bytes of JSON are gzipped (see DataBlock); layers load them with GK.load.
COMPRESS_OVER = 1_000_000


class CoreRuntime(Element):
    """The shared JS/CSS, placed once in the page head (named, so folium dedupes it)."""

    def render(self, **kwargs) -> str:
        from geokit.maps.icons import ICONS

        icons = json_for_html(ICONS)
        return f"<style>{CORE_CSS}</style>\n<script>{CORE_JS}\nGK.icons = {icons};</script>"


def add_header(figure: Figure, name: str, css: str = "", js: str = "") -> None:
    """Put a feature's own CSS/JS in the head once (same name -> same slot)."""
    parts = []
    if css:
        parts.append(f"<style>{css}</style>")
    if js:
        parts.append(f"<script>{js}</script>")
    figure.header.add_child(RawElement("\n".join(parts)), name=name)


class Feature(SafeMacro):
    """Base of geokit's map features: a data block, header code and one guarded JS call.

    Subclasses set ``feature`` (a short name), ``css``/``js`` (their own runtime code) and
    implement ``payload()`` (JSON data, may hold article text) and ``call()`` (the JS
    expression building the feature; only names, ids and JSON options - never raw text).
    """

    feature = "feature"
    default_js: list[tuple[str, str]] = []  # (name, pinned CDN URL) of third-party code it needs
    default_css: list[tuple[str, str]] = []
    add_to_map = False  # layers shown at start are added inside a guard (an error stays local)
    # gzip the data block when its JSON is larger (0: never; needs GK.load in JS)
    compress_over = COMPRESS_OVER
    header_name = ""  # share another feature's header code (default: own feature name)
    css = ""
    js = ""
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = GK.guard({{ this.feature|tojson }}, function () {
            return {{ this.call() }};
        }){{ this.fallback() }};
        {%- if this.add_to_map %}
        GK.guard({{ this.feature|tojson }}, function () { {{ this.get_name() }}.addTo({{ this.map_name }}); });
        {%- endif %}
        {% endmacro %}
        """  # noqa: E501
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "GK" + self.feature.title().replace("_", "")

    @property
    def block_id(self) -> str:
        return "gkdata-" + self.get_name()

    @property
    def map_name(self) -> str:
        return self._parent.get_name()

    def payload(self) -> Any:
        return None

    def call(self) -> str:
        raise NotImplementedError

    def fallback(self) -> str:
        """JS appended after the guarded call, e.g. `` || L.layerGroup()`` for layers."""
        return ""

    def options_json(self, options: dict) -> str:
        return json_for_html(options)

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("geokit map features must be rendered inside a folium Figure")
        # Third-party files are linked by their pinned CDN URL here and inlined by assets.inline_assets.
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        figure.header.add_child(CoreRuntime(), name="gk-core")
        if self.css or self.js:
            add_header(figure, "gk-" + (self.header_name or self.feature), self.css, self.js)
        data = self.payload()
        if data is not None:
            figure.html.add_child(DataBlock(self.block_id, data, self.compress_over), name=self.block_id)
        super().render(**kwargs)
