"""Self-audit: what each notice says about itself against what the parse finds in it.

A notice states its own totals — `4个方面`, `31个具体问题`, `已完成整改26个，长期整改5个`,
`制定75条整改措施`, `完善规章制度9项`, `3个方面9类问题` — in its preamble or summary. Each claim
is set beside the parsed count, with the sentence that states it and a note on how the parsed
figure was counted, so a reader can see which side to trust.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

from ..parse.corpus import Corpus
from ..parse.vocabulary import CLAIM_PATTERNS, EDITION, RULE_TITLE
from ._docstrings import fill_params
from .completion import FROM_SUMMARY
from .concreteness import documents_table

ITEMS = ["aspects", "problems", "completed", "ongoing", "measures", "rules", "groups"]
ITEM_DTYPE = pd.CategoricalDtype(ITEMS, ordered=True)
#: claim keys as they appear in ``claims_evidence`` (`claimed_aspects` → `aspects`)
CLAIM_KEYS = [key.removeprefix("claimed_") for key in CLAIM_PATTERNS]
#: one quoted claim in ``corpus.notices.claims_evidence``, entries joined by ` | `:
#: `aspects：针对巡察反馈的四个方面31个具体问题，已完成整改26个，长期整改5个。 | problems：…`
CLAIM_ENTRY = re.compile(
    r"(?P<key>" + "|".join(CLAIM_KEYS) + r")：(?P<sentence>.*?)"
    r"(?= \| (?:" + "|".join(CLAIM_KEYS) + r")：|$)",
    re.S,
)
NOTES = {
    "aspects": "方面 headings in the parsed outline",
    "problems": "numbered problems parsed; a notice may count headline problems or tasks instead",
    "completed": "problems with explicit completed wording (已完成/已整改到位/a deadline passed)",
    "ongoing": (
        "problems with in-progress wording (正在…中/持续整改/拟…) or a later deadline; the "
        "claim counts 基本完成 as ongoing"
    ),
    "measures": (
        "measures parsed from itemised 一是/①/(1) lists; a notice may count measures differently"
    ),
    "rules": (
        "estimated: distinct 《…》 titles of 制度/办法/规定/意见/清单 after an issuing verb "
        "(印发/制定/出台/修订…); a notice may count rules differently"
    ),
    "groups": (
        "类 headings between 方面 and problems; problems before an aspect's first 类 heading "
        "count as one unnamed 类"
    ),
}


def claim_sentences(claims_evidence: Any) -> dict[str, list[str]]:
    """The sentences quoted for each claim key in a ``claims_evidence`` string.

    Parameters
    ----------
    claims_evidence : str or None
        A value of ``corpus.notices["claims_evidence"]``: entries ``key：sentence`` joined by
        `` | ``; None or <NA> when the notice claims nothing.

    Returns
    -------
    dict of str to list of str
        Every key of ``CLAIM_KEYS`` (``aspects``, ``problems``, ``completed``, …) → its
        sentences, stripped, without repeats, in order; an empty list for a key the notice does
        not claim.

    Examples
    --------
    >>> claim_sentences("aspects：针对巡察反馈的四个方面31个具体问题。 | problems：针对巡察反馈的四个方面31个具体问题。")["problems"]
    ['针对巡察反馈的四个方面31个具体问题。']
    """
    found: dict[str, list[str]] = {key: [] for key in CLAIM_KEYS}
    if claims_evidence is None or pd.isna(claims_evidence):
        return found
    for m in CLAIM_ENTRY.finditer(str(claims_evidence)):
        sentence = m["sentence"].strip()
        if sentence not in found[m["key"]]:
            found[m["key"]].append(sentence)
    return found


def _quote(sentences: list[str]) -> str | None:
    return " ".join(f"「{s}」" for s in sentences) or None


def _group_count(problems: pd.DataFrame) -> int:
    """Runs of (方面, 类) in notice order, when the notice has a 类 level at all."""
    if problems["group_title"].isna().all():
        return 0
    aspects = problems["aspect_no"].astype("string").fillna("")
    groups = problems["group_title"].astype("string").fillna("")
    keys = list(zip(aspects, groups))
    runs = [k for i, k in enumerate(keys) if i == 0 or k != keys[i - 1]]
    return len(runs)


def _rule_count(documents: pd.DataFrame) -> int:
    """Distinct rule-like titles issued.

    A title that ends another (`县科协…办法` in `新野县科协…办法`) or differs only by its
    edition (`（2024年）`) names the same rule.
    """
    issued = documents[documents["issued"].fillna(False).astype(bool)]
    return _distinct_rules(issued["document"].astype(str))


def _distinct_rules(titles: Iterable[str]) -> int:
    """How many distinct rules the issued document ``titles`` of one notice name (``_rule_count``)."""
    rules = {EDITION.sub("", t) for t in titles if RULE_TITLE.search(t)}
    return sum(1 for t in rules if not any(o != t and o.endswith(t) for o in rules))


def _claimed(notice: dict, item: str):
    """The notice's figure for an item; ``ongoing`` adds its 基本完成 count (counted as ongoing)."""
    value = notice.get(f"claimed_{item}", pd.NA)
    if item != "ongoing":
        return value
    basic = notice.get("claimed_basically_completed", pd.NA)
    if pd.isna(value):
        return basic
    return value if pd.isna(basic) else value + basic


