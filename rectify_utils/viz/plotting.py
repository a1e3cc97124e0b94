"""Former home of the font and palette helpers, kept so existing imports keep working.

New code imports from ``viz.font`` (``setup_cjk_font``, ``cjk_font_path``) and ``viz.palette``
(``association_palette``, ``STATUS_COLORS`` …). ``rectify_utils.report.font`` and
``tests/report/test_build.py`` still import from here; remove this module once they do not.
"""

from __future__ import annotations

from .font import CJK_FONT_FILE, CJK_FONT_NAME, cjk_font_path, setup_cjk_font
from .palette import ASSOCIATION_COLORS, STATUS_COLORS, association_color, association_palette

__all__ = [
    "ASSOCIATION_COLORS",
    "CJK_FONT_FILE",
    "CJK_FONT_NAME",
    "STATUS_COLORS",
    "association_color",
    "association_palette",
    "cjk_font_path",
    "setup_cjk_font",
]
