from django.urls import path

from . import views_rollup

urlpatterns = [
    path("tong-hop/", views_rollup.rollup_index, name="rollup_index"),
    path("tong-hop/<int:unit_id>/<str:period>/", views_rollup.rollup_detail, name="rollup"),
]
