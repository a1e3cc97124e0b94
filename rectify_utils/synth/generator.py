"""Synthetic rectification notices with their true structure (`rectify synth`).

``write_synthetic_corpus(n, seed, out_dir)`` writes ``n`` notices (``.txt``) in the outline
styles of the bundled ones, each with a JSON sidecar (same stem, ``.json``) that holds what a
correct parse must find: organisation, dates, and every problem's number, label, title, aspect
and status. Notice ``i`` of seed ``s`` depends on ``(s, i)`` only, so a corpus is reproducible
and one notice can be regenerated alone (``synth_notice(s, i)``).

Layouts (chosen per notice), as in the bundled notices:

- ``aspect_top``: `一、关于…方面` → `1.…问题` → `(1)措施` (东营);
- ``section_aspect``: `二、…整改落实情况` → `（一）…方面` → `1.关于“…”问题。` (新野, 石龙);
- ``section_group``: `二、` → `（一）方面` → `1、中间分组` → `（1）问题。` (罗庄);
- ``section_flat``: `二、` → `（一）针对“…”问题的整改。` (立山).

Statuses in the sidecar follow the rules in ``rectify_utils/status.py`` with the publish date
as the as-of date: a completion marker or field is ``completed``; 正在…中, 持续整改, 拟于…, or a
deadline after the publish date is ``in_progress`` (and wins over a completion cue); nothing
explicit is ``not_stated``, unless the notice's own totals account for every problem.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

CN_NUMERALS = "零一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
LAYOUTS = ("aspect_top", "section_aspect", "section_group", "section_flat")
# full-width punctuation → half-width, as in notices typed with an English keyboard (东营)
# a unit a line is never broken inside: a run of ASCII letters/digits (`2024`, `kx123`), else one character
WRAP_TOKEN = re.compile(r"[A-Za-z0-9]+|.", re.DOTALL)
# characters typesetting keeps off the start of a line
NO_LINE_START = frozenset("，。、；：？！”’）》,.;:?!)")
FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
HALF_WIDTH = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"})

# --- vocabulary -------------------------------------------------------------------------------

# (county, city) pairs: real places, so the gazetteer can place the organisation
PLACES = (
    ("新野县", "南阳市"), ("唐河县", "南阳市"), ("社旗县", "南阳市"), ("方城县", "南阳市"),
    ("内乡县", "南阳市"), ("淅川县", "南阳市"), ("西峡县", "南阳市"), ("邓州市", "南阳市"),
    ("罗庄区", "临沂市"), ("兰山区", "临沂市"), ("郯城县", "临沂市"), ("兰陵县", "临沂市"),
    ("沂水县", "临沂市"), ("平邑县", "临沂市"), ("蒙阴县", "临沂市"), ("莒南县", "临沂市"),
    ("石龙区", "平顶山市"), ("卫东区", "平顶山市"), ("宝丰县", "平顶山市"), ("鲁山县", "平顶山市"),
    ("立山区", "鞍山市"), ("铁东区", "鞍山市"), ("千山区", "鞍山市"), ("台安县", "鞍山市"),
    ("东营区", "东营市"), ("垦利区", "东营市"), ("利津县", "东营市"), ("广饶县", "东营市"),
    ("寿光市", "潍坊市"), ("青州市", "潍坊市"), ("临朐县", "潍坊市"), ("昌乐县", "潍坊市"),
    ("博兴县", "滨州市"), ("惠民县", "滨州市"), ("阳信县", "滨州市"), ("无棣县", "滨州市"),
)  # fmt: skip
CITIES = ("南阳市", "临沂市", "平顶山市", "鞍山市", "东营市", "潍坊市", "滨州市")
# (organisation suffix, short name used in the text)
BODIES = (
    ("科学技术协会党组", "科协党组"),
    ("科协党支部", "科协"),
    ("科学技术协会", "科协"),
    ("科协党组", "科协党组"),
    ("科学技术协会党支部", "科协党支部"),
)

# areas of work a problem is about
AREAS = (
    "学习贯彻习近平新时代中国特色社会主义思想", "“第一议题”制度落实", "理论学习中心组学习",
    "意识形态工作责任制落实", "党组主体责任履行", "“三会一课”制度执行", "党费收缴管理",
    "组织生活会质量", "党员教育管理", "基层党组织建设", "党风廉政建设主体责任落实",
    "廉政风险防控", "财务管理制度执行", "专项资金使用监管", "政府采购程序执行", "固定资产管理",
    "公务接待管理", "科普阵地建设", "科普宣传工作", "全民科学素质提升工作", "联系服务科技工作者",
    "所属学会管理", "基层科协组织建设", "服务企业科技创新", "选人用人工作", "干部队伍建设",
    "文书档案管理", "上轮巡察反馈问题整改", "调查研究", "考勤和请销假管理", "合同管理",
    "内控制度建设", "会议记录管理", "民主集中制执行", "“三重一大”事项决策", "科普e站运行维护",
    "科技馆展品运行维护", "“四服务”职责落实", "群团改革任务落实", "科技人才举荐工作",
)  # fmt: skip
# shortcomings the parser's vocabulary names (`不到位`, `有差距`, …)
SHORTCOMINGS = (
    "不到位", "有差距", "不够扎实", "不够有力", "不严格", "不规范", "存在薄弱环节", "不够深入",
    "有偏差", "存在短板", "滞后", "有待加强", "不够及时", "缺乏长效机制", "不够健全", "打折扣",
    "走过场", "存在漏洞", "力度不够", "成效不明显", "落实不力", "不够系统", "仍有差距",
)  # fmt: skip
# real shortcomings the vocabulary does not name: a minority of titles use them
OTHER_SHORTCOMINGS = ("流于形式", "作用发挥不充分", "标准偏低")
ASPECT_AREAS = (
    "贯彻落实党中央决策部署和上级工作要求", "履行科协职能职责", "作风建设",
    "落实全面从严治党主体责任", "基层党组织建设", "巡察整改和成果运用", "选人用人和干部队伍建设",
    "推进科普事业发展", "意识形态工作", "执行财经纪律", "落实“四服务”职责", "服务创新发展",
)  # fmt: skip
ASPECT_SHORTCOMINGS = ("有差距", "不到位", "不够有力", "存在薄弱环节", "不够严实", "有短板")

# measure sentences: actions, no shortcoming or status wording
MEASURES = (
    "组织党员干部集中学习{doc}，进一步提高思想认识",
    "制定印发《{unit}{topic}管理办法》，明确工作流程和责任分工",
    "召开专题会议{n}次，研究部署{area}相关工作",
    "建立{area}工作台账，实行清单化管理，定期调度工作进展",
    "修订完善《{unit}{topic}制度》，严格按照程序规范办理",
    "开展专项检查{n}次，对发现的情况逐项登记并督促改正",
    "邀请专家开展业务培训{n}场，参训人员{m}人次",
    "加强与{dept}的沟通对接，形成工作合力",
    "将{area}纳入年度目标考核，压实工作责任",
    "深入基层开展走访调研{n}次，收集意见建议{m}条",
    "落实领导班子成员联系基层制度，每季度开展一次调研指导",
    "明确专人负责{area}，建立健全监督机制",
    "对{year}年以来的相关资料进行全面梳理，补齐归档材料{n}份",
    "在门户网站和微信公众号发布相关信息{m}条，扩大宣传覆盖面",
    "组织开展主题党日活动{n}次，增强党员干部的责任意识",
    "与{dept}联合举办专题活动{n}场，服务群众{m}人次",
)  # fmt: skip
DOCS = (
    "习近平总书记重要讲话精神", "《中国共产党纪律处分条例》", "《中国共产党支部工作条例（试行）》",
    "《关于新形势下党内政治生活的若干准则》", "党的二十大精神", "《中国共产党巡视工作条例》",
)  # fmt: skip
TOPICS = ("财务", "资产", "采购", "档案", "考勤", "公务接待", "学会", "科普经费", "合同", "会议")
DEPTS = ("区财政局", "县民政局", "市科协", "县委组织部", "区教体局", "县机关事务服务中心")

# the opening section: actions taken, never shortcomings (`（一）提高政治站位，加强组织领导。`)
ORG_SECTION_TITLES = (
    "组织整改落实情况", "整改工作基本情况", "强化整改主体责任", "领导班子履行主体责任情况",
    "提高政治站位，扎实推进巡察整改",
)  # fmt: skip
ORG_ITEMS = (
    "提高政治站位，加强组织领导", "明确责任分工，细化整改措施", "加强督促检查，确保整改实效",
    "坚持标本兼治，建立长效机制", "强化组织领导，健全整改机制", "结合自身实际，制定整改方案",
    "压紧压实责任，推动整改落实", "深化思想认识，精心组织部署", "从严从实推进，聚焦整改重点",
)  # fmt: skip
ORG_SENTENCES = (
    "{short}领导班子高度重视，成立了以主要负责同志为组长的巡察整改工作领导小组",
    "对照巡察反馈意见逐条梳理，明确整改目标、整改措施、责任人和完成时限",
    "建立巡察整改工作台账，定期调度整改进展，研究解决整改过程中遇到的困难",
    "注重举一反三，深入剖析根源，建立健全相关制度，用制度管人管事",
    "先后召开专题会议{n}次，研究部署整改工作",
)
PROBLEM_SECTION_TITLES = (
    "巡察反馈问题整改落实情况", "整改落实情况", "常规巡察整改落实情况", "巡察反馈意见整改落实情况",
)  # fmt: skip
PLAN_SECTION_TITLES = ("下一步工作打算", "下一步工作措施", "下一步工作计划")
PLAN_ITEMS = (
    "加强理论学习，打造“三型”科协组织", "强化服务意识，夯实作风建设之基",
    "压实主体责任，提升组织建设水平", "巩固整改成果，健全长效机制",
    "将履职尽责与整改工作相结合，在日常工作中抓落实", "坚持举一反三，推动科协事业高质量发展",
)  # fmt: skip
PLAN_SENTENCES = (
    "{short}将继续坚持标准不降、力度不减，持续巩固巡察整改成果",
    "进一步完善内部管理制度，加强对专项资金的监管",
    "加强与科技工作者的联系，搭建学术交流平台，增强科协组织的凝聚力和吸引力",
)


# --- truth ------------------------------------------------------------------------------------


@dataclass
class ProblemTruth:
    """One problem as a correct parse must report it."""

    problem_no: int
    label: str
    title: str
    aspect_no: int | None
    aspect_title: str | None
    group_title: str | None
    status: str
    status_cue: str
    n_measures: int
    deadline: str | None = None


@dataclass
class NoticeTruth:
    """The true structure of one synthetic notice (its JSON sidecar)."""

    notice_id: str
    seed: int
    index: int
    organisation: str
    title: str
    inspection_start: str
    inspection_end: str
    feedback_date: str
    publish_date: str
    as_of_date: str
    layout: str
    options: dict
    n_problems: int
    n_measures: int
    problems: list[ProblemTruth] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)


@dataclass
class SynthNotice:
    text: str
    truth: NoticeTruth


# --- helpers ----------------------------------------------------------------------------------


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (as in outline labels)."""
    if n <= 10:
        return CN_NUMERALS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_NUMERALS[tens]) + "十" + (CN_NUMERALS[ones] if ones else "")


