"""Author credits as pages write them, turned into clean :class:`~newsmodel.model.Author` lists.

A credit string (``"By Jane Doe and John Roe, Reuters"``, ``"Von Max Muster (dpa)"``,
``"Photos: Ana Lima | jane@example.com"``) goes through these steps, each table in
``authors.json``:

1. e-mail addresses, ``@handles`` and URLs are removed; parentheses become separators;
2. the text is cut into segments at ``; | / •`` and spaced dashes, and each segment loses its
   introducing words ("By", "Von", "Text:"); a role prefix ("Photos:", "Additional reporting
   by") sets the role of the names in it;
3. segments are split into parts at commas, ``&``, ``+`` and the word "and" in several
   languages; "Jane Doe for The Example Times" keeps the outlet as the affiliation;
4. each part is classified: a news agency, a generic credit ("Staff", "Redaktion"), the site
   itself (its name or host), a person's name (letters, 1-6 words, no job title), or noise.

:func:`authors_from` then keeps people; an agency or site named right after a person becomes
that person's affiliation. Agencies, generic and site credits survive only when no person is
credited, with the role :attr:`~newsmodel.model.AuthorRole.AGENCY`.
"""

from __future__ import annotations

import re
from functools import cache

import attrs

from newsmodel import data
from newsmodel.html.metadata._dates import month_number as _month
from newsmodel.html.metadata._text import clean
from newsmodel.model import Author, AuthorRole

__all__ = ["Credit", "authors_from", "credit_key", "credit_prefix", "parse_credits"]

MAX_AUTHORS = 30
"""Most authors kept from one credit; more is a list of something else."""

_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
_HANDLE = re.compile(r"(?<![\w@])@\w{1,50}")
_URL = re.compile(r"(?:https?:)?//\S{0,500}|www\.\S{0,500}", re.IGNORECASE)
_SEGMENT = re.compile(r"\s*(?:[;|/•·\n]|\s[-–—]\s|\(|\)|\[|\])\s*")
_PART = re.compile(r"\s*(?:,|&|\+|\s(?:[Aa]nd|AND|[Uu]nd|UND|et|ET|y|e|en|och|og|i|и|ve|ja|oraz|és)\s)\s*")
_NAME_CHARS = re.compile(r"[^\W\d_]|[\s.\-'’‐]")
_NOT_ALNUM = re.compile(r"[\W_]+")
"""What ``str.isalnum`` rejects: ``\\w`` is exactly the alphanumeric characters and ``_``."""
_TRAILING = " \t\r\n,:;.-–—"
"""Punctuation stripped from the end of a name."""


@attrs.frozen
class Credit:
    """One credited name as read from a page, before the final choice."""

    name: str
    kind: str
    """``"person"``, ``"agency"``, ``"generic"``, ``"site"`` (the site itself) or ``"organization"``."""
    role: AuthorRole = AuthorRole.AUTHOR
    affiliation: str | None = None
    url: str | None = None


def credit_key(text: str) -> str:
    """A comparison key: case-folded letters and digits only (``str.isalnum`` characters)."""
    return _NOT_ALNUM.sub("", text.casefold())


