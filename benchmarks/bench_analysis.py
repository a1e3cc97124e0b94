"""Every analysis the notebooks call, on synthetic corpora, cold and warm, with peak memory.

    .venv/bin/python benchmarks/bench_analysis.py                 # 1,000 and 10,000 notices
    .venv/bin/python benchmarks/bench_analysis.py --quick         # 200 and 1,000 notices
    .venv/bin/python benchmarks/bench_analysis.py --sizes 1000 --skip recurring_problems

The corpus is parsed once per size (``load_corpus(..., workers=2)``) and pickled; each phase then
runs in a fresh interpreter that unpickles it and calls, one after the other, what the five
notebooks call (``STEPS``), timing each call and reading the process's peak resident memory
(``ru_maxrss``) after it. *cold*: an empty token cache folder; *warm*: a new process with the
cache the cold run filled (the in-process cache of ``analysis.cache`` starts empty in both).
A function missing from the code measured (an older commit) is reported as absent.

Targets on 2 cores: at 1,000 notices every step < 15 s, all < 40 s, peak < 2 GB; at 10,000
notices all < 180 s, peak < 4 GB. Writes ``benchmarks/results/analysis[-quick].json``.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import PYTHON, ROOT, machine, print_machine, verdict, write_result

#: notices → (seconds per step, seconds in all, peak GB)
TARGETS = {1000: (15.0, 40.0, 2.0), 10000: (None, 180.0, 4.0)}

# run in a fresh interpreter: argv = corpus.pickle, cache dir, steps to skip (comma-separated)
CHILD = r"""
import importlib, json, os, pickle, resource, sys, time
os.environ["RECTIFY_CACHE_DIR"] = sys.argv[2]
began = time.perf_counter()
with open(sys.argv[1], "rb") as fh:
    corpus = pickle.load(fh)
skip = set(filter(None, sys.argv[3].split(",")))
loaded = time.perf_counter() - began
first = corpus.associations[0]
own = corpus.select([first])

def fn(dotted):
    module, name = dotted.split(":")
    try:
        return getattr(importlib.import_module("rectify_utils." + module), name)
    except (ImportError, AttributeError):
        return None

STEPS = [
    # 01_corpus_overview
    ("notice_metadata", "analysis.overview:notice_metadata", lambda f: f(corpus)),
    ("span_coverage", "analysis.overview:span_coverage", lambda f: f(corpus)),
    ("report_timeline", "analysis.overview:report_timeline", lambda f: f(corpus)),
    ("outline_sizes", "analysis.overview:outline_sizes", lambda f: f(corpus)),
    ("self_audit", "analysis.audit:self_audit", lambda f: f(corpus)),
    # 02_issue_categories
    ("category_crosstab", "analysis.themes:category_crosstab", lambda f: f(corpus)),
    ("aspect_titles", "analysis.themes:aspect_titles", lambda f: f(corpus)),
    ("classify_problems", "analysis.themes:classify_problems", lambda f: f(corpus)),
    # 03_completion_rates
    ("completion_table", "analysis.completion:completion_table", lambda f: f(corpus)),
    ("completion_by_theme", "analysis.comparison:completion_by_theme", lambda f: f(corpus)),
    ("open_problems", "analysis.completion:open_problems", lambda f: f(corpus)),
    # 04_recurring_themes
    ("top_terms_by_association", "analysis.comparison:top_terms_by_association",
     lambda f: f(corpus, 20)),
    ("key_terms_by_association", "analysis.comparison:key_terms_by_association",
     lambda f: f(corpus, 8)),
    ("shared_terms", "analysis.terms:shared_terms", lambda f: f(corpus, min_associations=2)),
    ("recurrence_clusters", "analysis.clusters:recurrence_clusters", lambda f: f(corpus)),
    ("recurring_problems", "analysis.similarity:recurring_problems", lambda f: f(corpus)),
    ("rounds", "analysis.rounds:rounds", lambda f: f(corpus)),
    ("keyword_contexts", "analysis.comparison:keyword_contexts",
     lambda f: f(corpus, ["三会一课", "第一议题"], 15)),
    ("concreteness", "analysis.concreteness:concreteness",
     lambda f: f(corpus, by="association")),
    ("stock_phrases", "analysis.concreteness:stock_phrases", lambda f: f(corpus)),
    ("money_table", "analysis.concreteness:money_table", lambda f: f(corpus)),
    ("documents_table", "analysis.concreteness:documents_table", lambda f: f(corpus)),
    # association_profile (the first association)
    ("profile_classify_problems", "analysis.themes:classify_problems", lambda f: f(own)),
    ("profile_key_terms", "analysis.comparison:key_terms", lambda f: f(corpus, first)),
]
steps, rows, peaks, absent = {}, {}, {}, []
start = time.perf_counter()
for name, dotted, call in STEPS:
    f = fn(dotted)
    if f is None or name in skip:
        absent.append(name)
        continue
    t = time.perf_counter()
    out = call(f)
    steps[name] = round(time.perf_counter() - t, 3)
    rows[name] = len(out) if hasattr(out, "__len__") else None
    peaks[name] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 3)
