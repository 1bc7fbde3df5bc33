"""Tests for batch processing: inputs, one ordered record per document, errors, resume, workers."""

import io
import json
import multiprocessing
import os
import pickle
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import InputError, parse_html, parse_text, to_dict
from newsmodel.batch import (
    BatchSummary,
    Document,
    InputKind,
    OutputFormat,
    Skipped,
    Unreadable,
    looks_like_html,
    parse_document,
    prepare_resume,
    read_inputs,
    resolve_inputs,
    run_batch,
)
from newsmodel.policy import DEFAULT
from newsmodel.testing import articles

PAGE = "<html><head><title>Boats</title></head><body><p>Boats wait in the harbour.</p></body></html>"
STORY = "Boats wait\n\nThe harbour board said the boats would wait until the storm passed.\n"


def run(items, **options):
    lines = []
    summary = run_batch(items, lines.append, **options)
    return [json.loads(line) for line in lines], summary


def docs(count, *, size=1):
    return [
        Document(id=f"d{i}", content=f"Story {i}. " * (1 + (i * 37) % size), kind=InputKind.TEXT)
        for i in range(count)
    ]


class TestSniffing:
    @pytest.mark.parametrize(
        "content",
        [
            PAGE,
            PAGE.encode(),
            "  \n<!DOCTYPE html><p>x</p>",
            "\ufeff<html>",
            b"\xef\xbb\xbf<html>",
            '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">',
            "<P>Shouted markup</P>",
            "<!-- saved page --><div>x</div>",
            "\ufeff<html>".encode("utf-16"),
        ],
    )
    def test_html(self, content):
        """Input opening with a tag that pages use is HTML."""
        assert looks_like_html(content)

    @pytest.mark.parametrize(
        "content",
        [
            STORY,
            "",
            "<3 the harbour, she said.",
            "Use <div> tags, he wrote.",
            b"\x00\x01binary",
            "x" * 100_000,
        ],
    )
    def test_text(self, content):
        """Input that does not open with a page tag is plain text."""
        assert not looks_like_html(content)


class TestParseDocument:
    def test_auto_text_bytes(self):
        """UTF-8 text bytes are sniffed as text, decoded, and the encoding recorded."""
        article = parse_document(Document(id="a", content=STORY.encode()))
        assert article.text == parse_text(STORY).text
        assert article.encoding == "utf-8"

    def test_cp1252_fallback(self):
        """Text that is not UTF-8 is read with the policy's default encoding."""
        article = parse_document(Document(id="a", content="Café prices rose.".encode("cp1252")))
        assert "Café" in article.text
        assert article.encoding == "cp1252"

    def test_bom(self):
        """A byte-order mark decides the encoding of text."""
        article = parse_document(
            Document(id="a", content="Ünïcode story".encode("utf-16"), kind=InputKind.TEXT)
        )
        assert article.text == "Ünïcode story"
        assert article.encoding == "utf-16"

    def test_bad_bytes_after_a_bom(self):
        """Bytes a byte-order mark promises but that do not decode are an InputError naming the byte."""
        with pytest.raises(InputError, match=r"invalid utf-8: invalid start byte \(at byte 5\)"):
            parse_document(Document(id="a", content=b"\xef\xbb\xbfab\xff", kind=InputKind.TEXT))

    def test_undecodable_text(self):
        """Bytes that neither UTF-8 nor the default encoding decode are an InputError."""
        with pytest.raises(InputError, match="neither UTF-8 nor cp1252"):
            parse_document(Document(id="a", content=b"caf\x81\x8d"))

    def test_text_url_recorded(self):
        """A text document's url ends up on the article."""
        article = parse_document(Document(id="a", content=STORY, url="https://news.example/a"))
        assert article.url == "https://news.example/a"

    def test_html(self):
        """HTML documents go through parse_html with their url."""
        document = Document(id="a", content=PAGE.encode(), url="https://news.example/p")
        assert parse_document(document) == parse_html(PAGE.encode(), url="https://news.example/p")

    def test_declared_encoding(self):
        """A declared charset decodes HTML bytes and is recorded."""
        page = PAGE.replace("Boats", "Båter").encode("latin-1")
        article = parse_document(Document(id="a", content=page, kind=InputKind.HTML, encoding="latin-1"))
        assert "Båter" in article.text
        assert article.encoding == "latin-1"

    def test_declared_encoding_that_fails(self):
        """A declared charset that cannot decode the page is recorded as a defect, not trusted."""
        page = PAGE.encode("utf-16")
        article = parse_document(
            Document(id="a", content=page, kind=InputKind.HTML, encoding="no-such-codec")
        )
        assert [d.code for d in article.defects][:1] == ["declared-encoding-failed"]

    def test_policy_applies(self):
        """The policy given is the one used."""
        article = parse_document(Document(id="a", content=STORY), DEFAULT.clone(language="de"))
        assert article.language == "de"


