"""Tests for the command line: commands, formats, exit codes, messages."""

import io
import json
import os
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import (
    Article,
    Attribution,
    Author,
    AuthorRole,
    Dateline,
    Defect,
    Entity,
    EntityKind,
    Excerpt,
    Mention,
    MentionForm,
    Quote,
    Span,
    from_dict,
    json_schema,
    to_dict,
)
from newsmodel.batch import BatchSummary, Document, parse_document
from newsmodel.cli import (
    EXIT_FAILED,
    EXIT_INPUT,
    EXIT_MISSING_DEPENDENCY,
    EXIT_OK,
    EXIT_USAGE,
    _Progress,
    main,
    summarize,
)

from .test_model import sample

PAGE = "<html><head><title>Boats</title></head><body><p>Boats wait in the harbour.</p></body></html>"
STORY = "Boats wait\n\nThe harbour board said the boats would wait until the storm passed.\n"
UNDECODABLE = b"caf\x81\x8d"  # neither UTF-8 nor cp1252


def run(capsys, *argv):
    """Run main(argv) and return (status, stdout, stderr)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def records(path):
    return [json.loads(line) for line in Path(path).read_text("utf-8").splitlines()]


@pytest.fixture
def corpus(tmp_path):
    """A small corpus: a directory of files, a JSON Lines file, and a file that fails."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(PAGE)
    (pages / "b.txt").write_text(STORY)
    (pages / "notes.md").write_text("not a document type")
    (tmp_path / "bad.txt").write_bytes(UNDECODABLE)
    (tmp_path / "more.jsonl").write_text(
        json.dumps({"id": "j1", "text": STORY}) + "\n" + json.dumps({"id": "j2", "html": PAGE}) + "\n"
    )
    return tmp_path


