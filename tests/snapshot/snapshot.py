"""Serialise the parsed bundled corpus (and the analyses built on it) for the behaviour snapshot.

``python tests/snapshot/snapshot.py --diff`` lists what changed; without ``--diff`` it rewrites ``tests/snapshot/data/*.json`` from the current
code. Do that only when a change of behaviour is intended, and say so in the commit message;
``tests/test_snapshot.py`` fails whenever the code's output drifts from the files.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
CORPUS_TABLES = [
    "notices",
    "problems",
    "measures",
    "skipped",
    "unassigned",
    "spans",
    "outline",
    "warnings",
]


def _relative(value: object) -> object:
    """Paths inside the repository become relative, so the snapshot does not name the clone."""
    if isinstance(value, str) and value.startswith(str(ROOT)):
        return Path(value).relative_to(ROOT).as_posix()
    return value


def frame_record(df: pd.DataFrame) -> dict:
    """A DataFrame as plain JSON data: dtypes, columns and cell values (missing → None)."""
    df = df.reset_index(drop=True)
    rows = []
    for row in df.astype(object).itertuples(index=False):
        cells = []
        for v in row:
            if v is None or (not isinstance(v, (list, tuple, dict)) and pd.isna(v)):
                cells.append(None)
            elif isinstance(v, pd.Timestamp):
                cells.append(v.isoformat())
            elif isinstance(v, float):
                cells.append(round(v, 9))
            elif hasattr(v, "item"):
                cells.append(_relative(v.item()))
            else:
                cells.append(_relative(v if isinstance(v, (int, str, bool)) else str(v)))
        rows.append(cells)
    return {
        "dtypes": {c: str(t) for c, t in df.dtypes.items()},
        "columns": list(df.columns),
        "rows": rows,
    }


def _call(dotted: str, *args, **kwargs):
    """Call ``module:function`` from whichever module currently holds it."""
    module, name = dotted.split(":")
    return getattr(importlib.import_module(module), name)(*args, **kwargs)


def analysis_records(corpus, functions: dict) -> dict[str, dict]:
    """The tables returned by the analysis functions on the corpus (name → frame record)."""
    out = {}
    for name, spec in functions.items():
        dotted, kwargs = spec if isinstance(spec, tuple) else (spec, {})
        result = _call(dotted, corpus, **kwargs)
        out[name] = frame_record(
            result if isinstance(result, pd.DataFrame) else pd.DataFrame(result)
        )
    return out


def corpus_records(corpus) -> dict[str, dict]:
    """Every table of the corpus plus its texts, as JSON data."""
    out = {name: frame_record(getattr(corpus, name)) for name in CORPUS_TABLES}
    out["texts"] = {"texts": dict(sorted(corpus.texts.items()))}
    return out


def write(records: dict[str, dict], folder: Path = DATA) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, record in records.items():
        text = json.dumps(record, ensure_ascii=False, indent=0, sort_keys=False)
        (folder / f"{name}.json").write_text(text + "\n", encoding="utf-8")


def differences(before: dict, now: dict, limit: int = 5) -> list[str]:
    """What changed between two frame records: columns added or removed, rows, changed cells."""
    if "texts" in before:
        changed = [k for k in before["texts"] if before["texts"].get(k) != now["texts"].get(k)]
        return [f"text of {k} changed" for k in changed]
    out = []
    added = [c for c in now["columns"] if c not in before["columns"]]
    removed = [c for c in before["columns"] if c not in now["columns"]]
    if added:
        out.append(f"columns added: {added}")
    if removed:
        out.append(f"columns removed: {removed}")
    common = [c for c in before["columns"] if c in now["columns"]]
    for c in common:
        if before["dtypes"][c] != now["dtypes"][c]:
            out.append(f"dtype of {c}: {before['dtypes'][c]} → {now['dtypes'][c]}")
    if len(before["rows"]) != len(now["rows"]):
        out.append(f"{len(before['rows'])} rows → {len(now['rows'])}")
    ib = [before["columns"].index(c) for c in common]
    inow = [now["columns"].index(c) for c in common]
    cells = [
        f"row {r} {c}: {a[i]!r} → {b[j]!r}"
        for r, (a, b) in enumerate(zip(before["rows"], now["rows"]))
        for c, i, j in zip(common, ib, inow)
        if a[i] != b[j]
    ]
    if cells:
        out.append(f"{len(cells)} cells changed: " + "; ".join(cells[:limit]))
    return out


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from rectify_utils import load_corpus

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from functions import ANALYSES

    corpus = load_corpus(ROOT / "data" / "raw")
    records = {**corpus_records(corpus), **analysis_records(corpus, ANALYSES)}
    if "--diff" in sys.argv:  # show what would change, write nothing
        for name, record in records.items():
            path = DATA / f"{name}.json"
            before = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
            for line in differences(before, record) if before else ["new table"]:
                print(f"{name}: {line}")
    else:
        write(records)
        print(f"wrote {len(list(DATA.glob('*.json')))} snapshot files to {DATA}")
