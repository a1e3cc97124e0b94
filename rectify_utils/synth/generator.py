"""Synthetic rectification notices with their true structure (`rectify synth`).

``write_synthetic_corpus(n, seed, out_dir)`` writes ``n`` documents (``.txt``, ``.docx`` or
``.html``), each with a JSON sidecar (same stem, ``.json``) that holds what a correct parse
must find: the document's kind, the inspected body (as written, where it is named, its short
name and kind), dates, the notice's own totals, and every problem's number, label, title,
aspect, status, measures and deadline. Document ``i`` of seed ``s`` depends on ``(s, i)`` only,
so a corpus is reproducible and one document can be regenerated alone (``synth_notice(s, i)``).

Layouts (chosen per document, see ``options.LAYOUTS``):

- ``aspect_top``: `一、关于…方面` → `1.…问题` → `(1)措施` (东营);
- ``section_aspect``: `二、…整改落实情况` → `（一）…方面` → `1.关于“…”问题。` (新野, 石龙);
- ``section_group``: `二、` → `（一）方面` → `1、中间分组` → `（1）问题。` (罗庄);
- ``section_flat``: `二、` → `（一）针对“…”问题的整改。` (立山);
- ``about_open``: `1.关于“…”问题` without its 。, the measures on its line or the next;
- ``running``: `针对“…”的问题。一是…；二是…。` paragraphs, alone or under numbered 方面;
- ``ledger``: a 整改台账 table in a Word document or a web page;
- ``summary_only``: the notice's totals, no itemised problems;
- ``meeting_news``, ``inspection_announcement``, ``rectification_plan``: not notices.

Any text layout may be copied from a web page (furniture lines, 发布时间) or saved as one.
Statuses in the sidecar follow the genre's rules with the publish date as the as-of date (see
``problems``); a notice's own totals or a closing summary by item number decide the problems
that state nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import bodies, ledger, others, sections, web, wording
from .bodies import Issuer
from .options import NoticeOptions, draw_options, with_overrides
from .outline import plan_outline, write_outline
from .problems import NoticeDates, date_between
from .render import Writer, fmt_date, render_text
from .sections import Claims
from .truth import NoticeTruth, ProblemTruth, write_truth


@dataclass
class SynthNotice:
    """One synthetic document: its file's content and its true structure.

    ``text`` is the file's text (a ``.txt`` notice, or an ``.html`` page); a Word document
    has its bytes in ``data`` and its paragraphs, one a line, in ``text``.
    """

    text: str
    truth: NoticeTruth
    data: bytes | None = None

    @property
    def suffix(self) -> str:
        """The file's extension: ``.txt``, ``.docx`` or ``.html``."""
        return "." + self.truth.file_format

    def write(self, out_dir: str | Path) -> Path:
        """Write the file and its sidecar into ``out_dir``; return the file's path."""
        path = Path(out_dir) / f"{self.truth.notice_id}{self.suffix}"
        if self.data is not None:
            path.write_bytes(self.data)
        else:
            path.write_text(self.text, encoding="utf-8")
        write_truth(self.truth, path)
        return path


@dataclass
class _Written:
    """What writing a notice's body produced, before it is laid out as a file."""

    title: str
    n_title: int  # the title's paragraphs (and an attachment mark) at the start
    problems: list[ProblemTruth]
    claims: Claims
    table: ledger.Ledger | None = None
    table_at: int | None = None  # the paragraph the table stands before


