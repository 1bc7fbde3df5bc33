"""Photo captions, recognised by their credit.

A line is a caption when it ends in a photo credit, in one of these forms (labels and agencies
are data, ``photo_credits.txt``; news agencies come from ``news_agencies.txt``)::

    ... in May. (Photo: Jane Doe/The Wire)        bracketed, with a label
    ... in May. (AP Photo/Jane Doe)                bracketed, NAME/AGENCY or AGENCY/NAME
    ... in May. (Getty Images)                     bracketed photo agency
    ... in May. Photo: Jane Doe                    a label (":", "by", "..." after it) after
    ... in May.Credit...Jane Doe/The Wire          the end of the caption
    ... in May.Jane Doe/The Wire Agency            NAME/AGENCY after the caption, glued or not
    ... in May. AFP via Getty Images               a photo agency after the caption

A label opening the caption ("Image caption:") is not part of it. The same forms on a line of
their own are a credit without caption. A line without any of
them is not a caption, however much it reads like one. Lines longer than
:data:`MAX_CAPTION_CHARS` are never captions, which bounds the work per line.
"""

from __future__ import annotations

import re
from functools import cache

import attrs

from newsmodel.data import read_lines
from newsmodel.text._names import name_words, news_agencies, org_words

__all__ = ["MAX_CAPTION_CHARS", "CaptionCredit", "split_credit"]

MAX_CAPTION_CHARS = 800
"""Longer lines are never captions."""
_MAX_CAPTION_WORDS = 80
_MAX_CREDIT_CHARS = 120
_MAX_CREDIT_WORDS = 10
_MAX_NAME_WORDS = 6
_SENTENCE_END = ".!?…"
_CLOSERS = "\"”’')]"
_SEPARATORS = "|—–•·"


@attrs.frozen
class CaptionCredit:
    """A caption split from its credit."""

    caption: str | None
    """The caption text, without the credit; ``None`` for a credit line of its own."""
    credit: str
    """The credit: photographer and/or agency, without a label (``"Jane Doe/The Wire"``)."""


@cache
def _labels() -> re.Pattern[str]:
    labels = [e.split(":", 1)[1].strip() for e in read_lines("photo_credits.txt") if e.startswith("label:")]
    alternatives = "|".join(
        re.escape(label).replace(r"\ ", r"\s+") for label in sorted(labels, key=len)[::-1]
    )
    return re.compile(
        rf"\b(?:{alternatives})(?:\s*:\s*|\s*(?:\.\.\.|…)\s*|\s+(?:by|of|from)\s+)", re.IGNORECASE
    )


@cache
def _label_stems() -> frozenset[str]:
    """The first four letters of every label: a line without any of them has no label."""
    labels = [e.split(":", 1)[1].strip() for e in read_lines("photo_credits.txt") if e.startswith("label:")]
    return frozenset(label.casefold()[:4] for label in labels)


@cache
def _photo_agencies() -> tuple[str, ...]:
    names = [e.split(":", 1)[1].strip() for e in read_lines("photo_credits.txt") if e.startswith("agency:")]
    return tuple(sorted(names, key=len, reverse=True))


def _has_org_word(text: str) -> bool:
    return any(word.casefold() in org_words() for word in text.split())


@cache
def _photo_agency_forms() -> frozenset[str]:
    return frozenset(form for agency in _photo_agencies() for form in (agency, agency.upper()))


def _is_photo_agency(text: str) -> bool:
    """Whether ``text`` is a photo agency, as written or in capitals ("EPA", not "ePA")."""
    return text.strip() in _photo_agency_forms()


def split_credit(line: str) -> CaptionCredit | None:
    """Split a caption line into caption and credit; ``None`` when the line has no credit.

    >>> split_credit("Crews repair the pier in May.Jane Doe/The Wire Agency")
    CaptionCredit(caption='Crews repair the pier in May.', credit='Jane Doe/The Wire Agency')
    >>> split_credit("Crews repair the pier in May.") is None
    True
    """
    line = line.strip()
    if not line or len(line) > MAX_CAPTION_CHARS:
        return None
    found = _bracketed(line) or _labelled(line) or _slashed(line) or _agency_suffix(line)
    if found is None:
        return None
    if found.caption is not None and len(found.caption.split()) > _MAX_CAPTION_WORDS:
        return None
    return found


@cache
def _caption_labels() -> re.Pattern[str]:
    labels = [e.split(":", 1)[1].strip() for e in read_lines("photo_credits.txt") if e.startswith("caption:")]
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})\s*:\s*", re.IGNORECASE)


def _make(caption: str, credit: str) -> CaptionCredit | None:
    credit = credit.strip().strip(_SEPARATORS + " ,;").strip()
    caption = caption.strip().rstrip(_SEPARATORS + " ,;:").strip()
    label = _caption_labels().match(caption)
    if label is not None:
        caption = caption[label.end() :]
    if not credit or len(credit) > _MAX_CREDIT_CHARS or len(credit.split()) > _MAX_CREDIT_WORDS:
        return None
    return CaptionCredit(caption=caption or None, credit=credit)