@attrs.frozen
class _Tables:
    prefix: re.Pattern[str]
    roles: tuple[tuple[re.Pattern[str], AuthorRole], ...]
    connector: re.Pattern[str]
    generic: frozenset[str]
    agencies: frozenset[str]
    job_titles: frozenset[str]
    particles: frozenset[str]
    prefix_words: frozenset[str]
    name_stops: frozenset[str]
    date_connectors: frozenset[str]
    organization_words: frozenset[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _tables() -> _Tables:
    table = data.read_json("authors.json")
    after = r"(?:\s*[:：\-–—]\s*|\s+)"
    roles = tuple(
        (re.compile(rf"^(?:{_alternation(table['role_prefixes'][name])}){after}", re.IGNORECASE), role)
        for name, role in (
            ("contributor", AuthorRole.CONTRIBUTOR),
            ("editor", AuthorRole.EDITOR),
            ("photographer", AuthorRole.PHOTOGRAPHER),
        )
    )
    return _Tables(
        prefix=re.compile(rf"^(?:{_alternation(table['prefixes'])}){after}", re.IGNORECASE),
        roles=roles,
        connector=re.compile(rf"\s(?:{_alternation(table['affiliation_connectors'])})\s", re.IGNORECASE),
        generic=frozenset(credit_key(w) for w in table["generic"]),
        agencies=frozenset(credit_key(w) for w in table["agencies"]),
        job_titles=frozenset(w.casefold() for w in table["job_titles"]),
        particles=frozenset(w.casefold() for w in table["particles"]),
        name_stops=frozenset(w.casefold() for w in table["name_stops"]),
        date_connectors=frozenset(w.casefold() for w in table["date_connectors"]),
        organization_words=frozenset(w.casefold() for w in table["organization_words"]),
        prefix_words=frozenset(
            credit_key(w)
            for w in [*table["prefixes"], *(p for ps in table["role_prefixes"].values() for p in ps)]
        ),
    )


def _strip_prefixes(text: str, role: AuthorRole) -> tuple[str, AuthorRole]:
    """``text`` without its introducing words, and the role a role prefix names."""
    tables = _tables()
    for _ in range(4):  # "Text and photos: By ..." has at most a few stacked prefixes
        before = text
        for pattern, prefix_role in tables.roles:
            found = pattern.match(text)
            if found is not None and found.end() < len(text):
                text, role = text[found.end() :], prefix_role
        found = tables.prefix.match(text)
        if found is not None and found.end() < len(text):
            text = text[found.end() :]
        if text == before:
            break
    return text, role


_MID_PREFIX = re.compile(r"\s(?:Von|VON|By|BY|Par|PAR|Por|POR|Door|DOOR)\s")
_DIGIT_TOKEN = re.compile(r"(?<![^\s,(|/])\d")
_DATE_TOKEN = re.compile(r"(?<![^\s,(|/])\d\S*")


def _cut_date(text: str) -> str:
    """``text`` without dates and times in it.

    What is kept is the first run of words between them, once connecting words are trimmed:
    ``"Jane Doe am 5. Mai 2024"`` → ``"Jane Doe"``, ``"05.05.2024 von Jane Doe"`` → ``"von Jane Doe"``.
    """
    if _DIGIT_TOKEN.search(text) is None:
        return text
    connectors = _tables().date_connectors
    for piece in _DATE_TOKEN.split(text):
        words = piece.split()
        while words and (words[-1].casefold().strip(".,") in connectors or _month(words[-1]) is not None):
            words.pop()
        while words and (_month(words[0]) is not None or not any(c.isalpha() for c in words[0])):
            words.pop(0)
        if words:
            return " ".join(words)
    return ""


def _cut_stop(text: str) -> str:
    """``text`` up to a word that ends a byline name (``"Jane Doe Follow"`` → ``"Jane Doe"``)."""
    words = text.split()
    for index, word in enumerate(words):
        if index and word.casefold().strip(".,:") in _tables().name_stops:
            return " ".join(words[:index])
    return text


def credit_prefix(text: str) -> int:
    """The length of the words introducing a credit at the start of ``text`` ("By ", "Von "), or 0."""
    found = _tables().prefix.match(text)
    return found.end() if found is not None else 0


def _is_name(text: str, *, strict: bool) -> bool:
    """Whether ``text`` reads as a person's name (``strict``: capitalised, 2-5 words).

    Outside strict mode a single word may be a user name with digits ("reader42").
    """
    user_name = not strict and " " not in text and sum(c.isalpha() for c in text) >= 2
    allowed = len(_NAME_CHARS.findall(text)) + (sum(c.isdigit() for c in text) if user_name else 0)
    if not 2 <= len(text) <= 70 or allowed != len(text):
        return False
    tables = _tables()
    words = text.split()
    if not 1 <= len(words) <= (5 if strict else 6) or (strict and len(words) < 2):
        return False
    if len(words) == 1 and len(text) < (3 if strict else 2):
        return False
    for word in words:
        folded = word.casefold()
        if folded in tables.job_titles or not any(c.isalpha() for c in word):
            return False
        if (strict or len(words) > 1) and folded not in tables.particles and not word[0].isupper():
            return False  # "Jane Doe", "Ana de la Cruz"; not "deinen Lesern"
    return True


def _kind(name: str, site_keys: frozenset[str], *, strict: bool) -> str | None:
    key = credit_key(name)
    tables = _tables()
    if not key or key in tables.prefix_words:
        return None
    if key in tables.agencies:
        return "agency"
    if key in tables.generic:
        return "generic"
    if key in site_keys:
        return "site"
    if any(word.casefold().strip(",") in tables.organization_words for word in name.split()):
        return "organization"
    return "person" if _is_name(name, strict=strict) else None


def parse_credits(
    raw: object,
    *,
    site_keys: frozenset[str] = frozenset(),
    strict: bool = False,
    url: str | None = None,
    organization: bool = False,
) -> list[Credit]:
    """The credits in one author string, in order; noise is dropped.

    ``site_keys`` are :func:`credit_key` values of the site's own names. ``strict`` asks more of
    a person's name (for bylines found in page text rather than in metadata). ``organization``
    marks a credit known to name an organisation, never a person.
    """
    text = clean(raw, limit=600)
    if text is None:
        return []
    text = _cut_date(_URL.sub(" ", _HANDLE.sub(" ", _EMAIL.sub(" ", text))))
    if strict:  # "Disko Von Ernst Lohoff": a capitalised "Von"/"By" inside starts the credit
        found = _MID_PREFIX.search(text)
        if found is not None:
            text = text[found.start() :]
    credited: list[Credit] = []
    for segment in _SEGMENT.split(text):
        segment_text, role = _strip_prefixes(segment.strip(), AuthorRole.AUTHOR)
        for piece in _PART.split(segment_text):
            part, part_role = _strip_prefixes(piece.strip(), role)
            affiliation = None
            connector = _tables().connector.search(part)
            if connector is not None:
                affiliation = clean(part[connector.end() :].rstrip(_TRAILING))
                part = part[: connector.start()]
            part = _cut_stop(part)
            part = part.rstrip(_TRAILING) if not part.endswith((" Jr.", " Sr.")) else part
            name = clean(part)
            if name is None:
                continue
            kind = _kind(name, site_keys, strict=strict)
            if kind is None:
                if strict and any(c.kind == "person" for c in credited):
                    return credited  # page text after a byline's names is something else
                continue
            if organization and kind == "person":
                kind = "organization"
            if (
                kind != "person"
                and credited
                and credited[-1].kind == "person"
                and credited[-1].affiliation is None
            ):
                credited[-1] = attrs.evolve(credited[-1], affiliation=name)
                continue
            credited.append(Credit(name, kind, part_role, affiliation, url))
            if len(credited) >= MAX_AUTHORS:
                return credited
    return credited


def authors_from(credited: list[Credit]) -> list[Author]:
    """The authors to report: the people credited, else the agencies or site credited."""
    people = [c for c in credited if c.kind == "person"]
    chosen = people or [c for c in credited if c.kind == "agency"] or credited
    authors: list[Author] = []
    seen: set[str] = set()
    for credit in chosen:
        key = credit_key(credit.name)
        if key in seen:
            continue
        seen.add(key)
        role = credit.role if credit.kind == "person" else AuthorRole.AGENCY
        authors.append(Author(name=credit.name, role=role, affiliation=credit.affiliation, url=credit.url))
    return authors
