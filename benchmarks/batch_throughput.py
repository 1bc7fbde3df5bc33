"""Throughput and memory of ``newsmodel batch`` on a synthetic corpus.

Generates N synthetic news documents (plain text and HTML, as JSON Lines, from a fixed seed),
runs ``python -m newsmodel batch`` on them with 1 and 2 workers, and reports docs/s and the
resident memory of the whole process tree (the batch process plus its workers), sampled
every 50 ms. Peak memory is reported as the run passes milestones (by default 2k, 5k and 10k
documents written), which shows whether memory stays flat as the corpus grows.

    python benchmarks/batch_throughput.py                  # 10,000 documents, 1 and 2 workers
    python benchmarks/batch_throughput.py --docs 50000 --workers 1 2 4

Memory sampling reads /proc (Linux). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

FIRST = [
    "Ana",
    "Bo",
    "Cyrus",
    "Dana",
    "Emil",
    "Fen",
    "Greta",
    "Hugo",
    "Ines",
    "Jon",
    "Kira",
    "Lars",
    "Mona",
    "Nils",
]
LAST = [
    "Arden",
    "Brook",
    "Castell",
    "Dorn",
    "Ekwall",
    "Frost",
    "Galen",
    "Holm",
    "Ivers",
    "Juhl",
    "Kemp",
    "Lund",
]
ORGS = ["Port Authority", "City Council", "Transit Board", "Water Agency", "Chamber of Trade", "School Board"]
PLACES = ["Northvik", "Ashford", "Lowmere", "Kestrel Bay", "Granton", "Eastholm"]
VERBS = ["said", "told reporters", "added", "warned", "explained", "wrote"]
TOPICS = ["the budget", "the new ferry", "road repairs", "the harbour wall", "school hours", "bus fares"]
FILLER = [
    "Officials met on {day} to discuss {topic} in {place}.",
    "The plan would cost about {n} million, according to the {org}.",
    "Residents of {place} have asked for changes to {topic} for years.",
    "A vote is expected before the end of the month.",
    "The {org} declined to comment on {topic} further.",
    "Critics say the timetable for {topic} is too ambitious.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def paragraphs(rng: random.Random) -> list[str]:
    out = []
    for _ in range(rng.randint(4, 14)):
        fields = {
            "day": rng.choice(DAYS),
            "topic": rng.choice(TOPICS),
            "place": rng.choice(PLACES),
            "org": rng.choice(ORGS),
            "n": rng.randint(2, 90),
        }
        if rng.random() < 0.4:
            speaker = person(rng)
            words = " ".join(rng.choice(FILLER).format(**fields) for _ in range(rng.randint(1, 2)))
            out.append(f'"{words}" {speaker}, a spokesperson for the {fields["org"]}, {rng.choice(VERBS)}.')
        else:
            out.append(" ".join(rng.choice(FILLER).format(**fields) for _ in range(rng.randint(2, 4))))
    return out


def documents(count: int, seed: int) -> Iterator[dict[str, str]]:
    """Synthetic records ``{"id", "text"|"html", "url"}``: 70% text, 30% HTML."""
    rng = random.Random(seed)  # noqa: S311  # reproducible synthetic text, not security
    for number in range(count):
        title = f"{rng.choice(ORGS)} weighs {rng.choice(TOPICS)} in {rng.choice(PLACES)}"
        byline = f"By {person(rng)}"
        body = paragraphs(rng)
        url = f"https://news.example/{number}"
        if rng.random() < 0.7:
            text = "\n\n".join([title, byline, f"{rng.choice(PLACES).upper()} — {body[0]}", *body[1:]])
            yield {"id": f"doc{number}", "text": text, "url": url}
        else:
            ps = "".join(f"<p>{p}</p>" for p in body)
            html = (
                f"<!DOCTYPE html><html><head><title>{title}</title>"
                f'<meta name="author" content="{byline[3:]}"></head>'
                f"<body><nav>Home | World</nav><article><h1>{title}</h1>{ps}</article>"
                "<footer>Contact us</footer></body></html>"
            )
            yield {"id": f"doc{number}", "html": html, "url": url}


def tree_rss_kib(root: int) -> tuple[int, int]:
    """(RSS of ``root`` and all its descendants, RSS of ``root`` alone), in KiB, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/status", encoding="ascii", errors="replace") as status:
                text = status.read()
        except OSError:
            continue  # the process ended while we looked
        ppid = re.search(r"^PPid:\s+(\d+)", text, re.MULTILINE)
        vmrss = re.search(r"^VmRSS:\s+(\d+) kB", text, re.MULTILINE)
        pid = int(entry.name)
        parents[pid] = int(ppid.group(1)) if ppid else 0
        rss[pid] = int(vmrss.group(1)) if vmrss else 0
    members = {root}
    changed = True
    while changed:
        changed = False
        for pid, ppid in parents.items():
            if ppid in members and pid not in members:
                members.add(pid)
                changed = True
    return sum(rss.get(pid, 0) for pid in members), rss.get(root, 0)


