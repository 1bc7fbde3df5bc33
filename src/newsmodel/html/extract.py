"""HTML extraction: from a saved page to a :class:`~newsmodel.pipeline.Draft`.

::

    bytes --_decode--> text --_decode--> UTF-8 lxml can hold --_tree--> tree (safe, limited)
    tree --metadata--> PageMetadata            (before anything is removed from the tree)
    tree --clean--> no scripts, styles, widgets --_segment--> segments, frames, figures
    segments --_content--> body blocks, removed blocks (each with its rule)
    figures in the body --_images--> images, merged with the metadata's

The same :func:`~newsmodel.pipeline.annotate` then runs on the draft as on plain text.
"""

from __future__ import annotations

import lxml.etree
import lxml.html

from newsmodel.html._content import Selection, select_content
from newsmodel.html._decode import decode_bytes, to_parser_bytes
from newsmodel.html._hints import hints
from newsmodel.html._images import image_of, merge_images
from newsmodel.html._rules import text_rules
from newsmodel.html._segment import segment_tree
from newsmodel.html._tree import parse_document
from newsmodel.html.metadata import extract_metadata
from newsmodel.model import Dateline, Defect, Provenance
from newsmodel.pipeline import Block, BlockKind, Draft
from newsmodel.policy import ParsePolicy

__all__ = ["extract_html"]

_EXCERPT = 80  # characters of a removed block quoted in its explain defect


def _clean(root: lxml.html.HtmlElement) -> None:
    """Remove what is never shown as text: scripts, styles, widgets of forms, embedded media."""
    lxml.etree.strip_elements(root, *hints().drop_tags, with_tail=False)


def _titles(root: lxml.html.HtmlElement, title: str | None) -> list[str]:
    """What the page calls its title: metadata's, OpenGraph's and the ``<title>`` element's."""
    found = [title] if title else []
    for element in root.iter("meta", "title"):  # document order, as the reader sees them
        if element.tag == "title":
            values: list[str | None] = list(element.itertext())
        elif element.get("property") == "og:title" or element.get("name") == "twitter:title":
            values = [element.get("content")]
        else:
            continue
        for value in values:
            text = " ".join((value or "").split())
            if text and text not in found:
                found.append(text)
    return found[:5]


def _dateline(blocks: list[Block], selection: Selection) -> Dateline | None:
    """The dateline opening the first paragraph, else one standing alone above the body."""
    rules = text_rules()
    if blocks and blocks[0].kind is BlockKind.PARAGRAPH:
        dateline = rules.dateline(blocks[0].text)
        if dateline is not None:
            return dateline
    standing = next((s.text for s, rule in selection.removed if rule == "dateline"), None)
    dateline = rules.standalone_dateline(standing) if standing else None
    if dateline is not None and not any(c in dateline.text for c in ",(-–—:"):
        return None  # a bare word ("SPORT") above an article is a label, not a place
    return dateline


def _excerpt(text: str) -> str:
    """``text``, cut to ``_EXCERPT`` characters with "..." when longer."""
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 3] + "..."


def extract_html(html: str | bytes, url: str | None, policy: ParsePolicy) -> Draft:
    """Decode and parse a page, read its metadata and extract its main content and images.

    Raises :class:`~newsmodel.DecodeError` (strict mode) and
    :class:`~newsmodel.LimitExceededError`; everything else the page gets wrong is recorded
    as a defect on the draft.
    """
    defects: list[Defect] = []
    encoding = utf8 = None
    if isinstance(html, bytes):
        decoded = decode_bytes(html, policy)
        text, encoding, utf8 = decoded.text, decoded.encoding, decoded.utf8
        defects.extend(decoded.defects)
    else:
        text = html
    data, cleaned = to_parser_bytes(text, policy, utf8)
    defects.extend(cleaned)
    root = parse_document(data, policy)
    if root is None:
        return Draft(url=url, encoding=encoding, defects=defects)
    meta = extract_metadata(root, url=url)
    defects.extend(meta.defects)
    titles = _titles(root, meta.title)
    _clean(root)
    walked = segment_tree(root, hints())
    selection = select_content(walked.segments, walked.frames, hints(), titles)
    images = [
        image_of(walked.frames.elements[frame], url, hints().credit_class)
        for frame in walked.figures
        if selection.holds(frame)
    ]
    if policy.explain:
        for segment, rule in selection.removed:
            defects.append(Defect(code="boilerplate", message=f"{rule}: {_excerpt(segment.text)}"))
        for frame in walked.figures:  # figures outside the content are left out with their captions
            if selection.holds(frame):
                continue
            left = image_of(walked.frames.elements[frame], url, hints().credit_class)
            if left is not None:
                words = " — ".join(filter(None, (left.caption, left.credit))) or left.alt or left.url or ""
                message = f"figure-outside-content: {_excerpt(words)}"
                defects.append(Defect(code="boilerplate", message=message))
    blocks = [Block(s.text, s.kind) for s in selection.kept]
    title, provenance = meta.title, list(meta.provenance)
    if title is None:  # the heading removed as the title stands in until metadata has one
        title = next((s.text for s, rule in selection.removed if rule == "title"), None)
        if title is not None:
            provenance.append(Provenance(field="title", source="html:heading"))
    return Draft(
        blocks=blocks,
        url=url,
        title=title,
        subtitle=meta.subtitle,
        authors=meta.authors,
        published=meta.published,
        modified=meta.modified,
        dateline=_dateline(blocks, selection),
        language=meta.language,
        canonical_url=meta.canonical_url,
        publisher=meta.publisher,
        section=meta.section,
        tags=meta.tags,
        images=merge_images(meta.images, filter(None, images)),
        encoding=encoding,
        provenance=provenance,
        defects=defects,
    )
