"""Fuzz: random JSONL lines and random bytes between good reports; every good report still comes out.

Seeded, so a failure is reproducible (the seed is in the test id). Each hostile line is one error
row at most; it must never stop ``parse`` or ``events`` or cost another report its result.
"""

from __future__ import annotations

import json
import random

import pytest

from geokit.cli import main

TOWNS = ["Kilis", "Reyhanli", "Antakya", "Gaziantep", "Idlib", "Aleppo", "Hama", "Homs", "Latakia"]


def good_doc(rnd: random.Random, n: int) -> dict:
    a, b = rnd.sample(TOWNS, 2)
    return {"id": f"good{n:03d}",
            "text": f"About {rnd.randint(20, 900)} families fled {a} for {b} on 3 July 2012.",
            "published": "2012-07-04"}


def _random_text(rnd: random.Random, n: int) -> str:
    pool = [chr(rnd.randint(0, 0x10FFFF)) for _ in range(n)]
    return "".join(pool)


def hostile_line(rnd: random.Random) -> bytes:
    kind = rnd.randrange(12)
    if kind == 0:  # random bytes (may hold newlines: then it is several lines)
        return bytes(rnd.getrandbits(8) for _ in range(rnd.randint(1, 300)))
    if kind == 1:  # deep nesting
        depth = rnd.choice([1000, 20_000, 100_000])
        return (rnd.choice("[{") * depth).replace("{", '{"a":').encode()
    if kind == 2:  # lone surrogates in id and text
        return json.dumps({"id": "s\ud800" + str(rnd.random()), "text": "x\udfff Kilis \ud83d"}).encode()
    if kind == 3:  # valid JSON, not an object
        return json.dumps(rnd.choice([[1, 2], "text", 3.5, None, True])).encode()
    if kind == 4:  # wrong types
        return json.dumps({"id": rnd.choice([None, 5, [1], {"a": 1}]),
                           "text": rnd.choice([None, 7, ["a"]])}).encode()
    if kind == 5:  # random unicode text (any code point, surrogates too)
        return json.dumps({"id": f"u{rnd.random()}", "text": _random_text(rnd, rnd.randint(0, 400))}).encode()
    if kind == 6:  # truncated JSON
        full = json.dumps({"id": "cut", "text": "families reached Kilis"})
        return full[: rnd.randint(1, len(full) - 1)].encode()
    if kind == 7:  # bad dates and spans
        return json.dumps({"id": f"d{rnd.random()}", "text": "Homs",
                           "published": rnd.choice(["soon", 5, "2012-13-45"]),
                           "spans": rnd.choice([[[0, 99]], "x", [[3, 1]], [[0, 4]]])}).encode()
    if kind == 8:  # control characters and NULs
        return json.dumps({"id": "ctl\x00\x1b", "text": "\x00\x07 Aleppo \x1b[31m"}).encode()
    if kind == 9:  # a very long capitalised run
        return json.dumps({"id": f"run{rnd.random()}",
                           "text": " ".join(rnd.choice(TOWNS) for _ in range(800))}).encode()
    if kind == 10:  # invalid UTF-8 inside a JSON string
        return b'{"id": "bad-utf8", "text": "Kilis \xff\xfe \xc3"}'
    return b"   \t  "  # blank


def build_feed(seed: int, n_good: int = 12, n_bad: int = 24) -> tuple[bytes, list[str]]:
    rnd = random.Random(seed)
    goods = [good_doc(rnd, i) for i in range(n_good)]
    lines = [json.dumps(g).encode() for g in goods] + [hostile_line(rnd) for _ in range(n_bad)]
    rnd.shuffle(lines)
    return b"\n".join(lines) + b"\n", [g["id"] for g in goods]


def _out_ids(path) -> set[str]:
    return {json.loads(x)["id"] for x in path.read_text("utf-8").splitlines() if x.strip()}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_parse_keeps_every_good_document(tmp_path, seed, capsys):
    data, good = build_feed(seed)
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(data)
    (tmp_path / "noise.txt").write_bytes(bytes(random.Random(seed).getrandbits(8) for _ in range(4000)))
    out = tmp_path / "out.jsonl"
    rc = main(["parse", str(feed), str(tmp_path / "noise.txt"), "-o", str(out)])
    ids = _out_ids(out)
    assert set(good) <= ids
    assert "Traceback" not in capsys.readouterr().err
    assert rc in (0, 3)


@pytest.mark.parametrize("seed", [4, 5])
def test_events_keeps_every_good_document(tmp_path, seed, capsys):
    data, good = build_feed(seed)
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(data)
    out = tmp_path / "out.jsonl"
    rc = main(["events", str(feed), "--no-link", "-o", str(out)])
    docs = {s["doc"] for line in out.read_text("utf-8").splitlines() for s in json.loads(line)["sources"]}
    assert set(good) <= docs
    assert "Traceback" not in capsys.readouterr().err
    assert rc in (0, 3)


def test_random_bytes_as_whole_files(tmp_path):
    rnd = random.Random(9)
    files = []
    for i in range(6):
        p = tmp_path / f"junk{i}{rnd.choice(['.txt', '.jsonl', '.md'])}"
        p.write_bytes(bytes(rnd.getrandbits(8) for _ in range(rnd.randint(0, 5000))))
        files.append(str(p))
    good = tmp_path / "good.txt"
    good.write_text("About 40 families fled Idlib for Kilis on 3 July 2012.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    rc = main(["parse", *files, str(good), "-o", str(out)])
    assert "good" in _out_ids(out)
    assert rc in (0, 3)
