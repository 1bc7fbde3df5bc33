"""Adversarial inputs: huge, deep, malicious or malformed, each finishing with a result or an error.

Every input is synthetic and built once per module. The big cases run through the ``bounded``
fixture (a forked child with a time and memory budget), so a hang or a runaway allocation fails
the test instead of stalling the suite. Nothing here times anything: speed is measured by
``benchmarks/scaling.py``.
"""

from __future__ import annotations

import contextlib
import json
import random
import socket
from collections.abc import Callable
from typing import Any

import pytest

from newsmodel import (
    Article,
    Attribution,
    Entity,
    EntityKind,
    InputError,
    InputTypeError,
    LimitExceededError,
    Mention,
    Quote,
    SchemaVersionError,
    SerializationError,
    Span,
    from_dict,
    from_json,
    parse_html,
    parse_text,
    to_dict,
    to_json,
)

from .hostile import REAL_HTML, REAL_LAYOUT, Dice, check_article, paragraph, parse_or_input_error

MB = 1_000_000


def summary(article: Article) -> dict[str, Any]:
    """What a child process reports about an article it parsed (small and picklable).

    Articles over a megabyte are checked without the JSON round trip, which
    ``test_ten_mb_text`` does once.
    """
    small = len(article.text) < MB
    check_article(article, round_trip=small)
    saved = to_json(article) if small else ""
    return {
        "chars": len(article.text),
        "paragraphs": len(article.paragraphs),
        "sentences": len(article.sentences),
        "entities": len(article.entities),
        "quotes": len(article.quotes),
        "defects": sorted({d.code for d in article.defects}),
        "encoding": article.encoding,
        "json": saved,
        "text_head": article.text[:2000],
    }


def parsed(parse: Callable[..., Article], data: Any, **options: Any) -> dict[str, Any]:
    """Parse ``data`` and summarize the article (runs inside the bounded child)."""
    return summary(parse(data, **options))


def article_paragraphs(size: int, seed: int = 7) -> list[str]:
    """Synthetic news paragraphs adding up to about ``size`` characters (deterministic)."""
    rng = random.Random(seed)  # noqa: S311  # test data, not secrets
    out: list[str] = []
    total = 0
    while total < size:
        text = paragraph(Dice(rng.randbytes(24)))
        out.append(text)
        total += len(text) + 2
    return out


def html_page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><title>A page</title>{head}</head><body>{body}</body></html>"


@pytest.fixture(scope="module")
def ten_mb_text() -> str:
    """A 10 MB article: a headline, a byline and news paragraphs with quotes."""
    return "Harbor Authority approves the bridge\n\nBy Jane Roe\n\n" + "\n\n".join(
        article_paragraphs(10 * MB)
    )


@pytest.fixture(scope="module")
def ten_mb_html(ten_mb_text: str) -> str:
    """The same article as a 10 MB page."""
    body = "".join(f"<p>{p}</p>\n" for p in ten_mb_text.split("\n\n")[2:])
    return html_page(f"<article><h1>Harbor Authority approves the bridge</h1>{body}</article>")


