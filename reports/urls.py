from django.urls import include, path

app_name = "reports"
urlpatterns = [
    path("", include("reports.urls_entry")),
    path("", include("reports.urls_rollup")),
    path("", include("reports.urls_submissions")),
]
