"""Batch throughput and memory: documents/second at 1 and 2 workers, peak RSS at two collection sizes.

The collection is the TR-News and GeoVirus articles replicated (each copy made distinct, so
every document has its own id and content hash) when ``../shared`` sits beside the checkout,
else generated news-like reports. Each configuration runs ``geokit.batch.run`` in a fresh
process; RSS of that process and of each worker is sampled every 0.2 s from /proc (Linux).
Memory that does not grow with the collection shows as equal peaks at 5,000 and 20,000 documents.
CPU seconds are reported beside wall-clock rates: on a shared machine (see ``load_average_before``)
the wall-clock speed-up understates what the workers would do on idle cores.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FULL_SIZES = (5_000, 20_000)
QUICK_SIZES = (300, 1_200)

_CHILD = r"""
import json, os, resource, sys, threading, time
from geokit.batch import run as batch
from geokit.gazetteer.store import default_path, open_store

def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0

def descendants(pid):
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = []
        try:
            for tid in os.listdir(f"/proc/{p}/task"):  # children of every thread (Dask spawns from its loop)
                with open(f"/proc/{p}/task/{tid}/children") as fh:
                    kids += [int(x) for x in fh.read().split()]
        except OSError:
            pass
        out += kids
        todo += kids
    return out

feed, out, workers, scheduler = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] or None
if __name__ == "__main__":
    before = default_path().stat().st_mtime if default_path().exists() else None
    open_store()  # a built store is a precondition, not part of the run
    store_mtime = default_path().stat().st_mtime
    if store_mtime != before:  # its sources changed since the bench built it: this RSS is not the run's
        print(json.dumps({"rebuilt": True}))
        sys.exit(0)
    peaks = {"parent": 0.0, "worker": 0.0}
    done = threading.Event()

    def sample():  # RSS of this process and of each worker process, every 0.2 s
        me = os.getpid()
        while not done.is_set():
            peaks["parent"] = max(peaks["parent"], rss_mb(me))
            for kid in descendants(me):
                peaks["worker"] = max(peaks["worker"], rss_mb(kid))
            done.wait(0.2)

    threading.Thread(target=sample, daemon=True).start()
    u0 = resource.getrusage(resource.RUSAGE_SELF)
    s = batch.run(feed, out=out, workers=workers, scheduler=scheduler, progress=False, resume=False)
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    done.set()
    print(json.dumps({
        "docs": s.processed, "failed": s.errors, "seconds": round(s.seconds, 2),
        "docs_per_second": round(s.docs_per_second, 1), "runner": s.runner,
        "parent_peak_rss_mb": round(peaks["parent"], 1),
        "worker_peak_rss_mb": round(peaks["worker"], 1),
        "parent_cpu_seconds": round(me.ru_utime + me.ru_stime - u0.ru_utime - u0.ru_stime, 2),
        "worker_cpu_seconds": round(kids.ru_utime + kids.ru_stime, 2),
        "store_rebuilt_during_run": default_path().stat().st_mtime != store_mtime,
    }))
"""


def _texts(quick: bool) -> tuple[list[str], str]:
    from geokit.bench.parser import _shared_texts, generated_texts

    texts = _shared_texts(None)
    if texts:
        return texts, "shared:TR-News+GeoVirus replicated"
    return generated_texts(400), "generated"


def write_collection(path: Path, n: int, texts: list[str]) -> None:
    """``n`` JSONL documents cycling through ``texts``, each copy marked so its hash is its own."""
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = f"{texts[i % len(texts)]}\n\n(Copy {i // len(texts)} of article {i % len(texts)}.)"
            fh.write(json.dumps({"id": f"doc{i:06d}", "text": text, "published": "2012-06-24"}) + "\n")


def _measure(feed: Path, out: Path, workers: int, scheduler: str = "", retries: int = 2) -> dict:
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(feed), str(out), str(workers), scheduler],
                          capture_output=True, text=True, env=dict(os.environ))
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    if res.get("rebuilt"):  # the store was rebuilt in that process; measure again in a fresh one
        if retries <= 0:
            return {"error": "the gazetteer store kept being rebuilt (its sources are changing)"}
        return _measure(feed, out, workers, scheduler, retries - 1)
    # CPU cost per document, and the rate that cost allows on idle cores (the machine may be shared)
    work = res["worker_cpu_seconds"] if workers > 1 or scheduler else res["parent_cpu_seconds"]
    if res["docs"] and work > 0:
        res["cpu_ms_per_doc"] = round(1000 * work / res["docs"], 2)
        res["parent_cpu_ms_per_doc"] = round(1000 * res["parent_cpu_seconds"] / res["docs"], 2)
        lanes = min(max(workers, 1), os.cpu_count() or 1)
        res["cpu_bound_docs_per_second"] = round(lanes * res["docs"] / work, 1)
    return res


def run(quick: bool = False, dask: bool | None = None) -> dict:
    """Docs/s at 1 and 2 workers on the larger collection; peak memory on both sizes (2 workers).

    ``dask``: also time a 2-worker LocalCluster on the smaller collection (default: when installed).
    """
    from geokit.gazetteer.store import open_store

    open_store()  # build once here, before any timed run
    small, large = QUICK_SIZES if quick else FULL_SIZES
    texts, source = _texts(quick)
    if dask is None:
        try:
            import distributed  # noqa: F401

            dask = True
        except ImportError:
            dask = False
    load_before = round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None
    tmp = Path(tempfile.mkdtemp(prefix="geokit-bench-batch-"))
    t0 = time.perf_counter()
    try:
        feeds = {}
        for n in (small, large):
            feeds[n] = tmp / f"docs{n}.jsonl"
            write_collection(feeds[n], n, texts)
        runs = {
            f"1 worker, {large} docs": _measure(feeds[large], tmp / "w1.jsonl", 1),
            f"2 workers, {large} docs": _measure(feeds[large], tmp / "w2.jsonl", 2),
            f"2 workers, {small} docs": _measure(feeds[small], tmp / "w2s.jsonl", 2),
        }
        if dask:
            runs[f"dask LocalCluster 2 workers, {small} docs"] = _measure(
                feeds[small], tmp / "dask.jsonl", 2, "local")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    one, two = runs[f"1 worker, {large} docs"], runs[f"2 workers, {large} docs"]
    two_small = runs[f"2 workers, {small} docs"]
    result = {
        "source": source,
        "cpus": os.cpu_count(),
        "load_average_before": load_before,
        "collection_sizes": [small, large],
        "runs": runs,
        "total_seconds": round(time.perf_counter() - t0, 1),
    }
    if "docs_per_second" in one and "docs_per_second" in two:
        result["docs_per_second_1_worker"] = one["docs_per_second"]
        result["docs_per_second_2_workers"] = two["docs_per_second"]
        result["speedup_2_workers"] = round(two["docs_per_second"] / one["docs_per_second"], 2)
    if "cpu_bound_docs_per_second" in one and "cpu_bound_docs_per_second" in two:
        result["cpu_bound_speedup_2_workers"] = round(
            two["cpu_bound_docs_per_second"] / one["cpu_bound_docs_per_second"], 2)
    if "parent_peak_rss_mb" in two and "parent_peak_rss_mb" in two_small:
        result["parent_peak_rss_mb_small_vs_large"] = [two_small["parent_peak_rss_mb"],
                                                       two["parent_peak_rss_mb"]]
        result["worker_peak_rss_mb_small_vs_large"] = [two_small["worker_peak_rss_mb"],
                                                       two["worker_peak_rss_mb"]]
    return result


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
