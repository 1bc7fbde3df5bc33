"""End-to-end properties of parse_html: it never fails oddly, recovers text, scales linearly."""

import contextlib
import html as html_lib

from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel import Article, NewsmodelError, parse_html
from newsmodel.html import extract_html
from newsmodel.policy import DEFAULT, FAST

TAGS = ["div", "p", "span", "a", "ul", "li", "h1", "h2", "table", "tr", "td", "br", "figure", "img", "pre"]
CLASSES = ["", "content", "share", "comment", "related", "caption", "byline", "ad", "nav", "story", "footer"]
WORDS = st.sampled_from(
    [
        *("the", "council", "budget", "schools", "voted", "river", "bridge", "town", "mayor", "said"),
        *("Zürich", "café", "naïve", "Ελλάδα", "Москва", "東京", "مدينة", "שלום", "😀", "don't", "O'Neil"),
        *("&", "<", ">", '"', "a", "b", "c"),
    ]
)


@st.composite
def trees(draw: st.DrawFn, depth: int = 0) -> str:
    """Random, often broken, HTML."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        choice = draw(st.integers(0, 9))
        if choice < 4 or depth > 5:
            parts.append(html_lib.escape(" ".join(draw(st.lists(WORDS, max_size=12)))))
        elif choice < 5:
            parts.append(draw(st.sampled_from(["<", "&", "&amp;", "</p>", "<br>", "<!--", "\x00", "\ud800"])))
        else:
            tag = draw(st.sampled_from(TAGS))
            cls = draw(st.sampled_from(CLASSES))
            attributes = f' class="{cls}"' if cls else ""
            if tag == "a":
                attributes += ' href="/x"'
            if tag == "img":
                attributes += ' src="/i.jpg" alt="an image"'
            closing = draw(st.booleans())
            parts.append(f"<{tag}{attributes}>{draw(trees(depth + 1))}" + (f"</{tag}>" if closing else ""))
    return "".join(parts)


@st.composite
def prose(draw: st.DrawFn) -> str:
    """A paragraph of prose: enough words to read as one, ending with a full stop."""
    words = draw(st.lists(WORDS.filter(lambda w: w not in {"&", "<", ">", '"'}), min_size=14, max_size=40))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


class TestNeverFails:
    @given(trees())
    def test_arbitrary_html(self, html):
        """Random HTML parses into a valid article or raises a NewsmodelError."""
        try:
            article = parse_html(html)
        except NewsmodelError:
            return
        assert isinstance(article, Article)
        for span in article.paragraphs:
            assert span.of(article.text).strip() == span.of(article.text)

    @given(trees())
    @settings(max_examples=50)
    def test_arbitrary_html_bytes(self, html):
        """The same random HTML as bytes, in a legacy encoding, also parses or raises a NewsmodelError."""
        with contextlib.suppress(NewsmodelError):
            parse_html(html.encode("utf-16", "surrogatepass"), url="https://example.com/a/b")


class TestRecovers:
    @given(st.lists(prose(), min_size=1, max_size=8))
    def test_paragraphs_recovered(self, paragraphs):
        """A page built from an article's paragraphs gives back exactly that text."""
        body = "".join(f"<p>{html_lib.escape(p)}</p>" for p in paragraphs)
        page = (
            "<html><head><title>A page</title></head><body>"
            '<nav><ul><li><a href="/">Home</a></li><li><a href="/n">News</a></li></ul></nav>'
            f"<main><article>{body}</article></main>"
            '<footer><a href="/about">About</a> <a href="/legal">Legal notice</a></footer></body></html>'
        )
        article = parse_html(page, policy=FAST)
        assert article.text == "\n\n".join(paragraphs)
        assert article.paragraph_texts == tuple(paragraphs)

    def test_draft_of_article_text(self):
        """extract_html keeps the order and text of every paragraph of a plain article page."""
        paragraphs = [f"Paragraph number {n} of the article says something worth reading." for n in range(30)]
        draft = extract_html("".join(f"<p>{p}</p>" for p in paragraphs), None, DEFAULT)
        assert [b.text for b in draft.blocks] == paragraphs


class TestLinear:
    """Cost is linear in page size: pages ten times larger run, with the same result per part."""

    @staticmethod
    def article_page(count: int) -> str:
        paragraph = "<p>The council met again and talked about the budget for a long time, as it does.</p>"
        nav = '<li><a href="/x">Link</a></li>'
        return f"<nav><ul>{nav * count}</ul></nav><article>{paragraph * count}</article>"

    def test_ten_times_larger(self):
        """A page ten times larger (20,000 paragraphs) is extracted whole."""
        small = parse_html(self.article_page(2_000), policy=FAST)
        large = parse_html(self.article_page(20_000), policy=FAST)
        assert len(large.paragraphs) == 10 * len(small.paragraphs) == 20_000

    def test_deep_text_at_every_level(self):
        """Text at each of 1,900 nesting levels costs no more than linear work."""
        html = "".join(f"<div>level {n} " for n in range(1_900))
        article = parse_html(html, policy=FAST)
        assert "level 1899" in article.text

    def test_adversarial_shapes(self):
        """Long attributes, many unclosed tags and huge words are handled."""
        html = (
            f'<div class="{"share " * 50_000}">x</div>'
            + "<b>" * 1_500
            + "<p>"
            + "y" * 200_000
            + "</p>"
            + "<meta charset=" * 5_000
        )
        assert "y" * 1000 in parse_html(html, policy=FAST).text
