"""Writing one problem: its title, heading, measures and status cues.

:func:`write_problem` writes one numbered problem in three steps (heading with its status
marker → rectification text → status sentence or field) and returns its :class:`ProblemTruth`;
:func:`write_running_problem` writes one running paragraph (`针对“…”的问题。一是…；二是…。`).
Each problem draws a *status cue*, the way it states its status, from the pool of the notice's
``status_mix``; the cue decides the true status by the genre's rules: a stated status (marker,
field, sentence, a status line, a plan still to come) wins over a deadline, in progress wins
over completed among stated ones, and a deadline decides only when nothing is stated.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from . import wording
from .render import CIRCLED, Writer, cn_number, fmt_date, month_end
from .truth import ProblemTruth

_MARKER_CUES = ("marker_done", "marker_ongoing")
_FIELD_CUES = (
    "field_done", "field_done_long", "field_past", "field_future", "field_long", "field_keep",
    "field_on_the_spot", "field_progress_done", "field_progress_ongoing",
)  # fmt: skip
_BODY_CUES = ("body_done", "body_ongoing", "body_plan")
# status forms of the genre beyond the bundled notices (issue 9)
_FORM_CUES = (
    "field_bare_done", "line_ongoing", "line_keep", "plan_dated", "pending", "basic",
    "marker_done_late",
)  # fmt: skip
# status cues by the notice's status_mix (repeats weight the draw; `mixed` is an ongoing body
# sentence under a done marker)
STATUS_CUE_POOLS = {
    "markers": (*_MARKER_CUES, "marker_done", "marker_done", "none"),
    "fields": (*_FIELD_CUES, "field_done", "none"),
    "body": (*_BODY_CUES, "none", "none"),
    "forms": (*_FORM_CUES, "none"),
    "mixed": (*_MARKER_CUES, *_FIELD_CUES, *_BODY_CUES, *_FORM_CUES, "mixed", "none", "none"),
    "none": ("none",),
}
# a running paragraph states its status in a sentence of its own, never in a field or marker
RUNNING_CUES = ("body_done", "body_ongoing", "body_plan", "basic", "pending", "plan_dated", "none", "none")  # fmt: skip
# the status each cue states; any other cue (field_keep, none) states none
CUE_STATUS = {
    **dict.fromkeys(
        ("marker_done", "field_done", "field_done_long", "field_on_the_spot",
         "field_progress_done", "body_done", "field_past", "field_bare_done",
         "marker_done_late"),
        "completed",
    ),
    **dict.fromkeys(
        ("marker_ongoing", "field_future", "field_long", "body_ongoing", "body_plan", "mixed",
         "field_progress_ongoing", "line_ongoing", "line_keep", "plan_dated", "pending",
         "basic"),
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


def problem_area(rng: random.Random, theme: str) -> tuple[str, str]:
    """An area of work (its own line of work about half the time) and its shortcoming class."""
    if rng.random() < 0.5:
        return rng.choice(wording.WORK_AREAS[theme])
    return rng.choice(wording.PARTY_AREAS)


def problem_title(rng: random.Random, theme: str, wide: bool = False) -> tuple[str, str]:
    """A problem statement and its area: `课后服务覆盖面窄`, `…把关不严，…推进较慢`.

    Parameters
    ----------
    rng
        The notice's random generator.
    theme
        The body's line of work (a key of ``wording.WORK_AREAS``).
    wide
        Half the time, a whole statement with its own subject (`部分党员干部…浮于表面`).

    Returns
    -------
    tuple of str
        The statement and the area of work it is about.
    """
    if wide and rng.random() < 0.5:
        statements = [s for s, t in wording.STATEMENTS if t in (None, theme)]
        statement = rng.choice(statements)
        return statement, problem_area(rng, theme)[0]
    area, kind = problem_area(rng, theme)
    first = with_shortcoming(area, rng.choice(wording.SHORTCOMINGS[kind]))
    if rng.random() < 0.35:
        area2, kind2 = problem_area(rng, theme)
        second = with_shortcoming(area2, rng.choice(wording.SHORTCOMINGS[kind2]))
        if area2 != area:
            return f"{first}，{second}", area
    return first, area


def with_shortcoming(area: str, shortcoming: str) -> str:
    """The area and what falls short in it, a word they share said once.

    Examples
    --------
    >>> with_shortcoming("档案管理", "管理粗放")
    '档案管理粗放'
    """
    if len(shortcoming) > 3 and area.endswith(shortcoming[:2]):
        return area + shortcoming[2:]
    return area + shortcoming


def heading_text(form: str, title: str) -> str:
    """A problem heading after its label, in one of the heading forms.

    Examples
    --------
    >>> heading_text("zhendui", "学会管理不规范")
    '针对“学会管理不规范”问题的整改。'
    >>> heading_text("about_open_de", "课后服务覆盖面窄")
    '关于“课后服务覆盖面窄”的问题'
    """
    forms = {
        "about_quoted": f"关于“{title}”问题。",  # 新野
        "about_de": f"关于{title}的问题。",  # 石龙
        "bare_wenti": f"{title}问题",  # 东营 (no stop)
        "bare_stop": f"{title}。",  # 罗庄
        "zhendui": f"针对“{title}”问题的整改。",  # 立山
        "zhendui_de": f"针对“{title}”的问题的整改。",
        "about_open_quoted": f"关于“{title}”问题",  # no closing 。
        "about_open_de": f"关于“{title}”的问题",
        "about_open_plain": f"关于{title}的问题",
    }
    return forms[form]


def measure_sentence(rng: random.Random, area: str, year: int, theme: str) -> str:
    """One rectification step of one to three clauses (no final stop)."""
    area = area.replace("“", "").replace("”", "")
    templates = wording.MEASURES + wording.WORK_MEASURES[theme] * 2
    clauses = [
        template.format(
            doc=rng.choice(wording.DOCS),
            topic=rng.choice(wording.TOPICS),
            n=rng.randint(2, 9),
            m=rng.randint(10, 300),
            area=area,
            dept=rng.choice(wording.DEPTS),
            year=year,
        )
        for template in rng.sample(templates, rng.choice((1, 2, 2, 3)))
    ]
    return "，".join(clauses).replace("工作工作", "工作")  # `…提升工作` + `工作台账`


def write_problem(
    w: Writer, slot: ProblemSlot, dates: NoticeDates, measure_level: int | None, theme: str
) -> ProblemTruth:
    """Write one numbered problem: heading, rectification text, status cues; return its truth.

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
    theme
        The body's line of work.

    Returns
    -------
    ProblemTruth
        The problem as a correct parse must report it.
    """
    title, area, cue, heading, marker = _heading(w, theme)
    lead = w.rng.choice(wording.BARE_FIELDS_DONE) if cue == "field_bare_done" else ""
    paragraphs, n_measures = _measure_paragraphs(
        w, area, dates.start.year, heading, measure_level, theme, lead
    )
    status_paragraphs, deadline = _status_paragraphs(w.rng, cue, dates)
    same_line = w.opts.layout == "about_open" and w.opts.same_line and measure_level is None
    if same_line:  # `1.关于“…”问题一是…；二是…。` (石龙 with its 。 lost)
        heading_line, paragraphs[0] = label_heading(w, slot.label, heading) + paragraphs[0], ""
        w.add(w.punct(heading_line))
    else:
        w.add(label_heading(w, slot.label, heading))
    for p in paragraphs + status_paragraphs:
        if p:
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
        status_words=" | ".join(x for x in (marker, lead, *status_paragraphs) if x),
    )


def label_heading(w: Writer, label: str, heading: str) -> str:
    """The heading line: label and heading, now and then in bold (`**1.…**`)."""
    if w.opts.bold and w.rng.random() < 0.3:
        return f"**{label}{heading}**"
    return label + heading


def _heading(w: Writer, theme: str) -> tuple[str, str, str, str, str]:
    """Draw the title and status cue; return title, area, cue, the heading with its marker,
    and the marker ("" when there is none)."""
    rng, opts = w.rng, w.opts
    title, area = problem_title(rng, theme, opts.wide_vocabulary)
    title = w.punct(title)
    cue = rng.choice(STATUS_CUE_POOLS[opts.status_mix])
    heading = w.punct(heading_text(opts.heading_form, title))
    marker = ""
    if cue in (*_MARKER_CUES, "mixed", "marker_done_late"):
        pool = wording.MARKERS_ONGOING if cue == "marker_ongoing" else wording.MARKERS_DONE
        marker = w.punct(rng.choice(pool))
    return title, area, cue, heading + marker, marker


def _measure_paragraphs(
    w: Writer,
    area: str,
    year: int,
    heading: str,
    measure_level: int | None,
    theme: str,
    lead: str,
) -> tuple[list[str], int]:
    """The rectification text in the notice's measure style, and how many measures it itemises.

    ``lead`` is a bare status field (`整改情况：已完成。`) that opens the text.
    """
    rng, style, opts = w.rng, w.opts.measures, w.opts
    n_measures = rng.randint(2, 5) if style != "none" else 0
    sentences = [
        measure_sentence(rng, area, year, theme) for _ in range(max(n_measures, rng.randint(1, 3)))
    ]
    # a heading without a full stop is followed by a field (or shares its line, in about_open)
    # where a PDF wrap could join them; only unwrapped about_open headings stand alone
    needs_start = not heading.endswith("。") and (opts.wrapped or opts.layout != "about_open")
    prefix = lead or (rng.choice(wording.MEASURE_FIELDS) if opts.field_label or needs_start else "")
    itemised = sentences[:n_measures]
    if style == "sub":  # sub-headings one level down: `(1)…。`
        subs = [w.label(measure_level, k) + s + "。" for k, s in enumerate(itemised, 1)]
        return ([prefix] if prefix else []) + subs, n_measures
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
    stop = w.rng.choice(("。", "；"))
    items = [f"{m}{s}{stop}" for m, s in zip(marks, sentences)]
    items[-1] = items[-1][:-1] + "。"
    cut = w.rng.randint(1, len(items)) if w.rng.random() < 0.3 and stop == "。" else len(items)
    paragraphs = [prefix + "".join(items[:cut])]
    if cut < len(items):
        paragraphs.append("".join(items[cut:]))
    return paragraphs


def _status_paragraphs(
    rng: random.Random, cue: str, dates: NoticeDates
) -> tuple[list[str], str | None]:
    """The paragraphs that state a problem's status after its text, and its deadline (ISO)."""
    paragraphs = []
    sentence, deadline = status_sentence(rng, cue, dates.publish)
    if sentence:
        paragraphs.append(sentence)
    status_field, field_deadline = _status_field(rng, cue, dates)
    if status_field:
        paragraphs.append(status_field)
    return paragraphs, field_deadline or deadline


