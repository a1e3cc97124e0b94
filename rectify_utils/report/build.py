"""Execute the notebooks listed in reports.yml and render them to self-contained HTML.

Each report's notebook runs with papermill in a pool of worker processes (one kernel per
notebook), is written to ``reports/NAME.ipynb`` and ``reports/NAME.html`` (code hidden), and
listed in ``reports/index.html``. Reports whose inputs did not change since their last build
are skipped; a failing notebook is still rendered, marked failed, and makes the exit status 1.

A build is: read the config (``config``) → plan (hash each report's inputs, ``inputs``, and
keep those that changed) → run them (``execute``, one worker process each) → write the index
(``html``, with the embedded font of ``font``) and the manifest. ``rectify report`` is
``add_arguments`` + ``run_cli``.

Faults cost no data. One build at a time holds the output folder's lock (``.build.lock``); a
second exits with a message naming the first, or waits (``--wait``). Ctrl-C or SIGTERM kills
the workers (their kernels follow within a second), records what finished, writes the index
and exits 130; workers exit by themselves if the build is killed outright. The index checks
each report's files on disk, and a failed report is always rebuilt by the next build. The next
build also removes the temporary files and kernel folders that a killed one left behind.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import BuildInterrupted, BuildLocked, OutputError
from ..parse.workers import Lost, WorkerPool
from . import config as report_config
from .config import ConfigError, LeftOut, ReportSpec
from .execute import KERNEL_DIR_PREFIX, Job, init_worker, run_task
from .font import characters_key, embed_font, font_face_style, page_characters
from .html import render_index
from .inputs import (
    InputHasher,
    changed_inputs,
    digest_of,
    load_manifest,
    save_manifest,
    stale_temporaries,
)
from .sources import write_source_views

DEFAULT_CONFIG = "reports.yml"
DEFAULT_OUT = "reports"
LOCK_NAME = ".build.lock"
EXIT_INTERRUPTED = 130  # as a shell reports a command stopped by Ctrl-C
EXIT_LOCKED = 75  # EX_TEMPFAIL: another build is running, try again later
COLUMNS = [
    "name", "title", "notebook", "parameters", "status", "outcome",
    "duration", "built", "html", "ipynb", "error", "warnings", "reason",
]  # fmt: skip
Pending = tuple[ReportSpec, dict[str, str], str]  # spec, its input hashes, why it is rebuilt
Row = dict[str, Any]  # one report's row of the result (COLUMNS)
Manifest = dict[str, Any]  # inputs.load_manifest


def cpu_count() -> int:
    """Cores this process may use.

    Returns
    -------
    int
        The size of the process's CPU affinity set (all cores where that is unknown).
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _now() -> str:
    """The local time, ISO 8601 to the second with its UTC offset."""
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


class CorpusMemo:
    """Each corpus folder parsed at most once in a build: the parse that ranks the
    associations is the one the source views are written from (a 1,000-notice folder takes
    ~10 s to parse). Kept for one ``build_reports`` call only, while its inputs are locked.
    """

    def __init__(self) -> None:
        self._corpora: dict[str, Any] = {}

    def __call__(self, data_dir: str | Path) -> Any:
        """The corpus of ``data_dir`` (``load_corpus``), parsed on the first call.

        Parameters
        ----------
        data_dir : str or Path
            The folder of notices.

        Returns
        -------
        Corpus
        """
        import rectify_utils

        key = str(Path(data_dir).resolve())
        if key not in self._corpora:
            self._corpora[key] = rectify_utils.load_corpus(data_dir)
        return self._corpora[key]


def _associations_lister(
    hasher: InputHasher, manifest: Manifest, load: CorpusMemo | None = None
) -> report_config.SizesOf:
    """``corpus_associations`` through the manifest's cache, keyed by corpus and code hash."""

    def associations_of(data_dir: str) -> dict[str, int]:
        key = hasher.corpus_key(data_dir)
        cached = manifest["associations"].get(key)
        if not isinstance(cached, dict):  # absent, or a name list from an older build
            cached = report_config.corpus_associations(data_dir, load)
            if cached:  # an empty list is an error worth retrying, not a result to keep
                manifest["associations"] = {key: cached}  # keep only the current corpus
        return dict(cached)

    return associations_of


