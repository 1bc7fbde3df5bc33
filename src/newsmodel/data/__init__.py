"""Data files the rules read: word lists, gazetteers, patterns (data, not code).

Files live beside this module. Line lists hold one entry per line; ``#`` starts a comment and
blank lines are skipped. Loaders cache their result (files never change at run time) and
return immutable values.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["read_json", "read_lines", "read_text"]


@cache
def read_text(name: str) -> str:
    """The whole text of data file ``name`` (UTF-8)."""
    return resources.files(__name__).joinpath(name).read_text("utf-8")


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """The entries of a line-list data file: stripped, without comments and blank lines."""
    entries = []
    for line in read_text(name).splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return tuple(entries)


def read_json(name: str) -> Any:
    """The parsed content of a JSON data file (a fresh object on each call)."""
    return json.loads(read_text(name))
