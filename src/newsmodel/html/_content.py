"""Main-content selection: which segments of a page are the article.

1. Every segment gets a weight: prose (long, few links) counts for its size, link lists and
   anything inside a boilerplate element (by tag, ARIA role or class/id hint) count against.
   An element marked as boilerplate that holds half the page's prose is not boilerplate
   (a page-wide wrapper whose class happens to contain "sidebar").
2. The container is the element whose subtree has the largest total weight: the article
   body, without the navigation, lists of links and sidebars around it. Totals are summed
   bottom-up in one pass, so this is linear in the size of the page.
3. Inside the container, segments are dropped by rule: boilerplate elements, link-dense
   blocks, the title heading, bylines, stand-alone dates and boilerplate phrases. Each
   removal names its rule, for :attr:`ParsePolicy.explain`.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from newsmodel.html._hints import Hints
from newsmodel.html._segment import Frames, Segment
from newsmodel.pipeline import BlockKind

__all__ = ["Selection", "select_content"]

PROSE_SIZE = 60
"""A segment at least this big (see :func:`text_size`) with few links reads as prose."""
LINK_DENSITY = 0.5
"""A segment with more of its text in links than this is navigation."""
EXEMPT_SHARE = 0.5
DECAY = 1.0
"""How much of a child element's weight its parent block counts (1: plain subtree sums)."""
SHORT = 0.0
"""Weight, per unit of size, against short segments with few links."""
MARK_CAP = 200.0
"""Most a boilerplate-marked element counts against its ancestors."""
SIBLING_SHARE = 0.2
"""A sibling of the container whose weight is this share of the container's joins it."""
"""A boilerplate-marked element holding this share of the page's prose is kept."""


@attrs.frozen
class Selection:
    """The segments chosen as the article body, and those dropped with the rule that did it."""

    kept: list[Segment]
    removed: list[tuple[Segment, str]]
    container: int | None


# Elements that say they are the content; WordPress, for one, lists an article's categories
# and tags in its class ("category-newsletter-recipes").
_NEVER_MARKED = frozenset({"article", "main", "body", "html"})


def _marks(frames: Frames, hints: Hints) -> list[str | None]:
    """Why each frame is boilerplate by its own markup (``None`` when it is not)."""
    marks: list[str | None] = [None] * len(frames.tags)
    for number, element in enumerate(frames.elements):
        if not frames.blocks[number] or number == 0:
            continue
        tag = frames.tags[number]
        if tag in _NEVER_MARKED:
            continue
        if tag in hints.boilerplate_tags:
            marks[number] = f"tag:{tag}"
            continue
        role = element.get("role")
        if role and role.strip().lower() in hints.boilerplate_roles:
            marks[number] = f"role:{role.strip().lower()}"
            continue
        attribute = " ".join(filter(None, (element.get("class"), element.get("id"))))
        if attribute:
            word = hints.boilerplate_class.match(attribute)
            if word is not None:
                marks[number] = f"class:{word}"
    return marks


def _raw_weight(segment: Segment, prose_size: int) -> float:
    if segment.kind is BlockKind.HEADING:
        return 0.0
    density = segment.link_density
    if density > LINK_DENSITY:
        return -float(segment.size)
    if segment.size >= prose_size:
        return segment.size * (1.0 - density)
    return -SHORT * min(segment.size, 20)


def _subtree_sums(frames: Frames, own: list[float]) -> list[float]:
    sums = list(own)
    parents = frames.parents
    for number in range(len(sums) - 1, 0, -1):  # children come after their parents
        sums[parents[number]] += sums[number]
    return sums


def _decayed_sums(frames: Frames, own: list[float], decay: float) -> list[float]:
    sums = list(own)
    parents, blocks = frames.parents, frames.blocks
    for number in range(len(sums) - 1, 0, -1):
        sums[parents[number]] += sums[number] * (decay if blocks[number] else 1.0)
    return sums


def select_content(segments: Sequence[Segment], frames: Frames, hints: Hints) -> Selection:
    """Choose the article's segments (see the module docstring)."""
    if not segments:
        return Selection([], [], None)
    count = len(frames.tags)
    raw = [_raw_weight(s, PROSE_SIZE) for s in segments]
    if not any(weight > 0 for weight in raw):  # no prose at all: any text with few links will do
        raw = [_raw_weight(s, 1) for s in segments]
    prose = [0.0] * count
    for segment, weight in zip(segments, raw, strict=True):
        if weight > 0:
            prose[segment.frame] += weight
    prose = _subtree_sums(frames, prose)
    marks = _marks(frames, hints)
    for number, mark in enumerate(marks):
        if mark is not None and prose[number] >= EXEMPT_SHARE * prose[0] > 0:
            marks[number] = None
    nearest = [-1] * count  # nearest marked frame at or above each frame
    for number in range(count):
        if marks[number] is not None:
            nearest[number] = number
        elif number:
            nearest[number] = nearest[frames.parents[number]]
    own = [0.0] * count
    for segment, weight in zip(segments, raw, strict=True):
        marked = nearest[segment.frame]
        if marked >= 0:  # a boilerplate region counts against as a whole, up to a cap
            own[marked] -= segment.size
        else:
            own[segment.frame] += weight
    for number, mark in enumerate(marks):
        if mark is not None and own[number] < -MARK_CAP:
            own[number] = -MARK_CAP
    totals = _decayed_sums(frames, own, DECAY)
    container = 0
    for number in range(count):
        if frames.blocks[number] and totals[number] >= totals[container]:
            container = number
    chosen = [container]
    parent = frames.parents[container]
    if parent >= 0 and SIBLING_SHARE < 1:
        threshold = SIBLING_SHARE * totals[container]
        chosen = [
            n
            for n in range(parent + 1, frames.ends[parent] + 1)
            if frames.parents[n] == parent
            and (n == container or (frames.blocks[n] and totals[n] >= threshold > 0))
        ]
    kept: list[Segment] = []
    removed: list[tuple[Segment, str]] = []
    depth = frames.depths[container]
    for segment in segments:
        if not any(frames.contains(c, segment.frame) for c in chosen):
            continue
        marked = nearest[segment.frame]
        if marked >= 0 and frames.depths[marked] > depth:
            removed.append((segment, marks[marked] or "boilerplate"))
        elif segment.link_density > LINK_DENSITY:
            removed.append((segment, "link-density"))
        else:
            kept.append(segment)
    return Selection(kept, removed, container)
