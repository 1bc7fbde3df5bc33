"""Quotation finding. Placeholder until the rules land."""

from __future__ import annotations

from newsmodel.nlp.document import Doc


def find_quotes(doc: Doc) -> None:
    """Fill ``doc.quotes`` with the direct, indirect and mixed quotes in ``doc.text``."""
    del doc
