"""Speaker attribution: who said each quote, with the evidence.

:func:`attribute` reads the document as :func:`~newsmodel.nlp.quotes.find_quotes` did (the
same deterministic analysis, :mod:`newsmodel.nlp._clauses`) and gives each quote in
``doc.quotes`` the source of the clause that introduces it. Quotes are handled in text
order, so resolution only ever looks back.

Each attribution keeps its evidence: ``cue`` (the reporting words), ``mention`` (the words
naming the source, as written: a name, "the minister", "he") and ``rule``, one of:

==============================  ==========================================================
``cue-after-quote``             ``"...," Roe said`` / ``"...," said Roe``
``cue-before-quote``            ``Roe said: "..."``
``reported-speech``             ``Roe said the plan failed`` / ``The plan failed, Roe said``
``according-to``                ``According to Roe, ...`` / ``..., according to Roe``
``participle``                  ``..., adding that ...`` / ``Roe smiled and said ...``: the
                                source of the clause before it, or of the sentence
``colon``                       ``Roe: "..."`` and transcript lines ``ROE: ...``
``dash``                        ``"..." -- Jo Poe`` signing a quote at the end of a line
``continuation``                a quote with no clause of its own that continues the quote
                                before it (same paragraph, or a paragraph that opens with it)
==============================  ==========================================================

A rule gets ``+pronoun``, ``+description`` or ``+relative`` appended when the source words are
a pronoun ("he said"), a definite description ("the agency says") or a relative pronoun
("Roe, who said") resolved to an earlier entity (see :mod:`newsmodel.nlp.anaphora`). Names
are linked to the entities stage's entities or added as new ones (see
:mod:`newsmodel.nlp.speakers`). When the source words name nobody the rules can find (a
spokesman, officials, "she" with no woman before it) the attribution keeps the ``mention``
with no ``speaker``: no guess.
"""

from __future__ import annotations

import attrs

from newsmodel.model import Excerpt, Mention, MentionForm, QuoteKind, Span
from newsmodel.nlp._clauses import Clause, Found, analyse
from newsmodel.nlp._phrases import Source
from newsmodel.nlp.anaphora import Recency
from newsmodel.nlp.cues import lexicon
from newsmodel.nlp.document import Doc, EntityDraft
from newsmodel.nlp.speakers import EntityIndex

__all__ = ["attribute"]

_CONFIDENCE_NAME = 0.95
_CONFIDENCE_RESOLVED = 0.8
_CONFIDENCE_UNRESOLVED = 0.5
_CONTINUATION = 0.9
_REPORTED = 0.95
_FIRST_PERSON = frozenset({"i", "we", "you"})


@attrs.frozen
class _Attribution:
    speaker: EntityDraft | None
    mention: Mention | None
    cue: Excerpt | None
    rule: str
    confidence: float


