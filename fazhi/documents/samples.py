"""A realistic document to render: the 版头, title and first sections of seed 001.

Seed 001 (shared/seeds/001_…txt) is 确山县's published 2022 report to 驻马店市人民政府.
Used by the tests and for looking at the output; the 版记 values are made up.
"""

from __future__ import annotations

from datetime import date

from fazhi.documents.gbt9704 import Heading, Imprint, OfficialDocument, Paragraph, Table


def seed_001_document() -> OfficialDocument:
    return OfficialDocument(
        issuer_mark="确山县人民政府文件",
        number="确政文〔2023〕47号",
        title="确山县人民政府\n关于2022年度法治政府建设情况的\n报告",
        addressee="驻马店市人民政府",
        body=(
            Paragraph(
                "2022年度，确山县在市委、市政府的正确领导和县人大及其常委会的监督指导下，"
                "深入践行习近平法治思想，全面贯彻中央、省市关于法治政府建设的决策部署，"
                "紧紧围绕县委中心工作，切实推动法治政府建设各项目标任务全面落实落地，"
                "着力提升各级行政机关依法行政水平，努力营造法治化县域营商环境。"
                "现将2022年度我县法治政府建设工作开展情况报告如下。"
            ),
            Heading("一、提升政治站位，完善法治政府建设机制", 1),
            Heading(
                "（一）坚持党的领导。",
                2,
                run_in="坚持主要领导亲自抓，分管领导具体抓，各职能部门依法履职、密切配合抓落实的工作机制，"
                "夯实了辖区各镇（街道）、各部门党政负责人推进法治建设第一责任人职责的基础，"
                "为全县法治政府建设工作提供了坚实的组织保障。",
            ),
            Heading(
                "（二）精心谋划部署。",
                2,
                run_in="制定《确山县2022年度法治政府建设工作安排》，确定年度要点，细化目标任务，明确工作责任。",
            ),
            Heading("二、充分发挥制度约束，积极完善依法行政体系", 1),
            Heading("（一）切实加强规范性文件管理。", 2),
            Heading(
                "1.持续开展清理。",
                3,
                run_in="对县政府2022年4月以前制定的行政规范性文件进行了第二次全面集中清理，"
                "共决定修改5件、废止或宣布失效36件。",
            ),
            Paragraph("2022年度县政府共制定行政规范性文件5件，全部履行合法性审查和备案程序。"),
            Table(
                header=("项目", "件数", "占比"),
                rows=(
                    ("修改", "5件", "12%"),
                    ("废止或宣布失效", "36件", "88%"),
                    ("合计", "41件", "100%"),
                ),
                caption="2022年度行政规范性文件清理情况",
            ),
            Heading("三、充分发挥抓手作用，严格规范公正文明执法", 1),
            Heading(
                "（一）持续加强执法人员资格管理。",
                2,
                run_in="全县1008名行政执法人员通过审验，10名行政执法人员未通过审验并注销其执法证件，"
                "22名行政执法监督人员通过审验。",
            ),
            Paragraph(
                "全县各级行政机关办理行政诉讼案件58件，出庭应诉55次，机关负责人出庭应诉率95%，"
                "2022年全县开展“送法下乡”活动120余场次。"
            ),
        ),
        attachments=("2022年度法治政府建设主要指标统计表",),
        signature="确山县人民政府",
        dated=date(2023, 3, 15),
        note="此件公开发布",
        imprint=Imprint(
            printed_by="确山县人民政府办公室",
            printed_on=date(2023, 3, 16),
            copy_to=("县委办公室", "县人大常委会办公室", "县政协办公室"),
        ),
    )
