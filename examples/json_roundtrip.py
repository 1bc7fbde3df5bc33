"""Save an article as JSON, load it back unchanged, and validate it against the JSON Schema.

    python examples/json_roundtrip.py                  # writes tram_strike.json in a temp folder
    python examples/json_roundtrip.py -o article.json

Needs ``jsonschema`` for the schema check (``pip install jsonschema``; the ``dev`` extra has
it). The JSON is lossless: loading it gives an article equal to the one saved, and saving that
gives the same bytes. The schema (:func:`newsmodel.json_schema`) checks shape and types, for
consumers in any language; :func:`newsmodel.from_json` also checks the cross-field rules (every
excerpt equals the text it points at) and names the JSON path of the first problem.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import jsonschema

import newsmodel

ARTICLE = Path(__file__).resolve().parent / "inputs" / "tram_strike.txt"


def roundtrip(output: Path) -> int:
    article = newsmodel.parse_text(ARTICLE.read_text(encoding="utf-8"))
    saved = newsmodel.to_json(article, indent=2)
    output.write_text(saved, encoding="utf-8")
    size = len(saved.encode("utf-8"))
    print(f"saved {output.name}: {size:,} bytes, schema_version {newsmodel.SCHEMA_VERSION}")

    loaded = newsmodel.from_json(output.read_text(encoding="utf-8"))
    print(f"loaded back equal: {loaded == article}")
    print(f"same bytes when saved again: {newsmodel.to_json(loaded, indent=2) == saved}")

    document = json.loads(saved)
    validator = jsonschema.Draft202012Validator(newsmodel.json_schema())
    problems = sorted(validator.iter_errors(document), key=lambda error: list(error.path))
    print(f"valid against the JSON Schema: {not problems}")
    for problem in problems:
        print(f"  {problem.json_path}: {problem.message}")

    # Offsets are code points into "text": any consumer can check them.
    mention = document["entities"][0]["mentions"][0]
    start, end = mention["span"]["start"], mention["span"]["end"]
    matches = document["text"][start:end] == mention["text"]
    print(f"entities[0].mentions[0] is {mention['text']!r} at {start}-{end}: {matches}")

    # A document whose excerpt no longer matches its offsets is refused, with its JSON path.
    mention["text"] += " (edited)"
    try:
        newsmodel.from_dict(document)
    except newsmodel.SerializationError as error:
        print(f"tampered copy refused at {error.path}")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Round-trip an article through JSON.")
    parser.add_argument("-o", "--output", type=Path, help="where to write the JSON (default: a temp folder)")
    args = parser.parse_args(argv)
    if args.output is not None:
        return roundtrip(args.output)
    with tempfile.TemporaryDirectory() as folder:
        return roundtrip(Path(folder) / "tram_strike.json")


if __name__ == "__main__":
    raise SystemExit(main())
