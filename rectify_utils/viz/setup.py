"""What every report notebook does first: load the corpus, keep the associations asked for, set
the CJK font and pandas' display options, load the interactive tables, and get a ``show`` that
displays a figure (with its alt text and the table beneath it) and saves it under
``figures_dir``.

A notebook opens with its parameters cell and then one call::

    corpus, palette, show = notebook_setup(data_dir, associations, figures_dir=figures_dir)

then shows a chart with its data, or a table, with links to the source view of each row::

    show(stacked_status_bars(table, "association", "…"), "status_by_association", table=rows)
    show.table(open_problems(corpus))
"""

from __future__ import annotations

import base64
import io
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from ..parse.corpus import Corpus, load_corpus
from .figures import figure_alt
from .font import setup_cjk_font
from .palette import association_palette
from .tables import SourceLinks, TableInit, report_table, source_links

#: pandas display options of the reports' tables
DISPLAY_OPTIONS = {"display.max_colwidth": 120, "display.max_rows": 200}
#: resolution of the saved figure PNGs
FIGURE_DPI = 120


@dataclass(frozen=True)
class FigureShower:
    """Display a figure with its alt text and the table of its data beneath, and, when
    ``figures_dir`` is set, save it there as ``<name>.png``; display tables.

    Parameters
    ----------
    figures_dir
        Folder for the PNGs (created when needed); None: figures are only displayed.
    links
        Where table rows link to (the source views of the notices).
    """

    figures_dir: str | Path | None = None
    links: SourceLinks = field(default_factory=SourceLinks)

    def __call__(
        self, fig: Any, name: str, table: pd.DataFrame | None = None, alt: str | None = None
    ) -> Path | None:
        """Display ``fig`` (and save it when ``figures_dir`` is set), then ``table``.

        Parameters
        ----------
        fig
            A matplotlib ``Figure``, anything with a ``.figure`` (a seaborn grid), or None
            (nothing to draw: only the table is shown).
        name
            The file name without ``.png``.
        table
            The figure's data, shown beneath it with links to the source views.
        alt
            The image's alt text; by default made from its titles and axes (``figure_alt``).

        Returns
        -------
        Path or None
            The PNG written, if any.
        """
        path = None if fig is None else self._show_figure(getattr(fig, "figure", fig), name, alt)
        if table is not None:
            self.table(table)
        return path

    def _show_figure(self, figure: Any, name: str, alt: str | None) -> Path | None:
        """Render once to PNG, save it, display it with its alt text, close the figure."""
        import matplotlib.pyplot as plt

        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=FIGURE_DPI, bbox_inches="tight")
        png = buffer.getvalue()
        alt = alt or figure_alt(figure)
        plt.close(figure)
        path = None
        if self.figures_dir:
            Path(self.figures_dir).mkdir(parents=True, exist_ok=True)
            path = Path(self.figures_dir) / f"{name}.png"
            path.write_bytes(png)
        _display_png(png, alt)
        return path

    def table(self, table: pd.DataFrame) -> None:
        """Display ``table`` as an interactive report table (``viz.tables.report_table``).

        Parameters
        ----------
        table
            Any table an analysis function returns.
        """
        _display(report_table(table, self.links))


def _display(obj: Any) -> None:
    """``IPython.display.display`` inside a kernel; nothing elsewhere (scripts, tests)."""
    from IPython import get_ipython
    from IPython.display import display

    if get_ipython() is not None:
        display(obj)


def _display_png(png: bytes, alt: str) -> None:
    """Display PNG bytes with ``alt`` as its alt text (the report's ``<img alt>``), at 96 dpi."""
    from IPython import get_ipython
    from IPython.display import display

    if get_ipython() is None:
        return
    width = _png_width(png) * 96 // FIGURE_DPI
    bundle = {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": alt}
    display(bundle, raw=True, metadata={"image/png": {"alt": alt, "width": width}})


def _png_width(png: bytes) -> int:
    """The pixel width of a PNG, from its IHDR chunk."""
    return int.from_bytes(png[16:20], "big")


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


def load_and_select(
    data_dir: str | Path, associations: str | Iterable[str] | None = None
) -> tuple[Corpus, Corpus]:
    """Load the notices under ``data_dir``: the whole corpus, and the associations asked for.

    Parameters
    ----------
    data_dir
        Folder (or file) of notices.
    associations
        See ``as_association_list``.

    Returns
    -------
    tuple of Corpus
        The whole corpus (the palette and the source views are made from it) and the selection.

    Raises
    ------
    ValueError
        When no notice is left, naming the folder, the selection and the skipped files.
    """
    associations = as_association_list(associations)
    with warnings.catch_warnings():  # tqdm.auto without ipywidgets: "IProgress not found"
        warnings.filterwarnings("ignore", message="IProgress not found")
        whole = load_corpus(data_dir)
    corpus = whole.select(associations)
    if corpus.notices.empty:
        raise ValueError(
            f"no notices to analyse in {data_dir} (associations={associations}); "
            f"skipped: {corpus.skipped.to_dict('records')}"
        )
    return whole, corpus


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
    return load_and_select(data_dir, associations)[1]


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

    Loads and selects the corpus (``load_and_select``), registers the CJK font, sets pandas'
    display options, loads the interactive tables (inside a kernel), and gives each association
    of the whole corpus its colour, so that every report colours it the same.

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
    whole, corpus = load_and_select(data_dir, associations)
    setup_cjk_font()
    set_display_options()
    _display(TableInit())
    show = FigureShower(figures_dir, source_links(whole.notices))
    return NotebookSetup(corpus, association_palette(whole.associations), show)


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
    """The profile's heading, ``**单位 association: …**``, as IPython Markdown to ``display``.

    Parameters
    ----------
    association
        The association profiled.

    Returns
    -------
    IPython.display.Markdown
    """
    from IPython.display import Markdown

    return Markdown(f"**单位 association: {association}**")
