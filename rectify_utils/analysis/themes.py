"""Issue themes: classify problems with an editable, weighted coding scheme (``taxonomy.yml``).

In the spirit of KH Coder's coding rules (the scheme and its rules: ``theme_rules``): a rule that
fires in a field adds ``rule weight × field weight`` to its theme's score (the title counts more
than the headings, the headings more than the rectification text, whose share is capped).

The problem statement decides. The best-scoring theme *with evidence in the title or its group
heading* wins (``high`` confidence when no other theme has as much evidence there); the 方面
heading and the rectification text only confirm it or break a tie (then ``low``). A problem
whose title and group heading say nothing gets its theme from the heading and the text, at
``low`` confidence. A *decisive* rule (an earlier inspection round named in a heading) wins
outright; a problem on which no rule fires stays ``unclassified``. A rule may be scoped to kinds
of body (``notices.unit_kind``); a problem whose body is of unknown kind gets the general rules.

A scheme with ``exemplars`` (the packaged one) has a second reader of the problem statement, a
linear model learnt from labelled statements (``theme_model``): its score is blended with the
rules', it counts as title evidence where it would call the theme on its own, and ``high``
confidence then means that the title rules and the model agree.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import TaxonomyError
from ..parse.bodies import unit_kind as _kind_of_name
from ..parse.corpus import Corpus, table_of
from ..schema import UNIT_KIND_DTYPE
from ._docstrings import fill_params
from .cache import file_key, memo
from .theme_model import ExemplarModel, content_key, exemplar_files, fit_exemplar_model
from .theme_rules import (
    DEFAULT_TAXONOMY,
    FIELD_COLUMNS,
    UNCLASSIFIED,
    Rule,
    Taxonomy,
    Theme,
    load_taxonomy,
)

__all__ = [
    "CONFIDENCE_DTYPE",
    "DEFAULT_TAXONOMY",
    "FIELD_COLUMNS",
    "UNCLASSIFIED",
    "Rule",
    "Taxonomy",
    "TaxonomyError",
    "Theme",
    "ThemeAgreement",
    "agreement_by",
    "aspect_titles",
    "category_crosstab",
    "classify_problems",
    "load_taxonomy",
    "problem_unit_kinds",
    "read_labels",
    "theme_agreement",
]

#: ``theme_confidence``: high = the title or group heading alone picks the theme
CONFIDENCE_DTYPE = pd.CategoricalDtype(["high", "low"])
#: the columns ``classify_problems`` adds, in order
THEME_COLUMNS = [
    "theme_code",
    "theme",
    "theme_score",
    "theme_confidence",
    "theme_evidence",
    "runner_up_code",
    "runner_up_theme",
    "runner_up_score",
]
#: a title rule of full weight (3 × the title's 3): the rules' unit beside the model's scores
RULE_SCALE = 9.0
#: an evidence item, the field, the matched text and what it added
Evidence = tuple[str, str, float]


@lru_cache(maxsize=4096)
def _kind_of_association(name: str) -> str:
    return _kind_of_name(name)[0]


@fill_params
def problem_unit_kinds(data: Corpus | pd.DataFrame) -> pd.Series:
    """Each problem's kind of body (科协, 文联, …, 政府部门, 学校, 医院, 企业, 乡镇街道, 其他).

    Parameters
    ----------
    data : Corpus or DataFrame
        {params.corpus}

    Returns
    -------
    pd.Series
        Category (``schema.UNIT_KIND_DTYPE``), aligned with the problems: the table's own
        ``unit_kind`` column where it has one, else its notice's ``unit_kind`` (from a corpus),
        else the kind its ``association`` name denotes (``新野县科协`` → 科协); <NA> when
        none of these is known.
    """
    problems = table_of(data, "problems")
    kinds = pd.Series(pd.NA, index=problems.index, dtype="string")
    if "unit_kind" in problems:
        kinds = problems["unit_kind"].astype("string")
    if isinstance(data, Corpus) and {"notice_id", "unit_kind"} <= set(data.notices):
        by_notice = data.notices.drop_duplicates("notice_id").set_index("notice_id")["unit_kind"]
        kinds = kinds.fillna(problems["notice_id"].map(by_notice.astype("string")))
    if "association" in problems:
        named = (
            problems["association"].astype("string").map(_kind_of_association, na_action="ignore")
        )
        kinds = kinds.fillna(named.astype("string"))
    return kinds.astype(UNIT_KIND_DTYPE)


def _field_texts(problems: pd.DataFrame, field: str) -> list[str]:
    column = FIELD_COLUMNS[field]
    if column not in problems:
        return [""] * len(problems)
    return problems[column].astype("string").fillna("").tolist()


@dataclass
class _ModelReading:
    """The exemplar model's part of each score, with what it read, for confidence and evidence."""

    part: np.ndarray  # problems × themes, added to the scores
    rule_deciding: np.ndarray  # the rules' own title / group scores, before the blend
    matrix: object  # the statements' TF-IDF rows
    model: ExemplarModel
    texts: list[str]  # the statements as the model read them
    kinds: list[str | None]


