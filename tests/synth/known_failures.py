"""Parser failures the synthetic notices found, and which fields of a notice each one spoils.

Each :class:`KnownFailure` names the parser rule at fault and the strict xfail test in
``test_parser_findings.py`` that reproduces it on a short notice written for it. Its ``spoils``
tells, for one synthetic notice, which fields that failure makes wrong there (none when the
notice does not use the form). The property tests compare everything else, so a known
failure does not hide the rest of a notice; when the parser is fixed, the xfail test passes,
strict xfail turns that into a failure, and the entry is deleted here, after which the
property tests check that form too.

The predicates read only the synthetic notice (its sidecar and text), never the parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rectify_utils.synth import SynthNotice

# the notice fields that say who the inspected body is
BODY = frozenset(
    {"notice organisation", "notice organisation_source", "notice association", "notice unit_kind"}
)
# the notice's dates
DATES = frozenset(
    f"notice {k}"
    for k in ("inspection_start", "inspection_end", "feedback_date", "publish_date", "as_of_date")
)
# the notice's own totals
CLAIMS = frozenset(
    f"notice claimed_{k}"
    for k in (
        "aspects",
        "problems",
        "completed",
        "ongoing",
        "basically_completed",
        "measures",
        "rules",
    )
)


@dataclass(frozen=True)
class KnownFailure:
    """A parser failure: the rule at fault, its xfail test, the fields it spoils in a notice."""

    rule: str
    test: str
    spoils: Callable[[SynthNotice], frozenset[str]]


def _when(condition: bool, fields: frozenset[str] | set[str]) -> frozenset[str]:
    return frozenset(fields) if condition else frozenset()


def _problems_where(notice: SynthNotice, test, field: str) -> frozenset[str]:
    """``problem N field`` for every problem whose truth passes ``test``."""
    return frozenset(f"problem {p.problem_no} {field}" for p in notice.truth.problems if test(p))


def _opts(notice: SynthNotice) -> dict:
    return notice.truth.options


def _field_after_heading(notice: SynthNotice) -> frozenset[str]:
    """J: the problems whose heading may swallow the line below it."""
    opts = _opts(notice)
    labels = bool(re.search(r"整改(?:落实|进展)情况[：:]", notice.text))
    if opts["wrapped"] and labels:
        return frozenset({"problem title", "problem status", "problem n_measures"})
    no_stop = opts["heading_form"] in ("bare_wenti", *_OPEN_FORMS)
    if not (labels or no_stop):
        return frozenset()
    marked = _problems_where(notice, lambda p: p.status_words.startswith(("（", "(", "【")), "")
    fields = ("title", "status", "n_measures")
    return frozenset(f"{key}{field}" for key in marked for field in fields) | (
        frozenset({"problem title", "problem status", "problem n_measures"})
        if opts["heading_form"] == "bare_wenti" and labels
        else frozenset()
    )


_OPEN_FORMS = ("about_open_quoted", "about_open_de", "about_open_plain")


def _long_signature_wrapped(notice: SynthNotice) -> bool:
    """Whether a PDF-wrapped notice ends with a long signature line above its date."""
    lines = [
        line.strip()
        for line in notice.text.split("\n")
        if line.strip() and not re.fullmatch(r"[-\s\d]+", line.strip())  # no page numbers
    ]
    return (
        _opts(notice)["wrapped"]
        and len(lines) >= 2
        and len(lines[-2]) >= 17
        and lines[-1].endswith("日")
        and not lines[-2].endswith(("。", "：", ":"))
    )


_PARTY_END = re.compile(r"(?:党组|党支部|党委|协会|科协)$")


def _closing_not_found(notice: SynthNotice) -> frozenset[str]:
    """X: what a signature missed for want of a closing spoils (the body, or the date)."""
    opts, truth = _opts(notice), notice.truth
    missed = opts["layout"] == "summary_only" or "诚恳欢迎" in notice.text
    if not missed:
        return frozenset()
    spoiled = set()
    footer = opts["web_page"] and opts["layout"] == "summary_only"  # furniture after it
    if truth.organisation_source == "signature" and (
        footer or not _PARTY_END.search(truth.organisation)
    ):
        spoiled |= BODY
    if opts["web_page"] and opts["dated"]:
        spoiled |= {"notice publish_date", "notice as_of_date"}  # the page's date wins
    return frozenset(spoiled)


def _web_dateline_joined(notice: SynthNotice) -> bool:
    """E: a web page whose title speaks of 反馈, or whose feedback date is a clause of the
    inspection sentence (`…进行了巡察，并于…反馈了巡察意见`, `…，2019年9月29日进行了反馈`)."""
    clause = re.search(r"[，,](?:并于)?\s*\d{4}\s*年[^。，,<\n]*?反馈", notice.text)
    return _opts(notice)["web_page"] and ("反馈" in notice.truth.title or bool(clause))


def _summary_cascade(notice: SynthNotice, spoiled: frozenset[str]) -> frozenset[str]:
    """A notice's totals decide its unmarked problems only when the in-progress ones it counts
    are read as such: a status spoiled elsewhere spoils those decided by the totals too."""
    if not any(key.endswith(" status") for key in spoiled):
        return frozenset()
    return _problems_where(notice, lambda p: p.status_cue.endswith("+summary"), "status")


# `该项工作正在有序推进。` (no 中) and `仍在组织实施中` (仍在 with another verb than 推进)
_ONGOING_UNREAD = re.compile(
    r"正在(?:有序推进|履行审批程序|持续跟进)。|仍在(?:组织实施|沟通协调|履行审批程序|持续跟进)中"
)
# a dated run after `巡察组于`: `县委第二巡察组于2024年3月11日至5月10日对…` (line breaks of a
# PDF wrap and spaces allowed)
_GROUP_THEN_DATES = re.compile(r"(?:巡\s*察\s*组|巡\s*视\s*组)\s*于\s*\d{4}")

KNOWN_FAILURES: tuple[KnownFailure, ...] = ()


def spoiled_fields(notice: SynthNotice) -> frozenset[str]:
    """Every field a known parser failure makes wrong in ``notice``."""
    spoiled = frozenset().union(*(f.spoils(notice) for f in KNOWN_FAILURES))
    return spoiled | _summary_cascade(notice, spoiled)


def failures_in(notice: SynthNotice) -> list[str]:
    """The xfail tests of the known failures that apply to ``notice``."""
    return [f.test for f in KNOWN_FAILURES if f.spoils(notice)]
