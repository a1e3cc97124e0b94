"""Stage 3, findings → figures and tables. Imports from ``parse`` and ``analysis``.

- ``font``: the CJK font (Noto Sans CJK SC from ``mplfonts``) for matplotlib and seaborn;
- ``palette``: one colour-blind-safe hue per association, one colour per status;
- ``figures``: the reports' figures, each from a tidy table (status bars, timelines, heatmaps …),
  and ``figure_alt``, their alt text;
- ``tables``: the reports' interactive tables (search, sort, column filters, CSV/Excel, offline)
  with links from each row to its notice's source view;
- ``setup``: ``notebook_setup`` / ``profile_setup``, what a report notebook calls first, and
  ``FigureShower``, which displays a figure with the table of its data and saves it under
  ``figures_dir``.

Importing the package imports none of them (no matplotlib, no font registration).
"""
