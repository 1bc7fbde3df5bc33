"""Fuzz from_json with atheris: any bytes load as an Article or raise SerializationError."""

from __future__ import annotations

from _harness import newsmodel, run


def target(data: bytes) -> None:
    """Load ``data``; what loads must survive saving and loading again."""
    try:
        article = newsmodel.from_json(data)
    except newsmodel.SerializationError:
        return
    if newsmodel.from_json(newsmodel.to_json(article)) != article:
        raise AssertionError("a loaded article does not survive saving and loading")


if __name__ == "__main__":
    run(target)
