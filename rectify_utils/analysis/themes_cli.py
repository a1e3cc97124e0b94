"""``rectify themes check SCHEME.yml``: validate a coding scheme and show what it does on a corpus.

Prints whether the scheme is valid (or the error naming the theme and the rule), then, on the
notices of ``--data`` (default ``data/raw``): the bodies it read, and for each theme its rules,
how many problems it took (high / low confidence) and three examples with the evidence; the
unclassified problems with three examples; the rules that fired on no problem; and the rules of
one theme that match the same words of a problem (so that those words count twice).
Exit code 1 when the scheme is invalid or the data cannot be read, else 0.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..config import RAW_DIR
from ..errors import RectifyError, TaxonomyError
from ..parse.corpus import Corpus, load_corpus
from .theme_model import cross_validated_agreement, read_exemplars
from .theme_rules import FIELD_COLUMNS, UNCLASSIFIED, Taxonomy, load_taxonomy
from .themes import classify_problems, problem_unit_kinds

N_EXAMPLES = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``themes`` sub-command's arguments: ``check SCHEME.yml [--data PATH …]``.

    Parameters
    ----------
    parser : argparse.ArgumentParser
        The ``themes`` sub-parser of ``rectify``.

    Returns
    -------
    None
    """
    actions = parser.add_subparsers(dest="action", required=True)
    check = actions.add_parser("check", help="validate a coding scheme and try it on notices")
    check.add_argument("scheme", type=Path, help="the coding scheme, a YAML file")
    check.add_argument(
        "--data",
        nargs="+",
        type=Path,
        default=[RAW_DIR],
        help="notice files or folders to try the scheme on (default: data/raw)",
    )
    check.add_argument(
        "--examples", type=int, default=N_EXAMPLES, help="examples per theme (default: 3)"
    )


def _scheme_lines(taxonomy: Taxonomy) -> list[str]:
    weights = ", ".join(f"{f} {w:g}" for f, w in taxonomy.field_weights.items())
    n_rules = sum(len(t.rules) for t in taxonomy.themes)
    scoped = sum(1 for t in taxonomy.themes for r in t.rules if r.unit_kinds or r.not_unit_kinds)
    return [
        f"{taxonomy.path.name}: valid — {len(taxonomy.themes)} themes, {n_rules} rules "
        f"({scoped} scoped to kinds of body)",
        f"  field weights: {weights}; text cap {taxonomy.text_cap:g}; "
        f"deciding fields: {', '.join(taxonomy.deciding_fields)}",
        *_exemplar_lines(taxonomy),
    ]


def _exemplar_lines(taxonomy: Taxonomy) -> list[str]:
    """The scheme's exemplars: how many, from which files, and how consistent they are."""
    if not taxonomy.exemplars:
        return ["  exemplars: none (the rules alone classify)"]
    exemplars = read_exemplars(taxonomy.exemplars, taxonomy.codes)
    counts = exemplars["theme_code"].value_counts()
    missing = [c for c in taxonomy.codes if c not in counts]
    agreement = (
        cross_validated_agreement(exemplars)
        if exemplars["theme_code"].nunique() > 1
        else float("nan")
    )
    lines = [
        f"  exemplars: {len(exemplars)} labelled statements in "
        f"{exemplars['file'].nunique()} file(s); {counts.min()}–{counts.max()} per theme; "
        f"model weight {taxonomy.model_weight:g}, floor {taxonomy.model_floor:g}",
        f"  the model alone gives {agreement:.0%} of the exemplars their own label when they "
        "are held out (5-fold cross-validation)",
    ]
    if missing:
        lines.append(
            f"  themes without exemplars (the rules alone find them): {', '.join(missing)}"
        )
    return lines


def _corpus_lines(corpus: Corpus, paths: Iterable[Path]) -> list[str]:
    kinds = problem_unit_kinds(corpus).astype("string").fillna("unknown").value_counts()
    listed = ", ".join(f"{k} {n}" for k, n in kinds.items())
    where = " ".join(str(p) for p in paths)
    return [
        "",
        f"{where}: {len(corpus.notices)} notices, {len(corpus.problems)} problems ({listed})",
    ]


def _example(row: pd.Series) -> str:
    title = str(row["title"])[:40]
    evidence = str(row.get("theme_evidence") or "")[:70]
    return f"      {row['association']} #{row['problem_no']} {title}" + (
        f"  [{evidence}]" if evidence else ""
    )