def _bracketed(line: str) -> CaptionCredit | None:
    """``... (Photo: Jane Doe)``, ``... (AP Photo/Jane Doe)``, ``... [Getty Images]``."""
    if line[-1] not in ")]":
        return None
    opening = "(" if line[-1] == ")" else "["
    start = line.rfind(opening, max(0, len(line) - _MAX_CREDIT_CHARS - 2))
    if start < 0:
        return None
    inner = line[start + 1 : -1].strip()
    label = _labels().match(inner)
    if label is not None:
        return _make(line[:start], inner[label.end() :])
    if (_is_slash_credit(inner) and _names_agency(inner, alone=False)) or _is_photo_agency(inner):
        return _make(line[:start], inner)
    return None


def _labelled(line: str) -> CaptionCredit | None:
    """``Photo: Jane Doe``, ``... in May. Credit: Jane Doe/The Wire``."""
    folded = line.casefold()
    if not any(stem in folded for stem in _label_stems()):
        return None
    last = None
    for match in _labels().finditer(line):
        if _at_boundary(line, match.start()):
            last = match
    if last is None:
        return None
    credit = line[last.end() :].rstrip(".")
    first = next((c for c in credit if c.isalpha()), "")
    if not first.isupper() and not credit.casefold().startswith(("courtesy", "©")):
        return None  # "... it. Photo: the new wall will be high." is prose
    if _SENTENCE_END_INSIDE.search(credit):
        return None
    return _make(line[: last.start()], credit)


_SENTENCE_END_INSIDE = re.compile(r"[^\W\d_]{2}[.!?] +[^\W\d_]")
"""A sentence ending inside a would-be credit: it is body text, not a credit."""


def _slashed(line: str) -> CaptionCredit | None:
    """``... in May.Jane Doe/The Wire``, ``... in May. REUTERS/Jane Doe``, ``AFP/Jane Doe``."""
    slash = line.rfind("/")
    if slash <= 0 or not name_words(line[slash + 1 :], _MAX_NAME_WORDS + 1):
        return None
    start = _credit_start(line, slash)
    if start is None:
        return None
    credit = line[start:]
    if not _names_agency(credit, alone=start == 0):
        return None
    return _make(line[:start], credit)


@cache
def _agency_last_words() -> frozenset[str]:
    return frozenset(agency.rsplit(None, 1)[-1].casefold() for agency in _photo_agencies())


def _agency_suffix(line: str) -> CaptionCredit | None:
    """``... in May. Getty Images``, ``AFP via Getty Images`` on a line of its own."""
    last = line.rsplit(None, 1)[-1].casefold()
    if last.rpartition(".")[2] not in _agency_last_words():  # "May.Getty Images" ends in "images"
        return None
    for agency in _photo_agencies():
        if not line.endswith((agency, agency.upper())):
            continue
        start = len(line) - len(agency)
        if start > 0 and (line[start - 1].isalnum() or not _at_boundary(line, start)):
            continue
        return _make(line[:start], line[start:])
    return None


def _at_boundary(line: str, index: int) -> bool:
    """Whether ``index`` starts the line or follows the end of a sentence or a separator."""
    before = line[:index].rstrip()
    if not before:
        return True
    last = before[-1]
    if last in _SEPARATORS or last == ":":
        return True
    if last in _CLOSERS:
        before = before.rstrip(_CLOSERS)
        last = before[-1] if before else ""
    return last in _SENTENCE_END and not _is_initial(before, len(before) - 1)


def _is_initial(line: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes a one-letter initial (``Jane Q. Doe``)."""
    return dot >= 1 and line[dot - 1].isupper() and (dot == 1 or not line[dot - 2].isalpha())


def _credit_start(line: str, end: int) -> int | None:
    """Where the name before ``end`` (a slash) starts: after a sentence end, or at 0.

    Walks left over at most 80 characters; a period right before ``end`` ("Jr./") or closing
    an initial ("Jane Q. Doe") is part of the name.
    """
    limit = max(0, end - 80)
    pos = end - 1
    while pos >= limit:
        char = line[pos]
        if char in _SEPARATORS or (char in _SENTENCE_END and not _is_initial(line, pos)):
            begin = pos + 1
            while begin < end and (line[begin].isspace() or line[begin] in _CLOSERS):
                begin += 1
            if begin < end:
                return begin if name_words(line[begin:end], _MAX_NAME_WORDS) else None
            if char in _SEPARATORS:
                return None
        pos -= 1
    if limit == 0 and name_words(line[:end], _MAX_NAME_WORDS):
        return 0
    return None


def _is_slash_credit(text: str) -> bool:
    """``NAME/AGENCY`` or ``AGENCY/NAME`` (both sides capitalised name words)."""
    left, slash, right = text.rpartition("/")
    return bool(slash) and name_words(left, _MAX_NAME_WORDS) and name_words(right, _MAX_NAME_WORDS + 1)


def _names_agency(credit: str, *, alone: bool) -> bool:
    """Whether a ``NAME/NAME`` credit evidently credits a photo.

    On a line of its own one side must be an agency or say "Photo"; after a caption, a
    person's name (two words or more) or an organisation's name on either side will do, so
    that "... it was fine. Obama/Biden" and "... in the poll. [ABC/XYZ]" stay body text.
    """
    parts = [p.strip() for p in credit.split("/")]
    if any(p.casefold() in news_agencies() or _is_photo_agency(p) or "photo" in p.casefold() for p in parts):
        return True
    return not alone and any(len(p.split()) >= 2 or _has_org_word(p) for p in parts)
