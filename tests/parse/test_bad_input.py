"""Bad input never stops a corpus: each broken file is parsed correctly or listed in
``corpus.skipped`` with its path and a reason a person understands, and the five bundled
notices (copied beside the bad files) still parse. Every file is made in ``tmp_path``.
"""

from __future__ import annotations

import builtins
import importlib.util
import itertools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rectify_utils import load_corpus
from rectify_utils.parse.notice import parse_notice
from rectify_utils.parse.outline import NotANotice
from rectify_utils.synth.generator import synth_notice

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"
REAL = sorted(RAW.glob("*.txt"))
REAL_IDS = {p.stem for p in REAL}
PROBLEM_KEYS = ["problem_no", "label", "title", "aspect_no", "status"]

NO_OUTLINE = (
    "各位同事：\n本周五下午三点在三楼会议室召开科普工作座谈会，请各部门负责同志准时参加。"
    "会议将听取近期科普活动情况汇报，并研究下一阶段的工作安排。\n办公室\n2024年5月6日\n"
)
SCRIPT = "<script>alert(1)</script>"


def scanned_pdf(path: Path) -> Path:
    """A one-page PDF holding only an image: what a scanner produces, no text layer."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    fig = plt.figure(figsize=(2, 2))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.imshow(np.random.default_rng(0).random((16, 16)))
    ax.axis("off")
    fig.savefig(path, format="pdf")
    plt.close(fig)
    return path


def with_script_in_first_title(text: str) -> str:
    """石龙 with markup inside problem 1's title: `1. 学习制度<script>…落实不到位的问题。`."""
    marked = text.replace("1. 学习制度落实不到位的问题", f"1. 学习制度{SCRIPT}落实不到位的问题", 1)
    assert marked != text, "the 石龙 notice changed: update with_script_in_first_title"
    return marked


