"""Report build: ``rectify report`` (``report.build_reports``) against the naive pipeline.

    .venv/bin/python benchmarks/bench_reports.py            # every report of reports.yml
    .venv/bin/python benchmarks/bench_reports.py --quick    # one report per notebook

Measured in one run, on the bundled corpus, for the same reports and parameters:

- *cold build*: ``build_reports(force=True)`` into an empty folder;
- *no-change rebuild*: ``build_reports()`` again into that folder (everything up to date);
- *naive*: for each report, one after another, the ``papermill`` CLI then
  ``jupyter nbconvert --to html`` CLI.

Targets: cold build >= 3x faster than naive, no-change rebuild < 2 s. Notebooks are written by
another developer under ``notebooks/``; missing ones are skipped with a message. Writes
``benchmarks/results/reports.json``.

The measurement runs on a snapshot of the package, notebooks, corpus and config (with
``PYTHONPATH`` pointing at it): in a working tree others edit, a changed ``rectify_utils`` file
would otherwise make the "no-change" rebuild rebuild everything, as it should.
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
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, machine, print_machine, verdict, write_result

TARGET_SPEEDUP = 3.0
TARGET_NO_CHANGE_S = 2.0
BIN = Path(sys.executable).parent


def report_specs(config: Path, quick: bool) -> tuple[list, list[str]]:
    """The reports of ``config`` whose notebook exists, and messages about the others."""
    from rectify_utils import load_corpus
    from rectify_utils.report import config as rc

    def associations_of(data_dir: str) -> list[str]:
        return load_corpus(data_dir).associations

    specs = rc.expand(rc.load_entries(config), associations_of)
    kept, notes = [], []
    for spec in specs:
        if spec.error:
            notes.append(f"skipped {spec.name}: {spec.error}")
        elif not spec.notebook.is_file():
            notes.append(f"skipped {spec.name}: notebook {spec.notebook} is absent")
        else:
            kept.append(spec)
    if quick:  # one report per notebook
        seen: set[Path] = set()
        kept = [s for s in kept if not (s.notebook in seen or seen.add(s.notebook))]
    return kept, notes


def naive_build(specs: list, out: Path) -> dict:
    """papermill CLI then nbconvert CLI, report after report; seconds per report."""
    out.mkdir(parents=True, exist_ok=True)
    per_report = {}
    failures = []
    for spec in specs:
        params = {**spec.parameters, "figures_dir": str(out / "figures" / spec.name)}
        params_file = out / f"{spec.name}.params.yaml"
        params_file.write_text(yaml.safe_dump(params, allow_unicode=True), encoding="utf-8")
        executed = out / f"{spec.name}.ipynb"
        began = time.perf_counter()
        steps = [
            [str(BIN / "papermill"), str(spec.notebook), str(executed), "-f", str(params_file),
             "-k", "python3", "--cwd", str(spec.notebook.parent), "--no-progress-bar"],
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed)],
        ]  # fmt: skip
        for cmd in steps:
            run = subprocess.run(cmd, capture_output=True, text=True, cwd=out)
            if run.returncode:
                failures.append(f"{spec.name}: {Path(cmd[0]).name} exit {run.returncode}: {run.stderr[-500:]}")  # fmt: skip
                break
        per_report[spec.name] = round(time.perf_counter() - began, 2)
    return {"seconds": round(sum(per_report.values()), 2), "per_report": per_report, "failures": failures}  # fmt: skip


SNAPSHOT = ("rectify_utils", "notebooks", "data/raw", "reports.yml")


def in_snapshot(argv: list[str]) -> dict | None:
    """Copy what a build reads to a temporary folder and run the measurement there."""
    with tempfile.TemporaryDirectory(prefix="rectify-bench-snapshot-") as name:
        snap = Path(name)
        for item in SNAPSHOT:
            source, target = ROOT / item, snap / item
            if source.is_dir():
                shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
            elif source.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
        env = {**os.environ, "PYTHONPATH": str(snap)}
        cmd = [sys.executable, __file__, *argv, "--snapshot", str(snap)]
        run = subprocess.run(cmd, env=env, cwd=snap)
        if run.returncode:
            raise RuntimeError(f"report benchmark failed (exit {run.returncode})")
    name = "reports-quick.json" if "--quick" in argv else "reports.json"
    path = Path(__file__).resolve().parent / "results" / name
    return json.loads(path.read_text()) if path.exists() else None


def main(argv: list[str] | None = None) -> dict | None:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="one report per notebook")
    parser.add_argument("--jobs", type=int, default=None, help="build_reports workers")
    parser.add_argument("--snapshot", help=argparse.SUPPRESS)  # set by in_snapshot()
    args = parser.parse_args(argv)
    if not args.snapshot:
        return in_snapshot(argv)

    import rectify_utils

    snap = Path(args.snapshot)
    assert Path(rectify_utils.__file__).resolve().is_relative_to(snap.resolve()), (
        f"rectify_utils imported from {rectify_utils.__file__}, not the snapshot {snap}"
    )
    print_machine(machine())
    config = snap / "reports.yml"
    specs, notes = report_specs(config, args.quick)
    for note in notes:
        print(note)
    if not specs:
        print("no report notebooks exist under notebooks/ yet: report benchmark skipped")
        return None
    names = [s.name for s in specs]
    print(f"{len(specs)} reports: {', '.join(names)}")

    from rectify_utils.report.build import build_reports

    result: dict = {
        "reports": names,
        "skipped": notes,
        "targets": {"speedup": TARGET_SPEEDUP, "no_change_s": TARGET_NO_CHANGE_S},
    }
    with tempfile.TemporaryDirectory(prefix="rectify-bench-reports-") as scratch_name:
        scratch = Path(scratch_name)
        build_out = scratch / "build"

        began = time.perf_counter()
        rows = build_reports(config, jobs=args.jobs, force=True, out_dir=build_out, only=names, echo=None)  # fmt: skip
        cold = time.perf_counter() - began
        statuses = rows["status"].value_counts().to_dict()
        result["cold"] = {"seconds": round(cold, 2), "statuses": statuses}
        print(f"cold build: {cold:.1f} s {statuses}")

        began = time.perf_counter()
        rows = build_reports(config, jobs=args.jobs, out_dir=build_out, only=names, echo=None)
        again = time.perf_counter() - began
        statuses = rows["status"].value_counts().to_dict()
        result["no_change"] = {"seconds": round(again, 2), "statuses": statuses}
        print(f"no-change rebuild: {again:.2f} s {statuses}")

        naive = naive_build(specs, scratch / "naive")
        result["naive"] = naive
        print(f"naive papermill + nbconvert, one by one: {naive['seconds']:.1f} s")
        for failure in naive["failures"]:
            print(f"  naive failure: {failure}")
        shutil.rmtree(scratch / "naive", ignore_errors=True)

    speedup = naive["seconds"] / cold if cold else float("inf")
    result["speedup"] = round(speedup, 2)
    result["verdict"] = {
        "speedup": verdict(speedup, TARGET_SPEEDUP, True),
        "no_change": verdict(again, TARGET_NO_CHANGE_S, False),
    }
    print(
        f"cold build {speedup:.1f}x faster than naive (target >= {TARGET_SPEEDUP:.0f}x): "
        f"{result['verdict']['speedup']}; no-change rebuild {again:.2f} s "
        f"(target < {TARGET_NO_CHANGE_S:.0f} s): {result['verdict']['no_change']}"
    )
    write_result("reports-quick" if args.quick else "reports", result)
    return result


if __name__ == "__main__":
    main()
