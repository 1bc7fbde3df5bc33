"""Tests for safe HTML parsing: entities, DTDs, depth and size limits, odd documents."""

import pytest

from newsmodel import LimitExceededError, parse_html
from newsmodel.html._tree import LIBXML2_MAX_DEPTH, parse_document
from newsmodel.policy import DEFAULT

PROSE = "The council approved the new budget on Monday after a long debate about schools."

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<html><body><p>Laughs: &lol9; end. PROSE</p></body></html>""".replace("PROSE", PROSE)

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE page [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<html><body><p>Secret: &secret; end. PROSE</p></body></html>""".replace("PROSE", PROSE)


class TestEntities:
    def test_billion_laughs_not_expanded(self):
        """Entities declared in an internal subset stay literal text: nothing is expanded."""
        article = parse_html(BILLION_LAUGHS)
        assert "&lol9;" in article.text
        assert "lollol" not in article.text
        assert "]>" not in article.text

    def test_billion_laughs_bytes(self):
        """The same holds for bytes input."""
        assert "&lol9;" in parse_html(BILLION_LAUGHS.encode()).text

    def test_external_entity_not_fetched(self):
        """An external entity is never resolved, so no local file leaks into the text."""
        article = parse_html(EXTERNAL_ENTITY)
        assert "&secret;" in article.text
        assert "root:" not in article.text

    def test_external_dtd_not_loaded(self):
        """A DOCTYPE naming an external DTD parses without loading it."""
        html = f'<!DOCTYPE html SYSTEM "http://192.0.2.1/never.dtd"><html><body><p>{PROSE}</p></body></html>'
        assert parse_html(html).text == PROSE

    def test_html_entities_decoded(self):
        """Predefined HTML entities and character references are decoded."""
        article = parse_html(f"<p>{PROSE} Caf&eacute; &amp; cr&#232;me &#x2014; fin.</p>")
        assert article.text.endswith("Café & crème — fin.")


class TestDocuments:
    def test_str_with_xml_declaration(self):
        """A str page with an XML declaration parses (lxml alone refuses it)."""
        html = f'<?xml version="1.0" encoding="utf-8"?><html><body><p>{PROSE}</p></body></html>'
        assert parse_html(html).text == PROSE

    @pytest.mark.parametrize("html", ["", "   ", "<!-- -->", "<?xml version='1.0'?>", b"", b"\xef\xbb\xbf"])
    def test_empty_documents(self, html):
        """A page with nothing in it gives an empty article."""
        assert parse_html(html).text == ""

    def test_broken_markup(self):
        """Unclosed and misnested tags are repaired."""
        second = "Second bold both italic paragraph with enough words."
        html = f"<div><p>{PROSE}<p>Second <b>bold <i>both</b> italic</i> paragraph with enough words.</div>"
        assert parse_html(html).paragraph_texts == (PROSE, second)

    def test_meta_charset_in_str_ignored(self):
        """A str page is already text: its meta charset does not decode it again."""
        html = f'<meta charset="windows-1252"><p>{PROSE} Zürich, 4 €.</p>'
        assert parse_html(html).text.endswith("Zürich, 4 €.")


class TestLimits:
    def test_ten_thousand_nested_elements(self):
        """Nesting beyond libxml2's limit raises LimitExceededError instead of losing text."""
        html = "<div>" * 10_000 + PROSE + "</div>" * 10_000
        with pytest.raises(LimitExceededError) as caught:
            parse_html(html)
        assert caught.value.limit == "max_tree_depth"
        assert caught.value.value > LIBXML2_MAX_DEPTH

    def test_deep_but_allowed(self):
        """Nesting within the limits is parsed whole."""
        html = "<div>" * 1_500 + f"<p>{PROSE}</p>" + "</div>" * 1_500 + "<p>After the deep part.</p>"
        article = parse_html(html)
        assert PROSE in article.text

    def test_policy_depth(self):
        """max_tree_depth is enforced with a message naming it."""
        html = "<div>" * 60 + PROSE + "</div>" * 60
        with pytest.raises(LimitExceededError, match="max_tree_depth=50") as caught:
            parse_html(html, max_tree_depth=50)
        assert caught.value.limit == "max_tree_depth"

    def test_policy_elements(self):
        """max_elements is enforced."""
        html = "<p>" + "<b>x</b>" * 200 + "</p>"
        with pytest.raises(LimitExceededError, match="max_elements") as caught:
            parse_html(html, max_elements=100)
        assert caught.value.value > 100

    @staticmethod
    def _attributes(count: int, value: str = "v") -> str:
        return "<p " + " ".join(f"a{i}='{value}'" for i in range(count)) + f">{PROSE}</p>"

    def test_attributes_up_to_the_limit_parse(self):
        """An element with exactly max_attributes attributes is parsed."""
        assert PROSE in parse_html(self._attributes(1_000)).text

    def test_attributes_over_the_limit(self):
        """One attribute more raises LimitExceededError naming the limit and where the tag is."""
        with pytest.raises(LimitExceededError, match="max_attributes=1,000") as caught:
            parse_html(self._attributes(1_001))
        assert (caught.value.limit, caught.value.value) == ("max_attributes", 1_001)
        assert caught.value.where == "byte 0"

    def test_policy_attributes(self):
        """max_attributes is a policy option."""
        with pytest.raises(LimitExceededError, match="max_attributes=5"):
            parse_html(self._attributes(6, "x" * 10), max_attributes=5)
        assert PROSE in parse_html(self._attributes(5, "x" * 10), max_attributes=5).text

    def test_equals_signs_in_quoted_values_are_not_attributes(self):
        """A long tag whose values hold many ``=`` (URLs, data) is not over the limit."""
        html = f"<p data-query=\"{'k=v&' * 5_000}\" title='{'=' * 5_000}'>{PROSE}</p>"
        assert PROSE in parse_html(html).text

    def test_input_size(self):
        """max_input_bytes is enforced before parsing."""
        with pytest.raises(LimitExceededError):
            parse_html(b"<p>" + b"x" * 200, max_input_bytes=100)

    def test_parse_document_none_for_empty(self):
        """parse_document returns None for bytes with no document."""
        assert parse_document(b"  \n ", DEFAULT) is None