def fmt_date(d: dt.date, spaced: bool = False, year: bool = True) -> str:
    """`2024年3月15日`, spaced as PDF extractions do: `2024 年 3 月 15 日`."""
    parts = ([f"{d.year}", "年"] if year else []) + [f"{d.month}", "月", f"{d.day}", "日"]
    if spaced:
        return " ".join(parts)
    return "".join(parts)


def chinese_date(d: dt.date) -> str:
    """`二〇二四年十月三十日`: a signature date in Chinese numerals."""
    year = "".join("〇一二三四五六七八九"[int(c)] for c in str(d.year))
    return f"{year}年{cn_number(d.month)}月{cn_number(d.day)}日"


def display_width(text: str) -> float:
    return sum(0.5 if ord(ch) < 128 else 1.0 for ch in text)


class _Writer:
    """Builds one notice's paragraphs with the notice's surface options applied."""

    def __init__(self, rng: random.Random, opts: dict) -> None:
        self.rng = rng
        self.opts = opts
        self.paragraphs: list[str] = []

    def punct(self, text: str) -> str:
        return text.translate(HALF_WIDTH) if self.opts["half_width"] else text

    def bracket(self, inner: str) -> str:
        """`（一）` or, in half-width notices and now and then elsewhere, `(一)`."""
        half = self.opts["half_width"] or self.rng.random() < self.opts["mixed_brackets"]
        return f"({inner})" if half else f"（{inner}）"

    def digits(self, n: int) -> str:
        return str(n).translate(FULL_WIDTH_DIGITS) if self.opts["full_width_digits"] else str(n)

    def label(self, level: int, n: int) -> str:
        if level == 1:
            return f"{cn_number(n)}、"
        if level == 2:
            return self.bracket(cn_number(n))
        if level == 3:
            return f"{self.digits(n)}{self.opts['arabic_stop']}"
        if level == 4:
            return self.bracket(self.digits(n))
        return CIRCLED[n - 1]

    def add(self, text: str) -> None:
        self.paragraphs.append(text)


