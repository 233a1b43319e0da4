"""Issue 11 (findings 4, 5): bounded work per document in batch runs, and no orphan processes.

A document that runs past its time budget or grows past its memory budget becomes one error row
and the documents that shared its chunk are still written; Ctrl-C, SIGTERM or a kill -9 of the
main process leaves no worker (and no resource tracker) behind. Before the fix ``run`` had no
budget, the main process waited for a stuck worker, and killed runs left their workers running.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from batch_fns import hang_blocked_on, hang_on, hog_on

from geokit.batch import pool
from geokit.batch import run as batch
from geokit.batch.sinks import read_jsonl

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="process checks read /proc")

TESTS = Path(__file__).resolve().parent


def feed(tmp_path: Path, n: int = 8) -> Path:
    rows = [{"id": f"d{i}", "text": f"Report {i}: families left Kilis for Antakya."} for i in range(n)]
    p = tmp_path / "docs.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return p


def errors(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOKIT_HOME", str(tmp_path / "home"))


@pytest.mark.parametrize("workers", [1, 2])
def test_document_over_its_time_budget_is_an_error_row(tmp_path, workers):
    out, errs = tmp_path / "out.jsonl", tmp_path / "errs.jsonl"
    s = batch.run(feed(tmp_path), out=out, fn=functools.partial(hang_on, "d2"), workers=workers, chunksize=8,
                  errors_path=errs, progress=False, time_budget=1.0)
    assert {r["id"] for r in read_jsonl(out)} == {f"d{i}" for i in range(8)} - {"d2"}
    [err] = errors(errs)
    assert err["id"] == "d2" and "time budget" in err["reason"]
    assert s.failed == 1 and s.processed == 7


def test_stuck_worker_is_stopped_and_its_chunk_mates_retried(tmp_path, monkeypatch):
    monkeypatch.setattr(pool, "HARD_GRACE", 2.0)
    out, errs = tmp_path / "out.jsonl", tmp_path / "errs.jsonl"
    s = batch.run(feed(tmp_path), out=out, fn=functools.partial(hang_blocked_on, "d5"), workers=2,
                  chunksize=4,
                  errors_path=errs, progress=False, time_budget=1.0)
    assert {r["id"] for r in read_jsonl(out)} == {f"d{i}" for i in range(8)} - {"d5"}
    [err] = errors(errs)
    assert err["id"] == "d5" and "time budget" in err["reason"]
    assert s.failed == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_document_over_its_memory_budget_is_an_error_row(tmp_path, workers):
    out, errs = tmp_path / "out.jsonl", tmp_path / "errs.jsonl"
    s = batch.run(feed(tmp_path), out=out, fn=functools.partial(hog_on, "d3"), workers=workers, chunksize=8,
                  errors_path=errs, progress=False, memory_budget=256)
    assert {r["id"] for r in read_jsonl(out)} == {f"d{i}" for i in range(8)} - {"d3"}
    [err] = errors(errs)
    assert err["id"] == "d3" and "memory" in err["reason"].lower()
    assert s.failed == 1


def test_budget_options_on_the_command_line(tmp_path):
    from geokit.cli import build_parser

    args = build_parser().parse_args(["batch", "parse", "x.jsonl", "-o", "o.jsonl", "--time-budget", "30",
                                      "--memory-budget", "900"])
    assert (args.time_budget, args.memory_budget) == (30.0, 900)


# ------------------------------------------------------------------ orphans


def _children(pid: int) -> set[int]:
    """Every live descendant of ``pid`` (from /proc)."""
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = Path(f"/proc/{d}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            kids.setdefault(ppid, []).append(int(d))
    out, todo = set(), [pid]
    while todo:
        for k in kids.get(todo.pop(), []):
            out.add(k)
            todo.append(k)
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _start_run(tmp_path: Path, victim: str = "d1") -> tuple[subprocess.Popen, set[int]]:
    script = textwrap.dedent(f"""
        import faulthandler, functools, inspect, signal, sys
        faulthandler.register(signal.SIGUSR1, all_threads=True)  # the test asks for stacks if it hangs
        # Ctrl-C as in a terminal: a test run started in the background (nohup, '&') ignores SIGINT, and
        # a child inherits that, so without this the run is deaf to the SIGINT case by inheritance
        signal.signal(signal.SIGINT, signal.default_int_handler)
        sys.path.insert(0, {str(TESTS)!r})
        from batch_fns import hang_on
        from geokit.batch import run as batch
        if __name__ == "__main__":
            # no time budget: the hanging document keeps its worker busy until someone stops it
            kw = {{"time_budget": 0}} if "time_budget" in inspect.signature(batch.run).parameters else {{}}
            batch.run({str(feed(tmp_path))!r}, out={str(tmp_path / 'out.jsonl')!r},
                      fn=functools.partial(hang_on, {victim!r}), workers=2, chunksize=1, progress=False, **kw)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
    deadline = time.time() + 90
    kids: set[int] = set()
    while time.time() < deadline:
        kids = _children(proc.pid)
        out = tmp_path / "out.jsonl"
        if len(kids) >= 3 and out.exists() and out.read_text("utf-8").count("\n") >= 2:
            break  # two workers and the resource tracker, and the run is under way
        time.sleep(0.1)
    else:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the batch run did not start its workers")
    return proc, kids


