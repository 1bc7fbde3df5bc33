"""Dates as pages write them: ISO 8601, numeric day-month-year, month names in many languages.

:func:`parse_date` reads one structured value (a ``content`` attribute, a JSON-LD string, a
``<time datetime>``); :func:`find_date` searches running text for the first date in it;
:func:`date_in_url` reads ``/2024/03/05/``-style paths. The offset is kept when the value
states one (``Z``, ``+01:00``, or a zone abbreviation from ``date_zones.json``); otherwise the
result is naive: a zone is never invented. A date without a day (``"March 2024"``) is no date.

Every pattern is anchored or bounded, so cost is linear in the input; values longer than
:data:`MAX_VALUE` are cut before any fallback parser sees them.
"""

from __future__ import annotations

import calendar
import re
import warnings
from datetime import datetime, timedelta, timezone, tzinfo
from functools import cache

import attrs
from dateutil import parser as dateutil_parser

from newsmodel import data

__all__ = ["MAX_VALUE", "DateMatch", "date_in_url", "find_date", "month_number", "parse_date", "search_date"]

MAX_VALUE = 120
"""Longest structured date value handed to the fallback parser (``dateutil``)."""

MIN_YEAR = 1800
MAX_YEAR = 2200

_ISO = re.compile(
    r"(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?"
)
_NUMERIC = re.compile(r"(?<!\d)(\d{1,4})([./-])(\d{1,2})\2(\d{4}|\d{1,2})(?![\d.]\d)")
_WORD = r"([^\W\d_]{3,12})"
_DAY_MONTH_YEAR = re.compile(
    r"(?<![\d.])(\d{1,2})(?:\.|er|º|°|st|nd|rd|th)?\s*(?:de\s+|of\s+)?"
    + _WORD
    + r"\.?,?\s*(?:de\s+)?(\d{4})(?!\d)"
)
_MONTH_DAY_YEAR = re.compile(_WORD + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)")
_TIME = re.compile(
    r"[\s,]*(?:um|at|à|a\s+las|alle|kl\.?|-|–|\|)?\s*(\d{1,2})[:.h](\d{2})(?::(\d{2}))?"
    r"\s*(?:(am|pm|a\.m\.|p\.m\.)|uhr|h\b)?"
    r"\s*(Z\b|[+-]\d{2}:?\d{2}|(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?|[A-Z]{2,5}\b)?",
    re.IGNORECASE,
)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/_-]?(0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?:[/_.-]|$)")
_URL_COMPACT = re.compile(r"[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)")


@cache
def _months() -> dict[str, int]:
    table: dict[str, int] = {}
    for number, names in data.read_json("date_months.json").items():
        if number.isdigit():
            for name in names:
                table[name.casefold()] = int(number)
    return table


@cache
def _zones() -> dict[str, int]:
    return {k: v for k, v in data.read_json("date_zones.json").items() if not k.startswith("_")}


def month_number(word: str) -> int | None:
    """The month a month name or abbreviation stands for (``"März"`` → 3), or ``None``."""
    return _months().get(word.casefold().rstrip("."))


_month = month_number


def _offset(text: str | None) -> tzinfo | None:
    """The zone a suffix states (``Z``, ``+0100``, ``UTC+2``, ``CET``), or ``None``."""
    if not text:
        return None
    text = text.strip()
    if text in _zones():  # abbreviations count only as written, in capitals
        return timezone(timedelta(minutes=_zones()[text]))
    if text[:3] in ("UTC", "GMT"):
        text = text[3:]
    if not text or text[0] not in "+-":
        return None
    digits = text[1:].replace(":", "")
    if not digits.isdigit() or len(digits) not in (1, 2, 4):
        return None
    hours, minutes = (int(digits), 0) if len(digits) <= 2 else (int(digits[:2]), int(digits[2:]))
    if hours > 18 or minutes > 59:
        return None
    sign = -1 if text[0] == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _make(  # noqa: PLR0917  # a datetime's own positional order reads best here
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    second: int = 0,
    micro: int = 0,
    zone: tzinfo | None = None,
) -> datetime | None:
    """A datetime, or ``None`` when the parts do not form a real moment."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    if hour == 24 and minute == second == 0:  # "24:00" ends the day; keep the date
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return datetime(year, month, day, hour, minute, second, micro, tzinfo=zone)


@attrs.frozen
class DateMatch:
    """A date found in running text: the moment, where its words are, whether a time was given."""

    moment: datetime
    start: int
    """Offset of the date's first character in the searched text."""
    end: int
    """Offset just after the date (and its time of day, if one follows)."""
    timed: bool
    """Whether a time of day was written with the date (``"5 March 2024, 14:09"``)."""


