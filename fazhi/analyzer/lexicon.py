"""What the words around a number mean: data, not code.

To teach the analyzer a new indicator, add a row to `PATTERNS` (and, for a rate, to
`RATES`); nothing else needs to change. Codes are those of INDICATORS.md; the unit of
each code comes from there too (`CODE_UNIT`).

A row is (code, measure, context, priority):

- `measure` is a regular expression for the words that name what is counted. It is
  looked for in the words right before the number (back to the previous number or
  the start of the clause) and right after its unit (up to the next number or the
  end of the clause); the match nearest the number wins.
- `context`, when given, must occur earlier in the same sentence (or within the
  paragraph's last 120 characters): 维持 means a reconsideration outcome only where
  the sentence is about 复议. Among rows with the same measure word, the nearer
  context wins (已办结 after 行政诉讼 is a lawsuit, after 行政复议 a reconsideration).
- `priority` breaks ties for the few words that must win over a nearer, more general
  one (未通过审验 over 执法人员).
"""

from __future__ import annotations

import re
from functools import cache

# The unit each catalogue code is counted in (INDICATORS.md).
CODE_UNIT: dict[str, str] = {
    "recon_received": "件",
    "recon_accepted": "件",
    "recon_rejected": "件",
    "recon_closed": "件",
    "recon_carried_over": "件",
    "recon_upheld": "件",
    "recon_dismissed": "件",
    "recon_revoked": "件",
    "recon_altered": "件",
    "recon_confirmed_illegal": "件",
    "recon_confirmed_void": "件",
    "recon_ordered_performance": "件",
    "recon_terminated": "件",
    "recon_corrected": "件",
    "recon_correction_rate": "%",
    "recon_mediated": "件",
    "recon_mediation_rate": "%",
    "recon_opinion_letters": "份",
    "recon_overdue": "件",
    "recon_superior_cases": "件",
    "litig_cases": "件",
    "litig_hearings": "次",
    "litig_appear_count": "次",
    "litig_appear_rate": "%",
    "litig_lost": "件",
    "litig_loss_rate": "%",
    "decision_count": "项",
    "decision_legality_reviewed": "件",
    "normdoc_issued": "件",
    "normdoc_reviewed": "件",
    "normdoc_filed": "件",
    "normdoc_filed_rate": "%",
    "normdoc_filed_timely_rate": "%",
    "normdoc_conform_rate": "%",
    "normdoc_cleanup_kept": "件",
    "normdoc_cleanup_modified": "件",
    "normdoc_cleanup_repealed": "件",
    "normdoc_issuers": "个",
    "adviser_count": "名",
    "public_lawyers": "名",
    "adviser_opinions": "项",
    "units_without_counsel": "个",
    "enforcers_certified": "名",
    "enforcers_passed_review": "名",
    "enforcers_failed": "名",
    "enforcement_supervisors": "名",
    "enforcers_trained": "人次",
    "enforcement_cases": "件",
    "case_files_reviewed": "卷",
    "enforcement_supervision_letters": "份",
    "disclosure_proactive": "条",
    "disclosure_requests": "件",
    "disclosure_replied_on_time": "件",
    "npc_suggestions": "件",
    "cppcc_proposals": "件",
    "npc_completion_rate": "%",
    "cppcc_completion_rate": "%",
    "supervision_tasks": "项",
    "supervision_overdue": "项",
    "mediation_committees": "个",
    "mediators": "名",
    "mediation_cases": "件",
    "mediation_success": "件",
    "mediation_rate": "%",
    "mediation_oral": "件",
    "mediation_written": "件",
    "mediation_amount": "万元",
    "legal_aid_cases": "件",
    "notary_cases": "件",
    "legal_service_visits": "人次",
    "legal_literates": "名",
    "publicity_events": "场次",
    "publicity_lectures": "场次",
    "publicity_materials": "份",
    "publicity_audience": "人次",
    "study_sessions": "次",
    "power_list_items": "项",
    "service_items": "项",
    "permit_items": "项",
}

# Chinese names of the codes (INDICATORS.md, column 中文).
CODE_LABEL: dict[str, str] = {
    "recon_received": "收到行政复议申请",
    "recon_accepted": "受理(立案)行政复议案件",
    "recon_rejected": "不予受理",
    "recon_closed": "审结(办结)行政复议案件",
    "recon_carried_over": "上期结转",
    "recon_upheld": "维持",
    "recon_dismissed": "驳回",
    "recon_revoked": "撤销(含部分撤销)",
    "recon_altered": "变更",
    "recon_confirmed_illegal": "确认违法",
    "recon_confirmed_void": "确认无效",
    "recon_ordered_performance": "责令履行",
    "recon_terminated": "终止",
    "recon_corrected": "纠错",
    "recon_correction_rate": "纠错率",
    "recon_mediated": "调解、和解结案",
    "recon_mediation_rate": "调解和解率",
    "recon_opinion_letters": "行政复议意见书、建议书",
    "recon_overdue": "超期",
    "recon_superior_cases": "上级受理以本级为被申请人案件",
    "litig_cases": "行政应诉案件",
    "litig_hearings": "开庭",
    "litig_appear_count": "负责人出庭应诉",
    "litig_appear_rate": "负责人出庭应诉率",
    "litig_lost": "败诉",
    "litig_loss_rate": "败诉率",
    "decision_count": "重大行政决策事项",
    "decision_legality_reviewed": "决策合法性审查",
    "normdoc_issued": "制定行政规范性文件",
    "normdoc_reviewed": "合法性审核",
    "normdoc_filed": "报备",
    "normdoc_filed_rate": "报备率",
    "normdoc_filed_timely_rate": "报备及时率",
    "normdoc_conform_rate": "报备规范率",
    "normdoc_cleanup_kept": "清理保留",
    "normdoc_cleanup_modified": "清理修改",
    "normdoc_cleanup_repealed": "清理废止、宣布失效",
    "normdoc_issuers": "制定主体",
    "adviser_count": "法律顾问",
    "public_lawyers": "公职律师",
    "adviser_opinions": "法律意见",
    "units_without_counsel": "未配备法律顾问或公职律师的单位",
    "enforcers_certified": "持证行政执法人员",
    "enforcers_passed_review": "执法证年度审验通过",
    "enforcers_failed": "审验未通过(注销)",
    "enforcement_supervisors": "行政执法监督人员",
    "enforcers_trained": "执法培训",
    "enforcement_cases": "行政执法案件",
    "case_files_reviewed": "评查案卷",
    "enforcement_supervision_letters": "行政执法监督意见书",
    "disclosure_proactive": "主动公开政府信息",
    "disclosure_requests": "依申请公开",
    "disclosure_replied_on_time": "按期答复",
    "npc_suggestions": "人大代表建议",
    "cppcc_proposals": "政协委员提案",
    "npc_completion_rate": "建议办结率",
    "cppcc_completion_rate": "提案办结率",
    "supervision_tasks": "督查督办事项",
    "supervision_overdue": "逾期督办事项",
    "mediation_committees": "人民调解委员会",
    "mediators": "人民调解员",
    "mediation_cases": "调处矛盾纠纷",
    "mediation_success": "调解成功",
    "mediation_rate": "调解成功率",
    "mediation_oral": "口头协议",
    "mediation_written": "书面协议",
    "mediation_amount": "涉及金额",
    "legal_aid_cases": "法律援助案件",
    "notary_cases": "公证",
    "legal_service_visits": "公共法律服务",
    "legal_literates": "法律明白人",
    "publicity_events": "普法活动",
    "publicity_lectures": "法治讲座",
    "publicity_materials": "发放普法资料",
    "publicity_audience": "受教育群众",
    "study_sessions": "学法(常务会、中心组)",
    "power_list_items": "权责清单事项",
    "service_items": "政务服务事项",
    "permit_items": "行政许可事项",
}


