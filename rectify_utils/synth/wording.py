"""The synthetic notices' own words: places, bodies, problem areas, shortcomings and phrases.

This is the generator's vocabulary, written independently of the parser's
(``rectify_utils.parse.vocabulary``), so that the synthetic corpus tests the parser rather than
echoing it. Every list is drawn from with ``random.choice``/``random.sample``: the order of the
entries is part of the output, so append new entries only where a changed corpus is intended.

Templates are ``str.format`` strings; their fields are named in the comment above each.
"""

from __future__ import annotations

# --- who and where ----------------------------------------------------------------------------

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
# cities that publish in their own name (a city-level association, no county)
CITIES = ("南阳市", "临沂市", "平顶山市", "鞍山市", "东营市", "潍坊市", "滨州市")
# (organisation suffix, short name used in the text)
BODIES = (
    ("科学技术协会党组", "科协党组"),
    ("科协党支部", "科协"),
    ("科学技术协会", "科协"),
    ("科协党组", "科协党组"),
    ("科学技术协会党支部", "科协党支部"),
)
# organisation suffixes a `中共` prefix may go with (Party bodies, not the association itself)
PARTY_BODY_SUFFIXES = ("党组", "党支部")

# --- header, preamble and closing -------------------------------------------------------------

# notice titles; fields {organisation}, {inspector} (县委第三巡察组), {committee} (县委)
NOTICE_TITLES = (
    "{organisation}关于{inspector}反馈意见整改落实情况的通报",
    "{organisation}关于巡察整改进展情况的通报",
    "{organisation}关于{committee}巡察整改落实进展情况的通报",
    "{organisation}关于{inspector}反馈意见集中整改进展情况的通报",
    "{organisation}关于巡察整改情况的通报",
)
# the line under an attachment number: the notice is public
PUBLIC_MARK = "（向社会公开）"
# the inspection sentence; fields {committee}, {start}, {end}, {inspector}, {who} (县科协)
PREAMBLE_INSPECTION = "根据{committee}统一部署，{start}至{end}，{inspector}对{who}进行了巡察。"
# the feedback as its own sentence; fields {feedback}, {who}
PREAMBLE_FEEDBACK = "{feedback}，巡察组向{who}反馈了巡察意见。"
# the feedback as a clause appended to the inspection sentence; field {feedback}
PREAMBLE_FEEDBACK_CLAUSE = "，并于{feedback}反馈了巡察情况。"
# the preamble's last sentence
PREAMBLE_CLOSE = "按照有关要求，现将巡察整改情况予以公布。"
# the invitation to comment that opens the closing paragraph
WELCOME = "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。"
# the disclosure period (公开期限); fields {start}, {end}
DISCLOSURE = "公开期限：{start}至{end}。"
# a landline; fields {area} (3 digits, written after a 0) and {number} (7 digits)
PHONE = "联系电话：0{area}-{number}。"
# a mailbox; field {number}
EMAIL = "电子邮箱：kx{number}@163.com。"

# --- opening section: actions taken, never shortcomings ---------------------------------------

# the opening section's heading (`一、组织整改落实情况`)
ORG_SECTION_TITLES = (
    "组织整改落实情况", "整改工作基本情况", "强化整改主体责任", "领导班子履行主体责任情况",
    "提高政治站位，扎实推进巡察整改",
)  # fmt: skip
# the opening section's lead sentence; field {who}
ORG_LEAD = "{who}认真对照巡察反馈意见，高标准高质量推进巡察整改。"
# the opening section's items (`（一）提高政治站位，加强组织领导。`)
ORG_ITEMS = (
    "提高政治站位，加强组织领导", "明确责任分工，细化整改措施", "加强督促检查，确保整改实效",
    "坚持标本兼治，建立长效机制", "强化组织领导，健全整改机制", "结合自身实际，制定整改方案",
    "压紧压实责任，推动整改落实", "深化思想认识，精心组织部署", "从严从实推进，聚焦整改重点",
)  # fmt: skip
# sentences under an opening item (no final stop); fields {short} (县科协), {n}
ORG_SENTENCES = (
    "{short}领导班子高度重视，成立了以主要负责同志为组长的巡察整改工作领导小组",
    "对照巡察反馈意见逐条梳理，明确整改目标、整改措施、责任人和完成时限",
    "建立巡察整改工作台账，定期调度整改进展，研究解决整改过程中遇到的困难",
    "注重举一反三，深入剖析根源，建立健全相关制度，用制度管人管事",
    "先后召开专题会议{n}次，研究部署整改工作",
)
# the notice's own totals, all problems accounted for; fields {as_of}, {n}, {done}
SUMMARY_TOTALS = "截至{as_of}，针对巡察反馈的{n}个问题，已完成整改{done}个"
# the continuation of SUMMARY_TOTALS when some problems are still in progress; field {ongoing}
SUMMARY_ONGOING = "，长期整改{ongoing}个。"
# totals that count measures and rules, not problems; fields {as_of}, {measures}, {rules}
SUMMARY_COUNTS = "截至{as_of}，共制定整改措施{measures}条，完善规章制度{rules}项。"

# --- the problems section ---------------------------------------------------------------------

