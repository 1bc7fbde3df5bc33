"""Bylines and credit lines: ``"By Jane Doe and John Roe, The Wire"``, ``"Editing by Ann Poe"``.

A credit line opens with a phrase that says what the people did (``byline.txt``: "By",
"Additional reporting by", "Editing by", "Photos by", ...); several clauses may be joined by
``;`` and the whole may be in parentheses (``"(Reporting by A; Editing by B)"``). After the
phrase come names separated by commas, "and" or "&", then optionally, after a comma, ``|``, ``/``
or "for"/"of", an organisation (the authors' affiliation), a job title (dropped) or a date.
Every name must look like one (capitalised words, connectors such as "de" allowed): a line
with anything else is not a byline. A credit of a news agency alone (``"By Reuters"``) gives an
author with :attr:`~newsmodel.AuthorRole.AGENCY`.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache

import attrs

from newsmodel.model import Author, AuthorRole
from newsmodel.text._dates import parse_date_line
from newsmodel.text._names import (
    byline_prefixes,
    is_job_title,
    is_organisation,
    name_words,
    news_agencies,
)

__all__ = ["MAX_BYLINE_CHARS", "Byline", "parse_byline"]

MAX_BYLINE_CHARS = 300
"""Longer lines are never bylines."""
_MAX_NAME_WORDS = 5
_SEGMENT_SEPARATORS = re.compile(r"\s+[|/·•]\s+|\s+[—–]\s+")
_NAME_SEPARATORS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_CONTACT = re.compile(r"(?:(?:e-?mail|twitter|x)\s*:\s*)?(?:\S+@\S+\.\w+|@\w{1,30})", re.IGNORECASE)
_AFFILIATION_WORDS = re.compile(r"\s+(?:for|of|from|at)\s+")
_LIST_END = re.compile(r"\band\b|&")
_DATE_START = re.compile(
    r",\s*|\s+(?=(?:published|updated|posted|last updated|modified)\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\d{1,2} [a-z]{3}|\d{4}-\d\d)",
    re.IGNORECASE,
)
"""Where a date may start after the names: a comma, a date label, a month name, an ISO date."""
_ROLES = (AuthorRole.AUTHOR, AuthorRole.CONTRIBUTOR, AuthorRole.EDITOR, AuthorRole.PHOTOGRAPHER)


@attrs.frozen
class Byline:
    """What a byline credits."""

    authors: tuple[Author, ...]
    """The people and agencies credited, in order."""
    dropped: tuple[str, ...] = ()
    """Parts of the line kept in no field: job titles, e-mail addresses, handles, places."""
    published: datetime | None = None
    """A date given on the byline line ("By Jane Doe | March 3, 2026")."""
    modified: datetime | None = None
    """An update date given on the byline line."""


@attrs.define
class _Found:
    authors: list[Author] = attrs.Factory(list)
    dropped: list[str] = attrs.Factory(list)
    published: datetime | None = None
    modified: datetime | None = None


def parse_byline(line: str, *, bare: bool = False) -> Byline | None:
    """The credits of a byline or credit line; ``None`` when ``line`` is not one.

    With ``bare=True`` a line of names without an opening phrase is accepted too
    (``"Jane Doe and John Roe"``), each name then needing two to four words.

    >>> [a.name for a in parse_byline("By Jane Doe and John Roe, The Wire").authors]
    ['Jane Doe', 'John Roe']
    >>> parse_byline("By the river, the town waited.") is None
    True
    """
    text = line.strip()
    if not text or len(text) > MAX_BYLINE_CHARS:
        return None
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    found = _Found()
    for number, clause in enumerate(text.split(";")):
        role, rest = _split_prefix(clause.strip())
        if role is None:
            if not (bare and number == 0):
                return None
            role = AuthorRole.AUTHOR
        elif not rest:
            return None
        if not _clause(rest, role, found, bare=bare and number == 0 and rest == clause.strip()):
            return None
    if not found.authors:
        return None
    return Byline(
        authors=tuple(found.authors),
        dropped=tuple(found.dropped),
        published=found.published,
        modified=found.modified,
    )


@cache
def _prefix_first_words() -> frozenset[str]:
    """The first word of every opening phrase: a clause starting otherwise has none."""
    return frozenset(prefix.split()[0] for role in _ROLES for prefix in byline_prefixes(role.value))


def _split_prefix(clause: str) -> tuple[AuthorRole | None, str]:
    """The role named by the clause's opening phrase, and the rest of the clause."""
    folded = clause.casefold()
    first = folded.split(None, 1)
    if not first or first[0].rstrip(":") not in _prefix_first_words():
        return None, clause
    best: tuple[int, AuthorRole] | None = None
    for role in _ROLES:
        for prefix in byline_prefixes(role.value):
            if folded.startswith(prefix) and (best is None or len(prefix) > best[0]):
                after = folded[len(prefix) : len(prefix) + 1]
                if after in (" ", ":", "\t"):
                    best = (len(prefix), role)
    if best is None:
        return None, clause
    return best[1], clause[best[0] :].lstrip(" :\t")


