"""Place icons as inline SVG (no icon font, nothing to fetch) and the colour palettes.

Why SVG: an icon font is another asset to inline and license; a few small paths of our own
draw a tent, a border crossing, a plane and a town at any size and print well.
"""

from __future__ import annotations

# Place kind -> icon group. Kinds are geokit's PLACE_KINDS (model.py).
GROUPS: tuple[tuple[str, str], ...] = (
    ("camp", "Camps"),
    ("crossing", "Border crossings"),
    ("air", "Air bases & airports"),
    ("town", "Towns"),
    ("other", "Other places"),
)
KIND_GROUP = {
    "camp": "camp",
    "crossing": "crossing",
    "airbase": "air",
    "airport": "air",
    "city": "town",
    "town": "town",
    "village": "town",
}
GROUP_COLOURS = {"camp": "#8d5a2b", "crossing": "#b71c1c", "air": "#1f4e8c", "town": "#37474f",
                 "other": "#6d6d6d"}


def _badge(colour: str, inner: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" '
        'aria-hidden="true">'
        f'<circle cx="12" cy="12" r="11" fill="{colour}" stroke="#fff" stroke-width="1.6"/>{inner}</svg>'
    )


ICONS: dict[str, str] = {
    # tent: a ridge tent with an open door
    "camp": _badge(GROUP_COLOURS["camp"], '<path d="M12 5.5 L18.5 17 H5.5 Z" fill="#fff"/>'
                   '<path d="M12 10.5 L14.3 17 H9.7 Z" fill="#8d5a2b"/>'),
    # crossing: a boom barrier on a post
    "crossing": _badge(GROUP_COLOURS["crossing"], '<rect x="5" y="9" width="2.4" height="9" fill="#fff"/>'
                       '<rect x="6" y="9.2" width="13" height="3" rx="1" fill="#fff"/>'
                       '<rect x="10" y="9.2" width="2.4" height="3" fill="#b71c1c"/>'
                       '<rect x="15" y="9.2" width="2.4" height="3" fill="#b71c1c"/>'),
    # plane: top view, nose up
    "air": _badge(GROUP_COLOURS["air"], '<path d="M12 4.5 c.8 0 1.2 .9 1.2 1.8 V10 l5.3 3.2 v1.6 l-5.3-1.6'
                  ' v3.4 l1.6 1.2 v1.3 L12 18.3 9.2 19.1 v-1.3 l1.6-1.2 v-3.4 l-5.3 1.6 v-1.6 L10.8 10'
                  ' V6.3 c0-.9 .4-1.8 1.2-1.8 z" fill="#fff"/>'),
    # town: a cluster of houses
    "town": _badge(GROUP_COLOURS["town"], '<path d="M6 17 V11.5 L9.5 8.5 13 11.5 V17 Z" fill="#fff"/>'
                   '<path d="M13.5 17 V9 h4.5 V17 Z" fill="#fff"/><rect x="8.6" y="13.5" width="1.8" '
                   'height="3.5"'
                   ' fill="#37474f"/>'),
    "other": _badge(GROUP_COLOURS["other"], '<circle cx="12" cy="12" r="3.5" fill="#fff"/>'),
    # a figure (fact) marker: a small square with a bar chart
    "fact": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20" width="20" height="20" '
            'aria-hidden="true">'
            '<rect x="1" y="1" width="18" height="18" rx="3" fill="#5e35b1" stroke="#fff" '
            'stroke-width="1.5"/>'
            '<rect x="5" y="10" width="2.5" height="5" fill="#fff"/><rect x="8.8" y="6" width="2.5" '
            'height="9"'
            ' fill="#fff"/><rect x="12.6" y="8" width="2.5" height="7" fill="#fff"/></svg>',
    # arrowhead, pointing right (rotated by the page)
    "arrowhead": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20" width="20" height="20"'
                 ' aria-hidden="true"><path d="M3 3 L18 10 L3 17 L7 10 Z" fill="currentColor" stroke="#fff"'
                 ' stroke-width="1.2" stroke-linejoin="round"/></svg>',
}

# Event types: distinct, colour-blind-aware hues (Okabe-Ito first, then Tableau).
EVENT_PALETTE = (
    "#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#b8860b", "#000000",
    "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#1b5e20", "#880e4f",
)
MOVEMENT_PALETTE = ("#6a1b9a", "#00695c", "#ad1457", "#283593", "#4e342e", "#00838f", "#558b2f", "#3e2723")


def colour_for(index: int, palette: tuple[str, ...] = EVENT_PALETTE) -> str:
    """Colour of the ``index``-th type (cycles when there are more types than colours)."""
    return palette[index % len(palette)]


def group_of(kind: str) -> str:
    """Icon group of a place kind ('other' for anything not drawn with a special icon)."""
    return KIND_GROUP.get((kind or "").lower(), "other")
