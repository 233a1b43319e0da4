"""A real JupyterLab round trip: start the server, open a notebook through its REST API, run it
through a kernel websocket, and find the offline map in the outputs.

This is what a user's browser does in JupyterLab (contents API to open and save, sessions API
to start a kernel, the kernel's websocket channels to execute), without the browser.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

pytest.importorskip("jupyter_server", reason="jupyter_server is not installed (pip install -e .[test])")
pytest.importorskip("ipykernel", reason="ipykernel is not installed (pip install -e .[test])")
websocket = pytest.importorskip("websocket",
                                reason="websocket-client is not installed (comes with jupyter_server)")

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "notebooks" / "03_border_map.ipynb"
START_TIMEOUT = 60
CELL_TIMEOUT = 300


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A ``jupyter lab`` (or bare ``jupyter server``) process on localhost with a token."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.base = f"http://127.0.0.1:{self.port}"
        app = "jupyterlab" if _has("jupyterlab") else "jupyter_server"
        self.app = app
        self.log = open(root.parent / "server.log", "w+")  # closed in stop()
        # no user config, and runtime files (connection files, server info) in the test's own folder
        env = dict(os.environ, JUPYTER_NO_CONFIG="1", JUPYTER_RUNTIME_DIR=str(root.parent / "runtime"))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", app, "--no-browser", f"--ServerApp.port={self.port}",
             "--ServerApp.port_retries=0", "--ServerApp.ip=127.0.0.1",
             f"--IdentityProvider.token={self.token}",
             f"--ServerApp.root_dir={root}", "--ServerApp.disable_check_xsrf=True",
             *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])],
            stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=root)

    def request(self, method: str, path: str, body=None, timeout: float = 30):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
            return resp.status, (json.loads(raw) if raw
                                 and resp.headers.get_content_type() == "application/json"
                                 else raw)

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.logs()}")
            try:
                if self.request("GET", "/api/status", timeout=2)[0] == 200:
                    return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.3)
        raise RuntimeError(f"server did not answer within {START_TIMEOUT} s:\n{self.logs()}")

    def logs(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()[-3000:]

    def stop(self) -> None:
        try:
            if self.proc.poll() is None:
                try:
                    self.request("POST", "/api/shutdown", timeout=5)
                except (urllib.error.URLError, ConnectionError, OSError):
                    pass
                try:
                    self.proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    self.proc.terminate()
                    self.proc.wait(timeout=10)
        finally:
            self.log.close()


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


class Kernel:
    """The kernel's websocket channels, speaking the Jupyter messaging protocol (v5) as JupyterLab does."""

    def __init__(self, server: Server, kernel_id: str) -> None:
        url = f"ws://127.0.0.1:{server.port}/api/kernels/{kernel_id}/channels?token={server.token}"
        self.ws = websocket.create_connection(url, timeout=CELL_TIMEOUT)
        self.session = uuid.uuid4().hex

    def execute(self, code: str) -> tuple[str, list[dict]]:
        """Run ``code``; (reply status, outputs in nbformat shape)."""
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": "test", "session": self.session,
                       "msg_type": "execute_request",
                       "version": "5.3", "date": dt.datetime.now(dt.UTC).isoformat()},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True},
        }))
        outputs: list[dict] = []
        status = None
        idle = False
        deadline = time.monotonic() + CELL_TIMEOUT
        while not (status and idle):
            if time.monotonic() > deadline:
                raise TimeoutError(f"cell did not finish in {CELL_TIMEOUT} s: {code[:80]!r}")
            msg = json.loads(self.ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if msg["channel"] == "shell" and kind == "execute_reply":
                status = content["status"]
            elif kind == "status" and content.get("execution_state") == "idle":
                idle = True
            elif kind == "stream":
                outputs.append({"output_type": "stream", "name": content["name"], "text": content["text"]})
            elif kind in ("display_data", "execute_result"):
                out = {"output_type": kind, "data": content["data"], "metadata": content.get("metadata", {})}
                if kind == "execute_result":
                    out["execution_count"] = content["execution_count"]
                outputs.append(out)
            elif kind == "error":
                outputs.append({"output_type": "error", "ename": content["ename"],
                                "evalue": content["evalue"],
                                "traceback": content["traceback"]})
        return status, outputs

    def close(self) -> None:
        self.ws.close()


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "lab"
    root.mkdir()
    shutil.copy(NOTEBOOK, root / NOTEBOOK.name)
    srv = Server(root)
    try:
        srv.wait_ready()
        yield srv
    finally:
        srv.stop()


@pytest.mark.slow
def test_jupyterlab_runs_the_map_notebook(server, store):
    # the Lab page itself is served (when jupyterlab is installed)
    if server.app == "jupyterlab":
        status, page = server.request("GET", "/lab")
        assert status == 200 and b"JupyterLab" in page

    # open the notebook as Lab does, start a kernel session for it
    status, model = server.request("GET", f"/api/contents/{NOTEBOOK.name}?content=1")
    assert status == 200 and model["type"] == "notebook"
    nb = model["content"]
    status, session = server.request("POST", "/api/sessions", {
        "path": NOTEBOOK.name, "type": "notebook", "name": NOTEBOOK.name, "kernel": {"name": "python3"}})
    assert status == 201
    kernel = Kernel(server, session["kernel"]["id"])
    try:
        for cell in nb["cells"]:
            if cell["cell_type"] != "code":
                continue
            source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            status, outs = kernel.execute(source)
            errors = [o for o in outs if o["output_type"] == "error"]
            assert status == "ok" and not errors, f"{source[:80]!r}: {errors[:1]}"
            cell["outputs"] = outs
    finally:
        kernel.close()
        server.request("DELETE", f"/api/sessions/{session['id']}")

    # save it back through the contents API and read it again, as a user reopening it would
    status, _ = server.request("PUT", f"/api/contents/{NOTEBOOK.name}",
                               {"type": "notebook", "format": "json", "content": nb})
    assert status == 200
    _, saved = server.request("GET", f"/api/contents/{NOTEBOOK.name}?content=1")
    html = [o["data"]["text/html"] for c in saved["content"]["cells"] if c["cell_type"] == "code"
            for o in c.get("outputs", []) if "text/html" in o.get("data", {})]
    maps = [h for h in html if "<iframe" in h and "srcdoc=" in h]
    assert maps, "no inline map in the executed notebook"
    assert "leaflet" in maps[0].lower()
    # the notebook also exported its static HTML map next to itself (no checkout around it: ./outputs)
    exported = server.root / "outputs" / "notebook_border_map.html"
    assert exported.stat().st_size > 10_000
