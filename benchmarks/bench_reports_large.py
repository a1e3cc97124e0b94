"""Report build on a large synthetic corpus, cold: ``rectify report`` with a few profiles.

    .venv/bin/python benchmarks/bench_reports_large.py                 # 1,000 notices, 5 profiles
    .venv/bin/python benchmarks/bench_reports_large.py --quick         # 200 notices, 2 profiles
    .venv/bin/python benchmarks/bench_reports_large.py --notices 1000 --profiles 5 --corpus DIR

Writes the notices as ``rectify synth --n N --seed 2026 --out DIR`` does (with their JSON
sidecars, which the parse skips), then builds every report of ``reports.yml`` on them
(``-p data_dir DIR``) with ``--max-profiles`` limiting the association profiles to the largest
associations: into an empty folder with an empty token cache (``RECTIFY_CACHE_DIR``), so
nothing is reused. The build's own parse of the corpus (to rank the associations) counts.
Target (issue 10): under 3 minutes on 2 cores for 1,000 notices. Writes
``benchmarks/results/reports_large.json`` (``reports_large-quick.json`` with ``--quick``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, machine, print_machine, verdict, write_result

TARGET_S = 180.0
SEED = 2026


def corpus_folder(scratch: Path, notices: int, given: Path | None) -> Path:
    """The folder of notices: ``given``, or ``notices`` synthetic ones written into ``scratch``."""
    if given:
        return given.resolve()
    from rectify_utils.synth import write_synthetic_corpus

    began = time.perf_counter()
    folder = scratch / "corpus"
    write_synthetic_corpus(notices, seed=SEED, out_dir=folder)
    print(f"wrote {notices} synthetic notices (seed {SEED}) in {time.perf_counter() - began:.1f} s")
    return folder


def cold_build(folder: Path, out: Path, profiles: int, jobs: int | None) -> dict:
    """Build every report of reports.yml on ``folder`` into ``out``, with an empty cache."""
    from rectify_utils.report.build import build_reports

    lines: list[str] = []
    began = time.perf_counter()
    rows = build_reports(
        ROOT / "reports.yml",
        overrides={"data_dir": str(folder)},
        jobs=jobs,
        force=True,
        out_dir=out,
        echo=lines.append,
        max_profiles=profiles,
    )
    seconds = time.perf_counter() - began
    per_report = {r["name"]: round(r["duration"] or 0.0, 1) for _, r in rows.iterrows()}
    return {
        "seconds": round(seconds, 1),
        "statuses": rows["status"].value_counts().to_dict(),
        "per_report": per_report,
        "errors": {r["name"]: r["error"] for _, r in rows.iterrows() if r["error"]},
        "left_out": [line for line in lines if "left out" in line],
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 notices, 2 profiles")
    parser.add_argument("--notices", type=int, default=1000, help="synthetic notices")
    parser.add_argument("--profiles", type=int, default=5, help="--max-profiles (default 5)")
    parser.add_argument("--corpus", type=Path, help="a folder of notices instead of synthesising")
    parser.add_argument("--jobs", type=int, default=None, help="parallel notebooks")
    args = parser.parse_args(argv)
    notices, profiles = (200, 2) if args.quick else (args.notices, args.profiles)
    print_machine(machine())
    with tempfile.TemporaryDirectory(prefix="rectify-bench-large-") as name:
        scratch = Path(name)
        folder = corpus_folder(scratch, notices, args.corpus)
        os.environ["RECTIFY_CACHE_DIR"] = str(scratch / "cache")  # cold: no token cache
        result = cold_build(folder, scratch / "reports", profiles, args.jobs)
    os.environ.pop("RECTIFY_CACHE_DIR")
    for report, seconds in result["per_report"].items():
        print(f"  {report}: {seconds:.1f} s")
    for line in result["left_out"]:
        print(f"  {line}")
    for report, error in result["errors"].items():
        print(f"  FAILED {report}: {error}")
    result.update(
        notices=notices, profiles=profiles, corpus=str(args.corpus or f"synth seed {SEED}")
    )
    result["verdict"] = verdict(result["seconds"], TARGET_S, False)
    print(
        f"report build, {notices} notices, {len(result['per_report'])} reports, cold: "
        f"{result['seconds']:.1f} s (target < {TARGET_S:.0f} s): {result['verdict']}"
    )
    write_result("reports_large-quick" if args.quick else "reports_large", result)
    return result


if __name__ == "__main__":
    main()
