"""The synthetic notices' own words: places, bodies, problems, measures, statuses and phrases.

This is the generator's vocabulary, written for the genre independently of the parser's
(``rectify_utils.parse.vocabulary``, which this package never imports), so that the synthetic
corpus tests the parser rather than echoing it. The sentences are written in the official
style of 巡察/巡视整改进展情况通报 for every kind of inspected body, but none is copied from a
published notice.

Every list is drawn from with ``random.choice``/``random.sample``: the order of the entries is
part of the output, so a changed list changes the corpus (and the pinned hash in
``tests/synth/test_independence.py``). Templates are ``str.format`` strings; their fields are
named in the comment above each.
"""

from __future__ import annotations

# =============================================================================================
# Who and where
# =============================================================================================

# (province, city, counties): real places, so the gazetteer can place the body
REGIONS = (
    ("河南省", "南阳市", ("新野县", "唐河县", "社旗县", "方城县", "内乡县", "淅川县", "西峡县", "宛城区", "卧龙区")),
    ("河南省", "信阳市", ("固始县", "潢川县", "光山县", "商城县", "息县")),
    ("河南省", "洛阳市", ("嵩县", "栾川县", "宜阳县", "伊川县", "汝阳县")),
    ("山东省", "临沂市", ("罗庄区", "兰山区", "郯城县", "兰陵县", "沂水县", "平邑县", "蒙阴县", "莒南县")),
    ("山东省", "潍坊市", ("寿光市", "青州市", "临朐县", "昌乐县")),
    ("山东省", "滨州市", ("博兴县", "惠民县", "阳信县", "无棣县")),
    ("山东省", "东营市", ("东营区", "垦利区", "利津县", "广饶县")),
    ("辽宁省", "鞍山市", ("立山区", "千山区", "台安县")),
    ("辽宁省", "锦州市", ("黑山县", "义县", "凌海市")),
    ("浙江省", "金华市", ("婺城区", "金东区", "浦江县", "武义县", "磐安县")),
    ("浙江省", "衢州市", ("常山县", "开化县", "龙游县")),
    ("湖南省", "衡阳市", ("衡阳县", "衡南县", "衡山县", "衡东县", "祁东县")),
    ("湖南省", "郴州市", ("桂阳县", "宜章县", "永兴县", "嘉禾县", "临武县")),
    ("四川省", "广元市", ("利州区", "昭化区", "朝天区", "旺苍县", "青川县", "剑阁县", "苍溪县")),
    ("江西省", "赣州市", ("信丰县", "大余县", "上犹县", "崇义县", "安远县")),
    ("福建省", "泉州市", ("鲤城区", "丰泽区", "洛江区", "惠安县", "安溪县", "永春县", "德化县")),
    ("安徽省", "六安市", ("霍邱县", "舒城县", "金寨县", "霍山县")),
    ("河北省", "保定市", ("涞水县", "阜平县", "定兴县", "唐县", "高阳县")),
)  # fmt: skip
# the level of the inspected body, weighted by how often each publishes (repeats weight the draw)
LEVELS = ("county", "county", "county", "county", "county", "city", "city", "province")
# the ordinal terms of a Party committee (`十四届省委第三轮巡视`)
TERMS = ("十一", "十二", "十三", "十四", "十五")

# Bodies named region + full name (+ party organisation). Each entry:
# (unit_kind, full name at county/city level, full name at province level or None when the
#  body has no provincial counterpart, short name, party organisations it signs as ("" = the
#  body itself), how it calls itself (我会), theme of its own line of work)
BODIES = (
    ("科协", "科学技术协会", "科学技术协会", "科协", ("党组", "党组", "党支部", ""), "我会", "kexie"),
    ("文联", "文学艺术界联合会", "文学艺术界联合会", "文联", ("党组", "党组", ""), "我会", "wenlian"),
    ("社科联", "社会科学界联合会", "社会科学界联合会", "社科联", ("党组", "党支部", ""), "我会", "sheke"),
    ("工会", "总工会", "总工会", "总工会", ("党组", "党组", ""), "我会", "union"),
    ("妇联", "妇女联合会", "妇女联合会", "妇联", ("党组", "党组", ""), "我会", "women"),
    ("其他群团", "残疾人联合会", "残疾人联合会", "残联", ("党组", ""), "我会", "disabled"),
    ("其他群团", "工商业联合会", None, "工商联", ("党组",), "我会", "commerce"),
    ("其他群团", "红十字会", None, "红十字会", ("党组", ""), "我会", "redcross"),
    ("政府部门", "教育局", "教育厅", "教育局", ("党组", "党委"), "我局", "education"),
    ("政府部门", "卫生健康委员会", "卫生健康委员会", "卫健委", ("党组", "党委"), "我委", "health"),
    ("政府部门", "医疗保障局", "医疗保障局", "医保局", ("党组",), "我局", "insurance"),
    ("政府部门", "统计局", "统计局", "统计局", ("党组",), "我局", "statistics"),
    ("政府部门", "文化和旅游局", "文化和旅游厅", "文旅局", ("党组",), "我局", "culture"),
    ("政府部门", "司法局", "司法厅", "司法局", ("党组",), "我局", "justice"),
    ("政府部门", "民政局", "民政厅", "民政局", ("党组",), "我局", "civil"),
    ("政府部门", "人力资源和社会保障局", None, "人社局", ("党组",), "我局", "labour"),
    ("政府部门", "市场监督管理局", None, "市场监管局", ("党组",), "我局", "market"),
    ("其他", "人民法院", None, "法院", ("党组",), "我院", "court"),  # a judicial organ
)  # fmt: skip
# provincial bodies whose short name changes with their full name (`教育厅`, `司法厅`)
PROVINCE_SHORT = {
    "教育厅": "教育厅",
    "文化和旅游厅": "文旅厅",
    "司法厅": "司法厅",
    "民政厅": "民政厅",
}
# bodies named after a place in their own way, by kind: towns, schools, hospitals, colleges,
# enterprises and the Youth League (see sections.draw_body)
TOWNS = ("城关镇", "城郊乡", "柳林镇", "石桥镇", "白庙乡", "新集镇", "杨庄镇", "双河镇", "东湖街道", "西城街道", "北关街道")  # fmt: skip
# schools of a county (`新野县第一中学`)
SCHOOLS = ("第一中学", "第二中学", "实验中学", "第一高级中学", "第三初级中学", "实验小学")
# hospitals of a county or city (`新野县人民医院`)
HOSPITALS = ("人民医院", "中医院", "妇幼保健院", "第二人民医院")
# colleges of a city, after the city's name without 市 (`南阳理工学院`); invented names
COLLEGES = ("职业技术学院", "师范学院", "理工学院", "医学高等专科学校", "科技职业学院", "财经学院")
# enterprises of a city or county (`南阳市城市建设投资集团有限公司`); invented names
ENTERPRISES = (
    "城市建设投资集团有限公司", "交通投资集团有限公司", "文化旅游发展集团有限公司",
    "水务集团有限公司", "国有资本投资运营集团有限公司", "农业发展集团有限公司",
    "产业投资集团有限公司",
)  # fmt: skip
# the kind of body each of those stands for: (unit_kind, how it calls itself, theme)
NAMED_KINDS = {
    "town": ("乡镇街道", "我镇", "town"),
    "school": ("学校", "我校", "school"),
    "hospital": ("医院", "我院", "hospital"),
    "college": ("学校", "我院", "college"),
    "enterprise": ("企业", "我公司", "enterprise"),
    "youth": ("共青团", "我们", "youth"),
}
# how often each family of bodies is drawn (repeats weight the draw)
BODY_FAMILIES = ("listed",) * 12 + ("town", "town", "school", "hospital", "college", "enterprise", "youth", "youth")  # fmt: skip
# other short names a researcher may as well write, by a part of the full name: an enterprise
# without `有限公司` or by its common abbreviation (a court's `法院` is also `人民法院`)
ASSOCIATION_VARIANTS = (
    ("有限公司", ""), ("城市建设投资", "城投"), ("交通投资", "交投"), ("文化旅游", "文旅"),
)  # fmt: skip
# how a body calls itself in the text by its party organisation (`局党组`, `院党委`)
PARTY_SELF = {"党组": "党组", "党委": "党委", "党支部": "党支部", "": ""}

