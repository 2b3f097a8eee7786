"""Who may reach each route of oversight: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from fazhi.api.authz import (
    api_rows,
    auto_factory,
    first_action,
    reader,
    record_action,
    record_read,
    writer,
)

ROUTES = {
    **api_rows("task", auto_factory("oversight.Task"), "transition"),
    **api_rows("suggestion", auto_factory("oversight.Suggestion"), "transition"),
    "oversight:list": reader(),  # oversight/
    "oversight:task_new": writer(),  # oversight/new/
    "oversight:task": record_read(auto_factory("oversight.Task")),  # oversight/<int:pk>/
    "oversight:task_act": record_action(
        auto_factory("oversight.Task"),
        kwargs=first_action("fazhi.oversight.rules.TASK_TRANSITIONS"),
    ),  # oversight/<int:pk>/act/<slug:action>/
    "oversight:due": reader(),  # oversight/due/
    "oversight:figures": reader(),  # oversight/figures/
    "oversight:suggestions": reader(),  # oversight/suggestions/
    "oversight:suggestion_new": writer(),  # oversight/suggestions/new/
    "oversight:suggestion": record_read(
        auto_factory("oversight.Suggestion")
    ),  # oversight/suggestions/<int:pk>/
    "oversight:suggestion_act": record_action(
        auto_factory("oversight.Suggestion"),
        kwargs=first_action("fazhi.oversight.rules.SUGGESTION_TRANSITIONS"),
    ),  # oversight/suggestions/<int:pk>/act/<slug:action>/
    "oversight:template": reader(),  # oversight/template.xlsx
    "oversight:import": writer(),  # oversight/import/
    "oversight:export": reader(),  # oversight/export.xlsx
}
