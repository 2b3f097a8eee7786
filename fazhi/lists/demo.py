"""Demo lists of 确山县: a power list compiled in 2021, the service items of 2021, the
permit list compiled in 2022 under 国办发〔2022〕2号, and the 2022 adjustments.

The compiled lists go in with `establish_many` (bulk, to keep `fazhi demo` fast); every
2022 change goes through `apply_adjustment`, as a user's would. The counts agree by
construction: the 2022 year-end power list = compiled + added − removed.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from fazhi.core.demo import DemoContext
from fazhi.lists.models import ListItem
from fazhi.lists.rules import Action, ListKind, PowerType, ServiceKind
from fazhi.lists.services import apply_adjustment, establish_many

POWER_DOC = "确政〔2021〕12号"
SERVICE_DOC = "确政办〔2021〕38号"
PERMIT_DOC = "确政办〔2022〕9号"
ADJUST_DOC = "确政办〔2022〕41号"

# The law each demo department mostly enforces, and what it licenses.
LAWS = {
    "确山县司法局": ("《中华人民共和国律师法》", "法律服务所执业"),
    "确山县市场监督管理局": ("《中华人民共和国食品安全法》", "食品经营"),
    "确山县发展和改革委员会": ("《企业投资项目核准和备案管理条例》", "企业投资项目核准"),
    "确山县教育局": ("《中华人民共和国民办教育促进法》", "民办学校办学"),
    "确山县公安局": ("《中华人民共和国治安管理处罚法》", "旅馆业特种行业"),
    "确山县民政局": ("《社会团体登记管理条例》", "社会团体成立登记"),
    "确山县人力资源和社会保障局": ("《中华人民共和国劳动合同法》", "劳务派遣经营"),
    "确山县自然资源局": ("《中华人民共和国土地管理法》", "建设用地规划"),
    "确山县住房和城乡建设局": ("《中华人民共和国建筑法》", "建筑工程施工"),
    "确山县交通运输局": ("《中华人民共和国道路运输条例》", "道路货物运输经营"),
    "确山县水利局": ("《中华人民共和国水法》", "取水"),
    "确山县农业农村局": ("《中华人民共和国种子法》", "农作物种子生产经营"),
    "确山县卫生健康委员会": ("《医疗机构管理条例》", "医疗机构执业登记"),
    "确山县应急管理局": ("《中华人民共和国安全生产法》", "危险化学品经营"),
    "确山县林业局": ("《中华人民共和国森林法》", "林木采伐"),
}
POWER_PHRASES = {
    PowerType.PERMIT: "{what}许可",
    PowerType.PENALTY: "对违反{law}行为的处罚（{n}）",
    PowerType.COERCION: "对违反{law}涉案物品的查封、扣押（{n}）",
    PowerType.INSPECTION: "对{what}活动的监督检查（{n}）",
    PowerType.CONFIRMATION: "{what}有关事项的确认（{n}）",
    PowerType.PAYMENT: "{what}相关补助发放（{n}）",
    PowerType.REWARD: "对{what}工作突出单位和个人的奖励",
    PowerType.OTHER: "{what}有关事项的备案（{n}）",
}
# Items per department of the 2021 power list, by type.
POWER_MIX = [
    (PowerType.PENALTY, 6),
    (PowerType.COERCION, 1),
    (PowerType.INSPECTION, 3),
    (PowerType.CONFIRMATION, 2),
    (PowerType.PAYMENT, 1),
    (PowerType.REWARD, 1),
    (PowerType.OTHER, 1),
    (PowerType.PERMIT, 1),
]
SERVICE_PHRASES = {
    ServiceKind.ON_APPLICATION: ["{what}申请办理", "{what}变更办理", "{what}注销办理"],
    ServiceKind.PUBLIC: [
        "{what}政策咨询",
        "{what}办事指南查询",
        "{what}信息公开查询",
        "{what}投诉举报受理",
        "{what}业务培训",
        "{what}证明材料打印",
    ],
}


def _documented(item: ListItem) -> ListItem:
    """The item with the number of the document that published its list."""
    item._document = {  # type: ignore[attr-defined]
        ListKind.POWER: POWER_DOC,
        ListKind.PERMIT: PERMIT_DOC,
        ListKind.SERVICE: SERVICE_DOC,
    }[item.list_kind]
    return item


def _item(unit: Any, law: str, list_kind: str, code: str, name: str, in_force_from: date, **extra: Any) -> ListItem:
    """One item of a unit's list, its code after the unit's, its basis the unit's law."""
    return ListItem(
        unit=unit,
        list_kind=list_kind,
        code=f"{unit.code}-{code}",
        name=name,
        legal_basis=law,
        in_force_from=in_force_from,
        **extra,
    )


