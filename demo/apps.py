from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo data (``load_demo``): nothing else depends on this app, and no app imports it."""

    name = "demo"
    verbose_name = _("Dữ liệu mẫu")
