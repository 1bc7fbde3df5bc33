"""Lines and paragraph candidates of plain text.

Text is cut into lines at every Unicode line break (LF, CR LF, CR, U+2028, ...);
blank lines, form feeds and U+2029 (paragraph separator) separate *blocks*. Inside a block each
line is its own paragraph candidate, unless the text is hard-wrapped (e-mail or archive text cut
at a fixed width): then the lines of a wrapped paragraph are joined with one space.

Wrapping is detected from the text itself. A line break between lines ``a`` and ``b`` of a block
is explained by wrapping at width ``W`` when ``len(a) <= W < len(a) + 1 + len(first word of b)``
(the next word did not fit). The width explaining the most breaks is taken as the text's wrap
width; if it explains at least three breaks and half of all breaks inside blocks, the text is
hard-wrapped and exactly the breaks it explains are joined. (Each width's score is the breaks it
explains less the lines longer than it that are followed by another line, since a wrapped
line is never longer than the width.) One-line-per-paragraph text (lines
longer than any wrap width, or short lines whose next word would have fit) is left alone.
"""

from __future__ import annotations

import itertools
import re

import attrs

_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_BLOCK_BREAKS = frozenset("\x0c\x1c\x1d\x1e\u2029")
"""Line breaks that also end a block (page and paragraph separators)."""
STRIP = (
    " \t\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    "\u200b\u200c\u200d\u2060\ufeff\x0b\x0c\x1c\x1d\x1e\x1f\x85"
)
"""Characters trimmed from the ends of lines: white space, zero-width characters and the BOM."""
_MIN_WIDTH = 40
_MAX_WIDTH = 120
"""Hard-wrap widths considered (columns, in code points)."""
_MIN_WRAPS = 3
"""Fewer line breaks explained by one width are taken for coincidence (a title over a subtitle)."""
_BULLET = re.compile(r"(?:[-*•·▪–—]|\d{1,3}[.)])\s")


@attrs.frozen
class Unit:
    """A paragraph candidate: one line, or the joined lines of a hard-wrapped paragraph."""

    text: str
    """The trimmed line, or the trimmed lines joined with single spaces; never empty."""
    block: int
    """Index of the block (run of lines between blank lines) it comes from."""
    lines: int = 1
    """How many input lines it joins."""


def split_lines(text: str) -> list[list[str]]:
    """The blocks of ``text``: runs of trimmed, non-blank lines between blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    start = 0
    for match in _BREAK.finditer(text):
        _add_line(text[start : match.start()], current, blocks)
        if match.group() in _BLOCK_BREAKS and current:
            blocks.append(current)
            current = []
        start = match.end()
    _add_line(text[start:], current, blocks)
    if current:
        blocks.append(current)
    return blocks


def _add_line(raw: str, current: list[str], blocks: list[list[str]]) -> None:
    line = raw.strip(STRIP)
    if line and not line.isspace():
        current.append(line)
    elif current:
        blocks.append(current.copy())
        current.clear()


def wrap_width(blocks: list[list[str]]) -> int | None:
    """The width the text is hard-wrapped at, or ``None`` when it is not hard-wrapped.

    Each width is scored by the breaks it explains as wraps, minus the lines followed by
    another line that are longer than it (a wrapped line never is).
    """
    covered = [0] * (_MAX_WIDTH + 2)
    lengths = [0] * (_MAX_WIDTH + 2)
    breaks = 0
    for lines in blocks:
        for before, after in itertools.pairwise(lines):
            breaks += 1
            low = len(before)
            lengths[min(low, _MAX_WIDTH + 1)] += 1
            if low > _MAX_WIDTH or _BULLET.match(after):
                continue
            high = min(_MAX_WIDTH, low + len(_first_word(after)))
            low = max(low, _MIN_WIDTH)
            if low <= high:
                covered[low] += 1
                covered[high + 1] -= 1
    best_width, best_score, best_covered = 0, 0, 0
    running = not_longer = 0
    for width in range(_MAX_WIDTH + 1):
        running += covered[width]
        not_longer += lengths[width]
        score = running - (breaks - not_longer)
        if score > best_score:
            best_width, best_score, best_covered = width, score, running
    if best_covered >= _MIN_WRAPS and 2 * best_covered >= breaks:
        return best_width
    return None


def _first_word(line: str) -> str:
    space = line.find(" ")
    return line if space < 0 else line[:space]


def units(blocks: list[list[str]]) -> list[Unit]:
    """Paragraph candidates of the blocks, hard-wrapped lines joined."""
    width = wrap_width(blocks)
    found: list[Unit] = []
    for number, lines in enumerate(blocks):
        parts = [lines[0]]
        for before, after in itertools.pairwise(lines):
            if width is not None and _wrapped(before, after, width):
                parts.append(after)
            else:
                found.append(Unit(" ".join(parts), number, len(parts)))
                parts = [after]
        found.append(Unit(" ".join(parts), number, len(parts)))
    return found


def _wrapped(before: str, after: str, width: int) -> bool:
    """Whether the break between ``before`` and ``after`` is a wrap at ``width``."""
    if _BULLET.match(after):
        return False
    return len(before) <= width < len(before) + 1 + len(_first_word(after))
