"""Stage 3, findings → figures. Imports from ``parse`` and ``analysis``.

- ``font``: the CJK font (Noto Sans CJK SC from ``mplfonts``) for matplotlib and seaborn;
- ``palette``: one colour per association, one per status;
- ``figures``: the reports' figures, each from a tidy table (status bars, timelines, heatmaps …);
- ``setup``: ``notebook_setup`` / ``profile_setup``, what a report notebook calls first, and
  ``FigureShower``, which displays a figure and saves it under ``figures_dir``;
- ``plotting``: the old name of ``font`` and ``palette``, kept for existing imports.

Importing the package imports none of them (no matplotlib, no font registration).
"""
