"""The parse functions: the front door of the library."""

from __future__ import annotations

from typing import Any

from newsmodel.exceptions import InputTypeError, LimitExceededError
from newsmodel.html import extract_html
from newsmodel.model import Article
from newsmodel.pipeline import annotate
from newsmodel.policy import DEFAULT, ParsePolicy
from newsmodel.text import layout_text


def _policy(policy: ParsePolicy | None, options: dict[str, Any]) -> ParsePolicy:
    base = DEFAULT if policy is None else policy
    if not isinstance(base, ParsePolicy):
        raise InputTypeError(f"policy: expected ParsePolicy, got {type(base).__name__}")
    return base.clone(**options) if options else base


def _check_size(size: int, policy: ParsePolicy, unit: str) -> None:
    if size > policy.max_input_bytes:
        raise LimitExceededError(
            f"input of {size:,} {unit} exceeds max_input_bytes={policy.max_input_bytes:,}",
            limit="max_input_bytes",
            value=size,
        )


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
    data = bytes(html) if isinstance(html, (bytearray, memoryview)) else html
    _check_size(len(data), chosen, "bytes" if isinstance(data, bytes) else "characters")
    return annotate(extract_html(data, url, chosen), chosen)
