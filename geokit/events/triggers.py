"""Event trigger words: general English news vocabulary mapped to event types.

Why a lexicon and rules (no model): the types are few and news wording is formulaic
("defected to", "fled into", "were placed in ... camp", "scrambled jets", "convened a
meeting"), and rules can be read, tested and extended. Each trigger also says whether it
moves people ("out" of an origin, "in" to a destination) and whether it is a verb or a
noun; nouns ("the downing", "a meeting") only count when their clause gives a date or a
place, and hedged verbs ("plan to meet", "would defect", "did not flee", "if ... fled")
are not events.

The twelve event types (the events annotation guide's definitions):
  defection           soldiers, officers or officials abandon their side (desert, switch sides)
  border_crossing     people cross an international border (fleeing, entering, smuggled, turned back)
  camp_placement      people placed, housed or registered in a camp or shelter (or a camp opened for them)
  displacement        people forced from their homes or a place (flee, evacuated, expelled, deported)
  air_incident        aircraft shot down, crashed in a conflict, airspace violated, intercepted
  military_deployment forces or weapons sent to or stationed at a place; jets scrambled; reinforcements
  military_operation  armed forces fight or strike: offensive, shelling, airstrike, clashes, siege, capture
  attack              violence against people or property by any actor: bombing, shooting, stabbing,
                      kidnapping
  arrest              people detained, arrested, charged in custody, convicted, imprisoned
  protest             demonstrations, marches, strikes, sit-ins, riots, vigils
  meeting             talks, summits, conferences, negotiations, signed agreements
  visit               an official or notable person travels to a place

The rules themselves are data: ``rules/triggers.toml`` (id, type, other fair types, ACLED class, form,
motion, pattern, example). A user file is read before them (``add_rule_file``, ``GEOKIT_EVENT_RULES``,
``geokit events --rules``), so its rules win on the same words.
"""

from __future__ import annotations

import itertools
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from geokit.events.wording import wording

EVENT_TYPES = ("defection", "border_crossing", "camp_placement", "displacement", "air_incident",
               "military_deployment", "military_operation", "attack", "arrest", "meeting", "protest", "visit")
MOTION_TYPES = ("defection", "border_crossing", "camp_placement", "displacement")
FORMS = ("verb", "noun", "ambiguous_noun")
RULES_DIR = Path(__file__).resolve().parent / "rules"
RULES_ENV = "GEOKIT_EVENT_RULES"  # extra rule files, separated by os.pathsep, read before the built-in ones


@dataclass(frozen=True, slots=True)
class Rule:
    """One trigger rule from a rules file (see ``geokit/events/rules/triggers.toml``)."""

    id: str
    pattern: re.Pattern
    # event type, or "flight" (defection, crossing or displacement, decided by the actor and places)
    type: str
    motion: str = ""  # "" | "out" (leaving an origin) | "in" (reaching a destination)
    noun: bool = False  # a noun trigger needs a date or place in its clause
    ambiguous_noun: bool = False  # noun when preceded by a determiner ("a protest")
    also: tuple[str, ...] = ()  # other types that are a fair reading
    acled: tuple[str, str] = ("Strategic developments", "Other")
    example: str = ""
    source: str = ""  # the file the rule came from
    movement: bool = True  # False: the event moves nobody itself ("opened a camp")
    cues: tuple[str, ...] = ()  # lower-case words of the pattern; a sentence with none of them cannot match
    event: bool = True  # False: a journey only (a movement record, no event of the twelve types)
    chain_only: bool = False  # True: only the next leg of a movement already told ("they were taken to")
    standing: bool = False  # True: told by a standing figure ("X hosts N refugees"), whose figure it takes


def _fill(pattern: str, fragments: dict[str, str], where: str) -> str:
    def sub(m: re.Match) -> str:
        if m.group(1) not in fragments:
            raise ValueError(f"{where}: unknown fragment <<{m.group(1)}>>")
        return fragments[m.group(1)]

    return re.sub(r"<<(\w+)>>", sub, pattern)


