"""Worst cases for one document: a single run of N capitalised place names, and one long report.

Issue 11 found recognition quadratic in the length of such a run (8,000 names took 19 s and
475 MB, 100,000 ran past 120 s and 3 GB) and event extraction quadratic in a report's length
(a 1.5 MB report: 115 s). The rows show time and memory per size; linear work keeps the
seconds per unit flat as the size doubles.
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
    """Parse time and the process's peak memory so far for runs of 1k..8k names (1k..4k with ``quick``), and
    100k."""
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
    rows.update(long_report(quick))
    return rows


def long_report(quick: bool = False) -> dict:
    """Parse and event extraction of one report made of our generated news paragraphs, 0.4 to 3 MB."""
    from geokit.bench.parser import generated_texts
    from geokit.events.extract import extract_document
    from geokit.parsing.parser import parse

    base = "\n\n".join(generated_texts(400)) + "\n\n"  # about 0.36 MB
    rows = {}
    for mult in ([1, 2] if quick else [1, 2, 4, 8]):
        text = base * mult
        t0 = time.perf_counter()
        doc = parse(text)
        t1 = time.perf_counter()
        res = extract_document(doc)
        t2 = time.perf_counter()
        mb = len(text.encode("utf-8")) / 1e6
        rows[f"report_{mb:.1f}mb"] = {"parse_seconds": round(t1 - t0, 2), "events_seconds": round(t2 - t1, 2),
                                     "events_seconds_per_mb": round((t2 - t1) / mb, 2),
                                     "events": len(res.events),
                                     "peak_rss_mb": round(_peak_rss_mb(), 1)}
    return rows
