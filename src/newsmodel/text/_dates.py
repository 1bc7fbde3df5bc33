"""Date lines: ``"Updated March 3, 2026 at 5:42 p.m. EST"``, ``"Published 2026-03-03 | Updated ..."``.

A date line is made only of dates, each optionally opened by a label saying which date it is
(``dates.txt``: "Published", "Updated", ...), separated by ``|``, ``·`` or ``•``. A date must
name its year; words other than month and weekday names, numbers, times, ``am``/``pm``, ``at``,
``on`` and known time-zone names (``timezones.json``) make the line something else. Dates are
read with python-dateutil; a time zone is set only when the line names one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timezone, tzinfo
from functools import cache
from typing import Any

import attrs
from dateutil import parser, tz

from newsmodel.data import read_json, read_lines

__all__ = ["MAX_DATE_LINE_CHARS", "DateLine", "parse_date_line"]

MAX_DATE_LINE_CHARS = 160
"""Longer lines are never date lines."""
_SEGMENTS = re.compile(r"\s*[|·•]\s*")
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_WEEKDAYS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ]
)
_FILLERS = frozenset(["at", "on", "of", "the", "-", "–", "—", "am", "pm", "a.m.", "p.m.", "a.m", "p.m"])
_YEAR = re.compile(r"(?:19|20)\d\d")
_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
_TIME = re.compile(r"\d{1,2}(?:[:.]\d\d){1,2}(?:am|pm|a\.m\.?|p\.m\.?)?|\d{1,2}(?:am|pm|a\.m\.?|p\.m\.?)")
_NUMERIC_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d|(?:19|20)\d\d[/.-]\d{1,2}[/.-]\d{1,2}")
_ISO = re.compile(r"(?:19|20)\d\d-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,6})?)?(?:Z|[+-]\d\d:?\d\d)?")
_OFFSET = re.compile(r"(?:UTC|GMT)?[+-]\d{1,2}(?::?\d\d)?")
_DOTTED_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.(\d\d)(?![\d.])")


@attrs.frozen
class DateLine:
    """What a date line says; ``problem`` is set when it looks like one but cannot be read."""

    published: datetime | None = None
    modified: datetime | None = None
    problem: str | None = None
    """Why a date-shaped line could not be read (``"day is out of range for month"``)."""
    labelled: bool = False
    """Whether a label ("Published", "Updated", ...) says which date it is."""


@cache
def _labels() -> tuple[tuple[str, str], ...]:
    """(label, field) pairs, longest label first."""
    pairs = []
    for entry in read_lines("dates.txt"):
        field, _, label = entry.partition(":")
        pairs.append((label.strip().casefold(), field.strip()))
    return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))


@cache
def _zones() -> dict[str, Any]:
    """Time-zone names to dateutil ``tzinfos`` values (offsets in seconds or tzinfo objects)."""
    zones: dict[str, Any] = {}
    for name, value in read_json("timezones.json")["zones"].items():
        if isinstance(value, int):
            zones[name] = value
        else:
            zone: tzinfo | None = tz.gettz(value)
            if zone is not None:
                zones[name] = zone
    return zones


def parse_date_line(line: str, *, ignore: Callable[[str], bool] | None = None) -> DateLine | None:
    """The dates of a date line, or ``None`` if ``line`` is not one.

    ``ignore`` may pass over separated parts that are not dates ("3 min read" in
    ``"March 3, 2026 · 3 min read"``); at least one date must remain.

    >>> parse_date_line("Updated March 3, 2026")
    DateLine(published=None, modified=datetime.datetime(2026, 3, 3, 0, 0), problem=None, labelled=True)
    >>> parse_date_line("March 3 was a Tuesday") is None
    True
    """
    if len(line) > MAX_DATE_LINE_CHARS or not _YEAR.search(line):
        return None
    found: dict[str, datetime] = {}
    labelled = False
    for segment in _SEGMENTS.split(line.strip()):
        if not segment or (ignore is not None and ignore(segment)):
            continue
        label, field, rest = _split_label(segment)
        labelled = labelled or label
        if not _date_shaped(rest):
            return None
        try:
            moment = _fixed_offset(parser.parse(_for_dateutil(rest), tzinfos=_zones()))
        except (ValueError, OverflowError) as error:  # dateutil's ParserError is a ValueError
            return DateLine(problem=f"{segment!r}: {error}", labelled=labelled)
        found.setdefault(field, moment)
    if not found:
        return None
    return DateLine(published=found.get("published"), modified=found.get("modified"), labelled=labelled)


def _fixed_offset(moment: datetime) -> datetime:
    """``moment`` with its zone as a fixed offset: the same whatever zone database is installed.

    Raises ValueError for an offset of a day or more (``+25:00``), which no zone has.
    """
    offset = moment.utcoffset()
    return moment if offset is None else moment.replace(tzinfo=timezone(offset))


def _split_label(segment: str) -> tuple[bool, str, str]:
    """Whether the segment has a label, the field it names ("published" without one), the rest."""
    folded = segment.casefold()
    for label, field in _labels():
        if folded.startswith(label) and (len(folded) == len(label) or not folded[len(label)].isalnum()):
            return True, field, segment[len(label) :].lstrip(" :\t")
    return False, "published", segment


def _date_shaped(text: str) -> bool:
    """Whether ``text`` is only a date (with a year) and possibly a time and zone."""
    words = [w.strip(",()") for w in text.split()]
    words = [w for w in words if w]
    if not words:
        return False
    has_year = has_month = False
    for word in words:
        folded = word.casefold().rstrip(".") if word.casefold() not in _FILLERS else word.casefold()
        if _YEAR.fullmatch(word):
            has_year = True
        elif folded in _MONTHS:
            has_month = True
        elif _NUMERIC_DATE.fullmatch(word) or _ISO.fullmatch(word) or _ISO.fullmatch(word.replace("t", "T")):
            has_year = has_month = True
        elif not (
            folded in _WEEKDAYS
            or word.casefold() in _FILLERS
            or _DAY.fullmatch(word)
            or _TIME.fullmatch(word.casefold())
            or word in _zones()
            or _OFFSET.fullmatch(word)
        ):
            return False
    return has_year and has_month


def _for_dateutil(text: str) -> str:
    """The date in a form dateutil reads: ``p.m.`` as ``pm``, ``10.30`` as ``10:30``."""
    text = re.sub(r"\b([ap])\.m\.?", r"\1m", text, flags=re.IGNORECASE)
    text = _DOTTED_TIME.sub(r"\1:\2", text)
    return text.replace("(", " ").replace(")", " ")