def _is_up_to_date(previous: Mapping[str, Any] | None, digest: str) -> bool:
    """Same inputs as the last build, which succeeded, and its outputs are still there.

    A failed report is never up to date: its cause may lie outside its inputs (a corrupt
    cache, a full disk, a dead kernel) and be gone by now.
    """
    if not previous or previous.get("hash") != digest or previous.get("outcome") != "ok":
        return False
    return all(previous.get(k) and Path(previous[k]).is_file() for k in ("html", "ipynb"))


def _row(spec: ReportSpec, **values: Any) -> Row:
    """A result row for ``spec``: every column of ``COLUMNS``, ``values`` filled in."""
    row: Row = dict.fromkeys(COLUMNS)
    row.update(name=spec.name, title=spec.title, notebook=str(spec.notebook))
    row.update(parameters=dict(spec.parameters), warnings=[])
    row.update(values)
    return row


def _job(spec: ReportSpec, out_dir: Path) -> Job:
    """What a worker needs to build ``spec`` into ``out_dir``."""
    return Job(
        name=spec.name,
        notebook=str(spec.notebook),
        title=spec.title,
        parameters=dict(spec.parameters),
        out_dir=str(out_dir),
        timeout=spec.timeout,
        embed_font=spec.embed_font,
    )


def _echo_row(row: Mapping[str, Any], echo: Callable[[str], None]) -> None:
    """Print one report's outcome: status, name, duration, why rebuilt, file, error, warnings."""
    label = "up to date" if row["status"] == "skipped-up-to-date" else row["status"]
    line = f"[{label:>10}] {row['name']}  {row['duration'] or 0:.1f}s"
    if row.get("reason"):
        line += f"  (rebuilt: {row['reason']})"
    if row["html"]:
        line += f"  {row['html']}"
    if row["status"] == "failed" and row["error"]:
        line += f"\n             {row['error']}"
    for warning in row["warnings"] or []:
        line += f"\n             warning: {warning}"
    echo(line)


