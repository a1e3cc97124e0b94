"""One notice → table rows, as a short sequence of named steps.

normalise → outline → title and organisation → place → dates → claims → statuses → rows.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import pandas as pd

from ..errors import NotANotice
from .bodies import Body, association_name, find_body
from .claims import find_claims
from .dates import NoticeDates, notice_dates
from .headings import Paragraph, build_paragraphs
from .kinds import DocKind, classify_document
from .normalise import Normalised, normalise
from .outline import (
    ParsedOutline,
    header_length,
    is_furniture,
    parse_outline,
    summary_outline,
)
from .places import Place, level_from_name, locate
from .problems import RowContext, marker_line, problem_and_measure_rows, problem_title
from .status import StatusDecision, apply_item_summary, decide_status, reconcile_with_summary
from .vocabulary import (
    HEADER_EXTRA,
    INSPECTOR,
    ITEMISED_TEXT,
    MEASURE_IN_TITLE,
    TITLE_WORDS,
    WEB_FURNITURE,
)


@dataclass
class NoticeResult:
    """The rows of one parsed notice, ready to join into the corpus tables."""

    notice: dict
    problems: list[dict] = field(default_factory=list)
    measures: list[dict] = field(default_factory=list)
    spans: list[dict] = field(default_factory=list)
    outline: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    text: str = ""


@dataclass(frozen=True)
class Claims:
    """What the notice says about itself: counts, the sentences that say so, conflicting counts."""

    values: dict[str, int | None]
    evidence: dict[str, list[str]]
    conflicts: dict[str, list[int]]


def parse_notice(
    raw: str, notice_id: str, source_path: str = "", encoding: str = ""
) -> NoticeResult:
    """Parse one notice's raw text into its rows.

    Parameters
    ----------
    raw
        The text as read from the file (``read.read_notice``).
    notice_id
        The id every row carries (the file stem).
    source_path, encoding
        Recorded in the notice row.

    Returns
    -------
    NoticeResult

    Raises
    ------
    NotANotice
        When there is no notice in the text.
    """
    norm = normalise(raw)
    kind = document_kind(norm)
    if kind.kind != "notice":
        raise NotANotice(
            f"not a rectification notice: it looks like {kind.label} ({kind.evidence})", kind.kind
        )
    try:
        outline = parse_outline(norm)
    except NotANotice as exc:
        outline = summary_outline(norm, str(exc))
    text = outline.text
    title = notice_title(outline)
    body = inspected_body(outline, title)
    place = locate(body.region or body.organisation)
    association = association_name(body, place.short_name) or f"未识别单位（{notice_id}）"
    dates = notice_dates(text, *_locators(outline))
    claims = Claims(*find_claims(non_problem_text(outline)))
    decisions = decide_statuses(outline, dates.as_of_date, claims)
    ctx = RowContext(notice_id, association, text, outline.paragraphs, outline.problem_level)
    problems, measures = problem_and_measure_rows(ctx, outline.problems, decisions)
    notice = notice_row(ctx, outline, norm, title, body, place, dates, claims)
    notice.update(
        n_measures=len(measures),
        encoding=encoding,
        source_path=source_path,
        doc_kind=kind.kind,
        doc_kind_evidence=kind.evidence,
        problems_itemised=bool(outline.problems),
    )
    return NoticeResult(
        notice=notice,
        problems=problems,
        measures=measures,
        spans=span_rows(outline, notice_id, len(text)),
        outline=outline_rows(outline, notice_id),
        warnings=[
            *notice_warnings(norm, outline, claims, place, body.organisation),
            *oddities(problems, claims),
        ],
        text=text,
    )


def document_kind(norm: Normalised) -> DocKind:
    """What the document is (``kinds.classify_document``), from its title lines and its text.

    Parameters
    ----------
    norm : Normalised
        The normalised document.

    Returns
    -------
    DocKind
        Its kind, the reason and the words that said so.
    """
    paragraphs = build_paragraphs(norm)
    header = paragraphs[: header_length(paragraphs)]
    title = "".join(p.text for p in header if not WEB_FURNITURE.match(p.text))
    return classify_document(title, norm.text)


def _paragraph_at(outline: ParsedOutline, pos: int) -> Paragraph | None:
    """The paragraph holding offset ``pos`` (its trailing newline included): a binary search."""
    i = bisect.bisect_right(outline.starts, pos) - 1
    return outline.paragraphs[i] if i >= 0 else None


def _locators(outline: ParsedOutline):
    """(kind at an offset, paragraph text at an offset) for ``dates.notice_dates``."""

    def kind_at(pos: int) -> str:
        return outline.placements[_paragraph_at(outline, pos).index].kind

    def paragraph_at(pos: int) -> str:
        p = _paragraph_at(outline, pos)
        return p.text if p is not None else ""

    return kind_at, paragraph_at


def notice_title(outline: ParsedOutline) -> str:
    """The title: the header lines joined, attachment marks and web-page furniture left out.

    On a page copied from the web the header may hold a site name above the furniture
    (`鹿鸣市科学技术协会` / `首页 | 机构概况…` / the title / `发布时间：…`): the title is then the run
    of lines between furniture that names the notice (`…关于…的通报`), else the last run.

    Parameters
    ----------
    outline : ParsedOutline
        The notice's outline.

    Returns
    -------
    str
        The title, empty when the notice has none.
    """
    runs: list[list[str]] = [[]]
    furniture = False
    for i in outline.header:
        text = outline.paragraphs[i].text
        furniture = is_furniture(text, furniture)
        if furniture:
            runs.append([])
        elif not HEADER_EXTRA.match(text):
            runs[-1].append(text)
    runs = [run for run in runs if run]
    if not runs:
        return ""
    naming = [run for run in runs if TITLE_WORDS.search("".join(run))]
    return "".join((naming or runs)[-1])


def inspected_body(outline: ParsedOutline, title: str) -> Body:
    """The inspected body, from the title, the opening or the signature (``bodies.find_body``).

    Parameters
    ----------
    outline : ParsedOutline
        The notice's outline.
    title : str
        The notice's title (``notice_title``).

    Returns
    -------
    Body
        The body, with where it was found.
    """
    first_problem = (
        outline.problems[0].heading_index if outline.problems else len(outline.paragraphs)
    )
    opening = [
        p.text
        for p in outline.paragraphs[:first_problem]
        if outline.placements[p.index].kind in {"header", "preamble", "heading"}
    ]
    closing = [
        p.text
        for p in reversed(outline.paragraphs)
        if outline.placements[p.index].kind == "closing"
    ]
    return find_body(title, opening, closing)


def non_problem_text(outline: ParsedOutline) -> str:
    """Every paragraph outside the problems: where a notice states its own totals.

    Parameters
    ----------
    outline : ParsedOutline
        The notice's outline.

    Returns
    -------
    str
        Those paragraphs, one a line.
    """
    return "\n".join(
        p.text for p in outline.paragraphs if outline.placements[p.index].kind != "problem"
    )


def _heading_with_marker(node, paragraphs) -> str:
    """The heading, ending with its status marker even when the measures follow the marker on
    its line (`…问题（已整改）一是…`) or the marker was wrapped onto the next line."""
    heading = paragraphs[node.heading_index].text + marker_line(node, paragraphs)
    marker = problem_title(node)[1]
    if marker and not heading.rstrip("。. ").endswith(marker):
        heading += marker
    return heading


def decide_statuses(
    outline: ParsedOutline, as_of: pd.Timestamp | None, claims: Claims
) -> list[StatusDecision]:
    """Each problem's status from its own words, then the notice's totals where they settle it.

    Parameters
    ----------
    outline : ParsedOutline
        The notice's outline.
    as_of : Timestamp or None
        The date the notice speaks for, against which deadlines are compared.
    claims : Claims
        The notice's claimed totals.

    Returns
    -------
    list of StatusDecision
        One per problem, in order.
    """
    ps = outline.paragraphs
    decisions = [
        decide_status(
            _heading_with_marker(node, ps),
            "\n".join(ps[i].text for i in node.body),
            as_of,
        )
        for node in outline.problems
    ]
    decisions = apply_item_summary(decisions, non_problem_text(outline))
    summary = next(iter(claims.evidence.get("claimed_completed", [])), "")
    return reconcile_with_summary(
        decisions, claims.values["claimed_completed"], claimed_not_completed(claims), summary
    )


def claimed_not_completed(claims: Claims) -> int | None:
    """The notice's count of problems not yet completed: ongoing plus 基本完成 (None if neither).

    Parameters
    ----------
    claims : Claims
        The notice's claims.

    Returns
    -------
    int or None
        The count, None when the notice states neither.
    """
    parts = [claims.values.get(k) for k in ("claimed_ongoing", "claimed_basically_completed")]
    stated = [n for n in parts if n is not None]
    return sum(stated) if stated else None


def notice_row(
    ctx: RowContext,
    outline: ParsedOutline,
    norm: Normalised,
    title: str,
    body: Body,
    place: Place,
    dates: NoticeDates,
    claims: Claims,
) -> dict:
    """The ``corpus.notices`` row (``n_measures``, ``encoding`` and ``source_path`` added after).

    Parameters
    ----------
    ctx : RowContext
        The notice's id, association and text.
    outline : ParsedOutline
        Its outline.
    norm : Normalised
        Its normalised text.
    title : str
        Its title.
    body : Body
        The inspected body.
    place : Place
        Its place in the gazetteer.
    dates : NoticeDates
        Its dates.
    claims : Claims
        Its claimed counts.

    Returns
    -------
    dict
        Column → value.
    """
    inspector = INSPECTOR.search(ctx.text)
    return dict(
        notice_id=ctx.notice_id,
        association=ctx.association,
        organisation=body.organisation,
        organisation_source=body.source,
        organisation_evidence=body.evidence,
        unit_kind=body.unit_kind,
        unit_kind_evidence=body.unit_kind_evidence,
        title=title,
        province=place.province,
        city=place.city,
        county=place.county,
        adcode=place.adcode,
        level=place.level or level_from_name(body.region),
        inspector=inspector.group(0) if inspector else None,
        **dates.columns(),
        **claims.values,
        n_aspects=len(outline.aspects) or None,
        n_problems=len(outline.problems),
        n_measures=None,
        n_unassigned=sum(1 for p in outline.placements if p.kind == "unassigned"),
        n_chars=len(ctx.text),
        date_evidence=" | ".join(dates.evidence) or None,
        claims_evidence=" | ".join(
            f"{k.removeprefix('claimed_')}：{s}" for k, ss in claims.evidence.items() for s in ss
        )
        or None,
        claims_conflicts=" | ".join(
            f"{k.removeprefix('claimed_')}：{'、'.join(map(str, v))}"
            for k, v in claims.conflicts.items()
        )
        or None,
        wrapped=norm.wrapped,
    )


def notice_warnings(
    norm: Normalised, outline: ParsedOutline, claims: Claims, place: Place, organisation: str
) -> list[str]:
    """Removed lines, outline oddities, conflicting counts and an unknown place.

    Parameters
    ----------
    norm : Normalised
        The normalised notice.
    outline : ParsedOutline
        Its outline.
    claims : Claims
        Its claimed counts.
    place : Place
        Its place in the gazetteer.
    organisation : str
        The inspected body as written.

    Returns
    -------
    list of str
        The warnings, one sentence each.
    """
    warnings = [*norm.removed, *outline.warnings]
    for key, values in claims.conflicts.items():
        warnings.append(
            f"the notice states different {key.removeprefix('claimed_')} counts {values}; "
            f"kept {claims.values[key]} (the one beside the completion totals, else the most frequent)"
        )
    if place.province is None:
        warnings.append(
            f"organisation {organisation!r} not found in the gazetteer: no province/city"
        )
    return warnings


#: a problem title longer than this has probably swallowed text (the longest real ones are ~70)
LONG_TITLE = 100


def oddities(problems: list[dict], claims: Claims) -> list[str]:
    """Warnings where the parse looks odd: silent corruption is the worst failure.

    Parameters
    ----------
    problems : list of dict
        The notice's problem rows.
    claims : Claims
        Its claimed counts.

    Returns
    -------
    list of str
        The warnings.
    """
    out = []
    for p in problems:
        if len(p["title"]) > LONG_TITLE or MEASURE_IN_TITLE.search(p["title"]):
            out.append(
                f"problem {p['problem_no']}: a {len(p['title'])}-character title holding "
                f"{p['title'][:24]!r}… — the heading may have swallowed its rectification text"
            )
        if p["n_measures"] == 0 and ITEMISED_TEXT.search(p["text"] or ""):
            out.append(
                f"problem {p['problem_no']}: its text itemises 一是/二是 but no measures were found"
            )
    claimed = claims.values.get("claimed_problems")
    if claimed is not None and claimed != len(problems):
        out.append(f"the notice says {claimed} problems; {len(problems)} were parsed")
    return out


def span_rows(outline: ParsedOutline, notice_id: str, length: int) -> list[dict]:
    """Rows of ``corpus.spans``: runs of paragraphs of one kind and owner, tiling the text.

    Parameters
    ----------
    outline : ParsedOutline
        The notice's outline.
    notice_id : str
        The notice's id.
    length : int
        The length of the notice's text, where the last span ends.

    Returns
    -------
    list of dict
        One row per span, in order.
    """
    spans: list[dict] = []
    ps = outline.paragraphs
    for p in ps:
        placement = outline.placements[p.index]
        kind, owner = placement.kind, placement.owner
        stop = ps[p.index + 1].start if p.index + 1 < len(ps) else length
        label = str(owner) if owner is not None else None
        if (
            spans
            and spans[-1]["kind"] == kind
            and spans[-1]["label"] == label
            and kind != "heading"
        ):
            spans[-1]["char_end"] = stop
        else:
            spans.append(
                dict(notice_id=notice_id, kind=kind, label=label, char_start=p.start, char_end=stop)
            )
    return spans


#: outline roles shown in ``corpus.outline``, with their depth
OUTLINE_DEPTH = {"section": 0, "aspect": 1, "group": 2, "problem": 3, "measure": 4}


def outline_rows(outline: ParsedOutline, notice_id: str) -> list[dict]:
    """Rows of ``corpus.outline``: the tree of sections, 方面, groups, problems and measures.

    Parameters
    ----------
    outline : ParsedOutline
        The notice's outline.
    notice_id : str
        The notice's id.

    Returns
    -------
    list of dict
        One row per heading and problem, in order.
    """
    rows = []
    problem_no = 0
    for p in outline.paragraphs:
        role = outline.placements[p.index].role
        if role == "problem":
            problem_no += 1
        if role in OUTLINE_DEPTH:
            rows.append(
                dict(
                    notice_id=notice_id,
                    node=role,
                    depth=OUTLINE_DEPTH[role],
                    label=p.heading.label if p.heading else "",
                    title=(p.heading.rest if p.heading else p.text)[:80],
                    problem_no=problem_no if role in {"problem", "measure"} else None,
                    char_start=p.start,
                )
            )
    return rows
