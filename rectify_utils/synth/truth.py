"""The ground truth of a synthetic notice: its JSON sidecar, and how a parse is checked against it.

A notice ``x.txt`` (or ``x.docx``, ``x.html``) has its sidecar beside it as ``x.json``: the
fields of :class:`NoticeTruth`, with one :class:`ProblemTruth` per problem.
:func:`truth_mismatches` lists every difference between a parse and a sidecar;
:func:`corpus_mismatches` does so for one file of a loaded corpus, where a document that is not
a notice is found among the skipped files with the kind it was taken for.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# the problem fields a parse must reproduce (``problem_no`` is checked on its own)
TRUTH_PROBLEM_FIELDS = (
    "label", "title", "aspect_no", "group_title", "status", "n_measures", "deadline",
)  # fmt: skip
# the notice fields a parse must reproduce
TRUTH_NOTICE_FIELDS = (
    "organisation", "organisation_source", "association", "unit_kind", "title",
    "inspection_start", "inspection_end", "feedback_date", "publish_date", "as_of_date",
    "problems_itemised",
)  # fmt: skip
# what the notice says about itself: None where it states nothing, and a parse must agree
TRUTH_CLAIM_FIELDS = (
    "claimed_aspects", "claimed_problems", "claimed_completed", "claimed_ongoing",
    "claimed_basically_completed", "claimed_measures", "claimed_rules",
)  # fmt: skip
# the ``encoding`` a parse records for a file read from Word or a web page
FILE_ENCODINGS = {"docx": "docx", "html": "html"}


@dataclass
class ProblemTruth:
    """One problem as a correct parse must report it."""

    problem_no: int
    label: str
    title: str
    aspect_no: int | None
    aspect_title: str | None
    group_title: str | None
    status: str
    status_cue: str  # how the notice states the status (see problems.STATUS_CUE_POOLS)
    n_measures: int
    deadline: str | None = None
    status_words: str = ""  # the words that state the status (marker | field | sentence)


@dataclass
class NoticeTruth:
    """The true structure of one synthetic notice (its JSON sidecar)."""

    notice_id: str
    seed: int
    index: int
    doc_kind: str  # notice, meeting_news, inspection_announcement, rectification_plan
    file_format: str  # txt, docx or html
    organisation: str  # as written where the notice first names it
    organisation_source: str  # title, opening or signature
    association: str  # the short name a researcher writes: `新野县文联`, `县团委`
    association_also: list[str]  # other short names as good: `新野县人民法院` for `新野县法院`
    unit_kind: str  # 科协, 文联, …, 政府部门, 学校, 医院, 企业, 乡镇街道
    title: str
    inspection_start: str | None
    inspection_end: str | None
    feedback_date: str | None
    publish_date: str | None
    as_of_date: str | None
    layout: str
    options: dict
    problems_itemised: bool | None  # False for a notice with totals only; None for a non-notice
    n_problems: int
    n_measures: int
    claims: dict = field(default_factory=dict)  # TRUTH_CLAIM_FIELDS → int or None
    problems: list[ProblemTruth] = field(default_factory=list)

    def to_json(self) -> str:
        """The sidecar's text."""
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)


def sidecar_path(notice_path: str | Path) -> Path:
    """Where a notice's sidecar lives: ``x.txt`` (``x.docx``, ``x.html``) → ``x.json``."""
    return Path(notice_path).with_suffix(".json")


def write_truth(truth: NoticeTruth, notice_path: str | Path) -> Path:
    """Write the sidecar of the notice at ``notice_path``; return the sidecar's path."""
    path = sidecar_path(notice_path)
    path.write_text(truth.to_json(), encoding="utf-8")
    return path


def read_truth(path: str | Path) -> dict:
    """The sidecar of a synthetic notice as a dict.

    Parameters
    ----------
    path
        The notice (``x.txt``) or its sidecar (``x.json``).

    Returns
    -------
    dict
        The fields of :class:`NoticeTruth`, problems as a list of dicts.

    Examples
    --------
    >>> truth = read_truth("data/synthetic/synth-0-00000.txt")  # doctest: +SKIP
    >>> truth["problems"][0]["status"]  # doctest: +SKIP
    'completed'
    """
    return json.loads(sidecar_path(path).read_text(encoding="utf-8"))


