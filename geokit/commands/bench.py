"""``geokit bench [NAMES...] [--quick] [--json]``: run the speed benchmarks and print their figures.

Every module ``geokit/bench/<name>.py`` with ``run(quick) -> dict`` is a benchmark (found with
pkgutil, so new ones need no registration). Each runs in a fresh Python process so that one
module's memory peak, warm caches or crash cannot colour another's figures; the figures are
printed with the facts of the machine they were measured on.
"""

from __future__ import annotations

import json
import os
import pkgutil
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from geokit.errors import GeokitError, UsageError

_CHILD = (
    "import importlib, json, sys\n"
    "mod = importlib.import_module('geokit.bench.' + sys.argv[1])\n"
    "res = mod.run(quick=sys.argv[2] == '1')\n"
    "open(sys.argv[3], 'w', encoding='utf-8').write(json.dumps(res, default=str))\n"
)


def register(sub) -> None:
    p = sub.add_parser("bench", help="measure speed and memory (resolver, parser, events, maps, batch...)")
    p.add_argument("names", nargs="*", metavar="NAME", help="benchmarks to run (default: all); see --list")
    p.add_argument("--quick", action="store_true", help="smaller inputs, skip the slowest parts")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    p.add_argument("--list", action="store_true", help="list the available benchmarks and exit")
    p.set_defaults(func=_run)


def available() -> list[str]:
    """Names of the benchmark modules in ``geokit.bench``."""
    import geokit.bench

    return sorted(m.name for m in pkgutil.iter_modules(geokit.bench.__path__) if not m.name.startswith("_"))


def machine() -> dict[str, Any]:
    """The facts a figure depends on: CPUs, their model, RAM, Python, OS."""
    facts: dict[str, Any] = {"cpus": os.cpu_count()}
    if hasattr(os, "sched_getaffinity"):
        facts["cpus_usable"] = len(os.sched_getaffinity(0))
    facts["cpu_model"] = (_proc_field("/proc/cpuinfo", "model name") or platform.processor()
                          or platform.machine())
    mem = _proc_field("/proc/meminfo", "MemTotal")
    if mem:
        facts["ram_gb"] = round(int(mem.split()[0]) / 1024 / 1024, 1)
    facts["python"] = platform.python_version()
    facts["platform"] = platform.platform(terse=True)
    from geokit import __version__

    facts["geokit"] = __version__
    return facts


def _proc_field(path: str, key: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                k, _, v = line.partition(":")
                if k.strip() == key:
                    return v.strip()
    except OSError:
        pass
    return ""


def run_one(name: str, quick: bool) -> dict[str, Any]:
    """Run one benchmark module in a fresh process; its stderr (progress) passes through."""
    with tempfile.TemporaryDirectory(prefix="geokit-bench-") as tmp:
        out = Path(tmp) / "result.json"
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", _CHILD, name, "1" if quick else "0", str(out)],
                              stdout=subprocess.DEVNULL, check=False)
        secs = time.perf_counter() - t0
        if proc.returncode != 0 or not out.exists():
            raise GeokitError(f"benchmark {name!r} failed (exit {proc.returncode}); its error is above")
        result = json.loads(out.read_text(encoding="utf-8"))
    if not isinstance(result, dict):
        raise GeokitError(f"benchmark {name!r} returned {type(result).__name__}, not a dict")
    result.setdefault("bench_wall_seconds", round(secs, 1))
    return result


def flatten(d: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Nested figures as (dotted.key, value) rows; lists of scalars stay one row."""
    rows: list[tuple[str, Any]] = []
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            rows += flatten(v, key + ".")
        elif isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            for i, x in enumerate(v):
                rows += flatten(x, f"{key}[{i}].")
        else:
            rows.append((key, v))
    return rows


def _fmt(v: Any) -> str:
    if isinstance(v, bool):
        return "yes" if v else "NO"
    if isinstance(v, float):
        return f"{v:,.3f}".rstrip("0").rstrip(".") if abs(v) < 100 else f"{v:,.0f}"
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, list | tuple):
        return json.dumps(v, default=str)
    return str(v)


def table(results: dict[str, dict], errors: dict[str, str], facts: dict[str, Any]) -> str:
    lines = ["machine: " + ", ".join(f"{k}={v}" for k, v in facts.items()), ""]
    for name, res in results.items():
        goals = res.get("goals") or {}
        met = res.get("goals_met") or {}
        lines.append(f"== {name}")
        rows = flatten({k: v for k, v in res.items() if k not in ("goals", "goals_met")})
        width = min(max((len(k) for k, _ in rows), default=10), 72)
        for key, val in rows:
            goal = ""
            if key in goals:
                goal = f"   goal {goals[key]}: {'met' if met.get(key) else 'NOT met'}"
            lines.append(f"  {key:{width}s}  {_fmt(val):>14s}{goal}")
        lines.append("")
    for name, err in errors.items():
        lines.append(f"== {name}: FAILED: {err}")
    return "\n".join(lines).rstrip() + "\n"


def _run(args) -> int:
    names = available()
    if args.list:
        print("\n".join(names))
        return 0
    wanted = args.names or names
    unknown = [n for n in wanted if n not in names]
    if unknown:
        raise UsageError(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(names)}")
    results: dict[str, dict] = {}
    errors: dict[str, str] = {}
    for name in wanted:
        print(f"geokit bench: running {name}{' (quick)' if args.quick else ''}...", file=sys.stderr,
              flush=True)
        try:
            results[name] = run_one(name, args.quick)
        except Exception as exc:  # one failing benchmark never hides the others' figures
            errors[name] = str(exc)
            print(f"geokit bench: {name}: {exc}", file=sys.stderr)
    facts = machine()
    if args.json:
        print(json.dumps({"machine": facts, "quick": args.quick, "results": results, "errors": errors},
                         indent=1, default=str))
    else:
        sys.stdout.write(table(results, errors, facts))
    return 1 if errors else 0
