"""Text rules for short blocks: bylines, stand-alone dates, image credits, boilerplate phrases.

Each rule looks at one block's text only and is cheap (a few dictionary look-ups and
bounded regular expressions on at most :data:`SHORT_TEXT` characters). The vocabularies live
in ``data/html_text_rules.json``.
"""

from __future__ import annotations

import re
from functools import cache

import attrs

from newsmodel.data import read_json
from newsmodel.model import Dateline

__all__ = ["SHORT_TEXT", "STARTS_TEXT", "TextRules", "text_rules"]

SHORT_TEXT = 200
"""Only blocks shorter than this (in characters) are judged by the text rules, ..."""
STARTS_TEXT = 300
"""... except the openings of boilerplate, looked for in blocks up to this long."""

_WORD = re.compile(r"\w+(?:[.'’]\w+)*\.?")
_HAS_DIGIT = re.compile(r"\d")
_STRIP = " \t\n:|-–—•·*#()[]{}<>»«›‹\"'“”„.,;!?/"
_COUNT = re.compile(r"[(\[]?\d+[)\]]?$")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b")
# Bounded repetitions only, applied to a bounded prefix: linear.
_DATELINE = re.compile(
    r"(?P<dateline>(?:"
    r"(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ'’.\-]{1,30}(?: [A-ZÀ-Þ][A-ZÀ-Þ'’.\-]{0,30}){0,3})"
    r"(?:, (?:[A-Z][A-Za-z.]{1,20}(?: [A-Z][A-Za-z.]{1,20})?))?"
    r"(?:, [A-Z][a-z]{2,9}\.? \d{1,2})?"
    r"(?:,? ?\((?P<agency>[^()\n]{2,40})\))?"
    r"|(?P<title_place>[A-ZÀ-Þ][\w'’.\-]{1,30}(?: [A-ZÀ-Þ][\w'’.\-]{1,30}){0,2})"
    r",? ?\((?P<title_agency>[^()\n]{2,40})\)"
    r"|\((?P<agency_only>[^()\n]{2,40})\)"
    r") ?(?:[-–—]{1,2}|(?P<colon>:)))(?= \S)"
)
_STANDALONE = re.compile(
    r"(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ'’.\-]{2,30}(?: [A-ZÀ-Þ][A-ZÀ-Þ'’.\-]{0,30}){0,3}"
    r"(?:, [A-ZÀ-Þ][\w.'’]{1,30}(?: [A-ZÀ-Þ][\w.'’]{1,30}){0,2})?)"
    r"(?:,? [A-Z][a-z]{2,9}\.? \d{1,2}(?:, \d{4})?)?"
    r"(?: ?\((?P<agency>[^()\n]{2,40})\))?"
    r"(?: ?[-–—:]{1,2})?$"
)
DATELINE_SCAN = 160
"""How far into a first paragraph a dateline is looked for."""
_SENTENCE_END = re.compile(r"[.!?…]$")


def _phrase_key(text: str) -> str:
    """A block's text as compared with the phrase list: lower case, no counts or punctuation."""
    key = text.lower().strip(_STRIP)
    key = _COUNT.sub("", key).strip(_STRIP)  # "Comments (12)"
    return " ".join(key.split())


