"""What the corpus holds, as the overview and profile reports show it: notice metadata, outline
sizes, how much of each text the parse accounts for, the 方面 headings side by side, the notices'
claims about themselves, and the timeline with its default limit.

Every function takes the corpus (or the table it needs) and returns a new DataFrame.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..parse.corpus import Corpus, table_of
from .timeline import DEFAULT_LIMIT_DAYS, timeline

#: the columns of the notice metadata table, in the order shown
NOTICE_METADATA_COLUMNS = [
    "notice_id", "association", "organisation", "province", "city", "county", "level",
    "inspector", "inspection_start", "inspection_end", "feedback_date", "publish_date",
    "as_of_date", "as_of_source", "n_chars", "encoding", "date_evidence",
]  # fmt: skip
#: parsed count column → the outline level it counts, as labelled in figures
OUTLINE_LEVELS = {
    "n_aspects": "方面 aspects",
    "n_problems": "问题 problems",
    "n_measures": "措施 measures",
}
#: the columns of the theme drill-down table
THEME_EVIDENCE_COLUMNS = [
    "association", "problem_no", "title", "theme", "theme_score", "theme_evidence",
    "runner_up_theme", "runner_up_score",
]  # fmt: skip
#: the columns of one association's problem list
PROBLEM_LIST_COLUMNS = [
    "problem_no", "aspect_no", "title", "status", "status_evidence", "deadline", "theme",
    "theme_evidence",
]  # fmt: skip
#: an aspect without a heading, in ``aspect_grid``
NO_ASPECT_TITLE = "（无方面标题）"


def notice_metadata(corpus: Corpus | pd.DataFrame) -> pd.DataFrame:
    """One row per notice: who issued it, where, which inspection group, and its dates.

    Parameters
    ----------
    corpus
        The corpus or its ``notices`` table.

    Returns
    -------
    pd.DataFrame
        The ``NOTICE_METADATA_COLUMNS`` of ``notices``.
    """
    return table_of(corpus, "notices")[NOTICE_METADATA_COLUMNS]


def notice_card(corpus: Corpus | pd.DataFrame) -> pd.DataFrame:
    """Every field of each notice, one column per notice (named by ``notice_id``).

    Parameters
    ----------
    corpus
        The corpus (usually one association's) or its ``notices`` table.

    Returns
    -------
    pd.DataFrame
        The ``notices`` table without ``association``, transposed.
    """
    notices = table_of(corpus, "notices")
    return notices.drop(columns=["association"]).T.rename(
        columns=lambda i: notices.loc[i, "notice_id"]
    )


def outline_sizes(corpus: Corpus | pd.DataFrame) -> pd.DataFrame:
    """How many 方面, problems and measures each notice has, in long format.

    Parameters
    ----------
    corpus
        The corpus or its ``notices`` table.

    Returns
    -------
    pd.DataFrame
        Columns association, notice_id, level (a label of ``OUTLINE_LEVELS``), n (float; 0 where
        a notice has no such level), notice (``association`` + newline + ``notice_id``: one bar
        per notice).
    """
    notices = table_of(corpus, "notices")
    sizes = (
        notices[["association", "notice_id", *OUTLINE_LEVELS]]
        .rename(columns=OUTLINE_LEVELS)
        .melt(id_vars=["association", "notice_id"], var_name="level", value_name="n")
    )
    sizes["notice"] = sizes["association"] + "\n" + sizes["notice_id"]
    sizes["n"] = sizes["n"].astype("Float64").fillna(0).astype(float)
    return sizes


def span_coverage(corpus: Corpus) -> pd.DataFrame:
    """How many characters of each notice's text the parsed spans cover.

    Parameters
    ----------
    corpus
        The corpus (its ``spans`` and ``texts``).

    Returns
    -------
    pd.DataFrame
        One row per notice: notice_id, n_chars (length of the normalised text), n_covered
        (characters inside a span), complete (``n_covered == n_chars``).
    """
    spans = corpus.spans
    covered = (spans["char_end"] - spans["char_start"]).groupby(spans["notice_id"]).sum()
    lengths = pd.Series({nid: len(text) for nid, text in corpus.texts.items()}, dtype="int64")
    ids = list(dict.fromkeys([*lengths.index, *covered.index]))
    out = pd.DataFrame({"notice_id": pd.array(ids, dtype="string")})
    out["n_chars"] = lengths.reindex(ids).fillna(0).astype("int64").to_numpy()
    out["n_covered"] = covered.reindex(ids).fillna(0).astype("int64").to_numpy()
    out["complete"] = out["n_covered"] == out["n_chars"]
    return out


def aspect_grid(aspects: pd.DataFrame) -> pd.DataFrame:
    """The 方面 headings of each notice side by side, problems per heading in brackets.

    Parameters
    ----------
    aspects
        Rows of ``themes.aspect_titles``.

    Returns
    -------
    pd.DataFrame
        Index 方面 (the aspect number, ``—`` where a notice has none), one column per notice
        (``association notice_id``), cells ``heading（n）``; empty where a notice has no such
        aspect.
    """
    grid = (
        aspects.assign(
            heading=aspects["aspect_title"].fillna(NO_ASPECT_TITLE)
            + "（"
            + aspects["n_problems"].astype(str)
            + "）",
            aspect_no=aspects["aspect_no"].astype("string").fillna("—"),
            notice=aspects["association"] + " " + aspects["notice_id"],
        )
        .pivot(index="aspect_no", columns="notice", values="heading")
        .fillna("")
    )
    grid.index.name = "方面"
    grid.columns.name = None
    return grid


def claimed_items(audit: pd.DataFrame) -> pd.DataFrame:
    """The rows of a self-audit whose total the notice states.

    Parameters
    ----------
    audit
        Rows of ``audit.self_audit``.

    Returns
    -------
    pd.DataFrame
        The rows with a ``claimed`` value.
    """
    return audit[audit["claimed"].notna()]


def theme_evidence_table(classified: pd.DataFrame) -> pd.DataFrame:
    """Each problem with its theme, the rules that fired and the runner-up theme.

    Parameters
    ----------
    classified
        Rows of ``themes.classify_problems``.

    Returns
    -------
    pd.DataFrame
        The ``THEME_EVIDENCE_COLUMNS``.
    """
    return classified[THEME_EVIDENCE_COLUMNS]


def problem_list(classified: pd.DataFrame) -> pd.DataFrame:
    """Each problem with its status and the words it rests on, its deadline and its theme.

    Parameters
    ----------
    classified
        Rows of ``themes.classify_problems`` (usually one association's).

    Returns
    -------
    pd.DataFrame
        The ``PROBLEM_LIST_COLUMNS``.
    """
    return classified[PROBLEM_LIST_COLUMNS]


def report_timeline(corpus: Corpus | pd.DataFrame, limit_days: int | None = None) -> pd.DataFrame:
    """``timeline.timeline`` with ``limit_days=None`` read as its default.

    Parameters
    ----------
    corpus
        The corpus or its ``notices`` table.
    limit_days
        Days from feedback within which the notice is due; None: ``DEFAULT_LIMIT_DAYS`` (60, the
        2 months of 《中国共产党巡视工作条例》 第二十七条).

    Returns
    -------
    pd.DataFrame
        Rows of ``timeline.timeline``.
    """
    return timeline(corpus, limit_days=DEFAULT_LIMIT_DAYS if limit_days is None else limit_days)


def skipped_names(skipped: pd.DataFrame) -> list[tuple[str, str]]:
    """The file name and reason of each skipped file.

    Parameters
    ----------
    skipped
        ``corpus.skipped``.

    Returns
    -------
    list of (str, str)
    """
    return [(Path(p).name, r) for p, r in zip(skipped["path"], skipped["reason"], strict=True)]