# The `other:` codes the analyzer names itself, as a reader sees them (the others are named
# by the report's own words: other:行政许可).
OTHER_LABEL: dict[str, str] = {
    "litig_closed": "审结案件数",
    "litig_judged": "判决结案数",
    "litig_outcome": "诉讼结案方式",
    "litig_settle_rate": "调解撤诉率",
    "court_closed": "法院审结案件数",
    "court_admin_cases": "法院受理行政案件数",
    "disclosure_appeals": "信息公开复议诉讼",
    "disclosure_on_time_rate": "按时答复率",
    "disclosure_handled": "办理的公开申请",
    "disclosure_carried_over": "结转的公开申请",
    "recon_correction_base": "作出实体决定的审结案件数",
    "recon_cases_handled": "办理复议案件",
    "pre_suit_mediation": "诉前调解",
    "pre_suit_mediation_rate": "诉前调解成功率",
    "information_items": "公开信息条数",
    "field_cases": "某一领域的案件",
    "change": "增减变化",
    "case_kind": "刑事、民事等其他案件",
    "training_classes": "培训班",
    "trainees": "培训人数",
    "study_materials": "学习资料",
    "service_matters_handled": "办理服务事项",
    "sampled": "抽查数",
    "respondent_breakdown": "按被申请人分列",
    "resolution_rate": "化解率",
    "comprehensive_correction_rate": "综合纠错率",
    "requests_delegated": "委托办理的申请",
    "ranked_mediators": "某一级别的调解员",
    "project_filings": "项目备案",
    "procuratorial_suggestions": "检察建议",
    "judicial_suggestions": "司法建议",
    "proactive_documents": "主动公开文件",
    "persons_served": "服务人数",
    "pending": "尚未办结",
    "outcomes_together": "合并列出的结果",
    "normdoc_repealed": "废止的规范性文件",
    "normdoc_filing_reviews": "备案审查",
    "newly_added": "新增数",
    "new_media_posts": "新媒体发布信息",
    "new_media_audience": "新媒体关注人数",
    "meetings": "会议研究部署",
    "mediation_organisations": "调解组织",
    "legal_help_cases": "法律帮助案件",
    "legal_documents": "法律文书",
    "legal_consultations": "法律咨询",
    "legal_aid_applications": "法律援助申请",
    "law_courses": "法治课程",
    "items_changed": "调整的事项",
    "incidental_review": "附带审查",
    "enforcement_matters": "行政执法事项",
    "disputes_screened": "排查纠纷",
    "disputes_resolved": "化解纠纷",
    "disputes_occurred": "发生纠纷",
    "closed_other_way": "以其他方式结案",
    "cases_by_act": "按行为类别分列的案件",
    "caseload": "需办理的案件",
    "before_acceptance": "受理前化解",
    "awarded": "获得表彰",
    "average": "平均数",
}
_ASCII_NAME = re.compile(r"^[a-z0-9_]+$")


def label(code: str) -> str:
    """A code as a reader sees it: the catalogue's name, or 其他 with the analyzer's
    Chinese name or the report's own words; never an English snake_case name."""
    if not code.startswith("other:"):
        return CODE_LABEL.get(code, code)
    name = code.removeprefix("other:")
    if name.startswith("share_"):
        return "其他：占比（" + name.removeprefix("share_") + "）"
    if name in OTHER_LABEL:
        return "其他：" + OTHER_LABEL[name]
    return "其他" if not name or _ASCII_NAME.match(name) else "其他：" + name


# Units that count the same kind of thing. A figure only gets a code whose unit is
# in the same group (108个村 is not a number of 法律明白人).
UNIT_GROUP: dict[str, str] = {
    "%": "pct",
    # 是去年的6倍: a multiple counts nothing (no catalogue code, never a base).
    "倍": "ratio",
    "个百分点": "pp",
    "百分点": "pp",
    "万元": "money",
    "亿元": "money",
    "元": "money",
    "名": "person",
    "人": "person",
    "位": "person",
    # Person-times count an activity, not the people a 名 code counts (培训人民调解员
    # 1200人次 is not 1200 mediators); the 人次 codes also take 名/人 (EXTRA_GROUPS).
    "人次": "visits",
    "件次": "event",
    "次": "event",
    "场": "event",
    "场次": "event",
    # 普法节目64期, 讲堂12期: issues of a programme or a series, not events of their own.
    "期": "issue",
    # 等18部法律法规, 微电影3部: laws, films and books, never cases or documents filed.
    "部": "work",
    "轮": "event",
    "通": "event",  # 接听来电3.2万通: calls
    "天": "time",
    "小时": "time",
    "课时": "time",
    # 面积1472平方公里: an area, never a count of anything.
    "平方公里": "area",
    "平方米": "area",
    "公顷": "area",
    "亩": "area",
    "年": "time",  # 连续五年 (a run of years; 年 is a unit nowhere else)
    "届": "time",
    # 超八成: tenths, never a count nor a percentage to check (八成 is 75%–85%).
    "成": "tenths",
}

# Codes whose figures are also written in a second kind of unit.
EXTRA_GROUPS: dict[str, set[str]] = {
    "normdoc_reviewed": {"event"},  # 参与合法性审查78次
    "decision_legality_reviewed": {"event"},
    "litig_appear_count": {"thing"},  # 出庭应诉12件
    "litig_hearings": {"thing"},
    "mediators": {"thing"},  # 调解员1153个: people counted with 个
    "enforcement_cases": {"event"},  # 开展行政检查36778次: inspections, one kind of act
    "enforcers_trained": {"person"},  # 培训执法人员300名
    "publicity_audience": {"person"},  # 受教育群众3000人
    "legal_service_visits": {"person"},  # (名 is then other:persons_served)
    "publicity_lectures": {"issue"},  # 法治大讲堂12期
    "disclosure_proactive": {"issue"},  # 政府公报4期
}


def unit_group(unit: str) -> str:
    if unit.startswith(":"):
        return "ratio"  # 2.5:1 counts nothing: no catalogue code is a ratio
    return UNIT_GROUP.get(unit, "thing")


@cache
def code_groups(code: str) -> frozenset[str]:
    tenths = {"tenths"} if code.endswith("_rate") else set()  # 出庭应诉率超八成
    return frozenset({unit_group(CODE_UNIT.get(code, "件"))} | EXTRA_GROUPS.get(code, set()) | tenths)


# A table column that counts a step before or beside the act its spanning header
# names (申请数量, 受理数量, 不予许可数量, 撤销许可数量 under 行政许可实施数量).
STAGE_WORDS = re.compile(r"申请|受理|不予|撤销|撤回|驳回|退回|补正|转办|移送")

R = "复议"
LITIG = r"诉讼|应诉"
LAWSUITS = r"诉讼|应诉|行政案件|法院|起诉"  # what lawsuits' outcomes are said in
MED = r"调解|纠纷|调处"
DOC = r"规范性文件|备案|报备"
CLEAN = r"清理"
NPC = r"人大|代表"
CPPCC = r"政协|提案"
_ = r"[^，。；、]"  # a character inside the same clause and list item
# Placeholder code: the rate takes its code from the count it follows.
NUMERATOR = "@numerator"