def _timed(  # noqa: PLR0917  # a date's parts, then where it stands in the text
    year: int, month: int, day: int, text: str, start: int, at: int
) -> DateMatch | None:
    """The date written at ``start``, with the time of day (and zone) that follows it at ``at``."""
    date = _make(year, month, day)
    if date is None:
        return None
    found = _TIME.match(text, at)
    if found is None:
        return DateMatch(date, start, at, timed=False)
    hour, minute = int(found.group(1)), int(found.group(2))
    second = int(found.group(3) or 0)
    meridiem = (found.group(4) or "").lower().replace(".", "")
    if meridiem and not 1 <= hour <= 12:
        return DateMatch(date, start, at, timed=False)
    if meridiem == "pm" and hour != 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    zone, end = found.group(5), found.end()
    if zone and zone[0] in "+-" and ":" in zone and found.group(3) is None:
        zone, end = None, found.start(5)  # "10:00-11:30" is a range of times, not an offset
    moment = _make(year, month, day, hour, minute, second, zone=_offset(zone))
    if moment is None:
        return DateMatch(date, start, at, timed=False)
    return DateMatch(moment, start, end, timed=True)


def _iso(text: str) -> datetime | None:
    found = _ISO.match(text)
    if found is None:
        return None
    year, month, day, hour, minute, second, fraction, offset = found.groups()
    zone = _offset(offset)
    if hour is not None and zone is None:
        rest = text[found.end() :].strip(" ()")
        zone = _offset(rest) if rest.isalpha() else None
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    return _make(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), micro, zone
    )


def _numeric(found: re.Match[str], text: str, *, dayfirst: bool) -> DateMatch | None:
    first, separator, middle, last = found.groups()
    if len(first) == 4:  # 2024-03-05, 2024/03/05, 2024.03.05
        if len(last) > 2:
            return None
        year, month, day = int(first), int(middle), int(last)
    elif len(last) == 4 and len(first) <= 2:
        a, b, year = int(first), int(middle), int(last)
        if separator == "/" and not dayfirst and b <= 12 < a:
            dayfirst = True
        elif separator == "/" and dayfirst and a <= 12 < b:
            dayfirst = False
        elif separator in {".", "-"}:
            dayfirst = True
        day, month = (a, b) if dayfirst else (b, a)
    elif separator == "." and len(first) <= 2 and len(last) == 2:  # 05.03.24: dotted, day first
        day, month, year = int(first), int(middle), int(last) + (2000 if int(last) < 50 else 1900)
    else:
        return None
    return _timed(year, month, day, text, found.start(), found.end())


def _worded(text: str) -> DateMatch | None:
    """The first date written with a month name (``5. März 2024``, ``March 5, 2024``)."""
    best: DateMatch | None = None
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy")):
        for found in pattern.finditer(text):
            if best is not None and found.start() >= best.start:
                break
            if order == "dmy":
                day, word, year = found.groups()
            else:
                word, day, year = found.groups()
            month = _month(word)
            if month is None:
                continue
            matched = _timed(int(year), month, int(day), text, found.start(), found.end())
            if matched is not None:
                best = matched
                break
    return best


def _dateutil(text: str, *, dayfirst: bool) -> datetime | None:
    """Last resort for structured values: dateutil, rejecting results that miss a part."""
    moments = []
    for default in (datetime(2001, 1, 1), datetime(2002, 2, 2)):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # unknown zone names: the result stays naive
                moments.append(
                    dateutil_parser.parse(text, default=default, dayfirst=dayfirst, tzinfos=_tzinfos)
                )
        except (ValueError, OverflowError, TypeError):  # dateutil's only way to say "not a date"
            return None
    first, second = moments
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None  # a part came from the default
    if not MIN_YEAR <= first.year <= MAX_YEAR:
        return None
    return first


def _tzinfos(name: str, offset: int | None) -> tzinfo | None:
    if offset is not None:
        return timezone(timedelta(seconds=offset))
    return _offset(name)


def parse_date(value: str, *, dayfirst: bool = True) -> datetime | None:
    """The moment a structured date value names, or ``None``.

    ``dayfirst`` settles ``03/05/2024`` (day first unless told otherwise); dotted and dashed
    day-month-year forms are always day first.
    """
    text = " ".join(value.split())[:MAX_VALUE]
    if not text or not any(c.isdigit() for c in text):
        return None
    moment = _iso(text)
    if moment is not None:
        return moment
    found = _NUMERIC.match(text)
    if found is not None:
        numeric = _numeric(found, text, dayfirst=dayfirst)
        return None if numeric is None else numeric.moment
    worded = _worded(text)
    if worded is not None:
        return worded.moment
    if len(text) > 60 or text.isdigit():
        return None
    return _dateutil(text, dayfirst=dayfirst)


def search_date(text: str, *, dayfirst: bool = True) -> DateMatch | None:
    """The first date written in running text (numeric or with a month name), with its place."""
    numeric = None
    for found in _NUMERIC.finditer(text):
        numeric = _numeric(found, text, dayfirst=dayfirst)
        if numeric is not None:
            break
    worded = _worded(text)
    if numeric is not None and (worded is None or numeric.start < worded.start):
        return numeric
    return worded


def find_date(text: str, *, dayfirst: bool = True) -> datetime | None:
    """The first date written in running text (numeric or with a month name), or ``None``."""
    found = search_date(text, dayfirst=dayfirst)
    return None if found is None else found.moment


def date_in_url(url: str) -> datetime | None:
    """The date a URL path states (``/2024/03/05/``, ``/2024-03-05-slug``, ``_20240305``)."""
    for pattern in (_URL_DATE, _URL_COMPACT):
        found = pattern.search(url)
        if found is not None:
            return _make(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    return None
