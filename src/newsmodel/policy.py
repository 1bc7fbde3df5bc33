"""Parsing options as one immutable policy object, with named presets.

In the spirit of :mod:`email.policy`: every option lives on :class:`ParsePolicy`; the presets
:data:`DEFAULT`, :data:`STRICT` and :data:`FAST` cover common needs, and
``policy.clone(**changes)`` derives variants. The parse functions also take the fields as
keyword arguments: ``parse_text(text, annotate=False)`` is
``parse_text(text, policy=DEFAULT.clone(annotate=False))``.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING, Any

import attrs

from newsmodel.exceptions import ModelError, ModelTypeError

if TYPE_CHECKING:
    from newsmodel.nlp.recognizer import EntityRecognizer

__all__ = ["DEFAULT", "FAST", "STRICT", "ParsePolicy"]


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ModelTypeError(f"ParsePolicy.{attribute.name}: expected int, got {type(value).__name__}")
    if value <= 0:
        raise ModelError(f"ParsePolicy.{attribute.name}: must be positive, got {value}")


def _flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise ModelTypeError(f"ParsePolicy.{attribute.name}: expected bool, got {type(value).__name__}")


def _optional_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value):
        raise ModelTypeError(f"ParsePolicy.{attribute.name}: expected a non-empty str or None")


def _encoding(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value:
        raise ModelTypeError(f"ParsePolicy.{attribute.name}: expected an encoding name (a non-empty str)")
    try:
        codecs.lookup(str(value))
    except LookupError:
        raise ModelError(f"ParsePolicy.{attribute.name}: unknown encoding {value!r}") from None


def _recognizer(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not callable(getattr(value, "recognize", None)):
        raise ModelTypeError(
            f"ParsePolicy.{attribute.name}: expected an EntityRecognizer (an object with a "
            f"recognize() method) or None, got {type(value).__name__}"
        )


@attrs.frozen(kw_only=True)
class ParsePolicy:
    """How :func:`~newsmodel.parse_text` and :func:`~newsmodel.parse_html` behave.

    Limits guard against hostile or broken input: going over one raises
    :class:`~newsmodel.LimitExceededError` naming the limit; nothing is silently truncated.
    """

    annotate: bool = attrs.field(default=True, validator=_flag)
    """Find sentences, entities, quotes and speakers. ``False`` extracts text and metadata only."""
    strict: bool = attrs.field(default=False, validator=_flag)
    """Raise :class:`~newsmodel.InputError` on input defects instead of recording them."""
    explain: bool = attrs.field(default=False, validator=_flag)
    """Record each block removed as boilerplate, and the rule that removed it, as a defect."""
    language: str | None = attrs.field(default=None, validator=_optional_str)
    """Language to assume (BCP 47), overriding declared and detected language."""
    default_encoding: str = attrs.field(default="cp1252", validator=_encoding)
    """Encoding for bytes that declare none and are not valid UTF-8."""
    recognizer: EntityRecognizer | None = attrs.field(default=None, validator=_recognizer)
    """Entity recognizer to use instead of the built-in rules (e.g. the spaCy backend)."""
    max_input_bytes: int = attrs.field(default=50_000_000, validator=_positive)
    """Largest input accepted, in bytes (``str`` input is measured in code points)."""
    max_tree_depth: int = attrs.field(default=2_000, validator=_positive)
    """Deepest HTML element nesting accepted."""
    max_elements: int = attrs.field(default=2_000_000, validator=_positive)
    """Most HTML elements accepted in one document."""
    max_attributes: int = attrs.field(default=1_000, validator=_positive)
    """Most attributes accepted on one HTML element (libxml2 checks each new attribute against
    all earlier ones of its element, so an element with very many costs quadratic time)."""

    def clone(self, **changes: Any) -> ParsePolicy:
        """A copy with ``changes`` applied (unknown names raise :class:`TypeError`)."""
        return attrs.evolve(self, **changes)


DEFAULT = ParsePolicy()
"""Lenient parsing with full annotation: defects are recorded on the article."""
STRICT = ParsePolicy(strict=True)
"""Input defects raise instead of being recorded."""
FAST = ParsePolicy(annotate=False)
"""Text and metadata only: no sentences, entities, quotes or attribution."""
