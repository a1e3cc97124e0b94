"""What a notice says about itself: how many 方面, problems, completed, ongoing, measures, rules."""

from __future__ import annotations

import re
from collections import Counter

from .numerals import cn_to_int
from .vocabulary import CLAIM_PATTERNS, COUNTED, COUNTED_THING, NOT_PROBLEMS, SUMMARY_SENTENCE


def _sentences(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in re.finditer(r"[。！？\n]", text):
        out.append((start, text[start : m.end()]))
        start = m.end()
    if start < len(text):
        out.append((start, text[start:]))
    return out


#: claims that count problems (a bare `已完成79项` after `86项整改措施` counts measures instead)
COUNTS_OF_PROBLEMS = frozenset(
    {"claimed_completed", "claimed_ongoing", "claimed_basically_completed"}
)


RECTIFIED = re.compile(r"完成整改|整改(?:完成|到位|落实)|已整改")


def _counts_other_things(sentence: str, m: re.Match[str]) -> bool:
    """Does the count count something other than problems? The thing named last before it
    (or inside it) says: `86项整改措施已完成79项` → 措施."""
    inside = COUNTED_THING.findall(m.group(0))
    if inside:
        return inside[-1] in NOT_PROBLEMS
    if "整改" in m.group(0):
        return False  # `已完成整改5个`: rectification is of problems
    clause_start = max(sentence.rfind(c, 0, m.start()) for c in "。；;") + 1
    before = sentence[clause_start : m.start()]
    things = list(COUNTED_THING.finditer(before))
    if not things or things[-1].group(0) not in NOT_PROBLEMS:
        return False
    # `…措施35条，已完成整改5个，其余2个…`: a rectification count after the measures speaks of
    # problems, and so does what follows it
    return not any(r.start() > things[-1].start() for r in RECTIFIED.finditer(before))


def find_claims(
    text: str,
) -> tuple[dict[str, int | None], dict[str, list[str]], dict[str, list[int]]]:
    """Each claimed count, the sentences that state it, and the counts stated differently.

    When a notice states different values (新野县: `11个问题` in its plan, `31个具体问题` in its
    summary), the value in a sentence that also reports completion wins, then the most frequent.

    Parameters
    ----------
    text : str
        The text to read, usually the paragraphs outside the problems.

    Returns
    -------
    counts : dict of str to int or None
        Claim (``"claimed_problems"``, ``"claimed_completed"``…) → the count, None if not stated.
    evidence : dict of str to list of str
        Claim → the sentences that state it.
    conflicts : dict of str to list of int
        Claim → the different values stated, where there are several.
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
                if n is None or (key in COUNTS_OF_PROBLEMS and _counts_other_things(sentence, m)):
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
