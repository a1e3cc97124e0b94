"""Parse one notice into table rows: its metadata, problems, measures and text spans."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .claims import find_claims
from .dates import DateMention, date_ranges, find_dates
from .normalise import normalise
from .outline import (
    HEADER_EXTRA,
    ParsedOutline,
    inline_measures,
    parse_outline,
    problem_title,
)
from .places import association_name, level_from_name, locate, region_in_name
from .status import DEADLINE_FIELD, decide_status, reconcile_with_summary
from .vocabulary import STATUS_MARKER

# `区委第一巡察组`, `县委第三巡察组`, `市委第二巡察组`, `省委第五巡视组`
INSPECTOR = re.compile(r"(?:[省市区县州旗]委|中央)(?:第[一二三四五六七八九十\d]+)?(?:巡察|巡视)组")
# the organisation before `关于` in the title: `中共新野县科学技术协会党组关于巡察整改情况的通报`
ORGANISATION = re.compile(r"^(?P<org>.+?)(?:关于|对)")
# a date the statuses are reported at: `截至8月30日`, `截止12月底`
AS_OF_CUE = re.compile(r"(?:截至|截止|截止到|截至到)\s*$")
# a date that is a deadline or a plan, not a reported fact: `12月31日前`, `拟于9月`
FUTURE_AFTER = re.compile(r"^\s*(?:前|之前|以前|底前)")
FUTURE_BEFORE = re.compile(r"(?:拟|计划|将|预计|力争|争取)(?:于|在)?\s*$")
# `公开期限：2024年11月1日至2025年2月28日`
DISCLOSURE = re.compile(r"公开期限")


@dataclass
class NoticeResult:
    notice: dict
    problems: list[dict] = field(default_factory=list)
    measures: list[dict] = field(default_factory=list)
    spans: list[dict] = field(default_factory=list)
    outline: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    text: str = ""


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(c, 0, start) for c in "。\n；") + 1
    rights = [i for i in (text.find(c, end) for c in "。\n") if i != -1]
    right = min(rights) + 1 if rights else len(text)
    return text[left:right].strip()


def _notice_dates(text: str, outline: ParsedOutline) -> dict:
    mentions = find_dates(text)

    def kinds_at(pos: int) -> str:
        return outline.kinds[_paragraph_at(outline, pos).index]

    front = [m for m in mentions if kinds_at(m.start) in {"header", "preamble"}]
    out: dict = {"date_evidence": []}

    start = end = feedback = None
    for a, b in date_ranges(text, front):
        sentence = _sentence_around(text, a.start, b.end)
        if re.search(r"巡察|巡视", sentence) and not DISCLOSURE.search(sentence):
            start, end = a, b
            out["date_evidence"].append(f"巡察：{sentence}")
            break
    for m in front:
        if start and m in (start, end):
            continue
        sentence = _sentence_around(text, m.start, m.end)
        if "反馈" in sentence:
            feedback = m
            out["date_evidence"].append(f"反馈：{sentence}")
            break

    closing = [m for m in mentions if kinds_at(m.start) == "closing"]
    disclosure = [
        (a, b)
        for a, b in date_ranges(text, closing)
        if DISCLOSURE.search(_sentence_around(text, a.start, b.end))
    ]
    in_disclosure = {id(x) for pair in disclosure for x in pair}
    publish = None
    for m in closing:
        para = _paragraph_at(outline, m.start)
        if (
            id(m) not in in_disclosure
            and para is not None
            and re.fullmatch(r"\s*" + re.escape(m.text) + r"\s*", para.text)
        ):
            publish = m
    if publish:
        out["date_evidence"].append(f"发布：{publish.text}")

    as_of_mentions = [m for m in mentions if AS_OF_CUE.search(text[max(0, m.start - 4) : m.start])]
    if publish:
        as_of, source = publish.date, "publish_date"
    elif as_of_mentions:
        best = max(as_of_mentions, key=lambda m: m.date)
        as_of, source = best.date, "截至"
        out["date_evidence"].append(f"截至：{_sentence_around(text, best.start, best.end)}")
    else:
        facts = [
            m
            for m in mentions
            if _is_reported_fact(text, m) and m not in [x for p in disclosure for x in p]
        ]
        if facts:
            best = max(facts, key=lambda m: m.date)
            as_of, source = best.date, "latest_date"
            out["date_evidence"].append(f"最晚日期：{_sentence_around(text, best.start, best.end)}")
        else:
            as_of, source = None, "none"

    out.update(
        inspection_start=start.date if start else None,
        inspection_end=end.date if end else None,
        feedback_date=feedback.date if feedback else None,
        publish_date=publish.date if publish else None,
        as_of_date=as_of,
        as_of_source=source,
        disclosure_start=disclosure[0][0].date if disclosure else None,
        disclosure_end=disclosure[0][1].date if disclosure else None,
    )
    return out


def _is_reported_fact(text: str, m: DateMention) -> bool:
    """A date that reports something done (not a deadline, a plan or a deadline field)."""
    if FUTURE_AFTER.match(text[m.end : m.end + 3]) or FUTURE_BEFORE.search(
        text[max(0, m.start - 5) : m.start]
    ):
        return False
    line_start = text.rfind("\n", 0, m.start) + 1
    return not DEADLINE_FIELD.match(text[line_start : m.start + 1].lstrip())


def _paragraph_at(outline: ParsedOutline, pos: int):
    """The paragraph holding offset ``pos`` (its trailing newline included): a binary search."""
    i = bisect.bisect_right(outline.starts, pos) - 1
    return outline.paragraphs[i] if i >= 0 else None


def _title_and_org(outline: ParsedOutline) -> tuple[str, str]:
    lines = [
        outline.paragraphs[i].text
        for i in outline.header
        if not HEADER_EXTRA.match(outline.paragraphs[i].text)
    ]
    title = "".join(lines)
    m = ORGANISATION.match(title)
    if m:
        return title, m.group("org").strip()
    # no `关于` in the title: the signature at the end names the body
    for p in reversed(outline.paragraphs):
        if outline.kinds[p.index] == "closing" and re.search(
            r"(?:党组|党支部|党委|科协|协会)$", p.text
        ):
            return title, p.text
    return title, title


def parse_notice(
    raw: str, notice_id: str, source_path: str = "", encoding: str = ""
) -> NoticeResult:
    """Parse one notice's raw text. Raises ``parse.NotANotice`` when there is no notice in it."""
    norm = normalise(raw)
    outline = parse_outline(norm)
    text = outline.text
    title, organisation = _title_and_org(outline)
    place = locate(organisation)
    association = association_name(organisation, place)
    dates = _notice_dates(text, outline)
    as_of = dates["as_of_date"]

    non_problem = "\n".join(
        p.text for p in outline.paragraphs if outline.kinds[p.index] != "problem"
    )
    claims, claim_evidence, claim_conflicts = find_claims(non_problem)
    inspector = INSPECTOR.search(text)

    result = NoticeResult(notice={}, text=text)
    result.warnings = [*norm.removed, *outline.warnings]
    for key, values in claim_conflicts.items():
        result.warnings.append(
            f"the notice states different {key.removeprefix('claimed_')} counts {values}; "
            f"kept {claims[key]} (the one beside the completion totals, else the most frequent)"
        )
    if place.province is None:
        result.warnings.append(
            f"organisation {organisation!r} not found in the gazetteer: no province/city"
        )
    paragraphs = outline.paragraphs
    n_measures_total = 0
    decisions = [
        decide_status(
            paragraphs[node.heading_index].text + _marker_line(node, paragraphs),
            "\n".join(paragraphs[i].text for i in node.body),
            as_of,
        )
        for node in outline.problems
    ]
    summary = next((s for s in claim_evidence.get("claimed_completed", [])), "")
    decisions = reconcile_with_summary(
        decisions, claims["claimed_completed"], claims["claimed_ongoing"], summary
    )
    for no, (node, decision) in enumerate(zip(outline.problems, decisions), start=1):
        title_clean, marker, heading_rest = problem_title(node)
        marker = marker or _marker_line(node, paragraphs)
        head_p = paragraphs[node.heading_index]
        body_ps = [paragraphs[i] for i in node.body]
        body_text = "\n".join(([heading_rest] if heading_rest else []) + [p.text for p in body_ps])
        end = body_ps[-1].end if body_ps else head_p.end

        measures = _measures(node, outline, text)
        n_measures_total += len(measures)
        for k, (label, m_start, m_end) in enumerate(measures, start=1):
            m_text = text[m_start:m_end].strip()
            m_text = m_text[len(label) :].strip() if m_text.startswith(label) else m_text
            result.measures.append(
                dict(
                    notice_id=notice_id,
                    problem_no=no,
                    measure_no=k,
                    label=label,
                    text=m_text.rstrip("；;，, \n"),
                    char_start=m_start,
                    char_end=m_end,
                )
            )
        result.problems.append(
            dict(
                notice_id=notice_id,
                association=association,
                problem_no=no,
                label=node.heading.label,
                aspect_no=node.aspect_no,
                aspect_title=node.aspect_title,
                group_title=node.group_title,
                title=title_clean,
                title_raw=head_p.text[len(node.heading.label) :].strip(),
                status_marker=marker or None,
                text=body_text,
                status=decision.status,
                status_evidence=decision.evidence,
                deadline=decision.deadline,
                deadline_evidence=decision.deadline_evidence or None,
                n_measures=len(measures),
                char_start=head_p.start,
                char_end=end,
            )
        )

    result.spans = _spans(outline, notice_id, len(text))
    result.outline = _outline_rows(outline, notice_id)
    result.notice = dict(
        notice_id=notice_id,
        association=association,
        organisation=organisation,
        title=title,
        province=place.province,
        city=place.city,
        county=place.county,
        adcode=place.adcode,
        level=place.level or level_from_name(region_in_name(organisation)),
        inspector=inspector.group(0) if inspector else None,
        **{k: v for k, v in dates.items() if k != "date_evidence"},
        **claims,
        n_aspects=len(outline.aspects) or None,
        n_problems=len(outline.problems),
        n_measures=n_measures_total,
        n_unassigned=sum(1 for k in outline.kinds if k == "unassigned"),
        n_chars=len(text),
        date_evidence=" | ".join(dates["date_evidence"]) or None,
        claims_evidence=" | ".join(
            f"{k.removeprefix('claimed_')}：{s}" for k, ss in claim_evidence.items() for s in ss
        )
        or None,
        wrapped=norm.wrapped,
        encoding=encoding,
        source_path=source_path,
    )
    return result


