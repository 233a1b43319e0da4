"""Map size and speed: a seed-sized map, 10,000 events + 2,000 movements, 100,000 events (fast clusters).

Goals (issue 5): the seed map under 2 MB; 10k events + 2k movements written in under 10 s to
under 15 MB; 100k events under 40 MB. Records are synthetic (``geokit.maps.sample``) with the
shape of ``geokit.events.extract`` output (1-3 sources per record, each with its sentence). When
Chromium is installed, each file is also opened headless (network refused) and the wall time
until the page reports ``data-gk-ready`` is given - a rough figure, includes browser start-up.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path


def _open_seconds(path: Path, budget_ms: int) -> dict:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        return {"browser": "chromium not installed"}
    profile = tempfile.mkdtemp(prefix="gk-bench-chrome-")
    args = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={profile}", f"--virtual-time-budget={budget_ms}", "--window-size=1200,800",
            "--dump-dom", path.resolve().as_uri()]
    t0 = time.perf_counter()
    try:
        res = subprocess.run(args, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return {"browser_open_s": None, "browser_ready": False}
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    head = res.stdout[:3000]
    return {"browser_open_s": round(time.perf_counter() - t0, 2),
            "browser_ready": 'data-gk-ready="1"' in head and "data-gk-errors" not in head,
            "events_drawn": int(m.group(1)) if (m := re.search(r'data-gk-events="(\d+)"', head)) else None}


def _measure(tmp: Path, name: str, n_events: int, n_movements: int, n_facts: int, n_places: int,
             browser: bool, budget_ms: int) -> dict:
    from geokit.maps import build_map
    from geokit.maps.sample import synthetic_records

    data = synthetic_records(n_events=n_events, n_movements=n_movements, n_facts=n_facts, n_places=n_places,
                             seed=7)
    t0 = time.perf_counter()
    gm = build_map(**data, title=name)
    out = gm.save(tmp / f"{name}.html")
    seconds = time.perf_counter() - t0
    fig = {"events": n_events, "movements": n_movements, "build_and_save_s": round(seconds, 2),
           "html_mb": round(out.stat().st_size / 1e6, 2)}
    if browser:
        fig.update(_open_seconds(out, budget_ms))
    return fig


def run(quick: bool = False) -> dict:
    """Figures per map size; ``quick`` skips the 100k map and the browser."""
    tmp = Path(tempfile.mkdtemp(prefix="geokit-bench-maps-"))
    try:
        result = {
            "seed-sized (12 events, 3 movements)": _measure(tmp, "seed", 12, 3, 1, 20, not quick, 8000),
            "10k events + 2k movements": _measure(tmp, "10k", 10_000, 2_000, 20, 2_000, not quick, 20000),
        }
        if not quick:
            result["100k events (fast clusters)"] = _measure(tmp, "100k", 100_000, 0, 20, 3_000, True, 30000)
        result["goals"] = {"seed_mb": 3, "10k_s": 10, "10k_mb": 15, "100k_mb": 40}
        return result
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
