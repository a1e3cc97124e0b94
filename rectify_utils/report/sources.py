"""The source view of every notice: its normalised text with every parsed span marked.

``reports/notices/<notice_id>.html`` shows ``corpus.texts[notice_id]`` with the parts the parser
found (header, preamble, 方面 headings, problems, closing, unassigned paragraphs) as blocks,
and inside them the measures, the words that decided each status, the deadlines, the dates and
the notice's claims about itself as marks, with a legend. Each problem has an anchor
(``#p-<problem_no>``, ``viz.tables.problem_anchor``) and beside it what the parser concluded:
status, deadline and theme, each with its evidence, so a reader can check them against the
words. All notice text is escaped.

The build calls ``write_source_views`` once (``report.build``); it renders again only when the
corpus, the package or the coding scheme changed (a stamp file beside the pages).
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..viz.tables import SOURCES_DIR, problem_anchor

if TYPE_CHECKING:
    import jinja2
    import pandas as pd

    from ..parse.corpus import Corpus
    from .config import ReportSpec
    from .inputs import InputHasher

SOURCE_TEMPLATE = "source_view.html.j2"
STAMP = ".stamp.json"
#: the notices listed by the index: ``[{"notice_id", "association", "title", "href"}]``
LISTING = "notices.json"
#: block kinds (``corpus.spans.kind``) → legend label
BLOCK_KINDS = {
    "header": "标题与文号",
    "preamble": "前言",
    "heading": "方面 / 分组标题",
    "problem": "问题",
    "closing": "结尾",
    "unassigned": "未归属段落",
}
#: mark kinds inside the blocks → legend label, outermost first
MARK_KINDS = {
    "measure": "整改措施",
    "claim": "通报自述的数字",
    "date": "日期（巡察、反馈、发布、截至）",
    "deadline": "完成时限",
    "status": "状态依据",
}
#: one evidence string → its quoted fragments: entries joined by ` | `, outweighed ones after 另有：
_EVIDENCE_SPLIT = re.compile(r"\s*\|\s*|另有[：:]")
#: what the parser adds around a quote: a `通报总述：` prefix, a trailing `（…）` note
_QUOTE_PREFIX = re.compile(r"^(?:通报总述|整改完成时限|完成时限)[：:]")
_TRAILING_NOTE = re.compile(r"（[^（）]*）$")
#: an entry ``key：sentence`` of date_evidence / claims_evidence
_ENTRY = re.compile(r"^(?P<key>[^：]{1,12})：(?P<sentence>.+)$", re.S)


@dataclass(frozen=True)
class Mark:
    """A marked stretch of the text: ``[start, end)``, its kind and its tooltip."""

    start: int
    end: int
    kind: str
    title: str
    anchor: str | None = None


def locate(text: str, quote: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Where a quoted piece of evidence is in the text: inside ``[start, end)`` first.

    Parameters
    ----------
    text
        The notice's normalised text.
    quote
        The quote, possibly with a prefix the parser added (``通报总述：``) or a trailing note
        (``（晚于截至日期 …）``), which are dropped until it is found.
    start, end
        Where to look first (the problem's span); then the whole text.

    Returns
    -------
    tuple of int or None
        ``(start, end)`` character offsets, or None when the words are not in the text.
    """
    end = len(text) if end is None else end
    bare = _TRAILING_NOTE.sub("", quote.strip()).strip()
    candidates = list(dict.fromkeys([quote.strip(), bare, _QUOTE_PREFIX.sub("", bare).strip()]))
    for candidate in candidates:
        for lo, hi in ((start, end), (0, len(text))):
            at = text.find(candidate, lo, hi)
            if candidate and at >= 0:
                return at, at + len(candidate)
    return None


def _fragments(evidence: Any) -> list[str]:
    """The quotes of an evidence string (`a | b 另有：c` → a, b, c), without empty ones."""
    if evidence is None or (not isinstance(evidence, str) and _isna(evidence)):
        return []
    return [f.strip() for f in _EVIDENCE_SPLIT.split(str(evidence)) if f.strip()]


def _isna(value: Any) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def _entries(evidence: Any) -> list[tuple[str, str]]:
    """``key：sentence`` entries of ``date_evidence`` / ``claims_evidence``."""
    out = []
    for part in _fragments(evidence):
        m = _ENTRY.match(part)
        if m:
            out.append((m["key"], m["sentence"].strip()))
    return out


