"""Bytes to text: choose a page's encoding by evidence, decode it, clean what lxml refuses.

The encoding is chosen in this order; the first that applies wins:

1. a byte order mark (UTF-8, UTF-16, UTF-32), or a UTF-16 page without one (NUL bytes
   beside the ASCII of its first ``<``);
2. the charset the page declares: ``<meta charset>``, ``<meta http-equiv="Content-Type">``
   or an XML declaration, in the first :data:`PRESCAN_BYTES` bytes. Labels are read as
   browsers read them (``iso-8859-1`` means windows-1252, ``gb2312`` means GB 18030, ...);
3. UTF-8, if the bytes are valid UTF-8;
4. :attr:`ParsePolicy.default_encoding`, recorded as an ``encoding-fallback`` defect.

A declaration is overruled by evidence, so that a wrong one never produces mojibake:

* a page that declares another encoding but whose bytes are valid UTF-8 and hold at least
  one multi-byte sequence is UTF-8 (natural text in a legacy encoding is practically never
  valid UTF-8 by accident);
* a page that declares UTF-8 (or declares nothing) but is not valid UTF-8 is read as UTF-8
  only if its valid multi-byte sequences outnumber its invalid bytes; otherwise it is in a
  legacy encoding and :attr:`ParsePolicy.default_encoding` is used.

Defects recorded: ``encoding-mismatch`` when evidence overrules a declaration,
``encoding-fallback`` when :attr:`ParsePolicy.default_encoding` is a guess for an undeclared
page, ``unknown-encoding`` for a label no codec answers to, and ``undecodable-bytes`` (the
bytes become U+FFFD) for bytes the chosen encoding cannot decode. In strict mode each of
them raises :class:`~newsmodel.DecodeError` instead: strict parsing never guesses. A
``default_encoding`` that names no codec raises :class:`~newsmodel.InputError`.
"""

from __future__ import annotations

import codecs
import re
from functools import cache

import attrs

from newsmodel.data import read_json
from newsmodel.exceptions import DecodeError, InputError
from newsmodel.model import Defect
from newsmodel.policy import ParsePolicy
from newsmodel.text.scrub import scrub

__all__ = ["PRESCAN_BYTES", "Decoded", "decode_bytes", "to_parser_bytes"]

PRESCAN_BYTES = 16_384
"""How far into the bytes a charset declaration is looked for."""

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Bounded repetitions: each match attempt reads at most a few hundred bytes, so a scan is
# linear in the prefix length.
_META_CHARSET = re.compile(
    rb"<meta\s[^>]{0,600}?charset\s{0,20}=\s{0,20}[\"']?\s{0,20}([A-Za-z0-9_.:()-]{1,40})", re.I
)
_XML_DECLARATION = re.compile(
    rb"\s{0,100}<\?xml[^>]{0,200}?encoding\s{0,20}=\s{0,20}[\"']([A-Za-z0-9_.:-]{1,40})", re.I
)
# Bytes of characters libxml2 cannot hold: C0 controls except tab, line feed, carriage return.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13))
# A UTF-16 surrogate code point encoded with "surrogatepass" (only lone ones can occur).
_SURROGATE_BYTES = re.compile(rb"\xed[\xa0-\xbf]")


@attrs.frozen
class Decoded:
    """A page's text, the codec that produced it (``None`` for ``str`` input) and its defects."""

    text: str
    encoding: str | None
    defects: tuple[Defect, ...] = ()
    utf8: bytes | None = None
    """The input bytes when they are exactly ``text`` in UTF-8 (valid, no byte order mark)."""


@cache
def _labels() -> dict[str, str | None]:
    labels: dict[str, str | None] = read_json("html_charsets.json")["labels"]
    return labels


def codec_for(label: str) -> str | None:
    """The Python codec for a declared charset label, or ``None`` if it names no known one."""
    key = label.strip().lower()
    if key in _labels():
        return _labels()[key]  # None for labels refused on purpose (UTF-7)
    try:
        info = codecs.lookup(key)
    except LookupError:
        return None
    # A label Python knows but that is no text encoding (e.g. "base64", "rot13") is unknown.
    return info.name if getattr(info, "_is_text_encoding", True) else None


def declared_charset(data: bytes) -> str | None:
    """The charset label a page declares in its first :data:`PRESCAN_BYTES` bytes, if any."""
    head = data[:PRESCAN_BYTES]
    found = _META_CHARSET.search(head)
    if found is None:
        found = _XML_DECLARATION.match(head)
    return found.group(1).decode("ascii") if found else None


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    # UTF-16 without a BOM: the first "<" (or other ASCII) is paired with a NUL byte.
    head = data[:4]
    if len(head) == 4 and head[0] != 0 and head[1] == 0 and head[2] != 0 and head[3] == 0:
        return "utf-16-le", 0
    if len(head) == 4 and head[0] == 0 and head[1] != 0 and head[2] == 0 and head[3] != 0:
        return "utf-16-be", 0
    return None


def _decode_counting(data: bytes, codec: str) -> tuple[str, int]:
    """Decode with replacement and count the replacements (U+FFFD the bytes encode is text)."""
    text = data.decode(codec, "replace")
    return text, len(text) - len(data.decode(codec, "ignore"))


