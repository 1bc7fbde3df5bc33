"""Quotation finding: direct quotes by their marks, reported speech by its cues.

:func:`find_quotes` fills ``doc.quotes`` from one reading of the document
(:func:`newsmodel.nlp._clauses.analyse`): every direct quotation whose marks pair up (see
:mod:`newsmodel.nlp._marks`), and every reported-speech clause a reporting verb or phrase
introduces. A quoted fragment inside reported speech is not a quote of its own: the reported
clause around it is one :attr:`~newsmodel.QuoteKind.MIXED` quote. Quotation marks that open
and never close are recorded as ``unclosed-quote`` defects.

Confidence says how sure the rules are that the span is a quotation: 0.95 for a direct
quote with a reporting clause, 0.9 for one that continues an earlier quote, 0.7 for a
sentence-like quote with no clause, 0.2 to 0.5 for short fragments in narration (scare
quotes, titles), 0.8 for reported speech with a verb of saying and 0.6 with a verb of belief
or finding.
"""

from __future__ import annotations

from newsmodel.nlp._clauses import analyse
from newsmodel.nlp.document import Doc, QuoteDraft

__all__ = ["MIN_CONFIDENCE", "find_quotes"]

MIN_CONFIDENCE = 0.3
"""Quotation marks around a short fragment inside narration (scare quotes, a title) score
below this and are not reported as quotes."""


def find_quotes(doc: Doc) -> None:
    """Fill ``doc.quotes`` with the direct, indirect and mixed quotes in ``doc.text``."""
    analysis = doc.clauses = analyse(doc)
    doc.defects.extend(analysis.defects)
    for found in analysis.found:
        if found.confidence < MIN_CONFIDENCE:
            continue  # scare quotes and titles: not speech
        doc.quotes.append(QuoteDraft(span=found.span, kind=found.kind, confidence=found.confidence))
