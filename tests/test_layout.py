"""The package's shape: arrows only downstream, no import cycles, nothing imports the facade.

Every ``import`` in every module counts, including those inside functions: a lazy import still
makes a module depend on another, and a cycle through one is still a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "geokit"

# The data flow, upstream first. A module may import its own stage or any stage before it.
STAGES = [
    ("geokit.errors", "geokit.model", "geokit.export"),  # shared result types and their writers
    ("geokit.gazetteer",),
    ("geokit.parsing",),
    ("geokit.events",),
    ("geokit.maps", "geokit.evaluate"),
    ("geokit.batch", "geokit.demo"),
    ("geokit.commands", "geokit.cli", "geokit.bench", "geokit"),
]
# The package root is the facade: only the faces on top may use it.
ROOT_USERS = ("geokit.commands", "geokit.cli", "geokit.bench")


def _module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PKG.rglob("*.py") if "__pycache__" not in p.parts}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The geokit modules ``name`` imports (resolving ``from pkg import module`` to the module)."""
    tree = ast.parse(path.read_text("utf-8"))
    is_pkg = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "geokit")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_pkg else name.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if mod.split(".")[0] != "geokit":
                continue
            for a in node.names:
                sub = f"{mod}.{a.name}"
                out.add(sub if sub in known else mod)
    return {m for m in out if m in known}


def _stage(mod: str) -> int:
    best, rank = -1, -1
    for i, prefixes in enumerate(STAGES):
        for p in prefixes:
            if (mod == p or mod.startswith(p + ".")) and len(p) > best:
                best, rank = len(p), i
    assert rank >= 0, f"{mod} belongs to no stage: add it to STAGES"
    return rank


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    mods = _modules()
    known = set(mods)
    return {m: _imports(m, p, known) - {m} for m, p in mods.items()}


def test_every_module_has_a_stage(graph):
    for mod in graph:
        _stage(mod)


def test_arrows_only_go_downstream(graph):
    bad = [f"{m} -> {d}" for m, deps in graph.items() for d in deps
           if d != "geokit" and _stage(d) > _stage(m)]
    assert not bad, "upstream imports:\n" + "\n".join(sorted(bad))


def test_only_the_faces_import_the_package_root(graph):
    bad = [m for m, deps in graph.items() if "geokit" in deps and not m.startswith(ROOT_USERS)]
    assert not bad, f"modules importing the package root (pass the parser or import the stage): {bad}"


def test_no_import_cycles(graph):
    # Tarjan's strongly connected components; any component of two or more modules is a cycle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w == "geokit":
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert not cycles, f"import cycles: {cycles}"


def test_the_checker_sees_a_cycle_and_an_upstream_import(tmp_path):
    """The checks above can fail: a made-up graph with a cycle and a backwards arrow trips them."""
    fake = {"geokit.gazetteer.store": {"geokit.gazetteer.resolver"},
            "geokit.gazetteer.resolver": {"geokit.gazetteer.store"},
            "geokit.parsing.parser": {"geokit.events.dates"}, "geokit.events.dates": set()}
    with pytest.raises(AssertionError, match="cycles"):
        test_no_import_cycles(fake)
    with pytest.raises(AssertionError, match="upstream"):
        test_arrows_only_go_downstream(fake)


def test_word_look_behinds_in_rule_files_start_at_a_word_boundary():
    """'(?<!be )met' also refused 'Shinzo Abe met', '(?<!on )visited' 'Tillerson visited': a look-behind
    for a word must start at a word boundary ('(?<!\\bbe )'). Rule files are data users extend, so the
    pattern they copy must be the safe one."""
    import re

    bare = re.compile(r"\(\?<[!=][A-Za-z]")
    found = [f"{p.relative_to(PKG)}: {m.group(0)}..." for p in sorted(PKG.glob("*/rules/*.toml"))
             for m in bare.finditer(p.read_text("utf-8"))]
    assert not found, found
