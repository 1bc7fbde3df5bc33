"""The extractor's hints, read from ``data/html_hints.json`` and compiled once, on first use."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import attrs

from newsmodel.data import read_json
from newsmodel.html._words import word_pattern

__all__ = ["ClassHints", "Hints", "hints"]

_HUMP = re.compile(r"([a-z0-9])([A-Z])")
_STATE = re.compile(
    r"(?:has|is|no|with|without|show|hide)[-_]|.{1,60}[-_](?:enabled|disabled|open|active|visible)$", re.I
)
ATTRIBUTE_SCAN = 300
"""How much of a class or id attribute hints are matched against."""


@attrs.frozen
class ClassHints:
    """Words that mark an element by its class or id: substrings, or whole tokens."""

    substrings: re.Pattern[str] | None
    """Any of the substring words, anywhere in the lower-cased attribute."""
    tokens: re.Pattern[str] | None
    """Any of the token words, as a whole word once camelCase humps are split."""
    strong: frozenset[str] = frozenset()
    """Words whose match is certain (see :data:`Hints.boilerplate_class`)."""
    ignore: tuple[str, ...] = ()
    """Words that contain a hint but are none ("commentary" is not "comment")."""
    token_words: re.Pattern[str] | None = None
    """Any token word anywhere: it finds one in any lower-cased attribute that :attr:`tokens`
    matches once humps are split (``None`` when a word has a space, which a split can make)."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ClassHints:
        """Compile the ``{"substrings": [...], "tokens": [...], "strong": [...], "ignore": [...]}`` form."""
        return cls(
            substrings=_alternation(data["substrings"], "{}"),
            tokens=_alternation(data["tokens"], "(?<![a-z0-9])(?:{})(?![a-z0-9])"),
            strong=frozenset(data.get("strong", ())),
            ignore=tuple(data.get("ignore", ())),
            token_words=None if any(" " in w for w in data["tokens"]) else _alternation(data["tokens"], "{}"),
        )

    def match(self, attribute: str) -> str | None:
        """The hint word that ``attribute`` (a class and id string) contains, or ``None``.

        A BEM modifier says what a block has, not what it is ("Section--ads" is a section
        that carries ads): only the part of a class name before "--" is matched. State
        classes ("has-sidebar", "is-sticky", "modal-enabled") are not matched at all.
        """
        attribute = attribute[:ATTRIBUTE_SCAN]
        if self._find(attribute) is None:  # most attributes hint at nothing: done at once
            return None
        names = (name.split("--", 1)[0] for name in attribute.split() if not _STATE.match(name))
        return self._find(" ".join(names))

    def _find(self, attribute: str) -> str | None:
        lowered = attribute.lower()
        if self.substrings is not None:
            unignored = lowered
            for word in self.ignore:
                unignored = unignored.replace(word, " ")
            found = self.substrings.search(unignored)
            if found is not None:
                return found.group()
        # Splitting humps only adds spaces, so a token word is in the attribute before it is:
        # the cheap test spares most attributes the split.
        if self.tokens is not None and (
            self.token_words is None or self.token_words.search(lowered) is not None
        ):
            found = self.tokens.search(_HUMP.sub(r"\1 \2", attribute).lower())
            if found is not None:
                return found.group()
        return None


def _alternation(words: list[str], template: str) -> re.Pattern[str] | None:
    """One pattern for a list of words, the longest that fits first (so "ads" wins over "ad")."""
    if not words:
        return None
    return re.compile(template.format(word_pattern(words)))


@attrs.frozen
class Hints:
    """Tag sets and class/id hints that steer content extraction."""

    drop_tags: tuple[str, ...]
    block_tags: frozenset[str]
    list_item_tags: frozenset[str]
    cell_tags: frozenset[str]
    figure_tags: frozenset[str]
    caption_class: ClassHints
    image_class: ClassHints
    credit_class: ClassHints
    boilerplate_tags: frozenset[str]
    boilerplate_roles: frozenset[str]
    boilerplate_class: ClassHints
    """Boilerplate by class or id; its ``strong`` words mark elements that no size exempts."""


@cache
def hints() -> Hints:
    """The hints of ``data/html_hints.json``."""
    data = read_json("html_hints.json")
    return Hints(
        drop_tags=tuple(data["drop_tags"]),
        block_tags=frozenset(data["block_tags"]),
        list_item_tags=frozenset(data["list_item_tags"]),
        cell_tags=frozenset(data["cell_tags"]),
        figure_tags=frozenset(data["figure_tags"]),
        caption_class=ClassHints.from_json(data["caption_class"]),
        image_class=ClassHints.from_json(data["image_class"]),
        credit_class=ClassHints.from_json(data["credit_class"]),
        boilerplate_tags=frozenset(data["boilerplate_tags"]),
        boilerplate_roles=frozenset(data["boilerplate_roles"]),
        boilerplate_class=ClassHints.from_json(data["boilerplate_class"]),
    )