@dataclass
class _Scores:
    """Per problem × theme: total score, the part from each deciding field, decisive flags."""

    total: np.ndarray
    deciding: np.ndarray
    decisive: np.ndarray
    evidence: list[list[list[Evidence]]]
    #: what the exemplar model read and added (``_add_model``); None: the rules alone
    model: _ModelReading | None = None

    @classmethod
    def empty(cls, n: int, k: int, levels: int) -> _Scores:
        evidence = [[[] for _ in range(k)] for _ in range(n)]
        return cls(np.zeros((n, k)), np.zeros((levels, n, k)), np.zeros((n, k), bool), evidence)


#: a rule of the scheme, by position: (theme index, rule index within the theme, the rule)
_Indexed = tuple[int, int, Rule]
#: one fired rule on one field value: (theme index, matched text, rule weight, decisive)
_Hit = tuple[int, str, float, bool]


class _RuleIndex:
    """The rules reading one field, found through their literal anchors (``Rule.anchors``).

    The anchors of the rules that apply to a kind of body go into one Aho–Corasick automaton
    (pyahocorasick); a single pass over a value names the few rules worth trying, so most rules
    never run their regex on it. Rules without anchors are always tried.
    """

    def __init__(self, taxonomy: Taxonomy, field: str) -> None:
        self.themes = taxonomy.themes
        self.rules: list[_Indexed] = [
            (j, k, rule)
            for j, theme in enumerate(taxonomy.themes)
            for k, rule in enumerate(theme.rules)
            if field in rule.fields
        ]
        self._by_kind: dict[str | None, tuple[object | None, frozenset[int]]] = {}

    def _for_kind(self, kind: str | None) -> tuple[object | None, frozenset[int]]:
        """The automaton of anchors (each → the rules it anchors), and the rules without."""
        if kind not in self._by_kind:
            import ahocorasick

            anchored: dict[str, set[int]] = {}
            always = set()
            for n, (j, _, rule) in enumerate(self.rules):
                if not rule.applies_to(kind) or not self.themes[j].applies_to(kind):
                    continue
                if rule.anchors is None:
                    always.add(n)
                for anchor in rule.anchors or ():
                    anchored.setdefault(anchor, set()).add(n)
            automaton = None
            if anchored:
                automaton = ahocorasick.Automaton()
                for anchor, rules in anchored.items():
                    automaton.add_word(anchor, frozenset(rules))
                automaton.make_automaton()
            self._by_kind[kind] = (automaton, frozenset(always))
        return self._by_kind[kind]

    def fire(self, value: str, kind: str | None) -> list[_Hit]:
        """The rules that fire on one value of the field, in scheme order.

        Only rules with an anchor in ``value`` (or none at all) are tried: a rule with anchors
        fires on no text without one (``Rule.first_match``).
        """
        if not value:
            return []
        automaton, always = self._for_kind(kind)
        found = set(always)
        if automaton is not None:
            for _, rules in automaton.iter(value):
                found |= rules
        hits = []
        for n in sorted(found):
            j, _, rule = self.rules[n]
            hit = rule.first_match(value, anchored=rule.anchors is not None)
            if hit is not None:
                hits.append((j, hit, rule.weight, rule.decisive))
        return hits


