"""Hostile and article-like inputs for the fuzz and adversarial tests, and the checks they share.

Everything here is synthetic: invented names, places and sentences. Strategies build plain
text, HTML element trees (with attributes, scripts, styles, comments, CDATA, entities and
broken nesting), JSON values, and mutations of valid inputs. :func:`check_article` verifies an
article independently of the model's own validation: offsets, order, speakers, JSON round trip.
"""

from __future__ import annotations

import html as html_lib
import importlib
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from hypothesis import strategies as st

from newsmodel import Article, InputError, from_json, to_json


def placeholder(module: str) -> bool:
    """Whether ``module`` is still a foundation placeholder (the first line of its docstring says so)."""
    doc = importlib.import_module(module).__doc__ or ""
    return "Placeholder" in doc.split("\n", 1)[0]


def needs_real(module: str, what: str) -> pytest.MarkDecorator:
    """Skip while ``module`` is a placeholder: the test checks ``what`` of the real implementation."""
    return pytest.mark.skipif(placeholder(module), reason=f"{module} is still a placeholder; tests {what}")


REAL_HTML = needs_real("newsmodel.html.extract", "decoding, safe parsing, limits and extraction")
REAL_LAYOUT = needs_real("newsmodel.text.layout", "text scrubbing and layout")

MARKER = "QZXHIDDENQZX"
"""A token put only where no article text may come from (scripts, styles, comments)."""

# --------------------------------------------------------------------------------------------
# Checks


def check_article(article: Article, *, parsed: bool = True, round_trip: bool = True) -> None:
    """Assert every offset of ``article`` points at its text and (``round_trip``) JSON keeps it exact.

    ``parsed`` articles (made by a parser, not loaded) also list no entity without a mention,
    and each of their sentences lies inside a paragraph.
    """
    assert isinstance(article, Article)
    text = article.text
    _check_ordered(text, article.paragraphs, "paragraph")
    _check_ordered(text, article.sentences, "sentence")
    if parsed:
        _check_sentences_in_paragraphs(article)
    ids = {e.id for e in article.entities}
    assert len(ids) == len(article.entities), "entity ids repeat"
    for entity in article.entities:
        assert entity.mentions or not parsed, f"entity {entity.id} has no mention"
        for item in (*entity.mentions, *entity.roles):
            assert 0 <= item.span.start <= item.span.end <= len(text)
            assert text[item.span.start : item.span.end] == item.text
    for quote in article.quotes:
        assert 0 <= quote.span.start < quote.span.end <= len(text)
        assert text[quote.span.start : quote.span.end] == quote.text
        attribution = quote.attribution
        if attribution is None:
            continue
        assert 0.0 <= attribution.confidence <= 1.0
        if attribution.speaker is not None:
            assert attribution.speaker.id in ids
            assert article.entity(attribution.speaker.id) == attribution.speaker
        for item in (attribution.mention, attribution.cue):
            if item is not None:
                assert text[item.span.start : item.span.end] == item.text
    if article.dateline is not None and article.dateline.span is not None:
        span = article.dateline.span
        assert text[span.start : span.end] == article.dateline.text
    for defect in article.defects:
        assert defect.code
        assert defect.message
        if defect.span is not None:
            assert 0 <= defect.span.start <= defect.span.end <= len(text)
    if round_trip:
        assert from_json(to_json(article)) == article


def _check_ordered(text: str, spans: tuple[Any, ...], what: str) -> None:
    end = 0
    for span in spans:
        assert end <= span.start < span.end <= len(text), f"{what} {span} out of order or range"
        end = span.end


def _check_sentences_in_paragraphs(article: Article) -> None:
    """Each sentence lies inside one paragraph (a linear two-pointer walk)."""
    paragraphs = article.paragraphs
    i = 0
    for sentence in article.sentences:
        while i < len(paragraphs) and paragraphs[i].end < sentence.end:
            i += 1
        assert i < len(paragraphs), f"sentence {sentence} lies past the last paragraph"
        assert paragraphs[i].start <= sentence.start, f"sentence {sentence} crosses into {paragraphs[i]}"


def parse_or_input_error(parse: Callable[..., Article], *args: Any, **options: Any) -> Article | None:
    """The parsed article, checked; or ``None`` if the parser refused it with an InputError."""
    try:
        article = parse(*args, **options)
    except InputError as exc:
        message = str(exc)
    else:
        check_article(article)
        return article
    assert message, "an InputError without a message"
    return None


