"""Every register's export leaves an EXPORT entry in the audit trail (issue 10, point 4;
GB/T 22239-2019 8.1.4.3: audit covers important security events, which includes bulk
copies of personal data leaving the system)."""

import pytest
from django.urls import URLResolver, get_resolver

from fazhi.audit.models import Action, Entry
from fazhi.audit.trail import verify_chain

pytestmark = pytest.mark.django_db


def _walk(patterns, prefix: str):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, route)
        elif pattern.name == "export" and "<" not in route:
            yield "/" + route


def export_urls() -> list[str]:
    """Every `export.xlsx` mounted with `xlsx_urls`, nested includes too."""
    return sorted(set(_walk(get_resolver().url_patterns, "")))


def test_the_registers_with_exports_are_found():
    urls = export_urls()
    assert "/reconsideration/export.xlsx" in urls and len(urls) >= 5


@pytest.mark.parametrize("url", export_urls())
def test_each_register_export_is_audited(url, client_for, coordinator):
    before = Entry.objects.filter(action=Action.EXPORT).count()
    response = client_for(coordinator).get(url)
    assert response.status_code == 200
    entries = list(Entry.objects.filter(action=Action.EXPORT).order_by("id"))[before:]
    assert len(entries) == 1, f"{url} 导出未写审计日志"
    (entry,) = entries
    assert entry.username == "coordinator" and entry.model and "行" in entry.object_repr
    assert verify_chain()[1] is None