# =============================================================================================
# Header, preamble and closing
# =============================================================================================

# notice titles naming the body; fields {organisation}, {inspector} (县委第三巡察组),
# {committee} (县委), {inspection} (巡察/巡视), {round} (十四届县委第二轮巡察)
NOTICE_TITLES = (
    "{organisation}关于{inspection}整改进展情况的通报",
    "{organisation}关于{inspector}反馈意见整改落实情况的通报",
    "{organisation}关于{committee}{inspection}反馈问题整改进展情况的通报",
    "{organisation}关于{round}整改进展情况的通报",
    "{organisation}关于{inspection}集中整改进展情况的公告",
    "{organisation}关于{inspector}{inspection}反馈意见集中整改情况的通报",
    "{organisation}{inspection}整改情况公示",
    "{organisation}关于落实{committee}{inspection}反馈意见整改情况的报告",
    "{organisation}关于{inspection}整改落实情况的公示",
)
# titles that do not name the body (it is named in the opening or the signature)
ANONYMOUS_TITLES = (
    "关于{inspection}整改进展情况的通报",
    "关于{round}整改进展情况的通报",
    "关于{inspector}反馈意见整改落实情况的公告",
    "{inspection}整改进展情况公示",
    "关于{committee}{inspection}反馈问题整改情况的通报",
)
# the line under an attachment number: the notice is public
PUBLIC_MARKS = ("（向社会公开）", "（此件公开发布）", "（主动公开）")
# the inspection sentence; fields {committee}, {start}, {end}, {inspector}, {who}, {kind}
# (常规巡察), {round}, {inspection}
PREAMBLE_INSPECTIONS = (
    "根据{committee}统一部署，{start}至{end}，{inspector}对{who}进行了{kind}。",
    "按照{committee}{inspection}工作安排，{inspector}于{start}至{end}对{who}开展了{kind}。",
    "根据{committee}关于{round}的统一安排，{start}至{end}，{inspector}对{who}开展了{kind}。",
    "{start}至{end}，{inspector}对{who}开展了{kind}工作。",
    "根据{round}工作部署，{inspector}于{start}至{end}对{who}进行了{kind}。",
)
# kinds of inspection by level (`常规巡察`, `专项巡视`)
INSPECTION_KINDS = {
    "巡察": ("巡察", "常规巡察", "常规巡察", "专项巡察", "巡察“回头看”", "提级巡察", "机动巡察"),
    "巡视": ("巡视", "常规巡视", "常规巡视", "专项巡视"),
}
# the feedback as its own sentence; fields {feedback}, {who}, {inspector}, {inspection}
PREAMBLE_FEEDBACKS = (
    "{feedback}，{inspector}向{who}反馈了{inspection}意见。",
    "{feedback}，{inspection}组向{who}反馈了{inspection}情况，并提出了整改意见。",
    "{feedback}，{inspector}召开{inspection}反馈会议，向{who}反馈了{inspection}发现的问题。",
    "{inspection}组于{feedback}向{who}集中反馈了{inspection}意见。",
)
# the feedback as a clause appended to the inspection sentence; fields {feedback}, {inspection}
PREAMBLE_FEEDBACK_CLAUSES = (
    "，并于{feedback}反馈了{inspection}意见。",
    "，{feedback}进行了反馈。",
    "，并于{feedback}向{who}反馈了{inspection}情况。",
)
# the preamble's last sentence; field {inspection}
PREAMBLE_CLOSES = (
    "按照{inspection}工作有关要求，现将{inspection}整改进展情况予以公布。",
    "根据《中国共产党巡视工作条例》有关规定，现将整改进展情况向社会公布。",
    "按照党务公开原则和{inspection}工作有关要求，现将整改情况予以公开。",
    "现将{inspection}整改落实情况通报如下。",
    "为主动接受干部群众监督，现将整改进展情况公布如下：",
    "按照有关要求，现将{inspection}整改情况予以公布。",
)
# the feedback's size, said in the preamble: fields {aspects}, {n}, {inspection}
PREAMBLE_SCOPE = (
    "{inspection}组共反馈了{aspects}个方面{n}个问题。",
    "此次{inspection}共指出{aspects}个方面{n}个具体问题。",
)
# the invitation to comment that opens the closing paragraph (several are joined)
WELCOMES = (
    "欢迎广大干部群众对巡察整改落实情况进行监督。",
    "欢迎社会各界对整改工作提出意见建议。",
    "诚恳欢迎广大党员干部群众继续关心支持整改工作，对整改落实情况进行监督。",
    "如有意见建议，请及时向我们反映。",
)
# the disclosure period (公开期限); fields {start}, {end}
DISCLOSURE = "公开期限：{start}至{end}。"
# a landline; fields {area} (3 digits, written after a 0) and {number} (7 digits)
PHONES = (
    "联系电话：0{area}-{number}。",
    "电话：0{area}—{number}；",
    "监督电话：0{area}-{number}。",
)
# postal and electronic mailboxes; field {number}
MAILBOXES = (
    "电子邮箱：jc{number}@163.com。",
    "邮政地址：{place}人民路{n}号，邮编{postcode}。",
    "来信请寄：{place}政务服务中心{n}号信箱。",
)
# the closing paragraph's variants when no invitation is written
CLOSING_WITHOUT_WELCOME = ("特此通报。", "特此公告。", "")