def _add_hits(scores: _Scores, i: int, field: str, hits: list[_Hit], tax: Taxonomy) -> None:
    """Add one field's fired rules to problem ``i``'s scores, the text's share capped per theme."""
    weight = tax.field_weights[field]
    level = tax.deciding_fields.index(field) if field in tax.deciding_fields else None
    parts: dict[int, float] = {}
    for j, hit, w, decisive in hits:
        parts[j] = parts.get(j, 0.0) + w * weight
        scores.decisive[i, j] |= decisive
        scores.evidence[i][j].append((field, hit, w * weight))
    for j, part in parts.items():
        part = min(part, tax.text_cap) if field == "text" else part
        scores.total[i, j] += part
        if level is not None:
            scores.deciding[level, i, j] += part


def _score(problems: pd.DataFrame, taxonomy: Taxonomy, kinds: list[str | None]) -> _Scores:
    """Scores (problems × themes) with their evidence, each rule read where it applies.

    A value met again (a 方面 heading shared by a notice's problems) is looked up, not read.
    """
    scores = _Scores.empty(len(problems), len(taxonomy.themes), len(taxonomy.deciding_fields))
    for field in FIELD_COLUMNS:
        index = _RuleIndex(taxonomy, field)
        seen: dict[tuple[str, str | None], list[_Hit]] = {}
        for i, value in enumerate(_field_texts(problems, field)):
            key = (value, kinds[i])
            if key not in seen:
                seen[key] = index.fire(value, kinds[i])
            if seen[key]:
                _add_hits(scores, i, field, seen[key], taxonomy)
    return scores


def _choose(scores: _Scores, i: int) -> tuple[int | None, int | None, str | None]:
    """Problem ``i``'s theme, runner-up and confidence (theme indices, None when there is none).

    The candidates are the themes with evidence in the first deciding field that has any (the
    title, else the group heading), else every theme with a score; the best total among them
    wins, a decisive rule's theme before all.
    """
    total, decisive = scores.total[i], scores.decisive[i]
    ranked = [j for j in np.argsort(-total, kind="stable") if total[j] > 0]
    if not ranked:
        return None, None, None
    level = next((lv for lv in scores.deciding[:, i] if (lv[ranked] > 0).any()), None)
    pool = [j for j in ranked if decisive[j]]
    if not pool and level is not None:
        pool = [j for j in ranked if level[j] > 0]
    top = (pool or ranked)[0]
    runner = next((j for j in ranked if j != top), None)
    if decisive[top]:
        return top, runner, "high"
    if scores.model is not None:
        return top, runner, "high" if _rules_and_model_agree(scores, i, top) else "low"
    alone = level is not None and level[top] > max(np.delete(level, top), default=0.0)
    return top, runner, "high" if alone else "low"


def _rules_and_model_agree(scores: _Scores, i: int, top: int) -> bool:
    """Whether the title or group rules and the exemplar model both pick theme ``top``."""
    model, ruled = scores.model.part[i], scores.model.rule_deciding[:, i]
    first = next((lv for lv in ruled if (lv > 0).any()), None)
    if first is None or model.max() <= 0 or int(np.argmax(model)) != top:
        return False
    return first[top] >= first.max()


def _model_evidence(scores: _Scores, top: list, codes: list[str]) -> dict[int, str]:
    """The model's evidence for each problem whose theme it supports (``ExemplarModel.evidence``)."""
    reading = scores.model
    if reading is None:
        return {}
    rows = [i for i, j in enumerate(top) if j is not None and reading.part[i, j] > 0]
    said = reading.model.evidence(
        reading.matrix,
        rows,
        [codes[top[i]] for i in rows],
        reading.texts,
        [reading.kinds[i] for i in rows],
    )
    return {i: text for i, text in zip(rows, said, strict=True) if text}


def _evidence_string(items: Iterable[Evidence]) -> str:
    return "; ".join(f"{field}:{hit}(×{w:g})" for field, hit, w in items)


@lru_cache(maxsize=16)
def _scheme(path: str, _content: str) -> Taxonomy:
    """The scheme read once per path and content."""
    return load_taxonomy(path)


