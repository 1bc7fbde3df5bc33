"""Fuzzing the command line: any file and any arguments give a documented exit status, no traceback."""

import contextlib
import io
import json
import os
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import from_dict

from .hostile import REAL_HTML, Dice, hostile_text, html_document, json_value, news_text

cli = pytest.importorskip("newsmodel.cli", reason="the command line (branch cli) has not landed")

EXIT_CODES = {0, 1, 2, 3, 4}
"""The documented exit statuses, less 130 (interrupted), which fuzzing never causes."""
SUFFIXES = ["", ".html", ".htm", ".txt", ".json", ".jsonl", ".xhtml", ".TXT"]


def run(argv: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    """Run the CLI in this process with ``argv``; return (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    real_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = cli.main(argv)
    finally:
        sys.stdin = real_stdin
    assert status in EXIT_CODES, f"undocumented exit status {status}"
    assert "Traceback" not in err.getvalue(), err.getvalue()
    return status, out.getvalue(), err.getvalue()


def contents() -> st.SearchStrategy[bytes]:
    """File contents: article-like text, hostile text and pages in several encodings, or raw bytes."""

    def build(data: bytes) -> bytes:
        dice = Dice(data)
        kind = dice.below(4)
        if kind == 3:
            return data
        text = (news_text, hostile_text, html_document)[kind](dice)
        encoding = dice.pick(["utf-8", "utf-16", "cp1252", "latin-1"])
        errors = "surrogatepass" if encoding.startswith("utf") else "replace"
        return text.encode(encoding, errors=errors)

    return st.binary(max_size=400).map(build)


@pytest.fixture(scope="module")
def workdir():
    """A scratch directory for the files the CLI reads and writes."""
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def write(workdir: Path, name: str, data: bytes) -> str:
    path = workdir / name
    path.write_bytes(data)
    return str(path)


@REAL_HTML
class TestParse:
    @pytest.mark.fuzz
    @given(
        contents(), st.sampled_from(SUFFIXES), st.sampled_from(["text", "json", "ninjs", "jsonld", "body"])
    )
    def test_any_file(self, workdir, data, suffix, output):
        """parse on any file exits 0 (with the requested output) or 1 (with a message), never crashes."""
        status, out, err = run(["parse", write(workdir, f"doc{suffix}", data), "--format", output])
        if status == 0:
            assert out
            if output == "json":
                from_dict(json.loads(out))
            elif output in {"ninjs", "jsonld"}:
                json.loads(out)
        else:
            assert status == 1
            assert err.startswith("newsmodel: ")

    @given(contents(), st.sampled_from(["auto", "html", "text"]), st.booleans(), st.booleans())
    def test_any_stdin(self, workdir, data, kind, fast, strict):
        """parse - reads standard input with any options and exits 0 or 1."""
        argv = ["parse", "-", "--as", kind, "--format", "json"]
        argv += ["--fast"] * fast + ["--strict"] * strict
        status, _, _ = run(argv, stdin=data)
        assert status in {0, 1}


class TestValidateAndBatch:
    @given(st.lists(st.binary(max_size=120), max_size=5), st.sampled_from([".json", ".jsonl"]))
    def test_validate_any_json(self, workdir, records, suffix):
        """validate on files of arbitrary JSON values exits 0 or 1, never crashes."""
        lines = [json.dumps(json_value(Dice(r))) for r in records]
        status, _, _ = run(["validate", write(workdir, f"v{suffix}", "\n".join(lines).encode())])
        assert status in {0, 1}

    @given(st.binary(max_size=300))
    def test_validate_any_bytes(self, workdir, data):
        """validate on a file of arbitrary bytes exits 0 or 1."""
        status, _, _ = run(["validate", write(workdir, "raw.jsonl", data)])
        assert status in {0, 1}

    @given(st.lists(contents(), min_size=1, max_size=4), st.booleans())
    def test_batch_jsonl(self, workdir, documents, as_html):
        """batch writes one record per input line, errors included, and exits 0 or 1."""
        key = "html" if as_html else "text"
        lines = [
            json.dumps({"id": f"d{i}", key: d.decode("utf-8", "replace"), "url": None})
            for i, d in enumerate(documents)
        ]
        source = write(workdir, "in.jsonl", "\n".join(lines).encode())
        status, out, _ = run(["batch", source, "-o", "-", "--no-progress"])
        assert status in {0, 1}
        records = [json.loads(line) for line in out.splitlines() if line.strip()]
        assert [r["id"] for r in records] == [f"d{i}" for i in range(len(documents))]


TOKENS = [
    "parse", "batch", "validate", "schema", "-", "--format", "json", "text", "ninjs", "jsonld", "body",
    "--url", "http://[::1", "--as", "html", "auto", "--fast", "--strict", "--language", "en", "",
    "--default-encoding", "x-bogus", "utf-8", "--sample", "-o", "out.jsonl", "--resume", "--force",
    "--workers", "0", "1", "--no-progress", "missing.html", ".", "doc.html", "doc.jsonl", "--version",
    "--help", "-h", "\udcff", "--format=json", "--bogus",
]  # fmt: skip


class TestArguments:
    @pytest.mark.fuzz
    @given(st.lists(st.sampled_from(TOKENS), max_size=8))
    def test_any_arguments(self, workdir, argv):
        """Any argument list gives a documented exit status and no traceback."""
        write(workdir, "doc.html", b"<html><body><p>Jane Roe said the bridge will reopen.</p></body></html>")
        write(workdir, "doc.jsonl", b'{"id": "a", "text": "Omar Haddad said talks will continue."}\n')
        out = workdir / "out.jsonl"
        if out.exists():
            out.unlink()
        previous = Path.cwd()
        os.chdir(workdir)  # random arguments name relative outputs ("-o json"): keep them in here
        try:
            run(argv)
        finally:
            os.chdir(previous)

    @pytest.mark.parametrize("command", ["parse", "validate"])
    def test_nul_in_a_path(self, workdir, command):
        """A path holding a NUL character gives exit status 3 (unreadable input), as batch does."""
        assert run([command, "bad\x00name.html"])[0] == 3
