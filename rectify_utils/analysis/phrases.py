"""Word n-grams of the rectification texts: the units stock phrases are counted in.

A text is cut into jieba words with the project's user dictionary (``tokens.segment_words``), so
a fixed name (`习近平新时代中国特色社会主义思想`, `科技工作者`) is one word and no n-gram can cut
it. An n-gram is a run of 2–4 *adjacent* words — never across punctuation, a space or a number —
that begins and ends with a word of two characters or more (so `的`, `和`, `对` never dangle at
its edge). An n-gram all of whose occurrences lie inside one longer n-gram is a *fragment* of it
(`中国特色社会` of a longer run) and is not listed on its own. With ``unit="char"`` the n-grams
are runs of characters, as before words were used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .tokens import segment_words

#: a run of word characters (CJK or latin) between punctuation, digits and spaces: `提高思想认识水平`
WORD_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z]+")
NGRAM_UNITS = ("char", "word")
#: word n-gram lengths by default
WORD_N = (2, 4)
WINDOW_COLUMNS = ["text_no", "gram", "start", "end"]


def lengths(n: int | Sequence[int]) -> list[int]:
    """The n-gram lengths asked for: ``4`` → [4], ``(2, 4)`` → [2, 3, 4].

    Parameters
    ----------
    n : int or (int, int)
        One length, or the shortest and longest.

    Returns
    -------
    list of int
        The lengths, shortest first.

    Raises
    ------
    ValueError
        If a length is below 1 or the range is empty.
    """
    low, high = (n, n) if isinstance(n, int) else (int(n[0]), int(n[-1]))
    if low < 1 or high < low:
        raise ValueError(f"n-gram lengths must be ≥ 1 and ordered, got {n!r}")
    return list(range(low, high + 1))


def _char_windows(texts: list[str], n: int) -> pd.DataFrame:
    rows = [
        (t, text[a : a + n], a, a + n)
        for t, text in enumerate(texts)
        for run in WORD_RUN.finditer(text)
        for a in range(run.start(), run.end() - n + 1)
    ]
    frame = pd.DataFrame(rows, columns=["text_no", "phrase", "start", "end"])
    frame["gram"] = pd.factorize(frame["phrase"])[0]
    return frame


def _word_windows(texts: list[str], ns: list[int]) -> pd.DataFrame:
    """Every valid window of ``ns`` adjacent words, with one id per distinct phrase."""
    words = segment_words(texts)
    text_no = words["text_no"].to_numpy()
    start, end = words["char_start"].to_numpy(), words["char_end"].to_numpy()
    codes, _ = pd.factorize(words["word"])  # first-seen order, as of the plain strings
    wide = (end - start) >= 2
    joined = np.r_[(text_no[1:] == text_no[:-1]) & (start[1:] == end[:-1]), False]
    frames = []
    ids = codes.astype(np.int64)
    ok = np.ones(len(codes), dtype=bool)  # window of the current length starting here is a run
    offset = 0
    for m in range(1, max(ns) + 1):
        if m > 1:
            nxt = np.r_[codes[m - 1 :], np.zeros(m - 1, dtype=codes.dtype)]
            ok = ok & np.r_[joined[m - 2 :], np.zeros(m - 2, dtype=bool)][: len(codes)]
            ids = pd.factorize(np.where(ok, ids * (codes.max() + 1) + nxt, -1))[0]
        if m in ns:
            last = np.minimum(np.arange(len(codes)) + m - 1, len(codes) - 1)
            keep = np.flatnonzero(ok & wide & wide[last])
            frames.append(
                pd.DataFrame(
                    {"text_no": text_no[keep], "gram": ids[keep] + offset, "n_words": m,
                     "start": start[keep], "end": end[last[keep]], "first": keep}
                )
            )  # fmt: skip
            offset += int(ids.max()) + 1 if len(ids) else 0
    if not frames:
        return pd.DataFrame(columns=[*WINDOW_COLUMNS, "n_words", "first"])
    return pd.concat(frames, ignore_index=True)


def _fragments(windows: pd.DataFrame, counts: pd.Series) -> set[int]:
    """Grams every occurrence of which lies inside one longer gram, one word longer."""
    out: set[int] = set()
    n_words = windows["n_words"].to_numpy()
    first = windows["first"].to_numpy(np.int64)
    gram = windows["gram"].to_numpy(np.int64)
    # per gram id its occurrences (-1: none), and per (length, first word) the window's gram:
    # plain array lookups, not a reindex through a MultiIndex
    occurrences = np.full(int(gram.max(initial=-1)) + 2, -1, dtype=np.int64)
    occurrences[counts.index.to_numpy(np.int64)] = counts.to_numpy(np.int64)
    size = int(first.max(initial=-1)) + 2
    for m in sorted(np.unique(n_words).tolist())[1:]:
        if m - 1 not in n_words:
            continue
        shorter = n_words == m - 1
        at_first = np.full(size, -1, dtype=np.int64)
        at_first[first[shorter]] = gram[shorter]
        longer = n_words == m
        for shift in (0, 1):  # the prefix starts where the longer gram does, the suffix one on
            part = at_first[first[longer] + shift]
            same = (part >= 0) & (occurrences[part] == occurrences[gram[longer]])
            out.update(int(g) for g in part[same])
    return out


def ngram_windows(texts: list[str], n: int | Sequence[int], unit: str) -> pd.DataFrame:
    """Every n-gram occurrence of the texts.

    Parameters
    ----------
    texts : list of str
        The texts.
    n : int or (int, int)
        The length, in words or characters, or the range of lengths (see :func:`lengths`).
    unit : {"char", "word"}
        Characters or jieba words.

    Returns
    -------
    pd.DataFrame
        One row per occurrence. Columns ``text_no`` (index into ``texts``), ``gram`` (one id
        per distinct phrase), ``start``, ``end`` (character offsets in the text).

    Raises
    ------
    ValueError
        If ``unit`` is neither ``"char"`` nor ``"word"``.
    """
    if unit not in NGRAM_UNITS:
        raise ValueError(f"unit must be one of {NGRAM_UNITS}, not {unit!r}")
    ns = lengths(n)
    if unit == "char":
        parts = [_char_windows(texts, m) for m in ns]
        for i in range(1, len(parts)):
            parts[i]["gram"] += parts[i - 1]["gram"].max() + 1 if len(parts[i - 1]) else 0
        return pd.concat(parts, ignore_index=True)[WINDOW_COLUMNS]
    return _word_windows(texts, ns)[[*WINDOW_COLUMNS, "n_words", "first"]]


def phrase_table(
    texts: list[str], associations: Sequence[str], n: int | Sequence[int], unit: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The n-gram occurrences of the texts, and per phrase its counts.

    Parameters
    ----------
    texts : list of str
        The texts.
    associations : sequence of str
        The association of each text.
    n : int or (int, int)
        The length or range of lengths (see :func:`lengths`).
    unit : {"char", "word"}
        Characters or jieba words.

    Returns
    -------
    windows : pd.DataFrame
        As :func:`ngram_windows`, with ``association`` (object) added.
    grams : pd.DataFrame
        Indexed by ``gram``. Columns ``n_occurrences``, ``n_associations`` (int64),
        ``fragment`` (bool: inside one longer phrase wherever it occurs) and where it first
        occurs: ``text_no``, ``start``, ``end`` (int64).
    """
    windows = ngram_windows(texts, n, unit)
    windows["association"] = np.asarray(associations, dtype=object)[windows["text_no"].to_numpy()]
    grouped = windows.groupby("gram", sort=True)
    grams = pd.DataFrame(
        {"n_occurrences": grouped.size(), "n_associations": grouped["association"].nunique()}
    )
    first = windows.drop_duplicates("gram").set_index("gram")[["text_no", "start", "end"]]
    grams = grams.join(first)
    fragments = _fragments(windows, grams["n_occurrences"]) if unit == "word" else set()
    grams["fragment"] = grams.index.isin(list(fragments))
    return windows[[*WINDOW_COLUMNS, "association"]], grams


def phrase_text(texts: list[str], grams: pd.DataFrame) -> list[str]:
    """Each gram's phrase as written at its first occurrence.

    Parameters
    ----------
    texts : list of str
        The texts the grams were found in.
    grams : pd.DataFrame
        Rows of the ``grams`` table of :func:`phrase_table`.

    Returns
    -------
    list of str
        One phrase per row.
    """
    return [
        texts[t][a:b]
        for t, a, b in zip(grams["text_no"], grams["start"], grams["end"], strict=True)
    ]
