"""The sentences the reports print, each with the numbers it states.

Every function takes the table a report section shows (or the corpus) and returns a
``Finding``: ``text`` is the sentence, ``numbers`` the figures in it (plain Python values), and
``str(finding)`` is the sentence, so a notebook does ``print(findings.lowest_completion(table))``.

Where a sentence names "the highest" or "the lowest", it names every row that shares the
extreme value (``numbers["tied"]``, in table order; the first is ``numbers["lowest"]`` etc.). A
rate comes with the counts it rests on ("0 / 4 已说明，7 未说明"), and a date the parser inferred
is labelled as inferred.

Example
-------
>>> from rectify_utils import load_corpus
>>> from rectify_utils.analysis.completion import completion_table
>>> table = completion_table(load_corpus("data/raw"))
>>> finding = lowest_completion(table)
>>> finding.numbers["lowest"], finding.numbers["lowest_rate"], finding.numbers["lowest_stated"]
('东营市科协', 0.0, 4)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import pandas as pd

from ..parse.corpus import Corpus
from .audit import claim_conflicts
from .comparison import association_links, default_similarity_threshold, over_used
from .comparison import overall_completion_rate as _overall_rate
from .formats import (
    CLAIM_ITEMS,
    format_as_of,
    format_day,
    format_rate_with_counts,
    is_inferred,
    join_names,
)
from .overview import not_notice_files, skipped_names
from .review import REVIEW_RATIO, close_calls
from .theme_stats import RESIDUAL_LIMIT
from .timeline import DEFAULT_LIMIT_DAYS

RATE = "completion_rate_of_stated"
#: above this share of cells expecting fewer than 5 problems, the χ² p is not to be trusted
SMALL_EXPECTED_SHARE = 0.2


@dataclass(frozen=True)
class Finding:
    """One sentence of a report and the numbers it states.

    Parameters
    ----------
    text
        The sentence, as printed.
    numbers
        Name → value of every figure in the sentence (read-only).
    """

    text: str
    numbers: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "numbers", MappingProxyType(dict(self.numbers)))

    def __str__(self) -> str:
        return self.text


def _int(value: Any) -> int | None:
    """An integer, or None for a missing value."""
    return None if pd.isna(value) else int(value)


def _float(value: Any) -> float | None:
    """A float, or None for a missing value."""
    return None if pd.isna(value) else float(value)


def _ties(table: pd.DataFrame, column: str, value: Any, label: str) -> list[str]:
    """The ``label`` of every row whose ``column`` equals ``value`` (the extreme of a sentence)."""
    return [str(v) for v in table.loc[table[column].astype(float) == float(value), label]]


def _tied(names: list[str], quote: bool = False) -> str:
    """The rows sharing an extreme, named: ``甲科协`` or ``甲科协、乙科协``; ``「甲」「乙」``."""
    return join_names(names, quote=quote)


def _tie(names: list[str]) -> str:
    """``并列`` before a superlative shared by several rows (``并列最多的是…``), else nothing."""
    return "并列" if len(names) > 1 else ""


def _each(names: list[str]) -> str:
    """``各 `` before the count several tied rows share (``各 2 个``), else nothing."""
    return "各 " if len(names) > 1 else ""


def _group_label(table: pd.DataFrame) -> str:
    """The column naming a completion table's rows: ``notice_label`` (a body's rounds apart,
    `罗庄区科协（2022）`) where the table has it, else ``association``."""
    return "notice_label" if "notice_label" in table else "association"


def _limit_of(dates: pd.DataFrame) -> int:
    """The time limit a timeline table was computed with (its ``limit_days`` column)."""
    limits = dates["limit_days"].dropna() if "limit_days" in dates else pd.Series(dtype="Int64")
    return int(limits.iloc[0]) if len(limits) else DEFAULT_LIMIT_DAYS


# --- corpus overview ----------------------------------------------------------------------------


def corpus_size(corpus: Corpus, drawn: Sequence[str] | None = None) -> Finding:
    """How many notices and problems the corpus holds, and which associations the figures with
    one panel, column or bar per association leave out.

    Parameters
    ----------
    corpus
        The (selected) corpus.
    drawn
        The associations those figures draw (``overview.largest_associations``); None: every
        one.

    Returns
    -------
    Finding
        numbers: n_notices, n_problems, n_associations, n_drawn, n_left_out (associations
        not drawn) and n_problems_left_out (their problems). When some are left out the
        sentence says how many, with how many problems, and that the tables have them all.
    """
    n_notices, n_problems = len(corpus.notices), len(corpus.problems)
    names = corpus.associations
    kept = set(names) if drawn is None else set(drawn) & set(names)
    left_out = [name for name in names if name not in kept]
    problems_left_out = int(corpus.problems["association"].isin(left_out).sum())
    numbers = {
        "n_notices": n_notices,
        "n_problems": n_problems,
        "n_associations": len(names),
        "n_drawn": len(kept),
        "n_left_out": len(left_out),
        "n_problems_left_out": problems_left_out,
    }
    text = f"{n_notices} 份通报 / notices, {n_problems} 个问题 / problems"
    if left_out:
        text += (
            f"。共 {len(names)} 个单位：每个单位一栏（一列、一条）的图只画问题最多的 "
            f"{len(kept)} 个，其余 {len(left_out)} 个单位（{problems_left_out} 个问题）"
            f"只在图下的表中 / figures with one panel per association draw the {len(kept)} "
            f"with the most problems; the other {len(left_out)} ({problems_left_out} problems) "
            "are in the tables beneath them"
        )
    return Finding(text, numbers)


def notices_read(metadata: pd.DataFrame) -> Finding:
    """Where the notices come from: provinces, bodies and their kinds, levels, feedback years.

    Parameters
    ----------
    metadata
        Rows of ``overview.notice_metadata`` (or ``corpus.notices``).

    Returns
    -------
    Finding
        numbers: n_notices, n_provinces, n_associations, unit_kinds (kind → bodies), levels
        (level → notices), first_year, last_year (None without any feedback date),
        n_not_itemised (notices that list no problems item by item).
    """
    years = metadata["feedback_date"].dt.year.dropna().astype(int)
    levels = {str(k): int(v) for k, v in metadata["level"].value_counts().items() if v}
    kinds = metadata.drop_duplicates("association")["unit_kind"] if "unit_kind" in metadata else []
    unit_kinds = {str(k): int(v) for k, v in pd.Series(kinds).value_counts().items() if v}
    itemised = metadata.get("problems_itemised", pd.Series(True, index=metadata.index))
    numbers = {
        "n_notices": len(metadata),
        "n_provinces": int(metadata["province"].nunique()),
        "n_associations": int(metadata["association"].nunique()),
        "unit_kinds": unit_kinds,
        "levels": levels,
        "first_year": int(years.min()) if len(years) else None,
        "last_year": int(years.max()) if len(years) else None,
        "n_not_itemised": int((~itemised.fillna(True).astype(bool)).sum()),
    }
    span = "–".join(map(str, sorted({numbers["first_year"], numbers["last_year"]} - {None})))
    kinds_text = "、".join(f"{k} {v} 个" for k, v in unit_kinds.items())
    text = (
        f"{numbers['n_notices']} 份通报来自 {numbers['n_provinces']} 个省份的 "
        f"{numbers['n_associations']} 个单位"
        + (f"（{kinds_text}）" if kinds_text else "")
        + f"，层级：{'、'.join(f'{k} {v} 份' for k, v in levels.items())}；"
        + (f"巡察反馈时间在 {span} 年" if len(years) else "均未写明反馈日期")
        + (
            f"；其中 {numbers['n_not_itemised']} 份只有总述，未逐项列出问题。"
            if numbers["n_not_itemised"]
            else "。"
        )
    )
    return Finding(text, numbers)


def nothing_lost(
    skipped: pd.DataFrame, unassigned: pd.DataFrame, coverage: pd.DataFrame
) -> Finding:
    """Files skipped, paragraphs left unassigned, and characters the parsed spans cover.

    Files of a type that is no notice format at all (a ``provenance.yml`` beside the notices)
    are not counted as skipped; the sentence names them apart.

    Parameters
    ----------
    skipped
        ``corpus.skipped``.
    unassigned
        ``corpus.unassigned``.
    coverage
        Rows of ``overview.span_coverage``.

    Returns
    -------
    Finding
        numbers: n_skipped, skipped (file name, reason pairs), other_files (names of files of
        no notice format), n_unassigned, n_covered, n_chars, complete.
    """
    others = not_notice_files(skipped)
    names = [(n, r) for n, r in skipped_names(skipped) if n not in others]
    covered, total = int(coverage["n_covered"].sum()), int(coverage["n_chars"].sum())
    text = (
        f"跳过 {len(names)} 个文件"
        + (f"（{'；'.join(f'{name}: {reason}' for name, reason in names)}）" if names else "")
        + (f"，另有非通报格式的文件 {join_names(others)} 未读取" if others else "")
        + f"；未归属段落 {len(unassigned)} 段；解析片段覆盖 {covered:,} / {total:,} 个字符"
        + ("（全部覆盖）。" if covered == total else "（有缺漏，请检查）。")
    )
    numbers = {
        "n_skipped": len(names),
        "skipped": names,
        "other_files": others,
        "n_unassigned": len(unassigned),
        "n_covered": covered,
        "n_chars": total,
        "complete": covered == total,
    }
    return Finding(text, numbers)


def report_timing(dates: pd.DataFrame) -> Finding:
    """How many notices reported within the time limit, and the days feedback → report.

    Only dates the notice gives count against the limit; a notice whose as-of date the parser
    inferred (``as_of_source`` ``latest_date``: no publication or `截至` date, so the latest
    date anywhere in the text) is named apart, its days marked as inferred.

    Parameters
    ----------
    dates
        Rows of ``timeline.timeline``.

    Returns
    -------
    Finding
        numbers: n_known (notices with both dates), n_notices, n_stated (of those, with an
        as-of date the notice gives), n_inferred, inferred (association, notice_id, days per
        inferred one), n_within_limit (of the stated), limit_days, median_days, min_days,
        max_days (over the stated; None when none).
    """
    known = dates.dropna(subset=["days_feedback_to_as_of"])
    inferred_rows = known["as_of_source"].map(is_inferred).astype(bool)
    stated, guessed = known[~inferred_rows], known[inferred_rows]
    days = stated["days_feedback_to_as_of"]
    numbers = {
        "n_known": len(known),
        "n_notices": len(dates),
        "n_stated": len(stated),
        "n_inferred": len(guessed),
        "inferred": [
            (str(r.association), str(r.notice_id), _int(r.days_feedback_to_as_of))
            for r in guessed.itertuples()
        ],
        "n_within_limit": int(stated["within_limit"].sum()),
        "limit_days": _limit_of(dates),
        "median_days": _float(days.median()) if len(stated) else None,
        "min_days": _int(days.min()) if len(stated) else None,
        "max_days": _int(days.max()) if len(stated) else None,
    }
    if not len(known):
        return Finding("没有一份通报同时写明反馈日期和通报日期。", numbers)
    guessed_text = "；".join(f"{a}（{n}）按推断日期计 {d} 天" for a, n, d in numbers["inferred"])
    text = f"{len(known)} / {len(dates)} 份通报的反馈和通报日期都可确定"
    if len(guessed):
        text += (
            f"，其中 {len(guessed)} 份未写明通报日期，取文中最晚的日期推断（{guessed_text}），"
            "不与时限比较"
        )
    if len(stated):
        text += (
            f"；按写明的日期，{numbers['n_within_limit']} / {len(stated)} 份在 "
            f"{numbers['limit_days']} 天内通报整改进展，反馈到通报的中位数为 "
            f"{numbers['median_days']:.0f} 天（{numbers['min_days']}–{numbers['max_days']} 天）。"
        )
    else:
        text += "；没有一份通报写明了自己的日期。"
    return Finding(text, numbers)


def outline_totals(notices: pd.DataFrame) -> Finding:
    """Problems and measures in all, the notice(s) with most problems, notices without 方面.

    Parameters
    ----------
    notices
        ``corpus.notices``.

    Returns
    -------
    Finding
        numbers: n_problems, n_measures, biggest (association), biggest_problems, tied (every
        association with that many), n_without_aspects, n_not_itemised.
    """
    sizes = notices["n_problems"].astype(float)
    itemised = notices.get("problems_itemised", pd.Series(True, index=notices.index))
    not_itemised = ~itemised.fillna(True).astype(bool)
    numbers: dict[str, Any] = {
        "n_problems": int(notices["n_problems"].sum()),
        "n_measures": int(notices["n_measures"].sum()),
        "biggest": None,
        "biggest_problems": None,
        "tied": [],
        "n_without_aspects": int((notices["n_aspects"].isna() & ~not_itemised).sum()),
        "n_not_itemised": int(not_itemised.sum()),
    }
    biggest = ""
    if sizes.notna().any() and sizes.max() > 0:
        row = notices.loc[sizes.idxmax()]
        numbers["biggest"], numbers["biggest_problems"] = row["association"], int(row["n_problems"])
        numbers["tied"] = _ties(notices, "n_problems", row["n_problems"], "association")
        tied = numbers["tied"]
        biggest = (
            f"问题{_tie(tied)}最多的是{_tied(tied)}（{_each(tied)}{int(row['n_problems'])} 个）；"
        )
    text = (
        f"共 {numbers['n_problems']} 个问题、{numbers['n_measures']} 条措施；{biggest}"
        f"{numbers['n_without_aspects']} 份通报没有“方面”一级"
        + (
            f"；{numbers['n_not_itemised']} 份通报未逐项列出问题（只有总述）。"
            if numbers["n_not_itemised"]
            else "。"
        )
    )
    return Finding(text, numbers)


def self_audit_agreement(audit: pd.DataFrame) -> Finding:
    """How many of the totals the notices state about themselves match the parse, and which
    notices state one total two different ways.

    Parameters
    ----------
    audit
        Rows of ``audit.self_audit``.

    Returns
    -------
    Finding
        numbers: n_claiming (notices stating a total), n_notices, n_claims, n_agree,
        differ (association, notice_id, item, claimed, parsed per mismatch), conflicts
        (association, notice_id, item, the values it states), silent (associations stating
        none).
    """
    claimed = audit[audit["claimed"].notna()]
    differ = claimed[claimed["agrees"].eq(False).fillna(False).astype(bool)]  # <NA>: not comparable
    silent = audit.loc[~audit["notice_id"].isin(claimed["notice_id"]), "association"]
    silent = [str(a) for a in silent.unique().tolist()]
    mismatches = [
        (r.association, r.notice_id, str(r.item), _int(r.claimed), _int(r.parsed))
        for r in differ.itertuples()
    ]
    numbers = {
        "n_claiming": int(claimed["notice_id"].nunique()),
        "n_notices": int(audit["notice_id"].nunique()),
        "n_claims": len(claimed),
        "n_agree": int(claimed["agrees"].fillna(False).astype(bool).sum()),
        "differ": mismatches,
        "conflicts": _conflicts(audit),
        "silent": silent,
    }
    listed = "；".join(
        f"{a}（{nid}）{CLAIM_ITEMS.get(item, item)}：自述 {c}，解析 {p}"
        for a, nid, item, c, p in mismatches
    )
    text = (
        f"{numbers['n_claiming']} / {numbers['n_notices']} 份通报对自身作了 "
        f"{numbers['n_claims']} 项数字陈述，其中 {numbers['n_agree']} 项与解析结果一致"
        + (f"，不一致的：{listed}" if mismatches else "")
        + _conflicts_text(numbers["conflicts"])
        + (f"；{'、'.join(silent)}没有自述任何数字。" if silent else "。")
    )
    return Finding(text, numbers)


# --- issue categories ---------------------------------------------------------------------------


def most_common_theme(crosstab: pd.DataFrame) -> Finding:
    """The theme(s) with most problems, their share, how many associations have them,
    unclassified.

    Parameters
    ----------
    crosstab
        Rows of ``themes.category_crosstab(corpus, by="association")``.

    Returns
    -------
    Finding
        numbers: n_associations, n_problems, top_theme (the first of the tied), top_n,
        top_share, tied (every theme with ``top_n`` problems), n_present (associations with
        the first top theme), n_unclassified.
    """
    totals = crosstab.groupby("theme", observed=True)["n"].sum()
    n_problems, n_associations = int(totals.sum()), int(crosstab["association"].nunique())
    numbers: dict[str, Any] = {
        "n_associations": n_associations,
        "n_problems": n_problems,
        "n_unclassified": int(totals.get("unclassified", 0)),
    }
    if not n_problems:
        text = f"在 {n_associations} 个单位的 0 个问题中，没有最常见的主题。"
        return Finding(text, {**numbers, "top_theme": None, "top_n": 0, "top_share": None})
    top = totals.idxmax()
    tied = [str(t) for t in totals[totals == totals.max()].index]
    present = crosstab.loc[(crosstab["theme"].isin(tied)) & (crosstab["n"] > 0), "association"]
    numbers |= {
        "top_theme": str(top),
        "top_n": int(totals.max()),
        "top_share": float(totals.max() / totals.sum()),
        "tied": tied,
        "n_present": int(present.nunique()),
    }
    text = (
        f"在 {n_associations} 个单位的 {n_problems} 个问题中，{_tie(tied)}最常见的主题是"
        f"{_tied(tied, quote=True)}（{_each(tied)}{numbers['top_n']} 个，"
        f"{numbers['top_share']:.0%}），"
        f"出现在 {numbers['n_present']} 个单位；未归类 {numbers['n_unclassified']} 个。"
    )
    return Finding(text, numbers)


def aspect_organisation(aspects: pd.DataFrame) -> Finding:
    """How many notices group their problems under 方面, and how many 方面 they have.

    Parameters
    ----------
    aspects
        Rows of ``themes.aspect_titles``.

    Returns
    -------
    Finding
        numbers: n_with_aspects, n_notices, min_aspects, max_aspects (0 when none has 方面),
        without (associations whose notice has no 方面 heading).
    """
    per_notice = aspects.dropna(subset=["aspect_no"]).groupby("notice_id")["aspect_no"].nunique()
    without = aspects.loc[~aspects["notice_id"].isin(per_notice.index), "association"]
    without = [str(a) for a in without.unique().tolist()]
    numbers = {
        "n_with_aspects": len(per_notice),
        "n_notices": int(aspects["notice_id"].nunique()),
        "min_aspects": int(per_notice.min()) if len(per_notice) else 0,
        "max_aspects": int(per_notice.max()) if len(per_notice) else 0,
        "without": without,
    }
    text = (
        f"{numbers['n_with_aspects']} / {numbers['n_notices']} 份通报按“方面”组织问题，"
        f"方面数 {numbers['min_aspects']}–{numbers['max_aspects']} 个"
        + (f"；没有方面标题的：{'、'.join(without)}。" if without else "。")
    )
    return Finding(text, numbers)


def theme_review(classified: pd.DataFrame, ratio: float = REVIEW_RATIO) -> Finding:
    """How many problems were classified, and how many were close calls to review by hand.

    Parameters
    ----------
    classified
        Rows of ``themes.classify_problems``.
    ratio
        See ``review.close_calls``.

    Returns
    -------
    Finding
        numbers: n_problems, n_classified, n_close, ratio.
    """
    numbers = {
        "n_problems": len(classified),
        "n_classified": int((classified["theme"] != "unclassified").sum()),
        "n_close": len(close_calls(classified, ratio)),
        "ratio": ratio,
    }
    text = (
        f"{numbers['n_problems']} 个问题中 {numbers['n_classified']} 个已归类；"
        f"{numbers['n_close']} 个问题的次选主题得分达到首选的 {ratio:.0%} 以上，归类值得人工复核。"
    )
    return Finding(text, numbers)


# --- completion ---------------------------------------------------------------------------------


def lowest_completion(table: pd.DataFrame) -> Finding:
    """The corpus-wide completion rate and the association(s) with the lowest, each with the
    counts the rate rests on, and those stating no status at all.

    Parameters
    ----------
    table
        Rows of ``completion.completion_table(corpus, by="association")``.

    Returns
    -------
    Finding
        numbers: n_associations, n_stated (problems with a stated status), n_completed,
        n_not_stated, overall_rate, lowest (the first association of the tied), lowest_rate,
        lowest_completed, lowest_stated, lowest_not_stated (its counts), tied (every
        association with the lowest rate), silent (associations stating no status).
    """
    completed, stated, unstated = _status_totals(table)
    label = _group_label(table)
    rated = table.dropna(subset=[RATE])
    silent = [str(a) for a in table.loc[table[RATE].isna(), label]]
    lowest = rated.loc[rated[RATE].astype(float).idxmin()] if len(rated) else None
    tied = [] if lowest is None else _ties(rated, RATE, lowest[RATE], label)
    numbers = {
        "n_associations": len(table),
        "n_stated": stated,
        "n_completed": completed,
        "n_not_stated": unstated,
        "overall_rate": _overall_rate(table),
        "lowest": None if lowest is None else str(lowest[label]),
        "lowest_rate": None if lowest is None else float(lowest[RATE]),
        "lowest_completed": None if lowest is None else int(lowest["n_completed"]),
        "lowest_stated": None if lowest is None else _stated(lowest),
        "lowest_not_stated": None if lowest is None else int(lowest["n_not_stated"]),
        "tied": tied,
        "silent": silent,
    }
    text = (
        (
            f"{len(table)} 个单位中，已说明状态的问题里 "
            f"{format_rate_with_counts(completed, stated, unstated)}已完成整改"
            if stated
            else f"{len(table)} 个单位都没有说明任何问题的整改状态"
        )
        + (
            f"；完成率{_tie(tied)}最低的是{_rate_rows(rated, tied, key=label)}"
            if lowest is not None
            else ""
        )
        + (
            f"；{'、'.join(silent)}未说明任何问题的状态（记为“未说明”，不计为 0%）。"
            if silent
            else "。"
        )
    )
    return Finding(text, numbers)


def slowest_theme(by_theme: pd.DataFrame) -> Finding:
    """The theme(s) with the lowest completion rate, and how many themes are all done.

    Parameters
    ----------
    by_theme
        Rows of ``comparison.completion_by_theme``.

    Returns
    -------
    Finding
        numbers: slowest (the first theme of the tied), slowest_rate, slowest_in_progress,
        tied, n_all_done (themes whose stated problems are all completed), n_all_done_unstated
        (of those, themes with problems stating no status), n_themes.
    """
    rated = by_theme.dropna(subset=[RATE])
    done = rated[rated[RATE] == 1]
    numbers: dict[str, Any] = {
        "n_themes": len(by_theme),
        "n_all_done": len(done),
        "n_all_done_unstated": int((done["n_not_stated"] > 0).sum()),
    }
    if not len(rated):
        return Finding("没有任何主题的问题说明了整改状态。", {**numbers, "slowest": None})
    worst = rated.loc[rated[RATE].astype(float).idxmin()]
    tied = _ties(rated, RATE, worst[RATE], "theme")
    numbers |= {
        "slowest": str(worst["theme"]),
        "slowest_rate": float(worst[RATE]),
        "slowest_in_progress": int(worst["n_in_progress"]),
        "tied": tied,
    }
    unstated = numbers["n_all_done_unstated"]
    text = (
        f"按主题看，已说明状态的问题完成率{_tie(tied)}最低的是{_rate_rows(rated, tied, key='theme')}；"
        f"{len(done)} / {len(by_theme)} 个主题已说明状态的问题全部完成"
        + (f"，其中 {unstated} 个主题另有未说明状态的问题。" if unstated else "。")
    )
    return Finding(text, numbers)


def claimed_totals_agreement(table: pd.DataFrame, notices: pd.DataFrame | None = None) -> Finding:
    """How many associations state totals, which differ from the parse, which contradict
    themselves, and how many completions come from a summary only.

    Parameters
    ----------
    table
        Rows of ``completion.completion_table(corpus, by="association")``.
    notices
        ``corpus.notices``, to name the notices whose own totals disagree
        (``claims_conflicts``); None: not checked.

    Returns
    -------
    Finding
        numbers: n_claiming, n_associations, differing (associations), conflicts
        (association, notice_id, the conflicting totals), n_from_summary.
    """
    claiming = table[table["claims_differ"].notna()]
    differ = table["claims_differ"].fillna(False).astype(bool)
    differing = [str(a) for a in table.loc[differ, _group_label(table)]]
    conflicts = _notice_conflicts(notices)
    numbers = {
        "n_claiming": len(claiming),
        "n_associations": len(table),
        "differing": differing,
        "conflicts": conflicts,
        "n_from_summary": int(table["n_completed_from_summary"].sum()),
    }
    text = (
        f"{len(claiming)} / {len(table)} 个单位的通报自报了问题总数、完成数或在改数；"
        + (
            f"与解析结果不一致的：{'、'.join(differing)}；"
            if differing
            else "自报数字与解析结果全部一致；"
        )
        + "".join(f"{a}（{nid}）自报的数字前后不一（{c}）；" for a, nid, c in conflicts)
        + f"{numbers['n_from_summary']} 个问题的“已完成”仅来自通报总述。"
    )
    return Finding(text, numbers)


def still_open(problems: pd.DataFrame) -> Finding:
    """How many problems are still in progress, with a deadline, and past it.

    Parameters
    ----------
    problems
        Rows of ``completion.open_problems``.

    Returns
    -------
    Finding
        numbers: n_open, n_associations, n_with_deadline, n_overdue.
    """
    numbers = {
        "n_open": len(problems),
        "n_associations": int(problems["association"].nunique()),
        "n_with_deadline": int(problems["deadline"].notna().sum()),
        "n_overdue": int(problems["overdue"].fillna(False).astype(bool).sum()),
    }
    text = (
        f"{numbers['n_open']} 个问题仍在整改中，分属 {numbers['n_associations']} 个单位；"
        f"其中 {numbers['n_with_deadline']} 个写明了完成时限，"
        f"{numbers['n_overdue']} 个在通报日期时已超过时限。"
    )
    return Finding(text, numbers)


# --- terms and wording --------------------------------------------------------------------------


def shared_top_terms(frequent: pd.DataFrame, top_n: int) -> Finding:
    """The terms among the ``top_n`` most frequent of every association.

    Parameters
    ----------
    frequent
        Rows of ``comparison.top_terms_by_association``.
    top_n
        The ``top_n`` they were cut at.

    Returns
    -------
    Finding
        numbers: n_associations, top_n, everywhere (terms, in sorted order; the sentence names
        the first 10).
    """
    n_groups = int(frequent["association"].nunique())
    per_term = frequent.groupby("term")["association"].nunique()
    everywhere = [str(t) for t in per_term[per_term == n_groups].index]
    numbers = {"n_associations": n_groups, "top_n": top_n, "everywhere": everywhere}
    if n_groups <= 1:
        return Finding(f"只有一个单位，前 {top_n} 高频词见上图。", numbers)
    text = f"{len(everywhere)} 个词同时位列全部 {n_groups} 个单位的前 {top_n} 高频词" + (
        f"：{'、'.join(everywhere[:10])}。" if everywhere else "。"
    )
    return Finding(text, numbers)


def distinctive_terms(key_terms: pd.DataFrame) -> Finding:
    """The term each association over-uses most, with its G² and p.

    Parameters
    ----------
    key_terms
        Rows of ``comparison.key_terms_by_association``.

    Returns
    -------
    Finding
        numbers: top (association → (term, statistic, p)).
    """
    if not len(key_terms):
        return Finding("只有一个单位，无法比较特有词。", {"top": {}})
    firsts = key_terms.groupby("association", sort=False).first()
    top = {str(a): (str(r.term), float(r.statistic), float(r.p)) for a, r in firsts.iterrows()}
    text = (
        "各单位最突出的特有词（G²）："
        + "；".join(f"{a}「{t}」({g:.1f}, p={p:.1g})" for a, (t, g, p) in top.items())
        + "。"
    )
    return Finding(text, {"top": top})


def shared_vocabulary(shared: pd.DataFrame, n_associations: int) -> Finding:
    """How many terms several associations share, how many all do, and the most used of those.

    Parameters
    ----------
    shared
        Rows of ``terms.shared_terms(corpus, min_associations=2)``.
    n_associations
        Associations in the corpus.

    Returns
    -------
    Finding
        numbers: n_shared, n_in_all, n_associations, top_term, top_n (None when no term is in
        all).
    """
    in_all = shared[shared["n_associations"] == n_associations]
    first = in_all.iloc[0] if len(in_all) else None
    numbers = {
        "n_shared": len(shared),
        "n_in_all": len(in_all),
        "n_associations": n_associations,
        "top_term": None if first is None else str(first["term"]),
        "top_n": None if first is None else int(first["n"]),
    }
    text = (
        f"{len(shared)} 个词至少出现在两个单位的通报中，其中 {len(in_all)} 个出现在全部 "
        f"{n_associations} 个单位"
        + (
            f"，最常用的是「{numbers['top_term']}」（{numbers['top_n']} 次）。"
            if len(in_all)
            else "。"
        )
    )
    return Finding(text, numbers)


def recurring_pairs(pairs: pd.DataFrame, threshold: float | None = None) -> Finding:
    """How many problem pairs recur across associations, between how many, and the closest one.

    Parameters
    ----------
    pairs
        Rows of ``similarity.recurring_problems`` (most similar first).
    threshold
        The threshold they were found with; None: ``comparison.default_similarity_threshold()``.

    Returns
    -------
    Finding
        numbers: threshold, n_pairs, n_links (pairs of associations, see
        ``comparison.association_links``), best (the first row as a dict, or None).
    """
    if threshold is None:
        threshold = default_similarity_threshold()
    numbers: dict[str, Any] = {"threshold": threshold, "n_pairs": len(pairs), "n_links": 0}
    if not len(pairs):
        return Finding(f"没有相似度 ≥ {threshold} 的跨单位问题对。", {**numbers, "best": None})
    best = pairs.iloc[0]
    numbers["n_links"] = len(association_links(pairs))
    numbers["best"] = {
        **{k: str(best[k]) for k in ("association_a", "title_a", "association_b", "title_b")},
        "similarity": float(best["similarity"]),
        "shared_terms": str(best["shared_terms"]),
    }
    text = (
        f"相似度 ≥ {threshold} 的跨单位问题对共 {len(pairs)} 对，涉及 {numbers['n_links']} 组单位；"
        f"最相似的是{best['association_a']}“{best['title_a']}”与{best['association_b']}“{best['title_b']}”"
        f"（{best['similarity']:.2f}，共同词：{best['shared_terms']}）。"
    )
    return Finding(text, numbers)


def keyword_hits(contexts: pd.DataFrame, terms: Sequence[str]) -> Finding:
    """How often each keyword occurs, and in how many associations.

    Parameters
    ----------
    contexts
        Rows of ``comparison.keyword_contexts``.
    terms
        The keywords searched.

    Returns
    -------
    Finding
        numbers: hits (term → (occurrences, associations)).
    """
    if not terms:
        return Finding("未指定关键词。", {"hits": {}})
    counts = contexts.groupby("keyword")["association"].agg(["size", "nunique"])
    hits = {
        term: (
            (int(counts.loc[term, "size"]), int(counts.loc[term, "nunique"]))
            if term in counts.index
            else (0, 0)
        )
        for term in terms
    }
    text = "；".join(f"「{t}」出现 {hits[t][0]} 次，涉及 {hits[t][1]} 个单位" for t in terms) + "。"
    return Finding(text, {"hits": hits})


def fact_share_range(concrete: pd.DataFrame) -> Finding:
    """The association(s) whose rectification text holds the highest and lowest share of facts.

    Parameters
    ----------
    concrete
        Rows of ``concreteness.concreteness(corpus, by="association")``.

    Returns
    -------
    Finding
        numbers: most, most_share, most_facts, least, least_share, least_stock_share (the
        first of each tie), tied_most, tied_least (None / [] without any rectification text).
    """
    rated = concrete.dropna(subset=["fact_share"])
    if not len(rated):
        return Finding("没有整改文字可供统计。", {"most": None, "least": None})
    share = rated["fact_share"].astype(float)
    most, least = rated.loc[share.idxmax()], rated.loc[share.idxmin()]
    numbers = {
        "most": str(most["association"]),
        "most_share": float(most["fact_share"]),
        "most_facts": int(most["n_facts"]),
        "tied_most": _ties(rated, "fact_share", most["fact_share"], "association"),
        "least": str(least["association"]),
        "least_share": float(least["fact_share"]),
        "least_stock_share": _float(least["stock_share"]),
        "tied_least": _ties(rated, "fact_share", least["fact_share"], "association"),
    }
    if numbers["tied_most"] == numbers["tied_least"]:
        text = (
            f"{_tied(numbers['tied_most'])}的整改文字中可核查事实的比例都是"
            f" {most['fact_share']:.0%}。"
        )
        return Finding(text, numbers)
    text = (
        f"可核查事实占整改文字的比例{_tie(numbers['tied_most'])}最高的是"
        f"{_tied(numbers['tied_most'])}（{most['fact_share']:.0%}，{numbers['most_facts']} 处），"
        f"{_tie(numbers['tied_least'])}最低的是{_tied(numbers['tied_least'])}"
        f"（{least['fact_share']:.0%}，套话占 {least['stock_share']:.0%}）。"
    )
    return Finding(text, numbers)


def common_stock_phrase(phrases: pd.DataFrame, n: int, min_associations: int) -> Finding:
    """How many stock phrases there are, and the one shared by most associations.

    Parameters
    ----------
    phrases
        Rows of ``concreteness.stock_phrases`` (most widespread first).
    n, min_associations
        The phrase length and association count they were found with.

    Returns
    -------
    Finding
        numbers: n_phrases, n, min_associations, top_phrase, top_associations, top_occurrences.
    """
    first = phrases.iloc[0] if len(phrases) else None
    numbers = {
        "n_phrases": len(phrases),
        "n": n,
        "min_associations": min_associations,
        "top_phrase": None if first is None else str(first["phrase"]),
        "top_associations": None if first is None else int(first["n_associations"]),
        "top_occurrences": None if first is None else int(first["n_occurrences"]),
    }
    text = f"{len(phrases)} 个 {n} 字短语出现在至少 {min_associations} 个单位的整改文字中" + (
        f"，最常见的是「{numbers['top_phrase']}」"
        f"（{numbers['top_associations']} 个单位，{numbers['top_occurrences']} 次）。"
        if first is not None
        else "。"
    )
    return Finding(text, numbers)


def money_total(money: pd.DataFrame) -> Finding:
    """How many sums of money the rectification texts give, their total, and where.

    Parameters
    ----------
    money
        Rows of ``concreteness.money_table``.

    Returns
    -------
    Finding
        numbers: n_sums, total_yuan, n_associations, n_problems.
    """
    numbers = {
        "n_sums": len(money),
        "total_yuan": float(money["amount_yuan"].sum()),
        "n_associations": int(money["association"].nunique()),
        "n_problems": money[["notice_id", "problem_no"]].drop_duplicates().shape[0],
    }
    if not len(money):
        return Finding("整改文字中没有写明金额。", numbers)
    text = (
        f"整改文字中共有 {len(money)} 处金额，合计 {numbers['total_yuan']:,.2f} 元，"
        f"出自 {numbers['n_associations']} 个单位的 {numbers['n_problems']} 个问题。"
    )
    return Finding(text, numbers)


def issued_documents(documents: pd.DataFrame) -> Finding:
    """How many named documents the texts mention, how many they say were issued, and by whom.

    Parameters
    ----------
    documents
        Rows of ``concreteness.documents_table``.

    Returns
    -------
    Finding
        numbers: n_documents, n_issued, issued_share, top_association (the first of the tied),
        top_issued, tied.
    """
    issued = documents[documents["issued"].fillna(False).astype(bool)]
    by_assoc = issued["association"].value_counts(sort=False)
    by_assoc = by_assoc[by_assoc > 0]
    tied = [str(a) for a in by_assoc[by_assoc == by_assoc.max()].index] if len(by_assoc) else []
    numbers = {
        "n_documents": len(documents),
        "n_issued": len(issued),
        "issued_share": len(issued) / len(documents) if len(documents) else None,
        "top_association": tied[0] if tied else None,
        "top_issued": int(by_assoc.max()) if len(by_assoc) else None,
        "tied": tied,
    }
    if not len(documents):
        return Finding("整改文字中没有提到任何《》文件。", numbers)
    text = (
        f"整改文字共提到 {len(documents)} 份文件，其中 {len(issued)} 份"
        f"（{numbers['issued_share']:.0%}）前面写明了“印发、制定、修订”等出台动词"
        + (
            f"；{_tie(tied)}最多的是{_tied(tied)}（{_each(tied)}{numbers['top_issued']} 份）。"
            if tied
            else "。"
        )
    )
    return Finding(text, numbers)


# --- one association ----------------------------------------------------------------------------


def association_notices(notices: pd.DataFrame, association: str) -> Finding:
    """One association's notices: who fed back when, and how many problems and measures.

    Parameters
    ----------
    notices
        The association's rows of ``corpus.notices``.
    association
        Its name.

    Returns
    -------
    Finding
        numbers: n_notices, feedback (notice_id → (inspector or None, feedback date or None)),
        n_problems, n_measures.
    """
    feedback = {
        str(n.notice_id): (
            None if pd.isna(n.inspector) else str(n.inspector),
            None if pd.isna(n.feedback_date) else format_day(n.feedback_date),
        )
        for n in notices.itertuples()
    }
    numbers = {
        "n_notices": len(notices),
        "feedback": feedback,
        "n_problems": int(notices["n_problems"].sum()),
        "n_measures": int(notices["n_measures"].sum()),
    }
    listed = "；".join(
        f"{nid}：{'巡察组未写明' if who is None else who}于 {format_day(day)} 反馈"
        for nid, (who, day) in feedback.items()
    )
    text = (
        f"{association}：{len(notices)} 份通报（{listed}），"
        f"解析出 {numbers['n_problems']} 个问题、{numbers['n_measures']} 条措施。"
    )
    return Finding(text, numbers)


def association_problems(problems: pd.DataFrame) -> Finding:
    """One association's problems by status, and its most frequent theme(s).

    Parameters
    ----------
    problems
        The association's rows of ``themes.classify_problems``.

    Returns
    -------
    Finding
        numbers: n_problems, completed, in_progress, not_stated, top_theme (the first of the
        tied), top_n, tied.
    """
    status = problems["status"].value_counts()
    themes = problems["theme"].value_counts(sort=False)
    themes = themes[themes > 0]
    tied = [str(t) for t in themes[themes == themes.max()].index] if len(themes) else []
    numbers = {
        "n_problems": len(problems),
        **{s: int(status.get(s, 0)) for s in ("completed", "in_progress", "not_stated")},
        "top_theme": tied[0] if tied else None,
        "top_n": int(themes.max()) if len(themes) else None,
        "tied": tied,
    }
    if not len(problems):
        return Finding("通报没有逐项列出问题，无法按问题统计状态和主题。", numbers)
    text = (
        f"{len(problems)} 个问题中：已完成 {numbers['completed']}、整改中 {numbers['in_progress']}、"
        f"未说明 {numbers['not_stated']}；{_tie(tied)}最多的主题是{_tied(tied, quote=True)}"
        f"（{_each(tied)}{numbers['top_n']} 个）。"
    )
    return Finding(text, numbers)


def association_completion(table: pd.DataFrame, association: str) -> Finding:
    """One association's completion rate beside the rate of the whole corpus, each with the
    counts it rests on; the notice's own totals where it lists no problems one by one.

    Parameters
    ----------
    table
        Rows of ``completion.completion_table(corpus, by="association")``.
    association
        The association profiled (a row of ``table``).

    Returns
    -------
    Finding
        numbers: rate (None when it states no status), completed, stated, not_stated,
        claimed_completed, claimed_problems (its notices' own totals, None when not stated),
        n_associations, overall_rate.
    """
    rows = table[table["association"] == association]
    completed, stated, unstated = _status_totals(table)
    overall = _overall_rate(table)
    claimed = {k: _sum_if_all(rows, k) for k in ("claimed_completed", "claimed_problems")}
    mine = _status_totals(rows)
    numbers = {
        "rate": mine[0] / mine[1] if mine[1] else None,
        "completed": mine[0],
        "stated": mine[1],
        "not_stated": mine[2],
        **claimed,
        "n_associations": int(table["association"].nunique()),
        "overall_rate": overall,
    }
    own = format_rate_with_counts(numbers["completed"], numbers["stated"], numbers["not_stated"])
    text = (
        f"{association}已说明状态的问题中 {own}已完成"
        if numbers["stated"]
        else f"{association}未说明任何问题的整改状态（不计为 0%）"
    )
    if not numbers["stated"] and claimed["claimed_completed"] is not None:
        total = claimed["claimed_problems"]
        text += f"，通报自述已完成 {claimed['claimed_completed']}" + (
            f" / {total} 个问题（未逐项列出，无法核对）" if total is not None else " 个问题"
        )
    text += (
        f"；全部 {numbers['n_associations']} 个单位已说明状态的问题合计 "
        f"{format_rate_with_counts(completed, stated, unstated)}已完成。"
        if overall is not None
        else "；语料中没有任何单位说明整改状态。"
    )
    return Finding(text, numbers)


def association_key_terms(key: pd.DataFrame, association: str, top: int = 15) -> Finding:
    """How many terms one association over-uses significantly, and the most distinctive one.

    Parameters
    ----------
    key
        Rows of ``comparison.key_terms`` for the association (empty: nothing to compare with).
    association
        Its name.
    top
        Terms shown in the figure (the first of them is named).

    Returns
    -------
    Finding
        numbers: n_significant (p < 0.01), top_term, n_target, n_reference.
    """
    if not len(key):
        return Finding(
            "无法比较特有词：语料中只有这一个单位，或这份通报没有逐项列出问题。",
            {"n_significant": 0, "top_term": None},
        )
    shown = over_used(key, top)
    significant = key[(key["effect"] == "target") & (key["p"] < 0.01)]
    first = shown.iloc[0] if len(shown) else None
    numbers = {
        "n_significant": len(significant),
        "top_term": None if first is None else str(first["term"]),
        "n_target": None if first is None else int(first["n_target"]),
        "n_reference": None if first is None else int(first["n_reference"]),
    }
    text = f"{association}有 {len(significant)} 个特有词在 p<0.01 水平上显著" + (
        f"，最突出的是「{numbers['top_term']}」"
        f"（本单位 {numbers['n_target']} 次，其他单位 {numbers['n_reference']} 次）。"
        if first is not None
        else "。"
    )
    return Finding(text, numbers)


def _notice_timing(row: Any, association: str) -> str:
    """One notice's inspection, feedback and report dates against its time limit; a date the
    parser inferred is said to be inferred and not compared with the limit."""
    limit = _int(row.limit_days)
    if pd.isna(row.days_feedback_to_as_of):
        return (
            f"{association}（{row.notice_id}）的通报缺少反馈或通报日期，无法与 {limit} 天时限比较。"
        )
    dates = (
        f"{association}（{row.notice_id}）：巡察 {format_day(row.inspection_start)} 至 "
        f"{format_day(row.inspection_end)}，{format_day(row.feedback_date)} 反馈，"
    )
    if is_inferred(row.as_of_source):
        return dates + (
            f"通报未写明日期，文中最晚的日期是 {format_day(row.as_of_date)}（推断），"
            f"按它计相隔 {row.days_feedback_to_as_of} 天；推断的日期不与 {limit} 天时限比较。"
        )
    within = bool(row.within_limit)
    return dates + (
        f"{format_as_of(row.as_of_date, row.as_of_source)}通报，"
        f"相隔 {row.days_feedback_to_as_of} 天，{'在' if within else '超出'} {limit} 天时限"
        f"{'内' if within else ''}。"
    )


def association_timeline(dates: pd.DataFrame, association: str) -> Finding:
    """Each of one association's notices: its dates and whether it came within the limit.

    Parameters
    ----------
    dates
        Rows of ``timeline.timeline`` (the whole corpus or the association's).
    association
        Its name.

    Returns
    -------
    Finding
        One line per notice of the association. numbers: notices (notice_id → (days feedback →
        report or None, within limit or None; None too when the as-of date is inferred)),
        inferred (notice_ids whose as-of date is inferred), limit_days.
    """
    mine = dates[dates["association"] == association]
    inferred = [str(r.notice_id) for r in mine.itertuples() if is_inferred(r.as_of_source)]
    notices = {
        str(r.notice_id): (
            _int(r.days_feedback_to_as_of),
            None
            if pd.isna(r.within_limit) or str(r.notice_id) in inferred
            else bool(r.within_limit),
        )
        for r in mine.itertuples()
    }
    text = "\n".join(_notice_timing(r, association) for r in mine.itertuples())
    numbers = {"notices": notices, "inferred": inferred, "limit_days": _limit_of(dates)}
    return Finding(text, numbers)


# --- helpers of the sentences above ----------------------------------------------------------


def _conflicts(audit: pd.DataFrame) -> list[tuple[str, str, str, str]]:
    """(association, notice_id, item, values) for each total a notice states two ways."""
    if "conflicting" not in audit:
        return []
    rows = audit[audit["conflicting"].notna()]
    return [
        (str(r.association), str(r.notice_id), str(r.item), str(r.conflicting))
        for r in rows.itertuples()
    ]


def _conflicts_text(conflicts: list[tuple[str, str, str, str]]) -> str:
    """``；自相矛盾：新野县科协（xinye-2024）问题数前后写作 11、31`` (empty without any)."""
    if not conflicts:
        return ""
    listed = "；".join(
        f"{a}（{nid}）{CLAIM_ITEMS.get(item, item)}前后写作 {values}"
        for a, nid, item, values in conflicts
    )
    return f"；通报自相矛盾的：{listed}"


def _status_totals(table: pd.DataFrame) -> tuple[int, int, int]:
    """Completed, stated (completed + in progress) and not-stated problems of a table."""
    completed = int(table["n_completed"].sum())
    return (
        completed,
        completed + int(table["n_in_progress"].sum()),
        int(table["n_not_stated"].sum()),
    )


def _sum_if_all(rows: pd.DataFrame, column: str) -> int | None:
    """The total of a claimed count over rows, None unless every row states it."""
    if column not in rows or rows[column].isna().any() or not len(rows):
        return None
    return int(rows[column].sum())


def _stated(row: Any) -> int:
    """Problems of one completion-table row with a stated status."""
    return int(row["n_completed"]) + int(row["n_in_progress"])


def _rate_rows(rated: pd.DataFrame, names: list[str], key: str = "association") -> str:
    """Each named row with its rate and counts: ``东营市科协 0%（0 / 4 已说明，7 未说明）``."""
    rows = rated[rated[key].astype(str).isin(names)]
    quote = ("「", "」") if key == "theme" else ("", "")
    parts = [
        f"{quote[0]}{r[key]}{quote[1]} "
        f"{format_rate_with_counts(r['n_completed'], _stated(r), r['n_not_stated'])}"
        for _, r in rows.iterrows()
    ]
    return "、".join(parts)


def _notice_conflicts(notices: pd.DataFrame | None) -> list[tuple[str, str, str]]:
    """(association, notice_id, conflicts in words) of each notice stating a total two ways."""
    if notices is None or "claims_conflicts" not in notices:
        return []
    rows = notices[notices["claims_conflicts"].notna()]
    out = []
    for r in rows.itertuples():
        pairs = claim_conflicts(r.claims_conflicts).items()
        words = "；".join(f"{CLAIM_ITEMS.get(k, k)}写作 {v}" for k, v in pairs)
        out.append((str(r.association), str(r.notice_id), words))
    return out


def _cell_text(row: Any, by: str) -> str:
    return f"{row[by]}的“{row['theme']}”（{int(row['n'])} 个，期望 {row['expected']:.1f}）"


def over_under_finding(
    residuals: pd.DataFrame, test: pd.DataFrame, by: str = "association"
) -> Finding:
    """The sentence on which themes are over- and under-represented, with the table's χ² test.

    Parameters
    ----------
    residuals : pd.DataFrame
        Rows of ``crosstab_residuals(crosstab, by=by)``.
    test : pd.DataFrame
        The row of ``crosstab_test(crosstab, by=by)``.
    by : str, default "association"
        The group column.

    Returns
    -------
    Finding
        numbers: groups (those with classified problems), over, under (lists of (group, theme code, n,
        expected), strongest first), chi2, df, p, p_monte_carlo, cramers_v, share_expected_below_5. When more than a fifth
        of the cells expect fewer than 5 problems, the sentence says the χ² approximation is
        rough and the residuals only indicative.

    Examples
    --------
    >>> residuals, test = theme_stats.crosstab_statistics(corpus, by="unit_kind")
    >>> print(over_under_finding(residuals, test, by="unit_kind"))
    """
    t = test.iloc[0]
    cells = residuals[residuals["deviation"].notna()].sort_values(
        "adjusted_residual", key=lambda s: -s.abs(), kind="stable"
    )
    over = cells[cells["deviation"] == "over"]
    under = cells[cells["deviation"] == "under"]

    def listed(part: pd.DataFrame) -> list[tuple[str, str, int, float]]:
        return [
            (str(r[by]), str(r["theme_code"]), int(r["n"]), float(r["expected"]))
            for _, r in part.iterrows()
        ]

    classified = residuals["n"].gt(0) & residuals["expected"].notna()
    groups = list(dict.fromkeys(str(g) for g in residuals.loc[classified.fillna(False), by]))
    numbers = {
        "groups": groups,
        "over": listed(over),
        "under": listed(under),
        **{
            k: (None if pd.isna(t[k]) else float(t[k]))
            for k in ("chi2", "p", "p_monte_carlo", "cramers_v", "share_expected_below_5")
        },
        "df": int(t["df"]),
    }
    compared = f"比较 {len(groups)} 组（{_tied(groups)}）"
    if not groups:
        return Finding("主题分布无法检验：没有已归类的问题。", numbers)
    if pd.isna(t["chi2"]):
        text = f"主题分布无法检验：{compared}，至少要有两组、两个主题的已归类问题。"
        return Finding(text, numbers)
    parts = [
        "偏多：" + "、".join(_cell_text(r, by) for _, r in over.iterrows())
        if len(over)
        else "没有显著偏多的主题",
        "偏少：" + "、".join(_cell_text(r, by) for _, r in under.iterrows())
        if len(under)
        else "没有显著偏少的主题",
    ]
    test_text = f"χ² = {t['chi2']:.1f}，自由度 {int(t['df'])}，p = {t['p']:.3f}"
    if not pd.isna(t["p_monte_carlo"]):
        test_text += f"（蒙特卡洛 p = {t['p_monte_carlo']:.3f}）"
    caveat = (
        f"；{t['share_expected_below_5']:.0%} 的单元格期望频数小于 5：问题太少，"
        "χ² 近似不可靠、Cramér's V 偏高，以蒙特卡洛 p 为准，各单元格的偏多偏少只作提示"
        if t["share_expected_below_5"] > SMALL_EXPECTED_SHARE
        else ""
    )
    text = (
        f"{compared}：" + "；".join(parts) + f"（调整残差绝对值 ≥ {RESIDUAL_LIMIT}）。"
        f"整表 {test_text}，Cramér's V = {t['cramers_v']:.2f}{caveat}。"
    )
    return Finding(text, numbers)


def unclassified_finding(counts: pd.DataFrame, by: str = "association") -> Finding:
    """The sentence on how sure the themes are: high, low confidence and unclassified.

    Parameters
    ----------
    counts : pd.DataFrame
        Rows of ``confidence_counts(corpus, by=by)``.
    by : str, default "association"
        The group column.

    Returns
    -------
    Finding
        numbers: n, n_high, n_low, n_unclassified, most_unclassified (the groups with the
        most unclassified problems, tied ones all named; empty when there is none).
    """
    totals = {k: int(counts[k].sum()) for k in ("n", "n_high", "n_low", "n_unclassified")}
    top = int(counts["n_unclassified"].max()) if len(counts) else 0
    most = [str(g) for g in counts.loc[counts["n_unclassified"] == top, by]] if top else []
    text = (
        f"{totals['n']} 个问题中，{totals['n_high']} 个的主题由问题表述确定、规则与范例模型一致"
        f"（高置信度），{totals['n_low']} 个只有其一支持或只靠方面标题、整改内容（低置信度，表中标注），"
        f"{totals['n_unclassified']} 个未归类"
    )
    text += f"，最多的是{'、'.join(most)}（{top} 个）。" if most else "。"
    return Finding(text, {**totals, "most_unclassified": most})


#: titles a sentence quotes before it says 等
QUOTED_TITLES = 3


def unclassified_titles(unclassified: pd.DataFrame) -> Finding:
    """The sentence beneath the list of unclassified problems: how many, the first titles.

    Parameters
    ----------
    unclassified : pd.DataFrame
        Rows of ``theme_stats.unclassified_problems``.

    Returns
    -------
    Finding
        numbers: n, titles (the titles quoted, at most ``QUOTED_TITLES``), associations (in
        table order).
    """
    n = len(unclassified)
    titles = [str(t) for t in unclassified["title"].head(QUOTED_TITLES)]
    associations = list(dict.fromkeys(str(a) for a in unclassified["association"]))
    numbers = {"n": n, "titles": titles, "associations": associations}
    if not n:
        return Finding("没有未归类的问题：每个问题都有规则或范例模型的依据。", numbers)
    more = f"等 {n} 个" if n > len(titles) else f"共 {n} 个"
    text = (
        f"未归类的问题有{_tied(titles, quote=True)}{more}（{_tied(associations)}）："
        "编码方案的规则和范例都认不出它们，宜逐条阅读，必要时补充规则或范例。"
    )
    return Finding(text, numbers)


def low_confidence_themes(low: pd.DataFrame) -> Finding:
    """The sentence beneath the low-confidence problems: how many, under which themes most.

    Parameters
    ----------
    low : pd.DataFrame
        Rows of ``theme_stats.low_confidence_problems``.

    Returns
    -------
    Finding
        numbers: n, most (the themes with the most low-confidence problems, ties all named),
        most_n.
    """
    n = len(low)
    if not n:
        return Finding(
            "没有低置信度的主题：每个已归类问题的主题都由问题表述确定，规则与范例模型一致。",
            {"n": 0},
        )
    per_theme = low["theme"].astype("string").value_counts(sort=False)
    top = int(per_theme.max())
    most = [str(t) for t, k in per_theme.items() if k == top]
    text = (
        f"{n} 个问题的主题置信度低（规则与范例模型不一致，或问题表述本身没有主题词、"
        f"主题来自方面、分组标题或整改内容），{_tie(most)}最多的是{_tied(most, quote=True)}（{_each(most)}{top} 个）；"
        "表中列出依据和次选主题，请核对。"
    )
    return Finding(text, {"n": n, "most": most, "most_n": top})
