"""Sentence boundaries in body text, one pass over each paragraph.

A boundary candidate is a run of ``.``, ``!``, ``?`` or ``…`` (with any closing quotation marks
or brackets right after it, NYT-style ``''`` included) followed by white space and then by a
sentence opener: a capital letter, a digit, a letter of a script without case, or an opening
quotation mark or bracket before one of those. A candidate is not a boundary when the period
belongs to an abbreviation (``Mr.``, ``Jan. 5``, ``No. 3``); after an ambiguous one (``Inc.``,
``U.S.``, an initial, an ellipsis) it is a boundary only before a typical sentence-opening word
(``"in the U.S. The ..."`` splits, ``"U.S. President ..."`` does not). The abbreviation lists and
opening words are data (``abbreviations.txt``, ``sentence_starters.txt``).

Sentences never cross paragraphs, are trimmed of white space, never empty, and in order. The
cost is linear in the length of the text: every character is looked at a bounded number of times.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache

from newsmodel.data import read_lines
from newsmodel.model import Span

__all__ = ["split_sentences"]

_CANDIDATE = re.compile(r"[.!?…]+(?:''|[\"”’'»)\]])*")
"""Sentence-final punctuation with the closing marks after it (no backtracking: greedy runs)."""
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
"""Dotted abbreviations such as ``U.S`` or ``a.m`` (the final period is not part of the token)."""
_OPENING_MARKS = "\"“‘'«([„"
_BRACKETS = "(["
_CLOSING_MARKS = "\"”’'»)]"
_CLOSING_QUOTES = "\"”’'»"
_WORD_MARKS = ".'’-&"
_MAX_TOKEN = 24
"""How far back to look for the word before a period (abbreviations are short)."""
_MAX_WORD = 24


class _Abbreviation(enum.Enum):
    """How a period after a word bears on a sentence boundary."""

    TITLE = "title"
    """Always followed by a name: never ends a sentence."""
    NUMBER = "number"
    """Does not end a sentence before a number; otherwise an ordinary word."""
    MONTH = "month"
    """Does not end a sentence before a number; otherwise ambiguous."""
    OTHER = "other"
    """Ambiguous: ends a sentence only before a typical opening word."""


@cache
def _abbreviations() -> Mapping[str, _Abbreviation]:
    """Abbreviation (without its period) to its class; earlier classes in the file win."""
    table: dict[str, _Abbreviation] = {}
    for entry in read_lines("abbreviations.txt"):
        kind, _, words = entry.partition(":")
        cls = _Abbreviation(kind.strip())
        for word in words.split():
            table.setdefault(word, cls)
    return table


@cache
def _starters() -> frozenset[str]:
    """Words that typically open a sentence."""
    return frozenset(read_lines("sentence_starters.txt"))


def split_sentences(text: str, paragraphs: Sequence[Span]) -> list[Span]:
    """Sentence spans of ``text``, in order, never crossing a paragraph boundary.

    Each span is trimmed of white space and non-empty; a paragraph of white space only gives
    no sentence.

    >>> from newsmodel.model import Span
    >>> body = "Mr. Smith met Dr. Rao in the U.S. on Jan. 5. They spoke."
    >>> [s.of(body) for s in split_sentences(body, [Span(start=0, end=len(body))])]
    ['Mr. Smith met Dr. Rao in the U.S. on Jan. 5.', 'They spoke.']
    """
    sentences: list[Span] = []
    for paragraph in paragraphs:
        start = paragraph.start
        for cut in _boundaries(text, paragraph.start, paragraph.end):
            _append_trimmed(sentences, text, start, cut)
            start = cut
        _append_trimmed(sentences, text, start, paragraph.end)
    return sentences


def _append_trimmed(out: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Span(start=start, end=end))


def _boundaries(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets in ``text[start:end]`` where a sentence ends (just after its closing marks)."""
    scanned, lettered = start, False  # whether the sentence so far has a letter, scanned up to where
    for match in _CANDIDATE.finditer(text, start, end):
        after = match.end()
        if after >= end or not text[after].isspace():
            continue
        if not lettered:
            while scanned < match.start() and not text[scanned].isalpha():
                scanned += 1
            lettered = scanned < match.start()
        if not lettered:
            continue  # "1." numbering a list item is no sentence
        following = after
        while following < end and text[following].isspace():
            following += 1
        if following < end and _ends_sentence(text, match.start(), match.group(), following, end):
            yield after
            scanned, lettered = after, False


def _ends_sentence(text: str, mark_start: int, marks: str, following: int, end: int) -> bool:
    """Whether the punctuation ``marks`` at ``mark_start`` ends a sentence, given what follows."""
    opener = following
    quoted = False
    if text.startswith("''", opener):
        opener += 2
        quoted = True
    elif text[opener] in _OPENING_MARKS:
        quoted = text[opener] not in _BRACKETS
        opener += 1
    if opener >= end or not _opens_sentence(text[opener]):
        return False
    stops = marks.rstrip(_CLOSING_MARKS)
    closed = any(mark in _CLOSING_QUOTES for mark in marks[len(stops) :])
    if "!" in stops or "?" in stops:
        return True
    if stops != ".":  # an ellipsis, "..", "…": ambiguous
        return quoted or closed or _word_at(text, opener, end) in _starters()
    token = _token_before(text, mark_start)
    if not token or token[-1].isdigit():
        return True  # "in 2015." and 'said "no."' end sentences
    kind = _classify(token)
    if kind is None:
        return True
    if kind is _Abbreviation.TITLE:
        return False
    if text[opener].isdigit() and kind in (_Abbreviation.NUMBER, _Abbreviation.MONTH, _Abbreviation.OTHER):
        return False
    if kind is _Abbreviation.NUMBER:
        return True
    return quoted or closed or _word_at(text, opener, end) in _starters()


def _opens_sentence(char: str) -> bool:
    """A capital letter, a digit, or a letter of a script without case."""
    return char.isdigit() or (char.isalpha() and not char.islower())


def _token_before(text: str, end: int) -> str:
    """The word (letters, digits, inner periods) that ends at ``end``, at most a few characters."""
    start = end
    limit = max(0, end - _MAX_TOKEN)
    while start > limit and (text[start - 1].isalnum() or text[start - 1] in _WORD_MARKS):
        start -= 1
    return text[start:end].lstrip(_WORD_MARKS)


def _word_at(text: str, start: int, end: int) -> str:
    """The run of letters (and apostrophes) starting at ``start``."""
    stop = start
    limit = min(end, start + _MAX_WORD)
    while stop < limit and (text[stop].isalpha() or text[stop] in "'’"):
        stop += 1
    return text[start:stop]


def _classify(token: str) -> _Abbreviation | None:
    """The abbreviation class of the word before a period, or ``None`` for an ordinary word.

    Only the part after a hyphen counts ("then-U.S."); a word in capitals is looked up as
    capitalised too ("ST." as "St.").
    """
    token = token.rpartition("-")[2]
    known = _abbreviations().get(token)
    if known is None and token.isupper():
        known = _abbreviations().get(token.capitalize())
    if known is not None:
        return known
    if len(token) == 1 and token.isalpha():
        return _Abbreviation.OTHER  # an initial: "J. R. Smith"
    if _DOTTED.fullmatch(token):
        return _Abbreviation.OTHER  # "U.S", "a.m", "e.g"
    return None
