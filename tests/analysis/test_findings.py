"""The sentences the reports print, on the bundled corpus and on small tables built by hand: every
rate with its numerator, denominator and unstated count, every tie named, an inferred date said
to be inferred and kept out of the time limit, a notice that contradicts itself flagged."""

from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pytest

from rectify_utils.analysis import findings
from rectify_utils.analysis.audit import self_audit
from rectify_utils.analysis.comparison import (
    completion_by_theme,
    cross_association_pairs,
    key_terms,
    key_terms_by_association,
    keyword_contexts,
    top_terms_by_association,
)
from rectify_utils.analysis.completion import completion_table, open_problems
from rectify_utils.analysis.concreteness import (
    concreteness,
    documents_table,
    money_table,
    stock_phrases,
)
from rectify_utils.analysis.overview import (
    largest_associations,
    notice_metadata,
    report_timeline,
    span_coverage,
)
from rectify_utils.analysis.terms import shared_terms
from rectify_utils.analysis.theme_stats import (
    confidence_counts,
    crosstab_statistics,
    low_confidence_problems,
    unclassified_problems,
)
from rectify_utils.analysis.themes import aspect_titles, category_crosstab, classify_problems

KWIC_TERMS = ["三会一课", "第一议题"]

# What the reports print on the bundled notices.
BUNDLED = {
    "corpus_size": "5 份通报 / notices, 80 个问题 / problems",
    "notices_read": "5 份通报来自 3 个省份的 5 个单位（科协 5 个），层级：区县 4 份、地市 1 份；"
    "巡察反馈时间在 2022–2024 年。",
    "nothing_lost": "跳过 0 个文件；未归属段落 0 段；解析片段覆盖 29,179 / 29,179 个字符（全部覆盖）。",
    "report_timing": "5 / 5 份通报的反馈和通报日期都可确定，其中 1 份未写明通报日期，取文中最晚的日期推断"
    "（东营市科协（dongying-2024）按推断日期计 69 天），不与时限比较；按写明的日期，0 / 4 份在 60 天内"
    "通报整改进展，反馈到通报的中位数为 116 天（93–159 天）。",
    "outline_totals": "共 80 个问题、184 条措施；问题最多的是新野县科协（31 个）；1 份通报没有“方面”一级。",
    "self_audit_agreement": "3 / 5 份通报对自身作了 10 项数字陈述，其中 8 项与解析结果一致，不一致的："
    "新野县科协（xinye-2024）措施数：自述 75，解析 74；新野县科协（xinye-2024）制度数：自述 9，解析 7；"
    "通报自相矛盾的：新野县科协（xinye-2024）问题数前后写作 11、31；东营市科协、立山区科协没有自述任何数字。",
    "aspect_organisation": "4 / 5 份通报按“方面”组织问题，方面数 3–4 个；没有方面标题的：立山区科协。",
    "lowest_completion": "5 个单位中，已说明状态的问题里 79%（53 / 67 已说明，13 未说明）已完成整改；"
    "完成率最低的是东营市科协 0%（0 / 4 已说明，7 未说明）；"
    "立山区科协未说明任何问题的状态（记为“未说明”，不计为 0%）。",
    "claimed_totals_agreement": "2 / 5 个单位的通报自报了问题总数、完成数或在改数；自报数字与解析结果全部一致；"
    "新野县科协（xinye-2024）自报的数字前后不一（问题数写作 11、31）；26 个问题的“已完成”仅来自通报总述。",
    "still_open": "14 个问题仍在整改中，分属 3 个单位；其中 5 个写明了完成时限，0 个在通报日期时已超过时限。",
    "shared_top_terms": "2 个词同时位列全部 5 个单位的前 20 高频词：学习、组织。",
    "distinctive_terms": "各单位最突出的特有词（G²）：东营市科协「学会」(48.4, p=3e-12)；立山区科协「企业」"
    "(34.6, p=4e-09)；罗庄区科协「全体人员」(14.1, p=0.0002)；石龙区科协「科普」(22.1, p=3e-06)；"
    "新野县科协「财务」(24.8, p=6e-07)。",
    "shared_vocabulary": "538 个词至少出现在两个单位的通报中，其中 32 个出现在全部 5 个单位，最常用的是「组织」（87 次）。",
    "recurring_pairs": "相似度 ≥ 0.35 的跨单位问题对共 7 对，涉及 5 组单位；最相似的是东营市科协"
    "“党风廉政建设主体责任落实不到位”与石龙区科协“党风廉政建设主体责任压得不实”"
    "（0.64，共同词：党风廉政建设、主体责任、风险、廉政谈话、廉政）。",
    "keyword_hits": "「三会一课」出现 8 次，涉及 2 个单位；「第一议题」出现 7 次，涉及 3 个单位。",
    "money_total": "整改文字中共有 6 处金额，合计 43,327.46 元，出自 2 个单位的 4 个问题。",
    "issued_documents": "整改文字共提到 87 份文件，其中 36 份（41%）前面写明了“印发、制定、修订”等出台动词；"
    "最多的是新野县科协（15 份）。",
}
# Sentences on figures of the coding scheme and the stock-phrase analysis (themes, phrases,
# concreteness), which their own tests pin: here the sentence must read as it should.
PATTERNS = {
    "most_common_theme": r"在 5 个单位的 80 个问题中，(并列)?最常见的主题是(「[^」]+」)+（(各 )?\d+ 个，\d+%），"
    r"出现在 \d 个单位；未归类 \d+ 个。",
    "theme_review": r"80 个问题中 \d+ 个已归类；\d+ 个问题的次选主题得分达到首选的 80% 以上，归类值得人工复核。",
    "slowest_theme": r"按主题看，已说明状态的问题完成率(并列)?最低的是「[^」]+」 \d+%（\d+ / \d+ 已说明(，\d+ 未说明)?）"
    r"(、「[^」]+」 \d+%（\d+ / \d+ 已说明(，\d+ 未说明)?）)*；\d+ / \d+ 个主题已说明状态的问题全部完成"
    r"(，其中 \d+ 个主题另有未说明状态的问题)?。",
    "fact_share_range": r"可核查事实占整改文字的比例最高的是罗庄区科协（15%，79 处），最低的是石龙区科协"
    r"（4%，套话占 \d+%）。",
    "common_stock_phrase": r"\d+ 个 4 字短语出现在至少 3 个单位的整改文字中，最常见的是「[^」]+」"
    r"（\d 个单位，\d+ 次）。",
    "over_under_finding": r"比较 5 组（东营市科协、新野县科协、石龙区科协、立山区科协、罗庄区科协）："
    r"(偏多：.+|没有显著偏多的主题)；(偏少：.+|没有显著偏少的主题)（调整残差绝对值 ≥ 1\.96）。"
    r"整表 χ² = [\d.]+，自由度 \d+，p = [\d.]+（蒙特卡洛 p = [\d.]+），Cramér's V = [\d.]+；"
    r"\d+% 的单元格期望频数小于 5：问题太少，χ² 近似不可靠、Cramér's V 偏高，以蒙特卡洛 p 为准，"
    r"各单元格的偏多偏少只作提示。",
    "unclassified_finding": r"80 个问题中，\d+ 个的主题由问题表述确定、规则与范例模型一致（高置信度），"
    r"\d+ 个只有其一支持或只靠方面标题、整改内容（低置信度，表中标注），0 个未归类。",
    "unclassified_titles": r"没有未归类的问题：每个问题都有规则或范例模型的依据。",
    "low_confidence_themes": r"\d+ 个问题的主题置信度低（规则与范例模型不一致，或问题表述本身没有主题词、"
    r"主题来自方面、分组标题或整改内容），(并列)?最多的是(「[^」]+」)+（(各 )?\d+ 个）；表中列出依据和次选主题，"
    r"请核对。",
}

