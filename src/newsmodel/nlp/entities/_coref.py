"""Within-document coreference of name mentions, whatever recognizer found them.

Rules, in order:

1. the same name (ignoring case and spacing) is the same entity;
2. a one-word name that is the surname of exactly one person named in full joins that person
   (``"Roe"`` joins ``"Jane Roe"``; with several such people, the nearest one named before it);
3. an acronym joins the name it abbreviates when both occur (``"ECOWAS"`` joins ``"Economic
   Community of West African States"``), by its letters or by the pattern ``Name (ACRONYM)``;
4. an entity's kind is the one most of its mentions were given; ties go to the kind of its
   longest mention.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from newsmodel.model import EntityKind, Span
from newsmodel.nlp.entities._lexicon import lexicon
from newsmodel.nlp.entities._tokens import tokenize

_MINOR = frozenset(
    {"of", "the", "and", "for", "de", "du", "des", "la", "le", "del", "in", "on", "&", "to", "at"}
)
_ABBREVIABLE = frozenset(
    {EntityKind.ORGANIZATION, EntityKind.LOCATION, EntityKind.EVENT, EntityKind.WORK, EntityKind.OTHER}
)


@attrs.define(eq=False)
class Group:
    """Mentions found to name one entity, each with the kind its recognizer gave it."""

    mentions: list[tuple[Span, EntityKind]] = attrs.Factory(list)
    surface: str = ""

    @property
    def first(self) -> int:
        """Offset of the earliest mention."""
        return min(span.start for span, _ in self.mentions)

    def kind(self) -> EntityKind:
        """The kind most mentions were given (ties: that of the longest mention)."""
        if len(self.mentions) == 1:
            return self.mentions[0][1]
        counts: dict[EntityKind, int] = {}
        for _, kind in self.mentions:
            counts[kind] = counts.get(kind, 0) + 1
        longest = max(self.mentions, key=lambda m: len(m[0]))[1]
        return max(counts.items(), key=lambda item: (item[1], item[0] is longest))[0]


def _surface(text: str) -> str:
    return " ".join(text.split()).casefold()


def _words(text: str) -> list[str]:
    return [t.text for t in tokenize(text, 0, len(text)) if t.is_word]


def corefer(text: str, mentions: Sequence[tuple[Span, EntityKind]]) -> list[Group]:
    """Group non-overlapping name mentions of ``text`` into entities."""
    by_surface: dict[str, Group] = {}
    for span, kind in mentions:
        surface = _surface(span.of(text))
        group = by_surface.get(surface)
        if group is None:
            group = by_surface[surface] = Group(surface=surface)
        group.mentions.append((span, kind))
    merged: dict[int, Group] = {}  # id of a merged-away group -> the group it joined
    _join_surnames(text, by_surface, merged)
    _join_acronyms(text, by_surface, merged)
    return [g for g in by_surface.values() if id(g) not in merged]


def _join(source: Group, target: Group, merged: dict[int, Group]) -> None:
    target.mentions.extend(source.mentions)
    source.mentions = []
    merged[id(source)] = target


def _join_surnames(text: str, groups: dict[str, Group], merged: dict[int, Group]) -> None:
    lex = lexicon()
    people: dict[str, list[Group]] = {}
    kinds = {id(g): g.kind() for g in groups.values()}
    firsts = {id(g): g.first for g in groups.values()}
    for group in groups.values():
        if kinds[id(group)] is not EntityKind.PERSON:
            continue
        words = [w for w in _words(group.surface) if w not in lex.suffixes]
        if len(words) >= 2:
            people.setdefault(words[-1], []).append(group)
    for surface, group in list(groups.items()):
        if id(group) in merged or surface not in people or " " in surface:
            continue
        if kinds[id(group)] is not EntityKind.PERSON and (surface,) in lex.countries:
            continue
        candidates = people[surface]
        if len(candidates) == 1:
            _join(group, candidates[0], merged)
            continue
        first = firsts[id(group)]
        before = [c for c in candidates if firsts[id(c)] < first]
        target = (
            max(before, key=lambda c: firsts[id(c)])
            if before
            else min(candidates, key=lambda c: firsts[id(c)])
        )
        _join(group, target, merged)


def _initials(text_words: list[str]) -> set[str]:
    letters_all = "".join(w[0] for w in text_words if w[:1].isalpha())
    letters_major = "".join(w[0] for w in text_words if w[:1].isalpha() and w.casefold() not in _MINOR)
    return {letters_all.casefold(), letters_major.casefold()}


def _join_acronyms(text: str, groups: dict[str, Group], merged: dict[int, Group]) -> None:
    expansions: dict[str, Group] = {}
    ends: dict[int, Group] = {}  # end offset of a mention -> its group, for "Name (ACRONYM)"
    kinds = {id(g): g.kind() for g in groups.values() if id(g) not in merged}
    for group in groups.values():
        if id(group) in merged:
            continue
        for span, _ in group.mentions:
            ends[span.end] = group
        if kinds[id(group)] not in _ABBREVIABLE:
            continue
        words = _words(group.mentions[0][0].of(text))
        if len(words) >= 2:
            for letters in _initials(words):
                if len(letters) >= 2:
                    expansions.setdefault(letters, group)
    for group in list(groups.values()):
        if id(group) in merged:
            continue
        letters = group.mentions[0][0].of(text).replace(".", "")
        if not (2 <= len(letters) <= 10 and letters.isalpha() and letters.isupper()):
            continue
        target = expansions.get(letters.casefold()) or _bracketed(text, group, ends)
        while target is not None and id(target) in merged:
            target = merged[id(target)]
        if target is not None and target is not group and kinds.get(id(target)) in _ABBREVIABLE:
            _join(group, target, merged)


def _bracketed(text: str, acronym: Group, ends: dict[int, Group]) -> Group | None:
    """The group of a name written just before ``(ACRONYM)``, if any.

    An acronym whose letters do not start like the name (a translation's: "Coastal Safety
    Board (KSB)") is taken only after an organisation-like name of two words or more: in a
    dateline's ``VALDMORE, Norway (CWS) —`` the brackets hold a news agency.
    """
    for span, _ in acronym.mentions:
        if span.start >= 2 and text[span.start - 1] == "(" and text[span.end : span.end + 1] == ")":
            target = ends.get(span.start - 2)
            if target is not None and _may_abbreviate(text, target, span):
                return target
    return None


def _may_abbreviate(text: str, name: Group, acronym: Span) -> bool:
    """Whether the mention of ``name`` just before ``(ACRONYM)`` may be what it abbreviates."""
    for mention, kind in name.mentions:
        if mention.end != acronym.start - 2:
            continue
        if text[mention.start].casefold() == text[acronym.start].casefold():
            return True
        return kind is not EntityKind.LOCATION and len(mention.of(text).split()) >= 2
    return False
