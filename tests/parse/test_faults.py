"""Faults never cost data (issue 13): every probe ends with the file skipped for a clear reason,
or the previous good output left in place, within its limit plus a few seconds.

Bombs, huge PDFs and deep pages are made in the test (no binaries are committed); a full disk
is a ``RLIMIT_FSIZE`` limit in a child process; workers are really killed.
"""

from __future__ import annotations

import io
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pandas as pd
import pytest

from rectify_utils import load_corpus
from rectify_utils.config import ReadLimits
from rectify_utils.errors import LimitExceeded
from rectify_utils.parse import corpus as corpus_module
from rectify_utils.parse import export
from rectify_utils.parse.read import read_notice

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"
REAL = sorted(RAW.glob("*.txt"))
REAL_IDS = {p.stem for p in REAL}
TABLES = ["notices", "problems", "measures", "spans", "outline", "warnings", "unassigned"]


def copy_real(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in REAL:
        shutil.copyfile(path, folder / path.name)
    return folder


def skip_reason(corpus, name: str) -> str:
    rows = corpus.skipped[corpus.skipped["path"].map(lambda p: Path(p).name) == name]
    assert len(rows) == 1, f"{name} is not listed once in corpus.skipped:\n{corpus.skipped}"
    return rows["reason"].iloc[0]


def time_to_load(folder: Path, **kwargs) -> tuple[object, float]:
    """The corpus and how much longer it took than the five real notices alone (a busy machine
    slows both alike)."""
    started = time.perf_counter()
    load_corpus(copy_real(folder.parent / f"{folder.name}-alone"))
    alone = time.perf_counter() - started
    started = time.perf_counter()
    corpus = load_corpus(folder, **kwargs)
    return corpus, time.perf_counter() - started - alone


def assert_real_notices_loaded(corpus) -> None:
    assert REAL_IDS <= set(corpus.notices["notice_id"]), (
        f"a bad file cost the notices beside it: {sorted(REAL_IDS - set(corpus.notices['notice_id']))}"
    )


def run_python(code: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """``code`` in a fresh interpreter: a probe that blocks cannot block the test run."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )


def text_pdf(pages: list[list[tuple[int, int, str]]]) -> bytes:
    """A PDF with a text layer: one list of ``(x, y, word)`` per page, Helvetica 9 pt."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    kids, n = [], 4
    for words in pages:
        stream = b"".join(
            b"BT /F1 9 Tf %d %d Td (%s) Tj ET\n" % (x, y, w.encode()) for x, y, w in words
        )
        objects[n + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        objects[n] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (n + 1)
        )
        kids.append(n)
        n += 2
    refs = b" ".join(b"%d 0 R" % k for k in kids)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids))
    out, offsets = io.BytesIO(), {}
    out.write(b"%PDF-1.4\n")
    for i in sorted(objects):
        offsets[i] = out.tell()
        out.write(b"%d 0 obj\n%s\nendobj\n" % (i, objects[i]))
    xref, size = out.tell(), max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    out.write(b"".join(b"%010d 00000 n \n" % offsets.get(i, 0) for i in range(1, size)))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
    return out.getvalue()


def scattered_words_pdf(n_words: int) -> bytes:
    """One page of words at random places: pdfminer's layout analysis takes minutes on it."""
    rng = random.Random(0)
    words = [(rng.randrange(20, 560), rng.randrange(20, 820), f"w{i}") for i in range(n_words)]
    return text_pdf([words])