PATTERNS: list[tuple[str, str, str | None, int]] = [
    # 行政复议
    ("recon_received", rf"收到{_}{{0,12}}复议|复议申请{_}{{0,2}}收到", None, 0),
    # 收到…申请 is a reconsideration only where the text is about 复议, not about
    # 政府信息公开 (the nearer topic wins, see `context`).
    ("recon_received", rf"收到{_}{{0,12}}申请", R, 0),
    ("recon_received", r"收到|接收|新收|收案", R, 0),
    # 2023年至今共收行政复议案件52件: 收 after 共/累计/全年 is 收到.
    ("recon_received", rf"(共|累计|全年|合计)收(?![结回费益入支]){_}{{0,10}}复议", None, 0),
    # 行政复议申请12件 with no verb of its own: applications received (受理/办理…
    # 复议申请 are other steps).
    ("recon_received", r"^(?!.*(受理|立案|审结|办结|办理|结案|决定|维持|撤|驳回|终止|纠正|不予))[^，。；]{0,4}复议申请$", None, 0),
    # 办理…复议案件: the cases handled (with those carried over), not those accepted.
    ("other:recon_cases_handled", rf"办理{_}{{0,10}}复议", None, 0),
    (
        "recon_accepted",
        rf"(受理|立案){_}{{0,12}}复议|复议{_}{{0,6}}(受理|立案)|立案审理|依法受理|受理",
        R,
        0,
    ),
    ("recon_rejected", r"不予受理", R, 1),
    ("recon_closed", r"审结|办结|结案", R, 0),
    # 复议受理前协商化解案件17件: settled before acceptance, not accepted; 总共需办理
    # 复议案件151件: the caseload to handle (with cases carried over), not those accepted.
    ("other:before_acceptance", r"受理前", None, 3),
    ("other:caseload", r"需要?办理", None, 2),
    # 尚未审结, 未办结: cases still open are not the closed ones (any topic).
    ("other:pending", r"尚?未(审结|办结|结案|办理完毕)", None, 4),
    # 上年结转政府信息公开申请数量: requests carried over are not the year's requests.
    ("other:disclosure_carried_over", rf"结转{_}{{0,14}}申请|结转", r"信息公开|公开申请|依申请", 2),
    ("recon_carried_over", r"上期结转|上年结转|结转", R, 1),
    # 以其他方式结案7件: the residual outcome, not the cases closed.
    ("other:closed_other_way", r"(其他|其它)(方式|途径|形式)", None, 3),
    ("recon_upheld", r"维持", R, 0),
    ("recon_dismissed", r"驳回", R, 0),
    ("recon_revoked", r"撤销|部分撤销", R, 0),
    ("recon_altered", r"变更", R, 0),
    ("recon_confirmed_illegal", r"确认违法", R, 1),
    ("recon_confirmed_void", r"确认无效", R, 1),
    ("recon_ordered_performance", r"责令履行|责令履职", R, 1),
    ("recon_terminated", r"终止", R, 0),
    ("recon_corrected", r"纠错|纠正", R, 0),
    ("recon_correction_rate", r"纠错率|纠正率|纠错|纠正", R, 0),
    ("recon_correction_rate", r"纠错率|纠正率", None, 0),
    # 综合纠错率 counts cases settled or withdrawn after the body's intervention too.
    ("other:comprehensive_correction_rate", r"综合纠错率|综合纠正率", None, 3),
    ("recon_mediated", r"调解结案|和解结案|调解、和解|调解和解|以调解|经调解|达成和解", R, 1),
    # (调撤率 counts withdrawals too: not the catalogue's 调解和解率.)
    ("recon_mediation_rate", r"调解率|和解率|调解和解率", R, 1),
    ("recon_opinion_letters", r"复议(意见书|建议书)|意见书|建议书", R, 0),
    # 检察建议书, 司法建议: a procuratorate's or a court's suggestions to the government,
    # not the 复议 body's opinion letters, whatever the topic around them.
    ("other:procuratorial_suggestions", r"检察建议", None, 2),
    ("other:judicial_suggestions", r"司法建议", None, 2),
    ("recon_overdue", r"超期|逾期", R, 0),
    # 以本级为被申请人 counts cases a superior body took; a breakdown of one's own
    # cases by respondent (被申请人为乡镇政府的12件) is not that.
    # (市政府 in the context is often the reporting body itself: 市政府受理…，其中被申请人
    # 为县（区）政府的案件45件 is a breakdown of its own caseload.)
    ("recon_superior_cases", r"被申请人", r"上级|上一级", 2),
    # 以区政府为被申请人的复议案件17件 in the district's report: the body itself as the
    # respondent, so a superior took the cases (以街道乡镇为被申请人 is a breakdown).
    ("recon_superior_cases", r"以(本级|本机关|本级政府|[我本]?[区县市旗]?(人民)?政府)为被申请人", None, 3),
    # 县政府作为被申请人的行政复议案件被市政府受理6件: the same, written with 作为, or
    # in the passive with the superior body taking the cases.
    ("recon_superior_cases", r"(本级|本机关|本级政府|[我本]?[区县市旗]?(人民)?政府)作为被申请人", None, 3),
    ("recon_superior_cases", r"被(上级|上一级|[市省州盟](级|人民政府|政府|司法局|司法厅))(复议机关)?(受理|立案|审理)", R, 3),
    # 因依申请公开引发行政复议0件, 因政府信息公开申请引起的行政诉讼: appeals about
    # disclosure, counted apart from the body's own 复议/应诉 caseload.
    ("other:disclosure_appeals", rf"因{_}{{0,14}}(公开|申请){_}{{0,6}}(引发|引起|产生|提起|被申请|被提起|被诉)", None, 3),
    # 产生行政复议及行政诉讼0件 in a disclosure report: appeals about its disclosure.
    ("other:disclosure_appeals", r"(产生|引发|引起|被申请)?(行政)?复议(及|和|、|或)(行政)?诉讼", r"信息公开|依申请|公开申请", 3),
    # 行政处罚类案件213件, 行政征收类案件为90件 where the text is about 复议/诉讼: one
    # category of the cases by the act disputed, not enforcement acts nor the caseload.
    ("other:cases_by_act", r"行政(处罚|许可|强制|征收|征用|确认|给付|裁决|协议|不作为)类|信息公开类|不作为类", rf"{R}|{LITIG}", 3),
    # 作出撤销、变更、责令履行、确认违法等决定的604件, 通过撤销、变更、责令履行方式纠错935件:
    # the correcting outcomes named as a kind (等, 方式) count the corrections.
    (
        "recon_corrected",
        r"(撤销|变更|责令履行|确认违法|确认无效)((、|和|及|与)(撤销|变更|责令履行|确认违法|确认无效))+[^，。；\d]{0,4}(等|方式)",
        R,
        3,
    ),
    # 撤销和确认违法65件, 变更和责令履行21件: two outcomes counted together.
    (
        "other:outcomes_together",
        r"(撤销|确认违法|变更|责令履行|维持|驳回|终止)(和|及|与|或)(撤销|确认违法|变更|责令履行|维持|驳回|终止)",
        R,
        3,
    ),
    # 涉企行政复议案件, 民生领域案件: a field's share of the cases, not the caseload.
    ("other:field_cases", r"涉企|涉及民生|民生领域|涉外", None, 2),
    # 刑事案件512件、民事案件470件、行政案件4件: a breakdown by the kind of case (legal
    # aid, a court's docket), not the 行政应诉 caseload; a part takes its total's code.
    ("other:case_kind", r"(刑事|民事|行政)案件", r"刑事|民事", 2),
    # 各级法院共受理各类行政案件2203件（含旧存245件）…审结1976件: a court's docket
    # (its 行政案件 from every plaintiff, 非诉 included), not the government's 应诉
    # caseload, also when counted by instance (全市法院受理一审行政案件5109件); the
    # annotators of twelve court texts out of fourteen agree.
    ("other:court_admin_cases", rf"(法院|我院|本院){_}{{0,10}}(受理|收案|新收)(一、二审|{_}){{0,12}}案件", None, 3),
    ("other:court_admin_cases", r"旧存", r"法院", 2),
    # 全省法院…。受理行政诉讼案件37245件, 胶州市人民法院…行政案件收案总数（725件）: the court's
    # docket where a court is the topic just before, though the clause does not name it
    # (not the government's 应诉 cases, which name themselves so).
    (
        "other:court_admin_cases",
        r"(受理|收案|新收)(?:(?!应诉|被诉|被告|作为)[^，。；\d]){0,10}(行政|诉讼)[^，。；、\d]{0,6}案件"
        r"|(行政|诉讼)[^，。；、\d]{0,4}案件[^，。；、\d]{0,2}(收案|受理|新收)",
        r"法院|我院|本院",
        3,
    ),
    (
        "other:court_closed",
        r"(审结|结案)(?:(?!应诉|被诉|被告|作为)[^，。；\d]){0,10}(行政|诉讼)[^，。；、\d]{0,6}案件",
        r"法院|我院|本院",
        3,
    ),
    ("other:court_closed", rf"(法院|我院|本院){_}{{0,10}}(审结|结案)(一、二审|{_}){{0,8}}案件", None, 3),
    ("other:court_closed", rf"审结{_}{{0,6}}案件|审结", rf"法院{_}{{0,4}}(受理|收案|新收|审结)", 2),
    # 行政应诉
    ("litig_cases", rf"(应诉|诉讼|涉诉|涉讼){_}{{0,4}}案件|行政案件|被诉|行政诉讼|应诉", None, 0),
    ("litig_hearings", r"开庭", LITIG, 0),
    # 开庭审理行政案件937件: hearings, whatever the topic around them.
    ("litig_hearings", rf"开庭审理{_}{{0,6}}案件", None, 1),
    ("litig_appear_count", r"出庭应诉|出庭", None, 1),
    ("litig_appear_rate", r"出庭(应诉)?率|负责人应诉率", None, 0),
    ("litig_lost", r"败诉(?!风险)", None, 1),
    # 以确认违法、撤销、变更、责令履行方式判决行政机关败诉1235件: a court's judgments, even
    # where the outcomes' names are those of a 复议 correction nearby.
    ("litig_lost", rf"判决{_}{{0,8}}败诉", None, 4),
    ("other:litig_closed", r"审结|办结|结案", LITIG, 0),
    # 办结一审行政应诉案件22件, 共审执结各类行政案件27525件: the cases closed, named by the
    # verb that governs their noun, not the caseload.
    (
        "other:litig_closed",
        r"(审结|办结|审执结|执结)(?:(?!法院|我院|本院|复议|復議)[^，。；、\d]){0,10}(应诉|诉讼|行政)(?:(?!复议|復議)[^，。；、\d]){0,4}案件",
        None,
        2,
    ),
    ("other:litig_judged", r"判决结案|以判决(方式)?结案", LITIG, 1),
    # 驳回起诉54件，驳回上诉25件，撤回起诉30件, 调撤…102件: how lawsuits ended, not the
    # caseload (a loss is litig_lost, above).
    ("other:litig_outcome", r"驳回(起诉|上诉|诉讼请求)|撤回(起诉|上诉)|撤诉|调撤", LAWSUITS, 1),
    ("other:litig_settle_rate", r"调撤率|撤诉率", LAWSUITS, 2),
    # 新收民事诉讼案件7340件: civil or criminal suits are not lawsuits against the government.
    ("other:case_kind", r"(民事|刑事)(诉讼)?案件|(民事|刑事)诉讼", None, 2),
    ("litig_loss_rate", r"败诉率", None, 0),
    # 重大行政决策
    # Priority 1: 审议重大行政决策事项8项 counts the decisions named next to the number,
    # not the meeting's 审议 (other:meetings) further off.
    ("decision_count", r"重大(行政)?决策", None, 1),
    ("decision_legality_reviewed", rf"决策{_}{{0,6}}合法性审(查|核)", None, 1),
    # 审查重大行政决策28件: the decisions reviewed, not the decisions made.
    ("decision_legality_reviewed", rf"审(查|核){_}{{0,4}}重大{_}{{0,2}}决策", None, 1),
    # 行政规范性文件
    ("normdoc_issued", rf"(制定|出台|印发|制发|发布|新制作){_}{{0,10}}规范性文件", None, 0),
    ("normdoc_reviewed", rf"合法性审(查|核)|审(核|查){_}{{0,12}}(文件|合同)", None, 0),
    # 项目备案309个: investment projects filed with the approval office, not documents.
    ("other:project_filings", rf"项目{_}{{0,4}}备案|备案{_}{{0,4}}项目", None, 2),
    ("normdoc_filed", r"报备|备案", DOC, 0),
    # 备案审查行政规范性文件17件: documents others filed, reviewed by this body; not
    # its own 报备 nor its 合法性审核 before issue.
    ("other:normdoc_filing_reviews", r"备案审查|审查备案", None, 1),
    ("normdoc_filed_rate", r"报备率|备案率", None, 0),
    ("normdoc_filed_timely_rate", r"及时率", DOC, 0),
    ("normdoc_conform_rate", r"规范率", DOC, 0),
    ("normdoc_cleanup_kept", r"保留|继续有效", CLEAN, 0),
    ("normdoc_cleanup_modified", r"修改|修订", CLEAN, 0),
    ("normdoc_cleanup_repealed", r"废止|失效", CLEAN, 0),
    # 经评估宣布失效1件: only a document is declared void (a 清理 by another name).
    ("normdoc_cleanup_repealed", r"宣布(失效|废止)", None, 1),
    # 废止行政规范性文件10件: documents repealed in a cleanup.
    ("normdoc_cleanup_repealed", rf"废止(?!件数){_}{{0,6}}规范性文件", None, 0),
    # 本年废止件数 | 行政规范性文件 (the disclosure report's table): repealed in the year
    # for any reason, not the result of a cleanup (the catalogue's count).
    ("other:normdoc_repealed", rf"(本年废止|废止件数){_}{{0,10}}", None, 1),
    ("normdoc_issuers", r"制定主体", None, 1),
    # 法律顾问、公职律师
    ("adviser_count", r"法律顾问", None, 0),
    ("public_lawyers", r"公职律师", None, 0),
    ("adviser_opinions", r"法律意见|意见建议|法律建议", None, 0),
    # 法律顾问出具合法性审查意见3件: the counsel's written opinions, not the reviews.
    ("adviser_opinions", rf"(顾问|律师){_}{{0,4}}出具{_}{{0,10}}意见", None, 2),
    ("units_without_counsel", r"未配备", None, 0),
    # 行政执法
    ("enforcers_certified", r"持证|执法证|执法资格|资格证", None, 0),
    ("enforcers_passed_review", r"通过审验|审验通过|通过年审", None, 1),
    ("enforcers_failed", r"未通过|注销", None, 2),
    ("enforcement_supervisors", r"执法监督人员|监督人员", None, 2),
    ("enforcers_trained", rf"培训{_}{{0,8}}执法人员|执法人员{_}{{0,12}}培训|执法培训", None, 1),
    # 组织行政执法人员培训6期，培训1500余人次: the trainees of the sentence's training.
    ("enforcers_trained", r"培训", r"执法人员[^。；]*培训[^。；]*$", 0),
    (
        "enforcement_cases",
        rf"执法案件|(行政处罚|行政许可|行政强制|行政检查){_}{{0,2}}案件|办理{_}{{0,6}}(处罚|许可)",
        None,
        0,
    ),
    # 行政处罚137.07万宗，行政许可80.96万宗…: in a text about 行政执法, enforcement acts
    # counted by their kind (INDICATORS.md: by kind 处罚, 许可, 强制, 检查, 其他).
    (
        "enforcement_cases",
        r"行政(处罚|许可|强制|检查|征收|征用|给付|奖励|裁决|确认)(?!事项|清单|权)|行政执法行为",
        # (处理决定数量: the disclosure report's table of the decisions made.)
        r"执法",
        0,
    ),
    # 查处食品案件742件, 查处环境违法行为75起, 开展执法检查5346次: enforcement acts.
    ("enforcement_cases", rf"(查处|查办){_}{{0,10}}(案件|违法行为|违法案件)|执法检查", r"执法|监管|查处|查办", 0),
    # A penalty or a coercive measure of a kind the law names (行政处罚法第九条, 行政强制法
    # 第九条、第十二条), counted where the text or table is about 处罚 or 强制 (行政处罚实施
    # 数量（宗） over 警告 | 罚款 | 责令停产停业): enforcement acts by kind.
    (
        "enforcement_cases",
        r"警告|通报批评|罚款(?!金额|数额)|没收违法所得|没收非法财物|暂扣许可证件|降低资质等级|吊销许可证件"
        r"|限制开展生产经营活动|责令停产停业|责令关闭|限制从业|行政拘留|其他行政处罚"
        r"|查封场所|扣押财物|冻结存款|其他行政强制措施|加处罚款|划拨存款|代履行|其他强制执行",
        # (not a court's lawsuits by their type: 行政拘留2件、罚款5件 of 行政案件)
        r"(行政处罚|行政强制)(实施|决定|执行)?(数量|情况|统计)|执法(数据|统计)",
        1,
    ),
    # 合计（宗） in a table of 行政处罚实施数量: all the penalties it counts.
    ("enforcement_cases", r"^合计|^总计", r"(行政处罚|行政强制)(实施|决定|执行)?数量", 0),
    # 简易程序9起、普通程序13起 where the text is about enforcement: 处罚 cases by procedure.
    ("enforcement_cases", r"(简易|普通|一般|快办)程序", r"执法|处罚", 1),
    ("case_files_reviewed", r"评查|案卷|卷宗", None, 0),
    ("enforcement_supervision_letters", r"执法监督意见书|监督意见书|监督建议书", None, 1),
    # 政务公开
    ("disclosure_proactive", r"主动公开", None, 0),
    # (依申请公开政府信息78件: requests, see below.)
    ("disclosure_proactive", rf"(?<!申请)(发布|公开){_}{{0,14}}(政务|政府)?信息", r"公开|网站|政务", 0),
    # 全年更新各类政府信息130023条, 概况类信息更新量584条: the disclosure report's items
    # updated on the portal (its table's 更新量) are items disclosed.
    ("disclosure_proactive", rf"更新{_}{{0,10}}信息|信息{_}{{0,2}}更新量?", r"公开|网站|政务", 0),
    ("disclosure_requests", r"依申请|信息公开申请|公开申请", None, 0),
    ("disclosure_requests", rf"(收到|新收|受理){_}{{0,12}}申请", r"信息公开|依申请公开|公开申请|政务公开", 0),
    ("disclosure_replied_on_time", r"按期答复|按时答复", None, 1),
    ("disclosure_replied_on_time", r"按期办结|按时办结|按期办理", r"信息公开|依申请|公开申请", 1),
    ("other:disclosure_on_time_rate", r"按(期|时)(答复|办结|办理)率", r"信息公开|依申请|公开申请", 2),
    # 建议提案、督查
    ("npc_suggestions", rf"人大代表{_}{{0,6}}(建议|议案)|代表建议|人大建议", None, 0),
    ("cppcc_proposals", rf"政协{_}{{0,6}}提案|委员提案|政协提案", None, 0),
    # 办结率 names no subject: it is the rate of the count just before it (see RATE_OF).
    (NUMERATOR, r"(?<!按期)(办结|办复|答复)率", None, 0),
    ("supervision_tasks", r"督查督办|督办事项|督查事项", None, 0),
    ("supervision_overdue", r"逾期督办|逾期未办结", None, 1),
    # 人民调解
    # 各类调解组织1176个: every kind of mediation body, not only the 人民调解委员会 the
    # catalogue counts (人民调解组织 are those).
    ("mediation_committees", r"调委会|调解委员会|人民调解组织", None, 0),
    ("other:mediation_organisations", r"(?<!人民)调解组织", None, 0),
    ("mediators", r"调解员|调解人员", None, 1),
    # 180多名人民调解员参加了培训班: people trained, not the mediators counted
    # (执法人员参加培训 stays enforcers_trained).
    ("other:trainees", rf"(?<!执法人员)参加了?{_}{{0,4}}培训", None, 3),
    ("mediation_cases", r"纠纷|调处|调解案件", None, 0),
    # 诉前调解 is the court's mediation before a suit, not people's mediation.
    ("other:pre_suit_mediation", r"诉前调解", None, 2),
    ("other:pre_suit_mediation", r"调解成功|成功调解|收案", r"诉前", 2),
    ("other:pre_suit_mediation_rate", r"调解成功率|成功率", r"诉前", 3),
    # 发生各类矛盾纠纷490件: disputes that arose, not disputes mediated.
    ("other:disputes_occurred", rf"发生{_}{{0,8}}纠纷", None, 1),
    # 化解矛盾纠纷2752起: disputes resolved by any channel (信访, 综治, 诉前…), not the
    # cases people's mediation took (人民调解组织共化解矛盾纠纷16万件, 排查调处).
    ("other:disputes_resolved", rf"^(?:(?!调解|调处|调委会){_})*化解{_}{{0,8}}纠纷", None, 1),
    ("mediation_success", r"调解成功|成功调解|调处成功|成功调处|调成|化解成功|成功化解", None, 1),
    ("mediation_rate", r"调解成功率|调处成功率|成功率", MED, 0),
    # 实质性化解率, 综合化解率: other measures than the share of cases mediated.
    ("other:resolution_rate", r"化解率", None, 1),
    # Screening and prevention are not cases mediated.
    # (排查受理 is taking cases in: that stays a count of cases.)
    (
        "other:disputes_screened",
        rf"排查(?!{_}{{0,2}}(受理|调处|化解|调解)){_}{{0,8}}|预防{_}{{0,6}}纠纷",
        None,
        1,
    ),
    ("mediation_oral", r"口头协议", None, 2),
    ("mediation_written", r"书面协议", None, 2),
    ("mediation_amount", r"涉及金额|涉案金额|金额", MED, 0),
    # 公共法律服务
    ("legal_aid_cases", r"法律援助", None, 0),
    # 法律援助诉讼案件93950件, 刑事法律援助案件18122件, 受理法援案件106871件: legal aid cases
    # of one kind are legal aid cases, not lawsuits or a kind of case.
    ("legal_aid_cases", r"(法律援助|法援)(诉讼|刑事|民事|行政|非诉)?案件|(刑事|民事|行政|诉讼)法律援助案件", None, 1),
    # 受理法律援助申请328件，批准327件: the applications, not the cases the aid was given in.
    ("other:legal_aid_applications", r"(法律援助|法援)申请", None, 2),
    ("notary_cases", r"公证", None, 0),
    ("legal_service_visits", r"法律服务|法律咨询", None, 0),
    # 办理法律帮助案件3.84万件 beside 审批法律援助案件8.88万件: legal help (法律援助法
    # 第二十二条 services short of representation) is not a legal-aid case; as a 其中
    # part of the legal-aid cases it takes their code.
    ("other:legal_help_cases", r"法律帮助", None, 2),
    # 委托县自然资源局办理…政府信息公开申请25件: requests passed to another body to
    # answer, not the requests this body received.
    ("other:requests_delegated", rf"委托{_}{{0,12}}办理{_}{{0,16}}申请", None, 3),
    # 另提供来访、来电等咨询3354人次 in a text about legal aid or services.
    ("legal_service_visits", r"咨询", r"法律|律师|援助", 0),
    # 抽取100宗案件进行评估: a sample drawn for checking, not the caseload.
    ("other:sampled", r"抽取|随机抽|抽样", None, 2),
    # 12348热线…每年服务15万人次: people served, where the text is about legal services.
    ("legal_service_visits", r"服务(群众|对象)?(达到|达|超过|近)?$", r"法律服务|12348", 0),
    ("legal_literates", r"法律明白人", None, 1),
    # 调解成功率同比提高1.2%, 受理案件增长120件: a change, not the measure itself
    # (提高到98% is the value, and is not matched).
    (
        "other:change",
        r"(同比|环比|较上年|比上年|较去年|比去年)?(增长|提高|下降|上升|减少|降低|增加|提升|下滑)了?(约|近)?$",
        None,
        3,
    ),
    # 3人荣获…称号: people honoured, not people counted by their role.
    (
        "other:awarded",
        rf"荣获|获评|被评为|评为|获得{_}{{0,12}}(称号|表彰|荣誉|奖)|受到{_}{{0,8}}表彰|表彰|嘉奖|通报表扬",
        None,
        3,
    ),
    # 普法、学法
    (
        "publicity_events",
        rf"(普法|宣传|送法|法治|法律){_}{{0,10}}活动|活动{_}{{0,4}}(普法|宣传)|宣讲"
        # 法治宣传进企业、进农村、进学校活动120场: the 进… list names where, not what.
        rf"|(普法|宣传|送法|法治|法律){_}{{0,4}}(、?进{_}{{1,4}})+活动",
        None,
        0,
    ),
    ("publicity_lectures", r"讲座|讲堂|法治报告会", None, 1),
    # 在市委党校主体班开设法治课程48场, 领导讲授法治课2次, 党校专题讲座4场次: courses in
    # the training of officials, not lectures to the public.
    ("other:law_courses", rf"法治课|课程|党校{_}{{0,12}}(讲座|课)", None, 2),
    # 代写法律文书871份, 审查、草拟合同及法律文书936份: documents drafted for clients or by
    # counsel, not normative documents reviewed.
    ("other:legal_documents", r"法律文书", None, 2),
    # 附带审查规范性文件8608件: documents reviewed incidentally to 复议 cases.
    ("other:incidental_review", r"附带审查", None, 3),
    ("publicity_materials", r"发放|资料|读本|手册|宣传品|彩页|宣传材料", None, 0),
    # 发放学习资料400余份: material for the cadres' own study, not 普法 handed out.
    ("other:study_materials", r"学习(资料|材料|读本|手册)", None, 2),
    ("publicity_audience", r"受教育|受众|受益群众|参与群众", None, 0),
    # 普法宣传…覆盖群众两万余人次, “线上+线下”惠及380万余人: the people the 普法 reached.
    ("publicity_audience", r"覆盖|惠及", r"普法|法治宣传|法律宣传|宣传", 0),
    # 开展活动共计30余场 in a passage about 普法: its events.
    ("publicity_events", r"活动", r"普法|法治宣传|法律宣传", 0),
    # 集中宣传426场, 普法宣传1.1万余场次: 普法 events counted by their sessions.
    ("publicity_events", r"宣传|普法", r"普法|法治|法律", 0),
    # 学法 counted in 次: 常务会议学法18次, 专题学习2次, 学习研讨1次, 4次集体学法. A
    # meeting that 研究/部署 something (常务会议5次专题研究…) is not a study session.
    ("study_sessions", r"学法|学习(研讨)?(?!贯彻|资料|宣传)", None, 0),
    ("study_sessions", r"常务会|中心组|党组会", r"学法", 0),
    ("other:meetings", r"研究|部署|审议", None, 1),
    # 专题研讨班2期, 专题轮训班, 法治专题培训1期: training classes, not study sessions
    # or lectures (执法人员培训 stays enforcers_trained, a longer match).
    ("other:training_classes", r"培训班|轮训班|研讨班|专题培训", None, 1),
    # 清单
    ("power_list_items", r"权责事项|权责清单|权力清单|权力和责任清单", None, 0),
    # 政务服务事项 only: 公共服务事项, 便民服务事项 are other lists.
    ("service_items", r"政务服务事项", None, 0),
    ("permit_items", rf"许可{_}{{0,2}}事项", None, 1),
    # 取消政务服务事项18项, 下放…事项: what changed on a list, not what it holds.
    ("other:items_changed", rf"(取消|下放|精简|削减|压减|调整|承接){_}{{0,10}}(事项|职权|审批)", None, 2),
]

