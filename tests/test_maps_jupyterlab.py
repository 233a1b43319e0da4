"""Notebook 03's maps in a real JupyterLab, in headless Chromium, after the saved notebook is reopened.

The notebook is executed (nbclient), saved, trusted as JupyterLab trusts a notebook its user ran,
and opened in ``jupyter lab`` on localhost; Chromium (network refused except localhost) is driven
through the DevTools protocol: each map output is scrolled into view and the map page inside its
sandboxed frame is asked for its own state (ready, drawn size). A map drawn while off-screen used to
stay an empty box of zero size.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytest.importorskip("jupyterlab", reason="jupyterlab is not installed (pip install -e .[test])")
nbclient = pytest.importorskip("nbclient")
nbformat = pytest.importorskip("nbformat")
websocket = pytest.importorskip("websocket",
                                reason="websocket-client is not installed (comes with jupyter_server)")
pytestmark = [pytest.mark.slow, pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")]

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "03_border_map.ipynb"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_url(url: str, seconds: float = 60) -> bytes:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                return r.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


class DevTools:
    """The smallest DevTools-protocol client: call a method, wait for its answer."""

    def __init__(self, ws_url: str) -> None:
        self.ws = websocket.create_connection(ws_url, timeout=60)
        self.n = 0

    def call(self, method: str, **params) -> dict:
        self.n += 1
        self.ws.send(json.dumps({"id": self.n, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.n:
                return msg.get("result", {})

    def value(self, expression: str, context: int | None = None):
        params = {"expression": expression, "returnByValue": True}
        if context is not None:
            params["contextId"] = context
        return self.call("Runtime.evaluate", **params).get("result", {}).get("value")


def _frames(tree: dict) -> list[dict]:
    out = [tree["frame"]]
    for child in tree.get("childFrames", []):
        out += _frames(child)
    return out


@pytest.fixture
def lab_notebook(tmp_path, store):
    root = tmp_path / "lab"
    root.mkdir()
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(root)}}).execute()
    path = root / NOTEBOOK.name
    nbformat.write(nb, path)
    env = dict(os.environ, JUPYTER_NO_CONFIG="1", JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
               JUPYTER_DATA_DIR=str(tmp_path / "data"))
    # a notebook its user ran is trusted in their JupyterLab (else Lab strips HTML outputs)
    subprocess.run([sys.executable, "-m", "jupyter", "trust", str(path)], env=env, check=True,
                   capture_output=True)
    return root, env


def test_notebook_maps_have_a_size_after_reopening_in_jupyterlab(tmp_path, lab_notebook):
    root, env = lab_notebook
    port, token, cport = _port(), secrets.token_hex(12), _port()
    log = open(tmp_path / "lab.log", "w")
    lab = subprocess.Popen([sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.port={port}",
                            "--ServerApp.port_retries=0", "--ServerApp.ip=127.0.0.1",
                            f"--IdentityProvider.token={token}",
                            f"--ServerApp.root_dir={root}", "--allow-root"], stdout=log,
                            stderr=subprocess.STDOUT, env=env)
    profile = tempfile.mkdtemp(prefix="gk-lab-chrome-")
    chrome = subprocess.Popen([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                               "--disable-background-networking",
                               "--disable-component-update", "--disable-sync", "--no-first-run",
                               "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                               f"--remote-debugging-port={cport}", f"--user-data-dir={profile}",
                               "--window-size=1400,900",
                               "--disable-features=IsolateSandboxedIframes", "about:blank"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_url(f"http://127.0.0.1:{port}/api/status?token={token}")
        targets = json.loads(_wait_url(f"http://127.0.0.1:{cport}/json"))
        dt = DevTools(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
        dt.call("Page.enable")
        dt.call("Runtime.enable")
        dt.call("Page.navigate", url=f"http://127.0.0.1:{port}/lab/tree/{NOTEBOOK.name}?token={token}")
        frames_js = "document.querySelectorAll('.jp-OutputArea-output iframe')"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (dt.value(frames_js + ".length") or 0) < 2:
            time.sleep(1)
        assert (dt.value(frames_js + ".length") or 0) >= 2, "JupyterLab did not show the notebook's two maps"
        sizes = []
        for i in (1, 0):  # the second (off-screen) map first, as a reader scrolling down meets it
            dt.value(f"{frames_js}[{i}].scrollIntoView()")
            time.sleep(3)
            sizes.append(dt.value(f"(function () {{ var r = {frames_js}[{i}].getBoundingClientRect();"
                                  " return [Math.round(r.width), Math.round(r.height)]; })()"))
        states = []
        for frame in _frames(dt.call("Page.getFrameTree")["frameTree"])[1:]:
            ctx = dt.call("Page.createIsolatedWorld", frameId=frame["id"]).get("executionContextId")
            state = dt.value("(function (r) { return [r.getAttribute('data-gk-ready'), "
                             "r.getAttribute('data-gk-size'),"
                             " Number(r.getAttribute('data-gk-zoom'))]; })(document.documentElement)", ctx)
            if state and state[0] is not None:
                states.append(state)
    finally:
        chrome.terminate()
        lab.terminate()
        chrome.wait(20)
        lab.wait(30)
        log.close()
        shutil.rmtree(profile, ignore_errors=True)
    assert all(w > 300 and h >= 400 for w, h in sizes), sizes
    assert len(states) == 2, states
    for ready, size, zoom in states:
        w, h = (int(v) for v in size.split("x"))
        assert ready == "1" and w > 300 and h >= 400, states  # drawn at the frame's size, not 0x0
        assert zoom >= 4, states  # and framed on the records
