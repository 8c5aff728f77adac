"""A job's page (progress bar, then the download link or the reason it failed), its status as JSON for the
page's script, its file, and the list of the person's recent jobs.

Scope: ``Job.objects.visible_to`` (the owner while the unit is in their scope, and administrators); any other
job answers 404, its file included.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from jobs.models import Job, JobKind
from jobs.services import job_check

RECENT = 50

#: What a finished job of a kind shows below its bar (the rows checked, the errors, the reminders sent).
RESULT_TEMPLATES = {
    JobKind.VALUES_CHECK: "reports/import_job_result.html",
    JobKind.VALUES_IMPORT: "reports/import_job_result.html",
    JobKind.DECISIONS_PDF: "jobs/result_counts.html",
    JobKind.REMINDERS: "jobs/result_counts.html",
    JobKind.CLEANUP: "jobs/result_counts.html",
}


def _job(request: HttpRequest, job_id) -> Job:
    return get_object_or_404(Job.objects.visible_to(request.user).select_related("unit", "owner"), pk=job_id)


def job_status_data(job: Job) -> dict:
    return {
        "id": str(job.pk),
        "state": job.state,
        "state_label": str(job.get_state_display()),
        "step": job.step,
        "done": job.done,
        "total": job.total,
        "percent": job.percent,
        "finished": job.finished,
        "error": job.error,
        "download_url": reverse("jobs:download", args=[job.pk]) if job.has_file else None,
    }


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    jobs = Job.objects.visible_to(request.user).filter(owner=request.user).select_related("unit")[:RECENT]
    return render(request, "jobs/job_list.html", {"jobs": jobs})


@login_required
def job_detail(request: HttpRequest, job_id) -> HttpResponse:
    job = job_check(job=_job(request, job_id))
    template = RESULT_TEMPLATES.get(job.kind) if job.finished else None
    return render(request, "jobs/job_detail.html", {"job": job, "result_template": template})


@login_required
def job_status(request: HttpRequest, job_id) -> JsonResponse:
    job = job_check(job=_job(request, job_id))
    response = JsonResponse(job_status_data(job))
    response["Cache-Control"] = "no-store"
    return response


@login_required
def job_download(request: HttpRequest, job_id) -> FileResponse:
    job = _job(request, job_id)
    if not job.has_file:
        raise Http404(_("Công việc chưa có tệp, hoặc tệp đã hết hạn lưu giữ."))
    try:
        handle = job.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("Tệp đã hết hạn lưu giữ.")) from None
    inline = job.filename.endswith(".pdf")
    return FileResponse(handle, as_attachment=not inline, filename=job.filename)
