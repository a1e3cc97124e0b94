"""Documents a researcher's folder also holds that are not rectification notices.

Each writer fills the notice's :class:`~.render.Writer` and returns the document's title:
:func:`write_meeting_news` (news of a 巡察反馈会 that lists the findings as `一、` / `（一）`),
:func:`write_announcement` (a 巡察公告: when the inspectors stay, their telephone and mailbox)
and :func:`write_plan` (an 整改方案 with a 任务清单 of measures, owners and deadlines, and no
progress). Their sidecars hold ``doc_kind`` and no problems.
"""

from __future__ import annotations

from . import wording
from .bodies import Issuer
from .problems import NoticeDates, measure_sentence, problem_title
from .render import Writer, fmt_date


def _fields(issuer: Issuer) -> dict[str, str]:
    return dict(inspector=issuer.inspector, who=issuer.who, committee=issuer.committee)


def write_meeting_news(w: Writer, issuer: Issuer, dates: NoticeDates) -> str:
    """News of the feedback meeting: the findings as an outline, then what was asked of the body."""
    rng = w.rng
    title = rng.choice(wording.MEETING_TITLES).format(**_fields(issuer))
    w.add(title)
    day = fmt_date(dates.feedback, year=False)
    w.add(w.punct(rng.choice(wording.MEETING_LEADS).format(date=day, **_fields(issuer))))
    w.add(w.punct(rng.choice(wording.MEETING_FINDINGS_LEADS).format(who=issuer.who)))
    for k in range(1, rng.randint(2, 3) + 1):
        area = rng.choice(wording.ASPECT_AREAS)
        w.add(f"{w.label(1, k)}{area}方面")
        for j in range(1, rng.randint(1, 3) + 1):
            finding = problem_title(rng, issuer.theme, w.opts.wide_vocabulary)[0]
            w.add(w.punct(f"{w.label(2, j)}{finding}。"))
    for sentence in rng.sample(wording.MEETING_CLOSES, 2):
        w.add(w.punct(sentence.format(who=issuer.who)))
    return title


def write_announcement(w: Writer, issuer: Issuer, dates: NoticeDates) -> str:
    """A 巡察公告: the inspection's dates, where to write or call, what is received."""
    rng = w.rng
    fields = dict(
        **_fields(issuer),
        start=fmt_date(dates.start),
        end=fmt_date(dates.end, year=False),
        area=str(rng.randint(371, 546)),
        number=str(rng.randint(2000000, 8999999)),
        post=f"{issuer.place}A{rng.randint(1, 999):03d}",
    )
    title = rng.choice(wording.ANNOUNCEMENT_TITLES).format(**fields)
    w.add(title)
    for sentence in wording.ANNOUNCEMENT_SENTENCES:
        if rng.random() < 0.85 or "值班电话" in sentence:
            w.add(w.punct(sentence.format(**fields)))
    w.add(issuer.inspector)
    w.add(fmt_date(dates.start, w.opts.spaced_dates))
    return title


def write_plan(w: Writer, issuer: Issuer, dates: NoticeDates) -> str:
    """An 整改方案: aims, then the task list (problem, measures, owner, deadline), then duties."""
    rng = w.rng
    title = rng.choice(wording.PLAN_TITLES).format(
        organisation=issuer.organisation, inspector=issuer.inspector
    )
    w.add(title)
    w.add(w.punct(rng.choice(wording.PLAN_LEADS).format(inspector=issuer.inspector)))
    sections = rng.sample(wording.PLAN_DOC_SECTIONS[:3], 2)
    for name in sections:
        w.add(w.next_section_label() + name)
        w.add(w.punct(rng.choice(wording.PLAN_DOC_SENTENCES)))
    w.add(w.next_section_label() + rng.choice(wording.PLAN_TASK_HEADINGS))
    for k in range(1, rng.randint(2, 6) + 1):
        problem, area = problem_title(rng, issuer.theme, w.opts.wide_vocabulary)
        measure = measure_sentence(rng, area, dates.start.year, issuer.theme)
        until = fmt_date(dates.feedback.replace(day=28).replace(month=12))
        owner = rng.choice(wording.LEDGER_RESPONSIBLE).format(who=issuer.who)
        w.add(
            w.punct(f"{k}.{problem}。整改措施：{measure}。责任领导：{owner}。完成时限：{until}。")
        )
    w.add(w.next_section_label() + wording.PLAN_DOC_SECTIONS[3])
    w.add(w.punct(wording.PLAN_DOC_SENTENCES[2]))
    w.add(issuer.organisation)
    w.add(fmt_date(dates.feedback, w.opts.spaced_dates))
    return title
