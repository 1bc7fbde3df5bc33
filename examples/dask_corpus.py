"""Parse a corpus in parallel with Dask: one JSON line per article, and the most quoted speakers.

Needs the ``dask`` extra (``pip install 'newsmodel[dask]'``)::

    python examples/dask_corpus.py examples/data -o parsed/

This starts a ``distributed.LocalCluster`` (worker processes on this machine), puts the
document paths in a ``dask.bag``, parses each document on a worker with
:func:`newsmodel.batch.parse_document` (pure and picklable, like ``parse_text`` and
``parse_html``), writes the records as JSON Lines (``parsed/part-0.jsonl``, ... one file per
partition, in input order) and prints the most quoted speakers. Records are the same as
``newsmodel batch`` writes: ``{"id", "article"}`` or ``{"id", "error": {"type", "message"}}``.

The same code runs on a cluster of many machines. Start a scheduler on one machine and
workers on the others, with the same version of newsmodel installed wherever a worker runs
(workers import it to parse), and the corpus on storage every worker can read (a shared file
system, or a mounted bucket)::

    dask scheduler                                   # on the scheduler host, listens on :8786
    dask worker tcp://SCHEDULER:8786 --nworkers 8 --nthreads 1    # on each worker host

    python examples/dask_corpus.py /shared/corpus -o /shared/parsed --scheduler tcp://SCHEDULER:8786

Only the list of paths travels from this script to the workers; each worker reads and parses
its own documents and writes its own part file. Parsing is CPU-bound Python, so give workers
one thread each and scale with processes (``--nworkers``) and machines.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import dask
import dask.bag as db
from distributed import Client, LocalCluster

from newsmodel import NewsmodelError, to_dict
from newsmodel.batch import Document, InputKind, parse_document

SUFFIXES = {".txt": InputKind.AUTO, ".text": InputKind.AUTO, ".html": InputKind.HTML, ".htm": InputKind.HTML}


def list_documents(root: Path) -> list[str]:
    """The article files under ``root``, sorted (only names: the workers read the files)."""
    return sorted(str(p) for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def parse_path(path: str) -> dict[str, Any]:
    """The record for one file: its article, or the error that stopped it (runs on a worker)."""
    try:
        content = Path(path).read_bytes()
        article = parse_document(Document(id=path, content=content, kind=SUFFIXES[Path(path).suffix.lower()]))
    except OSError as exc:
        return {"id": path, "error": {"type": "InputError", "message": f"cannot read {path}: {exc.strerror}"}}
    except NewsmodelError as exc:
        return {"id": path, "error": {"type": type(exc).__name__, "message": str(exc)}}
    return {"id": path, "article": to_dict(article)}


def speakers(record: dict[str, Any]) -> list[str]:
    """The speaker name of each attributed quote in a record."""
    article = record.get("article")
    if article is None:
        return []
    names = {entity["id"]: entity["name"] for entity in article["entities"]}
    return [
        names[quote["attribution"]["speaker"]]
        for quote in article["quotes"]
        if quote["attribution"] is not None and quote["attribution"]["speaker"] is not None
    ]


def is_error(record: dict[str, Any]) -> bool:
    """Whether a record is an error record."""
    return "error" in record


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("corpus", type=Path, help="directory of .txt/.html articles")
    parser.add_argument("-o", "--output", type=Path, required=True, help="directory for part-*.jsonl files")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://host:8786")
    parser.add_argument("--partitions", type=int, default=None, help="bag partitions (default: 4 per worker)")
    args = parser.parse_args(argv)

    paths = list_documents(args.corpus)
    if not paths:
        print(f"no .txt or .html files under {args.corpus}", file=sys.stderr)
        return 1
    args.output.mkdir(parents=True, exist_ok=True)
    for stale in args.output.glob("part-*.jsonl"):  # a previous run may have had more partitions
        stale.unlink()
    with contextlib.ExitStack() as stack:
        if args.scheduler:
            client = stack.enter_context(Client(args.scheduler))
        else:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=args.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            )
            client = stack.enter_context(Client(cluster))
        workers = max(1, len(client.scheduler_info()["workers"]))
        partitions = args.partitions or min(len(paths), 4 * workers)
        records = db.from_sequence(paths, npartitions=partitions).map(parse_path)
        # One graph for both results, so every document is parsed once.
        writes = records.map(json.dumps, ensure_ascii=False).to_textfiles(
            str(args.output / "part-*.jsonl"), compute=False, last_endline=True
        )
        errors = records.filter(is_error).count()
        top = records.map(speakers).flatten().frequencies().topk(5, key=1)
        _, error_count, most_quoted = dask.compute(writes, errors, top)

    print(f"{len(paths)} documents, {len(paths) - error_count} parsed, {error_count} errors -> {args.output}")
    if most_quoted:
        print("most quoted: " + ", ".join(f"{name} ({count})" for name, count in most_quoted))
    else:
        print("most quoted: no attributed quotes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
