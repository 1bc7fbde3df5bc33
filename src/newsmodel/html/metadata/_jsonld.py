"""JSON-LD blocks: tolerant loading, a flat index of typed nodes, ``@id`` references resolved.

Pages embed schema.org data as ``<script type="application/ld+json">``: one object, an array,
an ``@graph``, often with trailing commas, HTML comments or CDATA wrappers, sometimes several
objects back to back. :func:`read_jsonld` loads what it can, records a defect for what it
cannot, and walks every object breadth-first (so top-level nodes come before nested ones),
no deeper than :data:`MAX_DEPTH`. Numbers are never converted (a hostile ``1e999999`` or a
10,000-digit integer costs nothing): metadata needs only strings.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterator
from functools import cache
from typing import Any

import attrs

from newsmodel import data
from newsmodel.html.metadata._text import clean
from newsmodel.model import Defect

__all__ = ["MAX_DEPTH", "JsonLd", "Node", "read_jsonld"]

MAX_DEPTH = 24
"""Deepest nesting walked for metadata; deeper objects are ignored."""

_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_WRAPPERS = ("<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>")
ROLES = ("article", "work", "page", "person", "organization")
"""Node roles, as in ``jsonld_types.json``."""


@cache
def _roles() -> dict[str, str]:
    table: dict[str, str] = {}
    for role in reversed(ROLES):  # a type listed under two roles keeps the first
        for name in data.read_json("jsonld_types.json")[role]:
            table[name] = role
    return table


def type_names(node: dict[str, Any]) -> list[str]:
    """The node's ``@type`` values, case-folded, without a vocabulary prefix."""
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return [v.rsplit("/", 1)[-1].rsplit(":", 1)[-1].casefold() for v in values if isinstance(v, str)]


def role_of(node: dict[str, Any]) -> str | None:
    """The metadata role of a node (``"article"``, ``"person"``, ...) from its types."""
    roles = [_roles()[name] for name in type_names(node) if name in _roles()]
    return min(roles, key=ROLES.index) if roles else None


@attrs.frozen
class Node:
    """A JSON-LD object with its role and position (depth, then document order)."""

    data: dict[str, Any]
    role: str | None
    depth: int
    order: int


@attrs.define
class JsonLd:
    """Every JSON-LD object of a page, indexed by role and by ``@id``."""

    nodes: list[Node] = attrs.Factory(list)
    by_id: dict[str, dict[str, Any]] = attrs.Factory(dict)
    defects: list[Defect] = attrs.Factory(list)

    def of_role(self, *roles: str) -> list[dict[str, Any]]:
        """Nodes with one of ``roles``, roles in the given order, then shallowest, then first."""
        # nodes are stored breadth-first: already by depth, then document order
        return [n.data for role in roles for n in self.nodes if n.role == role]

    def resolve(self, value: Any) -> Any:
        """The node an ``{"@id": ...}`` reference points at, else ``value`` itself."""
        if isinstance(value, dict) and len(value) <= 2 and isinstance(value.get("@id"), str):
            return self.by_id.get(value["@id"], value)
        return value

    def items(self, value: Any) -> Iterator[Any]:
        """The members of a value that may be one item or a list, references resolved."""
        for item in value if isinstance(value, list) else [value]:
            yield self.resolve(item)


def _no_number(text: str) -> None:
    del text


_DECODER = json.JSONDecoder(
    strict=False, parse_int=_no_number, parse_float=_no_number, parse_constant=_no_number
)


def _unwrap(raw: str) -> str:
    text = raw.strip()
    for wrapper in _WRAPPERS:
        if wrapper in text:
            text = text.replace(wrapper, "")
    return text.strip().rstrip(";").strip()


def _load(raw: str) -> tuple[list[Any], str | None]:
    """The values in one script block, and what was wrong with it (``None`` if nothing)."""
    text = _unwrap(raw)
    if not text:
        return [], None
    try:
        return [_DECODER.decode(text)], None
    except (ValueError, RecursionError) as error:  # the decoder's only way to report bad JSON
        first_error = f"{type(error).__name__}: {error}"[:200]
    # Lenient second reading: drop trailing commas, read values one after another.
    fixed = _TRAILING_COMMA.sub(r"\1", text)
    values: list[Any] = []
    position = 0
    while position < len(fixed):
        while position < len(fixed) and fixed[position] in " \t\r\n;,":
            position += 1
        if position >= len(fixed):
            break
        try:
            value, position = _DECODER.raw_decode(fixed, position)
        except (ValueError, RecursionError):  # the rest is unreadable: keep what was read
            return values, first_error
        values.append(value)
    return values, first_error


def read_jsonld(scripts: list[str]) -> JsonLd:
    """Load the texts of a page's JSON-LD scripts into one index."""
    result = JsonLd()
    queue: deque[tuple[Any, int]] = deque()
    for number, raw in enumerate(scripts, 1):
        values, problem = _load(raw)
        if problem is not None:
            result.defects.append(
                Defect(
                    code="json-ld-invalid",
                    message=f"JSON-LD block {number} is not valid JSON ({problem}); "
                    f"{'nothing' if not values else f'{len(values)} value(s)'} read from it",
                )
            )
        queue.extend((value, 0) for value in values)
    order = 0
    while queue:
        value, depth = queue.popleft()
        if depth > MAX_DEPTH:
            continue
        if isinstance(value, list):
            queue.extend((item, depth) for item in value)
            continue
        if not isinstance(value, dict):
            continue
        order += 1
        role = role_of(value)
        if role is not None or len(value) > 2:
            result.nodes.append(Node(value, role, depth, order))
            node_id = value.get("@id")
            if isinstance(node_id, str) and len(value) > 2:
                result.by_id.setdefault(node_id, value)
        for key, child in value.items():
            if isinstance(child, (dict, list)):
                queue.append((child, depth if key == "@graph" else depth + 1))
    return result


def text_of(value: Any, *, keys: tuple[str, ...] = ("name", "@value")) -> str | None:
    """A clean string from a JSON-LD value: a string, or the ``name`` of an object, or the first of a list."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            for key in keys:
                text = clean(item.get(key))
                if text is not None:
                    return text
        else:
            text = clean(item)
            if text is not None:
                return text
    return None
