"""Load a folder (or files) of notices into tidy tables: ``load_corpus``."""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .. import schema
from ..config import ReadLimits, format_size
from ..errors import NotANotice, NoticeReadError
from ..schema import TABLE_COLUMNS
from .duplicates import mark_duplicates
from .notice import NoticeResult, parse_notice
from .places import warm_gazetteer
from .read import read_notice, scan_inputs
from .workers import Lost, WorkerPool

#: ``corpus.ignored``: files that belong beside notices (provenance, read-me), not read
IGNORED_COLUMNS: schema.Columns = {"path": schema.TEXT, "reason": schema.TEXT}


@dataclass
class Corpus:
    """Parsed notices. Every table is a pandas DataFrame; ``texts`` maps notice_id → normalised text."""

    notices: pd.DataFrame
    problems: pd.DataFrame
    measures: pd.DataFrame
    skipped: pd.DataFrame
    unassigned: pd.DataFrame
    spans: pd.DataFrame
    outline: pd.DataFrame
    warnings: pd.DataFrame
    texts: dict[str, str] = field(default_factory=dict)
    originals: dict[str, str] = field(default_factory=dict)  # before traditional→simplified
    #: files that belong beside notices (``provenance.yml``, ``README``): path, reason
    ignored: pd.DataFrame = field(default_factory=lambda: schema.frame([], IGNORED_COLUMNS))
    #: copies of a notice (``parse.duplicates``): one row per copy not kept, and why
    duplicates: pd.DataFrame = field(
        default_factory=lambda: schema.frame([], schema.DUPLICATE_COLUMNS)
    )

    def __repr__(self) -> str:
        return (
            f"Corpus({len(self.notices)} notices, {len(self.problems)} problems, "
            f"{len(self.measures)} measures, {len(self.skipped)} skipped, {len(self.unassigned)} unassigned)"
        )

    @property
    def associations(self) -> list[str]:
        return list(dict.fromkeys(self.notices["association"].dropna()))

    def select(self, associations: Iterable[str] | None) -> Corpus:
        """The corpus restricted to some associations (None: all)."""
        if associations is None:
            return self
        keep = set(associations)
        ids = set(self.notices.loc[self.notices["association"].isin(keep), "notice_id"])

        def f(df: pd.DataFrame) -> pd.DataFrame:
            return df[df["notice_id"].isin(ids)].reset_index(drop=True) if "notice_id" in df else df

        return Corpus(
            f(self.notices),
            f(self.problems),
            f(self.measures),
            self.skipped,
            f(self.unassigned),
            f(self.spans),
            f(self.outline),
            f(self.warnings),
            {k: v for k, v in self.texts.items() if k in ids},
            {k: v for k, v in self.originals.items() if k in ids},
            self.ignored,
        )


def table_of(data: Corpus | pd.DataFrame, name: str) -> pd.DataFrame:
    """``data.<name>`` for a corpus (e.g. ``"problems"``); a DataFrame is returned as it is.

    Analysis functions accept either a :class:`Corpus` or one of its tables (possibly filtered
    or already classified); this is the one place that tells the two apart.

    Parameters
    ----------
    data : Corpus or DataFrame
        A parsed corpus, or one of its tables.
    name : str
        The table to take from a corpus: ``"problems"``, ``"notices"``, ``"measures"``…

    Returns
    -------
    DataFrame
        The table.
    """
    return data if isinstance(data, pd.DataFrame) else getattr(data, name)


@dataclass
class _FileOutcome:
    path: str
    result: NoticeResult | None = None
    error: str | None = None
    digest: str | None = None
    converted: bool = False
    original: str | None = None
    doc_kind: str | None = None


#: one file to parse: its position among the inputs, its path and its notice id
_Job = tuple[int, Path, str]
#: seconds a worker is given past the time limit before it is killed (the limit itself stops
#: Python code; this catches a file stuck in C code)
KILL_GRACE = 5.0
#: at most this many files per task sent to a worker (a lost task is re-run without its file)
MAX_BATCH = 100


class _TimeLimit(BaseException):
    """Raised by SIGALRM in the middle of a file; BaseException so no parser swallows it."""


