"""Hypothesis strategies for newsmodel objects, for your own property-based tests.

Needs the ``testing`` extra: ``pip install 'newsmodel[testing]'``. See
:mod:`newsmodel.testing.strategies` for the full list.
"""

try:
    import hypothesis  # noqa: F401
except ImportError as exc:  # pragma: no cover - exercised only without hypothesis
    raise ImportError("newsmodel.testing needs hypothesis: pip install 'newsmodel[testing]'") from exc

from newsmodel.testing.strategies import (
    articles,
    attributions,
    authors,
    datelines,
    datetimes,
    entities,
    excerpts,
    images,
    mentions,
    names,
    ordered_spans,
    quotes,
    spans,
    texts,
)

__all__ = [
    "articles",
    "attributions",
    "authors",
    "datelines",
    "datetimes",
    "entities",
    "excerpts",
    "images",
    "mentions",
    "names",
    "ordered_spans",
    "quotes",
    "spans",
    "texts",
]
