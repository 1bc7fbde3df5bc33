"""Tests for newsmodel.html.metadata: every field, its sources, their precedence, provenance."""

import json
from datetime import datetime, timedelta, timezone

import attrs
import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel import parse_html
from newsmodel.html.metadata import PageMetadata, extract_metadata
from newsmodel.model import AuthorRole

CET = timezone(timedelta(hours=1))
FIELDS = [f.name for f in attrs.fields(PageMetadata) if f.name not in ("provenance", "defects")]


def meta(head: str = "", body: str = "", *, url: str | None = None, lang: str | None = None) -> PageMetadata:
    """Metadata of a page made of ``head`` and ``body`` markup."""
    html_attrs = f' lang="{lang}"' if lang else ""
    page = f"<!DOCTYPE html><html{html_attrs}><head>{head}</head><body>{body}</body></html>"
    return extract_metadata(lxml.html.document_fromstring(page), url=url)


def ld(*objects: object) -> str:
    """JSON-LD script blocks for ``objects``."""
    return "".join(f'<script type="application/ld+json">{json.dumps(o)}</script>' for o in objects)


def source(result: PageMetadata, field: str) -> str | None:
    found = [p.source for p in result.provenance if p.field == field]
    assert len(found) <= 1, f"{field} has {len(found)} provenance entries"
    return found[0] if found else None


ARTICLE = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Harbour bridge to close for repairs",
    "datePublished": "2024-03-05T10:30:00+01:00",
    "dateModified": "2024-03-06T08:00:00+01:00",
    "author": [
        {"@type": "Person", "name": "Jane Doe", "url": "/staff/jane-doe"},
        {"@type": "Person", "name": "John Roe"},
    ],
    "publisher": {"@type": "NewsMediaOrganization", "name": "The Example Times"},
    "articleSection": "City",
    "keywords": ["bridges", "traffic"],
    "inLanguage": "en-GB",
    "description": "The bridge will be shut for six weeks.",
    "image": {"@type": "ImageObject", "url": "/img/bridge.jpg", "caption": "The bridge at dusk"},
}


