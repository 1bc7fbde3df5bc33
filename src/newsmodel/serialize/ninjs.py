"""Articles as IPTC ninjs 3.1 (News in JSON) news items.

ninjs is the IPTC's JSON format for exchanging news between agencies, publishers and their
systems (https://iptc.org/standards/ninjs/). :func:`to_ninjs` maps an :class:`~newsmodel.Article`
onto it:

========================  =================================================================
ninjs property            from the article
========================  =================================================================
``uri``                   ``canonical_url``, else ``url``, else a content hash (RFC 6920
                          ``ni:///sha-256;...`` of the article's JSON)
``type``                  ``"composite"`` when it has images, else ``"text"``
``headlines``             ``title`` (role ``main``)
``descriptions``          ``subtitle`` (role ``summary``)
``bodies``                ``text`` as ``text/plain`` with character and word counts, and its
                          paragraphs as ``application/xhtml+xml``
``by``                    the names of the credited authors (agencies when no person is)
``infoSources``           every credit with its role, the dateline's agency, the publisher
``located``               the dateline's place
``firstCreated``          ``published``
``versionCreated``        ``modified``, else ``published``
``language``              ``language``
``people`` ...            person, organisation, location and event entities as ``people``,
                          ``organisations``, ``places`` and ``events`` (``rel: "mentions"``)
``subjects``              ``tags``
``associations``          each image as a ``picture`` item: its URL as a rendition, caption
                          and alt text as descriptions, credit as ``by``
========================  =================================================================

ninjs dates must carry a time zone; naive datetimes are written only when ``naive_timezone``
says which zone they are in. Values ninjs has no place for (quotes, section, offsets, other
entity kinds, defects) are not exported: use :func:`newsmodel.to_json` for a lossless copy.
"""

from __future__ import annotations

import hashlib
from base64 import urlsafe_b64encode
from datetime import datetime, tzinfo
from html import escape
from typing import Any

from newsmodel.exceptions import SerializationError
from newsmodel.model import Article, AuthorRole, EntityKind, Image
from newsmodel.serialize._uri import absolute_uri, word_count
from newsmodel.serialize.article_json import to_json

__all__ = ["NINJS_SCHEMA", "NINJS_VERSION", "to_ninjs"]

NINJS_VERSION = "3.1"
"""The version of ninjs :func:`to_ninjs` writes."""
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
"""The ``$id`` of the official JSON Schema that output of :func:`to_ninjs` validates against."""

_ENTITY_LISTS = {
    EntityKind.PERSON: "people",
    EntityKind.ORGANIZATION: "organisations",
    EntityKind.LOCATION: "places",
    EntityKind.EVENT: "events",
}
# Characters XML 1.0 does not allow, replaced by U+FFFD in the XHTML body.
_NOT_XML = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF], "\ufffd")


def to_ninjs(
    article: Article, *, uri: str | None = None, naive_timezone: tzinfo | None = None
) -> dict[str, Any]:
    """The ninjs 3.1 news item for ``article``, as a JSON-ready dict.

    ``uri`` overrides the item's identifier (it must be an absolute URI). ``naive_timezone``
    is the zone to assume for datetimes without one; when it is ``None`` they are left out,
    since ninjs requires a zone. See the module documentation for the mapping.
    """
    if not isinstance(article, Article):
        raise SerializationError(f"expected an Article, got {type(article).__name__}")
    item_uri = _item_uri(article, uri)
    item: dict[str, Any] = {
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "uri": item_uri,
        "type": "composite" if article.images else "text",
        "representationType": "full",
    }
    if article.language is not None:
        item["language"] = article.language
    first = _moment(article.published, naive_timezone)
    latest = _moment(article.modified, naive_timezone) or first
    if first is not None:
        item["firstCreated"] = first
    if latest is not None:
        item["versionCreated"] = latest
    if article.title is not None:
        item["headlines"] = [{"role": "main", "contentType": "text/plain", "value": article.title}]
    if article.subtitle is not None:
        item["descriptions"] = [{"role": "summary", "contentType": "text/plain", "value": article.subtitle}]
    item["bodies"] = _bodies(article)
    by = _by(article)
    if by:
        item["by"] = by
    sources = _info_sources(article)
    if sources:
        item["infoSources"] = sources
    if article.dateline is not None and article.dateline.place is not None:
        item["located"] = article.dateline.place
    for kind, key in _ENTITY_LISTS.items():
        found = [{"name": e.name, "rel": "mentions"} for e in article.entities if e.kind is kind]
        if found:
            item[key] = found
    if article.tags:
        item["subjects"] = [{"name": tag} for tag in article.tags]
    if article.images:
        base = article.canonical_url or article.url
        item["associations"] = [
            _picture(image, number, item_uri, base) for number, image in enumerate(article.images, 1)
        ]
    return item


