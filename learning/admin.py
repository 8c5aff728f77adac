from django.contrib import admin

from .models import (
    Band,
    CriteriaIndicator,
    CriteriaSet,
    Criterion,
    Evaluation,
    Evidence,
    RecognitionDecision,
    Score,
    Subject,
)


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    show_change_link = True  # the indicators are edited on the criterion's page


class BandInline(admin.TabularInline):
    model = Band
    extra = 0


@admin.register(CriteriaSet)
class CriteriaSetAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "name",
        "kind",
        "legal_basis",
        "article",
        "scheme",
        "recognition_years",
        "valid_from",
        "valid_to",
        "is_illustrative",
    ]
    list_filter = ["kind", "scheme", "is_illustrative"]
    search_fields = ["code", "name", "legal_basis"]
    inlines = [CriterionInline, BandInline]


class CriteriaIndicatorInline(admin.TabularInline):
    model = CriteriaIndicator
    extra = 0


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "criteria_set", "max_points"]
    list_filter = ["criteria_set"]
    inlines = [CriteriaIndicatorInline]


@admin.register(Subject)
class SubjectAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "commune", "head", "address", "code", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "head", "code", "commune__name"]
    raw_id_fields = ["commune"]


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    readonly_fields = ["uploaded_by", "uploaded_at", "size"]


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    list_display = ["subject", "year", "criteria_set", "status", "total", "level", "result"]
    list_filter = ["year", "status", "criteria_set"]
    search_fields = ["subject__name"]
    raw_id_fields = ["subject", "decision"]
    # The result is computed from the scores by the criteria set, never typed.
    readonly_fields = ["total", "level", "result", "recognisable"]
    inlines = [ScoreInline, EvidenceInline]


@admin.register(RecognitionDecision)
class RecognitionDecisionAdmin(admin.ModelAdmin):
    list_display = ["number", "issued_on", "issuing_body", "kind", "year"]
    list_filter = ["kind", "year"]
    raw_id_fields = ["issuing_unit"]
    readonly_fields = ["created_by", "created_at"]
