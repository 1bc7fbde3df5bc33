"""The word lists the entity rules read, loaded once from :mod:`newsmodel.data`."""

from __future__ import annotations

from functools import cache

import attrs

from newsmodel.data import read_json, read_lines
from newsmodel.model import EntityKind
from newsmodel.nlp.entities._tokens import tokenize

Key = tuple[str, ...]
"""A phrase as the lower-cased texts of its tokens."""

MAX_PHRASE = 8
"""Longest gazetteer phrase, in tokens, that lookups try."""


def phrase_key(text: str) -> Key:
    """The lookup key of a phrase: its tokens, lower-cased (a final ``Fla.`` keeps its period)."""
    padded = text + " "  # so that a final abbreviation is not read as ending a sentence
    return tuple(t.lower for t in tokenize(padded, 0, len(padded)))


def _keys(entries: tuple[str, ...] | list[str]) -> frozenset[Key]:
    return frozenset(phrase_key(e) for e in entries)


def _unstopped(keys: frozenset[Key]) -> frozenset[Key]:
    """Keys ending in an abbreviation, without its period (``Fla.`` ending a sentence: ``Fla``)."""
    return frozenset((*key[:-1], key[-1][:-1]) for key in keys if len(key[-1]) > 2 and key[-1].endswith("."))


def _words(entries: tuple[str, ...] | list[str]) -> frozenset[str]:
    return frozenset(e.lower() for e in entries)


@attrs.frozen
class Lexicon:
    """Gazetteers and cue words, as lower-cased token keys and word sets."""

    countries: frozenset[Key]
    places: frozenset[Key]
    organizations: frozenset[Key]
    demonyms: frozenset[Key]
    events: frozenset[Key]
    first_names: frozenset[str]
    function_words: frozenset[str]
    stopwords: frozenset[str]
    honorifics: frozenset[str]
    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    org_suffixes: frozenset[str]
    org_heads_of: frozenset[str]
    place_heads_of: frozenset[str]
    place_suffixes: frozenset[str]
    place_prefixes: frozenset[str]
    compass: frozenset[str]
    event_suffixes: frozenset[str]
    event_prefixes: frozenset[str]
    work_suffixes: frozenset[str]
    org_after: frozenset[str]
    place_before: frozenset[str]
    place_after: frozenset[str]
    person_after: frozenset[str]
    connectors: frozenset[str]
    suffixes: frozenset[str]
    combining_forms: frozenset[str]
    months: frozenset[str]
    org_prefixes: frozenset[str]
    lower_prefixes: frozenset[str]
    name_syllables: frozenset[str]
    place_of: frozenset[str]
    determiners: frozenset[str]

    unstopped_places: frozenset[Key] = frozenset()
    """Places ending in an abbreviation, without the period a sentence's end takes (``Fla``)."""
    unstopped_organizations: frozenset[Key] = frozenset()
    """The same for organisations (``U.N``)."""

    def gazetteer_kind(self, key: Key) -> EntityKind | None:
        """The kind of a phrase listed in a gazetteer, or ``None``."""
        if key in self.countries or key in self.places:
            return EntityKind.LOCATION
        if key in self.organizations:
            return EntityKind.ORGANIZATION
        if key in self.demonyms:
            return EntityKind.NATIONALITY
        if key in self.events:
            return EntityKind.EVENT
        return None

    def sentence_final_kind(self, key: Key) -> EntityKind | None:
        """The kind of a listed abbreviation written without its period at a sentence's end."""
        if key in self.unstopped_places:
            return EntityKind.LOCATION
        if key in self.unstopped_organizations:
            return EntityKind.ORGANIZATION
        return None

    def is_titleish(self, word: str) -> bool:
        """Whether ``word`` can be part of a title (``"Deputy"``, ``"Foreign"``, ``"Minister"``)."""
        lower = word.lower()
        return lower in self.title_heads or lower in self.title_modifiers or lower in self.honorifics


def _demonym_keys(entries: tuple[str, ...]) -> frozenset[Key]:
    keys = set()
    for entry in entries:
        keys.add(phrase_key(entry))
        if entry.endswith("man"):
            keys.add(phrase_key(entry[:-3] + "men"))  # Frenchmen
        elif not entry.endswith(("s", "sh", "ch", "ese", "x", "z")):
            keys.add(phrase_key(entry + "s"))  # Syrians, Serbs, Iraqis
    return frozenset(keys)


@cache
def lexicon() -> Lexicon:
    """The lexicon, built on first use."""
    cues = read_json("entity_cues.json")
    titles = read_json("person_titles.json")
    heads = [*titles["heads"], *titles["abbreviated_titles"]]
    countries = _keys(read_lines("places_countries.txt"))
    places = _keys(read_lines("places_other.txt"))
    organizations = _keys(read_lines("organizations.txt"))
    return Lexicon(
        countries=countries,
        places=places,
        organizations=organizations,
        unstopped_places=_unstopped(countries | places),
        unstopped_organizations=_unstopped(organizations),
        demonyms=_demonym_keys(read_lines("demonyms.txt")),
        events=_keys(read_lines("events.txt")),
        first_names=_words(read_lines("first_names.txt")),
        function_words=_words(read_lines("name_function_words.txt")),
        stopwords=_words(read_lines("name_stopwords.txt")),
        honorifics=_words(titles["honorifics"]),
        title_heads=_words([h for h in heads if " " not in h]),
        title_modifiers=_words(titles["modifiers"]),
        org_suffixes=_words(cues["org_suffixes"]),
        org_heads_of=_words(cues["org_heads_of"]),
        place_heads_of=_words(cues["place_heads_of"]),
        place_suffixes=_words(cues["place_suffixes"]),
        place_prefixes=_words(cues["place_prefixes"]),
        compass=_words(cues["compass"]),
        event_suffixes=_words(cues["event_suffixes"]),
        event_prefixes=_words(cues["event_prefixes"]),
        work_suffixes=_words(cues["work_suffixes"]),
        org_after=_words(cues["org_after_lower"]),
        place_before=_words(cues["place_before_lower"]),
        place_after=_words(cues["place_after_lower"]),
        person_after=_words(cues["person_after_lower"]),
        connectors=_words([c for c in cues["connectors"] if c.islower() and " " not in c]),
        suffixes=_words(cues["generational_suffixes"]),
        combining_forms=_words(cues["combining_forms"]),
        months=_words(cues["months"]),
        org_prefixes=_words(cues["org_prefixes"]),
        lower_prefixes=_words(cues["lowercase_prefixes"]),
        name_syllables=_words(cues["name_syllables"]),
        place_of=_words(cues["place_before_of"]),
        determiners=_words(cues["determiners"]),
    )