def load_rule_file(path: str | Path, fragments: dict[str, str] | None = None) -> tuple[Rule, ...]:
    """Trigger rules of one TOML file, checked: known type, form and motion, a pattern that compiles,
    an ACLED pair with ACLED's names, a unique id and an example the pattern matches."""
    from geokit.events.acled import check_pair

    path = Path(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"rule file {path}: {exc}") from exc
    frags = dict(fragments or {})
    frags.update({k: str(v) for k, v in data.get("fragments", {}).items()})
    out: list[Rule] = []
    seen: set[str] = set()
    for n, item in enumerate(data.get("rule", []), 1):
        where = f"{path.name} rule {item.get('id') or n}"
        rid, rtype, raw = item.get("id"), item.get("type"), item.get("pattern")
        if not rid or not isinstance(rid, str) or rid in seen:
            raise ValueError(f"{where}: missing or repeated id")
        seen.add(rid)
        if rtype not in EVENT_TYPES and rtype != "flight":
            raise ValueError(f"{where}: unknown type {rtype!r} (one of {', '.join(EVENT_TYPES)})")
        also = tuple(item.get("also", ()))
        if any(t not in EVENT_TYPES for t in also):
            raise ValueError(f"{where}: unknown type in also={list(also)}")
        form, motion = item.get("form", "verb"), item.get("motion", "")
        if form not in FORMS or motion not in ("", "in", "out"):
            raise ValueError(f"{where}: form must be one of {FORMS}, motion '', 'in' or 'out'")
        if not isinstance(raw, str) or not raw:
            raise ValueError(f"{where}: no pattern")
        try:
            pattern = re.compile(_fill(raw, frags, where), re.I)
        except re.error as exc:
            raise ValueError(f"{where}: bad pattern: {exc}") from exc
        acled = tuple(item.get("acled", ("Strategic developments", "Other")))
        check_pair(acled, where)
        out.append(Rule(rid, pattern, rtype, motion, form == "noun", form == "ambiguous_noun", also,
                        acled, str(item.get("example", "")), str(path), bool(item.get("movement", True)),
                        _cues(pattern.pattern) if item.get("gate", True) else (),
                        bool(item.get("event", True)), bool(item.get("chain_only", False)),
                        bool(item.get("standing", False))))
    return tuple(out)


try:  # the stdlib regex parser (``re._parser`` since 3.11)
    from re import _constants as _C
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]
_REPEATS = tuple(x for x in (getattr(_C, "MAX_REPEAT", None), getattr(_C, "MIN_REPEAT", None),
                             getattr(_C, "POSSESSIVE_REPEAT", None)) if x is not None)
_ATOMIC = getattr(_C, "ATOMIC_GROUP", object())


def _cues(source: str, flags: int = re.I) -> tuple[str, ...]:
    """Words of which every match of a pattern puts at least one in the sentence (lower case, 3+ letters).

    Why: a sentence containing none of them is skipped without running the regex, which makes the rule set
    scan several times faster. They are read from the parsed pattern: a literal word outside any optional
    part, or one word of every branch of a required alternation (look-aheads count: their text is in the
    sentence too); of several such choices the rarest-looking (longest words) is kept. A pattern that has no
    required word gets none and is always run; a rule file may set ``gate = false`` to always run a rule.
    """
    try:
        parsed = _sre_parse.parse(source, flags)
    except re.error:
        return ()
    got = _needed(list(parsed))
    return tuple(sorted(got)) if got else ()


