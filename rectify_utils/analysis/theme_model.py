"""The scheme's second reader: a linear model learnt from labelled problem statements (exemplars).

The rules of a scheme (``theme_rules``) name the words that make a theme; they miss what nobody
wrote a rule for, and a generic word can pull a problem into the wrong theme. A scheme may list
**exemplars** too: CSV files of problem statements labelled by hand with the scheme's codes
(``unit_kind,theme_code,title[,reason]``; ``resources/theme_exemplars/`` for the packaged
scheme). From them a linear support-vector classifier on the statement's character 1–3-grams
(TF-IDF, scikit-learn) learns which pieces of a statement go with which theme. ``themes``
combines its scores with the rules' (``Taxonomy.model_weight`` and ``model_floor``).

Each prediction carries its evidence: the character n-grams of the statement that pushed the
theme up most, and the most similar exemplar of that theme, e.g.
``model:资助+认定; like:家庭困难学生资助对象认定不精准``.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..config import cache_dir
from ..errors import TaxonomyError

#: the columns an exemplar file must have (``reason`` and others are allowed and ignored)
EXEMPLAR_COLUMNS = ("unit_kind", "theme_code", "title")
#: character n-grams the model reads
NGRAM_RANGE = (1, 3)
#: the classifier's regularisation (scikit-learn's C of LinearSVC)
SVC_C = 1.0
#: the layout of a cached model (raise it when ``ExemplarModel`` changes)
MODEL_FORMAT = 1
#: whitespace runs, as scikit-learn's character analyser folds them
_WHITESPACE = re.compile(r"\s\s+")
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
    """A fitted model as plain arrays: vocabulary, idf, weights and the exemplars it learnt from.

    Fitted with scikit-learn (``TfidfVectorizer`` + ``LinearSVC``), then kept as arrays, so
    that reading statements needs numpy and scipy only: importing scikit-learn costs seconds in
    every kernel. ``transform`` is ``TfidfVectorizer(analyzer="char", ngram_range=(1, 3),
    sublinear_tf=True).transform`` (``test_theme_model`` checks it against scikit-learn).
    """

    codes: tuple[str, ...]  # the scheme's codes, the column order of ``scores``
    classes: tuple[str, ...]  # the codes the model learnt, the rows of ``coef``
    vocabulary: dict[str, int]  # n-gram → column
    idf: np.ndarray
    coef: np.ndarray  # classes × features (two classes: one row per class)
    intercept: np.ndarray
    features: np.ndarray  # feature names (the n-grams), by column
    exemplars: pd.DataFrame
    exemplar_matrix: object  # the exemplars' TF-IDF rows (L2-normalised)

    def transform(self, texts: Sequence[str]) -> object:
        """The statements' TF-IDF rows (scipy CSR, L2-normalised), as the fitted vectoriser."""
        from scipy import sparse

        lo, hi = NGRAM_RANGE
        indptr, indices, values = [0], [], []
        for text in texts:
            text = _WHITESPACE.sub(" ", text.lower())
            counts: dict[int, int] = {}
            for n in range(lo, hi + 1):
                for k in range(len(text) - n + 1):
                    col = self.vocabulary.get(text[k : k + n])
                    if col is not None:
                        counts[col] = counts.get(col, 0) + 1
            cols = np.fromiter(counts, np.int64, len(counts))
            weights = (1.0 + np.log(np.fromiter(counts.values(), float, len(counts)))) * self.idf[
                cols
            ]
            norm = np.sqrt((weights**2).sum())
            indices.extend(cols.tolist())
            values.extend((weights / norm if norm else weights).tolist())
            indptr.append(len(indices))
        shape = (len(indptr) - 1, len(self.vocabulary))
        return sparse.csr_matrix((values, indices, indptr), shape=shape)

    def scores(self, matrix: object) -> np.ndarray:
        """Decision scores, problems × the scheme's codes (a code with no exemplar: -inf)."""
        decision = np.asarray(matrix @ self.coef.T) + self.intercept
        out = np.full((decision.shape[0], len(self.codes)), -np.inf)
        for k, code in enumerate(self.classes):
            out[:, self.codes.index(code)] = decision[:, k]
        return out

    def has_evidence(self, matrix: object) -> np.ndarray:
        """Problems × codes: whether a known piece of 2+ characters (no blank) pushes the theme up.

        Parameters
        ----------
        matrix : sparse matrix
            The statements' TF-IDF rows (``transform``).

        Returns
        -------
        np.ndarray of bool
            Shape (rows, the scheme's codes); False for a code without exemplars.
        """
        push = np.where(self._long[:, None], np.maximum(self.coef.T, 0.0), 0.0)
        pushed = np.asarray((matrix @ push) > 0)
        out = np.zeros((matrix.shape[0], len(self.codes)), bool)
        for k, code in enumerate(self.classes):
            out[:, self.codes.index(code)] = pushed[:, k]
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
        kinds = list(kinds) if kinds is not None else [None] * len(rows)
        first: dict[tuple[str, str, str | None], int] = {}  # a statement met again: looked up
        for n, i in enumerate(rows):
            first.setdefault((texts[i], codes[n], kinds[n]), n)
        unique = list(first.values())
        said = self._explain(
            matrix.tocsr(),
            [rows[n] for n in unique],
            [codes[n] for n in unique],
            texts,
            [kinds[n] for n in unique],
        )
        found = dict(zip(first, said, strict=True))
        return [found[(texts[i], codes[n], kinds[n])] for n, i in enumerate(rows)]

    def _explain(
        self,
        csr: object,
        rows: list[int],
        codes: list[str],
        texts: Sequence[str],
        kinds: list[str | None],
    ) -> list[str]:
        classes = {c: k for k, c in enumerate(self.classes)}
        coef = self.coef
        nearest = self._nearest(csr, rows, codes, kinds)
        out = []
        for n, (i, code) in enumerate(zip(rows, codes, strict=True)):
            if code not in classes:
                out.append("")
                continue
            cols = csr.indices[csr.indptr[i] : csr.indptr[i + 1]]
            push = csr.data[csr.indptr[i] : csr.indptr[i + 1]] * coef[classes[code], cols]
            keep = (push > 0) & self._long[cols]
            grams = [self.features[c] for c in cols[keep]]
            spans = _pushing_spans(texts[i], grams, push[keep])
            out.append(_said(spans, nearest[n]))
        return out

    @cached_property
    def _long(self) -> np.ndarray:
        """Per feature: two or more characters and no whitespace (one across a blanked word)."""
        return np.fromiter(
            (len(f) >= 2 and not any(c.isspace() for c in f) for f in self.features),
            bool,
            len(self.features),
        )

    def _nearest(
        self, csr: object, rows: Sequence[int], codes: Sequence[str], kinds: Sequence[str | None]
    ) -> list[str]:
        """For each row, the exemplar of its theme most like it (of the same kind of body if any).

        Similarities are computed a block of rows at a time against all exemplars.
        """
        labels = self.exemplars["theme_code"].to_numpy()
        own_kind = self.exemplars["unit_kind"].to_numpy()
        titles = self.exemplars["title"].tolist()
        pools: dict[tuple[str, str | None], np.ndarray] = {}
        out: list[str] = []
        block = 2048
        for first in range(0, len(rows), block):
            picked = list(rows[first : first + block])
            sims = (csr[picked] @ self.exemplar_matrix.T).toarray()
            for n, i in enumerate(range(first, first + len(picked))):
                key = (codes[i], kinds[i])
                if key not in pools:
                    theirs = labels == key[0]
                    alike = theirs & (own_kind == key[1])
                    pools[key] = np.flatnonzero(alike if alike.any() else theirs)
                pool = pools[key]
                out.append(titles[pool[int(np.argmax(sims[n, pool]))]] if len(pool) else "")
        return out