def synth_notice(
    seed: int,
    index: int = 0,
    *,
    wide_vocabulary: bool | None = None,
    options: dict[str, Any] | None = None,
) -> SynthNotice:
    """Document ``index`` of the corpus for ``seed``: its file and its true structure.

    Parameters
    ----------
    seed
        The corpus seed.
    index
        The document's number in the corpus; it depends on ``(seed, index)`` only.
    wide_vocabulary
        Word half of the problems as whole statements with their own subjects (`部分党员干部
        理论学习浮于表面`); drawn per notice unless given.
    options
        Overrides of the drawn layout choices (keys as in the sidecar's ``options``), e.g.
        ``{"layout": "ledger", "file_format": "html"}``. The choices are drawn all the same, so
        the rest of the document is as it would be with these values drawn; choices that do
        not fit an overridden layout are made to fit it (``options.consistent``).

    Returns
    -------
    SynthNotice

    Raises
    ------
    ValueError
        If ``options`` names an unknown option.

    Examples
    --------
    >>> notice = synth_notice(7, 3, options={"layout": "section_flat"})
    >>> notice.truth.notice_id, notice.truth.layout
    ('synth-7-00003', 'section_flat')
    """
    rng = random.Random(f"rectify-synth:{seed}:{index}")
    opts = _notice_options(rng, wide_vocabulary, options)
    w = Writer(rng, opts)
    issuer = bodies.draw_issuer(rng, opts.level)
    named = "opening" if opts.body_named == "self" and not issuer.self_word else opts.body_named
    dates = sections.draw_dates(rng)
    if not opts.is_notice:
        written = _write_other(w, issuer, dates)
    elif opts.layout == "ledger":
        written = _write_ledger_notice(w, issuer, dates, named)
    else:
        written = _write_text_notice(w, issuer, dates, named)
    if issuer.inspection == "巡视":
        _say_xunshi(w, written)
    page = web.draw_furniture(rng, issuer, dates.publish, not opts.dated) if opts.web_page else None
    text, data = _lay_out(w, written, page, dates)
    publish = dates.publish if opts.dated or page is None else page.published
    truth = _notice_truth(
        seed, index, opts, issuer, named, dataclasses.replace(dates, publish=publish), written
    )
    return SynthNotice(text=text, truth=truth, data=data)


def _notice_options(
    rng: random.Random, wide_vocabulary: bool | None, options: dict[str, Any] | None
) -> NoticeOptions:
    """Draw the options, then apply ``wide_vocabulary`` and the overrides (these win)."""
    opts = draw_options(rng, (options or {}).get("layout"))
    if wide_vocabulary is not None:
        opts = dataclasses.replace(opts, wide_vocabulary=wide_vocabulary)
    return with_overrides(opts, options)


def _scope(w: Writer, n_problems: int) -> tuple[int, int] | None:
    """(aspects, problems) the preamble states, when the notice states its scope there."""
    aspects = w.opts.n_aspects or w.rng.randint(2, 4)
    return (aspects, n_problems) if w.opts.scope_claim else None


def _write_text_notice(w: Writer, issuer: Issuer, dates: NoticeDates, named: str) -> _Written:
    """A notice written as text: outline layouts, running paragraphs, or totals only."""
    opts, rng = w.opts, w.rng
    title = sections.write_header(w, issuer, named)
    n_title = len(w.paragraphs)
    plan = plan_outline(rng, opts)  # decide the outline first, then write it
    n_planned = sum(sum(a.groups) + a.ungrouped_first for a in plan)
    scope = _scope(w, n_planned)
    claims = Claims()
    if scope:
        claims.claimed_aspects, claims.claimed_problems = scope
    sections.write_preamble(w, issuer, dates, named, scope)
    summary_at = sections.write_opening_section(w, issuer) if opts.org_section else None
    if opts.layout == "summary_only":
        _write_totals_only(w, dates, claims, scope, summary_at)
        problems: list[ProblemTruth] = []
    else:
        if opts.layout != "aspect_top" and (opts.layout != "running" or opts.org_section):
            sections.write_problem_section_heading(w, issuer)
        problems = write_outline(w, plan, dates, issuer.theme)
        if opts.summary != "none":
            at = summary_at if summary_at is not None else len(w.paragraphs)
            aspects = scope[0] if scope else opts.n_aspects
            sections.insert_summary(w, problems, dates, at, aspects, claims)
        if opts.item_summary and problems:
            sections.item_summary(w, problems)
    _write_ending(w, issuer, dates, named)
    return _Written(title, n_title, problems, claims)


