#!/usr/bin/env python3
"""Count why gold events and movements are missed, as totals only (safe to run on a held-out half).

Usage: miss_causes.py CHECK_EVENTS_PY GEOKIT_CLI GOLD_JSON

It runs ``geokit events`` and ``geokit parse`` on the gold's documents (texts rebuilt by check_events.py) and
puts each missed required item in the first cause that applies, so a half can be diagnosed without reading
its texts or its items:

  place unknown     no toponym of the report resolves to the gold place (recognition or resolution)
  no event of type  the report yields no event of any gold type
  place not tied    events of the type exist and the place is known, but no event of the type is there
  date wrong        an event of the type at the place exists, on another day
  other             (counts, sources)

Movements: origin/destination unknown to the parse, no movement in the report, wrong ends (which end: the
origin, the destination or both; never given by any movement of the report, or given as another place), other.
"""
import collections
import importlib.util
import json
import subprocess
import sys


def load(path):
    spec = importlib.util.spec_from_file_location("check_events", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run(cli, sub, docs):
    out = subprocess.run([cli, sub, "--jsonl", "-"] if sub == "events" else [cli, sub, "-"],
                         input="\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\n",
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    ce = load(sys.argv[1])
    cli = sys.argv[2]
    gold = json.load(open(sys.argv[3], encoding="utf-8"))
    P = gold["places"]
    docs = ce.load_docs(gold)
    rows = run(cli, "events", docs)
    topo = collections.defaultdict(list)
    for rec in run(cli, "parse", docs):
        topo[rec["id"]].extend(t for t in rec.get("toponyms", []) if t.get("lat") is not None)
    events = [r for r in rows if r.get("kind") == "event"]
    moves = [r for r in rows if r.get("kind") == "movement"]

    def known(doc_ids, names):
        return names is None or any(ce.place_ok(P, t, names) for d in doc_ids for t in topo[d])

    causes = collections.Counter()
    for e in (e for e in gold["events"] if e["required"]):
        if any(ce.event_match(P, e, r) for r in events):
            causes["found"] += 1
            continue
        mine = [r for r in events if ce.docs_of(r) & set(e["reported_by"])]
        typed = [r for r in mine if set(r.get("types") or [r.get("type")]) & set(e["type"])]
        at = [r for r in typed if ce.place_ok(P, r.get("place"), e["location"])]
        if not known(e["reported_by"], e["location"]):
            causes["place unknown"] += 1
        elif not typed:
            other = [r for r in mine if ce.place_ok(P, r.get("place"), e["location"])]
            pairs = sorted({t for r in other for t in (r.get("types") or [r.get("type")])})
            causes["no event of type" + (f" ({'/'.join(e['type'])} wanted, {'/'.join(pairs)} at the place)"
                                         if other else "")] += 1
        elif not at:
            spans = [(s["doc"], s["start"], s["end"]) for r in typed for s in r.get("sources") or []]
            inside = any(d == doc and a <= t["start"] and t["end"] <= b and ce.place_ok(P, t, e["location"])
                         for doc, a, b in spans for d in e["reported_by"] if d == doc for t in topo[d])
            coarse = all((r.get("place") or {}).get("geo_precision", 1) != 1 for r in typed)
            where = "in" if inside else "not in"
            causes[f"place not tied: gold place {where} the trigger's sentence, "
                   + ("only coarser places" if coarse else "a point elsewhere")] += 1
        elif not any(ce.date_ok(r.get("date"), e["date"]) for r in at):
            causes["date wrong"] += 1
        else:
            causes["other"] += 1
    mc = collections.Counter()
    for m in (m for m in gold["movements"] if m["required"]):
        if any(ce.move_match(P, m, r) for r in moves):
            mc["found"] += 1
            continue
        mine = [r for r in moves if ce.docs_of(r) & set(m["reported_by"])]
        if not (known(m["reported_by"], m["origin"]) and known(m["reported_by"], m["destination"])):
            mc["an end unknown"] += 1
        elif not mine:
            mc["no movement in the report"] += 1
        elif not any(ce.place_ok(P, r.get("origin"), m["origin"]) and ce.place_ok(P, r.get("destination"),
                                                                                   m["destination"])
                     for r in mine):
            # which end fails in the report's movements: none has the origin / none has the destination
            o_ok = any(ce.place_ok(P, r.get("origin"), m["origin"]) for r in mine)
            d_ok = any(ce.place_ok(P, r.get("destination"), m["destination"]) for r in mine)
            o_null = all(r.get("origin") is None for r in mine)
            d_null = all(r.get("destination") is None for r in mine)
            side = ("destination" if o_ok else "origin" if d_ok else "both")
            empty = {"origin": o_null, "destination": d_null, "both": o_null and d_null}[side]
            mc[f"wrong ends ({side} {'never given' if empty else 'given elsewhere'})"] += 1
        else:
            mc["other (counts, date)"] += 1
    wrong = collections.Counter()
    for r in events:
        if not any(ce.event_match(P, e, r) for e in gold["events"]):
            mine = [e for e in gold["events"] if ce.docs_of(r) & set(e["reported_by"])]
            if any(ce.place_ok(P, r.get("place"), e["location"]) and set(r.get("types") or [r.get("type")])
                   & set(e["type"]) for e in mine):
                wrong["type+place of a gold event (date)"] += 1
            elif any(set(r.get("types") or [r.get("type")]) & set(e["type"]) for e in mine):
                wrong["type of a gold event, other place"] += 1
            else:
                wrong["no gold event of the type"] += 1
    xm = collections.Counter()
    for r in moves:
        if any(ce.move_match(P, m, r) for m in gold["movements"]):
            continue
        mine = [m for m in gold["movements"] if ce.docs_of(r) & set(m["reported_by"])]
        if not mine:
            xm["no gold movement in the report"] += 1
        elif any(ce.place_ok(P, r.get("origin"), m["origin"])
                 and ce.place_ok(P, r.get("destination"), m["destination"]) for m in mine):
            xm["ends of a gold movement (counts, date)"] += 1
        elif any((m["origin"] is not None and ce.place_ok(P, r.get("origin"), m["origin"]))
                 or (m["destination"] is not None and ce.place_ok(P, r.get("destination"), m["destination"]))
                 for m in mine):
            xm["one end of a gold movement of the report"] += 1
        else:
            xm["neither end of a gold movement of the report"] += 1
    print("events:", dict(causes))
    print("movements:", dict(mc))
    print("extra events:", dict(wrong))
    print("extra movements:", dict(xm))


if __name__ == "__main__":
    main()
