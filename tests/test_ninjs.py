"""Tests for the IPTC ninjs 3.1 export: structure, mapping rules, always-valid URIs."""

import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmodel
from newsmodel import (
    Article,
    Author,
    AuthorRole,
    Dateline,
    Entity,
    EntityKind,
    Image,
    Mention,
    SerializationError,
    Span,
    to_ninjs,
)
from newsmodel.serialize._uri import absolute_uri, word_count
from newsmodel.serialize.ninjs import NINJS_SCHEMA
from newsmodel.testing import articles

from .test_model import sample

# IPTC's schema is not shipped; CI keeps it beside the repository (or name it in the environment).
OFFICIAL_SCHEMA = Path(
    os.environ.get("NEWSMODEL_NINJS_SCHEMA")
    or Path(__file__).resolve().parents[2] / "shared/standards/ninjs/ninjs-schema_3.1.json"
)
FORMATS = jsonschema.FormatChecker()

TEXT = "OSLO (Wire) — Kari Berg met the Harbour Board in Oslo.\n\nShe left at noon & smiled."


def span_of(needle: str) -> Span:
    i = TEXT.index(needle)
    return Span(start=i, end=i + len(needle))


def entity(entity_id: str, name: str, kind: EntityKind) -> Entity:
    return Entity(id=entity_id, name=name, kind=kind, mentions=[Mention(span=span_of(name), text=name)])


def rich(**changes) -> Article:
    fields = {
        "text": TEXT,
        "paragraphs": [span_of(part) for part in TEXT.split("\n\n")],
        "title": "Berg meets the board",
        "subtitle": "A short meeting",
        "authors": [
            Author(name="Ann Lee"),
            Author(name="Bo Park", url="https://news.example/staff/bo"),
            Author(name="Wire", role=AuthorRole.AGENCY),
            Author(name="Cy Dunn", role=AuthorRole.PHOTOGRAPHER),
        ],
        "published": datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc),
        "modified": datetime(2026, 3, 1, 11, 0, tzinfo=timezone(timedelta(hours=1))),
        "dateline": Dateline(
            text="OSLO (Wire) —", place="OSLO", agency="Wire", span=span_of("OSLO (Wire) —")
        ),
        "language": "en",
        "url": "https://news.example/2026/berg?ref=rss",
        "publisher": "The Example Times",
        "tags": ["ports", "local politics"],
        "images": [
            Image(
                url="/img/berg.jpg", caption="Kari Berg at the board", credit="Cy Dunn/Example", alt="A woman"
            ),
            Image(caption="A caption only"),
        ],
        "entities": [
            entity("e1", "Kari Berg", EntityKind.PERSON),
            entity("e2", "Harbour Board", EntityKind.ORGANIZATION),
            entity("e3", "Oslo", EntityKind.LOCATION),
        ],
    }
    fields.update(changes)
    return Article(**fields)


