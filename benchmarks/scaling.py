"""How parse time grows with input size: text and HTML from 10 KB to 10 MB, doubling each step.

Usage::

    python benchmarks/scaling.py                  # text and HTML, 10 KB .. 10 MB, full annotation
    python benchmarks/scaling.py --kinds text --max-kb 2560 --fast
    python benchmarks/scaling.py --check 1.2      # exit 1 if the fitted exponent exceeds 1.2

Inputs are synthetic news articles generated here (invented names, places and quotes, with
chrome lines and captions; HTML adds navigation, asides, metadata and JSON-LD). The number of
distinct people grows with the size, as in a real archive, so entity grouping is exercised.

For each size the best of several runs is timed (more runs for small inputs). Linear cost shows
as a ratio near 2.0 per doubling and a fitted exponent near 1.0 (time ~ size ** exponent, fitted
on sizes from 160 KB up, where fixed costs no longer dominate).
"""

from __future__ import annotations

import argparse
import functools
import gc
import math
import random
import sys
import time
from collections.abc import Callable
from typing import TypeVar

from newsmodel import parse_html, parse_text

T = TypeVar("T")
KB = 1024
FIT_FROM = 160 * KB
SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sa", "vin", "de", "ru", "pel", "an", "os", "bri", "tu"]
PLACES = ["Port Elda", "Vesterby", "Karsk", "New Amberly", "Lake Sorrel", "Orla"]
ORGS = ["the Harbor Authority", "Northwind Council", "the Ministry of Water", "Orla Group"]
CUES = ["said", "told reporters", "added", "warned", "argued"]
CLAUSES = [
    "the bridge will reopen in spring",
    "costs rose by 12 percent last year",
    "nobody expected the vote to pass",
    "we have done everything we could",
    "talks will continue on Monday",
    "the water level is falling again",
]
CHROME = ["Advertisement", "Share this article", "Sign up for our newsletter", "Related articles"]


class Writer:
    """Deterministic synthetic news paragraphs; new people appear as the text grows."""

    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)  # noqa: S311  # benchmark data, not secrets
        self.people: list[str] = []

    def person(self) -> str:
        if not self.people or self.rng.random() < 0.3:
            first = "".join(self.rng.choice(SYLLABLES) for _ in range(2)).capitalize()
            last = "".join(self.rng.choice(SYLLABLES) for _ in range(3)).capitalize()
            self.people.append(f"{first} {last}")
        return self.rng.choice(self.people[-200:])

    def sentence(self) -> str:
        rng = self.rng
        clause = rng.choice(CLAUSES)
        form = rng.randrange(5)
        if form == 0:
            return f"{self.person()} {rng.choice(CUES)} that {clause} in {rng.choice(PLACES)}."
        if form == 1:
            return f"\u201c{clause.capitalize()},\u201d {self.person()} {rng.choice(CUES)}."
        if form == 2:
            return f'{self.person()}, a spokeswoman for {rng.choice(ORGS)}, said: "{clause.capitalize()}."'
        if form == 3:
            return f"{rng.choice(ORGS).capitalize()} said {clause}; she disagreed."
        return f"{clause.capitalize()}, according to {self.person()}."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 4)))


def text_article(size: int) -> str:
    """A plain-text article of about ``size`` characters."""
    writer = Writer()
    parts = ["Harbor Authority approves the bridge", f"By {writer.person()}", "March 3, 2026"]
    parts.append(f"PORT ELDA (Wire Agency) - {writer.paragraph()}")
    total = sum(len(p) + 2 for p in parts)
    while total < size:
        part = writer.paragraph()
        if writer.rng.random() < 0.05:
            part = writer.rng.choice(CHROME)
        parts.append(part)
        total += len(part) + 2
    return "\n\n".join(parts)[:size]