def claim_conflicts(claims_conflicts: Any) -> dict[str, str]:
    """Item → the different values a notice states for it (`problems：11、31` → ``{"problems": "11、31"}``).

    Parameters
    ----------
    claims_conflicts : str or None
        A value of ``corpus.notices["claims_conflicts"]``.

    Returns
    -------
    dict of str to str
    """
    if claims_conflicts is None or pd.isna(claims_conflicts):
        return {}
    pairs = (entry.split("：", 1) for entry in str(claims_conflicts).split(" | ") if "：" in entry)
    return {key: values for key, values in pairs}


def _parsed_by_notice(problems: pd.DataFrame) -> pd.DataFrame:
    """Per notice with problems: its parsed status counts, 类 runs and the counts the notes cite.

    One pass over the whole problems table, grouped by ``notice_id`` (problems in table order
    within a notice), instead of one filter per notice.
    """
    nid = problems["notice_id"].astype("string")
    status = problems["status"].astype("string")
    aspects = problems["aspect_no"].astype("string").fillna("")
    groups = problems["group_title"].astype("string").fillna("")
    evidence = problems["status_evidence"].astype("string").fillna("")
    first = aspects.groupby(nid, sort=False).shift().isna()
    new_run = first | (aspects != aspects.groupby(nid, sort=False).shift())
    new_run |= groups != groups.groupby(nid, sort=False).shift()
    completed = (status == "completed").fillna(False)
    flags = pd.DataFrame(
        {
            "stated": status.isin(["completed", "in_progress"]).fillna(False),
            "completed": completed,
            "ongoing": (status == "in_progress").fillna(False),
            "has_groups": problems["group_title"].notna(),
            "runs": new_run,
            "inferred": evidence.str.contains(FROM_SUMMARY).fillna(False) & completed,
            "unlisted": problems["n_measures"].fillna(0) == 0,
        }
    ).astype("int64")
    counts = flags.groupby(nid.to_numpy(), sort=False).agg(
        {key: "max" if key in ("stated", "has_groups") else "sum" for key in flags.columns}
    )
    counts["groups"] = counts["runs"].where(counts["has_groups"] > 0, 0)
    return counts


def _rules_by_notice(documents: pd.DataFrame) -> dict[str, int]:
    """``_rule_count`` of each notice's documents, for the notices with any.

    One pass over plain lists (the issued titles of each notice), not one frame per notice.
    """
    issued = documents["issued"].fillna(False).astype(bool).to_numpy()
    titles: dict[str, list[str]] = {str(nid): [] for nid in documents["notice_id"].unique()}
    for nid, title, kept in zip(
        documents["notice_id"].astype(str).tolist(),
        documents["document"].astype(str).tolist(),
        issued.tolist(),
        strict=True,
    ):
        if kept:
            titles[nid].append(title)
    return {nid: _distinct_rules(found) for nid, found in titles.items()}


def _parsed(notice: dict, counts: dict | None, rules: int) -> dict:
    """The parsed figure of each item for one notice (``counts``: its ``_parsed_by_notice`` row)."""
    stated = bool(counts and counts["stated"])
    return {
        "aspects": notice["n_aspects"],
        "problems": notice["n_problems"],
        "completed": counts["completed"] if stated else pd.NA,
        "ongoing": counts["ongoing"] if stated else pd.NA,
        "measures": notice["n_measures"],
        "rules": rules,
        "groups": counts["groups"] if counts else 0,
    }


def _notes(counts: dict | None) -> dict[str, str]:
    notes = dict(NOTES)
    inferred = counts["inferred"] if counts else 0
    if inferred:
        notes["completed"] += (
            f"; {inferred} inferred from the notice's own totals (通报总述), so agreement "
            "is partly by construction"
        )
    unlisted = counts["unlisted"] if counts else 0
    if unlisted:
        notes["measures"] += f"; {unlisted} problem(s) have no itemised list"
    return notes


