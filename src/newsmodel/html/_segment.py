"""Cut a cleaned lxml tree into text segments: the paragraphs a reader would see.

One pass over the tree (``lxml.etree.iterwalk``, no recursion, so depth costs nothing) cuts
the text at every block-level element. Each segment keeps the block element that owns it (as
a *frame*: block elements are numbered in document order, so a subtree is a contiguous range
of numbers), its kind (paragraph, heading, list item, block quote, preformatted) and how much
of it is link text. ``<br>`` ends a line inside a segment; two or more in a row end the
segment. Whitespace is collapsed to single spaces except inside ``<pre>``; soft hyphens and
zero-width spaces are dropped. A table row of data cells reads as one line.

Figures and caption blocks are set aside (their frames are listed, their text is not walked);
hidden inline elements are skipped; hidden blocks are walked and flagged, for the content
selection to weigh.
"""

from __future__ import annotations

import re

import attrs
import lxml.etree

from newsmodel.html._hints import Hints
from newsmodel.pipeline import BlockKind

__all__ = ["CAPTION_NODES", "CAPTION_TEXT", "Frames", "Segment", "Segmentation", "segment_tree", "text_size"]

CAPTION_TEXT = 500
"""A caption-classed element with more text than this is body, not a caption."""
CAPTION_NODES = 60
"""... or with more elements than this."""

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Scripts written without spaces carry more per character: Han, kana, Hangul syllables, Thai.
_DENSE = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_BR = None  # a <br> in a segment's pieces
# What an open element is, for its end event: only block elements become frames.
_INLINE, _LINK, _CELL, _SKIPPED, _FRAME = range(5)
_CAPTION, _IMAGE = 1, 2  # what a block's class says it is, when it says so


# Invisible formatting characters a reader never sees: soft hyphen, zero-width space, and
# U+FEFF used as a zero-width no-break space. (Joiners stay: they shape scripts and emoji.)
_INVISIBLE = {0xAD: None, 0x200B: None, 0xFEFF: None}


def _normalize(text: str) -> str:
    """Collapse whitespace runs to one space, trim, and drop invisible formatting characters."""
    text = " ".join(text.split())
    if "\xad" in text or "\u200b" in text or "\ufeff" in text:
        text = text.translate(_INVISIBLE)
    return text


def text_size(text: str) -> int:
    """How much text ``text`` holds: non-space characters, dense scripts counted three times."""
    return len(text) - text.count(" ") - text.count("\n") + 2 * len(_DENSE.findall(text))


@attrs.define(slots=True)
class Segment:
    """One piece of visible text that stands as its own block on the page."""

    text: str
    kind: BlockKind
    frame: int
    """Number of the block element the text belongs to."""
    size: int
    """:func:`text_size` of the text."""
    link_size: int
    """:func:`text_size` of the part inside links."""
    level: int = 0
    """Heading level 1-6 for headings, else 0."""
    lead_link: int = 0
    """:func:`text_size` of the link text the segment opens with (a teaser's headline)."""

    @property
    def link_density(self) -> float:
        """Share of the text inside links."""
        return self.link_size / self.size if self.size else 0.0


@attrs.define(slots=True)
class Frames:
    """The block elements of a tree in document order, as parallel lists by frame number.

    Inline elements (links, emphasis, spans) are not frames: their text belongs to the
    block around them.
    """

    elements: list[lxml.etree._Element] = attrs.Factory(list)
    tags: list[str] = attrs.Factory(list)
    parents: list[int] = attrs.Factory(list)
    ends: list[int] = attrs.Factory(list)
    """Number of each frame's last descendant (itself when it has none)."""
    hidden: list[bool] = attrs.Factory(list)
    """Whether each element is hidden from readers (``hidden``, ``display: none``, ...)."""
    attributes: list[str] = attrs.Factory(list)
    """The class and id of each block element, space-separated ("" for other elements)."""

    def contains(self, outer: int, inner: int) -> bool:
        """Whether frame ``inner`` is ``outer`` or inside it."""
        return outer <= inner <= self.ends[outer]


class _Open:
    """A block element whose text is being collected."""

    __slots__ = ("broken", "frame", "level", "links", "pieces", "solid")

    def __init__(self, frame: int, level: int) -> None:
        self.frame = frame
        self.level = level
        self.pieces: list[str | None] = []
        self.links: list[int] = []
        """Indexes of the pieces inside links."""
        self.solid = False
        """Whether a piece has more than white space."""
        self.broken = False
        """Whether a piece is a line break."""


