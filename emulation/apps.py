from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmulationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "emulation"
    verbose_name = _("Thi đua xây dựng xã hội học tập")