# --- generation -------------------------------------------------------------------------------


def _options(rng: random.Random, layout: str | None = None) -> dict:
    """Draw one notice's layout and surface choices (those that depend on the layout follow it)."""
    drawn = rng.choice(LAYOUTS)
    layout = layout or drawn
    wrapped = rng.random() < 0.35
    measures = rng.choice(MEASURE_STYLES[layout])
    return dict(
        layout=layout,
        numbering=rng.choice(("across", "restart")) if layout != "section_flat" else "across",
        n_aspects=rng.choice((1, 2, 2, 3, 3, 4, 5)) if layout != "section_flat" else 0,
        groups=layout == "section_group" or (layout == "aspect_top" and rng.random() < 0.2),
        heading_form=rng.choice(HEADING_FORMS[layout]),
        measures=measures,
        field_label=rng.random() < 0.6,
        bold=not wrapped and rng.random() < 0.3,  # `**一是**` survives only unwrapped text
        half_width=rng.random() < 0.2,
        mixed_brackets=rng.choice((0.0, 0.0, 0.15)),
        arabic_stop=rng.choice((".", ".", "、", "．")),
        wrapped=wrapped,
        wrap_width=rng.randint(24, 28),
        wrap_blank_lines=rng.random() < 0.7,
        stray_breaks=not wrapped and rng.random() < 0.25,
        indent=rng.choice(("", "", "  ", "\u3000\u3000")),
        attachment=rng.random() < 0.25,
        org_section=layout != "aspect_top" or rng.random() < 0.5,
        org_items_arabic=rng.random() < 0.3,
        summary=rng.choice(("none", "none", "consistent", "counts")),
        plan_section=rng.random() < 0.7,
        disclosure=rng.random() < 0.3,
        signature=rng.random() < 0.85,
        spaced_dates=wrapped and rng.random() < 0.6,
        status_mix=rng.choice(("markers", "fields", "body", "mixed", "none")),
        wide_vocabulary=rng.random() < 0.3,
        full_width_digits=rng.random() < 0.1,  # `１．` / `（１）`, typed with a full-width IME
        chinese_numeral_date=rng.random() < 0.15,  # signed `二〇二四年十月三十日`
    )


