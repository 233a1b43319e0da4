"""Stage 1, the gazetteer: where places are known.

``sources`` reads the committed and packaged layers (GeoNames cities, countries, admin areas, curated
camps and crossings, airports); ``text`` makes the name keys (folded, transliteration skeleton);
``store`` builds and opens the one SQLite file; ``resolver`` ranks candidates for a name;
``geocoder`` is the same resolver behind geopy's interface; ``geo`` has the distance helpers.
Nothing here knows about documents: the parse stage below builds on it.
"""
