"""Roles of named entities: titles before a name and appositions after it.

* a title right before a name: ``Foreign Affairs Minister John Baird`` gives
  ``"Foreign Affairs Minister"``, ``Japan coach Shu Kamo`` gives ``"Japan coach"``;
* an apposition right after it, between commas: ``Jane Roe, the agency's director,`` gives
  ``"the agency's director"``. The phrase must read as a description: it opens with a
  determiner, a possessive or a title word and holds a title or role noun (``director``,
  ``spokesman``).

Honorifics (``Mr.``, ``Ms.``) are not roles.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterator, Sequence

from newsmodel.model import Span
from newsmodel.nlp.entities._lexicon import Lexicon, lexicon
from newsmodel.nlp.entities._tokens import SentenceTokens, Token

_CLOSERS = frozenset({",", ";", ".", "(", ")", "-", "—", "–", ":"})
_MAX_APPOSITION = 12
_MAX_OWNER = 6
_MAX_TITLE = 8


def find_roles(
    sentences: Sequence[Span], tokenized: SentenceTokens, mentions: Sequence[Span], people: Sequence[bool]
) -> Iterator[tuple[int, Span]]:
    """Pairs of (index into ``mentions``, role span) for the roles the text gives each mention.

    ``tokenized`` holds the tokens of the ``sentences``. ``mentions`` must be sorted by
    start; ``people[n]`` says whether mention ``n`` names a person (only people get titles
    from before their name).
    """
    lex = lexicon()
    order = 0
    for number, sentence in enumerate(sentences):
        while order < len(mentions) and mentions[order].start < sentence.start:
            order += 1
        if order >= len(mentions):
            return
        if mentions[order].start >= sentence.end:
            continue
        tokens = tokenized[number]
        while order < len(mentions) and mentions[order].start < sentence.end:
            span = mentions[order]
            first = _at(tokens, span.start, _START)
            last = _at(tokens, span.end, _END)
            if first is not None and people[order]:
                role = _title_before(tokens, first, lex) or _apposition_before(tokens, first, lex)
                if role is not None:
                    yield order, role
            if last is not None:
                role = _apposition_after(tokens, last + 1, lex)
                if role is not None:
                    yield order, role
            order += 1


_START = operator.attrgetter("start")
_END = operator.attrgetter("end")


def _at(tokens: list[Token], offset: int, edge: operator.attrgetter[int]) -> int | None:
    """Index of the token whose ``edge`` (start or end) is at ``offset``, if one is.

    Tokens are in text order and do not overlap, so starts and ends both ascend: a binary
    search finds it without indexing every token of the sentence for a mention or two.
    """
    index = bisect.bisect_left(tokens, offset, key=edge)
    return index if index < len(tokens) and edge(tokens[index]) == offset else None


def _titleish(token: Token, lex: Lexicon) -> bool:
    word = token.lower
    return word in lex.title_heads or word in lex.title_modifiers


def _title_before(tokens: list[Token], first: int, lex: Lexicon) -> Span | None:
    """A title right before a name: ``Deputy Foreign Minister``, ``Secretary of State``."""
    end = first - 1
    while end >= 0 and tokens[end].lower in lex.honorifics:
        end -= 1  # "Foreign Minister Mr. Roe": the role is before the honorific
    if end < 0 or not _titleish(tokens[end], lex) or not _adjacent(tokens, end, first):
        return None
    begin = end
    head = end if tokens[end].lower in lex.title_heads else None
    of = None
    while begin > 0 and end - begin < _MAX_TITLE:
        token = tokens[begin - 1]
        if not _adjacent(tokens, begin - 1, begin):
            break
        if token.lower == "of":
            of = begin - 1
        elif token.lower in lex.title_heads:
            head = begin - 1 if head is None else head
        elif not (
            token.lower in lex.title_modifiers
            or (token.is_cap and lex.gazetteer_kind((token.lower,)) is not None)
            or (token.is_upper and len(token.text) <= 6)
        ):
            break  # "U.S. President", "Uzbek striker", "NATO Secretary-General" go on
        begin -= 1
    if head is None or (tokens[end].lower not in lex.title_heads and (of is None or of < head)):
        return None  # no office, or "Finance Jane Roe" (a modifier alone)
    name = begin  # the name an office belongs to: "White House spokesman", "Valdmore Council chairman"
    while name > 0 and begin - name < _MAX_OWNER and _adjacent(tokens, name - 1, name):
        token = tokens[name - 1]
        if not (token.is_cap and token.is_word) or token.lower in lex.function_words:
            break
        name -= 1
    if name < begin and tokens[begin - 1].is_cap:
        begin = name
    while begin < end and tokens[begin].lower == "of":
        begin += 1
    return Span(start=tokens[begin].start, end=tokens[end].end)


def _adjacent(tokens: list[Token], a: int, b: int) -> bool:
    """Whether tokens ``a`` and ``b`` are separated by at most one space."""
    del b
    nxt = tokens[a + 1]
    return nxt.start - tokens[a].end <= 1


def _aged(tokens: list[Token], comma: int) -> bool:
    return (
        comma + 2 < len(tokens)
        and tokens[comma + 1].text.isdigit()
        and len(tokens[comma + 1].text) <= 3
        and tokens[comma + 2].text == ","
    )


def _apposition_before(tokens: list[Token], first: int, lex: Lexicon) -> Span | None:
    """A described office, a comma, then the name: ``the mayor of Valdmore, Jane Roe``."""
    comma = first - 1
    if comma < 2 or tokens[comma].text != ",":
        return None
    begin = comma - 1
    head = False
    while begin >= 0 and comma - begin <= _MAX_APPOSITION:
        token = tokens[begin]
        if token.text in _CLOSERS or token.lower in lex.person_after:
            return None
        head = head or token.lower in lex.title_heads
        if token.lower in lex.determiners:
            if begin > 0 and tokens[begin - 1].lower in ("of", "'s", "’s"):
                begin -= 1  # "the head of the agency": keep looking for the phrase's start
                continue
            return Span(start=token.start, end=tokens[comma - 1].end) if head else None
        begin -= 1
    return None


def _apposition_after(tokens: list[Token], k: int, lex: Lexicon) -> Span | None:
    if k >= len(tokens) or tokens[k].text != ",":
        return None
    if _aged(tokens, k):
        k += 2  # "Jane Roe, 45, the agency's director,": the age comes first
    begin = k + 1
    end = begin
    while end < len(tokens) and tokens[end].text not in _CLOSERS and end - begin < _MAX_APPOSITION:
        end += 1
    if end == begin or (end < len(tokens) and tokens[end].text not in _CLOSERS):
        return None
    if end >= len(tokens) and end - begin >= _MAX_APPOSITION:
        return None
    phrase = tokens[begin:end]
    opening = phrase[0]
    if not (
        opening.lower in lex.determiners
        or _titleish(opening, lex)
        or (len(phrase) > 1 and phrase[1].lower in ("'s", "’s"))
    ):
        return None
    if any(t.lower in lex.person_after for t in phrase):
        return None  # "Roe, the minister said": a clause, not a description
    if not any(t.lower in lex.title_heads for t in phrase):
        return None
    return Span(start=phrase[0].start, end=phrase[-1].end)
