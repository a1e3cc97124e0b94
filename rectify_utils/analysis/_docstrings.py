"""Texts of the parameters many analysis functions share, written once (as seaborn's ``_docstrings``).

A docstring names the parameter and its type itself, and puts the shared description on the next
line as a placeholder alone on its line::

    @fill_params
    def term_frequencies(corpus, by="association", ...):
        \"\"\"Term counts per group.

        Parameters
        ----------
        corpus : Corpus or DataFrame
            {params.corpus}
        by : str, default "association"
            {params.by}
        \"\"\"

``fill_params`` replaces each placeholder at import time with the text of ``PARAMS``, every line
indented as the placeholder was, so ``help()`` shows the docstring as if it had been written out.
An unknown name raises ``KeyError`` when the module is imported.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)

#: parameter name (or variant) → its description, numpydoc style, without the name line
PARAMS: dict[str, str] = {
    "corpus": """
        The parsed corpus (``load_corpus``), or its ``problems`` table.
        """,
    "corpus_notices": """
        The parsed corpus (``load_corpus``), or its ``notices`` table.
        """,
    "corpus_full": """
        The parsed corpus (``load_corpus``). Its ``notices`` (and, for the text measures,
        ``texts``) are read besides the problems, so a bare ``problems`` table will not do.
        """,
    "by": """
        Column whose values form the groups: ``"association"`` (the default) or another column
        of the table, such as ``"notice_id"``.
        """,
    "taxonomy_path": """
        The coding scheme, a YAML file (see ``themes.load_taxonomy``); None: the packaged
        ``resources/taxonomy.yml``.
        """,
    "field": """
        Which tokens count: those of the problems' ``"title"``, of their rectification
        ``"text"``, or ``"all"`` (both, the default).
        """,
    "fields": """
        The problem columns to read, in this order; default ``("title", "text")``.
        """,
    "tokens": """
        A token table from ``tokens.tokenize_problems`` to reuse (it must cover the problems);
        None: the problems are tokenised here (cached on disk).
        """,
    "drop_places": """
        Leave out the notices' own place names (``terms.place_names``): they only say who
        wrote. Has no effect when ``corpus`` is a bare ``problems`` table.
        """,
    "top_n": """
        Keep only the first ``top_n`` rows (per group, where there are groups) in the order
        described under Returns, so that order settles ties at the cut; None keeps all.
        """,
    "text_weight": """
        Weight of the rectification text's TF-IDF vector against the title's (1.0): the title
        says what was wrong, the text what was done, in much boilerplate.
        """,
    "n_neighbours": """
        How many of its most similar problems of other associations each problem keeps
        (those at or above the threshold): bounds the pairs and the work per problem.
        """,
    "userdict_path": """
        The jieba user dictionary, one ``word [freq] [tag]`` a line (``#`` comments); default:
        the packaged ``resources/userdict.txt``.
        """,
    "stopwords_path": """
        Words never kept, one a line (``#`` comments); default: the packaged
        ``resources/stopwords.txt``.
        """,
    "cache_dir": """
        Folder of the token cache (``tokens.sqlite``); None: ``config.cache_dir("tokens")``.
        """,
    "min_chars": """
        Shortest token kept, in characters (default 2: single characters are dropped).
        """,
    "use_cache": """
        Read and write the on-disk token cache; False segments every text with jieba again.
        """,
    "limit_days": """
        Days allowed from the feedback to the rectification report; default 60, the 2 months
        of 《中国共产党巡视工作条例》(2015) 第二十七条.
        """,
    "stock_n": """
        Length of the n-grams, in words or characters (see ``unit``): one length, or the
        shortest and the longest, e.g. ``(2, 4)``.
        """,
    "stock_unit": """
        ``"word"`` (default): runs of adjacent jieba words (with the project's user
        dictionary, so a fixed name is one word); ``"char"``: runs of characters. n-grams never
        run across punctuation or numbers.
        """,
    "stock_min_associations": """
        Fewest associations whose rectification texts must use an n-gram for it to count as
        stock phrasing.
        """,
    "reference": """
        The corpus recurrence is counted over, e.g. all notices when ``corpus`` is a selection
        of one association; None: ``corpus`` itself.
        """,
}


class _Params:
    """``{params.NAME}`` looks NAME up in ``PARAMS`` (a missing name raises ``KeyError``)."""

    def __getattr__(self, name: str) -> str:
        return textwrap.dedent(PARAMS[name]).strip()


params = _Params()

#: a placeholder alone on its line: `        {params.corpus}`
PLACEHOLDER = re.compile(r"^(?P<indent>[ \t]*)\{params\.(?P<name>\w+)\}[ \t]*$", re.M)


def fill_params(func: F) -> F:
    """Fill the ``{params.NAME}`` placeholders of ``func``'s docstring with the shared texts.

    Parameters
    ----------
    func : callable
        A function whose docstring holds placeholders, each alone on its line.

    Returns
    -------
    callable
        ``func`` itself, its ``__doc__`` filled in (left as it is when docstrings are stripped,
        ``python -OO``).
    """
    if func.__doc__:

        def fill(m: re.Match[str]) -> str:
            text = getattr(params, m["name"])
            return textwrap.indent(text, m["indent"], lambda line: bool(line.strip()))

        func.__doc__ = PLACEHOLDER.sub(fill, func.__doc__)
    return func
