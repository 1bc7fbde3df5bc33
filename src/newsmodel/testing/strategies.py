"""Hypothesis strategies that generate valid, internally consistent newsmodel objects.

Use them to test code that consumes articles::

    from hypothesis import given
    from newsmodel.testing import articles

    @given(articles())
    def test_my_exporter_never_crashes(article):
        my_exporter(article)

Every strategy takes keyword-only arguments. Those that place things in a text take the text
itself (``mentions(text)``), so offsets always index into it; :func:`articles` draws a text
first and builds the rest around it. Generated text includes non-ASCII letters, emoji,
combining marks, right-to-left script and CRLF line ends.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import strategies as st

from newsmodel.model import (
    Article,
    Attribution,
    Author,
    AuthorRole,
    Dateline,
    Defect,
    Entity,
    EntityKind,
    Excerpt,
    Image,
    Mention,
    MentionForm,
    Provenance,
    Quote,
    QuoteKind,
    Span,
)

__all__ = [
    "articles",
    "attributions",
    "authors",
    "datelines",
    "datetimes",
    "entities",
    "excerpts",
    "images",
    "mentions",
    "names",
    "ordered_spans",
    "quotes",
    "spans",
    "texts",
]

_TRICKY = [
    "\r\n",
    "\n\n",
    "\u0301",  # combining acute accent
    "e\u0301",
    "\U0001f600",  # emoji
    "\U0001f1e8\U0001f1e6",  # flag: two regional indicators
    "\u05e9\u05dc\u05d5\u05dd",  # Hebrew (right-to-left)
    "\u0645\u0631\u062d\u0628\u0627",  # Arabic
    "\u200d",  # zero-width joiner
    "\u00a0",  # no-break space
    "\u201c",
    "\u201d",
    '"',
    "\u00ab",
    "\u00bb",
    "\x00",
]


def texts(*, min_size: int = 0, max_size: int = 400) -> st.SearchStrategy[str]:
    """Strings of Unicode scalar values (no lone surrogates), rich in tricky characters."""
    pieces = st.one_of(
        st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=12),
        st.sampled_from(_TRICKY),
        st.sampled_from(["The minister said ", "Jane Roe", " and ", ". ", ", ", "UNICEF"]),
    )
    return (
        st.lists(pieces, min_size=1 if min_size else 0, max_size=max(1, max_size // 4))
        .map(lambda parts: "".join(parts)[:max_size])
        .filter(lambda s: len(s) >= min_size)
    )


def names() -> st.SearchStrategy[str]:
    """Non-empty strings usable as names, tags and other short metadata."""
    return st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=30)


def spans(*, max_end: int, min_size: int = 0) -> st.SearchStrategy[Span]:
    """Spans with ``end <= max_end`` and at least ``min_size`` code points."""
    if max_end < min_size:
        raise ValueError(f"no span of size {min_size} fits before {max_end}")
    return _spans(max_end, min_size)


@st.composite
def _spans(draw: st.DrawFn, max_end: int, min_size: int) -> Span:
    start = draw(st.integers(0, max_end - min_size))
    end = draw(st.integers(start + min_size, max_end))
    return Span(start=start, end=end)


def ordered_spans(*, max_end: int, max_count: int = 6) -> st.SearchStrategy[list[Span]]:
    """Non-empty, non-overlapping spans in order (like paragraphs or sentences)."""
    if max_end == 0:
        return st.just([])
    return st.lists(st.integers(0, max_end), max_size=2 * max_count, unique=True).map(_pair_up)


def _pair_up(cuts: list[int]) -> list[Span]:
    cuts = sorted(cuts)
    return [Span(start=a, end=b) for a, b in zip(cuts[0::2], cuts[1::2], strict=False)]


def excerpts(text: str) -> st.SearchStrategy[Excerpt]:
    """Non-empty excerpts of ``text`` (which must not be empty)."""
    return spans(max_end=len(text), min_size=1).map(lambda s: Excerpt(span=s, text=s.of(text)))


def mentions(text: str, *, forms: st.SearchStrategy[MentionForm] | None = None) -> st.SearchStrategy[Mention]:
    """Mentions of ``text`` (which must not be empty), of any form unless ``forms`` is given."""
    form_strategy = st.sampled_from(MentionForm) if forms is None else forms
    return st.builds(
        lambda span, form: Mention(span=span, text=span.of(text), form=form),
        spans(max_end=len(text), min_size=1),
        form_strategy,
    )


def entities(
    text: str,
    *,
    entity_id: str = "e1",
    kinds: st.SearchStrategy[EntityKind] | None = None,
    max_mentions: int = 4,
) -> st.SearchStrategy[Entity]:
    """Entities whose mentions and roles lie in ``text``; ``text`` may be empty (no mentions)."""
    return _entities(text, entity_id, st.sampled_from(EntityKind) if kinds is None else kinds, max_mentions)


@st.composite
def _entities(
    draw: st.DrawFn, text: str, entity_id: str, kinds: st.SearchStrategy[EntityKind], max_mentions: int
) -> Entity:
    found: list[Mention] = []
    roles: list[Excerpt] = []
    if text:
        found = draw(st.lists(mentions(text), max_size=max_mentions, unique_by=lambda m: m.span))
        roles = draw(st.lists(excerpts(text), max_size=2, unique=True))
    found.sort(key=lambda m: m.span)
    return Entity(
        id=entity_id,
        name=draw(names()),
        kind=draw(kinds),
        mentions=found,
        aliases=draw(st.lists(names(), max_size=3, unique=True)),
        roles=roles,
    )


def attributions(
    text: str, *, speakers: list[Entity] | tuple[Entity, ...] = ()
) -> st.SearchStrategy[Attribution]:
    """Attributions whose speaker (if any) is one of ``speakers``, with evidence in ``text``."""
    return _attributions(text, tuple(speakers))


@st.composite
def _attributions(draw: st.DrawFn, text: str, speakers: tuple[Entity, ...]) -> Attribution:
    speaker = draw(st.sampled_from([None, *speakers]))
    mention = None
    if speaker is not None and speaker.mentions:
        mention = draw(st.none() | st.sampled_from(speaker.mentions))
    elif speaker is None and text:
        mention = draw(st.none() | mentions(text))
    cue = draw(st.none() | excerpts(text)) if text else None
    return Attribution(
        speaker=speaker,
        mention=mention,
        cue=cue,
        confidence=draw(st.floats(0.0, 1.0)),
        rule=draw(st.sampled_from(["manual", "cue-after-quote", "pronoun", "continuation"])),
    )


def quotes(
    text: str, *, quote_id: str = "q1", speakers: list[Entity] | tuple[Entity, ...] = ()
) -> st.SearchStrategy[Quote]:
    """Quotes of ``text`` (which must not be empty) attributed, if at all, to ``speakers``."""
    return _quotes(text, quote_id, tuple(speakers))


@st.composite
def _quotes(draw: st.DrawFn, text: str, quote_id: str, speakers: tuple[Entity, ...]) -> Quote:
    span = draw(spans(max_end=len(text), min_size=1))
    return Quote(
        id=quote_id,
        span=span,
        text=span.of(text),
        kind=draw(st.sampled_from(QuoteKind)),
        attribution=draw(st.none() | attributions(text, speakers=speakers)),
        confidence=draw(st.floats(0.0, 1.0)),
    )


def datetimes() -> st.SearchStrategy[datetime]:
    """Naive datetimes and datetimes with a fixed UTC offset (what JSON can carry exactly)."""
    offsets = st.builds(
        lambda minutes: timezone(timedelta(minutes=minutes)), st.integers(-23 * 60 - 59, 23 * 60 + 59)
    )
    return st.datetimes(timezones=st.none() | offsets)


def authors() -> st.SearchStrategy[Author]:
    """Credited authors with any role."""
    return st.builds(
        Author,
        name=names(),
        role=st.sampled_from(AuthorRole),
        affiliation=st.none() | names(),
        url=st.none() | names(),
    )


def images() -> st.SearchStrategy[Image]:
    """Images with at least one of url, caption, credit and alt."""
    optional = st.none() | names()
    return st.builds(
        lambda url, caption, credit, alt: Image(url=url, caption=caption, credit=credit, alt=alt or "image"),
        optional,
        optional,
        optional,
        optional,
    )


def datelines(text: str) -> st.SearchStrategy[Dateline]:
    """Datelines, placed in ``text`` when it is not empty or standing apart from it."""
    apart = st.builds(Dateline, text=names(), place=st.none() | names(), agency=st.none() | names())
    if not text:
        return apart
    inside = excerpts(text).map(lambda e: Dateline(text=e.text, span=e.span, place=None, agency=None))
    return apart | inside


@st.composite
def _articles(
    draw: st.DrawFn, text_strategy: st.SearchStrategy[str], max_entities: int, max_quotes: int
) -> Article:
    text = draw(text_strategy)
    found = [
        draw(entities(text, entity_id=f"e{i}")) for i in range(1, draw(st.integers(0, max_entities)) + 1)
    ]
    said = (
        [
            draw(quotes(text, quote_id=f"q{i}", speakers=found))
            for i in range(1, draw(st.integers(0, max_quotes)) + 1)
        ]
        if text
        else []
    )
    optional_name = st.none() | names()
    return Article(
        text=text,
        paragraphs=draw(ordered_spans(max_end=len(text))),
        sentences=draw(ordered_spans(max_end=len(text))),
        title=draw(optional_name),
        subtitle=draw(optional_name),
        authors=draw(st.lists(authors(), max_size=3)),
        published=draw(st.none() | datetimes()),
        modified=draw(st.none() | datetimes()),
        dateline=draw(st.none() | datelines(text)),
        language=draw(st.none() | st.sampled_from(["en", "en-GB", "de", "fr-CA", "ar"])),
        url=draw(optional_name),
        canonical_url=draw(optional_name),
        publisher=draw(optional_name),
        section=draw(optional_name),
        tags=draw(st.lists(names(), max_size=4)),
        images=draw(st.lists(images(), max_size=3)),
        entities=found,
        quotes=said,
        encoding=draw(st.none() | st.sampled_from(["utf-8", "cp1252", "shift_jis"])),
        provenance=draw(
            st.lists(
                st.builds(
                    Provenance,
                    field=st.sampled_from(["title", "published", "authors", "language"]),
                    source=names(),
                ),
                max_size=3,
            )
        ),
        defects=draw(
            st.lists(
                st.builds(
                    Defect,
                    code=st.sampled_from(["unclosed-quote", "encoding-fallback", "boilerplate"]),
                    message=names(),
                    span=st.none() | (spans(max_end=len(text)) if text else st.none()),
                ),
                max_size=2,
            )
        ),
    )


def articles(
    *, text: st.SearchStrategy[str] | None = None, max_entities: int = 4, max_quotes: int = 4
) -> st.SearchStrategy[Article]:
    """Valid articles: every span in range, every excerpt matching, every speaker listed.

    ``text`` overrides the strategy for the body text (default :func:`texts`).
    """
    return _articles(texts() if text is None else text, max_entities, max_quotes)
