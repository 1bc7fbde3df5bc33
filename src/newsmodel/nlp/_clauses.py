"""Cue clauses: who said what, read from the narration around each reporting word.

:func:`analyse` is the single reading of a document that both :func:`~newsmodel.nlp.quotes.find_quotes`
and :func:`~newsmodel.nlp.attribution.attribute` use (it is deterministic, so each stage may
run it). For every cue (a reporting verb or phrase, see :mod:`newsmodel.nlp.cues`) it finds
the source phrase and the content, which gives these patterns (rule names in quotes):

- ``"...," Roe said.`` / ``"...," said Roe.`` / ``"...?" she asked`` -- a direct quote
  right before the clause: ``cue-after-quote``.
- ``Roe said: "..."`` / ``Roe told reporters, "..."`` -- a direct quote right after the cue
  (and its object and short adverbials): ``cue-before-quote``. Also across a paragraph break
  when the clause ends its paragraph with a colon.
- ``Roe said (that) the plan failed.`` -- reported speech to the end of the sentence:
  ``reported-speech``; with a quoted fragment inside it is mixed (the fragment is part of it).
- ``The plan failed, Roe said.`` / ``..., said Roe.`` -- reported speech before the clause,
  from the start of the sentence: ``reported-speech``.
- ``The plan, Roe said, would fail.`` -- both sides of a parenthetical clause:
  ``reported-speech``.
- ``According to Roe, ...`` / ``..., according to Roe.`` -- ``according-to``.
- ``..., adding that ...`` / ``Roe smiled and said ...`` -- a participle after a comma or a
  verb after "and" takes the source of the clause before it, or the sentence's subject.
- ``Roe: "..."`` and transcript paragraphs ``ROE: ...`` -- ``colon``; ``"..." -- Roe`` at
  the end of a line -- ``dash``.
- ``Roe commented on Tuesday. "..."`` -- a clause with no content of its own introduces the
  quote that follows: ``cue-before-quote``.

Reported speech ends at the sentence end (``doc.sentences``, or a nearer terminal mark before
a capital when the sentences are coarse) and never runs more than a long sentence's length,
so the cost stays linear. A clause inside a subordinate clause ("bruises that Fields showed")
neither introduces nor interrupts quotes.

Direct quotes no clause claims are kept with what is known about them: whether another
quote in their paragraph (or the paragraph before) is the one they continue, and whether
they read like speech (a sentence) or like scare quotes or a title (a fragment inside
narration).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from newsmodel.model import Defect, MentionForm, QuoteKind, Span
from newsmodel.nlp._marks import MarkedQuote, scan_marks
from newsmodel.nlp._phrases import PhraseParser, Source
from newsmodel.nlp._phrases import abbreviation_dot as _abbreviation_dot
from newsmodel.nlp._tokens import Token, tokenize
from newsmodel.nlp.cues import CueClass, Lexicon, lexicon
from newsmodel.nlp.document import Doc

_MAX_AUXILIARIES = 4
_MAX_SUBJECT_WINDOW = 40
_MAX_ADVERBIAL = 12
_MAX_SENTENCE_WALK = 80
_MAX_CONTENT = 120
_MAX_LEAD = 3
SCARE_CONFIDENCE = 0.2
"""Confidence of a short quoted fragment inside narration: scare quotes or a title."""
_QUESTION_OPENERS = frozenset(
    {"when", "after", "once", "if", "while", "before", "again", "later", ",", "(", "\u2014"}
)
"""Words that may stand right before a sentence's "asked" that reports a question put to someone."""
_QUESTION_WORDS = frozenset(
    {"about", "whether", "if", "to", "what", "how", "why", "who", "whom", "which", "where", "when"}
)
"""Words that open the question after "asked"."""
_IRREGULAR_PASTS = frozenset(
    {"said", "wrote", "told", "spoke", "thought", "knew", "saw", "found", "sought", "understood"}
)
_NOUN_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my", "your"})
"""Words after which a cue form is a noun ("their reports", "a retort")."""
_BEFORE_PARTICIPLE = frozenset({",", "and", "but", "before", "after", "while", "when", "by"})
"""Words after which a participle cue takes the sentence's source ("..., before saying")."""
_MAX_RELATIVE_LEAD = 6
"""Words an apposition holding a relative source may have before the pronoun ("a local farmer who")."""
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_PARTICIPLES = frozenset({"told", "said", "asked", "thought", "known", "found", "shown", "written", "quoted"})
_TERMINAL = frozenset(".?!\u2026")
_DASHES = frozenset({"\u2014", "\u2013", "--"})


@attrs.frozen
class Cue:
    """A reporting verb or phrase, as token positions and text span."""

    span: Span
    cue_class: CueClass
    takes_object: bool
    first: int
    last: int
    """Index just past the cue's last token."""


@attrs.frozen
class Clause:
    """A cue with its source."""

    paragraph: int
    cue: Cue
    source: Source
    inverted: bool = False
    """The source follows the cue ("said Roe")."""
    inherited: bool = False
    """A participle that took the source of the clause before it."""


@attrs.define
class Found:
    """A quotation the analysis found, with the clause that introduces it (if any)."""

    span: Span
    kind: QuoteKind
    confidence: float
    paragraph: int
    clause: Clause | None = None
    rule: str | None = None
    """How the clause attaches: ``cue-after-quote``, ``cue-before-quote``, ``reported-speech``,
    ``according-to``; ``None`` for a direct quote no clause claims."""
    quote: int = -1
    """Index of the direct quotation (-1 for reported speech)."""
    follows: int = -1
    """For an unclaimed direct quote: index (in :attr:`Analysis.found`) of the quote it continues."""
    cue: Cue | None = None
    """The cue of reported speech with no source to name ("Asked about the plan, ...")."""


@attrs.frozen
class Analysis:
    """Direct quotations, reported speech and their clauses, in text order."""

    marked: list[MarkedQuote]
    defects: list[Defect]
    found: list[Found]


_TRAILING_CONJUNCTIONS = frozenset({"and", "or", "but", "nor"})
"""Words that never end a reported clause: the next clause's conjunction."""


def analyse(doc: Doc) -> Analysis:
    """Read ``doc`` for quotations and the clauses that introduce them."""
    marked, defects = scan_marks(doc.text, doc.paragraphs)
    sentences = doc.sentences or doc.paragraphs
    lex = lexicon()
    paragraphs = tokenize(doc.text, doc.paragraphs, sentences, marked, lex.cue_words)
    reader = _Reader(doc.text, doc.paragraphs, marked, lex)
    for number, tokens in enumerate(paragraphs):
        reader.paragraph(number, tokens)
    return Analysis(marked=marked, defects=defects, found=reader.found)


@attrs.define(eq=False)
class _Paragraph:
    """One paragraph being read: its tokens, sentence bounds and what it has claimed."""

    number: int
    tokens: list[Token]
    parser: PhraseParser
    starts: list[int]
    """For each token, the index of the first token of its sentence."""
    ends: list[int]
    """For each token, the index just past the last token of its sentence."""
    absorbed: set[int] = attrs.Factory(set)
    """Direct quotations that are fragments of reported speech found here."""
    idle: set[int] = attrs.Factory(set)
    """``id()`` of clauses that introduce nothing in their own sentence ("Roe said.")."""
    subordinate: set[int] = attrs.Factory(set)
    """``id()`` of clauses inside a subordinate clause ("bruises that Fields showed")."""

    def low(self, k: int) -> int:
        """Where a backward walk from token ``k`` stops: its sentence start, or a window."""
        return max(self.starts[k], k - _MAX_SUBJECT_WINDOW)


