"""The exemplar model of a coding scheme (``analysis.theme_model``) and its blend with the rules.

A small invented scheme of three themes, with one rule each and a dozen labelled statements,
shows what the model adds: a statement no rule covers gets the theme of the statements it
resembles (at low confidence, with the n-grams and the nearest exemplar as evidence), and the
rules and the model agreeing gives high confidence.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pandas as pd
import pytest

from rectify_utils.analysis.theme_model import fit_exemplar_model, read_exemplars
from rectify_utils.analysis.theme_rules import load_taxonomy
from rectify_utils.analysis.themes import classify_problems
from rectify_utils.errors import TaxonomyError

EXEMPLARS = [
    ("政府部门", "A", "学生资助对象认定不精准"),
    ("政府部门", "A", "困难学生资助资金发放滞后"),
    ("学校", "A", "助学金评审程序不规范，资助对象公示不及时"),
    ("学校", "A", "家庭经济困难学生认定把关不严"),
    ("政府部门", "B", "公务用车管理不严，存在公车私用"),
    ("企业", "B", "违规发放购物卡和节日福利"),
    ("医院", "B", "超标准接待，公务接待清单不全"),
    ("乡镇街道", "B", "借培训之名变相公款旅游"),
    ("政府部门", "C", "第一议题学习流于形式"),
    ("学校", "C", "理论学习中心组学习计划不完善"),
    ("企业", "C", "政治理论学习不深入不系统"),
    ("医院", "C", "专题研讨交流发言质量不高"),
]

SCHEME = """\
exemplars: {exemplars}
themes:
  - code: A
    name: 资助与补贴
    definition: 资助、补贴和救助的发放与审核。
    rules:
      - term: 资助
        weight: 3
  - code: B
    name: 八项规定
    definition: 公车、接待、福利和公款旅游。
    rules:
      - term: 公车
        weight: 3
  - code: C
    name: 理论学习
    definition: 第一议题和中心组学习。
    rules:
      - term: 第一议题
        weight: 3
