"""Tests for the example scripts: each runs in its own process and prints what it promises.

The scripts run from a scratch directory, so they cannot lean on the working directory. Two
environment variables let CI run them against an installed wheel, outside the source tree:
``NEWSMODEL_EXAMPLES_PYTHON`` (the interpreter to run them with; default: this one) and
``NEWSMODEL_EXAMPLES_DIR`` (a copy of ``examples/``; default: the one beside the tests).
"""

import json
import os
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

EXAMPLES = Path(os.environ.get("NEWSMODEL_EXAMPLES_DIR", Path(__file__).resolve().parent.parent / "examples"))
PYTHON = os.environ.get("NEWSMODEL_EXAMPLES_PYTHON", sys.executable)
NOT_HERE = {"dask_corpus.py"}  # tested by tests/test_dask_example.py and a .ci/run step
FERRY_URL = "https://fjordcourier.example/travel/2026/04/night-ferry-returns"


def run(script: str, *args: str, cwd: Path) -> str:
    """Run an example script with ``args`` in ``cwd``; its standard output (it must exit 0)."""
    environment = dict(os.environ)
    if "NEWSMODEL_EXAMPLES_PYTHON" in environment:  # an installed newsmodel, never a source tree
        environment.pop("PYTHONPATH", None)
    done = subprocess.run(  # noqa: S603 - our own interpreter and scripts
        [PYTHON, str(EXAMPLES / script), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{script} exited {done.returncode}:\n{done.stderr}"
    assert not done.stderr, done.stderr
    return done.stdout


@pytest.fixture(scope="session")
def output(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], str]:
    """The output of a script run without arguments (each runs once per test session)."""
    scratch = tmp_path_factory.mktemp("examples")
    return cache(lambda script: run(script, cwd=scratch))


def sections(output: str) -> dict[str, list[str]]:
    """Output lines grouped under the unindented line above them."""
    grouped: dict[str, list[str]] = {}
    current: list[str] = []
    for line in output.splitlines():
        if line and not line.startswith(" "):
            current = grouped.setdefault(line, [])
        elif line:
            current.append(line.strip())
    return grouped


class TestCoverage:
    def test_every_example_is_tested(self):
        """Every script in examples/ has a test class here, so none can rot unnoticed."""
        scripts = {path.name for path in EXAMPLES.glob("*.py")} - NOT_HERE
        tested = {name.removeprefix("Test").lower() for name in globals() if name.startswith("Test")}
        assert {name.removesuffix(".py").replace("_", "") for name in scripts} <= tested
        assert len(scripts) >= 5

    def test_examples_have_their_own_inputs(self):
        """The bundled inputs the scripts read exist and are ours (under examples/inputs)."""
        inputs = EXAMPLES / "inputs"
        assert (inputs / "ferry.html").is_file()
        assert (inputs / "tram_strike.txt").is_file()
        assert sorted(p.name for p in (inputs / "corpus").iterdir()) == [
            "clinic.txt",
            "notes.md",
            "wildfire.html",
            "wire.jsonl",
        ]


class TestParseHtmlPage:
    def test_metadata(self, output):
        """The page's headline, dates, author and publisher come out, with their sources."""
        lines = output("parse_html_page.py").splitlines()
        assert "Title:     Night ferry returns to Osterholm after two-year pause" in lines
        assert "Published: 2026-04-02T07:30:00+02:00" in lines
        assert "Authors:   Jonas Berg" in lines
        assert "Publisher: The Fjord Courier" in lines
        assert "Language:  en (decoded as utf-8)" in lines
        assert "  published      json-ld:datePublished" in lines

    def test_body_without_boilerplate(self, output):
        """The body is the four article paragraphs; menus, related links and footer stay out."""
        printed = output("parse_html_page.py")
        assert "Body: 4 paragraphs, 615 characters" in printed
        assert "  1. The overnight ferry between Osterholm" in printed
        for chrome in ("Sign in", "Related stories", "All rights reserved", "Left out as boilerplate"):
            assert chrome not in printed

    def test_image_resolved_against_the_page_url(self, output):
        """The figure's relative image link is made absolute with the page URL."""
        grouped = sections(output("parse_html_page.py"))
        image = grouped["Image:     https://fjordcourier.example/img/ferry.jpg"]
        assert image == ["caption: The new electric ferry during sea trials in March.", "credit:  Ada Lund"]

    def test_explain_lists_what_was_removed(self, tmp_path):
        """--explain lists each left-out block with the rule that removed it."""
        grouped = sections(run("parse_html_page.py", "--explain", cwd=tmp_path))
        removed = grouped["Left out as boilerplate (rule: text):"]
        assert "outside:tag:nav: Home News Travel Sign in" in removed
        assert "outside:tag:footer: © 2026 The Fjord Courier. All rights reserved." in removed

    def test_own_page_without_url(self, tmp_path):
        """A page given by path and no URL keeps its relative image link."""
        page = tmp_path / "page.html"
        page.write_bytes((EXAMPLES / "inputs" / "ferry.html").read_bytes())
        output = run("parse_html_page.py", str(page), cwd=tmp_path)
        assert "Image:     /img/ferry.jpg" in output.splitlines()


class TestQuotesBySpeaker:
    def test_direct_quotes_under_their_speakers(self, output):
        """Each direct quote is listed under the person the text names as its speaker."""
        grouped = sections(output("quotes_by_speaker.py"))
        haddad = grouped["Omar Haddad (person, who chairs the drivers' union)"]
        nair = grouped["Priya Nair (person, the authority's chief executive)"]
        osei = grouped["Daniel Osei (person, a nurse who rides the tram every night)"]
        assert "[direct] Nobody takes this decision lightly," in haddad
        assert "[direct] We want the trams running, and we are ready to talk tomorrow," in nair
        assert "[direct] I have no other way to get to work," in osei

    def test_evidence_is_shown(self, output):
        """Each attribution shows the naming words, the cue, the rule and a confidence."""
        grouped = sections(output("quotes_by_speaker.py"))
        nair = grouped["Priya Nair (person, the authority's chief executive)"]
        evidence = nair[
            nair.index("[direct] We want the trams running, and we are ready to talk tomorrow,") + 1
        ]
        assert evidence == "(named as 'Priya Nair'; cue 'said'; rule cue-after-quote; confidence 0.95)"

    def test_reported_speech_and_according_to(self, output):
        """Reported speech and 'according to' are attributed to the organisation."""
        grouped = sections(output("quotes_by_speaker.py"))
        authority = grouped["Kestrel Bay Transit Authority (organization)"]
        assert "[indirect] the offer on the table was fair" in authority
        assert "[indirect] night-shift pay has risen by 12 percent since 2023" in authority

    def test_pronoun_resolved(self, output):
        """A quote introduced by 'He added' goes to the person 'He' refers to."""
        haddad = sections(output("quotes_by_speaker.py"))[
            "Omar Haddad (person, who chairs the drivers' union)"
        ]
        at = haddad.index("[indirect] that drivers would keep running the airport line")
        assert haddad[at + 1].startswith("(named as 'He'; cue 'added'; rule reported-speech+pronoun;")

    def test_counts_line(self, output):
        """The header states how many quotes and speakers were found."""
        lines = output("quotes_by_speaker.py").splitlines()
        assert lines[0] == "Tram drivers in Kestrel Bay vote to strike over night shifts"
        quotes, _, speakers = lines[1].partition(" quotes, ")
        assert int(quotes) >= 8
        assert speakers == "4 speakers"


class TestJsonRoundtrip:
    def test_lossless_and_valid(self, output):
        """The saved JSON loads back equal, saves to the same bytes and passes the schema."""
        lines = output("json_roundtrip.py").splitlines()
        assert lines[0].startswith("saved tram_strike.json: ")
        assert lines[0].endswith(" bytes, schema_version 1")
        assert "loaded back equal: True" in lines
        assert "same bytes when saved again: True" in lines
        assert "valid against the JSON Schema: True" in lines
        assert "entities[0].mentions[0] is 'KESTREL BAY' at 0-11: True" in lines

    def test_tampering_is_refused(self, output):
        """An edited excerpt is refused with its JSON path."""
        lines = output("json_roundtrip.py").splitlines()
        assert lines[-1] == "tampered copy refused at $.entities[0].mentions[0].text"

    def test_output_file(self, tmp_path):
        """-o keeps the JSON, a document with every top-level field of the format."""
        run("json_roundtrip.py", "-o", "out.json", cwd=tmp_path)
        document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
        assert document["schema_version"] == 1
        assert document["title"] == "Tram drivers in Kestrel Bay vote to strike over night shifts"
        assert {"text", "paragraphs", "entities", "quotes", "provenance", "defects"} <= set(document)


class TestBuildArticle:
    def test_output(self, output):
        """The hand-built article, its quotes, its JSON and the refusals print as expected."""
        assert output("build_article.py").splitlines() == [
            "Article(title='Skarv Point lighthouse to shine again', text=<187 characters>, "
            "paragraphs=2, entities=2, quotes=2)",
            "q1 (direct) Nora Vik: It guided my grandfather home,",
            "q2 (indirect) Nora Vik: volunteers had given 4,000 hours to the work",
            'q2 as JSON: {"speaker": "e1", "mention": {"span": {"start": 133, "end": 136}, "text": "She", '
            '"form": "pronoun"}, "cue": {"span": {"start": 137, "end": 141}, "text": "said"}, '
            '"confidence": 0.9, "rule": "manual"}',
            "refused: Quote.text: 14 characters for a span of 10",
            "refused: Article.paragraphs[0]: span 0-60 lies outside text of length 40",
            "evolved copy has tags ('lighthouses', 'volunteering'); the original still has ()",
        ]


class TestBatchFolder:
    def test_summary_and_records(self, output):
        """Four documents parse, the bad JSON Lines record is an error, notes.md is skipped."""
        lines = output("batch_folder.py").splitlines()
        assert lines[0] == "5 records: 4 parsed, 1 errors, 1 files skipped (not documents)"
        names = [line.strip().split(":")[0] for line in lines[1:]]
        assert names == ["clinic.txt", "wildfire.html", "wire-001", "wire-002", "wire-003"]
        assert (
            "  clinic.txt: 'Night clinic opens in Marlow district'; quotes: 2; speakers: Felix Amari" in lines
        )
        assert lines[-1].startswith("  wire-003: InputError: ")
        assert lines[-1].endswith('wire.jsonl:3: a record needs exactly one of "html" and "text"')

    def test_speakers_from_every_kind_of_input(self, output):
        """Text files, HTML files and JSON Lines records all get their quotes attributed."""
        printed = output("batch_folder.py")
        for speaker in ("Felix Amari", "Tomas Lindgren", "Ines Moreau", "Paul Keane"):
            assert f"speakers: {speaker}" in printed

    def test_workers_give_the_same_file(self, tmp_path):
        """Two worker processes write the same records in the same order as one."""
        run("batch_folder.py", "-o", "one.jsonl", cwd=tmp_path)
        run("batch_folder.py", "-o", "two.jsonl", "--workers", "2", cwd=tmp_path)
        one = (tmp_path / "one.jsonl").read_text(encoding="utf-8")
        assert one == (tmp_path / "two.jsonl").read_text(encoding="utf-8")
        records = [json.loads(line) for line in one.splitlines()]
        assert [("article" in r, "error" in r) for r in records] == [(True, False)] * 4 + [(False, True)]


class TestExportFormats:
    def test_summary(self, output):
        """The ninjs item and the JSON-LD document carry the page's metadata and quotations."""
        lines = output("export_formats.py").splitlines()
        assert lines[0] == f"ninjs 3.1: {FERRY_URL}"
        assert "  type:           composite" in lines
        assert "  bodies:         text/plain, application/xhtml+xml" in lines
        assert "  image1:         picture https://fjordcourier.example/img/ferry.jpg by Ada Lund" in lines
        assert "JSON-LD NewsArticle: Night ferry returns to Osterholm after two-year pause" in lines
        assert (
            "    Mikkel Strand: Islanders have waited long enough for a way home after the last bus," in lines
        )
        assert "    Astrid Holm: Some of my staff slept in their cars," in lines

    @pytest.mark.parametrize(
        ("which", "key", "value"), [("ninjs", "uri", FERRY_URL), ("jsonld", "@type", "NewsArticle")]
    )
    def test_print_whole_document(self, tmp_path, which, key, value):
        """--print writes the whole export as JSON."""
        document = json.loads(run("export_formats.py", "--print", which, cwd=tmp_path))
        assert document[key] == value
