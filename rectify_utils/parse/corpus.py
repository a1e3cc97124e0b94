"""Load a folder (or files) of notices into tidy tables: ``load_corpus``."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import schema
from ..errors import NotANotice, NoticeReadError
from ..schema import TABLE_COLUMNS
from .notice import NoticeResult, parse_notice
from .places import warm_gazetteer
from .read import iter_input_files, read_notice


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
        )


def table_of(data: Corpus | pd.DataFrame, name: str) -> pd.DataFrame:
    """``data.<name>`` for a corpus (e.g. ``"problems"``); a DataFrame is returned as it is.

    Analysis functions accept either a :class:`Corpus` or one of its tables (possibly filtered
    or already classified); this is the one place that tells the two apart.
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


def _parse_file(path: Path, notice_id: str) -> _FileOutcome:
    """Read and parse one file; never raises (the reason lands in ``corpus.skipped``)."""
    try:
        notice_text = read_notice(path)
    except NoticeReadError as exc:
        return _FileOutcome(str(path), error=exc.reason)
    except Exception as exc:
        return _FileOutcome(str(path), error=f"could not be read: {type(exc).__name__}: {exc}")
    digest = hashlib.sha256("".join(notice_text.text.split()).encode("utf-8")).hexdigest()
    try:
        result = parse_notice(notice_text.text, notice_id, str(path), notice_text.encoding)
    except NotANotice as exc:
        reason = str(exc) if exc.doc_kind else f"no recognisable notice: {exc}"
        return _FileOutcome(str(path), error=reason, digest=digest, doc_kind=exc.doc_kind)
    except Exception as exc:
        return _FileOutcome(
            str(path), error=f"parser failed: {type(exc).__name__}: {exc}", digest=digest
        )
    result.notice["converted_from_traditional"] = notice_text.converted
    return _FileOutcome(
        str(path), result, None, digest, notice_text.converted, notice_text.original_text
    )


def _parse_many(jobs: list[tuple[Path, str]]) -> list[_FileOutcome]:
    return [_parse_file(p, i) for p, i in jobs]


def _notice_ids(paths: list[Path]) -> list[str]:
    """Stable ids from file stems; a repeated stem gets its suffix appended (`a`, `a-docx`)."""
    stems = Counter(p.stem for p in paths)
    return [
        p.stem if stems[p.stem] == 1 else f"{p.stem}-{p.suffix.lstrip('.').lower()}" for p in paths
    ]


def load_corpus(
    paths: str | Path | Iterable[str | Path] = "data/raw", workers: int | None = None
) -> Corpus:
    """Parse every notice in a folder, one file or a list of paths.

    Files that cannot be read, hold no notice, or repeat a notice already loaded are listed
    in ``corpus.skipped`` with a reason; the rest of the corpus still loads. ``workers`` > 1
    parses in that many processes (each builds the tables of its share; they are joined here).
    """
    skipped: list[dict] = []
    try:
        files = iter_input_files(paths)
    except NoticeReadError as exc:
        files = []
        skipped.append(dict(path=str(exc.path), reason=exc.reason))
    jobs = list(zip(files, _notice_ids(files)))
    workers = min(workers or 1, os.cpu_count() or 1)
    if workers > 1 and len(jobs) > 1:
        chunk = max(1, -(-len(jobs) // (workers * 4)))
        batches = [jobs[i : i + chunk] for i in range(0, len(jobs), chunk)]
        warm_gazetteer()  # forked workers inherit the loaded gazetteer instead of each loading it
        with ProcessPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(_parse_batch, batches))
    else:
        parts = [_parse_batch(jobs)]
    return _join(parts, skipped)


@dataclass
class _Part:
    """The tables of one batch of files, before duplicates across batches are dropped."""

    tables: dict[str, pd.DataFrame]
    texts: dict[str, str]
    originals: dict[str, str]
    errors: list[dict]
    digests: list[tuple[str, str, str]]  # (notice_id, digest, path) in file order


def _parse_batch(jobs: list[tuple[Path, str]]) -> _Part:
    outcomes = _parse_many(jobs)
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


def _join(parts: list[_Part], skipped: list[dict]) -> Corpus:
    """Concatenate the batches; a notice whose text repeats an earlier one becomes a skip."""
    seen: dict[str, str] = {}
    duplicates: set[str] = set()
    for part in parts:
        skipped += part.errors
        for nid, digest, path in part.digests:
            if digest in seen:
                duplicates.add(nid)
                skipped.append(dict(path=path, reason=f"duplicate of {seen[digest]} (same text)"))
            else:
                seen[digest] = path
    tables = {}
    for name in TABLE_COLUMNS:
        frames = [p.tables[name] for p in parts]
        df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
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
    )
