"""Named entities: recognition, within-document coreference and roles.

:func:`find_entities` asks a recognizer (by default the model-free :class:`RuleRecognizer`)
for name mentions, then, the same way whatever recognizer ran:

* trims each span to the name (no leading ``the``, no possessive ``'s``, no title before a
  person's name), and drops spans that overlap an earlier, longer one;
* groups mentions into entities (see :mod:`newsmodel.nlp.entities._coref`);
* attaches roles: titles before names and appositions after them (each distinct role text
  once per entity, where the text first gives it).

Only name mentions are added here; descriptions and pronouns come from attribution.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsmodel.model import Defect, EntityKind, Excerpt, Mention, MentionForm, Span
from newsmodel.nlp.document import Doc, EntityDraft
from newsmodel.nlp.entities._coref import corefer
from newsmodel.nlp.entities._lexicon import lexicon
from newsmodel.nlp.entities._roles import find_roles
from newsmodel.nlp.entities._rules import RuleRecognizer
from newsmodel.nlp.entities._tokens import SentenceTokens, has_letter, tokenize
from newsmodel.nlp.recognizer import Candidate, EntityRecognizer

__all__ = ["RuleRecognizer", "find_entities"]

_LEADING_ARTICLES = ("the ", "The ", "THE ")
_POSSESSIVES = ("'s", "’s", "'S", "’S")


def find_entities(doc: Doc, recognizer: EntityRecognizer | None) -> None:
    """Fill ``doc.entities`` with the named entities of ``doc.text``.

    A candidate span outside the text, or an object that is not a :class:`Candidate`, is
    recorded as a ``"bad-entity-candidate"`` defect on ``doc`` and skipped.
    """
    chosen = RuleRecognizer() if recognizer is None else recognizer
    sentences = doc.sentences or doc.paragraphs
    tokenized = SentenceTokens(doc.text, sentences)  # the recognizer's tokens serve the roles too
    found: list[tuple[Span, EntityKind]] = []
    for candidate in _candidates(chosen, doc.text, sentences, tokenized):
        if not _valid(candidate, len(doc.text)):
            doc.defects.append(
                Defect(
                    code="bad-entity-candidate",
                    message=f"{type(chosen).__name__} returned an unusable candidate: {candidate!r}"[:300],
                )
            )
            continue
        span = trim(doc.text, candidate.span, candidate.kind)
        if span is not None:
            found.append((span, candidate.kind))
    if doc.dateline_place is not None:
        found = _dateline_located(found, doc.dateline_place)
    mentions = _without_overlaps(found)
    groups = corefer(doc.text, mentions)
    drafts = []
    owner: dict[Span, EntityDraft] = {}
    for group in sorted(groups, key=lambda g: g.first):
        draft = EntityDraft(kind=group.kind())
        for span, _ in sorted(group.mentions, key=lambda m: (m[0].start, m[0].end)):
            # spans never repeat; each is a plain Span already (trim made it)
            draft.mentions.append(Mention(span=span, text=span.of(doc.text), form=MentionForm.NAME))
            owner[span] = draft
        draft.name = max((m.text for m in draft.mentions), key=_name_rank)
        drafts.append(draft)
    spans = sorted(owner, key=lambda s: (s.start, s.end))
    people = [owner[span].kind is EntityKind.PERSON for span in spans]
    seen: set[tuple[int, str]] = set()  # (entity, role text): each role once, where first given
    for index, role in find_roles(sentences, tokenized, spans, people):
        draft = owner[spans[index]]
        text = role.of(doc.text)
        if (id(draft), text) not in seen:
            seen.add((id(draft), text))
            draft.roles.append(Excerpt(span=role, text=text))
    doc.entities.extend(drafts)


def _candidates(
    recognizer: EntityRecognizer, text: str, sentences: Sequence[Span], tokenized: SentenceTokens
) -> Iterable[Candidate]:
    """The recognizer's candidates; the built-in one reads the shared sentence tokens."""
    if sentences and isinstance(recognizer, RuleRecognizer) and type(recognizer).recognize is _RULE_RECOGNIZE:
        return recognizer._recognize(text, sentences, tokenized)
    return recognizer.recognize(text, sentences)


_RULE_RECOGNIZE = RuleRecognizer.recognize


def _name_rank(name: str) -> tuple[bool, int]:
    """Canonical names are the longest, preferring those not in ALL CAPS (``Norway``, not ``NORWAY``)."""
    return (name != name.upper() or name == name.lower(), len(name))


def _valid(candidate: object, length: int) -> bool:
    return (
        isinstance(candidate, Candidate)
        and isinstance(candidate.span, Span)
        and isinstance(candidate.kind, EntityKind)
        and candidate.span.end <= length
        and candidate.span.start < candidate.span.end
    )


def trim(text: str, span: Span, kind: EntityKind) -> Span | None:
    """``span`` without surrounding space, a leading ``the``, a possessive, or a person's title.

    ``None`` when nothing of a name is left.
    """
    start, end = span.start, span.end
    while start < end and not text[start].isalnum():
        if text[start] in "\"'“‘(" or text[start].isspace():
            start += 1
        else:
            break
    while end > start and (text[end - 1].isspace() or text[end - 1] in ',;:"”’)'):
        if text[end - 1] == "’" and end - start > 1 and text[end - 2].lower() == "s":
            end -= 1
            continue
        end -= 1
    if text.startswith(_LEADING_ARTICLES, start) and end - start > 4:
        start += 4
        while start < end and text[start].isspace():
            start += 1
    if text.endswith(_POSSESSIVES, start, end) and end - start > 2:
        end -= 2
    elif end - start > 2 and text[end - 1] == "'" and text[end - 2] in "sS":
        end -= 1
    if kind is EntityKind.PERSON:
        start = _after_titles(text, start, end)
    name = text[start:end]
    if start >= end or not has_letter(name) or name.lower() in lexicon().function_words:
        return None
    if start == span.start and end == span.end and type(span) is Span:
        return span  # most candidates need no trimming: no second Span for them
    return Span(start=start, end=end)


def _after_titles(text: str, start: int, end: int) -> int:
    """Where a person's name starts once titles and honorifics before it are skipped."""
    lex = lexicon()
    tokens = list(tokenize(text, start, end))
    k = 0
    while k < len(tokens) - 1 and (
        tokens[k].lower in lex.honorifics
        or tokens[k].lower in lex.title_heads
        or tokens[k].lower in lex.title_modifiers
    ):
        k += 1
    return tokens[k].start if tokens else start


def _dateline_located(found: list[tuple[Span, EntityKind]], place: Span) -> list[tuple[Span, EntityKind]]:
    """The candidates with the dateline's place as a location (added if no candidate overlaps it)."""
    located = [(span, EntityKind.LOCATION if span == place else kind) for span, kind in found]
    if not any(span.start < place.end and place.start < span.end for span, _ in found):
        located.append((place, EntityKind.LOCATION))
    return located


def _without_overlaps(found: Sequence[tuple[Span, EntityKind]]) -> list[tuple[Span, EntityKind]]:
    """Mentions in text order; one that overlaps an earlier-starting or longer one is dropped."""
    kept: list[tuple[Span, EntityKind]] = []
    last_end = -1
    for span, kind in sorted(found, key=lambda m: (m[0].start, -m[0].end)):
        if span.start >= last_end:
            kept.append((span, kind))
            last_end = span.end
    return kept
