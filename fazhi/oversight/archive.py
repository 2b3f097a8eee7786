"""立卷归档 (seed 004: 对督促检查中形成的各种资料，做到及时立卷归档，以备查询).

One `ArchiveFile` per task, written when the task is archived: the task's fields, the
table of contents of its documents (立项依据, 交办, every progress report with the
attachment's stored name, the acceptance), its milestones, every reminder and
escalation, and the task's full audit history, frozen as they were that day. Shown at
`/oversight/<id>/archive/`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fazhi.audit.models import Entry


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _history(task: Any) -> list[Entry]:
    """The audit entries of the task and of every record filed under it, in order."""
    records = [task, *task.milestones.all(), *task.progress.all(), *task.urgings.all()]
    entries: dict[int, Entry] = {}
    for record in records:
        for e in Entry.objects.for_object(record):
            entries[e.pk] = e
    return [entries[k] for k in sorted(entries)]


def _documents(task: Any) -> list[dict[str, str]]:
    """The file's table of contents: every document formed while the task was handled."""
    docs = [
        {
            "序号": "",
            "日期": _day(task.approved_on or task.proposed_on),
            "文件": f"立项依据：{task.get_source_kind_display()}《{task.source_ref}》",
            "附件": "",
        },
    ]
    if task.assigned_on:
        docs.append(
            {
                "序号": "",
                "日期": _day(task.assigned_on),
                "文件": f"交办（责任分解）：牵头单位{task.unit.name}，责任人{task.responsible}，"
                f"完成时限{_day(task.due_on)}，时间节点{task.milestones.count()}个",
                "附件": "",
            }
        )
    for p in task.progress.all():
        docs.append(
            {
                "序号": "",
                "日期": _day(p.reported_on),
                "文件": ("办结报告" if p.final else "进展反馈") + f"：{p.text[:60]}",
                "附件": p.attachment.name if p.attachment else "",
            }
        )
    if task.closed_on and not task.rejected:
        docs.append(
            {
                "序号": "",
                "日期": _day(task.closed_on),
                "文件": f"验收销号（验收人{task.accepted_by}）",
                "附件": "",
            }
        )
    for i, d in enumerate(docs, start=1):
        d["序号"] = str(i)
    return docs


def build_archive(task: Any, *, on: date) -> Any:
    from fazhi.oversight.models import ArchiveFile

    contents = {
        "事项": {
            "督办编号": task.number,
            "督办事项": task.title,
            "工作要求": task.requirement,
            "立项依据": f"{task.get_source_kind_display()}：{task.source_ref}",
            "督查机构": task.office.name,
            "牵头单位": task.unit.name,
            "配合单位": [u.name for u in task.co_units.all()],
            "责任人": task.responsible,
            "完成时限": _day(task.due_on),
            "立项日期": _day(task.approved_on),
            "审批人": task.approved_by,
            "交办日期": _day(task.assigned_on),
            "报告办结日期": _day(task.reported_on),
            "销号日期": _day(task.closed_on),
            "验收人": task.accepted_by,
        },
        "时间节点": [
            {"节点": m.title, "时限": _day(m.due_on), "完成": _day(m.done_on)}
            for m in task.milestones.all()
        ],
        "进展反馈": [
            {
                "日期": _day(p.reported_on),
                "内容": p.text,
                "附件": p.attachment.name if p.attachment else "",
                "办结报告": p.final,
            }
            for p in task.progress.all()
        ],
        "卷内文件目录": _documents(task),
        "催办记录": [
            {
                "日期": _day(u.sent_on),
                "时间节点": u.milestone.title if u.milestone_id else "",
                "类别": u.get_kind_display(),
                "方式": u.get_means_display(),
                "被催办单位": u.unit.name,
                "说明": u.note,
            }
            for u in task.urgings.select_related("unit", "milestone").order_by("sent_on", "id")
        ],
        "办理记录": [
            {
                "时间": e.at.isoformat(),
                "用户": e.username,
                "操作": e.get_action_display(),
                "动作": e.verb,
                "说明": e.note,
            }
            for e in _history(task)
        ],
    }
    number = f"督档-{on.year}-{task.pk:05d}"
    archive, _ = ArchiveFile.objects.update_or_create(
        task=task, defaults={"number": number, "archived_on": on, "contents": contents}
    )
    return archive
