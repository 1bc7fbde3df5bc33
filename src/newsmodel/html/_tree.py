"""Safe HTML parsing with lxml: no network, no entity expansion, limits enforced.

The page is parsed with libxml2's HTML parser, never its XML parser, so a page that carries
an XML prolog is still HTML: DTDs are not loaded, external entities are never fetched and
entities declared in an internal subset are never expanded (``&lol9;`` stays literal text,
so "billion laughs" documents cost nothing). ``no_network`` forbids any fetch.

libxml2 stops building the tree at depth 256, or 2048 with its ``huge_tree`` option, and in
recovery mode would silently drop the rest of the page. We parse with ``huge_tree`` and turn
that stop into :class:`~newsmodel.LimitExceededError`, as we do for
:attr:`ParsePolicy.max_tree_depth` and :attr:`ParsePolicy.max_elements`: a page is parsed
whole or not at all. The text is handed over as UTF-8 bytes with the encoding named, so a
``<meta charset>`` inside it cannot make libxml2 decode it a second time.
"""

from __future__ import annotations

import functools
import re

import lxml.etree
import lxml.html

from newsmodel.exceptions import LimitExceededError
from newsmodel.policy import ParsePolicy

__all__ = ["LIBXML2_MAX_DEPTH", "check_limits", "parse_document"]

LIBXML2_MAX_DEPTH = 2048
"""The deepest nesting libxml2 builds with ``huge_tree``; deeper pages raise."""

# "<!DOCTYPE x [ ...internal subset... ]>": the HTML parser would leave the subset's end as
# body text. Bounded: the declaration must close within the scanned prefix.
_DOCTYPE_SUBSET = re.compile(rb"\s{0,100}(?:<\?xml[^>]{0,200}>\s{0,100})?<!DOCTYPE[^\[>]{0,500}\[", re.I)
_SUBSET_SCAN = 200_000
_MIN_ATTRIBUTE_BYTES = 4  # " a=1": the least markup one more attribute takes
_QUOTED = re.compile(rb""""[^"]*"|'[^']*'""")  # a quoted attribute value, quotes included


def _strip_internal_subset(data: bytes) -> bytes:
    found = _DOCTYPE_SUBSET.match(data)
    if found is None:
        return data
    end = data.find(b"]>", found.end(), found.end() + _SUBSET_SCAN)
    return data if end < 0 else data[: found.start()] + data[end + 2 :]


def _parser() -> lxml.etree.HTMLParser:
    # A parser is cheap to make and keeps an error log per document; none is shared. Every
    # element is an HtmlElement, chosen in C: lxml.html's own lookup runs Python code for
    # each element the walk touches, for form and input subclasses nothing here uses.
    parser = lxml.etree.HTMLParser(
        encoding="utf-8",
        huge_tree=True,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )
    parser.set_element_class_lookup(
        lxml.etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment)
    )
    return parser


def parse_document(data: bytes, policy: ParsePolicy) -> lxml.html.HtmlElement | None:
    """Parse a page (UTF-8 bytes) into an lxml tree; ``None`` for a page with nothing in it.

    Raises :class:`LimitExceededError` when the page nests deeper than libxml2 or the policy
    allows, or holds more elements than :attr:`ParsePolicy.max_elements`.
    """
    data = _strip_internal_subset(data)
    if not data.strip():
        return None
    _check_attributes(data, policy)
    parser = _parser()
    root = lxml.etree.fromstring(data, parser)
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            raise LimitExceededError(
                f"page nests elements deeper than the parser's limit of {LIBXML2_MAX_DEPTH} "
                f"({' '.join(entry.message.split())}); it cannot be parsed whole",
                limit="max_tree_depth",
                value=LIBXML2_MAX_DEPTH + 1,
                where=f"line {entry.line}",
            )
    if root is None:
        return None
    check_limits(root, policy)
    assert isinstance(root, lxml.html.HtmlElement)  # noqa: S101  # the class lookup above makes it one
    return root


def _check_attributes(data: bytes, policy: ParsePolicy) -> None:
    """Raise :class:`LimitExceededError` if a start tag holds more than ``max_attributes``.

    Checked on the markup before libxml2 sees it, in linear time: only a tag long enough to
    hold that many attributes (each at least ``a=1`` and a space) is looked at, and its
    attributes are counted as the ``=`` signs outside quoted values.
    """
    limit = policy.max_attributes
    for tag in _long_tag(limit).finditer(data):
        markup = tag.group()
        if markup.count(b"=") <= limit:
            continue
        count = _QUOTED.sub(b"", markup).count(b"=")
        if count > limit:
            raise LimitExceededError(
                f"an element has {count:,} attributes, more than max_attributes={limit:,}",
                limit="max_attributes",
                value=count,
                where=f"byte {tag.start()}",
            )


@functools.cache
def _long_tag(limit: int) -> re.Pattern[bytes]:
    """A start tag long enough to hold more than ``limit`` attributes (compiled once per limit)."""
    return re.compile(rb"<[A-Za-z][^<>]{%d,}" % (_MIN_ATTRIBUTE_BYTES * limit))


def check_limits(root: lxml.etree._Element, policy: ParsePolicy) -> None:
    """Raise :class:`LimitExceededError` if the tree breaks the policy's element or depth limit."""
    count = int(root.xpath("count(//*)"))  # type: ignore[arg-type]  # XPath returns a float here
    if count > policy.max_elements:
        raise LimitExceededError(
            f"page has {count:,} elements, more than max_elements={policy.max_elements:,}",
            limit="max_elements",
            value=count,
        )
    if count <= policy.max_tree_depth:
        return  # a tree cannot be deeper than it has elements
    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > policy.max_tree_depth:
                    raise LimitExceededError(
                        f"page nests elements more than max_tree_depth={policy.max_tree_depth:,} deep",
                        limit="max_tree_depth",
                        value=deepest,
                        where=f"element depth {deepest}",
                    )
        else:
            depth -= 1