class TestParse:
    def test_sample_summary(self, capsys):
        """``parse --sample`` prints a readable summary of the bundled sample."""
        status, out, _ = run(capsys, "parse", "--sample")
        assert status == EXIT_OK
        assert "Body" in out
        assert "Entities (" in out
        assert "Quotes (" in out

    @pytest.mark.parametrize("fmt", ["json", "ninjs", "jsonld", "body"])
    def test_formats(self, capsys, tmp_path, fmt):
        """Each format prints what its exporter makes of the article."""
        path = tmp_path / "story.txt"
        path.write_text(STORY)
        status, out, _ = run(capsys, "parse", str(path), "--format", fmt)
        assert status == EXIT_OK
        article = parse_document(Document(id=str(path), content=STORY.encode()))
        assert article.encoding == "utf-8"
        expected = {
            "json": lambda: to_dict(article),
            "ninjs": lambda: newsmodel.to_ninjs(article),
            "jsonld": lambda: newsmodel.to_jsonld(article),
        }
        if fmt == "body":
            assert out == article.text + "\n"
        else:
            assert json.loads(out) == expected[fmt]()

    def test_json_loads_back(self, capsys):
        """The JSON printed is the lossless format."""
        _, out, _ = run(capsys, "parse", "--sample", "--format", "json")
        assert newsmodel.from_json(out).text

    def test_html_detected_and_url(self, capsys, tmp_path):
        """HTML is recognised by content and the page URL is used."""
        path = tmp_path / "page.dat"
        path.write_text(PAGE)
        _, out, _ = run(capsys, "parse", str(path), "--format", "json", "--url", "https://news.example/p")
        article = from_dict(json.loads(out))
        assert article == newsmodel.parse_html(PAGE.encode(), url="https://news.example/p")

    def test_as_text_overrides(self, capsys, tmp_path):
        """``--as text`` reads a page as plain text."""
        path = tmp_path / "page.html"
        path.write_text(PAGE)
        _, out, _ = run(capsys, "parse", str(path), "--as", "text", "--format", "body")
        assert "<p>" in out

    def test_stdin(self, capsys, monkeypatch):
        """``-`` reads the article from standard input."""
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
        status, out, _ = run(capsys, "parse", "-", "--format", "body")
        assert status == EXIT_OK
        assert "harbour board" in out

    def test_policy_options(self, capsys, tmp_path):
        """``--fast`` and ``--language`` reach the parser."""
        path = tmp_path / "story.txt"
        path.write_text(STORY)
        argv = ["parse", str(path), "--format", "json", "--fast", "--strict", "--language", "de"]
        _, out, _ = run(capsys, *argv)
        article = from_dict(json.loads(out))
        assert article.language == "de"
        assert article.sentences == ()

    def test_unparseable_document(self, capsys, tmp_path):
        """A document that cannot be parsed exits 1 with the error type and message."""
        path = tmp_path / "bad.txt"
        path.write_bytes(UNDECODABLE)
        status, out, err = run(capsys, "parse", str(path))
        assert status == EXIT_FAILED
        assert out == ""
        assert "bad.txt: InputError: text is neither UTF-8 nor cp1252" in err

    def test_default_encoding_option(self, capsys, tmp_path):
        """``--default-encoding`` decides how undeclared non-UTF-8 bytes are read."""
        path = tmp_path / "latin.txt"
        path.write_bytes(UNDECODABLE)
        status, out, _ = run(capsys, "parse", str(path), "--default-encoding", "latin-1", "--format", "body")
        assert status == EXIT_OK
        assert out.startswith("caf")
        assert run(capsys, "parse", str(path), "--default-encoding", "klingon")[0] == EXIT_USAGE

    @pytest.mark.parametrize("target", ["missing.txt", "."])
    def test_unreadable_input(self, capsys, tmp_path, target):
        """A missing file or a directory exits 3 with the reason."""
        status, _, err = run(capsys, "parse", str(tmp_path / target))
        assert status == EXIT_INPUT
        assert "cannot read" in err

    @pytest.mark.parametrize(
        "argv",
        [
            [],
            ["parse"],
            ["parse", "a.txt", "--sample"],
            ["parse", "--sample", "--format", "xml"],
            ["frobnicate"],
            ["batch", "x"],
            ["batch", "x", "-o", "o.jsonl", "--workers", "0"],
            ["batch", "x", "-o", "o.jsonl", "--workers", "two"],
            ["batch", "x", "-o", "o.jsonl", "--resume", "--force"],
        ],
    )
    def test_usage_errors(self, capsys, argv):
        """Bad arguments exit 2 with usage on stderr."""
        status, out, err = run(capsys, *argv)
        assert status == EXIT_USAGE
        assert out == ""
        assert "usage:" in err

    def test_help_and_version(self, capsys):
        """``--help`` documents the exit codes; ``--version`` prints the version; both exit 0."""
        status, out, _ = run(capsys, "--help")
        assert status == EXIT_OK
        assert "exit status" in out
        status, out, _ = run(capsys, "--version")
        assert (status, out.strip()) == (EXIT_OK, f"newsmodel {newsmodel.__version__}")

    def test_broken_pipe(self, capsys, monkeypatch):
        """A reader that goes away (``| head``) ends the command quietly."""

        def closed(_text):
            raise BrokenPipeError

        monkeypatch.setattr("newsmodel.cli._out", closed)
        assert main(["schema"]) == EXIT_OK

    @settings(max_examples=25)
    @given(st.binary(max_size=300))
    def test_any_text_bytes(self, tmp_path_factory, content):
        """Any bytes read as text either parse (0) or fail cleanly (1); nothing else escapes."""
        path = tmp_path_factory.mktemp("any") / "input.txt"
        path.write_bytes(content)
        assert main(["parse", str(path), "--as", "text", "--format", "json"]) in (EXIT_OK, EXIT_FAILED)


def quoted_article() -> Article:
    text = 'Kari Berg said: "We sail at dawn." A spokesman said: "Not yet." Someone: "Maybe."'

    def span(needle):
        i = text.index(needle)
        return Span(start=i, end=i + len(needle))

    berg = Entity(
        id="e1",
        name="Kari Berg",
        kind=EntityKind.PERSON,
        mentions=[Mention(span=span("Kari Berg"), text="Kari Berg")],
        aliases=["Berg"],
        roles=[Excerpt(span=span("Kari"), text="Kari")],
    )
    spokesman = Mention(span=span("A spokesman"), text="A spokesman", form=MentionForm.NOMINAL)
    return Article(
        text=text,
        paragraphs=[Span(start=0, end=len(text))],
        title="Boats wait",
        subtitle="Not yet, says the board",
        authors=[
            Author(name="Ann Lee", affiliation="Example Times"),
            Author(name="Wire", role=AuthorRole.AGENCY),
        ],
        published=datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc),
        dateline=Dateline(text="OSLO (Wire) —", place="OSLO"),
        tags=["ports"],
        entities=[berg],
        quotes=[
            Quote(
                id="q1",
                span=span("We sail at dawn."),
                text="We sail at dawn.",
                attribution=Attribution(speaker=berg, cue=Excerpt(span=span("said"), text="said")),
            ),
            Quote(
                id="q2", span=span("Not yet."), text="Not yet.", attribution=Attribution(mention=spokesman)
            ),
            Quote(id="q3", span=span("Maybe."), text="Maybe."),
        ],
        defects=[Defect(code="unclosed-quote", message="a quotation mark is never closed")],
    )


