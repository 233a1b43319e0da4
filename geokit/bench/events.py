"""Event extraction and linking speed: reports per second on one core, and linking at 100, 1,000, 10,000
reports.

Reports are generated from our own templates (several reports retell each underlying event
with different wording and figures, so linking has work to do), with their toponyms placed
by the generator: the figures measure extraction + linking, not geoparsing (see
``bench/parser.py`` for that). Linking time per report should stay flat as the collection
grows (blocking by week and country, not all pairs).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from typing import Any

from geokit.model import Candidate, Document, Toponym

_PLACES = {
    # name: (kind, country, lat, lon, geonameid, feature code)
    "Kilis": ("city", "TR", 36.716, 37.115, 307864, "PPL"),
    "Reyhanli": ("town", "TR", 36.268, 36.567, 302355, "PPL"),
    "Gaziantep": ("city", "TR", 37.059, 37.383, 314830, "PPL"),
    "Akcakale": ("town", "TR", 36.711, 38.948, 324944, "PPL"),
    "Mafraq": ("town", "JO", 32.343, 36.208, 250582, "PPL"),
    "Ramtha": ("city", "JO", 32.559, 36.008, 250336, "PPL"),
    "Irbid": ("city", "JO", 32.556, 35.85, 248946, "PPL"),
    "Arsal": ("town", "LB", 34.179, 36.421, 273675, "PPL"),
    "Baalbek": ("town", "LB", 34.006, 36.218, 277130, "PPL"),
    "Erbil": ("city", "IQ", 36.191, 44.009, 95446, "PPL"),
    "Homs": ("city", "SY", 34.724, 36.726, 169577, "PPL"),
    "Idlib": ("city", "SY", 35.931, 36.634, 169389, "PPL"),
    "Daraa": ("town", "SY", 32.619, 36.102, 170905, "PPL"),
    "Aleppo": ("city", "SY", 36.201, 37.161, 170063, "PPL"),
    "Geneva": ("city", "CH", 46.202, 6.146, 2660646, "PPL"),
    "Cairo": ("city", "EG", 30.063, 31.25, 360630, "PPLC"),
    "Turkey": ("country", "TR", 39.0, 35.0, 298795, "PCLI"),
    "Jordan": ("country", "JO", 31.0, 36.0, 248816, "PCLI"),
    "Lebanon": ("country", "LB", 33.83, 35.83, 272103, "PCLI"),
    "Iraq": ("country", "IQ", 33.0, 44.0, 99237, "PCLI"),
    "Syria": ("country", "SY", 35.0, 38.0, 163843, "PCLI"),
}
_BORDER = {"TR": ["Kilis", "Reyhanli", "Gaziantep", "Akcakale"], "JO": ["Mafraq", "Ramtha", "Irbid"],
           "LB": ["Arsal", "Baalbek"], "IQ": ["Erbil"]}
_COUNTRY = {"TR": "Turkey", "JO": "Jordan", "LB": "Lebanon", "IQ": "Iraq"}
_SYRIAN = ["Homs", "Idlib", "Daraa", "Aleppo"]
_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_TEMPLATES = {
    "defection": [
        "{n} Syrian soldiers, including a colonel, fled into {C} near {T} on {day}, officials said.",
                  "Officials said {n} Syrian troops had defected to {C} on {day} and reached {T}.",
                  "A group of {n} Syrian soldiers crossed into {C} near {T} on {day}."],
    "camp_placement": ["The soldiers were later taken to a camp near {T}, the governor said."],
    "border_crossing": ["About {n} Syrians crossed into {C} near {T} since {day}, aid workers said.",
                        "{n} refugees from {S} arrived in {T} on {day}."],
    "military_operation": ["Government forces shelled {S} on {day}, killing {w} people, activists said.",
                           "Syrian shells struck the outskirts of {T} on {day}, wounding {w} people."],
    "meeting": ["Envoys held talks in {M} on {day} about a transition plan."],
    "military_deployment": ["The army deployed extra troops to {T} on {day}, the ministry said."],
    "protest": ["Hundreds of demonstrators rallied in {T} on {day} against the bombardment of {S}."],
    "visit": ["The UN refugee chief visited {T} on {day} and toured a camp."],
    "fact": ["{C} now hosts more than {k},000 Syrian refugees, the government said."],
}


def _cand(name: str) -> Candidate:
    kind, cc, lat, lon, gid, code = _PLACES[name]
    return Candidate(id=f"gn:{gid}", geonameid=gid, name=name, lat=lat, lon=lon, feature_class="",
                     feature_code=code,
                     country_code=cc, admin1="", population=0, kind=kind, source="bench", score=0.9)


def synthetic_reports(n: int, seed: int = 11) -> list[Document]:
    """``n`` parsed reports over two years; about three reports retell each underlying event."""
    rnd = random.Random(seed)
    start = dt.date(2012, 1, 2)
    events = []
    for i in range(max(1, n // 2)):
        cc = rnd.choice(list(_BORDER))
        events.append({"type": rnd.choice(list(_TEMPLATES)),
                       "date": start + dt.timedelta(days=rnd.randrange(730)),
                       "cc": cc, "T": rnd.choice(_BORDER[cc]), "S": rnd.choice(_SYRIAN),
                       "M": rnd.choice(["Geneva", "Cairo"]), "n": rnd.randint(12, 400),
                       "w": rnd.choice(_WORDS),
                       "k": rnd.randint(10, 300), "id": i})
    docs = []
    for r in range(n):
        picks = rnd.sample(events, k=min(len(events), rnd.randint(2, 4)))
        pub = max(e["date"] for e in picks) + dt.timedelta(days=rnd.randint(0, 1))
        sents = []
        for e in picks:
            if (pub - e["date"]).days > 6:
                continue
            day = _DAYS[e["date"].weekday()]
            n_fig = e["n"] + rnd.choice([0, 0, 1, -1])  # reports disagree a little
            for t in ([e["type"], "camp_placement"] if e["type"] == "defection" and rnd.random() < 0.5
                      else [e["type"]]):
                sents.append(rnd.choice(_TEMPLATES[t]).format(
                    n=n_fig, C=_COUNTRY[e["cc"]], T=e["T"], S=e["S"], M=e["M"], day=day, w=e["w"], k=e["k"]))
        docs.append(_document(" ".join(sents), f"r{r}", pub))
    return docs


def _document(text: str, id: str, published: dt.date) -> Document:
    import re

    tops = []
    for name in _PLACES:
        for m in re.finditer(rf"\b{name}\b", text):
            tops.append(Toponym(m.start(), m.end(), name, "literal", _cand(name), 0.9))
    for m in re.finditer(r"\bSyrians?\b", text):
        tops.append(Toponym(m.start(), m.end(), m.group(), "demonym", _cand("Syria"), 0.9))
    tops.sort(key=lambda t: t.start)
    return Document(text, id=id, published=published, toponyms=tops)


def run(quick: bool = False) -> dict[str, Any]:
    """Figures: extraction+linking reports/s on one core, and linking seconds at 100 / 1,000 / 10,000
    reports."""
    from geokit.events.extract import extract, extract_document
    from geokit.events.linking import link_results

    sizes = [100, 1000] if quick else [100, 1000, 10000]
    docs = synthetic_reports(max(sizes))
    out: dict[str, Any] = {"source": "synthetic templates (toponyms placed, no parsing)",
                           "reports": len(docs)}
    extract(docs[:20])  # warm up imports and regexes
    t0 = time.perf_counter()
    results = [extract_document(d) for d in docs]
    t_extract = time.perf_counter() - t0
    out["extract_reports_per_s"] = round(len(docs) / t_extract, 1)
    for size in sizes:
        part = results[:size]
        t0 = time.perf_counter()
        events, movements, facts = link_results(part)
        t_link = time.perf_counter() - t0
        n_rec = sum(len(r.events) + len(r.movements) + len(r.facts) for r in part)
        out[f"link_s_{size}"] = round(t_link, 3)
        out[f"link_ms_per_report_{size}"] = round(1000 * t_link / size, 3)
        out[f"records_{size}"] = n_rec
        out[f"linked_records_{size}"] = len(events) + len(movements) + len(facts)
    size = max(sizes)
    total = t_extract + out[f"link_s_{size}"]
    out["extract_plus_link_reports_per_s"] = round(size / total, 1)
    out["goal_reports_per_s"] = 100
    out["linking_growth_10x"] = round(
        out[f"link_ms_per_report_{sizes[-1]}"] / max(1e-9, out["link_ms_per_report_100"]), 2)
    out.update(real_news(quick))
    out.update(real_news_with_parser(quick))
    return out


def _trnews_texts() -> list[str]:
    """TR-News article texts when the benchmark file is beside the checkout (``$EVENTS_BENCHMARKS`` or
    ``../shared/benchmarks``); evaluation data, never shipped."""
    import os
    import xml.etree.ElementTree as ET
    from pathlib import Path

    here = Path(__file__).resolve().parents[2]
    for d in (os.environ.get("EVENTS_BENCHMARKS"), here.parent / "shared" / "benchmarks"):
        if d and (Path(d) / "TR-News.xml").is_file():
            root = ET.parse(Path(d) / "TR-News.xml").getroot()
            return [a.findtext("text") or "" for a in root.iter("article")]
    return []


def real_news(quick: bool = False) -> dict[str, Any]:
    """Parsing + event extraction on real reports (TR-News texts): reports/s on one core and peak RSS.

    Goal (issue 15): >= 50 reports/s including parsing. Skipped (with a reason) when the texts are absent.
    """
    import resource

    from geokit.events.extract import extract

    texts = _trnews_texts()
    if not texts:
        return {"trnews": "skipped: TR-News.xml not found (set EVENTS_BENCHMARKS)"}
    from geokit.events.extract import extract_document
    from geokit.parsing.parser import parse

    texts = texts[:40] if quick else texts
    docs = [{"id": f"tr{i}", "text": t, "published": "2017-01-01"} for i, t in enumerate(texts)]
    extract(docs[:3], link=False)  # load the gazetteer store, regexes and rule files
    from geokit.events import syntax

    rates, cpu_rates = [], []
    for _ in range(2):  # first pass: cold name caches; second: the steady state of a long run
        syntax.clear_cache()  # parsed sentences are not reused across passes: the parse is measured
        t0, c0 = time.perf_counter(), time.process_time()
        extract(docs, link=False)
        rates.append(round(len(docs) / (time.perf_counter() - t0), 1))
        # per second of this process's CPU: what one core does, whatever else the machine runs
        cpu_rates.append(round(len(docs) / max(time.process_time() - c0, 1e-9), 1))
    parsed = [parse(d["text"]) for d in docs]
    syntax.clear_cache()
    t0 = time.perf_counter()
    for p in parsed:
        extract_document(p)
    only = round(len(docs) / (time.perf_counter() - t0), 1)
    return {"trnews_reports": len(docs), "trnews_parse_extract_reports_per_s_cold": rates[0],
            "trnews_parse_extract_reports_per_s": rates[1],
            "trnews_parse_extract_reports_per_cpu_s": cpu_rates[1], "trnews_extract_only_reports_per_s": only,
            "trnews_goal_reports_per_s": 50, "trnews_dependency_parse": syntax.available(),
            "trnews_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def real_news_with_parser(quick: bool = False) -> dict[str, Any]:
    """The same with the optional dependency parse on (``GEOKIT_EVENTS_PARSER=on``); skipped with a reason
    when spaCy or its pipeline is not installed (``pip install 'geokit[nlp]'``)."""
    import os

    from geokit.events import syntax

    before = os.environ.get(syntax.PARSER_ENV)
    os.environ[syntax.PARSER_ENV] = before if syntax.enabled() else "on"
    try:
        if not syntax.available():
            return {"trnews_nlp": "skipped: spaCy or its pipeline is not installed (geokit[nlp])"}
        return {f"trnews_nlp_{k.removeprefix('trnews_')}": v for k, v in real_news(quick).items()}
    finally:
        if before is None:
            os.environ.pop(syntax.PARSER_ENV, None)
        else:
            os.environ[syntax.PARSER_ENV] = before


if __name__ == "__main__":  # pragma: no cover
    import json
    import sys

    print(json.dumps(run(quick="--quick" in sys.argv), indent=1))
