"""The admin's headings of two third-party apps, in Vietnamese: INSTALLED_APPS names these configurations instead of
the apps' own (django-axes, django-tasks' database backend); everything else is theirs."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class AxesConfig(AxesAppConfig):
    verbose_name = _("Bảo vệ đăng nhập")


class TasksConfig(TasksAppConfig):
    verbose_name = _("Hàng đợi tác vụ nền")