def _scheme_of(path: str | Path) -> Taxonomy:
    """The scheme at ``path``, read once per content (``classify_problems`` asks twice)."""
    return _scheme(*file_key(path))


def _exemplars_key(path: str | Path) -> str:
    """The content of the scheme's exemplar files: editing them classifies again."""
    taxonomy = _scheme_of(path)
    return content_key(exemplar_files(taxonomy.exemplars)) if taxonomy.exemplars else ""


def _kinds_key(kinds: pd.Series) -> str:
    return hashlib.sha256(
        "\x1f".join(kinds.astype("string").fillna("").tolist()).encode()
    ).hexdigest()


@fill_params
def classify_problems(
    problems: Corpus | pd.DataFrame, taxonomy_path: str | Path | None = DEFAULT_TAXONOMY
) -> pd.DataFrame:
    """Problems with their best theme, score, confidence, evidence and runner-up theme.

    Parameters
    ----------
    problems : Corpus or DataFrame
        {params.corpus}
        The rules scoped to kinds of body read each problem's kind (``problem_unit_kinds``):
        pass the corpus, or a table with ``unit_kind`` or ``association``.
    taxonomy_path : str or Path, optional
        {params.taxonomy_path}

    Returns
    -------
    pd.DataFrame
        A copy of the problems table, same rows and index, with ``unit_kind`` (category) added
        when the table has none, and these columns:

        - ``theme_code`` (category: the scheme's codes, then ``unclassified``)
        - ``theme`` (category: the scheme's names, then ``unclassified``)
        - ``theme_score`` (float64): the winning theme's score; 0.0 when unclassified
        - ``theme_confidence`` (category ``high`` / ``low``): high when the title or group
          heading alone picks the theme (or a decisive rule fired); low when it rests on the
          方面 heading or the rectification text, or they broke a tie; <NA> when unclassified
        - ``theme_evidence`` (string): the rules that fired for it, e.g.
          ``title:三会一课(×9); text:党费(×3)``; empty when unclassified
        - ``runner_up_code``, ``runner_up_theme`` (category, as above): the next-best theme
          with a positive score, <NA> when there is none
        - ``runner_up_score`` (float64): its score, NaN when there is none

    Notes
    -----
    Among the themes with title or group evidence the highest score wins, ties to the theme
    listed first; a decisive rule's theme wins outright. Computed once per problems table,
    kinds of body and scheme (its path and the sha256 of its content, ``analysis.cache``):
    the crosstab, completion by theme and the profiles reuse it.

    Examples
    --------
    >>> classified = classify_problems(load_corpus("data/raw"))
    >>> classified[["title", "theme_confidence", "theme_evidence"]].head(1)
                      title theme_confidence                          theme_evidence
    0  政治站位不高,“第一议题”制度落实不到位             high  title:第一议题(×9); text:第一议题(×3); ...
    """
    kinds = problem_unit_kinds(problems)
    table = table_of(problems, "problems")
    path = taxonomy_path if taxonomy_path is not None else DEFAULT_TAXONOMY
    setting = (file_key(path), _exemplars_key(path), _kinds_key(kinds))
    return memo("classify_problems", table, setting, lambda: _classify(table, kinds, path))


def _classify(problems: pd.DataFrame, kinds: pd.Series, taxonomy_path: str | Path) -> pd.DataFrame:
    taxonomy = _scheme_of(taxonomy_path)
    listed = kinds.astype("object").where(kinds.notna(), None).tolist()
    scores = _score(problems, taxonomy, listed)
    if taxonomy.exemplars and len(problems):
        _add_model(scores, problems, taxonomy, listed)
    chosen = [_choose(scores, i) for i in range(len(problems))]
    out = problems.copy()
    if "unit_kind" not in out:
        out["unit_kind"] = kinds
    return _theme_columns(out, taxonomy, scores, chosen)


