"""Geoparsing: every toponym in a text, with character offsets, resolved in the document's context.

Pipeline (each step a small function with plain data in and out):

1. ``tokens``: words with offsets; possessives split off ("Turkey’s" -> "Turkey" + "’s").
2. ``runs``: maximal capitalised runs ("Jisr al-Shughour", "Free Syrian Army").
3. ``recognise``: longest gazetteer match inside each run, extended by type words
   ("Hatay Province", "Apaydin refugee camp"), then filtered: persons (titles, "First Last"
   shapes and their later mentions), organisations and media (the place is "embedded"),
   common words, acronyms. Demonyms come back with kind "demonym".
4. ``resolve``: one sense per form per document; candidates re-ranked with the document's
   country focus, admin consistency, spatial coherence and cue words. A weak best candidate
   gives ``place=None`` with a reason and the candidates considered ("no match").
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import warnings

from geokit.errors import InputError
from geokit.gazetteer.resolver import Resolver, default_resolver
from geokit.gazetteer.text import clean, fold, strip_type_words
from geokit.model import Document, Toponym, replace_surrogates
from geokit.parsing.context import (  # noqa: F401 - re-exported: the parser's public pieces
    ANCHOR_WEIGHT,
    CONTAINER_BONUS,
    MIN_SCORE,
    ContextResolver,
    Focus,
    Mention,
    link_containers,
)
from geokit.parsing.home import Region, resolve_prior
from geokit.parsing.recognise import (  # noqa: F401 - re-exported
    CHUNK_CHARS,
    MAX_SPAN_TOKENS,
    NAMED_CHECKS,
    Recogniser,
)
from geokit.parsing.tokens import Tok, runs, tokenize  # noqa: F401 - re-exported

log = logging.getLogger(__name__)


def _coerce_text(text) -> tuple[str, list[str]]:
    warns: list[str] = []
    if text is None:
        raise TypeError("text must be a string, not None")
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            text = bytes(text).decode("utf-8", errors="replace")
            warns.append("text was not valid UTF-8: undecodable bytes replaced with U+FFFD")
            warnings.warn(warns[-1], stacklevel=3)
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {type(text).__name__}")
    if "\x00" in text:
        warns.append("text contains NUL bytes (binary data?)")
    text, bad = replace_surrogates(text)  # same length: offsets stay valid
    if bad:
        warns.append(f"{bad} lone surrogate(s) replaced with U+FFFD")
    return text, warns


def _coerce_date(published) -> dt.date | None:
    """The published date: a date, datetime, ISO or written date (see ``geokit.parsing.dates.parse_date``)."""
    from geokit.parsing.dates import parse_date

    try:
        return parse_date(published)
    except ValueError as exc:
        raise InputError(f"published must be a date (YYYY-MM-DD), got {published!r}: {exc}") from exc


class Parser:
    """The geoparser: a recogniser plus a context resolver over one gazetteer."""

    def __init__(self, resolver: Resolver | None = None, *, ner=None) -> None:
        """``ner``: an optional ``geokit.parsing.ner.SpacyEvidence`` whose entities add evidence."""
        self.resolver = resolver or default_resolver()
        self.recogniser = Recogniser(self.resolver)
        self.context = ContextResolver(self.resolver)
        self.ner = ner
        self._focus_cache: dict = {}

    def parse(self, text, *, published=None, spans=None, id: str = "", focus=None) -> Document:
        """``focus``: a prior for the report's home region (see :meth:`focus_region`)."""
        prior = self.focus_region(focus) if focus is not None else None
        text, warns = _coerce_text(text)
        doc = Document(text=text, id=replace_surrogates(str(id))[0], published=_coerce_date(published),
                       warnings=warns)
        if not text.strip():
            return doc
        if spans is not None:
            mentions = sorted(self._given_spans(text, spans, doc), key=lambda m: m.start)
            link_containers(text, mentions)
        else:
            dropped: list[Mention] = []
            mentions = self.recogniser.recognise(clean_offsets(text), dropped)
            if self.ner is not None:
                mentions = self._with_ner(text, mentions, doc)
            doc.dropped = [
                Toponym(
                    m.start, m.end, text[m.start : m.end], kind=m.kind,
                    reason=next((n for n in m.notes if n.startswith("rule ")), ""),
                )
                for m in dropped
            ]
        doc.toponyms = self.context.resolve(mentions, text=text, prior=prior)
        return doc

    def focus_region(self, focus) -> tuple[Region, ...]:
        """A user's prior as Regions: a country code ("US"), a first-level area ("US-TX", GeoNames
        admin1 codes), a place ("Paris, Texas"), a (lat, lon) pair, a Region, or a list of those
        (["TR", "SY"]). A prior is evidence, not a filter: a plainly foreign place still resolves
        abroad. ResolutionError when nothing fits."""
        key = tuple(focus) if isinstance(focus, list) else focus
        try:
            hit = self._focus_cache.get(key)
        except TypeError:  # unhashable: resolve_prior explains what a focus can be
            return resolve_prior(focus, self.resolver)
        if hit is None:
            hit = resolve_prior(focus, self.resolver)
            if len(self._focus_cache) < 1024:
                self._focus_cache[key] = hit
        return hit

    def _with_ner(self, text: str, mentions: list[Mention], doc: Document) -> list[Mention]:
        """Merge statistical entities: add known places the rules missed, drop exact PERSON/ORG spans."""
        from geokit.parsing.ner import NOT_PLACE_LABELS, PLACE_LABELS

        try:
            ents = self.ner.entities(text)
        except Exception as exc:  # the optional model failing never loses the rule-based result
            doc.warnings.append(f"NER evidence skipped: {exc}")
            return mentions
        not_places = {(e.start, e.end) for e in ents if e.label in NOT_PLACE_LABELS}
        out = [m for m in mentions if (m.start, m.end) not in not_places or m.kind == "demonym"]
        taken = [(m.start, m.end) for m in out]
        for e in ents:
            if e.label not in PLACE_LABELS or any(s < e.end and e.start < t for s, t in taken):
                continue
            name = e.text.strip()
            if name and self.resolver.store.has_key(fold(name)):
                m = Mention(e.start, e.end, text[e.start:e.end], name)
                m.notes.append(f"ner:{e.label}")
                out.append(m)
                taken.append((e.start, e.end))
        out.sort(key=lambda m: m.start)
        link_containers(text, out)
        return out

    def _given_spans(self, text: str, spans, doc: Document) -> list[Mention]:
        out = []
        for sp in spans:
            try:
                s, e = (sp["start"], sp["end"]) if isinstance(sp, dict) else (int(sp[0]), int(sp[1]))
            except (TypeError, ValueError, KeyError, IndexError):
                doc.warnings.append(f"ignored malformed span {sp!r}")
                continue
            if not (0 <= s < e <= len(text)):
                doc.warnings.append(f"ignored span ({s}, {e}) outside the text")
                continue
            span = text[s:e]
            m = Mention(s, e, span, span)
            dem = self.resolver.store.demonym(span.strip())
            if dem and not self.recogniser._primary_major(fold(span)):
                m.kind, m.demonym_cc = "demonym", dem[0]
            else:
                ab = self.resolver.store.abbreviation(span.strip())
                if ab and ab[0]:
                    m.abbr_cc = ab[0]
                _core, m.cue = strip_type_words(span)
                if not m.abbr_cc:
                    self.recogniser.read_cues(text, m)  # "the Somme region", "the district of Karo"
            out.append(m)
        return out


_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_offsets(text: str) -> str:
    """Text for recognition with the same length as the input (offsets stay valid):
    invisible controls become spaces so "Re\u200byhanli" cannot split a token unseen."""
    return _INVISIBLE.sub(" ", text)


_DEFAULT: Parser | None = None


def default_parser() -> Parser:
    global _DEFAULT
    if _DEFAULT is None:
        from geokit.parsing.ner import from_env

        _DEFAULT = Parser(ner=from_env())
    return _DEFAULT


def parse(text, *, published=None, spans=None, id: str = "", focus=None) -> Document:
    """Find and resolve every toponym in ``text``.

    ``spans`` (a list of (start, end) pairs or {"start", "end"} dicts) skips recognition and
    resolves just those spans, in the document's context. ``focus`` is a prior for the report's
    home region when the user knows it ("US-TX", "Paris, Texas", "TR", a (lat, lon) pair): evidence
    like a dateline, never a filter. Unresolvable names come back with ``place=None``, a ``reason``
    and the ``candidates`` considered.
    """
    return default_parser().parse(text, published=published, spans=spans, id=id, focus=focus)


__all__ = ["parse", "Parser", "default_parser", "tokenize", "runs", "clean"]
