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
from collections import Counter
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


def _one_problem_per_aspect(notice: SynthNotice) -> bool:
    """Whether the notice has 方面 headings and every one holds a single problem, or a single
    middle group heading."""
    problems = notice.truth.problems
    aspects = [p.aspect_no for p in problems]
    if not aspects or None in aspects:
        return False
    if len(set(aspects)) == len(aspects):
        return True
    groups = {a: {p.group_title for p in problems if p.aspect_no == a} for a in set(aspects)}
    if all(len(g) == 1 and None not in g for g in groups.values()):
        return True
    # every middle group heading holds a single problem: the groups are taken instead
    sizes = Counter((p.aspect_no, p.group_title) for p in problems if p.group_title)
    return bool(sizes) and set(sizes.values()) == {1}


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


def _n_lines(notice: SynthNotice) -> int:
    return sum(1 for line in notice.text.split("\n") if line.strip())


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

KNOWN_FAILURES = (
    KnownFailure(
        "parse.bodies._from_title / vocabulary.ORGANISATION: a body is read from the title only "
        "before 关于 (`…党组巡察整改情况公示` names it too)",
        "test_a_title_without_guanyu_names_the_body",
        lambda n: _when(
            n.truth.organisation_source == "title" and "关于" not in n.truth.title, BODY
        ),
    ),
    KnownFailure(
        "header furniture: only （向社会公开） is known, so （此件公开发布） / （主动公开） join the title",
        "test_public_marks_do_not_join_the_title",
        lambda n: _when(
            any(m in n.text for m in ("此件公开发布", "主动公开")), BODY | {"notice title"}
        ),
    ),
    KnownFailure(
        "vocabulary.WEB_FURNITURE: a breadcrumb that does not start with 首页/当前位置 "
        "(`某县人民政府 > 政务公开 > 工作动态`) joins the title",
        "test_a_breadcrumb_naming_the_site_does_not_join_the_title",
        lambda n: _when(
            bool(re.search(r"人民政府 (?:>|&gt;) 政务公开", n.text)), BODY | {"notice title"}
        ),
    ),
    KnownFailure(
        "vocabulary.OPENING_INSPECTED: at most 12 characters between 巡察组 and 对, so "
        "`巡察组于2024年3月11日至5月10日对县文联党组…` names no body",
        "test_the_opening_names_the_body_after_the_inspection_dates",
        lambda n: _when(
            n.truth.organisation_source == "opening" and bool(_GROUP_THEN_DATES.search(n.text)),
            BODY,
        ),
    ),
    KnownFailure(
        "bodies.association_name / vocabulary.PARTY_SUFFIX: 党工委 is not removed "
        "(`城关街道党工委` → `城关街道党工委`, not `城关街道`)",
        "test_a_street_party_working_committee_is_named_by_its_street",
        lambda n: _when(n.truth.organisation.endswith("党工委"), {"notice association"}),
    ),
    KnownFailure(
        "vocabulary.UNIT_KIND_WORDS: 工商业联合会 (the full name of 工商联) is 其他, not 其他群团",
        "test_a_federation_of_industry_and_commerce_is_a_mass_organisation",
        lambda n: _when("工商业联合会" in n.truth.organisation, {"notice unit_kind"}),
    ),
    KnownFailure(
        "vocabulary.FUTURE_STEP: `待资金到位后，将立即组织实施` (a comma before 将) is no pending step",
        "test_a_pending_step_with_a_comma_is_in_progress",
        lambda n: _problems_where(
            n, lambda p: "后，将" in p.status_words or "后,将" in p.status_words, "status"
        ),
    ),
    KnownFailure(
        "vocabulary.IN_PROGRESS_CUE: `该项工作正在有序推进。` (no 中) and `仍在组织实施中` "
        "are not read as in progress",
        "test_work_still_going_on_is_in_progress",
        lambda n: _problems_where(
            n, lambda p: bool(_ONGOING_UNREAD.search(p.status_words)), "status"
        ),
    ),
    KnownFailure(
        "status._marker_signals: a heading marker is read only at the end of the heading, so "
        "`1.关于“…”问题（已整改）一是…` (text after it on the line) states nothing",
        "test_a_marker_followed_by_the_measures_on_its_line_decides",
        lambda n: _problems_where(
            n,
            lambda p: (
                _opts(n)["layout"] == "about_open"
                and _opts(n)["same_line"]
                and p.status_words.startswith(("（", "(", "【"))
            ),
            "status",
        ),
    ),
    KnownFailure(
        "normalise.repair_wraps: after a long heading ending in a marker (`…问题。（整改完成）`, "
        "`1.关于“…”问题（整改完成）`), or any heading of a PDF-wrapped text, the next line is "
        "joined to the heading when it is not a known paragraph start (整改落实情况：, "
        "整改进展情况：, or plain text after a heading without 。), and the marker is lost",
        "test_a_heading_with_its_marker_does_not_swallow_the_field_below_it",
        _field_after_heading,
    ),
    KnownFailure(
        "status._field_signals / VALUE_STARTS_DONE: `整改情况：立行立改，已完成` (a ledger's "
        "status cell) is not read, so the deadline decides",
        "test_a_ledger_row_done_on_the_spot_is_completed",
        lambda n: _problems_where(n, lambda p: p.status_cue == "cell_on_the_spot", "status"),
    ),
    KnownFailure(
        "status._field_signals / VALUE_STARTS_ONGOING: `整改情况：长期推进` (a ledger's status "
        "cell) is not read, so the deadline decides",
        "test_a_ledger_row_rectified_long_term_is_in_progress",
        lambda n: _problems_where(
            n, lambda p: p.status_cue == "cell_long" and "长期推进" in p.status_words, "status"
        ),
    ),
    KnownFailure(
        "claims.find_claims: item numbers of a closing summary are read as counts when a range "
        "or a two-digit number ends them (`第1至3项已完成整改` → claimed_completed 3)",
        "test_item_numbers_are_not_counts",
        lambda n: _when(_opts(n)["item_summary"], CLAIMS),
    ),
    KnownFailure(
        "vocabulary.ITEM_SUMMARY: `第1、2项均已完成整改` (均已, 已全部) is not read, and the "
        "sentence merges into the last problem",
        "test_an_item_summary_saying_all_are_done_decides",
        lambda n: _when(
            bool(re.search(r"项(?:均已完成整改|已全部整改到位)", n.text)), {"problem status"}
        ),
    ),
    KnownFailure(
        "outline.is_closing_paragraph: the notice's totals after the last problem "
        "(`截至目前，2个问题已完成整改1个…`) are merged into it: the claims are lost and their "
        "words decide that problem's status",
        "test_totals_after_the_last_problem_are_the_closing",
        lambda n: _when(
            _opts(n)["summary"] in ("consistent", "counts")
            and not _opts(n)["org_section"]
            and _opts(n)["layout"] not in ("ledger", "summary_only"),
            CLAIMS | {f"problem {n.truth.n_problems} status"},
        ),
    ),
    KnownFailure(
        "tables.render_ledger: a ledger's rows are written as `（一）…`, so after an opening "
        "section with `（一）` items the items become problems too",
        "test_a_ledger_after_an_opening_section_lists_only_its_rows",
        lambda n: _when(
            _opts(n)["layout"] == "ledger" and _opts(n)["org_section"],
            CLAIMS | {"problems", "notice problems_itemised"},
        ),
    ),
    KnownFailure(
        "tables.render_ledger: a ledger row's label is an invented `（一）`, not its 序号 cell",
        "test_a_ledger_rows_label_is_its_number_cell",
        lambda n: _when(_opts(n)["layout"] == "ledger", {"problem label"}),
    ),
    KnownFailure(
        "headings.running_problems: a running paragraph after a paragraph ending in ： "
        "(`现将整改进展情况公布如下：`) is not a problem",
        "test_a_running_paragraph_after_a_colon_is_a_problem",
        lambda n: _when(
            _opts(n)["layout"] == "running"
            and bool(
                re.search(r"[：:](?:\s|</p><p>)*(?:针对|关于)(?:巡察指出的|巡视指出的)?“", n.text)
            ),
            {"problems", "notice problems_itemised"},
        ),
    ),
    KnownFailure(
        "outline.choose_levels: running paragraphs under `一、…方面` followed by a numbered "
        "下一步 section with `（一）` items: the 方面 headings become the problems",
        "test_running_paragraphs_under_aspects_before_a_plans_section",
        lambda n: _when(
            _opts(n)["layout"] == "running"
            and _opts(n)["n_aspects"] > 0
            and not _opts(n)["org_section"]
            and _opts(n)["plan_section"],
            {"problems", "notice problems_itemised"},
        ),
    ),
    KnownFailure(
        "normalise.repair_wraps: in a PDF-wrapped text a numbered 方面 heading without a stop "
        "(`（三）关于…有差距方面`) is joined to the running paragraph below it",
        "test_a_wrapped_aspect_heading_does_not_swallow_the_running_paragraph",
        lambda n: _when(
            _opts(n)["layout"] == "running" and _opts(n)["wrapped"] and _opts(n)["n_aspects"] > 0,
            {"problems", "notice problems_itemised"},
        ),
    ),
    KnownFailure(
        "outline.is_closing_paragraph / vocabulary.SIGNED_BODY: a closing that does not open "
        "with the known 欢迎 wording (`诚恳欢迎广大党员干部群众…`), or any closing of a notice "
        "without itemised problems, is not found, and then a signature that does not end in "
        "党组/党支部/党委/协会/科协 (`清河县统计局`) is no signature: a 我局 notice names no body",
        "test_the_signature_of_a_self_named_notice_names_the_body",
        _closing_not_found,
    ),
    KnownFailure(
        "normalise.repair_wraps: in a PDF-wrapped text a long signature line "
        "(`中共南阳市交通投资集团有限公司委员会`) is joined to the date below it, so the notice "
        "has no publish date and deadlines are weighed against the 截至 date",
        "test_a_wrapped_long_signature_keeps_its_date",
        lambda n: _when(
            _long_signature_wrapped(n),
            {"notice publish_date", "notice as_of_date"}
            | _problems_where(n, lambda p: p.deadline is not None, "status")
            | (BODY if n.truth.organisation_source == "signature" else set()),
        ),
    ),
    KnownFailure(
        "outline.choose_levels: when every 方面 heading (or every middle group heading) holds "
        "a single problem, those headings are taken for the problems",
        "test_aspects_holding_one_problem_each_are_not_problems",
        lambda n: _when(_one_problem_per_aspect(n), {"problems", "notice problems_itemised"}),
    ),
    KnownFailure(
        "problems.title_sentence: an unquoted `关于…的问题` heading without 。 with its "
        "measures on the same line swallows them",
        "test_an_unquoted_about_heading_does_not_swallow_its_measures",
        lambda n: _when(
            _opts(n)["heading_form"] == "about_open_plain",
            {"problems", "notice problems_itemised"}
            | (BODY if n.truth.organisation_source == "signature" else set())
            | ({"notice publish_date", "notice as_of_date"} if _opts(n)["web_page"] else set()),
        ),
    ),
)


