"""Score a geoparser against gold corpora in the XML format of Gritta et al. (TR-News, GeoVirus, LGL...).

Two modes:

* ``end2end`` -- the parser finds the toponyms itself. A prediction matches a gold toponym when
  both have the same string (case-insensitive, whitespace-normalised) and span centres within
  10 characters (the EUPEG convention), one-to-one, greedily by centre distance. We report
  precision/recall/F1 of recognition and, over the matched ones, the distance metrics.
* ``resolution`` -- the parser gets the gold spans (``parse(text, spans=...)``) and only has to
  resolve them: exact GeoNames-id accuracy and accuracy within 161 km.

Distance metrics (after Gritta et al. 2018, "What's missing in geographical parsing?"):
accuracy within 161 km (100 miles), mean and median error in km, and the AUC of the error
curve (see :func:`auc_of_errors`). A matched toponym the parser left unresolved (``place`` None)
counts as wrong, with the maximum error (half the Earth's circumference, 20,039 km). Gold
toponyms without coordinates are skipped for distance metrics and counted.

Offsets are checked on the data rather than trusted: the corpus-wide offset shift is detected
(GeoVirus is 1-based) and drifting spans are snapped to the nearest occurrence of the gold
phrase within 20 characters (TR-News has ~115 such spans). A parser exception in one article
is recorded and counted; it never aborts the run (that article's gold counts as missed).
"""

from __future__ import annotations

from geokit.evaluate.corpus import HALVES, Article, GoldToponym, load_corpus, select_half
from geokit.evaluate.metrics import (
    CENTRE_WINDOW,
    EARTH_RADIUS_KM,
    MAX_ERROR_KM,
    WITHIN_KM,
    auc_of_errors,
    haversine_km,
    match_toponyms,
)
from geokit.evaluate.report import EvalReport, Failure, Miss, write_errors
from geokit.evaluate.run import DEFAULT_KINDS, MODES, default_parse, evaluate

__all__ = [
    "Article", "GoldToponym", "load_corpus", "HALVES", "select_half", "CENTRE_WINDOW", "EARTH_RADIUS_KM",
    "MAX_ERROR_KM", "WITHIN_KM",
    "auc_of_errors", "haversine_km", "match_toponyms", "EvalReport", "Failure", "Miss", "write_errors",
    "DEFAULT_KINDS", "MODES", "default_parse", "evaluate",
]
