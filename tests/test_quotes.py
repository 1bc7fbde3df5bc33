"""Tests for quotation finding: direct quotes by their marks, reported and mixed speech."""

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import NewsmodelError, QuoteKind
from newsmodel.model import Article, Span
from newsmodel.nlp._marks import scan_marks
from newsmodel.nlp.quotes import MIN_CONFIDENCE
from newsmodel.testing import texts

from .stages import body_article as article


def texts_of(result: Article, kind: QuoteKind | None = None) -> list[str]:
    return [q.text for q in result.quotes if kind is None or q.kind is kind]


def defect_codes(result: Article) -> list[str]:
    return [d.code for d in result.defects]


class TestDirectQuotes:
    def test_straight_marks(self):
        """Straight double marks delimit a quote whose text and span exclude the marks."""
        result = article('"We will rebuild the wall," Mayor Ada Lind said.')
        assert texts_of(result, QuoteKind.DIRECT) == ["We will rebuild the wall,"]
        quote = result.quotes[0]
        assert result.text[quote.start - 1] == '"'
        assert result.text[quote.end] == '"'

    def test_curly_marks(self):
        """Curly double marks delimit a quote."""
        result = article("“The tide came in fast,” the harbour master said.")
        assert texts_of(result, QuoteKind.DIRECT) == ["The tide came in fast,"]

    @pytest.mark.parametrize(
        ("paragraph", "expected"),
        [
            ("«Nous reconstruirons le mur», a déclaré Ada Lind.", "Nous reconstruirons le mur"),
            ("„Wir bauen die Mauer wieder auf“, sagte Ada Lind.", "Wir bauen die Mauer wieder auf"),
        ],
    )
    def test_angle_and_low_marks(self, paragraph, expected):
        """Angle marks and low-high marks delimit quotes too."""
        assert texts_of(article(paragraph), QuoteKind.DIRECT) == [expected]

    def test_doubled_apostrophes(self):
        """The ''...'' marks of some archives delimit a quote, with a nested single quote inside."""
        result = article("''She told me, 'Stay home,''' Ada Lind said of the storm.")
        assert texts_of(result, QuoteKind.DIRECT) == ["She told me, 'Stay home,'"]

    def test_nested_single_marks_stay_inside(self):
        """Single marks inside a double-marked quote are part of its text."""
        result = article("“They called it ‘the big one,’ and it was,” said Ada Lind.")
        assert texts_of(result, QuoteKind.DIRECT) == ["They called it ‘the big one,’ and it was,"]

    def test_single_marks_as_primary(self):
        """A text without double marks is read with single marks; apostrophes are not marks."""
        result = article("'We don't have the money yet,' Ada Lind said.")
        assert texts_of(result, QuoteKind.DIRECT) == ["We don't have the money yet,"]

    def test_multi_paragraph_quote(self):
        """A paragraph left open continues into the next paragraph that opens with a mark."""
        result = article(
            "“We lost the pier in one night,” Ada Lind said. “We will rebuild it this year.",
            "“And we will build it higher.”",
        )
        quotes = texts_of(result, QuoteKind.DIRECT)
        assert quotes == [
            "We lost the pier in one night,",
            "We will rebuild it this year.\n\n“And we will build it higher.",
        ]

    def test_unclosed_quote_does_not_cross_paragraphs(self):
        """An unclosed mark followed by a narration paragraph gives no quote and a defect."""
        result = article(
            "Ada Lind said “we will rebuild it this year.",
            "The council meets again on Monday to vote on the plan.",
        )
        assert all("\n" not in q for q in texts_of(result))
        assert "unclosed-quote" in defect_codes(result)

    def test_reopening_in_another_style_does_not_continue(self):
        """A continuation must reopen with the style of mark that opened the quote."""
        result = article('"The storm was the worst in decades.', "“We will rebuild,” Ada Lind said.")
        assert texts_of(result, QuoteKind.DIRECT) == ["We will rebuild,"]
        assert "unclosed-quote" in defect_codes(result)

    def test_stray_closing_mark(self):
        """A closing mark with nothing open is recorded as a defect."""
        result = article("The wall held” for a while, engineers noted in the report.")
        assert "stray-quote-mark" in defect_codes(result)

    def test_scare_quotes_are_not_speech(self):
        """A short quoted fragment inside narration is not reported as a quote."""
        result = article("The so-called “storm of the century” flooded 300 homes in the harbour.")
        assert texts_of(result) == []

    def test_title_in_quotes_is_not_speech(self):
        """A quoted title inside narration is not reported as a quote."""
        result = article("The council watched the film “Rising Water” before the vote.")
        assert texts_of(result) == []

    def test_unattributed_sentence_is_kept(self):
        """A quoted sentence with no cue is a quote with moderate confidence and no attribution."""
        result = article("The harbour was quiet on Tuesday.", "“Nobody expected the water to rise so fast.”")
        (quote,) = result.quotes
        assert quote.kind is QuoteKind.DIRECT
        assert MIN_CONFIDENCE <= quote.confidence < 0.95
        assert quote.attribution is None

    def test_attributed_quote_is_confident(self):
        """A direct quote with a reporting clause gets high confidence."""
        (quote,) = article("“The wall failed,” Ada Lind said.").quotes
        assert quote.confidence >= 0.9


