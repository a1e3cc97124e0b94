"""Issue themes: classify problems with an editable, weighted coding scheme (``taxonomy.yml``).

In the spirit of KH Coder's coding rules: each theme has weighted term/regex rules; a rule that
fires in a field adds ``rule weight × field weight`` to the theme's score (title counts more than
the headings, the headings more than the rectification text, and the text's share is capped).
The best-scoring theme wins; a *decisive* rule (an earlier inspection round named in a heading)
wins outright; a problem on which no rule fires stays ``unclassified``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from ..config import TAXONOMY_PATH
from ..errors import TaxonomyError
from ..parse.corpus import Corpus, table_of
from ._docstrings import fill_params
from .cache import file_key, memo

DEFAULT_TAXONOMY = TAXONOMY_PATH
UNCLASSIFIED = "unclassified"

#: rule field -> column of ``corpus.problems`` it reads
FIELD_COLUMNS: dict[str, str] = {
    "title": "title",
    "group": "group_title",
    "aspect": "aspect_title",
    "text": "text",
}
DEFAULT_FIELD_WEIGHTS: dict[str, float] = {"title": 3.0, "group": 2.0, "aspect": 2.0, "text": 1.0}
DEFAULT_TEXT_CAP = 4.0
_RULE_KEYS = {"term", "regex", "weight", "all_of", "none_of", "fields", "decisive"}
_THEME_KEYS = {"code", "name", "definition", "rules"}


@dataclass(frozen=True)
class Rule:
    """One coding rule: a literal term or a regex, with its weight and conditions."""

    pattern: re.Pattern[str]
    source: str  # as written in the YAML, e.g. "term:三会一课"
    weight: float
    all_of: tuple[str, ...] = ()
    none_of: tuple[str, ...] = ()
    fields: tuple[str, ...] = tuple(FIELD_COLUMNS)
    decisive: bool = False

    def first_match(self, text: str) -> str | None:
        """The matched text if the rule fires on ``text``, else None.

        Parameters
        ----------
        text : str
            One field of one problem.

        Returns
        -------
        str or None
            The first match of the pattern, when every ``all_of`` term and no ``none_of`` term
            is in ``text``; else None.
        """
        if not text or any(t not in text for t in self.all_of):
            return None
        if any(t in text for t in self.none_of):
            return None
        m = self.pattern.search(text)
        return m.group(0) if m else None


@dataclass(frozen=True)
class Theme:
    """A theme (code) of the scheme."""

    code: str
    name: str
    definition: str
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Taxonomy:
    """A validated coding scheme."""

    themes: tuple[Theme, ...]
    field_weights: dict[str, float]
    text_cap: float
    path: Path

    @property
    def codes(self) -> list[str]:
        return [t.code for t in self.themes]

    @property
    def names(self) -> dict[str, str]:
        return {t.code: t.name for t in self.themes}


def _fail(path: Path, where: str, message: str) -> TaxonomyError:
    return TaxonomyError(f"{path.name}: {where}: {message}")


def _number(value: Any, path: Path, where: str, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise _fail(path, where, f"{what} must be a positive number, got {value!r}")
    return float(value)


def _terms(value: Any, path: Path, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(path, where, f"`{key}` must be a list of non-empty terms, got {value!r}")
    return tuple(value)


def _parse_rule(raw: Any, path: Path, where: str) -> Rule:
    if not isinstance(raw, dict):
        raise _fail(path, where, f"a rule must be a mapping with `term:` or `regex:`, got {raw!r}")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise _fail(path, where, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(_RULE_KEYS)}")
    if ("term" in raw) == ("regex" in raw):
        raise _fail(path, where, "a rule needs exactly one of `term:` or `regex:`")
    kind = "term" if "term" in raw else "regex"
    value = raw[kind]
    if not isinstance(value, str) or not value:
        raise _fail(path, where, f"`{kind}` must be a non-empty string, got {value!r}")
    try:
        pattern = re.compile(re.escape(value) if kind == "term" else value)
    except re.error as exc:
        raise _fail(path, where, f"regex {value!r} does not compile: {exc}") from None
    if "weight" not in raw:
        raise _fail(path, where, f"rule {kind}:{value} has no `weight`")
    fields = _terms(raw.get("fields"), path, where, "fields") or tuple(FIELD_COLUMNS)
    bad = [f for f in fields if f not in FIELD_COLUMNS]
    if bad:
        raise _fail(path, where, f"unknown field(s) {bad}; allowed: {list(FIELD_COLUMNS)}")
    decisive = raw.get("decisive", False)
    if not isinstance(decisive, bool):
        raise _fail(path, where, f"`decisive` must be true or false, got {decisive!r}")
    return Rule(
        pattern=pattern,
        source=f"{kind}:{value}",
        weight=_number(raw["weight"], path, where, "weight"),
        all_of=_terms(raw.get("all_of"), path, where, "all_of"),
        none_of=_terms(raw.get("none_of"), path, where, "none_of"),
        fields=fields,
        decisive=decisive,
    )


def _parse_theme(raw: Any, index: int, path: Path) -> Theme:
    where = f"theme #{index + 1}"
    if not isinstance(raw, dict):
        raise _fail(path, where, f"a theme must be a mapping, got {raw!r}")
    for key in ("code", "name", "definition"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise _fail(path, where, f"`{key}` is missing or empty")
    where = f"theme {raw['code']} ({raw['name']})"
    unknown = set(raw) - _THEME_KEYS
    if unknown:
        raise _fail(
            path, where, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(_THEME_KEYS)}"
        )
    if raw["code"] == UNCLASSIFIED:
        raise _fail(path, where, f"`{UNCLASSIFIED}` is reserved for problems no rule matches")
    rules = raw.get("rules")
    if not isinstance(rules, list) or not rules:
        raise _fail(path, where, "`rules` must be a non-empty list")
    parsed = tuple(_parse_rule(r, path, f"{where}, rule {i + 1}") for i, r in enumerate(rules))
    return Theme(raw["code"], raw["name"], raw["definition"].strip(), parsed)


def load_taxonomy(path: str | Path | None = DEFAULT_TAXONOMY) -> Taxonomy:
    """Read and validate a coding scheme (taxonomy YAML).

    Parameters
    ----------
    path : str or Path, optional
        The YAML file: a non-empty ``themes:`` list (each with ``code``, ``name``,
        ``definition`` and weighted ``rules``), optional ``field_weights`` and ``text_cap``;
        None: the packaged ``resources/taxonomy.yml``.

    Returns
    -------
    Taxonomy
        The themes in file order with their compiled rules, the field weights (defaults for
        the fields the file does not weigh) and the text cap.

    Raises
    ------
    TaxonomyError
        If the file is not valid YAML or breaks the scheme's rules; the message names the file,
        the theme and the rule.
    """
    path = Path(path) if path is not None else DEFAULT_TAXONOMY
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{path.name}: not valid YAML: {exc}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("themes"), list) or not raw["themes"]:
        raise TaxonomyError(f"{path.name}: expected a mapping with a non-empty `themes:` list")
    weights = dict(DEFAULT_FIELD_WEIGHTS)
    for field, value in (raw.get("field_weights") or {}).items():
        if field not in FIELD_COLUMNS:
            raise _fail(
                path, "field_weights", f"unknown field {field!r}; allowed: {list(FIELD_COLUMNS)}"
            )
        weights[field] = _number(value, path, "field_weights", field)
    text_cap = _number(raw.get("text_cap", DEFAULT_TEXT_CAP), path, "text_cap", "text_cap")
    themes = tuple(_parse_theme(t, i, path) for i, t in enumerate(raw["themes"]))
    seen: set[str] = set()
    for theme in themes:
        if theme.code in seen:
            raise _fail(path, f"theme {theme.code} ({theme.name})", "duplicate theme code")
        seen.add(theme.code)
    return Taxonomy(themes, weights, text_cap, path)


def _field_texts(problems: pd.DataFrame, field: str) -> list[str]:
    column = FIELD_COLUMNS[field]
    if column not in problems:
        return [""] * len(problems)
    return problems[column].astype("string").fillna("").tolist()


def _any_of(rules: list[Rule]) -> re.Pattern[str] | None:
    """One pattern matching wherever any of ``rules`` could fire (a quick screen), if it compiles."""
    try:
        return re.compile("|".join(f"(?:{r.pattern.pattern})" for r in rules))
    except re.error:  # e.g. the same group name in two rules
        return None


def _score(problems: pd.DataFrame, taxonomy: Taxonomy) -> tuple[np.ndarray, np.ndarray, list]:
    """Scores (problems × themes), decisive flags and per-cell evidence lists."""
    n, k = len(problems), len(taxonomy.themes)
    scores = np.zeros((n, k))
    decisive = np.zeros((n, k), dtype=bool)
    evidence: list[list[list[tuple[str, str, float]]]] = [[[] for _ in range(k)] for _ in range(n)]
    texts = {field: _field_texts(problems, field) for field in FIELD_COLUMNS}
    for j, theme in enumerate(taxonomy.themes):
        for field, values in texts.items():
            fw = taxonomy.field_weights[field]
            rules = [r for r in theme.rules if field in r.fields]
            if not rules:
                continue
            screen = _any_of(rules)
            for i, value in enumerate(values):
                if not value or (screen is not None and not screen.search(value)):
                    continue
                part = 0.0
                for rule in rules:
                    hit = rule.first_match(value)
                    if hit is None:
                        continue
                    part += rule.weight * fw
                    decisive[i, j] |= rule.decisive
                    evidence[i][j].append((field, hit, rule.weight * fw))
                if field == "text":
                    part = min(part, taxonomy.text_cap)
                scores[i, j] += part
    return scores, decisive, evidence


def _evidence_string(items: Iterable[tuple[str, str, float]]) -> str:
    return "; ".join(f"{field}:{hit}(×{w:g})" for field, hit, w in items)


@fill_params
def classify_problems(
    problems: Corpus | pd.DataFrame, taxonomy_path: str | Path | None = DEFAULT_TAXONOMY
) -> pd.DataFrame:
    """Problems with their best theme, score, evidence and runner-up theme.

    Parameters
    ----------
    problems : Corpus or DataFrame
        {params.corpus}
    taxonomy_path : str or Path, optional
        {params.taxonomy_path}

    Returns
    -------
    pd.DataFrame
        A copy of the problems table, same rows and index, with these columns added:

        - ``theme_code`` (category: the scheme's codes, then ``unclassified``)
        - ``theme`` (category: the scheme's names, then ``unclassified``)
        - ``theme_score`` (float64): the winning theme's score; 0.0 when unclassified
        - ``theme_evidence`` (string): the rules that fired for it, e.g.
          ``title:三会一课(×9); text:党费(×3)``; empty when unclassified
        - ``runner_up_code``, ``runner_up_theme`` (category, as above): the next-best theme
          with a positive score, <NA> when there is none
        - ``runner_up_score`` (float64): its score, NaN when there is none

    Notes
    -----
    Ties go to the theme listed first in the scheme; a decisive rule's theme wins outright.
    Computed once per problems table and scheme (its path and the sha256 of its content,
    ``analysis.cache``): the crosstab, completion by theme and the profiles reuse it.

    Examples
    --------
    >>> classified = classify_problems(load_corpus("data/raw"))
    >>> classified[["title", "theme_evidence"]].head(1)
                      title                                     theme_evidence
    0  政治站位不高,“第一议题”制度落实不到位  title:第一议题(×9); text:第一议题(×3); text:理论学习中心组(×3...
    """
    problems = table_of(problems, "problems")
    setting = file_key(taxonomy_path if taxonomy_path is not None else DEFAULT_TAXONOMY)
    return memo("classify_problems", problems, setting, lambda: _classify(problems, taxonomy_path))


def _classify(problems: pd.DataFrame, taxonomy_path: str | Path | None) -> pd.DataFrame:
    taxonomy = load_taxonomy(taxonomy_path)
    scores, decisive, evidence = _score(problems, taxonomy)
    codes, names = taxonomy.codes, taxonomy.names
    order = np.argsort(-scores, axis=1, kind="stable")  # best first, ties in taxonomy order
    best_code, best_score, best_ev, runner_code, runner_score = [], [], [], [], []
    for i in range(len(problems)):
        ranked = [j for j in order[i] if scores[i, j] > 0]
        forced = [j for j in ranked if decisive[i, j]]
        if forced:
            ranked = [forced[0]] + [j for j in ranked if j != forced[0]]
        if not ranked:
            best_code.append(UNCLASSIFIED)
            best_score.append(0.0)
            best_ev.append("")
        else:
            top = ranked[0]
            best_code.append(codes[top])
            best_score.append(float(scores[i, top]))
            best_ev.append(_evidence_string(evidence[i][top]))
        runner_code.append(codes[ranked[1]] if len(ranked) > 1 else None)
        runner_score.append(float(scores[i, ranked[1]]) if len(ranked) > 1 else np.nan)
    code_dtype = pd.CategoricalDtype([*codes, UNCLASSIFIED])
    name_dtype = pd.CategoricalDtype([*names.values(), UNCLASSIFIED])
    out = problems.copy()
    out["theme_code"] = pd.Series(best_code, index=out.index, dtype=code_dtype)
    out["theme"] = pd.Series(
        [names.get(c, UNCLASSIFIED) for c in best_code], index=out.index, dtype=name_dtype
    )
    out["theme_score"] = pd.Series(best_score, index=out.index, dtype="float64")
    out["theme_evidence"] = pd.Series(best_ev, index=out.index, dtype="string")
    out["runner_up_code"] = pd.Series(runner_code, index=out.index, dtype=code_dtype)
    out["runner_up_theme"] = pd.Series(
        [names.get(c) if c else None for c in runner_code], index=out.index, dtype=name_dtype
    )
    out["runner_up_score"] = pd.Series(runner_score, index=out.index, dtype="float64")
    return out


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

    Examples
    --------
    >>> sns.barplot(data=category_crosstab(corpus), x="share", y="theme", hue="association")
    """
    problems = table_of(corpus_or_problems, "problems")
    if "theme_code" not in problems:
        problems = classify_problems(problems, taxonomy_path)
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
    """

    accuracy: float
    n: int
    per_theme: pd.DataFrame
    disagreements: pd.DataFrame


def read_labels(labelled_csv: str | Path) -> pd.DataFrame:
    """Read a hand-labelled sample of problems and their themes.

    Parameters
    ----------
    labelled_csv : str or Path
        A CSV file with a header row: notice_id, problem_no, title_snippet, theme_code, reason
        (as ``tests/data/labelled_themes.csv``).

    Returns
    -------
    pd.DataFrame
        One row per labelled problem, in file order, with the file's columns; ``notice_id`` and
        ``theme_code`` are string, ``problem_no`` Int64, the others as pandas reads them.
    """
    labels = pd.read_csv(labelled_csv, dtype={"notice_id": "string", "theme_code": "string"})
    labels["problem_no"] = labels["problem_no"].astype("Int64")
    return labels


@fill_params
def theme_agreement(
    labelled_csv: str | Path, corpus: Corpus, taxonomy_path: str | Path | None = DEFAULT_TAXONOMY
) -> ThemeAgreement:
    """Accuracy and per-theme precision/recall of ``classify_problems`` against hand labels.

    Parameters
    ----------
    labelled_csv : str or Path
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

    Examples
    --------
    >>> agreement = theme_agreement("tests/data/labelled_themes.csv", load_corpus("data/raw"))
    >>> agreement.accuracy, agreement.n
    (0.9625, 80)
    """
    labels = read_labels(labelled_csv)
    predicted = classify_problems(corpus, taxonomy_path)
    predicted = predicted.assign(notice_id=predicted["notice_id"].astype("string"))
    merged = labels.merge(
        predicted[
            ["notice_id", "problem_no", "title", "theme_code", "runner_up_code", "theme_evidence"]
        ],
        on=["notice_id", "problem_no"],
        how="left",
        suffixes=("_label", "_predicted"),
    )
    label = merged["theme_code_label"].astype("string")
    pred = merged["theme_code_predicted"].astype("string").fillna("missing")
    correct = label == pred
    names = {**load_taxonomy(taxonomy_path).names, UNCLASSIFIED: UNCLASSIFIED}
    rows = []
    for code in sorted(set(label.dropna()) | set(pred.dropna())):
        n_lab = int((label == code).sum())
        n_pred = int((pred == code).sum())
        n_ok = int(((label == code) & correct).sum())
        precision = n_ok / n_pred if n_pred else np.nan
        recall = n_ok / n_lab if n_lab else np.nan
        f1 = 2 * precision * recall / (precision + recall) if n_ok else 0.0
        rows.append((code, names.get(code, code), n_lab, n_pred, n_ok, precision, recall, f1))
    per_theme = pd.DataFrame(
        rows,
        columns=[
            "theme_code",
            "theme",
            "n_labelled",
            "n_predicted",
            "n_correct",
            "precision",
            "recall",
            "f1",
        ],
    )
    for col in ("n_labelled", "n_predicted", "n_correct"):
        per_theme[col] = per_theme[col].astype("Int64")
    per_theme["theme_code"] = per_theme["theme_code"].astype("category")
    per_theme["theme"] = per_theme["theme"].astype("category")
    wrong = merged.loc[~correct.fillna(False).astype(bool)]
    disagreements = pd.DataFrame(
        {
            "notice_id": wrong["notice_id"].astype("string"),
            "problem_no": wrong["problem_no"].astype("Int64"),
            "title": wrong["title"].astype("string"),
            "label": wrong["theme_code_label"].astype("string"),
            "predicted": wrong["theme_code_predicted"].astype("string"),
            "runner_up": wrong["runner_up_code"].astype("string"),
            "evidence": wrong["theme_evidence"].astype("string"),
        }
    ).reset_index(drop=True)
    n = len(merged)
    return ThemeAgreement(float(correct.mean()) if n else np.nan, n, per_theme, disagreements)