PROFILES = {
    "东营市科协": [
        "东营市科协：1 份通报（dongying-2024：市委第二巡察组于 2024-08-23 反馈），解析出 11 个问题、29 条措施。",
        r"11 个问题中：已完成 0、整改中 4、未说明 7；.*",
        "东营市科协已说明状态的问题中 0%（0 / 4 已说明，7 未说明）已完成；"
        "全部 5 个单位已说明状态的问题合计 79%（53 / 67 已说明，13 未说明）已完成。",
        "东营市科协有 25 个特有词在 p<0.01 水平上显著，最突出的是「学会」（本单位 17 次，其他单位 1 次）。",
        "东营市科协（dongying-2024）：巡察 2024-03-25 至 2024-06-07，2024-08-23 反馈，通报未写明日期，"
        "文中最晚的日期是 2024-10-31（推断），按它计相隔 69 天；推断的日期不与 60 天时限比较。",
    ],
    "立山区科协": [
        "立山区科协：1 份通报（lishan-2024：区委第一巡察组于 2024-06-27 反馈），解析出 6 个问题、0 条措施。",
        r"6 个问题中：已完成 0、整改中 0、未说明 6；.*",
        "立山区科协未说明任何问题的整改状态（不计为 0%）；"
        "全部 5 个单位已说明状态的问题合计 79%（53 / 67 已说明，13 未说明）已完成。",
        "立山区科协有 12 个特有词在 p<0.01 水平上显著，最突出的是「企业」（本单位 14 次，其他单位 14 次）。",
        "立山区科协（lishan-2024）：巡察 2024-03-15 至 2024-05-17，2024-06-27 反馈，"
        "2024-10-30（发布日期）通报，相隔 125 天，超出 60 天时限。",
    ],
    "新野县科协": [
        "新野县科协：1 份通报（xinye-2024：县委第三巡察组于 2024-05-16 反馈），解析出 31 个问题、74 条措施。",
        r"31 个问题中：已完成 26、整改中 5、未说明 0；.*",
        "新野县科协已说明状态的问题中 84%（26 / 31 已说明）已完成；"
        "全部 5 个单位已说明状态的问题合计 79%（53 / 67 已说明，13 未说明）已完成。",
        "新野县科协有 35 个特有词在 p<0.01 水平上显著，最突出的是「财务」（本单位 15 次，其他单位 1 次）。",
        "新野县科协（xinye-2024）：巡察 2024-02-26 至 2024-04-10，2024-05-16 反馈，"
        "2024-08-30（截至日期）通报，相隔 106 天，超出 60 天时限。",
    ],
}