def _item_uri(article: Article, uri: str | None) -> str:
    if uri is not None:
        checked = absolute_uri(uri) if isinstance(uri, str) else None
        if checked is None:
            raise SerializationError(f"uri: {uri!r} is not an absolute URI")
        return checked
    for candidate in (article.canonical_url, article.url):
        found = absolute_uri(candidate)
        if found is not None:
            return found
    digest = hashlib.sha256(to_json(article).encode("utf-8")).digest()
    return "ni:///sha-256;" + urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def _moment(value: datetime | None, naive_timezone: tzinfo | None) -> str | None:
    if value is None:
        return None
    if value.utcoffset() is None:
        if naive_timezone is None:
            return None
        value = value.replace(tzinfo=naive_timezone)
    return value.isoformat()


def _bodies(article: Article) -> list[dict[str, Any]]:
    text = article.text
    bodies: list[dict[str, Any]] = [
        {
            "role": "main",
            "contentType": "text/plain",
            "charCount": len(text),
            "wordCount": word_count(text),
            "value": text,
        }
    ]
    if article.paragraphs:
        markup = "".join(
            f"<p>{escape(span.of(text).translate(_NOT_XML), quote=False)}</p>" for span in article.paragraphs
        )
        bodies.append({"role": "richtext", "contentType": "application/xhtml+xml", "value": markup})
    return bodies


def _by(article: Article) -> str:
    people = [a.name for a in article.authors if a.role is AuthorRole.AUTHOR]
    names = people or [a.name for a in article.authors if a.role is AuthorRole.AGENCY]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _info_sources(article: Article) -> list[dict[str, Any]]:
    sources: list[dict[str, Any]] = []
    for author in article.authors:
        source: dict[str, Any] = {"name": author.name, "role": author.role.value}
        profile = absolute_uri(author.url)
        if profile is not None:
            source["uri"] = profile
        sources.append(source)
    named = {s["name"] for s in sources}
    dateline = article.dateline
    if dateline is not None and dateline.agency is not None and dateline.agency not in named:
        sources.append({"name": dateline.agency, "role": AuthorRole.AGENCY.value})
    if article.publisher is not None:
        sources.append({"name": article.publisher, "role": "publisher"})
    return sources


def _picture(image: Image, number: int, item_uri: str, base: str | None) -> dict[str, Any]:
    href = absolute_uri(image.url, base)
    picture: dict[str, Any] = {
        "name": f"image{number}",
        "uri": href or f"{item_uri.partition('#')[0]}#image{number}",
        "type": "picture",
    }
    descriptions = []
    if image.caption is not None:
        descriptions.append({"role": "caption", "contentType": "text/plain", "value": image.caption})
    if image.alt is not None:
        descriptions.append({"role": "alt", "contentType": "text/plain", "value": image.alt})
    if descriptions:
        picture["descriptions"] = descriptions
    if image.credit is not None:
        picture["by"] = image.credit
    if href is not None:
        picture["renditions"] = [{"name": "original", "href": href}]
    return picture
