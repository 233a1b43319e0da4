"""Map features that are also Leaflet layers, so folium's LayerControl can list and toggle them."""

from __future__ import annotations

from folium.map import Layer

from geokit.maps.core import Feature
from geokit.maps.safe import escape_html


class LayerFeature(Feature, Layer):
    """A geokit feature whose JS value is a Leaflet layer shown as an overlay in the layer control.

    ``name`` is plain text; it is HTML-escaped here because Leaflet's layer control renders
    labels as HTML. ``label_html`` may add geokit's own markup (a colour swatch) in front.
    """

    def __init__(self, name: str, show: bool = True, control: bool = True, label_html: str = "") -> None:
        Feature.__init__(self)
        self.layer_name = label_html + escape_html(name)
        self.overlay = True
        self.control = control
        self.add_to_map = show
        self.show = False  # folium would add it outside our error guard; Feature's template does it

    def fallback(self) -> str:
        return " || L.layerGroup()"
