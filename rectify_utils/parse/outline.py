"""Parse one notice's normalised text into its outline: header, preamble, problems, closing.

The rules are general (see ``outline.py``): the part of the notice that holds the problems
is found from what its headings say, and the problem level is the deepest outline level
whose headings state shortcomings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .normalise import Normalised, display_width
from .numerals import cn_to_int
from .vocabulary import (
    CLOSING_SECTION,
    FIELD_LABEL,
    Heading,
    clean_title,
    first_sentence,
    is_closing_paragraph,
    looks_like_problem,
    match_heading,
)

# a header line that is not the title: `附件8`, `（向社会公开）`
HEADER_EXTRA = re.compile(
    r"^(?:附件\s*\d*|[（(]\s*向社会公开\s*[)）]|附件\s*\d*\s*[（(]\s*向社会公开\s*[)）])$"
)
# inline measure markers: `①…②…`, `一是…二是…` (after a start, a colon or a stop)
CIRCLED_MARK = re.compile(r"[①-⑳]")
SHI_MARK = re.compile(r"(?:(?<=^)|(?<=[：:；;。，,\n]))\s*(?P<num>[一二三四五六七八九十]{1,2})是")


class NotANotice(ValueError):
    """The text holds no recognisable rectification notice."""


@dataclass
class Paragraph:
    index: int
    start: int
    end: int
    text: str
    heading: Heading | None


@dataclass
class ProblemNode:
    heading_index: int
    heading: Heading
    aspect_no: int | None
    aspect_title: str | None
    group_title: str | None
    body: list[int] = field(default_factory=list)  # paragraph indices after the heading


@dataclass
class ParsedOutline:
    paragraphs: list[Paragraph]
    kinds: list[str]  # span kind per paragraph
    roles: list[str]  # finer role: section/aspect/group/problem/body/measure/... per paragraph
    owners: list[int | None]  # problem number per paragraph (problem spans)
    header: list[int]
    problems: list[ProblemNode]
    aspects: list[tuple[int, str, str]]  # (paragraph index, label, title)
    problem_level: int
    aspect_level: int | None
    warnings: list[str]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @cached_property
    def starts(self) -> list[int]:
        """Start offset of each paragraph, for binary search."""
        return [p.start for p in self.paragraphs]


def build_paragraphs(norm: Normalised) -> list[Paragraph]:
    paragraphs, offset = [], 0
    for i, text in enumerate(norm.paragraphs):
        paragraphs.append(Paragraph(i, offset, offset + len(text), text, match_heading(text)))
        offset += len(text) + 1
    return paragraphs


def header_length(paragraphs: list[Paragraph]) -> int:
    """Leading short paragraphs without a full stop: attachment mark and title lines."""
    n = 0
    for p in paragraphs[:6]:
        if p.heading or "。" in p.text or display_width(p.text) > 60 or p.text.startswith("根据"):
            break
        n += 1
    return n


def parse_outline(norm: Normalised) -> ParsedOutline:
    paragraphs = build_paragraphs(norm)
    if not paragraphs:
        raise NotANotice("the text is empty after normalisation")
    n_header = header_length(paragraphs)
    kinds: list[str] = ["header"] * n_header + [""] * (len(paragraphs) - n_header)
    owners: list[int | None] = [None] * len(paragraphs)
    roles: list[str] = list(kinds)
    warnings: list[str] = []

    body = paragraphs[n_header:]
    headings = [p for p in body if p.heading and p.heading.level < 5]
    if not headings:
        raise NotANotice("no numbered outline (一、 / （一） / 1. / （1）) was found")
    top = min(p.heading.level for p in headings)
    tops = [p.index for p in headings if p.heading.level == top]

    # top-level blocks: [start, end) paragraph ranges
    blocks = [(s, e) for s, e in zip(tops, [*tops[1:], len(paragraphs)])]
    closing_blocks = {s for s, _ in blocks if CLOSING_SECTION.search(paragraphs[s].heading.rest)}

    def next_text(i: int) -> str | None:
        return paragraphs[i + 1].text if i + 1 < len(paragraphs) else None

    likeness: dict[int, bool] = {}

    def problem_like(i: int) -> bool:
        if i not in likeness:
            likeness[i] = looks_like_problem(paragraphs[i].heading, next_text(i))
        return likeness[i]

    open_blocks = [(s, e) for s, e in blocks if s not in closing_blocks]
    # a top-level block whose own title states a shortcoming is a 方面 (东营市 `一、关于…方面`);
    # another is a problem section when some outline level inside it mostly states shortcomings
    aspect_blocks = {s for s, _ in open_blocks if problem_like(s)}
    section_blocks: set[int] = set()
    for s, e in open_blocks:
        if s in aspect_blocks:
            continue
        by_level: dict[int, list[bool]] = {}
        for i in range(s + 1, e):
            h = paragraphs[i].heading
            if h and top < h.level < 5:
                by_level.setdefault(h.level, []).append(problem_like(i))
        if any(sum(v) / len(v) >= 0.5 for v in by_level.values()):
            section_blocks.add(s)
    containers = [(s, e) for s, e in open_blocks if s in aspect_blocks | section_blocks]
    if not containers:
        raise NotANotice("no part of the outline lists problems (no heading states a shortcoming)")

    # which level holds the problems: the deepest whose headings mostly state shortcomings
    inner_levels: dict[int, list[int]] = {}
    levels_by_kind: dict[bool, set[int]] = {True: set(), False: set()}
    for s, e in containers:
        for i in range(s + 1, e):
            h = paragraphs[i].heading
            if h and h.level > top:
                inner_levels.setdefault(h.level, []).append(i)
                levels_by_kind[s in aspect_blocks].add(h.level)
    scores = {
        lvl: sum(problem_like(i) for i in idx) / len(idx) for lvl, idx in inner_levels.items()
    }
    qualifying = [lvl for lvl, sc in scores.items() if sc >= 0.5]
    if qualifying:
        problem_level = max(qualifying)
    elif aspect_blocks:
        problem_level = top  # the top-level items are the problems themselves
    else:
        raise NotANotice("the problem part has no numbered problem headings")
    # in a 方面 block the block title is the aspect; in a section the first level below it is
    aspect_group_levels = {lvl for lvl in levels_by_kind[True] if lvl < problem_level}
    section_above = sorted(lvl for lvl in levels_by_kind[False] if lvl < problem_level)
    section_aspect_level = section_above[0] if section_above else None
    section_group_levels = set(section_above[1:])
    aspect_level = top if aspect_blocks and problem_level > top else section_aspect_level
    block_of = [0] * len(paragraphs)
    for s, e in blocks:
        for i in range(s, e):
            block_of[i] = s

    problems: list[ProblemNode] = []
    aspects: list[tuple[int, str, str]] = []
    first_container = containers[0][0]
    last_container_end = containers[-1][1]
    in_container = [False] * len(paragraphs)
    for s, e in containers:
        for i in range(s, e):
            in_container[i] = True

    aspect_no: int | None = None
    aspect_title: str | None = None
    group_title: str | None = None
    current: ProblemNode | None = None
    closing_started = False
    for p in paragraphs[n_header:]:
        i, h = p.index, p.heading
        if closing_started:
            kinds[i] = roles[i] = "closing"
            continue
        if not in_container[i]:
            if i < first_container:
                kinds[i] = roles[i] = "heading" if (h and h.level == top) else "preamble"
                if kinds[i] == "heading":
                    roles[i] = "section"
            elif i >= last_container_end or any(
                s <= i < e for s, e in blocks if s in closing_blocks
            ):
                kinds[i] = roles[i] = "closing"
            else:
                kinds[i] = roles[i] = "unassigned"
                warnings.append(
                    f"paragraph {i + 1} sits in a non-problem section between problem sections"
                )
            continue
        if problems and is_closing_paragraph(p.text) and not (h and h.level <= problem_level):
            closing_started = True
            kinds[i] = roles[i] = "closing"
            continue
        in_aspect_block = block_of[i] in aspect_blocks
        if i == block_of[i] and not in_aspect_block:
            kinds[i], roles[i] = "heading", "section"
            aspect_no, aspect_title, group_title, current = None, None, None, None
            continue
        block_aspect_level = top if in_aspect_block else section_aspect_level
        group_levels = aspect_group_levels if in_aspect_block else section_group_levels
        if h and h.level == block_aspect_level and h.level < problem_level:
            aspects.append((i, h.label, h.rest))
            aspect_no, aspect_title = len(aspects), h.rest.rstrip("。")
            group_title, current = None, None
            kinds[i], roles[i] = "heading", "aspect"
            continue
        if h and h.level in group_levels:
            group_title, current = h.rest.rstrip("。"), None
            kinds[i], roles[i] = "heading", "group"
            continue
        if h and h.level == problem_level:
            current = ProblemNode(i, h, aspect_no, aspect_title, group_title)
            problems.append(current)
            kinds[i], roles[i], owners[i] = "problem", "problem", len(problems)
            continue
        if current is not None:
            current.body.append(i)
            kinds[i], owners[i] = "problem", len(problems)
            roles[i] = "measure" if (h and h.level > problem_level and h.level < 5) else "body"
        elif not problems and aspect_no is None and group_title is None:
            kinds[i] = roles[i] = "preamble"  # the problem section's introduction
        else:
            kinds[i] = roles[i] = "unassigned"
            warnings.append(
                f"paragraph {i + 1} is under a heading but before any problem: {p.text[:30]}…"
            )

    if not problems:
        raise NotANotice("no problem headings were found in the problem part")
    _check_numbering(problems, warnings)
    return ParsedOutline(
        paragraphs,
        kinds,
        roles,
        owners,
        list(range(n_header)),
        problems,
        aspects,
        problem_level,
        aspect_level,
        warnings,
    )


def _check_numbering(problems: list[ProblemNode], warnings: list[str]) -> None:
    previous = None
    for node in problems:
        n = node.heading.number
        if previous is not None and n not in (previous + 1, 1):
            warnings.append(
                f"problem numbering jumps from {previous} to {n} at {node.heading.label}"
            )
        previous = n


def problem_title(node: ProblemNode) -> tuple[str, str, str]:
    """(clean title, status marker, rest of the heading paragraph after the title)."""
    sentence = first_sentence(node.heading.rest)
    rest = node.heading.rest[len(sentence) :].strip()
    # a status marker may follow the full stop: `…的问题。（已整改到位）`
    title, marker = clean_title(
        sentence + (rest if rest.startswith(("（", "(")) and len(rest) <= 12 else "")
    )
    if marker and rest.startswith(("（", "(")) and len(rest) <= 12:
        rest = ""
    return title, marker, rest


def inline_measures(text: str) -> list[tuple[str, int, int]]:
    """Split `①…②…` or `一是…二是…` into (label, start, end) segments; [] if not itemised."""
    for pattern, numbering in ((CIRCLED_MARK, "circled"), (SHI_MARK, "shi")):
        marks = list(pattern.finditer(text))
        seq, expected = [], 1
        for m in marks:
            num = m.group(0) if numbering == "circled" else m.group("num")
            if cn_to_int(num) == expected:
                seq.append(m)
                expected += 1
        if len(seq) >= 2:
            out = []
            for k, m in enumerate(seq):
                start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                end = seq[k + 1].start() if k + 1 < len(seq) else _paragraph_end(text, m.end())
                label = m.group(0).strip()
                out.append((label, start, end))
            return out
    return []


def _paragraph_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl == -1 else nl


def is_field_paragraph(text: str) -> bool:
    return bool(FIELD_LABEL.match(text))
