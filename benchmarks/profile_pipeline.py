"""Where parsing time goes: CPU milliseconds per page for every stage of the pipeline.

Runs ``parse_html`` over the pages of the extraction benchmark and ``parse_text`` over the
documents of the quotes benchmark (both read from the shared benchmark folders, never copied),
timing each stage with ``time.process_time`` (CPU time, so other load on the machine does not
inflate it), and prints a table stage -> ms/page. Stages are timed by wrapping the functions
that :mod:`newsmodel.html.extract` and :mod:`newsmodel.pipeline` call, so nothing in the
library changes for the measurement.

    python benchmarks/profile_pipeline.py html /work/shared/benchmarks/extraction/scrapinghub
    python benchmarks/profile_pipeline.py text /work/shared/benchmarks/quotes/polnear/dev.jsonl --limit 200
    python benchmarks/profile_pipeline.py html DIR --profile out.prof   # cProfile the whole run
    python benchmarks/profile_pipeline.py html DIR --dump digests.txt   # one output digest a page

``--dump`` writes one line per document, ``id sha256(to_json(article))``: run it before and
after a speed change and ``diff`` the files to show the outputs did not change.
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import hashlib
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import newsmodel
import newsmodel.html.extract as extract_module
import newsmodel.pipeline as pipeline_module
from newsmodel.serialize.article_json import to_json

HTML_STAGES = (
    "decode_bytes",
    "to_parser_bytes",
    "parse_document",
    "extract_metadata",
    "_titles",
    "_clean",
    "segment_tree",
    "select_content",
    "image_of",
    "merge_images",
    "_dateline",
)
PIPELINE_STAGES = (
    "build_doc",
    "detect_language",
    "split_sentences",
    "find_entities",
    "find_quotes",
    "attribute",
    "finalize",
)


def _wrap(module: Any, name: str, totals: dict[str, float]) -> None:
    inner: Callable[..., Any] = getattr(module, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            totals[name] += time.process_time() - start

    setattr(module, name, timed)


def _html_pages(folder: Path, limit: int | None) -> Iterator[tuple[str, bytes]]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id in sorted(truth)[:limit]:
        yield page_id, gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())


def _text_docs(path: Path, limit: int | None) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                return
            record = json.loads(line)
            yield record["id"], record["text"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("kind", choices=["html", "text"])
    parser.add_argument("source", type=Path, help="an extraction set folder, or a quotes .jsonl")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--repeat", type=int, default=1, help="parse every document N times")
    parser.add_argument("--profile", type=Path, help="write cProfile stats of the parses here")
    parser.add_argument("--dump", type=Path, help="write 'id sha256-of-json' a document here")
    parser.add_argument("--fast", action="store_true", help="annotate=False")
    args = parser.parse_args()

    totals: dict[str, float] = defaultdict(float)
    for name in HTML_STAGES:
        _wrap(extract_module, name, totals)
    for name in PIPELINE_STAGES:
        _wrap(pipeline_module, name, totals)

    docs: list[tuple[str, Any]] = list(
        _html_pages(args.source, args.limit) if args.kind == "html" else _text_docs(args.source, args.limit)
    )
    parse: Callable[..., newsmodel.Article] = (
        newsmodel.parse_html if args.kind == "html" else newsmodel.parse_text
    )
    options = {"annotate": False} if args.fast else {}
    profiler = cProfile.Profile() if args.profile else None
    digests = []
    whole = 0.0
    wall = 0.0
    for _ in range(args.repeat):
        for doc_id, data in docs:
            if profiler is not None:
                profiler.enable()
            start, wall_start = time.process_time(), time.perf_counter()
            article = parse(data, **options)
            whole += time.process_time() - start
            wall += time.perf_counter() - wall_start
            if profiler is not None:
                profiler.disable()
            if args.dump is not None and len(digests) < len(docs):
                digests.append(f"{doc_id} {hashlib.sha256(to_json(article).encode()).hexdigest()}\n")
    count = len(docs) * args.repeat
    if profiler is not None:
        profiler.dump_stats(args.profile)
    if args.dump is not None:
        args.dump.write_text("".join(digests), encoding="utf-8")

    print(f"{count} documents, {whole / count * 1000:.2f} CPU ms each ({wall / count * 1000:.2f} wall ms)")
    print(f"{'stage':<20} {'ms/doc':>8} {'share':>6}")
    timed = 0.0
    for name in (*HTML_STAGES, *PIPELINE_STAGES):
        if name in totals:
            seconds = totals[name]
            timed += seconds
            print(f"{name:<20} {seconds / count * 1000:8.2f} {seconds / whole:6.1%}")
    print(f"{'(rest)':<20} {(whole - timed) / count * 1000:8.2f} {(whole - timed) / whole:6.1%}")


if __name__ == "__main__":
    main()
