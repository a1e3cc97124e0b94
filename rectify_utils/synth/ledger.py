"""整改台账 tables: one problem per row, written into a Word document or a web page.

:func:`draw_ledger` draws the columns (序号, an optional 类别, the problem, and some of 整改措施,
整改情况, 完成时限, 责任领导, each header in one of its wordings) and one row per problem with
its truth; :func:`ledger_docx` and :func:`ledger_html` write the table among the notice's
paragraphs. In HTML a 类别 shared by consecutive rows is one cell spanning them (``rowspan``);
in Word it is repeated in every row. A row's status is its 整改情况 cell when that says one,
else its 完成时限 against the publish date, else not stated.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import random
import zipfile
from dataclasses import dataclass

from . import wording
from .problems import NoticeDates, date_between, measure_sentence, problem_title
from .render import Writer, cn_number, month_end
from .truth import ProblemTruth

# status cells by the status they state
_CELL_STATUS = {
    "cell_done": "completed",
    "cell_on_the_spot": "completed",
    "cell_ongoing": "in_progress",
    "cell_long": "in_progress",
    "cell_basic": "in_progress",
}
# how often each status cell is drawn (repeats weight the draw)
_CELL_DRAW = ("cell_done",) * 8 + ("cell_ongoing",) * 4 + ("cell_empty",) * 5 + ("cell_long", "cell_basic", "cell_on_the_spot")  # fmt: skip


@dataclass
class Ledger:
    """A 整改台账: its column roles, header, optional title row, rows and their problems."""

    roles: list[str]
    header: list[str]
    title_row: str | None
    rows: list[list[str]]
    problems: list[ProblemTruth]


def _columns(rng: random.Random, category: bool) -> list[str]:
    """The column roles, in table order; at least one of measures, status and deadline."""
    roles = ["number"] if rng.random() < 0.9 else []
    roles += ["category"] if category else []
    roles.append("problem")
    optional = [
        r for r, p in (("measures", 0.9), ("status", 0.85), ("deadline", 0.7)) if rng.random() < p
    ]
    roles += optional or ["status"]
    if rng.random() < 0.5:
        roles.append("responsible")
    return roles


def draw_ledger(
    w: Writer, categories: list[str], dates: NoticeDates, theme: str, who: str
) -> Ledger:
    """Draw a ledger's columns and rows.

    Parameters
    ----------
    w
        The notice's writer (its random generator and options).
    categories
        The 类别 values, one per group of rows; empty for a ledger without a 类别 column.
    dates
        The notice's dates (deadlines fall before or after the publish date).
    theme
        The body's line of work.
    who
        The body's short name (a 责任 cell may name it).

    Returns
    -------
    Ledger
    """
    rng = w.rng
    roles = _columns(rng, bool(categories))
    header = [rng.choice(wording.LEDGER_HEADERS[r]) for r in roles]
    groups = [(c, rng.randint(1, 4)) for c in categories] or [(None, rng.randint(3, 10))]
    rows, problems = [], []
    for aspect_no, (category, n) in enumerate(groups, start=1):
        for _ in range(n):
            cells, truth = _row(w, roles, len(problems) + 1, dates, theme, who)
            if category:
                cells["category"] = category
                truth.aspect_no, truth.aspect_title = aspect_no, category
            rows.append([cells[r] for r in roles])
            problems.append(truth)
    title_row = f"{who}巡察反馈问题整改台账" if rng.random() < 0.3 else None
    return Ledger(roles, header, title_row, rows, problems)


def _row(
    w: Writer, roles: list[str], no: int, dates: NoticeDates, theme: str, who: str
) -> tuple[dict[str, str], ProblemTruth]:
    """One row's cells (by role) and its problem's truth."""
    rng = w.rng
    title, area = problem_title(rng, theme, w.opts.wide_vocabulary)
    measures, n_measures = _measures_cell(w, area, dates.start.year, theme)
    cue = rng.choice(_CELL_DRAW) if "status" in roles else "cell_empty"
    deadline_cell, deadline = _deadline_cell(rng, dates) if "deadline" in roles else ("", None)
    status = _CELL_STATUS.get(cue)
    if status is None and deadline:
        status = "completed" if deadline <= dates.publish.isoformat() else "in_progress"
        cue = "cell_empty+deadline"
    cells = {
        "number": str(no),
        "problem": title + ("。" if rng.random() < 0.2 else ""),
        "measures": measures if "measures" in roles else "",
        "status": rng.choice(wording.LEDGER_STATUS[cue.split("+")[0]]),
        "deadline": deadline_cell,
        "responsible": rng.choice(wording.LEDGER_RESPONSIBLE).format(who=who),
    }
    truth = ProblemTruth(
        problem_no=no,
        label=str(no) if "number" in roles else "",
        title=title,
        aspect_no=None,
        aspect_title=None,
        group_title=None,
        status=status or "not_stated",
        status_cue=cue,
        n_measures=n_measures if "measures" in roles else 0,
        deadline=deadline,
        status_words=" | ".join(
            x for x in (cells["status"] if "status" in roles else "", deadline_cell) if x
        ),
    )
    return cells, truth


def _measures_cell(w: Writer, area: str, year: int, theme: str) -> tuple[str, int]:
    """The 整改措施 cell: `1.…；` lines, `一是…；二是…`, or plain sentences (no measures)."""
    rng, style = w.rng, w.opts.measures
    n = rng.randint(2, 4) if style != "none" else 0
    sentences = [measure_sentence(rng, area, year, theme) for _ in range(max(1, n))]
    if style == "numbered":
        sep = "；\n" if rng.random() < 0.6 else "；"
        return sep.join(f"{k}.{s}" for k, s in enumerate(sentences, 1)) + "。", n
    if style == "shi":
        return "；".join(f"{cn_number(k)}是{s}" for k, s in enumerate(sentences, 1)) + "。", n
    return "。".join(sentences) + "。", 0


def _deadline_cell(rng: random.Random, dates: NoticeDates) -> tuple[str, str | None]:
    """A 完成时限 cell and the deadline it gives (ISO), before or after the publish date."""
    if rng.random() < 0.12:
        return wording.LEDGER_OPEN_DEADLINES[0], None  # `长期坚持`: no date
    if rng.random() < 0.5:
        day = date_between(rng, dates.feedback, dates.publish)
    else:
        day = dates.publish + dt.timedelta(days=rng.randint(1, 300))
    same_month = (day.year, day.month) == (dates.publish.year, dates.publish.month)
    form = rng.random()
    if form < 0.3 and not same_month:
        return f"{day.year}年{day.month}月", month_end(day).isoformat()
    if form < 0.45 and not same_month:
        return f"{day.year}年{day.month}月底", month_end(day).isoformat()
    if form < 0.55:
        return f"{day.year}年{day.month}月{day.day}日前", day.isoformat()
    return f"{day.year}年{day.month}月{day.day}日", day.isoformat()


def ledger_html(ledger: Ledger, rng: random.Random) -> str:
    """The ledger as an HTML table: `th` header, a 类别 cell spanning its rows."""

    def cell(text: str, tag: str = "td", attrs: str = "") -> str:
        return f"<{tag}{attrs}>{html.escape(text).replace(chr(10), '<br>')}</{tag}>"

    head_tag = "th" if rng.random() < 0.7 else "td"
    parts = ["<table border='1'>"]
    if ledger.title_row:
        parts.append(f"<tr>{cell(ledger.title_row, attrs=f' colspan={len(ledger.roles)}')}</tr>")
    head = "".join(cell(h, head_tag) for h in ledger.header)
    parts.append(
        f"<thead><tr>{head}</tr></thead><tbody>" if head_tag == "th" else f"<tr>{head}</tr>"
    )
    at = ledger.roles.index("category") if "category" in ledger.roles else None
    for k, row in enumerate(ledger.rows):
        cells = []
        for c, text in enumerate(row):
            if c == at:
                if k and ledger.rows[k - 1][c] == text:
                    continue  # covered by the spanning cell above
                span = _run_length(ledger.rows, k, c)
                cells.append(cell(text, attrs=f' rowspan="{span}"' if span > 1 else ""))
            else:
                cells.append(cell(text))
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>" if head_tag == "th" else "</table>")
    return "".join(parts)


def _run_length(rows: list[list[str]], k: int, c: int) -> int:
    """How many rows from ``k`` share column ``c``'s value."""
    n = 1
    while k + n < len(rows) and rows[k + n][c] == rows[k][c]:
        n += 1
    return n


