"""Word tokens with their offsets: the unit every entity rule looks at."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from newsmodel.data import read_lines

# One alternative per token class; each step of the repetition consumes one character and the
# classes are disjoint, so matching is linear in the input length. A period joins a word only
# after a single letter or a digit (U.S, Russian-U.S, 1.5), never after a longer word
# ("February.Ana" is two words run together).
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # dotted initialisms: U.S., F.A.
    r"|[^\W_](?:\w|[-'’&](?=[^\W_])|(?<![^\W\d_]{2})\.(?=[^\W_]))*"  # words, numbers, O'Neil, 2-1, AT&T
    r"|\S"  # any other single character (punctuation)
)
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
    return Token(start, end, text, text.lower(), any(c.isalpha() for c in text))


def tokenize(text: str, start: int, end: int) -> Iterator[Token]:
    """The tokens of ``text[start:end]``, with possessive ``'s`` split off words."""
    taken = start  # a period already attached to the previous word
    for match in _TOKEN.finditer(text, start, end):
        t_start, t_end = match.span()
        if t_start < taken:
            continue
        word = match.group()
        if len(word) > 2 and word.endswith(_POSSESSIVE):
            yield make_token(t_start, t_end - 2, word[:-2])
            yield make_token(t_end - 2, t_end, word[-2:])
            continue
        # an abbreviation keeps its period, unless the period ends the sentence ("... Corp.")
        final = _closes(text, t_end + 1, end) and word.lower() not in ("jr", "sr")
        if t_end < end and text[t_end] == "." and _takes_period(word) and not final:
            taken = t_end + 1
            yield make_token(t_start, t_end + 1, word + ".")
            continue
        yield make_token(t_start, t_end, word)


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
