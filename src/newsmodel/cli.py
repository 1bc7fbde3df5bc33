"""The ``newsmodel`` command (also ``python -m newsmodel``).

Commands::

    newsmodel parse FILE|-        parse one article; print a summary, JSON, ninjs, JSON-LD or its text
    newsmodel parse --sample      parse the sample article shipped with newsmodel
    newsmodel batch INPUT... -o OUT.jsonl
                                  parse files, directories, globs, JSON Lines and WARC files
    newsmodel validate FILE...    check .json / .jsonl files against the article format
    newsmodel schema              print the JSON Schema of the article format

Exit status:

====  ======================================================================================
0     success
1     a document could not be parsed (``parse``, ``batch``) or a record is invalid (``validate``)
2     usage error: bad arguments, or an output file that exists (use ``--resume``/``--force``)
3     an input file is missing or unreadable, or the output cannot be written
4     an optional dependency is missing (``warcio`` for WARC input: ``newsmodel[warc]``)
130   interrupted (Ctrl-C); ``batch --resume`` continues where it stopped
====  ======================================================================================
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import IO, Any, NoReturn

from newsmodel import __version__
from newsmodel.batch import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    WARC_SUFFIXES,
    BatchSummary,
    Document,
    InputKind,
    OutputFormat,
    parse_document,
    prepare_resume,
    read_inputs,
    resolve_inputs,
    run_batch,
)
from newsmodel.exceptions import InputError, NewsmodelError, SerializationError
from newsmodel.model import Article, Quote
from newsmodel.policy import DEFAULT, ParsePolicy
from newsmodel.serialize import from_dict, json_schema, to_dict, to_jsonld, to_ninjs

__all__ = [
    "EXIT_FAILED",
    "EXIT_INPUT",
    "EXIT_INTERRUPTED",
    "EXIT_MISSING_DEPENDENCY",
    "EXIT_OK",
    "EXIT_USAGE",
    "main",
    "summarize",
]

EXIT_OK = 0
"""Everything worked."""
EXIT_FAILED = 1
"""Some document could not be parsed, or some record is invalid."""
EXIT_USAGE = 2
"""Bad arguments (argparse's own status for them)."""
EXIT_INPUT = 3
"""An input is missing or unreadable, or the output cannot be written."""
EXIT_MISSING_DEPENDENCY = 4
"""An optional dependency the input needs is not installed."""
EXIT_INTERRUPTED = 130
"""Interrupted by Ctrl-C (128 + SIGINT, the shell convention)."""

SAMPLE = "sample_article.txt"
"""The sample article in :mod:`newsmodel.data` that ``parse --sample`` reads."""

_QUOTE_WIDTH = 160
_PROGRESS_INTERVAL = 0.25


class _Exit(Exception):  # noqa: N818  # not an error: argparse asking to stop with a status
    """Raised by the parser instead of calling :func:`sys.exit`, so :func:`main` returns."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Parser(argparse.ArgumentParser):
    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise _Exit(status)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be at least 1")
    return number


def _policy_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("parsing options")
    group.add_argument("--fast", action="store_true", help="text and metadata only: no entities or quotes")
    group.add_argument(
        "--strict", action="store_true", help="fail on input defects instead of recording them"
    )
    group.add_argument("--language", metavar="LANG", help="assume this language (BCP 47, e.g. en)")
    group.add_argument(
        "--default-encoding",
        metavar="ENC",
        help="encoding for bytes that declare none and are not UTF-8 (default: cp1252)",
    )


def _build_parser() -> _Parser:
    parser = _Parser(
        prog="newsmodel",
        description="News articles as typed data: text, metadata, entities, quotes and their speakers.",
        epilog="exit status: 0 ok, 1 some documents failed or are invalid, 2 usage error, "
        "3 missing or unreadable input/unwritable output, 4 optional dependency missing, 130 interrupted",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    parse = commands.add_parser(
        "parse",
        help="parse one article and print it",
        description="Parse one article (HTML or plain text, detected) and print a summary or a format.",
    )
    source = parse.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", metavar="FILE", help="the article file, or - for standard input")
    source.add_argument(
        "--sample", action="store_true", help="parse the sample article bundled with newsmodel"
    )
    parse.add_argument("--url", help="the address the page came from (resolves relative links)")
    parse.add_argument(
        "--as",
        dest="kind",
        choices=[k.value for k in InputKind],
        default="auto",
        help="read the input as HTML or text (default: by file name, then by content)",
    )
    parse.add_argument(
        "--format",
        choices=["text", "json", "ninjs", "jsonld", "body"],
        default="text",
        help="text: a readable summary (default); json: the lossless JSON; ninjs: IPTC ninjs 3.1; "
        "jsonld: schema.org NewsArticle; body: the body text only",
    )
    _policy_options(parse)

    batch = commands.add_parser(
        "batch",
        help="parse many documents into a JSON Lines file",
        description="Parse files, directories, globs, JSON Lines ({id, html|text, url} per line; - for "
        "standard input) and WARC files. Writes one record per document, in input order: "
        '{"id", "article"} or {"id", "error": {"type", "message"}}.',
    )
    batch.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, glob, .jsonl, .warc or -")
    batch.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="output .jsonl file (- for stdout)"
    )
    batch.add_argument(
        "--workers", type=_positive, default=1, metavar="N", help="worker processes (default 1)"
    )
    batch.add_argument(
        "--format",
        choices=["json", "ninjs", "jsonld"],
        default="json",
        help='what each record carries: "article" (json, default), "ninjs" or "jsonld"',
    )
    done = batch.add_mutually_exclusive_group()
    done.add_argument("--resume", action="store_true", help="append to OUT, skipping ids already in it")
    done.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    batch.add_argument("--no-progress", action="store_true", help="no progress line, even on a terminal")
    _policy_options(batch)

    validate = commands.add_parser(
        "validate",
        help="check JSON / JSON Lines files against the article format",
        description="Check articles in .json files (one document) and .jsonl files (one per line, bare or as "
        "batch records) with the same checks as loading them; report each bad record with its line and "
        "JSON path.",
    )
    validate.add_argument(
        "files", nargs="+", metavar="FILE", help=".json or .jsonl file, or - for standard input (either)"
    )

    commands.add_parser("schema", help="print the JSON Schema of the article format")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
        command: Callable[[argparse.Namespace], int] = _COMMANDS[args.command]
        return command(args)
    except _Exit as stop:
        return stop.status
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (e.g. `| head`); nothing more to say
        _silence_stdout()
        return EXIT_OK


# --------------------------------------------------------------------------------------------
# Output helpers


def _err(message: str) -> None:
    sys.stderr.write(f"newsmodel: {message}\n")


def _out(text: str) -> None:
    stream = sys.stdout
    try:
        stream.write(text)
    except UnicodeEncodeError:  # a console that cannot show every character
        encoding = stream.encoding or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
    stream.flush()


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor behind stdout (tests, embedding)
        return


def _json(value: Any, *, indent: int | None = 2) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent) + "\n"


def _policy(args: argparse.Namespace) -> ParsePolicy:
    changes: dict[str, Any] = {}
    if args.fast:
        changes["annotate"] = False
    if args.strict:
        changes["strict"] = True
    if args.language:
        changes["language"] = args.language
    if args.default_encoding:
        changes["default_encoding"] = args.default_encoding
    return DEFAULT.clone(**changes) if changes else DEFAULT


def _known_encoding(name: str | None) -> bool:
    try:
        if name is not None:
            "".encode(name)
    except LookupError:
        return False
    return True


# --------------------------------------------------------------------------------------------
# parse


def _read_source(args: argparse.Namespace) -> tuple[str, bytes]:
    if args.sample:
        return SAMPLE, resources.files("newsmodel.data").joinpath(SAMPLE).read_bytes()
    if args.file == "-":
        return "<stdin>", sys.stdin.buffer.read()
    return args.file, Path(args.file).read_bytes()


_NUL_IN_PATH = "a file name cannot contain a NUL character"


def _parse(args: argparse.Namespace) -> int:
    if not _known_encoding(args.default_encoding):
        _err(f"unknown encoding {args.default_encoding!r}")
        return EXIT_USAGE
    if args.file is not None and "\x00" in args.file:
        _err(f"cannot read {args.file!r}: {_NUL_IN_PATH}")
        return EXIT_INPUT
    try:
        name, content = _read_source(args)
    except OSError as exc:
        _err(f"cannot read {exc.filename or args.file}: {exc.strerror}")
        return EXIT_INPUT
    kind = InputKind(args.kind)
    if kind is InputKind.AUTO and Path(name.lower()).suffix in HTML_SUFFIXES:
        kind = InputKind.HTML
    try:
        article = parse_document(Document(id=name, content=content, kind=kind, url=args.url), _policy(args))
    except NewsmodelError as exc:
        _err(f"{name}: {type(exc).__name__}: {exc}")
        return EXIT_FAILED
    if args.format == "json":
        _out(_json(to_dict(article)))
    elif args.format == "ninjs":
        _out(_json(to_ninjs(article)))
    elif args.format == "jsonld":
        _out(_json(to_jsonld(article)))
    elif args.format == "body":
        _out(article.text + "\n")
    else:
        _out(summarize(article))
    return EXIT_OK


def summarize(article: Article) -> str:
    """A readable summary: title, dates, authors, entities, and each quote with its speaker."""
    lines = [article.title or "(no title)"]
    if article.subtitle:
        lines.append(article.subtitle)
    lines.append("")
    facts = [
        ("Published", article.published.isoformat() if article.published else None),
        ("Modified", article.modified.isoformat() if article.modified else None),
        ("Authors", ", ".join(_credit(a.name, a.role.value, a.affiliation) for a in article.authors) or None),
        ("Dateline", article.dateline.text if article.dateline else None),
        ("Publisher", article.publisher),
        ("Section", article.section),
        ("Language", article.language),
        ("URL", article.canonical_url or article.url),
        ("Tags", ", ".join(article.tags) or None),
        ("Images", str(len(article.images)) if article.images else None),
    ]
    lines.extend(f"{label:<10} {value}" for label, value in facts if value)
    counts = [(len(article.text), "character"), (len(article.paragraphs), "paragraph")]
    counts.append((len(article.sentences), "sentence"))
    lines.append(f"{'Body':<10} " + ", ".join(_count(n, noun) for n, noun in counts))
    lines.append("")
    lines.append(f"Entities ({len(article.entities)})")
    for entity in article.entities:
        extra = []
        if entity.aliases:
            extra.append("also " + "; ".join(entity.aliases))
        if entity.roles:
            extra.append("roles " + "; ".join(dict.fromkeys(r.text for r in entity.roles)))
        count = len(entity.mentions)
        detail = f"  ({', '.join(extra)})" if extra else ""
        lines.append(f"  {entity.kind.value:<13} {entity.name}  ×{count}{detail}")
    lines.append("")
    lines.append(f"Quotes ({len(article.quotes)})")
    for quote in article.quotes:
        lines.extend(_quote_lines(quote))
    if article.defects:
        lines.append("")
        lines.append(f"Defects ({len(article.defects)})")
        lines.extend(f"  {d.code}: {d.message}" for d in article.defects)
    return "\n".join(lines) + "\n"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _credit(name: str, role: str, affiliation: str | None) -> str:
    notes = [n for n in (affiliation, None if role == "author" else role) if n]
    return f"{name} ({', '.join(notes)})" if notes else name


def _quote_lines(quote: Quote) -> list[str]:
    text = " ".join(quote.text.split())
    if len(text) > _QUOTE_WIDTH:
        text = text[: _QUOTE_WIDTH - 1] + "…"
    attribution = quote.attribution
    if quote.speaker is not None:
        source = quote.speaker.name
    elif attribution is not None and attribution.mention is not None:
        source = f"{attribution.mention.text} (no entity)"
    else:
        source = "unattributed"
    if attribution is not None and attribution.cue is not None:
        source += f" ({attribution.cue.text})"
    return [f"  [{quote.id}, {quote.kind.value}] “{text}”", f"      — {source}"]


# --------------------------------------------------------------------------------------------
# batch


class _Progress:
    """A one-line progress display on stderr, redrawn at most a few times a second."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.last = 0.0
        self.drawn = False

    def __call__(self, summary: BatchSummary) -> None:
        now = time.monotonic()
        if now - self.last < _PROGRESS_INTERVAL:
            return
        self.last = now
        self.stream.write(
            f"\r{_count(summary.documents, 'doc')}, {_count(summary.errors, 'error')}, "
            f"{summary.docs_per_second:,.1f} docs/s "
        )
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _report(summary: BatchSummary) -> None:
    _err(
        f"{_count(summary.documents, 'doc')}, {summary.ok:,} ok, {_count(summary.errors, 'error')}, "
        f"{summary.skipped:,} skipped (not documents), {summary.already_done:,} already done; "
        f"{summary.seconds:.1f} s, {summary.docs_per_second:,.1f} docs/s"
    )


def _batch(args: argparse.Namespace) -> int:
    if not _known_encoding(args.default_encoding):
        _err(f"unknown encoding {args.default_encoding!r}")
        return EXIT_USAGE
    to_stdout = args.output == "-"
    if to_stdout and args.resume:
        _err("--resume needs an output file, not -")
        return EXIT_USAGE
    if args.inputs.count("-") > 1:
        _err("standard input (-) can be read only once")
        return EXIT_USAGE
    try:
        inputs = resolve_inputs(args.inputs)
    except InputError as exc:
        _err(str(exc))
        return EXIT_INPUT
    if any(i.lower().endswith(WARC_SUFFIXES) for i in inputs) and find_spec("warcio") is None:
        _err("reading WARC files needs warcio: pip install 'newsmodel[warc]'")
        return EXIT_MISSING_DEPENDENCY
    done: set[str] = set()
    if not to_stdout and os.path.exists(args.output):
        if args.resume:
            try:
                done, repaired = prepare_resume(args.output)
            except (InputError, OSError) as exc:
                _err(f"cannot resume {args.output}: {exc}")
                return EXIT_INPUT
            if repaired:
                _err(f"removed a cut-off last record from {args.output}; it will be redone")
        elif not args.force:
            _err(f"{args.output} exists: pass --resume to continue it or --force to overwrite it")
            return EXIT_USAGE
    progress = _Progress(sys.stderr) if sys.stderr.isatty() and not args.no_progress else None
    output = {"json": OutputFormat.JSON, "ninjs": OutputFormat.NINJS, "jsonld": OutputFormat.JSONLD}
    last = BatchSummary()

    def track(summary: BatchSummary) -> None:
        nonlocal last
        last = summary
        if progress is not None:
            progress(summary)

    try:
        with _open_output(args.output, append=args.resume) as sink:
            summary = run_batch(
                read_inputs(inputs),
                lambda line: sink.write(line + "\n"),
                policy=_policy(args),
                output=output[args.format],
                workers=args.workers,
                done=done,
                progress=track,
            )
    except OSError as exc:
        if progress is not None:
            progress.clear()
        _err(f"cannot write {args.output}: {exc.strerror or exc}")
        return EXIT_INPUT
    except KeyboardInterrupt:
        if progress is not None:
            progress.clear()
        _report(last)
        _err("interrupted; run again with --resume to continue")
        return EXIT_INTERRUPTED
    if progress is not None:
        progress.clear()
    _report(summary)
    return EXIT_FAILED if summary.errors else EXIT_OK


@contextlib.contextmanager
def _open_output(path: str, *, append: bool) -> Iterator[IO[str]]:
    """The output stream: a file (appended to or replaced) or standard output for ``-``."""
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(path, "a" if append else "w", encoding="utf-8", newline="\n") as stream:
        yield stream


# --------------------------------------------------------------------------------------------
# validate and schema


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise SerializationError(f"duplicate key {key!r} in a JSON object")
        result[key] = value
    return result


def _check_record(raw: str | bytes) -> tuple[str, str | None]:
    """Classify one JSON document: ("article"|"error-record"|"other-record", problem or None)."""
    try:
        value = json.loads(raw, object_pairs_hook=_no_duplicates)
    except SerializationError as exc:
        return "article", str(exc)
    except (ValueError, RecursionError) as exc:
        return "article", f"$: invalid JSON: {exc}"
    prefix = "$"
    if isinstance(value, dict) and "id" in value:  # a batch record; articles have no "id"
        if "error" in value:
            return "error-record", None
        if "ninjs" in value or "jsonld" in value:
            return "other-record", None
        if "article" not in value:
            return "article", '$: a batch record needs "article", "error", "ninjs" or "jsonld"'
        value, prefix = value["article"], "$.article"
    try:
        from_dict(value)
    except SerializationError as exc:
        message = str(exc)[len(exc.path) + 2 :]
        return "article", f"{prefix}{exc.path[1:]}: {message}"
    return "article", None


def _records(path: str) -> Iterator[tuple[str, str | bytes]]:
    """(where, raw JSON) for each document in ``path``: a whole .json file, or each line.

    Other names (and ``-``) are JSON Lines, unless the first line is not JSON on its own: then
    the whole input is one (pretty-printed) document.
    """
    lower = path.lower()
    if lower.endswith(".json"):
        yield path, Path(path).read_bytes()
        return
    with contextlib.ExitStack() as stack:
        stream = sys.stdin.buffer if path == "-" else stack.enter_context(open(path, "rb"))
        name = "<stdin>" if path == "-" else path
        lines_only = Path(lower).suffix in JSONL_SUFFIXES
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            if not lines_only and not _is_json(line):
                yield name, line + stream.read()
                return
            lines_only = True
            yield f"{name}:{number}", line


def _is_json(raw: bytes) -> bool:
    try:
        json.loads(raw)
    except (ValueError, RecursionError):
        return False
    return True


def _validate(args: argparse.Namespace) -> int:
    counts = {"article": 0, "invalid": 0, "error-record": 0, "other-record": 0}
    unreadable = False
    for path in args.files:
        if "\x00" in path:
            _err(f"cannot read {path!r}: {_NUL_IN_PATH}")
            unreadable = True
            continue
        try:
            for where, raw in _records(path):
                kind, problem = _check_record(raw)
                counts[kind] += 1
                if problem is not None:
                    counts["invalid"] += 1
                    _out(f"{where}: {problem}\n")
        except OSError as exc:
            _err(f"cannot read {path}: {exc.strerror or exc}")
            unreadable = True
    valid = counts["article"] - counts["invalid"]
    notes = []
    if counts["error-record"]:
        notes.append(_count(counts["error-record"], "error record"))
    if counts["other-record"]:
        notes.append(_count(counts["other-record"], "ninjs/jsonld record") + " (not checked)")
    extra = f"; skipped {', '.join(notes)}" if notes else ""
    _err(f"{_count(counts['article'], 'article')}: {valid} valid, {counts['invalid']} invalid{extra}")
    if unreadable:
        return EXIT_INPUT
    return EXIT_FAILED if counts["invalid"] else EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    del args
    _out(_json(json_schema()))
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "parse": _parse,
    "batch": _batch,
    "validate": _validate,
    "schema": _schema,
}
