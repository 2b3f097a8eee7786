"""Demo: 确山县's 2022 annual report, generated from the records every register's demo
created (so it runs last). Its figures are the engine's, so they carry the values of
seed 001 wherever a register's demo reproduces them; the narrative of the sections that
are not figures is taken from the published report (seed 001), which is public."""

from __future__ import annotations

from datetime import date

from fazhi.core.demo import DemoContext
from fazhi.reports import annual
from fazhi.reports.models import SectionKind

LOAD_LAST = True

NARRATIVE = {
    SectionKind.PRINCIPALS: (
        "（一）坚持党的领导。坚持主要领导亲自抓，分管领导具体抓，各职能部门依法履职、密切配合抓落实的工作机制，"
        "夯实了辖区各镇（街道）、各部门党政负责人推进法治建设第一责任人职责的基础。\n"
        "（二）精心谋划部署。制定《确山县2022年度法治政府建设工作安排》，确定年度要点，细化目标任务，明确工作责任。"
    ),
    SectionKind.SHORTCOMINGS: (
        "虽然我县法治政府建设取得了一些新成效，但是在推进法治政府建设过程中也存在一些不足，主要表现为个别领导干部和"
        "工作人员的法治思维、法治能力不强，部分行政执法单位法制审核力量薄弱，行政执法行为不规范不文明现象时有发生，"
        "行政规范性文件备案审查的主动性不高，科学民主决策程序不规范等问题。"
    ),
    SectionKind.PLANS: (
        "2023年，确山县将全面贯彻落实党的二十大精神，持续深入推进法治政府建设，着力为现代化确山建设营造良好的法治环境。"
        "一是深入学习习近平法治思想，强化思想引领。二是加强党的统一领导，发挥核心作用。三是深入推进依法行政，"
        "加快法治政府建设。四是强化组织实施，统筹指导协调。五是坚持全民守法，深化法治社会建设。"
        "六是完善监督体制机制，强化制约监督。"
    ),
    SectionKind.OTHER: "无其他需要报告的情况。",
}


def load(ctx: DemoContext) -> None:
    report = annual.create_draft(ctx.county, ctx.year)
    # The seed's 版头 (确政文〔2023〕47号, to 驻马店市人民政府); the 版记 is ours.
    report.doc_number = "确政文〔2023〕47号"
    report.addressee = ctx.city.name
    report.dated = date(ctx.year + 1, 3, 20)
    report.copy_to = "县委依法治县办、县人大常委会"
    report.printed_by = "确山县人民政府办公室"
    report.printed_on = date(ctx.year + 1, 3, 20)
    report.save()
    for section in report.sections.all():
        if section.kind in NARRATIVE:
            section.text = NARRATIVE[SectionKind(section.kind)]
            section.save()
