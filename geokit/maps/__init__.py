"""Offline Leaflet maps of places, events, movements and facts (``geokit.maps.build_map``).

One module per feature, like folium's plugins: ``basemap`` (Natural Earth outlines, no tile
server), ``assets`` (inlining + CSP), ``places`` (tent/crossing/plane/town icons), ``arrows``
(movements), ``markers`` and ``fastcluster`` (events and facts), ``timeslider``, ``legend``,
``search``, ``unplaced`` (the "not on the map" panel) and ``safe`` (article text as data).
"""

from __future__ import annotations

from geokit.maps.geomap import GeoMap, build_map
from geokit.maps.records import Problem

__all__ = ["GeoMap", "Problem", "build_map"]
