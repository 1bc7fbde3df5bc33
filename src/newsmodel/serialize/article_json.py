"""Articles to JSON and back, losslessly.

The format mirrors the model: every field of :class:`~newsmodel.Article` appears under its own
name, spans as ``{"start": ..., "end": ...}``, enums by value, datetimes in ISO 8601, and a
quote's speaker as the ``id`` of an entity listed once under ``entities``. Output is
deterministic: the same article always gives the same bytes. Every document carries
``schema_version`` and validates against :func:`json_schema`.

Loading checks everything and raises :class:`~newsmodel.SerializationError` whose ``path``
names the offending value (``$.quotes[3].attribution.speaker``): wrong types, missing or
unknown fields, duplicate keys, unknown schema versions, dangling ids, spans out of range,
and excerpts that differ from the text they point at.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from datetime import datetime
from enum import Enum
from importlib import resources
from typing import Any, TypeVar

from newsmodel.exceptions import ModelError, SchemaVersionError, SerializationError
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

__all__ = ["SCHEMA_VERSION", "from_dict", "from_json", "json_schema", "to_dict", "to_json"]

SCHEMA_VERSION = 1
"""The version of the JSON format this release writes and reads."""

_T = TypeVar("_T")
_E = TypeVar("_E", bound=Enum)


# --------------------------------------------------------------------------------------------
# Writing


def _span(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end}


def _optional_span(span: Span | None) -> dict[str, int] | None:
    return None if span is None else _span(span)


def _excerpt(item: Excerpt | None) -> dict[str, Any] | None:
    return None if item is None else {"span": _span(item.span), "text": item.text}


def _mention(item: Mention | None) -> dict[str, Any] | None:
    if item is None:
        return None
    return {"span": _span(item.span), "text": item.text, "form": item.form.value}


def _moment(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind.value,
        "aliases": list(entity.aliases),
        "roles": [_excerpt(r) for r in entity.roles],
        "mentions": [_mention(m) for m in entity.mentions],
    }


def _attribution(item: Attribution | None) -> dict[str, Any] | None:
    if item is None:
        return None
    return {
        "speaker": None if item.speaker is None else item.speaker.id,
        "mention": _mention(item.mention),
        "cue": _excerpt(item.cue),
        "confidence": item.confidence,
        "rule": item.rule,
    }


def _quote(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.id,
        "span": _span(quote.span),
        "text": quote.text,
        "kind": quote.kind.value,
        "confidence": quote.confidence,
        "attribution": _attribution(quote.attribution),
    }


def to_dict(article: Article) -> dict[str, Any]:
    """The JSON-ready dict for ``article`` (plain dicts, lists, strings, numbers, ``None``)."""
    if not isinstance(article, Article):
        raise SerializationError(f"expected an Article, got {type(article).__name__}")
    dateline = article.dateline
    return {
        "schema_version": SCHEMA_VERSION,
        "title": article.title,
        "subtitle": article.subtitle,
        "authors": [
            {"name": a.name, "role": a.role.value, "affiliation": a.affiliation, "url": a.url}
            for a in article.authors
        ],
        "published": _moment(article.published),
        "modified": _moment(article.modified),
        "dateline": None
        if dateline is None
        else {
            "text": dateline.text,
            "place": dateline.place,
            "agency": dateline.agency,
            "span": _optional_span(dateline.span),
        },
        "language": article.language,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "publisher": article.publisher,
        "section": article.section,
        "tags": list(article.tags),
        "images": [
            {"url": i.url, "caption": i.caption, "credit": i.credit, "alt": i.alt} for i in article.images
        ],
        "encoding": article.encoding,
        "text": article.text,
        "paragraphs": [_span(s) for s in article.paragraphs],
        "sentences": [_span(s) for s in article.sentences],
        "entities": [_entity(e) for e in article.entities],
        "quotes": [_quote(q) for q in article.quotes],
        "provenance": [{"field": p.field, "source": p.source} for p in article.provenance],
        "defects": [
            {"code": d.code, "message": d.message, "span": _optional_span(d.span)} for d in article.defects
        ],
    }


def to_json(article: Article, *, indent: int | None = None) -> str:
    """Serialize ``article`` to a JSON string (deterministic; non-ASCII kept as is)."""
    return json.dumps(to_dict(article), ensure_ascii=False, indent=indent, allow_nan=False)


# --------------------------------------------------------------------------------------------
# Reading


class _Reader:
    """Reads one article dict, tracking the JSON path of every value it looks at."""

    def __init__(self) -> None:
        self.text = ""
        self.entities: dict[str, Entity] = {}

    # -- primitives ------------------------------------------------------------------------

    @staticmethod
    def object(
        value: Any, path: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise SerializationError(f"expected an object, got {_json_type(value)}", path=path)
        for key in required:
            if key not in value:
                raise SerializationError(f"missing field {key!r}", path=path)
        for key in value:
            if key not in required and key not in optional:
                raise SerializationError(f"unknown field {key!r}", path=path)
        return value

    @staticmethod
    def array(value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            raise SerializationError(f"expected an array, got {_json_type(value)}", path=path)
        return value

    @staticmethod
    def string(value: Any, path: str, *, nullable: bool = False) -> Any:  # str, or None if nullable
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            expected = "a string or null" if nullable else "a string"
            raise SerializationError(f"expected {expected}, got {_json_type(value)}", path=path)
        return value

    @staticmethod
    def integer(value: Any, path: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise SerializationError(f"expected an integer, got {_json_type(value)}", path=path)
        return value

    @staticmethod
    def number(value: Any, path: str) -> float:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise SerializationError(f"expected a finite number, got {_json_type(value)}", path=path)
        try:
            number = float(value)
        except OverflowError:  # an integer beyond the float range
            raise SerializationError(
                "expected a finite number, got an integer too large", path=path
            ) from None
        if not math.isfinite(number):
            raise SerializationError(f"expected a finite number, got {number}", path=path)
        return number

    @staticmethod
    def enum(kind: type[_E], value: Any, path: str) -> _E:
        allowed = [member.value for member in kind]
        if value not in allowed:
            raise SerializationError(f"expected one of {allowed}, got {value!r}", path=path)
        return kind(value)

    @staticmethod
    def build(path: str, factory: Callable[..., _T], **fields: Any) -> _T:
        try:
            return factory(**fields)
        except ModelError as exc:
            message = str(exc)
            if path == "$" and message.startswith("Article."):  # "Article.quotes[2].span: ..."
                where, _, message = message[len("Article.") :].partition(": ")
                path = f"$.{where}"
            raise SerializationError(message, path=path) from None

    def moment(self, value: Any, path: str) -> datetime | None:
        text = self.string(value, path, nullable=True)
        if text is None:
            return None
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            raise SerializationError(f"{text!r} is not an ISO 8601 datetime", path=path) from None

    def strings(self, value: Any, path: str) -> list[str]:
        return [self.string(item, f"{path}[{i}]") for i, item in enumerate(self.array(value, path))]

    # -- spans and excerpts ------------------------------------------------------------------

    def span(self, value: Any, path: str) -> Span:
        obj = self.object(value, path, ("start", "end"))
        start = self.integer(obj["start"], f"{path}.start")
        end = self.integer(obj["end"], f"{path}.end")
        if not 0 <= start <= end:
            raise SerializationError(f"start {start} and end {end} do not form a span", path=path)
        if end > len(self.text):
            raise SerializationError(f"end {end} lies beyond the text (length {len(self.text)})", path=path)
        return Span(start=start, end=end)

    def optional_span(self, value: Any, path: str) -> Span | None:
        return None if value is None else self.span(value, path)

    def spans(self, value: Any, path: str) -> list[Span]:
        return [self.span(item, f"{path}[{i}]") for i, item in enumerate(self.array(value, path))]

    def matching_text(self, value: Any, span: Span, path: str) -> str:
        text: str = self.string(value, path)
        if text != span.of(self.text):
            raise SerializationError(
                f"{text!r} differs from the text at {span.start}-{span.end}, {span.of(self.text)!r}",
                path=path,
            )
        return text

    def excerpt(self, value: Any, path: str) -> Excerpt | None:
        if value is None:
            return None
        obj = self.object(value, path, ("span", "text"))
        span = self.span(obj["span"], f"{path}.span")
        return self.build(
            path, Excerpt, span=span, text=self.matching_text(obj["text"], span, f"{path}.text")
        )

    def mention(self, value: Any, path: str) -> Mention | None:
        if value is None:
            return None
        obj = self.object(value, path, ("span", "text", "form"))
        span = self.span(obj["span"], f"{path}.span")
        return self.build(
            path,
            Mention,
            span=span,
            text=self.matching_text(obj["text"], span, f"{path}.text"),
            form=self.enum(MentionForm, obj["form"], f"{path}.form"),
        )

    # -- composite values ---------------------------------------------------------------------

    def entity(self, value: Any, path: str) -> Entity:
        obj = self.object(value, path, ("id", "name", "kind", "aliases", "roles", "mentions"))
        roles = [
            self.excerpt(r, f"{path}.roles[{i}]")
            for i, r in enumerate(self.array(obj["roles"], f"{path}.roles"))
        ]
        mentions = [
            self.mention(m, f"{path}.mentions[{i}]")
            for i, m in enumerate(self.array(obj["mentions"], f"{path}.mentions"))
        ]
        entity = self.build(
            path,
            Entity,
            id=self.string(obj["id"], f"{path}.id"),
            name=self.string(obj["name"], f"{path}.name"),
            kind=self.enum(EntityKind, obj["kind"], f"{path}.kind"),
            aliases=self.strings(obj["aliases"], f"{path}.aliases"),
            roles=[r for r in roles if r is not None],
            mentions=mentions,
        )
        if any(r is None for r in roles) or any(m is None for m in mentions):
            raise SerializationError("roles and mentions must not be null", path=path)
        if entity.id in self.entities:
            raise SerializationError(f"duplicate entity id {entity.id!r}", path=f"{path}.id")
        self.entities[entity.id] = entity
        return entity

    def attribution(self, value: Any, path: str) -> Attribution | None:
        if value is None:
            return None
        obj = self.object(value, path, ("speaker", "mention", "cue", "confidence", "rule"))
        speaker_id = self.string(obj["speaker"], f"{path}.speaker", nullable=True)
        speaker = None
        if speaker_id is not None:
            speaker = self.entities.get(speaker_id)
            if speaker is None:
                raise SerializationError(f"no entity has id {speaker_id!r}", path=f"{path}.speaker")
        return self.build(
            path,
            Attribution,
            speaker=speaker,
            mention=self.mention(obj["mention"], f"{path}.mention"),
            cue=self.excerpt(obj["cue"], f"{path}.cue"),
            confidence=self.number(obj["confidence"], f"{path}.confidence"),
            rule=self.string(obj["rule"], f"{path}.rule"),
        )

    def quote(self, value: Any, path: str) -> Quote:
        obj = self.object(value, path, ("id", "span", "text", "kind", "confidence", "attribution"))
        span = self.span(obj["span"], f"{path}.span")
        return self.build(
            path,
            Quote,
            id=self.string(obj["id"], f"{path}.id"),
            span=span,
            text=self.matching_text(obj["text"], span, f"{path}.text"),
            kind=self.enum(QuoteKind, obj["kind"], f"{path}.kind"),
            confidence=self.number(obj["confidence"], f"{path}.confidence"),
            attribution=self.attribution(obj["attribution"], f"{path}.attribution"),
        )

    def author(self, value: Any, path: str) -> Author:
        obj = self.object(value, path, ("name", "role", "affiliation", "url"))
        return self.build(
            path,
            Author,
            name=self.string(obj["name"], f"{path}.name"),
            role=self.enum(AuthorRole, obj["role"], f"{path}.role"),
            affiliation=self.string(obj["affiliation"], f"{path}.affiliation", nullable=True),
            url=self.string(obj["url"], f"{path}.url", nullable=True),
        )

    def image(self, value: Any, path: str) -> Image:
        obj = self.object(value, path, ("url", "caption", "credit", "alt"))
        fields = {
            key: self.string(obj[key], f"{path}.{key}", nullable=True)
            for key in ("url", "caption", "credit", "alt")
        }
        return self.build(path, Image, **fields)

    def dateline(self, value: Any, path: str) -> Dateline | None:
        if value is None:
            return None
        obj = self.object(value, path, ("text", "place", "agency", "span"))
        span = self.optional_span(obj["span"], f"{path}.span")
        text = (
            self.string(obj["text"], f"{path}.text")
            if span is None
            else self.matching_text(obj["text"], span, f"{path}.text")
        )
        return self.build(
            path,
            Dateline,
            text=text,
            place=self.string(obj["place"], f"{path}.place", nullable=True),
            agency=self.string(obj["agency"], f"{path}.agency", nullable=True),
            span=span,
        )

    def defect(self, value: Any, path: str) -> Defect:
        obj = self.object(value, path, ("code", "message", "span"))
        return self.build(
            path,
            Defect,
            code=self.string(obj["code"], f"{path}.code"),
            message=self.string(obj["message"], f"{path}.message"),
            span=self.optional_span(obj["span"], f"{path}.span"),
        )

    def provenance(self, value: Any, path: str) -> Provenance:
        obj = self.object(value, path, ("field", "source"))
        return self.build(
            path,
            Provenance,
            field=self.string(obj["field"], f"{path}.field"),
            source=self.string(obj["source"], f"{path}.source"),
        )

    def items(self, read: Callable[[Any, str], _T], value: Any, path: str) -> list[_T]:
        return [read(item, f"{path}[{i}]") for i, item in enumerate(self.array(value, path))]

    def article(self, value: Any) -> Article:
        if isinstance(value, dict) and "schema_version" in value:
            version = value["schema_version"]
            if version != SCHEMA_VERSION or isinstance(version, bool):
                raise SchemaVersionError(
                    f"schema version {version!r} is not supported (this release reads {SCHEMA_VERSION})",
                    path="$.schema_version",
                )
        obj = self.object(value, "$", _ARTICLE_KEYS)
        self.text = self.string(obj["text"], "$.text")
        return self.build(
            "$",
            Article,
            text=self.text,
            paragraphs=self.spans(obj["paragraphs"], "$.paragraphs"),
            sentences=self.spans(obj["sentences"], "$.sentences"),
            title=self.string(obj["title"], "$.title", nullable=True),
            subtitle=self.string(obj["subtitle"], "$.subtitle", nullable=True),
            authors=self.items(self.author, obj["authors"], "$.authors"),
            published=self.moment(obj["published"], "$.published"),
            modified=self.moment(obj["modified"], "$.modified"),
            dateline=self.dateline(obj["dateline"], "$.dateline"),
            language=self.string(obj["language"], "$.language", nullable=True),
            url=self.string(obj["url"], "$.url", nullable=True),
            canonical_url=self.string(obj["canonical_url"], "$.canonical_url", nullable=True),
            publisher=self.string(obj["publisher"], "$.publisher", nullable=True),
            section=self.string(obj["section"], "$.section", nullable=True),
            tags=self.strings(obj["tags"], "$.tags"),
            images=self.items(self.image, obj["images"], "$.images"),
            entities=self.items(self.entity, obj["entities"], "$.entities"),
            quotes=self.items(self.quote, obj["quotes"], "$.quotes"),
            encoding=self.string(obj["encoding"], "$.encoding", nullable=True),
            provenance=self.items(self.provenance, obj["provenance"], "$.provenance"),
            defects=self.items(self.defect, obj["defects"], "$.defects"),
        )


_ARTICLE_KEYS = (
    "schema_version",
    "title",
    "subtitle",
    "authors",
    "published",
    "modified",
    "dateline",
    "language",
    "url",
    "canonical_url",
    "publisher",
    "section",
    "tags",
    "images",
    "encoding",
    "text",
    "paragraphs",
    "sentences",
    "entities",
    "quotes",
    "provenance",
    "defects",
)


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def from_dict(data: Mapping[str, Any]) -> Article:
    """Build an :class:`Article` from a dict in the JSON format (as :func:`to_dict` makes)."""
    return _Reader().article(dict(data) if isinstance(data, Mapping) else data)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise SerializationError(f"duplicate key {key!r} in a JSON object")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise SerializationError(f"{name} is not valid JSON")


def from_json(data: str | bytes) -> Article:
    """Load an :class:`Article` from JSON text (``str``, or ``bytes`` in UTF-8/16/32).

    Raises :class:`~newsmodel.SerializationError` (with the JSON ``path``) for malformed
    JSON and for JSON that does not describe a valid article.
    """
    if not isinstance(data, (str, bytes, bytearray)):
        raise SerializationError(f"expected JSON text as str or bytes, got {type(data).__name__}")
    try:
        value = json.loads(data, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
    except SerializationError:
        raise
    except RecursionError:
        raise SerializationError("JSON nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise SerializationError(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except (ValueError, UnicodeDecodeError) as exc:  # undecodable bytes, integers too long to read
        raise SerializationError(f"invalid JSON: {exc}") from None
    return _Reader().article(value)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the format, as a fresh dict."""
    text = resources.files("newsmodel.serialize").joinpath("article.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
