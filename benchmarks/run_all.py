"""Run every benchmark and print one summary; each also writes its own JSON under results/.

    .venv/bin/python benchmarks/run_all.py            # full sizes (about 15–25 minutes on 2 cores)
    .venv/bin/python benchmarks/run_all.py --quick    # smaller sizes (a few minutes)
    .venv/bin/python benchmarks/run_all.py --only parse themes --profile

Figures depend on what else the machine is doing: the summary records the load average.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_analysis
import bench_limits
import bench_parse
import bench_reports
import bench_reports_large
import bench_themes
from _common import machine, print_machine, write_result

BENCHMARKS = {
    "parse": bench_parse,
    "themes": bench_themes,
    "analysis": bench_analysis,
    "reports": bench_reports,
    "reports_large": bench_reports_large,
    "limits": bench_limits,
}


def summary_lines(results: dict) -> list[str]:
    lines = []
    parse = results.get("parse")
    if parse:
        for run in parse["runs"]:
            lines.append(
                f"parse {run['notices']:>6} notices, workers={run['workers']}: "
                f"{run['notices_per_s']:>7.0f} notices/s {run['mb_per_s']:>6.2f} MB/s"
            )
        mem = parse["peak_memory"]
        lines.append(
            f"peak memory {mem['notices']} notices: {mem['workers_1']['maxrss_self_mb']:.0f} MB "
            f"(one process); parse target: {parse['verdict']}"
        )
    themes = results.get("themes")
    if themes:
        lines.append(
            f"themes {themes['notices']} notices: cold {themes['cold']['pipeline_s']:.1f} s "
            f"({themes['cold']['verdict']}), warm {themes['warm']['pipeline_s']:.1f} s "
            f"({themes['warm']['verdict']})"
        )
    analysis = results.get("analysis")
    for run in (analysis or {}).get("runs", []):
        for phase in ("cold", "warm"):
            got = run[phase]
            slowest = max(got["steps"].items(), key=lambda kv: kv[1], default=("-", 0.0))
            lines.append(
                f"analysis {run['notices']:>6} notices {phase}: all {got['analysis_s']:.1f} s, "
                f"slowest {slowest[0]} {slowest[1]:.1f} s, peak {got['peak_gb']:.2f} GB "
                f"{got['verdict']}"
            )
    reports = results.get("reports")
    if reports:
        lines.append(
            f"reports ({len(reports['reports'])}): cold {reports['cold']['seconds']:.1f} s vs naive "
            f"{reports['naive']['seconds']:.1f} s = {reports['speedup']:.1f}x "
            f"({reports['verdict']['speedup']}); no-change {reports['no_change']['seconds']:.2f} s "
            f"({reports['verdict']['no_change']})"
        )
    lines += _large_and_limits_lines(results)
    return lines


def _large_and_limits_lines(results: dict) -> list[str]:
    lines = []
    large = results.get("reports_large")
    if large:
        lines.append(
            f"reports on {large['notices']} notices ({len(large['per_report'])}, "
            f"{large['profiles']} profiles), cold: {large['seconds']:.1f} s ({large['verdict']})"
        )
    limits = results.get("limits")
    for probe in (limits or {}).get("probes", []):
        lines.append(
            f"limit probe {probe['probe']}: {probe.get('seconds', '?')} s, "
            f"{probe.get('peak_mb', '?')} MB, {probe.get('notices', '?')}/5 notices"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    parser.add_argument("--only", nargs="+", choices=list(BENCHMARKS), default=list(BENCHMARKS))
    parser.add_argument("--profile", action="store_true", help="cProfile the parse (hot spots)")
    args = parser.parse_args(argv)
    print_machine(machine())
    results, failed = {}, []
    for name in args.only:
        print(f"\n=== {name} ===")
        began = time.perf_counter()
        try:
            flags = (["--quick"] if args.quick else []) + (
                ["--profile"] if args.profile and name == "parse" else []
            )
            results[name] = BENCHMARKS[name].main(flags)
        except Exception:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            failed.append(name)
        print(f"({name}: {time.perf_counter() - began:.0f} s)")
    print("\n=== summary ===")
    for line in summary_lines(results):
        print(line)
    write_result(
        "summary-quick" if args.quick else "summary",
        {"quick": args.quick, "failed": failed, "lines": summary_lines(results)},
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