# the section that holds the problems (`二、巡察反馈问题整改落实情况`)
PROBLEM_SECTION_TITLES = (
    "巡察反馈问题整改落实情况", "整改落实情况", "常规巡察整改落实情况", "巡察反馈意见整改落实情况",
)  # fmt: skip
# the problem section's lead; fields {who}, {inspector}
PROBLEM_SECTION_LEAD = (
    "{who}对{inspector}反馈的问题逐项研究、细化措施、对账销号，确保整改工作取得实效。具体情况如下："
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
# areas an aspect (方面) heading names
ASPECT_AREAS = (
    "贯彻落实党中央决策部署和上级工作要求", "履行科协职能职责", "作风建设",
    "落实全面从严治党主体责任", "基层党组织建设", "巡察整改和成果运用", "选人用人和干部队伍建设",
    "推进科普事业发展", "意识形态工作", "执行财经纪律", "落实“四服务”职责", "服务创新发展",
)  # fmt: skip
# shortcomings an aspect heading states
ASPECT_SHORTCOMINGS = ("有差距", "不到位", "不够有力", "存在薄弱环节", "不够严实", "有短板")

# --- rectification measures -------------------------------------------------------------------

# measure clauses: actions, no shortcoming or status wording; fields {doc}, {unit}, {topic}, {n},
# {m}, {area}, {dept}, {year}
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
# documents a measure studies ({doc})
DOCS = (
    "习近平总书记重要讲话精神", "《中国共产党纪律处分条例》", "《中国共产党支部工作条例（试行）》",
    "《关于新形势下党内政治生活的若干准则》", "党的二十大精神", "《中国共产党巡视工作条例》",
)  # fmt: skip
# subjects of the rules a measure issues ({topic})
TOPICS = ("财务", "资产", "采购", "档案", "考勤", "公务接待", "学会", "科普经费", "合同", "会议")
# departments a measure works with ({dept})
DEPTS = ("区财政局", "县民政局", "市科协", "县委组织部", "区教体局", "县机关事务服务中心")
# the field that introduces the rectification text (`整改情况：…`)
MEASURE_FIELD = "整改情况："

# --- status wording ---------------------------------------------------------------------------

# heading markers saying the problem is rectified (repeats weight the draw)
MARKERS_DONE = ("（已整改到位）", "（已完成）", "（已整改到位）")
# heading markers saying it is still being rectified
MARKERS_ONGOING = ("（持续整改）", "（正在整改）", "（长期整改）")
# done markers with no generic cue, used only in unwrapped notices: a PDF wrap can push them onto
# their own line, which the parser does not read yet (strict xfail test_status_marker_on_the_line…)
MARKERS_DONE_UNWRAPPED = ("（已整改）", "（整改完成）")
# ongoing markers used only in unwrapped notices, for the same reason
MARKERS_ONGOING_UNWRAPPED = ("（持续推进）",)
# a closing sentence saying the problem is rectified
BODY_DONE = ("目前，该问题已整改到位。", "目前，该问题已完成整改。")
# what is still going on; a closing sentence `目前，相关工作正在{doing}中。`
BODY_DOING = ("有序推进", "组织实施", "沟通协调", "履行审批程序")
# the sentence for work still going on; field {doing}
BODY_ONGOING = "目前，相关工作正在{doing}中。"
# a step only planned; fields {year}, {month}
BODY_PLAN = "拟于{year}年{month}月前向上级报送相关请示。"
# names of the deadline field (`整改时限：…`)
DEADLINE_FIELDS = ("整改完成时限", "整改时限", "完成时限")
# names of a status field, as in notices converted from tables (`整改进展：已完成。`)
PROGRESS_FIELDS = ("整改进展", "完成情况")
# field values by status cue; field {deadline} (a date or `2024年5月底`)
FIELD_VALUES = {
    "field_done": "已完成。",
    "field_on_the_spot": "立行立改，已完成。",
    "field_progress_done": "已完成。",
    "field_progress_ongoing": "正在有序推进中。",
    "field_done_long": "已完成，并长期坚持。",
    "field_past": "{deadline}前完成并长期坚持。",
    "field_future": "{deadline}前完成并长期坚持。",
    "field_long": "长期整改。",
    "field_keep": "长期坚持。",  # no end date, not a status
}

# --- plans ------------------------------------------------------------------------------------

# the closing plans section's heading (never problems)
PLAN_SECTION_TITLES = ("下一步工作打算", "下一步工作措施", "下一步工作计划")
# items of the plans section
PLAN_ITEMS = (
    "加强理论学习，打造“三型”科协组织", "强化服务意识，夯实作风建设之基",
    "压实主体责任，提升组织建设水平", "巩固整改成果，健全长效机制",
    "将履职尽责与整改工作相结合，在日常工作中抓落实", "坚持举一反三，推动科协事业高质量发展",
)  # fmt: skip
# sentences of the plans section (no final stop); field {short}
PLAN_SENTENCES = (
    "{short}将继续坚持标准不降、力度不减，持续巩固巡察整改成果",
    "进一步完善内部管理制度，加强对专项资金的监管",
    "加强与科技工作者的联系，搭建学术交流平台，增强科协组织的凝聚力和吸引力",
)