COMPILED = [
    (code, re.compile(measure), re.compile(ctx) if ctx else None, prio)
    for code, measure, ctx, prio in PATTERNS
]

# Every code's own words, as one expression (a code's words are never its blockers).
PATTERN_OF: dict[str, str] = {}
for _code, _measure, _ctx, _prio in PATTERNS:
    PATTERN_OF[_code] = f"{PATTERN_OF[_code]}|{_measure}" if _code in PATTERN_OF else _measure
CODE_WORDS = {code: re.compile(words) for code, words in PATTERN_OF.items()}

# The subject decides. A code's own words (法律援助, 复议, 调解, 宣讲) name a count only
# when no other kind of case, service, request or actor is named in the words the
# number measures (the clause back to its start, outside the code's own words):
# 司法鉴定案件10.6万余件 and 仲裁案件3千余件 beside 法律援助案件 are not legal aid;
# 收到政府信息公开申请 is not a reconsideration; 律师开展法治宣讲 is the lawyers'
# service, not the county's 普法活动. Such a count is `other:`, named by its subject.
# Per code, the subject words that override it.
_NOT_LEGAL_AID = r"司法鉴定|鉴定|仲裁|劳动(人事)?争议|公证|信访|诉前|法律帮助"
# (群众诉求, 热线工单, 来信来访, 咨询, 线索: what a hotline or a petition office takes in.)
_TAKEN_IN_ELSEWHERE = r"诉求|工单|热线|来信|来访|咨询|线索"
# (行政诉讼受案808件 in a paragraph about 复议: the clause names the other register.)
_NOT_RECON = rf"信息公开|政府信息|依申请|公开申请|信访|仲裁|劳动(人事)?争议|举报|投诉|行政诉讼|{_TAKEN_IN_ELSEWHERE}"
_NOT_PEOPLES_MEDIATION = r"仲裁|劳动(人事)?争议仲裁|信访|诉前|法院|法官"
SUBJECT_BLOCKERS: dict[str, str] = {
    "legal_aid_cases": _NOT_LEGAL_AID,
    "notary_cases": r"司法鉴定|鉴定|仲裁|法律援助|信访",
    "recon_received": _NOT_RECON,
    "recon_accepted": _NOT_RECON,
    "recon_closed": _NOT_RECON,
    # (依申请调解10.8万件: mediation on request, not a disclosure request.)
    "disclosure_requests": rf"复议|诉讼|信访|举报|投诉|仲裁|调解|纠纷|{_TAKEN_IN_ELSEWHERE}",
    "mediation_cases": _NOT_PEOPLES_MEDIATION,
    "mediation_success": _NOT_PEOPLES_MEDIATION,
    "mediation_rate": _NOT_PEOPLES_MEDIATION,
    "publicity_events": r"律师|法律顾问|公证员|法官|检察官",
    "publicity_lectures": r"律师|法律顾问|公证员|法官|检察官",
    # 收到留言56条: messages received, not 主动公开政府信息.
    "disclosure_proactive": r"留言",
    # 经复议后又进入诉讼的案件18件: appeals after reconsideration, not the 应诉 caseload.
    # (A table's 复议后起诉 | 总计 column of lawsuits stays the caseload.)
    "litig_cases": r"复议后又|经过?复议后",
    # 优秀案卷85卷: the files graded excellent, an outcome of the review.
    "case_files_reviewed": r"法律援助|援助|公证|仲裁|信访|优秀|良好|合格|不合格|较差",
    # 通过调解、和解等方式实质性化解行政争议4426件: disputes resolved in substance (by any
    # means), not the cases closed by mediation or settlement.
    "recon_mediated": r"实质性化解|实质化解|综合化解",
    "recon_mediation_rate": r"实质性化解|实质化解|综合化解",
    # 制定行政检查计划3573个, 联合随机任务57个: plans and tasks, not the acts themselves.
    "enforcement_cases": r"计划|任务|清单|事项",
    # 在中心组授课1次: giving a lecture is not a study session.
    "study_sessions": r"授课|讲课|宣讲",
}
BLOCKERS = {code: re.compile(words) for code, words in SUBJECT_BLOCKERS.items()}
# The words that name another register than a code family's (recon_, litig_): a count
# so named in a list of a total's parts is not one of them.
OTHER_REGISTER = {
    "recon": re.compile(r"行政诉讼|应诉|信访|仲裁"),
    "litig": re.compile(r"行政复议|复议申请"),
}
# Bodies other than people's mediation that, named as the actor earlier in a sentence,
# act in its later clauses too (人民法院委派调解案件2300件，调解成功1800件，成功率78%).
# A clause that names its own actor (在法院指导下，全县人民调解组织调解纠纷800件) keeps it.
_OTHER_MEDIATORS = re.compile(r"法院|法官|仲裁|信访|诉前")
SENTENCE_ACTORS = {code: _OTHER_MEDIATORS for code in ("mediation_cases", "mediation_success", "mediation_rate")}
OWN_ACTORS = {
    code: re.compile(r"人民调解|调委会|调解委员会|调解组织|调解员")
    for code in ("mediation_cases", "mediation_success", "mediation_rate")
}
# 农民工法律援助案件2188件, 未成年人案件: a group of people right before a code's words
# names a subset of the catalogue count (the gold files' convention: a subset not
# marked 其中 is `other:`). For every code; 为老年人等群体提供法律援助 (a verb between) is
# the service itself.
SUBSET_QUALIFIER = re.compile(r"(农民工|未成年人|妇女|老年人|残疾人|退役军人|军人军属|困难群众|留守儿童)(群体)?的?$")
# 治安管理类案件13件, 工商投诉举报类受理21件: one category of the count (by matter, by
# field), not the count itself, where no 其中 makes it a part (各类, 两类: all of them).
# Cases only: information is published by category (政务类信息34条 is 主动公开).
CATEGORY = re.compile(r"[^各多两几全本此该同等一二三四五六七八九十]{2}类(?!似|型化)")
CATEGORY_CODES = frozenset(
    c for c, u in CODE_UNIT.items() if u == "件" and c.startswith(("recon_", "litig_", "legal_aid", "notary", "mediation_"))
)
# A counted noun nearer the number than a code's words names what is counted
# (法律援助案件结案归档材料659件: files, not cases).
# A code's words that end in a body's name (法律援助中心, 公证处, 调解委员会) name who acts;
# the count is that body's cases only where a handling verb or a case noun follows.
ACTOR_SUFFIX = re.compile(r"(中心(?!组)|机构|工作站|服务站|处|所|委员会|委|办公室)")
HANDLED = re.compile(r"办理|受理|指派|承办|办结|代理|审结|审查|调解|调处|化解|案件|事项|纠纷|申请|接待|来访|服务(群众|对象)")
# 讲堂·逢九必讲”法治培训17次: trainings, not lectures.
NEARER_NOUNS = re.compile(r"材料|档案|卷宗|案卷|资料|工单|留言|线索|隐患|问题|意见|建议|培训|补贴|补助|经费|资金")
# An actor that the body organises (司法局组织律师事务所…开展了5场主题宣传活动) is the
# body's means: the organiser stays the subject.
ORGANISED_BY = re.compile(r"(组织|动员|指导|带领|邀请|联合|依托|协调)[^，。；]{0,8}$")

