"""newsmodel: news articles as typed, trustworthy data.

Parse plain text or HTML into an :class:`Article` with clean body text, metadata, entities,
quotations and their speakers, all with exact character offsets; save it as JSON and load it
back without losing a byte::

    >>> import newsmodel
    >>> article = newsmodel.parse_text("Rain is coming, forecasters say.")
    >>> newsmodel.from_json(newsmodel.to_json(article)) == article
    True
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version

from newsmodel._api import parse_html, parse_text
from newsmodel.exceptions import (
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
from newsmodel.model import (
    Article,
    Attribution,
    Author,
    AuthorRole,
    Dateline,
    Defect,
    Entity,
    EntityKind,
    Excerpt,
    Image,
    Mention,
    MentionForm,
    Provenance,
    Quote,
    QuoteKind,
    Span,
)
from newsmodel.nlp.entities import RuleRecognizer
from newsmodel.nlp.recognizer import Candidate, EntityRecognizer
from newsmodel.nlp.spacy_backend import SpacyRecognizer
from newsmodel.policy import ParsePolicy
from newsmodel.serialize import (
    SCHEMA_VERSION,
    from_dict,
    from_json,
    json_schema,
    to_dict,
    to_json,
    to_jsonld,
    to_ninjs,
)

try:
    __version__ = version("newsmodel")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Attribution",
    "Author",
    "AuthorRole",
    "Candidate",
    "Dateline",
    "DecodeError",
    "Defect",
    "Entity",
    "EntityKind",
    "EntityRecognizer",
    "Excerpt",
    "Image",
    "InputError",
    "InputTypeError",
    "LimitExceededError",
    "Mention",
    "MentionForm",
    "ModelError",
    "ModelTypeError",
    "NewsmodelError",
    "ParsePolicy",
    "Provenance",
    "Quote",
    "QuoteKind",
    "RuleRecognizer",
    "SchemaVersionError",
    "SerializationError",
    "Span",
    "SpacyRecognizer",
    "__version__",
    "from_dict",
    "from_json",
    "json_schema",
    "parse_html",
    "parse_text",
    "to_dict",
    "to_json",
    "to_jsonld",
    "to_ninjs",
]

for _name in __all__:  # show public classes as newsmodel.X in reprs, docs and tracebacks
    _obj = globals()[_name]
    if isinstance(_obj, type):
        _obj.__module__ = __name__
del _name, _obj