def run(corpus: Path, out: Path, workers: int, milestones: list[int]) -> dict[str, object]:
    command = [sys.executable, "-m", "newsmodel", "batch", str(corpus), "-o", str(out)]
    command += ["--workers", str(workers), "--force", "--no-progress"]
    started = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    peak_tree = peak_parent = 0
    written = 0
    offset = 0
    at_milestone: dict[int, int] = {}
    while process.poll() is None:
        if Path("/proc").is_dir():
            tree, parent = tree_rss_kib(process.pid)
            peak_tree, peak_parent = max(peak_tree, tree), max(peak_parent, parent)
        if out.exists():
            with open(out, "rb") as stream:
                stream.seek(offset)
                chunk = stream.read()
            offset += len(chunk)
            written += chunk.count(b"\n")
        for milestone in milestones:
            if written >= milestone and milestone not in at_milestone:
                at_milestone[milestone] = peak_tree
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read() if process.stderr else ""
    if process.returncode not in (0, 1):
        raise SystemExit(f"batch failed ({process.returncode}):\n{stderr}")
    for milestone in milestones:
        at_milestone.setdefault(milestone, peak_tree)
    rate = re.search(r"([\d,.]+) docs/s", stderr)
    summary = stderr.strip().splitlines()[-1] if stderr.strip() else ""
    return {
        "workers": workers,
        "wall_seconds": round(seconds, 2),
        "docs_per_second": float(rate.group(1).replace(",", "")) if rate else None,
        "peak_tree_mib": round(peak_tree / 1024, 1),
        "peak_parent_mib": round(peak_parent / 1024, 1),
        "peak_tree_mib_at": {str(m): round(v / 1024, 1) for m, v in sorted(at_milestone.items())},
        "summary": summary,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents to generate (default 10000)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    parser.add_argument(
        "--milestones", type=int, nargs="+", default=None, help="default: 2000 5000 and --docs"
    )
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    milestones = args.milestones or sorted({m for m in (2_000, 5_000) if m < args.docs} | {args.docs})

    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "corpus.jsonl"
        with open(corpus, "w", encoding="utf-8") as stream:
            for record in documents(args.docs, args.seed):
                stream.write(json.dumps(record) + "\n")
        size_mib = corpus.stat().st_size / 2**20
        results = [run(corpus, Path(work) / f"out-{w}.jsonl", w, milestones) for w in args.workers]

    if args.json:
        print(json.dumps({"docs": args.docs, "corpus_mib": round(size_mib, 1), "runs": results}, indent=2))
        return 0
    print(
        f"corpus: {args.docs:,} synthetic documents, {size_mib:.1f} MiB of JSON Lines; {os.cpu_count()} CPUs"
    )
    header = (
        f"{'workers':>7}  {'docs/s':>8}  {'wall s':>7}  {'peak MiB (tree)':>15}  {'parent':>7}  peak MiB at"
    )
    print(header)
    for r in results:
        milestones_text = ", ".join(f"{int(m):,}: {v}" for m, v in r["peak_tree_mib_at"].items())  # type: ignore[attr-defined]
        print(
            f"{r['workers']:>7}  {r['docs_per_second']:>8}  {r['wall_seconds']:>7}  "
            f"{r['peak_tree_mib']:>15}  {r['peak_parent_mib']:>7}  {milestones_text}"
        )
    for r in results:
        print(f"  workers={r['workers']}: {r['summary']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
