"""Tests for newsmodel.nlp.sentences: sentence boundaries inside paragraphs."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.model import Span
from newsmodel.nlp.sentences import split_sentences
from newsmodel.testing import texts


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` taken as one paragraph."""
    return [s.of(text) for s in split_sentences(text, [Span(start=0, end=len(text))])]


class TestBoundaries:
    def test_plain_sentences(self) -> None:
        """Periods, question marks and exclamation marks before a capital end sentences."""
        assert sentences("The tide rose. Was it late? It was! Nobody moved.") == [
            "The tide rose.",
            "Was it late?",
            "It was!",
            "Nobody moved.",
        ]

    def test_no_boundary_before_lowercase(self) -> None:
        """A period before a lower-case word does not end a sentence (e.g. "approx. ten")."""
        assert sentences("It cost approx. ten crowns. Then it rose.") == [
            "It cost approx. ten crowns.",
            "Then it rose.",
        ]

    def test_title_abbreviations(self) -> None:
        """Titles such as Mr., Dr., Gov. and Sen. never end a sentence."""
        text = "Mr. Olsen met Dr. Rao and Gov. Lind. Sen. Berg was absent."
        assert sentences(text) == ["Mr. Olsen met Dr. Rao and Gov. Lind.", "Sen. Berg was absent."]

    def test_dotted_abbreviation_before_name(self) -> None:
        """ "U.S." followed by a non-opening word continues the sentence."""
        assert sentences("The U.S. President spoke. Then he left.") == [
            "The U.S. President spoke.",
            "Then he left.",
        ]

    def test_dotted_abbreviation_at_sentence_end(self) -> None:
        """ "U.S." followed by a typical opening word ends the sentence."""
        assert sentences("She moved to the U.S. The move was hard.") == [
            "She moved to the U.S.",
            "The move was hard.",
        ]

    def test_company_suffix(self) -> None:
        """ "Inc." before a name continues; before "The" it ends the sentence."""
        assert sentences("Harbor Tools Inc. Chairman Ola Berg quit. Tidewell Inc. The firm grew.") == [
            "Harbor Tools Inc. Chairman Ola Berg quit.",
            "Tidewell Inc.",
            "The firm grew.",
        ]

    def test_initials(self) -> None:
        """Initials such as "J. R. Smith" do not end sentences."""
        assert sentences("J. R. Okoro wrote it. A. Lind agreed.") == [
            "J. R. Okoro wrote it.",
            "A. Lind agreed.",
        ]

    def test_months_and_numbers(self) -> None:
        """ "Jan. 5" and "No. 3" keep their number; a month abbreviation before "The" ends it."""
        assert sentences("It opened on Jan. 5 at No. 3 Quay Road. It closed in Feb. The end came.") == [
            "It opened on Jan. 5 at No. 3 Quay Road.",
            "It closed in Feb.",
            "The end came.",
        ]

    def test_decimals_and_money(self) -> None:
        """Decimals and amounts such as "$10.5-million" are not boundaries."""
        assert sentences("Output rose 1.4 per cent to $10.5-million. Costs fell.") == [
            "Output rose 1.4 per cent to $10.5-million.",
            "Costs fell.",
        ]

    def test_year_ends_sentence(self) -> None:
        """A number before a period ends the sentence ("in 2015. Then")."""
        assert sentences("It was built in 2015. Then it sank.") == ["It was built in 2015.", "Then it sank."]

    def test_ellipsis_inside_sentence(self) -> None:
        """An ellipsis before a capitalised name does not split; before "The" it does."""
        assert sentences("We waited for ... Olsen to come. He came... The rest is history.") == [
            "We waited for ... Olsen to come.",
            "He came...",
            "The rest is history.",
        ]

    def test_quote_ends_sentence_before_capital(self) -> None:
        """'."' followed by a capital ends the sentence after the closing mark."""
        assert sentences('"We are ready." The mayor left.') == ['"We are ready."', "The mayor left."]

    def test_quote_with_comma_continues(self) -> None:
        """',"' and '?" he asked' do not end the sentence."""
        assert sentences('"We are ready," she said. "Are you?" he asked.') == [
            '"We are ready," she said.',
            '"Are you?" he asked.',
        ]

    def test_question_in_quotes_before_capital(self) -> None:
        """'?"' followed by a capital ends the sentence after the closing mark."""
        assert sentences('"Why now?" Halvorsen asked.') == ['"Why now?"', "Halvorsen asked."]

    def test_curly_quotes(self) -> None:
        """Curly closing marks close the sentence; an opening mark may start the next."""
        assert sentences("He left. “We stay,” she said. “Always.” Then silence.") == [
            "He left.",
            "“We stay,” she said.",
            "“Always.”",
            "Then silence.",
        ]

    def test_nyt_double_apostrophes(self) -> None:
        """NYT-style '' marks close and open sentences."""
        assert sentences("He spoke. ''We will rebuild.'' The council agreed.") == [
            "He spoke.",
            "''We will rebuild.''",
            "The council agreed.",
        ]

    def test_parentheses(self) -> None:
        """A sentence in parentheses ends after the closing bracket."""
        assert sentences("It rained. (The forecast was wrong.) Crews waited.") == [
            "It rained.",
            "(The forecast was wrong.)",
            "Crews waited.",
        ]

    def test_uncased_script(self) -> None:
        """A letter of a script without case after a period opens a new sentence."""
        assert sentences("It ended. 好的。") == ["It ended.", "好的。"]