@pytest.fixture(scope="module")
def bundled(corpus) -> dict[str, findings.Finding]:
    """Every corpus-wide finding, computed as the notebooks compute it."""
    table = completion_table(corpus, by="association")
    concrete = concreteness(corpus, by="association", min_associations=3)
    return {
        "corpus_size": findings.corpus_size(corpus),
        "notices_read": findings.notices_read(notice_metadata(corpus)),
        "nothing_lost": findings.nothing_lost(
            corpus.skipped, corpus.unassigned, span_coverage(corpus)
        ),
        "report_timing": findings.report_timing(report_timeline(corpus)),
        "outline_totals": findings.outline_totals(corpus.notices),
        "self_audit_agreement": findings.self_audit_agreement(self_audit(corpus)),
        "most_common_theme": findings.most_common_theme(
            category_crosstab(corpus, by="association")
        ),
        "aspect_organisation": findings.aspect_organisation(aspect_titles(corpus)),
        "theme_review": findings.theme_review(classify_problems(corpus)),
        "lowest_completion": findings.lowest_completion(table),
        "slowest_theme": findings.slowest_theme(completion_by_theme(corpus)),
        "claimed_totals_agreement": findings.claimed_totals_agreement(table, corpus.notices),
        "still_open": findings.still_open(open_problems(corpus)),
        "shared_top_terms": findings.shared_top_terms(top_terms_by_association(corpus, 20), 20),
        "distinctive_terms": findings.distinctive_terms(key_terms_by_association(corpus, 8)),
        "shared_vocabulary": findings.shared_vocabulary(
            shared_terms(corpus, min_associations=2), len(corpus.associations)
        ),
        "recurring_pairs": findings.recurring_pairs(cross_association_pairs(corpus)),
        "keyword_hits": findings.keyword_hits(keyword_contexts(corpus, KWIC_TERMS, 15), KWIC_TERMS),
        "fact_share_range": findings.fact_share_range(concrete),
        "common_stock_phrase": findings.common_stock_phrase(stock_phrases(corpus), 4, 3),
        "money_total": findings.money_total(money_table(corpus)),
        "issued_documents": findings.issued_documents(documents_table(corpus)),
        "over_under_finding": findings.over_under_finding(*crosstab_statistics(corpus)),
        "unclassified_finding": findings.unclassified_finding(confidence_counts(corpus)),
        "unclassified_titles": findings.unclassified_titles(unclassified_problems(corpus)),
        "low_confidence_themes": findings.low_confidence_themes(low_confidence_problems(corpus)),
    }


# --- the bundled corpus ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(BUNDLED))
def test_each_report_sentence_on_the_bundled_notices(bundled, name):
    assert str(bundled[name]) == BUNDLED[name], (
        f"the report's sentence from findings.{name} changed"
    )


@pytest.mark.parametrize("name", list(PATTERNS))
def test_stock_phrase_sentences_state_their_figures(bundled, name):
    assert re.fullmatch(PATTERNS[name], str(bundled[name])), str(bundled[name])


def test_every_public_finding_is_covered_by_a_bundled_sentence():
    public = {
        n
        for n, f in vars(findings).items()
        if callable(f)
        and getattr(f, "__module__", "") == findings.__name__
        and not n.startswith("_")
    }
    profile = {"association_notices", "association_problems", "association_completion"}
    profile |= {"association_key_terms", "association_timeline"}
    assert public - {"Finding"} == set(BUNDLED) | set(PATTERNS) | profile


def test_bundled_numbers_are_the_figures_the_sentences_state(bundled):
    assert bundled["lowest_completion"].numbers["n_stated"] == 67
    assert bundled["lowest_completion"].numbers["overall_rate"] == pytest.approx(53 / 67)
    assert bundled["lowest_completion"].numbers["lowest"] == "东营市科协"
    assert bundled["lowest_completion"].numbers["silent"] == ["立山区科协"]
    assert bundled["report_timing"].numbers == {
        "n_known": 5,
        "n_notices": 5,
        "n_stated": 4,
        "n_inferred": 1,
        "inferred": [("东营市科协", "dongying-2024", 69)],
        "n_within_limit": 0,
        "limit_days": 60,
        "median_days": 115.5,
        "min_days": 93,
        "max_days": 159,
    }
    assert (
        bundled["nothing_lost"].numbers["n_covered"] == bundled["nothing_lost"].numbers["n_chars"]
    )
    assert bundled["recurring_pairs"].numbers["threshold"] == 0.35
    assert bundled["recurring_pairs"].numbers["n_links"] == 5
    assert bundled["self_audit_agreement"].numbers["differ"] == [
        ("新野县科协", "xinye-2024", "measures", 75, 74),
        ("新野县科协", "xinye-2024", "rules", 9, 7),
    ]
    assert bundled["keyword_hits"].numbers["hits"] == {"三会一课": (8, 2), "第一议题": (7, 3)}
    assert bundled["money_total"].numbers["total_yuan"] == pytest.approx(43327.46)


