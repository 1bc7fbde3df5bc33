"""Validators and converters shared by the model classes.

They raise :class:`~newsmodel.ModelError` / :class:`~newsmodel.ModelTypeError` (never a bare
``TypeError`` or ``ValueError``) with messages of the form ``Class.field: what is wrong``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, NoReturn

import attrs

from newsmodel.exceptions import ModelError, ModelTypeError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_SURROGATE = re.compile("[\ud800-\udfff]")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:\-]{0,127}")


def fail(instance: object, attribute: attrs.Attribute[Any], message: str) -> NoReturn:
    """Raise a :class:`ModelError` naming the class and field."""
    raise ModelError(f"{type(instance).__name__}.{attribute.name}: {message}")


def fail_type(instance: object, attribute: attrs.Attribute[Any], expected: str, value: object) -> NoReturn:
    """Raise a :class:`ModelTypeError` naming the class, field and offending type."""
    raise ModelTypeError(
        f"{type(instance).__name__}.{attribute.name}: expected {expected}, got {type(value).__name__}"
    )


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Turn a list (or any non-string iterable) into a tuple; leave anything else for the validator."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, (str, bytes, bytearray)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # rejected by the field's validator
    return tuple(value)


def _type_name(types: tuple[type, ...]) -> str:
    return " or ".join(t.__name__ for t in types)


def instance_of(*types: type) -> Validator:
    """Validator: the value is an instance of one of ``types`` (``bool`` never counts as ``int``)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            fail_type(instance, attribute, _type_name(types), value)

    return check


def optional(validator: Validator) -> Validator:
    """Validator: ``None`` or whatever ``validator`` accepts."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(instance, attribute, value)

    return check


def tuple_of(*types: type) -> Validator:
    """Validator: a tuple whose every item is an instance of one of ``types``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            fail_type(instance, attribute, f"a sequence of {_type_name(types)}", value)
        for i, item in enumerate(value):
            if not isinstance(item, types):
                raise ModelTypeError(
                    f"{type(instance).__name__}.{attribute.name}[{i}]: expected "
                    f"{_type_name(types)}, got {type(item).__name__}"
                )

    return check


def text_value(*, empty: bool = True) -> Validator:
    """Validator: a ``str`` of Unicode scalar values (no lone surrogates), non-empty unless allowed."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            fail_type(instance, attribute, "str", value)
        if not empty and not value:
            fail(instance, attribute, "must not be empty")
        found = _SURROGATE.search(value)
        if found:
            fail(instance, attribute, f"lone surrogate U+{ord(found.group()):04X} at offset {found.start()}")

    return check


def strings(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: a tuple of non-empty strings."""
    _tuple_of_str(instance, attribute, value)
    assert isinstance(value, tuple)  # noqa: S101  # checked above; narrows the type
    for i, item in enumerate(value):
        if not item or _SURROGATE.search(item):
            fail(instance, attribute, f"item {i} must be a non-empty string of Unicode scalar values")


_tuple_of_str = tuple_of(str)


def identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: an id of 1-128 characters from ``[A-Za-z0-9_.:-]``, starting alphanumeric."""
    if not isinstance(value, str):
        fail_type(instance, attribute, "str", value)
    if not _ID.fullmatch(value):
        fail(instance, attribute, f"{value!r} is not a valid id (1-128 of A-Z a-z 0-9 _ . : -)")


def confidence(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: a finite float in [0, 1]."""
    if not isinstance(value, (float, int)) or isinstance(value, bool):
        fail_type(instance, attribute, "float", value)
    if not (math.isfinite(value) and 0.0 <= value <= 1.0):
        fail(instance, attribute, f"{value!r} is not between 0 and 1")


def to_float(value: float) -> float:
    """Store confidences as ``float`` so ``1`` and ``1.0`` compare, hash and serialize alike."""
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def moment(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: ``None`` or a :class:`datetime.datetime`."""
    if value is not None and not isinstance(value, datetime):
        fail_type(instance, attribute, "datetime or None", value)
