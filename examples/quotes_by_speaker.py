"""Parse a plain-text article and list its quotes by speaker, with the evidence for each.

    python examples/quotes_by_speaker.py                    # the bundled inputs/tram_strike.txt
    python examples/quotes_by_speaker.py ARTICLE.txt

Plain text is an article as a scraper or a copy-paste gives it: headline, byline, date and
dateline lines are recognised and kept out of the body. Each quote's attribution says which
words named the source (``mention``), which words reported the speech (``cue``), which rule
matched and how confident it is. Quotes whose source names no entity (``"a spokesman"``, or
no source at all) are listed last.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import newsmodel

ARTICLE = Path(__file__).resolve().parent / "inputs" / "tram_strike.txt"


def describe(quote: newsmodel.Quote) -> str:
    """One line for a quote: kind, text, and how it was attributed."""
    line = f"[{quote.kind.value}] {quote.text}"
    attribution = quote.attribution
    if attribution is None:
        return line
    evidence = [f"rule {attribution.rule}", f"confidence {attribution.confidence:.2f}"]
    if attribution.cue is not None:
        evidence.insert(0, f"cue {attribution.cue.text!r}")
    if attribution.mention is not None:
        evidence.insert(0, f"named as {attribution.mention.text!r}")
    return f"{line}\n      ({'; '.join(evidence)})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List an article's quotes by speaker.")
    parser.add_argument("article", nargs="?", type=Path, default=ARTICLE, help="a UTF-8 text file")
    args = parser.parse_args(argv)

    article = newsmodel.parse_text(args.article.read_text(encoding="utf-8"))

    print(article.title)
    print(f"{len(article.quotes)} quotes, {len(article.speakers)} speakers")
    for speaker in article.speakers:
        roles = "; ".join(dict.fromkeys(role.text for role in speaker.roles))
        print()
        print(f"{speaker.name} ({speaker.kind.value}{', ' + roles if roles else ''})")
        for quote in article.quotes_by(speaker):
            print(f"  {describe(quote)}")
    unattributed = [quote for quote in article.quotes if quote.speaker is None]
    if unattributed:
        print()
        print("No entity as speaker")
        for quote in unattributed:
            print(f"  {describe(quote)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