def zip_bomb_docx(unpacked_mb: int) -> bytes:
    """A Word file whose document.xml expands to ``unpacked_mb`` MB (a few hundred KB on disk)."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    chunk = b"<w:p><w:r><w:t>" + b"a" * (2**20 - 34) + b"</w:t></w:r></w:p>"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                bomb.writestr(item, source.read(item))
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with bomb.open(info, "w", force_zip64=True) as member:
            for _ in range(unpacked_mb):
                member.write(chunk)
    return out.getvalue()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- every input is accounted for -------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_special_files_are_skipped_unopened_and_the_rest_loads(tmp_path):
    folder = copy_real(tmp_path / "in")
    os.mkfifo(folder / "pipe.txt")
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink("gone.txt", folder / "dangling.txt")
    os.symlink("/dev/null", folder / "device.txt")
    os.mkfifo(tmp_path / "named.txt")
    os.symlink("cli-loop", tmp_path / "cli-loop")
    code = (
        "from rectify_utils import load_corpus\n"
        f"c = load_corpus([{str(folder)!r}, {str(tmp_path / 'named.txt')!r}, "
        f"{str(tmp_path / 'cli-loop')!r}, {str(tmp_path / 'typo.txt')!r}])\n"
        "print(sorted(c.notices.notice_id))\n"
        "for r in c.skipped.itertuples(): print(r.path.rsplit('/', 1)[1], '|', r.reason)\n"
    )
    run = run_python(code, timeout=60)  # a FIFO opened for reading would block here for ever
    assert run.returncode == 0, run.stderr[-2000:]
    lines = run.stdout.splitlines()
    assert lines[0] == str(sorted(REAL_IDS)), "special files cost the notices beside them"
    reasons = dict(line.split(" | ", 1) for line in lines[1:])
    assert "named pipe" in reasons["pipe.txt"] and "named pipe" in reasons["named.txt"]
    assert "link loop" in reasons["loop.txt"] and "link loop" in reasons["cli-loop"]
    assert "dangling symbolic link" in reasons["dangling.txt"]
    assert "character device" in reasons["device.txt"]
    assert reasons["typo.txt"] == "no such file or folder"


def test_strict_parse_fails_on_a_symlink_loop_on_the_command_line(tmp_path):
    os.symlink("loop", tmp_path / "loop")
    out = tmp_path / "out"
    args = [sys.executable, "-m", "rectify_utils.cli", "parse", str(RAW), str(tmp_path / "loop")]
    run = subprocess.run(
        [*args, "--out", str(out), "--strict"], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 1 and "link loop" in run.stderr and "Traceback" not in run.stderr
    assert len(pd.read_csv(out / "notices.csv")) == 5, "the good notices were not written"


# --- bounded reading ---------------------------------------------------------------------------


def test_zip_bomb_docx_is_skipped_before_it_is_decompressed(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(zip_bomb_docx(256))
    before = peak_rss_mb()
    with pytest.raises(LimitExceeded) as caught:
        read_notice(path)
    assert caught.value.reason == (
        "document.xml would expand to 256 MB, over the 200 MB limit (unpacked_bytes)"
    )
    assert caught.value.limit == "unpacked_bytes"
    assert peak_rss_mb() - before < 100, "the bomb was decompressed into memory"


def test_pdf_of_thousands_of_pages_is_skipped_by_its_page_count(tmp_path):
    folder = copy_real(tmp_path / "in")
    (folder / "huge.pdf").write_bytes(text_pdf([[(50, 800, f"page {i}")] for i in range(2054)]))
    corpus = load_corpus(folder)
    assert skip_reason(corpus, "huge.pdf") == (
        "PDF has 2,054 pages, over the 200-page limit (pdf_pages)"
    )
    assert_real_notices_loaded(corpus)


@pytest.mark.slow
def test_slow_pdf_is_stopped_at_the_time_limit(tmp_path):
    folder = copy_real(tmp_path / "in")
    (folder / "scattered.pdf").write_bytes(scattered_words_pdf(2000))  # ~60 s in pdfminer
    corpus, elapsed = time_to_load(folder, limits=ReadLimits(seconds=2))
    # unbounded, pdfminer reads it for about a minute; the slack absorbs a loaded machine
    assert elapsed < 2 + 15, f"the 2 s limit stopped a slow PDF only after {elapsed:.1f}s"
    assert (
        skip_reason(corpus, "scattered.pdf") == "reading took longer than the 2 s limit (seconds)"
    )
    assert_real_notices_loaded(corpus)


def stuck_in_c_code(path, limits=None):
    """A reader that ignores the time limit's signal, as C code holding the GIL does."""
    if Path(path).name == "stuck.txt":
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    return read_notice(path, limits)