# A share written as 占…的N%.
SHARE = re.compile(r"占(?P<den>[^，。；]{0,20}?)的?(比例|比重|比率)?(为|达到|达|是)?$")
# Several rates sharing one numeral: 报备率、规范率、及时率达100%; 参考率和优秀率均超过99%;
# 协同响应率、线索回应率等核心指标均达100% (the rates before 等 are the ones measured).
RATE_LIST = re.compile(
    r"(?P<items>(?:[^、，。；]{1,12}?率(?:、|和|及|与))+[^、，。；]{1,12}?率)(等[^、，。；\d率]{0,6})?(均|都|分别|全部)?"
    r"(达到|到达|达|为|是|保持在|保持|在|超过|超|高于|不低于)?(了)?$"
)
# 述职评议和述法测评各1次: one numeral for each of the items before 各.
COUNT_LIST = re.compile(r"(?P<items>(?:[^、，。；和]{2,12}(?:、|和))+[^、，。；和]{2,12})各$")
# 受理、审结行政复议案件分别为50件、45件: the items before 分别, one for each number.
RESPECTIVE_LIST = re.compile(
    r"(?P<items>(?:[^、，。；和及]{1,16}(?:、|和|及))+[^、，。；和及]{1,16}?)分别(为|是|达到|达|有|占)?$"
)
# A count written without a unit: 败诉案件数0.
UNITLESS = re.compile(r"(数|数量|总数|总量)(为|是)?[:：]?\Z")

