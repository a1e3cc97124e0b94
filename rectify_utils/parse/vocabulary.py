"""Outline headings of Chinese official documents and the cues that tell their role.

Levels follow the standard hierarchy: 1 `一、` → 2 `（一）` → 3 `1.`/`1、` → 4 `（1）` → 5 `①`.
Half- and full-width brackets and stops are the same level (`(三)` = `（三）`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import cn_to_int

HEADING_PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    # `一、整改工作基本情况`
    (1, re.compile(r"^(?P<label>(?P<num>[一二三四五六七八九十]{1,3})\s*[、．])")),
    # `（一）提高政治站位` / `(三)关于…`
    (2, re.compile(r"^(?P<label>[（(]\s*(?P<num>[一二三四五六七八九十]{1,3})\s*[)）])")),
    # `1、学习…` / `1. 学习…` / `3.意识形态…` (not a decimal such as `1.5万元`)
    (3, re.compile(r"^(?P<label>(?P<num>\d{1,3})\s*[、．.])(?!\d)")),
    # `（1）对习近平…` / `(1)进一步修订…`
    (4, re.compile(r"^(?P<label>[（(]\s*(?P<num>\d{1,3})\s*[)）])")),
    # `①根据巡察反馈…`
    (5, re.compile(r"^(?P<label>(?P<num>[①-⑳]))")),
]

# words that describe a shortcoming: `不到位`, `有差距`, `薄弱环节`, `走过场`, `未编制`, `…问题`
PROBLEM_CUE = re.compile(
    r"不(?:到位|够|足|力|严|实|强|高|深|全|规范|彻底|及时|明显|显|密切|浓厚|系统|扎实|牢固|落地|专用|完整|合规|准确|清|充分|健全|平衡|善|当)"
    r"|差距|滞后|薄弱|漏洞|短板|缺失|缺位|欠缺|缺乏|弱项|偏差|松散|松软|走过场|走形式|形式主义|官僚主义"
    r"|打折扣|走样|流于形式|偏低|偏少|偏弱|乏力|失衡|敷衍|较少|有待|依旧|依然|紊乱|瑕疵|违规|空壳|底数不清|偏大|迟滞|落后|缓慢|嫌贫爱富"
    r"|(?<![已并])未(?!来)|没有|仍(?:有|存在|然)|存在|问题[。.]?$|问题[”\"]?[。.]?$|方面$|方面[。.]?$"
)
# a level-1 title that opens the closing part: `三、下一步工作打算`
CLOSING_SECTION = re.compile(r"下一步|今后|打算|努力方向|巩固.*成果|工作计划|长效机制建设")
# a paragraph of closing boilerplate: `欢迎广大干部群众…监督`, `联系方式：…`, `公开期限：…`
CLOSING_BOILERPLATE = re.compile(
    r"^(?:欢迎|如有(?:意见|问题)|联系(?:方式|电话|人)|电子邮箱|邮箱|公开期限|特此(?:通报|报告|公告)"
    r"|监督(?:电话|邮箱)|来信|邮寄地址|举报(?:电话|邮箱))"
)
# a signature line: `中共临沂市罗庄区科学技术协会党组`, `立山区科协`
SIGNATURE = re.compile(r"^[^，。,;；：:]{2,40}(?:党组|党支部|党委|党总支|科协|协会|委员会|办公室)$")
# a paragraph that is only a date: `2022年6月21日`, `二〇二四年十月三十日`
DATE_LINE = re.compile(
    r"\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,2}\s*月\s*[一二三四五六七八九十]{1,3}\s*日)\s*"
)
# a field label opening a problem's rectification text: `整改情况：`, `整改措施：` (not the
# closing status fields `完成情况：` / `整改进展：`, which follow measures too)
FIELD_LABEL = re.compile(r"^(?:整改(?:情况|措施|举措)|主要措施|具体措施|整改落实情况)\s*[：:]")
# a status marker written into a problem heading: `（已整改到位）`, `【已完成】`, `（持续整改）`
STATUS_MARKER = re.compile(
    r"[（(【\[]\s*(?:已|正在|持续|长期|基本|未|尚未|整改|完成)[^（()）【】\[\]]{0,8}[)）】\]]\s*$"
)
# a problem heading written as a wrapper: `针对“…”问题的整改。`, `关于“…”问题。`, `关于…的问题。`
TITLE_WRAPPER = re.compile(
    r"^(?:针对|关于)?\s*[“\"](?P<q>.+)[”\"]\s*(?:的)?(?:问题)?(?:的整改|整改情况)?[。.]?$"
)
# a heading that names a problem explicitly: `针对“…”问题的整改。`, `关于“…”问题。`
PROBLEM_WRAPPER = re.compile(r"^(?:针对|关于)\s*[“\"].+[”\"]\s*(?:的)?问题")
TITLE_AFFIX = re.compile(r"^(?:针对|关于)|(?:的)?问题(?:的整改|整改情况)?$")


# problem statements are short; the longest in the bundled notices is about 70 characters
MAX_PROBLEM_HEADING = 150


@dataclass(frozen=True)
class Heading:
    level: int
    label: str
    number: int
    rest: str  # the paragraph after the label

    @property
    def first_sentence(self) -> str:
        return first_sentence(self.rest)


def match_heading(paragraph: str) -> Heading | None:
    """The outline heading that opens ``paragraph``, if any."""
    for level, pattern in HEADING_PATTERNS:
        m = pattern.match(paragraph)
        if m:
            number = cn_to_int(m.group("num"))
            if number is None:
                continue
            return Heading(level, m.group("label").strip(), number, paragraph[m.end() :].strip())
    return None


def first_sentence(text: str) -> str:
    """Text up to the first `。` outside quotation marks (the whole text when there is none)."""
    stop = text.find("。")
    if stop == -1:
        return text
    if not OPENING_QUOTE.search(text, 0, stop):
        return text[: stop + 1]
    depth = 0
    for i, ch in enumerate(text):
        if ch in "“‘《「":
            depth += 1
        elif ch in "”’》」" and depth:
            depth -= 1
        elif ch == "。" and depth == 0:
            return text[: i + 1]
    return text


OPENING_QUOTE = re.compile("[“‘《「]")


def clean_title(sentence: str) -> tuple[str, str]:
    """A problem statement without its wrapper and status marker → (title, status marker)."""
    sentence = sentence.strip()
    marker = ""
    m = STATUS_MARKER.search(sentence)
    if m:
        marker, sentence = m.group(0).strip(), sentence[: m.start()].strip()
    w = TITLE_WRAPPER.match(sentence)
    if w:
        title = w.group("q")
    else:
        title = sentence.rstrip("。.；;：:")
        title = TITLE_AFFIX.sub("", title).strip()
    return title.strip() or sentence, marker


def looks_like_problem(heading: Heading, next_paragraph: str | None) -> bool:
    """Does this heading state a shortcoming (rather than an action or a plan)?"""
    sentence = heading.first_sentence[:100]
    if STATUS_MARKER.search(sentence) or (next_paragraph and FIELD_LABEL.match(next_paragraph)):
        return True
    if len(heading.rest) > MAX_PROBLEM_HEADING:
        return False  # a long paragraph under a number is an action taken, not a problem statement
    if PROBLEM_WRAPPER.match(sentence.strip()):
        return True  # `针对“…”问题的整改`: the notice itself calls it a problem
    return bool(PROBLEM_CUE.search(sentence.rstrip("。. ")))


def is_closing_paragraph(paragraph: str) -> bool:
    """Boilerplate, a signature or a bare date after the last problem."""
    return bool(
        CLOSING_BOILERPLATE.match(paragraph)
        or SIGNATURE.match(paragraph)
        or DATE_LINE.fullmatch(paragraph)
    )
