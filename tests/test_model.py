"""Tests for the model classes: construction, invariants, conveniences."""

from datetime import datetime, timezone

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import (
    Article,
    Attribution,
    Author,
    Dateline,
    Entity,
    EntityKind,
    Excerpt,
    Image,
    Mention,
    MentionForm,
    ModelError,
    ModelTypeError,
    NewsmodelError,
    Quote,
    QuoteKind,
    Span,
)
from newsmodel.testing import articles

TEXT = 'Jane Roe said: "We will build it." She added that costs were high.'


def span_of(needle: str, text: str = TEXT, start: int = 0) -> Span:
    i = text.index(needle, start)
    return Span(start=i, end=i + len(needle))


def roe() -> Entity:
    name = span_of("Jane Roe")
    she = span_of("She")
    return Entity(
        id="e1",
        name="Jane Roe",
        kind=EntityKind.PERSON,
        mentions=[
            Mention(span=name, text="Jane Roe"),
            Mention(span=she, text="She", form=MentionForm.PRONOUN),
        ],
    )


def sample() -> Article:
    entity = roe()
    quoted = span_of("We will build it.")
    return Article(
        text=TEXT,
        paragraphs=[Span(start=0, end=len(TEXT))],
        title="Roe builds",
        authors=[Author(name="Sam Writer")],
        published=datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc),
        entities=[entity],
        quotes=[
            Quote(
                id="q1",
                span=quoted,
                text="We will build it.",
                attribution=Attribution(
                    speaker=entity,
                    mention=entity.mentions[0],
                    cue=Excerpt(span=span_of("said"), text="said"),
                    confidence=0.9,
                    rule="cue-before-quote",
                ),
            )
        ],
    )


class TestSpan:
    def test_selects_text(self):
        """A span selects the code points from start up to, not including, end."""
        assert Span(start=5, end=8).of("Jane Roe said") == "Roe"
        assert len(Span(start=5, end=8)) == 3

    def test_rejects_reversed(self):
        """End before start is refused with a ModelError naming the offsets."""
        with pytest.raises(ModelError, match="end 2 is before start 5"):
            Span(start=5, end=2)

    @pytest.mark.parametrize("bad", [-1, 1.5, "3", True, None])
    def test_rejects_bad_offsets(self, bad):
        """Offsets must be non-negative ints; bools and floats are type errors or value errors."""
        with pytest.raises(NewsmodelError):
            Span(start=bad, end=10)

    def test_type_error_is_also_builtin(self):
        """A wrong type raises ModelTypeError, which existing `except TypeError` code catches."""
        with pytest.raises(TypeError, match=r"Span.start: expected int, got str"):
            Span(start="0", end=1)

    def test_order_and_relations(self):
        """Spans sort by start then end and know containment and overlap."""
        a, b, c = Span(start=0, end=5), Span(start=2, end=3), Span(start=5, end=9)
        assert sorted([c, b, a]) == [a, b, c]
        assert a.contains(b)
        assert not b.contains(a)
        assert not a.overlaps(c)
        assert a.overlaps(b)


class TestExcerptsAndMentions:
    def test_text_length_must_match_span(self):
        """An excerpt whose text is longer than its span is refused."""
        with pytest.raises(ModelError, match=r"Mention.text: 4 characters for a span of 3"):
            Mention(span=Span(start=0, end=3), text="Jane")

    def test_empty_excerpt_refused(self):
        """Cues and mentions are never empty."""
        with pytest.raises(ModelError, match="must not be empty"):
            Excerpt(span=Span(start=2, end=2), text="")

    def test_lone_surrogate_refused(self):
        """Text must be valid Unicode so that JSON output is valid UTF-8."""
        with pytest.raises(ModelError, match="lone surrogate U\\+D800"):
            Article(text="abc\ud800")


class TestEntity:
    def test_names_and_named_mentions(self):
        """names lists the canonical name first; named_mentions leaves out pronouns."""
        entity = attrs.evolve(roe(), aliases=["Roe"])
        assert entity.names == ("Jane Roe", "Roe")
        assert [m.text for m in entity.named_mentions] == ["Jane Roe"]

    def test_mentions_in_order(self):
        """Mentions out of text order are refused."""
        entity = roe()
        with pytest.raises(ModelError, match="not in text order"):
            attrs.evolve(entity, mentions=list(reversed(entity.mentions)))

    def test_duplicate_mention(self):
        """The same span twice is refused."""
        mention = roe().mentions[0]
        with pytest.raises(ModelError, match="two mentions at 0-8"):
            Entity(id="e1", name="x", kind=EntityKind.PERSON, mentions=[mention, mention])

    @pytest.mark.parametrize("bad", ["", "has space", "-x", "x" * 200])
    def test_bad_id(self, bad):
        """Ids are short, non-empty and free of spaces."""
        with pytest.raises(ModelError, match="not a valid id"):
            Entity(id=bad, name="x", kind=EntityKind.OTHER)

    def test_string_for_aliases_refused(self):
        """A bare string where a sequence is expected is not split into characters."""
        with pytest.raises(ModelTypeError, match=r"Entity.aliases"):
            Entity(id="e1", name="x", kind=EntityKind.OTHER, aliases="Roe")


