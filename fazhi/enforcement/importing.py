"""The xlsx sheets of the enforcement register: cases (the volume register),
certificates, case-file reviews and supervision letters. Template, import (all or
nothing) and export, with personal data masked.

Cases: each row is a case as it stands; the state follows from its dates
(`Case.prepare_history`), validated by the model's own `clean()` — a major decision
without a passed legal review is refused like on the screens. Rows are bulk-created
(5,000–20,000 a county-year); cases still open or decided but unpublished get their
deadlines afterwards.

Certificates: each row names the holder (a `Person` of the unit, found by name and
ID number or created) and the certificate; they are bulk-created valid, and the ones
expiring within the renewal window go on the due list.

Case-file reviews: each row is one file scored with a published sheet (评查表, by
name); the deductions are given per item (`序号:扣分`), the score and grade are computed
by `rules.score` exactly as on the scoring screen, and a score typed in the row must
agree with it.

Supervision letters: each row is a letter as it stands; its state follows from its
dates (`SupervisionLetter.prepare_history`), letters still being rectified get their
running period.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from fazhi.deadlines.services import DueDates
from fazhi.enforcement.models import (
    Case,
    Certificate,
    Criterion,
    Deduction,
    FileReview,
    ReviewSheet,
    SupervisionLetter,
    open_renewal_deadlines,
)
from fazhi.enforcement.rules import (
    CertificateState,
    CriterionTier,
    Grade,
)
from fazhi.kit.xlsx import Column, Sheet, exports, fields, model_column, open_deadlines
from fazhi.org.models import Person
from fazhi.org.validators import mask_name


def _due_dates(context: dict[str, Any]) -> DueDates:
    """One import's due-date counter: the calendar and period rows read once per import."""
    if "_due" not in context:
        context["_due"] = DueDates()
    due: DueDates = context["_due"]
    return due


def _prepare_case(instance: Any, values: dict[str, Any], context: dict[str, Any]) -> None:
    case: Case = instance
    case.prepare_history(_due_dates(context))


CASE_SHEET = Sheet(
    model=Case,
    title="行政执法案件",
    natural_key=("unit", "number"),
    columns=[
        *fields(Case, unit="确山县市场监督管理局", number="确市监罚〔2024〕12号", kind="行政处罚"),
        model_column(Case, "party_name", "张三", read=lambda c: c.masked_party),
        *fields(Case, party_kind="自然人", matter="销售过期食品", opened_on="2024-01-08",
                is_major="否", legal_review_on="", legal_review_passed=""),
        model_column(Case, "legal_reviewer", personal="name"),
        *fields(Case, full_record="是", decided_on="2024-02-20", no_penalty="否",
                published_on="2024-02-23", note=""),
        *exports(Case, "state", "publication_due", "published_late"),
    ],
    prepare=_prepare_case,
    after_save=open_deadlines,
    bulk=True,
    instructions=[
        "每行登记一件行政执法案件；状态由日期确定：未填决定日期为“办理中”，填了决定日期为“已决定”，填了公示日期为“已公示”。",
        "公示期限由系统按国办发〔2018〕118号计算：行政许可、行政处罚7个工作日，其他执法决定20个工作日；行政检查不公示。",
        "重大执法决定须填写法制审核日期且审核通过，审核日期不得晚于决定日期（行政处罚法第58条），否则整表不导入。",
    ],
)


def _prepare_certificate(instance: Any, values: dict[str, Any], context: dict[str, Any]) -> None:
    cert: Certificate = instance
    cert.state = CertificateState.VALID
    name = (values.get("person_name") or "").strip()
    if not name or not cert.unit_id:
        return  # the missing cell is already reported
    id_number = (values.get("person_id_number") or "").strip().upper()
    people = Person.objects.filter(unit=cert.unit, name=name)
    if id_number:
        people = people.filter(id_number=id_number)
    person = people.first()
    if person is None:
        person = Person(unit=cert.unit, name=name, id_number=id_number, position="行政执法人员")
        try:
            person.full_clean()
        except ValidationError as exc:
            raise ValidationError(
                {"person": [m for ms in exc.message_dict.values() for m in ms]}
            ) from exc
        person.save()
    cert.person = person


def _after_certificates(instances: list[Any], context: dict[str, Any]) -> None:
    open_renewal_deadlines(instances)


CERTIFICATE_SHEET = Sheet(
    model=Certificate,
    title="行政执法证件",
    natural_key=("number",),
    writes_while_validating=True,  # _prepare_certificate creates the holder's Person
    columns=[
        model_column(Certificate, "unit", "确山县市场监督管理局", header="执法单位"),
        Column(
            "姓名",
            "person_name",
            required=True,
            example="张三",
            read=lambda c: mask_name(c.person.name),
            unmasked=lambda c: c.person.name,
        ),
        Column(
            "公民身份号码",
            "person_id_number",
            personal="id_number",
            read=lambda c: c.person.id_number,
        ),
        *fields(Certificate, role="行政执法人员", number="豫A1234567", field="市场监管",
                issuing_authority="河南省人民政府", issued_on="2021-06-01",
                valid_until="2026-05-31"),
        *exports(Certificate, "state", "cancelled_on"),
    ],
    prepare=_prepare_certificate,
    after_save=_after_certificates,
    bulk=True,
    instructions=[
        "每行登记一张有效的行政执法证件或执法监督证件；持证人按姓名（和公民身份号码）在本单位人员中查找，找不到的新建。",
        "年度审验、换证、注销请在证件页面办理；有效期即将届满的证件导入后列入到期提醒。",
    ],
)


