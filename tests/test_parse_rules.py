"""The recogniser's word lists as data with ids, user rule files, the names a parse drops (with the
rule that dropped them), and the focus option of `geokit parse` / `geokit batch`."""

from __future__ import annotations

import json
import re

import pytest

from geokit.errors import InputError
from geokit.parsing import lexicon as L
from geokit.parsing.parser import NAMED_CHECKS


def test_every_list_has_an_id_and_words():
    for role in L.ROLES:
        assert L._LISTS[role], role
        for rid, words in L._LISTS[role]:
            assert rid and words, role
    assert "league" in L.ORG_WORDS and L.rule_id("org_words", "league") == "org-words"
    assert "al jazeera" in L.MEDIA_NAMES  # names of several words, separated by "|"


def test_a_user_rule_file_adds_words(tmp_path, parser):
    text = "The Quorra Syndicate met in Dover on Friday."
    before = [t.text for t in parser.parse(text).toponyms]
    f = tmp_path / "mine.toml"
    f.write_text('[[list]]\nid = "my-org-words"\nrole = "org_words"\nmarks = "organisation"\n'
                 'about = "bodies of our collection"\nwords = "syndicate cartel"\n', "utf-8")
    try:
        assert L.add_rules(f) == ["my-org-words"]
        assert L.rule_id("org_words", "syndicate") == "my-org-words"
        doc = parser.parse("The Dover Syndicate met in London on Friday.")
        assert "Dover" not in [t.text for t in doc.toponyms]
        dover = [t for t in doc.dropped if t.text == "Dover"]
        assert dover and dover[0].kind == "organisation" and "my-org-words" in dover[0].reason
    finally:  # leave the process's lists as they were
        L._LISTS["org_words"] = [x for x in L._LISTS["org_words"] if x[0] != "my-org-words"]
        L.ORG_WORDS.discard("syndicate")
        L.ORG_WORDS.discard("cartel")
    assert [t.text for t in parser.parse(text).toponyms] == before


@pytest.mark.parametrize("content, msg", [
    ("not = [toml", "TOML"),
    ('[[list]]\nrole = "org_words"\nwords = "x"\n', "id"),
    ('[[list]]\nid = "x"\nrole = "nonsense"\nwords = "x"\n', "role"),
    ('[[list]]\nid = "x"\nrole = "org_words"\nwords = 3\n', "words"),
])
def test_a_broken_rule_file_is_a_clear_error(tmp_path, content, msg):
    f = tmp_path / "bad.toml"
    f.write_text(content, "utf-8")
    n = len(L.ORG_WORDS)
    with pytest.raises(InputError, match=msg):
        L.add_rules(f)
    assert len(L.ORG_WORDS) == n  # nothing of a broken file is added


def test_names_inside_organisations_and_media_are_no_places(parser):
    text = ("The Syrian Air Force struck the town, the Arab League said, and ABC News showed the damage. "
            "The Supreme Military Council met in Antakya.")
    doc = parser.parse(text)
    placed = {t.text: t for t in doc.toponyms if t.place is not None}
    assert not {"Air", "Arab", "ABC", "Supreme"} & set(placed)
    assert placed["Antakya"].place.country_code == "TR"
    dropped = {t.text: t for t in doc.dropped}
    assert dropped["Air"].kind == "organisation" and "rule org-words" in dropped["Air"].reason
    assert dropped["ABC"].kind == "media"
    # the bloc is known by its whole name now (the regions layer): dropped whole, as an organisation
    assert dropped["Arab League"].kind == "organisation" and "bloc" in dropped["Arab League"].reason
    # a country inside an organisation's name stays, labelled embedded
    assert [t.kind for t in doc.toponyms if t.text == "Syrian"] == ["embedded"]


def test_people_are_dropped_with_their_rule(parser):
    doc = parser.parse("President Obama met Mr. Hague in Paris.")
    d = {t.text: t for t in doc.dropped}
    assert d["Obama"].kind == "person" and "person-titles" in d["Obama"].reason
    assert doc.to_dict()["toponyms"] and "dropped" not in doc.to_dict()
    assert {x["text"] for x in doc.to_dict(dropped=True)["dropped"]} >= {"Obama", "Hague"}


# ------------------------------------------------------------------ focus on the command line and in batches

STORY = "A crash on the loop closed two lanes in Paris on Monday, police said."


def _paris(rows):
    return [t for r in rows for t in r["toponyms"] if t["text"] == "Paris"][0]


