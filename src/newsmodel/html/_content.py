"""Main-content selection: which segments of a page are the article.

1. Weights. Prose (a long segment with few links) counts for its size; a link-dense segment
   and a teaser (a summary of another page, under its headline link) count against.
2. Marks. An element is boilerplate by its tag (``nav``, ``aside``, ...), ARIA role, a
   class/id hint, or for being hidden; its text counts against, up to :data:`MARK_CAP` per
   element. A marked element holding :data:`EXEMPT_SHARE` of the page's prose is not
   boilerplate (a page-wide wrapper whose class happens to say "sidebar") unless the mark is
   certain: hidden, or a strong hint (a cookie notice, comments). If every bit of prose is
   marked, short text counts too and only the certain marks stay; failing that, no mark does.
3. Container. The block element whose subtree weighs most: the article body without the
   navigation, link lists and sidebars around it. Sums run bottom-up over the frames in one
   pass, so this is linear in the size of the page. Siblings of the container that weigh
   enough join it, and so does a lead paragraph just above it.
4. Verdicts. Segments outside the content are removed with rule ``outside`` (and the mark or
   link density that kept them out, if any). Inside, segments are dropped by rule: marked
   elements, link density, teasers,
   the title heading, bylines, stand-alone dates, image credits, boilerplate phrases, labels
   of dropped lists and headings left without a section. Each removal names its rule, for
   :attr:`ParsePolicy.explain`.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Sequence

import attrs

from newsmodel.html._hints import Hints
from newsmodel.html._rules import STARTS_TEXT, TextRules, text_rules
from newsmodel.html._segment import Frames, Segment
from newsmodel.pipeline import BlockKind

__all__ = ["Selection", "select_content"]

PROSE_SIZE = 60
"""A segment at least this big (see :func:`text_size`) with few links reads as prose."""
LINK_DENSITY = 0.5
"""A segment with more of its text in links than this is navigation."""
EXEMPT_SHARE = 0.5
"""A boilerplate-marked element holding this share of the page's prose is kept."""
MARK_CAP = 200.0
"""Most a boilerplate-marked element counts against its ancestors."""
CARD_LEVELS = 6
"""How far up from a teaser and its headline their card may be."""
CARD_SEGMENTS = 5
"""Most segments a card may hold (headline, author, date, text, more)."""
SIBLING_SHARE = 0.2
"""A sibling of the container weighing this share of the container joins it, ..."""
SIBLING_PROSE = 60.0
"""... as does one weighing at least this (a paragraph of prose)."""
LEAF_UP = 1.0
"""A one-paragraph container gives way to its parent if that weighs this share of it."""
LEAD_LEVELS = 3
"""How far above the container a lead paragraph may sit."""
LEAD_SKIPS = 6
"""How many short blocks (dates, bylines, captions) may stand between a lead and the body."""

_WORDS = re.compile(r"\w+")
_END = sys.maxsize
_ELLIPSES = ("...", "…", "[…]", "[...]", "(…)", "(...)")
_HIDDEN = "hidden"  # hidden text is never exempt: only a page hidden whole is read
_HEADER = "tag:header"  # a header's lead paragraph is body text; its other parts are not
# Elements that say they are the content; WordPress, for one, lists an article's categories
# and tags in its class ("category-newsletter-recipes").
_NEVER_MARKED = frozenset({"article", "main", "body", "html"})

Verdicts = list[tuple[Segment, "str | None"]]
"""Segments in order, each with the rule that removed it or ``None``."""


@attrs.frozen
class Selection:
    """The segments chosen as the article body, and those dropped with the rule that did it."""

    kept: list[Segment]
    removed: list[tuple[Segment, str]]
    container: int | None
    region: list[tuple[int, int]] = attrs.Factory(list)
    """Ranges of frame numbers (first, last) the content was taken from."""

    def holds(self, frame: int) -> bool:
        """Whether a frame lies in the content region (the ranges are sorted and disjoint)."""
        index = bisect.bisect_right(self.region, (frame, _END)) - 1
        return index >= 0 and self.region[index][0] <= frame <= self.region[index][1]


