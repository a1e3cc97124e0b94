"""``make reports`` on the bundled corpus, cold, here and at a baseline commit, side by side.

    .venv/bin/python benchmarks/bench_make_reports.py                  # 3 runs each, base 3f5237d
    .venv/bin/python benchmarks/bench_make_reports.py --runs 2 --base REV --keep

Two clean clones of this repository (``/tmp/rb-base`` at ``--base``, ``/tmp/rb-head`` at this
checkout's HEAD, so commit what you want measured) each get their own venv once
(``make install``; minutes the first time, reused afterwards). Each run empties what the build
leaves (``make clean``: reports, ``.cache``, ``data/processed``) and times ``make reports``;
base and head alternate (base first on odd runs, head first on even ones) so that a change in
the host's load falls on both. The load average is read before each run. Target (issue 11):
head's median at most 1.5x base's. Writes ``benchmarks/results/reports_vs_baseline.json``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, machine, print_machine, verdict, write_result

BASE_REV = "3f5237d"  # before the open issues (10–13) were worked
TARGET_RATIO = 1.5
CLONES = {"base": Path("/tmp/rb-base"), "head": Path("/tmp/rb-head")}


def git(*args: str, cwd: Path = ROOT) -> str:
    """``git ARGS`` in ``cwd``; its stripped output."""
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()  # fmt: skip


def prepare(clone: Path, rev: str) -> str:
    """``clone`` as a checkout of ``rev`` with its venv built; returns the short commit."""
    if not (clone / ".git").is_dir():
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    git("fetch", "-q", str(ROOT), "HEAD", cwd=clone)
    git("checkout", "-q", "--detach", rev, cwd=clone)
    subprocess.run(["make", "install"], cwd=clone, check=True, capture_output=True)
    return git("rev-parse", "--short", "HEAD", cwd=clone)


def environment() -> dict[str, str]:
    """This environment without what would make the two builds share state (the cache)."""
    env = dict(os.environ)
    env.pop("RECTIFY_CACHE_DIR", None)
    env.pop("PYTHONPATH", None)
    return env


def cold_build(clone: Path) -> dict:
    """``make clean`` then ``make reports`` in ``clone``: seconds, exit status, load before."""
    subprocess.run(["make", "clean"], cwd=clone, check=True, capture_output=True)
    load = round(os.getloadavg()[0], 2)
    began = time.perf_counter()
    run = subprocess.run(["make", "reports"], cwd=clone, env=environment(), capture_output=True, text=True)  # fmt: skip
    seconds = round(time.perf_counter() - began, 2)
    built = len(list((clone / "reports").glob("*.html"))) - 1  # without index.html
    return {"seconds": seconds, "exit": run.returncode, "reports": built, "load_before": load,
            "tail": run.stdout.strip().splitlines()[-1:] + run.stderr.strip().splitlines()[-3:]}  # fmt: skip


def alternate(runs: int) -> list[str]:
    """The order of the builds: base, head, head, base, base, head…"""
    order: list[str] = []
    for i in range(runs):
        order += ["base", "head"] if i % 2 == 0 else ["head", "base"]
    return order


def summarise(measured: dict[str, list[dict]]) -> dict:
    """Median seconds of each side, their ratio and the verdict."""
    median = {k: round(statistics.median(r["seconds"] for r in v), 2) for k, v in measured.items()}
    ratio = round(median["head"] / median["base"], 2)
    loads = [r["load_before"] for v in measured.values() for r in v]
    return {"median_s": median, "ratio": ratio, "load_range": [min(loads), max(loads)],
            "verdict": verdict(ratio, TARGET_RATIO, False)}  # fmt: skip


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default=BASE_REV, help="baseline commit (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=3, help="cold builds of each (default: 3)")
    parser.add_argument("--keep", action="store_true", help="keep the clones' build products")
    args = parser.parse_args(argv)
    print_machine(machine())
    commits = {"base": prepare(CLONES["base"], args.base), "head": prepare(CLONES["head"], git("rev-parse", "HEAD"))}  # fmt: skip
    print(f"base {commits['base']} in {CLONES['base']}, head {commits['head']} in {CLONES['head']}")
    measured: dict[str, list[dict]] = {"base": [], "head": []}
    for side in alternate(args.runs):
        result = cold_build(CLONES[side])
        measured[side].append(result)
        print(f"{side} {commits[side]}: {result['seconds']:.1f} s, exit {result['exit']}, "
              f"{result['reports']} reports, load {result['load_before']}")  # fmt: skip
    summary = summarise(measured)
    print(f"make reports, bundled corpus, cold: head {summary['median_s']['head']:.1f} s vs "
          f"{summary['median_s']['base']:.1f} s at {commits['base']} (median of {args.runs}): "
          f"{summary['ratio']:.2f}x (target <= {TARGET_RATIO}x): {summary['verdict']}; "
          f"load {summary['load_range'][0]}–{summary['load_range'][1]}")  # fmt: skip
    if not args.keep:
        for clone in CLONES.values():
            subprocess.run(["make", "clean"], cwd=clone, capture_output=True)
    result = {"commits": commits, "runs": measured, "target_ratio": TARGET_RATIO, **summary}
    write_result("reports_vs_baseline", result)
    return result


if __name__ == "__main__":
    main()
