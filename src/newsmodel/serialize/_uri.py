"""Helpers the exchange formats share: absolute URIs and word counts."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, quote, urljoin, urlsplit

# RFC 3986 building blocks. Every pattern is a fullmatch over character classes whose
# alternatives start with different characters, so matching is linear in the input.
_UNRESERVED_SUB = r"A-Za-z0-9\-._~!$&'()*+,;="
_HEX = r"%[0-9A-Fa-f]{2}"
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")
_HAS_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_USERINFO = re.compile(rf"(?:[{_UNRESERVED_SUB}:]|{_HEX})*")
_REG_NAME = re.compile(rf"(?:[{_UNRESERVED_SUB}]|{_HEX})*")
_PORT = re.compile(r"[0-9]*")
_PATH = re.compile(rf"(?:[{_UNRESERVED_SUB}:@/]|{_HEX})*")
_QUERY = re.compile(rf"(?:[{_UNRESERVED_SUB}:@/?]|{_HEX})*")
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_KEEP = "/:?@!$&'()*+,;=~%"  # "#" is handled apart; "[" and "]" are always encoded


def absolute_uri(value: str | None, base: str | None = None) -> str | None:
    """``value`` as an absolute RFC 3986 URI (resolved against ``base``), or ``None``.

    Characters a URI cannot hold (spaces, non-ASCII letters) are percent-encoded as UTF-8,
    the RFC 3987 mapping from IRIs to URIs; so are "[" and "]", which leaves IPv6 literal
    hosts unsupported. ``None`` when no valid absolute URI results.
    """
    if value is None or not value.strip():
        return None
    encoded = _encode(value.strip())
    if _HAS_SCHEME.match(encoded) is None:
        root = absolute_uri(base) if base is not None else None
        if root is None:
            return None
        encoded = urljoin(root, encoded)
    return encoded if _valid(urlsplit(encoded), encoded) else None


def _encode(text: str) -> str:
    head, hash_mark, fragment = text.partition("#")
    encoded = _STRAY_PERCENT.sub("%25", quote(head, safe=_KEEP))
    if hash_mark:
        encoded += "#" + _STRAY_PERCENT.sub("%25", quote(fragment, safe=_KEEP))
    return encoded


def _valid(parts: SplitResult, whole: str) -> bool:
    if not parts.scheme or _SCHEME.fullmatch(parts.scheme) is None:
        return False
    has_authority = whole[len(parts.scheme) + 1 :].startswith("//")
    if has_authority:
        userinfo, at, hostport = parts.netloc.rpartition("@")
        if at and _USERINFO.fullmatch(userinfo) is None:
            return False
        host, _, port = hostport.partition(":")
        if _REG_NAME.fullmatch(host) is None or _PORT.fullmatch(port) is None:
            return False
    elif not parts.path and not parts.query and not parts.fragment:
        return False  # a bare "scheme:" names nothing
    return (
        _PATH.fullmatch(parts.path) is not None
        and _QUERY.fullmatch(parts.query) is not None
        and _QUERY.fullmatch(parts.fragment) is not None
    )


def word_count(text: str) -> int:
    """The number of whitespace-separated words in ``text``."""
    return sum(1 for _ in re.finditer(r"\S+", text))