# how measures are itemised per layout: sub-headings one level below the problem (`(1)`, `1.`,
# `①` paragraphs), inline `①②` or `一是…二是…`, or not at all
MEASURE_STYLES = {
    "aspect_top": ("sub", "sub", "shi", "none"),
    "section_aspect": ("shi", "circled", "sub", "none"),
    "section_group": ("circled", "circled", "shi", "sub", "none"),
    "section_flat": ("shi", "circled", "sub", "none"),
}
# heading forms per layout (see _heading_text)
HEADING_FORMS = {
    "aspect_top": ("bare_wenti", "bare_wenti", "about_quoted", "about_de"),
    "section_aspect": ("about_quoted", "about_de", "bare_stop", "bare_wenti"),
    "section_group": ("bare_stop", "bare_stop", "about_de"),
    "section_flat": ("zhendui", "zhendui_de", "about_quoted"),
}


def _title(rng: random.Random, wide: bool = False) -> tuple[str, str]:
    """A problem statement and its area: `科普阵地建设不到位`, `…不够扎实，…存在漏洞`."""
    area = rng.choice(AREAS)
    first = area + _shortcoming(rng, wide)
    if rng.random() < 0.4:
        second = rng.choice(AREAS) + _shortcoming(rng, wide)
        if second != first:
            return f"{first}，{second}", area
    return first, area


def _shortcoming(rng: random.Random, wide: bool = False) -> str:
    if wide and rng.random() < 0.3:
        return rng.choice(OTHER_SHORTCOMINGS)
    return rng.choice(SHORTCOMINGS)


def _measure_sentence(rng: random.Random, area: str, year: int) -> str:
    """One rectification step of one to three clauses (no final stop)."""
    area = area.replace("“", "").replace("”", "")
    clauses = [
        template.format(
            doc=rng.choice(DOCS),
            unit="",
            topic=rng.choice(TOPICS),
            n=rng.randint(1, 9),
            m=rng.randint(10, 300),
            area=area,
            dept=rng.choice(DEPTS),
            year=year,
        )
        for template in rng.sample(MEASURES, rng.choice((1, 2, 2, 3)))
    ]
    return "，".join(clauses).replace("工作工作", "工作")  # `…提升工作` + `工作台账`


def _heading_text(form: str, title: str) -> str:
    """The heading after its label, for a heading form."""
    if form == "about_quoted":  # 新野: 关于“…”问题。
        return f"关于“{title}”问题。"
    if form == "about_de":  # 石龙: 关于…的问题。
        return f"关于{title}的问题。"
    if form == "bare_wenti":  # 东营: …问题 (no stop)
        return f"{title}问题"
    if form == "bare_stop":  # 罗庄: …。
        return f"{title}。"
    if form == "zhendui":  # 立山: 针对“…”问题的整改。
        return f"针对“{title}”问题的整改。"
    return f"针对“{title}”的问题的整改。"  # zhendui_de


def _status_plan(rng: random.Random, mix: str, form: str) -> str:
    """How this problem states its status (a cue name, see the end of ``_problem``)."""
    markers = ("marker_done", "marker_ongoing")
    fields = ("field_done", "field_done_long", "field_past", "field_future", "field_long",
              "field_keep", "field_on_the_spot", "field_progress_done",
              "field_progress_ongoing")  # fmt: skip
    body = ("body_done", "body_ongoing", "body_plan")
    pools = {
        "markers": (*markers, "marker_done", "marker_done", "none"),
        "fields": (*fields, "field_done", "none"),
        "body": (*body, "none", "none"),
        "mixed": (*markers, *fields, *body, "mixed", "none", "none"),
        "none": ("none",),
    }
    return rng.choice(pools[mix])


def _deadline_between(rng: random.Random, a: dt.date, b: dt.date) -> dt.date:
    return a + dt.timedelta(days=rng.randint(0, max(0, (b - a).days)))


