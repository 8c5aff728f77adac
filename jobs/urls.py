"""Background jobs: a job's page, its status for the progress bar, its file; the person's recent jobs."""

from django.urls import path

from jobs import views

app_name = "jobs"

urlpatterns = [
    path("", views.job_list, name="list"),
    path("<uuid:job_id>/", views.job_detail, name="detail"),
    path("<uuid:job_id>/trang-thai/", views.job_status, name="status"),
    path("<uuid:job_id>/tai-ve/", views.job_download, name="download"),
]
