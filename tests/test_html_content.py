"""Tests for main-content extraction: what stays in the body, what goes, and how it is laid out."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import parse_html
from newsmodel.html import extract_html
from newsmodel.html._words import word_pattern
from newsmodel.pipeline import BlockKind
from newsmodel.policy import DEFAULT

P1 = "The city council approved a new budget for the coming year on Monday evening after a long debate."
P2 = "Most of the extra money will go to schools, which have asked for more teachers for several years."
P3 = "The opposition voted against the plan, saying that taxes would have to rise to pay for it later."
P4 = "A final vote on the details is expected in March, when the council meets again in the town hall."
BODY = [P1, P2, P3, P4]
TITLE = "Council passes budget"

NAV = """<header><div class="logo"><a href="/">The Example Times</a></div>
<nav><ul><li><a href="/news">News</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>"""
FOOTER = """<footer><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul>
<p>© 2024 The Example Times. All rights reserved.</p></footer>"""


def paragraphs(texts=BODY):
    return "".join(f"<p>{t}</p>" for t in texts)


def page(article: str, *, before: str = NAV, after: str = FOOTER, title: str = TITLE) -> str:
    return (
        f"<html><head><title>{title} | The Example Times</title></head><body>"
        f"{before}<main>{article}</main>{after}</body></html>"
    )


def body_of(html: str, **options) -> tuple[str, ...]:
    return parse_html(html, annotate=False, **options).paragraph_texts


class TestBoilerplate:
    def test_navigation_and_footer(self):
        """Navigation, header and footer are not body text."""
        assert body_of(page(f"<article>{paragraphs()}</article>")) == tuple(BODY)

    def test_share_bar_and_newsletter(self):
        """Share bars and newsletter promos inside the article are removed."""
        article = (
            f"<article>{paragraphs(BODY[:2])}"
            '<div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a> '
            '<a href="#">Email</a></div><div class="newsletter-signup">'
            "<p>Get our best stories every morning in your inbox, for free.</p></div>"
            f"{paragraphs(BODY[2:])}</article>"
        )
        assert body_of(page(article)) == tuple(BODY)

    def test_related_links(self):
        """Two articles' worth of related links beside the article are not body text."""
        links = "".join(
            f'<li><a href="/story/{n}">Another story number {n} about the city and its many problems</a></li>'
            for n in range(40)
        )
        related = f'<section class="related-stories"><h2>More stories</h2><ul>{links}</ul></section>'
        assert body_of(page(f"<article>{paragraphs()}</article>{related}")) == tuple(BODY)

    def test_unmarked_link_list(self):
        """A list of links is dropped for its link density even without a class hint."""
        links = "".join(f'<li><a href="/s/{n}">Headline {n} of other stories</a></li>' for n in range(8))
        article = f"<article>{paragraphs(BODY[:2])}<ul>{links}</ul>{paragraphs(BODY[2:])}</article>"
        assert body_of(page(article)) == tuple(BODY)

    def test_comments(self):
        """A comments section, even one longer than the article, is not body text."""
        comment = "I have lived in this town for thirty years and never saw the council act so fast."
        comments = "".join(f'<li class="comment"><p>{comment} Number {n}.</p></li>' for n in range(12))
        section = f'<section id="comments"><h2>Comments</h2><ol>{comments}</ol></section>'
        assert body_of(page(f"<article>{paragraphs()}</article>{section}")) == tuple(BODY)

    def test_ads(self):
        """Advertisement slots and their labels are removed."""
        ad = '<div class="ad-slot"><span>Advertisement</span><p>Buy the best shoes in town today.</p></div>'
        article = f"<article>{paragraphs(BODY[:2])}{ad}{paragraphs(BODY[2:])}<p>ADVERTISEMENT</p></article>"
        assert body_of(page(article)) == tuple(BODY)

    def test_byline_and_date(self):
        """Bylines and stand-alone dates are removed (authors come from metadata)."""
        article = (
            "<article><h1>Council passes budget</h1><p>By Jane Doe and John Roe</p>"
            "<p>Published: March 3, 2024, 10:31 a.m. ET</p>"
            f'<div class="byline"><span>Staff reporter</span></div>{paragraphs()}</article>'
        )
        assert body_of(page(article)) == tuple(BODY)

    def test_teaser_cards(self):
        """Cards of other stories (headline link, then a summary) are not body text."""
        cards = "".join(
            f'<div class="card"><h3><a href="/s/{n}">Story {n} headline about something else</a></h3>'
            f"<p>A summary of story {n}, long enough to read like a paragraph of prose.</p></div>"
            for n in range(6)
        )
        assert body_of(page(f"<article>{paragraphs()}</article><div>{cards}</div>")) == tuple(BODY)

    def test_hidden_elements(self):
        """Elements hidden with the hidden attribute or display:none are not body text."""
        article = (
            f"<article>{paragraphs(BODY[:2])}"
            '<div style="display: none"><p>This paragraph is hidden from readers, long enough.</p></div>'
            "<p hidden>This paragraph is hidden too, and it is long enough to count as prose.</p>"
            f"{paragraphs(BODY[2:])}</article>"
        )
        assert body_of(page(article)) == tuple(BODY)

    def test_scripts_and_styles(self):
        """Scripts, styles and form widgets contribute no text."""
        article = (
            f"<article><script>var x = 'not text';</script><style>p {{ color: red }}</style>{paragraphs()}"
            "<form><input value='typed'><button>Send</button><select><option>Pick</option></select></form>"
            "</article>"
        )
        assert body_of(page(article)) == tuple(BODY)

    def test_boilerplate_phrases(self):
        """Short blocks that are boilerplate phrases are removed."""
        article = (
            f"<article>{paragraphs(BODY[:2])}<p>Read more:</p><p><strong>Share this article</strong></p>"
            f"{paragraphs(BODY[2:])}<p>Follow us on Twitter and Facebook for more news.</p></article>"
        )
        assert body_of(page(article)) == tuple(BODY)

    def test_empty_section_heading(self):
        """A heading whose section was all boilerplate goes with it."""
        links = "".join(f'<li><a href="/s/{n}">Other story {n} with a headline</a></li>' for n in range(5))
        article = f"<article>{paragraphs()}<h2>You may also like</h2><ul>{links}</ul></article>"
        assert body_of(page(article)) == tuple(BODY)

    def test_page_wide_wrapper_with_bad_hint(self):
        """A wrapper whose class looks like boilerplate but holds the article is not removed."""
        html = page(f'<div class="has-sidebar"><div class="page-banner">{paragraphs()}</div></div>')
        assert body_of(html) == tuple(BODY)