# ------------------------------------------------------------------ case-file reviews

ITEM_SEPARATORS = re.compile(r"[；;，,\n、]+")
PAIR_SEPARATOR = re.compile(r"[:：=]")


def _parse_sheet(raw: Any, context: dict[str, Any]) -> ReviewSheet:
    """A scoring sheet the importing user may read, by its name."""
    name = str(raw).strip()
    sheets = context.setdefault("_sheets", {})
    if name not in sheets:
        sheets[name] = list(ReviewSheet.objects.readable_by(context["user"]).filter(name=name))
    found = sheets[name]
    if not found:
        raise ValidationError(f"评查表“{name}”不存在或不在您的管辖范围内。")
    if len(found) > 1:
        raise ValidationError(f"有{len(found)}张名为“{name}”的评查表，请先在评查表页面改名区分。")
    return found[0]


def _criteria(sheet: ReviewSheet, context: dict[str, Any]) -> dict[int, Criterion]:
    cache = context.setdefault("_criteria", {})
    if sheet.pk not in cache:
        cache[sheet.pk] = {c.pk: c for c in sheet.criteria.all()}
    return cache[sheet.pk]


def _criterion(key: str, criteria: dict[int, Criterion]) -> Criterion:
    """An item of the sheet by its 序号 or its text."""
    for c in criteria.values():
        if (key.isdigit() and c.order == int(key)) or c.text == key:
            return c
    raise ValidationError(f"评查表中没有序号或内容为“{key}”的评查项目。")


def _parse_deductions(text: str, criteria: dict[int, Criterion]) -> dict[int, Decimal]:
    """`1:2；4:3.5` (序号 or item text, a colon, the points taken off) → {criterion: points}."""
    out: dict[int, Decimal] = {}
    for part in ITEM_SEPARATORS.split(text.strip()):
        part = part.strip()
        if not part:
            continue
        pieces = PAIR_SEPARATOR.split(part)
        if len(pieces) != 2 or not pieces[0].strip() or not pieces[1].strip():
            raise ValidationError(f"“{part}”格式不对，应为“序号:扣分”，如 1:2；4:3。")
        c = _criterion(pieces[0].strip(), criteria)
        if c.tier == CriterionTier.VETO:
            raise ValidationError(f"第{c.order}项“{c.text}”是否决项，请填在“否决项”列。")
        try:
            points = Decimal(pieces[1].strip())
        except ArithmeticError as exc:
            raise ValidationError(f"“{part}”的扣分不是数字。") from exc
        if not points.is_finite():
            raise ValidationError(f"“{part}”的扣分不是数字。")
        if c.pk in out:
            raise ValidationError(f"第{c.order}项“{c.text}”填了两次扣分。")
        out[c.pk] = points
    return out


def _parse_vetoes(text: str, criteria: dict[int, Criterion]) -> list[int]:
    out = []
    for part in ITEM_SEPARATORS.split(text.strip()):
        part = part.strip()
        if not part:
            continue
        c = _criterion(part, criteria)
        if c.tier != CriterionTier.VETO:
            raise ValidationError(f"第{c.order}项“{c.text}”不是否决项。")
        if c.pk not in out:
            out.append(c.pk)
    return out


def _raise_with_model_errors(
    review: FileReview, values: dict[str, Any], errors: dict[str, Any]
) -> None:
    """Refuse the row with these errors and the model's own (so that the row's every
    error is reported at once), leaving out cells that already failed to parse."""
    try:
        review.clean()
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            if name in values:
                errors.setdefault(name, messages)
    raise ValidationError(errors)


def _plain(points: Decimal) -> str:
    return format(points.normalize(), "f")


