"""One pass over a page's tree, collecting every element that may carry metadata.

:func:`scan` visits each element once and keeps: ``<meta>`` values by key, ``<title>``,
headings, ``<html lang>``, ``<base>``, ``<link rel=canonical|author>``, JSON-LD script texts,
microdata ``itemprop`` elements, ``<time>`` elements, and elements whose class or id marks a
byline or a date (``html_hints.json``). Lists are capped so hostile pages cost linear time.
"""

from __future__ import annotations

import re
from functools import cache

import attrs
import lxml.etree
import lxml.html

from newsmodel import data
from newsmodel.html.metadata._text import clean, element_text

__all__ = ["Hints", "Scan", "hints", "scan"]

_XML = "http://www.w3.org/XML/1998/namespace"

MAX_PER_KIND = 200
"""Most elements of one kind kept (meta values per key, times, hinted elements, ...)."""

_MICRODATA = frozenset(
    {
        "headline",
        "author",
        "creator",
        "datepublished",
        "datecreated",
        "datemodified",
        "uploaddate",
        "description",
        "articlesection",
        "keywords",
        "inlanguage",
        "image",
        "publisher",
    }
)


@attrs.frozen
class Hints:
    """Compiled class/id hint patterns from ``html_hints.json``."""

    byline: re.Pattern[str]
    date: re.Pattern[str]
    modified: re.Pattern[str]
    exclude: re.Pattern[str]
    label: re.Pattern[str]
    modified_label: re.Pattern[str]
    heading_extra: re.Pattern[str]
    author_path: re.Pattern[str]
    author_labels: frozenset[str]


@cache
def hints() -> Hints:
    """The compiled hint patterns (loaded once)."""
    table = data.read_json("html_hints.json")

    def compile_words(name: str, *, at_start: bool = False) -> re.Pattern[str]:
        words = "|".join(re.escape(w) for w in table[name])
        return re.compile(f"(?:^|[\\s_-])(?:{words})" if at_start else words)

    def compile_label(name: str) -> re.Pattern[str]:
        words = "|".join(re.escape(w) for w in sorted(table[name], key=len, reverse=True))
        return re.compile(rf"(?<![^\W\d_])(?:{words})(?![^\W\d_])\s*:?\s*", re.IGNORECASE)

    return Hints(
        byline=compile_words("byline"),
        date=compile_words("date"),
        modified=compile_words("modified"),
        exclude=compile_words("exclude", at_start=True),  # "card", not "vcard"
        heading_extra=compile_words("heading_extras"),
        author_path=compile_words("author_paths"),
        author_labels=frozenset(w.casefold() for w in table["author_labels"]),
        label=compile_label("date_labels"),
        modified_label=compile_label("modified_labels"),
    )


@attrs.define
class Scan:
    """What one pass over a page found (each list in document order)."""

    meta: dict[str, list[str]] = attrs.Factory(dict)
    title: str | None = None
    h1: list[lxml.html.HtmlElement] = attrs.Factory(list)
    headings: list[lxml.html.HtmlElement] = attrs.Factory(list)
    lang: str | None = None
    base: str | None = None
    canonical: list[str] = attrs.Factory(list)
    author_links: list[lxml.html.HtmlElement] = attrs.Factory(list)
    """``rel=author`` links and links to author pages (``/author/jane-doe``)."""
    hcards: list[lxml.html.HtmlElement] = attrs.Factory(list)
    """hCard name elements (``class="fn"``); they name an author inside an author/vcard element."""
    jsonld: list[str] = attrs.Factory(list)
    itemprops: dict[str, list[lxml.html.HtmlElement]] = attrs.Factory(dict)
    times: list[lxml.html.HtmlElement] = attrs.Factory(list)
    bylines: list[lxml.html.HtmlElement] = attrs.Factory(list)
    dates: list[lxml.html.HtmlElement] = attrs.Factory(list)
    texts: list[str] = attrs.Factory(list)
    """The page's visible text pieces (element text and tails, scripts and styles left out)."""
    heading_texts: list[int] = attrs.Factory(list)
    """For each of :attr:`headings`, the index in :attr:`texts` where its text starts."""

    def first_meta(self, key: str) -> str | None:
        """The first non-empty clean value of a meta key."""
        for value in self.meta.get(key, ()):
            text = clean(value)
            if text is not None:
                return text
        return None


def _add(table: dict[str, list[str]], key: str, value: str) -> None:
    values = table.setdefault(key, [])
    if len(values) < MAX_PER_KIND:
        values.append(value)


