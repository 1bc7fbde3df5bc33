"""Quotations and who said them."""

from __future__ import annotations

import bisect
import enum
from typing import Any

import attrs

from newsmodel.model import _checks
from newsmodel.model._entity import Entity
from newsmodel.model._span import Excerpt, Mention, Span, _matches_span


class QuoteKind(enum.Enum):
    """How a quotation renders speech."""

    DIRECT = "direct"
    """Verbatim words inside quotation marks: ``"We will act," she said.``"""
    INDIRECT = "indirect"
    """Reported speech without quotation marks: ``She said they would act.``"""
    MIXED = "mixed"
    """Reported speech that quotes some words verbatim: ``She said they would "act fast".``"""


def _has_mention(entity: Entity, mention: Mention) -> bool:
    """Whether ``mention`` is one of the entity's mentions (kept in text order: a binary search)."""
    mentions = entity.mentions
    index = bisect.bisect_left(mentions, mention.span, key=lambda m: m.span)
    return index < len(mentions) and mentions[index] == mention


_optional_mention = _checks.optional(_checks.instance_of(Mention))


def _mention_of_speaker(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    _optional_mention(instance, attribute, value)
    speaker = instance.speaker
    if isinstance(value, Mention) and speaker is not None and not _has_mention(speaker, value):
        where = f"{value.span.start}-{value.span.end}"
        _checks.fail(
            instance, attribute, f"mention at {where} is not one of speaker {speaker.id!r}'s mentions"
        )


@attrs.frozen(kw_only=True)
class Attribution:
    """Who said a quote, and the evidence for it.

    ``speaker`` is ``None`` when the quote cannot be tied to an entity; ``mention`` may still
    hold the words that name the source (``"a spokesman"``). When both are set, ``mention`` is
    one of ``speaker.mentions`` — possibly a pronoun (``"he"``) resolved to the speaker.
    """

    speaker: Entity | None = attrs.field(
        default=None, validator=_checks.optional(_checks.instance_of(Entity))
    )
    """The entity that said it, if known; always one of the article's entities."""
    mention: Mention | None = attrs.field(default=None, validator=_mention_of_speaker)
    """The words naming the source for this quote (a name, description or pronoun)."""
    cue: Excerpt | None = attrs.field(default=None, validator=_checks.optional(_checks.instance_of(Excerpt)))
    """The reporting words (``"said"``, ``"according to"``), if any."""
    confidence: float = attrs.field(default=1.0, converter=_checks.to_float, validator=_checks.confidence)
    """How sure the method is that the speaker is right, from 0 to 1."""
    rule: str = attrs.field(default="manual", validator=_checks.text_value(empty=False))
    """The rule or method that produced the attribution (``"cue-after-quote"``, ``"manual"``)."""


@attrs.frozen(kw_only=True)
class Quote:
    """A quotation in the article, with its exact text and offsets.

    For direct quotes ``text`` and ``span`` exclude the quotation marks.
    """

    id: str = attrs.field(validator=_checks.identifier)
    """Identifier, unique among the article's quotes (``"q1"``, ``"q2"``, ...)."""
    span: Span = attrs.field(validator=_checks.instance_of(Span))
    """Where the quoted words are."""
    text: str = attrs.field(validator=_matches_span)
    """Exactly ``article.text[span.start:span.end]``."""
    kind: QuoteKind = attrs.field(default=QuoteKind.DIRECT, validator=_checks.instance_of(QuoteKind))
    """Direct, indirect (reported) or mixed."""
    attribution: Attribution | None = attrs.field(
        default=None, validator=_checks.optional(_checks.instance_of(Attribution))
    )
    """Who said it and why we think so; ``None`` when no source was found."""
    confidence: float = attrs.field(default=1.0, converter=_checks.to_float, validator=_checks.confidence)
    """How sure the method is that this is a quotation (scare quotes score low), from 0 to 1."""

    @property
    def speaker(self) -> Entity | None:
        """The speaking entity, or ``None`` when unknown."""
        return self.attribution.speaker if self.attribution is not None else None

    @property
    def start(self) -> int:
        """Shortcut for ``span.start``."""
        return self.span.start

    @property
    def end(self) -> int:
        """Shortcut for ``span.end``."""
        return self.span.end
