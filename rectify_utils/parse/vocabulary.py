"""The genre's vocabulary in one place: every cue word and pattern the parser and the analyses use.

Each pattern is named for what it recognises and commented with what it matches and, where a
near miss matters, what it must not match. The modules that apply them (``normalise``,
``outline``, ``problems``, ``status``, ``dates``, ``claims``, ``notice``, ``places`` and
``analysis.concreteness``) hold the logic, not the words.

Outline levels follow the standard hierarchy of Chinese official documents:
1 `一、` → 2 `（一）` → 3 `1.`/`1、` → 4 `（1）` → 5 `①`; half- and full-width brackets and stops
are the same level (`(三)` = `（三）`).
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------------
# Outline labels
# ---------------------------------------------------------------------------------------------

#: a Chinese-numeral list number: `一` … `十` … `九十九` (as in `一、` and `（三）`)
CN_ORDINAL = r"[一二三四五六七八九十]{1,3}"
#: the label of each outline level, as a regex fragment with groups ``label`` and ``num``
LEVEL_LABELS: dict[int, str] = {
    # matches `一、整改工作基本情况`, `三．下一步工作打算`
    1: r"(?P<label>(?P<num>" + CN_ORDINAL + r")\s*[、．])",
    # matches `（一）提高政治站位`, `(三)关于…`
    2: r"(?P<label>[（(]\s*(?P<num>" + CN_ORDINAL + r")\s*[)）])",
    # matches `1、学习…`, `1. 学习…`, `3.意识形态…`;  not `1.5万元` (a decimal)
    3: r"(?P<label>(?P<num>\d{1,3})\s*[、．.])(?!\d)",
    # matches `（1）对习近平…`, `(1)进一步修订…`
    4: r"(?P<label>[（(]\s*(?P<num>\d{1,3})\s*[)）])",
    # matches `①根据巡察反馈…`
    5: r"(?P<label>(?P<num>[①-⑳]))",
}
#: the second item of an inline list that a paragraph opens with its first, by the first item's
#: level: `（1）修订议事规则；（2）制定学习清单；（3）…` and `1.修订制度；2.开展检查。` are one line of
#: measures, not an outline heading; the second item follows a stop or semicolon
#:   matches  `；（2）` in `（1）修订议事规则；（2）制定学习清单`,  `；2.` in `1.修订制度；2.开展检查`
#:   not      `（2）` in `（1）对照第（2）项要求…` (no stop before it),  `2.5万元` (a decimal)
INLINE_SECOND_ITEM: dict[int, re.Pattern[str]] = {
    3: re.compile(r"[；;。]\s*2\s*[、．.](?!\d)"),
    4: re.compile(r"[；;。]\s*[（(]\s*2\s*[)）]"),
}
#: the outline heading opening a paragraph, level by level (tried in this order)
HEADING_PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    (level, re.compile("^" + label)) for level, label in LEVEL_LABELS.items()
]
#: any outline label, without groups (for finding where a new block starts)
ANY_LABEL = "|".join(re.sub(r"\(\?P<\w+>", "(?:", label) for label in LEVEL_LABELS.values())

# ---------------------------------------------------------------------------------------------
# Page furniture and line breaks (normalise)
# ---------------------------------------------------------------------------------------------

#: markdown bold left by an extraction: `**一是**` → `一是`
MARKDOWN_BOLD = re.compile(r"\*\*|__")
#: markdown heading hashes at a line start: `## 标题` → `标题`
MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
#: a line that is only a page number: `5`, `- 5 -`, `— 12 —`, `第 3 页`, `第3页共5页`;
#: not `5月` or `2024年`
PAGE_NUMBER_LINE = re.compile(
    r"^\s*(?:[-—–]\s*)?\d{1,3}(?:\s*[-—–])?\s*$|^\s*第\s*\d{1,3}\s*页(?:\s*共\s*\d+\s*页)?\s*$"
)
#: spaces next to a non-ASCII character: `2021 年 8 月` → `2021年8月` (`PDF file` keeps its space)
SPACE_BESIDE_CJK = re.compile(r"(?<=[^\x00-\x7f])[ \t\u3000\xa0]+|[ \t\u3000\xa0]+(?=[^\x00-\x7f])")
#: characters that end a sentence: a wrapped line never ends a paragraph on anything else
SENTENCE_END = "。！？!?"
#: characters that leave a sentence open: a line ending on them continues
SENTENCE_PAUSE = "，、,"
#: a 整改台账 row as ``tables.render_ledger`` writes it: the row's 序号 cell as written (when
#: the table has that column and the cell is filled), then its problem cell
#:   matches  序号1｜反馈问题：文艺精品创作推进较慢   序号（三）｜反馈问题：…   反馈问题：协会管理不规范
#:   not      反馈问题整改情况   (a heading about the problems, no field)
LEDGER_ROW = re.compile(r"^(?:序号(?P<num>[^｜\n]{1,12})｜)?反馈问题：")
#: a line that opens a new outline item or field, so it is never glued to the line before:
#: matches `一、` `（一）` `(三)` `1、` `1.` `（1）` `①` `整改情况：` `整改落实情况：` `完成时限：`
#: `针对“…` (a running problem), `欢迎…` `附件2`, a 整改台账 row (`序号1｜反馈问题：…`)
BLOCK_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、．]"
    r"|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]"
    r"|\d{1,3}\s*[、．.](?!\d)"
    r"|[①-⑳]"
    r"|(?:整改|完成)(?:情况|措施|进展|完成时限|时限|结果)\s*[：:]|整改(?:落实|进展)情况\s*[：:]"
    r"|(?:针对|关于|对于)(?:巡察|巡视)?[^“”\"\n]{0,10}[“\"]"
    r"|(?:诚恳|热忱|衷心)?欢迎|联系(?:方式|电话)|电子邮箱|公开期限|附件\s*\d*\s*$|"
    + LEDGER_ROW.pattern.removeprefix("^")
    + ")"
)

#: a whole notice title on one line, which ends its paragraph however long it runs: no stop or
#: comma, and it ends as a document title does:
#:   matches  中共某某县国有资本投资运营集团有限公司委员会关于十二届县委第七轮巡察整改进展情况的通报
#:            市委巡察反馈问题整改进展情况的通报   巡察整改情况公示
#:   not      按照要求，现将巡察整改进展情况通报   (a sentence: it has a comma)
#:            关于巡察整改工作的报告会议   (ends as no title does)
TITLE_ENDINGS = ("通报", "公告", "公示", "报告")
TITLE_LINE = re.compile(
    r"^[^，,；;：:。！？!?]*(?:巡察|巡视|整改)[^，,；;：:。！？!?]*(?:"
    + "|".join(TITLE_ENDINGS)
    + ")$"
)

# ---------------------------------------------------------------------------------------------
# Header, title, organisation, signature
# ---------------------------------------------------------------------------------------------

#: a header line that is not the title: `附件8`, `（向社会公开）`, `（此件公开发布）`, `（主动公开）`,
#: `附件1（向社会公开）`
HEADER_EXTRA = re.compile(
    r"^(?=\S)(?:附件\s*\d*)?\s*(?:[（(]\s*(?:向社会公开|此件公开发布|此件主动公开|主动公开|公开发布|依申请公开)\s*[)）])?$"
)
#: the words of a document's title: `…关于…的通报`, `…整改情况报告`, `…整改进展情况公示`
TITLE_WORDS = re.compile(r"关于|通报|报告|公告|公示|情况|方案")
#: the organisation before `关于`/`对` in the title:
#: matches `中共新野县科学技术协会党组` in `中共新野县科学技术协会党组关于巡察整改情况的通报` and
#: in `中共新野县科学技术协会党组巡察整改情况公示`
ORGANISATION = re.compile(
    r"^(?!关于|对)(?P<org>.+?)(?:关于|对(?=[^\n]{0,24}(?:巡察|巡视))"
    r"|(?<=[会局院校委厅办司团心道镇乡所馆站部组联协])"
    r"(?=(?:[十]?[一二三四五六七八九十]+届)?(?:[省市区县州旗]委)?(?:第[一二三四五六七八九十\d]+轮)?(?:巡察|巡视)))"
)
#: the endings of a body's name as signed under a notice: `…党组`, `…党委`, `…科协`
SIGNATURE_SUFFIXES = ("党组", "党支部", "党委", "党总支", "科协", "协会", "委员会", "办公室")
#: a signature line: matches `中共临沂市罗庄区科学技术协会党组`, `立山区科协`;
#: not `全体党员干部要增强党组`… (a sentence: it has punctuation or runs long)
SIGNATURE = re.compile(r"^[^，。,;；：:]{2,40}(?:" + "|".join(SIGNATURE_SUFFIXES) + r")$")
#: a closing paragraph that names the body when the title does not (`…党组`, `…科协`)
SIGNED_BODY = re.compile(r"(?:党组|党支部|党委|科协|协会)$")
#: the inspection group: `区委第一巡察组`, `县委第三巡察组`, `省委第五巡视组`
INSPECTOR = re.compile(r"(?:[省市区县州旗]委|中央)(?:第[一二三四五六七八九十\d]+)?(?:巡察|巡视)组")
#: the region part of a body's name: `临沂市罗庄区` in `中共临沂市罗庄区科学技术协会党组`
REGION_IN_NAME = re.compile(
    r"^(?:中共|中国共产党)?(?P<region>.+?(?:省|自治区|市|州|盟|地区|区|县|旗))(?=科|协|委|党)"
)
#: a sentence about the inspection itself (its dates): `区委第一巡察组对…开展了巡察`
INSPECTION_WORD = re.compile(r"巡察|巡视")
#: a sentence giving the feedback date: `2022年4月28日，巡察组向…反馈了巡察意见`
FEEDBACK_WORD = "反馈"

#: a line of web-page furniture, kept in the text but never part of the notice's outline:
#: matches `发布时间：2024-03-05 10:12 来源：县文联 浏览次数：356 字体：[大 中 小]`,
#: `当前位置：首页 > 巡视巡察`, `首页 | 机构概况 | 科协动态`, `某某街道办事处门户网站`, `【打印本页】【关闭窗口】`, `版权所有：某某县人民政府`;
#: not `来源于群众的意见建议` (no field colon)
WEB_FURNITURE = re.compile(
    r"^\s*(?:【?(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|收藏|分享到?|返回顶部)】?\s*[：:]?\s*){1,4}$"
    r"|^\s*(?:当前位置|您当前的位置|您的位置|所在位置|您现在的位置|当前所在位置)\s*[：:]"
    r"|^\s*首页\s*$"
    r"|^\s*首页\s*[>＞»]"
    r"|^[^。，\n]{2,30}(?:\s*[>＞»]\s*[^>＞»。，\n]{1,20}){2,}\s*$"
    r"|^\s*首页(?:\s*[|｜·•/]?\s*[\u4e00-\u9fff]{2,8}){2,}\s*$"
    r"|^[^，。]{2,30}(?:门户网站|政府网|网站|官网)$"
    r"|^\s*(?:发布时间|发布日期|发稿时间|更新时间|时间|日期|来源|信息来源|文章来源|稿件来源|作者|发布人|发布者|编辑|责任编辑|审核|"
    r"浏览次数|浏览量|阅读次数|阅读量|点击数|点击量|访问量|字体|字号|【字体|分享)\s*[：:]"
    r"|^\s*(?:版权所有|主办单位|承办单位|技术支持|网站标识码|ICP备|京ICP|联系我们)"
    r"|^\s*字体\s*[：:]?\s*[\[【(（]?\s*大\s*中\s*小"
)
#: a short menu item, under `首页` on a page's navigation bar: `残联概况`, `党务公开`, `工作动态`
MENU_ITEM = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
#: the date a web page says it was published: `发布时间：2024-03-05 10:12`, `发布日期：2024年3月5日`
WEB_PUBLISHED = re.compile(r"(?:发布时间|发布日期|发稿时间|时间|日期)\s*[：:]\s*")
#: the body a web page names as the source: `来源：某某县文联`
WEB_SOURCE = re.compile(r"(?:来源|信息来源|文章来源|发布单位)\s*[：:]\s*(?P<org>[^\s：:]{2,30})")
#: a web source that is the publishing site, not the inspected body: `区委巡察办`, `县纪委监委`,
#: `某某日报`, `某某网`
PUBLISHER_NOT_BODY = re.compile(
    r"巡察|巡视|纪委|监委|纪检|网$|网站|报$|日报|融媒|新闻|电视台|政府办"
)

# ---------------------------------------------------------------------------------------------
# Sections and closing paragraphs
# ---------------------------------------------------------------------------------------------

#: a level-1 title that opens the closing part: `三、下一步工作打算`, `四、今后努力方向`
CLOSING_SECTION = re.compile(r"下一步|今后|打算|努力方向|巩固.*成果|工作计划|长效机制建设")
#: a paragraph of closing boilerplate: `欢迎广大干部群众…监督`, `联系方式：…`, `公开期限：…`
CLOSING_BOILERPLATE = re.compile(
    r"^(?:(?:诚恳|热忱|衷心|真诚)?欢迎|如有(?:意见|问题)|联系(?:方式|电话|人)|电子邮箱|邮箱|公开期限|特此(?:通报|报告|公告)"
    r"|监督(?:电话|邮箱)|来信|邮寄地址|举报(?:电话|邮箱))"
)
#: a paragraph after the last problem that opens the closing part: `下一步，我会将…`,
#: `今后，将持续巩固整改成果`, `下一步工作打算`
CLOSING_OPENER = re.compile(
    r"^(?:下一步|下阶段|下步|今后|接下来|综上|总体来看|上述(?:问题|[\d一二三四五六七八九十]+个问题))"
)
#: a closing summary of the whole notice's totals, after the last problem:
#: `截至目前，巡察反馈的11个问题已整改完成9个，其余2个正在持续推进。`; not a problem's own text
#: (it counts the inspection's problems)
CLOSING_TOTALS = re.compile(
    r"(?:巡察|巡视)(?:组)?[^。\n]{0,12}?(?:反馈|指出|发现|交办)的?[^。\n]{0,16}?"
    r"[\d一二三四五六七八九十两]+\s*(?:个|项|条)[^。\n]{0,6}?问题"
)
#: a paragraph after the last problem that speaks of the problems as a whole, not of one:
#: `对尚未完成的问题盯住不放`, `对已完成整改的问题适时开展“回头看”`, `未完成的整改任务`,
#: `对需长期坚持的事项…`; not `该问题已完成整改`, `尚未完成的2所学校` or `对上轮巡察已整改的问题
#:开展“回头看”` (one problem's own text: the 对 does not take the problems as a whole)
CLOSING_COLLECTIVE = re.compile(
    r"(?:对|把|将)(?:尚未|未|已|正在|需长期坚持|需要长期坚持|长期坚持)(?:全部)?"
    r"(?:完成|整改到位|整改完成|完成整改|整改|推进)?(?:整改)?的(?:问题|事项|整改任务|整改事项|任务)"
)
#: a sentence of closing boilerplate inside a longer paragraph after the last problem:
#: `…确保整改到位。欢迎社会各界对我院巡察整改情况进行监督。联系电话：…`
BOILERPLATE_SENTENCE = re.compile(
    r"(?<=[。！!；;])\s*(?:(?:诚恳|热忱|衷心|真诚)?欢迎[^。\n]{0,40}?监督|联系(?:方式|电话)\s*[：:])"
)
#: the notice's totals with a completion count, after the last problem: `2个问题已完成整改1个`
CLOSING_COUNTS = re.compile(
    r"[\d一二三四五六七八九十两]+\s*(?:个|项|条)(?:具体)?问题[^。\n]{0,10}?(?:已完成整改|已整改|完成整改|整改完成|已完成)\s*[\d一二三四五六七八九十两]+"
)
#: a paragraph after the last problem that states the notice's totals: `截至1月12日，共制定整改措施78条…`,
#: `整改期间共制定整改措施58条，建立完善制度9项。`
CLOSING_TOTALS_START = re.compile(
    r"^(?:截至|截止|至此|总体上?|综合来看|累计|共|针对(?:巡察|巡视)?(?:组)?反馈(?:的)?问题)"
    r"|(?:共|累计|合计|总计)(?:制定|建立|完善|修订|出台|提出|细化|明确|梳理)"
)
#: a paragraph that is only a date: `2022年6月21日`, `二〇二四年十月三十日`
DATE_LINE = re.compile(
    r"\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,2}\s*月\s*[一二三四五六七八九十]{1,3}\s*日)\s*"
)
#: the disclosure period: `公开期限：2024年11月1日至2025年2月28日`
DISCLOSURE = re.compile(r"公开期限")

# ---------------------------------------------------------------------------------------------
# Problem statements
# ---------------------------------------------------------------------------------------------

#: the general words of shortcoming a problem statement is written with, by kind:
#: a negated quality (`学习不深入`, `执行不严格`, `作用发挥不够`, `把关不严`, `处置不当`,
#: `支出与预算不符`),
#: a lack (`缺失`, `欠缺`, `缺乏`, `短板`, `空白`), a lag or weakness (`滞后`, `薄弱`, `缓慢`, `偏少`),
#: a formality (`走过场`, `流于形式`, `打折扣`), a breach (`违规`, `未按规定`), what remains
#: (`仍存在`, `有差距`, `与要求还有距离`, `覆盖面窄`, `有待加强`), or the notice calling it a
#: problem (`…问题`, `…方面`);
#: not `已未` / `并未来` (未 after 已/并, 未来)
PROBLEM_CUE = re.compile(
    r"不(?:到位|够|足|力|严|实|强|高|深|全|细|精|紧|广|畅|规范|彻底|及时|明显|密切|系统|扎实|牢固|落地|完整|完善|合规|准确|清|充分|健全|平衡|善|当|均衡|主动|积极|严肃|严格|统一|符)"
    r"|差距|有(?:一定)?距离|面窄|滞后|薄弱|漏洞|短板|缺失|缺位|缺少|欠缺|缺乏|短缺|缺口|缺编|弱项|弱化|虚化|淡化|偏差|松散|松懈|空白|盲区"
    r"|走过场|走形式|形式主义|官僚主义|打折扣|流于形式|偏低|偏少|偏弱|偏高|偏大|乏力|失衡|敷衍|较少|较弱|较低|有待"
    r"|违规|违反|混乱|随意|底数不清|落后|缓慢|难以|未能"
    r"|(?<![已并])未(?!来)|没有|仍(?:有|存在|然)|依然|依旧|存在|问题[。.]?$|问题[”\"]?[。.]?$|方面$|方面[。.]?$"
)
#: a field label opening a problem's rectification text: `整改情况：`, `整改措施：`, `具体措施：`
#: (not the closing status fields `完成情况：` / `整改进展：`, which follow measures too)
FIELD_LABEL = re.compile(r"^(?:整改(?:情况|措施|举措)|主要措施|具体措施|整改落实情况)\s*[：:]")
#: a status marker written into a problem heading: `（已整改到位）`, `【已完成】`, `（持续整改）`
STATUS_MARKER = re.compile(
    r"[（(【\[]\s*(?:已|正在|持续|长期|基本|未|尚未|整改|完成)[^（()）【】\[\]]{0,8}[)）】\]]\s*$"
)
#: the words that introduce a quoted problem: `针对`, `关于`, `针对巡察指出的`, `关于巡视反馈的`
ABOUT_PREFIX = r"(?:针对|关于|对于)(?:(?:巡察|巡视)(?:组)?(?:反馈|指出|发现|提出)?(?:的)?)?\s*"
#: a problem heading written as a wrapper, the quoted problem in ``q``:
#: matches `针对“…”问题的整改。`, `关于“…”问题。`, `“…”的问题`
TITLE_WRAPPER = re.compile(
    r"^(?:"
    + ABOUT_PREFIX
    + r")?\s*[“\"](?P<q>(?:“[^“”\n]*”|[^“”\n])+)[”\"]\s*(?:的)?(?:问题)?(?:的整改(?:落实)?情况|的整改|整改(?:落实)?情况)?[。.；;：:]?$"
)
#: the same, for a title whose quotation marks do not pair up:
#: `关于“全民科学素质…未编制“某县…纲要”问题。`
TITLE_WRAPPER_LOOSE = re.compile(
    r"^(?:"
    + ABOUT_PREFIX
    + r")?\s*[“\"](?P<q>.+)[”\"]\s*(?:的)?(?:问题)?(?:的整改(?:落实)?情况|的整改|整改(?:落实)?情况)?[。.；;：:]?$"
)
#: a heading that names a problem explicitly: `针对“…”问题的整改。`, `关于“…”问题。`
PROBLEM_WRAPPER = re.compile(r"^" + ABOUT_PREFIX + r"[“\"].+[”\"]\s*(?:的)?问题")
#: a `关于“…”问题` title at the start of a heading, with or without its closing stop, whatever
#: follows on the same line: matches `关于“学习制度落实不到位”问题。`, `关于“三会一课”执行不严格的问题`
#: in `关于“三会一课”执行不严格的问题一是…`, `针对“…”问题的整改情况：`
WRAPPED_TITLE = re.compile(
    r"^" + ABOUT_PREFIX + r"[“\"](?:“[^“”\n]*”|[^“”\"\n])+[”\"][^。；;：:\n“”]{0,20}?(?:的)?问题"
    r"(?:的整改(?:落实)?情况|的整改|整改(?:落实)?情况)?\s*[。.；;：:]?"
)
#: an unquoted `关于…的问题` title followed by text on its line, a quoted phrase allowed inside:
#: matches `关于公务接待管理有待规范的问题` in `关于公务接待管理有待规范的问题一是…`,
#: `关于档案管理不规范的问题` in `…的问题【已完成】一是…` and in `…的问题①修订…；②…`,
#: `关于落实“第一议题”制度不严格的问题` in `…的问题（持续整改）…`, `…的问题完成情况：已完成`;
#: not `关于上轮巡察指出的问题整改不彻底的问题` cut at its first `的问题` (text runs on there)
UNQUOTED_TITLE = re.compile(
    r"^(?:关于|针对)(?:“[^“”\n]{1,30}”|[^“”\"。；\n]){2,60}?的问题"
    r"(?=一是|整改(?:落实|进展)?(?:情况|措施)|(?:整改)?(?:落实|进展|完成)?(?:情况|措施|举措)[：:]"
    r"|[（(【\[]|[①-⑳]|[：:，,；;]|$)"
)
#: where an unquoted `关于…的问题` title may end when its text runs straight on, no stop between:
#: each `的问题` in `关于妇女小额贷款贴息审核监管不到位的问题对2022年以来的资料进行梳理…`; the
#: title ends at the first one whose next clause states no shortcoming (``PROBLEM_CUE``), so
#: `关于上轮巡察指出的问题整改不彻底的问题…` runs on past `指出的问题` (整改不彻底 is one); a
#: quoted phrase may stand inside (`关于“三会一课”执行走过场，…不够有力的问题建立…`)
UNQUOTED_RUN_ON = re.compile(r"^(?:关于|针对)(?=(?:“[^“”\n]{1,30}”|[^“”\"。；;\n]){2,60}?的问题)")
#: the end of an unquoted title's candidate: `的问题`, then the start of its next clause
DE_WENTI = re.compile(r"的问题(?=(?P<next>[^，,。；;：:\n]*))")
#: a heading titled as a 方面: `一、关于落实全面从严治党主体责任有差距方面`, `（二）党的建设方面`,
#: `一、关于意识形态工作不够扎实方面的问题`; not `…方面还有不足` (a problem of that 方面)
ASPECT_TITLE = re.compile(r"方面(?:(?:存在)?的?问题)?[。.：:]?$")
#: the same when the quotation marks do not pair up (the first closing mark ends the quote)
WRAPPED_TITLE_LOOSE = re.compile(
    r"^" + ABOUT_PREFIX + r"[“\"][^\n]{1,150}?[”\"][^。；;：:\n“”]{0,20}?(?:的)?问题"
    r"(?:的整改(?:落实)?情况|的整改|整改(?:落实)?情况)?\s*[。.；;：:]?"
)
#: an unnumbered paragraph that opens with the problem it answers (running paragraphs):
#: matches `针对“理论学习不够深入”的问题。一是…；二是…`, `针对巡察指出的“财务管理不规范”问题，一是…`,
#: `关于“三会一课”执行不严格的问题，…`; not `针对上述问题，…` (no quoted problem)
RUNNING_PROBLEM = re.compile(
    r"^"
    + ABOUT_PREFIX
    + r"[“\"](?:“[^“”\n]*”|[^“”\"\n]){2,120}[”\"][^。；;：:\n“”]{0,20}?(?:的)?问题"
)
#: the level given to such a paragraph: below every numbered level, above none
RUNNING_LEVEL = 6
#: a status marker right after a title, before the text on the same line: `（已完成）一是…`
LEADING_MARKER = re.compile(r"^[（(【\[]\s*[^（()）【】\[\]\n]{1,12}?\s*[)）】\]][。.]?")
#: the wrapper words left on an unquoted title: `关于…` / `…的问题` / `…问题的整改` /
#: `…的问题整改落实情况` / `…问题的整改情况`
TITLE_AFFIX = re.compile(
    r"^(?:针对|关于)|(?:的)?问题(?:的整改(?:落实)?(?:情况)?|整改(?:落实|进展)?情况)?$"
)
#: an opening quotation mark or title bracket (a `。` inside quotes does not end a sentence)
OPENING_QUOTE = re.compile("[“‘《「]")
#: problem statements are short; the longest in the bundled notices is about 70 characters
MAX_PROBLEM_HEADING = 150

# ---------------------------------------------------------------------------------------------
# Measures
# ---------------------------------------------------------------------------------------------

#: an inline circled measure number: `①…②…`
CIRCLED_MARK = re.compile(r"[①-⑳]")
#: an inline `一是…二是…` measure, after a start, a colon or a stop: matches `一是` in
#: `整改措施：一是加强学习；二是…`; not `统一是` (no break before it)
SHI_MARK = re.compile(r"(?:(?<=^)|(?<=[：:；;。，,\n]))\s*(?P<num>[一二三四五六七八九十]{1,2})是")

#: a measure's start inside a problem title: `…较少，一是制定…` (the title swallowed its text)
MEASURE_IN_TITLE = re.compile(r"[，,；;。：:]\s*(?:一是|首先)|[①⑴]")
#: a text that itemises its measures: `一是…二是…`, `①…②…` (a parse with no measures is odd)
ITEMISED_TEXT = re.compile(r"一是.{1,400}?二是|①.{1,400}?②", re.S)

#: an inline bracketed measure number, after a start, a colon or a stop: matches `（1）` and `（2）`
#: in `整改措施：（1）修订审核办法；（2）开展专项检查。`; not `（1）` inside a sentence (`第（1）项`)
PAREN_MARK = re.compile(r"(?:(?<=^)|(?<=[：:；;。\n]))\s*[（(]\s*(?P<num>\d{1,2})\s*[)）]")
#: the first `一是` of a list, after its subject: `院党组一是…；二是…` (the later items keep their stops)
FIRST_SHI = re.compile(r"(?P<num>一)是")
#: an inline Arabic-numbered measure, after a start, a colon or a stop: matches `1.` and `2.` in
#: `整改措施：1.新建小学一所；2.优化学区划分。`; not `1.5万元` (a decimal) or `共2、3项` (no break)
DIGIT_MARK = re.compile(r"(?:(?<=^)|(?<=[：:；;。\n]))\s*(?P<num>\d{1,2})\s*[.、．](?!\d)")

# ---------------------------------------------------------------------------------------------
# Status
# ---------------------------------------------------------------------------------------------

#: completed: matches `（已整改到位）`, `已完成整改`, `整改已完成`, `已全部整改完毕`, `已销号`, `已办结`
COMPLETED_CUE = re.compile(
    r"已(?:全部)?整改(?:到位|完成|完毕)|已完成整改|整改已(?:经)?(?:完成|到位)|整改完毕|已(?:经)?销号|已办结"
)
#: `已完成` standing alone as a marker: matches `（已完成）`, `（已完成，并长期坚持）`;
#: not `已完成3次培训` (a measure's result)
COMPLETED_STANDALONE = re.compile(r"[（(【\[]\s*已(?:经)?完成(?=$|[，,。；;）)】\]\s并])")
#: work going on at the pace set for it, said without 正在: `按计划推进`, `有序推进`,
#: `稳步推进`, `按进度推进`, `按时间节点推进` (as a status, never with an object after it)
PACED_PROGRESS = r"(?:按(?:计划|进度|时序|时间节点|序时进度)|有序|稳步)推进"
#: in progress: matches `正在沟通协调中`, `正在持续整改中`, `正在组织…`, `正在持续推进`, `有序换届中`,
#: `正在有序推进`, `正在履行审批程序`, `仍在组织实施中`, `按计划推进。`, `有序推进中`,
#: `持续整改`, `长期整改`, `尚未完成`, `已基本完成`, `阶段性完成`, and a step still only planned:
#: `拟于近期`, `拟与市委…沟通`; not `持续推进作风建设` (a vague verb with its object)
IN_PROGRESS_CUE = re.compile(
    r"正在[^。；;]{0,24}?中(?=[。，,；;]|$)"
    r"|正在[^。；;，,]{0,8}?(?:进行|推进|组织|办理|实施|开展|整改|沟通|协调|申报|建设|筹备|制定|修订|编制|履行|审批|落实"
    r"|跟进|完善|收尾|解决|处置|改造|调整|整合|招录|招聘|采购|审核|论证|报批|对接|研究|起草|推动)"
    r"|仍在[^。；;]{0,24}?中(?=[。，,；;]|$)|仍在[^。；;，,]{0,8}?(?:推进|实施|办理|开展|整改|进行|落实|组织|履行|审批)"
    r"|推进中|整改中|换届中|持续整改|长期整改|尚未(?:完成|整改|到位|编制|建立|落实|解决)|未完成"
    r"|基本完成|阶段性完成|持续推进(?=中|[。；;]|$)|" + PACED_PROGRESS + r"(?=中|[。；;]|$)"
    r"|拟(?:于|在|与|向|将|会同|同)"
)
#: a step still to be taken once something else is done: `待资金到位后将启动建设`,
#: `项目批复后再行实施`, `人员到位后将开展培训`; not `人员到位后将有效解决…` (an expected effect,
#: not a pending step)
FUTURE_STEP = re.compile(
    r"(?:到位|完成|批复|落实|审批|建成|确定|出台|通过)后[，,]?(?:将|再|即)(?:行|予|于|适时|及时|尽快|按程序|立即|全面)?"
    r"(?:启动|开展|实施|建设|组织|进行|召开|推进|开工|办理|调整|补充|配备|招录|采购|修订|制定|印发|安排|兑现|拨付|清退)"
    r"|待[^。；;，,]{1,20}?后[，,]?(?:将|再|即)"
)
#: a plan with a date: `计划2025年3月底前完成`, `预计于6月底建成`, `力争年底前`; the date is read after it
PLAN_CUE = re.compile(r"(?:计划|预计|力争|争取)(?:于|在|到)?\s*(?=\d|年底|今年|明年)")
#: a sentence that is only a status, on its own line or after the measures: `已完成。`, `持续推进。`,
#: `长期坚持。`, `…纳入年度评估。已完成。`, `目前该问题已整改到位。`, `正在持续推进中`, `按计划推进。`;
#: not `已完成3场培训。` (a measure's result)
STATUS_LINE = re.compile(
    r"(?:^|(?<=[。；;！!]))\s*(?:目前|截至目前|现|当前)?[，,]?(?:该问题|此问题|该项问题|该项工作|此项工作|相关工作|该项|此项|本项)?(?:整改)?"
    r"(?P<value>已(?:经)?(?:全部)?完成(?:整改)?|已(?:全部)?整改(?:到位|完成|完毕)?|整改(?:已)?完成|已办结|已销号"
    r"|持续推进(?:中)?|正在(?:持续)?(?:推进|整改)(?:中)?|长期坚持|持续整改(?:中)?|长期整改|基本完成(?:整改)?|阶段性完成"
    r"|" + PACED_PROGRESS + r"(?:中)?)"
    r"(?:[。.！!]|$)",
    re.M,
)
#: an opening field whose value, at its start, states the status: `整改情况：已完成。`,
#: `整改落实情况：持续推进`; not `整改情况：一是…已完成3场培训` (the status is not its first words)
OPENING_FIELD = re.compile(
    r"(?:整改情况|整改落实情况|整改进展情况|落实情况)\s*[：:]\s*"
    r"(?P<value>[^\n]*?)(?=(?:整改情况|整改落实情况|整改进展情况|落实情况)\s*[：:]|\n|$)"
)
#: a field value that starts by saying done: `已完成。`, `已整改到位，`, `整改完成`
VALUE_STARTS_DONE = re.compile(
    r"^(?:已(?:经)?(?:全部)?完成(?:整改)?|已整改(?:到位|完成|完毕)?|整改(?:已)?完成|已办结|已销号)(?=$|[，,。；;\s并（(])"
)
#: a field value that starts by saying ongoing: `持续推进`, `正在推进`, `长期坚持`, `基本完成`,
#: `按计划推进`, `有序推进`
VALUE_STARTS_ONGOING = re.compile(
    r"^(?:正在|仍在|持续推进|持续整改|长期坚持|长期整改|长期推进|长期执行|基本完成|阶段性完成|尚未|未完成|推进中|整改中"
    r"|" + PACED_PROGRESS + ")"
)
#: a closing summary by item number: `第1、2、3、5项已完成，第4项正在推进`, `第6至8个问题持续整改`
ITEM_SUMMARY = re.compile(
    r"第(?P<items>[\d一二三四五六七八九十]+(?:\s*(?:、|，|,|和|及|至|到|-|—|~)\s*[\d一二三四五六七八九十]+)*)"
    r"\s*(?:项|个|条)(?:问题)?(?:均|都|全部|已经|已){0,3}"
    r"(?P<state>(?:全部)?(?:完成整改|整改到位|整改完成|完成|办结|销号)|正在(?:持续)?(?:推进|整改)|持续推进|持续整改|长期坚持|长期整改|基本完成)"
)
#: a deadline field, its value in ``value``: `整改完成时限：2022年12月31日前完成并长期坚持`,
#: `整改时限：已完成`, `完成时限：长期坚持`
DEADLINE_FIELD = re.compile(r"(?:整改)?(?:完成)?时限\s*(?:[：:]|为|是)\s*(?P<value>[^\n]*)")
#: the same, for scanning: a leading literal lets the regex engine skip ahead (`整改完成` optional)
DEADLINE_SCAN = re.compile(r"时限\s*(?:[：:]|为|是)\s*(?P<value>[^\n]*)")
#: what may stand before `时限` in a deadline field, longest first
DEADLINE_PREFIXES = ("整改完成", "完成", "整改")
#: document titles and quotations are not statements about a problem's status: `《…正在…》`
QUOTED_TITLE = re.compile(r"《[^》]*》")
#: a field reporting the status itself (tables turned into text): `整改进展：已完成`, `完成情况：…`
STATUS_FIELD = re.compile(
    r"(?:整改)?(?:进展(?:情况)?|完成情况|状态|结果|进度)\s*[：:]\s*(?P<value>[^\n]*)"
)
#: a field value saying done, also after other words: `已完成`, `立行立改，已完成`, `已整改到位`
#: a status field whose whole value is `完成` / `已完成` / `办结`: `整改状态：完成`
FIELD_VALUE_BARE_DONE = re.compile(r"^(?:已)?(?:完成|办结|销号)(?:整改)?[。.；;]?$")
FIELD_VALUE_DONE = re.compile(
    r"(?:^|[，,；;、\s])(?:已(?:经)?(?:全部)?完成|已整改(?:到位|完成)?|已办结|已销号)(?=$|[，,。；;\s并（(])"
)
#: a status marker closing the heading line, its words in ``value``:
#: `（已整改）`, `【已整改】`, `（整改完成）`, `（持续推进）`
HEADING_MARKER = re.compile(
    r"[（(【\[]\s*(?P<value>[^（()）【】\[\]\n]{1,12}?)\s*[)）】\]]\s*[。.]?\s*$"
)
#: a heading marker's words saying done: `已整改`, `已完成`, `整改完成`, `完成整改`
MARKER_DONE = re.compile(r"已(?:经)?(?:全部)?(?:整改|完成|办结|销号)|整改完成|完成整改")
#: a heading marker's words saying ongoing: `正在整改`, `持续推进`, `长期整改`, `尚未完成`, `按计划推进`,
#: `长期坚持` alone (`已整改，长期坚持` is done, kept up)
MARKER_ONGOING = re.compile(
    r"正在|持续(?:整改|推进)|长期整改|^长期坚持$|推进中|整改中|未完成|尚未|基本完成|阶段性|"
    + PACED_PROGRESS
)
#: a deadline value with no end date that keeps the work going: `长期整改`, `长期推进`, `长期执行`
#: (`长期坚持` alone means no end date, not "in progress")
LONG_TERM_VALUE = re.compile(r"长期(?:整改|推进|执行)")
#: the evidence prefix of a status taken from the notice's own totals
SUMMARY_EVIDENCE = "通报总述："

# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------

#: a date: `2021年8月16日`, `9月30日`, `2024年10月`, `12月底`, `2022年底`, `2024-10-30`
DATE = re.compile(
    r"(?=\d)(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?"
    r"(?:(?P<m>1[0-2]|0?[1-9])\s*月(?:份)?\s*(?:(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号]|(?P<eom>底|末))?"
    r"|(?P<eoy>底|末))"
    r"|(?P<iy>(?:19|20)\d{2})[-/.](?P<im>1[0-2]|0?[1-9])[-/.](?P<id>3[01]|[12]\d|0?[1-9])(?!\d)"
)
#: a date in Chinese numerals, as signed under official documents: `二〇二四年十月三十日`
CN_DATE = re.compile(
    r"(?P<y>[〇零一二三四五六七八九]{4})\s*年\s*(?P<m>十[一二]?|[一二三四五六七八九])\s*月"
    r"\s*(?P<d>[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])\s*日"
)
#: where a date may start (DATE is tried only there)
DIGIT_RUN = re.compile(r"\d+")
#: what joins the two ends of a period: `8月16日至9月30日`, `2024年3月25日—6月7日`
RANGE_JOINER = re.compile(r"^\s*(?:至|到|—|-|–|~|～)\s*$")
#: a date the statuses are reported at, right before it: `截至8月30日`, `截止12月底`
AS_OF_CUE = re.compile(r"(?:截至|截止|截止到|截至到)\s*$")
#: a date that is a deadline or a plan, not a reported fact: `12月31日前`, `12月底前`
FUTURE_AFTER = re.compile(r"^\s*(?:前|之前|以前|底前)")
#: … or introduced as one: `拟于9月`, `计划在10月`, `力争年底`
FUTURE_BEFORE = re.compile(r"(?:拟|计划|将|预计|力争|争取)(?:于|在)?\s*$")

# ---------------------------------------------------------------------------------------------
# Claims: what a notice says about itself
# ---------------------------------------------------------------------------------------------

#: a count in Arabic or Chinese numerals, in group ``n``: `31`, `十一`, `两`; not an item number
#: (`第4项`, the `5` of `第1、2、3、5项`)
NUM = r"(?<!第)(?<![\d.])(?<!\d、)(?<![一二三四五六七八九十]、)(?<!\d至)(?<!\d到)(?<!\d[-—~])(?P<n>\d+|[一二两三四五六七八九十百]+)"
NUM2 = NUM.replace("?P<n>", "?P<n2>")
#: matches `4个方面`, `四个方面`, `3 个方面`
CLAIM_ASPECTS = re.compile(NUM + r"\s*个?方面")
#: matches `11项问题`, `11个问题`, `31个具体问题`, `共反馈问题8个`; not `9类问题` (a category count)
CLAIM_PROBLEMS = re.compile(
    NUM + r"\s*(?:个|项|条)\s*(?:具体|突出)?问题"
    r"|(?:反馈|指出|发现|交办|移交)(?:的|了)?(?:具体)?问题\s*" + NUM2 + r"\s*(?:个|项|条)"
)
#: matches `9类问题`
CLAIM_GROUPS = re.compile(NUM + r"\s*类\s*问题")
#: a count not followed by another (in `7个问题已完成整改6个` the 7 counts problems, not completions)
_NOT_ANOTHER_COUNT = r"(?![\d一二两三四五六七八九十])"
#: matches `已完成整改26个`, `已整改到位10个`, `已整改落实10个`, `26个已完成整改`, `完成整改26项`,
#: `已完成17个`, `6个问题已整改完成`; in `7个问题已完成整改6个` it reads 6
CLAIM_COMPLETED = re.compile(
    r"(?:已(?:经)?(?:全部)?完成整改|已整改(?:完成|到位|落实|完毕)|完成整改|整改完成|整改到位|已办结|已销号"
    r"|已(?:经)?(?:全部)?完成)\s*(?:问题)?\s*" + NUM + r"\s*(?:个|项|条)"
    r"|"
    + NUM2
    + r"\s*(?:个|项|条)(?:问题)?(?:均|都|全部)?(?:已(?:经)?(?:完成整改|整改(?:完成|到位|落实)|办结|销号))"
    + _NOT_ANOTHER_COUNT
)
#: matches `长期整改5个`, `持续整改3项`, `持续整改问题4个`, `5个需长期坚持`, `正在整改2个`,
#: `未完成5个`, `其余2个正在按计划推进`, `剩余1项正在整改`; not `基本完成整改1个` (its own claim)
CLAIM_ONGOING = re.compile(
    r"(?:长期整改|持续整改|正在整改|需长期坚持|未完成|正在推进|持续推进)\s*(?:问题|事项)?\s*"
    + NUM
    + r"\s*(?:个|项|条)"
    r"|"
    + NUM2
    + r"\s*(?:个|项|条)(?:问题)?(?:需|仍)?(?:长期整改|持续整改|正在整改|需长期坚持|正在(?:持续|按计划)?推进|持续推进|正在持续整改|在推进|在整改)"
    r"|(?:其余|剩余|另有|尚有|还有)\s*"
    + NUM.replace("?P<n>", "?P<n3>")
    + r"\s*(?:个|项|条)(?:问题)?(?:正在|仍在|持续|按计划|需|未)"
)
#: matches `基本完成整改1个`, `基本完成4项`, `阶段性完成7个`, `1个基本完成整改` — counted as in
#: progress, the wording kept
CLAIM_BASICALLY_COMPLETED = re.compile(
    r"(?:基本完成|阶段性完成|取得阶段性成效)(?:整改)?[^，。；\d]{0,12}?\s*"
    + NUM
    + r"\s*(?:个|项|条)"
    r"|" + NUM2 + r"\s*(?:个|项|条)(?:问题)?(?:已)?(?:基本完成|阶段性完成)"
)
#: matches `制定75条整改措施`, `提出整改措施75条`, `制定措施44个`, `细化171条具体措施`
CLAIM_MEASURES = re.compile(
    r"(?:制定|提出|明确|细化|形成)(?:了)?\s*" + NUM + r"\s*(?:条|项|个)\s*(?:具体|整改)?措施"
    r"|(?:整改)?措施\s*" + NUM2 + r"\s*(?:条|项|个)"
)
#: matches `完善规章制度9项`, `建立制度12项`, `完善和新建制度589项`, `建章立制5项`, `整章建制4条`,
#: `制定3项制度`
CLAIM_RULES = re.compile(
    r"(?:完善|建立|健全|制定|修订|新建|出台)[^，。；\d]{0,6}?制度\s*"
    + NUM
    + r"\s*(?:项|个|条|部|件)"
    r"|(?:建章立制|整章建制|立规建制)\s*"
    + NUM.replace("?P<n>", "?P<n3>")
    + r"\s*(?:项|个|条|部|件)"
    r"|(?:完善|建立|制定|修订|出台)(?:了)?\s*" + NUM2 + r"\s*(?:项|个|条|部|件)(?:规章)?制度"
)
#: the things a count may be of: a completion count counts whichever was named last before it
#: (`86项整改措施已完成79项` counts measures, not problems)
COUNTED_THING = re.compile(r"问题|措施|举措|任务|制度|事项")
#: the counted things that are not problems
NOT_PROBLEMS = frozenset({"措施", "举措", "任务", "制度"})
#: a sentence that reports completion counts: the most authoritative place for the totals
SUMMARY_SENTENCE = re.compile(r"已(?:经)?完成整改|已整改(?:完成|到位)|长期整改|完成整改")
#: a number with a unit, which every claim holds: `11项`, `四个方面`, `9类`
COUNTED = re.compile(r"[\d一二两三四五六七八九十百]\s*(?:个|项|条|类|方面)")
#: claim column → its pattern
CLAIM_PATTERNS: dict[str, re.Pattern[str]] = {
    "claimed_aspects": CLAIM_ASPECTS,
    "claimed_problems": CLAIM_PROBLEMS,
    "claimed_groups": CLAIM_GROUPS,
    "claimed_completed": CLAIM_COMPLETED,
    "claimed_ongoing": CLAIM_ONGOING,
    "claimed_basically_completed": CLAIM_BASICALLY_COMPLETED,
    "claimed_measures": CLAIM_MEASURES,
    "claimed_rules": CLAIM_RULES,
}

# ---------------------------------------------------------------------------------------------
# Checkable facts in the rectification text (analysis.concreteness, analysis.audit)
# ---------------------------------------------------------------------------------------------

#: a named document, brackets included: `《新野县科协财务管理暂行办法》`
DOCUMENT = re.compile(r"《[^《》\n]{1,120}》")
#: a sum of money in Arabic digits: `1272元`, `411.46元`, `3万元`, `1万余元`, `2.5亿元`
MONEY = re.compile(r"(?P<amount>\d+(?:\.\d+)?)\s*(?P<scale>亿|万)?\s*(?:余|多)?\s*元")
#: yuan per unit of MONEY's scale (none, 万, 亿)
YUAN_PER_SCALE = {None: 1.0, "万": 1e4, "亿": 1e8}
#: units of a counted thing, longest first so `人次` wins over `人`
COUNT_UNITS = (
    "人次|场次|平方米|万余字|万字|余字|学时|课时|小时|"
    "次|人|篇|项|个|场|家|条|期|名|处|份|批|户|所|件|部|本|册|套|支|轮|天|字|平|起|位|种|张|%"
)
#: a count in Arabic digits: `2场`, `211人`, `12人次`, `800多名`, `1万余字`, `6起`, `97%`
COUNT_DIGITS = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:" + COUNT_UNITS + r")")
#: a count in Chinese numerals: `两次`, `三场`, `一次` — not an ordinal (`第一次`, `十三届七次全会`),
#: a name (`八项规定`) or a vague `一个`/`一项`/`四个` (`四个意识`, `作为一项日常性工作`)
COUNT_CHINESE = re.compile(
    r"(?<![第每届逐一二两三四五六七八九十])"
    r"(?:[二两三四五六七八九十][一二三四五六七八九十百千]*\s*(?:余|多)?\s*"
    r"(?:人次|场次|次|场|名|篇|项|家|期|批|轮|户|处)|一\s*(?:次|场))"
    r"(?!规定|全会|会议|届)"
)
#: the number a count starts with: `211`, `12.5`, `两`, `十二`
LEADING_NUMBER = re.compile(r"\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+")
#: an issuing verb (chain) right before a document title: `印发了`, `制定出台`, `修订和完善`,
#: `研究制定`, `重新修订完善了` — not `学习`, `执行`, `提交`, `呈报`
ISSUE_VERB = r"(?:印发|制定|制订|出台|修订|完善|下发|编制|建立|起草|健全|修改|重新修订|重新制定)"
ISSUING_VERB = re.compile(
    r"(?P<verb>(?:研究|重新|进一步)?" + ISSUE_VERB + r"(?:(?:和|并|及)?" + ISSUE_VERB + r")*)了?$"
)
#: a negation right before the verb: `尚未编制《…》` says the document does not exist yet
NEGATION = re.compile(r"(?:未|没有|没|无|不)$")
#: what may stand between titles in a list sharing one verb: `《A》、《B》`, `《A》和《B》`
LIST_JOINER = re.compile(r"[、，,和及与\s]*$")
#: a clause boundary for contexts and verb look-back
CLAUSE_BREAK = re.compile(r"[，,。；;：:！？\n]")
#: the title of a rule-like document, optionally with an edition: `《…考勤与请休假制度》`,
#: `《县科协财务管理暂行办法（2024年）》`, `《…组织通则》`, `《…内部控制制度(试行)》`
RULE_TITLE = re.compile(
    r"(?:制度|办法|规定|细则|规则|意见|清单|通则|准则|条例|规程)(?:[（(][^（）()]*[）)])?$"
)
#: an edition suffix dropped when deciding whether two titles name the same rule: `（2024年）`
EDITION = re.compile(r"[（(][^（）()]*[）)]$")

# ---------------------------------------------------------------------------------------------
# The inspected body: its name, its short name, its kind (parse.bodies)
# ---------------------------------------------------------------------------------------------

#: the party prefix of an organisation's name: `中共新野县…`, `中国共产党…`
PARTY_PREFIX = re.compile(r"^(?:中共|中国共产党)")
#: the party organisation at the end of a body's name: `…科学技术协会党组`, `…医院委员会`
#: (`委员会` only after 中共: `中共清河县人民医院委员会`; `共青团…委员会` is the body itself)
PARTY_SUFFIX = re.compile(
    r"(?:机关党委|机关党总支|党组织|党工委|党组|党委|党总支|党支部|领导班子)$"
)
#: a region word ending a place name in an organisation's name: `新野县`, `金华市`, `婺城区`
REGION_SUFFIX = ("自治区", "自治州", "自治县", "地区", "省", "市", "州", "盟", "区", "县", "旗")
#: a region as written when the gazetteer does not know it (an invented or renamed place):
#: matches `某某县` in `某某县文联`; not `区` alone in `区司法局`, nor `云港城市` in `云港城市建设投资集团`
REGION_AS_WRITTEN = re.compile(
    r"^[\u4e00-\u9fff]{1,6}?(?:自治区|自治州|自治县|地区|省|(?<!城)市|州|盟|区|县|旗)"
)
#: the Communist Youth League's committee of a region: `共青团清河县委员会`, `共青团清河县委`
YOUTH_LEAGUE = re.compile(r"^共青团(?P<region>.*?)(?:委员会|委)$")
#: the body named in the opening: `县委第二巡察组对县司法局党组开展了常规巡察`,
#: `…巡察组对我局进行了巡察`; not `对巡察反馈问题进行了梳理` (no body before the verb)
OPENING_INSPECTED = re.compile(
    r"(?:巡察组|巡视组|巡察|巡视)[^，。；]{0,40}?对(?P<org>[^，。；、“”]{2,40}?)"
    r"(?:党组织|领导班子)?(?:进行|开展|实施)(?:了)?[^，。；]{0,12}?(?:巡察|巡视)"
)
#: a signature line naming a body of any kind: `清河县统计局`, `中共清河县文联党组`, `某某大学党委`;
#: not `2024年5月10日` or `联系电话：0312-1234567` (punctuation)
SIGNATURE_BODY = re.compile(
    r"^[^，。,;；：:、\d]{3,40}(?:局|委|会|院|校|学|厅|办|公司|集团|中心|镇|乡|街道|联|协|党组|党委|党支部|党总支|所|馆|站|部|团)$"
)
#: a body that names itself: `我局`, `我单位`, `我会`, `我院`, `我校`, `我委`, `我镇`, `我公司`
SELF_REFERENCE = re.compile(
    r"^我(?:局|单位|会|院|校|委|镇|乡|街道|中心|公司|厅|部|办|所|馆|团|社|协会)$"
)
#: common abbreviations of body names, applied in order (longest first), each as a researcher
#: writes it: `科学技术协会` → `科协`, `文化和旅游体育局` → `文旅体局`, `卫生健康委员会` → `卫健委`
BODY_ABBREVIATIONS: list[tuple[str, str]] = [
    ("科学技术协会", "科协"),
    ("文学艺术界联合会", "文联"),
    ("社会科学界联合会", "社科联"),
    ("社会科学联合会", "社科联"),
    ("妇女联合会", "妇联"),
    ("残疾人联合会", "残联"),
    ("归国华侨联合会", "侨联"),
    ("工商业联合会", "工商联"),
    ("文化广电和旅游", "文广旅"),
    ("文化广电旅游", "文广旅"),
    ("文化和旅游体育", "文旅体"),
    ("文化旅游体育", "文旅体"),
    ("文化和旅游", "文旅"),
    ("文化旅游", "文旅"),
    ("卫生健康", "卫健"),
    ("卫生和计划生育", "卫计"),
    ("医疗保障", "医保"),
    ("人力资源和社会保障", "人社"),
    ("人力资源社会保障", "人社"),
    ("住房和城乡建设", "住建"),
    ("住房城乡建设", "住建"),
    ("发展和改革", "发改"),
    ("发展改革", "发改"),
    ("市场监督管理", "市场监管"),
    ("科学技术", "科技"),
    ("工业和信息化", "工信"),
    ("自然资源和规划", "自然资源规划"),
    ("退役军人事务", "退役军人事务"),
    ("教育和体育", "教体"),
    ("教育体育", "教体"),
    ("委员会", "委"),
    ("城市建设投资", "城投"),
    ("集团股份有限公司", "集团"),
    ("集团有限责任公司", "集团"),
    ("集团有限公司", "集团"),
]
#: the kind of an inspected body, by a word of its name, tried in order; each with what it
#: matches. The first that matches decides; the word is the evidence.
UNIT_KIND_WORDS: list[tuple[str, re.Pattern[str]]] = [
    ("科协", re.compile(r"科学技术协会|科协")),  # 新野县科学技术协会, 立山区科协
    ("文联", re.compile(r"文学艺术界联合会|文联")),  # 清河县文学艺术界联合会
    ("社科联", re.compile(r"社会科学界?联合会|社科联")),  # 鲤城区社会科学界联合会
    ("工会", re.compile(r"工会")),  # 市总工会, 县教育工会
    (
        "共青团",
        re.compile(r"共青团|团(?:[省市县区]|[^，。]{0,8}?)委$|团委"),
    ),  # 共青团某县委员会, 团县委
    ("妇联", re.compile(r"妇女联合会|妇联")),  # 县妇女联合会
    (
        "其他群团",
        re.compile(
            r"残疾人联合会|残联|归国华侨联合会|侨联|工商业联合会|工商联|红十字会|台湾同胞联谊会|台联|作家协会|科普协会"
        ),
    ),
    (
        "学校",
        re.compile(r"大学|学院|中学|小学|学校|幼儿园|职业技术|职校|党校"),
    ),  # 某大学, 县第一中学
    ("医院", re.compile(r"医院|卫生院|保健院|疾病预防控制中心|疾控中心|急救中心")),  # 县人民医院
    ("企业", re.compile(r"公司|集团|银行|企业|厂$")),  # 某集团有限公司
    (
        "乡镇街道",
        re.compile(r"(?:镇|乡|街道|街道办事处|苏木)(?:工作委员会|委员会|党工委|党委|人民政府)?$"),
    ),  # 城关镇
    ("其他", re.compile(r"法院|检察院")),  # judicial organs: 县人民法院, 区人民检察院
    ("政府部门", re.compile(r"局|厅|委$|委员会$|办公室|办$|中心$|部$|署|馆$|站$|所$")),
]
#: the kinds of body, in the order reports list them
UNIT_KINDS = list(dict.fromkeys([*(kind for kind, _ in UNIT_KIND_WORDS), "其他"]))

# ---------------------------------------------------------------------------------------------
# Document kinds (parse.kinds): is this a rectification notice, or something else?
# ---------------------------------------------------------------------------------------------

#: a notice's title: `关于巡察整改进展情况的通报`, `关于十四届省委第三轮巡视整改进展情况的通报`,
#: `关于巡察反馈问题整改落实情况的通报`, `巡察整改情况公示`; not `巡察整改工作方案`
NOTICE_TITLE = re.compile(
    r"(?:巡察|巡视)[^\n]{0,24}?整改[^\n]{0,10}?(?:进展|情况|落实|成效|结果)"
    r"|整改(?:进展|落实|工作)?情况[^\n]{0,6}?(?:通报|公告|公示|报告|公开)"
)
#: a plan's title: `巡察反馈意见整改方案`, `整改工作方案`, `整改任务清单`
PLAN_TITLE = re.compile(r"整改(?:工作|实施)?方案|(?:整改)?任务清单|整改责任清单")
#: news of a meeting: `县委第二巡察组召开巡察反馈会`, `巡察动员会召开`, `…举行…见面会`
MEETING_TITLE = re.compile(r"召开|举行|反馈会|动员会|部署会|见面会|推进会|座谈会")
#: an announcement of an inspection: `巡察公告`, `巡察组完成进驻`, `进驻…开展巡察`
ANNOUNCEMENT_TITLE = re.compile(r"(?:巡察|巡视)公告|进驻")
#: words of a progress report: `已完成整改`, `整改情况：`, `正在推进`, `予以公布`, `现将…整改进展情况通报如下`
PROGRESS_WORDS = re.compile(
    r"已(?:经)?(?:全部)?(?:完成|整改)|整改(?:进展|落实)?情况\s*[：:]|正在(?:推进|整改|持续)|整改到位"
    r"|予以公布|予以公开|现将[^。\n]{0,24}?(?:整改|进展)[^。\n]{0,12}?(?:通报|公布|公告|公开)"
)
#: words of meeting news: `会议指出`, `会议强调`, `作表态发言`, `出席会议`
MEETING_WORDS = re.compile(
    r"会议(?:指出|强调|要求|认为)|表态发言|作了?表态|主持会议|出席(?:会议|反馈会)|讲话中|会上"
)
#: words of an inspection announcement: `举报电话`, `邮政信箱`, `受理…来信来电来访`, `进驻`
ANNOUNCEMENT_WORDS = re.compile(
    r"举报电话|值班电话|邮政信箱|受理[^。\n]{0,20}?来信|来信来电来访|进驻|码上巡|意见箱"
)
#: words of a plan: `责任领导`, `责任单位`, `牵头单位`, `完成时限`, `整改目标`, `指导思想`
PLAN_WORDS = re.compile(
    r"责任(?:领导|单位|人|部门|科室)|牵头(?:领导|单位|部门)|完成时限|整改时限|整改目标|工作目标|指导思想|总体要求"
)
#: any mention of an inspection at all: `巡察`, `巡视`
INSPECTION_MENTION = re.compile(r"巡察|巡视")
#: what each kind is called in a skip reason
DOC_KIND_LABELS = {
    "notice": "a rectification progress notice",
    "meeting_news": "news of an inspection feedback or mobilisation meeting",
    "inspection_announcement": "an announcement of an inspection",
    "rectification_plan": "a rectification plan with no progress reported",
    "other": "no document about rectifying an inspection's findings",
}

# ---------------------------------------------------------------------------------------------
# 整改台账 tables (parse.tables): which column holds what, by its header words
# ---------------------------------------------------------------------------------------------

#: header cell → column role, tried in order (the first that matches names the column):
#: `序号`, `反馈问题`/`存在问题`/`问题清单`, `问题类别`/`方面`, `整改措施`, `整改情况`/`进展`/`完成情况`,
#: `完成时限`/`时限`, `责任领导`/`责任单位`/`责任人`
LEDGER_COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    ("number", re.compile(r"^\s*(?:序号|编号|序|No\.?)\s*$")),
    ("aspect", re.compile(r"类别|类型|方面|领域|板块")),
    ("deadline", re.compile(r"时限|完成时间|时间节点|整改期限")),
    ("responsible", re.compile(r"责任|牵头|负责")),
    ("status", re.compile(r"整改情况|进展|完成情况|落实情况|整改结果|整改成效|是否完成|状态")),
    ("measures", re.compile(r"措施|举措|整改(?:任务|要求|目标)")),
    ("problem", re.compile(r"问题|事项|反馈意见|具体表现")),
]
#: the outline level of a ledger row: its own, below every numbered and running level, so the
#: numbered items of the text around a ledger are never its rows
LEDGER_LEVEL = 7
#: a 整改台账 written as text gives each row's 方面 in a field of its own, before its `反馈问题：`
#: line or among its fields (the text form of a table's 类别 column):
#:   matches  `问题类别：党的理论学习方面`, `问题类型：履行职能方面`, `所属方面：全面从严治党`
#:   not      `类别：` (no value), `问题类别：见附件，共分三类，按类别逐项整改…` (a sentence)
LEDGER_ASPECT_FIELD = re.compile(
    r"^(?:问题)?(?:类别|类型|分类|所属方面|所属类别)\s*[：:]\s*(?P<aspect>[^：:，,。；;\n]{2,40}?)\s*[。.；;]?$"
)
#: the line numbering a text 整改台账's row above its fields: `问题1`, `问题十`, `序号3`
LEDGER_ITEM_LINE = re.compile(
    r"^(?:问题|序号|事项)\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[：:.、．]?$"
)
#: the field label each column role is written with when a ledger row becomes outline text
LEDGER_FIELDS = {
    "measures": "整改措施",
    "status": "整改情况",
    "deadline": "完成时限",
    "responsible": "责任单位",
}
