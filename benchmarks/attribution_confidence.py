"""What an attribution's confidence means, measured: precision by confidence band.

Runs ``newsmodel.parse_text`` over a gold file of quotes (JSON Lines, one document a line:
``{"id", "text", "quotes": [{"start", "end", "speaker", ...}]}``, the format of the quotes
benchmark kept outside this repository) and prints, for each confidence band, how many quotes
newsmodel reported, the share that match a gold quote (the quote covers at least half of a gold
quote's span), and among matched quotes whose gold quote has a source, the share whose speaker
is right (the words naming the source, or a name of the resolved entity, contain the gold
source's words or are contained in them, ignoring case and punctuation: "John Baird" names
"Foreign Minister John Baird").

    python benchmarks/attribution_confidence.py GOLD.jsonl [--limit N]

Not part of the test suite; the gold data is never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import newsmodel

BANDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


@dataclass
class Band:
    """Counts for one confidence band."""

    quotes: int = 0
    matched: int = 0
    with_source: int = 0
    speaker_right: int = 0
    rules: dict[str, int] = field(default_factory=dict)


def documents(path: Path, limit: int | None) -> Iterator[dict[str, object]]:
    """The gold documents of ``path``, at most ``limit``."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                return
            yield json.loads(line)


def located(source: str, article: newsmodel.Article) -> list[tuple[newsmodel.Quote, int, int]]:
    """Each quote with its offsets in ``source`` (the body may omit title and chrome lines)."""
    if article.text == source:
        return [(quote, quote.span.start, quote.span.end) for quote in article.quotes]
    placed = []
    for quote in article.quotes:
        start = source.find(quote.text, max(0, quote.span.start - 200))
        if start < 0:
            start = source.find(quote.text)
        if start >= 0:
            placed.append((quote, start, start + len(quote.text)))
    return placed


def band_of(confidence: float) -> int:
    """The index of the band ``confidence`` falls in."""
    return next(index for index, upper in enumerate(BANDS[1:]) if confidence < upper)


def words(name: str) -> str:
    """``name`` as space-joined lower-case words, possessive 's and punctuation removed."""
    name = re.sub(r"[\u2019']s\b", " ", name.casefold())
    return " " + " ".join(re.sub(r"[^\w\s]|_", " ", name).split()) + " "


def speaker_right(quote: newsmodel.Quote, gold_source: str) -> bool:
    """Whether the attribution names the gold source."""
    wanted = words(gold_source)
    attribution = quote.attribution
    names = []
    if attribution is not None and attribution.mention is not None:
        names.append(attribution.mention.text)
    if quote.speaker is not None:
        names.extend([quote.speaker.name, *quote.speaker.aliases])
    found = [words(name) for name in names]
    return wanted.strip() != "" and any(w.strip() and (w in wanted or wanted in w) for w in found)


def measure(path: Path, limit: int | None) -> list[Band]:
    """Counts per band over the documents of ``path``."""
    bands = [Band() for _ in BANDS[1:]]
    for document in documents(path, limit):
        source = str(document["text"])
        gold = document["quotes"]
        assert isinstance(gold, list)
        article = newsmodel.parse_text(source)
        for quote, start, end in located(source, article):
            confidence = quote.attribution.confidence if quote.attribution else 0.0
            band = bands[band_of(confidence)]
            band.quotes += 1
            rule = quote.attribution.rule if quote.attribution else "(none)"
            band.rules[rule] = band.rules.get(rule, 0) + 1
            best = max(
                gold,
                key=lambda g: min(end, g["end"]) - max(start, g["start"]),
                default=None,
            )
            if best is None:
                continue
            overlap = min(end, best["end"]) - max(start, best["start"])
            if overlap <= 0 or overlap * 2 < best["end"] - best["start"]:
                continue
            band.matched += 1
            if best.get("speaker"):
                band.with_source += 1
                band.speaker_right += speaker_right(quote, best["speaker"])
    return bands


def main() -> None:
    """Print the table."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("gold", type=Path)
    options.add_argument("--limit", type=int)
    arguments = options.parse_args()
    bands = measure(arguments.gold, arguments.limit)
    print(f"{'confidence':<12}{'quotes':>8}{'matched':>9}{'speaker right':>15}  most frequent rules")
    for lower, upper, band in zip(BANDS[:-1], BANDS[1:], bands, strict=True):
        if not band.quotes:
            continue
        rules = ", ".join(name for name, _ in sorted(band.rules.items(), key=lambda item: -item[1])[:3])
        speaker = band.speaker_right / band.with_source if band.with_source else float("nan")
        label = f"{lower:.1f}-{min(upper, 1.0):.1f}"
        print(f"{label:<12}{band.quotes:>8}{band.matched / band.quotes:>9.3f}{speaker:>15.3f}  {rules}")


if __name__ == "__main__":
    main()
