"""Turning attribute values, JSON strings and element text into clean one-line strings."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin, urlsplit

import lxml.html

__all__ = ["absolute_url", "clean", "element_text", "host_words"]

MAX_TEXT = 2_000
"""Longest metadata string kept; longer values are not metadata (a body pasted into a tag)."""

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufeff\u200b]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_TAG = re.compile(r"<[A-Za-z/!][^<>]{0,200}>")


def clean(value: object, *, limit: int = MAX_TEXT) -> str | None:
    """``value`` as one line of text (entities decoded, stray tags and controls removed), or ``None``.

    Anything but a non-empty ``str`` gives ``None``, as does text longer than ``limit``.
    """
    if not isinstance(value, str) or not value:
        return None
    if len(value) > 4 * limit:
        return None
    text = value
    if "&" in text and _ENTITY.search(text):  # double-escaped markup: "&amp;#8217;"
        text = html.unescape(text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    text = _CONTROL.sub("", text)
    text = " ".join(text.split())
    if not text or len(text) > limit:
        return None
    return text


def element_text(element: lxml.html.HtmlElement, *, limit: int = MAX_TEXT) -> str | None:
    """The visible text of an element as one clean line, or ``None``."""
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        parts.append(piece)
        size += len(piece)
        if size > 4 * limit:
            return None
    return clean(" ".join(parts), limit=limit)


def absolute_url(value: object, base: str | None) -> str | None:
    """``value`` as an absolute http(s) URL, resolved against ``base``; ``None`` if it cannot be."""
    text = clean(value)
    if text is None:
        return None
    text = text.replace(" ", "%20")
    try:  # urllib's only signal for a malformed address (e.g. an unclosed "[" host)
        if base is not None:
            text = urljoin(base, text)
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


def host_words(url: str | None) -> list[str]:
    """The distinctive words of a URL's host: ``https://www.example-news.co.uk/x`` → ``["example-news"]``."""
    if not url:
        return []
    try:  # urllib's only signal for a malformed address
        host = urlsplit(url).netloc.lower().split("@")[-1].split(":")[0]
    except ValueError:
        return []
    labels = [label for label in host.split(".") if label]
    if len(labels) <= 1:
        return labels
    labels = labels[:-1]  # the top-level domain
    if len(labels) > 1 and labels[-1] in ("co", "com", "org", "net", "ac", "gov", "or", "ne"):
        labels = labels[:-1]  # second-level registries: .co.uk, .com.au
    return [label for label in labels if label not in ("www", "m", "amp", "mobile", "web", "news")]
