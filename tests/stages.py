"""Shared test helper: the annotation stages over body paragraphs, without the text layout."""

from newsmodel.model import Article
from newsmodel.nlp.attribution import attribute
from newsmodel.nlp.entities import find_entities
from newsmodel.nlp.quotes import find_quotes
from newsmodel.nlp.sentences import split_sentences
from newsmodel.pipeline import Block, Draft, build_doc, finalize


def body_article(*paragraphs: str) -> Article:
    """Run the quote stages over body paragraphs, as the pipeline does, and freeze the result."""
    doc = build_doc([Block(p) for p in paragraphs], "en")
    doc.sentences = split_sentences(doc.text, doc.paragraphs)
    find_entities(doc, None)
    find_quotes(doc)
    attribute(doc)
    return finalize(doc, Draft())