class TestStructure:
    def test_required_and_standard(self):
        """Every item has an absolute uri and declares ninjs 3.1 with its schema."""
        item = to_ninjs(Article(text=""))
        assert absolute_uri(item["uri"]) == item["uri"]
        assert item["standard"] == {"name": "ninjs", "version": "3.1", "schema": NINJS_SCHEMA}
        assert item["type"] == "text"

    def test_headline_description_body(self):
        """Title, subtitle and text become headline, description and plain-text body."""
        item = to_ninjs(rich())
        assert item["headlines"] == [
            {"role": "main", "contentType": "text/plain", "value": "Berg meets the board"}
        ]
        assert item["descriptions"][0]["value"] == "A short meeting"
        plain = item["bodies"][0]
        assert plain["value"] == TEXT
        assert plain["charCount"] == len(TEXT)
        assert plain["wordCount"] == len(TEXT.split())

    def test_xhtml_body_has_escaped_paragraphs(self):
        """The rich body has one <p> per paragraph, with markup characters escaped."""
        markup = to_ninjs(rich())["bodies"][1]
        assert markup["contentType"] == "application/xhtml+xml"
        assert markup["value"].count("<p>") == 2
        assert "noon &amp; smiled" in markup["value"]

    def test_xhtml_body_replaces_characters_xml_forbids(self):
        """Control characters that XML cannot hold become U+FFFD in the rich body only."""
        text = "a\x00b\x0bc"
        item = to_ninjs(Article(text=text, paragraphs=[Span(start=0, end=len(text))]))
        assert item["bodies"][0]["value"] == text
        assert item["bodies"][1]["value"] == "<p>a\ufffdb\ufffdc</p>"

    def test_by_names_the_authors(self):
        """``by`` joins the authors' names; agencies count only when no person is credited."""
        assert to_ninjs(rich())["by"] == "Ann Lee and Bo Park"
        three = rich(authors=[Author(name="A"), Author(name="B"), Author(name="C")])
        assert to_ninjs(three)["by"] == "A, B and C"
        agency_only = rich(authors=[Author(name="Wire", role=AuthorRole.AGENCY)])
        assert to_ninjs(agency_only)["by"] == "Wire"
        assert "by" not in to_ninjs(rich(authors=[]))

    def test_info_sources(self):
        """Every credit keeps its role; the publisher is listed; the dateline agency once."""
        sources = to_ninjs(rich())["infoSources"]
        assert {"name": "Bo Park", "role": "author", "uri": "https://news.example/staff/bo"} in sources
        assert {"name": "Cy Dunn", "role": "photographer"} in sources
        assert {"name": "The Example Times", "role": "publisher"} in sources
        assert [s["name"] for s in sources].count("Wire") == 1

    def test_dateline_agency_listed_when_not_credited(self):
        """A dateline agency missing from the credits becomes an info source."""
        sources = to_ninjs(rich(authors=[]))["infoSources"]
        assert {"name": "Wire", "role": "agency"} in sources

    def test_entities_by_kind(self):
        """People, organisations and places come from the entities, as mentions."""
        item = to_ninjs(rich())
        assert item["people"] == [{"name": "Kari Berg", "rel": "mentions"}]
        assert item["organisations"] == [{"name": "Harbour Board", "rel": "mentions"}]
        assert item["places"] == [{"name": "Oslo", "rel": "mentions"}]
        assert "events" not in item

    def test_located_language_subjects(self):
        """The dateline place, the language and the tags carry over."""
        item = to_ninjs(rich())
        assert item["located"] == "OSLO"
        assert item["language"] == "en"
        assert item["subjects"] == [{"name": "ports"}, {"name": "local politics"}]

    def test_dates(self):
        """firstCreated is the publication time, versionCreated the latest one."""
        item = to_ninjs(rich())
        assert item["firstCreated"] == "2026-03-01T09:00:00+00:00"
        assert item["versionCreated"] == "2026-03-01T11:00:00+01:00"
        only_published = to_ninjs(rich(modified=None))
        assert only_published["versionCreated"] == only_published["firstCreated"]

    def test_naive_dates_need_a_zone(self):
        """Naive datetimes are left out unless naive_timezone says their zone."""
        naive = rich(published=datetime(2026, 3, 1, 9, 0), modified=None)
        assert "firstCreated" not in to_ninjs(naive)
        assert to_ninjs(naive, naive_timezone=timezone.utc)["firstCreated"] == "2026-03-01T09:00:00+00:00"

    def test_images_become_picture_associations(self):
        """Images are associated pictures with a rendition, caption, alt text and credit."""
        item = to_ninjs(rich())
        assert item["type"] == "composite"
        first, second = item["associations"]
        assert first["type"] == "picture"
        assert first["uri"] == "https://news.example/img/berg.jpg"
        assert first["renditions"] == [{"name": "original", "href": "https://news.example/img/berg.jpg"}]
        assert first["by"] == "Cy Dunn/Example"
        assert {"role": "caption", "contentType": "text/plain", "value": "Kari Berg at the board"} in first[
            "descriptions"
        ]
        assert {"role": "alt", "contentType": "text/plain", "value": "A woman"} in first["descriptions"]
        assert "renditions" not in second
        assert second["uri"] == item["uri"] + "#image2"