def test_file_stuck_in_c_code_is_killed_at_the_limit_plus_grace(tmp_path, monkeypatch):
    folder = copy_real(tmp_path / "in")
    (folder / "stuck.txt").write_text("卡住", encoding="utf-8")
    monkeypatch.setattr(corpus_module, "read_notice", stuck_in_c_code)  # forked workers inherit it
    monkeypatch.setattr(corpus_module, "KILL_GRACE", 1.0)
    corpus, elapsed = time_to_load(folder, limits=ReadLimits(seconds=1))
    # the reader sleeps 60 s; the slack absorbs a loaded machine
    assert elapsed < 1 + 1 + 15, f"a stuck file held the corpus for {elapsed:.1f}s"
    assert "took longer than the 1 s limit" in skip_reason(corpus, "stuck.txt")
    assert_real_notices_loaded(corpus)


def killed_on_oom_txt(path, limits=None):
    """What the kernel's out-of-memory killer does to the worker reading ``oom.txt``."""
    if Path(path).name == "oom.txt":
        os.kill(os.getpid(), signal.SIGKILL)
    return read_notice(path, limits)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_killed_worker_costs_only_its_own_file(tmp_path, monkeypatch, workers):
    folder = copy_real(tmp_path / "in")
    (folder / "oom.txt").write_text("很大", encoding="utf-8")
    monkeypatch.setattr(corpus_module, "read_notice", killed_on_oom_txt)
    corpus = load_corpus(folder, workers=workers)
    assert "killed by SIGKILL (out of memory?)" in skip_reason(corpus, "oom.txt")
    assert_real_notices_loaded(corpus)
    assert len(corpus.skipped) == 1, corpus.skipped


def test_a_broken_executor_costs_only_the_file_that_broke_it(tmp_path, monkeypatch):
    folder = copy_real(tmp_path / "in")
    (folder / "oom.txt").write_text("很大", encoding="utf-8")
    monkeypatch.setattr(corpus_module, "read_notice", killed_on_oom_txt)
    with ProcessPoolExecutor(2, mp_context=get_context("fork")) as pool:
        corpus = load_corpus(folder, executor=pool)  # BrokenProcessPool for every batch
    assert "killed by SIGKILL" in skip_reason(corpus, "oom.txt")
    assert_real_notices_loaded(corpus)


def allocates_a_gigabyte_on_hog_txt(path, limits=None):
    if Path(path).name == "hog.txt":
        bytearray(2**30)
    return read_notice(path, limits)


def test_a_file_past_the_memory_limit_is_skipped(tmp_path, monkeypatch):
    folder = copy_real(tmp_path / "in")
    (folder / "hog.txt").write_text("很大", encoding="utf-8")
    monkeypatch.setattr(corpus_module, "read_notice", allocates_a_gigabyte_on_hog_txt)
    corpus = load_corpus(folder, limits=ReadLimits(memory_bytes=256 * 2**20))
    assert skip_reason(corpus, "hog.txt") == (
        "ran out of memory: over the 256 MB limit (memory_bytes)"
    )
    assert_real_notices_loaded(corpus)


def test_file_and_text_size_limits_name_themselves(tmp_path):
    path = tmp_path / "n.txt"
    path.write_text("整改" * 1000, encoding="utf-8")
    with pytest.raises(
        LimitExceeded, match=r"file is 5.9 KB, over the 1.0 KB limit \(file_bytes\)"
    ):
        read_notice(path, ReadLimits(file_bytes=1024))
    with pytest.raises(LimitExceeded, match=r"text has 2,000 characters, over the 100-character"):
        read_notice(path, ReadLimits(chars=100))