class TestSize:
    def test_ten_mb_text(self, bounded, ten_mb_text):
        """A 10 MB plain-text article lays out (annotate=False) and survives a JSON round trip.

        Annotation runs over the first 250 KB in ``test_quarter_mb_text_annotated``: at about
        0.05 MB/s it would take minutes over all ten. ``benchmarks/scaling.py`` times it up to 10 MB.
        """

        def parse_and_round_trip(text: str) -> dict[str, Any]:
            article = parse_text(text, annotate=False)
            assert from_json(to_json(article)) == article
            return summary(article)

        result = bounded(parse_and_round_trip, ten_mb_text).result()
        assert result["chars"] > 9 * MB

    def test_quarter_mb_text_annotated(self, bounded, ten_mb_text):
        """The first 250 KB of that article, fully annotated, is consistent and round-trips."""
        result = bounded(parsed, parse_text, ten_mb_text[: MB // 4]).result()
        assert result["quotes"] > 500
        assert result["entities"] > 10

    def test_ten_mb_html(self, bounded, ten_mb_html):
        """A 10 MB page decodes and extracts (annotate=False) to a consistent article.

        Annotation of 10 MB is the same pipeline as for text, tested above.
        """
        result = bounded(parsed, parse_html, ten_mb_html, annotate=False).result()
        assert result["chars"] > 9 * MB

    @REAL_HTML
    def test_ten_mb_html_bytes(self, bounded, ten_mb_html):
        """The 10 MB page as UTF-8 bytes decodes and extracts, recording the encoding."""
        result = bounded(parsed, parse_html, ten_mb_html.encode(), annotate=False).result()
        assert result["chars"] > 9 * MB
        assert result["encoding"]

    def test_ten_mb_json_round_trip(self, bounded, ten_mb_text):
        """A 10 MB article survives a JSON round trip unchanged."""

        def round_trip(text: str) -> bool:
            article = Article(text=text)
            return from_json(to_json(article)) == article

        assert bounded(round_trip, ten_mb_text).result()

    def test_five_mb_line(self, bounded):
        """A single 5 MB line of words and no line break lays out (annotate=False) as one paragraph."""
        line = " ".join(article_paragraphs(5 * MB, seed=11))
        assert len(line) > 4.9 * MB
        result = bounded(parsed, parse_text, line, annotate=False).result()
        assert (result["chars"], result["paragraphs"]) == (len(line), 1)

    def test_quarter_mb_line_annotated(self, bounded):
        """A single 250 KB line, fully annotated (one paragraph of thousands of sentences), parses."""
        line = " ".join(article_paragraphs(MB // 4, seed=11))
        result = bounded(parsed, parse_text, line).result()
        assert (result["chars"], result["paragraphs"]) == (len(line), 1)
        assert result["sentences"] > 500

    def test_five_mb_word(self, bounded):
        """A single 5 MB token without spaces or punctuation parses, as text and as a page."""
        word = "abcdefghij" * (MB // 2)
        assert bounded(parsed, parse_text, word).result()["chars"] == len(word)
        bounded(parsed, parse_html, html_page(f"<p>{word}</p>")).result_or_input_error()

    def test_one_mb_line_of_punctuation(self, bounded):
        """A 1 MB line of sentence ends, abbreviations and dashes parses."""
        line = "Mr. Dr. U.S. e.g. ... ?! -- \u2014 " * (MB // 30)
        bounded(parsed, parse_text, line).result()

    def test_many_distinct_names(self, bounded):
        """An article naming 10,000 different people (entity grouping stays linear) parses."""
        rng = random.Random(3)  # noqa: S311  # test data, not secrets
        syllables = ["ka", "lo", "mi", "ren", "to", "sa", "vin", "de", "ru", "pel", "an", "os"]

        def name() -> str:
            return "".join(rng.choice(syllables) for _ in range(3)).capitalize()

        sentences = [f"{name()} {name()} said the plan was late." for _ in range(10_000)]
        text = "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5))
        bounded(parsed, parse_text, text).result()

    def test_one_entity_fifty_thousand_mentions(self, bounded):
        """One person named 51,000 times and titled 17,000 times ("Dr. Roe") is grouped in linear time."""
        text = "\n\n".join(["Jane Roe said it. Dr. Roe agreed with Roe."] * 17_000)
        result = bounded(parsed, parse_text, text).result()
        assert result["entities"] <= 3

    def test_hundred_thousand_paragraphs(self, bounded):
        """100,000 one-word paragraphs go through layout (annotate=False) to 100,000 paragraphs."""
        result = bounded(parsed, parse_text, "\n\n".join(["Word."] * 100_000), annotate=False).result()
        assert result["paragraphs"] == 100_000

    def test_million_blank_lines(self, bounded):
        """A million blank and whitespace-only lines around one sentence parse."""
        text = "\n \t\n" * 500_000 + "Jane Roe said the bridge will reopen." + "\r\n" * 500_000
        assert bounded(parsed, parse_text, text).result()["chars"] > 0

    def test_huge_header_lines(self, bounded):
        """A 300 KB first line (title candidate) and a 300 KB byline parse."""
        text = "Title " * 50_000 + "\n\nBy " + "Jane Roe and " * 25_000 + "\n\nJane Roe said it was late."
        bounded(parsed, parse_text, text).result()


class TestQuotes:
    @pytest.mark.parametrize(
        "marks",
        ['"', "\u201c", "\u201d", "\u201c\u201d", "'", "\u00ab", "\u2018\u2019", '" ', "\u201ca "],
        ids=[
            "straight",
            "left",
            "right",
            "pairs",
            "apostrophe",
            "guillemet",
            "single-pairs",
            "spaced",
            "words",
        ],
    )
    def test_hundred_thousand_quotation_marks(self, bounded, marks):
        """100,000 quotation marks in one paragraph parse, as text and as a page."""
        text = marks * (100_000 // len(marks.strip() or marks))
        bounded(parsed, parse_text, text).result()
        bounded(parsed, parse_html, html_page(f"<p>{text}</p>")).result_or_input_error()

    def test_unbalanced_quotes_across_paragraphs(self, bounded):
        """Hundreds of paragraphs that open a quotation and never close it parse."""
        paragraphs = [
            f"\u201cThe bridge will reopen in spring, Jane Roe said of plan {i}." for i in range(800)
        ]
        result = bounded(parsed, parse_text, "\n\n".join(paragraphs)).result()
        assert result["paragraphs"] == 800

    def test_one_quote_spanning_everything(self, bounded):
        """A quotation opened in the first of 500 paragraphs and closed in the last parses."""
        body = ["Talks will continue on Monday, she said."] * 500
        text = "\u201c" + "\n\n".join(body) + "\u201d Jane Roe said."
        bounded(parsed, parse_text, text).result()

    def test_alternating_unmatched_marks(self, bounded):
        """Closing marks before opening ones, nested and crossed, over 50,000 sentences, parse."""
        pieces = [
            "\u201d a \u201c",
            "\u00bb b \u00ab",
            "' c \u2018",
            '" said Jane Roe "',
            "\u201c\u2018\u201d\u2019",
        ]
        text = " ".join(pieces[i % len(pieces)] + " word." for i in range(50_000))
        bounded(parsed, parse_text, text).result()


@REAL_HTML
class TestNesting:
    @pytest.mark.parametrize("tag", ["div", "span", "b", "table", "li", "blockquote"])
    def test_ten_thousand_nested_elements(self, bounded, tag):
        """10,000 nested elements give the inner text or a LimitExceededError for max_tree_depth."""
        html = html_page(
            f"<{tag}>" * 10_000 + "<p>Jane Roe said the bridge will reopen.</p>" + f"</{tag}>" * 10_000
        )
        outcome = bounded(parsed, parse_html, html)
        if outcome.error is None:
            assert "Jane Roe said the bridge will reopen." in outcome.value["text_head"]
        else:
            assert outcome.limit == "max_tree_depth", outcome.message

    def test_nesting_within_the_limit_keeps_the_text(self, bounded):
        """Nesting 1,000 deep (under the default max_tree_depth) loses no text."""
        html = html_page("<div>" * 1_000 + "<p>Jane Roe said the bridge will reopen.</p>" + "</div>" * 1_000)
        result = bounded(parsed, parse_html, html).result()
        assert "Jane Roe said the bridge will reopen." in result["text_head"]

    def test_unclosed_nesting(self, bounded):
        """100,000 opening tags never closed give a result or a LimitExceededError."""
        html = "<div><span><b><i>" * 25_000 + "Jane Roe said the bridge will reopen."
        outcome = bounded(parsed, parse_html, html)
        if outcome.error is not None:
            assert outcome.limit in {"max_tree_depth", "max_elements"}, outcome.message

    def test_hundred_thousand_siblings(self, bounded):
        """A page of 100,000 paragraphs, breaks and comments parses."""
        body = "<p>Word.</p><br><!-- c -->" * 100_000
        bounded(parsed, parse_html, html_page(body), annotate=False).result_or_input_error()

    def test_huge_attribute_value(self, bounded):
        """A 5 MB attribute value parses."""
        big = html_page(f'<p title="{"x" * (5 * MB)}">Jane Roe said it.</p>')
        bounded(parsed, parse_html, big).result_or_input_error()

    def test_hundred_thousand_attributes(self, bounded):
        """An element with 100,000 attributes (1.3 MB of markup) is refused by max_attributes, fast.

        (libxml2 checks each attribute against all earlier ones of its element: 100k take minutes.)
        """
        many = html_page("<p " + " ".join(f"a{i}='{i}'" for i in range(100_000)) + ">Jane Roe said it.</p>")
        assert bounded(parsed, parse_html, many, seconds=15).limit == "max_attributes"

    def test_long_name_run_in_a_tag_stays_linear(self, bounded):
        """A 3 MB attribute name followed by many ``=`` is counted in linear time."""
        tag = "<p " + "a" * (3 * MB) + " " + "=1 " * 2_000 + '"' * 999 + ">Jane Roe said it.</p>"
        assert bounded(parsed, parse_html, html_page(tag), seconds=15).limit == "max_attributes"

    def test_huge_metadata(self, bounded):
        """A 1 MB title, 10,000 meta tags and a JSON-LD graph of 100,000 nodes parse."""
        meta = "".join(f'<meta name="author" content="Jane Roe {i}">' for i in range(10_000))
        graph = json.dumps({"@graph": [{"@type": "Person", "name": f"P{i}"} for i in range(100_000)]})
        head = f"<title>{'Title ' * 200_000}</title>{meta}<script type='application/ld+json'>{graph}</script>"
        page = html_page("<p>Jane Roe said it.</p>", head)
        bounded(parsed, parse_html, page, annotate=False).result_or_input_error()


@REAL_HTML
class TestJsonLdInPages:
    @pytest.mark.parametrize(
        "script",
        [
            "[" * 100_000 + "]" * 100_000,
            '{"a":' * 100_000 + "1" + "}" * 100_000,
            '{"@type": "NewsArticle", "datePublished": ' + "9" * 10_000 + "}",
            '{"@type": "NewsArticle", "headline": NaN, "datePublished": Infinity}',
            '{"@type": "NewsArticle", "author": ' + '{"author": ' * 50_000 + "null" + "}" * 50_000 + "}",
            '{"@type": "NewsArticle", "datePublished": "99999-99-99T99:99:99+99:99"}',
            '{"@type": "NewsArticle", "datePublished": "' + "9" * 5000 + '"}',
            '{"@type": "NewsArticle", "headline": "\\ud800", "author": {"name": "\\udfff"}}',
            '{"@type": "NewsArticle", "headline": 5, "author": [[[]]], "image": {"url": 7}, "@graph": "x"}',
        ],
        ids=[
            "deep-array",
            "deep-object",
            "huge-int",
            "nan",
            "deep-author",
            "bad-date",
            "digits-date",
            "surrogates",
            "types",
        ],
    )
    def test_hostile_json_ld(self, bounded, script):
        """Hostile JSON-LD (deep, huge numbers, NaN, lone surrogates, wrong types) never breaks parsing."""
        head = f'<script type="application/ld+json">{script}</script>'
        html = html_page("<p>Jane Roe said the bridge will reopen.</p>", head)
        bounded(parsed, parse_html, html).result_or_input_error()


HOSTILE_DATES = ["9" * 5000, "99999-01-01", "2026-02-30", "0000-00-00T00:00:00", "1e400", "\x00"]
OFFSET_25H = "2026-01-01T00:00:00+25:00"


class TestDates:
    @pytest.mark.parametrize("value", [*HOSTILE_DATES, OFFSET_25H])
    def test_in_pages(self, bounded, value):
        """Dates that overflow or do not exist, in meta tags and time elements, never break parsing."""
        head = f'<meta property="article:published_time" content="{value}">'
        body = f'<time datetime="{value}">{value}</time><p>Jane Roe said the bridge will reopen.</p>'
        bounded(parsed, parse_html, html_page(body, head)).result_or_input_error()

    @pytest.mark.parametrize("value", [*HOSTILE_DATES, OFFSET_25H])
    def test_in_date_lines(self, value):
        """The same dates in a text's date line never break parsing."""
        parse_or_input_error(parse_text, f"Updated {value}\n\nJane Roe said the bridge will reopen.")


LAUGHS = (
    '<!DOCTYPE html [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + "]>"
)


@REAL_HTML
class TestEntities:
    @pytest.mark.parametrize("prefix", ["", '<?xml version="1.0" encoding="utf-8"?>\n'])
    @pytest.mark.parametrize("as_bytes", [False, True])
    def test_billion_laughs_is_not_expanded(self, bounded, prefix, as_bytes):
        """Nested entity definitions are never expanded: no blow-up, no billion 'lol's."""
        html = f"{prefix}{LAUGHS}<html><body><p>&lol9; Jane Roe said it.</p></body></html>"
        outcome = bounded(parsed, parse_html, html.encode() if as_bytes else html)
        if outcome.error is None:
            assert outcome.value["chars"] < 10_000
            assert "lollollol" not in outcome.value["text_head"]
        else:
            assert outcome.input_error, outcome.message

    @pytest.mark.parametrize(
        "template",
        [
            '<!DOCTYPE html [<!ENTITY xxe SYSTEM "{url}">]>'
            "<html><body><p>&xxe; Jane Roe said it.</p></body></html>",
            '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "{url}">]>'
            '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&xxe; Jane Roe said it.</p></body></html>',
            '<!DOCTYPE html [<!ENTITY % ext SYSTEM "{url}"> %ext;]>'
            "<html><body><p>Jane Roe said it.</p></body></html>",
            '<!DOCTYPE html SYSTEM "{url}"><html><body><p>Jane Roe said it.</p></body></html>',
            '<html xmlns:xi="http://www.w3.org/2001/XInclude"><body><p>Jane Roe said it.</p>'
            '<xi:include href="{url}" parse="text"/></body></html>',
            '<html><head><link rel="stylesheet" href="{url}"><script src="{url}"></script></head>'
            '<body><iframe src="{url}"></iframe><img src="{url}"><p>Jane Roe said it.</p></body></html>',
        ],
        ids=["entity", "xhtml-entity", "parameter-entity", "external-dtd", "xinclude", "links"],
    )
    @pytest.mark.parametrize("as_bytes", [False, True])
    def test_external_files_are_never_read(self, bounded, tmp_path, template, as_bytes):
        """A file:// reference in entities, DTDs, XInclude or links never brings the file's content in."""
        secret = tmp_path / "secret.txt"
        marker = "SECRETMARKER7Q"
        secret.write_text(f"{marker} <p>{marker}</p>")
        html = template.replace("{url}", secret.as_uri())
        outcome = bounded(parsed, parse_html, html.encode() if as_bytes else html)
        if outcome.error is None:
            assert marker not in outcome.value["json"]
            assert outcome.value["json"], "the summary lost its JSON"
        else:
            assert outcome.input_error, outcome.message
            assert marker not in outcome.message

    @pytest.mark.parametrize(
        "template",
        [
            '<!DOCTYPE html [<!ENTITY xxe SYSTEM "{url}">]>'
            "<html><body><p>&xxe; Jane Roe said it.</p></body></html>",
            '<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{url}">'
            '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&nbsp;Jane Roe said it.</p></body></html>',
            '<!DOCTYPE html [<!ENTITY % ext SYSTEM "{url}"> %ext;]>'
            "<html><body><p>Jane Roe said it.</p></body></html>",
            '<html><head><base href="{url}"><link rel="canonical" href="{url}"></head>'
            '<body><img src="{url}"><p>Jane Roe said it.</p></body></html>',
        ],
        ids=["entity", "xhtml-dtd", "parameter-entity", "links"],
    )
    def test_no_network_is_attempted(self, bounded, template):
        """References to a listening local address are never fetched: no connection, no socket use."""
        assert bounded(parse_watching_network, template).result() == ([], False)


def parse_watching_network(template: str) -> tuple[list[str], bool]:
    """Parse a page that points at a local listener; report socket calls and accepted connections.

    Runs in the bounded child: it patches the socket module there (the C parser's own fetches
    would show up at the listener instead).
    """
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.setblocking(False)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/evil.dtd"
    calls: list[str] = []

    def refuse(name: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            calls.append(f"{name}{args[1:] if name == 'connect' else args}")
            raise OSError(f"newsmodel tests: network use ({name}) is forbidden")

        return call

    socket.socket.connect = refuse("connect")  # type: ignore[method-assign]
    socket.create_connection = refuse("create_connection")  # type: ignore[assignment]
    socket.getaddrinfo = refuse("getaddrinfo")  # type: ignore[assignment]
    html = template.replace("{url}", url)
    for data in (html, html.encode()):
        with contextlib.suppress(InputError):
            summary(parse_html(data))
    try:
        listener.accept()
        accepted = True
    except BlockingIOError:
        accepted = False
    listener.close()
    return calls, accepted


@REAL_HTML
@REAL_LAYOUT
class TestEncodings:
    def test_nul_bytes(self, bounded):
        """NUL characters in text and pages, as str and bytes, parse."""
        text = "Jane\x00 Roe said\x00\x00 the bridge will reopen.\x00\n\n\x00"
        bounded(parsed, parse_text, text).result()
        html = html_page(f"<p>{text}</p>")
        bounded(parsed, parse_html, html).result_or_input_error()
        bounded(parsed, parse_html, html.encode()).result_or_input_error()
        bounded(parsed, parse_html, b"\x00" * MB).result_or_input_error()

    def test_lone_surrogates(self, bounded):
        """Lone surrogates in text and in a str page parse, replaced by U+FFFD."""
        text = "\ud800Jane Roe said \udfff the bridge \udbff\udbff will reopen.\ud800"
        result = bounded(parsed, parse_text, text).result()
        assert "\ufffd" in result["text_head"]
        bounded(parsed, parse_html, html_page(f"<p>{text}</p>")).result_or_input_error()

    @pytest.mark.parametrize(
        "raw",
        [
            b"<p>Jane Roe said caf\xe9 \xff\xfe\xfd is closed.</p>",
            b"<p>Truncated \xe2\x80</p>",
            b"<p>Overlong \xc0\xaf and surrogate \xed\xa0\x80 bytes.</p>",
            b'<meta charset="utf-8"><p>Declared UTF-8, then cp1252: \x93quoted\x94 and caf\xe9.</p>',
            b'<meta charset="utf-8"><p>Mixed: caf\xc3\xa9 and caf\xe9 in one page.</p>',
            b'<meta charset="x-no-such-charset"><p>Jane Roe said it.</p>',
            b'<meta charset="utf-7"><p>+ADw-script+AD4-Jane Roe said it.</p>',
            b'<meta http-equiv="Content-Type" content="text/html; charset=utf-16"><p>Not UTF-16.</p>',
            b"\xff\xfe<\x00p\x00>\x00Odd length\x00<",
            b"\xef\xbb\xbf\xff\xfe<p>Two BOMs.</p>",
            "<p>Shift JIS \u65e5\u672c\u8a9e</p>".encode("shift_jis"),
            "<p>UTF-16 without BOM \u00e9</p>".encode("utf-16-le"),
            b"\x80" * 100_000,
        ],
        ids=[
            "invalid-utf8",
            "truncated",
            "overlong",
            "declared-utf8-is-cp1252",
            "mixed",
            "unknown-charset",
            "utf7",
            "false-utf16",
            "odd-utf16",
            "two-boms",
            "shift-jis",
            "utf16-no-bom",
            "high-bytes",
        ],
    )
    def test_broken_and_mixed_encodings(self, bounded, raw):
        """Invalid, mixed and misdeclared encodings give an article with its encoding, or an InputError."""
        outcome = bounded(parsed, parse_html, raw)
        result = outcome.result_or_input_error()
        if result is not None:
            assert result["encoding"], "bytes input must record the encoding used"


class TestLimits:
    def test_max_input_bytes_text(self):
        """Text over max_input_bytes (counted in code points) raises LimitExceededError naming it."""
        parse_text("x" * 10, max_input_bytes=10)
        with pytest.raises(LimitExceededError, match="max_input_bytes") as info:
            parse_text("x" * 11, max_input_bytes=10)
        assert (info.value.limit, info.value.value) == ("max_input_bytes", 11)

    @pytest.mark.parametrize("as_bytes", [False, True])
    def test_max_input_bytes_html(self, as_bytes):
        """A page over max_input_bytes raises LimitExceededError naming it, as str and as bytes."""
        html = html_page("<p>" + "\u00e9" * 100 + "</p>")
        data = html.encode() if as_bytes else html
        parse_html(data, max_input_bytes=len(data))
        with pytest.raises(LimitExceededError, match="max_input_bytes") as info:
            parse_html(data, max_input_bytes=len(data) - 1)
        assert info.value.limit == "max_input_bytes"

    def test_default_size_limit(self, bounded):
        """The default max_input_bytes refuses a 60 MB text quickly, before any parsing."""
        outcome = bounded(parse_text, "x" * 60 * MB)
        assert outcome.limit == "max_input_bytes", outcome.error

    @REAL_HTML
    def test_max_tree_depth(self):
        """A page nested deeper than max_tree_depth raises LimitExceededError naming it."""
        html = html_page("<div>" * 50 + "<p>Deep text.</p>" + "</div>" * 50)
        assert "Deep text." in parse_html(html, max_tree_depth=100).text
        with pytest.raises(LimitExceededError, match="max_tree_depth") as info:
            parse_html(html, max_tree_depth=20)
        assert info.value.limit == "max_tree_depth"
        assert info.value.value > 20

    @REAL_HTML
    def test_max_elements(self):
        """A page with more elements than max_elements raises LimitExceededError naming it."""
        html = html_page("<p>Word.</p>" * 300)
        assert parse_html(html, max_elements=1_000).paragraphs
        with pytest.raises(LimitExceededError, match="max_elements") as info:
            parse_html(html, max_elements=100)
        assert info.value.limit == "max_elements"
        assert info.value.value > 100

    @pytest.mark.parametrize("name", ["max_input_bytes", "max_tree_depth", "max_elements"])
    @pytest.mark.parametrize("value", [0, -1, 1.5, "10", True, None])
    def test_limits_must_be_positive_integers(self, name, value):
        """A limit that is not a positive int is refused with an InputError naming it."""
        with pytest.raises(InputError, match=name):
            parse_text("Text.", **{name: value})

    def test_unknown_default_encoding(self):
        """An unknown default_encoding is refused when the policy is made, naming the encoding."""
        with pytest.raises(InputError, match="x-no-such-codec"):
            parse_html(b"<p>caf\xe9</p>", default_encoding="x-no-such-codec")

    @pytest.mark.parametrize("value", [None, "", 1252])
    def test_default_encoding_must_be_a_name(self, value):
        """A default_encoding that is not a non-empty str is refused with an InputTypeError."""
        with pytest.raises(InputTypeError, match="default_encoding"):
            parse_html(b"<p>caf\xe9</p>", default_encoding=value)

    def test_recognizer_must_recognize(self):
        """A recognizer without a recognize() method is refused with an InputError."""
        with pytest.raises(InputError, match="recognizer"):
            parse_text("Jane Roe said it.", recognizer="spacy")


def valid_document() -> dict[str, Any]:
    """A small article with an entity, an attributed quote and a paragraph, as a dict."""
    text = 'Jane Roe said: "The bridge will reopen."'
    said = text.index("The bridge")
    name = Mention(span=Span(start=0, end=8), text="Jane Roe")
    roe = Entity(id="e1", name="Jane Roe", kind=EntityKind.PERSON, mentions=[name])
    quote = Quote(
        id="q1",
        span=Span(start=said, end=said + 23),
        text="The bridge will reopen.",
        attribution=Attribution(speaker=roe, mention=name, confidence=1.0, rule="cue-before-quote"),
    )
    article = Article(text=text, paragraphs=[Span(start=0, end=len(text))], entities=[roe], quotes=[quote])
    return to_dict(article)


WRONG_VALUES = [None, 0, -1, 2.5, "", "x", [], {}, [None], {"": None}, True]


class TestHostileJson:
    @pytest.mark.parametrize(
        "raw",
        [
            "[" * 100_000 + "]" * 100_000,
            '{"a":' * 100_000 + "1" + "}" * 100_000,
            "[" * 100_000,
            '{"schema_version": 1, "tags": ' + "[" * 100_000 + "]" * 100_000 + "}",
        ],
        ids=["arrays", "objects", "unclosed", "inside-document"],
    )
    def test_nested_100k_deep(self, bounded, raw):
        """JSON nested 100,000 deep raises SerializationError, without exhausting the stack."""
        outcome = bounded(from_json, raw)
        assert outcome.error == "newsmodel.SerializationError", outcome.message

    def test_deep_python_values(self):
        """from_dict given a 100,000-deep or self-containing Python value raises SerializationError."""
        deep: list[Any] = []
        for _ in range(100_000):
            deep = [deep]
        looped: list[Any] = []
        looped.append(looped)
        for value in (deep, looped):
            document = valid_document()
            document["tags"] = value
            with pytest.raises(SerializationError, match=r"\$\.tags\[0\]"):
                from_dict(document)

    @pytest.mark.parametrize(
        ("field", "number"),
        [
            ("paragraphs", "1" + "0" * 30),
            ("paragraphs", "1e309"),
            ("paragraphs", "-" + "9" * 4000),
            ("paragraphs", "9" * 5000),
            ("quotes", "1e309"),
            ("quotes", "-1e309"),
            ("quotes", "1" + "0" * 400),
        ],
    )
    def test_huge_numbers(self, field, number):
        """Huge integers and floats that overflow, in spans and confidences, raise SerializationError."""
        text = to_json(from_dict(valid_document()))
        if field == "paragraphs":
            raw = text.replace('"paragraphs": [{"start": 0', f'"paragraphs": [{{"start": {number}', 1)
        else:
            raw = text.replace('"confidence": 1.0', f'"confidence": {number}', 1)
        assert raw != text, "the document has no value to replace"
        with pytest.raises(SerializationError):
            from_json(raw)

    @pytest.mark.parametrize("version", [0, 2, -1, 10**100, "1", 1.5, None, True, [], {}])
    def test_unknown_schema_versions(self, version):
        """Any schema_version other than the current one raises SchemaVersionError naming it."""
        document = valid_document()
        document["schema_version"] = version
        with pytest.raises(SchemaVersionError, match="schema version") as info:
            from_dict(document)
        assert info.value.path == "$.schema_version"

    @pytest.mark.parametrize(
        ("field", "value"),
        [(f, v) for f, old in valid_document().items() for v in WRONG_VALUES if type(v) is not type(old)],
    )
    def test_wrong_types_everywhere(self, field, value):
        """Any top-level field given a value of another type loads or raises SerializationError at it."""
        document = valid_document()
        document[field] = value
        try:
            check_article(from_dict(document), parsed=False)
        except SerializationError as exc:
            path = exc.path
        else:
            return
        assert path.startswith(f"$.{field}") or path == "$", path

    def test_dangling_ids(self):
        """A quote whose speaker is an id no entity has raises SerializationError at that place."""
        document = to_dict(
            Article(text="Jane Roe said it.", entities=[], quotes=[]),
        )
        document["quotes"] = [
            {
                "id": "q1",
                "span": {"start": 0, "end": 8},
                "text": "Jane Roe",
                "kind": "direct",
                "confidence": 1.0,
                "attribution": {
                    "speaker": "e404",
                    "mention": None,
                    "cue": None,
                    "confidence": 1.0,
                    "rule": "x",
                },
            }
        ]
        with pytest.raises(SerializationError, match="e404") as info:
            from_dict(document)
        assert info.value.path == "$.quotes[0].attribution.speaker"

    @pytest.mark.parametrize(
        ("start", "end"),
        [(0, 10**6), (5, 2), (-1, 3), (2**63, 2**63 + 1), (17, 17 + 1)],
    )
    def test_spans_out_of_range(self, start, end):
        """A paragraph span outside the text or reversed raises SerializationError naming it."""
        document = to_dict(Article(text="Jane Roe said it."))
        document["paragraphs"] = [{"start": start, "end": end}]
        with pytest.raises(SerializationError) as info:
            from_dict(document)
        assert info.value.path == "$.paragraphs[0]"

    def test_ten_mb_json_with_everything_wrong_at_the_end(self, bounded, ten_mb_text):
        """A 10 MB document whose last value is bad fails with the path of that value."""

        def load(text: str) -> str:
            document = to_dict(Article(text=text))
            document["defects"] = [{"code": "x", "message": "m", "span": {"start": 0, "end": len(text) + 1}}]
            try:
                from_json(json.dumps(document))
            except SerializationError as exc:
                return exc.path
            return "loaded"

        assert bounded(load, ten_mb_text).result() == "$.defects[0].span"


class TestFoundByFuzzing:
    """Minimal inputs that broke a parser once; each stays as a regression test."""

    @REAL_LAYOUT
    @pytest.mark.parametrize(
        "text",
        [
            ";",  # an empty byline clause (text/_byline.py: IndexError)
            # an offset over 24 h (text/_dates.py: ValueError)
            "Updated 2026-01-01T00:00:00+25:00\n\nJane Roe said the bridge will reopen.",
            "By ;\n\nJane Roe said it.",
            "By , and ;",
            "\ud800",
            "\x00",
            "\u2028\u2029\x85\x1c",
        ],
        ids=[
            "semicolon",
            "offset-25h",
            "empty-byline",
            "byline-punctuation",
            "surrogate",
            "nul",
            "separators",
        ],
    )
    def test_text(self, text):
        """Each of these texts gives a checked article or an InputError."""
        parse_or_input_error(parse_text, text)
