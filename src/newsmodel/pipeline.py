"""The one annotation path every parser feeds.

Text layout (:mod:`newsmodel.text`) and HTML extraction (:mod:`newsmodel.html`) each turn
their input into a :class:`Draft`: body blocks plus whatever metadata they found.
:func:`annotate` then runs the same stages on both::

    Draft.blocks -> body text + paragraphs -> sentences -> entities -> quotes -> attribution
                 -> finalize -> Article
"""

from __future__ import annotations

import enum
from datetime import datetime

import attrs

from newsmodel.model import (
    Article,
    Attribution,
    Author,
    Dateline,
    Defect,
    Entity,
    Excerpt,
    Image,
    Mention,
    MentionForm,
    Provenance,
    Quote,
    Span,
)
from newsmodel.nlp.attribution import attribute
from newsmodel.nlp.document import Doc, EntityDraft, QuoteDraft
from newsmodel.nlp.entities import find_entities
from newsmodel.nlp.language import detect_language, is_english
from newsmodel.nlp.quotes import find_quotes
from newsmodel.nlp.sentences import split_sentences
from newsmodel.policy import ParsePolicy

PARAGRAPH_SEPARATOR = "\n\n"
"""What joins body blocks into :attr:`Article.text`."""


class BlockKind(enum.Enum):
    """The role of a body block."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list-item"
    BLOCKQUOTE = "blockquote"
    PREFORMATTED = "preformatted"


@attrs.frozen
class Block:
    """One paragraph-like piece of the body, already cleaned (no leading/trailing space)."""

    text: str
    kind: BlockKind = BlockKind.PARAGRAPH


@attrs.define
class Draft:
    """What a layout or extraction step found: body blocks and metadata, not yet annotated."""

    blocks: list[Block] = attrs.Factory(list)
    title: str | None = None
    subtitle: str | None = None
    authors: list[Author] = attrs.Factory(list)
    published: datetime | None = None
    modified: datetime | None = None
    dateline: Dateline | None = None
    """A dateline; when its text opens the first block, :func:`annotate` gives it a span."""
    language: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    publisher: str | None = None
    section: str | None = None
    tags: list[str] = attrs.Factory(list)
    images: list[Image] = attrs.Factory(list)
    encoding: str | None = None
    provenance: list[Provenance] = attrs.Factory(list)
    defects: list[Defect] = attrs.Factory(list)


def build_doc(blocks: list[Block], language: str | None) -> Doc:
    """Join blocks into body text and paragraph spans (empty blocks are skipped)."""
    parts: list[str] = []
    paragraphs: list[Span] = []
    offset = 0
    for block in blocks:
        if not block.text:
            continue
        if parts:
            parts.append(PARAGRAPH_SEPARATOR)
            offset += len(PARAGRAPH_SEPARATOR)
        parts.append(block.text)
        paragraphs.append(Span(start=offset, end=offset + len(block.text)))
        offset += len(block.text)
    return Doc(text="".join(parts), paragraphs=paragraphs, language=language)


def annotate(draft: Draft, policy: ParsePolicy) -> Article:
    """Run the annotation stages over a draft and return the finished article."""
    doc = build_doc(draft.blocks, policy.language or draft.language)
    if doc.language is None and policy.annotate:
        doc.language = detect_language(doc.text)
    if policy.annotate:
        doc.sentences = split_sentences(doc.text, doc.paragraphs)
        doc.dateline_place = _dateline_place(draft.dateline, doc.text)
        if is_english(doc.language):
            find_entities(doc, policy.recognizer)
            find_quotes(doc)
            attribute(doc)
    return finalize(doc, draft)


def _dateline_place(dateline: Dateline | None, text: str) -> Span | None:
    """Where the place that opens ``dateline`` is in ``text`` ("OSLO" of "OSLO, Norway —")."""
    if dateline is None or not dateline.place:
        return None
    if dateline.span is not None:
        start = dateline.span.start
    elif text.startswith(dateline.text):
        start = 0
    else:
        return None
    place = dateline.place.split(",", 1)[0].strip()
    end = start + len(place)
    return Span(start=start, end=end) if place and text[start:end] == place else None


def finalize(doc: Doc, draft: Draft) -> Article:
    """Freeze a working document: order things, assign ids, tie quotes to entities."""
    for quote in doc.quotes:  # a speaker's mention for a quote is one of its mentions
        if quote.speaker is not None and quote.mention is not None:
            quote.speaker.add(quote.mention)
    frozen: dict[int, Entity] = {}
    drafts = [e for e in doc.entities if e.mentions]
    drafts.sort(key=lambda e: min((m.span.start, m.span.end) for m in e.mentions))
    entities = []
    for number, entity_draft in enumerate(drafts, 1):
        entity = _freeze_entity(entity_draft, f"e{number}")
        frozen[id(entity_draft)] = entity
        entities.append(entity)
    quotes = [
        _freeze_quote(q, f"q{number}", doc.text, frozen)
        for number, q in enumerate(sorted(doc.quotes, key=_span_key), 1)
    ]
    dateline = draft.dateline
    if dateline is not None and dateline.span is None and doc.text.startswith(dateline.text):
        dateline = attrs.evolve(dateline, span=Span(start=0, end=len(dateline.text)))
    return Article(
        text=doc.text,
        paragraphs=doc.paragraphs,
        sentences=doc.sentences,
        title=draft.title,
        subtitle=draft.subtitle,
        authors=draft.authors,
        published=draft.published,
        modified=draft.modified,
        dateline=dateline,
        language=doc.language,
        url=draft.url,
        canonical_url=draft.canonical_url,
        publisher=draft.publisher,
        section=draft.section,
        tags=draft.tags,
        images=draft.images,
        entities=entities,
        quotes=quotes,
        encoding=draft.encoding,
        provenance=draft.provenance,
        defects=[*draft.defects, *doc.defects],
    )


def _span_key(item: Mention | Excerpt | QuoteDraft) -> tuple[int, int]:
    """What orders items by span, as spans order, without calling the spans' comparisons."""
    return item.span.start, item.span.end


def _freeze_entity(draft: EntityDraft, entity_id: str) -> Entity:
    by_span: dict[Span, Mention] = {}
    for mention in draft.mentions:  # the first mention recorded at a span wins
        by_span.setdefault(mention.span, mention)
    mentions = sorted(by_span.values(), key=_span_key)
    names = [m.text for m in mentions if m.form is MentionForm.NAME]
    name = draft.name or (max(names, key=len) if names else mentions[0].text)
    aliases = dict.fromkeys(a for a in [*names, *draft.aliases] if a != name)
    roles = dict.fromkeys(sorted(draft.roles, key=_span_key))
    return Entity(
        id=entity_id,
        name=name,
        kind=draft.kind,
        mentions=mentions,
        aliases=list(aliases),
        roles=list(roles),
    )


def _freeze_quote(draft: QuoteDraft, quote_id: str, text: str, entities: dict[int, Entity]) -> Quote:
    attribution = None
    if draft.rule is not None:
        attribution = Attribution(
            speaker=entities.get(id(draft.speaker)) if draft.speaker is not None else None,
            mention=draft.mention,
            cue=draft.cue,
            confidence=draft.attribution_confidence,
            rule=draft.rule,
        )
    return Quote(
        id=quote_id,
        span=draft.span,
        text=draft.span.of(text),
        kind=draft.kind,
        attribution=attribution,
        confidence=draft.confidence,
    )