class TestInputs:
    def test_files_directories_and_order(self, tmp_path):
        """Directories are walked recursively in sorted order; other and hidden files are skipped."""
        (tmp_path / "b").mkdir()
        (tmp_path / "b" / "2.html").write_text(PAGE)
        (tmp_path / "a.txt").write_text(STORY)
        (tmp_path / "c.png").write_bytes(b"\x89PNG")
        (tmp_path / ".hidden.txt").write_text(STORY)
        (tmp_path / ".git").mkdir()
        (tmp_path / ".git" / "x.txt").write_text(STORY)
        items = list(read_inputs([str(tmp_path)]))
        documents = [i for i in items if isinstance(i, Document)]
        assert [Path(d.id).relative_to(tmp_path).as_posix() for d in documents] == ["a.txt", "b/2.html"]
        assert documents[1].kind is InputKind.HTML
        assert sorted(i.reason for i in items if isinstance(i, Skipped)) == [
            "hidden file",
            "not a document file type",
        ]

    def test_any_named_file_is_a_document(self, tmp_path):
        """A file named explicitly is read whatever its extension."""
        path = tmp_path / "story.dat"
        path.write_text(STORY)
        (item,) = read_inputs([str(path)])
        assert item == Document(id=str(path), content=STORY.encode(), kind=InputKind.AUTO)

    def test_resolve_globs_and_missing(self, tmp_path):
        """Globs expand sorted; every missing path and empty glob is reported at once."""
        for name in ("b.txt", "a.txt"):
            (tmp_path / name).write_text(STORY)
        assert resolve_inputs([str(tmp_path / "*.txt"), "-"]) == [
            str(tmp_path / "a.txt"),
            str(tmp_path / "b.txt"),
            "-",
        ]
        with pytest.raises(InputError, match=r"nope\.txt.*\*\.html \(matches nothing\)"):
            resolve_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "*.html")])

    def test_jsonl_records(self, tmp_path):
        """JSON Lines records give html or text documents with their ids and urls."""
        path = tmp_path / "in.jsonl"
        lines = [
            {"id": "x", "html": PAGE, "url": "https://news.example/x"},
            {"text": STORY},
            {"id": 7, "text": STORY, "extra": "ignored"},
        ]
        path.write_text("\n".join(json.dumps(r) for r in lines) + "\n\n")
        x, second, third = read_inputs([str(path)])
        assert x == Document(id="x", content=PAGE, kind=InputKind.HTML, url="https://news.example/x")
        assert second.id == f"{path}:2"
        assert second.kind is InputKind.TEXT
        assert third.id == "7"

    @pytest.mark.parametrize(
        ("line", "expected_id", "message"),
        [
            ("{not json", "in.jsonl:1", "not a JSON record"),
            ("[1, 2]", "in.jsonl:1", "must be a JSON object"),
            ('{"id": "r", "html": "x", "text": "y"}', "r", 'exactly one of "html" and "text"'),
            ('{"id": "r"}', "r", 'exactly one of "html" and "text"'),
            ('{"id": "r", "text": 5}', "r", '"text" must be a string'),
            ('{"id": "r", "text": "x", "url": 5}', "r", '"url" must be a string'),
            ('{"id": true, "text": "x"}', "in.jsonl:1", '"id" must be'),
            ('{"id": "", "text": "x"}', "in.jsonl:1", '"id" must be'),
            (b'{"text": "\xff"}', "in.jsonl:1", "not a JSON record"),
        ],
    )
    def test_bad_jsonl_records(self, tmp_path, line, expected_id, message):
        """A bad record becomes an Unreadable item naming the file and line."""
        path = tmp_path / "in.jsonl"
        path.write_bytes(line if isinstance(line, bytes) else line.encode())
        (item,) = read_inputs([str(path)])
        assert isinstance(item, Unreadable)
        assert item.id.endswith(expected_id)
        assert message in item.message
        assert f"{path}:1" in item.message

    def test_stdin_is_jsonl(self):
        """``-`` reads JSON Lines from standard input."""
        stream = io.BytesIO(b'{"id": "s", "text": "A story."}\n')
        (item,) = read_inputs(["-"], stdin=stream)
        assert item.id == "s"

    def test_unreadable_file(self, tmp_path):
        """A file that cannot be read becomes an Unreadable item, not an exception."""
        (item,) = read_inputs([str(tmp_path / "gone.txt")])
        assert isinstance(item, Unreadable)
        assert "cannot read" in item.message
        (item,) = read_inputs([str(tmp_path / "gone.jsonl")])
        assert isinstance(item, Unreadable)

    @pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
    def test_unlistable_directory(self, tmp_path):
        """A directory that cannot be listed is reported, and the walk goes on."""
        (tmp_path / "a").mkdir()
        (tmp_path / "a" / "1.txt").write_text(STORY)
        locked = tmp_path / "b"
        locked.mkdir()
        (tmp_path / "c.txt").write_text(STORY)
        locked.chmod(0)
        try:
            items = list(read_inputs([str(tmp_path)]))
        finally:
            locked.chmod(0o755)
        assert [type(i).__name__ for i in items] == ["Document", "Unreadable", "Document"]
        assert "cannot list" in items[1].message


