"""Batch processing: many documents in, one JSON line per document out, in input order.

Inputs (:func:`read_inputs`) are paths as a shell passes them:

- a file: one document, HTML or plain text (``.html``/``.htm``/``.xhtml`` are HTML, other
  files are sniffed: input that opens with a tag is HTML);
- a ``.jsonl``/``.ndjson`` file, or ``-`` for standard input: one JSON object per line,
  ``{"id": ..., "html": ...}`` or ``{"id": ..., "text": ...}`` with an optional ``"url"``
  (other keys are ignored; without an ``id`` the record is named ``FILE:LINE``);
- a ``.warc``/``.warc.gz`` (or ``.arc``) web archive: every HTML response or resource record,
  named by its ``WARC-Record-ID`` (needs the ``warc`` extra, ``pip install 'newsmodel[warc]'``);
- a directory: every file above under it, recursively, in sorted order; other files and
  hidden ones are skipped and counted;
- a glob (``'pages/**/*.html'``), expanded in sorted order.

Everything streams: inputs are read as they are processed and at most a bounded number of
documents are in flight, so memory stays flat however large the corpus. :func:`run_batch`
writes one record per document, in input order::

    {"id": "pages/a.html", "article": {...}}        # the lossless JSON (or "ninjs", "jsonld")
    {"id": "pages/b.html", "error": {"type": "DecodeError", "message": "..."}}

A document that cannot be read or parsed becomes an error record: never a crash, never a
silent gap. With ``workers > 1`` documents are parsed in worker processes; a worker that dies
(killed for memory, say) costs only the document it was parsing, which gets an error record
of type ``WorkerCrashed``.
"""

from __future__ import annotations

import codecs
import enum
import glob
import json
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Container, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from newsmodel._api import parse_html, parse_text
from newsmodel.data import read_lines
from newsmodel.exceptions import InputError, NewsmodelError
from newsmodel.model import Article, Defect
from newsmodel.policy import DEFAULT, ParsePolicy
from newsmodel.serialize import to_dict, to_jsonld, to_ninjs

__all__ = [
    "BatchSummary",
    "Document",
    "InputKind",
    "OutputFormat",
    "Skipped",
    "Unreadable",
    "looks_like_html",
    "parse_document",
    "prepare_resume",
    "read_inputs",
    "resolve_inputs",
    "run_batch",
]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
"""File name endings read as HTML without sniffing."""
TEXT_SUFFIXES = frozenset({".txt", ".text"})
"""File name endings (besides HTML ones) a directory walk reads as single documents."""
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
"""File name endings read as JSON Lines of document records."""
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
"""File name endings read as web archives."""
_SNIFF_CHARS = 4096
_CHUNK_DOCUMENTS = 16
_CHUNK_BYTES = 4_000_000


class InputKind(enum.Enum):
    """What a document's content is."""

    AUTO = "auto"
    """Decide by looking at it (:func:`looks_like_html`)."""
    HTML = "html"
    """A web page."""
    TEXT = "text"
    """Plain text."""


class OutputFormat(enum.Enum):
    """What a successful record carries, under the key of the same name."""

    JSON = "article"
    """The lossless JSON of :func:`newsmodel.to_dict`, under ``"article"``."""
    NINJS = "ninjs"
    """IPTC ninjs (:func:`newsmodel.to_ninjs`), under ``"ninjs"``."""
    JSONLD = "jsonld"
    """schema.org JSON-LD (:func:`newsmodel.to_jsonld`), under ``"jsonld"``."""


@attrs.frozen(kw_only=True)
class Document:
    """One input document: its id, raw content and what is known about it."""

    id: str
    """Names the document in the output (a path, a record id, a WARC record id)."""
    content: str | bytes = attrs.field(repr=lambda c: f"<{len(c)} {type(c).__name__}>")
    """The page or text, as read."""
    kind: InputKind = InputKind.AUTO
    """HTML, text, or to be sniffed."""
    url: str | None = None
    """The address the document was fetched from, if known."""
    encoding: str | None = None
    """A declared character encoding for ``content`` bytes (an HTTP header's charset)."""


@attrs.frozen(kw_only=True)
class Unreadable:
    """An input that could not be read as a document; it becomes an error record."""

    id: str
    """Names the input (a path, or ``FILE:LINE`` for a JSON Lines record)."""
    error: str
    """The kind of failure, e.g. ``"InputError"``."""
    message: str
    """What went wrong, for people."""


@attrs.frozen(kw_only=True)
class Skipped:
    """Something among the inputs that is not a document (a WARC request, an image file)."""

    where: str
    """The path (and record) skipped."""
    reason: str
    """Why it is not a document."""


