"""Serializers: the lossless JSON format (and, later, exchange formats)."""

from newsmodel.serialize.article_json import (
    SCHEMA_VERSION,
    from_dict,
    from_json,
    json_schema,
    to_dict,
    to_json,
)

__all__ = ["SCHEMA_VERSION", "from_dict", "from_json", "json_schema", "to_dict", "to_json"]
