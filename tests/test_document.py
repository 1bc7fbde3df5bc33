"""Tests for the working document the annotation stages share."""

from newsmodel import EntityKind, Excerpt, Mention, MentionForm, Span
from newsmodel.nlp.document import Doc, EntityDraft
from newsmodel.pipeline import Draft, finalize


def mention(start: int, end: int, text: str = "x") -> Mention:
    return Mention(span=Span(start=start, end=end), text=text * (end - start), form=MentionForm.NAME)


class TestEntityDraft:
    def test_add_skips_a_span_already_there(self):
        """Adding a mention whose span is already listed changes nothing."""
        draft = EntityDraft(kind=EntityKind.PERSON)
        draft.add(mention(0, 3))
        draft.add(mention(5, 8))
        draft.add(mention(0, 3))
        assert [m.span for m in draft.mentions] == [Span(start=0, end=3), Span(start=5, end=8)]

    def test_add_sees_mentions_listed_directly(self):
        """Mentions appended to the list directly, or given at construction, count as there."""
        draft = EntityDraft(kind=EntityKind.PERSON, mentions=[mention(0, 3)])
        draft.mentions.append(mention(5, 8))
        draft.add(mention(5, 8))
        draft.add(mention(0, 3))
        assert len(draft.mentions) == 2

    def test_many_mentions(self, bounded):
        """Adding 100,000 mentions, then each again, keeps each once and finishes (linear bookkeeping)."""

        def add_all() -> int:
            draft = EntityDraft(kind=EntityKind.PERSON)
            for _ in range(2):
                for i in range(100_000):
                    draft.add(mention(2 * i, 2 * i + 1))
            return len(draft.mentions)

        assert bounded(add_all, seconds=120).result() == 100_000


def doc_with_roles(count: int) -> Doc:
    """A document naming one person ``count`` times, each time with a title, and every title twice."""
    text = "Dr. Roe. " * count
    draft = EntityDraft(kind=EntityKind.PERSON)
    for i in range(count):
        start = 9 * i
        draft.add(Mention(span=Span(start=start + 4, end=start + 7), text="Roe"))
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
