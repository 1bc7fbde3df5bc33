"""Parse a folder of articles into one JSON Lines file, then read the results back.

    python examples/batch_folder.py                            # inputs/corpus -> a temp file
    python examples/batch_folder.py FOLDER -o parsed.jsonl --workers 4

The same as the command line's ``newsmodel batch FOLDER -o parsed.jsonl --workers 4``. The
folder is walked in sorted order: ``.html``/``.htm`` files are pages, ``.txt`` files plain
text, ``.jsonl`` files hold one ``{"id", "text"|"html", "url"}`` record a line; other files
are skipped and counted. Every document gives exactly one output line, in input order:
``{"id", "article"}`` or, when it cannot be read or parsed, ``{"id", "error"}``. Nothing is
dropped silently: the bundled corpus has one bad record, to show an error record. (This script
exits 0 either way; ``newsmodel batch`` exits 1 when any document failed.)
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import newsmodel
from newsmodel.batch import read_inputs, run_batch

CORPUS = Path(__file__).resolve().parent / "inputs" / "corpus"


def batch(folder: Path, output: Path, workers: int) -> int:
    with output.open("w", encoding="utf-8") as sink:
        summary = run_batch(read_inputs([str(folder)]), lambda line: sink.write(line + "\n"), workers=workers)
    print(
        f"{summary.documents} records: {summary.ok} parsed, {summary.errors} errors, "
        f"{summary.skipped} files skipped (not documents)"
    )

    with output.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            name = Path(record["id"]).name
            if "error" in record:
                print(f"  {name}: {record['error']['type']}: {record['error']['message']}")
                continue
            article = newsmodel.from_dict(record["article"])
            speakers = ", ".join(speaker.name for speaker in article.speakers) or "none"
            print(f"  {name}: {article.title!r}; quotes: {len(article.quotes)}; speakers: {speakers}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Parse a folder of articles into JSON Lines.")
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS, help="default: inputs/corpus")
    parser.add_argument("-o", "--output", type=Path, help="the .jsonl file to write (default: a temp file)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    args = parser.parse_args(argv)
    if args.output is not None:
        return batch(args.folder, args.output, args.workers)
    with tempfile.TemporaryDirectory() as folder:
        return batch(args.folder, Path(folder) / "parsed.jsonl", args.workers)


if __name__ == "__main__":
    raise SystemExit(main())
