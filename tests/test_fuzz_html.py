"""Fuzzing parse_html: random element trees, bytes, encodings, URLs and mutated pages."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import InputTypeError, ParsePolicy, parse_html

from .hostile import (
    ATTRIBUTE_VALUES,
    MARKER,
    REAL_HTML,
    html_documents,
    html_fragments,
    jsonld_texts,
    mutated,
    paragraphs,
    parse_or_input_error,
    people,
)

pytestmark = REAL_HTML

ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-32",
    "cp1252",
    "latin-1",
    "shift_jis",
    "koi8-r",
]


def page(body: str, *, head: str = "", charset: str | None = None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<!DOCTYPE html><html><head>{meta}{head}</head><body>{body}</body></html>"


PAGE = page(
    "<header><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav></header>"
    "<article><h1>Harbor Authority approves the new bridge</h1>"
    "<p class='byline'>By <a rel='author' href='/staff/jane-roe'>Jane Roe</a></p>"
    "<time datetime='2026-03-01T09:30:00Z'>March 1, 2026</time>"
    "<p>PORT ELDA (Wire Agency) - The Harbor Authority approved the bridge on Monday.</p>"
    "<p>\u201cWe have done everything we could,\u201d said Omar Haddad, the mayor.</p>"
    "<figure><img src='/img/bridge.jpg' alt='The old bridge'>"
    "<figcaption>The old bridge at dusk. Photo: Li Wei/Wire Agency</figcaption></figure>"
    "<blockquote>Talks will continue on Monday.</blockquote>"
    "<p>Costs rose by 12 percent last year, the council said.</p></article>"
    "<aside class='related'><ul><li><a href='/a'>Related story</a></li></ul></aside>"
    "<footer>Copyright 2026 The Example Times</footer>",
    head="<title>Harbor Authority approves the new bridge | The Example Times</title>"
    "<meta property='og:title' content='Harbor Authority approves the new bridge'>"
    "<meta name='author' content='Jane Roe'>"
    "<link rel='canonical' href='https://news.example/bridge'>"
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
    '"headline": "Harbor Authority approves the new bridge", "datePublished": "2026-03-01T09:30:00Z", '
    '"author": {"@type": "Person", "name": "Jane Roe"}}</script>',
)
"""A small valid synthetic page, the seed of the mutation properties."""

policies = st.builds(
    ParsePolicy,
    annotate=st.booleans(),
    strict=st.booleans(),
    explain=st.booleans(),
    default_encoding=st.sampled_from(["cp1252", "utf-8", "latin-1", "shift_jis"]),
)


class TestRandomTrees:
    @pytest.mark.fuzz
    @given(html_documents())
    def test_random_pages(self, html):
        """A random page gives a checked article (no script, style or comment text in it) or an InputError."""
        article = parse_or_input_error(parse_html, html)
        if article is not None:
            assert MARKER not in article.text

    @pytest.mark.fuzz
    @given(html_fragments(), st.sampled_from(ENCODINGS))
    def test_random_pages_as_bytes(self, body, encoding):
        """A random page encoded in any common encoding, declared or not, parses or raises an InputError."""
        raw = page(body, charset=encoding).encode(encoding, errors="replace")
        parse_or_input_error(parse_html, raw)

    @given(html_fragments(), st.sampled_from(ENCODINGS), st.sampled_from(ENCODINGS))
    def test_lying_charset_declarations(self, body, actual, declared):
        """Bytes in one encoding that declare another parse or raise an InputError."""
        raw = page(body, charset=declared).encode(actual, errors="replace")
        parse_or_input_error(parse_html, raw)

    @given(html_documents(), policies)
    def test_every_policy(self, html, policy):
        """Every combination of policy switches gives a checked article or an InputError."""
        parse_or_input_error(parse_html, html, policy=policy)


class TestRawInput:
    @pytest.mark.fuzz
    @given(st.binary(max_size=2_000))
    def test_random_bytes(self, raw):
        """Any bytes parse or raise an InputError."""
        parse_or_input_error(parse_html, raw)

    @given(st.text(max_size=500))
    def test_random_text(self, text):
        """Any str, lone surrogates included, parses or raises an InputError."""
        parse_or_input_error(parse_html, text)

    @given(
        st.binary(max_size=300),
        st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"]),
    )
    def test_byte_order_marks_before_garbage(self, raw, bom):
        """A byte order mark followed by bytes that do not fit it parses or raises an InputError."""
        parse_or_input_error(parse_html, bom + raw)

    @given(st.one_of(st.integers(), st.none(), st.lists(st.binary()), st.dictionaries(st.text(), st.text())))
    def test_wrong_types(self, value):
        """Anything but str or bytes is refused with InputTypeError."""
        with pytest.raises(InputTypeError):
            parse_html(value)


class TestMutatedPages:
    @pytest.mark.fuzz
    @given(mutated(PAGE))
    def test_mutated_page(self, html):
        """A valid page after random edits gives a checked article or an InputError."""
        parse_or_input_error(parse_html, html)

    @given(mutated(PAGE), st.sampled_from(ENCODINGS))
    def test_mutated_page_as_bytes(self, html, encoding):
        """The same, given as bytes in a common encoding."""
        errors = "surrogatepass" if encoding.startswith("utf") else "replace"
        parse_or_input_error(parse_html, html.encode(encoding, errors=errors))

    @given(st.binary(max_size=8), st.integers(0, len(PAGE.encode())), st.data())
    def test_flipped_bytes(self, junk, position, data):
        """Overwriting bytes of a valid UTF-8 page anywhere parses or raises an InputError."""
        raw = PAGE.encode()
        end = data.draw(st.integers(position, min(len(raw), position + len(junk))))
        parse_or_input_error(parse_html, raw[:position] + junk + raw[end:])

    @given(jsonld_texts())
    def test_any_json_ld(self, jsonld):
        """Broken JSON-LD, and JSON-LD with values of any type, never break parsing."""
        html = page(
            "<p>Jane Roe said the bridge will reopen.</p>",
            head=f'<script type="application/ld+json">{jsonld}</script>',
        )
        parse_or_input_error(parse_html, html)

    @given(
        st.sampled_from(
            ["article:published_time", "og:title", "author", "og:image", "description", "og:locale"]
        ),
        st.one_of(st.sampled_from(ATTRIBUTE_VALUES), people(), st.text(max_size=40), paragraphs()),
    )
    def test_any_meta_value(self, name, value):
        """A meta tag with any content (dates, URLs, names, junk) never breaks parsing."""
        escaped = value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
        head = f'<meta property="{name}" name="{name}" content="{escaped}">'
        parse_or_input_error(parse_html, page("<p>Jane Roe said the bridge will reopen.</p>", head=head))

    @given(st.one_of(st.sampled_from(ATTRIBUTE_VALUES), st.text(max_size=40)))
    def test_any_url(self, url):
        """Any page URL (malformed, relative, odd schemes) parses or raises an InputError."""
        parse_or_input_error(parse_html, PAGE, url=url)
