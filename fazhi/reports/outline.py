"""The annual report's outline, as data: the parts the rule asks for and the themes counties write.

《法治政府建设与责任落实督察工作规定》第25条 asks every report for the principals' duty,
the main measures and results, the shortcomings and their causes, next year's plan and
other matters (`models.SectionKind`). Inside them, the reports counties publish use a
common set of themes (制度建设、决策、规范性文件、执法、监督、公开、矛盾化解、普法与学法用法);
each theme below says which part it belongs to, its heading, and the sentences the first
draft may write for it. A province changes any of this through a template's `themes`
(`ReportTemplate.themes`: the same list, in JSON), without code.

A theme:

- `key`, `section` (a SectionKind value), `heading` (the second-level heading, without
  its number; none for a part written as plain paragraphs), `lead` (written when at
  least one of its sentences is), `plan` (its item of next year's plan, written when
  the theme is), `sentences`.
- A sentence is a string, or a list of strings of which the first that can be written
  is. `{{code}}` is a figure (kept as a live field in the draft); a sentence is
  written only if every figure in it is non-zero, except inside `[[…]]`, a segment left
  out on its own when one of its figures is zero or its names are empty.
  `<<code.field>>` names the records behind a figure (the decisions' titles, the study
  sessions' topics); `<<《code.field》>>` quotes each as a title. `{year}`,
  `{next_year}`, `{scope}` (全县) and `{unit}` are filled in. A leading condition in
  `?(…)` must hold: `?(litig_closed = litig_won + litig_lost + litig_withdrawn)`; the
  operators are = != < <= > >=, the sides sums of codes and whole numbers.
- `enumerate`: its sentences are numbered 一是、二是…; `close`: a closing sentence
  written after them.
"""

from __future__ import annotations