def build_reports(
    config: str | Path = DEFAULT_CONFIG,
    overrides: Mapping[str, Any] | Iterable[tuple[str, str]] | None = None,
    jobs: int | None = None,
    force: bool = False,
    out_dir: str | Path = DEFAULT_OUT,
    only: Iterable[str] | None = None,
    echo: Callable[[str], None] | None = print,
    wait: bool = False,
    max_profiles: int | None = None,
) -> pd.DataFrame:
    """Build the reports of ``config`` into ``out_dir``; one row per report built or skipped.

    Workers are spawned processes: a script calling this needs ``if __name__ == "__main__":``.
    Called from the main thread, Ctrl-C and SIGTERM stop the build cleanly
    (:class:`BuildInterrupted`).

    Parameters
    ----------
    config : str or Path
        The build config (``reports.yml``).
    overrides : mapping or iterable of (str, str), optional
        Parameters that win over the config: parameter -> value, or ``-p`` string pairs
        parsed as YAML.
    jobs : int, optional
        Notebooks run in parallel; by default one per core, at most one per report.
    force : bool
        Rebuild the reports that are up to date too.
    out_dir : str or Path
        The output folder: reports, figures, ``index.html`` and the build manifest.
    only : iterable of str, optional
        Build only these reports (a report name, or an entry name for all its reports). The
        index still lists every report of the config.
    echo : callable, optional
        Receives one line per report as it finishes; None is silent.
    wait : bool
        Wait for another build writing ``out_dir`` to finish, instead of raising.
    max_profiles : int, optional
        Build at most this many reports of each ``per_association`` entry: those of the
        associations with the most problems (ties by name). Wins over the entry's
        ``max_associations``; None uses that (by default all). The index names the
        associations left out.

    Returns
    -------
    pandas.DataFrame
        One row per selected report, columns ``COLUMNS``: ``status`` is
        ok/failed/skipped-up-to-date; ``outcome`` is the state of the report on disk
        (ok/failed), also for skipped ones.

    Raises
    ------
    ConfigError
        For an unusable config or an unknown name in ``only``.
    BuildLocked
        When another build holds ``out_dir`` (and ``wait`` is false).
    BuildInterrupted
        After Ctrl-C or SIGTERM, once what finished is recorded and the index written.
    OutputError
        When the manifest or the index cannot be written (a full disk).
    """
    say = echo or (lambda _line: None)
    max_profiles = report_config.profile_limit(max_profiles, "--max-profiles")
    config_path = Path(config).resolve()
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    with build_lock(out, wait=wait), _interruptible():
        remove_leftovers(out)
        manifest = load_manifest(out)  # read under the lock: another build may just have saved
        hasher = InputHasher(exclude=out)
        load = CorpusMemo()  # the associations' parse is the source views' too
        all_specs, left_out = _load_specs(
            config_path, overrides, hasher, manifest, out, max_profiles, load
        )
        specs = report_config.select(all_specs, only)
        rows: dict[str, Row] = {}
        try:
            for cut in left_out:
                say(_left_out_line(cut))
            rows, pending = _plan(specs, hasher, manifest, out, force)
            for row in rows.values():
                _echo_row(row, say)
            if pending:
                _build_pending(pending, jobs, out, manifest, rows, say)
            write_source_views(
                all_specs, out, hasher, load
            )  # issue 11: notices/<id>.html (sources)
        except BuildInterrupted as exc:
            for leftover in stale_temporaries(out):  # the killed workers' unfinished outputs
                leftover.unlink(missing_ok=True)
            _write_index(all_specs, rows, manifest, out, config_path.parent, left_out)
            save_manifest(out, manifest)
            raise _interrupted(exc, specs, rows) from None
        _write_index(all_specs, rows, manifest, out, config_path.parent, left_out)
        save_manifest(out, manifest)
    return pd.DataFrame([rows[s.name] for s in specs], columns=COLUMNS)


def _interrupted(
    exc: BuildInterrupted, specs: list[ReportSpec], rows: Mapping[str, Row]
) -> BuildInterrupted:
    """The one line a stopped build ends with: what finished, what was left."""
    built = sum(1 for s in specs if rows.get(s.name, {}).get("status") in ("ok", "failed"))
    left = sum(1 for s in specs if s.name not in rows)
    return BuildInterrupted(
        f"interrupted by {exc.signal_name}: {built} report(s) finished and recorded, {left} "
        "not built (they keep their last build); run again to build them",
        exc.signal_name,
    )


