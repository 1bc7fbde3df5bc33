"""Word lists and shape tests shared by the byline, caption and dateline rules."""

from __future__ import annotations

from functools import cache

from newsmodel.data import read_lines

CONNECTORS = frozenset(
    [
        "via",
        "for",
        "and",
        "of",
        "the",
        "de",
        "da",
        "di",
        "do",
        "dos",
        "du",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "bin",
        "al",
        "el",
        "y",
        "&",
        "on",
        "at",
    ]
)
"""Lower-case words allowed inside names and credits ("Jean de la Fontaine", "AFP via Getty")."""
NAME_CHARS = frozenset(".'’-&")
"""Characters besides letters allowed in a name word."""


@cache
def news_agencies() -> frozenset[str]:
    """Casefolded names of news agencies (``news_agencies.txt``)."""
    return frozenset(name.casefold() for name in read_lines("news_agencies.txt"))


@cache
def _byline_entries(kind: str) -> tuple[str, ...]:
    return tuple(
        entry.split(":", 1)[1].strip().casefold()
        for entry in read_lines("byline.txt")
        if entry.split(":", 1)[0] == kind
    )


@cache
def org_words() -> frozenset[str]:
    """Casefolded words that mark an organisation's name ("Service", "Times")."""
    return frozenset(_byline_entries("org"))


@cache
def job_words() -> frozenset[str]:
    """Casefolded words of job titles ("Correspondent", "Senior")."""
    return frozenset(_byline_entries("job"))


def byline_prefixes(role: str) -> tuple[str, ...]:
    """Casefolded phrases that open a credit line for ``role`` (an AuthorRole value)."""
    return _byline_entries(f"prefix.{role}")


def name_words(text: str, max_words: int) -> bool:
    """Whether ``text`` is 1 to ``max_words`` capitalised name words (connectors allowed)."""
    words = text.split()
    if not words or len(words) > max_words:
        return False
    for number, word in enumerate(words):
        if number > 0 and word.casefold() in CONNECTORS:
            continue
        if not word[0].isupper() or not all(c.isalpha() or c in NAME_CHARS for c in word):
            return False
    return True


def is_organisation(text: str) -> bool:
    """Whether ``text`` names an organisation: a news agency, an org word, "The ...", an acronym."""
    folded = text.strip().casefold()
    if not folded:
        return False
    if folded in news_agencies() or folded.startswith("the "):
        return True
    words = text.split()
    if any(w.casefold().strip(".,") in org_words() for w in words):
        return True
    if folded.endswith((".com", ".org", ".net", ".co.uk")):
        return True
    return len(words) == 1 and len(text) >= 2 and text.isupper()


def is_job_title(text: str) -> bool:
    """Whether ``text`` is a job title ("Staff Writer", "Senior Harbour Correspondent").

    A job title ends in a job word and has at most five words.
    """
    words = [w.casefold().strip(".,") for w in text.split()]
    return 0 < len(words) <= 5 and words[-1] in job_words()
