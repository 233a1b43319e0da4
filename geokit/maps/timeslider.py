"""A time slider over the records' dates: a from/to range over a histogram on a real time axis, and play.

Why our own instead of a timeline plugin: it only has to narrow the filter state that the
event, fact and movement layers already obey (see ``core.py``), works for both cluster modes,
and needs no extra library. Bars are bins of a day, a week or a month as the span requires,
placed on a time axis so gaps show; the play button steps a window through time, bin by bin.
Undated records stay visible unless the box is unticked.
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
  function parse(iso) { return Math.floor(Date.parse(String(iso).slice(0, 10) + "T00:00:00Z") / 86400000); }
  // Bins on a real time axis: days for a short span, weeks up to two years, months beyond.
  function binning(first, last) {
    var span = last - first + 1;
    if (span <= 120) { return { unit: "day", start: function (d) { return d; }, next: function (d) { return d + 1; } }; }
    if (span <= 730) {
      // weeks starting on Monday (1970-01-01 was a Thursday)
      var monday = function (d) { return d - ((d + 3) % 7); };
      return { unit: "week", start: monday, next: function (d) { return monday(d) + 7; } };
    }
    var month = function (d) { var t = new Date(d * 86400000); return Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1) / 86400000; };
    return { unit: "month", start: month, next: function (d) {
      var t = new Date(month(d) * 86400000); return Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1) / 86400000; } };
  }
  GK.timeSlider = function (map, block, opts) {
    var days = block.days || [];
    if (!days.length) { return null; }
    var first = days[0], last = days[days.length - 1];
    var bin = binning(first, last);
    var bins = [];  // [start day, end day (exclusive), count]
    for (var d = bin.start(first); d <= last; d = bin.next(d)) { bins.push([d, bin.next(d), 0]); }
    var bi = 0;
    days.forEach(function (day, i) {
      while (bi < bins.length - 1 && day >= bins[bi][1]) { bi++; }
      bins[bi][2] += block.counts[i];
    });
    var axis0 = bins[0][0], axis1 = bins[bins.length - 1][1];
    var ctl = L.control({ position: "bottomleft" });
    ctl.onAdd = function () {
      var box = GK.el("details", "gk-panel gk-time");
      box.open = true;
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var summary = GK.el("summary", null, "Dates of the records");
      box.appendChild(summary);
      var peak = Math.max.apply(null, bins.map(function (b) { return b[2]; }).concat([1]));
      var hist = GK.el("div", "gk-time-hist");
      hist.setAttribute("data-unit", bin.unit);
      bins.forEach(function (b) {
        var bar = GK.el("div", "gk-time-bar" + (b[2] ? "" : " gk-time-empty"));
        bar.style.left = (100 * (b[0] - axis0) / (axis1 - axis0)) + "%";
        bar.style.width = (100 * (b[1] - b[0]) / (axis1 - axis0)) + "%";
        bar.style.height = (b[2] ? Math.max(2, Math.round(26 * b[2] / peak)) : 0) + "px";
        bar.title = fmt(b[0]) + (bin.unit === "day" ? "" : " \u2013 " + fmt(b[1] - 1)) + ": " + b[2];
        hist.appendChild(bar);
      });
      var sel = GK.el("div", "gk-time-sel");
      hist.appendChild(sel);
      box.appendChild(hist);
      var ticks = GK.el("div", "gk-time-ticks");
      ticks.appendChild(GK.el("span", null, fmt(first)));
      ticks.appendChild(GK.el("span", "gk-time-unit", "per " + bin.unit));
      ticks.appendChild(GK.el("span", null, fmt(last)));
      box.appendChild(ticks);
      var lo = GK.el("input", "gk-time-lo"), hi = GK.el("input", "gk-time-hi");
      [lo, hi].forEach(function (inp) {
        inp.type = "range"; inp.min = String(first); inp.max = String(last); inp.step = "1";
      });
      lo.value = String(first); hi.value = String(last);
      lo.setAttribute("aria-label", "from date");
      hi.setAttribute("aria-label", "to date");
      var row = GK.el("div", "gk-time-row");
      var play = GK.el("button", "gk-time-play", "\u25b6");
      play.type = "button";
      play.setAttribute("aria-label", "play: step through time");
      var label = GK.el("span", "gk-time-label");
      row.appendChild(play);
      row.appendChild(label);
      var und = GK.el("input");
      und.type = "checkbox"; und.checked = true;
      var undl = GK.el("label", "gk-time-undated");
      undl.appendChild(und);
      undl.appendChild(document.createTextNode(" undated (" + (block.undated || 0) + ")"));
      var timer = null;
      function show(a, b) {
        label.textContent = fmt(a) + " \u2013 " + fmt(b);
        sel.style.left = (100 * (a - axis0) / (axis1 - axis0)) + "%";
        sel.style.width = (100 * (b + 1 - a) / (axis1 - axis0)) + "%";
      }
      function apply(which, now) {
        var a = Number(lo.value), b = Number(hi.value);
        if (a > b) { if (which === lo) { hi.value = String(a); b = a; } else { lo.value = String(b); a = b; } }
        show(a, b);
        clearTimeout(timer);
        var go = function () {
          GK.setFilter({ lo: a, hi: b, undated: und.checked });
          GK.status("time-range", fmt(a) + "/" + fmt(b));
        };
        if (now) { go(); } else { timer = setTimeout(go, 120); }
      }
      lo.addEventListener("input", function () { stop(); apply(lo); });
      hi.addEventListener("input", function () { stop(); apply(hi); });
      und.addEventListener("change", function () { apply(null); });
      // Play: a window one bin wide (or the chosen range's width) steps through time, bin by bin.
      var playing = null;
      function stop() {
        if (playing) { clearInterval(playing); playing = null; play.textContent = "\u25b6"; GK.status("playing", 0); }
      }
      function step() {
        var a = Number(lo.value), b = Number(hi.value);
        var width = b - a;
        var na = bin.next(a);
        if (na > last) { stop(); return; }
        lo.value = String(na);
        hi.value = String(Math.min(last, na + width));
        apply(null, true);
        if (na + width >= last) { stop(); }
      }
      play.addEventListener("click", function () {
        if (playing) { stop(); return; }
        var a = Number(lo.value), b = Number(hi.value);
        if (a === first && b === last || b >= last) {
          lo.value = String(first);
          hi.value = String(Math.min(last, bin.next(first) - 1));
          apply(null, true);
        }
        play.textContent = "\u275a\u275a";
        GK.status("playing", 1);
        playing = setInterval(function () { GK.guard("time play", step); }, opts.interval || 800);
      });
      box.appendChild(lo);
      box.appendChild(hi);
      box.appendChild(row);
      box.appendChild(undl);
      show(first, last);
      GK.slider = { lo: lo, hi: hi, undated: und, apply: apply, play: play, step: step, stop: stop, bins: bins,
                    set: function (a, b) { stop(); lo.value = String(parse(a)); hi.value = String(parse(b)); apply(null, true); } };
      if (map.getSize().y < 520) { box.open = false; }  // a small (notebook) map keeps its panels folded
      return box;
    };
    ctl.addTo(map);
    GK.status("days", days.length);
    GK.status("time-bins", bins.length);
    return ctl;
  };
})();
"""  # noqa: E501

