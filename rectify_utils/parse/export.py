"""Parse notices and write the tables (`rectify parse`): csv, parquet or one Excel workbook.

The tables of one run replace those of the last as a set, or not at all. Each table is written
to a temporary file in the output folder, and only when every one of them (and the manifest
``.rectify-tables.json``, which lists the files of the run with their sha256) is complete are
they renamed into place. A failed write (a full disk) removes the temporary files and leaves the
previous tables as they were; temporary files left by a killed run are removed by the next.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import re
import sys
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from ..config import ReadLimits
from ..errors import OutputError
from .corpus import Corpus, load_corpus

TABLES = (
    "notices",
    "problems",
    "measures",
    "skipped",
    "unassigned",
    "spans",
    "outline",
    "warnings",
)
FORMATS = ("csv", "parquet", "xlsx")
WORKBOOK = "rectify_tables.xlsx"
MANIFEST = ".rectify-tables.json"
LOCK = ".rectify-tables.lock"
# temporary files of a run: .notices.csv.<pid>-<random>.tmp
_TEMPORARY_SUFFIX = ".tmp"
_TEMPORARY = re.compile(r"\..+\.\d+-[0-9a-f]{8}\.tmp")


def write_tables(corpus: Corpus, out_dir: str | Path, fmt: str = "csv") -> list[Path]:
    """Write every table of ``corpus`` to ``out_dir`` as one set; returns the files written.

    Parameters
    ----------
    corpus : Corpus
        The parsed notices.
    out_dir : str or Path
        The output folder (created if needed).
    fmt : str
        ``csv`` (UTF-8 with a BOM, so Excel shows Chinese), ``parquet``, or ``xlsx`` (one
        workbook, a sheet per table).

    Returns
    -------
    list of Path
        The files of this run, also listed in ``out_dir/.rectify-tables.json``.

    Raises
    ------
    OutputError
        When a file cannot be written (a full disk, no permission): the tables already in
        ``out_dir`` are left as they were.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use csv, parquet or xlsx")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {out}: {exc.strerror or exc}") from None
    with _locked(out):
        remove_temporaries(out)
        run = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        staged: dict[Path, Path] = {}
        manifest, failure = _temporary(out / MANIFEST, run), None
        with _quiet_unraisable():  # a writer cut short complains when it is collected
            try:
                for final, write in _writers(corpus, out, fmt):
                    staged[final] = _temporary(final, run)
                    _write_temporary(staged[final], write)
                _write_temporary(manifest, _manifest_writer(staged))
            except Exception as exc:
                failure = _write_failure(exc)
        if failure is not None:
            for temporary in [*staged.values(), manifest]:
                temporary.unlink(missing_ok=True)
            raise OutputError(
                f"could not write the tables to {out}: {failure}; the previous tables were left "
                "as they were"
            )
        previous = _manifest_files(out)
        for final, temporary in staged.items():
            os.replace(temporary, final)
        os.replace(manifest, out / MANIFEST)
        for name in previous - {p.name for p in staged}:  # e.g. last run's csv, now parquet
            (out / name).unlink(missing_ok=True)
    return list(staged)


def read_tables(out_dir: str | Path) -> dict[str, pd.DataFrame]:
    """The tables of the last complete run in ``out_dir``, checked against its manifest.

    Parameters
    ----------
    out_dir : str or Path
        A folder written by :func:`write_tables`.

    Returns
    -------
    dict of str to DataFrame
        Table name -> table (CSV and Parquet files, or the workbook's sheets).

    Raises
    ------
    OutputError
        When there is no manifest, or a file differs from it (a set of tables from two runs).
    """
    out = Path(out_dir)
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise OutputError(f"{out} holds no complete set of tables ({MANIFEST} missing)") from None
    for name, digest in manifest["files"].items():
        if not (out / name).is_file() or _sha256(out / name) != digest:
            raise OutputError(f"{out / name} does not belong to the run {manifest['run']}")
    if manifest["format"] == "xlsx":
        return pd.read_excel(out / WORKBOOK, sheet_name=None)
    reader = pd.read_parquet if manifest["format"] == "parquet" else _read_csv
    return {Path(name).stem: reader(out / name) for name in manifest["files"]}


def remove_temporaries(out: Path) -> list[Path]:
    """Delete the temporary files that an interrupted run left in ``out``; returns them.

    Parameters
    ----------
    out : Path
        The output folder.

    Returns
    -------
    list of Path
        The files deleted.
    """
    stale = [p for p in out.glob(f".*{_TEMPORARY_SUFFIX}") if _TEMPORARY.fullmatch(p.name)]
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def _read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, encoding="utf-8-sig")


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold the folder's lock (two runs writing one folder take turns)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    with open(out / LOCK, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _writers(corpus: Corpus, out: Path, fmt: str) -> list[tuple[Path, Callable[[Path], None]]]:
    """Each output file and the function writing it to a given path."""
    frames = {name: getattr(corpus, name) for name in TABLES}
    if fmt == "xlsx":

        def workbook(path: Path) -> None:
            with pd.ExcelWriter(path, engine="openpyxl") as writer:
                for name, df in frames.items():
                    _excel_safe(df).to_excel(writer, sheet_name=name, index=False)

        return [(out / WORKBOOK, workbook)]
    if fmt == "parquet":
        return [
            (out / f"{n}.parquet", lambda p, df=df: df.to_parquet(p, index=False))
            for n, df in frames.items()
        ]
    return [
        (out / f"{n}.csv", lambda p, df=df: df.to_csv(p, index=False, encoding="utf-8-sig"))
        for n, df in frames.items()
    ]


