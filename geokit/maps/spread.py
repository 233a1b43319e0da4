"""Markers that never hide each other, and what happened at each site.

Why: reports often place several events at one town or camp (seven at one border gate is common);
drawn at one point, only the top marker can be clicked. Co-located event and figure markers are
laid out in a ring (a spiral when many) around their point, in screen pixels so they stay apart at
every zoom, and clear of a site icon drawn there (site icons sit in their own pane above events).
A site's popup lists the events, figures and movements located at it, with their reports.
"""

from __future__ import annotations

import math

from geokit.gazetteer.geo import haversine_km

SITE_RADIUS_KM = 0.5  # a record this close to a camp, crossing, air base or town is "at" it
RING_MAX = 8  # up to this many markers in a ring; more make a spiral


def ring_offsets(n: int, clear: float) -> list[tuple[int, int]]:
    """Pixel offsets for ``n`` markers around one point, at least ``clear`` px from it (14-px markers)."""
    if n <= 0:
        return []
    if n <= RING_MAX:
        r = max(clear, 16.0 * n / (2 * math.pi)) if n > 1 else clear
        return [(round(r * math.cos(math.radians(-90 + 360 * k / n))),
                 round(r * math.sin(math.radians(-90 + 360 * k / n))))
                for k in range(n)]
    out = []
    for k in range(n):  # a sunflower spiral: even spacing at any count
        r = clear + 8.0 * math.sqrt(k)
        a = math.radians(k * 137.508)
        out.append((round(r * math.cos(a)), round(r * math.sin(a))))
    return out


def _key(lat: float, lon: float) -> tuple[int, int]:
    return round(lat * 1e4), round(lon * 1e4)  # about 10 m


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat * 100), math.floor(lon * 100)  # about 1 km


def _near_site(lat: float, lon: float, sites: dict[tuple[int, int], list], km: float) -> bool:
    c = _cell(lat, lon)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for s in sites.get((c[0] + dy, c[1] + dx), ()):
                if haversine_km(lat, lon, s[0], s[1]) <= km:
                    return True
    return False


SITE_CLUSTER_KM = 0.3  # sites closer than this (a camp named after its village) are drawn side by side


def spread_sites(groups: dict[str, list[list]]) -> dict[tuple[float, float], int]:
    """Append a pixel offset (or 0) to every site row; returns how many sites share each drawn point.

    Sites (camp, crossing, air base, town icons, 24 px) within ``SITE_CLUSTER_KM`` of each other are
    set in a ring so each icon can be seen and clicked; camps, crossings and air bases come first.
    """
    order = {"camp": 0, "crossing": 1, "air": 2, "other": 3, "town": 4}
    rows = sorted(((order.get(g, 5), row) for g, rs in groups.items() for row in rs), key=lambda t: t[0])
    clusters: list[list[list]] = []
    grid: dict[tuple[int, int], list[int]] = {}
    for _, row in rows:
        c = _cell(row[2], row[3])
        home = None
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for k in grid.get((c[0] + dy, c[1] + dx), ()):
                    first = clusters[k][0]
                    if haversine_km(row[2], row[3], first[2], first[3]) <= SITE_CLUSTER_KM:
                        home = k
        if home is None:
            home = len(clusters)
            clusters.append([])
            grid.setdefault(c, []).append(home)
        clusters[home].append(row)
    shared: dict[tuple[float, float], int] = {}
    for members in clusters:
        if len(members) == 1:
            members[0].append(0)
        else:
            for row, off in zip(members, ring_offsets(len(members), 14.0), strict=True):
                row.append(list(off))
        for row in members:
            shared[(row[2], row[3])] = len(members)
    return shared


def spread(layers: list[list[list]], sites: list[tuple[float, float]], lat_i: int = 9, lon_i: int = 10,
           shared: dict[tuple[float, float], int] | None = None) -> None:
    """Append a pixel offset ``[dx, dy]`` (or 0) to every row of every point layer, in place.

    Rows at one point (about 10 m) across all ``layers`` share one ring; a point within ~150 m of
    a site gets a ring clear of the site's 24-px icon (of the ring of icons when sites share it).
    """
    grid: dict[tuple[int, int], list] = {}
    for s in sites:
        grid.setdefault(_cell(*s), []).append(s)
    crowded = {(round(k[0], 2), round(k[1], 2)) for k, n in (shared or {}).items() if n > 1}
    groups: dict[tuple[int, int], list[list]] = {}
    for rows in layers:
        for row in rows:
            groups.setdefault(_key(row[lat_i], row[lon_i]), []).append(row)
    for rows in groups.values():
        at_site = _near_site(rows[0][lat_i], rows[0][lon_i], grid, 0.15)
        if len(rows) == 1 and not at_site:
            rows[0].append(0)
            continue
        clear = 11.0
        if at_site:
            clear = 42.0 if (round(rows[0][lat_i], 2), round(rows[0][lon_i], 2)) in crowded else 20.0
        for row, off in zip(rows, ring_offsets(len(rows), clear), strict=True):
            row.append(list(off))


def site_refs(site_rows: list[list], events: list[list], facts: list[list], movements: list[list],
              km: float = SITE_RADIUS_KM, limit: int = 60) -> None:
    """Append to each site row the records located there: ``[["event"|"fact"|"movement", row index],
    ...]``."""
    grid: dict[tuple[int, int], list[int]] = {}
    for i, row in enumerate(site_rows):
        grid.setdefault(_cell(row[2], row[3]), []).append(i)
    refs: list[list] = [[] for _ in site_rows]

    def at(lat: float, lon: float) -> set[int]:
        c = _cell(lat, lon)
        hits = set()
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for i in grid.get((c[0] + dy, c[1] + dx), ()):
                    if haversine_km(lat, lon, site_rows[i][2], site_rows[i][3]) <= km:
                        hits.add(i)
        return hits

    for kind, rows in (("event", events), ("fact", facts)):
        for j, row in enumerate(rows):
            for i in at(row[9], row[10]):
                refs[i].append([kind, j])
    for j, row in enumerate(movements):
        hits = set()
        for p in row[9]:
            hits |= at(p[0], p[1])
        for i in hits:
            refs[i].append(["movement", j])
    for row, r in zip(site_rows, refs, strict=True):
        row.append(r[:limit])


def away_from_sites(items: list[tuple[str, float, float]], sites: list[tuple[float, float]],
                    km: float = 0.15) -> list[tuple[str, float, float]]:
    """The (name, lat, lon) items not at a site (a site's icon carries its own label)."""
    grid: dict[tuple[int, int], list] = {}
    for s in sites:
        grid.setdefault(_cell(*s), []).append(s)
    return [it for it in items if not _near_site(it[1], it[2], grid, km)]