Item = Document | Unreadable | Skipped


@attrs.frozen(kw_only=True)
class BatchSummary:
    """Counts for a batch run."""

    documents: int = 0
    """Records written (``ok + errors``)."""
    ok: int = 0
    """Documents parsed."""
    errors: int = 0
    """Error records written."""
    skipped: int = 0
    """Inputs that are not documents (see :class:`Skipped`)."""
    already_done: int = 0
    """Documents left out because their id was already in the output (resume)."""
    seconds: float = 0.0
    """Wall-clock time of the run."""

    @property
    def docs_per_second(self) -> float:
        """Records written per second of wall-clock time."""
        return self.documents / self.seconds if self.seconds > 0 else 0.0


# --------------------------------------------------------------------------------------------
# One document


def looks_like_html(content: str | bytes) -> bool:
    """Whether ``content`` opens with markup that makes it a web page rather than plain text."""
    head = content[: _SNIFF_CHARS * 4]
    prefix = head.decode("latin-1") if isinstance(head, bytes) else head
    prefix = prefix.replace("\x00", "")  # UTF-16 pages interleave NULs between ASCII letters
    prefix = prefix.lstrip("\ufeff\u00ef\u00bb\u00bf\u00fe\u00ff \t\r\n")[:_SNIFF_CHARS].lower()
    return prefix.startswith("<") and any(marker in prefix for marker in _html_markers())


def _html_markers() -> tuple[str, ...]:
    return read_lines("html_markers.txt")


