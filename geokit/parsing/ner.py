"""Optional statistical NER evidence (spaCy), never required.

Where spaCy and a pipeline are installed (``pip install geokit[ner]`` plus a pipeline
package), its entities add evidence to the rule-based recogniser: GPE/LOC/FAC spans the
rules missed become mentions when the gazetteer knows the name, and a rule mention that
the pipeline labels exactly as a PERSON or ORG is dropped. The pipeline is named by the
``model`` argument or the ``GEOKIT_SPACY_MODEL`` environment variable; a ready ``nlp``
object (for example ``spacy.blank("en")`` with an entity ruler) can be passed instead.
Nothing is downloaded: a missing pipeline is a clear error.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from geokit.errors import InputError

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOT_PLACE_LABELS = frozenset({"PERSON", "ORG", "NORP"})
MAX_CHARS = 1_000_000  # spaCy's own default limit; longer texts are read in pieces


@dataclass(slots=True, frozen=True)
class Entity:
    start: int
    end: int
    text: str
    label: str


class SpacyEvidence:
    """Wraps a spaCy pipeline; ``entities(text)`` gives character-offset entities."""

    def __init__(self, nlp=None, *, model: str | None = None) -> None:
        if nlp is None:
            model = model or os.environ.get("GEOKIT_SPACY_MODEL")
            if not model:
                raise InputError("no spaCy pipeline: pass nlp=..., model=... or set GEOKIT_SPACY_MODEL")
            try:
                import spacy
            except ImportError as exc:
                raise ImportError("spaCy is not installed: pip install 'geokit[ner]'") from exc
            try:
                nlp = spacy.load(model)
            except OSError as exc:
                raise InputError(
                    f"spaCy pipeline {model!r} is not installed (geokit never downloads one)") from exc
        self.nlp = nlp

    def entities(self, text: str) -> list[Entity]:
        out: list[Entity] = []
        for off in range(0, len(text), MAX_CHARS):
            piece = text[off:off + MAX_CHARS]
            for ent in self.nlp(piece).ents:
                out.append(Entity(ent.start_char + off, ent.end_char + off, ent.text, ent.label_))
        return out


def from_env() -> SpacyEvidence | None:
    """The pipeline named by GEOKIT_SPACY_MODEL, or None when unset."""
    return SpacyEvidence() if os.environ.get("GEOKIT_SPACY_MODEL") else None
