"""Writing one problem: its title, heading, measures and status cues.

:func:`write_problem` writes one problem in three steps (heading with its status marker →
rectification text → status sentence or field) and returns its :class:`ProblemTruth`. Each
problem draws a *status cue*, the way it states its status, from the pool of the notice's
``status_mix``; the cue decides the true status by the rules in ``rectify_utils/parse/status.py``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from . import wording
from .options import NoticeOptions
from .render import CIRCLED, Writer, cn_number, fmt_date, month_end
from .truth import ProblemTruth

_MARKER_CUES = ("marker_done", "marker_ongoing")
_FIELD_CUES = (
    "field_done", "field_done_long", "field_past", "field_future", "field_long", "field_keep",
    "field_on_the_spot", "field_progress_done", "field_progress_ongoing",
)  # fmt: skip
_BODY_CUES = ("body_done", "body_ongoing", "body_plan")
# status cues by the notice's status_mix (repeats weight the draw; `mixed` is an ongoing body
# sentence under a done marker)
STATUS_CUE_POOLS = {
    "markers": (*_MARKER_CUES, "marker_done", "marker_done", "none"),
    "fields": (*_FIELD_CUES, "field_done", "none"),
    "body": (*_BODY_CUES, "none", "none"),
    "mixed": (*_MARKER_CUES, *_FIELD_CUES, *_BODY_CUES, "mixed", "none", "none"),
    "none": ("none",),
}
# the status each cue states; any other cue (field_keep, none) states none
CUE_STATUS = {
    **dict.fromkeys(
        ("marker_done", "field_done", "field_done_long", "field_on_the_spot",
         "field_progress_done", "body_done", "field_past"),
        "completed",
    ),
    **dict.fromkeys(
        ("marker_ongoing", "field_future", "field_long", "body_ongoing", "body_plan", "mixed",
         "field_progress_ongoing"),
        "in_progress",
    ),
}  # fmt: skip


@dataclass(frozen=True)
class NoticeDates:
    """The dates of one inspection and its notice."""

    start: dt.date  # the inspection began
    end: dt.date  # the inspection ended
    feedback: dt.date  # the inspectors reported their findings
    publish: dt.date  # the notice was published (the as-of date)


@dataclass(frozen=True)
class ProblemSlot:
    """Where a problem sits in the outline: its number, its label and the headings above it."""

    problem_no: int
    label: str
    aspect_no: int | None
    aspect_title: str | None
    group_title: str | None


def date_between(rng: random.Random, a: dt.date, b: dt.date) -> dt.date:
    """A day from ``a`` to ``b`` inclusive (``a`` when ``b`` is earlier)."""
    return a + dt.timedelta(days=rng.randint(0, max(0, (b - a).days)))


def problem_title(rng: random.Random, wide: bool = False) -> tuple[str, str]:
    """A problem statement and its area: `科普阵地建设不到位`, `…不够扎实，…存在漏洞`.

    Parameters
    ----------
    rng
        The notice's random generator.
    wide
        Now and then use a shortcoming the parser's vocabulary does not name.

    Returns
    -------
    tuple of str
        The statement and the area of work of its first clause.
    """
    area = rng.choice(wording.AREAS)
    first = area + _shortcoming(rng, wide)
    if rng.random() < 0.4:
        second = rng.choice(wording.AREAS) + _shortcoming(rng, wide)
        if second != first:
            return f"{first}，{second}", area
    return first, area


def _shortcoming(rng: random.Random, wide: bool = False) -> str:
    if wide and rng.random() < 0.3:
        return rng.choice(wording.OTHER_SHORTCOMINGS)
    return rng.choice(wording.SHORTCOMINGS)


def heading_text(form: str, title: str) -> str:
    """A problem heading after its label, in one of the heading forms.

    Examples
    --------
    >>> heading_text("zhendui", "学会管理不规范")
    '针对“学会管理不规范”问题的整改。'
    """
    if form == "about_quoted":  # 新野: 关于“…”问题。
        return f"关于“{title}”问题。"
    if form == "about_de":  # 石龙: 关于…的问题。
        return f"关于{title}的问题。"
    if form == "bare_wenti":  # 东营: …问题 (no stop)
        return f"{title}问题"
    if form == "bare_stop":  # 罗庄: …。
        return f"{title}。"
    if form == "zhendui":  # 立山: 针对“…”问题的整改。
        return f"针对“{title}”问题的整改。"
    return f"针对“{title}”的问题的整改。"  # zhendui_de


def measure_sentence(rng: random.Random, area: str, year: int) -> str:
    """One rectification step of one to three clauses (no final stop)."""
    area = area.replace("“", "").replace("”", "")
    clauses = [
        template.format(
            doc=rng.choice(wording.DOCS),
            unit="",
            topic=rng.choice(wording.TOPICS),
            n=rng.randint(1, 9),
            m=rng.randint(10, 300),
            area=area,
            dept=rng.choice(wording.DEPTS),
            year=year,
        )
        for template in rng.sample(wording.MEASURES, rng.choice((1, 2, 2, 3)))
    ]
    return "，".join(clauses).replace("工作工作", "工作")  # `…提升工作` + `工作台账`


def write_problem(
    w: Writer, slot: ProblemSlot, dates: NoticeDates, measure_level: int | None
) -> ProblemTruth:
    """Write one problem: heading, rectification text, status cues; return its truth.

    Parameters
    ----------
    w
        The notice's writer.
    slot
        The problem's number, label and the headings above it.
    dates
        The notice's dates (deadlines fall before or after the publish date).
    measure_level
        The outline level of measure sub-headings, where measures are sub-headings.

    Returns
    -------
    ProblemTruth
        The problem as a correct parse must report it.
    """
    title, area, cue, heading = _write_heading(w, slot.label)
    paragraphs, n_measures = _measure_paragraphs(w, area, dates.start.year, heading, measure_level)
    status_paragraphs, deadline = _status_paragraphs(w.rng, cue, dates)
    for p in paragraphs + status_paragraphs:
        w.add(w.punct(p))
    return ProblemTruth(
        problem_no=slot.problem_no,
        label=slot.label,
        title=title,
        aspect_no=slot.aspect_no,
        aspect_title=slot.aspect_title,
        group_title=slot.group_title,
        status=CUE_STATUS.get(cue, "not_stated"),
        status_cue=cue,
        n_measures=n_measures,
        deadline=deadline,
    )


def _write_heading(w: Writer, label: str) -> tuple[str, str, str, str]:
    """Draw the title and status cue, write the heading; return title, area, cue, heading."""
    rng, opts = w.rng, w.opts
    title, area = problem_title(rng, opts.wide_vocabulary)
    title = w.punct(title)
    cue = rng.choice(STATUS_CUE_POOLS[opts.status_mix])
    heading = w.punct(heading_text(opts.heading_form, title))
    if cue in (*_MARKER_CUES, "mixed"):
        heading += w.punct(rng.choice(_markers(cue, opts)))
    if opts.bold and rng.random() < 0.3:
        w.add(f"**{label}{heading}**")
    else:
        w.add(label + heading)
    return title, area, cue, heading


def _markers(cue: str, opts: NoticeOptions) -> tuple[str, ...]:
    """The heading markers a cue draws from (some only where no PDF wrap can move them)."""
    if cue == "marker_ongoing":
        extra = () if opts.wrapped else wording.MARKERS_ONGOING_UNWRAPPED
        return (*wording.MARKERS_ONGOING, *extra)
    extra = () if opts.wrapped else wording.MARKERS_DONE_UNWRAPPED
    return (*wording.MARKERS_DONE, *extra)


def _measure_paragraphs(
    w: Writer, area: str, year: int, heading: str, measure_level: int | None
) -> tuple[list[str], int]:
    """The rectification text in the notice's measure style, and how many measures it itemises."""
    rng, style = w.rng, w.opts.measures
    n_measures = rng.randint(2, 5) if style != "none" else 0
    sentences = [
        measure_sentence(rng, area, year) for _ in range(max(n_measures, rng.randint(1, 3)))
    ]
    # a heading without a full stop is followed by a new item, or a PDF wrap would join them
    needs_start = not heading.endswith("。")
    prefix = wording.MEASURE_FIELD if w.opts.field_label or needs_start else ""
    itemised = sentences[:n_measures]
    if style == "sub":  # sub-headings one level down: `(1)…。`
        return [w.label(measure_level, k) + s + "。" for k, s in enumerate(itemised, 1)], n_measures
    if style == "circled":
        items = [f"{CIRCLED[k]}{s}" for k, s in enumerate(itemised)]
        return [prefix + "；".join(items) + "。"], n_measures
    if style == "shi":
        return _shi_paragraphs(w, sentences, n_measures, prefix), n_measures
    return [prefix + "。".join(sentences) + "。"], n_measures