def synth_notice(
    seed: int, index: int = 0, *, wide_vocabulary: bool | None = None, options: dict | None = None
) -> SynthNotice:
    """Notice ``index`` of the corpus for ``seed``: its text and its true structure.

    ``wide_vocabulary`` (drawn per notice unless given) also words problems with shortcomings
    outside the core list (流于形式, 标准偏低, 作用发挥不充分). ``options`` overrides the drawn
    layout choices (keys as in the sidecar's ``options``), e.g. ``{"layout": "aspect_top",
    "n_aspects": 1}``.
    """
    rng = random.Random(f"rectify-synth:{seed}:{index}")
    opts = _options(rng, (options or {}).get("layout"))
    if wide_vocabulary is not None:
        opts["wide_vocabulary"] = wide_vocabulary
    unknown = set(options or {}) - set(opts)
    if unknown:
        raise ValueError(f"unknown synth options: {sorted(unknown)}")
    opts.update(options or {})
    w = _Writer(rng, opts)
    layout = opts["layout"]

    county, city = rng.choice(PLACES) if rng.random() < 0.85 else (None, rng.choice(CITIES))
    place = county or city
    body, short = rng.choice(BODIES)
    organisation = (
        ("中共" if body.endswith(("党组", "党支部")) and rng.random() < 0.8 else "") + place + body
    )
    committee = place[-1] + "委"  # 县委, 区委, 市委
    inspector = f"{committee}第{cn_number(rng.randint(1, 6))}巡察组"

    start = dt.date(rng.randint(2019, 2025), rng.randint(1, 9), rng.randint(1, 28))
    end = start + dt.timedelta(days=rng.randint(25, 80))
    feedback = end + dt.timedelta(days=rng.randint(10, 60))
    publish = feedback + dt.timedelta(days=rng.randint(60, 200))
    spaced = opts["spaced_dates"]

    # header
    title = rng.choice(
        (
            f"{organisation}关于{inspector}反馈意见整改落实情况的通报",
            f"{organisation}关于巡察整改进展情况的通报",
            f"{organisation}关于{committee}巡察整改落实进展情况的通报",
            f"{organisation}关于{inspector}反馈意见集中整改进展情况的通报",
            f"{organisation}关于巡察整改情况的通报",
        )
    )
    if opts["attachment"]:
        w.add(f"附件{rng.randint(1, 12)}")
        w.add(w.punct("（向社会公开）"))
    header_lines = _split_title(title, rng, opts)
    for line in header_lines:
        w.add(line)

    # preamble
    same_year = feedback.year == end.year
    preamble = (
        f"根据{committee}统一部署，{fmt_date(start, spaced)}至"
        f"{fmt_date(end, spaced, year=end.year != start.year or rng.random() < 0.5)}，"
        f"{inspector}对{place}{short}进行了巡察。"
    )
    if rng.random() < 0.5:
        preamble += (
            f"{fmt_date(feedback, spaced, year=not same_year or rng.random() < 0.6)}，"
            f"巡察组向{place}{short}反馈了巡察意见。"
        )
    else:
        preamble = preamble.rstrip("。") + f"，并于{fmt_date(feedback, spaced)}反馈了巡察情况。"
    preamble += "按照有关要求，现将巡察整改情况予以公布。"
    w.add(w.punct(preamble))

    # problems: decide the outline first, then write it
    n_aspects = opts["n_aspects"]
    aspects = []
    for _ in range(max(1, n_aspects)):
        n_groups = rng.randint(1, 3) if opts["groups"] else 0
        if n_groups:
            groups = [rng.randint(1, 3) for _ in range(n_groups)]
        else:
            groups = [rng.randint(2, 8) if layout == "section_flat" else rng.randint(1, 5)]
        ungrouped_first = opts["groups"] and rng.random() < 0.2
        aspects.append((groups, ungrouped_first))

    problems: list[ProblemTruth] = []
    top = 0  # level-1 section counter

    def next_top() -> str:
        nonlocal top
        top += 1
        return w.label(1, top)

    if opts["org_section"]:
        _org_section(w, rng, opts, next_top(), place + short)
        org_index = len(w.paragraphs)  # the summary sentence goes here, once statuses are known
    else:
        org_index = None

    if layout != "aspect_top":
        w.add(next_top() + rng.choice(PROBLEM_SECTION_TITLES))
        if rng.random() < 0.5:
            w.add(
                w.punct(
                    f"{place}{short}对{inspector}反馈的问题逐项研究、细化措施、对账销号，"
                    "确保整改工作取得实效。具体情况如下："
                )
            )

    aspect_level = {"aspect_top": 1, "section_aspect": 2, "section_group": 2}.get(layout)
    problem_level = {"aspect_top": 3, "section_aspect": 3, "section_group": 4, "section_flat": 2}[
        layout
    ]
    group_level = {"aspect_top": 2, "section_group": 3}.get(layout)
    measure_level = problem_level + 1 if opts["measures"] == "sub" else None
    problem_no = 0
    label_no = 0
    group_no = 0
    for a_index, (groups, ungrouped_first) in enumerate(aspects, start=1):
        aspect_no = a_index if aspect_level else None
        aspect_title = None
        if aspect_level:
            aspect_title = w.punct(_aspect_title(rng, layout))
            label = next_top() if aspect_level == 1 else w.label(2, a_index)
            w.add(label + aspect_title)
            aspect_title = aspect_title.rstrip("。")
            if opts["numbering"] == "restart":
                label_no = 0
                group_no = 0
        layout_groups = [(None, g) for g in groups] if not opts["groups"] else []
        if opts["groups"]:
            if ungrouped_first:
                layout_groups.append((None, 1))
            layout_groups += [("group", g) for g in groups]
        for kind, n_in_group in layout_groups:
            group_title = None
            if kind == "group":
                group_no += 1
                group_title = w.punct(_title(rng)[0]) + ("。" if rng.random() < 0.5 else "")
                w.add(w.label(group_level, group_no) + group_title)
                group_title = group_title.rstrip("。")
            for _ in range(n_in_group):
                problem_no += 1
                label_no += 1
                problems.append(
                    _problem(
                        w,
                        rng,
                        opts,
                        problem_no,
                        w.label(problem_level, label_no),
                        problem_level,
                        measure_level,
                        aspect_no,
                        aspect_title,
                        group_title,
                        start.year,
                        feedback,
                        publish,
                    )
                )

    # statuses the notice's own totals decide (status.reconcile_with_summary)
    n_ongoing = sum(p.status == "in_progress" for p in problems)
    if org_index is not None and opts["summary"] != "none":
        as_of_note = fmt_date(_deadline_between(rng, feedback, publish), year=False)
        if opts["summary"] == "consistent":
            sentence = (
                f"截至{as_of_note}，针对巡察反馈的{len(problems)}个问题，"
                f"已完成整改{len(problems) - n_ongoing}个"
                + (f"，长期整改{n_ongoing}个。" if n_ongoing else "。")
            )
            for p in problems:
                if p.status == "not_stated":
                    p.status, p.status_cue = "completed", p.status_cue + "+summary"
        else:
            sentence = f"截至{as_of_note}，共制定整改措施{rng.randint(20, 90)}条，完善规章制度{rng.randint(2, 12)}项。"
        w.paragraphs.insert(org_index, w.punct(sentence))

    # closing
    if opts["plan_section"]:
        w.add(next_top() + rng.choice(PLAN_SECTION_TITLES))
        if rng.random() < 0.4:
            w.add(w.punct(rng.choice(PLAN_SENTENCES).format(short=place + short) + "。"))
        for k, item in enumerate(rng.sample(PLAN_ITEMS, rng.randint(2, 4)), start=1):
            sentence = rng.choice(PLAN_SENTENCES).format(short=place + short)
            w.add(w.punct(f"{w.label(2, k)}{item}。{sentence}。"))
    welcome = "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。"
    if opts["disclosure"]:
        until = publish + dt.timedelta(days=rng.randint(60, 120))
        welcome += f"公开期限：{fmt_date(publish + dt.timedelta(days=1), spaced)}至{fmt_date(until, spaced)}。"
    welcome += f"联系电话：0{rng.randint(371, 546)}-{rng.randint(2000000, 8999999)}。"
    w.add(w.punct(welcome))
    if rng.random() < 0.5:
        w.add(w.punct(f"电子邮箱：kx{rng.randint(100, 99999)}@163.com。"))
    if opts["signature"]:
        w.add(organisation if rng.random() < 0.7 else place + short)
    w.add(chinese_date(publish) if opts["chinese_numeral_date"] else fmt_date(publish, spaced))

    notice_id = f"synth-{seed}-{index:05d}"
    truth = NoticeTruth(
        notice_id=notice_id, seed=seed, index=index, organisation=organisation,
        title="".join(header_lines), inspection_start=start.isoformat(),
        inspection_end=end.isoformat(), feedback_date=feedback.isoformat(),
        publish_date=publish.isoformat(), as_of_date=publish.isoformat(), layout=layout,
        options=opts, n_problems=len(problems), n_measures=sum(p.n_measures for p in problems),
        problems=problems,
    )  # fmt: skip
    return SynthNotice(_render(w.paragraphs, rng, opts), truth)


