"""Fuzz parse_text with atheris: any string gives a consistent Article or a NewsmodelError."""

from __future__ import annotations

from _harness import atheris, check, newsmodel, run


def target(data: bytes) -> None:
    """Parse text and switches drawn from ``data``."""
    provider = atheris.FuzzedDataProvider(data)
    explain = provider.ConsumeBool()
    annotate = provider.ConsumeBool()
    text = provider.ConsumeUnicode(provider.remaining_bytes())  # lone surrogates included
    check(newsmodel.parse_text(text, explain=explain, annotate=annotate))


if __name__ == "__main__":
    run(target)