class TestJsonLd:
    def test_reads_an_article(self) -> None:
        """Every field of a NewsArticle object is read, with json-ld provenance."""
        result = meta(ld(ARTICLE), url="https://example.com/news/bridge")
        assert result.title == "Harbour bridge to close for repairs"
        assert [a.name for a in result.authors] == ["Jane Doe", "John Roe"]
        assert result.authors[0].url == "https://example.com/staff/jane-doe"
        assert result.published == datetime(2024, 3, 5, 10, 30, tzinfo=CET)
        assert result.modified == datetime(2024, 3, 6, 8, 0, tzinfo=CET)
        assert result.publisher == "The Example Times"
        assert result.section == "City"
        assert result.tags == ["bridges", "traffic"]
        assert result.language == "en-GB"
        assert result.subtitle == "The bridge will be shut for six weeks."
        assert [(i.url, i.caption) for i in result.images] == [
            ("https://example.com/img/bridge.jpg", "The bridge at dusk")
        ]
        assert source(result, "title") == "json-ld:headline"
        assert source(result, "authors") == "json-ld:author"
        assert source(result, "published") == "json-ld:datePublished"
        assert source(result, "images") == "json-ld:image"

    def test_graph_with_references(self) -> None:
        """An @graph whose article points at its author and publisher by @id is resolved."""
        graph = {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "@id": "#site", "name": "Example Blog"},
                {"@type": "Person", "@id": "#ann", "name": "Ann Poe"},
                {"@type": "Organization", "@id": "#org", "name": "Example Media"},
                {
                    "@type": "BlogPosting",
                    "headline": "Ten walks by the river",
                    "author": {"@id": "#ann"},
                    "publisher": {"@id": "#org"},
                },
            ],
        }
        result = meta(ld(graph))
        assert result.title == "Ten walks by the river"
        assert [a.name for a in result.authors] == ["Ann Poe"]
        assert result.publisher == "Example Media"

    def test_array_of_objects(self) -> None:
        """A top-level array is read; the article wins over a breadcrumb list beside it."""
        crumbs = {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "name": "Home"}]}
        result = meta(ld([crumbs, {"@type": "Article", "headline": "Markets calm"}]))
        assert result.title == "Markets calm"

    def test_page_objects_are_a_fallback(self) -> None:
        """A WebPage's author and dates count when no article object exists."""
        page = {
            "@type": "WebPage",
            "name": "About our newsroom",
            "datePublished": "2023-01-02",
            "author": {"@type": "Person", "name": "Ann Poe"},
        }
        result = meta(ld(page))
        assert result.published == datetime(2023, 1, 2)
        assert [a.name for a in result.authors] == ["Ann Poe"]

    def test_nested_article_in_page(self) -> None:
        """An article nested as a page's mainEntity is found."""
        page = {
            "@type": "WebPage",
            "mainEntity": {"@type": "ReportageNewsArticle", "headline": "Inside the mine"},
        }
        assert meta(ld(page)).title == "Inside the mine"

    def test_organization_author_yields_to_a_person(self) -> None:
        """An Organization credited as author gives way to a person named by the page byline."""
        article = {
            "@type": "NewsArticle",
            "headline": "Tide tables",
            "author": {"@type": "Organization", "name": "Coast Desk"},
        }
        result = meta(ld(article), '<p class="byline">By Jane Doe</p>')
        assert [a.name for a in result.authors] == ["Jane Doe"]
        assert source(result, "authors") == "html:byline"
        alone = meta(ld(article))
        assert [(a.name, a.role) for a in alone.authors] == [("Coast Desk", AuthorRole.AGENCY)]

    def test_broken_json_is_tolerated(self) -> None:
        """Trailing commas, comment wrappers and objects back to back are read; a defect is recorded."""
        raw = '<!-- {"@type": "NewsArticle", "headline": "Rain again", "author": {"name": "Ann Poe",},} -->'
        result = meta(f'<script type="application/ld+json">{raw}</script>')
        assert result.title == "Rain again"
        assert [a.name for a in result.authors] == ["Ann Poe"]
        assert [d.code for d in result.defects] == ["json-ld-invalid"]

    def test_unreadable_json_is_a_defect_not_an_error(self) -> None:
        """JSON-LD that cannot be read gives a defect, and the other sources still count."""
        result = meta(
            '<script type="application/ld+json">{"headline": </script>'
            '<meta property="og:title" content="Fallback">'
        )
        assert result.title == "Fallback"
        assert [d.code for d in result.defects] == ["json-ld-invalid"]

    def test_hostile_values(self) -> None:
        """Deep nesting, huge numbers and wrong types are survived."""
        deep = "[" * 100_000 + "]" * 100_000
        huge = '{"@type": "NewsArticle", "headline": 1e999999, "datePublished": ' + "9" * 20_000 + "}"
        wrong = (
            '{"@type": ["NewsArticle", 5], "headline": {"x": [null]}, '
            '"author": [1, true, {"name": ["Ann Poe"]}]}'
        )
        for raw in (deep, huge, wrong):
            result = meta(f'<script type="application/ld+json">{raw}</script>')
            assert result.title is None
        assert [a.name for a in meta(f'<script type="application/ld+json">{wrong}</script>').authors] == [
            "Ann Poe"
        ]

    def test_untyped_script_with_schema_context(self) -> None:
        """A script without a type that holds schema.org JSON-LD is read too."""
        raw = json.dumps(
            {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Quiet night"}
        )
        assert meta(f"<script>{raw}</script>").title == "Quiet night"


class TestPrecedence:
    def test_json_ld_over_meta_over_markup(self) -> None:
        """When sources disagree, JSON-LD beats meta tags, which beat page markup."""
        head = (
            ld(
                {
                    "@type": "NewsArticle",
                    "datePublished": "2024-03-05T10:00:00+01:00",
                    "author": {"name": "Jane Doe"},
                }
            )
            + '<meta property="article:published_time" content="2024-03-04T10:00:00+01:00">'
            + '<meta name="author" content="John Roe">'
        )
        body = '<time datetime="2024-03-03">3 March</time><p class="byline">By Ann Poe</p>'
        result = meta(head, body)
        assert result.published == datetime(2024, 3, 5, 10, 0, tzinfo=CET)
        assert [a.name for a in result.authors] == ["Jane Doe"]
        without_ld = meta(head.split("</script>", 1)[1], body)
        assert without_ld.published == datetime(2024, 3, 4, 10, 0, tzinfo=CET)
        assert source(without_ld, "published") == "meta:article:published_time"
        assert [a.name for a in without_ld.authors] == ["John Roe"]
        markup_only = meta("", body)
        assert markup_only.published == datetime(2024, 3, 3)
        assert source(markup_only, "published") == "html:time"
        assert [a.name for a in markup_only.authors] == ["Ann Poe"]

    def test_same_moment_in_local_time_wins(self) -> None:
        """A UTC value yields to the same moment written with the publisher's offset."""
        head = ld({"@type": "NewsArticle", "datePublished": "2024-03-04T23:30:00Z"}) + (
            '<meta property="article:published_time" content="2024-03-05T00:30:00+01:00">'
        )
        result = meta(head)
        assert result.published == datetime(2024, 3, 5, 0, 30, tzinfo=CET)
        assert result.published.utcoffset() == timedelta(hours=1)  # type: ignore[union-attr]
        assert source(result, "published") == "meta:article:published_time"

    def test_generic_date_meta_ranks_below_markup(self) -> None:
        """A generic ``date`` meta (often a CMS build date) yields to a ``<time pubdate>``."""
        result = meta(
            '<meta name="date" content="2024-03-09">', '<time pubdate datetime="2024-03-05">5 March</time>'
        )
        assert result.published == datetime(2024, 3, 5)


class TestTitle:
    @pytest.mark.parametrize(
        "title",
        [
            "Harbour bridge to close for repairs | The Example Times",
            "Harbour bridge to close for repairs - The Example Times",
            "The Example Times » Harbour bridge to close for repairs",
            "Harbour bridge to close for repairs – City – The Example Times",
        ],
    )
    def test_site_name_is_stripped(self, title: str) -> None:
        """The site's name (known from og:site_name) is cut from either end of the title."""
        head = f'<meta property="og:site_name" content="The Example Times"><title>{title}</title>'
        result = meta(head)
        assert result.title in (
            "Harbour bridge to close for repairs",
            "Harbour bridge to close for repairs – City",
        )

    def test_host_name_is_stripped(self) -> None:
        """A segment naming the site's host is cut, even without og:site_name."""
        result = meta(
            "<title>Harbour bridge to close | example-times.co.uk</title>",
            url="https://www.example-times.co.uk/a",
        )
        assert result.title == "Harbour bridge to close"

    def test_longest_segment_without_evidence(self) -> None:
        """With no site evidence, the longest segment of a ``<title>`` is the headline."""
        assert meta("<title>Harbour bridge to close for repairs | City news</title>").title == (
            "Harbour bridge to close for repairs"
        )

    def test_headline_with_dash_is_kept(self) -> None:
        """A headline whose own dash is not a site separator keeps it when metadata says so."""
        result = meta('<meta property="og:title" content="Tennis - the final set">')
        assert result.title == "Tennis - the final set"

    def test_h1_wins_over_seo_title(self) -> None:
        """An ``<h1>`` sharing most words with the metadata title is the headline readers see."""
        head = '<meta property="og:title" content="Bridge closure: harbour bridge to close for repairs">'
        result = meta(head, "<h1>Harbour bridge to close for repairs</h1>")
        assert result.title == "Harbour bridge to close for repairs"
        assert source(result, "title") == "html:h1"

    def test_kicker_in_h1_is_dropped(self) -> None:
        """A kicker span inside the ``<h1>`` is not part of the headline."""
        body = (
            '<h1><span class="kicker">Traffic</span> '
            '<span class="headline">Harbour bridge to close</span></h1>'
        )
        result = meta('<meta property="og:title" content="Traffic: Harbour bridge to close">', body)
        assert result.title == "Harbour bridge to close"

    def test_logo_h1_is_ignored(self) -> None:
        """An ``<h1>`` that shares nothing with the title (a logo) does not replace it."""
        result = meta(
            '<meta property="og:title" content="Harbour bridge to close">', "<h1>Example Times</h1>"
        )
        assert result.title == "Harbour bridge to close"

    def test_h1_alone(self) -> None:
        """With no title anywhere else, the first ``<h1>`` of two words or more is the title."""
        result = meta("", "<h1>Home</h1><h1>Harbour bridge to close</h1>")
        assert result.title == "Harbour bridge to close"
        assert source(result, "title") == "html:h1"

    def test_many_titles_and_headings_is_linear(self) -> None:
        """Ten times the meta titles and headings give the same headline: the work is bounded."""
        unit = '<meta name="title" content="Other story">'
        body = "<h1>Harbour bridge to close</h1>" + "<h1>Other story of the day</h1>" * 100
        small = meta('<meta property="og:title" content="Harbour bridge to close">' + unit * 20, body)
        large = meta('<meta property="og:title" content="Harbour bridge to close">' + unit * 200, body * 10)
        assert small.title == large.title == "Harbour bridge to close"

    def test_title_naming_only_the_site(self) -> None:
        """A ``<title>`` that is only the site's name is no headline: the ``<h1>`` is."""
        head = '<meta property="og:site_name" content="Example Times"><title>Example Times</title>'
        result = meta(head, "<h1>Harbour bridge to close</h1>")
        assert result.title == "Harbour bridge to close"
        assert source(result, "title") == "html:h1"

    def test_section_name_in_og_title(self) -> None:
        """An og:title sharing no word with the headline the other sources agree on is a section name."""
        head = (
            '<meta property="og:title" content="Press releases">'
            "<title>Harbour bridge to close for repairs | Example Times</title>"
        )
        result = meta(head, "<h1>Harbour bridge to close for repairs</h1>")
        assert result.title == "Harbour bridge to close for repairs"
        assert source(result, "title") == "html:title"  # the title that the heading supports

    def test_variant_title_kept_over_a_site_heading(self) -> None:
        """A first title sharing words with the ``<h1>`` is a variant of it, not a section name."""
        head = (
            '<meta property="og:title" content="Offshore wind: clean power from the sea">'
            "<title>Offshore Wind Foundation</title>"
        )
        result = meta(head, "<h1>Offshore Wind Foundation</h1>")
        assert result.title == "Offshore wind: clean power from the sea"
        assert source(result, "title") == "meta:og:title"

    def test_site_in_the_middle_ends_the_headline(self) -> None:
        """ "Headline | example-times.com | tagline": the site's name ends the headline."""
        title = "Harbour bridge to close | example-times.com | Your daily paper"
        head = f'<meta property="og:title" content="{title}">'
        result = meta(head, url="https://www.example-times.com/a")
        assert result.title == "Harbour bridge to close"

    def test_date_segment_is_no_headline(self) -> None:
        """A date before the headline, in the metadata or the ``<h1>``, is not part of it."""
        head = '<meta property="og:title" content="05.03.2024 - Harbour bridge to close">'
        assert meta(head).title == "Harbour bridge to close"
        assert meta("", "<h1>05.03.2024 - Harbour bridge to close</h1>").title == "Harbour bridge to close"


class TestAuthors:
    def test_meta_author_cleaned_and_split(self) -> None:
        """A meta author with "By", an e-mail and two names gives two clean authors."""
        result = meta('<meta name="author" content="By Jane Doe and John Roe (jane@example.com)">')
        assert [a.name for a in result.authors] == ["Jane Doe", "John Roe"]
        assert source(result, "authors") == "meta:author"

    def test_url_valued_article_author_is_skipped(self) -> None:
        """``article:author`` holding a profile URL names nobody; the next source is used."""
        head = (
            '<meta property="article:author" content="https://social.example/jane">'
            '<meta name="parsely-author" content="Jane Doe">'
        )
        result = meta(head)
        assert [a.name for a in result.authors] == ["Jane Doe"]
        assert source(result, "authors") == "meta:parsely-author"

    def test_publisher_repeated_as_author(self) -> None:
        """A meta author equal to the site name yields to the person in the byline."""
        head = (
            '<meta property="og:site_name" content="The Example Times">'
            '<meta name="author" content="The Example Times">'
        )
        result = meta(head, '<div class="article-byline">Von Max Muster | 05.03.2024</div>')
        assert [a.name for a in result.authors] == ["Max Muster"]

    def test_microdata_person(self) -> None:
        """A microdata author scope gives its ``name``."""
        body = (
            '<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
            '<span itemprop="name">Ann Poe</span></div>'
        )
        result = meta("", body)
        assert [a.name for a in result.authors] == ["Ann Poe"]
        assert source(result, "authors") == "microdata:author"

    def test_hcard_in_byline(self) -> None:
        """A blog's hCard author (``.author.vcard .fn``) names the author, even as a user name."""
        body = (
            '<span class="byline">von <span class="author vcard">'
            '<a class="url fn n" href="/author/riverwalker/">riverwalker</a></span></span>'
        )
        result = meta("", body)
        assert [a.name for a in result.authors] == ["riverwalker"]
        assert source(result, "authors") == "html:author-link"

    def test_author_link_must_match_its_page(self) -> None:
        """A link to an author page counts only when its text names that author."""
        body = '<a href="/author/jane-doe">All posts</a><a href="/author/jane-doe">Jane Doe</a>'
        assert [a.name for a in meta("", body).authors] == ["Jane Doe"]

    def test_comment_authors_are_not_article_authors(self) -> None:
        """Bylines inside the comments are ignored."""
        body = '<div class="comments"><span class="comment-author">By Zed Zee</span></div>'
        assert meta("", body).authors == []

    def test_text_byline_after_headline(self) -> None:
        """A "Von <strong>Name</strong>" line below the headline credits that person."""
        body = (
            "<h1>Harbour bridge to close</h1><p>Ein Artikel von <strong>Max Muster</strong> | 05.03.2024</p>"
        )
        result = meta("", body)
        assert [a.name for a in result.authors] == ["Max Muster"]
        assert source(result, "authors") == "html:text"

    def test_sentence_with_von_is_no_byline(self) -> None:
        """Running text that merely contains "von" credits nobody."""
        body = (
            "<h1>Harbour bridge to close</h1>"
            "<p>Die Sperrung wurde <a>gestern</a> von der Stadt beschlossen.</p>"
        )
        assert meta("", body).authors == []

    def test_agency_only(self) -> None:
        """An agency that is the only credit is kept as AGENCY."""
        result = meta('<meta name="author" content="dpa">')
        assert [(a.name, a.role) for a in result.authors] == [("dpa", AuthorRole.AGENCY)]


class TestDates:
    def test_time_element_classes(self) -> None:
        """A ``<time>`` marked as published beats an earlier unmarked one; updates go to modified."""
        body = (
            '<time datetime="2024-01-01">New year</time>'
            '<time class="updated" datetime="2024-03-07T09:00:00+01:00">7 March</time>'
            '<time class="entry-date published" datetime="2024-03-05T10:00:00+01:00">5 March</time>'
        )
        result = meta("", body)
        assert result.published == datetime(2024, 3, 5, 10, 0, tzinfo=CET)
        assert result.modified == datetime(2024, 3, 7, 9, 0, tzinfo=CET)

    def test_date_in_canonical_url(self) -> None:
        """A date in the canonical URL's path is used when nothing else states one."""
        result = meta('<link rel="canonical" href="https://example.com/2024/03/05/bridge">')
        assert result.published == datetime(2024, 3, 5)
        assert source(result, "published") == "url:path"

    def test_hinted_element_text(self) -> None:
        """Text of an element whose class says "date" is read, with German month names."""
        result = meta("", '<div class="meta-date">Dienstag, 5. März 2024, 14:09 Uhr</div>', lang="de")
        assert result.published == datetime(2024, 3, 5, 14, 9)
        assert source(result, "published") == "html:date"

    def test_labelled_date(self) -> None:
        """A date after a label such as "Veröffentlicht am" is found in the page text."""
        result = meta("", "<p>Pressemitteilung. Veröffentlicht am <b>05.03.2024</b></p>")
        assert result.published == datetime(2024, 3, 5)
        assert source(result, "published") == "html:label"

    def test_date_near_headline(self) -> None:
        """As a last resort, a date written beside the headline is used."""
        body = "<div><h1>Harbour bridge to close</h1><p>March 5, 2024</p></div><p>Body text.</p>"
        result = meta("", body)
        assert result.published == datetime(2024, 3, 5)
        assert source(result, "published") == "html:text"

    def test_modified_label(self) -> None:
        """ "Aktualisiert am" dates are modification dates, not publication dates."""
        result = meta("", "<p>Aktualisiert am 07.03.2024</p>")
        assert result.modified == datetime(2024, 3, 7)
        assert result.published is None

    def test_us_pages_read_month_first(self) -> None:
        """On an en-US page, a slashed date is read month first."""
        result = meta('<meta name="pubdate" content="03/05/2024">', lang="en-US")
        assert result.published == datetime(2024, 3, 5)
        assert meta('<meta name="pubdate" content="03/05/2024">', lang="de").published == datetime(2024, 5, 3)


class TestPublishedRules:
    HEADLINE = "<h1>Harbour bridge to close for repairs</h1>"

    def test_printed_date_settles_disagreeing_machine_dates(self) -> None:
        """JSON-LD and meta disagree; the date printed under the headline picks the meta's."""
        head = ld({**ARTICLE, "datePublished": "2024-03-01T10:00:00+01:00"}) + (
            '<meta property="article:published_time" content="2024-03-05T10:30:00+01:00">'
        )
        body = (
            f'<article>{self.HEADLINE}<p class="byline">By Jane Doe, 5 March 2024</p><p>Text.</p></article>'
        )
        result = meta(head, body)
        assert result.published == datetime(2024, 3, 5, 10, 30, tzinfo=CET)
        assert source(result, "published") == "meta:article:published_time"

    def test_update_date_does_not_settle(self) -> None:
        """A printed date after "Updated" is no publication date: the first machine date stands."""
        head = ld({**ARTICLE, "datePublished": "2024-03-01T10:00:00+01:00"}) + (
            '<meta property="article:published_time" content="2024-03-05T10:30:00+01:00">'
        )
        body = f"<article>{self.HEADLINE}<p>Updated: 5 March 2024</p><p>Text.</p></article>"
        assert meta(head, body).published == datetime(2024, 3, 1, 10, tzinfo=CET)

    def test_text_after_the_headline_settles_when_nothing_is_beside_it(self) -> None:
        """With no date beside the headline, the first date in the text after it settles."""
        head = '<meta property="article:published_time" content="2024-01-15">'
        body = (
            f"<main><div class='stage'>{self.HEADLINE}</div></main>"
            '<section><ul class="meta-list"><li><time datetime="2024-01-25">25.01.2024</time></li></ul>'
            "</section>"
        )
        result = meta(head, body)
        assert result.published == datetime(2024, 1, 25)
        assert source(result, "published") == "html:time"

    def test_teaser_times_are_not_the_articles(self) -> None:
        """``<time>``s in teasers of other articles are passed over, wherever they stand."""
        body = (
            '<ul class="teaser-list"><li><time class="published" datetime="2024-02-01">1 Feb</time></li></ul>'
            f'<article>{self.HEADLINE}<div><time datetime="2024-03-05">5 March</time></div></article>'
        )
        assert meta("", body).published == datetime(2024, 3, 5)

    def test_only_teaser_times_give_no_date(self) -> None:
        """A page whose only dates date comments gives no publication date rather than theirs."""
        body = (
            f"<article>{self.HEADLINE}<p>Text.</p></article>"
            '<div class="comments"><time datetime="2024-03-09T10:00">9 March</time></div>'
        )
        assert meta("", body).published is None

    def test_comment_thread_beside_the_headline(self) -> None:
        """A comment thread next to the article is no date printed beside its headline."""
        body = (
            f"<div><article>{self.HEADLINE}<p>{'Text of the story. ' * 40}</p></article>"
            '<div id="comments"><p>Jane wrote on 9 March 2024 at 3:32 am: nice</p></div></div>'
        )  # the comment lies beyond the text searched after the headline
        assert meta("", body).published is None

    def test_side_column_with_the_headline_is_the_articles(self) -> None:
        """A region marked as a sidebar that holds the headline is the article's header."""
        head = '<meta property="og:title" content="Harbour bridge to close for repairs">'
        body = (
            "<h1>City news</h1>"
            '<div class="sidebar"><p class="h1">Harbour bridge to close for repairs</p>'
            '<p><time datetime="2024-03-05">5 March 2024</time></p></div>'
        )
        result = meta(head, body)
        assert result.published == datetime(2024, 3, 5)
        assert source(result, "published") == "html:time"

    def test_site_banner_date_is_not_the_articles(self) -> None:
        """Today's date in the site's ``<header>`` yields to the date by the headline."""
        body = (
            '<header><span class="date"><time datetime="2024-03-09">Saturday, 9 March</time></span></header>'
            f"<main>{self.HEADLINE}<p>5 March 2024</p><p>Text.</p></main>"
        )
        result = meta("", body)
        assert result.published == datetime(2024, 3, 5)
        assert source(result, "published") == "html:text"

    def test_article_header_element_dates_the_article(self) -> None:
        """A ``<header>`` holding the headline is the article's, and its ``<time>`` counts."""
        body = (
            f'<article><header>{self.HEADLINE}<time datetime="2024-03-05">5 March</time></header></article>'
        )
        assert meta("", body).published == datetime(2024, 3, 5)

    def test_generic_meta_date_yields_to_the_printed_date(self) -> None:
        """A bare ``date`` meta tag (often the page's generation) yields to the date by the headline."""
        body = f"<div>{self.HEADLINE}<p>Veröffentlicht am 05.03.2024</p></div><p>Text.</p>"
        result = meta('<meta name="date" content="2024-03-12T06:00:00">', body)
        assert result.published == datetime(2024, 3, 5)
        assert source(result, "published") == "html:label"

    def test_generic_date_after_the_modification(self) -> None:
        """A generic date later than the stated modification is passed over."""
        head = (
            '<meta name="date" content="2024-03-12">'
            '<meta property="article:modified_time" content="2024-03-06T08:00:00+01:00">'
            '<link rel="canonical" href="https://example.com/2024/03/05/bridge">'
        )
        result = meta(head, f"{self.HEADLINE}<p>Text.</p>")
        assert result.published == datetime(2024, 3, 5)
        assert source(result, "published") == "url:path"

    def test_list_beside_the_headline_is_not_its_date(self) -> None:
        """A block of several dated items beside the headline lists other articles."""
        listing = "".join(f"<li>0{day}.03.2024 Other story {day}</li>" for day in (1, 2, 3))
        body = (
            f'<div><time datetime="2024-03-05">5 March 2024</time></div>'
            f"<div>{self.HEADLINE}<p>Text.</p></div><div><ul>{listing}</ul></div>"
        )
        assert meta("", body).published == datetime(2024, 3, 5)

    def test_date_in_the_heading_comes_first(self) -> None:
        """A date inside the heading (a kicker line) beats one in a neighbouring block."""
        body = (
            "<div><h1><small>05.03.2024</small> Harbour bridge to close for repairs</h1>"
            "<p>Figures for 01.02.2024 and more.</p></div>"
        )
        assert meta("", body).published == datetime(2024, 3, 5)

    def test_minor_heading_saying_the_title(self) -> None:
        """An ``<h4>`` saying exactly the title is the headline's heading; its neighbour dates it."""
        head = '<meta property="og:title" content="Harbour bridge to close">'
        body = (
            "<div><h1>Press releases</h1><p>Archive since 01.01.2020</p></div>"
            "<div><p><em>05.03.2024 11:35</em></p><h4>Harbour bridge to close</h4></div>"
        )
        result = meta(head, body)
        assert result.published == datetime(2024, 3, 5, 11, 35)
        assert source(result, "published") == "html:text"

    def test_hinted_date_nearest_the_headline(self) -> None:
        """Of several date-marked elements, the one just after the headline wins."""
        body = (
            '<div class="event-date">19.1.2024, 10:00-11:30 Uhr</div>'
            f'{self.HEADLINE}<div class="post-date">20.12.2023</div><p>Text.</p>'
        )
        result = meta("", body)
        assert result.published == datetime(2023, 12, 20)
        assert source(result, "published") == "html:date"

    def test_hinted_update_date_is_no_publication_date(self) -> None:
        """A date-marked element saying "Updated ..." is not the publication date."""
        body = (
            f'{self.HEADLINE}<div class="date">Updated 6/13/2024</div><p>Text.</p>'
            "<p>Published: June 1, 2024</p>"
        )
        result = meta("", body, lang="en-US")
        assert result.published == datetime(2024, 6, 1)
        assert source(result, "published") == "html:label"

    def test_only_an_update_printed_after_the_headline(self) -> None:
        """A page printing only "Stand: ..." after its headline gets that date as the last resort."""
        body = f"<div>{self.HEADLINE}</div><p>Stand: 28.04.2024 18:00 Uhr</p><p>Text.</p>"
        result = meta("", body)
        assert result.published == datetime(2024, 4, 28, 18)
        assert source(result, "published") == "html:text"

    def test_utc_yields_to_the_urls_local_day(self) -> None:
        """23:30 UTC on the 4th in a page whose URL says the 5th: the local day, from the URL."""
        head = (
            '<meta property="article:published_time" content="2024-03-04T23:30:00Z">'
            '<link rel="canonical" href="https://example.com/2024/03/05/bridge">'
        )
        result = meta(head, f"{self.HEADLINE}<p>Text.</p>")
        assert result.published == datetime(2024, 3, 5)
        assert source(result, "published") == "url:path"

    def test_utc_written_in_the_printed_offset(self) -> None:
        """A UTC value printed in local time keeps its instant, in the offset the two imply."""
        head = ld({**ARTICLE, "datePublished": "2024-05-04T02:41:00Z", "dateModified": None})
        body = f"<div>{self.HEADLINE}<p>3 May 2024, 10:41 pm</p></div>"
        result = meta(head, body, lang="en-US")
        assert result.published == datetime(2024, 5, 4, 2, 41, tzinfo=timezone.utc)
        assert result.published is not None
        assert result.published.utcoffset() == timedelta(hours=-4)
        assert source(result, "published") == "html:text"

    def test_utc_kept_when_the_page_states_its_day(self) -> None:
        """A UTC value whose day the page prints too is kept as it is."""
        head = '<meta property="article:published_time" content="2024-03-05T09:30:00Z">'
        result = meta(head, f"<div>{self.HEADLINE}<p>5 March 2024</p></div>")
        assert result.published == datetime(2024, 3, 5, 9, 30, tzinfo=timezone.utc)
        assert source(result, "published") == "meta:article:published_time"

    dated_parts = st.lists(
        st.sampled_from(
            [
                "<h1>Harbour bridge to close for repairs</h1>",
                "<p>5 March 2024</p>",
                "<p>Updated: 7 March 2024, 09:15</p>",
                '<time datetime="2024-03-04T23:30:00Z">4 March</time>',
                '<div class="teaser"><time datetime="2024-02-01">1 Feb</time></div>',
                '<header><span class="date">Saturday, 9 March 2024</span></header>',
                '<div class="post-date">06.03.2024 10:00-11:30</div>',
                '<meta name="date" content="2024-03-12">',
                '<meta property="article:published_time" content="2024-03-01T10:00:00Z">',
                '<link rel="canonical" href="https://example.com/2024/03/05/bridge">',
                "<ul><li>01.03.2024</li><li>02.03.2024</li><li>03.03.2024</li></ul>",
                "<div>",
                "</div>",
            ]
        ),
        max_size=12,
    )

    @given(dated_parts)
    def test_any_mix_of_dated_parts(self, parts: list[str]) -> None:
        """Any mix of dated parts gives a publication date with one provenance, or none."""
        markup = "".join(parts)
        result = meta(markup, markup)
        assert (result.published is None) == (source(result, "published") is None)

    def test_many_teasers_is_linear(self) -> None:
        """Ten times the teasers, times and date blocks give the same date: every pass is linear."""
        unit = (
            '<div class="teaser"><time datetime="2024-02-01">1 Feb</time><span class="date">01.02.2024</span>'
            "<h2>Other story</h2></div><header><time>02.02.2024</time></header>"
        )
        body = f"<article>{self.HEADLINE}<p>Veröffentlicht am 05.03.2024</p></article>"
        small = meta('<meta name="date" content="2024-03-12">', unit * 200 + body)
        large = meta('<meta name="date" content="2024-03-12">', unit * 2_000 + body)
        assert small.published == large.published == datetime(2024, 3, 5)


class TestMicrodata:
    def test_rdfa_property_on_body_elements(self) -> None:
        """RDFa ``property`` on a body element is read like ``itemprop`` (``schema:`` prefix dropped)."""
        result = meta(body='<span property="schema:articleSection">City</span>')
        assert result.section == "City"
        assert source(result, "section") == "microdata:articleSection"

    def test_meta_property_is_no_microdata(self) -> None:
        """A ``<meta property>`` is only a meta value; one with ``itemprop`` too is also microdata."""
        assert meta(body='<meta property="articleSection" content="Sport">').section is None
        both = meta(body='<meta itemprop="articleSection" property="og:kind" content="Sport">')
        assert both.section == "Sport"
        assert source(both, "section") == "microdata:articleSection"


class TestLinksAndLists:
    def test_canonical_is_absolute(self) -> None:
        """A relative canonical link is resolved against the page URL."""
        result = meta('<link rel="canonical" href="/news/bridge">', url="https://example.com/x?utm=1")
        assert result.canonical_url == "https://example.com/news/bridge"
        assert source(result, "canonical_url") == "html:canonical"

    def test_relative_urls_without_a_base_are_left_out(self) -> None:
        """A relative URL that cannot be made absolute is not reported."""
        result = meta('<link rel="canonical" href="/news/bridge"><meta property="og:image" content="/a.jpg">')
        assert result.canonical_url is None
        assert result.images == []

    def test_base_href(self) -> None:
        """``<base href>`` resolves relative links when no page URL is given."""
        result = meta('<base href="https://example.com/news/"><meta property="og:image" content="img/a.jpg">')
        assert [i.url for i in result.images] == ["https://example.com/news/img/a.jpg"]

    def test_og_images_with_alt(self) -> None:
        """Each og:image is an image; og:image:alt gives its alternative text."""
        head = (
            '<meta property="og:image" content="https://example.com/a.jpg">'
            '<meta property="og:image:alt" content="A bridge">'
            '<meta property="og:image" content="https://example.com/b.jpg">'
        )
        result = meta(head)
        assert [(i.url, i.alt) for i in result.images] == [
            ("https://example.com/a.jpg", "A bridge"),
            ("https://example.com/b.jpg", None),
        ]

    def test_tags_split_and_deduplicated(self) -> None:
        """Comma-separated keywords are split, trimmed and de-duplicated in order."""
        result = meta('<meta name="keywords" content="bridges, Traffic ,bridges,, city">')
        assert result.tags == ["bridges", "Traffic", "city"]

    def test_article_tags(self) -> None:
        """Each ``article:tag`` is one tag."""
        result = meta(
            '<meta property="article:tag" content="bridges">'
            '<meta property="article:tag" content="city, harbour">'
        )
        assert result.tags == ["bridges", "city", "harbour"]

    def test_section_and_publisher(self) -> None:
        """Section and publisher come from ``article:section`` and ``og:site_name``."""
        result = meta(
            '<meta property="article:section" content="City">'
            '<meta property="og:site_name" content="Example Times">'
        )
        assert (result.section, result.publisher) == ("City", "Example Times")

    def test_entities_are_decoded(self) -> None:
        """Double-escaped entities in metadata are decoded once more."""
        assert (
            meta('<meta property="og:title" content="Rock &amp;amp; roll &amp;#8217;s night">').title
            == "Rock & roll ’s night"
        )


class TestLanguage:
    @pytest.mark.parametrize(
        ("head", "lang", "expected"),
        [
            ("", "de_at", "de-AT"),
            ('<meta http-equiv="content-language" content="fr-FR">', None, "fr-FR"),
            ('<meta property="og:locale" content="pt_BR">', None, "pt-BR"),
            ("", "x-default", None),
        ],
    )
    def test_declared_language(self, head: str, lang: str | None, expected: str | None) -> None:
        """The declared language is read and normalised to BCP 47."""
        assert meta(head, lang=lang).language == expected

    def test_pipeline_detects_undeclared_language(self) -> None:
        """A page that declares no language gets one detected from its text."""
        body = (
            "<p>"
            + "Der Stadtrat hat am Dienstag mitgeteilt, dass er die Preise nicht erhöhen wird. " * 3
            + "</p>"
        )
        article = parse_html(f"<html><body>{body}</body></html>")
        assert article.language == "de"
        assert article.provenance_of("language") is None


class TestProperties:
    @given(st.text(max_size=400))
    def test_never_raises_on_arbitrary_markup(self, markup: str) -> None:
        """Any markup lxml can parse gives metadata, never an exception."""
        try:
            root = lxml.html.document_fromstring(f"<html><head>{markup}</head><body>{markup}</body></html>")
        except (ValueError, lxml.etree.ParserError):  # lxml refuses some strings; not our input
            return
        extract_metadata(root, url=None)

    json_values = st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "@type",
                        "@id",
                        "@graph",
                        "headline",
                        "name",
                        "author",
                        "datePublished",
                        "image",
                        "publisher",
                        "url",
                        "keywords",
                    ]
                ),
                inner,
                max_size=5,
            )
        ),
        max_leaves=20,
    )

    @given(json_values)
    @settings(max_examples=150)
    def test_never_raises_on_arbitrary_json_ld(self, value: object) -> None:
        """Any JSON value in a JSON-LD block gives metadata, never an exception."""
        raw = json.dumps(value).replace("</", "<\\/")
        meta(f'<script type="application/ld+json">{raw}</script>', url="https://example.com/a")

    field_markup = st.lists(
        st.sampled_from(
            [
                '<meta property="og:title" content="Harbour bridge to close">',
                '<meta name="description" content="Six weeks of works.">',
                '<meta name="author" content="Jane Doe">',
                '<meta property="article:published_time" content="2024-03-05T10:00:00Z">',
                '<meta property="article:modified_time" content="2024-03-06">',
                '<meta property="og:locale" content="en_GB">',
                '<link rel="canonical" href="https://example.com/bridge">',
                '<meta property="og:site_name" content="Example Times">',
                '<meta property="article:section" content="City">',
                '<meta name="keywords" content="bridges, city">',
                '<meta property="og:image" content="https://example.com/a.jpg">',
                '<meta property="og:title" content="">',
                '<meta name="author" content="https://social.example/x">',
            ]
        ),
        max_size=8,
    )

    @given(field_markup)
    def test_provenance_names_exactly_the_fields_with_values(self, parts: list[str]) -> None:
        """Each field with a value has one provenance entry, and no empty field has one."""
        result = meta("".join(parts))
        with_values = {f for f in FIELDS if getattr(result, f) not in (None, [])}
        assert {p.field for p in result.provenance} == with_values
        assert len(result.provenance) == len(with_values)

    def test_large_page_is_linear(self) -> None:
        """Ten times the page costs about ten times the work: every pass is linear."""
        unit = (
            '<div class="teaser"><time datetime="2024-03-05">5 March</time><a href="/author/x">Jane Doe</a>'
            '<p class="byline">By Jane Doe</p><h2>Other story</h2><p>Text von der Stadt.</p></div>'
        )
        small = meta(ld(ARTICLE), unit * 300)
        large = meta(ld(ARTICLE), unit * 3_000)
        assert small.title == large.title == "Harbour bridge to close for repairs"
