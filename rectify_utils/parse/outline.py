"""One notice's paragraphs → its outline: header, preamble, sections, 方面, groups, problems, closing.

The rules are general (patterns in ``vocabulary``): the top-level blocks that hold the problems
are found from what their headings say, and the problem level is the deepest outline level
whose headings mostly state shortcomings. ``parse_outline`` runs four named steps:
find the blocks → choose the levels → assign every paragraph a role → check the numbering.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..errors import NotANotice
from ..text import display_width
from .headings import Paragraph, build_paragraphs, running_problems, with_running_headings
from .normalise import Normalised
from .problems import Likeness, ProblemLikeness, ProblemNode, problem_title
from .vocabulary import (
    ASPECT_TITLE,
    BOILERPLATE_SENTENCE,
    CLAIM_PATTERNS,
    CLOSING_BOILERPLATE,
    CLOSING_COLLECTIVE,
    CLOSING_COUNTS,
    CLOSING_OPENER,
    CLOSING_SECTION,
    CLOSING_TOTALS,
    CLOSING_TOTALS_START,
    DATE_LINE,
    ITEM_SUMMARY,
    LEDGER_ASPECT_FIELD,
    LEDGER_ITEM_LINE,
    LEDGER_LEVEL,
    MENU_ITEM,
    RUNNING_LEVEL,
    SIGNATURE,
    SIGNATURE_BODY,
    WEB_FURNITURE,
)

__all__ = ["NotANotice", "ParsedOutline", "Placement", "parse_outline"]


@dataclass
class Placement:
    """Where one paragraph sits: its span ``kind``, its finer ``role`` and its problem number."""

    kind: str  # header / preamble / heading / problem / closing / unassigned
    role: str  # header / preamble / section / aspect / group / problem / body / measure / …
    owner: int | None = None  # the problem (1…n) a problem-span paragraph belongs to


@dataclass
class ParsedOutline:
    """The outline of one notice: every paragraph placed, the problems and the 方面 found."""

    paragraphs: list[Paragraph]
    placements: list[Placement]
    header: list[int]
    problems: list[ProblemNode]
    aspects: list[tuple[int, str, str]]  # (paragraph index, label, title)
    problem_level: int
    aspect_level: int | None
    warnings: list[str]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def kinds(self) -> list[str]:
        """Span kind per paragraph."""
        return [p.kind for p in self.placements]

    @property
    def roles(self) -> list[str]:
        """Finer role per paragraph."""
        return [p.role for p in self.placements]

    @property
    def owners(self) -> list[int | None]:
        """Problem number per paragraph (problem spans), else None."""
        return [p.owner for p in self.placements]

    @cached_property
    def starts(self) -> list[int]:
        """Start offset of each paragraph, for binary search."""
        return [p.start for p in self.paragraphs]


@dataclass(frozen=True)
class Blocks:
    """The top-level blocks of the outline and which of them hold problems."""

    top: int  # the highest outline level used
    spans: list[tuple[int, int]]  # [start, end) paragraph ranges of the top-level blocks
    closing: set[int]  # starts of `下一步工作打算`-like blocks
    aspects: set[int]  # starts of blocks whose own title is a 方面
    containers: list[tuple[int, int]]  # the blocks that hold problems


@dataclass(frozen=True)
class Levels:
    """Which outline level holds the problems, and which the 方面 and groups above them."""

    problem: int
    aspect: int | None  # the 方面 level reported for the notice
    section_aspect: int | None  # in a problem section, the first level below the section
    aspect_groups: frozenset[int]  # group levels inside a 方面 block
    section_groups: frozenset[int]  # group levels inside a section


def is_furniture(text: str, after_furniture: bool) -> bool:
    """A line of web-page furniture; right after one, a short menu item (`残联概况`) is too.

    Parameters
    ----------
    text : str
        One line.
    after_furniture : bool
        Whether the line before was furniture.

    Returns
    -------
    bool
        True when the line is furniture.
    """
    if WEB_FURNITURE.match(text):
        return True
    return after_furniture and bool(MENU_ITEM.match(text))


def header_length(paragraphs: list[Paragraph]) -> int:
    """Leading short paragraphs without a full stop: attachment mark, title lines and web-page
    furniture (`发布时间：…`, which may be long and hold a stop; menu items after `首页`).

    Parameters
    ----------
    paragraphs : list of Paragraph
        The notice's paragraphs.

    Returns
    -------
    int
        How many leading paragraphs are the header.
    """
    n, titles, furniture = 0, 0, False
    for p in paragraphs:
        furniture = is_furniture(p.text, furniture)
        if furniture:
            n += 1
            continue
        if titles == 6 or p.heading or "。" in p.text or display_width(p.text) > 60:
            break
        if p.text.startswith("根据"):
            break
        n, titles = n + 1, titles + 1
    return n


def is_closing_paragraph(paragraph: str) -> bool:
    """Boilerplate, a signature, a bare date or web-page furniture after the last problem.

    Parameters
    ----------
    paragraph : str
        One paragraph.

    Returns
    -------
    bool
        True when it belongs to the closing part.
    """
    return bool(
        CLOSING_BOILERPLATE.match(paragraph)
        or SIGNATURE.match(paragraph)
        or DATE_LINE.fullmatch(paragraph)
        or WEB_FURNITURE.match(paragraph)
    )


def parse_outline(norm: Normalised) -> ParsedOutline:
    """Place every paragraph of a normalised notice in its outline.

    Parameters
    ----------
    norm
        The notice's normalised paragraphs (``normalise.normalise``).

    Returns
    -------
    ParsedOutline

    Raises
    ------
    NotANotice
        When the text has no outline, or no part of it lists problems.
    """
    paragraphs = build_paragraphs(norm)
    if not paragraphs:
        raise NotANotice("the text is empty after normalisation")
    n_header = header_length(paragraphs)
    paragraphs = _ledger_items_unnumbered(paragraphs)
    running = running_problems(paragraphs, n_header)
    if not running:
        return _outline(paragraphs, n_header)
    try:
        numbered = _outline(paragraphs, n_header)
    except NotANotice:
        numbered = None
    if numbered is not None and not _holds_running_problems(numbered, running):
        return numbered
    return _outline(with_running_headings(paragraphs, running), n_header)


def _item_level(level: int) -> bool:
    """An outline level that can hold problems: numbered (not `①`), running, or a ledger row."""
    return level < 5 or level in (RUNNING_LEVEL, LEDGER_LEVEL)


def _ledger_items_unnumbered(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """In a notice with a 整改台账, the items numbered below a section before its first row
    (`（一）提高政治站位…`) tell how the work was organised: each row is one problem, so those
    items lose their headings (sections `一、` keep theirs)."""
    first = next((p.index for p in paragraphs if p.heading and p.heading.level == LEDGER_LEVEL), 0)
    return [
        Paragraph(p.index, p.start, p.end, p.text, None)
        if p.index < first and p.heading and 1 < p.heading.level < LEDGER_LEVEL
        else p
        for p in paragraphs
    ]


def _holds_running_problems(outline: ParsedOutline, running: list[int]) -> bool:
    """Are the numbered "problems" really 方面 over running `针对“…”问题` paragraphs? Yes when
    one holds two or more of them, or every one that holds one is titled as a 方面."""
    inside = set(running)
    holding = [node for node in outline.problems if inside.intersection(node.body)]
    if any(len(inside.intersection(node.body)) >= 2 for node in holding):
        return True
    return bool(holding) and all(ASPECT_TITLE.search(node.heading.rest) for node in holding)


def _outline(paragraphs: list[Paragraph], n_header: int) -> ParsedOutline:
    """The four steps of ``parse_outline`` on paragraphs whose headings are decided."""
    likeness = ProblemLikeness(paragraphs)
    blocks = find_blocks(paragraphs, n_header, likeness)
    levels = choose_levels(paragraphs, blocks, likeness)
    walk = RoleWalk(paragraphs, n_header, blocks, levels)
    walk.run()
    if not walk.problems:
        raise NotANotice("no problem headings were found in the problem part")
    check_numbering(walk.problems, walk.warnings)
    return ParsedOutline(
        paragraphs=paragraphs,
        placements=walk.placements,
        header=list(range(n_header)),
        problems=walk.problems,
        aspects=walk.aspects,
        problem_level=levels.problem,
        aspect_level=levels.aspect,
        warnings=walk.warnings,
    )


def summary_outline(norm: Normalised, reason: str) -> ParsedOutline:
    """The outline of a notice that itemises no problems (a summary, or a page cut short).

    Header lines stay the header, a closing section (`下一步工作打算`) and the trailing signature,
    date and boilerplate are the closing part, everything else is the preamble.

    Parameters
    ----------
    norm : Normalised
        The normalised notice.
    reason : str
        Why no problem list was found, for the warning.

    Returns
    -------
    ParsedOutline
        An outline with no problems.
    """
    paragraphs = build_paragraphs(norm)
    if not paragraphs:
        raise NotANotice("the text is empty after normalisation")
    n_header = header_length(paragraphs)
    closing_from = len(paragraphs)
    while closing_from > n_header and (
        is_closing_paragraph(paragraphs[closing_from - 1].text)
        or SIGNATURE_BODY.match(paragraphs[closing_from - 1].text)
    ):
        closing_from -= 1
    for p in paragraphs[n_header:closing_from]:
        if p.heading and p.heading.level <= 2 and CLOSING_SECTION.search(p.heading.rest):
            closing_from = p.index
            break
    placements = [
        Placement("header", "header")
        if i < n_header
        else Placement("closing", "closing")
        if i >= closing_from
        else Placement("preamble", "preamble")
        for i in range(len(paragraphs))
    ]
    warning = (
        f"no itemised problems ({reason}): the notice is kept with its dates, claims and "
        "sections, but has no problem rows"
    )
    return ParsedOutline(
        paragraphs=paragraphs,
        placements=placements,
        header=list(range(n_header)),
        problems=[],
        aspects=[],
        problem_level=0,
        aspect_level=None,
        warnings=[warning],
    )


def find_blocks(paragraphs: list[Paragraph], n_header: int, likeness: Likeness) -> Blocks:
    """The top-level blocks, and which hold problems.

    A block whose own title states a shortcoming is a 方面 (`一、关于…方面`); another is a problem
    section when some outline level inside it mostly states shortcomings.

    Parameters
    ----------
    paragraphs : list of Paragraph
        The notice's paragraphs.
    n_header : int
        How many leading paragraphs are the header.
    likeness : callable
        Paragraph index → whether its heading states a shortcoming.

    Returns
    -------
    Blocks
        The blocks, with those that are 方面, closing sections or hold problems.
    """
    headings = [p for p in paragraphs[n_header:] if p.heading and _item_level(p.heading.level)]
    if not headings:
        raise NotANotice("no numbered outline (一、 / （一） / 1. / （1）) was found")
    top = min(p.heading.level for p in headings)
    tops = [p.index for p in headings if p.heading.level == top]
    spans = list(zip(tops, [*tops[1:], len(paragraphs)]))
    closing = {s for s, _ in spans if CLOSING_SECTION.search(paragraphs[s].heading.rest)}
    open_spans = [(s, e) for s, e in spans if s not in closing]
    aspects = {s for s, _ in open_spans if likeness(s)}
    sections = {
        s
        for s, e in open_spans
        if s not in aspects and _lists_problems(paragraphs, s, e, top, likeness)
    }
    aspects |= _siblings_of_a_problem_run(open_spans, aspects, sections)
    containers = [(s, e) for s, e in open_spans if s in aspects | sections]
    if not containers:
        raise NotANotice("no part of the outline lists problems (no heading states a shortcoming)")
    return Blocks(top, spans, closing, aspects, containers)


def _siblings_of_a_problem_run(
    open_spans: list[tuple[int, int]], aspects: set[int], sections: set[int]
) -> set[int]:
    """Blocks inside a run of top-level items that mostly state shortcomings belong to the run.

    A level is read as a whole: when most top-level items state shortcomings, an item between
    two of them whose wording has no cue (`4.教师队伍结构性缺编`) is one of them too.
    """
    if not aspects or len(aspects) < 0.5 * len(open_spans):
        return set()
    first, last = min(aspects), max(aspects)
    return {s for s, _ in open_spans if first < s < last and s not in sections}


def _lists_problems(
    paragraphs: list[Paragraph], start: int, end: int, top: int, likeness: Likeness
) -> bool:
    """Does some outline level inside the block mostly state shortcomings?"""
    by_level: dict[int, list[bool]] = {}
    for i in range(start + 1, end):
        h = paragraphs[i].heading
        if h and top < h.level and _item_level(h.level):
            by_level.setdefault(h.level, []).append(likeness(i))
    return any(sum(v) / len(v) >= 0.5 for v in by_level.values())


def choose_levels(paragraphs: list[Paragraph], blocks: Blocks, likeness: Likeness) -> Levels:
    """The problem level: the deepest inside the containers whose headings mostly state shortcomings.

    In a 方面 block the block title is the 方面; in a section the first level below it is, and
    levels between that and the problems are groups.

    Parameters
    ----------
    paragraphs : list of Paragraph
        The notice's paragraphs.
    blocks : Blocks
        Its top-level blocks (``find_blocks``).
    likeness : callable
        Paragraph index → whether its heading states a shortcoming.

    Returns
    -------
    Levels
        The problem, 方面 and group levels.
    """
    inner: dict[int, list[int]] = {}
    levels_by_kind: dict[bool, set[int]] = {True: set(), False: set()}
    for s, e in blocks.containers:
        for i in range(s + 1, e):
            h = paragraphs[i].heading
            if h and h.level > blocks.top:
                inner.setdefault(h.level, []).append(i)
                levels_by_kind[s in blocks.aspects].add(h.level)
    scores = {lvl: sum(likeness(i) for i in idx) / len(idx) for lvl, idx in inner.items()}
    qualifying = [lvl for lvl, score in scores.items() if score >= 0.5]
    if qualifying:
        problem = max(qualifying)
    elif blocks.aspects:
        problem = blocks.top  # the top-level items are the problems themselves
    else:
        raise NotANotice("the problem part has no numbered problem headings")
    section_above = sorted(lvl for lvl in levels_by_kind[False] if lvl < problem)
    section_aspect = section_above[0] if section_above else None
    return Levels(
        problem=problem,
        aspect=blocks.top if blocks.aspects and problem > blocks.top else section_aspect,
        section_aspect=section_aspect,
        aspect_groups=frozenset(lvl for lvl in levels_by_kind[True] if lvl < problem),
        section_groups=frozenset(section_above[1:]),
    )


@dataclass
class RoleWalk:
    """Walk the paragraphs in order, giving each a kind and role (``run``)."""

    paragraphs: list[Paragraph]
    n_header: int
    blocks: Blocks
    levels: Levels
    placements: list[Placement] = field(default_factory=list)
    problems: list[ProblemNode] = field(default_factory=list)
    aspects: list[tuple[int, str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    aspect_no: int | None = None
    aspect_title: str | None = None
    group_title: str | None = None
    current: ProblemNode | None = None
    closing_started: bool = False

    def run(self) -> None:
        """Place every paragraph."""
        n = len(self.paragraphs)
        self._block_of = [0] * n
        for s, e in self.blocks.spans:
            for i in range(s, e):
                self._block_of[i] = s
        self._in_container = [False] * n
        for s, e in self.blocks.containers:
            for i in range(s, e):
                self._in_container[i] = True
        self._after_last_problem = self._last_problem_heading() + 1
        self._openers_in_problems = any(
            CLOSING_OPENER.match(p.text)
            for p in self.paragraphs[self.n_header : self._after_last_problem]
        )
        self._row_preface = self._ledger_row_prefaces()
        self.placements = [Placement("header", "header") for _ in range(self.n_header)]
        for p in self.paragraphs[self.n_header :]:
            self.placements.append(self._place(p))

    def _ledger_row_prefaces(self) -> set[int]:
        """In a 整改台账 written as text, the lines right above a row's `反馈问题：` line that
        number it or give its 方面 (`问题2` / `问题类别：履行职能方面`): they open that row,
        they are not the text of the row before."""
        if self.levels.problem != LEDGER_LEVEL:
            return set()
        prefaces: set[int] = set()
        for p in self.paragraphs:
            if not (p.heading and p.heading.level == LEDGER_LEVEL):
                continue
            i = p.index - 1
            while i >= self.n_header and _ledger_preface_line(self.paragraphs[i]):
                prefaces.add(i)
                i -= 1
        return prefaces

    def _ledger_aspect(self, i: int, aspect: str) -> bool:
        """A row's 方面 from its `问题类别：` field: a new 方面 each time the value changes
        (True then)."""
        aspect = aspect.strip()
        if aspect == self.aspect_title:
            return False
        self.aspects.append((i, "", aspect))
        self.aspect_no, self.aspect_title = len(self.aspects), aspect
        return True

    def _is_tail_signature(self, p: Paragraph) -> bool:
        """A body's name on its own line, followed by the date or ending the text: a signature
        of any kind of body (`清河县统计局`), not only one ending in 党组/科协."""
        if not SIGNATURE_BODY.match(p.text):
            return False
        following = self.paragraphs[p.index + 1 :]
        return not following or bool(DATE_LINE.fullmatch(following[0].text))

    def _last_problem_heading(self) -> int:
        """Index of the last heading at the problem level inside the problem blocks (-1: none)."""
        return max(
            (
                i
                for s, e in self.blocks.containers
                for i in range(s, e)
                if self.paragraphs[i].heading
                and self.paragraphs[i].heading.level == self.levels.problem
            ),
            default=-1,
        )

    def _place(self, p: Paragraph) -> Placement:
        if self.closing_started:
            return Placement("closing", "closing")
        if WEB_FURNITURE.match(p.text):
            return Placement("header" if not self.problems else "closing", "web")
        if p.index in self._row_preface:
            self.current = None
            aspect = LEDGER_ASPECT_FIELD.match(p.text)
            if aspect and self._ledger_aspect(p.index, aspect["aspect"]):
                return Placement("heading", "aspect")
            return Placement("heading", "row")
        if not self._in_container[p.index]:
            return self._outside(p)
        if self.problems and self._closes(p):
            self.closing_started = True
            return Placement("closing", "closing")
        return self._inside(p)

    def _closes(self, p: Paragraph) -> bool:
        """Does the closing part start at ``p`` (boilerplate, or a summary after the last problem)?"""
        h = p.heading
        if h and h.level <= self.levels.problem:
            return False
        if is_closing_paragraph(p.text):
            return True
        if p.index < self._after_last_problem or h:
            return False
        if (
            CLOSING_TOTALS.search(p.text)
            or CLOSING_COUNTS.search(p.text)
            or ITEM_SUMMARY.search(p.text)
        ):
            return True
        if self._last_problem_has_text() and (
            CLOSING_COLLECTIVE.search(p.text)  # `对尚未完成的问题盯住不放`: all of them
            or BOILERPLATE_SENTENCE.search(p.text)  # `…。欢迎社会各界…监督。`
        ):
            return True
        if self._is_tail_signature(p) or _states_totals(p.text):
            return True
        # `下一步，…` closes the notice unless the notice writes one under every problem
        return bool(CLOSING_OPENER.match(p.text)) and not self._openers_in_problems

    def _last_problem_has_text(self) -> bool:
        """Has the last problem its text already (on its heading's line or below it)? Until it
        has, the paragraph after a bare title line is that text, whatever it says."""
        node = self.current
        return node is not None and (bool(node.body) or bool(problem_title(node)[2]))

    def _outside(self, p: Paragraph) -> Placement:
        """A paragraph outside the blocks that hold problems."""
        i, h = p.index, p.heading
        first, last_end = self.blocks.containers[0][0], self.blocks.containers[-1][1]
        if i < first:
            if h and h.level == self.blocks.top:
                return Placement("heading", "section")
            return Placement("preamble", "preamble")
        if i >= last_end or any(
            s <= i < e for s, e in self.blocks.spans if s in self.blocks.closing
        ):
            return Placement("closing", "closing")
        self.warnings.append(
            f"paragraph {i + 1} sits in a non-problem section between problem sections"
        )
        return Placement("unassigned", "unassigned")

    def _inside(self, p: Paragraph) -> Placement:
        """A paragraph inside a block that holds problems."""
        i, h, levels = p.index, p.heading, self.levels
        in_aspect_block = self._block_of[i] in self.blocks.aspects
        if i == self._block_of[i] and not in_aspect_block:
            self.aspect_no = self.aspect_title = self.group_title = self.current = None
            return Placement("heading", "section")
        aspect_level = self.blocks.top if in_aspect_block else levels.section_aspect
        group_levels = levels.aspect_groups if in_aspect_block else levels.section_groups
        if h and h.level == aspect_level and h.level < levels.problem:
            self.aspects.append((i, h.label, h.rest))
            self.aspect_no, self.aspect_title = len(self.aspects), h.rest.rstrip("。")
            self.group_title = self.current = None
            return Placement("heading", "aspect")
        if h and h.level in group_levels:
            self.group_title, self.current = h.rest.rstrip("。"), None
            return Placement("heading", "group")
        if h and h.level == levels.problem:
            self.current = ProblemNode(i, h, self.aspect_no, self.aspect_title, self.group_title)
            self.problems.append(self.current)
            return Placement("problem", "problem", len(self.problems))
        return self._body(p)

    def _body(self, p: Paragraph) -> Placement:
        """A paragraph that is no heading of the outline's own levels."""
        i, h = p.index, p.heading
        if self.current is not None:
            self.current.body.append(i)
            aspect = self.levels.problem == LEDGER_LEVEL and LEDGER_ASPECT_FIELD.match(p.text)
            if aspect and self.current.aspect_title is None:  # the field among the row's own
                self._ledger_aspect(i, aspect["aspect"])
                self.current.aspect_no, self.current.aspect_title = (
                    self.aspect_no,
                    self.aspect_title,
                )
            measure = h and self.levels.problem < h.level < 5
            return Placement("problem", "measure" if measure else "body", len(self.problems))
        if not self.problems and self.aspect_no is None and self.group_title is None:
            return Placement("preamble", "preamble")  # the problem section's introduction
        self.warnings.append(
            f"paragraph {i + 1} is under a heading but before any problem: {p.text[:30]}…"
        )
        return Placement("unassigned", "unassigned")


def _ledger_preface_line(p: Paragraph) -> bool:
    """`问题2` or `问题类别：…` on a line of its own (a text 整改台账's row opening)."""
    return p.heading is None and bool(
        LEDGER_ITEM_LINE.match(p.text) or LEDGER_ASPECT_FIELD.match(p.text)
    )


def _states_totals(text: str) -> bool:
    """`截至1月12日，共制定整改措施78条，完善规章制度2项。`: the notice's own totals."""
    if not CLOSING_TOTALS_START.search(text):
        return False
    keys = ("claimed_measures", "claimed_rules", "claimed_problems")
    return any(CLAIM_PATTERNS[k].search(text) for k in keys)


def check_numbering(problems: list[ProblemNode], warnings: list[str]) -> None:
    """Warn where the problems' numbers jump (`1, 2, 4`): a heading may have been missed.

    Parameters
    ----------
    problems : list of ProblemNode
        The notice's problems, in order.
    warnings : list of str
        The notice's warnings, appended to.

    Returns
    -------
    None
    """
    previous = None
    for node in problems:
        n = node.heading.number
        if previous is not None and n not in (previous + 1, 1):
            warnings.append(
                f"problem numbering jumps from {previous} to {n} at {node.heading.label}"
            )
        previous = n
