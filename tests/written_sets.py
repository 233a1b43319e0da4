"""Shared pieces of the tests that score the reports written for the project (``data/events_written``):
the shared scorer, loaded for its ``score`` function, the even- or odd-id half of a gold file, and the
four rates ``check_events.py`` prints."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent


def load_scorer() -> ModuleType | None:
    """``../shared/tools/check_events.py`` beside the repository, or ``$CHECK_EVENTS``; None when absent."""
    for path in (os.environ.get("CHECK_EVENTS"), HERE.parent.parent / "shared" / "tools" / "check_events.py"):
        if path and Path(path).is_file():
            spec = importlib.util.spec_from_file_location("check_events", path)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            return mod
    return None


def half(gold: dict, parity: str) -> dict:
    """The even- or odd-id half, as ``tests/tools/split_gold.py`` writes it."""
    want = 0 if parity == "even" else 1
    docs = [d for d in gold["documents"] if int(d["id"]) % 2 == want]
    keep = {f"{d['corpus']}:{d['id']}" for d in docs}
    out = dict(gold, documents=docs)
    for key in ("events", "movements"):
        out[key] = [dict(i, reported_by=[r for r in i["reported_by"] if r in keep])
                    for i in gold[key] if any(r in keep for r in i["reported_by"])]
    return out


def rates(s: dict) -> tuple[float, float, float, float]:
    """(events recall, events precision, movements recall, movements precision) of a ``score`` result."""
    er = s["ev_found"] / s["n_ev"] if s["n_ev"] else 1.0
    ep = s["ev_right"] / s["n_pred_e"] if s["n_pred_e"] else 0.0
    mr = s["mv_found"] / s["n_mv"] if s["n_mv"] else 1.0
    mp = s["mv_right"] / s["n_pred_m"] if s["n_pred_m"] else 0.0
    return er, ep, mr, mp