class TestStructure:
    def test_block_kinds(self):
        """Headings, list items, block quotes and preformatted text keep their kind."""
        article = (
            f"<article><p>{P1}</p><h2>What changes</h2><ul><li>More teachers in every school.</li>"
            f"<li>New buses for the outer districts.</li></ul><blockquote><p>{P2}</p></blockquote>"
            f"<pre>line one\n  line two</pre><p>{P3}</p></article>"
        )
        kinds = [(b.text, b.kind) for b in extract_html(page(article), None, DEFAULT).blocks]
        assert kinds == [
            (P1, BlockKind.PARAGRAPH),
            ("What changes", BlockKind.HEADING),
            ("More teachers in every school.", BlockKind.LIST_ITEM),
            ("New buses for the outer districts.", BlockKind.LIST_ITEM),
            (P2, BlockKind.BLOCKQUOTE),
            ("line one\n  line two", BlockKind.PREFORMATTED),
            (P3, BlockKind.PARAGRAPH),
        ]

    def test_title_heading_not_body(self):
        """The title heading is not body text; it becomes the title when metadata has none."""
        article = parse_html(page(f"<article><h1>Council passes budget</h1>{paragraphs()}</article>"))
        assert article.paragraph_texts == tuple(BODY)
        assert article.title == "Council passes budget"

    def test_whitespace_normalised(self):
        """Runs of whitespace, newlines and no-break spaces become single spaces."""
        first = f"  The   city\n\tcouncil\u00a0approved  {P1[25:]}  "
        article = f"<article><p>{first}</p>{paragraphs(BODY[1:])}</article>"
        assert body_of(page(article))[0] == P1

    def test_single_br_is_a_line_break(self):
        """One <br> breaks a line inside a paragraph."""
        article = f"<article><p>{P1}<br>{P2}</p>{paragraphs(BODY[2:])}</article>"
        assert body_of(page(article))[0] == f"{P1}\n{P2}"

    def test_double_br_splits_paragraphs(self):
        """Two <br> in a row end a paragraph, as in pages laid out without <p>."""
        article = f"<div class='story'>{P1}<br><br>{P2}<br> <br>{P3}<br><br>{P4}</div>"
        assert body_of(page(article)) == tuple(BODY)

    def test_table_rows(self):
        """A data table reads one row per line, its cells apart by a space."""
        rows = "".join(f"<tr><td>{n}</td><td>District {n}</td><td>{n * 100}</td></tr>" for n in range(1, 4))
        article = f"<article>{paragraphs(BODY[:2])}<table>{rows}</table>{paragraphs(BODY[2:])}</article>"
        assert body_of(page(article))[2:5] == ("1 District 1 100", "2 District 2 200", "3 District 3 300")

    def test_invisible_characters_removed(self):
        """Soft hyphens and zero-width spaces are not part of the text."""
        first = f"The city coun\u00adcil ap\u200bproved{P1[25:]}"
        article = f"<article><p>{first}</p>{paragraphs(BODY[1:])}</article>"
        assert body_of(page(article))[0] == P1

    def test_lead_paragraph_kept(self):
        """A lead paragraph above the body, in the article header, is body text."""
        lead = "The town will spend more on schools next year, after a vote that split the council."
        article = (
            f"<article><header><h1>Council passes budget</h1><p class='standfirst'>{lead}</p>"
            f"<p>March 3, 2024</p></header><div class='body'>{paragraphs()}</div></article>"
        )
        assert body_of(page(article)) == (lead, *BODY)


