"""Problems: which headings state a shortcoming, their titles and status markers, their measures,
and the table rows of one notice's problems and measures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .headings import Heading, Paragraph, first_sentence
from .numerals import cn_to_int
from .status import StatusDecision
from .vocabulary import (
    CIRCLED_MARK,
    DE_WENTI,
    DIGIT_MARK,
    FIELD_LABEL,
    FIRST_SHI,
    LEADING_MARKER,
    LEDGER_LEVEL,
    MAX_PROBLEM_HEADING,
    PAREN_MARK,
    PROBLEM_CUE,
    PROBLEM_WRAPPER,
    SHI_MARK,
    STATUS_MARKER,
    TITLE_AFFIX,
    TITLE_WRAPPER,
    TITLE_WRAPPER_LOOSE,
    UNQUOTED_RUN_ON,
    UNQUOTED_TITLE,
    WRAPPED_TITLE,
    WRAPPED_TITLE_LOOSE,
)


@dataclass
class ProblemNode:
    """A problem heading and the paragraphs of its rectification text."""

    heading_index: int
    heading: Heading
    aspect_no: int | None
    aspect_title: str | None
    group_title: str | None
    body: list[int] = field(default_factory=list)  # paragraph indices after the heading


def looks_like_problem(heading: Heading, next_paragraph: str | None) -> bool:
    """Does this heading state a shortcoming (rather than an action or a plan)?

    Parameters
    ----------
    heading : Heading
        The heading.
    next_paragraph : str or None
        The paragraph after it, None at the end of the notice.

    Returns
    -------
    bool
        True when the heading reads as a problem.
    """
    if heading.level == LEDGER_LEVEL:
        return True  # a row of a 整改台账: its problem cell, whatever its wording
    sentence = heading.first_sentence[:100]
    if STATUS_MARKER.search(sentence) or (next_paragraph and FIELD_LABEL.match(next_paragraph)):
        return True
    if PROBLEM_WRAPPER.match(sentence.strip()) or UNQUOTED_TITLE.match(heading.rest):
        return True  # `针对“…”问题的整改`, `关于…的问题`: the notice calls it a problem, text may follow
    if len(heading.rest) > MAX_PROBLEM_HEADING:
        return False  # a long paragraph under a number is an action taken, not a problem statement
    return bool(PROBLEM_CUE.search(sentence.rstrip("。. ")))


class ProblemLikeness:
    """``likeness(i)``: does paragraph ``i``'s heading state a shortcoming? Computed once each."""

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self._paragraphs = paragraphs
        self._memo: dict[int, bool] = {}

    def __call__(self, i: int) -> bool:
        if i not in self._memo:
            ps = self._paragraphs
            following = ps[i + 1].text if i + 1 < len(ps) else None
            self._memo[i] = looks_like_problem(ps[i].heading, following)
        return self._memo[i]


def clean_title(sentence: str) -> tuple[str, str]:
    """A problem statement without its wrapper and status marker → (title, status marker).

    Parameters
    ----------
    sentence : str
        The title sentence of a problem heading (``title_sentence``).

    Returns
    -------
    tuple of (str, str)
        The clean title, and the status marker (empty when there is none).
    """
    sentence = sentence.strip()
    marker = ""
    m = STATUS_MARKER.search(sentence)
    if m:
        marker, sentence = m.group(0).strip(), sentence[: m.start()].strip()
    w = TITLE_WRAPPER.match(sentence) or TITLE_WRAPPER_LOOSE.match(sentence)
    if w:
        title = w.group("q")
    else:
        title = sentence.rstrip("。.；;：:")
        title = TITLE_AFFIX.sub("", title).strip()
    return title.strip() or sentence, marker


def title_sentence(heading_rest: str) -> str:
    """The part of a problem heading that states the problem.

    A `关于“…”问题` title ends at `问题` even without its stop (`…问题一是…` keeps 一是 out of
    the title); any other heading's title is its first sentence.

    Parameters
    ----------
    heading_rest : str
        The heading paragraph after its label.

    Returns
    -------
    str
        The title sentence.
    """
    sentence = first_sentence(heading_rest)
    if TITLE_WRAPPER.match(sentence.strip()):
        return sentence  # the whole first sentence is the wrapped title
    m = (
        WRAPPED_TITLE.match(heading_rest)
        or WRAPPED_TITLE_LOOSE.match(heading_rest)
        or UNQUOTED_TITLE.match(heading_rest)
    )
    return m.group(0) if m else _run_on_title(sentence) or sentence


