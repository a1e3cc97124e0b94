"""What a report depends on, as one hash, and the build manifest that remembers it.

A report's hash covers: the notebook file, every file of each ``*_dir`` / ``*_path`` parameter
(the data dir, the taxonomy file...), all of ``rectify_utils/**/*.py`` and
``rectify_utils/resources/**`` (so a change to a report template in ``resources/templates/``
rebuilds every report), and the parameters themselves. The manifest
(``reports/.build-manifest.json``) stores each report's hash and outcome, and caches the
association list per corpus so that a no-change build never parses the corpus.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

from ..config import PACKAGE_DIR
from ..errors import OutputError
from .config import OUTPUT_PARAMETERS, ReportSpec, is_path_parameter

MANIFEST_NAME = ".build-manifest.json"
MANIFEST_VERSION = 1
_SKIP_DIRS = {"__pycache__", ".ipynb_checkpoints", ".git"}


def _sha(*parts: str | bytes) -> str:
    """SHA-256 hex digest of the parts, each followed by a NUL byte (str as UTF-8)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def _files_under(root: Path, exclude: Path | None = None) -> list[Path]:
    """Every file under ``root`` in sorted walk order, skipping caches, ``.pyc`` and ``exclude``."""
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(
            d for d in dirnames if d not in _SKIP_DIRS and (here / d).resolve() != exclude
        )
        files.extend(Path(dirpath) / f for f in sorted(filenames) if not f.endswith(".pyc"))
    return files


class InputHasher:
    """Hashes files and folders, each at most once per build.

    Parameters
    ----------
    exclude : Path, optional
        A folder never hashed (the output folder), so that a data dir containing the reports
        does not change with every build.
    """

    def __init__(self, exclude: Path | None = None) -> None:
        self._cache: dict[Path, str] = {}
        self._exclude = exclude.resolve() if exclude else None

    def path(self, path: str | Path) -> str:
        """Hash of a file's bytes, or of every file (name and bytes) under a folder.

        Parameters
        ----------
        path : str or Path
            A file or folder.

        Returns
        -------
        str
            A hex digest, or ``"missing"`` when nothing is at ``path``.
        """
        p = Path(path)
        if p not in self._cache:
            if p.is_file():
                self._cache[p] = _sha(p.read_bytes())
            elif p.is_dir():
                parts = [
                    f"{f.relative_to(p).as_posix()}={self.path(f)}"
                    for f in _files_under(p, self._exclude)
                ]
                self._cache[p] = _sha("dir", *parts)
            else:
                self._cache[p] = "missing"
        return self._cache[p]

    def code(self) -> str:
        """Hash of the package's Python files and bundled resources.

        Returns
        -------
        str
            A hex digest over every ``rectify_utils/**/*.py`` and every file under
            ``rectify_utils/resources/`` (taxonomy, word lists, report templates), by path
            and content.
        """
        files = [f for f in _files_under(PACKAGE_DIR) if f.suffix == ".py"]
        resources = PACKAGE_DIR / "resources"
        if resources.is_dir():
            files += _files_under(resources)
        parts = [f"{f.relative_to(PACKAGE_DIR).as_posix()}={self.path(f)}" for f in files]
        return _sha("code", *parts)

    def corpus_key(self, data_dir: str | Path) -> str:
        """Key of the association cache: the corpus files and the parser code.

        Parameters
        ----------
        data_dir : str or Path
            The folder of notices.

        Returns
        -------
        str
            A hex digest.
        """
        return _sha("corpus", self.path(data_dir), self.code())

    def report_inputs(self, spec: ReportSpec) -> dict[str, str]:
        """Hash of each input of the report, by name (``notebook``, ``code``, ``data_dir``...).

        Parameters
        ----------
        spec : ReportSpec
            The report.

        Returns
        -------
        dict of str to str
            Input name -> hash: the notebook, the package code, the parameters (with name and
            title), and each path parameter except the outputs (``figures_dir``).
        """
        inputs = {
            "notebook": self.path(spec.notebook),
            "code": self.code(),
            "parameters": _sha(
                spec.name,
                spec.title,
                json.dumps(spec.parameters, sort_keys=True, ensure_ascii=False, default=str),
            ),
        }
        for key, value in sorted(spec.parameters.items()):
            if is_path_parameter(key) and key not in OUTPUT_PARAMETERS and isinstance(value, str):
                inputs[key] = self.path(value)
        return inputs

    def report(self, spec: ReportSpec) -> str:
        """Hash of everything the report's output depends on.

        Parameters
        ----------
        spec : ReportSpec
            The report.

        Returns
        -------
        str
            ``digest_of(self.report_inputs(spec))``.
        """
        return digest_of(self.report_inputs(spec))


