"""Build tests/data/eval/local_news_{dev,heldout}.xml from the marked-up stories in local_news_src.txt.

The stories and their gold are written by hand (issue 16, recognition in local news); this script only
strips the markup, computes offsets and looks each toponym's place up in the gazetteer store by the
name and area the author wrote (largest population first), so the ids and points are the store's.
Non-toponyms ({{...|what}}) are written as <nontoponym> elements, which the evaluator ignores: they
document what a reader would not mark (streets, people, businesses).
Run: GEOKIT_HOME=... python scripts/local_news_gold.py
"""

from __future__ import annotations

import re
import sqlite3
import sys
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent.parent / "tests" / "data" / "eval"
MISSING: list[str] = []
MARK = re.compile(r"\[\[([^|\]]+)\|([^\]]*)\]\]|\{\{([^|}]+)\|([^}]*)\}\}")


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold().strip()


def lookup(db: sqlite3.Connection, surface: str, spec: str) -> dict:
    if spec.startswith("!"):
        lat, lon = (float(x) for x in spec[1:].split(","))
        return {"gid": None, "name": surface, "fclass": "", "fcode": "", "lat": lat, "lon": lon}
    if spec.startswith("#"):
        row = db.execute("select geonameid,name,fclass,fcode,lat,lon from places where geonameid=?",
                         (int(spec[1:]),)).fetchone()
    else:
        name, _, area = spec.partition("@")
        area, _, fcode = area.partition(":")
        cc, _, _ = area.partition(".")
        sql = ("select p.geonameid,p.name,p.fclass,p.fcode,p.lat,p.lon from names n join places p on "
               "p.pid=n.pid where n.key=? and p.geonameid is not null")
        args: list = [fold(name or surface)]
        if cc:
            sql += " and p.cc=?"
            args.append(cc)
        if "." in area:
            sql += " and p.admin1_code=?"
            args.append(area)
        if fcode:  # a feature code ("ADM2") or a class ("P")
            sql += " and p.fclass=?" if len(fcode) == 1 else " and p.fcode=?"
            args.append(fcode)
        row = db.execute(sql + " order by p.population desc limit 1", args).fetchone()
    if row is None:
        MISSING.append(f"{surface!r} {spec!r}")
        return {"gid": None, "name": surface, "fclass": "", "fcode": "", "lat": 0.0, "lon": 0.0}
    gid, name, fclass, fcode, lat, lon = row
    return {"gid": gid, "name": name, "fclass": fclass, "fcode": fcode, "lat": lat, "lon": lon}


def parse(src: str, db: sqlite3.Connection) -> list[dict]:
    arts: list[dict] = []
    for block in re.split(r"^=== ", src, flags=re.M)[1:]:
        head, _, body = block.partition("\n")
        aid, date, title = (x.strip() for x in head.split("|"))
        body = body.strip()
        text, gold, non, pos = [], [], [], 0
        out_len = 0
        for m in MARK.finditer(body):
            text.append(body[pos:m.start()])
            out_len += m.start() - pos
            surface = m.group(1) or m.group(3)
            if m.group(1):
                gold.append((out_len, out_len + len(surface), surface, lookup(db, surface, m.group(2))))
            else:
                non.append((out_len, out_len + len(surface), surface, m.group(4)))
            text.append(surface)
            out_len += len(surface)
            pos = m.end()
        text.append(body[pos:])
        arts.append({"id": aid, "date": date, "title": title, "text": "".join(text),
                     "gold": gold, "non": non})
    return arts


def to_xml(arts: list[dict]) -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             "<!-- geokit local-news probe set (issue 16): stories written for the project; gold by hand,"
             " ids and points from the store (GeoNames, CC BY 4.0). Built by scripts/local_news_gold.py. -->",
             "<articles>"]
    for a in arts:
        lines += [f'    <article docid="{a["id"]}">', f"        <title>{escape(a['title'])}</title>",
                  f"        <dltime>{a['date']}</dltime>", f"        <text><![CDATA[{a['text']}]]></text>",
                  "        <toponyms>"]
        for s, e, surface, g in a["gold"]:
            assert a["text"][s:e] == surface
            gid = f' geonameid="{g["gid"]}"' if g["gid"] else ""
            lines += ["            <toponym>", f"                <phrase>{escape(surface)}</phrase>",
                      f"                <start>{s}</start>", f"                <end>{e}</end>",
                      f"                <gaztag{gid}>",
                      f"                    <name>{escape(g['name'])}</name>",
                      f"                    <fclass>{g['fclass']}</fclass>",
                      f"                    <fcode>{g['fcode']}</fcode>",
                      f"                    <lat>{round(g['lat'], 4)}</lat>",
                      f"                    <lon>{round(g['lon'], 4)}</lon>",
                      "                </gaztag>", "            </toponym>"]
        lines.append("        </toponyms>")
        lines.append("        <nontoponyms>")
        for s, e, surface, what in a["non"]:
            lines.append(f'            <nontoponym what="{escape(what)}"><phrase>{escape(surface)}</phrase>'
                         f"<start>{s}</start><end>{e}</end></nontoponym>")
        lines += ["        </nontoponyms>", "    </article>"]
    lines.append("</articles>")
    return "\n".join(lines) + "\n"


def main() -> None:
    import os

    home = Path(os.environ.get("GEOKIT_HOME", ".cache/geokit"))
    db = sqlite3.connect(home / "gazetteer.sqlite")
    arts = parse((HERE / "local_news_src.txt").read_text(encoding="utf-8"), db)
    if MISSING:
        raise SystemExit("not in the store: " + "; ".join(MISSING))
    even = [a for a in arts if int(a["id"][2:]) % 2 == 0]
    odd = [a for a in arts if int(a["id"][2:]) % 2 == 1]
    (HERE / "local_news_dev.xml").write_text(to_xml(even), encoding="utf-8")
    (HERE / "local_news_heldout.xml").write_text(to_xml(odd), encoding="utf-8")
    for a in arts:
        for _, _, surface, g in a["gold"]:
            print(a["id"], surface, g["gid"], g["name"], g["fcode"], g["lat"], g["lon"], file=sys.stderr)
    print(f"{len(even)} dev, {len(odd)} held-out articles;"
          f" {sum(len(a['gold']) for a in arts)} toponyms, {sum(len(a['non']) for a in arts)} non-toponyms")


if __name__ == "__main__":
    main()