class TestDateline:
    def test_dateline_stays_in_body(self):
        """A dateline opening the first paragraph stays in the text and gets a span."""
        first = "RIVERTON (Example News) - " + P1
        article = parse_html(page(f"<article><p>{first}</p>{paragraphs(BODY[1:])}</article>"))
        assert article.text.startswith(first)
        assert article.dateline is not None
        assert (article.dateline.text, article.dateline.place, article.dateline.agency) == (
            "RIVERTON (Example News) -",
            "RIVERTON",
            "Example News",
        )
        assert article.dateline.span is not None
        assert article.dateline.span.of(article.text) == article.dateline.text

    def test_no_dateline(self):
        """A first paragraph that opens otherwise has no dateline."""
        assert parse_html(page(f"<article>{paragraphs()}</article>")).dateline is None


class TestExplain:
    def test_removed_blocks_recorded(self):
        """With explain=True every removed block is a boilerplate defect naming its rule."""
        share = '<div class="share"><a href="#">Share</a></div>'
        article = f"<article><p>By Jane Doe</p>{paragraphs()}{share}</article>"
        parsed = parse_html(page(article), explain=True)
        messages = [d.message for d in parsed.defects if d.code == "boilerplate"]
        assert "byline: By Jane Doe" in messages
        assert any(m.startswith("class:share") for m in messages)
        assert "outside:tag:nav: Politics" in messages  # blocks outside the content too

    def test_quiet_by_default(self):
        """Without explain no boilerplate defects are recorded."""
        parsed = parse_html(page(f"<article><p>By Jane Doe</p>{paragraphs()}</article>"))
        assert not [d for d in parsed.defects if d.code == "boilerplate"]