# =============================================================================================
# Web pages: furniture around a notice copied from a site
# =============================================================================================

# the breadcrumb above the title; field {site} (新野县人民政府)
WEB_CRUMBS = (
    "当前位置：首页 > 信息公开 > 巡察整改",
    "您当前的位置：首页 > 党务公开 > 巡视巡察",
    "首页 > 纪检监察 > 巡察工作 > 整改公示",
    "当前位置：首页>>通知公告",
    "{site} > 政务公开 > 工作动态",
)
# the page's dateline; fields {date} (2024-03-05), {time} (10:12), {source}, {views}
WEB_DATELINES = (
    "发布时间：{date} {time}  来源：{source}  浏览次数：{views}  字体：[大 中 小]",
    "发布日期：{date}  信息来源：{source}  阅读次数：{views}",
    "时间：{date}  来源：{source}  【字体：大 中 小】",
    "来源：{source}  发布时间：{date} {time}  点击数：{views}",
    "发布时间：{date}",
)
# the dateline split over lines; same fields
WEB_DATELINE_LINES = (
    ("发布时间：{date} {time}", "来源：{source}", "浏览次数：{views}"),
    ("发布日期：{date}", "作者：{source}", "字体：【大】【中】【小】"),
)
# the publisher a page names as its source, when it is not the body: field {place}
WEB_SOURCES = ("{place}纪委监委", "{place}委巡察办", "{place}人民政府办公室", "本网")
# footer lines after the notice (a few are drawn, in this order)
WEB_FOOTERS = (
    "【打印本页】【关闭窗口】",
    "分享到：",
    "扫一扫在手机打开当前页",
    "【打印】 【关闭】",
    "上一篇：关于开展节前廉政提醒的通知",
    "下一篇：{place}召开巡察工作推进会",
    "主办单位：{site}  技术支持：{place}大数据中心",
    "网站标识码：{code}  ICP备{icp}号",
)

# =============================================================================================
# Opening section: actions taken, never shortcomings
# =============================================================================================

# the opening section's heading (`一、组织整改落实情况`); field {inspection}
ORG_SECTION_TITLES = (
    "组织整改落实情况", "整改工作基本情况", "强化整改主体责任", "领导班子履行主体责任情况",
    "提高政治站位，扎实推进{inspection}整改", "{inspection}整改组织领导情况", "履行整改主体责任情况",
    "坚持高位推动，压紧压实整改责任", "整改工作开展情况",
)  # fmt: skip
# the opening section's lead sentence; field {who}
ORG_LEADS = (
    "{who}认真对照巡察反馈意见，高标准高质量推进巡察整改。",
    "{who}把巡察整改作为重大政治任务，全面认领反馈问题，坚持真改实改。",
    "收到反馈意见后，{who}第一时间召开专题会议，对整改工作进行动员部署。",
    "{who}坚持问题导向，把抓好整改作为检验工作作风的重要标尺。",
)
# the opening section's items (`（一）提高政治站位，加强组织领导。`)
ORG_ITEMS = (
    "提高政治站位，加强组织领导", "明确责任分工，细化整改措施", "加强督促检查，确保整改实效",
    "坚持标本兼治，建立长效机制", "强化组织领导，健全整改机制", "结合自身实际，制定整改方案",
    "压紧压实责任，推动整改落实", "深化思想认识，精心组织部署", "从严从实推进，聚焦整改重点",
    "召开专题会议，统一思想认识", "建立工作台账，实行销号管理", "注重举一反三，深化成果运用",
    "主要负责同志带头，班子成员各负其责",
)  # fmt: skip
# sentences under an opening item (no final stop); fields {short} (县文联), {n}
ORG_SENTENCES = (
    "{short}领导班子高度重视，成立了以主要负责同志为组长的巡察整改工作领导小组",
    "对照巡察反馈意见逐条梳理，明确整改目标、整改措施、责任人和完成时限",
    "建立巡察整改工作台账，定期调度整改进展，研究解决整改过程中遇到的困难",
    "注重举一反三，深入剖析根源，建立健全相关制度，用制度管人管事",
    "先后召开专题会议{n}次，研究部署整改工作",
    "召开巡察整改专题民主生活会，班子成员逐一认领问题、开展批评和自我批评",
    "主要负责同志认真履行第一责任人职责，对重点问题亲自过问、亲自督办",
    "班子成员严格落实“一岗双责”，抓好分管领域的整改任务",
    "实行“周调度、月通报”，整改一项、销号一项",
)

# =============================================================================================
# The notice's own totals (claims)
# =============================================================================================