TIMESLIDER_CSS = r"""
.gk-time { width: 260px; }
.gk-time summary { font-weight: 600; cursor: pointer; }
.gk-time-hist { position: relative; height: 28px; margin: 4px 0 0; border-bottom: 1px solid #999; }
.gk-time-bar { position: absolute; bottom: 0; background: #8aa6c1; min-width: 1px; box-sizing: border-box;
  border-right: 1px solid rgba(255,255,255,0.7); }
.gk-time-sel { position: absolute; top: 0; bottom: -1px; background: rgba(255, 193, 7, 0.18);
  border-left: 1px solid #c79a00; border-right: 1px solid #c79a00; pointer-events: none; }
.gk-time-ticks { display: flex; justify-content: space-between; font-size: 10px; color: #555; margin-bottom: 2px; }
.gk-time-unit { color: #888; }
.gk-time input[type=range] { width: 100%; margin: 0; display: block; }
.gk-time-row { display: flex; align-items: center; gap: 6px; margin-top: 2px; }
.gk-time-play { border: 1px solid #999; background: #fff; border-radius: 3px; width: 26px; height: 22px; padding: 0;
  cursor: pointer; font-size: 11px; line-height: 20px; }
.gk-time-label { font-variant-numeric: tabular-nums; }
.gk-time-undated { font-size: 12px; color: #444; }
"""  # noqa: E501


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
