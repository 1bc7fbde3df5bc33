"""Figures and captions: ``<figure>``, caption blocks and their images become :class:`Image`.

The segment walk sets figures aside (their text is a caption, never body text); once the
content is chosen, the figures inside it are read here:

* the image: ``<img>`` ``src`` (or a lazy-loading ``data-src``; the widest ``srcset``
  candidate when there is no ``src``), resolved against the page URL when it is known;
* the caption: ``<figcaption>`` or the figure's text, without its credit;
* the credit: an element whose class says so (``<span class="credit">``), else a credit the
  caption ends with: ``Photo: Jane Doe``, ``(AP Photo/Jane Doe)``, ``Jane Doe/Agency``,
  ``© Agency``;
* ``alt`` text.

Images are merged with the page metadata's (``og:image``) by URL, without duplicates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urljoin

import lxml.etree

from newsmodel.html._hints import ClassHints
from newsmodel.model import Image

__all__ = ["CREDIT_SCAN", "image_of", "merge_images", "split_credit"]

CREDIT_SCAN = 300
"""How many characters at the end of a caption are searched for its credit."""

_LABELLED = re.compile(
    r"^(?P<caption>.*?)[\s(\[|–—-]*(?P<credit>(?:(?:photo(?:graph)?s?|image|picture|pic|foto|fotos|bild|"
    r"credit|credits|source|quelle|crédit|crédits|fuente|fonte|illustration)(?: by| von| de| par)?\s*[:：]|"
    r"©|\(c\)|copyright\b)\s*[^()\[\]]{1,120}?)[)\]]?\s*$",
    re.IGNORECASE | re.DOTALL,
)
_AGENCY_PHOTO = re.compile(
    r"^(?P<caption>.*?)[\s(\[]*(?P<credit>\b[A-Z][\w.]{0,20} Photos?/[^()\[\]]{1,80}?)[)\]]?\s*$", re.DOTALL
)
_SLASHED = re.compile(
    r"^(?P<caption>.*[.!?…)”\"])\s+(?P<credit>[A-Z][\w.'’-]{0,30}(?: [A-Z][\w.'’-]{0,30}){0,3} ?/ ?"
    r"[A-Z][\w.'’ &-]{1,60})$",
    re.DOTALL,
)
_SPACE = re.compile(r"\s+")
_CREDIT_LABEL = re.compile(
    r"^(?:(?:photo(?:graph)?s?|image|picture|pic|fotos?|bild|credits?|source|quelle|crédits?|fuente|fonte|"
    r"illustration)(?: by| von| de| par)?\s*[:：]\s*|(?:©|\(c\)|copyright)\s*)",
    re.IGNORECASE,
)


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = _SPACE.sub(" ", text).strip(" \t\n|·•–—-")
    return text or None


def split_credit(text: str) -> tuple[str | None, str | None]:
    """Split a caption into (caption, credit): ``"A bridge. Photo: Jane Doe"`` -> both parts."""
    text = " ".join(text.split())
    if not text:
        return None, None
    # A credit ends its caption: only the end is searched, so the cost is bounded.
    head, tail = text[:-CREDIT_SCAN], text[-CREDIT_SCAN:]
    for pattern in (_AGENCY_PHOTO, _LABELLED, _SLASHED):
        found = pattern.match(tail)
        if found is not None:
            credit = _clean(_CREDIT_LABEL.sub("", found.group("credit")))
            return _clean(head + found.group("caption")), credit
    return text, None


def _source(image: lxml.etree._Element) -> str | None:
    for attribute in ("src", "data-src", "data-lazy-src", "data-original", "data-url"):
        value = (image.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            return value
    srcset = image.get("srcset") or image.get("data-srcset") or ""
    best, width = None, -1.0
    for candidate in srcset.split(",")[:50]:
        parts = candidate.split()
        if not parts:
            continue
        number = (parts[1] if len(parts) > 1 else "1x")[:-1]
        candidate_width = float(number) if number.replace(".", "", 1).isdigit() else 0.0
        if candidate_width > width and not parts[0].startswith("data:"):
            best, width = parts[0], candidate_width
    return best


def _text_without(element: lxml.etree._Element, skip: Iterable[lxml.etree._Element]) -> str:
    """The element's text, leaving out the subtrees in ``skip`` (their tails stay)."""
    skipped = set(skip)
    parts: list[str] = []
    walker = lxml.etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        if node is element:
            if event == "start" and node.text:
                parts.append(node.text)
            continue
        if event == "start":
            if node in skipped:
                walker.skip_subtree()
            elif node.text and isinstance(node.tag, str):
                parts.append(node.text)
        elif node.tail:
            parts.append(node.tail)
    return " ".join("".join(parts).split())


def image_of(figure: lxml.etree._Element, url: str | None, credit_hints: ClassHints) -> Image | None:
    """The image a figure or caption block shows, with caption, credit and alt; or ``None``."""
    image = next(figure.iter("img"), None)
    if image is None:
        image = _nearby_image(figure)
    source = _source(image) if image is not None else None
    if source is not None and url:
        source = urljoin(url, source)
    alt = _clean(image.get("alt")) if image is not None else None
    credit_elements = [
        e
        for e in figure.iter()
        if e is not figure
        and isinstance(e.tag, str)
        and credit_hints.match(" ".join(filter(None, (e.get("class"), e.get("id"))))) is not None
    ]
    caption_element = next(figure.iter("figcaption"), None)
    scope = caption_element if caption_element is not None else figure
    text = _text_without(scope, credit_elements)
    credit = _clean(" ".join(_text_without(e, ()) for e in credit_elements)) if credit_elements else None
    if credit is None:
        caption, credit = split_credit(text)
    else:
        caption = _clean(text)
        credit = split_credit(credit)[1] or credit
    if source is None and caption is None and credit is None and alt is None:
        return None
    return Image(url=source, caption=caption, credit=credit, alt=alt)


def _nearby_image(caption: lxml.etree._Element) -> lxml.etree._Element | None:
    """The image a caption block without one belongs to: just before it, or beside it."""
    sibling = caption.getprevious()
    for _ in range(2):
        if sibling is None:
            break
        if sibling.tag == "img":
            return sibling
        found = next(sibling.iter("img"), None) if isinstance(sibling.tag, str) else None
        if found is not None:
            return found
        sibling = sibling.getprevious()
    return None


def _url_key(url: str | None) -> str | None:
    if url is None:
        return None
    return url.split("#", 1)[0].split("?", 1)[0].rstrip("/").lower()


def merge_images(first: Iterable[Image], second: Iterable[Image]) -> list[Image]:
    """Images of both lists, in order, one per URL: fields missing on one are taken from the other."""
    merged: list[Image] = []
    by_url: dict[str, int] = {}
    for image in [*first, *second]:
        key = _url_key(image.url)
        if key is not None and key in by_url:
            known = merged[by_url[key]]
            merged[by_url[key]] = Image(
                url=known.url,
                caption=known.caption or image.caption,
                credit=known.credit or image.credit,
                alt=known.alt or image.alt,
            )
            continue
        if key is None and image in merged:
            continue
        if key is not None:
            by_url[key] = len(merged)
        merged.append(image)
    return merged