def _needed(items: list) -> frozenset[str] | None:
    """The necessary words of a sequence of parsed pattern items (see ``_cues``); None when there are none."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        word = max(re.findall(r"[a-z]{3,}", "".join(run).lower()), key=len, default="")
        if word:
            options.append(frozenset({word}))
        run.clear()

    for op, av in items:
        if op is _C.LITERAL:
            run.append(chr(av))
            continue
        if op is _C.BRANCH and run:
            # the parser factors a common prefix out of an alternation ("flew|flown|fly": "fl" + "ew|own|y"),
            # each branch's word is the prefix with the branch's leading letters
            prefix = "".join(run)
            subs = []
            for b in av[1]:
                lead = "".join(chr(a) for _o, a in itertools.takewhile(lambda x: x[0] is _C.LITERAL, b))
                word = max(re.findall(r"[a-z]{3,}", (prefix + lead).lower()), key=len, default="")
                subs.append(frozenset({word}) if word else _needed(list(b)))
            if all(subs):
                run.clear()
                options.append(frozenset().union(*subs))
                continue
        close_run()
        if op is _C.SUBPATTERN:
            sub = _needed(list(av[-1]))
        elif op is _C.BRANCH:
            subs = [_needed(list(b)) for b in av[1]]
            sub = None if any(x is None for x in subs) else frozenset().union(*subs)
        elif op in _REPEATS:
            sub = _needed(list(av[2])) if av[0] >= 1 else None
        elif op is _C.ASSERT:
            sub = _needed(list(av[1]))
        elif op is _ATOMIC:
            sub = _needed(list(av))
        else:
            sub = None
        if sub:
            options.append(sub)
    close_run()
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))




def _builtin_fragments() -> dict[str, str]:
    with open(RULES_DIR / "triggers.toml", "rb") as fh:
        return {k: str(v) for k, v in tomllib.load(fh).get("fragments", {}).items()}


_EXTRA_FILES: list[Path] = []
_CACHE: dict[tuple, tuple[Rule, ...]] = {}


def add_rule_file(path: str | Path) -> tuple[Rule, ...]:
    """Add a user's trigger rule file (TOML, the layout of ``triggers.toml``) for every later extraction.

    Its rules are tried before the built-in ones, so they win on overlapping words. Returns the rules
    read; a bad file raises ValueError and changes nothing. ``GEOKIT_EVENT_RULES`` (paths separated by
    ``os.pathsep``) and ``geokit events --rules FILE`` do the same.
    """
    rules = load_rule_file(path, _builtin_fragments())
    _EXTRA_FILES.append(Path(path))
    _CACHE.clear()
    return rules


def clear_rule_files() -> None:
    """Forget the rule files added with ``add_rule_file`` (the environment variable still counts)."""
    _EXTRA_FILES.clear()
    _CACHE.clear()


def rules() -> tuple[Rule, ...]:
    """Every trigger rule in force: user files (added, then from the environment) before the built-in ones."""
    env = tuple(p for p in os.environ.get(RULES_ENV, "").split(os.pathsep) if p.strip())
    key = (tuple(_EXTRA_FILES), env)
    if key not in _CACHE:
        frags = _builtin_fragments()
        extra = [r for f in [*_EXTRA_FILES, *map(Path, env)] for r in load_rule_file(f, frags)]
        builtin = load_rule_file(RULES_DIR / "triggers.toml")
        ids = [r.id for r in extra]
        if len(set(ids)) != len(ids):
            raise ValueError("two user rule files share a rule id")
        _CACHE.clear()
        _CACHE[key] = (*extra, *(r for r in builtin if r.id not in set(ids)))
    return _CACHE[key]


# "-ing" forms report events only when a time follows ("234 Syrians arriving since Thursday"), in
# headlines ("Syrians crossing into Turkey") or as gerunds after time prepositions ("after
# deserting"); "fleeing the civil war", "troops defecting to Turkey have joined" describe.
# "began returning home", "continued fleeing": an aspect verb before the gerund reports it too
_GERUND_BEFORE = re.compile(r"\b(?:after|before|since|upon|following|by|began|begun|begin|begins|started|"
                            r"starts|continued|continue|continues|kept)\s+$", re.I)
_ING_DIRECTIONAL_AFTER = re.compile(r"^\s+(?:into|across|over|to|from|through|toward|towards)\b", re.I)
_ING_TIME_AFTER = re.compile(
    r"^\s+(?:since|on\s+[A-Z]|this\s+(?:week|month|morning)|last\s+(?:week|night|month)|"
    r"yesterday|today|overnight)\b"
)
# ", killing four", ", displacing 900 people": a participle that tells the result of the main verb
_RESULT_ING = re.compile(r"^(?:killing|wounding|injuring|displacing|uprooting)$", re.I)
_NOUN_ING = {"downing", "shelling", "fighting", "meeting", "bombing", "bombings", "targeting", "pounding",
             "pushing into", "shooting"}
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|this|that|these|those|its|his|her|their|our|two-day|three-day|weekend|mass|peaceful|large|"
    r"recent|latest|first|second|new)|['’]s|\d)\s+(?:[\w-]+\s+){0,2}$", re.I)
_HEDGE_BEFORE = re.compile(
    # (the month May is no modal: "on 14 May and displaced", "in May 2023 and")
    r"(?:\bto|\b(?:will|would|could|might|(?<!\d\s)(?:(?-i:may)|(?<!\bin\s)(?<!\bof\s)(?<!\bby\s)(?<!\bsince\s)"
    r"(?<!\bduring\s)(?<!\buntil\s)(?<!\bearly\s)(?<!\blate\s)(?<!\bmid-)(?<!\blast\s)(?<!\bthis\s)"
    r"(?<!\bnext\s)(?-i:May)(?!\s+\d))|should|shall|can|must|cannot|won['’]t|wouldn['’]t)\s+(?:[\w-]+\s+){0,2}"
    r"|\b(?:not|never|n['’]t)\s+(?:[\w-]+\s+)?|\b(?:called|calls|calling|pressed|pushed)\s+for\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
    r"|\b(?:expected|likely|unlikely|set|due|going|about|scheduled|poised|ready|able|unable|trying|tried|seeking|sought|"
    r"attempted|attempting|allowed|permitted|needed|needs?|supposed|meant|hoping|planning)\s+to\s+"
    r"|\b(?:plans?|planned|planning|threatened|threatens|proposed|urged|wants?|hopes?|intends?|refused)\s+(?:to\s+)?"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
    # "denied that any civilians were killed": the report says it did not happen
    r"|\b(?:denied|denies|deny|denying|rejected|dismissed|refuted)\s+(?:(?:the\s+)?(?:claims?|reports?|allegations?|"
    r"accusations?|suggestions?)\s+)?that\s+(?:[\w'’-]+\s+){0,6}"
    # "anyone who protests", "whoever attacks": a generic or hypothetical actor
    r"|\b(?:anyone|anybody|whoever|everyone)\s+who\s+(?:[\w-]+\s+){0,2})$", re.I)
_ATTRIBUTIVE_BEFORE = re.compile(
    r"\b(?:a|an|the|this|that|these|those|its|his|her|their|our|every|each)\s+$", re.I
)
CAUSATIVE = re.compile(
    r"\b(?:prompted|forced|caused|led|ordered|allowed|helped|made|saw|told|compelled|obliged|"
    r"pushed|drove)\s+(?:[\w’',.-]+\s+){0,4}to\s+$",
    re.I,
)
_DESCRIPTIVE_BEFORE = re.compile(r"\b(?:as|like)\s+an?\s+(?:[\w-]+\s+){0,3}$", re.I)
_CONDITIONAL = re.compile(r"\b(?:if|unless|whether)\b", re.I)
# "the men she met there": a reduced relative clause describes its noun, it reports no new event.
_REDUCED_RELATIVE = re.compile(
    r"\b(?!(?:as|was|has|is|this|thus|always|perhaps|days|weeks|years|months|hours|times|its|his|us|plus|unless|"
    r"besides|afterwards|towards|sometimes|yes|says|tells)\b)(?:[a-z]+s|men|women|people|children)\s+"
    r"(?:I|he|she|we|they|you)\s+(?:had\s+|have\s+|has\s+)?$")
# "where shelling has grown heavier": a trend of a noun, not an event.
_TREND_AFTER = re.compile(
    r"^\s+(?:has|have|had)\s+(?:grown|become|been\s+(?:growing|getting|increasing))\b", re.I
)
# "..., many of whom crept across": background to a figure, an event only when it carries its own date.
_SPAN_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:over|during|across)\s+(?:the\s+(?:past|last)\s+)?(?:\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten|several|many|\w+teen|twenty|thirty|forty|fifty)\s+(?:years|decades)\b",
    re.I,
)
_WHOM_BEFORE = re.compile(
    r"\b(?:many|most|some|all|few|several|none|thousands|hundreds)\s+of\s+(?:whom|them)\s+"
    r"(?:had\s+|have\s+)?$",
    re.I,
)


def _background(text: str, pos: int) -> bool:
    """"..., many of whom crept across": background to a figure. "Most of them have taken shelter" opening
    a sentence continues the group of the sentence before instead (a chain, not background)."""
    m = _WHOM_BEFORE.search(text, max(0, pos - 60), pos)
    if m is None:
        return False
    return "whom" in m.group().lower() or bool(text[:m.start()].strip())


_PLANNED_AFTER = wording("planned_after_noun")
_STATISTIC_SPAN = wording("statistic_span")
_PROGRESSIVE_BEFORE = wording("progressive_before")
# "were taking shelter in", "are fleeing to": progressives of people on the move or placed are reports
_PROGRESSIVE_TYPES = ("camp_placement", "flight", "displacement", "border_crossing")
_PLANNED_BEFORE = wording("planned_before_noun")
_COMMEMORATED_BEFORE = wording("commemorated_before")
_ARREST_REASON = wording("arrest_reason_before")
_NO_TARGET_AFTER = wording("no_target_after")
_YEAR_RANGE = wording("year_range")
_PERFECT_CLAUSE = wording("perfect_clause")
_WARNING_BEFORE = wording("warning_before")
_NOBODY_BEFORE = wording("nobody_before")
_NATURAL_MOVER = wording("natural_mover_before")
_PRIOR_RECORD = wording("prior_record_after")
_PERFECT_BEFORE = re.compile(r"\b(?:had|has|have)\s+(?:\w+\s+)?been\s+$", re.I)
_INFINITIVE_BEFORE = wording("infinitive_before_participle")
_PREPOSITION_BEFORE = wording("attributive_after_preposition")
_PLURAL_GENERIC = re.compile(r"\b(?:defections|desertions)\b", re.I)
# Where people are placed (the guide: "a camp or shelter"): camps, shelters, evacuation and relief centres,
# tent cities, temporary housing, quarantine.
# a camp named inside a camp trigger's own words ("opened 27 evacuation centres")
_CAMP_OWN = re.compile(
    r"\b(?:evacuation|relief|reception|transit|collective|shelter|safety|care)\s+cent(?:re|er)s?\b", re.I)
_CAMP_WORD = re.compile(
    r"\b(?:camps?|shelters?|tents|(?:evacuation|relief|reception|transit|detention)\s+cent(?:re|er)s?|"
    r"tent\s+cit(?:y|ies)|temporary\s+(?:housing|accommodation|homes)|quarantine|"
    r"isolation(?:\s+(?:wards?|units?|facility|facilities))?)\b",
    re.I,
)

# "opened an evacuation centre": the placement's own words name the shelter
_CENTRE_WORD = re.compile(r"\b(?:evacuation|relief|reception|transit)\s+cent(?:re|er)s?\b", re.I)


@dataclass(slots=True)
class Trigger:
    """A trigger found in a sentence: its type, span, motion role and form."""

    type: str
    start: int
    end: int
    text: str
    motion: str = ""
    noun: bool = False
    background: bool = False  # in a "many of whom ..." clause: an event only with its own date
    rule: Rule | None = None  # the rule that found it (its id, ACLED default, other fair types)
    planned: bool = False  # an event noun whose own predicate is a plan ("talks were to continue Monday")

    @property
    def rule_id(self) -> str:
        return self.rule.id if self.rule is not None else ""


_CUES: dict[int, tuple[tuple[Rule, ...], frozenset[str], int]] = {}
_WORD_CUES: dict[str, frozenset[str]] = {}
_LETTERS = re.compile(r"[a-z]{3,}")


def _all_cues(ruleset: tuple[Rule, ...]) -> frozenset[str]:
    """The distinct cue words of a rule set."""
    return _cue_index(ruleset)[1]


def _cue_index(ruleset: tuple[Rule, ...]) -> tuple[tuple[Rule, ...], frozenset[str], int]:
    hit = _CUES.get(id(ruleset))
    if hit is None or hit[0] is not ruleset:
        _CUES.clear()
        _WORD_CUES.clear()
        cues = frozenset(c for r in ruleset for c in r.cues)
        hit = _CUES[id(ruleset)] = (ruleset, cues, max(map(len, cues), default=0))
    return hit


def _present_cues(ruleset: tuple[Rule, ...], low: str) -> set[str]:
    """The cue words found in a lower-cased sentence. A cue is a run of letters, so it lies inside one word:
    each word's cues (its substrings that are cues) are found once and remembered, which makes the rule gate
    cost a few lookups per sentence instead of one substring search per cue."""
    _rs, cues, longest = _cue_index(ruleset)
    present: set[str] = set()
    for w in set(_LETTERS.findall(low)):
        got = _WORD_CUES.get(w)
        if got is None:
            n = len(w)
            got = frozenset(w[i:j] for i in range(n - 2) for j in range(i + 3, min(n, i + longest) + 1)
                            if w[i:j] in cues)
            if len(_WORD_CUES) > 100_000:
                _WORD_CUES.clear()
            _WORD_CUES[w] = got
        present |= got
    return present


def find_triggers(text: str, offset: int = 0, *, title: bool = False) -> list[Trigger]:
    """Event triggers in a sentence, in order, with hedged and descriptive uses removed.

    ``title``: the sentence is a headline, where "-ing" forms report ("Syrians crossing into Turkey").
    """
    found: list[Trigger] = []
    taken: list[tuple[int, int]] = []
    low = text.lower()
    ruleset = rules()
    present = _present_cues(ruleset, low)
    for rule in ruleset:
        if rule.cues and present.isdisjoint(rule.cues):
            continue
        for m in rule.pattern.finditer(text):
            s, e = m.start(), m.end()
            if any(not (e <= a or s >= b) for a, b in taken):
                continue
            before = text[max(0, s - 60):s]
            word = m.group().split()[0].lower()
            if (
                word.endswith("ing")
                and not rule.noun
                and not any(m.group().lower().startswith(n) for n in _NOUN_ING)
            ):
                after = text[e:e + 14]
                if not (
                    _GERUND_BEFORE.search(before)
                    or (rule.type in _PROGRESSIVE_TYPES and _PROGRESSIVE_BEFORE.search(before))
                    or _ING_TIME_AFTER.match(after)
                    or _RESULT_ING.search(m.group())
                    or (title and _ING_DIRECTIONAL_AFTER.match(after))
                ):
                    continue
            noun = rule.noun or (rule.ambiguous_noun and bool(_DETERMINER_BEFORE.search(before)))
            acronym = m.group().split()[0].isupper()  # "an IED exploded": no participle
            if not noun and word.endswith("ed") and not acronym and (
                    _ATTRIBUTIVE_BEFORE.search(before) or _PREPOSITION_BEFORE.search(before)
                    or _INFINITIVE_BEFORE.search(before)):
                continue  # "a deserted street", "through poorly targeted measures": adjectives
            if (_HEDGE_BEFORE.search(before) and not CAUSATIVE.search(before)) or _DESCRIPTIVE_BEFORE.search(
                before
            ):
                continue
            if rule.type in ("border_crossing", "defection") and _NATURAL_MOVER.search(before):
                continue  # "the river spilled over its levees": water moving, nobody crossing
            if rule.type == "arrest" and _PERFECT_BEFORE.search(before) and _PRIOR_RECORD.match(text, e):
                continue  # "had been arrested twice before": a record, not an occurrence
            if _NOBODY_BEFORE.search(before):
                continue  # "No one was hurt", "no arrests were made": told as not happening
            if rule.type in ("attack", "military_operation") and _at_no_target(text, s, e):
                continue  # "fired two missiles into the sea", "during a drill": at no one
            if _YEAR_RANGE.search(_clause_before(text, s)) or \
                    _YEAR_RANGE.search(re.split(r"[.;]|,\s", text[e:e + 80])[0]):
                continue  # "killings and arrests between 2015 and 2017": a span of years, not one occurrence
            if noun and rule.type in ("attack", "military_operation") and _ARREST_REASON.search(before):
                continue  # "arrested 15 people over attacks on temples": the charge, not a new occurrence
            if noun and _COMMEMORATED_BEFORE.search(before):
                continue  # "the anniversary of the 1995 massacre": remembered history, no occurrence
            if _WARNING_BEFORE.search(before):
                continue  # "warned of hundreds of fighters fighting in X": a warning tells no occurrence
            if _CONDITIONAL.search(_clause_before(text, s)):
                continue
            if not noun and _REDUCED_RELATIVE.search(before):
                continue
            if noun and _TREND_AFTER.match(text[e:e + 40]):
                continue
            planned = bool(noun and _PLANNED_AFTER.match(text, e))  # "talks were to continue on Monday"
            if noun and _PLANNED_BEFORE.search(before):
                planned = True  # "leaders are expected to discuss it at a summit": the noun is in a plan
            if _SPAN_AFTER.match(text[e:e + 90]):
                continue  # "killed 800 people over four decades": a statistic over years, not an occurrence
            if _STATISTIC_SPAN.search(text) and _PERFECT_CLAUSE.search(_clause_before(text, s) + m.group()):
                continue  # "has killed 30,000 people since 2009": a total over years, not an occurrence
            if rule.type == "camp_placement" and not _CAMP_WORD.search(text[e:e + 80]) and \
                    not re.search(r"camp|shelter|refuge|quarantin|isolat|\bnights?\b", m.group(), re.I) and \
                    not _CAMP_OWN.search(m.group()) and \
                    not _CENTRE_WORD.search(m.group()) and \
                    not m.group().lower().endswith("there"):
                continue
            taken.append((s, e))
            found.append(Trigger(rule.type, s + offset, e + offset, m.group(), rule.motion, noun,
                                 _background(text, s), rule, planned))
    found.sort(key=lambda t: t.start)
    found = [t for i, t in enumerate(found) if not _trip_purpose(t, found[:i], text, offset)]
    return _merge_same_type(found, text, offset)


_ON_A_TRIP = re.compile(
    r"\b(?:on|for)\s+(?:an?|his|her|their|its)\s+(?:[\w-]+\s+){0,2}(?:$|(?:visit|trip|tour)\b)", re.I)


def _trip_purpose(t: Trigger, earlier: list[Trigger], text: str, offset: int) -> bool:
    """ "left for Beijing on Friday on a five-day visit to China": the visit noun names the purpose of the
    journey verb just before it, one occurrence (the verb carries it, with its own day)."""
    if t.type != "visit" or not (
            _ON_A_TRIP.match(t.text)
            or (t.noun and _ON_A_TRIP.search(text, max(0, t.start - offset - 40), t.start - offset))):
        return False
    for p in reversed(earlier):
        gap = text[p.end - offset:t.start - offset]
        if not p.noun and p.type in ("border_crossing", "visit") and len(gap) < 80 \
                and not CLAUSE_BOUNDARY.search(gap):
            return True
    return False


def _at_no_target(text: str, s: int, e: int) -> bool:
    """ "fired two missiles into the sea": the words after the trigger's verb (inside the match or after it)
    send the fire at no one."""
    words = text[s:e].split(None, 1)
    return bool(_NO_TARGET_AFTER.match(" " + (words[1] if len(words) > 1 else "") + text[e:e + 60]))


_CLAUSE_CUT = re.compile(r"[;:]|,\s+(?:and|but|while|whereas)\b|—|–|\.\s")


def _clause_before(text: str, pos: int) -> str:
    head = text[:pos]
    cuts = list(_CLAUSE_CUT.finditer(head))
    return head[cuts[-1].end():] if cuts else head


def _merge_same_type(found: list[Trigger], text: str, offset: int) -> list[Trigger]:
    """One trigger per type per clause: "convened a meeting" is one meeting, not two; "shells struck a
    market, wounding seven" is one occurrence although its two verbs read as operation and attack."""
    out: list[Trigger] = []
    for t in found:
        if out and _kin(out[-1], t):
            gap = text[out[-1].end - offset:t.start - offset]
            if not CLAUSE_BOUNDARY.search(gap) and len(gap) < 80:
                prev = out[-1]
                if prev.noun and not t.noun:  # the verb carries the clause
                    out[-1] = Trigger(
                        t.type, t.start, t.end, t.text, t.motion or prev.motion, False, t.background, t.rule
                    )
                continue
        out.append(t)
    return out