def _marks(frames: Frames, hints: Hints) -> list[str | None]:
    """Why each frame is boilerplate by its own markup (``None`` when it is not)."""
    marks: list[str | None] = [None] * len(frames.tags)
    matched: dict[str, str | None] = {}
    for number, element in enumerate(frames.elements):
        if number == 0:
            continue
        tag = frames.tags[number]
        if frames.hidden[number]:
            marks[number] = _HIDDEN
            continue
        if tag in _NEVER_MARKED:
            continue
        if tag in hints.boilerplate_tags:
            marks[number] = f"tag:{tag}"
            continue
        role = element.get("role")
        if role and role.strip().lower() in hints.boilerplate_roles:
            marks[number] = f"role:{role.strip().lower()}"
            continue
        attribute = frames.attributes[number]
        if attribute:
            if attribute not in matched:  # pages repeat their class names: match each once
                word = hints.boilerplate_class.match(attribute)
                matched[attribute] = None if word is None else f"class:{word}"
            marks[number] = matched[attribute]
    return marks


def _raw_weight(segment: Segment, prose_size: int) -> float:
    if segment.kind is BlockKind.HEADING:
        return 0.0
    density = segment.link_density
    if density > LINK_DENSITY:
        return -float(segment.size)
    if segment.size >= prose_size:
        return segment.size * (1.0 - density)
    return 0.0


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


class _Page:
    """The working state of one selection: weights, marks and the container."""

    def __init__(self, segments: Sequence[Segment], frames: Frames, hints: Hints) -> None:
        self.segments = segments
        self.frames = frames
        self.raw = self._weights(PROSE_SIZE)
        if not any(weight > 0 for weight in self.raw):  # no prose at all: text with few links will do
            self.raw = self._weights(1)
        prose = [0.0] * len(frames.tags)
        for segment, weight in zip(segments, self.raw, strict=True):
            if weight > 0:
                prose[segment.frame] += weight
        prose = _subtree_sums(frames, prose)
        self.marks = _marks(frames, hints)
        strong = {f"class:{word}" for word in hints.boilerplate_class.strong} | {_HIDDEN}
        for number, mark in enumerate(self.marks):
            if mark is not None and mark not in strong and prose[number] >= EXEMPT_SHARE * prose[0] > 0:
                self.marks[number] = None
        self.nearest = self._nearest()
        self.container, self.totals = self._container()
        if self.totals[self.container] <= 0:
            # All the prose is boilerplate (a cookie notice around a page of short lines): read
            # short text too, and trust only the certain marks.
            self.raw = self._weights(1)
            self.marks = [m if m in strong else None for m in self.marks]
            self.nearest = self._nearest()
            self.container, self.totals = self._container()
        if self.totals[self.container] <= 0:  # even so: the marks are wrong
            self.nearest = [-1] * len(frames.tags)
            self.container, self.totals = self._container()

    def _weights(self, prose_size: int) -> list[float]:
        """Each segment's weight; teasers count against."""
        raw = [_raw_weight(s, prose_size) for s in self.segments]
        self.teasers = _teasers(self.segments, self.frames, raw)
        for index in self.teasers:
            raw[index] = -float(self.segments[index].size)
        return raw

    def _nearest(self) -> list[int]:
        """The nearest marked frame at or above each frame (-1 for none)."""
        nearest = [-1] * len(self.frames.tags)
        for number, mark in enumerate(self.marks):
            if mark is not None:
                nearest[number] = number
            elif number:
                nearest[number] = nearest[self.frames.parents[number]]
        return nearest

    def _container(self) -> tuple[int, list[float]]:
        """The block element of greatest subtree weight, and every element's subtree weight."""
        frames = self.frames
        own = [0.0] * len(frames.tags)
        for segment, weight in zip(self.segments, self.raw, strict=True):
            marked = self.nearest[segment.frame]
            if marked >= 0:  # a boilerplate element counts against as a whole, up to a cap
                own[marked] -= segment.size
            else:
                own[segment.frame] += weight
        for number, mark in enumerate(self.marks):
            if mark is not None and own[number] < -MARK_CAP:
                own[number] = -MARK_CAP
        totals = _subtree_sums(frames, own)
        container = 0
        for number, total in enumerate(totals):
            if total >= totals[container]:
                container = number
        parent = frames.parents[container]
        if (
            LEAF_UP
            and parent >= 0
            and frames.ends[container] == container
            and totals[parent] >= LEAF_UP * totals[container]
        ):
            container = parent  # one paragraph is not an article: its parent holds the rest
        return container, totals

    def region(self) -> list[tuple[int, int]]:
        """The frame ranges of the content: the container and its siblings of enough weight."""
        frames, container = self.frames, self.container
        parent = frames.parents[container]
        if parent < 0:
            return [(container, frames.ends[container])]
        threshold = min(SIBLING_SHARE * self.totals[container], SIBLING_PROSE)
        region = []
        child = parent + 1
        while child <= frames.ends[parent]:  # the children of parent, in order
            if child == container or self.totals[child] >= threshold > 0:
                region.append((child, frames.ends[child]))
            child = frames.ends[child] + 1
        return region

    def in_header_or_body(self, frame: int) -> bool:
        """Whether a frame is unmarked, marked only as a header, or marked above the container."""
        marked = self.nearest[frame]
        return marked < 0 or self.marks[marked] == _HEADER or self.frames.contains(marked, self.container)

    def lead(self, first: int) -> list[int]:
        """Prose just before the content and close to it in the tree: a lead or standfirst.

        Walks back from the first content segment over dates, bylines, share bars and
        captions; stops at the title, at marked prose and at anything far from the container.
        """
        frames, scope = self.frames, self.container
        for _ in range(LEAD_LEVELS):
            if frames.parents[scope] < 0:
                break
            scope = frames.parents[scope]
        found: list[int] = []
        skipped = 0
        for index in range(first - 1, -1, -1):
            segment = self.segments[index]
            inside = self.in_header_or_body(segment.frame)
            if (
                not frames.contains(scope, segment.frame)
                or segment.level == 1
                or (not inside and segment.size >= PROSE_SIZE)
            ):
                break
            heading = segment.kind is BlockKind.HEADING
            if (
                inside
                and index not in self.teasers
                and ((self.raw[index] > 0 and not heading) or (heading and segment.size >= 2 * PROSE_SIZE))
            ):
                found.append(index)
            else:
                skipped += 1
                if skipped > LEAD_SKIPS:
                    break
        found.reverse()
        return found

    def outside_rule(self, index: int) -> str:
        """Why a segment outside the content is not body text: its mark, its links, or neither."""
        segment = self.segments[index]
        marked = self.nearest[segment.frame]
        if marked >= 0:
            return f"outside:{self.marks[marked]}"
        if segment.link_density > LINK_DENSITY:
            return "outside:link-density"
        return "outside"

    def markup_rule(self, index: int) -> str | None:
        """Why the markup alone rules a segment of the region out, or ``None``."""
        segment = self.segments[index]
        marked = self.nearest[segment.frame]
        if not self.in_header_or_body(segment.frame):
            return self.marks[marked] or "boilerplate"
        if segment.link_density > LINK_DENSITY:
            return "link-density"
        if index in self.teasers:
            return "teaser"
        return None