def _evidence(sentences: dict[str, list[str]], item: str) -> str | None:
    """The quoted claim sentences of an item (``ongoing`` with its 基本完成 sentences)."""
    quoted = sentences.get(item, [])
    if item == "ongoing":
        quoted = quoted + sentences.get("basically_completed", [])
    return _quote(quoted)


def _audit_rows(notice: dict, counts: dict | None, rules: int) -> list[dict]:
    """The seven rows of one notice (``notice``: its row of ``corpus.notices`` as a dict)."""
    parsed = _parsed(notice, counts, rules)
    notes = _notes(counts)
    sentences = claim_sentences(notice.get("claims_evidence"))
    conflicts = claim_conflicts(notice.get("claims_conflicts"))
    rows = []
    for item in ITEMS:
        claimed = _claimed(notice, item)
        rows.append(
            dict(
                notice_id=notice["notice_id"],
                association=notice["association"],
                item=item,
                claimed=claimed,
                parsed=parsed[item],
                evidence=_evidence(sentences, item) if pd.notna(claimed) else None,
                conflicting=conflicts.get(item),
                note=notes[item],
            )
        )
    return rows


@fill_params
def self_audit(corpus: Corpus) -> pd.DataFrame:
    """Each notice's claims about itself against the parse, one row per notice and item.

    Parameters
    ----------
    corpus : Corpus
        {params.corpus_full}

    Returns
    -------
    pd.DataFrame
        Seven rows per notice, in notice order. Columns:

        - ``notice_id`` (string)
        - ``association`` (string)
        - ``item`` (ordered category): aspects, problems, completed, ongoing, measures, rules,
          groups
        - ``claimed`` (Int64): the notice's own figure, <NA> when it does not say
        - ``parsed`` (Int64): the parsed count; completed/ongoing <NA> when the notice states
          no status at all
        - ``agrees`` (boolean): claimed == parsed, <NA> when either side is missing
        - ``evidence`` (string): the claim's sentences, quoted 「…」; <NA> without a claim
        - ``conflicting`` (string): the different values the notice itself states for the item
          (`11、31`: it contradicts itself), <NA> when it states one or none
        - ``note`` (string): how the parsed figure was counted
    """
    counts = _parsed_by_notice(corpus.problems).to_dict("index")
    rules = _rules_by_notice(documents_table(corpus))
    rows = []
    for notice in corpus.notices.itertuples(index=False):
        nid = str(notice.notice_id)
        rows += _audit_rows(notice._asdict(), counts.get(nid), rules.get(nid, 0))
    out = pd.DataFrame(
        rows,
        columns=[
            "notice_id", "association", "item", "claimed", "parsed", "evidence", "conflicting",
            "note",
        ],
    )  # fmt: skip
    out = out.astype(
        {
            "notice_id": "string",
            "association": "string",
            "item": ITEM_DTYPE,
            "claimed": "Int64",
            "parsed": "Int64",
            "evidence": "string",
            "conflicting": "string",
            "note": "string",
        }
    )
    out.insert(5, "agrees", (out["claimed"] == out["parsed"]).astype("boolean"))
    return out


@fill_params
def audit_summary(corpus: Corpus) -> pd.DataFrame:
    """How many of its claims about itself each notice's parse bears out.

    Parameters
    ----------
    corpus : Corpus
        {params.corpus_full}

    Returns
    -------
    pd.DataFrame
        One row per notice, summarising :func:`self_audit`. Columns:

        - ``notice_id`` (string)
        - ``association`` (string)
        - ``n_claims`` (Int64): items the notice states a figure for
        - ``n_agree`` (Int64): claims the parse agrees with
        - ``n_differ`` (Int64): claims it differs from (a claim with no parsed figure is in
          neither count)
        - ``differing_items`` (string): those items joined by ``、``; <NA> when none differ
    """
    audit = self_audit(corpus)
    rows = []
    for (nid, association), group in audit.groupby(["notice_id", "association"], sort=False):
        checked = group[group["agrees"].notna()]
        differ = checked[~checked["agrees"].astype(bool)]
        rows.append(
            dict(
                notice_id=nid,
                association=association,
                n_claims=int(group["claimed"].notna().sum()),
                n_agree=int(checked["agrees"].astype(bool).sum()),
                n_differ=len(differ),
                differing_items="、".join(differ["item"].astype(str)) or None,
            )
        )
    columns = ["notice_id", "association", "n_claims", "n_agree", "n_differ", "differing_items"]
    return pd.DataFrame(rows, columns=columns).astype(
        {
            "notice_id": "string",
            "association": "string",
            "n_claims": "Int64",
            "n_agree": "Int64",
            "n_differ": "Int64",
            "differing_items": "string",
        }
    )