def _marker_line(node, paragraphs) -> str:
    """A status marker wrapped onto the line after the heading: `（已整改）` alone."""
    if node.body:
        first = paragraphs[node.body[0]].text.strip()
        if STATUS_MARKER.fullmatch(first):
            return first
    return ""


def _measures(node, outline: ParsedOutline, text: str) -> list[tuple[str, int, int]]:
    """Sub-headings under the problem (`(1)…`), else inline `①…` / `一是…` items."""
    ps = outline.paragraphs
    sub = [
        i for i in node.body if ps[i].heading and outline.problem_level < ps[i].heading.level < 5
    ]
    if sub:
        out = []
        for k, i in enumerate(sub):
            stop = sub[k + 1] if k + 1 < len(sub) else None
            last = max(j for j in node.body if j >= i and (stop is None or j < stop))
            out.append((ps[i].heading.label, ps[i].start, ps[last].end))
        return out
    if not node.body:
        return []
    start = ps[node.body[0]].start
    end = ps[node.body[-1]].end
    return [(label, start + a, start + b) for label, a, b in inline_measures(text[start:end])]


def _spans(outline: ParsedOutline, notice_id: str, length: int) -> list[dict]:
    spans: list[dict] = []
    ps = outline.paragraphs
    for p in ps:
        kind, owner = outline.kinds[p.index], outline.owners[p.index]
        stop = ps[p.index + 1].start if p.index + 1 < len(ps) else length
        label = str(owner) if owner is not None else None
        if (
            spans
            and spans[-1]["kind"] == kind
            and spans[-1]["label"] == label
            and kind != "heading"
        ):
            spans[-1]["char_end"] = stop
        else:
            spans.append(
                dict(notice_id=notice_id, kind=kind, label=label, char_start=p.start, char_end=stop)
            )
    return spans


def _outline_rows(outline: ParsedOutline, notice_id: str) -> list[dict]:
    rows = []
    depth = {"section": 0, "aspect": 1, "group": 2, "problem": 3, "measure": 4}
    problem_no = 0
    for p in outline.paragraphs:
        role = outline.roles[p.index]
        if role == "problem":
            problem_no += 1
        if role in depth:
            rows.append(
                dict(
                    notice_id=notice_id,
                    node=role,
                    depth=depth[role],
                    label=p.heading.label if p.heading else "",
                    title=(p.heading.rest if p.heading else p.text)[:80],
                    problem_no=problem_no if role in {"problem", "measure"} else None,
                    char_start=p.start,
                )
            )
    return rows
