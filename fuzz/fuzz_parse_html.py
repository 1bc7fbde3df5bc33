"""Fuzz parse_html with atheris: any bytes or str give a consistent Article or a NewsmodelError."""

from __future__ import annotations

from _harness import atheris, check, newsmodel, run


def target(data: bytes) -> None:
    """Parse a page (bytes or str) and URL drawn from ``data``."""
    provider = atheris.FuzzedDataProvider(data)
    as_text = provider.ConsumeBool()
    url = provider.ConsumeUnicodeNoSurrogates(provider.ConsumeIntInRange(0, 40)) or None
    rest = provider.remaining_bytes()
    page = provider.ConsumeUnicode(rest) if as_text else provider.ConsumeBytes(rest)
    check(newsmodel.parse_html(page, url=url))


if __name__ == "__main__":
    run(target)
