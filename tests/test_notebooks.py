"""The notebooks: committed without outputs, and each runs top to bottom headlessly without an error.

Executed with nbclient and a python3 kernel, with ``OUTPUTS`` pointed at a temporary folder the
way papermill sets parameters (a cell injected after the one tagged ``parameters``).
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (pip install -e .[test])")

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
SHARED_DUMPS = REPO.parent / "shared" / "gazetteer" / "geonames"


def _ids(paths):
    return [p.stem for p in paths]


def test_the_three_guides_exist():
    names = {p.name for p in NOTEBOOKS}
    assert {"01_resolve_places.ipynb", "02_events_and_movements.ipynb", "03_border_map.ipynb"} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_committed_without_outputs_and_with_parameters(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code), "strip outputs before committing"
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and "OUTPUTS" in tagged[0].source
    prose = [c for c in nb.cells if c.cell_type == "markdown"]
    assert len(prose) >= len(code) // 3, "a guide: prose between the cells"


def with_parameters(nb, **params):
    """A copy of ``nb`` with a cell setting ``params`` right after its parameters cell (papermill's way)."""
    nb = copy.deepcopy(nb)
    at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    src = "\n".join(f"{k} = {v!r}" for k, v in params.items())
    cell = nbformat.v4.new_code_cell(src)
    cell.metadata["tags"] = ["injected-parameters"]
    nb.cells.insert(at + 1, cell)
    return nb


def execute(path: Path, **params):
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install -e .[test])")
    pytest.importorskip("ipykernel", reason="ipykernel is not installed (pip install -e .[test])")
    nb = with_parameters(nbformat.read(path, as_version=4), **params)
    client = nbclient.NotebookClient(nb, timeout=900, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    return nb


def outputs(nb, output_type=None):
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if output_type is None or out.output_type == output_type:
                yield out


def images(nb) -> int:
    return sum("image/png" in o.get("data", {}) for o in outputs(nb))


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_notebook_runs_without_error(path, tmp_path, store):
    nb = execute(path, OUTPUTS=str(tmp_path / "outputs"))
    errors = list(outputs(nb, "error"))
    assert not errors, errors[0]
    stderr = "".join(o.text for o in outputs(nb, "stream") if o.name == "stderr")
    assert "Traceback" not in stderr
    if path.name.startswith("01"):
        assert images(nb) >= 2
        text = "".join(o.text for o in outputs(nb, "stream"))
        if SHARED_DUMPS.is_dir():
            tables = "".join(o.get("data", {}).get("text/plain", "") for o in outputs(nb))
            assert "with dumps" in tables
        else:
            assert "geokit gazetteer add" in text
    elif path.name.startswith("02"):
        assert images(nb) >= 4  # timeline, routes, figures side by side, overview
        assert (tmp_path / "outputs" / "notebook_events.geojson").stat().st_size > 0
    elif path.name.startswith("03"):
        maps = [o for o in outputs(nb) if "<iframe" in o.get("data", {}).get("text/html", "")]
        assert maps, "the map is not shown inline"
        html = maps[0]["data"]["text/html"]
        assert "srcdoc=" in html and "leaflet" in html.lower()
        saved = tmp_path / "outputs" / "notebook_border_map.html"
        assert saved.stat().st_size > 10_000
        assert images(nb) >= 1