# A rate and the counts it is computed from: rate → (numerator codes, denominator
# codes). Order matters for denominators: the first code found wins.
# The catalogue's own denominator (fazhi.indicators) comes first where it defines the
# rate (`relations.denominator_codes`); the others are readings reports also use,
# named when a stated rate fits them instead of being called wrong.
RATES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "mediation_rate": (("mediation_success",), ("mediation_cases",)),
    "litig_appear_rate": (("litig_appear_count",), ("litig_hearings", "litig_cases")),
    "litig_loss_rate": (
        ("litig_lost",),
        ("other:litig_judged", "other:litig_closed", "litig_cases", "other:court_closed", "other:court_admin_cases"),
    ),
    "recon_mediation_rate": (
        ("recon_mediated",),
        ("recon_closed", "recon_accepted", "recon_received"),
    ),
    "recon_correction_rate": (
        ("recon_corrected",),
        ("other:recon_correction_base", "recon_closed", "recon_accepted"),
    ),
    "normdoc_filed_rate": (("normdoc_filed",), ("normdoc_issued",)),
    "npc_completion_rate": (("npc_suggestions",), ("npc_suggestions",)),
    "other:disclosure_on_time_rate": (("disclosure_replied_on_time",), ("disclosure_requests",)),
    "cppcc_completion_rate": (("cppcc_proposals",), ("cppcc_proposals",)),
    # 以调解撤诉方式结案999件，调撤率21.12% of 审结4729件: lawsuits ended by settlement or
    # withdrawal over those concluded (not a catalogue code).
    "other:litig_settle_rate": (("other:litig_outcome",), ("other:litig_closed", "other:court_closed")),
}