# totals that account for every problem; fields {as_of}, {n}, {done}, and after them the
# continuations below; each template's fields are all integers but {as_of}
TOTALS_LEADS = (
    "截至{as_of}，针对巡察反馈的{n}个问题，已完成整改{done}个",
    "截至{as_of}，{n}个问题已完成整改{done}个",
    "截至目前，巡察反馈的{n}个问题，已整改落实{done}个",
    "巡察反馈的{n}个问题中，已完成整改{done}个",
)
# the same with the aspects; fields {as_of}, {aspects}, {n}, {done}
TOTALS_LEADS_ASPECTS = (
    "截至{as_of}，巡察反馈的{aspects}个方面{n}个问题，已完成整改{done}个",
    "针对反馈的{aspects}个方面{n}个具体问题，已完成整改{done}个",
)
# continuations for problems still in progress; field {ongoing}
TOTALS_ONGOING = ("，其余{ongoing}个正在按计划推进。", "，长期整改{ongoing}个。", "，持续整改{ongoing}个。", "，正在整改{ongoing}个。")  # fmt: skip
# continuations for problems basically completed, then the rest; fields {basic}, {ongoing}
TOTALS_BASIC = ("，基本完成整改{basic}个", "，阶段性完成{basic}个")
# counts of measures and rules, not problems; fields {as_of}, {measures}, {rules}
COUNTS = (
    "截至{as_of}，共制定整改措施{measures}条，完善规章制度{rules}项。",
    "共制定措施{measures}个，建章立制{rules}项。",
    "针对反馈问题细化{measures}条具体措施，新建和完善制度{rules}项。",
    "整改期间共制定整改措施{measures}条，建立完善制度{rules}项。",
)
# a closing summary by item number; fields {done} and {ongoing} (lists of numbers as
# written: `1、2、3、5`, `1至3`)
ITEM_SUMMARIES = (
    "截至目前，第{done}项已完成整改，第{ongoing}项正在持续推进。",
    "其中，第{done}项问题已整改到位，第{ongoing}项问题持续整改。",
    "对照整改台账，第{done}项已完成，第{ongoing}项正在推进。",
)
# the same when every problem is completed; field {done}
ITEM_SUMMARIES_ALL_DONE = ("截至目前，第{done}项均已完成整改。", "对照整改台账，第{done}项已全部整改到位。")  # fmt: skip

# =============================================================================================
# The problems section
# =============================================================================================

# the section that holds the problems (`二、巡察反馈问题整改落实情况`); field {inspection}
PROBLEM_SECTION_TITLES = (
    "{inspection}反馈问题整改落实情况", "整改落实情况", "{inspection}反馈意见整改落实情况",
    "反馈问题整改进展情况", "具体问题整改情况", "{inspection}整改任务落实情况",
)  # fmt: skip
# the problem section's lead; fields {who}, {inspector}
PROBLEM_SECTION_LEADS = (
    "{who}对{inspector}反馈的问题逐项研究、细化措施、对账销号，确保整改工作取得实效。具体情况如下：",
    "针对{inspector}反馈的问题，{who}逐条制定整改措施，具体整改情况如下：",
    "现将各项问题的整改情况报告如下：",
)
# the heading above a ledger table (`巡察反馈问题整改台账`)
LEDGER_CAPTIONS = ("巡察反馈问题整改台账", "巡察反馈问题整改落实情况一览表", "整改进展情况表", "附表：问题整改清单")  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Problems: an area of work, then a way of saying what falls short in it
# ---------------------------------------------------------------------------------------------

