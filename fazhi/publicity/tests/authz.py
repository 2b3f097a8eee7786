"""Who may reach each route of publicity: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from fazhi.api.tests.authz_support import api_rows, auto_factory, reader, screen_rows
from fazhi.publicity.views import SCREENS, SECTION

ROUTES = {
    **api_rows("activity", auto_factory("publicity.Activity")),
    **api_rows("responsibility", auto_factory("publicity.Responsibility")),
    **api_rows("studysession", auto_factory("publicity.StudySession")),
    **api_rows("examresult", auto_factory("publicity.ExamResult")),
    **api_rows("lawreport", auto_factory("publicity.LawReport")),
    "publicity:figures": reader(),  # publicity/figures/
    # publicity/ (activities), responsibilities/, study/, exams/, reports/: list, new/,
    # <int:pk>/, and xlsx template/import/export where the screen has a sheet.
    **screen_rows(SECTION, SCREENS),
}