def copy_real(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for p in REAL:
        shutil.copyfile(p, folder / p.name)


# what each bad file is, and the words its reason in corpus.skipped must contain
BAD_FILES = {
    "empty.txt": "empty",
    "junk.txt": "binary",
    "scanned.pdf": "no text layer",
    "no-outline.txt": "not a rectification notice",
    "unreadable.txt": "permission denied",
    "zz-copy-of-lishan.txt": "duplicate of",
}


def make_bad_folder(folder: Path) -> Path:
    """The five real notices plus every bad file of BAD_FILES.

    (石龙 with markup in a title is a near-duplicate of 石龙 itself, so it is tested on its own:
    ``test_markup_in_a_title_is_kept_as_text``.)
    """
    copy_real(folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 64 + os.urandom(4096))
    scanned_pdf(folder / "scanned.pdf")
    (folder / "no-outline.txt").write_text(NO_OUTLINE, encoding="utf-8")
    (folder / "unreadable.txt").write_text(NO_OUTLINE.replace("三楼", "五楼"), encoding="utf-8")
    shutil.copyfile(RAW / "lishan-2024.txt", folder / "zz-copy-of-lishan.txt")
    return folder


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    """load_corpus over the bad folder; `unreadable.txt` refuses to open (root reads anything)."""
    folder = make_bad_folder(tmp_path_factory.mktemp("bad"))
    unreadable = folder / "unreadable.txt"
    unreadable.chmod(0)
    real_open, real_os_open = builtins.open, os.open

    def refuses(file) -> bool:
        return isinstance(file, str | os.PathLike) and Path(os.fsdecode(file)) == unreadable

    def guarded_open(file, *args, **kwargs):
        if refuses(file):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    def guarded_os_open(file, *args, **kwargs):
        if refuses(file):
            raise PermissionError(13, "Permission denied", str(file))
        return real_os_open(file, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(builtins, "open", guarded_open)
        mp.setattr(os, "open", guarded_os_open)
        corpus = load_corpus(folder)  # forked workers inherit the patch
    unreadable.chmod(0o644)
    return folder, corpus


def skipped_reason(corpus, path: Path) -> str | None:
    rows = corpus.skipped[corpus.skipped["path"].map(lambda p: Path(p).name) == path.name]
    return None if rows.empty else " | ".join(rows["reason"])


@pytest.mark.parametrize("name, reason", BAD_FILES.items())
def test_bad_file_is_skipped_with_its_path_and_reason(bad_corpus, name, reason):
    folder, corpus = bad_corpus
    got = skipped_reason(corpus, folder / name)
    assert got is not None, f"{name} is not in corpus.skipped:\n{corpus.skipped}"
    assert reason in got.lower(), f"{name}: the user reads {got!r}, which does not say {reason!r}"


def test_skipped_rows_name_a_file_that_exists(bad_corpus):
    folder, corpus = bad_corpus
    for row in corpus.skipped.itertuples():
        assert Path(row.path).parent == folder and Path(row.path).exists(), row.path
        assert row.reason and not row.reason.startswith("parser failed"), (
            f"{row.path}: a crash is reported instead of a reason: {row.reason}"
        )


def test_real_notices_still_parse_beside_bad_files(bad_corpus, corpus):
    _, bad = bad_corpus
    assert REAL_IDS <= set(bad.notices["notice_id"]), "a real notice was lost among bad files"
    for stem in REAL_IDS:
        got = bad.problems[bad.problems["notice_id"] == stem][PROBLEM_KEYS].reset_index(drop=True)
        want = corpus.problems[corpus.problems["notice_id"] == stem][PROBLEM_KEYS]
        pd.testing.assert_frame_equal(got, want.reset_index(drop=True), obj=f"{stem} problems")


def test_duplicate_under_another_name_is_one_notice(bad_corpus):
    folder, corpus = bad_corpus
    assert "zz-copy-of-lishan" not in set(corpus.notices["notice_id"])
    assert "lishan-2024" in skipped_reason(corpus, folder / "zz-copy-of-lishan.txt")


def test_markup_in_a_title_is_kept_as_text(tmp_path):
    shilong = (RAW / "shilong-2022.txt").read_text(encoding="utf-8")
    (tmp_path / "markup.txt").write_text(with_script_in_first_title(shilong), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    problems = corpus.problems[corpus.problems["notice_id"] == "markup"]
    assert len(problems) == 11, "the notice with markup lost or gained problems"
    assert problems.iloc[0]["title"] == f"学习制度{SCRIPT}落实不到位", problems.iloc[0]["title"]


def test_nothing_else_is_skipped(bad_corpus):
    _, corpus = bad_corpus
    names = {Path(p).name for p in corpus.skipped["path"]}
    assert names == set(BAD_FILES), f"unexpected skips: {names ^ set(BAD_FILES)}"
    assert set(corpus.notices["notice_id"]) == REAL_IDS


# --- encodings and scripts: the same notice, the same problems ----------------------------------

ENCODINGS = {
    "gbk": lambda t: t.encode("gbk"),
    "gb18030": lambda t: t.encode("gb18030"),
    "utf-16-bom": lambda t: t.encode("utf-16"),
    "utf-8-crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "utf-16-bom-crlf": lambda t: t.replace("\n", "\r\n").encode("utf-16"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("source", REAL, ids=lambda p: p.stem)
def test_encoded_notice_parses_to_the_utf8_problems(tmp_path, corpus, source, encoding):
    path = tmp_path / source.name
    path.write_bytes(ENCODINGS[encoding](source.read_text(encoding="utf-8")))
    got = load_corpus(tmp_path)
    assert got.skipped.empty, f"{encoding} {source.name} skipped: {got.skipped.to_dict('records')}"
    want = corpus.problems[corpus.problems["notice_id"] == source.stem][PROBLEM_KEYS]
    pd.testing.assert_frame_equal(
        got.problems[PROBLEM_KEYS], want.reset_index(drop=True), obj=f"{encoding} problems"
    )
    assert got.texts[source.stem] == corpus.texts[source.stem], f"{encoding}: text differs"


@pytest.mark.parametrize("source", REAL, ids=lambda p: p.stem)
def test_traditional_script_notice_parses_and_keeps_its_original(tmp_path, corpus, source):
    from opencc_purepy import OpenCC

    traditional = OpenCC("s2t").convert(source.read_text(encoding="utf-8"))
    (tmp_path / source.name).write_text(traditional, encoding="utf-8")
    got = load_corpus(tmp_path)
    assert got.skipped.empty, got.skipped.to_dict("records")
    n_want = int((corpus.problems["notice_id"] == source.stem).sum())
    assert len(got.problems) == n_want, (
        f"traditional {source.name}: {len(got.problems)} problems instead of {n_want}"
    )
    assert bool(got.notices.iloc[0]["converted_from_traditional"])
    assert got.originals[source.stem] == traditional, "the traditional original was not kept"


# --- damaged notices: parsed or NotANotice, nothing else ----------------------------------------

PIECES = list(
    "一二三四五六七八九十、．.（）()１２0123①②整改情况：时限已完成正在中问题不到位关于针对“”。，\n \t*#<>"
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**16),
    edits=st.lists(
        st.tuples(
            st.floats(0, 1), st.floats(0, 1), st.integers(1, 300), st.text(PIECES, max_size=12)
        ),
        min_size=1,
        max_size=30,
    ),
)
def test_damaged_notice_parses_or_is_not_a_notice(seed, edits):
    """Cut, pasted and scribbled-on notices: a parse whose spans tile the text, or NotANotice."""
    text = synth_notice(seed, 0).text
    for where, source, length, scribble in edits:
        i = int(where * len(text))
        j = int(source * len(text))
        text = text[:i] + scribble + text[j : j + length] + text[i + length // 2 :]
    try:
        result = parse_notice(text, "damaged")
    except NotANotice:
        return
    spans = sorted((s["char_start"], s["char_end"]) for s in result.spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(result.text), "spans do not cover the text"
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans)), "spans overlap or leave gaps"
    assert [p["problem_no"] for p in result.problems] == list(range(1, len(result.problems) + 1))


# --- size ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_fifty_megabyte_text_finishes_in_bounded_time(tmp_path):
    """50 MB of notice text: parsed or skipped, never a crash, within the time limit."""
    folder = tmp_path / "big"
    copy_real(folder)
    unit = (RAW / "xinye-2024.txt").read_bytes()
    (folder / "huge.txt").write_bytes(unit * (50 * 2**20 // len(unit) + 1))
    script = (
        "import sys, time; from rectify_utils import load_corpus; t = time.perf_counter(); "
        f"c = load_corpus({str(folder)!r}); "
        "print(len(c.notices), len(c.skipped), round(time.perf_counter() - t, 1)); "
        "print(c.skipped.to_dict('records'))"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert run.returncode == 0, f"crashed on a 50 MB file:\n{run.stderr[-2000:]}"
    n_notices, n_skipped, _ = run.stdout.split("\n")[0].split()
    assert int(n_notices) + int(n_skipped) == 6, run.stdout
    assert int(n_notices) >= 5, f"real notices lost beside a 50 MB file: {run.stdout}"


# --- the command line --------------------------------------------------------------------------

HAS_PARSE_CLI = importlib.util.find_spec("rectify_utils.parse.export") is not None


def rectify(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "rectify_utils.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )


@pytest.fixture(scope="module")
def bad_folder_for_cli(tmp_path_factory) -> Path:
    folder = make_bad_folder(tmp_path_factory.mktemp("cli"))
    (folder / "unreadable.txt").unlink()  # a child process cannot be monkeypatched
    return folder


@pytest.mark.skipif(
    not HAS_PARSE_CLI, reason="`rectify parse` (rectify_utils/export.py) not there yet"
)
def test_parse_cli_exits_zero_with_bad_files_and_names_them(bad_folder_for_cli, tmp_path):
    run = rectify("parse", str(bad_folder_for_cli), "--out", str(tmp_path / "out"))
    assert run.returncode == 0, f"exit {run.returncode}:\n{run.stderr[-2000:]}"
    assert "Traceback" not in run.stderr + run.stdout
    for name in set(BAD_FILES) - {"unreadable.txt"}:
        assert name in run.stderr + run.stdout, f"the user is not told that {name} was skipped"
    problems = pd.read_csv(tmp_path / "out" / "problems.csv", encoding="utf-8-sig")
    assert REAL_IDS <= set(problems["notice_id"]), "real notices missing from problems.csv"


@pytest.mark.skipif(
    not HAS_PARSE_CLI, reason="`rectify parse` (rectify_utils/export.py) not there yet"
)
def test_parse_cli_strict_fails_only_when_something_is_skipped(bad_folder_for_cli, tmp_path):
    run = rectify("parse", str(bad_folder_for_cli), "--out", str(tmp_path / "bad"), "--strict")
    assert run.returncode != 0, "--strict exits 0 although files were skipped"
    assert "Traceback" not in run.stderr + run.stdout
    clean = tmp_path / "clean"
    copy_real(clean)
    run = rectify("parse", str(clean), "--out", str(tmp_path / "good"), "--strict")
    assert run.returncode == 0, f"--strict fails on five good notices:\n{run.stderr[-2000:]}"
