"""The parts of a notice around its problems: dates, header, preamble, opening and closing.

In notice order: :func:`write_header` (title lines, an attachment mark), :func:`write_preamble`
(the inspection, its feedback, now and then its size), :func:`write_opening_section` (actions
taken, never shortcomings), :func:`write_problem_section_heading`, then after the problems
:func:`insert_summary` (the notice's own totals), :func:`item_summary` (statuses by item
number), :func:`write_plan_section` or an outlook, and :func:`write_closing` (invitation,
contacts, signature, date). Every sentence that states a count records it in the notice's
:class:`Claims`, so the sidecar holds what the notice says about itself.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import asdict, dataclass

from . import wording
from .bodies import Issuer
from .options import NoticeOptions
from .problems import NoticeDates, date_between
from .render import Writer, chinese_date, fmt_date
from .truth import ProblemTruth


@dataclass
class Claims:
    """What the notice says about itself (None: not stated); the sidecar's claimed_* fields."""

    claimed_aspects: int | None = None
    claimed_problems: int | None = None
    claimed_completed: int | None = None
    claimed_ongoing: int | None = None
    claimed_basically_completed: int | None = None
    claimed_measures: int | None = None
    claimed_rules: int | None = None

    def as_dict(self) -> dict[str, int | None]:
        """The claims as the sidecar records them."""
        return asdict(self)


def draw_dates(rng: random.Random) -> NoticeDates:
    """Draw the inspection, feedback and publish dates, in that order of time."""
    start = dt.date(rng.randint(2019, 2025), rng.randint(1, 9), rng.randint(1, 28))
    end = start + dt.timedelta(days=rng.randint(25, 80))
    feedback = end + dt.timedelta(days=rng.randint(10, 60))
    publish = feedback + dt.timedelta(days=rng.randint(60, 200))
    return NoticeDates(start=start, end=end, feedback=feedback, publish=publish)


def inspected_phrase(issuer: Issuer, named: str) -> str:
    """How the preamble names the inspected body: `县文联党组`, or `我会` in a self-named notice."""
    if named == "opening":
        return issuer.opening
    if named == "self":
        return issuer.self_word
    return issuer.who


def notice_title(rng: random.Random, issuer: Issuer, named: str) -> str:
    """The title: with the organisation before it, or without where the opening names it."""
    fields = dict(
        organisation=issuer.organisation,
        inspector=issuer.inspector,
        committee=issuer.committee,
        inspection=issuer.inspection,
        round=issuer.round,
    )
    templates = wording.NOTICE_TITLES if named == "title" else wording.ANONYMOUS_TITLES
    return rng.choice([t.format(**fields) for t in templates])


def write_header(w: Writer, issuer: Issuer, named: str) -> str:
    """Write the title lines (after an attachment mark, in some notices); return the title."""
    rng = w.rng
    title = notice_title(rng, issuer, named)
    if w.opts.attachment:
        w.add(f"附件{rng.randint(1, 12)}")
        w.add(w.punct(rng.choice(wording.PUBLIC_MARKS)))
    lines = split_title(title, rng, w.opts)
    for line in lines:
        w.add(line)
    return "".join(lines)


