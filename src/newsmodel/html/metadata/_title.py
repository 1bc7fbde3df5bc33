"""Headlines without the site name: ``"Storm hits coast | The Example Times"`` → ``"Storm hits coast"``.

Titles from ``<title>``, ``og:title`` and the like often carry the site's name (and sometimes a
section) before or after the headline, joined by a separator (``|``, a spaced dash, ``»``,
``::``...). :func:`strip_site` removes them using evidence, in this order:

1. a page heading (``<h1>``) that equals the title, or one run of its segments, wins;
2. segments at either end that are only a date go (:func:`drop_dates`, also used on headings);
3. a segment in the middle that is the site's name ends the headline (``"Headline | site |
   tagline"``); segments at either end that name the site (its publisher names or host words) go;
4. otherwise, for titles that commonly carry site names (``<title>``), the segment of most
   words is the headline.
"""

from __future__ import annotations

import re

from newsmodel.html.metadata._authors import credit_key
from newsmodel.html.metadata._dates import search_date

__all__ = ["drop_dates", "names_site", "strip_site"]

_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»«›‹/~*]|::)\s+|\s*\|\s*|\s+[-–—]{2}\s+")
MAX_DATE_REST = 10
"""Letters beside a date (a weekday, "Stand") that still leave a title segment a date."""
MAX_SEGMENTS = 12
"""Titles cut into more segments than this are left alone (they are not headline + site)."""


def _segments(title: str) -> list[tuple[int, int]]:
    """(start, end) of each separated segment of ``title``."""
    spans = []
    start = 0
    for found in _SEPARATOR.finditer(title):
        if found.start() > start:
            spans.append((start, found.start()))
        start = found.end()
    if start < len(title):
        spans.append((start, len(title)))
    return spans


def names_site(segment: str, site_keys: frozenset[str]) -> bool:
    """Whether ``segment`` names the site: one of its names or host words (or nothing at all)."""
    key = credit_key(segment)
    if not key:
        return True  # a separator run or punctuation only
    if key in site_keys:
        return True
    if len(segment.split()) > 5:
        return False
    return any(len(site) >= 4 and (site in key or (key in site and len(key) >= 4)) for site in site_keys)


def _is_date(segment: str) -> bool:
    """Whether a title segment is only a date ("23.01.2024", "Tuesday, 5 March 2024")."""
    found = search_date(segment)
    if found is None:
        return False
    rest = segment[: found.start] + segment[found.end :]
    return len(credit_key(rest)) <= MAX_DATE_REST


def drop_dates(title: str) -> str:
    """``title`` without segments at either end that are only a date ("23.01.2024 - Headline")."""
    spans = _segments(title)
    if not 1 < len(spans) <= MAX_SEGMENTS:
        return title
    first, last = 0, len(spans) - 1
    while first < last and _is_date(title[spans[first][0] : spans[first][1]]):
        first += 1
    while last > first and _is_date(title[spans[last][0] : spans[last][1]]):
        last -= 1
    return title[spans[first][0] : spans[last][1]]


def strip_site(title: str, *, site_keys: frozenset[str], headings: list[str], suffixed: bool) -> str:
    """``title`` without the site names around it (see the module docstring for the rules).

    ``site_keys`` are :func:`credit_key` values of the site's names; ``headings`` the page's
    ``<h1>`` texts; ``suffixed`` says the title comes from a source that usually carries one.
    """
    title = drop_dates(title)
    spans = _segments(title)
    key = credit_key(title)
    heading_keys = {credit_key(h): h for h in headings if credit_key(h)}
    if key in heading_keys or not 1 < len(spans) <= MAX_SEGMENTS:
        return title
    for first in range(len(spans)):  # a run of segments that is a page heading
        for last in range(len(spans) - 1, first - 1, -1):
            if (first, last) == (0, len(spans) - 1):
                continue
            run = title[spans[first][0] : spans[last][1]]
            if credit_key(run) in heading_keys and len(run.split()) >= 2:
                return run
    kept = list(spans)
    for index in range(1, len(kept) - 1):  # "Headline | site | tagline": the site ends the headline
        segment = title[kept[index][0] : kept[index][1]]
        if credit_key(segment) in site_keys or (len(segment.split()) == 1 and names_site(segment, site_keys)):
            kept = kept[:index]
            break
    while len(kept) > 1 and names_site(title[kept[-1][0] : kept[-1][1]], site_keys):
        kept.pop()
    while len(kept) > 1 and names_site(title[kept[0][0] : kept[0][1]], site_keys):
        kept.pop(0)
    if suffixed and len(kept) > 1:  # no evidence left: the headline is the longest segment
        start, end = max(kept, key=lambda span: len(title[span[0] : span[1]].split()))
        return title[start:end]
    return title[kept[0][0] : kept[-1][1]]
