"""Serializers: the lossless JSON format, and the ninjs and schema.org exchange formats."""

from newsmodel.serialize.article_json import (
    SCHEMA_VERSION,
    from_dict,
    from_json,
    json_schema,
    to_dict,
    to_json,
)
from newsmodel.serialize.jsonld import to_jsonld
from newsmodel.serialize.ninjs import to_ninjs

__all__ = [
    "SCHEMA_VERSION",
    "from_dict",
    "from_json",
    "json_schema",
    "to_dict",
    "to_json",
    "to_jsonld",
    "to_ninjs",
]
