"""``bash scripts/lab.sh``: the README's JupyterLab command works as root (adds --allow-root) and as a
user."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "lab.sh"


def _fake(folder: Path, name: str, body: str) -> Path:
    p = folder / name
    p.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    p.chmod(p.stat().st_mode | stat.S_IEXEC)
    return p


@pytest.mark.parametrize(("uid", "root"), [("0", True), ("1000", False)])
def test_lab_script_allows_root_only_when_root(tmp_path, uid, root):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _fake(bin_dir, "id", f'if [ "$1" = "-u" ]; then echo {uid}; else /usr/bin/id "$@"; fi\n')
    log = tmp_path / "args.txt"
    jupyter = _fake(bin_dir, "fake-jupyter", f'echo "$@" > "{log}"\n')
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", GEOKIT_JUPYTER=str(jupyter))
    proc = subprocess.run(["bash", str(SCRIPT), "--no-browser"], env=env, capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    args = log.read_text(encoding="utf-8").split()
    assert args[0] == "lab" and "--no-browser" in args
    assert ("--allow-root" in args) is root
    assert any(a.startswith("--notebook-dir=") and a.endswith("notebooks") for a in args)


def test_readme_names_the_lab_script():
    assert "bash scripts/lab.sh" in (REPO / "README.md").read_text(encoding="utf-8")