SURROGATE = re.compile("[\ud800-\udfff]")
EXPLAINED = ("boilerplate", "metadata-line")
"""Defect codes under which ``explain=True`` records what left the body (with the rule first)."""


def accounted(piece: str, article: Article) -> bool:
    """Whether ``piece`` of the input shows up in the article or in a defect explaining it.

    It is accounted for when it is in the body, holds a metadata value (title, subtitle,
    author, dateline, image caption, credit or alt text), or an explain defect
    (``"RULE: excerpt"``) quotes it: the whole piece, or the start the excerpt kept when it
    was cut short.
    """
    wanted = visible(SURROGATE.sub("\ufffd", piece))
    if wanted in visible(article.text):
        return True
    found = [article.title, article.subtitle, article.dateline.text if article.dateline else None]
    found += [a.name for a in article.authors]
    found += [v for i in article.images for v in (i.caption, i.credit, i.alt)]
    for value in found:
        if value and visible(value) and visible(value) in wanted:
            return True
    for defect in article.defects:
        rule, _, excerpt = defect.message.partition(": ")
        if defect.code not in EXPLAINED or not rule:
            continue
        cut = excerpt.endswith(("\u2026", "..."))
        shown = visible(excerpt.removesuffix("\u2026").removesuffix("...")) if cut else visible(excerpt)
        if shown and (shown in wanted if cut else (shown in wanted or wanted in shown)):
            return True
    return False


def squash(text: str) -> str:
    """``text`` with every run of whitespace made one space, stripped."""
    return " ".join(text.split())


def visible(text: str) -> str:
    """``text`` without invisible format and control characters, whitespace squashed.

    Layout may strip zero-width characters (ZWJ, ZWNJ, BOM) at line edges with the
    whitespace; comparisons of lines against article text use this form.
    """
    return squash("".join(" " if unicodedata.category(c) in INVISIBLE else c for c in text))


INVISIBLE = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


# --------------------------------------------------------------------------------------------
# Synthetic article material (invented names and sentences)

FIRST = ["Jane", "Omar", "Li", "Priya", "Carlos", "Ana", "Tomasz", "Aiyana", "Kwame", "Sofia"]
LAST = ["Roe", "Haddad", "Wei", "Nair", "Ortega", "Silva", "Nowak", "Begay", "Mensah", "Lind"]
ORGS = ["the Ministry of Water", "Harbor Authority", "Northwind Council", "Orla Group", "the Tidewater Union"]
PLACES = ["Port Elda", "Vesterby", "Karsk", "New Amberly", "Lake Sorrel"]
CUES = ["said", "told reporters", "added", "warned", "argued", "wrote", "insisted"]
ROLES = ["the minister", "a spokeswoman", "Dr.", "the mayor", "chief executive", "an analyst"]
CLAUSES = [
    "the bridge will reopen in spring",
    "costs rose by 12 percent last year",
    "nobody expected the vote to pass",
    "we have done everything we could",
    "the water level is falling again",
    "talks will continue on Monday",
    "this is not the end of the story",
]
OPEN_CLOSE = [('"', '"'), ("\u201c", "\u201d"), ("\u2018", "\u2019"), ("\u00ab", "\u00bb"), ("'", "'")]
TRICKY = [
    "caf\u0065\u0301",
    "\U0001f600",
    "\U0001f1e8\U0001f1e6",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u0645\u0631\u062d\u0628\u0627",
    "\u200d",
    "\u00a0",
    "na\u00efve",
    "\u4e2d\u6587",
    "\u0915\u094d\u0937",
    "x\u0308\u0301",
    "\u2026",
    "\u2014",
]
CHROME = [
    "Advertisement",
    "Share this article",
    "Share on Facebook",
    "Sign up for our newsletter",
    "Read more:",
    "Click here to subscribe",
    "Skip to main content",
    "Follow us on Twitter",
    "Related articles",
    "Copyright 2026 The Example Times. All rights reserved.",
]
LINE_BREAKS = ["\n", "\r\n", "\r", "\u2028", "\x0b", "\x0c", "\x85", "\u2029", "\x1c"]


