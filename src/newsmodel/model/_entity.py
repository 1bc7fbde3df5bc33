"""People, organisations, places and other named things an article talks about."""

from __future__ import annotations

import enum
import itertools
from typing import Any

import attrs

from newsmodel.exceptions import ModelError
from newsmodel.model import _checks
from newsmodel.model._span import Excerpt, Mention, MentionForm


class EntityKind(enum.Enum):
    """What sort of thing an entity is."""

    PERSON = "person"
    """A person, real or fictional."""
    ORGANIZATION = "organization"
    """A company, agency, party, team, institution or other group with a name."""
    LOCATION = "location"
    """A country, city, region, body of water, or other place."""
    NATIONALITY = "nationality"
    """A nationality, religious or political group used as a name (``"Malian"``, ``"Democrats"``)."""
    EVENT = "event"
    """A named event (``"World Cup"``, ``"Arab Spring"``)."""
    WORK = "work"
    """A named work, law or product (a book, a treaty, a bill)."""
    OTHER = "other"
    """Any other named thing."""


_tuple_of_mentions = _checks.tuple_of(Mention)


def _mentions(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    _tuple_of_mentions(instance, attribute, value)
    seen: set[tuple[int, int]] = set()
    for mention in value:  # type: ignore[attr-defined]  # a tuple, checked above
        key = (mention.span.start, mention.span.end)
        if key in seen:
            _checks.fail(instance, attribute, f"two mentions at {key[0]}-{key[1]}")
        seen.add(key)


@attrs.frozen(kw_only=True, cache_hash=True)
class Entity:
    """A person, organisation, place or other named thing, with every mention of it.

    ``mentions`` are kept in text order and may include nominal and pronoun mentions that
    refer to the entity (see :class:`MentionForm`). ``aliases`` are other names for it seen in
    the text (``"Roe"``, ``"Ms. Roe"`` for ``"Jane Roe"``); ``roles`` are the offices and
    descriptions attached to it (``"Foreign Minister"``, ``"the agency's director"``).
    """

    id: str = attrs.field(validator=_checks.identifier)
    """Identifier, unique within the article (``"e1"``, ``"e2"``, ...)."""
    name: str = attrs.field(validator=_checks.text_value(empty=False))
    """Canonical name: the fullest name used in the text."""
    kind: EntityKind = attrs.field(validator=_checks.instance_of(EntityKind))
    """Person, organisation, location, ..."""
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_checks.to_tuple, validator=_mentions)
    """Every place the text refers to the entity, in text order."""
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_checks.to_tuple, validator=_checks.strings)
    """Other names used for the entity (not including ``name``)."""
    roles: tuple[Excerpt, ...] = attrs.field(
        default=(), converter=_checks.to_tuple, validator=_checks.tuple_of(Excerpt)
    )
    """Offices, titles and descriptions the text gives the entity, where it gives them."""

    def __attrs_post_init__(self) -> None:
        keys = [(m.span.start, m.span.end) for m in self.mentions]  # spans order as these tuples
        if any(a > b for a, b in itertools.pairwise(keys)):
            raise ModelError(f"Entity.mentions: not in text order for entity {self.id!r}")

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return (self.name, *self.aliases)

    @property
    def named_mentions(self) -> tuple[Mention, ...]:
        """Mentions by name only (no descriptions or pronouns)."""
        return tuple(m for m in self.mentions if m.form is MentionForm.NAME)

    def __repr__(self) -> str:
        return f"Entity(id={self.id!r}, name={self.name!r}, kind={self.kind}, mentions={len(self.mentions)})"
