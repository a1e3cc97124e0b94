"""Problems whose theme was a close call are picked out for review by hand."""

from __future__ import annotations

import pandas as pd

from rectify_utils.analysis.review import REVIEW_RATIO, close_calls
from rectify_utils.analysis.themes import classify_problems


def test_a_runner_up_within_the_review_ratio_is_a_close_call():
    classified = pd.DataFrame(
        {"theme_score": [10.0, 10.0, 0.0, 5.0], "runner_up_score": [8.0, 7.0, float("nan"), 5.0]}
    )
    assert REVIEW_RATIO == 0.8
    assert close_calls(classified).index.tolist() == [0, 3]
    assert close_calls(classified, ratio=0.7).index.tolist() == [0, 1, 3]


def test_bundled_close_calls(corpus):
    close = close_calls(classify_problems(corpus))
    assert len(close) == 5  # measured with the rules and the exemplar model
    assert (close["runner_up_score"] >= REVIEW_RATIO * close["theme_score"]).all()