def _shi_paragraphs(w: Writer, sentences: list[str], n_measures: int, prefix: str) -> list[str]:
    """`一是…。二是…。`, now and then continued in a second paragraph (石龙: `四是` on a new line)."""
    marks = [f"{cn_number(k)}是" for k in range(1, n_measures + 1)]
    if w.opts.bold:
        marks = [f"**{m}**" for m in marks]
    items = [f"{m}{s}。" for m, s in zip(marks, sentences)]
    cut = w.rng.randint(1, len(items)) if w.rng.random() < 0.3 else len(items)
    paragraphs = [prefix + "".join(items[:cut])]
    if cut < len(items):
        paragraphs.append("".join(items[cut:]))
    return paragraphs


def _status_paragraphs(
    rng: random.Random, cue: str, dates: NoticeDates
) -> tuple[list[str], str | None]:
    """The paragraphs that state a problem's status after its text, and its deadline (ISO)."""
    paragraphs = []
    sentence = _status_sentence(rng, cue, dates.publish)
    if sentence:
        paragraphs.append(sentence)
    status_field, deadline = _status_field(rng, cue, dates)
    if status_field:
        paragraphs.append(status_field)
    return paragraphs, deadline


def _status_sentence(rng: random.Random, cue: str, publish: dt.date) -> str | None:
    """A closing sentence that states the status (`目前，相关工作正在有序推进中。`)."""
    if cue == "body_done":
        return rng.choice(wording.BODY_DONE)
    if cue in ("body_ongoing", "mixed"):
        return wording.BODY_ONGOING.format(doing=rng.choice(wording.BODY_DOING))
    if cue == "body_plan":
        when = publish + dt.timedelta(days=rng.randint(20, 200))
        return wording.BODY_PLAN.format(year=when.year, month=when.month)
    return None