@pytest.mark.parametrize("association", list(PROFILES))
def test_profile_sentences_read_as_before_for_each_association(corpus, association):
    own = corpus.select([association])
    table = completion_table(corpus, by="association")
    got = [
        findings.association_notices(own.notices, association),
        findings.association_problems(classify_problems(own)),
        findings.association_completion(table, association),
        findings.association_key_terms(key_terms(corpus, association), association, 15),
        findings.association_timeline(report_timeline(corpus), association),
    ]
    # the second sentence names the themes, which the coding scheme decides: a pattern
    texts = [str(f) for f in got]
    assert re.fullmatch(PROFILES[association][1], texts[1]), texts[1]
    assert re.search(r"(并列)?最多的主题是(「[^」]+」)+（(各 )?\d+ 个）。$", texts[1]), texts[1]
    assert texts[:1] + texts[2:] == PROFILES[association][:1] + PROFILES[association][2:]


# --- Finding ----------------------------------------------------------------------------------


def test_a_finding_prints_as_its_sentence_and_its_numbers_are_read_only():
    finding = findings.Finding("3 个问题。", {"n": 3})
    assert str(finding) == "3 个问题。"
    assert finding.numbers == {"n": 3}
    with pytest.raises(TypeError):
        finding.numbers["n"] = 4  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.text = "other"  # type: ignore[misc]


# --- hand-built tables: completion ------------------------------------------------------------


def completion(rows: list[tuple[str, int, int, int]], **extra) -> pd.DataFrame:
    """A completion table: (association, completed, in progress, not stated) per row."""
    table = pd.DataFrame(
        rows, columns=["association", "n_completed", "n_in_progress", "n_not_stated"]
    ).astype({"n_completed": "Int64", "n_in_progress": "Int64", "n_not_stated": "Int64"})
    stated = table["n_completed"] + table["n_in_progress"]
    table["completion_rate_of_stated"] = (table["n_completed"] / stated.replace(0, pd.NA)).astype(
        "Float64"
    )
    table["n_problems"] = stated + table["n_not_stated"]
    table["claims_differ"] = pd.array(
        extra.get("claims_differ", [pd.NA] * len(rows)), dtype="boolean"
    )
    table["n_completed_from_summary"] = pd.array(
        extra.get("from_summary", [0] * len(rows)), dtype="Int64"
    )
    return table


def test_lowest_completion_names_every_tied_association_with_its_counts():
    finding = findings.lowest_completion(
        completion([("甲科协", 1, 1, 0), ("乙科协", 2, 2, 0), ("丙科协", 4, 0, 0)])
    )
    assert finding.text == (
        "3 个单位中，已说明状态的问题里 70%（7 / 10 已说明）已完成整改；"
        "完成率并列最低的是甲科协 50%（1 / 2 已说明）、乙科协 50%（2 / 4 已说明）。"
    )
    assert finding.numbers["tied"] == ["甲科协", "乙科协"]


def test_lowest_completion_states_what_a_low_rate_rests_on():
    finding = findings.lowest_completion(completion([("东营市科协", 0, 4, 7), ("乙科协", 5, 0, 0)]))
    assert "完成率最低的是东营市科协 0%（0 / 4 已说明，7 未说明）" in finding.text, (
        "a reader must see that 0% rests on 4 problems with a stated status while 7 state none"
    )
    assert (finding.numbers["lowest_stated"], finding.numbers["lowest_not_stated"]) == (4, 7)


def test_lowest_completion_never_reads_an_association_without_statuses_as_zero():
    finding = findings.lowest_completion(completion([("甲科协", 0, 0, 5), ("乙科协", 0, 0, 2)]))
    assert finding.text == (
        "2 个单位都没有说明任何问题的整改状态；甲科协、乙科协未说明任何问题的状态（记为“未说明”，不计为 0%）。"
    )
    assert finding.numbers["overall_rate"] is None and finding.numbers["lowest"] is None


def test_lowest_completion_of_an_empty_table_says_nothing_was_stated():
    assert (
        findings.lowest_completion(completion([])).text == "0 个单位都没有说明任何问题的整改状态。"
    )


def test_slowest_theme_without_any_stated_status_says_so():
    by_theme = completion([("科普工作", 0, 0, 3)]).rename(columns={"association": "theme"})
    assert findings.slowest_theme(by_theme).text == "没有任何主题的问题说明了整改状态。"