def _pushing_spans(text: str, grams: Sequence[str], push: np.ndarray) -> list[str]:
    """The runs of ``text`` covered by the n-grams that push the theme up, strongest first."""
    strength = [0.0] * len(text)
    for gram, weight in zip(grams, push.tolist(), strict=True):
        size = len(gram)
        start = text.find(gram)
        while start >= 0:
            for pos in range(start, start + size):
                if strength[pos] < weight:
                    strength[pos] = weight
            start = text.find(gram, start + 1)
    runs: list[tuple[float, str]] = []
    start = None
    for pos, value in enumerate([*strength, 0.0]):
        if value > 0 and start is None:
            start = pos
        elif value <= 0 and start is not None:
            runs.append((sum(strength[start:pos]), text[start:pos]))
            start = None
    runs.sort(key=lambda r: -r[0])
    return [span.strip() for _, span in runs[:N_EVIDENCE] if len(span.strip()) >= 2]


def _said(spans: list[str], like: str) -> str:
    parts = [f"model:{'+'.join(spans)}" if spans else "model"]
    return "; ".join([*parts, f"like:{like}"] if like else parts)


def content_key(files: Sequence[Path]) -> str:
    """The sha256 of exemplar files' names and bytes: equal for files of equal content.

    Parameters
    ----------
    files : sequence of Path
        The files (``exemplar_files``).

    Returns
    -------
    str
        A hex digest.
    """
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
    return _fitted(tuple(files), tuple(codes), content_key(files))


