"""Name normalisation: the keys under which the gazetteer indexes names.

Three levels, from strict to loose:

- ``fold(s)``: case, diacritics (Turkish ı/İ/ş/ğ/ç/ö/ü), apostrophes and ayn/hamza marks
  (' ‘ ’ ` ʿ ʾ), hyphens and spacing. "Kafr ‘Uwayd" -> "kafr uwayd", "Reyhanlı" -> "reyhanli".
- ``skeleton(s)``: a transliteration-robust consonant key built from the folded form:
  Arabic articles (al-/el-/as-/ash-/ar-/ad-/ez-...) dropped, digraphs unified (kh/gh/sh/dh/th/ou/ee),
  q->k, c->k, doubled letters merged, vowels and w/y removed. "Kafrawaid", "Kafr Owaid" and
  "Kafr ‘Uwayd" all give "kfrd"; "Deir ez-Zor" and "Dayr az Zawr" give "drzr".
- ``strip_type_words(s)``: splits "Hatay Province" into ("Hatay", "admin1"), "Apaydin refugee camp"
  into ("Apaydin", "camp"), "the town of Reyhanli" into ("Reyhanli", "town").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

# Marks that are dropped, not turned into spaces: apostrophes, ayn/hamza, modifier letters.
_DROP = dict.fromkeys(map(ord, "'’‘`´ʿʾʼʻ′ʹ\u02bf\u02be\u0027\u2018\u2019\u201b"), None)
# Zero-width and bidi controls.
_INVISIBLE = dict.fromkeys(
    [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
     0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0x00AD], None)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def clean(s: str) -> str:
    """Remove invisible/bidi control characters and normalise to NFC."""
    return unicodedata.normalize("NFC", s.translate(_INVISIBLE))


@lru_cache(maxsize=200_000)
def fold(s: str) -> str:
    """Lowercase ASCII key: no diacritics, no apostrophes, words separated by one space."""
    s = clean(s).translate(_DROP)
    # Turkish dotless/dotted i before generic transliteration.
    s = s.replace("İ", "I").replace("ı", "i")
    if not s.isascii():
        s = anyascii(s)
        s = s.translate(_DROP)
    s = s.lower()
    return _NON_ALNUM.sub(" ", s).strip()


_ARTICLES = ("al", "el", "ul", "il", "as", "ash", "ar", "ad", "ed", "ad", "az", "ez", "at", "et", "an", "en",
             "adh",
             "ath", "as", "es", "is", "us", "ud", "ut", "uz", "ush", "ur")
_ARTICLE_SET = frozenset(_ARTICLES)
_DIGRAPHS = [
    ("kafr", "kfr"), ("kfar", "kfr"), ("kafer", "kfr"), ("kefr", "kfr"), ("kefer", "kfr"),
    ("tell", "tl"), ("tall", "tl"),
    ("kh", "h"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("dh", "z"), ("th", "t"), ("ph", "f"),
    ("ou", "u"), ("ee", "i"), ("oo", "u"), ("q", "k"), ("c", "k"), ("x", "ks"), ("j", "j"),
]
_VOWELS = re.compile(r"[aeiouwy]")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def skeleton(s: str) -> str:
    """Consonant skeleton robust to Arabic/Turkish transliteration variants (see module doc)."""
    return skeleton_of_key(fold(s))


def skeleton_of_key(key: str) -> str:
    """The skeleton of an already folded key (the store builder folds every name once)."""
    words = key.split()
    if len(words) > 1:
        words = [w for w in words if w not in _ARTICLE_SET] or words
    out = []
    for i, w in enumerate(words):
        # glued article: "alhasakah", "ashshughur" (only when the rest stays long)
        for art in ("al", "el"):
            if w.startswith(art) and len(w) > len(art) + 3 and len(words) > 1:
                w = w[len(art):]
                break
        w = _DOUBLE.sub(r"\1", w)
        if len(w) > 3 and w[-1] == "h" and w[-2] in "aeiou":
            w = w[:-1]  # Hasakah/Hasaka, Raqqah/Raqqa
        for a, b in _DIGRAPHS:
            if a in w:
                w = w.replace(a, b)
        w = _DOUBLE.sub(r"\1", w)
        head, rest = w[:1], w[1:]
        # keep a leading vowel as a marker so "Ain"/"Ayn" != "N"; drop inner vowels
        if head in ("a", "e", "i", "o", "u", "w", "y"):
            head = "a" if i == 0 else ""
        out.append(head + _VOWELS.sub("", rest))
    key = _DOUBLE.sub(r"\1", "".join(out))
    return key


# Type words: a suffix or prefix that says what kind of place a name is.
# Order matters: longer phrases first.
_TYPE_SUFFIXES: list[tuple[str, str]] = [
    ("refugee camp", "camp"), ("displacement camp", "camp"), ("idp camp", "camp"), ("tent camp", "camp"),
    ("tent city", "camp"), ("container city", "camp"), ("camp", "camp"), ("camps", "camp"),
    ("border crossing", "crossing"), ("border gate", "crossing"), ("border post", "crossing"),
    ("crossing point", "crossing"), ("crossing", "crossing"), ("gate", "crossing"),
    ("air base", "airbase"), ("airbase", "airbase"), ("air force base", "airbase"),
    ("military airport", "airbase"),
    ("military airbase", "airbase"), ("airport", "airport"), ("international airport", "airport"),
    ("governorate", "admin1"), ("province", "admin1"), ("provinces", "admin1"), ("region", "region"),
    ("state", "admin1"), ("muhafazat", "admin1"), ("vilayet", "admin1"), ("ili", "admin1"),
    ("river", "river"), ("river valley", "river"), ("mountains", "mountain"), ("mountain", "mountain"),
    ("mountain range", "mountain"), ("range", "mountain"), ("lake", "lake"), ("sea", "sea"),
    ("ocean", "ocean"),
    ("gulf", "sea"), ("bay", "sea"), ("strait", "sea"), ("straits", "sea"), ("desert", "desert"),
    ("peninsula", "peninsula"), ("island", "island"), ("islands", "island"), ("parish", "admin2"),
    ("district", "admin2"), ("county", "admin2"), ("ilcesi", "admin2"), ("sub district", "admin2"),
    ("city", "city"), ("town", "town"), ("village", "village"), ("villages", "village"),
]
_TYPE_PREFIXES: list[tuple[str, str]] = [
    ("the town of", "town"), ("town of", "town"), ("the city of", "city"), ("city of", "city"),
    ("the village of", "village"), ("village of", "village"), ("the province of", "admin1"),
    ("province of", "admin1"), ("the governorate of", "admin1"), ("governorate of", "admin1"),
    ("the district of", "admin2"), ("district of", "admin2"), ("the region of", "region"),
    ("the camp of", "camp"), ("camp of", "camp"), ("lake", "lake"), ("mount", "mountain"), ("mt", "mountain"),
    ("gulf of", "sea"), ("sea of", "sea"), ("bay of", "sea"), ("strait of", "sea"), ("the", ""),
]


_SUFFIXES = [(tuple(p.split()), k) for p, k in _TYPE_SUFFIXES]
_PREFIXES = [(tuple(p.split()), k) for p, k in _TYPE_PREFIXES]
_SUFFIX_LAST = frozenset(p[-1] for p, _ in _SUFFIXES)
_PREFIX_FIRST = frozenset(p[0] for p, _ in _PREFIXES)


@lru_cache(maxsize=100_000)
def strip_type_words(name: str) -> tuple[str, str]:
    """Split a name into (core name, cue kind); cue kind is "" when there is no type word."""
    f = fold(name)
    words = tuple(f.split())
    if words and words[0] in _PREFIX_FIRST:
        for p, kind in _PREFIXES:
            if len(words) > len(p) and words[: len(p)] == p:
                core, cue = _strip_suffix(words[len(p):])
                return core, cue or kind
    return _strip_suffix(words)


def _strip_suffix(words: tuple[str, ...]) -> tuple[str, str]:
    if words and words[-1] in _SUFFIX_LAST:
        for p, kind in _SUFFIXES:
            if len(words) > len(p) and words[-len(p):] == p:
                return " ".join(words[: -len(p)]), kind
    return " ".join(words), ""


# Which gazetteer kinds a cue word points at.
CUE_KINDS: dict[str, frozenset[str]] = {
    "camp": frozenset({"camp"}),
    "crossing": frozenset({"crossing"}),
    "airbase": frozenset({"airbase", "airport"}),
    "airport": frozenset({"airport", "airbase"}),
    "admin1": frozenset({"admin1"}),
    "admin2": frozenset({"admin2", "admin1"}),
    "region": frozenset({"region", "admin1", "admin2", "peninsula", "continent"}),
    "river": frozenset({"river"}),
    "mountain": frozenset({"mountain"}),
    "lake": frozenset({"lake"}),
    "sea": frozenset({"sea", "ocean"}),
    "ocean": frozenset({"ocean", "sea"}),
    "desert": frozenset({"desert", "region"}),
    "peninsula": frozenset({"peninsula", "region"}),
    "island": frozenset({"island"}),
    "city": frozenset({"city", "town"}),
    "town": frozenset({"town", "city", "village"}),
    "village": frozenset({"village", "town"}),
}
