"""Datelines that open a story: ``"PARIS (Reuters) -"``, ``"VALDMORE, Norway (CWS) —"``.

Shape: a place, optional regions (``", Norway"``, ``", N.Y."``), an optional date
(``", Feb. 8"``), an optional agency in parentheses, then a dash (``—``, ``–``, ``―``, or
``-``/``--`` between spaces). The place must be in capitals (``"NASHUA, N.H. -"``) unless an
agency follows it (``"Washington (AFP) –"``); a date and an agency alone also make one
(``"Dec 29 (Reuters) -"``). Capitalised labels that are not places (``"BREAKING —"``) are data
(``dateline_kickers.txt``). The paragraph must go on in ordinary writing (lower-case letters),
so that an all-capitals headline such as ``"SOCCER - CITY WIN AGAIN"`` is not taken for one;
after a bare place (no region, date or agency) it must run on for at least 12 words, so that a
headline with a topic slug (``"FEATURE - Town hosts summit."``) is not either.
A colon (``"NEW DELHI: ..."``) is not taken as a dateline's end: too many labels look the same.
"""

from __future__ import annotations

import re
from functools import cache

from newsmodel.data import read_lines
from newsmodel.model import Dateline
from newsmodel.text._names import name_words

__all__ = ["MAX_DATELINE_CHARS", "find_dateline"]

MAX_DATELINE_CHARS = 100
"""Longest dateline looked for (without its dash)."""
_SEPARATOR = re.compile(r"\s*(?:[—―–]|(?<=\s)--?(?=\s))")
_DATE_PART = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?"
    r"|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"|(?:19|20)\d\d(?:-\d\d-\d\d)?",
    re.IGNORECASE,
)
_MAX_PLACE_WORDS = 5
_MAX_REGIONS = 2
_MIN_BARE_WORDS = 12
"""A bare place ("WASHINGTON -") opens a dateline only before a paragraph this long at least."""


@cache
def _kickers() -> frozenset[str]:
    return frozenset(k.casefold() for k in read_lines("dateline_kickers.txt"))


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline that opens ``paragraph``, or ``None``.

    ``Dateline.text`` is the exact prefix of ``paragraph`` up to and including the dash.

    >>> find_dateline("OSLO, Norway (CWS) — The council voted on Tuesday.")
    Dateline(text='OSLO, Norway (CWS) —', place='OSLO, Norway', agency='CWS', span=None)
    >>> find_dateline("The council voted — again — on Tuesday.") is None
    True
    """
    separator = _SEPARATOR.search(paragraph, 0, MAX_DATELINE_CHARS + 4)
    if separator is None or not any(c.islower() for c in paragraph[separator.end() :]):
        return None
    head = paragraph[: separator.start()].strip()
    agency = None
    if head.endswith(")"):
        opening = head.rfind("(")
        agency = head[opening + 1 : -1].strip() if opening >= 0 else ""
        if not agency or not name_words(agency, 4):
            return None
        head = head[:opening].rstrip()
    parts = [part.strip() for part in head.split(",")] if head else []
    while parts and _DATE_PART.fullmatch(parts[-1]):
        parts.pop()
    if not parts:  # "Dec 29 (Reuters) -", "(CNN) -": an agency is needed
        return None if agency is None else Dateline(text=paragraph[: separator.end()], agency=agency)
    if not _place(parts, has_agency=agency is not None):
        return None
    if agency is None and len(parts) == 1 and len(parts) == len(head.split(",")):
        rest = paragraph[separator.end() : separator.end() + 400]
        if len(rest.split(maxsplit=_MIN_BARE_WORDS)) < _MIN_BARE_WORDS:
            return None  # "FEATURE - Town hosts summit.": a headline with a slug
    return Dateline(text=paragraph[: separator.end()], place=", ".join(parts), agency=agency)


def _place(parts: list[str], *, has_agency: bool) -> bool:
    """Whether ``parts`` (split at commas) are a place and its regions."""
    first, regions = parts[0], parts[1:]
    if len(regions) > _MAX_REGIONS or first.casefold() in _kickers():
        return False
    if not (_capitals(first) or (has_agency and name_words(first, _MAX_PLACE_WORDS))):
        return False
    return all(name_words(region, 4) for region in regions)


def _capitals(text: str) -> bool:
    """A place written in capitals: 1-5 words of capital letters (``"ST. LOUIS"``, ``"N.Y."``)."""
    words = text.split()
    if not words or len(words) > _MAX_PLACE_WORDS:
        return False
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 2
        and all(c.isupper() for c in letters)
        and all(c.isalpha() or c in ".'’-" for word in words for c in word)
    )
