from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("ke-hoach/", views.plan_list, name="list"),
    path("ke-hoach/<int:pk>/", views.plan_detail, name="detail"),
    path("ke-hoach/<int:pk>/ke-thua/", views.carry_over, name="carry_over"),
    path("ke-hoach/<int:pk>/chi-tieu/them/", views.target_create, name="target_create"),
    path("ke-hoach/<int:pk>/chi-tieu/<int:target_pk>/sua/", views.target_update, name="target_update"),
]
