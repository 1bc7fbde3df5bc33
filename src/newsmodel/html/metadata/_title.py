"""Headlines without the site name: ``"Storm hits coast | The Example Times"`` → ``"Storm hits coast"``.

Titles from ``<title>``, ``og:title`` and the like often carry the site's name (and sometimes a
section) before or after the headline, joined by a separator (``|``, a spaced dash, ``»``,
``::``...). :func:`strip_site` removes them using evidence, in this order:

1. a page heading (``<h1>``) that equals the title, or one run of its segments, wins;
2. segments at either end that name the site (its publisher names or host words) go;
3. otherwise, for titles that commonly carry site names (``<title>``), the segment of most
   words is the headline.
"""

from __future__ import annotations

import re

from newsmodel.html.metadata._authors import credit_key

__all__ = ["strip_site"]

_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»«›‹/~*]|::)\s+|\s*\|\s*|\s+[-–—]{2}\s+")
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


def _names_site(segment: str, site_keys: frozenset[str]) -> bool:
    key = credit_key(segment)
    if not key:
        return True  # a separator run or punctuation only
    if key in site_keys:
        return True
    if len(segment.split()) > 5:
        return False
    return any(len(site) >= 4 and (site in key or (key in site and len(key) >= 4)) for site in site_keys)


def strip_site(title: str, *, site_keys: frozenset[str], headings: list[str], suffixed: bool) -> str:
    """``title`` without the site names around it (see the module docstring for the rules).

    ``site_keys`` are :func:`credit_key` values of the site's names; ``headings`` the page's
    ``<h1>`` texts; ``suffixed`` says the title comes from a source that usually carries one.
    """
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
    while len(kept) > 1 and _names_site(title[kept[-1][0] : kept[-1][1]], site_keys):
        kept.pop()
    while len(kept) > 1 and _names_site(title[kept[0][0] : kept[0][1]], site_keys):
        kept.pop(0)
    if suffixed and len(kept) > 1:  # no evidence left: the headline is the longest segment
        start, end = max(kept, key=lambda span: len(title[span[0] : span[1]].split()))
        return title[start:end]
    return title[kept[0][0] : kept[-1][1]]