class Dice:
    """Choices read from a byte string: a fast, shrinkable source for the builders below.

    Hypothesis draws one ``bytes`` value (cheap to generate, and shrinking it shrinks the
    structure built from it); past its end every choice is the first, simplest option.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.position = 0

    def left(self) -> bool:
        """Whether any bytes remain."""
        return self.position < len(self.data)

    def below(self, n: int) -> int:
        """A number in ``range(n)`` (one byte, two when ``n`` > 256)."""
        value = 0
        for _ in range(1 if n <= 256 else 2):
            if self.position < len(self.data):
                value = value * 256 + self.data[self.position]
                self.position += 1
        return value % n

    def pick(self, options: Sequence[str]) -> str:
        """One of ``options``."""
        return options[self.below(len(options))]

    def chance(self, one_in: int) -> bool:
        """True about once in ``one_in`` times."""
        return self.below(one_in) == 0

    def character(self) -> str:
        """A code point from a mix of ranges: ASCII, Latin, any plane, controls, specials."""
        kind = self.below(8)
        if kind <= 2:
            return chr(32 + self.below(95))
        if kind == 3:
            return chr(0xA0 + self.below(0x1B0))
        if kind == 4:
            return chr(self.below(0x10000))
        if kind == 5:
            return chr(0x10000 + self.below(0x10000) + 0x10000 * self.below(16))
        if kind == 6:
            return chr(self.pick_number([*range(32), *range(0x7F, 0xA0)]))
        return self.pick(SPECIAL_CHARACTERS)

    def pick_number(self, options: Sequence[int]) -> int:
        """One of ``options``."""
        return options[self.below(len(options))]

    def chars(self, most: int) -> str:
        """Up to ``most`` characters from :meth:`character`."""
        return "".join(self.character() for _ in range(self.below(most + 1)))


SPECIAL_CHARACTERS = [
    "\ud800", "\udfff", "\ufeff", "\ufffd", "\ufffe", "\uffff", "\u200b", "\u200d", "\u202e",
    "\u2066", "\u2028", "\u2029", "\x85", "\u0301", "\u3000", "\U000e0001", "\U0010ffff",
]  # fmt: skip


def person(dice: Dice) -> str:
    """An invented person's name."""
    return f"{dice.pick(FIRST)} {dice.pick(LAST)}"


def sentence(dice: Dice) -> str:
    """One news sentence: plain, quoted with a cue, or with an unbalanced quotation mark."""
    clause = dice.pick(CLAUSES)
    who = person(dice) if dice.chance(2) else dice.pick(ORGS)
    cue = dice.pick(CUES)
    opener, closer = OPEN_CLOSE[dice.below(len(OPEN_CLOSE))]
    extra = dice.pick(TRICKY) if dice.chance(3) else ""
    form = dice.below(6)
    if form == 0:
        return f"{who} {cue} that {clause} in {dice.pick(PLACES)}{extra}."
    if form == 1:
        return f"{opener}{clause.capitalize()}{extra},{closer} {who} {cue}."
    if form == 2:
        return f"{who}, {dice.pick(ROLES)}, {cue}: {opener}{clause.capitalize()}.{closer}"
    if form == 3:  # an opening mark never closed
        return f"{opener}{clause.capitalize()}{extra}, {who} {cue}."
    if form == 4:  # a closing mark never opened
        return f"{clause.capitalize()}{extra}{closer} {who} {cue}."
    return f"{clause.capitalize()}{extra}."


def paragraph(dice: Dice) -> str:
    """A paragraph of one to four sentences."""
    return " ".join(sentence(dice) for _ in range(1 + dice.below(4)))


def news_text(dice: Dice) -> str:
    """Article-like plain text: header lines, chrome, captions, datelines and body paragraphs."""
    lines: list[str] = []
    if dice.chance(2):
        lines.append(f"{dice.pick(PLACES)} {dice.pick(['votes', 'waits', 'rebuilds'])}")
    if dice.chance(2):
        lines.append(f"By {person(dice)}")
    if dice.chance(2):
        lines.append(dice.pick(["March 3, 2026", "Updated 4 May 2026 10:15 GMT", "2026-01-09"]))
    body = [paragraph(dice) for _ in range(1 + dice.below(5))]
    if dice.chance(2):
        body[0] = f"{dice.pick(PLACES).upper()} (Wire Agency) - {body[0]}"
    for text in body:
        if dice.chance(5):
            lines.append(dice.pick(CHROME))
        if dice.chance(7):
            lines.append(f"A crowd gathers in {dice.pick(PLACES)}. Photo: {person(dice)}/Wire Agency")
        lines.append(text)
    return dice.pick(["\n\n", "\n", "\r\n\r\n", "\n \n", "\n\n\n"]).join(lines)


