"""Distances, the error-curve AUC and EUPEG mention matching: the pure arithmetic of evaluation."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from geokit.evaluate.corpus import GoldToponym, norm_mention

EARTH_RADIUS_KM = 6371.0088
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the worst possible error
WITHIN_KM = 161.0  # 100 miles, the customary "correct" threshold
CENTRE_WINDOW = 10  # EUPEG: span centres within 10 characters


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a spherical Earth (mean radius), in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def auc_of_errors(errors_km: Sequence[float]) -> float | None:
    """Area under the error curve of Gritta et al. (2018); lower is better, in [0, 1].

    Errors are sorted ascending and scaled to ``ln(1 + e) / ln(20039)`` (20,039 km is the
    largest possible error), then integrated with the trapezoidal rule over evenly spaced
    points on [0, 1]: ``AUC = trapz(scaled) / (n - 1)``. This is the formula of the
    CamCoder evaluation code (``np.trapz(np.log(1 + e)) / (np.log(20039) * (n - 1))``).
    Scaled values are capped at 1 (ln(20040)/ln(20039) would be 1.000005). With a single error
    the curve is flat and AUC is its scaled value; None when empty.
    """
    n = len(errors_km)
    if n == 0:
        return None
    denom = math.log(MAX_ERROR_KM)
    ys = sorted(min(1.0, math.log1p(max(0.0, e)) / denom) for e in errors_km)
    if n == 1:
        return ys[0]
    area = sum((ys[i] + ys[i + 1]) / 2 for i in range(n - 1))
    return area / (n - 1)


def match_toponyms(
    predicted: Sequence[Any], gold: Sequence[GoldToponym], window: float = CENTRE_WINDOW
) -> list[tuple[int, int]]:
    """EUPEG matching: (pred index, gold index) pairs with the same normalised string and span
    centres within ``window`` characters, one-to-one, greedily by centre distance."""
    pairs: list[tuple[float, int, int]] = []
    gnorm = [norm_mention(g.text) for g in gold]
    for pi, p in enumerate(predicted):
        pn, pc = norm_mention(p.text), (p.start + p.end) / 2
        for gi, g in enumerate(gold):
            if gnorm[gi] == pn:
                d = abs(pc - (g.start + g.end) / 2)
                if d <= window:
                    pairs.append((d, gi, pi))
    pairs.sort()
    seen_p: set[int] = set()
    seen_g: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, gi, pi in pairs:
        if pi not in seen_p and gi not in seen_g:
            seen_p.add(pi)
            seen_g.add(gi)
            out.append((pi, gi))
    return out