class TestSummary:
    def test_metadata(self):
        """The summary opens with title and subtitle and lists the metadata."""
        lines = summarize(quoted_article()).splitlines()
        assert lines[:2] == ["Boats wait", "Not yet, says the board"]
        assert "Published  2026-03-01T09:00:00+00:00" in lines
        assert "Authors    Ann Lee (Example Times), Wire (agency)" in lines
        assert "Dateline   OSLO (Wire) —" in lines
        assert "Body       81 characters, 1 paragraph, 0 sentences" in lines

    def test_entities_and_quotes(self):
        """Entities list kind, name and mentions; each quote shows its speaker and cue."""
        text = summarize(quoted_article())
        assert "  person        Kari Berg  ×1  (also Berg, roles Kari)" in text
        assert "  [q1, direct] “We sail at dawn.”\n      — Kari Berg (said)" in text
        assert "— A spokesman (no entity)" in text
        assert "  [q3, direct] “Maybe.”\n      — unattributed" in text
        assert "unclosed-quote: a quotation mark is never closed" in text

    def test_long_quotes_are_shortened(self):
        """Very long quotes are cut with an ellipsis so the summary stays readable."""
        words = "word " * 100
        article = Article(text=words, quotes=[Quote(id="q1", span=Span(start=0, end=len(words)), text=words)])
        line = next(line for line in summarize(article).splitlines() if line.startswith("  [q1"))
        assert line.endswith("…”")
        assert len(line) < 200

    def test_bare_article(self):
        """An article with nothing but text still summarizes."""
        assert summarize(Article(text="")).startswith("(no title)\n")

    def test_model_sample(self):
        """The model tests' sample names its speaker."""
        assert "— Jane Roe (said)" in summarize(sample())