# Catalogue codes that INDICATORS.md does not list: the analyzer names them `other:`.
CATALOGUE_AS_OTHER: dict[str, str] = {
    "litig_judged": "other:litig_judged",
    "litig_closed": "other:litig_closed",
    "recon_correction_base": "other:recon_correction_base",
}

# The bases, as a reader would name them in a verdict, where the catalogue's name is not
# that (the analyzer's own `other:` bases are named in OTHER_LABEL).
BASE_LABEL: dict[str, str] = {
    "litig_cases": "应诉案件总数",
    "recon_closed": "审结案件数",
    "recon_accepted": "受理案件数",
    "recon_received": "收到申请数",
    "litig_hearings": "开庭数",
    "mediation_cases": "调处纠纷数",
}

# A share written as 占…的N%: the rate is named by its numerator's code.
RATE_OF: dict[str, str] = {num[0]: rate for rate, (num, _den) in RATES.items()}

# Exhaustive breakdowns: the parts of a total that, listed together, must add up to
# it (the outcomes of the cases concluded; the two kinds of mediation agreement).
PARTITIONS: dict[str, tuple[str, ...]] = {
    "recon_accepted": (
        "recon_upheld",
        "recon_dismissed",
        "recon_revoked",
        "recon_altered",
        "recon_confirmed_illegal",
        "recon_confirmed_void",
        "recon_ordered_performance",
        "recon_terminated",
        "recon_mediated",
    ),
    "recon_closed": (
        "recon_upheld",
        "recon_dismissed",
        "recon_revoked",
        "recon_altered",
        "recon_confirmed_illegal",
        "recon_confirmed_void",
        "recon_ordered_performance",
        "recon_terminated",
        "recon_mediated",
        "recon_carried_over",
        # 不予受理 closes an application, but many reports count it apart from the
        # cases concluded: a list with it that does not add up is left unjudged.
        "recon_rejected",
    ),
    "mediation_success": ("mediation_oral", "mediation_written"),
    "normdoc_reviewed": (),
}
# Qualifiers that hold for every item of the 、 list they open (因…引发行政复议0件、
# 行政诉讼0件; 涉企…).
# A clause that is only the name of another kind of appeal (…引起行政复议2件，行政诉讼1件)
# continues the list the qualifier opened; a verb (，撤销1件) does not.
BARE_KIND = re.compile(r"(行政)?(复议|诉讼|应诉)(案件)?")
SPREADING_QUALIFIERS = ("other:disclosure_appeals", "other:field_cases")