def plain_value(value: Any) -> Any:
    """A table value as the sidecar writes it: None, int, str or an ISO date.

    Examples
    --------
    >>> plain_value(dt.date(2024, 10, 30))
    '2024-10-30'
    """
    import pandas as pd  # here, not at import: `rectify synth` starts without pandas

    if value is None or (not isinstance(value, str | list) and pd.isna(value)):
        return None  # None, NaN, NA and NaT (a datetime subclass) alike
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def truth_mismatches(
    problems: list[dict], notice: dict, truth: dict, skip: frozenset[str] = frozenset()
) -> list[str]:
    """Every difference between a parse and a sidecar, one line each.

    Parameters
    ----------
    problems
        The parsed problem rows of the notice, from ``parse_notice`` (plain values) or the
        corpus tables (pandas values).
    notice
        The parsed notice row; for a document the parser set aside, ``{"doc_kind": …}``.
    truth
        The sidecar, as :func:`read_truth` returns it.
    skip
        Fields left unchecked: ``notice association``, ``problem label`` (every problem's),
        ``problem 3 status`` (one problem's), or ``problems`` (the problem list as a whole).
        A known parser failure, checked by its own strict xfail test, need not hide the rest
        of a notice.

    Returns
    -------
    list of str
        Empty when the parse matches.

    Examples
    --------
    >>> truth_mismatches([], {"doc_kind": "meeting_news"}, {"doc_kind": "meeting_news"})
    []
    """
    kind = plain_value(notice.get("doc_kind")) or "notice"
    if truth["doc_kind"] != "notice" or kind != "notice":
        if kind == truth["doc_kind"] and not problems:
            return []
        return [
            f"notice doc_kind: parsed {kind!r} with {len(problems)} problems, "
            f"the document is {truth['doc_kind']!r}"
        ]
    errors = _notice_errors(notice, truth, skip)
    if "problems" in skip:
        return errors
    if len(problems) != truth["n_problems"]:
        got = [f"{p['label']} {p['title']}" for p in problems]
        want = [f"{p['label']} {p['title']}" for p in truth["problems"]]
        return [
            *errors,
            f"{len(problems)} problems parsed, {truth['n_problems']} in the notice",
            f"parsed: {got}",
            f"true:   {want}",
        ]
    for got, want in zip(problems, truth["problems"], strict=True):
        no = want["problem_no"]
        if plain_value(got["problem_no"]) != no:
            errors.append(f"problem {no} parsed as number {got['problem_no']}")
        for key in TRUTH_PROBLEM_FIELDS:
            if {f"problem {key}", f"problem {no} {key}"} & skip:
                continue
            if plain_value(got[key]) != want[key]:
                errors.append(
                    f"problem {no} {key}: parsed {plain_value(got[key])!r}, "
                    f"notice says {want[key]!r} (status cue: {want['status_cue']})"
                )
    return errors


def _notice_errors(notice: dict, truth: dict, skip: frozenset[str]) -> list[str]:
    """The notice-level differences: fields, claims, and the file's encoding."""
    expected = {key: truth[key] for key in TRUTH_NOTICE_FIELDS}
    expected.update({key: truth["claims"].get(key) for key in TRUTH_CLAIM_FIELDS})
    encoding = plain_value(notice.get("encoding"))
    if encoding and truth["file_format"] in FILE_ENCODINGS:
        expected["encoding"] = FILE_ENCODINGS[truth["file_format"]]
    also = {"association": [truth["association"], *truth.get("association_also", [])]}
    return [
        f"notice {key}: parsed {plain_value(notice.get(key))!r}, notice says {value!r}"
        for key, value in expected.items()
        if f"notice {key}" not in skip
        and plain_value(notice.get(key)) not in also.get(key, [value])
    ]


def corpus_rows(corpus: Any) -> dict[str, tuple[list[dict], dict]]:
    """Every file of a loaded corpus by path stem: (problem rows, notice row).

    A file the corpus set aside has no problems and ``{"doc_kind": …}`` (``skipped`` when no
    kind was given), so :func:`truth_mismatches` can check what it was taken for. Build it once
    for a corpus: looking each file up in the tables would take quadratic time.

    Parameters
    ----------
    corpus
        A ``Corpus`` from ``load_corpus`` (its ``notices``, ``problems``, ``skipped`` tables).

    Returns
    -------
    dict
        ``{stem: (problems, notice)}``.
    """
    rows: dict[str, tuple[list[dict], dict]] = {}
    for path, kind in zip(corpus.skipped["path"], corpus.skipped["doc_kind"], strict=True):
        rows[Path(path).stem] = ([], {"doc_kind": plain_value(kind) or "skipped"})
    problems = {k: g.to_dict("records") for k, g in corpus.problems.groupby("notice_id")}
    for notice in corpus.notices.to_dict("records"):
        rows[notice["notice_id"]] = (problems.get(notice["notice_id"], []), notice)
    return rows


def corpus_mismatches(
    rows: dict[str, tuple[list[dict], dict]], path: str | Path, skip: frozenset[str] = frozenset()
) -> list[str]:
    """Every difference between the parse of one file of a corpus and its sidecar.

    Parameters
    ----------
    rows
        The corpus's rows, from :func:`corpus_rows`.
    path
        The file (its sidecar is read beside it).
    skip
        Fields left unchecked, as in :func:`truth_mismatches`.

    Examples
    --------
    >>> rows = corpus_rows(load_corpus(paths))  # doctest: +SKIP
    >>> [corpus_mismatches(rows, p) for p in paths]  # doctest: +SKIP
    """
    problems, notice = rows.get(Path(path).stem, ([], {"doc_kind": "missing"}))
    return truth_mismatches(problems, notice, read_truth(path), skip)
