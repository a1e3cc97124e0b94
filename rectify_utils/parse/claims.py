"""What a notice says about itself: how many 方面, problems, completed, ongoing, measures, rules."""

from __future__ import annotations

import re
from collections import Counter

from .numerals import cn_to_int
from .vocabulary import CLAIM_PATTERNS, COUNTED, SUMMARY_SENTENCE


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
                groups = m.groupdict()
                raw = groups.get("n") or groups.get("n2") or groups.get("n3")
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