def evidence_marks(text: str, problems: pd.DataFrame) -> list[Mark]:
    """The status and deadline evidence of each problem, located in its span.

    Parameters
    ----------
    text
        The notice's normalised text.
    problems
        The notice's rows of ``corpus.problems``.

    Returns
    -------
    list of Mark
        ``status`` and ``deadline`` marks; a quote not found in the text is left out.
    """
    marks = []
    for p in problems.itertuples():
        for kind, column, label in (
            ("status", p.status_evidence, "状态依据"),
            ("deadline", p.deadline_evidence, "完成时限"),
        ):
            for words in _fragments(column):
                where = locate(text, words, int(p.char_start), int(p.char_end))
                if where:
                    marks.append(Mark(*where, kind, f"问题 {p.problem_no} {label}"))
    return marks


def notice_marks(text: str, notice: Mapping[str, Any]) -> list[Mark]:
    """The date and claim sentences of a notice, located in its text.

    Parameters
    ----------
    text
        The notice's normalised text.
    notice
        Its row of ``corpus.notices``.

    Returns
    -------
    list of Mark
        ``date`` marks (tooltip: what the date is, e.g. ``反馈``) and ``claim`` marks (the
        claim's key, e.g. ``problems``), one per distinct sentence.
    """
    marks: dict[tuple[int, int, str], list[str]] = {}
    for kind, column in (("date", "date_evidence"), ("claim", "claims_evidence")):
        for key, sentence in _entries(notice.get(column)):
            where = locate(text, sentence)
            if where:
                marks.setdefault((*where, kind), []).append(key)
    return [
        Mark(s, e, kind, ("日期：" if kind == "date" else "自述：") + "、".join(keys))
        for (s, e, kind), keys in marks.items()
    ]


def measure_marks(measures: pd.DataFrame) -> list[Mark]:
    """The measures of a notice, each with an anchor ``p-<problem_no>-m-<measure_no>``.

    Parameters
    ----------
    measures
        The notice's rows of ``corpus.measures``.

    Returns
    -------
    list of Mark
    """
    return [
        Mark(
            int(m.char_start),
            int(m.char_end),
            "measure",
            f"问题 {m.problem_no} 措施 {m.measure_no}",
            f"{problem_anchor(m.problem_no)}-m-{m.measure_no}",
        )
        for m in measures.itertuples()
    ]


def _segments(text: str, start: int, end: int, marks: list[Mark]) -> list[dict[str, Any]]:
    """``text[start:end]`` cut at every mark boundary: each piece with the marks over it."""
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted(
        {start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)}
    )
    order = list(MARK_KINDS)
    pieces = []
    for lo, hi in itertools.pairwise(cuts):
        over = [m for m in inside if m.start <= lo and m.end >= hi]
        over.sort(key=lambda m: (order.index(m.kind), m.start))
        opening = [m.anchor for m in over if m.anchor and m.start == lo]
        pieces.append({"text": text[lo:hi], "marks": over, "anchors": opening})
    return pieces


def _block_id(span: Any, aspect_no: int | None) -> str | None:
    """The anchor of a block: ``p-<n>`` for a problem, ``a-<n>`` for a 方面 heading."""
    if span.kind == "problem" and not _isna(span.label):
        return problem_anchor(span.label)
    if span.kind == "heading" and aspect_no is not None:
        return f"a-{aspect_no}"
    return None


def _aspect_numbers(outline: pd.DataFrame, spans: pd.DataFrame) -> dict[int, int]:
    """Heading span start → the number of the 方面 it opens (in outline order)."""
    aspects = outline[outline["node"] == "aspect"]["char_start"].astype(int).tolist()
    headings = spans[spans["kind"] == "heading"]
    found: dict[int, int] = {}
    for number, at in enumerate(aspects, 1):
        for span in headings.itertuples():
            if int(span.char_start) <= at < int(span.char_end):
                found[int(span.char_start)] = number
    return found


@dataclass(frozen=True)
class NoticeTables:
    """One notice's rows of the corpus tables a source view shows.

    ``classified`` is its rows of ``themes.classify_problems`` (None: no theme shown).
    """

    notice: dict[str, Any]
    text: str
    problems: pd.DataFrame
    measures: pd.DataFrame
    spans: pd.DataFrame
    outline: pd.DataFrame
    warnings: pd.DataFrame
    classified: pd.DataFrame | None


def _by_notice(table: pd.DataFrame) -> dict[Any, pd.DataFrame]:
    """A table's rows of each notice (in table order, index kept), split in one pass."""
    return dict(iter(table.groupby("notice_id", sort=False, observed=True, dropna=True)))


