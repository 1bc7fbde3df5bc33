"""Paragraph tokens for the quote rules: narration words, with each direct quotation as one token.

The attribution rules read the narration around quotations ("..., she said."), so every
direct quotation (marks included) stands in the token stream as a single placeholder token
whose ``quote`` is the quotation's index. Tokens carry the index of the sentence they start
in, so rules can stay within a sentence whatever splitter produced ``doc.sentences``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence

from newsmodel.model import Span
from newsmodel.nlp._marks import MarkedQuote

# numbers with thousands separators ("1,100"), words (with inner hyphens, apostrophes and
# full stops: "e-mail", "don't", "U.S"), a run of hyphens (a dash) or one other non-space
# character; every repetition needs a separator first, so matching is linear
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\w+(?:[-\u2010\u2019'.]\w+)*|--+|\S")


class Token:
    """A word, punctuation mark or quotation placeholder (never changed once made).

    A plain slotted class rather than an attrs one: documents have tens of thousands of
    tokens, and the word-class flags are read far more often than tokens are made, so they
    are computed once here.
    """

    __slots__ = (
        "capitalized",
        "end",
        "is_quote",
        "is_word",
        "last_sentence",
        "lower",
        "quote",
        "sentence",
        "start",
        "text",
    )

    def __init__(  # noqa: PLR0917  # made in two hot loops; positional calls are the cheap ones
        self, start: int, end: int, text: str, lower: str, sentence: int, last_sentence: int, quote: int = -1
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = lower
        self.sentence = sentence
        """Index of the sentence the token starts in."""
        self.last_sentence = last_sentence
        """Index of the sentence the token ends in (differs for a long quotation)."""
        self.quote = quote
        """Index of the direct quotation this token stands for, or -1 for narration."""
        self.is_quote = quote >= 0
        """Whether this token stands for a direct quotation."""
        self.is_word = quote < 0 and text[0].isalnum()
        """Whether this is a narration word (letters or digits)."""
        self.capitalized = quote < 0 and text[0].isupper()
        """Whether this is a word starting with an upper-case letter."""

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


class _SentenceIndex:
    """Maps increasing offsets to sentence indexes in one forward walk."""

    def __init__(self, sentences: Sequence[Span]) -> None:
        self.sentences = sentences
        self.position = 0

    def at(self, offset: int) -> int:
        sentences = self.sentences
        while self.position < len(sentences) and sentences[self.position].end <= offset:
            self.position += 1
        return self.position

    def bound(self) -> int:
        """Where the current sentence ends: :meth:`at` gives the same index before it."""
        position = self.position
        return self.sentences[position].end if position < len(self.sentences) else sys.maxsize

    def peek(self, offset: int) -> int:
        position = self.position
        sentences = self.sentences
        while position < len(sentences) and sentences[position].end <= offset:
            position += 1
        return position


def tokenize(
    text: str,
    paragraphs: Sequence[Span],
    sentences: Sequence[Span],
    quotes: Sequence[MarkedQuote],
    cue_words: frozenset[str],
) -> list[list[Token]]:
    """The tokens of each paragraph, quotations replaced by placeholders.

    A paragraph that no quotation touches, with no colon and none of ``cue_words``
    (lower-case), can hold no quote and gets no tokens: most narration is skipped at the cost
    of one regular-expression pass.
    """
    index = _SentenceIndex(sentences)
    result: list[list[Token]] = []
    first = 0  # first quotation that may touch the current paragraph
    for number, paragraph in enumerate(paragraphs):
        while first < len(quotes) and quotes[first].last_paragraph < number:
            first += 1
        tokens: list[Token] = []
        result.append(tokens)
        touched = first < len(quotes) and quotes[first].first_paragraph <= number
        if not touched and not _may_cite(text, paragraph, cue_words):
            continue
        cursor = paragraph.start
        position = first
        while position < len(quotes) and quotes[position].first_paragraph <= number:
            quote = quotes[position]
            start = max(quote.opening.start, paragraph.start)
            end = min(quote.closing.end, paragraph.end)
            _words(text, cursor, start, index, tokens)
            sentence = index.at(start)
            tokens.append(Token(start, end, text[start:end], "", sentence, index.peek(end - 1), position))
            cursor = end
            if quote.last_paragraph > number:
                break
            position += 1
        _words(text, cursor, paragraph.end, index, tokens)
    return result


def _may_cite(text: str, paragraph: Span, cue_words: frozenset[str]) -> bool:
    """Whether a paragraph has a colon or a cue word (the same words :func:`tokenize` makes)."""
    if text.find(":", paragraph.start, paragraph.end) >= 0:
        return True
    words = _TOKEN.findall(text, paragraph.start, paragraph.end)
    return not cue_words.isdisjoint(map(str.lower, words))


def _words(text: str, start: int, end: int, index: _SentenceIndex, out: list[Token]) -> None:
    sentence = index.at(start)
    bound = index.bound()
    append = out.append
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        offset = match.start()
        if offset >= bound:
            sentence = index.at(offset)
            bound = index.bound()
        append(Token(offset, match.end(), word, word.lower(), sentence, sentence))
