"""Issue 11 (finding 7): a damaged store is one clear error at open, a failed build leaves nothing
behind and says which file and how to point GEOKIT_HOME elsewhere.

Each test failed on the code before the fix: random overwrites inside the file were not detected
(places went silently unresolved), a full disk raised SQLite's bare "database or disk is full"
and left a temporary file behind, and an unusable GEOKIT_HOME gave a lock-file error with no hint.
"""

from __future__ import annotations

import errno
import random
import shutil
import sqlite3

import pytest

from geokit.gazetteer import store as S

DUMP_LINES = [
    "9900001\tTestiyeh\tTestiyeh\tTestiye,Tastiyah\t35.9\t36.6\tP\tPPL\tSY\t\t12\t\t\t\t1500\t\t300\tAsia/Damascus\t2020-01-01",
    "9900002\tCamp Zed\tCamp Zed\t\t36.1\t36.5\tS\tCMPRF\tSY\t\t12\t\t\t\t0\t\t\tAsia/Damascus\t2020-01-01",
]


@pytest.fixture
def home_copy(tmp_path, monkeypatch, store):
    """A private GEOKIT_HOME holding a copy of the session's store (and its checksum)."""
    home = tmp_path / "home"
    home.mkdir()
    for f in store.path.parent.iterdir():
        if f.name.startswith(S.STORE_NAME):
            shutil.copy(f, home / f.name)
    monkeypatch.setenv("GEOKIT_HOME", str(home))
    S.reset_cache()
    yield home / S.STORE_NAME
    S.reset_cache()


def _overwrite(path, offset: int, n: int, seed: int) -> None:
    rnd = random.Random(seed)
    with open(path, "r+b") as fh:
        fh.seek(offset)
        fh.write(bytes(rnd.getrandbits(8) for _ in range(n)))


def test_intact_copy_opens(home_copy):
    st = S.open_store()
    assert st.path == home_copy and st.by_key("aleppo")


@pytest.mark.parametrize("where,size", [(0.5, 65536), (0.9, 2048), (0.2, 2048)])
def test_random_overwrite_is_one_clear_error_at_open(home_copy, where, size):
    _overwrite(home_copy, int(home_copy.stat().st_size * where) // 4096 * 4096 + 100, size, seed=size)
    with pytest.raises(S.GazetteerError) as e:
        S.open_store()
    msg = str(e.value)
    assert str(home_copy) in msg and "geokit gazetteer build --force" in msg


def test_checksum_is_recorded_at_build_and_checked_by_store(tmp_path):
    d = tmp_path / "dumps"
    d.mkdir()
    (d / "XX.txt").write_text("\n".join(DUMP_LINES) + "\n", "utf-8")
    path = S.build(tmp_path / "g.sqlite", regions=[str(d)], sources=())
    assert S.Store(path).by_geonameid(9900001) is not None
    data = bytearray(path.read_bytes())
    data[-50] ^= 0xFF  # one flipped bit pattern, where no SQLite header looks
    path.write_bytes(bytes(data))
    with pytest.raises(S.GazetteerError, match="checksum"):
        S.Store(path)


def _full_disk(monkeypatch, pages: int = 4):
    real = sqlite3.connect

    def connect(database, *a, **kw):
        con = real(database, *a, **kw)
        if ".tmp" in str(database):
            con.execute(f"PRAGMA max_page_count={pages}")  # SQLite's own "database or disk is full"
        return con

    monkeypatch.setattr(sqlite3, "connect", connect)


def test_full_disk_names_the_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    d = tmp_path / "dumps"
    d.mkdir()
    (d / "XX.txt").write_text("\n".join(DUMP_LINES) + "\n", "utf-8")
    target = tmp_path / "home" / "g.sqlite"
    target.parent.mkdir()
    (target.parent / "g.tmp4242").write_bytes(b"x" * 1000)  # left by an earlier killed build
    _full_disk(monkeypatch)
    with pytest.raises(S.GazetteerError) as e:
        S.build(target, regions=[str(d)], sources=())
    msg = str(e.value)
    assert str(target) in msg and "full" in msg and "GEOKIT_HOME" in msg
    left = sorted(p.name for p in target.parent.iterdir())
    assert not [n for n in left if ".tmp" in n], left
    assert not target.exists()


def test_unusable_home_says_so_and_how_to_set_geokit_home(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("GEOKIT_HOME", str(blocker / "geokit"))
    S.reset_cache()
    try:
        with pytest.raises(S.GazetteerError) as e:
            S.open_store()
    finally:
        S.reset_cache()
    msg = str(e.value)
    assert str(blocker / "geokit") in msg and "GEOKIT_HOME" in msg


def test_read_only_home_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOKIT_HOME", str(tmp_path / "ro"))
    (tmp_path / "ro").mkdir()

    def read_only(path):
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(S, "_file_lock", read_only)  # root can write anywhere, so the OS error is simulated
    S.reset_cache()
    try:
        with pytest.raises(S.GazetteerError) as e:
            S.open_store()
    finally:
        S.reset_cache()
    msg = str(e.value)
    assert "read-only" in msg.lower() and "GEOKIT_HOME" in msg and str(tmp_path / "ro") in msg
