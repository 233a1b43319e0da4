"""The CLI as a user meets it: in a terminal (a pseudo-terminal here) and in a pipe.

In a terminal every long command shows a progress bar with its total and ends with one summary
line; in a pipe there is no bar (no carriage returns in stderr) but the same summary. The tests
run the CLI in a child process so that ``isatty()`` is really true or false.
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

REPORT_A = ("Shelling hit Reyhanli on Monday. About 200 families fled towards Antakya, officials in Hatay "
            "said.\n")
REPORT_B = "Clashes near Idlib displaced 300 people to camps near the border town of Kilis, witnesses said.\n"


GEOKIT = [sys.executable, "-c", "import sys; from geokit.cli import main; sys.exit(main())"]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("GEOKIT_DEBUG", None)
    env.setdefault("GEOKIT_HOME", str(Path(__file__).resolve().parents[1] / ".cache" / "geokit"))
    env["COLUMNS"] = "100"
    return env


def run_tty(args: list[str], cwd: Path, *, stdout_tty: bool = True,
            timeout: float = 240) -> tuple[int, str, str]:
    """Run the CLI with stderr (and stdout unless ``stdout_tty=False``) on a pseudo-terminal.

    Returns (exit code, terminal output, piped stdout).
    """
    master, slave = pty.openpty()
    out_target = slave if stdout_tty else subprocess.PIPE
    proc = subprocess.Popen([*GEOKIT, *args], cwd=cwd, env=_env(),
                            stdin=subprocess.DEVNULL, stdout=out_target, stderr=slave)
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    piped = b""
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not data:
                    break
                chunks.append(data)
            elif proc.poll() is not None and not stdout_tty:
                # the child is gone; drain what is left on the terminal
                ready, _, _ = select.select([master], [], [], 0.2)
                if not ready:
                    break
        if not stdout_tty:
            piped = proc.stdout.read()
        rc = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return rc, b"".join(chunks).decode("utf-8", "replace"), piped.decode("utf-8", "replace")


def run_piped(args: list[str], cwd: Path, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([*GEOKIT, *args], cwd=cwd, env=_env(), capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.fixture()
def reports(tmp_path, store) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (folder / "b.txt").write_text(REPORT_B, encoding="utf-8")
    return folder


def test_parse_in_a_terminal_shows_a_bar_with_its_total_and_a_summary(reports, tmp_path):
    rc, term, _ = run_tty(["parse", str(reports / "a.txt"), str(reports / "b.txt")], tmp_path)
    assert rc == 0, term
    assert "error" not in term, term
    assert "Reyhanli" in term and "Idlib" in term  # the table goes to the terminal
    assert re.search(r"\b2/2\b", term), term  # a bar that knows its total
    assert re.search(r"geokit parse: 2 reports", term), term  # one summary line at the end


def test_parse_with_output_in_a_terminal_writes_the_file(reports, tmp_path):
    out = tmp_path / "toponyms.jsonl"
    rc, term, _ = run_tty(["parse", str(reports), "-o", str(out)], tmp_path)
    assert rc == 0, term
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert re.search(r"\b2/2\b", term), term


def test_parse_with_stdout_piped_and_stderr_on_a_terminal(reports, tmp_path):
    rc, term, piped = run_tty(["parse", str(reports)], tmp_path, stdout_tty=False)
    assert rc == 0, term
    # JSONL when stdout is not a terminal
    assert [json.loads(x)["id"] for x in piped.splitlines()] == ["a", "b"]
    assert re.search(r"\b2/2\b", term), term


def test_parse_piped_has_no_bar_but_the_same_summary(reports, tmp_path):
    proc = run_piped(["parse", str(reports)], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "\r" not in proc.stderr and "%|" not in proc.stderr
    assert re.search(r"geokit parse: 2 reports", proc.stderr), proc.stderr
    assert [json.loads(x)["id"] for x in proc.stdout.splitlines()] == ["a", "b"]


def test_parse_with_workers_streams_to_stdout_like_the_serial_command(reports, tmp_path):
    serial = run_piped(["parse", str(reports)], tmp_path)
    parallel = run_piped(["parse", "--workers", "2", str(reports)], tmp_path)
    assert parallel.returncode == 0, parallel.stderr
    rows = [json.loads(x) for x in parallel.stdout.splitlines()]
    assert rows == [json.loads(x) for x in serial.stdout.splitlines()]  # same rows, same order, same keys
    assert not list(tmp_path.glob("*.errors.jsonl"))


def test_rerun_onto_the_same_output_says_how_many_were_already_done(reports, tmp_path):
    out = tmp_path / "out.jsonl"
    first = run_piped(["parse", "--workers", "2", str(reports), "-o", str(out)], tmp_path)
    assert first.returncode == 0, first.stderr
    assert re.search(r"2 reports", first.stderr), first.stderr
    again = run_piped(["parse", "--workers", "2", str(reports), "-o", str(out)], tmp_path)
    assert again.returncode == 0, again.stderr
    assert re.search(r"2 already done", again.stderr), again.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_parse_workers_in_a_terminal_shows_a_bar_with_a_total(reports, tmp_path):
    out = tmp_path / "out.jsonl"
    rc, term, _ = run_tty(["parse", "--workers", "2", str(reports), "-o", str(out)], tmp_path)
    assert rc == 0, term
    assert re.search(r"\b2/2\b", term), term


def test_events_in_a_terminal_shows_a_bar_and_a_summary(reports, tmp_path):
    out = tmp_path / "events.jsonl"
    rc, term, _ = run_tty(["events", str(reports), "-o", str(out)], tmp_path)
    assert rc == 0, term
    assert re.search(r"\b2/2\b", term), term
    assert re.search(r"geokit events: 2 reports", term), term
    assert out.read_text(encoding="utf-8").strip()


def test_map_in_a_terminal_shows_a_bar_and_piped_does_not(reports, tmp_path):
    out = tmp_path / "m.html"
    rc, term, _ = run_tty(["map", str(reports), "-o", str(out), "--no-curated"], tmp_path)
    assert rc == 0, term
    assert re.search(r"\b2/2\b", term), term
    proc = run_piped(["map", str(reports), "-o", str(tmp_path / "n.html"), "--no-curated"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "\r" not in proc.stderr and "%|" not in proc.stderr
