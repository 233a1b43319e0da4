"""Stage 2, parsing: every toponym of a text with offsets, resolved in the context of the report.

``tokens`` (words with offsets, capitalised runs) -> ``recognise`` (the ``Recogniser``: gazetteer
matches in each run, then filtered: people, organisations, media, common words) -> ``context`` (the
``ContextResolver``: the report's home region, "X, Y" pairs, lists, country focus, admin consistency,
spatial coherence, one sense per discourse) -> ``parser`` (the ``Parser`` facade).
``home`` reads the home-region evidence (datelines, a user's prior); ``lexicon`` reads the word lists
and patterns of ``rules/*.toml`` (each with an id; user files via ``GEOKIT_RULES``); ``dates`` reads
dates written in text (used by events too); ``ner`` is the optional spaCy evidence. Named ``parsing``
so that ``geokit.parse`` stays the facade function.
"""
