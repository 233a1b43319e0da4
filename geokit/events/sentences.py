"""Sentence splitting with character offsets, tolerant of hard-wrapped and cluttered news text.

Why not a library: event rules need exact offsets into the original report, and real input
mixes hard line wraps (a line break in mid-sentence), headlines without a full stop,
photo captions, datelines ("ISTANBUL —") and abbreviations ("T.R.T.", "Mr.", "U.N.").

A single line break ends a sentence only when the line before it ends like a sentence
or a title (terminal punctuation, a capitalised word, a digit) and the next line starts
like one; blank lines always do. ``Sentence.title`` marks headline-like lines (a whole
line without a full stop, or the first line of the text), where the present tense tells
past news ("Troops defect to Turkey").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    (
        "mr mrs ms dr gen col lt maj capt sgt cpl pvt adm cmdr st jr sr prof gov sen rep rev hon no nos "
        "vs etc inc corp ltd co dept est approx fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft "
        "lt.col brig"
    ).split()
)
TITLE_MAX = 160

_BLOCK_SPLIT = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENT_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9•])")
_DATELINE = re.compile(
    r"^\s*(?P<name>[A-Z][A-Z.'’ /-]{1,40}[A-Z.])(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?(?=,))?"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+\d{1,2}(?:,\s*\d{4})?)?)?\s*"
    r"(?:\([^)]{0,40}\)\s*)?[—–-]{1,2}\s"
)


@dataclass(slots=True)
class Sentence:
    """A sentence (or title line) of a report, with its span in the full text."""

    start: int
    end: int
    text: str
    index: int = 0
    paragraph: int = 0
    title: bool = False


def _line_breaks_sentence(prev_line: str, next_line: str) -> bool:
    p, n = prev_line.rstrip(), next_line.lstrip()
    if not p or not n:
        return True
    if not (n[0].isupper() or n[0].isdigit() or n[0] in "•*-–—\"“‘'(["):
        return False
    last = p[-1]
    if last in ".!?:;\"”’)]…":
        return True
    if last.isdigit():
        return True
    word = re.search(r"([A-Za-z]+)\W*$", p)
    return bool(word and word.group(1)[0].isupper())


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation rather than a sentence."""
    # the word before the stop, read in a short window: searching text[:dot] from its start made splitting a
    # long report quadratic (a 126 KB report spent 5.9 s here)
    m = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(0, dot - 64):dot])
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1:
        return True  # initials: "T.R.T.", "J. Smith"
    if "." in word and all(len(part) <= 2 for part in word.split(".") if part):
        return True  # "U.S", "T.R.T"
    return word.lower() in ABBREVIATIONS


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order, each with exact offsets (``text[s.start:s.end] == s.text``)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    out: list[Sentence] = []
    pos = 0
    blocks: list[tuple[int, int]] = []
    for m in _BLOCK_SPLIT.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    first_line_done = False
    for b_index, (bs, be) in enumerate(blocks):
        # lines -> segments joined across soft wraps
        segments: list[tuple[int, int, bool]] = []  # start, end, whole_line
        line_start = bs
        seg_start = bs
        lines: list[tuple[int, int]] = []
        for m in re.finditer(r"\n", text[bs:be]):
            lines.append((line_start, bs + m.start()))
            line_start = bs + m.end()
        lines.append((line_start, be))
        for i, (ls, le) in enumerate(lines):
            if i + 1 < len(lines):
                nxt = text[lines[i + 1][0]:lines[i + 1][1]]
                if _line_breaks_sentence(text[ls:le], nxt):
                    segments.append((seg_start, le, seg_start == ls))
                    seg_start = lines[i + 1][0]
            else:
                segments.append((seg_start, le, seg_start == ls))
        for ss, se, whole_line in segments:
            chunk = text[ss:se]
            if not chunk.strip():
                continue
            is_first_line = not first_line_done
            first_line_done = True
            pieces: list[tuple[int, int]] = []
            cut = 0
            for m in _SENT_END.finditer(chunk):
                dot = m.start()
                if chunk[dot] == "." and _is_abbreviation(chunk, dot):
                    continue
                pieces.append((cut, m.end()))
                cut = m.end()
            pieces.append((cut, len(chunk)))
            stripped = chunk.strip()
            title_line = whole_line and len(stripped) <= TITLE_MAX and (
                stripped[-1] not in ".!…\"”’" or (is_first_line and len(stripped) <= 100))
            for ps, pe in pieces:
                raw = chunk[ps:pe]
                lead = len(raw) - len(raw.lstrip())
                trail = len(raw) - len(raw.rstrip())
                s, e = ss + ps + lead, ss + pe - trail
                if e <= s:
                    continue
                out.append(Sentence(s, e, text[s:e], len(out), b_index, title_line))
    return out


def dateline_head(sentence: str) -> int:
    """Length of a wire dateline opening ``sentence`` ("BOGOTA, Feb 3 (Reuters) - "), 0 when none: its date
    is the report's, not the event's."""
    m = _DATELINE.match(sentence)
    return m.end() if m and sum(c.isupper() for c in m.group("name")) >= 3 else 0


def dateline_span(text: str, sentences: list[Sentence]) -> tuple[int, int] | None:
    """The span of a dateline place ("ISTANBUL —", "BEIRUT, June 3 (Reuters) -") opening the body, if any."""
    for s in sentences[:4]:
        m = _DATELINE.match(s.text)
        if m and sum(c.isupper() for c in m.group("name")) >= 3:
            return s.start + m.start("name"), s.start + m.end("name")
    return None
