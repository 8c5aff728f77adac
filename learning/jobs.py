"""The recognition decision of a bulk action as a background job: a decision recognising hundreds of families
or clans at once lists every one of them, and its PDF takes seconds to lay out; above
``XHHT_JOB_DECISION_LINES`` subjects the PDF link starts a job (the decision page stays immediate).
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from core.numbers import number_text
from core.pdf import render_pdf_to
from jobs.models import Job, JobKind
from jobs.services import JobError, JobOutput, Progress, job_start, output_path

from .models import RecognitionDecision
from .selectors import decision_document


def decision_pdf_is_large(decision: RecognitionDecision) -> bool:
    return decision.evaluations.count() > settings.XHHT_JOB_DECISION_LINES


def decision_pdf_filename(decision: RecognitionDecision) -> str:
    return f"quyet-dinh-cong-nhan-{decision.pk}.pdf"


def decision_pdf_job_start(*, user, decision: RecognitionDecision) -> Job:
    title = _("Quyết định công nhận số %(number)s (PDF)") % {"number": decision.number}
    return job_start(
        kind=JobKind.DECISIONS_PDF,
        owner=user,
        unit=decision.issuing_unit,
        params={"decision_id": decision.pk},
        title=title,
    )


def decisions_pdf_run(job: Job, progress: Progress) -> JobOutput:
    progress.start(3, _("Lập danh sách được công nhận"))
    decision = (
        RecognitionDecision.objects.visible_to(job.owner)
        .select_related("issuing_unit")
        .filter(pk=job.params["decision_id"])
        .first()
    )
    if decision is None:
        raise JobError(_("Quyết định không còn trong phạm vi của bạn."))
    doc = decision_document(decision)
    progress.advance()
    path = output_path(".pdf")
    render_pdf_to(path, "learning/decision_pdf.html", {"doc": doc}, progress=progress)
    message = _("Quyết định số %(number)s: %(n)s đối tượng được công nhận.") % {
        "number": decision.number,
        "n": number_text(len(doc.lines)),
    }
    return JobOutput(path=path, filename=decision_pdf_filename(decision), result={"message": message})
