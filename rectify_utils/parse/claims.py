"""What a notice says about itself: how many 方面, problems, completed, ongoing, measures, rules."""

from __future__ import annotations

import re
from collections import Counter

from .numerals import cn_to_int

NUM = r"(?P<n>\d+|[一二两三四五六七八九十百]+)"
# `4个方面` `四个方面` `3 个方面`
ASPECTS = re.compile(NUM + r"\s*个?方面")
# `11项问题` `11个问题` `11条问题` `31个具体问题` — not `9类问题` (a category count)
PROBLEMS = re.compile(NUM + r"\s*(?:个|项|条)\s*(?:具体|突出)?问题")
# `9类问题`
GROUPS = re.compile(NUM + r"\s*类\s*问题")
# `已完成整改26个`, `已整改到位10个`, `26个已完成整改`, `完成整改26项`
COMPLETED = re.compile(
    r"(?:已(?:经)?完成整改|已整改(?:完成|到位)|完成整改|整改完成|已办结|已销号)\s*"
    + NUM
    + r"\s*(?:个|项|条)"
    r"|"
    + NUM.replace("?P<n>", "?P<n2>")
    + r"\s*(?:个|项|条)(?:问题)?(?:已(?:经)?(?:完成整改|整改(?:完成|到位)|办结|销号))"
)
# `长期整改5个`, `持续整改3项`, `5个需长期坚持`, `正在整改2个`
ONGOING = re.compile(
    r"(?:长期整改|持续整改|正在整改|需长期坚持|基本完成|阶段性完成|未完成)\s*"
    + NUM
    + r"\s*(?:个|项|条)"
    r"|"
    + NUM.replace("?P<n>", "?P<n2>")
    + r"\s*(?:个|项|条)(?:问题)?(?:需)?(?:长期整改|持续整改|正在整改|需长期坚持)"
)
# `制定75条整改措施`, `提出整改措施75条`
MEASURES = re.compile(
    r"(?:制定|提出|明确|细化)(?:了)?\s*" + NUM + r"\s*(?:条|项)\s*整改措施"
    r"|整改措施\s*" + NUM.replace("?P<n>", "?P<n2>") + r"\s*(?:条|项)"
)
# `完善规章制度9项`, `建立制度12项`, `新建制度5个`
RULES = re.compile(
    r"(?:完善|建立|建立健全|制定|修订|新建|出台)(?:完善)?(?:了)?(?:规章)?制度\s*"
    + NUM
    + r"\s*(?:项|个|条|部)"
    r"|(?:完善|建立|制定|修订|出台)(?:了)?\s*"
    + NUM.replace("?P<n>", "?P<n2>")
    + r"\s*(?:项|个|条|部)(?:规章)?制度"
)
# a sentence that reports completion counts: the most authoritative place for the totals
SUMMARY_SENTENCE = re.compile(r"已(?:经)?完成整改|已整改(?:完成|到位)|长期整改|完成整改")

# a number with a unit, which every claim holds: `11项`, `四个方面`, `9类`
COUNTED = re.compile(r"[\d一二两三四五六七八九十百]\s*(?:个|项|条|类|方面)")

CLAIM_PATTERNS = {
    "claimed_aspects": ASPECTS,
    "claimed_problems": PROBLEMS,
    "claimed_groups": GROUPS,
    "claimed_completed": COMPLETED,
    "claimed_ongoing": ONGOING,
    "claimed_measures": MEASURES,
    "claimed_rules": RULES,
}


def _sentences(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in re.finditer(r"[。！？\n]", text):
        out.append((start, text[start : m.end()]))
        start = m.end()
    if start < len(text):
        out.append((start, text[start:]))
    return out


def find_claims(
    text: str,
) -> tuple[dict[str, int | None], dict[str, list[str]], dict[str, list[int]]]:
    """Each claimed count, the sentences that state it, and the counts stated differently.

    When a notice states different values (新野县: `11个问题` in its plan, `31个具体问题` in its
    summary), the value in a sentence that also reports completion wins, then the most frequent.
    """
    values: dict[str, int | None] = {}
    evidence: dict[str, list[str]] = {}
    conflicts: dict[str, list[int]] = {}
    # every claim is a number with a unit: only those sentences need the seven patterns
    sentences = [s for _, s in _sentences(text) if COUNTED.search(s)]
    for key, pattern in CLAIM_PATTERNS.items():
        found: list[tuple[int, bool, str]] = []
        for sentence in sentences:
            for m in pattern.finditer(sentence):
                raw = m.groupdict().get("n") or m.groupdict().get("n2")
                n = cn_to_int(raw or "")
                if n is None:
                    continue
                found.append((n, bool(SUMMARY_SENTENCE.search(sentence)), sentence.strip()))
        if not found:
            values[key] = None
            evidence[key] = []
            continue
        distinct = sorted({n for n, _, _ in found})
        if len(distinct) > 1:
            conflicts[key] = distinct
        summary = [n for n, in_summary, _ in found if in_summary]
        pool = summary or [n for n, _, _ in found]
        values[key] = Counter(pool).most_common(1)[0][0]
        evidence[key] = list(dict.fromkeys(s for _, _, s in found))
    return values, evidence, conflicts