def _run_on_title(sentence: str) -> str | None:
    """`关于…的问题` with its text straight after it (`…的问题对2022年以来的…`): the title up to
    the first `的问题` whose next clause states no shortcoming; None when there is none."""
    if not UNQUOTED_RUN_ON.match(sentence):
        return None
    for m in DE_WENTI.finditer(sentence, 4):
        if m.end() > MAX_PROBLEM_HEADING:
            return None
        after = m.group("next")
        if len(after) >= 4 and not PROBLEM_CUE.search(after):
            return sentence[: m.end()]
    return None


def problem_title(node: ProblemNode) -> tuple[str, str, str]:
    """(clean title, status marker, rest of the heading paragraph after the title).

    Parameters
    ----------
    node : ProblemNode
        The problem.

    Returns
    -------
    tuple of (str, str, str)
        Title, status marker (empty when none) and the rest of the heading paragraph.
    """
    sentence = title_sentence(node.heading.rest)
    rest = node.heading.rest[len(sentence) :].strip()
    # a status marker may follow the title: `…的问题。（已整改到位）`, `…问题（已完成）一是…`
    marker_m = LEADING_MARKER.match(rest)
    trailing_marker = bool(marker_m) and bool(STATUS_MARKER.search(marker_m.group(0).rstrip("。.")))
    if rest.startswith(("（", "(")) and len(rest) <= 12:
        marker_m, trailing_marker = None, True
    marker_text = (marker_m.group(0) if marker_m else rest) if trailing_marker else ""
    title, marker = clean_title(sentence + marker_text.rstrip("。."))
    if marker and trailing_marker:
        rest = rest[len(marker_text) :].strip()
    return title, marker, rest


def marker_line(node: ProblemNode, paragraphs: list[Paragraph]) -> str:
    """A status marker wrapped onto the line after the heading: `（已整改）` alone.

    Parameters
    ----------
    node : ProblemNode
        The problem.
    paragraphs : list of Paragraph
        The notice's paragraphs.

    Returns
    -------
    str
        The marker line, empty when there is none.
    """
    if node.body:
        first = paragraphs[node.body[0]].text.strip()
        if STATUS_MARKER.fullmatch(first):
            return first
    return ""


def inline_measures(text: str) -> list[tuple[str, int, int]]:
    """Split `①…②…`, `一是…二是…`, `（1）…（2）…` or `：1.…；2.…` into (label, start, end)
    segments; [] if not itemised.

    Items are numbered 1, 2, 3… in order; every item but the first follows a colon, a stop or a
    line start (the first `一是` may follow its subject: `院党组一是…；二是…`).

    Parameters
    ----------
    text : str
        A problem's rectification text.

    Returns
    -------
    list of tuple of (str, int, int)
        (label, start, end) of each item, offsets into ``text``.
    """
    for pattern, numbering in (
        (CIRCLED_MARK, "circled"),
        (SHI_MARK, "shi"),
        (PAREN_MARK, "paren"),
        (DIGIT_MARK, "digit"),
    ):
        marks = list(pattern.finditer(text))
        if numbering == "shi":
            marks = sorted([*marks, *FIRST_SHI.finditer(text)], key=lambda m: m.start())
        seq, expected = [], 1
        for m in marks:
            num = m.group(0) if numbering == "circled" else m.group("num")
            if cn_to_int(num) == expected and (not seq or m.start() >= seq[-1].end()):
                seq.append(m)
                expected += 1
        if len(seq) >= 2:
            out = []
            for k, m in enumerate(seq):
                start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                end = seq[k + 1].start() if k + 1 < len(seq) else _paragraph_end(text, m.end())
                out.append((m.group(0).strip(), start, end))
            return out
    return []


def _paragraph_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl == -1 else nl