def _statements(problems: pd.DataFrame, taxonomy: Taxonomy, kinds: list[str | None]) -> list[str]:
    """What the model reads of each problem: its title, else its group heading.

    The words of the rules scoped to the scheme's ``model_reserved_kinds`` alone (科技工作者,
    科普e站 …) are blanked in other bodies' statements, so that the model cannot place them by
    those words either.
    """
    titles = _field_texts(problems, "title")
    groups = _field_texts(problems, "group")
    masks = {kind: taxonomy.reserved_patterns(kind) for kind in set(kinds)}
    out = []
    for title, group, kind in zip(titles, groups, kinds, strict=True):
        text = title if title.strip() else group
        for pattern in masks[kind]:
            text = pattern.sub(" ", text)
        out.append(text)
    return out


def _add_model(
    scores: _Scores, problems: pd.DataFrame, taxonomy: Taxonomy, kinds: list[str | None]
) -> None:
    """Blend the exemplar model's scores into the rules' (``theme_model``), with its evidence.

    The model's part counts only where a known n-gram of two or more characters pushes the
    theme up (a statement unlike every exemplar gets none), and never for a theme scoped away
    from the body's kind. A theme's score becomes ``title/group rule score / RULE_SCALE + the
    rest of its rule score / (2 × RULE_SCALE) + model_weight × max(0, model score −
    model_floor)``: the model reads the statement, so its part counts as title evidence where
    it would call the theme on its own; the 方面 heading and the text still only confirm. The
    model's evidence (its n-grams and nearest exemplar) joins the rules'.
    """
    model = fit_exemplar_model(taxonomy.exemplars, taxonomy.codes)
    texts = _statements(problems, taxonomy, kinds)
    distinct, inverse = np.unique(np.asarray(texts, dtype=object), return_inverse=True)
    matrix = model.transform(distinct.tolist())[inverse]  # a statement met again: looked up
    raw = model.scores(matrix)
    part = taxonomy.model_weight * np.maximum(0.0, raw - taxonomy.model_floor)
    part[~model.has_evidence(matrix)] = 0.0
    for j, theme in enumerate(taxonomy.themes):
        if theme.unit_kinds is not None or theme.not_unit_kinds:
            part[[not theme.applies_to(k) for k in kinds], j] = 0.0
    scores.model = _ModelReading(part, scores.deciding.copy(), matrix, model, texts, kinds)
    deciding = scores.deciding.sum(axis=0)
    scores.total = deciding / RULE_SCALE + (scores.total - deciding) / (2 * RULE_SCALE) + part
    # the model decides (counts as title evidence) only where it would call the theme on its own
    scores.deciding[0] = scores.deciding[0] / RULE_SCALE + np.where(raw > 0, part, 0.0)
    scores.deciding[1:] /= RULE_SCALE


def _rounded(score: float) -> float:
    """A score to 4 decimals: the model's part varies in the last digits between machines."""
    return round(float(score), 4)


def _theme_columns(
    out: pd.DataFrame, taxonomy: Taxonomy, scores: _Scores, chosen: list
) -> pd.DataFrame:
    codes, names = taxonomy.codes, list(taxonomy.names.values())
    code_dtype = pd.CategoricalDtype([*codes, UNCLASSIFIED])
    name_dtype = pd.CategoricalDtype([*names, UNCLASSIFIED])
    top = [c[0] for c in chosen]
    runner = [c[1] for c in chosen]

    def column(values: list, dtype: object) -> pd.Series:
        return pd.Series(values, index=out.index, dtype=dtype)

    out["theme_code"] = column([UNCLASSIFIED if j is None else codes[j] for j in top], code_dtype)
    out["theme"] = column([UNCLASSIFIED if j is None else names[j] for j in top], name_dtype)
    out["theme_score"] = column(
        [0.0 if j is None else _rounded(scores.total[i, j]) for i, j in enumerate(top)],
        "float64",
    )
    out["theme_confidence"] = column([c[2] for c in chosen], CONFIDENCE_DTYPE)
    evidence = [
        "" if j is None else _evidence_string(scores.evidence[i][j]) for i, j in enumerate(top)
    ]
    for i, said in _model_evidence(scores, top, codes).items():
        evidence[i] = f"{evidence[i]}; {said}" if evidence[i] else said
    out["theme_evidence"] = column(evidence, "string")
    out["runner_up_code"] = column([None if j is None else codes[j] for j in runner], code_dtype)
    out["runner_up_theme"] = column([None if j is None else names[j] for j in runner], name_dtype)
    out["runner_up_score"] = column(
        [np.nan if j is None else _rounded(scores.total[i, j]) for i, j in enumerate(runner)],
        "float64",
    )
    return out


