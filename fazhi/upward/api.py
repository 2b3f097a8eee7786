"""Read-only API of the submissions a unit received (or sent): the figures rolled up.

Files are imported only through `receive()` (the screen or the command), which verifies
them; the API offers no create, change or delete.
"""

from __future__ import annotations

from typing import Any

from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.request import Request

from fazhi.kit.api import OutOfScopeFirstMixin, ScopedWritePermission
from fazhi.org.scope import visible_to
from fazhi.upward.models import ReportedFigure, Submission


class ReportedFigureSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportedFigure
        fields = ["code", "name", "measure", "kind", "value", "raw"]


class SubmissionSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    unit_uscc = serializers.CharField(source="unit.uscc", read_only=True)
    figures = ReportedFigureSerializer(many=True, read_only=True)

    class Meta:
        model = Submission
        fields = [
            "id",
            "unit",
            "unit_name",
            "unit_uscc",
            "receiver",
            "year",
            "format_version",
            "generated_at",
            "software",
            "key_fingerprint",
            "sha256",
            "report_included",
            "current",
            "imported_at",
            "figures",
        ]


class SubmissionViewSet(
    OutOfScopeFirstMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """`GET /api/upward-submissions/` (filters: `?year=`, `?current=1`) and `/<id>/`.

    Writes answer 405 to those who may see the record (outsiders still get 404, so the
    answer does not reveal that a record exists)."""

    queryset = (
        Submission.objects.select_related("unit").prefetch_related("figures").defer("content")
    )
    serializer_class = SubmissionSerializer
    permission_classes = [permissions.IsAuthenticated, ScopedWritePermission]

    def get_queryset(self) -> Any:
        qs = visible_to(self.request.user, super().get_queryset())
        year = self.request.query_params.get("year", "")
        if year.isdigit():
            qs = qs.filter(year=int(year))
        if self.request.query_params.get("current") == "1":
            qs = qs.filter(current=True)
        return qs

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        raise MethodNotAllowed(
            "POST", detail="上报文件只能通过核验导入（逐级上报 › 导入下级上报文件）。"
        )

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        self.get_object()
        raise MethodNotAllowed(request.method, detail="上报文件不能修改。")

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        return self.update(request, *args, **kwargs)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        self.get_object()
        raise MethodNotAllowed("DELETE", detail="上报文件不能删除，历史版本一律保留。")


ROUTES = [("upward-submissions", SubmissionViewSet)]
