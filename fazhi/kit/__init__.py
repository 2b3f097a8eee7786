"""The register kit: what every register's screens, API and xlsx sheets share.

A register keeps what is its own (models, rules, indicators, demo data, the templates
that differ) and *declares* its screens with the kit instead of writing them:

- `screens`: lists with filters, columns, search and pagination (`Screen`), the register
  form, the figures tab, and the one `scoped(request, qs)`: scope plus the selected unit.
- `registers`: a workflow register declared as a `WorkflowScreen` (list with its
  filters, register form, detail with actions, deadlines and history, the act endpoint,
  figures, xlsx) that gives its `urls()`; its API side is `api_workflow.RegisterViewSet`.
- `actions`: the detail page's action panel, deadlines and history, and the one handler
  behind every action button.
- `xlsx`, `xlsx_read`, `xlsx_views`: a sheet's template, import (all or nothing) and
  the two exports (for editing, for publication).
- `search`: the search box and the filters every list shares.
- `api`, `api_workflow`: the scoped viewsets, version checks and the transition endpoint.
- `forms`: errors from the model onto the form; yes/no inputs.

Below the kit is the foundation (`core`, `org`, `audit`, `workdays`, `deadlines`,
`indicators`); it never imports the kit. Registers import the kit; the kit never imports
a register. `lint-imports` holds these layers in CI (pyproject.toml).
"""