def _with_group(data: Corpus | pd.DataFrame, problems: pd.DataFrame, by: str) -> pd.DataFrame:
    """The problems with a ``by`` column, taken from the notices when problems lack it."""
    if by in problems:
        return problems
    if isinstance(data, Corpus) and by in data.notices:
        notices = data.notices.drop_duplicates("notice_id")[["notice_id", by]]
        return problems.merge(notices, on="notice_id", how="left", validate="many_to_one")
    raise KeyError(f"cannot group by {by!r}: neither a problem nor a notice column")


@fill_params
def category_crosstab(
    corpus_or_problems: Corpus | pd.DataFrame,
    by: str = "association",
    taxonomy_path: str | Path | None = DEFAULT_TAXONOMY,
) -> pd.DataFrame:
    """Theme counts per ``by`` group, long and complete (zeros kept).

    Parameters
    ----------
    corpus_or_problems : Corpus or DataFrame
        {params.corpus}
        Problems already classified (with a ``theme_code`` column) are used as they are.
    by : str, default "association"
        {params.by}
        ``"unit_kind"`` compares kinds of body; with a corpus, any notice column
        (``"level"``, ``"province"``) works too.
    taxonomy_path : str or Path, optional
        {params.taxonomy_path}
        It also gives the theme names, so pass the scheme the problems were classified with.

    Returns
    -------
    pd.DataFrame
        One row per group and theme (``unclassified`` included), groups sorted, themes in the
        scheme's order. Columns:

        - the ``by`` column (string)
        - ``theme_code`` (category)
        - ``theme`` (category): the theme's name
        - ``n`` (Int64): the group's problems in that theme
        - ``share`` (float64): n / the group's problems

        ``theme_stats.crosstab_residuals`` adds the χ² expected counts and residuals.

    Examples
    --------
    >>> sns.barplot(data=category_crosstab(corpus), x="share", y="theme", hue="association")
    """
    problems = table_of(corpus_or_problems, "problems")
    if "theme_code" not in problems:
        problems = classify_problems(corpus_or_problems, taxonomy_path)
    problems = _with_group(corpus_or_problems, problems, by)
    counts = pd.crosstab(problems[by].astype("string"), problems["theme_code"], dropna=False)
    counts = counts.reindex(columns=problems["theme_code"].cat.categories, fill_value=0)
    long = counts.stack().rename("n").reset_index()
    long.columns = [by, "theme_code", "n"]
    totals = long.groupby(by)["n"].transform("sum")
    taxonomy = load_taxonomy(taxonomy_path)
    names = {**taxonomy.names, UNCLASSIFIED: UNCLASSIFIED}
    long[by] = long[by].astype("string")
    long["theme_code"] = long["theme_code"].astype(problems["theme_code"].dtype)
    long["theme"] = pd.Categorical(
        [names.get(c, c) for c in long["theme_code"]],
        categories=list(dict.fromkeys(names.values())),
    )
    long["n"] = long["n"].astype("Int64")
    long["share"] = (long["n"] / totals.where(totals > 0)).astype("float64")
    return long[[by, "theme_code", "theme", "n", "share"]]


@fill_params
def aspect_titles(corpus_or_problems: Corpus | pd.DataFrame) -> pd.DataFrame:
    """Each notice's own 方面 headings side by side, with how many problems each holds.

    Parameters
    ----------
    corpus_or_problems : Corpus or DataFrame
        {params.corpus}

    Returns
    -------
    pd.DataFrame
        One row per notice and 方面 heading (problems under no heading form one row with <NA>),
        sorted by association then aspect_no. Columns:

        - ``association`` (string)
        - ``aspect_no`` (Int64)
        - ``aspect_title`` (string)
        - ``n_problems`` (Int64)
        - ``notice_id`` (string)
    """
    problems = table_of(corpus_or_problems, "problems")
    keys = ["notice_id", "association", "aspect_no", "aspect_title"]
    out = (
        problems.groupby(keys, dropna=False, sort=False, observed=True)
        .size()
        .rename("n_problems")
        .reset_index()
    )
    out = out.sort_values(["association", "aspect_no"], kind="stable").reset_index(drop=True)
    for col in ("notice_id", "association", "aspect_title"):
        out[col] = out[col].astype("string")
    out["aspect_no"] = out["aspect_no"].astype("Int64")
    out["n_problems"] = out["n_problems"].astype("Int64")
    return out[["association", "aspect_no", "aspect_title", "n_problems", "notice_id"]]


