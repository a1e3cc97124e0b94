"""Default locations, in one place: the data folders, the cache and the packaged resources.

Every function that reads or writes one of these takes the path as a parameter; these are
only the defaults. ``RECTIFY_CACHE_DIR`` overrides the cache folder.
"""

from __future__ import annotations

import os
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
    """
    env = os.environ.get(CACHE_ENV)
    if env:
        root = Path(env)
    elif PROJECT_DIR is not None:
        root = PROJECT_DIR / ".cache"
    else:
        root = Path.home() / ".cache" / "rectify-workbook"
    return root / kind if kind else root
