"""Choosing the publication date among the dates a page states.

A page often states several dates, and they do not always agree: the CMS's machine-readable
stamps, the date printed beside the headline, the date in the URL, dates of teasers and
comments. :func:`choose_published` decides with these rules, in order:

1. **Machine dates first.** The article's publication dates written for machines (JSON-LD
   ``datePublished``, publication meta tags, microdata, ``<time pubdate>``) win when they agree
   with each other and with the generic machine dates (unmarked ``<time>``, a bare ``date``
   meta tag, JSON-LD ``dateCreated``).
2. **When they disagree, the reader's date decides.** If those dates name different days, the
   first one on the day printed beside the headline (else, with none there, on the first day
   written in the text after the headline) wins: of the publisher's conflicting statements,
   the one it shows readers is the one it stands by. If none is on that day, the first machine
   date stands.
3. **Generic dates yield to the reader's date.** Without an article publication date, the first
   generic or page-text date is used unless the headline shows another day; then the first
   source stating the shown day wins. A generic date later than the page's stated modification
   date is no publication date (a page is not published after its last change).
4. **UTC yields to the local statement of the same moment** (:func:`localize`). A UTC instant
   whose calendar day differs from a date the page states locally (beside the headline, in the
   URL, or any printed date with a time of day) gives way to that statement when the two can be
   the same moment in a real zone (UTC-12 to UTC+14). With a time of day on both sides, the
   page's offset follows exactly (a whole number of quarter hours) and the instant is kept,
   written in that offset; with a bare date, the local date is taken as written. No zone is
   ever guessed.

Dates printed after a modification label ("Aktualisiert am", "Updated") are never the reader's
publication date, and dates in a block listing three or more dates (other articles) are not
printed beside the headline.

Two dates are on the same day when their calendar dates match or when both are aware and name
the same moment to the minute (``23:30Z`` and ``00:30+01:00``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta, timezone

import attrs

__all__ = ["Dated", "choose_published", "localize", "same_day"]

MAX_EAST = timedelta(hours=14)
"""The furthest a real zone is ahead of UTC (UTC+14, Line Islands)."""
MAX_WEST = timedelta(hours=12)
"""The furthest a real zone is behind UTC (UTC-12)."""
_QUARTER = timedelta(minutes=15)
"""Real zone offsets are whole quarter hours."""


@attrs.frozen
class Dated:
    """A date one source states, with the source's provenance name."""

    moment: datetime
    source: str
    timed: bool = True
    """Whether the source gave a time of day (a URL path or a bare printed date does not)."""


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def same_day(a: datetime, b: datetime) -> bool:
    """Whether two dates are on the same day, or are one moment written in two zones."""
    if a.date() == b.date():
        return True
    if a.tzinfo is not None and b.tzinfo is not None:
        return abs(a - b) < timedelta(minutes=1)
    return False


def _on_day(candidates: Iterable[Dated], day: datetime) -> Dated | None:
    return next((c for c in candidates if c.moment.date() == day.date()), None)


def choose_published(
    machine: Sequence[Dated],
    generic: Sequence[Dated],
    page: Callable[[], Iterable[Dated]],
    *,
    shown: Callable[[], Dated | None],
    referee: Callable[[], Dated | None],
    modified: datetime | None,
) -> Dated | None:
    """The publication date by the rules in the module docstring.

    ``machine``: the article's publication dates written for machines, most trusted first.
    ``generic``: generic machine dates. ``page`` gives the page-text dates (URL path, hinted
    elements, labels, text by the headline) in order; ``shown`` the publication date printed
    beside the headline (not an update date); ``referee`` the date that settles disagreeing
    machine dates (rule 2). The three are called only when needed. ``modified``: the page's
    stated modification date, if any.
    """
    if machine:
        first = machine[0]
        if all(same_day(first.moment, c.moment) for c in (*machine[1:], *generic)):
            return first
        printed = referee()
        agreeing = None if printed is None else _on_day((*machine, *generic), printed.moment)
        return agreeing or first
    usable = [c for c in generic if not _after(c.moment, modified)]
    candidates = [*usable, *page()]
    if not candidates:
        return None
    printed = shown()
    if printed is None or same_day(candidates[0].moment, printed.moment):
        return candidates[0]
    return _on_day(candidates, printed.moment) or printed


def _after(moment: datetime, modified: datetime | None) -> bool:
    """Whether ``moment`` falls on a later day than the stated modification."""
    return modified is not None and moment.date() > modified.date() and not same_day(moment, modified)


def localize(chosen: Dated, local: Iterable[Dated]) -> Dated:
    """``chosen`` as the page states it locally, when it is UTC and the page says its local day.

    See rule 4 in the module docstring; ``local`` are the page's local statements, naive ones
    count (a statement with an offset is no local wall time).
    """
    moment = chosen.moment
    if moment.utcoffset() != timedelta(0):
        return chosen
    utc = moment.replace(tzinfo=None)
    for statement in local:
        wall = statement.moment
        if wall.tzinfo is not None or wall.date() == utc.date():
            continue
        if statement.timed and chosen.timed:
            offset = _minute(wall) - _minute(utc)
            if offset % _QUARTER or not -MAX_WEST <= offset <= MAX_EAST:
                continue
            return Dated(moment.astimezone(timezone(offset)), statement.source)
        days = (wall.date() - utc.date()).days
        midnight = datetime.combine(wall.date(), datetime.min.time())
        if days == 1 and midnight - utc <= MAX_EAST:
            return statement
        if days == -1 and utc - midnight - timedelta(days=1) < MAX_WEST:
            return statement
    return chosen
