"""Every error newsmodel raises on purpose.

All of them derive from :class:`NewsmodelError`, and each also derives from the built-in
exception a caller would expect (``ValueError`` or ``TypeError``), so ``except ValueError``
keeps working::

    NewsmodelError
    ├── ModelError (ValueError)              an object that breaks the model's invariants
    │   └── ModelTypeError (TypeError)       a field given a value of the wrong type
    ├── InputError (ValueError)              input a parser cannot read
    │   ├── InputTypeError (TypeError)       an argument of the wrong type (e.g. a list)
    │   ├── DecodeError                      bytes that no candidate encoding decodes
    │   └── LimitExceededError               input over a configured limit (size, depth, ...)
    └── SerializationError (ValueError)      JSON that does not describe a valid article
        └── SchemaVersionError               JSON written for a schema version we do not read

Errors that concern a place in a document carry it: :class:`SerializationError` has
``path`` (a JSON path such as ``$.quotes[3].start``), :class:`InputError` has ``where``
(a human-readable location, e.g. ``"byte 1042"`` or ``"element depth 5001"``).
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "DecodeError",
    "InputError",
    "InputTypeError",
    "LimitExceededError",
    "ModelError",
    "ModelTypeError",
    "NewsmodelError",
    "SchemaVersionError",
    "SerializationError",
]


class NewsmodelError(Exception):
    """Root of every error newsmodel raises deliberately."""


class ModelError(NewsmodelError, ValueError):
    """A model object was built with values that break its invariants.

    The message names the class and field, e.g. ``Quote.span: end 90 exceeds text length 80``.
    """


class ModelTypeError(ModelError, TypeError):
    """A model field was given a value of the wrong type."""


class InputError(NewsmodelError, ValueError):
    """A parser was given input it cannot turn into an article.

    ``where`` says where in the input the problem is, when that is known.
    """

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{message} (at {where})" if where else message)

    def __reduce__(self) -> tuple[Any, ...]:  # pickle (e.g. from a worker process) by keywords
        return (_rebuild, (type(self), self.message, {"where": self.where}), self.__dict__)


class InputTypeError(InputError, TypeError):
    """A parse function was given an argument of the wrong type."""


class DecodeError(InputError):
    """Bytes that cannot be decoded with any candidate encoding."""


class LimitExceededError(InputError):
    """Input beyond a limit of the :class:`~newsmodel.ParsePolicy` (size, tree depth, ...).

    ``limit`` names the policy field, ``value`` is what the input reached.
    """

    def __init__(self, message: str, *, limit: str, value: int, where: str | None = None) -> None:
        self.limit = limit
        self.value = value
        super().__init__(message, where=where)

    def __reduce__(self) -> tuple[Any, ...]:
        keywords = {"limit": self.limit, "value": self.value, "where": self.where}
        return (_rebuild, (type(self), self.message, keywords), self.__dict__)


class SerializationError(NewsmodelError, ValueError):
    """Serialized data (JSON or a dict) that does not describe a valid article.

    ``path`` is the JSON path of the offending value, e.g. ``$.entities[2].mentions[0].text``.
    """

    def __init__(self, message: str, *, path: str = "$") -> None:
        self.message = message
        self.path = path
        super().__init__(f"{path}: {message}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.message, {"path": self.path}), self.__dict__)


class SchemaVersionError(SerializationError):
    """JSON written for a schema version this release cannot read."""


def _rebuild(cls: type[NewsmodelError], message: str, keywords: dict[str, Any]) -> NewsmodelError:
    """Re-create an error from its message and keyword arguments (the pickle path)."""
    return cls(message, **keywords)
