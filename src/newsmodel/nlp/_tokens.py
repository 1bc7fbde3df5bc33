"""Paragraph tokens for the quote rules: narration words, with each direct quotation as one token.

The attribution rules read the narration around quotations ("..., she said."), so every
direct quotation (marks included) stands in the token stream as a single placeholder token
whose ``quote`` is the quotation's index. Tokens carry the index of the sentence they start
in, so rules can stay within a sentence whatever splitter produced ``doc.sentences``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from newsmodel.model import Span
from newsmodel.nlp._marks import MarkedQuote

# words (with inner hyphens, apostrophes and full stops: "e-mail", "don't", "U.S"), a run of
# hyphens (a dash) or one other non-space character; every repetition needs a separator
# first, so matching is linear
_TOKEN = re.compile(r"\w+(?:[-\u2010\u2019'.]\w+)*|--+|\S")


@attrs.frozen(slots=True)
class Token:
    """A word, punctuation mark or quotation placeholder."""

    start: int
    end: int
    text: str
    lower: str
    sentence: int
    """Index of the sentence the token starts in."""
    last_sentence: int
    """Index of the sentence the token ends in (differs for a long quotation)."""
    quote: int = -1
    """Index of the direct quotation this token stands for, or -1 for narration."""

    @property
    def is_quote(self) -> bool:
        """Whether this token stands for a direct quotation."""
        return self.quote >= 0

    @property
    def is_word(self) -> bool:
        """Whether this is a narration word (letters or digits)."""
        return self.quote < 0 and self.text[0].isalnum()

    @property
    def capitalized(self) -> bool:
        """Whether this is a word starting with an upper-case letter."""
        return self.quote < 0 and self.text[0].isupper()


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

    def peek(self, offset: int) -> int:
        position = self.position
        sentences = self.sentences
        while position < len(sentences) and sentences[position].end <= offset:
            position += 1
        return position


def tokenize(
    text: str, paragraphs: Sequence[Span], sentences: Sequence[Span], quotes: Sequence[MarkedQuote]
) -> list[list[Token]]:
    """The tokens of each paragraph, quotations replaced by placeholders."""
    index = _SentenceIndex(sentences)
    result: list[list[Token]] = []
    first = 0  # first quotation that may touch the current paragraph
    for number, paragraph in enumerate(paragraphs):
        while first < len(quotes) and quotes[first].last_paragraph < number:
            first += 1
        tokens: list[Token] = []
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
        result.append(tokens)
    return result


def _words(text: str, start: int, end: int, index: _SentenceIndex, out: list[Token]) -> None:
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        sentence = index.at(match.start())
        out.append(Token(match.start(), match.end(), word, word.lower(), sentence, sentence))
