"""Tests for figures and captions: images with URL, caption, credit and alt text."""

import pytest

from newsmodel import Image, parse_html
from newsmodel.html._images import merge_images, split_credit

PROSE = [
    "The new bridge over the river opened on Monday after two years of building work and delays.",
    "Thousands of people walked across it in the first hours, many of them with their children.",
    "The city says the bridge will cut the time it takes to cross town by a quarter of an hour.",
]


def page(figures: str, *, head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PROSE)
    nav = "<nav><a href='/'>Home</a></nav>"
    return f"<html><head>{head}</head><body>{nav}<article>{figures}{body}</article></body></html>"


class TestFigures:
    def test_figure_with_caption_and_credit(self):
        """A figure becomes an Image; its caption is not body text; the credit is split off."""
        figure = (
            '<figure><img src="/media/bridge.jpg" alt="The bridge at dawn">'
            "<figcaption>The bridge at dawn on its opening day. Photo: Jane Doe/Example Agency"
            "</figcaption></figure>"
        )
        article = parse_html(page(figure), url="https://news.example.com/city/bridge.html")
        assert article.paragraph_texts == tuple(PROSE)
        assert article.images == (
            Image(
                url="https://news.example.com/media/bridge.jpg",
                caption="The bridge at dawn on its opening day.",
                credit="Jane Doe/Example Agency",
                alt="The bridge at dawn",
            ),
        )

    def test_credit_element(self):
        """A credit element inside the caption gives the credit."""
        figure = (
            '<figure><img src="a.jpg"><figcaption>Crowds on the bridge. '
            '<span class="credit">John Roe</span></figcaption></figure>'
        )
        (image,) = parse_html(page(figure)).images
        assert (image.url, image.caption, image.credit) == ("a.jpg", "Crowds on the bridge.", "John Roe")

    def test_caption_block_outside_figure(self):
        """A caption-classed block beside an image is a caption, not body text."""
        block = (
            '<div class="image"><img data-src="/lazy.jpg">'
            '<p class="wp-caption-text">The river at night (AP Photo/Ann Smith)</p></div>'
        )
        article = parse_html(page(block))
        assert article.paragraph_texts == tuple(PROSE)
        expected = Image(url="/lazy.jpg", caption="The river at night", credit="AP Photo/Ann Smith")
        assert article.images == (expected,)

    def test_srcset(self):
        """Without src, the widest srcset candidate is used."""
        figure = '<figure><img srcset="small.jpg 320w, large.jpg 1280w, medium.jpg 640w"></figure>'
        assert parse_html(page(figure)).images[0].url == "large.jpg"

    def test_figure_without_image_is_body(self):
        """A figure holding a table or a quote, not an image, is body text."""
        quote = "<blockquote><p>Bridges are built to bring people together, said the mayor.</p></blockquote>"
        figure = f"<figure>{quote}</figure>"
        assert "Bridges are built" in parse_html(page(figure)).text

    def test_figures_outside_content_ignored(self):
        """Figures of a sidebar are not images of the article."""
        sidebar = '<aside><figure><img src="/promo.jpg"><figcaption>Subscribe</figcaption></figure></aside>'
        html = page("").replace("</article>", f"</article>{sidebar}")
        assert parse_html(html).images == ()

    def test_merged_with_metadata_image(self):
        """An og:image equal to a figure's image is one image with the fields of both."""
        found = [Image(url="https://x.example/a.jpg", caption="A caption")]
        meta = [Image(url="https://x.example/a.jpg?w=1200"), Image(url="https://x.example/b.jpg")]
        assert merge_images(meta, found) == [
            Image(url="https://x.example/a.jpg?w=1200", caption="A caption"),
            Image(url="https://x.example/b.jpg"),
        ]


class TestCredits:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("A bridge. Photo: Jane Doe", ("A bridge.", "Jane Doe")),
            ("A bridge (AP Photo/Jane Doe)", ("A bridge", "AP Photo/Jane Doe")),
            ("Protesters in the street. Jane Doe/Reuters", ("Protesters in the street.", "Jane Doe/Reuters")),
            ("Sunset over the bay © Example Images", ("Sunset over the bay", "Example Images")),
            ("Die Brücke am Morgen. Foto: dpa", ("Die Brücke am Morgen.", "dpa")),
            ("Credit: Getty Images", (None, "Getty Images")),
            ("Just a caption without a credit.", ("Just a caption without a credit.", None)),
            ("", (None, None)),
        ],
    )
    def test_split(self, text, expected):
        """Credits are split from the captions they end."""
        assert split_credit(text) == expected

    @pytest.mark.parametrize("caption", ["word " * 20_000 + "(", "-" * 100_000, "(" * 100_000, "| " * 50_000])
    def test_long_caption_is_linear(self, caption):
        """A long caption is split in linear time: only its end is searched for a credit."""
        assert split_credit(caption)[1] is None

    def test_long_caption_keeps_credit(self):
        """A long caption still gives its credit and keeps all of its text."""
        caption, credit = split_credit("word " * 1_000 + "Photo: Jane Doe")
        assert credit == "Jane Doe"
        assert caption is not None
        assert caption.count("word") == 1_000
