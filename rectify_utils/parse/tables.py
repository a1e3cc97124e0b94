"""整改台账 tables: a table whose header names a problem column and a measures, status or deadline
column holds one problem per row. Such a table is written out as outline text, so the outline,
status and date rules read it like any other notice:

    （一）{problem}                 ← one problem heading per row (序号 cells are never problems)
    整改措施：{measures}            ← a cell's lines joined: `1.…；2.…` read as inline measures
    整改情况：{status}
    完成时限：{deadline}
    责任单位：{responsible}

A `类别`/`方面` column becomes a `一、…` heading each time its value changes. Any other table is
read cell by cell, as before.
"""

from __future__ import annotations

from .numerals import cn_to_int
from .vocabulary import LEDGER_COLUMNS, LEDGER_FIELDS, LEDGER_ROW

Row = list[str]


def ledger_columns(header: Row) -> dict[str, int] | None:
    """Column role → index, when ``header`` is a 整改台账 header row; else None.

    Parameters
    ----------
    header : list of str
        One row's cell texts.

    Returns
    -------
    dict of str to int or None
        Role (``"problem"``, ``"measures"``, ``"status"``…) → column index.
    """
    roles: dict[str, int] = {}
    for index, cell in enumerate(header):
        text = "".join(cell.split())
        for role, pattern in LEDGER_COLUMNS:
            if text and pattern.search(text) and role not in roles:
                roles[role] = index
                break
    if "problem" in roles and roles.keys() & {"measures", "status", "deadline"}:
        return roles
    return None


def find_header(rows: list[Row]) -> tuple[int, dict[str, int]] | None:
    """The header row among the first three (a title row may come first) and its columns.

    Parameters
    ----------
    rows : list of list of str
        The table's rows as cell texts.

    Returns
    -------
    tuple of (int, dict of str to int) or None
        The header row's index and its columns (``ledger_columns``); None when there is none.
    """
    for k, row in enumerate(rows[:3]):
        columns = ledger_columns(row)
        if columns:
            return k, columns
    return None


def render_ledger(rows: list[Row]) -> list[str] | None:
    """A 整改台账 table as outline text lines, or None when the table is no 台账.

    Parameters
    ----------
    rows : list of list of str
        The table's rows as cell texts.

    Returns
    -------
    list of str or None
        One heading line and its field lines per row.
    """
    found = find_header(rows)
    if found is None:
        return None
    k, columns = found
    lines: list[str] = [_title_line(rows[j]) for j in range(k) if _title_line(rows[j])]
    aspect, n_aspects = None, 0
    for row in rows[k + 1 :]:
        cell = _cells(row, columns)
        if not cell.get("problem") or _repeats_header(cell, columns, rows[k]):
            continue
        if cell.get("aspect") and cell["aspect"] != aspect:
            aspect, n_aspects = cell["aspect"], n_aspects + 1
            lines.append(f"{_cn(n_aspects)}、{_one_line(aspect)}")
        lines.append(_row_line(cell))
        for role, label in LEDGER_FIELDS.items():
            if cell.get(role):
                lines.append(f"{label}：{_joined(cell[role])}")
    return lines


def _row_line(cell: dict[str, str]) -> str:
    """A row's heading line: its 序号 cell as written, then its problem (``LEDGER_ROW``)."""
    number = _one_line(cell.get("number", ""))
    numbered = f"序号{number}｜反馈问题："
    head = numbered if number and LEDGER_ROW.match(numbered)["num"] == number else "反馈问题："
    return head + _one_line(cell["problem"])


def _joined(text: str) -> str:
    """A cell's lines as one line (`1.…；` `2.…` stay numbered inline, so they read as measures,
    never as outline headings)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    return "".join(
        ln if k == len(lines) - 1 or ln.endswith(("。", "；", ";", "，", ",")) else ln + "；"
        for k, ln in enumerate(lines)
    )


def _cells(row: Row, columns: dict[str, int]) -> dict[str, str]:
    return {role: row[i].strip() for role, i in columns.items() if i < len(row)}


def _repeats_header(cell: dict[str, str], columns: dict[str, int], header: Row) -> bool:
    """A header row repeated on a later page."""
    return cell.get("problem") == header[columns["problem"]].strip()


def _title_line(row: Row) -> str:
    """A row above the header (a merged title cell): its distinct texts, once each."""
    return " ".join(dict.fromkeys(c.strip() for c in row if c.strip()))


def _one_line(text: str) -> str:
    return "".join(line.strip() for line in text.split("\n"))


_CN = "零一二三四五六七八九"


def _cn(n: int) -> str:
    """1 → 一, 12 → 十二, 23 → 二十三 (list numbers)."""
    if n < 10:
        return _CN[n]
    tens, units = divmod(n, 10)
    text = ("" if tens == 1 else _CN[tens]) + "十" + (_CN[units] if units else "")
    assert cn_to_int(text) == n
    return text