class TestParagraphs:
    def test_never_crosses_paragraphs(self) -> None:
        """A paragraph without final punctuation still ends its sentence."""
        text = "First paragraph without a stop\n\nSecond one. Third sentence."
        paragraphs = [Span(start=0, end=30), Span(start=32, end=len(text))]
        assert [s.of(text) for s in split_sentences(text, paragraphs)] == [
            "First paragraph without a stop",
            "Second one.",
            "Third sentence.",
        ]

    def test_spans_are_trimmed(self) -> None:
        """Sentences carry no surrounding white space; blank paragraphs give none."""
        text = "  One.   Two.  \n\n   "
        result = split_sentences(text, [Span(start=0, end=15), Span(start=17, end=20)])
        assert [s.of(text) for s in result] == ["One.", "Two."]

    def test_empty(self) -> None:
        """No paragraphs, no sentences."""
        assert split_sentences("", []) == []


def _paragraphs(text: str, cuts: list[int]) -> list[Span]:
    points = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    return [Span(start=a, end=b) for a, b in itertools.pairwise(points) if a < b]


class TestProperties:
    @given(
        st.one_of(texts(max_size=300), st.text(alphabet=" .!?…\"”'()ABab1\n", max_size=200)),
        st.lists(st.integers(0, 400), max_size=4),
    )
    def test_sentences_lie_in_paragraphs_ordered_trimmed(self, text: str, cuts: list[int]) -> None:
        """Sentences are non-empty, trimmed, ordered, non-overlapping and inside one paragraph."""
        paragraphs = _paragraphs(text, cuts)
        result = split_sentences(text, paragraphs)
        previous_end = 0
        for span in result:
            piece = span.of(text)
            assert piece
            assert piece == piece.strip()
            assert span.start >= previous_end
            assert any(p.start <= span.start and span.end <= p.end for p in paragraphs)
            previous_end = span.end
        for paragraph in paragraphs:  # nothing but white space falls between sentences
            inside = [s for s in result if paragraph.start <= s.start and s.end <= paragraph.end]
            for i in range(paragraph.start, paragraph.end):
                assert text[i].isspace() or any(s.start <= i < s.end for s in inside)


class TestCost:
    @pytest.mark.parametrize(
        "unit",
        [
            "Dr. A. B. Lind met Mr. C. Roe in the U.S. on Jan. 5. ",
            "." * 50,
            "word" * 50,
            "?! ",
            "'' ",
        ],
    )
    def test_large_inputs_are_linear(self, unit: str) -> None:
        """A 500 kB paragraph of a repeated pattern is split (no quadratic backtracking)."""
        text = unit * (500_000 // len(unit))
        result = split_sentences(text, [Span(start=0, end=len(text))])
        assert all(s.end <= len(text) for s in result)


class TestListsAndCapitals:
    def test_list_numbers_are_not_sentences(self) -> None:
        """A period after a list number ("1.") does not end a sentence."""
        assert sentences("1. Ada Lunde (Norland) 25.76") == ["1. Ada Lunde (Norland) 25.76"]

    def test_abbreviation_in_parentheses(self) -> None:
        """ "(U.S.)" before a number or a name continues the sentence."""
        assert sentences("Ola Dahl (U.S.) 23.25 and Ada Lunde (U.S.) Jr won.") == [
            "Ola Dahl (U.S.) 23.25 and Ada Lunde (U.S.) Jr won."
        ]

    def test_abbreviation_before_bracket(self) -> None:
        """An abbreviation before a bracketed acronym does not end the sentence."""
        assert sentences("It bought Tidewell Co. (TW) last year.") == [
            "It bought Tidewell Co. (TW) last year."
        ]

    def test_capitals_and_hyphens(self) -> None:
        """ "ST." in capitals and "then-U.S." are abbreviations too."""
        assert sentences("ST. LOUIS won. The then-U.S. Trade Representative left.") == [
            "ST. LOUIS won.",
            "The then-U.S. Trade Representative left.",
        ]