def notice_tables(corpus: Corpus, classified: pd.DataFrame | None = None) -> Iterable[NoticeTables]:
    """Every notice's rows of the corpus tables, in notice order, splitting each table once.

    Parameters
    ----------
    corpus
        The corpus.
    classified
        ``themes.classify_problems`` of the corpus; None: no themes.

    Returns
    -------
    iterable of NoticeTables
        The same rows as filtering each table by ``notice_id``, one notice at a time: one pass
        per table instead of one per notice and table (minutes on 1,000 notices).
    """
    names = ["problems", "measures", "spans", "outline", "warnings"]
    tables = {name: getattr(corpus, name) for name in names}
    if classified is not None:
        tables["classified"] = classified
    groups = {name: _by_notice(table) for name, table in tables.items()}
    notices = corpus.notices
    first = ~notices["notice_id"].duplicated().to_numpy()
    for at in first.nonzero()[0]:
        notice = notices.iloc[at].to_dict()  # as filtering by notice_id and taking the first
        nid = notice["notice_id"]
        rows = {name: groups[name].get(nid, table.iloc[0:0]) for name, table in tables.items()}
        yield NoticeTables(
            notice=notice,
            text=corpus.texts[nid],
            classified=rows.pop("classified", None),
            **rows,
        )


def _one_notice(corpus: Corpus, notice_id: str, classified: pd.DataFrame | None) -> NoticeTables:
    """``NoticeTables`` of one notice, by filtering the corpus tables."""

    def rows(table: pd.DataFrame) -> pd.DataFrame:
        return table[table["notice_id"] == notice_id]

    return NoticeTables(
        notice=corpus.notices[corpus.notices["notice_id"] == notice_id].iloc[0].to_dict(),
        text=corpus.texts[notice_id],
        problems=rows(corpus.problems),
        measures=rows(corpus.measures),
        spans=rows(corpus.spans),
        outline=rows(corpus.outline),
        warnings=rows(corpus.warnings),
        classified=None if classified is None else rows(classified),
    )


def _themes_by_problem(classified: pd.DataFrame | None) -> dict[Any, dict[str, Any]]:
    """A notice's classified rows by problem number (the first row of each)."""
    if classified is None:
        return {}
    found: dict[Any, dict[str, Any]] = {}
    columns = ["problem_no", "theme", "theme_evidence", "runner_up_theme"]
    for row in classified[columns].to_dict("records"):
        found.setdefault(row["problem_no"], row)
    return found


def _verdict(problem: Any, themes: Mapping[Any, Mapping[str, Any]]) -> dict[str, Any]:
    """What the parser concluded for one problem, for the panel beside it."""
    from ..analysis.formats import STATUS_NAMES, format_day

    theme = themes.get(problem.problem_no)
    return {
        "no": int(problem.problem_no),
        "anchor": problem_anchor(problem.problem_no),
        "label": "" if _isna(problem.label) else str(problem.label),
        "title": str(problem.title),
        "aspect": None if _isna(problem.aspect_title) else str(problem.aspect_title),
        "status": str(problem.status),
        "status_name": STATUS_NAMES.get(str(problem.status), str(problem.status)),
        "status_evidence": _fragments(problem.status_evidence),
        "deadline": None if _isna(problem.deadline) else format_day(problem.deadline),
        "deadline_evidence": _fragments(problem.deadline_evidence),
        "n_measures": 0 if _isna(problem.n_measures) else int(problem.n_measures),
        "theme": None if theme is None else str(theme["theme"]),
        "theme_evidence": None if theme is None else str(theme["theme_evidence"] or ""),
        "runner_up": None
        if theme is None or _isna(theme["runner_up_theme"])
        else str(theme["runner_up_theme"]),
    }


def _blocks(own: NoticeTables, marks: list[Mark]) -> list[dict[str, Any]]:
    """The notice's spans in text order, each with its pieces of marked text."""
    text = own.text
    spans = own.spans.sort_values("char_start")
    aspects = _aspect_numbers(own.outline, spans)
    blocks = []
    for span in spans.itertuples():
        start, end = int(span.char_start), int(span.char_end)
        blocks.append(
            {
                "kind": str(span.kind),
                "label": BLOCK_KINDS.get(str(span.kind), str(span.kind)),
                "id": _block_id(span, aspects.get(start)),
                "problem_no": None if span.kind != "problem" else int(span.label),
                "pieces": _segments(text, start, end, marks),
            }
        )
    return blocks


