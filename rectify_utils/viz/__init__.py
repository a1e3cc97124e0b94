"""Stage 3, findings → figures: the CJK font, the palettes, the figure helpers the notebooks
call and the notebook set-up. Imports from ``parse`` and ``analysis``.
"""
