"""Example tests for the reported-speech and attribution rules, one behaviour per test.

Each test reads invented sentences through the quote stages and checks the exact quotes found
(text and kind) and who said them (speaker name, and the mention where it matters).
"""

from newsmodel import QuoteKind
from newsmodel.model import Article, Quote
from newsmodel.nlp.attribution import attribute
from newsmodel.nlp.entities import find_entities
from newsmodel.nlp.quotes import find_quotes
from newsmodel.nlp.sentences import split_sentences
from newsmodel.pipeline import Block, Draft, build_doc, finalize

DIRECT, INDIRECT = QuoteKind.DIRECT, QuoteKind.INDIRECT


def article(*paragraphs: str) -> Article:
    """Run the quote stages over body paragraphs, as the pipeline does, and freeze the result."""
    doc = build_doc([Block(p) for p in paragraphs], "en")
    doc.sentences = split_sentences(doc.text, doc.paragraphs)
    find_entities(doc, None)
    find_quotes(doc)
    attribute(doc)
    return finalize(doc, Draft())


def found(*paragraphs: str) -> list[tuple[QuoteKind, str, str | None]]:
    """Every quote of the paragraphs as (kind, text, speaker name), in text order."""
    return [(q.kind, q.text, speaker(q)) for q in article(*paragraphs).quotes]


def speaker(q: Quote) -> str | None:
    return q.speaker.name if q.speaker is not None else None


def mention(q: Quote) -> str | None:
    attribution = q.attribution
    return attribution.mention.text if attribution and attribution.mention else None


def only(*paragraphs: str) -> Quote:
    """The one quote found in the paragraphs."""
    (q,) = article(*paragraphs).quotes
    return q


class TestGerundObjects:
    def test_progressive_stance_with_a_gerund_is_no_speech(self):
        """A stance verb in the progressive whose object is a gerund phrase reports nothing."""
        assert found("Norland is not considering sending troops to the border region.") == []

    def test_no_content_is_taken_from_before_either(self):
        """With its gerund object, the stance clause takes no content from before it either."""
        result = found("After the floods in March, the council was discussing raising the harbour fees.")
        assert result == []

    def test_that_clause_after_a_stance_verb_is_reported(self):
        """ "considers that ..." still reports its clause."""
        q = only("The ministry considers that the northern border is safe.")
        assert (q.kind, q.text, mention(q)) == (INDIRECT, "that the northern border is safe", "The ministry")

    def test_gerund_subject_of_a_reported_clause(self):
        """A gerund opening a clause with a finite verb ("sending troops was") is reported."""
        q = only("Mira Olsen said sending troops was a mistake.")
        assert (q.kind, q.text, speaker(q)) == (INDIRECT, "sending troops was a mistake", "Mira Olsen")

    def test_stance_taken_keeps_its_gerund_object(self):
        """A stance taken ("proposed raising ...") is attributed with its gerund object."""
        q = only("Mira Olsen proposed raising the harbour fees.")
        assert (q.kind, q.text, speaker(q)) == (INDIRECT, "raising the harbour fees", "Mira Olsen")

    def test_progressive_stance_with_a_noun_object(self):
        """A noun phrase object of a progressive stance verb is still its content."""
        q = only("Norland is considering a proposal to send troops.")
        assert (q.kind, q.text, speaker(q)) == (INDIRECT, "a proposal to send troops", "Norland")

    def test_progressive_stance_with_a_gerund_subject(self):
        """After a progressive stance verb, a gerund with a finite verb after it opens a clause."""
        q = only("The harbour board is hoping sending more crews will help.")
        assert (q.kind, q.text, mention(q)) == (INDIRECT, "sending more crews will help", "The harbour board")