def _clause(text: str, role: AuthorRole, found: _Found, *, bare: bool) -> bool:
    """Add the credits of one clause to ``found``; ``False`` if it is not a credit."""
    for contact in _CONTACT.finditer(text):
        found.dropped.append(contact.group())
    text = _CONTACT.sub(" ", text).strip(" ,|")
    segments = [s.strip() for s in _SEGMENT_SEPARATORS.split(text)]
    segments = [s for s in segments if s]
    if not segments:
        return False
    segments[0] = _cut_date(segments[0], found)
    affiliation = None
    for extra in segments[1:]:
        kind = _extra(extra, found)
        if kind is None:
            return False
        if kind == "affiliation":
            affiliation = affiliation or extra
    commas = [part.strip() for part in segments[0].split(",")]
    while len(commas) > 1 and not _LIST_END.search(commas[-1]):
        kind = _extra(commas[-1], found)
        if kind is None:
            break  # a name: "By Jane Doe, John Roe"
        if kind == "affiliation":
            affiliation = commas[-1]
        commas.pop()
    names_part = ", ".join(commas)
    pieces = _AFFILIATION_WORDS.split(names_part, maxsplit=1)
    if len(pieces) == 2 and is_organisation(pieces[1]) and name_words(pieces[1], 8):
        names_part = pieces[0]
        affiliation = affiliation or pieces[1]
    authors = []
    for name in _NAME_SEPARATORS.split(names_part):
        author = _author(name.strip(), role, affiliation, found, bare=bare)
        if author is None:
            return False
        authors.append(author)
    found.authors.extend(authors)
    return bool(authors)


def _cut_date(text: str, found: _Found) -> str:
    """``text`` without a date that ends it ("Jane Doe, March 3, 2026", "Jane Doe Updated ...")."""
    for cut in _DATE_START.finditer(text):
        date = parse_date_line(text[cut.end() :])
        if date is not None and date.problem is None:
            found.published = found.published or date.published
            found.modified = found.modified or date.modified
            return text[: cut.start()].rstrip(" ,")
    return text


def _extra(text: str, found: _Found) -> str | None:
    """Classify a part after the names: ``"affiliation"``, ``"dropped"``, ``"date"`` or ``None``."""
    if is_job_title(text):
        found.dropped.append(text)
        return "dropped"
    date = parse_date_line(text)
    if date is not None and date.problem is None:
        found.published = found.published or date.published
        found.modified = found.modified or date.modified
        return "date"
    if is_organisation(text) and name_words(text.replace(".com", ""), 8):
        return "affiliation"
    return None


def _author(
    name: str, role: AuthorRole, affiliation: str | None, found: _Found, *, bare: bool
) -> Author | None:
    """An author from one name of the list, or ``None`` if it is not a name."""
    if " in " in name:  # "Jane Doe in London" (Reuters credit lines)
        name, _, place = name.partition(" in ")
        found.dropped.append(f"in {place}")
    name = name.strip()
    if name.casefold() in news_agencies():
        return Author(name=name, role=AuthorRole.AGENCY)
    if not name_words(name, _MAX_NAME_WORDS) or is_job_title(name):
        return None
    if bare and not 2 <= len(name.split()) <= 4:
        return None
    if name.isupper():
        name = " ".join(word.capitalize() if len(word) > 2 else word for word in name.split())
    return Author(name=name, role=role, affiliation=affiliation)
