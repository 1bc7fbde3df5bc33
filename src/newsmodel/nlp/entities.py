"""Entity recognition and within-document coreference. Placeholder until the rules land."""

from __future__ import annotations

from newsmodel.nlp.document import Doc
from newsmodel.nlp.recognizer import EntityRecognizer


def find_entities(doc: Doc, recognizer: EntityRecognizer | None) -> None:
    """Fill ``doc.entities`` with the entities mentioned in ``doc.text``."""
    del doc, recognizer