@lru_cache(maxsize=8)
def _fitted(files: tuple[Path, ...], codes: tuple[str, ...], key: str) -> ExemplarModel:
    """The model, from the on-disk cache when the same content was fitted before.

    The cache file (``cache_dir("theme_model")``) is named by the exemplars' content, the codes,
    the model's settings and its layout; one that cannot be read is fitted again.
    """
    setting = f"{key}|{'|'.join(codes)}|{NGRAM_RANGE}|{SVC_C}|{MODEL_FORMAT}"
    path = cache_dir("theme_model") / f"{hashlib.sha256(setting.encode()).hexdigest()[:32]}.pkl"
    try:
        with path.open("rb") as handle:
            model = pickle.load(handle)
        if isinstance(model, ExemplarModel) and model.codes == codes:
            return model
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    model = _fit(files, codes)
    _store(model, path)
    return model


def _store(model: ExemplarModel, path: Path) -> None:
    """Write the fitted model to the cache, atomically; a read-only cache is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_suffix(f".{os.getpid()}.part")
        with part.open("wb") as handle:
            pickle.dump(model, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(part, path)
    except OSError:
        pass


def _fit(files: tuple[Path, ...], codes: tuple[str, ...]) -> ExemplarModel:
    from sklearn.feature_extraction.text import TfidfVectorizer  # seconds: imported when used
    from sklearn.svm import LinearSVC

    exemplars = read_exemplars(files, codes)
    if exemplars["theme_code"].nunique() < 2:
        raise TaxonomyError("exemplars: at least two themes need labelled statements")
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=NGRAM_RANGE, sublinear_tf=True)
    matrix = vectorizer.fit_transform(exemplars["title"].tolist())
    classifier = LinearSVC(C=SVC_C, random_state=0).fit(matrix, exemplars["theme_code"].to_numpy())
    coef = np.asarray(classifier.coef_, dtype=float)
    intercept = np.asarray(classifier.intercept_, dtype=float)
    if coef.shape[0] == 1:  # two classes: scikit-learn keeps one row, for the second
        coef, intercept = np.vstack([-coef, coef]), np.r_[-intercept, intercept]
    return ExemplarModel(
        codes=codes,
        classes=tuple(str(c) for c in classifier.classes_),
        vocabulary={str(k): int(v) for k, v in vectorizer.vocabulary_.items()},
        idf=np.asarray(vectorizer.idf_, dtype=float),
        coef=coef,
        intercept=intercept,
        features=vectorizer.get_feature_names_out().astype(object),
        exemplars=exemplars,
        exemplar_matrix=matrix.tocsr(),
    )


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
        LinearSVC(C=SVC_C, random_state=0),
    )
    splits = StratifiedKFold(max(2, min(folds, smallest)), shuffle=True, random_state=0)
    titles, codes = exemplars["title"].tolist(), exemplars["theme_code"].to_numpy()
    return float(cross_val_score(pipeline, titles, codes, cv=splits).mean())
