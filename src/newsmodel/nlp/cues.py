"""The word lists behind quotation and attribution: cue verbs, phrases, pronouns, source nouns.

Everything here is read from data files in :mod:`newsmodel.data` (see each file's header for
its format) and assembled once, on first use, into an immutable :class:`Lexicon`::

    cue_verbs.txt          reporting verbs, every inflected form, with their class
    reporting_phrases.txt  multi-word cues ("according to", "pointed out", "called for")
    quote_marks.txt        quotation marks and whether they open, close or do either
    speaker_pronouns.txt   pronouns that can name a source, with kinds, gender and number
    speaker_nouns.txt      nouns that head a description of a source ("the minister")
    speaker_titles.txt     abbreviated titles and honorifics ("Sen.", "Mrs.")
    speaker_words.txt      closed-class words (determiners, auxiliaries, prepositions, ...)
    speaker_places.txt     country and state names, so such a source is a location
    speaker_given_names.txt  given names that show a person's gender
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

import attrs

from newsmodel.data import read_lines
from newsmodel.model import EntityKind

__all__ = [
    "CueClass",
    "CueVerb",
    "Gender",
    "Lexicon",
    "MarkRole",
    "Phrase",
    "Pronoun",
    "SourceNoun",
    "Title",
    "lexicon",
]


class CueClass(enum.Enum):
    """What a cue can introduce."""

    SPEECH = "speech"
    """A verb of saying: direct quotes and reported speech."""
    REPORT = "report"
    """A verb of belief, finding or stance: reported speech only."""
    QUOTE = "quote"
    """A verb that introduces direct quotes only ("...," she continued)."""
    SOURCE_FIRST = "source-first"
    """A phrase followed by its source ("according to the agency")."""
    NOT_A_CUE = "not-a-cue"
    """A compound that starts like a cue but is not one ("think tank")."""


class Gender(enum.Enum):
    """Grammatical gender, where a word or title shows it."""

    MALE = "m"
    FEMALE = "f"


class MarkRole(enum.Enum):
    """What a quotation mark can do."""

    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"


@attrs.frozen
class CueVerb:
    """One inflected form of a reporting verb."""

    form: str
    cue_class: CueClass
    takes_object: bool
    """Whether a person object may stand between the verb and its content (``told reporters``)."""


@attrs.frozen
class Phrase:
    """A multi-word cue."""

    words: tuple[str, ...]
    cue_class: CueClass


@attrs.frozen
class Pronoun:
    """A pronoun that can stand for a source."""

    word: str
    kinds: frozenset[EntityKind]
    """Kinds it may refer to; empty for first and second person (never resolved)."""
    gender: Gender | None
    plural: bool | None


@attrs.frozen
class SourceNoun:
    """A noun heading a description of a source."""

    word: str
    kind: EntityKind | None
    """``None`` for documents and other sources that are not entities ("the report")."""
    gender: Gender | None
    plural: bool
    generic: bool
    """Fits any entity of its kind; otherwise the entity's name or roles must contain it."""
    title: bool
    """May stand right before a name as a title."""


@attrs.frozen
class Title:
    """An abbreviated title or honorific."""

    abbreviation: str
    noun: str | None
    """The office it abbreviates (``"senator"`` for ``Sen.``); ``None`` for honorifics."""
    gender: Gender | None


@attrs.frozen(kw_only=True)
class Lexicon:
    """Every word list the quote rules use, keyed by lower-case word."""

    verbs: Mapping[str, CueVerb]
    phrases: Mapping[str, tuple[Phrase, ...]]
    """Multi-word cues, keyed by their first word, longest first."""
    marks: Mapping[str, MarkRole]
    single_marks: Mapping[str, MarkRole]
    pronouns: Mapping[str, Pronoun]
    nouns: Mapping[str, SourceNoun]
    titles: Mapping[str, Title]
    words: Mapping[str, frozenset[str]]
    """Closed classes from ``speaker_words.txt``: class name to its words."""
    places: frozenset[str]
    given_names: Mapping[str, Gender]
    """Lower-case given name to the gender it shows."""
    cue_words: frozenset[str]
    """Every word a cue can start with: the verb forms and the first words of phrases."""

    def is_(self, word_class: str, lower: str) -> bool:
        """Whether the lower-case word ``lower`` is in closed class ``word_class``."""
        members = self.words.get(word_class)
        return members is not None and lower in members


