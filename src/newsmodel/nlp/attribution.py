"""Speaker attribution. Placeholder until the rules land."""

from __future__ import annotations

from newsmodel.nlp.document import Doc


def attribute(doc: Doc) -> None:
    """Give each quote in ``doc.quotes`` its speaker, cue and evidence, where found."""
    del doc
