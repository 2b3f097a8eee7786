"""No false 不符: a generator of CONSISTENT invented report texts (every rate computed
from its counts and rounded half-up, every 其中/合计 list adding up or a true selection,
every 同比 computed from both years) in the wordings and layouts county reports use.
The analyzer must find no inconsistency in any of them; a handful of texts that are
wrong on purpose must still be 不符. Every number here is invented."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

from fazhi.analyzer.report import analyze_text

SEED = 22
COUNT = 300


def pct(num: int, den: int, places: int) -> str:
    q = Decimal(1).scaleb(-places) if places else Decimal(1)
    return str((Decimal(num) * 100 / Decimal(den)).quantize(q, rounding=ROUND_HALF_UP))


def split(rng: random.Random, total: int, n: int) -> list[int]:
    """total as n non-negative parts."""
    cuts = sorted(rng.randint(0, total) for _ in range(n - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def change(rng: random.Random, cur: int, prev: int) -> str:
    d = pct(abs(cur - prev), prev, rng.choice([1, 1, 2]))
    return ("增长" if cur >= prev else rng.choice(["下降", "减少"])) + d + "%"


def reconsideration(rng: random.Random) -> str:
    got = rng.randint(30, 900)
    acc = rng.randint(got // 2, got)
    done = rng.randint(acc // 2, acc)
    keep, revoke, change_, illegal, order, stop = split(rng, done, 6)
    fixed = revoke + change_ + illegal + order
    p = rng.choice([0, 1, 1, 2])
    prev = rng.randint(20, 900)
    forms = [
        f"全年共收到行政复议申请{got}件，依法受理{acc}件，审结{done}件，其中维持{keep}件、撤销{revoke}件、变更{change_}件、"
        f"确认违法{illegal}件、责令履行{order}件、驳回或终止{stop}件，综合纠错率{pct(fixed, done, p)}%。",
        f"{rng.choice(['本年度', '2023年', '全年'])}，县政府共收到行政复议申请{got}件，同比{change(rng, got, prev)}（上年{prev}件）。"
        f"受理{acc}件，不予受理{got - acc}件。已审结{done}件，纠错{fixed}件，纠错率{pct(fixed, done, p)}%。",
        f"全县行政复议机关共收案{got}件，较上年的{prev}件{change(rng, got, prev)}。审结{done}件中，维持{keep}件，"
        f"占{pct(keep, done, p)}%；撤销{revoke}件，占{pct(revoke, done, p)}%；确认违法{illegal}件，占{pct(illegal, done, p)}%。",
        f"受理行政复议案件{acc}件，其中涉及征地拆迁{rng.randint(0, acc // 3)}件、市场监管{rng.randint(0, acc // 3)}件。"
        f"审结案件中，直接纠错{fixed}件，直接纠错率为{pct(fixed, done, p)}%（审结{done}件）。",
    ]
    return rng.choice(forms)


def litigation(rng: random.Random) -> str:
    n = rng.randint(20, 600)
    heard = rng.randint(n // 3, n)
    present = rng.randint(heard // 2, heard)
    lost = rng.randint(0, n // 5)
    p = rng.choice([0, 1, 2])
    prev = rng.randint(10, 600)
    forms = [
        f"全年共发生行政应诉案件{n}件，其中败诉{lost}件，败诉率{pct(lost, n, p)}%。开庭审理{heard}件，"
        f"行政机关负责人出庭应诉{present}件，出庭应诉率{pct(present, heard, p)}%。",
        f"办理行政诉讼案件{n}件，同比{change(rng, n, prev)}（2022年为{prev}件）；败诉{lost}件，败诉率为{pct(lost, n, p)}%。",
        f"在开庭审理的{heard}件行政诉讼案件中，行政机关负责人出庭应诉{present}件，出庭率{pct(present, heard, p)}%。",
        f"行政诉讼案件{n}件，审结{heard}件，其中败诉{min(lost, heard)}件，占审结案件的{pct(min(lost, heard), heard, p)}%。",
    ]
    return rng.choice(forms)


def mediation(rng: random.Random) -> str:
    n = rng.randint(100, 20000)
    ok = rng.randint(n * 8 // 10, n)
    p = rng.choice([1, 1, 2])
    a, b, c = split(rng, n, 3)
    forms = [
        f"全县各级人民调解组织共排查调处矛盾纠纷{n}件，调解成功{ok}件，调解成功率{pct(ok, n, p)}%。",
        f"共受理矛盾纠纷{n}件，其中婚姻家庭纠纷{a}件、邻里纠纷{b}件、其他纠纷{c}件，成功调解{ok}件，成功率达{pct(ok, n, p)}%。",
        f"调解各类纠纷{n}件，调解成功{ok}件，涉及金额{rng.randint(100, 9999)}万元，调解成功率为{pct(ok, n, p)}%。",
    ]
    return rng.choice(forms)


def legal_aid(rng: random.Random) -> str:
    n = rng.randint(100, 3000)
    civ, crim, adm = split(rng, n, 3)
    prev = rng.randint(100, 3000)
    consult = rng.randint(10000, 99999)
    forms = [
        f"办理法律援助案件{n}件，同比{change(rng, n, prev)}，其中民事案件{civ}件、刑事案件{crim}件、行政案件{adm}件。"
        f"上年同期办理{prev}件。",
        f"全年共办理法律援助案件{n}件（上年{prev}件），其中刑事法律援助{crim}件，占{pct(crim, n, 1)}%。"
        f"接待来访咨询{Decimal(consult).scaleb(-4).quantize(Decimal('0.01'))}万人次。",
        f"办理法律援助案件{n}件，其中民事案件{civ}件、刑事案件{crim}件、行政案件{adm}件，同比{change(rng, n, prev)}，"
        f"上年为{prev}件。",
        f"法律援助中心共受理案件{n}件，为受援人挽回经济损失{rng.randint(100, 9999)}万元，提供法律咨询{consult}人次。",
    ]
    return rng.choice(forms)


def disclosure(rng: random.Random) -> str:
    active = rng.randint(500, 30000)
    n = rng.randint(10, 400)
    face, net, letter, other = split(rng, n, 4)
    opened, partly, refused, none_, other2 = split(rng, n, 5)
    forms = [
        f"全年主动公开政府信息{active}条，其中通过政府网站公开{rng.randint(0, active)}条。"
        f"收到政府信息公开申请{n}件，其中当面申请{face}件、网络申请{net}件、信函申请{letter}件、其他形式{other}件。",
        f"共办理依申请公开{n}件。其中：予以公开{opened}件，部分公开{partly}件，不予公开{refused}件，"
        f"无法提供{none_}件，其他处理{other2}件。",
        f"受理政府信息公开申请{n}件，予以公开{opened}件，占{pct(opened, n, 2)}%；部分公开{partly}件，"
        f"占{pct(partly, n, 2)}%。",
    ]
    return rng.choice(forms)


def bar_table(rng: random.Random) -> str:
    names = rng.sample(["维持", "撤销", "变更", "确认违法", "责令履行", "驳回", "终止"], rng.randint(3, 6))
    vals = [rng.randint(0, 90) for _ in names]
    tot = sum(vals) or 1
    if not sum(vals):
        vals[0] = 1
    style = rng.choice(["bar", "tab", "share", "cells", "years"])
    if style == "bar":
        rows = ["| 审结情况 | 件数 |"] + [f"| {a} | {v} |" for a, v in zip(names, vals, strict=True)]
        rows.append(f"| 合计 | {tot} |")
    elif style == "tab":
        rows = ["项目\t数量（件）"] + [f"{a}\t{v}" for a, v in zip(names, vals, strict=True)] + [f"合计\t{tot}"]
    elif style == "share":
        rows = ["| 类别 | 件数 | 占比 |"] + [
            f"| {a} | {v} | {pct(v, tot, 2)}% |" for a, v in zip(names, vals, strict=True)
        ] + [f"| 合计 | {tot} | 100% |"]
    elif style == "cells":
        rows = ["审结情况", "件数"]
        for a, v in zip(names, vals, strict=True):
            rows += [a, str(v)]
        rows += ["总计", str(tot)]
    else:
        prev = [rng.randint(0, 90) for _ in names]
        rows = ["| 类别 | 2022年 | 2023年 |"] + [
            f"| {a} | {p} | {v} |" for a, p, v in zip(names, prev, vals, strict=True)
        ] + [f"| 合计 | {sum(prev)} | {tot} |"]
    return "表：行政复议案件审结情况\n" + "\n".join(rows)


def side_table(rng: random.Random) -> str:
    towns = rng.sample(["城关镇", "东坝镇", "西河乡", "南岭镇", "北山乡", "清水镇"], 4)
    a = [(rng.randint(5, 80), 0) for _ in towns]
    a = [(x, rng.randint(0, x)) for x, _ in a]
    rows = [" | 新收案件数 | 受理案件数 |  | 新收案件数 | 受理案件数"]
    for k in (0, 2):
        rows.append(f"{towns[k]} | {a[k][0]} | {a[k][1]} | {towns[k + 1]} | {a[k + 1][0]} | {a[k + 1][1]}")
    rows.append(f"合计 | {sum(x for x, _ in a)} | {sum(y for _, y in a)}")
    return "表2：各乡镇行政复议案件办理情况\n" + "\n".join(rows)


def government(rng: random.Random) -> str:
    docs = rng.randint(10, 300)
    reviewed = rng.randint(docs // 2, docs)
    filed = rng.randint(reviewed // 2, reviewed)
    staff = rng.randint(200, 5000)
    passed = rng.randint(staff * 9 // 10, staff)
    forms = [
        f"全年审查规范性文件{docs}件，提出修改意见{rng.randint(0, 200)}条，备案审查{filed}件，备案率100%。",
        f"组织全县{staff}名行政执法人员参加法律知识考试，合格{passed}人，合格率{pct(passed, staff, 1)}%。",
        f"开展重大行政决策合法性审查{reviewed}件，审查率100%；落实行政执法“三项制度”，公示执法信息{rng.randint(1000, 90000)}条。",
        f"新增行政执法人员{staff}人，其中持证{passed}人，持证率{pct(passed, staff, 1)}%，较上年提高{rng.randint(1, 9)}个百分点。",
    ]
    return rng.choice(forms)


KINDS = [reconsideration, litigation, mediation, legal_aid, disclosure, bar_table, side_table, government]


def wan(n: int) -> str:
    """n in 万, rounded half-up to two places (1.25万)."""
    return str((Decimal(n) / 10000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)) + "万"


def named_shares(rng: random.Random) -> str:
    got = rng.randint(40, 900)
    acc = rng.randint(got // 2, got)
    done = rng.randint(acc // 2, acc)
    keep = rng.randint(0, done)
    online = rng.randint(0, got)
    p = rng.choice([1, 2])
    forms = [
        f"全年共收到行政复议申请{got}件。其中网上申请{online}件，占{pct(online, got, p)}%。",
        f"受理行政复议案件{acc}件，审结{done}件，其中维持{keep}件，占审结案件总数的{pct(keep, done, p)}%。",
        f"收到申请{got}件，受理{acc}件，受理案件占收到申请的{pct(acc, got, p)}%；审结{done}件，结案率{pct(done, acc, p)}%。",
        f"全年审结案件{done}件，较上年增加{rng.randint(1, 50)}件。维持原行政行为{keep}件，维持率{pct(keep, done, p)}%。",
    ]
    return rng.choice(forms)


def several_totals(rng: random.Random) -> str:
    a = rng.randint(30, 400)
    b = rng.randint(a // 2, a)
    c = rng.randint(20, 300)
    d = rng.randint(0, c // 4)
    e = rng.randint(500, 9000)
    f = rng.randint(e * 9 // 10, e)
    return (
        f"全年收到行政复议申请{a}件，受理{b}件；发生行政应诉案件{c}件，败诉{d}件，败诉率{pct(d, c, 1)}%；"
        f"调处矛盾纠纷{e}件，成功{f}件，成功率{pct(f, e, 1)}%。"
    )


def closed_by_the_rest(rng: random.Random) -> str:
    parts = [rng.randint(0, 3000) for _ in range(4)]
    n = sum(parts)
    names = ["机构职能类", "政策文件类", "财政信息类", "其他类信息"]
    items = "，".join(f"{a}{v}条" for a, v in zip(names, parts, strict=True))
    forms = [
        f"全年主动公开政府信息{n}条，包括：{items}。",
        f"主动公开政府信息{n}条，其中{items}。",
        f"通过政府网站公开信息{n}条（{items}）。",
    ]
    return rng.choice(forms)


def in_wan(rng: random.Random) -> str:
    n = rng.randint(12000, 90000)
    ok = rng.randint(n * 9 // 10, n)
    p = rng.choice([1, 2])
    prev = rng.randint(12000, 90000)
    forms = [
        f"全年调处矛盾纠纷{wan(n)}件，调解成功{wan(ok)}件，调解成功率{pct(ok, n, p)}%。",
        f"接待群众法律咨询{wan(n)}人次，同比{change(rng, n, prev)}。",
        f"全县共排查矛盾纠纷{wan(n)}件，化解{wan(ok)}件，化解率{pct(ok, n, p)}%。",
    ]
    return rng.choice(forms)


def last_year_beside(rng: random.Random) -> str:
    a, a0 = rng.randint(40, 400), rng.randint(40, 400)
    c, c0 = rng.randint(0, a), rng.randint(0, a0)
    lost, lost0 = rng.randint(0, a // 5), rng.randint(0, a0 // 5)
    p = rng.choice([1, 2])
    forms = [
        f"审结行政复议案件{a}件（上年{a0}件），纠错{c}件（上年{c0}件），纠错率{pct(c, a, p)}%（上年{pct(c0, a0, p)}%）。",
        f"行政应诉案件{a}件，败诉{lost}件，败诉率{pct(lost, a, p)}%；上年分别为{a0}件、{lost0}件、{pct(lost0, a0, p)}%。",
        f"2023年受理行政诉讼案件{a}件，败诉{lost}件，败诉率{pct(lost, a, p)}%，2022年受理{a0}件，败诉{lost0}件，"
        f"败诉率{pct(lost0, a0, p)}%。",
    ]
    return rng.choice(forms)


def subrow_table(rng: random.Random) -> str:
    got = rng.randint(20, 300)
    online = rng.randint(0, got)
    acc = rng.randint(got // 2, got)
    done = rng.randint(acc // 2, acc)
    rows = ["| 项目 | 2023年 |", f"| 收到申请 | {got} |", f"| 其中：网上申请 | {online} |",
            f"| 受理 | {acc} |", f"| 审结 | {done} |"]
    if rng.random() < 0.5:
        rows.append(f"| 审结率 | {pct(done, acc, 1)}% |")
    return "表：行政复议工作情况\n" + "\n".join(rows)


def disclosure_table(rng: random.Random) -> str:
    n = rng.randint(10, 400)
    nat, corp, other = split(rng, n, 3)
    opened, partly, refused, none_ = split(rng, n, 4)
    rows = ["申请人情况\t自然人\t法人或其他组织\t总计",
            f"本年新收政府信息公开申请数量\t{nat}\t{corp + other}\t{n}",
            f"予以公开\t{opened}",
            f"部分公开\t{partly}",
            f"不予公开\t{refused}",
            f"无法提供\t{none_}",
            f"总计\t{n}"]
    return "\n".join(rows)


KINDS += [named_shares, several_totals, closed_by_the_rest, in_wan, last_year_beside, subrow_table, disclosure_table]


def wan_sums(rng: random.Random) -> str:
    parts = [rng.randint(1000, 40000) for _ in range(rng.randint(2, 4))]
    n = sum(parts)
    names = ["通过政府网站", "通过政务新媒体", "通过公开栏", "通过新闻发布会"][: len(parts)]
    items = "、".join(f"{a}公开{wan(v)}条" for a, v in zip(names, parts, strict=True))
    forms = [
        f"全年主动公开政府信息{wan(n)}条，其中{items}。",
        f"{items}，合计{wan(n)}条。",
    ]
    return rng.choice(forms)


def nested(rng: random.Random) -> str:
    got = rng.randint(40, 600)
    acc = rng.randint(got // 2, got)
    keep, revoke, rest = split(rng, acc, 3)
    land = rng.randint(0, acc // 2)
    p = rng.choice([1, 2])
    forms = [
        f"共收到行政复议申请{got}件，其中受理{acc}件，不予受理{got - acc}件。在受理的{acc}件案件中，"
        f"涉及土地征收{land}件，占{pct(land, acc, p)}%。",
        f"受理行政复议案件{acc}件，审结{acc}件，其中维持{keep}件、撤销{revoke}件、驳回{rest}件，"
        f"分别占审结案件的{pct(keep, acc, p)}%、{pct(revoke, acc, p)}%、{pct(rest, acc, p)}%。",
        f"受理案件{acc}件，其中行政许可类{land}件、行政处罚类{rng.randint(0, acc - land)}件。"
        f"维持{keep}件，撤销{revoke}件，驳回{rest}件，合计{acc}件。",
        f"审结行政复议案件{acc}件，维持{keep}件，维持率{pct(keep, acc, p)}%，"
        f"撤销{revoke}件，占审结总数的{pct(revoke, acc, p)}%。",
    ]
    return rng.choice(forms)


def year_columns(rng: random.Random) -> str:
    names = rng.sample(["收到申请", "受理", "审结", "维持", "撤销", "应诉案件", "败诉"], 4)
    rows = ["| 指标 | 2022年 | 2023年 | 同比 |"]
    for a in names:
        v0, v1 = rng.randint(5, 400), rng.randint(5, 400)
        ch = pct(v1 - v0, v0, 1)
        rows.append(f"| {a} | {v0} | {v1} | {'+' if v1 >= v0 else ''}{ch}% |")
    return "表：主要指标对比\n" + "\n".join(rows)


def share_table_years(rng: random.Random) -> str:
    names = rng.sample(["城关镇", "东坝镇", "西河乡", "南岭镇", "北山乡"], rng.randint(3, 5))
    v0 = [rng.randint(1, 60) for _ in names]
    v1 = [rng.randint(1, 60) for _ in names]
    t0, t1 = sum(v0), sum(v1)
    rows = ["| 单位 | 2022年 | 2023年 | 占比 |"] + [
        f"| {a} | {x} | {y} | {pct(y, t1, 1)}% |" for a, x, y in zip(names, v0, v1, strict=True)
    ] + [f"| 合计 | {t0} | {t1} | 100.0% |"]
    return "表：各乡镇矛盾纠纷调处情况\n" + "\n".join(rows)


def one_cell_per_line(rng: random.Random) -> str:
    names = rng.sample(["维持", "撤销", "确认违法", "责令履行", "驳回", "终止"], 4)
    vals = [rng.randint(0, 50) for _ in names]
    t = sum(vals) or 1
    vals[0] += 0 if sum(vals) else 1
    cells = ["序号", "审结结果", "件数", "占比"]
    for k, (a, v) in enumerate(zip(names, vals, strict=True), 1):
        cells += [str(k), a, str(v), f"{pct(v, t, 1)}%"]
    cells += [str(len(names) + 1), "合计", str(t), "100%"]
    return "\n".join(cells)


def points_change(rng: random.Random) -> str:
    a, a0 = rng.randint(50, 500), rng.randint(50, 500)
    k, k0 = rng.randint(0, a // 4), rng.randint(0, a0 // 4)
    r, r0 = Decimal(pct(k, a, 1)), Decimal(pct(k0, a0, 1))
    word = "上升" if r >= r0 else "下降"
    return (
        f"全年审结行政应诉案件{a}件，败诉{k}件，败诉率{r}%，较上年（{r0}%）{word}{abs(r - r0)}个百分点。"
    )


def approx_rates(rng: random.Random) -> str:
    n = rng.randint(100, 5000)
    ok = rng.randint(n * 95 // 100, n)
    exact = Decimal(ok) * 100 / n
    floor = int(exact)
    forms = [
        f"调处矛盾纠纷{n}件，调解成功{ok}件，成功率达{floor}%以上。",
        f"调处矛盾纠纷{n}件，调解成功{ok}件，成功率约{pct(ok, n, 0)}%。",
        f"调处矛盾纠纷{n}件，调解成功{ok}件，成功率超过{max(floor - 1, 0)}%。",
    ]
    return rng.choice(forms)


KINDS += [wan_sums, nested, year_columns, share_table_years, one_cell_per_line, points_change, approx_rates]


def survey_rates(rng: random.Random) -> str:
    """Rates that no count in the text gives (a survey's, a higher level's)."""
    n = rng.randint(50, 3000)
    m = rng.randint(n // 2, n)
    r = f"{rng.randint(900, 999) / 10}"
    forms = [
        f"办理法律援助案件{n}件，结案{m}件，受援人满意率{r}%。",
        f"调处矛盾纠纷{n}件，调解成功{m}件，群众满意度达{r}%。",
        f"全县调解纠纷{n}件，占全市的{rng.randint(5, 40)}.{rng.randint(0, 9)}%。",
        f"受理行政复议案件{n}件，审结{m}件，全市行政复议纠错率为{rng.randint(5, 30)}.{rng.randint(0, 9)}%。",
        f"开展普法活动{n}场次，覆盖群众{m}万人次，群众法治知识知晓率{r}%。",
    ]
    return rng.choice(forms)


def change_beside_other_year(rng: random.Random) -> str:
    a, a0 = rng.randint(40, 500), rng.randint(40, 500)
    b, b0 = rng.randint(20, a), rng.randint(20, 400)
    forms = [
        f"受理行政复议案件{a}件，同比{change(rng, a, a0)}；审结{b}件（上年{b0}件）。",
        f"全年办理法律援助案件{a}件，同比{change(rng, a, a0)}，上年同期审结{b0}件。",
        f"2022年审结{b0}件。2023年受理{a}件，同比{change(rng, a, a0)}。",
        f"全年收到申请{a}件，较上年{a0}件{change(rng, a, a0)}；审结{b}件，较上年{b0}件{change(rng, b, b0)}。",
    ]
    return rng.choice(forms)


def units_mixed(rng: random.Random) -> str:
    n = rng.randint(10, 200)
    people = rng.randint(n, n * 30)
    money = rng.randint(n, n * 50)
    forms = [
        f"受理群体性纠纷{n}件，其中涉及农民工欠薪{rng.randint(0, n)}件、涉及群众{people}人。",
        f"办理法律援助案件{n}件，其中为农民工讨薪{rng.randint(0, n)}件，挽回损失{money}万元。",
        f"受理行政复议案件{n}件，涉及申请人{people}人，其中集体申请{rng.randint(0, n)}件。",
        f"调处矛盾纠纷{n}件，涉及金额{money}万元，其中土地纠纷{rng.randint(0, n)}件、涉及{people}人。",
    ]
    return rng.choice(forms)


def subrow_total_table(rng: random.Random) -> str:
    names = rng.sample(["行政许可", "行政处罚", "行政强制", "行政征收", "信息公开"], 3)
    vals = [rng.randint(1, 60) for _ in names]
    rows = ["| 案件类别 | 件数 |"]
    for a, v in zip(names, vals, strict=True):
        rows.append(f"| {a} | {v} |")
        if rng.random() < 0.5:
            rows.append(f"| 其中：涉企 | {rng.randint(0, v)} |")
    rows.append(f"| 合计 | {sum(vals)} |")
    return "表：受理行政复议案件类别\n" + "\n".join(rows)


def years_in_a_row(rng: random.Random) -> str:
    v = [rng.randint(30, 500) for _ in range(3)]
    return (
        f"2021年至2023年，全县分别受理行政复议案件{v[0]}件、{v[1]}件、{v[2]}件，"
        f"2023年较2022年{change(rng, v[2], v[1])}，较2021年{change(rng, v[2], v[0])}。"
    )


def repeated_total(rng: random.Random) -> str:
    n = rng.randint(40, 600)
    a, b, c = split(rng, n, 3)
    land = rng.randint(0, n)
    p = rng.choice([1, 2])
    return (
        f"全年共受理行政复议案件{n}件。从案件类型看，行政处罚类{a}件、行政许可类{b}件、其他类{c}件。"
        f"从领域看，受理的{n}件案件中涉及自然资源领域{land}件，占{pct(land, n, p)}%。"
    )


KINDS += [survey_rates, change_beside_other_year, units_mixed, subrow_total_table, years_in_a_row, repeated_total]


def unstated_bases(rng: random.Random) -> str:
    """Rates over a base the text does not state, with other counts nearby."""
    got = rng.randint(60, 800)
    acc = rng.randint(got // 2, got)
    done = rng.randint(acc // 3, acc)
    fixed = rng.randint(0, done // 2)
    keep = rng.randint(0, done - fixed)
    cases = rng.randint(60, 600)
    heard = rng.randint(cases // 4, cases)
    present = rng.randint(heard // 2, heard)
    judged = rng.randint(cases // 4, cases)
    lost = rng.randint(0, judged // 3)
    p = rng.choice([1, 2])
    forms = [
        f"全年受理行政复议案件{acc}件，纠错{fixed}件，纠错率{pct(fixed, done, p)}%。",
        f"受理行政复议案件{acc}件，维持{keep}件，维持率{pct(keep, done, p)}%。",
        f"全年行政应诉案件{cases}件，行政机关负责人出庭应诉{present}件，出庭应诉率{pct(present, heard, p)}%。",
        f"行政应诉案件{cases}件，败诉{lost}件，败诉率{pct(lost, judged, p)}%（以判决结案数计）。",
        f"收到行政复议申请{got}件，受理{acc}件，其中维持{keep}件，占全部申请的{pct(keep, got, p)}%。",
    ]
    return rng.choice(forms)


def qizhong_of_the_first(rng: random.Random) -> str:
    got = rng.randint(60, 800)
    acc = rng.randint(got // 3, got)
    online = rng.randint(acc, got)
    m = rng.randint(100, 900)
    n = rng.randint(m + 1, m * 3)
    a, b, c = split(rng, m, 3)
    forms = [
        f"收到行政复议申请{got}件，受理{acc}件，其中网上申请{online}件，占收到申请的{pct(online, got, 1)}%。",
        f"全年主动公开政府信息{m}条，发布政策解读{n}篇，其中文字解读{a + n - m}篇、图片解读{b}篇、其他形式{c}篇。",
    ]
    return rng.choice(forms)


def rate_table(rng: random.Random) -> str:
    names = rng.sample(["城关镇", "东坝镇", "西河乡", "南岭镇", "北山乡"], 4)
    acc = [rng.randint(5, 90) for _ in names]
    done = [rng.randint(a // 2, a) for a in acc]
    rows = ["| 单位 | 受理 | 审结 | 结案率 |"] + [
        f"| {n} | {a} | {d} | {pct(d, a, 1)}% |" for n, a, d in zip(names, acc, done, strict=True)
    ] + [f"| 合计 | {sum(acc)} | {sum(done)} | {pct(sum(done), sum(acc), 1)}% |"]
    return "表：各乡镇案件办理情况\n" + "\n".join(rows)


def part_of_county_table(rng: random.Random) -> str:
    total = rng.randint(300, 900)
    names = rng.sample(["城关镇", "东坝镇", "西河乡", "南岭镇", "北山乡"], 3)
    vals = [rng.randint(20, total // 4) for _ in names]
    s = sum(vals)
    rows = ["| 乡镇 | 件数 | 占全县比例 |"] + [
        f"| {n} | {v} | {pct(v, total, 1)}% |" for n, v in zip(names, vals, strict=True)
    ] + [f"| 合计 | {s} | {pct(s, total, 1)}% |"]
    return f"全县共调处矛盾纠纷{total}件，案件数量居前三位的乡镇如下。\n" + "\n".join(rows)


def total_column(rng: random.Random) -> str:
    names = rng.sample(["维持", "撤销", "确认违法", "驳回", "终止"], 3)
    rows = ["| 类别 | 2022年 | 2023年 | 合计 |"]
    for a in names:
        x, y = rng.randint(0, 60), rng.randint(0, 60)
        rows.append(f"| {a} | {x} | {y} | {x + y} |")
    return "表：近两年审结情况\n" + "\n".join(rows)


KINDS += [unstated_bases, qizhong_of_the_first, rate_table, part_of_county_table, total_column]


def respective(rng: random.Random) -> str:
    a = rng.randint(60, 600)
    b = rng.randint(a // 2, a)
    c = rng.randint(b // 2, b)
    keep, revoke = split(rng, c, 2)
    p = rng.choice([1, 2])
    forms = [
        f"收到、受理、审结行政复议案件分别为{a}件、{b}件、{c}件，审结率{pct(c, b, p)}%。",
        f"审结{c}件，其中维持{keep}件，占比{pct(keep, c, p)}%；撤销{revoke}件，占比{pct(revoke, c, p)}%。",
        f"全年受理{b}件，比上年多受理{rng.randint(1, 40)}件，审结{c}件，审结率{pct(c, b, p)}%。",
    ]
    return rng.choice(forms)


def overlapping_selection(rng: random.Random) -> str:
    n = rng.randint(30, 300)
    a, b, c = rng.randint(n // 2, n), rng.randint(n // 2, n), rng.randint(n // 3, n)
    forms = [
        f"受理行政复议案件{n}件，其中涉企案件{a}件，行政处罚类案件{b}件，通过网上申请{c}件。",
        f"办理法律援助案件{n}件，其中农民工{a}件；刑事案件{b}件。",
        f"受理行政复议案件{n}件，其中行政处罚类{a}件等。审结{b}件，其中维持{rng.randint(0, b)}件。",
        f"受理政府信息公开申请{n}件，其中自然人申请{a}件，涉及征地拆迁信息{b}件。",
    ]
    return rng.choice(forms)


def percent_header_table(rng: random.Random) -> str:
    names = rng.sample(["行政许可", "行政处罚", "行政强制", "行政征收", "信息公开"], 4)
    vals = [rng.randint(1, 80) for _ in names]
    t = sum(vals)
    rows = ["类别\t件数（件）\t占比（%）"] + [
        f"{a}\t{v}\t{pct(v, t, 2)}" for a, v in zip(names, vals, strict=True)
    ] + [f"合计\t{t}\t100.00"]
    return "\n".join(rows)


def year_rows_table(rng: random.Random) -> str:
    rows = ["| 年度 | 受理 | 审结 | 审结率 |"]
    for y in (2021, 2022, 2023):
        a = rng.randint(20, 400)
        d = rng.randint(a // 2, a)
        rows.append(f"| {y}年 | {a} | {d} | {pct(d, a, 1)}% |")
    return "表：近三年行政复议案件办理情况\n" + "\n".join(rows)


def staff(rng: random.Random) -> str:
    total = rng.randint(300, 4000)
    cert = rng.randint(total // 2, total)
    trained = rng.randint(cert // 2, total)
    lawyers = rng.randint(5, 60)
    p = rng.choice([1, 2])
    forms = [
        f"全县共有行政执法人员{total}人，其中持证{cert}人，占行政执法人员总数的{pct(cert, total, p)}%。",
        f"组织培训行政执法人员{trained}人次，全县持证执法人员{cert}人，公职律师{lawyers}名。",
        f"全县行政执法人员{total}人，培训{trained}人次，持证率{pct(cert, total, p)}%（持证{cert}人）。",
    ]
    return rng.choice(forms)


KINDS += [respective, overlapping_selection, percent_header_table, year_rows_table, staff]


CN = "〇一二三四五六七八九"


def cn_number(n: int) -> str:
    """0–100 in Chinese numerals (九十五, 一百)."""
    if n == 100:
        return "一百"
    if n < 10:
        return CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN[tens]) + "十" + ("" if ones == 0 else CN[ones])


def odd_wordings(rng: random.Random) -> str:
    n = rng.randint(100, 900)
    ok = rng.randint(n // 2, n)
    prev = rng.randint(20, n // 2)
    times = (Decimal(n - prev) / prev).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    cur_rate, prev_rate = Decimal(pct(ok, n, 1)), Decimal(rng.randint(500, 999)) / 10
    word = "提高" if cur_rate >= prev_rate else "下降"
    forms = [
        f"调处矛盾纠纷{n}件，调解成功{ok}件，成功率达百分之{cn_number(int(pct(ok, n, 0)))}。",
        f"受理行政复议案件{n}件，较上年的{prev}件增长{times}倍。",
        f"调处纠纷{n}件次，成功{ok}件次，成功率{pct(ok, n, 1)}％。",
        f"调解成功率{cur_rate}%，同比{word}{abs(cur_rate - prev_rate)}个百分点（调处{n}件，成功{ok}件）。",
        f"全年调处纠纷约{n}件，其中调解成功{ok}件，成功率{pct(ok, n, 1)}%。",
    ]
    return rng.choice(forms)


def cells_no_index(rng: random.Random) -> str:
    names = rng.sample(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], 4)
    vals = [rng.randint(0, 60) for _ in names]
    cells = ["申请人情况", "数量"]
    for a, v in zip(names, vals, strict=True):
        cells += [a, str(v)]
    cells += ["总计", str(sum(vals))]
    return "\n".join(cells)


KINDS += [odd_wordings, cells_no_index]


def requests_table(rng: random.Random) -> str:
    """收到和处理政府信息公开申请情况: six kinds of applicant and their 总计, row by row."""
    kinds = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    rows = ["\t".join(["申请人情况", *kinds])]
    labels = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开",
              "（二）部分公开", "（三）不予公开", "四、结转下年度继续办理"]
    for label in labels:
        if label.startswith("（一）") and rng.random() < 0.5:
            rows.append("三、本年度办理结果")  # a label on a line of its own inside the table
        vals = [rng.randint(0, 40) if k < 2 else rng.randint(0, 3) for k in range(6)]
        rows.append("\t".join([label, *map(str, vals), str(sum(vals))]))
    sep = rng.choice(["\t", " | "])
    return "\n".join(r.replace("\t", sep) for r in rows)


def review_litigation_row(rng: random.Random) -> str:
    """行政复议、行政诉讼情况: three groups of four results and their 总计 in one row."""
    groups = [[rng.randint(0, 9) for _ in range(4)] for _ in range(3)]
    head = "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)
    vals = "\t".join(str(v) for g in groups for v in [*g, sum(g)])
    return "行政复议\t\t\t\t\t行政诉讼\n" + head + "\n" + vals


def share_of_this_year(rng: random.Random) -> str:
    a0, a = rng.randint(40, 400), rng.randint(40, 400)
    x = rng.randint(0, a)
    return f"2022年受理行政复议案件{a0}件，2023年受理{a}件，其中涉企案件{x}件，占{pct(x, a, 1)}%。"


def part_column_table(rng: random.Random) -> str:
    names = rng.sample(["城关镇", "东坝镇", "西河乡", "南岭镇", "北山乡"], 3)
    acc = [rng.randint(5, 90) for _ in names]
    firm = [rng.randint(0, a) for a in acc]
    done = [rng.randint(a // 2, a) for a in acc]
    rows = ["| 单位 | 受理 | 其中涉企 | 审结 |"] + [
        f"| {n} | {a} | {f} | {d} |" for n, a, f, d in zip(names, acc, firm, done, strict=True)
    ] + [f"| 合计 | {sum(acc)} | {sum(firm)} | {sum(done)} |"]
    return "表：各乡镇受理情况\n" + "\n".join(rows)


KINDS += [requests_table, review_litigation_row, share_of_this_year, part_column_table]


def wan_changes(rng: random.Random) -> str:
    n, prev = rng.randint(12000, 90000), rng.randint(12000, 90000)
    forms = [
        f"接待群众法律咨询{wan(n)}人次，较上年的{prev}人次{change(rng, n, prev)}。",
        f"接待群众法律咨询{wan(n)}人次，较上年的{wan(prev)}人次{change(rng, n, prev)}。",
        f"调处矛盾纠纷{n}件，同比{change(rng, n, prev)}，上年为{wan(prev)}件。",
    ]
    return rng.choice(forms)


KINDS += [wan_changes]


def share_of_a_part(rng: random.Random) -> str:
    """A bare 占比 right after a 其中 part: over the total the 其中 breaks down."""
    n = rng.randint(40, 20000)
    a = rng.randint(1, n - 1)
    more = rng.randint(1, 300)
    got = rng.randint(60, 900)
    acc = rng.randint(got // 2, got - 1)
    online = rng.randint(1, acc)
    p = rng.choice([0, 1, 1, 2])
    forms = [
        f"全县共有人民调解员{n}名，其中专职调解员{a}名，占比{pct(a, n, p)}%。",
        f"共办理法律援助案件{n}件。其中，民事案件{a}件，占比达{pct(a, n, p)}%。",
        f"全市共有律师{n}名，较上年增加{more}名，其中，女律师{a}名，占比{pct(a, n, p)}%。",
        f"全年收到申请{got}件，受理{acc}件，其中网上受理{online}件，占比{pct(online, acc, p)}%。",
        f"全年收到申请{got}件，其中，网上申请{online}件，占比{pct(online, got, p)}%，受理{acc}件。",
    ]
    return rng.choice(forms)


KINDS += [share_of_a_part]


def invent(rng: random.Random) -> str:
    parts = [rng.choice(KINDS)(rng) for _ in range(rng.randint(2, 5))]
    out = ""
    for p in parts:
        if "\n" not in p and out.endswith("。") and rng.random() < 0.5:
            out += p  # several topics in one long paragraph
        else:
            out += "\n" + rng.choice(["（一）", "一是", "", "", ""]) + p
    return "关于2023年度法治政府建设情况的报告" + out + "\n"


def false_alarms(count: int = COUNT, seed: int = SEED) -> list[tuple[str, list[dict]]]:
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        text = invent(rng)
        a = analyze_text(text)
        bad = [r.as_dict(a.figures) for r in a.inconsistencies]
        if bad:
            found.append((text, bad))
    return found


def test_consistent_texts_raise_no_inconsistency():
    found = false_alarms()
    assert not found, found[:3]


def inconsistencies(text: str) -> list[dict]:
    a = analyze_text(text)
    return [r.as_dict(a.figures) for r in a.inconsistencies]


def test_a_rate_off_by_a_point_with_its_counts_in_its_sentence_is_still_flagged():
    assert inconsistencies("全县共调处矛盾纠纷800件，调解成功700件，调解成功率88.5%。")
    assert inconsistencies("开庭审理行政诉讼案件40件，行政机关负责人出庭应诉30件，出庭应诉率76%。")
    assert inconsistencies("全年受理行政复议案件40件，维持20件，占受理案件的51%。")


def test_a_part_larger_than_its_total_is_still_flagged():
    assert inconsistencies("全年受理行政复议案件40件，其中涉及征地拆迁案件52件。")


def test_outcomes_that_do_not_add_up_to_the_cases_concluded_are_still_flagged():
    assert inconsistencies("审结行政复议案件25件，维持12件，撤销5件，驳回3件，终止2件。")


def test_a_table_total_row_that_does_not_add_up_is_left_unjudged_never_flagged():
    # What the analyzer promises today: a table's rows may overlap, so a 合计 row that
    # does not add up is 无法核对, and one that does is 相符.
    a = analyze_text("表：审结情况\n| 类别 | 件数 |\n| 维持 | 12 |\n| 撤销 | 5 |\n| 驳回 | 3 |\n| 合计 | 25 |\n")
    assert not a.inconsistencies
    assert any(r.kind == "sum" and r.stated_total == 25 for r in a.unchecked)


def test_a_rate_from_counts_rounded_to_wan_is_judged_within_their_rounding():
    # 12480 ÷ 12950 = 96.37%; the report rounds both counts to 万 and keeps the rate.
    for text in (
        "全年调处矛盾纠纷1.30万件，调解成功1.25万件，调解成功率96.37%。",
        "全县共排查矛盾纠纷1.3万件，化解1.25万件，化解率96.4%。",
        "行政应诉案件1.30万件，败诉0.12万件，败诉率9.4%。",
    ):
        a = analyze_text(text)
        rates = [r for r in a.relations if r.kind == "rate"]
        assert rates and all(r.consistent for r in rates), text
        assert "舍入范围" in rates[0].note
    # Beyond what the rounding allows, still 不符.
    assert inconsistencies("全年调处矛盾纠纷1.30万件，调解成功1.25万件，调解成功率90.5%。")


def test_last_years_count_of_another_measure_is_not_the_base_of_a_change():
    # 321 is this year's 办理; 94 is last year's 审结: the change (from 134) is not theirs.
    for text in (
        "全年办理法律援助案件321件，同比增长139.6%，上年同期审结94件。",
        "受理行政复议案件120件，同比下降20%，上年同期审结90件。",
    ):
        assert not inconsistencies(text), text
    # Last year's count of the same measure, or one that names none, is still checked.
    assert inconsistencies("全年办理法律援助案件321件，同比增长139.6%，上年同期办理100件。")
    assert inconsistencies("受理行政复议案件120件，同比下降20%，上年为200件。")


def test_an_outcome_rate_is_not_judged_over_the_cases_received():
    # 维持率 and 败诉率 are over the cases concluded or judged, which these texts omit.
    for text in (
        "受理行政复议案件586件，维持250件，维持率61.9%。",
        "行政应诉案件390件，败诉14件，败诉率6.7%（以判决结案数计）。",
    ):
        assert not inconsistencies(text), text
    # Over the cases concluded, the sole count before the rate is still its base.
    assert inconsistencies("全年审结行政复议案件200件，维持120件，维持率70%。")


def test_a_count_of_another_topic_in_the_sentence_before_is_not_a_rates_base():
    for text in (
        "办理法律援助案件90件。开展重大行政决策合法性审查20件，审查率100%。",
        "受理行政复议案件283件，其中涉企案件174件。开展重大行政决策合法性审查156件，审查率100%。",
    ):
        assert not inconsistencies(text), text
    # A count of the same cases in the sentence before is still the base.
    assert inconsistencies("共受理各类行政案件220件。共审结各类行政案件190件，审结率89%。")


def test_a_change_from_counts_rounded_to_wan_is_judged_within_their_rounding():
    # 12480 over 10000 is +24.8%; the report writes this year's count as 1.25万.
    a = analyze_text("接待群众法律咨询1.25万人次，较上年的10000人次增长24.8%。")
    (c,) = [r for r in a.relations if r.kind == "change"]
    assert c.consistent and "舍入范围" in c.note
    assert inconsistencies("接待群众法律咨询1.25万人次，较上年的10000人次增长30.5%。")


def test_a_change_after_a_qizhong_list_may_be_the_totals():
    text = "办理法律援助案件300件，其中民事案件200件、刑事案件100件，同比增长20%，上年为250件。"
    assert not inconsistencies(text)
    # Fitting neither the part nor the total, it is left unjudged, never 不符.
    assert not inconsistencies(text.replace("增长20%", "增长35%"))
    assert inconsistencies("办理法律援助案件300件，同比增长35%，上年为250件。")


if __name__ == "__main__":
    import sys
    import time

    t = time.time()
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    out = false_alarms(n, int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    print(f"{n} texts, {len(out)} with 不符, {time.time() - t:.1f}s")
    for text, bad in out[:40]:
        print("=" * 60)
        print(text)
        for b in bad:
            print("  ->", {k: v for k, v in b.items() if v not in (None, [], "")})
