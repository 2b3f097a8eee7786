"""Who may reach each route of publicity: its rows of the authorization matrix (fazhi/api/authz.py)."""

from __future__ import annotations

from fazhi.api.authz import api_rows, auto_factory, reader, record_write, writer

ROUTES = {
    **api_rows("activity", auto_factory("publicity.Activity")),
    **api_rows("responsibility", auto_factory("publicity.Responsibility")),
    **api_rows("studysession", auto_factory("publicity.StudySession")),
    **api_rows("examresult", auto_factory("publicity.ExamResult")),
    **api_rows("lawreport", auto_factory("publicity.LawReport")),
    "publicity:figures": reader(),  # publicity/figures/
    "publicity:list": reader(),  # publicity/
    "publicity:list_new": writer(),  # publicity/new/
    "publicity:list_edit": record_write(auto_factory("publicity.Activity")),  # publicity/<int:pk>/
    "publicity:list_xlsx:template": reader(),  # publicity/xlsx/template.xlsx
    "publicity:list_xlsx:import": writer(),  # publicity/xlsx/import/
    "publicity:list_xlsx:export": reader(),  # publicity/xlsx/export.xlsx
    "publicity:responsibilities": reader(),  # publicity/responsibilities/
    "publicity:responsibilities_new": writer(),  # publicity/responsibilities/new/
    "publicity:responsibilities_edit": record_write(
        auto_factory("publicity.Responsibility")
    ),  # publicity/responsibilities/<int:pk>/
    "publicity:study": reader(),  # publicity/study/
    "publicity:study_new": writer(),  # publicity/study/new/
    "publicity:study_edit": record_write(
        auto_factory("publicity.StudySession")
    ),  # publicity/study/<int:pk>/
    "publicity:study_xlsx:template": reader(),  # publicity/study/template.xlsx
    "publicity:study_xlsx:import": writer(),  # publicity/study/import/
    "publicity:study_xlsx:export": reader(),  # publicity/study/export.xlsx
    "publicity:exams": reader(),  # publicity/exams/
    "publicity:exams_new": writer(),  # publicity/exams/new/
    "publicity:exams_edit": record_write(
        auto_factory("publicity.ExamResult")
    ),  # publicity/exams/<int:pk>/
    "publicity:reports": reader(),  # publicity/reports/
    "publicity:reports_new": writer(),  # publicity/reports/new/
    "publicity:reports_edit": record_write(
        auto_factory("publicity.LawReport")
    ),  # publicity/reports/<int:pk>/
}
