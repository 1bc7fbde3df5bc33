"""Tests for HTML byte decoding: BOMs, declarations, evidence over declarations, fallbacks."""

import codecs
import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import DecodeError, InputError, NewsmodelError, parse_html
from newsmodel.html._decode import PRESCAN_BYTES, codec_for, declared_charset, decode_bytes, to_parser_bytes
from newsmodel.policy import DEFAULT, STRICT

BODY = "<p>Café crème in Zürich costs 4 € — “expensive”, said Zoë.</p>"


def page(body: str = BODY, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


class TestByteOrderMarks:
    @pytest.mark.parametrize(
        ("bom", "codec"),
        [
            (codecs.BOM_UTF8, "utf-8"),
            (codecs.BOM_UTF16_LE, "utf-16-le"),
            (codecs.BOM_UTF16_BE, "utf-16-be"),
            (codecs.BOM_UTF32_LE, "utf-32-le"),
            (codecs.BOM_UTF32_BE, "utf-32-be"),
        ],
    )
    def test_bom_decides(self, bom, codec):
        """A byte order mark names the encoding, whatever the page declares."""
        data = bom + page(head='<meta charset="iso-8859-1">').encode(codec)
        decoded = decode_bytes(data, DEFAULT)
        assert decoded.encoding == codec
        assert "Café crème" in decoded.text
        assert not decoded.text.startswith("\ufeff")

    def test_utf16_without_bom(self):
        """UTF-16 without a BOM is recognised by the NUL bytes beside its ASCII."""
        decoded = decode_bytes(page().encode("utf-16-le"), DEFAULT)
        assert decoded.encoding == "utf-16-le"
        assert "Zürich" in decoded.text


class TestDeclarations:
    @pytest.mark.parametrize(
        "head",
        [
            '<meta charset="windows-1252">',
            "<meta charset=windows-1252>",
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
        ],
    )
    def test_meta_charset(self, head):
        """A declared legacy charset decodes a page that is not UTF-8."""
        decoded = decode_bytes(page(head=head).encode("cp1252"), DEFAULT)
        assert decoded.encoding == "cp1252"
        assert "4 € — “expensive”" in decoded.text
        assert decoded.defects == ()

    def test_xml_declaration(self):
        """An XML declaration's encoding is read when no meta charset is present."""
        data = ('<?xml version="1.0" encoding="ISO-8859-15"?>' + page()).encode("iso-8859-15", "replace")
        decoded = decode_bytes(data, DEFAULT)
        assert decoded.encoding == "iso8859-15"
        assert "Zürich" in decoded.text

    def test_latin1_label_means_windows_1252(self):
        """Pages labelled ISO-8859-1 are decoded as windows-1252, as browsers do."""
        data = page(head='<meta charset="ISO-8859-1">').encode("cp1252")
        decoded = decode_bytes(data, DEFAULT)
        assert decoded.encoding == "cp1252"
        assert "€" in decoded.text

    def test_declared_multibyte(self):
        """A declared Shift_JIS page is decoded with the browsers' superset codec."""
        data = page("<p>東京の天気は晴れです。</p>", '<meta charset="Shift_JIS">').encode("cp932")
        decoded = decode_bytes(data, DEFAULT)
        assert decoded.encoding == "cp932"
        assert "東京の天気" in decoded.text

    def test_prescan_is_bounded(self):
        """A declaration beyond the scanned prefix is not read."""
        filler = "<!-- " + "x" * PRESCAN_BYTES + " -->"
        data = (filler + '<meta charset="windows-1252">' + BODY).encode("cp1252")
        assert declared_charset(data) is None

    def test_adversarial_prefix(self):
        """Odd declarations (long runs of spaces, many unfinished metas) are scanned quickly."""
        assert declared_charset(b"<meta charset" + b" " * 20_000 + b"=utf-8>") is None
        assert declared_charset(b"<meta " * 5_000) is None

    def test_unknown_label(self):
        """An unknown charset label is recorded and the page decoded by evidence."""
        decoded = decode_bytes(page(head='<meta charset="x-no-such">').encode(), DEFAULT)
        assert decoded.encoding == "utf-8"
        assert [d.code for d in decoded.defects] == ["unknown-encoding"]

    def test_utf7_refused(self):
        """UTF-7, which can hide markup, is never used even when declared."""
        assert codec_for("utf-7") is None
        assert codec_for("base64") is None


class TestEvidence:
    def test_valid_utf8_beats_wrong_declaration(self):
        """A page declaring latin-1 whose bytes are valid UTF-8 is UTF-8: no mojibake."""
        data = page(head='<meta charset="iso-8859-1">').encode("utf-8")
        decoded = decode_bytes(data, DEFAULT)
        assert decoded.encoding == "utf-8"
        assert "Café crème" in decoded.text
        assert "Ã" not in decoded.text
        assert [d.code for d in decoded.defects] == ["encoding-mismatch"]

    def test_ascii_page_keeps_declaration(self):
        """A pure-ASCII page gives no evidence against its declaration."""
        decoded = decode_bytes(page("<p>plain</p>", '<meta charset="windows-1252">').encode(), DEFAULT)
        assert decoded.encoding == "cp1252"
        assert decoded.defects == ()

    def test_wrong_utf8_declaration(self):
        """A page declaring UTF-8 whose bytes are windows-1252 falls back to the default encoding."""
        data = page(head='<meta charset="utf-8">').encode("cp1252")
        decoded = decode_bytes(data, DEFAULT)
        assert decoded.encoding == "cp1252"
        assert "Café crème" in decoded.text
        assert [d.code for d in decoded.defects] == ["encoding-mismatch"]

    def test_no_declaration_valid_utf8(self):
        """Undeclared valid UTF-8 is UTF-8, with no defect."""
        decoded = decode_bytes(page().encode(), DEFAULT)
        assert (decoded.encoding, decoded.defects) == ("utf-8", ())

    def test_no_declaration_fallback(self):
        """Undeclared bytes that are not UTF-8 use default_encoding, recorded as a defect."""
        decoded = decode_bytes(page().encode("cp1252"), DEFAULT)
        assert decoded.encoding == "cp1252"
        assert [d.code for d in decoded.defects] == ["encoding-fallback"]

    def test_default_encoding_is_a_policy(self):
        """The fallback encoding comes from the policy."""
        data = page("<p>Привет, мир</p>").encode("koi8-r")
        decoded = decode_bytes(data, DEFAULT.clone(default_encoding="koi8-r"))
        assert decoded.encoding == "koi8-r"
        assert "Привет, мир" in decoded.text

    def test_mostly_utf8_with_a_bad_byte(self):
        """A UTF-8 page with one stray byte stays UTF-8; the byte becomes U+FFFD."""
        data = page().encode() + b"<p>bad \xff byte</p>"
        decoded = decode_bytes(data, DEFAULT)
        assert decoded.encoding == "utf-8"
        assert "bad \ufffd byte" in decoded.text
        assert [d.code for d in decoded.defects] == ["undecodable-bytes"]

    def test_replacement_character_in_page_is_not_a_defect(self):
        """U+FFFD written in the page itself is text, not a decoding error."""
        decoded = decode_bytes(page("<p>odd \ufffd mark</p>").encode(), DEFAULT)
        assert decoded.defects == ()


class TestStrict:
    def test_undecodable_raises(self):
        """Strict mode raises DecodeError for bytes the chosen encoding cannot decode."""
        data = page().encode() + b"<p>bad \xff byte</p>"
        with pytest.raises(DecodeError):
            decode_bytes(data, STRICT)

    def test_fallback_raises(self):
        """Strict mode does not guess: an undeclared non-UTF-8 page raises."""
        with pytest.raises(DecodeError, match="not valid UTF-8"):
            parse_html(page().encode("cp1252"), policy=STRICT)

    def test_control_characters_raise(self):
        """Strict mode raises for control characters lxml cannot hold."""
        with pytest.raises(InputError, match="control"):
            to_parser_bytes("<p>a\x00b</p>", STRICT)


class TestParserBytes:
    def test_controls_removed(self):
        """NUL and other C0 controls are removed, with one defect."""
        data, defects = to_parser_bytes("<p>a\x00b\x01c\x0bd\te\nf</p>", DEFAULT)
        assert data == b"<p>abcd\te\nf</p>"
        assert [d.code for d in defects] == ["invalid-character"]

    def test_form_feed_is_space(self):
        """A form feed is whitespace in HTML and becomes a space."""
        assert to_parser_bytes("a\x0cb", DEFAULT)[0] == b"a b"

    def test_noncharacters_removed(self):
        """U+FFFE and U+FFFF are removed."""
        data, defects = to_parser_bytes("a\ufffeb\uffffc", DEFAULT)
        assert data == b"abc"
        assert "2 control" in defects[0].message

    def test_lone_surrogates(self):
        """Lone surrogates in str input become U+FFFD."""
        data, defects = to_parser_bytes("a\ud800b", DEFAULT)
        assert data == "a\ufffdb".encode()
        assert defects[0].code == "invalid-character"

    def test_multibyte_text_untouched(self):
        """Characters whose UTF-8 bytes are above ASCII are never mistaken for controls."""
        text = "日本語 ü € 😀"
        assert to_parser_bytes(text, DEFAULT) == (text.encode(), [])


class TestArbitraryBytes:
    @given(st.binary(max_size=600))
    def test_never_raises_outside_newsmodel_error(self, data):
        """Random bytes parse or raise a NewsmodelError, nothing else."""
        try:
            article = parse_html(data)
        except NewsmodelError:
            return
        assert "\x00" not in article.text

    @given(st.binary(max_size=300))
    def test_strict_raises_only_newsmodel_errors(self, data):
        """Strict parsing of random bytes raises nothing but NewsmodelError."""
        with contextlib.suppress(NewsmodelError):
            parse_html(data, policy=STRICT)


class TestArticleEncoding:
    def test_encoding_recorded(self):
        """The encoding used is recorded on the article, with the defects of the guess."""
        article = parse_html(page().encode("cp1252"))
        assert article.encoding == "cp1252"
        assert "encoding-fallback" in [d.code for d in article.defects]
        assert "Café crème" in article.text

    def test_str_has_no_encoding(self):
        """A str page was never decoded: no encoding is recorded."""
        assert parse_html(page()).encoding is None