def test_slowest_theme_counts_the_themes_that_are_all_done():
    by_theme = completion([("科普工作", 3, 1, 0), ("财务", 2, 0, 1), ("党建", 1, 1, 0)]).rename(
        columns={"association": "theme"}
    )
    finding = findings.slowest_theme(by_theme)
    assert finding.text == (
        "按主题看，已说明状态的问题完成率最低的是「党建」 50%（1 / 2 已说明）；"
        "1 / 3 个主题已说明状态的问题全部完成，其中 1 个主题另有未说明状态的问题。"
    )


def test_claimed_totals_agreement_names_the_associations_whose_claims_differ():
    table = completion(
        [("甲科协", 3, 0, 0), ("乙科协", 1, 1, 0), ("丙科协", 0, 0, 1)],
        claims_differ=[True, False, pd.NA],
        from_summary=[2, 0, 0],
    )
    finding = findings.claimed_totals_agreement(table)
    assert finding.text == (
        "2 / 3 个单位的通报自报了问题总数、完成数或在改数；与解析结果不一致的：甲科协；2 个问题的“已完成”仅来自通报总述。"
    )


def test_still_open_counts_only_deadlines_that_passed():
    rows = pd.DataFrame(
        {
            "association": ["甲科协", "甲科协", "乙科协"],
            "deadline": pd.to_datetime(["2024-06-30", None, "2024-12-31"]),
            "overdue": pd.array([True, pd.NA, False], dtype="boolean"),
        }
    )
    assert findings.still_open(rows).text == (
        "3 个问题仍在整改中，分属 2 个单位；其中 2 个写明了完成时限，1 个在通报日期时已超过时限。"
    )
    assert findings.still_open(rows.head(0)).numbers == {
        "n_open": 0,
        "n_associations": 0,
        "n_with_deadline": 0,
        "n_overdue": 0,
    }


def test_association_completion_without_any_stated_status_in_the_corpus():
    finding = findings.association_completion(completion([("甲科协", 0, 0, 4)]), "甲科协")
    assert (
        finding.text
        == "甲科协未说明任何问题的整改状态（不计为 0%）；语料中没有任何单位说明整改状态。"
    )


# --- hand-built tables: the overview ----------------------------------------------------------


def notices(**columns) -> pd.DataFrame:
    base = {
        "notice_id": ["a-2024", "b-2023"],
        "association": ["甲科协", "乙科协"],
        "province": ["河南省", "河南省"],
        "level": pd.Categorical(["区县", "区县"], categories=["区县", "地市", "省"]),
        "feedback_date": pd.to_datetime([None, None]),
        "n_aspects": pd.array([None, 3], dtype="Int64"),
        "n_problems": pd.array([4, 4], dtype="Int64"),
        "n_measures": pd.array([0, 6], dtype="Int64"),
        "inspector": [None, "县委第一巡察组"],
    }
    return pd.DataFrame({**base, **columns})


def test_notices_read_without_feedback_dates_says_none_is_given():
    assert findings.notices_read(notices()).text == (
        "2 份通报来自 1 个省份的 2 个单位，层级：区县 2 份；均未写明反馈日期。"
    )


def test_notices_read_gives_one_year_when_all_feedback_falls_in_it():
    table = notices(feedback_date=pd.to_datetime(["2024-01-02", "2024-05-06"]))
    assert findings.notices_read(table).text.endswith("巡察反馈时间在 2024 年。")


def test_outline_totals_with_tied_biggest_notices_names_both():
    finding = findings.outline_totals(notices())
    assert finding.text == (
        "共 8 个问题、6 条措施；问题并列最多的是甲科协、乙科协（各 4 个）；1 份通报没有“方面”一级。"
    )
    assert finding.numbers["tied"] == ["甲科协", "乙科协"]


def test_outline_totals_of_no_notices_names_no_biggest():
    assert (
        findings.outline_totals(notices().head(0)).text
        == "共 0 个问题、0 条措施；0 份通报没有“方面”一级。"
    )


def test_nothing_lost_warns_when_spans_miss_characters():
    skipped = pd.DataFrame({"path": ["/data/raw/scan.pdf"], "reason": ["no text layer"]})
    unassigned = pd.DataFrame({"notice_id": ["a"], "text": ["一段"]})
    coverage = pd.DataFrame({"notice_id": ["a"], "n_chars": [1200], "n_covered": [1100]})
    assert findings.nothing_lost(skipped, unassigned, coverage).text == (
        "跳过 1 个文件（scan.pdf: no text layer）；未归属段落 1 段；解析片段覆盖 1,100 / 1,200 个字符（有缺漏，请检查）。"
    )


