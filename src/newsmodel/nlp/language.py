"""Language identification by writing system and function words, without dependencies.

:func:`detect_language` counts the letters of each writing system (``language_scripts.json``)
in the first :data:`SAMPLE` characters. A script used by one language decides alone (Greek →
``el``, Hangul → ``ko``, Han with kana → ``ja``, Han alone → ``zh``...). For Latin and
Cyrillic text the words are matched against stopword lists (``stopwords/<tag>.txt``, the most
frequent function words of each language); a word found in *k* lists adds *1/k* to each, so
words shared by close languages (Danish and Norwegian) count less than words only one uses.
The best language must be clearly ahead, or the answer is ``None``: unsure is not a guess.

Cost is linear: a fixed number of passes over at most :data:`SAMPLE` characters.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from importlib import resources

import attrs

from newsmodel import data

__all__ = ["SAMPLE", "detect_language", "is_english", "normalize_tag"]

SAMPLE = 20_000
"""Characters of the text looked at; more does not change a confident answer."""
MIN_LETTERS = 20
"""Fewer letters than this in the text: too short to tell."""
MIN_STOPWORDS = 3.0
"""Least weighted stopword count the best language needs."""
MIN_SHARE = 0.08
"""Least share of the words that must be the best language's stopwords."""
MARGIN = 1.25
"""How far (as a ratio of scores) the best language must lead the second."""
MIN_DISTINCT = 3
"""Least number of different stopwords of the best language (one word repeated proves nothing)."""

_WORD = re.compile(r"[^\W\d_]+")
_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,6}")
_NOT_LANGUAGES = frozenset({"und", "mul", "zxx", "mis"})


@attrs.frozen
class _Script:
    name: str
    language: str | None
    pattern: re.Pattern[str]


@cache
def _scripts() -> tuple[_Script, ...]:
    scripts = []
    for name, entry in data.read_json("language_scripts.json").items():
        if name.startswith("_"):
            continue
        ranges = "".join(f"\\u{start.lower():0>4}-\\u{end.lower():0>4}" for start, end in entry["ranges"])
        scripts.append(_Script(name, entry["language"], re.compile(f"[{ranges}]+")))
    return tuple(scripts)


def _script_counts(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for script in _scripts():
        letters = sum(map(len, script.pattern.findall(text)))
        if letters:
            counts[script.name] = letters
    return counts


@cache
def _lists() -> dict[str, tuple[str, frozenset[str]]]:
    """Language → (its script, its stopwords), from ``stopwords/<language>.txt``."""
    folder = resources.files(data.__name__).joinpath("stopwords")
    lists = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            words = frozenset(w.casefold() for w in data.read_lines(f"stopwords/{entry.name}"))
            script = _script_counts(" ".join(sorted(words))).most_common(1)[0][0]
            lists[entry.name[:-4]] = (script, words)
    return lists


@cache
def _index(script: str) -> dict[str, tuple[tuple[str, float], ...]]:
    """Word → ((language, weight), ...) over the stopword lists written in ``script``."""
    owners: dict[str, list[str]] = {}
    for language, (written_in, words) in _lists().items():
        if written_in == script:
            for word in words:
                owners.setdefault(word, []).append(language)
    return {word: tuple((lang, 1.0 / len(langs)) for lang in langs) for word, langs in owners.items()}


def _by_stopwords(text: str, script: str) -> str | None:
    index = _index(script)
    if not index:
        return None
    scores: dict[str, float] = {}
    distinct: dict[str, set[str]] = {}
    words = 0
    for match in _WORD.finditer(text):
        words += 1
        word = match.group().casefold()
        for language, weight in index.get(word, ()):
            scores[language] = scores.get(language, 0.0) + weight
            seen = distinct.setdefault(language, set())
            if len(seen) < MIN_DISTINCT:
                seen.add(word)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if not ranked:
        return None
    best, score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if score < MIN_STOPWORDS or score < MIN_SHARE * words or score < MARGIN * second:
        return None
    if len(distinct[best]) < MIN_DISTINCT:  # one word repeated is no evidence of a language
        return None
    return best


def detect_language(text: str) -> str | None:
    """The BCP 47 tag of the language ``text`` is written in, or ``None`` if unsure."""
    sample = text[:SAMPLE]
    counts = _script_counts(sample)
    total = sum(counts.values())
    if total < MIN_LETTERS:
        return None
    script, letters = counts.most_common(1)[0]
    if letters < 0.5 * total and script not in ("han", "kana"):
        return None
    if script in ("han", "kana"):
        kana = counts.get("kana", 0)
        if kana >= 0.05 * (kana + counts.get("han", 0)):
            return "ja"
        if counts.get("han", 0) >= 0.5 * total:
            return "zh"
        return None
    language = next(s.language for s in _scripts() if s.name == script)
    if language is not None:
        return language
    return _by_stopwords(sample, script)


def normalize_tag(value: object) -> str | None:
    """A language tag in BCP 47 form (``"de_at"`` → ``"de-AT"``), or ``None`` if it is not one.

    Takes the first tag of a list (``"de-DE, en"``); rejects "undetermined"-style codes.
    """
    if not isinstance(value, str):
        return None
    text = value.strip().split(",")[0].split(";")[0].strip()
    if len(text) > 40 or not _TAG.fullmatch(text):
        return None
    primary, *rest = text.replace("_", "-").split("-")
    if primary.lower() in _NOT_LANGUAGES:
        return None
    parts = [primary.lower()]
    for part in rest:
        if (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            parts.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            parts.append(part.title())
        else:
            parts.append(part.lower())
    return "-".join(parts)


def is_english(language: str | None) -> bool:
    """Whether quote and entity annotation (English rules) should run for ``language``.

    Unknown language counts as English: the rules are written for English news.
    """
    return language is None or language.lower().split("-")[0] == "en"