# A total's parts that are a different measure of the same items (其中按期办结36件 of
# 36 requests): they keep their own code but are no partition of the total.
SUB_MEASURES: dict[str, tuple[str, ...]] = {
    # 收到669份申请，其中因信息公开申请引起的行政复议21宗: appeals about the requests.
    "disclosure_requests": ("disclosure_replied_on_time", "other:disclosure_appeals"),
    "litig_cases": ("other:litig_outcome",),  # 新收应诉170件，其中…驳回起诉54件: how some ended
}

# Parts a report may or may not count inside the total (see above).
OPTIONAL_PARTS = ("recon_rejected",)

# Totals whose listed outcomes may add up to more than they are (cases accepted this
# year; the outcomes also decide cases carried over from the last).
OUTCOMES_MAY_EXCEED = ("recon_accepted",)

# Parts of a total that keep their own code when listed after 其中 (all other parts
# take the total's code, as the gold files do).
OWN_CODE_PARTS: dict[str, tuple[str, ...]] = {
    k: PARTITIONS.get(k, ())
    + (("recon_corrected",) if k.startswith("recon_") else ())
    + SUB_MEASURES.get(k, ())
    for k in [*PARTITIONS, *SUB_MEASURES]
}

# Implied totals: the catalogue defines recon_corrected as the sum of these.
IMPLIED_SUMS: dict[str, tuple[str, ...]] = {
    "recon_corrected": (
        "recon_revoked",
        "recon_altered",
        "recon_confirmed_illegal",
        "recon_confirmed_void",
        "recon_ordered_performance",
    ),
}

# The row of a table that holds the total the other rows are shares of.
TOTAL_ROW = re.compile(r"^(合计|总计|共计|总数|全部|总量)")
# Words saying a study session was about law (学法, 法治专题学习): without them in its
# sentence, a party committee's 集体学习 or a theory group's 学习 is not 学法.
LAW_STUDY = re.compile(r"法治|法律|法规|学法|宪法|法典|依法|条例")

# A table of places (省份 | 数量, 地区 | 件数): the column of row labels is headed by a
# word for places, or its labels are places; the count column names no measure, so
# the table's caption (表1：省区市和兵团受理行政复议案件情况) names what is counted.
PLACE_HEADER = re.compile(r"^(省份|省区市|省（区、市）|省\(区、市\)|地区|地市|城市|市州|县区|区县|县（市、区）|县\(市、区\)|乡镇|乡镇（街道）|街道|辖区|区域)$")
PLACE_LABEL = re.compile(
    r"^(北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|"
    r"四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|兵团|香港|澳门)"
    r"|^[\u4e00-\u9fff]{1,8}(省|自治区|市|县|区|旗|州|盟|乡|镇|街道|兵团)$"
)
GENERIC_QUANTITY = re.compile(r"^(数量|数目|件数|总数|案件数|案件数量|数)([（(][^（()）]{1,4}[）)])?$")

# 为民办实事34.62万件次，其中…案件8.88万件、…咨询21.9万人次: a total counted in 件次
# adds up cases and visits, so its 其中 parts may be in either.
MIXED_TOTAL_UNITS: dict[str, tuple[str, ...]] = {"件次": ("件", "次", "人次", "件次")}

# Words that mark a count as a total (共收到…, 全年累计…).
TOTAL_WORDS = re.compile(r"共|总|全年|全县|全市|全区|累计|合计")

# Words that mark what follows as parts of the figure before.
# 新受理的行政复议151件中，被申请人为…140件: a count followed by 中 opens its breakdown.
# 2418项政务服务事项中，2331项纳入…: the same, with the count's noun before 中.
PART_MARKER = re.compile(r"其中|[（(，,]含|包括|(?<=[件个项条名人次宗起])[^，。；、\d\s]{0,8}?中(?=[，,：:])")
# 评估结果为：优秀…，良好…: a breakdown of the count before it.
# 处理结果中，部分公开2件…: the same, with 中 for the colon.
COLON_MARKER = re.compile(r"(结果|情况|构成|分布)(为|是|如下)?[：:]|结果中[，,：:]")
# 在主动公开的信息中，…: the parts of a total named by its head noun (信息, 案件).
SCOPE_MARKER = re.compile(r"在(?P<what>[^，。；在]{2,12}?(信息|案件|纠纷|申请|文件|事项))中[，,：:]?")

# A topic named as a consequence (因…申请引发行政复议, 因…被申请行政复议0件) or as absent
# (未发生行政复议和行政诉讼): not the topic of the words after it. (县政府被申请行政复议12件
# is the body's own caseload: its topic stands.)
NOT_TOPIC = re.compile(
    r"因[^。；]{0,20}?(引发|引起|产生|提起|被申请|被提起|被诉)[^。；，]{0,12}"
    r"|未(发生|出现|产生|有)[^。；，]{0,16}"
)

# Whose figure it is.
SCOPE = re.compile(
    r"(全[县区市省州旗]|[县区市州镇乡]政府本级|本级|[县区市州]政府|[县区市州]委|本单位|[县区市州]直[^，。]{0,4}单位|各乡镇|各部门|[县区市]级)"
)

# Words saying that the counted items were concluded (the numerator of 办结率).
CONCLUDED = re.compile(r"办结|办复|答复|办理完毕|已办|落实")

# A minimum or a target, not a measured figure (至少配备一名, 不少于2000人次).
# 确保每个行政村有3名以上法律明白人: a requirement for each, not a count.
TARGET_BEFORE = re.compile(r"(不少于|至少|不低于|不超过|不高于|控制在)$|(确保|要求|保证)每[^，。；]{0,10}(有|配备|配齐|达到)$")

# Words after a numeral and classifier that turn it into a name (三项制度).
# 两个责任, 四个意识, 三个重点, 两个全覆盖: a numeral and 个 before an abstract noun
# is a slogan's name, not a count (建成两个调解室 counts rooms).
NAME_AFTER = re.compile(
    r"^(制度|机制|原则|理念|意识|要求|方针|战略|行动|工程|工作法|精神|责任|维护|确立|自信|务必|"
    r"重点|全覆盖|到位|优先|结合|转变|关键|导向|目标|坚持|不变|统一|作用|一体|全面|必须|一流)"
)

# The five kinds of section of the annual report (DOMAIN.md), checked in this order.
SECTION_KINDS: list[tuple[str, str, str]] = [
    ("other", "其他需要报告的情况", r"其他"),
    ("shortcomings", "存在的不足和原因", r"不足|问题|差距|短板|困难"),
    ("plan", "下一年度的工作安排", r"下一年度|下一步|下年度|明年|安排|打算|计划|思路"),
    (
        "duty",
        "主要负责人履行第一责任人职责情况",
        r"第一责任人|主要负责人|负责人履行|履行[^，。]{0,12}职责|党的领导|组织领导",
    ),
    ("measures", "主要举措和成效", r""),
]

# The same kinds, looked for in unheaded body text (a report may end with
# 虽然…存在一些不足 and 2024年，将… without a heading).
SECTION_BODY_HINTS: dict[str, str] = {
    "duty": r"第一责任人",
    "measures": r"举措|成效|取得",
    "shortcomings": r"存在[^。]{0,10}(不足|问题|差距)",
    "plan": r"下一步|下一年度|明年|20\d\d年[，,]?[^。]{0,10}将",
    "other": r"其他需要报告",
}

HEADING = re.compile(r"^[ \t\u3000]*([一二三四五六七八九十]+)[、．.][^\n]{1,80}$", re.MULTILINE)