def _status_field(
    rng: random.Random, cue: str, dates: NoticeDates
) -> tuple[str | None, str | None]:
    """A status or deadline field (`整改时限：2024年5月底前完成并长期坚持。`) and the deadline."""
    field_name = rng.choice(wording.DEADLINE_FIELDS)  # drawn for every problem
    if cue not in wording.FIELD_VALUES:
        return None, None
    if cue in ("field_progress_done", "field_progress_ongoing"):
        field_name = rng.choice(wording.PROGRESS_FIELDS)
    deadline, written = None, ""
    if cue in ("field_past", "field_future"):
        day, written = _deadline(rng, cue, dates)
        deadline = day.isoformat()
    return f"{field_name}：{wording.FIELD_VALUES[cue].format(deadline=written)}", deadline


def _deadline(rng: random.Random, cue: str, dates: NoticeDates) -> tuple[dt.date, str]:
    """A deadline before the publish date (``field_past``) or after it, and how it is written."""
    if cue == "field_past":
        day = date_between(rng, dates.feedback, dates.publish)
    else:
        day = dates.publish + dt.timedelta(days=rng.randint(1, 300))
    last = month_end(day)
    if rng.random() < 0.3 and (cue == "field_future" or last <= dates.publish):
        return last, f"{day.year}年{day.month}月底"  # the month's last day
    return day, fmt_date(day)
