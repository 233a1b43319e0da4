"""``geokit bench``: discovery, the figures table with goals, machine facts, and the resolver benchmark's
shape.

Speed goals are not asserted here (they are measured by ``geokit bench``); these tests check
that the figures exist and make sense.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

from geokit.bench.resolver import rss_mb, sample_names, typo
from geokit.commands.bench import available, flatten, machine, table


def test_benchmarks_are_discovered():
    names = available()
    assert "resolver" in names and "parser" in names
    assert all(not n.startswith("_") for n in names)


def test_flatten_nested_figures():
    rows = dict(flatten({"a": 1, "b": {"c": 2.5, "d": [1, 2]}, "runs": [{"n": 100}, {"n": 1000}]}))
    assert rows == {"a": 1, "b.c": 2.5, "b.d": [1, 2], "runs[0].n": 100, "runs[1].n": 1000}


def test_table_shows_goals_and_failures():
    res = {"x": {"lookups_per_second": 12345, "goals": {"lookups_per_second": ">= 50000"},
                 "goals_met": {"lookups_per_second": False}}}
    text = table(res, {"y": "benchmark 'y' failed"}, {"cpus": 2})
    assert "machine: cpus=2" in text
    line = next(ln for ln in text.splitlines() if "lookups_per_second" in ln)
    assert "12,345" in line and "NOT met" in line
    assert "== y: FAILED" in text


def test_machine_facts():
    facts = machine()
    assert facts["cpus"] >= 1 and facts["python"].count(".") == 2
    assert facts["cpu_model"]


def test_typo_changes_one_letter_not_the_first():
    rnd = random.Random(1)
    for name in ["Gaziantep", "Reyhanli", "Mafraq"]:
        changed = 0
        for _ in range(20):
            t = typo(name, rnd)
            changed += t != name  # a swap of two equal letters would change nothing
            assert t[0] == name[0] and abs(len(t) - len(name)) <= 1
        assert changed >= 18


def test_sample_names_are_varied_and_from_the_store(store):
    pairs = sample_names(store, 200, seed=3)
    assert len(pairs) == 200 and len({n for n, _ in pairs}) == 200
    assert all(store.place(pid).name == name for name, pid in pairs[:20])
    latin = sample_names(store, 50, seed=4, latin_only=True)
    assert all(n.isascii() and len(n) >= 6 for n, _ in latin)


def test_rss_is_read_from_proc():
    cur, peak = rss_mb()
    if os.path.exists("/proc/self/status"):
        assert 0 < cur <= peak


def test_cli_unknown_benchmark_is_one_clear_line():
    proc = subprocess.run([sys.executable, "-m", "geokit.cli", "bench", "no-such-bench"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 1
    assert "unknown benchmark" in proc.stderr and "resolver" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_cli_resolver_quick_json(store):
    proc = subprocess.run([sys.executable, "-m", "geokit.cli", "bench", "resolver", "--quick", "--json"],
                          capture_output=True, text=True, timeout=300, env=dict(os.environ))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["machine"]["cpus"] >= 1 and out["quick"] is True
    r = out["results"]["resolver"]
    assert r["exact_lookups_per_second"] > 0 and r["fuzzy_lookups_per_second"] > 0
    assert r["cold_start_seconds"] > 0 and r["rss_mb_fresh_process"] > 0
    assert 0.5 <= r["exact_top1_is_drawn_place"] <= 1  # names drawn from the store mostly find themselves
    assert "build_seconds" not in r  # --quick skips the build
    assert set(r["goals_met"]) <= set(r)