def node_measures(
    node: ProblemNode,
    paragraphs: list[Paragraph],
    problem_level: int,
    text: str,
    heading_rest: str = "",
) -> list[tuple[str, int, int]]:
    """Sub-headings under the problem (`(1)…`), else inline `①…` / `一是…` items.

    Inline items are looked for from the text after the title on the heading's own line
    (``heading_rest``: `关于“…”问题一是…；二是…`) to the end of the problem.

    Parameters
    ----------
    node : ProblemNode
        The problem.
    paragraphs : list of Paragraph
        The notice's paragraphs.
    problem_level : int
        The outline level of the problems.
    text : str
        The notice's normalised text.
    heading_rest : str, default ""
        The text after the title on the heading's line (``problem_title``).

    Returns
    -------
    list of tuple of (str, int, int)
        (label, start, end) of each measure, offsets into ``text``.
    """
    ps = paragraphs
    sub = [i for i in node.body if ps[i].heading and problem_level < ps[i].heading.level < 5]
    if sub:
        out = []
        for k, i in enumerate(sub):
            stop = sub[k + 1] if k + 1 < len(sub) else None
            last = max(j for j in node.body if j >= i and (stop is None or j < stop))
            out.append((ps[i].heading.label, ps[i].start, ps[last].end))
        return out
    head = ps[node.heading_index]
    if heading_rest:
        start = head.end - len(heading_rest)
    elif node.body:
        start = ps[node.body[0]].start
    else:
        return []
    end = ps[node.body[-1]].end if node.body else head.end
    return [(label, start + a, start + b) for label, a, b in inline_measures(text[start:end])]


@dataclass(frozen=True)
class RowContext:
    """What every row of one notice shares."""

    notice_id: str
    association: str
    text: str
    paragraphs: list[Paragraph]
    problem_level: int


def measure_rows(
    ctx: RowContext, problem_no: int, measures: list[tuple[str, int, int]]
) -> list[dict]:
    """Rows of ``corpus.measures`` for one problem's measures.

    Parameters
    ----------
    ctx : RowContext
        The notice's id, association and text.
    problem_no : int
        The problem's number (1…n).
    measures : list of tuple of (str, int, int)
        (label, start, end) of each measure, offsets into the notice's text.

    Returns
    -------
    list of dict
        One row per measure.
    """
    rows = []
    for k, (label, m_start, m_end) in enumerate(measures, start=1):
        m_text = ctx.text[m_start:m_end].strip()
        m_text = m_text[len(label) :].strip() if m_text.startswith(label) else m_text
        rows.append(
            dict(
                notice_id=ctx.notice_id,
                problem_no=problem_no,
                measure_no=k,
                label=label,
                text=m_text.rstrip("；;，, \n"),
                char_start=m_start,
                char_end=m_end,
            )
        )
    return rows


def problem_row(
    ctx: RowContext, problem_no: int, node: ProblemNode, decision: StatusDecision, n_measures: int
) -> dict:
    """The ``corpus.problems`` row of one problem.

    Parameters
    ----------
    ctx : RowContext
        The notice's id, association and text.
    problem_no : int
        The problem's number (1…n).
    node : ProblemNode
        The problem.
    decision : StatusDecision
        Its status.
    n_measures : int
        How many measures were found for it.

    Returns
    -------
    dict
        Column → value.
    """
    title, marker, heading_rest = problem_title(node)
    marker = marker or marker_line(node, ctx.paragraphs)
    head = ctx.paragraphs[node.heading_index]
    body = [ctx.paragraphs[i] for i in node.body]
    return dict(
        notice_id=ctx.notice_id,
        association=ctx.association,
        problem_no=problem_no,
        label=node.heading.label,
        aspect_no=node.aspect_no,
        aspect_title=node.aspect_title,
        group_title=node.group_title,
        title=title,
        title_raw=node.heading.rest,
        status_marker=marker or None,
        text="\n".join(([heading_rest] if heading_rest else []) + [p.text for p in body]),
        status=decision.status,
        status_evidence=decision.evidence,
        deadline=decision.deadline,
        deadline_evidence=decision.deadline_evidence or None,
        n_measures=n_measures,
        char_start=head.start,
        char_end=body[-1].end if body else head.end,
    )


def problem_and_measure_rows(
    ctx: RowContext, nodes: list[ProblemNode], decisions: list[StatusDecision]
) -> tuple[list[dict], list[dict]]:
    """Rows of ``corpus.problems`` and ``corpus.measures`` for one notice, in notice order.

    Parameters
    ----------
    ctx : RowContext
        The notice's id, association, text and paragraphs.
    nodes : list of ProblemNode
        The problems, in order.
    decisions : list of StatusDecision
        Their statuses, in the same order.

    Returns
    -------
    tuple of (list of dict, list of dict)
        The problem rows and the measure rows.
    """
    problems, measures = [], []
    for no, (node, decision) in enumerate(zip(nodes, decisions), start=1):
        rest = problem_title(node)[2]
        found = node_measures(node, ctx.paragraphs, ctx.problem_level, ctx.text, rest)
        measures += measure_rows(ctx, no, found)
        problems.append(problem_row(ctx, no, node, decision, len(found)))
    return problems, measures


Likeness = Callable[[int], bool]