_BOMS = (  # (mark, codec for the bytes after it, name recorded); UTF-32 LE before UTF-16 LE
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


def _decode_text(data: bytes, policy: ParsePolicy) -> tuple[str, str]:
    """Decode plain-text bytes: byte-order mark, else UTF-8, else the policy's default."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _decode(data, len(bom), codec, name), name
    for name in ("utf-8", policy.default_encoding):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    raise InputError(
        f"text is neither UTF-8 nor {policy.default_encoding}; "
        "set the policy's default_encoding to the file's encoding"
    )


def _decode(data: bytes, skip: int, codec: str, name: str) -> str:
    try:
        return data[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid {name}: {exc.reason}", where=f"byte {skip + exc.start}") from None


def parse_document(document: Document, policy: ParsePolicy | None = None) -> Article:
    """Parse one :class:`Document` with :func:`~newsmodel.parse_html` or :func:`~newsmodel.parse_text`.

    Plain-text bytes are decoded by byte-order mark, then UTF-8, then the policy's
    ``default_encoding``, and the encoding used is recorded on the article; a text document's
    ``url`` is recorded too.
    """
    chosen = DEFAULT if policy is None else policy
    kind = document.kind
    if kind is InputKind.AUTO:
        kind = InputKind.HTML if looks_like_html(document.content) else InputKind.TEXT
    content = document.content
    if kind is InputKind.HTML:
        defects: list[Defect] = []
        if isinstance(content, bytes) and document.encoding is not None:
            try:
                content = content.decode(document.encoding)
            except (LookupError, UnicodeDecodeError):
                defects.append(
                    Defect(
                        code="declared-encoding-failed",
                        message=f"declared encoding {document.encoding!r} did not decode the page; "
                        "detected the encoding instead",
                    )
                )
        article = parse_html(content, url=document.url, policy=chosen)
        if isinstance(content, str) and isinstance(document.content, bytes):
            return attrs.evolve(article, encoding=document.encoding)
        return attrs.evolve(article, defects=(*defects, *article.defects)) if defects else article
    encoding = None
    if isinstance(content, bytes):
        content, encoding = _decode_text(content, chosen)
    article = parse_text(content, policy=chosen)
    changes: dict[str, Any] = {}
    if encoding is not None:
        changes["encoding"] = encoding
    if document.url is not None and article.url is None:
        changes["url"] = document.url
    return attrs.evolve(article, **changes) if changes else article


def _error_line(item_id: str, error: str, message: str) -> str:
    return json.dumps({"id": item_id, "error": {"type": error, "message": message}}, ensure_ascii=False)


def _record(item: Document | Unreadable, policy: ParsePolicy, output: OutputFormat) -> tuple[bool, str]:
    """The output line for one item, and whether it is a success."""
    if isinstance(item, Unreadable):
        return False, _error_line(item.id, item.error, item.message)
    try:
        article = parse_document(item, policy)
        if output is OutputFormat.JSON:
            body = to_dict(article)
        elif output is OutputFormat.NINJS:
            body = to_ninjs(article)
        else:
            body = to_jsonld(article)
        return True, json.dumps({"id": item.id, output.value: body}, ensure_ascii=False)
    except NewsmodelError as exc:
        return False, _error_line(item.id, type(exc).__name__, str(exc))
    except Exception as exc:  # a bug or a resource failure: recorded in the output, not hidden
        return False, _error_line(item.id, type(exc).__name__, f"internal error: {exc}")


def process_chunk(
    chunk: list[Document | Unreadable], policy: ParsePolicy, output: OutputFormat
) -> list[tuple[bool, str]]:
    """Output lines for a chunk of items, in order (what a worker process runs)."""
    return [_record(item, policy, output) for item in chunk]


# --------------------------------------------------------------------------------------------
# Reading inputs


def resolve_inputs(arguments: Iterable[str]) -> list[str]:
    """Check the inputs a user named: expand globs (sorted), and fail on any that do not exist.

    Raises :class:`InputError` listing every missing path and every glob that matches
    nothing. ``-`` (standard input) passes through.
    """
    resolved: list[str] = []
    missing: list[str] = []
    for argument in arguments:
        if argument == "-" or os.path.exists(argument):
            resolved.append(argument)
        elif glob.has_magic(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            if matches:
                resolved.extend(matches)
            else:
                missing.append(f"{argument} (matches nothing)")
        else:
            missing.append(argument)
    if missing:
        raise InputError(f"no such file or directory: {', '.join(missing)}")
    return resolved


def read_inputs(paths: Iterable[str], *, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Stream the documents in ``paths`` (files, directories, JSON Lines, WARC; ``-`` = stdin).

    Yields :class:`Document` for each document, :class:`Unreadable` for each input that
    cannot be read, and :class:`Skipped` for everything that is not a document.
    """
    for path in paths:
        if path == "-":
            yield from _jsonl_items(stdin if stdin is not None else sys.stdin.buffer, "<stdin>")
        elif os.path.isdir(path):
            yield from _directory_items(path)
        else:
            yield from _file_items(path)


def _file_items(path: str) -> Iterator[Item]:
    name = path.lower()
    if name.endswith(WARC_SUFFIXES):
        yield from _warc_items(path)
    elif Path(name).suffix in JSONL_SUFFIXES:
        try:
            with open(path, "rb") as stream:
                yield from _jsonl_items(stream, path)
        except OSError as exc:
            yield Unreadable(id=path, error="InputError", message=f"cannot read {path}: {exc.strerror}")
    else:
        try:
            content = Path(path).read_bytes()
        except OSError as exc:
            yield Unreadable(id=path, error="InputError", message=f"cannot read {path}: {exc.strerror}")
            return
        kind = InputKind.HTML if Path(name).suffix in HTML_SUFFIXES else InputKind.AUTO
        yield Document(id=path, content=content, kind=kind)


def _directory_items(top: str) -> Iterator[Item]:
    known = HTML_SUFFIXES | TEXT_SUFFIXES | JSONL_SUFFIXES
    failures: list[OSError] = []  # os.walk reports unlistable directories here and goes on
    for directory, subdirectories, files in os.walk(top, onerror=failures.append):
        while failures:
            exc = failures.pop(0)
            where = str(exc.filename or directory)
            yield Unreadable(id=where, error="InputError", message=f"cannot list {where}: {exc.strerror}")
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(directory, name)
            lower = name.lower()
            if name.startswith("."):
                yield Skipped(where=path, reason="hidden file")
            elif lower.endswith(WARC_SUFFIXES) or Path(lower).suffix in known:
                yield from _file_items(path)
            else:
                yield Skipped(where=path, reason="not a document file type")
    for exc in failures:
        where = str(exc.filename or top)
        yield Unreadable(id=where, error="InputError", message=f"cannot list {where}: {exc.strerror}")


def _jsonl_items(stream: BinaryIO, name: str) -> Iterator[Item]:
    for number, raw in enumerate(stream, 1):
        if raw.strip():
            yield _jsonl_item(raw, f"{name}:{number}")


def _jsonl_item(raw: bytes, where: str) -> Document | Unreadable:
    def bad(message: str, item_id: str = where) -> Unreadable:
        return Unreadable(id=item_id, error="InputError", message=f"{where}: {message}")

    try:
        record = json.loads(raw)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return bad(f"not a JSON record: {exc}")
    if not isinstance(record, dict):
        return bad(f"a record must be a JSON object, got {type(record).__name__}")
    record_id = record.get("id", where)
    if isinstance(record_id, int) and not isinstance(record_id, bool):
        record_id = str(record_id)
    if not isinstance(record_id, str) or not record_id:
        return bad('"id" must be a non-empty string or an integer')
    url = record.get("url")
    if url is not None and not isinstance(url, str):
        return bad('"url" must be a string or null', record_id)
    fields = [key for key in ("html", "text") if key in record]
    if len(fields) != 1:
        return bad('a record needs exactly one of "html" and "text"', record_id)
    content = record[fields[0]]
    if not isinstance(content, str):
        return bad(f'"{fields[0]}" must be a string', record_id)
    kind = InputKind.HTML if fields[0] == "html" else InputKind.TEXT
    return Document(id=record_id, content=content, kind=kind, url=url)


def _warc_items(path: str) -> Iterator[Item]:
    try:
        from warcio.archiveiterator import ArchiveIterator  # noqa: PLC0415  # optional, imported on use
        from warcio.exceptions import ArchiveLoadFailed  # noqa: PLC0415
    except ImportError:
        yield Unreadable(
            id=path,
            error="MissingDependency",
            message=f"{path}: reading WARC files needs warcio: pip install 'newsmodel[warc]'",
        )
        return
    try:
        with open(path, "rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), 1):
                yield _warc_item(record, path, number)
    except (OSError, EOFError, ValueError, ArchiveLoadFailed) as exc:  # zlib.error is an OSError
        yield Unreadable(id=path, error="InputError", message=f"cannot read WARC file {path}: {exc}")


def _warc_item(record: Any, path: str, number: int) -> Item:
    record_id = record.rec_headers.get_header("WARC-Record-ID") or f"{path}#record{number}"
    where = f"{path} {record_id}"
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None:
            return Skipped(where=where, reason="response record without HTTP headers")
        status = headers.get_statuscode()
        if not status.startswith("2"):
            return Skipped(where=where, reason=f"HTTP status {status}")
        content_type = headers.get_header("Content-Type")
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return Skipped(where=where, reason=f"{record.rec_type} record")
    media_type, _, parameters = (content_type or "").partition(";")
    media_type = media_type.strip().lower()
    if media_type and media_type not in ("text/html", "application/xhtml+xml"):
        return Skipped(where=where, reason=f"media type {media_type}")
    content = record.content_stream().read()
    if not media_type and not looks_like_html(content):
        return Skipped(where=where, reason="content is not HTML")
    charset = None
    for parameter in parameters.split(";"):
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return Document(
        id=record_id,
        content=content,
        kind=InputKind.HTML,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        encoding=charset,
    )


# --------------------------------------------------------------------------------------------
# Resuming


def prepare_resume(path: str | os.PathLike[str]) -> tuple[set[str], bool]:
    """The ids already in batch output ``path``, and whether a cut-off last line was removed.

    A run that was killed can leave a partial last line; it is truncated away so appending
    starts on a fresh line (that document is then processed again). Raises
    :class:`InputError` if a complete line is not a batch record.
    """
    done: set[str] = set()
    complete = 0  # bytes up to the end of the last complete line
    truncated = False
    with open(path, "rb") as stream:
        for number, line in enumerate(stream, 1):
            if not line.endswith(b"\n"):
                truncated = True
                break
            complete += len(line)
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                raise InputError(f"{os.fspath(path)}:{number}: not a JSON record") from None
            if not isinstance(record, dict) or not isinstance(record.get("id"), str):
                raise InputError(f"{os.fspath(path)}:{number}: not a newsmodel batch record (no id)")
            done.add(record["id"])
    if truncated:
        with open(path, "r+b") as stream:
            stream.truncate(complete)
    return done, truncated


# --------------------------------------------------------------------------------------------
# Running


@attrs.define
class _Tally:
    ok: int = 0
    errors: int = 0
    skipped: int = 0
    already_done: int = 0
    started: float = attrs.Factory(time.perf_counter)

    def summary(self) -> BatchSummary:
        return BatchSummary(
            documents=self.ok + self.errors,
            ok=self.ok,
            errors=self.errors,
            skipped=self.skipped,
            already_done=self.already_done,
            seconds=time.perf_counter() - self.started,
        )


def _chunks(
    items: Iterable[Item], tally: _Tally, done: Container[str], size: int
) -> Iterator[list[Document | Unreadable]]:
    chunk: list[Document | Unreadable] = []
    weight = 0
    for item in items:
        if isinstance(item, Skipped):
            tally.skipped += 1
            continue
        if item.id in done:
            tally.already_done += 1
            continue
        chunk.append(item)
        weight += len(item.content) if isinstance(item, Document) else 0
        if len(chunk) >= size or weight >= _CHUNK_BYTES:
            yield chunk
            chunk, weight = [], 0
    if chunk:
        yield chunk


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops workers


def run_batch(
    items: Iterable[Item],
    write: Callable[[str], object],
    *,
    policy: ParsePolicy | None = None,
    output: OutputFormat = OutputFormat.JSON,
    workers: int = 1,
    done: Container[str] = frozenset(),
    progress: Callable[[BatchSummary], object] | None = None,
    chunk_size: int = _CHUNK_DOCUMENTS,
    mp_context: BaseContext | None = None,
) -> BatchSummary:
    """Parse every document in ``items`` and ``write`` one JSON line (no newline) for each, in order.

    ``workers`` > 1 parses in that many processes, with at most ``2 * workers`` chunks of
    ``chunk_size`` documents in flight. Items whose id is in ``done`` are left out (resume).
    ``progress`` is called with the counts so far after every record. ``mp_context`` chooses
    how workers start (default: the platform's).
    """
    chosen = DEFAULT if policy is None else policy
    if workers < 1 or chunk_size < 1:
        raise InputError(f"workers and chunk_size must be at least 1, got {workers} and {chunk_size}")
    tally = _Tally()

    def emit(lines: list[tuple[bool, str]]) -> None:
        for ok, line in lines:
            write(line)
            if ok:
                tally.ok += 1
            else:
                tally.errors += 1
            if progress is not None:
                progress(tally.summary())

    chunks = _chunks(items, tally, done, chunk_size)
    if workers == 1:
        for chunk in chunks:
            emit(process_chunk(chunk, chosen, output))
    else:
        _Pool(workers, chosen, output, mp_context).run(chunks, emit)
    return tally.summary()


_InFlight = tuple["Future[list[tuple[bool, str]]] | None", list[Document | Unreadable]]


class _Pool:
    """Worker processes fed a bounded window of chunks, results taken back in order."""

    def __init__(
        self, workers: int, policy: ParsePolicy, output: OutputFormat, context: BaseContext | None
    ) -> None:
        self.workers = workers
        self.policy = policy
        self.output = output
        self.context = context

    def start(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=self.context, initializer=_ignore_interrupts)

    def run(
        self, chunks: Iterator[list[Document | Unreadable]], emit: Callable[[list[tuple[bool, str]]], None]
    ) -> None:
        executor = self.start(self.workers)
        pending: deque[_InFlight] = deque()
        try:
            for chunk in chunks:
                try:
                    pending.append((executor.submit(process_chunk, chunk, self.policy, self.output), chunk))
                except BrokenProcessPool:  # a worker died since the last look
                    pending.append((None, chunk))
                    executor = self.recover(executor, pending, emit)
                while len(pending) >= 2 * self.workers:
                    executor = self.take(executor, pending, emit)
            while pending:
                executor = self.take(executor, pending, emit)
        finally:
            executor.shutdown(wait=True, cancel_futures=True)

    def take(
        self,
        executor: ProcessPoolExecutor,
        pending: deque[_InFlight],
        emit: Callable[[list[tuple[bool, str]]], None],
    ) -> ProcessPoolExecutor:
        future, _ = pending[0]
        try:
            lines = future.result() if future is not None else None
        except BrokenProcessPool:
            lines = None
        if lines is None:
            return self.recover(executor, pending, emit)
        pending.popleft()
        emit(lines)
        return executor

    def recover(
        self,
        executor: ProcessPoolExecutor,
        pending: deque[_InFlight],
        emit: Callable[[list[tuple[bool, str]]], None],
    ) -> ProcessPoolExecutor:
        """A worker died and took unfinished chunks with it: keep what finished, redo the rest.

        Lost chunks are redone one document at a time in a fresh single worker, so only a
        document that kills it again is lost, and recorded as such.
        """
        executor.shutdown(wait=True, cancel_futures=True)
        for future, chunk in pending:
            finished = future is not None and future.done() and not future.cancelled()
            if finished and future is not None and future.exception() is None:
                emit(future.result())
            else:
                emit(self.isolated(chunk))
        pending.clear()
        return self.start(self.workers)

    def isolated(self, chunk: list[Document | Unreadable]) -> list[tuple[bool, str]]:
        lines: list[tuple[bool, str]] = []
        executor = self.start(1)
        try:
            for item in chunk:
                try:
                    lines.extend(executor.submit(process_chunk, [item], self.policy, self.output).result())
                except BrokenProcessPool:
                    executor.shutdown(wait=True)
                    message = "the worker process parsing this document died (out of memory or a crash)"
                    lines.append((False, _error_line(item.id, "WorkerCrashed", message)))
                    executor = self.start(1)
        finally:
            executor.shutdown(wait=True)
        return lines
