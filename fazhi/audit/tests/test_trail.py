import pytest
from django.core.management import CommandError, call_command

from fazhi.audit.models import Action, Entry
from fazhi.audit.trail import audit_context, record, verify_chain
from fazhi.testing import PASSWORD, make_person


def entries_for(obj):
    return list(Entry.objects.for_object(obj).order_by("id"))


def test_a_create_is_audited_with_user_and_after_state(unit_a1, liaison_a1):
    with audit_context(user=liaison_a1):
        p = make_person(unit_a1, "张三")
    (e,) = entries_for(p)
    assert e.action == Action.CREATE
    assert e.user == liaison_a1
    assert e.before is None and e.after["name"] == "张三"
    assert e.unit_path == unit_a1.path


def test_a_change_is_audited_with_before_and_after(unit_a1, liaison_a1):
    p = make_person(unit_a1, "张三")
    with audit_context(user=liaison_a1):
        p.position = "科长"
        p.save()
    e = entries_for(p)[-1]
    assert e.action == Action.UPDATE
    assert ("position", "", "科长") in e.changes


def test_a_save_without_changes_writes_nothing(unit_a1):
    p = make_person(unit_a1, "张三")
    before = Entry.objects.count()
    p.save()
    assert Entry.objects.count() == before


def test_a_delete_is_audited_with_the_before_state(unit_a1):
    p = make_person(unit_a1, "张三")
    pk = p.pk
    p.delete()
    e = Entry.objects.filter(model="org.person", object_pk=str(pk)).latest("id")
    assert e.action == Action.DELETE and e.before["name"] == "张三" and e.after is None


def test_a_state_change_is_labelled_as_a_transition(unit_a1):
    p = make_person(unit_a1, "张三")
    with audit_context(action=Action.TRANSITION, verb="accept"):
        p.position = "已受理"
        p.save()
    e = entries_for(p)[-1]
    assert e.action == Action.TRANSITION and e.verb == "accept"


@pytest.mark.django_db
def test_logins_logouts_and_failures_are_audited(client, liaison_a1):
    client.post("/login/", {"username": "liaison_a1", "password": "wrong"})
    client.post("/login/", {"username": "liaison_a1", "password": PASSWORD})
    client.post("/logout/")
    actions = list(Entry.objects.order_by("id").values_list("action", flat=True))
    assert actions[-3:] == [Action.LOGIN_FAILED, Action.LOGIN, Action.LOGOUT]


def test_the_chain_verifies_and_names_the_first_tampered_entry(unit_a1):
    for i in range(5):
        make_person(unit_a1, f"人员{i}")
    checked, broken = verify_chain()
    assert broken is None and checked == Entry.objects.count()
    victim = Entry.objects.order_by("id")[2]
    Entry.objects.filter(pk=victim.pk).update(note="篡改")
    checked, broken = verify_chain()
    assert broken.pk == victim.pk and checked == 2
    with pytest.raises(CommandError, match=f"第 {victim.pk} 条"):
        call_command("audit_verify")


def test_deleting_an_entry_breaks_the_chain_at_its_successor(unit_a1):
    for i in range(4):
        make_person(unit_a1, f"人员{i}")
    ids = list(Entry.objects.order_by("id").values_list("id", flat=True))
    Entry.objects.filter(pk=ids[1]).delete()
    _, broken = verify_chain()
    assert broken.pk == ids[2]


def test_the_verify_command_reports_an_intact_chain(unit_a1, capsys):
    make_person(unit_a1, "张三")
    call_command("audit_verify")
    assert "完好" in capsys.readouterr().out


def test_auditors_see_their_jurisdictions_entries_only(auditor, unit_a1, county_b):
    make_person(unit_a1, "张三")
    make_person(county_b, "王五")
    record(Action.EXPORT, user=auditor, object_repr="导出", unit_path=county_b.path)
    visible = Entry.objects.visible_to(auditor)
    assert visible.filter(object_repr__contains="张").exists()
    assert not visible.filter(unit_path__startswith=county_b.path).exists()


def test_the_audit_page_is_for_auditors(client_for, auditor, liaison_a1, unit_a1):
    make_person(unit_a1, "张三丰")
    assert client_for(auditor).get("/audit/").status_code == 200
    assert client_for(liaison_a1).get("/audit/").status_code == 403


def test_a_signing_keys_private_half_never_enters_the_trail(unit_a1):
    from fazhi.upward.models import SigningKey

    key = SigningKey.for_unit(unit_a1)
    (e,) = entries_for(key)
    assert "private_key" not in e.after and key.private_key not in str(e.after)
    assert e.after["public_key"] == key.public_key


def test_a_files_content_is_recorded_as_its_size_and_digest():
    from fazhi.audit.trail import _jsonable

    shown = _jsonable(b"PK\x03\x04 a docx")
    assert shown.startswith("（文件内容 11 字节，SHA-256 ") and "PK" not in shown


def test_the_audit_page_reads_in_names_not_codes(client_for, auditor, unit_a1, liaison_a1):
    liaison_a1.full_name = "李联络"
    liaison_a1.save()
    with audit_context(user=liaison_a1):
        p = make_person(unit_a1, "张三")
        p.is_principal = True
        p.save()
    html = client_for(auditor).get("/audit/").content.decode()
    assert "李联络" in html and ">liaison_a1<" not in html  # the person, not the login
    assert "人员" in html and "org.person" not in html  # the record type's name
    assert "is_principal" not in html and "否 → 是" in html  # the field's name and values
