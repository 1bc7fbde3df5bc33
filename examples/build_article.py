"""Build an Article by hand: from your own annotations, a gold standard, or another tool's output.

    python examples/build_article.py

Every model class is frozen and checks itself when built: spans must lie inside the text,
every excerpt must equal the text at its span, a quote's speaker must be one of the article's
entities. A mistake raises :class:`newsmodel.ModelError` naming the field, at the line that
made it, rather than surfacing later in someone else's code. ``attrs.evolve`` makes changed
copies and checks them again.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import attrs

from newsmodel import (
    Article,
    Attribution,
    Author,
    Entity,
    EntityKind,
    Excerpt,
    Mention,
    MentionForm,
    ModelError,
    Quote,
    QuoteKind,
    Span,
    to_dict,
)

TEXT = (
    "The lighthouse on Skarv Point will be lit again this summer.\n\n"
    '"It guided my grandfather home," said Nora Vik, who restored the lamp. '
    "She said volunteers had given 4,000 hours to the work."
)


def span_of(words: str, *, after: int = 0) -> Span:
    """The span of the first occurrence of ``words`` in the text at or after ``after``."""
    start = TEXT.index(words, after)
    return Span(start=start, end=start + len(words))


def mention(words: str, form: MentionForm = MentionForm.NAME, *, after: int = 0) -> Mention:
    span = span_of(words, after=after)
    return Mention(span=span, text=span.of(TEXT), form=form)


def excerpt(words: str, *, after: int = 0) -> Excerpt:
    span = span_of(words, after=after)
    return Excerpt(span=span, text=span.of(TEXT))


def build() -> Article:
    vik = Entity(
        id="e1",
        name="Nora Vik",
        kind=EntityKind.PERSON,
        mentions=[mention("Nora Vik"), mention("She", MentionForm.PRONOUN)],
        roles=[excerpt("who restored the lamp")],
    )
    point = Entity(id="e2", name="Skarv Point", kind=EntityKind.LOCATION, mentions=[mention("Skarv Point")])
    direct_span = span_of("It guided my grandfather home,")
    reported_span = span_of("volunteers had given 4,000 hours to the work")
    quotes = [
        Quote(
            id="q1",
            span=direct_span,
            text=direct_span.of(TEXT),
            attribution=Attribution(
                speaker=vik, mention=vik.mentions[0], cue=excerpt("said"), rule="manual", confidence=1.0
            ),
        ),
        Quote(
            id="q2",
            span=reported_span,
            text=reported_span.of(TEXT),
            kind=QuoteKind.INDIRECT,
            attribution=Attribution(
                speaker=vik,
                mention=vik.mentions[1],
                cue=excerpt("said", after=TEXT.index("She")),
                confidence=0.9,
            ),
        ),
    ]
    return Article(
        text=TEXT,
        title="Skarv Point lighthouse to shine again",
        authors=[Author(name="Erik Sand")],
        published=datetime(2026, 5, 20, 9, 0, tzinfo=timezone.utc),
        paragraphs=[span_of(paragraph) for paragraph in TEXT.split("\n\n")],
        entities=[vik, point],
        quotes=quotes,
    )


def main() -> int:
    article = build()
    print(repr(article))
    for quote in article.quotes:
        print(f"{quote.id} ({quote.kind.value}) {quote.speaker.name if quote.speaker else '?'}: {quote.text}")
    print("q2 as JSON:", json.dumps(to_dict(article)["quotes"][1]["attribution"], ensure_ascii=False))

    # The model refuses inconsistent data, naming the field at fault.
    try:
        Quote(id="q3", span=Span(start=0, end=10), text="The lighthouse")
    except ModelError as error:
        print(f"refused: {error}")
    try:
        attrs.evolve(article, text=TEXT[:40])  # shorter text: the quotes now point past its end
    except ModelError as error:
        print(f"refused: {error}")

    tagged = attrs.evolve(article, tags=["lighthouses", "volunteering"])
    print(f"evolved copy has tags {tagged.tags}; the original still has {article.tags}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
