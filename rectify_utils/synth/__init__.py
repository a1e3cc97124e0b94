"""Synthetic notices with ground truth, written in the generator's own wording.

Modules, in the order a notice is built:

- ``options``: the layout and surface choices drawn per notice (``NoticeOptions``);
- ``wording``: the generator's word lists and phrase templates (never the parser's vocabulary);
- ``sections``: who and when, header, preamble, opening section, summary, plans and closing;
- ``outline``: aspects → middle groups → problems, planned and then written;
- ``problems``: one problem's title, heading, measures and status cues;
- ``render``: labels, dates, punctuation forms, and the text laid out or hard-wrapped;
- ``truth``: the JSON sidecar (``NoticeTruth``) and ``truth_mismatches`` against a parse;
- ``generator``: ``synth_notice``, ``write_synthetic_corpus`` and the ``rectify synth`` command.
"""

from __future__ import annotations

from .generator import SynthNotice, synth_notice, write_synthetic_corpus
from .options import HEADING_FORMS, LAYOUTS, MEASURE_STYLES, NoticeOptions
from .truth import (
    NoticeTruth,
    ProblemTruth,
    plain_value,
    read_truth,
    sidecar_path,
    truth_mismatches,
    write_truth,
)

__all__ = [
    "HEADING_FORMS",
    "LAYOUTS",
    "MEASURE_STYLES",
    "NoticeOptions",
    "NoticeTruth",
    "ProblemTruth",
    "SynthNotice",
    "plain_value",
    "read_truth",
    "sidecar_path",
    "synth_notice",
    "truth_mismatches",
    "write_synthetic_corpus",
    "write_truth",
]