class _Walker:
    def __init__(self, hints: Hints) -> None:
        self.hints = hints
        self.frames = Frames()
        self.segments: list[Segment] = []
        self.open: list[_Open] = []
        self.in_pre = 0
        self.in_quote = 0
        self.in_item = 0
        self.open_frames: list[int] = []
        self.figures: list[int] = []
        self.captions: dict[str, int] = {}
        self.kinds: list[int] = []  # what each open element is: _FRAME, _LINK, ...
        self.block_tags = hints.block_tags
        self.cell_tags = hints.cell_tags

    def add(self, text: str, in_link: int) -> None:
        """Add a piece of text to the open block (the same as the walk does inline)."""
        if self.open:
            top = self.open[-1]
            top.pieces.append(text)
            if in_link:
                top.links.append(len(top.pieces) - 1)
            if not top.solid and not text.isspace():
                top.solid = True

    def kind(self) -> BlockKind:
        # Only a heading's own text is a heading: libxml2 leaves "<h2>...</h3>" open, and the
        # paragraphs that follow then sit inside the heading.
        if self.open[-1].level:
            return BlockKind.HEADING
        if self.in_pre:
            return BlockKind.PREFORMATTED
        if self.in_quote:
            return BlockKind.BLOCKQUOTE
        if self.in_item:
            return BlockKind.LIST_ITEM
        return BlockKind.PARAGRAPH

    def flush(self) -> None:
        top = self.open[-1]
        if not top.pieces:
            return
        pieces, link_pieces, solid, broken = top.pieces, top.links, top.solid, top.broken
        top.pieces, top.links, top.solid, top.broken = [], [], False, False
        if not solid:  # white space and line breaks only: no text to emit, whatever the kind
            return
        kind = self.kind()
        level = top.level
        if not link_pieces and not broken and kind is not BlockKind.PREFORMATTED:  # one plain line
            self._emit(_normalize("".join(pieces)), 0, kind, top.frame, level)  # type: ignore[arg-type]
            return
        links = [False] * len(pieces)
        for index in link_pieces:
            links[index] = True
        if kind is BlockKind.PREFORMATTED:
            self._emit_pre(pieces, links, top.frame, level)
            return
        lines: list[tuple[str, int, int]] = []  # text, link size, size of the link it opens with
        line: list[str] = []
        link_size = lead = 0
        leading = True
        for piece, is_link in zip(pieces, links, strict=True):
            if piece is _BR:
                lines.append((_normalize("".join(line)), link_size, lead))
                line, link_size, lead, leading = [], 0, 0, True
                continue
            line.append(piece)
            if is_link:
                size = text_size(piece)
                link_size += size
                if leading:
                    lead += size
            elif leading and not piece.isspace():
                leading = False
        lines.append((_normalize("".join(line)), link_size, lead))
        paragraph: list[str] = []
        paragraph_links = paragraph_lead = 0
        for text, links_in_line, lead_in_line in lines:
            if text:
                if not paragraph:
                    paragraph_lead = lead_in_line
                paragraph.append(text)
                paragraph_links += links_in_line
            elif paragraph:  # an empty line: two <br> in a row end the paragraph
                self._emit("\n".join(paragraph), paragraph_links, kind, top.frame, level, lead=paragraph_lead)
                paragraph, paragraph_links = [], 0
        if paragraph:
            self._emit("\n".join(paragraph), paragraph_links, kind, top.frame, level, lead=paragraph_lead)

    def _emit_pre(self, pieces: list[str | None], links: list[bool], frame: int, level: int) -> None:
        raw = "".join("\n" if piece is _BR else piece for piece in pieces).translate(_INVISIBLE)
        text = "\n".join(line.rstrip() for line in raw.splitlines()).strip()  # a Block has no outer space
        link_size = sum(
            text_size(p) for p, is_link in zip(pieces, links, strict=True) if is_link and p is not _BR
        )
        if text.strip():
            self._emit(text, link_size, BlockKind.PREFORMATTED, frame, level)

    def _emit(
        self, text: str, link_size: int, kind: BlockKind, frame: int, level: int, *, lead: int = 0
    ) -> None:
        if not text:
            return
        size = text_size(text)
        link_size = min(link_size, size)
        self.segments.append(Segment(text, kind, frame, size, link_size, level, min(lead, link_size)))

    def _is_caption(self, element: lxml.etree._Element, attribute: str) -> bool:
        """Whether a block is a caption, or an image with its caption, by class and size."""
        if not attribute:
            return False
        if attribute not in self.captions:  # pages repeat their class names: match each once
            caption = self.hints.caption_class.match(attribute) is not None
            image = not caption and self.hints.image_class.match(attribute) is not None
            self.captions[attribute] = _CAPTION if caption else _IMAGE if image else 0
        kind = self.captions[attribute]
        if not kind:
            return False
        # Little text in few elements; counting stops early, so the check costs O(1).
        chars, has_image = 0, False
        for nodes, node in enumerate(element.iter(), 1):
            chars += len(node.text or "") + (len(node.tail or "") if node is not element else 0)
            has_image = has_image or node.tag == "img"
            if nodes > CAPTION_NODES or chars > CAPTION_TEXT:
                return False
        return kind == _CAPTION or has_image

    def walk(self, root: lxml.etree._Element) -> None:  # noqa: PLR0915 (one loop: calls per element cost more)
        """Walk the tree once, opening and closing elements (one loop: it runs per element)."""
        block_tags, cell_tags = self.block_tags, self.cell_tags
        figure_tags, list_item_tags = self.hints.figure_tags, self.hints.list_item_tags
        frames = self.frames
        elements, tags, parents, ends = frames.elements, frames.tags, frames.parents, frames.ends
        hidden, attributes = frames.hidden, frames.attributes
        open_blocks, open_frames, kinds = self.open, self.open_frames, self.kinds
        top: _Open | None = None  # the innermost open block, whose text is being collected
        in_link = 0
        walker = lxml.etree.iterwalk(root, events=("start", "end"))
        for event, element in walker:
            if event == "start":
                tag = element.tag
                if not isinstance(tag, str):
                    tag = ""
                block = tag in block_tags or not open_frames
                if tag in cell_tags:  # a layout cell holding blocks is a block itself
                    block = any(isinstance(c.tag, str) and c.tag in block_tags for c in element)
                if not block:
                    if _is_hidden(element):  # hidden inline text is dropped; a hidden block is only marked
                        kinds.append(_SKIPPED)
                        walker.skip_subtree()
                        continue
                    if tag == "a":
                        in_link += 1
                        kinds.append(_LINK)
                    elif tag in cell_tags:  # a data cell: the row reads as one line
                        self.add(" ", in_link)
                        kinds.append(_CELL)
                    else:
                        if tag == "br" and top is not None:
                            top.pieces.append(_BR)
                            top.broken = True
                        kinds.append(_INLINE)
                else:
                    names, ident = element.get("class"), element.get("id")
                    attribute = f"{names} {ident}" if names and ident else names or ident or ""
                    figure = bool(open_frames) and (
                        (tag in figure_tags and _has_image(element))
                        or (bool(attribute) and self._is_caption(element, attribute))
                    )
                    number = len(tags)
                    elements.append(element)
                    tags.append(tag)
                    parents.append(open_frames[-1] if open_frames else -1)
                    ends.append(number)
                    hidden.append(_is_hidden(element))
                    attributes.append(attribute)
                    open_frames.append(number)
                    kinds.append(_FRAME)
                    if top is not None and top.pieces:
                        self.flush()
                    top = _Open(number, _HEADINGS.get(tag, 0))
                    open_blocks.append(top)
                    if tag == "pre":
                        self.in_pre += 1
                    elif tag == "blockquote":
                        self.in_quote += 1
                    elif tag in list_item_tags:
                        self.in_item += 1
                    if figure:
                        self.figures.append(number)
                        walker.skip_subtree()
                        continue
                text = element.text
            else:
                kind = kinds.pop()
                if kind == _FRAME:
                    number = open_frames.pop()
                    ends[number] = len(tags) - 1
                    tag = tags[number]
                    if top is not None and top.pieces:
                        self.flush()
                    open_blocks.pop()
                    top = open_blocks[-1] if open_blocks else None
                    if tag == "pre":
                        self.in_pre -= 1
                    elif tag == "blockquote":
                        self.in_quote -= 1
                    elif tag in list_item_tags:
                        self.in_item -= 1
                elif kind == _LINK:
                    in_link -= 1
                elif kind == _CELL:
                    self.add(" ", in_link)
                text = element.tail
            if text and top is not None:  # the text (or tail) goes to the open block
                pieces = top.pieces
                pieces.append(text)
                if in_link:
                    top.links.append(len(pieces) - 1)
                if not top.solid and not text.isspace():
                    top.solid = True


