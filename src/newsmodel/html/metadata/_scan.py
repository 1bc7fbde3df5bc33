"""Collecting every element of a page's tree that may carry metadata.

:func:`scan` runs a fixed set of XPath queries (evaluated by libxml2, each one pass over the
tree) and keeps: ``<meta>`` values by key, ``<title>``, headings, ``<html lang>``, ``<base>``,
``<link rel=canonical|author>``, JSON-LD script texts, microdata ``itemprop`` and RDFa
``property`` elements, ``<time>`` elements, links to author pages, elements whose class or id
marks a byline or a date (``html_metadata_hints.json``), and the page's text pieces in document order.
Lists are capped at :data:`MAX_PER_KIND`, so hostile pages cost linear time.
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from typing import Any

import attrs
import lxml.etree
import lxml.html

from newsmodel import data
from newsmodel.html._words import word_pattern
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
    """Compiled class/id hint patterns from ``html_metadata_hints.json``."""

    byline: re.Pattern[str]
    date: re.Pattern[str]
    modified: re.Pattern[str]
    exclude: re.Pattern[str]
    comments: re.Pattern[str]
    label: tuple[str, ...]
    modified_label: tuple[str, ...]
    heading_extra: re.Pattern[str]
    author_path: re.Pattern[str]
    author_labels: frozenset[str]
    any_mark: re.Pattern[str]
    """Any byline or date word (one pattern: only whether one occurs is asked)."""


@cache
def hints() -> Hints:
    """The compiled hint patterns (loaded once)."""
    table = data.read_json("html_metadata_hints.json")

    def compile_words(name: str, *, at_start: bool = False) -> re.Pattern[str]:
        words = word_pattern(table[name])  # these are searched for, never substituted
        return re.compile(f"(?:^|[\\s_-])(?:{words})" if at_start else words)

    return Hints(
        byline=compile_words("byline"),
        date=compile_words("date"),
        modified=re.compile("|".join(re.escape(w) for w in table["modified"])),  # also substituted
        exclude=compile_words("exclude", at_start=True),  # "card", not "vcard"
        comments=compile_words("comments", at_start=True),
        heading_extra=compile_words("heading_extras"),
        author_path=compile_words("author_paths"),
        author_labels=frozenset(w.casefold() for w in table["author_labels"]),
        label=tuple(w.casefold() for w in table["date_labels"]),
        modified_label=tuple(w.casefold() for w in table["modified_labels"]),
        any_mark=re.compile(word_pattern([*table["byline"], *table["date"]])),
    )


class Scan:
    """What a page holds for metadata; lists in document order.

    The head (meta, title, links, JSON-LD) and the headings and ``<time>``s are read at once;
    microdata, author links, class/id-hinted elements and the page text are read on first use,
    since only fallbacks need them.
    """

    def __init__(self, root: lxml.html.HtmlElement) -> None:
        self.root = root
        self.meta: dict[str, list[str]] = {}
        self.title: str | None = None
        self.lang: str | None = None
        self.base: str | None = None
        self.canonical: list[str] = []
        self.link_authors: list[lxml.html.HtmlElement] = []
        """``<link rel=author>`` elements."""
        self.jsonld: list[str] = []
        self.h1 = list(itertools.islice(root.iter("h1"), MAX_PER_KIND))
        self.headings = list(itertools.islice(root.iter("h1", "h2", "h3", "h4"), MAX_PER_KIND))
        self.times = list(itertools.islice(root.iter("time"), MAX_PER_KIND))
        self._itemprops: dict[str, list[lxml.html.HtmlElement]] | None = None
        self._author_links: list[lxml.html.HtmlElement] | None = None
        self._hinted: tuple[list[lxml.html.HtmlElement], ...] | None = None
        self._texts: list[str] | None = None
        self._text: str | None = None
        self._folded: str | None = None
        _read_meta(self, root)
        _read_head(self, root)

    def first_meta(self, key: str) -> str | None:
        """The first non-empty clean value of a meta key."""
        for value in self.meta.get(key, ()):
            text = clean(value)
            if text is not None:
                return text
        return None

    @property
    def itemprops(self) -> dict[str, list[lxml.html.HtmlElement]]:
        """Microdata ``itemprop`` and RDFa ``property`` elements by (lower-cased) property name."""
        if self._itemprops is None:
            self._itemprops = {}
            attributes: list[Any] = _ITEMPROPS(self.root)  # type: ignore[assignment]  # smart strings
            last = None
            for attribute in attributes:
                element = attribute.getparent()
                if element is last:
                    continue  # an element with both attributes: its second one
                last = element
                names = element.get("itemprop")
                if names is None and element.tag == "meta":
                    continue  # <meta property> is read as meta
                names = names or element.get("property") or ""
                for name in names.lower().split():
                    prop = name.rsplit("/", 1)[-1].rsplit(":", 1)[-1]  # RDFa: "schema:datePublished"
                    elements = self._itemprops.setdefault(prop, []) if prop in _MICRODATA else None
                    if elements is not None and len(elements) < MAX_PER_KIND:
                        elements.append(element)
        return self._itemprops

    @property
    def author_links(self) -> list[lxml.html.HtmlElement]:
        """``rel=author`` links and links to author pages (``/author/jane-doe``)."""
        if self._author_links is None:
            path = hints().author_path
            self._author_links = list(self.link_authors)
            for element in self.root.iter("a"):
                rel_author = "author" in (element.get("rel") or "").lower().split()
                if rel_author or path.search((element.get("href") or "").lower()):
                    self._author_links.append(element)
                    if len(self._author_links) >= MAX_PER_KIND:
                        break
        return self._author_links

    def _marked(self) -> tuple[list[lxml.html.HtmlElement], ...]:
        if self._hinted is None:
            marks = hints()
            bylines: list[lxml.html.HtmlElement] = []
            hcards: list[lxml.html.HtmlElement] = []
            dates: list[lxml.html.HtmlElement] = []
            known: dict[tuple[str | None, str | None], int] = {}  # pages repeat their class names
            for element in self.root.iter(lxml.etree.Element):  # elements only, no comments
                names, ident = element.get("class"), element.get("id")
                if not (names or ident) or element.tag in _UNMARKED:
                    continue
                found = known.get((names, ident))
                if found is None:
                    found = known[names, ident] = _mark_kinds(f"{names or ''} {ident or ''}".lower(), marks)
                if not found:
                    continue
                if found & _BYLINE and len(bylines) < MAX_PER_KIND:
                    bylines.append(element)
                if found & _HCARD and len(hcards) < MAX_PER_KIND:
                    hcards.append(element)
                if found & _DATE and len(dates) < MAX_PER_KIND:
                    dates.append(element)
            self._hinted = (bylines, hcards, dates)
        return self._hinted

    @property
    def bylines(self) -> list[lxml.html.HtmlElement]:
        """Elements whose class or id marks a byline."""
        return self._marked()[0]

    @property
    def hcards(self) -> list[lxml.html.HtmlElement]:
        """Name elements of hCards (``class="fn"``): they name an author inside an author/vcard element."""
        return self._marked()[1]

    @property
    def dates(self) -> list[lxml.html.HtmlElement]:
        """Elements whose class or id marks a date."""
        return self._marked()[2]

    @property
    def texts(self) -> list[str]:
        """The page's visible text pieces in document order (no script, style or title text)."""
        if self._texts is None:
            pieces: list[Any] = _TEXTS(self.root)  # type: ignore[assignment]  # text() gives strings
            self._texts = [
                str(piece) for piece in pieces if piece.is_tail or piece.getparent().tag not in _NOT_TEXT
            ]
        return self._texts

    @property
    def text(self) -> str:
        """All of :attr:`texts` as one line of text."""
        if self._text is None:
            self._text = " ".join(" ".join(self.texts).split())
        return self._text

    @property
    def folded_text(self) -> str:
        """:attr:`text` case-folded for searching (``str.lower``, which keeps offsets)."""
        if self._folded is None:
            folded = self.text.lower()
            if len(folded) != len(self.text):  # "İ" lowers to two code points: keep offsets
                folded = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.text)
            self._folded = folded
        return self._folded

    def after_labels(self, labels: tuple[str, ...], *, limit: int = 50) -> list[int]:
        """Offsets in :attr:`text` just after each label that stands as a word, in text order.

        Each label is found with ``str.find`` (one linear scan per label); at most ``limit``
        places per label are kept.
        """
        text = self.folded_text
        ends: list[int] = []
        for label in labels:
            start = text.find(label)
            found = 0
            while start != -1 and found < limit:
                end = start + len(label)
                before = text[start - 1] if start else " "
                after = text[end] if end < len(text) else " "
                if not before.isalpha() and not after.isalpha():
                    ends.append(end)
                    found += 1
                start = text.find(label, end)
        return sorted(ends)

    def positions(self, elements: list[lxml.html.HtmlElement]) -> dict[lxml.html.HtmlElement, int]:
        """Each of ``elements``' place in document order (one pass over the tree)."""
        wanted = set(elements)
        places: dict[lxml.html.HtmlElement, int] = {}
        for index, element in enumerate(self.root.iter()):
            if element in wanted:
                places[element] = index
                if len(places) == len(wanted):
                    break
        return places

    def text_index(self, element: lxml.html.HtmlElement) -> int:
        """Where ``element``'s text starts in :attr:`texts`."""
        count: float = _PRECEDING_TEXT(element)  # type: ignore[assignment]  # count() gives a number
        return int(count)


