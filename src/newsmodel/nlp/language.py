"""Language identification. Placeholder until detection lands."""

from __future__ import annotations


def detect_language(text: str) -> str | None:
    """The BCP 47 tag of the language ``text`` is written in, or ``None`` if unsure."""
    del text
    return None


def is_english(language: str | None) -> bool:
    """Whether quote and entity annotation (English rules) should run for ``language``.

    Unknown language counts as English: the rules are written for English news.
    """
    return language is None or language.lower().split("-")[0] == "en"
