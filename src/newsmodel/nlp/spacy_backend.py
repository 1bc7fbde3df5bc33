"""An entity recognizer backed by a spaCy pipeline (the optional ``newsmodel[spacy]`` extra).

spaCy is imported only when a :class:`SpacyRecognizer` loads a pipeline by name, never when
newsmodel is imported::

    import newsmodel
    from newsmodel import SpacyRecognizer

    recognizer = SpacyRecognizer("en_core_web_sm")      # or an already loaded spacy.Language
    article = newsmodel.parse_text(text, recognizer=recognizer)

Only the names spaCy finds come from it; spans are then trimmed, grouped into entities and
given roles by newsmodel's own rules, exactly as for the built-in :class:`RuleRecognizer`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from newsmodel.exceptions import InputTypeError
from newsmodel.model import EntityKind, Span
from newsmodel.nlp.recognizer import Candidate

__all__ = ["SPACY_LABELS", "SpacyRecognizer"]

SPACY_LABELS: Mapping[str, EntityKind] = MappingProxyType(
    {
        "PERSON": EntityKind.PERSON,
        "PER": EntityKind.PERSON,
        "ORG": EntityKind.ORGANIZATION,
        "GPE": EntityKind.LOCATION,
        "LOC": EntityKind.LOCATION,
        "FAC": EntityKind.LOCATION,
        "NORP": EntityKind.NATIONALITY,
        "EVENT": EntityKind.EVENT,
        "WORK_OF_ART": EntityKind.WORK,
        "LAW": EntityKind.WORK,
        "PRODUCT": EntityKind.OTHER,
        "LANGUAGE": EntityKind.OTHER,
        "MISC": EntityKind.OTHER,
    }
)
"""How spaCy entity labels (OntoNotes and CoNLL schemes) map to :class:`EntityKind`.

Labels not listed (``DATE``, ``MONEY``, ``CARDINAL``, ...) are not names and are skipped.
"""

_INSTALL_HINT = "install the extra: pip install 'newsmodel[spacy]' and a pipeline package"


class SpacyRecognizer:
    """Finds names with a spaCy pipeline; implements :class:`~newsmodel.EntityRecognizer`.

    ``nlp`` is a loaded ``spacy.Language`` or the name (or path) of an installed pipeline
    package, loaded with ``spacy.load``. ``labels`` maps spaCy labels to kinds (default
    :data:`SPACY_LABELS`). Text is processed in chunks of whole sentences of at most
    ``chunk_size`` characters, so documents longer than spaCy's ``max_length`` work too.

    Raises :class:`ImportError` naming the extra when spaCy or the pipeline is not installed.
    """

    def __init__(
        self,
        nlp: Any,
        *,
        labels: Mapping[str, EntityKind] | None = None,
        chunk_size: int = 100_000,
    ) -> None:
        if isinstance(nlp, str):
            nlp = _load(nlp)
        if not callable(nlp) or not hasattr(nlp, "pipe"):
            raise InputTypeError(
                f"SpacyRecognizer() takes a spacy.Language or a pipeline name, got {type(nlp).__name__}"
            )
        if not isinstance(chunk_size, int) or isinstance(chunk_size, bool) or chunk_size <= 0:
            raise InputTypeError(f"SpacyRecognizer() chunk_size: expected a positive int, got {chunk_size!r}")
        self.nlp = nlp
        """The spaCy pipeline in use."""
        chosen = SPACY_LABELS if labels is None else MappingProxyType(dict(labels))
        self.labels: Mapping[str, EntityKind] = chosen
        """spaCy label -> kind; other labels are skipped."""
        self.chunk_size = chunk_size
        """Largest piece of text given to the pipeline at once (whole sentences)."""

    def __repr__(self) -> str:
        meta = getattr(self.nlp, "meta", None) or {}
        name = f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
        return f"SpacyRecognizer({name})"

    def recognize(self, text: str, sentences: Sequence[Span]) -> Iterable[Candidate]:
        """Yield the names the pipeline finds in ``text``, typed by :attr:`labels`."""
        chunks = list(_chunks(text, sentences, self.chunk_size))
        docs = self.nlp.pipe(text[start:end] for start, end in chunks)
        for (offset, _), doc in zip(chunks, docs, strict=True):
            for ent in doc.ents:
                kind = self.labels.get(ent.label_)
                if kind is not None and ent.end_char > ent.start_char:
                    yield Candidate(
                        span=Span(start=offset + ent.start_char, end=offset + ent.end_char),
                        kind=kind,
                    )


def _load(name: str) -> Any:
    """``spacy.load(name)``, importing spaCy only now."""
    try:
        spacy = importlib.import_module("spacy")
    except ImportError as exc:
        raise ImportError(f"SpacyRecognizer needs spaCy, which is not installed: {_INSTALL_HINT}") from exc
    try:
        return spacy.load(name)
    except OSError as exc:  # spaCy's E050: no package or path of that name
        raise ImportError(f"spaCy pipeline {name!r} could not be loaded ({exc}): {_INSTALL_HINT}") from exc


def _chunks(text: str, sentences: Sequence[Span], size: int) -> Iterator[tuple[int, int]]:
    """Consecutive pieces of ``text`` made of whole sentences, each at most ``size`` long.

    A sentence longer than ``size`` is cut at ``size``.
    """
    spans = sentences or ([Span(start=0, end=len(text))] if text else [])
    start = end = -1
    for sentence in spans:
        if start >= 0 and sentence.end - start > size:
            yield start, end
            start = -1
        if start < 0:
            start = sentence.start
        end = sentence.end
        while end - start > size:
            yield start, start + size
            start += size
    if start >= 0 and end > start:
        yield start, end