@attrs.frozen
class TextRules:
    """The vocabularies of the text rules, and the rules themselves."""

    byline_prefixes: tuple[str, ...]
    date_words: frozenset[str]
    credit_prefixes: tuple[str, ...]
    credit_agencies: frozenset[str]
    phrases: frozenset[str]
    starts: tuple[str, ...]
    not_places: frozenset[str]

    def standalone_dateline(self, text: str) -> Dateline | None:
        """A block that is only a dateline (``BAAR, SWITZERLAND``, ``PARIS, May 3 --``), if it is one."""
        if len(text) > 60 or "\n" in text:
            return None
        found = _STANDALONE.match(text)
        if found is None or found.group("place").lower().strip(" .") in self.not_places:
            return None
        return Dateline(text=text, place=found.group("place").strip(), agency=found.group("agency"))

    def dateline(self, text: str) -> Dateline | None:
        """The dateline a first paragraph opens with: ``PARIS (Reuters) -``, ``Washington (AP) —``."""
        found = _DATELINE.match(text[:DATELINE_SCAN])
        if found is None:
            return None
        place = found.group("place") or found.group("title_place")
        agency = found.group("agency") or found.group("title_agency") or found.group("agency_only")
        if found.group("place") and found.group("place").lower().strip(" .") in self.not_places:
            return None
        if found.group("colon") and (agency or not found.group("place")):
            return None
        return Dateline(
            text=found.group("dateline"),
            place=" ".join(place.split()) if place else None,
            agency=" ".join(agency.split()) if agency else None,
        )

    def is_byline(self, text: str) -> bool:
        """``By Jane Doe``, ``Von Max Muster und Erika Muster``: a credit line, not prose."""
        if len(text) > 100 or "\n" in text.strip():
            return False
        lowered = text.lower()
        for prefix in self.byline_prefixes:
            if lowered.startswith(prefix) and len(text) > len(prefix):
                rest = text[len(prefix) :]
                if not (rest[0] in " :" or (rest[0] == ":" and len(rest) > 1)):
                    continue
                words = _WORD.findall(rest)
                names = [w for w in words if w.lower() not in self.date_words and not _HAS_DIGIT.search(w)]
                if not names or len(names) > 8 or (_SENTENCE_END.search(rest.strip()) and len(names) > 4):
                    continue
                return all(w[0].isupper() or w.lower() in _JOINERS for w in names)
        return False

    def is_date(self, text: str) -> bool:
        """``Published: 12 May 2020, 10:31 CET``: nothing but a date, a time and their labels."""
        if len(text) > 100 or not _HAS_DIGIT.search(text):
            return False
        words = _WORD.findall(text.lower())
        if not words or not all(w.rstrip(".") in self.date_words or _HAS_DIGIT.search(w) for w in words):
            return False
        # Numbers alone make a date only in a date or time format (not a phone number).
        return any(not _HAS_DIGIT.search(w) for w in words) or bool(_NUMERIC_DATE.search(text))

    def is_credit(self, text: str) -> bool:
        """``Photo: Jane Doe/Agency``, ``AFP / JOHN DOE``: an image credit standing alone."""
        if len(text) > 120:
            return False
        lowered = text.lower().lstrip("([ ")
        for prefix in self.credit_prefixes:
            if lowered.startswith(prefix):
                rest = lowered[len(prefix) :].lstrip()
                if rest.startswith((":", "by ", "©", "(c)", "copyright ", "von ", "de ", "par ")):
                    return True
        if "/" not in text or len(text) > 70 or _SENTENCE_END.search(text):
            return False
        words = _WORD.findall(text)
        if not words or len(words) > 7:
            return False
        if any(w.lower() in self.credit_agencies for w in words):
            return True
        return " / " in text or all(w[0].isupper() for w in words)

    def is_boilerplate(self, text: str) -> str | None:
        """The boilerplate phrase ``text`` is, or starts with; ``None`` for other text."""
        if len(text) > STARTS_TEXT:
            return None
        if len(text) <= SHORT_TEXT:
            key = _phrase_key(text)
            if key in self.phrases or not key:
                return key or "punctuation"
        lowered = " ".join(text.lower().split())
        if not lowered.startswith(self.starts):  # one test for all: most text opens with none
            return None
        for start in self.starts:
            # A whole word or phrase: "anzeige" opens "Anzeige: ..." but not "Anzeigenkunden".
            if lowered.startswith(start) and (
                len(lowered) == len(start) or not start[-1].isalnum() or not lowered[len(start)].isalnum()
            ):
                return start
        return None


_JOINERS = frozenset(
    {"and", "und", "&", "y", "et", "e", "en", "i", "og", "och", "for", "für", "de", "van", "von", "di", "da"}
)


@cache
def text_rules() -> TextRules:
    """The text rules with the vocabularies of ``data/html_text_rules.json``."""
    data = read_json("html_text_rules.json")
    return TextRules(
        byline_prefixes=tuple(sorted(data["byline_prefixes"], key=len, reverse=True)),
        date_words=frozenset(data["date_words"]),
        credit_prefixes=tuple(sorted(data["credit_prefixes"], key=len, reverse=True)),
        credit_agencies=frozenset(data["credit_agencies"]),
        phrases=frozenset(data["boilerplate_phrases"]),
        starts=tuple(data["boilerplate_starts"]),
        not_places=frozenset(data["not_dateline_places"]),
    )