def split_title(title: str, rng: random.Random, opts: NoticeOptions) -> list[str]:
    """Title lines: short enough that neither line is taken for a wrapped paragraph."""
    limit = 12 if opts.wrapped else 30
    if (len(title) <= limit and rng.random() < 0.5) or opts.web_page:
        return [title]
    cut = title.find("关于")
    if opts.wrapped or cut <= 0 or len(title) - cut > limit or cut > limit:
        # last line short, the rest in lines below the wrap width (罗庄: `…党组关` / `于巡察…通报`)
        tail = (
            rng.randint(8, min(12, len(title) - 1)) if opts.wrapped else min(limit, len(title) // 2)
        )
        head, last = title[:-tail], title[-tail:]
        if len(head) < 4:
            return [title]
        step = 20 if opts.wrapped else limit
        return [head[i : i + step] for i in range(0, len(head), step)] + [last]
    return [title[:cut], title[cut:]]


def write_preamble(
    w: Writer, issuer: Issuer, dates: NoticeDates, named: str, scope: tuple[int, int] | None
) -> None:
    """Write who inspected whom, when, and when they reported; ``scope`` (aspects, problems)
    adds the size of the feedback."""
    rng, spaced, who = w.rng, w.opts.spaced_dates, inspected_phrase(issuer, named)
    end_year = dates.end.year != dates.start.year or rng.random() < 0.5
    kind = rng.choice(wording.INSPECTION_KINDS[issuer.inspection])
    preamble = rng.choice(wording.PREAMBLE_INSPECTIONS).format(
        committee=issuer.committee,
        start=fmt_date(dates.start, spaced),
        end=fmt_date(dates.end, spaced, year=end_year),
        inspector=issuer.inspector,
        who=who,
        kind=kind,
        round=issuer.round,
        inspection=issuer.inspection,
    )
    fields = dict(inspection=issuer.inspection, inspector=issuer.inspector, who=who)
    if rng.random() < 0.5:
        feedback_year = dates.feedback.year != dates.end.year or rng.random() < 0.6
        feedback = fmt_date(dates.feedback, spaced, year=feedback_year)
        preamble += rng.choice(wording.PREAMBLE_FEEDBACKS).format(feedback=feedback, **fields)
    else:
        clause = rng.choice(wording.PREAMBLE_FEEDBACK_CLAUSES)
        feedback = fmt_date(dates.feedback, spaced)
        preamble = preamble.rstrip("。") + clause.format(feedback=feedback, **fields)
    if scope:
        preamble += rng.choice(wording.PREAMBLE_SCOPE).format(
            aspects=scope[0], n=scope[1], inspection=issuer.inspection
        )
    close = rng.choice(wording.PREAMBLE_CLOSES).format(inspection=issuer.inspection)
    w.add(w.punct(preamble + close))


def write_opening_section(w: Writer, issuer: Issuer) -> int:
    """Write the opening section of actions taken; return where a summary sentence would go.

    Returns
    -------
    int
        The index in ``w.paragraphs`` after the section's last paragraph.
    """
    rng = w.rng
    label = w.next_section_label()
    w.add(label + rng.choice(wording.ORG_SECTION_TITLES).format(inspection=issuer.inspection))
    if rng.random() < 0.5:
        w.add(w.punct(rng.choice(wording.ORG_LEADS).format(who=issuer.who)))
    for k, item in enumerate(rng.sample(wording.ORG_ITEMS, rng.randint(2, 4)), start=1):
        item_label = f"{k}." if w.opts.org_items_arabic else w.label(2, k)
        sentences = rng.sample(wording.ORG_SENTENCES, rng.randint(1, 3))
        text = "。".join(s.format(short=issuer.who, n=rng.randint(2, 8)) for s in sentences)
        w.add(w.punct(f"{item_label}{item}。{text}。"))
    return len(w.paragraphs)


def write_problem_section_heading(w: Writer, issuer: Issuer) -> None:
    """Write the heading of the section that holds the problems, and now and then a lead."""
    title = w.rng.choice(wording.PROBLEM_SECTION_TITLES).format(inspection=issuer.inspection)
    w.add(w.next_section_label() + title)
    if w.rng.random() < 0.5:
        lead = w.rng.choice(wording.PROBLEM_SECTION_LEADS)
        w.add(w.punct(lead.format(who=issuer.who, inspector=issuer.inspector)))


def totals_sentence(
    rng: random.Random, n: int, n_ongoing: int, as_of: str, n_aspects: int, claims: Claims
) -> str:
    """The notice's totals of ``n`` problems, ``n_ongoing`` of them in progress, recorded in
    ``claims``.

    The problems still in progress are split between 基本完成 and 正在推进 now and then.
    """
    done = n - n_ongoing
    if n_aspects and rng.random() < 0.5:
        lead = rng.choice(wording.TOTALS_LEADS_ASPECTS)
        claims.claimed_aspects = n_aspects
    else:
        lead = rng.choice(wording.TOTALS_LEADS)
    sentence = lead.format(as_of=as_of, aspects=n_aspects, n=n, done=done)
    claims.claimed_problems, claims.claimed_completed = n, done
    basic = rng.randint(0, n_ongoing) if n_ongoing and rng.random() < 0.4 else 0
    if basic:
        sentence += rng.choice(wording.TOTALS_BASIC).format(basic=basic)
        claims.claimed_basically_completed = basic
    if n_ongoing - basic:
        sentence += rng.choice(wording.TOTALS_ONGOING).format(ongoing=n_ongoing - basic)
        claims.claimed_ongoing = n_ongoing - basic
    else:
        sentence += "。"
    return sentence


def counts_sentence(rng: random.Random, as_of: str, claims: Claims) -> str:
    """The notice's count of measures and rules, recorded in ``claims``."""
    measures, rules = rng.randint(20, 90), rng.randint(2, 12)
    claims.claimed_measures, claims.claimed_rules = measures, rules
    return rng.choice(wording.COUNTS).format(as_of=as_of, measures=measures, rules=rules)


def insert_summary(
    w: Writer,
    problems: list[ProblemTruth],
    dates: NoticeDates,
    at: int,
    n_aspects: int,
    claims: Claims,
) -> None:
    """Insert the notice's own totals at paragraph ``at``, per the ``summary`` option.

    With ``summary="consistent"`` the totals account for every problem, so the problems that
    state no status are completed by the notice's own account; their cue gains ``+summary``.
    With ``"counts"`` the totals count measures, not problems.
    """
    rng = w.rng
    as_of = fmt_date(date_between(rng, dates.feedback, dates.publish), year=False)
    if w.opts.summary == "consistent":
        n_ongoing = sum(p.status == "in_progress" for p in problems)
        sentence = totals_sentence(rng, len(problems), n_ongoing, as_of, n_aspects, claims)
        for p in problems:
            if p.status == "not_stated":
                p.status, p.status_cue = "completed", p.status_cue + "+summary"
    else:
        sentence = counts_sentence(rng, as_of, claims)
    w.paragraphs.insert(at, w.punct(sentence))


def item_numbers(numbers: list[int], rng: random.Random) -> str:
    """Item numbers as a notice lists them: `1、2、3、5`, or a run as `1至3`.

    Examples
    --------
    >>> item_numbers([1, 2, 3], random.Random(1))
    '1至3'
    """
    run = len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1))
    if run and rng.random() < 0.5:
        return f"{numbers[0]}至{numbers[-1]}"
    return "、".join(str(n) for n in numbers)


