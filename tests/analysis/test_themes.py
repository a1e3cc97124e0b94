"""Issue themes: the rules of the scheme (scopes, conditions, the title deciding), classification
of the bundled notices, evidence, confidence, crosstab and agreement."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from rectify_utils.analysis.theme_model import read_exemplars
from rectify_utils.analysis.themes import (
    DEFAULT_TAXONOMY,
    UNCLASSIFIED,
    TaxonomyError,
    aspect_titles,
    category_crosstab,
    classify_problems,
    load_taxonomy,
    problem_unit_kinds,
    read_labels,
    theme_agreement,
)

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"
LABELS = Path(__file__).resolve().parents[1] / "data" / "labelled_themes.csv"
AGREEMENT_FLOOR = 0.75
#: an evidence item: field, the text that fired, the score it added — "title:三会一课(×9)"
EVIDENCE_ITEM = re.compile(r"^(?P<field>title|group|aspect|text):(?P<hit>.+)\(×(?P<w>[\d.]+)\)$")
#: a heading that names an earlier inspection round — "上轮巡察部分问题整改尚有差距", "第四轮巡察"
EARLIER_ROUND = re.compile(r"(?:上一?轮|上次|前次|第[一二三四五六七八九十\d]+轮)巡[察视]")
#: one CJK ideograph — "三" in "“三会一课”"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def classified(corpus) -> pd.DataFrame:
    return classify_problems(corpus)


def _problem(
    title: str, text: str = "", aspect: str = "", group: str = "", unit_kind: str = "科协"
) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "notice_id": ["hand-made"],
            "association": ["测试科协"],
            "unit_kind": [unit_kind],
            "problem_no": pd.array([1], dtype="Int64"),
            "aspect_title": [aspect],
            "group_title": [group],
            "title": [title],
            "text": [text],
        }
    ).astype({"title": "string", "text": "string"})


def _theme(title: str, **fields: str) -> pd.Series:
    """The classification of one hand-made problem (title, optional text/aspect/group/unit_kind)."""
    return classify_problems(_problem(title, **fields)).iloc[0]


def test_bundled_taxonomy_loads_with_fifteen_themes():
    taxonomy = load_taxonomy(DEFAULT_TAXONOMY)
    assert taxonomy.codes == [f"T{i:02d}" for i in range(1, 16)], (
        "the shipped taxonomy.yml should define themes T01..T15 in order (T01–T12 kept so that "
        f"analyses stay comparable); the crosstab columns would come out as {taxonomy.codes}"
    )
    assert all(t.definition and t.rules for t in taxonomy.themes), (
        "every theme needs a definition and rules"
    )
    assert taxonomy.deciding_fields == ("title", "group")


def test_every_problem_gets_a_theme_column_with_meaningful_dtypes(corpus, classified):
    assert len(classified) == len(corpus.problems), "classifying must keep one row per problem"
    for col in ("theme_code", "theme", "theme_confidence", "runner_up_code", "runner_up_theme"):
        assert isinstance(classified[col].dtype, pd.CategoricalDtype), f"{col} should be a category"
    assert list(classified["theme_confidence"].cat.categories) == ["high", "low"]
    assert (classified["unit_kind"] == "科协").all(), "the bundled notices are all 科协"
    assert classified["theme_score"].dtype == "float64"
    assert classified["theme_evidence"].dtype == "string"
    assert (classified["theme_code"] != UNCLASSIFIED).mean() >= 0.9, (
        "most problems of the bundled notices should match some rule; a user would see a crosstab "
        "dominated by 'unclassified'"
    )


def test_classifier_agrees_with_hand_labels(corpus):
    agreement = theme_agreement(LABELS, corpus)
    assert agreement.n == len(corpus.problems), "every problem should have a hand label"
    assert agreement.accuracy >= AGREEMENT_FLOOR, (
        f"theme accuracy against the hand-labelled sample fell to {agreement.accuracy:.2f} "
        f"(floor {AGREEMENT_FLOOR}); disagreements:\n{agreement.disagreements.to_string()}"
    )
    recall = agreement.per_theme.set_index("theme_code")["recall"].dropna()
    assert (recall > 0).all(), f"some labelled theme is never predicted: {recall[recall == 0]}"


def test_labels_point_at_the_problem_they_describe(corpus):
    labels = read_labels(LABELS)
    merged = labels.merge(corpus.problems, on=["notice_id", "problem_no"], how="left")
    assert merged["title"].notna().all(), (
        "labelled_themes.csv names problems the parser does not produce:\n"
        f"{merged.loc[merged['title'].isna(), ['notice_id', 'problem_no']]}"
    )
    for row in merged.itertuples():
        head = "".join(CJK.findall(row.title_snippet.split("…")[0]))[:4]
        title = "".join(CJK.findall(row.title))
        assert head in title, (
            f"label for {row.notice_id} #{row.problem_no} ('{row.title_snippet}') sits on a problem "
            f"titled '{row.title}': the labels are out of step with the problem numbering"
        )


def test_evidence_names_the_field_and_the_text_that_fired(classified):
    columns = {"title": "title", "group": "group_title", "aspect": "aspect_title", "text": "text"}
    for row in classified.itertuples():
        if row.theme_code == UNCLASSIFIED:
            assert row.theme_evidence == "" and row.theme_score == 0
            continue
        items = str(row.theme_evidence).split("; ")
        for item in items:
            if item.startswith(("model", "like:")):
                _check_model_evidence(item, row)
                continue
            m = EVIDENCE_ITEM.match(item)
            assert m, (
                f"evidence item '{item}' of {row.notice_id} #{row.problem_no} is not field:term(×w)"
            )
            field_text = getattr(row, columns[m["field"]])
            assert m["hit"] in str(field_text), (
                f"evidence says '{m['hit']}' fired in {m['field']} of {row.notice_id} "
                f"#{row.problem_no}, but that text does not contain it"
            )


def _check_model_evidence(item: str, row) -> None:
    """``model:span+span`` names pieces of the statement; ``like:`` an exemplar of the theme."""
    where = f"{row.notice_id} #{row.problem_no}"
    if item.startswith("like:"):
        exemplars = read_exemplars(load_taxonomy().exemplars, load_taxonomy().codes)
        theirs = exemplars.loc[exemplars["theme_code"] == row.theme_code, "title"]
        assert item.removeprefix("like:") in set(theirs), f"{where}: {item} is no exemplar of it"
        return
    statement = str(row.title) if str(row.title).strip() else str(row.group_title)
    for span in item.removeprefix("model").removeprefix(":").split("+"):
        assert not span or span in statement, f"{where}: model span {span!r} not in {statement!r}"


def test_problems_under_an_earlier_round_heading_are_t12(classified):
    headings = classified[["aspect_title", "group_title", "title"]].astype("string").fillna("")
    earlier = headings.apply(lambda col: col.str.contains(EARLIER_ROUND)).any(axis=1)
    assert earlier.sum() >= 2, "the bundled notices have problems left over from an earlier round"
    wrong = classified.loc[
        earlier & (classified["theme_code"] != "T12"), ["notice_id", "problem_no", "title"]
    ]
    assert wrong.empty, f"problems under an earlier-round heading not filed as T12:\n{wrong}"
    routine = ~earlier & (classified["theme_code"] == "T12")
    assert not routine.any(), (
        "a heading like '常规巡察整改落实情况' must not make a problem 'left over from an earlier round':\n"
        f"{classified.loc[routine, ['notice_id', 'problem_no', 'aspect_title', 'title']]}"
    )


#: problem statements in the field's usual wording that are NOT in the bundled notices, with the
#: theme a reader would give them (titles only: no heading, no rectification text)
UNSEEN_TITLES = [
    ("T01", "政治理论学习缺乏计划性，学习内容与业务工作脱节"),
    ("T01", "对党的创新理论学用结合不紧密"),
    ("T02", "意识形态工作专题研究次数不足"),
    ("T02", "涉密载体管理不规范"),
    ("T03", "科普示范县创建工作推进缓慢"),
    ("T03", "青少年科技创新大赛组织动员不够"),
    ("T04", "联系专家人才不紧密，人才举荐工作开展不多"),
    ("T04", "联系院士专家不经常，服务高层次人才办法不多"),
    ("T05", "企业科协组建率低，作用发挥不充分"),
    ("T05", "所属学会年检工作不及时，部分学会长期未开展活动"),
    ("T06", "参与基层社会治理作用发挥不明显"),
    ("T06", "服务乡村人才振兴措施不实"),
    ("T07", "会议多、文件多，基层负担较重"),
    ("T07", "文山会海问题依然存在，督查检查考核过多过频"),
    ("T08", "财务报销审核不严，部分支出票据不全"),
    ("T08", "公务用车管理不严格，加油卡使用不规范"),
    ("T09", "民主评议党员流于形式"),
    ("T09", "党支部标准化规范化建设不到位"),
    ("T10", "廉政教育针对性不强，警示教育开展不经常"),
    ("T10", "对下属单位监督管理不到位，廉政风险点排查不全面"),
    ("T11", "干部队伍年龄结构老化，后备力量不足"),
    ("T11", "干部选拔任用程序不规范"),
    ("T12", "前次巡察指出的财务问题依然存在"),
    ("T12", "对上轮巡视指出问题整改成效不明显"),
]


def test_rules_recognise_usual_wording_not_in_the_bundled_notices():
    frame = pd.concat([_problem(title) for _, title in UNSEEN_TITLES], ignore_index=True)
    out = classify_problems(
        frame.assign(problem_no=pd.array(range(1, len(frame) + 1), dtype="Int64"))
    )
    expected = pd.Series([code for code, _ in UNSEEN_TITLES])
    got = out["theme_code"].astype("string")
    wrong = got.ne(expected) & got.ne(UNCLASSIFIED)
    assert not wrong.any(), (
        "rules put unseen problem statements into the wrong theme:\n"
        f"{pd.DataFrame({'expected': expected, 'got': got, 'title': out['title']})[wrong]}"
    )
    assert got.eq(expected).mean() >= AGREEMENT_FLOOR, (
        "the taxonomy only knows the bundled notices' wording; unseen statements left unclassified:\n"
        f"{out.loc[got.ne(expected), 'title'].tolist()}"
    )


def test_problem_matching_no_rule_stays_unclassified():
    out = classify_problems(_problem("天气晴朗，万里无云"))
    assert out.loc[0, "theme_code"] == UNCLASSIFIED, (
        "a problem no rule matches must not be forced into a theme"
    )
    assert pd.isna(out.loc[0, "runner_up_code"]) and pd.isna(out.loc[0, "runner_up_score"])
    assert pd.isna(out.loc[0, "theme_confidence"]), "an unclassified problem has no confidence"


def test_title_outweighs_a_long_rectification_text():
    text = "开展科普宣传、科普讲座，建设科普教育基地和科技馆，推进科普e站和全民科学素质。" * 5
    out = classify_problems(_problem("三会一课制度执行不严格", text=text))
    assert out.loc[0, "theme_code"] == "T09", (
        "a 三会一课 title should decide the theme even when the rectification text is all about 科普; "
        f"got {out.loc[0, 'theme_code']} with evidence {out.loc[0, 'theme_evidence']}"
    )
    assert out.loc[0, "runner_up_code"] == "T03"
    assert out.loc[0, "runner_up_score"] <= load_taxonomy().text_cap, (
        "the text's contribution is capped"
    )
    assert out.loc[0, "theme_confidence"] == "high"


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("weight: 2\n", "weight: -1\n", 1), "rule 2"),
        (("- regex: 科技馆", "- regex: 科技馆(", 1), "does not compile"),
        (("- term: 科普e站", "- word: 科普e站", 1), "unknown key"),
        (("unit_kinds: [科协]", "unit_kinds: [科学院]", 1), "unknown unit kind '科学院'"),
        (("weight: 1\n", "weight: 1\n        within: 5\n", 1), "`within` only goes with `near`"),
    ],
)
def test_malformed_taxonomy_errors_name_theme_and_rule(tmp_path, edit, expected):
    old, new, nth = edit
    text = DEFAULT_TAXONOMY.read_text(encoding="utf-8")
    t03 = text.index("code: T03")
    at = t03
    for _ in range(nth):
        at = text.index(old, at + 1)
    broken = tmp_path / "taxonomy.yml"
    broken.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    with pytest.raises(TaxonomyError) as err:
        load_taxonomy(broken)
    message = str(err.value)
    assert "T03" in message and expected in message, (
        f"an editor who broke a T03 rule should be told which theme and rule; got: {message}"
    )


def test_crosstab_counts_every_problem_once_per_association(corpus):
    table = category_crosstab(corpus)
    assert list(table.columns) == ["association", "theme_code", "theme", "n", "share"]
    per_assoc = table.groupby("association")["n"].sum()
    expected = corpus.problems.groupby("association").size()
    pd.testing.assert_series_equal(
        per_assoc.sort_index().astype(int),
        expected.sort_index().astype(int),
        check_names=False,
        check_index_type=False,
    )
    shares = table.groupby("association")["share"].sum()
    assert ((shares - 1).abs() < 1e-9).all(), (
        f"theme shares should add to 1 per association: {shares}"
    )
    n_codes = table["theme_code"].nunique()
    assert len(table) == n_codes * len(per_assoc), (
        "the crosstab should keep zero cells for plotting"
    )


def test_aspect_titles_list_each_notices_own_headings(corpus):
    aspects = aspect_titles(corpus)
    totals = aspects.groupby("notice_id")["n_problems"].sum()
    expected = corpus.problems.groupby("notice_id").size()
    assert totals.sort_index().astype(int).tolist() == expected.sort_index().astype(int).tolist(), (
        "the 方面 headings should account for every problem of each notice"
    )
    numbered = aspects[aspects["aspect_no"].notna()]
    assert numbered["aspect_title"].notna().all(), "every numbered 方面 should show its own heading"
    assert numbered.groupby("notice_id")["aspect_no"].is_monotonic_increasing.all()
    assert set(aspects["association"]) == set(corpus.problems["association"])


# --- the scheme for every body: scopes, the title deciding, confidence -----------------------


def test_a_rule_scoped_to_a_kind_of_body_reads_only_that_kind():
    union = _theme("困难职工帮扶工作不够精准", unit_kind="工会")
    assert union["theme_code"] == "T04", (
        f"a 工会 serving its 职工 is T04; got {union['theme_code']} ({union['theme_evidence']})"
    )
    assert "职工" in union["theme_evidence"], "the 群团-scoped constituency word should fire"
    bureau = _theme("困难职工帮扶工作不够精准", unit_kind="政府部门")
    assert "title:职工" not in bureau["theme_evidence"], (
        "职工 is scoped to 群团 bodies; it must not count for a 政府部门"
    )


def test_a_body_of_unknown_kind_gets_only_the_general_rules():
    known = _theme("联系服务科技工作者不够紧密", unit_kind="科协")
    nameless = _problem("联系服务科技工作者不够紧密").drop(columns=["unit_kind", "association"])
    unknown = classify_problems(nameless)
    assert unknown["unit_kind"].isna().all()
    assert "科技工作者" in known["theme_evidence"]
    assert "科技工作者" not in str(unknown.loc[0, "theme_evidence"]), (
        "a problem whose body is of unknown kind must not get the 科协-only rules"
    )
    assert unknown.loc[0, "theme_code"] == "T04", "the general 联系服务 rule still applies"


def test_no_non_kexie_problem_gets_a_theme_from_a_kexie_word_alone():
    titles = ["科普e站运行不正常", "院士专家工作站作用发挥不明显", "科技工作者之家建设滞后"]
    for kind in ("文联", "政府部门", "学校", "医院", "企业"):
        for title in titles:
            row = _theme(title, unit_kind=kind)
            assert not any(
                w in row["theme_evidence"] for w in ("科普e站", "院士专家", "科技工作者")
            ), (
                f"{kind} problem '{title}' was classified by a 科协-specific word: "
                f"{row['theme_code']} ({row['theme_evidence']})"
            )


def test_unit_kind_comes_from_the_table_the_corpus_or_the_association_name(corpus):
    kinds = problem_unit_kinds(corpus)
    assert (kinds == "科协").all() and isinstance(kinds.dtype, pd.CategoricalDtype)
    bare = corpus.problems[["notice_id", "problem_no", "title"]].assign(association="丰川县教育局")
    assert (problem_unit_kinds(bare) == "政府部门").all(), "教育局 names a government department"
    nameless = corpus.problems[["notice_id", "problem_no", "title"]]
    assert problem_unit_kinds(nameless).isna().all(), "nothing says the kind: <NA>, general rules"


def test_the_title_decides_and_the_text_only_confirms():
    # the examples: a generic word of the rectification text used to decide the theme
    cases = [
        ("文旅市场监管不到位", "依法查办案件12起，约谈经营单位", "政府部门", "T15"),
        ("医保参保扩面缓慢", "结合乡村振兴开展入户宣传，推动应保尽保", "政府部门", "T13"),
        ("药品耗材集中采购执行不严格", "规范采购流程，完善采购台账", "医院", "T13"),
    ]
    for title, text, kind, expected in cases:
        row = _theme(title, text=text, unit_kind=kind)
        said = str(row["theme_evidence"])
        assert row["theme_code"] == expected and "title:" in said, (
            f"'{title}' ({kind}) should be {expected} from its own words; got "
            f"{row['theme_code']} {row['theme_confidence']} ({said})"
        )
        assert not any(item.startswith("text:") for item in said.split("; ")[:1]), (
            "the rectification text's words come after the statement's, if at all"
        )


def test_a_problem_without_title_evidence_is_low_confidence():
    text, aspect = "开展科普宣传进社区活动，建设科普e站", "履职尽责方面"
    row = _theme("有关情况", text=text, aspect=aspect)
    assert row["theme_code"] == "T03" and row["theme_confidence"] == "low", (
        "a theme read only from the rectification text must be marked low confidence; got "
        f"{row['theme_code']} {row['theme_confidence']}"
    )
    assert not row["theme_evidence"].startswith(("title:", "model"))
    vague = _theme("工作仍有短板", text=text, aspect=aspect)
    assert vague["theme_confidence"] == "low", (
        f"a vague statement gets no confident theme; got {vague.to_dict()}"
    )


def test_a_broad_aspect_heading_does_not_outvote_the_title():
    row = _theme(
        "对基层所属单位经费使用监督不到位", aspect="全面从严治党方面", unit_kind="政府部门"
    )
    assert row["theme_code"] != "T10", (
        "the 方面 heading 全面从严治党 spans many problems; the title's own words must decide"
    )


def test_title_evidence_beats_group_evidence():
    row = _theme(
        "督促科普教育基地向公众开放力度不足", group="意识形态工作责任制落实不到位，阵地管理不严"
    )
    assert row["theme_code"] == "T03", (
        f"the problem statement names 科普教育基地; got {row['theme_code']} ({row['theme_evidence']})"
    )


def _scheme(tmp_path: Path, rules: str) -> Path:
    path = tmp_path / "scheme.yml"
    path.write_text(
        "themes:\n  - code: A\n    name: 甲\n    definition: 测试\n    rules:\n" + rules,
        encoding="utf-8",
    )
    return path


def test_near_any_of_and_lists_of_terms(tmp_path):
    scheme = _scheme(
        tmp_path,
        "      - term: [教辅, 校服]\n        weight: 1\n"
        "      - regex: 风险\n        weight: 2\n        near: [经费]\n        within: 4\n"
        "      - term: 讲座\n        weight: 4\n        any_of: [审批, 把关]\n",
    )
    frame = pd.concat(
        [
            _problem("校服征订不规范"),
            _problem("经费管理风险"),
            _problem("经费管理制度健全，但是存在风险"),
            _problem("讲座审批不严"),
            _problem("讲座次数偏少"),
        ],
        ignore_index=True,
    ).assign(problem_no=pd.array(range(1, 6), dtype="Int64"))
    out = classify_problems(frame, taxonomy_path=scheme)
    assert out["theme_score"].tolist() == [3.0, 6.0, 0.0, 12.0, 0.0], (
        "term lists fire on any of their terms; near needs the term within 4 characters; any_of "
        f"needs one of its terms too: {out[['title', 'theme_score', 'theme_evidence']]}"
    )
    assert out.loc[0, "theme_evidence"] == "title:校服(×3)"


def test_crosstab_by_kind_of_body_and_by_a_notice_column(corpus):
    by_kind = category_crosstab(corpus, by="unit_kind")
    assert set(by_kind["unit_kind"]) == {"科协"} and by_kind["n"].sum() == len(corpus.problems)
    by_level = category_crosstab(corpus, by="level")
    assert set(by_level["level"]) == set(corpus.notices["level"].dropna())


def test_literal_anchors_never_hide_a_match(corpus):
    """Rules are screened by literal anchors; every regex match must contain one of them."""
    texts = [
        str(v)
        for col in ("title", "group_title", "aspect_title", "text")
        for v in corpus.problems[col].dropna()
    ]
    for theme in load_taxonomy().themes:
        for rule in theme.rules:
            if rule.anchors is None:
                continue
            for text in texts:
                for m in rule.pattern.finditer(text):
                    assert any(a in m.group(0) for a in rule.anchors), (
                        f"{theme.code} {rule.source}: match '{m.group(0)}' has none of the "
                        f"anchors {rule.anchors}; the screen would hide it"
                    )
