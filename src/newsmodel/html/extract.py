"""HTML extraction. Placeholder until decoding, metadata and content scoring land."""

from __future__ import annotations

import lxml.html

from newsmodel.pipeline import Block, Draft
from newsmodel.policy import ParsePolicy


def extract_html(html: str | bytes, url: str | None, policy: ParsePolicy) -> Draft:
    """Decode and parse a page and extract its main content and metadata."""
    del policy
    root: lxml.html.HtmlElement = lxml.html.document_fromstring(html)
    blocks = [Block(" ".join(p.text_content().split())) for p in root.iter("p")]
    return Draft(blocks=[b for b in blocks if b.text], url=url)
