"""Worst-case recognition: one text that is a single run of N capitalised place names.

Issue 11 found recognition quadratic in the length of such a run (8,000 names took 19 s and
475 MB, 100,000 ran past 120 s and 3 GB). The rows here show time and memory per size; a linear
recogniser keeps seconds-per-1,000-names flat as N doubles.
"""

from __future__ import annotations

import resource
import sys
import time

NAMES = ["Aleppo", "Idlib", "Homs", "Hama", "Damascus", "Latakia", "Raqqa", "Kilis", "Gaziantep", "Reyhanli",
         "Antakya", "Beirut"]


def capitalised_run(n: int) -> str:
    """A sentence whose middle is ``n`` capitalised place names in a row (our own test text)."""
    return "Families fled " + " ".join(NAMES[i % len(NAMES)] for i in range(n)) + " on Monday."


def _peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def run(quick: bool = False) -> dict:
    """Parse time and the process's peak memory so far for runs of 1k..8k names (1k..4k with ``quick``), and 100k."""
    from geokit.parsing.parser import parse

    parse("Aid convoys left Ankara for Aleppo on Monday.")  # load the gazetteer outside the timings
    sizes = [1000, 2000, 4000] if quick else [1000, 2000, 4000, 8000, 100_000]
    rows = {}
    for n in sizes:
        text = capitalised_run(n)
        t0 = time.perf_counter()
        doc = parse(text)
        secs = time.perf_counter() - t0
        rows[f"names_{n}"] = {"seconds": round(secs, 2), "seconds_per_1k_names": round(secs / n * 1000, 3),
                              "peak_rss_mb": round(_peak_rss_mb(), 1), "toponyms": len(doc.toponyms)}
    return rows
