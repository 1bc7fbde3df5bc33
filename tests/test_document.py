"""Tests for the working document the annotation stages share."""

from newsmodel import EntityKind, Excerpt, Mention, MentionForm, Span
from newsmodel.nlp.document import Doc, EntityDraft
from newsmodel.pipeline import Draft, finalize


def mention(start: int, end: int, text: str) -> Mention:
    return Mention(span=Span(start=start, end=end), text=text, form=MentionForm.NAME)


def doc_with_mentions(count: int) -> Doc:
    """A document naming one person ``count`` times, each mention added twice."""
    text = "Roe. " * count
    draft = EntityDraft(kind=EntityKind.PERSON)
    for _ in range(2):
        for i in range(count):
            draft.add(mention(5 * i, 5 * i + 3, "Roe"))
    return Doc(text=text, paragraphs=[Span(start=0, end=len(text) - 1)], entities=[draft])


class TestEntityDraft:
    def test_a_span_is_kept_once(self):
        """A mention added twice at one span appears once in the frozen entity."""
        (entity,) = finalize(doc_with_mentions(3), Draft()).entities
        assert [m.span.start for m in entity.mentions] == [0, 5, 10]

    def test_many_mentions(self, bounded):
        """100,000 mentions, each added twice, are kept once each without quadratic work."""

        def freeze() -> int:
            return len(finalize(doc_with_mentions(100_000), Draft()).entities[0].mentions)

        assert bounded(freeze, seconds=120).result() == 100_000


def doc_with_roles(count: int) -> Doc:
    """A document naming one person ``count`` times, each time with a title, and every title twice."""
    text = "Dr. Roe. " * count
    draft = EntityDraft(kind=EntityKind.PERSON)
    for i in range(count):
        start = 9 * i
        draft.add(mention(start + 4, start + 7, "Roe"))
        draft.roles.append(Excerpt(span=Span(start=start, end=start + 3), text="Dr."))
    draft.roles.extend(reversed(draft.roles))
    return Doc(text=text, paragraphs=[Span(start=0, end=len(text) - 1)], entities=[draft])


class TestFinalize:
    def test_roles_in_order_each_once(self):
        """An entity's roles come out in text order, each once, however often they were found."""
        (entity,) = finalize(doc_with_roles(3), Draft()).entities
        assert [r.span.start for r in entity.roles] == [0, 9, 18]

    def test_many_roles(self, bounded):
        """An entity with 100,000 roles, each found twice, is frozen without quadratic work."""

        def freeze() -> int:
            return len(finalize(doc_with_roles(100_000), Draft()).entities[0].roles)

        assert bounded(freeze, seconds=120).result() == 100_000
