"""Export an article as IPTC ninjs 3.1 and as schema.org NewsArticle JSON-LD.

    python examples/export_formats.py                      # the bundled inputs/ferry.html
    python examples/export_formats.py --print ninjs        # the whole ninjs item
    python examples/export_formats.py --print jsonld       # the whole JSON-LD document

ninjs (:func:`newsmodel.to_ninjs`) is what news agencies and publishing systems exchange;
JSON-LD (:func:`newsmodel.to_jsonld`) is the structured data a page embeds for search engines
and knowledge graphs, here with each quotation and its speaker. Both are lossy views: offsets,
confidences and defects live only in the lossless JSON of :func:`newsmodel.to_json`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import newsmodel

PAGE = Path(__file__).resolve().parent / "inputs" / "ferry.html"
PAGE_URL = "https://fjordcourier.example/travel/2026/04/night-ferry-returns"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Export an article as ninjs and JSON-LD.")
    parser.add_argument("--print", choices=["ninjs", "jsonld"], dest="show", help="print one export whole")
    args = parser.parse_args(argv)
    article = newsmodel.parse_html(PAGE.read_bytes(), url=PAGE_URL)
    ninjs = newsmodel.to_ninjs(article)
    jsonld = newsmodel.to_jsonld(article)
    if args.show:
        print(json.dumps(ninjs if args.show == "ninjs" else jsonld, ensure_ascii=False, indent=2))
        return 0

    print(f"ninjs {ninjs['standard']['version']}: {ninjs['uri']}")
    print(f"  type:           {ninjs['type']}")
    print(f"  headline:       {ninjs['headlines'][0]['value']}")
    print(f"  by:             {ninjs['by']}")
    print(f"  firstCreated:   {ninjs['firstCreated']}")
    print(f"  bodies:         {', '.join(body['contentType'] for body in ninjs['bodies'])}")
    print(f"  people:         {', '.join(person['name'] for person in ninjs.get('people', []))}")
    for association in ninjs.get("associations", []):
        name, kind = association["name"], association["type"]
        print(f"  {name + ':':<15} {kind} {association['uri']} by {association['by']}")

    print(f"JSON-LD {jsonld['@type']}: {jsonld['headline']}")
    print(f"  datePublished:  {jsonld['datePublished']}")
    print(f"  author:         {', '.join(author['name'] for author in jsonld['author'])}")
    print(f"  mentions:       {len(jsonld.get('mentions', []))} entities")
    quotations = [part for part in jsonld.get("hasPart", []) if part["@type"] == "Quotation"]
    print(f"  quotations:     {len(quotations)}")
    for quotation in quotations:
        speaker = quotation.get("spokenByCharacter", {}).get("name", "(no speaker)")
        print(f"    {speaker}: {quotation['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
