"""Fuzzing from_json and from_dict: anything loads as a valid article or fails with a path."""

import copy
import json
import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import Article, SerializationError, from_dict, from_json, parse_text, to_dict, to_json

from .hostile import Dice, check_article, json_value, mutated, news_text

PATH_PART = re.compile(r"\.([A-Za-z_]+)|\[(\d+)\]")


def parsed_documents() -> st.SearchStrategy[dict]:
    """The dicts of articles parsed from article-like text (entities, quotes, spans and all)."""
    return st.binary(max_size=120).map(lambda data: to_dict(parse_text(news_text(Dice(data)))))


def load_or_error(load, value, *, document=None) -> Article | None:
    """The loaded article, checked; or ``None`` after a SerializationError whose path is well formed.

    When ``document`` (the value as a dict) is given, the error's path must lead to a value in it.
    """
    try:
        article = load(value)
    except SerializationError as exc:
        error = exc
    else:
        check_article(article, parsed=False)
        return article
    assert error.path.startswith("$")
    assert PATH_PART.sub("", error.path[1:]) == "", f"malformed path {error.path!r}"
    assert str(error).startswith(error.path)
    if document is not None:
        try:
            resolve(document, error.path)
        except (KeyError, IndexError, TypeError):
            pytest.fail(f"the error's path {error.path} leads nowhere: {error}")
    return None


def resolve(document, path: str):
    """The value at ``path`` (as SerializationError.path writes it) in ``document``."""
    value = document
    for key, index in PATH_PART.findall(path[1:]):
        value = value[key] if key else value[int(index)]
    return value


def locations(value, prefix=()):
    """Every (path-tuple) inside a JSON value, depth first."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from locations(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from locations(item, (*prefix, i))


def replaced(document, where, new):
    document = copy.deepcopy(document)
    if not where:
        return new
    target = document
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = new
    return document


class TestRandomInput:
    @pytest.mark.fuzz
    @given(st.binary(max_size=400))
    def test_random_bytes(self, raw):
        """Any bytes load as an article or raise SerializationError."""
        load_or_error(from_json, raw)

    @given(st.text(max_size=400))
    def test_random_text(self, text):
        """Any str, lone surrogates included, loads or raises SerializationError."""
        load_or_error(from_json, text)

    @given(st.binary(max_size=200))
    def test_random_json_values(self, data):
        """Any JSON value, as text or as a dict, loads or raises SerializationError."""
        value = json_value(Dice(data))
        load_or_error(from_json, json.dumps(value), document=value)
        load_or_error(from_dict, value, document=value)


class TestMutatedDocuments:
    @pytest.mark.fuzz
    @given(parsed_documents(), st.data())
    def test_one_value_replaced(self, document, data):
        """Replacing any value of a parsed article's dict loads or fails naming a place in the document."""
        where = data.draw(st.sampled_from(list(locations(document))))
        new = json_value(Dice(data.draw(st.binary(max_size=40))))
        broken = replaced(document, where, new)
        load_or_error(from_dict, broken, document=broken)

    @given(parsed_documents(), st.data())
    def test_a_key_removed_or_added(self, document, data):
        """Removing or adding a key anywhere gives an error naming the object, never anything else."""
        objects = [w for w in locations(document) if isinstance(resolve_tuple(document, w), dict)]
        where = data.draw(st.sampled_from(objects))
        broken = copy.deepcopy(document)
        target = resolve_tuple(broken, where)
        if target and data.draw(st.booleans()):
            del target[data.draw(st.sampled_from(sorted(target)))]
        else:
            target[data.draw(st.sampled_from(["extra", "id", "span", "text", "@type", ""]))] = None
        load_or_error(from_dict, broken, document=broken)

    @pytest.mark.fuzz
    @given(parsed_documents(), st.data())
    def test_mutated_json_text(self, document, data):
        """Random edits to the JSON text of a parsed article load or raise SerializationError."""
        text = json.dumps(document, ensure_ascii=data.draw(st.booleans()))
        edits = ["{", "}", "[", "]", ",", ":", '"', "\\", "\\u", "\\ud800", "1e999", "-0", "null", "9" * 5000]
        load_or_error(from_json, data.draw(mutated(text, insertions=edits)))

    @given(parsed_documents(), st.sampled_from(["utf-8", "utf-16", "utf-32", "utf-16-be", "utf-8-sig"]))
    def test_unicode_encodings_of_valid_json(self, document, encoding):
        """Valid JSON in any Unicode encoding loads to the same article or fails cleanly."""
        article = from_dict(document)
        raw = to_json(article).encode(encoding)
        loaded = load_or_error(from_json, raw)
        if loaded is not None:
            assert loaded == article

    @given(parsed_documents(), st.data())
    def test_python_values_that_are_not_json(self, document, data):
        """Python values JSON cannot hold (tuples, sets, bytes, NaN) raise SerializationError."""
        where = data.draw(st.sampled_from(list(locations(document))[1:] or [()]))
        odd = data.draw(
            st.sampled_from(
                [(1, 2), {1, 2}, b"text", math.nan, math.inf, -math.inf, object(), 1 + 2j, range(3), {1: 2}]
            )
        )
        broken = replaced(document, where, odd)
        load_or_error(from_dict, broken, document=broken)


def resolve_tuple(document, where):
    value = document
    for key in where:
        value = value[key]
    return value


class TestRoundTrip:
    @given(parsed_documents())
    def test_parsed_articles_round_trip(self, document):
        """A parsed article's dict loads to an article whose dict and JSON are unchanged."""
        article = from_dict(document)
        assert to_dict(article) == document
        assert from_json(to_json(article)) == article