@dataclass(frozen=True)
class ThemeAgreement:
    """How the classifier agrees with a hand-labelled sample.

    ``per_theme``: theme_code, theme, n_labelled, n_predicted, n_correct, precision, recall, f1.
    ``disagreements``: notice_id, problem_no, title, label, predicted, runner_up, evidence.
    ``predictions``: every labelled problem, the label file's columns with ``label``,
    ``predicted``, ``confidence``, ``correct`` (for ``agreement_by``).
    """

    accuracy: float
    n: int
    per_theme: pd.DataFrame
    disagreements: pd.DataFrame
    predictions: pd.DataFrame | None = None


def read_labels(labelled_csv: str | Path | pd.DataFrame) -> pd.DataFrame:
    """Read a hand-labelled sample of problems and their themes.

    Parameters
    ----------
    labelled_csv : str, Path or DataFrame
        A CSV file with a header row: notice_id (or stem, the file's name without suffix),
        problem_no, theme_code and any other columns (title_snippet, reason, unit_kind …), as
        ``tests/data/labelled_themes.csv``; or such a table already read.

    Returns
    -------
    pd.DataFrame
        One row per labelled problem, in file order, with the file's columns (``stem`` renamed
        ``notice_id``); ``notice_id`` and ``theme_code`` are string, ``problem_no`` Int64, the
        others as pandas reads them.
    """
    if isinstance(labelled_csv, pd.DataFrame):
        labels = labelled_csv.copy()
    else:
        labels = pd.read_csv(labelled_csv, dtype={"theme_code": "string"})
    if "notice_id" not in labels and "stem" in labels:
        labels = labels.rename(columns={"stem": "notice_id"})
    labels["notice_id"] = labels["notice_id"].astype("string")
    labels["theme_code"] = labels["theme_code"].astype("string")
    labels["problem_no"] = labels["problem_no"].astype("Int64")
    return labels


def _per_theme(label: pd.Series, pred: pd.Series, names: dict[str, str]) -> pd.DataFrame:
    correct = label == pred
    rows = []
    for code in sorted(set(label.dropna()) | set(pred.dropna())):
        n_lab, n_pred = int((label == code).sum()), int((pred == code).sum())
        n_ok = int(((label == code) & correct).sum())
        precision = n_ok / n_pred if n_pred else np.nan
        recall = n_ok / n_lab if n_lab else np.nan
        f1 = 2 * precision * recall / (precision + recall) if n_ok else 0.0
        rows.append((code, names.get(code, code), n_lab, n_pred, n_ok, precision, recall, f1))
    columns = ["theme_code", "theme", "n_labelled", "n_predicted", "n_correct"]
    per_theme = pd.DataFrame(rows, columns=[*columns, "precision", "recall", "f1"])
    for col in ("n_labelled", "n_predicted", "n_correct"):
        per_theme[col] = per_theme[col].astype("Int64")
    return per_theme.astype({"theme_code": "category", "theme": "category"})


def _disagreements(merged: pd.DataFrame) -> pd.DataFrame:
    wrong = merged.loc[~merged["correct"]]
    return pd.DataFrame(
        {
            "notice_id": wrong["notice_id"].astype("string"),
            "problem_no": wrong["problem_no"].astype("Int64"),
            "title": wrong["predicted_title"].astype("string"),
            "label": wrong["label"].astype("string"),
            "predicted": wrong["predicted"].astype("string"),
            "runner_up": wrong["runner_up_code"].astype("string"),
            "evidence": wrong["theme_evidence"].astype("string"),
        }
    ).reset_index(drop=True)