class TestLanguages:
    @pytest.mark.parametrize(
        "texts",
        [
            [
                "Der Stadtrat hat am Montagabend nach langer Debatte einen neuen Haushalt beschlossen.",
                "Das meiste zusätzliche Geld geht an die Schulen, die seit Jahren mehr Lehrer fordern.",
                "Die Opposition stimmte dagegen und warnte, die Steuern müssten später steigen.",
            ],
            [
                "市議会は月曜日の夜、長い議論の末に来年度の新しい予算案を可決しました。",
                "追加の予算の大部分は、何年も前から教員の増員を求めてきた学校に使われます。",
                "野党は、将来的に増税が必要になるとして反対票を投じました。",
            ],
            [
                "وافق مجلس المدينة مساء الاثنين على ميزانية جديدة للعام المقبل بعد نقاش طويل.",
                "ستذهب معظم الأموال الإضافية إلى المدارس التي طالبت بمزيد من المعلمين منذ سنوات.",
                "صوتت المعارضة ضد الخطة قائلة إن الضرائب سترتفع لاحقا لتمويلها.",
            ],
        ],
    )
    def test_any_script(self, texts):
        """Extraction works for any language and script."""
        assert body_of(page(f"<article>{paragraphs(texts)}</article>")) == tuple(texts)


class TestStandaloneDateline:
    def test_standalone_dateline(self):
        """A dateline standing alone above the body is removed and kept apart, without a span."""
        article = parse_html(page(f"<article><p>RIVERTON, EXAMPLELAND</p>{paragraphs()}</article>"))
        assert article.paragraph_texts == tuple(BODY)
        assert article.dateline is not None
        assert (article.dateline.place, article.dateline.span) == ("RIVERTON, EXAMPLELAND", None)

    def test_section_label_is_not_a_dateline(self):
        """A bare capitalised label above the body is removed but is no dateline."""
        article = parse_html(page(f"<article><p>POLITICS</p>{paragraphs()}</article>"))
        assert article.paragraph_texts == tuple(BODY)
        assert article.dateline is None


class TestHints:
    def test_cookie_notice_never_the_article(self):
        """A cookie notice holding more prose than a page of short lines is still boilerplate."""
        notice = " ".join(["We use cookies to measure how this site is used and to show you ads."] * 8)
        lines = "".join(f"<li>Item {n}: a short line of the page</li>" for n in range(6))
        html = page(
            f"<article><h2>A list</h2><ul>{lines}</ul></article>",
            after=f'<div class="cookie-notice"><p>{notice}</p></div>',
        )
        text = parse_html(html).text
        assert "cookies" not in text
        assert "Item 5" in text

    def test_state_classes_ignored(self):
        """State classes (has-comments, modal-open) and BEM modifiers (--ads) are not hints."""
        inner = f'<div class="body Section--ads">{paragraphs()}</div>'
        html = page(f'<div class="story has-comments modal-open">{inner}</div>')
        assert body_of(html) == tuple(BODY)

    def test_commentary_is_not_comments(self):
        """An opinion piece ("commentary") is not a comments section."""
        comments = "".join(f'<div class="comment"><p>{P1} Comment {n}.</p></div>' for n in range(5))
        html = page(f'<div class="commentary">{paragraphs()}</div><div class="comments">{comments}</div>')
        assert body_of(html) == tuple(BODY)


WORDS = ["ad", "ads", "advert", "adverts", "comment", "b-line", "byline"]


def _found(pattern: str, text: str) -> tuple[tuple[int, int], str] | None:
    match = re.search(pattern, text)
    return None if match is None else (match.span(), match.group())


class TestWordPattern:
    @given(st.text(alphabet="abcdelmnorstvy- ", max_size=40))
    def test_same_matches_as_longest_first_alternation(self, text):
        """The trie finds the word a longest-first alternation finds, also before a lookahead."""
        plain = "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True))
        for template in ("{}", "(?<![a-z])(?:{})(?![a-z])"):
            assert _found(template.format(word_pattern(WORDS)), text) == _found(template.format(plain), text)

    def test_shorter_word_when_the_longer_does_not_fit(self):
        """Backtracking yields "ads" when "adverts" is cut short and "ad" when a letter follows "ads"."""
        tokens = re.compile(f"(?<![a-z])(?:{word_pattern(WORDS)})(?![a-z])")
        assert tokens.search("top advert").group() == "advert"
        assert tokens.search("ads-box").group() == "ads"
        assert tokens.search("adsx ad").group() == "ad"