@contextlib.contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (main thread only: elsewhere the worker is killed)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def alarm(signum: int, frame: object) -> None:
        raise _TimeLimit

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _parse_file(path: Path, notice_id: str, limits: ReadLimits | None = None) -> _FileOutcome:
    """Read and parse one file within the limits; never raises (the reason lands in ``skipped``)."""
    limits = limits or ReadLimits()
    try:
        with _time_limit(limits.seconds):
            return _read_and_parse(path, notice_id, limits)
    except _TimeLimit:
        reason = f"reading took longer than the {limits.seconds:g} s limit (seconds)"
    except MemoryError:
        reason = (
            f"ran out of memory: over the {format_size(limits.memory_bytes)} limit (memory_bytes)"
        )
    return _FileOutcome(str(path), error=reason)


def _read_and_parse(path: Path, notice_id: str, limits: ReadLimits) -> _FileOutcome:
    try:
        notice_text = read_notice(path, limits)
    except NoticeReadError as exc:
        return _FileOutcome(str(path), error=exc.reason)
    except MemoryError:
        raise  # _parse_file names the limit
    except Exception as exc:
        return _FileOutcome(str(path), error=f"could not be read: {type(exc).__name__}: {exc}")
    digest = hashlib.sha256("".join(notice_text.text.split()).encode("utf-8")).hexdigest()
    try:
        result = parse_notice(notice_text.text, notice_id, str(path), notice_text.encoding)
    except NotANotice as exc:
        reason = str(exc) if exc.doc_kind else f"no recognisable notice: {exc}"
        return _FileOutcome(str(path), error=reason, digest=digest, doc_kind=exc.doc_kind)
    except MemoryError:
        raise
    except Exception as exc:
        return _FileOutcome(
            str(path), error=f"parser failed: {type(exc).__name__}: {exc}", digest=digest
        )
    result.notice["converted_from_traditional"] = notice_text.converted
    return _FileOutcome(
        str(path), result, None, digest, notice_text.converted, notice_text.original_text
    )


def _notice_ids(paths: list[Path]) -> list[str]:
    """Stable ids from file stems; a repeated stem gets its suffix appended (`a`, `a-docx`)."""
    stems = Counter(p.stem for p in paths)
    return [
        p.stem if stems[p.stem] == 1 else f"{p.stem}-{p.suffix.lstrip('.').lower()}" for p in paths
    ]


def load_corpus(
    paths: str | Path | Iterable[str | Path] = "data/raw",
    workers: int | None = None,
    *,
    limits: ReadLimits | None = None,
    executor: Executor | None = None,
    progress: bool | None = None,
    keep_duplicates: bool = False,
) -> Corpus:
    """Parse every notice in a folder, one file or a list of paths.

    Every input is accounted for: files that cannot be read (missing, a link loop, a named
    pipe, past a limit, or a worker that died on them), hold no notice, or repeat a notice
    already loaded are listed in ``corpus.skipped`` with a reason, files that belong beside
    notices (``provenance.yml``, ``README``) in ``corpus.ignored``; the rest still loads.

    Parameters
    ----------
    paths : str, Path or iterable of them
        Folders (their files, not sub-folders) and files.
    workers : int, optional
        Worker processes reading the files (default 1; at most one per core). A file that
        passes the time limit or kills its worker (out of memory) costs only itself. 0 parses
        in this process, with no protection from a file that hangs in C code or crashes.
    limits : ReadLimits, optional
        Per-file limits: bytes on disk, unpacked .docx bytes, PDF pages, characters, seconds,
        memory (default ``ReadLimits()``).
    executor : concurrent.futures.Executor, optional
        Parse batches of files on it instead (a ``dask.distributed`` client's
        ``get_executor()``, a ``ProcessPoolExecutor``...). A batch the executor loses is parsed
        again here, in workers, so that only the file that broke it is skipped.
    progress : bool, optional
        Show a progress bar (tqdm); by default one appears on a terminal when a load takes
        more than two seconds.
    keep_duplicates : bool, default False
        Keep every copy of a notice posted twice (the same text, or a near-duplicate: a web
        header added, a few characters changed; ``parse.duplicates``). By default one copy is
        kept — the earliest published, else the one without a web page's header, else the
        longest, else the first file — and the others
        are dropped from every table and listed in ``corpus.skipped``; either way
        ``corpus.duplicates`` lists each copy with the one kept and why.

    Returns
    -------
    Corpus
        The tables; ``workers`` and ``executor`` do not change them.
    """
    limits = limits or ReadLimits()
    scan = scan_inputs(paths)
    jobs = [(i, p, nid) for i, (p, nid) in enumerate(zip(scan.files, _notice_ids(scan.files)))]
    skipped: list[dict] = list(scan.skipped)
    with _progress_bar(len(jobs), progress) as bar:
        if workers == 0 and executor is None:
            parts = {0: _parse_batch(jobs, limits)} if jobs else {}
            bar.update(len(jobs))
        else:
            pieces = _batches(jobs, workers or 1)
            parts = _run_on_executor(executor, pieces, limits, bar) if executor else {}
            left = {k: v for k, v in pieces.items() if k not in parts}
            parts.update(_run_in_workers(left, workers or 1, limits, skipped, bar))
    corpus = _join(
        [parts[k] for k in sorted(parts)] or [_parse_batch([], limits)], skipped, keep_duplicates
    )
    corpus = mark_duplicates(corpus, keep_duplicates)
    corpus.ignored = schema.frame(scan.ignored, IGNORED_COLUMNS)
    return corpus


