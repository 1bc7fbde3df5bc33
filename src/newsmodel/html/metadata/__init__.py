"""Page metadata from markup, each value with the source it came from.

:func:`extract_metadata` reads a parsed page once (:mod:`._scan`), loads its JSON-LD
(:mod:`._jsonld`) and fills :class:`PageMetadata` field by field. For each field the sources
are tried in a fixed order and the first that yields a usable value wins; its name goes into
:attr:`PageMetadata.provenance` (``"json-ld:headline"``, ``"meta:og:title"``, ``"html:h1"``...).

Precedence, most trusted first. Structured data the publisher wrote for machines comes before
markup written for people, and the article's own object before page-wide ones:

========== ==========================================================================================
field      sources, in order
========== ==========================================================================================
title      JSON-LD article ``headline``; meta (``og:title``, ``twitter:title``, ``parsely-title``,
           ``dc.title``... see ``meta_names.json``); microdata ``headline``; JSON-LD page ``name``;
           ``<title>``. Site names and date segments are stripped (:mod:`._title`); a title that
           only names the site is skipped. Then the page's ``<h1>`` (without kicker/subtitle
           parts) replaces the first title when it shares at least half of its words and
           differs: it is the headline as readers see it. If no ``<h1>`` supports the first
           title but one supports a later title, and the first shares no word with it, the
           first is a section or site name and that ``<h1>`` wins. No title anywhere: the ``<h1>``.
subtitle   JSON-LD article ``description``; meta descriptions; microdata ``description``.
authors    JSON-LD article, then page ``author``/``creator`` (``@id`` references resolved); meta
           author names; Twitter ``label``/``data`` "Written by"; microdata ``author``; hCard names,
           ``rel=author`` and author-page links; byline elements (class/id hints); a credit line
           ("Von ...", "By ...") just after the headline. The first source that credits a *person*
           wins; if none does, the first that credits anyone (an agency, "Staff", the site) wins,
           as :attr:`AuthorRole.AGENCY` (:mod:`._authors`). Page text only counts agency-like credits.
published  Three tiers, weighed by the rules of :mod:`._published`. The article's machine dates:
           JSON-LD ``datePublished`` (article, then page objects) or ``uploadDate`` (videos); meta
           publication dates; microdata ``datePublished``; ``<time>`` with ``pubdate`` or a
           publish class. Generic machine dates: other ``<time>`` not marked as an update;
           generic meta dates (``date``, ``dc.date``); JSON-LD ``dateCreated``. Page dates: the
           canonical URL's path; the date-hinted element nearest the headline; a date after a
           label ("Veröffentlicht am"); a date beside, then after, the headline. Machine dates
           that disagree are settled by the date printed by the headline; generic and page dates
           yield to it. Dates among comments, teasers or in the site's banner are not the
           article's; nor is one labelled as an update. A UTC or naive value yields to the same
           moment stated with the publisher's offset, or to the local day the page states.
modified   JSON-LD ``dateModified``; meta modification dates; microdata ``dateModified``;
           ``<time>`` with an update class; a date after a label ("Aktualisiert am").
language   ``<html lang>``; JSON-LD ``inLanguage``; meta (``content-language``, ``og:locale``...).
           Normalised to BCP 47 case (``de_at`` → ``de-AT``).
canonical  ``<link rel=canonical>``; meta ``og:url``...; JSON-LD ``url``/``mainEntityOfPage``.
publisher  JSON-LD article ``publisher``; meta (``og:site_name``, ``application-name``...);
           JSON-LD organisation/website ``name``.
section    JSON-LD ``articleSection``; meta (``article:section``...); microdata ``articleSection``.
tags       JSON-LD ``keywords``; meta (``article:tag``, ``keywords``...); microdata ``keywords``.
images     meta ``og:image``; JSON-LD ``image``; ``twitter:image``...; microdata ``image``.
========== ==========================================================================================

Provenance sources are ``json-ld:<key>``, ``meta:<key>``, ``microdata:<property>``,
``url:path`` and ``html:<kind>`` (``h1``, ``title``, ``canonical``, ``time``, ``date``,
``label``, ``text``, ``byline``, ``author-link``).

URLs are made absolute against the page URL, else ``<base href>``, else the canonical URL; one
that cannot be made absolute http(s) is left out. Dates keep the zone their source states and
stay naive otherwise. Malformed JSON-LD never raises: what can be read is used and a
``json-ld-invalid`` defect is recorded in :attr:`PageMetadata.defects`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from functools import cache, cached_property
from typing import Any, TypeVar

import attrs
import lxml.html

from newsmodel import data
from newsmodel.html.metadata._authors import Credit, authors_from, credit_key, credit_prefix, parse_credits
from newsmodel.html.metadata._dates import date_in_url, parse_date, search_date
from newsmodel.html.metadata._jsonld import JsonLd, read_jsonld, role_of, text_of
from newsmodel.html.metadata._published import Dated, choose_published, localize
from newsmodel.html.metadata._scan import Scan, hints, scan
from newsmodel.html.metadata._text import absolute_url, clean, element_text, host_words
from newsmodel.html.metadata._title import drop_dates, names_site, strip_site
from newsmodel.model import Author, Defect, Image, Provenance
from newsmodel.nlp.language import normalize_tag

__all__ = ["PageMetadata", "extract_metadata"]

T = TypeVar("T")

_WORD = re.compile(r"\w+")
_PIECE_PUNCTUATION = " \t\r\n|·•-–—"

MAX_TITLES = 10
"""Structured titles weighed against the page's headings; later ones are not read."""
TITLE_OVERLAP = 0.5
"""Share of words an ``<h1>`` must have in common with the structured title to replace it."""
DATE_WINDOW = 600
"""How far after the headline (in characters of page text) a written date is looked for."""
BEFORE_HEADLINE = 2
"""Weight of the distance of a date element placed before the headline (:func:`_distance`)."""
LIST_DATES = 3
"""A block by the headline with this many dates lists other articles: its dates are not the article's."""
REGION_TEXT = 1_000
"""How much of a region's text is searched for the headline (:meth:`_Reader._holds_headline`)."""
MAX_TAGS = 100
MAX_IMAGES = 20
_STRUCTURED = ("json-ld:", "meta:", "microdata:", "html:time")
"""Date sources written for machines, whose offsets say the publisher's zone."""
_SUFFIXED = ("html:title", "json-ld:name")
"""Title sources that commonly carry the site name and more (``<title>``, a page's name)."""


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
    """One entry per field that has a value, naming its source."""
    defects: list[Defect] = attrs.Factory(list)
    """Problems worked around while reading the markup (e.g. invalid JSON-LD)."""