def status_sentence(
    rng: random.Random, cue: str, publish: dt.date
) -> tuple[str | None, str | None]:
    """A sentence or line that states the status after the measures, and the deadline it gives.

    Examples
    --------
    >>> status_sentence(random.Random(0), "line_keep", dt.date(2024, 5, 1))
    ('长期坚持。', None)
    """
    later = publish + dt.timedelta(days=rng.randint(40, 200))
    if cue == "body_done":
        return rng.choice(wording.BODY_DONE), None
    if cue in ("body_ongoing", "mixed"):
        form = rng.choice(wording.BODY_ONGOING_FORMS)
        return form.format(doing=rng.choice(wording.BODY_DOING)), None
    if cue == "body_plan":
        return rng.choice(wording.BODY_PLANS).format(year=later.year, month=later.month), None
    if cue == "plan_dated":
        sentence = rng.choice(wording.DATED_PLANS).format(year=later.year, month=later.month)
        return sentence, month_end(later).isoformat()
    if cue == "pending":
        return rng.choice(wording.PENDING_STEPS).format(
            thing=rng.choice(wording.PENDING_THINGS)
        ), None
    if cue == "basic":
        return rng.choice(wording.BASICALLY_DONE), None
    if cue == "line_ongoing":
        return rng.choice(wording.STATUS_LINES_ONGOING), None
    if cue == "line_keep":
        return wording.STATUS_LINE_KEEP, None
    return None, None