# Areas every body has (party building and internal management), each with the class of
# shortcomings that reads naturally after it (see SHORTCOMINGS)
PARTY_AREAS = (
    ("学习贯彻习近平新时代中国特色社会主义思想", "study"), ("“第一议题”制度落实", "duty"),
    ("理论学习中心组学习", "study"), ("意识形态工作责任制落实", "duty"),
    ("全面从严治党主体责任落实", "duty"), ("“三会一课”制度执行", "duty"), ("党费收缴管理", "manage"),
    ("组织生活会质量", "quality"), ("党员教育管理", "manage"), ("基层党组织标准化建设", "build"),
    ("党风廉政建设", "duty"), ("中央八项规定精神落实", "duty"), ("廉政风险防控", "build"),
    ("财务报销审核", "check"), ("专项资金使用监管", "check"), ("政府采购程序执行", "duty"),
    ("固定资产管理", "manage"), ("公务接待管理", "manage"), ("公务用车使用管理", "manage"),
    ("选人用人工作", "manage"), ("干部队伍建设", "build"), ("年轻干部培养", "build"),
    ("干部人事档案管理", "manage"), ("上轮巡察反馈问题整改", "duty"), ("调查研究", "service"),
    ("考勤和请销假管理", "manage"), ("合同管理", "manage"), ("内控制度建设", "build"),
    ("民主集中制执行", "duty"), ("“三重一大”事项集体决策", "duty"), ("会议记录管理", "manage"),
    ("文书档案管理", "manage"), ("网络意识形态阵地管理", "manage"), ("机关作风建设", "build"),
)  # fmt: skip
# Areas of a body's own line of work, by theme (the theme of BODIES / NAMED_KINDS)
WORK_AREAS = {
    "kexie": (("科普阵地建设", "build"), ("科普e站运行维护", "manage"), ("全民科学素质提升工作", "service"), ("所属学会管理", "manage"), ("联系服务科技工作者", "service"), ("科技馆展品更新", "build"), ("院士专家工作站建设", "build")),
    "wenlian": (("文艺精品创作", "build"), ("所属文艺家协会管理", "manage"), ("联系服务文艺工作者", "service"), ("文艺惠民演出", "service"), ("文艺人才队伍建设", "build"), ("文艺评奖活动管理", "check")),
    "sheke": (("社科普及工作", "service"), ("社科研究课题管理", "check"), ("所属社科类社会组织管理", "manage"), ("社科普及基地建设", "build"), ("新型智库建设", "build")),
    "union": (("困难职工帮扶", "service"), ("工会经费收缴管理", "manage"), ("职工之家建设", "build"), ("劳模评选推荐", "check"), ("新就业形态劳动者入会工作", "build"), ("职工服务阵地运行", "service"), ("职工疗休养管理", "manage")),
    "women": (("妇女儿童维权服务", "service"), ("家庭家教家风建设", "service"), ("妇女创业就业服务", "service"), ("基层妇联组织建设", "build"), ("儿童之家运行管理", "manage"), ("妇女小额贷款贴息审核", "check")),
    "disabled": (("残疾人康复服务", "service"), ("残疾人就业帮扶", "service"), ("残疾人证核发", "check"), ("无障碍设施建设", "build"), ("残疾人两项补贴发放", "check"), ("残疾人辅助器具适配", "service")),
    "commerce": (("服务民营经济发展", "service"), ("商会组织建设", "build"), ("非公经济人士思想政治工作", "service"), ("会员企业联系服务", "service")),
    "redcross": (("救灾物资管理", "manage"), ("应急救护培训", "service"), ("捐赠款物使用公示", "duty"), ("造血干细胞志愿者招募", "build")),
    "education": (("城区学校大班额化解", "build"), ("课后服务", "service"), ("教师队伍建设", "build"), ("校园安全管理", "manage"), ("学生资助资金发放", "check"), ("校外培训机构监管", "check"), ("义务教育优质均衡发展", "build"), ("教育项目建设", "build")),
    "health": (("基层医疗服务能力建设", "build"), ("公立医院监管", "check"), ("家庭医生签约服务", "service"), ("卫生人才队伍建设", "build"), ("基本公共卫生服务资金管理", "manage"), ("门诊就医流程优化", "service")),
    "insurance": (("医保基金监管", "check"), ("定点医药机构管理", "manage"), ("医保经办服务", "service"), ("异地就医直接结算", "service"), ("医疗救助", "service"), ("医保基金结算审核", "check")),
    "statistics": (("统计数据质量", "quality"), ("统计执法检查", "check"), ("统计调查队伍建设", "build"), ("统计数据审核", "check"), ("防范和惩治统计造假", "duty"), ("基层统计基础工作", "build")),
    "culture": (("文物保护", "manage"), ("公共文化服务", "service"), ("旅游市场监管", "check"), ("非物质文化遗产保护传承", "build"), ("文化市场综合执法", "check"), ("乡村文化阵地运行", "service")),
    "justice": (("公共法律服务", "service"), ("人民调解", "service"), ("社区矫正", "manage"), ("普法宣传", "service"), ("法律援助案件质量", "quality"), ("行政复议工作", "duty")),
    "civil": (("社会救助", "service"), ("养老服务机构监管", "check"), ("殡葬管理", "manage"), ("社会组织登记管理", "manage"), ("城乡低保动态管理", "check")),
    "labour": (("就业创业服务", "service"), ("社会保险基金管理", "manage"), ("根治欠薪工作", "duty"), ("职业技能培训", "service"), ("人事考试组织", "manage")),
    "market": (("食品安全监管", "check"), ("特种设备安全监管", "check"), ("市场主体登记", "manage"), ("消费者权益保护", "service"), ("价格监督检查", "check")),
    "court": (("审判执行质效", "quality"), ("案件执行", "build"), ("诉讼服务", "service"), ("司法公开", "duty"), ("审判监督管理", "check"), ("涉诉信访化解", "service")),
    "town": (("村级财务管理", "manage"), ("惠农补贴资金发放", "check"), ("农村人居环境整治", "build"), ("基层治理", "build"), ("耕地保护", "duty"), ("乡村振兴项目建设", "build"), ("信访矛盾纠纷化解", "service"), ("村级集体经济发展", "build")),
    "school": (("教学常规管理", "manage"), ("班额控制", "build"), ("课后服务", "service"), ("师德师风建设", "build"), ("学生资助", "check"), ("学校食堂管理", "manage"), ("校园安全", "manage"), ("作业管理", "manage")),
    "college": (("人才培养质量", "quality"), ("科研经费管理", "check"), ("学科专业建设", "build"), ("学生思想政治工作", "service"), ("基建项目管理", "manage"), ("招生录取管理", "check"), ("实验室安全管理", "manage")),
    "hospital": (("门诊服务", "service"), ("诊疗行为规范", "duty"), ("药品耗材管理", "manage"), ("医疗质量安全", "quality"), ("医德医风建设", "build"), ("医疗服务价格执行", "check"), ("院感防控", "duty"), ("大型设备采购", "check")),
    "enterprise": (("国有资产监管", "check"), ("工程项目管理", "manage"), ("投资决策", "duty"), ("合同履约管理", "manage"), ("债务风险防控", "build"), ("招标采购管理", "check"), ("安全生产", "duty"), ("子公司管控", "manage")),
    "youth": (("青少年思想引领", "service"), ("团员发展", "check"), ("基层团组织建设", "build"), ("青年志愿服务", "service"), ("希望工程资金管理", "manage"), ("少先队工作", "service")),
}  # fmt: skip
# Ways of saying what falls short, by class. Many are outside any cue list a parser might
# hold: they are how notices actually put it.
SHORTCOMINGS = {
    "duty": ("不到位", "不够到位", "不严格", "执行不严", "落实不够有力", "打折扣", "有偏差", "坚持不够经常", "与要求还有距离", "落实不彻底", "存在“上热中温下冷”现象", "走过场"),
    "study": ("不够深入", "不够系统", "学用结合不紧", "浮于表面", "针对性不强", "成效不明显", "存在以读代学现象"),
    "manage": ("不规范", "把关不严", "底子不清", "存在漏洞", "监管不到位", "管理粗放", "制度不健全", "有待规范", "台账不全", "存在薄弱环节"),
    "check": ("审核把关不严", "监管不到位", "审核不够严格", "核查不细", "存在监管盲区", "发放不及时", "把关不严"),
    "service": ("覆盖面窄", "针对性不强", "成效不明显", "作用发挥不充分", "吸引力不强", "不够深入", "实效性不强", "质量不高", "满意度不高", "覆盖面不广"),
    "build": ("推进较慢", "进展滞后", "与要求还有距离", "仍有欠账", "存在短板", "力度不够", "投入不足", "基础薄弱", "不够系统", "成效不够明显"),
    "quality": ("不高", "有待提升", "存在短板", "把关不严", "与要求还有距离", "不够稳定"),
}  # fmt: skip
# whole problem statements, with their own subjects; each as (statement, theme or None for any)
STATEMENTS = (
    ("部分党员干部理论学习浮于表面，学用结合不紧", None),
    ("个别班子成员落实“一岗双责”不够到位", None),
    ("领导班子研究部署业务工作多，研究党建工作少", None),
    ("对上级决策部署的贯彻落实缺少跟踪问效", None),
    ("部分制度多年未修订，与工作实际脱节", None),
    ("干部队伍年龄结构老化，后备力量不足", None),
    ("部分支出事项未经集体研究", None),
    ("发现问题后整改跟踪不及时，仍有欠账", None),
    ("少数干部担当意识不强，工作标准不高", None),
    ("基层会员对学会活动参与度低", "kexie"),
    ("科普活动形式单一，群众参与度不高", "kexie"),
    ("文艺作品数量多但精品少", "wenlian"),
    ("社科普及活动主要集中在城区，乡镇覆盖不够", "sheke"),
    ("困难职工建档立卡信息更新不及时", "union"),
    ("妇女儿童维权服务站点作用发挥不充分", "women"),
    ("部分残疾人康复服务需求未得到及时回应", "disabled"),
    ("城区学校班额偏大，学位供给紧张", "education"),
    ("部分学校课后服务内容单一，学生参与面窄", "education"),
    ("乡镇卫生院诊疗能力偏弱，群众就医外流", "health"),
    ("门诊就医排队时间长，群众反映较多", "hospital"),
    ("部分高值耗材使用未做到全程可追溯", "hospital"),
    ("医保基金使用监管存在薄弱环节", "insurance"),
    ("部分统计调查对象数据填报不真实", "statistics"),
    ("部分不可移动文物保护措施不落实", "culture"),
    ("部分人民调解委员会作用发挥不充分", "justice"),
    ("部分村集体经济收入偏低，发展后劲不足", "town"),
    ("部分案件执行周期偏长，群众满意度不高", "court"),
    ("下属子公司“三重一大”决策制度执行不严", "enterprise"),
    ("基层团组织覆盖面窄，部分团支部长期不开展活动", "youth"),
    ("校园周边交通安全隐患排查不够及时", "school"),
    ("部分科研项目经费支出与预算不符", "college"),
)
# aspect (方面) headings: an area of the inspection's focus and what falls short there
ASPECT_AREAS = (
    "贯彻落实党中央决策部署和上级工作要求", "履行职能职责", "落实全面从严治党主体责任", "作风建设",
    "基层党组织建设", "巡察整改和成果运用", "选人用人和干部队伍建设", "意识形态工作",
    "执行财经纪律", "服务中心大局", "落实主责主业", "群众身边不正之风和腐败问题整治",
    "落实新时代党的组织路线", "防范化解重大风险",
)  # fmt: skip
# shortcomings an aspect heading states
ASPECT_SHORTCOMINGS = ("有差距", "不到位", "不够有力", "存在薄弱环节", "不够严实", "有短板", "还有不足", "不够扎实")  # fmt: skip
# ledger category cells (`落实主责主业方面`); field {area}
LEDGER_CATEGORIES = ("{area}方面", "{area}方面的问题", "关于{area}方面")

