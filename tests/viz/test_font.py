"""Chinese labels render with the bundled font, registered once, without import-time effects."""

from __future__ import annotations

import re
import subprocess
import sys
import warnings

import matplotlib
import matplotlib.pyplot as plt

from rectify_utils.viz import font

GLYPH_WARNING = re.compile(r"glyph .* missing|missing glyph", re.IGNORECASE)


def test_chinese_labels_render_without_missing_glyph_warnings(tmp_path):
    font.setup_cjk_font()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.bar(["新野县科协", "东营市科协"], [3, -2], label="已完成整改")
        ax.set_title("巡察整改进展情况通报：问题数")
        ax.set_xlabel("协会")
        ax.legend()
        fig.savefig(tmp_path / "figure.png")
    glyph_warnings = [str(w.message) for w in caught if GLYPH_WARNING.search(str(w.message))]
    assert not glyph_warnings, f"Chinese labels would show as empty boxes: {glyph_warnings}"
    assert (tmp_path / "figure.png").stat().st_size > 0


def test_setting_up_the_font_twice_registers_it_once_and_sets_rcparams():
    font.setup_cjk_font()
    n_fonts = len(matplotlib.font_manager.fontManager.ttflist)
    assert font.setup_cjk_font() == font.CJK_FONT_NAME
    assert len(matplotlib.font_manager.fontManager.ttflist) == n_fonts, "font registered twice"
    assert matplotlib.rcParams["font.sans-serif"][0] == font.CJK_FONT_NAME
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    assert font.cjk_font_path().is_file()


def test_the_font_module_keeps_no_state_of_its_own():
    state = [n for n, v in vars(font).items() if n.startswith("_") and isinstance(v, bool)]
    assert not state, f"font.py keeps module state {state}; ask matplotlib's font manager instead"


def test_importing_viz_draws_nothing_and_registers_no_font():
    code = (
        "import sys, rectify_utils.viz\n"
        "print(sorted(m for m in ('matplotlib', 'seaborn', 'mplfonts') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", (
        f"`import rectify_utils.viz` imported {out.stdout.strip()}: a report would pay for (and "
        "be changed by) plotting set-up it did not ask for"
    )
