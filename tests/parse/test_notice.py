"""Acceptance of the parse on the five bundled notices (issue: parse notices into DataFrames)."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rectify_utils.parse.normalise import normalise, repair_wraps
from rectify_utils.parse.numerals import cn_to_int

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"


def notice(corpus, stem: str) -> pd.Series:
    return corpus.notices.set_index("notice_id").loc[stem]


def problems_of(corpus, stem: str) -> pd.DataFrame:
    return corpus.problems[corpus.problems["notice_id"] == stem].reset_index(drop=True)


# the numbers of problems each notice raises, read off the notices by hand
EXPECTED_PROBLEMS = {
    "luozhuang-2022": 21,
    "shilong-2022": 11,
    "lishan-2024": 6,
    "dongying-2024": 11,
    "xinye-2024": 31,
}


def test_every_bundled_notice_parses_and_provenance_is_left_alone(corpus):
    assert set(corpus.notices["notice_id"]) == set(EXPECTED_PROBLEMS), (
        "a bundled notice was not parsed"
    )
    assert corpus.skipped.empty, corpus.skipped
    assert list(corpus.ignored["path"].map(lambda p: Path(p).name)) == ["provenance.yml"], (
        "provenance.yml belongs in data/raw: it is recognised, not a skipped notice"
    )


@pytest.mark.parametrize("stem, n", EXPECTED_PROBLEMS.items())
def test_problem_counts_match_the_notices(corpus, stem, n):
    got = problems_of(corpus, stem)
    assert len(got) == n, (
        f"{stem}: users would see {len(got)} problems instead of {n}:\n{got[['label', 'title']]}"
    )
    assert notice(corpus, stem)["n_problems"] == n


def test_problems_are_in_notice_order_and_numbered_from_one(corpus):
    for stem, df in corpus.problems.groupby("notice_id"):
        assert list(df["problem_no"]) == list(range(1, len(df) + 1)), (
            f"{stem}: problem_no is not 1…n"
        )
        assert df["char_start"].is_monotonic_increasing, f"{stem}: problems are out of notice order"


def test_labels_are_as_written_in_the_text(corpus):
    for row in corpus.problems.itertuples():
        text = corpus.texts[row.notice_id]
        assert text[row.char_start :].startswith(row.label), (
            f"{row.notice_id} #{row.problem_no}: label not at offset"
        )


def test_numbered_labels_run_in_sequence_within_each_notice(corpus):
    for stem, df in corpus.problems.groupby("notice_id"):
        numbers = [cn_to_int(re.sub(r"[（()）、.．\s]", "", lbl)) for lbl in df["label"]]
        steps = {b - a for a, b in itertools.pairwise(numbers)}
        assert steps <= {1} or (steps <= {1} | {1 - n for n in numbers}), (
            f"{stem}: labels jump {numbers}"
        )


def test_plan_and_closing_sections_are_not_problems(corpus):
    for stem, text in corpus.texts.items():
        probs = problems_of(corpus, stem)
        plan = re.search(r"[一二三四五六七八九十]、\s*下一步工作打算", text)
        ends = [plan.start()] if plan else []
        welcome = text.find("欢迎广大干部群众")
        if welcome != -1:
            ends.append(welcome)
        assert ends, f"{stem}: expected a closing part to test against"
        assert (probs["char_end"] <= min(ends)).all(), (
            f"{stem}: a problem reaches into the closing part"
        )
        for title in probs["title"]:
            assert not re.match(r"(将|加强理论学习|强化服务意识|压实主体责任)", title), (
                f"{stem}: plan item {title}"
            )


def test_opening_sections_are_not_problems(corpus):
    for stem, text in corpus.texts.items():
        first = problems_of(corpus, stem)["char_start"].min()
        before = text[:first]
        assert "整改情况：" not in before, (
            f"{stem}: a problem's rectification text sits in the preamble"
        )
        preamble = corpus.spans[
            (corpus.spans["notice_id"] == stem) & (corpus.spans["kind"] == "preamble")
        ]
        assert len(preamble) >= 1, f"{stem}: the opening section was not recognised"


def test_first_problem_before_any_group_heading_belongs_to_its_aspect(corpus):
    """罗庄区 third 方面: (15) comes before the numbered sub-heading 2."""
    df = problems_of(corpus, "luozhuang-2022")
    p15 = df[df["label"] == "（15）"].iloc[0]
    assert p15["aspect_no"] == 3 and pd.isna(p15["group_title"]), p15
    p16 = df[df["label"] == "（16）"].iloc[0]
    assert p16["group_title"].startswith("党的组织建设")


def test_problem_raised_by_another_supervisor_is_still_a_problem(corpus):
    df = problems_of(corpus, "luozhuang-2022")
    assert df.iloc[-1]["label"] == "（21）" and "派驻组" in df.iloc[-1]["title"]


def test_problem_titles_are_cleaned_of_wrappers_and_markers(corpus):
    for row in corpus.problems.itertuples():
        assert not row.title.startswith(("针对", "关于")), f"wrapper left in title: {row.title}"
        assert "已整改到位" not in row.title, f"status marker left in title: {row.title}"
        assert not row.title.endswith("的整改"), row.title
    lishan = problems_of(corpus, "lishan-2024")
    assert lishan.iloc[1]["title"] == "落实党中央关于群团组织去“四化”改革不彻底"


def test_dongying_measures_are_itemised(corpus):
    m = corpus.measures[corpus.measures["notice_id"] == "dongying-2024"]
    assert len(m) == 29, f"东营市 lists 29 (1)(2)… measures; parse found {len(m)}"
    assert (m.groupby("problem_no")["measure_no"].min() == 1).all()


def test_measure_offsets_point_into_the_text(corpus):
    for row in corpus.measures.itertuples():
        chunk = corpus.texts[row.notice_id][row.char_start : row.char_end]
        assert row.text[:10] in chunk, (
            f"{row.notice_id} #{row.problem_no}.{row.measure_no}: text not at offsets"
        )


def test_xinye_statuses_equal_its_own_claim(corpus):
    n = notice(corpus, "xinye-2024")
    counts = problems_of(corpus, "xinye-2024")["status"].value_counts()
    assert (n["claimed_completed"], n["claimed_ongoing"]) == (26, 5)
    assert (
        counts["completed"] == n["claimed_completed"]
        and counts["in_progress"] == n["claimed_ongoing"]
    ), counts


def test_in_progress_problems_carry_the_wording_that_decided_them(corpus):
    xinye = problems_of(corpus, "xinye-2024")
    for row in xinye[xinye["status"] == "in_progress"].itertuples():
        assert re.search(r"正在|持续整改|尚未|拟", row.status_evidence), row.status_evidence
        assert row.status_evidence.split(" | ")[0] in corpus.texts["xinye-2024"]


def test_notice_without_statuses_is_not_stated(corpus):
    lishan = problems_of(corpus, "lishan-2024")
    assert set(lishan["status"]) == {"not_stated"}, "立山区 states no status; none may be guessed"


def test_deadline_after_publication_is_in_progress(corpus):
    df = problems_of(corpus, "luozhuang-2022")
    late = df[df["deadline"] > notice(corpus, "luozhuang-2022")["as_of_date"]]
    assert len(late) > 0 and set(late["status"]) == {"in_progress"}
    done = df[df["status_evidence"].str.contains("已完成，并长期坚持", na=False)]
    assert set(done["status"]) == {"completed"}, "已完成，并长期坚持 is completed"


def test_status_column_is_categorical(corpus):
    assert list(corpus.problems["status"].cat.categories) == [
        "completed",
        "in_progress",
        "not_stated",
    ]


def test_every_status_has_evidence_unless_not_stated(corpus):
    stated = corpus.problems[corpus.problems["status"] != "not_stated"]
    assert stated["status_evidence"].str.len().gt(0).all()


def test_claims_are_the_numbers_the_notices_state(corpus):
    shilong, luozhuang = notice(corpus, "shilong-2022"), notice(corpus, "luozhuang-2022")
    assert (shilong["claimed_aspects"], shilong["claimed_problems"]) == (4, 11)
    assert luozhuang["claimed_aspects"] == 3 and pd.isna(luozhuang["claimed_problems"])
    assert pd.isna(notice(corpus, "lishan-2024")["claimed_problems"])
    assert str(corpus.notices["claimed_problems"].dtype) == "Int64"


@pytest.mark.parametrize(
    "stem, column, expected",
    [
        ("xinye-2024", "feedback_date", "2024-05-16"),
        ("xinye-2024", "inspection_start", "2024-02-26"),
        ("xinye-2024", "as_of_date", "2024-08-30"),
        ("luozhuang-2022", "publish_date", "2022-06-21"),
        ("luozhuang-2022", "inspection_start", "2021-08-16"),
        ("luozhuang-2022", "feedback_date", "2022-01-13"),
        ("dongying-2024", "inspection_start", "2024-03-25"),
        ("dongying-2024", "inspection_end", "2024-06-07"),
        ("dongying-2024", "feedback_date", "2024-08-23"),
        ("shilong-2022", "feedback_date", "2022-09-29"),
        ("lishan-2024", "feedback_date", "2024-06-27"),
        ("lishan-2024", "publish_date", "2024-10-30"),
    ],
)
def test_dates(corpus, stem, column, expected):
    assert notice(corpus, stem)[column] == pd.Timestamp(expected)


def test_as_of_source_says_where_the_date_came_from(corpus):
    assert notice(corpus, "luozhuang-2022")["as_of_source"] == "publish_date"
    assert notice(corpus, "xinye-2024")["as_of_source"] == "截至"
    assert pd.isna(notice(corpus, "xinye-2024")["publish_date"])
    assert corpus.notices["as_of_date"].notna().all()


def test_places_come_from_the_gazetteer(corpus):
    n = corpus.notices.set_index("notice_id")
    assert tuple(n.loc["shilong-2022", ["province", "city"]]) == ("河南省", "平顶山市")
    assert tuple(n.loc["xinye-2024", ["province", "city"]]) == ("河南省", "南阳市")
    assert n.loc["dongying-2024", "level"] == "地市" and n.loc["xinye-2024", "level"] == "区县"
    assert n.loc["xinye-2024", "association"] == "新野县科协"
    assert n.loc["xinye-2024", "inspector"] == "县委第三巡察组"


def test_spans_cover_each_text_exactly_once(corpus):
    for stem, text in corpus.texts.items():
        spans = corpus.spans[corpus.spans["notice_id"] == stem].sort_values("char_start")
        assert spans["char_start"].iloc[0] == 0 and spans["char_end"].iloc[-1] == len(text), stem
        assert (
            spans["char_start"].iloc[1:].to_numpy() == spans["char_end"].iloc[:-1].to_numpy()
        ).all(), f"{stem}: spans overlap or leave a gap"
        assert set(spans["kind"]) <= {
            "header",
            "preamble",
            "heading",
            "problem",
            "closing",
            "unassigned",
        }


def test_problem_offsets_lie_inside_problem_spans(corpus):
    spans = corpus.spans[corpus.spans["kind"] == "problem"]
    for row in corpus.problems.itertuples():
        own = spans[(spans["notice_id"] == row.notice_id) & (spans["label"] == str(row.problem_no))]
        assert len(own) == 1 and own["char_start"].iloc[0] == row.char_start
        assert row.char_end <= own["char_end"].iloc[0]


def test_every_non_whitespace_character_survives_normalisation_except_markup(corpus):
    for path in sorted(RAW.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        norm = normalise(raw)
        removed = "".join(r.split("'")[1] for r in norm.removed)
        expected = re.sub(r"\s|\*\*", "", raw)
        got = re.sub(r"\s", "", norm.text)
        assert len(got) + len(removed) == len(expected), (
            f"{path.name}: characters lost in normalisation"
        )


lines_strategy = st.lists(
    st.text(
        alphabet=st.sampled_from(list("科协整改情况，。：；（）()一二1.、 ①abc\t")), max_size=40
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(lines=lines_strategy, wrapped=st.booleans(), width=st.floats(min_value=5, max_value=60))
def test_wrap_repair_keeps_every_non_whitespace_character(lines, wrapped, width):
    lines = [ln.strip() for ln in lines]
    out = repair_wraps(lines, wrapped, width)
    assert re.sub(r"\s", "", "".join(out)) == re.sub(r"\s", "", "".join(lines))


def test_wrapped_pdf_text_is_rejoined(corpus):
    text = corpus.texts["luozhuang-2022"]
    assert "于巡察整改进展情况的通报" in notice(corpus, "luozhuang-2022")["title"]
    assert "对习近平总书记有关科协工作的重要讲话和指示批示精神学习不深入。" in text, (
        "a wrapped title was not rejoined"
    )
    assert "2021年8月16日" in text, "PDF spaces inside dates were not removed"


def test_page_number_is_reported_not_silently_dropped(corpus):
    w = corpus.warnings[corpus.warnings["notice_id"] == "luozhuang-2022"]["message"]
    assert w.str.contains("page number").any()


def test_markdown_bold_is_removed(corpus):
    assert "**" not in corpus.texts["shilong-2022"]


def test_cli_parse_writes_excel_with_chinese_intact(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "rectify_utils.cli",
            "parse",
            str(RAW),
            "--out",
            str(out),
            "--format",
            "xlsx",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    sheets = pd.read_excel(out / "rectify_tables.xlsx", sheet_name=None)
    assert {"notices", "problems", "measures", "skipped", "unassigned"} <= set(sheets)
    assert "新野县科协" in set(sheets["notices"]["association"])


def test_cli_parse_strict_fails_when_a_file_is_skipped(tmp_path):
    args = [sys.executable, "-m", "rectify_utils.cli", "parse", "--out", str(tmp_path), "--strict"]
    proc = subprocess.run([*args, str(RAW)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, f"--strict fails on the bundled notices:\n{proc.stderr}"
    proc = subprocess.run(
        [*args, str(RAW), str(RAW / "typo.txt")], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 1 and "typo.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_check_shows_tree_statuses_and_evidence():
    args = [sys.executable, "-m", "rectify_utils.cli", "check", str(RAW / "xinye-2024.txt")]
    proc = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "aspect:" in out and "[in_progress]" in out and "evidence: " in out
    assert "unassigned paragraphs: 0" in out


def _as_pdf_extraction(raw: str, width: int) -> str:
    """Hard-wrap every line at ``width`` with blank lines between and a stray page number."""
    out: list[str] = []
    for line in (ln.strip() for ln in raw.split("\n")):
        for i in range(0, len(line), width):
            out += [" " + line[i : i + width], ""]
    out.insert(len(out) // 2, "7")
    return "\n".join(out)


@pytest.mark.parametrize("width", [22, 26, 33])
def test_unwrapped_notices_parse_the_same_when_extracted_from_pdf(corpus, width):
    from rectify_utils.parse.notice import parse_notice

    unwrapped = corpus.notices[~corpus.notices["wrapped"].astype(bool)]
    assert len(unwrapped) >= 3
    for row in unwrapped.itertuples():
        raw = Path(row.source_path).read_text(encoding="utf-8")
        wrapped = parse_notice(_as_pdf_extraction(raw, width), row.notice_id)
        expected = problems_of(corpus, row.notice_id)[["label", "title", "status"]].astype(str)
        got = pd.DataFrame(wrapped.problems)[["label", "title", "status"]].astype(str)
        pd.testing.assert_frame_equal(got, expected, obj=f"{row.notice_id} re-wrapped at {width}")