# =============================================================================================
# Rectification measures
# =============================================================================================

# measure clauses every body may write: actions, never a status or a shortcoming; fields
# {doc}, {topic}, {n}, {m}, {area}, {dept}, {year}
MEASURES = (
    "组织党员干部集中学习{doc}，进一步提高思想认识",
    "制定印发《{topic}管理办法》，明确工作流程和责任分工",
    "召开专题会议{n}次，研究部署{area}相关工作",
    "建立{area}工作台账，实行清单化管理，定期调度工作进展",
    "修订完善《{topic}制度》，严格按照程序规范办理",
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
    "对照问题清单逐项自查，查找风险点{n}个并制定防控措施",
    "班子成员围绕{area}讲专题党课{n}次",
    "建立月调度、季通报制度，跟踪问效",
    "对{year}年以来的{topic}票据逐笔核查，规范报销程序",
    "把{area}列入党组会议年度议题，每半年专题研究一次",
)
# measure clauses of a body's own line of work, by theme; same fields
WORK_MEASURES = {
    "kexie": ("在乡镇新建科普e站{n}个，配备专兼职管理人员", "组织科技工作者深入基层开展科技服务{n}次", "对所属{n}家学会开展年检"),
    "wenlian": ("组织文艺工作者深入乡村采风创作{n}次", "建立会员联系服务台账，班子成员每人联系{n}名会员", "举办文艺惠民演出{n}场，观众{m}人次"),
    "sheke": ("建立社科普及基地{n}个，面向乡镇开展宣讲{m}场", "修订社科研究课题管理办法，实行课题结项评审", "开通社科普及线上平台"),
    "union": ("对困难职工档案逐户核实，更新信息{m}条", "新建职工之家{n}个，开展送温暖活动{m}人次", "开展新就业形态劳动者集中入会行动，吸纳会员{m}人"),
    "women": ("在各乡镇设立妇女儿童维权服务站{n}个", "开展家庭教育指导服务{n}场，受益家庭{m}户", "开通妇女儿童维权热线，落实专人值守"),
    "disabled": ("为{m}名残疾人上门开展康复评估", "举办残疾人专场招聘会{n}场", "对残疾人两项补贴发放情况开展逐户核查"),
    "commerce": ("走访会员企业{m}家，协调解决困难问题{n}个", "指导{n}个乡镇商会完成规范化建设"),
    "redcross": ("建立救灾物资出入库登记制度", "举办应急救护培训{n}期，培训{m}人次"),
    "education": ("新建城北小学一所，新增学位{m}个", "在全县中小学推行课后服务“5+2”模式", "开展校园安全隐患排查{n}次，整改隐患{m}处", "对学生资助资金发放情况逐校核查"),
    "health": ("选派{n}名医师下沉乡镇卫生院坐诊", "为乡镇卫生院配置远程心电设备{n}台", "推行分时段预约诊疗"),
    "insurance": ("对定点医药机构开展全覆盖检查，追回违规资金{m}万元", "上线医保智能监控系统", "在乡镇便民服务中心开设医保服务窗口{n}个"),
    "statistics": ("建立统计数据三级审核制度", "开展统计执法检查{n}次，对{n}家单位依法处理", "对基层统计人员开展业务培训{n}期"),
    "culture": ("对全县{m}处不可移动文物开展安全巡查", "新建乡村文化驿站{n}个", "联合开展旅游市场专项整治{n}次"),
    "justice": ("在各村（社区）配备法律顾问", "对社区矫正对象逐人落实帮教措施", "组织开展“法律进乡村”活动{n}场"),
    "civil": ("对城乡低保对象开展动态复核，清退不符合条件对象{n}户", "对养老服务机构开展安全检查{n}次"),
    "labour": ("举办招聘活动{n}场，提供岗位{m}个", "开展根治欠薪专项行动，督促支付工资{m}万元"),
    "market": ("开展食品安全专项抽检{m}批次", "对特种设备使用单位开展检查{n}次"),
    "court": ("开展执行积案集中清理行动，执结案件{m}件", "在诉讼服务中心设立导诉台和自助服务区", "每月通报审判执行质效指标"),
    "town": ("对各村财务收支逐笔审核，规范村级财务报账程序", "对惠农补贴发放情况开展入户核查", "整治农村人居环境，清理垃圾杂物{m}吨"),
    "school": ("严格执行教学常规检查制度，每月检查一次教案和作业", "优化课后服务课程，开设兴趣社团{n}个", "建立食材采购三级审核制度"),
    "college": ("修订科研经费管理办法，实行项目经费预算执行月报", "开展实验室安全专项检查{n}次", "调整优化专业设置，停招专业{n}个"),
    "hospital": ("推行分时段预约诊疗，增设自助缴费终端{n}台", "开展处方点评，每月通报不合理用药情况", "建立高值耗材全流程追溯管理制度"),
    "enterprise": ("修订“三重一大”决策制度实施办法", "对在建工程项目开展全面排查", "清理长期挂账往来款项{m}万元"),
    "youth": ("规范团员发展程序，开展团员档案核查", "组建青年志愿服务队{n}支，开展志愿服务{m}人次", "指导各乡镇团委按期完成换届"),
}  # fmt: skip
# documents a measure studies ({doc})
DOCS = (
    "习近平总书记重要讲话精神", "《中国共产党纪律处分条例》", "《中国共产党支部工作条例（试行）》",
    "《关于新形势下党内政治生活的若干准则》", "党的二十大精神", "《中国共产党巡视工作条例》",
    "党的二十届三中全会精神", "《中国共产党廉洁自律准则》",
)  # fmt: skip
# subjects of the rules a measure issues ({topic})
TOPICS = ("财务", "资产", "采购", "档案", "考勤", "公务接待", "合同", "会议", "印章", "车辆")
# departments a measure works with ({dept})
DEPTS = ("县财政局", "县民政局", "县委组织部", "县纪委监委派驻纪检监察组", "县机关事务服务中心", "市级主管部门", "县审计局")  # fmt: skip
# fields that introduce the rectification text (`整改情况：…`)
MEASURE_FIELDS = ("整改情况：", "整改措施：", "整改落实情况：", "整改进展情况：")

