"""The register lists' search box (core.search) over 100,000+ records: p50/p95 of the
whole search request (/reconsideration/?q=…, the list page with its count and first
50 rows), as a county coordinator and as a provincial user. Run (SQLite: a throw-away
database in a temp folder; PostgreSQL: an empty database you created):

    uv run python bench/search.py [rows]                     # default 100000
    DATABASE_URL=postgres://…/fazhi_bench uv run python bench/search.py 100000

The rows are generated here (20 counties × 10 departments, names, case numbers and acts
drawn at random), not the synthetic province. Each query is asked REPEATS times; the
mix has 2-character names (shorter than a trigram: the index cannot narrow them),
3-character names, case-number fragments, words of the act and a miss.
Speed targets live here and in BENCHMARKS.md, never in the tests.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings_test")
if not os.environ.get("DATABASE_URL"):
    os.environ["FAZHI_DATA_DIR"] = tempfile.mkdtemp(prefix="fazhi-bench-")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from bench._common import machine, percentile  # noqa: E402
from fazhi.org.models import Role, Unit, UnitKind, User  # noqa: E402
from fazhi.reconsideration.models import Application  # noqa: E402
from fazhi.reconsideration.rules import State  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文博立新志海东晓燕春梅"
ACTS = ["行政处罚决定", "不予登记决定", "行政强制措施", "征收补偿决定", "不予答复", "工伤认定决定", "行政许可决定", "信息公开答复"]
AGENCIES = ["市场监督管理局", "公安局", "自然资源局", "人力资源和社会保障局", "住房和城乡建设局", "城市管理局", "交通运输局", "生态环境局", "卫生健康委员会", "农业农村局"]
REPEATS = 20


def build(n: int) -> tuple[User, User]:
    rng = random.Random(19)
    province = Unit.objects.create(name="某省人民政府", code="P", kind=UnitKind.PROVINCE)
    counties, departments = [], []
    for c in range(20):
        county = Unit.objects.create(name=f"第{c}县人民政府", code=f"C{c}", kind=UnitKind.COUNTY, parent=province)
        counties.append(county)
        for d, name in enumerate(AGENCIES):
            departments.append(Unit.objects.create(name=f"第{c}县{name}", code=f"C{c}D{d}", kind=UnitKind.DEPARTMENT, parent=county))
    batch = []
    for i in range(n):
        dept = departments[i % len(departments)]
        county = counties[(i % len(departments)) // len(AGENCIES)]
        received = date(2021, 1, 1) + timedelta(days=rng.randint(0, 1800))
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        batch.append(
            Application(
                agency=county,
                respondent=dept,
                case_number=f"县{i % 20}政复〔{received.year}〕{i // 20 % 5000 + 1}号",
                applicant_name=name,
                act=f"{dept.name[-7:]}{rng.choice(ACTS)}",
                received_on=received,
                state=State.RECEIVED,
            )
        )
        if len(batch) == 10000:
            Application.objects.bulk_create(batch)
            batch = []
    Application.objects.bulk_create(batch)
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            # As autovacuum would after a load: the planner needs the counts, and the GIN
            # indexes' pending lists (fastupdate) must be merged, or every search reads
            # the whole list of rows inserted since (a 2-character search took 15 s).
            cur.execute("VACUUM ANALYZE")
    county_user = User.objects.create_user("bench_county", unit=counties[0], role=Role.COORDINATOR)
    province_user = User.objects.create_user("bench_province", unit=province, role=Role.LEADER)
    return county_user, province_user


QUERIES = [
    ("2-character name", "王伟"),
    ("3-character name", "张建国"),
    ("case number fragment", "〔2022〕123号"),
    ("case number, 2 words", "县0政复 2023"),
    ("word of the act", "工伤认定"),
    ("no match", "不存在的当事人"),
]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    if User.objects.filter(username="bench_county").exists():  # a database this script built before
        users = (User.objects.get(username="bench_county"), User.objects.get(username="bench_province"))
        print(f"{connection.vendor}: reusing {Application.objects.count():,} applications")
    else:
        users = build(n)
        print(f"{connection.vendor}: built {n:,} applications in {time.perf_counter() - start:.1f} s")
    print(machine())
    for user in users:
        client = Client(SERVER_NAME="localhost")
        client.force_login(user)
        client.get("/reconsideration/")  # warm up: URL modules, templates
        every = []
        print(f"\n{user.username} ({user.unit.name})")
        print(f"{'query':<24} {'q':<16} {'p50 ms':>8} {'p95 ms':>8}")
        for label, q in QUERIES:
            times = []
            for _ in range(REPEATS):
                t = time.perf_counter()
                response = client.get("/reconsideration/", {"q": q})
                times.append((time.perf_counter() - t) * 1000)
                assert response.status_code == 200
            every += times
            print(f"{label:<24} {q:<16} {percentile(times, 50):8.1f} {percentile(times, 95):8.1f}")
        print(f"{'all searches':<41} {percentile(every, 50):8.1f} {percentile(every, 95):8.1f}")


if __name__ == "__main__":
    main()
