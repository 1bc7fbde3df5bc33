"""Small value types describing an article: authors, images, dateline, provenance, defects."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from newsmodel.exceptions import ModelError
from newsmodel.model import _checks
from newsmodel.model._span import Span

_optional_text = _checks.optional(_checks.text_value(empty=False))


class AuthorRole(enum.Enum):
    """What a credited person or organisation did for the article."""

    AUTHOR = "author"
    """Wrote the article."""
    CONTRIBUTOR = "contributor"
    """Contributed reporting (``"Additional reporting by ..."``)."""
    EDITOR = "editor"
    """Edited it."""
    PHOTOGRAPHER = "photographer"
    """Took its photographs."""
    AGENCY = "agency"
    """A news agency credited as the source (``"Reuters"``)."""


@attrs.frozen(kw_only=True)
class Author:
    """A credited author: a clean name (no "By", e-mail or handle) and what they did."""

    name: str = attrs.field(validator=_checks.text_value(empty=False))
    """The person's or organisation's name."""
    role: AuthorRole = attrs.field(default=AuthorRole.AUTHOR, validator=_checks.instance_of(AuthorRole))
    """What they did."""
    affiliation: str | None = attrs.field(default=None, validator=_optional_text)
    """Organisation they wrote for, when credited (``"Jane Doe, Reuters"``)."""
    url: str | None = attrs.field(default=None, validator=_optional_text)
    """Profile page, when the page links one."""


@attrs.frozen(kw_only=True)
class Image:
    """An image of the article with its caption and credit; at least one field is set."""

    url: str | None = attrs.field(default=None, validator=_optional_text)
    """Where the image is (absolute when the page URL is known)."""
    caption: str | None = attrs.field(default=None, validator=_optional_text)
    """Caption text, without the credit."""
    credit: str | None = attrs.field(default=None, validator=_optional_text)
    """Photographer and/or agency (``"Jane Doe/The Wire Agency"``)."""
    alt: str | None = attrs.field(default=None, validator=_optional_text)
    """The image's alternative text."""

    def __attrs_post_init__(self) -> None:
        if self.url is None and self.caption is None and self.credit is None and self.alt is None:
            raise ModelError("Image: at least one of url, caption, credit, alt must be set")


@attrs.frozen(kw_only=True)
class Dateline:
    """The place (and agency) an article was filed from: ``"PARIS (Reuters) -"``.

    ``span`` locates the dateline in :attr:`Article.text` when it stands there, else ``None``.
    """

    text: str = attrs.field(validator=_checks.text_value(empty=False))
    """The dateline as written, e.g. ``"PARIS (Reuters) —"``."""
    place: str | None = attrs.field(default=None, validator=_optional_text)
    """The place part, e.g. ``"PARIS"``."""
    agency: str | None = attrs.field(default=None, validator=_optional_text)
    """The agency part, e.g. ``"Reuters"``."""
    span: Span | None = attrs.field(default=None, validator=_checks.optional(_checks.instance_of(Span)))
    """Where ``text`` stands in the article body, when it does."""

    def __attrs_post_init__(self) -> None:
        if self.span is not None and len(self.span) != len(self.text):
            raise ModelError(f"Dateline.text: {len(self.text)} characters for a span of {len(self.span)}")


@attrs.frozen(kw_only=True)
class Provenance:
    """Where the value of one article field came from (``"json-ld"``, ``"meta:og:title"``, ...)."""

    field: str = attrs.field(validator=_checks.text_value(empty=False))
    """Name of an :class:`Article` field, e.g. ``"published"``."""
    source: str = attrs.field(validator=_checks.text_value(empty=False))
    """The source that supplied it, e.g. ``"json-ld:datePublished"`` or ``"text:byline"``."""


def _defect_code(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    _checks.identifier(instance, attribute, value)


@attrs.frozen(kw_only=True)
class Defect:
    """Something wrong with the input that the parser worked around instead of failing.

    Lenient parsing records defects (an encoding fallback, an unclosed quotation mark, a
    boilerplate block removed by a rule) rather than raising; see :class:`ParsePolicy`.
    """

    code: str = attrs.field(validator=_defect_code)
    """A stable, machine-readable code, e.g. ``"unclosed-quote"``."""
    message: str = attrs.field(validator=_checks.text_value(empty=False))
    """What happened, for people."""
    span: Span | None = attrs.field(default=None, validator=_checks.optional(_checks.instance_of(Span)))
    """Where in :attr:`Article.text` it happened, if it concerns the body."""