class _Reader:
    """Reads paragraphs in order, collecting found quotes."""

    def __init__(
        self, text: str, paragraphs: Sequence[Span], marked: list[MarkedQuote], lex: Lexicon
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.marked = marked
        self.lex = lex
        self.found: list[Found] = []
        self.claimed: dict[int, int] = {}  # direct quotation index -> index in found
        # an unclaimed quotation running on past its paragraph: where it opened, and the
        # context there (it is judged when its last paragraph is read, in that context)
        self.opened: dict[int, tuple[_Paragraph, int, _Context]] = {}
        self.colon: Clause | None = None  # a clause ending the last paragraph with a colon

    # -- per paragraph -----------------------------------------------------------------

    def paragraph(self, number: int, tokens: list[Token]) -> None:
        colon, self.colon = self.colon, None
        if not tokens:
            return
        starts, ends = _sentence_bounds(tokens)
        para = _Paragraph(number, tokens, PhraseParser(tokens, self.lex), starts, ends)
        first_found = len(self.found)
        if colon is not None and tokens[0].is_quote:
            self._direct(tokens[0].quote, colon, "cue-before-quote", number)
        self._transcript(para)
        self._questions(para)
        clauses: list[Clause] = []
        cue_words = self.lex.cue_words
        headline = _headline(tokens)
        after_cue = 0  # tokens of a cue are not read again as cues
        for i, token in enumerate(tokens):
            if i < after_cue or token.lower not in cue_words:
                continue
            cue = self._cue(tokens, i, headline=headline)
            if cue is None:
                continue
            clause = self._clause(para, cue, clauses)
            after_cue = cue.last
            if clause is not None:
                clauses.append(clause)
                if cue.cue_class is CueClass.SOURCE_FIRST:  # "according to its reports": no cue inside
                    after_cue = _index_after(tokens, clause.source.span.end, cue.last, len(tokens))
        openings = [self._clause_start(para, clause) for clause in clauses]
        for clause, opening in zip(clauses, openings, strict=True):
            if opening > 0 and not clause.inverted and self._subordinator(tokens[opening - 1]):
                para.subordinate.add(id(clause))
        for n, clause in enumerate(clauses):
            limit = len(tokens)
            for m in range(n + 1, min(n + 4, len(clauses))):
                opening = openings[m]
                if opening > clause.cue.last and _boundary_before(tokens, opening, starts):
                    limit = opening
                    break
            if (
                n + 1 < len(clauses)
                and clauses[n + 1].source.span.start <= clause.cue.span.start
                and not (
                    clauses[n + 1].inherited and _that_follows(tokens, clause.cue, clauses[n + 1].cue.first)
                )
            ):
                # this clause sits inside the next one's source ("Roe, who writes ..., said"), or
                # "Roe praised A and criticized B": two contents; but in "Roe wrote that they
                # would call and talk about it" the second verb is part of the reported clause
                limit = min(limit, max(clauses[n + 1].cue.first, clause.cue.last))
            if clause.source.antecedent is not None:
                limit = self._relative_end(tokens, clause, limit)
            count = len(self.found)
            self._contents(para, clause, openings[n], limit)
            if len(self.found) == count and self.colon is not clause:
                para.idle.add(id(clause))
        self._drop_nested(first_found)
        if any(t.is_quote and t.quote not in self.claimed and t.quote not in para.absorbed for t in tokens):
            self._unclaimed(para, clauses, first_found)
        self._sort_from(first_found)

    def _relative_end(self, tokens: Sequence[Token], clause: Clause, limit: int) -> int:
        """Where the content of a clause with a relative source ends, at most ``limit``.

        A relative clause set off by a comma (right before the pronoun, or before an apposition
        that holds it: "Lind, a farmer who said ...") ends at the next comma that does not open
        a clause of its own: in "Roe, who said the bridge would reopen, was cheered" the
        content is "the bridge would reopen".
        """
        who = _index_at(tokens, clause.source.mention.start, 0, clause.cue.first)
        k = who - 1
        while k >= max(0, who - _MAX_RELATIVE_LEAD) and tokens[k].text != "," and tokens[k].is_word:
            k -= 1
        if k < 0 or tokens[k].text != ",":
            return limit
        inner = False  # inside a comma-bounded clause of the content ("the bridge, which is old,")
        for m in range(clause.cue.last, limit):
            if tokens[m].text != ",":
                continue
            if inner:
                inner = False
            elif m + 1 < limit and self.lex.is_("relative", tokens[m + 1].lower):
                inner = True
            else:
                return m
        return limit

    def _drop_nested(self, first: int) -> None:
        """Drop stances reported inside other reported speech.

        In "Roe said that he opposes the plan", "he opposes the plan" is part of what Roe said,
        not a second quote. Verbs of saying keep their own quote ("Roe said the agency, which
        officials said was closing, ..."): speech reported within speech is still speech.
        """
        block = self.found[first:]
        if len(block) < 2:
            return
        order = sorted(block, key=lambda f: (f.span.start, -f.span.end))
        nested: set[int] = set()
        reach = -1  # the furthest end of the reported speech seen so far
        for found in order:
            if found.kind is QuoteKind.DIRECT:
                continue
            if (
                found.span.end <= reach
                and found.kind is QuoteKind.INDIRECT
                and found.clause is not None
                and found.clause.cue.cue_class is CueClass.REPORT
            ):
                nested.add(id(found))
            reach = max(reach, found.span.end)
        if not nested:
            return
        self.found[first:] = [f for f in block if id(f) not in nested]
        for index in range(first, len(self.found)):
            if self.found[index].quote >= 0:
                self.claimed[self.found[index].quote] = index

    def _transcript(self, para: _Paragraph) -> None:
        """``ROE: We will rebuild.`` -- a paragraph opened by a name and a colon.

        As in interview transcripts, the rest of the paragraph is what the name said.
        """
        tokens = para.tokens
        colon = next((k for k in range(1, min(len(tokens), 6)) if tokens[k].text == ":"), -1)
        if colon < 0 or colon + 1 >= len(tokens) or tokens[colon + 1].is_quote:
            return
        source = para.parser.noun_phrase_before(colon, 0)
        if source is None or source.form is not MentionForm.NAME or source.span.start != tokens[0].start:
            return
        token = tokens[colon]
        cue = Cue(Span(start=token.start, end=token.end), CueClass.SPEECH, False, colon, colon + 1)
        clause = Clause(para.number, cue, source)
        self._reported(para, clause, colon + 1, len(tokens), rule="colon", whole=True, minimum=3)

    def _questions(self, para: _Paragraph) -> None:
        """``Asked about the plan, Roe said ...`` -- the question put to a source is reported too.

        "Asked" opening a sentence or after "when", "after", ... (and "by" its asker, if named)
        reports the question: from "about", "whether", "if", "to" or a question word to the
        next comma or the sentence end. Without "by" the question has no source.
        """
        tokens = para.tokens
        for k, token in enumerate(tokens):
            if token.lower != "asked" or not token.is_word:
                continue
            start = para.starts[k]
            if k > start and tokens[k - 1].lower not in _QUESTION_OPENERS:
                continue
            high = min(para.ends[k], k + _MAX_ADVERBIAL)
            source = None
            m = k + 1
            if m < high and tokens[m].lower == "by":
                source = para.parser.after(m + 1, high)
                if source is None:
                    continue
                m = _index_after(tokens, source.span.end, m + 1, high)
            while (
                m < high
                and not tokens[m].is_quote
                and tokens[m].text not in ",;:"
                and tokens[m].text not in _TERMINAL
            ):
                if tokens[m].lower in _QUESTION_WORDS and not tokens[m].capitalized:
                    break
                m += 1
            if m >= high or tokens[m].lower not in _QUESTION_WORDS:
                continue
            end = m + 1
            while end < para.ends[k] and tokens[end].text != "," and not tokens[end].is_quote:
                if tokens[end].text in _TERMINAL and not _abbreviation_dot(tokens, end, self.lex):
                    break
                end += 1
            if end - m < 2:
                continue
            cue = Cue(Span(start=token.start, end=token.end), CueClass.SPEECH, False, k, k + 1)
            span = Span(start=tokens[m].start, end=tokens[end - 1].end)
            if source is not None:
                clause = Clause(para.number, cue, source)
                self.found.append(Found(span, QuoteKind.INDIRECT, 0.8, para.number, clause, "question"))
            else:
                self.found.append(Found(span, QuoteKind.INDIRECT, 0.8, para.number, rule="question", cue=cue))

    def _clause_start(self, para: _Paragraph, clause: Clause) -> int:
        """Index of the clause's first token (its source, or its cue when the source follows)."""
        cue = clause.cue
        if clause.inverted or clause.inherited or cue.cue_class is CueClass.SOURCE_FIRST:
            return cue.first
        return _index_at(para.tokens, clause.source.span.start, para.low(cue.first), cue.first)

    def _cue(self, tokens: list[Token], i: int, *, headline: bool = False) -> Cue | None:
        """The cue starting at token ``i``; a capitalised one only in a ``headline`` (not first)."""
        token = tokens[i]
        lex = self.lex
        if token.lower not in lex.cue_words or not token.is_word or self._auxiliary(token):
            return None  # not a cue word; "said again", "said also"
        capitalized = token.capitalized and not (headline and i > 0)
        for phrase in lex.phrases.get(token.lower, ()):
            n = len(phrase.words)
            if i + n <= len(tokens) and all(tokens[i + k].lower == phrase.words[k] for k in range(n)):
                if phrase.cue_class is CueClass.NOT_A_CUE:
                    return None
                if phrase.cue_class is not CueClass.SOURCE_FIRST and capitalized:
                    continue
                span = Span(start=token.start, end=tokens[i + n - 1].end)
                return Cue(span, phrase.cue_class, False, i, i + n)
        verb = lex.verbs.get(token.lower)
        if verb is None or capitalized:
            return None
        if i + 1 < len(tokens) and (
            (lex.is_("finite", tokens[i + 1].lower) and not tokens[i + 1].capitalized)
            or (tokens[i + 1].lower == "of" and not self._past(token.lower))
        ):
            return None  # a noun: "the estimate was", "his claims have", "a comment of her own"
        if i > 0 and self._determined_noun(tokens, i):
            return None  # a noun: "their reports", "a retort", "her recovered emails"
        return Cue(Span(start=token.start, end=token.end), verb.cue_class, verb.takes_object, i, i + 1)

    def _past(self, lower: str) -> bool:
        """Whether a cue form is a past tense ("said of Roe" is a verb, "a comment of" a noun)."""
        return lower.endswith("ed") or lower in _IRREGULAR_PASTS

    def _determined_noun(self, tokens: list[Token], i: int) -> bool:
        """Whether the word at ``i`` follows an article or a possessive.

        A plural form may have a participle between ("her recovered emails").
        """
        previous = tokens[i - 1]
        if previous.lower in _NOUN_DETERMINERS:
            return True
        return (
            tokens[i].lower.endswith("s")
            and i > 1
            and previous.is_word
            and not previous.capitalized
            and previous.lower.endswith("ed")
            and previous.lower not in self.lex.verbs
            and tokens[i - 2].lower in _NOUN_DETERMINERS
        )

    def _clause(self, para: _Paragraph, cue: Cue, clauses: list[Clause]) -> Clause | None:
        tokens = para.tokens
        parser = para.parser
        k = cue.first
        low = para.low(k)
        high = para.ends[k]
        if cue.cue_class is CueClass.SOURCE_FIRST:
            source = parser.after(cue.last, high)
            if source is None or self._source_goes_on(tokens, source, cue.last, high):
                # "according to Federal Election Commission filings": more than the name
                source = parser.loose_after(cue.last, high) or source
            return None if source is None else Clause(para.number, cue, source)
        j = k
        while j > low and k - j < _MAX_AUXILIARIES and self._auxiliary(tokens[j - 1]):
            j -= 1
        if any(tokens[x].lower in _BE for x in range(j, k)) and (
            tokens[k].lower in _PARTICIPLES or tokens[k].lower.endswith("ed")
        ):
            return None  # passive: "was told", "is expected"
        participle = tokens[k].lower.endswith("ing") and j == k
        if j == k and j > low and tokens[k].lower.endswith("s") and self._counts(tokens[j - 1]):
            return None  # a plural noun: "a dozen states", "50 reports"
        source = None if participle else self._source_before(parser, tokens, j, low)
        if participle:
            source = self._absolute(parser, tokens, j, low)  # "with a spokesman, Jo Poe, saying"
        if source is not None:
            return Clause(para.number, cue, source)
        previous = tokens[j - 1] if j > low else None
        if previous is not None and (
            (previous.lower in _BEFORE_PARTICIPLE and tokens[k].lower.endswith("ing"))
            or previous.lower in ("and", "but")
        ):
            # "..., adding that" / "... and said": the subject of the clause or sentence before
            main = self._main_clause(para, clauses, k)
            if main is not None:
                return Clause(para.number, cue, main.source, inherited=True)
            subject = self._sentence_subject(para, k)
            if subject is not None:
                return Clause(para.number, cue, subject, inherited=True)
            if clauses and clauses[-1].cue.last >= k - 12:
                return Clause(para.number, cue, clauses[-1].source, inherited=True)
            return None
        if j == k and (
            previous is None or previous.is_quote or previous.text in (",", ":") or previous.text in _DASHES
        ):
            source = parser.after(cue.last, high)
            if source is not None and self._ends_inversion(tokens, source, cue.last, high):
                return Clause(para.number, cue, source, inverted=True)
        if participle or cue.cue_class is not CueClass.SPEECH:
            return None
        # "People with direct knowledge of the talks said": a subject the parser cannot read
        source = parser.loose_before(j, low)
        return None if source is None else Clause(para.number, cue, source)

    def _source_before(self, parser: PhraseParser, tokens: list[Token], j: int, low: int) -> Source | None:
        """The source before a verb at ``j``, past time adverbials ("Roe on Thursday said")."""
        source = parser.before(j, low)
        if source is not None and not self._only_time(tokens, source, low, j):
            if source.form is MentionForm.PRONOUN:
                return source
            start = _index_after(tokens, source.span.start, low, j)
            if start > low and parser.preposition(tokens[start - 1]):
                # "People with knowledge of the talks said": the phrase is a preposition's object
                loose = parser.loose_before(j, low)
                if loose is not None and loose.span.start < source.span.start:
                    return loose
            return source
        timed = self._time_before(tokens, j, low)
        return parser.before(timed, low) if timed < j else None

    def _only_time(self, tokens: list[Token], source: Source, low: int, j: int) -> bool:
        """Whether a name source is only time words ("Priebus later Thursday told")."""
        if source.form is not MentionForm.NAME:
            return False
        first = _index_after(tokens, source.mention.start, low, j)
        last = _index_after(tokens, source.mention.end, first, j)
        return all(self.lex.is_("time", t.lower) for t in tokens[first:last])

    def _absolute(self, parser: PhraseParser, tokens: list[Token], j: int, low: int) -> Source | None:
        """The subject of "with NOUN PHRASE saying": the phrase, if "with" opens it."""
        source = parser.before(j, low)
        if source is not None and source.form is not MentionForm.PRONOUN:
            start = _index_after(tokens, source.span.start, low, j)
            if start > low and tokens[start - 1].lower == "with":
                return source
        # "with a spokesman, Jo Poe, saying": read forward from "with" to the participle
        with_ = next(
            (m for m in range(j - 1, max(low, j - _MAX_ADVERBIAL) - 1, -1) if tokens[m].lower == "with"), -1
        )
        if with_ < 0:
            return None
        source = parser.after(with_ + 1, j)
        if (
            source is None
            or source.form is not MentionForm.NAME
            or not source.roles
            or source.roles[0].start != tokens[with_ + 1].start
            or source.roles[0].end >= source.mention.start
        ):
            return None  # only a name in apposition to a description before it ("a spokesman, Jo Poe,")
        end = _index_after(tokens, source.span.end, with_ + 1, j)
        return source if end == j or (end == j - 1 and tokens[end].text == ",") else None

    def _main_clause(self, para: _Paragraph, clauses: list[Clause], k: int) -> Clause | None:
        """The clause of token ``k``'s sentence whose source a participle at ``k`` takes.

        Clauses inside a relative or subordinate clause ("an architect who said") are passed
        over; of the rest the nearest with a verb of saying, else the first ("Roe wrote that
        the agents knew ..., saying": Roe).
        """
        tokens = para.tokens
        sentence = tokens[k].sentence
        candidates: list[Clause] = []
        for clause in clauses:
            if tokens[clause.cue.first].sentence != sentence or clause.cue.first >= k:
                continue
            if clause.source.form is MentionForm.PRONOUN and clause.source.antecedent is not None:
                continue
            opening = self._clause_start(para, clause)
            if opening > 0 and not clause.inverted and self._subordinator(tokens[opening - 1]):
                continue
            candidates.append(clause)
        speech = [c for c in candidates if c.cue.cue_class is CueClass.SPEECH]
        if speech:
            return speech[-1]
        return candidates[0] if candidates else None

    def _time_before(self, tokens: list[Token], end: int, low: int) -> int:
        """Start of the time adverbials ending before ``end`` ("on Thursday evening", "in 2010")."""
        lex = self.lex
        k = end
        while k > low and end - k < _MAX_AUXILIARIES:
            token = tokens[k - 1]
            if (
                token.is_word
                and (lex.is_("time", token.lower) or token.text.isdigit())
                and not (
                    token.capitalized
                    and k - 1 > low
                    and tokens[k - 2].capitalized
                    and tokens[k - 2].is_word
                    and not lex.is_("time", tokens[k - 2].lower)
                )
            ):
                k -= 1
                if k > low and lex.is_("preposition", tokens[k - 1].lower) and not tokens[k - 1].capitalized:
                    k -= 1
                continue
            if token.lower in ("evening", "morning", "afternoon", "night") and k - 1 > low:
                k -= 1
                continue
            break
        return k

    def _source_goes_on(self, tokens: list[Token], source: Source, start: int, high: int) -> bool:
        """Whether a few more words, no clause, follow a source up to a comma or the sentence end."""
        k = _index_after(tokens, source.span.end, start, high)
        end = k
        while end < high and end - k <= 3 and tokens[end].is_word:
            if self.lex.is_("finite", tokens[end].lower) or self.lex.is_("relative", tokens[end].lower):
                return False
            end += 1
        return k < end < high and end - k <= 3 and (tokens[end].text in ",;" or tokens[end].text in _TERMINAL)

    def _subordinator(self, token: Token) -> bool:
        lower = token.lower
        return token.is_word and (
            self.lex.is_("relative", lower)
            or (self.lex.is_("conjunction", lower) and lower not in ("and", "but", "or", "so", "yet"))
        )

    def _sentence_subject(self, para: _Paragraph, k: int) -> Source | None:
        """The name or pronoun opening the sentence of token ``k`` ("Roe smiled and said")."""
        start = para.starts[k]
        if k - start > _MAX_SUBJECT_WINDOW:
            return None
        tokens = para.tokens
        first = tokens[start]
        opening = self._adverbial(first) and first.lower not in self.lex.pronouns
        if not opening and start + 2 < k and tokens[start + 1].lower in ("later", "earlier", "ago"):
            opening = tokens[start + 2].text == ","  # "Hours later, Roe ..."
        if opening:
            # "In his speech, Obama ... and said": the subject follows an opening adverbial
            comma = next((m for m in range(start + 1, min(k, start + 10)) if tokens[m].text == ","), -1)
            if comma < 0:
                return None
            start = comma + 1
            first = tokens[start]
        if first.is_quote or first.lower in ("i", "we", "you"):
            return None
        subject = para.parser.after(start, k)
        if subject is None or (subject.form is MentionForm.NOMINAL and not subject.definite):
            return None
        return subject

    def _ends_inversion(self, tokens: list[Token], source: Source, start: int, high: int) -> bool:
        """Whether an inverted source ("said Roe") is followed by no verb of its own."""
        k = _index_after(tokens, source.span.end, start, high)
        if k >= high:
            return True
        token = tokens[k]
        lower = token.lower
        return (
            not token.is_word
            or self.lex.is_("time", lower)
            or (
                (self.lex.is_("preposition", lower) or self.lex.is_("np-preposition", lower))
                and not token.capitalized
            )
            or lower in ("and", "but", "who", "whose", "which", "that")
            or (not token.capitalized and lower.endswith(("ed", "ing")) and lower not in self.lex.verbs)
            or (lower in _PARTICIPLES and lower not in self.lex.verbs)  # "said the chief known as Bob"
        )

    def _adverbial(self, token: Token) -> bool:
        """Whether a word can only be part of an adverbial ("Too often", "In fact", "Still")."""
        lower = token.lower
        lex = self.lex
        return (
            not token.is_word
            or (lower.endswith("ly") and lower not in lex.given_names)  # not "Carly", "Kelly"
            or lower in ("too", "so", "very", "fact", "course", "turn", "general", "short", "addition")
            or any(
                lex.is_(name, lower)
                for name in ("auxiliary", "preposition", "conjunction", "time", "not-name")
            )
        )

    def _counts(self, token: Token) -> bool:
        lower = token.lower
        return (
            token.text[0].isdigit()
            or self.lex.is_("quantifier", lower)
            or lower in ("dozen", "the", "these", "those", "such")
        )

    def _auxiliary(self, token: Token) -> bool:
        lower = token.lower
        return (
            token.is_word
            and not token.capitalized
            and (self.lex.is_("auxiliary", lower) or (lower.endswith("ly") and len(lower) > 4))
        )

    # -- contents ----------------------------------------------------------------------

    def _contents(self, para: _Paragraph, clause: Clause, clause_start: int, limit: int) -> None:
        """Find what ``clause`` introduces: a quote before or after it, or reported speech."""
        tokens = para.tokens
        cue = clause.cue
        high = min(para.ends[cue.first], limit)
        low = para.starts[cue.first]
        according = cue.cue_class is CueClass.SOURCE_FIRST
        after = cue.last
        if clause.inverted or according:
            after = _index_after(tokens, clause.source.span.end, cue.last, high)
        rule = "according-to" if according else "reported-speech"
        forward = self._forward_start(para, clause, after, high)
        gerund = forward is not None and self._gerund_object(para, clause, forward, high)
        if gerund:
            forward = None  # "is considering sending troops": an action weighed, not a statement
        if (
            according
            and forward is not None
            and forward > after
            and tokens[forward - 1].text == ","
            and clause_start - 1 > low
            and tokens[clause_start - 1].text == ","
            and not any(self.lex.is_("finite", t.lower) for t in tokens[forward:high])
        ):
            forward = None  # "..., according to the survey, the agency's annual report.": an apposition
        b = self._quote_before(para, clause, clause_start, forward)
        if (
            b >= 0
            and self._embedded(para, b - 1)
            and forward is not None
            and self._prepositional(tokens, b - 1, low)
        ):
            b = -1  # On the show "This Week," Roe said ...: the quote names where, the content follows
        if b >= 0:
            if self._embedded(para, b - 1):
                # Yet the plan is "a disaster," Roe said: reported speech quoting a fragment
                self._reported(para, clause, self._local_start(tokens, b - 1, low), b, rule=rule)
            else:
                self._direct(
                    tokens[b - 1].quote,
                    clause,
                    "according-to" if according else "cue-after-quote",
                    para.number,
                )
            if forward is not None and self._explicit(tokens, forward, after):
                self._forward(para, clause, forward, high, rule)
            return
        if forward is not None:
            if tokens[forward].is_quote and forward > after and tokens[forward - 1].text in (",", ":"):
                self._lead(para, clause, clause_start, low, rule, short=True)  # Instead, Roe said, "..."
            self._forward(para, clause, forward, high, rule)
            return
        if self._parenthetical(para, clause, clause_start, after, high=high, rule=rule):
            return
        if tokens[-1].text == ":" and 0 <= len(tokens) - 1 - after <= _MAX_ADVERBIAL:
            self.colon = clause  # "Roe said:" closing the paragraph introduces the next one
            return
        if gerund:
            return
        # reported speech before the clause: "The plan failed, Roe said."
        b = clause_start
        if b > low and tokens[b - 1].text == "," and b - 1 > low and tokens[b - 2].is_word:
            b -= 1
        elif not (according and b > low):
            return
        first = self._local_start(tokens, b, low)
        if any(t.is_word for t in tokens[first:b]):
            self._reported(para, clause, first, b, rule=rule)

    def _parenthetical(
        self, para: _Paragraph, clause: Clause, clause_start: int, after: int, *, high: int, rule: str
    ) -> bool:
        """``The plan, Roe said, would fail.``: reported speech on both sides of the clause."""
        tokens = para.tokens
        low = para.starts[clause.cue.first]
        tail = self._skip_adverbials(tokens, after, high, clause.cue)
        if (
            tail is None
            or (tail > after and tokens[after].lower == "to")  # "sought to portray ..., while"
            or tail + 1 >= high
            or tokens[tail].text != ","
            or not tokens[tail + 1].is_word
            or self.lex.is_("conjunction", tokens[tail + 1].lower)  # "..., Roe said, although ..."
            or clause_start - 1 <= low
            or tokens[clause_start - 1].text != ","
            or clause.inherited
        ):
            return False
        self._lead(para, clause, clause_start, low, rule)
        self._reported(para, clause, tail + 1, high, rule=rule)
        return True

    def _lead(
        self, para: _Paragraph, clause: Clause, clause_start: int, low: int, rule: str, *, short: bool = False
    ) -> None:
        """``Still, Roe said, ...``: the words before a parenthetical clause are reported too.

        Even one word ("But", "Instead") or an adverbial is part of what the source said. Before
        a clause that introduces a direct quote (``short``) only a few words that do not open
        with a preposition are: "In a statement, Roe said, "..."" sets the scene.
        """
        tokens = para.tokens
        if clause_start - 1 <= low or tokens[clause_start - 1].text != "," or clause.inherited:
            return
        first = self._local_start(tokens, clause_start - 1, low)
        if any(t.is_quote for t in tokens[first : clause_start - 1]):
            return
        if short and (
            clause_start - 1 - first > _MAX_LEAD
            or self.lex.is_("preposition", tokens[first].lower)
            or tokens[first].lower.endswith("ing")
        ):
            return
        self._reported(para, clause, first, clause_start - 1, rule=rule, minimum=1, lead=True)

    def _prepositional(self, tokens: list[Token], index: int, low: int) -> bool:
        """Whether the sentence part ending at ``index`` opens with a preposition ("On Fox, ...")."""
        first = self._local_start(tokens, index, low)
        token = tokens[first]
        return (
            first < index
            and token.is_word
            and (
                self.lex.is_("preposition", token.lower) or token.lower.endswith("ing")
            )  # "Walking in to ..."
        )

    def _quote_before(self, para: _Paragraph, clause: Clause, clause_start: int, forward: int | None) -> int:
        """Index just past a direct quote the clause follows ("...," Roe said), or -1."""
        if clause.inherited:
            return -1
        tokens = para.tokens
        low = para.starts[clause.cue.first]
        b = clause_start
        if b > low and (tokens[b - 1].text in (",", ":") or tokens[b - 1].text in _DASHES):
            b -= 1
        if not (b > 0 and tokens[b - 1].is_quote and (b == clause_start or tokens[b].text == ",")):
            return -1
        # no sentence check here: splitters often end a sentence at '?" Roe asked'
        quote = self.marked[tokens[b - 1].quote]
        end_mark = self.text[quote.content.end - 1]
        if (
            b == clause_start
            and clause.cue.cue_class is not CueClass.SOURCE_FIRST
            and end_mark in _TERMINAL
            and tokens[clause_start].capitalized
            and forward is not None
            and (end_mark == "." or self._explicit(tokens, forward, forward))
        ):
            return -1  # "We lost." He said the plan failed.
        return b

    def _embedded(self, para: _Paragraph, index: int) -> bool:
        """Whether the quotation at ``index`` continues narration in its sentence."""
        tokens = para.tokens
        if index <= para.starts[index]:
            return False
        previous = tokens[index - 1]
        if (
            previous.is_quote
            or previous.text in _TERMINAL
            or previous.text in (":", "(", "[")
            or previous.text in _DASHES
        ):
            return False
        return previous.sentence == tokens[index].sentence

    def _local_start(self, tokens: list[Token], index: int, low: int) -> int:
        """Start of the sentence part ending at ``index``.

        That is ``low``, or just after a nearer sentence end (a terminal mark before a capital)
        when ``doc.sentences`` is coarser than sentences.
        """
        floor = max(low, index - _MAX_SENTENCE_WALK)
        k = index
        while k > floor:
            previous = tokens[k - 1]
            if (
                k < len(tokens)
                and previous.text in _TERMINAL
                and (tokens[k].capitalized or tokens[k].is_quote)
                and not _abbreviation_dot(tokens, k - 1, self.lex)
            ):
                return k
            if previous.is_quote and k - 1 > floor and tokens[k - 2].text in _TERMINAL:
                return k - 1
            k -= 1
        return floor

    def _local_end(self, tokens: list[Token], start: int, high: int) -> int:
        """End of the sentence part starting at ``start``.

        That is ``high``, or a nearer sentence end (a terminal mark before a capital), and never
        more than a long sentence's length.
        """
        ceiling = min(high, start + _MAX_CONTENT)
        for k in range(start + 1, ceiling):
            previous = tokens[k - 1]
            if (
                previous.text in _TERMINAL
                and (tokens[k].capitalized or tokens[k].is_quote)
                and not _abbreviation_dot(tokens, k - 1, self.lex)
            ):
                return k
        return ceiling

    def _explicit(self, tokens: list[Token], start: int, after: int) -> bool:
        """Whether forward content at ``start`` is introduced explicitly (that, a colon, a quote)."""
        token = tokens[start]
        return token.is_quote or token.lower == "that" or (start > after and tokens[start - 1].text == ":")

    def _forward_start(self, para: _Paragraph, clause: Clause, after: int, high: int) -> int | None:
        """Where reported content after the clause begins, or ``None`` if there is none."""
        tokens = para.tokens
        k = after
        cue = clause.cue
        if cue.takes_object and not clause.inverted and k < high and tokens[k].lower != "that":
            target = para.parser.after(k, high)
            if target is not None:
                k = _index_after(tokens, target.span.end, k, high)
            elif self.lex.is_("object-pronoun", tokens[k].lower):  # "told her the fees were too high"
                k += 1
            else:  # "told reporters that": any short object before "that"
                for m in range(k + 1, min(high, k + 4)):
                    if tokens[m].lower == "that":
                        k = m
                        break
                    if not tokens[m].is_word:
                        break
        if (
            k > after
            and k + 1 < high
            and (
                tokens[k].lower == "to"
                or (tokens[k].lower in ("not", "never") and tokens[k + 1].lower == "to")
            )
        ):
            return k  # "urged voters to stay home", "told them not to worry": the infinitive is the content
        skipped = self._skip_adverbials(tokens, k, high, cue)
        if skipped is None:
            return None
        k = skipped
        if k < high and tokens[k].text in (":", ","):
            if tokens[k].text == "," and k + 1 < high and cue.cue_class is not CueClass.SOURCE_FIRST:
                following = tokens[k + 1]
                if not (following.is_quote or following.lower == "that"):
                    # "Roe joked, again using an accent, “...”": a quote after an aside
                    return self._quote_after_aside(tokens, k + 1, high)
            k += 1
        if k >= high:
            return None
        token = tokens[k]
        if token.is_quote or token.lower == "that":
            return k
        if not token.is_word or self._auxiliary(token):
            return None  # "said again", "said also"
        lex = self.lex
        if lex.verbs.get(token.lower) is not None and token.lower.endswith("ing"):
            return None  # ", adding that ..." is a clause of its own
        if cue.cue_class is CueClass.SOURCE_FIRST:
            # "according to the survey, which ...": a relative clause on the source, not content
            return None if self.lex.is_("relative", token.lower) else k
        if lex.is_("preposition", token.lower) and not (
            token.lower == "to" and cue.cue_class is CueClass.REPORT
        ):
            return None
        return k

    def _gerund_object(self, para: _Paragraph, clause: Clause, k: int, high: int) -> bool:
        """Whether a stance verb in the progressive takes a gerund phrase at ``k`` as its object.

        "Canada is considering sending troops" reports a deliberation under way, not a
        statement: no reported speech. A stance taken ("Roe proposed raising taxes") and a
        verb of saying ("Roe said sending troops was a mistake") keep their content.
        """
        cue = clause.cue
        tokens = para.tokens
        if cue.cue_class is not CueClass.REPORT or not tokens[cue.first].lower.endswith("ing"):
            return False
        j = cue.first
        low = para.low(j)
        while j > low and cue.first - j < _MAX_AUXILIARIES and self._auxiliary(tokens[j - 1]):
            j -= 1
        if not any(tokens[m].lower in _BE for m in range(j, cue.first)):
            return False
        return self._gerund_phrase(tokens, k, high)

    def _gerund_phrase(self, tokens: list[Token], k: int, high: int) -> bool:
        """Whether the words from ``k`` are a gerund phrase, not a clause.

        A lower-case word in -ing opens it and no finite verb (an auxiliary, a modal or a past
        in -ed) follows before the next clause boundary: "sending troops to the region" is the
        object of "considering", while in "sending troops was a mistake" the gerund is the
        subject of a reported clause.
        """
        token = tokens[k]
        lower = token.lower
        if not (token.is_word and not token.capitalized and lower.endswith("ing") and len(lower) > 5):
            return False
        for m in range(k + 1, high):
            token = tokens[m]
            if token.is_quote or token.text in ",;:(" or token.text in _DASHES:
                break
            lower = token.lower
            if token.is_word and (
                self.lex.is_("finite", lower)
                or lower.endswith(("n't", "n\u2019t"))
                or (lower.endswith("ed") and not token.capitalized)
                or lower in _IRREGULAR_PASTS
            ):
                return False
            if token.text in _TERMINAL and not _abbreviation_dot(tokens, m, self.lex):
                break
        return True

    def _quote_after_aside(self, tokens: list[Token], k: int, high: int) -> int | None:
        """Index of a quote that follows a short aside ending in a comma or colon, if any."""
        for m in range(k + 1, min(high, k + _MAX_ADVERBIAL)):
            token = tokens[m]
            if token.is_quote:
                return m if tokens[m - 1].text in (",", ":") else None
            if (
                token.text in _TERMINAL and not _abbreviation_dot(tokens, m, self.lex)
            ) or token.lower in self.lex.verbs:
                return None
        return None

    def _skip_adverbials(self, tokens: list[Token], k: int, high: int, cue: Cue) -> int | None:
        """Skip time words and adverbials after a cue ("said Tuesday in a statement that")."""
        lex = self.lex
        for _ in range(4):
            if k >= high:
                break
            token = tokens[k]
            lower = token.lower
            if lex.is_("time", lower) and token.is_word:
                k += 1
                continue
            if (
                lex.is_("preposition", lower)
                and not token.capitalized
                and k + 1 < high
                and (lex.is_("time", tokens[k + 1].lower) or tokens[k + 1].text.isdigit())
            ):
                k += 2  # "said on Friday", "said in 2015"
                continue
            if (
                lower == "that"
                and k + 1 < high
                and lex.is_("time", tokens[k + 1].lower)
                and (k + 2 >= high or tokens[k + 2].text in _TERMINAL or tokens[k + 2].text == ",")
            ):
                k += 2  # "said that morning.", not "said that this time ..."
                continue
            if lower == "to" and cue.cue_class is CueClass.REPORT:
                return k  # "hoped to carry the state": the infinitive is the content
            if lower == "of" and k == cue.last:
                # "said of the pier that ..." / "said of Roe: ...": what follows is the content;
                # in "boasted of his skills" the phrase is
                explicit = self._lookahead(tokens, k, high)
                if (
                    explicit is None
                    or any(
                        lex.is_("preposition", t.lower) or lex.is_("np-preposition", t.lower)
                        for t in tokens[k + 1 : explicit]
                    )
                    or _relative_that(tokens, explicit, high, lex)
                ):
                    break  # "boasted of his appeal to voters that ...", "said of a list that included"
                k = explicit
                continue
            if lex.is_("preposition", lower) and not token.capitalized:
                explicit = self._lookahead(tokens, k, high)
                if explicit is None:
                    return k if lower == "to" and cue.cue_class is CueClass.REPORT else None
                k = explicit
                continue
            break
        return k

    def _lookahead(self, tokens: list[Token], k: int, high: int) -> int | None:
        """After an adverbial at ``k`` ("in a statement"), where explicit content starts."""
        stop = min(high, k + _MAX_ADVERBIAL)
        for m in range(k + 1, stop):
            token = tokens[m]
            if token.is_quote:
                return m if tokens[m - 1].text in (",", ":") else None
            if token.lower == "that" or token.text in (":", ","):
                return m
            if token.text in _TERMINAL and not _abbreviation_dot(tokens, m, self.lex):
                return None
        return None

    def _forward(self, para: _Paragraph, clause: Clause, start: int, high: int, rule: str) -> None:
        tokens = para.tokens
        token = tokens[start]
        if token.is_quote and (
            start + 1 >= len(tokens)
            or not tokens[start + 1].is_word
            or self.text[self.marked[token.quote].content.end - 1] in _TERMINAL
        ):
            direct_rule = "cue-before-quote" if rule == "reported-speech" else rule
            self._direct(token.quote, clause, direct_rule, para.number)
            return
        self._reported(para, clause, start, high, rule=rule)

    def _reported(
        self,
        para: _Paragraph,
        clause: Clause,
        start: int,
        end: int,
        *,
        rule: str,
        minimum: int = 2,
        whole: bool = False,
        lead: bool = False,
    ) -> None:
        if clause.cue.cue_class is CueClass.QUOTE:
            return  # "continued to rise": a direct-quote cue only
        tokens = para.tokens
        if not whole:
            end = self._local_end(tokens, start, end)
        while end > start and (
            tokens[end - 1].text in ".,;:!?\u2014\u2013-(["
            or (not lead and tokens[end - 1].lower in _TRAILING_CONJUNCTIONS)  # "... the coup and" | demanded
        ):
            end -= 1
        while start < end and not (tokens[start].is_word or tokens[start].is_quote):
            start += 1
        if end - start < 1:
            return
        inside = [t.quote for t in tokens[start:end] if t.is_quote]
        if inside and len(inside) == end - start:
            return  # only quotations: they are direct quotes of their own
        words = sum(1 for t in tokens[start:end] if t.is_word)
        if words < minimum and not inside:
            return
        if not inside and (
            (not lead and all(self._adverbial(t) for t in tokens[start:end]))
            or (
                tokens[start].lower in ("which", "who", "whom")
                and start > 0
                and tokens[start - 1].text == ","
            )
        ):
            return  # "reported late Thursday", "according to X, which tracks ..."
        para.absorbed.update(inside)
        kind = QuoteKind.MIXED if inside else QuoteKind.INDIRECT
        confidence = 0.6 if clause.cue.cue_class is CueClass.REPORT else 0.8
        span = Span(start=tokens[start].start, end=tokens[end - 1].end)
        self.found.append(Found(span, kind, confidence, para.number, clause, rule))

    def _direct(self, quote: int, clause: Clause, rule: str, number: int) -> None:
        if quote in self.claimed:
            return
        marked = self.marked[quote]
        self.claimed[quote] = len(self.found)
        self.found.append(Found(marked.content, QuoteKind.DIRECT, 0.95, number, clause, rule, quote=quote))

    # -- unclaimed quotes ----------------------------------------------------------------

    def _unclaimed(self, para: _Paragraph, clauses: list[Clause], first_found: int) -> None:
        """Keep the direct quotes no clause claimed: continuations, speech, scare quotes."""
        tokens = para.tokens
        here = sorted(range(first_found, len(self.found)), key=lambda i: self.found[i].span.start)
        previous = first_found - 1
        while previous >= 0 and not _context(self.found[previous]):
            previous -= 1
        state = _Context(previous=previous)
        next_found = next_cue = 0
        for position, token in enumerate(tokens):
            while next_found < len(here) and self.found[here[next_found]].span.end <= token.start:
                if _context(self.found[here[next_found]]):
                    state.reset(here[next_found])
                next_found += 1
            while next_cue < len(clauses) and clauses[next_cue].cue.span.start < token.start:
                clause = clauses[next_cue]
                last = state.last
                next_cue += 1
                if id(clause) in para.subordinate:
                    continue  # "..., referring to bruises that Fields showed": not a new source
                earlier = self.found[last].clause if last >= 0 else None
                if earlier is not None and self._aside(para, clause, earlier):
                    continue  # '"...," Roe said in the conference call.': the same sentence, no content
                if earlier is None or (
                    clause is not earlier
                    and clause.source is not earlier.source  # ", citing ...": the same source
                    and clause.cue.span.start > self.found[last].span.end
                ):
                    state.interrupted = True
                speech = clause.cue.cue_class is CueClass.SPEECH
                state.introducer = clause if id(clause) in para.idle and speech else None
            if token.is_quote and token.quote not in self.claimed and token.quote not in para.absorbed:
                marked = self.marked[token.quote]
                if marked.last_paragraph == para.number:
                    self._keep(para, position, marked, state)
                elif marked.first_paragraph == para.number:
                    self.opened[token.quote] = (para, position, attrs.evolve(state))

    def _aside(self, para: _Paragraph, clause: Clause, earlier: Clause) -> bool:
        """Whether ``clause`` is a stance word with no content in the sentence of ``earlier``."""
        tokens = para.tokens
        return (
            id(clause) in para.idle
            and clause.cue.cue_class is not CueClass.SPEECH
            and earlier.paragraph == para.number
            and tokens[clause.cue.first].sentence == tokens[earlier.cue.first].sentence
        )

    def _keep(self, para: _Paragraph, position: int, marked: MarkedQuote, state: _Context) -> None:
        """Record one unclaimed direct quote, attached as well as the context allows."""
        quote = para.tokens[position].quote
        index = len(self.found)
        # a quotation over several paragraphs is read in the context where it opened
        where, at, context = self.opened.pop(quote, (para, position, state))
        tokens = where.tokens
        if not self._starts_sentence(tokens, at):
            words = len(marked.content.of(self.text).split())
            confidence = 0.5 if words >= 8 else SCARE_CONFIDENCE
            self.found.append(Found(marked.content, QuoteKind.DIRECT, confidence, para.number, quote=quote))
            self.claimed[quote] = index
            if confidence > SCARE_CONFIDENCE:
                state.reset(index)
            return
        colon = self._colon_clause(where, at)
        dash = self._dash_clause(para, position)  # the signature follows the closing mark
        introducer = context.introducer
        if colon is not None:
            self._direct(quote, colon, "colon", para.number)
        elif dash is not None:
            self._direct(quote, dash, "dash", para.number)
        elif introducer is not None and introducer.cue.last >= at - _MAX_ADVERBIAL:
            self._direct(quote, introducer, "cue-before-quote", para.number)
        else:
            follows = -1
            last, previous = context.last, context.previous
            if last >= 0 and not context.interrupted and self._attributed(last):
                follows = last
            elif (
                marked.opening.start == self.paragraphs[marked.first_paragraph].start
                and previous >= 0
                and self.found[previous].paragraph == marked.first_paragraph - 1
                and self._attributed(previous)
            ):
                follows = previous
            confidence = 0.9 if follows >= 0 else self._speech_likeness(tokens, at, marked)
            self.found.append(
                Found(marked.content, QuoteKind.DIRECT, confidence, para.number, quote=quote, follows=follows)
            )
            self.claimed[quote] = index
        state.reset(index)

    def _dash_clause(self, para: _Paragraph, position: int) -> Clause | None:
        """``"..." -- Jo Poe`` -- a quote signed with a dash and a name ending the line."""
        tokens = para.tokens
        dash = position + 1
        if dash + 1 >= len(tokens) or tokens[dash].text not in (*_DASHES, "\u2015", "-"):
            return None
        source = para.parser.after(dash + 1, len(tokens))
        if source is None or source.form is not MentionForm.NAME:
            return None
        end = _index_after(tokens, source.span.end, dash + 1, len(tokens))
        if end < len(tokens) and not (tokens[end].text in _TERMINAL and end + 1 == len(tokens)):
            return None
        token = tokens[dash]
        cue = Cue(Span(start=token.start, end=token.end), CueClass.SPEECH, False, dash, dash + 1)
        return Clause(para.number, cue, source, inverted=True)

    def _colon_clause(self, para: _Paragraph, position: int) -> Clause | None:
        """``Roe: "..."`` -- a source and a colon opening the sentence, no verb."""
        tokens = para.tokens
        colon = position - 1
        if colon < 1 or tokens[colon].text != ":":
            return None
        low = para.low(colon)
        source = para.parser.noun_phrase_before(colon, low)
        if source is None:
            return None
        first = _index_at(tokens, source.span.start, low, colon)
        if not (
            first == low or (_boundary_before(tokens, first, para.starts) and tokens[first - 1].text != ",")
        ):
            return None
        token = tokens[colon]
        cue = Cue(Span(start=token.start, end=token.end), CueClass.SPEECH, False, colon, position)
        return Clause(para.number, cue, source)

    def _attributed(self, index: int) -> bool:
        found = self.found[index]
        return found.clause is not None or found.follows >= 0

    def _starts_sentence(self, tokens: list[Token], position: int) -> bool:
        if position == 0:
            return True
        previous = tokens[position - 1]
        return (
            previous.is_quote
            or previous.text in _TERMINAL
            or previous.text in (":", "(", "[")
            or previous.text in _DASHES
            or previous.sentence != tokens[position].sentence
        )

    def _sort_from(self, first: int) -> None:
        """Put the paragraph's finds in text order, keeping ``claimed`` and ``follows`` right."""
        block = self.found[first:]
        if len(block) < 2:
            return
        order = sorted(range(len(block)), key=lambda i: block[i].span)
        moved = {first + old: first + new for new, old in enumerate(order)}
        self.found[first:] = [block[i] for i in order]
        for index in range(first, len(self.found)):
            found = self.found[index]
            if found.quote >= 0:
                self.claimed[found.quote] = index
            if found.follows >= first:
                found.follows = moved[found.follows]

    def _speech_likeness(self, tokens: list[Token], position: int, marked: MarkedQuote) -> float:
        """Confidence that an unclaimed quote is speech rather than scare quotes or a title."""
        text = self.text
        content = marked.content.of(text)
        words = len(content.split())
        starts_sentence = position == 0 or tokens[position - 1].text in (*_TERMINAL, ":")
        ends_sentence = content[-1] in (*_TERMINAL, ",") or (
            position + 1 < len(tokens) and tokens[position + 1].text in (*_TERMINAL, ",")
        )
        if (starts_sentence or content[0].isupper()) and ends_sentence:
            return 0.7
        if words >= 8:
            return 0.5
        return SCARE_CONFIDENCE


@attrs.define
class _Context:
    """What the walk over a paragraph's unclaimed quotes knows at one point."""

    previous: int
    """The last quote found before the paragraph (not scare quotes), or -1."""
    last: int = -1
    """The last quote found in the paragraph so far, or -1."""
    interrupted: bool = False
    """Whether a clause not belonging to ``last`` came after it."""
    introducer: Clause | None = None
    """A clause with no content of its own just before ("Roe said in a statement.")."""

    def reset(self, last: int) -> None:
        """A quote was found at index ``last``."""
        self.last = last
        self.interrupted = False
        self.introducer = None


_MAX_HEADLINE = 24


def _headline(tokens: Sequence[Token]) -> bool:
    """Whether a paragraph is a headline in title case ("Mayor Says Wall Will Be Rebuilt").

    A short paragraph with no quotation in it, whose words of four letters or more start with
    a capital, but for one in five at most.
    """
    if len(tokens) > _MAX_HEADLINE or any(t.is_quote for t in tokens):
        return False
    long = [t for t in tokens if t.is_word and len(t.text) >= 4]
    lower = sum(1 for t in long if not t.capitalized)
    return len(long) >= 4 and lower * 5 <= len(long) and any(not t.text.isupper() for t in long)


def _context(found: Found) -> bool:
    """Whether a later quote may continue ``found``: not scare quotes, not a question with no source."""
    return found.confidence > SCARE_CONFIDENCE and found.cue is None


def _sentence_bounds(tokens: Sequence[Token]) -> tuple[list[int], list[int]]:
    """For each token, the index of the first token of its sentence and just past its last."""
    n = len(tokens)
    starts = [0] * n
    ends = [n] * n
    for k in range(1, n):
        starts[k] = starts[k - 1] if tokens[k - 1].last_sentence == tokens[k].sentence else k
    for k in range(n - 2, -1, -1):
        ends[k] = ends[k + 1] if tokens[k].last_sentence == tokens[k + 1].sentence else k + 1
    return starts, ends


def _boundary_before(tokens: Sequence[Token], index: int, starts: list[int]) -> bool:
    """Whether a clause starting at ``index`` opens a sentence or follows a comma or dash."""
    if index == 0 or starts[index] == index:
        return True
    previous = tokens[index - 1].text
    return previous in (",", ";") or previous in _TERMINAL or previous in _DASHES


def _relative_that(tokens: Sequence[Token], k: int, high: int, lex: Lexicon) -> bool:
    """Whether the "that" at ``k`` (after a noun) opens a relative clause, not a reported one.

    A reported clause goes on with its subject (a name, a determiner, a pronoun: "that the
    report was ..."); a relative clause with its verb ("that included ...").
    """
    if tokens[k].lower != "that" or k + 1 >= high:
        return False
    following = tokens[k + 1]
    return not (
        following.capitalized
        or following.is_quote
        or lex.is_("determiner", following.lower)
        or following.lower in lex.pronouns
    )


def _that_follows(tokens: Sequence[Token], cue: Cue, end: int) -> bool:
    """Whether "that" opens a reported clause within a few words after ``cue`` (before ``end``).

    A verb with no person object that is followed by a determiner has a noun phrase as its
    object, and a "that" after it opens a relative clause ("condemned the decision that closed
    the port and demanded ..."), not what was said.
    """
    start = cue.last
    if not cue.takes_object and start < end and tokens[start].lower in _NOUN_DETERMINERS:
        return False
    return any(tokens[m].lower == "that" for m in range(start, min(start + 4, end)))


def _index_after(tokens: Sequence[Token], offset: int, low: int, high: int) -> int:
    """Index of the first token at or after ``low`` that starts at or after ``offset``."""
    k = low
    while k < high and tokens[k].start < offset:
        k += 1
    return k


def _index_at(tokens: Sequence[Token], offset: int, low: int, high: int) -> int:
    """Index of the token starting at ``offset`` (searched backwards from ``high``)."""
    k = high
    while k > low and tokens[k - 1].start >= offset:
        k -= 1
    return k
