"""Optional spaCy evidence, with a real (blank + entity ruler) pipeline: no model download."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy", reason="spaCy is an optional extra (geokit[ner])")


@pytest.fixture(scope="module")
def ner():
    from geokit.parsing.ner import SpacyEvidence

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "GPE", "pattern": "reyhanli"},       # lowercase: the rules never see it
        {"label": "PERSON", "pattern": "Chad"},        # a person the rules would take for the country
        {"label": "GPE", "pattern": "Qzxwvland"},      # an entity the gazetteer does not know
    ])
    return SpacyEvidence(nlp)


def test_entities_add_and_remove_evidence(resolver, ner):
    from geokit.parsing.parser import Parser

    text = "Families crossed into reyhanli on Monday. Chad said Qzxwvland was calm, and Idlib was shelled."
    plain = Parser(resolver).parse(text)
    with_ner = Parser(resolver, ner=ner).parse(text)
    plain_texts = {t.text for t in plain.toponyms}
    ner_texts = {t.text for t in with_ner.toponyms}
    assert "reyhanli" not in plain_texts and "reyhanli" in ner_texts
    rey = [t for t in with_ner.toponyms if t.text == "reyhanli"][0]
    assert rey.place is not None and rey.place.geonameid == 302355
    assert "Chad" in plain_texts and "Chad" not in ner_texts
    assert "Qzxwvland" not in ner_texts  # unknown to the gazetteer: not guessed
    assert "Idlib" in ner_texts


def test_missing_pipeline_is_a_clear_error(monkeypatch):
    from geokit.parsing.ner import SpacyEvidence

    monkeypatch.delenv("GEOKIT_SPACY_MODEL", raising=False)
    with pytest.raises(ValueError, match="no spaCy pipeline"):
        SpacyEvidence()
    with pytest.raises(ValueError, match="never downloads"):
        SpacyEvidence(model="xx_no_such_pipeline_geokit")


def test_failing_pipeline_keeps_rule_results(resolver):
    from geokit.parsing.parser import Parser

    class Broken:
        def entities(self, text):
            raise RuntimeError("model exploded")

    doc = Parser(resolver, ner=Broken()).parse("Shelling hit Idlib.")
    assert [t.text for t in doc.toponyms] == ["Idlib"]
    assert any("NER evidence skipped" in w for w in doc.warnings)
