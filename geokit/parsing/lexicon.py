"""Word lists the recogniser uses to tell places from everything else, read from rule files.

The lists live as data in ``geokit/parsing/rules/lexicon.toml`` (general English news vocabulary:
titles that announce a person, words that make a capitalised run an organisation or a medium, media
names, common words that are also place names), each with an ``id`` that a dropped mention's
``reason`` names. A user extends them without forking: every ``*.toml`` file named in the
``GEOKIT_RULES`` environment variable (files or folders, separated like ``PATH``) is read after the
package's own, or call :func:`add_rules` with a path. Lists with the same ``role`` add up.
"""

from __future__ import annotations

import os
import re
import tomllib
from functools import lru_cache
from pathlib import Path

from geokit.errors import InputError

RULES_DIR = Path(__file__).parent / "rules"
ROLES = ("person_titles", "person_names", "org_words", "media_followers", "media_names", "buildings",
         "name_connectors", "directions", "common_words", "arabic_articles", "arabic_heads", "org_after",
         "media_org", "generic_last", "type_words", "functionish", "group_names", "surname_particles",
         "street_words", "team_words", "facility_words", "facility_lead")
_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE}

# role -> the words of every list of that role (the sets the recogniser tests against; extended in place)
_WORDS: dict[str, set[str]] = {r: set() for r in ROLES}
# role -> [(list id, its words)], to name the rule that made a decision
_LISTS: dict[str, list[tuple[str, frozenset[str]]]] = {r: [] for r in ROLES}
_LOADED: list[str] = []
# pattern id -> (compiled pattern, the file it came from); a later file with the same id replaces it
_PATTERNS: dict[str, re.Pattern] = {}


def add_rules(path: str | Path) -> list[str]:
    """Read a rule file (or every ``*.toml`` of a folder) and add its lists; returns the list ids added.
    InputError when a file is not TOML of the documented layout (nothing of that file is added)."""
    p = Path(path)
    files = sorted(p.glob("*.toml")) if p.is_dir() else [p]
    added: list[str] = []
    for f in files:
        try:
            data = tomllib.loads(f.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise InputError(f"rule file {f}: cannot read it as TOML ({exc})") from exc
        lists = data.get("list", [])
        patterns = _read_patterns(f, data.get("pattern", []))
        parsed = []
        for i, entry in enumerate(lists if isinstance(lists, list) else [None]):
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"].strip():
                raise InputError(f"rule file {f}: list #{i + 1} needs an 'id'")
            role = entry.get("role")
            if role not in ROLES:
                raise InputError(
                    f"rule file {f}: list {entry['id']!r} has role {role!r}; roles: {', '.join(ROLES)}"
                )
            words = entry.get("words", "")
            if isinstance(words, str):
                sep = entry.get("sep", " ")
                items = words.split(sep) if sep != " " else words.split()
            elif isinstance(words, list) and all(isinstance(w, str) for w in words):
                items = words
            else:
                raise InputError(
                    f"rule file {f}: list {entry['id']!r}: 'words' must be a string or a list of strings"
                )
            parsed.append(
                (
                    role,
                    entry["id"].strip(),
                    frozenset(" ".join(w.split()).lower() for w in items if w.strip()),
                )
            )
        for role, rid, ws in parsed:
            _LISTS[role].append((rid, ws))
            _WORDS[role].update(ws)
            added.append(rid)
        for rid, pat in patterns:
            _PATTERNS[rid] = pat
            added.append(rid)
        _LOADED.append(str(f))
    return added


def _read_patterns(f: Path, entries) -> list[tuple[str, re.Pattern]]:
    out = []
    for i, e in enumerate(entries if isinstance(entries, list) else [None]):
        if not isinstance(e, dict) or not isinstance(e.get("id"), str) or not e["id"].strip():
            raise InputError(f"rule file {f}: pattern #{i + 1} needs an 'id'")
        src = e.get("pattern")
        src = "".join(src) if isinstance(src, list) and all(isinstance(x, str) for x in src) else src
        if not isinstance(src, str) or not src:
            raise InputError(
                f"rule file {f}: pattern {e['id']!r} needs a 'pattern' (a string or a list of strings)"
            )
        flags = 0
        for ch in e.get("flags", ""):
            if ch not in _FLAGS:
                raise InputError(f"rule file {f}: pattern {e['id']!r}: unknown flag {ch!r} (use i, m)")
            flags |= _FLAGS[ch]
        try:
            out.append((e["id"].strip(), re.compile(src, flags)))
        except re.error as exc:
            raise InputError(
                f"rule file {f}: pattern {e['id']!r} is not a regular expression ({exc})"
            ) from exc
    return out


def pattern(rid: str) -> re.Pattern:
    """The compiled pattern of rule ``rid`` (see ``rules/patterns.toml``)."""
    try:
        return _PATTERNS[rid]
    except KeyError:
        raise InputError(f"no pattern rule {rid!r} (rule files read: {', '.join(_LOADED)})") from None


class PatternRule:
    """A pattern rule looked up by id at each use, so a rule file added later replaces it everywhere."""

    __slots__ = ("id",)

    def __init__(self, rid: str) -> None:
        pattern(rid)  # fails now, not at first use, when the id is unknown
        self.id = rid

    def match(self, *args):
        return _PATTERNS[self.id].match(*args)

    def search(self, *args):
        return _PATTERNS[self.id].search(*args)

    def finditer(self, *args):
        return _PATTERNS[self.id].finditer(*args)


def rule_id(role: str, word: str) -> str:
    """The id of the (last added) list of ``role`` that holds ``word``; '' when none does."""
    w = " ".join(word.split()).lower()
    for rid, ws in reversed(_LISTS.get(role, [])):
        if w in ws:
            return rid
    return ""


def loaded_files() -> list[str]:
    return list(_LOADED)


def _load_defaults() -> None:
    add_rules(RULES_DIR)
    for part in filter(None, os.environ.get("GEOKIT_RULES", "").split(os.pathsep)):
        add_rules(part)


_load_defaults()

# The recogniser's sets, by their historical names (the same objects: add_rules extends them).
PERSON_TITLES = _WORDS["person_titles"]
PERSON_NAMES = _WORDS["person_names"]
ORG_WORDS = _WORDS["org_words"]
MEDIA_FOLLOWERS = _WORDS["media_followers"]
MEDIA_NAMES = _WORDS["media_names"]
BUILDINGS = _WORDS["buildings"]
GROUP_NAMES = _WORDS["group_names"]
NAME_CONNECTORS = _WORDS["name_connectors"]
DIRECTIONS = _WORDS["directions"]
COMMON_WORDS = _WORDS["common_words"]
ARABIC_ARTICLES = _WORDS["arabic_articles"]
ARABIC_HEADS = _WORDS["arabic_heads"]
ORG_AFTER = _WORDS["org_after"]
MEDIA_ORG = _WORDS["media_org"]
GENERIC_LAST = _WORDS["generic_last"]
TYPE_WORDS = _WORDS["type_words"]
FUNCTIONISH = _WORDS["functionish"]
SURNAME_PARTICLES = _WORDS["surname_particles"]
STREET_WORDS = _WORDS["street_words"]
TEAM_WORDS = _WORDS["team_words"]
FACILITY_WORDS = _WORDS["facility_words"]
FACILITY_LEAD = _WORDS["facility_lead"]


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lowercase English words (SCOWL): a capitalised one at a sentence start is probably just a word."""
    path = Path(__file__).resolve().parents[1] / "data" / "english_words.txt"
    with open(path, encoding="utf-8") as fh:
        return frozenset(w.strip() for w in fh if w.strip() and not w.startswith("#"))
