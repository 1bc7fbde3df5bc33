"""HTML extraction. Placeholder until decoding, safe parsing and content scoring land.

It already wires the metadata interface in, so metadata work can be measured end to end.
"""

from __future__ import annotations

import lxml.html

from newsmodel.html.metadata import extract_metadata
from newsmodel.pipeline import Block, Draft
from newsmodel.policy import ParsePolicy


def extract_html(html: str | bytes, url: str | None, policy: ParsePolicy) -> Draft:
    """Decode and parse a page and extract its main content and metadata."""
    del policy
    root: lxml.html.HtmlElement = lxml.html.document_fromstring(html)
    meta = extract_metadata(root, url=url)
    blocks = [Block(" ".join(p.text_content().split())) for p in root.iter("p")]
    return Draft(
        blocks=[b for b in blocks if b.text],
        url=url,
        title=meta.title,
        subtitle=meta.subtitle,
        authors=meta.authors,
        published=meta.published,
        modified=meta.modified,
        language=meta.language,
        canonical_url=meta.canonical_url,
        publisher=meta.publisher,
        section=meta.section,
        tags=meta.tags,
        images=meta.images,
        provenance=meta.provenance,
    )
