"""Tests for examples/dask_corpus.py: the corpus example runs on a local Dask cluster."""

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

from newsmodel import Article, Attribution, Entity, EntityKind, Mention, Quote, Span, to_dict

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "dask_corpus.py"
DATA = EXAMPLE.parent / "data"


def load_example():
    spec = importlib.util.spec_from_file_location("dask_corpus", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestDaskExample:
    def test_runs_on_a_local_cluster(self, tmp_path):
        """The example parses every document of a small corpus on two worker processes, in order."""
        corpus = tmp_path / "corpus"
        shutil.copytree(DATA, corpus)
        (corpus / "zz-broken.txt").write_bytes(b"caf\x81\x8d")  # neither UTF-8 nor cp1252
        out = tmp_path / "parsed"
        out.mkdir()
        (out / "part-9.jsonl").write_text("stale\n")
        done = subprocess.run(  # noqa: S603  # our own example, run by this interpreter
            [
                sys.executable,
                str(EXAMPLE),
                str(corpus),
                "-o",
                str(out),
                "--workers",
                "2",
                "--partitions",
                "2",
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        assert "5 documents, 4 parsed, 1 errors" in done.stdout
        parts = sorted(out.glob("part-*.jsonl"), key=lambda p: int(p.stem.split("-")[1]))
        assert [p.name for p in parts] == ["part-0.jsonl", "part-1.jsonl"]
        records = [json.loads(line) for part in parts for line in part.read_text("utf-8").splitlines()]
        assert [Path(r["id"]).name for r in records] == sorted(p.name for p in corpus.iterdir())
        assert records[-1]["error"]["type"] == "InputError"
        assert all("article" in r for r in records[:-1])

    def test_speakers(self):
        """Speaker names are read from the records' quotes, and error records have none."""
        example = load_example()
        text = 'Ann said: "Yes."'
        ann = Entity(
            id="e1",
            name="Ann",
            kind=EntityKind.PERSON,
            mentions=[Mention(span=Span(start=0, end=3), text="Ann")],
        )
        article = Article(
            text=text,
            entities=[ann],
            quotes=[
                Quote(
                    id="q1", span=Span(start=11, end=15), text="Yes.", attribution=Attribution(speaker=ann)
                ),
            ],
        )
        assert example.speakers({"id": "a", "article": to_dict(article)}) == ["Ann"]
        assert example.speakers({"id": "b", "error": {"type": "InputError", "message": "x"}}) == []

    def test_parse_path(self, tmp_path):
        """A file parses into a record; a missing one becomes an error record."""
        example = load_example()
        assert example.parse_path(str(DATA / "bridge.txt"))["article"]["text"]
        missing = example.parse_path(str(tmp_path / "gone.txt"))
        assert missing["error"]["type"] == "InputError"
        assert example.list_documents(DATA) == sorted(str(p) for p in DATA.iterdir())