class TestWarc:
    @pytest.fixture
    def warc(self, tmp_path):
        warcio = pytest.importorskip("warcio")
        from warcio.statusandheaders import StatusAndHeaders

        path = tmp_path / "crawl.warc.gz"
        with open(path, "wb") as stream:
            writer = warcio.WARCWriter(stream, gzip=True)

            def response(url, body, content_type, status="200 OK"):
                headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
                record = writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
                writer.write_record(record)
                return record.rec_headers.get_header("WARC-Record-ID")

            request = StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True)
            writer.write_record(
                writer.create_warc_record(
                    "https://a.example/", "request", payload=io.BytesIO(b""), http_headers=request
                )
            )
            first = response("https://a.example/1", PAGE.encode("latin-1"), "text/html; charset=ISO-8859-1")
            response("https://a.example/logo.png", b"\x89PNG", "image/png")
            response("https://a.example/gone", b"<html></html>", "text/html", status="404 Not Found")
            resource = writer.create_warc_record(
                "https://a.example/2",
                "resource",
                payload=io.BytesIO(PAGE.encode()),
                warc_content_type="text/html",
            )
            writer.write_record(resource)
        return path, first, resource.rec_headers.get_header("WARC-Record-ID")

    def test_html_records(self, warc):
        """HTML responses and resources are documents named by record id, with URL and charset."""
        path, first_id, resource_id = warc
        items = list(read_inputs([str(path)]))
        documents = [i for i in items if isinstance(i, Document)]
        assert [d.id for d in documents] == [first_id, resource_id]
        assert documents[0].url == "https://a.example/1"
        assert documents[0].encoding == "ISO-8859-1"
        assert documents[0].content == PAGE.encode("latin-1")
        reasons = [i.reason for i in items if isinstance(i, Skipped)]
        assert reasons == ["request record", "media type image/png", "HTTP status 404"]

    def test_corrupt_warc(self, tmp_path):
        """A file that is not a WARC becomes an Unreadable item."""
        pytest.importorskip("warcio")
        path = tmp_path / "broken.warc"
        path.write_bytes(bytes(range(256)) * 4)
        (item,) = read_inputs([str(path)])
        assert isinstance(item, Unreadable)
        assert "cannot read WARC file" in item.message

    def test_warcio_missing(self, tmp_path, monkeypatch):
        """Without warcio a WARC input is an error record that says how to install it."""
        monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
        path = tmp_path / "x.warc"
        path.write_bytes(b"")
        (item,) = read_inputs([str(path)])
        assert item.error == "MissingDependency"
        assert "newsmodel[warc]" in item.message