class TestArticle:
    def test_conveniences(self):
        """quote.speaker, quotes_by, entity lookup and speakers work together."""
        article = sample()
        entity = article.entity("e1")
        assert article.quotes[0].speaker is entity
        assert article.quotes_by(entity) == article.quotes
        assert article.quotes_by("e1") == article.quotes
        assert article.quotes_by("e9") == ()
        assert article.speakers == (entity,)
        assert article.paragraph_texts == (TEXT,)
        with pytest.raises(KeyError):
            article.entity("e9")

    def test_span_outside_text(self):
        """A quote beyond the end of the text is refused, naming the quote."""
        article = sample()
        far = Quote(id="q2", span=Span(start=60, end=70), text="x" * 10)
        with pytest.raises(ModelError, match=r"Article.quotes\[1\].span: span 60-70 lies outside text"):
            attrs.evolve(article, quotes=[*article.quotes, far])

    def test_text_mismatch(self):
        """A mention whose text differs from the article text at its span is refused."""
        wrong = Entity(
            id="e2",
            name="Roe",
            kind=EntityKind.PERSON,
            mentions=[Mention(span=Span(start=0, end=4), text="Mary")],
        )
        with pytest.raises(ModelError, match=r"entities\[1\].mentions\[0\].text: 'Mary' differs"):
            attrs.evolve(sample(), entities=[*sample().entities, wrong])

    def test_dangling_speaker(self):
        """An attribution to an entity the article does not hold is refused."""
        article = sample()
        with pytest.raises(ModelError, match="not one of the article's entities"):
            attrs.evolve(article, entities=[])

    def test_changed_entity_must_be_propagated(self):
        """Evolving an entity without updating attributions is caught, not silently kept."""
        article = sample()
        renamed = attrs.evolve(article.entities[0], name="J. Roe")
        with pytest.raises(ModelError, match="entity 'e1'"):
            attrs.evolve(article, entities=[renamed])

    def test_duplicate_ids(self):
        """Entity ids and quote ids are unique."""
        article = sample()
        with pytest.raises(ModelError, match="duplicate entity id 'e1'"):
            attrs.evolve(article, entities=[article.entities[0], article.entities[0]])
        with pytest.raises(ModelError, match="duplicate quote id 'q1'"):
            attrs.evolve(article, quotes=[article.quotes[0], article.quotes[0]])

    def test_paragraphs_ordered(self):
        """Paragraph spans must not overlap or go backwards."""
        with pytest.raises(ModelError, match=r"paragraphs\[1\]"):
            Article(text="abcdef", paragraphs=[Span(start=2, end=5), Span(start=0, end=1)])

    def test_mention_must_belong_to_speaker(self):
        """The mention of an attribution with a speaker is one of the speaker's mentions."""
        entity = roe()
        with pytest.raises(ModelError, match="not one of speaker 'e1'"):
            Attribution(speaker=entity, mention=Mention(span=Span(start=0, end=4), text="Jane"))

    def test_dateline_span(self):
        """A dateline placed in the text must match it."""
        with pytest.raises(ModelError, match=r"dateline.text"):
            Article(text="PARIS - Rain.", dateline=Dateline(text="LYON -", span=Span(start=0, end=6)))

    def test_image_needs_content(self):
        """An image with nothing in it is refused."""
        with pytest.raises(ModelError, match="at least one of"):
            Image()

    def test_provenance_names_a_field(self):
        """Provenance must name a real Article field."""
        from newsmodel import Provenance

        with pytest.raises(ModelError, match="'headline' is not an Article field"):
            Article(text="x", provenance=[Provenance(field="headline", source="meta")])

    def test_lists_become_tuples(self):
        """Sequences given as lists are stored as tuples, so articles are hashable."""
        article = sample()
        assert isinstance(article.entities, tuple)
        assert hash(article) == hash(sample())

    def test_repr_is_short(self):
        """The repr summarizes instead of dumping the text."""
        assert repr(sample()).startswith("Article(title='Roe builds', text=<66 characters>")
        assert type(sample()).__module__ == "newsmodel"

    def test_quote_kind_default(self):
        """Quotes are direct unless said otherwise."""
        assert sample().quotes[0].kind is QuoteKind.DIRECT


class TestProperties:
    @given(articles())
    def test_equality_and_hash_agree(self, article):
        """Equal articles hash equal, and an article equals its own copy."""
        copy = attrs.evolve(article)
        assert copy == article
        assert hash(copy) == hash(article)

    @given(articles(), st.data())
    def test_offsets_point_at_their_text(self, article, data):
        """Every excerpt an article holds is exactly the text at its span."""
        for entity in article.entities:
            for mention in entity.mentions:
                assert mention.span.of(article.text) == mention.text
        for quote in article.quotes:
            assert quote.span.of(article.text) == quote.text

    @given(articles(), st.integers(1, 50))
    def test_shortened_text_is_refused_or_consistent(self, article, cut):
        """Cutting the text either still satisfies every invariant or raises ModelError only."""
        try:
            shorter = attrs.evolve(article, text=article.text[:-cut] if cut < len(article.text) else "")
        except ModelError:
            return
        for entity in shorter.entities:
            for mention in entity.mentions:
                assert mention.span.end <= len(shorter.text)
