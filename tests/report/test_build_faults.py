"""Builds that are interrupted, killed, run twice at once or fail halfway lose nothing (issue 13).

Signals are sent to a real ``rectify report`` in its own process group, as a terminal sends
Ctrl-C; every process it started (workers, kernels) must be gone seconds later.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
import pytest
import yaml

from rectify_utils.errors import BuildLocked
from rectify_utils.report import build as report
from rectify_utils.report import inputs as report_inputs
from rectify_utils.report.execute import KERNEL_DIR_PREFIX

ROOT = Path(__file__).resolve().parents[2]
REPORT = [sys.executable, "-m", "rectify_utils.cli", "report"]


def write_notebook(path: Path) -> Path:
    """A notebook that waits ``pause`` seconds, then prints: a report slow enough to stop."""
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("pause = 0\nfigures_dir = None\ndata_dir = None")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("import time\ntime.sleep(pause)\nprint('done')")]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, str(path))
    return path


def write_config(folder: Path, slow_pause: float) -> Path:
    write_notebook(folder / "wait.ipynb")
    config = {
        "embed_font": False,
        "reports": [
            {"name": "quick", "notebook": "wait.ipynb", "parameters": {"pause": 0}},
            {"name": "slow", "notebook": "wait.ipynb", "parameters": {"pause": slow_pause}},
        ],
    }
    path = folder / "reports.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def start_build(config: Path, out: Path, *extra: str) -> subprocess.Popen:
    """``rectify report`` in its own session (a terminal's foreground process group)."""
    return subprocess.Popen(
        [*REPORT, "--config", str(config), "--out", str(out), "--jobs", "2", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        start_new_session=True,
    )


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (kernels start their own session but stay its children)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    living = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            living.add(pid)
    return living


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def manifest(out: Path) -> dict:
    try:
        return json.loads((out / report_inputs.MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def slow_report_is_running(build: subprocess.Popen, out: Path) -> bool:
    """The quick report is recorded and the slow one's kernel is up (two generations below)."""
    quick = manifest(out).get("reports", {}).get("quick", {})
    return (
        quick.get("outcome") == "ok"
        and quick.get("built") is not None
        and any("ipykernel" in _cmdline(p) for p in descendants(build.pid))
    )


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def kernel_folders_of(pid: int) -> list[Path]:
    return list(Path(tempfile.gettempdir()).glob(f"{KERNEL_DIR_PREFIX}{pid}-*"))


@pytest.fixture
def project(tmp_path):
    return write_config(tmp_path, slow_pause=120), tmp_path / "out"


@pytest.mark.slow
@pytest.mark.parametrize("how", ["SIGINT to the group", "SIGTERM to the build"])
def test_an_interrupted_build_stops_everything_records_what_finished_and_exits_130(project, how):
    config, out = project
    build = start_build(config, out)
    below: set[int] = set()
    try:
        wait_for(lambda: slow_report_is_running(build, out), 90, "the slow report to start")
        below = descendants(build.pid)
        started = time.monotonic()
        if how.startswith("SIGINT"):
            os.killpg(build.pid, signal.SIGINT)
        else:
            build.send_signal(signal.SIGTERM)
        _, stderr = build.communicate(timeout=15)
        stopped = time.monotonic() - started
    finally:
        build.kill()
        for pid in alive(descendants(build.pid) | below):
            os.kill(pid, signal.SIGKILL)
    assert build.returncode == 130, f"exit {build.returncode}:\n{stderr}"
    assert stopped < 6, f"the build took {stopped:.1f}s to stop"
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, f"more than one line:\n{stderr}"
    name = how.split()[0]
    assert lines[0].startswith(f"rectify report: interrupted by {name}: 1 report(s) finished")
    wait_for(lambda: not alive(below), 5, "the workers and kernels to exit")
    assert not kernel_folders_of(build.pid), "the build left its kernel folder behind"
    recorded = manifest(out)["reports"]
    assert recorded["quick"]["outcome"] == "ok", "what finished before the signal was not kept"
    assert "slow" not in recorded, "an unfinished report was recorded"
    assert (out / "index.html").is_file(), "no index after an interrupted build"
    assert not report_inputs.stale_temporaries(out), "temporary files were left"


@pytest.mark.slow
@pytest.mark.parametrize("group", [False, True], ids=["kill -9 main", "kill -9 group"])
def test_a_killed_build_takes_its_workers_along_and_keeps_the_last_good_reports(project, group):
    config, out = project
    first = subprocess.run(
        [*REPORT, "--config", str(config), "--out", str(out), "-p", "pause", "0"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert first.returncode == 0, first.stderr
    good = {name: (out / f"slow.{name}").read_bytes() for name in ("html", "ipynb")}

    build = start_build(config, out)  # slow's pause is back to 120 s: it is rebuilt
    below: set[int] = set()
    try:
        wait_for(lambda: slow_report_is_running(build, out), 90, "the slow report to start")
        below = descendants(build.pid)
        if group:  # the kernels have their own session: they see their worker die
            os.killpg(build.pid, signal.SIGKILL)
        else:
            build.kill()
        build.wait(5)
        wait_for(lambda: not alive(below), 6, "orphaned workers and kernels to exit")
    finally:
        for pid in alive(descendants(build.pid) | below):
            os.kill(pid, signal.SIGKILL)
    for name, content in good.items():
        assert (out / f"slow.{name}").read_bytes() == content, f"the last good slow.{name} is gone"

    after = report.build_reports(config=config, out_dir=out, overrides={"pause": 0}, echo=None)
    assert set(after["outcome"]) == {"ok"}
    assert not kernel_folders_of(build.pid), "the next build did not remove the dead build's folder"
    assert not report_inputs.stale_temporaries(out)


def test_a_second_build_of_the_same_folder_exits_naming_the_first(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    config = write_config(tmp_path, slow_pause=0)
    with report.build_lock(out):
        with pytest.raises(BuildLocked, match=rf"another build \(pid {os.getpid()}, started "):
            report.build_reports(config=config, out_dir=out, echo=None)
        args = ["--config", str(config), "--out", str(out)]
        parser = __import__("argparse").ArgumentParser()
        report.add_arguments(parser)
        assert report.run_cli(parser.parse_args(args)) == report.EXIT_LOCKED
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "run again with --wait" in err[0], err


def test_a_waiting_build_runs_once_the_first_is_done_and_only_runs_keep_the_others(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    config = tmp_path / "reports.yml"
    reports = [{"name": n, "notebook": f"{n}.ipynb"} for n in ("a", "b")]  # missing: no kernel
    config.write_text(yaml.safe_dump({"embed_font": False, "reports": reports}), encoding="utf-8")
    report.build_reports(config=config, out_dir=out, only=["a"], echo=None)
    holder_done = threading.Event()

    def hold() -> None:
        with report.build_lock(out):
            holder_done.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.3)
    threading.Timer(1.0, holder_done.set).start()
    started = time.monotonic()
    report.build_reports(config=config, out_dir=out, only=["b"], echo=None, wait=True)
    holder.join()
    assert time.monotonic() - started >= 0.5, "the second build did not wait for the lock"
    assert set(manifest(out)["reports"]) == {"a", "b"}, "an --only build dropped another's entry"


def test_the_index_never_shows_ok_for_a_report_whose_files_are_gone(tmp_path):
    spec = report.report_config.ReportSpec(
        name="r", notebook=tmp_path / "r.ipynb", title="r", parameters={}, entry="r"
    )
    (tmp_path / "r.ipynb").write_text("{}")
    record = {"outcome": "ok", "html": str(tmp_path / "r.html"), "ipynb": str(tmp_path / "r.ipynb")}
    (row,) = report._index_records([spec], {}, {"reports": {"r": record}})
    assert row["outcome"] == "not built" and "r.html missing" in row["error"]
    (tmp_path / "r.html").write_text("<p>")
    (row,) = report._index_records([spec], {}, {"reports": {"r": record}})
    assert row["outcome"] == "ok"


def test_a_manifest_that_cannot_be_written_leaves_the_old_one_and_no_temporary(
    tmp_path, monkeypatch
):
    report_inputs.save_manifest(tmp_path, {"version": 1, "reports": {"a": {}}})
    before = (tmp_path / report_inputs.MANIFEST_NAME).read_text()

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(report_inputs.OutputError, match="No space left on device"):
        report_inputs.save_manifest(tmp_path, {"version": 1, "reports": {}})
    assert (tmp_path / report_inputs.MANIFEST_NAME).read_text() == before
    assert not report_inputs.stale_temporaries(tmp_path), "a temporary manifest was left"


def test_leftovers_of_a_killed_build_are_removed_by_the_next(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    left = [
        out / ".r.123-0123abcd.tmp.ipynb",
        out / ".r.123-0123abcd.tmp.html",
        out / f"{report_inputs.MANIFEST_NAME}.123.tmp",
    ]
    for path in left:
        path.write_text("")
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True
    )
    folder = Path(tempfile.gettempdir()) / f"{KERNEL_DIR_PREFIX}{int(dead.stdout)}-test"
    folder.mkdir(exist_ok=True)
    report.remove_leftovers(out)
    assert not any(p.exists() for p in left) and not folder.exists()
