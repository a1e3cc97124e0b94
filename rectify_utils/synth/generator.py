"""Synthetic rectification notices with their true structure (`rectify synth`).

``write_synthetic_corpus(n, seed, out_dir)`` writes ``n`` notices (``.txt``) in the outline
styles of the bundled ones, each with a JSON sidecar (same stem, ``.json``) that holds what a
correct parse must find: organisation, dates, and every problem's number, label, title, aspect
and status. Notice ``i`` of seed ``s`` depends on ``(s, i)`` only, so a corpus is reproducible
and one notice can be regenerated alone (``synth_notice(s, i)``).

Layouts (chosen per notice), as in the bundled notices:

- ``aspect_top``: `一、关于…方面` → `1.…问题` → `(1)措施` (东营);
- ``section_aspect``: `二、…整改落实情况` → `（一）…方面` → `1.关于“…”问题。` (新野, 石龙);
- ``section_group``: `二、` → `（一）方面` → `1、中间分组` → `（1）问题。` (罗庄);
- ``section_flat``: `二、` → `（一）针对“…”问题的整改。` (立山).

Statuses in the sidecar follow the rules in ``rectify_utils/parse/status.py`` with the publish
date as the as-of date: a completion marker or field is ``completed``; 正在…中, 持续整改, 拟于…,
or a deadline after the publish date is ``in_progress`` (and wins over a completion cue); nothing
explicit is ``not_stated``, unless the notice's own totals account for every problem.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import sections
from .options import NoticeOptions, draw_options, with_overrides
from .outline import plan_outline, write_outline
from .problems import NoticeDates
from .render import Writer, render_text
from .sections import Issuer
from .truth import NoticeTruth, ProblemTruth, write_truth


@dataclass
class SynthNotice:
    """One synthetic notice: the text of its file and its true structure."""

    text: str
    truth: NoticeTruth


def synth_notice(
    seed: int,
    index: int = 0,
    *,
    wide_vocabulary: bool | None = None,
    options: dict[str, Any] | None = None,
) -> SynthNotice:
    """Notice ``index`` of the corpus for ``seed``: its text and its true structure.

    Parameters
    ----------
    seed
        The corpus seed.
    index
        The notice's number in the corpus; the notice depends on ``(seed, index)`` only.
    wide_vocabulary
        Also word problems with shortcomings outside the core list (流于形式, 标准偏低,
        作用发挥不充分); drawn per notice unless given.
    options
        Overrides of the drawn layout choices (keys as in the sidecar's ``options``), e.g.
        ``{"layout": "aspect_top", "n_aspects": 1}``. The choices are drawn all the same, so
        the rest of the notice is as it would be with these values drawn.

    Returns
    -------
    SynthNotice
        The ``.txt`` text and the sidecar's truth.

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
    issuer = sections.draw_issuer(rng)
    dates = sections.draw_dates(rng)
    title = sections.write_header(w, issuer)
    sections.write_preamble(w, issuer, dates)
    plan = plan_outline(rng, opts)  # decide the outline first, then write it
    summary_at = sections.write_opening_section(w, issuer) if opts.org_section else None
    if opts.layout != "aspect_top":
        sections.write_problem_section_heading(w, issuer)
    problems = write_outline(w, plan, dates)
    if summary_at is not None and opts.summary != "none":
        sections.insert_summary(w, problems, dates, at=summary_at)
    if opts.plan_section:
        sections.write_plan_section(w, issuer)
    sections.write_closing(w, issuer, dates)
    truth = _notice_truth(
        seed=seed, index=index, opts=opts, issuer=issuer, dates=dates, title=title,
        problems=problems,
    )  # fmt: skip
    return SynthNotice(text=render_text(w.paragraphs, rng, opts), truth=truth)


def _notice_options(
    rng: random.Random, wide_vocabulary: bool | None, options: dict[str, Any] | None
) -> NoticeOptions:
    """Draw the options, then apply ``wide_vocabulary`` and the overrides (these win)."""
    opts = draw_options(rng, (options or {}).get("layout"))
    if wide_vocabulary is not None:
        opts = dataclasses.replace(opts, wide_vocabulary=wide_vocabulary)
    return with_overrides(opts, options)


def _notice_truth(
    *,
    seed: int,
    index: int,
    opts: NoticeOptions,
    issuer: Issuer,
    dates: NoticeDates,
    title: str,
    problems: list[ProblemTruth],
) -> NoticeTruth:
    """The sidecar of a written notice (the publish date is its as-of date)."""
    return NoticeTruth(
        notice_id=f"synth-{seed}-{index:05d}",
        seed=seed,
        index=index,
        organisation=issuer.organisation,
        title=title,
        inspection_start=dates.start.isoformat(),
        inspection_end=dates.end.isoformat(),
        feedback_date=dates.feedback.isoformat(),
        publish_date=dates.publish.isoformat(),
        as_of_date=dates.publish.isoformat(),
        layout=opts.layout,
        options=opts.as_dict(),
        n_problems=len(problems),
        n_measures=sum(p.n_measures for p in problems),
        problems=problems,
    )


def write_synthetic_corpus(n: int, seed: int, out_dir: str | Path) -> list[Path]:
    """Write ``n`` notices and their JSON sidecars to ``out_dir``.

    Parameters
    ----------
    n
        How many notices (indices ``0 … n-1``).
    seed
        The corpus seed.
    out_dir
        The folder, created if missing; files are named ``synth-{seed}-{index:05d}.txt/.json``.

    Returns
    -------
    list of Path
        The notices' paths, in index order.

    Examples
    --------
    >>> paths = write_synthetic_corpus(3, seed=1, out_dir="/tmp/synth")  # doctest: +SKIP
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        notice = synth_notice(seed, i)
        path = out / f"{notice.truth.notice_id}.txt"
        path.write_text(notice.text, encoding="utf-8")
        write_truth(notice.truth, path)
        paths.append(path)
    return paths


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