def ledger_docx(before: list[str], ledger: Ledger, after: list[str], day: dt.date) -> bytes:
    """A Word document: paragraphs, the ledger table (类别 repeated per row), paragraphs.

    The bytes depend on the content only: the package's timestamps are fixed to ``day``.
    """
    import docx

    document = docx.Document()
    for text in before:
        document.add_paragraph(text)
    n_head = 2 if ledger.title_row else 1
    table = document.add_table(rows=len(ledger.rows) + n_head, cols=len(ledger.roles))
    if ledger.title_row:
        merged = table.cell(0, 0).merge(table.cell(0, len(ledger.roles) - 1))
        merged.text = ledger.title_row
    # row by row: table.cell(r, c) walks the whole grid on every call
    for row, texts in zip(table.rows[n_head - 1 :], [ledger.header, *ledger.rows]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    for text in after:
        document.add_paragraph(text)
    return docx_bytes(document, day)


def docx_bytes(document, day: dt.date) -> bytes:
    """A python-docx document's bytes with fixed timestamps, so a seed always writes the same file."""
    stamp = dt.datetime(day.year, day.month, day.day, 9, 0, tzinfo=dt.timezone.utc)
    props = document.core_properties
    props.created = props.modified = stamp
    props.author = props.last_modified_by = ""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(
                info.filename, date_time=(day.year, day.month, day.day, 9, 0, 0)
            )
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def docx_paragraphs(paragraphs: list[str], day: dt.date) -> bytes:
    """A Word document of plain paragraphs (a notice typed in Word), with fixed timestamps."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    return docx_bytes(document, day)