def dates(days: list[int | None], limit: int = 60) -> pd.DataFrame:
    """A timeline table for one association's notices with the given days feedback → report."""
    day = pd.array(days, dtype="Int64")
    n = len(days)
    feedback = pd.to_datetime(["2024-01-10" if d is not None else None for d in days])
    return pd.DataFrame(
        {
            "notice_id": [f"n{i}" for i in range(n)],
            "association": ["甲科协"] * n,
            "inspection_start": pd.to_datetime(["2023-11-01"] * n),
            "inspection_end": pd.to_datetime(["2023-12-01"] * n),
            "feedback_date": feedback,
            "as_of_date": feedback + pd.to_timedelta(pd.Series(day, dtype="float"), unit="D"),
            "as_of_source": ["publish_date"] * n,
            "days_feedback_to_as_of": day,
            "limit_days": pd.array([limit] * n, dtype="Int64"),
            "within_limit": pd.array(
                [None if d is None else d <= limit for d in days], dtype="boolean"
            ),
        }
    )


def test_report_timing_without_both_dates_says_so():
    finding = findings.report_timing(dates([None]))
    assert finding.text == "没有一份通报同时写明反馈日期和通报日期。"
    assert finding.numbers["n_known"] == 0 and finding.numbers["limit_days"] == 60


def test_report_timing_states_the_limit_the_timeline_used():
    finding = findings.report_timing(dates([30, 100, None], limit=90))
    assert finding.text == (
        "2 / 3 份通报的反馈和通报日期都可确定；按写明的日期，1 / 2 份在 90 天内通报整改进展，"
        "反馈到通报的中位数为 65 天（30–100 天）。"
    )


def test_association_timeline_has_one_line_per_notice_within_or_beyond_the_limit():
    text = findings.association_timeline(dates([45, None]), "甲科协").text
    assert text.splitlines() == [
        "甲科协（n0）：巡察 2023-11-01 至 2023-12-01，2024-01-10 反馈，2024-02-24（发布日期）通报，相隔 45 天，在 60 天时限内。",
        "甲科协（n1）的通报缺少反馈或通报日期，无法与 60 天时限比较。",
    ]


def test_association_notices_without_inspector_or_feedback_date_say_not_stated():
    finding = findings.association_notices(notices().head(1), "甲科协")
    assert (
        finding.text
        == "甲科协：1 份通报（a-2024：巡察组未写明于 未写明 反馈），解析出 4 个问题、0 条措施。"
    )


def test_self_audit_agreement_does_not_count_incomparable_claims_as_mismatches():
    audit = pd.DataFrame(
        {
            "notice_id": ["a", "a", "b"],
            "association": ["甲科协", "甲科协", "乙科协"],
            "item": ["problems", "rules", "problems"],
            "claimed": pd.array([5, 3, None], dtype="Int64"),
            "parsed": pd.array([5, None, 4], dtype="Int64"),
            "agrees": pd.array([True, pd.NA, pd.NA], dtype="boolean"),
        }
    )
    finding = findings.self_audit_agreement(audit)
    assert (
        finding.text
        == "1 / 2 份通报对自身作了 2 项数字陈述，其中 1 项与解析结果一致；乙科协没有自述任何数字。"
    )
    assert finding.numbers["differ"] == []


# --- hand-built tables: themes ------------------------------------------------------------------


def crosstab(cells: dict[tuple[str, str], int]) -> pd.DataFrame:
    rows = [(a, t, n) for (a, t), n in cells.items()]
    table = pd.DataFrame(rows, columns=["association", "theme", "n"]).astype({"n": "Int64"})
    table["theme"] = pd.Categorical(table["theme"], categories=list(dict.fromkeys(table["theme"])))
    return table


def test_most_common_theme_with_a_tie_names_every_tied_theme():
    cells = {
        ("甲科协", "财务"): 2,
        ("乙科协", "财务"): 0,
        ("甲科协", "党建"): 1,
        ("乙科协", "党建"): 1,
    }
    finding = findings.most_common_theme(crosstab(cells))
    assert (
        finding.text
        == "在 2 个单位的 4 个问题中，并列最常见的主题是「财务」「党建」（各 2 个，50%），出现在 2 个单位；未归类 0 个。"
    )
    assert finding.numbers["tied"] == ["财务", "党建"]


def test_most_common_theme_without_problems_names_none():
    finding = findings.most_common_theme(crosstab({("甲科协", "财务"): 0}))
    assert finding.text == "在 1 个单位的 0 个问题中，没有最常见的主题。"


def test_aspect_organisation_when_no_notice_has_aspects():
    aspects = pd.DataFrame(
        {
            "notice_id": ["a"],
            "association": ["甲科协"],
            "aspect_no": pd.array([None], dtype="Int64"),
        }
    )
    assert (
        findings.aspect_organisation(aspects).text
        == "0 / 1 份通报按“方面”组织问题，方面数 0–0 个；没有方面标题的：甲科协。"
    )