print(json.dumps({
    "unpickle_s": round(loaded, 3),
    "analysis_s": round(time.perf_counter() - start, 3),
    "peak_gb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 3),
    "steps": steps, "rows": rows, "peak_gb_after": peaks, "absent": absent,
}))
"""


def run_phase(corpus_path: Path, cache: Path, skip: list[str], pythonpath: str | None) -> dict:
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    run = subprocess.run(
        [PYTHON, "-c", CHILD, str(corpus_path), str(cache), ",".join(skip)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    if run.returncode:
        raise RuntimeError(f"analysis run failed:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def check_targets(n: int, timings: dict) -> dict:
    """Which targets of ``TARGETS[n]`` the phase meets (empty for a size without targets)."""
    if n not in TARGETS:
        return {}
    per_step, total, peak = TARGETS[n]
    out = {
        "all_steps": verdict(timings["analysis_s"], total, False),
        "peak": verdict(timings["peak_gb"], peak, False),
    }
    if per_step is not None:
        slowest = max(timings["steps"].values(), default=0.0)
        out["every_step"] = verdict(slowest, per_step, False)
    return out


def notice_files(folder: Path) -> list[Path]:
    """The files of ``folder`` that ``load_corpus`` reads as notices.

    Parameters
    ----------
    folder : Path
        A folder of notices (a synthetic corpus holds ``.json`` sidecars beside them).

    Returns
    -------
    list of Path
        What ``parse.read.scan_inputs`` finds in the folder (no hidden files, sub-folders or
        provenance / README files) with a suffix ``parse.read`` reads
        (``SUPPORTED_SUFFIXES``: .txt, .md, .docx, .pdf, .html, .htm), sorted.
    """
    from rectify_utils.parse.read import SUPPORTED_SUFFIXES, scan_inputs

    files = scan_inputs(folder).files
    return sorted(p for p in files if p.suffix.lower() in SUPPORTED_SUFFIXES)


def bench_size(
    n: int, seed: int, skip: list[str], pythonpath: str | None, folder: Path | None = None
) -> dict:
    from rectify_utils import load_corpus
    from rectify_utils.synth import write_synthetic_corpus

    result: dict = {"notices": n, "corpus": str(folder) if folder else f"synth seed {seed}"}
    with tempfile.TemporaryDirectory(prefix="rectify-bench-analysis-") as scratch_name:
        scratch = Path(scratch_name)
        if folder is None:
            paths = write_synthetic_corpus(n, seed=seed, out_dir=scratch / "corpus")
        else:
            paths = notice_files(folder)
        began = time.perf_counter()
        corpus = load_corpus(paths, workers=2)
        result["load_s"] = round(time.perf_counter() - began, 3)
        result["problems"] = len(corpus.problems)
        result["associations"] = len(corpus.associations)
        corpus_path = scratch / "corpus.pickle"
        with open(corpus_path, "wb") as fh:
            pickle.dump(corpus, fh, protocol=pickle.HIGHEST_PROTOCOL)
        print(
            f"{n} notices: {len(corpus.notices)} loaded, {len(corpus.problems)} problems, "
            f"{result['associations']} associations, load {result['load_s']:.1f} s"
        )
        del corpus
        cache = scratch / "cache"
        for phase in ("cold", "warm"):
            timings = run_phase(corpus_path, cache, skip, pythonpath)
            timings["verdict"] = check_targets(n, timings)
            result[phase] = timings
            print(
                f"  {phase}: all {timings['analysis_s']:.1f} s, peak {timings['peak_gb']:.2f} GB "
                f"{timings['verdict']}"
            )
            for name, secs in sorted(timings["steps"].items(), key=lambda kv: -kv[1]):
                print(f"    {name:<28} {secs:8.2f} s  peak {timings['peak_gb_after'][name]:.2f} GB")
            if timings["absent"]:
                print(f"    absent or skipped: {', '.join(timings['absent'])}")
    return result


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 and 1,000 notices")
    parser.add_argument("--sizes", type=int, nargs="+", help="corpus sizes (default 1000 10000)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--skip", nargs="*", default=[], help="steps not to run")
    parser.add_argument("--pythonpath", help="measure the package found here (an older commit)")
    parser.add_argument("--name", help="results file name (default analysis[-quick])")
    parser.add_argument(
        "--corpus",
        type=Path,
        nargs="+",
        help="folders of notices (every suffix load_corpus reads) instead of synthesising",
    )
    args = parser.parse_args(argv)
    print_machine(machine())
    if args.corpus:
        runs = [(len(notice_files(f)), f) for f in args.corpus]
    else:
        runs = [(n, None) for n in args.sizes or ([200, 1000] if args.quick else [1000, 10000])]
    result = {
        "sizes": [n for n, _ in runs],
        "skipped": args.skip,
        "targets": {str(k): v for k, v in TARGETS.items()},
    }
    result["runs"] = [bench_size(n, args.seed, args.skip, args.pythonpath, f) for n, f in runs]
    write_result(args.name or ("analysis-quick" if args.quick else "analysis"), result)
    return result


if __name__ == "__main__":
    main()
