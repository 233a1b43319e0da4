"""The demo corpus: short sample reports written for geokit, shipped as package data.

They let the main job, the notebooks and the tests run anywhere, offline, without the
real articles (which the project may not redistribute). See README.md in this folder.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path

from geokit.errors import InputError

FIELDS = ("id", "text", "published", "title")


def demo_path() -> Path:
    """Path of the shipped JSONL file (one report a line), e.g. for ``geokit events``."""
    return Path(str(resources.files(__name__).joinpath("reports.jsonl")))


def load_demo() -> list[dict]:
    """The demo reports as ``{"id", "text", "published", "title"}`` dicts, in file order.

    ``published`` is an ISO date string; ``text`` starts with the headline, as a report
    pasted from a web page would. Raises ValueError naming the line if the file is damaged.
    """
    reports: list[dict] = []
    seen: set[str] = set()
    with demo_path().open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"demo reports.jsonl line {n}: not JSON ({e})") from e
            missing = [k for k in FIELDS if not isinstance(obj.get(k), str) or not obj[k]]
            if missing:
                raise InputError(f"demo reports.jsonl line {n}: missing or empty {missing}")
            try:
                dt.date.fromisoformat(obj["published"])
            except ValueError as e:
                raise InputError(f"demo reports.jsonl line {n}: published is not an ISO date") from e
            if obj["id"] in seen:
                raise InputError(f"demo reports.jsonl line {n}: duplicate id {obj['id']!r}")
            seen.add(obj["id"])
            reports.append({k: obj[k] for k in FIELDS})
    return reports
