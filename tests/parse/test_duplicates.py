"""Near-duplicate notices: reposts and lightly edited copies are found, one copy is kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rectify_utils import load_corpus

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"
#: what a government site prints above a reposted notice
WEB_HEADER = "当前位置：首页 > 通知公告\n发布时间：2024-12-02 09:30 来源：本站 浏览次数：128 字体：[大 中 小]\n\n"


def _edited(text: str) -> str:
    """The text with a web header added and three characters changed, as a repost has it."""
    middle = len(text) // 2
    text = text[:middle] + "。" + text[middle + 1 :]
    text = text.replace("进一步", "进一 步", 1).replace("整改", "整治", 1)
    return WEB_HEADER + text


@pytest.fixture(scope="module")
def reposted(tmp_path_factory):
    """The five bundled notices and, for each, a lightly edited repost."""
    folder = tmp_path_factory.mktemp("reposts")
    for path in sorted(RAW.glob("*.txt")):
        shutil.copy(path, folder / path.name)
        repost = _edited(path.read_text(encoding="utf-8"))
        (folder / f"{path.stem}-repost.txt").write_text(repost, encoding="utf-8")
    return folder


def test_lightly_edited_reposts_are_found_and_dropped(reposted):
    corpus = load_corpus(reposted)
    assert len(corpus.notices) == 5, (
        f"a repost loaded as a notice of its own:\n{corpus.notices['notice_id'].tolist()}"
    )
    found = corpus.duplicates.set_index("notice_id")
    assert set(found.index) == {f"{p.stem}-repost" for p in RAW.glob("*.txt")}
    assert (found["duplicate_of"] + "-repost" == found.index).all(), (
        "a repost was matched with another notice than the one it copies"
    )
    assert found["similarity"].between(0.85, 1.0).all()
    assert (found["match"] == "near").all() and found["dropped"].all()
    assert found["evidence"].str.startswith("kept ").all()
    assert not corpus.problems["notice_id"].str.endswith("-repost").any()
    skipped = corpus.skipped["reason"].str.contains("near-duplicate of")
    assert skipped.sum() == 5, "each dropped copy should be listed in corpus.skipped"


def test_keep_duplicates_keeps_every_copy_and_still_lists_them(reposted):
    corpus = load_corpus(reposted, keep_duplicates=True)
    assert len(corpus.notices) == 10
    assert len(corpus.duplicates) == 5 and not corpus.duplicates["dropped"].any()
    assert corpus.skipped.empty


def test_an_exact_copy_is_listed_as_exact(tmp_path):
    shutil.copy(RAW / "lishan-2024.txt", tmp_path / "a.txt")
    shutil.copy(RAW / "lishan-2024.txt", tmp_path / "b.txt")
    corpus = load_corpus(tmp_path)
    assert list(corpus.notices["notice_id"]) == ["a"]
    row = corpus.duplicates.iloc[0]
    assert (row["notice_id"], row["duplicate_of"], row["match"]) == ("b", "a", "exact")
    assert corpus.skipped["reason"].str.contains("duplicate of").all()
    kept = load_corpus(tmp_path, keep_duplicates=True)
    assert len(kept.notices) == 2 and len(kept.duplicates) == 1


def test_two_rounds_of_one_body_are_not_duplicates(tmp_path):
    shutil.copy(RAW / "luozhuang-2022.txt", tmp_path)
    shutil.copy(ROOT / "tests" / "data" / "rounds" / "luozhuang-2024.txt", tmp_path)
    corpus = load_corpus(tmp_path)
    assert len(corpus.notices) == 2 and corpus.duplicates.empty, (
        "罗庄区科协's 2022 and 2024 notices share their boilerplate, not their problems"
    )


def test_the_bundled_notices_have_no_duplicates(corpus):
    assert corpus.duplicates.empty
    assert list(corpus.duplicates.columns) == [
        "notice_id", "duplicate_of", "similarity", "match", "evidence", "source_path", "dropped"
    ]  # fmt: skip