def _classes(entry: str) -> tuple[str, list[str]]:
    head, _, rest = entry.partition(":")
    return head.strip(), rest.split()


def _gender(code: str) -> Gender | None:
    return None if code == "-" else Gender(code)


def _kinds(code: str) -> frozenset[EntityKind]:
    if code == "-":
        return frozenset()
    return frozenset(EntityKind(k) for k in code.split("|"))


@cache
def lexicon() -> Lexicon:
    """The lexicon assembled from the data files (built once, then shared: it is immutable)."""
    verbs: dict[str, CueVerb] = {}
    for entry in read_lines("cue_verbs.txt"):
        name, forms = _classes(entry)
        cue_class = CueClass(name.removesuffix("+obj"))
        for form in forms:
            verbs.setdefault(form, CueVerb(form, cue_class, name.endswith("+obj")))
    phrases: dict[str, list[Phrase]] = {}
    for entry in read_lines("reporting_phrases.txt"):
        name, phrase_words = _classes(entry)
        phrases.setdefault(phrase_words[0], []).append(Phrase(tuple(phrase_words), CueClass(name)))
    marks: dict[str, MarkRole] = {}
    single: dict[str, MarkRole] = {}
    for entry in read_lines("quote_marks.txt"):
        name, symbols = _classes(entry)
        table = single if name.endswith("-single") else marks
        for symbol in symbols:
            table[symbol] = MarkRole(name.removesuffix("-single"))
    pronouns: dict[str, Pronoun] = {}
    for entry in read_lines("speaker_pronouns.txt"):
        word, kinds, gender, number = entry.split()
        plural = None if number == "-" else number == "pl"
        pronouns[word] = Pronoun(word, _kinds(kinds), _gender(gender), plural)
    nouns: dict[str, SourceNoun] = {}
    for entry in read_lines("speaker_nouns.txt"):
        word, kind, gender, *flags = entry.split()
        nouns.setdefault(
            word,
            SourceNoun(
                word=word,
                kind=None if kind == "-" else EntityKind(kind),
                gender=_gender(gender),
                plural="plural" in flags,
                generic="generic" in flags,
                title="title" in flags,
            ),
        )
    titles: dict[str, Title] = {}
    for entry in read_lines("speaker_titles.txt"):
        abbreviation, noun, gender = entry.split()
        titles[abbreviation] = Title(abbreviation, None if noun == "-" else noun, _gender(gender))
    words: dict[str, set[str]] = {}
    for entry in read_lines("speaker_words.txt"):
        name, members = _classes(entry)
        words.setdefault(name, set()).update(m.lower() for m in members)
    return Lexicon(
        cue_words=frozenset(verbs) | frozenset(phrases),
        verbs=MappingProxyType(verbs),
        phrases=MappingProxyType(
            {k: tuple(sorted(v, key=lambda p: -len(p.words))) for k, v in phrases.items()}
        ),
        marks=MappingProxyType(marks),
        single_marks=MappingProxyType(single),
        pronouns=MappingProxyType(pronouns),
        nouns=MappingProxyType(nouns),
        titles=MappingProxyType(titles),
        words=MappingProxyType({k: frozenset(v) for k, v in words.items()}),
        places=frozenset(p.lower() for p in read_lines("speaker_places.txt")),
        given_names=MappingProxyType(
            {
                name.lower(): Gender(code)
                for name, code in (e.split() for e in read_lines("speaker_given_names.txt"))
            }
        ),
    )