def _is_hidden(element: lxml.etree._Element) -> bool:
    """Whether markup hides an element: ``hidden``, ``aria-hidden="true"``, ``display: none``."""
    names = element.keys()  # one call, and most elements have none of these attributes
    if not names:
        return False
    if "hidden" in names or ("aria-hidden" in names and element.get("aria-hidden") == "true"):
        return True
    if "style" not in names:
        return False
    style = element.get("style") or ""
    return "none" in style and "display:none" in style.replace(" ", "").lower()


def _has_image(figure: lxml.etree._Element) -> bool:
    """Whether a ``<figure>`` shows an image (others hold tables, code, quotes: body text)."""
    for nodes, node in enumerate(figure.iter(), 1):
        if node.tag == "img":
            return True
        if nodes > CAPTION_NODES:
            break
    return False


@attrs.define
class Segmentation:
    """What the walk found: text segments in reading order, the frames, the figures."""

    segments: list[Segment]
    frames: Frames
    figures: list[int]
    """Frames of figures and caption blocks, whose text is not among the segments."""


def segment_tree(root: lxml.etree._Element, hints: Hints) -> Segmentation:
    """Cut a tree into segments (see the module docstring).

    The root is treated as a block element whatever its tag, so no text is lost.
    """
    walker = _Walker(hints)
    walker.walk(root)
    return Segmentation(walker.segments, walker.frames, walker.figures)
