"""Nothing lost from pages: with explain=True every visible block is in the article or explained."""

import pytest
from hypothesis import given

from newsmodel import parse_html

from .hostile import MARKER, REAL_HTML, accounted, check_article, news_pages

pytestmark = REAL_HTML

CAPTION = "A crowd gathers in "
"""How :func:`~tests.hostile.news_page` starts every figure caption (see ``TestFigures``)."""


class TestNothingLost:
    @pytest.mark.fuzz
    @given(news_pages())
    def test_every_block_is_accounted_for(self, page):
        """Every visible block of a news page is in the body, the metadata or a boilerplate defect.

        Figure captions are left to ``TestFigures``: a figure outside the content is dropped
        without a trace.
        """
        html, blocks = page
        article = parse_html(html, explain=True)
        check_article(article)
        assert MARKER not in article.text
        missing = [b for b in blocks if not b.startswith(CAPTION) and not accounted(b, article)]
        assert not missing, f"blocks gone without a trace: {missing!r}"

    def test_removed_blocks_name_their_rule(self):
        """Navigation, a share box and a footer removed from a page are each named with a rule."""
        html = (
            "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><article>"
            "<p>The Harbor Authority approved the bridge on Monday after a long debate.</p>"
            "<div class='share'>Share this article</div>"
            "<p>Omar Haddad, the mayor, said costs rose by 12 percent last year.</p></article>"
            "<footer>Copyright 2026 The Example Times</footer></body></html>"
        )
        article = parse_html(html, explain=True)
        assert "Share this article" not in article.text
        rules = {
            excerpt: rule for rule, _, excerpt in (d.message.partition(": ") for d in article.defects) if rule
        }
        for removed in ("Home World", "Share this article", "Copyright 2026 The Example Times"):
            assert rules.get(removed), f"{removed!r} removed without a rule: {article.defects}"

    def test_without_explain_nothing_is_recorded(self):
        """Without explain, removed blocks leave no boilerplate defects (explain is opt-in)."""
        html = "<html><body><nav><a href='/'>Home</a></nav><p>Jane Roe said the bridge will reopen.</p>"
        assert "Home" not in parse_html(html, explain=True).text
        assert not [d for d in parse_html(html).defects if d.code == "boilerplate"]

    def test_accounting_notices_a_lost_block(self):
        """The accounting check itself fails for a block that appears nowhere."""
        article = parse_html("<p>Jane Roe said the bridge will reopen in spring.</p>", explain=True)
        assert not accounted("A block that was never there.", article)
        assert accounted("Jane Roe said the bridge", article)


class TestFigures:
    def test_caption_inside_the_content_is_kept(self):
        """A figure inside the article gives an image with its caption."""
        html = (
            "<html><body><article><p>The Harbor Authority approved the bridge on Monday.</p>"
            "<figure><img src='/a.jpg' alt='The old bridge'><figcaption>The old bridge at dusk.</figcaption>"
            "</figure><p>Omar Haddad said costs rose by 12 percent last year.</p></article></body></html>"
        )
        article = parse_html(html, explain=True)
        assert [i.caption for i in article.images] == ["The old bridge at dusk."]

    def test_caption_outside_the_content_is_explained(self):
        """A figure left outside the content is explained with a rule, caption and all."""
        html = (
            "<html><body><article><p>The Harbor Authority approved the bridge on Monday, "
            "and talks will continue.</p></article><div><figure><img src='/a.jpg' alt=''>"
            "<figcaption>The old bridge at dusk.</figcaption></figure></div></body></html>"
        )
        article = parse_html(html, explain=True)
        assert accounted("The old bridge at dusk.", article), article.defects