def _status_field(
    rng: random.Random, cue: str, dates: NoticeDates
) -> tuple[str | None, str | None]:
    """A status or deadline field (`整改时限：2024年5月底前完成并长期坚持。`) and the deadline."""
    field_name = rng.choice(wording.DEADLINE_FIELDS)  # drawn for every problem
    if cue == "marker_done_late":  # a done marker with a later deadline: the marker wins
        day, written = _deadline(rng, "field_future", dates)
        return f"{field_name}：{written}", day.isoformat()
    if cue not in wording.FIELD_VALUES:
        return None, None
    if cue in ("field_progress_done", "field_progress_ongoing"):
        field_name = rng.choice(wording.PROGRESS_FIELDS)
    deadline, written = None, ""
    if cue in ("field_past", "field_future"):
        day, written = _deadline(rng, cue, dates)
        deadline = day.isoformat()
    value = rng.choice(wording.FIELD_VALUES[cue]).format(deadline=written)
    return f"{field_name}：{value}", deadline


def _deadline(rng: random.Random, cue: str, dates: NoticeDates) -> tuple[dt.date, str]:
    """A deadline before the publish date (``field_past``) or after it, and how it is written."""
    if cue == "field_past":
        day = date_between(rng, dates.feedback, dates.publish)
    else:
        day = dates.publish + dt.timedelta(days=rng.randint(1, 300))
    last = month_end(day)
    month_only = day.month != dates.publish.month or day.year != dates.publish.year
    if rng.random() < 0.3 and month_only and (cue == "field_future" or last <= dates.publish):
        return last, f"{day.year}年{day.month}月底"  # the month's last day
    return day, fmt_date(day)