class TestReportedSpeech:
    def test_said_that(self):
        """ "X said that ..." gives an indirect quote spanning the reported clause."""
        result = article("Mayor Ada Lind said on Tuesday that the seawall would be finished by winter.")
        assert texts_of(result, QuoteKind.INDIRECT) == ["that the seawall would be finished by winter"]

    def test_said_without_that(self):
        """The reported clause may follow the cue directly."""
        result = article("Ada Lind says the council will vote again next month.")
        assert texts_of(result, QuoteKind.INDIRECT) == ["the council will vote again next month"]

    def test_coordinated_cues_do_not_keep_the_conjunction(self):
        """ "X condemned A and demanded B" gives two clauses, the first without a trailing "and"."""
        result = article("The harbour board condemned the new fees and demanded a review of the budget.")
        found = texts_of(result, QuoteKind.INDIRECT)
        assert found
        assert not any(text.endswith((" and", " or")) for text in found)

    def test_content_before_the_cue(self):
        """ "..., X said." reports the clause before the cue."""
        result = article("The seawall will be finished before winter, Ada Lind said.")
        assert texts_of(result, QuoteKind.INDIRECT) == ["The seawall will be finished before winter"]

    def test_according_to_first(self):
        """ "According to X, ..." reports what follows the source."""
        result = article("According to the coastal agency, at least 300 homes were flooded.")
        assert texts_of(result, QuoteKind.INDIRECT) == ["at least 300 homes were flooded"]

    def test_according_to_last(self):
        """ "..., according to X." reports what comes before."""
        result = article("At least 300 homes were flooded, according to the coastal agency.")
        assert texts_of(result, QuoteKind.INDIRECT) == ["At least 300 homes were flooded"]

    def test_told_object_that(self):
        """A cue with a person object ("told reporters") reports the clause after the object."""
        result = article("Ada Lind told reporters that the wall would be two metres higher.")
        assert texts_of(result, QuoteKind.INDIRECT) == ["that the wall would be two metres higher"]

    def test_warned_that(self):
        """Other reporting verbs work like "said"."""
        result = article("Councillor Erik Dahl warned that the cost estimate was far too low.")
        assert texts_of(result, QuoteKind.INDIRECT) == ["that the cost estimate was far too low"]

    def test_mixed_quote_absorbs_fragment(self):
        """Reported speech quoting a fragment is one mixed quote; the fragment is not separate."""
        result = article("Erik Dahl said the estimate was “wildly optimistic” and should be redone.")
        assert texts_of(result) == ["the estimate was “wildly optimistic” and should be redone"]
        assert result.quotes[0].kind is QuoteKind.MIXED

    def test_that_and_quote_is_mixed(self):
        """ "said that" followed by a quotation is mixed speech spanning both."""
        result = article("Erik Dahl said that “nobody has studied the cheaper options.”")
        assert texts_of(result, QuoteKind.MIXED) == ["that “nobody has studied the cheaper options.”"]

    def test_participle_takes_earlier_source(self):
        """ ", adding that ..." is reported speech of the clause's source."""
        result = article("“We are ready,” Ada Lind said, adding that work would start in May.")
        assert texts_of(result, QuoteKind.INDIRECT) == ["that work would start in May"]

    def test_passive_cue_is_not_reported_speech(self):
        """A passive cue ("was told") does not make its subject a source."""
        result = article("Erik Dahl was told the vote would be delayed.")
        assert texts_of(result) == []

    def test_report_verb(self):
        """Verbs of finding introduce reported speech with lower confidence than verbs of saying."""
        result = article("A study by the university shows the sea has risen faster than expected.")
        (quote,) = result.quotes
        assert quote.text == "the sea has risen faster than expected"
        assert quote.confidence < 0.8

    def test_parenthetical_clause(self):
        """ "X, Roe said, Y" reports the words on both sides of the clause."""
        result = article("The harbour, Ada Lind said, will be rebuilt within two years.")
        assert texts_of(result, QuoteKind.INDIRECT) == ["The harbour", "will be rebuilt within two years"]

    def test_parenthetical_adverb_is_reported_too(self):
        """An opening adverbial before a parenthetical clause is part of what the source said."""
        result = article("Too often, Ada Lind said, the council waits for the next storm.")
        assert texts_of(result, QuoteKind.INDIRECT) == ["Too often", "the council waits for the next storm"]

    def test_short_lead_before_a_direct_quote(self):
        """A word or two before "Roe said, \"...\"" is reported; a scene-setting phrase is not."""
        result = article('Instead, Ada Lind said, "we will wait for the spring tides."')
        assert texts_of(result, QuoteKind.INDIRECT) == ["Instead"]
        result = article('In a statement on Friday, Ada Lind said, "we will wait for the spring tides."')
        assert texts_of(result, QuoteKind.INDIRECT) == []

    def test_according_to_source_with_relative_clause(self):
        """A relative clause after the source of "according to" is not the content."""
        result = article(
            "Repairs will cost 48 million euros, according to the survey, which the council ordered."
        )
        assert texts_of(result, QuoteKind.INDIRECT) == ["Repairs will cost 48 million euros"]

    def test_transcript_line(self):
        """A paragraph opened by a name and a colon reports the rest of the paragraph."""
        result = article("LIND: We will rebuild the wall. It will be higher than before.")
        assert texts_of(result, QuoteKind.INDIRECT) == [
            "We will rebuild the wall. It will be higher than before"
        ]

    def test_quote_only_cue(self):
        """A verb that only introduces direct quotes ("continued") gives no reported speech."""
        result = article("Prices continued to rise in the harbour district.")
        assert texts_of(result) == []

    def test_cue_word_used_as_noun(self):
        """A reporting word followed by a finite verb is a noun, not a cue."""
        result = article("The cost estimate was far too low for the council.")
        assert texts_of(result) == []

    def test_compound_is_not_a_cue(self):
        """A compound such as "think tank" is not a reporting verb."""
        result = article("Erik Dahl, a fellow at a think tank, joined the board last year.")
        assert texts_of(result) == []

    def test_two_sentences_two_sources(self):
        """Each reported clause stops where the next source's clause begins."""
        result = article("Ada Lind said the wall will hold. Erik Dahl said it will not.")
        assert texts_of(result, QuoteKind.INDIRECT) == ["the wall will hold", "it will not"]