def _write_totals_only(
    w: Writer,
    dates: NoticeDates,
    claims: Claims,
    scope: tuple[int, int] | None,
    at: int | None,
) -> None:
    """The totals of a notice that itemises no problem: problems, completed, measures."""
    rng = w.rng
    n = scope[1] if scope else rng.randint(4, 30)
    as_of = fmt_date(date_between(rng, dates.feedback, dates.publish), year=False)
    aspects = scope[0] if scope else rng.randint(2, 5)
    sentence = sections.totals_sentence(rng, n, rng.randint(0, n // 3), as_of, aspects, claims)
    if rng.random() < 0.6:
        sentence = sentence.rstrip("。") + "；" + sections.counts_sentence(rng, as_of, claims)
    at = len(w.paragraphs) if at is None else at
    w.paragraphs.insert(at, w.punct(sentence))


def _write_ending(w: Writer, issuer: Issuer, dates: NoticeDates, named: str) -> None:
    """The outlook or plans section, then the closing and signature."""
    # a plans section is numbered on from the sections before it; a notice with none has an
    # outlook paragraph instead
    if w.opts.outlook or (w.opts.plan_section and not w.sections):
        sections.write_outlook(w, issuer)
    if w.opts.plan_section and w.sections:
        sections.write_plan_section(w, issuer)
    sections.write_closing(w, issuer, dates, named)


def _write_ledger_notice(w: Writer, issuer: Issuer, dates: NoticeDates, named: str) -> _Written:
    """A notice whose problems are the rows of a 整改台账 table."""
    opts, rng = w.opts, w.rng
    title = sections.write_header(w, issuer, named)
    n_title = len(w.paragraphs)
    n_categories = (opts.n_aspects or rng.randint(2, 3)) if opts.ledger_category else 0
    categories = [
        rng.choice(wording.LEDGER_CATEGORIES).format(area=area)
        for area in rng.sample(wording.ASPECT_AREAS, n_categories)
    ]
    table = ledger.draw_ledger(w, categories, dates, issuer.theme, issuer.who)
    claims = Claims()
    scope = _scope(w, len(table.problems))
    if scope:
        claims.claimed_aspects, claims.claimed_problems = scope
    sections.write_preamble(w, issuer, dates, named, scope)
    summary_at = sections.write_opening_section(w, issuer) if opts.org_section else None
    if summary_at is not None and opts.summary != "none":
        aspects = scope[0] if scope else (n_categories or rng.randint(2, 4))
        sections.insert_summary(w, table.problems, dates, summary_at, aspects, claims)
    w.add(rng.choice(wording.LEDGER_CAPTIONS))
    table_at = len(w.paragraphs)
    _write_ending(w, issuer, dates, named)
    return _Written(title, n_title, table.problems, claims, table, table_at)


def _write_other(w: Writer, issuer: Issuer, dates: NoticeDates) -> _Written:
    """A document that is not a notice: meeting news, an announcement, a plan."""
    writer = {
        "meeting_news": others.write_meeting_news,
        "inspection_announcement": others.write_announcement,
        "rectification_plan": others.write_plan,
    }[w.opts.layout]
    title = writer(w, issuer, dates)
    return _Written(title, 1, [], Claims())


def _say_xunshi(w: Writer, written: _Written) -> None:
    """A provincial inspection is a 巡视 throughout: the wording's 巡察 becomes 巡视, in the
    text and in the truth alike."""

    def say(text: str | None) -> str | None:
        return text.replace("巡察", "巡视") if text else text

    w.paragraphs[:] = [say(p) for p in w.paragraphs]
    written.title = say(written.title)
    for p in written.problems:
        p.title, p.aspect_title, p.group_title = (
            say(p.title),
            say(p.aspect_title),
            say(p.group_title),
        )
        p.status_words = say(p.status_words)
    if written.table is not None:
        table = written.table
        table.rows = [[say(c) for c in row] for row in table.rows]
        table.title_row = say(table.title_row)
        table.header = [say(h) for h in table.header]


def _lay_out(
    w: Writer, written: _Written, page: web.Furniture | None, dates: NoticeDates
) -> tuple[str, bytes | None]:
    """The file's content: (text, Word bytes or None), per the notice's file format."""
    opts, paragraphs = w.opts, w.paragraphs
    table = written.table
    if opts.file_format == "docx" and table is not None:
        at = written.table_at
        data = ledger.ledger_docx(paragraphs[:at], table, paragraphs[at:], dates.publish)
        lines = [*paragraphs[:at], *("\t".join(r) for r in table.rows), *paragraphs[at:]]
        return "\n".join(lines) + "\n", data
    if opts.file_format == "docx":
        return "\n".join(paragraphs) + "\n", ledger.docx_paragraphs(paragraphs, dates.publish)
    if opts.file_format == "html":
        table_html = ledger.ledger_html(table, w.rng) if table is not None else ""
        return web.page_html(paragraphs, written.n_title, page, table_html, written.table_at), None
    if page is not None:
        paragraphs = web.with_furniture(paragraphs, written.n_title, page)
    return render_text(paragraphs, w.rng, opts), None


def _notice_truth(
    seed: int,
    index: int,
    opts: NoticeOptions,
    issuer: Issuer,
    named: str,
    dates: NoticeDates,
    written: _Written,
) -> NoticeTruth:
    """The sidecar of a written document (the publish date is its as-of date)."""
    notice = opts.is_notice
    organisation, source, association = {
        "title": (issuer.organisation, "title", issuer.association),
        "opening": (issuer.opening, "opening", issuer.opening_association),
        "self": (issuer.organisation, "signature", issuer.association),
    }[named]
    return NoticeTruth(
        notice_id=f"synth-{seed}-{index:05d}",
        seed=seed,
        index=index,
        doc_kind="notice" if notice else opts.layout,
        file_format=opts.file_format,
        organisation=organisation,
        organisation_source=source,
        association=association,
        association_also=bodies.association_variants(association),
        unit_kind=issuer.unit_kind,
        title=written.title,
        inspection_start=dates.start.isoformat(),
        inspection_end=dates.end.isoformat(),
        feedback_date=dates.feedback.isoformat(),
        publish_date=dates.publish.isoformat(),
        as_of_date=dates.publish.isoformat(),
        layout=opts.layout,
        options=opts.as_dict(),
        problems_itemised=bool(written.problems) if notice else None,
        n_problems=len(written.problems),
        n_measures=sum(p.n_measures for p in written.problems),
        claims=written.claims.as_dict(),
        problems=written.problems,
    )


def write_synthetic_corpus(n: int, seed: int, out_dir: str | Path) -> list[Path]:
    """Write ``n`` documents and their JSON sidecars to ``out_dir``.

    Parameters
    ----------
    n
        How many documents (indices ``0 … n-1``).
    seed
        The corpus seed.
    out_dir
        The folder, created if missing; files are named ``synth-{seed}-{index:05d}`` with the
        extension of their format (``.txt``, ``.docx``, ``.html``) and ``.json`` sidecars.

    Returns
    -------
    list of Path
        The documents' paths, in index order.

    Examples
    --------
    >>> paths = write_synthetic_corpus(3, seed=1, out_dir="/tmp/synth")  # doctest: +SKIP
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return [synth_notice(seed, i).write(out) for i in range(n)]


# --- the `rectify synth` sub-command (rectify_utils/cli.py) -------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``rectify synth`` options to ``parser``."""
    parser.add_argument("--n", type=int, default=100, help="number of notices (default: 100)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    parser.add_argument(
        "--out", default="data/synthetic", help="output folder (default: data/synthetic)"
    )


def run_cli(args: argparse.Namespace) -> int:
    """Run ``rectify synth``; return the exit code."""
    if args.n < 0:
        print("--n must be zero or more")
        return 2
    began = time.perf_counter()
    paths = write_synthetic_corpus(args.n, args.seed, args.out)
    seconds = time.perf_counter() - began
    print(f"wrote {len(paths)} notices with JSON sidecars to {args.out} in {seconds:.1f} s")
    return 0