class TestBatch:
    def test_corpus(self, capsys, corpus):
        """Directories, files and JSON Lines give one record each, in order; failures are records."""
        out = corpus / "out.jsonl"
        status, _, err = run(
            capsys,
            "batch",
            str(corpus / "pages"),
            str(corpus / "bad.txt"),
            str(corpus / "more.jsonl"),
            "-o",
            str(out),
        )
        assert status == EXIT_FAILED
        got = records(out)
        pages = corpus / "pages"
        assert [r["id"] for r in got] == [
            str(pages / "a.html"),
            str(pages / "b.txt"),
            str(corpus / "bad.txt"),
            "j1",
            "j2",
        ]
        assert got[2]["error"]["type"] == "InputError"
        assert all("article" in r for i, r in enumerate(got) if i != 2)
        assert "5 docs, 4 ok, 1 error, 1 skipped (not documents), 0 already done" in err

    def test_all_ok_exits_zero(self, capsys, corpus):
        """A batch without failures exits 0."""
        status, _, _ = run(capsys, "batch", str(corpus / "pages"), "-o", str(corpus / "out.jsonl"))
        assert status == EXIT_OK

    def test_glob(self, capsys, corpus):
        """Globs are expanded, sorted."""
        out = corpus / "out.jsonl"
        run(capsys, "batch", str(corpus / "pages" / "*.*"), "-o", str(out))
        assert [Path(r["id"]).name for r in records(out)] == ["a.html", "b.txt", "notes.md"]

    def test_workers(self, capsys, corpus):
        """Worker processes give the same records as one process."""
        inputs = [str(corpus / "pages"), str(corpus / "more.jsonl"), str(corpus / "bad.txt")]
        run(capsys, "batch", *inputs, "-o", str(corpus / "one.jsonl"))
        run(capsys, "batch", *inputs, "-o", str(corpus / "two.jsonl"), "--workers", "2")
        assert records(corpus / "one.jsonl") == records(corpus / "two.jsonl")

    def test_existing_output_needs_a_choice(self, capsys, corpus):
        """An existing output is neither overwritten nor appended to silently."""
        out = corpus / "out.jsonl"
        out.write_text("precious\n")
        status, _, err = run(capsys, "batch", str(corpus / "pages"), "-o", str(out))
        assert status == EXIT_USAGE
        assert "--resume" in err
        assert out.read_text() == "precious\n"
        assert run(capsys, "batch", str(corpus / "pages"), "-o", str(out), "--force")[0] == EXIT_OK
        assert len(records(out)) == 2

    def test_resume(self, capsys, corpus):
        """``--resume`` appends only documents whose id is not in the output yet."""
        out = corpus / "out.jsonl"
        run(capsys, "batch", str(corpus / "more.jsonl"), "-o", str(out))
        first = out.read_text()
        status, _, err = run(
            capsys, "batch", str(corpus / "pages"), str(corpus / "more.jsonl"), "-o", str(out), "--resume"
        )
        assert status == EXIT_OK
        assert out.read_text().startswith(first)
        assert [r["id"] for r in records(out)] == [
            "j1",
            "j2",
            str(corpus / "pages" / "a.html"),
            str(corpus / "pages" / "b.txt"),
        ]
        assert "2 already done" in err

    def test_resume_repairs_a_cut_off_line(self, capsys, corpus):
        """A partial last record from a killed run is removed and redone."""
        out = corpus / "out.jsonl"
        out.write_text('{"id": "j1", "article": {}}\n{"id": "j2", "arti')
        status, _, err = run(capsys, "batch", str(corpus / "more.jsonl"), "-o", str(out), "--resume")
        assert status == EXIT_OK
        assert "cut-off last record" in err
        assert [r["id"] for r in records(out)] == ["j1", "j2"]

    def test_resume_refuses_foreign_output(self, capsys, corpus):
        """Resuming into a file that is not batch output exits 3."""
        out = corpus / "out.jsonl"
        out.write_text("hello\n")
        status, _, err = run(capsys, "batch", str(corpus / "pages"), "-o", str(out), "--resume")
        assert status == EXIT_INPUT
        assert "not a JSON record" in err

    def test_stdout_and_stdin(self, capsys, monkeypatch):
        """``-`` reads JSON Lines from stdin; ``-o -`` writes records to stdout."""
        line = json.dumps({"id": "s1", "text": STORY}) + "\n"
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode())))
        status, out, _ = run(capsys, "batch", "-", "-o", "-", "--format", "ninjs")
        assert status == EXIT_OK
        (record,) = [json.loads(x) for x in out.splitlines()]
        assert record["id"] == "s1"
        assert "uri" in record["ninjs"]

    def test_stdin_twice_and_resume_to_stdout(self, capsys):
        """Reading stdin twice, or resuming into stdout, are usage errors."""
        assert run(capsys, "batch", "-", "-", "-o", "x.jsonl")[0] == EXIT_USAGE
        assert run(capsys, "batch", "-", "-o", "-", "--resume")[0] == EXIT_USAGE

    def test_missing_inputs(self, capsys, tmp_path):
        """Missing inputs exit 3 before anything is written."""
        out = tmp_path / "out.jsonl"
        status, _, err = run(
            capsys, "batch", str(tmp_path / "nope"), str(tmp_path / "*.html"), "-o", str(out)
        )
        assert status == EXIT_INPUT
        assert "nope" in err
        assert "matches nothing" in err
        assert not out.exists()

    def test_unwritable_output(self, capsys, corpus):
        """An output that cannot be written exits 3."""
        status, _, err = run(capsys, "batch", str(corpus / "pages"), "-o", str(corpus / "pages"), "--force")
        assert status == EXIT_INPUT
        assert "cannot write" in err

    def test_warc_needs_warcio(self, capsys, tmp_path, monkeypatch):
        """A WARC input without warcio installed exits 4 with the install command."""
        (tmp_path / "crawl.warc.gz").write_bytes(b"")
        monkeypatch.setattr("newsmodel.cli.find_spec", lambda name: None)
        status, _, err = run(
            capsys, "batch", str(tmp_path / "crawl.warc.gz"), "-o", str(tmp_path / "o.jsonl")
        )
        assert status == EXIT_MISSING_DEPENDENCY
        assert "newsmodel[warc]" in err

    def test_warc(self, capsys, tmp_path):
        """A WARC file's HTML responses are documents named by record id."""
        warcio = pytest.importorskip("warcio")
        from warcio.statusandheaders import StatusAndHeaders

        path = tmp_path / "crawl.warc"
        with open(path, "wb") as stream:
            writer = warcio.WARCWriter(stream, gzip=False)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                "https://a.example/1", "response", payload=io.BytesIO(PAGE.encode()), http_headers=headers
            )
            writer.write_record(record)
        out = tmp_path / "out.jsonl"
        assert run(capsys, "batch", str(path), "-o", str(out))[0] == EXIT_OK
        (got,) = records(out)
        assert got["id"] == record.rec_headers.get_header("WARC-Record-ID")
        assert got["article"]["url"] == "https://a.example/1"

    def test_interrupt(self, capsys, corpus, monkeypatch):
        """Ctrl-C stops the run with status 130, a summary and a hint to resume."""

        def interrupted(*args, **kwargs):
            raise KeyboardInterrupt

        monkeypatch.setattr("newsmodel.cli.run_batch", interrupted)
        status, _, err = run(capsys, "batch", str(corpus / "pages"), "-o", str(corpus / "out.jsonl"))
        assert status == 130
        assert "--resume" in err


