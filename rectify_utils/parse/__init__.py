"""Stage 1, files → tables: read, normalise, outline, problems, status, dates, claims, places.

Imports nothing from ``analysis``, ``viz`` or ``report``.
"""