def html_article(size: int) -> str:
    """A web page of about ``size`` characters around a synthetic article."""
    writer = Writer()
    head = (
        "<head><meta charset='utf-8'><title>Harbor Authority approves the bridge | The Example Times</title>"
        "<meta property='og:title' content='Harbor Authority approves the bridge'>"
        "<meta property='article:published_time' content='2026-03-03T09:30:00Z'>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbor Authority '
        'approves the bridge", "author": {"@type": "Person", "name": "Jane Roe"}}</script></head>'
    )
    parts = [
        f"<!DOCTYPE html><html>{head}<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>",
        "<article><h1>Harbor Authority approves the bridge</h1><p class='byline'>By Jane Roe</p>",
    ]
    total = sum(map(len, parts))
    end = "</article><footer>Copyright 2026 The Example Times</footer></body></html>"
    while total < size - len(end):
        roll = writer.rng.random()
        if roll < 0.04:
            part = f"<aside class='related'><ul><li><a href='/a'>{writer.sentence()}</a></li></ul></aside>"
        elif roll < 0.06:
            caption = f"{writer.sentence()} Photo: Wire Agency"
            part = f"<figure><img src='/i.jpg'><figcaption>{caption}</figcaption></figure>"
        else:
            part = f"<p>{writer.paragraph()}</p>\n"
        parts.append(part)
        total += len(part)
    parts.append(end)
    return "".join(parts)


def best_time(run: Callable[[], T], size: int) -> tuple[float, T]:
    """The best time of a few runs (more for small inputs, one for 2 MB and up) and a result."""
    repeats = max(1, min(7, (2 * 1024 * KB) // size))
    best = math.inf
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def fitted_exponent(points: list[tuple[int, float]]) -> float:
    """The least-squares slope of log(time) against log(size)."""
    xs = [math.log(s) for s, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kinds", nargs="+", choices=["text", "html"], default=["text", "html"])
    parser.add_argument("--min-kb", type=int, default=10, help="smallest input in KB (default 10)")
    parser.add_argument("--max-kb", type=int, default=10 * 1024, help="largest input in KB (default 10240)")
    parser.add_argument("--fast", action="store_true", help="annotate=False: layout/extraction only")
    parser.add_argument("--check", type=float, metavar="EXP", help="exit 1 if a fitted exponent exceeds EXP")
    args = parser.parse_args(argv)

    sizes = []
    size = args.min_kb * KB
    while size <= args.max_kb * KB:
        sizes.append(size)
        size *= 2
    mode = "annotate=False" if args.fast else "full annotation"
    print(f"newsmodel parse time against input size ({mode}; best of up to 7 runs)")
    worst = 0.0
    for kind in args.kinds:
        make, parse = (text_article, parse_text) if kind == "text" else (html_article, parse_html)
        print(
            f"\n{kind:<5} {'size':>9} {'chars':>10} {'seconds':>9} {'MB/s':>7} {'x prev':>7}"
            "  paragraphs entities quotes"
        )
        points: list[tuple[int, float]] = []
        previous = None
        for size in sizes:
            data = make(size)
            seconds, article = best_time(functools.partial(parse, data, annotate=not args.fast), size)
            ratio = f"{seconds / previous:7.2f}" if previous else "      -"
            speed = len(data) / seconds / 1e6
            counts = f"{len(article.paragraphs):>10,} {len(article.entities):>8,} {len(article.quotes):>6,}"
            print(
                f"{kind:<5} {size // KB:>7}KB {len(data):>10,} {seconds:>9.4f} {speed:>7.2f} {ratio}"
                f"  {counts}"
            )
            sys.stdout.flush()
            previous = seconds
            if size >= FIT_FROM:
                points.append((len(data), seconds))
        if len(points) >= 2:
            exponent = fitted_exponent(points)
            worst = max(worst, exponent)
            verdict = "linear" if exponent < 1.15 else "SUPER-LINEAR"
            print(f"{kind:<5} fitted exponent from {FIT_FROM // KB} KB: {exponent:.2f} ({verdict})")
    if args.check is not None and worst > args.check:
        print(f"\nFAIL: exponent {worst:.2f} exceeds {args.check}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
