"""What the corpus holds, as the overview and profile reports show it: notice metadata, outline
sizes, how much of each text the parse accounts for, the 方面 headings side by side, the notices'
claims about themselves, and the timeline with its default limit.

Every function takes the corpus (or the table it needs) and returns a new DataFrame.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..parse.corpus import Corpus, table_of
from .formats import format_as_of, is_inferred
from .timeline import DEFAULT_LIMIT_DAYS, timeline

#: the columns of the notice metadata table, in the order shown
NOTICE_METADATA_COLUMNS = [
    "notice_id", "association", "unit_kind", "province", "region", "level", "inspector",
    "inspection_start", "inspection_end", "feedback_date", "as_of_date", "as_of_source",
    "problems_itemised", "source_path", "date_evidence",
]  # fmt: skip
#: the facts of one notice that its profile shows, in order (``notice_card``)
NOTICE_CARD_FIELDS = [
    "organisation", "association", "unit_kind", "title", "province", "region", "level",
    "inspector",
    "inspection_start", "inspection_end", "feedback_date", "publish_date", "as_of_date",
    "as_of_source", "disclosure_start", "disclosure_end", "problems_itemised", "n_aspects",
    "n_problems", "n_measures", "claims_evidence", "claims_conflicts", "source_path", "encoding",
]  # fmt: skip
#: the reason ``corpus.skipped`` gives a file whose type is no notice format (e.g. a .yml)
NOT_A_NOTICE_FILE = "unsupported file type"
#: parsed count column → the outline level it counts, as labelled in figures
OUTLINE_LEVELS = {
    "n_aspects": "方面 aspects",
    "n_problems": "问题 problems",
    "n_measures": "措施 measures",
}
#: the columns of the theme drill-down table
THEME_EVIDENCE_COLUMNS = [
    "notice_id", "association", "problem_no", "title", "theme", "theme_confidence",
    "theme_score", "theme_evidence", "runner_up_theme", "runner_up_score",
]  # fmt: skip
#: the columns of one association's problem list
PROBLEM_LIST_COLUMNS = [
    "notice_id", "problem_no", "aspect_no", "title", "status", "status_evidence", "deadline",
    "theme", "theme_evidence",
]  # fmt: skip
#: an aspect without a heading, in ``aspect_grid``
NO_ASPECT_TITLE = "（无方面标题）"


def _region(notices: pd.DataFrame) -> pd.Series:
    """City and county of each notice, joined by a space (the ones it names)."""
    parts = notices[["city", "county"]].astype("string")
    return parts.apply(lambda row: " ".join(v for v in row if not pd.isna(v)), axis=1).astype(
        "string"
    )


def _relative_source(notices: pd.DataFrame) -> pd.Series:
    """Each notice's file, relative to the data folder (its name), never the builder's path."""
    return notices["source_path"].map(lambda p: None if pd.isna(p) else Path(str(p)).name)


def notice_metadata(corpus: Corpus | pd.DataFrame) -> pd.DataFrame:
    """One row per notice: who issued it, where, which inspection group, and its dates.

    Parameters
    ----------
    corpus
        The corpus or its ``notices`` table.

    Returns
    -------
    pd.DataFrame
        The ``NOTICE_METADATA_COLUMNS``: those of ``notices``, ``region`` (city and county in
        one string) and ``source_path`` as the file's name in the data folder.
    """
    notices = table_of(corpus, "notices")
    out = notices.assign(region=_region(notices), source_path=_relative_source(notices))
    return out[NOTICE_METADATA_COLUMNS].reset_index(drop=True)


def notice_card(corpus: Corpus | pd.DataFrame) -> pd.DataFrame:
    """The facts of each notice a profile shows, one row per notice and fact (long format).

    Parameters
    ----------
    corpus
        The corpus (usually one association's) or its ``notices`` table.

    Returns
    -------
    pd.DataFrame
        Columns ``notice_id``, ``field`` (one of ``NOTICE_CARD_FIELDS``, in that order; a fact
        the notice does not state is left out) and ``value`` (as it is: a date, a count, text;
        ``as_of_date`` with where it comes from, e.g. ``2024-10-31（推断：文中最晚的日期）``).
    """
    notices = table_of(corpus, "notices")
    notices = notices.assign(region=_region(notices), source_path=_relative_source(notices))
    fields = [f for f in NOTICE_CARD_FIELDS if f in notices and f != "as_of_source"]
    rows = []
    for _, notice in notices.iterrows():
        for field in fields:
            value = notice[field]
            if field == "as_of_date":
                value = format_as_of(value, notice["as_of_source"]) if pd.notna(value) else value
            if not pd.isna(value):
                rows.append((notice["notice_id"], field, value))
    return pd.DataFrame(rows, columns=["notice_id", "field", "value"])


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


def largest_associations(corpus: Corpus, limit: int | None) -> list[str]:
    """The associations a figure with one panel, column or bar per association draws.

    Parameters
    ----------
    corpus
        The corpus.
    limit
        Associations drawn at most; None: every one.

    Returns
    -------
    list of str
        Every association (``corpus.associations``, in corpus order) when there are no more
        than ``limit``; else the ``limit`` with the most problems, ties by name, in that order
        (as ``rectify report --max-profiles`` ranks them).
    """
    names = corpus.associations
    if limit is None or len(names) <= limit:
        return names
    counts = corpus.problems["association"].value_counts()
    ranked = sorted(names, key=lambda name: (-int(counts.get(name, 0)), name))
    return ranked[: max(0, limit)]


def outline_counts(corpus: Corpus | pd.DataFrame) -> pd.DataFrame:
    """Each notice's parsed 方面, problems and measures beside the counts it states itself.

    Parameters
    ----------
    corpus
        The corpus or its ``notices`` table.

    Returns
    -------
    pd.DataFrame
        One row per notice: notice_id, association, problems_itemised, n_aspects,
        claimed_aspects, n_problems, claimed_problems, n_measures, claimed_measures (Int64,
        <NA> where the notice has no such level or states no such total).
    """
    notices = table_of(corpus, "notices")
    columns = [
        "notice_id", "association", "problems_itemised", "n_aspects", "claimed_aspects",
        "n_problems", "claimed_problems", "n_measures", "claimed_measures",
    ]  # fmt: skip
    return notices[[c for c in columns if c in notices]].reset_index(drop=True)


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
    """``timeline.timeline`` with ``limit_days=None`` read as its default, and inferred as-of
    dates marked and kept out of the comparison with the limit.

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
        Rows of ``timeline.timeline`` and ``as_of_inferred`` (boolean: the as-of date is the
        latest date anywhere in the text, the notice giving none of its own); for those rows
        ``within_limit`` is <NA>, since the inference cannot say whether the report was late.
    """
    dates = timeline(corpus, limit_days=DEFAULT_LIMIT_DAYS if limit_days is None else limit_days)
    inferred = dates["as_of_source"].map(is_inferred).astype("boolean")
    dates["within_limit"] = dates["within_limit"].mask(inferred.fillna(False), pd.NA)
    dates["as_of_inferred"] = inferred
    return dates


def is_not_a_notice_file(reason: str) -> bool:
    """Whether a skipped file's reason says its type is no notice format at all (a .yml).

    Parameters
    ----------
    reason
        A ``corpus.skipped`` reason.

    Returns
    -------
    bool
        True for an unsupported type other than old Word ``.doc`` (which is a notice the
        reader should convert, and stays listed as skipped).
    """
    return str(reason).startswith(NOT_A_NOTICE_FILE) and "'.doc'" not in str(reason)


def skipped_notices(skipped: pd.DataFrame) -> pd.DataFrame:
    """The skipped files that could have been notices: unreadable, or set aside as no notice.

    Parameters
    ----------
    skipped
        ``corpus.skipped``.

    Returns
    -------
    pd.DataFrame
        Its rows except the files of another type (``is_not_a_notice_file``), ``path`` as the
        file's name.
    """
    keep = ~skipped["reason"].map(is_not_a_notice_file).astype(bool)
    out = skipped[keep].reset_index(drop=True)
    return out.assign(path=out["path"].map(lambda p: Path(str(p)).name))


def not_notice_files(skipped: pd.DataFrame) -> list[str]:
    """The names of the files in the data folder that are of no notice format (a .yml).

    Parameters
    ----------
    skipped
        ``corpus.skipped``.

    Returns
    -------
    list of str
        File names, in order.
    """
    other = skipped[skipped["reason"].map(is_not_a_notice_file).astype(bool)]
    return [Path(str(p)).name for p in other["path"]]


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