"""


def _write_exemplars(folder: Path, rows=EXEMPLARS, name: str = "own.csv") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    frame = pd.DataFrame(rows, columns=["unit_kind", "theme_code", "title"])
    frame.to_csv(folder / name, index=False)
    return folder


@pytest.fixture
def scheme(tmp_path: Path) -> Path:
    _write_exemplars(tmp_path / "exemplars")
    path = tmp_path / "scheme.yml"
    path.write_text(SCHEME.format(exemplars="exemplars"), encoding="utf-8")
    return path


def _classify(titles: list[str], scheme: Path) -> pd.DataFrame:
    problems = pd.DataFrame(
        {
            "notice_id": "n",
            "problem_no": pd.array(range(1, len(titles) + 1), dtype="Int64"),
            "title": pd.array(titles, dtype="string"),
            "unit_kind": "政府部门",
        }
    )
    return classify_problems(problems, scheme)


def test_the_scheme_reads_its_exemplar_folder_relative_to_itself(scheme):
    taxonomy = load_taxonomy(scheme)
    assert taxonomy.exemplars == ((scheme.parent / "exemplars").resolve(),)
    exemplars = read_exemplars(taxonomy.exemplars, taxonomy.codes)
    assert len(exemplars) == len(EXEMPLARS)
    assert exemplars["file"].unique().tolist() == ["own.csv"]


def test_a_statement_no_rule_covers_gets_the_theme_of_the_statements_it_resembles(scheme):
    got = _classify(["助学金评审公示不及时，认定不精准", "违规发放节日福利和购物卡"], scheme)
    assert got["theme_code"].tolist() == ["A", "B"]
    assert got["theme_confidence"].tolist() == ["low", "low"], "the model alone is low"
    for title, evidence in zip(got["title"], got["theme_evidence"], strict=True):
        grams, like = evidence.removeprefix("model:").split("; like:")
        assert all(g in title for g in grams.split("+")), "the evidence is the title's own words"
        assert like in {t for _, _, t in EXEMPLARS}


def test_rules_and_model_agreeing_is_high_confidence(scheme):
    got = _classify(["学生资助资金审核把关不严"], scheme)
    assert got["theme_code"].iloc[0] == "A"
    assert got["theme_confidence"].iloc[0] == "high"
    assert got["theme_evidence"].iloc[0].startswith("title:资助(×9); model:")


def test_a_statement_that_resembles_nothing_stays_unclassified(scheme):
    got = _classify(["", "某某某"], scheme)
    assert got["theme_code"].iloc[0] == "unclassified"


def test_without_exemplars_the_rules_alone_classify(tmp_path):
    path = tmp_path / "rules_only.yml"
    path.write_text(SCHEME.replace("exemplars: {exemplars}\n", ""), encoding="utf-8")
    got = _classify(["助学金评审公示不及时，认定不精准", "学生资助资金审核把关不严"], path)
    assert got["theme_code"].tolist() == ["unclassified", "A"]
    assert "model:" not in got["theme_evidence"].iloc[1]


def test_a_code_the_scheme_lacks_names_the_file_and_line(tmp_path):
    rows = [*EXEMPLARS[:3], ("学校", "Z", "某问题")]
    folder = _write_exemplars(tmp_path / "bad", rows)
    with pytest.raises(TaxonomyError, match=r"own\.csv: line 5: theme code 'Z'"):
        read_exemplars([folder], ["A", "B", "C"])


def test_a_missing_column_or_folder_is_a_clear_error(tmp_path):
    (tmp_path / "x.csv").write_text("theme_code,title\nA,某问题\n", encoding="utf-8")
    with pytest.raises(
        TaxonomyError, match=r"x\.csv: exemplar file lacks column\(s\) \['unit_kind'\]"
    ):
        read_exemplars([tmp_path / "x.csv"], ["A"])
    path = tmp_path / "scheme.yml"
    path.write_text(SCHEME.format(exemplars="nowhere/"), encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"scheme\.yml: exemplars: 'nowhere/' not found"):
        load_taxonomy(path)


def test_a_copy_of_the_packaged_scheme_keeps_the_packaged_exemplars(tmp_path):
    packaged = load_taxonomy()
    copy = tmp_path / "mine.yml"
    copy.write_text(packaged.path.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_taxonomy(copy).exemplars == packaged.exemplars


def test_unclassified_exemplars_are_left_out_and_the_fit_is_reused(tmp_path):
    folder = _write_exemplars(tmp_path / "ex", [*EXEMPLARS, ("学校", "UNCLASSIFIED", "其他")])
    assert len(read_exemplars([folder], ["A", "B", "C"])) == len(EXEMPLARS)
    first = fit_exemplar_model([folder], ["A", "B", "C"])
    assert fit_exemplar_model([folder], ["A", "B", "C"]) is first
    _write_exemplars(folder, EXEMPLARS[:-1])
    assert fit_exemplar_model([folder], ["A", "B", "C"]) is not first, "new content, new fit"


def test_themes_check_reports_the_exemplars_and_their_consistency(scheme, tmp_path):
    from rectify_utils.analysis.themes_cli import check_scheme

    notice = tmp_path / "data" / "n.txt"
    notice.parent.mkdir()
    raw = Path(__file__).resolve().parents[2] / "data" / "raw"
    first = sorted(raw.glob("*"))[0]
    notice.write_bytes(first.read_bytes())
    notice = notice.rename(notice.with_suffix(first.suffix))
    report = check_scheme(scheme, [notice.parent])
    assert "exemplars: 12 labelled statements in 1 file(s); 4–4 per theme" in report
    assert "(5-fold cross-validation)" in report
    rules_only = tmp_path / "rules_only.yml"
    rules_only.write_text(SCHEME.replace("exemplars: {exemplars}\n", ""), encoding="utf-8")
    assert "exemplars: none (the rules alone classify)" in check_scheme(rules_only, [notice.parent])


def test_words_reserved_for_a_kind_of_body_are_not_read_in_other_bodies(tmp_path):
    rows = [
        *EXEMPLARS,
        ("科协", "A", "科技工作者之家作用发挥不明显"),
        ("科协", "A", "联系科技工作者不紧密"),
        ("科协", "A", "科技工作者诉求收集不及时"),
    ]
    _write_exemplars(tmp_path / "exemplars", rows)
    scoped = SCHEME.format(exemplars="exemplars") + (
        "      - term: 科技工作者\n        weight: 3\n        unit_kinds: [科协]\n"
    )
    plain = tmp_path / "plain.yml"
    plain.write_text(scoped, encoding="utf-8")
    reserved = tmp_path / "reserved.yml"
    reserved.write_text("model_reserved_kinds: [科协]\n" + scoped, encoding="utf-8")
    titles = ["科技工作者之家运转不畅", "科技工作者之家运转不畅", " 之家运转不畅"]
    problems = pd.DataFrame(
        {
            "notice_id": "n",
            "problem_no": pd.array([1, 2, 3], dtype="Int64"),
            "title": pd.array(titles, dtype="string"),
            "unit_kind": ["科协", "文联", "文联"],
        }
    )
    before = classify_problems(problems, plain)
    assert "model:科技" in before["theme_evidence"].iloc[1], "unreserved, the model reads it"
    got = classify_problems(problems, reserved)
    assert "科技" in got["theme_evidence"].iloc[0], "a 科协 statement keeps its own words"
    assert "科技" not in got["theme_evidence"].iloc[1].split("; like:")[0]
    assert got["theme_score"].iloc[1] == pytest.approx(got["theme_score"].iloc[2]), (
        "for the 文联 the model reads the statement as if the reserved word were not there"
    )


def test_no_problems_no_model_call(scheme):
    got = _classify([], scheme)
    assert got.empty and "theme_code" in got


def test_the_model_reads_statements_as_scikit_learn_does_without_importing_it(scheme):
    from sklearn.feature_extraction.text import TfidfVectorizer

    taxonomy = load_taxonomy(scheme)
    model = fit_exemplar_model(taxonomy.exemplars, taxonomy.codes)
    texts = [
        "学生资助  对象认定\\n不精准",
        "Ａ级景区 ABC 公车私用",
        "",
        "某某某",
        *(t for *_, t in EXEMPLARS),
    ]
    reference = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)
    reference.fit([t for *_, t in EXEMPLARS])
    ours, theirs = model.transform(texts), reference.transform(texts)
    assert ours.shape == theirs.shape
    assert abs(ours - theirs).max() < 1e-12
    assert b"sklearn" not in pickle.dumps(model), "the fitted model is plain arrays"


def test_editing_the_exemplars_classifies_again(tmp_path):
    folder = _write_exemplars(tmp_path / "exemplars")
    scheme = tmp_path / "scheme.yml"
    scheme.write_text(SCHEME.format(exemplars="exemplars"), encoding="utf-8")
    title = ["违规发放节日福利和购物卡"]
    assert _classify(title, scheme)["theme_code"].iloc[0] == "B"
    relabelled = [(k, "C" if t == "违规发放购物卡和节日福利" else c, t) for k, c, t in EXEMPLARS]
    _write_exemplars(folder, [*relabelled, ("企业", "C", "节日福利购物卡发放不规范")])
    assert _classify(title, scheme)["theme_code"].iloc[0] == "C", "the memo saw the old exemplars"
