"""Calibration of resolution scores: of the answers scored s or more, how many are right?

Run with gold spans (``parse(text, spans=...)``) so recognition errors do not blur the picture.
An answer is right when it has the gold GeoNames id or lies within ``within_km`` of the gold point.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from geokit.gazetteer.geo import haversine_km


@dataclass(slots=True)
class Calibration:
    bins: dict[float, list[int]] = field(default_factory=dict)  # lower edge -> [answers, right]

    def add(self, score: float, right: bool) -> None:
        edge = min(int(score * 10), 9) / 10
        b = self.bins.setdefault(edge, [0, 0])
        b[0] += 1
        b[1] += int(right)

    def share_right(self, at_least: float = 0.9) -> tuple[int, float]:
        n = sum(v[0] for k, v in self.bins.items() if k >= at_least - 1e-9)
        ok = sum(v[1] for k, v in self.bins.items() if k >= at_least - 1e-9)
        return n, (ok / n if n else 0.0)

    def format(self) -> str:
        lines = ["score bin   answers  right"]
        for k in sorted(self.bins):
            n, ok = self.bins[k]
            lines.append(f"{k:.1f}-{k + 0.1:.1f}   {n:7d}  {ok / n:6.1%}")
        n, share = self.share_right(0.9)
        lines.append(f"scored >= 0.9: {n} answers, {share:.1%} right")
        return "\n".join(lines)


def calibrate(articles, *, parse=None, within_km: float = 161.0) -> Calibration:
    """Bin every resolved gold span by its score and count the right answers."""
    if parse is None:
        from geokit.parsing.parser import parse
    cal = Calibration()
    for art in articles:
        spans = [(g.start, g.end) for g in art.gold]
        try:
            doc = parse(art.text, spans=spans)
        except Exception:  # an article that fails is left out, as in evaluate()
            continue
        pred = {(t.start, t.end): t for t in doc.toponyms}
        for g in art.gold:
            t = pred.get((g.start, g.end))
            if t is None or t.place is None or g.lat is None:
                continue
            same_id = g.geonameid is not None and t.place.geonameid == g.geonameid
            cal.add(t.score, same_id or haversine_km(t.place.lat, t.place.lon, g.lat, g.lon) <= within_km)
    return cal