def _temporary(final: Path, run: str) -> Path:
    """The temporary file beside ``final`` that this run writes first."""
    return final.with_name(f".{final.name}.{run}{_TEMPORARY_SUFFIX}")


def _write_temporary(temporary: Path, write: Callable[[Path], None]) -> None:
    """Write a temporary file and flush it to disk."""
    write(temporary)
    with open(temporary, "rb") as handle:
        os.fsync(handle.fileno())


def _write_failure(exc: BaseException) -> str:
    """Why a write failed, in words: the OSError behind it (a writer may wrap it), or its text."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.strerror:
            return seen.strerror
        seen = seen.__cause__ or seen.__context__
    text = str(exc)
    return {"IO_EFBIG": "File too large", "IO_ENOSPC": "No space left on device"}.get(text, text)


@contextlib.contextmanager
def _quiet_unraisable() -> Iterator[None]:
    """No "Exception ignored in" tracebacks from a writer's generators cut short by a failure."""
    import gc

    previous = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        yield
    finally:
        gc.collect()
        sys.unraisablehook = previous


def _manifest_writer(staged: dict[Path, Path]) -> Callable[[Path], None]:
    """Writes the manifest of this run: its files (final names) with their sha256."""

    def write(path: Path) -> None:
        files = {final.name: _sha256(temporary) for final, temporary in staged.items()}
        suffix = next(iter(staged)).suffix.lstrip(".") if staged else "csv"
        manifest = {
            "run": path.name.split(".")[-2],
            "written": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "format": suffix,
            "files": files,
        }
        path.write_text(json.dumps(manifest, indent=1), encoding="utf-8")

    return write


def _manifest_files(out: Path) -> set[str]:
    try:
        return set(json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _excel_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Excel has no categorical or timezone types and caps cells at 32,767 characters."""
    df = df.copy()
    for col in df.columns:
        if isinstance(df[col].dtype, pd.CategoricalDtype):
            df[col] = df[col].astype("string")
        if df[col].dtype == "string":
            df[col] = df[col].str.slice(0, 32_000)
    return df


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``rectify parse`` to ``parser``.

    Parameters
    ----------
    parser : argparse.ArgumentParser
        The ``parse`` sub-command's parser.

    Returns
    -------
    None
    """
    parser.add_argument(
        "paths", nargs="*", default=["data/raw"], help="folders or files (default: data/raw)"
    )
    parser.add_argument(
        "--out", default="data/processed", help="output folder (default: data/processed)"
    )
    parser.add_argument("--format", choices=list(FORMATS), default="csv")
    parser.add_argument("--workers", type=int, default=1, help="parse in this many processes")
    parser.add_argument(
        "--limit",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a per-file limit: file_bytes, unpacked_bytes, pdf_pages, chars, seconds, "
        "memory_bytes (e.g. seconds=10, file_bytes=20MB); repeatable",
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit non-zero when any would-be notice is skipped"
    )


def run_cli(args: argparse.Namespace) -> int:
    """Run ``rectify parse``: 0 on success, 1 when nothing could be written or (``--strict``)
    a would-be notice was skipped, 2 for a bad ``--limit``.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed arguments of ``rectify parse``.

    Returns
    -------
    int
        The exit status.
    """
    try:
        limits = ReadLimits.from_strings(args.limit)
    except ValueError as exc:
        print(f"rectify parse: {exc}", file=sys.stderr)
        return 2
    corpus = load_corpus(args.paths, workers=args.workers, limits=limits)
    for row in corpus.skipped.itertuples():
        print(f"skipped {row.path}: {row.reason}", file=sys.stderr)
    for row in corpus.ignored.itertuples():
        print(f"left alone {row.path}: {row.reason}", file=sys.stderr)
    if corpus.notices.empty:
        print(
            f"rectify parse: no notice was parsed; the tables in {args.out} were left as they were",
            file=sys.stderr,
        )
        return 1
    try:
        files = write_tables(corpus, args.out, args.format)
    except OutputError as exc:
        print(f"rectify parse: {exc}", file=sys.stderr)
        return 1
    print(
        f"parsed {len(corpus.notices)} notices: {len(corpus.problems)} problems, "
        f"{len(corpus.measures)} measures, {len(corpus.unassigned)} unassigned paragraphs"
    )
    print(f"wrote {', '.join(str(f) for f in files)}")
    return 1 if (args.strict and len(corpus.skipped)) else 0