def _prepare_review(instance: Any, values: dict[str, Any], context: dict[str, Any]) -> None:
    review: FileReview = instance
    if not review.sheet_id or not review.unit_id:
        # The missing or unknown cell is already reported and the row refused; a
        # placeholder score keeps full_clean from adding a second, confusing error.
        review.score, review.grade = Decimal(0), Grade.FAIL
        return
    criteria = _criteria(review.sheet, context)
    errors: dict[str, str] = {}
    deductions: dict[int, Decimal] = {}
    vetoes: list[int] = []
    try:
        deductions = _parse_deductions(values.get("deduction_text") or "", criteria)
    except ValidationError as exc:
        errors["deduction_text"] = exc.messages[0]
    try:
        vetoes = _parse_vetoes(values.get("veto_text") or "", criteria)
    except ValidationError as exc:
        errors["veto_text"] = exc.messages[0]
    number = (values.get("case_number") or "").strip()
    if number:
        review.case = Case.objects.filter(unit=review.unit, number=number).first()
        if review.case is None:
            errors["case_number"] = f"被评查单位没有案号为“{number}”的执法案件。"
    if errors:
        _raise_with_model_errors(review, values, errors)
    try:
        total, grade, parsed, veto_ids = FileReview.compute(criteria, deductions, vetoes)
    except ValidationError as exc:
        _raise_with_model_errors(review, values, {"deduction_text": exc.messages[0]})
    typed = values.get("score_check")
    if typed is not None and Decimal(typed) != total:
        _raise_with_model_errors(
            review,
            values,
            {"score_check": f"填写的得分{Decimal(typed):g}分与按扣分明细计算的{total:g}分不一致。"},
        )
    review.score, review.grade, review.vetoed = total, grade, bool(veto_ids)
    review._import_scoring = (criteria, parsed, veto_ids)  # type: ignore[attr-defined]


def _after_reviews(instances: list[Any], context: dict[str, Any]) -> None:
    rows: list[Deduction] = []
    for review in instances:
        criteria, parsed, veto_ids = review._import_scoring
        rows.extend(review.deduction_rows(criteria, parsed, veto_ids))
    Deduction.objects.bulk_create(rows)


def _deduction_text(review: FileReview) -> str:
    return "；".join(
        f"{d.criterion.order}:{_plain(d.points)}"
        for d in sorted(review.deductions.all(), key=lambda d: d.criterion.order)
        if not d.veto
    )


def _veto_text(review: FileReview) -> str:
    return "、".join(
        str(d.criterion.order)
        for d in sorted(review.deductions.all(), key=lambda d: d.criterion.order)
        if d.veto
    )


REVIEW_SHEET = Sheet(
    model=FileReview,
    title="案卷评查结果",
    columns=[
        model_column(FileReview, "unit", "确山县市场监督管理局"),
        Column(
            "评查表",
            "sheet",
            kind="custom",
            required=True,
            parse=_parse_sheet,
            help="评查表名称，须为已制定的评查表",
            example="确山县2022年度行政处罚案卷评查标准",
        ),
        model_column(FileReview, "file_number", "确市监罚〔2022〕12号"),
        Column(
            "关联案件案号",
            "case_number",
            help="可不填；填写的，须为被评查单位已登记的案件",
            read=lambda r: r.case.number if r.case else "",
        ),
        model_column(FileReview, "reviewed_on", "2022-11-15"),
        model_column(
            FileReview, "reviewers", "张三、李四", help="多人用顿号分隔", read=lambda r: r.masked_reviewers
        ),
        Column(
            "扣分明细",
            "deduction_text",
            help="计分项目的序号:扣分，多项用分号分隔，如 4:2；6:3；不扣分不填",
            example="4:2；6:3",
            read=_deduction_text,
        ),
        Column(
            "否决项",
            "veto_text",
            help="触及的否决项序号，多项用顿号分隔；触及任一否决项的案卷为0分、不合格",
            read=_veto_text,
        ),
        Column(
            "得分",
            "score_check",
            kind="decimal",
            help="可不填（系统按评查表计算）；填写的，须与计算结果一致",
            example=95,
            read=lambda r: r.score,
        ),
        model_column(FileReview, "findings", "卷内文书编号不连续"),
        *exports(FileReview, "grade", "vetoed"),
    ],
    prepare=_prepare_review,
    after_save=_after_reviews,
    bulk=False,
    instructions=[
        "每行登记一份案卷的评查结果；评查表按名称查找，须先在“评查表”页面制定。",
        "扣分按评查表中评查项目的序号填写（如 4:2；6:3），每项扣分以该项分值为限；得分和等次由系统按评查表计算。",
        "触及否决项的（填序号），该案卷为0分、不合格。",
    ],
)


# ------------------------------------------------------------------ supervision letters


def _prepare_letter(instance: Any, values: dict[str, Any], context: dict[str, Any]) -> None:
    letter: SupervisionLetter = instance
    if letter.issued_on:
        letter.prepare_history(_due_dates(context))


LETTER_SHEET = Sheet(
    model=SupervisionLetter,
    title="行政执法监督意见书",
    natural_key=("issuer", "number"),
    columns=[
        *fields(SupervisionLetter, issuer="确山县司法局", recipient="确山县市场监督管理局",
                number="确司执监〔2024〕1号", issued_on="2024-11-01",
                problems="行政处罚决定未按期公示", reported_on="", report="", closed_on=""),
        *exports(SupervisionLetter, "state", "reported_late"),
    ],
    prepare=_prepare_letter,
    after_save=open_deadlines,
    bulk=False,
    instructions=[
        "每行登记一份行政执法监督意见书；状态由日期确定：未填报告整改日期为“整改中”，填了为“已报告整改”，填了销号日期为“已销号”。",
        "是否逾期报告由系统按整改期限计算；整改中的意见书导入后开始计算整改期限，列入到期提醒。",
    ],
)
