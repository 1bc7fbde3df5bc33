"""Plain-text layout: from scraped text to a :class:`~newsmodel.pipeline.Draft`."""

from newsmodel.text.layout import layout_text

__all__ = ["layout_text"]