class TestProgress:
    def test_draws_throttled_and_clears(self, monkeypatch):
        """The progress line is redrawn at most every quarter second and erased at the end."""
        clock = iter([10.0, 10.1, 10.5])
        monkeypatch.setattr("newsmodel.cli.time.monotonic", lambda: next(clock))
        stream = io.StringIO()
        progress = _Progress(stream)
        for done in (1, 2, 3):
            progress(BatchSummary(documents=done, ok=done, seconds=1.0))
        progress.clear()
        assert stream.getvalue() == ("\r1 doc, 0 errors, 1.0 docs/s \r3 docs, 0 errors, 3.0 docs/s \r\x1b[K")

    def test_nothing_drawn_nothing_cleared(self):
        """Clearing a progress line that was never drawn writes nothing."""
        stream = io.StringIO()
        _Progress(stream).clear()
        assert stream.getvalue() == ""

    def test_only_on_a_terminal(self, capsys, corpus):
        """Batch output to a pipe or file shows no progress line, only the summary."""
        _, _, err = run(capsys, "batch", str(corpus / "pages"), "-o", str(corpus / "out.jsonl"))
        assert "\r" not in err
        assert err.count("\n") == 1


class TestValidate:
    def test_valid_files(self, capsys, tmp_path):
        """A valid .json document and .jsonl lines (bare or batch records) pass with status 0."""
        article = to_dict(sample())
        (tmp_path / "one.json").write_text(json.dumps(article, indent=2))
        (tmp_path / "many.jsonl").write_text(
            json.dumps(article)
            + "\n\n"
            + json.dumps({"id": "a", "article": article})
            + "\n"
            + json.dumps({"id": "b", "error": {"type": "InputError", "message": "x"}})
            + "\n"
            + json.dumps({"id": "c", "ninjs": {}})
            + "\n"
        )
        status, out, err = run(capsys, "validate", str(tmp_path / "one.json"), str(tmp_path / "many.jsonl"))
        assert status == EXIT_OK
        assert out == ""
        assert (
            "3 articles: 3 valid, 0 invalid; skipped 1 error record, 1 ninjs/jsonld record (not checked)"
            in err
        )

    def test_reports_line_and_path(self, capsys, tmp_path):
        """Each bad record is reported with its file, line and JSON path; status 1."""
        good = to_dict(sample())
        bad = to_dict(sample())
        bad["quotes"][0]["span"]["end"] = 10_000
        path = tmp_path / "out.jsonl"
        path.write_text(
            json.dumps(good)
            + "\n"
            + json.dumps({"id": "x", "article": bad})
            + "\n"
            + "{oops\n"
            + '{"id": "y"}\n'
        )
        status, out, err = run(capsys, "validate", str(path))
        assert status == EXIT_FAILED
        lines = out.splitlines()
        assert lines[0].startswith(f"{path}:2: $.article.quotes[0].span: end 10000 lies beyond the text")
        assert lines[1].startswith(f"{path}:3: $: invalid JSON")
        assert lines[2].startswith(f"{path}:4: $: a batch record needs")
        assert "4 articles: 1 valid, 3 invalid" in err

    def test_duplicate_keys(self, capsys, tmp_path):
        """Duplicate keys, which JSON parsers would silently merge, are reported."""
        path = tmp_path / "a.json"
        path.write_text('{"text": "a", "text": "b"}')
        status, out, _ = run(capsys, "validate", str(path))
        assert status == EXIT_FAILED
        assert "duplicate key 'text'" in out

    def test_batch_output_validates(self, capsys, corpus):
        """What ``batch`` writes, ``validate`` accepts."""
        out = corpus / "out.jsonl"
        run(capsys, "batch", str(corpus / "pages"), str(corpus / "bad.txt"), "-o", str(out))
        status, _, err = run(capsys, "validate", str(out))
        assert status == EXIT_OK
        assert "2 articles: 2 valid, 0 invalid; skipped 1 error record" in err

    def test_stdin(self, capsys, monkeypatch):
        """``-`` validates JSON Lines from standard input."""
        lines = (json.dumps(to_dict(sample())) + "\n") * 2
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
        status, _, err = run(capsys, "validate", "-")
        assert status == EXIT_OK
        assert "2 articles: 2 valid" in err

    def test_pretty_document_on_stdin(self, capsys, monkeypatch):
        """A pretty-printed document (``parse --format json | validate -``) is read whole."""
        pretty = json.dumps(to_dict(sample()), indent=2)
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(pretty.encode())))
        status, _, err = run(capsys, "validate", "-")
        assert status == EXIT_OK
        assert "1 article: 1 valid" in err

    def test_jsonl_is_always_lines(self, capsys, tmp_path):
        """In a .jsonl file a bad first line is one bad record, not a reason to read the file whole."""
        path = tmp_path / "a.jsonl"
        path.write_text("{\n" + json.dumps(to_dict(sample())) + "\n")
        status, out, err = run(capsys, "validate", str(path))
        assert status == EXIT_FAILED
        assert out.startswith(f"{path}:1: $: invalid JSON")
        assert "2 articles: 1 valid, 1 invalid" in err

    def test_missing_file(self, capsys, tmp_path):
        """A file that cannot be read exits 3."""
        status, _, err = run(capsys, "validate", str(tmp_path / "nope.jsonl"))
        assert status == EXIT_INPUT
        assert "cannot read" in err


