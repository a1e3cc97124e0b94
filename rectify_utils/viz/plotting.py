"""Figure setup shared by every notebook: a CJK font and stable colours.

``setup_cjk_font()`` registers the Noto Sans CJK SC font that ships inside the ``mplfonts``
pip package, so Chinese labels render without any system font or download.
``association_palette()`` gives each association the same colour in every report.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"
CJK_FONT_NAME = "Noto Sans CJK SC"

# Qualitative palette (matplotlib "tab20", dark shade of each hue first, then the light ones):
# 20 colours, so that two associations rarely share one.
ASSOCIATION_COLORS: tuple[str, ...] = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5",
    "#c49c94", "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5",
)  # fmt: skip

# Status colours: green done, amber ongoing, grey when the notice says nothing.
STATUS_COLORS: dict[str, str] = {
    "completed": "#2e7d32",
    "in_progress": "#f9a825",
    "not_stated": "#9e9e9e",
}

_font_ready = False


def cjk_font_path() -> Path:
    """Path of the Noto Sans CJK SC font bundled with ``mplfonts``."""
    import mplfonts

    path = Path(mplfonts.__file__).parent / "fonts" / CJK_FONT_FILE
    if not path.is_file():
        raise FileNotFoundError(
            f"{CJK_FONT_FILE} not found in the mplfonts package at {path.parent}"
        )
    return path


def setup_cjk_font(*, style: str = "whitegrid", context: str = "notebook") -> str:
    """Register the bundled CJK font and make it matplotlib's and seaborn's default.

    Safe to call any number of times. Returns the font family name.
    """
    global _font_ready
    import matplotlib as mpl
    import seaborn as sns
    from matplotlib import font_manager

    if not _font_ready:
        path = str(cjk_font_path())
        if not any(entry.fname == path for entry in font_manager.fontManager.ttflist):
            font_manager.fontManager.addfont(path)
        _font_ready = True
    sns.set_theme(context=context, style=style, font=CJK_FONT_NAME)
    sans = [CJK_FONT_NAME, *(f for f in mpl.rcParams["font.sans-serif"] if f != CJK_FONT_NAME)]
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = sans
    mpl.rcParams["axes.unicode_minus"] = False  # the CJK font has no U+2212 minus glyph
    return CJK_FONT_NAME


def association_color(association: str) -> str:
    """The colour of one association: a hash of its name picks a slot of ``ASSOCIATION_COLORS``.

    Depends on the name only (sha256, not Python's per-process ``hash``), so it is the same in
    every report and every run, whatever other associations are drawn beside it.
    """
    digest = hashlib.sha256(str(association).encode("utf-8")).digest()
    return ASSOCIATION_COLORS[int.from_bytes(digest[:8], "big") % len(ASSOCIATION_COLORS)]


def association_palette(associations: Iterable[str]) -> dict[str, str]:
    """Map each association to its fixed colour (see ``association_color``), e.g. for seaborn's
    ``palette=``.

    Stability wins over distinctness: two names may hash to the same one of the 20 colours;
    they are never shifted to make room, because that would change colours between reports.
    """
    return {name: association_color(name) for name in dict.fromkeys(associations)}
