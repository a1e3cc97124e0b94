"""``rectify themes check SCHEME.yml``: a scheme is validated and tried on notices; a user's own
scheme (schemes/universities.yml) loads through the same machinery."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from written_notices import notice_file

from rectify_utils.analysis.themes import DEFAULT_TAXONOMY, classify_problems, load_taxonomy
from rectify_utils.cli import main

UNIVERSITIES = DEFAULT_TAXONOMY.parent / "schemes" / "universities.yml"


def test_check_prints_every_theme_with_counts_and_examples(repo_root, capsys):
    code = main(
        ["themes", "check", str(DEFAULT_TAXONOMY), "--data", str(repo_root / "data" / "raw")]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "taxonomy.yml: valid — 15 themes" in out
    for theme in load_taxonomy().themes:
        assert f"{theme.code} {theme.name}" in out, f"{theme.code} is missing from the check"
    assert "unclassified" in out and "80 problems (科协 80)" in out
    assert "罗庄区科协 #15 执行党组工作条例不到位" in out, (
        "examples name the body, number and title"
    )
    assert "words matched by two rules of one theme (counted twice): 0" in out


def test_check_names_the_theme_and_rule_of_a_broken_scheme(tmp_path, capsys, repo_root):
    broken = tmp_path / "mine.yml"
    broken.write_text(
        "themes:\n  - code: X1\n    name: 测试\n    definition: 测试\n    rules:\n"
        "      - term: 学习\n        weight: 2\n        unit_kinds: [大学]\n",
        encoding="utf-8",
    )
    code = main(["themes", "check", str(broken), "--data", str(repo_root / "data" / "raw")])
    err = capsys.readouterr().err
    assert code == 1
    assert "mine.yml: theme X1 (测试), rule 1: unknown unit kind '大学'" in err, err


def test_check_of_a_missing_scheme_fails_cleanly(tmp_path, capsys):
    code = main(["themes", "check", str(tmp_path / "nothing.yml")])
    assert code == 1 and "nothing.yml: cannot be read" in capsys.readouterr().err


def test_a_users_scheme_for_schools_classifies_school_notices(capsys):
    files = [notice_file("univ_dongling_provincial"), notice_file("school_yunxi_middle_running")]
    code = main(["themes", "check", str(UNIVERSITIES), "--data", *map(str, files)])
    out = capsys.readouterr().out
    assert code == 0 and "universities.yml: valid — 9 themes" in out
    classified = classify_problems(
        pd.concat([_school_problem(t) for t in SCHOOL_TITLES], ignore_index=True).assign(
            problem_no=pd.array(range(1, len(SCHOOL_TITLES) + 1), dtype="Int64")
        ),
        taxonomy_path=UNIVERSITIES,
    )
    assert classified["theme_code"].astype("string").tolist() == list(SCHOOL_TITLES.values()), (
        f"{classified[['title', 'theme_code', 'theme_evidence']]}\nexpected {SCHOOL_TITLES}"
    )


#: titles in a school's wording → the universities.yml theme an education researcher would give
SCHOOL_TITLES = {
    "课程思政建设推进不力": "E01",
    "讲座论坛审批把关不严": "E01",
    "班额偏大，课后服务内容单一": "E02",
    "一流学科建设成效不明显": "E03",
    "高层次人才引进乏力": "E04",
    "党委领导下的校长负责制执行不到位": "E05",
    "教辅资料征订程序不规范": "E06",
    "科研经费和基建项目管理存在廉洁风险": "E08",
    "实验室安全管理存在隐患": "E07",
    "上轮巡视指出问题整改不到位": "E09",
}


def _school_problem(title: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"notice_id": ["school"], "association": ["某某大学"], "title": [title], "text": [""]}
    )


def test_the_example_scheme_is_shipped_with_the_package():
    assert UNIVERSITIES.is_file() and Path(UNIVERSITIES).suffix == ".yml"
    assert load_taxonomy(UNIVERSITIES).codes == [f"E{i:02d}" for i in range(1, 10)]
