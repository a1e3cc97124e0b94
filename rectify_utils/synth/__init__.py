"""Synthetic notices with ground truth, written in the generator's own wording.

Modules, in the order a notice is built:

- ``options``: the layout and surface choices drawn per notice (``NoticeOptions``);
- ``wording``: the generator's word lists and phrase templates (never the parser's vocabulary);
- ``bodies``: the inspected body of any kind and level, its names, and the inspectors;
- ``sections``: dates, header, preamble, opening section, totals, plans and closing;
- ``outline``: aspects → middle groups → problems (numbered or running), planned then written;
- ``problems``: one problem's title, heading, measures and status cues;
- ``ledger``: 整改台账 tables, written into Word documents or web pages;
- ``web``: a web page's furniture, and the page saved as HTML;
- ``others``: documents that are not notices (meeting news, announcements, plans);
- ``render``: labels, dates, punctuation forms, and the text laid out or hard-wrapped;
- ``truth``: the JSON sidecar (``NoticeTruth``) and ``truth_mismatches`` against a parse;
- ``generator``: ``synth_notice``, ``write_synthetic_corpus`` and the ``rectify synth`` command.
"""

from __future__ import annotations

from .generator import SynthNotice, synth_notice, write_synthetic_corpus
from .options import (
    GENRE_LAYOUTS,
    HEADING_FORMS,
    LAYOUTS,
    MEASURE_STYLES,
    NON_NOTICE_LAYOUTS,
    OUTLINE_LAYOUTS,
    NoticeOptions,
)
from .truth import (
    NoticeTruth,
    ProblemTruth,
    corpus_mismatches,
    corpus_rows,
    plain_value,
    read_truth,
    sidecar_path,
    truth_mismatches,
    write_truth,
)

__all__ = [
    "GENRE_LAYOUTS",
    "HEADING_FORMS",
    "LAYOUTS",
    "MEASURE_STYLES",
    "NON_NOTICE_LAYOUTS",
    "OUTLINE_LAYOUTS",
    "NoticeOptions",
    "NoticeTruth",
    "ProblemTruth",
    "SynthNotice",
    "corpus_mismatches",
    "corpus_rows",
    "plain_value",
    "read_truth",
    "sidecar_path",
    "synth_notice",
    "truth_mismatches",
    "write_synthetic_corpus",
    "write_truth",
]
