"""Chinese and Arabic numerals as written in notices."""

from __future__ import annotations

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
CN_NUMBER = "零〇一二两三四五六七八九十百"


def cn_to_int(text: str) -> int | None:
    """`十一` → 11, `二十` → 20, `四` → 4, `31` → 31, `百` → 100; None when not a number.

    Parameters
    ----------
    text : str
        A number in Chinese or Arabic numerals.

    Returns
    -------
    int or None
        Its value.
    """
    text = text.strip()
    if not text:
        return None
    if len(text) == 1 and text in CIRCLED:
        return CIRCLED.index(text) + 1
    text = text.translate(FULL_WIDTH_DIGITS)
    if text.isascii() and text.isdigit():
        return int(text)
    if any(ch not in CN_NUMBER for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = CN_DIGITS[ch]
    return total + current