class TestProperties:
    @given(texts(max_size=300))
    def test_never_raises_outside_newsmodel_errors(self, text):
        """Arbitrary text never makes the quote stages raise anything but a NewsmodelError."""
        paragraphs = [p for p in text.split("\n") if p.strip()]
        with contextlib.suppress(NewsmodelError):
            article(*[p.strip() for p in paragraphs])

    @given(
        st.lists(
            st.sampled_from(
                [
                    '"',
                    "“",
                    "”",
                    "''",
                    "'",
                    "«",
                    "»",
                    "„",
                    " said ",
                    " Ada Lind",
                    " the minister",
                    " he",
                    ", ",
                    ". ",
                    ": ",
                    "According to",
                    " we will ",
                    " that ",
                    "\n",
                ]
            ),
            max_size=40,
        )
    )
    def test_offsets_point_at_their_text(self, pieces):
        """Every quote, mention and cue found selects exactly its text."""
        paragraphs = [p.strip() for p in "".join(pieces).split("\n") if p.strip()]
        result = article(*paragraphs)
        for quote in result.quotes:
            assert result.text[quote.start : quote.end] == quote.text
            attribution = quote.attribution
            if attribution is not None and attribution.cue is not None:
                assert result.text[attribution.cue.start : attribution.cue.end] == attribution.cue.text
            if attribution is not None and attribution.mention is not None:
                assert (
                    result.text[attribution.mention.start : attribution.mention.end]
                    == attribution.mention.text
                )

    def test_many_marks_stay_linear(self):
        """200,000 quotation marks in hundreds of unbalanced paragraphs are paired in one pass."""
        paragraphs = ["Then " + '“We will," she said, "rebuild” the wall. ' * 100 + "“Unclosed"] * 500
        text = "\n\n".join(paragraphs)
        spans, offset = [], 0
        for paragraph in paragraphs:
            spans.append(Span(start=offset, end=offset + len(paragraph)))
            offset += len(paragraph) + 2
        quotes, defects = scan_marks(text, spans)
        assert len(quotes) == 500 * 200
        assert sum(d.code == "unclosed-quote" for d in defects) == 500

    def test_ten_times_the_input_gives_ten_times_the_quotes(self):
        """Quote-dense input ten times longer (and one giant paragraph) is read in proportion."""
        sentence = "“We will rebuild,” Ada Lind said. Erik Dahl said the cost was “too high.” "
        small = article(*[sentence * 10] * 4)
        large = article(*[sentence * 10] * 40, sentence * 200)
        assert len(small.quotes) == 4 * 20
        assert len(large.quotes) == 40 * 20 + 400
