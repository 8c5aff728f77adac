"""The one task the portal enqueues: run a job by its id (the job's row carries everything else)."""

from django_tasks import task

from jobs.services import job_execute


@task()
def job_run(job_id: str) -> None:
    job_execute(job_id)
