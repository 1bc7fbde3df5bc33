"""Tests for the schema.org NewsArticle JSON-LD export."""

import json
from datetime import datetime, timezone

import pytest
from hypothesis import given, settings

import newsmodel
from newsmodel import (
    Article,
    Attribution,
    Author,
    AuthorRole,
    Dateline,
    Entity,
    EntityKind,
    Excerpt,
    Image,
    Mention,
    Quote,
    SerializationError,
    Span,
    to_jsonld,
)
from newsmodel.testing import articles

TEXT = 'Kari Berg said: "We sail at dawn." The Harbour Board said: "Not yet." A voice said: "Maybe."'


def span_of(needle: str) -> Span:
    i = TEXT.index(needle)
    return Span(start=i, end=i + len(needle))


def entity(entity_id: str, name: str, kind: EntityKind, **fields) -> Entity:
    return Entity(
        id=entity_id, name=name, kind=kind, mentions=[Mention(span=span_of(name), text=name)], **fields
    )


BERG = entity(
    "e1", "Kari Berg", EntityKind.PERSON, aliases=["Berg"], roles=[Excerpt(span=span_of("Kari"), text="Kari")]
)
BOARD = entity("e2", "Harbour Board", EntityKind.ORGANIZATION)


def quote(quote_id: str, words: str, speaker: Entity | None) -> Quote:
    attribution = None if speaker is None else Attribution(speaker=speaker, rule="test")
    return Quote(id=quote_id, span=span_of(words), text=words, attribution=attribution)


def rich(**changes) -> Article:
    fields = {
        "text": TEXT,
        "title": "Boats wait",
        "subtitle": "The board says not yet",
        "authors": [
            Author(name="Ann Lee", affiliation="Example Times", url="https://news.example/ann"),
            Author(name="Wire", role=AuthorRole.AGENCY),
            Author(name="Bo Park", role=AuthorRole.CONTRIBUTOR),
            Author(name="Cy Dunn", role=AuthorRole.PHOTOGRAPHER),
            Author(name="Di Ray", role=AuthorRole.EDITOR),
        ],
        "published": datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc),
        "modified": datetime(2026, 3, 2, 9, 0),
        "dateline": Dateline(text="OSLO (Wire) —", place="OSLO", agency="Wire"),
        "language": "en",
        "url": "https://news.example/boats",
        "canonical_url": "https://news.example/c/boats",
        "publisher": "The Example Times",
        "section": "Local",
        "tags": ["ports"],
        "images": [
            Image(url="https://img.example/a.jpg", caption="Boats", credit="Cy Dunn", alt="Three boats")
        ],
        "entities": [BERG, BOARD],
        "quotes": [
            quote("q1", "We sail at dawn.", BERG),
            quote("q2", "Not yet.", BOARD),
            quote("q3", "Maybe.", None),
        ],
    }
    fields.update(changes)
    return Article(**fields)


