"""Build ``gazetteer/demonyms.csv`` (word, country_iso2, kind) for every country.

Adjectives come from npm ``world-countries`` (``demonyms.eng``); people nouns are derived by rule
(``-an``/``-i`` adjectives take ``-s``: Syrian -> Syrians) plus a hand list of irregular forms
(Turk, Briton, Spaniard, ...). ``kind`` is ``adjective`` for the adjective (which English also uses
as a singular noun: "a Syrian") and ``demonym`` for people nouns. Peoples that are not a country
(Kurds, Arabs, Druze, ...) are left out on purpose. Run by hand:

    .venv/bin/python gazetteer/tools/build_demonyms.py --world-countries /tmp/npmx/dl/wc/package
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from common import write_csv

# Irregular or extra people nouns / adjectives, by ISO code: (word, kind).
EXTRA: dict[str, list[tuple[str, str]]] = {
    "TR": [("Turk", "demonym"), ("Turks", "demonym"), ("Turkish", "adjective")],
    "GB": [("Briton", "demonym"), ("Britons", "demonym"), ("Brit", "demonym"), ("Brits", "demonym"),
           ("British", "adjective")],
    "US": [("American", "adjective"), ("Americans", "demonym")],
    "FR": [("Frenchman", "demonym"), ("Frenchmen", "demonym"), ("Frenchwoman", "demonym"), ("French", "adjective")],
    "NL": [("Dutchman", "demonym"), ("Dutchmen", "demonym"), ("Dutch", "adjective")],
    "ES": [("Spaniard", "demonym"), ("Spaniards", "demonym"), ("Spanish", "adjective")],
    "DK": [("Dane", "demonym"), ("Danes", "demonym"), ("Danish", "adjective")],
    "SE": [("Swede", "demonym"), ("Swedes", "demonym"), ("Swedish", "adjective")],
    "FI": [("Finn", "demonym"), ("Finns", "demonym"), ("Finnish", "adjective")],
    "PL": [("Pole", "demonym"), ("Poles", "demonym"), ("Polish", "adjective")],
    "IE": [("Irishman", "demonym"), ("Irishmen", "demonym"), ("Irish", "adjective")],
    "SA": [("Saudi", "adjective"), ("Saudis", "demonym")],
    "AE": [("Emirati", "adjective"), ("Emiratis", "demonym")],
    "NZ": [("New Zealander", "demonym"), ("New Zealanders", "demonym"), ("Kiwi", "demonym"), ("Kiwis", "demonym")],
    "PH": [("Filipino", "adjective"), ("Filipinos", "demonym"), ("Philippine", "adjective")],
    "IS": [("Icelander", "demonym"), ("Icelanders", "demonym"), ("Icelandic", "adjective")],
    "LU": [("Luxembourger", "demonym"), ("Luxembourgers", "demonym")],
    "CH": [("Swiss", "adjective")],
    "CZ": [("Czech", "adjective"), ("Czechs", "demonym")],
    "SK": [("Slovak", "adjective"), ("Slovaks", "demonym")],
    "TH": [("Thai", "adjective"), ("Thais", "demonym")],
    "PK": [("Pakistani", "adjective"), ("Pakistanis", "demonym")],
    "BD": [("Bangladeshi", "adjective"), ("Bangladeshis", "demonym")],
    "AF": [("Afghan", "adjective"), ("Afghans", "demonym")],
    "UZ": [("Uzbek", "adjective"), ("Uzbeks", "demonym")],
    "KZ": [("Kazakh", "adjective"), ("Kazakhs", "demonym")],
    "TM": [("Turkmen", "adjective")],
    "KG": [("Kyrgyz", "adjective")],
    "TJ": [("Tajik", "adjective"), ("Tajiks", "demonym")],
    "AZ": [("Azerbaijani", "adjective"), ("Azerbaijanis", "demonym"), ("Azeri", "adjective"), ("Azeris", "demonym")],
    "IL": [("Israeli", "adjective"), ("Israelis", "demonym")],
    "PS": [("Palestinian", "adjective"), ("Palestinians", "demonym")],
    "YE": [("Yemeni", "adjective"), ("Yemenis", "demonym")],
    "OM": [("Omani", "adjective"), ("Omanis", "demonym")],
    "QA": [("Qatari", "adjective"), ("Qataris", "demonym")],
    "KW": [("Kuwaiti", "adjective"), ("Kuwaitis", "demonym")],
    "BH": [("Bahraini", "adjective"), ("Bahrainis", "demonym")],
    "IQ": [("Iraqi", "adjective"), ("Iraqis", "demonym")],
    "LB": [("Lebanese", "adjective")],
    "CN": [("Chinese", "adjective")],
    "JP": [("Japanese", "adjective")],
    "VN": [("Vietnamese", "adjective")],
    "SD": [("Sudanese", "adjective")],
    "SS": [("South Sudanese", "adjective")],
    "PT": [("Portuguese", "adjective")],
    "MM": [("Burmese", "adjective"), ("Myanmar", "adjective")],
    "KR": [("South Korean", "adjective"), ("South Koreans", "demonym")],
    "KP": [("North Korean", "adjective"), ("North Koreans", "demonym")],
}


def _plural(adj: str) -> str | None:
    """People noun plural for '-an'/'-i' adjectives (Syrian -> Syrians); None for '-ese', '-ish', ..."""
    last = adj.split()[-1]
    if last.endswith(("an", "i")) and not last.endswith("ese"):
        return adj + "s"
    return None


# Adjectives and people nouns of continents ("Asian economies", "European officials"), keyed by the
# continent's GeoNames id in the country column ("gn:6255147"): the store answers them with the continent.
CONTINENTS: list[tuple[str, str, str]] = [
    ("African", "gn:6255146", "adjective"), ("Africans", "gn:6255146", "demonym"),
    ("Asian", "gn:6255147", "adjective"), ("Asians", "gn:6255147", "demonym"),
    ("European", "gn:6255148", "adjective"), ("Europeans", "gn:6255148", "demonym"),
    ("North American", "gn:6255149", "adjective"), ("North Americans", "gn:6255149", "demonym"),
    ("South American", "gn:6255150", "adjective"), ("South Americans", "gn:6255150", "demonym"),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--world-countries", type=Path, default=Path("/tmp/npmx/dl/wc/package"))
    args = ap.parse_args()
    wc = json.loads((args.world_countries / "countries.json").read_text(encoding="utf-8"))
    rows: dict[tuple[str, str], str] = {}
    # A dependency that shares its sovereign's adjective (American for MP, French for TF) would only
    # make the word ambiguous: sovereign countries claim their adjectives first.
    wc.sort(key=lambda c: not c.get("independent"))
    claimed: set[str] = set()
    for c in wc:
        iso = c["cca2"]
        eng = (c.get("demonyms") or {}).get("eng") or {}
        for adj in dict.fromkeys(x.strip() for x in (eng.get("m", ""), eng.get("f", "")) if x.strip()):
            if not c.get("independent") and adj in claimed:
                continue
            claimed.add(adj)
            rows.setdefault((adj, iso), "adjective")
            plural = _plural(adj)
            if plural:
                rows.setdefault((plural, iso), "demonym")
        for word, kind in EXTRA.get(iso, []):
            rows[(word, iso)] = kind
    for word, gid, kind in CONTINENTS:
        rows[(word, gid)] = kind
    out = [[w, iso, kind] for (w, iso), kind in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0]))]
    path = write_csv("demonyms.csv", ["word", "country_iso2", "kind"], out)
    print(f"wrote {len(out)} rows to {path}")


if __name__ == "__main__":
    main()
