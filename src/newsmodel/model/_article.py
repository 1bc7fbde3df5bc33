"""The article: body text, metadata, entities and quotes, checked for consistency."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import attrs

from newsmodel.exceptions import ModelError
from newsmodel.model import _checks
from newsmodel.model._entity import Entity
from newsmodel.model._metadata import Author, Dateline, Defect, Image, Provenance
from newsmodel.model._quote import Quote
from newsmodel.model._span import Excerpt, Mention, Span

_optional_text = _checks.optional(_checks.text_value(empty=False))


@attrs.frozen(kw_only=True, cache_hash=True)
class Article:
    """A news article as typed data.

    Built by :func:`newsmodel.parse_text` and :func:`newsmodel.parse_html`, loaded by
    :func:`newsmodel.from_json`, or constructed by hand. Construction checks every invariant
    and raises :class:`~newsmodel.ModelError` naming the field at fault:

    - every span (paragraphs, sentences, mentions, roles, quotes, cues, dateline, defects)
      lies inside ``text``, and every stored excerpt equals ``text[span.start:span.end]``;
    - paragraphs and sentences are non-empty, in order and do not overlap;
    - entity ids are unique, quote ids are unique;
    - every attribution's speaker is one of ``entities``.

    Update with :func:`attrs.evolve`, which re-runs the checks.
    """

    text: str = attrs.field(validator=_checks.text_value())
    """The body text; every offset in the article indexes into it (code points)."""
    paragraphs: tuple[Span, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.tuple_of(Span)
    )
    """Spans of the body's paragraphs (headings, list items and block quotes included)."""
    sentences: tuple[Span, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.tuple_of(Span)
    )
    """Spans of the body's sentences, when the article was annotated."""
    title: str | None = attrs.field(default=None, validator=_optional_text)
    """Headline, without a site-name suffix."""
    subtitle: str | None = attrs.field(default=None, validator=_optional_text)
    """Standfirst, dek or description."""
    authors: tuple[Author, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.tuple_of(Author)
    )
    """Credited authors, in the order given."""
    published: datetime | None = attrs.field(default=None, validator=_checks.moment)
    """First publication time; timezone-aware where the source says the zone."""
    modified: datetime | None = attrs.field(default=None, validator=_checks.moment)
    """Last modification time; timezone-aware where the source says the zone."""
    dateline: Dateline | None = attrs.field(
        default=None, validator=_checks.optional(_checks.instance_of(Dateline))
    )
    """Where the story was filed from, if stated."""
    language: str | None = attrs.field(default=None, validator=_optional_text)
    """BCP 47 language tag (``"en"``, ``"de-AT"``), declared or detected."""
    url: str | None = attrs.field(default=None, validator=_optional_text)
    """The address the article was read from."""
    canonical_url: str | None = attrs.field(default=None, validator=_optional_text)
    """The publisher's canonical address for it."""
    publisher: str | None = attrs.field(default=None, validator=_optional_text)
    """Name of the publication or site."""
    section: str | None = attrs.field(default=None, validator=_optional_text)
    """Section or desk (``"World"``)."""
    tags: tuple[str, ...] = attrs.field(default=(), converter=_checks.to_tuple, validator=_checks.strings)
    """Keywords and tags, in the order given."""
    images: tuple[Image, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.tuple_of(Image)
    )
    """Images with captions and credits; captions are not part of ``text``."""
    entities: tuple[Entity, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.tuple_of(Entity)
    )
    """People, organisations, places and other named things, each once."""
    quotes: tuple[Quote, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.tuple_of(Quote)
    )
    """Quotations in text order."""
    encoding: str | None = attrs.field(default=None, validator=_optional_text)
    """The character encoding the input bytes were decoded with, if they were bytes."""
    provenance: tuple[Provenance, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.tuple_of(Provenance)
    )
    """Where each metadata value came from."""
    defects: tuple[Defect, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.tuple_of(Defect)
    )
    """Problems in the input that parsing worked around."""

    def __attrs_post_init__(self) -> None:
        _Checker(self).run()

    # -- lookups ---------------------------------------------------------------------------

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id; raises :class:`KeyError` if there is none."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)

    def quotes_by(self, entity: Entity | str) -> tuple[Quote, ...]:
        """The quotes attributed to ``entity`` (an :class:`Entity` or its id), in text order."""
        wanted = entity.id if isinstance(entity, Entity) else entity
        return tuple(q for q in self.quotes if q.speaker is not None and q.speaker.id == wanted)

    @property
    def speakers(self) -> tuple[Entity, ...]:
        """Entities with at least one attributed quote, in order of their first quote."""
        seen: dict[str, Entity] = {}
        for quote in self.quotes:
            if quote.speaker is not None:
                seen.setdefault(quote.speaker.id, quote.speaker)
        return tuple(seen.values())

    @property
    def paragraph_texts(self) -> tuple[str, ...]:
        """The text of each paragraph."""
        return tuple(span.of(self.text) for span in self.paragraphs)

    def provenance_of(self, field: str) -> str | None:
        """The source recorded for ``field`` (an Article field name), or ``None``."""
        for item in self.provenance:
            if item.field == field:
                return item.source
        return None

    def __repr__(self) -> str:
        return (
            f"Article(title={self.title!r}, text=<{len(self.text)} characters>, "
            f"paragraphs={len(self.paragraphs)}, entities={len(self.entities)}, quotes={len(self.quotes)})"
        )


