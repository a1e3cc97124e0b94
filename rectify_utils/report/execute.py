"""Run one report in a worker process: papermill executes the notebook, nbconvert renders it.

Everything here runs inside the build's worker processes (``parse.workers.WorkerPool``);
papermill and nbconvert are imported there only, so a no-change build never pays for them.
The executed notebook and the HTML are written to temporary files beside their final names
and renamed into place only once complete, so an interrupted or failed build leaves the last
good report as it was.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import re
import shutil
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

KERNEL_NAME = "python3"  # resolves to sys.executable's ipykernel, i.e. the current environment
# ipykernel leaves MPLBACKEND alone when set; "Agg" would stop figures from being displayed in the
# notebook, so kernels get the inline backend, which renders with Agg and never opens a window.
KERNEL_MPLBACKEND = "module://matplotlib_inline.backend_inline"
START_TIMEOUT = 60  # seconds for a kernel to start
# no start-up/shut-down chatter ("running over TCP", "KeyboardInterrupt caught") on stderr
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]
GLYPH_WARNING = re.compile(r"Glyph \d+ .*missing from font|missing glyph", re.IGNORECASE)
#: the system temporary folders holding kernels' connection files: rectify-kernels-<pid>-…
KERNEL_DIR_PREFIX = "rectify-kernels-"
#: a worker's temporary outputs: .<name>.<pid>-<random>.tmp.ipynb / .tmp.html
TEMPORARY_OUTPUT = re.compile(r"\..+\.\d+-[0-9a-f]{8}\.tmp\.(?:ipynb|html)")


@dataclass(frozen=True)
class Job:
    """What a worker needs to build one report (plain data, picklable)."""

    name: str
    notebook: str
    title: str
    parameters: dict[str, Any]
    out_dir: str
    timeout: int
    embed_font: bool = True


@dataclass
class JobResult:
    """Outcome of one build: ``status`` is ``ok`` or ``failed``."""

    name: str
    status: str
    duration: float
    html: str | None = None
    ipynb: str | None = None
    error: str | None = None
    notebook_error: bool = False  # a cell raised: the same inputs would fail the same way
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The result as plain data (what the worker sends back to the build)."""
        return asdict(self)


def init_worker(runtime_root: str | None = None) -> None:
    """Per-process set-up: own Jupyter runtime dir (connection files), headless matplotlib.

    Runs once in each worker process (``WorkerPool(initializer=...)``). The runtime folder
    is made inside ``runtime_root`` (the build's, which the build removes however its
    workers end) and removed when the worker exits normally.

    Parameters
    ----------
    runtime_root : str, optional
        The folder to make the runtime folder in (default: the system temporary folder).
    """
    runtime = tempfile.mkdtemp(prefix=f"{KERNEL_DIR_PREFIX}{os.getpid()}-", dir=runtime_root)
    atexit.register(shutil.rmtree, runtime, ignore_errors=True)
    os.environ["JUPYTER_RUNTIME_DIR"] = runtime
    os.environ["MPLBACKEND"] = KERNEL_MPLBACKEND
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiet debugpy start-up
    logging.getLogger("papermill").setLevel(logging.ERROR)


def _is_start_failure(exc: BaseException) -> bool:
    """A kernel that died or timed out while starting is worth one more try.

    jupyter_client raises ``RuntimeError("Kernel died before replying to kernel_info")`` or a
    timeout; a kernel that dies while running a cell (``DeadKernelError``) or a cell that times
    out is the notebook's doing, and would fail again.
    """
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    if isinstance(exc, (CellTimeoutError, DeadKernelError)):
        return False
    return isinstance(exc, (RuntimeError, TimeoutError, ConnectionError))


def _execute(job: Job, ipynb: Path) -> str | None:
    """Execute the notebook into ``ipynb``; return the error text if a cell failed."""
    import papermill as pm

    figures_dir = job.parameters.get("figures_dir")
    if figures_dir:
        Path(figures_dir).mkdir(parents=True, exist_ok=True)
    for attempt in (1, 2):
        try:
            pm.execute_notebook(
                job.notebook,
                str(ipynb),
                parameters=job.parameters,
                kernel_name=KERNEL_NAME,
                language="python",  # notebooks without kernelspec metadata still parameterise
                cwd=str(Path(job.notebook).parent),
                progress_bar=False,
                request_save_on_cell_execute=True,  # a kernel that dies leaves what it did
                start_timeout=START_TIMEOUT,
                execution_timeout=job.timeout,
                extra_arguments=KERNEL_ARGUMENTS,
            )
            return None
        except pm.PapermillExecutionError as exc:
            return f"{exc.ename}: {exc.evalue} (cell {exc.exec_count})"
        except Exception as exc:
            if attempt == 2 or not _is_start_failure(exc):
                raise
            time.sleep(1.0)
    return None  # pragma: no cover - the loop always returns or raises