def _utf8_evidence(data: bytes) -> tuple[str, int, int]:
    """Decode as UTF-8 with replacement; count valid multi-byte characters and invalid runs.

    For valid UTF-8 (no invalid runs) the count is only 1 or 0: whether there is any.
    """
    text = data.decode("utf-8", "replace")
    if "\ufffd" not in text:  # nothing was replaced: valid, and no need to count
        return text, 0 if text.isascii() else 1, 0
    invalid = len(text) - len(data.decode("utf-8", "ignore"))
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return text, non_ascii - invalid, invalid


def _defect(code: str, message: str, policy: ParsePolicy) -> Defect:
    if policy.strict:
        raise DecodeError(message)
    return Defect(code=code, message=message)


def _decode_with(data: bytes, codec: str, policy: ParsePolicy, defects: list[Defect]) -> str:
    text, bad = _decode_counting(data, codec)
    if bad:
        defects.append(
            _defect(
                "undecodable-bytes", f"{bad} byte sequence(s) not valid {codec} replaced by U+FFFD", policy
            )
        )
    return text


def decode_bytes(data: bytes, policy: ParsePolicy) -> Decoded:
    """Decode a page's bytes (see the module docstring for the rules and their order)."""
    defects: list[Defect] = []
    bom = _bom(data)
    if bom is not None:
        codec, skip = bom
        return Decoded(_decode_with(data[skip:], codec, policy, defects), codec, tuple(defects))
    label = declared_charset(data)
    declared = codec_for(label) if label is not None else None
    if label is not None and declared is None:
        defects.append(
            _defect("unknown-encoding", f"declared charset {label!r} is not a known encoding", policy)
        )
    utf8_text, multibyte, invalid = _utf8_evidence(data)
    if declared is not None and declared != "utf-8":
        if invalid == 0 and multibyte > 0:
            defects.append(
                _defect(
                    "encoding-mismatch",
                    f"page declares {label!r} but its bytes are valid UTF-8; decoded as UTF-8",
                    policy,
                )
            )
            return Decoded(utf8_text, "utf-8", tuple(defects))
        return Decoded(_decode_with(data, declared, policy, defects), declared, tuple(defects))
    if invalid == 0:
        return Decoded(utf8_text, "utf-8", tuple(defects), utf8=data)
    if multibyte > invalid:
        defects.append(
            _defect(
                "undecodable-bytes", f"{invalid} byte sequence(s) not valid UTF-8 replaced by U+FFFD", policy
            )
        )
        return Decoded(utf8_text, "utf-8", tuple(defects))
    fallback = codec_for(policy.default_encoding)
    if fallback is None:
        raise InputError(f"ParsePolicy.default_encoding {policy.default_encoding!r} is not a known encoding")
    if declared == "utf-8":
        message = f"page declares {label!r} but is not UTF-8; decoded as {fallback}"
        defects.append(_defect("encoding-mismatch", message, policy))
    else:
        message = f"no charset declared and not valid UTF-8; decoded as {fallback} (default_encoding)"
        defects.append(_defect("encoding-fallback", message, policy))
    return Decoded(_decode_with(data, fallback, policy, defects), fallback, tuple(defects))


def to_parser_bytes(text: str, policy: ParsePolicy, utf8: bytes | None = None) -> tuple[bytes, list[Defect]]:
    """UTF-8 bytes of ``text`` that lxml accepts whole, and what had to change.

    ``utf8`` is ``text`` in UTF-8 when the caller has it (the page's own bytes), saving the
    encoding.

    Lone surrogates become U+FFFD; C0 controls (but tab, line feed, carriage return) and the
    non-characters U+FFFE/U+FFFF are removed; form feed becomes a space; a leading byte order
    mark is dropped. Each kind of change is one defect (in strict mode an
    :class:`~newsmodel.InputError`). The work is done on the UTF-8 bytes, where a control
    character is a single byte no multi-byte sequence contains.
    """
    defects: list[Defect] = []
    if utf8 is not None and not text.startswith("\ufeff"):
        data = utf8
    else:
        data = text.removeprefix("\ufeff").encode("utf-8", "surrogatepass")
    if b"\xed" in data and _SURROGATE_BYTES.search(data):
        text, defects = scrub(text.removeprefix("\ufeff"))
        if policy.strict:
            raise InputError(defects[0].message)
        data = text.encode("utf-8")
    data = data.replace(b"\x0c", b" ")
    kept = data.translate(None, _CONTROL_BYTES)
    removed = len(data) - len(kept)
    if b"\xef\xbf\xbe" in kept or b"\xef\xbf\xbf" in kept:
        shorter = kept.replace(b"\xef\xbf\xbe", b"").replace(b"\xef\xbf\xbf", b"")
        removed += (len(kept) - len(shorter)) // 3
        kept = shorter
    if removed:
        message = f"{removed} control character(s) or non-character(s) removed"
        if policy.strict:
            raise InputError(message)
        defects.append(Defect(code="invalid-character", message=message))
    return kept, defects
