"""The CJK font every figure uses: Noto Sans CJK SC, shipped inside the ``mplfonts`` pip package.

``setup_cjk_font()`` registers it with matplotlib (once: it asks matplotlib's font manager
whether the file is already known, so there is no module state) and makes it the default of
matplotlib and seaborn, so Chinese labels render without any system font or download.
"""

from __future__ import annotations

from pathlib import Path

CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"
CJK_FONT_NAME = "Noto Sans CJK SC"


def cjk_font_path() -> Path:
    """Path of the Noto Sans CJK SC font bundled with ``mplfonts``.

    Returns
    -------
    Path
        The ``.otf`` file inside the installed ``mplfonts`` package.

    Raises
    ------
    FileNotFoundError
        When the installed ``mplfonts`` does not ship the font.
    """
    import mplfonts

    path = Path(mplfonts.__file__).parent / "fonts" / CJK_FONT_FILE
    if not path.is_file():
        raise FileNotFoundError(
            f"{CJK_FONT_FILE} not found in the mplfonts package at {path.parent}"
        )
    return path


def register_cjk_font() -> Path:
    """Add the bundled CJK font to matplotlib's font manager unless it is already there.

    Returns
    -------
    Path
        The font file (see ``cjk_font_path``).
    """
    from matplotlib import font_manager

    path = cjk_font_path()
    if not any(entry.fname == str(path) for entry in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(str(path))
    return path


def setup_cjk_font(*, style: str = "whitegrid", context: str = "notebook") -> str:
    """Register the bundled CJK font and make it matplotlib's and seaborn's default.

    Safe to call any number of times: the font is registered once.

    Parameters
    ----------
    style, context
        Passed to ``seaborn.set_theme``.

    Returns
    -------
    str
        The font family name, ``CJK_FONT_NAME``.
    """
    import matplotlib as mpl
    import seaborn as sns

    register_cjk_font()
    sns.set_theme(context=context, style=style, font=CJK_FONT_NAME)
    sans = [CJK_FONT_NAME, *(f for f in mpl.rcParams["font.sans-serif"] if f != CJK_FONT_NAME)]
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = sans
    mpl.rcParams["axes.unicode_minus"] = False  # the CJK font has no U+2212 minus glyph
    return CJK_FONT_NAME
