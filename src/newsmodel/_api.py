"""The parse functions: the front door of the library."""

from __future__ import annotations

import re
from typing import Any

import attrs

from newsmodel.exceptions import InputError, InputTypeError, LimitExceededError, ModelError
from newsmodel.html import extract_html
from newsmodel.model import Article
from newsmodel.pipeline import annotate
from newsmodel.policy import DEFAULT, ParsePolicy
from newsmodel.text import layout_text

_SURROGATE = re.compile("[\ud800-\udfff]")


def _policy(policy: ParsePolicy | None, options: dict[str, Any]) -> ParsePolicy:
    base = DEFAULT if policy is None else policy
    if not isinstance(base, ParsePolicy):
        raise InputTypeError(f"policy: expected ParsePolicy, got {type(base).__name__}")
    if not options:
        return base
    fields = [field.name for field in attrs.fields(ParsePolicy)]
    for name in options:
        if name not in fields:
            raise InputTypeError(f"unknown option {name!r}; options are the ParsePolicy fields {fields}")
    try:
        return base.clone(**options)
    except ModelError as exc:  # "ParsePolicy.annotate: expected bool, got str"
        error = InputTypeError if isinstance(exc, TypeError) else InputError
        raise error(f"option {exc}") from None


def _check_size(size: int, policy: ParsePolicy, unit: str) -> None:
    if size > policy.max_input_bytes:
        raise LimitExceededError(
            f"input of {size:,} {unit} exceeds max_input_bytes={policy.max_input_bytes:,}",
            limit="max_input_bytes",
            value=size,
        )


def _clean_url(url: str | None) -> str | None:
    """``url`` without surrounding whitespace; ``None`` if nothing is left."""
    if url is None:
        return None
    found = _SURROGATE.search(url)
    if found:
        raise InputError(
            f"parse_html() url: lone surrogate U+{ord(found.group()):04X}",
            where=f"url offset {found.start()}",
        )
    return url.strip() or None


def parse_text(text: str, *, policy: ParsePolicy | None = None, **options: Any) -> Article:
    """Parse the plain text of a news article into an :class:`Article`.

    ``text`` is an article as a scraper, archive or copy-paste gives it: title, byline,
    captions and site chrome included. Keyword ``options`` are :class:`ParsePolicy` fields
    applied over ``policy`` (default :data:`newsmodel.policy.DEFAULT`).

    Raises :class:`InputError` subclasses for unreadable input; never anything outside
    :class:`NewsmodelError` for a ``str``.
    """
    chosen = _policy(policy, options)
    if not isinstance(text, str):
        raise InputTypeError(f"parse_text() takes str, got {type(text).__name__}; decode bytes first")
    _check_size(len(text), chosen, "characters")
    return annotate(layout_text(text, chosen), chosen)


def parse_html(
    html: str | bytes, *, url: str | None = None, policy: ParsePolicy | None = None, **options: Any
) -> Article:
    """Parse a saved web page (``str`` or raw ``bytes``) into an :class:`Article`.

    Bytes are decoded by BOM, declared charset, UTF-8 validity and then
    :attr:`ParsePolicy.default_encoding`; the encoding used is recorded on the article.
    ``url`` is the page's address, used to resolve relative links. Keyword ``options`` are
    :class:`ParsePolicy` fields.
    """
    chosen = _policy(policy, options)
    if not isinstance(html, (str, bytes, bytearray, memoryview)):
        raise InputTypeError(f"parse_html() takes str or bytes, got {type(html).__name__}")
    if url is not None and not isinstance(url, str):
        raise InputTypeError(f"parse_html() url: expected str or None, got {type(url).__name__}")
    url = _clean_url(url)
    data = bytes(html) if isinstance(html, (bytearray, memoryview)) else html
    _check_size(len(data), chosen, "bytes" if isinstance(data, bytes) else "characters")
    return annotate(extract_html(data, url, chosen), chosen)