def write_running_problem(
    w: Writer, slot: ProblemSlot, dates: NoticeDates, theme: str
) -> ProblemTruth:
    """Write one running paragraph: `针对“…”的问题。一是…；二是…。` and a status sentence.

    Parameters
    ----------
    w
        The notice's writer.
    slot
        The problem's number and the aspect above it (its label is empty: nothing is written).
    dates
        The notice's dates.
    theme
        The body's line of work.

    Returns
    -------
    ProblemTruth
    """
    rng, opts = w.rng, w.opts
    title, area = problem_title(rng, theme, opts.wide_vocabulary)
    title = w.punct(title)
    cue = rng.choice(RUNNING_CUES) if opts.status_mix != "none" else "none"
    intro = {
        "run_zhendui": f"针对“{title}”的问题。",
        "run_zhendui_cited": f"针对巡察指出的“{title}”问题，",
        "run_about": f"关于“{title}”问题，",
    }[opts.heading_form]
    n_measures = rng.randint(2, 4) if opts.measures == "shi" else 0
    sentences = [
        measure_sentence(rng, area, dates.start.year, theme) for _ in range(max(1, n_measures))
    ]
    if n_measures:
        body = "；".join(f"{cn_number(k)}是{s}" for k, s in enumerate(sentences, 1)) + "。"
    else:
        body = "。".join(sentences) + "。"
    sentence, deadline = status_sentence(rng, cue, dates.publish)
    w.add(w.punct(intro + body + (sentence or "")))
    return ProblemTruth(
        problem_no=slot.problem_no,
        label="",
        title=title,
        aspect_no=slot.aspect_no,
        aspect_title=slot.aspect_title,
        group_title=None,
        status=CUE_STATUS.get(cue, "not_stated"),
        status_cue=cue,
        n_measures=n_measures,
        deadline=deadline,
        status_words=sentence or "",
    )
