"""Linking source names to entities: find the entity a name mentions, or create it.

A source phrase's name ("Foreign Affairs Minister John Baird", "Baird", "UNICEF") is linked,
in this order, to:

1. the entity whose mention lies inside the phrase (what the entities stage found);
2. an entity already known by that name: the same words without honorifics, or a surname
   ("Baird", "Mr. Baird") of a person named in full ("John Baird"), or the reverse;
3. a new :class:`~newsmodel.nlp.document.EntityDraft` (the entities stage missed the name),
   whose kind is guessed from the words: organisation words ("Council", "Inc.") or an
   acronym make an organisation, a country or state name a location, anything else a person.

Titles and appositions found with the name become the entity's roles. Genders are read from
given names ("Jane Roe"), honorifics ("Mrs."), gendered role nouns ("spokeswoman") and
pronouns already resolved to the entity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsmodel.model import EntityKind, Excerpt, Mention, MentionForm, Span
from newsmodel.nlp.cues import Gender, Lexicon
from newsmodel.nlp.document import Doc, EntityDraft

__all__ = ["EntityIndex"]

_WORD = re.compile(r"\w+(?:[-'\u2019.]\w+)*")


class EntityIndex:
    """The document's entities, looked up by mention position and by name.

    Built from ``doc.entities`` once; entities created through :meth:`link_name` are added to
    ``doc.entities`` and to the index.
    """

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.lex = lexicon
        self.by_start: dict[int, list[tuple[Mention, EntityDraft]]] = {}
        self.by_words: dict[tuple[str, ...], EntityDraft] = {}
        self.by_last: dict[str, list[EntityDraft]] = {}
        self.genders: dict[int, Gender] = {}
        self.names: dict[int, set[frozenset[str]]] = {}
        self.linked: set[tuple[int, int]] = set()
        for entity in doc.entities:
            for mention in entity.mentions:
                self._index_mention(mention, entity)

    # -- lookups -----------------------------------------------------------------------

    def _index_mention(self, mention: Mention, entity: EntityDraft) -> None:
        self.by_start.setdefault(mention.start, []).append((mention, entity))
        if mention.form is MentionForm.NAME:
            words = self.name_words(mention.text)
            if words:
                self.by_words.setdefault(words, entity)
                self.names.setdefault(id(entity), set()).add(frozenset(words))
                if entity.kind is EntityKind.PERSON:
                    candidates = self.by_last.setdefault(words[-1], [])
                    if entity not in candidates:
                        candidates.append(entity)
            self._learn_gender(entity, mention.text)

    def name_words(self, text: str) -> tuple[str, ...]:
        """The lower-case words of a name, honorifics left out."""
        words = [w.lower() for w in _WORD.findall(text)]
        while (
            words
            and words[0].rstrip(".") in self.lex.titles
            and self.lex.titles[words[0].rstrip(".")].noun is None
        ):
            words.pop(0)
        return tuple(words)

    def covering(
        self, span: Span, forms: Iterable[MentionForm] = (MentionForm.NAME,)
    ) -> tuple[Mention, EntityDraft] | None:
        """The longest indexed mention inside ``span``, of one of ``forms``."""
        wanted = set(forms)
        best: tuple[Mention, EntityDraft] | None = None
        text = self.doc.text
        for match in _WORD.finditer(text, span.start, span.end):
            for mention, entity in self.by_start.get(match.start(), ()):
                if (
                    mention.end <= span.end
                    and mention.form in wanted
                    and (best is None or len(mention.span) > len(best[0].span))
                ):
                    best = (mention, entity)
        return best

    def by_name(self, words: tuple[str, ...]) -> EntityDraft | None:
        """An entity known by these name words, or one whose name they complete or shorten."""
        if not words:
            return None
        exact = self.by_words.get(words)
        if exact is not None:
            return exact
        wanted = frozenset(words)
        for entity in reversed(self.by_last.get(words[-1], [])):
            for known in self.names.get(id(entity), ()):
                if known <= wanted or wanted <= known:
                    return entity
        return None

    # -- linking -----------------------------------------------------------------------

    def link_name(
        self, mention_span: Span, phrase: Span, roles: Iterable[Span]
    ) -> tuple[EntityDraft, Mention]:
        """The entity a name mentions (created if unknown) and the mention to attribute."""
        doc = self.doc
        # the name itself, with any title before it, but not an apposition after it
        found = self.covering(Span(start=min(phrase.start, mention_span.start), end=mention_span.end))
        if found is not None and not found[0].span.overlaps(mention_span):
            found = None
        if found is not None:
            mention, entity = found
        else:
            mention = doc.mention(mention_span.start, mention_span.end, MentionForm.NAME)
            words = self.name_words(mention.text)
            known = self.by_name(words)
            if known is not None:
                entity = known
            else:
                entity = EntityDraft(kind=self.guess_kind(mention.text, roles))
                doc.entities.append(entity)
            if (mention.start, mention.end) not in self.linked:
                self.linked.add((mention.start, mention.end))
                entity.add(mention)
                self._index_mention(mention, entity)
        for role in roles:
            excerpt = Excerpt(span=role, text=role.of(doc.text))
            if excerpt not in entity.roles:
                entity.roles.append(excerpt)
            self._learn_gender(entity, excerpt.text)
        return entity, mention

    def guess_kind(self, name: str, roles: Iterable[Span]) -> EntityKind:
        """A kind for a name the entities stage did not know."""
        lex = self.lex
        words = [w.lower().rstrip(".") for w in _WORD.findall(name)]
        if any(lex.is_("org-word", w) for w in words):
            return EntityKind.ORGANIZATION
        letters = [c for c in name if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters) and name.replace(".", "").isupper():
            return EntityKind.LOCATION if name.lower() in lex.places else EntityKind.ORGANIZATION
        if " ".join(words) in lex.places or name.lower() in lex.places:
            return EntityKind.LOCATION
        del roles
        return EntityKind.PERSON

    # -- gender ------------------------------------------------------------------------

    def _learn_gender(self, entity: EntityDraft, text: str) -> None:
        if entity.kind is not EntityKind.PERSON or id(entity) in self.genders:
            return
        words = _WORD.findall(text)
        if len(words) >= 2 and words[0].lower() in self.lex.given_names:  # "Jane Roe", not "Roe"
            self.genders[id(entity)] = self.lex.given_names[words[0].lower()]
            return
        for word in words:
            lower = word.lower().rstrip(".")
            title = self.lex.titles.get(lower)
            gender = title.gender if title is not None else None
            if gender is None:
                noun = self.lex.nouns.get(lower)
                gender = noun.gender if noun is not None else None
            if gender is not None:
                self.genders[id(entity)] = gender
                return

    def gender(self, entity: EntityDraft) -> Gender | None:
        """The entity's gender, if anything in the text shows it."""
        return self.genders.get(id(entity))

    def set_gender(self, entity: EntityDraft, gender: Gender) -> None:
        """Record a gender learnt from a pronoun resolved to ``entity`` (first evidence wins)."""
        if entity.kind is EntityKind.PERSON:
            self.genders.setdefault(id(entity), gender)
