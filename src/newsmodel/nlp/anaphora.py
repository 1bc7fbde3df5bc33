"""Resolving pronouns and descriptions to the entity they refer back to.

The candidates are the entities mentioned earlier in the text (outside direct quotations,
whose words are the speaker's, not the narrator's), most recent first, looked at within a
fixed window so resolution costs constant time. Mentions inside a source's titles and
appositions are not candidates ("UNICEF, the UN children's fund, says ... The agency says":
the agency is UNICEF, not the UN).

- **Pronouns** (``speaker_pronouns.txt``) take the most recent entity of a kind the pronoun
  allows whose gender does not contradict it ("she" never resolves to a man); first- and
  second-person pronouns are never resolved.
- **Definite descriptions** ("the minister", "the agency") take the most recent entity of
  the noun's kind (``speaker_nouns.txt``); unless the noun is generic ("agency", "company")
  the entity's name or roles must contain it ("the senator" fits "Sen. Jane Roe").
  Indefinite and plural descriptions ("a spokesman", "officials") are never resolved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsmodel.model import Span
from newsmodel.nlp.cues import Lexicon
from newsmodel.nlp.document import EntityDraft
from newsmodel.nlp.speakers import EntityIndex

__all__ = ["Recency"]

WINDOW = 40
"""How many earlier mentions resolution looks at."""

SCAN = 4 * WINDOW
"""How many recorded mentions (repeats included) resolution scans at most."""

SHADOWS = 16
"""How many recent role spans are remembered as hiding the mentions inside them."""

_WORD = re.compile(r"\w+")


class Recency:
    """Entities in order of mention, fed as the text is read from left to right."""

    def __init__(self, index: EntityIndex, lexicon: Lexicon, quotes: Sequence[Span]) -> None:
        self.index = index
        self.lex = lexicon
        pending = [(mention.start, entity) for entity in index.doc.entities for mention in entity.mentions]
        pending.sort(key=lambda item: item[0])
        self.pending = pending
        self.next = 0
        self.quotes = quotes
        self.next_quote = 0
        self.seen: list[tuple[int, EntityDraft]] = []
        self.shadows: list[Span] = []

    def _inside_quote(self, offset: int) -> bool:
        quotes = self.quotes
        while self.next_quote < len(quotes) and quotes[self.next_quote].end <= offset:
            self.next_quote += 1
        return self.next_quote < len(quotes) and quotes[self.next_quote].start <= offset

    def advance(self, offset: int) -> None:
        """Take in the mentions that start before ``offset``."""
        pending = self.pending
        while self.next < len(pending) and pending[self.next][0] < offset:
            start, entity = pending[self.next]
            self.next += 1
            if not self._inside_quote(start):
                self.seen.append((start, entity))

    def note(self, offset: int, entity: EntityDraft) -> None:
        """Record a mention of ``entity`` found while attributing (a source's name)."""
        self.seen.append((offset, entity))

    def shadow(self, roles: Sequence[Span]) -> None:
        """Mentions inside these spans (a source's titles and appositions) are no antecedents.

        In "UNICEF, the UN children's fund, says", "the agency" later means UNICEF, not the UN.
        """
        self.shadows.extend(roles)
        del self.shadows[:-SHADOWS]

    def _shadowed(self, offset: int) -> bool:
        return any(span.start <= offset < span.end for span in self.shadows)

    def _candidates(self, offset: int) -> list[EntityDraft]:
        self.advance(offset)
        found: list[EntityDraft] = []
        for start, entity in self.seen[: -SCAN - 1 : -1]:
            if start >= offset or self._shadowed(start):
                continue
            if entity not in found:
                found.append(entity)
            if len(found) >= WINDOW:
                break
        return found

    def pronoun(self, word: str, offset: int) -> EntityDraft | None:
        """The entity the pronoun ``word`` at ``offset`` refers to, if one fits."""
        pronoun = self.lex.pronouns.get(word)
        if pronoun is None or not pronoun.kinds:
            return None
        for entity in self._candidates(offset):
            if entity.kind not in pronoun.kinds:
                continue
            gender = self.index.gender(entity)
            if pronoun.gender is not None and gender is not None and gender is not pronoun.gender:
                continue
            if pronoun.gender is not None:
                self.index.set_gender(entity, pronoun.gender)
            return entity
        return None

    def description(self, head: str, offset: int) -> EntityDraft | None:
        """The entity a definite description with head noun ``head`` refers to, if one fits."""
        noun = self.lex.nouns.get(head)
        if noun is None or noun.kind is None or noun.plural:
            return None
        for entity in self._candidates(offset):
            if entity.kind is not noun.kind:
                continue
            gender = self.index.gender(entity)
            if noun.gender is not None and gender is not None and gender is not noun.gender:
                continue
            if noun.generic or head in self._descriptors(entity):
                return entity
        return None

    def _descriptors(self, entity: EntityDraft) -> set[str]:
        """Lower-case words of the entity's names and roles, abbreviated titles spelt out."""
        words: set[str] = set()
        texts = [m.text for m in entity.mentions[:WINDOW]] + [r.text for r in entity.roles[:WINDOW]]
        for text in texts:
            for word in _WORD.findall(text.lower()):
                words.add(word)
                title = self.lex.titles.get(word)
                if title is not None and title.noun is not None:
                    words.add(title.noun)
        return words