@contextlib.contextmanager
def build_lock(out: Path, wait: bool = False) -> Iterator[None]:
    """Hold ``out``'s build lock for the block: one build at a time writes a folder.

    The lock is the kernel's (``flock``), so it goes with its process, however that ends.

    Parameters
    ----------
    out : Path
        The output folder.
    wait : bool
        Wait for the build holding it, instead of raising.

    Raises
    ------
    BuildLocked
        When another build holds it and ``wait`` is false; the message names that build.
    """
    import fcntl

    fd = os.open(out / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    with os.fdopen(fd, "r+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = handle.read().strip() or "another process"
            if not wait:
                raise BuildLocked(
                    f"another build ({holder}) is writing {out}: wait for it to finish, or run "
                    "again with --wait"
                ) from None
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, started {_now()}\n")
        handle.flush()
        yield


@contextlib.contextmanager
def _interruptible() -> Iterator[None]:
    """Turn the first SIGINT or SIGTERM into :class:`BuildInterrupted` (main thread only).

    Later signals are ignored while the build stops its workers and records what finished.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    fired: list[int] = []

    def handler(signum: int, frame: object) -> None:
        if not fired:
            fired.append(signum)
            raise BuildInterrupted("interrupted", signal.Signals(signum).name)

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def remove_leftovers(out: Path) -> list[Path]:
    """Remove what killed builds left: temporary outputs in ``out``, dead builds' kernel folders.

    Parameters
    ----------
    out : Path
        The output folder, whose build lock the caller holds.

    Returns
    -------
    list of Path
        What was removed.
    """
    removed = stale_temporaries(out)
    for path in removed:
        path.unlink(missing_ok=True)
    for folder in Path(tempfile.gettempdir()).glob(f"{KERNEL_DIR_PREFIX}*"):
        pid = folder.name[len(KERNEL_DIR_PREFIX) :].split("-")[0]
        if folder.is_dir() and pid.isdigit() and not _is_alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _load_specs(
    config_path: Path,
    overrides: Mapping[str, Any] | Iterable[tuple[str, str]] | None,
    hasher: InputHasher,
    manifest: Manifest,
    out: Path,
    max_profiles: int | None = None,
    load: CorpusMemo | None = None,
) -> tuple[list[ReportSpec], list[LeftOut]]:
    """Every report of the config, expanded per association, each with its ``figures_dir``;
    and the per-association reports a limit left out."""
    entries = report_config.load_entries(config_path, report_config.parse_overrides(overrides))
    lister = _associations_lister(hasher, manifest, load)
    specs, left_out = report_config.expand_all(entries, lister, max_profiles)
    return [_with_figures_dir(s, out) for s in specs], left_out


def _left_out_line(cut: LeftOut) -> str:
    """What the build prints of the reports a limit left out."""
    total = len(cut.kept) + len(cut.left_out)
    return (
        f"[  left out] {cut.entry}: {len(cut.left_out)} of {total} associations not built "
        f"({cut.source} {cut.limit} keeps those with the most problems); see the index"
    )


def _build_pending(
    pending: list[Pending],
    jobs: int | None,
    out: Path,
    manifest: Manifest,
    rows: dict[str, Row],
    say: Callable[[str], None],
) -> None:
    """Run the pending reports, longest first (by the last build's duration)."""
    last = {n: (r.get("duration") or 0.0) for n, r in manifest["reports"].items()}
    pending.sort(key=lambda item: -last.get(item[0].name, float("inf")))  # workers finish together
    n_workers = max(1, min(jobs or cpu_count(), cpu_count(), len(pending)))
    say(f"building {len(pending)} report(s) with {n_workers} worker(s)")
    _run_pending(pending, out, n_workers, manifest, rows, say)


def _plan(
    specs: list[ReportSpec],
    hasher: InputHasher,
    manifest: Manifest,
    out: Path,
    force: bool,
) -> tuple[dict[str, Row], list[Pending]]:
    """Rows for the reports that need no kernel (up to date, or unbuildable), and the rest."""
    rows: dict[str, Row] = {}
    pending: list[Pending] = []
    for spec in specs:
        inputs = hasher.report_inputs(spec)
        row, why = _plan_one(spec, inputs, manifest, out, force)
        if row is not None:
            rows[spec.name] = row
        else:
            pending.append((spec, inputs, why))
    return rows, pending


def _plan_one(
    spec: ReportSpec, inputs: dict[str, str], manifest: Manifest, out: Path, force: bool
) -> tuple[Row | None, str]:
    """The row of a report that is not built (failed spec, up to date), or why it is rebuilt."""
    previous = manifest["reports"].get(spec.name)
    if not spec.error and not spec.notebook.is_file():
        spec = replace(spec, error=f"notebook {spec.notebook} does not exist")
        for stale in (out / f"{spec.name}.html", out / f"{spec.name}.ipynb"):
            stale.unlink(missing_ok=True)
    if spec.error:
        row = _row(spec, status="failed", outcome="failed", error=spec.error)
        row.update(duration=0.0, built=_now())
        manifest["reports"][spec.name] = {"hash": None, **_record(row)}
        return row, ""
    if not force and _is_up_to_date(previous, digest_of(inputs)):
        row = _row(spec, status="skipped-up-to-date", duration=0.0)
        for key in ("outcome", "built", "html", "ipynb", "error", "warnings"):
            row[key] = previous.get(key)
        return row, ""
    if force:
        return None, "forced"
    changed = changed_inputs((previous or {}).get("inputs"), inputs)
    return None, ", ".join(changed) or "last build failed"


def _with_figures_dir(spec: ReportSpec, out: Path) -> ReportSpec:
    """Give each report its own ``figures_dir`` under ``out/figures`` unless the config set one."""
    if spec.parameters.get("figures_dir"):
        return spec
    params = {**spec.parameters, "figures_dir": str(out / "figures" / spec.name)}
    return replace(spec, parameters=params)


def _record(row: Mapping[str, Any]) -> dict[str, Any]:
    """What the manifest keeps of a row."""
    keys = ("title", "notebook", "parameters", "outcome", "built", "duration", "html", "ipynb")
    return {k: row[k] for k in (*keys, "error", "warnings")}


def _run_pending(
    pending: list[Pending],
    out: Path,
    n_workers: int,
    manifest: Manifest,
    rows: dict[str, Row],
    say: Callable[[str], None],
) -> None:
    """Run the jobs in worker processes; record and print each as it finishes.

    The workers are spawned (no forked copies of the parent's threads or open files), keep
    their kernels' connection files in a folder of this build, and are killed if the build is
    interrupted; the folder is removed however the build ends.
    """
    items = {item[0].name: item for item in pending}
    runtime_root = tempfile.mkdtemp(prefix=f"{KERNEL_DIR_PREFIX}{os.getpid()}-")
    pool = WorkerPool(
        run_task, n_workers, method="spawn", initializer=init_worker, initargs=(runtime_root,)
    )
    try:
        with pool:
            for name, result in pool.run((n, _job(item[0], out)) for n, item in items.items()):
                spec, inputs, why = items[name]
                if isinstance(result, Lost):  # the worker process itself died
                    error = f"worker crashed: {result.reason}"
                    result = {"status": "failed", "error": error, "duration": 0.0}
                rows[spec.name] = _record_result(spec, inputs, why, result, manifest)
                save_manifest(out, manifest)  # an interrupted build keeps what it finished
                _echo_row(rows[spec.name], say)
    finally:
        shutil.rmtree(runtime_root, ignore_errors=True)


def _record_result(
    spec: ReportSpec,
    inputs: dict[str, str],
    why: str,
    result: Mapping[str, Any],
    manifest: Manifest,
) -> Row:
    """The row of a finished job, also recorded in the manifest with its input hashes."""
    row = _row(spec, built=_now(), outcome=result["status"], reason=why)
    row.update({k: result.get(k) for k in ("status", "duration", "html", "ipynb", "error")})
    row["warnings"] = result.get("warnings") or []
    manifest["reports"][spec.name] = {
        "hash": digest_of(inputs),
        "inputs": inputs,
        "notebook_error": bool(result.get("notebook_error")),
        **_record(row),
    }
    return row


def _index_records(
    specs: list[ReportSpec], rows: Mapping[str, Mapping[str, Any]], manifest: Manifest
) -> list[Row]:
    """Each report of the config as last built (now, earlier, or never), from the manifest.

    A report recorded as built whose files are gone from disk is shown as not built.
    """
    records = []
    for spec in specs:
        last = manifest["reports"].get(spec.name) or {}
        row = _row(spec, status=rows.get(spec.name, {}).get("status"))
        row.update({k: last.get(k) for k in ("outcome", "built", "duration", "html", "ipynb")})
        row.update(error=last.get("error"), warnings=last.get("warnings") or [])
        missing = [k for k in ("html", "ipynb") if row[k] and not Path(row[k]).is_file()]
        if row["outcome"] == "ok" and (missing or not row["html"]):
            gone = ", ".join(str(row[k]) for k in missing) or "its HTML"
            row.update(outcome="not built", error=f"{gone} missing; the next build rebuilds it")
        records.append(row)
    return records


def _write_index(
    specs: list[ReportSpec],
    rows: Mapping[str, Mapping[str, Any]],
    manifest: Manifest,
    out: Path,
    root: Path,
    left_out: list[LeftOut] | None = None,
) -> Path:
    """Write ``out/index.html`` listing every report of the config, from the manifest, and
    the per-association reports a limit left out."""
    records = _index_records(specs, rows, manifest)
    page = render_index(records, out_dir=out, generated=_now(), root=root, left_out=left_out)
    if any(spec.embed_font for spec in specs):
        page = embed_font(page, _index_font_style(page, manifest))
    path = out / "index.html"
    tmp = out / f"index.html.{os.getpid()}.tmp"
    try:
        tmp.write_text(page, "utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(
            f"could not write {path}: {exc.strerror or exc}; the previous index was left as it was"
        ) from None
    return path


def _index_font_style(page: str, manifest: Manifest) -> str:
    """The index's embedded font, cached in the manifest while its characters stay the same."""
    characters = page_characters(page)
    key = characters_key(characters)
    cached = manifest.get("index_font") or {}
    if cached.get("key") != key:
        cached = {"key": key, "style": font_face_style(characters)}
        manifest["index_font"] = cached
    return cached["style"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``rectify report`` to ``parser``.

    Parameters
    ----------
    parser : argparse.ArgumentParser
        The ``report`` sub-command's parser (``rectify_utils.cli``).
    """
    parser.add_argument(
        "--config", default=DEFAULT_CONFIG, help="build config (default: %(default)s)"
    )
    parser.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        metavar=("KEY", "VALUE"),
        default=[],
        help="override a notebook parameter for every report; VALUE is YAML (5, null, [a, b])",
    )
    parser.add_argument(
        "--jobs", type=int, default=None, help="parallel notebooks (default: min(cores, reports))"
    )
    parser.add_argument("--force", action="store_true", help="rebuild reports that are up to date")
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        default=[],
        help="build only this report (or config entry); repeatable",
    )
    parser.add_argument("--out", default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    parser.add_argument(
        "--wait", action="store_true", help="wait for another build of the same folder to finish"
    )
    parser.add_argument(
        "--max-profiles",
        type=int,
        default=None,
        metavar="N",
        help="per-association reports: only the N associations with the most problems "
        "(default: max_associations in the config, else all); the index lists the others",
    )


def run_cli(args: argparse.Namespace) -> int:
    """Run ``rectify report`` and print a summary line.

    Parameters
    ----------
    args : argparse.Namespace
        The options of ``add_arguments``.

    Returns
    -------
    int
        The exit status: 0 if every report is ok, 1 if any failed or an output could not be
        written, 2 for a bad config, 75 when another build holds the folder, 130 when
        interrupted (Ctrl-C, SIGTERM).
    """
    start = time.perf_counter()
    try:
        frame = build_reports(
            config=args.config,
            overrides=[tuple(p) for p in args.parameter],
            jobs=args.jobs,
            force=args.force,
            out_dir=args.out,
            only=args.only,
            wait=getattr(args, "wait", False),
            max_profiles=getattr(args, "max_profiles", None),
        )
    except ConfigError as exc:
        print(f"rectify report: {exc}", file=sys.stderr)
        return 2
    except (BuildLocked, BuildInterrupted, OutputError) as exc:
        print(f"rectify report: {exc}", file=sys.stderr)
        codes = {BuildLocked: EXIT_LOCKED, BuildInterrupted: EXIT_INTERRUPTED}
        return codes.get(type(exc), 1)
    failed = frame[frame["outcome"] == "failed"]
    counts = frame["status"].value_counts()
    print(
        f"{len(frame)} report(s): {counts.get('ok', 0)} built, {len(failed)} failed, "
        f"{counts.get('skipped-up-to-date', 0)} up to date "
        f"in {time.perf_counter() - start:.1f}s -> {Path(args.out) / 'index.html'}"
    )
    for name in failed["name"]:
        print(f"failed: {name}", file=sys.stderr)
    return 1 if len(failed) else 0