# =============================================================================================
# Status wording
# =============================================================================================

# heading markers saying the problem is rectified
MARKERS_DONE = ("（已整改到位）", "（已完成）", "（已整改）", "（整改完成）", "【已完成】")
# heading markers saying it is still being rectified
MARKERS_ONGOING = ("（持续整改）", "（正在整改）", "（长期整改）", "（持续推进）", "（整改中）")
# a closing sentence saying the problem is rectified
BODY_DONE = (
    "目前，该问题已整改到位。",
    "目前，该问题已完成整改。",
    "该项问题已整改完毕。",
    "目前已整改到位。",
)
# what is still going on; for the sentence BODY_ONGOING_FORMS
BODY_DOING = ("有序推进", "组织实施", "沟通协调", "履行审批程序", "持续跟进")
# sentences for work still going on; field {doing}
BODY_ONGOING_FORMS = (
    "目前，相关工作正在{doing}中。",
    "该项工作正在{doing}。",
    "目前，此项整改仍在{doing}中。",
)
# a step only planned; fields {year}, {month}
BODY_PLANS = ("拟于{year}年{month}月前向上级报送相关请示。", "拟于{year}年{month}月启动项目招标。")
# a dated plan still to come; fields {year}, {month} (the deadline is that month's end)
DATED_PLANS = ("计划{year}年{month}月底前完成项目建设。", "计划{year}年{month}月底前完成制度修订。")
# a step that waits for something; field {thing}
PENDING_STEPS = (
    "已向上级申请专项经费，待{thing}到位后将启动建设。",
    "待{thing}到位后，将立即组织实施。",
)
# what a pending step waits for ({thing})
PENDING_THINGS = ("资金", "专项经费", "编制", "上级批复", "设备")
# a sentence that the problem is basically done (counted as in progress)
BASICALLY_DONE = ("目前已基本完成整改。", "该问题已基本完成整改，剩余工作正在收尾。")
# a status on its own line after the measures
STATUS_LINES_ONGOING = ("持续推进。", "正在持续推进。", "目前该问题正在持续推进。")
# `长期坚持` on its own line (work kept up, counted as in progress)
STATUS_LINE_KEEP = "长期坚持。"
# a bare status field as the rectification text's first words
BARE_FIELDS_DONE = (
    "整改情况：已完成。",
    "整改进展：已完成。",
    "完成情况：已完成。",
    "整改情况：已整改到位。",
)
# names of the deadline field (`整改时限：…`)
DEADLINE_FIELDS = ("整改完成时限", "整改时限", "完成时限")
# names of a status field, as in notices converted from tables (`整改进展：已完成。`)
PROGRESS_FIELDS = ("整改进展", "完成情况", "整改状态")
# field values by status cue; field {deadline} (a date or `2024年5月底`)
FIELD_VALUES = {
    "field_done": ("已完成。", "已整改到位。"),
    "field_on_the_spot": ("立行立改，已完成。", "立行立改，已整改到位。"),
    "field_progress_done": ("已完成。", "已整改完毕。"),
    "field_progress_ongoing": ("正在有序推进中。", "持续推进中。", "正在整改。"),
    "field_done_long": ("已完成，并长期坚持。", "已完成，长期坚持。"),
    "field_past": ("{deadline}前完成并长期坚持。", "{deadline}前。", "{deadline}"),
    "field_future": ("{deadline}前完成并长期坚持。", "{deadline}前。", "{deadline}"),
    "field_long": ("长期整改。", "长期推进。"),
    "field_keep": ("长期坚持。",),  # no end date, and no status either
}

