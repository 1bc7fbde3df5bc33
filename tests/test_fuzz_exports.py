"""Fuzzing the exports: every article a parser returns converts to strict JSON in every format."""

import json
from datetime import timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import (
    Article,
    InputError,
    SerializationError,
    parse_html,
    parse_text,
    to_dict,
    to_jsonld,
    to_ninjs,
)

from .hostile import (
    ATTRIBUTE_VALUES,
    REAL_HTML,
    Dice,
    hostile_text,
    html_document,
    news_page,
    news_text,
)

URLS = [None, "https://news.example/2026/03/bridge", *ATTRIBUTE_VALUES]


def parsed(data: bytes) -> Article:
    """An article parsed from an input built from ``data``: text, hostile text or a page."""
    dice = Dice(data)
    kind = dice.below(4)
    url = URLS[dice.below(len(URLS))]
    if kind == 0:
        return parse_text(news_text(dice), url=url)
    if kind == 1:
        return parse_text(hostile_text(dice), url=url)
    if kind == 2:
        return parse_html(html_document(dice), url=url, explain=True)
    return parse_html(news_page(dice)[0], url=url)


def strict_json(value: object) -> None:
    """``value`` is JSON: it dumps without NaN or infinities and loads back equal."""
    text = json.dumps(value, allow_nan=False, ensure_ascii=False)
    assert json.loads(text) == value


def articles_or_input_errors() -> st.SearchStrategy[Article | None]:
    """Parsed articles; ``None`` where the parser refused the input with an InputError."""

    def build(data: bytes) -> Article | None:
        try:
            return parsed(data)
        except InputError:
            return None

    return st.binary(max_size=300).map(build)


@REAL_HTML
class TestParsedArticles:
    @pytest.mark.fuzz
    @given(articles_or_input_errors())
    def test_every_format_is_strict_json(self, article):
        """The JSON dict, ninjs item and JSON-LD node of any parsed article are strict JSON."""
        if article is None:
            return
        strict_json(to_dict(article))
        ninjs = to_ninjs(article)
        strict_json(ninjs)
        assert ninjs["uri"]
        strict_json(to_ninjs(article, naive_timezone=timezone.utc))
        node = to_jsonld(article)
        strict_json(node)
        assert node["@type"] == "NewsArticle"


class TestWrongTypes:
    @pytest.mark.parametrize("export", [to_ninjs, to_jsonld])
    @given(
        st.one_of(
            st.none(), st.text(max_size=5), st.integers(), st.dictionaries(st.text(max_size=3), st.none())
        )
    )
    def test_non_articles_are_refused(self, export, value):
        """Exporting anything but an Article raises SerializationError naming the type."""
        with pytest.raises(SerializationError, match=type(value).__name__):
            export(value)