def _facts(notice: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The notice's facts at the top of its page: (label, value), dates with their source."""
    from ..analysis.formats import FIELD_LABELS, format_as_of, format_day

    facts = []
    for field in ("organisation", "association", "unit_kind", "inspector"):
        if not _isna(notice.get(field)):
            facts.append((FIELD_LABELS[field], str(notice[field])))
    for field in ("inspection_start", "inspection_end", "feedback_date", "publish_date"):
        if not _isna(notice.get(field)):
            facts.append((FIELD_LABELS[field], format_day(notice[field])))
    facts.append(("通报日期", format_as_of(notice.get("as_of_date"), notice.get("as_of_source"))))
    return facts


def _notes(notice: Mapping[str, Any], warnings: pd.DataFrame) -> list[str]:
    """What a reader should know before trusting the page: inferred date, contradictions…"""
    from ..analysis.audit import claim_conflicts
    from ..analysis.formats import CLAIM_ITEMS, is_inferred

    notes = []
    if is_inferred(notice.get("as_of_source")):
        notes.append("通报未写明自己的日期：通报日期是推断的，取文中最晚出现的日期。")
    for item, values in claim_conflicts(notice.get("claims_conflicts")).items():
        notes.append(f"通报自相矛盾：{CLAIM_ITEMS.get(item, item)}前后写作 {values}。")
    if notice.get("problems_itemised") is False:
        notes.append("通报没有逐项列出问题，只有总述：没有可逐条核对的问题。")
    if notice.get("converted_from_traditional") is True:
        notes.append("原文为繁体字，此处显示转换后的简体文本。")
    notes += [f"解析提示：{m}" for m in warnings["message"]]
    return notes


def render_source_view(
    corpus: Corpus,
    notice_id: str,
    classified: pd.DataFrame | None = None,
    *,
    built: str = "",
    commit: str = "",
    templates_dir: Path | None = None,
) -> str:
    """The source view page of one notice.

    Parameters
    ----------
    corpus
        The corpus holding the notice.
    notice_id
        The notice.
    classified
        ``themes.classify_problems`` of the corpus (for each problem's theme); None: no theme.
    built, commit
        The build time and the code's commit, shown at the foot of the page.
    templates_dir
        The folder holding ``source_view.html.j2``; None: the packaged templates.

    Returns
    -------
    str
        The HTML page, every piece of notice text escaped.
    """
    own = _one_notice(corpus, notice_id, classified)
    return _render(own, built=built, commit=commit, templates_dir=templates_dir)


def render_source_views(
    corpus: Corpus,
    classified: pd.DataFrame | None = None,
    *,
    built: str = "",
    commit: str = "",
    templates_dir: Path | None = None,
) -> dict[str, str]:
    """The source view page of every notice of the corpus.

    Parameters
    ----------
    corpus
        The corpus.
    classified
        ``themes.classify_problems`` of the corpus; None: no theme.
    built, commit
        The build time and the code's commit, shown at the foot of each page.
    templates_dir
        The folder holding ``source_view.html.j2``; None: the packaged templates.

    Returns
    -------
    dict of str to str
        notice_id → its page, as ``render_source_view`` renders it; each corpus table is
        split by notice once and the template compiled once.
    """
    return {
        str(own.notice["notice_id"]): _render(
            own, built=built, commit=commit, templates_dir=templates_dir
        )
        for own in notice_tables(corpus, classified)
    }


@functools.lru_cache(maxsize=8)
def _environment(templates_dir: str) -> jinja2.Environment:
    """The index's Jinja environment for ``templates_dir``, made once a process: it compiles
    each template once (and again only when the file changes), not once a page."""
    from .html import _index_environment

    return _index_environment(Path(templates_dir))


def _render(own: NoticeTables, *, built: str, commit: str, templates_dir: Path | None) -> str:
    """The source view page of one notice from its rows of the corpus tables."""
    from .html import TEMPLATES_DIR

    notice, text, problems = own.notice, own.text, own.problems
    marks = (
        measure_marks(own.measures) + evidence_marks(text, problems) + notice_marks(text, notice)
    )
    template = _environment(str(templates_dir or TEMPLATES_DIR)).get_template(SOURCE_TEMPLATE)
    themes = _themes_by_problem(own.classified)
    return template.render(
        notice=notice,
        title=str(notice.get("title") or notice["notice_id"]),
        facts=_facts(notice),
        notes=_notes(notice, own.warnings),
        blocks=_blocks(own, marks),
        verdicts={v["no"]: v for v in (_verdict(p, themes) for p in problems.itertuples())},
        block_kinds=BLOCK_KINDS,
        mark_kinds=MARK_KINDS,
        built=built,
        commit=commit,
    )


def _data_dirs(specs: Iterable[ReportSpec], out: Path) -> list[tuple[str, str | None]]:
    """The distinct (data_dir, taxonomy_path) pairs of the reports that have a page to link from."""
    pairs = []
    for spec in specs:
        if not (out / f"{spec.name}.html").is_file():
            continue
        data_dir = spec.parameters.get("data_dir")
        if data_dir and (data_dir, spec.parameters.get("taxonomy_path")) not in pairs:
            pairs.append((str(data_dir), spec.parameters.get("taxonomy_path")))
    return pairs


def _stamp_key(pairs: list[tuple[str, str | None]], hasher: InputHasher) -> str:
    """What the source views depend on: each corpus, its coding scheme, the package code."""
    parts = [[d, hasher.path(d), t and hasher.path(t)] for d, t in pairs]
    return json.dumps({"code": hasher.code(), "corpora": parts}, sort_keys=True)


def write_source_views(
    specs: Iterable[ReportSpec],
    out: Path,
    hasher: InputHasher,
    load: Callable[[str | Path], Corpus] | None = None,
) -> list[Path]:
    """Write the source view of every notice of the reports' corpora into ``out/notices/``.

    Only the corpora of reports that have a page are rendered. Skipped (nothing is parsed) when
    the corpora, their coding schemes and the package are those of the last pages written; a
    corpus that cannot be read is reported and left out, and not retried until its inputs
    change.

    Parameters
    ----------
    specs
        The reports of the build (their ``data_dir`` and ``taxonomy_path`` parameters).
    out
        The reports folder.
    hasher
        The build's input hasher.
    load
        Reads the corpus of a folder (the build's ``build.CorpusMemo``, holding the parse it
        made to rank the associations); None: ``load_corpus``.

    Returns
    -------
    list of Path
        The pages written; empty when they were up to date.
    """
    pairs = _data_dirs(specs, out)
    folder = out / SOURCES_DIR
    if not pairs:
        return []
    key = _stamp_key(pairs, hasher)
    stamp = folder / STAMP
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == key:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    written, listing = [], []
    for data_dir, taxonomy in pairs:
        try:
            pages, entries = _write_corpus(Path(data_dir), taxonomy, folder, load)
        except Exception as exc:  # a corpus that cannot be read must not stop the build
            print(f"source views of {data_dir} not written: {type(exc).__name__}: {exc}")
            continue
        written += pages
        listing += entries
    (folder / LISTING).write_text(json.dumps(listing, ensure_ascii=False), encoding="utf-8")
    stamp.write_text(key, encoding="utf-8")
    return written


def _write_corpus(
    data_dir: Path,
    taxonomy: str | None,
    folder: Path,
    load: Callable[[str | Path], Corpus] | None = None,
) -> tuple[list[Path], list[dict[str, str]]]:
    """The pages of one corpus, and its entries of the listing."""
    from ..analysis.themes import DEFAULT_TAXONOMY, classify_problems
    from ..parse.corpus import load_corpus
    from .font import embed_font, font_face_style, page_characters
    from .html import build_stamp

    corpus = (load or load_corpus)(data_dir)
    classified = classify_problems(corpus, taxonomy or DEFAULT_TAXONOMY)
    built, commit = build_stamp()
    rendered = render_source_views(corpus, classified, built=built, commit=commit)
    # one font for all the pages of a corpus: subsetting once costs a second, not one a page
    characters = "".join(sorted(set().union(*map(page_characters, rendered.values()))))
    style = font_face_style(characters)
    pages, entries = [], []
    for notice in corpus.notices.itertuples():
        nid = str(notice.notice_id)
        path = folder / f"{nid}.html"
        tmp = path.with_suffix(".html.tmp")
        tmp.write_text(embed_font(rendered[nid], style), encoding="utf-8")
        tmp.replace(path)
        pages.append(path)
        entries.append(
            {
                "notice_id": nid,
                "association": "" if _isna(notice.association) else str(notice.association),
                "title": "" if _isna(notice.title) else str(notice.title),
                "href": f"{SOURCES_DIR}/{quote(path.name)}",
            }
        )
    return pages, entries
