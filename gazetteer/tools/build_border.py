"""Build ``gazetteer/border.tsv.gz``: every GeoNames feature of TR, SY, IQ, JO and LB, compactly.

Why: the founding region (the Turkish-Syrian border and its neighbours) must be complete by
default, not only through ``geokit gazetteer add``: villages, camps, districts and crossings a
news report names are mostly too small for cities500. The shared dumps (GeoNames, CC BY 4.0,
as carried by Who's On First, CC BY) hold about 90,000 records; this keeps only the columns the
store needs, rounds points to 5 decimals (about 1 m), drops alternates that repeat the name or
are not names (links, codes, bare numbers), and writes a deterministic gzip (no timestamp), so
a rebuild with unchanged input gives a byte-identical file.

Run by hand (needs ../shared beside the repo)::

    .venv/bin/python gazetteer/tools/build_border.py
"""

from __future__ import annotations

import argparse
import gzip
import io
import re
from pathlib import Path

from common import DUMP_COUNTRIES, GAZ_DIR, SHARED_GEONAMES, fmt_coord, normalize_admin1

OUT = GAZ_DIR / "border.tsv.gz"
HEADER = ["geonameid", "name", "asciiname", "alternates", "lat", "lon", "fclass", "fcode", "cc", "admin1",
          "admin2", "population"]
_NOT_A_NAME = re.compile(r"^(https?:|www\.)|^[\d\W_]+$")


def _alternates(name: str, ascii_name: str, raw: str) -> list[str]:
    seen = {name.casefold(), ascii_name.casefold()}
    out: list[str] = []
    for a in raw.split(","):
        a = " ".join(a.replace("|", " ").replace("\t", " ").split())
        if not a or len(a) > 100 or _NOT_A_NAME.search(a) or a.casefold() in seen:
            continue
        seen.add(a.casefold())
        out.append(a)
    return out


def rows(root: Path) -> list[list[str]]:
    out: list[list[str]] = []
    for cc in DUMP_COUNTRIES:
        path = root / f"{cc}.txt"
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                f = line.rstrip("\n").split("\t")
                if len(f) != 19 or not f[0].isdigit() or not f[1].strip():
                    continue
                lat, lon = float(f[4]), float(f[5])
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    continue
                name = f[1].strip()
                ascii_name = f[2].strip() if f[2].strip() != name else ""
                out.append([f[0], name, ascii_name, "|".join(_alternates(name, f[2], f[3])), fmt_coord(lat),
                            fmt_coord(lon), f[6], f[7], f[8], normalize_admin1(f[10]), f[11], f[14] or "0"])
    out.sort(key=lambda r: int(r[0]))
    return out


def write(data: list[list[str]], path: Path = OUT) -> Path:
    text = io.StringIO()
    text.write("\t".join(HEADER) + "\n")
    for r in data:
        text.write("\t".join(r) + "\n")
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(text.getvalue().encode("utf-8"))
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dumps", type=Path, default=SHARED_GEONAMES)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    data = rows(args.dumps)
    path = write(data, args.out)
    print(f"{path}: {len(data)} rows, {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