def _kin(a: Trigger, b: Trigger) -> bool:
    """Whether two triggers may tell one occurrence: same type, or one's type a fair reading of the other."""
    if a.type == b.type:
        return True
    also_a = a.rule.also if a.rule else ()
    also_b = b.rule.also if b.rule else ()
    return b.type in also_a and a.type in also_b


# Where a sentence may be cut between two triggers so each gets its own clause.
CLAUSE_BOUNDARY = re.compile(
    r";|(?<!\d):(?!\d)|,\s+(?:and|but|while|whereas|as|after|before|when|although|though)\b|\s+(?:in\s+response\s+to|following|"
    r"after|before|as|while|when|because|whereas|amid)\s+|,\s+(?=[a-z]+ed\b)", re.I)


def generic_plural(text: str) -> bool:
    """Whether a sentence only talks about defections in general ("defections remain rare")."""
    return bool(_PLURAL_GENERIC.search(text))


_PAST_IRREGULAR = {
    "fled", "flew", "flown", "came", "took", "taken", "brought", "shot", "sent", "met", "held", "drove",
    "driven", "overran", "overrun", "fought", "put", "crept", "snuck", "made", "left", "hit", "struck",
    "blew", "blown", "threw", "thrown", "tore", "torn", "beaten", "slain", "retook", "retaken", "overtook",
    "overtaken",
    "set", "cut", "burst", "spread", "shut",  # past and present alike: news tells the past
}


def is_present(trigger_text: str) -> bool:
    """Whether a verb trigger is in the present tense ("reach", "crosses", "are housed")."""
    words = trigger_text.lower().split()
    if not words:
        return False
    if words[0] in ("are", "is"):
        return True
    if words[0] in ("were", "was", "have", "has", "had", "been", "being"):
        return False
    if len(words) > 1 and any(w.endswith("ed") or w in _PAST_IRREGULAR for w in words[1:]):
        return False  # "bomb exploded", "shells struck": a subject before the verb
    w = words[0]
    return not (w.endswith("ed") or w.endswith("ing") or w in _PAST_IRREGULAR)
