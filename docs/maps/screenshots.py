"""Screenshots of the demo map at the scale of the region (zoom 6) and of the story (zoom 11, Reyhanlı).

Run from the repository root with the venv active and Debian's chromium installed::

    python docs/maps/screenshots.py            # writes docs/maps/demo_zoom6.png and demo_zoom11.png

The map is the one ``geokit demo`` writes; Chromium runs headless with every host name unresolvable
(no network), at 1400x900, and the view is set once the page reports ``data-gk-ready``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
VIEWS = {"demo_zoom6.png": (36.6, 37.5, 6), "demo_zoom11.png": (36.268, 36.567, 11)}


def shoot(page: Path, out: Path, lat: float, lon: float, zoom: int, size: str = "1400,900") -> Path:
    text = page.read_text(encoding="utf-8")
    nonce = re.search(r"script-src 'nonce-([^']+)'", text).group(1)
    js = (f'<script nonce="{nonce}">window.addEventListener("load", function () {{ (function w() {{'
          ' if (document.documentElement.getAttribute("data-gk-ready") === "1") {'
          ' var map = window[Object.keys(window).filter(function (k) { return /^map_[0-9a-f]+$/.test(k); })[0]];'
          f' map.setView([{lat}, {lon}], {zoom}, {{animate: false}});'
          ' } else { setTimeout(w, 100); } })(); });</script>')
    cut = text.index("<head>") + len("<head>")
    tmp = Path(tempfile.mkdtemp(prefix="gk-shot-"))
    try:
        src = tmp / "page.html"
        src.write_text(text[:cut] + js + text[cut:], encoding="utf-8")
        subprocess.run([shutil.which("chromium") or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={tmp / 'prof'}",
                        "--virtual-time-budget=10000", f"--window-size={size}", "--hide-scrollbars",
                        f"--screenshot={out}", src.as_uri()], check=True, capture_output=True, timeout=300)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="gk-demo-"))
    try:
        subprocess.run([sys.executable, "-m", "geokit.cli", "demo", "-o", str(work)], check=True)
        for name, (lat, lon, zoom) in VIEWS.items():
            print(shoot(work / "border_map.html", HERE / name, lat, lon, zoom))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
