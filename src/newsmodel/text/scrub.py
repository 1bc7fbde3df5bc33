"""Make arbitrary ``str`` input safe for the model without losing track of what changed."""

from __future__ import annotations

import re

from newsmodel.model import Defect

_SURROGATE = re.compile("[\ud800-\udfff]+")
REPLACEMENT = "\ufffd"


def scrub(text: str) -> tuple[str, list[Defect]]:
    """Replace lone surrogates (invalid in UTF-8 and JSON) by U+FFFD, one defect per run.

    Offsets are preserved: each surrogate becomes exactly one replacement character.
    """
    defects = [
        Defect(
            code="invalid-character",
            message=f"{len(m.group())} lone surrogate(s) at offset {m.start()} replaced by U+FFFD",
        )
        for m in _SURROGATE.finditer(text)
    ]
    if not defects:
        return text, defects
    return _SURROGATE.sub(lambda m: REPLACEMENT * len(m.group()), text), defects