class TestRunBatch:
    def test_one_record_per_document_in_order(self):
        """Every document gives one record, in input order, with the article's JSON."""
        items = docs(5)
        records, summary = run(items)
        assert [r["id"] for r in records] == [d.id for d in items]
        assert records[0]["article"] == to_dict(parse_document(items[0]))
        assert summary == BatchSummary(documents=5, ok=5, seconds=summary.seconds)

    def test_error_records(self):
        """A document that fails and an unreadable input become error records in place."""
        items = [
            docs(1)[0],
            Document(id="bad", content=b"\x81\x8d\x8f", kind=InputKind.TEXT),
            Unreadable(id="gone", error="InputError", message="cannot read gone"),
            Skipped(where="x.png", reason="not a document file type"),
        ]
        records, summary = run(items)
        assert records[1] == {
            "id": "bad",
            "error": {"type": "InputError", "message": records[1]["error"]["message"]},
        }
        assert records[2]["error"] == {"type": "InputError", "message": "cannot read gone"}
        assert (summary.documents, summary.ok, summary.errors, summary.skipped) == (3, 1, 2, 1)

    def test_unexpected_exception_is_recorded(self, monkeypatch):
        """An exception outside NewsmodelError (a bug) is recorded as an internal error, not raised."""

        def broken(document, policy=None):
            raise RuntimeError("boom")

        monkeypatch.setattr("newsmodel.batch.parse_document", broken)
        records, summary = run(docs(1))
        assert records[0]["error"] == {"type": "RuntimeError", "message": "internal error: boom"}
        assert summary.errors == 1

    def test_done_ids_are_left_out(self):
        """Items whose id is already done are counted and not processed again."""
        records, summary = run(docs(4), done={"d1", "d3"})
        assert [r["id"] for r in records] == ["d0", "d2"]
        assert summary.already_done == 2

    @pytest.mark.parametrize("output", list(OutputFormat))
    def test_output_formats(self, output):
        """Records carry the chosen format under its key."""
        records, _ = run(docs(1), output=output)
        assert set(records[0]) == {"id", output.value}

    def test_progress(self):
        """Progress is reported after every record with running counts."""
        seen = []
        run(docs(3), progress=seen.append)
        assert [s.documents for s in seen] == [1, 2, 3]

    def test_bad_settings(self):
        """Zero workers or an empty chunk size are refused."""
        with pytest.raises(InputError, match="at least 1"):
            run_batch([], print, workers=0)

    def test_workers_keep_order(self):
        """With worker processes the records still come out in input order, all of them."""
        items = docs(150, size=40)
        records, summary = run(items, workers=2, chunk_size=3)
        assert [r["id"] for r in records] == [d.id for d in items]
        assert summary.ok == 150
        assert records == run(items)[0]

    def test_worker_crash_costs_one_document(self):
        """A document that kills its worker becomes a WorkerCrashed record; the rest go on in order."""
        items = docs(40)
        items[17] = Document(id=_Crash("killer"), content="x")
        records, summary = run(items, workers=2, chunk_size=2, mp_context=multiprocessing.get_context())
        assert [r["id"] for r in records] == [str(d.id) for d in items]
        assert records[17]["error"]["type"] == "WorkerCrashed"
        assert summary.ok == 39
        assert summary.errors == 1

    @settings(max_examples=30)
    @given(st.lists(st.binary(max_size=60) | st.text(max_size=60), max_size=8))
    def test_any_jsonl_gives_one_record_per_line(self, lines):
        """Whatever the lines hold, each non-blank one yields exactly one record, in order."""
        raw = b"".join(
            (line if isinstance(line, bytes) else line.encode()).replace(b"\n", b" ").replace(b"\r", b" ")
            + b"\n"
            for line in lines
        )
        expected = sum(1 for line in raw.split(b"\n") if line.strip())
        records, summary = run(read_inputs(["-"], stdin=io.BytesIO(raw)))
        assert len(records) == expected == summary.documents


