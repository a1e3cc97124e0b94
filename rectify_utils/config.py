"""Default locations, in one place: the data folders, the cache and the packaged resources.

Every function that reads or writes one of these takes the path as a parameter; these are
only the defaults. ``RECTIFY_CACHE_DIR`` overrides the cache folder.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path

#: the installed package (``rectify_utils/``)
PACKAGE_DIR = Path(__file__).resolve().parent
#: files shipped with the package: coding scheme, word lists, report templates
RESOURCES = PACKAGE_DIR / "resources"
#: the project checkout holding the package, when there is one (``pyproject.toml`` beside it)
PROJECT_DIR: Path | None = (
    PACKAGE_DIR.parent if (PACKAGE_DIR.parent / "pyproject.toml").is_file() else None
)
#: input notices, never edited (cookiecutter-data-science's ``data/raw``)
RAW_DIR = Path("data/raw")
#: tables written by ``rectify parse`` / ``make data``
PROCESSED_DIR = Path("data/processed")
#: the environment variable that moves the cache
CACHE_ENV = "RECTIFY_CACHE_DIR"

TAXONOMY_PATH = RESOURCES / "taxonomy.yml"
USERDICT_PATH = RESOURCES / "userdict.txt"
STOPWORDS_PATH = RESOURCES / "stopwords.txt"


def cache_dir(kind: str = "") -> Path:
    """The cache folder (``kind`` is a sub-folder such as ``tokens``).

    ``$RECTIFY_CACHE_DIR`` if set; else ``.cache/`` in the project checkout; else, for a
    package installed outside a checkout, ``~/.cache/rectify-workbook``.

    Parameters
    ----------
    kind : str, default ""
        A sub-folder, e.g. ``"tokens"``; empty: the cache folder itself.

    Returns
    -------
    Path
        The folder.
    """
    env = os.environ.get(CACHE_ENV)
    if env:
        root = Path(env)
    elif PROJECT_DIR is not None:
        root = PROJECT_DIR / ".cache"
    else:
        root = Path.home() / ".cache" / "rectify-workbook"
    return root / kind if kind else root


_SIZE_UNITS = {"": 1, "B": 1, "KB": 2**10, "MB": 2**20, "GB": 2**30}


@dataclass(frozen=True)
class ReadLimits:
    """How much one input file may cost before it is skipped, with the limit named.

    The defaults are about a hundred times the largest real notice, and each trips in seconds
    (``benchmarks/bench_limits.py``). Change one with ``ReadLimits(seconds=10)``, or on the
    command line with ``rectify parse --limit seconds=10 --limit file_bytes=20MB``.

    Parameters
    ----------
    file_bytes : int
        Size of a file on disk (default 100 MB; the largest bundled notice is 28 KB).
    unpacked_bytes : int
        What a Word ``.docx`` (a zip archive) may expand to, per member and in all, checked
        in the archive's directory before anything is decompressed (default 200 MB).
    pdf_pages : int
        Pages of a PDF, counted before its text is extracted (default 200).
    chars : int
        Characters of text read from one file (default 30 million: a 50 MB text file in any
        encoding is read, parsing it takes about 10 s and 0.8 GB).
    seconds : float
        Wall time to read and parse one file (default 60 s); the worker reading it is stopped.
    memory_bytes : int
        Memory a worker process may add while it reads one file (default 2 GB); past it the
        file is skipped as out of memory. Applied in ``load_corpus``'s own workers only.
    """

    file_bytes: int = 100 * 2**20
    unpacked_bytes: int = 200 * 2**20
    pdf_pages: int = 200
    chars: int = 30_000_000
    seconds: float = 60.0
    memory_bytes: int = 2 * 2**30

    @classmethod
    def from_strings(cls, pairs: Iterable[str], base: ReadLimits | None = None) -> ReadLimits:
        """Limits from ``NAME=VALUE`` strings (``seconds=10``, ``file_bytes=20MB``).

        Parameters
        ----------
        pairs : iterable of str
            Each ``NAME=VALUE``; sizes take a ``KB``/``MB``/``GB`` suffix.
        base : ReadLimits, optional
            The limits the pairs change (default: the defaults).

        Returns
        -------
        ReadLimits
            ``base`` with the named limits replaced.

        Raises
        ------
        ValueError
            For an unknown name or a value that is not a positive number.
        """
        values: dict[str, float | int] = {}
        known = {f.name: f.type for f in fields(cls)}
        for pair in pairs:
            name, _, raw = pair.partition("=")
            name = name.strip()
            if name not in known:
                raise ValueError(f"unknown limit {name!r} (known: {', '.join(known)})")
            values[name] = _limit_value(name, raw.strip())
        return replace(base or cls(), **values)


def _limit_value(name: str, raw: str) -> float | int:
    """``raw`` as the value of limit ``name``: seconds a float, the others whole numbers."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMG]?B?)", raw.upper())
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"limit {name}={raw!r}: expected a positive number, e.g. {name}=10")
    number = float(match.group(1)) * _SIZE_UNITS[match.group(2)]
    return number if name == "seconds" else int(number)


def format_size(n: float) -> str:
    """A byte count as people write it: ``3.0 GB``, ``200 MB``, ``512 KB``, ``80 B``.

    Parameters
    ----------
    n : float
        A number of bytes.

    Returns
    -------
    str
        The size with its unit.
    """
    for unit, size in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= size:
            value = n / size
            return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"
    return f"{n:.0f} B"
