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

import re
from collections.abc import Sequence

import attrs

from newsmodel.html._hints import Hints
from newsmodel.html._rules import SHORT_TEXT, TextRules, text_rules
from newsmodel.html._segment import Frames, Segment
from newsmodel.pipeline import BlockKind

__all__ = ["Selection", "select_content"]

_WORDS = re.compile(r"\w+")
Verdicts = list[tuple[Segment, "str | None"]]
"""Segments in order, each with the rule that removed it or ``None``."""

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
CARD_LEVELS = 6
"""How far up from a teaser and its headline their card may be."""
CARD_SEGMENTS = 5
"""Most segments a card may hold (headline, author, date, text, more)."""
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


_ELLIPSES = ("...", "…", "[…]", "[...]", "(…)", "(...)")


def _is_headline_link(segment: Segment) -> bool:
    return segment.link_density >= 0.8 and 10 <= segment.size <= 250


def _common_ancestor(frames: Frames, first: int, second: int, levels: int) -> int:
    """The nearest element holding both frames, if within ``levels`` of each; else -1."""
    above = set()
    for _ in range(levels + 1):
        above.add(first)
        first = frames.parents[first]
        if first < 0:
            break
    for _ in range(levels + 1):
        if second in above:
            return second
        second = frames.parents[second]
        if second < 0:
            break
    return -1


def _teasers(segments: Sequence[Segment], frames: Frames, raw: list[float]) -> set[int]:
    """Indexes of prose segments that introduce other pages: teasers of a list of articles.

    A teaser opens with its headline link, or follows a headline link (an author and a date
    may stand between) inside a small element of its own: a card. An article's paragraphs
    share one big element, so a linked subheading there does not make a teaser.
    """
    counts = [0.0] * len(frames.tags)
    for segment in segments:
        counts[segment.frame] += 1
    counts = _subtree_sums(frames, counts)
    found: set[int] = set()
    for index, segment in enumerate(segments):
        if raw[index] <= 0 or segment.kind is BlockKind.HEADING:
            continue
        if segment.lead_link >= 20 and segment.link_density >= 0.15 and segment.text.endswith(_ELLIPSES):
            found.add(index)  # "<a>Headline</a> The first words of the story..."
            continue
        for before in range(index - 1, max(index - 4, -1), -1):
            if raw[before] > 0:
                break
            if _is_headline_link(segments[before]):
                card = _common_ancestor(frames, segment.frame, segments[before].frame, CARD_LEVELS)
                if card >= 0 and counts[card] <= CARD_SEGMENTS:
                    found.add(index)
                break
    return found


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


def _container(
    segments: Sequence[Segment],
    frames: Frames,
    raw: list[float],
    marks: list[str | None],
    nearest: list[int],
) -> tuple[int, list[float]]:
    """The block element of greatest subtree weight, and every element's subtree weight."""
    count = len(frames.tags)
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
    return container, totals


def select_content(
    segments: Sequence[Segment], frames: Frames, hints: Hints, titles: Sequence[str] = ()
) -> Selection:
    """Choose the article's segments (see the module docstring)."""
    if not segments:
        return Selection([], [], None)
    count = len(frames.tags)
    raw = [_raw_weight(s, PROSE_SIZE) for s in segments]
    if not any(weight > 0 for weight in raw):  # no prose at all: any text with few links will do
        raw = [_raw_weight(s, 1) for s in segments]
    teasers = _teasers(segments, frames, raw)
    for index in teasers:
        raw[index] = -float(segments[index].size)
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
    container, totals = _container(segments, frames, raw, marks, nearest)
    if totals[container] <= 0:  # every bit of prose is marked: the marks are wrong
        nearest = [-1] * count
        container, totals = _container(segments, frames, raw, marks, nearest)
    region = _region(frames, container, totals)
    candidates: list[tuple[Segment, str | None]] = []
    depth = frames.depths[container]
    spans = iter(region)
    low, high = next(spans)
    for index, segment in enumerate(segments):
        while segment.frame > high:
            low, high = next(spans, (count, count))
        if segment.frame < low:
            continue
        marked = nearest[segment.frame]
        if marked >= 0 and frames.depths[marked] > depth:
            candidates.append((segment, marks[marked] or "boilerplate"))
        elif segment.link_density > LINK_DENSITY:
            candidates.append((segment, "link-density"))
        elif index in teasers:
            candidates.append((segment, "teaser"))
        else:
            candidates.append((segment, None))
    verdicts = _judge(candidates, titles)
    kept = [s for s, rule in verdicts if rule is None]
    removed = [(s, rule) for s, rule in verdicts if rule is not None]
    return Selection(kept, removed, container)


