"""A parsed corpus kept on disk, so that the processes of one build parse a folder once.

``rectify report`` parses the corpus to rank its associations, and then every report notebook
(each in its own kernel) loads the same folder again: on 1,000 notices that is ten parses of
about 20 s each on a busy 2-core machine. ``load_corpus_cached`` pickles the first parse under
``cache_dir("corpus")`` and reads it back (about half a second) while neither the files nor the
package code changed: the key is the sha256 of every input file's path and bytes and of every
file of the package (its ``.py`` files and resources). A cache that cannot be read or written is
passed over: the corpus is then parsed as ``load_corpus`` does.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from ..config import PACKAGE_DIR, cache_dir
from .corpus import Corpus
from .read import scan_inputs

CACHE_KIND = "corpus"
#: pickled corpora kept (the newest): a few folders, a few versions of the code
KEEP = 4
_code_hash: str | None = None


def _package_hash() -> str:
    """The sha256 of the package's files (``.py`` and resources), once per process."""
    global _code_hash
    if _code_hash is None:
        digest = hashlib.sha256()
        files = [p for p in sorted(PACKAGE_DIR.rglob("*")) if p.is_file()]
        for path in files:
            if "__pycache__" not in path.parts:
                digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
        _code_hash = digest.hexdigest()
    return _code_hash


def corpus_key(paths: str | Path | list[str | Path]) -> str:
    """The cache key of a corpus: its input files' paths and bytes, and the package's code.

    Parameters
    ----------
    paths : str, Path or list of them
        Folders and files, as for ``load_corpus``.

    Returns
    -------
    str
        A hex sha256; any change to an input file, the set of files or the code changes it.
    """
    scan = scan_inputs(paths)
    digest = hashlib.sha256(_package_hash().encode())
    for path in sorted(scan.files):
        digest.update(str(Path(path).resolve()).encode())
        try:
            digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
        except OSError as exc:  # the parse will skip it with its reason
            digest.update(repr(exc).encode())
    digest.update(repr((scan.skipped, scan.ignored)).encode())
    return digest.hexdigest()


def load_corpus_cached(paths: str | Path | list[str | Path] = "data/raw") -> Corpus:
    """``load_corpus(paths)`` with its default settings, read from the cache when it has it.

    Parameters
    ----------
    paths : str, Path or list of them
        Folders and files, as for ``load_corpus``.

    Returns
    -------
    Corpus
        The same tables as ``load_corpus(paths)``.
    """
    import rectify_utils

    key = corpus_key(paths)
    folder = cache_dir(CACHE_KIND)
    stored = folder / f"{key}.pickle"
    try:
        return pickle.loads(stored.read_bytes())
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        pass
    corpus = rectify_utils.load_corpus(paths)
    _store(folder, stored, corpus)
    return corpus


def _store(folder: Path, stored: Path, corpus: Corpus) -> None:
    """Pickle ``corpus`` to ``stored`` atomically and keep only the ``KEEP`` newest."""
    tmp = stored.with_name(f".{stored.name}.{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(pickle.dumps(corpus, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, stored)
        kept = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[KEEP:]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, AttributeError, TypeError):
        tmp.unlink(missing_ok=True)
