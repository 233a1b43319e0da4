"""Tokens and capitalised runs: the first step of recognition, plain data in and out.

Words carry their offsets; possessives are split off ("Turkey’s" -> "Turkey" + "’s"); ``runs`` groups
maximal capitalised runs ("Jisr al-Shughour", "Free Syrian Army") that recognition looks inside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geokit.parsing.lexicon import (
    NAME_CONNECTORS,
)

_TOKEN = re.compile(r"[^\W_](?:\w|[’'‘`\-.](?=\w))*\.?", re.UNICODE)
_POSSESSIVE = re.compile(r"[’']s?$")
_CONTRACTION = re.compile(r"[’'](?:ve|d|ll|re|m|t)$", re.IGNORECASE)


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    cap: bool
    possessive: bool = False


# ----------------------------------------------------------------------------- tokens


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        s, e, w = m.start(), m.end(), m.group()
        if w.endswith(".") and not _is_abbrev(w) and not _mid_sentence_abbrev(w, text, m.end()):
            e -= 1
            w = w[:-1]
        if "-" in w and w[0].isupper():
            head, _, tail = w.rpartition("-")
            if tail and tail[0].islower() and head:  # "Paris-based", "Syrian-born", "Turkish-backed"
                e -= len(tail) + 1
                w = head
        poss = False
        pm = _POSSESSIVE.search(w) if len(w) > 2 and w[-2:-1] in "’'" else None
        if pm and w[-1] in "sS":
            e -= 2
            w = w[:-2]
            poss = True
        if not w:
            continue
        quoted = "’" in w or "'" in w  # (the two checks below are regexes: most words skip them)
        if quoted and _CONTRACTION.search(w):
            out.append(Tok(s + offset, e + offset, w, False, poss))  # "I've", "You'd": never a name
            continue
        cap = w[0].isupper() or ((quoted or "-" in w or "‐" in w) and article_joined(w))
        out.append(Tok(s + offset, e + offset, w, cap, poss))
    return out


_ARTICLE_JOINED = re.compile(
    r"(?:al|el|al|as|ash|ar|ad|az|ez|an|at|ath|adh|ed|es|et|en|ul|il|d|l)[-‐’'](?=[A-ZÀ-ÖØ-Þ])")


def article_joined(w: str) -> bool:
    """'al-Shughour', 'el-Sheikh': a lowercase Arabic article glued to a capitalised name."""
    return bool(_ARTICLE_JOINED.match(w))


_ABBREVS = frozenset("""mr mrs ms dr st ste mt ft gen col lt maj capt sgt cpl adm rev sen rep gov jr sr prof
jan feb mar apr aug sep sept oct nov dec inc ltd co corp no vol vs etc al""".split())


def _mid_sentence_abbrev(w: str, text: str, end: int) -> bool:
    """"Edmonton, Ky., police said": a short capitalised word whose dot does not end the sentence."""
    if not (2 <= len(w) <= 5 and w[0].isupper() and w[1:-1].islower()):
        return False
    nxt = re.match(r"\s*(\S)", text[end:end + 5])
    return bool(nxt) and (nxt.group(1) in ",;()-–—" or nxt.group(1).islower() or nxt.group(1).isdigit())


def _is_abbrev(w: str) -> bool:
    # "U.S.", "U.N.", "B.C.", "St.", "Mr." keep their final dot; "Asia." at a sentence end does not
    # "U.S.", initials
    return bool(re.fullmatch(r"(?:[A-Za-z]\.){2,}|[A-Z]\.", w)) or w[:-1].lower() in _ABBREVS


def _gap(text: str, a: Tok, b: Tok) -> str:
    return text[a.end:b.start]


def runs(text: str, toks: list[Tok]) -> list[list[int]]:
    """Indexes of maximal capitalised runs (connectors allowed inside, not at the ends)."""
    out: list[list[int]] = []
    cur: list[int] = []
    for i, t in enumerate(toks):
        joinable = bool(cur) and _joinable(text, toks[cur[-1]], t)
        if t.cap or (t.text.lower() in NAME_CONNECTORS and cur and joinable):
            if cur and not joinable:
                out.append(cur)
                cur = []
            cur.append(i)
            if t.possessive:
                out.append(cur)
                cur = []
        else:
            if cur:
                out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    # connectors may not end a run
    cleaned = []
    for r in out:
        while r and not toks[r[-1]].cap:
            r = r[:-1]
        if r:
            cleaned.append(r)
    return cleaned


def _joinable(text: str, a: Tok, b: Tok) -> bool:
    gap = text[a.end:b.start]
    return not a.possessive and (gap in (" ", "-", "‐", "–")
                                 or (gap.strip() == "" and "\n\n" not in gap and len(gap) < 4))


# ----------------------------------------------------------------------------- recognition
