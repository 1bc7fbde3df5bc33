"""Parse a saved web page: headline, dates, authors, body paragraphs, images, and provenance.

    python examples/parse_html_page.py                      # the bundled page, inputs/ferry.html
    python examples/parse_html_page.py PAGE.html --url https://example.org/story

The page is read as raw bytes: :func:`newsmodel.parse_html` finds the encoding itself. The URL
(where the page came from) resolves relative image links. With ``--explain`` the blocks left
out as boilerplate (menus, related links, footers) are listed with the rule that removed them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import newsmodel

INPUTS = Path(__file__).resolve().parent / "inputs"
PAGE = INPUTS / "ferry.html"
PAGE_URL = "https://fjordcourier.example/travel/2026/04/night-ferry-returns"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Parse a saved web page with newsmodel.")
    parser.add_argument("page", nargs="?", type=Path, help="an HTML file (default: the bundled example)")
    parser.add_argument("--url", help="the address the page was saved from")
    parser.add_argument("--explain", action="store_true", help="list what was left out as boilerplate")
    args = parser.parse_args(argv)
    page: Path = args.page or PAGE
    url = args.url if args.page else PAGE_URL

    article = newsmodel.parse_html(page.read_bytes(), url=url, explain=args.explain)

    print(f"Title:     {article.title}")
    print(f"Subtitle:  {article.subtitle}")
    print(f"Published: {article.published.isoformat() if article.published else None}")
    print(f"Authors:   {', '.join(author.name for author in article.authors)}")
    print(f"Publisher: {article.publisher}")
    print(f"Language:  {article.language} (decoded as {article.encoding})")
    print()
    print("Where the metadata came from:")
    for item in article.provenance:
        print(f"  {item.field:<14} {item.source}")
    print()
    print(f"Body: {len(article.paragraphs)} paragraphs, {len(article.text)} characters")
    for number, paragraph in enumerate(article.paragraph_texts, 1):
        print(f"  {number}. {paragraph[:72]}{'…' if len(paragraph) > 72 else ''}")
    for image in article.images:
        print()
        print(f"Image:     {image.url}")
        print(f"  caption: {image.caption}")
        print(f"  credit:  {image.credit}")
    boilerplate = [defect for defect in article.defects if defect.code == "boilerplate"]
    if boilerplate:
        print()
        print("Left out as boilerplate (rule: text):")
        for defect in boilerplate:
            print(f"  {defect.message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
