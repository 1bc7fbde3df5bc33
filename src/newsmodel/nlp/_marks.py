"""Pairing quotation marks into direct quotations, one left-to-right pass.

Rules, in order of use:

- A text with any double mark (``"`` ``“`` ``”`` ``„`` ``«`` ``»`` ``''`` `````) is read with
  double marks only; single marks inside are part of the quoted words (nested quotes). A
  text without double marks is read with single marks, where an apostrophe between two
  letters (``don't``) is never a mark.
- Curly and angle marks say whether they open or close; straight marks and ``''`` decide by
  context: a mark with a letter after it and a space (or nothing) before it opens. Whatever
  is open is closed by the next mark that can close (lenient about mixing styles), except
  that ``«`` is closed only by ``»``, and ``„`` may be closed by ``“``.
- A paragraph that ends inside a quotation continues into the next paragraph only if that
  paragraph opens with a quotation mark (the multi-paragraph convention); the reopening mark
  is then part of the quotation's span. Otherwise the quotation is dropped and an
  ``unclosed-quote`` defect records where it opened: marks never pair across paragraphs.
- A closing mark with nothing open records a ``stray-quote-mark`` defect (double marks only).

Each quotation's span is its interior, trimmed of white space; one without a letter or
digit inside is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import attrs

from newsmodel.model import Defect, Span
from newsmodel.nlp.cues import MarkRole, lexicon

_OPENING_CONTEXT = frozenset("([{\u2014\u2013-/\u2026")
_CLOSING_CONTEXT = frozenset(".,;:!?)]}\u2014\u2013-/\u2026")
_ANGLE_OPEN = "\u00ab"
_ANGLE_CLOSE = "\u00bb"
_LOW_OPEN = "\u201e"
# a multi-paragraph quotation reopens with a mark of the style that opened it
_FAMILY = {
    '"': "straight",
    "'": "straight",
    "''": "doubled",
    "``": "doubled",
    "\u00ab": "angle",
    "\u00bb": "angle",
    "\u2039": "angle",
    "\u203a": "angle",
}
_HIGH_OPEN = "\u201c"


@attrs.frozen
class MarkedQuote:
    """A direct quotation: its marks, its trimmed interior and the paragraphs it spans."""

    opening: Span
    closing: Span
    content: Span
    first_paragraph: int
    last_paragraph: int


@cache
def _pattern(single: bool) -> re.Pattern[str]:
    lex = lexicon()
    table = lex.single_marks if single else lex.marks
    symbols = sorted(table, key=len, reverse=True)
    # a doubled mark next to a third (``'in line,'''``) is the last two: the first closes a nested quote
    return re.compile("|".join(re.escape(s) + ("(?!')" if s == "''" else "") for s in symbols))


def _roles(single: bool) -> dict[str, MarkRole]:
    lex = lexicon()
    return dict(lex.single_marks if single else lex.marks)


def uses_double_marks(text: str) -> bool:
    """Whether ``text`` contains any double quotation mark (then single marks nest inside)."""
    return _pattern(single=False).search(text) is not None


@attrs.define
class _Open:
    mark: str
    opening: Span
    paragraph: int


class _Scanner:
    """State of one pass over the paragraphs."""

    def __init__(self, text: str, paragraphs: Sequence[Span]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.single = not uses_double_marks(text)
        self.pattern = _pattern(self.single)
        self.roles = _roles(self.single)
        self.quotes: list[MarkedQuote] = []
        self.defects: list[Defect] = []

    def char(self, index: int, paragraph: Span) -> str:
        if paragraph.start <= index < paragraph.end:
            return self.text[index]
        return " "

    def is_apostrophe(self, before: str, after: str) -> bool:
        return self.single and before.isalnum() and after.isalnum()

    def can_open(self, before: str, after: str) -> bool:
        return not after.isspace() and (
            before.isspace() or before in _OPENING_CONTEXT or before in self.roles
        )

    def can_close(self, before: str, after: str) -> bool:
        return not before.isspace() and (after.isspace() or after in _CLOSING_CONTEXT or after in self.roles)

    def scan(self) -> tuple[list[MarkedQuote], list[Defect]]:
        pending: _Open | None = None
        count = len(self.paragraphs)
        for index, paragraph in enumerate(self.paragraphs):
            matches = list(self.pattern.finditer(self.text, paragraph.start, paragraph.end))
            position = 0
            if pending is not None:
                if matches and self._reopening(matches[0], paragraph, pending):
                    position = 1  # the reopening mark of a multi-paragraph quotation
                else:
                    self._unclosed(pending)
                    pending = None
            current = pending
            for match in matches[position:]:
                current = self._step(match, paragraph, index, current)
            pending = None
            if current is not None:
                following = self.paragraphs[index + 1] if index + 1 < count else None
                first = (
                    None
                    if following is None
                    else self.pattern.match(self.text, following.start, following.end)
                )
                if following is not None and first is not None and self._reopening(first, following, current):
                    pending = current
                else:
                    self._unclosed(current)
        return self.quotes, self.defects

    def _reopening(self, match: re.Match[str], paragraph: Span, current: _Open) -> bool:
        """Whether ``match`` opens ``paragraph`` as the reopening mark of ``current``."""
        mark = match.group()
        return (
            match.start() == paragraph.start
            and self.roles[mark] is not MarkRole.CLOSE
            and not self.char(match.end(), paragraph).isspace()
            and _FAMILY.get(mark) == _FAMILY.get(current.mark)
        )

    def _step(self, match: re.Match[str], paragraph: Span, index: int, current: _Open | None) -> _Open | None:
        mark = match.group()
        role = self.roles[mark]
        before = self.char(match.start() - 1, paragraph)
        after = self.char(match.end(), paragraph)
        if self.is_apostrophe(before, after):
            return current
        here = Span(start=match.start(), end=match.end())
        if current is None:
            opens = (role is MarkRole.OPEN and not (after.isspace() and not before.isspace())) or (
                role is not MarkRole.OPEN and self.can_open(before, after)
            )
            if role is MarkRole.EITHER and after.isalpha() and before in ":.!?,;":
                opens = True  # also after punctuation with no space (``said:"We``)
            if opens:
                return _Open(mark, here, index)
            if not self.single:
                self.defects.append(
                    Defect(
                        code="stray-quote-mark",
                        message=f"closing quotation mark {mark!r} with no quotation open",
                        span=here,
                    )
                )
            return None
        if current.mark == _ANGLE_OPEN and mark != _ANGLE_CLOSE:
            return current  # « ... » only; other marks inside are quoted words
        closes = role is not MarkRole.OPEN or (current.mark == _LOW_OPEN and mark == _HIGH_OPEN)
        if (
            role is MarkRole.OPEN
            and not closes
            and self.can_close(before, after)
            and not self.can_open(before, after)
        ):
            closes = True  # an opening mark used as a closer (``word“ ``)
        if closes:
            self._emit(current, here, index)
            return None
        self._unclosed(current)  # a new quotation opens before the last one closed
        return _Open(mark, here, index)

    def _emit(self, current: _Open, closing: Span, index: int) -> None:
        start, end = current.opening.end, closing.start
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if not any(c.isalnum() for c in text[start:end]):
            return
        self.quotes.append(
            MarkedQuote(
                opening=current.opening,
                closing=closing,
                content=Span(start=start, end=end),
                first_paragraph=current.paragraph,
                last_paragraph=index,
            )
        )

    def _unclosed(self, current: _Open) -> None:
        self.defects.append(
            Defect(
                code="unclosed-quote",
                message=f"quotation mark {current.mark!r} opens a quotation that is never closed",
                span=current.opening,
            )
        )


def scan_marks(text: str, paragraphs: Sequence[Span]) -> tuple[list[MarkedQuote], list[Defect]]:
    """The direct quotations in ``text`` (in order) and the defects met pairing their marks."""
    return _Scanner(text, paragraphs).scan()
