"""The statutory periods of ../shared/domain/statutes.md Appendix A, as rows.

Loaded by migration 0002 and by `fazhi load_periods` (which adds missing rows and
never overwrites an administrator's change). Rows marked "M" are defaults from
memory or local practice: an administrator should check them against the local rule
and may change them in the admin. Codes are stable: registers rely on them.

Keys: code, name, law, article, start_event, length, mode (days / workdays / months /
years / hours / date), fixed_month_day ("MM-DD" for mode "date"; length = years after
the start date's year), direction (after / before), first_day_counts,
extension_length (None with max_extensions > 0: the law sets no cap, the approval
does), extension_mode, extension_from_start ("延长至自起算日起N" instead of "延长N"),
max_extensions, pauses_on, confidence (C / M), source, notes, and the law version:
law_version, effective_from, effective_until (inclusive; None = still in force).

A code may have several rows, one per law version; a case takes the row in force on
the date its law is fixed by (services.get_period(code, on=…); for 行政复议 the day
the application was received, 行政复议法 第90条).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

RECON = "《中华人民共和国行政复议法》（2023年修订）"
RECON_FROM = dt.date(2024, 1, 1)  # 第90条
RECON_VERSION = "2023年修订（2024-01-01施行）"
OLD_RECON = "《中华人民共和国行政复议法》（2017年修正）"
OLD_RECON_VERSION = "1999年制定、2009年和2017年修正（2023-12-31止）"
OLD_RECON_FROM = dt.date(1999, 10, 1)
OLD_RECON_UNTIL = dt.date(2023, 12, 31)
OLD_RECON_SRC = "[M] 行政复议法(1999年制定，2017年修正文本)；行政复议法实施条例(2007)：statutes.md 未收录旧法，条文号据旧法文本记忆，请核对"
OLD_WD40 = "旧法第40条：本法关于行政复议期间有关“五日”“七日”的规定是指工作日，不含节假日（“十日”“六十日”为自然日）。"
LITIG_FROM = dt.date(2015, 5, 1)  # 2014年修正施行；2017年修正未改期限
LITIG_VERSION = "2014年修正（2015-05-01施行）、2017年修正"
RECON_SRC = "[C-text] 诉讼与非诉讼程序法/行政复议法(2023-09-01).md（statutes.md §1）"
LITIG = "《中华人民共和国行政诉讼法》"
LITIG_SRC = "[C-text] 诉讼与非诉讼程序法/行政诉讼法(2017-06-27).md（statutes.md §2.1）"
# A law's title, the source its rows were checked against, the day it took effect.
GIS, GIS_SRC, GIS_FROM = "《中华人民共和国政府信息公开条例》（2019年修订）", "[C-text] 行政法规/政府信息公开条例(2019-04-03).md（statutes.md §5）", dt.date(2019, 5, 15)
PERMIT, PERMIT_SRC, PERMIT_FROM = "《中华人民共和国行政许可法》（2019年修正）", "[M] 行政许可法：statutes.md 附录B（条文号待核对原文）；第82条：本法规定的期限以工作日计算，不含法定节假日", dt.date(2004, 7, 1)
PENALTY, PENALTY_SRC, PENALTY_FROM = "《中华人民共和国行政处罚法》（2021年修订）", "[C-text] 行政法/行政处罚法(2021-01-22).md（statutes.md §7.2、附录B）", dt.date(2021, 7, 15)
PENALTY_WD85 = "第85条：本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。"
AID, AID_SRC, AID_FROM = "《中华人民共和国法律援助法》", "[C-text] 行政法/法律援助法(2021-08-20).md（statutes.md §10）", dt.date(2022, 1, 1)
PETITION, PETITION_SRC, PETITION_FROM = "《信访工作条例》（中共中央、国务院2022年印发）", "[M] statutes.md 附录B（条文号待核对原文）", dt.date(2022, 5, 1)
ENF = "国办发〔2018〕118号《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》"
ENF_SRC = "[C-page] statutes.md §7.1"
WD88 = "第88条第2款：本法“三日”“五日”“七日”“十日”指工作日，不含法定休假日。"
# 民法典 第1259条: "以上、以下、以内、届满" include the number itself; a date "X日前" is
# read as "on or before X".
BY_DATE_NOTE = (
    "“×月×日前”按含当日理解（参照民法典第1259条“以内、届满，包括本数”）；固定日期不适用节假日顺延。"
)


def _p(
    code: str,
    name: str,
    law: str,
    article: str,
    start_event: str,
    length: int,
    mode: str,
    **kw: Any,
) -> dict[str, Any]:
    row = {
        "code": code,
        "name": name,
        "law": law,
        "article": article,
        "start_event": start_event,
        "length": length,
        "mode": mode,
        "fixed_month_day": "",
        "direction": "after",
        "first_day_counts": False,
        "extension_length": None,
        "extension_mode": "",
        "max_extensions": 0,
        "extension_from_start": False,
        "pauses_on": "",
        "confidence": "C",
        "source": "",
        "notes": "",
        "law_version": "",
        "effective_from": None,
        "effective_until": None,
    }
    if law == RECON:
        row.update(law_version=RECON_VERSION, effective_from=RECON_FROM)
    elif law == OLD_RECON:
        row.update(
            law_version=OLD_RECON_VERSION,
            effective_from=OLD_RECON_FROM,
            effective_until=OLD_RECON_UNTIL,
            confidence="M",
            source=OLD_RECON_SRC,
        )
    elif law == LITIG:
        row.update(law_version=LITIG_VERSION, effective_from=LITIG_FROM)
    elif law == GIS:
        row.update(law_version="2019年修订", effective_from=GIS_FROM)
    row.update(kw)
    return row


PERIODS: list[dict[str, Any]] = [
    # -- 行政复议法 (2023) ----------------------------------------------------
    _p("recon_apply", "申请行政复议", RECON, "第20条第1款", "知道或者应当知道行政行为之日", 60, "days", pauses_on="因不可抗力或者其他正当理由耽误的，自障碍消除之日起继续计算（第20条第2款）", source=RECON_SRC, notes="其他法律规定的申请期限超过60日的除外。"),
    _p("recon_acceptance_review", "受理审查", RECON, "第30条第1款、第88条第2款", "收到行政复议申请", 5, "workdays", source=RECON_SRC, notes="逾期未作决定的，审查期限届满之日起视为受理（第30条第3款）。" "通知补正的，自收到补正材料之日起重新计算5个工作日（第31条第3款、第30条）。" + WD88),
    _p("recon_correction_notice", "补正通知", RECON, "第31条第1款、第88条第2款", "收到行政复议申请", 5, "workdays", source=RECON_SRC, notes=WD88),
    _p("recon_applicant_correction", "申请人补正", RECON, "第31条第2款、第88条第2款", "收到补正通知", 10, "workdays", extension_mode="workdays", max_extensions=1, source=RECON_SRC, notes="有正当理由不能按期补正的，行政复议机构可以延长合理的补正期限（法律未规定延长上限，按批准的期限）；" "无正当理由逾期不补正的，视为放弃申请。" + WD88),
    _p("recon_copy_ordinary", "发送申请书副本（普通程序）", RECON, "第48条、第88条第2款", "受理行政复议申请", 7, "workdays", source=RECON_SRC, notes=WD88),
    _p("recon_copy_simplified", "发送申请书副本（简易程序）", RECON, "第54条、第88条第2款", "受理行政复议申请", 3, "workdays", source=RECON_SRC, notes=WD88),
    _p("recon_reply_ordinary", "被申请人书面答复（普通程序）", RECON, "第48条、第88条第2款", "收到申请书副本", 10, "workdays", source=RECON_SRC, notes="逾期不答复的，视为该行政行为没有证据、依据（第70条）。" + WD88),
    _p("recon_reply_simplified", "被申请人书面答复（简易程序）", RECON, "第54条、第88条第2款", "收到申请书副本", 5, "workdays", source=RECON_SRC, notes=WD88),
    _p("recon_hearing_notice", "听证通知", RECON, "第51条、第88条第2款", "听证日", 5, "workdays", direction="before", source=RECON_SRC, notes="应当在听证的五日前将听证时间、地点通知当事人；期限届满日为最迟通知日。" + WD88),
    _p("recon_decision_ordinary", "作出行政复议决定（普通程序）", RECON, "第62条第1款", "受理行政复议申请", 60, "days", extension_length=30, extension_mode="days", max_extensions=1, pauses_on="行政复议中止期间（第39条）", source=RECON_SRC, notes="法律规定的期限少于60日的除外。情况复杂的，经行政复议机构负责人批准可以适当延长，延长期限最多不超过30日，并书面告知当事人。"),
    _p("recon_decision_simplified", "作出行政复议决定（简易程序）", RECON, "第62条第2款", "受理行政复议申请", 30, "days", pauses_on="行政复议中止期间（第39条）", source=RECON_SRC),
    _p("recon_opinion_feedback", "意见书反馈", RECON, "第76条", "收到行政复议意见书", 60, "days", source=RECON_SRC, notes="有关机关应当自收到意见书之日起60日内将纠正相关违法或者不当行政行为的情况报送行政复议机关。"),
    # -- 行政诉讼法 ----------------------------------------------------------
    _p("litig_sue_after_recon", "经复议后起诉", LITIG, "第45条", "收到行政复议决定书", 15, "days", source=LITIG_SRC, notes="复议机关逾期不作决定的，自复议期满之日起15日内起诉。"),
    _p("litig_sue_direct", "直接起诉", LITIG, "第46条第1款", "知道或者应当知道作出行政行为之日", 6, "months", source=LITIG_SRC, notes="法律另有规定的除外；最长保护期限：不动产20年，其他5年（第46条第2款）。"),
    _p("litig_defence", "提交答辩状及证据", LITIG, "第67条第1款", "收到起诉状副本", 15, "days", source=LITIG_SRC, notes="被告应当在收到起诉状副本之日起15日内提交作出行政行为的证据和所依据的规范性文件，并提出答辩状。"),
    _p("litig_appearance_notice", "负责人出庭通知送达", "《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》", "第5条", "开庭日", 3, "days", direction="before", effective_from=dt.date(2020, 7, 1), law_version="2020年", source="[C-text] 司法解释/最高人民法院关于行政机关负责人出庭应诉若干问题的规定(2020-06-22).md（statutes.md §2.2）", notes="出庭通知书应当在开庭三日前送达行政机关；期限届满日为最迟送达日。"),
    # -- 政府信息公开条例 ------------------------------------------------------
    _p("disclosure_reply", "答复政府信息公开申请", GIS, "第33条第2款", "收到政府信息公开申请（第31条）", 20, "workdays", extension_length=20, extension_mode="workdays", max_extensions=1, pauses_on="征求第三方和其他机关意见所需时间不计算在期限内（第33条第3款）", source=GIS_SRC, notes="需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。补正的，答复期限自收到补正的申请之日起计算（第30条）。"),
    _p("disclosure_correction_notice", "一次性告知补正", GIS, "第30条", "收到政府信息公开申请", 7, "workdays", source=GIS_SRC),
    _p("disclosure_third_party", "第三方提出意见", GIS, "第32条", "第三方收到征求意见书", 15, "workdays", source=GIS_SRC, notes="第三方逾期未提出意见的，由行政机关依照条例规定决定是否公开。"),
    _p("disclosure_proactive", "主动公开", GIS, "第26条", "政府信息形成或者变更", 20, "workdays", source=GIS_SRC, notes="法律、法规对期限另有规定的，从其规定。"),
    _p("disclosure_report_department", "部门政府信息公开工作年度报告", GIS, "第49条", "报告年度（起算日填报告年度内任一日）", 1, "date", fixed_month_day="01-31", source=GIS_SRC, notes="县级以上人民政府部门应当于每年1月31日前向本级政府信息公开工作主管部门提交上一年度报告并向社会公布。" + BY_DATE_NOTE),
    _p("disclosure_report_government", "政府政府信息公开工作年度报告", GIS, "第49条", "报告年度（起算日填报告年度内任一日）", 1, "date", fixed_month_day="03-31", source=GIS_SRC, notes="县级以上地方人民政府的政府信息公开工作主管部门应当于每年3月31日前向社会公布本级政府上一年度报告。" + BY_DATE_NOTE),
    # -- 重大行政决策、规范性文件 -------------------------------------------------
    _p("decision_public_comment", "征求公众意见期间", "《重大行政决策程序暂行条例》（国务院令第713号）", "第15条", "公布决策草案", 30, "days", effective_from=dt.date(2019, 9, 1), source="[C-text] statutes.md §3", notes="公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，应当予以说明。届满日为最早可结束征求意见之日。"),
    _p("normdoc_legality_review", "合法性审核", "国办发〔2018〕115号《关于全面推行行政规范性文件合法性审核机制的指导意见》", "三、（四）", "收到完整的送审材料", 15, "workdays", confidence="M", effective_from=dt.date(2018, 12, 4), source="[M] statutes.md §4（原则上不少于5个工作日，最长不超过15个工作日）", notes="默认取上限15个工作日；审核时间一般不少于5个工作日。请按本地规定核对。"),
    _p("normdoc_filing", "规范性文件备案", "地方规范性文件备案规定（参照《法规规章备案条例》第3条）", "—", "规范性文件公布", 30, "days", confidence="M", source="[M] 本地规定；规章：[C-text] 行政法规/法规规章备案条例(2001-12-14).md 第3条（statutes.md §4）", notes="全国文件未统一规定；多数省份为公布之日起30日内报送备案，少数为15日。请按本省规定核对。"),
    # -- 行政执法 -------------------------------------------------------------
    _p("enforcement_publication", "执法决定公示", ENF, "二、（三）", "作出行政执法决定", 20, "workdays", source=ENF_SRC, effective_from=dt.date(2018, 12, 5), notes="行政执法决定应当自作出之日起20个工作日内公开。"),
    _p("enforcement_publication_permit_penalty", "行政许可、行政处罚决定公示", ENF, "二、（三）", "作出行政许可、行政处罚决定", 7, "workdays", source=ENF_SRC, effective_from=dt.date(2018, 12, 5), notes="行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内公开。"),
    _p("penalty_decision", "作出行政处罚决定", PENALTY, "第60条", "立案", 90, "days", effective_from=PENALTY_FROM, law_version="2021年修订", source="[C-text] 行政法/行政处罚法(2021-01-22).md（statutes.md §7.2）", notes="法律、法规、规章另有规定的，从其规定。"),
    # -- 建议提案 -------------------------------------------------------------
    _p("npc_reply", "答复人大代表建议", "《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》", "第51条（2025年修正；2015年文本第42条）", "交办", 3, "months", extension_length=6, extension_mode="months", extension_from_start=True, max_extensions=1, source="[C-text] 宪法相关法/全国人民代表大会和地方各级人民代表大会代表法(2025-03-11).md（statutes.md §8）", notes="应当自交办之日起3个月内答复；涉及面广、处理难度大的，应当自交办之日起6个月内答复" "（延长后的期限自交办之日起算，不是自3个月届满后再加3个月）。"),
    _p("cppcc_reply", "答复政协提案", "《政协全国委员会提案工作条例》及地方实施办法", "—", "交办", 3, "months", extension_length=6, extension_mode="months", extension_from_start=True, max_extensions=1, confidence="M", source="[M] statutes.md §8", notes="一般自交办之日起3个月内办复；复杂的最迟不超过自交办之日起6个月。请按本地规定核对。"),
    # -- 人民调解、法律援助 -------------------------------------------------------
    _p("mediation_judicial_confirmation", "申请司法确认", "《中华人民共和国人民调解法》", "第33条", "调解协议生效", 30, "days", effective_from=dt.date(2011, 1, 1), source="[C-text] statutes.md §9", notes="双方当事人可以自调解协议生效之日起30日内共同向人民法院申请司法确认。"),
    _p("legal_aid_decision", "法律援助审查决定", AID, "第43条", "收到法律援助申请", 7, "days", source=AID_SRC, effective_from=AID_FROM, notes="法律未规定为工作日，按日历日计算；部分省份实践中按工作日，请按本地规定核对。"),
    _p("legal_aid_assignment", "指派法律援助人员", AID, "第43条", "作出给予法律援助的决定", 3, "days", source=AID_SRC, effective_from=AID_FROM, notes="法律未规定为工作日，按日历日计算；部分省份实践中按工作日，请按本地规定核对。"),
    # -- 法治政府建设年度报告 -------------------------------------------------------
    _p("annual_report", "法治政府建设年度报告公开", "《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）", "第25条、第26条", "报告年度（起算日填报告年度内任一日）", 1, "date", fixed_month_day="04-01", confidence="M", effective_from=dt.date(2019, 4, 15), source="[C-page / M] statutes.md §6", notes="每年第一季度报告上一年度法治政府建设情况，并于4月1日之前向社会公开。" + BY_DATE_NOTE),
    # -- 行政复议法 (2023): periods the first table lacked (statutes.md §1.1–1.3, 附录B) ------
    _p("recon_apply_cap_unnotified", "申请行政复议最长期限（未告知权利）", RECON, "第20条第3款", "知道或者应当知道行政行为内容之日", 1, "years", source=RECON_SRC, notes="行政机关未告知申请行政复议的权利、机关和期限的，申请期限自知道或者应当知道之日起计算，但最长不得超过1年。"),
    _p("recon_longstop_property", "申请行政复议最长保护期限（不动产）", RECON, "第21条", "行政行为作出之日", 20, "years", source=RECON_SRC, notes="因不动产提出的行政复议申请自行政行为作出之日起超过20年的，行政复议机关不予受理。"),
    _p("recon_longstop_other", "申请行政复议最长保护期限（其他）", RECON, "第21条", "行政行为作出之日", 5, "years", source=RECON_SRC, notes="其他行政复议申请自行政行为作出之日起超过5年的，行政复议机关不予受理。"),
    _p("recon_forward", "转送行政复议申请", RECON, "第32条、第88条第2款", "作出处罚的行政机关收到行政复议申请", 5, "workdays", source=RECON_SRC, notes="对当场作出或者依据电子技术监控设备记录的违法事实作出的行政处罚决定不服，通过作出决定的行政机关提交申请的，" "该机关认为需要维持处罚决定的，应当自收到申请之日起5日内转送行政复议机关。" + WD88),
    _p("recon_sue_after_refusal", "不予受理、驳回或逾期不答复后起诉（复议前置）", RECON, "第34条", "收到不予受理决定、驳回申请决定或者受理审查期限届满", 15, "days", source=RECON_SRC, notes="法律、行政法规规定应当先申请行政复议的，行政复议机关决定不予受理、驳回申请或者受理后超过复议期限不作答复的，" "公民、法人或者其他组织可以自收到决定书之日起或者行政复议期限届满之日起15日内，依法向人民法院提起行政诉讼。"),
    _p("recon_normdoc_handle", "附带审查规范性文件：依法处理", RECON, "第56条、第57条", "收到附带审查申请或者认为依据不合法", 30, "days", source=RECON_SRC, notes="行政复议机关有权处理的，应当在30日内依法处理（30日不在第88条第2款所列，按自然日）。"),
    _p("recon_normdoc_forward", "附带审查规范性文件：转送有权机关", RECON, "第56条、第57条、第88条第2款", "收到附带审查申请或者认为依据不合法", 7, "workdays", source=RECON_SRC, notes="无权处理的，应当在7日内转送有权处理的行政机关（国家机关）依法处理。" + WD88),
    _p("recon_normdoc_notice_maker", "附带审查规范性文件：通知制定机关", RECON, "第58条、第88条第2款", "行政复议中止", 3, "workdays", source=RECON_SRC, notes="行政复议机构应当自行政复议中止之日起3日内，书面通知规范性文件或者依据的制定机关就相关条款的合法性提出书面答复。" + WD88),
    _p("recon_normdoc_maker_reply", "附带审查规范性文件：制定机关答复", RECON, "第58条、第88条第2款", "制定机关收到书面通知", 10, "workdays", source=RECON_SRC, notes="制定机关应当自收到书面通知之日起10日内提交书面答复及相关材料。" + WD88),
    _p("recon_normdoc_forward_reply", "附带审查规范性文件：接受转送机关回复", RECON, "第60条", "收到转送", 60, "days", source=RECON_SRC, notes="接受转送的行政机关、国家机关应当自收到转送之日起60日内，将处理意见回复转送的行政复议机关。"),
    # -- 行政复议法 before the 2023 revision: cases received up to 2023-12-31 (第90条) -----
    _p("recon_apply", "申请行政复议", OLD_RECON, "第9条第1款", "知道该具体行政行为之日", 60, "days", notes="法律规定的申请期限超过60日的除外。"),
    _p("recon_acceptance_review", "受理审查", OLD_RECON, "第17条第1款、第40条", "收到行政复议申请", 5, "workdays", notes="旧法未规定补正后重新计算：补正材料所用时间不计入审理期限（实施条例第29条）。" + OLD_WD40),
    _p("recon_correction_notice", "补正通知", OLD_RECON, "行政复议法实施条例第29条", "收到行政复议申请", 5, "workdays", notes="行政复议机构可以自收到该行政复议申请之日起5日内书面通知申请人补正。"),
    _p("recon_applicant_correction", "申请人补正", OLD_RECON, "行政复议法实施条例第29条", "收到补正通知", 10, "workdays", extension_mode="workdays", max_extensions=1, notes="旧法没有法定补正期限，由补正通知载明合理的补正期限：默认10个工作日，请按通知载明的期限调整。"),
    _p("recon_copy_ordinary", "发送申请书副本", OLD_RECON, "第23条第1款、第40条", "受理行政复议申请", 7, "workdays", notes=OLD_WD40),
    _p("recon_reply_ordinary", "被申请人书面答复", OLD_RECON, "第23条第1款", "收到申请书副本", 10, "days", notes="旧法的“十日”不在第40条所列，按自然日计算（新法第88条第2款起为工作日）。"),
    _p("recon_decision_ordinary", "作出行政复议决定", OLD_RECON, "第31条第1款", "受理行政复议申请", 60, "days", extension_length=30, extension_mode="days", max_extensions=1, pauses_on="行政复议中止期间（实施条例第41条）", notes="法律规定的期限少于60日的除外。情况复杂的，经行政复议机关负责人批准可以适当延长，但延长期限最多不超过30日。旧法没有简易程序。"),
    _p("recon_opinion_feedback", "意见书反馈", OLD_RECON, "行政复议法实施条例第57条", "收到行政复议意见书", 60, "days"),
    # -- 行政诉讼法: trial periods (moved here from litigation migration 0003) and the rest --
    _p("litig_trial_first", "一审审理期限", LITIG, "第81条", "人民法院立案", 6, "months", extension_mode="months", max_extensions=1, source=LITIG_SRC, notes="人民法院应当在立案之日起六个月内作出第一审判决；有特殊情况需要延长的，由高级人民法院批准" "（法律未规定延长上限，按批准的期限）。"),
    _p("litig_trial_appeal", "二审审理期限", LITIG, "第88条", "收到上诉状", 3, "months", extension_mode="months", max_extensions=1, source=LITIG_SRC, notes="人民法院审理上诉案件，应当在收到上诉状之日起三个月内作出终审判决；有特殊情况需要延长的，由高级人民法院批准。"),
    _p("litig_trial_simplified", "简易程序审理期限", LITIG, "第83条", "人民法院立案", 45, "days", source=LITIG_SRC, notes="适用简易程序审理的行政案件，应当在立案之日起45日内审结。"),
    _p("litig_appeal_judgment", "不服判决上诉", LITIG, "第85条", "判决书送达", 15, "days", source=LITIG_SRC, notes="当事人不服人民法院第一审判决的，有权在判决书送达之日起15日内向上一级人民法院提起上诉。"),
    _p("litig_appeal_ruling", "不服裁定上诉", LITIG, "第85条", "裁定书送达", 10, "days", source=LITIG_SRC, notes="不服人民法院第一审裁定的，有权在裁定书送达之日起10日内向上一级人民法院提起上诉。"),
    _p("litig_sue_inaction", "行政机关不履行职责起诉", LITIG, "第47条第1款", "行政机关接到履行职责的申请", 2, "months", source=LITIG_SRC, notes="行政机关在接到申请之日起两个月内不履行的，可以向人民法院提起诉讼（法律、法规另有规定的从其规定）；" "紧急情况下不受此限（第47条第2款）。届满日为起诉权产生前的最后一日。"),
    # -- 行政许可法 (第82条: periods in working days) -----------------------------------
    _p("permit_correction_notice", "行政许可补正告知", PERMIT, "第32条第1款第4项、第82条", "收到行政许可申请", 5, "workdays", effective_from=PERMIT_FROM, confidence="M", source=PERMIT_SRC, notes="申请材料不齐全或者不符合法定形式的，应当当场或者在5日内一次告知申请人需要补正的全部内容；逾期不告知的，自收到申请材料之日起即为受理。"),
    _p("permit_decision", "作出行政许可决定", PERMIT, "第42条第1款、第82条", "受理行政许可申请", 20, "workdays", extension_length=10, extension_mode="workdays", max_extensions=1, effective_from=PERMIT_FROM, confidence="M", source=PERMIT_SRC, notes="除可以当场作出决定的外，应当自受理之日起20日内作出决定；20日内不能作出的，经本行政机关负责人批准，可以延长10日，" "并告知申请人理由。法律、法规另有规定的，依照其规定。"),
    _p("permit_issue", "颁发、送达行政许可证件", PERMIT, "第44条、第82条", "作出准予行政许可的决定", 10, "workdays", effective_from=PERMIT_FROM, confidence="M", source=PERMIT_SRC, notes="应当自作出决定之日起10日内向申请人颁发、送达行政许可证件，或者加贴标签、加盖检验、检测、检疫印章。"),
    _p("permit_hearing_request", "申请行政许可听证", PERMIT, "第47条第1款、第82条", "被告知听证权利", 5, "workdays", effective_from=PERMIT_FROM, confidence="M", source=PERMIT_SRC, notes="申请人、利害关系人在被告知听证权利之日起5日内提出听证申请的，行政机关应当在20日内组织听证。"),
    _p("permit_hearing_held", "组织行政许可听证", PERMIT, "第47条第1款、第82条", "收到听证申请", 20, "workdays", effective_from=PERMIT_FROM, confidence="M", source=PERMIT_SRC),
    _p("permit_hearing_notice", "行政许可听证通知", PERMIT, "第48条第1款第1项、第82条", "听证日", 7, "workdays", direction="before", effective_from=PERMIT_FROM, confidence="M", source=PERMIT_SRC, notes="行政机关应当于举行听证的7日前将举行听证的时间、地点通知申请人、利害关系人；期限届满日为最迟通知日。"),
    # -- 行政处罚法 (2021; 第85条: 二日、三日、五日、七日 are working days) -------------------
    _p("penalty_hearing_request", "申请行政处罚听证", PENALTY, "第64条第1项、第85条", "行政机关告知听证权利", 5, "workdays", effective_from=PENALTY_FROM, law_version="2021年修订", source=PENALTY_SRC, notes="当事人要求听证的，应当在行政机关告知后5日内提出。" + PENALTY_WD85),
    _p("penalty_hearing_notice", "行政处罚听证通知", PENALTY, "第64条第2项、第85条", "听证日", 7, "workdays", direction="before", effective_from=PENALTY_FROM, law_version="2021年修订", source=PENALTY_SRC, notes="行政机关应当在举行听证的7日前，通知当事人及有关人员听证的时间、地点；期限届满日为最迟通知日。" + PENALTY_WD85),
    _p("penalty_service", "送达行政处罚决定书", PENALTY, "第61条第1款、第85条", "宣告行政处罚决定（当事人不在场）", 7, "workdays", effective_from=PENALTY_FROM, law_version="2021年修订", source=PENALTY_SRC, notes="行政处罚决定书应当在宣告后当场交付当事人；当事人不在场的，行政机关应当在7日内依照民事诉讼法的有关规定送达。" + PENALTY_WD85),
    _p("penalty_withdraw_publication", "撤回已公开的行政处罚决定信息", PENALTY, "第48条第2款、第85条", "公开的行政处罚决定被变更、撤销、确认违法或者确认无效", 3, "workdays", effective_from=PENALTY_FROM, law_version="2021年修订", source=PENALTY_SRC, notes="行政机关应当在3日内撤回行政处罚决定信息并公开说明理由。" + PENALTY_WD85),
    # -- 法律援助法 ------------------------------------------------------------------
    _p("legal_aid_objection", "不予法律援助决定异议审查", AID, "第49条", "司法行政部门收到异议", 5, "days", effective_from=AID_FROM, source=AID_SRC, notes="司法行政部门应当自收到异议之日起5日内进行审查，作出维持法律援助机构决定或者责令法律援助机构改正的决定。" "法律未规定为工作日，按日历日计算。"),
    _p("legal_aid_forward_detainee", "转交被羁押人员的法律援助申请", AID, "第39条", "办案机关、监管场所收到申请", 24, "hours", effective_from=AID_FROM, source=AID_SRC, notes="被羁押的犯罪嫌疑人、被告人等提出法律援助申请的，办案机关、监管场所应当在24小时内转交法律援助机构。" "系统按日期记录，届满日为收到次日，精确时刻以登记的收到时间为准。"),
    # -- 信访工作条例 (2022) ---------------------------------------------------------
    _p("petition_acceptance", "告知信访人是否受理", PETITION, "第31条（待核对）", "收到信访事项", 15, "days", effective_from=PETITION_FROM, confidence="M", source=PETITION_SRC, notes="有权处理的机关、单位应当自收到信访事项之日起15日内决定是否受理并书面告知信访人。"),
    _p("petition_conclusion", "信访事项办结", PETITION, "第34条（待核对）", "受理信访事项", 60, "days", extension_length=30, extension_mode="days", max_extensions=1, effective_from=PETITION_FROM, confidence="M", source=PETITION_SRC, notes="信访事项应当自受理之日起60日内办结；情况复杂的，经本机关、单位负责人批准，可以适当延长办理期限，" "但延长期限不得超过30日，并告知信访人延期理由。"),
    _p("petition_review", "信访复查", PETITION, "第35条（待核对）", "收到复查请求", 30, "days", effective_from=PETITION_FROM, confidence="M", source=PETITION_SRC, notes="信访人可以自收到书面答复之日起30日内请求复查；复查机关应当自收到复查请求之日起30日内提出复查意见。"),
    _p("petition_recheck", "信访复核", PETITION, "第36条（待核对）", "收到复核请求", 30, "days", effective_from=PETITION_FROM, confidence="M", source=PETITION_SRC, notes="信访人可以自收到复查意见之日起30日内请求复核；复核机关应当自收到复核请求之日起30日内提出复核意见。"),
]


# Fields a later migration corrects on rows that already exist (an administrator's
# change to lengths and modes is kept; the law version, its dates and the extension
# rule come from the statute).
SYNCED_FIELDS = (
    "law_version",
    "effective_from",
    "effective_until",
    "extension_length",
    "extension_mode",
    "extension_from_start",
    "max_extensions",
    "law",
    "article",
    "name",
    "source",
    "notes",
)


def sync(period_model: Any) -> None:
    """Add missing rows (each law version) and correct SYNCED_FIELDS of existing ones.

    Takes the model class (a migration passes its historical model). A row without
    dates loaded before versions existed is the current version of its code.
    """
    for row in PERIODS:
        qs = period_model.objects.filter(code=row["code"])
        existing = qs.filter(effective_from=row["effective_from"]).first()
        if existing is None and row["effective_until"] is None:
            existing = qs.filter(effective_from__isnull=True, effective_until__isnull=True).first()
        if existing is None:
            period_model.objects.create(**row)
            continue
        for name in SYNCED_FIELDS:
            setattr(existing, name, row[name])
        existing.save()