def test_theme_review_counts_a_runner_up_at_exactly_the_ratio_as_close():
    classified = pd.DataFrame(
        {
            "theme": ["财务", "党建", "unclassified"],
            "theme_score": [10.0, 10.0, 0.0],
            "runner_up_score": [8.0, 7.9, float("nan")],
        }
    )
    finding = findings.theme_review(classified)
    assert (
        finding.text
        == "3 个问题中 2 个已归类；1 个问题的次选主题得分达到首选的 80% 以上，归类值得人工复核。"
    )
    assert findings.theme_review(classified, ratio=0.5).numbers["n_close"] == 2


# --- hand-built tables: terms and wording ------------------------------------------------------


def test_shared_top_terms_with_one_association_points_at_the_figure():
    frequent = pd.DataFrame({"association": ["甲科协"], "term": ["学习"], "n": [3]})
    assert findings.shared_top_terms(frequent, 20).text == "只有一个单位，前 20 高频词见上图。"


def test_shared_top_terms_lists_the_terms_in_every_association():
    frequent = pd.DataFrame(
        {
            "association": ["甲", "甲", "乙", "乙"],
            "term": ["组织", "学习", "组织", "财务"],
            "n": [3, 2, 2, 1],
        }
    )
    assert (
        findings.shared_top_terms(frequent, 2).text
        == "1 个词同时位列全部 2 个单位的前 2 高频词：组织。"
    )


def test_distinctive_terms_without_key_terms_says_there_is_nothing_to_compare():
    assert findings.distinctive_terms(pd.DataFrame(columns=["association", "term"])).text == (
        "只有一个单位，无法比较特有词。"
    )


def test_shared_vocabulary_when_no_term_is_in_every_association():
    shared = pd.DataFrame({"term": ["组织"], "n_associations": [2], "n": [5]})
    assert (
        findings.shared_vocabulary(shared, 3).text
        == "1 个词至少出现在两个单位的通报中，其中 0 个出现在全部 3 个单位。"
    )


def test_recurring_pairs_without_pairs_states_the_default_threshold():
    pairs = pd.DataFrame(columns=["association_a", "association_b", "similarity"])
    assert findings.recurring_pairs(pairs).text == "没有相似度 ≥ 0.35 的跨单位问题对。"
    assert (
        findings.recurring_pairs(pairs, threshold=0.5).text == "没有相似度 ≥ 0.5 的跨单位问题对。"
    )


def test_keyword_hits_reports_zero_for_a_term_never_found():
    contexts = pd.DataFrame({"keyword": ["三会一课"], "association": ["甲科协"]})
    finding = findings.keyword_hits(contexts, ["三会一课", "第一议题"])
    assert (
        finding.text
        == "「三会一课」出现 1 次，涉及 1 个单位；「第一议题」出现 0 次，涉及 0 个单位。"
    )
    assert findings.keyword_hits(contexts, []).text == "未指定关键词。"


def test_fact_share_range_without_text_and_with_tied_shares():
    empty = pd.DataFrame({"association": ["甲"], "fact_share": pd.array([None], dtype="Float64")})
    assert findings.fact_share_range(empty).text == "没有整改文字可供统计。"
    tied = pd.DataFrame(
        {
            "association": ["甲科协", "乙科协"],
            "fact_share": pd.array([0.1, 0.1], dtype="Float64"),
            "stock_share": pd.array([0.2, 0.3], dtype="Float64"),
            "n_facts": pd.array([4, 9], dtype="Int64"),
        }
    )
    finding = findings.fact_share_range(tied)
    assert finding.text == "甲科协、乙科协的整改文字中可核查事实的比例都是 10%。"
    assert finding.numbers["tied_most"] == finding.numbers["tied_least"] == ["甲科协", "乙科协"]


def test_common_stock_phrase_when_there_is_none():
    phrases = pd.DataFrame(columns=["phrase", "n_associations", "n_occurrences"])
    assert (
        findings.common_stock_phrase(phrases, 5, 2).text
        == "0 个 5 字短语出现在至少 2 个单位的整改文字中。"
    )


def test_money_total_without_sums_and_with_thousands():
    money = pd.DataFrame(
        {
            "notice_id": ["a", "a"],
            "association": ["甲科协", "甲科协"],
            "problem_no": [1, 1],
            "amount_yuan": pd.array([12000.5, 300.0], dtype="Float64"),
        }
    )
    assert (
        findings.money_total(money).text
        == "整改文字中共有 2 处金额，合计 12,300.50 元，出自 1 个单位的 1 个问题。"
    )
    assert findings.money_total(money.head(0)).text == "整改文字中没有写明金额。"


def test_issued_documents_without_documents_or_without_issuing_verbs():
    documents = pd.DataFrame(
        {"association": ["甲科协", "乙科协"], "issued": pd.array([False, pd.NA], dtype="boolean")}
    )
    assert (
        findings.issued_documents(documents).text
        == "整改文字共提到 2 份文件，其中 0 份（0%）前面写明了“印发、制定、修订”等出台动词。"
    )
    assert findings.issued_documents(documents.head(0)).text == "整改文字中没有提到任何《》文件。"