def digest_of(inputs: dict[str, str]) -> str:
    """One hash for a report's input hashes.

    Parameters
    ----------
    inputs : dict of str to str
        Input name -> hash (``InputHasher.report_inputs``).

    Returns
    -------
    str
        A hex digest, independent of the order of ``inputs``.
    """
    return _sha("report", json.dumps(inputs, sort_keys=True))


def changed_inputs(before: dict[str, str] | None, now: dict[str, str]) -> list[str]:
    """Names of the inputs whose hash differs.

    Parameters
    ----------
    before : dict of str to str, optional
        The input hashes recorded at the last build; None or empty if there was none.
    now : dict of str to str
        The input hashes now.

    Returns
    -------
    list of str
        The sorted names of the inputs that changed, appeared or disappeared; ``["never
        built"]`` when nothing was recorded.
    """
    if not before:
        return ["never built"]
    return [k for k in sorted(set(before) | set(now)) if before.get(k) != now.get(k)]


def load_manifest(out_dir: Path) -> dict[str, Any]:
    """The manifest in ``out_dir``, or an empty one if absent, unreadable or from another version.

    Parameters
    ----------
    out_dir : Path
        The output folder.

    Returns
    -------
    dict
        With ``version``, ``reports`` (name -> last build record) and ``associations``
        (corpus key -> association list).
    """
    try:
        data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        data = {"version": MANIFEST_VERSION}
    data.setdefault("reports", {})
    data.setdefault("associations", {})
    return data


def save_manifest(out_dir: Path, manifest: dict[str, Any]) -> None:
    """Write the manifest atomically (a crash or a full disk never leaves half a file).

    Parameters
    ----------
    out_dir : Path
        The output folder.
    manifest : dict
        As returned by ``load_manifest`` and updated by the build.

    Raises
    ------
    OutputError
        When it cannot be written; the previous manifest is left as it was.
    """
    tmp = out_dir / f"{MANIFEST_NAME}.{os.getpid()}.tmp"
    text = json.dumps(manifest, ensure_ascii=False, indent=1, default=str)
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out_dir / MANIFEST_NAME)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(
            f"could not record the build in {out_dir / MANIFEST_NAME}: {exc.strerror or exc}; "
            "the previous record was left as it was"
        ) from None


def stale_temporaries(out_dir: Path) -> list[Path]:
    """Temporary files that an interrupted build left in ``out_dir`` (manifest, notebooks, HTML).

    Parameters
    ----------
    out_dir : Path
        The output folder; call this while holding its build lock.

    Returns
    -------
    list of Path
        ``.build-manifest.json.<pid>.tmp``, ``.<name>.<pid>-<random>.tmp.ipynb`` and
        ``.tmp.html`` files, and ``index.html.<pid>.tmp``.
    """
    from .execute import TEMPORARY_OUTPUT

    found = []
    for path in out_dir.glob(".*"):
        if TEMPORARY_OUTPUT.fullmatch(path.name) or _MANIFEST_TEMPORARY.fullmatch(path.name):
            found.append(path)
    return found + list(out_dir.glob("index.html.*.tmp"))


_MANIFEST_TEMPORARY = re.compile(re.escape(MANIFEST_NAME) + r"\.\d+\.tmp")
