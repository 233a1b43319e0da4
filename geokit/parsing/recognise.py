"""Recognition: which capitalised runs are toponyms, and which are people, organisations or media.

The longest gazetteer match inside each run, extended by type words ("Hatay Province", "Apaydin
refugee camp"), then judged: persons (titles, "First Last" shapes and their later mentions),
organisations and media (the place is "embedded"), common words, acronyms, demonyms. Each name judged
not a place is kept in ``Document.dropped`` with the rule id that said so. What is learnt about one
document lives in a per-call ``_DocState``: the recogniser itself is shared (threads, workers).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from geokit.gazetteer.resolver import Resolver
from geokit.gazetteer.text import fold, skeleton, strip_type_words
from geokit.parsing.context import (
    Mention,
    inside,
    link_containers,
)
from geokit.parsing.lexicon import (
    ARABIC_ARTICLES,
    ARABIC_HEADS,
    BUILDINGS,
    COMMON_WORDS,
    DIRECTIONS,
    FACILITY_LEAD,
    FACILITY_WORDS,
    FUNCTIONISH,
    GENERIC_LAST,
    GROUP_NAMES,
    MEDIA_FOLLOWERS,
    MEDIA_NAMES,
    MEDIA_ORG,
    NAME_CONNECTORS,
    ORG_AFTER,
    ORG_WORDS,
    PERSON_NAMES,
    PERSON_TITLES,
    STREET_WORDS,
    SURNAME_PARTICLES,
    TEAM_WORDS,
    TYPE_WORDS,
    PatternRule,
    english_words,
    rule_id,
)
from geokit.parsing.tokens import Tok, article_joined, runs, tokenize

log = logging.getLogger(__name__)

# Filter decisions made by code rather than by one list or pattern of rules/*.toml; a dropped name's
# reason names one of these ids or a rule id of those files.
NAMED_CHECKS = frozenset({"person-shape", "acronym", "initial", "english-word", "short-name", "used-as-word",
                          "unsupported-small-place", "bloc"})
MAX_SPAN_TOKENS = 6
CHUNK_CHARS = 200_000  # recognition works chunk by chunk so a huge text keeps memory bounded
_POSSESSIVE_GAP = re.compile(r"['’]s\s")
_TYPE_AFTER = PatternRule("type-after")  # rules/patterns.toml
_CONTAINED_GAP = re.compile(r"^(?:\s*,\s*|\s+in\s+)$")
# surnames with a capital inside: "McGimpsey", "MacLeod", "O'Brien", "D'Amato", "Smith-Jones"
_SURNAME_SHAPE = re.compile(r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
_NAME_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s+$")  # a first name or a title right before a name
# type words that, written in lowercase after a name, are only a cue ("Idlib province": the name is "Idlib")
_LOWER_CUES = ("admin1", "admin2", "city", "town", "village", "region", "river", "mountain", "lake", "sea",
               "ocean", "desert", "peninsula", "island")
_CUES_BEFORE = tuple((re.compile(p, re.IGNORECASE), cue) for p, cue in (
    (r"\b(?:town|towns) of\s+$", "town"), (r"\b(?:city) of\s+$", "city"),
    (r"\b(?:village|villages) of\s+$", "village"),
    (r"\b(?:province|governorate) of\s+$", "admin1"),
    (r"\bdistrict of\s+$", "admin2"),
    (r"(?-i:\bCo\.?)[ \t]+$", "admin2")))  # "Athlone, Co Westmeath": an Irish or British county


def _cue_before(text: str, m: Mention) -> None:
    """"the town of X", "the province of X": a cue for what X is."""
    before = text[max(0, m.start - 40):m.start]
    for pat, cue in _CUES_BEFORE:
        if pat.search(before):
            m.cue = cue
            return
_LOCATIVE_BEFORE = PatternRule("locative-before")  # rules/patterns.toml
_LOCATIVE_LIST = PatternRule("locative-list-before")  # rules/patterns.toml
_TYPE_APPOSITION = PatternRule("type-apposition-after")  # rules/patterns.toml
_LOCATIVE_LIST_MIDDLE = PatternRule("locative-list-middle")  # rules/patterns.toml
_LIST_CLOSES = PatternRule("list-closes-after")  # rules/patterns.toml
_DATELINE = PatternRule("dateline-caps")  # rules/patterns.toml
_METONYMY_AFTER = PatternRule("metonymy-after")  # rules/patterns.toml


@dataclass(slots=True)
class _DocState:
    """What recognition learns while reading one document (people named in it); one per call."""

    persons: set[str] = field(default_factory=set)
    person_span: tuple[int, int] = (0, 0)
    dropped: list[Mention] = field(default_factory=list)  # names judged not to be places, with the rule

    def drop(self, m: Mention, kind: str, rule: str, why: str) -> None:
        """Remember a name that is not a place: its kind (person, organisation, media, word) and the
        rule that said so (a list or pattern id of ``rules/*.toml``, or a named check of this module)."""
        m.kind = kind
        m.notes.append(f"rule {rule}: {why}")
        self.dropped.append(m)

    # Facts about the current run, computed once per run (not once per name in it): recomputing them
    # for every name made a long run of capitalised names quadratic (issue 11).
    run_low: list[str] = field(default_factory=list)  # the run's words, lowercased, dot stripped
    org_from: list[bool] = field(default_factory=list)  # an organisation word at k or after
    org_of_before: list[bool] = field(default_factory=list)  # an organisation word and "of" before k
    person_run: int | None = None  # _person_run of the run, once asked

    def start_run(self, rtoks: list[Tok]) -> None:
        low = [t.text.lower().rstrip(".") for t in rtoks]
        n = len(low)
        org_from = [False] * (n + 1)
        for k in range(n - 1, -1, -1):
            org_from[k] = org_from[k + 1] or low[k] in ORG_WORDS or low[k] in TEAM_WORDS
        org_of_before = [False] * (n + 1)
        org = of = False
        for k in range(n):
            org_of_before[k] = org and of
            org, of = org or low[k] in ORG_WORDS, of or low[k] == "of"
        org_of_before[n] = org and of
        self.run_low, self.org_from, self.org_of_before, self.person_run = low, org_from, org_of_before, None


class Recogniser:
    """Finds toponym mentions; needs only the store's key lookups (no model)."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.store = resolver.store

    def is_name(self, key: str, span: str = "") -> bool:
        """Whether the gazetteer knows the name; an all-caps code (IATA "WAS") only matches all-caps text."""
        if not key:
            return False
        rows = self.store.by_key(key)
        if not rows:
            return False
        if not span or span.isupper():
            return True
        return any(not nm.isupper() or len(nm) > 5 for _pid, nm, _p in rows)

    def recognise(self, text: str, dropped: list[Mention] | None = None) -> list[Mention]:
        """Toponym mentions of ``text``; names judged not to be places go to ``dropped`` (when given)
        with their kind and the rule that decided."""
        mentions: list[Mention] = []
        st = _DocState()  # per call: the shared recogniser keeps no document's state
        pos = 0
        n = len(text)
        while pos < n:
            end = min(n, pos + CHUNK_CHARS)
            if end < n:  # cut at a paragraph or line break so names are not split
                cut = text.rfind("\n", pos + CHUNK_CHARS // 2, end)
                end = cut + 1 if cut > pos else end
            mentions.extend(self._recognise_chunk(text, pos, end, st))
            pos = end
        mentions = self._filter_persons(text, mentions, st)
        mentions = self._rescue_contained(text, mentions, st)
        link_containers(text, mentions)
        if dropped is not None:
            dropped.extend(sorted(st.dropped, key=lambda m: m.start))
        return mentions

    def _rescue_contained(self, text: str, mentions: list[Mention], st: _DocState) -> list[Mention]:
        """A name dropped as a person, an organisation or a word that is written with a first- or
        second-level area holding a place of that name ("Beni in North Kivu", "Oxnard, California") is
        that place: a namesake inside the very area named beside it is strong evidence."""
        if not st.dropped or not mentions:
            return mentions
        starts = [m.start for m in mentions]
        rescued = []
        for d in st.dropped:
            if d.kind not in ("person", "organisation", "word") or d.text != d.name:
                continue
            if d.kind == "person" and _NAME_BEFORE.search(text[max(0, d.start - 40):d.start]):
                continue  # "Hillary Clinton in Wisconsin", "Gov. Walker in Wisconsin": the person's name
            k = bisect_left(starts, d.end)
            if k >= len(mentions) or not _CONTAINED_GAP.match(text[d.end:mentions[k].start]):
                continue
            area = self._area(mentions[k].name)
            if area is None:
                continue
            try:
                cands = self.resolver.resolve(d.name, limit=40, fuzzy=False)
            except Exception:  # an odd name never spoils the document
                continue
            if any(c.kind not in ("country", "continent", "admin1", "region")
                   and c.match in ("exact", "alternate")
                   and inside(c.country_code, c.admin1, c.lat, c.lon, area.kind, area.country_code,
                              area.admin1 or area.name, area.lat, area.lon, area.bbox) for c in cands):
                d.kind = "literal"
                d.notes.append(f"rescued: written with {area.name}, which holds a place of that name")
                rescued.append(d)
        if not rescued:
            return mentions
        st.dropped = [d for d in st.dropped if d not in rescued]
        return sorted(mentions + rescued, key=lambda m: m.start)

    def _area(self, name: str):
        """The first- or second-level area a name surely is ("North Kivu", "Clay County"), or None."""
        try:
            cands = self.resolver.resolve(name, limit=3)
        except Exception:
            return None
        if cands and cands[0].score >= 0.5 and (cands[0].kind == "admin1"
                                                or (cands[0].kind == "admin2" and cands[0].bbox is not None)):
            return cands[0]
        return None

    def _recognise_chunk(self, text: str, start: int, end: int, st: _DocState) -> list[Mention]:
        chunk = text[start:end]
        toks = tokenize(chunk, start)
        headline_lines = _headline_lines(text, start, end)
        datelines = {m.start(1) + start for m in _DATELINE.finditer(chunk)}
        lower_words = {t.text.lower() for t in toks if not t.cap}
        out: list[Mention] = []
        for run in _split_after_headlines(text, toks, self._possessive_names(text, toks, runs(text, toks)),
                                          headline_lines):
            i = 0
            rtoks = [toks[k] for k in run]
            st.person_span = (len(rtoks), len(rtoks))
            st.start_run(rtoks)
            first_of_run = len(out)
            self._note_titled_person(text, toks, rtoks, st)
            in_headline = _line_start(text, rtoks[0].start) in headline_lines
            while i < len(rtoks):
                m, j = self._match_at(text, rtoks, i)
                if m is None:
                    i += 1
                    continue
                verdict = self._judge(text, toks, run, rtoks, i, j, m, datelines, lower_words, in_headline,
                                      st)
                if verdict:
                    out.append(verdict)
                i = j
            self._unknown_with_cue(text, rtoks, out, first_of_run)
        return out

    def _note_titled_person(self, text: str, toks: list[Tok], rtoks: list[Tok], st: _DocState) -> int:
        """'Lieutenant Khaled al-Hamoud', 'Florida Senator Marco Rubio', 'Mr. Hague': remember the name
        words after a title as a person's; returns where the person starts in the run (len(run): none)."""
        words = [t.text.lower().rstrip(".") for t in rtoks]
        last_title = max((k for k, w in enumerate(words) if w in PERSON_TITLES), default=-1)
        if last_title < 0:
            prev = _prev_word(text, toks, rtoks[0]).lower().rstrip(".")
            if prev not in PERSON_TITLES:
                return len(rtoks)
        start = last_title + 1
        end = start
        while end < len(rtoks) and rtoks[end].cap and end - start < 4:
            end += 1
        if end == start:
            return len(rtoks)
        for t in rtoks[start:end]:
            if t.text.lower() not in NAME_CONNECTORS and not self.store.demonym(t.text):
                st.persons.add(fold(t.text.split("-")[-1]))
                st.persons.add(fold(t.text))
        st.person_span = (start, end)
        return start

    def _possessive_names(self, text: str, toks: list[Tok], rs: list[list[int]]) -> list[list[int]]:
        """Runs cut at a possessive are joined again where the whole is a gazetteer name ("Cox's Bazar",
        "King's Lynn"); "Turkey's Hatay" stays two names."""
        out: list[list[int]] = []
        for r in rs:
            prev = out[-1] if out else None
            if prev and toks[prev[-1]].possessive and _POSSESSIVE_GAP.fullmatch(
                    text, toks[prev[-1]].end, toks[r[0]].start) and any(
                    self.is_name(fold(span := text[toks[prev[-k]].start:toks[r[m - 1]].end]), span)
                    for k in (1, 2) if k <= len(prev) for m in (1, 2) if m <= len(r)):
                out[-1] = prev + r
            else:
                out.append(r)
        return out

    def _match_at(self, text: str, rtoks: list[Tok], i: int) -> tuple[Mention | None, int]:
        if not rtoks[i].cap:
            return None, i + 1
        for j in range(min(len(rtoks), i + MAX_SPAN_TOKENS), i, -1):
            last = rtoks[j - 1]
            if not last.cap:
                continue
            s, e = rtoks[i].start, last.end
            span = text[s:e]
            key = fold(span)
            if j - i <= 3 and all(t.cap for t in rtoks[i:j]):
                # "Syrian", and multi-word ones ("South Korean", "Sri Lankans"); a word that is also its
                # country's own name ("Myanmar troops") stays the place
                dem = self.store.demonym(span) if span[0].isupper() else None
                if dem and not self._primary_major(key):
                    return Mention(s, e, span, span, kind="demonym", demonym_cc=dem[0]), j
            if j - i == 1:
                ab = self.store.abbreviation(span) if span.replace(".", "").isupper() else None
                if ab is not None:
                    if not ab[0]:
                        return None, j  # "U.N.": looks like a place, is not
                    return Mention(s, e, span, span, abbr_cc=ab[0]), j
            if (j - i >= 2 and j < len(rtoks) and rtoks[j - 1].text.lower() in _GENERIC_LAST
                    and rtoks[j].text.lower() in ORG_WORDS):
                continue  # "Kentucky State Police": the place is "Kentucky"
            if (j - i >= 2 and rtoks[i].text.lower() == "the"
                    and not any(pr for _p, _n, pr in self.store.by_key(key))):
                # "The US": the article is not part of the name (but it is the official name "The Hague")
                continue
            variant = False
            if not self.is_name(key, span) and j - i >= 2 and self._arabic_variant(rtoks[i:j], span):
                variant = True
            code_cc = self._dotted_area_code(text, span, s, e) if not variant and j - i == 1 else ""
            if code_cc:
                # "Ga.", "Pa.": a newspaper abbreviation of a state the store knows by its code ("GA")
                if not span.endswith("."):
                    e, span = e + 1, span + "."
                m = Mention(s, e, span, span)
                m.notes.append("state abbreviation")
                return m, j
            if variant or self.is_name(key, span):
                if text[e:e + 1] == "." and any(nm == span + "." for _p, nm, _pr in self.store.by_key(key)):
                    e, span = e + 1, span + "."  # "Ky." is the name as written, dot included
                if (j == i + 1 and j < len(rtoks) and rtoks[j].text == rtoks[i].text
                        and text[e:rtoks[j].start] == " "):
                    # "Zam Zam camp": a reduplicated name is one name, not a place called "Zam" twice
                    # (names the gazetteer knows whole, "Walla Walla", matched as a longer span above)
                    e = rtoks[j].end
                    span = text[s:e]
                    j += 1
                    m = Mention(s, e, span, span)
                    m.notes.append("reduplicated")
                    self._extend_type_words(text, m)
                    return m, j
                m = Mention(s, e, span, span)
                if variant:
                    m.notes.append("variant")  # an Arabic-style name spelt unlike the gazetteer
                self._extend_type_words(text, m)
                return m, j
        return None, i + 1

    def _dotted_area_code(self, text: str, span: str, s: int, e: int) -> str:
        """'ATHENS, Ga.': a two-letter word with a dot, after a comma, whose capitals are the code of a
        first-level area ("GA" Georgia; the store knows the code, not the dotted form "Ga."): the
        area's country code, else ''."""
        word = span[:-1] if span.endswith(".") else span
        dotted = span.endswith(".") or text[e:e + 1] == "."
        if not (dotted and len(word) == 2 and word[0].isupper() and word[1].islower()):
            return ""
        before = re.search(r"((?:[A-Z][\w.’'-]*[ \t]+){0,2}[A-Z][\w.’'-]*),[ \t]*$", text[max(0, s - 60):s])
        if not before:
            return ""
        code = word.upper()
        rows = [pid for pid, nm, _p in self.store.by_key(fold(word))[:20] if nm == code]
        area = next((p for p in self.store.places(rows).values() if p.kind == "admin1"), None)
        if area is None:
            return ""
        # the name before the comma is a place in that area ("ATHENS, Ga.", not "Smith, Ma.")
        town = [pid for pid, _n, _p in self.store.by_key(fold(before.group(1)))[:80]]
        if not any(p.admin1_code == area.admin1_code and p.pid != area.pid
                   for p in self.store.places(town).values()):
            return ""
        return area.cc

    def _arabic_variant(self, toks: list[Tok], span: str) -> bool:
        """A multiword Arabic-style name ("Ras al-Ain") spelt differently from the gazetteer:
        recognised when its transliteration skeleton is a known name."""
        if not (any(article_joined(t.text) for t in toks[1:]) or toks[0].text.lower() in _ARABIC_HEADS):
            return False
        if toks[-1].text.lower() in _ARABIC_HEADS or toks[-1].text.lower() in NAME_CONNECTORS:
            return False
        sk = skeleton(span)
        return len(sk) >= 3 and bool(self.store.by_skeleton(sk))

    def _extend_type_words(self, text: str, m: Mention) -> None:
        fm = _FEATURE_AFTER.match(text, m.end)
        if fm:
            # "Salinas Valley", "Jordan River": a capitalised feature word is part of the name; the
            # place it is named after stands for it (resolved from the name without the word)
            m.end = fm.end()
            m.text = text[m.start:m.end]
            m.notes.append("feature")
            return
        tm = _TYPE_AFTER.match(text, m.end)
        if tm and tm.end() - m.end < 40 and self._city_of_an_organisation(text, m, tm):
            tm = None
        if tm and tm.end() - m.end < 40:
            ext = text[m.start:tm.end()]
            core, cue = strip_type_words(ext)
            if cue:
                word = tm.group(1)
                if word[0].islower() and cue in _LOWER_CUES:
                    # "Idlib province": the name is "Idlib"; the lowercase word is only a cue
                    m.cue = cue
                    m.name = ext
                    return
                m.end, m.text, m.name, m.cue = tm.end(), ext, ext, cue
                return
        _cue_before(text, m)

    def _city_of_an_organisation(self, text: str, m: Mention, tm: re.Match) -> bool:
        """'the Paris City Council', 'Alexandria City Schools', 'Westmeath County Council': "City" or
        "County" opens the organisation's name and the place is the name before it, unless a town has the
        whole "X City" as its own name ('Kansas City Council', 'Quezon City Police') or a county is known
        by "X County" ('Hall County Sheriff's Office')."""
        word = tm.group(1)
        if word not in ("City", "County"):
            return False
        nxt = re.match(r"[ \t]+([A-Z][a-z]+)", text[tm.end():tm.end() + 30])
        if not nxt or nxt.group(1).lower() not in ORG_WORDS:
            return False
        ext = fold(text[m.start:tm.end()])
        kinds = ("city", "town", "village") if word == "City" else ("admin1", "admin2")
        for pid, _nm, primary in self.store.by_key(ext)[:20]:
            p = self.store.place(pid) if primary or word == "County" else None
            if p and p.kind in kinds:
                return False
        return True

    def read_cues(self, text: str, m: Mention) -> None:
        """The cue words around a span given by the caller (``parse(text, spans=...)``), read as for a
        recognised name but without moving the span: a lowercase type word right after ("the Somme
        region", "Idlib province") or "the province/district/town of" before."""
        if m.cue:
            return
        tm = _TYPE_AFTER.match(text, m.end)
        if tm and tm.end() - m.end < 40 and tm.group(1)[0].islower():
            ext = text[m.start:tm.end()]
            cue = strip_type_words(ext)[1]
            if cue in _LOWER_CUES:
                m.cue, m.name = cue, ext
                return
        _cue_before(text, m)

    def _judge(self, text, toks, run, rtoks, i, j, m: Mention, datelines, lower_words, in_headline,
               st: _DocState) -> Mention | None:
        span_toks = rtoks[i:j]
        first = span_toks[0]
        key = fold(m.name)
        single = j - i == 1
        # Dateline: "ISTANBUL —" is a place whatever its case.
        is_dateline = first.start in datelines
        # "Hobbs Street", "Old Frankfort Pike", "Atlanta Highway": a street named after a place is no
        # mention of that place (nor evidence of where the report is)
        if not is_dateline and _street_after(text, m.end):
            return st.drop(m, "street", rule_id("street_words", _street_after(text, m.end)) or "street-words",
                           "part of a street's or a road's name")
        # "Boulevard Voltaire", "Rue Oberkampf", "Avenue Bourguiba": a name after a Romance street or facility
        # word of its own run names the street (a small place of that name is not meant; a big one stays)
        if (not is_dateline and i > 0 and rtoks[i - 1].text.lower() in FACILITY_LEAD and not m.cue
                and m.kind != "demonym" and not self._is_strong(key)):
            rid = rule_id("facility_lead", rtoks[i - 1].text.lower()) or "facility-lead"
            return st.drop(m, "street", rid, "named after a street or facility word ('Boulevard Voltaire')")
        # "the Petit Cambodge restaurant": a part of a longer capitalised name that a lowercase venue word
        # follows is a word of the venue's name (a big place inside it stays)
        if (not is_dateline and len(rtoks) >= 2 and (i > 0 or j < len(rtoks)) and not m.cue
                and m.kind != "demonym" and _VENUE_AFTER.match(text[rtoks[-1].end:rtoks[-1].end + 30])
                and not self._is_strong(key)):
            return st.drop(m, "facility", "venue-after", "a word of a venue's name ('the Petit Cambodge "
                           "restaurant')")
        # "Ras" of an unknown "Ras al-Something": a fragment of a longer name, not a place
        if single and j < len(rtoks) and not m.cue and (
                article_joined(rtoks[j].text) or rtoks[j].text.lower() in ARABIC_ARTICLES
                or first.text.lower() in _ARABIC_HEADS):
            return st.drop(m, "name", "arabic-heads", "a fragment of a longer Arabic name")
        if "state abbreviation" in m.notes:
            return m  # "ATHENS, Ga.": the code of a first-level area, written after a comma
        if m.kind == "demonym":
            # "Free Syrian Army": the demonym is part of an organisation
            if st.org_from[j] and rtoks[-1].text[0].isupper():
                m.kind = "embedded"
            return m
        # a span that is itself an organisation word or a title ("University", "Police") is no place
        if all(t.text.lower().rstrip(".") in ORG_WORDS or t.text.lower().rstrip(".") in PERSON_TITLES
               for t in span_toks):
            titles = all(t.text.lower().rstrip(".") in PERSON_TITLES for t in span_toks)
            return st.drop(m, "word", "person-titles" if titles else "org-words",
                           "a title alone" if titles else "an organisation word alone")
        # buildings that stand for governments: "the White House", "the Kremlin"
        if key in BUILDINGS:
            return st.drop(m, "organisation", rule_id("buildings", key) or "buildings",
                           "a building standing for an institution")
        # armed groups and movements named like a place somewhere ("Hamas" is also a name of Hamm)
        if key in GROUP_NAMES:
            return st.drop(m, "organisation", rule_id("group_names", key) or "armed-groups",
                           "an armed group or movement")
        # blocs and organisations ("European Union", "Arab League") are not places, as their acronyms are not
        if not is_dateline and self._bloc(key):
            return st.drop(m, "organisation", "bloc", "a bloc or an organisation")
        # "the Unite union", "the Eta group": a name followed by a lowercase organisation word
        nxt = re.match(r"\s+([a-z]+)\b", text[m.end:m.end + 25])
        if single and nxt and nxt.group(1) in _ORG_AFTER and not self._is_strong(key):
            return st.drop(m, "organisation", "org-after", f"followed by {nxt.group(1)!r}")
        # media and agencies
        rest_len = rtoks[-1].end - first.start  # the rest of the run can only be a media name if short
        if (rest_len <= _MEDIA_MAX_CHARS
            and fold(text[first.start:rtoks[-1].end]) in MEDIA_NAMES) or key in MEDIA_NAMES:
            if (not self._is_strong(key) or _followed_by_media(text, m.end)
                    or _media_context(text, m.start, m.end)):
                return st.drop(m, "media", rule_id("media_names", key) or "media-names", "a medium or agency")
        if _followed_by_media(text, m.end):
            return st.drop(m, "media", "media-followers", "followed by a media word")
        # organisations: an org word in the same run after the place (or "University of X")
        if not is_dateline and not m.cue:
            if st.org_from[j] or st.org_of_before[i]:
                if single and not self._is_strong(key):
                    # "Syrian Air Force", "Arab League", "ABC News": only a country, an area or a big city
                    # keeps its place inside an organisation's name (as "embedded")
                    after, before = st.run_low[j:], st.run_low[:i]
                    org = next((w for w in after + before if w in ORG_WORDS or w in TEAM_WORDS), "")
                    kind = "media" if org in MEDIA_FOLLOWERS or org in _MEDIA_ORG else "organisation"
                    rid = rule_id("org_words", org) or rule_id("team_words", org) or "org-words"
                    return st.drop(m, kind, rid,
                                   f"part of the name of an organisation ({org!r})")
                if single and (key in COMMON_WORDS or first.text.lower() in COMMON_WORDS):
                    # "the City Council": a common word inside an organisation's name, no City of London
                    return st.drop(m, "word", rule_id("common_words", first.text.lower()) or "common-words",
                                   "a common word")
                m.kind = "embedded"  # kept, resolved, and labelled: users and evaluations choose
                return m
        # persons: inside the name after a title ("Senator Marco Rubio"), a title right before,
        # or a "First Last" run where the place is not the whole run
        ps, pe = st.person_span
        if ps <= i < pe and not is_dateline:
            return st.drop(m, "person", "person-titles", "a name after a title")
        prev = _prev_word(text, toks, first)
        if prev and prev.lower().rstrip(".") in PERSON_TITLES and not m.cue and not is_dateline:
            st.persons.add(fold(m.text))
            return st.drop(m, "person", rule_id("person_titles", prev.rstrip(".")) or "person-titles",
                           f"after the title {prev!r}")
        if not in_headline and not is_dateline and not m.cue and (j - i) < len(rtoks):
            if st.person_run is None:
                st.person_run = self._person_run(text, toks, rtoks)  # a fact of the run: asked once
            k = st.person_run
            if i < k:
                for t in rtoks[:k]:
                    st.persons.add(fold(t.text.split("-")[-1]))
                return st.drop(m, "person", "person-shape", "a 'First Last' name")
        # "Georgia, 12, and her brother": an age after a name; "named her Sydney": a name given
        age = _AGE_AFTER.match(text[m.end:m.end + 20])
        if age and age.group(1) in ("and", "or") and self._is_strong(key):
            age = None  # "Liberia, 8, and Sierra Leone, 3": counts by country
        before, after = text[max(0, m.start - 40):m.start], text[m.end:m.end + 60]
        given = _NAME_GIVEN.search(before)
        kin = _KIN_BEFORE.search(before)
        role = _KIN_AFTER.match(after) or (  # ("born in Clarksville, the son of": the subject's apposition;
            _PERSON_APPOSITION.match(after) and not _LOCATIVE_BEFORE.search(before)  # "from India and Sudan,
            and not _LISTED_WITH_PLACES.search(text[max(0, m.start - 120):m.start]))  # the older woman")
        if single and not is_dateline and not m.cue and (age or given or kin or role):
            st.persons.add(fold(m.text))
            rid = ("age-after" if age else "name-given" if given else "kin-before" if kin
                   else "kin-after" if _KIN_AFTER.match(after) else "person-apposition")
            return st.drop(m, "person", rid, "a person's name (an age after it, a family word before it, "
                           "or given to someone)")
        # "Walsh said", "said Walsh": a small place name as the speaker is a person (but not one of
        # places listed after "from": "from Moate and Ballinasloe said")
        if (single and not is_dateline and not m.cue and not self._is_strong(key)
                and _speaker(text, m.start, m.end)
                and not _LISTED_WITH_PLACES.search(text[max(0, m.start - 120):m.start])
                and not _PLACED_BEFORE.search(text[max(0, m.start - 40):m.start])):
            st.persons.add(fold(m.text))
            return st.drop(m, "person", "speech-after", "the speaker of a quote")
        # common words and acronyms
        if single and len(first.text.rstrip(".")) == 1:
            return st.drop(m, "word", "initial", "an initial or a letter")
        if single and not is_dateline:
            w = first.text
            if (key in COMMON_WORDS or w.lower() in COMMON_WORDS or key in PERSON_NAMES) and not (
                    m.abbr_cc and w.isupper()):
                if key in PERSON_NAMES:
                    return st.drop(m, "person", rule_id("person_names", key) or "person-names",
                                   "a name in the news")
                return st.drop(m, "word", rule_id("common_words", w.lower()) or "common-words",
                               "a common word")
            lw = w.lower().rstrip(".")
            if (lw in PERSON_TITLES or lw in ORG_WORDS
                    or (lw in NAME_CONNECTORS and not self._own_name_of_big(key))):
                # a connector alone is no place ("Al", "Bin"), unless a city or province bears it as its own
                # name ("Ebola in Beni", "an earthquake in Van")
                return st.drop(m, "word", "org-words", "a title, an organisation word or a connector alone")
            if (w.replace(".", "").isupper() and len(w) <= 5 and not m.abbr_cc
                and not _primary_upper(self.store, key, w)
                    and not (("." in w or _after_comma(text, first.start)) and self._area_abbrev(key))):
                # an acronym (NATO, CIA, MLA), unless the abbreviations table or the name itself says place
                return st.drop(m, "organisation", "acronym", "an acronym")
            if w.lower() in english_words() and not m.abbr_cc and not self._primary_major(key) and (
                    in_headline or _sentence_start(text, first.start) or not self._supported(text, m)):
                return st.drop(m, "word", "english-word", "an English word, not placed by the text")
            if (len(w) <= 3 and not w.isupper() and not m.abbr_cc and not self._primary_major(key)
                    and not self._area_abbrev(key) and not self._supported(text, m)):
                return st.drop(m, "person", "short-name", "a short name not placed by the text")
            if w.lower() in lower_words and not self._is_strong(key) and not m.abbr_cc:
                return st.drop(m, "word", "used-as-word", "the text also uses it as an ordinary word")
            if _sentence_start(text, first.start) and not self._is_strong(key) and w.lower() in _FUNCTIONISH:
                return st.drop(m, "word", "functionish", "site furniture at a sentence start")
        # ("Middle East", "West Coast": common words that together name a region are kept)
        if (not single and all(fold(t.text) in COMMON_WORDS for t in span_toks if t.cap)
                and not self._primary_major(key)):
            return st.drop(m, "word", "common-words", "common words only")
        # "Stade de France", "Gare du Nord": a Romance facility or street word opening a longer name
        if (single and not is_dateline and not m.cue and first.text.lower() in FACILITY_LEAD
                and _ROMANCE_OF.match(text[m.end:m.end + 16]) and not self._is_strong(key)):
            rid = rule_id("facility_lead", first.text.lower()) or "facility-lead"
            return st.drop(m, "facility", rid, "the word that opens a facility's or a street's name")
        # "Cedar Grove Cemetery", "Clarks Bridge Park": a small place's name opening a facility's name
        if (not is_dateline and not m.cue and j < len(rtoks) and j + 3 >= len(rtoks)
                and rtoks[-1].text.lower() in FACILITY_WORDS and all(t.cap for t in rtoks[j:])):
            if self._is_strong(key):
                m.kind = "embedded"  # "Paris Stadium": a big place keeps its place inside the name
                return m
            rid = rule_id("facility_words", rtoks[-1].text.lower()) or "facility-words"
            return st.drop(m, "facility", rid, "part of a facility's name")
        # A name known only as a small place needs support from the text: a locative word before it,
        # a type word, "X, Y" with a known Y, or a dateline. Otherwise it is probably a surname or a word.
        if (not is_dateline and not m.cue and not m.abbr_cc and "variant" not in m.notes
            and not self._notable(key)
                and not self._supported(text, m)):
            return st.drop(m, "word", "unsupported-small-place", "a small place nothing in the text supports")
        # diseases and currencies named after places: "West Nile virus", "Ebola fever", "US$5"
        if _DISEASE_AFTER.match(text[m.end:m.end + 30]) or text[m.end:m.end + 1] == "$":
            return st.drop(m, "word", "disease-after", "a disease or currency named after a place")
        # a capitalised direction in front belongs to the name: "Western Europe", "East Africa"
        if i > 0 and not m.cue and rtoks[i - 1].text.lower() in DIRECTIONS and rtoks[i - 1].text[0].isupper():
            m.start = rtoks[i - 1].start
            m.text = text[m.start:m.end]
            m.notes.append("direction")
        # literal or metonymic
        if _METONYMY_AFTER.match(text[m.end:m.end + 40]) and self._is_strong(key):
            m.kind = "metonymic"
        return m

    def _own_name_of_big(self, key: str) -> bool:
        """Whether a country, a first-level area or a city of 100,000 bears the name as its own (primary)."""
        for pid, _nm, primary in self.store.by_key(key)[:50]:
            p = self.store.place(pid) if primary else None
            if p and (p.kind in ("country", "admin1") or p.population >= 100_000):
                return True
        return False

    def _is_strong(self, key: str) -> bool:
        """A country, an admin1 area or a big city by its own name (not a stray alternate): a name
        unlikely to be anything else."""
        for pid, nm, primary in self.store.by_key(key)[:50]:
            if nm.isupper() and len(nm) <= 5 and "." not in nm:
                continue  # a code (IATA "MIG") says nothing about the word
            if not primary and not nm.isascii():
                continue
            p = self.store.place(pid)
            if p and (p.kind in ("country", "continent", "admin1") or p.population >= 100_000):
                return True
        return False

    def _person_run(self, text: str, toks: list[Tok], rtoks: list[Tok]) -> int:
        """'Arch Walsh', 'Valerie Amos', 'Georgia Stevens': how many leading tokens of the run are a
        person's name (2-4 capitalised words, not a place as a whole); 0 when they are not one."""
        # "Judy Law of Oxford": the person is the part before a lowercase "of"/"from", or before "de"
        # after a full name; after a given name alone "de", "van", "da" begin the surname ("Patrick de
        # Bayser", "Jean van Damme"), unless the gazetteer knows the whole run (matched before this)
        particle = False
        for k, t in enumerate(rtoks):
            if k and t.text in ("of", "from", "de"):
                if (t.text == "de" and k == 1 and k + 1 < len(rtoks) and rtoks[k + 1].cap
                        and self._looks_like_given_name(rtoks[0].text)):
                    particle = True
                    continue
                rtoks = rtoks[:k]
                break
            if t.text in SURNAME_PARTICLES and k == 1 and k + 1 < len(rtoks) and rtoks[k + 1].cap \
                    and self._looks_like_given_name(rtoks[0].text):
                particle = True
        words = [t for t in rtoks if t.cap]
        if not 2 <= len(words) <= 4 or len(words) + (1 if particle else 0) != len(rtoks):
            return 0
        if any(t.possessive for t in rtoks[:-1]):
            return 0
        for k, t in enumerate(rtoks):
            lw = t.text.lower().rstrip(".")
            if 0 < k < len(rtoks) - 1 and lw in NAME_CONNECTORS:
                continue  # "Ghassan Abu Louz", "Osama bin Laden"
            if re.fullmatch(r"[A-Z]\.?", t.text) and 0 < k < len(rtoks) - 1:
                continue  # a middle initial: "Charles W. Murphy"
            if (lw in ORG_WORDS or lw in TEAM_WORDS or lw in COMMON_WORDS or lw in DIRECTIONS
                or lw in PERSON_TITLES or lw in NAME_CONNECTORS
                    or self.store.demonym(t.text) or not (t.text[1:].islower() or article_joined(t.text)
                                                          or _SURNAME_SHAPE.fullmatch(t.text))
                    or lw in _TYPE_WORDS):
                return 0
        initial = any(re.fullmatch(r"[A-Z]\.", t.text) for t in rtoks[1:-1])
        if not initial and _LOCATIVE_BEFORE.search(text[max(0, rtoks[0].start - 40):rtoks[0].start]):
            return 0  # "in Arch Walsh" would be a place ("at the Michael J. Dillon courthouse" is a name)
        if rtoks[0].text.lower() in english_words() and _sentence_start(text, rtoks[0].start):
            return 0  # "Overall Edmonton received...": a capitalised word, not a given name
        head, rest = rtoks[0], rtoks[1:]
        if head.text.lower() in english_words() and any(self._is_major(fold(t.text)) for t in rest):
            return 0  # "Villages Sudan", "Taco Bell Canada": a common word before a country is no given name
        if self._is_major(fold(head.text)):
            # a country or province first: a person only if the rest is no place at all ("Georgia Stevens")
            ok = all(not self._place_prior(fold(t.text)) or fold(t.text) in PERSON_NAMES for t in rest)
            if ok and len(rest) >= 2 and all(t.text.lower() in english_words() for t in rest):
                return 0  # "Manitoba Underdogs Rescue": ordinary words after a province name an organisation
            return len(rtoks) if ok else 0
        return len(rtoks)

    def _area_abbrev(self, key: str) -> bool:
        """'B.C.', 'N.Y.': a dotted abbreviation that names a province or country."""
        places = self.store.places([pid for pid, _n, _p in self.store.by_key(key)[:20]])
        return any(p.kind in ("admin1", "country") for p in places.values())

    def _bloc(self, key: str) -> bool:
        """The name is a bloc's or an organisation's own: a regions-layer record of kind organisation, or
        one that an organisation acronym of the abbreviations table names ("EU" -> the European Union)."""
        for pid, _nm, primary in self.store.by_key(key)[:20]:
            p = self.store.place(pid) if primary else None
            if p is None or p.source != "regions":
                continue
            if p.kind == "organisation":
                return True
            for n in self.store.names_of(pid):
                ab = self.store.abbreviation(n) if n.replace(".", "").isupper() else None
                if ab is not None and not ab[0]:
                    return True
        return False

    def _primary_major(self, key: str) -> bool:
        """Some country, area or city of 100,000+ has this as its own (primary) name."""
        for pid, _nm, primary in self.store.by_key(key)[:80]:
            p = self.store.place(pid) if primary else None
            if p and (p.kind in ("country", "admin1", "continent", "region", "peninsula")
                      or p.population >= 100_000):
                return True
        return False

    def _notable(self, key: str) -> bool:
        """Known as a country, area, camp/crossing/base, or a place of 5,000 people or more."""
        for pid, nm, _p in self.store.by_key(key)[:80]:
            if nm.isupper() and len(nm) <= 5 and "." not in nm:
                continue
            p = self.store.place(pid)
            if p and (p.population >= 5000
                      or p.kind in ("country", "continent", "admin1", "admin2", "camp", "crossing",
                                    "airbase", "region", "peninsula")
                      or p.source == "curated"):
                return True
        return False

    def _supported(self, text: str, m: Mention) -> bool:
        before = text[max(0, m.start - 40):m.start]
        if _LOCATIVE_BEFORE.search(before) or re.search(r"\b(?:of|in|near|outside)\s+$", before):
            return True
        # a list after a locative word whose item before this one is a place name: "from Winterville and
        # Watkinsville", "from Dublin, Moate and Kilbeggan"
        lst = _LOCATIVE_LIST.search(text[max(0, m.start - 100):m.start])
        if lst is None and _LIST_CLOSES.match(text[m.end:m.end + 100]):
            lst = _LOCATIVE_LIST_MIDDLE.search(text[max(0, m.start - 100):m.start])
        if lst is not None and self.store.by_key(fold(lst.group("prev"))):
            return True
        after = text[m.end:m.end + 40]
        if _TYPE_APPOSITION.match(after):
            return True  # "Tillia, a town in western Niger": the text says what the name is
        nxt = re.match(r",\s*([A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)?)", after)
        return bool(nxt and (self._notable(fold(nxt.group(1))) or self.store.abbreviation(nxt.group(1))))

    def _is_major(self, key: str) -> bool:
        for pid, nm, _p in self.store.by_key(key)[:50]:
            if nm.isupper() and len(nm) <= 5 and "." not in nm:
                continue
            p = self.store.place(pid)
            if p and p.kind in ("country", "continent", "admin1", "region", "peninsula"):
                return True
        return False

    def _looks_like_given_name(self, w: str) -> bool:
        lw = w.lower()
        if lw in PERSON_TITLES or lw in DIRECTIONS or lw in NAME_CONNECTORS or lw in COMMON_WORDS:
            return False
        if self.store.demonym(w) or self._is_strong(fold(w)):
            return False
        return w[0].isupper() and w[1:].islower() and len(w) > 2 and not self._place_prior(fold(w))

    def _looks_like_surname_run(self, rest: list[Tok]) -> bool:
        """After a place token: capitalised words that are not places (Barbara Walters)."""
        if not rest or len(rest) > 2:
            return False
        for t in rest:
            lw = t.text.lower()
            if lw in PERSON_NAMES:
                continue
            if (lw in ORG_WORDS or lw in COMMON_WORDS or lw in DIRECTIONS or self._place_prior(fold(t.text))
                    or self.store.demonym(t.text) or not t.text[1:].islower()):
                return False
        return True

    def _place_prior(self, key: str) -> bool:
        """Whether the name is a notable place (a town of 20,000 or more, or an admin area)."""
        for pid, _nm, _p in self.store.by_key(key)[:50]:
            p = self.store.place(pid)
            if p and (p.population >= 20_000
                      or p.kind in ("country", "admin1", "continent", "camp", "crossing")):
                return True
        return False

    def _unknown_with_cue(self, text: str, rtoks: list[Tok], out: list[Mention],
                          first_of_run: int = 0) -> None:
        """'the village of Xyz' / 'Xyz refugee camp' where Xyz is not in the gazetteer: a place with no
        match."""
        mine = out[first_of_run:]  # only this run's mentions can overlap it (linear in the text)
        covered = {(m.start, m.end) for m in mine}
        if any(m.start <= rtoks[0].start < m.end for m in mine):
            return
        s, e = rtoks[0].start, rtoks[-1].end
        if (s, e) in covered or len(rtoks) > 4:
            return
        words = [t.text.lower() for t in rtoks]
        if any(w in ORG_WORDS or w in PERSON_TITLES or w in COMMON_WORDS for w in words):
            return
        if any(self.store.demonym(t.text) for t in rtoks):
            return
        m = Mention(s, e, text[s:e], text[s:e])
        before = text[max(0, s - 40):s]
        self._extend_type_words(text, m)
        strong_prefix = re.search(r"\b(?:town|village|city|camp|province|governorate|district)s? of\s+$",
                                  before, re.I)
        if m.cue in ("camp", "crossing", "airbase", "village", "town", "city", "admin1", "admin2") and (
                m.end > e or strong_prefix):
            m.unknown = True
            out.append(m)

    def _filter_persons(self, text: str, mentions: list[Mention], st: _DocState) -> list[Mention]:
        """Later (or earlier) bare mentions of a person's name are not places."""
        persons = st.persons
        if not persons:
            return mentions
        skels = {skeleton(f) for f in persons if len(f) > 3}
        out = []
        for m in mentions:
            # ("Jordan said": a person's given name again, read as metonymic by the verb after it)
            if (m.kind in ("literal", "metonymic") and not m.cue and not m.abbr_cc
                    and " " not in m.text.strip()):
                key = fold(m.text)
                if self._is_strong(key):
                    # a country or big city is a person only where this very name was one, and not "in X"
                    located = _LOCATIVE_BEFORE.search(text[max(0, m.start - 40):m.start])
                    if key in persons and not located:
                        continue
                elif key in persons or skeleton(m.text) in skels:  # "ASAD" ~ "Assad"
                    continue
            out.append(m)
        return out


# The longest media name (folded) with room for spelling: a longer stretch of text is no media name.
_MEDIA_MAX_CHARS = 2 * max(len(n) for n in MEDIA_NAMES) + 8

# Generic heads of Arabic place names (spring, gate, bridge, hill, village, monastery, ...).
_ARABIC_HEADS = ARABIC_HEADS  # rules/lexicon.toml

_ORG_AFTER = ORG_AFTER  # rules/lexicon.toml
_MEDIA_ORG = MEDIA_ORG  # rules/lexicon.toml
_GENERIC_LAST = GENERIC_LAST  # rules/lexicon.toml
_TYPE_WORDS = TYPE_WORDS  # rules/lexicon.toml
_SPEECH = PatternRule("speech-after")  # rules/patterns.toml
_SPEECH_BEFORE = PatternRule("speech-before")  # rules/patterns.toml
_ROMANCE_OF = PatternRule("romance-of")  # rules/patterns.toml
_VENUE_AFTER = PatternRule("venue-after")  # rules/patterns.toml

_AGE_AFTER = PatternRule("age-after")  # rules/patterns.toml
_NAME_GIVEN = PatternRule("name-given")  # rules/patterns.toml
_KIN_BEFORE = PatternRule("kin-before")  # rules/patterns.toml
_KIN_AFTER = PatternRule("kin-after")  # rules/patterns.toml
_PERSON_APPOSITION = PatternRule("person-apposition")  # rules/patterns.toml
_LISTED_WITH_PLACES = PatternRule("listed-with-places")  # rules/patterns.toml


_STREET_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)(\.?)")
# "St. Thomas", "Dr. Reed": a saint's or a doctor's name follows these, no street
_ABBREV_BEFORE_NAME = frozenset({"st", "dr"})


def _street_after(text: str, end: int) -> str:
    """The street word right after a name ("Hobbs Street", "Main St."), lowercased; '' when none."""
    sm = _STREET_AFTER.match(text, end)
    if not sm or sm.group(1).lower() not in STREET_WORDS:
        return ""
    w = sm.group(1).lower()
    if w in _ABBREV_BEFORE_NAME and re.match(r"[ \t]+[A-Z]", text[sm.end():sm.end() + 3]):
        return ""
    nxt = re.match(r"(?:[ \t]+[A-Z][a-z]*){1,3}", text[sm.end():sm.end() + 40])
    if nxt and any(x.lower() in ORG_WORDS for x in nxt.group(0).split()):
        return ""  # "Missouri State Highway Patrol", "Main Street Baptist Church": an organisation's name
    return w


# "police in Macon said": a place where something is, not a source ("a statement from Chambers said")
_PLACED_BEFORE = re.compile(r"\b(?:in|near|at|outside)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$")


def _after_comma(text: str, start: int) -> bool:
    """'Newcastle, NSW': the name follows a word and a comma, where a state's code is written."""
    return bool(re.search(r"[^\W\d_][\w.]*,[ \t]*$", text[max(0, start - 40):start]))


def _speaker(text: str, start: int, end: int) -> bool:
    return bool(_SPEECH.match(text[end:end + 30]) or _SPEECH_BEFORE.search(text[max(0, start - 20):start]))


_FUNCTIONISH = FUNCTIONISH  # rules/lexicon.toml


def _primary_upper(store, key: str, w: str) -> bool:
    """An all-caps word that is some place's own primary name written in capitals (rare: 'UAE')."""
    return any(pr and nm == w for _pid, nm, pr in store.by_key(key))


_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z.’']*)\s+$")


def _prev_word(text: str, toks: list[Tok], t: Tok) -> str:
    m = _PREV_WORD.search(text, max(0, t.start - 30), t.start)
    return m.group(1) if m else ""


_NEXT_TWO_WORDS = re.compile(r"\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?")


def _followed_by_media(text: str, end: int) -> bool:
    m = _NEXT_TWO_WORDS.match(text, end, end + 30)
    if not m:
        return False
    w1 = m.group(1).lower()
    w2 = (m.group(2) or "").lower()
    return ((w1 in MEDIA_FOLLOWERS and w1 not in ("news",))
            or (w1 == "news" and w2 in ("agency", "network", "channel", "service")))


def _media_context(text: str, start: int, end: int) -> bool:
    after = text[end:end + 30]
    before = text[max(0, start - 30):start]
    return bool(re.match(r"[’']s\s+[A-Z][a-z]+\s+[A-Z]", after)
                or re.match(r"\s*(?:reported|reports|said|says|wrote|writes)\b", after)
                or re.search(r"(?:reported by|according to|told|reports)\s+(?:the\s+)?$", before, re.I))


def _split_after_headlines(text: str, toks: list[Tok], rs: list[list[int]], headlines: set[int]):
    """Runs cut where a headline's line ends: 'Whitaker Leads Tigers Past Clarksville' over 'Jordan
    Whitaker scored' are two names, not one run (a wrapped line of running text still joins)."""
    for r in rs:
        cur = [r[0]]
        for a, b in zip(r, r[1:], strict=False):
            if "\n" in text[toks[a].end:toks[b].start] and _line_start(text, toks[a].start) in headlines:
                yield cur
                cur = []
            cur.append(b)
        yield cur


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4):pos].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?\n:•*-—"


def _headline_lines(text: str, start: int, end: int) -> set[int]:
    """Starts of short lines written in Title Case (headlines: capitals carry no signal there)."""
    out = set()
    pos = start
    for line in text[start:end].split("\n"):
        words = re.findall(r"[^\W\d_][\w’'-]*", line)
        if 2 <= len(words) <= 16 and not line.rstrip().endswith((".", "?", "!", "”", "\"")) or (
                2 <= len(words) <= 16 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)):
            big = [w for w in words if len(w) > 3]
            if big and sum(w[0].isupper() for w in big) >= 0.75 * len(big):
                out.add(pos)
        pos += len(line) + 1
    return out


# ----------------------------------------------------------------------------- resolution


_FEATURE_AFTER = PatternRule("feature-after")  # rules/patterns.toml
_DISEASE_AFTER = PatternRule("disease-after")  # rules/patterns.toml


# ----------------------------------------------------------------------------- public API
