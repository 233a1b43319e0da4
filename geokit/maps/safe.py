"""Safe text: article text is data, never markup, code or template.

Every string that reaches the page (names, sentences, who, sources, types) goes through
``clean_text`` and then into a JSON block whose ``<``, ``>`` and ``&`` are escaped, so no
report can close a ``<script>`` or inject a tag. The browser side only ever puts it into the
DOM with ``textContent`` (see ``core.py``); nothing is concatenated into JavaScript source.

Nor is anything ever evaluated as a Jinja template: branca's ``MacroElement.render`` wraps each
rendered script in ``Element(text)``, which compiles that text again as a template, so a title
or record holding ``{{ ... }}`` would run as Python on the machine building the map. Every
element geokit renders goes through ``SafeMacro``/``RawElement`` instead, which insert the
rendered text verbatim, and ``json_for_html`` also escapes ``{`` before ``{``, ``%`` or ``#``
so no template delimiter survives in data even if some other code compiled it.
"""

from __future__ import annotations

import base64
import gzip
import html
import json
import math
import re
from typing import Any

from branca.element import Element, Figure, MacroElement

from geokit.errors import MapError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
    "{": "\\u007b",  # only before '{', '%' or '#': never structural in compact JSON, so always in a string
}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]|\\{(?=[{%#])")


def clean_text(value: Any, limit: int = 2000) -> str:
    """Any value as printable text: no control characters, no lone surrogates, capped length."""
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    text = value if isinstance(value, str) else str(value)
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates -> '?'
            text = text.encode("utf-8", "replace").decode("utf-8")
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def json_for_html(obj: Any) -> str:
    """JSON that can sit inside a ``<script>`` element (``</script>``, ``<!--`` are escaped)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


def escape_html(text: Any) -> str:
    """For the few APIs that take HTML (Leaflet's layer-control labels, the page title)."""
    return html.escape(clean_text(text), quote=True)


class StringTable:
    """Intern strings so repeated names, types and sentences are stored once per data block."""

    def __init__(self) -> None:
        self.strings: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, value: Any, limit: int = 2000) -> int:
        """Index of the cleaned text; -1 for missing/empty."""
        if value is None or value == "":
            return -1
        if type(value) is str and len(value) <= limit:
            idx = self._index.get(value)
            if idx is not None:
                return idx
        text = clean_text(value, limit)
        if not text:
            return -1
        idx = self._index.get(text)
        if idx is None:
            idx = self._index[text] = len(self.strings)
            self.strings.append(text)
        return idx


_ID_OK = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


class DataBlock(Element):
    """A data island in the page body: ``<script type="application/json">`` read with JSON.parse,
    or, above ``compress_over`` bytes, gzip+base64 (``application/gzip-base64``) that the page
    inflates with the browser's DecompressionStream - a 100,000-event map shrinks about 3x.
    """

    def __init__(self, block_id: str, payload: Any, compress_over: int = 0) -> None:
        super().__init__()
        if not _ID_OK.match(block_id):
            raise MapError(f"bad data block id {block_id!r}")
        self.block_id = block_id
        self.payload = payload
        self.compress_over = compress_over

    def render(self, **kwargs) -> str:
        text = json_for_html(self.payload)
        if self.compress_over and len(text) > self.compress_over:
            packed = base64.b64encode(gzip.compress(text.encode("utf-8"), compresslevel=6,
                                                    mtime=0)).decode("ascii")
            return f'<script type="application/gzip-base64" id="{self.block_id}">{packed}</script>'
        return f'<script type="application/json" id="{self.block_id}">{text}</script>'


class RawElement(Element):
    """Text placed in the page exactly as given: never compiled or rendered as a template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class SafeMacro(MacroElement):
    """``MacroElement`` whose rendered header/html/script is inserted as text, not re-compiled.

    Mix in after a folium class (``class X(folium.LayerControl, SafeMacro)``): Python's MRO puts
    this ``render`` just before ``MacroElement.render``, so the folium class keeps its own logic.
    """

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("map elements must be rendered inside a folium Figure")
        module = self._template.module.__dict__
        for part in ("header", "html", "script"):
            macro = module.get(part)
            if macro is not None:
                getattr(figure, part).add_child(RawElement(str(macro(self, kwargs))), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)


_SAFE_CLASSES: dict[type, type] = {}


def harden(root: Element) -> int:
    """Make every macro element under ``root`` a ``SafeMacro`` (returns how many were changed).

    Why: layers a user adds through ``GeoMap.folium`` (a ``folium.Marker`` with a record's text
    as tooltip, say) are plain folium classes whose script branca would compile again; their
    class is swapped for a subclass that also mixes in ``SafeMacro`` before the page is rendered.
    """
    changed = 0
    stack = [root]
    while stack:
        element = stack.pop()
        cls = type(element)
        if isinstance(element, MacroElement) and not isinstance(element, SafeMacro):
            safe = _SAFE_CLASSES.get(cls)
            if safe is None:
                safe = _SAFE_CLASSES[cls] = type(cls.__name__, (cls, SafeMacro),
                                                 {"__module__": cls.__module__})
            element.__class__ = safe
            changed += 1
        stack.extend(getattr(element, "_children", {}).values())
    return changed


def render_page(figure: Figure) -> str:
    """``Figure.render`` with every already-rendered text block inserted verbatim.

    Why: besides ``MacroElement.render`` (see ``harden``), some folium classes (``Popup``,
    ``GeoJson`` tooltips...) wrap their rendered output in ``Element(text)`` themselves; such a
    plain, childless ``Element`` is swapped for a ``RawElement`` of the same text before the page
    template renders it, so its text is never executed as a template.
    """
    harden(figure)
    for child in list(figure._children.values()):
        child.render()
    for part in (figure.header, figure.html, figure.script):
        for name, element in list(part._children.items()):
            if type(element) is Element and element._template_str is not None and not element._children:
                raw = RawElement(element._template_str)
                raw._parent = part
                part._children[name] = raw
    return figure._template.render(this=figure, kwargs={})
