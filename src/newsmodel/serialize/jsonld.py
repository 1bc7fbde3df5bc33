"""Articles as schema.org ``NewsArticle`` JSON-LD.

:func:`to_jsonld` gives the structured data a publisher would embed in a page (and search
engines and knowledge-graph tools read):

- ``headline``, ``description`` (subtitle), ``articleBody``, ``wordCount``, ``inLanguage``,
  ``url``, ``mainEntityOfPage`` (canonical URL), ``datePublished``, ``dateModified``,
  ``articleSection``, ``keywords`` (tags);
- ``author`` (credited authors as ``Person`` with ``affiliation``, agencies as
  ``Organization``), ``contributor`` (contributors and photographers), ``editor``,
  ``publisher`` (``Organization``);
- ``dateline`` (as written) and ``locationCreated`` (its place);
- ``image``: ``ImageObject`` with ``contentUrl``, ``caption``, ``creditText`` and the alt text
  as ``description``;
- ``mentions``: the entities (``Person``, ``Organization``, ``Place``, ``Event``,
  ``CreativeWork`` or ``Thing``) with ``alternateName`` for aliases and, for people,
  ``jobTitle`` for the roles the text gives them;
- ``hasPart``: each quotation as a ``Quotation`` with its ``text`` and, when attributed,
  ``spokenByCharacter``: the speaker as ``Person``, or as ``Organization`` for any other kind
  of entity (the only two types schema.org allows there).

Entities and quotations carry blank-node ids (``_:e1``, ``_:q1``), so a quotation's speaker
is the same node as the entity under ``mentions``. Offsets, confidences and defects have no
schema.org equivalent: use :func:`newsmodel.to_json` for a lossless copy.
"""

from __future__ import annotations

from typing import Any

from newsmodel.exceptions import SerializationError
from newsmodel.model import Article, Author, AuthorRole, Entity, EntityKind, Image, Quote
from newsmodel.serialize._uri import word_count

__all__ = ["to_jsonld"]

_ENTITY_TYPES = {
    EntityKind.PERSON: "Person",
    EntityKind.ORGANIZATION: "Organization",
    EntityKind.LOCATION: "Place",
    EntityKind.EVENT: "Event",
    EntityKind.WORK: "CreativeWork",
    EntityKind.NATIONALITY: "Thing",
    EntityKind.OTHER: "Thing",
}
_CREDIT_PROPERTIES = {
    AuthorRole.AUTHOR: "author",
    AuthorRole.AGENCY: "author",
    AuthorRole.CONTRIBUTOR: "contributor",
    AuthorRole.PHOTOGRAPHER: "contributor",
    AuthorRole.EDITOR: "editor",
}


def to_jsonld(article: Article) -> dict[str, Any]:
    """The schema.org ``NewsArticle`` for ``article``, as a JSON-ready JSON-LD dict."""
    if not isinstance(article, Article):
        raise SerializationError(f"expected an Article, got {type(article).__name__}")
    node: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle"}
    _put(node, "headline", article.title)
    _put(node, "description", article.subtitle)
    _put(node, "url", article.url)
    _put(node, "mainEntityOfPage", article.canonical_url)
    _put(node, "inLanguage", article.language)
    _put(node, "datePublished", None if article.published is None else article.published.isoformat())
    _put(node, "dateModified", None if article.modified is None else article.modified.isoformat())
    for author in article.authors:
        node.setdefault(_CREDIT_PROPERTIES[author.role], []).append(_credit(author))
    if article.publisher is not None:
        node["publisher"] = {"@type": "Organization", "name": article.publisher}
    dateline = article.dateline
    if dateline is not None:
        node["dateline"] = dateline.text
        if dateline.place is not None:
            node["locationCreated"] = {"@type": "Place", "name": dateline.place}
    _put(node, "articleSection", article.section)
    if article.tags:
        node["keywords"] = list(article.tags)
    if article.images:
        node["image"] = [_image(image) for image in article.images]
    node["articleBody"] = article.text
    node["wordCount"] = word_count(article.text)
    if article.entities:
        node["mentions"] = [_entity(entity) for entity in article.entities]
    if article.quotes:
        node["hasPart"] = [_quotation(quote) for quote in article.quotes]
    return node


def _put(node: dict[str, Any], key: str, value: object) -> None:
    if value is not None:
        node[key] = value


def _credit(author: Author) -> dict[str, Any]:
    kind = "Organization" if author.role is AuthorRole.AGENCY else "Person"
    node: dict[str, Any] = {"@type": kind, "name": author.name}
    _put(node, "url", author.url)
    if author.affiliation is not None:
        node["affiliation" if kind == "Person" else "parentOrganization"] = {
            "@type": "Organization",
            "name": author.affiliation,
        }
    return node


def _image(image: Image) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "ImageObject"}
    if image.url is not None:
        node["contentUrl"] = image.url
        node["url"] = image.url
    _put(node, "caption", image.caption)
    _put(node, "creditText", image.credit)
    _put(node, "description", image.alt)
    return node


def _entity(entity: Entity) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": _ENTITY_TYPES[entity.kind], "@id": f"_:{entity.id}", "name": entity.name}
    if entity.aliases:
        node["alternateName"] = list(entity.aliases)
    if entity.kind is EntityKind.PERSON and entity.roles:
        node["jobTitle"] = list(dict.fromkeys(role.text for role in entity.roles))
    return node


def _quotation(quote: Quote) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Quotation", "@id": f"_:{quote.id}", "text": quote.text}
    speaker = quote.speaker
    if speaker is not None:
        kind = "Person" if speaker.kind is EntityKind.PERSON else "Organization"
        node["spokenByCharacter"] = {"@type": kind, "@id": f"_:{speaker.id}", "name": speaker.name}
    return node