def item_summary(w: Writer, problems: list[ProblemTruth]) -> None:
    """Write a closing summary by item number that decides the problems stating no status.

    The summary repeats the status of every problem that states one and gives one to every
    other (their cue gains ``+items``), so it never contradicts a problem's own words.
    """
    rng = w.rng
    for p in problems:
        if p.status == "not_stated":
            p.status = "completed" if rng.random() < 0.75 else "in_progress"
            p.status_cue += "+items"
    done = [p.problem_no for p in problems if p.status == "completed"]
    ongoing = [p.problem_no for p in problems if p.status == "in_progress"]
    if not ongoing:
        text = rng.choice(wording.ITEM_SUMMARIES_ALL_DONE).format(done=item_numbers(done, rng))
    elif not done:
        text = f"截至目前，第{item_numbers(ongoing, rng)}项正在持续推进。"
    else:
        text = rng.choice(wording.ITEM_SUMMARIES).format(
            done=item_numbers(done, rng), ongoing=item_numbers(ongoing, rng)
        )
    w.add(w.punct(text))


def write_plan_section(w: Writer, issuer: Issuer) -> None:
    """Write the closing `下一步工作打算` section: plans, never problems."""
    rng = w.rng
    w.add(w.next_section_label() + rng.choice(wording.PLAN_SECTION_TITLES))
    if rng.random() < 0.4:
        w.add(w.punct(rng.choice(wording.PLAN_SENTENCES).format(short=issuer.who) + "。"))
    for k, item in enumerate(rng.sample(wording.PLAN_ITEMS, rng.randint(2, 4)), start=1):
        sentence = rng.choice(wording.PLAN_SENTENCES).format(short=issuer.who)
        w.add(w.punct(f"{w.label(2, k)}{item}。{sentence}。"))


def write_outlook(w: Writer, issuer: Issuer) -> None:
    """Write a one-paragraph outlook (`下一步，…`) after the problems."""
    w.add(w.punct(w.rng.choice(wording.OUTLOOKS).format(short=issuer.who)))


def write_closing(w: Writer, issuer: Issuer, dates: NoticeDates, named: str) -> None:
    """Write the invitation to comment with contacts, the signature and the publish date.

    A self-named notice (`我局`) is always signed with the organisation's full name: that is
    where its reader learns who wrote it.
    """
    rng, opts = w.rng, w.opts
    w.add(w.punct(_invitation(rng, opts, issuer, dates)))
    if rng.random() < 0.3:
        mailbox = rng.choice(wording.MAILBOXES).format(
            number=rng.randint(100, 99999),
            place=issuer.place,
            n=rng.randint(1, 300),
            postcode=rng.randint(100000, 899999),
        )
        w.add(w.punct(mailbox))
    if named == "self":
        w.add(issuer.organisation)
    elif opts.signature:
        w.add(issuer.organisation if rng.random() < 0.7 or named != "title" else issuer.who)
    if opts.dated:
        w.add(
            chinese_date(dates.publish)
            if opts.chinese_numeral_date
            else fmt_date(dates.publish, opts.spaced_dates)
        )


def _invitation(rng: random.Random, opts: NoticeOptions, issuer: Issuer, dates: NoticeDates) -> str:
    """The closing paragraph: welcome, disclosure period, telephone."""
    if rng.random() < 0.1:
        return rng.choice(wording.CLOSING_WITHOUT_WELCOME) or wording.WELCOMES[0]
    text = "".join(rng.sample(wording.WELCOMES, rng.randint(1, 2)))
    if opts.disclosure:
        until = dates.publish + dt.timedelta(days=rng.randint(60, 120))
        text += wording.DISCLOSURE.format(
            start=fmt_date(dates.publish + dt.timedelta(days=1), opts.spaced_dates),
            end=fmt_date(until, opts.spaced_dates),
        )
    phone = rng.choice(wording.PHONES).format(
        area=rng.randint(371, 546), number=rng.randint(2000000, 8999999)
    )
    return text + phone.rstrip("；") + ("" if phone.endswith("。") else "。")