def _items(ctx: DemoContext) -> list[ListItem]:
    items: list[ListItem] = []
    for name, (law, what) in LAWS.items():
        unit = ctx.unit(name)
        seq = 0
        for ptype, count in POWER_MIX:
            for n in range(1, count + 1):
                seq += 1
                phrase = POWER_PHRASES[ptype].format(law=law, what=what, n=n)
                items.append(
                    _item(unit, law, ListKind.POWER, f"QZ-{seq:03d}", phrase, date(2021, 6, 30),
                          power_type=ptype, basis_articles=f"第{10 + seq}条")
                )
        for k in range(1, 4):
            permit = f"{what}许可" if k == 1 else f"{what}许可（第{k}类）"
            items.append(
                _item(unit, law, ListKind.PERMIT, f"XK-{k:03d}", permit, date(2022, 3, 31),
                      basis_articles=f"第{20 + k}条")
            )
        seq = 0
        for kind, phrases in SERVICE_PHRASES.items():
            for phrase in phrases:
                seq += 1
                items.append(
                    _item(unit, law, ListKind.SERVICE, f"FW-{seq:03d}", phrase.format(what=what),
                          date(2021, 12, 31), service_kind=kind)
                )
    return items


def _new(
    ctx: DemoContext,
    by: Any,
    unit_name: str,
    kind: str,
    code: str,
    name: str,
    on: date,
    **extra: str,
) -> None:
    law = LAWS[unit_name][0]
    apply_adjustment(
        Action.ADD,
        by=by,
        on=on,
        changes={
            "unit": ctx.unit(unit_name),
            "list_kind": kind,
            "code": code,
            "name": name,
            "legal_basis": law,
            **extra,
        },
        reason="法律法规修改，依据上级清单新增",
        document_number=ADJUST_DOC,
    )


def load(ctx: DemoContext) -> None:
    by = ctx.users.get("coordinator")
    items = ListItem.objects.bulk_create([_documented(i) for i in _items(ctx)])
    establish_many(items, by=by)
    powers = [i for i in items if i.list_kind == ListKind.POWER]

    on = date(2022, 9, 30)  # the 2022 round of dynamic adjustment, under one document
    adjust_2022 = partial(apply_adjustment, by=by, on=on, document_number=ADJUST_DOC)
    # Removed: items the 2021 revision of the 行政处罚法 and the 2022 reforms made obsolete.
    for item in powers[5::30]:
        adjust_2022(Action.REMOVE, item=item, reason="上级取消该项行政职权")
    # Amended: new legal basis after the law was revised; two moved in the reform.
    for item in powers[2::30]:
        adjust_2022(
            Action.AMEND,
            item=item,
            changes={"basis_articles": f"{item.basis_articles}（2022年修订）"},
            reason="法律修订，依据条款调整",
        )
    reform = ctx.unit("确山县城市管理局")
    for item in [p for p in powers if p.unit.name == "确山县住房和城乡建设局"][:2]:
        apply_adjustment(
            Action.AMEND,
            by=by,
            on=date(2022, 11, 15),
            item=item,
            changes={"unit": reform, "code": f"{reform.code}-QZ-{item.code[-3:]}"},
            reason="综合行政执法改革，职权划转城市管理局",
            document_number="确编〔2022〕7号",
        )
    # Added: powers the revised laws created.
    for n, name in enumerate(
        [
            "确山县市场监督管理局",
            "确山县应急管理局",
            "确山县农业农村局",
            "确山县卫生健康委员会",
            "确山县交通运输局",
            "确山县自然资源局",
        ],
        start=1,
    ):
        _new(
            ctx,
            by,
            name,
            ListKind.POWER,
            f"{ctx.unit(name).code}-QZ-1{n:02d}",
            f"对违反{LAWS[name][0]}新增违法行为的处罚",
            on,
            power_type=PowerType.PENALTY,
        )
    _new(
        ctx,
        by,
        "确山县司法局",
        ListKind.SERVICE,
        "QS-SFJ-FW-101",
        "法律援助申请办理",
        date(2022, 7, 1),
        service_kind=ServiceKind.ON_APPLICATION,
    )
    _new(
        ctx,
        by,
        "确山县司法局",
        ListKind.PERMIT,
        "QS-SFJ-XK-101",
        "基层法律服务工作者执业核准",
        date(2022, 7, 1),
    )
