"""Stage 2, tables → findings: tokens, terms, similarity, themes, completion, audit,
concreteness, timeline, and the sentences the notebooks print (``findings``).

Imports from ``parse`` only.
"""
