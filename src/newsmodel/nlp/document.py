"""The mutable working document the annotation stages share.

Stages of :mod:`newsmodel.pipeline` read and extend a :class:`Doc`; only
:func:`newsmodel.pipeline.finalize` turns it into the frozen :class:`~newsmodel.Article`,
assigning ids and enforcing order, so stages may add mentions and quotes in any order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from newsmodel.nlp._clauses import Analysis

from newsmodel.model import Defect, EntityKind, Excerpt, Mention, MentionForm, QuoteKind, Span


@attrs.define(eq=False)
class EntityDraft:
    """An entity being assembled: compared by identity, so it can key dicts."""

    kind: EntityKind
    mentions: list[Mention] = attrs.Factory(list)
    name: str | None = None
    """Canonical name; by default the longest name mention."""
    aliases: list[str] = attrs.Factory(list)
    """Extra aliases beyond the name mentions (e.g. an acronym's expansion)."""
    roles: list[Excerpt] = attrs.Factory(list)

    def add(self, mention: Mention) -> None:
        """Add a mention; one at a span already held is dropped when the entity is frozen."""
        self.mentions.append(mention)


@attrs.define(eq=False)
class QuoteDraft:
    """A quotation being assembled, with whatever attribution evidence was found."""

    span: Span
    kind: QuoteKind = QuoteKind.DIRECT
    confidence: float = 1.0
    speaker: EntityDraft | None = None
    mention: Mention | None = None
    cue: Excerpt | None = None
    rule: str | None = None
    """Name of the attribution rule; ``None`` while unattributed."""
    attribution_confidence: float = 0.0


@attrs.define(eq=False)
class Doc:
    """Body text with its paragraphs, and everything the stages found in it."""

    text: str
    paragraphs: list[Span]
    language: str | None = None
    sentences: list[Span] = attrs.Factory(list)
    entities: list[EntityDraft] = attrs.Factory(list)
    quotes: list[QuoteDraft] = attrs.Factory(list)
    defects: list[Defect] = attrs.Factory(list)
    dateline_place: Span | None = None
    """The place opening the story's dateline ("OSLO" in "OSLO (Reuters) —"), when the layout
    found one: the entities stage makes it a location whatever the recognizer says."""
    clauses: Analysis | None = None
    """The quotation-and-clause reading of the text, made once by the quotes stage and read
    again by attribution (the text, sentences and entities it depends on do not change)."""

    def excerpt(self, start: int, end: int) -> Excerpt:
        """An :class:`Excerpt` of the text from ``start`` to ``end``."""
        return Excerpt(span=Span(start=start, end=end), text=self.text[start:end])

    def mention(self, start: int, end: int, form: MentionForm = MentionForm.NAME) -> Mention:
        """A :class:`Mention` of the text from ``start`` to ``end``."""
        return Mention(span=Span(start=start, end=end), text=self.text[start:end], form=form)
