"""The pluggable entity-recognizer interface.

A recognizer finds name mentions and their kinds; newsmodel then groups them into entities
(coreference, aliases, roles) the same way whatever recognizer found them. Pass one as
``parse_text(text, recognizer=...)`` or on a :class:`~newsmodel.ParsePolicy`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

import attrs

from newsmodel.model import EntityKind, Span

__all__ = ["Candidate", "EntityRecognizer"]


@attrs.frozen(kw_only=True)
class Candidate:
    """A name mention a recognizer found: where it is and what kind of entity it names."""

    span: Span
    """Where the name is in the text."""
    kind: EntityKind
    """What it names."""


@runtime_checkable
class EntityRecognizer(Protocol):
    """Finds named-entity mentions in text."""

    def recognize(self, text: str, sentences: Sequence[Span]) -> Iterable[Candidate]:
        """Yield the name mentions in ``text``; ``sentences`` are its sentence spans."""
        ...