class TestUri:
    def test_canonical_first(self):
        """The canonical URL wins over the URL the page was read from."""
        assert to_ninjs(rich(canonical_url="https://news.example/c"))["uri"] == "https://news.example/c"
        assert to_ninjs(rich())["uri"] == "https://news.example/2026/berg?ref=rss"

    def test_content_hash_without_url(self):
        """Without a usable URL the uri is an RFC 6920 hash, the same for equal articles."""
        one = to_ninjs(rich(url="not a url"))["uri"]
        assert one.startswith("ni:///sha-256;")
        assert one == to_ninjs(rich(url="not a url"))["uri"]
        assert one != to_ninjs(rich(url="not a url", title="Other"))["uri"]

    def test_override(self):
        """An explicit uri is used, and must be absolute."""
        assert to_ninjs(rich(), uri="urn:example:1")["uri"] == "urn:example:1"
        with pytest.raises(SerializationError, match="not an absolute URI"):
            to_ninjs(rich(), uri="relative/path")

    @pytest.mark.parametrize(
        ("value", "base", "expected"),
        [
            ("https://a.example/x y", None, "https://a.example/x%20y"),
            ("/p.jpg", "https://a.example/news/1", "https://a.example/p.jpg"),
            ("//cdn.example/p.jpg", "https://a.example/", "https://cdn.example/p.jpg"),
            ("https://bücher.example/ä", None, "https://b%C3%BCcher.example/%C3%A4"),
            ("https://a.example/?q=[1]#f#g", None, "https://a.example/?q=%5B1%5D#f%23g"),
            ("https://a.example/100%", None, "https://a.example/100%25"),
            ("p.jpg", None, None),
            ("http://a.example:port/", None, None),
            ("mailto:", None, None),
            ("   ", None, None),
        ],
    )
    def test_absolute_uri(self, value, base, expected):
        """URLs are resolved and percent-encoded into valid URIs, or refused."""
        assert absolute_uri(value, base) == expected

    @given(st.text(), st.none() | st.text())
    def test_absolute_uri_is_valid_or_none(self, value, base):
        """Whatever the input, the result is None or a URI the RFC 3986 checker accepts."""
        result = absolute_uri(value, base)
        assert result is None or FORMATS.conforms(result, "uri")

    def test_long_adversarial_uri(self):
        """Long runs of awkward characters are handled (linear patterns, no blow-up)."""
        for size in (10_000, 100_000):
            assert absolute_uri("a:" + "%" * size) == "a:" + "%25" * size
            assert absolute_uri("http://" + "@:" * size) is None


class TestProperties:
    @settings(max_examples=100)
    @given(articles())
    def test_any_article_exports(self, article):
        """Every valid article exports to JSON-ready ninjs with an absolute uri."""
        item = to_ninjs(article)
        assert json.loads(json.dumps(item)) == item
        assert FORMATS.conforms(item["uri"], "uri")
        assert item["bodies"][0]["value"] == article.text

    @pytest.mark.skipif(
        not OFFICIAL_SCHEMA.exists(), reason="the official ninjs schema is not available here"
    )
    @settings(max_examples=100)
    @given(articles())
    def test_valid_against_official_schema(self, article):
        """Every export validates against IPTC's ninjs 3.1 schema, formats included."""
        schema = json.loads(OFFICIAL_SCHEMA.read_text("utf-8"))
        jsonschema.Draft202012Validator(schema, format_checker=FORMATS).validate(to_ninjs(article))

    def test_rejects_non_articles(self):
        """Anything but an Article is a SerializationError."""
        with pytest.raises(SerializationError, match="expected an Article"):
            to_ninjs({"text": ""})

    def test_exported_from_package(self):
        """to_ninjs is part of the public API."""
        assert newsmodel.to_ninjs is to_ninjs
        assert newsmodel.serialize.to_ninjs is to_ninjs

    def test_sample(self):
        """The model tests' sample article maps its speaker to a person."""
        assert to_ninjs(sample())["people"] == [{"name": "Jane Roe", "rel": "mentions"}]

    def test_word_count_linear_input(self):
        """Word counts work on large input."""
        assert word_count("word " * 200_000) == 200_000
