"""What a document is, before it is outlined: a rectification progress notice, or news of a
feedback meeting, an inspection announcement, a rectification plan, or something else.

The title decides when it says what the document is; otherwise the body's words are counted.
Every decision keeps the words that justified it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .vocabulary import (
    ANNOUNCEMENT_TITLE,
    ANNOUNCEMENT_WORDS,
    DOC_KIND_LABELS,
    INSPECTION_MENTION,
    MEETING_TITLE,
    MEETING_WORDS,
    NOTICE_TITLE,
    PLAN_TITLE,
    PLAN_WORDS,
    PROGRESS_WORDS,
)

DOC_KINDS = list(DOC_KIND_LABELS)


@dataclass(frozen=True)
class DocKind:
    """A document's kind and the words that say so."""

    kind: str  # notice / meeting_news / inspection_announcement / rectification_plan / other
    evidence: str

    @property
    def label(self) -> str:
        return DOC_KIND_LABELS[self.kind]


def classify_document(title: str, text: str) -> DocKind:
    """The kind of a document, from its title, else from the words of its body.

    Parameters
    ----------
    title
        The title lines (may be empty).
    text
        The whole normalised text.

    Returns
    -------
    DocKind
    """
    by_title = _by_title(title, text)
    return by_title if by_title else _by_body(text)


def _by_title(title: str, text: str) -> DocKind | None:
    progress = PROGRESS_WORDS.findall(text)
    for kind, pattern in (
        ("notice", NOTICE_TITLE),
        ("rectification_plan", PLAN_TITLE),
        ("inspection_announcement", ANNOUNCEMENT_TITLE),
        ("meeting_news", MEETING_TITLE),
    ):
        m = pattern.search(title)
        if not m or not INSPECTION_MENTION.search(text):
            continue
        if kind != "notice" and len(progress) >= 3:
            continue  # a plan or meeting headline over a text that reports progress
        return DocKind(kind, f"标题：{title}")
    return None


def _by_body(text: str) -> DocKind:
    if not INSPECTION_MENTION.search(text):
        return DocKind("other", "全文未提及巡察或巡视")
    counts = {
        "notice": PROGRESS_WORDS.findall(text),
        "meeting_news": MEETING_WORDS.findall(text),
        "inspection_announcement": ANNOUNCEMENT_WORDS.findall(text),
        "rectification_plan": PLAN_WORDS.findall(text),
    }
    n = {kind: len(found) for kind, found in counts.items()}
    if n["notice"] >= 2 and n["notice"] >= n["meeting_news"]:
        kind = "notice"
    elif n["meeting_news"] >= 2:
        kind = "meeting_news"
    elif n["inspection_announcement"] >= 2:
        kind = "inspection_announcement"
    elif n["rectification_plan"] >= 2 and not n["notice"]:
        kind = "rectification_plan"
    elif n["notice"]:
        kind = "notice"
    else:
        return DocKind("other", "未见整改进展、会议、公告或方案的表述")
    words = "、".join(dict.fromkeys(counts[kind]))
    return DocKind(kind, f"正文：{words}")