def hostile_text(dice: Dice) -> str:
    """Any characters, lone surrogates and controls included, mixed with news pieces."""
    pieces = []
    while dice.left() and len(pieces) < 60:
        kind = dice.below(10)
        if kind <= 2:
            pieces.append(dice.chars(8))
        elif kind == 3:
            pieces.append(dice.pick(LINE_BREAKS))
        elif kind == 4:
            pieces.append(dice.pick([mark for pair in OPEN_CLOSE for mark in pair]))
        elif kind == 5:
            pieces.append(dice.pick(TRICKY))
        elif kind == 6:
            pieces.append(dice.pick(CHROME))
        elif kind == 7:
            pieces.append(dice.pick(["\x00", "\t", " ", "-", "By ", "Photo: ", "(Wire Agency) -", "PARIS"]))
        elif kind == 8:
            pieces.append(sentence(dice))
        else:
            pieces.append(person(dice))
    return "".join(pieces)


def built(builder: Callable[[Dice], str], *, max_size: int = 400) -> st.SearchStrategy[str]:
    """Strings made by ``builder`` from one drawn byte string of up to ``max_size`` bytes."""
    return st.binary(max_size=max_size).map(lambda data: builder(Dice(data)))


def sentences() -> st.SearchStrategy[str]:
    """News sentences (see :func:`sentence`)."""
    return built(sentence, max_size=12)


def paragraphs() -> st.SearchStrategy[str]:
    """News paragraphs (see :func:`paragraph`)."""
    return built(paragraph, max_size=60)


def people() -> st.SearchStrategy[str]:
    """Invented names."""
    return built(person, max_size=2)


def news_texts() -> st.SearchStrategy[str]:
    """Article-like texts (see :func:`news_text`)."""
    return built(news_text, max_size=160)


def hostile_texts() -> st.SearchStrategy[str]:
    """Hostile texts (see :func:`hostile_text`)."""
    return built(hostile_text)


# --------------------------------------------------------------------------------------------
# HTML

BLOCK_TAGS = ["div", "p", "section", "article", "main", "header", "footer", "nav", "aside", "figure"]
INLINE_TAGS = ["span", "a", "b", "i", "em", "strong", "small", "sup", "abbr", "time", "q", "cite"]
OTHER_TAGS = [
    "h1", "h2", "h3", "ul", "ol", "li", "table", "tr", "td", "th", "blockquote", "pre", "code",
    "figcaption", "form", "select", "option", "button", "svg", "math", "font", "center",
    "noscript", "template", "iframe", "object", "x-widget", "o:p", "fb:like",
]  # fmt: skip
TAGS = [*BLOCK_TAGS, *BLOCK_TAGS, *INLINE_TAGS, *OTHER_TAGS]
VOID_TAGS = ["br", "hr", "img", "meta", "link", "input", "wbr", "source", "embed"]
HINTS = [
    "article", "content", "story-body", "main", "post", "comment", "comments", "share", "social",
    "ad", "ads", "advert", "sponsored", "nav", "menu", "footer", "sidebar", "related", "byline",
    "author", "caption", "credit", "headline", "dateline", "promo", "newsletter", "hidden",
]  # fmt: skip
ENTITIES = [
    "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;", "&#0;", "&#x0;", "&#xD800;", "&#x110000;",
    "&#99999999999;", "&#x1F600;", "&ldquo;", "&rdquo;", "&mdash;", "&bogus;", "&amp", "&#", "&#x;",
    "&lt", "&eacute;", "&#8220;", "&#65533;", "&#x85;", "&#128;",
]  # fmt: skip
ATTRIBUTE_VALUES = [
    "", " ", "javascript:alert(1)", "file:///etc/passwd", "http://127.0.0.1:9/x", "//example.invalid/a",
    "../../x.jpg", "data:text/html,<p>x</p>", "http://[::1", "\x00", "\u202e\u05d0", "2026-99-99",
    "9" * 40, "en", "xx-Latn-QQ", "utf-8", "x-unknown-charset", "text/html; charset=koi8-r",
    "application/ld+json", "article:published_time", "og:title", "author", "display:none",
    "visibility: hidden", "&quot;&#34;", "'\"", "\u201cquoted\u201d", "Jane Roe", "2026-03-01T09:30:00Z",
]  # fmt: skip
ATTRIBUTE_NAMES = [
    "class", "id", "style", "href", "src", "alt", "lang", "dir", "charset", "content", "name",
    "property", "itemprop", "itemtype", "itemscope", "datetime", "rel", "type", "hidden",
    "aria-hidden", "data-x", "srcset", "xml:lang", "xmlns", "xmlns:og", "on\u00e9vent", "a b",
]  # fmt: skip
HIDDEN = [
    f"<script>var {MARKER} = '<p>{MARKER}</p>'; if (a < b && c > d) {{}}</script>",
    f'<script type="text/javascript">document.write("<div>{MARKER}</div>")</script>',
    f"<style>.{MARKER} {{ color: red }} p::after {{ content: '{MARKER}' }}</style>",
    f"<!-- {MARKER} <p>{MARKER}</p> -->",
    f"<!--{MARKER}-- -->",
    f'<script type="application/ld+json">{{"headline": "{MARKER}", "x": [1, {{"y": null}}]}}</script>',
    f"<script><!-- {MARKER} --></script>",
]
"""Markup whose content is never article text; each carries :data:`MARKER`."""
ODD = [
    "<![CDATA[ cdata <p>text</p> ]]>", "<?php echo 1; ?>", "<!DOCTYPE html>", "<br/>", "</p>", "</div>",
    "</b>", "<p>", "<li>", "<td>", "<b><i>misnested</b></i>", "&", "<", ">", "<3", "<!---->", "<!-->",
    "</>", "<p/>", "<>", "<a<b>", "<html>", "<body>", "</body>", "</html>", "<head>",
]  # fmt: skip
MAX_DEPTH = 80