KNOWN_FAILURES += (
    KnownFailure(
        "dates._inspection_and_feedback: a web page's dateline is read as part of a preamble "
        "that opens with the inspection dates, and its date, the first in a sentence with 反馈 "
        "(`并于…反馈了巡察意见`), becomes the feedback date",
        "test_a_web_dateline_is_no_feedback_date",
        lambda n: _when(_web_dateline_joined(n), {"notice feedback_date"}),
    ),
    KnownFailure(
        "normalise.detect_wrap_width: a very short PDF-wrapped notice is read as one paragraph "
        "per line, so the preamble's sentences are cut at the wraps and its dates are lost",
        "test_very_short_pdf_wrapped_notice",
        lambda n: _when(_opts(n)["wrapped"] and _n_lines(n) <= 32, DATES | BODY | {"notice title"}),
    ),
    KnownFailure(
        "outline.header_length: a one-line title of 40 characters or more (a long enterprise "
        "name, as a web page prints it) is not the title, and the page's 发布时间 becomes the "
        "feedback date",
        "test_a_long_one_line_title_is_the_title",
        lambda n: _when(
            len(n.truth.title) >= 40 and _title_on_one_line(n),
            BODY | DATES | {"notice title"},
        ),
    ),
    KnownFailure(
        "vocabulary.PROBLEM_CUE: 隐患 in a measure (`开展校园安全隐患排查`) reads as a "
        "shortcoming, so numbered measures `（1）…` are taken for the problems",
        "test_measures_about_hazards_are_not_problems",
        lambda n: _when(
            _opts(n)["measures"] in ("sub", "circled") and "隐患" in n.text,
            {"problems", "notice problems_itemised"},
        ),
    ),
)


def _title_on_one_line(notice: SynthNotice) -> bool:
    """Whether the notice prints its title on one line (a web page's ``h1``, or a text line)."""
    title = notice.truth.title
    return any(title in line for line in re.split(r"\n|<br>|</?h1>", notice.text))


def spoiled_fields(notice: SynthNotice) -> frozenset[str]:
    """Every field a known parser failure makes wrong in ``notice``."""
    spoiled = frozenset().union(*(f.spoils(notice) for f in KNOWN_FAILURES))
    return spoiled | _summary_cascade(notice, spoiled)


def failures_in(notice: SynthNotice) -> list[str]:
    """The xfail tests of the known failures that apply to ``notice``."""
    return [f.test for f in KNOWN_FAILURES if f.spoils(notice)]
