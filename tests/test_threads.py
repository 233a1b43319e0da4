"""The shared parser, recogniser and store are safe to use from threads (one Dask worker runs several).

Per-document state lives in a per-call object, so two threads reading two documents at once give
exactly what a serial run gives.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from geokit.parsing.parser import default_parser

# Written for this test: people whose names are also places, in two different documents, so that a
# person noted while reading one document would wrongly drop or keep a place in the other.
DOC_A = ("Officials said Sunday that Colonel Adam Hamilton, a driver from Aleppo, crossed at Cilvegözü. "
         "Hamilton told reporters the road to Idlib was closed.")
DOC_B = ("Shelling hit Hamilton, a village near the coast, and families fled towards Antakya. "
         "Residents of Jordan said the Amman road stayed open.")


def _toponyms(text: str) -> list[tuple]:
    doc = default_parser().parse(text)
    return [(t.start, t.end, t.text, t.kind, t.place.id if t.place else None) for t in doc.toponyms]


def test_two_threads_give_the_serial_results():
    serial = {"a": _toponyms(DOC_A), "b": _toponyms(DOC_B)}
    assert serial["a"] != serial["b"]
    jobs = [("a", DOC_A), ("b", DOC_B)] * 40
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda job: (job[0], _toponyms(job[1])), jobs))
    for key, got in results:
        assert got == serial[key]
