"""Offsets into an article's text and the pieces of text they select."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from newsmodel.exceptions import ModelError
from newsmodel.model import _checks

_is_int = _checks.instance_of(int)


def _offset(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int:  # the common case needs no further type check
        _is_int(instance, attribute, value)
    if value < 0:  # type: ignore[operator]  # an int, checked above
        _checks.fail(instance, attribute, f"{value} is negative")


@attrs.frozen(kw_only=True, order=True)
class Span:
    """A range of code-point offsets into :attr:`Article.text`, end-exclusive.

    The W3C Web Annotation ``TextPositionSelector`` convention: ``text[span.start:span.end]``
    is the selected text, and ``Span(start=3, end=3)`` selects nothing. Spans order by start,
    then end.
    """

    start: int = attrs.field(validator=_offset)
    """Offset of the first selected code point."""
    end: int = attrs.field(validator=_offset)
    """Offset just past the last selected code point."""

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ModelError(f"Span: end {self.end} is before start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The part of ``text`` this span selects."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies entirely inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one code point."""
        return self.start < other.end and other.start < self.end


_span = _checks.instance_of(Span)
_text = _checks.text_value(empty=False)


def _matches_span(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    _text(instance, attribute, value)
    if len(value) != len(instance.span):  # type: ignore[arg-type]  # a str, checked above
        _checks.fail(
            instance,
            attribute,
            f"{len(value)} characters for a span of {len(instance.span)}",  # type: ignore[arg-type]
        )


@attrs.frozen(kw_only=True)
class Excerpt:
    """A non-empty piece of :attr:`Article.text`: its span and the exact text it selects.

    Used for cue words (``"said"``), roles (``"Foreign Minister"``) and datelines.
    """

    span: Span = attrs.field(validator=_span)
    """Where the excerpt is."""
    text: str = attrs.field(validator=_matches_span)
    """Exactly ``article.text[span.start:span.end]``."""

    @property
    def start(self) -> int:
        """Shortcut for ``span.start``."""
        return self.span.start

    @property
    def end(self) -> int:
        """Shortcut for ``span.end``."""
        return self.span.end


class MentionForm(enum.Enum):
    """How a mention refers to its entity."""

    NAME = "name"
    """A proper name or part of one: ``"Jane Roe"``, ``"Roe"``, ``"UNICEF"``."""
    NOMINAL = "nominal"
    """A description: ``"the minister"``, ``"the agency"``."""
    PRONOUN = "pronoun"
    """A pronoun: ``"she"``, ``"they"``."""


@attrs.frozen(kw_only=True)
class Mention:
    """One place where the text refers to an entity."""

    span: Span = attrs.field(validator=_span)
    """Where the mention is."""
    text: str = attrs.field(validator=_matches_span)
    """Exactly ``article.text[span.start:span.end]``."""
    form: MentionForm = attrs.field(default=MentionForm.NAME, validator=_checks.instance_of(MentionForm))
    """Name, description or pronoun."""

    @property
    def start(self) -> int:
        """Shortcut for ``span.start``."""
        return self.span.start

    @property
    def end(self) -> int:
        """Shortcut for ``span.end``."""
        return self.span.end
