"""The parts of a notice around its problems: who and when, header, preamble, opening and closing.

In notice order: :func:`write_header` (title lines, an attachment mark), :func:`write_preamble`
(the inspection and its feedback), :func:`write_opening_section` (actions taken, never
shortcomings), :func:`write_problem_section_heading`, then after the problems
:func:`insert_summary` (the notice's own totals, placed in the opening section),
:func:`write_plan_section` and :func:`write_closing` (invitation, contacts, signature, date).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from . import wording
from .options import NoticeOptions
from .problems import NoticeDates, date_between
from .render import Writer, chinese_date, cn_number, fmt_date
from .truth import ProblemTruth


@dataclass(frozen=True)
class Issuer:
    """The body that publishes the notice, and the inspection group that inspected it."""

    organisation: str  # as signed: `中共新野县科学技术协会党组`
    place: str  # `新野县`, or a city
    short: str  # the body's short name in the text: `科协党组`
    committee: str  # the Party committee that sent the inspectors: `县委`
    inspector: str  # `县委第三巡察组`

    @property
    def who(self) -> str:
        """The body as the text names it: `新野县科协党组`."""
        return self.place + self.short


def draw_issuer(rng: random.Random) -> Issuer:
    """Draw the publishing body (a real place, so the gazetteer can place it) and the inspectors."""
    if rng.random() < 0.85:
        county, city = rng.choice(wording.PLACES)
    else:
        county, city = None, rng.choice(wording.CITIES)
    place = county or city
    body, short = rng.choice(wording.BODIES)
    party = body.endswith(wording.PARTY_BODY_SUFFIXES) and rng.random() < 0.8
    committee = place[-1] + "委"  # 县委, 区委, 市委
    return Issuer(
        organisation=("中共" if party else "") + place + body,
        place=place,
        short=short,
        committee=committee,
        inspector=f"{committee}第{cn_number(rng.randint(1, 6))}巡察组",
    )


def draw_dates(rng: random.Random) -> NoticeDates:
    """Draw the inspection, feedback and publish dates, in that order of time."""
    start = dt.date(rng.randint(2019, 2025), rng.randint(1, 9), rng.randint(1, 28))
    end = start + dt.timedelta(days=rng.randint(25, 80))
    feedback = end + dt.timedelta(days=rng.randint(10, 60))
    publish = feedback + dt.timedelta(days=rng.randint(60, 200))
    return NoticeDates(start=start, end=end, feedback=feedback, publish=publish)


def write_header(w: Writer, issuer: Issuer) -> str:
    """Write the title lines (after an attachment mark, in some notices); return the title."""
    rng = w.rng
    title = rng.choice(
        [
            template.format(
                organisation=issuer.organisation,
                inspector=issuer.inspector,
                committee=issuer.committee,
            )
            for template in wording.NOTICE_TITLES
        ]
    )
    if w.opts.attachment:
        w.add(f"附件{rng.randint(1, 12)}")
        w.add(w.punct(wording.PUBLIC_MARK))
    lines = split_title(title, rng, w.opts)
    for line in lines:
        w.add(line)
    return "".join(lines)


def split_title(title: str, rng: random.Random, opts: NoticeOptions) -> list[str]:
    """Title lines: short enough that neither line is taken for a wrapped paragraph."""
    limit = 12 if opts.wrapped else 30
    if len(title) <= limit and rng.random() < 0.5:
        return [title]
    cut = title.find("关于")
    if opts.wrapped or cut <= 0 or len(title) - cut > limit or cut > limit:
        # last line short, the rest in lines below the wrap width (罗庄: `…党组关` / `于巡察…通报`)
        tail = (
            rng.randint(8, min(12, len(title) - 1)) if opts.wrapped else min(limit, len(title) // 2)
        )
        head, last = title[:-tail], title[-tail:]
        step = 20 if opts.wrapped else limit
        return [head[i : i + step] for i in range(0, len(head), step)] + [last]
    return [title[:cut], title[cut:]]


def write_preamble(w: Writer, issuer: Issuer, dates: NoticeDates) -> None:
    """Write the paragraph that says who inspected whom, when, and when they reported."""
    rng, spaced = w.rng, w.opts.spaced_dates
    end_year = dates.end.year != dates.start.year or rng.random() < 0.5
    preamble = wording.PREAMBLE_INSPECTION.format(
        committee=issuer.committee,
        start=fmt_date(dates.start, spaced),
        end=fmt_date(dates.end, spaced, year=end_year),
        inspector=issuer.inspector,
        who=issuer.who,
    )
    if rng.random() < 0.5:
        feedback_year = dates.feedback.year != dates.end.year or rng.random() < 0.6
        feedback = fmt_date(dates.feedback, spaced, year=feedback_year)
        preamble += wording.PREAMBLE_FEEDBACK.format(feedback=feedback, who=issuer.who)
    else:
        feedback = fmt_date(dates.feedback, spaced)
        preamble = preamble.rstrip("。") + wording.PREAMBLE_FEEDBACK_CLAUSE.format(
            feedback=feedback
        )
    w.add(w.punct(preamble + wording.PREAMBLE_CLOSE))


def write_opening_section(w: Writer, issuer: Issuer) -> int:
    """Write the opening section of actions taken; return where a summary sentence would go.

    Returns
    -------
    int
        The index in ``w.paragraphs`` after the section's last paragraph.
    """
    rng = w.rng
    label = w.next_section_label()
    w.add(label + rng.choice(wording.ORG_SECTION_TITLES))
    if rng.random() < 0.5:
        w.add(w.punct(wording.ORG_LEAD.format(who=issuer.who)))
    for k, item in enumerate(rng.sample(wording.ORG_ITEMS, rng.randint(2, 4)), start=1):
        item_label = f"{k}." if w.opts.org_items_arabic else w.label(2, k)
        sentences = rng.sample(wording.ORG_SENTENCES, rng.randint(1, 3))
        text = "。".join(s.format(short=issuer.who, n=rng.randint(2, 8)) for s in sentences)
        w.add(w.punct(f"{item_label}{item}。{text}。"))
    return len(w.paragraphs)


def write_problem_section_heading(w: Writer, issuer: Issuer) -> None:
    """Write the heading of the section that holds the problems, and now and then a lead."""
    w.add(w.next_section_label() + w.rng.choice(wording.PROBLEM_SECTION_TITLES))
    if w.rng.random() < 0.5:
        lead = wording.PROBLEM_SECTION_LEAD.format(who=issuer.who, inspector=issuer.inspector)
        w.add(w.punct(lead))


def insert_summary(w: Writer, problems: list[ProblemTruth], dates: NoticeDates, at: int) -> None:
    """Insert the notice's own totals at paragraph ``at``, per the ``summary`` option.

    With ``summary="consistent"`` the totals account for every problem, so the problems that
    state no status are completed by the notice's own account (``status.reconcile_with_summary``);
    their cue gains ``+summary``. With ``"counts"`` the totals count measures, not problems.
    """
    rng = w.rng
    as_of = fmt_date(date_between(rng, dates.feedback, dates.publish), year=False)
    if w.opts.summary == "consistent":
        n_ongoing = sum(p.status == "in_progress" for p in problems)
        sentence = wording.SUMMARY_TOTALS.format(
            as_of=as_of, n=len(problems), done=len(problems) - n_ongoing
        )
        sentence += wording.SUMMARY_ONGOING.format(ongoing=n_ongoing) if n_ongoing else "。"
        for p in problems:
            if p.status == "not_stated":
                p.status, p.status_cue = "completed", p.status_cue + "+summary"
    else:
        sentence = wording.SUMMARY_COUNTS.format(
            as_of=as_of, measures=rng.randint(20, 90), rules=rng.randint(2, 12)
        )
    w.paragraphs.insert(at, w.punct(sentence))


def write_plan_section(w: Writer, issuer: Issuer) -> None:
    """Write the closing `下一步工作打算` section: plans, never problems."""
    rng = w.rng
    w.add(w.next_section_label() + rng.choice(wording.PLAN_SECTION_TITLES))
    if rng.random() < 0.4:
        w.add(w.punct(rng.choice(wording.PLAN_SENTENCES).format(short=issuer.who) + "。"))
    for k, item in enumerate(rng.sample(wording.PLAN_ITEMS, rng.randint(2, 4)), start=1):
        sentence = rng.choice(wording.PLAN_SENTENCES).format(short=issuer.who)
        w.add(w.punct(f"{w.label(2, k)}{item}。{sentence}。"))


def write_closing(w: Writer, issuer: Issuer, dates: NoticeDates) -> None:
    """Write the invitation to comment with contacts, the signature and the publish date."""
    rng, opts = w.rng, w.opts
    welcome = wording.WELCOME
    if opts.disclosure:
        until = dates.publish + dt.timedelta(days=rng.randint(60, 120))
        welcome += wording.DISCLOSURE.format(
            start=fmt_date(dates.publish + dt.timedelta(days=1), opts.spaced_dates),
            end=fmt_date(until, opts.spaced_dates),
        )
    welcome += wording.PHONE.format(
        area=rng.randint(371, 546), number=rng.randint(2000000, 8999999)
    )
    w.add(w.punct(welcome))
    if rng.random() < 0.5:
        w.add(w.punct(wording.EMAIL.format(number=rng.randint(100, 99999))))
    if opts.signature:
        w.add(issuer.organisation if rng.random() < 0.7 else issuer.who)
    w.add(
        chinese_date(dates.publish)
        if opts.chinese_numeral_date
        else fmt_date(dates.publish, opts.spaced_dates)
    )