# =============================================================================================
# 整改台账 tables: header words and cell values
# =============================================================================================

# header cells by column role; each role's wordings
LEDGER_HEADERS = {
    "number": ("序号", "编号"),
    "category": ("问题类别", "类别", "方面", "问题类型"),
    "problem": ("反馈问题", "巡察反馈问题", "存在问题", "问题描述", "具体问题"),
    "measures": ("整改措施", "整改举措", "主要整改措施"),
    "status": ("整改情况", "整改进展", "完成情况", "目前进展"),
    "deadline": ("完成时限", "整改时限", "时限要求"),
    "responsible": ("责任领导", "责任人", "牵头领导", "责任单位"),
}
# status cells by cue
LEDGER_STATUS = {
    "cell_done": ("已完成", "已整改到位", "已完成整改", "已办结"),
    "cell_on_the_spot": ("立行立改，已完成",),
    "cell_ongoing": ("持续推进", "正在推进", "整改中", "正在持续推进"),
    "cell_long": ("长期整改", "长期推进"),
    "cell_basic": ("基本完成",),
    "cell_empty": ("",),
}
# responsible cells ({who}: the body's short name)
LEDGER_RESPONSIBLE = (
    "主要负责同志",
    "分管副职",
    "班子成员",
    "办公室",
    "财务股",
    "党建办",
    "{who}纪检组长",
)
# deadline cells that give no date (no status either)
LEDGER_OPEN_DEADLINES = ("长期坚持", "立行立改")

# =============================================================================================
# Plans and closing
# =============================================================================================

# the closing plans section's heading (never problems)
PLAN_SECTION_TITLES = (
    "下一步工作打算",
    "下一步工作措施",
    "下一步工作计划",
    "巩固整改成果的长效举措",
)
# items of the plans section
PLAN_ITEMS = (
    "加强理论学习，筑牢思想根基", "强化服务意识，夯实作风建设之基",
    "压实主体责任，提升组织建设水平", "巩固整改成果，健全长效机制",
    "将履职尽责与整改工作相结合，在日常工作中抓落实", "坚持举一反三，推动事业高质量发展",
    "持续跟踪问效，确保问题不反弹",
)  # fmt: skip
# sentences of the plans section (no final stop); field {short}
PLAN_SENTENCES = (
    "{short}将继续坚持标准不降、力度不减，持续巩固巡察整改成果",
    "进一步完善内部管理制度，加强对专项资金的监管",
    "对已完成的整改事项适时开展“回头看”，防止问题反弹回潮",
    "对需要长期坚持的事项，明确责任人，定期跟踪",
)
# a closing outlook written as one paragraph, not a section; field {short}
OUTLOOKS = (
    "下一步，{short}将持续巩固整改成果，建立长效机制，以整改实效推动各项工作提质增效。",
    "下一步，{short}将对照整改台账继续推进未完成事项，确保问题真改实改、改彻底。",
)

# =============================================================================================
# Documents that are not notices
# =============================================================================================

# news of a feedback meeting; fields {inspector}, {who}, {date} (8月15日), {committee}
MEETING_TITLES = (
    "{inspector}向{who}反馈巡察情况",
    "{committee}巡察组召开{who}巡察情况反馈会",
    "{who}召开巡察反馈会议",
)
# the news's first sentence; same fields
MEETING_LEADS = (
    "{date}，{inspector}向{who}反馈巡察情况。巡察组组长通报了巡察发现的主要问题，{committee}巡察办负责同志出席会议并讲话。",
    "{date}上午，{who}巡察情况反馈会召开，{inspector}组长代表巡察组反馈了巡察意见。",
)
# the sentence that introduces the findings
MEETING_FINDINGS_LEADS = ("巡察组指出，{who}存在以下问题：", "反馈指出，巡察中发现的主要问题有：")
# the closing sentences of the news
MEETING_CLOSES = (
    "会议强调，{who}要切实扛起整改主体责任，认真制定整改方案，按时报送整改情况。",
    "{who}主要负责同志作表态发言，表示将照单全收、逐条整改。",
    "会议要求，对巡察反馈的问题要建立清单，逐项明确责任人和完成时限。",
)
# an announcement of an inspection; fields {inspector}, {who}, {start}, {end}, {committee}
ANNOUNCEMENT_TITLES = ("巡察公告", "{inspector}关于对{who}开展巡察的公告", "{committee}巡察组进驻{who}开展巡察")  # fmt: skip
# the announcement's sentences; fields as above and {area}, {number}, {post}
ANNOUNCEMENT_SENTENCES = (
    "根据{committee}巡察工作统一部署，{inspector}于{start}至{end}对{who}开展常规巡察。",
    "巡察期间设立值班电话：0{area}-{number}；邮政信箱：{post}号信箱。",
    "受理时间为每天8:00—18:00。",
    "巡察组主要受理反映{who}领导班子及其成员问题的来信来电来访。",
    "其他不属于巡察受理范围的信访问题，将按规定转有关部门处理。",
)
# a rectification plan's title; fields {organisation}, {inspector}
PLAN_TITLES = (
    "{organisation}关于{inspector}反馈意见的整改方案",
    "{organisation}巡察反馈问题整改工作方案",
    "{organisation}巡察整改任务清单",
)
# the plan's opening sentence; field {inspector}
PLAN_LEADS = (
    "为切实抓好{inspector}反馈意见的整改落实，结合工作实际，制定本方案。",
    "为扎实做好{inspector}反馈问题整改工作，特制定本方案。",
)
# the plan's sections before and after the task list
PLAN_DOC_SECTIONS = ("指导思想", "工作目标", "组织领导", "工作要求")
# sentences of those sections
PLAN_DOC_SENTENCES = (
    "以习近平新时代中国特色社会主义思想为指导，坚持问题导向，做到立行立改、真改实改。",
    "成立整改工作领导小组，主要负责同志任组长，班子成员任副组长。",
    "各责任股室要按照任务清单明确的时限完成整改，按时报送整改材料。",
)
# the heading of the task list
PLAN_TASK_HEADINGS = ("整改任务清单", "整改任务及措施", "主要整改任务")
