"""A time slider over the records' dates: a from/to range with a small histogram.

Why our own instead of a timeline plugin: it only has to narrow the filter state that the
event, fact and movement layers already obey (see ``core.py``), works for both cluster modes,
and needs no extra library. Undated records stay visible unless the box is unticked.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from geokit.maps.core import Feature

TIMESLIDER_JS = r"""
(function () {
  "use strict";
  var GK = window.GK;
  function fmt(day) { return new Date(day * 86400000).toISOString().slice(0, 10); }
  GK.timeSlider = function (map, block, opts) {
    var days = block.days || [];
    if (!days.length) { return null; }
    var last = days.length - 1;
    var ctl = L.control({ position: "bottomleft" });
    ctl.onAdd = function () {
      var box = GK.el("div", "gk-panel gk-time");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      box.appendChild(GK.el("h4", null, "Dates"));
      var peak = Math.max.apply(null, block.counts.concat([1]));
      var hist = GK.el("div", "gk-time-hist");
      var bins = Math.min(days.length, 120);
      var per = Math.ceil(days.length / bins);
      for (var b = 0; b * per < days.length; b++) {
        var sum = 0;
        for (var k = b * per; k < Math.min(days.length, (b + 1) * per); k++) { sum += block.counts[k]; }
        var bar = GK.el("div", "gk-time-bar");
        bar.style.height = Math.max(2, Math.round(26 * sum / (peak * per))) + "px";
        hist.appendChild(bar);
      }
      box.appendChild(hist);
      var lo = GK.el("input", "gk-time-lo"), hi = GK.el("input", "gk-time-hi");
      [lo, hi].forEach(function (inp) {
        inp.type = "range"; inp.min = "0"; inp.max = String(last); inp.step = "1";
      });
      lo.value = "0"; hi.value = String(last);
      lo.setAttribute("aria-label", "from date");
      hi.setAttribute("aria-label", "to date");
      var label = GK.el("div", "gk-time-label");
      var und = GK.el("input");
      und.type = "checkbox"; und.checked = true;
      var undl = GK.el("label", "gk-time-undated");
      undl.appendChild(und);
      undl.appendChild(document.createTextNode(" undated (" + (block.undated || 0) + ")"));
      var timer = null;
      function apply(which) {
        var a = Number(lo.value), b = Number(hi.value);
        if (a > b) { if (which === lo) { hi.value = String(a); b = a; } else { lo.value = String(b); a = b; } }
        label.textContent = fmt(days[a]) + " \u2013 " + fmt(days[b]);
        clearTimeout(timer);
        timer = setTimeout(function () {
          GK.setFilter({ lo: days[a], hi: days[b], undated: und.checked });
          GK.status("time-range", fmt(days[a]) + "/" + fmt(days[b]));
        }, 120);
      }
      lo.addEventListener("input", function () { apply(lo); });
      hi.addEventListener("input", function () { apply(hi); });
      und.addEventListener("change", function () { apply(null); });
      box.appendChild(lo);
      box.appendChild(hi);
      box.appendChild(label);
      box.appendChild(undl);
      label.textContent = fmt(days[0]) + " \u2013 " + fmt(days[last]);
      GK.slider = { lo: lo, hi: hi, undated: und, apply: apply };
      return box;
    };
    ctl.addTo(map);
    GK.status("days", days.length);
    return ctl;
  };
})();
"""

TIMESLIDER_CSS = r"""
.gk-time { width: 260px; }
.gk-time-hist { display: flex; align-items: flex-end; gap: 1px; height: 28px; margin: 2px 0; }
.gk-time-bar { flex: 1; background: #8aa6c1; min-width: 1px; }
.gk-time input[type=range] { width: 100%; margin: 0; display: block; }
.gk-time-label { font-variant-numeric: tabular-nums; margin-top: 2px; }
.gk-time-undated { font-size: 12px; color: #444; }
"""


class TimeSlider(Feature):
    """From/to sliders over the distinct dates of events, facts and movements."""

    feature = "time_slider"
    compress_over = 0  # read synchronously with GK.data
    css = TIMESLIDER_CSS
    js = TIMESLIDER_JS

    def __init__(self, days: Counter, undated: int = 0) -> None:
        super().__init__()
        self.days = Counter({int(d): int(c) for d, c in days.items()})
        self.undated = int(undated)

    def payload(self) -> dict[str, Any]:
        ordered = sorted(self.days)
        return {"days": ordered, "counts": [self.days[d] for d in ordered], "undated": self.undated}

    def call(self) -> str:
        return f'GK.timeSlider({self.map_name}, GK.data("{self.block_id}"), {{}})'
