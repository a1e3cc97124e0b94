"""The scheme's second reader: a linear model learnt from labelled problem statements (exemplars).

The rules of a scheme (``theme_rules``) name the words that make a theme; they miss what nobody
wrote a rule for, and a generic word can pull a problem into the wrong theme. A scheme may list
**exemplars** too: CSV files of problem statements labelled by hand with the scheme's codes
(``unit_kind,theme_code,title[,reason]``; ``resources/theme_exemplars/`` for the packaged
scheme). From them a linear support-vector classifier on the statement's character 1–3-grams
(TF-IDF, scikit-learn) learns which pieces of a statement go with which theme. ``themes``
combines its scores with the rules' (``Taxonomy.exemplar_weight``).

Each prediction carries its evidence: the character n-grams of the statement that pushed the
theme up most, and the most similar exemplar of that theme, e.g.
``model:资助+认定; like:家庭困难学生资助对象认定不精准``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import TaxonomyError

#: the columns an exemplar file must have (``reason`` and others are allowed and ignored)
EXEMPLAR_COLUMNS = ("unit_kind", "theme_code", "title")
#: character n-grams the model reads
NGRAM_RANGE = (1, 3)
#: the classifier's regularisation (scikit-learn's C of LinearSVC)
SVC_C = 1.0
#: n-grams named as a prediction's evidence
N_EVIDENCE = 3


def exemplar_files(paths: Sequence[Path]) -> list[Path]:
    """The CSV files behind a scheme's ``exemplars`` entries (a folder stands for its ``*.csv``).

    Parameters
    ----------
    paths : sequence of Path
        Files or folders, as the scheme names them (resolved against its folder).

    Returns
    -------
    list of Path
        The files, in the given order, each folder's sorted by name.
    """
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.csv")) if path.is_dir() else [path])
    return files


def read_exemplars(paths: Sequence[Path], codes: Sequence[str]) -> pd.DataFrame:
    """The labelled statements of a scheme's exemplar files, checked against its codes.

    Parameters
    ----------
    paths : sequence of Path
        Exemplar CSV files or folders of them.
    codes : sequence of str
        The scheme's theme codes. Rows labelled ``UNCLASSIFIED`` (any case) are left out.

    Returns
    -------
    pd.DataFrame
        ``file``, ``unit_kind``, ``theme_code``, ``title`` (string), one row per statement.

    Raises
    ------
    TaxonomyError
        If a file cannot be read, lacks a column, names a code the scheme does not have or
        holds no statement; the message names the file (and the row).
    """
    frames = [_read_one(path, set(codes)) for path in exemplar_files(paths)]
    if not frames:
        raise TaxonomyError(f"exemplars: no CSV file in {', '.join(map(str, paths))}")
    return pd.concat(frames, ignore_index=True)


def _read_one(path: Path, codes: set[str]) -> pd.DataFrame:
    try:
        raw = pd.read_csv(path, dtype="string", keep_default_na=False)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise TaxonomyError(f"{path.name}: exemplars cannot be read: {exc}") from None
    missing = [c for c in EXEMPLAR_COLUMNS if c not in raw]
    if missing:
        raise TaxonomyError(f"{path.name}: exemplar file lacks column(s) {missing}")
    raw = raw[raw["theme_code"].str.upper() != "UNCLASSIFIED"]
    unknown = raw.loc[~raw["theme_code"].isin(codes), "theme_code"]
    if len(unknown):
        row = int(unknown.index[0]) + 2  # the header is line 1
        raise TaxonomyError(
            f"{path.name}: line {row}: theme code {unknown.iloc[0]!r} is not in the scheme"
        )
    raw = raw[raw["title"].str.strip() != ""]
    if raw.empty:
        raise TaxonomyError(f"{path.name}: no labelled statement")
    out = raw[list(EXEMPLAR_COLUMNS)].reset_index(drop=True)
    return out.assign(file=path.name)[["file", *EXEMPLAR_COLUMNS]]


@dataclass(frozen=True)
class ExemplarModel:
    """A fitted model: the vectoriser, the classifier and the exemplars it learnt from."""

    codes: tuple[str, ...]  # the scheme's codes, the column order of ``scores``
    vectorizer: object
    classifier: object
    features: np.ndarray  # feature names (the n-grams)
    exemplars: pd.DataFrame
    exemplar_matrix: object  # the exemplars' TF-IDF rows (L2-normalised)

    def transform(self, texts: Sequence[str]) -> object:
        """The statements' TF-IDF rows (sparse, L2-normalised)."""
        return self.vectorizer.transform(list(texts))

    def scores(self, matrix: object) -> np.ndarray:
        """Decision scores, problems × the scheme's codes (a code with no exemplar: -inf)."""
        decision = np.asarray(self.classifier.decision_function(matrix), dtype=float)
        if decision.ndim == 1:  # two classes: scikit-learn returns one column
            decision = np.column_stack([-decision, decision])
        out = np.full((decision.shape[0], len(self.codes)), -np.inf)
        for k, code in enumerate(self.classifier.classes_):
            out[:, self.codes.index(code)] = decision[:, k]
        return out

    def evidence(
        self,
        matrix: object,
        rows: Sequence[int],
        codes: Sequence[str],
        texts: Sequence[str],
        kinds: Sequence[str | None] | None = None,
    ) -> list[str]:
        """For each row and its theme, the spans that pushed the theme up and the nearest exemplar.

        Parameters
        ----------
        matrix : sparse matrix
            The statements' TF-IDF rows (``transform``).
        rows : sequence of int
            The rows to explain.
        codes : sequence of str
            The theme to explain for each of them.
        texts : sequence of str
            The statements the model read, one per row of ``matrix``.
        kinds : sequence of str or None, optional
            Each explained row's kind of body: the nearest exemplar is sought among those of
            the same kind first.

        Returns
        -------
        list of str
            ``model:资助对象+认定; like:…`` per row (the spans are the statement's own
            words, strongest first); ``""`` for a code the model does not know.
        """
        classes = list(self.classifier.classes_)
        coef = self.classifier.coef_
        kinds = list(kinds) if kinds is not None else [None] * len(rows)
        out = []
        for i, code, kind in zip(rows, codes, kinds, strict=True):
            if code not in classes:
                out.append("")
                continue
            weights = coef[classes.index(code)]
            spans = _pushing_spans(texts[i], matrix[i], weights, self.features)
            out.append(_said(spans, self._nearest(matrix[i], code, kind)))
        return out

    def _nearest(self, row: object, code: str, kind: str | None) -> str:
        """The exemplar of theme ``code`` most like ``row``, of the same kind of body if any."""
        theirs = self.exemplars["theme_code"].to_numpy() == code
        alike = theirs & (self.exemplars["unit_kind"].to_numpy() == kind)
        same = np.flatnonzero(alike if alike.any() else theirs)
        if not len(same):
            return ""
        sims = (self.exemplar_matrix[same] @ row.T).toarray().ravel()
        return str(self.exemplars["title"].iloc[same[int(np.argmax(sims))]])


