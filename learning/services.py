"""Writes of the learning app: opening evaluations, scores, the status workflow and recognition decisions.

Who may do what (scope is checked first: an evaluation outside ``visible_to(user)`` is refused):
- the commune's own account (or an administrator) opens evaluations, enters scores and self-assesses;
- a reviewer (district officer, province reviewer, administrator) in scope checks;
- the recognising body of the set issues the decision: for sets recognised at commune level the commune's
  account or a reviewer above it; for sets recognised higher up, a reviewer only.
Bulk transitions are set-based: the queries depend on the number of distinct results, never on the
number of subjects (the results are grouped and each group is one UPDATE).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.policy import may_check, may_recognise, may_self_assess
from units.models import Level, Unit

from .feeding import learning_indicators_feed
from .models import CriteriaIndicator, CriteriaSet, Evaluation, ModelKind, RecognitionDecision, Score, Status, Subject
from .scoring import Outcome, score_check, score_evaluate

MAX_LISTED = 10


def criteria_set_for(*, kind: str, year: int) -> CriteriaSet | None:
    """The set in force for a kind in a year (the latest to start, when versions overlap)."""
    return CriteriaSet.objects.filter(kind=kind).valid_in(year).order_by("-valid_from", "-pk").first()


@transaction.atomic
def evaluations_open(*, commune: Unit, kind: str, year: int, user) -> int:
    """Draft evaluations for the subjects of a kind on the commune's register that have none this year."""
    if not Unit.objects.visible_to(user).filter(pk=commune.pk).exists():
        raise PermissionDenied(_("Xã này nằm ngoài phạm vi của bạn."))
    if not may_self_assess(user, commune):
        raise PermissionDenied(_("Chỉ tài khoản của xã mới mở phiếu đánh giá cho các đối tượng của xã."))
    criteria_set = criteria_set_for(kind=kind, year=year)
    if criteria_set is None:
        raise ValidationError(
            _("Chưa có bộ tiêu chí “%(kind)s” áp dụng cho năm %(year)s.")
            % {"kind": ModelKind(kind).label, "year": year}
        )
    subjects = Subject.objects.filter(commune=commune, kind=kind, active=True).exclude(evaluations__year=year)
    created = Evaluation.objects.bulk_create(
        [
            Evaluation(subject_id=pk, year=year, criteria_set=criteria_set)
            for pk in subjects.values_list("pk", flat=True)
        ],
        batch_size=2000,
    )
    return len(created)


def _sets(evaluations: Iterable[Evaluation]) -> None:
    """Share one CriteriaSet instance per set, so that its indicators and bands load once."""
    sets = {s.pk: s for s in CriteriaSet.objects.filter(pk__in={e.criteria_set_id for e in evaluations})}
    for e in evaluations:
        e.criteria_set = sets[e.criteria_set_id]


def _load(ids: Iterable[int], user) -> list[Evaluation]:
    ids = set(ids)
    evaluations = list(
        Evaluation.objects.visible_to(user)
        .filter(pk__in=ids)
        .select_related("subject__commune")
        .select_for_update(of=("self",))
        .order_by("pk")
    )
    if len(evaluations) != len(ids) or not ids:
        raise PermissionDenied(_("Có phiếu đánh giá không tồn tại hoặc nằm ngoài phạm vi của bạn."))
    _sets(evaluations)
    return evaluations


def _scores(evaluations: Sequence[Evaluation]) -> dict[int, dict[int, Decimal]]:
    by_evaluation: dict[int, dict[int, Decimal]] = defaultdict(dict)
    rows = Score.objects.filter(evaluation__in=[e.pk for e in evaluations]).values_list(
        "evaluation_id", "indicator_id", "points"
    )
    for evaluation_id, indicator_id, points in rows:
        by_evaluation[evaluation_id][indicator_id] = points
    return by_evaluation


def _names(evaluations: Sequence[Evaluation]) -> str:
    names = ", ".join(e.subject.name for e in evaluations[:MAX_LISTED])
    return names + ("…" if len(evaluations) > MAX_LISTED else "")


def _require(evaluations: Sequence[Evaluation], status: str) -> None:
    wrong = [e for e in evaluations if e.status != status]
    if wrong:
        raise ValidationError(
            _("Không thực hiện được: %(count)s đối tượng không ở trạng thái “%(status)s” (%(names)s).")
            % {"count": len(wrong), "status": Status(status).label, "names": _names(wrong)}
        )