def _glyph_warnings(ipynb: Path) -> list[str]:
    """'Glyph … missing from font' messages found in the executed notebook's outputs."""
    text = ipynb.read_text(encoding="utf-8")
    return sorted(set(m.group(0) for m in GLYPH_WARNING.finditer(text)))


def _run_notebook(job: Job, ipynb: Path, result: JobResult) -> None:
    """Execute the job's notebook into ``ipynb``, recording a failure in ``result``."""
    try:
        if not Path(job.notebook).is_file():
            raise FileNotFoundError(f"notebook {job.notebook} does not exist")
        error = _execute(job, ipynb)
        if error:
            result.status, result.error, result.notebook_error = "failed", error, True
    except Exception as exc:
        result.status, result.error = "failed", f"{type(exc).__name__}: {exc}"


def _write_html(job: Job, ipynb: Path, html: Path, result: JobResult) -> bool:
    """Render the executed notebook to ``html``, recording warnings or a failure in ``result``."""
    from .font import embed_font
    from .html import remote_references, render_notebook

    try:
        page = render_notebook(ipynb, title=job.title)
        if job.embed_font:
            page = embed_font(page)
        html.write_text(page, encoding="utf-8")
        result.warnings += _glyph_warnings(ipynb)
        result.warnings += [f"remote reference in HTML: {r}" for r in remote_references(page)]
        return True
    except Exception as exc:
        result.status, result.notebook_error = "failed", False
        result.error = (result.error + "; " if result.error else "") + (
            f"HTML conversion failed: {type(exc).__name__}: {exc}"
        )
        return False


def _is_notebook(path: Path) -> bool:
    """Whether ``path`` holds a complete notebook (not a file cut short by a full disk)."""
    import nbformat

    try:
        nbformat.read(str(path), as_version=4)
    except Exception:
        return False
    return True


def _publish(temporary: Path, final: Path) -> str | None:
    """Rename a finished temporary output into place; its final path, or None if it failed."""
    try:
        os.replace(temporary, final)
    except OSError:
        return None
    return str(final)


def run_job(job: Job) -> dict[str, Any]:
    """Build one report: execute, render HTML (also for a failed notebook), never raise.

    Both files are written beside their final names first and renamed into place when
    complete: until then the previous build's files stay as they were.

    Parameters
    ----------
    job : Job
        The report to build.

    Returns
    -------
    dict
        A ``JobResult`` as a dict: ``status`` (ok/failed), ``duration`` (seconds), the
        ``html`` and ``ipynb`` written, ``error``, ``notebook_error`` and ``warnings``.
    """
    start = time.perf_counter()
    out_dir = Path(job.out_dir)
    run = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
    ipynb, html = out_dir / f"{job.name}.ipynb", out_dir / f"{job.name}.html"
    ipynb_tmp = out_dir / f".{job.name}.{run}.tmp.ipynb"
    html_tmp = out_dir / f".{job.name}.{run}.tmp.html"
    result = JobResult(name=job.name, status="ok", duration=0.0)
    try:
        _run_notebook(job, ipynb_tmp, result)
        if ipynb_tmp.is_file() and _is_notebook(ipynb_tmp):
            rendered = _write_html(job, ipynb_tmp, html_tmp, result)
            result.ipynb = _publish(ipynb_tmp, ipynb)
            result.html = _publish(html_tmp, html) if rendered else None
        elif ipynb_tmp.is_file() and result.status == "ok":
            result.status, result.error = "failed", "the executed notebook could not be written"
    finally:
        for leftover in (ipynb_tmp, html_tmp):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    result.duration = time.perf_counter() - start
    return result.to_dict()


def run_task(job: Job, step: Any) -> dict[str, Any]:
    """:func:`run_job` as a ``WorkerPool`` task (``step`` is not used: a report is one step).

    Parameters
    ----------
    job : Job
        The report to build.
    step : callable
        The pool's progress callback.

    Returns
    -------
    dict
        As :func:`run_job`.
    """
    return run_job(job)