def _gone_within(pids: set[int], seconds: float) -> set[int]:
    deadline = time.time() + seconds
    while time.time() < deadline:
        alive = {p for p in pids if _alive(p)}
        if not alive:
            return set()
        time.sleep(0.1)
    return {p for p in pids if _alive(p)}


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_no_orphans_when_the_main_process_is_stopped(tmp_path, how):
    proc, kids = _start_run(tmp_path)
    try:
        os.kill(proc.pid, how)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGUSR1)  # every thread's stack to stderr, for the report
            time.sleep(1.0)
            masks = [ln for ln in Path(f"/proc/{proc.pid}/status").read_text().splitlines()
                     if ln.startswith(("SigBlk", "SigIgn", "SigCgt", "SigPnd", "ShdPnd"))]
            mine = [ln for ln in Path("/proc/thread-self/status").read_text().splitlines()
                    if ln.startswith(("SigBlk", "SigIgn"))]
            pytest.fail(f"the run did not stop after {how.name}: its signals {masks}; the test's {mine}")
        left = _gone_within(kids, 6.0)
        assert not left, f"{len(left)} child process(es) still running after {how.name} of the main process"
        if how != signal.SIGKILL:
            assert proc.returncode != 0
    finally:
        for p in kids | {proc.pid}:
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass


# ------------------------------------------------------------------ budgets off the main thread (Dask)


def _in_thread(target) -> list[BaseException]:
    escaped: list[BaseException] = []

    def run() -> None:
        try:
            target()
        except BaseException as exc:  # anything leaving run_chunk is a bug
            escaped.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(timeout=120)
    assert not t.is_alive(), "the document was never stopped"
    return escaped


def test_time_budget_stops_a_document_on_a_worker_thread():
    from geokit.batch.inputs import InputDoc
    from geokit.batch.tasks import Budget, run_chunk

    docs = [InputDoc("a", "Families left Kilis."), InputDoc("b", "Convoys reached Hatay.")]
    out: list = []
    fn = functools.partial(hang_on, "a")
    escaped = _in_thread(lambda: out.extend(run_chunk(fn, docs, Budget(0.5, None))))
    assert not escaped
    (ok_a, why_a), (ok_b, _) = out
    assert not ok_a and "time budget" in why_a and ok_b


def test_thread_timer_never_fires_after_its_document():
    """Documents that end about when their budget does: the timer's exception lands inside the document
    or not at all, never in the code that runs after it."""
    from geokit.batch.inputs import InputDoc
    from geokit.batch.tasks import Budget, run_chunk

    def about_a_millisecond(doc):
        end = time.perf_counter() + 0.001
        while time.perf_counter() < end:
            pass
        return {"toponyms": []}

    out: list = []

    def many() -> None:
        for _ in range(300):
            out.extend(run_chunk(about_a_millisecond, [InputDoc("x", "x")], Budget(0.001, None)))
        end = time.perf_counter() + 0.3  # a late exception would surface here
        while time.perf_counter() < end:
            sum(range(100))

    assert _in_thread(many) == []
    assert len(out) == 300 and all(ok or "time budget" in why for ok, why in out)


def test_a_document_stopped_on_a_thread_leaves_the_interpreter_as_it_was():
    """After a timed-out document, code run under a profiler still finishes (the timer once withdrew its
    exception with PyThreadState_SetAsyncExc(id, NULL), which left CPython 3.11's eval breaker set for good:
    every later profiled or traced call in the process spun forever)."""
    script = textwrap.dedent(f"""
        import faulthandler, functools, sys, threading
        sys.path.insert(0, {str(TESTS)!r})
        from batch_fns import hang_on
        from geokit.batch.inputs import InputDoc
        from geokit.batch.tasks import Budget, run_chunk
        out = []
        docs = [InputDoc("a", "Families left Kilis."), InputDoc("b", "Convoys reached Hatay.")]
        t = threading.Thread(target=lambda: out.extend(run_chunk(functools.partial(hang_on, "a"), docs,
                                                                 Budget(0.3, None))))
        t.start()
        t.join()
        assert [ok for ok, _ in out] == [False, True], out
        calls = 0
        def count(frame, event, arg):
            global calls
            calls += 1
        faulthandler.dump_traceback_later(30, exit=True)
        sys.setprofile(count)
        total = sum(len(str(i)) for i in range(1000))
        sys.setprofile(None)
        print("profiled", total, calls > 1000)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=90)
    assert done.returncode == 0 and "profiled 2890 True" in done.stdout, done.stderr[-2000:]
