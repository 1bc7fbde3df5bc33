"""Tests for the JSON format: lossless round trips, schema validity, path-aware errors."""

import contextlib
import copy
import json
from datetime import datetime, timedelta, timezone

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel import (
    Article,
    NewsmodelError,
    SchemaVersionError,
    SerializationError,
    from_dict,
    from_json,
    json_schema,
    to_dict,
    to_json,
)
from newsmodel.testing import articles

from .test_model import sample

VALIDATOR = jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker())


class TestRoundTrip:
    @given(articles())
    def test_lossless(self, article):
        """Loading what was saved gives back an equal article."""
        assert from_json(to_json(article)) == article

    @given(articles())
    def test_bytes_input(self, article):
        """JSON given as UTF-8 bytes loads the same as str."""
        assert from_json(to_json(article).encode("utf-8")) == article

    @given(articles())
    def test_deterministic(self, article):
        """The same article always serializes to the same bytes, also after a round trip."""
        text = to_json(article)
        assert to_json(article) == text
        assert to_json(from_json(text)) == text

    @given(articles())
    def test_valid_against_schema(self, article):
        """Every serialized article validates against the shipped JSON Schema."""
        VALIDATOR.validate(json.loads(to_json(article)))

    def test_tricky_text_survives(self):
        """Emoji, combining marks, RTL, CRLF and NUL come back unchanged."""
        text = "caf\u0065\u0301 \U0001f600 \u05e9\u05dc\u05d5\u05dd\r\nline\x00end"
        article = Article(text=text)
        assert from_json(to_json(article)).text == text

    def test_timezones_survive(self):
        """Aware datetimes keep their UTC offset; naive ones stay naive."""
        aware = datetime(2026, 5, 1, 8, 0, 0, 123, tzinfo=timezone(timedelta(hours=-4, minutes=-30)))
        naive = datetime(2026, 5, 1, 8, 0)
        back = from_json(to_json(Article(text="x", published=aware, modified=naive)))
        assert back.published.utcoffset() == timedelta(hours=-4, minutes=-30)
        assert back.modified.tzinfo is None

    def test_speaker_by_id(self):
        """Quotes refer to speakers by id; each entity is written once."""
        data = to_dict(sample())
        assert data["quotes"][0]["attribution"]["speaker"] == "e1"
        assert [e["id"] for e in data["entities"]] == ["e1"]
        assert data["schema_version"] == newsmodel.SCHEMA_VERSION

    def test_indent(self):
        """indent pretty-prints without changing content."""
        assert json.loads(to_json(sample(), indent=2)) == json.loads(to_json(sample()))

    def test_schema_is_fresh_copy(self):
        """Changing the returned schema does not change the next one."""
        json_schema()["title"] = "changed"
        assert json_schema()["title"] == "newsmodel Article"


def broken(mutate):
    data = to_dict(sample())
    mutate(data)
    return data


class TestErrors:
    @pytest.mark.parametrize(
        ("mutate", "path", "message"),
        [
            (lambda d: d.pop("text"), "$", "missing field 'text'"),
            (lambda d: d.update(extra=1), "$", "unknown field 'extra'"),
            (lambda d: d.update(title=5), "$.title", "expected a string or null, got a number"),
            (lambda d: d["quotes"][0]["span"].update(end=999), "$.quotes[0].span", "beyond the text"),
            (lambda d: d["quotes"][0]["span"].update(start=-1), "$.quotes[0].span", "do not form a span"),
            (lambda d: d["quotes"][0].update(text="nope"), "$.quotes[0].text", "differs from the text"),
            (
                lambda d: d["quotes"][0]["attribution"].update(speaker="e7"),
                "$.quotes[0].attribution.speaker",
                "no entity has id 'e7'",
            ),
            (
                lambda d: d["entities"][0]["mentions"][0]["span"].update(end=True),
                "$.entities[0].mentions[0].span.end",
                "expected an integer, got a boolean",
            ),
            (lambda d: d["entities"][0].update(kind="planet"), "$.entities[0].kind", "expected one of"),
            (lambda d: d["quotes"][0].update(confidence=2.5), "$.quotes[0]", "not between 0 and 1"),
            (lambda d: d.update(published="yesterday"), "$.published", "not an ISO 8601 datetime"),
            (
                lambda d: d["entities"].append(copy.deepcopy(d["entities"][0])),
                "$.entities[1].id",
                "duplicate entity id",
            ),
            (lambda d: d["paragraphs"].append({"start": 0, "end": 3}), "$.paragraphs[1]", "overlaps"),
            (lambda d: d.update(authors={}), "$.authors", "expected an array, got an object"),
            (
                lambda d: d["images"].append({"url": None, "caption": None, "credit": None, "alt": None}),
                "$.images[0]",
                "at least one of",
            ),
        ],
    )
    def test_bad_dicts_name_the_path(self, mutate, path, message):
        """Each kind of bad value raises SerializationError with the JSON path of the value."""
        with pytest.raises(SerializationError, match=message) as info:
            from_dict(broken(mutate))
        assert info.value.path == path

    def test_unknown_version(self):
        """A future schema version is refused with its own error type."""
        with pytest.raises(SchemaVersionError, match="schema version 2"):
            from_dict(broken(lambda d: d.update(schema_version=2)))

    @pytest.mark.parametrize(
        ("raw", "message"),
        [
            ("{", "invalid JSON"),
            ('{"a": NaN}', "NaN is not valid JSON"),
            ('{"a": 1, "a": 2}', "duplicate key 'a'"),
            ("[" * 100_000 + "]" * 100_000, "nested too deeply|invalid JSON"),
            ('{"a": ' + "9" * 10_000 + "}", "invalid JSON"),
            (b"\xff\xfe\x00", "invalid JSON"),
            ("[]", "expected an object, got an array"),
            ("null", "expected an object, got null"),
        ],
    )
    def test_hostile_json(self, raw, message):
        """Malformed and hostile JSON raises SerializationError, never something else."""
        with pytest.raises(SerializationError, match=message):
            from_json(raw)

    def test_not_text(self):
        """from_json refuses objects that are not JSON text."""
        with pytest.raises(SerializationError, match="got dict"):
            from_json({})  # type: ignore[arg-type]

    def test_to_dict_needs_article(self):
        """to_dict of something else is a SerializationError."""
        with pytest.raises(SerializationError):
            to_dict("article")  # type: ignore[arg-type]

    @given(articles(), st.data())
    def test_mutated_json_raises_only_our_errors(self, article, data):
        """Random edits to valid JSON give an equal-or-valid article or a NewsmodelError."""
        text = to_json(article)
        if not text:
            return
        position = data.draw(st.integers(0, len(text) - 1))
        replacement = data.draw(st.sampled_from(["", "0", "-1", '"', "null", "[]", "{}", "9" * 30, "x"]))
        mutated = text[:position] + replacement + text[position + 1 :]
        try:
            loaded = from_json(mutated)
        except NewsmodelError:
            return
        assert isinstance(loaded, Article)

    @given(articles(), st.data())
    def test_mutated_values_raise_only_our_errors(self, article, data):
        """Replacing any one value in the dict by a value of another type never escapes."""
        doc = to_dict(article)
        paths = list(_paths(doc))
        path = data.draw(st.sampled_from(paths))
        value = data.draw(st.sampled_from([None, -5, 10**9, 1.5, "x", [], {}, True, "\u2603"]))
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        with contextlib.suppress(NewsmodelError):
            from_dict(doc)


def _paths(value, prefix=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*prefix, key)
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield (*prefix, i)
            yield from _paths(item, (*prefix, i))
