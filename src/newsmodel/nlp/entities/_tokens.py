"""Word tokens with their offsets: the unit every entity rule looks at."""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from newsmodel.data import read_lines
from newsmodel.model import Span

# One alternative per token class. A word is a run of word characters, then any number of
# (joiner, run): joiners are not word characters and a joiner must be followed by one, so each
# position is read one way only and matching is linear in the input length. A period joins a
# word only after a single letter or a digit (U.S, Russian-U.S, 1.5), never after a longer
# word ("February.Ana" is two words run together).
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # dotted initialisms: U.S., F.A.
    r"|[^\W_]\w*(?:(?:[-'’&]|(?<![^\W\d_]{2})\.)(?=[^\W_])\w*)*"  # words, numbers, O'Neil, 2-1, AT&T
    r"|\S"  # any other single character (punctuation)
)
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
"""The same, for ``re.split``: a list of white space and tokens, alternately."""
_LETTER = re.compile(r"[^\W\d_]")
_POSSESSIVE = ("'s", "’s", "'S", "’S")


class Token(NamedTuple):
    """A word or punctuation mark, with its code-point offsets into the text."""

    start: int
    end: int
    text: str
    lower: str
    """The text in lower case."""
    is_word: bool
    """Whether the token contains a letter."""

    @property
    def is_cap(self) -> bool:
        """Whether the token starts with an upper-case letter."""
        return self.text[:1].isupper()

    @property
    def is_upper(self) -> bool:
        """Whether every letter is upper case (and there are at least two, or one with a period)."""
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters) and (len(letters) > 1 or "." in self.text)

    @property
    def is_number(self) -> bool:
        """Whether the token is a number, score or time (``12``, ``2-1``, ``1:23.4``)."""
        return self.text[:1].isdigit() and not self.is_word


def make_token(start: int, end: int, text: str) -> Token:
    """A :class:`Token` of ``text`` at ``start``-``end``."""
    return _new_token(Token, (start, end, text, text.lower(), has_letter(text)))


def has_letter(text: str) -> bool:
    """Whether ``text`` has a letter in it."""
    return text.isalpha() or any(map(str.isalpha, text))


_new_token = tuple.__new__  # a Token without the Python-level ``__new__`` of a NamedTuple


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]``, with possessive ``'s`` split off words.

    Words of letters only are made in bulk; the rest (punctuation, numbers, possessives,
    abbreviations taking their period) are looked at one by one.
    """
    if start > 0 and _LETTER.match(text, start - 1):
        pieces = _split_tokens(text, start, end)  # the lookbehind must see the letter before
    else:
        pieces = _TOKEN_SPLIT.split(text[start:end])  # white space and tokens, alternately
    words = pieces[1::2]
    offsets = list(itertools.accumulate(map(len, pieces), initial=start))
    starts, stops = offsets[1:-1:2], offsets[2::2]  # piece k starts at offsets[k]
    letters = list(map(str.isalpha, words))
    tokens = list(
        map(
            _new_token,
            itertools.repeat(Token),
            zip(starts, stops, words, map(str.lower, words), letters, strict=True),
        )
    )
    out: list[Token] = []
    done = 0  # tokens[:done] are settled in out
    plain = -1  # the token out[-1] is, when it is one of tokens unchanged
    for k in itertools.compress(range(len(words)), map(operator.not_, letters)):
        if k > done:
            out.extend(tokens[done:k])
            plain = k - 1
        done = k + 1
        word = words[k]
        if len(word) > 2 and word.endswith(_POSSESSIVE):
            out.append(make_token(starts[k], stops[k] - 2, word[:-2]))
            out.append(make_token(stops[k] - 2, stops[k], word[-2:]))
            plain = -1
            continue
        if (
            word == "."
            and plain == k - 1
            and stops[plain] == starts[k]
            and _joins(text, plain, words, stops, end)
        ):
            before = out[-1]
            out[-1] = make_token(before.start, stops[k], before.text + ".")
            plain = -1
            continue
        if len(word) > 1 and any(map(str.isalpha, word)):
            out.append(make_token(starts[k], stops[k], word))
        else:
            out.append(tokens[k])
        plain = k
    out.extend(tokens[done:])
    return out


def _joins(text: str, index: int, words: list[str], stops: list[int], end: int) -> bool:
    """Whether word ``index``, right before a period, takes it (an abbreviation or an initial).

    It does not when the period ends the sentence ("... Corp."), except after Jr. and Sr.
    """
    word = words[index]
    return _takes_period(word) and not (
        _closes(text, stops[index] + 1, end) and word.lower() not in ("jr", "sr")
    )


def _split_tokens(text: str, start: int, end: int) -> list[str]:
    """``_TOKEN_SPLIT.split(text[start:end])``, matched in place: the lookbehind sees before ``start``."""
    pieces = []
    previous = start
    for match in _TOKEN.finditer(text, start, end):
        pieces.append(text[previous : match.start()])
        pieces.append(match.group())
        previous = match.end()
    pieces.append(text[previous:end])
    return pieces


def _closes(text: str, position: int, end: int) -> bool:
    """Whether only closing quotation marks lie between ``position`` and the segment end."""
    if end - position > 3:  # never slice more than a few characters: tokenizing stays linear
        return False
    return all(c in "\"'”’" for c in text[position:end])


def _takes_period(word: str) -> bool:
    """Whether a period after ``word`` belongs to it (an abbreviation or an initial)."""
    if "." in word:  # U.S, F.A (the regex stops before a final period)
        return word.replace(".", "").replace("-", "").isalpha() and word.rsplit("-", 1)[-1].count(".") > 0
    if len(word) == 1 and word.isupper():
        return True
    known = _abbreviations()
    return word in known or word.capitalize() in known


@cache
def _abbreviations() -> frozenset[str]:
    """Abbreviations as written in ``abbreviations.txt`` (``class: word word ...`` lines)."""
    return frozenset(
        word for entry in read_lines("abbreviations.txt") for word in entry.partition(":")[2].split()
    )


class SentenceTokens:
    """The tokens of each sentence of one text, made on first use and then shared.

    The recognizer and the role finder read the same sentences; with this they tokenise
    each sentence once. It lives for one :func:`~newsmodel.nlp.entities.find_entities` call.
    """

    __slots__ = ("_made", "_sentences", "_text")

    def __init__(self, text: str, sentences: Sequence[Span]) -> None:
        self._text = text
        self._sentences = sentences
        self._made: list[list[Token] | None] = [None] * len(sentences)

    def __len__(self) -> int:
        return len(self._sentences)

    def __getitem__(self, index: int) -> list[Token]:
        """The tokens of sentence ``index``."""
        tokens = self._made[index]
        if tokens is None:
            span = self._sentences[index]
            tokens = self._made[index] = tokenize(self._text, span.start, span.end)
        return tokens