def test_parse_command_focus_and_near(tmp_path, capsys):
    from geokit.cli import main

    f = tmp_path / "a.txt"
    f.write_text(STORY, "utf-8")
    for opts in (["--focus", "US-TX"], ["--near", "Paris, Texas"], ["--near", "33.66,-95.55"]):
        assert main(["parse", str(f), "--jsonl", *opts]) == 0
        paris = _paris([json.loads(x) for x in capsys.readouterr().out.splitlines()])
        assert paris["admin1"] == "Texas" and "focus" in paris["reason"], opts
    assert main(["parse", str(f), "--jsonl"]) == 0
    assert _paris([json.loads(x) for x in capsys.readouterr().out.splitlines()])["country_code"] == "FR"
    assert main(["parse", str(f), "--focus", "Xqzzyqx"]) == 1
    assert "focus" in capsys.readouterr().err
    assert main(["parse", str(f), "--focus", "US", "--near", "Paris, Texas"]) != 0


def test_batch_focus_per_run_and_per_document(tmp_path):
    from geokit.batch.inputs import InputDoc, InputIssue, iter_documents
    from geokit.batch.run import run

    src = tmp_path / "in.jsonl"
    rows = [{"id": "tx", "text": STORY, "focus": "US-TX"}, {"id": "plain", "text": STORY},
            {"id": "pt", "text": STORY, "focus": [33.66, -95.55]},
            {"id": "bad", "text": STORY, "focus": {"x": 1}}]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    docs = list(iter_documents([str(src)]))
    assert [d.focus for d in docs if isinstance(d, InputDoc)] == ["US-TX", None, (33.66, -95.55)]
    assert isinstance(docs[-1], InputIssue) and "focus" in docs[-1].reason
    assert docs[0].content_hash() != InputDoc("tx", STORY).content_hash()  # a new focus is new work

    out = tmp_path / "out.jsonl"
    run([str(src)], task="parse", out=out, progress=False, focus="GB")
    got = {r["id"]: r for r in map(json.loads, out.read_text("utf-8").splitlines())}
    assert _paris([got["tx"]])["admin1"] == "Texas"
    assert _paris([got["pt"]])["admin1"] == "Texas"
    assert _paris([got["plain"]])["country_code"] == "FR"  # the run's prior (GB) is evidence, not a filter


def test_patterns_are_rules_with_ids(tmp_path, parser):
    assert L.pattern("disease-after").match(" virus spread")
    doc = parser.parse("West Nile virus reached Texas, Walsh said.")
    d = {t.text: t for t in doc.dropped}
    assert ("disease-after" in d["West Nile"].reason if "West Nile" in d
            else "disease-after" in d["Nile"].reason)
    # a user file replaces a pattern by its id
    f = tmp_path / "p.toml"
    f.write_text("[[pattern]]\nid = \"disease-after\"\nflags = \"i\"\npattern = ['''\\s+(?:plague)\\b''']\n",
                 "utf-8")
    old = L._PATTERNS["disease-after"]
    try:
        L.add_rules(f)
        assert L.pattern("disease-after").match(" plague") and not L.pattern("disease-after").match(" virus")
        # the recogniser uses the replacement at once
        doc = parser.parse("West Nile virus reached Texas.")
        assert not [t for t in doc.dropped if "disease-after" in t.reason]
    finally:
        L._PATTERNS["disease-after"] = old
    bad = tmp_path / "bad.toml"
    bad.write_text("[[pattern]]\nid = \"x\"\npattern = '(unclosed'\n", "utf-8")
    with pytest.raises(InputError, match="regular expression"):
        L.add_rules(bad)
    with pytest.raises(InputError):
        L.pattern("no-such-rule")


def test_every_dropped_name_names_its_rule(parser):
    text = ("Read more. Mr. Hague met President Obama in Paris, the Arab League said. Ras al-Qasr Qqqq was "
            "shelled. "
            "Federal agents and ABC News reported West Nile virus in Texas, Walsh said. Plan B. worked.")
    doc = parser.parse(text)
    assert doc.dropped
    known = {rid for lists in L._LISTS.values() for rid, _w in lists} | set(L._PATTERNS)
    for t in doc.dropped:
        m = re.match(r"rule ([a-z0-9-]+): \S", t.reason)
        assert m, t
        assert t.kind in ("person", "organisation", "media", "word", "name"), t
        assert m.group(1) in known or m.group(1) in NAMED_CHECKS, t