def _attributes(dice: Dice) -> str:
    out = []
    for _ in range(dice.below(4)):
        name = dice.pick(ATTRIBUTE_NAMES)
        kind = dice.below(3)
        value = dice.pick(ATTRIBUTE_VALUES) if kind == 0 else dice.pick(HINTS) if kind == 1 else dice.chars(6)
        quote = dice.below(3)
        if quote == 2 and re.fullmatch(r"[A-Za-z0-9_.:/-]+", value):
            out.append(f" {name}={value}")
        elif quote == 1:
            out.append(f" {name}='{html_lib.escape(value)}'")
        else:
            out.append(f' {name}="{html_lib.escape(value)}"')
    return "".join(out)


def html_fragment(dice: Dice) -> str:
    """Random body markup: nested elements, text, entities, hidden content and broken nesting."""
    out: list[str] = []
    stack: list[str] = []
    while dice.left():
        op = dice.below(12)
        if op <= 2 and len(stack) < MAX_DEPTH:
            tag = dice.pick(TAGS)
            out.append(f"<{tag}{_attributes(dice)}>")
            stack.append(tag)
        elif op <= 4 and stack:
            tag = stack.pop()
            ending = dice.below(8)
            out.append("" if ending == 6 else "</span>" if ending == 7 else f"</{tag}>")
        elif op <= 6:
            out.append(sentence(dice))
        elif op == 7:
            out.append(html_lib.escape(dice.chars(8), quote=False))
        elif op == 8:
            out.append(dice.pick(ENTITIES))
        elif op == 9:
            out.append(dice.pick(HIDDEN))
        elif op == 10:
            out.append(f"<{dice.pick(VOID_TAGS)}{_attributes(dice)}>")
        else:
            out.append(dice.pick(ODD))
    out.extend(f"</{tag}>" for tag in reversed(stack))
    return "".join(out)


def html_document(dice: Dice) -> str:
    """A random page: optional doctype and head (title, meta, JSON-LD) around a random body."""
    head = []
    if dice.chance(2):
        head.append(f"<title>{html_lib.escape(dice.pick(CLAUSES))}</title>")
    for _ in range(dice.below(4)):
        name = dice.pick(["description", "author", "og:title", "article:published_time", "keywords"])
        value = dice.pick(ATTRIBUTE_VALUES) if dice.chance(2) else person(dice)
        head.append(f'<meta property="{name}" name="{name}" content="{html_lib.escape(value)}">')
    if dice.chance(2):
        head.append(f'<script type="application/ld+json">{jsonld_text(dice)}</script>')
    doctype = dice.pick(["", "<!DOCTYPE html>", '<?xml version="1.0"?>\n<!DOCTYPE html>'])
    shape = dice.below(3)
    body = html_fragment(dice)
    if shape == 0:
        return f"{doctype}<html><head>{''.join(head)}</head><body>{body}</body></html>"
    if shape == 1:
        return f"{doctype}{''.join(head)}{body}"
    return body


