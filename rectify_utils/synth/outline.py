"""The problems' outline: aspects (方面) → middle groups → problems.

The outline is planned first (:func:`plan_outline`: how many groups and problems under each
aspect), then written (:func:`write_outline`: aspect and group headings, each problem through
``problems.write_problem``), numbering labels across aspects or restarting in each.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import wording
from .options import NoticeOptions, OutlineLevels, outline_levels
from .problems import (
    NoticeDates,
    ProblemSlot,
    problem_title,
    write_problem,
    write_running_problem,
)
from .render import Writer
from .truth import ProblemTruth


@dataclass(frozen=True)
class AspectPlan:
    """How many problems one aspect holds, and how they are grouped."""

    # problems per middle group, or one entry for the aspect's problems where there are no groups
    groups: list[int]
    # one problem before the first group heading (grouped layouts only)
    ungrouped_first: bool


@dataclass
class _Numbering:
    """Running numbers while the outline is written."""

    problem: int = 0  # problem_no, 1…n through the notice
    label: int = 0  # the problem label's number (restarts with each aspect under `restart`)
    group: int = 0  # the group label's number (likewise)


def plan_outline(rng: random.Random, opts: NoticeOptions) -> list[AspectPlan]:
    """Plan the aspects: at least one, even in layouts without aspect headings.

    Parameters
    ----------
    rng
        The notice's random generator.
    opts
        The notice's options (``n_aspects``, ``groups``, ``layout``).

    Returns
    -------
    list of AspectPlan
        One per aspect, in order.
    """
    plan = []
    for _ in range(max(1, opts.n_aspects)):
        n_groups = rng.randint(1, 3) if opts.groups else 0
        if n_groups:
            groups = [rng.randint(1, 3) for _ in range(n_groups)]
        else:
            flat = opts.layout == "section_flat" or not opts.n_aspects
            groups = [rng.randint(2, 8) if flat else rng.randint(1, 5)]
        ungrouped_first = bool(opts.groups and rng.random() < 0.2)
        plan.append(AspectPlan(groups=groups, ungrouped_first=ungrouped_first))
    return plan


def write_outline(
    w: Writer, plan: list[AspectPlan], dates: NoticeDates, theme: str
) -> list[ProblemTruth]:
    """Write the planned aspects with their groups and problems; return the problems' truth.

    Parameters
    ----------
    w
        The notice's writer.
    plan
        The aspects, from :func:`plan_outline`.
    dates
        The notice's dates (for deadlines).
    theme
        The body's line of work (the areas its problems are about).

    Returns
    -------
    list of ProblemTruth
        Every problem, in notice order.
    """
    levels = outline_levels(w.opts)
    numbering = _Numbering()
    problems: list[ProblemTruth] = []
    for aspect_no, aspect in enumerate(plan, start=1):
        problems += _write_aspect(w, aspect, aspect_no, levels, numbering, dates, theme)
    return problems


def _write_aspect(
    w: Writer,
    aspect: AspectPlan,
    aspect_no: int,
    levels: OutlineLevels,
    numbering: _Numbering,
    dates: NoticeDates,
    theme: str,
) -> list[ProblemTruth]:
    """One aspect: its heading (where the layout has them), then its groups and problems."""
    title = None
    if levels.aspect:
        title = _write_aspect_heading(w, aspect_no, levels.aspect)
        if w.opts.numbering == "restart":
            numbering.label = 0
            numbering.group = 0
    problems = []
    for grouped, n_problems in _runs(aspect, w.opts.groups):
        group_title = _write_group_heading(w, numbering, levels.group, theme) if grouped else None
        for _ in range(n_problems):
            numbering.problem += 1
            numbering.label += 1
            slot = ProblemSlot(
                problem_no=numbering.problem,
                label=w.label(levels.problem, numbering.label) if levels.problem else "",
                aspect_no=aspect_no if levels.aspect else None,
                aspect_title=title,
                group_title=group_title,
            )
            if levels.problem is None:
                problems.append(write_running_problem(w, slot, dates, theme))
            else:
                problems.append(write_problem(w, slot, dates, levels.measure, theme))
    return problems


def _runs(aspect: AspectPlan, grouped: bool) -> list[tuple[bool, int]]:
    """(under a group heading?, number of problems) for each run of problems in an aspect."""
    if not grouped:
        return [(False, n) for n in aspect.groups]
    lead = [(False, 1)] if aspect.ungrouped_first else []
    return lead + [(True, n) for n in aspect.groups]


def _write_aspect_heading(w: Writer, aspect_no: int, level: int) -> str:
    """Write an aspect heading; return its title without a final stop."""
    title = w.punct(aspect_title(w.rng, w.opts.layout))
    label = w.next_section_label() if level == 1 else w.label(2, aspect_no)
    if w.opts.layout == "running" and level == 1:
        title += w.rng.choice(("", "的问题"))
    w.add(label + title)
    return title.rstrip("。")


def _write_group_heading(w: Writer, numbering: _Numbering, level: int | None, theme: str) -> str:
    """Write a middle group heading (a problem statement); return it without a final stop."""
    numbering.group += 1
    title = w.punct(problem_title(w.rng, theme)[0]) + ("。" if w.rng.random() < 0.5 else "")
    w.add(w.label(level, numbering.group) + title)
    return title.rstrip("。")


def aspect_title(rng: random.Random, layout: str) -> str:
    """An aspect (方面) heading after its label, in the layout's style (`关于…有差距方面`)."""
    core = rng.choice(wording.ASPECT_AREAS) + rng.choice(wording.ASPECT_SHORTCOMINGS)
    # every layout's forms are drawn, whichever is used, to keep the random stream
    forms = {
        "aspect_top": (f"关于{core}方面",),
        "running": (f"关于{core}方面", f"{core}方面"),
        "section_aspect": (
            f"“{core}”方面",
            f"关于{core}的问题",
            f"领导班子在{rng.choice(wording.ASPECT_AREAS)}方面{rng.choice(wording.ASPECT_SHORTCOMINGS)}",
        ),
        "section_group": (
            f"{core}",
            f"{core}，{_party_shortcoming(rng)}",
        ),
    }
    forms["about_open"] = forms["section_aspect"]
    forms["ledger"] = forms["summary_only"] = forms["section_aspect"]
    return rng.choice(forms[layout])


def _party_shortcoming(rng: random.Random) -> str:
    """A party-building area with its shortcoming (`党费收缴管理不规范`)."""
    area, kind = rng.choice(wording.PARTY_AREAS)
    return area + rng.choice(wording.SHORTCOMINGS[kind])
