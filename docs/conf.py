"""Sphinx configuration for the newsmodel documentation (built with -W: warnings fail)."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from sphinx.pycode import ModuleAnalyzer

import newsmodel

project = "newsmodel"
author = "The newsmodel developers"
copyright = "2026, The newsmodel developers"  # noqa: A001 - Sphinx's name for it
release = newsmodel.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
# Pages included into others (not built on their own): the spaCy section of cookbook/spacy.md.
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "cookbook/_*.md"]
html_theme = "furo"
html_title = f"newsmodel {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": False}
autodoc_typehints_description_target = "documented"
nitpicky = False


# The public classes are re-homed to ``newsmodel`` (so reprs and docs say ``newsmodel.Article``);
# their attribute docstrings live in the private modules that define them. Collect those once
# and hand them to autodoc.
_ATTRIBUTE_DOCS: dict[tuple[str, str], list[str]] = {}


def _collect_attribute_docs() -> None:
    for info in pkgutil.walk_packages(newsmodel.__path__, "newsmodel."):
        if info.name.startswith(("newsmodel.testing", "newsmodel.nlp.spacy")):
            continue
        try:
            importlib.import_module(info.name)
            docs = ModuleAnalyzer.for_module(info.name).find_attr_docs()
        except Exception:  # noqa: S112 - a module we cannot analyse just has no attribute docs
            continue
        for (cls, attr), lines in docs.items():
            _ATTRIBUTE_DOCS.setdefault((cls, attr), list(lines))


def _fill_attribute_docs(  # noqa: PLR0917 - the signature Sphinx calls it with
    app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    if what != "attribute" or any(line.strip() for line in lines):
        return
    cls, _, attr = name.rpartition(".")
    found = _ATTRIBUTE_DOCS.get((cls.rpartition(".")[2], attr))
    if found:
        lines[:] = found


def setup(app: Any) -> None:
    _collect_attribute_docs()
    app.connect("autodoc-process-docstring", _fill_attribute_docs)