@cache
def _meta_names() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in data.read_json("meta_names.json").items() if not k.startswith("_")}


def _first(candidates: Iterable[tuple[str, T | None]]) -> tuple[T, str] | None:
    """The first candidate with a value, as (value, source)."""
    for source, value in candidates:
        if value is not None and value != []:
            return value, source
    return None


def _marks(element: lxml.html.HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


def _excluded(element: lxml.html.HtmlElement, *, levels: int = 8) -> bool:
    """Whether the element sits in a region of other content (comments, teasers, footers)."""
    return _region(element, levels=levels) is not None


def _region(element: lxml.html.HtmlElement, *, levels: int = 8) -> lxml.html.HtmlElement | None:
    """The region of other content (comments, teasers, footers) the element sits in, if any."""
    exclude = hints().exclude
    current: lxml.html.HtmlElement | None = element
    for _ in range(levels):
        if current is None or current.tag in ("body", "html", "main", "article"):
            return None  # page-wide classes ("no-sidebar") say nothing about the element
        if current.tag in ("footer", "nav") or exclude.search(_marks(current)):
            return current
        current = current.getparent()
    return None


def _leading_text(element: lxml.html.HtmlElement, size: int) -> str:
    """About the first ``size`` characters of the element's text, as one line."""
    parts: list[str] = []
    total = 0
    for piece in element.itertext():
        parts.append(piece)
        total += len(piece)
        if total >= size:
            break
    return " ".join(" ".join(parts).split())[:size]


def _item_value(element: lxml.html.HtmlElement, *attributes: str) -> str | None:
    """A microdata value: the first present attribute of ``attributes``, else the element text."""
    for attribute in attributes:
        value = clean(element.get(attribute))
        if value is not None:
            return value
    return element_text(element, limit=500)


class _Reader:
    """Reads each field from a scanned page; one instance per call."""

    def __init__(self, found: Scan, ld: JsonLd, url: str | None) -> None:
        self.found = found
        self.ld = ld
        self.url = absolute_url(url, None)
        self.articles = ld.of_role("article", "work")
        self.pages = ld.of_role("page")
        self.base = self._base()
        self.result = PageMetadata(defects=list(ld.defects))
        self.dayfirst = True
        self._labelled: dict[tuple[str, ...], Dated | None] = {}
        """:meth:`_labelled_date` by labels: several rules ask for the same labels."""

    def _base(self) -> str | None:
        if self.found.base is not None:
            base = absolute_url(self.found.base, self.url)
            if base is not None:
                return base
        if self.url is not None:
            return self.url
        for candidate in (*self.found.canonical, self.found.first_meta("og:url")):
            absolute = absolute_url(candidate, None)
            if absolute is not None:
                return absolute
        return None

    def _set(self, field: str, chosen: tuple[Any, str] | None) -> None:
        if chosen is None:
            return
        value, source = chosen
        setattr(self.result, field, value)
        self.result.provenance.append(Provenance(field=field, source=source))

    def _meta(self, field: str, convert: Callable[[str], T | None]) -> Iterator[tuple[str, T | None]]:
        for key in _meta_names()[field]:
            for value in self.found.meta.get(key, ()):
                yield f"meta:{key}", convert(value)

    def _ld(
        self, nodes: list[dict[str, Any]], key: str, convert: Callable[[Any], T | None]
    ) -> Iterator[tuple[str, T | None]]:
        for node in nodes:
            if key in node:
                yield f"json-ld:{key}", convert(node[key])

    def _items(
        self, prop: str, convert: Callable[[str], T | None], *attributes: str
    ) -> Iterator[tuple[str, T | None]]:
        for element in self.found.itemprops.get(prop.lower(), ()):
            value = _item_value(element, *attributes)
            yield f"microdata:{prop}", None if value is None else convert(value)

    # -- fields -----------------------------------------------------------------------------

    def read(self) -> PageMetadata:
        self._set("language", _first(self._language()))
        language = self.result.language or ""
        self.dayfirst = not (
            language.startswith("en") and language[3:5] not in ("GB", "IE", "AU", "NZ", "IN")
        )
        self._set("publisher", _first(self._publisher()))
        self.publisher_keys, self.site_keys = self._site_keys()
        self._set("title", self._title())
        self._set("subtitle", _first(self._subtitle()))
        self._set("authors", self._authors())
        modified = self._local(_first(self._modified()))
        self.result.modified = None if modified is None else modified[0]  # bounds the publication date
        self._set("published", self._published())
        self._set("modified", modified)
        self._set("canonical_url", _first(self._canonical()))
        self._set("section", _first(self._section()))
        self._set("tags", _first(self._tags()))
        self._set("images", _first(self._images()))
        return self.result

    def _language(self) -> Iterator[tuple[str, str | None]]:
        yield "html:lang", normalize_tag(self.found.lang)
        yield from self._ld([*self.articles, *self.pages], "inLanguage", lambda v: normalize_tag(text_of(v)))
        yield from self._meta("language", normalize_tag)

    def _publisher(self) -> Iterator[tuple[str, str | None]]:
        yield from self._ld(
            self.articles, "publisher", lambda v: text_of([self.ld.resolve(i) for i in self.ld.items(v)])
        )
        yield from self._meta("publisher", lambda v: clean(v, limit=200))
        for node in self.ld.of_role("organization"):
            yield "json-ld:organization", text_of(node.get("name"))

    def _site_keys(self) -> tuple[frozenset[str], frozenset[str]]:
        """Keys of the site's names: (publisher names and Twitter handle, plus host words).

        Host words strip titles (``"... | example-news"``) but do not disqualify an author: a
        blog's host is often its author's name.
        """
        names: list[str] = [value for _, value in self._publisher() if value is not None]
        handle = self.found.first_meta("twitter:site")
        if handle is not None and handle.startswith("@"):
            names.append(handle[1:])
        hosts: list[str] = []
        for url in (self.url, *self.found.canonical, self.found.first_meta("og:url")):
            hosts.extend(host_words(absolute_url(url, self.base)))
        publisher = frozenset(k for k in (credit_key(n) for n in names) if len(k) >= 2)
        return publisher, publisher | {k for k in (credit_key(h) for h in hosts) if len(k) >= 2}

    def _headings(self) -> list[list[str]]:
        """Each ``<h1>`` as its headline variants.

        The first variant is the text without kicker, subtitle or date parts; then each
        remaining part on its own, when there are several.
        """
        variants = []
        for element in self.found.h1[:20]:
            parts = _heading_parts(element)
            whole = clean(drop_dates(" ".join(parts)), limit=500)
            if whole is not None:
                variants.append([whole, *(parts if len(parts) > 1 else [])])
        return variants

    def _title(self) -> tuple[str, str] | None:
        """The headline: the best structured title, unless a page heading says it differently.

        Structured titles (JSON-LD, meta, ``<title>``) are stripped of site names, and one that
        only names the site is no headline. Then an ``<h1>`` sharing at least half its words
        with the first title wins over it, being the headline as readers see it (metadata titles
        are often search-engine variants, or carry a kicker such as ``"Covid-19: "``). If no
        ``<h1>`` supports the first title but one supports a later title, the first is a
        section or site name: that ``<h1>`` wins. With no structured title, the first ``<h1>``
        of two or more words is the title.
        """
        headings = self._headings()
        heading_keys = {credit_key(h) for variants in headings for h in variants}
        titles = list(
            itertools.islice(
                (
                    (value, source)
                    for source, value in self._structured_titles([v[0] for v in headings])
                    if value is not None
                    and (credit_key(value) in heading_keys or not names_site(value, self.site_keys))
                ),
                MAX_TITLES,
            )
        )
        if not titles:
            return next(
                ((h, "html:h1") for variants in headings for h in variants if self._headline_like(h)), None
            )
        first_words = _words(titles[0][0])
        for index, (title, source) in enumerate(titles):
            best, overlap = self._supporting_heading(title, headings)
            if best is None or overlap < TITLE_OVERLAP:
                continue
            if index and first_words & _words(best):
                break  # the first title is a variant of that headline, not a site or section name
            if credit_key(best) == credit_key(title):
                return title, source
            return strip_site(best, site_keys=self.site_keys, headings=[], suffixed=False), "html:h1"
        return titles[0]

    def _headline_like(self, heading: str) -> bool:
        return len(_words(heading)) >= 2 and credit_key(heading) not in self.site_keys

    def _supporting_heading(self, title: str, headings: list[list[str]]) -> tuple[str | None, float]:
        """The heading variant sharing the largest share of words with ``title``, and that share."""
        best, overlap = None, 0.0
        words = _words(title)
        for variants in headings:
            for heading in variants:
                if not self._headline_like(heading):
                    continue
                heading_words = _words(heading)
                share = len(words & heading_words) / max(len(words), len(heading_words))
                if share > overlap:
                    best, overlap = heading, share
        return best, overlap

    def _structured_titles(self, headings: list[str]) -> Iterator[tuple[str, str | None]]:
        def cleaned(source: str, value: str | None) -> tuple[str, str | None]:
            if value is None:
                return source, None
            suffixed = source.startswith(_SUFFIXED)
            return source, strip_site(value, site_keys=self.site_keys, headings=headings, suffixed=suffixed)

        for node in self.articles:
            yield cleaned("json-ld:headline", text_of(node.get("headline")))
        for source, value in self._meta("title", lambda v: clean(v, limit=500)):
            yield cleaned(source, value)
        for source, value in self._items("headline", lambda v: clean(v, limit=500), "content"):
            yield cleaned(source, value)
        for node in self.pages:
            yield cleaned("json-ld:name", text_of(node.get("name")))
        yield cleaned("html:title", clean(self.found.title, limit=500))

    def _subtitle(self) -> Iterator[tuple[str, str | None]]:
        yield from self._ld(self.articles, "description", text_of)
        yield from self._meta("subtitle", clean)
        yield from self._items("description", clean, "content")

    # -- authors ----------------------------------------------------------------------------

    def _author_sources(self) -> Iterator[tuple[str, list[Credit]]]:
        for node in [*self.articles, *self.pages]:
            for key in ("author", "creator"):
                if key in node:
                    yield f"json-ld:{key}", self._ld_credits(node[key])
        for key in _meta_names()["authors"]:
            values = self.found.meta.get(key, [])
            yield f"meta:{key}", [c for v in values for c in parse_credits(v, site_keys=self.publisher_keys)]
        yield "meta:twitter:data1", self._twitter_credits()
        for prop in ("author", "creator"):
            credited: list[Credit] = []
            for element in self.found.itemprops.get(prop, ()):
                credited.extend(self._microdata_author(element))
            yield f"microdata:{prop}", credited
        yield "html:author-link", self._link_credits()
        yield "html:byline", self._byline()
        yield "html:text", self._text_byline()

    def _ld_credits(self, value: Any) -> list[Credit]:
        credited: list[Credit] = []
        for item in self.ld.items(value):
            if isinstance(item, dict):
                credited.extend(
                    parse_credits(
                        text_of(item.get("name")) or _joined(item.get("givenName"), item.get("familyName")),
                        site_keys=self.publisher_keys,
                        url=absolute_url(text_of(item.get("url")), self.base),
                        organization=role_of(item) == "organization",
                    )
                )
            else:
                credited.extend(parse_credits(item, site_keys=self.publisher_keys))
        return credited

    def _twitter_credits(self) -> list[Credit]:
        """Credits from Twitter card label/data pairs (``twitter:label1 = "Written by"``)."""
        labels = hints().author_labels
        for number in range(1, 5):
            label = self.found.first_meta(f"twitter:label{number}")
            if label is not None and label.casefold().rstrip(":") in labels:
                return parse_credits(
                    self.found.first_meta(f"twitter:data{number}"), site_keys=self.publisher_keys
                )
        return []

    def _link_credits(self) -> list[Credit]:
        """Credits named by hCard names in a byline, ``rel=author`` and author-page links.

        The first element that names a person counts, with its siblings (co-authors).
        """
        marks = hints()
        elements: list[tuple[lxml.html.HtmlElement, str | None]] = []
        for element in self.found.hcards:
            parent = element.getparent()
            where = _marks(element) + (" " + _marks(parent) if parent is not None else "")
            if "author" in where or marks.byline.search(where):
                elements.append((element, None))
        elements.extend((e, e.get("href") or "") for e in self.found.author_links if e.tag == "a")
        credited: list[Credit] = []
        family: set[lxml.html.HtmlElement] = set()
        for element, href in elements:
            parent = element.getparent()
            if (credited and parent not in family) or _excluded(element):
                continue
            found = [
                credit
                for credit in parse_credits(
                    element_text(element, limit=200),
                    site_keys=self.publisher_keys,
                    url=absolute_url(href, self.base) if href else None,
                )
                if href is None or _names_link(credit.name, href)
            ]
            if any(c.kind == "person" for c in found):
                credited.extend(found)
                family = {parent, parent.getparent() if parent is not None else None} - {None}
        return credited

    def _text_byline(self) -> list[Credit]:
        """A credit line in the text after the headline ("Von Jane Doe", "By <a>Jane Doe</a>")."""
        start = self._heading_text_index
        if start is None:
            return []  # without the headline, a credit line could be anyone's (a comment's)
        pieces = [p.strip(_PIECE_PUNCTUATION) for p in self.found.texts[start : start + 300]]
        for index, text in enumerate(pieces):
            length = credit_prefix(text + " ") if text else 0
            if not length or len(text) > 120:
                continue
            if length >= len(text):  # only "By" / "Ein Artikel von": the name is the next piece
                following = [p for p in pieces[index + 1 : index + 4] if p][:1]
                candidate = " ".join([text, *following])
            elif text[0].isupper():
                candidate = text
            else:
                continue  # "... von der Polizei": a sentence going on, not a credit
            credited = parse_credits(candidate, site_keys=self.publisher_keys, strict=True)
            if any(c.kind == "person" for c in credited):
                return credited
        return []

    def _microdata_author(self, element: lxml.html.HtmlElement) -> list[Credit]:
        organization = "organization" in (element.get("itemtype") or "").lower()
        if element.get("itemscope") is not None:
            for inner in element.iter():
                if inner is not element and "name" in (inner.get("itemprop") or "").split():
                    name = _item_value(inner, "content")
                    return parse_credits(name, site_keys=self.publisher_keys, organization=organization)
        value = _item_value(element, "content")
        return parse_credits(
            value, site_keys=self.publisher_keys, organization=organization, strict=element.tag != "meta"
        )

    def _byline(self) -> list[Credit]:
        for element in self.found.bylines:
            if element.tag in ("img", "meta", "link", "svg", "body", "article", "main") or _excluded(element):
                continue
            text = element_text(element, limit=200)
            if text is None:
                continue
            credited = parse_credits(text, site_keys=self.publisher_keys, strict=True)
            if any(c.kind in ("person", "agency", "generic") for c in credited):
                return credited
        return []

    def _authors(self) -> tuple[list[Author], str] | None:
        fallback: tuple[list[Author], str] | None = None
        for source, credited in self._author_sources():
            if not credited:
                continue
            if any(c.kind == "person" for c in credited):
                return authors_from(credited), source
            if source.startswith("html:"):  # page text: only a news agency or "Staff"-like credit
                kept = [c for c in credited if c.kind in ("agency", "generic")]
            else:
                kept = credited
            if fallback is None and kept:
                fallback = (authors_from(kept), source)
        return fallback

    # -- dates ------------------------------------------------------------------------------

    def _date(self, value: object) -> datetime | None:
        text = text_of(value) if not isinstance(value, str) else clean(value, limit=200)
        return None if text is None else parse_date(text, dayfirst=self.dayfirst)

    def _times(self, *, modified: bool, hinted: bool) -> Iterator[datetime | None]:
        """``<time>`` values in document order; those in regions of other content are left out.

        ``hinted`` selects the elements marked by ``pubdate`` or a publish/update class, else
        the unmarked ones. A ``<time>`` among comments or teasers dates something else.
        """
        marks = hints()
        for element in self.found.times:
            parent = element.getparent()
            where = _marks(element) + (" " + _marks(parent) if parent is not None else "")
            updated = bool(marks.modified.search(where))
            published = element.get("pubdate") is not None or bool(
                marks.date.search(marks.modified.sub(" ", where))
            )
            if (updated and not published) != modified or (published or modified) != hinted:
                continue
            if not self._foreign(element):
                yield self._date(element.get("datetime") or element_text(element, limit=200))

    def _foreign(self, element: lxml.html.HtmlElement) -> bool:
        """Whether a date element belongs to other content than the article.

        It does inside a region marked as other content (comments, teasers, footers) and inside
        a ``<header>`` without the headline (the site's banner, showing today's date), unless
        that region holds the headline (a side column with the article's header).
        """
        region = _region(element)
        if region is None:
            heading = self._heading
            banner = next(
                (a for a in itertools.islice(element.iterancestors(), 8) if a.tag == "header"), None
            )
            if banner is None or heading is None or banner in heading.iterancestors():
                return False
            region = banner
        title = credit_key(self.result.title or "")
        return len(title) < 10 or title not in credit_key(_leading_text(region, REGION_TEXT))

    def _published(self) -> tuple[datetime, str] | None:
        """The publication date: the sources are weighed by the rules of :mod:`._published`."""
        chosen = choose_published(
            _dated(self._machine_published),
            _dated(self._generic_published),
            self._page_published,
            shown=lambda: self._shown,
            referee=self._referee,
            modified=self.result.modified,
        )
        if chosen is None:
            return None
        local = self._local((chosen.moment, chosen.source))
        if local is not None and local[0].utcoffset() != chosen.moment.utcoffset():
            return local  # the same moment, stated with the publisher's offset
        chosen = localize(chosen, self._local_statements())
        return chosen.moment, chosen.source

    def _local_statements(self) -> Iterator[Dated]:
        """Dates the page states in local time: by the headline, in the URL; others with a time."""
        shown = self._shown
        if shown is not None:
            yield shown
        yield from self._url_dates()
        for dated in (
            self._date_after_heading(),
            self._labelled_date(hints().label),
            self._hinted_date,
        ):
            if dated is not None and dated.timed:
                yield dated

    @cached_property
    def _machine_published(self) -> list[tuple[str, datetime | None]]:
        """The article's publication dates written for machines, most trusted first.

        Read once: the publication date and each :meth:`_local` weigh them.
        """
        return list(self._machine_sources())

    def _machine_sources(self) -> Iterator[tuple[str, datetime | None]]:
        yield from self._ld([*self.articles, *self.pages], "datePublished", self._date)
        yield from self._ld(self.articles, "uploadDate", self._date)  # VideoObject, MediaObject
        yield from self._meta("published", self._date)
        yield from self._items("datePublished", self._date, "datetime", "content")
        for moment in self._times(modified=False, hinted=True):
            yield "html:time", moment

    @cached_property
    def _generic_published(self) -> list[tuple[str, datetime | None]]:
        """Machine-readable dates that may date the article: unmarked ``<time>``, generic meta."""
        return list(self._generic_sources())

    def _generic_sources(self) -> Iterator[tuple[str, datetime | None]]:
        for moment in self._times(modified=False, hinted=False):
            yield "html:time", moment
        yield from self._meta("published_weak", self._date)
        yield from self._ld(self.articles, "dateCreated", self._date)

    def _url_dates(self) -> list[Dated]:
        dates = []
        for url in (*self.found.canonical, self.found.first_meta("og:url"), self.url):
            moment = None if url is None else date_in_url(url)
            if moment is not None:
                dates.append(Dated(moment, "url:path", timed=False))
        return dates

    def _page_published(self) -> list[Dated]:
        """Dates in the URL and the page text, in precedence order."""
        found = self._url_dates()
        for dated in (
            self._hinted_date,
            self._labelled_date(hints().label),
            self._shown,
            self._date_after_heading(),
        ):
            if dated is not None:
                found.append(dated)
        return found

    def _local(self, chosen: tuple[datetime, str] | None) -> tuple[datetime, str] | None:
        """The same moment as ``chosen`` from a source that states it in local time, if one does.

        ``2024-03-04T23:30Z`` and ``2024-03-05T00:30+01:00`` are one moment, but only the second
        gives the publisher's calendar date: a UTC value yields to it, and so does a naive value
        that is that moment written in UTC. No value is ever converted into a zone.
        """
        if chosen is None or chosen[0].utcoffset():
            return chosen
        value = chosen[0]
        for candidate_source, moment in self._structured_dates():
            if moment is None:
                continue
            offset = moment.utcoffset()
            if not offset:
                continue
            if value.tzinfo is not None and moment == value:
                return moment, candidate_source
            if value.tzinfo is None and moment.replace(tzinfo=None) - offset == value:
                return moment, candidate_source  # a naive value written in UTC
        return chosen

    def _structured_dates(self) -> Iterator[tuple[str, datetime | None]]:
        """Publication and modification dates written for machines (no page-text fallbacks)."""
        yield from self._machine_published
        yield from self._generic_published
        for source, moment in self._modified():
            if not source.startswith(_STRUCTURED):
                break  # the sources after this one are page text
            yield source, moment

    @cached_property
    def _hinted_date(self) -> Dated | None:
        """The date in an element whose class or id marks a date (not an update), nearest the headline."""
        marks = hints()
        found: list[tuple[lxml.html.HtmlElement, Dated]] = []
        for element in self.found.dates[:50]:
            if marks.modified.search(_marks(element)) or self._foreign(element):
                continue
            text = (
                element.get("datetime")
                or element.get("content")
                or (element.get("title") if element.tag == "abbr" else None)
                or element_text(element, limit=300)
            )
            printed = self._printed_date(text)
            if printed is not None and not printed[1]:  # "Updated June 5, 2024" is no publication date
                found.append((element, attrs.evolve(printed[0], source="html:date")))
        heading = self._heading
        if len(found) > 1 and heading is not None:
            places = self.found.positions([heading, *(e for e, _ in found)])
            at = places.get(heading, 0)
            found.sort(key=lambda pair: _distance(places.get(pair[0], 0), at))
        return found[0][1] if found else None

    def _labelled_date(self, labels: tuple[str, ...]) -> Dated | None:
        """A date right after a label in the page text ("Veröffentlicht am", "Published:")."""
        if labels not in self._labelled:
            self._labelled[labels] = self._read_labelled_date(labels)
        return self._labelled[labels]

    def _read_labelled_date(self, labels: tuple[str, ...]) -> Dated | None:
        text = self.found.text
        for end in self.found.after_labels(labels)[:50]:
            window = text[end : end + 40].lstrip(" :")
            match = search_date(window[:32], dayfirst=self.dayfirst) if window[:1].isalnum() else None
            if match is not None:
                return Dated(match.moment, "html:label", timed=match.timed)
        return None

    @cached_property
    def _heading(self) -> lxml.html.HtmlElement | None:
        """The heading that holds the headline.

        That is an ``<h1>``/``<h2>`` matching the title, else an ``<h3>``/``<h4>`` saying exactly
        the title, else the first ``<h1>`` of three or more words, else the first ``<h1>``.
        """
        title = credit_key(self.result.title or "")
        fallback = exact = None
        for element in self.found.headings[:60]:
            text = element_text(element, limit=500) or ""
            key = credit_key(text)
            if element.tag in ("h3", "h4"):
                if exact is None and key and key == title:
                    exact = element
                continue
            if key and title and (key == title or (len(key) >= 10 and (key in title or title in key))):
                return element
            if fallback is None and element.tag == "h1" and len(text.split()) >= 3:
                fallback = element
        if exact is not None:
            return exact
        if fallback is not None:
            return fallback
        return self.found.h1[0] if self.found.h1 else None

    @cached_property
    def _shown(self) -> Dated | None:
        """The publication date printed beside the headline, if one is (not an update date)."""
        found = self._date_near_heading()
        return None if found is None or found[1] else found[0]

    def _referee(self) -> Dated | None:
        """The date that settles disagreeing machine dates.

        That is the one printed beside the headline, else the first date in the text after it
        (unless a modification label stands before it).
        """
        shown = self._shown
        if shown is not None:
            return shown
        found = self._printed_after_heading
        return None if found is None or found[1] else found[0]

    def _date_near_heading(self) -> tuple[Dated, bool] | None:
        """A date written in (else just after, else just before) the headline's heading.

        The heading's siblings are searched, then its parent's, up to three levels up. Returns
        the date and whether a modification label ("Aktualisiert am") stands before it.
        """
        heading = self._heading
        if heading is None:
            return None
        found = self._printed_date(element_text(heading, limit=600))
        if found is not None:
            return found
        current: lxml.html.HtmlElement = heading
        for _ in range(3):
            after = list(itertools.islice(current.itersiblings(), 5))
            before = list(itertools.islice(current.itersiblings(preceding=True), 3))
            for sibling in [*after, *before]:
                if not isinstance(sibling.tag, str) or sibling.tag in ("script", "style", "nav", "footer"):
                    continue
                if hints().comments.search(_marks(sibling)):
                    continue  # a comment thread beside the article
                text = element_text(sibling, limit=600)
                if text is not None and _dates_in(text, self.dayfirst) >= LIST_DATES:
                    continue  # a list of other articles, each with its date
                found = self._printed_date(text)
                if found is not None:
                    return found
            parent = current.getparent()
            if parent is None or parent.tag in ("body", "html"):
                break
            current = parent
        return None

    def _printed_date(self, text: str | None) -> tuple[Dated, bool] | None:
        """The first date in ``text``, and whether a modification label stands before it."""
        match = None if text is None else search_date(text, dayfirst=self.dayfirst)
        if text is None or match is None:
            return None
        before = text[max(0, match.start - 40) : match.start].rstrip(" :-–|,").casefold()
        update = any(
            before.endswith(label) and not before[: -len(label)][-1:].isalpha()
            for label in hints().modified_label
        )
        return Dated(match.moment, "html:text", timed=match.timed), update

    @cached_property
    def _heading_text_index(self) -> int | None:
        """Where the headline's heading starts in the page text pieces, if there is one."""
        return None if self._heading is None else self.found.text_index(self._heading)

    @cached_property
    def _printed_after_heading(self) -> tuple[Dated, bool] | None:
        """:meth:`_printed_date` of :attr:`_text_after_heading` (weighed by several rules)."""
        return self._printed_date(self._text_after_heading)

    def _date_after_heading(self) -> Dated | None:
        """The first date in the page text within :data:`DATE_WINDOW` characters after the headline."""
        found = self._printed_after_heading
        return None if found is None else found[0]

    @cached_property
    def _text_after_heading(self) -> str | None:
        """The first :data:`DATE_WINDOW` characters of page text from the headline on, as one line."""
        start = self._heading_text_index
        if start is None:
            return None
        pieces: list[str] = []
        size = 0
        for piece in self.found.texts[start : start + 200]:
            text = " ".join(piece.split())
            if text:
                pieces.append(text)
                size += len(text) + 1
            if size > DATE_WINDOW:
                break
        return " ".join(pieces)[:DATE_WINDOW]

    def _modified(self) -> Iterator[tuple[str, datetime | None]]:
        yield from self._ld([*self.articles, *self.pages], "dateModified", self._date)
        yield from self._meta("modified", self._date)
        yield from self._items("dateModified", self._date, "datetime", "content")
        for moment in self._times(modified=True, hinted=True):
            yield "html:time", moment
        label = self._labelled_date(hints().modified_label)
        yield "html:label", None if label is None else label.moment

    # -- links, section, tags, images ------------------------------------------------------

    def _canonical(self) -> Iterator[tuple[str, str | None]]:
        for href in self.found.canonical:
            yield "html:canonical", absolute_url(href, self.base)
        yield from self._meta("canonical_url", lambda v: absolute_url(v, self.base))
        yield from self._ld(self.articles, "url", lambda v: absolute_url(text_of(v), self.base))
        yield from self._ld(
            self.articles,
            "mainEntityOfPage",
            lambda v: absolute_url(text_of(v, keys=("@id", "url")), self.base),
        )

    def _section(self) -> Iterator[tuple[str, str | None]]:
        yield from self._ld(self.articles, "articleSection", text_of)
        yield from self._meta("section", lambda v: clean(v, limit=200))
        yield from self._items("articleSection", lambda v: clean(v, limit=200), "content")

    def _tags(self) -> Iterator[tuple[str, list[str] | None]]:
        yield from self._ld(self.articles, "keywords", _tag_list)
        for key in _meta_names()["tags"]:
            yield f"meta:{key}", _tag_list(self.found.meta.get(key, []))
        items = [_item_value(e, "content") for e in self.found.itemprops.get("keywords", ())]
        yield "microdata:keywords", _tag_list([v for v in items if v is not None])

    def _images(self) -> Iterator[tuple[str, list[Image] | None]]:
        names = _meta_names()["images"]
        og_keys = [k for k in names if k.startswith("og:")]
        for key in og_keys:
            alts = self.found.meta.get("og:image:alt", [])
            yield f"meta:{key}", self._image_list(self.found.meta.get(key, []), alts)
        yield from self._ld(self.articles, "image", self._ld_images)
        for key in names:
            if key not in og_keys:
                alts = self.found.meta.get("twitter:image:alt", []) if key.startswith("twitter:") else []
                yield f"meta:{key}", self._image_list(self.found.meta.get(key, []), alts)
        elements = self.found.itemprops.get("image", [])
        yield (
            "microdata:image",
            self._image_list([_item_value(e, "src", "content", "href") or "" for e in elements], []),
        )

    def _image_list(self, urls: list[str], alts: list[str]) -> list[Image] | None:
        images: list[Image] = []
        seen: set[str] = set()
        for index, value in enumerate(urls):
            url = absolute_url(value, self.base)
            if url is None or url in seen:
                continue
            seen.add(url)
            images.append(Image(url=url, alt=clean(alts[index], limit=500) if index < len(alts) else None))
            if len(images) >= MAX_IMAGES:
                break
        return images or None

    def _ld_images(self, value: Any) -> list[Image] | None:
        images: list[Image] = []
        seen: set[str] = set()
        for item in self.ld.items(value):
            if isinstance(item, dict):
                url = absolute_url(text_of(item, keys=("url", "contentUrl", "@id")), self.base)
                caption = text_of(item.get("caption")) or text_of(item.get("description"))
            else:
                url, caption = absolute_url(text_of(item), self.base), None
            if url is None or url in seen:
                continue
            seen.add(url)
            images.append(Image(url=url, caption=caption))
            if len(images) >= MAX_IMAGES:
                break
        return images or None


def _heading_parts(element: lxml.html.HtmlElement) -> list[str]:
    """The texts of a heading's direct parts that belong to the headline, in order.

    Kickers, subtitles, dates and screen-reader text are left out; if nothing is left, the
    whole text is the one part.
    """
    extra = hints().heading_extra
    parts: list[str | None] = [clean(element.text)]
    for child in element:
        if (
            isinstance(child.tag, str)
            and child.tag not in ("small", "time", "br", "sup", "script", "style")
            and not extra.search(_marks(child))
        ):
            parts.append(element_text(child, limit=500))
        parts.append(clean(child.tail))
    kept = [p for p in parts if p is not None and any(c.isalnum() for c in p)]
    if kept:
        return kept
    whole = element_text(element, limit=500)
    return [whole] if whole is not None else []


def _names_link(name: str, href: str) -> bool:
    """Whether an author page's address names ``name`` (``/author/jane-doe`` for "Jane Doe")."""
    slug = credit_key(href.rstrip("/").rsplit("/", 1)[-1])
    key = credit_key(name)
    if not slug or not key:
        return False
    return key in slug or slug in key or any(len(w) >= 3 and credit_key(w) in slug for w in name.split())


def _distance(place: int, heading: int) -> int:
    """How far a date element is from the headline; dates before it count double (bylines follow)."""
    return place - heading if place >= heading else BEFORE_HEADLINE * (heading - place)


def _dates_in(text: str, dayfirst: bool) -> int:
    """How many dates ``text`` holds, counting up to :data:`LIST_DATES`."""
    count = 0
    at = 0
    while count < LIST_DATES:
        match = search_date(text[at:], dayfirst=dayfirst)
        if match is None:
            break
        count += 1
        at += max(match.end, 1)
    return count


def _dated(candidates: Iterable[tuple[str, datetime | None]]) -> list[Dated]:
    return [Dated(moment, source) for source, moment in candidates if moment is not None]


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _joined(*values: Any) -> str | None:
    """The clean strings among ``values`` joined by a space (``givenName familyName``)."""
    parts = [text for text in (text_of(v) for v in values) if text is not None]
    return " ".join(parts) or None


def _tag_list(value: Any) -> list[str] | None:
    """Tags from a list of strings, or one comma-separated string (JSON-LD or meta)."""
    items = value if isinstance(value, list) else [value]
    tags: list[str] = []
    seen: set[str] = set()
    for item in items:
        text = text_of(item) if isinstance(item, dict) else item
        if not isinstance(text, str):
            continue
        pieces = text.split(",") if "," in text else [text]
        for piece in pieces:
            tag = clean(piece, limit=100)
            if tag is None or tag.casefold() in seen:
                continue
            seen.add(tag.casefold())
            tags.append(tag)
            if len(tags) >= MAX_TAGS:
                return tags
    return tags or None


def extract_metadata(root: lxml.html.HtmlElement, *, url: str | None) -> PageMetadata:
    """Read the page's metadata from its parsed tree; ``url`` resolves relative links.

    Never raises on any tree: broken or hostile JSON-LD is read as far as it goes and recorded
    as a defect. See the module docstring for the sources and their precedence.
    """
    found = scan(root)
    return _Reader(found, read_jsonld(found.jsonld), url).read()
