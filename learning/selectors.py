"""Reads of the learning pages: the commune's board, an evaluation, a decision, shares by child unit.

The views resolve the objects of a URL (``visible_to(user)``: outside the scope a 404); counts are
grouped in SQL (one query per table), and the shares by child unit come from the roll-up of the fed
indicators (``reports.rollup``): one query per depth, never one per unit.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import Count
from django.utils import timezone

from accounts.policy import may_check, may_recognise, may_self_assess
from indicators.models import Indicator
from plans.models import Target
from plans.periods import period_resolve
from plans.targets import target_for
from reports.rollup import Figure, rollup
from units.models import Unit

from .feeding import KIND_INDICATOR
from .models import CriteriaSet, Evaluation, Evidence, ModelKind, RecognitionDecision, Score, Status, Subject
from .services import criteria_set_for
from .validity import recognition_validity

PAGE_SIZE = 200
BOARD_KINDS = [ModelKind.FAMILY, ModelKind.CLAN, ModelKind.COMMUNITY, ModelKind.UNIT, ModelKind.CITIZEN]


def kind_of(raw: str | None) -> str:
    return raw if raw in ModelKind.values else ModelKind.FAMILY


@dataclasses.dataclass
class Board:
    commune: Unit
    year: int
    kind: str
    registered: int
    by_status: dict[str, int]
    not_opened: int
    recognised_percent: Decimal | None
    target: Target | None
    target_inherited: bool
    criteria_set: CriteriaSet | None
    page: Page
    status_filter: str
    can_self_assess: bool
    can_check: bool
    can_recognise: bool
    decisions: list[RecognitionDecision]

    @property
    def kind_label(self) -> str:
        return ModelKind(self.kind).label

    @property
    def feeds(self) -> bool:
        return self.kind in KIND_INDICATOR

    @property
    def status_rows(self) -> list[tuple[str, str, int]]:
        return [(value, label, self.by_status.get(value, 0)) for value, label in Status.choices]

    @property
    def gap(self) -> Decimal | None:
        if self.target is None or self.target.value is None or self.recognised_percent is None:
            return None
        return self.recognised_percent - self.target.value


def board(
    *, user, commune: Unit, year: int, kind: str, status: str = "", page: int | str = 1, on: datetime.date | None = None
) -> Board:
    """The commune's board of one kind of learning model for a year (the view resolved the commune).

    Each recognised evaluation of the page carries ``validity`` (``learning.validity.recognition_validity`` on
    ``on``, today by default): in force up to a day, or expired."""
    subjects = Subject.objects.filter(commune=commune, kind=kind, active=True)
    registered = subjects.count()
    evaluations = Evaluation.objects.filter(subject__commune=commune, subject__kind=kind, year=year)
    by_status = dict(evaluations.values_list("status").annotate(n=Count("pk")).order_by())
    opened = sum(by_status.values())
    recognised = by_status.get(Status.RECOGNISED, 0)
    percent = Decimal(recognised) * 100 / registered if registered else None
    target, inherited = None, False
    code = KIND_INDICATOR.get(kind)
    indicator = Indicator.objects.filter(code=code).first() if code else None
    if indicator is not None:
        target, inherited = target_for(unit=commune, indicator=indicator, year=year)
    listed = evaluations.select_related("subject", "decision", "criteria_set").order_by(
        "subject__address", "subject__name", "pk"
    )
    if status in Status.values:
        listed = listed.filter(status=status)
    criteria_set = criteria_set_for(kind=kind, year=year)
    shown = Paginator(listed, PAGE_SIZE).get_page(page)
    shown.object_list = list(shown.object_list)
    today = on or timezone.localdate()
    for evaluation in shown.object_list:
        evaluation.validity = (
            recognition_validity(
                year=evaluation.year,
                issued_on=evaluation.decision.issued_on if evaluation.decision else None,
                years=evaluation.criteria_set.recognition_years,
                on=today,
            )
            if evaluation.status == Status.RECOGNISED
            else None
        )
    return Board(
        commune=commune,
        year=year,
        kind=kind,
        registered=registered,
        by_status=by_status,
        not_opened=max(registered - opened, 0),
        recognised_percent=percent,
        target=target,
        target_inherited=inherited,
        criteria_set=criteria_set,
        page=shown,
        status_filter=status if status in Status.values else "",
        can_self_assess=may_self_assess(user, commune),
        can_check=may_check(user, commune),
        can_recognise=bool(criteria_set and may_recognise(user, criteria_set, commune)),
        decisions=list(
            RecognitionDecision.objects.visible_to(user)
            .filter(evaluations__subject__commune=commune, year=year, kind=kind)
            .distinct()
            .order_by("-issued_on")
        ),
    )


@dataclasses.dataclass
class Line:
    indicator: object
    score: Score | None
    evidence: list[Evidence]
    # A refused scores form's text, kept as typed (the view sets them), and its reason.
    typed_points: str | None = None
    typed_note: str | None = None
    error: str = ""


@dataclasses.dataclass
class EvaluationPage:
    evaluation: Evaluation
    lines_by_criterion: list[tuple[object, list[Line]]]
    can_edit: bool


def evaluation_page(*, user, evaluation: Evaluation) -> EvaluationPage:
    """An evaluation the user sees (the view resolved it), its scores and evidence grouped by criterion."""
    scores = {s.indicator_id: s for s in Score.objects.filter(evaluation=evaluation)}
    evidence = defaultdict(list)
    for item in Evidence.objects.filter(evaluation=evaluation).order_by("pk"):
        evidence[item.indicator_id].append(item)
    grouped: dict[int, tuple[object, list[Line]]] = {}
    for indicator in evaluation.criteria_set.indicators_list:
        entry = grouped.setdefault(indicator.criterion_id, (indicator.criterion, []))
        entry[1].append(Line(indicator, scores.get(indicator.pk), evidence.get(indicator.pk, [])))
    commune = evaluation.subject.commune
    can_edit = (evaluation.status == Status.DRAFT and may_self_assess(user, commune)) or (
        evaluation.status == Status.SELF_ASSESSED and may_check(user, commune)
    )
    return EvaluationPage(evaluation, list(grouped.values()), can_edit)


def decision_lines(decision: RecognitionDecision) -> list[Evaluation]:
    return list(
        decision.evaluations.select_related("subject__commune").order_by(
            "subject__commune__path", "subject__address", "subject__name"
        )
    )


@dataclasses.dataclass
class ShareRow:
    unit: Unit
    figures: list[Figure | None]


@dataclasses.dataclass
class SharesPage:
    unit: Unit
    year: int
    indicators: list[Indicator]
    own: ShareRow
    children: list[ShareRow]
    crumbs: list[Unit]


def shares_page(*, user, unit: Unit, year: int) -> SharesPage:
    """Recognised shares of the unit and of each child unit: the roll-up of the fed ratio indicators."""
    period = period_resolve(str(year))
    order = {code: n for n, code in enumerate(KIND_INDICATOR.values())}
    indicators = sorted(Indicator.objects.filter(code__in=order), key=lambda i: order[i.code])
    children = list(Unit.objects.filter(parent=unit).valid_on(period.reference_day).order_by("name"))
    own = rollup(anchors=[unit], period=period, indicators=indicators)
    below = rollup(anchors=children, period=period, indicators=indicators) if children else {}
    visible_paths = set(
        Unit.objects.visible_to(user).ancestors_of(unit, include_self=True).values_list("path", flat=True)
    )
    crumbs = [a for a in Unit.objects.ancestors_of(unit, include_self=True) if a.path in visible_paths]
    return SharesPage(
        unit=unit,
        year=year,
        indicators=indicators,
        own=ShareRow(unit, [own.get((unit.pk, i.pk)) for i in indicators]),
        children=[ShareRow(c, [below.get((c.pk, i.pk)) for i in indicators]) for c in children],
        crumbs=crumbs,
    )


@dataclasses.dataclass
class DecisionDocument:
    """What the printed decision needs beyond the decision itself (NĐ 30/2020/NĐ-CP layout)."""

    decision: RecognitionDecision
    lines: list[Evaluation]
    legal_bases: list[str]

    @property
    def kind_label(self) -> str:
        return ModelKind(self.decision.kind).label

    @property
    def date_text(self) -> str:
        from django.utils.translation import gettext as _

        day = self.decision.issued_on
        # NĐ 30: days below 10 and months below 3 take a leading zero.
        month = f"{day.month:02d}" if day.month < 3 else str(day.month)
        return _("%(place)s, ngày %(day)s tháng %(month)s năm %(year)s") % {
            "place": self.decision.place,
            "day": f"{day.day:02d}",
            "month": month,
            "year": day.year,
        }


def decision_document(decision: RecognitionDecision) -> DecisionDocument:
    lines = decision_lines(decision)
    bases = sorted(
        {
            e.criteria_set.legal_basis
            for e in Evaluation.objects.filter(decision=decision).select_related("criteria_set")
        }
    )
    return DecisionDocument(decision, lines, bases)
