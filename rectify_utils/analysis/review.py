"""What a reader should check by hand: problems whose theme was a close call."""

from __future__ import annotations

import pandas as pd

#: a problem needs review when its runner-up theme scores at least this share of its theme
REVIEW_RATIO = 0.8


def close_calls(classified: pd.DataFrame, ratio: float = REVIEW_RATIO) -> pd.DataFrame:
    """The problems whose runner-up theme scores at least ``ratio`` × their theme's score.

    Parameters
    ----------
    classified
        Rows of ``themes.classify_problems``.
    ratio
        The share of the winning score from which the classification is close.

    Returns
    -------
    pd.DataFrame
        The rows of ``classified`` that deserve a second look.
    """
    close = classified["runner_up_score"] >= ratio * classified["theme_score"]
    return classified[close.fillna(False).astype(bool)]
