"""REST API: score sheets (scoped like the screens) with their scores, manual scoring,
recomputing and the workflow moves.

- `GET /api/assessment-sheets/` and `/<id>/`: sheets with every rule's score, the value
  and explanation of automatic scores and the URLs of the records behind them;
- `POST /api/assessment-sheets/` {system, unit, year}: a new sheet (the assessor's);
- `PATCH /<id>/` {note}: the assessor's remarks; `DELETE /<id>/`: a draft sheet;
- `POST /<id>/score/` {rule, points, note, link}: a manual score (the rule by number);
- `POST /<id>/recompute/`: compute the automatic scores again;
- `POST /<id>/transition/` {action, on, note, version}: submit, send back, confirm.

Refusals of the assessed unit's own writers (only the assessor scores) answer 400 with
the Chinese message, as workflow refusals do; read-only roles get 403.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from fazhi.assessment import services
from fazhi.assessment.forms import action_form_class
from fazhi.assessment.models import ScoreSheet, System
from fazhi.assessment.rules import Method, NodeKind, State
from fazhi.assessment.views import drill_links
from fazhi.kit.api import ScopedModelViewSet, TransitionMixin
from fazhi.org.models import Unit


def _refuse(exc: ValidationError) -> ApiValidationError:
    return ApiValidationError({"detail": exc.messages})


class SheetSerializer(serializers.ModelSerializer):
    system = serializers.PrimaryKeyRelatedField(queryset=System.objects.all())
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all())
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    assessor_name = serializers.CharField(source="assessor.name", read_only=True)
    allowed_actions = serializers.SerializerMethodField()
    scores = serializers.SerializerMethodField()

    class Meta:
        model = ScoreSheet
        fields = [
            "id",
            "system",
            "unit",
            "unit_name",
            "assessor",
            "assessor_name",
            "year",
            "state",
            "total",
            "computed_at",
            "submitted_on",
            "confirmed_on",
            "note",
            "version",
            "allowed_actions",
            "scores",
        ]
        read_only_fields = [
            "assessor",
            "state",
            "total",
            "computed_at",
            "submitted_on",
            "confirmed_on",
            "version",
        ]

    def get_allowed_actions(self, obj: ScoreSheet) -> list[str]:
        request = self.context.get("request")
        return [t.action for t in obj.allowed_actions(request.user)] if request else []

    def get_scores(self, obj: ScoreSheet) -> list[dict[str, Any]]:
        if (
            self.context.get("view") is not None
            and getattr(self.context["view"], "action", "") == "list"
        ):
            return []  # the list stays light; GET /<id>/ has every score
        out = []
        for line in services.flatten(services.tree(obj)):
            n = line.node
            item: dict[str, Any] = {
                "number": n.number,
                "title": n.title,
                "kind": n.kind,
                "max_points": str(n.points),
                "points": str(line.points) if line.points is not None else None,
            }
            if n.kind == NodeKind.RULE:
                item["method"] = n.method
                if line.auto is not None:
                    item.update(
                        indicator=n.indicator,
                        value=str(line.auto.value) if line.auto.value is not None else None,
                        explanation=line.auto.explanation,
                        computed_at=line.auto.computed_at.isoformat(),
                        records=[
                            {"role": r, "name": nm, "url": u} for r, nm, u in drill_links(n, obj)
                        ],
                    )
                elif line.manual is not None:
                    item.update(
                        note=line.manual.note,
                        link=line.manual.link,
                        attachment=line.manual.evidence.name if line.manual.evidence_id else "",
                        attachment_sha256=line.manual.evidence_sha256,
                    )
            out.append(item)
        return out


class ManualScoreInput(serializers.Serializer):
    rule = serializers.CharField(max_length=30, help_text="规则编号，如 1.1")
    points = serializers.DecimalField(max_digits=7, decimal_places=2)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    link = serializers.URLField(required=False, allow_blank=True, default="", max_length=500)
    version = serializers.IntegerField(required=False, allow_null=True, default=None)


class SheetViewSet(TransitionMixin, ScopedModelViewSet):
    queryset = ScoreSheet.objects.select_related("unit", "assessor", "system").order_by(
        "-year", "unit__path"
    )
    serializer_class = SheetSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def action_form(self, transition: Any, record: Any) -> Any:
        return action_form_class(transition, record, self.request.user)

    def perform_create(self, serializer: Any) -> None:
        d = serializer.validated_data
        try:
            sheet = services.create_sheet(
                system=d["system"],
                unit=d["unit"],
                year=d["year"],
                by=self.request.user,
                on=timezone.localdate(),
            )
        except ValidationError as exc:
            raise _refuse(exc) from exc
        serializer.instance = sheet

    def perform_update(self, serializer: Any) -> None:
        sheet: ScoreSheet = serializer.instance
        changed = set(serializer.validated_data) - {"note"}
        if changed:
            raise ApiValidationError(
                {"detail": [f"只能修改考核评语（note），不能修改：{'、'.join(sorted(changed))}。"]}
            )
        try:
            sheet.check_assessor(self.request.user)
        except ValidationError as exc:
            raise _refuse(exc) from exc
        serializer.save()

    def perform_destroy(self, instance: ScoreSheet) -> None:
        try:
            instance.check_assessor(self.request.user)
        except ValidationError as exc:
            raise _refuse(exc) from exc
        if instance.state != State.DRAFT:
            raise ApiValidationError({"detail": ["只能删除“评分中”的评分表。"]})
        instance.delete()

    @action(detail=True, methods=["post"])
    def score(self, request: Request, pk: Any = None) -> Response:
        sheet = self.get_object()
        data = ManualScoreInput(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        node = sheet.system.nodes.filter(number=d["rule"].strip(), kind=NodeKind.RULE).first()
        if node is None or node.method != Method.MANUAL:
            return Response(
                {"rule": [f"“{d['rule']}”不是本指标体系的人工评分规则。"]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        try:
            services.enter_score(sheet, node, d, by=request.user)
        except ValidationError as exc:
            return Response({"detail": exc.messages}, status=status.HTTP_400_BAD_REQUEST)
        return Response(self.get_serializer(self.get_queryset().get(pk=sheet.pk)).data)

    @action(detail=True, methods=["post"])
    def recompute(self, request: Request, pk: Any = None) -> Response:
        sheet = self.get_object()
        try:
            services.recompute(sheet, by=request.user)
        except ValidationError as exc:
            return Response({"detail": exc.messages}, status=status.HTTP_400_BAD_REQUEST)
        return Response(self.get_serializer(self.get_queryset().get(pk=sheet.pk)).data)


ROUTES = [("assessment-sheets", SheetViewSet)]