class TestSchema:
    def test_prints_schema(self, capsys):
        """``schema`` prints the article JSON Schema."""
        status, out, _ = run(capsys, "schema")
        assert status == EXIT_OK
        assert json.loads(out) == json_schema()


class TestConsoleScript:
    def script(self):
        found = Path(sys.executable).parent / "newsmodel"
        return str(found) if found.exists() else shutil.which("newsmodel")

    def test_console_script(self, tmp_path):
        """The installed ``newsmodel`` script parses the sample and returns exit codes."""
        script = self.script()
        if script is None:
            pytest.skip("the newsmodel console script is not installed")
        command = [script, "parse", "--sample", "--format", "json"]
        done = subprocess.run(command, capture_output=True, check=False)  # noqa: S603  # our own script
        assert done.returncode == EXIT_OK
        assert newsmodel.from_json(done.stdout).text
        command = [script, "parse", str(tmp_path / "nope")]
        missing = subprocess.run(command, capture_output=True, check=False)  # noqa: S603  # our own script
        assert missing.returncode == EXIT_INPUT

    def test_python_dash_m(self):
        """``python -m newsmodel`` is the same command line."""
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        done = subprocess.run(
            [sys.executable, "-m", "newsmodel", "--version"],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        assert (done.returncode, done.stdout.strip()) == (EXIT_OK, f"newsmodel {newsmodel.__version__}")
        usage = subprocess.run(
            [sys.executable, "-m", "newsmodel"], capture_output=True, text=True, check=False
        )
        assert usage.returncode == EXIT_USAGE
