"""Page metadata from markup: JSON-LD, OpenGraph, meta names, microdata, ``<time>``, links.

Placeholder interface until the metadata extractors land: :func:`extract_metadata` returns an
empty :class:`PageMetadata`.
"""

from __future__ import annotations

from datetime import datetime

import attrs
import lxml.html

from newsmodel.model import Author, Image, Provenance

__all__ = ["PageMetadata", "extract_metadata"]


@attrs.define
class PageMetadata:
    """Everything the markup says about the article, each value with its provenance."""

    title: str | None = None
    subtitle: str | None = None
    authors: list[Author] = attrs.Factory(list)
    published: datetime | None = None
    modified: datetime | None = None
    language: str | None = None
    canonical_url: str | None = None
    publisher: str | None = None
    section: str | None = None
    tags: list[str] = attrs.Factory(list)
    images: list[Image] = attrs.Factory(list)
    provenance: list[Provenance] = attrs.Factory(list)


def extract_metadata(root: lxml.html.HtmlElement, *, url: str | None) -> PageMetadata:
    """Read the page's metadata from its parsed tree; ``url`` resolves relative links."""
    del root, url
    return PageMetadata()
