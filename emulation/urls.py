from django.urls import path

from . import views

app_name = "emulation"
urlpatterns = [
    path("<int:unit_id>/<int:year>/", views.result_view, name="result"),
]
