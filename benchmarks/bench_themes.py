"""Theme analysis on synthetic notices with a cold and a warm token cache.

    .venv/bin/python benchmarks/bench_themes.py            # 1,000 notices
    .venv/bin/python benchmarks/bench_themes.py --quick    # 200 notices

The pipeline is what the theme notebooks call: ``tokens.tokenize_problems`` (jieba, SQLite
cache), ``themes.classify_problems`` and ``category_crosstab``, and ``terms.term_frequencies``,
``keyness``, ``shared_terms`` and ``cooccurrence`` on those tokens. Each phase runs in a fresh
interpreter: *cold* with an empty cache directory, *warm* with the cache the cold run filled.
Targets: < 30 s cold, < 3 s warm. Writes ``benchmarks/results/themes.json``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import PYTHON, ROOT, machine, print_machine, verdict, write_result

TARGETS = {"cold": 30.0, "warm": 3.0}

# run in a fresh interpreter: argv = problems.parquet, cache dir; prints step timings as JSON
CHILD = """
import json, sys, time
began = time.perf_counter()
import pandas as pd
from rectify_utils.analysis import terms
from rectify_utils.analysis import themes
from rectify_utils.analysis import tokens
imported = time.perf_counter()
problems = pd.read_parquet(sys.argv[1])
cache = sys.argv[2]
steps = {}
def step(name, fn):
    t = time.perf_counter()
    out = fn()
    steps[name] = round(time.perf_counter() - t, 3)
    return out
start = time.perf_counter()
toks = step("tokenize_problems", lambda: tokens.tokenize_problems(problems, cache_dir=cache))
classified = step("classify_problems", lambda: themes.classify_problems(problems))
step("category_crosstab", lambda: themes.category_crosstab(classified))
step("term_frequencies", lambda: terms.term_frequencies(problems, tokens=toks, top_n=20))
target = problems["association"].dropna().iloc[0]
step("keyness", lambda: terms.keyness(problems, target, tokens=toks))
step("shared_terms", lambda: terms.shared_terms(problems, tokens=toks))
step("cooccurrence", lambda: terms.cooccurrence(problems, tokens=toks))
print(json.dumps({
    "import_s": round(imported - began, 3),
    "pipeline_s": round(time.perf_counter() - start, 3),
    "total_s": round(time.perf_counter() - began, 3),
    "problems": len(problems),
    "tokens": len(toks),
    "steps": steps,
}))
"""


def run_phase(problems_path: Path, cache: Path) -> dict:
    run = subprocess.run(
        [PYTHON, "-c", CHILD, str(problems_path), str(cache)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if run.returncode:
        raise RuntimeError(f"theme pipeline failed:\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 notices")
    parser.add_argument("--notices", type=int, help="corpus size (default 1000)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    n = args.notices or (200 if args.quick else 1000)

    from rectify_utils import load_corpus
    from rectify_utils.synth import write_synthetic_corpus

    print_machine(machine())
    result: dict = {"notices": n, "targets_s": TARGETS}
    with tempfile.TemporaryDirectory(prefix="rectify-bench-themes-") as scratch_name:
        scratch = Path(scratch_name)
        paths = write_synthetic_corpus(n, seed=args.seed, out_dir=scratch / "corpus")
        corpus = load_corpus(paths, workers=2)
        problems_path = scratch / "problems.parquet"
        corpus.problems.to_parquet(problems_path, index=False)
        result["problems"] = len(corpus.problems)
        result["text_megabytes"] = round(
            sum(len(t.encode("utf-8")) for t in corpus.problems["text"].fillna("")) / 2**20, 2
        )
        print(
            f"{n} notices, {len(corpus.problems)} problems, {result['text_megabytes']} MB of text"
        )
        cache = scratch / "token-cache"
        for phase in ("cold", "warm"):
            began = time.perf_counter()
            timings = run_phase(problems_path, cache)
            timings["wall_s"] = round(time.perf_counter() - began, 3)
            timings["verdict"] = verdict(timings["pipeline_s"], TARGETS[phase], False)
            result[phase] = timings
            steps = ", ".join(f"{k} {v:.2f}" for k, v in timings["steps"].items())
            print(
                f"{phase}: pipeline {timings['pipeline_s']:.2f} s (imports {timings['import_s']:.2f} s, "
                f"process {timings['wall_s']:.2f} s) — target < {TARGETS[phase]:.0f} s: "
                f"{timings['verdict']}\n  {steps}"
            )
    write_result("themes-quick" if args.quick else "themes", result)
    return result


if __name__ == "__main__":
    main()
