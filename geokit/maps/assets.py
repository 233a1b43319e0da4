"""Offline inlining: every script and stylesheet the page needs goes inside the page.

Why: the map must open on a laptop with no network. folium renders third-party assets as
``<script src=CDN>`` / ``<link href=CDN>``; the pinned ``folium-offline`` wheel carries the
same files keyed by those CDN URLs (``offlinefolium.elements._res``). ``inline_assets``
swaps each link for the file's text, so any folium plugin it knows works offline too, and
refuses (clearly) a URL it cannot inline instead of shipping a page that fetches it.

The page also gets a Content-Security-Policy: scripts only with a per-page nonce (so an
injected ``<script>`` or ``onerror=`` could not run even if escaping failed) and no network
at all unless an online tile layer was asked for.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from functools import lru_cache

from geokit.errors import MapError

LEAFLET_JS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
LEAFLET_CSS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"
MARKERCLUSTER_JS = "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/leaflet.markercluster.js"
MARKERCLUSTER_CSS = "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css"
MARKERCLUSTER_DEFAULT_CSS = (
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.Default.css"
)
MARKERCLUSTER_ASSETS_JS = [("markerclusterjs", MARKERCLUSTER_JS)]
MARKERCLUSTER_ASSETS_CSS = [("markerclustercss", MARKERCLUSTER_CSS),
                            ("markerclusterdefaultcss", MARKERCLUSTER_DEFAULT_CSS)]

_SCRIPT_LINK = re.compile(r'<script( nonce="[^"]*")? src="([^"]+)"></script>')
_CSS_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)"/>')
_SCRIPT_OPEN = re.compile(r"<script(?=[\s>])", re.IGNORECASE)


class OfflineAssetError(MapError):
    """A page asks for a remote file that geokit cannot inline."""


@lru_cache(maxsize=1)
def _bundle() -> dict[str, str]:
    try:
        from offlinefolium.elements import _res
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise OfflineAssetError(
            "the 'folium-offline' package is needed to inline Leaflet; pip install folium-offline"
        ) from exc
    return _res


def asset_text(url: str) -> str:
    """The text of a pinned third-party asset, by its CDN URL."""
    try:
        return _bundle()[url]
    except KeyError:
        raise OfflineAssetError(f"no offline copy of {url} in folium-offline") from None


def _safe_js(code: str) -> str:
    code = re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)
    return code.replace("<!--", "<\\!--")


def _safe_css(code: str) -> str:
    return re.sub(r"</(style)", r"<\\/\1", code, flags=re.IGNORECASE)


@dataclass(slots=True)
class InlineReport:
    """What ``inline_assets`` did: which URLs it inlined and which it could not."""

    inlined: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def inline_assets(page: str, strict: bool = True) -> tuple[str, InlineReport]:
    """Replace folium's CDN ``<script src>``/``<link href>`` tags with inline copies.

    With ``strict`` a URL without an offline copy raises OfflineAssetError; otherwise the
    tag is left and listed in the report.
    """
    report = InlineReport()
    bundle = _bundle()

    def repl_js(m: re.Match) -> str:
        url = m.group(2)
        if url in bundle:
            report.inlined.append(url)
            return f"<script{m.group(1) or ''}>" + _safe_js(bundle[url]) + "</script>"
        report.missing.append(url)
        return m.group(0)

    def repl_css(m: re.Match) -> str:
        url = m.group(1)
        if url in bundle:
            report.inlined.append(url)
            return "<style>" + _safe_css(bundle[url]) + "</style>"
        report.missing.append(url)
        return m.group(0)

    page = _SCRIPT_LINK.sub(repl_js, page)
    page = _CSS_LINK.sub(repl_css, page)
    if report.missing and strict:
        raise OfflineAssetError("cannot inline remote assets: " + ", ".join(report.missing))
    return page, report


def new_nonce() -> str:
    return secrets.token_urlsafe(18)


def csp(nonce: str, online_tiles: bool = False) -> str:
    """The page's Content-Security-Policy: inline code with our nonce, data: images, no fetches."""
    img = "data: blob: https:" if online_tiles else "data: blob:"
    return (
        "default-src 'none'; "
        f"script-src 'nonce-{nonce}'; "
        "style-src 'unsafe-inline'; "
        f"img-src {img}; font-src data:; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def apply_csp(page: str, nonce: str, online_tiles: bool = False) -> str:
    """Add the CSP meta tag first in <head> and the nonce to every <script> tag of the page.

    Call it before ``inline_assets`` (inlined library code is left untouched). Safe because
    untrusted text only lives in JSON blocks where ``<`` is escaped, so every literal
    ``<script`` in the rendered page is ours.
    """
    page = _SCRIPT_OPEN.sub(f'<script nonce="{nonce}"', page)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp(nonce, online_tiles)}">'
    head = page.find("<head>")
    if head < 0:
        raise MapError("page has no <head>")
    cut = head + len("<head>")
    return page[:cut] + "\n" + meta + page[cut:]
