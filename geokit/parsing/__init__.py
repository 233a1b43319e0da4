"""Stage 2, parsing: every toponym of a text with offsets, resolved in the context of the report.

``parser`` holds the tokenizer, the ``Recogniser`` (capitalised runs matched against the gazetteer,
then filtered: people, organisations, media, common words), the ``ContextResolver`` (country focus,
admin consistency, spatial coherence, one sense per discourse) and the ``Parser`` facade;
``lexicon`` the word lists; ``dates`` reads dates written in text (used by events too); ``ner`` the
optional spaCy evidence. Named ``parsing`` so that ``geokit.parse`` stays the facade function.
"""