ARTICLE_FIELDS = frozenset(a.name for a in attrs.fields(Article))


class _Checker:
    """The cross-field invariants of an :class:`Article`, checked in one pass each."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text

    def run(self) -> None:
        article = self.article
        self.ordered("paragraphs", article.paragraphs)
        self.ordered("sentences", article.sentences)
        entities: dict[str, Entity] = {}
        for i, entity in enumerate(article.entities):
            where = f"entities[{i}]"
            if entity.id in entities:
                raise ModelError(f"Article.{where}.id: duplicate entity id {entity.id!r}")
            entities[entity.id] = entity
            self.excerpts(f"{where}.mentions", entity.mentions)
            self.excerpts(f"{where}.roles", entity.roles)
        quote_ids: set[str] = set()
        for i, quote in enumerate(article.quotes):
            where = f"quotes[{i}]"
            if quote.id in quote_ids:
                raise ModelError(f"Article.{where}.id: duplicate quote id {quote.id!r}")
            quote_ids.add(quote.id)
            self.excerpt(where, quote)
            attribution = quote.attribution
            if attribution is None:
                continue
            speaker = attribution.speaker
            if speaker is not None and entities.get(speaker.id) != speaker:
                raise ModelError(
                    f"Article.{where}.attribution.speaker: entity {speaker.id!r} is not one of the "
                    "article's entities (after changing an entity, update the attributions too)"
                )
            if attribution.mention is not None and speaker is None:
                self.excerpt(f"{where}.attribution.mention", attribution.mention)
            if attribution.cue is not None:
                self.excerpt(f"{where}.attribution.cue", attribution.cue)
        if article.dateline is not None:
            self.excerpt("dateline", article.dateline)
        for i, defect in enumerate(article.defects):
            if defect.span is not None:
                self.inside(f"defects[{i}].span", defect.span)
        for i, item in enumerate(article.provenance):
            if item.field not in ARTICLE_FIELDS:
                raise ModelError(f"Article.provenance[{i}].field: {item.field!r} is not an Article field")

    def inside(self, where: str, span: Span) -> None:
        if span.end > len(self.text):
            raise ModelError(
                f"Article.{where}: span {span.start}-{span.end} lies outside text of length {len(self.text)}"
            )

    def excerpt(self, where: str, item: Excerpt | Mention | Quote | Dateline) -> None:
        span = item.span
        if span is None:  # a dateline standing apart from the text
            return
        self.inside(f"{where}.span", span)
        if self.text[span.start : span.end] != item.text:
            raise ModelError(
                f"Article.{where}.text: {item.text!r} differs from the text at "
                f"{span.start}-{span.end}, {self.text[span.start : span.end]!r}"
            )

    def excerpts(self, where: str, items: Iterable[Excerpt | Mention]) -> None:
        for i, item in enumerate(items):
            self.excerpt(f"{where}[{i}]", item)

    def ordered(self, name: str, spans: tuple[Span, ...]) -> None:
        previous_end = 0
        for i, span in enumerate(spans):
            self.inside(f"{name}[{i}]", span)
            if not span:
                raise ModelError(f"Article.{name}[{i}]: empty span at {span.start}")
            if span.start < previous_end:
                raise ModelError(
                    f"Article.{name}[{i}]: span {span.start}-{span.end} overlaps or precedes the one before"
                )
            previous_end = span.end
