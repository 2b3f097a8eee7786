"""`fazhi report annual --unit NAME_OR_CODE --year YYYY -o FILE.docx`.

Writes the unit's annual report for the year: the saved report if there is one
(issued or draft), else a first draft pre-filled from the records (not saved unless
--save). The format follows the file's extension: .docx, .pdf (LibreOffice) or .html.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from fazhi.documents import gbt9704 as g
from fazhi.indicators.cli import add_unit_year, unit_and_year
from fazhi.reports import annual
from fazhi.reports.models import AnnualReport
from fazhi.reports.validation import validate


class Command(BaseCommand):
    help = "生成法治政府建设年度报告（.docx / .pdf / .html）。"

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="kind", required=True, metavar="报告类型")
        p = sub.add_parser("annual", help="法治政府建设年度报告")
        add_unit_year(p, year_help="报告年度，如 2022")
        p.add_argument("-o", "--output", required=True, help="输出文件（.docx、.pdf 或 .html）")
        p.add_argument("--save", action="store_true", help="没有已保存的报告时，把初稿保存到系统中")
        p.add_argument("--draft", action="store_true", help="忽略已保存的报告，按记录重新生成初稿")

    def handle(self, *args: Any, **opts: Any) -> None:
        unit, year = unit_and_year(opts)
        out = Path(opts["output"])
        fmt = out.suffix.lower().lstrip(".")
        if fmt not in annual.FORMATS:
            raise CommandError(f"输出文件“{out}”的扩展名应为 .docx、.pdf 或 .html。")
        if not out.parent.exists():
            raise CommandError(f"输出目录“{out.parent}”不存在。")

        saved = None if opts["draft"] else AnnualReport.objects.filter(unit=unit, year=year).first()
        if saved is not None:
            report, sections, values = (
                saved,
                annual.sections_of(saved),
                annual.effective_values(saved),
            )
            origin = f"已保存的报告（{saved.get_status_display()}）"
        elif opts["save"]:
            with transaction.atomic():
                report = annual.create_draft(unit, year)
            sections, values = annual.sections_of(report), annual.effective_values(report)
            origin = "按记录生成的初稿（已保存）"
        else:
            draft = annual.first_draft(unit, year)
            report, sections, values = draft.report, draft.sections, draft.values
            origin = "按记录生成的初稿（未保存）"
        try:
            data = annual.render(annual.build_document(report, sections, values), fmt)
        except g.DocumentError as exc:
            raise CommandError("；".join(exc.problems)) from exc
        except annual.RenderError as exc:
            raise CommandError(str(exc)) from exc
        # Written only once the whole document exists: nothing half-written.
        tmp = out.with_name(out.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(out)
        self.stdout.write(f"已写入 {out}：{unit.name}{year}年法治政府建设年度报告，{origin}。")
        result = validate(report, sections, values)
        self.stdout.write(result.deadline_text + "。")
        if result.problems:
            self.stdout.write(f"印发前还需处理 {len(result.problems)} 处：")
            for p in result.messages():
                self.stdout.write(f"  - {p}")