def _batches(jobs: list[_Job], workers: int) -> dict[int, list[_Job]]:
    """The jobs in consecutive batches, keyed by the position of their first file."""
    workers = max(1, min(workers, os.cpu_count() or 1))
    size = min(MAX_BATCH, max(1, -(-len(jobs) // (workers * 4))))
    return {jobs[i][0]: jobs[i : i + size] for i in range(0, len(jobs), size)}


def _progress_bar(total: int, progress: bool | None):
    """A tqdm bar over the files: shown on a terminal after 2 s unless ``progress`` says."""
    from tqdm.auto import tqdm

    disable = None if progress is None else not progress
    delay = 2.0 if progress is None else 0.0
    return tqdm(total=total, unit="file", desc="reading notices", delay=delay, disable=disable)


def _run_on_executor(
    executor: Executor, pieces: dict[int, list[_Job]], limits: ReadLimits, bar: Any
) -> dict[int, _Part]:
    """Parse the batches on ``executor``; the batches it loses are left out of the result."""
    futures = {executor.submit(_parse_batch, piece, limits): key for key, piece in pieces.items()}
    parts: dict[int, _Part] = {}
    for future in as_completed(futures):
        key = futures[future]
        try:
            parts[key] = future.result()
        except Exception:  # a lost worker, a broken pool: re-run here, file by file
            continue
        bar.update(len(pieces[key]))
    return parts


def _run_in_workers(
    pieces: dict[int, list[_Job]],
    workers: int,
    limits: ReadLimits,
    skipped: list[dict],
    bar: Any,
) -> dict[int, _Part]:
    """Parse the batches in killable worker processes; a lost file goes to ``skipped``."""
    if not pieces:
        return {}
    workers = max(1, min(workers, os.cpu_count() or 1, len(pieces)))
    warm_gazetteer()  # forked workers inherit the loaded gazetteer instead of each loading it
    parts: dict[int, _Part] = {}
    pool = WorkerPool(
        _batch_task,
        workers,
        initializer=_init_worker,
        initargs=(limits.memory_bytes,),
        step_timeout=limits.seconds + KILL_GRACE if limits.seconds else None,
        on_step=lambda key, step: bar.update(1) if isinstance(step, int) else None,
    )
    with pool:
        for key, result in pool.run((k, (v, limits)) for k, v in pieces.items()):
            if isinstance(result, Lost):
                for new_key, piece in _after_loss(pieces.pop(key), result, limits, skipped):
                    pieces[new_key] = piece
                    pool.submit(new_key, (piece, limits))
            else:
                parts[key] = result
    return parts


def _after_loss(
    piece: list[_Job], lost: Lost, limits: ReadLimits, skipped: list[dict]
) -> list[tuple[int, list[_Job]]]:
    """Skip the file a lost batch was reading; return the batches to run again instead."""
    at = next((n for n, job in enumerate(piece) if job[0] == lost.step), None)
    if at is None and len(piece) > 1:  # lost outside a file: find the culprit file by file
        return [(job[0], [job]) for job in piece]
    bad = piece.pop(at or 0)
    reason = lost.reason
    if lost.timed_out:
        reason = f"reading took longer than the {limits.seconds:g} s limit (seconds); the worker was stopped"
    skipped.append(dict(path=str(bad[1]), reason=f"could not be read: {reason}"))
    return [(piece[0][0], piece)] if piece else []


def _batch_task(payload: tuple[list[_Job], ReadLimits], step: Callable[[Any], None]) -> _Part:
    """What a worker does with one batch: each file, reporting its position first, then tables."""
    jobs, limits = payload
    return _parse_batch(jobs, limits, step)


def _init_worker(memory_bytes: int) -> None:
    """Cap what this worker may allocate at its current size plus ``memory_bytes``."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = current + memory_bytes
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        pass  # not Linux: the time limit still applies


@dataclass
class _Part:
    """The tables of one batch of files, before duplicates across batches are dropped."""

    tables: dict[str, pd.DataFrame]
    texts: dict[str, str]
    originals: dict[str, str]
    errors: list[dict]
    digests: list[tuple[str, str, str]]  # (notice_id, digest, path) in file order


def _parse_batch(
    jobs: list[_Job], limits: ReadLimits | None = None, step: Callable[[Any], None] | None = None
) -> _Part:
    """Parse a batch of files into one part: each file within the limits, then the tables.

    ``step(position)`` is called before each file and ``step("tables")`` before the tables
    are built, so that a worker that dies can be blamed on the right file.
    """
    outcomes = []
    for position, path, notice_id in jobs:
        if step is not None:
            step(position)
        outcomes.append(_parse_file(path, notice_id, limits))
    if step is not None:
        step("tables")
    errors = [dict(path=o.path, reason=o.error, doc_kind=o.doc_kind) for o in outcomes if o.error]
    good = [o for o in outcomes if not o.error]
    rows: dict[str, list[dict]] = {k: [] for k in TABLE_COLUMNS}
    texts, originals = {}, {}
    for o in good:
        r = o.result
        nid = r.notice["notice_id"]
        rows["notices"].append(r.notice)
        rows["problems"] += r.problems
        rows["measures"] += r.measures
        rows["spans"] += r.spans
        rows["outline"] += r.outline
        rows["warnings"] += [dict(notice_id=nid, message=w) for w in r.warnings]
        rows["unassigned"] += [
            dict(
                notice_id=nid,
                text=r.text[sp["char_start"] : sp["char_end"]].strip(),
                char_start=sp["char_start"],
                char_end=sp["char_end"],
            )
            for sp in r.spans
            if sp["kind"] == "unassigned"
        ]
        texts[nid] = r.text
        if o.converted and o.original is not None:
            originals[nid] = o.original
    tables = {name: schema.frame(rows[name], cols) for name, cols in TABLE_COLUMNS.items()}
    digests = [(o.result.notice["notice_id"], o.digest, o.path) for o in good]
    return _Part(tables, texts, originals, errors, digests)


def _restore_categories(df: pd.DataFrame, columns: schema.Columns) -> pd.DataFrame:
    """Categorical columns that concatenation turned into text (the parts had other values)."""
    for col, dtype in columns.items():
        wanted = dtype == "category" or isinstance(dtype, pd.CategoricalDtype)
        if wanted and not isinstance(df[col].dtype, pd.CategoricalDtype):
            df[col] = df[col].astype(dtype)
    return df


def _join(parts: list[_Part], skipped: list[dict], keep_duplicates: bool = False) -> Corpus:
    """Concatenate the batches; a notice whose text repeats an earlier one becomes a skip
    (and a row of ``corpus.duplicates``), unless ``keep_duplicates``."""
    seen: dict[str, tuple[str, str]] = {}
    duplicates: set[str] = set()
    exact: list[dict] = []
    for part in parts:
        skipped += part.errors
        for nid, digest, path in part.digests:
            if digest not in seen:
                seen[digest] = (nid, path)
                continue
            kept, kept_path = seen[digest]
            exact.append(
                dict(notice_id=nid, duplicate_of=kept, similarity=1.0, match="exact",
                     evidence=f"kept {kept}: same text, first in file order", source_path=path,
                     dropped=not keep_duplicates)
            )  # fmt: skip
            if not keep_duplicates:
                duplicates.add(nid)
                skipped.append(dict(path=path, reason=f"duplicate of {kept_path} (same text)"))
    tables = {}
    for name in TABLE_COLUMNS:
        frames = [p.tables[name] for p in parts]
        df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        df = _restore_categories(df, TABLE_COLUMNS[name])
        if duplicates:
            df = df[~df["notice_id"].isin(duplicates)].reset_index(drop=True)
        tables[name] = df
    texts = {k: v for p in parts for k, v in p.texts.items() if k not in duplicates}
    originals = {k: v for p in parts for k, v in p.originals.items() if k not in duplicates}
    return Corpus(
        **tables,
        skipped=schema.frame(skipped, schema.SKIPPED_COLUMNS),
        texts=texts,
        originals=originals,
        duplicates=schema.frame(exact, schema.DUPLICATE_COLUMNS),
    )
