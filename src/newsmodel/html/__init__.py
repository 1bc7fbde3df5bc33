"""HTML extraction: from a saved page to a :class:`~newsmodel.pipeline.Draft`."""

from newsmodel.html.extract import extract_html

__all__ = ["extract_html"]
