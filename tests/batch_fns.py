"""Deterministic per-document functions for the batch tests (importable by spawned workers)."""

from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path

from geokit.inputs import InputDoc

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
