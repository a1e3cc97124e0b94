"""Shared helpers for the benchmark scripts: machine description, timing, JSON results."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
PYTHON = sys.executable


def meminfo_gb(field: str = "MemTotal") -> float | None:
    """A /proc/meminfo field in GiB (None where there is no /proc)."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith(field + ":"):
                return round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        return None
    return None


def machine() -> dict:
    """Cores, memory, CPU model, Python: what the figures were measured on."""
    model = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    return {
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "cpu": model or platform.processor(),
        "memory_gb": meminfo_gb("MemTotal"),
        "memory_available_gb": meminfo_gb("MemAvailable"),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def parallel_speedup(workers: int = 2, n: int = 10_000_000) -> float:
    """How much faster ``workers`` processes finish ``workers`` equal pure-Python tasks than one
    process finishes one, i.e. the usable parallelism (2.0 on two free physical cores; about
    1.2 on two hyper-threads of one core or a busy host)."""
    from concurrent.futures import ProcessPoolExecutor

    began = time.perf_counter()
    _burn(n)
    one = time.perf_counter() - began
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_burn, [1000] * workers))  # start the workers first
        began = time.perf_counter()
        list(pool.map(_burn, [n] * workers))
        many = time.perf_counter() - began
    return round(workers * one / many, 2)


def print_machine(info: dict) -> None:
    print(
        f"machine: {info['cores']} cores ({info['usable_cores']} usable), {info['cpu']}, "
        f"{info['memory_gb']} GiB RAM ({info['memory_available_gb']} available), "
        f"load {info['load_average_1m']}, Python {info['python']}"
    )


@contextmanager
def timer(into: dict, key: str):
    """Store the wall time of the block, in seconds, as ``into[key]``."""
    began = time.perf_counter()
    try:
        yield
    finally:
        into[key] = round(time.perf_counter() - began, 3)


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """The fastest of ``repeat`` wall-clock timings of ``fn()``, in seconds."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return min(times)


def git_commit() -> str | None:
    try:
        return (
            subprocess.run(
                ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
            ).stdout.strip()
            or None
        )
    except OSError:
        return None


def write_result(name: str, payload: dict) -> Path:
    """Write ``benchmarks/results/<name>.json`` (with machine, commit and time) and return it."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    record = {
        "benchmark": name,
        "measured": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "commit": git_commit(),
        "machine": machine(),
        **payload,
    }
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2, default=str) + "\n")
    print(f"wrote {path.relative_to(ROOT)}")
    return path


def verdict(value: float, target: float, higher_is_better: bool) -> str:
    ok = value >= target if higher_is_better else value <= target
    return "meets target" if ok else "MISSES target"