def _is_jsonld(element: lxml.html.HtmlElement) -> bool:
    """A JSON-LD script: typed ``application/ld+json``, or untyped JSON with a schema.org context."""
    kind = (element.get("type") or "").strip().lower()
    if kind.startswith("application/ld+json"):
        return bool(element.text)
    if kind not in ("", "text/javascript", "application/json") or not element.text:
        return False
    head = element.text[:300].lstrip()
    return head.startswith(("{", "[")) and '"@context"' in head and "schema.org" in head


def _marks(element: lxml.html.HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


def _meta(found: Scan, element: lxml.html.HtmlElement) -> None:
    content = element.get("content")
    if content is None:
        content = element.get("value")
    if content is None:
        return
    for attribute in ("property", "name", "itemprop", "http-equiv"):
        for key in (element.get(attribute) or "").lower().split():  # property="og:title twitter:title"
            _add(found.meta, key, content)


def _title(found: Scan, element: lxml.html.HtmlElement) -> None:
    if found.title is None:
        found.title = element_text(element)


def _base(found: Scan, element: lxml.html.HtmlElement) -> None:
    found.base = found.base or element.get("href")


def _link(found: Scan, element: lxml.html.HtmlElement) -> None:
    rel = (element.get("rel") or "").lower().split()
    if "canonical" in rel and element.get("href"):
        found.canonical.append(element.get("href") or "")
    if "author" in rel and len(found.author_links) < MAX_PER_KIND:
        found.author_links.append(element)


def _anchor(found: Scan, element: lxml.html.HtmlElement) -> None:
    rel_author = "author" in (element.get("rel") or "").lower().split()
    href = (element.get("href") or "").lower()
    if (rel_author or hints().author_path.search(href)) and len(found.author_links) < MAX_PER_KIND:
        found.author_links.append(element)


def _h1(found: Scan, element: lxml.html.HtmlElement) -> None:
    if len(found.h1) < MAX_PER_KIND:
        found.h1.append(element)


def _time(found: Scan, element: lxml.html.HtmlElement) -> None:
    if len(found.times) < MAX_PER_KIND:
        found.times.append(element)


_HANDLERS = {
    "meta": _meta,
    "title": _title,
    "base": _base,
    "link": _link,
    "a": _anchor,
    "h1": _h1,
    "time": _time,
}
"""One handler per element kind that carries metadata of its own."""


def _itemprops(found: Scan, element: lxml.html.HtmlElement, tag: str) -> None:
    """Microdata ``itemprop`` and RDFa ``property`` (``schema:datePublished``) values."""
    names = element.get("itemprop") or (element.get("property") if tag != "meta" else None)
    for name in (names or "").lower().split():
        prop = name.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
        if prop in _MICRODATA:
            elements = found.itemprops.setdefault(prop, [])
            if len(elements) < MAX_PER_KIND:
                elements.append(element)


def _hinted(found: Scan, element: lxml.html.HtmlElement, tag: str) -> None:
    """Elements whose class or id marks a byline, an hCard name or a date."""
    element_marks = _marks(element)
    if not element_marks.strip() or tag in ("meta", "link", "html", "body", "script", "style"):
        return
    marks = hints()
    if len(found.bylines) < MAX_PER_KIND and marks.byline.search(element_marks):
        found.bylines.append(element)
    if "fn" in element_marks.split() and len(found.hcards) < MAX_PER_KIND:
        found.hcards.append(element)
    if len(found.dates) < MAX_PER_KIND and marks.date.search(element_marks):
        found.dates.append(element)


def scan(root: lxml.html.HtmlElement) -> Scan:
    """Collect the page's metadata-bearing elements in one pass."""
    found = Scan()
    if isinstance(root.tag, str) and root.tag.lower() == "html":
        found.lang = root.get("lang") or root.get("xml:lang") or root.get(f"{{{_XML}}}lang")
    skip: lxml.html.HtmlElement | None = None  # inside a script or style: code, not page text
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag
        if not isinstance(tag, str):  # comments and processing instructions
            if event == "end" and skip is None and element.tail:
                found.texts.append(element.tail)
            continue
        tag = tag.rsplit("}", 1)[-1].lower()
        if event == "end":
            if element is skip:
                skip = None
            if skip is None and element.tail:
                found.texts.append(element.tail)
            continue
        if skip is not None:
            continue
        if tag in ("script", "style"):
            if tag == "script" and _is_jsonld(element) and len(found.jsonld) < MAX_PER_KIND:
                found.jsonld.append(element.text or "")
            skip = element
            continue
        handler = _HANDLERS.get(tag)
        if handler is not None:
            handler(found, element)
        if tag in ("h1", "h2") and len(found.headings) < MAX_PER_KIND:
            found.headings.append(element)
            found.heading_texts.append(len(found.texts))
        if element.text and tag not in ("title", "noscript", "template"):
            found.texts.append(element.text)
        _itemprops(found, element, tag)
        _hinted(found, element, tag)
    return found