THEMES: list[dict] = [
    # --- 党政主要负责人履行推进法治建设第一责任人职责情况 --------------------------------------
    {
        "key": "leadership",
        "section": "principals",
        "heading": "坚持党的领导，压紧压实第一责任人职责",
        "lead": (
            "{unit}党政主要负责人切实履行推进法治建设第一责任人职责，坚持主要领导亲自抓、"
            "分管领导具体抓、各职能部门依法履职、密切配合抓落实的工作机制，"
            "对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。"
        ),
        "sentences": [
            "[[{year}年，{scope}各级党委（党组）理论学习中心组和政府常务会议集中学法{{study_sessions}}，"
            "[[重点学习了<<study_sessions.topic>>等内容，]]推动领导干部带头尊法学法守法用法。]]",
            "举办领导干部法治专题讲座{{study_lectures}}。",
            "组织领导干部年终述法{{law_reports}}，把述法结果作为考核评价干部的重要参考。",
        ],
    },
    {
        "key": "planning",
        "section": "principals",
        "heading": "精心谋划部署，统筹推进法治政府建设",
        "lead": (
            "将法治政府建设纳入经济社会发展总体规划和年度工作计划，制定年度法治政府建设工作安排，"
            "确定年度要点，细化目标任务，明确工作责任，坚持法治政府建设重大问题政府专题研究制度。"
        ),
        "sentences": [
            "全年交办法治政府建设等督查督办事项{{supervision_tasks}}[[，已办结销号{{supervision_closed}}]]。",
        ],
    },
    # --- 主要举措和成效 -------------------------------------------------------------------
    {
        "key": "functions",
        "section": "measures",
        "heading": "依法全面履行政府职能",
        "lead": "持续深化“放管服”改革，推进政府机构、职能、权限、程序、责任法定化。",
        "plan": "深化“放管服”改革，动态调整权责清单，全面履行政府职能",
        "sentences": [
            "{scope}公布权责清单事项{{power_list_items}}[[，全年动态调整{{power_items_adjusted}}]]。",
            "梳理公布政务服务事项{{service_items}}[[、行政许可事项{{permit_items}}]]，推进政务服务标准化规范化便利化。",
        ],
    },
    {
        "key": "decisions",
        "section": "measures",
        "heading": "推进科学民主依法决策",
        "lead": (
            "认真贯彻落实《重大行政决策程序暂行条例》，把公众参与、专家论证、风险评估、"
            "合法性审查和集体讨论决定作为重大行政决策的必经程序。"
        ),
        "plan": "严格落实重大行政决策程序，提高决策科学化、民主化、法治化水平",
        "sentences": [
            [
                "?(decision_legality_reviewed >= decision_count) {year}年度{scope}共作出并公布重大行政决策事项"
                "{{decision_count}}[[，包括<<《decision_count.title》>>等]]，全部经过合法性审查。",
                "{year}年度{scope}共作出并公布重大行政决策事项{{decision_count}}[[，包括<<《decision_count.title》>>等]]"
                "[[，其中经过合法性审查{{decision_legality_reviewed}}]]。",
            ],
            "司法行政部门共对政府各类文件、合同、议题进行合法性审核{{normdoc_reviewed}}。",
            "{scope}党政机关配备法律顾问{{adviser_count}}[[、公职律师{{public_lawyers}}]]"
            "[[，全年为政府决策、行政协议、行政应诉等事项提供法律意见{{adviser_opinions}}]]。",
        ],
    },
    {
        "key": "normdocs",
        "section": "measures",
        "heading": "加强行政规范性文件监督管理",
        "lead": "严格履行行政规范性文件起草、合法性审核、集体审议、公布和备案程序。",
        "plan": "严格行政规范性文件合法性审核和备案审查，及时开展清理",
        "sentences": [
            [
                "?(normdoc_filed >= normdoc_issued) {year}年度{scope}共制定行政规范性文件{{normdoc_issued}}"
                "[[，包括<<《normdoc_issued.title》>>等]]，全部履行合法性审核和备案程序。",
                "{year}年度{scope}共制定行政规范性文件{{normdoc_issued}}[[，包括<<《normdoc_issued.title》>>等]]"
                "[[，报送备案{{normdoc_filed}}]]。",
            ],
            "开展行政规范性文件集中清理[[，决定修改{{normdoc_cleanup_modified}}]]"
            "[[，废止或宣布失效{{normdoc_cleanup_repealed}}]][[，继续保留{{normdoc_cleanup_kept}}]]，"
            "清理结果及时向社会公布。",
        ],
    },
    {
        "key": "enforcement",
        "section": "measures",
        "heading": "严格规范公正文明执法",
        "lead": "全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度，严格落实行政执法人员持证上岗、亮证执法制度。",
        "plan": "全面落实行政执法三项制度，加强执法人员培训和执法监督，提升执法规范化水平",
        "sentences": [
            "开展{year}年度行政执法证件年度审验，{scope}{{enforcers_passed_review}}行政执法人员通过审验"
            "[[，{{enforcers_failed}}行政执法人员未通过审验并注销其执法证件]]"
            "[[?(enforcement_supervisors_passed_review = enforcement_supervisors) ，"
            "{{enforcement_supervisors}}行政执法监督人员全部通过审验]]。",
            "组织行政执法人员培训{{enforcers_trained}}。",
            [
                "?(enforcement_cases = enforcement_cases_penalty + enforcement_cases_permit + enforcement_cases_coercion"
                " + enforcement_cases_inspection + enforcement_cases_levy + enforcement_cases_other)"
                " {scope}行政执法机关共办理行政执法案件{{enforcement_cases}}，其中[[行政处罚{{enforcement_cases_penalty}}、]]"
                "[[行政许可{{enforcement_cases_permit}}、]][[行政强制{{enforcement_cases_coercion}}、]]"
                "[[行政检查{{enforcement_cases_inspection}}、]][[行政征收{{enforcement_cases_levy}}、]]"
                "[[其他{{enforcement_cases_other}}、]]。",
                "{scope}行政执法机关共办理行政执法案件{{enforcement_cases}}。",
            ],
            "对重大执法决定进行法制审核{{enforcement_major_reviewed}}[[，对适用包容审慎监管清单的轻微违法行为不予处罚{{enforcement_no_penalty_leniency}}]]。",
            "开展行政执法案卷评查，评查案卷{{case_files_reviewed}}[[，发现不合格案卷{{case_files_failed}}并督促整改]]"
            "[[，制发行政执法监督意见书{{enforcement_supervision_letters}}]]。",
        ],
    },
    {
        "key": "oversight",
        "section": "measures",
        "heading": "强化对行政权力的制约和监督",
        "lead": "自觉接受人大监督、民主监督和社会监督，认真执行向本级人大及其常委会报告工作制度。",
        "plan": "自觉接受各方面监督，认真办理人大代表建议和政协委员提案，加强审计监督",
        "sentences": [
            "办理人大代表建议{{npc_suggestions}}[[，办结率{{npc_completion_rate}}]]"
            "[[；办理政协委员提案{{cppcc_proposals}}[[，办结率{{cppcc_completion_rate}}]]]]。",
            "完成审计项目{{audit_projects}}[[，查出问题金额{{audit_problem_amount}}]][[，已整改{{audit_rectified_amount}}]]。",
            "完成政府投资项目结算审核{{investment_settlements_reviewed}}[[，送审金额{{settlement_submitted_amount}}]]"
            "[[，核减{{audit_cost_reduction}}]]。",
        ],
    },
    {
        "key": "disclosure",
        "section": "measures",
        "heading": "全面推进政务公开",
        "lead": "认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。",
        "plan": "深化政务公开，严格依申请公开办理时限",
        "sentences": [
            "{year}年{scope}主动公开政府信息{{disclosure_proactive}}。",
            [
                "?(disclosure_replied_on_time >= disclosure_replied) 受理政府信息公开申请{{disclosure_requests}}"
                "[[，已作出答复{{disclosure_replied}}，全部按期答复]]。",
                "受理政府信息公开申请{{disclosure_requests}}[[，已作出答复{{disclosure_replied}}]]"
                "[[，按期答复率{{disclosure_on_time_rate}}]]。",
            ],
        ],
    },
    {
        "key": "disputes",
        "section": "measures",
        "heading": "依法有效化解社会矛盾纠纷",
        "lead": "坚持和发展新时代“枫桥经验”，发挥人民调解、行政复议、行政应诉在化解矛盾纠纷中的作用。",
        "plan": "发挥行政复议化解行政争议主渠道作用，落实行政机关负责人出庭应诉制度，做实人民调解",
        "sentences": [
            "{year}年度，{scope}共调处各类矛盾纠纷{{mediation_cases}}[[，调解成功{{mediation_success}}]]"
            "[[，调解成功率{{mediation_rate}}]]"
            "[[?(mediation_oral + mediation_written = mediation_success) ；其中达成口头协议{{mediation_oral}}、"
            "书面协议{{mediation_written}}]]。",
            "{unit}收到行政复议申请{{recon_received}}[[，受理{{recon_accepted}}]][[，审结{{recon_closed}}"
            "[[（含上期结转{{recon_carried_over}}）]]]]"
            "[[；在作出实体决定的{{recon_correction_base}}中，纠正违法或不当行政行为{{recon_corrected}}，"
            "纠错率{{recon_correction_rate}}]]。",
            "上级行政复议机关受理以{unit}为被申请人的行政复议案件{{recon_superior_cases}}。",
            [
                "?(litig_closed = litig_won + litig_lost + litig_withdrawn) {scope}各级行政机关办理行政诉讼案件"
                "{{litig_cases}}，审结{{litig_closed}}，其中胜诉{{litig_won}}[[、败诉{{litig_lost}}]]"
                "[[、原告撤诉{{litig_withdrawn}}]]。[[以判决结案的{{litig_judged}}计，败诉率{{litig_loss_rate}}。]]",
                "{scope}各级行政机关办理行政诉讼案件{{litig_cases}}[[，审结{{litig_closed}}]]"
                "[[，其中败诉{{litig_lost}}，以判决结案的{{litig_judged}}计，败诉率{{litig_loss_rate}}]]。",
            ],
            "行政机关负责人出庭应诉{{litig_appear_count}}[[，负责人出庭应诉率{{litig_appear_rate}}]]。",
            "办理法律援助案件{{legal_aid_cases}}[[，其中农民工法律援助案件{{legal_aid_migrant_workers}}]]"
            "[[；办理公证{{notary_cases}}]][[；提供公共法律服务{{legal_service_visits}}]]。",
        ],
    },
    {
        "key": "publicity",
        "section": "measures",
        "heading": "深入推进普法和学法用法",
        "lead": "深入实施“八五”普法规划，落实“谁执法谁普法”普法责任制。",
        "plan": "深入实施“八五”普法规划，抓好领导干部学法用法，培育农村学法用法示范户和法律明白人",
        "sentences": [
            "{year}年{scope}开展普法活动{{publicity_events}}[[，举办法治讲座{{publicity_lectures}}"
            "[[，包括<<publicity_lectures.title>>等]]]][[，发放普法资料{{publicity_materials}}]]"
            "[[，受教育群众{{publicity_audience}}]]。",
            "培育法律明白人{{legal_literates}}[[，法律明白人覆盖率{{legal_literate_coverage}}]]。",
            "组织国家工作人员学法考试，参考{{exam_participants}}[[，参考率{{exam_participation_rate}}]]。",
        ],
    },
    # --- 存在的不足和原因 ------------------------------------------------------------------
    {
        "key": "shortcomings",
        "section": "shortcomings",
        "heading": "",
        "lead": (
            "{year}年，{scope}法治政府建设取得了新成效，但对照法治政府建设实施纲要的要求，仍存在一些不足。"
        ),
        "sentences": [
            "行政诉讼中仍有败诉案件，全年败诉{{litig_lost}}，部分行政机关依法行政能力有待提高。",
            "行政执法规范化程度仍需提升，案卷评查中发现不合格案卷{{case_files_failed}}。",
            "?(disclosure_on_time_rate < 100) 政府信息公开申请的办理时效有待提高，按期答复率{{disclosure_on_time_rate}}。",
            "?(npc_replied_on_time < npc_suggestions) 人大代表建议办理仍有未按期答复的情况，"
            "{{npc_suggestions}}建议中按期答复{{npc_replied_on_time}}。",
            "?(supervision_overdue > 0) 督查督办事项落实不够及时，逾期{{supervision_overdue}}。",
        ],
        "enumerate": True,
        "close": (
            "究其原因，主要是部分领导干部和工作人员运用法治思维和法治方式的能力不强，基层法治工作力量相对薄弱，"
            "法治政府建设的考核督促机制还需进一步完善。"
        ),
    },
    # --- 其他需要报告的情况 -----------------------------------------------------------------
    {
        "key": "other",
        "section": "other",
        "heading": "",
        "lead": "无其他需要报告的情况。",
        "sentences": [],
    },
]

# Next year's plan: the lead, then one item for each measures theme the draft wrote.
PLAN_LEAD = "{next_year}年，{scope}将坚持以习近平法治思想为指导，全面贯彻落实党中央、国务院关于法治政府建设的决策部署，重点抓好以下工作："
PLAN_CLOSE = "持续加强组织领导，压实法治建设第一责任人职责，为经济社会高质量发展提供有力法治保障。"