@fill_params
def theme_agreement(
    labelled_csv: str | Path | pd.DataFrame,
    corpus: Corpus,
    taxonomy_path: str | Path | None = DEFAULT_TAXONOMY,
) -> ThemeAgreement:
    """Accuracy and per-theme precision/recall of ``classify_problems`` against hand labels.

    Parameters
    ----------
    labelled_csv : str, Path or DataFrame
        The hand-labelled sample (see :func:`read_labels`).
    corpus : Corpus
        The parsed corpus the labels refer to (by notice_id and problem_no).
    taxonomy_path : str or Path, optional
        {params.taxonomy_path}

    Returns
    -------
    ThemeAgreement
        - ``accuracy`` (float): share of labelled problems given their label (a labelled problem
          the corpus lacks counts as wrong); NaN without labels
        - ``n`` (int): labelled problems
        - ``per_theme`` (DataFrame), one row per theme labelled or predicted, by code:
          ``theme_code``, ``theme`` (category), ``n_labelled``, ``n_predicted``, ``n_correct``
          (Int64), ``precision``, ``recall`` (float64, NaN when undefined), ``f1`` (float64)
        - ``disagreements`` (DataFrame), one row per wrong prediction: ``notice_id``,
          ``problem_no`` (Int64), ``title``, ``label``, ``predicted``, ``runner_up``,
          ``evidence`` (string)
        - ``predictions`` (DataFrame), one row per labelled problem: the label file's columns,
          ``label``, ``predicted`` (string), ``confidence`` (category), ``correct`` (bool)

    Examples
    --------
    >>> agreement = theme_agreement("tests/data/labelled_themes.csv", load_corpus("data/raw"))
    >>> agreement.accuracy, agreement.n
    (0.975, 80)
    """
    labels = read_labels(labelled_csv)
    predicted = classify_problems(corpus, taxonomy_path)
    keep = ["title", "theme_code", "theme_confidence", "runner_up_code", "theme_evidence"]
    predicted = predicted[["notice_id", "problem_no", *keep]].rename(
        columns={
            "title": "predicted_title",
            "theme_code": "predicted",
            "theme_confidence": "confidence",
        }
    )
    merged = labels.rename(columns={"theme_code": "label"}).merge(
        predicted.assign(notice_id=predicted["notice_id"].astype("string")),
        on=["notice_id", "problem_no"],
        how="left",
    )
    merged["predicted"] = merged["predicted"].astype("string")
    merged["correct"] = (merged["label"] == merged["predicted"].fillna("missing")).fillna(False)
    merged["correct"] = merged["correct"].astype(bool)
    names = {**load_taxonomy(taxonomy_path).names, UNCLASSIFIED: UNCLASSIFIED}
    per_theme = _per_theme(merged["label"], merged["predicted"].fillna("missing"), names)
    n = len(merged)
    accuracy = float(merged["correct"].mean()) if n else np.nan
    predictions = merged.drop(columns=["predicted_title", "runner_up_code", "theme_evidence"])
    return ThemeAgreement(accuracy, n, per_theme, _disagreements(merged), predictions)


def agreement_by(agreement: ThemeAgreement, by: str | list[str]) -> pd.DataFrame:
    """Agreement with the hand labels per group of labelled problems.

    Parameters
    ----------
    agreement : ThemeAgreement
        The result of :func:`theme_agreement`.
    by : str or list of str
        Columns of ``agreement.predictions`` to group by: a column of the label file
        (``split``, ``unit_kind``) or ``confidence``.

    Returns
    -------
    pd.DataFrame
        One row per group, sorted: the ``by`` columns, ``n`` and ``n_correct`` (Int64),
        ``accuracy`` (float64).
    """
    keys = [by] if isinstance(by, str) else list(by)
    grouped = agreement.predictions.groupby(keys, dropna=False, observed=True)["correct"]
    out = grouped.agg(n="size", n_correct="sum").reset_index()
    out["n"] = out["n"].astype("Int64")
    out["n_correct"] = out["n_correct"].astype("Int64")
    out["accuracy"] = (out["n_correct"] / out["n"]).astype("float64")
    return out