class _Crash(str):
    """An id that kills the process that unpickles it: a stand-in for a worker dying mid-document."""

    def __reduce__(self):
        return (os._exit, (70,))


class TestResume:
    def test_reads_ids(self, tmp_path):
        """The ids of complete records are read back."""
        path = tmp_path / "out.jsonl"
        path.write_text('{"id": "a", "article": {}}\n\n{"id": "b", "error": {}}\n')
        assert prepare_resume(path) == ({"a", "b"}, False)

    def test_cut_off_last_line_is_removed(self, tmp_path):
        """A partial last record (a killed run) is truncated away and redone."""
        path = tmp_path / "out.jsonl"
        path.write_text('{"id": "a"}\n{"id": "b", "arti')
        assert prepare_resume(path) == ({"a"}, True)
        assert path.read_text() == '{"id": "a"}\n'

    @pytest.mark.parametrize("content", ["not json\n", '{"no": "id"}\n', "[1]\n"])
    def test_foreign_file(self, tmp_path, content):
        """A file that is not batch output is refused with its line number."""
        path = tmp_path / "out.jsonl"
        path.write_text(content)
        with pytest.raises(InputError, match=r"out\.jsonl:1"):
            prepare_resume(path)


def round_trip(value):
    return pickle.loads(pickle.dumps(value))  # noqa: S301  # our own bytes, made a line above


class TestScaleOut:
    @settings(max_examples=40)
    @given(articles(max_entities=2, max_quotes=2))
    def test_article_pickles(self, article):
        """Articles survive a pickle round trip (so they can cross process boundaries)."""
        assert round_trip(article) == article

    def test_functions_pickle(self):
        """The parse functions and exporters pickle by reference, as Dask and multiprocessing need."""
        for function in (
            newsmodel.parse_text,
            newsmodel.parse_html,
            newsmodel.to_dict,
            newsmodel.to_ninjs,
            newsmodel.to_jsonld,
            parse_document,
        ):
            assert round_trip(function) is function

    def test_documents_and_policy_pickle(self):
        """Batch items and the policy cross process boundaries intact."""
        item = Document(id="a", content=b"x", kind=InputKind.HTML, url="https://a.example/")
        assert round_trip(item) == item
        assert round_trip(DEFAULT) == DEFAULT

    def test_large_corpus_streams(self):
        """Items are consumed lazily: a generator of many documents is never materialised."""
        consumed = []

        def stream():
            for i in range(2_000):
                consumed.append(i)
                yield Document(id=str(i), content="A story.", kind=InputKind.TEXT)

        seen_while_running = []

        def write(line):
            seen_while_running.append(len(consumed))

        run_batch(stream(), write, chunk_size=10)
        assert seen_while_running[0] <= 10
        assert len(seen_while_running) == 2_000