class _Attributor:
    def __init__(self, doc: Doc, quotes: list[Span]) -> None:
        self.doc = doc
        self.lex = lexicon()
        self.index = EntityIndex(doc, self.lex)
        self.recency = Recency(self.index, self.lex, quotes)
        self.sources: dict[int, tuple[EntityDraft | None, Mention, str, float]] = {}

    def source(self, source: Source) -> tuple[EntityDraft | None, Mention, str, float]:
        """Speaker, mention, rule suffix and confidence for a source phrase (memoised)."""
        key = id(source)
        known = self.sources.get(key)
        if known is None:
            known = self._resolve(source)
            self.sources[key] = known
        return known

    def _resolve(self, source: Source) -> tuple[EntityDraft | None, Mention, str, float]:
        doc = self.doc
        recency = self.recency
        span = source.mention
        if source.form is MentionForm.NAME:
            recency.advance(source.span.start)
            named, mention = self.index.link_name(span, source.span, source.roles)
            recency.note(mention.start, named)
            recency.shadow(source.roles)
            return named, mention, "", _CONFIDENCE_NAME
        known = self.index.covering(span, tuple(MentionForm))
        if known is not None and known[0].span == span and source.antecedent is None:
            # the entities stage already resolved these very words
            return known[1], known[0], "", _CONFIDENCE_RESOLVED
        mention = doc.mention(span.start, span.end, source.form)
        if source.form is MentionForm.PRONOUN:
            if source.antecedent is not None:
                entity, _, _, confidence = self._resolve(source.antecedent)
                return entity, mention, "+relative", confidence * 0.95
            if source.head in _FIRST_PERSON:
                return None, mention, "", _CONFIDENCE_UNRESOLVED
            entity = recency.pronoun(source.head, span.start)
            if entity is None:
                return None, mention, "", _CONFIDENCE_UNRESOLVED
            return entity, mention, "+pronoun", _CONFIDENCE_RESOLVED
        covering = self.index.covering(source.span, (MentionForm.NAME, MentionForm.NOMINAL))
        if covering is not None:  # a description around a name the entities stage knows
            found_mention, entity = covering
            if found_mention.form is MentionForm.NOMINAL:
                return entity, found_mention, "", _CONFIDENCE_RESOLVED
        if source.definite:
            entity = recency.description(source.head, span.start)
            if entity is not None:
                recency.note(span.start, entity)
                return entity, mention, "+description", _CONFIDENCE_RESOLVED
        return None, mention, "", _CONFIDENCE_UNRESOLVED

    def attribution(self, found: Found, clause: Clause) -> _Attribution:
        speaker, mention, suffix, confidence = self.source(clause.source)
        rule = "participle" if clause.inherited else (found.rule or "reported-speech")
        if found.kind is not QuoteKind.DIRECT and not clause.inherited:
            confidence *= _REPORTED
        cue = self.doc.excerpt(clause.cue.span.start, clause.cue.span.end)
        return _Attribution(speaker, mention, cue, rule + suffix, round(confidence, 3))


def attribute(doc: Doc) -> None:
    """Give each quote in ``doc.quotes`` its speaker, cue and evidence, where found."""
    if not doc.quotes:
        return
    analysis = doc.clauses if doc.clauses is not None else analyse(doc)
    quote_spans = [Span(start=m.opening.start, end=m.closing.end) for m in analysis.marked]
    attributor = _Attributor(doc, quote_spans)
    results: list[_Attribution | None] = []
    for found in analysis.found:
        result: _Attribution | None = None
        if found.clause is not None:
            result = attributor.attribution(found, found.clause)
        elif found.cue is not None:  # a question with no asker named
            cue = doc.excerpt(found.cue.span.start, found.cue.span.end)
            result = _Attribution(None, None, cue, found.rule or "question", _CONFIDENCE_UNRESOLVED)
        elif found.follows >= 0:
            before = results[found.follows]
            if before is not None:
                result = attrs.evolve(
                    before, rule="continuation", confidence=round(before.confidence * _CONTINUATION, 3)
                )
        results.append(result)
    by_quote = {(f.span, f.kind): r for f, r in zip(analysis.found, results, strict=True)}
    held: dict[int, dict[Span, Mention]] = {}  # per speaker: the first mention at each span
    for draft in doc.quotes:
        result = by_quote.get((draft.span, draft.kind))
        if result is None or draft.rule is not None:
            continue
        draft.speaker = result.speaker
        draft.mention = result.mention
        if result.speaker is not None and result.mention is not None:
            # freezing keeps the first mention at a span: attribute that very one
            spans = held.get(id(result.speaker))
            if spans is None:
                spans = {}
                for mention in result.speaker.mentions:
                    spans.setdefault(mention.span, mention)
                held[id(result.speaker)] = spans
            draft.mention = spans.setdefault(result.mention.span, result.mention)
        draft.cue = result.cue
        draft.rule = result.rule
        draft.attribution_confidence = result.confidence