def _split_title(title: str, rng: random.Random, opts: dict) -> list[str]:
    """Title lines: short enough that neither line is taken for a wrapped paragraph."""
    limit = 12 if opts["wrapped"] else 30
    if len(title) <= limit and rng.random() < 0.5:
        return [title]
    cut = title.find("关于")
    if opts["wrapped"] or cut <= 0 or len(title) - cut > limit or cut > limit:
        # last line short, the rest in lines below the wrap width (罗庄: `…党组关` / `于巡察…通报`)
        tail = (
            rng.randint(8, min(12, len(title) - 1))
            if opts["wrapped"]
            else min(limit, len(title) // 2)
        )
        head, last = title[:-tail], title[-tail:]
        step = 20 if opts["wrapped"] else limit
        return [head[i : i + step] for i in range(0, len(head), step)] + [last]
    return [title[:cut], title[cut:]]


def _aspect_title(rng: random.Random, layout: str) -> str:
    core = rng.choice(ASPECT_AREAS) + rng.choice(ASPECT_SHORTCOMINGS)
    forms = {
        "aspect_top": (f"关于{core}方面",),
        "section_aspect": (
            f"“{core}”方面",
            f"关于{core}的问题",
            f"党组在{rng.choice(ASPECT_AREAS)}方面{rng.choice(ASPECT_SHORTCOMINGS)}",
        ),
        "section_group": (f"{core}", f"{core}，{rng.choice(AREAS)}{rng.choice(SHORTCOMINGS)}"),
    }
    return rng.choice(forms[layout])


def _org_section(w: _Writer, rng: random.Random, opts: dict, label: str, who: str) -> None:
    w.add(label + rng.choice(ORG_SECTION_TITLES))
    if rng.random() < 0.5:
        w.add(w.punct(f"{who}认真对照巡察反馈意见，高标准高质量推进巡察整改。"))
    for k, item in enumerate(rng.sample(ORG_ITEMS, rng.randint(2, 4)), start=1):
        label = f"{k}." if opts["org_items_arabic"] else w.label(2, k)
        sentences = rng.sample(ORG_SENTENCES, rng.randint(1, 3))
        text = "。".join(s.format(short=who, n=rng.randint(2, 8)) for s in sentences)
        w.add(w.punct(f"{label}{item}。{text}。"))


def _problem(
    w: _Writer, rng: random.Random, opts: dict, problem_no: int, label: str, level: int,
    measure_level: int | None, aspect_no: int | None, aspect_title: str | None,
    group_title: str | None, year: int, feedback: dt.date, publish: dt.date,
) -> ProblemTruth:  # fmt: skip
    """Write one problem (heading, rectification text, status cues); return its truth."""
    form = opts["heading_form"]
    title, area = _title(rng, opts["wide_vocabulary"])
    title = w.punct(title)
    cue = _status_plan(rng, opts["status_mix"], form)
    heading = w.punct(_heading_text(form, title))
    if cue in ("marker_done", "marker_ongoing", "mixed"):
        done = ["（已整改到位）", "（已完成）", "（已整改到位）"]
        ongoing = ["（持续整改）", "（正在整改）", "（长期整改）"]
        if not opts["wrapped"]:
            # markers with no generic cue; a PDF wrap can push them onto their own line, which
            # the parser does not read yet (strict xfail test_status_marker_on_the_line_after…)
            done += ["（已整改）", "（整改完成）"]
            ongoing += ["（持续推进）"]
        marker = rng.choice(ongoing if cue == "marker_ongoing" else done)
        heading += w.punct(marker)
    if opts["bold"] and rng.random() < 0.3:
        label_text = f"**{label}{heading}**"
    else:
        label_text = label + heading
    w.add(label_text)

    paragraphs: list[str] = []
    measures = opts["measures"]
    n_measures = rng.randint(2, 5) if measures != "none" else 0
    sentences = [
        _measure_sentence(rng, area, year) for _ in range(max(n_measures, rng.randint(1, 3)))
    ]
    # a heading without a full stop is followed by a new item, or a PDF wrap would join them
    needs_start = not heading.endswith("。")
    prefix = "整改情况：" if opts["field_label"] or needs_start else ""
    if measures == "sub":
        # sub-headings one level down: `(1)…。`
        for k, s in enumerate(sentences[:n_measures], start=1):
            paragraphs.append(w.label(measure_level, k) + s + "。")
    elif measures == "circled":
        items = [f"{CIRCLED[k]}{s}" for k, s in enumerate(sentences[:n_measures])]
        paragraphs.append(prefix + "；".join(items) + "。")
    elif measures == "shi":
        marks = [f"{cn_number(k)}是" for k in range(1, n_measures + 1)]
        if opts["bold"]:
            marks = [f"**{m}**" for m in marks]
        items = [f"{m}{s}。" for m, s in zip(marks, sentences)]
        cut = (
            rng.randint(1, len(items)) if rng.random() < 0.3 else len(items)
        )  # 石龙: `四是` on a new line
        paragraphs.append(prefix + "".join(items[:cut]))
        if cut < len(items):
            paragraphs.append("".join(items[cut:]))
    else:
        paragraphs.append(prefix + "。".join(sentences) + "。")

    status, deadline = "not_stated", None
    done = (
        "marker_done",
        "field_done",
        "field_done_long",
        "field_on_the_spot",
        "field_progress_done",
    )
    if cue in (*done, "body_done"):
        status = "completed"
    elif cue in (
        "marker_ongoing",
        "field_future",
        "field_long",
        "body_ongoing",
        "body_plan",
        "mixed",
        "field_progress_ongoing",
    ):
        status = "in_progress"
    if cue in ("body_done",):
        paragraphs.append(rng.choice(("目前，该问题已整改到位。", "目前，该问题已完成整改。")))
    elif cue in ("body_ongoing", "mixed"):
        doing = rng.choice(("有序推进", "组织实施", "沟通协调", "履行审批程序"))
        paragraphs.append(f"目前，相关工作正在{doing}中。")
    elif cue == "body_plan":
        when = publish + dt.timedelta(days=rng.randint(20, 200))
        paragraphs.append(f"拟于{when.year}年{when.month}月前向上级报送相关请示。")
    field_name = rng.choice(("整改完成时限", "整改时限", "完成时限"))
    if cue == "field_done":
        paragraphs.append(f"{field_name}：已完成。")
    elif cue == "field_on_the_spot":
        paragraphs.append(f"{field_name}：立行立改，已完成。")
    elif cue == "field_progress_done":  # a status field, as in notices converted from tables
        paragraphs.append(f"{rng.choice(('整改进展', '完成情况'))}：已完成。")
    elif cue == "field_progress_ongoing":
        paragraphs.append(f"{rng.choice(('整改进展', '完成情况'))}：正在有序推进中。")
    elif cue == "field_done_long":
        paragraphs.append(f"{field_name}：已完成，并长期坚持。")
    elif cue in ("field_past", "field_future"):
        if cue == "field_past":
            day = _deadline_between(rng, feedback, publish)
            status = "completed"
        else:
            day = publish + dt.timedelta(days=rng.randint(1, 300))
            status = "in_progress"
        month_end = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(
            days=1
        )
        if rng.random() < 0.3 and (cue == "field_future" or month_end <= publish):
            day, written = month_end, f"{day.year}年{day.month}月底"  # the month's last day
        else:
            written = fmt_date(day)
        deadline = day.isoformat()
        paragraphs.append(f"{field_name}：{written}前完成并长期坚持。")
    elif cue == "field_long":
        paragraphs.append(f"{field_name}：长期整改。")
    elif cue == "field_keep":
        paragraphs.append(f"{field_name}：长期坚持。")  # no end date, not a status

    for p in paragraphs:
        w.add(w.punct(p))
    return ProblemTruth(
        problem_no=problem_no, label=label, title=title, aspect_no=aspect_no,
        aspect_title=aspect_title, group_title=group_title, status=status, status_cue=cue,
        n_measures=n_measures, deadline=deadline,
    )  # fmt: skip


# --- rendering --------------------------------------------------------------------------------


def _render(paragraphs: list[str], rng: random.Random, opts: dict) -> str:
    """Lay the paragraphs out: one per line, or hard-wrapped as a PDF extraction."""
    if not opts["wrapped"]:
        lines = []
        for p in paragraphs:
            if opts["stray_breaks"] and len(p) > 70 and rng.random() < 0.3:
                lines += _stray_break(p, rng)
            else:
                lines.append(opts["indent"] + p)
        sep = "\n\n" if rng.random() < 0.3 else "\n"
        return sep.join(lines) + "\n"
    width = opts["wrap_width"]
    out: list[str] = []
    page, since_page, lead = 1, 0, ""
    page_every = rng.randint(28, 40)
    for p in paragraphs:
        for line in _wrap(p, width):
            out.append(lead + line)
            lead = ""
            since_page += 1
            if since_page >= page_every:
                page += 1
                since_page = 0
                out.append(str(page) if rng.random() < 0.7 else f"- {page} -")
                lead = " " if rng.random() < 0.5 else ""  # a page starts with a stray space (立山)
    sep = "\n\n" if opts["wrap_blank_lines"] else "\n"
    return sep.join(out) + "\n"


def _stray_break(paragraph: str, rng: random.Random) -> list[str]:
    """A paragraph broken mid-sentence after a long line (石龙: `…各成员单位` / `共同协作…`)."""
    for _ in range(10):
        cut = rng.randint(45, len(paragraph) - 10)
        before, after = paragraph[:cut], paragraph[cut:]
        if (
            display_width(before.replace("**", "")) >= 42  # as the reader sees it, without markup
            and before[-1] not in "。！？!?"
            and not before[-1].isascii()
            and not after[0].isascii()
            and after[0] not in "①②③④⑤⑥⑦⑧⑨⑩（(一二三四五六七八九十"
            and not after.startswith(("整改", "完成", "欢迎"))
        ):
            return [before, after]
    return [paragraph]


def _wrap(paragraph: str, width: int) -> list[str]:
    """Hard-wrap at ``width`` cells, never inside a run of ASCII letters or digits."""
    lines, current, cells = [], "", 0.0
    for tok in WRAP_TOKEN.findall(paragraph):
        w = 0.5 * len(tok) if tok.isascii() else 1.0
        # closing punctuation never starts a line: it stays on the full one (避头)
        if current and cells + w > width and tok not in NO_LINE_START:
            lines.append(current)
            current, cells = "", 0.0
        current += tok
        cells += w
    if current:
        lines.append(current)
    return lines


# --- comparing a parse with the truth ------------------------------------------------------------

TRUTH_PROBLEM_FIELDS = (
    "label", "title", "aspect_no", "group_title", "status", "n_measures", "deadline",
)  # fmt: skip
TRUTH_NOTICE_FIELDS = (
    "organisation", "title", "inspection_start", "inspection_end", "feedback_date",
    "publish_date", "as_of_date",
)  # fmt: skip


def _plain(value):
    """A table value as the sidecar writes it: None, int, str or an ISO date."""
    import pandas as pd

    if value is None or (not isinstance(value, str | list) and pd.isna(value)):
        return None  # None, NaN, NA and NaT (a datetime subclass) alike
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def truth_mismatches(problems: list[dict], notice: dict, truth: dict) -> list[str]:
    """Every difference between a parse (problem rows, notice row) and a sidecar, one line each.

    Rows may come from ``parse_notice`` (plain values) or the corpus tables (pandas values).
    """
    errors = [
        f"notice {key}: parsed {_plain(notice.get(key))!r}, notice says {truth[key]!r}"
        for key in TRUTH_NOTICE_FIELDS
        if _plain(notice.get(key)) != truth[key]
    ]
    if len(problems) != truth["n_problems"]:
        got = [f"{p['label']} {p['title']}" for p in problems]
        want = [f"{p['label']} {p['title']}" for p in truth["problems"]]
        return [
            *errors,
            f"{len(problems)} problems parsed, {truth['n_problems']} in the notice",
            f"parsed: {got}",
            f"true:   {want}",
        ]
    for got, want in zip(problems, truth["problems"], strict=True):
        if _plain(got["problem_no"]) != want["problem_no"]:
            errors.append(f"problem {want['problem_no']} parsed as number {got['problem_no']}")
        for key in TRUTH_PROBLEM_FIELDS:
            if _plain(got[key]) != want[key]:
                errors.append(
                    f"problem {want['problem_no']} {key}: parsed {_plain(got[key])!r}, "
                    f"notice says {want[key]!r} (status cue: {want['status_cue']})"
                )
    return errors


# --- corpus and CLI ---------------------------------------------------------------------------


def write_synthetic_corpus(n: int, seed: int, out_dir: str | Path) -> list[Path]:
    """Write ``n`` notices and their JSON sidecars to ``out_dir``; return the notice paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        notice = synth_notice(seed, i)
        path = out / f"{notice.truth.notice_id}.txt"
        path.write_text(notice.text, encoding="utf-8")
        path.with_suffix(".json").write_text(notice.truth.to_json(), encoding="utf-8")
        paths.append(path)
    return paths


def read_truth(path: str | Path) -> dict:
    """The sidecar of a synthetic notice (``x.txt`` → ``x.json``) as a dict."""
    return json.loads(Path(path).with_suffix(".json").read_text(encoding="utf-8"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--n", type=int, default=100, help="number of notices (default: 100)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    parser.add_argument(
        "--out", default="data/synthetic", help="output folder (default: data/synthetic)"
    )


def run_cli(args: argparse.Namespace) -> int:
    if args.n < 0:
        print("--n must be zero or more")
        return 2
    began = time.perf_counter()
    paths = write_synthetic_corpus(args.n, args.seed, args.out)
    seconds = time.perf_counter() - began
    print(f"wrote {len(paths)} notices with JSON sidecars to {args.out} in {seconds:.1f} s")
    return 0
