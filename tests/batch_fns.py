"""Deterministic per-document functions for the batch tests (importable by spawned workers)."""

from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path

from geokit.batch.inputs import InputDoc

_CAP = re.compile(r"\b[A-Z][a-z]{2,}\b")


def fake_parse(doc: InputDoc) -> dict:
    """Capitalised words as 'toponyms' with coordinates derived from the word: same input, same output."""
    if "EXPLODE" in doc.text:
        raise ValueError("this document makes the parser fail")
    tops = []
    for m in _CAP.finditer(doc.text):
        d = hashlib.sha1(m.group().encode()).digest()
        tops.append({"start": m.start(), "end": m.end(), "text": m.group(), "kind": "literal",
                     "geonameid": int.from_bytes(d[:3], "big"), "id": f"fake:{m.group().lower()}",
                     "name": m.group(), "lat": 30 + d[3] / 25.5, "lon": 30 + d[4] / 25.5,
                     "feature_code": "PPL", "country_code": "XX", "admin1": "", "score": 0.5})
    return {"toponyms": tops, "published": doc.published.isoformat() if doc.published else None}


def kill_once(marker_dir: str, victim: str, doc: InputDoc) -> dict:
    """Kills its worker process the first time it sees ``victim`` (a marker file remembers)."""
    marker = Path(marker_dir) / f"killed-{victim}"
    if doc.id == victim and not marker.exists():
        marker.write_text("x")
        os._exit(17)
    return fake_parse(doc)


def kill_always(victim: str, doc: InputDoc) -> dict:
    """Kills its worker process every time it sees ``victim``."""
    if doc.id == victim:
        os._exit(17)
    return fake_parse(doc)


def slow_parse(delay: float, doc: InputDoc) -> dict:
    time.sleep(delay)
    return fake_parse(doc)


def fake_events(doc: InputDoc) -> dict:
    """Records from the fake toponyms: an event at the first, a movement from the second to the third."""
    tops = [t for t in fake_parse(doc)["toponyms"] if t["lat"] is not None]
    date = doc.published.isoformat() if doc.published else None
    src = [{"doc": doc.id, "start": 0, "end": 5, "text": doc.text[:5], "counts": {}}]

    def ref(t):
        return {"name": t["name"], "geonameid": t["geonameid"], "lat": t["lat"], "lon": t["lon"],
                "geo_precision": 1}

    recs = []
    if tops:
        recs.append({"kind": "event", "id": f"{doc.id}-e", "type": "clash", "date": date,
                     "place": ref(tops[0]),
                     "origin": None, "destination": None, "counts": {"killed": 3}, "sources": src})
    if len(tops) >= 3:
        recs.append({"kind": "movement", "id": f"{doc.id}-m", "type": "displacement", "date": date,
                     "place": None,
                     "origin": ref(tops[1]), "destination": ref(tops[2]), "counts": {"people": [10, 20]},
                     "sources": src})
    return {"records": recs}


def hang_on(victim: str, doc: InputDoc) -> dict:
    """Runs for ten minutes on ``victim`` (interruptible Python code), like a pathological document."""
    if doc.id == victim:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            sum(range(1000))
    return fake_parse(doc)


def hang_blocked_on(victim: str, doc: InputDoc) -> dict:
    """Hangs on ``victim`` with every signal blocked, like a stuck C extension: only a kill stops it."""
    import signal

    if doc.id == victim:
        signal.pthread_sigmask(signal.SIG_BLOCK, set(signal.Signals))
        time.sleep(600)
    return fake_parse(doc)


def hog_on(victim: str, doc: InputDoc) -> dict:
    """Allocates far beyond any budget on ``victim`` (2 GB in 64 MB steps)."""
    if doc.id == victim:
        hoard = []
        for _ in range(32):
            hoard.append(bytearray(64 * 1024 * 1024))
    return fake_parse(doc)


def fake_parse_v2(doc: InputDoc) -> dict:
    """A second version of ``fake_parse`` (names upper-cased), so a test can tell two runs' results apart."""
    out = fake_parse(doc)
    out["toponyms"] = [dict(t, name=t["name"].upper()) for t in out["toponyms"]]
    return out


def interrupt_on(victim: str, doc: InputDoc) -> dict:
    """``fake_parse_v2`` until ``victim``, where the run is interrupted (as by Ctrl-C)."""
    if doc.id == victim:
        raise KeyboardInterrupt
    return fake_parse_v2(doc)