@pytest.mark.parametrize("depth", [20_000, 100_000])
def test_deeply_nested_page_is_skipped_not_cut_short(tmp_path, depth):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>整改" * depth + "</div>" * depth, encoding="utf-8")
    with pytest.raises(Exception, match="nests its elements more than 255 levels deep"):
        read_notice(path)


def test_large_flat_page_is_read_whole(tmp_path):
    """Every paragraph of a 4 MB page is read (its speed: benchmarks/bench_limits.py)."""
    row = "<p>根据县委统一部署，县委巡察组对县科协党组进行了巡察，现将整改情况通报如下。</p>\n"
    path = tmp_path / "flat.html"
    rows = 4_000_000 // len(row.encode())
    path.write_text("<html><body>" + row * rows, encoding="utf-8")
    text = read_notice(path).text
    assert text.count("\n") == rows - 1, "the page's paragraphs were not all read"


def test_progress_bar_is_shown_when_asked(tmp_path, capsys):
    load_corpus(copy_real(tmp_path / "in"), progress=True)
    assert "reading notices" in capsys.readouterr().err


# --- workers and executors give the same tables ------------------------------------------------


def test_tables_are_the_same_in_this_process_in_workers_and_on_an_executor(corpus):
    with ProcessPoolExecutor(2) as pool:
        runs = {
            "workers=0": load_corpus(RAW, workers=0),
            "workers=2": load_corpus(RAW, workers=2),
            "executor": load_corpus(RAW, executor=pool),
        }
    for how, got in runs.items():
        for name in TABLES:
            pd.testing.assert_frame_equal(getattr(got, name), getattr(corpus, name), obj=how)


@pytest.mark.slow
def test_parse_runs_on_a_dask_local_cluster(corpus):
    distributed = pytest.importorskip("distributed", reason="the [cluster] extra is not installed")
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        got = load_corpus(RAW, executor=client.get_executor())
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(got, name), getattr(corpus, name), obj=name)


# --- atomic tables -----------------------------------------------------------------------------

WRITE_WITH_A_FULL_DISK = """
import resource, signal, sys
from rectify_utils.cli import main
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
sys.exit(main({argv!r}))
"""


@pytest.mark.parametrize("fmt, limit", [("csv", 40_000), ("xlsx", 60_000), ("parquet", 30_000)])
def test_a_full_disk_leaves_the_previous_tables_in_place(tmp_path, fmt, limit):
    out = tmp_path / "out"
    export.write_tables(load_corpus(RAW / "lishan-2024.txt"), out, fmt)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    argv = ["parse", str(RAW), "--out", str(out), "--format", fmt]
    run = run_python(WRITE_WITH_A_FULL_DISK.format(limit=limit, argv=argv), timeout=120)
    assert run.returncode == 1, f"a failed write exits {run.returncode}:\n{run.stderr[-2000:]}"
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    message = run.stderr.strip().splitlines()[-1]
    assert message.startswith("rectify parse: could not write the tables") and (
        "previous tables were left as they were" in message
    ), message
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before, "a failed write changed or left files in the output folder"
    assert len(export.read_tables(out)["notices"]) == 1, "the previous set no longer reads back"


def test_a_new_set_replaces_the_old_one_whole_and_stale_temporaries_go(tmp_path):
    out = tmp_path / "out"
    export.write_tables(load_corpus(RAW / "lishan-2024.txt"), out, "csv")
    (out / ".notices.csv.999999-0123abcd.tmp").write_text("half a table")
    export.write_tables(load_corpus(RAW), out, "parquet")
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith(".rectify-tables"))
    assert names == sorted(f"{t}.parquet" for t in export.TABLES), (
        f"the previous run's csv files or a temporary file were left: {names}"
    )
    assert len(export.read_tables(out)["notices"]) == 5
    (out / "problems.parquet").write_bytes(b"from another run")
    with pytest.raises(Exception, match="does not belong to the run"):
        export.read_tables(out)
