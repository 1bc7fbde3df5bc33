"""Fuzzing parse_text: any string gives a consistent article or an InputError, never a crash."""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import InputError, InputTypeError, ParsePolicy, parse_text
from newsmodel.policy import STRICT

from .hostile import REAL_LAYOUT, hostile_texts, news_texts, parse_or_input_error

POLICY_FIELDS = frozenset(field.name for field in attrs.fields(ParsePolicy))

policies = st.builds(
    ParsePolicy,
    annotate=st.booleans(),
    strict=st.booleans(),
    explain=st.booleans(),
    language=st.sampled_from([None, "en", "de", "en-GB", "zz"]),
)


@REAL_LAYOUT
class TestAnyString:
    @pytest.mark.fuzz
    @given(st.text())
    def test_any_unicode_string(self, text):
        """Any str, lone surrogates included, parses or raises an InputError."""
        parse_or_input_error(parse_text, text)

    @pytest.mark.fuzz
    @given(hostile_texts())
    def test_hostile_mixtures(self, text):
        """News pieces mixed with control characters, odd line breaks and stray marks parse cleanly."""
        parse_or_input_error(parse_text, text)

    @given(hostile_texts(), policies)
    def test_every_policy(self, text, policy):
        """Every combination of policy switches gives a checked article or an InputError."""
        parse_or_input_error(parse_text, text, policy=policy)

    @given(st.binary(max_size=200).map(lambda b: b.decode("utf-8", "surrogateescape")))
    def test_undecodable_bytes_smuggled_as_surrogates(self, text):
        """Bytes decoded with surrogateescape (lone surrogates in the str) parse or raise an InputError."""
        parse_or_input_error(parse_text, text)


class TestArticleLike:
    @pytest.mark.fuzz
    @given(news_texts())
    def test_news_texts(self, text):
        """Article-like text (headers, chrome, captions, unbalanced quotes) gives a checked article.

        The check includes the JSON round trip.
        """
        article = parse_or_input_error(parse_text, text)
        assert article is not None

    @given(news_texts())
    def test_strict_refuses_only_with_input_errors(self, text):
        """Strict parsing of article-like text gives a checked article or an InputError."""
        parse_or_input_error(parse_text, text, policy=STRICT)

    @given(news_texts(), st.booleans())
    def test_annotation_does_not_change_text(self, text, explain):
        """Annotating (or explaining) never changes the body text or the metadata found."""
        plain = parse_text(text, annotate=False)
        full = parse_text(text, explain=explain)
        assert full.text == plain.text
        assert full.paragraphs == plain.paragraphs
        assert (full.title, full.subtitle, full.authors) == (plain.title, plain.subtitle, plain.authors)


class TestWrongTypes:
    @given(st.one_of(st.binary(), st.integers(), st.none(), st.lists(st.text()), st.floats()))
    def test_non_str_is_an_input_type_error(self, value):
        """Anything but a str is refused with InputTypeError naming the type."""
        with pytest.raises(InputTypeError, match=type(value).__name__):
            parse_text(value)

    @given(st.one_of(st.text(max_size=5), st.integers(), st.dictionaries(st.text(max_size=3), st.none())))
    def test_bad_policy_is_refused(self, value):
        """A policy argument that is not a ParsePolicy is refused with InputTypeError."""
        with pytest.raises(InputTypeError, match="policy"):
            parse_text("Text.", policy=value)

    @given(
        st.sampled_from(["annotate", "strict", "explain", "language", "max_input_bytes", "max_elements"]),
        st.one_of(st.text(max_size=5), st.integers(-3, 3), st.floats(), st.none(), st.lists(st.none())),
    )
    def test_option_values_are_checked(self, name, value):
        """An option value the policy refuses makes parse_text raise an InputError naming the option."""
        try:
            ParsePolicy(**{name: value})
        except (TypeError, ValueError):
            with pytest.raises(InputError, match=name):
                parse_text("Text.", **{name: value})
        else:
            parse_or_input_error(parse_text, "Text.", **{name: value})

    @given(st.text(min_size=1, max_size=12).filter(lambda name: name not in POLICY_FIELDS | {"policy"}))
    def test_unknown_options_are_input_type_errors(self, name):
        """An option that is not a ParsePolicy field is refused with InputTypeError naming it."""
        with pytest.raises(InputTypeError, match="unknown option"):
            parse_text("Text.", **{name: True})
