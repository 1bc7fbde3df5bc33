"""Plain-text layout. Placeholder: paragraphs at blank lines until the layout rules land."""

from __future__ import annotations

from newsmodel.pipeline import Block, Draft
from newsmodel.policy import ParsePolicy


def layout_text(text: str, policy: ParsePolicy) -> Draft:
    """Split scraped article text into body blocks and metadata."""
    del policy
    lines = (line.strip() for line in text.splitlines())
    return Draft(blocks=[Block(line) for line in lines if line])
