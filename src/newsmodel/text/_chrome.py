"""Site chrome: lines of a scraped page that are navigation, prompts or teasers.

The rules are data (``chrome_lines.txt``): each has a name, reported when
:attr:`~newsmodel.ParsePolicy.explain` is on, and either a regular expression the whole line
must match or a list of phrases the line must consist of. Only lines of at most
:data:`MAX_CHROME_CHARS` characters are tested, which also bounds the cost of every pattern.
"""

from __future__ import annotations

import re
from functools import cache

import attrs

from newsmodel.data import read_lines

__all__ = ["MAX_CHROME_CHARS", "ChromeRule", "chrome_rule", "chrome_rules"]

MAX_CHROME_CHARS = 600
"""Longer lines are never taken for chrome."""
_SPACES = re.compile(r"\s+")
_EDGE_MARKS = " .:!|›»>→…•·*-–—"
_SEPARATORS = r"[\s|/•·,]+"


@attrs.frozen
class ChromeRule:
    """A named rule that recognises one kind of chrome line."""

    name: str
    """Rule name, e.g. ``"share"``; appears in explain defects."""
    pattern: re.Pattern[str]
    """Matches (in full, ignoring case) a normalised chrome line."""

    def matches(self, line: str) -> bool:
        """Whether ``line`` (already normalised by :func:`normalise`) is this kind of chrome."""
        return self.pattern.fullmatch(line) is not None


@cache
def chrome_rules() -> tuple[ChromeRule, ...]:
    """The chrome rules of ``chrome_lines.txt``, in file order."""
    rules = []
    for entry in read_lines("chrome_lines.txt"):
        name, kind, body = entry.split(None, 2)
        if kind == "words":
            phrases = sorted((p.strip() for p in body.split("|")), key=len, reverse=True)
            alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s") for p in phrases if p)
            body = f"(?:{alternatives})(?:{_SEPARATORS}(?:{alternatives}))*"
        elif kind != "re":
            raise ValueError(f"chrome_lines.txt: rule {name!r} has unknown kind {kind!r}")
        rules.append(ChromeRule(name, re.compile(body, re.IGNORECASE)))
    return tuple(rules)


def normalise(line: str) -> str:
    """The form of a line the rules see: runs of white space as one space, edge marks cut."""
    return _SPACES.sub(" ", line).strip(_EDGE_MARKS)


@cache
def _combined() -> re.Pattern[str]:
    """All rules as one alternation (group ``r<i>`` for rule ``i``): one regex call per line."""
    return re.compile(
        "|".join(f"(?P<r{i}>{rule.pattern.pattern})" for i, rule in enumerate(chrome_rules())), re.IGNORECASE
    )


def chrome_rule(line: str) -> str | None:
    """The name of the first chrome rule ``line`` matches, or ``None`` if it is not chrome."""
    if len(line) > MAX_CHROME_CHARS:
        return None
    normal = normalise(line)
    if not normal:
        return None
    match = _combined().fullmatch(normal)
    if match is None or match.lastgroup is None:
        return None
    return chrome_rules()[int(match.lastgroup[1:])].name
