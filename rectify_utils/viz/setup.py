"""What every report notebook does first: load the corpus, keep the associations asked for, set
the CJK font and pandas' display options, and get a ``show`` that displays a figure and saves it
under ``figures_dir``.

A notebook opens with its parameters cell and then one call::

    corpus, palette, show = notebook_setup(data_dir, associations, figures_dir=figures_dir)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from ..parse.corpus import Corpus, load_corpus
from .font import setup_cjk_font
from .palette import association_palette

#: pandas display options of the reports' tables
DISPLAY_OPTIONS = {"display.max_colwidth": 120, "display.max_rows": 200}
#: resolution of the saved figure PNGs
FIGURE_DPI = 120


@dataclass(frozen=True)
class FigureShower:
    """Display a figure and, when ``figures_dir`` is set, save it there as ``<name>.png``.

    Parameters
    ----------
    figures_dir
        Folder for the PNGs (created when needed); None: figures are only displayed.
    """

    figures_dir: str | Path | None = None

    def __call__(self, fig: Any, name: str) -> Path | None:
        """Save (when ``figures_dir`` is set) and display ``fig``.

        Parameters
        ----------
        fig
            A matplotlib ``Figure``, anything with a ``.figure`` (a seaborn grid), or None
            (nothing to show: nothing happens).
        name
            The file name without ``.png``.

        Returns
        -------
        Path or None
            The PNG written, if any.
        """
        if fig is None:
            return None
        import matplotlib.pyplot as plt

        figure = getattr(fig, "figure", fig)
        path = None
        if self.figures_dir:
            Path(self.figures_dir).mkdir(parents=True, exist_ok=True)
            path = Path(self.figures_dir) / f"{name}.png"
            figure.savefig(path, dpi=FIGURE_DPI, bbox_inches="tight")
        plt.show()
        return path


class NotebookSetup(NamedTuple):
    """What ``notebook_setup`` returns: unpack it as ``corpus, palette, show``."""

    corpus: Corpus
    palette: dict[str, str]
    show: FigureShower


class ProfileSetup(NamedTuple):
    """What ``profile_setup`` returns: ``corpus, own, association, palette, show``."""

    corpus: Corpus
    own: Corpus
    association: str
    palette: dict[str, str]
    show: FigureShower


def as_association_list(associations: str | Iterable[str] | None) -> list[str] | None:
    """The associations parameter as a list: a single string is one association.

    Parameters
    ----------
    associations
        None (every association), one name (``-p associations 新野县科协`` passes a string) or
        several.

    Returns
    -------
    list of str or None
    """
    if associations is None:
        return None
    if isinstance(associations, str):
        return [associations]
    return list(associations)


def select_corpus(data_dir: str | Path, associations: str | Iterable[str] | None = None) -> Corpus:
    """Load the notices under ``data_dir`` and keep the associations asked for.

    Parameters
    ----------
    data_dir
        Folder (or file) of notices.
    associations
        See ``as_association_list``.

    Returns
    -------
    Corpus

    Raises
    ------
    ValueError
        When no notice is left, naming the folder, the selection and the skipped files.
    """
    associations = as_association_list(associations)
    corpus = load_corpus(data_dir).select(associations)
    if corpus.notices.empty:
        raise ValueError(
            f"no notices to analyse in {data_dir} (associations={associations}); "
            f"skipped: {corpus.skipped.to_dict('records')}"
        )
    return corpus


def set_display_options() -> None:
    """Set pandas' display options for the reports' tables (``DISPLAY_OPTIONS``)."""
    import pandas as pd

    for option, value in DISPLAY_OPTIONS.items():
        pd.set_option(option, value)


def notebook_setup(
    data_dir: str | Path,
    associations: str | Iterable[str] | None = None,
    *,
    figures_dir: str | Path | None = None,
) -> NotebookSetup:
    """Everything a report notebook needs before its first section.

    Loads and selects the corpus (``select_corpus``), registers the CJK font, sets pandas'
    display options, and gives each association its colour.

    Parameters
    ----------
    data_dir
        Folder of notices.
    associations
        None: every association; one name or a list of names.
    figures_dir
        Where ``show`` saves figures; None: not saved.

    Returns
    -------
    NotebookSetup
        ``corpus, palette, show``.

    Raises
    ------
    ValueError
        When there are no notices to analyse.
    """
    corpus = select_corpus(data_dir, associations)
    setup_cjk_font()
    set_display_options()
    return NotebookSetup(
        corpus, association_palette(corpus.associations), FigureShower(figures_dir)
    )


def profile_setup(
    data_dir: str | Path,
    associations: str | Iterable[str] | None = None,
    association: str | None = None,
    *,
    figures_dir: str | Path | None = None,
) -> ProfileSetup:
    """``notebook_setup`` for the profile of one association.

    Parameters
    ----------
    data_dir, associations, figures_dir
        As for ``notebook_setup``.
    association
        The association profiled; None: the first one found.

    Returns
    -------
    ProfileSetup
        ``corpus, own`` (the association's part of the corpus), ``association``, ``palette``,
        ``show``.

    Raises
    ------
    ValueError
        When there are no notices, or ``association`` is not in the corpus.
    """
    corpus, palette, show = notebook_setup(data_dir, associations, figures_dir=figures_dir)
    if association is None:
        association = corpus.associations[0]
    if association not in corpus.associations:
        raise ValueError(
            f"association {association!r} is not in the corpus; found: {'、'.join(corpus.associations)}"
        )
    return ProfileSetup(corpus, corpus.select([association]), association, palette, show)


def association_banner(association: str) -> Any:
    """The profile's heading, ``**协会 association: …**``, as IPython Markdown to ``display``.

    Parameters
    ----------
    association
        The association profiled.

    Returns
    -------
    IPython.display.Markdown
    """
    from IPython.display import Markdown

    return Markdown(f"**协会 association: {association}**")