def html_fragments() -> st.SearchStrategy[str]:
    """Random body markup (see :func:`html_fragment`)."""
    return built(html_fragment, max_size=400)


def html_documents() -> st.SearchStrategy[str]:
    """Random pages (see :func:`html_document`)."""
    return built(html_document, max_size=400)


def json_values(*, max_leaves: int = 20) -> st.SearchStrategy[Any]:
    """Any JSON value (finite numbers, nesting up to a few levels)."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=12),
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=max_leaves,
    )


JSONLD_KEYS = [
    "@context", "@type", "@graph", "@id", "headline", "name", "description", "author", "creator",
    "datePublished", "dateModified", "publisher", "image", "url", "inLanguage", "articleSection",
    "keywords", "articleBody", "mainEntityOfPage", "logo", "caption", "contentUrl",
]  # fmt: skip


def json_value(dice: Dice, depth: int = 0) -> Any:
    """A JSON value of any type, nested at most four levels."""
    kind = dice.below(9 if depth < 4 else 6)
    if kind == 0:
        return None
    if kind == 1:
        return dice.chance(2)
    if kind == 2:
        return dice.pick_number([0, -1, 1, 2**53 + 1, -(2**63), 10**30, 7])
    if kind == 3:
        return (
            dice.pick_number([0, 1, 2]) / dice.pick_number([1, 3, 7]) * 10 ** dice.pick_number([-300, 0, 300])
        )
    if kind == 4:
        return dice.chars(8)
    if kind == 5:
        return dice.pick([*JSONLD_STRINGS, *ATTRIBUTE_VALUES])
    if kind == 6:
        return [json_value(dice, depth + 1) for _ in range(dice.below(4))]
    return {dice.pick(JSONLD_KEYS): json_value(dice, depth + 1) for _ in range(dice.below(5))}


JSONLD_STRINGS = [
    "NewsArticle",
    "Person",
    "Organization",
    "ImageObject",
    "2026-03-01T09:30:00Z",
    "2026-13-45",
    "9" * 30,
]


def jsonld_text(dice: Dice) -> str:
    """The text of a JSON-LD script: valid or broken, with schema.org keys of any value type."""
    value = (
        json_value(dice, 1)
        if dice.chance(4)
        else {k: json_value(dice, 1) for k in JSONLD_KEYS if dice.chance(3)}
    )
    if dice.chance(3):
        value = {"@context": "https://schema.org", "@graph": [value, value]}
    text = json.dumps(value)
    broken = dice.below(6)
    if broken == 0:
        text = text[: dice.below(len(text) + 1)]
    elif broken == 1:
        text = text.replace("null", "NaN", 1)
    return text.replace("</", "<\\/")


def jsonld_texts() -> st.SearchStrategy[str]:
    """JSON-LD script texts (see :func:`jsonld_text`)."""
    return built(jsonld_text, max_size=120)


# --------------------------------------------------------------------------------------------
# Mutations


@st.composite
def mutated(draw: st.DrawFn, original: str, *, insertions: list[str] | None = None) -> str:
    """``original`` after one to four random edits (delete, duplicate, insert, swap, truncate)."""
    text = original
    extra = insertions or ["<", ">", "</", "<!--", "-->", '"', "'", "&", "\x00", "<p>", "</div>", "\ud800"]
    for _ in range(draw(st.integers(1, 4))):
        size = len(text)
        i = draw(st.integers(0, size))
        j = draw(st.integers(i, min(size, i + 64)))
        op = draw(st.integers(0, 4))
        if op == 0:
            text = text[:i] + text[j:]
        elif op == 1:
            text = text[:j] + text[i:j] + text[j:]
        elif op == 2:
            text = text[:i] + draw(st.one_of(st.sampled_from(extra), st.text(max_size=6))) + text[i:]
        elif op == 3:
            text = text[:i]
        else:
            k = draw(st.integers(0, size))
            text = text[:i] + text[k : k + (j - i)] + text[j:]
    return text


# --------------------------------------------------------------------------------------------
# News pages whose visible blocks are known


NAV_WORDS = ["Home", "World", "Business", "Sport", "Opinion", "Climate", "Video", "Podcasts"]
CONTAINERS = [
    ("<article>", "</article>"),
    ("<main><div class='story-body'>", "</div></main>"),
    ("<div id='content'>", "</div>"),
]
RELATED = [f"Related story about {p}" for p in PLACES] + [f"Opinion: {c}" for c in CLAUSES[:3]]


def news_page(dice: Dice) -> tuple[str, list[str]]:
    """A news page built from known blocks, and the visible text of each block in page order.

    Around the article: a navigation bar, a sidebar of related links, a footer. Inside it: a
    headline, a byline, a date, paragraphs (some with links and emphasis), block quotes,
    lists, share and advertisement boxes, chrome lines and figures with captions. Scripts,
    styles and comments carry :data:`MARKER` and are not blocks.
    """
    blocks: list[str] = []
    out: list[str] = []

    def block(tag: str, text: str, attributes: str = "") -> None:
        blocks.append(text)
        out.append(f"<{tag}{attributes}>{html_lib.escape(text, quote=False)}</{tag}>")

    head = (
        f"<title>{html_lib.escape(dice.pick(CLAUSES))} | The Example Times</title>" if dice.chance(2) else ""
    )
    out.append(f"<!DOCTYPE html><html><head>{head}</head><body>")
    if dice.chance(2):
        links = [dice.pick(NAV_WORDS) for _ in range(2 + dice.below(4))]
        blocks.extend(links)
        out.append("<header><nav>" + "".join(f"<a href='/{w}'>{w}</a> " for w in links) + "</nav></header>")
    opener, closer = CONTAINERS[dice.below(len(CONTAINERS))]
    out.append(opener)
    if dice.chance(2):
        block("h1", f"{dice.pick(PLACES)} {dice.pick(['votes on the bridge', 'waits for rain', 'rebuilds'])}")
    if dice.chance(2):
        block("p", f"By {person(dice)}", " class='byline'")
    if dice.chance(3):
        block("time", dice.pick(["March 3, 2026", "Updated 4 May 2026 10:15 GMT"]), " datetime='2026-03-03'")
    for index in range(1 + dice.below(6)):
        kind = dice.below(12)
        if kind <= 5 or index == 0:
            text = paragraph(dice)
            if index == 0 and dice.chance(3):
                text = f"{dice.pick(PLACES).upper()} (Wire Agency) - {text}"
            blocks.append(text)
            words = html_lib.escape(text, quote=False).split(" ")
            if len(words) > 4 and dice.chance(3):  # inline markup inside the paragraph
                words[1] = f"<a href='/x'>{words[1]}</a>"
                words[3] = f"<b>{words[3]}</b>"
            out.append(f"<p>{' '.join(words)}</p>")
        elif kind == 6:
            block("blockquote", sentence(dice))
        elif kind == 7:
            items = [sentence(dice) for _ in range(1 + dice.below(3))]
            blocks.extend(items)
            out.append(
                "<ul>" + "".join(f"<li>{html_lib.escape(i, quote=False)}</li>" for i in items) + "</ul>"
            )
        elif kind == 8:
            block("div", dice.pick(CHROME), f" class='{dice.pick(['share', 'ad', 'newsletter', 'promo'])}'")
        elif kind == 9:
            block("p", dice.pick(CHROME))
        elif kind == 10:
            caption = f"A crowd gathers in {dice.pick(PLACES)}."
            blocks.append(caption)
            out.append(f"<figure><img src='/i{index}.jpg' alt=''><figcaption>{caption}</figcaption></figure>")
        else:
            out.append(dice.pick(HIDDEN))
    out.append(closer)
    if dice.chance(2):
        links = [dice.pick(RELATED) for _ in range(1 + dice.below(3))]
        blocks.extend(links)
        items = "".join(
            f"<li><a href='/r{i}'>{html_lib.escape(t, quote=False)}</a></li>" for i, t in enumerate(links)
        )
        out.append(f"<aside class='related'><h2>Related</h2><ul>{items}</ul></aside>")
        blocks.insert(len(blocks) - len(links), "Related")
    if dice.chance(2):
        block("footer", "Copyright 2026 The Example Times. All rights reserved.")
    out.append("</body></html>")
    return "".join(out), blocks


def news_pages() -> st.SearchStrategy[tuple[str, list[str]]]:
    """News pages with their blocks (see :func:`news_page`)."""
    return st.binary(max_size=120).map(lambda data: news_page(Dice(data)))
