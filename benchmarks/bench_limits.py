"""How long each reading limit takes to trip, and the memory it costs (issue 13's probes).

    .venv/bin/python benchmarks/bench_limits.py          # the issue's sizes (3 GB zip bomb...)
    .venv/bin/python benchmarks/bench_limits.py --quick  # smaller bombs and a 5 s time limit

Each probe is one bad file beside the five bundled notices, loaded by ``load_corpus`` in a fresh
process; the script prints how the file ended (its reason in ``corpus.skipped``), the wall time
and the peak memory of that process and its workers, and checks that the five notices loaded.
Writes ``benchmarks/results/limits.json`` (``limits-quick.json`` with ``--quick``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "parse"))
from _common import PYTHON, ROOT, machine, print_machine, write_result

RAW = ROOT / "data" / "raw"
CHILD = """
import json, resource, sys, time
from rectify_utils import load_corpus
from rectify_utils.config import ReadLimits
started = time.perf_counter()
corpus = load_corpus(sys.argv[1], limits=ReadLimits.from_strings(sys.argv[2:]))
elapsed = time.perf_counter() - started
peak = max(resource.getrusage(w).ru_maxrss for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(json.dumps({"seconds": round(elapsed, 2), "peak_mb": round(peak / 1024),
                  "notices": len(corpus.notices), "skipped": corpus.skipped["reason"].tolist()}))
"""


def zip_bomb(mb: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        from test_faults import zip_bomb_docx

        path.with_suffix(".docx").write_bytes(zip_bomb_docx(mb))

    return make


def pages_pdf(n: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        from test_faults import text_pdf

        path.with_suffix(".pdf").write_bytes(text_pdf([[(50, 800, f"page {i}")] for i in range(n)]))

    return make


def scattered_pdf(words: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        from test_faults import scattered_words_pdf

        path.with_suffix(".pdf").write_bytes(scattered_words_pdf(words))

    return make


def deep_html(depth: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        page = "<html><body>" + "<div>整改" * depth + "</div>" * depth
        path.with_suffix(".html").write_text(page, encoding="utf-8")

    return make


def flat_html(mb: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        row = "<p>根据县委统一部署，县委巡察组对县科协党组进行了巡察，现将整改情况通报如下。</p>\n"
        page = "<html><body>" + row * (mb * 2**20 // len(row.encode()))
        path.with_suffix(".html").write_text(page, encoding="utf-8")

    return make


def big_text(mb: int, ascii_only: bool) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        unit = b"a" * 1023 + b"\n" if ascii_only else (RAW / "xinye-2024.txt").read_bytes()
        with open(path.with_suffix(".txt"), "wb") as out:
            for _ in range(mb * 2**20 // len(unit) + 1):
                out.write(unit)

    return make


def fifo(path: Path) -> None:
    os.mkfifo(path.with_suffix(".txt"))


def probes(quick: bool) -> list[tuple[str, Callable[[Path], None], list[str]]]:
    """(what, how to make it, the limits it runs with)."""
    seconds = ["seconds=5"] if quick else ["seconds=10"]
    return [
        ("zip-bomb .docx, 3 GB unpacked" if not quick else "zip-bomb .docx, 300 MB unpacked",
         zip_bomb(300 if quick else 3072), []),
        ("zip-bomb .docx, 0.5 GB unpacked", zip_bomb(512), []),
        ("PDF of 2,054 pages", pages_pdf(2054), []),
        ("PDF page of 2,000 scattered words", scattered_pdf(2000), seconds),
        ("20,000 nested <div>", deep_html(20_000), []),
        ("100,000 nested <div>", deep_html(100_000), []),
        ("flat page, 4 MB", flat_html(4), []),
        ("flat page, 30 MB" if not quick else "flat page, 10 MB", flat_html(10 if quick else 30), []),
        ("text file, 150 MB", big_text(150, ascii_only=True), []),
        ("text file, 40 MB of ASCII (40 M characters)", big_text(40, ascii_only=True), []),
        ("named pipe (FIFO)", fifo, []),
    ]  # fmt: skip


def run_probe(make: Callable[[Path], None], limits: list[str]) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="bench-limits-"))
    try:
        for notice in RAW.glob("*.txt"):
            shutil.copyfile(notice, folder / notice.name)
        made = time.perf_counter()
        make(folder / "probe")
        made = time.perf_counter() - made
        run = subprocess.run(
            [PYTHON, "-c", CHILD, str(folder), *limits],
            capture_output=True,
            text=True,
            timeout=600,
            cwd=ROOT,
        )
        if run.returncode:
            return {"error": run.stderr[-500:], "made_in_s": round(made, 1)}
        return {**json.loads(run.stdout.splitlines()[-1]), "made_in_s": round(made, 1)}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller bombs, 5 s time limit")
    args = parser.parse_args(argv)
    info = machine()
    print_machine(info)
    results = []
    for what, make, limits in probes(args.quick):
        got = run_probe(make, limits)
        got.update(probe=what, limits=limits or ["defaults"])
        results.append(got)
        outcome = "; ".join(got.get("skipped") or ["read"]) if "error" not in got else got["error"]
        print(
            f"{what:<46} {got.get('seconds', '?'):>6} s {got.get('peak_mb', '?'):>6} MB  "
            f"{got.get('notices', '?')}/5 notices  {outcome}"
        )
    result = {"quick": args.quick, "probes": results}
    write_result("limits-quick" if args.quick else "limits", result)
    return result


if __name__ == "__main__":
    main()
