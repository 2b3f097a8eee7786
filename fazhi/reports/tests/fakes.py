"""A small catalogue over org.Person, so the report code is tested apart from any
register (as fazhi/indicators/tests/test_engine.py does)."""

from django.db.models import Q

from fazhi.indicators import catalogue as cat_module
from fazhi.indicators.catalogue import count, parts, rate
from fazhi.testing import make_person

CATALOGUE = [
    count(
        "people",
        "人员",
        "名",
        model="org.Person",
        where=lambda p: Q(),
        definition="人员数",
        register="org",
    ),
    count(
        "principals",
        "负责人",
        "名",
        model="org.Person",
        where=lambda p: Q(is_principal=True),
        definition="负责人数",
        register="org",
    ),
    count(
        "staff",
        "工作人员",
        "名",
        model="org.Person",
        where=lambda p: Q(is_principal=False),
        definition="非负责人",
        register="org",
    ),
    parts(
        "people_again",
        "人员合计",
        "名",
        of=("principals", "staff"),
        definition="负责人+工作人员",
        register="org",
    ),
    rate(
        "principal_rate",
        "负责人占比",
        numerator="principals",
        denominator="people",
        definition="负责人÷人员",
        register="org",
    ),
]


# An outline over the fake codes: the measures part says every figure, the other parts
# are left to staff (prompts), as a province's outline without them would.
OUTLINE = [
    {
        "key": "people",
        "section": "measures",
        "heading": "队伍建设",
        "sentences": [
            "{year}年，{scope}人员{{people}}，负责人{{principals}}，工作人员{{staff}}，"
            "人员合计{{people_again}}，负责人占比为{{principal_rate}}。"
        ],
    }
]


def install(monkeypatch):
    from fazhi.reports import outline

    table = {i.code: i for i in CATALOGUE}
    monkeypatch.setattr(cat_module, "substitute", table)
    monkeypatch.setattr(outline, "THEMES", OUTLINE)
    return table


def staff(county_a, unit_a1, unit_a2):
    """County A: 4 people, 2 of them principals (50%)."""
    make_person(unit_a1, "张伟", is_principal=True)
    make_person(unit_a1, "李娜")
    make_person(unit_a2, "王芳", is_principal=True)
    make_person(unit_a2, "刘洋")


def answer_prompts(report):
    """Every prompt of the report's sections answered and saved: it validates clean."""
    from fazhi.reports import annual

    for s in report.sections.all():
        s.text = annual.PROMPT.sub("已按要求填写。", s.text)
        s.save()
    return report


def ready_draft(county, year=2022):
    """A saved draft of the county's report with every prompt answered."""
    from fazhi.reports import annual

    return answer_prompts(annual.create_draft(county, year))