def _theme_lines(taxonomy: Taxonomy, classified: pd.DataFrame, n_examples: int) -> list[str]:
    lines = ["", "theme                                rules   problems  high  low"]
    codes = classified["theme_code"].astype("string")
    confidence = classified["theme_confidence"].astype("string")
    for theme in taxonomy.themes:
        mine = classified[codes == theme.code]
        high = int((confidence[codes == theme.code] == "high").sum())
        label = f"{theme.code} {theme.name}"
        lines.append(
            f"{label:<36} {len(theme.rules):>5} {len(mine):>10} {high:>5} {len(mine) - high:>4}"
        )
        lines += [_example(row) for _, row in mine.head(n_examples).iterrows()]
    left = classified[codes == UNCLASSIFIED]
    lines.append(f"{UNCLASSIFIED:<36} {'':>5} {len(left):>10}")
    lines += [_example(row) for _, row in left.head(n_examples).iterrows()]
    return lines


def _fired(taxonomy: Taxonomy, problems: pd.DataFrame, kinds: list) -> dict[tuple[int, int], list]:
    """(theme, rule) index → the (problem, field, matched text) where it fires."""
    fired: dict[tuple[int, int], list] = {}
    texts = {
        f: problems[c].astype("string").fillna("").tolist() if c in problems else []
        for f, c in FIELD_COLUMNS.items()
    }
    for t, theme in enumerate(taxonomy.themes):
        for r, rule in enumerate(theme.rules):
            hits = fired.setdefault((t, r), [])
            for field in rule.fields:
                for i, value in enumerate(texts[field]):
                    if rule.applies_to(kinds[i]) and (hit := rule.first_match(value)):
                        hits.append((i, field, hit))
    return fired


def _rule_lines(taxonomy: Taxonomy, problems: pd.DataFrame) -> list[str]:
    kinds = problem_unit_kinds(problems)
    fired = _fired(taxonomy, problems, kinds.astype("object").where(kinds.notna(), None).tolist())
    dead = [
        f"  {taxonomy.themes[t].code} rule {r + 1}: {taxonomy.themes[t].rules[r].source}"
        for (t, r), hits in fired.items()
        if not hits
    ]
    lines = ["", f"rules that fire on no problem here: {len(dead)}", *dead]
    twice = _same_words(taxonomy, fired)
    lines += ["", f"words matched by two rules of one theme (counted twice): {len(twice)}", *twice]
    return lines


def _same_words(taxonomy: Taxonomy, fired: dict[tuple[int, int], list]) -> list[str]:
    """Rules of one theme that match the very same words of a problem's field.

    A base word and a longer phrase (科普, 科普宣传) stacking is the scheme's design; the same
    words matched by two rules usually mean a term listed twice.
    """
    out: dict[str, int] = {}
    for (t, r), hits in fired.items():
        seen = set(hits)
        for (t2, r2), hits2 in fired.items():
            if t2 == t and r2 > r:
                for *_, hit in seen & set(hits2):
                    key = f"  {taxonomy.themes[t].code} rules {r + 1} and {r2 + 1}: {hit}"
                    out[key] = out.get(key, 0) + 1
    return [f"{k} ({n} problem(s))" for k, n in sorted(out.items())]


def check_scheme(scheme: Path, data: list[Path], n_examples: int = N_EXAMPLES) -> str:
    """The report ``rectify themes check`` prints for a scheme tried on some notices.

    Parameters
    ----------
    scheme : Path
        The coding scheme (YAML).
    data : list of Path
        Notice files or folders to classify with it.
    n_examples : int, default 3
        Examples shown per theme.

    Returns
    -------
    str
        The lines described in the module docstring, joined.

    Raises
    ------
    TaxonomyError
        If the scheme is not valid.
    """
    taxonomy = load_taxonomy(scheme)
    corpus = load_corpus(data[0] if len(data) == 1 else data)
    classified = classify_problems(corpus, scheme)
    lines = _scheme_lines(taxonomy) + _corpus_lines(corpus, data)
    lines += _theme_lines(taxonomy, classified, n_examples)
    lines += _rule_lines(taxonomy, classified)
    return "\n".join(lines)


def run_cli(args: argparse.Namespace) -> int:
    """Run ``rectify themes check``.

    Parameters
    ----------
    args : argparse.Namespace
        ``scheme``, ``data`` and ``examples`` as parsed by :func:`add_arguments`.

    Returns
    -------
    int
        0 when the scheme is valid, 1 when it is not (the error on stderr) or the data
        cannot be read.
    """
    try:
        print(check_scheme(args.scheme, args.data, args.examples))
    except TaxonomyError as exc:
        print(f"invalid coding scheme: {exc}", file=sys.stderr)
        return 1
    except (RectifyError, OSError) as exc:
        print(f"cannot try the scheme: {exc}", file=sys.stderr)
        return 1
    return 0