def test_association_problems_and_key_terms_when_there_is_nothing():
    empty = pd.DataFrame({"status": pd.Categorical([]), "theme": pd.Categorical([])})
    assert (
        findings.association_problems(empty).text
        == "通报没有逐项列出问题，无法按问题统计状态和主题。"
    )
    key = pd.DataFrame(columns=["term", "n_target", "n_reference", "statistic", "p", "effect"])
    assert (
        findings.association_key_terms(key, "甲科协").text
        == "无法比较特有词：语料中只有这一个单位，或这份通报没有逐项列出问题。"
    )


# --- honest headlines: inferred dates, contradictions, files beside the notices ----------------


def test_an_inferred_report_date_is_labelled_and_never_judged_against_the_limit():
    table = dates([69, 30])
    table["as_of_source"] = ["latest_date", "publish_date"]
    table["within_limit"] = pd.array([pd.NA, True], dtype="boolean")  # as report_timeline marks it
    line = findings.association_timeline(table, "甲科协").text.splitlines()[0]
    assert "（推断）" in line and "超出" not in line, (
        "an undated notice must not be said to be late on the strength of a date in one measure"
    )
    timing = findings.report_timing(table)
    assert timing.numbers["n_inferred"] == 1 and timing.numbers["n_stated"] == 1
    assert "按推断日期计 69 天" in timing.text and "1 / 1 份在 60 天内" in timing.text


def test_a_notice_that_states_a_total_two_ways_is_flagged():
    audit = pd.DataFrame(
        {
            "notice_id": ["x"],
            "association": ["乙科协"],
            "item": ["problems"],
            "claimed": pd.array([31], dtype="Int64"),
            "parsed": pd.array([31], dtype="Int64"),
            "agrees": pd.array([True], dtype="boolean"),
            "conflicting": pd.array(["11、31"], dtype="string"),
        }
    )
    finding = findings.self_audit_agreement(audit)
    assert "通报自相矛盾的：乙科协（x）问题数前后写作 11、31" in finding.text
    assert finding.numbers["conflicts"] == [("乙科协", "x", "problems", "11、31")]
    table = completion([("乙科协", 26, 5, 0)])
    notes = pd.DataFrame(
        {"notice_id": ["x"], "association": ["乙科协"], "claims_conflicts": ["problems：11、31"]}
    )
    claimed = findings.claimed_totals_agreement(table, notes)
    assert "乙科协（x）自报的数字前后不一（问题数写作 11、31）" in claimed.text


def test_a_summary_only_notice_reports_its_own_totals_as_unchecked():
    table = completion([("某某县残联", 0, 0, 0), ("乙科协", 3, 1, 0)])
    table["claimed_completed"] = pd.array([10, pd.NA], dtype="Int64")
    table["claimed_problems"] = pd.array([12, pd.NA], dtype="Int64")
    text = findings.association_completion(table, "某某县残联").text
    assert text.startswith(
        "某某县残联未说明任何问题的整改状态（不计为 0%），通报自述已完成 10 / 12"
    )
    assert "无法核对" in text


def test_files_beside_the_notices_are_named_but_not_counted_as_skipped():
    skipped = pd.DataFrame(
        {
            "path": ["/d/provenance.yml", "/d/scan.pdf"],
            "reason": ["unsupported file type '.yml' (supported: .txt)", "no text layer"],
        }
    )
    coverage = pd.DataFrame({"notice_id": ["a"], "n_chars": [10], "n_covered": [10]})
    finding = findings.nothing_lost(skipped, pd.DataFrame({"notice_id": []}), coverage)
    assert finding.text.startswith(
        "跳过 1 个文件（scan.pdf: no text layer），另有非通报格式的文件 provenance.yml 未读取"
    )
    assert finding.numbers["other_files"] == ["provenance.yml"]


def test_corpus_size_says_nothing_of_the_figures_when_they_draw_every_association(corpus):
    drawn = largest_associations(corpus, 20)
    assert str(findings.corpus_size(corpus, drawn)) == BUNDLED["corpus_size"]
    assert findings.corpus_size(corpus, drawn).numbers["n_left_out"] == 0


def test_corpus_size_names_the_associations_the_figures_leave_out_and_their_problems(corpus):
    drawn = largest_associations(corpus, 2)  # 新野县科协 31 and 罗庄区科协 21 of 80 problems
    finding = findings.corpus_size(corpus, drawn)
    assert finding.text == (
        "5 份通报 / notices, 80 个问题 / problems。共 5 个单位：每个单位一栏（一列、一条）的图只画"
        "问题最多的 2 个，其余 3 个单位（28 个问题）只在图下的表中 / figures with one panel per "
        "association draw the 2 with the most problems; the other 3 (28 problems) are in the "
        "tables beneath them"
    )
    assert finding.numbers["n_drawn"] == 2 and finding.numbers["n_problems_left_out"] == 28