class TestNewsArticle:
    def test_context_and_type(self):
        """The node is a schema.org NewsArticle with the body and word count."""
        node = to_jsonld(Article(text="Two words"))
        assert node["@context"] == "https://schema.org"
        assert node["@type"] == "NewsArticle"
        assert node["articleBody"] == "Two words"
        assert node["wordCount"] == 2
        assert "headline" not in node

    def test_metadata(self):
        """Headline, description, dates, language, addresses, section and keywords carry over."""
        node = to_jsonld(rich())
        assert node["headline"] == "Boats wait"
        assert node["description"] == "The board says not yet"
        assert node["datePublished"] == "2026-03-01T09:00:00+00:00"
        assert node["dateModified"] == "2026-03-02T09:00:00"
        assert node["inLanguage"] == "en"
        assert node["url"] == "https://news.example/boats"
        assert node["mainEntityOfPage"] == "https://news.example/c/boats"
        assert node["articleSection"] == "Local"
        assert node["keywords"] == ["ports"]

    def test_credits(self):
        """Authors are people with affiliation, agencies organisations; others by role."""
        node = to_jsonld(rich())
        assert node["author"] == [
            {
                "@type": "Person",
                "name": "Ann Lee",
                "url": "https://news.example/ann",
                "affiliation": {"@type": "Organization", "name": "Example Times"},
            },
            {"@type": "Organization", "name": "Wire"},
        ]
        assert [c["name"] for c in node["contributor"]] == ["Bo Park", "Cy Dunn"]
        assert node["editor"] == [{"@type": "Person", "name": "Di Ray"}]
        assert node["publisher"] == {"@type": "Organization", "name": "The Example Times"}

    def test_dateline(self):
        """The dateline is kept as written and its place becomes locationCreated."""
        node = to_jsonld(rich())
        assert node["dateline"] == "OSLO (Wire) —"
        assert node["locationCreated"] == {"@type": "Place", "name": "OSLO"}

    def test_images(self):
        """Images are ImageObjects with caption, creditText and the alt text as description."""
        assert to_jsonld(rich())["image"] == [
            {
                "@type": "ImageObject",
                "contentUrl": "https://img.example/a.jpg",
                "url": "https://img.example/a.jpg",
                "caption": "Boats",
                "creditText": "Cy Dunn",
                "description": "Three boats",
            }
        ]

    @pytest.mark.parametrize(
        ("kind", "schema_type"),
        [
            (EntityKind.PERSON, "Person"),
            (EntityKind.ORGANIZATION, "Organization"),
            (EntityKind.LOCATION, "Place"),
            (EntityKind.EVENT, "Event"),
            (EntityKind.WORK, "CreativeWork"),
            (EntityKind.NATIONALITY, "Thing"),
            (EntityKind.OTHER, "Thing"),
        ],
    )
    def test_entity_types(self, kind, schema_type):
        """Each entity kind maps to its schema.org type under mentions."""
        node = to_jsonld(rich(entities=[entity("e1", "Kari Berg", kind)], quotes=[]))
        assert node["mentions"][0]["@type"] == schema_type

    def test_entity_names_and_roles(self):
        """Aliases become alternateName and a person's roles jobTitle."""
        mention = to_jsonld(rich())["mentions"][0]
        assert mention == {
            "@type": "Person",
            "@id": "_:e1",
            "name": "Kari Berg",
            "alternateName": ["Berg"],
            "jobTitle": ["Kari"],
        }


class TestQuotations:
    def test_quotes_with_speakers(self):
        """Quotes are Quotations spoken by a Person or an Organization."""
        first, second, third = to_jsonld(rich())["hasPart"]
        assert first == {
            "@type": "Quotation",
            "@id": "_:q1",
            "text": "We sail at dawn.",
            "spokenByCharacter": {"@type": "Person", "@id": "_:e1", "name": "Kari Berg"},
        }
        assert second["spokenByCharacter"]["@type"] == "Organization"
        assert "spokenByCharacter" not in third

    def test_non_person_speaker_is_an_organization(self):
        """A place or other entity that speaks is typed Organization, the only other allowed type."""
        place = entity("e1", "Harbour Board", EntityKind.LOCATION)
        node = to_jsonld(rich(entities=[place], quotes=[quote("q1", "Not yet.", place)]))
        assert node["hasPart"][0]["spokenByCharacter"]["@type"] == "Organization"

    @settings(max_examples=60)
    @given(articles())
    def test_speakers_are_mentioned_nodes(self, article):
        """Every speaker's @id is one of the mentioned entities' @ids, and output is JSON-ready."""
        node = to_jsonld(article)
        assert json.loads(json.dumps(node)) == node
        ids = {m["@id"] for m in node.get("mentions", [])}
        for quotation in node.get("hasPart", []):
            speaker = quotation.get("spokenByCharacter")
            assert speaker is None or speaker["@id"] in ids
        assert len(node.get("hasPart", [])) == len(article.quotes)

    def test_rejects_non_articles(self):
        """Anything but an Article is a SerializationError."""
        with pytest.raises(SerializationError, match="expected an Article"):
            to_jsonld(None)

    def test_exported_from_package(self):
        """to_jsonld is part of the public API."""
        assert newsmodel.to_jsonld is to_jsonld