def _region(frames: Frames, container: int, totals: list[float]) -> list[tuple[int, int]]:
    """The frame ranges of the content: the container and its siblings of enough weight."""
    parent = frames.parents[container]
    if parent < 0:
        return [(container, frames.ends[container])]
    threshold = SIBLING_SHARE * totals[container]
    region = []
    child = parent + 1
    while child <= frames.ends[parent]:  # the children of parent, in order
        if child == container or (frames.blocks[child] and totals[child] >= threshold > 0):
            region.append((child, frames.ends[child]))
        child = frames.ends[child] + 1
    return region


def _title_keys(titles: Sequence[str]) -> set[str]:
    keys = set()
    for title in titles:
        keys.add(_key(title))
        for separator in (" | ", " - ", " – ", " — ", " :: ", " · ", " » "):
            for part in title.split(separator):
                if len(part) >= 15:
                    keys.add(_key(part))
    keys.discard("")
    return keys


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))


def _judge(
    candidates: list[tuple[Segment, str | None]], titles: Sequence[str]
) -> list[tuple[Segment, str | None]]:
    """Apply the text rules to the candidates still kept; return each with its verdict."""
    rules = text_rules()
    keys = _title_keys(titles)
    verdicts: list[tuple[Segment, str | None]] = []
    seen_prose = False
    for segment, markup_rule in candidates:
        rule = markup_rule if markup_rule is not None else _text_rule(segment, rules, keys, seen_prose)
        if rule is None and segment.kind is not BlockKind.HEADING and segment.size >= PROSE_SIZE:
            seen_prose = True
        verdicts.append((segment, rule))
    for index, (segment, rule) in enumerate(verdicts):  # a label whose list was dropped
        if rule is None and len(segment.text) <= 40 and segment.text.endswith(":"):
            following = verdicts[index + 1][1] if index + 1 < len(verdicts) else "end"
            if following is not None:
                verdicts[index] = (segment, "label")
    _drop_orphan_headings(verdicts)
    return verdicts


def _text_rule(segment: Segment, rules: TextRules, titles: set[str], seen_prose: bool) -> str | None:
    text = segment.text
    if len(text) > SHORT_TEXT:
        return None
    if segment.kind is BlockKind.HEADING and not seen_prose:
        key = _key(text)
        if key in titles or (segment.level == 1 and not titles):
            return "title"
    phrase = rules.is_boilerplate(text)
    if phrase is not None:
        return f"phrase:{phrase}"
    if rules.is_date(text):
        return "date"
    if segment.kind is BlockKind.HEADING:
        return None
    if rules.is_byline(text):
        return "byline"
    if rules.is_credit(text):
        return "credit"
    return None


def _drop_orphan_headings(verdicts: Verdicts) -> None:
    """Drop headings with no kept text before the next heading of the same or a higher level."""
    content_below = [False] * 7  # content_below[n]: kept text since the last heading of level <= n
    for index in range(len(verdicts) - 1, -1, -1):
        segment, rule = verdicts[index]
        if rule is not None:
            continue
        if segment.kind is BlockKind.HEADING:
            level = segment.level or 6
            if not content_below[level] and segment.size < PROSE_SIZE:  # long ones are leads
                verdicts[index] = (segment, "empty-section")
                continue
            for deeper in range(level, 7):
                content_below[deeper] = False
            for higher in range(1, level):
                content_below[higher] = True
        else:
            content_below = [True] * 7
