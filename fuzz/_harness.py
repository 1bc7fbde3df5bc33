"""What every harness shares: the one rule (a result or a NewsmodelError) and the atheris setup."""

from __future__ import annotations

import sys
from collections.abc import Callable

import atheris

with atheris.instrument_imports():
    import newsmodel
    from newsmodel import Article, NewsmodelError, from_json, to_json


def check(article: Article) -> None:
    """An article a parser returned must survive a JSON round trip unchanged."""
    if from_json(to_json(article)) != article:
        raise AssertionError("JSON round trip changed the article")


def run(target: Callable[[bytes], None]) -> None:
    """Fuzz ``target``: NewsmodelError is an accepted outcome, any other exception a finding."""

    def one_input(data: bytes) -> None:
        try:
            target(data)
        except NewsmodelError:
            return

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


__all__ = ["atheris", "check", "newsmodel", "run"]
