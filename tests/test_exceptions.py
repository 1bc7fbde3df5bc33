"""Tests for the error classes: messages, attributes, and surviving a trip between processes."""

import pickle

import pytest

from newsmodel import (
    DecodeError,
    InputError,
    InputTypeError,
    LimitExceededError,
    ModelError,
    ModelTypeError,
    NewsmodelError,
    SchemaVersionError,
    SerializationError,
)

ERRORS = [
    ModelError("Quote.span: end 90 exceeds text length 80"),
    ModelTypeError("Span.start: expected int, got str"),
    InputError("no body found", where="byte 1042"),
    InputError("no body found"),
    InputTypeError("parse_text() takes str, got bytes"),
    DecodeError("no candidate encoding decodes the input", where="byte 7"),
    LimitExceededError("too deep", limit="max_tree_depth", value=5001, where="element depth 5001"),
    LimitExceededError("too big", limit="max_input_bytes", value=10),
    SerializationError("expected an integer, got a string", path="$.quotes[3].span.start"),
    SchemaVersionError("schema version 2 is not supported", path="$.schema_version"),
]


class TestPickling:
    @pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
    def test_round_trip(self, error):
        """Every error survives pickling (as from a worker process) with its message and attributes."""
        back = pickle.loads(pickle.dumps(error))  # noqa: S301  # our own bytes
        assert type(back) is type(error)
        assert str(back) == str(error)
        assert back.__dict__ == error.__dict__

    def test_limit_fields_survive(self):
        """A LimitExceededError keeps limit, value and where across pickling."""
        error = LimitExceededError("too many", limit="max_elements", value=3, where="element 3")
        back = pickle.loads(pickle.dumps(error))  # noqa: S301  # our own bytes
        assert (back.limit, back.value, back.where) == ("max_elements", 3, "element 3")

    def test_path_is_not_repeated(self):
        """A SerializationError's message carries its path once, also after pickling."""
        back = pickle.loads(pickle.dumps(SerializationError("bad", path="$.text")))  # noqa: S301
        assert str(back) == "$.text: bad"


class TestMessages:
    def test_where_is_appended(self):
        """An InputError with a place says where, after the message."""
        assert str(InputError("no body", where="byte 9")) == "no body (at byte 9)"

    @pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
    def test_hierarchy(self, error):
        """Every error is a NewsmodelError and a ValueError, as documented."""
        assert isinstance(error, NewsmodelError)
        assert isinstance(error, ValueError)
