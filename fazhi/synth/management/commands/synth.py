"""`fazhi synth --counties N --years Y [--seed S] [--start-year YYYY] [--append]`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fazhi.synth.generate import Generator, SynthError


class Command(BaseCommand):
    help = "生成一个合成的省：单位树和各台账记录（按 DOMAIN.md 的典型规模），用于性能测试。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--counties", type=int, required=True, help="县（区）数")
        parser.add_argument("--years", type=int, default=1, help="年数（默认 1）")
        parser.add_argument("--seed", type=int, default=1, help="随机种子；同一种子生成相同数据")
        parser.add_argument(
            "--start-year", type=int, default=None, help="起始年份（默认：今年之前的 Y 个完整年度）"
        )
        parser.add_argument("--batch-size", type=int, default=2000, help="每批写入行数")
        parser.add_argument(
            "--append", action="store_true", help="库中已有单位时仍然追加（新建一个合成省）"
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        gen = Generator(
            seed=opts["seed"],
            start_year=opts["start_year"],
            years=opts["years"],
            batch_size=opts["batch_size"],
            out=self.stderr,
        )
        try:
            stats = gen.run(opts["counties"], append=opts["append"])
        except SynthError as exc:
            raise CommandError(str(exc)) from exc
        rate = stats.rows / stats.seconds if stats.seconds else 0
        self.stdout.write(
            f"已生成 {opts['counties']} 个县 × {opts['years']} 年（{gen.start_year}–{gen.start_year + gen.years - 1}）："
            f"共 {stats.rows:,} 条，用时 {stats.seconds:.1f} 秒，{rate:,.0f} 条/秒。"
        )
        for label, n in sorted(stats.by_model.items()):
            self.stdout.write(f"  {label}: {n:,}")
