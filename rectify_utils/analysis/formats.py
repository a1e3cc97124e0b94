"""How rates, counts, dates and labels read in the reports' sentences and tables.

A rate that cannot be computed (no status stated) reads as "not stated", never as 0 %; a rate
is shown with the counts it rests on ("0 / 4 已说明，7 未说明"); a date the parser inferred
says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

#: a completion rate where no problem states its status
NOT_STATED_RATE = "未说明 not stated"
#: a date the notice does not give
NOT_STATED_DATE = "未写明"
#: the statuses as the reports name them
STATUS_NAMES = {"completed": "已完成", "in_progress": "整改中", "not_stated": "未说明"}
#: where a notice's as-of date comes from (``notices.as_of_source``), as the reports name it
AS_OF_SOURCES = {
    "publish_date": "发布日期",
    "截至": "截至日期",
    "latest_date": "推断：文中最晚的日期",
    "none": "无日期",
}
#: as-of sources that are the parser's inference, not a date the notice gives as its own
INFERRED_SOURCES = frozenset({"latest_date"})
#: the items of ``audit.self_audit``, as the reports name them
CLAIM_ITEMS = {
    "aspects": "方面数",
    "problems": "问题数",
    "completed": "已完成数",
    "ongoing": "未完成数",
    "measures": "措施数",
    "rules": "制度数",
    "groups": "问题类数",
}


def format_rate(rate: Any) -> str:
    """A rate for display: ``0.79`` → ``"79%"``; missing → ``NOT_STATED_RATE``.

    Parameters
    ----------
    rate
        A share between 0 and 1, or a missing value (None, NaN, ``<NA>``).

    Returns
    -------
    str
    """
    return NOT_STATED_RATE if pd.isna(rate) else f"{rate:.0%}"


def format_counts(completed: Any, stated: Any, not_stated: Any) -> str:
    """The counts a completion rate rests on: ``"0 / 4 已说明，7 未说明"``.

    Parameters
    ----------
    completed
        Problems stated as completed.
    stated
        Problems with a stated status (completed + in progress): the denominator.
    not_stated
        Problems whose status the notice does not state (outside the denominator).

    Returns
    -------
    str
        ``completed / stated 已说明``, then ``，n 未说明`` when any problem states no status.
    """
    text = f"{int(completed)} / {int(stated)} 已说明"
    return text + (f"，{int(not_stated)} 未说明" if not_stated and int(not_stated) else "")


def format_rate_with_counts(completed: Any, stated: Any, not_stated: Any) -> str:
    """A completion rate with its numerator, denominator and unstated count.

    Parameters
    ----------
    completed, stated, not_stated
        As for ``format_counts``.

    Returns
    -------
    str
        ``"0%（0 / 4 已说明，7 未说明）"``; ``"未说明（0 / 0 已说明，6 未说明）"`` when no
        problem states its status.
    """
    rate = completed / stated if stated else None
    shown = "未说明" if rate is None else f"{rate:.0%}"
    return f"{shown}（{format_counts(completed, stated, not_stated)}）"


def format_day(value: Any) -> str:
    """A date for a sentence, ``2024-05-16``; missing → ``NOT_STATED_DATE``.

    Parameters
    ----------
    value
        Anything ``pd.Timestamp`` reads, or a missing value.

    Returns
    -------
    str
    """
    return NOT_STATED_DATE if pd.isna(value) else f"{pd.Timestamp(value):%Y-%m-%d}"


def is_inferred(as_of_source: Any) -> bool:
    """Whether an as-of date is the parser's inference rather than a date the notice gives.

    Parameters
    ----------
    as_of_source
        A value of ``notices.as_of_source`` (or missing).

    Returns
    -------
    bool
        True for ``latest_date`` (the latest date anywhere in the text, e.g. a meeting inside a
        measure, taken when the notice gives neither a publication nor a `截至` date).
    """
    return not pd.isna(as_of_source) and str(as_of_source) in INFERRED_SOURCES


def format_as_of(value: Any, as_of_source: Any) -> str:
    """An as-of date with where it comes from: ``2024-10-31（推断：文中最晚的日期）``.

    Parameters
    ----------
    value
        The as-of date, or missing.
    as_of_source
        Its ``as_of_source``.

    Returns
    -------
    str
        The day, then the source in brackets (``AS_OF_SOURCES``); ``NOT_STATED_DATE`` without
        a date.
    """
    if pd.isna(value):
        return NOT_STATED_DATE
    source = "none" if pd.isna(as_of_source) else str(as_of_source)
    return f"{format_day(value)}（{AS_OF_SOURCES.get(source, source)}）"


def join_names(names: Sequence[Any], quote: bool = False) -> str:
    """Names joined the Chinese way: ``甲、乙``; quoted as ``「甲」「乙」`` for terms and themes.

    Parameters
    ----------
    names
        The names, in order.
    quote
        Put each in 「」.

    Returns
    -------
    str
    """
    if quote:
        return "".join(f"「{n}」" for n in names)
    return "、".join(str(n) for n in names)


#: column name → the label a report table shows (the name itself is the header's tooltip)
FIELD_LABELS = {
    # notices
    "notice_id": "通报", "association": "单位简称", "organisation": "被巡察单位",
    "unit_kind": "单位类别", "title": "标题", "province": "省份", "region": "市县",
    "city": "市", "county": "县区", "level": "层级", "inspector": "巡察组",
    "inspection_start": "巡察开始", "inspection_end": "巡察结束", "feedback_date": "反馈日期",
    "publish_date": "发布日期", "as_of_date": "通报日期", "as_of_source": "通报日期来源",
    "disclosure_start": "公开起始", "disclosure_end": "公开截止",
    "problems_itemised": "逐项列出问题", "n_aspects": "方面数", "n_problems": "问题数",
    "n_measures": "措施数", "n_unassigned": "未归属段落", "n_chars": "字符数",
    "claimed_aspects": "自报方面数", "claimed_groups": "自报问题类数",
    "claimed_measures": "自报措施数", "claimed_rules": "自报制度数",
    "claimed_basically_completed": "自报基本完成", "claims_evidence": "自述依据", "claims_conflicts": "自述前后不一", "encoding": "编码",
    "source_path": "文件", "date_evidence": "日期依据", "doc_kind": "文件类型",
    # skipped, unassigned, spans
    "path": "文件", "reason": "原因", "text": "文字", "char_start": "起始字符",
    "char_end": "结束字符",
    # timeline
    "days_inspection": "巡察天数", "days_feedback_to_as_of": "反馈到通报（天）",
    "limit_days": "时限（天）", "within_limit": "在时限内", "as_of_inferred": "通报日期为推断",
    # self-audit
    "item": "项目", "claimed": "自述", "parsed": "解析", "agrees": "一致", "evidence": "依据",
    "conflicting": "通报前后不一", "note": "解析口径",
    # problems and themes
    "problem_no": "问题序号", "label": "编号", "aspect_no": "方面序号", "aspect_title": "方面",
    "group_title": "分组", "status": "状态", "status_evidence": "状态依据",
    "status_marker": "状态标注", "deadline": "完成时限", "deadline_evidence": "时限依据",
    "theme": "主题", "theme_code": "主题代码", "theme_score": "主题得分",
    "theme_evidence": "主题依据", "runner_up_theme": "次选主题", "runner_up_score": "次选得分",
    "n": "个数", "share": "占比", "problems": "问题",
    "theme_confidence": "主题置信度", "runner_up_code": "次选主题代码",
    "n_high": "高置信度", "n_low": "低置信度", "n_unclassified": "未归类",
    "share_high": "高置信度占比",
    # crosstab statistics
    "expected": "期望个数", "residual": "标准化残差", "adjusted_residual": "调整残差",
    "deviation": "偏离", "chi2": "χ²", "df": "自由度", "p_monte_carlo": "蒙特卡洛 p",
    "cramers_v": "Cramér's V", "share_expected_below_5": "期望 < 5 的单元格占比",
    "n_groups": "组数", "n_themes": "主题数", "min_expected": "最小期望个数",
    "significant": "显著",
    # completion
    "n_completed": "已完成", "n_in_progress": "整改中", "n_not_stated": "未说明",
    "completion_rate_of_stated": "完成率（占已说明）",
    "completion_rate_of_all": "完成率（占全部）", "rate_with_counts": "完成 / 已说明",
    "n_completed_from_summary": "仅据总述完成", "claimed_problems": "自报问题数",
    "problems_match": "问题数一致", "claimed_completed": "自报已完成",
    "completed_match": "已完成数一致", "claimed_ongoing": "自报未完成",
    "ongoing_match": "未完成数一致", "claims_differ": "自报与解析不一致",
    "days_overdue": "超期天数", "overdue": "已超期",
    # terms
    "term": "词", "rank": "排名", "n_target": "本单位次数", "n_reference": "其他单位次数",
    "statistic": "G²", "p": "p 值", "effect": "偏向", "n_associations": "单位数",
    "associations": "单位",
    # recurring pairs
    "notice_id_a": "通报 A", "problem_no_a": "问题序号 A", "association_a": "单位 A",
    "title_a": "问题 A", "notice_id_b": "通报 B", "problem_no_b": "问题序号 B",
    "association_b": "单位 B", "title_b": "问题 B", "similarity": "相似度",
    "shared_terms": "共同词",
    # keywords in context
    "field": "项目", "left": "前文", "keyword": "关键词", "right": "后文",
    # concreteness
    "text_chars": "整改文字字数", "fact_chars": "事实字数", "stock_chars": "套话字数",
    "fact_share": "事实占比", "stock_share": "套话占比", "n_date": "日期", "n_count": "计数",
    "n_money": "金额", "n_document": "文件", "n_facts": "事实合计", "phrase": "短语",
    "n_occurrences": "出现次数", "amount_yuan": "金额（元）", "context": "上下文",
    "document": "文件名", "verb": "动词", "issued": "写明出台",
    # profile card
    "value": "内容", "notice_label": "通报（单位与年份）", "n_rounds": "轮次数",
}  # fmt: skip
#: column → the names its values are shown by
VALUE_LABELS: dict[str, dict[str, str]] = {
    "status": STATUS_NAMES,
    "as_of_source": AS_OF_SOURCES,
    "item": CLAIM_ITEMS,
    "field": FIELD_LABELS,
    "effect": {"target": "本单位多用", "reference": "其他单位多用"},
    "theme_confidence": {"high": "高", "low": "低"},
    "deviation": {"over": "偏多", "under": "偏少"},
}
#: columns holding a share between 0 and 1, shown as a percentage
SHARE_COLUMNS = frozenset(
    {
        "share", "fact_share", "stock_share", "completion_rate_of_stated", "completion_rate_of_all",
        "share_high", "share_expected_below_5",
    }
)  # fmt: skip
