"""Parser speed: articles and characters per second on one core, gazetteer load timed apart.

Texts are the TR-News and GeoVirus benchmark articles when ``../shared`` sits beside the
checkout, else deterministic generated news-like texts (so the figure exists everywhere, but
compare runs only with the same ``source``).
"""

from __future__ import annotations

import os
import random
import resource
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SHARED_BENCH = Path(__file__).resolve().parents[2].parent / "shared" / "benchmarks"
CORPORA = ("TR-News.xml", "GeoVirus.xml")
WARMUP_TEXT = "Aid convoys left Ankara for Aleppo on Monday."
QUICK_ARTICLES = 25  # per corpus
RSS_GOAL_MB = 300  # issue 12: with the border region, counties and regions in the default store
SPEED_GOAL = 200  # issue 16: articles per second on one core (CPU time of the parsing process)


def _shared_texts(limit: int | None) -> list[str]:
    from geokit.evaluate import load_corpus

    texts: list[str] = []
    for name in CORPORA:
        path = SHARED_BENCH / name
        if path.is_file():
            texts += [a.text for a in load_corpus(path)[:limit]]
    return texts


_PLACES = ["Ankara", "Aleppo", "Idlib", "Gaziantep", "Hatay", "Damascus", "Beirut", "Amman", "Mosul",
           "Erbil", "Kilis", "Reyhanli", "Homs", "Latakia", "Irbid", "Tripoli", "Baghdad", "Raqqa"]
_SENTENCES = [
    "Hundreds of families fled {a} overnight and crossed towards {b}, local officials said.",
    "A convoy carrying food and medicine reached {a} on {day}, according to aid workers in {b}.",
    "Shelling near {a} killed at least {n} people, a monitoring group based in {b} reported.",
    "The governor of {a} said the camps near {b} now house about {n},000 people.",
    "Talks between delegations from {a} and {b} ended without agreement on {day}.",
    "Witnesses in {a} described long queues at the crossing to {b} as the border reopened.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def generated_texts(n: int, seed: int = 7) -> list[str]:
    """``n`` deterministic news-like paragraphs (our own templates) for machines without ../shared."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        sents = []
        for _ in range(rnd.randint(6, 14)):
            a, b = rnd.sample(_PLACES, 2)
            sents.append(rnd.choice(_SENTENCES).format(a=a, b=b, day=rnd.choice(_DAYS), n=rnd.randint(2, 90)))
        out.append(" ".join(sents))
    return out


@contextmanager
def _one_core():
    """Pin this process to a single CPU while measuring (where the OS allows it)."""
    before = None
    if hasattr(os, "sched_getaffinity"):
        try:
            before = os.sched_getaffinity(0)
            os.sched_setaffinity(0, {min(before)})
        except OSError:
            before = None
    try:
        yield
    finally:
        if before is not None:
            os.sched_setaffinity(0, before)


def _peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def run(quick: bool = False, parse: Callable[..., Any] | None = None, texts: list[str] | None = None) -> dict:
    """Time ``parse`` (default ``geokit.parse``) over the benchmark texts on one core.

    The first call on a tiny text loads the gazetteer and is reported as ``load_seconds``;
    the throughput figures exclude it. An article whose parse raises is counted, not fatal.
    """
    if parse is None:
        from geokit.evaluate import default_parse

        parse = default_parse()
    source = "given"
    if texts is None:
        texts = _shared_texts(QUICK_ARTICLES if quick else None)
        source = "shared:" + "+".join(n.removesuffix(".xml") for n in CORPORA)
        if not texts:
            texts = generated_texts(20 if quick else 200)
            source = "generated"
    with _one_core():
        t0 = time.perf_counter()
        parse(WARMUP_TEXT)
        load = time.perf_counter() - t0
        toponyms = failed = 0
        t0, c0 = time.perf_counter(), time.process_time()
        for text in texts:
            try:
                toponyms += len(parse(text).toponyms)
            except Exception:  # a speed run reports failures, it does not stop on them
                failed += 1
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    chars = sum(len(t) for t in texts)
    return {
        "source": source,
        "articles": len(texts),
        "characters": chars,
        "toponyms": toponyms,
        "failed_articles": failed,
        "load_seconds": round(load, 3),
        "parse_seconds": round(secs, 3),
        "articles_per_second": round(len(texts) / secs, 2) if secs > 0 else None,
        "characters_per_second": round(chars / secs) if secs > 0 else None,
        # the goal is for one core: CPU time does not count the time other processes took the core
        "cpu_seconds": round(cpu, 3),
        "articles_per_cpu_second": round(len(texts) / cpu, 2) if cpu > 0 else None,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "goals": {"articles_per_cpu_second": f">= {SPEED_GOAL}", "peak_rss_mb": f"<= {RSS_GOAL_MB}"},
        "goals_met": {"articles_per_cpu_second": cpu > 0 and len(texts) / cpu >= SPEED_GOAL,
                      "peak_rss_mb": _peak_rss_mb() <= RSS_GOAL_MB},
    }