_BYLINE, _HCARD, _DATE = 1, 2, 4


def _mark_kinds(element_marks: str, marks: Hints) -> int:
    """What a lower-cased ``"class id"`` string marks: a sum of ``_BYLINE``, ``_HCARD``, ``_DATE``."""
    if not marks.any_mark.search(element_marks):
        return _HCARD if "fn" in element_marks.split() else 0
    found = _BYLINE if marks.byline.search(element_marks) else 0
    if "fn" in element_marks.split():
        found |= _HCARD
    return found | _DATE if marks.date.search(element_marks) else found


_UNMARKED = frozenset({"meta", "link", "html", "body", "script", "style"})
_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "title"})
_TEXTS = lxml.etree.XPath("//text()")
_PRECEDING_TEXT = lxml.etree.XPath(
    "count(preceding::text()[not(parent::script or parent::style or parent::noscript"
    " or parent::template or parent::title)])"
)
_ITEMPROPS = lxml.etree.XPath("//@itemprop | //@property")
"""The attributes, not their elements: libxml2 finds these faster than elements with a test."""


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


def _read_meta(found: Scan, root: lxml.html.HtmlElement) -> None:
    for element in root.iter("meta"):
        content = element.get("content")
        if content is None:
            content = element.get("value")
        if content is None:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            for key in (element.get(attribute) or "").lower().split():  # property="og:title twitter:title"
                _add(found.meta, key, content)


def _read_head(found: Scan, root: lxml.html.HtmlElement) -> None:
    """``<html lang>``, ``<title>``, ``<base>``, ``<link>``s and JSON-LD scripts."""
    if isinstance(root.tag, str) and root.tag.lower() == "html":
        found.lang = root.get("lang") or root.get("xml:lang") or root.get(f"{{{_XML}}}lang")
    for element in root.iter("title"):
        found.title = element_text(element)
        break
    for element in root.iter("base"):
        if element.get("href"):
            found.base = element.get("href")
            break
    for element in root.iter("link"):
        rel = (element.get("rel") or "").lower().split()
        if "canonical" in rel and element.get("href") and len(found.canonical) < MAX_PER_KIND:
            found.canonical.append(element.get("href") or "")
        if "author" in rel and len(found.link_authors) < MAX_PER_KIND:
            found.link_authors.append(element)
    for element in root.iter("script"):
        if len(found.jsonld) < MAX_PER_KIND and _is_jsonld(element):
            found.jsonld.append(element.text or "")


def scan(root: lxml.html.HtmlElement) -> Scan:
    """Collect the page's metadata-bearing elements (fallback sources on first use)."""
    return Scan(root)
