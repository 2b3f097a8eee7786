"""`fazhi analyze FILE_OR_DIR... [--json] [--xlsx OUT]` and
`fazhi analyze --evaluate GOLD_DIR [--reports DIR] [--json]`.

Reads published reports, prints their figures, the arithmetic they allow and the
section check; or scores the extractor against gold files. A directory stands for
every report in it (a city's or a province's batch): several reports end with one
comparison table (the same indicator across reports, outliers, each report's 不符). Unreadable files get a
Chinese message on stderr and the exit status is 1; nothing raises a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fazhi.analyzer.compare import comparison_rows, inconsistency_rows, report_label, write_xlsx
from fazhi.analyzer.evaluate import REPORT_SUFFIXES, EvaluationError, evaluate
from fazhi.analyzer.lexicon import label
from fazhi.analyzer.reading import ReadError
from fazhi.analyzer.report import Analysis, analyze_file


def _fmt(v: Any) -> str:
    return "" if v is None else str(v)


class Command(BaseCommand):
    help = "报告体检：读取已发布的法治政府建设年度报告，提取数据、核对比率与合计、检查结构；或按金标准评测提取效果。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "files", nargs="*", help="报告文件（.txt、.docx、.html、文字版 .pdf）或报告所在目录"
        )
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")
        parser.add_argument("--evaluate", metavar="GOLD_DIR", help="按金标准目录评测提取效果")
        parser.add_argument("--reports", metavar="DIR", help="金标准中 file 字段所指报告所在目录")
        parser.add_argument("--xlsx", metavar="OUT", help="把多份报告并排对比写入 xlsx 文件")

    def handle(self, *args: Any, **opts: Any) -> None:
        if opts["evaluate"]:
            self._evaluate(opts["evaluate"], opts["reports"], opts["json"])
            return
        if not opts["files"]:
            raise CommandError("请指定至少一个报告文件，或用 --evaluate 指定金标准目录。")
        analyses: list[Analysis] = []
        errors: list[str] = []
        names: list[str] = []
        for name in opts["files"]:
            p = Path(name)
            if p.is_dir():
                found = sorted(
                    str(x) for x in p.iterdir() if x.is_file() and x.suffix.lower() in REPORT_SUFFIXES
                )
                if not found:
                    errors.append(f"目录“{name}”中没有报告文件（.txt、.docx、.html、.pdf）。")
                    self.stderr.write(f"错误：{errors[-1]}")
                names += found
            else:
                names.append(name)
        for name in names:
            try:
                analyses.append(analyze_file(name))
            except ReadError as e:
                errors.append(str(e))
                self.stderr.write(f"错误：{e}")
        if opts["json"]:
            out = {"reports": [a.as_dict() for a in analyses], "errors": errors}
            self.stdout.write(json.dumps(out, ensure_ascii=False, indent=2))
        else:
            for a in analyses:
                self._print(a)
            if len(analyses) > 1:
                self._print_comparison(analyses)
        if opts["xlsx"] and analyses:
            try:
                write_xlsx(analyses, opts["xlsx"])
            except OSError as e:
                raise CommandError(f"无法写入“{opts['xlsx']}”：{e.strerror or e}") from e
            if not opts["json"]:
                self.stdout.write(f"对比表已写入 {opts['xlsx']}")
        if errors:
            raise CommandError(f"{len(errors)} 个文件无法检查。")

    def _evaluate(self, gold_dir: str, reports: str | None, as_json: bool) -> None:
        try:
            result = evaluate(gold_dir, reports)
        except EvaluationError as e:
            raise CommandError(str(e)) from e
        if as_json:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            w = self.stdout.write
            w(
                f"总体：精确率 {result['precision']:.4f}  召回率 {result['recall']:.4f}  F1 {result['f1']:.4f}"
            )
            w(
                f"关系：找到 {result['relations_found']}，遗漏 {result['relations_missed']}；"
                f"误报不一致 {result['false_inconsistencies']}；误判相符 {result['false_consistencies']}；"
                f"金标准不一致 {result['gold_inconsistencies']} 处，找到 {result['inconsistencies_found']} 处"
            )
            for f in result["files"]:
                w(
                    f"  {f['file']}：精确率 {f['precision']:.4f} 召回率 {f['recall']:.4f} F1 {f['f1']:.4f}"
                )
                for g in f["missed_figures"]:
                    w(f"    漏提：{g['indicator']} {g['value']}「{g['quote']}」")
                for p in f["unmatched_predictions"]:
                    w(f"    多提或错码：{p['indicator']} {p['value']}「{p['quote']}」")
                for r in f["missed_relations"]:
                    w(f"    漏掉关系：{r['kind']}「{r.get('rate_quote') or r.get('total_quote')}」")
            w("分指标：")
            for code, c in result["per_indicator"].items():
                w(
                    f"  {code:32} 金标准 {c['gold']:3} 提取 {c['predicted']:3} 命中 {c['matched']:3}  F1 {c['f1']:.3f}"
                )
        for error in result["errors"]:
            self.stderr.write(f"错误：{error}")

    def _print_comparison(self, analyses: list[Analysis]) -> None:
        w = self.stdout.write
        labels = [report_label(a) for a in analyses]
        w(f"== 对比（{len(analyses)} 份报告） ==")
        w("指标\t单位\t" + "\t".join(labels) + "\t中位数")
        for r in comparison_rows(analyses):
            cells = [
                ("—" if v is None else str(v)) + ("*" if why else "")
                for v, why in zip(r["values"], r["outliers"], strict=True)
            ]
            w(f"{r['label']}\t{r['unit']}\t" + "\t".join(cells) + f"\t{_fmt(r['median'])}")
            for name, why in zip(labels, r["outliers"], strict=True):
                if why:
                    w(f"  * 异常值：{name} 的{r['label']}{why}")
        w("各报告的不一致之处：")
        for row in inconsistency_rows(analyses):
            w(f"  {row['report']}：不符 {len(row['inconsistent'])} 处，无法核对 {row['unchecked']} 处")
            for item in row["inconsistent"]:
                w(f"    [{item['confidence']}] {item['indicator']}：{item['note']}")

    def _print(self, a: Analysis) -> None:
        w = self.stdout.write
        w(f"== {a.name}  单位：{a.unit or '未识别'}  年度：{a.year or '未识别'} ==")
        w(f"数据 {len(a.figures)} 项：")
        for f in a.figures:
            approx = "（约数）" if f.approx else ""
            w(
                f"  {label(f.indicator)}[{f.indicator}] = {f.as_dict()['value']}{f.unit}{approx}  「{f.quote}」@{f.position}"
            )
        w(f"核对 {len(a.relations)} 处：")
        for r in a.relations:
            mark = "相符" if r.consistent else "不符"
            w(f"  [{mark}·{r.confidence}] {r.note}")
        for r in a.unchecked:
            w(f"  [无法核对] {r.note}")
        s = a.structure.as_dict()
        w("结构：")
        for sec in s["sections"]:
            w(f"  {sec['heading']}  → {sec['kind_label']}，数据 {sec['figures']} 项")
        if s["kinds_in_body_only"]:
            w("  仅在正文中出现（无标题）：" + "、".join(s["kinds_in_body_only"]))
        if s["kinds_missing"]:
            w("  缺少：" + "、".join(s["kinds_missing"]))
        sp = s["specificity"]
        w(
            f"具体程度：每节平均 {sp['figures_per_section']} 项数据；无数据的节 {len(sp['sections_without_figures'])} 个"
        )
        w("")