def _outcomes(evaluations: Sequence[Evaluation], *, complete: bool) -> dict[int, Outcome]:
    scores = _scores(evaluations)
    if complete:
        missing = [e for e in evaluations if len(scores.get(e.pk, {})) < len(e.criteria_set.indicators_list)]
        if missing:
            raise ValidationError(_("Chưa chấm đủ các chỉ số: %(names)s.") % {"names": _names(missing)})
    return {e.pk: score_evaluate(e.criteria_set, scores.get(e.pk, {})) for e in evaluations}


def _update_grouped(outcomes: Mapping[int, Outcome], **fields) -> None:
    """One UPDATE per distinct result: the query count follows the results, not the subjects."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for pk, o in outcomes.items():
        groups[(o.total, o.level, o.label, o.recognisable)].append(pk)
    for (total, level, label, recognisable), pks in groups.items():
        Evaluation.objects.filter(pk__in=pks).update(
            total=total, level=level, result=label, recognisable=recognisable, **fields
        )


@transaction.atomic
def evaluation_scores_save(
    *, evaluation: Evaluation, user, scores: Mapping[int, Decimal | None], notes: Mapping[int, str] | None = None
) -> Outcome:
    """Enter or correct the scores of one evaluation (indicator id → points; ``None`` clears a score)."""
    (evaluation,) = _load([evaluation.pk], user)
    commune = evaluation.subject.commune
    if evaluation.status == Status.DRAFT:
        if not may_self_assess(user, commune):
            raise PermissionDenied(_("Chỉ tài khoản của xã mới chấm điểm tự đánh giá."))
    elif evaluation.status == Status.SELF_ASSESSED:
        if not may_check(user, commune):
            raise PermissionDenied(_("Phiếu đã tự đánh giá; chỉ cấp kiểm tra mới sửa được điểm."))
    else:
        raise PermissionDenied(_("Phiếu đã kiểm tra hoặc đã có quyết định; không sửa được điểm."))
    criteria_set = evaluation.criteria_set
    known = {i.pk for i in criteria_set.indicators_list}
    notes = notes or {}
    unknown = (set(scores) | set(notes)) - known
    if unknown:
        raise ValidationError(_("Chỉ số không thuộc bộ tiêu chí của phiếu này."))
    given = {pk: Decimal(points) for pk, points in scores.items() if points is not None}
    errors = score_check(criteria_set, given)
    if errors:
        raise ValidationError({str(pk): message for pk, message in errors.items()})
    existing = {s.indicator_id: s for s in Score.objects.filter(evaluation=evaluation)}
    creates, updates, deletes = [], [], []
    for pk in known:
        points, note = given.get(pk), notes.get(pk, existing[pk].note if pk in existing else "")
        current = existing.get(pk)
        if points is None:
            if current is not None and pk in scores:
                deletes.append(current.pk)
        elif current is None:
            creates.append(Score(evaluation=evaluation, indicator_id=pk, points=points, note=note))
        elif current.points != points or current.note != note:
            current.points, current.note = points, note
            updates.append(current)
    Score.objects.filter(pk__in=deletes).delete()
    Score.objects.bulk_create(creates)
    Score.objects.bulk_update(updates, ["points", "note"])
    final = {pk: s.points for pk, s in existing.items() if s.pk not in deletes}
    final.update(given)
    outcome = score_evaluate(criteria_set, final)
    _update_grouped({evaluation.pk: outcome})
    return outcome


def _loaded_for(evaluations: Iterable[int], user, *, may, refusal: str, status: str) -> list[Evaluation]:
    """The evaluations a step applies to, loaded in the user's scope, each one the user may act on (else a
    ``PermissionDenied`` with ``refusal``) and at ``status`` (else a ``ValidationError``)."""
    loaded = _load(evaluations, user)
    if any(not may(user, e.subject.commune) for e in loaded):
        raise PermissionDenied(refusal)
    _require(loaded, status)
    return loaded


CHECK_REFUSAL = gettext_lazy("Việc kiểm tra do cấp trên (phòng, sở hoặc cơ quan công nhận) thực hiện.")


@transaction.atomic
def evaluation_self_assess(*, evaluations: Iterable[int], user) -> int:
    """draft → self-assessed, for every evaluation given (all or nothing); returns how many."""
    loaded = _loaded_for(
        evaluations,
        user,
        may=may_self_assess,
        refusal=_("Chỉ tài khoản của xã mới gửi tự đánh giá của đối tượng thuộc xã mình."),
        status=Status.DRAFT,
    )
    outcomes = _outcomes(loaded, complete=True)
    _update_grouped(outcomes, status=Status.SELF_ASSESSED, self_assessed_by=user, self_assessed_at=timezone.now())
    return len(loaded)


@transaction.atomic
def evaluation_check(*, evaluations: Iterable[int], user) -> int:
    """self-assessed → checked, by the level that checks (all or nothing); the result is computed again."""
    loaded = _loaded_for(evaluations, user, may=may_check, refusal=str(CHECK_REFUSAL), status=Status.SELF_ASSESSED)
    outcomes = _outcomes(loaded, complete=True)
    _update_grouped(outcomes, status=Status.CHECKED, checked_by=user, checked_at=timezone.now())
    return len(loaded)


@transaction.atomic
def evaluation_return(*, evaluations: Iterable[int], user) -> int:
    """self-assessed → draft: the checker hands the self-assessment back to the commune."""
    loaded = _loaded_for(evaluations, user, may=may_check, refusal=str(CHECK_REFUSAL), status=Status.SELF_ASSESSED)
    return Evaluation.objects.filter(pk__in=[e.pk for e in loaded]).update(
        status=Status.DRAFT, self_assessed_by=None, self_assessed_at=None
    )


@transaction.atomic
def recognition_decision_issue(
    *,
    evaluations: Iterable[int],
    user,
    number: str,
    issued_on: datetime.date,
    signer_name: str,
    signer_title: str,
    issuing_body: str = "",
    superior_body: str = "",
    place: str = "",
) -> RecognitionDecision:
    """The recognising body decides on checked evaluations of one kind and year: those whose result
    qualifies are recognised and listed in the decision, the others are not recognised. The counts then
    feed the commune's learning-model indicators (through ``values_record``)."""
    loaded = _load(evaluations, user)
    _require(loaded, Status.CHECKED)
    kinds, years = {e.subject.kind for e in loaded}, {e.year for e in loaded}
    if len(kinds) != 1 or len(years) != 1:
        raise ValidationError(_("Một quyết định chỉ công nhận một loại mô hình trong một năm."))
    refused = [e for e in loaded if not may_recognise(user, e.criteria_set, e.subject.commune)]
    if refused:
        raise PermissionDenied(
            _("Bạn không phải cơ quan công nhận của %(names)s theo bộ tiêu chí đang áp dụng.")
            % {"names": _names(refused)}
        )
    errors = {}
    if not number.strip():
        errors["number"] = _("Cần số, ký hiệu của quyết định.")
    if not signer_name.strip() or not signer_title.strip():
        errors["signer_name"] = _("Cần họ tên và chức vụ người ký.")
    if errors:
        raise ValidationError(errors)
    communes = {e.subject.commune_id: e.subject.commune for e in loaded}
    first = loaded[0]
    if first.criteria_set.recognising_level == Level.COMMUNE:
        if len(communes) != 1:
            raise ValidationError(_("Quyết định cấp xã chỉ công nhận đối tượng của một xã."))
        issuing_unit = first.subject.commune
    else:
        issuing_unit = user.unit if user.unit_id else first.subject.commune.parent
    decision = RecognitionDecision.objects.create(
        issuing_unit=issuing_unit,
        issuing_body=issuing_body.strip() or _("Ủy ban nhân dân %(unit)s") % {"unit": issuing_unit.name},
        superior_body=superior_body.strip(),
        number=number.strip(),
        issued_on=issued_on,
        place=place.strip() or issuing_unit.name,
        year=first.year,
        kind=first.subject.kind,
        signer_name=signer_name.strip(),
        signer_title=signer_title.strip(),
        created_by=user,
    )
    now = timezone.now()
    yes = [e.pk for e in loaded if e.recognisable]
    no = [e.pk for e in loaded if not e.recognisable]
    Evaluation.objects.filter(pk__in=yes).update(
        status=Status.RECOGNISED, decision=decision, decided_by=user, decided_at=now
    )
    Evaluation.objects.filter(pk__in=no).update(status=Status.NOT_RECOGNISED, decided_by=user, decided_at=now)
    learning_indicators_feed(communes=list(communes.values()), year=first.year, kinds=[first.subject.kind], user=user)
    return decision


def indicators_of(evaluation: Evaluation) -> list[CriteriaIndicator]:
    return evaluation.criteria_set.indicators_list
