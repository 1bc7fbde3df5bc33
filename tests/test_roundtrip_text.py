"""Nothing lost: parse_text keeps every character of the body, and explain accounts for every line."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import from_json, parse_text, to_json

from .hostile import (
    REAL_LAYOUT,
    TRICKY,
    accounted,
    check_article,
    hostile_texts,
    news_texts,
    paragraphs,
    visible,
)


def body_of(paras: list[str], separator: str = "\n\n") -> str:
    return separator.join(paras)


class TestCharactersKept:
    @pytest.mark.fuzz
    @given(st.lists(paragraphs(), min_size=1, max_size=4), st.sampled_from(["\n\n", "\r\n\r\n", "\n \n"]))
    def test_plain_paragraphs_survive_verbatim(self, paras, separator):
        """Paragraphs of ordinary sentences come back as the article's paragraphs, character for character."""
        article = parse_text(body_of(paras, separator))
        check_article(article)
        assert list(article.paragraph_texts) == [p.strip() for p in paras]

    @given(news_texts())
    def test_line_endings_do_not_matter(self, text):
        """CRLF and CR line ends give the same article as LF."""
        lf = parse_text(text.replace("\r\n", "\n"))
        assert parse_text(lf_to(text, "\r\n")) == lf
        assert parse_text(lf_to(text, "\r")) == lf

    @given(news_texts())
    def test_json_round_trip_of_parsed_articles(self, text):
        """A parsed article saved as JSON and loaded back is equal, byte for byte when saved again."""
        article = parse_text(text)
        saved = to_json(article)
        assert from_json(saved) == article
        assert to_json(from_json(saved)) == saved

    @pytest.mark.parametrize(
        "piece",
        [
            "caf\u0065\u0301",  # combining acute, not normalized to NFC
            "caf\u00e9",  # precomposed, not decomposed
            "\U0001f469\u200d\U0001f52c",  # ZWJ emoji sequence
            "\U0001f1e8\U0001f1e6",  # flag
            "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",  # Hebrew
            "\u0645\u0631\u062d\u0628\u0627",  # Arabic
            "\u202bembedded\u202c",  # bidi embedding controls
            "\u4e2d\u6587",  # CJK
            "\U0001d54f",  # outside the BMP
            "x\u0308\u0301\u0323",  # stacked combining marks
        ],
    )
    def test_tricky_characters_are_kept(self, piece):
        """Non-ASCII, combining, right-to-left and astral characters stay exactly as given."""
        text = f"Jane Roe said the word {piece} was new to her.\n\nShe added: \u201cIt says {piece}.\u201d"
        article = parse_text(text)
        check_article(article)
        assert article.text.count(piece) == 2

    @REAL_LAYOUT
    def test_lone_surrogates_become_replacement_characters(self):
        """A lone surrogate is replaced by U+FFFD at the same offset, and the change is recorded."""
        text = "Jane Roe said the fund was \ud800 empty and \udfff closed."
        article = parse_text(text)
        check_article(article)
        assert article.text == text.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
        assert [d.code for d in article.defects].count("invalid-character") == 2


def lf_to(text: str, ending: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", ending)


def input_lines(text: str) -> list[str]:
    """The lines of ``text`` with at least one visible character."""
    return [line for line in text.splitlines() if visible(line)]


class TestNothingLost:
    @pytest.mark.fuzz
    @given(news_texts())
    def test_every_line_is_accounted_for(self, text):
        """With explain=True every non-blank input line is in the body, the metadata or a defect."""
        article = parse_text(text, explain=True)
        check_article(article)
        missing = [line for line in input_lines(text) if not accounted(line, article)]
        assert not missing, f"lines gone without a trace: {missing!r}"

    @REAL_LAYOUT
    @pytest.mark.fuzz
    @given(hostile_texts())
    def test_every_line_of_hostile_text_is_accounted_for(self, text):
        """The same holds for text with stray marks, control characters and odd line breaks."""
        article = parse_text(text, explain=True)
        missing = [line for line in input_lines(text) if not accounted(line, article)]
        assert not missing, f"lines gone without a trace: {missing!r}"

    def test_chrome_is_explained_by_rule(self):
        """A chrome line removed from the body is named in a boilerplate defect with its rule."""
        text = (
            "Jane Roe said the bridge will reopen in spring.\n\n"
            "Share this article\n\n"
            "Omar Haddad, the mayor, said costs rose by 12 percent last year."
        )
        article = parse_text(text, explain=True)
        if "Share this article" in article.text:
            pytest.skip("the layout keeps this line in the body; nothing to explain")
        explained = [
            d for d in article.defects if d.code == "boilerplate" and "Share this article" in d.message
        ]
        assert explained, article.defects
        assert explained[0].message.partition(": ")[0], "the defect names no rule"

    def test_accounting_notices_a_lost_line(self):
        """The accounting check itself fails for a line that appears nowhere."""
        article = parse_text("Jane Roe said the bridge will reopen in spring.", explain=True)
        assert not accounted("A line that was never there.", article)
        assert accounted("Jane Roe said the bridge", article)

    @given(st.sampled_from(TRICKY))
    def test_tricky_lines_are_accounted(self, piece):
        """Lines made only of tricky characters are kept or explained."""
        text = f"{piece}\n\nJane Roe said the bridge will reopen.\n\n{piece} {piece}"
        article = parse_text(text, explain=True)
        assert all(accounted(line, article) for line in input_lines(text))
