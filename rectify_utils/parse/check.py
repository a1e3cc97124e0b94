"""Show how one notice parses (`rectify check FILE`): outline tree, statuses, leftovers, warnings."""

from __future__ import annotations

import argparse
import textwrap

from ..errors import NotANotice, NoticeReadError
from .corpus import Corpus, load_corpus
from .headings import build_paragraphs, running_problems
from .normalise import normalise
from .notice import document_kind
from .outline import parse_outline
from .problems import ProblemLikeness
from .read import read_notice

INDENT = "  "


def render_check(corpus: Corpus, width: int = 100) -> str:
    """A plain-text account of each notice's parse, for a person checking a new notice.

    Parameters
    ----------
    corpus : Corpus
        The parsed files (``load_corpus``).
    width : int, default 100
        Characters at which evidence is wrapped and unplaced text cut.

    Returns
    -------
    str
        The report, several lines per notice and per skipped file.
    """
    lines: list[str] = []
    for row in corpus.skipped.itertuples():
        lines.append(f"SKIPPED {row.path}: {row.reason}")
        lines += [INDENT + line for line in explain_skip(row.path)]
    for n in corpus.notices.itertuples():
        nid = n.notice_id
        lines += [
            f"== {n.source_path}",
            f"read as: {n.encoding}"
            + (
                "; converted from traditional to simplified script"
                if n.converted_from_traditional
                else ""
            ),
            f"title: {n.title}",
            f"organisation: {n.organisation} → {n.association} "
            f"({_v(n.province)} {_v(n.city)} {_v(n.county)}, {_v(n.level)})",
            f"inspector: {n.inspector}; inspection {_d(n.inspection_start)} – {_d(n.inspection_end)}; "
            f"feedback {_d(n.feedback_date)}; published {_d(n.publish_date)}; as of {_d(n.as_of_date)} ({n.as_of_source})",
            f"claims: aspects={_v(n.claimed_aspects)} problems={_v(n.claimed_problems)} "
            f"completed={_v(n.claimed_completed)} ongoing={_v(n.claimed_ongoing)} measures={_v(n.claimed_measures)}",
            "",
            "outline:",
        ]
        probs = corpus.problems[corpus.problems["notice_id"] == nid].set_index("problem_no")
        for node in corpus.outline[corpus.outline["notice_id"] == nid].itertuples():
            if node.node == "measure":
                continue
            pad = INDENT * (int(node.depth) + 1)
            if node.node == "problem":
                p = probs.loc[int(node.problem_no)]
                lines.append(f"{pad}[{p['status']}] {p['label']} {p['title']}")
                evidence = p["status_evidence"] if isinstance(p["status_evidence"], str) else ""
                if evidence:
                    lines += textwrap.wrap(
                        f"evidence: {evidence}",
                        width,
                        initial_indent=pad + INDENT * 2,
                        subsequent_indent=pad + INDENT * 3,
                    )
                if p["n_measures"]:
                    lines.append(f"{pad}{INDENT * 2}measures: {p['n_measures']}")
            else:
                lines.append(f"{pad}{node.node}: {node.label} {node.title}")
        counts = probs["status"].value_counts().to_dict() if len(probs) else {}
        lines += ["", f"problems: {len(probs)} " + ", ".join(f"{k}={v}" for k, v in counts.items())]
        un = corpus.unassigned[corpus.unassigned["notice_id"] == nid]
        lines.append(f"unassigned paragraphs: {len(un)}")
        for u in un.itertuples():
            lines.append(f"{INDENT}@{u.char_start}: {u.text[:width]}")
        warns = corpus.warnings[corpus.warnings["notice_id"] == nid]
        lines.append(f"warnings: {len(warns)}")
        lines += [f"{INDENT}{w}" for w in warns["message"]]
        lines.append("")
    return "\n".join(lines)


def explain_skip(path: str, limit: int = 12) -> list[str]:
    """What was read from a skipped file and why no problem list came of it.

    Parameters
    ----------
    path : str
        The skipped file.
    limit : int, default 12
        How many paragraphs, rows and headings to show at most.

    Returns
    -------
    list of str
        The lines to print.
    """
    try:
        notice_text = read_notice(path)
    except NoticeReadError:
        return []  # nothing could be read: the reason says why
    norm = normalise(notice_text.text)
    paragraphs = build_paragraphs(norm)
    kind = document_kind(norm)
    headings = [p for p in paragraphs if p.heading]
    running = running_problems(paragraphs)
    out = [
        f"read as: {notice_text.encoding}"
        + ("; converted from traditional script" if notice_text.converted else ""),
        f"paragraphs: {len(paragraphs)}; tables read as 台账: "
        f"{sum(1 for p in paragraphs if p.text.startswith('整改措施：'))} rows",
        f"document kind: {kind.kind} ({kind.evidence})",
        f"outline headings: {len(headings)}; unnumbered 针对“…”问题 paragraphs: {len(running)}",
    ]
    likeness = ProblemLikeness(paragraphs)
    for p in headings[:limit]:
        says = "states a shortcoming" if likeness(p.index) else "no shortcoming"
        out.append(
            f"{INDENT}level {p.heading.level} {p.heading.label} {p.heading.rest[:40]} — {says}"
        )
    if len(headings) > limit:
        out.append(f"{INDENT}… {len(headings) - limit} more")
    if kind.kind == "notice":
        try:
            parse_outline(norm)
        except NotANotice as exc:
            out.append(f"no problem list: {exc}")
    return out


def _d(value) -> str:
    return "—" if value is None or str(value) in {"NaT", "<NA>"} else str(value)[:10]


def _v(value) -> str:
    return "—" if value is None or str(value) in {"<NA>", "nan", "None"} else str(value)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``rectify check`` to ``parser``.

    Parameters
    ----------
    parser : argparse.ArgumentParser
        The ``check`` sub-command's parser.

    Returns
    -------
    None
    """
    parser.add_argument("file", nargs="+", help="a notice file (or several)")


def run_cli(args: argparse.Namespace) -> int:
    """Run ``rectify check``: print each file's parse; 1 when no notice came of them.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed arguments (``file``: the paths to check).

    Returns
    -------
    int
        The exit status.
    """
    corpus = load_corpus(args.file)
    print(render_check(corpus))
    return 1 if len(corpus.notices) == 0 else 0
