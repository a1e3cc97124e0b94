"""Parse notices and write the tables (`rectify parse`): csv, parquet or one Excel workbook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

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


def write_tables(corpus: Corpus, out_dir: str | Path, fmt: str = "csv") -> list[Path]:
    """Write every table of ``corpus`` to ``out_dir``; returns the files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    frames = {name: getattr(corpus, name) for name in TABLES}
    if fmt == "xlsx":
        path = out / "rectify_tables.xlsx"
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            for name, df in frames.items():
                _excel_safe(df).to_excel(writer, sheet_name=name, index=False)
        return [path]
    written = []
    for name, df in frames.items():
        if fmt == "parquet":
            path = out / f"{name}.parquet"
            df.to_parquet(path, index=False)
        elif fmt == "csv":
            path = out / f"{name}.csv"
            df.to_csv(path, index=False, encoding="utf-8-sig")  # BOM: Excel opens Chinese intact
        else:
            raise ValueError(f"unknown format {fmt!r}: use csv, parquet or xlsx")
        written.append(path)
    return written


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
    parser.add_argument(
        "paths", nargs="*", default=["data/raw"], help="folders or files (default: data/raw)"
    )
    parser.add_argument(
        "--out", default="data/processed", help="output folder (default: data/processed)"
    )
    parser.add_argument("--format", choices=["csv", "parquet", "xlsx"], default="csv")
    parser.add_argument("--workers", type=int, default=1, help="parse in this many processes")
    parser.add_argument(
        "--strict", action="store_true", help="exit non-zero when any file is skipped"
    )


def run_cli(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.paths, workers=args.workers)
    files = write_tables(corpus, args.out, args.format)
    print(
        f"parsed {len(corpus.notices)} notices: {len(corpus.problems)} problems, "
        f"{len(corpus.measures)} measures, {len(corpus.unassigned)} unassigned paragraphs"
    )
    for row in corpus.skipped.itertuples():
        print(f"skipped {row.path}: {row.reason}", file=sys.stderr)
    print(f"wrote {', '.join(str(f) for f in files)}")
    return 1 if (args.strict and len(corpus.skipped)) else 0