def select_content(
    segments: Sequence[Segment], frames: Frames, hints: Hints, titles: Sequence[str] = ()
) -> Selection:
    """Choose the article's segments (see the module docstring)."""
    if not segments:
        return Selection([], [], None)
    page = _Page(segments, frames, hints)
    region = page.region()
    chosen: list[int] = []
    spans = iter(region)
    low, high = next(spans)
    for index, segment in enumerate(segments):
        while segment.frame > high:
            low, high = next(spans, (len(frames.tags), len(frames.tags)))
        if segment.frame >= low:
            chosen.append(index)
    if chosen:
        lead = page.lead(chosen[0])
        if lead:
            region.insert(0, (segments[lead[0]].frame, region[0][0] - 1))
            chosen[:0] = lead
    verdicts = _judge([(segments[i], page.markup_rule(i)) for i in chosen], titles)
    rules = dict(zip(chosen, (rule for _, rule in verdicts), strict=True))
    kept: list[Segment] = []
    removed: list[tuple[Segment, str]] = []
    for index, segment in enumerate(segments):  # reading order, the outside included
        rule = rules[index] if index in rules else page.outside_rule(index)
        if rule is None:
            kept.append(segment)
        else:
            removed.append((segment, rule))
    return Selection(kept, removed, page.container, region)


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
    if len(text) > STARTS_TEXT:
        return None
    if segment.kind is BlockKind.HEADING and not seen_prose:
        key = _key(text)
        if key in titles or segment.level == 1:
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
    if not seen_prose and rules.standalone_dateline(text) is not None:
        return "dateline"
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
