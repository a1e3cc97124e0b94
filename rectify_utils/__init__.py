"""Rectify Workbook: parse and compare inspection-rectification notices (巡察整改进展情况通报)."""

from __future__ import annotations

__all__ = ["Corpus", "load_corpus"]
__version__ = "0.1.0"


def __getattr__(name: str):  # lazy: keep `import rectify_utils` cheap for the CLI
    if name in {"Corpus", "load_corpus"}:
        from .parse import corpus

        return getattr(corpus, name)
    raise AttributeError(name)
