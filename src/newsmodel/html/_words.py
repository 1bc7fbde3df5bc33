"""One regular expression for a list of words, factored by their common prefixes."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["word_pattern"]


def word_pattern(words: list[str]) -> str:
    """A pattern matching any of ``words``: at each position the longest one that fits.

    It matches what ``"|".join(sorted(words, key=len, reverse=True))`` matches (longest word
    first, so "ads" wins over "ad"), but as a trie, ``"a(?:ds?)?"`` rather than ``"ads|ad"``:
    the engine reads each letter once instead of trying every word at every position, which
    matters for lists of dozens of words searched in every class name of a page. Backtracking
    still yields the next shorter word when what follows the pattern fails.
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def branch(node: dict[str, Any]) -> str:
        alternatives = [re.escape(char) + branch(node[char]) for char in sorted(node) if char]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer word is tried first

    return branch(tree)