def _pushing_spans(text: str, row: object, weights: np.ndarray, features: np.ndarray) -> list[str]:
    """The runs of ``text`` covered by the n-grams that push the theme up, strongest first."""
    cols, values = row.indices, row.data
    push = values * weights[cols]
    strength = np.zeros(len(text))
    for k in np.flatnonzero(push > 0):
        gram = str(features[cols[k]])
        if len(gram) < 2 or not gram.strip():
            continue
        start = text.find(gram)
        while start >= 0:
            strength[start : start + len(gram)] = np.maximum(
                strength[start : start + len(gram)], push[k]
            )
            start = text.find(gram, start + 1)
    runs, start = [], None
    for pos in range(len(text) + 1):
        inside = pos < len(text) and strength[pos] > 0
        if inside and start is None:
            start = pos
        elif not inside and start is not None:
            runs.append((float(strength[start:pos].sum()), text[start:pos]))
            start = None
    runs.sort(key=lambda r: -r[0])
    return [span.strip() for _, span in runs[:N_EVIDENCE] if len(span.strip()) >= 2]


def _said(spans: list[str], like: str) -> str:
    parts = [f"model:{'+'.join(spans)}" if spans else "model"]
    return "; ".join([*parts, f"like:{like}"] if like else parts)


def _content_key(files: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def fit_exemplar_model(paths: Sequence[Path], codes: Sequence[str]) -> ExemplarModel:
    """Fit (once per content of the files and codes) the model of a scheme's exemplars.

    Parameters
    ----------
    paths : sequence of Path
        Exemplar CSV files or folders of them.
    codes : sequence of str
        The scheme's theme codes.

    Returns
    -------
    ExemplarModel
        The fitted model; the same object for files of the same content.

    Raises
    ------
    TaxonomyError
        If the exemplars cannot be read (``read_exemplars``) or name fewer than two themes.
    """
    files = exemplar_files([Path(p) for p in paths])
    return _fit(tuple(files), tuple(codes), _content_key(files))


@lru_cache(maxsize=8)
def _fit(files: tuple[Path, ...], codes: tuple[str, ...], _key: str) -> ExemplarModel:
    from sklearn.feature_extraction.text import TfidfVectorizer  # seconds: imported when used
    from sklearn.svm import LinearSVC

    exemplars = read_exemplars(files, codes)
    if exemplars["theme_code"].nunique() < 2:
        raise TaxonomyError("exemplars: at least two themes need labelled statements")
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=NGRAM_RANGE, sublinear_tf=True)
    matrix = vectorizer.fit_transform(exemplars["title"].tolist())
    classifier = LinearSVC(C=SVC_C).fit(matrix, exemplars["theme_code"].to_numpy())
    features = vectorizer.get_feature_names_out()
    return ExemplarModel(codes, vectorizer, classifier, features, exemplars, matrix.tocsr())


def cross_validated_agreement(exemplars: pd.DataFrame, folds: int = 5) -> float:
    """How often the model, fitted on the other folds, gives an exemplar its own label.

    Parameters
    ----------
    exemplars : DataFrame
        ``read_exemplars`` output.
    folds : int, default 5
        Stratified folds (fewer when a theme has fewer statements).

    Returns
    -------
    float
        The share of exemplars labelled right when held out (a check of the exemplars'
        consistency, not an out-of-sample measure of the scheme on notices).
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    smallest = int(exemplars["theme_code"].value_counts().min())
    pipeline = make_pipeline(
        TfidfVectorizer(analyzer="char", ngram_range=NGRAM_RANGE, sublinear_tf=True),
        LinearSVC(C=SVC_C),
    )
    splits = StratifiedKFold(max(2, min(folds, smallest)), shuffle=True, random_state=0)
    titles, codes = exemplars["title"].tolist(), exemplars["theme_code"].to_numpy()
    return float(cross_val_score(pipeline, titles, codes, cv=splits).mean())
